#include "orderrepository.h"

#include "storage/ftsquery.h"
#include "storage/repositorysql.h"
#include "storage/sqlitedatabase.h"
#include "storage/sqlitetransaction.h"

#include <QCoreApplication>
#include <QSet>

#include <algorithm>

namespace sk {

using namespace repositorysql;

namespace {

#define SK_ORDER_COLUMNS                                                                                       \
    "o.id, o.number, o.customer_id, o.customer_name, o.email, o.channel, o.currency, o.subtotal, "                \
    "o.discount_total, o.shipping_total, o.tax_total, o.total, o.refunded_total, o.status, o.financial_status, "  \
    "o.fulfillment_status, o.gateway, o.location_id, o.placed_at, o.paid_at, o.cancelled_at, o.cancel_reason, "   \
    "o.billing_address, o.shipping_address, o.note, o.tags, o.version, o.updated_at"

Order readOrder(const SqliteStatement &s)
{
    Order o;
    o.id = s.text(0);
    o.number = s.int64(1);
    o.customerId = s.text(2);
    o.customerName = s.text(3);
    o.email = s.text(4);
    o.channel = enumFrom(s, 5, OrderChannel::Web);
    o.currency = s.text(6);
    o.subtotal = s.int64(7);
    o.discountTotal = s.int64(8);
    o.shippingTotal = s.int64(9);
    o.taxTotal = s.int64(10);
    o.total = s.int64(11);
    o.refundedTotal = s.int64(12);
    o.status = enumFrom(s, 13, OrderStatus::Pending);
    o.financialStatus = enumFrom(s, 14, FinancialStatus::Pending);
    o.fulfillmentStatus = enumFrom(s, 15, FulfillmentStatus::Unfulfilled);
    o.gateway = s.text(16);
    o.locationId = s.text(17);
    o.placedAt = s.int64(18);
    o.paidAt = s.optionalInt64(19);
    o.cancelledAt = s.optionalInt64(20);
    o.cancelReason = s.text(21);
    o.billingAddressJson = s.text(22);
    o.shippingAddressJson = s.text(23);
    o.note = s.text(24);
    o.tags = s.text(25);
    o.version = s.int64(26);
    o.updatedAt = s.int64(27);
    return o;
}

constexpr const char *kRowSelect =
    "SELECT o.rid, o.id, o.number, o.customer_name, o.placed_at, o.status, o.financial_status, "
    "o.fulfillment_status, o.channel, o.currency, o.total, o.refunded_total, "
    "(SELECT coalesce(sum(ol.quantity), 0) FROM order_lines ol WHERE ol.order_id = o.id) "
    "FROM orders o";

OrderListRow readRow(const SqliteStatement &s)
{
    OrderListRow r;
    r.rid = s.int64(0);
    r.id = s.text(1);
    r.number = s.int64(2);
    r.customerName = s.text(3);
    r.placedAt = s.int64(4);
    r.status = enumFrom(s, 5, OrderStatus::Pending);
    r.financialStatus = enumFrom(s, 6, FinancialStatus::Pending);
    r.fulfillmentStatus = enumFrom(s, 7, FulfillmentStatus::Unfulfilled);
    r.channel = enumFrom(s, 8, OrderChannel::Web);
    r.currency = s.text(9);
    r.total = s.int64(10);
    r.refundedTotal = s.int64(11);
    r.itemCount = s.int64(12);
    return r;
}

QByteArray sortColumn(OrderSort sort)
{
    switch (sort) {
    case OrderSort::PlacedAt: return "o.placed_at";
    case OrderSort::Number: return "o.number";
    case OrderSort::Total: return "o.total";
    }
    return "o.placed_at";
}

// The index a filter/sort combination walks, named so that a schema change that would turn
// a page into a sort of the whole table fails loudly. One customer's orders are few, so that
// filter always takes orders_customer (sorting them by number or total is a small sort).
QByteArray orderIndex(const OrderQuery &q)
{
    if (!q.filter.customerId.isEmpty())
        return "orders_customer";
    switch (q.sort) {
    case OrderSort::PlacedAt:
        if (q.filter.status)
            return "orders_status_placed";
        if (q.filter.financialStatus)
            return "orders_financial_placed";
        if (q.filter.fulfillmentStatus)
            return "orders_fulfillment_placed";
        return "orders_placed";
    case OrderSort::Number: return "sqlite_autoindex_orders_2"; // UNIQUE (number)
    case OrderSort::Total: return "orders_total";
    }
    return "orders_placed";
}

Result<void> collect(SqliteStatement &s, QList<OrderListRow> &rows, QSet<qint64> *seen = nullptr)
{
    for (;;) {
        SK_TRY_ASSIGN(hasRow, s.step());
        if (!hasRow)
            return {};
        OrderListRow r = readRow(s);
        if (seen) {
            if (seen->contains(r.rid))
                continue;
            seen->insert(r.rid);
        }
        rows.append(std::move(r));
    }
}

} // namespace

Result<std::optional<Order>> OrderRepository::order(const QString &id)
{
    SK_TRY_ASSIGN(s, m_db.cached("SELECT " SK_ORDER_COLUMNS " FROM orders o WHERE o.id = ?1"));
    s->bind(1, id);
    return readOne(*s, readOrder);
}

Result<std::optional<Order>> OrderRepository::orderByNumber(qint64 number)
{
    SK_TRY_ASSIGN(s, m_db.cached("SELECT " SK_ORDER_COLUMNS " FROM orders o WHERE o.number = ?1"));
    s->bind(1, number);
    return readOne(*s, readOrder);
}

Result<std::optional<OrderDetail>> OrderRepository::detail(const QString &id)
{
    SK_TRY_ASSIGN(found, order(id));
    if (!found)
        return std::optional<OrderDetail>();
    OrderDetail d;
    d.order = std::move(*found);

    SK_TRY_ASSIGN(ls, m_db.cached("SELECT id, order_id, variant_id, sku, title, variant_title, quantity, unit_price, "
                                  "discount, tax, total FROM order_lines WHERE order_id = ?1 ORDER BY rid"));
    ls->bind(1, id);
    for (;;) {
        SK_TRY_ASSIGN(hasRow, ls->step());
        if (!hasRow)
            break;
        OrderLine l;
        l.id = ls->text(0);
        l.orderId = ls->text(1);
        l.variantId = ls->text(2);
        l.sku = ls->text(3);
        l.title = ls->text(4);
        l.variantTitle = ls->text(5);
        l.quantity = ls->int64(6);
        l.unitPrice = ls->int64(7);
        l.discount = ls->int64(8);
        l.tax = ls->int64(9);
        l.total = ls->int64(10);
        d.lines.append(std::move(l));
    }

    SK_TRY_ASSIGN(fs, m_db.cached("SELECT id, order_id, location_id, tracking_number, carrier, created_at, version, "
                                  "updated_at FROM fulfillments WHERE order_id = ?1 ORDER BY created_at, rid"));
    fs->bind(1, id);
    for (;;) {
        SK_TRY_ASSIGN(hasRow, fs->step());
        if (!hasRow)
            break;
        Fulfillment f;
        f.id = fs->text(0);
        f.orderId = fs->text(1);
        f.locationId = fs->text(2);
        f.trackingNumber = fs->text(3);
        f.carrier = fs->text(4);
        f.createdAt = fs->int64(5);
        f.version = fs->int64(6);
        f.updatedAt = fs->int64(7);
        d.fulfillments.append(std::move(f));
    }
    SK_TRY_ASSIGN(fls, m_db.cached("SELECT fl.order_line_id, fl.quantity FROM fulfillment_lines fl "
                                   "JOIN order_lines ol ON ol.id = fl.order_line_id "
                                   "WHERE fl.fulfillment_id = ?1 ORDER BY ol.rid"));
    for (Fulfillment &f : d.fulfillments) {
        fls->reset();
        fls->bind(1, f.id);
        for (;;) {
            SK_TRY_ASSIGN(hasRow, fls->step());
            if (!hasRow)
                break;
            f.lines.append(FulfillmentLine{fls->text(0), fls->int64(1)});
        }
    }

    SK_TRY_ASSIGN(rs, m_db.cached("SELECT id, order_id, amount, reason, restock, created_at, version, updated_at "
                                  "FROM refunds WHERE order_id = ?1 ORDER BY created_at, rid"));
    rs->bind(1, id);
    for (;;) {
        SK_TRY_ASSIGN(hasRow, rs->step());
        if (!hasRow)
            break;
        Refund r;
        r.id = rs->text(0);
        r.orderId = rs->text(1);
        r.amount = rs->int64(2);
        r.reason = rs->text(3);
        r.restock = rs->int64(4) != 0;
        r.createdAt = rs->int64(5);
        r.version = rs->int64(6);
        r.updatedAt = rs->int64(7);
        d.refunds.append(std::move(r));
    }
    SK_TRY_ASSIGN(rls, m_db.cached("SELECT rl.order_line_id, rl.quantity, rl.amount FROM refund_lines rl "
                                   "JOIN order_lines ol ON ol.id = rl.order_line_id "
                                   "WHERE rl.refund_id = ?1 ORDER BY ol.rid"));
    for (Refund &r : d.refunds) {
        rls->reset();
        rls->bind(1, r.id);
        for (;;) {
            SK_TRY_ASSIGN(hasRow, rls->step());
            if (!hasRow)
                break;
            r.lines.append(RefundLine{rls->text(0), rls->int64(1), rls->int64(2)});
        }
    }

    SK_TRY_ASSIGN(es, m_db.cached("SELECT id, order_id, kind, message, author, created_at, version, updated_at "
                                  "FROM order_events WHERE order_id = ?1 ORDER BY created_at, rid"));
    es->bind(1, id);
    for (;;) {
        SK_TRY_ASSIGN(hasRow, es->step());
        if (!hasRow)
            break;
        OrderEvent e;
        e.id = es->text(0);
        e.orderId = es->text(1);
        e.kind = enumFrom(*es, 2, OrderEventKind::Note);
        e.message = es->text(3);
        e.author = es->text(4);
        e.createdAt = es->int64(5);
        e.version = es->int64(6);
        e.updatedAt = es->int64(7);
        d.events.append(std::move(e));
    }
    return std::optional<OrderDetail>(std::move(d));
}

// Parameters: ?1 status, ?2 financial, ?3 fulfillment, ?4 channel, ?5 customer, ?6 from,
// ?7 to, ?8/?9 keyset value/rid, ?10 limit.
QByteArrayList OrderRepository::filterConditions(const OrderFilter &f)
{
    QByteArrayList conds;
    if (f.status)
        conds.append("o.status = ?1");
    if (f.financialStatus)
        conds.append("o.financial_status = ?2");
    if (f.fulfillmentStatus)
        conds.append("o.fulfillment_status = ?3");
    if (f.channel)
        conds.append("o.channel = ?4");
    if (!f.customerId.isEmpty())
        conds.append("o.customer_id = ?5");
    if (f.placedFrom)
        conds.append("o.placed_at >= ?6");
    if (f.placedTo)
        conds.append("o.placed_at < ?7");
    return conds;
}

void OrderRepository::bindFilter(SqliteStatement &s, const OrderFilter &f)
{
    if (f.status)
        s.bind(1, toString(*f.status));
    if (f.financialStatus)
        s.bind(2, toString(*f.financialStatus));
    if (f.fulfillmentStatus)
        s.bind(3, toString(*f.fulfillmentStatus));
    if (f.channel)
        s.bind(4, toString(*f.channel));
    if (!f.customerId.isEmpty())
        s.bind(5, f.customerId);
    if (f.placedFrom)
        s.bind(6, *f.placedFrom);
    if (f.placedTo)
        s.bind(7, *f.placedTo);
}

QByteArray OrderRepository::listSql(const OrderQuery &query)
{
    QByteArrayList conds = filterConditions(query.filter);
    if (query.after)
        conds.append(keysetCondition(sortColumn(query.sort), "o.rid", query.order, 8, 9));
    const QByteArray dir = direction(query.order);
    return QByteArray(kRowSelect) + " INDEXED BY " + orderIndex(query)
        + (conds.isEmpty() ? QByteArray() : " WHERE " + conds.join(" AND ")) + " ORDER BY "
        + sortColumn(query.sort) + dir + ", o.rid" + dir + " LIMIT ?10";
}

Result<KeysetPage<OrderListRow>> OrderRepository::list(const OrderQuery &query)
{
    const int limit = clampLimit(query.limit);
    SK_TRY_ASSIGN(s, m_db.cached(listSql(query).constData()));
    bindFilter(*s, query.filter);
    if (query.after) {
        bindSortValue(*s, 8, *query.after);
        s->bind(9, query.after->rid);
    }
    s->bind(10, limit + 1);
    QList<OrderListRow> rows;
    SK_TRY(collect(*s, rows));
    const OrderSort sort = query.sort;
    return finishPage(std::move(rows), limit, [sort](const OrderListRow &r) {
        SortKey key;
        switch (sort) {
        case OrderSort::PlacedAt: key.value = r.placedAt; break;
        case OrderSort::Number: key.value = r.number; break;
        case OrderSort::Total: key.value = r.total; break;
        }
        key.rid = r.rid;
        return key;
    });
}

Result<QList<OrderListRow>> OrderRepository::search(const QString &text, int limit)
{
    limit = clampLimit(limit);
    QList<OrderListRow> rows;
    QSet<qint64> seen;

    // "#1001" or "1001": the order with exactly that number first.
    QString digits = text.trimmed();
    if (digits.startsWith(QLatin1Char('#')))
        digits = digits.mid(1).trimmed();
    bool isNumber = false;
    const qint64 number = digits.toLongLong(&isNumber);
    if (isNumber && number > 0 && std::all_of(digits.cbegin(), digits.cend(), [](QChar c) { return c.isDigit(); })) {
        SK_TRY_ASSIGN(s, m_db.cached((QByteArray(kRowSelect) + " WHERE o.number = ?1").constData()));
        s->bind(1, number);
        SK_TRY(collect(*s, rows, &seen));
    }

    const QString match = FtsQuery::prefixQuery(text);
    if (match.isEmpty() || rows.size() >= limit)
        return rows;
    // No bm25: ranking a broad prefix costs about a second on 1M rows.
    SK_TRY_ASSIGN(s, m_db.cached((QByteArray(kRowSelect)
                                  + " JOIN (SELECT rowid AS r FROM order_search WHERE order_search MATCH ?1 LIMIT ?2) m "
                                    "ON m.r = o.rid")
                                     .constData()));
    s->bind(1, match).bind(2, qint64(limit));
    SK_TRY(collect(*s, rows, &seen));
    if (rows.size() > limit)
        rows.resize(limit);
    return rows;
}

Result<void> OrderRepository::upsertOrder(const Order &o)
{
    SK_TRY_ASSIGN(s, m_db.cached(
                         "INSERT INTO orders (id, number, customer_id, customer_name, email, channel, currency, subtotal, "
                         "discount_total, shipping_total, tax_total, total, refunded_total, status, financial_status, "
                         "fulfillment_status, gateway, location_id, placed_at, paid_at, cancelled_at, cancel_reason, "
                         "billing_address, shipping_address, note, tags, version, updated_at) VALUES (?1, ?2, ?3, ?4, "
                         "?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, "
                         "?24, ?25, ?26, ?27, ?28) ON CONFLICT (id) DO UPDATE SET number = excluded.number, "
                         "customer_id = excluded.customer_id, customer_name = excluded.customer_name, "
                         "email = excluded.email, channel = excluded.channel, currency = excluded.currency, "
                         "subtotal = excluded.subtotal, discount_total = excluded.discount_total, "
                         "shipping_total = excluded.shipping_total, tax_total = excluded.tax_total, "
                         "total = excluded.total, refunded_total = excluded.refunded_total, status = excluded.status, "
                         "financial_status = excluded.financial_status, fulfillment_status = excluded.fulfillment_status, "
                         "gateway = excluded.gateway, location_id = excluded.location_id, placed_at = excluded.placed_at, "
                         "paid_at = excluded.paid_at, cancelled_at = excluded.cancelled_at, "
                         "cancel_reason = excluded.cancel_reason, billing_address = excluded.billing_address, "
                         "shipping_address = excluded.shipping_address, note = excluded.note, tags = excluded.tags, "
                         "version = excluded.version, updated_at = excluded.updated_at"));
    s->bind(1, o.id).bind(2, o.number);
    bindOptionalText(*s, 3, o.customerId);
    bindText(*s, 4, o.customerName);
    bindOptionalText(*s, 5, o.email);
    s->bind(6, toString(o.channel));
    bindText(*s, 7, o.currency);
    s->bind(8, o.subtotal).bind(9, o.discountTotal).bind(10, o.shippingTotal).bind(11, o.taxTotal);
    s->bind(12, o.total).bind(13, o.refundedTotal);
    s->bind(14, toString(o.status)).bind(15, toString(o.financialStatus)).bind(16, toString(o.fulfillmentStatus));
    bindText(*s, 17, o.gateway);
    bindOptionalText(*s, 18, o.locationId);
    s->bind(19, o.placedAt).bind(20, o.paidAt).bind(21, o.cancelledAt);
    bindText(*s, 22, o.cancelReason);
    s->bind(23, o.billingAddressJson.isEmpty() ? QStringLiteral("{}") : o.billingAddressJson);
    s->bind(24, o.shippingAddressJson.isEmpty() ? QStringLiteral("{}") : o.shippingAddressJson);
    bindText(*s, 25, o.note);
    bindText(*s, 26, o.tags);
    s->bind(27, o.version).bind(28, o.updatedAt);
    auto done = s->exec();
    if (!done.ok()) {
        const Error &e = done.error();
        if (e.code == QLatin1String("sqlite.constraint") && e.message.contains(QLatin1String("orders.number"))) {
            return makeError(QStringLiteral("order.duplicate_number"),
                             QCoreApplication::translate("OrderRepository",
                                                         "Order number %1 is already used by another order.")
                                 .arg(o.number),
                             e.message);
        }
        return e;
    }
    return {};
}

Result<void> OrderRepository::upsertLine(const OrderLine &l)
{
    SK_TRY_ASSIGN(s, m_db.cached("INSERT INTO order_lines (id, order_id, variant_id, sku, title, variant_title, quantity, "
                                 "unit_price, discount, tax, total) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) "
                                 "ON CONFLICT (id) DO UPDATE SET order_id = excluded.order_id, "
                                 "variant_id = excluded.variant_id, sku = excluded.sku, title = excluded.title, "
                                 "variant_title = excluded.variant_title, quantity = excluded.quantity, "
                                 "unit_price = excluded.unit_price, discount = excluded.discount, tax = excluded.tax, "
                                 "total = excluded.total"));
    s->bind(1, l.id).bind(2, l.orderId);
    bindOptionalText(*s, 3, l.variantId);
    bindText(*s, 4, l.sku);
    bindText(*s, 5, l.title);
    bindText(*s, 6, l.variantTitle);
    s->bind(7, l.quantity).bind(8, l.unitPrice).bind(9, l.discount).bind(10, l.tax).bind(11, l.total);
    return s->exec();
}

Result<void> OrderRepository::writeFulfillment(const Fulfillment &f)
{
    SK_TRY_ASSIGN(s, m_db.cached("INSERT INTO fulfillments (id, order_id, location_id, tracking_number, carrier, "
                                 "created_at, version, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) "
                                 "ON CONFLICT (id) DO UPDATE SET order_id = excluded.order_id, "
                                 "location_id = excluded.location_id, tracking_number = excluded.tracking_number, "
                                 "carrier = excluded.carrier, created_at = excluded.created_at, "
                                 "version = excluded.version, updated_at = excluded.updated_at"));
    s->bind(1, f.id).bind(2, f.orderId);
    bindOptionalText(*s, 3, f.locationId);
    bindText(*s, 4, f.trackingNumber);
    bindText(*s, 5, f.carrier);
    s->bind(6, f.createdAt).bind(7, f.version).bind(8, f.updatedAt);
    return s->exec();
}

Result<void> OrderRepository::insertFulfillmentLines(const Fulfillment &f)
{
    SK_TRY_ASSIGN(ins, m_db.cached("INSERT INTO fulfillment_lines (fulfillment_id, order_line_id, quantity) "
                                   "VALUES (?1, ?2, ?3)"));
    for (const FulfillmentLine &l : f.lines) {
        ins->bind(1, f.id).bind(2, l.orderLineId).bind(3, l.quantity);
        SK_TRY(ins->exec());
    }
    return {};
}

Result<void> OrderRepository::upsertFulfillment(const Fulfillment &f)
{
    SK_TRY_ASSIGN(savepoint, SqliteSavepoint::begin(m_db, "upsert_fulfillment"));
    SK_TRY(writeFulfillment(f));
    SK_TRY_ASSIGN(del, m_db.cached("DELETE FROM fulfillment_lines WHERE fulfillment_id = ?1"));
    del->bind(1, f.id);
    SK_TRY(del->exec());
    SK_TRY(insertFulfillmentLines(f));
    return savepoint.release();
}

Result<void> OrderRepository::insertNewFulfillment(const Fulfillment &f)
{
    SK_TRY(writeFulfillment(f));
    return insertFulfillmentLines(f);
}

Result<void> OrderRepository::writeRefund(const Refund &r)
{
    SK_TRY_ASSIGN(s, m_db.cached("INSERT INTO refunds (id, order_id, amount, reason, restock, created_at, version, "
                                 "updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) "
                                 "ON CONFLICT (id) DO UPDATE SET order_id = excluded.order_id, amount = excluded.amount, "
                                 "reason = excluded.reason, restock = excluded.restock, created_at = excluded.created_at, "
                                 "version = excluded.version, updated_at = excluded.updated_at"));
    s->bind(1, r.id).bind(2, r.orderId).bind(3, r.amount);
    bindText(*s, 4, r.reason);
    s->bind(5, r.restock).bind(6, r.createdAt).bind(7, r.version).bind(8, r.updatedAt);
    return s->exec();
}

Result<void> OrderRepository::insertRefundLines(const Refund &r)
{
    SK_TRY_ASSIGN(ins, m_db.cached("INSERT INTO refund_lines (refund_id, order_line_id, quantity, amount) "
                                   "VALUES (?1, ?2, ?3, ?4)"));
    for (const RefundLine &l : r.lines) {
        ins->bind(1, r.id).bind(2, l.orderLineId).bind(3, l.quantity).bind(4, l.amount);
        SK_TRY(ins->exec());
    }
    return {};
}

Result<void> OrderRepository::upsertRefund(const Refund &r)
{
    SK_TRY_ASSIGN(savepoint, SqliteSavepoint::begin(m_db, "upsert_refund"));
    // A refund that moves to another order changes both orders' refunded totals.
    SK_TRY_ASSIGN(prev, m_db.cached("SELECT order_id FROM refunds WHERE id = ?1"));
    prev->bind(1, r.id);
    SK_TRY_ASSIGN(previous, readOne(*prev, [](const SqliteStatement &row) { return row.text(0); }));
    const QString previousOrderId = previous.value_or(QString());

    SK_TRY(writeRefund(r));
    SK_TRY_ASSIGN(del, m_db.cached("DELETE FROM refund_lines WHERE refund_id = ?1"));
    del->bind(1, r.id);
    SK_TRY(del->exec());
    SK_TRY(insertRefundLines(r));
    SK_TRY_ASSIGN(sum, m_db.cached("UPDATE orders SET refunded_total = "
                                   "(SELECT coalesce(sum(amount), 0) FROM refunds WHERE order_id = ?1) WHERE id = ?1"));
    sum->bind(1, r.orderId);
    SK_TRY(sum->exec());
    if (!previousOrderId.isEmpty() && previousOrderId != r.orderId) {
        sum->bind(1, previousOrderId);
        SK_TRY(sum->exec());
    }
    return savepoint.release();
}

Result<void> OrderRepository::insertNewRefund(const Refund &r)
{
    SK_TRY(writeRefund(r));
    return insertRefundLines(r);
}

Result<void> OrderRepository::upsertEvent(const OrderEvent &e)
{
    SK_TRY_ASSIGN(s, m_db.cached("INSERT INTO order_events (id, order_id, kind, message, author, created_at, version, "
                                 "updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) "
                                 "ON CONFLICT (id) DO UPDATE SET order_id = excluded.order_id, kind = excluded.kind, "
                                 "message = excluded.message, author = excluded.author, created_at = excluded.created_at, "
                                 "version = excluded.version, updated_at = excluded.updated_at"));
    s->bind(1, e.id).bind(2, e.orderId).bind(3, toString(e.kind));
    bindText(*s, 4, e.message);
    bindText(*s, 5, e.author);
    s->bind(6, e.createdAt).bind(7, e.version).bind(8, e.updatedAt);
    return s->exec();
}

Result<void> OrderRepository::deleteOrder(const QString &id)
{
    SK_TRY_ASSIGN(s, m_db.cached("DELETE FROM orders WHERE id = ?1"));
    s->bind(1, id);
    return s->exec();
}

} // namespace sk
