#include "syncissues.h"

#include "local/entitydocuments.h"
#include "local/localmutations.h"
#include "storage/sqlitedatabase.h"
#include "synclogging.h"
#include "util/uuidv7.h"

#include <QCoreApplication>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace sk {

namespace {

constexpr const char *kColumns = "id, seq, mutation_id, mutation_name, args, kind, code, message, details, "
                                 "entity_type, entity_id, created_at, resolved_at, resolution";

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QJsonObject objectOf(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).object();
}

SyncIssue readIssue(const SqliteStatement &s)
{
    SyncIssue issue;
    issue.id = s.text(0);
    issue.seq = s.int64(1);
    issue.mutationId = s.text(2);
    issue.mutationName = s.text(3);
    issue.args = objectOf(s.utf8(4));
    issue.kind = s.text(5);
    issue.code = s.text(6);
    issue.message = s.text(7);
    issue.details = objectOf(s.utf8(8));
    issue.entity = EntityRef{s.text(9), s.text(10)};
    issue.createdAt = s.int64(11);
    issue.resolvedAt = s.optionalInt64(12);
    issue.resolution = s.isNull(13) ? QString() : s.text(13);
    return issue;
}

Result<SyncIssue> insert(SqliteDatabase &db, SyncIssue issue)
{
    issue.id = UuidV7::toText(UuidV7::create());
    SK_TRY_ASSIGN(stmt, db.cached("INSERT INTO sync_issues (id, seq, mutation_id, mutation_name, args, kind, code, "
                                  "message, details, entity_type, entity_id, created_at) "
                                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    stmt->bind(1, issue.id)
        .bind(2, issue.seq)
        .bind(3, issue.mutationId)
        .bind(4, issue.mutationName.isNull() ? u""_s : issue.mutationName)
        .bindUtf8(5, compact(issue.args))
        .bind(6, issue.kind)
        .bind(7, issue.code.isNull() ? u""_s : issue.code)
        .bind(8, issue.message.isNull() ? u""_s : issue.message)
        .bindUtf8(9, compact(issue.details))
        .bind(10, issue.entity.type.isNull() ? u""_s : issue.entity.type)
        .bind(11, issue.entity.id.isNull() ? u""_s : issue.entity.id)
        .bind(12, issue.createdAt);
    SK_TRY(stmt->exec());
    qCInfo(lcSyncOutbox) << "sync issue" << issue.kind << issue.code << "for" << issue.mutationName << "seq"
                         << issue.seq;
    return issue;
}

Result<SyncIssue> fromEntry(const OutboxEntry &entry, qint64 nowMs)
{
    SyncIssue issue;
    issue.seq = entry.seq;
    issue.mutationId = entry.mutationId;
    issue.mutationName = entry.name;
    issue.args = objectOf(entry.args);
    issue.createdAt = nowMs;
    const auto entities = LocalMutations::entitiesOf(entry.name, issue.args);
    if (entities.ok() && !entities->isEmpty())
        issue.entity = entities->constFirst();
    return issue;
}

Error notFound(const QString &id)
{
    return makeError(u"sync_issue.not_found"_s,
                     QCoreApplication::translate("SyncIssues", "There is no sync issue %1.").arg(id));
}

Error alreadyResolved(const SyncIssue &issue)
{
    return makeError(u"sync_issue.resolved"_s,
                     QCoreApplication::translate("SyncIssues", "This sync issue was already resolved (%1).")
                         .arg(issue.resolution));
}

Error cannotKeep(const SyncIssue &issue, const QString &why, const QString &detail = {})
{
    return makeError(u"sync_issue.cannot_keep"_s,
                     QCoreApplication::translate("SyncIssues", "Your change (%1) cannot be sent again: %2")
                         .arg(issue.mutationName, why),
                     detail);
}

Result<SyncIssue> openIssue(SqliteDatabase &db, const QString &id)
{
    SK_TRY_ASSIGN(found, SyncIssues::get(db, id));
    if (!found)
        return notFound(id);
    if (found->resolvedAt)
        return alreadyResolved(*found);
    return *found;
}

Result<void> resolve(SqliteDatabase &db, const QString &id, const char *resolution, qint64 nowMs)
{
    SK_TRY_ASSIGN(stmt, db.cached("UPDATE sync_issues SET resolved_at = ?, resolution = ? WHERE id = ?"));
    stmt->bind(1, nowMs).bind(2, resolution).bind(3, id);
    return stmt->exec();
}

bool isPatch(const QString &name)
{
    return name == u"product.patch" || name == u"variant.patch" || name == u"location.patch"
        || name == u"customer.patch";
}

QString patchedType(const QString &name)
{
    return name.section(u'.', 0, 0); // "variant.patch" -> "variant"
}

// The visible on_hand of a level; nullopt when its variant is gone. A level never stocked
// counts as 0, as on the server.
Result<std::optional<qint64>> visibleOnHand(SqliteDatabase &db, const QString &variantId, const QString &locationId)
{
    SK_TRY_ASSIGN(level, EntityDocuments::read(db, EntityRef{u"inventory_level"_s, variantId + u':' + locationId}));
    if (level)
        return std::optional<qint64>(level->value(u"on_hand").toInteger());
    SK_TRY_ASSIGN(variant, EntityDocuments::read(db, EntityRef{u"variant"_s, variantId}));
    if (!variant)
        return std::optional<qint64>();
    return std::optional<qint64>(0);
}

// The mutation "Keep mine" queues instead of the refused one, on the record as it is now.
Result<QJsonObject> retriedArgs(SqliteDatabase &db, const SyncIssue &issue)
{
    const QString &name = issue.mutationName;
    if (issue.kind == u"access_lost")
        return cannotKeep(issue, QCoreApplication::translate("SyncIssues", "you no longer have access to this record."));
    if (issue.code.startsWith(u"validation.") || issue.code == u"seq_reused" || issue.code.startsWith(u"forbidden.")) {
        return cannotKeep(issue, QCoreApplication::translate("SyncIssues", "the server will refuse it again (%1).")
                                     .arg(issue.message),
                          issue.code);
    }
    const QString gone = QCoreApplication::translate("SyncIssues", "the record no longer exists.");
    QJsonObject args = issue.args;

    if (isPatch(name)) {
        const EntityRef ref{patchedType(name), args.value(u"id").toString()};
        SK_TRY_ASSIGN(doc, EntityDocuments::read(db, ref));
        if (!doc)
            return cannotKeep(issue, gone);
        SK_TRY_ASSIGN(version, EntityDocuments::version(db, ref));
        args.insert(u"base_version", qMax<qint64>(version, 1));
        return args;
    }
    if (name == u"inventory.set" || (name == u"inventory.adjust" && args.contains(u"change_from"))) {
        SK_TRY_ASSIGN(onHand, visibleOnHand(db, args.value(u"variant_id").toString(),
                                            args.value(u"location_id").toString()));
        if (!onHand)
            return cannotKeep(issue, gone);
        args.insert(u"change_from", *onHand); // the explicit "apply it anyway" of a stock count
        return args;
    }
    if (issue.code.startsWith(u"not_found."))
        return cannotKeep(issue, gone);
    return args; // an adjustment, transfer or order change: the same intent again
}

} // namespace

Result<SyncIssue> SyncIssues::record(SqliteDatabase &db, const OutboxEntry &entry, const QString &status,
                                     const QString &code, const QString &message, const QJsonObject &details,
                                     qint64 nowMs)
{
    SK_TRY_ASSIGN(issue, fromEntry(entry, nowMs));
    if (status == u"conflict")
        issue.kind = code == u"inventory_stale" ? u"inventory_stale"_s : u"conflict"_s;
    else
        issue.kind = u"rejected"_s;
    issue.code = code;
    issue.message = message;
    issue.details = details;
    return insert(db, issue);
}

Result<SyncIssue> SyncIssues::recordAccessLost(SqliteDatabase &db, const OutboxEntry &entry, const QString &message,
                                               qint64 nowMs)
{
    SK_TRY_ASSIGN(issue, fromEntry(entry, nowMs));
    issue.kind = u"access_lost"_s;
    issue.code = u"access_lost"_s;
    issue.message = message;
    return insert(db, issue);
}

Result<QList<SyncIssue>> SyncIssues::open(SqliteDatabase &db)
{
    SK_TRY_ASSIGN(stmt, db.prepare(QByteArray("SELECT ") + kColumns
                                   + " FROM sync_issues WHERE resolved_at IS NULL ORDER BY created_at, rid"));
    QList<SyncIssue> issues;
    for (;;) {
        SK_TRY_ASSIGN(hasRow, stmt.step());
        if (!hasRow)
            break;
        issues.append(readIssue(stmt));
    }
    return issues;
}

Result<qint64> SyncIssues::openCount(SqliteDatabase &db)
{
    return db.queryInt64("SELECT count(*) FROM sync_issues WHERE resolved_at IS NULL");
}

Result<std::optional<SyncIssue>> SyncIssues::get(SqliteDatabase &db, const QString &id)
{
    SK_TRY_ASSIGN(stmt, db.prepare(QByteArray("SELECT ") + kColumns + " FROM sync_issues WHERE id = ?"));
    stmt.bind(1, id);
    SK_TRY_ASSIGN(hasRow, stmt.step());
    if (!hasRow)
        return std::optional<SyncIssue>();
    return std::optional<SyncIssue>(readIssue(stmt));
}

Result<OutboxEntry> SyncIssues::keepMine(SqliteDatabase &db, const QString &id, qint64 nowMs)
{
    SK_TRY_ASSIGN(issue, openIssue(db, id));
    SK_TRY_ASSIGN(args, retriedArgs(db, issue));
    const auto valid = LocalMutations::validate(issue.mutationName, args);
    if (!valid.ok())
        return cannotKeep(issue, valid.error().message, valid.error().detail);
    SK_TRY_ASSIGN(entry, Outbox::append(db, issue.mutationName, args, nowMs));
    SK_TRY(LocalMutations::apply(db, issue.mutationName, args, nowMs));
    SK_TRY(resolve(db, id, "kept_mine", nowMs));
    return entry;
}

Result<void> SyncIssues::takeTheirs(SqliteDatabase &db, const QString &id, qint64 nowMs)
{
    SK_TRY(openIssue(db, id));
    return resolve(db, id, "took_theirs", nowMs);
}

Result<void> SyncIssues::dismiss(SqliteDatabase &db, const QString &id, qint64 nowMs)
{
    SK_TRY(openIssue(db, id));
    return resolve(db, id, "dismissed", nowMs);
}

} // namespace sk
