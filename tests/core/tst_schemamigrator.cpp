#include "storage/customerrepository.h"
#include "storage/inventoryrepository.h"
#include "storage/orderrepository.h"
#include "storage/productrepository.h"
#include "storage/schemamigrator.h"
#include "storage/shopstore.h"
#include "storage/sqlitedatabase.h"
#include "testsupport.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace sk;

namespace {

// Every schema object as SQLite stores it, for comparing two files.
QStringList schemaOf(SqliteDatabase &db)
{
    auto s = db.prepare("SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_master ORDER BY type, name");
    QStringList out;
    while (s.ok() && s->step().valueOr(false))
        out.append(s->text(0) + QLatin1Char('|') + s->text(1) + QLatin1Char('|') + s->text(2) + QLatin1Char('|') + s->text(3));
    return out;
}

QByteArray fileHash(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(&f);
    return h.result();
}

// Rows that are valid from schema 1 on, written with plain SQL as an old build would have.
const char *const kV1Rows = R"SQL(
INSERT INTO locations (id, name, updated_at) VALUES ('loc-1', 'Main', 1);
INSERT INTO products (id, title, handle, status, created_at, updated_at)
    VALUES ('p-1', 'Heirloom Tomato Seeds', 'tomato-seeds', 'active', 1, 1);
INSERT INTO variants (id, product_id, sku, barcode, price, created_at, updated_at)
    VALUES ('v-1', 'p-1', 'SEED-TOM-01', '4006381333931', 350, 1, 1);
INSERT INTO inventory_levels (variant_id, location_id, on_hand, updated_at) VALUES ('v-1', 'loc-1', 12, 1);
INSERT INTO inventory_ledger (id, variant_id, location_id, delta, quantity_after, reason, created_at, updated_at)
    VALUES ('l-1', 'v-1', 'loc-1', 12, 12, 'received', 1, 1);
INSERT INTO customers (id, first_name, last_name, email, tags, created_at, updated_at)
    VALUES ('c-1', 'Wangari', 'Maathai', 'wangari@example.org', 'Seed Savers , kenya', 1, 1);
INSERT INTO orders (id, number, customer_id, customer_name, channel, currency, subtotal, total, status,
                    financial_status, fulfillment_status, placed_at, updated_at)
    VALUES ('o-1', 1042, 'c-1', 'Wangari Maathai', 'web', 'KES', 350, 350, 'completed', 'paid', 'fulfilled', 1, 1);
)SQL";

} // namespace

class tst_SchemaMigrator : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString path(const QString &name) const { return m_dir.filePath(name); }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void migrationsAreNumberedOneByOne()
    {
        const auto &list = SchemaMigrator::migrations();
        QVERIFY(!list.isEmpty());
        for (qsizetype i = 0; i < list.size(); ++i) {
            QCOMPARE(list[i].version, int(i + 1));
            QVERIFY(!list[i].sql.isEmpty());
        }
        QCOMPARE(SchemaMigrator::latestVersion(), list.constLast().version);
    }

    void migratesAnEmptyFileToTheLatestVersion()
    {
        auto db = SqliteDatabase::open(path(QStringLiteral("empty.sqlite")), SqliteDatabase::Mode::ReadWriteCreate);
        SK_VERIFY_OK(db);
        SK_VERIFY_OK(SchemaMigrator::migrate(**db));
        QCOMPARE((*db)->userVersion().value(), SchemaMigrator::latestVersion());
        const QStringList schema = schemaOf(**db);
        for (const char *table : {"products", "variants", "inventory_levels", "inventory_ledger", "customers", "orders",
                                  "variant_search", "customer_search", "order_search", "outbox", "sync_state"}) {
            const QString prefix = QStringLiteral("table|%1|").arg(QLatin1String(table));
            QVERIFY2(std::any_of(schema.cbegin(), schema.cend(), [&](const QString &s) { return s.startsWith(prefix); }),
                     table);
        }
        // Running again changes nothing.
        SK_VERIFY_OK(SchemaMigrator::migrate(**db));
        QCOMPARE(schemaOf(**db), schema);
        QCOMPARE((*db)->queryInt64("SELECT count(*) FROM sync_state").value(), qint64(1));
    }

    // A file left at any earlier version ends with exactly the schema of a new file, and
    // keeps its rows: rows written before search existed are found after the backfill.
    void migratesFromEveryEarlierVersion_data()
    {
        QTest::addColumn<int>("from");
        QTest::newRow("v0 (empty)") << 0;
        for (const auto &m : SchemaMigrator::migrations()) {
            if (m.version < SchemaMigrator::latestVersion())
                QTest::newRow(qPrintable(QStringLiteral("v%1").arg(m.version))) << m.version;
        }
    }
    void migratesFromEveryEarlierVersion()
    {
        QFETCH(int, from);
        const QString freshPath = path(QStringLiteral("fresh-%1.sqlite").arg(from));
        const QString oldPath = path(QStringLiteral("old-%1.sqlite").arg(from));
        {
            auto fresh = ShopStore::open(freshPath, test::testIdentity());
            SK_VERIFY_OK(fresh);
        }
        {
            auto old = SqliteDatabase::open(oldPath, SqliteDatabase::Mode::ReadWriteCreate);
            SK_VERIFY_OK(old);
            SK_VERIFY_OK(SchemaMigrator::migrate(**old, from));
            QCOMPARE((*old)->userVersion().value(), from);
            if (from >= 1)
                SK_VERIFY_OK((*old)->exec(kV1Rows));
        }
        auto store = ShopStore::open(oldPath, test::testIdentity());
        SK_VERIFY_OK(store);
        auto reader = (*store)->openReader();
        SK_VERIFY_OK(reader);
        auto freshDb = SqliteDatabase::open(freshPath, SqliteDatabase::Mode::ReadOnly);
        SK_VERIFY_OK(freshDb);
        QCOMPARE((*reader)->userVersion().value(), SchemaMigrator::latestVersion());
        QCOMPARE(schemaOf(**reader), schemaOf(**freshDb));
        if (from == 0)
            return;

        QCOMPARE((*reader)->queryInt64("SELECT count(*) FROM variants").value(), qint64(1));
        QCOMPARE((*reader)->queryInt64("SELECT sum(on_hand) FROM inventory_levels").value(), qint64(12));
        QCOMPARE((*reader)->queryInt64("SELECT count(*) FROM inventory_ledger").value(), qint64(1));
        ProductRepository products(**reader);
        for (const QString &text : {QStringLiteral("heirl tom"), QStringLiteral("SEED-TOM"), QStringLiteral("4006381")}) {
            auto hits = products.search(text);
            SK_VERIFY_OK(hits);
            QCOMPARE(hits->size(), 1);
            QCOMPARE(hits->first().variantId, QStringLiteral("v-1"));
        }
        auto customers = CustomerRepository(**reader).search(QStringLiteral("maath"));
        SK_VERIFY_OK(customers);
        QCOMPARE(customers->size(), 1);
        QCOMPARE(customers->first().ordersCount, qint64(1));
        // Tags written before the tag index existed filter the list after the backfill.
        QCOMPARE(CustomerRepository(**reader).tags().value(), QStringList({QStringLiteral("kenya"), QStringLiteral("seed savers")}));
        CustomerQuery tagged;
        tagged.filter.tag = QStringLiteral("SEED SAVERS");
        auto savers = CustomerRepository(**reader).list(tagged);
        SK_VERIFY_OK(savers);
        QCOMPARE(savers->rows.size(), 1);
        QCOMPARE(savers->rows.first().id, QStringLiteral("c-1"));
        auto orders = OrderRepository(**reader).search(QStringLiteral("#1042"));
        SK_VERIFY_OK(orders);
        QCOMPARE(orders->size(), 1);
        QCOMPARE(orders->first().customerName, QStringLiteral("Wangari Maathai"));
        auto byName = OrderRepository(**reader).search(QStringLiteral("wangari"));
        SK_VERIFY_OK(byName);
        QCOMPARE(byName->size(), 1);

        // The migrated file keeps working: a change made now is searchable too.
        SK_VERIFY_OK((*store)->write([](SqliteDatabase &db) -> Result<void> {
            ProductRepository repo(db);
            SK_TRY_ASSIGN(p, repo.product(QStringLiteral("p-1")));
            Product renamed = p.value();
            renamed.title = QStringLiteral("Cherry Tomato Seeds");
            return repo.upsertProduct(renamed);
        }));
        QCOMPARE(products.search(QStringLiteral("heirl")).value().size(), 0);
        QCOMPARE(products.search(QStringLiteral("cherry")).value().size(), 1);
    }

    // Schema 5 indexes the e-mail of orders without a customer record: a file upgraded from
    // schema 4 finds its guests' orders by e-mail, and its triggers keep that in step.
    void anUpgradedFileFindsGuestOrdersByEmail()
    {
        const QString file = path(QStringLiteral("guest-email.sqlite"));
        {
            auto db = SqliteDatabase::open(file, SqliteDatabase::Mode::ReadWriteCreate);
            SK_VERIFY_OK(db);
            SK_VERIFY_OK(SchemaMigrator::migrate(**db, 4));
            SK_VERIFY_OK((*db)->exec(kV1Rows));
            SK_VERIFY_OK((*db)->exec(
                "INSERT INTO orders (id, number, customer_name, email, channel, currency, subtotal, total, status, "
                "financial_status, fulfillment_status, placed_at, updated_at) VALUES ('o-2', 1043, 'Kofi Mensah', "
                "'kofi.mensah@example.org', 'pos', 'KES', 500, 500, 'completed', 'paid', 'fulfilled', 2, 2)"));
        }
        auto store = ShopStore::open(file, test::testIdentity());
        SK_VERIFY_OK(store);
        auto reader = (*store)->openReader();
        SK_VERIFY_OK(reader);
        QCOMPARE((*reader)->userVersion().value(), SchemaMigrator::latestVersion());
        OrderRepository orders(**reader);
        const auto numbersFor = [&orders](const QString &text) {
            QList<qint64> numbers;
            for (const OrderListRow &row : orders.search(text).valueOr({}))
                numbers << row.number;
            return numbers;
        };
        QCOMPARE(numbersFor(QStringLiteral("kofi.mensah@example.org")), QList<qint64>{1043});
        QCOMPARE(numbersFor(QStringLiteral("mensah@exam")), QList<qint64>{1043});
        QCOMPARE(numbersFor(QStringLiteral("#1042")), QList<qint64>{1042}); // the rows before stay found

        // A new e-mail replaces the old one; a guest order that gets a customer is found
        // through the customer from then on; a deleted order is found no more.
        SK_VERIFY_OK((*store)->write([](SqliteDatabase &db) {
            return db.exec("UPDATE orders SET email = 'kofi@mensah.example' WHERE id = 'o-2'");
        }));
        QCOMPARE(numbersFor(QStringLiteral("kofi@mensah.example")), QList<qint64>{1043});
        QVERIFY(numbersFor(QStringLiteral("example.org")).isEmpty());
        SK_VERIFY_OK((*store)->write([](SqliteDatabase &db) {
            return db.exec("UPDATE orders SET customer_id = 'c-1' WHERE id = 'o-2'");
        }));
        QVERIFY(numbersFor(QStringLiteral("mensah.example")).isEmpty());
        SK_VERIFY_OK((*store)->write([](SqliteDatabase &db) {
            return db.exec("UPDATE orders SET customer_id = NULL WHERE id = 'o-2'");
        }));
        QCOMPARE(numbersFor(QStringLiteral("mensah.example")), QList<qint64>{1043});
        SK_VERIFY_OK((*store)->write([](SqliteDatabase &db) { return OrderRepository(db).deleteOrder(QStringLiteral("o-2")); }));
        QVERIFY(numbersFor(QStringLiteral("kofi")).isEmpty());
        SK_VERIFY_OK((*store)->write([](SqliteDatabase &db) {
            return db.exec("INSERT INTO order_search (order_search) VALUES ('integrity-check')");
        }));
    }

    void refusesAFileFromANewerBuildWithoutTouchingIt()
    {
        const QString file = path(QStringLiteral("newer.sqlite"));
        {
            auto db = SqliteDatabase::open(file, SqliteDatabase::Mode::ReadWriteCreate);
            SK_VERIFY_OK(db);
            SK_VERIFY_OK((*db)->exec("CREATE TABLE future_things (x); INSERT INTO future_things VALUES (1)"));
            SK_VERIFY_OK((*db)->setUserVersion(SchemaMigrator::latestVersion() + 1));
        }
        const QByteArray before = fileHash(file);
        QVERIFY(!before.isEmpty());
        const qint64 sizeBefore = QFileInfo(file).size();

        auto opened = ShopStore::open(file, test::testIdentity());
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code, QStringLiteral("schema.too_new"));
        QVERIFY(opened.error().message.contains(QString::number(SchemaMigrator::latestVersion() + 1)));

        QCOMPARE(fileHash(file), before);
        QCOMPARE(QFileInfo(file).size(), sizeBefore);
        QVERIFY(!QFile::exists(file + QStringLiteral("-wal")));
        QVERIFY(!QFile::exists(file + QStringLiteral("-journal")));

        // The migrator refuses it as well, before any step.
        {
            auto db = SqliteDatabase::open(file, SqliteDatabase::Mode::ReadWrite);
            SK_VERIFY_OK(db);
            auto r = SchemaMigrator::migrate(**db);
            QVERIFY(!r.ok());
            QCOMPARE(r.error().code, QStringLiteral("schema.too_new"));
        }
        QCOMPARE(fileHash(file), before);
    }

    void aFailingStepLeavesTheFileAtThePreviousVersion()
    {
        const QString file = path(QStringLiteral("failing.sqlite"));
        {
            auto db = SqliteDatabase::open(file, SqliteDatabase::Mode::ReadWriteCreate);
            SK_VERIFY_OK(db);
            SK_VERIFY_OK(SchemaMigrator::migrate(**db, 1));
            SK_VERIFY_OK((*db)->exec(kV1Rows));
            // Something in the way of step 2's last search table.
            SK_VERIFY_OK((*db)->exec("CREATE TABLE order_search (x)"));
        }
        auto opened = ShopStore::open(file, test::testIdentity());
        QVERIFY(!opened.ok());
        QVERIFY2(opened.error().message.contains(QLatin1String("schema 2")), qPrintable(opened.error().message));
        QVERIFY(opened.error().message.contains(QLatin1String("order_search")));

        auto db = SqliteDatabase::open(file, SqliteDatabase::Mode::ReadOnly);
        SK_VERIFY_OK(db);
        QCOMPARE((*db)->userVersion().value(), 1);
        // Nothing step 2 created before it failed is left behind, and the data is intact.
        QCOMPARE((*db)->queryInt64("SELECT count(*) FROM sqlite_master WHERE name LIKE 'variant_search%' "
                                   "OR name LIKE 'customer_search%' OR name LIKE '%_search_a%'")
                     .value(),
                 qint64(0));
        QCOMPARE((*db)->queryInt64("SELECT count(*) FROM variants").value(), qint64(1));
    }
};

QTEST_GUILESS_MAIN(tst_SchemaMigrator)
#include "tst_schemamigrator.moc"
