#pragma once

#include "engine/syncengine.h"

#include <QPointer>
#include <QTimeZone>
#include <QToolButton>

class QTimer;

namespace sk {

class Clock;
class ShopStore;
class SyncWorker;

// The sync indicator of the status bar: online / offline / syncing, the changes waiting, when
// the shop last synced (relative; exact in the tooltip, in the shop's time zone) and the open
// issues. Fed only by SyncWorker::statusChanged; it never reads the outbox itself. Clicking it,
// or Enter / Space while it has focus, asks the worker to sync now.
class SyncStatusWidget : public QToolButton
{
    Q_OBJECT

public:
    // The store is read once for the shop's time zone (again after the first sync if the
    // settings were not there yet); both must outlive the widget. The worker may be null.
    SyncStatusWidget(const ShopStore &store, SyncWorker *worker, QWidget *parent = nullptr);
    ~SyncStatusWidget() override;

    void setWorker(SyncWorker *worker);
    // "Now" for the relative time; the system clock by default. Must outlive the widget.
    void setClock(const Clock &clock);

    const SyncStatus &status() const { return m_status; }
    bool hasStatus() const { return m_hasStatus; }
    QTimeZone timeZone() const { return m_zone; }
    // The one-line summary shown on the button, and the longer tooltip text.
    QString summaryText() const;
    QString detailText() const;

public slots:
    void setStatus(const sk::SyncStatus &status);
    // Re-renders "synced 2 min ago" (a timer calls it every 30 s).
    void refresh();

signals:
    // The user asked to sync now (the widget also calls SyncWorker::syncNow itself).
    void syncRequested();

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    void onClicked();
    void readTimeZone();
    QString stateText() const;
    QString relativeSyncText() const;
    QColor dotColor() const;

    const ShopStore &m_store;
    QPointer<SyncWorker> m_worker;
    const Clock *m_clock;
    QTimer *m_tick = nullptr;
    SyncStatus m_status;
    bool m_hasStatus = false;
    QTimeZone m_zone;
    bool m_zoneFromShop = false;
};

} // namespace sk
