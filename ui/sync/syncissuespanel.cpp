#include "syncissuespanel.h"

#include "common/listtable.h"
#include "engine/syncworker.h"
#include "local/syncissues.h"
#include "storage/shopstore.h"
#include "syncissuelistmodel.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPromise>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableView>
#include <QThreadPool>
#include <QVBoxLayout>

#include <algorithm>
#include <memory>

using namespace Qt::StringLiterals;

namespace sk {

SyncIssuesPanel::SyncIssuesPanel(ShopStore &store, SyncWorker *worker, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
{
    setObjectName(u"syncIssuesPanel"_s);
    m_model = new SyncIssueListModel(this);

    auto *title = new QLabel(tr("Sync issues"), this);
    QFont titleFont = title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    title->setFont(titleFont);
    auto *intro = new QLabel(tr("Changes the server refused. For each one, keep yours (it is sent again, on the "
                                "server's current data), take the server's version, or dismiss it."),
                             this);
    intro->setWordWrap(true);

    m_message = new QLabel(this);
    m_message->setObjectName(u"message"_s);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();

    m_table = new QTableView(this);
    m_table->setObjectName(u"issueTable"_s);
    m_table->setModel(m_model);
    ListTable::setUp(m_table); // with the column chooser of every list
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    const int ch = fontMetrics().averageCharWidth();
    m_table->setColumnWidth(SyncIssueListModel::WhenColumn, ch * 18);
    m_table->setColumnWidth(SyncIssueListModel::RecordColumn, ch * 34);
    m_table->setColumnWidth(SyncIssueListModel::TriedColumn, ch * 34);

    m_empty = new QLabel(emptyStateText(), this);
    m_empty->setObjectName(u"emptyState"_s);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_table);
    m_stack->addWidget(m_empty);

    m_keepMine = new QPushButton(tr("&Keep mine"), this);
    m_takeTheirs = new QPushButton(tr("&Take theirs"), this);
    m_dismiss = new QPushButton(tr("D&ismiss"), this);
    m_openRecord = new QPushButton(tr("&Open record"), this);
    m_keepMine->setObjectName(u"keepMine"_s);
    m_takeTheirs->setObjectName(u"takeTheirs"_s);
    m_dismiss->setObjectName(u"dismiss"_s);
    m_openRecord->setObjectName(u"openRecord"_s);
    m_keepMine->setToolTip(tr("Send your change again, on top of the server's current data."));
    m_takeTheirs->setToolTip(tr("Keep the server's version, which already shows; your change is dropped."));
    m_dismiss->setToolTip(tr("Remove the issue from this list without doing anything else."));
    m_openRecord->setToolTip(tr("Show the record this change was about."));
    for (QPushButton *button : {m_keepMine, m_takeTheirs, m_dismiss, m_openRecord})
        button->setAutoDefault(false);
    connect(m_keepMine, &QPushButton::clicked, this, &SyncIssuesPanel::keepMine);
    connect(m_takeTheirs, &QPushButton::clicked, this, &SyncIssuesPanel::takeTheirs);
    connect(m_dismiss, &QPushButton::clicked, this, &SyncIssuesPanel::dismiss);
    connect(m_openRecord, &QPushButton::clicked, this, &SyncIssuesPanel::openRecord);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_keepMine);
    buttons->addWidget(m_takeTheirs);
    buttons->addWidget(m_dismiss);
    buttons->addStretch(1);
    buttons->addWidget(m_openRecord);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(intro);
    layout->addWidget(m_message);
    layout->addWidget(m_stack, 1);
    layout->addLayout(buttons);

    setTabOrder(m_table, m_keepMine);
    setTabOrder(m_keepMine, m_takeTheirs);
    setTabOrder(m_takeTheirs, m_dismiss);
    setTabOrder(m_dismiss, m_openRecord);

    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &SyncIssuesPanel::updateButtons);
    connect(m_table, &QTableView::activated, this, [this] {
        if (m_openRecord->isEnabled())
            openRecord();
    });
    connect(m_model, &SyncIssueListModel::reloaded, this, [this] {
        updateEmptyState();
        updateButtons();
    });
    connect(m_model, &SyncIssueListModel::errorOccurred, this, [this](const QString &message) {
        showMessage(message, true);
    });
    connect(&m_watcher, &QFutureWatcherBase::finished, this, [this] {
        if (m_watcher.future().resultCount() > 0)
            onActionDone(m_running, m_watcher.result());
    });

    if (auto opened = m_model->open(store); !opened.ok())
        showMessage(tr("Could not read the sync issues: %1").arg(opened.error().message), true);
    setWorker(worker);
    updateEmptyState();
    updateButtons();
}

SyncIssuesPanel::~SyncIssuesPanel()
{
    // The pool job writes through the store; it must not outlive the caller's promise.
    m_watcher.waitForFinished();
}

void SyncIssuesPanel::setWorker(SyncWorker *worker)
{
    if (m_worker)
        disconnect(m_worker, nullptr, this, nullptr);
    m_worker = worker;
    if (!worker)
        return;
    connect(worker, &SyncWorker::syncFinished, this, &SyncIssuesPanel::reload);
    connect(worker, &SyncWorker::statusChanged, this, &SyncIssuesPanel::onStatus);
}

QString SyncIssuesPanel::emptyStateText() const
{
    return tr("No sync issues. Everything you changed reached the server.");
}

bool SyncIssuesPanel::isEmptyStateShown() const
{
    return m_stack->currentWidget() == m_empty;
}

QString SyncIssuesPanel::messageText() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

void SyncIssuesPanel::reload()
{
    m_model->reload();
}

void SyncIssuesPanel::onStatus(const SyncStatus &status)
{
    // The issue count rides along with every status: re-read only when it disagrees.
    if (status.issues != m_model->rowCount())
        reload();
}

void SyncIssuesPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    reload();
}

QList<int> SyncIssuesPanel::selectedRows() const
{
    QList<int> rows;
    const QModelIndexList selected = m_table->selectionModel()->selectedRows();
    for (const QModelIndex &index : selected)
        rows.append(index.row());
    std::sort(rows.begin(), rows.end());
    return rows;
}

void SyncIssuesPanel::updateButtons()
{
    const QList<int> rows = selectedRows();
    const bool any = !rows.isEmpty() && !m_busy;
    const bool keepable = std::any_of(rows.begin(), rows.end(), [this](int row) { return m_model->canKeepMine(row); });
    m_keepMine->setEnabled(any && keepable);
    m_takeTheirs->setEnabled(any);
    m_dismiss->setEnabled(any);
    m_openRecord->setEnabled(!m_busy && rows.size() == 1 && m_model->recordExists(rows.first()));
}

void SyncIssuesPanel::updateEmptyState()
{
    const bool empty = m_model->rowCount() == 0;
    m_stack->setCurrentWidget(empty ? static_cast<QWidget *>(m_empty) : m_table);
}

void SyncIssuesPanel::showMessage(const QString &text, bool error)
{
    m_messageIsError = error && !text.isEmpty();
    m_message->setText(text);
    m_message->setStyleSheet(m_messageIsError ? u"color: #b3261e;"_s : QString());
    m_message->setVisible(!text.isEmpty());
}

void SyncIssuesPanel::keepMine()
{
    run(Action::KeepMine);
}

void SyncIssuesPanel::takeTheirs()
{
    run(Action::TakeTheirs);
}

void SyncIssuesPanel::dismiss()
{
    run(Action::Dismiss);
}

void SyncIssuesPanel::openRecord()
{
    const QList<int> rows = selectedRows();
    if (rows.size() != 1 || !m_model->recordExists(rows.first())) {
        showMessage(tr("Select one issue whose record is still in this shop."), true);
        return;
    }
    emit openRecordRequested(m_model->issueAt(rows.first()).entity);
}

void SyncIssuesPanel::run(Action action)
{
    if (m_busy)
        return;
    const QList<int> rows = selectedRows();
    if (rows.isEmpty()) {
        showMessage(tr("Select one or more issues first."), true);
        return;
    }
    QList<std::pair<QString, QString>> items; // issue id, record label
    for (int row : rows) {
        items.append({m_model->issueAt(row).id,
                      m_model->data(m_model->index(row, SyncIssueListModel::RecordColumn)).toString()});
    }
    m_busy = true;
    m_running = action;
    updateButtons();
    showMessage(tr("Working…"), false);

    // Through the one writer, each issue in its own transaction: a refusal of one (say, a
    // record deleted meanwhile) does not undo the others. On a pool thread, because a sync in
    // progress may hold the writer for a while.
    auto promise = std::make_shared<QPromise<QList<ItemResult>>>();
    m_watcher.setFuture(promise->future());
    promise->start();
    QThreadPool::globalInstance()->start([promise, items, action, &store = m_store] {
        QList<ItemResult> results;
        for (const auto &[id, record] : items) {
            const qint64 now = QDateTime::currentMSecsSinceEpoch();
            auto done = store.write([&](SqliteDatabase &db) -> Result<void> {
                switch (action) {
                case Action::KeepMine:
                    SK_TRY(SyncIssues::keepMine(db, id, now));
                    return {};
                case Action::TakeTheirs:
                    return SyncIssues::takeTheirs(db, id, now);
                case Action::Dismiss:
                    return SyncIssues::dismiss(db, id, now);
                }
                return {};
            });
            results.append(ItemResult{record, done.ok() ? QString() : done.error().message});
        }
        promise->addResult(results);
        promise->finish();
    });
}

void SyncIssuesPanel::onActionDone(Action action, const QList<ItemResult> &results)
{
    m_busy = false;
    int resolved = 0;
    QStringList failures;
    for (const ItemResult &r : results) {
        if (r.error.isEmpty())
            ++resolved;
        else
            failures << tr("%1: %2").arg(r.record, r.error);
    }
    m_model->reload();

    if (resolved > 0 && m_worker) {
        if (action == Action::KeepMine)
            m_worker->syncNow(); // the new mutation goes out at once
        else
            m_worker->requestSync(); // nothing to send; the status bar's issue count catches up
    }

    if (!failures.isEmpty()) {
        QString text = tr("%n issue(s) could not be resolved:", nullptr, int(failures.size()));
        text += u'\n' + failures.join(u'\n');
        if (resolved > 0)
            text = tr("%n issue(s) resolved.", nullptr, resolved) + u' ' + text;
        showMessage(text, true);
    } else {
        switch (action) {
        case Action::KeepMine:
            showMessage(m_worker ? tr("Kept your change in %n issue(s); it is being sent to the server.", nullptr,
                                      resolved)
                                 : tr("Kept your change in %n issue(s); it is sent with the next sync.", nullptr,
                                      resolved),
                        false);
            break;
        case Action::TakeTheirs:
            showMessage(tr("Took the server's version in %n issue(s).", nullptr, resolved), false);
            break;
        case Action::Dismiss:
            showMessage(tr("Dismissed %n issue(s).", nullptr, resolved), false);
            break;
        }
    }
    updateButtons();
    emit actionFinished(action, resolved, int(failures.size()));
}

} // namespace sk
