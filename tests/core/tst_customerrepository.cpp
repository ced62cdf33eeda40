#include "storage/customerrepository.h"
#include "storage/orderrepository.h"
#include "storagetestsupport.h"
#include "testsupport.h"

#include <QTest>

#include <algorithm>

using namespace sk;

class tst_CustomerRepository : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TempStore> m_temp;

    ShopStore &store() { return *m_temp->store; }

    template <typename Fn>
    Result<void> write(Fn &&fn)
    {
        return store().write([&](SqliteDatabase &db) -> Result<void> {
            CustomerRepository repo(db);
            return fn(repo);
        });
    }

    QList<CustomerListRow> walk(CustomerRepository &repo, const CustomerQuery &q)
    {
        return test::walkPages(q, [&](const CustomerQuery &x) { return repo.list(x); });
    }

private slots:
    void init()
    {
        m_temp = test::makeTempStore();
        QVERIFY(m_temp);
    }
    void cleanup() { m_temp.reset(); }

    void customerRoundTripsEveryFieldWithAddresses()
    {
        Customer c;
        c.id = QStringLiteral("0190a1b2-0000-7000-8000-00000000c001");
        c.firstName = QStringLiteral("Zoë");
        c.lastName = QStringLiteral("O'Brien-Łukasz");
        c.email = QStringLiteral("zoe@example.com");
        c.phone = QStringLiteral("+33 6 12 34 56 78");
        c.note = QStringLiteral("Prefers pickup.\nCall first.");
        c.tags = QStringLiteral("vip, wholesale");
        c.emailMarketing = MarketingConsent::Subscribed;
        c.smsMarketing = MarketingConsent::Pending;
        c.consentUpdatedAt = 1'700'000'000'555;
        c.createdAt = 1'690'000'000'000;
        c.version = 4;
        c.updatedAt = 1'700'000'000'777;
        CustomerAddress home;
        home.id = QStringLiteral("addr-1");
        home.isDefault = true;
        home.name = QStringLiteral("Zoë O'Brien");
        home.company = QStringLiteral("ZO Ltd");
        home.line1 = QStringLiteral("1 Rue de la Paix");
        home.line2 = QStringLiteral("Apt 3");
        home.city = QStringLiteral("Paris");
        home.province = QStringLiteral("IDF");
        home.postalCode = QStringLiteral("75002");
        home.countryCode = QStringLiteral("FR");
        home.phone = QStringLiteral("+33 1 00 00 00 00");
        CustomerAddress work;
        work.id = QStringLiteral("addr-2");
        work.line1 = QStringLiteral("2 Work St");
        c.addresses = {work, home};
        SK_VERIFY_OK(write([&](CustomerRepository &repo) { return repo.upsertCustomer(c); }));

        auto reader = store().openReader();
        SK_VERIFY_OK(reader);
        CustomerRepository repo(**reader);
        auto got = repo.customer(c.id);
        SK_VERIFY_OK(got);
        QVERIFY(got->has_value());
        const Customer &g = **got;
        QCOMPARE(g.id, c.id);
        QCOMPARE(g.firstName, c.firstName);
        QCOMPARE(g.lastName, c.lastName);
        QCOMPARE(g.email, c.email);
        QCOMPARE(g.phone, c.phone);
        QCOMPARE(g.note, c.note);
        QCOMPARE(g.tags, c.tags);
        QCOMPARE(toString(g.emailMarketing), toString(c.emailMarketing));
        QCOMPARE(toString(g.smsMarketing), toString(c.smsMarketing));
        QCOMPARE(g.consentUpdatedAt, c.consentUpdatedAt);
        QCOMPARE(g.createdAt, c.createdAt);
        QCOMPARE(g.version, c.version);
        QCOMPARE(g.updatedAt, c.updatedAt);
        QCOMPARE(g.addresses.size(), 2);
        const CustomerAddress &a = g.addresses[0]; // the default comes first
        QCOMPARE(a.id, home.id);
        QCOMPARE(a.customerId, c.id);
        QCOMPARE(a.isDefault, true);
        QCOMPARE(a.name, home.name);
        QCOMPARE(a.company, home.company);
        QCOMPARE(a.line1, home.line1);
        QCOMPARE(a.line2, home.line2);
        QCOMPARE(a.city, home.city);
        QCOMPARE(a.province, home.province);
        QCOMPARE(a.postalCode, home.postalCode);
        QCOMPARE(a.countryCode, home.countryCode);
        QCOMPARE(a.phone, home.phone);
        QCOMPARE(g.addresses[1].id, work.id);
        QCOMPARE(g.addresses[1].isDefault, false);

        // Upsert replaces the address list, and clears optional fields.
        CustomerAddress moved;
        moved.line1 = QStringLiteral("3 New Road"); // no id: gets one
        c.addresses = {moved};
        c.email.clear();
        c.phone = QString();
        c.consentUpdatedAt.reset();
        SK_VERIFY_OK(write([&](CustomerRepository &w) { return w.upsertCustomer(c); }));
        got = repo.customer(c.id);
        SK_VERIFY_OK(got);
        QVERIFY((*got)->email.isNull());
        QVERIFY((*got)->phone.isNull());
        QCOMPARE((*got)->consentUpdatedAt, std::nullopt);
        QCOMPARE((*got)->addresses.size(), 1);
        QCOMPARE((*got)->addresses[0].line1, QStringLiteral("3 New Road"));
        QVERIFY(!(*got)->addresses[0].id.isEmpty());
        QCOMPARE((*reader)->queryInt64("SELECT count(*) FROM customer_addresses").value(), qint64(1));

        auto missing = repo.customer(QStringLiteral("nobody"));
        SK_VERIFY_OK(missing);
        QVERIFY(!missing->has_value());
        SK_VERIFY_OK(repo.stats(c.id));
        QVERIFY(!test::hasBusyStatement(**reader));
    }

    void duplicateEmailGivesAClearError()
    {
        SK_VERIFY_OK(write([&](CustomerRepository &repo) {
            return repo.upsertCustomer(test::makeCustomer(1, QStringLiteral("A"), QStringLiteral("One"),
                                                          QStringLiteral("same@example.com")));
        }));
        Customer dup = test::makeCustomer(2, QStringLiteral("B"), QStringLiteral("Two"), QStringLiteral("Same@Example.com"));
        auto r = write([&](CustomerRepository &repo) { return repo.upsertCustomer(dup); });
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QStringLiteral("customer.duplicate_email"));
        QVERIFY(r.error().message.contains(QLatin1String("Same@Example.com")));
        // Customers without email never collide.
        SK_VERIFY_OK(write([&](CustomerRepository &repo) -> Result<void> {
            SK_TRY(repo.upsertCustomer(test::makeCustomer(3, QStringLiteral("C"), {}, QString())));
            return repo.upsertCustomer(test::makeCustomer(4, QStringLiteral("D"), {}, QStringLiteral("")));
        }));
    }

    void keysetPagingWalksEveryCustomerOnceInOrder_data()
    {
        QTest::addColumn<int>("sort");
        QTest::addColumn<int>("order");
        QTest::newRow("name asc") << int(CustomerSort::Name) << int(SortOrder::Ascending);
        QTest::newRow("name desc") << int(CustomerSort::Name) << int(SortOrder::Descending);
        QTest::newRow("created asc") << int(CustomerSort::CreatedAt) << int(SortOrder::Ascending);
        QTest::newRow("created desc") << int(CustomerSort::CreatedAt) << int(SortOrder::Descending);
        QTest::newRow("updated asc") << int(CustomerSort::UpdatedAt) << int(SortOrder::Ascending);
        QTest::newRow("updated desc") << int(CustomerSort::UpdatedAt) << int(SortOrder::Descending);
    }
    void keysetPagingWalksEveryCustomerOnceInOrder()
    {
        QFETCH(int, sort);
        QFETCH(int, order);
        // 300 customers over few last and first names (in mixed case): long runs of ties.
        const QStringList lasts = {QStringLiteral("Smith"), QStringLiteral("smith"), QStringLiteral("Jones"),
                                   QStringLiteral("Adams"), QStringLiteral(""), QStringLiteral("Zimmer")};
        const QStringList firsts = {QStringLiteral("Ann"), QStringLiteral("ann"), QStringLiteral("Bob"),
                                    QStringLiteral(""), QStringLiteral("Carla")};
        SK_VERIFY_OK(write([&](CustomerRepository &repo) -> Result<void> {
            for (int i = 0; i < 300; ++i) {
                Customer c = test::makeCustomer(i, firsts[(i * 3) % firsts.size()], lasts[(i * 7) % lasts.size()],
                                                QStringLiteral("c%1@example.com").arg(i));
                c.createdAt = 100 + (i * 11) % 17;
                c.updatedAt = 200 + (i * 5) % 9;
                SK_TRY(repo.upsertCustomer(c));
            }
            return {};
        }));
        auto reader = store().openReader();
        SK_VERIFY_OK(reader);
        CustomerRepository repo(**reader);
        CustomerQuery q;
        q.sort = CustomerSort(sort);
        q.order = SortOrder(order);
        q.limit = 13;
        const QList<CustomerListRow> rows = walk(repo, q);
        QCOMPARE(rows.size(), 300);
        QList<CustomerListRow> expected = rows;
        const bool asc = q.order == SortOrder::Ascending;
        std::sort(expected.begin(), expected.end(), [&](const CustomerListRow &a, const CustomerListRow &b) {
            int c = 0;
            switch (q.sort) {
            case CustomerSort::Name:
                c = a.lastName.compare(b.lastName, Qt::CaseInsensitive);
                if (c == 0)
                    c = a.firstName.compare(b.firstName, Qt::CaseInsensitive);
                break;
            case CustomerSort::CreatedAt: c = a.createdAt < b.createdAt ? -1 : (a.createdAt > b.createdAt ? 1 : 0); break;
            case CustomerSort::UpdatedAt: c = a.updatedAt < b.updatedAt ? -1 : (a.updatedAt > b.updatedAt ? 1 : 0); break;
            }
            if (c == 0)
                c = a.rid < b.rid ? -1 : 1;
            return asc ? c < 0 : c > 0;
        });
        for (int i = 0; i < rows.size(); ++i)
            QCOMPARE(rows[i].rid, expected[i].rid);
    }

    void filtersByTagAndEmailConsent()
    {
        SK_VERIFY_OK(write([&](CustomerRepository &repo) -> Result<void> {
            Customer a = test::makeCustomer(1, QStringLiteral("A"), QStringLiteral("A"), QStringLiteral("a@x.com"));
            a.tags = QStringLiteral("VIP, newsletter");
            a.emailMarketing = MarketingConsent::Subscribed;
            Customer b = test::makeCustomer(2, QStringLiteral("B"), QStringLiteral("B"), QStringLiteral("b@x.com"));
            b.tags = QStringLiteral("vip-candidate");
            b.emailMarketing = MarketingConsent::Subscribed;
            Customer c = test::makeCustomer(3, QStringLiteral("C"), QStringLiteral("C"), QStringLiteral("c@x.com"));
            c.tags = QStringLiteral("wholesale,vip");
            c.emailMarketing = MarketingConsent::Unsubscribed;
            SK_TRY(repo.upsertCustomer(a));
            SK_TRY(repo.upsertCustomer(b));
            return repo.upsertCustomer(c);
        }));
        auto reader = store().openReader();
        SK_VERIFY_OK(reader);
        CustomerRepository repo(**reader);
        const auto names = [&](const CustomerFilter &f) {
            CustomerQuery q;
            q.filter = f;
            QStringList out;
            for (const auto &r : walk(repo, q))
                out.append(r.lastName);
            return out.join(QLatin1Char(','));
        };
        CustomerFilter f;
        QCOMPARE(names(f), QStringLiteral("A,B,C"));
        f.tag = QStringLiteral("vip");
        QCOMPARE(names(f), QStringLiteral("A,C"));
        f.emailMarketing = MarketingConsent::Subscribed;
        QCOMPARE(names(f), QStringLiteral("A"));
        f.tag.clear();
        QCOMPARE(names(f), QStringLiteral("A,B"));
    }

    // customer_tags follows every write: new customers, changed tags (case, spaces, a quote),
    // a customer deleted; the tag list reads it back sorted and distinct.
    void theTagIndexFollowsEveryWrite()
    {
        Customer a = test::makeCustomer(1, QStringLiteral("A"), QStringLiteral("A"), QStringLiteral("a@x.com"));
        a.tags = QStringLiteral(" VIP ,  newsletter,vip");
        Customer b = test::makeCustomer(2, QStringLiteral("B"), QStringLiteral("B"), QStringLiteral("b@x.com"));
        b.tags = QStringLiteral("wholesale, \"Trade\" fair");
        Customer c = test::makeCustomer(3, QStringLiteral("C"), QStringLiteral("C"), QStringLiteral("c@x.com"));
        SK_VERIFY_OK(write([&](CustomerRepository &repo) -> Result<void> {
            SK_TRY(repo.upsertCustomer(a));
            SK_TRY(repo.upsertCustomer(b));
            return repo.upsertCustomer(c);
        }));
        auto reader = store().openReader();
        SK_VERIFY_OK(reader);
        CustomerRepository repo(**reader);
        const auto tagged = [&](const QString &tag) {
            CustomerQuery q;
            q.filter.tag = tag;
            QStringList out;
            for (const auto &r : walk(repo, q))
                out.append(r.lastName);
            return out.join(QLatin1Char(','));
        };
        QCOMPARE(repo.tags().value(),
                 QStringList({QStringLiteral("\"trade\" fair"), QStringLiteral("newsletter"), QStringLiteral("vip"),
                              QStringLiteral("wholesale")}));
        QCOMPARE(tagged(QStringLiteral("vip")), QStringLiteral("A"));
        QCOMPARE(tagged(QStringLiteral("  Vip ")), QStringLiteral("A"));
        QCOMPARE(tagged(QStringLiteral("\"TRADE\" FAIR")), QStringLiteral("B"));
        QCOMPARE(tagged(QStringLiteral("trade")), QString()); // whole tags only
        QCOMPARE(repo.tags(2).value().size(), 2);

        a.tags = QStringLiteral("newsletter");
        c.tags = QStringLiteral("VIP");
        SK_VERIFY_OK(write([&](CustomerRepository &w) -> Result<void> {
            SK_TRY(w.upsertCustomer(a));
            SK_TRY(w.upsertCustomer(c));
            return w.deleteCustomer(b.id);
        }));
        QCOMPARE(tagged(QStringLiteral("vip")), QStringLiteral("C"));
        QCOMPARE(tagged(QStringLiteral("newsletter")), QStringLiteral("A"));
        QCOMPARE(tagged(QStringLiteral("wholesale")), QString());
        QCOMPARE(repo.tags().value(), QStringList({QStringLiteral("newsletter"), QStringLiteral("vip")}));
        // Exactly the rows the current tags call for: nothing stale is left behind.
        QCOMPARE((*reader)->queryInt64("SELECT count(*) FROM customer_tags").value(), qint64(2));
    }

    void rowsAndStatsCountOrdersThatAreNotCancelledOrFailed()
    {
        const Customer c = test::makeCustomer(1, QStringLiteral("Ada"), QStringLiteral("Lovelace"), QStringLiteral("ada@x.com"));
        const Customer idle = test::makeCustomer(2, QStringLiteral("Idle"), QStringLiteral("Person"), QStringLiteral("idle@x.com"));
        SK_VERIFY_OK(store().write([&](SqliteDatabase &db) -> Result<void> {
            CustomerRepository customers(db);
            SK_TRY(customers.upsertCustomer(c));
            SK_TRY(customers.upsertCustomer(idle));
            OrderRepository orders(db);
            struct Spec
            {
                qint64 total;
                qint64 refunded;
                OrderStatus status;
                qint64 placedAt;
            };
            const Spec specs[] = {
                {10000, 0, OrderStatus::Completed, 5000},
                {4000, 1500, OrderStatus::Completed, 3000},
                {999, 0, OrderStatus::Cancelled, 1000}, // not counted
                {777, 0, OrderStatus::Failed, 9000},    // not counted
                {2000, 0, OrderStatus::Pending, 7000},
            };
            int n = 0;
            for (const Spec &s : specs) {
                Order o = test::makeOrder(n, 1000 + n, s.total, s.placedAt);
                o.customerId = c.id;
                o.refundedTotal = s.refunded;
                o.status = s.status;
                ++n;
                SK_TRY(orders.upsertOrder(o));
            }
            return {};
        }));
        auto reader = store().openReader();
        SK_VERIFY_OK(reader);
        CustomerRepository repo(**reader);
        auto st = repo.stats(c.id);
        SK_VERIFY_OK(st);
        QCOMPARE(st->ordersCount, qint64(3));
        QCOMPARE(st->totalSpent, qint64(10000 + 4000 - 1500 + 2000));
        QCOMPARE(st->averageOrderValue, qint64((10000 + 4000 - 1500 + 2000) / 3));
        QCOMPARE(st->firstOrderAt, std::optional<qint64>(3000));
        QCOMPARE(st->lastOrderAt, std::optional<qint64>(7000));

        auto none = repo.stats(idle.id);
        SK_VERIFY_OK(none);
        QCOMPARE(none->ordersCount, qint64(0));
        QCOMPARE(none->totalSpent, qint64(0));
        QCOMPARE(none->averageOrderValue, qint64(0));
        QCOMPARE(none->firstOrderAt, std::nullopt);

        auto page = repo.list({});
        SK_VERIFY_OK(page);
        QCOMPARE(page->rows.size(), 2);
        const CustomerListRow &row = page->rows[0]; // Lovelace before Person
        QCOMPARE(row.id, c.id);
        QCOMPARE(row.displayName, QStringLiteral("Ada Lovelace"));
        QCOMPARE(row.email, c.email);
        QCOMPARE(row.ordersCount, st->ordersCount);
        QCOMPARE(row.totalSpent, st->totalSpent);
        QCOMPARE(page->rows[1].ordersCount, qint64(0));
    }

    void searchFindsNameEmailAndPhone()
    {
        SK_VERIFY_OK(write([&](CustomerRepository &repo) -> Result<void> {
            Customer a = test::makeCustomer(1, QStringLiteral("Grace"), QStringLiteral("Hopper"), QStringLiteral("grace.hopper@navy.mil"));
            a.phone = QStringLiteral("+1 555 0100");
            Customer b = test::makeCustomer(2, QStringLiteral("Alan"), QStringLiteral("Turing"), QStringLiteral("alan@bletchley.uk"));
            b.phone = QStringLiteral("+44 20 7946 0000");
            Customer c = test::makeCustomer(3, QStringLiteral("Émile"), QStringLiteral("Borel"), QString());
            SK_TRY(repo.upsertCustomer(a));
            SK_TRY(repo.upsertCustomer(b));
            return repo.upsertCustomer(c);
        }));
        auto reader = store().openReader();
        SK_VERIFY_OK(reader);
        CustomerRepository repo(**reader);
        const auto found = [&](const QString &text) {
            auto rows = repo.search(text);
            if (!rows.ok())
                return QStringLiteral("<%1>").arg(rows.error().toString());
            QStringList names;
            for (const auto &r : *rows)
                names.append(r.lastName);
            names.sort();
            return names.join(QLatin1Char(','));
        };
        QCOMPARE(found(QStringLiteral("gra")), QStringLiteral("Hopper"));
        QCOMPARE(found(QStringLiteral("hopper grace")), QStringLiteral("Hopper"));
        QCOMPARE(found(QStringLiteral("grace.hopper@navy.mil")), QStringLiteral("Hopper"));
        QCOMPARE(found(QStringLiteral("alan@bletch")), QStringLiteral("Turing"));
        QCOMPARE(found(QStringLiteral("555")), QStringLiteral("Hopper"));
        QCOMPARE(found(QStringLiteral("7946")), QStringLiteral("Turing"));
        QCOMPARE(found(QStringLiteral("emile")), QStringLiteral("Borel"));
        QCOMPARE(found(QStringLiteral("nobody")), QString());

        // Search follows renames and deletes.
        SK_VERIFY_OK(write([&](CustomerRepository &w) -> Result<void> {
            Customer a = w.customer(test::idFor("cust", 1)).value().value();
            a.lastName = QStringLiteral("Murray");
            a.email = QStringLiteral("gmh@example.com");
            SK_TRY(w.upsertCustomer(a));
            return w.deleteCustomer(test::idFor("cust", 2));
        }));
        QCOMPARE(found(QStringLiteral("hopper")), QString());
        QCOMPARE(found(QStringLiteral("navy")), QString());
        QCOMPARE(found(QStringLiteral("murr")), QStringLiteral("Murray"));
        QCOMPARE(found(QStringLiteral("gmh")), QStringLiteral("Murray"));
        QCOMPARE(found(QStringLiteral("turing")), QString());
    }

    void deletingACustomerKeepsTheirOrders()
    {
        const Customer c = test::makeCustomer(1, QStringLiteral("Gone"), QStringLiteral("Soon"), QStringLiteral("g@x.com"));
        Order o = test::makeOrder(1, 5001, 100, 1);
        o.customerId = c.id;
        o.customerName = QStringLiteral("Gone Soon");
        SK_VERIFY_OK(store().write([&](SqliteDatabase &db) -> Result<void> {
            SK_TRY(CustomerRepository(db).upsertCustomer(c));
            return OrderRepository(db).upsertOrder(o);
        }));
        SK_VERIFY_OK(write([&](CustomerRepository &repo) { return repo.deleteCustomer(c.id); }));
        auto reader = store().openReader();
        SK_VERIFY_OK(reader);
        auto kept = OrderRepository(**reader).order(o.id);
        SK_VERIFY_OK(kept);
        QVERIFY(kept->has_value());
        QVERIFY((*kept)->customerId.isNull());
        QCOMPARE((*kept)->customerName, QStringLiteral("Gone Soon"));
        QVERIFY(!CustomerRepository(**reader).customer(c.id).value().has_value());
    }

    void listQueriesUseIndexesForEverySort()
    {
        auto reader = store().openReader();
        SK_VERIFY_OK(reader);
        for (int filterKind = 0; filterKind < 3; ++filterKind) {
            for (CustomerSort sort : {CustomerSort::Name, CustomerSort::CreatedAt, CustomerSort::UpdatedAt}) {
                for (SortOrder order : {SortOrder::Ascending, SortOrder::Descending}) {
                    for (bool deep : {false, true}) {
                        CustomerQuery q;
                        if (filterKind == 1)
                            q.filter.tag = QStringLiteral("vip");
                        if (filterKind == 2)
                            q.filter.emailMarketing = MarketingConsent::Subscribed;
                        q.sort = sort;
                        q.order = order;
                        if (deep)
                            q.after = sort == CustomerSort::Name ? test::sortKey(QStringLiteral("m"), 10)
                                                                 : test::sortKey(qint64(5), 10);
                        const QByteArray sql = CustomerRepository::listSql(q);
                        auto plan = test::queryPlan(**reader, sql);
                        SK_VERIFY_OK(plan);
                        const QString problem = test::planProblem(*plan, QStringLiteral("c"), deep);
                        QVERIFY2(problem.isEmpty(), qPrintable(problem + QLatin1Char('\n') + QString::fromUtf8(sql)));
                        // The per-row order totals look up orders_customer, never scan orders.
                        for (const QString &line : *plan) {
                            if (line.contains(QLatin1String(" o ")) || line.endsWith(QLatin1String(" o")))
                                QVERIFY2(line.contains(QLatin1String("orders_customer")), qPrintable(line));
                        }
                    }
                }
            }
        }
    }
};

QTEST_GUILESS_MAIN(tst_CustomerRepository)
#include "tst_customerrepository.moc"
