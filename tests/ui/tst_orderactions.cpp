#include "orders/orderactions.h"

#include <QTest>

using namespace sk;
using namespace Qt::StringLiterals;

namespace {

using A = OrderActions::Action;

// A processing, paid order of 3 units, nothing shipped or refunded.
OrderDetail paidOrder()
{
    OrderDetail d;
    d.order.id = u"order-1"_s;
    d.order.number = 1001;
    d.order.currency = u"EUR"_s;
    d.order.subtotal = d.order.total = 3000;
    d.order.status = OrderStatus::Processing;
    d.order.financialStatus = FinancialStatus::Paid;
    OrderLine line;
    line.id = u"line-1"_s;
    line.orderId = d.order.id;
    line.quantity = 3;
    line.unitPrice = 1000;
    line.total = 3000;
    d.lines = {line};
    return d;
}

} // namespace

class tst_OrderActions : public QObject
{
    Q_OBJECT

private slots:
    void rolesMirrorTheServer()
    {
        const OrderDetail order = paidOrder();
        for (const QString &role : {u"owner"_s, u"staff"_s}) {
            for (A action : {A::Fulfil, A::Refund, A::Cancel, A::AddNote, A::Invoice, A::PackingSlip})
                QVERIFY2(OrderActions::check(action, &order, role).allowed, qPrintable(role));
            QVERIFY(OrderActions::seesMoneyAndCustomers(role));
        }
        QVERIFY(OrderActions::check(A::Fulfil, &order, u"warehouse"_s).allowed);
        QVERIFY(OrderActions::check(A::PackingSlip, &order, u"warehouse"_s).allowed);
        QVERIFY(!OrderActions::seesMoneyAndCustomers(u"warehouse"_s));
        for (A action : {A::Refund, A::Cancel, A::AddNote, A::Invoice}) {
            const auto verdict = OrderActions::check(action, &order, u"warehouse"_s);
            QVERIFY(!verdict.allowed);
            QVERIFY2(verdict.reason.contains(u"warehouse"_s), qPrintable(verdict.reason));
        }
        QVERIFY(!OrderActions::check(A::PackingSlip, &order, u"visitor"_s).allowed);
        QVERIFY(!OrderActions::check(A::Fulfil, &order, QString()).allowed);
    }

    void needsAnOrder()
    {
        const auto verdict = OrderActions::check(A::AddNote, nullptr, u"owner"_s);
        QVERIFY(!verdict.allowed);
        QCOMPARE(verdict.reason, u"Select an order first."_s);
    }

    void followsTheStateMachine()
    {
        OrderDetail order = paidOrder();
        Fulfillment shipped;
        shipped.id = u"f-1"_s;
        shipped.lines = {FulfillmentLine{u"line-1"_s, 1}};
        order.fulfillments = {shipped};
        order.order.fulfillmentStatus = FulfillmentStatus::Partial;
        QCOMPARE(OrderActions::openLines(order).size(), 1);
        QCOMPARE(OrderActions::openLines(order).at(0).quantity, 2);
        QVERIFY(OrderActions::check(A::Fulfil, &order, u"owner"_s).allowed);
        const auto cancel = OrderActions::check(A::Cancel, &order, u"owner"_s);
        QVERIFY(!cancel.allowed);
        QVERIFY2(cancel.reason.contains(u"#1001"_s), qPrintable(cancel.reason));

        order.order.status = OrderStatus::OnHold;
        const auto held = OrderActions::check(A::Fulfil, &order, u"warehouse"_s);
        QVERIFY(!held.allowed);
        QVERIFY2(held.reason.contains(u"on hold"_s), qPrintable(held.reason));

        order.order.status = OrderStatus::Processing;
        order.fulfillments[0].lines[0].quantity = 3;
        const auto done = OrderActions::check(A::Fulfil, &order, u"owner"_s);
        QVERIFY(!done.allowed);
        QVERIFY2(done.reason.contains(u"fulfilled"_s), qPrintable(done.reason));

        order.order.refundedTotal = 3000;
        order.order.financialStatus = FinancialStatus::Refunded;
        QCOMPARE(OrderActions::refundableAmount(order), 0);
        QVERIFY(!OrderActions::check(A::Refund, &order, u"owner"_s).allowed);

        OrderDetail unpaid = paidOrder();
        unpaid.order.status = OrderStatus::Pending;
        unpaid.order.financialStatus = FinancialStatus::Pending;
        const auto refund = OrderActions::check(A::Refund, &unpaid, u"owner"_s);
        QVERIFY(!refund.allowed);
        QVERIFY2(refund.reason.contains(u"pending"_s), qPrintable(refund.reason));
        QVERIFY(OrderActions::check(A::Cancel, &unpaid, u"owner"_s).allowed);
    }
};

QTEST_GUILESS_MAIN(tst_OrderActions)
#include "tst_orderactions.moc"
