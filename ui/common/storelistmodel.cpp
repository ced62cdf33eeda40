#include "storelistmodel.h"

#include "storage/shopstore.h"
#include "storage/sqlitedatabase.h"

using namespace Qt::StringLiterals;

namespace sk {

StoreListModel::StoreListModel(QObject *parent) : QAbstractTableModel(parent) {}

StoreListModel::StoreListModel(int columnCount, int sortColumn, QObject *parent)
    : QAbstractTableModel(parent), m_columnCount(columnCount), m_sortColumn(sortColumn)
{
}

StoreListModel::~StoreListModel() = default;

Result<void> StoreListModel::open(const ShopStore &store)
{
    close();
    SK_TRY_ASSIGN(db, store.openReader());
    SK_TRY_ASSIGN(format, ShopFormat::read(*db));
    m_format = format;
    m_db = std::move(db);
    return reload();
}

void StoreListModel::close()
{
    m_resetting = true;
    beginResetModel();
    clearRows();
    m_db.reset();
    m_format = ShopFormat();
    m_lastError.clear();
    endResetModel();
    m_resetting = false;
}

Result<void> StoreListModel::reload()
{
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
    return loaded;
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
