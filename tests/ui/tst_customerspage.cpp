#include "common/searchfield.h"
#include "customers/customerdetailview.h"
#include "customers/customereditordialog.h"
#include "customers/customerlistmodel.h"
#include "customers/customerspage.h"
#include "demoshop.h"

#include <QAction>
#include <QCompleter>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSet>
#include <QStringListModel>
#include <QTableView>
#include <QTest>
#include <QTreeWidget>

using namespace sk;
using namespace Qt::StringLiterals;

class tst_CustomersPage : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::TempStore> m_shop;
    ShopStore &store() { return *m_shop->store; }

private slots:
    void initTestCase()
    {
        m_shop = test::makeDemoShop();
        QVERIFY(m_shop);
    }

    void listsCustomersAndShowsTheSelectedOne()
    {
        CustomersPage page;
        page.setShop(&store(), u"staff"_s);
        QVERIFY(!page.model()->isOpen()); // read when first shown, not at start-up
        QVERIFY(test::showActive(page));
        QVERIFY(test::waitForRows(*page.model()));
        QCOMPARE(page.model()->rowCount(), test::sqlInt(store(), "SELECT count(*) FROM customers"));
        page.table()->setFocus();
        QTest::keyClick(page.table(), Qt::Key_Down);
        QTest::keyClick(page.table(), Qt::Key_Down);
        const QString id = page.model()->idAt(page.table()->currentIndex().row());
        QCOMPARE(page.detailView()->customerId(), id);
        QVERIFY(page.editAction()->isEnabled());
        QVERIFY(test::looksPainted(page.grab().toImage()));
    }

    void createsAndEditsACustomerWithTheKeyboard()
    {
        CustomersPage page;
        page.setShop(&store(), u"owner"_s);
        QVERIFY(test::showActive(page));
        QVERIFY(test::waitForRows(*page.model()));
        QSignalSpy edited(&page, &CustomersPage::edited);

        QTest::keyClick(page.table(), Qt::Key_N, Qt::ControlModifier);
        auto *create = page.findChild<CustomerEditorDialog *>();
        QVERIFY(create);
        QVERIFY(QTest::qWaitForWindowActive(create));
        QTest::keyClicks(create->firstNameEdit(), u"Ines"_s);
        QTest::keyClicks(create->lastNameEdit(), u"Aubert"_s);
        QTest::keyClicks(create->emailEdit(), u"ines.aubert@example.fr"_s);
        QTest::keyClick(create->emailEdit(), Qt::Key_Return);
        QCOMPARE(edited.size(), 1);
        QVERIFY(test::waitForRows(*page.model()));
        const QString id = test::sqlText(store(), "SELECT id FROM customers WHERE email = 'ines.aubert@example.fr'");
        QVERIFY(!id.isEmpty());
        QCOMPARE(page.detailView()->customerId(), id); // the new customer is selected and shown
        QCOMPARE(page.detailView()->nameLabel()->text(), u"Ines Aubert"_s);
        QVERIFY(page.model()->data(page.table()->currentIndex(), CustomerListModel::UnsyncedRole).toBool());
        QVERIFY(page.messageText().contains(u"created"_s));
        QTRY_VERIFY(!page.findChild<CustomerEditorDialog *>());

        page.activateWindow(); // the closed dialog gives the focus back
        QVERIFY(QTest::qWaitForWindowActive(&page));
        QTest::keyClick(page.table(), Qt::Key_E, Qt::ControlModifier);
        auto *edit = page.findChild<CustomerEditorDialog *>();
        QVERIFY(edit);
        QVERIFY(edit->isEditing());
        QVERIFY(QTest::qWaitForWindowActive(edit));
        QTest::keyClicks(edit->tagsEdit(), u"vip"_s);
        QTest::keyClick(edit->tagsEdit(), Qt::Key_Return);
        QCOMPARE(edited.size(), 2);
        QVERIFY(test::waitForRows(*page.model()));
        QCOMPARE(page.detailView()->customerId(), id); // still selected
        QCOMPARE(test::sqlText(store(), "SELECT tags FROM customers WHERE id = '" + id.toUtf8() + "'"), u"vip"_s);
        QCOMPARE(page.detailView()->tagsLabel()->text(), u"vip"_s);
    }

    void filtersByTagAsTheUserTypesIt()
    {
        CustomersPage page;
        page.setShop(&store(), u"staff"_s);
        QVERIFY(test::showActive(page));
        QVERIFY(test::waitForRows(*page.model()));
        const int everyone = page.model()->rowCount();
        const qint64 vips = test::sqlInt(store(), "SELECT count(*) FROM customers "
                                                  "WHERE instr(',' || lower(replace(tags, ' ', '')) || ',', ',vip,') > 0");
        QVERIFY(vips > 0 && vips < everyone);

        // The shop's tags are offered as the user types.
        QCompleter *completer = page.tagFilter()->completer();
        QVERIFY(completer);
        auto *choices = qobject_cast<QStringListModel *>(completer->model());
        QVERIFY(choices);
        const QStringList offered = choices->stringList();
        QVERIFY2(offered.contains(u"vip"_s) && offered.contains(u"newsletter"_s), qPrintable(offered.join(u", "_s)));

        // Alt+A goes to the filter (its label's mnemonic); Enter applies it, whatever its case.
        page.table()->setFocus();
        QTest::keyClick(page.table(), Qt::Key_A, Qt::AltModifier);
        QVERIFY(page.tagFilter()->hasFocus());
        QTest::keyClicks(page.tagFilter(), u"VIP"_s);
        QTest::keyClick(page.tagFilter(), Qt::Key_Return);
        QVERIFY(test::waitForRows(*page.model()));
        QCOMPARE(page.model()->rowCount(), int(vips));
        for (int row = 0; row < page.model()->rowCount(); ++row)
            QVERIFY(page.model()->customerAt(row)->tags.contains(u"vip"_s, Qt::CaseInsensitive));
        QVERIFY2(page.findChild<QLabel *>(u"customerSummary"_s)->text().contains(QString::number(vips)),
                 qPrintable(page.findChild<QLabel *>(u"customerSummary"_s)->text()));

        // Opening a customer the filter hides clears it; so does the field's clear button.
        const QString plain = test::sqlText(store(), "SELECT id FROM customers WHERE tags = '' ORDER BY rid LIMIT 1");
        QVERIFY(page.openRecord(plain));
        QVERIFY(test::waitForRows(*page.model()));
        QCOMPARE(page.detailView()->customerId(), plain);
        QVERIFY(page.tagFilter()->text().isEmpty());
        QCOMPARE(page.model()->rowCount(), everyone);
        QTest::keyClicks(page.tagFilter(), u"newsletter"_s);
        QTest::keyClick(page.tagFilter(), Qt::Key_Return);
        QVERIFY(test::waitForRows(*page.model()));
        QVERIFY(page.model()->rowCount() < everyone);
        page.tagFilter()->clear();
        QVERIFY(test::waitForRows(*page.model()));
        QCOMPARE(page.model()->rowCount(), everyone);
    }

    void opensARecordAndLinksToOrders()
    {
        CustomersPage page;
        page.setShop(&store(), u"owner"_s);
        const QString id = test::sqlText(store(), "SELECT customer_id FROM orders WHERE customer_id IS NOT NULL LIMIT 1");
        page.searchField()->setText(u"nobodyhere"_s);
        page.model()->setSearchText(u"nobodyhere"_s);
        QVERIFY(page.openRecord(id));
        QVERIFY(test::waitForRows(*page.model()));
        QCOMPARE(page.detailView()->customerId(), id);
        QVERIFY(page.searchField()->text().isEmpty()); // the search that hid it is gone
        QVERIFY(page.detailView()->orderList()->topLevelItemCount() > 0);
        QList<EntityRef> opened;
        connect(&page, &CustomersPage::openRecordRequested, this, [&](const EntityRef &r) { opened << r; });
        QTreeWidgetItem *newest = page.detailView()->orderList()->topLevelItem(0);
        emit page.detailView()->orderList()->itemActivated(newest, 0);
        QCOMPARE(opened.size(), 1);
        QCOMPARE(opened.first().type, u"order"_s);
        QCOMPARE(u"#"_s + test::sqlText(store(), "SELECT number FROM orders WHERE id = '" + opened.first().id.toUtf8() + "'"),
                 newest->text(0));
        QVERIFY(!page.openRecord(u"00000000-0000-7000-8000-000000000000"_s));
    }

    void warehouseUsersSeeNoCustomers()
    {
        CustomersPage page;
        page.setShop(&store(), u"warehouse"_s);
        QVERIFY(test::showActive(page));
        QCOMPARE(page.model()->rowCount(), 0);
        QVERIFY(page.accessDeniedText().contains(u"warehouse"_s));
        QVERIFY(!page.newAction()->isEnabled());
        QVERIFY(!page.openRecord(test::sqlText(store(), "SELECT id FROM customers LIMIT 1")));
        QVERIFY(test::looksPainted(page.grab().toImage()) || !page.accessDeniedText().isEmpty());

        page.setShop(nullptr, {});
        QCOMPARE(page.model()->rowCount(), 0);
        QVERIFY(!page.newAction()->isEnabled());
    }
};

QTEST_MAIN(tst_CustomersPage)
#include "tst_customerspage.moc"
