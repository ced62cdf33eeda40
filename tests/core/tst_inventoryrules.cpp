#include "domain/inventoryrules.h"
#include "testsupport.h"

#include <QTest>

#include <limits>

using namespace sk;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(sk::OversellPolicy)
Q_DECLARE_METATYPE(sk::InventoryReason)

namespace {

InventoryLevel level(qint64 onHand, qint64 committed = 0, std::optional<qint64> threshold = std::nullopt)
{
    InventoryLevel l;
    l.variantId = u"var-1"_s;
    l.locationId = u"loc-1"_s;
    l.onHand = onHand;
    l.committed = committed;
    l.lowStockThreshold = threshold;
    l.version = 7;
    l.updatedAt = 1700000000000;
    return l;
}

} // namespace

class tst_InventoryRules : public QObject
{
    Q_OBJECT

private slots:
    void availableIsOnHandMinusCommitted()
    {
        QCOMPARE(InventoryRules::available(level(10, 3)), qint64(7));
        QCOMPARE(InventoryRules::available(level(2, 5)), qint64(-3));
        QCOMPARE(InventoryRules::available(level(-4, 0)), qint64(-4));
    }

    void checkSale_data()
    {
        QTest::addColumn<qint64>("onHand");
        QTest::addColumn<qint64>("committed");
        QTest::addColumn<qint64>("quantity");
        QTest::addColumn<OversellPolicy>("policy");
        QTest::addColumn<QString>("verdict"); // in_stock, oversold, or an error code
        const auto allow = OversellPolicy::Allow;
        const auto reject = OversellPolicy::Reject;
        QTest::newRow("plenty, allow") << qint64(10) << qint64(0) << qint64(3) << allow << u"in_stock"_s;
        QTest::newRow("plenty, reject") << qint64(10) << qint64(0) << qint64(3) << reject << u"in_stock"_s;
        QTest::newRow("exactly available, reject") << qint64(10) << qint64(4) << qint64(6) << reject << u"in_stock"_s;
        QTest::newRow("exactly available, allow") << qint64(10) << qint64(4) << qint64(6) << allow << u"in_stock"_s;
        QTest::newRow("one over, allow") << qint64(10) << qint64(4) << qint64(7) << allow << u"oversold"_s;
        QTest::newRow("one over, reject") << qint64(10) << qint64(4) << qint64(7) << reject << u"inventory.oversell"_s;
        QTest::newRow("committed eats stock, reject") << qint64(5) << qint64(5) << qint64(1) << reject << u"inventory.oversell"_s;
        QTest::newRow("already negative, allow") << qint64(-2) << qint64(0) << qint64(1) << allow << u"oversold"_s;
        QTest::newRow("already negative, reject") << qint64(-2) << qint64(0) << qint64(1) << reject << u"inventory.oversell"_s;
        QTest::newRow("zero quantity") << qint64(10) << qint64(0) << qint64(0) << allow << u"inventory.invalid_quantity"_s;
        QTest::newRow("negative quantity") << qint64(10) << qint64(0) << qint64(-1) << reject << u"inventory.invalid_quantity"_s;
    }
    void checkSale()
    {
        QFETCH(qint64, onHand);
        QFETCH(qint64, committed);
        QFETCH(qint64, quantity);
        QFETCH(OversellPolicy, policy);
        QFETCH(QString, verdict);
        const auto result = InventoryRules::checkSale(level(onHand, committed), quantity, policy);
        if (verdict == u"in_stock" || verdict == u"oversold") {
            SK_VERIFY_OK(result);
            QCOMPARE(result.value(), verdict == u"in_stock" ? InventoryRules::SaleCheck::InStock
                                                             : InventoryRules::SaleCheck::Oversold);
        } else {
            QVERIFY(!result.ok());
            QCOMPARE(result.error().code, verdict);
        }
    }

    void oversellMessageNamesRequestedAndAvailable()
    {
        const auto result = InventoryRules::checkSale(level(10, 4), 9, OversellPolicy::Reject);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, u"inventory.oversell"_s);
        QVERIFY2(result.error().message.contains(u"9"_s), qPrintable(result.error().message));
        QVERIFY2(result.error().message.contains(u"only 6 available"_s), qPrintable(result.error().message));
    }

    // Every reason against a positive, a negative and a zero delta.
    void applyDeltaSignRules_data()
    {
        QTest::addColumn<InventoryReason>("reason");
        QTest::addColumn<qint64>("delta");
        QTest::addColumn<bool>("allowed");
        using R = InventoryReason;
        const struct { R reason; const char *name; bool plus; bool minus; } rows[] = {
            {R::Received, "received", true, false},
            {R::Sold, "sold", false, true},
            {R::Returned, "returned", true, false},
            {R::Damaged, "damaged", false, true},
            {R::Shrinkage, "shrinkage", false, true},
            {R::CycleCount, "cycle_count", true, true},
            {R::Correction, "correction", true, true},
            {R::TransferIn, "transfer_in", true, false},
            {R::TransferOut, "transfer_out", false, true},
            {R::Import, "import", true, true},
        };
        static_assert(std::size(rows) == size_t(enumCount<InventoryReason>()));
        for (const auto &row : rows) {
            QTest::addRow("%s +5", row.name) << row.reason << qint64(5) << row.plus;
            QTest::addRow("%s -5", row.name) << row.reason << qint64(-5) << row.minus;
            QTest::addRow("%s 0", row.name) << row.reason << qint64(0) << false;
        }
    }
    void applyDeltaSignRules()
    {
        QFETCH(InventoryReason, reason);
        QFETCH(qint64, delta);
        QFETCH(bool, allowed);
        const InventoryLevel before = level(20, 3, 4);
        const auto after = InventoryRules::applyDelta(before, delta, reason);
        QCOMPARE(after.ok(), allowed);
        if (allowed) {
            QCOMPARE(after->onHand, 20 + delta);
            QCOMPARE(after->committed, before.committed); // a movement never touches reservations
            QCOMPARE(after->lowStockThreshold, before.lowStockThreshold);
            QCOMPARE(after->variantId, before.variantId);
            QCOMPARE(after->version, before.version); // storage bumps versions, not the rules
        } else {
            QCOMPARE(after.error().code, u"inventory.invalid_delta"_s);
            QVERIFY2(after.error().message.contains(toString(reason)), qPrintable(after.error().message));
        }
    }

    void applyDeltaMayGoNegativeButNotOverflow()
    {
        const auto sold = InventoryRules::applyDelta(level(1), -3, InventoryReason::Sold);
        SK_VERIFY_OK(sold);
        QCOMPARE(sold->onHand, qint64(-2));
        QCOMPARE(sold->available(), qint64(-2));

        const qint64 max = std::numeric_limits<qint64>::max();
        const auto over = InventoryRules::applyDelta(level(max), 1, InventoryReason::Received);
        QVERIFY(!over.ok());
        QCOMPARE(over.error().code, u"inventory.overflow"_s);
        const auto under = InventoryRules::applyDelta(level(std::numeric_limits<qint64>::min()), -1, InventoryReason::Damaged);
        QCOMPARE(under.error().code, u"inventory.overflow"_s);
    }

    void requiredSign()
    {
        QCOMPARE(InventoryRules::requiredSign(InventoryReason::Received), InventoryRules::DeltaSign::Positive);
        QCOMPARE(InventoryRules::requiredSign(InventoryReason::TransferOut), InventoryRules::DeltaSign::Negative);
        QCOMPARE(InventoryRules::requiredSign(InventoryReason::Import), InventoryRules::DeltaSign::NonZero);
    }

    void applyCount_data()
    {
        QTest::addColumn<qint64>("onHand");
        QTest::addColumn<qint64>("counted");
        QTest::addColumn<qint64>("expectedPrevious");
        QTest::addColumn<QString>("errorCode"); // empty: succeeds with counted − onHand
        QTest::newRow("found fewer") << qint64(12) << qint64(9) << qint64(12) << QString();
        QTest::newRow("found more") << qint64(12) << qint64(15) << qint64(12) << QString();
        QTest::newRow("confirms") << qint64(12) << qint64(12) << qint64(12) << QString();
        QTest::newRow("count to zero") << qint64(12) << qint64(0) << qint64(12) << QString();
        QTest::newRow("from negative") << qint64(-3) << qint64(0) << qint64(-3) << QString();
        QTest::newRow("someone sold meanwhile") << qint64(11) << qint64(9) << qint64(12) << u"inventory_stale"_s;
        QTest::newRow("someone received meanwhile") << qint64(20) << qint64(20) << qint64(12) << u"inventory_stale"_s;
        QTest::newRow("negative count") << qint64(12) << qint64(-1) << qint64(12) << u"inventory.invalid_quantity"_s;
    }
    void applyCount()
    {
        QFETCH(qint64, onHand);
        QFETCH(qint64, counted);
        QFETCH(qint64, expectedPrevious);
        QFETCH(QString, errorCode);
        const auto delta = InventoryRules::applyCount(level(onHand, 2), counted, expectedPrevious);
        if (errorCode.isEmpty()) {
            SK_VERIFY_OK(delta);
            QCOMPARE(delta.value(), counted - onHand);
            if (delta.value() != 0) {
                // The delta is recordable as a cycle count and lands exactly on the count.
                const auto after = InventoryRules::applyDelta(level(onHand, 2), delta.value(), InventoryReason::CycleCount);
                SK_VERIFY_OK(after);
                QCOMPARE(after->onHand, counted);
            }
        } else {
            QVERIFY(!delta.ok());
            QCOMPARE(delta.error().code, errorCode);
        }
    }

    void staleCountCarriesTheCurrentOnHand()
    {
        const auto delta = InventoryRules::applyCount(level(11), 9, 12);
        QVERIFY(!delta.ok());
        QCOMPARE(delta.error().code, u"inventory_stale"_s);
        QCOMPARE(delta.error().detail, u"11"_s);
        QVERIFY2(delta.error().message.contains(u"11"_s), qPrintable(delta.error().message));
    }

    void commitAndRelease()
    {
        auto committed = InventoryRules::commit(level(10, 2), 3);
        SK_VERIFY_OK(committed);
        QCOMPARE(committed->committed, qint64(5));
        QCOMPARE(committed->onHand, qint64(10));
        QCOMPARE(committed->available(), qint64(5));

        auto released = InventoryRules::release(committed.value(), 4);
        SK_VERIFY_OK(released);
        QCOMPARE(released->committed, qint64(1));
        QCOMPARE(released->onHand, qint64(10));

        // Releasing more than is committed stops at zero.
        auto drained = InventoryRules::release(released.value(), 5);
        SK_VERIFY_OK(drained);
        QCOMPARE(drained->committed, qint64(0));
        QCOMPARE(drained->available(), qint64(10));

        QCOMPARE(InventoryRules::commit(level(10), 0).error().code, u"inventory.invalid_quantity"_s);
        QCOMPARE(InventoryRules::commit(level(10), -2).error().code, u"inventory.invalid_quantity"_s);
        QCOMPARE(InventoryRules::release(level(10, 2), 0).error().code, u"inventory.invalid_quantity"_s);
        QCOMPARE(InventoryRules::commit(level(10, std::numeric_limits<qint64>::max()), 1).error().code,
                 u"inventory.overflow"_s);
    }

    void isLowStock_data()
    {
        QTest::addColumn<qint64>("onHand");
        QTest::addColumn<qint64>("committed");
        QTest::addColumn<int>("threshold"); // -1: none set
        QTest::addColumn<bool>("low");
        QTest::newRow("no threshold, empty") << qint64(0) << qint64(0) << -1 << false;
        QTest::newRow("no threshold, negative") << qint64(-5) << qint64(0) << -1 << false;
        QTest::newRow("above") << qint64(10) << qint64(0) << 5 << false;
        QTest::newRow("at threshold") << qint64(5) << qint64(0) << 5 << true;
        QTest::newRow("below") << qint64(4) << qint64(0) << 5 << true;
        QTest::newRow("committed pulls it down") << qint64(10) << qint64(6) << 5 << true;
        QTest::newRow("zero threshold, zero left") << qint64(3) << qint64(3) << 0 << true;
        QTest::newRow("zero threshold, one left") << qint64(1) << qint64(0) << 0 << false;
    }
    void isLowStock()
    {
        QFETCH(qint64, onHand);
        QFETCH(qint64, committed);
        QFETCH(int, threshold);
        QFETCH(bool, low);
        const auto t = threshold < 0 ? std::nullopt : std::optional<qint64>(threshold);
        QCOMPARE(InventoryRules::isLowStock(level(onHand, committed, t)), low);
    }
};

QTEST_GUILESS_MAIN(tst_InventoryRules)
#include "tst_inventoryrules.moc"
