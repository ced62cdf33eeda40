#include "common/searchfield.h"
#include "demoshop.h"
#include "inventory/adjuststockdialog.h"
#include "inventory/inventoryhistoryview.h"
#include "inventory/inventorypage.h"
#include "inventory/ledgermodel.h"
#include "inventory/stockcountmode.h"
#include "inventory/transferstockdialog.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QElapsedTimer>
#include <QImage>
#include <QLabel>
#include <QSet>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTest>

using namespace sk;
using namespace Qt::StringLiterals;

class tst_InventoryPage : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::TempStore> m_shop;
    ShopStore &store() { return *m_shop->store; }

    qint64 onHand(const InventoryLevelRow &level)
    {
        return test::sqlInt(store(), "SELECT on_hand FROM inventory_levels WHERE rid = " + QByteArray::number(level.rid));
    }

private slots:
    void initTestCase()
    {
        m_shop = test::makeDemoShop();
        QVERIFY(m_shop);
    }

    void readsNothingUntilShown()
    {
        InventoryPage page;
        page.setShop(&store(), u"owner"_s);
        QVERIFY(!page.model()->isOpen()); // start-up pays nothing for a page not looked at
        QVERIFY(test::showActive(page));
        QVERIFY(test::waitForRows(*page.model()));
        QVERIFY(page.model()->isOpen());
    }

    void showsTheFirstLocationAndPaints()
    {
        InventoryPage page;
        page.setShop(&store(), u"owner"_s);
        QVERIFY(test::showActive(page));
        QVERIFY(test::waitForRows(*page.model()));
        const QString first = test::sqlText(store(), "SELECT id FROM locations ORDER BY name COLLATE NOCASE, rid LIMIT 1");
        QCOMPARE(page.model()->filter().locationId, first);
        QCOMPARE(page.locationFilter()->currentData().toString(), first);
        QCOMPARE(page.model()->rowCount(),
                 test::sqlInt(store(), "SELECT count(*) FROM inventory_levels WHERE location_id = '" + first.toUtf8() + "'"));
        QCOMPARE(page.locationFilter()->count(), 1 + test::sqlInt(store(), "SELECT count(*) FROM locations"));
        page.locationFilter()->setCurrentIndex(0); // All locations
        QVERIFY(test::waitForRows(*page.model()));
        QCOMPARE(page.model()->rowCount(), test::sqlInt(store(), "SELECT count(*) FROM inventory_levels"));
        const QImage shot = page.grab().toImage();
        QVERIFY(!shot.isNull());
        QVERIFY(test::looksPainted(shot));
    }

    void adjustsTheSelectedLevelWithShortcuts()
    {
        InventoryPage page;
        page.setShop(&store(), u"warehouse"_s);
        QVERIFY(test::showActive(page));
        QVERIFY(test::waitForRows(*page.model()));
        QSignalSpy edited(&page, &InventoryPage::edited);
        page.table()->setFocus();
        QTest::keyClick(page.table(), Qt::Key_Down);
        QTest::keyClick(page.table(), Qt::Key_Down);
        const auto level = page.currentLevel();
        QVERIFY(level);
        QVERIFY(page.adjustAction()->isEnabled());
        const qint64 before = onHand(*level);

        QSignalSpy reset(page.model(), &QAbstractItemModel::modelReset);
        QTest::keyClick(page.table(), Qt::Key_J, Qt::ControlModifier);
        auto *dialog = page.findChild<AdjustStockDialog *>();
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitForWindowActive(dialog));
        QTest::keyClicks(dialog->deltaSpin(), u"7"_s);
        dialog->setReason(InventoryReason::Received);
        QTest::keyClick(dialog->deltaSpin(), Qt::Key_Return);
        QVERIFY2(dialog->queuedEdit().has_value() || dialog->errorText().isEmpty(), qPrintable(dialog->errorText()));

        QCOMPARE(edited.size(), 1);
        QCOMPARE(onHand(*level), before + 7);
        const auto after = page.currentLevel(); // still selected, shown with its new quantity
        QVERIFY(after);
        QCOMPARE(after->rid, level->rid);
        QCOMPARE(after->onHand, before + 7);
        QVERIFY(after->unsynced);
        QCOMPARE(reset.size(), 0); // re-read in place: the scroll position and selection stay
        QVERIFY2(page.messageText().contains(u"adjusted"_s), qPrintable(page.messageText()));
    }

    void transfersTheSelectedLevel()
    {
        InventoryPage page;
        page.setShop(&store(), u"staff"_s);
        QVERIFY(test::showActive(page));
        QVERIFY(test::waitForRows(*page.model()));
        QTest::keyClick(page.table(), Qt::Key_Down);
        const auto level = page.currentLevel();
        QVERIFY(level);
        page.transferAction()->trigger();
        auto *dialog = page.findChild<TransferStockDialog *>();
        QVERIFY(dialog);
        QCOMPARE(dialog->fromLocationId(), level->locationId);
        const qint64 before = onHand(*level);
        dialog->okButton()->click();
        QCOMPARE(onHand(*level), before - 1);
        QVERIFY(page.messageText().contains(u"moved"_s));
    }

    void countModeIsOneShortcutAwayAndEscapeReturns()
    {
        InventoryPage page;
        page.setShop(&store(), u"owner"_s);
        QVERIFY(test::showActive(page));
        QVERIFY(test::waitForRows(*page.model()));
        QTest::keyClick(page.table(), Qt::Key_Down);
        const auto level = page.currentLevel();
        QTest::keyClick(page.table(), Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(page.isCountModeShown());
        QCOMPARE(page.countMode()->locationId(), level->locationId);
        QVERIFY(page.countMode()->scanField()->hasFocus());
        QTest::keyClick(page.countMode()->scanField(), Qt::Key_Escape);
        QVERIFY(!page.isCountModeShown());
        QVERIFY(page.table()->hasFocus());
    }

    void filtersLowStockAndSearches()
    {
        InventoryPage page;
        page.setShop(&store(), u"owner"_s);
        QVERIFY(test::showActive(page));
        QVERIFY(test::waitForRows(*page.model()));
        page.locationFilter()->setCurrentIndex(0); // All locations
        page.lowStockOnlyBox()->setChecked(true);
        QVERIFY(test::waitForRows(*page.model()));
        QCOMPARE(page.model()->rowCount(),
                 test::sqlInt(store(), "SELECT count(*) FROM inventory_levels WHERE low_stock_threshold IS NOT NULL "
                                       "AND on_hand - committed <= low_stock_threshold"));
        page.lowStockOnlyBox()->setChecked(false);
        const QString sku = test::sqlText(store(), "SELECT v.sku FROM inventory_levels l JOIN variants v ON v.id = l.variant_id "
                                                   "WHERE v.sku IS NOT NULL ORDER BY l.rid DESC LIMIT 1");
        QTest::keyClick(page.table(), Qt::Key_F, Qt::ControlModifier);
        QVERIFY(page.searchField()->hasFocus());
        QTest::keyClicks(page.searchField(), sku);
        QTest::keyClick(page.searchField(), Qt::Key_Return);
        QVERIFY(test::waitForRows(*page.model()));
        QVERIFY(page.model()->rowCount() >= 1);
        QCOMPARE(page.model()->levelAt(0)->sku, sku);
    }

    void opensARecordHiddenByAFilter()
    {
        InventoryPage page;
        page.setShop(&store(), u"owner"_s);
        QVERIFY(test::showActive(page));
        QVERIFY(test::waitForRows(*page.model()));
        const QString variant = test::sqlText(store(), "SELECT variant_id FROM inventory_levels ORDER BY rid DESC LIMIT 1");
        page.searchField()->setText(u"zzzz-nothing"_s);
        page.model()->setSearchText(u"zzzz-nothing"_s);
        QVERIFY(test::waitForRows(*page.model()));
        QCOMPARE(page.model()->rowCount(), 0);
        QVERIFY(page.openRecord(variant));
        QVERIFY(test::waitForRows(*page.model()));
        QVERIFY(page.currentLevel());
        QCOMPARE(page.currentLevel()->variantId, variant);
        QVERIFY(page.searchField()->text().isEmpty());
        QVERIFY(!page.openRecord(u"00000000-0000-7000-8000-000000000000"_s));
    }

    void historyFollowsTheSelection()
    {
        InventoryPage page;
        page.setShop(&store(), u"owner"_s);
        QVERIFY(test::showActive(page));
        QVERIFY(test::waitForRows(*page.model()));
        const QString variant = test::sqlText(store(), "SELECT variant_id FROM inventory_ledger GROUP BY variant_id "
                                                       "ORDER BY count(*) DESC LIMIT 1");
        QVERIFY(page.openRecord(variant));
        QVERIFY(test::waitForRows(*page.model()));
        QTest::keyClick(page.table(), Qt::Key_H, Qt::ControlModifier);
        QVERIFY(page.historyView()->isVisible());
        QCOMPARE(page.historyView()->model()->filter().variantId, variant);
        QVERIFY(page.historyView()->model()->rowCount() > 0);
        QCOMPARE(page.historyView()->model()->entryAt(0)->variantId, variant);
    }

    void showsALowStockCrossingInTheWindow()
    {
        InventoryPage page;
        page.lowStockNotifier()->setDesktopNotificationsEnabled(false);
        QSignalSpy ready(page.lowStockNotifier(), &LowStockNotifier::scanFinished);
        page.setShop(&store(), u"owner"_s);
        QVERIFY(ready.wait(10'000));
        // A level well above its threshold, adjusted down past it.
        const qint64 rid = test::sqlInt(store(), "SELECT rid FROM inventory_levels WHERE low_stock_threshold IS NOT NULL "
                                                 "AND on_hand - committed > low_stock_threshold + 1 ORDER BY rid LIMIT 1");
        QVERIFY(rid > 0);
        const qint64 drop = test::sqlInt(store(), "SELECT on_hand - committed - low_stock_threshold FROM "
                                                  "inventory_levels WHERE rid = " + QByteArray::number(rid));
        const QString variant = test::sqlText(store(), "SELECT variant_id FROM inventory_levels WHERE rid = " + QByteArray::number(rid));
        const QString location = test::sqlText(store(), "SELECT location_id FROM inventory_levels WHERE rid = " + QByteArray::number(rid));
        QVERIFY(page.openRecord(variant + u':' + location));
        QVERIFY(test::waitForRows(*page.model()));
        QCOMPARE(page.currentLevel()->rid, rid);
        page.adjustAction()->trigger();
        auto *dialog = page.findChild<AdjustStockDialog *>();
        QVERIFY(dialog);
        dialog->setReason(InventoryReason::Shrinkage);
        dialog->deltaSpin()->setValue(int(-drop));
        dialog->okButton()->click();
        QVERIFY2(!page.lowStockText().isEmpty(), qPrintable(page.messageText()));
        QVERIFY(page.lowStockText().contains(page.currentLevel()->locationName));
    }

    void typingStaysFreeWhileASearchReads()
    {
        InventoryPage page;
        page.setShop(&store(), u"owner"_s);
        QVERIFY(test::showActive(page));
        QVERIFY(test::waitForRows(*page.model()));
        auto *summary = page.findChild<QLabel *>(u"inventorySummary"_s);
        QVERIFY(summary);
        QVERIFY2(summary->text().contains(QString::number(page.model()->rowCount())), qPrintable(summary->text()));
        const int before = page.model()->rowCount();
        const QString sku = test::sqlText(store(), "SELECT v.sku FROM inventory_levels l JOIN variants v ON v.id = l.variant_id "
                                                   "WHERE v.sku IS NOT NULL ORDER BY l.rid LIMIT 1");
        page.table()->setCurrentIndex(page.model()->index(2, 0));
        const qint64 selected = page.currentLevel()->rid;

        test::BusyPool busy; // the machine is busy: the search waits for a thread
        QVERIFY(busy.isBusy());
        QElapsedTimer timer;
        timer.start();
        page.searchField()->setFocus();
        QTest::keyClicks(page.searchField(), sku.left(3));
        QTest::keyClick(page.searchField(), Qt::Key_Return);
        QVERIFY2(timer.elapsed() < 500, qPrintable(QString::number(timer.elapsed())));
        QVERIFY(page.isLoading());
        QCOMPARE(summary->text(), u"Searching…"_s); // the page says it is working
        QCOMPARE(page.model()->rowCount(), before); // and shows the previous rows meanwhile
        QCOMPARE(page.currentLevel()->rid, selected);
        // Typing goes on: the field takes the rest of the SKU at once.
        timer.restart();
        QTest::keyClicks(page.searchField(), sku.mid(3));
        QTest::keyClick(page.searchField(), Qt::Key_Return);
        QVERIFY2(timer.elapsed() < 500, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(page.searchField()->text(), sku);
        QVERIFY(page.isLoading());

        busy.release();
        QVERIFY(test::waitForRows(*page.model()));
        QCOMPARE(page.model()->filter().search, sku);
        QVERIFY(page.model()->rowCount() >= 1);
        QCOMPARE(page.model()->levelAt(0)->sku, sku);
        QVERIFY2(summary->text().contains(QString::number(page.model()->rowCount())), qPrintable(summary->text()));
        QVERIFY(page.messageText().isEmpty());
    }

    void dropsEverythingWhenTheShopCloses()
    {
        InventoryPage page;
        page.setShop(&store(), u"owner"_s);
        QVERIFY(test::showActive(page));
        QVERIFY(test::waitForRows(*page.model()));
        QVERIFY(page.model()->rowCount() > 0);
        page.setShop(nullptr, {});
        QCOMPARE(page.model()->rowCount(), 0);
        QVERIFY(!page.adjustAction()->isEnabled());
        QVERIFY(!page.countAction()->isEnabled());
        QVERIFY(!page.openRecord(u"x"_s));
    }

    void disablesStockChangesForAnUnknownRole()
    {
        InventoryPage page;
        page.setShop(&store(), u"viewer"_s);
        QVERIFY(test::showActive(page));
        QVERIFY(test::waitForRows(*page.model()));
        page.table()->setCurrentIndex(page.model()->index(0, 0));
        QVERIFY(!page.adjustAction()->isEnabled());
        QVERIFY(page.adjustAction()->toolTip().contains(u"viewer"_s));
        QVERIFY(!page.countAction()->isEnabled());
        page.setShop(&store(), u"owner"_s);
        QVERIFY(test::waitForRows(*page.model()));
        page.table()->setCurrentIndex(page.model()->index(0, 0));
        QVERIFY(page.adjustAction()->isEnabled());
        QVERIFY(!page.adjustAction()->toolTip().contains(u"viewer"_s));
    }
};

QTEST_MAIN(tst_InventoryPage)
#include "tst_inventorypage.moc"
