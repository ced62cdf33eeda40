#pragma once

#include "domain/enums.h"
#include "domain/records.h"
#include "util/result.h"

#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace sk {

// The life of an order as pure functions over OrderDetail: which status changes are legal
// (a WooCommerce-like table plus guards on payment and fulfilment), whether a fulfilment or
// a refund may be recorded, and what the order's statuses become afterwards. Every command
// that changes an order asks here first, whether it comes from the UI, the CLI or a sync;
// errors carry stable codes ("order.illegal_transition", "order.overfulfil",
// "order.overrefund" ...) and messages that name the numbers involved.
class OrderStateMachine
{
public:
    // The bare transition table, without guards:
    //   pending    → processing | on_hold | cancelled | failed
    //   processing → on_hold | completed | cancelled | refunded
    //   on_hold    → pending | processing | cancelled
    //   failed     → pending | cancelled
    //   completed  → refunded
    //   cancelled, refunded: terminal. A status to itself is not a transition.
    static bool isTableTransition(OrderStatus from, OrderStatus to);

    // The table plus its guards: completed needs fulfilment status fulfilled; cancelling is
    // refused once anything is fulfilled (refund instead); processing needs the payment
    // paid, authorized or partially refunded; refunded needs the payment refunded.
    // Fails with "order.illegal_transition", naming both statuses and the reason.
    static Result<void> checkStatusChange(const OrderDetail &detail, OrderStatus to);
    // The statuses checkStatusChange() accepts now, in enum order (for menus and buttons).
    static QList<OrderStatus> allowedTransitions(const OrderDetail &detail);

    // Shipping `lines`: only while the order is processing (on hold means "do not ship"),
    // every line belongs to the order with a quantity > 0, and no line ships more than was
    // ordered minus what already shipped ("order.overfulfil").
    static Result<void> checkFulfillment(const OrderDetail &detail, const QList<FulfillmentLine> &lines);
    static FulfillmentStatus fulfillmentStatusAfter(const OrderDetail &detail, const QList<FulfillmentLine> &added);

    // Refunding `amount` minor units: only when the payment is paid or partially refunded,
    // amount > 0, refunds never exceed the order total ("order.overrefund"), no line is
    // refunded more often than it was ordered ("order.overrefund_quantity"), and the lines'
    // amounts do not exceed the refund ("order.refund_lines_exceed_amount").
    static Result<void> checkRefund(const OrderDetail &detail, qint64 amount, const QList<RefundLine> &lines);
    // Refunded once refunds reach the order total, partially refunded before.
    static FinancialStatus financialStatusAfterRefund(const OrderDetail &detail, qint64 amount);
    // Refunded when the refund completes the total and the table allows it (processing or
    // completed orders); otherwise the status stays as it is (nullopt).
    static std::optional<OrderStatus> statusAfterRefund(const OrderDetail &detail, qint64 amount);

    // Quantities per order line id, summed over the detail's fulfilments / refunds.
    static QHash<QString, qint64> fulfilledQuantities(const OrderDetail &detail);
    static QHash<QString, qint64> refundedQuantities(const OrderDetail &detail);
    // Quantities of a line given back by restocking refunds.
    static qint64 restockedQuantity(const OrderDetail &detail, const QString &lineId);
    // How much of a line is still reserved (committed) for the order: ordered, minus what
    // shipped, minus what restocking refunds released before it shipped. Restocking refunds
    // count against the unshipped quantity first, so this needs no stored history.
    static qint64 openQuantity(const OrderDetail &detail, const OrderLine &line);
    static const OrderLine *findLine(const OrderDetail &detail, const QString &lineId);
    // Where a line's goods left from: the latest fulfilment of it that names a location, else
    // the order's location.
    static QString shippedFrom(const OrderDetail &detail, const QString &lineId);
    // Already refunded: the larger of the order's refunded total and the sum of its refunds,
    // so a detail loaded without its refunds can never allow refunding twice.
    static qint64 refundedAmount(const OrderDetail &detail);
};

} // namespace sk
