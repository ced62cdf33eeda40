#pragma once

#include "util/result.h"

namespace sk {

class SqliteDatabase;

// BEGIN ... COMMIT with rollback on scope exit unless committed.
// Writers use Immediate so a busy database is found at BEGIN, not halfway through.
class SqliteTransaction
{
public:
    enum class Kind { Deferred, Immediate };

    static Result<SqliteTransaction> begin(SqliteDatabase &db, Kind kind = Kind::Immediate);

    SqliteTransaction(SqliteTransaction &&other) noexcept;
    SqliteTransaction &operator=(SqliteTransaction &&) = delete;
    SqliteTransaction(const SqliteTransaction &) = delete;
    ~SqliteTransaction();

    Result<void> commit();
    void rollback();

private:
    explicit SqliteTransaction(SqliteDatabase *db) : m_db(db) {}
    SqliteDatabase *m_db;
};

// A named SAVEPOINT, for a unit that must be all-or-nothing inside a larger transaction.
class SqliteSavepoint
{
public:
    static Result<SqliteSavepoint> begin(SqliteDatabase &db, const char *name);

    SqliteSavepoint(SqliteSavepoint &&other) noexcept;
    SqliteSavepoint &operator=(SqliteSavepoint &&) = delete;
    SqliteSavepoint(const SqliteSavepoint &) = delete;
    ~SqliteSavepoint();

    Result<void> release();
    void rollback();

private:
    SqliteSavepoint(SqliteDatabase *db, const char *name) : m_db(db), m_name(name) {}
    SqliteDatabase *m_db;
    const char *m_name;
};

} // namespace sk
