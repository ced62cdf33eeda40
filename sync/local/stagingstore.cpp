#include "stagingstore.h"

#include "local/changeapplier.h"
#include "local/changefeedpage.h"
#include "local/entitydocuments.h"
#include "local/outbox.h"
#include "local/rebaser.h"
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
// append-only and merged instead of replaced (unless the shop file has none yet).
const char *const kSyncedTables[] = {
    "shop_settings", "locations", "products",     "variants",          "inventory_levels",
    "customers",     "customer_addresses", "orders", "order_lines",     "fulfillments",
    "fulfillment_lines", "refunds", "refund_lines", "order_events",
};

constexpr const char *kChangesKey = "staging_changes_applied";
// The schema version the staging tables were made for: a build with another schema starts the
// download again rather than swap in tables of the wrong shape.
constexpr const char *kSchemaKey = "staging_schema_version";
constexpr const char *kPrefix = "sk_staging_";

// The secondary indexes the staging load itself looks rows up by, besides ids and unique keys
// (which stay: upserts and version checks use them): a record's children by their parent, to
// replace an order's lines or a customer's addresses and to delete a product's variants or a
// location's levels. The other secondary indexes only serve the app's lists and searches; the
// staging tables go without them, as each costs every insert, and the swap builds them once.
// orders_customer is left out on purpose: only a customer's tombstone looks orders up by
// customer (a scan then), and that is rare next to the orders a download inserts.
const char *const kStagingLookupIndexes[] = {
    "variants_product",  "inventory_levels_location", "customer_addresses_customer",
    "order_lines_order", "fulfillments_order",        "refunds_order",
    "order_events_order",
};

QByteArray stagingName(const QByteArray &name)
{
    return kPrefix + name;
}

// Every table the download writes, by the name the code uses -> its staging table: the synced
// tables, the ledger (merged at the swap, or swapped in when the file has none) and the
// download's own cursor and count.
SqliteDatabase::TableNames stagingNames()
{
    SqliteDatabase::TableNames names;
    for (const char *table : kSyncedTables)
        names.insert(table, stagingName(table));
    for (const char *table : {"inventory_ledger", "sync_state", "store_meta"})
        names.insert(table, stagingName(table));
    return names;
}

// An older build downloaded into a file beside the shop file: what it left is only a download.
QString legacyPath(const ShopStore &store)
{
    return store.path() + u".staging"_s;
}

Result<void> removeLegacyFiles(const ShopStore &store)
{
    const QString path = legacyPath(store);
    for (const QString &file : {path, path + u"-wal"_s, path + u"-shm"_s, path + u"-journal"_s}) {
        if (QFileInfo::exists(file) && !QFile::remove(file)) {
            return makeError(u"sync.staging_remove"_s,
                             QCoreApplication::translate("StagingStore", "The download file %1 could not be deleted.")
                                 .arg(file));
        }
    }
    return {};
}

// The columns an INSERT may name: generated columns (inventory_levels.available) cannot be.
Result<QByteArray> insertableColumns(SqliteDatabase &db, const char *table)
{
    SK_TRY_ASSIGN(stmt, db.prepare(QByteArray("SELECT name FROM pragma_table_xinfo('") + table
                                   + "', 'main') WHERE hidden = 0 ORDER BY cid"));
    QByteArrayList names;
    for (;;) {
        SK_TRY_ASSIGN(hasRow, stmt.step());
        if (!hasRow)
            break;
        const QByteArray name = stmt.utf8(0);
        if (name == "rid")
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

Result<QByteArrayList> column(SqliteDatabase &db, const QByteArray &sql)
{
    SK_TRY_ASSIGN(stmt, db.prepare(sql));
    QByteArrayList values;
    for (;;) {
        SK_TRY_ASSIGN(hasRow, stmt.step());
        if (!hasRow)
            break;
        values.append(stmt.utf8(0));
    }
    return values;
}

QByteArray quotedList(const QByteArrayList &names)
{
    QByteArray list;
    for (const QByteArray &name : names)
        list += (list.isEmpty() ? "'" : ", '") + name + '\'';
    return list;
}

QByteArrayList syncedTables()
{
    QByteArrayList tables;
    for (const char *table : kSyncedTables)
        tables.append(table);
    return tables;
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

// Drops every staging table (their indexes go with them), children before their parents: then
// no drop has rows of another table to look up or delete, foreign keys on or off.
Result<void> dropStagingTables(SqliteDatabase &db)
{
    SK_TRY_ASSIGN(present, column(db, "SELECT name FROM main.sqlite_master WHERE type = 'table' AND name LIKE '"
                                          + QByteArray(kPrefix).replace("_", "\\_") + "%' ESCAPE '\\'"));
    QByteArrayList ordered;
    for (const char *table : {"inventory_ledger", "sync_state", "store_meta"})
        ordered.append(stagingName(table));
    for (auto it = std::rbegin(kSyncedTables); it != std::rend(kSyncedTables); ++it)
        ordered.append(stagingName(*it));
    for (const QByteArray &table : std::as_const(present)) {
        if (!ordered.contains(table))
            ordered.append(table); // left by a build with other tables
    }
    for (const QByteArray &table : std::as_const(ordered)) {
        if (present.contains(table))
            SK_TRY(db.exec("DROP TABLE main.\"" + table + '"'));
    }
    return {};
}

// Makes the staging tables (unless the shop file has them from an interrupted download of
// this schema): each as its table is made, named and referring by the staging names, with
// the unique indexes and kStagingLookupIndexes. On a connection without table names.
Result<void> createStagingTables(SqliteDatabase &db)
{
    SK_TRY_ASSIGN(tx, SqliteTransaction::begin(db));
    SK_TRY_ASSIGN(version, db.userVersion());
    const SqliteDatabase::TableNames names = stagingNames();
    SK_TRY_ASSIGN(present, db.queryInt64("SELECT count(*) FROM main.sqlite_master WHERE type = 'table' AND name = '"
                                         + stagingName("store_meta") + '\''));
    if (present > 0) {
        SK_TRY_ASSIGN(stmt, db.prepare("SELECT value FROM main." + stagingName("store_meta") + " WHERE key = ?"));
        stmt.bind(1, kSchemaKey);
        SK_TRY_ASSIGN(hasRow, stmt.step());
        const bool current = hasRow && stmt.text(0).toLongLong() == version;
        stmt = SqliteStatement();
        if (current)
            return tx.commit();
        qCInfo(lcSyncPull) << "the staged download was made for another schema: starting it again";
    }
    SK_TRY(dropStagingTables(db));
    QByteArrayList tables = names.keys();
    std::sort(tables.begin(), tables.end());
    SK_TRY_ASSIGN(tableSql, column(db, "SELECT sql FROM main.sqlite_master WHERE type = 'table' AND name IN ("
                                           + quotedList(tables) + ") ORDER BY name"));
    if (tableSql.size() != tables.size()) {
        return makeError(u"sync.staging_schema"_s,
                         QCoreApplication::translate("StagingStore", "The shop file lacks some of the tables a download fills."));
    }
    for (const QByteArray &sql : std::as_const(tableSql))
        SK_TRY(db.exec(SqliteDatabase::renameTables(sql, names)));

    QByteArrayList lookups;
    for (const char *name : kStagingLookupIndexes)
        lookups.append(name);
    SK_TRY_ASSIGN(indexNames, column(db, "SELECT m.name FROM main.sqlite_master m WHERE m.type = 'index' "
                                         "AND m.sql IS NOT NULL AND m.tbl_name IN (" + quotedList(tables) + ") "
                                         "AND (m.name IN (" + quotedList(lookups) + ") OR EXISTS (SELECT 1 FROM "
                                         "pragma_index_list(m.tbl_name) i WHERE i.name = m.name AND i.\"unique\")) "
                                         "ORDER BY m.name"));
    for (const QByteArray &index : std::as_const(indexNames)) {
        SK_TRY_ASSIGN(sql, column(db, "SELECT sql FROM main.sqlite_master WHERE type = 'index' AND name = '" + index + '\''));
        SqliteDatabase::TableNames withIndex = names;
        withIndex.insert(index.toLower(), stagingName(index));
        SK_TRY(db.exec(SqliteDatabase::renameTables(sql.value(0), withIndex)));
    }
    SK_TRY(db.exec("INSERT INTO main." + stagingName("sync_state") + " (singleton) VALUES (1)"));
    SK_TRY_ASSIGN(meta, db.prepare("INSERT INTO main." + stagingName("store_meta") + " (key, value) VALUES (?, ?)"));
    meta.bind(1, kSchemaKey).bind(2, QString::number(version));
    SK_TRY(meta.exec());
    meta = SqliteStatement();
    return tx.commit();
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

StagingStore::StagingStore(std::unique_ptr<SqliteDatabase> db) : m_db(std::move(db)) {}

StagingStore::~StagingStore() = default;

Result<std::unique_ptr<StagingStore>> StagingStore::open(const ShopStore &store)
{
    SK_TRY(removeLegacyFiles(store));
    // A connection of its own, so the download's pages do not hold the shop's writer lock
    // between them (SQLite's lock, with its busy timeout, takes turns with the shop's edits).
    SK_TRY_ASSIGN(db, SqliteDatabase::open(store.path(), SqliteDatabase::Mode::ReadWrite));
    // A lost page on power loss is downloaded again (its cursor goes with it). Foreign keys
    // are off: the feed sends a record's last change, so children can come before their
    // parents; the swap drops the rows whose parent never came.
    SK_TRY(db->exec("PRAGMA synchronous=NORMAL"));
    // Pages of 5000 records each rewrite the same index pages: a cache that holds them and
    // fewer, larger checkpoints write each page to the file less often.
    SK_TRY(db->exec("PRAGMA cache_size=-65536"));
    SK_TRY(db->exec("PRAGMA wal_autocheckpoint=8192")); // 64 MiB of 8 KiB pages
    SK_TRY(db->exec("PRAGMA foreign_keys=OFF"));
    SK_TRY(createStagingTables(*db));
    db->setTableNames(stagingNames());
    SK_TRY_ASSIGN(applied, metaInt(*db, kChangesKey));
    std::unique_ptr<StagingStore> staging(new StagingStore(std::move(db)));
    staging->m_changesApplied = applied;
    qCInfo(lcSyncPull) << "staging tables in" << store.path() << (applied > 0 ? "resumed at" : "started") << applied;
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
    SK_TRY_ASSIGN(staged, Outbox::state(*m_db));
    m_db.reset(); // the swap renames its tables
    {
        ShopStore::WriterLock lock(store);
        SqliteDatabase &db = lock.db();
        db.resetStatements();
        // The index builds sort with a helper thread (nothing else runs during the swap). An index
        // sorter keeps up to cache_size in memory before it hands a sorted run to the helper:
        // with 16 MiB runs the two threads overlap (the medium shop's indexes: 1.6 s, against
        // 1.9-2.2 s with 256 MiB). The connection's own settings come back afterwards.
        SK_TRY_ASSIGN(cacheSize, db.queryInt64("PRAGMA main.cache_size"));
        SK_TRY(db.exec("PRAGMA main.cache_size = -16384"));
        SK_TRY(db.exec("PRAGMA threads = 2"));
        const auto restoreCache = qScopeGuard([&] {
            (void)db.exec("PRAGMA main.cache_size = " + QByteArray::number(cacheSize));
            (void)db.exec("PRAGMA threads = 0");
        });
        // The commit's own automatic checkpoint is replaced by checkpointWal().
        SK_TRY_ASSIGN(autoCheckpoint, db.queryInt64("PRAGMA wal_autocheckpoint"));
        SK_TRY(db.exec("PRAGMA wal_autocheckpoint = 0"));
        const auto restoreCheckpoints = qScopeGuard([&] {
            (void)db.exec("PRAGMA wal_autocheckpoint = " + QByteArray::number(autoCheckpoint));
        });
        // Foreign keys off for the transaction (the pragma cannot change inside one), so
        // dropping the old tables deletes no row by row and checks no child: the rows without
        // a parent are dropped at the end instead (dropOrphans covers every relation of the
        // synced tables, ON DELETE CASCADE and SET NULL included), which is what the checks
        // would have led to.
        SK_TRY_ASSIGN(foreignKeys, db.queryInt64("PRAGMA foreign_keys"));
        SK_TRY(db.exec("PRAGMA foreign_keys = OFF"));
        const auto restoreForeignKeys = qScopeGuard([&] {
            if (foreignKeys != 0)
                (void)db.exec("PRAGMA foreign_keys = ON");
        });
        // The rename below rewrites the staging tables' references to each other into the
        // shop's names; the legacy form would leave them pointing at the staging names.
        SK_TRY(db.exec("PRAGMA legacy_alter_table = OFF"));
        {
            SK_TRY_ASSIGN(tx, SqliteTransaction::begin(db));
            // One rebuild of the search indexes instead of a trigger per row.
            SK_TRY_ASSIGN(suspension, SearchIndex::suspend(db));
            // The ledger is append-only and merged, unless the file has none yet (the first
            // sync): then it is swapped like the others.
            SK_TRY_ASSIGN(hasLedger, db.queryInt64("SELECT EXISTS (SELECT 1 FROM main.inventory_ledger)"));
            QByteArrayList replaced = syncedTables();
            if (hasLedger == 0)
                replaced.append("inventory_ledger");
            // The old tables' secondary indexes and remaining triggers, to make again on the
            // new ones (the unique indexes of constraints come with the tables).
            SK_TRY_ASSIGN(indexes, column(db, "SELECT sql FROM main.sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                                              "AND tbl_name IN (" + quotedList(replaced) + ") ORDER BY name"));
            SK_TRY_ASSIGN(triggers, column(db, "SELECT sql FROM main.sqlite_master WHERE type = 'trigger' "
                                               "AND tbl_name IN (" + quotedList(replaced) + ") ORDER BY name"));
            // Swapping is renaming: the downloaded rows are not copied or written again.
            QByteArrayList stagingTables;
            for (const QByteArray &table : std::as_const(replaced)) {
                SK_TRY(db.exec("DROP TABLE main." + table));
                stagingTables.append(stagingName(table));
            }
            SK_TRY_ASSIGN(stagingIndexes, column(db, "SELECT name FROM main.sqlite_master WHERE type = 'index' "
                                                     "AND sql IS NOT NULL AND tbl_name IN (" + quotedList(stagingTables)
                                                     + ") ORDER BY name"));
            for (const QByteArray &index : std::as_const(stagingIndexes))
                SK_TRY(db.exec("DROP INDEX main.\"" + index + '"'));
            for (const QByteArray &table : std::as_const(replaced))
                SK_TRY(db.exec("ALTER TABLE main." + stagingName(table) + " RENAME TO " + table));
            qCDebug(lcSyncPull) << "swap: tables renamed at" << timer.elapsed() << "ms";
            for (const QByteArray &sql : std::as_const(indexes))
                SK_TRY(db.exec(sql));
            for (const QByteArray &sql : std::as_const(triggers))
                SK_TRY(db.exec(sql));
            qCDebug(lcSyncPull) << "swap: indexes built at" << timer.elapsed() << "ms";
            if (hasLedger != 0) {
                // History the file already has stays as it is, and rids are the file's own.
                SK_TRY_ASSIGN(ledgerColumns, insertableColumns(db, "inventory_ledger"));
                SK_TRY(db.exec("INSERT OR IGNORE INTO main.inventory_ledger (" + ledgerColumns + ") SELECT "
                               + ledgerColumns + " FROM main." + stagingName("inventory_ledger") + " ORDER BY rid"));
            }
            SK_TRY(dropStagingTables(db));
            qCDebug(lcSyncPull) << "swap: ledger merged at" << timer.elapsed() << "ms";
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
        // Statements prepared before the swap name tables that are gone.
        db.resetStatements();
    }
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

Result<void> StagingStore::remove(ShopStore &store)
{
    SK_TRY(removeLegacyFiles(store));
    return store.write([](SqliteDatabase &db) { return dropStagingTables(db); }); // one transaction
}

bool StagingStore::exists(ShopStore &store)
{
    auto reader = store.openReader();
    if (!reader.ok())
        return false;
    auto count = (*reader)->queryInt64("SELECT count(*) FROM main.sqlite_master WHERE type = 'table' AND name LIKE '"
                                       + QByteArray(kPrefix).replace("_", "\\_") + "%' ESCAPE '\\'");
    return count.ok() && *count > 0;
}

} // namespace sk
