#include "rebaser.h"

#include "local/entitydocuments.h"
#include "local/localmutations.h"
#include "local/outbox.h"
#include "storage/sqlitetransaction.h"
#include "synclogging.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QSet>

#include <algorithm>

namespace sk {

namespace {

Result<QJsonObject> argsOf(const OutboxEntry &entry)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(entry.args, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject()) {
        return makeError(QStringLiteral("sync.bad_outbox_row"),
                         QCoreApplication::translate("Rebaser", "The queued edit %1 (%2) has unreadable arguments.")
                             .arg(entry.seq)
                             .arg(entry.name),
                         error.errorString());
    }
    return doc.object();
}

Result<void> rebaseOne(SqliteDatabase &db, const EntityRef &entity, const Outbox::Base &base, qint64 nowMs)
{
    SK_TRY(EntityDocuments::write(db, entity, base.doc));
    SK_TRY_ASSIGN(entries, Outbox::entriesTouching(db, entity));
    for (const OutboxEntry &entry : std::as_const(entries)) {
        SK_TRY_ASSIGN(args, argsOf(entry));
        SK_TRY(LocalMutations::apply(db, entry.name, args, nowMs, &entity));
    }
    if (entries.isEmpty())
        SK_TRY(Outbox::clearBase(db, entity));
    return {};
}

// Trouble with the file itself stops the rebase; a record that cannot be rebuilt (a queued
// create whose handle the server gave to another product meanwhile) is left as it was, so one
// record never blocks every later pull. The server decides about its edits when they are pushed.
bool isStorageFailure(const Error &error)
{
    return error.code.startsWith(QLatin1String("sqlite.")) && error.code != QLatin1String("sqlite.constraint");
}

} // namespace

Result<void> Rebaser::rebase(SqliteDatabase &db, const QList<EntityRef> &entities, qint64 nowMs)
{
    // Parents before children: writing a parent's base can delete it (a create the server does
    // not have yet), and the delete takes its children, which are rebuilt after it.
    QList<EntityRef> ordered = entities;
    std::stable_sort(ordered.begin(), ordered.end(), [](const EntityRef &a, const EntityRef &b) {
        return EntityDocuments::typeRank(a.type) < EntityDocuments::typeRank(b.type);
    });
    QSet<EntityRef> done;
    done.reserve(ordered.size());
    for (const EntityRef &entity : std::as_const(ordered)) {
        if (done.contains(entity))
            continue;
        done.insert(entity);
        SK_TRY_ASSIGN(base, Outbox::base(db, entity));
        if (!base)
            continue; // not tracked: the visible row is the server's already
        SK_TRY_ASSIGN(savepoint, SqliteSavepoint::begin(db, "rebase_entity"));
        const Result<void> rebased = rebaseOne(db, entity, *base, nowMs);
        if (!rebased.ok()) {
            if (isStorageFailure(rebased.error()))
                return rebased.error();
            savepoint.rollback();
            qCWarning(lcSyncOutbox) << "could not rebase" << entity.type << entity.id << "-"
                                    << rebased.error().code << rebased.error().toString();
            continue;
        }
        SK_TRY(savepoint.release());
    }
    return {};
}

Result<void> Rebaser::rebaseAll(SqliteDatabase &db, qint64 nowMs)
{
    SK_TRY_ASSIGN(entities, Outbox::trackedEntities(db));
    return rebase(db, entities, nowMs);
}

} // namespace sk
