#pragma once

#include "util/result.h"

#include <QFutureWatcher>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPair>
#include <QSet>

#include <memory>

class QSystemTrayIcon;

namespace sk {

class ShopStore;
class SqliteDatabase;

// Tells the user when a stock level falls to or below its low-stock threshold: a desktop
// notification when the desktop has a system tray, and always the lowStock signal (the
// inventory page shows it in the window when there is no tray). Only the crossing is
// announced: a level that stays low is not announced again until it has been above its
// threshold. Levels already low when the shop opens are the baseline, not news.
//
// After a local edit, checkLevels() looks at the edited levels (a few indexed lookups). After
// a sync, checkAll() re-reads the set of low levels on a pool thread with its own read-only
// connection (the low-stock index makes that proportional to the low levels, not the shop).
class LowStockNotifier : public QObject
{
    Q_OBJECT

public:
    struct Alert
    {
        QString variantId;
        QString locationId;
        QString label; // "SKU · Title · options"
        QString locationName;
        qint64 available = 0;
        qint64 threshold = 0;
    };
    using LevelKey = QPair<QString, QString>; // variant id, location id

    explicit LowStockNotifier(QObject *parent = nullptr);
    ~LowStockNotifier() override;

    // nullptr: no shop open. Otherwise reads the baseline (asynchronously; see isReady()).
    void setShop(ShopStore *store);
    // The baseline has been read; until then nothing is announced.
    bool isReady() const { return m_ready; }
    bool isScanning() const { return m_scanning; }

    // Desktop notifications (a tray message) when the desktop supports them; on by default.
    void setDesktopNotificationsEnabled(bool enabled) { m_desktopEnabled = enabled; }
    bool showsDesktopNotifications() const;

    // After a local edit of these levels: announces and returns those that crossed.
    QList<Alert> checkLevels(const QList<LevelKey> &levels);
    // After a sync: re-reads every low level in the background; announcements follow.
    void checkAll();

    // The text of a notification about these alerts.
    static QString messageFor(const QList<Alert> &alerts);

signals:
    // Levels crossed their threshold; shownOnDesktop says whether a tray message showed it.
    void lowStock(const QString &message, bool shownOnDesktop);
    // A checkAll() (or the baseline) finished; crossings, if any, were announced before.
    void scanFinished();
    void errorOccurred(const QString &message);

private:
    struct Scan
    {
        int generation = 0;
        QSet<qint64> lowRids;
        QString error;
    };
    static Scan scanLowLevels(SqliteDatabase &db);
    void startScan();
    void onScanFinished();
    Result<QList<Alert>> alertsFor(const QList<qint64> &rids);
    void announce(const QList<Alert> &alerts);

    ShopStore *m_store = nullptr;
    std::unique_ptr<SqliteDatabase> m_db;
    QSet<qint64> m_low;
    // Levels checkLevels() saw while a scan ran (rid -> low), newer than the scan's snapshot.
    QHash<qint64, bool> m_seenDuringScan;
    int m_generation = 0; // bumped per shop, so a scan of the previous shop is ignored
    bool m_ready = false;
    bool m_scanning = false; // until onScanFinished() ran, not just the pool task
    bool m_rescan = false;
    bool m_desktopEnabled = true;
    QFutureWatcher<Scan> m_watcher;
    QSystemTrayIcon *m_tray = nullptr;
};

} // namespace sk
