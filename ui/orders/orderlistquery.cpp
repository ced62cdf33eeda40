#include "orderlistquery.h"

#include "common/unsyncedsql.h"
#include "common/windowedrows.h"
#include "storage/ftsquery.h"
#include "storage/orderrepository.h"
#include "storage/repositorysql.h"
#include "storage/sqlitedatabase.h"

namespace sk {

using namespace repositorysql;

namespace {

// Orders whose number, customer name or guest's e-mail matches, plus the orders of customers
// whose name or e-mail matches. CROSS JOIN keeps the matches as the outer loop: a rare word must not make
// SQLite walk the whole sort index looking for them.
constexpr const char *kSearchSource =
    "FROM (SELECT rowid AS r FROM order_search WHERE order_search MATCH ?11 "
    "UNION SELECT so.rid FROM customer_search cs JOIN customers c ON c.rid = cs.rowid "
    "JOIN orders so ON so.customer_id = c.id WHERE customer_search MATCH ?11) m "
    "CROSS JOIN orders o ON o.rid = m.r";

QByteArray sortColumn(OrderListSort sort)
{
    switch (sort) {
    case OrderListSort::PlacedAt: return "o.placed_at";
    case OrderListSort::Number: return "o.number";
    case OrderListSort::Total: return "o.total";
    case OrderListSort::UpdatedAt: return "o.updated_at";
    }
    return "o.placed_at";
}

QByteArray sortIndex(const OrderListQuery &q)
{
    switch (q.sort) {
    case OrderListSort::PlacedAt:
        if (q.filter.status)
            return "orders_status_placed";
        if (q.filter.financialStatus)
            return "orders_financial_placed";
        if (q.filter.fulfillmentStatus)
            return "orders_fulfillment_placed";
        return "orders_placed";
    case OrderListSort::Number: return "sqlite_autoindex_orders_2"; // UNIQUE (number)
    case OrderListSort::Total: return "orders_total";
    case OrderListSort::UpdatedAt: return "orders_updated";
    }
    return "orders_placed";
}

OrderListItem readItem(const SqliteStatement &s)
{
    OrderListItem r;
    r.rid = s.int64(0);
    r.id = s.text(1);
    r.number = s.int64(2);
    r.customerName = s.text(3);
    r.email = s.text(4);
    r.placedAt = s.int64(5);
    r.updatedAt = s.int64(6);
    r.status = enumFrom(s, 7, OrderStatus::Pending);
    r.financialStatus = enumFrom(s, 8, FinancialStatus::Pending);
    r.fulfillmentStatus = enumFrom(s, 9, FulfillmentStatus::Unfulfilled);
    r.channel = enumFrom(s, 10, OrderChannel::Web);
    r.currency = s.text(11);
    r.total = s.int64(12);
    r.refundedTotal = s.int64(13);
    r.pending = s.int64(14) != 0;
    return r;
}

// Steps to the end and resets, so the statement never holds the read transaction open.
template <typename Fn>
Result<void> forEachRow(SqliteStatement &s, Fn fn)
{
    for (;;) {
        auto hasRow = s.step();
        if (!hasRow.ok() || !*hasRow) {
            s.reset();
            return hasRow.ok() ? Result<void>() : Result<void>(hasRow.error());
        }
        fn(s);
    }
}

// The filter's part every order list shares (OrderRepository's, ?1 to ?7).
OrderFilter repositoryFilter(const OrderListFilter &f)
{
    OrderFilter filter;
    filter.status = f.status;
    filter.financialStatus = f.financialStatus;
    filter.fulfillmentStatus = f.fulfillmentStatus;
    filter.channel = f.channel;
    filter.placedFrom = f.placedFrom;
    filter.placedTo = f.placedTo;
    return filter;
}

} // namespace

// Parameters: ?1 to ?7 the filter (OrderRepository::filterConditions), ?8/?9 keyset
// value/rid, ?10 limit, ?11 full-text match.
QByteArray OrderListQuery::sql(bool hasAfter) const
{
    QByteArrayList conds = OrderRepository::filterConditions(repositoryFilter(filter));
    if (hasAfter)
        conds.append(keysetCondition(sortColumn(sort), "o.rid", order, 8, 9));
    const QByteArray source = FtsQuery::prefixQuery(filter.search).isEmpty()
        ? "FROM orders o INDEXED BY " + sortIndex(*this)
        : QByteArray(kSearchSource);
    const QByteArray dir = direction(order);
    return "SELECT o.rid, " + sortColumn(sort) + ' ' + source
        + (conds.isEmpty() ? QByteArray() : " WHERE " + conds.join(" AND ")) + " ORDER BY " + sortColumn(sort) + dir
        + ", o.rid" + dir + " LIMIT ?10";
}

Result<KeysetPage<SortKey>> OrderListQuery::keys(SqliteDatabase &db, const std::optional<SortKey> &after,
                                                 int limit) const
{
    limit = clampLimit(limit);
    SK_TRY_ASSIGN(s, db.cached(sql(after.has_value()).constData()));
    OrderRepository::bindFilter(*s, repositoryFilter(filter));
    if (after) {
        bindSortValue(*s, 8, *after);
        s->bind(9, after->rid);
    }
    s->bind(10, limit + 1);
    const QString match = FtsQuery::prefixQuery(filter.search);
    if (!match.isEmpty())
        s->bind(11, match);
    QList<SortKey> rows;
    SK_TRY(forEachRow(*s, [&rows](const SqliteStatement &row) { rows.append(SortKey{row.int64(1), row.int64(0)}); }));
    return finishPage(std::move(rows), limit, [](const SortKey &key) { return key; });
}

Result<QHash<qint64, OrderListItem>> OrderListQuery::readRows(SqliteDatabase &db, const QList<qint64> &rids)
{
    // The last column says whether an edit of the order still waits for the server.
    static const QByteArray sql = "SELECT o.rid, o.id, o.number, o.customer_name, o.email, o.placed_at, "
                                  "o.updated_at, o.status, o.financial_status, o.fulfillment_status, o.channel, "
                                  "o.currency, o.total, o.refunded_total, "
        + unsyncedsql::exists("order", "o.id") + " FROM orders o WHERE o.rid IN (SELECT value FROM json_each(?1))";
    SK_TRY_ASSIGN(s, db.cached(sql.constData()));
    s->bindUtf8(1, WindowedRows<OrderListItem>::jsonKeys(rids));
    QHash<qint64, OrderListItem> rows;
    SK_TRY(forEachRow(*s, [&rows](const SqliteStatement &row) {
        OrderListItem item = readItem(row);
        rows.insert(item.rid, std::move(item));
    }));
    return rows;
}

} // namespace sk
