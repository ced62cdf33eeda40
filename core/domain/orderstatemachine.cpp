#include "orderstatemachine.h"

#include "money/money.h"

#include <QCoreApplication>
#include <QtNumeric>

namespace sk {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("sk::OrderStateMachine", text);
}

// "on_hold" reads as "on hold" in messages.
QString label(OrderStatus status)
{
    return toString(status).replace(u'_', u' ');
}

QString label(FinancialStatus status)
{
    return toString(status).replace(u'_', u' ');
}

QString lineLabel(const OrderLine &line)
{
    QString text = line.title;
    if (!line.variantTitle.isEmpty())
        text += QStringLiteral(" \u2013 ") + line.variantTitle;
    if (!line.sku.isEmpty())
        text = text.isEmpty() ? line.sku : text + QStringLiteral(" (") + line.sku + QLatin1Char(')');
    return text.isEmpty() ? line.id : text;
}

// "12.50 USD" when the order's currency is known, the bare minor units otherwise.
QString amountText(const Order &order, qint64 minor)
{
    const auto money = Money::fromMinor(minor, order.currency);
    if (!money.ok())
        return QString::number(minor);
    return money->toDecimalString() + QLatin1Char(' ') + order.currency;
}

Error illegal(const Order &order, OrderStatus to, const QString &reason)
{
    return makeError(QStringLiteral("order.illegal_transition"),
                     QCoreApplication::translate("sk::OrderStateMachine", "Order #%1 cannot go from %2 to %3: %4")
                         .arg(order.number)
                         .arg(label(order.status), label(to), reason));
}

Error unknownLine(const OrderDetail &detail, const QString &lineId)
{
    return makeError(QStringLiteral("order.unknown_line"),
                     QCoreApplication::translate("sk::OrderStateMachine", "Order #%1 has no line \u201C%2\u201D.").arg(detail.order.number).arg(lineId));
}

qint64 saturatingAdd(qint64 a, qint64 b)
{
    qint64 sum = 0;
    if (qAddOverflow(a, b, &sum))
        return b > 0 ? std::numeric_limits<qint64>::max() : std::numeric_limits<qint64>::min();
    return sum;
}

// Requested quantities summed per line id, in first-seen order, so duplicates cannot
// sneak past the per-line limits.
template <typename Line>
QList<std::pair<QString, qint64>> sumPerLine(const QList<Line> &lines)
{
    QList<std::pair<QString, qint64>> sums;
    for (const Line &line : lines) {
        auto it = std::find_if(sums.begin(), sums.end(), [&](const auto &p) { return p.first == line.orderLineId; });
        if (it == sums.end())
            sums.append({line.orderLineId, line.quantity});
        else
            it->second = saturatingAdd(it->second, line.quantity);
    }
    return sums;
}

bool anythingFulfilled(const OrderDetail &detail)
{
    if (detail.order.fulfillmentStatus != FulfillmentStatus::Unfulfilled)
        return true;
    const auto fulfilled = OrderStateMachine::fulfilledQuantities(detail);
    return std::any_of(fulfilled.cbegin(), fulfilled.cend(), [](qint64 q) { return q > 0; });
}

} // namespace

bool OrderStateMachine::isTableTransition(OrderStatus from, OrderStatus to)
{
    using S = OrderStatus;
    switch (from) {
    case S::Pending:
        return to == S::Processing || to == S::OnHold || to == S::Cancelled || to == S::Failed;
    case S::Processing:
        return to == S::OnHold || to == S::Completed || to == S::Cancelled || to == S::Refunded;
    case S::OnHold:
        return to == S::Pending || to == S::Processing || to == S::Cancelled;
    case S::Failed:
        return to == S::Pending || to == S::Cancelled;
    case S::Completed:
        return to == S::Refunded;
    case S::Cancelled:
    case S::Refunded:
        return false;
    }
    return false;
}

Result<void> OrderStateMachine::checkStatusChange(const OrderDetail &detail, OrderStatus to)
{
    const Order &order = detail.order;
    const OrderStatus from = order.status;
    if (from == to)
        return illegal(order, to, tr("it already has that status."));
    if (from == OrderStatus::Cancelled || from == OrderStatus::Refunded)
        return illegal(order, to, tr("a %1 order is closed.").arg(label(from)));
    if (!isTableTransition(from, to))
        return illegal(order, to, tr("that step is not part of an order's life."));

    switch (to) {
    case OrderStatus::Completed:
        if (order.fulfillmentStatus != FulfillmentStatus::Fulfilled)
            return illegal(order, to, tr("fulfil every item first."));
        break;
    case OrderStatus::Cancelled:
        if (anythingFulfilled(detail))
            return illegal(order, to, tr("items have already been fulfilled; refund them instead."));
        break;
    case OrderStatus::Processing:
        if (order.financialStatus != FinancialStatus::Paid && order.financialStatus != FinancialStatus::Authorized
            && order.financialStatus != FinancialStatus::PartiallyRefunded) {
            return illegal(order, to, tr("the payment is %1, not paid or authorized.").arg(label(order.financialStatus)));
        }
        break;
    case OrderStatus::Refunded:
        if (order.financialStatus != FinancialStatus::Refunded)
            return illegal(order, to, tr("the payment is %1; refund the full amount first.").arg(label(order.financialStatus)));
        break;
    case OrderStatus::Pending:
    case OrderStatus::OnHold:
    case OrderStatus::Failed:
        break;
    }
    return {};
}

QList<OrderStatus> OrderStateMachine::allowedTransitions(const OrderDetail &detail)
{
    QList<OrderStatus> allowed;
    for (int i = 0; i < enumCount<OrderStatus>(); ++i) {
        if (checkStatusChange(detail, OrderStatus(i)).ok())
            allowed.append(OrderStatus(i));
    }
    return allowed;
}

Result<void> OrderStateMachine::checkFulfillment(const OrderDetail &detail, const QList<FulfillmentLine> &lines)
{
    const Order &order = detail.order;
    if (order.status != OrderStatus::Processing) {
        return makeError(QStringLiteral("order.not_fulfillable"),
                         tr("Order #%1 is %2: only processing orders can be fulfilled.")
                             .arg(order.number)
                             .arg(label(order.status)));
    }
    if (lines.isEmpty()) {
        return makeError(QStringLiteral("order.invalid_quantity"),
                         tr("Choose at least one item of order #%1 to fulfil.").arg(order.number));
    }
    for (const FulfillmentLine &requested : lines) {
        const OrderLine *line = findLine(detail, requested.orderLineId);
        if (!line)
            return unknownLine(detail, requested.orderLineId);
        if (requested.quantity <= 0) {
            return makeError(QStringLiteral("order.invalid_quantity"),
                             tr("Cannot fulfil %1 of %2: the quantity must be more than zero.")
                                 .arg(requested.quantity)
                                 .arg(lineLabel(*line)));
        }
    }
    const auto fulfilled = fulfilledQuantities(detail);
    for (const auto &[lineId, quantity] : sumPerLine(lines)) {
        const OrderLine *line = findLine(detail, lineId);
        const qint64 done = fulfilled.value(lineId);
        if (quantity > line->quantity - done) {
            return makeError(QStringLiteral("order.overfulfil"),
                             tr("Cannot fulfil %1 of %2: %3 ordered, %4 already fulfilled, %5 left.")
                                 .arg(quantity)
                                 .arg(lineLabel(*line))
                                 .arg(line->quantity)
                                 .arg(done)
                                 .arg(qMax<qint64>(0, line->quantity - done)));
        }
    }
    return {};
}

FulfillmentStatus OrderStateMachine::fulfillmentStatusAfter(const OrderDetail &detail,
                                                            const QList<FulfillmentLine> &added)
{
    auto done = fulfilledQuantities(detail);
    for (const FulfillmentLine &line : added)
        done[line.orderLineId] = saturatingAdd(done.value(line.orderLineId), line.quantity);

    bool any = false;
    bool all = true;
    bool counted = false;
    for (const OrderLine &line : detail.lines) {
        if (line.quantity <= 0)
            continue;
        counted = true;
        const qint64 q = done.value(line.id);
        any = any || q > 0;
        all = all && q >= line.quantity;
    }
    if (!counted)
        return detail.order.fulfillmentStatus;
    return all ? FulfillmentStatus::Fulfilled : (any ? FulfillmentStatus::Partial : FulfillmentStatus::Unfulfilled);
}

Result<void> OrderStateMachine::checkRefund(const OrderDetail &detail, qint64 amount, const QList<RefundLine> &lines)
{
    const Order &order = detail.order;
    if (order.financialStatus != FinancialStatus::Paid && order.financialStatus != FinancialStatus::PartiallyRefunded) {
        return makeError(QStringLiteral("order.not_refundable"),
                         tr("Order #%1 cannot be refunded: its payment is %2, not paid.")
                             .arg(order.number)
                             .arg(label(order.financialStatus)));
    }
    if (amount <= 0) {
        return makeError(QStringLiteral("order.invalid_amount"),
                         tr("A refund must be more than zero, not %1.").arg(amountText(order, amount)));
    }
    const qint64 already = refundedAmount(detail);
    const qint64 left = qMax<qint64>(0, order.total - already);
    if (amount > left) {
        return makeError(QStringLiteral("order.overrefund"),
                         tr("Cannot refund %1 on order #%2: %3 paid, %4 already refunded, at most %5 left.")
                             .arg(amountText(order, amount))
                             .arg(order.number)
                             .arg(amountText(order, order.total), amountText(order, already), amountText(order, left)));
    }

    qint64 linesAmount = 0;
    for (const RefundLine &requested : lines) {
        const OrderLine *line = findLine(detail, requested.orderLineId);
        if (!line)
            return unknownLine(detail, requested.orderLineId);
        if (requested.quantity < 0 || requested.amount < 0) {
            return makeError(QStringLiteral("order.invalid_quantity"),
                             tr("Cannot refund %1 (%2) of %3: quantities and amounts cannot be negative.")
                                 .arg(requested.quantity)
                                 .arg(amountText(order, requested.amount), lineLabel(*line)));
        }
        linesAmount = saturatingAdd(linesAmount, requested.amount);
    }
    if (linesAmount > amount) {
        return makeError(QStringLiteral("order.refund_lines_exceed_amount"),
                         tr("The refunded items add up to %1, more than the refund of %2.")
                             .arg(amountText(order, linesAmount), amountText(order, amount)));
    }
    const auto refunded = refundedQuantities(detail);
    for (const auto &[lineId, quantity] : sumPerLine(lines)) {
        const OrderLine *line = findLine(detail, lineId);
        const qint64 done = refunded.value(lineId);
        if (quantity > line->quantity - done) {
            return makeError(QStringLiteral("order.overrefund_quantity"),
                             tr("Cannot refund %1 of %2: %3 ordered, %4 already refunded.")
                                 .arg(quantity)
                                 .arg(lineLabel(*line))
                                 .arg(line->quantity)
                                 .arg(done));
        }
    }
    return {};
}

FinancialStatus OrderStateMachine::financialStatusAfterRefund(const OrderDetail &detail, qint64 amount)
{
    const qint64 after = saturatingAdd(refundedAmount(detail), amount);
    return after >= detail.order.total ? FinancialStatus::Refunded : FinancialStatus::PartiallyRefunded;
}

std::optional<OrderStatus> OrderStateMachine::statusAfterRefund(const OrderDetail &detail, qint64 amount)
{
    if (financialStatusAfterRefund(detail, amount) == FinancialStatus::Refunded
        && isTableTransition(detail.order.status, OrderStatus::Refunded))
        return OrderStatus::Refunded;
    return std::nullopt;
}

QHash<QString, qint64> OrderStateMachine::fulfilledQuantities(const OrderDetail &detail)
{
    QHash<QString, qint64> sums;
    for (const Fulfillment &fulfillment : detail.fulfillments) {
        for (const FulfillmentLine &line : fulfillment.lines)
            sums[line.orderLineId] = saturatingAdd(sums.value(line.orderLineId), line.quantity);
    }
    return sums;
}

QHash<QString, qint64> OrderStateMachine::refundedQuantities(const OrderDetail &detail)
{
    QHash<QString, qint64> sums;
    for (const Refund &refund : detail.refunds) {
        for (const RefundLine &line : refund.lines)
            sums[line.orderLineId] = saturatingAdd(sums.value(line.orderLineId), line.quantity);
    }
    return sums;
}

qint64 OrderStateMachine::refundedAmount(const OrderDetail &detail)
{
    qint64 sum = 0;
    for (const Refund &refund : detail.refunds)
        sum = saturatingAdd(sum, refund.amount);
    return qMax(sum, detail.order.refundedTotal);
}

qint64 OrderStateMachine::restockedQuantity(const OrderDetail &detail, const QString &lineId)
{
    qint64 sum = 0;
    for (const Refund &refund : detail.refunds) {
        if (!refund.restock)
            continue;
        for (const RefundLine &line : refund.lines) {
            if (line.orderLineId == lineId)
                sum += line.quantity;
        }
    }
    return sum;
}

qint64 OrderStateMachine::openQuantity(const OrderDetail &detail, const OrderLine &line)
{
    const qint64 fulfilled = fulfilledQuantities(detail).value(line.id);
    const qint64 unfulfilled = qMax<qint64>(0, line.quantity - fulfilled);
    return unfulfilled - qMin(unfulfilled, restockedQuantity(detail, line.id));
}

const OrderLine *OrderStateMachine::findLine(const OrderDetail &detail, const QString &lineId)
{
    for (const OrderLine &line : detail.lines) {
        if (line.id == lineId)
            return &line;
    }
    return nullptr;
}

QString OrderStateMachine::shippedFrom(const OrderDetail &detail, const QString &lineId)
{
    QString location;
    for (const Fulfillment &f : detail.fulfillments) {
        if (f.locationId.isEmpty())
            continue;
        for (const FulfillmentLine &line : f.lines) {
            if (line.orderLineId == lineId)
                location = f.locationId;
        }
    }
    return location.isEmpty() ? detail.order.locationId : location;
}

} // namespace sk
