#include "orderactions.h"

#include "domain/orderstatemachine.h"

using namespace Qt::StringLiterals;

namespace sk {

namespace {

bool isOwnerOrStaff(const QString &role)
{
    return role == u"owner" || role == u"staff";
}

QString actionName(OrderActions::Action action)
{
    switch (action) {
    case OrderActions::Action::Fulfil: return OrderActions::tr("fulfil orders");
    case OrderActions::Action::Refund: return OrderActions::tr("refund orders");
    case OrderActions::Action::Cancel: return OrderActions::tr("cancel orders");
    case OrderActions::Action::AddNote: return OrderActions::tr("add notes to orders");
    case OrderActions::Action::Invoice: return OrderActions::tr("print invoices, which show prices");
    case OrderActions::Action::PackingSlip: return OrderActions::tr("print packing slips");
    }
    return {};
}

OrderActions::Verdict refused(const QString &reason)
{
    return {false, reason};
}

// The state machine's verdict: its message names the order and why.
OrderActions::Verdict verdictOf(const Result<void> &checked)
{
    return checked.ok() ? OrderActions::Verdict{true, {}} : refused(checked.error().message);
}

} // namespace

bool OrderActions::roleMay(Action action, const QString &role)
{
    switch (action) {
    case Action::Fulfil:
    case Action::PackingSlip:
        return isOwnerOrStaff(role) || role == u"warehouse";
    case Action::Refund:
    case Action::Cancel:
    case Action::AddNote:
    case Action::Invoice:
        return isOwnerOrStaff(role);
    }
    return false;
}

bool OrderActions::seesMoneyAndCustomers(const QString &role)
{
    return isOwnerOrStaff(role);
}

QList<FulfillmentLine> OrderActions::openLines(const OrderDetail &detail)
{
    const auto fulfilled = OrderStateMachine::fulfilledQuantities(detail);
    QList<FulfillmentLine> open;
    for (const OrderLine &line : detail.lines) {
        const qint64 left = line.quantity - fulfilled.value(line.id);
        if (left > 0)
            open.append(FulfillmentLine{line.id, left});
    }
    return open;
}

qint64 OrderActions::refundableAmount(const OrderDetail &detail)
{
    return qMax<qint64>(0, detail.order.total - OrderStateMachine::refundedAmount(detail));
}

OrderActions::Verdict OrderActions::check(Action action, const OrderDetail *detail, const QString &role)
{
    if (!roleMay(action, role)) {
        return refused(role.isEmpty() ? tr("No shop is open.")
                                      : tr("Your role (%1) cannot %2. Ask the shop's owner.").arg(role, actionName(action)));
    }
    if (!detail)
        return refused(tr("Select an order first."));
    const qint64 number = detail->order.number;
    switch (action) {
    case Action::Fulfil: {
        const QList<FulfillmentLine> open = openLines(*detail);
        if (open.isEmpty())
            return refused(tr("Every item of order #%1 has been fulfilled.").arg(number));
        return verdictOf(OrderStateMachine::checkFulfillment(*detail, open));
    }
    case Action::Refund: {
        const qint64 left = refundableAmount(*detail);
        if (left == 0 && detail->order.total > 0)
            return refused(tr("Order #%1 has been refunded in full.").arg(number));
        return verdictOf(OrderStateMachine::checkRefund(*detail, qMax<qint64>(1, left), {}));
    }
    case Action::Cancel:
        return verdictOf(OrderStateMachine::checkStatusChange(*detail, OrderStatus::Cancelled));
    case Action::AddNote:
    case Action::Invoice:
    case Action::PackingSlip:
        return {true, {}};
    }
    return refused({});
}

} // namespace sk
