#include "changeapplier.h"

#include "local/changefeedpage.h"
#include "local/entitydocuments.h"
#include "local/outbox.h"
#include "local/rebaser.h"
#include "storage/sqlitedatabase.h"
#include "storage/sqlitetransaction.h"
#include "synclogging.h"

#include <QCoreApplication>
#include <QSet>

#include <sqlite3.h>

#include <type_traits>

using namespace Qt::StringLiterals;

namespace sk {

namespace {

// The feed's entity types this client stores. A newer server may send others: ignored.
bool isKnownType(const QString &type)
{
    return EntityDocuments::typeRank(type) < EntityDocuments::types().size();
}

bool isLedger(const EntityRef &ref)
{
    return ref.type == u"ledger_entry";
}

// Drops outbox rows the server has (whatever their answer was). Outbox::confirmUpTo writes an
// entity no other row touches back to its server document (so the effect of a mutation the
// server refused, whose answer was lost, does not linger); one still touched is rebased. A page
// carries a confirmed mutation's effect in the same snapshot, applied after this step.
Result<void> confirm(SqliteDatabase &db, qint64 lastAppliedSeq, PageStats &stats, QList<EntityRef> &toRebase)
{
    SK_TRY_ASSIGN(count, db.cached("SELECT count(*) FROM outbox WHERE seq <= ?"));
    count->bind(1, lastAppliedSeq);
    SK_TRY_ASSIGN(hasCount, count->step());
    const qint64 confirmed = hasCount ? count->int64(0) : 0;
    count->reset();
    if (confirmed == 0)
        return {};
    SK_TRY_ASSIGN(entities, Outbox::confirmUpTo(db, lastAppliedSeq));
    for (const EntityRef &ref : std::as_const(entities)) {
        SK_TRY_ASSIGN(base, Outbox::base(db, ref));
        if (base)
            toRebase.append(ref);
    }
    stats.confirmed += int(confirmed);
    qCDebug(lcSyncPull) << "confirmed" << confirmed << "outbox rows up to seq" << lastAppliedSeq;
    return {};
}

Result<void> applyChange(SqliteDatabase &db, const Change &change, bool tracking, PageStats &stats,
                         QList<EntityRef> &toRebase)
{
    if (!isKnownType(change.entity.type))
        return {};
    if (change.isDelete && isLedger(change.entity))
        return {}; // history is never deleted locally

    if (tracking) {
        // An entity with queued edits: the server document becomes its base, and the visible
        // row is rebuilt from it with the edits on top.
        SK_TRY_ASSIGN(base, Outbox::base(db, change.entity));
        if (base) {
            const bool newer = change.isDelete ? change.version >= base->version : change.version > base->version;
            if (!newer) {
                ++stats.ignoredOlder;
                return {};
            }
            Outbox::Base updated;
            updated.version = change.version;
            if (!change.isDelete)
                updated.doc = change.data;
            SK_TRY(Outbox::setBase(db, change.entity, updated));
            toRebase.append(change.entity);
            if (change.isDelete)
                ++stats.deleted;
            else
                ++stats.upserted;
            return {};
        }
    }

    SK_TRY_ASSIGN(local, EntityDocuments::version(db, change.entity));
    if (change.isDelete) {
        // Versions only move forward, and a tombstone outranks the row it deletes.
        if (change.version < local) {
            ++stats.ignoredOlder;
            return {};
        }
        SK_TRY(EntityDocuments::write(db, change.entity, std::nullopt));
        ++stats.deleted;
        return {};
    }
    if (change.version <= local) {
        ++stats.ignoredOlder; // already have it, or something newer (a re-applied page)
        return {};
    }
    SK_TRY(EntityDocuments::write(db, change.entity, change.data));
    ++stats.upserted;
    return {};
}

Result<void> insertStaged(SqliteDatabase &db, const Change &change)
{
    return EntityDocuments::insertNew(db, change.entity, change.data);
}

Result<void> insertStaged(SqliteDatabase &db, const DecodedChange &change)
{
    return EntityDocuments::insertDecoded(db, change.entity, change.record);
}

// applyChange() for the staging tables: no outbox, and a record without a local row (every record
// of a fresh download) is inserted without first clearing children it cannot have. A decoded
// change was read already; a Change (QJsonObject) is read here.
template <typename AnyChange>
Result<void> applyStagedChange(SqliteDatabase &db, const AnyChange &change, PageStats &stats)
{
    if (!isKnownType(change.entity.type))
        return {};
    if (change.isDelete && isLedger(change.entity))
        return {};
    SK_TRY_ASSIGN(stored, EntityDocuments::storedVersion(db, change.entity));
    const qint64 local = stored.value_or(0);
    if (change.isDelete) {
        if (change.version < local) {
            ++stats.ignoredOlder;
            return {};
        }
        SK_TRY(EntityDocuments::write(db, change.entity, std::nullopt));
        ++stats.deleted;
        return {};
    }
    if (change.version <= local) {
        ++stats.ignoredOlder;
        return {};
    }
    if (stored) {
        // Rare (a record changed during the download, or a resumed page): the general write.
        if constexpr (std::is_same_v<AnyChange, Change>)
            SK_TRY(EntityDocuments::write(db, change.entity, change.data));
        else
            SK_TRY(EntityDocuments::writeDecoded(db, change.entity, change.record));
    } else {
        SK_TRY(insertStaged(db, change));
    }
    ++stats.upserted;
    return {};
}

Result<bool> anyTracked(SqliteDatabase &db)
{
    SK_TRY_ASSIGN(stmt, db.cached("SELECT EXISTS (SELECT 1 FROM sync_base)"));
    SK_TRY_ASSIGN(hasRow, stmt->step());
    const bool any = hasRow && stmt->int64(0) != 0;
    stmt->reset();
    return any;
}


} // namespace

Result<ChangesPage> ChangeApplier::parsePage(const QByteArray &body)
{
    SK_TRY_ASSIGN(page, ChangeFeedPage::parse(body));
    return page.toChangesPage();
}

Result<PageStats> ChangeApplier::applyPage(SqliteDatabase &db, const ChangesPage &page, qint64 nowMs)
{
    return applyPages(db, {page}, nowMs);
}

Result<PageStats> ChangeApplier::applyPages(SqliteDatabase &db, const QList<ChangesPage> &pages, qint64 nowMs)
{
    if (pages.isEmpty())
        return PageStats{};
    // Relations are checked once the pages are in (see the header), until COMMIT at the latest.
    SK_TRY(db.exec("PRAGMA defer_foreign_keys = ON"));
    SK_TRY_ASSIGN(savepoint, SqliteSavepoint::begin(db, "apply_changes"));
    const qint64 violationsBefore = deferredViolations(db);

    PageStats stats;
    QList<EntityRef> toRebase;
    for (const ChangesPage &page : pages) {
        // First: what the server confirmed stops being re-applied, before the documents that
        // already contain its effect are written.
        SK_TRY(confirm(db, page.lastAppliedSeq, stats, toRebase));
        SK_TRY_ASSIGN(tracking, anyTracked(db));
        for (const Change &change : page.changes) {
            auto applied = applyChange(db, change, tracking, stats, toRebase);
            if (!applied.ok())
                return withEntity(applied.error(), change.entity);
        }
    }
    if (!toRebase.isEmpty()) {
        SK_TRY(Rebaser::rebase(db, toRebase, nowMs));
        stats.rebased = int(QSet<EntityRef>(toRebase.cbegin(), toRebase.cend()).size());
    }

    const ChangesPage &last = pages.constLast();
    if (deferredViolations(db) > violationsBefore) {
        if (last.hasMore) {
            return makeError(u"sync.page_needs_next"_s,
                             QCoreApplication::translate("ChangeApplier",
                                                         "Some records on this page of changes refer to records on "
                                                         "the next page; apply the two together."),
                             last.nextCursor);
        }
        // Nothing more is coming: what is still without its parent is gone on the server.
        SK_TRY_ASSIGN(dropped, dropOrphans(db));
        qCInfo(lcSyncPull) << "dropped" << dropped << "local rows whose parent the server no longer has";
    }
    SK_TRY(Outbox::saveCursor(db, last.nextCursor, last.lastAppliedSeq, last.serverTime));
    SK_TRY(savepoint.release());
    qCDebug(lcSyncPull) << "applied" << pages.size() << "page(s):" << stats.upserted << "upserted," << stats.deleted
                        << "deleted," << stats.ignoredOlder << "older," << stats.rebased << "rebased,"
                        << stats.confirmed << "confirmed";
    return stats;
}

Result<PageStats> ChangeApplier::applyToStaging(SqliteDatabase &db, const DecodedPage &page)
{
    PageStats stats;
    for (const DecodedChange &change : page.changes) {
        auto applied = applyStagedChange(db, change, stats);
        if (!applied.ok())
            return withEntity(applied.error(), change.entity);
    }
    SK_TRY(Outbox::saveCursor(db, page.nextCursor, page.lastAppliedSeq, page.serverTime));
    return stats;
}

Result<PageStats> ChangeApplier::applyToStaging(SqliteDatabase &db, const ChangesPage &page)
{
    PageStats stats;
    for (const Change &change : page.changes) {
        auto applied = applyStagedChange(db, change, stats);
        if (!applied.ok())
            return withEntity(applied.error(), change.entity);
    }
    SK_TRY(Outbox::saveCursor(db, page.nextCursor, page.lastAppliedSeq, page.serverTime));
    return stats;
}

qint64 ChangeApplier::deferredViolations(SqliteDatabase &db)
{
    int current = 0;
    int highwater = 0;
    if (sqlite3_db_status(db.handle(), SQLITE_DBSTATUS_DEFERRED_FKS, &current, &highwater, 0) != SQLITE_OK)
        return 0;
    return current;
}

Result<qint64> ChangeApplier::dropOrphans(SqliteDatabase &db)
{
    // Parents first, so the children of a dropped variant or order are found next.
    static const char *const statements[] = {
        "DELETE FROM variants WHERE NOT EXISTS (SELECT 1 FROM products p WHERE p.id = variants.product_id)",
        "DELETE FROM inventory_levels WHERE NOT EXISTS (SELECT 1 FROM variants v WHERE v.id = inventory_levels.variant_id) "
        "OR NOT EXISTS (SELECT 1 FROM locations l WHERE l.id = inventory_levels.location_id)",
        "DELETE FROM customer_addresses "
        "WHERE NOT EXISTS (SELECT 1 FROM customers c WHERE c.id = customer_addresses.customer_id)",
        "UPDATE orders SET customer_id = NULL WHERE customer_id IS NOT NULL "
        "AND NOT EXISTS (SELECT 1 FROM customers c WHERE c.id = orders.customer_id)",
        "DELETE FROM order_lines WHERE NOT EXISTS (SELECT 1 FROM orders o WHERE o.id = order_lines.order_id)",
        "DELETE FROM fulfillments WHERE NOT EXISTS (SELECT 1 FROM orders o WHERE o.id = fulfillments.order_id)",
        "DELETE FROM refunds WHERE NOT EXISTS (SELECT 1 FROM orders o WHERE o.id = refunds.order_id)",
        "DELETE FROM order_events WHERE NOT EXISTS (SELECT 1 FROM orders o WHERE o.id = order_events.order_id)",
        "DELETE FROM fulfillment_lines "
        "WHERE NOT EXISTS (SELECT 1 FROM fulfillments f WHERE f.id = fulfillment_lines.fulfillment_id) "
        "OR NOT EXISTS (SELECT 1 FROM order_lines l WHERE l.id = fulfillment_lines.order_line_id)",
        "DELETE FROM refund_lines WHERE NOT EXISTS (SELECT 1 FROM refunds r WHERE r.id = refund_lines.refund_id) "
        "OR NOT EXISTS (SELECT 1 FROM order_lines l WHERE l.id = refund_lines.order_line_id)",
    };
    qint64 changed = 0;
    for (const char *sql : statements) {
        SK_TRY(db.exec(sql));
        changed += db.changes();
    }
    return changed;
}

} // namespace sk
