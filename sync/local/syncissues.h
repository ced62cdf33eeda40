#pragma once

#include "local/entityref.h"
#include "local/outbox.h"
#include "util/result.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace sk {

class SqliteDatabase;

struct SyncIssue
{
    QString id;
    qint64 seq = 0;
    QString mutationId;
    QString mutationName;
    QJsonObject args;
    QString kind;       // rejected, conflict, inventory_stale, access_lost
    QString code;       // the server's code: conflict.field, inventory_stale, validation.*, not_found.deleted…
    QString message;    // the server's message
    QJsonObject details;// conflict.field: {field, server_value, server_version}; inventory_stale: {current}
    EntityRef entity;   // the first entity the mutation touched
    qint64 createdAt = 0;
    std::optional<qint64> resolvedAt;
    QString resolution; // kept_mine, took_theirs, dismissed
};

// Mutations the server refused: never retried on their own, shown to the user with three choices.
// The refused mutation's local effect has already been reverted when the issue is recorded.
class SyncIssues
{
public:
    // From a push result with status rejected or conflict.
    static Result<SyncIssue> record(SqliteDatabase &db, const OutboxEntry &entry, const QString &status,
                                    const QString &code, const QString &message, const QJsonObject &details,
                                    qint64 nowMs);
    // For pending edits of a record the user can no longer reach (access lost, shop removed).
    static Result<SyncIssue> recordAccessLost(SqliteDatabase &db, const OutboxEntry &entry, const QString &message,
                                              qint64 nowMs);

    static Result<QList<SyncIssue>> open(SqliteDatabase &db);
    static Result<qint64> openCount(SqliteDatabase &db);
    static Result<std::optional<SyncIssue>> get(SqliteDatabase &db, const QString &id);

    // "Keep mine": queues a new mutation on the current version and applies it locally — a
    // patch gets base_version = the record's current version and only the fields of the refused
    // patch; a stock count gets change_from = the current on_hand (the explicit confirmation
    // scenario 13 asks for); an adjustment is re-queued as the same delta. Refused with
    // "sync_issue.cannot_keep" when the record is gone or the mutation cannot be retried
    // (a validation error). Marks the issue kept_mine.
    static Result<OutboxEntry> keepMine(SqliteDatabase &db, const QString &id, qint64 nowMs);
    // "Take theirs": the server's value already shows; marks the issue took_theirs.
    static Result<void> takeTheirs(SqliteDatabase &db, const QString &id, qint64 nowMs);
    static Result<void> dismiss(SqliteDatabase &db, const QString &id, qint64 nowMs);
};

} // namespace sk
