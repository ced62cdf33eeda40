#include "storelistmodel.h"

#include "storage/shopstore.h"
#include "storage/sqlitedatabase.h"

#include <QPromise>
#include <QThreadPool>

#include <sqlite3.h>

using namespace Qt::StringLiterals;

namespace sk {

namespace {

// sqlite3_interrupt() is the one call safe on a connection another thread is using.
void interruptReader(const std::shared_ptr<SqliteDatabase> &db)
{
    if (db)
        sqlite3_interrupt(db->handle());
}

} // namespace

StoreListModel::StoreListModel(QObject *parent) : StoreListModel(0, -1, parent) {}

StoreListModel::StoreListModel(int columnCount, int sortColumn, QObject *parent)
    : QAbstractTableModel(parent), m_columnCount(columnCount), m_sortColumn(sortColumn)
{
    connect(&m_job, &QFutureWatcher<Loaded>::finished, this, &StoreListModel::onJobFinished);
}

StoreListModel::~StoreListModel()
{
    interruptReader(m_runningDb); // its result has nowhere to go
}

Result<void> StoreListModel::open(const ShopStore &store)
{
    close();
    SK_TRY_ASSIGN(db, store.openReader());
    SK_TRY_ASSIGN(format, ShopFormat::read(*db));
    if (loadJob()) {
        SK_TRY_ASSIGN(worker, store.openReader());
        m_workerDb = std::move(worker);
    }
    m_format = format;
    m_db = std::move(db);
    return reload();
}

void StoreListModel::close()
{
    ++m_generation;
    interruptReader(m_runningDb);
    m_workerDb.reset();
    setLoading(false);
    m_resetting = true;
    beginResetModel();
    clearRows();
    m_db.reset();
    m_format = ShopFormat();
    m_lastError.clear();
    endResetModel();
    m_resetting = false;
}

Result<void> StoreListModel::load(SqliteDatabase &)
{
    return {};
}

Result<void> StoreListModel::reload()
{
    if (m_db && m_workerDb) {
        ++m_generation;
        setLoading(true);
        if (m_runningDb)
            interruptReader(m_runningDb); // onJobFinished() starts the newest
        else
            startJob();
        return {};
    }
    m_resetting = true;
    beginResetModel();
    clearRows();
    m_lastError.clear();
    Result<void> loaded = m_db ? load(*m_db)
                               : Result<void>(makeError(u"ui.list.not_open"_s, tr("No shop file is open.")));
    if (!loaded.ok())
        clearRows();
    endResetModel(); // every receiver of modelReset has run when this returns
    m_resetting = false;
    if (!loaded.ok())
        reportError(loaded.error());
    emit this->loaded();
    return loaded;
}

void StoreListModel::startJob()
{
    LoadJob job = loadJob();
    auto promise = std::make_shared<QPromise<Loaded>>();
    m_job.setFuture(promise->future());
    m_runningDb = m_workerDb;
    QThreadPool::globalInstance()->start([promise, job = std::move(job), db = m_runningDb, generation = m_generation] {
        promise->start();
        Loaded loaded;
        loaded.generation = generation;
        Result<Apply> read = job(*db);
        if (read.ok())
            loaded.apply = std::move(read).value();
        else
            loaded.error = read.error();
        promise->addResult(std::move(loaded));
        promise->finish();
    });
}

void StoreListModel::onJobFinished()
{
    m_runningDb.reset();
    Loaded done = m_job.future().resultCount() > 0 ? m_job.result() : Loaded();
    if (done.generation != m_generation) {
        // Stale (interrupted, or its filter changed meanwhile): read the newest instead.
        if (m_loading && m_workerDb)
            startJob();
        return;
    }
    m_resetting = true;
    beginResetModel();
    clearRows();
    m_lastError.clear();
    if (!done.error && done.apply)
        done.apply();
    endResetModel();
    m_resetting = false;
    setLoading(false);
    if (done.error)
        reportError(*done.error);
    emit loaded();
}

void StoreListModel::setLoading(bool loading)
{
    if (loading == m_loading)
        return;
    m_loading = loading;
    emit loadingChanged(loading);
}

void StoreListModel::reloadIfOpen()
{
    if (m_db)
        (void)reload(); // errors are reported through errorOccurred
}

int StoreListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_columnCount;
}

QVariant StoreListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= m_columnCount)
        return {};
    switch (role) {
    case Qt::TextAlignmentRole:
        return alignment(isNumericColumn(section));
    case Qt::ToolTipRole:
        return isSortable(section) || unsortableTip().isEmpty() ? QVariant() : QVariant(unsortableTip());
    case Qt::DisplayRole:
        return columnTitle(section);
    default:
        return {};
    }
}

void StoreListModel::sort(int column, Qt::SortOrder order)
{
    if (!isSortable(column) || (column == m_sortColumn && order == m_sortOrder))
        return;
    m_sortColumn = column;
    m_sortOrder = order;
    reloadIfOpen();
}

SortOrder StoreListModel::sortDirection() const
{
    return m_sortOrder == Qt::AscendingOrder ? SortOrder::Ascending : SortOrder::Descending;
}

QVariant StoreListModel::alignment(bool numeric)
{
    return QVariant::fromValue(Qt::Alignment((numeric ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter));
}

void StoreListModel::reportError(const Error &error) const
{
    const QString message = errorText(error.toString());
    if (message == m_lastError)
        return;
    m_lastError = message;
    QMetaObject::invokeMethod(const_cast<StoreListModel *>(this),
                              [this, message] { emit const_cast<StoreListModel *>(this)->errorOccurred(message); },
                              Qt::QueuedConnection);
}

} // namespace sk
