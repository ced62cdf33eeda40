#include "demoshop.h"
#include "inventory/transferstockdialog.h"

#include <QComboBox>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTest>

using namespace sk;
using namespace Qt::StringLiterals;

class tst_TransferStockDialog : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::TempStore> m_shop;
    QString m_variant;
    QString m_from;
    ShopStore &store() { return *m_shop->store; }

    qint64 onHandAt(const QString &location)
    {
        return qMax<qint64>(0, test::sqlInt(store(), "SELECT on_hand FROM inventory_levels WHERE variant_id = '"
                                                         + m_variant.toUtf8() + "' AND location_id = '"
                                                         + location.toUtf8() + "'"));
    }

private slots:
    void initTestCase()
    {
        m_shop = test::makeDemoShop();
        QVERIFY(m_shop);
        m_variant = test::sqlText(store(), "SELECT variant_id FROM inventory_levels WHERE on_hand > 5 ORDER BY rid LIMIT 1");
        m_from = test::sqlText(store(), "SELECT location_id FROM inventory_levels WHERE variant_id = '"
                                            + m_variant.toUtf8() + "' AND on_hand > 5 LIMIT 1");
    }

    void movesStockBetweenTwoLocations()
    {
        TransferStockDialog dialog(store(), m_variant, m_from);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
        QCOMPARE(dialog.fromLocationId(), m_from);
        const QString to = dialog.toLocationId();
        QVERIFY(!to.isEmpty() && to != m_from); // another location is proposed
        const qint64 fromBefore = onHandAt(m_from);
        const qint64 toBefore = onHandAt(to);

        QVERIFY(dialog.quantitySpin()->hasFocus());
        QTest::keyClick(dialog.quantitySpin(), Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(dialog.quantitySpin(), u"3"_s);
        QTest::keyClicks(dialog.referenceEdit(), u"TR-0042"_s);
        QTest::keyClick(dialog.referenceEdit(), Qt::Key_Return);

        QVERIFY2(dialog.queuedEdit().has_value(), qPrintable(dialog.errorText()));
        QCOMPARE(dialog.queuedEdit()->name, u"inventory.transfer"_s);
        const QJsonObject args = QJsonDocument::fromJson(dialog.queuedEdit()->args).object();
        QCOMPARE(args.value(u"quantity").toInteger(), 3);
        QCOMPARE(args.value(u"from_location_id").toString(), m_from);
        QCOMPARE(args.value(u"to_location_id").toString(), to);
        QCOMPARE(args.value(u"reference").toString(), u"TR-0042"_s);
        QCOMPARE(onHandAt(m_from), fromBefore - 3);
        QCOMPARE(onHandAt(to), toBefore + 3);
    }

    void refusesTheSameLocationTwice()
    {
        TransferStockDialog dialog(store(), m_variant, m_from);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
        dialog.toCombo()->setCurrentIndex(dialog.toCombo()->findData(m_from));
        const qint64 before = onHandAt(m_from);
        dialog.okButton()->click();
        QVERIFY(dialog.isVisible());
        QVERIFY2(dialog.errorText().startsWith(u"To:"_s), qPrintable(dialog.errorText()));
        QVERIFY(dialog.toCombo()->hasFocus());
        QCOMPARE(onHandAt(m_from), before);
        QVERIFY(!dialog.queuedEdit().has_value());
    }
};

QTEST_MAIN(tst_TransferStockDialog)
#include "tst_transferstockdialog.moc"
