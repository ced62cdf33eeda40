#pragma once

#include "util/result.h"

#include <QByteArray>
#include <QString>

#include <optional>

struct sqlite3;
struct sqlite3_stmt;

namespace sk {

class SqliteDatabase;

// One prepared statement. Move-only; finalized on destruction.
// Parameters are 1-based as in SQLite; columns are 0-based.
class SqliteStatement
{
public:
    SqliteStatement() = default;
    SqliteStatement(SqliteDatabase *db, sqlite3_stmt *stmt);
    SqliteStatement(SqliteStatement &&other) noexcept;
    SqliteStatement &operator=(SqliteStatement &&other) noexcept;
    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;
    ~SqliteStatement();

    bool isValid() const { return m_stmt != nullptr; }

    SqliteStatement &bind(int index, qint64 value);
    SqliteStatement &bind(int index, int value) { return bind(index, qint64(value)); }
    SqliteStatement &bind(int index, bool value) { return bind(index, qint64(value ? 1 : 0)); }
    SqliteStatement &bind(int index, double value);
    SqliteStatement &bind(int index, const QString &value); // a null QString binds NULL
    SqliteStatement &bind(int index, const char *utf8);     // NUL-terminated, copied
    SqliteStatement &bindUtf8(int index, const QByteArray &utf8);
    SqliteStatement &bindBlob(int index, const QByteArray &bytes);
    SqliteStatement &bindNull(int index);
    template <typename T>
    SqliteStatement &bind(int index, const std::optional<T> &value)
    {
        return value ? bind(index, *value) : bindNull(index);
    }

    // Binds each argument to parameters 1..N.
    template <typename... Args>
    SqliteStatement &bindAll(const Args &...args)
    {
        int i = 0;
        (bind(++i, args), ...);
        return *this;
    }

    // Advances one row: true while a row is ready, false once done.
    Result<bool> step();
    // Runs to completion and resets, for statements that return no rows.
    Result<void> exec();
    // Rewinds and clears bindings, ready for reuse.
    void reset();

    int columnCount() const;
    bool isNull(int column) const;
    qint64 int64(int column) const;
    int int32(int column) const;
    double real(int column) const;
    QString text(int column) const;
    QByteArray utf8(int column) const;
    QByteArray blob(int column) const;
    std::optional<qint64> optionalInt64(int column) const;
    QString sql() const;

    sqlite3_stmt *handle() const { return m_stmt; }

private:
    void checkBind(int rc, int index);

    SqliteDatabase *m_db = nullptr;
    sqlite3_stmt *m_stmt = nullptr;
};

} // namespace sk
