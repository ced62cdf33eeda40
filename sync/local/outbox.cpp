#include "outbox.h"

#include "domain/recordjson.h"
#include "local/entitydocuments.h"
#include "local/localmutations.h"
#include "storage/repositorysql.h"
#include "storage/sqlitedatabase.h"
#include "synclogging.h"
#include "util/uuidv7.h"

#include <QCoreApplication>
#include <QJsonDocument>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace sk {

using namespace repositorysql;

namespace {

#define SK_OUTBOX_COLUMNS "o.seq, o.mutation_id, o.name, o.args, o.created_at, o.attempts, o.last_error, o.acked_at"

OutboxEntry readEntry(const SqliteStatement &s)
{
    OutboxEntry e;
    e.seq = s.int64(0);
    e.mutationId = s.text(1);
    e.name = s.text(2);
    e.args = s.utf8(3);
    e.createdAt = s.int64(4);
    e.attempts = s.int32(5);
    e.lastError = s.text(6);
    e.ackedAt = s.optionalInt64(7);
    return e;
}

Result<QList<OutboxEntry>> readEntries(SqliteStatement &s)
{
    QList<OutboxEntry> out;
    for (;;) {
        SK_TRY_ASSIGN(hasRow, s.step());
        if (!hasRow)
            break;
        out.append(readEntry(s));
    }
    return out;
}

Result<QList<EntityRef>> readRefs(SqliteStatement &s)
{
    QList<EntityRef> out;
    for (;;) {
        SK_TRY_ASSIGN(hasRow, s.step());
        if (!hasRow)
            break;
        out.append(EntityRef{s.text(0), s.text(1)});
    }
    return out;
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// The base of an entity the outbox touches for the first time: its visible row, which is the
// server's document because no pending mutation changed it yet.
Result<void> snapshotBase(SqliteDatabase &db, const EntityRef &ref)
{
    SK_TRY_ASSIGN(has, db.cached("SELECT 1 FROM sync_base WHERE entity_type = ?1 AND entity_id = ?2"));
    has->bind(1, ref.type).bind(2, ref.id);
    SK_TRY_ASSIGN(found, readOne(*has, [](const SqliteStatement &) { return true; }));
    if (found)
        return {};
    SK_TRY_ASSIGN(doc, EntityDocuments::read(db, ref));
    SK_TRY_ASSIGN(s, db.cached("INSERT INTO sync_base (entity_type, entity_id, version, doc) VALUES (?1, ?2, ?3, ?4)"));
    s->bind(1, ref.type).bind(2, ref.id).bind(3, doc ? doc->value(u"version").toInteger() : qint64(0));
    if (doc)
        s->bindUtf8(4, compact(*doc));
    else
        s->bindNull(4);
    return s->exec();
}

// Writes back the base of each entity no row touches any more, then drops the base.
Result<void> restoreUntouched(SqliteDatabase &db, const QList<EntityRef> &entities)
{
    struct Restore
    {
        EntityRef ref;
        std::optional<QJsonObject> doc;
    };
    QList<Restore> restores;
    SK_TRY_ASSIGN(touched, db.cached("SELECT 1 FROM outbox_entities WHERE entity_type = ?1 AND entity_id = ?2 LIMIT 1"));
    for (const EntityRef &ref : entities) {
        touched->bind(1, ref.type).bind(2, ref.id);
        SK_TRY_ASSIGN(stillTouched, readOne(*touched, [](const SqliteStatement &) { return true; }));
        if (stillTouched)
            continue;
        SK_TRY_ASSIGN(base, Outbox::base(db, ref));
        if (base)
            restores.append({ref, base->doc});
    }
    // Deletes first, children before parents; then upserts, parents before children.
    std::stable_sort(restores.begin(), restores.end(), [](const Restore &a, const Restore &b) {
        if (a.doc.has_value() != b.doc.has_value())
            return !a.doc.has_value();
        const int ra = EntityDocuments::typeRank(a.ref.type);
        const int rb = EntityDocuments::typeRank(b.ref.type);
        return a.doc ? ra < rb : ra > rb;
    });
    for (const Restore &r : std::as_const(restores)) {
        auto written = EntityDocuments::write(db, r.ref, r.doc);
        if (!written.ok()) {
            if (written.error().code != u"sync.missing_parent")
                return written.error();
            // Its parent is gone (deleted by the server): so is the record.
            qCDebug(lcSyncOutbox) << "not restoring" << r.ref.type << r.ref.id << "- its parent is gone";
            SK_TRY(EntityDocuments::write(db, r.ref, std::nullopt));
        }
        SK_TRY(Outbox::clearBase(db, r.ref));
    }
    return {};
}

} // namespace

Result<OutboxEntry> Outbox::append(SqliteDatabase &db, const QString &name, const QJsonObject &args, qint64 nowMs)
{
    SK_TRY_ASSIGN(entities, LocalMutations::entitiesOf(db, name, args));
    if (entities.isEmpty()) {
        return makeError(u"sync.no_entity"_s, QCoreApplication::translate("sk::Outbox", "The mutation %1 names no record.").arg(name));
    }
    SK_TRY_ASSIGN(take, db.cached("UPDATE sync_state SET next_seq = next_seq + 1 WHERE singleton = 1 "
                                  "RETURNING next_seq - 1"));
    SK_TRY_ASSIGN(taken, readOne(*take, [](const SqliteStatement &r) { return r.int64(0); }));
    if (!taken)
        return makeError(u"sync.no_state"_s, QCoreApplication::translate("sk::Outbox", "The shop file has no sync state."), db.path());
    for (const EntityRef &ref : std::as_const(entities))
        SK_TRY(snapshotBase(db, ref));

    OutboxEntry entry;
    entry.seq = *taken;
    entry.mutationId = UuidV7::toText(UuidV7::create());
    entry.name = name;
    entry.args = compact(args);
    entry.createdAt = nowMs;
    SK_TRY_ASSIGN(insert, db.cached("INSERT INTO outbox (seq, mutation_id, name, args, entity_type, entity_id, created_at) "
                                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"));
    insert->bind(1, entry.seq).bind(2, entry.mutationId).bind(3, name).bindUtf8(4, entry.args);
    insert->bind(5, entities.constFirst().type).bind(6, entities.constFirst().id).bind(7, nowMs);
    SK_TRY(insert->exec());
    SK_TRY_ASSIGN(link, db.cached("INSERT INTO outbox_entities (seq, entity_type, entity_id) VALUES (?1, ?2, ?3)"));
    for (const EntityRef &ref : std::as_const(entities)) {
        link->bind(1, entry.seq).bind(2, ref.type).bind(3, ref.id);
        SK_TRY(link->exec());
    }
    qCDebug(lcSyncOutbox) << "queued" << entry.seq << name << "touching" << entities.size() << "records";
    return entry;
}

Result<QList<OutboxEntry>> Outbox::nextBatch(SqliteDatabase &db, int maxCount, qint64 maxBytes)
{
    SK_TRY_ASSIGN(s, db.cached("SELECT " SK_OUTBOX_COLUMNS " FROM outbox o WHERE o.acked_at IS NULL "
                               "ORDER BY o.seq LIMIT ?1"));
    s->bind(1, qint64(std::max(maxCount, 1)));
    QList<OutboxEntry> batch;
    qint64 bytes = 0;
    for (;;) {
        SK_TRY_ASSIGN(hasRow, s->step());
        if (!hasRow)
            break;
        OutboxEntry e = readEntry(*s);
        if (!batch.isEmpty() && bytes + e.args.size() > maxBytes)
            break;
        bytes += e.args.size();
        batch.append(std::move(e));
    }
    s->reset(); // a statement left mid-result would hold the read snapshot open
    return batch;
}

Result<void> Outbox::markAcked(SqliteDatabase &db, qint64 seq, qint64 nowMs)
{
    SK_TRY_ASSIGN(s, db.cached("UPDATE outbox SET acked_at = ?2, last_error = '' WHERE seq = ?1 AND acked_at IS NULL"));
    s->bind(1, seq).bind(2, nowMs);
    return s->exec();
}

Result<void> Outbox::markAttempt(SqliteDatabase &db, const QList<qint64> &seqs, const QString &error)
{
    SK_TRY_ASSIGN(s, db.cached("UPDATE outbox SET attempts = attempts + 1, last_error = ?2 WHERE seq = ?1"));
    for (qint64 seq : seqs) {
        s->bind(1, seq);
        bindText(*s, 2, error);
        SK_TRY(s->exec());
    }
    return {};
}

Result<QList<EntityRef>> Outbox::remove(SqliteDatabase &db, qint64 seq)
{
    SK_TRY_ASSIGN(primary, db.cached("SELECT entity_type, entity_id FROM outbox WHERE seq = ?1"));
    primary->bind(1, seq);
    SK_TRY_ASSIGN(first, readOne(*primary, [](const SqliteStatement &r) { return EntityRef{r.text(0), r.text(1)}; }));
    if (!first)
        return QList<EntityRef>();
    SK_TRY_ASSIGN(s, db.cached("SELECT entity_type, entity_id FROM outbox_entities WHERE seq = ?1"));
    s->bind(1, seq);
    SK_TRY_ASSIGN(linked, readRefs(*s));
    QList<EntityRef> entities{*first};
    for (const EntityRef &ref : std::as_const(linked)) {
        if (!(ref == *first))
            entities.append(ref);
    }
    // Explicit, so a connection without foreign keys leaves no links behind.
    SK_TRY_ASSIGN(unlink, db.cached("DELETE FROM outbox_entities WHERE seq = ?1"));
    unlink->bind(1, seq);
    SK_TRY(unlink->exec());
    SK_TRY_ASSIGN(del, db.cached("DELETE FROM outbox WHERE seq = ?1"));
    del->bind(1, seq);
    SK_TRY(del->exec());
    qCDebug(lcSyncOutbox) << "removed" << seq;
    return entities;
}

Result<QList<EntityRef>> Outbox::confirmUpTo(SqliteDatabase &db, qint64 lastAppliedSeq)
{
    SK_TRY_ASSIGN(s, db.cached("SELECT DISTINCT entity_type, entity_id FROM outbox_entities WHERE seq <= ?1"));
    s->bind(1, lastAppliedSeq);
    SK_TRY_ASSIGN(entities, readRefs(*s));
    if (entities.isEmpty())
        return entities;
    SK_TRY_ASSIGN(unlink, db.cached("DELETE FROM outbox_entities WHERE seq <= ?1"));
    unlink->bind(1, lastAppliedSeq);
    SK_TRY(unlink->exec());
    SK_TRY_ASSIGN(del, db.cached("DELETE FROM outbox WHERE seq <= ?1"));
    del->bind(1, lastAppliedSeq);
    SK_TRY(del->exec());
    qCDebug(lcSyncOutbox) << "confirmed up to" << lastAppliedSeq << "-" << db.changes() << "rows";
    SK_TRY(restoreUntouched(db, entities));
    return entities;
}

Result<QList<OutboxEntry>> Outbox::entriesTouching(SqliteDatabase &db, const EntityRef &ref)
{
    SK_TRY_ASSIGN(s, db.cached("SELECT " SK_OUTBOX_COLUMNS " FROM outbox_entities e JOIN outbox o ON o.seq = e.seq "
                               "WHERE e.entity_type = ?1 AND e.entity_id = ?2 ORDER BY e.seq"));
    s->bind(1, ref.type).bind(2, ref.id);
    return readEntries(*s);
}

Result<QList<EntityRef>> Outbox::trackedEntities(SqliteDatabase &db)
{
    SK_TRY_ASSIGN(s, db.cached("SELECT entity_type, entity_id FROM sync_base"));
    return readRefs(*s);
}

Result<qint64> Outbox::pendingCount(SqliteDatabase &db)
{
    SK_TRY_ASSIGN(s, db.cached("SELECT count(*) FROM outbox WHERE acked_at IS NULL"));
    SK_TRY_ASSIGN(n, readOne(*s, [](const SqliteStatement &r) { return r.int64(0); }));
    return n.value_or(0);
}

Result<qint64> Outbox::totalCount(SqliteDatabase &db)
{
    SK_TRY_ASSIGN(s, db.cached("SELECT count(*) FROM outbox"));
    SK_TRY_ASSIGN(n, readOne(*s, [](const SqliteStatement &r) { return r.int64(0); }));
    return n.value_or(0);
}

Result<std::optional<OutboxEntry>> Outbox::entry(SqliteDatabase &db, qint64 seq)
{
    SK_TRY_ASSIGN(s, db.cached("SELECT " SK_OUTBOX_COLUMNS " FROM outbox o WHERE o.seq = ?1"));
    s->bind(1, seq);
    return readOne(*s, readEntry);
}

Result<QList<OutboxEntry>> Outbox::pending(SqliteDatabase &db, int limit)
{
    SK_TRY_ASSIGN(s, db.cached("SELECT " SK_OUTBOX_COLUMNS " FROM outbox o WHERE o.acked_at IS NULL "
                               "ORDER BY o.seq LIMIT ?1"));
    s->bind(1, qint64(std::max(limit, 0)));
    return readEntries(*s);
}

Result<std::optional<Outbox::Base>> Outbox::base(SqliteDatabase &db, const EntityRef &ref)
{
    SK_TRY_ASSIGN(s, db.cached("SELECT version, doc FROM sync_base WHERE entity_type = ?1 AND entity_id = ?2"));
    s->bind(1, ref.type).bind(2, ref.id);
    SK_TRY_ASSIGN(hasRow, s->step());
    if (!hasRow) {
        s->reset();
        return std::optional<Base>();
    }
    Base base;
    base.version = s->int64(0);
    const bool hasDoc = !s->isNull(1);
    const QByteArray text = hasDoc ? s->utf8(1) : QByteArray();
    s->reset();
    if (hasDoc) {
        SK_TRY_ASSIGN(doc, RecordJson::parseObject(text));
        base.doc = std::move(doc);
    }
    return std::optional<Base>(std::move(base));
}

Result<void> Outbox::setBase(SqliteDatabase &db, const EntityRef &ref, const Base &base)
{
    SK_TRY_ASSIGN(s, db.cached("INSERT INTO sync_base (entity_type, entity_id, version, doc) VALUES (?1, ?2, ?3, ?4) "
                               "ON CONFLICT (entity_type, entity_id) DO UPDATE SET version = excluded.version, "
                               "doc = excluded.doc"));
    s->bind(1, ref.type).bind(2, ref.id).bind(3, base.version);
    if (base.doc)
        s->bindUtf8(4, compact(*base.doc));
    else
        s->bindNull(4);
    return s->exec();
}

Result<void> Outbox::clearBase(SqliteDatabase &db, const EntityRef &ref)
{
    SK_TRY_ASSIGN(s, db.cached("DELETE FROM sync_base WHERE entity_type = ?1 AND entity_id = ?2"));
    s->bind(1, ref.type).bind(2, ref.id);
    return s->exec();
}

Result<Outbox::State> Outbox::state(SqliteDatabase &db)
{
    SK_TRY_ASSIGN(s, db.cached("SELECT client_id, cursor, last_applied_seq, next_seq, last_synced_at, initial_sync_done "
                               "FROM sync_state WHERE singleton = 1"));
    SK_TRY_ASSIGN(found, readOne(*s, [](const SqliteStatement &r) {
                      State st;
                      st.clientId = r.text(0);
                      st.cursor = r.text(1);
                      st.lastAppliedSeq = r.int64(2);
                      st.nextSeq = r.int64(3);
                      st.lastSyncedAt = r.optionalInt64(4);
                      st.initialSyncDone = r.int64(5) != 0;
                      return st;
                  }));
    return found.value_or(State());
}

Result<void> Outbox::setClientId(SqliteDatabase &db, const QString &clientId)
{
    SK_TRY_ASSIGN(s, db.cached("UPDATE sync_state SET client_id = ?1 WHERE singleton = 1"));
    bindOptionalText(*s, 1, clientId);
    return s->exec();
}

Result<void> Outbox::ensureNextSeqAbove(SqliteDatabase &db, qint64 lastAppliedSeq)
{
    SK_TRY_ASSIGN(s, db.cached("UPDATE sync_state SET next_seq = max(next_seq, ?1 + 1) WHERE singleton = 1"));
    s->bind(1, lastAppliedSeq);
    return s->exec();
}

Result<void> Outbox::saveCursor(SqliteDatabase &db, const QString &cursor, qint64 lastAppliedSeq, qint64 serverTime)
{
    // The server has seen seqs up to lastAppliedSeq from this client: never hand them out again.
    SK_TRY_ASSIGN(s, db.cached("UPDATE sync_state SET cursor = ?1, last_applied_seq = ?2, server_time = ?3, "
                               "last_synced_at = ?3, next_seq = max(next_seq, ?2 + 1) WHERE singleton = 1"));
    bindText(*s, 1, cursor);
    s->bind(2, lastAppliedSeq).bind(3, serverTime);
    return s->exec();
}

Result<void> Outbox::setInitialSyncDone(SqliteDatabase &db, bool done)
{
    SK_TRY_ASSIGN(s, db.cached("UPDATE sync_state SET initial_sync_done = ?1 WHERE singleton = 1"));
    s->bind(1, done);
    return s->exec();
}

Result<void> Outbox::rotateClient(SqliteDatabase &db, const QString &newClientId)
{
    SK_TRY_ASSIGN(count, totalCount(db));
    if (count > 0) {
        const int shown = int(qMin(count, qint64(1000000000)));
        return makeError(u"sync.outbox_not_empty"_s,
                         QCoreApplication::translate("sk::Outbox",
                                                     "%n edit(s) are still waiting to be sent; a new sync identity "
                                                     "would lose them.",
                                                     nullptr, shown));
    }
    SK_TRY_ASSIGN(s, db.cached("UPDATE sync_state SET client_id = ?1, next_seq = 1, last_applied_seq = 0 "
                               "WHERE singleton = 1"));
    bindOptionalText(*s, 1, newClientId);
    SK_TRY(s->exec());
    // Bases only exist for queued rows; none are left.
    SK_TRY_ASSIGN(clear, db.cached("DELETE FROM sync_base"));
    return clear->exec();
}

} // namespace sk
