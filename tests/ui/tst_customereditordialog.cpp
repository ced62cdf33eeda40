#include "customers/customereditordialog.h"
#include "demoshop.h"
#include "storage/customerrepository.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QTest>

using namespace sk;
using namespace Qt::StringLiterals;

class tst_CustomerEditorDialog : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::TempStore> m_shop;
    ShopStore &store() { return *m_shop->store; }

    std::optional<Customer> read(const QString &id)
    {
        auto db = store().openReader();
        if (!db.ok())
            return std::nullopt;
        return CustomerRepository(**db).customer(id).valueOr(std::nullopt);
    }

    static void typeCell(QTableWidget *table, int row, int column, const QString &text)
    {
        table->setCurrentCell(row, column);
        QTest::keyClick(table, Qt::Key_F2);
        QWidget *editor = QApplication::focusWidget();
        QTest::keyClicks(editor, text);
        QTest::keyClick(editor, Qt::Key_Return);
        QTRY_COMPARE(table->item(row, column)->text(), text); // the delegate commits on its next turn
    }

    // Replaces a cell's text as a user does: edit, select all, type.
    static void replaceCell(QTableWidget *table, int row, int column, const QString &text)
    {
        table->setCurrentCell(row, column);
        QTest::keyClick(table, Qt::Key_F2);
        QWidget *editor = QApplication::focusWidget();
        QTest::keyClick(editor, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(editor, text);
        QTest::keyClick(editor, Qt::Key_Return);
        QTRY_COMPARE(table->item(row, column)->text(), text);
    }

private slots:
    void initTestCase()
    {
        m_shop = test::makeDemoShop();
        QVERIFY(m_shop);
    }

    void createsACustomerWithAnAddress()
    {
        CustomerEditorDialog dialog(store());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
        QVERIFY(!dialog.isEditing());
        QVERIFY(dialog.firstNameEdit()->hasFocus());
        QTest::keyClicks(dialog.firstNameEdit(), u"Zoe"_s); // QTest types ASCII only
        QTest::keyClick(dialog.firstNameEdit(), Qt::Key_Tab);
        QTest::keyClicks(QApplication::focusWidget(), u"Marchand"_s);
        QTest::keyClicks(dialog.emailEdit(), u"zoe.marchand@example.fr"_s);
        QTest::keyClicks(dialog.phoneEdit(), u"+33 6 12 34 56 78"_s);
        QTest::keyClicks(dialog.tagsEdit(), u"vip ,  wholesale"_s);
        QTest::keyClicks(dialog.noteEdit(), u"Calls before noon."_s);
        QCOMPARE(dialog.addressTable()->rowCount(), 1); // one empty address to fill in
        typeCell(dialog.addressTable(), 0, CustomerEditorDialog::Line1Column, u"12 rue des Lilas"_s);
        typeCell(dialog.addressTable(), 0, CustomerEditorDialog::CityColumn, u"Lyon"_s);
        typeCell(dialog.addressTable(), 0, CustomerEditorDialog::PostalCodeColumn, u"69003"_s);
        typeCell(dialog.addressTable(), 0, CustomerEditorDialog::CountryColumn, u"fr"_s);
        dialog.okButton()->click();

        QVERIFY2(dialog.queuedEdit().has_value(), qPrintable(dialog.errorText()));
        QCOMPARE(dialog.queuedEdit()->name, u"customer.create"_s);
        const auto saved = read(dialog.customerId());
        QVERIFY(saved);
        QCOMPARE(saved->firstName, u"Zoe"_s);
        QCOMPARE(saved->lastName, u"Marchand"_s);
        QCOMPARE(saved->email, u"zoe.marchand@example.fr"_s);
        QCOMPARE(saved->phone, u"+33 6 12 34 56 78"_s);
        QCOMPARE(saved->tags, u"vip, wholesale"_s);
        QCOMPARE(saved->note, u"Calls before noon."_s);
        QCOMPARE(saved->addresses.size(), 1);
        QCOMPARE(saved->addresses.first().city, u"Lyon"_s);
        QCOMPARE(saved->addresses.first().countryCode, u"FR"_s);
        QVERIFY(saved->addresses.first().isDefault);
    }

    void editsOnlyTheChangedFields()
    {
        const QString id = test::sqlText(store(), "SELECT id FROM customers WHERE email IS NOT NULL ORDER BY rid LIMIT 1");
        const auto before = read(id);
        CustomerEditorDialog dialog(store(), id);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
        QVERIFY(dialog.isEditing());
        QCOMPARE(dialog.emailEdit()->text(), before->email);
        dialog.lastNameEdit()->selectAll();
        QTest::keyClicks(dialog.lastNameEdit(), u"Delacroix"_s);
        dialog.phoneEdit()->clear();
        QTest::keyClick(dialog.lastNameEdit(), Qt::Key_Return);

        QVERIFY2(dialog.queuedEdit().has_value(), qPrintable(dialog.errorText()));
        QCOMPARE(dialog.queuedEdit()->name, u"customer.patch"_s);
        const QJsonObject fields = QJsonDocument::fromJson(dialog.queuedEdit()->args).object().value(u"fields").toObject();
        QCOMPARE(fields.value(u"last_name").toString(), u"Delacroix"_s);
        QCOMPARE(fields.contains(u"email"), false);
        QCOMPARE(fields.contains(u"first_name"), false);
        QCOMPARE(fields.contains(u"addresses"), false); // untouched: not sent
        const auto after = read(id);
        QCOMPARE(after->lastName, u"Delacroix"_s);
        QCOMPARE(after->firstName, before->firstName);
        QCOMPARE(after->email, before->email);
        if (!before->phone.isEmpty()) {
            QVERIFY(fields.value(u"phone").isNull());
            QVERIFY(after->phone.isEmpty());
        }
    }

    void editsAddRemoveAndKeepTheAddresses()
    {
        const QString id = test::sqlText(store(), "SELECT customer_id FROM customer_addresses GROUP BY customer_id "
                                                  "HAVING count(*) = 1 ORDER BY min(rid) LIMIT 1");
        QVERIFY(!id.isEmpty());
        const Customer before = *read(id);
        const QString homeId = before.addresses.first().id;
        {
            CustomerEditorDialog dialog(store(), id);
            dialog.show();
            QVERIFY(QTest::qWaitForWindowActive(&dialog));
            QTableWidget *table = dialog.addressTable();
            QCOMPARE(table->rowCount(), 1);
            QCOMPARE(table->item(0, CustomerEditorDialog::CityColumn)->text(), before.addresses.first().city);
            QVERIFY(dialog.addAddressButton()->isVisible() && dialog.addAddressButton()->isEnabled());
            // The existing address moves; a second one is added.
            replaceCell(table, 0, CustomerEditorDialog::Line1Column, u"3 quai Saint-Antoine"_s);
            replaceCell(table, 0, CustomerEditorDialog::CityColumn, u"Annecy"_s);
            QTest::mouseClick(dialog.addAddressButton(), Qt::LeftButton);
            QCOMPARE(table->rowCount(), 2);
            QCOMPARE(table->currentRow(), 1);
            typeCell(table, 1, CustomerEditorDialog::CompanyColumn, u"Atelier Delorme"_s);
            typeCell(table, 1, CustomerEditorDialog::Line1Column, u"8 rue Royale"_s);
            typeCell(table, 1, CustomerEditorDialog::CityColumn, u"Geneve"_s);
            typeCell(table, 1, CustomerEditorDialog::CountryColumn, u"ch"_s);
            dialog.okButton()->click();

            QVERIFY2(dialog.queuedEdit().has_value(), qPrintable(dialog.errorText()));
            QCOMPARE(dialog.queuedEdit()->name, u"customer.patch"_s);
            const QJsonObject fields =
                QJsonDocument::fromJson(dialog.queuedEdit()->args).object().value(u"fields").toObject();
            QCOMPARE(fields.keys(), QStringList{u"addresses"_s}); // only what changed
            QCOMPARE(fields.value(u"addresses").toArray().size(), 2);
        }
        Customer after = *read(id);
        QCOMPARE(after.addresses.size(), 2);
        QCOMPARE(after.addresses.at(0).id, homeId); // the same address, edited
        QCOMPARE(after.addresses.at(0).line1, u"3 quai Saint-Antoine"_s);
        QCOMPARE(after.addresses.at(0).city, u"Annecy"_s);
        QCOMPARE(after.addresses.at(0).postalCode, before.addresses.first().postalCode);
        QVERIFY(after.addresses.at(0).isDefault);
        QCOMPARE(after.addresses.at(1).company, u"Atelier Delorme"_s);
        QCOMPARE(after.addresses.at(1).countryCode, u"CH"_s);
        QVERIFY(!after.addresses.at(1).isDefault);
        const QString atelierId = after.addresses.at(1).id;
        QVERIFY(!atelierId.isEmpty() && atelierId != homeId);
        QCOMPARE(after.firstName, before.firstName);

        // Removing the first address makes the other one the default.
        {
            CustomerEditorDialog dialog(store(), id);
            dialog.show();
            QVERIFY(QTest::qWaitForWindowActive(&dialog));
            QCOMPARE(dialog.addressTable()->rowCount(), 2);
            dialog.addressTable()->setCurrentCell(0, CustomerEditorDialog::CityColumn);
            QTest::mouseClick(dialog.removeAddressButton(), Qt::LeftButton);
            QCOMPARE(dialog.addressTable()->rowCount(), 1);
            dialog.okButton()->click();
            QVERIFY2(dialog.queuedEdit().has_value(), qPrintable(dialog.errorText()));
        }
        after = *read(id);
        QCOMPARE(after.addresses.size(), 1);
        QCOMPARE(after.addresses.first().id, atelierId);
        QVERIFY(after.addresses.first().isDefault);
        QCOMPARE(test::sqlInt(store(), "SELECT count(*) FROM customer_addresses WHERE id = '" + homeId.toUtf8() + "'"), 0);
    }

    void aBadAddressIsNamedInItsOwnRow()
    {
        const QString id = test::sqlText(store(), "SELECT customer_id FROM customer_addresses ORDER BY rid DESC LIMIT 1");
        const qint64 queued = test::sqlInt(store(), "SELECT count(*) FROM outbox");
        CustomerEditorDialog dialog(store(), id);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
        QTableWidget *table = dialog.addressTable();
        const int rows = table->rowCount();
        dialog.addAddress(); // left blank: skipped, so the bad address is the next one sent
        dialog.addAddress();
        typeCell(table, rows + 1, CustomerEditorDialog::CityColumn, u"Bern"_s);
        typeCell(table, rows + 1, CustomerEditorDialog::CountryColumn, u"Suisse"_s);
        dialog.okButton()->click();
        QVERIFY(dialog.isVisible());
        QVERIFY2(dialog.errorText().contains(u"Address %1,"_s.arg(rows + 2)) && dialog.errorText().contains(u"SUISSE"_s),
                 qPrintable(dialog.errorText()));
        QCOMPARE(table->currentRow(), rows + 1);
        QCOMPARE(table->currentColumn(), int(CustomerEditorDialog::CountryColumn));
        QVERIFY(!dialog.queuedEdit());
        QCOMPARE(test::sqlInt(store(), "SELECT count(*) FROM outbox"), queued);
    }

    void savingNothingChangedQueuesNothing()
    {
        const QString id = test::sqlText(store(), "SELECT id FROM customers ORDER BY rid LIMIT 1 OFFSET 3");
        const qint64 queued = test::sqlInt(store(), "SELECT count(*) FROM outbox");
        CustomerEditorDialog dialog(store(), id);
        dialog.okButton()->click();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QVERIFY(!dialog.queuedEdit());
        QCOMPARE(test::sqlInt(store(), "SELECT count(*) FROM outbox"), queued);
    }

    void namesTheFieldOfEachProblem()
    {
        CustomerEditorDialog dialog(store());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
        dialog.okButton()->click(); // empty
        QVERIFY(dialog.isVisible());
        QVERIFY2(dialog.errorText().startsWith(u"Name:"_s), qPrintable(dialog.errorText()));
        QVERIFY(dialog.firstNameEdit()->hasFocus());

        QTest::keyClicks(dialog.firstNameEdit(), u"Ann"_s);
        QTest::keyClicks(dialog.emailEdit(), u"ann-at-example"_s);
        dialog.okButton()->click();
        QVERIFY2(dialog.errorText().startsWith(u"Email:"_s), qPrintable(dialog.errorText()));
        QVERIFY(dialog.errorText().contains(u"ann-at-example"_s));
        QVERIFY(dialog.emailEdit()->hasFocus());

        dialog.emailEdit()->clear();
        typeCell(dialog.addressTable(), 0, CustomerEditorDialog::CountryColumn, u"France"_s);
        dialog.okButton()->click();
        QVERIFY2(dialog.errorText().contains(u"Country"_s) && dialog.errorText().contains(u"France"_s, Qt::CaseInsensitive),
                 qPrintable(dialog.errorText()));
        QCOMPARE(dialog.addressTable()->currentColumn(), int(CustomerEditorDialog::CountryColumn));

        // A taken email: the store refuses it, and the dialog says which.
        const QString taken = test::sqlText(store(), "SELECT email FROM customers WHERE email IS NOT NULL LIMIT 1");
        dialog.addressTable()->item(0, CustomerEditorDialog::CountryColumn)->setText(u"FR"_s);
        dialog.emailEdit()->setText(taken);
        dialog.okButton()->click();
        QVERIFY(dialog.isVisible());
        QVERIFY2(dialog.errorText().contains(taken), qPrintable(dialog.errorText()));
        QVERIFY(dialog.emailEdit()->hasFocus());
        QVERIFY(!dialog.queuedEdit());
    }
};

QTEST_MAIN(tst_CustomerEditorDialog)
#include "tst_customereditordialog.moc"
