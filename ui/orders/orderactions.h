#pragma once

#include "domain/records.h"

#include <QCoreApplication>
#include <QString>

namespace sk {

// What the user may do with an order now, and why not: the role's rights as the server
// grants them (owner and staff: everything; warehouse: fulfil and packing slips only, since
// it never sees money or customers) and then the order state machine. The Orders page
// enables its actions from this and shows the reason as their tooltip.
class OrderActions
{
    Q_DECLARE_TR_FUNCTIONS(sk::OrderActions)

public:
    enum class Action { Fulfil, Refund, Cancel, AddNote, Invoice, PackingSlip };

    struct Verdict
    {
        bool allowed = false;
        QString reason; // empty when allowed
    };

    // `detail` null: no order selected.
    static Verdict check(Action action, const OrderDetail *detail, const QString &role);
    // The role alone, as the server's role policy has it.
    static bool roleMay(Action action, const QString &role);
    // Warehouse users get orders without money or customer data.
    static bool seesMoneyAndCustomers(const QString &role);
    // The open quantity of every line (ordered minus fulfilled), as fulfilment lines.
    static QList<FulfillmentLine> openLines(const OrderDetail &detail);
    // Refunds may still give back this much (total minus refunds so far).
    static qint64 refundableAmount(const OrderDetail &detail);
};

} // namespace sk
