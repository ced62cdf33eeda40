#include "domain/orderstatemachine.h"
#include "testsupport.h"

#include <QTest>

using namespace sk;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(sk::OrderStatus)
Q_DECLARE_METATYPE(sk::FinancialStatus)
Q_DECLARE_METATYPE(sk::FulfillmentStatus)

namespace {

using S = OrderStatus;
using F = FinancialStatus;
using U = FulfillmentStatus;

// Order #1001, 50.00 USD: 2 × "Linen shirt" (SHIRT-M) at 15.00 and 1 × "Canvas tote" (TOTE) at 20.00.
OrderDetail makeOrder(S status, F financial = F::Paid, U fulfillment = U::Unfulfilled)
{
    OrderDetail d;
    d.order.id = u"ord-1"_s;
    d.order.number = 1001;
    d.order.currency = u"USD"_s;
    d.order.subtotal = 5000;
    d.order.total = 5000;
    d.order.status = status;
    d.order.financialStatus = financial;
    d.order.fulfillmentStatus = fulfillment;

    OrderLine shirt;
    shirt.id = u"line-shirt"_s;
    shirt.orderId = d.order.id;
    shirt.sku = u"SHIRT-M"_s;
    shirt.title = u"Linen shirt"_s;
    shirt.quantity = 2;
    shirt.unitPrice = 1500;
    shirt.total = 3000;
    OrderLine tote;
    tote.id = u"line-tote"_s;
    tote.orderId = d.order.id;
    tote.sku = u"TOTE"_s;
    tote.title = u"Canvas tote"_s;
    tote.quantity = 1;
    tote.unitPrice = 2000;
    tote.total = 2000;
    d.lines = {shirt, tote};
    return d;
}

void addFulfillment(OrderDetail &d, const QList<FulfillmentLine> &lines)
{
    Fulfillment f;
    f.id = u"ful-%1"_s.arg(d.fulfillments.size() + 1);
    f.orderId = d.order.id;
    f.lines = lines;
    d.fulfillments.append(f);
}

void addRefund(OrderDetail &d, qint64 amount, const QList<RefundLine> &lines = {})
{
    Refund r;
    r.id = u"ref-%1"_s.arg(d.refunds.size() + 1);
    r.orderId = d.order.id;
    r.amount = amount;
    r.lines = lines;
    d.refunds.append(r);
    d.order.refundedTotal += amount;
}

QString label(S s)
{
    return toString(s).replace(u'_', u' ');
}

// QCOMPARE prints sk enums through their stored text.
QStringList names(const QList<S> &statuses)
{
    QStringList out;
    for (S s : statuses)
        out.append(toString(s));
    return out;
}

} // namespace

class tst_OrderStateMachine : public QObject
{
    Q_OBJECT

private slots:
    // Every (from, to) pair, with each target's guard satisfied, so only the table decides.
    void transitionTable_data()
    {
        QTest::addColumn<OrderStatus>("from");
        QTest::addColumn<OrderStatus>("to");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("pending -> pending") << S::Pending << S::Pending << false;
        QTest::newRow("pending -> processing") << S::Pending << S::Processing << true;
        QTest::newRow("pending -> on_hold") << S::Pending << S::OnHold << true;
        QTest::newRow("pending -> completed") << S::Pending << S::Completed << false;
        QTest::newRow("pending -> cancelled") << S::Pending << S::Cancelled << true;
        QTest::newRow("pending -> refunded") << S::Pending << S::Refunded << false;
        QTest::newRow("pending -> failed") << S::Pending << S::Failed << true;

        QTest::newRow("processing -> pending") << S::Processing << S::Pending << false;
        QTest::newRow("processing -> processing") << S::Processing << S::Processing << false;
        QTest::newRow("processing -> on_hold") << S::Processing << S::OnHold << true;
        QTest::newRow("processing -> completed") << S::Processing << S::Completed << true;
        QTest::newRow("processing -> cancelled") << S::Processing << S::Cancelled << true;
        QTest::newRow("processing -> refunded") << S::Processing << S::Refunded << true;
        QTest::newRow("processing -> failed") << S::Processing << S::Failed << false;

        QTest::newRow("on_hold -> pending") << S::OnHold << S::Pending << true;
        QTest::newRow("on_hold -> processing") << S::OnHold << S::Processing << true;
        QTest::newRow("on_hold -> on_hold") << S::OnHold << S::OnHold << false;
        QTest::newRow("on_hold -> completed") << S::OnHold << S::Completed << false;
        QTest::newRow("on_hold -> cancelled") << S::OnHold << S::Cancelled << true;
        QTest::newRow("on_hold -> refunded") << S::OnHold << S::Refunded << false;
        QTest::newRow("on_hold -> failed") << S::OnHold << S::Failed << false;

        QTest::newRow("completed -> pending") << S::Completed << S::Pending << false;
        QTest::newRow("completed -> processing") << S::Completed << S::Processing << false;
        QTest::newRow("completed -> on_hold") << S::Completed << S::OnHold << false;
        QTest::newRow("completed -> completed") << S::Completed << S::Completed << false;
        QTest::newRow("completed -> cancelled") << S::Completed << S::Cancelled << false;
        QTest::newRow("completed -> refunded") << S::Completed << S::Refunded << true;
        QTest::newRow("completed -> failed") << S::Completed << S::Failed << false;

        QTest::newRow("cancelled -> pending") << S::Cancelled << S::Pending << false;
        QTest::newRow("cancelled -> processing") << S::Cancelled << S::Processing << false;
        QTest::newRow("cancelled -> on_hold") << S::Cancelled << S::OnHold << false;
        QTest::newRow("cancelled -> completed") << S::Cancelled << S::Completed << false;
        QTest::newRow("cancelled -> cancelled") << S::Cancelled << S::Cancelled << false;
        QTest::newRow("cancelled -> refunded") << S::Cancelled << S::Refunded << false;
        QTest::newRow("cancelled -> failed") << S::Cancelled << S::Failed << false;

        QTest::newRow("refunded -> pending") << S::Refunded << S::Pending << false;
        QTest::newRow("refunded -> processing") << S::Refunded << S::Processing << false;
        QTest::newRow("refunded -> on_hold") << S::Refunded << S::OnHold << false;
        QTest::newRow("refunded -> completed") << S::Refunded << S::Completed << false;
        QTest::newRow("refunded -> cancelled") << S::Refunded << S::Cancelled << false;
        QTest::newRow("refunded -> refunded") << S::Refunded << S::Refunded << false;
        QTest::newRow("refunded -> failed") << S::Refunded << S::Failed << false;

        QTest::newRow("failed -> pending") << S::Failed << S::Pending << true;
        QTest::newRow("failed -> processing") << S::Failed << S::Processing << false;
        QTest::newRow("failed -> on_hold") << S::Failed << S::OnHold << false;
        QTest::newRow("failed -> completed") << S::Failed << S::Completed << false;
        QTest::newRow("failed -> cancelled") << S::Failed << S::Cancelled << true;
        QTest::newRow("failed -> refunded") << S::Failed << S::Refunded << false;
        QTest::newRow("failed -> failed") << S::Failed << S::Failed << false;
    }
    void transitionTable()
    {
        QFETCH(OrderStatus, from);
        QFETCH(OrderStatus, to);
        QFETCH(bool, allowed);
        QCOMPARE(OrderStateMachine::isTableTransition(from, to), allowed);

        const F financial = to == S::Refunded ? F::Refunded : F::Paid;
        const U fulfillment = to == S::Completed ? U::Fulfilled : U::Unfulfilled;
        const auto result = OrderStateMachine::checkStatusChange(makeOrder(from, financial, fulfillment), to);
        QCOMPARE(result.ok(), allowed);
        if (!allowed) {
            QCOMPARE(result.error().code, u"order.illegal_transition"_s);
            QVERIFY2(result.error().message.contains(label(from)), qPrintable(result.error().message));
            QVERIFY2(result.error().message.contains(label(to)), qPrintable(result.error().message));
            QVERIFY2(result.error().message.contains(u"#1001"_s), qPrintable(result.error().message));
        }
    }

    void guards_data()
    {
        QTest::addColumn<OrderStatus>("from");
        QTest::addColumn<OrderStatus>("to");
        QTest::addColumn<FinancialStatus>("financial");
        QTest::addColumn<FulfillmentStatus>("fulfillment");
        QTest::addColumn<bool>("allowed");
        QTest::addColumn<QString>("reason"); // a fragment of the refusal

        QTest::newRow("complete unfulfilled") << S::Processing << S::Completed << F::Paid << U::Unfulfilled << false << u"fulfil every item"_s;
        QTest::newRow("complete partial") << S::Processing << S::Completed << F::Paid << U::Partial << false << u"fulfil every item"_s;
        QTest::newRow("complete fulfilled") << S::Processing << S::Completed << F::Paid << U::Fulfilled << true << QString();

        QTest::newRow("cancel unfulfilled") << S::Processing << S::Cancelled << F::Paid << U::Unfulfilled << true << QString();
        QTest::newRow("cancel partial") << S::Processing << S::Cancelled << F::Paid << U::Partial << false << u"refund"_s;
        QTest::newRow("cancel fulfilled") << S::Processing << S::Cancelled << F::Paid << U::Fulfilled << false << u"refund"_s;
        QTest::newRow("cancel on hold partial") << S::OnHold << S::Cancelled << F::Paid << U::Partial << false << u"refund"_s;
        QTest::newRow("cancel unpaid pending") << S::Pending << S::Cancelled << F::Pending << U::Unfulfilled << true << QString();

        QTest::newRow("process pending payment") << S::Pending << S::Processing << F::Pending << U::Unfulfilled << false << u"payment is pending"_s;
        QTest::newRow("process authorized") << S::Pending << S::Processing << F::Authorized << U::Unfulfilled << true << QString();
        QTest::newRow("process paid") << S::Pending << S::Processing << F::Paid << U::Unfulfilled << true << QString();
        QTest::newRow("process partially refunded") << S::OnHold << S::Processing << F::PartiallyRefunded << U::Unfulfilled << true << QString();
        QTest::newRow("process refunded") << S::OnHold << S::Processing << F::Refunded << U::Unfulfilled << false << u"payment is refunded"_s;
        QTest::newRow("process voided") << S::Pending << S::Processing << F::Voided << U::Unfulfilled << false << u"payment is voided"_s;

        QTest::newRow("refund status while paid") << S::Processing << S::Refunded << F::Paid << U::Unfulfilled << false << u"refund the full amount"_s;
        QTest::newRow("refund status partially refunded") << S::Completed << S::Refunded << F::PartiallyRefunded << U::Fulfilled << false << u"payment is partially refunded"_s;
        QTest::newRow("refund status refunded") << S::Completed << S::Refunded << F::Refunded << U::Fulfilled << true << QString();

        QTest::newRow("same status") << S::Processing << S::Processing << F::Paid << U::Unfulfilled << false << u"already"_s;
        QTest::newRow("closed order") << S::Cancelled << S::Pending << F::Voided << U::Unfulfilled << false << u"closed"_s;
        QTest::newRow("hold pending payment") << S::Pending << S::OnHold << F::Pending << U::Unfulfilled << true << QString();
        QTest::newRow("fail pending payment") << S::Pending << S::Failed << F::Pending << U::Unfulfilled << true << QString();
    }
    void guards()
    {
        QFETCH(OrderStatus, from);
        QFETCH(OrderStatus, to);
        QFETCH(FinancialStatus, financial);
        QFETCH(FulfillmentStatus, fulfillment);
        QFETCH(bool, allowed);
        QFETCH(QString, reason);
        const auto result = OrderStateMachine::checkStatusChange(makeOrder(from, financial, fulfillment), to);
        QCOMPARE(result.ok(), allowed);
        if (!allowed) {
            QCOMPARE(result.error().code, u"order.illegal_transition"_s);
            QVERIFY2(result.error().message.contains(reason), qPrintable(result.error().message));
        }
    }

    void cancelIsRefusedWhenAFulfillmentExistsEvenIfTheStatusLags()
    {
        OrderDetail d = makeOrder(S::Processing);
        addFulfillment(d, {{u"line-tote"_s, 1}});
        QVERIFY(!OrderStateMachine::checkStatusChange(d, S::Cancelled).ok());
    }

    void allowedTransitions_data()
    {
        QTest::addColumn<OrderStatus>("status");
        QTest::addColumn<FinancialStatus>("financial");
        QTest::addColumn<FulfillmentStatus>("fulfillment");
        QTest::addColumn<QList<OrderStatus>>("expected");
        QTest::newRow("new paid order") << S::Pending << F::Paid << U::Unfulfilled
                                        << QList<OrderStatus>{S::Processing, S::OnHold, S::Cancelled, S::Failed};
        QTest::newRow("new unpaid order") << S::Pending << F::Pending << U::Unfulfilled
                                          << QList<OrderStatus>{S::OnHold, S::Cancelled, S::Failed};
        QTest::newRow("processing, partly shipped") << S::Processing << F::Paid << U::Partial << QList<OrderStatus>{S::OnHold};
        QTest::newRow("processing, shipped") << S::Processing << F::Paid << U::Fulfilled
                                             << QList<OrderStatus>{S::OnHold, S::Completed};
        QTest::newRow("processing, nothing shipped") << S::Processing << F::Paid << U::Unfulfilled
                                                     << QList<OrderStatus>{S::OnHold, S::Cancelled};
        QTest::newRow("processing, refunded") << S::Processing << F::Refunded << U::Unfulfilled
                                              << QList<OrderStatus>{S::OnHold, S::Cancelled, S::Refunded};
        QTest::newRow("on hold, paid") << S::OnHold << F::Paid << U::Unfulfilled
                                       << QList<OrderStatus>{S::Pending, S::Processing, S::Cancelled};
        QTest::newRow("completed, paid") << S::Completed << F::Paid << U::Fulfilled << QList<OrderStatus>{};
        QTest::newRow("completed, refunded") << S::Completed << F::Refunded << U::Fulfilled << QList<OrderStatus>{S::Refunded};
        QTest::newRow("failed") << S::Failed << F::Voided << U::Unfulfilled << QList<OrderStatus>{S::Pending, S::Cancelled};
        QTest::newRow("cancelled") << S::Cancelled << F::Voided << U::Unfulfilled << QList<OrderStatus>{};
        QTest::newRow("refunded") << S::Refunded << F::Refunded << U::Fulfilled << QList<OrderStatus>{};
    }
    void allowedTransitions()
    {
        QFETCH(OrderStatus, status);
        QFETCH(FinancialStatus, financial);
        QFETCH(FulfillmentStatus, fulfillment);
        QFETCH(QList<OrderStatus>, expected);
        const OrderDetail d = makeOrder(status, financial, fulfillment);
        const QList<OrderStatus> allowed = OrderStateMachine::allowedTransitions(d);
        QCOMPARE(names(allowed), names(expected));
        for (int i = 0; i < enumCount<OrderStatus>(); ++i)
            QCOMPARE(OrderStateMachine::checkStatusChange(d, S(i)).ok(), allowed.contains(S(i)));
    }

    // ---- fulfilment ---------------------------------------------------------------------

    void onlyProcessingOrdersShip_data()
    {
        QTest::addColumn<OrderStatus>("status");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("pending") << S::Pending << false;
        QTest::newRow("processing") << S::Processing << true;
        QTest::newRow("on_hold") << S::OnHold << false;
        QTest::newRow("completed") << S::Completed << false;
        QTest::newRow("cancelled") << S::Cancelled << false;
        QTest::newRow("refunded") << S::Refunded << false;
        QTest::newRow("failed") << S::Failed << false;
    }
    void onlyProcessingOrdersShip()
    {
        QFETCH(OrderStatus, status);
        QFETCH(bool, allowed);
        const auto result = OrderStateMachine::checkFulfillment(makeOrder(status), {{u"line-tote"_s, 1}});
        QCOMPARE(result.ok(), allowed);
        if (!allowed) {
            QCOMPARE(result.error().code, u"order.not_fulfillable"_s);
            QVERIFY(result.error().message.contains(label(status)));
        }
    }

    void fulfillmentQuantities_data()
    {
        QTest::addColumn<qint64>("alreadyShirts"); // shirts fulfilled earlier (0: no earlier fulfilment)
        QTest::addColumn<QList<FulfillmentLine>>("request");
        QTest::addColumn<QString>("errorCode"); // empty: allowed
        using L = QList<FulfillmentLine>;
        QTest::newRow("everything") << qint64(0) << L{{u"line-shirt"_s, 2}, {u"line-tote"_s, 1}} << QString();
        QTest::newRow("one shirt") << qint64(0) << L{{u"line-shirt"_s, 1}} << QString();
        QTest::newRow("three shirts") << qint64(0) << L{{u"line-shirt"_s, 3}} << u"order.overfulfil"_s;
        QTest::newRow("last shirt") << qint64(1) << L{{u"line-shirt"_s, 1}} << QString();
        QTest::newRow("two more shirts") << qint64(1) << L{{u"line-shirt"_s, 2}} << u"order.overfulfil"_s;
        QTest::newRow("all shirts gone") << qint64(2) << L{{u"line-shirt"_s, 1}} << u"order.overfulfil"_s;
        QTest::newRow("split duplicate lines") << qint64(1) << L{{u"line-shirt"_s, 1}, {u"line-shirt"_s, 1}} << u"order.overfulfil"_s;
        QTest::newRow("zero") << qint64(0) << L{{u"line-shirt"_s, 0}} << u"order.invalid_quantity"_s;
        QTest::newRow("negative") << qint64(0) << L{{u"line-shirt"_s, -1}} << u"order.invalid_quantity"_s;
        QTest::newRow("nothing") << qint64(0) << L{} << u"order.invalid_quantity"_s;
        QTest::newRow("other order's line") << qint64(0) << L{{u"line-elsewhere"_s, 1}} << u"order.unknown_line"_s;
    }
    void fulfillmentQuantities()
    {
        QFETCH(qint64, alreadyShirts);
        QFETCH(QList<FulfillmentLine>, request);
        QFETCH(QString, errorCode);
        OrderDetail d = makeOrder(S::Processing, F::Paid, alreadyShirts > 0 ? U::Partial : U::Unfulfilled);
        if (alreadyShirts > 0)
            addFulfillment(d, {{u"line-shirt"_s, alreadyShirts}});
        const auto result = OrderStateMachine::checkFulfillment(d, request);
        if (errorCode.isEmpty()) {
            SK_VERIFY_OK(result);
        } else {
            QVERIFY(!result.ok());
            QCOMPARE(result.error().code, errorCode);
        }
    }

    void overfulfilMessageNamesTheLineAndTheNumbers()
    {
        OrderDetail d = makeOrder(S::Processing, F::Paid, U::Partial);
        addFulfillment(d, {{u"line-shirt"_s, 1}});
        const auto result = OrderStateMachine::checkFulfillment(d, {{u"line-shirt"_s, 3}});
        QVERIFY(!result.ok());
        const QString message = result.error().message;
        QVERIFY2(message.contains(u"Linen shirt"_s) && message.contains(u"SHIRT-M"_s), qPrintable(message));
        QVERIFY2(message.contains(u"fulfil 3"_s), qPrintable(message));
        QVERIFY2(message.contains(u"2 ordered"_s), qPrintable(message));
        QVERIFY2(message.contains(u"1 already fulfilled"_s), qPrintable(message));
        QVERIFY2(message.contains(u"1 left"_s), qPrintable(message));
    }

    void fulfillmentStatusAfter_data()
    {
        QTest::addColumn<QList<FulfillmentLine>>("earlier");
        QTest::addColumn<QList<FulfillmentLine>>("added");
        QTest::addColumn<FulfillmentStatus>("expected");
        using L = QList<FulfillmentLine>;
        QTest::newRow("nothing") << L{} << L{} << U::Unfulfilled;
        QTest::newRow("one shirt") << L{} << L{{u"line-shirt"_s, 1}} << U::Partial;
        QTest::newRow("all shirts, no tote") << L{} << L{{u"line-shirt"_s, 2}} << U::Partial;
        QTest::newRow("everything at once") << L{} << L{{u"line-shirt"_s, 2}, {u"line-tote"_s, 1}} << U::Fulfilled;
        QTest::newRow("rest after earlier") << L{{u"line-shirt"_s, 1}} << L{{u"line-shirt"_s, 1}, {u"line-tote"_s, 1}} << U::Fulfilled;
        QTest::newRow("earlier only, partial") << L{{u"line-tote"_s, 1}} << L{} << U::Partial;
        QTest::newRow("earlier only, complete") << L{{u"line-shirt"_s, 2}, {u"line-tote"_s, 1}} << L{} << U::Fulfilled;
    }
    void fulfillmentStatusAfter()
    {
        QFETCH(QList<FulfillmentLine>, earlier);
        QFETCH(QList<FulfillmentLine>, added);
        QFETCH(FulfillmentStatus, expected);
        OrderDetail d = makeOrder(S::Processing);
        if (!earlier.isEmpty())
            addFulfillment(d, earlier);
        QCOMPARE(toString(OrderStateMachine::fulfillmentStatusAfter(d, added)), toString(expected));
    }

    void quantitySums()
    {
        OrderDetail d = makeOrder(S::Processing);
        addFulfillment(d, {{u"line-shirt"_s, 1}});
        addFulfillment(d, {{u"line-shirt"_s, 1}, {u"line-tote"_s, 1}});
        addRefund(d, 1500, {{u"line-shirt"_s, 1, 1500}});
        const auto fulfilled = OrderStateMachine::fulfilledQuantities(d);
        QCOMPARE(fulfilled.value(u"line-shirt"_s), qint64(2));
        QCOMPARE(fulfilled.value(u"line-tote"_s), qint64(1));
        const auto refunded = OrderStateMachine::refundedQuantities(d);
        QCOMPARE(refunded.value(u"line-shirt"_s), qint64(1));
        QCOMPARE(refunded.value(u"line-tote"_s), qint64(0));
        QCOMPARE(OrderStateMachine::refundedAmount(d), qint64(1500));
    }

    // ---- refunds ------------------------------------------------------------------------

    void refundNeedsAPaidOrder_data()
    {
        QTest::addColumn<FinancialStatus>("financial");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("pending") << F::Pending << false;
        QTest::newRow("authorized") << F::Authorized << false;
        QTest::newRow("paid") << F::Paid << true;
        QTest::newRow("partially_refunded") << F::PartiallyRefunded << true;
        QTest::newRow("refunded") << F::Refunded << false;
        QTest::newRow("voided") << F::Voided << false;
    }
    void refundNeedsAPaidOrder()
    {
        QFETCH(FinancialStatus, financial);
        QFETCH(bool, allowed);
        const auto result = OrderStateMachine::checkRefund(makeOrder(S::Processing, financial), 100, {});
        QCOMPARE(result.ok(), allowed);
        if (!allowed)
            QCOMPARE(result.error().code, u"order.not_refundable"_s);
    }

    void refundAmounts_data()
    {
        QTest::addColumn<qint64>("earlier"); // amount refunded before (0: none)
        QTest::addColumn<qint64>("amount");
        QTest::addColumn<QString>("errorCode");
        QTest::newRow("all of it") << qint64(0) << qint64(5000) << QString();
        QTest::newRow("one cent") << qint64(0) << qint64(1) << QString();
        QTest::newRow("one cent too many") << qint64(0) << qint64(5001) << u"order.overrefund"_s;
        QTest::newRow("the rest") << qint64(2000) << qint64(3000) << QString();
        QTest::newRow("more than the rest") << qint64(2000) << qint64(3001) << u"order.overrefund"_s;
        QTest::newRow("zero") << qint64(0) << qint64(0) << u"order.invalid_amount"_s;
        QTest::newRow("negative") << qint64(0) << qint64(-100) << u"order.invalid_amount"_s;
        QTest::newRow("absurd") << qint64(2000) << std::numeric_limits<qint64>::max() << u"order.overrefund"_s;
    }
    void refundAmounts()
    {
        QFETCH(qint64, earlier);
        QFETCH(qint64, amount);
        QFETCH(QString, errorCode);
        OrderDetail d = makeOrder(S::Processing, earlier > 0 ? F::PartiallyRefunded : F::Paid);
        if (earlier > 0)
            addRefund(d, earlier);
        const auto result = OrderStateMachine::checkRefund(d, amount, {});
        if (errorCode.isEmpty()) {
            SK_VERIFY_OK(result);
        } else {
            QVERIFY(!result.ok());
            QCOMPARE(result.error().code, errorCode);
        }
    }

    void overrefundMessageNamesTheAmounts()
    {
        OrderDetail d = makeOrder(S::Completed, F::PartiallyRefunded, U::Fulfilled);
        addRefund(d, 2000);
        const auto result = OrderStateMachine::checkRefund(d, 3500, {});
        QVERIFY(!result.ok());
        const QString message = result.error().message;
        QVERIFY2(message.contains(u"35.00 USD"_s), qPrintable(message));
        QVERIFY2(message.contains(u"50.00 USD paid"_s), qPrintable(message));
        QVERIFY2(message.contains(u"20.00 USD already refunded"_s), qPrintable(message));
        QVERIFY2(message.contains(u"30.00 USD left"_s), qPrintable(message));
    }

    void refundedTotalCountsEvenWithoutLoadedRefunds()
    {
        // A detail whose refunds were not loaded still knows what was refunded.
        OrderDetail d = makeOrder(S::Processing, F::PartiallyRefunded);
        d.order.refundedTotal = 4000;
        QCOMPARE(OrderStateMachine::checkRefund(d, 1001, {}).error().code, u"order.overrefund"_s);
        SK_VERIFY_OK(OrderStateMachine::checkRefund(d, 1000, {}));
    }

    void refundLines_data()
    {
        QTest::addColumn<qint64>("earlierShirts"); // shirts refunded before
        QTest::addColumn<qint64>("amount");
        QTest::addColumn<QList<RefundLine>>("lines");
        QTest::addColumn<QString>("errorCode");
        using L = QList<RefundLine>;
        QTest::newRow("both shirts") << qint64(0) << qint64(3000) << L{{u"line-shirt"_s, 2, 3000}} << QString();
        QTest::newRow("three shirts") << qint64(0) << qint64(4500) << L{{u"line-shirt"_s, 3, 4500}} << u"order.overrefund_quantity"_s;
        QTest::newRow("second shirt") << qint64(1) << qint64(1500) << L{{u"line-shirt"_s, 1, 1500}} << QString();
        QTest::newRow("shirt refunded twice") << qint64(2) << qint64(1500) << L{{u"line-shirt"_s, 1, 1500}} << u"order.overrefund_quantity"_s;
        QTest::newRow("split duplicates") << qint64(1) << qint64(3000) << L{{u"line-shirt"_s, 1, 1500}, {u"line-shirt"_s, 1, 1500}}
                                          << u"order.overrefund_quantity"_s;
        QTest::newRow("amount only, with shipping") << qint64(0) << qint64(2500) << L{{u"line-tote"_s, 0, 2000}} << QString();
        QTest::newRow("lines exceed refund") << qint64(0) << qint64(1000) << L{{u"line-tote"_s, 1, 2000}}
                                             << u"order.refund_lines_exceed_amount"_s;
        QTest::newRow("negative quantity") << qint64(0) << qint64(1000) << L{{u"line-tote"_s, -1, 0}} << u"order.invalid_quantity"_s;
        QTest::newRow("negative line amount") << qint64(0) << qint64(1000) << L{{u"line-tote"_s, 0, -5}} << u"order.invalid_quantity"_s;
        QTest::newRow("unknown line") << qint64(0) << qint64(1000) << L{{u"line-elsewhere"_s, 1, 1000}} << u"order.unknown_line"_s;
    }
    void refundLines()
    {
        QFETCH(qint64, earlierShirts);
        QFETCH(qint64, amount);
        QFETCH(QList<RefundLine>, lines);
        QFETCH(QString, errorCode);
        OrderDetail d = makeOrder(S::Processing, earlierShirts > 0 ? F::PartiallyRefunded : F::Paid);
        if (earlierShirts > 0)
            addRefund(d, 0, {{u"line-shirt"_s, earlierShirts, 0}}); // returned items, money kept as credit
        const auto result = OrderStateMachine::checkRefund(d, amount, lines);
        if (errorCode.isEmpty()) {
            SK_VERIFY_OK(result);
        } else {
            QVERIFY(!result.ok());
            QCOMPARE(result.error().code, errorCode);
        }
    }

    void statusesAfterRefund_data()
    {
        QTest::addColumn<OrderStatus>("status");
        QTest::addColumn<qint64>("earlier");
        QTest::addColumn<qint64>("amount");
        QTest::addColumn<FinancialStatus>("financial");
        QTest::addColumn<int>("orderStatus"); // -1: unchanged
        QTest::newRow("processing, full") << S::Processing << qint64(0) << qint64(5000) << F::Refunded << int(S::Refunded);
        QTest::newRow("processing, part") << S::Processing << qint64(0) << qint64(4999) << F::PartiallyRefunded << -1;
        QTest::newRow("completed, rest") << S::Completed << qint64(3000) << qint64(2000) << F::Refunded << int(S::Refunded);
        QTest::newRow("completed, part") << S::Completed << qint64(1000) << qint64(2000) << F::PartiallyRefunded << -1;
        QTest::newRow("on hold, full (table keeps it)") << S::OnHold << qint64(0) << qint64(5000) << F::Refunded << -1;
        QTest::newRow("pending, full") << S::Pending << qint64(0) << qint64(5000) << F::Refunded << -1;
    }
    void statusesAfterRefund()
    {
        QFETCH(OrderStatus, status);
        QFETCH(qint64, earlier);
        QFETCH(qint64, amount);
        QFETCH(FinancialStatus, financial);
        QFETCH(int, orderStatus);
        OrderDetail d = makeOrder(status, earlier > 0 ? F::PartiallyRefunded : F::Paid,
                                  status == S::Completed ? U::Fulfilled : U::Unfulfilled);
        if (earlier > 0)
            addRefund(d, earlier);
        QCOMPARE(toString(OrderStateMachine::financialStatusAfterRefund(d, amount)), toString(financial));
        const auto next = OrderStateMachine::statusAfterRefund(d, amount);
        QCOMPARE(next.has_value(), orderStatus >= 0);
        if (next) {
            QCOMPARE(toString(*next), toString(S(orderStatus)));
            // And the state machine agrees once the payment shows the refund.
            d.order.financialStatus = financial;
            SK_VERIFY_OK(OrderStateMachine::checkStatusChange(d, *next));
        }
    }
};

QTEST_GUILESS_MAIN(tst_OrderStateMachine)
#include "tst_orderstatemachine.moc"
