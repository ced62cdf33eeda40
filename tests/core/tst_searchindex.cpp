#include "storage/customerrepository.h"
#include "storage/orderrepository.h"
#include "storage/productrepository.h"
#include "storage/searchindex.h"
#include "storagetestsupport.h"
#include "testsupport.h"

#include <QTest>

using namespace sk;

namespace {

QStringList triggers(SqliteDatabase &db)
{
    auto s = db.prepare("SELECT name || ':' || sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name");
    QStringList out;
    while (s.ok() && s->step().valueOr(false))
        out.append(s->text(0));
    return out;
}

Result<void> writeShop(SqliteDatabase &db, int from, int count)
{
    ProductRepository products(db);
    CustomerRepository customers(db);
    OrderRepository orders(db);
    for (int i = from; i < from + count; ++i) {
        const Product p = test::makeProduct(i, QStringLiteral("Lantern %1").arg(i));
        SK_TRY(products.upsertProduct(p));
        Variant v = test::makeVariant(i, p.id, QStringLiteral("LAN-%1").arg(i), 100);
        v.barcode = QStringLiteral("9%1").arg(i, 12, 10, QLatin1Char('0'));
        SK_TRY(products.upsertVariant(v));
        Customer c = test::makeCustomer(i, QStringLiteral("Grace"), QStringLiteral("Hopper%1").arg(i),
                                        QStringLiteral("g%1@navy.mil").arg(i));
        c.tags = i % 2 == 0 ? QStringLiteral("Lantern Club, navy") : QStringLiteral("navy");
        SK_TRY(customers.upsertCustomer(c));
        Order o = test::makeOrder(i, 7000 + i, 100, i);
        o.customerName = QStringLiteral("Grace Hopper%1").arg(i);
        SK_TRY(orders.upsertOrder(o));
    }
    return {};
}

} // namespace

class tst_SearchIndex : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TempStore> m_temp;

private slots:
    void init()
    {
        m_temp = test::makeTempStore();
        QVERIFY(m_temp);
    }
    void cleanup() { m_temp.reset(); }

    void suspendNeedsATransaction()
    {
        ShopStore::WriterLock lock(*m_temp->store);
        auto r = SearchIndex::suspend(lock.db());
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QStringLiteral("search.no_transaction"));
        QVERIFY(!triggers(lock.db()).isEmpty());
    }

    void aSuspendedBulkLoadEndsSearchableWithTheSameTriggers()
    {
        ShopStore &store = *m_temp->store;
        SK_VERIFY_OK(store.write([](SqliteDatabase &db) { return writeShop(db, 0, 5); })); // indexed by triggers
        QStringList before;
        SK_VERIFY_OK(store.write([&](SqliteDatabase &db) -> Result<void> {
            before = triggers(db);
            SK_TRY_ASSIGN(suspension, SearchIndex::suspend(db));
            if (!triggers(db).filter(QStringLiteral("_search_")).isEmpty())
                return makeError(QStringLiteral("test"), QStringLiteral("search triggers still present"));
            SK_TRY(writeShop(db, 5, 200));
            return SearchIndex::resume(db, suspension);
        }));
        auto reader = store.openReader();
        SK_VERIFY_OK(reader);
        QCOMPARE(triggers(**reader), before);
        QVERIFY(before.filter(QStringLiteral("_search_")).size() >= 10);

        ProductRepository products(**reader);
        CustomerRepository customers(**reader);
        OrderRepository orders(**reader);
        QCOMPARE(products.search(QStringLiteral("lantern"), 1000).value().size(), 205);
        QCOMPARE(products.search(QStringLiteral("LAN-150")).value().size(), 1);
        QCOMPARE(products.search(QStringLiteral("9000000000150")).value().size(), 1);
        QCOMPARE(customers.search(QStringLiteral("g150@navy")).value().size(), 1);
        QCOMPARE(customers.search(QStringLiteral("grace"), 1000).value().size(), 205);
        QCOMPARE(orders.search(QStringLiteral("#7150")).value().first().number, qint64(7150));
        QCOMPARE(orders.search(QStringLiteral("hopper150")).value().size(), 1);
        const auto tagged = [&](const char *tag) {
            return (*reader)->queryInt64(QByteArray("SELECT count(*) FROM customer_tags WHERE tag = '") + tag + "'").value();
        };
        QCOMPARE(tagged("lantern club"), qint64(103));
        QCOMPARE(tagged("navy"), qint64(205));

        // The rebuilt entries are exactly what the triggers later delete: renames leave
        // nothing stale behind.
        SK_VERIFY_OK(store.write([](SqliteDatabase &db) -> Result<void> {
            ProductRepository repo(db);
            Product p = repo.product(test::idFor("prod", 150)).value().value();
            p.title = QStringLiteral("Candle");
            SK_TRY(repo.upsertProduct(p));
            CustomerRepository c(db);
            Customer cu = c.customer(test::idFor("cust", 150)).value().value();
            cu.email = QStringLiteral("other@example.com");
            cu.tags = QStringLiteral("navy");
            SK_TRY(c.upsertCustomer(cu));
            return OrderRepository(db).deleteOrder(test::idFor("ord", 150));
        }));
        QCOMPARE(products.search(QStringLiteral("lantern"), 1000).value().size(), 204);
        QCOMPARE(products.search(QStringLiteral("candle")).value().size(), 1);
        QCOMPARE(customers.search(QStringLiteral("g150@navy")).value().size(), 0);
        QCOMPARE(customers.search(QStringLiteral("other@example")).value().size(), 1);
        QVERIFY(orders.search(QStringLiteral("#7150")).value().isEmpty());
        QCOMPARE(tagged("lantern club"), qint64(102));
        QCOMPARE(tagged("navy"), qint64(205));
        SK_VERIFY_OK(store.write([](SqliteDatabase &db) {
            return db.exec("INSERT INTO variant_search (variant_search) VALUES ('integrity-check');"
                           "INSERT INTO customer_search (customer_search) VALUES ('integrity-check');"
                           "INSERT INTO order_search (order_search) VALUES ('integrity-check');");
        }));
    }

    void aRolledBackLoadKeepsTheTriggers()
    {
        ShopStore &store = *m_temp->store;
        QStringList before;
        {
            ShopStore::WriterLock lock(store);
            before = triggers(lock.db());
        }
        auto r = store.write([](SqliteDatabase &db) -> Result<void> {
            SK_TRY(SearchIndex::suspend(db));
            SK_TRY(writeShop(db, 0, 3));
            return makeError(QStringLiteral("test.abort"), QStringLiteral("load cancelled"));
        });
        QVERIFY(!r.ok());
        auto reader = store.openReader();
        SK_VERIFY_OK(reader);
        QCOMPARE(triggers(**reader), before);
        // And they work.
        SK_VERIFY_OK(store.write([](SqliteDatabase &db) { return writeShop(db, 0, 1); }));
        QCOMPARE(ProductRepository(**reader).search(QStringLiteral("lantern")).value().size(), 1);
    }
};

QTEST_GUILESS_MAIN(tst_SearchIndex)
#include "tst_searchindex.moc"
