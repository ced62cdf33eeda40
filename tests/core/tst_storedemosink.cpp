#include "demo/demogenerator.h"
#include "demo/storedemosink.h"
#include "domain/gtin.h"
#include "storage/ftsquery.h"
#include "storage/productrepository.h"
#include "testsupport.h"

#include <QElapsedTimer>
#include <QSet>
#include <QTest>

using namespace sk;

namespace {

DemoOptions smallOptions()
{
    DemoOptions o;
    o.scale = DemoScale::Small;
    o.seed = 20261121;
    o.endDate = QDate(2026, 11, 21);
    return o;
}

QStringList schemaOf(SqliteDatabase &db)
{
    QStringList out;
    auto stmt = db.prepare("SELECT type || ' ' || name || ' ' || coalesce(sql, '') FROM sqlite_master ORDER BY type, name");
    if (!stmt.ok())
        return {stmt.error().toString()};
    while (stmt->step().valueOr(false))
        out << stmt->text(0);
    return out;
}

QList<qint64> column(SqliteDatabase &db, const QByteArray &sql, const QString &bind = {})
{
    QList<qint64> out;
    auto stmt = db.prepare(sql);
    if (!stmt.ok()) {
        qWarning("%s", qPrintable(stmt.error().toString()));
        return {-1};
    }
    if (!bind.isNull())
        stmt->bind(1, bind);
    while (stmt->step().valueOr(false))
        out << stmt->int64(0);
    return out;
}

QStringList texts(SqliteDatabase &db, const QByteArray &sql)
{
    QStringList out;
    auto stmt = db.prepare(sql);
    if (!stmt.ok())
        return {stmt.error().toString()};
    while (stmt->step().valueOr(false))
        out << stmt->text(0);
    return out;
}

qint64 scalar(SqliteDatabase &db, const QByteArray &sql)
{
    auto v = db.queryInt64(sql);
    if (!v.ok()) {
        qWarning("%s", qPrintable(v.error().toString()));
        return -999;
    }
    return *v;
}

} // namespace

class tst_StoreDemoSink : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::TempStore> m_temp;
    std::unique_ptr<SqliteDatabase> m_db;
    DemoStats m_stats;
    QStringList m_freshSchema;

private slots:
    void initTestCase()
    {
        auto fresh = test::makeTempStore();
        QVERIFY(fresh);
        auto freshReader = fresh->store->openReader();
        SK_VERIFY_OK(freshReader);
        m_freshSchema = schemaOf(**freshReader);
        QVERIFY(m_freshSchema.size() > 40);

        m_temp = test::makeTempStore();
        QVERIFY(m_temp);
        QElapsedTimer timer;
        timer.start();
        auto stats = generateDemoInto(*m_temp->store, smallOptions());
        SK_VERIFY_OK(stats);
        m_stats = *stats;
        qInfo("small demo into SQLite: %lld records in %lld ms", m_stats.records, qint64(timer.elapsed()));
        auto reader = m_temp->store->openReader();
        SK_VERIFY_OK(reader);
        m_db = std::move(*reader);
    }

    void bulkLoadLeavesTheSchemaAsMigrationsMadeIt()
    {
        QCOMPARE(schemaOf(*m_db), m_freshSchema);
        QCOMPARE(scalar(*m_db, "SELECT count(*) FROM store_meta WHERE key = 'demo_bulk_load_pending'"), 0);
        // The writer connection is back to its normal settings.
        auto pragmas = m_temp->store->write([](SqliteDatabase &db) -> Result<qint64> {
            SK_TRY_ASSIGN(fk, db.queryInt64("PRAGMA foreign_keys"));
            SK_TRY_ASSIGN(sync, db.queryInt64("PRAGMA synchronous"));
            return fk * 10 + sync;
        });
        SK_VERIFY_OK(pragmas);
        QCOMPARE(*pragmas, 12); // foreign_keys=1, synchronous=FULL(2)
    }

    void fileIsIntact()
    {
        QCOMPARE(texts(*m_db, "PRAGMA integrity_check"), QStringList{QStringLiteral("ok")});
        QCOMPARE(texts(*m_db, "PRAGMA foreign_key_check"), QStringList());
    }

    void countsMatchTheStats()
    {
        QCOMPARE(scalar(*m_db, "SELECT count(*) FROM products"), m_stats.products);
        QCOMPARE(scalar(*m_db, "SELECT count(*) FROM variants"), m_stats.variants);
        QCOMPARE(scalar(*m_db, "SELECT count(*) FROM customers"), m_stats.customers);
        QCOMPARE(scalar(*m_db, "SELECT count(*) FROM orders"), m_stats.orders);
        QCOMPARE(scalar(*m_db, "SELECT count(*) FROM order_lines"), m_stats.orderLines);
        QCOMPARE(scalar(*m_db, "SELECT count(*) FROM inventory_levels"), m_stats.inventoryLevels);
        QCOMPARE(scalar(*m_db, "SELECT count(*) FROM inventory_ledger"), m_stats.ledgerEntries);
        QCOMPARE(scalar(*m_db, "SELECT count(*) FROM locations"), 2);
        QCOMPARE(texts(*m_db, "SELECT shop_id || '/' || currency || '/' || time_zone FROM shop_settings"),
                 QStringList{QStringLiteral("shop-test/EUR/Europe/Paris")});
        QVERIFY(scalar(*m_db, "SELECT count(*) FROM fulfillments") > m_stats.orders / 2);
        QVERIFY(scalar(*m_db, "SELECT count(*) FROM refunds") > 0);
        QVERIFY(scalar(*m_db, "SELECT count(*) FROM order_events WHERE kind = 'note'") > 0);
        QVERIFY(scalar(*m_db, "SELECT count(*) FROM customer_addresses") >= m_stats.customers);
    }

    void totalsAddUp()
    {
        QCOMPARE(scalar(*m_db, "SELECT count(*) FROM order_lines WHERE total != quantity * unit_price - discount + tax"), 0);
        QCOMPARE(scalar(*m_db, "SELECT count(*) FROM orders o WHERE "
                               "subtotal != (SELECT sum(quantity * unit_price) FROM order_lines WHERE order_id = o.id) "
                               "OR discount_total != (SELECT sum(discount) FROM order_lines WHERE order_id = o.id) "
                               "OR tax_total != (SELECT sum(tax) FROM order_lines WHERE order_id = o.id) "
                               "OR total != subtotal - discount_total + shipping_total + tax_total"),
                 0);
        QCOMPARE(scalar(*m_db, "SELECT count(*) FROM orders o WHERE refunded_total > total OR refunded_total != "
                               "(SELECT coalesce(sum(amount), 0) FROM refunds WHERE order_id = o.id)"),
                 0);
        QCOMPARE(scalar(*m_db, "SELECT count(*) FROM refunds r WHERE amount < "
                               "(SELECT coalesce(sum(amount), 0) FROM refund_lines WHERE refund_id = r.id)"),
                 0);
    }

    void orderNumbersRunInTimeOrder()
    {
        QCOMPARE(scalar(*m_db, "SELECT min(number) FROM orders"), 1001);
        QCOMPARE(scalar(*m_db, "SELECT max(number) FROM orders"), 1000 + m_stats.orders);
        QCOMPARE(scalar(*m_db, "SELECT count(DISTINCT number) FROM orders"), m_stats.orders);
        QCOMPARE(scalar(*m_db, "SELECT count(*) FROM orders a JOIN orders b ON b.number = a.number + 1 "
                               "WHERE b.placed_at < a.placed_at"),
                 0);
    }

    void statusesAreConsistent()
    {
        QCOMPARE(scalar(*m_db, "SELECT count(*) FROM orders o WHERE status = 'cancelled' AND "
                               "(fulfillment_status != 'unfulfilled' OR EXISTS (SELECT 1 FROM fulfillments WHERE order_id = o.id))"),
                 0);
        QCOMPARE(scalar(*m_db, "SELECT count(*) FROM orders WHERE status = 'completed' AND "
                               "(fulfillment_status != 'fulfilled' OR financial_status NOT IN ('paid', 'partially_refunded'))"),
                 0);
        QCOMPARE(scalar(*m_db, "SELECT count(*) FROM orders WHERE status = 'refunded' AND "
                               "(financial_status != 'refunded' OR refunded_total != total)"),
                 0);
        QCOMPARE(scalar(*m_db, "SELECT count(*) FROM orders WHERE status IN ('pending', 'processing', 'on_hold') "
                               "AND fulfillment_status = 'fulfilled'"),
                 0);
        // fulfillment_status is what the fulfillment rows say.
        QCOMPARE(scalar(*m_db, "WITH shipped AS (SELECT l.order_id, l.quantity, "
                               "coalesce((SELECT sum(quantity) FROM fulfillment_lines WHERE order_line_id = l.id), 0) AS done "
                               "FROM order_lines l), per AS (SELECT order_id, sum(done >= quantity) AS full, sum(done > 0) AS any, "
                               "count(*) AS n FROM shipped GROUP BY order_id) "
                               "SELECT count(*) FROM orders o JOIN per ON per.order_id = o.id WHERE o.fulfillment_status != "
                               "CASE WHEN per.full = per.n THEN 'fulfilled' WHEN per.any > 0 THEN 'partial' ELSE 'unfulfilled' END"),
                 0);
        const qint64 n = m_stats.orders;
        const qint64 cancelled = scalar(*m_db, "SELECT count(*) FROM orders WHERE status = 'cancelled'");
        QVERIFY(cancelled > n / 100 && cancelled < n * 35 / 1000);
        QVERIFY(scalar(*m_db, "SELECT count(*) FROM orders WHERE status IN ('processing', 'pending')") > 0);
        QVERIFY(scalar(*m_db, "SELECT count(*) FROM fulfillments WHERE tracking_number != '' AND carrier != ''") > 0);
    }

    void stockLevelsEqualTheirLedger()
    {
        QCOMPARE(scalar(*m_db, "SELECT count(*) FROM inventory_levels l WHERE on_hand != (SELECT coalesce(sum(delta), 0) "
                               "FROM inventory_ledger g WHERE g.variant_id = l.variant_id AND g.location_id = l.location_id)"),
                 0);
        QCOMPARE(scalar(*m_db, "SELECT count(*) FROM (SELECT quantity_after, sum(delta) OVER (PARTITION BY variant_id, "
                               "location_id ORDER BY created_at, rid) AS running FROM inventory_ledger) WHERE quantity_after != running"),
                 0);
        // Every level's history opens with its opening balance (when it has one).
        QCOMPARE(scalar(*m_db, "SELECT count(*) FROM inventory_ledger WHERE reason = 'correction' AND "
                               "(reference != 'opening balance' OR created_at != (SELECT min(created_at) FROM inventory_ledger))"),
                 0);
        QCOMPARE(scalar(*m_db, "SELECT count(*) FROM (SELECT variant_id, location_id, reason, "
                               "row_number() OVER (PARTITION BY variant_id, location_id ORDER BY created_at, rid) AS n "
                               "FROM inventory_ledger) WHERE n > 1 AND reason = 'correction'"),
                 0);
        QCOMPARE(scalar(*m_db, "SELECT count(*) FROM inventory_ledger g WHERE reason IN ('sold', 'returned') AND NOT EXISTS "
                               "(SELECT 1 FROM orders o WHERE o.number = CAST(g.reference AS INTEGER))"),
                 0);
        // The window is the last 90 days.
        QCOMPARE(scalar(*m_db, "SELECT (max(created_at) - min(created_at)) / 86400000 FROM inventory_ledger"), 89);
        for (const char *reason : {"correction", "received", "sold", "returned"}) {
            QVERIFY2(scalar(*m_db, QByteArray("SELECT count(*) FROM inventory_ledger WHERE reason = '") + reason + "'") > 0,
                     reason);
        }
        QVERIFY(scalar(*m_db, "SELECT count(*) FROM inventory_levels WHERE on_hand = 0") > 0);
        QVERIFY(scalar(*m_db, "SELECT count(*) FROM inventory_levels WHERE on_hand - committed <= low_stock_threshold") > 0);
        QCOMPARE(scalar(*m_db, "SELECT count(*) FROM locations l WHERE (SELECT coalesce(sum(on_hand), 0) "
                               "FROM inventory_levels WHERE location_id = l.id) <= 0"),
                 0);
    }

    void committedIsWhatOpenOrdersStillNeed()
    {
        const QByteArray openUnits =
            "WITH open_units AS (SELECT l.variant_id, o.location_id, sum(l.quantity - coalesce((SELECT sum(fl.quantity) "
            "FROM fulfillment_lines fl WHERE fl.order_line_id = l.id), 0)) AS units "
            "FROM orders o JOIN order_lines l ON l.order_id = o.id JOIN variants v ON v.id = l.variant_id "
            "WHERE o.status IN ('pending', 'processing', 'on_hold') AND v.track_inventory = 1 "
            "GROUP BY l.variant_id, o.location_id) ";
        QCOMPARE(scalar(*m_db, openUnits + "SELECT count(*) FROM inventory_levels il LEFT JOIN open_units u "
                                           "ON u.variant_id = il.variant_id AND u.location_id = il.location_id "
                                           "WHERE il.committed != coalesce(u.units, 0)"),
                 0);
        QCOMPARE(scalar(*m_db, openUnits + "SELECT count(*) FROM open_units u WHERE units > 0 AND NOT EXISTS "
                                           "(SELECT 1 FROM inventory_levels il WHERE il.variant_id = u.variant_id "
                                           "AND il.location_id = u.location_id)"),
                 0);
        QVERIFY(scalar(*m_db, "SELECT sum(committed) FROM inventory_levels") > 0);
    }

    void catalogueIsClean()
    {
        QCOMPARE(scalar(*m_db, "SELECT count(sku) - count(DISTINCT sku) FROM variants"), 0);
        QCOMPARE(scalar(*m_db, "SELECT count(*) FROM variants WHERE sku IS NULL"), 0);
        QCOMPARE(scalar(*m_db, "SELECT count(DISTINCT handle) FROM products"), m_stats.products);
        const QStringList barcodes = texts(*m_db, "SELECT barcode FROM variants WHERE barcode IS NOT NULL");
        QVERIFY(barcodes.size() > m_stats.variants * 3 / 4);
        for (const QString &b : barcodes)
            QVERIFY2(Gtin::validate(b).ok(), qPrintable(b));
        QCOMPARE(scalar(*m_db, "SELECT count(*) FROM products WHERE description LIKE '%<%'"), 0);
        QVERIFY(scalar(*m_db, "SELECT count(*) FROM products WHERE status = 'active'") > m_stats.products * 8 / 10);
    }

    void historyHasRhythm()
    {
        const qint64 december = scalar(*m_db, "SELECT sum(total) FROM orders WHERE strftime('%m', placed_at / 1000, 'unixepoch', 'localtime') = '12'");
        const qint64 july = scalar(*m_db, "SELECT sum(total) FROM orders WHERE strftime('%m', placed_at / 1000, 'unixepoch', 'localtime') = '07'");
        QVERIFY2(december > july, qPrintable(QStringLiteral("%1 vs %2").arg(december).arg(july)));
        const qint64 weekend = scalar(*m_db, "SELECT count(*) FROM orders WHERE strftime('%w', placed_at / 1000 + 3600, 'unixepoch') IN ('0', '6')");
        const qint64 weekdays = m_stats.orders - weekend;
        QVERIFY2(weekend * 5 > weekdays * 2, qPrintable(QStringLiteral("%1 vs %2").arg(weekend).arg(weekdays)));
        const qint64 repeat = scalar(*m_db, "SELECT count(*) FROM (SELECT customer_id FROM orders WHERE customer_id IS NOT NULL "
                                            "GROUP BY customer_id HAVING count(*) >= 2)");
        QVERIFY2(repeat > m_stats.customers / 10, qPrintable(QString::number(repeat)));
        QVERIFY(scalar(*m_db, "SELECT count(*) FROM orders WHERE customer_id IS NULL") > 0);
    }

    void searchWorksAfterTheBulkLoad()
    {
        // An active product's variant, found by the prefixes of its title words and by its SKU.
        auto stmt = m_db->prepare("SELECT v.rid, p.title, v.sku FROM variants v JOIN products p ON p.id = v.product_id "
                                  "WHERE p.status = 'active' AND v.option1 IS NOT NULL ORDER BY v.rid DESC LIMIT 1");
        SK_VERIFY_OK(stmt);
        QVERIFY(stmt->step().valueOr(false));
        const qint64 rid = stmt->int64(0);
        const QString title = stmt->text(1);
        const QString sku = stmt->text(2);
        QStringList prefixes;
        for (const QString &word : title.split(u' '))
            prefixes << word.left(3);
        const QString titleQuery = FtsQuery::prefixQuery(prefixes.join(u' '));
        QVERIFY(column(*m_db, "SELECT rowid FROM variant_search WHERE variant_search MATCH ?1", titleQuery).contains(rid));
        QVERIFY(column(*m_db, "SELECT rowid FROM variant_search WHERE variant_search MATCH ?1", FtsQuery::prefixQuery(sku))
                    .contains(rid));

        ProductRepository products(*m_db);
        auto bySku = products.search(sku);
        SK_VERIFY_OK(bySku);
        QVERIFY(!bySku->isEmpty());
        QCOMPARE(bySku->first().variantRid, rid);
        auto byTitle = products.search(title.left(4), 50);
        SK_VERIFY_OK(byTitle);
        QVERIFY(!byTitle->isEmpty());

        // Customers and orders are searchable too.
        const QString email = texts(*m_db, "SELECT email FROM customers ORDER BY rid LIMIT 1").value(0);
        QVERIFY(!column(*m_db, "SELECT rowid FROM customer_search WHERE customer_search MATCH ?1",
                        FtsQuery::prefixQuery(email.section(u'@', 0, 0)))
                     .isEmpty());
        QCOMPARE(column(*m_db, "SELECT count(*) FROM order_search WHERE order_search MATCH '\"1042\"'").value(0), 1);
    }

    void bulkLoadIndexesExactlyWhatTriggersIndex()
    {
        // The same shop loaded row by row, with every trigger in place, must search the same.
        auto other = test::makeTempStore();
        QVERIFY(other);
        DemoOptions o = smallOptions();
        o.shopId = QStringLiteral("shop-test");
        DemoGenerator generator(o);
        StoreDemoSink sink(*other->store, StoreDemoSink::Mode::Incremental);
        auto stats = generator.generate(sink);
        SK_VERIFY_OK(stats);
        auto reader = other->store->openReader();
        SK_VERIFY_OK(reader);
        SqliteDatabase &incremental = **reader;
        QCOMPARE(schemaOf(incremental), m_freshSchema);

        QStringList queries;
        for (const QString &t : texts(*m_db, "SELECT title FROM products ORDER BY rid LIMIT 12"))
            queries << FtsQuery::prefixQuery(t.left(2)) << FtsQuery::prefixQuery(t.section(u' ', -1).left(4));
        for (const QString &s : texts(*m_db, "SELECT sku FROM variants ORDER BY rid DESC LIMIT 8"))
            queries << FtsQuery::prefixQuery(s.left(6));
        for (const QString &b : texts(*m_db, "SELECT barcode FROM variants WHERE barcode IS NOT NULL LIMIT 3"))
            queries << FtsQuery::prefixQuery(b.left(9));
        for (const QByteArray &table : {QByteArray("variant_search"), QByteArray("customer_search"), QByteArray("order_search")}) {
            const QByteArray sql = "SELECT rowid FROM " + table + " WHERE " + table + " MATCH ?1 ORDER BY rowid";
            for (const QString &q : std::as_const(queries))
                QCOMPARE(column(*m_db, sql, q), column(incremental, sql, q));
        }
        for (const QString &name : texts(*m_db, "SELECT last_name FROM customers ORDER BY rid LIMIT 10")) {
            const QString q = FtsQuery::prefixQuery(name);
            const QByteArray sql = "SELECT rowid FROM customer_search WHERE customer_search MATCH ?1 ORDER BY rowid";
            QCOMPARE(column(*m_db, sql, q), column(incremental, sql, q));
            const QByteArray orders = "SELECT rowid FROM order_search WHERE order_search MATCH ?1 ORDER BY rowid";
            QCOMPARE(column(*m_db, orders, q), column(incremental, orders, q));
        }
        QCOMPARE(scalar(incremental, "SELECT count(*) FROM variant_search WHERE variant_search MATCH 'tee*'"),
                 scalar(*m_db, "SELECT count(*) FROM variant_search WHERE variant_search MATCH 'tee*'"));
    }

    void triggersWorkAgainAfterTheLoad()
    {
        Product p;
        p.id = QStringLiteral("00000000-0000-7000-8000-00000000a001");
        p.title = QStringLiteral("Zanzibar Quokka Lantern");
        p.handle = QStringLiteral("zanzibar-quokka-lantern");
        p.status = ProductStatus::Active;
        p.createdAt = p.updatedAt = 1;
        Variant v;
        v.id = QStringLiteral("00000000-0000-7000-8000-00000000a002");
        v.productId = p.id;
        v.sku = QStringLiteral("LMP-ZQL-1");
        v.price = 4900;
        v.createdAt = v.updatedAt = 1;
        auto written = m_temp->store->write([&](SqliteDatabase &db) -> Result<void> {
            ProductRepository repo(db);
            SK_TRY(repo.upsertProduct(p));
            return repo.upsertVariant(v);
        });
        SK_VERIFY_OK(written);
        ProductRepository repo(*m_db);
        auto hits = repo.search(QStringLiteral("quokk"));
        SK_VERIFY_OK(hits);
        QCOMPARE(hits->size(), 1);
        QCOMPARE(hits->first().sku, QStringLiteral("LMP-ZQL-1"));
    }

    void abortRestoresTheSchema()
    {
        auto temp = test::makeTempStore();
        QVERIFY(temp);
        auto reader = temp->store->openReader();
        SK_VERIFY_OK(reader);
        {
            StoreDemoSink sink(*temp->store);
            SK_VERIFY_OK(sink.begin());
            QVERIFY(sink.isBulkLoad());
            // While loading, the indexes and search triggers are gone and the repair note is parked.
            QVERIFY(schemaOf(**reader) != m_freshSchema);
            QCOMPARE(scalar(**reader, "SELECT count(*) FROM sqlite_master WHERE name = 'orders_placed'"), 0);
            QCOMPARE(scalar(**reader, "SELECT count(*) FROM store_meta WHERE key = 'demo_bulk_load_pending'"), 1);
            Location loc;
            loc.id = QStringLiteral("00000000-0000-7000-8000-0000000000b1");
            loc.name = QStringLiteral("Somewhere");
            SK_VERIFY_OK(sink.location(loc));
            sink.abort();
        }
        QCOMPARE(schemaOf(**reader), m_freshSchema);
        QCOMPARE(scalar(**reader, "SELECT count(*) FROM locations"), 0); // rolled back
        QCOMPARE(scalar(**reader, "SELECT count(*) FROM store_meta WHERE key = 'demo_bulk_load_pending'"), 0);
    }

    void interruptedLoadIsRepairedOnTheNextBegin()
    {
        auto temp = test::makeTempStore();
        QVERIFY(temp);
        // What a crash mid-load leaves behind: dropped objects and the parked statements.
        auto crashed = temp->store->write([](SqliteDatabase &db) -> Result<void> {
            SK_TRY_ASSIGN(sql, db.prepare("SELECT json_group_array(sql) FROM sqlite_master WHERE name IN "
                                          "('orders_placed', 'variants_search_ai')"));
            SK_TRY(sql.step());
            const QByteArray ddl = sql.utf8(0);
            sql = SqliteStatement();
            SK_TRY_ASSIGN(meta, db.prepare("INSERT INTO store_meta (key, value) VALUES ('demo_bulk_load_pending', ?1)"));
            meta.bindUtf8(1, ddl);
            SK_TRY(meta.exec());
            return db.exec("DROP INDEX orders_placed; DROP TRIGGER variants_search_ai;");
        });
        SK_VERIFY_OK(crashed);
        auto reader = temp->store->openReader();
        SK_VERIFY_OK(reader);
        QVERIFY(schemaOf(**reader) != m_freshSchema);
        {
            StoreDemoSink sink(*temp->store);
            SK_VERIFY_OK(sink.begin());
            sink.abort();
        }
        QCOMPARE(schemaOf(**reader), m_freshSchema);
    }

    void cancellingLeavesAUsableFile()
    {
        auto temp = test::makeTempStore();
        QVERIFY(temp);
        auto result = generateDemoInto(*temp->store, smallOptions(), [](int percent) { return percent < 40; });
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, QStringLiteral("demo.cancelled"));
        auto reader = temp->store->openReader();
        SK_VERIFY_OK(reader);
        QCOMPARE(schemaOf(**reader), m_freshSchema);
        QCOMPARE(texts(**reader, "PRAGMA integrity_check"), QStringList{QStringLiteral("ok")});
        // The store takes writes again: the writer lock was released.
        auto again = temp->store->write([](SqliteDatabase &db) -> Result<qint64> { return db.queryInt64("SELECT 1"); });
        SK_VERIFY_OK(again);
    }
};

QTEST_GUILESS_MAIN(tst_StoreDemoSink)
#include "tst_storedemosink.moc"
