#pragma once

#include "util/result.h"

#include <QString>

#include <memory>

namespace sk {

class ShopStore;
class SqliteDatabase;
struct ChangesPage;
struct DecodedPage;

// The first sync, and the full resync after a 410, download into a separate staging file beside
// the shop file ("<shop file>.staging") and swap it in with one transaction, so the user never
// sees a half-loaded or empty shop and the outbox is kept. The staging file remembers its cursor,
// so a download that was interrupted resumes where it stopped.
class StagingStore
{
public:
    static QString pathFor(const ShopStore &store);
    // Opens (resuming) or creates the staging file for the store.
    static Result<std::unique_ptr<StagingStore>> open(const ShopStore &store);
    ~StagingStore();

    QString cursor() const;
    qint64 changesApplied() const;
    // One page, in its own transaction in the staging file; saves its cursor.
    Result<void> applyPage(const ChangesPage &page);
    Result<void> applyPage(const DecodedPage &page);

    // One transaction on the shop file: replaces every synced table with the staging copy (the
    // ledger is merged: it is append-only), takes the staging cursor and last_applied_seq,
    // confirms the outbox up to it, rebases every entity with pending edits on top, and marks
    // the initial sync done. Then deletes the staging file. The search index is rebuilt.
    // The shop file's WAL then holds the whole shop: checkpointWal() moves it into the file,
    // which callers do once the new data is shown (it takes as long as writing the file).
    Result<void> swapInto(ShopStore &store, qint64 nowMs);

    // A passive checkpoint of the shop file (readers are never waited for).
    static Result<void> checkpointWal(ShopStore &store);

    // Deletes a staging file (when the user signs out, or the download is abandoned).
    static Result<void> remove(const ShopStore &store);

private:
    StagingStore(QString path, std::unique_ptr<SqliteDatabase> db);
    template <typename Page>
    Result<void> applyAnyPage(const Page &page);
    QString m_path;
    std::unique_ptr<SqliteDatabase> m_db;
    qint64 m_changesApplied = 0;
};

} // namespace sk
