#include "domain/enums.h"
#include "testsupport.h"

#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace sk;
using namespace Qt::StringLiterals;

namespace {

// Every value survives toString → fromString, its text is lower-case snake_case, and
// fromString refuses the same text in upper case or with stray spaces.
struct EnumReport
{
    QStringList names;
    QStringList problems;
};

template <typename E>
EnumReport roundTripAll()
{
    static const QRegularExpression snake(u"^[a-z]+(_[a-z]+)*$"_s);
    EnumReport report;
    for (int i = 0; i < enumCount<E>(); ++i) {
        const E value = E(i);
        const QString text = toString(value);
        if (!snake.match(text).hasMatch())
            report.problems.append(u"not snake_case: "_s + text);
        const auto back = fromString<E>(text);
        if (!back || *back != value)
            report.problems.append(u"does not round-trip: "_s + text);
        if (fromString<E>(text.toUpper()) || fromString<E>(text + u' ') || fromString<E>(u' ' + text))
            report.problems.append(u"accepts a variant of: "_s + text);
        report.names.append(text);
    }
    return report;
}

} // namespace

Q_DECLARE_METATYPE(EnumReport)

class tst_Enums : public QObject
{
    Q_OBJECT

private slots:
    // The stored text is a contract with the database and the server: spelled out here.
    void everyValueRoundTrips_data()
    {
        QTest::addColumn<EnumReport>("report");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("ProductStatus") << roundTripAll<ProductStatus>() << QStringList{u"draft"_s, u"active"_s, u"archived"_s};
        QTest::newRow("OversellPolicy") << roundTripAll<OversellPolicy>() << QStringList{u"allow"_s, u"reject"_s};
        QTest::newRow("InventoryReason") << roundTripAll<InventoryReason>()
                                         << QStringList{u"received"_s, u"sold"_s, u"returned"_s, u"damaged"_s,
                                                        u"shrinkage"_s, u"cycle_count"_s, u"correction"_s,
                                                        u"transfer_in"_s, u"transfer_out"_s, u"import"_s};
        QTest::newRow("OrderStatus") << roundTripAll<OrderStatus>()
                                     << QStringList{u"pending"_s, u"processing"_s, u"on_hold"_s, u"completed"_s,
                                                    u"cancelled"_s, u"refunded"_s, u"failed"_s};
        QTest::newRow("FinancialStatus") << roundTripAll<FinancialStatus>()
                                         << QStringList{u"pending"_s, u"authorized"_s, u"paid"_s,
                                                        u"partially_refunded"_s, u"refunded"_s, u"voided"_s};
        QTest::newRow("FulfillmentStatus") << roundTripAll<FulfillmentStatus>()
                                           << QStringList{u"unfulfilled"_s, u"partial"_s, u"fulfilled"_s};
        QTest::newRow("OrderChannel") << roundTripAll<OrderChannel>()
                                      << QStringList{u"web"_s, u"pos"_s, u"draft"_s, u"marketplace"_s, u"phone"_s};
        QTest::newRow("MarketingConsent") << roundTripAll<MarketingConsent>()
                                          << QStringList{u"subscribed"_s, u"not_subscribed"_s, u"unsubscribed"_s, u"pending"_s};
        QTest::newRow("OrderEventKind") << roundTripAll<OrderEventKind>()
                                        << QStringList{u"note"_s, u"status_changed"_s, u"paid"_s, u"fulfilled"_s,
                                                       u"refunded"_s, u"cancelled"_s, u"email_sent"_s, u"system"_s};
    }
    void everyValueRoundTrips()
    {
        QFETCH(EnumReport, report);
        QFETCH(QStringList, expected);
        QVERIFY2(report.problems.isEmpty(), qPrintable(report.problems.join(u"; "_s)));
        const QStringList &names = report.names;
        QCOMPARE(names, expected);
        QCOMPARE(QSet<QString>(names.cbegin(), names.cend()).size(), names.size());
    }

    void rejectsUnknownText_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << QString();
        QTest::newRow("unknown") << u"bogus"_s;
        QTest::newRow("upper case") << u"PENDING"_s;
        QTest::newRow("title case") << u"Pending"_s;
        QTest::newRow("kebab") << u"on-hold"_s;
        QTest::newRow("spaced") << u"on hold"_s;
        QTest::newRow("camel") << u"onHold"_s;
        QTest::newRow("padded") << u" pending"_s;
        QTest::newRow("number") << u"0"_s;
    }
    void rejectsUnknownText()
    {
        QFETCH(QString, text);
        QVERIFY(!fromString<ProductStatus>(text));
        QVERIFY(!fromString<OversellPolicy>(text));
        QVERIFY(!fromString<InventoryReason>(text));
        QVERIFY(!fromString<OrderStatus>(text));
        QVERIFY(!fromString<FinancialStatus>(text));
        QVERIFY(!fromString<FulfillmentStatus>(text));
        QVERIFY(!fromString<OrderChannel>(text));
        QVERIFY(!fromString<MarketingConsent>(text));
        QVERIFY(!fromString<OrderEventKind>(text));
    }

    void sameTextDifferentEnums()
    {
        // "pending" and "refunded" exist in several enums and map to each one's own value.
        QVERIFY(fromString<OrderStatus>(u"pending") == OrderStatus::Pending);
        QVERIFY(fromString<FinancialStatus>(u"pending") == FinancialStatus::Pending);
        QVERIFY(fromString<MarketingConsent>(u"pending") == MarketingConsent::Pending);
        QVERIFY(fromString<OrderEventKind>(u"refunded") == OrderEventKind::Refunded);
        QVERIFY(!fromString<OrderStatus>(u"paid"));
        QVERIFY(!fromString<FinancialStatus>(u"on_hold"));
    }
};

QTEST_GUILESS_MAIN(tst_Enums)
#include "tst_enums.moc"
