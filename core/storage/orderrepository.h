#pragma once

#include "domain/records.h"
#include "storage/keysetpage.h"
#include "util/result.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace sk {

class SqliteDatabase;
class SqliteStatement;

enum class OrderSort { PlacedAt, Number, Total };

struct OrderFilter
{
    std::optional<OrderStatus> status;
    std::optional<FinancialStatus> financialStatus;
    std::optional<FulfillmentStatus> fulfillmentStatus;
    std::optional<OrderChannel> channel;
    QString customerId;              // empty = any
    std::optional<qint64> placedFrom; // placed_at >= placedFrom
    std::optional<qint64> placedTo;   // placed_at < placedTo
};

struct OrderQuery
{
    OrderFilter filter;
    OrderSort sort = OrderSort::PlacedAt;
    SortOrder order = SortOrder::Descending; // newest first
    std::optional<SortKey> after;
    int limit = 200;
};

// One line of the order list. Amounts are minor units of `currency`.
struct OrderListRow
{
    qint64 rid = 0;
    QString id;
    qint64 number = 0;
    QString customerName;
    qint64 placedAt = 0;
    OrderStatus status = OrderStatus::Pending;
    FinancialStatus financialStatus = FinancialStatus::Pending;
    FulfillmentStatus fulfillmentStatus = FulfillmentStatus::Unfulfilled;
    OrderChannel channel = OrderChannel::Web;
    QString currency;
    qint64 total = 0;
    qint64 refundedTotal = 0;
    qint64 itemCount = 0; // sum of line quantities
};

// Orders with their lines, fulfillments, refunds and timeline. Reads work on any
// connection; writes must run inside ShopStore::write() on the writer connection.
class OrderRepository
{
public:
    explicit OrderRepository(SqliteDatabase &db) : m_db(db) {}

    Result<std::optional<Order>> order(const QString &id);
    Result<std::optional<Order>> orderByNumber(qint64 number);
    // Lines by rid; fulfillments, refunds and events by time.
    Result<std::optional<OrderDetail>> detail(const QString &id);
    Result<KeysetPage<OrderListRow>> list(const OrderQuery &query);
    // Type-ahead over order number and customer name. "#1001" and "1001" put order 1001
    // first; other hits follow in storage order, no ranking.
    Result<QList<OrderListRow>> search(const QString &text, int limit = 50);

    // Inserts or updates by id; refundedTotal is stored as given (upsertRefund recomputes it).
    // A taken number fails with order.duplicate_number.
    Result<void> upsertOrder(const Order &order);
    Result<void> upsertLine(const OrderLine &line);
    // Also replaces the fulfillment's lines with fulfillment.lines.
    Result<void> upsertFulfillment(const Fulfillment &fulfillment);
    // Also replaces the refund's lines, then sets orders.refunded_total to the sum of the
    // order's refunds (refusing, through the table's CHECK, a sum above the order total).
    Result<void> upsertRefund(const Refund &refund);
    Result<void> upsertEvent(const OrderEvent &event);
    // For a fulfillment or refund that is certainly new (its order was just inserted: a
    // first download): its row and lines as plain inserts, without the savepoint, the line
    // replacement and the refunded-total recount of the upserts.
    Result<void> insertNewFulfillment(const Fulfillment &fulfillment);
    Result<void> insertNewRefund(const Refund &refund);
    // With its lines, fulfillments, refunds and events.
    Result<void> deleteOrder(const QString &id);

    // The SQL behind list(), for query-plan tests (EXPLAIN QUERY PLAN).
    static QByteArray listSql(const OrderQuery &query);
    // The filter's conditions on orders `o`, with parameters ?1 to ?7 (status, financial,
    // fulfilment, channel, customer, placed from, placed to), and their binding: for every
    // list of orders (the app's keyset list too).
    static QByteArrayList filterConditions(const OrderFilter &filter);
    static void bindFilter(SqliteStatement &statement, const OrderFilter &filter);

private:
    Result<void> writeFulfillment(const Fulfillment &fulfillment);
    Result<void> insertFulfillmentLines(const Fulfillment &fulfillment);
    Result<void> writeRefund(const Refund &refund);
    Result<void> insertRefundLines(const Refund &refund);

    SqliteDatabase &m_db;
};

} // namespace sk
