#include "customerlistmodel.h"

#include "common/unsyncedsql.h"
#include "storage/customerrepository.h"
#include "storage/ftsquery.h"
#include "storage/sqlitedatabase.h"

#include <QFont>

using namespace Qt::StringLiterals;

namespace sk {

namespace {

// Orders that count as spending, as CustomerRepository::stats() counts them: neither
// cancelled nor failed; a lookup on orders_customer per customer.
#define SK_COUNTED_ORDERS "o.customer_id = c.id AND o.status NOT IN ('cancelled', 'failed')"

} // namespace

CustomerListModel::CustomerListModel(QObject *parent)
    : StoreListModel(ColumnCount, NameColumn, parent), m_rows([this](const QList<qint64> &rids) { return readRows(*db(), rids); })
{
}

// Parameters: ?1 FTS query, ?2 limit, ?3 tag (CustomerRepository::tagKey).
QByteArray CustomerListModel::keysSql(bool search, bool tagged, int sortColumn, SortOrder order)
{
    const QByteArray dir = order == SortOrder::Ascending ? " ASC" : " DESC";
    const bool byName = sortColumn != CreatedColumn;
    const QByteArray orderBy = byName ? "c.last_name COLLATE NOCASE" + dir + ", c.first_name COLLATE NOCASE" + dir
                                      : "c.created_at" + dir;
    if (search) {
        // The first matches, then sorted: a broad prefix stops at the limit instead of
        // sorting every match. A tag is checked per match, before the limit counts it.
        const QByteArray tag = tagged ? " AND EXISTS (SELECT 1 FROM customer_tags t WHERE t.tag = ?3 "
                                        "AND t.customer_rid = customer_search.rowid)"
                                      : QByteArray();
        return "SELECT c.rid FROM (SELECT rowid AS r FROM customer_search WHERE customer_search MATCH ?1" + tag
            + " LIMIT ?2) m CROSS JOIN customers c ON c.rid = m.r ORDER BY " + orderBy + ", c.rid" + dir;
    }
    if (tagged) {
        // The tagged customers from the tag's index range, then sorted: the cost follows the
        // tag's customers, never the shop's (walking the name index and checking each
        // customer's tag is several times slower even for a tag every other customer has).
        return "SELECT c.rid FROM customer_tags t CROSS JOIN customers c ON c.rid = t.customer_rid "
               "WHERE t.tag = ?3 ORDER BY "
            + orderBy + ", c.rid" + dir;
    }
    return "SELECT c.rid FROM customers c INDEXED BY " + QByteArray(byName ? "customers_name" : "customers_created")
        + " ORDER BY " + orderBy + ", c.rid" + dir;
}

Result<WindowedKeys> CustomerListModel::readKeys(SqliteDatabase &db, const QString &search, const QString &tag,
                                                 int sortColumn, SortOrder order)
{
    const QString match = FtsQuery::prefixQuery(search);
    const QString tagKey = CustomerRepository::tagKey(tag);
    SK_TRY_ASSIGN(stmt, db.prepare(keysSql(!match.isEmpty(), !tagKey.isEmpty(), sortColumn, order)));
    if (!match.isEmpty())
        stmt.bind(1, match).bind(2, SearchLimit + 1);
    if (!tagKey.isEmpty())
        stmt.bind(3, tagKey);
    return WindowedRows<CustomerRow>::readKeys(stmt, match.isEmpty() ? -1 : SearchLimit);
}

StoreListModel::LoadJob CustomerListModel::loadJob()
{
    return makeLoadJob<WindowedKeys>(
        [search = m_search, tag = m_tag, column = sortColumn(), order = sortDirection()](SqliteDatabase &db) {
            return readKeys(db, search, tag, column, order);
        },
        [this](WindowedKeys keys) {
            m_capped = keys.capped;
            m_rows.setKeys(std::move(keys.keys));
        });
}

void CustomerListModel::clearRows()
{
    m_rows.setKeys({});
    m_capped = false;
}

QString CustomerListModel::errorText(const QString &reason) const
{
    return tr("Could not read the customers: %1").arg(reason);
}

Result<QHash<qint64, CustomerRow>> CustomerListModel::readRows(SqliteDatabase &db, const QList<qint64> &rids)
{
    static const QByteArray sql =
        "SELECT c.rid, c.id, c.first_name, c.last_name, coalesce(c.email, ''), coalesce(c.phone, ''), c.tags, "
        "c.created_at, (SELECT count(*) FROM orders o WHERE " SK_COUNTED_ORDERS "), "
        "(SELECT coalesce(sum(o.total - o.refunded_total), 0) FROM orders o WHERE " SK_COUNTED_ORDERS "), "
        + unsyncedsql::exists("customer", "c.id")
        + " FROM customers c WHERE c.rid IN (SELECT value FROM json_each(?1))";
    SK_TRY_ASSIGN(stmt, db.cached(sql.constData()));
    stmt->bindUtf8(1, WindowedRows<CustomerRow>::jsonKeys(rids));
    QHash<qint64, CustomerRow> rows;
    for (;;) {
        SK_TRY_ASSIGN(hasRow, stmt->step());
        if (!hasRow)
            break;
        CustomerRow r;
        r.rid = stmt->int64(0);
        r.id = stmt->text(1);
        Customer name;
        name.firstName = stmt->text(2);
        name.lastName = stmt->text(3);
        name.email = stmt->text(4);
        r.displayName = name.displayName();
        r.email = name.email;
        r.phone = stmt->text(5);
        r.tags = stmt->text(6);
        r.createdAt = stmt->int64(7);
        r.ordersCount = stmt->int64(8);
        r.totalSpent = stmt->int64(9);
        r.unsynced = stmt->int64(10) != 0;
        rows.insert(r.rid, std::move(r));
    }
    return rows;
}

void CustomerListModel::setSearchText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_search)
        return;
    m_search = trimmed;
    reloadIfOpen();
}

void CustomerListModel::clearFilters()
{
    if (m_search.isEmpty() && m_tag.isEmpty())
        return;
    m_search.clear();
    m_tag.clear();
    reloadIfOpen();
}

void CustomerListModel::setTagFilter(const QString &tag)
{
    const QString trimmed = tag.trimmed();
    if (trimmed == m_tag)
        return;
    m_tag = trimmed;
    reloadIfOpen();
}

Result<QStringList> CustomerListModel::tags() const
{
    if (!db())
        return QStringList();
    return CustomerRepository(*db()).tags();
}

std::optional<CustomerRow> CustomerListModel::customerAt(int row) const
{
    const CustomerRow *found = rowOrNull(m_rows, row);
    return found ? std::optional<CustomerRow>(*found) : std::nullopt;
}

QString CustomerListModel::idAt(int row) const
{
    const CustomerRow *found = rowOrNull(m_rows, row);
    return found ? found->id : QString();
}

Result<qint64> CustomerListModel::ridOf(const QString &id) const
{
    if (!db())
        return qint64(0);
    SK_TRY_ASSIGN(stmt, db()->cached("SELECT rid FROM customers WHERE id = ?1"));
    stmt->bind(1, id);
    SK_TRY_ASSIGN(hasRow, stmt->step());
    const qint64 found = hasRow ? stmt->int64(0) : 0;
    stmt->reset();
    return found;
}

int CustomerListModel::rowOfId(const QString &id) const
{
    const auto rid = ridOf(id);
    if (!rid.ok()) {
        reportError(rid.error());
        return -1;
    }
    return *rid ? m_rows.rowOf(*rid) : -1;
}

bool CustomerListModel::hasCustomer(const QString &id) const
{
    const auto rid = ridOf(id);
    if (!rid.ok())
        reportError(rid.error());
    return rid.ok() && *rid != 0;
}

int CustomerListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows.size();
}

bool CustomerListModel::isNumericColumn(int column) const
{
    return column == OrdersColumn || column == TotalSpentColumn;
}

QString CustomerListModel::unsortableTip() const
{
    return tr("Customers sort by name or by when they were created (the other columns have no index).");
}

QString CustomerListModel::columnTitle(int column) const
{
    switch (column) {
    case NameColumn: return tr("Name");
    case EmailColumn: return tr("Email");
    case OrdersColumn: return tr("Orders");
    case TotalSpentColumn: return tr("Total spent");
    case CreatedColumn: return tr("Customer since");
    default: return {};
    }
}

QVariant CustomerListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (role == Qt::TextAlignmentRole)
        return alignment(isNumericColumn(index.column()));
    if (role == RidRole)
        return m_rows.keyAt(index.row());
    const CustomerRow *row = rowOrNull(m_rows, index.row());
    if (!row)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return displayData(*row, index.column());
    case IdRole:
        return row->id;
    case UnsyncedRole:
        return row->unsynced;
    case Qt::FontRole: {
        if (!row->unsynced)
            return {};
        QFont font;
        font.setItalic(true);
        return font;
    }
    case Qt::ToolTipRole:
        return row->unsynced ? tr("Not synced yet: this customer has a change the server has not confirmed.")
                             : QVariant();
    default:
        return {};
    }
}

QVariant CustomerListModel::displayData(const CustomerRow &row, int column) const
{
    switch (column) {
    case NameColumn: return row.displayName;
    case EmailColumn: return row.email;
    case OrdersColumn: return format().number(row.ordersCount);
    case TotalSpentColumn: return format().money(row.totalSpent);
    case CreatedColumn: return format().date(row.createdAt);
    default: return {};
    }
}

} // namespace sk
