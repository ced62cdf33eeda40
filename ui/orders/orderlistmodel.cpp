#include "orderlistmodel.h"

#include "storage/sqlitedatabase.h"

#include <QApplication>
#include <QFont>
#include <QStyle>

using namespace Qt::StringLiterals;

namespace sk {

namespace {

bool isNumeric(int column)
{
    return column == OrderListModel::NumberColumn || column == OrderListModel::TotalColumn;
}

OrderListSort sortFor(int column)
{
    switch (column) {
    case OrderListModel::NumberColumn: return OrderListSort::Number;
    case OrderListModel::TotalColumn: return OrderListSort::Total;
    case OrderListModel::UpdatedColumn: return OrderListSort::UpdatedAt;
    default: return OrderListSort::PlacedAt;
    }
}

} // namespace

OrderListModel::OrderListModel(QObject *parent)
    : StoreListModel(ColumnCount, PlacedColumn, parent),
      m_rows([this](const QList<qint64> &rids) { return OrderListQuery::readRows(*db(), rids); })
{
    sort(PlacedColumn, Qt::DescendingOrder); // newest first
}

OrderListQuery OrderListModel::query() const
{
    OrderListQuery q;
    q.filter = m_filter;
    q.sort = sortFor(sortColumn());
    q.order = sortDirection();
    return q;
}

Result<KeysetPage<SortKey>> OrderListModel::nextKeys() const
{
    return query().keys(*db(), m_rows.size() == 0 ? std::nullopt : m_next, PageSize);
}

Result<void> OrderListModel::load(SqliteDatabase &)
{
    // No rows may be fetched while the reset is still being announced (a view or the model
    // tester reacting to modelReset would insert rows inside it): fetching waits until every
    // receiver had modelReset. Connected now, this runs after all of them.
    m_resetting = true;
    connect(this, &QAbstractItemModel::modelReset, this, [this] { m_resetting = false; }, Qt::SingleShotConnection);
    SK_TRY_ASSIGN(first, nextKeys());
    QList<qint64> rids;
    for (const SortKey &key : std::as_const(first.rows))
        rids.append(key.rid);
    m_rows.setKeys(std::move(rids));
    m_next = first.next;
    return {};
}

void OrderListModel::clearRows()
{
    m_rows.setKeys({});
    m_next.reset();
}

QString OrderListModel::errorText(const QString &reason) const
{
    return tr("Could not read the order list: %1").arg(reason);
}

bool OrderListModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && isOpen() && m_next.has_value() && !m_resetting;
}

void OrderListModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    auto more = nextKeys();
    if (!more.ok()) {
        reportError(more.error());
        return;
    }
    if (more->rows.isEmpty()) {
        m_next = more->next;
        return;
    }
    QList<qint64> rids = m_rows.keys();
    for (const SortKey &key : std::as_const(more->rows))
        rids.append(key.rid);
    m_next.reset(); // a view reacting to the insertion must not fetch the same page again
    beginInsertRows({}, m_rows.size(), int(rids.size()) - 1);
    m_rows.setKeys(std::move(rids));
    endInsertRows();
    m_next = more->next;
}

void OrderListModel::refresh()
{
    m_rows.invalidate();
    if (m_rows.size() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void OrderListModel::setFilter(const OrderListFilter &filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    reloadIfOpen();
}

bool OrderListModel::isSortable(int column) const
{
    return column == NumberColumn || column == PlacedColumn || column == TotalColumn || column == UpdatedColumn;
}

QString OrderListModel::unsortableTip() const
{
    return tr("Orders sort by number, date placed, total or last update.");
}

bool OrderListModel::isNumericColumn(int column) const
{
    return isNumeric(column);
}

QString OrderListModel::idAt(int row) const
{
    const OrderListItem *item = rowOrNull(m_rows, row);
    return item ? item->id : QString();
}

int OrderListModel::rowOfId(const QString &id) const
{
    if (!isOpen() || id.isEmpty())
        return -1;
    auto stmt = db()->cached("SELECT rid FROM orders WHERE id = ?1");
    if (!stmt.ok())
        return -1;
    (*stmt)->bind(1, id);
    const bool found = (*stmt)->step().valueOr(false);
    const qint64 rid = found ? (*stmt)->int64(0) : 0;
    (*stmt)->reset();
    return found ? m_rows.rowOf(rid) : -1;
}

int OrderListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows.size();
}

QString OrderListModel::columnTitle(int column) const
{
    switch (column) {
    case NumberColumn: return tr("Order");
    case PlacedColumn: return tr("Placed");
    case CustomerColumn: return tr("Customer");
    case StatusColumn: return tr("Status");
    case FinancialColumn: return tr("Payment");
    case FulfillmentColumn: return tr("Fulfilment");
    case TotalColumn: return tr("Total");
    case ChannelColumn: return tr("Channel");
    case UpdatedColumn: return tr("Updated");
    default: return {};
    }
}

QVariant OrderListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int column = index.column();
    if (role == Qt::TextAlignmentRole)
        return alignment(isNumeric(column));
    if (role == RidRole)
        return m_rows.keyAt(index.row());
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole && role != Qt::FontRole && role != Qt::DecorationRole
        && role != IdRole && role != UnsyncedRole)
        return {};
    const OrderListItem *row = rowOrNull(m_rows, index.row());
    if (!row)
        return {};
    switch (role) {
    case IdRole: return row->id;
    case UnsyncedRole: return row->pending;
    case Qt::FontRole: {
        if (!row->pending)
            return {};
        QFont italic;
        italic.setItalic(true);
        return italic;
    }
    case Qt::DecorationRole:
        if (row->pending && column == NumberColumn)
            return QApplication::style()->standardIcon(QStyle::SP_BrowserReload);
        return {};
    case Qt::ToolTipRole:
        if (row->pending)
            return tr("Not synced yet: this order has a change the server has not confirmed.");
        if (column == TotalColumn && row->refundedTotal > 0)
            return tr("Refunded: %1").arg(orderFormat().money(row->refundedTotal, row->currency));
        if (column == CustomerColumn)
            return row->email;
        return {};
    default: return displayData(*row, column);
    }
}

QVariant OrderListModel::displayData(const OrderListItem &row, int column) const
{
    switch (column) {
    case NumberColumn: return u"#"_s + QString::number(row.number);
    case PlacedColumn: return format().dateTime(row.placedAt);
    case CustomerColumn: return row.customerName.isEmpty() ? row.email : row.customerName;
    case StatusColumn: return OrderFormat::text(row.status);
    case FinancialColumn: return OrderFormat::text(row.financialStatus);
    case FulfillmentColumn: return OrderFormat::text(row.fulfillmentStatus);
    case TotalColumn: return orderFormat().money(row.total, row.currency);
    case ChannelColumn: return OrderFormat::text(row.channel);
    case UpdatedColumn: return format().dateTime(row.updatedAt);
    default: return {};
    }
}

} // namespace sk
