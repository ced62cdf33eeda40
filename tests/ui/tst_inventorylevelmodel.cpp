#include "demoshop.h"
#include "inventory/inventorylevelmodel.h"
#include "local/shopeditor.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QFont>
#include <QSet>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

using namespace sk;
using namespace Qt::StringLiterals;

class tst_InventoryLevelModel : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::TempStore> m_shop;
    QString m_location; // the first location by name
    ShopStore &store() { return *m_shop->store; }

private slots:
    void initTestCase()
    {
        m_shop = test::makeDemoShop();
        QVERIFY(m_shop);
        m_location = test::sqlText(store(), "SELECT id FROM locations ORDER BY name COLLATE NOCASE, rid LIMIT 1");
        QVERIFY(!m_location.isEmpty());
        QVERIFY(test::sqlInt(store(), "SELECT count(*) FROM locations") >= 2);
    }

    void passesTheModelTester()
    {
        InventoryLevelModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        SK_VERIFY_OK(model.open(store()));
        QVERIFY(test::waitForRows(model));
        QVERIFY(model.rowCount() > 1000);
        // Each change read to the end, with the tester reading the rows in between.
        model.sort(InventoryLevelModel::AvailableColumn, Qt::DescendingOrder);
        QVERIFY(test::waitForRows(model));
        model.setLocationFilter(m_location);
        QVERIFY(test::waitForRows(model));
        model.setLowStockOnly(true);
        QVERIFY(test::waitForRows(model));
        model.setSearchText(u"a"_s);
        QVERIFY(test::waitForRows(model));
        model.setFilter({});
        QVERIFY(test::waitForRows(model));
        model.sort(-1);
        QVERIFY(test::waitForRows(model));
        QCOMPARE(model.rowCount(), test::sqlInt(store(), "SELECT count(*) FROM inventory_levels"));
        // Changes faster than the reads: only the last one is shown.
        model.setSearchText(u"a"_s);
        model.setLocationFilter(m_location);
        model.sort(InventoryLevelModel::AvailableColumn, Qt::AscendingOrder);
        model.setFilter({});
        QVERIFY(model.isLoading());
        QVERIFY(test::waitForRows(model));
        QCOMPARE(model.rowCount(), test::sqlInt(store(), "SELECT count(*) FROM inventory_levels"));
        model.setSearchText(u"b"_s);
        model.close(); // while reading
        QVERIFY(!model.isLoading());
        QCOMPARE(model.rowCount(), 0);
        QTest::qWait(50); // the dropped read ends meanwhile
        QCOMPARE(model.rowCount(), 0);
    }

    void readsOffTheUiThread()
    {
        InventoryLevelModel model;
        SK_VERIFY_OK(model.open(store()));
        QVERIFY(test::waitForRows(model));
        const int all = model.rowCount();
        const QString sku = test::sqlText(store(), "SELECT v.sku FROM inventory_levels l JOIN variants v ON v.id = l.variant_id "
                                                   "WHERE v.sku IS NOT NULL ORDER BY l.rid LIMIT 1");
        QSignalSpy loaded(&model, &StoreListModel::loaded);

        // The machine is busy: the read cannot start yet, and the search must not wait for it.
        test::BusyPool busy;
        QVERIFY(busy.isBusy());
        QElapsedTimer timer;
        timer.start();
        model.setSearchText(sku);
        QVERIFY2(timer.elapsed() < 200, qPrintable(QString::number(timer.elapsed())));
        QVERIFY(model.isLoading());
        QCOMPARE(model.rowCount(), all); // the previous rows stay until the new ones are in
        bool ticked = false;
        QTimer::singleShot(50, &model, [&] { ticked = true; });
        QTest::qWait(300); // the event loop runs meanwhile
        QVERIFY(ticked);
        QVERIFY(model.isLoading());
        QCOMPARE(loaded.size(), 0);

        busy.release();
        QVERIFY(loaded.wait(10'000));
        QVERIFY(!model.isLoading());
        QVERIFY(model.rowCount() >= 1);
        QVERIFY(test::modelColumn(model, InventoryLevelModel::SkuColumn).contains(sku));
        QVERIFY(model.lastError().isEmpty());
    }

    void aStaleSearchNeverReplacesANewerOne()
    {
        InventoryLevelModel model;
        SK_VERIFY_OK(model.open(store()));
        QVERIFY(test::waitForRows(model));
        const QString sku = test::sqlText(store(), "SELECT v.sku FROM inventory_levels l JOIN variants v ON v.id = l.variant_id "
                                                   "WHERE v.sku IS NOT NULL ORDER BY l.rid DESC LIMIT 1");
        QSignalSpy loaded(&model, &StoreListModel::loaded);
        QStringList shown; // the SKUs of every list the model showed
        connect(&model, &QAbstractItemModel::modelReset, this, [&] {
            shown << test::modelColumn(model, InventoryLevelModel::SkuColumn).join(u',');
        });
        {
            // The broad search is queued when the narrow one is asked for: it runs to the end
            // first, and what it found must be dropped.
            test::BusyPool busy;
            QVERIFY(busy.isBusy());
            model.setSearchText(u"a"_s);
            QTest::qWait(100);
            model.setSearchText(sku);
            QTest::qWait(100);
            QCOMPARE(loaded.size(), 0);
        }
        QVERIFY(loaded.wait(10'000));
        QTest::qWait(200); // nothing else arrives
        QCOMPARE(loaded.size(), 1);
        QCOMPARE(shown.size(), 1);
        QCOMPARE(model.filter().search, sku);
        const QStringList skus = test::modelColumn(model, InventoryLevelModel::SkuColumn);
        QVERIFY(!skus.isEmpty());
        QCOMPARE(QSet<QString>(skus.cbegin(), skus.cend()), QSet<QString>{sku});
        QCOMPARE(shown.constFirst(), skus.join(u','));
    }

    void listsEveryLevelWithItsVariantProductAndLocation()
    {
        InventoryLevelModel model;
        SK_VERIFY_OK(model.open(store()));
        QVERIFY(test::waitForRows(model));
        QCOMPARE(model.rowCount(), test::sqlInt(store(), "SELECT count(*) FROM inventory_levels"));
        QCOMPARE(model.columnCount(), int(InventoryLevelModel::ColumnCount));

        // The last row, cell by cell, against SQL on the same level.
        const int last = model.rowCount() - 1;
        const qint64 rid = model.data(model.index(last, 0), InventoryLevelModel::RidRole).toLongLong();
        QCOMPARE(rid, test::sqlInt(store(), "SELECT max(rid) FROM inventory_levels"));
        const QByteArray where = " WHERE l.rid = " + QByteArray::number(rid);
        const QByteArray join = " FROM inventory_levels l JOIN variants v ON v.id = l.variant_id "
                                "JOIN products p ON p.id = v.product_id JOIN locations loc ON loc.id = l.location_id";
        auto cell = [&](int column) { return model.data(model.index(last, column)).toString(); };
        QCOMPARE(cell(InventoryLevelModel::SkuColumn), test::sqlText(store(), "SELECT coalesce(v.sku, '')" + join + where));
        QCOMPARE(cell(InventoryLevelModel::ProductColumn), test::sqlText(store(), "SELECT p.title" + join + where));
        QCOMPARE(cell(InventoryLevelModel::LocationColumn), test::sqlText(store(), "SELECT loc.name" + join + where));
        const QLocale fr(u"fr_FR"_s); // the demo shop's locale
        QCOMPARE(cell(InventoryLevelModel::OnHandColumn),
                 fr.toString(test::sqlInt(store(), "SELECT l.on_hand" + join + where)));
        QCOMPARE(cell(InventoryLevelModel::CommittedColumn),
                 fr.toString(test::sqlInt(store(), "SELECT l.committed" + join + where)));
        QCOMPARE(cell(InventoryLevelModel::AvailableColumn),
                 fr.toString(test::sqlInt(store(), "SELECT l.on_hand - l.committed" + join + where)));
        QCOMPARE(cell(InventoryLevelModel::ThresholdColumn),
                 test::sqlText(store(), "SELECT coalesce(l.low_stock_threshold, '')" + join + where));
        const QString options = test::sqlText(
            store(), "SELECT trim(coalesce(v.option1, '') || ' / ' || coalesce(v.option2, ''), ' /')" + join + where);
        QVERIFY2(cell(InventoryLevelModel::OptionsColumn).startsWith(options.section(u" / "_s, 0, 0)),
                 qPrintable(cell(InventoryLevelModel::OptionsColumn)));
        QCOMPARE(model.data(model.index(last, InventoryLevelModel::AvailableColumn), Qt::TextAlignmentRole)
                         .value<Qt::Alignment>() & Qt::AlignRight,
                 Qt::AlignRight);
    }

    void filtersByLocationAndLowStockInSql()
    {
        InventoryLevelModel model;
        SK_VERIFY_OK(model.open(store()));
        QVERIFY(test::waitForRows(model));
        model.setLocationFilter(m_location);
        QVERIFY(test::waitForRows(model));
        const QByteArray atLocation = "SELECT count(*) FROM inventory_levels WHERE location_id = '" + m_location.toUtf8() + "'";
        QCOMPARE(model.rowCount(), test::sqlInt(store(), atLocation));
        const QString name = model.locationName(m_location);
        QVERIFY(!name.isEmpty());
        QCOMPARE(test::modelColumn(model, InventoryLevelModel::LocationColumn).removeDuplicates(), model.rowCount() - 1);

        model.setLowStockOnly(true);
        QVERIFY(test::waitForRows(model));
        const qint64 low = test::sqlInt(store(), atLocation + " AND low_stock_threshold IS NOT NULL AND "
                                                              "on_hand - committed <= low_stock_threshold");
        QVERIFY2(low > 0, "the demo shop has low stock");
        QCOMPARE(model.rowCount(), low);
        for (int row = 0; row < model.rowCount(); ++row) {
            const auto level = model.levelAt(row);
            QVERIFY(level && level->lowStockThreshold);
            QVERIFY(level->available <= *level->lowStockThreshold);
            QCOMPARE(model.data(model.index(row, 0), InventoryLevelModel::LowStockRole).toBool(), true);
        }

        model.setLocationFilter({});
        QVERIFY(test::waitForRows(model));
        QCOMPARE(model.rowCount(), test::sqlInt(store(), "SELECT count(*) FROM inventory_levels WHERE "
                                                         "low_stock_threshold IS NOT NULL AND on_hand - committed <= "
                                                         "low_stock_threshold"));
    }

    void searchesSkuBarcodeAndTitle()
    {
        InventoryLevelModel model;
        SK_VERIFY_OK(model.open(store()));
        QVERIFY(test::waitForRows(model));
        const QString sku = test::sqlText(store(), "SELECT v.sku FROM inventory_levels l JOIN variants v ON v.id = l.variant_id "
                                                   "WHERE v.sku IS NOT NULL ORDER BY l.rid LIMIT 1 OFFSET 7");
        model.setSearchText(sku);
        QVERIFY(test::waitForRows(model));
        QVERIFY(model.rowCount() > 0);
        QVERIFY(test::modelColumn(model, InventoryLevelModel::SkuColumn).contains(sku));
        QVERIFY(!model.isSearchCapped());

        const QString barcode = test::sqlText(store(), "SELECT v.barcode FROM inventory_levels l JOIN variants v ON "
                                                       "v.id = l.variant_id WHERE v.barcode IS NOT NULL LIMIT 1");
        const QString barcodeSku = test::sqlText(store(), "SELECT coalesce(sku, '') FROM variants WHERE barcode = '"
                                                              + barcode.toUtf8() + "'");
        model.setSearchText(barcode);
        QVERIFY(test::waitForRows(model));
        const QStringList skus = test::modelColumn(model, InventoryLevelModel::SkuColumn);
        QVERIFY(!skus.isEmpty());
        QCOMPARE(QSet<QString>(skus.cbegin(), skus.cend()), QSet<QString>{barcodeSku});

        // A word of a title: every listed level's product has it.
        const QString title = test::sqlText(store(), "SELECT p.title FROM inventory_levels l JOIN variants v ON v.id = l.variant_id "
                                                     "JOIN products p ON p.id = v.product_id LIMIT 1");
        const QString word = title.section(u' ', 0, 0);
        model.setSearchText(word);
        QVERIFY(test::waitForRows(model));
        QVERIFY(model.rowCount() > 0);
        for (const QString &listed : test::modelColumn(model, InventoryLevelModel::ProductColumn))
            QVERIFY2(listed.contains(word, Qt::CaseInsensitive), qPrintable(listed));

        model.setSearchText(u"zzzznotthere"_s);
        QVERIFY(test::waitForRows(model));
        QCOMPARE(model.rowCount(), 0);
    }

    void sortsByAvailableLikeSql()
    {
        InventoryLevelModel model;
        SK_VERIFY_OK(model.open(store()));
        QVERIFY(test::waitForRows(model));
        model.setLocationFilter(m_location);
        QVERIFY(test::waitForRows(model));
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.sort(InventoryLevelModel::AvailableColumn, Qt::DescendingOrder);
        QVERIFY(test::waitForRows(model));
        QCOMPARE(reset.size(), 1);
        QCOMPARE(model.sortColumn(), int(InventoryLevelModel::AvailableColumn));
        QStringList expected;
        const QLocale fr(u"fr_FR"_s);
        for (const QString &value :
             test::sqlColumn(store(), "SELECT on_hand - committed FROM inventory_levels WHERE location_id = '"
                                          + m_location.toUtf8() + "' ORDER BY on_hand - committed DESC, rid DESC"))
            expected << fr.toString(value.toLongLong());
        QCOMPARE(test::modelColumn(model, InventoryLevelModel::AvailableColumn), expected);

        model.sort(InventoryLevelModel::ProductColumn); // no index: ignored
        QVERIFY(!model.isLoading());
        QCOMPARE(reset.size(), 1);
        model.sort(-1); // back to the natural order
        QVERIFY(test::waitForRows(model));
        QCOMPARE(model.sortColumn(), -1);
        QCOMPARE(model.data(model.index(0, 0), InventoryLevelModel::RidRole).toLongLong(),
                 test::sqlInt(store(), "SELECT min(rid) FROM inventory_levels WHERE location_id = '"
                                           + m_location.toUtf8() + "'"));
    }

    void listQueriesUseTheirIndexes()
    {
        InventoryListFilter atLocation;
        atLocation.locationId = m_location;
        const QString natural = test::queryPlan(store(), InventoryLevelModel::keysSql(atLocation, false, SortOrder::Ascending));
        QVERIFY2(natural.contains(u"inventory_levels_location"_s) && !natural.contains(u"TEMP B-TREE"_s), qPrintable(natural));
        const QString byAvailable =
            test::queryPlan(store(), InventoryLevelModel::keysSql(atLocation, true, SortOrder::Descending));
        QVERIFY2(byAvailable.contains(u"inventory_levels_available"_s) && !byAvailable.contains(u"TEMP B-TREE"_s),
                 qPrintable(byAvailable));
        const QString all = test::queryPlan(store(), InventoryLevelModel::keysSql({}, true, SortOrder::Ascending));
        QVERIFY2(all.contains(u"inventory_levels_available_any"_s) && !all.contains(u"TEMP B-TREE"_s), qPrintable(all));
        InventoryListFilter low = atLocation;
        low.lowStockOnly = true;
        const QString lowPlan = test::queryPlan(store(), InventoryLevelModel::keysSql(low, false, SortOrder::Ascending));
        QVERIFY2(lowPlan.contains(u"inventory_levels_low"_s), qPrintable(lowPlan));
    }

    void marksLevelsWithUnsyncedEdits()
    {
        InventoryLevelModel model;
        SK_VERIFY_OK(model.open(store()));
        QVERIFY(test::waitForRows(model));
        const auto level = model.levelAt(3);
        QVERIFY(level);
        QVERIFY(!level->unsynced);
        QVERIFY(model.data(model.index(3, 0), Qt::ToolTipRole).toString().isEmpty()
                || !model.data(model.index(3, 0), Qt::ToolTipRole).toString().contains(u"Not synced"_s));

        SK_VERIFY_OK(ShopEditor(store()).adjustInventory(level->variantId, level->locationId, 5,
                                                         InventoryReason::Received));
        SK_VERIFY_OK(model.reload());
        QVERIFY(test::waitForRows(model));
        const auto after = model.levelAt(3);
        QVERIFY(after);
        QCOMPARE(after->onHand, level->onHand + 5);
        QVERIFY(after->unsynced);
        QCOMPARE(model.data(model.index(3, 0), InventoryLevelModel::UnsyncedRole).toBool(), true);
        QVERIFY(model.data(model.index(3, 0), Qt::FontRole).value<QFont>().italic());
        QVERIFY(model.data(model.index(3, 0), Qt::ToolTipRole).toString().contains(u"Not synced yet"_s));
        QCOMPARE(model.data(model.index(4, 0), InventoryLevelModel::UnsyncedRole).toBool(),
                 model.levelAt(4)->variantId == level->variantId && model.levelAt(4)->locationId == level->locationId);
    }

    void readsOnlyThePagesItShows()
    {
        InventoryLevelModel model;
        SK_VERIFY_OK(model.open(store()));
        QVERIFY(test::waitForRows(model));
        QCOMPARE(model.pageFetchCount(), 0);
        for (int row = 0; row < 50; ++row)
            QVERIFY(!model.data(model.index(row, InventoryLevelModel::ProductColumn)).toString().isEmpty());
        QCOMPARE(model.pageFetchCount(), 1);
        QVERIFY(!model.data(model.index(model.rowCount() - 1, InventoryLevelModel::ProductColumn)).toString().isEmpty());
        QCOMPARE(model.pageFetchCount(), 2);
        QVERIFY(!model.data(model.index(10, InventoryLevelModel::ProductColumn)).toString().isEmpty());
        QCOMPARE(model.pageFetchCount(), 2);
    }

    void findsTheRowOfAVariant()
    {
        InventoryLevelModel model;
        SK_VERIFY_OK(model.open(store()));
        QVERIFY(test::waitForRows(model));
        const auto level = model.levelAt(300);
        QVERIFY(level);
        const int row = model.rowOfVariant(level->variantId, level->locationId);
        QCOMPARE(row, 300);
        QVERIFY(model.rowOfVariant(level->variantId) <= 300);
        QCOMPARE(model.rowOfVariant(u"00000000-0000-7000-8000-000000000000"_s), -1);
    }
};

QTEST_MAIN(tst_InventoryLevelModel)
#include "tst_inventorylevelmodel.moc"
