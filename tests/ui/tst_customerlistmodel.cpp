#include "customers/customerlistmodel.h"
#include "demoshop.h"
#include "local/shopeditor.h"
#include "money/currency.h"
#include "money/money.h"

#include <QAbstractItemModelTester>
#include <QFont>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

using namespace sk;
using namespace Qt::StringLiterals;

class tst_CustomerListModel : public QObject
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

    void passesTheModelTester()
    {
        CustomerListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        SK_VERIFY_OK(model.open(store()));
        QVERIFY(test::waitForRows(model));
        QVERIFY(model.rowCount() > 500);
        model.sort(CustomerListModel::CreatedColumn, Qt::DescendingOrder);
        QVERIFY(test::waitForRows(model));
        model.setSearchText(u"ma"_s);
        QVERIFY(test::waitForRows(model));
        QVERIFY(model.rowCount() > 0);
        model.setSearchText({});
        QVERIFY(test::waitForRows(model));
        // Changes faster than the reads: only the last one is shown.
        QSignalSpy loaded(&model, &StoreListModel::loaded);
        model.setSearchText(u"ma"_s);
        model.sort(CustomerListModel::NameColumn, Qt::AscendingOrder);
        model.setSearchText({});
        QVERIFY(model.isLoading());
        QVERIFY(test::waitForRows(model));
        QCOMPARE(loaded.size(), 1);
        QCOMPARE(model.rowCount(), test::sqlInt(store(), "SELECT count(*) FROM customers"));
        model.close();
    }

    void sortsByNameAndCreatedLikeSql()
    {
        CustomerListModel model;
        SK_VERIFY_OK(model.open(store()));
        QVERIFY(test::waitForRows(model));
        QCOMPARE(model.rowCount(), test::sqlInt(store(), "SELECT count(*) FROM customers"));
        QCOMPARE(test::modelColumn(model, 0, CustomerListModel::IdRole),
                 test::sqlColumn(store(), "SELECT id FROM customers ORDER BY last_name COLLATE NOCASE, "
                                          "first_name COLLATE NOCASE, rid"));
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.sort(CustomerListModel::CreatedColumn, Qt::DescendingOrder);
        QVERIFY(test::waitForRows(model));
        QCOMPARE(reset.size(), 1);
        QCOMPARE(test::modelColumn(model, 0, CustomerListModel::IdRole),
                 test::sqlColumn(store(), "SELECT id FROM customers ORDER BY created_at DESC, rid DESC"));
        model.sort(CustomerListModel::TotalSpentColumn); // no index: ignored
        QVERIFY(!model.isLoading());
        QCOMPARE(reset.size(), 1);
        QCOMPARE(model.sortColumn(), int(CustomerListModel::CreatedColumn));

        const QString plan = test::queryPlan(store(), CustomerListModel::keysSql(false, false, CustomerListModel::NameColumn,
                                                                                 SortOrder::Ascending));
        QVERIFY2(plan.contains(u"customers_name"_s) && !plan.contains(u"TEMP B-TREE"_s), qPrintable(plan));
    }

    void showsOrdersAndSpendingComputedFromOrders()
    {
        CustomerListModel model;
        SK_VERIFY_OK(model.open(store()));
        QVERIFY(test::waitForRows(model));
        // The customer with the most orders, wherever the name sort puts them.
        const QString id = test::sqlText(store(), "SELECT customer_id FROM orders WHERE customer_id IS NOT NULL "
                                                  "AND status NOT IN ('cancelled', 'failed') GROUP BY customer_id "
                                                  "ORDER BY count(*) DESC LIMIT 1");
        const int row = model.rowOfId(id);
        QVERIFY(row >= 0);
        const QByteArray counted = " FROM orders WHERE customer_id = '" + id.toUtf8()
                                   + "' AND status NOT IN ('cancelled', 'failed')";
        const qint64 orders = test::sqlInt(store(), "SELECT count(*)" + counted);
        const qint64 spent = test::sqlInt(store(), "SELECT sum(total - refunded_total)" + counted);
        QVERIFY(orders > 1);
        const auto customer = model.customerAt(row);
        QCOMPARE(customer->ordersCount, orders);
        QCOMPARE(customer->totalSpent, spent);
        const QLocale fr(u"fr_FR"_s);
        QCOMPARE(model.data(model.index(row, CustomerListModel::OrdersColumn)).toString(), fr.toString(orders));
        QCOMPARE(model.data(model.index(row, CustomerListModel::TotalSpentColumn)).toString(),
                 Money(spent, Currency::fromCode(u"EUR").value()).format(fr));
        QCOMPARE(model.data(model.index(row, CustomerListModel::EmailColumn)).toString(),
                 test::sqlText(store(), "SELECT coalesce(email, '') FROM customers WHERE id = '" + id.toUtf8() + "'"));
    }

    void searchesNameEmailAndPhone()
    {
        CustomerListModel model;
        SK_VERIFY_OK(model.open(store()));
        QVERIFY(test::waitForRows(model));
        const QString email = test::sqlText(store(), "SELECT email FROM customers WHERE email IS NOT NULL AND last_name GLOB '[A-Za-z]*' "
                                                     "AND last_name NOT GLOB '*[^A-Za-z]*' ORDER BY rid LIMIT 1 OFFSET 42");
        const QString id = test::sqlText(store(), "SELECT id FROM customers WHERE email = '" + email.toUtf8() + "'");
        model.setSearchText(email);
        QVERIFY(test::waitForRows(model));
        QVERIFY(model.rowCount() >= 1);
        QVERIFY(test::modelColumn(model, 0, CustomerListModel::IdRole).contains(id));

        const QString last = test::sqlText(store(), "SELECT last_name FROM customers WHERE id = '" + id.toUtf8() + "'");
        model.setSearchText(last);
        QVERIFY(test::waitForRows(model));
        QVERIFY(model.rowOfId(id) >= 0);
        QCOMPARE(model.rowCount(), test::sqlInt(store(), "SELECT count(*) FROM customer_search WHERE customer_search "
                                                         "MATCH '\"" + last.toUtf8() + "\"*'"));
        model.setSearchText(u"qqqqzzzz"_s);
        QVERIFY(test::waitForRows(model));
        QCOMPARE(model.rowCount(), 0);
    }

    void filtersByOneTagThroughItsIndex()
    {
        CustomerListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        SK_VERIFY_OK(model.open(store()));
        QVERIFY(test::waitForRows(model));
        const qint64 everyone = model.rowCount();
        // The reference reads every customer's tags text, as the index must not.
        const QByteArray newsletter = "instr(',' || lower(replace(tags, ' ', '')) || ',', ',newsletter,') > 0";
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.setTagFilter(u" Newsletter "_s);
        QVERIFY(test::waitForRows(model));
        QCOMPARE(reset.size(), 1);
        QCOMPARE(model.tagFilter(), u"Newsletter"_s);
        const QStringList ids = test::modelColumn(model, 0, CustomerListModel::IdRole);
        QVERIFY(ids.size() > 10 && ids.size() < everyone);
        QCOMPARE(ids, test::sqlColumn(store(), "SELECT id FROM customers WHERE " + newsletter
                                                   + " ORDER BY last_name COLLATE NOCASE, first_name COLLATE NOCASE, rid"));
        model.sort(CustomerListModel::CreatedColumn, Qt::DescendingOrder);
        QVERIFY(test::waitForRows(model));
        QCOMPARE(test::modelColumn(model, 0, CustomerListModel::IdRole),
                 test::sqlColumn(store(), "SELECT id FROM customers WHERE " + newsletter + " ORDER BY created_at DESC, rid DESC"));
        model.sort(CustomerListModel::NameColumn, Qt::AscendingOrder);
        QVERIFY(test::waitForRows(model));

        // With a search: the customers that match both.
        const QString last = test::sqlText(store(), "SELECT last_name FROM customers WHERE " + newsletter
                                                         + " AND last_name GLOB '[A-Z][a-z]*' AND last_name NOT GLOB '*[^A-Za-z]*' "
                                                           "ORDER BY rid LIMIT 1");
        model.setSearchText(last);
        QVERIFY(test::waitForRows(model));
        QVERIFY(model.rowCount() >= 1);
        for (int row = 0; row < model.rowCount(); ++row)
            QVERIFY2(model.customerAt(row)->tags.contains(u"newsletter"_s, Qt::CaseInsensitive), qPrintable(model.customerAt(row)->tags));
        model.setTagFilter(u"qqqq-no-such-tag"_s);
        QVERIFY(test::waitForRows(model));
        QCOMPARE(model.rowCount(), 0);
        model.setSearchText({});
        QVERIFY(test::waitForRows(model));
        QCOMPARE(model.rowCount(), 0);

        // A tag given in an edit is found at the next reload, in any case.
        const QString id = test::sqlText(store(), "SELECT id FROM customers WHERE tags = '' ORDER BY rid LIMIT 1");
        SK_VERIFY_OK(ShopEditor(store()).patchCustomer(id, QJsonObject{{u"tags"_s, u"Trade Fair 2025, vip"_s}}));
        model.setTagFilter(u"trade fair 2025"_s);
        QVERIFY(test::waitForRows(model));
        QCOMPARE(test::modelColumn(model, 0, CustomerListModel::IdRole), QStringList{id});
        QVERIFY(model.tags().value().contains(u"trade fair 2025"_s));
        model.setTagFilter({});
        QVERIFY(test::waitForRows(model));
        QCOMPARE(model.rowCount(), everyone);

        // Both filters off at once: one read, one reset.
        model.setTagFilter(u"newsletter"_s);
        model.setSearchText(last);
        QVERIFY(test::waitForRows(model));
        QVERIFY(model.rowCount() < everyone);
        QSignalSpy cleared(&model, &StoreListModel::loaded);
        QSignalSpy clearedReset(&model, &QAbstractItemModel::modelReset);
        model.clearFilters();
        QVERIFY(model.searchText().isEmpty() && model.tagFilter().isEmpty());
        QVERIFY(test::waitForRows(model));
        QCOMPARE(model.rowCount(), everyone);
        QCOMPARE(cleared.size(), 1);
        QCOMPARE(clearedReset.size(), 1);

        // The tagged rids come from the tag's range of customer_tags, never a scan of customers.
        for (bool search : {false, true}) {
            for (int column : {int(CustomerListModel::NameColumn), int(CustomerListModel::CreatedColumn)}) {
                const QString plan = test::queryPlan(store(), CustomerListModel::keysSql(search, true, column,
                                                                                         SortOrder::Ascending));
                static const QRegularExpression fullScan(u"^SCAN (c|t)( |$)"_s, QRegularExpression::MultilineOption);
                QVERIFY2(!plan.contains(fullScan), qPrintable(plan));
                QVERIFY2(plan.contains(u"t USING PRIMARY KEY"_s) || plan.contains(u"t USING COVERING"_s), qPrintable(plan));
            }
        }
    }

    void marksCustomersWithUnsyncedEdits()
    {
        CustomerListModel model;
        SK_VERIFY_OK(model.open(store()));
        QVERIFY(test::waitForRows(model));
        const QString id = model.idAt(5);
        QCOMPARE(model.data(model.index(5, 0), CustomerListModel::UnsyncedRole).toBool(), false);
        SK_VERIFY_OK(ShopEditor(store()).patchCustomer(id, QJsonObject{{u"note"_s, u"Prefers pickup"_s}}));
        SK_VERIFY_OK(model.reload());
        QVERIFY(test::waitForRows(model));
        const int row = model.rowOfId(id);
        QCOMPARE(model.data(model.index(row, 0), CustomerListModel::UnsyncedRole).toBool(), true);
        QVERIFY(model.data(model.index(row, 0), Qt::FontRole).value<QFont>().italic());
        QVERIFY(model.data(model.index(row, 0), Qt::ToolTipRole).toString().contains(u"Not synced yet"_s));
        QCOMPARE(model.data(model.index(row == 0 ? 1 : 0, 0), CustomerListModel::UnsyncedRole).toBool(), false);
    }

    void readsOnlyThePagesItShows()
    {
        CustomerListModel model;
        SK_VERIFY_OK(model.open(store()));
        QVERIFY(test::waitForRows(model));
        QCOMPARE(model.pageFetchCount(), 0);
        QVERIFY(!model.data(model.index(0, 0)).toString().isEmpty());
        QVERIFY(!model.data(model.index(WindowedRows<CustomerRow>::PageSize - 1, 0)).toString().isEmpty());
        QCOMPARE(model.pageFetchCount(), 1);
        QVERIFY(!model.data(model.index(model.rowCount() - 1, 0)).toString().isEmpty());
        QCOMPARE(model.pageFetchCount(), 2);
    }
};

QTEST_MAIN(tst_CustomerListModel)
#include "tst_customerlistmodel.moc"
