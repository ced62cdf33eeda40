// ShopPickerDialog over the shop list the REAL storekeep-server gives a user who works in two shops
// (/v1/me through AuthSession): roles shown, the second shop picked with the keyboard alone,
// filtering by typing, and no dialog at all for a single shop.

#include "../server/synctestsupport.h"
#include "auth/secretstore.h"
#include "auth/shoppickerdialog.h"
#include "testsupport.h"

#include <QApplication>
#include <QDir>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSet>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

using namespace sk;
using namespace Qt::StringLiterals;

class tst_ShopPickerDialog : public QObject
{
    Q_OBJECT

private:
    sk::test::SyncTestWorld m_world;
    QList<ShopMembership> m_twoShops; // as the server lists them for the user
    QList<ShopMembership> m_oneShop;

    QList<ShopMembership> shopsOf(const QString &email)
    {
        MemorySecretStore secrets;
        AuthSession auth(secrets);
        auto login = auth.login(m_world.server.baseUrl(), email, QString::fromLatin1(sk::test::SyncTestWorld::Password));
        if (!login.ok()) {
            qWarning().noquote() << login.error().toString();
            return {};
        }
        auto me = auth.fetchMe();
        return me.ok() ? me->shops : QList<ShopMembership>{};
    }

    static QStringList visibleNames(QTreeWidget *list)
    {
        QStringList names;
        for (int i = 0; i < list->topLevelItemCount(); ++i) {
            if (!list->topLevelItem(i)->isHidden())
                names << list->topLevelItem(i)->text(0);
        }
        return names;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_world.start(), qPrintable(m_world.error));
        const QString bakery = m_world.createShop(u"Bakery Lane"_s, u"EUR"_s, u"allow"_s);
        const QString hardware = m_world.createShop(u"Hardware Hub"_s, u"USD"_s, u"allow"_s);
        QVERIFY2(!bakery.isEmpty() && !hardware.isEmpty(), qPrintable(m_world.error));
        QVERIFY(m_world.createUser(u"dana@picker.test"_s, u"Dana"_s));
        QVERIFY(m_world.addMember(bakery, u"dana@picker.test"_s, u"owner"_s));
        QVERIFY(m_world.addMember(hardware, u"dana@picker.test"_s, u"warehouse"_s));
        QVERIFY(m_world.createUser(u"eli@picker.test"_s, u"Eli"_s));
        QVERIFY(m_world.addMember(hardware, u"eli@picker.test"_s, u"staff"_s));
        QVERIFY2(m_world.error.isEmpty(), qPrintable(m_world.error));

        m_twoShops = shopsOf(u"dana@picker.test"_s);
        QCOMPARE(m_twoShops.size(), 2);
        m_oneShop = shopsOf(u"eli@picker.test"_s);
        QCOMPARE(m_oneShop.size(), 1);
    }

    void listsTheShopsWithTheirRoles()
    {
        ShopPickerDialog dialog(m_twoShops);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *list = dialog.findChild<QTreeWidget *>(u"shopList"_s);
        QVERIFY(list);
        QCOMPARE(list->topLevelItemCount(), 2);
        QCOMPARE(visibleNames(list), (QStringList{u"Bakery Lane"_s, u"Hardware Hub"_s}));
        QCOMPARE(list->topLevelItem(0)->text(1), u"Owner"_s);
        QCOMPARE(list->topLevelItem(1)->text(1), u"Warehouse"_s);
        QCOMPARE(list->topLevelItem(1)->text(2), u"USD"_s);
        // Typing goes straight to the filter.
        QCOMPARE(dialog.focusWidget(), dialog.findChild<QLineEdit *>(u"shopFilter"_s));
        QCOMPARE(dialog.selectedShop()->name, u"Bakery Lane"_s);

        const QString dir = sk::test::binaryDir() + u"/screenshots"_s;
        QVERIFY(QDir().mkpath(dir));
        const QImage image = dialog.grab().toImage().convertToFormat(QImage::Format_RGB32);
        QVERIFY(image.save(dir + u"/shoppicker.png"_s));
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); ++y) {
            const auto *line = reinterpret_cast<const QRgb *>(image.constScanLine(y));
            for (int x = 0; x < image.width(); ++x)
                colours.insert(line[x]);
        }
        QVERIFY2(colours.size() > 20, qPrintable(u"only %1 distinct colours"_s.arg(colours.size())));
    }

    void downThenEnterPicksTheSecondShop()
    {
        ShopPickerDialog dialog(m_twoShops);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *filter = dialog.findChild<QLineEdit *>(u"shopFilter"_s);
        // Arrow keys in the filter move through the list; Enter opens the highlighted shop.
        QTest::keyClick(filter, Qt::Key_Down);
        QTest::keyClick(filter, Qt::Key_Return);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QVERIFY(dialog.selectedShop());
        QCOMPARE(dialog.selectedShop()->name, u"Hardware Hub"_s);
        QCOMPARE(dialog.selectedShop()->role, u"warehouse"_s);
        bool fromServer = false;
        for (const ShopMembership &shop : std::as_const(m_twoShops))
            fromServer = fromServer || (shop.id == dialog.selectedShop()->id && shop.name == u"Hardware Hub"_s);
        QVERIFY(fromServer);
    }

    void typingFiltersAndEnterPicksTheMatch()
    {
        ShopPickerDialog dialog(m_twoShops);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *filter = dialog.findChild<QLineEdit *>(u"shopFilter"_s);
        auto *list = dialog.findChild<QTreeWidget *>(u"shopList"_s);
        QTest::keyClicks(filter, u"hard"_s);
        QCOMPARE(dialog.visibleCount(), 1);
        QCOMPARE(visibleNames(list), QStringList{u"Hardware Hub"_s});
        QCOMPARE(dialog.selectedShop()->name, u"Hardware Hub"_s);

        // By role too; nothing matching disables Open and says so.
        dialog.setFilterText(u"owner"_s);
        QCOMPARE(visibleNames(list), QStringList{u"Bakery Lane"_s});
        dialog.setFilterText(u"zzz"_s);
        QCOMPARE(dialog.visibleCount(), 0);
        QVERIFY(!dialog.selectedShop());
        QVERIFY(!dialog.findChild<QPushButton *>(u"openShopButton"_s)->isEnabled());
        QVERIFY(dialog.findChild<QLabel *>(u"noShopMatches"_s)->isVisible());
        QTest::keyClick(filter, Qt::Key_Return);
        QVERIFY(dialog.isVisible()); // nothing to open

        filter->clear();
        QTest::keyClicks(filter, u"bak"_s);
        QTest::keyClick(filter, Qt::Key_Return);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.selectedShop()->name, u"Bakery Lane"_s);
    }

    void currentShopIsMarkedAndHighlighted()
    {
        ShopPickerDialog dialog(m_twoShops);
        const ShopMembership hardware = m_twoShops.value(0).name == u"Hardware Hub"_s ? m_twoShops.value(0)
                                                                                       : m_twoShops.value(1);
        dialog.setCurrentShopId(hardware.id);
        QCOMPARE(dialog.selectedShop()->id, hardware.id);
        auto *list = dialog.findChild<QTreeWidget *>(u"shopList"_s);
        QVERIFY(visibleNames(list).contains(u"Hardware Hub (open now)"_s));

        // A refreshed list keeps what is highlighted.
        dialog.setShops(m_twoShops);
        QCOMPARE(dialog.selectedShop()->id, hardware.id);
    }

    void oneShopNeedsNoDialog()
    {
        bool dialogShown = false;
        QTimer guard; // would close a dialog that should not be there
        connect(&guard, &QTimer::timeout, this, [&dialogShown] {
            if (auto *modal = QApplication::activeModalWidget()) {
                dialogShown = true;
                modal->close();
            }
        });
        guard.start(50);
        const std::optional<ShopMembership> picked = ShopPickerDialog::pick(m_oneShop, QString());
        guard.stop();
        QVERIFY(!dialogShown);
        QVERIFY(picked);
        QCOMPARE(picked->name, u"Hardware Hub"_s);
        QCOMPARE(picked->role, u"staff"_s);
        QVERIFY(!ShopPickerDialog::pick({}, QString()));
    }

    void pickRunsTheDialogForTwoShops()
    {
        QTimer::singleShot(0, this, [] {
            auto *dialog = qobject_cast<ShopPickerDialog *>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            QTest::keyClick(dialog->findChild<QLineEdit *>(u"shopFilter"_s), Qt::Key_End);
            QTest::keyClick(dialog->findChild<QTreeWidget *>(u"shopList"_s), Qt::Key_End);
            QTest::keyClick(dialog->findChild<QTreeWidget *>(u"shopList"_s), Qt::Key_Return);
        });
        const std::optional<ShopMembership> picked = ShopPickerDialog::pick(m_twoShops, QString());
        QVERIFY(picked);
        QCOMPARE(picked->name, u"Hardware Hub"_s);
    }
};

QTEST_MAIN(tst_ShopPickerDialog)
#include "tst_shoppickerdialog.moc"
