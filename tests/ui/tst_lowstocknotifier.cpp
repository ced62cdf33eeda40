#include "demoshop.h"
#include "inventory/lowstocknotifier.h"
#include "local/shopeditor.h"
#include "storage/inventoryrepository.h"

#include <QSignalSpy>
#include <QTest>

using namespace sk;
using namespace Qt::StringLiterals;

// A level with a threshold of 5 and 10 on hand at the start of each test, moved by local edits
// (checkLevels) and by writes that stand in for a sync (checkAll).
class tst_LowStockNotifier : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::TempStore> m_shop;
    QString m_variant;
    QString m_location;
    ShopStore &store() { return *m_shop->store; }

    // What a pulled change does: the level replaced as the server reports it.
    void setLevelAsSynced(qint64 onHand)
    {
        SK_VERIFY_OK(store().write([&](SqliteDatabase &db) -> Result<void> {
            InventoryRepository repo(db);
            SK_TRY_ASSIGN(level, repo.level(m_variant, m_location));
            InventoryLevel l = level.value_or(InventoryLevel());
            l.variantId = m_variant;
            l.locationId = m_location;
            l.onHand = onHand;
            l.committed = 0;
            l.lowStockThreshold = 5;
            return repo.upsertLevel(l);
        }));
    }

    QList<LowStockNotifier::Alert> adjust(LowStockNotifier &notifier, qint64 delta)
    {
        auto adjusted = ShopEditor(store()).adjustInventory(m_variant, m_location, delta, InventoryReason::Correction);
        if (!adjusted.ok())
            qWarning("adjust: %s", qPrintable(adjusted.error().toString()));
        return notifier.checkLevels({{m_variant, m_location}});
    }

    // Starts watching, with the baseline read.
    bool startWatching(LowStockNotifier &notifier)
    {
        QSignalSpy scanned(&notifier, &LowStockNotifier::scanFinished);
        notifier.setDesktopNotificationsEnabled(false);
        notifier.setShop(&store());
        return scanned.wait(10'000) && notifier.isReady();
    }

private slots:
    void initTestCase()
    {
        m_shop = test::makeDemoShop();
        QVERIFY(m_shop);
        m_variant = test::sqlText(store(), "SELECT variant_id FROM inventory_levels ORDER BY rid LIMIT 1 OFFSET 11");
        m_location = test::sqlText(store(), "SELECT location_id FROM inventory_levels ORDER BY rid LIMIT 1 OFFSET 11");
        QVERIFY(!m_variant.isEmpty());
    }

    void init()
    {
        setLevelAsSynced(10);
    }

    void announcesOnlyTheDownwardCrossing()
    {
        LowStockNotifier notifier;
        QSignalSpy spy(&notifier, &LowStockNotifier::lowStock);
        QVERIFY(startWatching(notifier));

        QCOMPARE(adjust(notifier, -3).size(), 0); // 7 > 5
        QCOMPARE(spy.size(), 0);

        const auto crossed = adjust(notifier, -3); // 4 <= 5: crossed
        QCOMPARE(crossed.size(), 1);
        QCOMPARE(crossed.first().variantId, m_variant);
        QCOMPARE(crossed.first().available, 4);
        QCOMPARE(crossed.first().threshold, 5);
        QCOMPARE(spy.size(), 1);
        const QString message = spy.first().at(0).toString();
        QVERIFY2(message.contains(crossed.first().locationName) && message.contains(u"4"_s), qPrintable(message));
        QCOMPARE(spy.first().at(1).toBool(), false); // no tray offscreen: the page shows it

        QCOMPARE(adjust(notifier, -1).size(), 0); // still low: not again
        QCOMPARE(adjust(notifier, -1).size(), 0);
        QCOMPARE(spy.size(), 1);

        QCOMPARE(adjust(notifier, 10).size(), 0); // back above: 12
        QCOMPARE(adjust(notifier, -7).size(), 1); // 5 <= 5: a new crossing
        QCOMPARE(spy.size(), 2);
    }

    void levelsLowAtTheStartAreTheBaseline()
    {
        setLevelAsSynced(2);
        LowStockNotifier notifier;
        QSignalSpy spy(&notifier, &LowStockNotifier::lowStock);
        QVERIFY(startWatching(notifier));
        QCOMPARE(adjust(notifier, -1).size(), 0);
        QCOMPARE(spy.size(), 0);
    }

    void announcesCrossingsASyncBrought()
    {
        LowStockNotifier notifier;
        QSignalSpy spy(&notifier, &LowStockNotifier::lowStock);
        QVERIFY(startWatching(notifier));
        QSignalSpy scanned(&notifier, &LowStockNotifier::scanFinished);

        setLevelAsSynced(3);
        notifier.checkAll();
        QVERIFY(scanned.wait(10'000));
        QCOMPARE(spy.size(), 1);
        QVERIFY(spy.first().at(0).toString().contains(u"3"_s));

        // The same state after the next sync: nothing new.
        notifier.checkAll();
        QVERIFY(scanned.wait(10'000));
        QCOMPARE(spy.size(), 1);

        // A local edit seen while a scan runs is not announced twice by that scan.
        setLevelAsSynced(9);
        notifier.checkAll();
        QVERIFY(scanned.wait(10'000));
        notifier.checkAll();
        QVERIFY(notifier.isScanning());
        QCOMPARE(adjust(notifier, -6).size(), 1);
        QVERIFY(scanned.wait(10'000));
        QCOMPARE(spy.size(), 2);
        notifier.checkAll(); // and not by the next one either
        QVERIFY(scanned.wait(10'000));
        QCOMPARE(spy.size(), 2);
    }

    void saysNothingWithoutAShop()
    {
        LowStockNotifier notifier;
        QSignalSpy spy(&notifier, &LowStockNotifier::lowStock);
        QCOMPARE(notifier.checkLevels({{m_variant, m_location}}).size(), 0);
        notifier.checkAll();
        QVERIFY(!notifier.isScanning());
        QCOMPARE(spy.size(), 0);
    }

    void namesSeveralItemsInOneMessage()
    {
        QList<LowStockNotifier::Alert> alerts;
        for (int i = 0; i < 5; ++i)
            alerts << LowStockNotifier::Alert{{}, {}, u"SKU-%1"_s.arg(i), u"Depot"_s, 1, 2};
        const QString message = LowStockNotifier::messageFor(alerts);
        QVERIFY2(message.contains(u"5"_s) && message.contains(u"SKU-0 at Depot"_s) && !message.contains(u"SKU-4"_s),
                 qPrintable(message));
    }
};

QTEST_MAIN(tst_LowStockNotifier)
#include "tst_lowstocknotifier.moc"
