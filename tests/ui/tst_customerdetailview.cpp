#include "customers/customerdetailview.h"
#include "demoshop.h"
#include "money/currency.h"
#include "money/money.h"

#include <QLabel>
#include <QSignalSpy>
#include <QTest>
#include <QTreeWidget>

using namespace sk;
using namespace Qt::StringLiterals;

class tst_CustomerDetailView : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::TempStore> m_shop;
    QString m_customer; // the one with the most orders
    ShopStore &store() { return *m_shop->store; }

    QString euros(qint64 minor) const
    {
        return Money(minor, Currency::fromCode(u"EUR").value()).format(QLocale(u"fr_FR"_s));
    }

private slots:
    void initTestCase()
    {
        m_shop = test::makeDemoShop();
        QVERIFY(m_shop);
        m_customer = test::sqlText(store(), "SELECT customer_id FROM orders WHERE customer_id IS NOT NULL "
                                            "GROUP BY customer_id ORDER BY count(*) DESC LIMIT 1");
    }

    void showsTotalsComputedFromTheOrders()
    {
        CustomerDetailView view;
        view.setShop(&store());
        QVERIFY(view.showCustomer(m_customer));
        const QByteArray counted = " FROM orders WHERE customer_id = '" + m_customer.toUtf8()
                                   + "' AND status NOT IN ('cancelled', 'failed')";
        const qint64 orders = test::sqlInt(store(), "SELECT count(*)" + counted);
        const qint64 spent = test::sqlInt(store(), "SELECT sum(total - refunded_total)" + counted);
        QVERIFY(orders > 1);
        QCOMPARE(view.stats().ordersCount, orders);
        QCOMPARE(view.stats().totalSpent, spent);
        QCOMPARE(view.stats().averageOrderValue, spent / orders);
        QCOMPARE(view.ordersCountLabel()->text(), QLocale(u"fr_FR"_s).toString(orders));
        QCOMPARE(view.totalSpentLabel()->text(), euros(spent));
        QCOMPARE(view.averageOrderLabel()->text(), euros(spent / orders));
    }

    void listsTheOrderHistoryNewestFirst()
    {
        CustomerDetailView view;
        view.setShop(&store());
        QVERIFY(view.showCustomer(m_customer));
        const QStringList numbers = test::sqlColumn(store(), "SELECT '#' || number FROM orders WHERE customer_id = '"
                                                                 + m_customer.toUtf8() + "' ORDER BY placed_at DESC, rid DESC");
        QCOMPARE(view.orderList()->topLevelItemCount(), numbers.size()); // every order, cancelled ones too
        for (int i = 0; i < numbers.size(); ++i)
            QCOMPARE(view.orderList()->topLevelItem(i)->text(0), numbers.at(i));

        QSignalSpy open(&view, &CustomerDetailView::openOrderRequested);
        view.orderList()->setCurrentItem(view.orderList()->topLevelItem(0));
        emit view.orderList()->itemActivated(view.orderList()->topLevelItem(0), 0);
        QCOMPARE(open.size(), 1);
        QCOMPARE(open.first().at(0).toString(),
                 test::sqlText(store(), "SELECT id FROM orders WHERE '#' || number = '" + numbers.first().toUtf8() + "'"));
    }

    void showsAddressesTagsAndNote()
    {
        const QString id = test::sqlText(store(), "SELECT customer_id FROM customer_addresses WHERE is_default = 1 "
                                                  "AND city <> '' LIMIT 1");
        const QString city = test::sqlText(store(), "SELECT city FROM customer_addresses WHERE customer_id = '"
                                                        + id.toUtf8() + "' AND is_default = 1");
        CustomerDetailView view;
        view.setShop(&store());
        QVERIFY(view.showCustomer(id));
        QVERIFY2(view.addressesLabel()->text().contains(city), qPrintable(view.addressesLabel()->text()));
        QVERIFY(view.addressesLabel()->text().startsWith(u"Default address"_s));
        const QString tags = test::sqlText(store(), "SELECT tags FROM customers WHERE id = '" + id.toUtf8() + "'");
        QCOMPARE(view.tagsLabel()->text(), tags.isEmpty() ? u"None"_s : tags);
        QCOMPARE(view.nameLabel()->text(), view.customer()->displayName());
    }

    void aCustomerWithoutOrdersHasNoAverage()
    {
        const QString id = test::sqlText(store(), "SELECT id FROM customers c WHERE NOT EXISTS "
                                                  "(SELECT 1 FROM orders o WHERE o.customer_id = c.id) LIMIT 1");
        QVERIFY(!id.isEmpty());
        CustomerDetailView view;
        view.setShop(&store());
        QVERIFY(view.showCustomer(id));
        QCOMPARE(view.stats().ordersCount, 0);
        QCOMPARE(view.totalSpentLabel()->text(), euros(0));
        QCOMPARE(view.averageOrderLabel()->text(), u"No orders yet"_s);
        QCOMPARE(view.orderList()->topLevelItemCount(), 0);
    }

    void clearsForAnUnknownCustomerOrNoShop()
    {
        CustomerDetailView view;
        view.setShop(&store());
        QVERIFY(!view.showCustomer(u"00000000-0000-7000-8000-000000000000"_s));
        QVERIFY(view.customerId().isEmpty());
        QCOMPARE(view.orderList()->topLevelItemCount(), 0);
        view.setShop(nullptr);
        QVERIFY(!view.showCustomer(m_customer));
    }
};

QTEST_MAIN(tst_CustomerDetailView)
#include "tst_customerdetailview.moc"
