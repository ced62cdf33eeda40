#include "storedemosink.h"

#include "storage/customerrepository.h"
#include "storage/inventoryrepository.h"
#include "storage/orderrepository.h"
#include "storage/productrepository.h"
#include "storage/shoprepository.h"
#include "util/logging.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <array>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace sk {

namespace {

// The tables the demo fills; their secondary indexes are dropped for a bulk load.
constexpr std::array<const char *, 14> kLoadedTables{
    "locations", "products", "variants", "inventory_levels", "inventory_ledger", "customers", "customer_addresses",
    "orders", "order_lines", "fulfillments", "fulfillment_lines", "refunds", "refund_lines", "order_events"};

// Indexes the repositories' own write paths look rows up by (upsertCustomer replaces a
// customer's addresses, upsertRefund sums an order's refunds): without them every such
// write would scan the whole table.
constexpr std::array<const char *, 2> kKeptIndexes{"customer_addresses_customer", "refunds_order"};

// How to refill each full-text index from its tables. This must produce exactly what the
// search triggers (schema migrations 2 and 5) produce row by row; tst_storedemosink compares
// a bulk load with a trigger-maintained one.
struct FtsRefill
{
    const char *table;
    const char *sql;
};
constexpr std::array<FtsRefill, 3> kFtsRefills{{
    {"variant_search",
     "INSERT INTO variant_search (rowid, title, sku, barcode) "
     "SELECT v.rid, p.title, coalesce(v.sku, ''), coalesce(v.barcode, '') "
     "FROM variants v JOIN products p ON p.id = v.product_id ORDER BY v.rid"},
    {"customer_search",
     "INSERT INTO customer_search (rowid, name, email, phone) "
     "SELECT rid, first_name || ' ' || last_name, coalesce(email, ''), coalesce(phone, '') FROM customers ORDER BY rid"},
    {"order_search",
     "INSERT INTO order_search (rowid, number, customer_name, guest_email) "
     "SELECT rid, CAST(number AS TEXT), customer_name, "
     "CASE WHEN customer_id IS NULL THEN coalesce(email, '') ELSE '' END FROM orders ORDER BY rid"},
}};

constexpr const char *kPendingKey = "demo_bulk_load_pending";

// Every order upsert runs in a statement journal (orders has two UNIQUE keys), whose 64 KiB
// buffer is allocated and freed per statement. glibc hands that memory back to the kernel
// each time and page-faults it in again; during a bulk load that was a fifth of the time.
// Keep freed heap memory in the process while loading, then restore glibc's defaults.
void holdFreedMemory(bool hold)
{
#if defined(__GLIBC__)
    mallopt(M_TRIM_THRESHOLD, hold ? 256 * 1024 * 1024 : 128 * 1024);
    mallopt(M_TOP_PAD, hold ? 16 * 1024 * 1024 : 0);
#else
    Q_UNUSED(hold);
#endif
}

const FtsRefill *refillFor(const QString &table)
{
    for (const FtsRefill &r : kFtsRefills) {
        if (table == QLatin1String(r.table))
            return &r;
    }
    return nullptr;
}

// The FTS tables a trigger writes to.
QStringList ftsTablesIn(const QString &triggerSql, const QStringList &ftsTables)
{
    QStringList hits;
    for (const QString &table : ftsTables) {
        const QRegularExpression word(QStringLiteral("\\b%1\\b").arg(QRegularExpression::escape(table)),
                                      QRegularExpression::CaseInsensitiveOption);
        if (word.match(triggerSql).hasMatch())
            hits << table;
    }
    return hits;
}

Result<void> execText(SqliteDatabase &db, const QString &sql)
{
    return db.exec(sql.toUtf8());
}

Result<bool> schemaObjectExists(SqliteDatabase &db, const QString &type, const QString &name)
{
    SK_TRY_ASSIGN(stmt, db.prepare("SELECT 1 FROM sqlite_master WHERE type = ?1 AND name = ?2"));
    stmt.bind(1, type).bind(2, name);
    return stmt.step();
}

// "CREATE INDEX name ON ..." / "CREATE UNIQUE INDEX ..." / "CREATE TRIGGER name ..." -> (type, name)
std::pair<QString, QString> objectOf(const QString &sql)
{
    static const QRegularExpression re(
        QStringLiteral("^\\s*CREATE\\s+(?:UNIQUE\\s+)?(INDEX|TRIGGER)\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?\"?(\\w+)\"?"),
        QRegularExpression::CaseInsensitiveOption);
    const auto m = re.match(sql);
    if (!m.hasMatch())
        return {};
    return {m.captured(1).toLower(), m.captured(2)};
}

} // namespace

StoreDemoSink::StoreDemoSink(ShopStore &store, Mode mode) : m_store(store), m_mode(mode) {}

StoreDemoSink::~StoreDemoSink()
{
    if (m_lock)
        abort();
}

Result<void> StoreDemoSink::beginTransaction()
{
    SK_TRY_ASSIGN(tx, SqliteTransaction::begin(*m_db));
    m_tx.emplace(std::move(tx));
    m_rowsInTransaction = 0;
    return {};
}

Result<void> StoreDemoSink::wrote(qint64 rows)
{
    m_rowsInTransaction += rows;
    if (m_rowsInTransaction < RowsPerTransaction)
        return {};
    SK_TRY(m_tx->commit());
    m_tx.reset();
    return beginTransaction();
}

Result<bool> StoreDemoSink::fileIsEmpty()
{
    QByteArray sql = "SELECT ";
    for (size_t i = 0; i < kLoadedTables.size(); ++i) {
        if (i > 0)
            sql += " OR ";
        sql += "EXISTS (SELECT 1 FROM " + QByteArray(kLoadedTables[i]) + ")";
    }
    SK_TRY_ASSIGN(any, m_db->queryInt64(sql));
    return any == 0;
}

Result<void> StoreDemoSink::begin()
{
    if (m_lock) {
        return makeError(QStringLiteral("demo.sink_busy"),
                         QCoreApplication::translate("StoreDemoSink", "This demo load has already begun."));
    }
    m_lock.emplace(m_store);
    m_db = &m_lock->db();
    m_shops = std::make_unique<ShopRepository>(*m_db);
    m_products = std::make_unique<ProductRepository>(*m_db);
    m_customers = std::make_unique<CustomerRepository>(*m_db);
    m_orders = std::make_unique<OrderRepository>(*m_db);
    m_inventory = std::make_unique<InventoryRepository>(*m_db);

    auto started = [this]() -> Result<void> {
        SK_TRY(repairInterruptedLoad());
        SK_TRY_ASSIGN(empty, fileIsEmpty());
        if (empty && m_mode == Mode::Auto)
            SK_TRY(dropForBulkLoad());
        return beginTransaction();
    }();
    if (!started.ok()) {
        abort();
        return started;
    }
    return {};
}

Result<void> StoreDemoSink::repairInterruptedLoad()
{
    SK_TRY_ASSIGN(stmt, m_db->prepare("SELECT value FROM store_meta WHERE key = ?1"));
    stmt.bind(1, kPendingKey);
    SK_TRY_ASSIGN(hasRow, stmt.step());
    if (!hasRow)
        return {};
    const QJsonArray ddl = QJsonDocument::fromJson(stmt.utf8(0)).array();
    stmt = SqliteStatement();
    qCWarning(lcDemo) << "repairing an interrupted demo bulk load in" << m_db->path();
    m_dropped.clear();
    for (const QJsonValue &v : ddl)
        m_dropped << v.toString().toUtf8();
    m_bulk = true;
    SK_TRY(restoreAfterBulkLoad());
    return {};
}

Result<void> StoreDemoSink::dropForBulkLoad()
{
    QStringList ftsTables;
    {
        SK_TRY_ASSIGN(stmt, m_db->prepare("SELECT name FROM sqlite_master WHERE type = 'table' "
                                          "AND sql LIKE 'CREATE VIRTUAL TABLE%USING fts5%' ORDER BY name"));
        for (;;) {
            SK_TRY_ASSIGN(row, stmt.step());
            if (!row)
                break;
            ftsTables << stmt.text(0);
        }
    }

    QByteArrayList indexes;
    QByteArrayList triggers;
    {
        QStringList tables;
        for (const char *t : kLoadedTables)
            tables << QLatin1String(t);
        QStringList kept;
        for (const char *k : kKeptIndexes)
            kept << QLatin1String(k);
        SK_TRY_ASSIGN(stmt, m_db->prepare("SELECT type, name, tbl_name, sql FROM sqlite_master "
                                          "WHERE type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY type, name"));
        for (;;) {
            SK_TRY_ASSIGN(row, stmt.step());
            if (!row)
                break;
            const QString type = stmt.text(0);
            const QString name = stmt.text(1);
            const QString table = stmt.text(2);
            const QString sql = stmt.text(3);
            if (type == QLatin1String("index")) {
                if (tables.contains(table) && !kept.contains(name))
                    indexes << sql.toUtf8();
                continue;
            }
            const QStringList targets = ftsTablesIn(sql, ftsTables);
            if (targets.isEmpty())
                continue;
            for (const QString &target : targets) {
                if (!refillFor(target)) {
                    // A search index this loader cannot refill: keep every trigger and load row by row.
                    qCWarning(lcDemo) << "no refill for full-text table" << target << "- loading without bulk mode";
                    return {};
                }
            }
            triggers << sql.toUtf8();
        }
    }

    m_dropped = indexes + triggers;
    QJsonArray ddl;
    for (const QByteArray &sql : std::as_const(m_dropped))
        ddl.append(QString::fromUtf8(sql));

    SK_TRY_ASSIGN(tx, SqliteTransaction::begin(*m_db));
    SK_TRY_ASSIGN(meta, m_db->prepare("INSERT INTO store_meta (key, value) VALUES (?1, ?2) "
                                      "ON CONFLICT (key) DO UPDATE SET value = excluded.value"));
    meta.bind(1, kPendingKey).bindUtf8(2, QJsonDocument(ddl).toJson(QJsonDocument::Compact));
    SK_TRY(meta.exec());
    meta = SqliteStatement();
    for (const QByteArray &sql : std::as_const(m_dropped)) {
        const auto [type, name] = objectOf(QString::fromUtf8(sql));
        if (name.isEmpty()) {
            return makeError(QStringLiteral("demo.unexpected_schema"),
                             QCoreApplication::translate("StoreDemoSink", "Cannot read the schema statement %1.")
                                 .arg(QString::fromUtf8(sql)));
        }
        SK_TRY(execText(*m_db, QStringLiteral("DROP %1 \"%2\"").arg(type.toUpper(), name)));
    }
    SK_TRY(tx.commit());

    // For the load only: no fsync per batch, no foreign-key lookups (the generator emits
    // parents first; the test runs foreign_key_check), and a big page cache.
    SK_TRY_ASSIGN(cacheSize, m_db->queryInt64("PRAGMA cache_size"));
    m_previousCacheSize = cacheSize;
    m_pragmasChanged = true;
    SK_TRY(m_db->exec("PRAGMA foreign_keys=OFF"));
    SK_TRY(m_db->exec("PRAGMA synchronous=OFF"));
    SK_TRY(m_db->exec("PRAGMA cache_size=-262144"));
    holdFreedMemory(true);
    m_bulk = true;
    qCInfo(lcDemo) << "bulk load: dropped" << indexes.size() << "indexes and" << triggers.size() << "search triggers";
    return {};
}

Result<void> StoreDemoSink::restoreAfterBulkLoad()
{
    QElapsedTimer timer;
    timer.start();
    QStringList refill;
    // One statement per transaction, so the WAL can checkpoint between them; every step is
    // idempotent, so an interrupted restore is finished by the next begin().
    for (const QByteArray &sql : std::as_const(m_dropped)) {
        const QString text = QString::fromUtf8(sql);
        const auto [type, name] = objectOf(text);
        if (type == QLatin1String("trigger")) {
            for (const FtsRefill &r : kFtsRefills) {
                if (text.contains(QLatin1String(r.table)) && !refill.contains(QLatin1String(r.table)))
                    refill << QLatin1String(r.table);
            }
        }
        SK_TRY_ASSIGN(exists, schemaObjectExists(*m_db, type, name));
        if (exists)
            continue;
        SK_TRY_ASSIGN(tx, SqliteTransaction::begin(*m_db));
        SK_TRY(m_db->exec(sql));
        SK_TRY(tx.commit());
    }
    for (const QString &table : std::as_const(refill)) {
        const FtsRefill *r = refillFor(table);
        SK_TRY_ASSIGN(tx, SqliteTransaction::begin(*m_db));
        SK_TRY(execText(*m_db, QStringLiteral("INSERT INTO %1 (%1) VALUES ('delete-all')").arg(table)));
        SK_TRY(m_db->exec(QByteArray(r->sql)));
        // Merge the segments the refill wrote: short prefix queries then read one b-tree.
        SK_TRY(execText(*m_db, QStringLiteral("INSERT INTO %1 (%1) VALUES ('optimize')").arg(table)));
        SK_TRY(tx.commit());
    }
    SK_TRY_ASSIGN(tx, SqliteTransaction::begin(*m_db));
    SK_TRY_ASSIGN(del, m_db->prepare("DELETE FROM store_meta WHERE key = ?1"));
    del.bind(1, kPendingKey);
    SK_TRY(del.exec());
    del = SqliteStatement();
    SK_TRY(tx.commit());
    m_dropped.clear();
    m_bulk = false;
    qCInfo(lcDemo) << "bulk load: indexes, triggers and search rebuilt in" << timer.elapsed() << "ms";
    return {};
}

Result<void> StoreDemoSink::restorePragmas()
{
    if (!m_pragmasChanged)
        return {};
    m_pragmasChanged = false;
    holdFreedMemory(false);
    SK_TRY(m_db->exec("PRAGMA foreign_keys=ON"));
    SK_TRY(m_db->exec("PRAGMA synchronous=FULL"));
    SK_TRY(m_db->exec("PRAGMA cache_size=" + QByteArray::number(m_previousCacheSize)));
    // Fold the load's WAL back into the file and shrink it.
    SK_TRY_ASSIGN(checkpoint, m_db->prepare("PRAGMA wal_checkpoint(TRUNCATE)"));
    SK_TRY(checkpoint.step());
    return {};
}

void StoreDemoSink::release()
{
    m_tx.reset();
    m_inventory.reset();
    m_orders.reset();
    m_customers.reset();
    m_products.reset();
    m_shops.reset();
    m_db = nullptr;
    m_lock.reset();
}

Result<void> StoreDemoSink::finish()
{
    if (!m_lock) {
        return makeError(QStringLiteral("demo.sink_not_begun"),
                         QCoreApplication::translate("StoreDemoSink", "The demo load has not begun."));
    }
    auto finished = [this]() -> Result<void> {
        SK_TRY(m_tx->commit());
        m_tx.reset();
        if (m_bulk)
            SK_TRY(restoreAfterBulkLoad());
        return restorePragmas();
    }();
    if (!finished.ok()) {
        abort();
        return finished;
    }
    release();
    return {};
}

void StoreDemoSink::abort()
{
    if (!m_lock)
        return;
    if (m_tx) {
        m_tx->rollback();
        m_tx.reset();
    }
    // Leave a complete schema behind even when the data is partial.
    if (m_bulk) {
        auto restored = restoreAfterBulkLoad();
        if (!restored.ok())
            qCWarning(lcDemo) << "could not restore the schema after a failed demo load:" << restored.error().toString();
    }
    auto pragmas = restorePragmas();
    if (!pragmas.ok())
        qCWarning(lcDemo) << "could not restore connection settings:" << pragmas.error().toString();
    release();
}

Result<void> StoreDemoSink::shopSettings(const ShopSettings &settings)
{
    SK_TRY(m_shops->saveSettings(settings));
    return wrote(1);
}

Result<void> StoreDemoSink::location(const Location &location)
{
    SK_TRY(m_shops->upsertLocation(location));
    return wrote(1);
}

Result<void> StoreDemoSink::product(const Product &product)
{
    SK_TRY(m_products->upsertProduct(product));
    return wrote(1);
}

Result<void> StoreDemoSink::variant(const Variant &variant)
{
    SK_TRY(m_products->upsertVariant(variant));
    return wrote(1);
}

Result<void> StoreDemoSink::customer(const Customer &customer)
{
    SK_TRY(m_customers->upsertCustomer(customer));
    return wrote(1 + customer.addresses.size());
}

Result<void> StoreDemoSink::order(const OrderDetail &order)
{
    qint64 rows = 1;
    SK_TRY(m_orders->upsertOrder(order.order));
    for (const OrderLine &line : order.lines)
        SK_TRY(m_orders->upsertLine(line));
    rows += order.lines.size();
    for (const Fulfillment &f : order.fulfillments) {
        SK_TRY(m_orders->upsertFulfillment(f));
        rows += 1 + f.lines.size();
    }
    for (const Refund &r : order.refunds) {
        SK_TRY(m_orders->upsertRefund(r));
        rows += 1 + r.lines.size();
    }
    for (const OrderEvent &e : order.events)
        SK_TRY(m_orders->upsertEvent(e));
    rows += order.events.size();
    return wrote(rows);
}

Result<void> StoreDemoSink::inventoryLevel(const InventoryLevel &level)
{
    SK_TRY(m_inventory->upsertLevel(level));
    return wrote(1);
}

Result<void> StoreDemoSink::ledgerEntry(const LedgerEntry &entry)
{
    SK_TRY(m_inventory->appendLedger(entry));
    return wrote(1);
}

Result<DemoStats> generateDemoInto(ShopStore &store, DemoOptions options, const std::function<bool(int)> &progress)
{
    if (options.shopId.isEmpty())
        options.shopId = store.identity().shopId;
    DemoGenerator generator(std::move(options));
    StoreDemoSink sink(store);
    return generator.generate(sink, progress);
}

} // namespace sk
