#pragma once

#include "storage/sqlitestatement.h"
#include "util/result.h"

#include <QByteArray>
#include <QHash>
#include <QString>

#include <memory>
#include <string>
#include <unordered_map>

struct sqlite3;

namespace sk {

// One SQLite connection (C API, no QtSql). Not thread-safe: a connection belongs to one
// thread at a time. See core/README.md for the reader/writer rule.
class SqliteDatabase
{
public:
    enum class Mode { ReadWrite, ReadWriteCreate, ReadOnly };

    // Opens a connection with foreign keys on and a busy timeout; it does not touch the
    // file's contents, so a caller can check the schema version before writing anything.
    static Result<std::unique_ptr<SqliteDatabase>> open(const QString &path, Mode mode);

    ~SqliteDatabase();
    SqliteDatabase(const SqliteDatabase &) = delete;
    SqliteDatabase &operator=(const SqliteDatabase &) = delete;

    // Runs one or more statements that return no rows.
    Result<void> exec(const QByteArray &sql);
    Result<SqliteStatement> prepare(const QByteArray &sql);
    // A statement prepared once per connection and reused; it comes back reset.
    Result<SqliteStatement *> cached(const char *sql);
    // Resets every statement of this connection: schema changes (DROP INDEX, DETACH) refuse to
    // run while a statement is mid-result, and a cached statement may be left so after its last row.
    void resetStatements();

    // Table names as the SQL is written (lower case) -> the tables this connection uses instead.
    using TableNames = QHash<QByteArray, QByteArray>;
    // From now on every statement this connection runs names these tables by their other
    // names. The first sync writes the shop file's staging tables this way, with the same code
    // that writes the shop's own tables (see StagingStore). Prepared statements are kept: set
    // this before preparing any.
    void setTableNames(TableNames names) { m_tableNames = std::move(names); }
    // `sql` with every table named in `names` renamed: bare and quoted identifiers, not string
    // literals or comments. SQLite names are not case-sensitive, and neither is this.
    static QByteArray renameTables(const QByteArray &sql, const TableNames &names);

    // Convenience for single-value queries such as PRAGMAs and COUNT(*).
    Result<qint64> queryInt64(const QByteArray &sql);

    Result<int> userVersion();
    Result<void> setUserVersion(int version);

    qint64 lastInsertRowId() const;
    int changes() const;
    bool inTransaction() const;
    bool isReadOnly() const { return m_mode == Mode::ReadOnly; }
    QString path() const { return m_path; }
    sqlite3 *handle() const { return m_db; }

    // The current error of this connection as a value, naming the statement that failed.
    Error errorFor(int resultCode, const QString &sql) const;

    static constexpr int BusyTimeoutMs = 5000;

private:
    SqliteDatabase(sqlite3 *db, QString path, Mode mode);

    sqlite3 *m_db = nullptr;
    QString m_path;
    Mode m_mode;
    std::unordered_map<std::string, std::unique_ptr<SqliteStatement>> m_cache;
    TableNames m_tableNames;
};

} // namespace sk
