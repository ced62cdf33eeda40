#include "sqlitetransaction.h"

#include "sqlitedatabase.h"
#include "util/logging.h"

#include <utility>

namespace sk {

Result<SqliteTransaction> SqliteTransaction::begin(SqliteDatabase &db, Kind kind)
{
    SK_TRY(db.exec(kind == Kind::Immediate ? "BEGIN IMMEDIATE" : "BEGIN"));
    return SqliteTransaction(&db);
}

SqliteTransaction::SqliteTransaction(SqliteTransaction &&other) noexcept
    : m_db(std::exchange(other.m_db, nullptr))
{
}

SqliteTransaction::~SqliteTransaction()
{
    rollback();
}

Result<void> SqliteTransaction::commit()
{
    Q_ASSERT(m_db);
    auto result = m_db->exec("COMMIT");
    if (result.ok())
        m_db = nullptr;
    return result;
}

void SqliteTransaction::rollback()
{
    if (!m_db)
        return;
    // A failed COMMIT or an I/O error may already have rolled back; only roll back what is open.
    if (m_db->inTransaction()) {
        auto result = m_db->exec("ROLLBACK");
        if (!result.ok())
            qCWarning(lcStore) << "rollback failed:" << result.error().toString();
    }
    m_db = nullptr;
}

Result<SqliteSavepoint> SqliteSavepoint::begin(SqliteDatabase &db, const char *name)
{
    SK_TRY(db.exec(QByteArray("SAVEPOINT ") + name));
    return SqliteSavepoint(&db, name);
}

SqliteSavepoint::SqliteSavepoint(SqliteSavepoint &&other) noexcept
    : m_db(std::exchange(other.m_db, nullptr)), m_name(other.m_name)
{
}

SqliteSavepoint::~SqliteSavepoint()
{
    rollback();
}

Result<void> SqliteSavepoint::release()
{
    Q_ASSERT(m_db);
    auto result = m_db->exec(QByteArray("RELEASE ") + m_name);
    if (result.ok())
        m_db = nullptr;
    return result;
}

void SqliteSavepoint::rollback()
{
    if (!m_db)
        return;
    if (m_db->inTransaction()) {
        auto result = m_db->exec(QByteArray("ROLLBACK TO ") + m_name + "; RELEASE " + m_name);
        if (!result.ok())
            qCWarning(lcStore) << "savepoint rollback failed:" << result.error().toString();
    }
    m_db = nullptr;
}

} // namespace sk
