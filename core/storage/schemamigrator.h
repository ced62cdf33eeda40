#pragma once

#include "util/result.h"

#include <QByteArray>
#include <QList>

namespace sk {

class SqliteDatabase;

// Numbered, forward-only schema migrations tracked by PRAGMA user_version.
// Each step runs in its own transaction, so a failure leaves the file at the previous version.
class SchemaMigrator
{
public:
    struct Migration
    {
        int version;
        const char *name;
        QByteArray sql;
    };

    static const QList<Migration> &migrations();
    static int latestVersion();

    // Brings the file up to targetVersion (default: the latest). Refuses a file written by
    // a newer build before writing anything to it.
    static Result<void> migrate(SqliteDatabase &db, int targetVersion = -1);
    // Fails with code "schema.too_new" if the file is newer than this build understands.
    static Result<int> checkVersion(SqliteDatabase &db);

    // The same for another kind of file with its own numbered list (the reference server's
    // database): versions ascending, the last one is the latest.
    static Result<void> migrate(SqliteDatabase &db, const QList<Migration> &steps, int targetVersion = -1);
    static Result<int> checkVersion(SqliteDatabase &db, const QList<Migration> &steps);
};

} // namespace sk
