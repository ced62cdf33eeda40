#pragma once

#include "local/entityref.h"

#include <QFutureWatcher>
#include <QPointer>
#include <QStringList>
#include <QWidget>

class QLabel;
class QPushButton;
class QStackedWidget;
class QTableView;

namespace sk {

class ShopStore;
class SyncIssueListModel;
class SyncWorker;
struct SyncStatus;

// The Sync issues page: the edits the server refused, with Keep mine / Take theirs / Dismiss
// (each applied to every selected issue, through the store's writer on a pool thread) and
// Open record. After a decision it asks the worker to sync: "Keep mine" queues a new
// mutation. Problems show inline above the table, never silently.
class SyncIssuesPanel : public QWidget
{
    Q_OBJECT

public:
    enum class Action { KeepMine, TakeTheirs, Dismiss };
    Q_ENUM(Action)

    // The store must outlive the panel; the worker may be null (nothing is synced then).
    SyncIssuesPanel(ShopStore &store, SyncWorker *worker, QWidget *parent = nullptr);
    ~SyncIssuesPanel() override;

    void setWorker(SyncWorker *worker);

    SyncIssueListModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QPushButton *keepMineButton() const { return m_keepMine; }
    QPushButton *takeTheirsButton() const { return m_takeTheirs; }
    QPushButton *dismissButton() const { return m_dismiss; }
    QPushButton *openRecordButton() const { return m_openRecord; }
    // The inline message (an error, or what the last action did); empty when none.
    QString messageText() const;
    bool isShowingError() const { return m_messageIsError; }
    bool isEmptyStateShown() const;
    QString emptyStateText() const;
    bool isBusy() const { return m_busy; }

public slots:
    void reload();
    void keepMine();
    void takeTheirs();
    void dismiss();
    void openRecord();

signals:
    void openRecordRequested(const sk::EntityRef &record);
    // An action ended (also when some issues failed: see messageText()).
    void actionFinished(sk::SyncIssuesPanel::Action action, int resolved, int failed);

protected:
    void showEvent(QShowEvent *event) override;

private:
    struct ItemResult
    {
        QString record;
        QString error; // empty when resolved
    };

    void run(Action action);
    void onActionDone(Action action, const QList<ItemResult> &results);
    void onStatus(const sk::SyncStatus &status);
    QList<int> selectedRows() const;
    void updateButtons();
    void updateEmptyState();
    void showMessage(const QString &text, bool error);

    ShopStore &m_store;
    QPointer<SyncWorker> m_worker;
    SyncIssueListModel *m_model = nullptr;
    QTableView *m_table = nullptr;
    QStackedWidget *m_stack = nullptr;
    QLabel *m_empty = nullptr;
    QLabel *m_message = nullptr;
    QPushButton *m_keepMine = nullptr;
    QPushButton *m_takeTheirs = nullptr;
    QPushButton *m_dismiss = nullptr;
    QPushButton *m_openRecord = nullptr;
    QFutureWatcher<QList<ItemResult>> m_watcher;
    Action m_running = Action::Dismiss;
    bool m_busy = false;
    bool m_messageIsError = false;
};

} // namespace sk
