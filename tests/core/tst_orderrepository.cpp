#include "storage/customerrepository.h"
#include "storage/orderrepository.h"
#include "storagetestsupport.h"
#include "testsupport.h"

#include <QTest>

#include <algorithm>

using namespace sk;

class tst_OrderRepository : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TempStore> m_temp;

    ShopStore &store() { return *m_temp->store; }

    template <typename Fn>
    Result<void> write(Fn &&fn)
    {
        return store().write([&](SqliteDatabase &db) -> Result<void> {
            OrderRepository repo(db);
            return fn(repo);
        });
    }

    QList<OrderListRow> walk(OrderRepository &repo, const OrderQuery &q)
    {
        return test::walkPages(q, [&](const OrderQuery &x) { return repo.list(x); });
    }

    static OrderLine makeLine(const QString &orderId, int n, qint64 quantity, qint64 unitPrice)
    {
        OrderLine l;
        l.id = QStringLiteral("%1-line-%2").arg(orderId).arg(n);
        l.orderId = orderId;
        l.title = QStringLiteral("Item %1").arg(n);
        l.quantity = quantity;
        l.unitPrice = unitPrice;
        l.total = quantity * unitPrice;
        return l;
    }

private slots:
    void init()
    {
        m_temp = test::makeTempStore();
        QVERIFY(m_temp);
    }
    void cleanup() { m_temp.reset(); }

    void orderDetailRoundTripsEveryField()
    {
        const Customer c = test::makeCustomer(1, QStringLiteral("Ada"), QStringLiteral("Lovelace"), QStringLiteral("ada@x.com"));
        Order o;
        o.id = QStringLiteral("0190a1b2-0000-7000-8000-0000000000d1");
        o.number = 1001;
        o.customerId = c.id;
        o.customerName = QStringLiteral("Ada Lovelace");
        o.email = QStringLiteral("ada@x.com");
        o.channel = OrderChannel::Pos;
        o.currency = QStringLiteral("NGN");
        o.subtotal = 20000;
        o.discountTotal = 1000;
        o.shippingTotal = 500;
        o.taxTotal = 1425;
        o.total = 20925;
        o.refundedTotal = 0;
        o.status = OrderStatus::Processing;
        o.financialStatus = FinancialStatus::Paid;
        o.fulfillmentStatus = FulfillmentStatus::Partial;
        o.gateway = QStringLiteral("paystack");
        o.locationId = QStringLiteral("loc-1");
        o.placedAt = 1'700'000'000'000;
        o.paidAt = 1'700'000'060'000;
        o.cancelledAt = 1'700'000'090'000;
        o.cancelReason = QStringLiteral("customer changed mind");
        o.billingAddressJson = QStringLiteral("{\"city\":\"Lagos\"}");
        o.shippingAddressJson = QStringLiteral("{\"city\":\"Abuja\"}");
        o.note = QStringLiteral("Gift wrap");
        o.tags = QStringLiteral("gift, rush");
        o.version = 3;
        o.updatedAt = 1'700'000'100'000;

        OrderLine l1 = makeLine(o.id, 1, 2, 5000);
        l1.variantId = QStringLiteral("var-x");
        l1.sku = QStringLiteral("SKU-X");
        l1.variantTitle = QStringLiteral("Red / M");
        l1.discount = 1000;
        l1.tax = 700;
        l1.total = 9700;
        const OrderLine l2 = makeLine(o.id, 2, 1, 10000); // no variant

        Fulfillment f;
        f.id = QStringLiteral("ful-1");
        f.orderId = o.id;
        f.locationId = QStringLiteral("loc-1");
        f.trackingNumber = QStringLiteral("1Z999");
        f.carrier = QStringLiteral("DHL");
        f.createdAt = 1'700'000'200'000;
        f.version = 1;
        f.updatedAt = 1'700'000'200'001;
        f.lines = {{l2.id, 1}, {l1.id, 1}};

        Refund r;
        r.id = QStringLiteral("ref-1");
        r.orderId = o.id;
        r.amount = 4850;
        r.reason = QStringLiteral("damaged");
        r.restock = true;
        r.createdAt = 1'700'000'300'000;
        r.version = 2;
        r.updatedAt = 1'700'000'300'001;
        r.lines = {{l1.id, 1, 4850}};

        OrderEvent late;
        late.id = QStringLiteral("ev-2");
        late.orderId = o.id;
        late.kind = OrderEventKind::Refunded;
        late.message = QStringLiteral("Refunded 48.50");
        late.author = QStringLiteral("Ada");
        late.createdAt = 1'700'000'300'000;
        late.version = 1;
        late.updatedAt = 1'700'000'300'000;
        OrderEvent early = late;
        early.id = QStringLiteral("ev-1");
        early.kind = OrderEventKind::Paid;
        early.message = QStringLiteral("Paid");
        early.createdAt = 1'700'000'060'000;

        SK_VERIFY_OK(store().write([&](SqliteDatabase &db) -> Result<void> {
            SK_TRY(CustomerRepository(db).upsertCustomer(c));
            OrderRepository repo(db);
            SK_TRY(repo.upsertOrder(o));
            SK_TRY(repo.upsertLine(l1));
            SK_TRY(repo.upsertLine(l2));
            SK_TRY(repo.upsertFulfillment(f));
            SK_TRY(repo.upsertRefund(r));
            SK_TRY(repo.upsertEvent(late)); // inserted out of order on purpose
            return repo.upsertEvent(early);
        }));

        auto reader = store().openReader();
        SK_VERIFY_OK(reader);
        OrderRepository repo(**reader);
        auto got = repo.detail(o.id);
        SK_VERIFY_OK(got);
        QVERIFY(got->has_value());
        const OrderDetail &d = **got;
        const Order &g = d.order;
        QCOMPARE(g.id, o.id);
        QCOMPARE(g.number, o.number);
        QCOMPARE(g.customerId, o.customerId);
        QCOMPARE(g.customerName, o.customerName);
        QCOMPARE(g.email, o.email);
        QCOMPARE(toString(g.channel), toString(o.channel));
        QCOMPARE(g.currency, o.currency);
        QCOMPARE(g.subtotal, o.subtotal);
        QCOMPARE(g.discountTotal, o.discountTotal);
        QCOMPARE(g.shippingTotal, o.shippingTotal);
        QCOMPARE(g.taxTotal, o.taxTotal);
        QCOMPARE(g.total, o.total);
        QCOMPARE(g.refundedTotal, r.amount); // kept as the sum of refunds
        QCOMPARE(toString(g.status), toString(o.status));
        QCOMPARE(toString(g.financialStatus), toString(o.financialStatus));
        QCOMPARE(toString(g.fulfillmentStatus), toString(o.fulfillmentStatus));
        QCOMPARE(g.gateway, o.gateway);
        QCOMPARE(g.locationId, o.locationId);
        QCOMPARE(g.placedAt, o.placedAt);
        QCOMPARE(g.paidAt, o.paidAt);
        QCOMPARE(g.cancelledAt, o.cancelledAt);
        QCOMPARE(g.cancelReason, o.cancelReason);
        QCOMPARE(g.billingAddressJson, o.billingAddressJson);
        QCOMPARE(g.shippingAddressJson, o.shippingAddressJson);
        QCOMPARE(g.note, o.note);
        QCOMPARE(g.tags, o.tags);
        QCOMPARE(g.version, o.version);
        QCOMPARE(g.updatedAt, o.updatedAt);

        QCOMPARE(d.lines.size(), 2);
        const OrderLine &gl = d.lines[0];
        QCOMPARE(gl.id, l1.id);
        QCOMPARE(gl.orderId, l1.orderId);
        QCOMPARE(gl.variantId, l1.variantId);
        QCOMPARE(gl.sku, l1.sku);
        QCOMPARE(gl.title, l1.title);
        QCOMPARE(gl.variantTitle, l1.variantTitle);
        QCOMPARE(gl.quantity, l1.quantity);
        QCOMPARE(gl.unitPrice, l1.unitPrice);
        QCOMPARE(gl.discount, l1.discount);
        QCOMPARE(gl.tax, l1.tax);
        QCOMPARE(gl.total, l1.total);
        QVERIFY(d.lines[1].variantId.isNull());

        QCOMPARE(d.fulfillments.size(), 1);
        const Fulfillment &gf = d.fulfillments[0];
        QCOMPARE(gf.id, f.id);
        QCOMPARE(gf.orderId, f.orderId);
        QCOMPARE(gf.locationId, f.locationId);
        QCOMPARE(gf.trackingNumber, f.trackingNumber);
        QCOMPARE(gf.carrier, f.carrier);
        QCOMPARE(gf.createdAt, f.createdAt);
        QCOMPARE(gf.version, f.version);
        QCOMPARE(gf.updatedAt, f.updatedAt);
        QCOMPARE(gf.lines.size(), 2);
        QCOMPARE(gf.lines[0].orderLineId, l1.id); // in line order
        QCOMPARE(gf.lines[0].quantity, qint64(1));
        QCOMPARE(gf.lines[1].orderLineId, l2.id);

        QCOMPARE(d.refunds.size(), 1);
        const Refund &gr = d.refunds[0];
        QCOMPARE(gr.id, r.id);
        QCOMPARE(gr.orderId, r.orderId);
        QCOMPARE(gr.amount, r.amount);
        QCOMPARE(gr.reason, r.reason);
        QCOMPARE(gr.restock, r.restock);
        QCOMPARE(gr.createdAt, r.createdAt);
        QCOMPARE(gr.version, r.version);
        QCOMPARE(gr.updatedAt, r.updatedAt);
        QCOMPARE(gr.lines.size(), 1);
        QCOMPARE(gr.lines[0].orderLineId, l1.id);
        QCOMPARE(gr.lines[0].quantity, qint64(1));
        QCOMPARE(gr.lines[0].amount, qint64(4850));

        QCOMPARE(d.events.size(), 2);
        QCOMPARE(d.events[0].id, early.id); // sorted by time
        QCOMPARE(toString(d.events[0].kind), toString(early.kind));
        QCOMPARE(d.events[1].id, late.id);
        QCOMPARE(d.events[1].message, late.message);
        QCOMPARE(d.events[1].author, late.author);
        QCOMPARE(d.events[1].createdAt, late.createdAt);
        QCOMPARE(d.events[1].version, late.version);
        QCOMPARE(d.events[1].updatedAt, late.updatedAt);

        auto byNumber = repo.orderByNumber(1001);
        SK_VERIFY_OK(byNumber);
        QVERIFY(byNumber->has_value());
        QCOMPARE((*byNumber)->id, o.id);
        QVERIFY(!repo.orderByNumber(999).value().has_value());
        QVERIFY(!repo.detail(QStringLiteral("nope")).value().has_value());
        QVERIFY(!test::hasBusyStatement(**reader));

        // Upserting the fulfillment again replaces its lines.
        f.lines = {{l2.id, 1}};
        f.trackingNumber = QStringLiteral("1Z000");
        SK_VERIFY_OK(write([&](OrderRepository &w) { return w.upsertFulfillment(f); }));
        got = repo.detail(o.id);
        SK_VERIFY_OK(got);
        QCOMPARE((*got)->fulfillments.size(), 1);
        QCOMPARE((*got)->fulfillments[0].trackingNumber, QStringLiteral("1Z000"));
        QCOMPARE((*got)->fulfillments[0].lines.size(), 1);
        QCOMPARE((*got)->fulfillments[0].lines[0].orderLineId, l2.id);
    }

    void refundedTotalFollowsRefundsAndCannotExceedTheTotal()
    {
        Order o = test::makeOrder(1, 2001, 10000, 1);
        Order other = test::makeOrder(2, 2002, 10000, 2);
        SK_VERIFY_OK(write([&](OrderRepository &repo) -> Result<void> {
            SK_TRY(repo.upsertOrder(o));
            return repo.upsertOrder(other);
        }));
        const auto refunded = [&](const QString &id) {
            auto reader = store().openReader();
            return reader.ok() ? OrderRepository(**reader).order(id).value()->refundedTotal : qint64(-1);
        };
        Refund a;
        a.id = QStringLiteral("r-a");
        a.orderId = o.id;
        a.amount = 3000;
        a.createdAt = 10;
        Refund b = a;
        b.id = QStringLiteral("r-b");
        b.amount = 2500;
        SK_VERIFY_OK(write([&](OrderRepository &repo) -> Result<void> {
            SK_TRY(repo.upsertRefund(a));
            return repo.upsertRefund(b);
        }));
        QCOMPARE(refunded(o.id), qint64(5500));

        a.amount = 4000; // corrected amount
        SK_VERIFY_OK(write([&](OrderRepository &repo) { return repo.upsertRefund(a); }));
        QCOMPARE(refunded(o.id), qint64(6500));

        b.orderId = other.id; // booked against the wrong order, moved
        SK_VERIFY_OK(write([&](OrderRepository &repo) { return repo.upsertRefund(b); }));
        QCOMPARE(refunded(o.id), qint64(4000));
        QCOMPARE(refunded(other.id), qint64(2500));

        Refund tooMuch = a;
        tooMuch.id = QStringLiteral("r-c");
        tooMuch.amount = 6001;
        auto r = write([&](OrderRepository &repo) { return repo.upsertRefund(tooMuch); });
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QStringLiteral("sqlite.constraint"));
        QCOMPARE(refunded(o.id), qint64(4000));
        auto reader = store().openReader();
        SK_VERIFY_OK(reader);
        QCOMPARE((*reader)->queryInt64("SELECT count(*) FROM refunds").value(), qint64(2));
    }

    void duplicateNumberGivesAClearError()
    {
        SK_VERIFY_OK(write([&](OrderRepository &repo) { return repo.upsertOrder(test::makeOrder(1, 3001, 100, 1)); }));
        auto r = write([&](OrderRepository &repo) { return repo.upsertOrder(test::makeOrder(2, 3001, 100, 1)); });
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QStringLiteral("order.duplicate_number"));
        QVERIFY(r.error().message.contains(QLatin1String("3001")));
    }

    void deletingAnOrderRemovesEverythingHangingOffIt()
    {
        const Order o = test::makeOrder(1, 4001, 1000, 1);
        const OrderLine l = makeLine(o.id, 1, 1, 1000);
        SK_VERIFY_OK(write([&](OrderRepository &repo) -> Result<void> {
            SK_TRY(repo.upsertOrder(o));
            SK_TRY(repo.upsertLine(l));
            Fulfillment f;
            f.id = QStringLiteral("f");
            f.orderId = o.id;
            f.lines = {{l.id, 1}};
            SK_TRY(repo.upsertFulfillment(f));
            Refund r;
            r.id = QStringLiteral("r");
            r.orderId = o.id;
            r.amount = 10;
            r.lines = {{l.id, 1, 10}};
            SK_TRY(repo.upsertRefund(r));
            OrderEvent e;
            e.id = QStringLiteral("e");
            e.orderId = o.id;
            return repo.upsertEvent(e);
        }));
        SK_VERIFY_OK(write([&](OrderRepository &repo) { return repo.deleteOrder(o.id); }));
        auto reader = store().openReader();
        SK_VERIFY_OK(reader);
        for (const char *table : {"orders", "order_lines", "fulfillments", "fulfillment_lines", "refunds", "refund_lines",
                                  "order_events"}) {
            QCOMPARE((*reader)->queryInt64(QByteArray("SELECT count(*) FROM ") + table).value(), qint64(0));
        }
        QVERIFY(OrderRepository(**reader).search(QStringLiteral("4001")).value().isEmpty());
    }

    void keysetPagingWalksEveryOrderOnceInOrder_data()
    {
        QTest::addColumn<int>("sort");
        QTest::addColumn<int>("order");
        QTest::newRow("placed desc") << int(OrderSort::PlacedAt) << int(SortOrder::Descending);
        QTest::newRow("placed asc") << int(OrderSort::PlacedAt) << int(SortOrder::Ascending);
        QTest::newRow("number asc") << int(OrderSort::Number) << int(SortOrder::Ascending);
        QTest::newRow("number desc") << int(OrderSort::Number) << int(SortOrder::Descending);
        QTest::newRow("total asc") << int(OrderSort::Total) << int(SortOrder::Ascending);
        QTest::newRow("total desc") << int(OrderSort::Total) << int(SortOrder::Descending);
    }
    void keysetPagingWalksEveryOrderOnceInOrder()
    {
        QFETCH(int, sort);
        QFETCH(int, order);
        SK_VERIFY_OK(write([&](OrderRepository &repo) -> Result<void> {
            for (int i = 0; i < 310; ++i) {
                // Numbers not in insertion order; placed times and totals with many ties.
                Order o = test::makeOrder(i, 10'000 + (i * 113) % 310, 100 * ((i * 7) % 19), 50'000 + (i * 3) % 23);
                SK_TRY(repo.upsertOrder(o));
                SK_TRY(repo.upsertLine(makeLine(o.id, 1, i % 4 + 1, 10)));
                SK_TRY(repo.upsertLine(makeLine(o.id, 2, 2, 10)));
            }
            return {};
        }));
        auto reader = store().openReader();
        SK_VERIFY_OK(reader);
        OrderRepository repo(**reader);
        OrderQuery q;
        q.sort = OrderSort(sort);
        q.order = SortOrder(order);
        q.limit = 19;
        const QList<OrderListRow> rows = walk(repo, q);
        QCOMPARE(rows.size(), 310);
        QList<OrderListRow> expected = rows;
        const bool asc = q.order == SortOrder::Ascending;
        const auto valueOf = [&](const OrderListRow &r) {
            switch (q.sort) {
            case OrderSort::PlacedAt: return r.placedAt;
            case OrderSort::Number: return r.number;
            case OrderSort::Total: return r.total;
            }
            return qint64(0);
        };
        std::sort(expected.begin(), expected.end(), [&](const OrderListRow &a, const OrderListRow &b) {
            const qint64 va = valueOf(a);
            const qint64 vb = valueOf(b);
            const int c = va != vb ? (va < vb ? -1 : 1) : (a.rid < b.rid ? -1 : 1);
            return asc ? c < 0 : c > 0;
        });
        for (int i = 0; i < rows.size(); ++i)
            QCOMPARE(rows[i].rid, expected[i].rid);
        const auto it = std::find_if(rows.cbegin(), rows.cend(), [](const auto &r) { return r.id == test::idFor("ord", 5); });
        QVERIFY(it != rows.cend());
        QCOMPARE(it->itemCount, qint64(5 % 4 + 1 + 2));
        QCOMPARE(it->number, qint64(10'000 + (5 * 113) % 310));
        QCOMPARE(it->customerName, QStringLiteral("Guest 5"));
        QCOMPARE(it->currency, QStringLiteral("EUR"));
    }

    void filtersNarrowTheList()
    {
        const Customer c = test::makeCustomer(1, QStringLiteral("Ada"), QStringLiteral("L"), QStringLiteral("ada@x.com"));
        SK_VERIFY_OK(store().write([&](SqliteDatabase &db) -> Result<void> {
            SK_TRY(CustomerRepository(db).upsertCustomer(c));
            OrderRepository repo(db);
            for (int i = 0; i < 120; ++i) {
                Order o = test::makeOrder(i, 100 + i, 1000 + i, 1000 + i);
                o.status = OrderStatus(i % enumCount<OrderStatus>());
                o.financialStatus = FinancialStatus(i % enumCount<FinancialStatus>());
                o.fulfillmentStatus = FulfillmentStatus(i % enumCount<FulfillmentStatus>());
                o.channel = OrderChannel(i % enumCount<OrderChannel>());
                if (i % 10 == 0)
                    o.customerId = c.id;
                SK_TRY(repo.upsertOrder(o));
            }
            return {};
        }));
        auto reader = store().openReader();
        SK_VERIFY_OK(reader);
        OrderRepository repo(**reader);
        const auto matches = [](const OrderFilter &f, int i) {
            const qint64 placed = 1000 + i;
            return (!f.status || int(*f.status) == i % enumCount<OrderStatus>())
                && (!f.financialStatus || int(*f.financialStatus) == i % enumCount<FinancialStatus>())
                && (!f.fulfillmentStatus || int(*f.fulfillmentStatus) == i % enumCount<FulfillmentStatus>())
                && (!f.channel || int(*f.channel) == i % enumCount<OrderChannel>())
                && (f.customerId.isEmpty() || i % 10 == 0) && (!f.placedFrom || placed >= *f.placedFrom)
                && (!f.placedTo || placed < *f.placedTo);
        };
        QList<OrderFilter> filters;
        OrderFilter f;
        f.status = OrderStatus::Completed;
        filters.append(f);
        f = {};
        f.financialStatus = FinancialStatus::Paid;
        f.channel = OrderChannel::Web;
        filters.append(f);
        f = {};
        f.fulfillmentStatus = FulfillmentStatus::Partial;
        f.placedFrom = 1030;
        f.placedTo = 1090;
        filters.append(f);
        f = {};
        f.customerId = c.id;
        filters.append(f);
        f.placedFrom = 1050;
        filters.append(f);
        f = {};
        f.placedFrom = 1010;
        f.placedTo = 1011;
        filters.append(f);
        for (const OrderFilter &filter : filters) {
            for (OrderSort sort : {OrderSort::PlacedAt, OrderSort::Number, OrderSort::Total}) {
                OrderQuery q;
                q.filter = filter;
                q.sort = sort;
                q.limit = 3;
                QList<qint64> got;
                for (const auto &r : walk(repo, q))
                    got.append(r.number);
                QList<qint64> expected;
                for (int i = 119; i >= 0; --i) { // descending: number, total and time all grow with i
                    if (matches(filter, i))
                        expected.append(100 + i);
                }
                QVERIFY(!expected.isEmpty());
                QCOMPARE(got, expected);
            }
        }
    }

    void searchFindsNumbersWithOrWithoutHashAndCustomerNames()
    {
        SK_VERIFY_OK(write([&](OrderRepository &repo) -> Result<void> {
            // 1001 plus many orders whose number starts with 1001, inserted first.
            for (int i = 0; i < 80; ++i) {
                Order o = test::makeOrder(i, 100'100 + i, 100, i);
                SK_TRY(repo.upsertOrder(o));
            }
            Order target = test::makeOrder(500, 1001, 100, 1);
            target.customerName = QStringLiteral("Grace Hopper");
            SK_TRY(repo.upsertOrder(target));
            Order other = test::makeOrder(501, 2002, 100, 1);
            other.customerName = QStringLiteral("Alan Turing");
            return repo.upsertOrder(other);
        }));
        auto reader = store().openReader();
        SK_VERIFY_OK(reader);
        OrderRepository repo(**reader);
        for (const QString &text : {QStringLiteral("1001"), QStringLiteral("#1001"), QStringLiteral(" # 1001 ")}) {
            auto hits = repo.search(text, 10);
            SK_VERIFY_OK(hits);
            QCOMPARE(hits->size(), 10);
            QCOMPARE(hits->first().number, qint64(1001));
        }
        auto prefix = repo.search(QStringLiteral("#10010"), 100);
        SK_VERIFY_OK(prefix);
        QCOMPARE(prefix->size(), 10); // 100100..100109
        auto name = repo.search(QStringLiteral("hopp"));
        SK_VERIFY_OK(name);
        QCOMPARE(name->size(), 1);
        QCOMPARE(name->first().number, qint64(1001));
        QCOMPARE(name->first().customerName, QStringLiteral("Grace Hopper"));
        QCOMPARE(repo.search(QStringLiteral("alan tur")).value().size(), 1);
        QVERIFY(repo.search(QStringLiteral("#")).value().isEmpty());
        QVERIFY(repo.search(QStringLiteral("9999")).value().isEmpty());

        // A renamed customer is found under the new name only.
        SK_VERIFY_OK(write([&](OrderRepository &w) -> Result<void> {
            Order o = w.orderByNumber(2002).value().value();
            o.customerName = QStringLiteral("Alonzo Church");
            return w.upsertOrder(o);
        }));
        QVERIFY(repo.search(QStringLiteral("turing")).value().isEmpty());
        QCOMPARE(repo.search(QStringLiteral("church")).value().size(), 1);
    }

    void listQueriesUseIndexesForEverySort()
    {
        auto reader = store().openReader();
        SK_VERIFY_OK(reader);
        QList<OrderFilter> filters;
        filters.append(OrderFilter{});
        OrderFilter f;
        f.status = OrderStatus::Pending;
        filters.append(f);
        f = {};
        f.financialStatus = FinancialStatus::Paid;
        filters.append(f);
        f = {};
        f.fulfillmentStatus = FulfillmentStatus::Unfulfilled;
        f.channel = OrderChannel::Web;
        filters.append(f);
        f = {};
        f.placedFrom = 1;
        f.placedTo = 2;
        filters.append(f);
        f = {};
        f.customerId = QStringLiteral("c");
        filters.append(f);
        f.status = OrderStatus::Completed;
        f.placedFrom = 1;
        filters.append(f);
        for (const OrderFilter &filter : filters) {
            for (OrderSort sort : {OrderSort::PlacedAt, OrderSort::Number, OrderSort::Total}) {
                for (SortOrder order : {SortOrder::Ascending, SortOrder::Descending}) {
                    for (bool deep : {false, true}) {
                        OrderQuery q;
                        q.filter = filter;
                        q.sort = sort;
                        q.order = order;
                        if (deep)
                            q.after = test::sortKey(qint64(5), 10);
                        const QByteArray sql = OrderRepository::listSql(q);
                        auto plan = test::queryPlan(**reader, sql);
                        SK_VERIFY_OK(plan);
                        // One customer's orders are few: sorting them by number or total is
                        // allowed, scanning all orders is not.
                        const bool customerSort = !filter.customerId.isEmpty() && sort != OrderSort::PlacedAt;
                        const QString problem =
                            test::planProblem(*plan, QStringLiteral("o"), deep && !customerSort, customerSort);
                        QVERIFY2(problem.isEmpty(), qPrintable(problem + QLatin1Char('\n') + QString::fromUtf8(sql)));
                        if (customerSort)
                            QVERIFY2(plan->join(QLatin1Char('|')).contains(QLatin1String("orders_customer (customer_id=?")),
                                     qPrintable(plan->join(QLatin1Char('|'))));
                    }
                }
            }
        }
    }
};

QTEST_GUILESS_MAIN(tst_OrderRepository)
#include "tst_orderrepository.moc"
