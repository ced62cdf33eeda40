#pragma once

#include "domain/enums.h"
#include "storage/keysetpage.h"
#include "util/result.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace sk {

class SqliteDatabase;

// Every sort walks an index: placed_at (orders_placed or the status indexes), number
// (its UNIQUE index), total (orders_total), updated_at (orders_updated).
enum class OrderListSort { PlacedAt, Number, Total, UpdatedAt };

struct OrderListFilter
{
    std::optional<OrderStatus> status;
    std::optional<FinancialStatus> financialStatus;
    std::optional<FulfillmentStatus> fulfillmentStatus;
    std::optional<OrderChannel> channel;
    std::optional<qint64> placedFrom; // UTC ms, placed_at >= placedFrom
    std::optional<qint64> placedTo;   // UTC ms, placed_at < placedTo
    QString search;                   // order number, customer name or email (prefix words)

    bool operator==(const OrderListFilter &) const = default;
};

// One row of the order list. Amounts are minor units of `currency`.
struct OrderListItem
{
    qint64 rid = 0;
    QString id;
    qint64 number = 0;
    QString customerName;
    QString email;
    qint64 placedAt = 0;
    qint64 updatedAt = 0;
    OrderStatus status = OrderStatus::Pending;
    FinancialStatus financialStatus = FinancialStatus::Pending;
    FulfillmentStatus fulfillmentStatus = FulfillmentStatus::Unfulfilled;
    OrderChannel channel = OrderChannel::Web;
    QString currency;
    qint64 total = 0;
    qint64 refundedTotal = 0;
    bool pending = false; // has local edits the server has not confirmed yet
};

// The SQL behind OrderListModel: keyset pages of the filtered, sorted order list (the rid
// and sort value of each row), and the rows of a window read by rid. Without a search each
// page walks the sort's index (INDEXED BY, so a schema change cannot quietly turn a page into
// a sort of 5M rows); a search starts from the full-text matches (order_search on number,
// customer name and a guest's e-mail, customer_search on the customer's name and e-mail) and
// sorts only those.
struct OrderListQuery
{
    OrderListFilter filter;
    OrderListSort sort = OrderListSort::PlacedAt;
    SortOrder order = SortOrder::Descending; // newest first

    // The next `limit` rows after `after` (from the start when unset): each row's sort key.
    Result<KeysetPage<SortKey>> keys(SqliteDatabase &db, const std::optional<SortKey> &after, int limit) const;
    // The SQL of keys(), for query-plan tests.
    QByteArray sql(bool hasAfter) const;

    // The rows with these rids that still exist, by rid.
    static Result<QHash<qint64, OrderListItem>> readRows(SqliteDatabase &db, const QList<qint64> &rids);
};

} // namespace sk
