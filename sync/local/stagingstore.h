#pragma once

#include "util/result.h"

#include <QString>

#include <memory>

namespace sk {

class ShopStore;
class SqliteDatabase;
struct ChangesPage;
struct DecodedPage;

// The first sync, and the full resync after a 410, download into staging tables inside the shop
// file ("sk_staging_products" beside "products", and so on) and swap them in with one
// transaction, so the user never sees a half-loaded or empty shop and the outbox is kept. The
// staging tables remember their cursor, so a download that was interrupted resumes where it
// stopped. The download writes them with the code that writes the shop's own tables, through a
// connection that names tables by their staging names (SqliteDatabase::setTableNames).
class StagingStore
{
public:
    // Opens (resuming) or creates the staging tables of the store, on a connection of its own.
    static Result<std::unique_ptr<StagingStore>> open(const ShopStore &store);
    ~StagingStore();

    QString cursor() const;
    qint64 changesApplied() const;
    // One page, in its own transaction on the staging tables; saves its cursor.
    Result<void> applyPage(const ChangesPage &page);
    Result<void> applyPage(const DecodedPage &page);

    // One transaction on the shop file: drops every synced table and renames its staging table
    // in its place (the ledger is merged: it is append-only), builds the secondary indexes and
    // the search index, takes the staging cursor and last_applied_seq, confirms the outbox up to
    // it, rebases every entity with pending edits on top, and marks the initial sync done.
    // The shop file's WAL then holds the new indexes: checkpointWal() moves it into the file,
    // which callers do once the new data is shown.
    Result<void> swapInto(ShopStore &store, qint64 nowMs);

    // A passive checkpoint of the shop file (readers are never waited for).
    static Result<void> checkpointWal(ShopStore &store);

    // Drops the staging tables (when the user signs out, or the download is abandoned).
    static Result<void> remove(ShopStore &store);
    // Whether the shop file holds a download that was not swapped in.
    static bool exists(ShopStore &store);

private:
    explicit StagingStore(std::unique_ptr<SqliteDatabase> db);
    template <typename Page>
    Result<void> applyAnyPage(const Page &page);
    std::unique_ptr<SqliteDatabase> m_db;
    qint64 m_changesApplied = 0;
};

} // namespace sk
