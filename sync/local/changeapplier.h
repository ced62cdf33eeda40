#pragma once

#include "local/entityref.h"
#include "util/result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace sk {

class SqliteDatabase;
struct DecodedPage;

struct Change
{
    EntityRef entity;      // type and id as the feed sends them
    qint64 version = 0;
    bool isDelete = false;
    QJsonObject data;      // the RecordJson document of an upsert
};

struct ChangesPage
{
    QList<Change> changes;
    QString nextCursor;
    bool hasMore = false;
    qint64 lastAppliedSeq = 0;
    qint64 serverTime = 0;
};

struct PageStats
{
    int upserted = 0;
    int deleted = 0;
    int ignoredOlder = 0;  // version not newer than the local row
    int rebased = 0;       // entities with pending edits re-applied on top
    int confirmed = 0;     // outbox rows dropped by last_applied_seq
};

// Applies the change feed (GET /v1/shops/{id}/sync/changes) to the local cache.
class ChangeApplier
{
public:
    // Parses one page (ChangeFeedPage). Unknown keys and unknown entity types are ignored (a
    // newer server); a page that is not the documented shape is "sync.bad_page" naming the
    // offending field.
    static Result<ChangesPage> parsePage(const QByteArray &body);

    // Applies one page in the caller's transaction, in this order: drops outbox rows at or below
    // page.lastAppliedSeq (Outbox::confirmUpTo); then for each change: an entity with outbox rows
    // gets its sync_base updated (when newer) and is rebased; any other row is upserted when its
    // version is newer than the local one (older ones are ignored), and a tombstone deletes it;
    // ledger entries are inserted once. Finally saves cursor, last_applied_seq and server time
    // (Outbox::saveCursor) in the same transaction.
    //
    // The feed orders records by their last change, so a child can come before its parent (a
    // product edited after its variants were made); foreign keys are checked at the end of the
    // page, not per row. A page that leaves a record without its parent while more pages follow
    // fails with "sync.page_needs_next" (nothing applied): the parent is on a later page, and the
    // caller applies this page and the next together with applyPages(). On the last page such a
    // record has no parent on the server any more and is dropped (dropOrphans).
    static Result<PageStats> applyPage(SqliteDatabase &db, const ChangesPage &page, qint64 nowMs);
    // Consecutive pages as one (see applyPage), in the caller's transaction; the cursor saved is
    // the last page's.
    static Result<PageStats> applyPages(SqliteDatabase &db, const QList<ChangesPage> &pages, qint64 nowMs);

    // The same without any outbox or rebase work, for the staging tables being filled from scratch.
    // Saves the page's cursor in the staging sync_state. Run with foreign keys off. A
    // record with no local row yet is inserted without clearing children first
    // (EntityDocuments::insertNew); on a failure the caller rolls its transaction back.
    static Result<PageStats> applyToStaging(SqliteDatabase &db, const ChangesPage &page);
    // The same for a page whose documents were read already (ChangeFeedPage::decode).
    static Result<PageStats> applyToStaging(SqliteDatabase &db, const DecodedPage &page);

    // Drops the rows whose parent is missing: variants without product, levels without variant or
    // location, addresses without customer, order children without order (an order's missing
    // customer becomes NULL, as ON DELETE SET NULL would). Returns how many rows changed.
    static Result<qint64> dropOrphans(SqliteDatabase &db);
    // Foreign-key violations this transaction has deferred and not yet resolved (0 when none).
    static qint64 deferredViolations(SqliteDatabase &db);
};

} // namespace sk
