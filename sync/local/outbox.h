#pragma once

#include "local/entityref.h"
#include "util/result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace sk {

class SqliteDatabase;

struct OutboxEntry
{
    qint64 seq = 0;
    QString mutationId;
    QString name;
    QByteArray args;          // compact JSON text, exactly as it is sent
    qint64 createdAt = 0;
    int attempts = 0;
    QString lastError;
    std::optional<qint64> ackedAt; // the server answered applied/duplicate; kept until a pull confirms
};

// The durable queue of local edits, in the shop's own file (tables outbox, outbox_entities,
// sync_base and sync_state). Every function runs inside the caller's write transaction, so an
// edit and its outbox row commit together or not at all.
//
// Sequence numbers: sync_state.next_seq hands out one strictly increasing seq per mutation, never
// reused or renumbered. A row stays until a pull's last_applied_seq covers it (confirmUpTo); once
// the server acknowledged it (markAcked) it is never sent again but is still re-applied when
// its entities are rebased, because the pulled documents may not contain it yet.
class Outbox
{
public:
    // Appends a mutation: the next seq, a new UUIDv7 mutation id, the touched entities
    // (LocalMutations::entitiesOf), and a sync_base snapshot of each touched entity that has none
    // yet, read from the visible row BEFORE the caller applies the local effect.
    static Result<OutboxEntry> append(SqliteDatabase &db, const QString &name, const QJsonObject &args,
                                      qint64 nowMs);

    // The next batch to push: rows not yet acknowledged, in seq order, at most maxCount rows
    // and maxBytes of args in total (always at least one row when any is pending).
    static Result<QList<OutboxEntry>> nextBatch(SqliteDatabase &db, int maxCount = 100,
                                                qint64 maxBytes = 1024 * 1024);

    static Result<void> markAcked(SqliteDatabase &db, qint64 seq, qint64 nowMs);
    // Records a failed attempt (attempts + 1, last_error) on each seq.
    static Result<void> markAttempt(SqliteDatabase &db, const QList<qint64> &seqs, const QString &error);

    // Drops one row (a rejected or conflicting mutation that became a sync issue) and returns
    // the entities it touched, which the caller then rebases to revert its effect.
    static Result<QList<EntityRef>> remove(SqliteDatabase &db, qint64 seq);

    // Drops every row at or below lastAppliedSeq (the server has them, whatever their answer
    // was), clears sync_base rows no longer touched by any row, and returns the entities
    // the dropped rows touched.
    //
    // An entity no row touches any more first gets its visible row written back from its base
    // (parents before children, deletes children first): the server may have refused a row
    // whose answer was lost, so the visible effect cannot be trusted; if the server applied it,
    // its newer document is in the change feed after the base's version. Entities that still
    // have rows keep their base and are left for Rebaser::rebase. Bases must be current (pull
    // updates them) before this runs: after a full resync swapped tables in, refresh the bases
    // from the new rows first.
    static Result<QList<EntityRef>> confirmUpTo(SqliteDatabase &db, qint64 lastAppliedSeq);

    // Every row touching the entity, acknowledged ones included, in seq order.
    static Result<QList<OutboxEntry>> entriesTouching(SqliteDatabase &db, const EntityRef &ref);
    // The entities that have a sync_base row (have rows in the outbox).
    static Result<QList<EntityRef>> trackedEntities(SqliteDatabase &db);

    static Result<qint64> pendingCount(SqliteDatabase &db); // not yet acknowledged
    static Result<qint64> totalCount(SqliteDatabase &db);
    static Result<std::optional<OutboxEntry>> entry(SqliteDatabase &db, qint64 seq);
    static Result<QList<OutboxEntry>> pending(SqliteDatabase &db, int limit = 1000);

    // sync_base: the server document of an entity with rows in the outbox.
    struct Base
    {
        qint64 version = 0;
        std::optional<QJsonObject> doc; // nullopt: not on the server (created locally, or deleted)
    };
    static Result<std::optional<Base>> base(SqliteDatabase &db, const EntityRef &ref);
    static Result<void> setBase(SqliteDatabase &db, const EntityRef &ref, const Base &base);
    static Result<void> clearBase(SqliteDatabase &db, const EntityRef &ref);

    // sync_state
    struct State
    {
        QString clientId;            // empty until the first sync registers one
        QString cursor;
        qint64 lastAppliedSeq = 0;
        qint64 nextSeq = 1;
        std::optional<qint64> lastSyncedAt; // server time of the last successful pull
        bool initialSyncDone = false;
    };
    static Result<State> state(SqliteDatabase &db);
    static Result<void> setClientId(SqliteDatabase &db, const QString &clientId);
    // Never lowers next_seq; raises it above a server's last_applied_seq for this client.
    static Result<void> ensureNextSeqAbove(SqliteDatabase &db, qint64 lastAppliedSeq);
    static Result<void> saveCursor(SqliteDatabase &db, const QString &cursor, qint64 lastAppliedSeq,
                                   qint64 serverTime);
    static Result<void> setInitialSyncDone(SqliteDatabase &db, bool done);
    // A new client id and seq space (after Discard): only when the outbox is empty
    // ("sync.outbox_not_empty" otherwise). next_seq restarts at 1 and last_applied_seq at 0.
    static Result<void> rotateClient(SqliteDatabase &db, const QString &newClientId);
};

} // namespace sk
