#include "sqlitestatement.h"

#include "sqlitedatabase.h"

#include <sqlite3.h>

namespace sk {

SqliteStatement::SqliteStatement(SqliteDatabase *db, sqlite3_stmt *stmt)
    : m_db(db), m_stmt(stmt)
{
}

SqliteStatement::SqliteStatement(SqliteStatement &&other) noexcept
    : m_db(std::exchange(other.m_db, nullptr)), m_stmt(std::exchange(other.m_stmt, nullptr))
{
}

SqliteStatement &SqliteStatement::operator=(SqliteStatement &&other) noexcept
{
    if (this != &other) {
        sqlite3_finalize(m_stmt);
        m_db = std::exchange(other.m_db, nullptr);
        m_stmt = std::exchange(other.m_stmt, nullptr);
    }
    return *this;
}

SqliteStatement::~SqliteStatement()
{
    sqlite3_finalize(m_stmt);
}

void SqliteStatement::checkBind(int rc, int index)
{
    // A failing bind is a programming error (bad index), never a data error.
    Q_ASSERT_X(rc == SQLITE_OK, "SqliteStatement::bind",
               qPrintable(QStringLiteral("parameter %1 of %2").arg(index).arg(sql())));
    Q_UNUSED(rc);
    Q_UNUSED(index);
}

SqliteStatement &SqliteStatement::bind(int index, qint64 value)
{
    checkBind(sqlite3_bind_int64(m_stmt, index, value), index);
    return *this;
}

SqliteStatement &SqliteStatement::bind(int index, double value)
{
    checkBind(sqlite3_bind_double(m_stmt, index, value), index);
    return *this;
}

SqliteStatement &SqliteStatement::bind(int index, const QString &value)
{
    if (value.isNull())
        return bindNull(index);
    // SQLite's UTF-16 entry points would convert again; bind UTF-8 once.
    const QByteArray utf8 = value.toUtf8();
    checkBind(sqlite3_bind_text(m_stmt, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT), index);
    return *this;
}

SqliteStatement &SqliteStatement::bind(int index, const char *utf8)
{
    if (!utf8)
        return bindNull(index);
    checkBind(sqlite3_bind_text(m_stmt, index, utf8, -1, SQLITE_TRANSIENT), index);
    return *this;
}

SqliteStatement &SqliteStatement::bindUtf8(int index, const QByteArray &utf8)
{
    if (utf8.isNull())
        return bindNull(index);
    checkBind(sqlite3_bind_text(m_stmt, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT), index);
    return *this;
}

SqliteStatement &SqliteStatement::bindBlob(int index, const QByteArray &bytes)
{
    checkBind(sqlite3_bind_blob(m_stmt, index, bytes.constData(), int(bytes.size()), SQLITE_TRANSIENT), index);
    return *this;
}

SqliteStatement &SqliteStatement::bindNull(int index)
{
    checkBind(sqlite3_bind_null(m_stmt, index), index);
    return *this;
}

Result<bool> SqliteStatement::step()
{
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    Error error = m_db->errorFor(rc, sql());
    sqlite3_reset(m_stmt);
    return error;
}

Result<void> SqliteStatement::exec()
{
    for (;;) {
        auto row = step();
        if (!row.ok())
            return row.error();
        if (!*row)
            break;
    }
    reset();
    return {};
}

void SqliteStatement::reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

int SqliteStatement::columnCount() const
{
    return sqlite3_column_count(m_stmt);
}

bool SqliteStatement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

qint64 SqliteStatement::int64(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

int SqliteStatement::int32(int column) const
{
    return sqlite3_column_int(m_stmt, column);
}

double SqliteStatement::real(int column) const
{
    return sqlite3_column_double(m_stmt, column);
}

QString SqliteStatement::text(int column) const
{
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    if (!data)
        return {};
    return QString::fromUtf8(data, sqlite3_column_bytes(m_stmt, column));
}

QByteArray SqliteStatement::utf8(int column) const
{
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    if (!data)
        return {};
    return QByteArray(data, sqlite3_column_bytes(m_stmt, column));
}

QByteArray SqliteStatement::blob(int column) const
{
    const auto *data = static_cast<const char *>(sqlite3_column_blob(m_stmt, column));
    return QByteArray(data, sqlite3_column_bytes(m_stmt, column));
}

std::optional<qint64> SqliteStatement::optionalInt64(int column) const
{
    if (isNull(column))
        return std::nullopt;
    return int64(column);
}

QString SqliteStatement::sql() const
{
    return m_stmt ? QString::fromUtf8(sqlite3_sql(m_stmt)) : QString();
}

} // namespace sk
