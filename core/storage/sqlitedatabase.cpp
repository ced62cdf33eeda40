#include "sqlitedatabase.h"

#include "util/logging.h"

#include <QCoreApplication>

#include <sqlite3.h>

#include <mutex>

namespace sk {

namespace {
QString codeFor(int rc)
{
    switch (rc & 0xFF) {
    case SQLITE_CONSTRAINT: return QStringLiteral("sqlite.constraint");
    case SQLITE_BUSY: return QStringLiteral("sqlite.busy");
    case SQLITE_LOCKED: return QStringLiteral("sqlite.locked");
    case SQLITE_READONLY: return QStringLiteral("sqlite.readonly");
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB: return QStringLiteral("sqlite.corrupt");
    case SQLITE_FULL: return QStringLiteral("sqlite.disk_full");
    case SQLITE_CANTOPEN: return QStringLiteral("sqlite.cant_open");
    case SQLITE_IOERR: return QStringLiteral("sqlite.io");
    default: return QStringLiteral("sqlite.error");
    }
}

// Once per process, before the first connection initialises SQLite. Without the allocation
// statistics (which nothing here reads) every sqlite3_malloc and free skips a global mutex:
// bulk writes allocate a great deal, on several threads at once.
void configureOnce()
{
    static std::once_flag once;
    std::call_once(once, [] {
        if (sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0) != SQLITE_OK)
            qCDebug(lcStore) << "SQLite was initialised before the first shop file: statistics stay on";
    });
}
} // namespace

SqliteDatabase::SqliteDatabase(sqlite3 *db, QString path, Mode mode)
    : m_db(db), m_path(std::move(path)), m_mode(mode)
{
}

SqliteDatabase::~SqliteDatabase()
{
    m_cache.clear(); // statements must be finalized before the connection closes
    sqlite3_close_v2(m_db);
}

Result<std::unique_ptr<SqliteDatabase>> SqliteDatabase::open(const QString &path, Mode mode)
{
    configureOnce();
    int flags = SQLITE_OPEN_NOMUTEX;
    switch (mode) {
    case Mode::ReadOnly: flags |= SQLITE_OPEN_READONLY; break;
    case Mode::ReadWrite: flags |= SQLITE_OPEN_READWRITE; break;
    case Mode::ReadWriteCreate: flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE; break;
    }
    sqlite3 *raw = nullptr;
    const QByteArray file = path.toUtf8();
    const int rc = sqlite3_open_v2(file.constData(), &raw, flags, nullptr);
    if (rc != SQLITE_OK) {
        const QString detail = raw ? QString::fromUtf8(sqlite3_errmsg(raw)) : QString::fromUtf8(sqlite3_errstr(rc));
        sqlite3_close_v2(raw);
        return makeError(codeFor(rc),
                         QCoreApplication::translate("SqliteDatabase", "Cannot open the shop file %1.").arg(path),
                         detail);
    }
    sqlite3_extended_result_codes(raw, 1);
    sqlite3_busy_timeout(raw, BusyTimeoutMs);
    std::unique_ptr<SqliteDatabase> db(new SqliteDatabase(raw, path, mode));
    // Connection settings only: nothing here writes to the file.
    SK_TRY(db->exec("PRAGMA foreign_keys=ON"));
    return db;
}

Error SqliteDatabase::errorFor(int resultCode, const QString &sql) const
{
    const QString message = QString::fromUtf8(sqlite3_errmsg(m_db));
    return makeError(codeFor(resultCode), message, sql);
}

QByteArray SqliteDatabase::renameTables(const QByteArray &sql, const TableNames &names)
{
    if (names.isEmpty())
        return sql;
    const auto isWordByte = [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '$'
            || (static_cast<unsigned char>(c) & 0x80);
    };
    QByteArray out;
    out.reserve(sql.size() + 64);
    const qsizetype n = sql.size();
    qsizetype i = 0;
    while (i < n) {
        const char c = sql.at(i);
        if (c == '\'' || c == '"' || c == '`' || c == '[') {
            // A literal or a quoted name, with its doubled quotes: only the quoted name may change.
            const char close = c == '[' ? ']' : c;
            qsizetype end = i + 1;
            QByteArray content;
            while (end < n) {
                if (sql.at(end) == close) {
                    if (close != ']' && end + 1 < n && sql.at(end + 1) == close) {
                        content += close;
                        end += 2;
                        continue;
                    }
                    break;
                }
                content += sql.at(end++);
            }
            end = qMin(end + 1, n);
            const auto renamed = c == '\'' ? names.constEnd() : names.constFind(content.toLower());
            if (renamed != names.constEnd())
                out += '"' + *renamed + '"';
            else
                out += QByteArrayView(sql).sliced(i, end - i);
            i = end;
        } else if (c == '-' && i + 1 < n && sql.at(i + 1) == '-') {
            const qsizetype end = sql.indexOf('\n', i);
            const qsizetype stop = end < 0 ? n : end;
            out += QByteArrayView(sql).sliced(i, stop - i);
            i = stop;
        } else if (c == '/' && i + 1 < n && sql.at(i + 1) == '*') {
            const qsizetype end = sql.indexOf("*/", i + 2);
            const qsizetype stop = end < 0 ? n : end + 2;
            out += QByteArrayView(sql).sliced(i, stop - i);
            i = stop;
        } else if (isWordByte(c)) {
            qsizetype end = i + 1;
            while (end < n && isWordByte(sql.at(end)))
                ++end;
            const QByteArrayView word = QByteArrayView(sql).sliced(i, end - i);
            // A word starting with a digit is a number (or 1e5, 0x1F): never a name.
            const bool name = !(c >= '0' && c <= '9');
            const auto renamed = name ? names.constFind(word.toByteArray().toLower()) : names.constEnd();
            out += renamed != names.constEnd() ? QByteArrayView(*renamed) : word;
            i = end;
        } else {
            out += c;
            ++i;
        }
    }
    return out;
}

Result<void> SqliteDatabase::exec(const QByteArray &plainSql)
{
    const QByteArray sql = renameTables(plainSql, m_tableNames);
    char *message = nullptr;
    const int rc = sqlite3_exec(m_db, sql.constData(), nullptr, nullptr, &message);
    if (rc != SQLITE_OK) {
        Error error = makeError(codeFor(rc), message ? QString::fromUtf8(message) : QString::fromUtf8(sqlite3_errstr(rc)),
                                QString::fromUtf8(sql));
        sqlite3_free(message);
        return error;
    }
    return {};
}

Result<SqliteStatement> SqliteDatabase::prepare(const QByteArray &plainSql)
{
    const QByteArray sql = renameTables(plainSql, m_tableNames);
    sqlite3_stmt *stmt = nullptr;
    const int rc = sqlite3_prepare_v3(m_db, sql.constData(), int(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
    if (rc != SQLITE_OK)
        return errorFor(rc, QString::fromUtf8(sql));
    return SqliteStatement(this, stmt);
}

Result<SqliteStatement *> SqliteDatabase::cached(const char *sql)
{
    auto it = m_cache.find(sql);
    if (it == m_cache.end()) {
        SK_TRY_ASSIGN(stmt, prepare(QByteArray(sql)));
        it = m_cache.emplace(sql, std::make_unique<SqliteStatement>(std::move(stmt))).first;
    } else {
        it->second->reset();
    }
    return it->second.get();
}

void SqliteDatabase::resetStatements()
{
    for (sqlite3_stmt *stmt = sqlite3_next_stmt(m_db, nullptr); stmt; stmt = sqlite3_next_stmt(m_db, stmt))
        sqlite3_reset(stmt);
}

Result<qint64> SqliteDatabase::queryInt64(const QByteArray &sql)
{
    SK_TRY_ASSIGN(stmt, prepare(sql));
    SK_TRY_ASSIGN(hasRow, stmt.step());
    if (!hasRow)
        return makeError(QStringLiteral("sqlite.no_row"), QStringLiteral("The query returned no row."), QString::fromUtf8(sql));
    return stmt.int64(0);
}

Result<int> SqliteDatabase::userVersion()
{
    SK_TRY_ASSIGN(v, queryInt64("PRAGMA user_version"));
    return int(v);
}

Result<void> SqliteDatabase::setUserVersion(int version)
{
    return exec("PRAGMA user_version=" + QByteArray::number(version));
}

qint64 SqliteDatabase::lastInsertRowId() const
{
    return sqlite3_last_insert_rowid(m_db);
}

int SqliteDatabase::changes() const
{
    return sqlite3_changes(m_db);
}

bool SqliteDatabase::inTransaction() const
{
    return sqlite3_get_autocommit(m_db) == 0;
}

} // namespace sk
