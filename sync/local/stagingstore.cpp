#include "stagingstore.h"

#include "local/changeapplier.h"
#include "local/changefeedpage.h"
#include "local/entitydocuments.h"
#include "local/outbox.h"
#include "local/rebaser.h"
#include "storage/schemamigrator.h"
#include "storage/searchindex.h"
#include "storage/shopstore.h"
#include "storage/sqlitedatabase.h"
#include "storage/sqlitetransaction.h"
#include "synclogging.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QScopeGuard>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace sk {

namespace {

// Every table the change feed fills, parents before children. The ledger is not here: it is
// append-only and merged instead of replaced.
const char *const kSyncedTables[] = {
    "shop_settings", "locations", "products",     "variants",          "inventory_levels",
    "customers",     "customer_addresses", "orders", "order_lines",     "fulfillments",
    "fulfillment_lines", "refunds", "refund_lines", "order_events",
};

constexpr const char *kChangesKey = "staging_changes_applied";

// The secondary indexes the staging load itself looks rows up by, besides ids and unique keys
// (which stay: upserts and version checks use them): a record's children by their parent, to
// replace an order's lines or a customer's addresses and to delete a product's variants or a
// location's levels. The other secondary indexes only serve the app's lists and searches; the
// staging file goes without them, as each costs every insert, and the swap builds the shop
// file's once. orders_customer is left out on purpose: only a customer's tombstone looks
// orders up by customer (a scan then), and that is rare next to the orders a download inserts.
const char *const kStagingLookupIndexes[] = {
    "variants_product",  "inventory_levels_location", "customer_addresses_customer",
    "order_lines_order", "fulfillments_order",        "refunds_order",
    "order_events_order",
};

QStringList fileSet(const QString &path)
{
    return {path, path + u"-wal"_s, path + u"-shm"_s, path + u"-journal"_s};
}

Result<void> removeFiles(const QString &path)
{
    for (const QString &file : fileSet(path)) {
        if (QFileInfo::exists(file) && !QFile::remove(file)) {
            return makeError(u"sync.staging_remove"_s,
                             QCoreApplication::translate("StagingStore", "The download file %1 could not be deleted.")
                                 .arg(file));
        }
    }
    return {};
}

// The columns an INSERT may name: generated columns (inventory_levels.available) cannot be.
Result<QByteArray> insertableColumns(SqliteDatabase &db, const char *table, bool withRid)
{
    SK_TRY_ASSIGN(stmt, db.prepare(QByteArray("SELECT name FROM pragma_table_xinfo('") + table
                                   + "', 'main') WHERE hidden = 0 ORDER BY cid"));
    QByteArrayList names;
    for (;;) {
        SK_TRY_ASSIGN(hasRow, stmt.step());
        if (!hasRow)
            break;
        const QByteArray name = stmt.utf8(0);
        if (!withRid && name == "rid")
            continue;
        names.append('"' + name + '"');
    }
    if (names.isEmpty()) {
        return makeError(u"sync.staging_schema"_s,
                         QCoreApplication::translate("StagingStore", "The shop file has no table %1.")
                             .arg(QString::fromLatin1(table)));
    }
    return names.join(", ");
}

Result<qint64> metaInt(SqliteDatabase &db, const char *key)
{
    SK_TRY_ASSIGN(stmt, db.cached("SELECT value FROM store_meta WHERE key = ?"));
    stmt->bind(1, key);
    SK_TRY_ASSIGN(hasRow, stmt->step());
    const qint64 value = hasRow ? stmt->text(0).toLongLong() : 0;
    stmt->reset();
    return value;
}

Result<void> setMetaInt(SqliteDatabase &db, const char *key, qint64 value)
{
    SK_TRY_ASSIGN(stmt, db.cached("INSERT INTO store_meta (key, value) VALUES (?, ?) "
                                  "ON CONFLICT (key) DO UPDATE SET value = excluded.value"));
    stmt->bind(1, key).bind(2, QString::number(value));
    return stmt->exec();
}

// Detaches the staging file from the shop's writer on every way out of swapInto.
class Attachment
{
public:
    explicit Attachment(SqliteDatabase &db) : m_db(db) {}
    ~Attachment()
    {
        if (m_attached)
            (void)m_db.exec("DETACH DATABASE staging");
    }
    Result<void> attach(const QString &path)
    {
        SK_TRY_ASSIGN(stmt, m_db.prepare("ATTACH DATABASE ? AS staging"));
        stmt.bind(1, path);
        SK_TRY(stmt.exec());
        m_attached = true;
        return {};
    }
    Result<void> detach()
    {
        m_attached = false;
        return m_db.exec("DETACH DATABASE staging");
    }

private:
    SqliteDatabase &m_db;
    bool m_attached = false;
};

// The secondary indexes of the synced tables and the ledger (not the ones behind UNIQUE and
// PRIMARY KEY constraints, which have no SQL): refilling tables without them and building
// each index once, by sorting, is several times faster than keeping them up to date row by row.
Result<QByteArrayList> dropSecondaryIndexes(SqliteDatabase &db)
{
    QByteArray tables = "'inventory_ledger'";
    for (const char *table : kSyncedTables)
        tables += QByteArray(", '") + table + '\'';
    SK_TRY_ASSIGN(list, db.prepare("SELECT name, sql FROM main.sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                                   "AND tbl_name IN (" + tables + ") ORDER BY name"));
    QByteArrayList names;
    QByteArrayList sql;
    for (;;) {
        SK_TRY_ASSIGN(hasRow, list.step());
        if (!hasRow)
            break;
        names.append(list.utf8(0));
        sql.append(list.utf8(1));
    }
    list = SqliteStatement();
    for (const QByteArray &name : std::as_const(names))
        SK_TRY(db.exec("DROP INDEX main.\"" + name + '"'));
    return sql;
}

// Drops the staging file's secondary indexes that are neither unique nor in
// kStagingLookupIndexes (see there). Idempotent: a resumed download finds them gone.
Result<void> dropQueryIndexes(SqliteDatabase &db)
{
    QByteArray tables = "'inventory_ledger'";
    for (const char *table : kSyncedTables)
        tables += QByteArray(", '") + table + '\'';
    QByteArray keep;
    for (const char *name : kStagingLookupIndexes)
        keep += QByteArray(keep.isEmpty() ? "'" : ", '") + name + '\'';
    SK_TRY_ASSIGN(list, db.prepare("SELECT m.name FROM main.sqlite_master m WHERE m.type = 'index' "
                                   "AND m.sql IS NOT NULL AND m.tbl_name IN (" + tables + ") AND m.name NOT IN ("
                                   + keep + ") AND NOT EXISTS (SELECT 1 FROM pragma_index_list(m.tbl_name) i "
                                   "WHERE i.name = m.name AND i.\"unique\") ORDER BY m.name"));
    QByteArrayList names;
    for (;;) {
        SK_TRY_ASSIGN(hasRow, list.step());
        if (!hasRow)
            break;
        names.append(list.utf8(0));
    }
    list = SqliteStatement();
    for (const QByteArray &name : std::as_const(names))
        SK_TRY(db.exec("DROP INDEX main.\"" + name + '"'));
    return {};
}

Result<void> recreateIndexes(SqliteDatabase &db, const QByteArrayList &sql)
{
    for (const QByteArray &statement : sql)
        SK_TRY(db.exec(statement));
    return {};
}

// "name:hidden" of every column of the table in `schema`, in order.
Result<QByteArrayList> columnShape(SqliteDatabase &db, const char *schema, const char *table)
{
    SK_TRY_ASSIGN(stmt, db.prepare(QByteArray("SELECT name, hidden FROM pragma_table_xinfo('") + table + "', '"
                                   + schema + "') ORDER BY cid"));
    QByteArrayList shape;
    for (;;) {
        SK_TRY_ASSIGN(hasRow, stmt.step());
        if (!hasRow)
            break;
        shape.append(stmt.utf8(0) + ':' + QByteArray::number(stmt.int64(1)));
    }
    return shape;
}

// Replaces the synced tables of `main` with the attached staging copy, merges the ledger.
Result<void> copyTables(SqliteDatabase &db)
{
    constexpr int count = int(std::size(kSyncedTables));
    for (int i = count - 1; i >= 0; --i) // children first: no cascades to walk
        SK_TRY(db.exec(QByteArray("DELETE FROM main.") + kSyncedTables[i]));
    for (const char *table : kSyncedTables) {
        // Both files have the same schema, so the plain "INSERT INTO t SELECT * FROM t" form
        // lets SQLite copy the records and unique indexes as they are (its transfer
        // optimisation: an empty target, foreign keys off, no insert triggers), several times
        // faster than row by row. Only where the columns are provably the same, in order, and
        // none is generated (SELECT * and INSERT would not agree on those).
        SK_TRY_ASSIGN(mainShape, columnShape(db, "main", table));
        SK_TRY_ASSIGN(stagingShape, columnShape(db, "staging", table));
        const bool plain = mainShape == stagingShape && std::all_of(mainShape.cbegin(), mainShape.cend(), [](const QByteArray &c) {
                               return c.endsWith(":0");
                           });
        if (plain) {
            SK_TRY(db.exec("INSERT INTO main." + QByteArray(table) + " SELECT * FROM staging." + table));
            continue;
        }
        SK_TRY_ASSIGN(columns, insertableColumns(db, table, true));
        SK_TRY(db.exec("INSERT INTO main." + QByteArray(table) + " (" + columns + ") SELECT " + columns
                       + " FROM staging." + table));
    }
    // History the file already has stays as it is; rids are the file's own.
    SK_TRY_ASSIGN(ledgerColumns, insertableColumns(db, "inventory_ledger", false));
    return db.exec("INSERT OR IGNORE INTO main.inventory_ledger (" + ledgerColumns + ") SELECT " + ledgerColumns
                   + " FROM staging.inventory_ledger ORDER BY rid");
}

Error swappedAlready()
{
    return makeError(u"sync.staging_closed"_s,
                     QCoreApplication::translate("StagingStore", "This download was already moved into the shop."));
}

// Entities with queued edits: their server documents are now the swapped-in rows.
Result<void> refreshBases(SqliteDatabase &db)
{
    SK_TRY_ASSIGN(tracked, Outbox::trackedEntities(db));
    for (const EntityRef &ref : std::as_const(tracked)) {
        SK_TRY_ASSIGN(doc, EntityDocuments::read(db, ref));
        Outbox::Base base;
        base.doc = doc;
        if (doc) {
            SK_TRY_ASSIGN(version, EntityDocuments::version(db, ref));
            base.version = version;
        }
        SK_TRY(Outbox::setBase(db, ref, base));
    }
    return {};
}

} // namespace

StagingStore::StagingStore(QString path, std::unique_ptr<SqliteDatabase> db)
    : m_path(std::move(path)), m_db(std::move(db))
{
}

StagingStore::~StagingStore() = default;

QString StagingStore::pathFor(const ShopStore &store)
{
    return store.path() + u".staging"_s;
}

Result<std::unique_ptr<StagingStore>> StagingStore::open(const ShopStore &store)
{
    const QString path = pathFor(store);
    SK_TRY_ASSIGN(db, SqliteDatabase::open(path, SqliteDatabase::Mode::ReadWriteCreate));
    if (!SchemaMigrator::checkVersion(*db).ok()) {
        // Left by a newer build: it is only a download, start it again.
        db.reset();
        SK_TRY(removeFiles(path));
        SK_TRY_ASSIGN(fresh, SqliteDatabase::open(path, SqliteDatabase::Mode::ReadWriteCreate));
        db = std::move(fresh);
    }
    // A scratch file: a crash may lose the last page (its cursor goes with it) but never
    // leaves it inconsistent. Foreign keys are off: the feed sends a record's last change,
    // so children can come before their parents; the swap checks them in the shop file.
    SK_TRY(db->exec("PRAGMA journal_mode=WAL"));
    SK_TRY(db->exec("PRAGMA synchronous=NORMAL"));
    // Pages of 5000 records each rewrite the same index pages: a cache that holds them and
    // fewer, larger checkpoints write each page to the file less often.
    SK_TRY(db->exec("PRAGMA cache_size=-65536"));
    SK_TRY(db->exec("PRAGMA wal_autocheckpoint=16384"));
    SK_TRY(db->exec("PRAGMA foreign_keys=OFF"));
    SK_TRY(SchemaMigrator::migrate(*db));
    {
        // Nobody searches or lists the staging copy; the swap rebuilds the shop's indexes once.
        SK_TRY_ASSIGN(tx, SqliteTransaction::begin(*db));
        SK_TRY(SearchIndex::suspend(*db));
        SK_TRY(dropQueryIndexes(*db));
        SK_TRY(tx.commit());
    }
    SK_TRY_ASSIGN(applied, metaInt(*db, kChangesKey));
    std::unique_ptr<StagingStore> staging(new StagingStore(path, std::move(db)));
    staging->m_changesApplied = applied;
    qCInfo(lcSyncPull) << "staging file" << path << (applied > 0 ? "resumed at" : "started") << applied;
    return staging;
}

QString StagingStore::cursor() const
{
    if (!m_db)
        return {};
    auto state = Outbox::state(*m_db);
    return state.ok() ? state->cursor : QString();
}

qint64 StagingStore::changesApplied() const
{
    return m_changesApplied;
}

Result<void> StagingStore::applyPage(const ChangesPage &page)
{
    return applyAnyPage(page);
}

Result<void> StagingStore::applyPage(const DecodedPage &page)
{
    return applyAnyPage(page);
}

template <typename Page>
Result<void> StagingStore::applyAnyPage(const Page &page)
{
    if (!m_db)
        return swappedAlready();
    SK_TRY_ASSIGN(tx, SqliteTransaction::begin(*m_db));
    SK_TRY(ChangeApplier::applyToStaging(*m_db, page));
    const qint64 applied = m_changesApplied + page.changes.size();
    SK_TRY(setMetaInt(*m_db, kChangesKey, applied));
    SK_TRY(tx.commit());
    m_changesApplied = applied;
    return {};
}

Result<void> StagingStore::swapInto(ShopStore &store, qint64 nowMs)
{
    if (!m_db)
        return swappedAlready();
    QElapsedTimer timer;
    timer.start();
    // The copy below reads every page of the staging file: from the file itself about twice as
    // fast as through its WAL, which may hold tens of megabytes by now.
    SK_TRY(m_db->exec("PRAGMA wal_checkpoint(TRUNCATE)"));
    qCDebug(lcSyncPull) << "swap: staging file checkpointed at" << timer.elapsed() << "ms";
    SK_TRY_ASSIGN(staged, Outbox::state(*m_db));
    {
        ShopStore::WriterLock lock(store);
        SqliteDatabase &db = lock.db();
        db.resetStatements();
        Attachment attachment(db);
        SK_TRY(attachment.attach(m_path)); // ATTACH cannot run inside a transaction
        // Room for the index builds; the connection's own setting comes back afterwards.
        SK_TRY_ASSIGN(cacheSize, db.queryInt64("PRAGMA main.cache_size"));
        SK_TRY(db.exec("PRAGMA main.cache_size = -262144"));
        // The index builds sort with a helper thread: nothing else runs during the swap.
        SK_TRY(db.exec("PRAGMA threads = 2"));
        const auto restoreCache = qScopeGuard([&] {
            (void)db.exec("PRAGMA main.cache_size = " + QByteArray::number(cacheSize));
            (void)db.exec("PRAGMA threads = 0");
        });
        // The commit's own automatic checkpoint is replaced by the explicit one below.
        SK_TRY_ASSIGN(autoCheckpoint, db.queryInt64("PRAGMA wal_autocheckpoint"));
        SK_TRY(db.exec("PRAGMA wal_autocheckpoint = 0"));
        const auto restoreCheckpoints = qScopeGuard([&] {
            (void)db.exec("PRAGMA wal_autocheckpoint = " + QByteArray::number(autoCheckpoint));
        });
        // Foreign keys off for the transaction (the pragma cannot change inside one), so the
        // copy takes SQLite's transfer path and no row is looked up in its parent: the rows
        // without a parent are dropped at the end instead (dropOrphans covers every relation of
        // the synced tables, ON DELETE CASCADE and SET NULL included), which is what the
        // checks would have led to.
        SK_TRY_ASSIGN(foreignKeys, db.queryInt64("PRAGMA foreign_keys"));
        SK_TRY(db.exec("PRAGMA foreign_keys = OFF"));
        const auto restoreForeignKeys = qScopeGuard([&] {
            if (foreignKeys != 0)
                (void)db.exec("PRAGMA foreign_keys = ON");
        });
        {
            SK_TRY_ASSIGN(tx, SqliteTransaction::begin(db));
            // One rebuild of the search indexes instead of a trigger per row.
            SK_TRY_ASSIGN(suspension, SearchIndex::suspend(db));
            SK_TRY_ASSIGN(indexes, dropSecondaryIndexes(db));
            SK_TRY(copyTables(db));
            qCDebug(lcSyncPull) << "swap: tables copied at" << timer.elapsed() << "ms";
            SK_TRY(recreateIndexes(db, indexes)); // the rebase below looks rows up by them
            qCDebug(lcSyncPull) << "swap: indexes built at" << timer.elapsed() << "ms";
            // Bases first: confirmUpTo writes an entity it stops tracking back to its base,
            // which must be the snapshot's row by then.
            SK_TRY(refreshBases(db));
            SK_TRY(Outbox::confirmUpTo(db, staged.lastAppliedSeq));
            SK_TRY(Rebaser::rebaseAll(db, nowMs));
            SK_TRY(Outbox::saveCursor(db, staged.cursor, staged.lastAppliedSeq, staged.lastSyncedAt.value_or(0)));
            SK_TRY(Outbox::setInitialSyncDone(db, true));
            {
                // A complete snapshot: a row still without its parent has none on the server.
                SK_TRY_ASSIGN(dropped, ChangeApplier::dropOrphans(db));
                if (dropped > 0)
                    qCInfo(lcSyncPull) << "dropped" << dropped << "rows whose parent the snapshot does not have";
            }
            qCDebug(lcSyncPull) << "swap: outbox rebased, orphans dropped at" << timer.elapsed() << "ms";
            SK_TRY(SearchIndex::resume(db, suspension));
            qCDebug(lcSyncPull) << "swap: search rebuilt at" << timer.elapsed() << "ms";
            SK_TRY(tx.commit());
            qCDebug(lcSyncPull) << "swap: committed at" << timer.elapsed() << "ms";
        }
        // The checkpoint the commit would have started (a WAL as large as the shop) is left to
        // checkpointWal(), after the shop is shown: the data is durable in the WAL already.
        SK_TRY(attachment.detach());
    }
    m_db.reset();
    SK_TRY(removeFiles(m_path));
    qCInfo(lcSyncPull) << "swapped" << m_changesApplied << "downloaded changes into" << store.path() << "in"
                       << timer.elapsed() << "ms";
    return {};
}

Result<void> StagingStore::checkpointWal(ShopStore &store)
{
    QElapsedTimer timer;
    timer.start();
    // A connection of its own: edits go on appending to the WAL meanwhile.
    SK_TRY_ASSIGN(db, SqliteDatabase::open(store.path(), SqliteDatabase::Mode::ReadWrite));
    SK_TRY(db->exec("PRAGMA main.wal_checkpoint(PASSIVE)"));
    qCDebug(lcSyncPull) << "checkpointed" << store.path() << "in" << timer.elapsed() << "ms";
    return {};
}

Result<void> StagingStore::remove(const ShopStore &store)
{
    return removeFiles(pathFor(store));
}

} // namespace sk
