#include "demoshop.h"
#include "inventory/stockcountmode.h"
#include "local/outbox.h"

#include <QComboBox>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>
#include <QTreeWidget>

using namespace sk;
using namespace Qt::StringLiterals;

namespace {

struct Level
{
    QString variantId;
    QString code; // what the scanner sends
    qint64 onHand = 0;
};

} // namespace

class tst_StockCountMode : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::TempStore> m_shop;
    QString m_location;
    ShopStore &store() { return *m_shop->store; }

    // A level at m_location of a variant with a barcode (byBarcode) or a SKU.
    Level pick(bool byBarcode, int offset)
    {
        const QByteArray code = byBarcode ? "v.barcode" : "v.sku";
        const QByteArray sql = "SELECT v.id || '|' || " + code + " || '|' || l.on_hand FROM inventory_levels l "
                               "JOIN variants v ON v.id = l.variant_id WHERE l.location_id = '" + m_location.toUtf8()
                               + "' AND " + code + " IS NOT NULL ORDER BY l.rid LIMIT 1 OFFSET "
                               + QByteArray::number(offset);
        const QStringList parts = test::sqlText(store(), sql).split(u'|');
        if (parts.size() != 3)
            return {};
        return {parts.at(0), parts.at(1), parts.at(2).toLongLong()};
    }

    qint64 onHand(const QString &variantId)
    {
        return test::sqlInt(store(), "SELECT on_hand FROM inventory_levels WHERE variant_id = '" + variantId.toUtf8()
                                         + "' AND location_id = '" + m_location.toUtf8() + "'");
    }

    QList<QJsonObject> queued(const QString &name)
    {
        QList<QJsonObject> out;
        auto db = store().openReader();
        if (!db.ok())
            return out;
        for (const OutboxEntry &entry : Outbox::pending(**db).valueOr({})) {
            if (entry.name == name)
                out << QJsonDocument::fromJson(entry.args).object();
        }
        return out;
    }

    // What a barcode scanner does: types the code and presses Enter.
    static void scanWith(QWidget *field, const QString &code)
    {
        QTest::keyClicks(field, code);
        QTest::keyClick(field, Qt::Key_Return);
    }

private slots:
    void initTestCase()
    {
        m_shop = test::makeDemoShop();
        QVERIFY(m_shop);
        m_location = test::sqlText(store(), "SELECT id FROM locations ORDER BY name COLLATE NOCASE DESC LIMIT 1");
    }

    void scanCountsTwoItemsWithTheKeyboard()
    {
        StockCountMode mode;
        mode.setShop(&store());
        mode.setLocation(m_location);
        QCOMPARE(mode.locationId(), m_location);
        mode.show();
        QVERIFY(QTest::qWaitForWindowActive(&mode));
        QSignalSpy edited(&mode, &StockCountMode::edited);

        const Level first = pick(true, 3);  // scanned by barcode
        const Level second = pick(false, 9); // typed SKU
        QVERIFY(!first.variantId.isEmpty() && !second.variantId.isEmpty());
        QVERIFY(first.variantId != second.variantId);

        // Item 1: scan, see the expected quantity, type the count, Enter.
        mode.focusScan();
        QVERIFY(mode.scanField()->hasFocus());
        scanWith(QApplication::focusWidget(), first.code);
        QVERIFY2(mode.currentItem().has_value(), qPrintable(mode.messageText()));
        QCOMPARE(mode.currentItem()->variantId, first.variantId);
        QCOMPARE(mode.expectedQuantity(), first.onHand);
        QVERIFY(mode.countField()->hasFocus());
        const qint64 firstCount = first.onHand + 2;
        scanWith(QApplication::focusWidget(), QString::number(firstCount));
        QVERIFY2(!mode.isShowingError(), qPrintable(mode.messageText()));
        QCOMPARE(edited.size(), 1);
        QVERIFY(mode.messageText().contains(u"+2"_s));
        QVERIFY(mode.scanField()->hasFocus());
        QVERIFY(mode.scanField()->text().isEmpty());

        // Item 2: back in the scan field without touching the mouse.
        scanWith(QApplication::focusWidget(), second.code);
        QCOMPARE(mode.currentItem()->variantId, second.variantId);
        QCOMPARE(mode.expectedQuantity(), second.onHand);
        const qint64 secondCount = second.onHand > 0 ? second.onHand - 1 : 0;
        scanWith(QApplication::focusWidget(), QString::number(secondCount));
        QCOMPARE(edited.size(), 2);
        QVERIFY(mode.scanField()->hasFocus());

        // Two inventory.set mutations with the quantities the counter was shown.
        const QList<QJsonObject> sets = queued(u"inventory.set"_s);
        QCOMPARE(sets.size(), 2);
        QCOMPARE(sets.at(0).value(u"variant_id").toString(), first.variantId);
        QCOMPARE(sets.at(0).value(u"location_id").toString(), m_location);
        QCOMPARE(sets.at(0).value(u"quantity").toInteger(), firstCount);
        QCOMPARE(sets.at(0).value(u"change_from").toInteger(), first.onHand);
        QCOMPARE(sets.at(1).value(u"variant_id").toString(), second.variantId);
        QCOMPARE(sets.at(1).value(u"quantity").toInteger(), secondCount);
        QCOMPARE(sets.at(1).value(u"change_from").toInteger(), second.onHand);

        // The levels show the counts at once, and the session list shows the variances.
        QCOMPARE(onHand(first.variantId), firstCount);
        QCOMPARE(onHand(second.variantId), secondCount);
        QCOMPARE(mode.countedList()->topLevelItemCount(), 2);
        QCOMPARE(mode.countedItems().at(0).variance(), 2);
        QCOMPARE(mode.countedItems().at(1).variance(), secondCount - second.onHand);
        QCOMPARE(mode.countedList()->topLevelItem(1)->text(3), u"+2"_s); // newest first
    }

    void namesAnUnknownCode()
    {
        StockCountMode mode;
        mode.setShop(&store());
        mode.show();
        QVERIFY(QTest::qWaitForWindowActive(&mode));
        mode.focusScan();
        scanWith(mode.scanField(), u"NO-SUCH-CODE-42"_s);
        QVERIFY(mode.isShowingError());
        QVERIFY2(mode.messageText().contains(u"NO-SUCH-CODE-42"_s), qPrintable(mode.messageText()));
        QVERIFY(!mode.currentItem().has_value());
        QVERIFY(!mode.countField()->isEnabled());
        QVERIFY(mode.scanField()->hasFocus());
        // The code stays selected, so the next scan replaces it.
        QCOMPARE(mode.scanField()->selectedText(), u"NO-SUCH-CODE-42"_s);
    }

    void refusesANonNumberAndEscapeSkipsTheItem()
    {
        StockCountMode mode;
        mode.setShop(&store());
        mode.setLocation(m_location);
        mode.show();
        QVERIFY(QTest::qWaitForWindowActive(&mode));
        QSignalSpy edited(&mode, &StockCountMode::edited);
        QSignalSpy finished(&mode, &StockCountMode::finished);
        const Level level = pick(false, 20);
        mode.focusScan();
        scanWith(mode.scanField(), level.code.toLower()); // typed in lower case: still found
        QVERIFY2(mode.currentItem().has_value(), qPrintable(mode.messageText()));
        scanWith(mode.countField(), u"twelve"_s);
        QVERIFY(mode.isShowingError());
        QVERIFY(mode.messageText().contains(u"Counted"_s));
        QCOMPARE(edited.size(), 0);
        QVERIFY(mode.countField()->hasFocus());

        QTest::keyClick(mode.countField(), Qt::Key_Escape);
        QVERIFY(!mode.currentItem().has_value());
        QVERIFY(mode.scanField()->hasFocus());
        QCOMPARE(finished.size(), 0);
        QTest::keyClick(mode.scanField(), Qt::Key_Escape);
        QCOMPARE(finished.size(), 1);
        QCOMPARE(onHand(level.variantId), level.onHand);
    }

    void isDisabledWithoutAShopOrARoleThatMayCount()
    {
        StockCountMode mode;
        QVERIFY(!mode.scanField()->isEnabled());
        mode.setShop(&store());
        QVERIFY(mode.scanField()->isEnabled());
        mode.setAllowed(false, u"Your role (viewer) cannot change stock."_s);
        QVERIFY(!mode.scanField()->isEnabled());
        QCOMPARE(mode.scanField()->toolTip(), u"Your role (viewer) cannot change stock."_s);
    }
};

QTEST_MAIN(tst_StockCountMode)
#include "tst_stockcountmode.moc"
