#pragma once

#include "pendingedits.h"

#include <QDialog>

class QLabel;
class QPushButton;

namespace sk {

class ShopStore;
class SyncWorker;

// "You have N changes that have not reached the server yet": asked before signing out or
// switching shop. Sync now (the default) / Keep for later / Discard (destructive, confirmed
// with the count) / Cancel (Esc). PendingEdits carries the choice out.
class PendingEditsDialog : public QDialog
{
    Q_OBJECT

public:
    using Choice = PendingEdits::Choice;
    using Outcome = PendingEdits::Outcome;

    // action: "sign out" or "switch shop" (shown translated); any other text is shown as is.
    PendingEditsDialog(qint64 pending, const QString &shopName, const QString &action, QWidget *parent = nullptr);

    Choice choice() const { return m_choice; }
    // Shown above the buttons, e.g. why the last "Sync now" did not work.
    void setErrorText(const QString &text);
    QString headlineText() const;

    QPushButton *syncNowButton() const { return m_syncNow; }
    QPushButton *keepButton() const { return m_keep; }
    QPushButton *discardButton() const { return m_discard; }
    QPushButton *cancelButton() const { return m_cancel; }

    static Choice ask(QWidget *parent, qint64 pending, const QString &shopName, const QString &action);

    // Carries the choice out with PendingEdits, showing a window-modal progress dialog while a
    // sync or a discard runs (events keep flowing; the UI thread never blocks on the network).
    static Outcome carryOut(QWidget *parent, Choice choice, ShopStore &store, SyncWorker *worker);

    // The whole step before a sign-out or shop switch: reads the pending count, asks when
    // there is any, carries the choice out, and asks again (with the reason) when it failed.
    // proceed is true when the caller may go on.
    static Outcome settle(QWidget *parent, ShopStore &store, SyncWorker *worker, const QString &shopName,
                          const QString &action);

private:
    void choose(Choice choice);
    void confirmDiscard();

    qint64 m_pending;
    QString m_shopName;
    Choice m_choice = Choice::Cancel;
    QLabel *m_headline = nullptr;
    QLabel *m_error = nullptr;
    QPushButton *m_syncNow = nullptr;
    QPushButton *m_keep = nullptr;
    QPushButton *m_discard = nullptr;
    QPushButton *m_cancel = nullptr;
};

} // namespace sk
