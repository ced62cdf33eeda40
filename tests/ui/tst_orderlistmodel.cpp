#include "local/shopeditor.h"
#include "money/currency.h"
#include "money/money.h"
#include "orders/orderlistmodel.h"
#include "storage/customerrepository.h"
#include "storage/orderrepository.h"
#include "storage/shopstore.h"
#include "storage/sqlitedatabase.h"
#include "testsupport.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QFont>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

#include <algorithm>
#include <functional>

using namespace sk;
using namespace Qt::StringLiterals;

namespace {

// More than MaxCachedPages pages, so scrolling to the end evicts pages and reads them again.
constexpr int kOrders = 4500;
const qint64 kBaseTime = 1'700'000'000'000; // 2023-11-14 22:13:20 UTC, 23:13 in Paris
constexpr qint64 kMinute = 60'000;

struct Person
{
    const char *first;
    const char *last;
    const char *email;
};
const Person kPeople[] = {{"Ada", "Lovelace", "ada@example.com"},
                          {"Grace", "Hopper", "grace@navy.test"},
                          {"Alan", "Turing", "alan@bletchley.test"}};

QString uuidOf(int kind, int i)
{
    return u"00000000-0000-7000-%1-%2"_s.arg(8000 + kind).arg(i, 12, 10, QLatin1Char('0'));
}

// Every attribute of order i, so expectations never come from the code under test.
struct Spec
{
    int i = 0;
    qint64 number = 0;
    qint64 placedAt = 0;
    qint64 updatedAt = 0;
    qint64 total = 0;
    OrderStatus status = OrderStatus::Pending;
    FinancialStatus financial = FinancialStatus::Pending;
    FulfillmentStatus fulfillment = FulfillmentStatus::Unfulfilled;
    OrderChannel channel = OrderChannel::Web;
    QString currency;
    int person = -1; // -1: a guest
};

Spec specOf(int i)
{
    Spec s;
    s.i = i;
    s.number = 1001 + i;
    s.placedAt = kBaseTime + qint64((i * 7919) % kOrders) * kMinute; // a permutation of the minutes
    s.updatedAt = kBaseTime + qint64((i * 31) % kOrders) * 1000;
    s.total = qint64((i * 389) % 1000) * 100 + 99;
    s.status = OrderStatus(i % enumCount<OrderStatus>());
    s.financial = FinancialStatus(i % enumCount<FinancialStatus>());
    s.fulfillment = FulfillmentStatus(i % enumCount<FulfillmentStatus>());
    s.channel = OrderChannel(i % enumCount<OrderChannel>());
    s.currency = i % 10 == 0 ? u"USD"_s : u"EUR"_s;
    s.person = i % 4 == 0 ? -1 : i % 4 - 1;
    return s;
}

// A guest has no customer record: only the order knows the e-mail.
QString guestEmail(const Spec &s)
{
    return u"guest-%1@walkin.test"_s.arg(s.number);
}

QList<Spec> allSpecs()
{
    QList<Spec> specs;
    for (int i = 0; i < kOrders; ++i)
        specs.append(specOf(i));
    return specs;
}

// Order numbers as a user reads them, for the matching specs in the given order.
QStringList numbersOf(QList<Spec> specs, const std::function<bool(const Spec &)> &keep,
                      const std::function<bool(const Spec &, const Spec &)> &before)
{
    specs.removeIf([&](const Spec &s) { return !keep(s); });
    std::sort(specs.begin(), specs.end(), before);
    QStringList out;
    for (const Spec &s : specs)
        out << u"#"_s + QString::number(s.number);
    return out;
}

// Rows are inserted in i order, so rid order is i order: ties on a sort key break by i.
bool newestFirst(const Spec &a, const Spec &b)
{
    return a.placedAt != b.placedAt ? a.placedAt > b.placedAt : a.i > b.i;
}

QStringList loadedNumbers(OrderListModel &model)
{
    while (model.canFetchMore({}))
        model.fetchMore({});
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row)
        out << model.data(model.index(row, OrderListModel::NumberColumn)).toString();
    return out;
}

} // namespace

class tst_OrderListModel : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::TempStore> m_temp;

    Result<void> fill(SqliteDatabase &db)
    {
        SK_TRY(db.exec("INSERT INTO shop_settings (singleton, shop_id, name, currency, time_zone, locale, "
                       "oversell_policy, updated_at) VALUES (1, 'shop-test', 'Test Outfitters', 'EUR', "
                       "'Europe/Paris', 'fr-FR', 'allow', 0)"));
        CustomerRepository customers(db);
        for (int p = 0; p < 3; ++p) {
            Customer c;
            c.id = uuidOf(1, p);
            c.firstName = QString::fromLatin1(kPeople[p].first);
            c.lastName = QString::fromLatin1(kPeople[p].last);
            c.email = QString::fromLatin1(kPeople[p].email);
            c.createdAt = c.updatedAt = kBaseTime;
            SK_TRY(customers.upsertCustomer(c));
        }
        OrderRepository orders(db);
        for (const Spec &s : allSpecs()) {
            Order o;
            o.id = uuidOf(2, s.i);
            o.number = s.number;
            if (s.person >= 0) {
                o.customerId = uuidOf(1, s.person);
                o.customerName = QString::fromLatin1(kPeople[s.person].first) + u' '
                    + QString::fromLatin1(kPeople[s.person].last);
                o.email = QString::fromLatin1(kPeople[s.person].email);
            } else {
                o.customerName = u"Walk-in"_s;
                o.email = guestEmail(s);
            }
            o.currency = s.currency;
            o.subtotal = o.total = s.total;
            o.status = s.status;
            o.financialStatus = s.financial;
            o.fulfillmentStatus = s.fulfillment;
            o.channel = s.channel;
            o.placedAt = s.placedAt;
            o.updatedAt = s.updatedAt;
            SK_TRY(orders.upsertOrder(o));
        }
        return {};
    }

private slots:
    void initTestCase()
    {
        m_temp = test::makeTempStore();
        QVERIFY(m_temp);
        SK_VERIFY_OK(m_temp->store->write([this](SqliteDatabase &db) { return fill(db); }));
    }

    void cleanupTestCase() { m_temp.reset(); }

    void passesTheModelTester()
    {
        OrderListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        SK_VERIFY_OK(model.open(*m_temp->store));
        model.fetchMore({});
        model.sort(OrderListModel::TotalColumn, Qt::AscendingOrder);
        OrderListFilter f;
        f.status = OrderStatus::Processing;
        model.setFilter(f);
        f.search = u"grace"_s;
        model.setFilter(f);
        model.refresh();
        model.setFilter({});
        while (model.canFetchMore({}))
            model.fetchMore({});
        QCOMPARE(model.rowCount(), kOrders);
        model.close();
        QCOMPARE(model.rowCount(), 0);
    }

    void loadsPageByPageNewestFirst()
    {
        OrderListModel model;
        SK_VERIFY_OK(model.open(*m_temp->store));
        QCOMPARE(model.rowCount(), OrderListModel::PageSize);
        QVERIFY(model.canFetchMore({}));
        QCOMPARE(model.sortColumn(), int(OrderListModel::PlacedColumn));
        QCOMPARE(model.sortOrder(), Qt::DescendingOrder);
        const QStringList expected = numbersOf(allSpecs(), [](const Spec &) { return true; }, newestFirst);
        // Scrolling to the end reads every page once, then evicted pages again from the top.
        QCOMPARE(loadedNumbers(model), expected);
        QVERIFY(!model.canFetchMore({}));
        QCOMPARE(model.rowCount(), kOrders);
        QCOMPARE(model.data(model.index(kOrders - 1, 0)).toString(), expected.last());
        // Only the last few pages stay cached: the first is read again.
        const int fetches = model.pageFetchCount();
        QCOMPARE(fetches, (kOrders + OrderListModel::PageSize - 1) / OrderListModel::PageSize);
        QCOMPARE(model.data(model.index(0, 0)).toString(), expected.first());
        QCOMPARE(model.pageFetchCount(), fetches + 1);
    }

    void showsTimesInTheShopZoneAndMoneyInTheOrderCurrency()
    {
        OrderListModel model;
        SK_VERIFY_OK(model.open(*m_temp->store));
        model.sort(OrderListModel::PlacedColumn, Qt::AscendingOrder);
        // The earliest order is i = 0: placed 22:13 UTC, a USD guest order.
        const Spec first = specOf(0);
        auto cell = [&](int column, int role = Qt::DisplayRole) { return model.data(model.index(0, column), role); };
        QCOMPARE(cell(OrderListModel::NumberColumn).toString(), u"#1001"_s);
        QVERIFY2(cell(OrderListModel::PlacedColumn).toString().contains(u"23:13"_s),
                 qPrintable(cell(OrderListModel::PlacedColumn).toString()));
        const QLocale fr(u"fr_FR"_s);
        QCOMPARE(cell(OrderListModel::TotalColumn).toString(), Money(first.total, Currency::fromCode(u"USD").value()).format(fr));
        QVERIFY(cell(OrderListModel::TotalColumn).toString().contains(u'$'));
        QCOMPARE(cell(OrderListModel::CustomerColumn).toString(), u"Walk-in"_s);
        QCOMPARE(cell(OrderListModel::StatusColumn).toString(), u"Pending"_s);
        QCOMPARE(cell(OrderListModel::ChannelColumn).toString(), u"Online store"_s);
        QCOMPARE(cell(OrderListModel::TotalColumn, Qt::TextAlignmentRole).value<Qt::Alignment>() & Qt::AlignRight,
                 Qt::AlignRight);
        // The second earliest (i = 1 after the permutation's 0) is in euros.
        const int row = 1;
        const QString id = model.data(model.index(row, 0), OrderListModel::IdRole).toString();
        const Spec second = specOf(id.right(12).toInt());
        QCOMPARE(second.currency, u"EUR"_s);
        const QString total = model.data(model.index(row, OrderListModel::TotalColumn)).toString();
        QCOMPARE(total, Money(second.total, Currency::fromCode(u"EUR").value()).format(fr));
        QVERIFY2(total.contains(u"€"_s), qPrintable(total));
    }

    void sortsOnIndexedColumnsOnly_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<int>("order");
        QTest::newRow("number asc") << int(OrderListModel::NumberColumn) << int(Qt::AscendingOrder);
        QTest::newRow("number desc") << int(OrderListModel::NumberColumn) << int(Qt::DescendingOrder);
        QTest::newRow("total asc") << int(OrderListModel::TotalColumn) << int(Qt::AscendingOrder);
        QTest::newRow("total desc") << int(OrderListModel::TotalColumn) << int(Qt::DescendingOrder);
        QTest::newRow("updated desc") << int(OrderListModel::UpdatedColumn) << int(Qt::DescendingOrder);
        QTest::newRow("placed asc") << int(OrderListModel::PlacedColumn) << int(Qt::AscendingOrder);
    }

    void sortsOnIndexedColumnsOnly()
    {
        QFETCH(int, column);
        QFETCH(int, order);
        OrderListModel model;
        SK_VERIFY_OK(model.open(*m_temp->store));
        model.sort(column, Qt::SortOrder(order));
        QCOMPARE(model.sortColumn(), column);
        const bool ascending = order == Qt::AscendingOrder;
        const auto key = [column](const Spec &s) -> qint64 {
            switch (column) {
            case OrderListModel::NumberColumn: return s.number;
            case OrderListModel::TotalColumn: return s.total;
            case OrderListModel::UpdatedColumn: return s.updatedAt;
            default: return s.placedAt;
            }
        };
        const QStringList expected = numbersOf(allSpecs(), [](const Spec &) { return true; },
                                               [&](const Spec &a, const Spec &b) {
                                                   if (key(a) != key(b))
                                                       return ascending ? key(a) < key(b) : key(a) > key(b);
                                                   return ascending ? a.i < b.i : a.i > b.i;
                                               });
        QCOMPARE(loadedNumbers(model), expected);

        // Customer is not indexed: asking to sort by it changes nothing.
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.sort(OrderListModel::CustomerColumn, Qt::AscendingOrder);
        QCOMPARE(reset.size(), 0);
        QCOMPARE(model.sortColumn(), column);
    }

    void filtersLikeAUserExpects()
    {
        OrderListModel model;
        SK_VERIFY_OK(model.open(*m_temp->store));
        OrderListFilter f;
        f.status = OrderStatus::Processing;
        f.financialStatus = FinancialStatus::Paid;
        model.setFilter(f);
        QStringList expected = numbersOf(allSpecs(), [](const Spec &s) {
            return s.status == OrderStatus::Processing && s.financial == FinancialStatus::Paid;
        }, newestFirst);
        QVERIFY(!expected.isEmpty());
        QCOMPARE(loadedNumbers(model), expected);
        for (int row = 0; row < model.rowCount(); ++row) {
            QCOMPARE(model.data(model.index(row, OrderListModel::StatusColumn)).toString(), u"Processing"_s);
            QCOMPARE(model.data(model.index(row, OrderListModel::FinancialColumn)).toString(), u"Paid"_s);
        }

        f = {};
        f.fulfillmentStatus = FulfillmentStatus::Partial;
        f.channel = OrderChannel::Pos;
        f.placedFrom = kBaseTime + 1000 * kMinute;
        f.placedTo = kBaseTime + 2000 * kMinute;
        model.setFilter(f);
        expected = numbersOf(allSpecs(), [&](const Spec &s) {
            return s.fulfillment == FulfillmentStatus::Partial && s.channel == OrderChannel::Pos
                && s.placedAt >= *f.placedFrom && s.placedAt < *f.placedTo;
        }, newestFirst);
        QVERIFY(!expected.isEmpty());
        QCOMPARE(loadedNumbers(model), expected);
    }

    void searchesNumbersNamesAndEmails_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("person"); // -2: by number 1005
        QTest::newRow("number with #") << u"#1005"_s << -2;
        QTest::newRow("number") << u"1005"_s << -2;
        QTest::newRow("name prefix") << u"grac"_s << 1;
        QTest::newRow("last name") << u"Turing"_s << 2;
        QTest::newRow("email") << u"ada@example.com"_s << 0;
        QTest::newRow("email domain") << u"navy"_s << 1;
        QTest::newRow("guest name") << u"walk-in"_s << -1;
    }

    void searchesNumbersNamesAndEmails()
    {
        QFETCH(QString, text);
        QFETCH(int, person);
        OrderListModel model;
        SK_VERIFY_OK(model.open(*m_temp->store));
        OrderListFilter f;
        f.search = text;
        f.status = OrderStatus::Pending;
        model.setFilter(f);
        const QStringList expected = numbersOf(allSpecs(), [&](const Spec &s) {
            const bool match = person == -2 ? s.number == 1005 : s.person == person;
            return match && s.status == OrderStatus::Pending;
        }, newestFirst);
        QCOMPARE(loadedNumbers(model), expected);
        QVERIFY(!expected.isEmpty() || person == -2);
    }

    // Orders without a customer record are found by the e-mail on the order, through the
    // full-text index (never a scan of the orders).
    void searchFindsGuestOrdersByEmail()
    {
        const Spec guest = specOf(12);
        QCOMPARE(guest.person, -1);
        OrderListModel model;
        SK_VERIFY_OK(model.open(*m_temp->store));
        OrderListFilter f;
        f.search = guestEmail(guest);
        model.setFilter(f);
        QCOMPARE(loadedNumbers(model), QStringList{u"#"_s + QString::number(guest.number)});
        QCOMPARE(model.idAt(0), uuidOf(2, guest.i));

        // The domain: every guest's order, newest first; with a filter, the guests' among those.
        f.search = u"walkin.test"_s;
        model.setFilter(f);
        QStringList expected = numbersOf(allSpecs(), [](const Spec &s) { return s.person == -1; }, newestFirst);
        QCOMPARE(expected.size(), kOrders / 4);
        QCOMPARE(loadedNumbers(model), expected);
        f.channel = OrderChannel::Pos;
        model.setFilter(f);
        expected = numbersOf(allSpecs(), [](const Spec &s) { return s.person == -1 && s.channel == OrderChannel::Pos; },
                             newestFirst);
        QVERIFY(!expected.isEmpty());
        QCOMPARE(loadedNumbers(model), expected);

        OrderListQuery q;
        q.filter.search = guestEmail(guest);
        auto reader = m_temp->store->openReader();
        SK_VERIFY_OK(reader);
        for (const bool hasAfter : {false, true}) {
            auto plan = (*reader)->prepare("EXPLAIN QUERY PLAN " + q.sql(hasAfter));
            SK_VERIFY_OK(plan);
            QStringList steps;
            while (plan->step().valueOr(false))
                steps << plan->text(3);
            QVERIFY2(std::any_of(steps.cbegin(), steps.cend(),
                                 [](const QString &step) { return step.startsWith(u"SCAN order_search VIRTUAL TABLE"_s); }),
                     qPrintable(steps.join(u'\n')));
            QVERIFY2(!std::any_of(steps.cbegin(), steps.cend(),
                                  [](const QString &step) { return step == u"SCAN o"_s || step.startsWith(u"SCAN o "_s); }),
                     qPrintable(steps.join(u'\n')));
        }
    }

    void everyListQueryWalksAnIndex()
    {
        auto reader = m_temp->store->openReader();
        SK_VERIFY_OK(reader);
        for (OrderListSort sort : {OrderListSort::PlacedAt, OrderListSort::Number, OrderListSort::Total,
                                   OrderListSort::UpdatedAt}) {
            for (int filterKind = 0; filterKind < 4; ++filterKind) {
                OrderListQuery q;
                q.sort = sort;
                if (filterKind == 1)
                    q.filter.status = OrderStatus::Processing;
                if (filterKind == 2)
                    q.filter.fulfillmentStatus = FulfillmentStatus::Partial;
                if (filterKind == 3)
                    q.filter.channel = OrderChannel::Web;
                auto plan = (*reader)->prepare("EXPLAIN QUERY PLAN " + q.sql(true));
                SK_VERIFY_OK(plan);
                QString text;
                while (plan->step().valueOr(false))
                    text += plan->text(3) + u'\n';
                QVERIFY2(!text.contains(u"TEMP B-TREE"_s), qPrintable(text));
                QVERIFY2(text.contains(u"USING INDEX"_s) || text.contains(u"USING COVERING INDEX"_s), qPrintable(text));
            }
        }
    }

    void marksOrdersWithUnsyncedEdits()
    {
        OrderListModel model;
        SK_VERIFY_OK(model.open(*m_temp->store));
        const int row = 3;
        const QString id = model.idAt(row);
        QVERIFY(!id.isEmpty());
        QCOMPARE(model.data(model.index(row, 0), OrderListModel::UnsyncedRole).toBool(), false);

        ShopEditor editor(*m_temp->store);
        SK_VERIFY_OK(editor.addOrderNote(id, u"Call before delivery"_s));
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.refresh();
        QCOMPARE(changed.size(), 1);
        QCOMPARE(model.rowCount(), OrderListModel::PageSize); // the rows stay where they were
        QCOMPARE(model.idAt(row), id);
        QCOMPARE(model.data(model.index(row, 0), OrderListModel::UnsyncedRole).toBool(), true);
        QVERIFY(model.data(model.index(row, OrderListModel::StatusColumn), Qt::FontRole).value<QFont>().italic());
        QVERIFY(model.data(model.index(row, 0), Qt::ToolTipRole).toString().contains(u"Not synced yet"_s));
        QVERIFY(!model.data(model.index(row, 0), Qt::DecorationRole).isNull());
        QCOMPARE(model.data(model.index(row + 1, 0), OrderListModel::UnsyncedRole).toBool(), false);
        QVERIFY(model.data(model.index(row + 1, 0), Qt::FontRole).isNull());
        QCOMPARE(model.rowOfId(id), row);
    }
};

QTEST_MAIN(tst_OrderListModel)
#include "tst_orderlistmodel.moc"
