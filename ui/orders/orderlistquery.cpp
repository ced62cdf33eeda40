#include "orderlistquery.h"

#include "common/unsyncedsql.h"
#include "common/windowedrows.h"
#include "storage/ftsquery.h"
#include "storage/repositorysql.h"
#include "storage/sqlitedatabase.h"

namespace sk {

using namespace repositorysql;

namespace {

// Orders whose number, customer name or guest's e-mail matches, plus the orders of customers
// whose name or e-mail matches. CROSS JOIN keeps the matches as the outer loop: a rare word must not make
// SQLite walk the whole sort index looking for them.
constexpr const char *kSearchSource =
    "FROM (SELECT rowid AS r FROM order_search WHERE order_search MATCH ?10 "
    "UNION SELECT so.rid FROM customer_search cs JOIN customers c ON c.rid = cs.rowid "
    "JOIN orders so ON so.customer_id = c.id WHERE customer_search MATCH ?10) m "
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

} // namespace

// Parameters: ?1 status, ?2 financial, ?3 fulfillment, ?4 channel, ?5 from, ?6 to,
// ?7/?8 keyset value/rid, ?9 limit, ?10 full-text match.
QByteArray OrderListQuery::sql(bool hasAfter) const
{
    const OrderListFilter &f = filter;
    QByteArrayList conds;
    if (f.status)
        conds.append("o.status = ?1");
    if (f.financialStatus)
        conds.append("o.financial_status = ?2");
    if (f.fulfillmentStatus)
        conds.append("o.fulfillment_status = ?3");
    if (f.channel)
        conds.append("o.channel = ?4");
    if (f.placedFrom)
        conds.append("o.placed_at >= ?5");
    if (f.placedTo)
        conds.append("o.placed_at < ?6");
    if (hasAfter)
        conds.append(keysetCondition(sortColumn(sort), "o.rid", order, 7, 8));
    const QByteArray source = FtsQuery::prefixQuery(f.search).isEmpty()
        ? "FROM orders o INDEXED BY " + sortIndex(*this)
        : QByteArray(kSearchSource);
    const QByteArray dir = direction(order);
    return "SELECT o.rid, " + sortColumn(sort) + ' ' + source
        + (conds.isEmpty() ? QByteArray() : " WHERE " + conds.join(" AND ")) + " ORDER BY " + sortColumn(sort) + dir
        + ", o.rid" + dir + " LIMIT ?9";
}

Result<KeysetPage<SortKey>> OrderListQuery::keys(SqliteDatabase &db, const std::optional<SortKey> &after,
                                                 int limit) const
{
    limit = clampLimit(limit);
    const OrderListFilter &f = filter;
    SK_TRY_ASSIGN(s, db.cached(sql(after.has_value()).constData()));
    if (f.status)
        s->bind(1, toString(*f.status));
    if (f.financialStatus)
        s->bind(2, toString(*f.financialStatus));
    if (f.fulfillmentStatus)
        s->bind(3, toString(*f.fulfillmentStatus));
    if (f.channel)
        s->bind(4, toString(*f.channel));
    if (f.placedFrom)
        s->bind(5, *f.placedFrom);
    if (f.placedTo)
        s->bind(6, *f.placedTo);
    if (after) {
        bindSortValue(*s, 7, *after);
        s->bind(8, after->rid);
    }
    s->bind(9, limit + 1);
    const QString match = FtsQuery::prefixQuery(f.search);
    if (!match.isEmpty())
        s->bind(10, match);
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
