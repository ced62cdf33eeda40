#include "demoshop.h"
#include "inventory/adjuststockdialog.h"
#include "local/outbox.h"

#include <QComboBox>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTest>

using namespace sk;
using namespace Qt::StringLiterals;

class tst_AdjustStockDialog : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::TempStore> m_shop;
    QString m_variant;
    QString m_location;
    ShopStore &store() { return *m_shop->store; }

    qint64 onHand()
    {
        return test::sqlInt(store(), "SELECT on_hand FROM inventory_levels WHERE variant_id = '" + m_variant.toUtf8()
                                         + "' AND location_id = '" + m_location.toUtf8() + "'");
    }

    qint64 queuedCount() { return test::sqlInt(store(), "SELECT count(*) FROM outbox"); }

    // Replaces the spin box's text the way a user does: select all, type, so no value is set
    // behind the widget's back.
    static void typeInto(QWidget *field, const QString &text)
    {
        field->setFocus(Qt::TabFocusReason);
        QTest::keyClick(field, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(field, text);
    }

private slots:
    void initTestCase()
    {
        m_shop = test::makeDemoShop();
        QVERIFY(m_shop);
        m_variant = test::sqlText(store(), "SELECT variant_id FROM inventory_levels ORDER BY rid LIMIT 1 OFFSET 5");
        m_location = test::sqlText(store(), "SELECT location_id FROM inventory_levels ORDER BY rid LIMIT 1 OFFSET 5");
    }

    void adjustsWithTheKeyboard()
    {
        const qint64 before = onHand();
        AdjustStockDialog dialog(store(), m_variant, m_location);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
        QVERIFY(dialog.isLoaded());
        QCOMPARE(dialog.locationId(), m_location);
        QVERIFY(dialog.deltaSpin()->hasFocus()); // ready to type the change
        QCOMPARE(dialog.findChild<QLabel *>(u"onHand"_s)->text(), QLocale().toString(before));

        typeInto(dialog.deltaSpin(), u"-2"_s);
        dialog.setReason(InventoryReason::Damaged);
        QTest::keyClicks(dialog.noteEdit(), u"Crushed in the stockroom"_s);
        QCOMPARE(dialog.findChild<QLabel *>(u"onHandAfter"_s)->text(), QLocale().toString(before - 2));
        QTest::keyClick(dialog.noteEdit(), Qt::Key_Return); // the default button

        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QVERIFY2(dialog.queuedEdit().has_value(), qPrintable(dialog.errorText()));
        QCOMPARE(onHand(), before - 2);
        QCOMPARE(dialog.queuedEdit()->name, u"inventory.adjust"_s);
        const QJsonObject args = QJsonDocument::fromJson(dialog.queuedEdit()->args).object();
        QCOMPARE(args.value(u"delta").toInteger(), -2);
        QCOMPARE(args.value(u"reason").toString(), u"damaged"_s);
        QCOMPARE(args.value(u"note").toString(), u"Crushed in the stockroom"_s);
        QCOMPARE(args.value(u"location_id").toString(), m_location);
    }

    void refusesAChangeTheReasonCannotHave()
    {
        const qint64 before = onHand();
        const qint64 queued = queuedCount();
        AdjustStockDialog dialog(store(), m_variant, m_location);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
        dialog.setReason(InventoryReason::Received);
        typeInto(dialog.deltaSpin(), u"-4"_s);
        dialog.okButton()->click();
        QVERIFY(dialog.isVisible());
        QVERIFY2(dialog.errorText().startsWith(u"Change:"_s), qPrintable(dialog.errorText()));
        QVERIFY(dialog.deltaSpin()->hasFocus());

        typeInto(dialog.deltaSpin(), u"0"_s);
        dialog.okButton()->click();
        QVERIFY(dialog.errorText().startsWith(u"Change:"_s));
        QCOMPARE(onHand(), before);
        QCOMPARE(queuedCount(), queued);

        typeInto(dialog.deltaSpin(), u"6"_s);
        dialog.okButton()->click();
        QVERIFY(!dialog.isVisible());
        QCOMPARE(onHand(), before + 6);
    }

    void offersNoTransferReasons()
    {
        const QList<InventoryReason> reasons = AdjustStockDialog::adjustableReasons();
        QVERIFY(!reasons.contains(InventoryReason::TransferIn));
        QVERIFY(!reasons.contains(InventoryReason::TransferOut));
        QCOMPARE(reasons.size(), enumCount<InventoryReason>() - 2);
        AdjustStockDialog dialog(store(), m_variant, m_location);
        QCOMPARE(dialog.reasonCombo()->count(), reasons.size());
        QVERIFY(dialog.reason() == InventoryReason::Correction);
    }

    void saysSoWhenTheVariantIsGone()
    {
        AdjustStockDialog dialog(store(), u"00000000-0000-7000-8000-000000000000"_s, m_location);
        QVERIFY(!dialog.isLoaded());
        QVERIFY(!dialog.errorText().isEmpty());
        QVERIFY(!dialog.okButton()->isEnabled());
    }
};

QTEST_MAIN(tst_AdjustStockDialog)
#include "tst_adjuststockdialog.moc"
