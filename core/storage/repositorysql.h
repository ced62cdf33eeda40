#pragma once

#include "domain/enums.h"
#include "storage/keysetpage.h"
#include "storage/sqlitestatement.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

// Small pieces shared by the repositories: binding conventions and keyset-paging SQL.
// Internal to core/storage.
namespace sk::repositorysql {

// For NOT NULL text columns: a null QString is stored as ''.
inline void bindText(SqliteStatement &stmt, int index, const QString &value)
{
    if (value.isNull())
        stmt.bind(index, "");
    else
        stmt.bind(index, value);
}

// For nullable text columns (references, SKU, email...): an empty value is stored as NULL,
// so '' never collides in a UNIQUE index or breaks a foreign key.
inline void bindOptionalText(SqliteStatement &stmt, int index, const QString &value)
{
    if (value.isEmpty())
        stmt.bindNull(index);
    else
        stmt.bind(index, value);
}

inline void bindSortValue(SqliteStatement &stmt, int index, const SortKey &key)
{
    if (const auto *i = std::get_if<qint64>(&key.value))
        stmt.bind(index, *i);
    else if (const auto *s = std::get_if<QString>(&key.value))
        stmt.bind(index, s->isNull() ? QStringLiteral("") : *s);
    else
        stmt.bindNull(index);
}

// Steps a lookup once, reads the row if any, and resets the statement. A cached statement
// left in the middle of its result keeps the connection's read transaction open: a reader
// would go on seeing that old snapshot and WAL checkpoints could not finish.
template <typename ReadFn>
auto readOne(SqliteStatement &stmt, ReadFn read) -> Result<std::optional<decltype(read(stmt))>>
{
    auto row = stmt.step();
    if (!row.ok())
        return row.error();
    std::optional<decltype(read(stmt))> out;
    if (*row)
        out = read(stmt);
    stmt.reset();
    return out;
}

template <typename E>
E enumFrom(const SqliteStatement &stmt, int column, E fallback)
{
    return fromString<E>(stmt.text(column)).value_or(fallback);
}

// "col >= ?v AND (col > ?v OR rid > ?r)" (or the descending mirror). Written this way,
// not as a row value, so SQLite searches the sort index from the key instead of scanning
// it: a deep page costs the same as the first. `col` may carry a COLLATE clause.
inline QByteArray keysetCondition(const QByteArray &col, const QByteArray &rid, SortOrder order, int valueParam,
                                  int ridParam)
{
    const QByteArray v = "?" + QByteArray::number(valueParam);
    const QByteArray r = "?" + QByteArray::number(ridParam);
    if (order == SortOrder::Ascending)
        return col + " >= " + v + " AND (" + col + " > " + v + " OR " + rid + " > " + r + ")";
    return col + " <= " + v + " AND (" + col + " < " + v + " OR " + rid + " < " + r + ")";
}

inline QByteArray direction(SortOrder order)
{
    return order == SortOrder::Ascending ? QByteArray(" ASC") : QByteArray(" DESC");
}

// Rows are fetched with LIMIT limit+1: the extra row only says whether another page follows.
template <typename Row, typename KeyFn>
KeysetPage<Row> finishPage(QList<Row> rows, int limit, KeyFn keyOf)
{
    KeysetPage<Row> page;
    if (rows.size() > limit) {
        rows.resize(limit);
        page.next = keyOf(rows.constLast());
    }
    page.rows = std::move(rows);
    return page;
}

inline int clampLimit(int limit)
{
    return limit < 1 ? 1 : limit;
}

// A JSON array of texts, for "x IN (SELECT value FROM json_each(?))".
QByteArray jsonTextArray(const QStringList &values);
// A JSON array of integers.
QByteArray jsonIntArray(const QList<qint64> &values);

// ASCII-only lower case, matching SQLite's lower() and NOCASE.
QString asciiLower(const QString &text);

// SQL that is true when the comma-separated `tagsColumn` holds `tag` as a whole tag,
// ignoring ASCII case and the spaces merchants put around commas. Bind the tag through
// tagParameter().
QByteArray tagCondition(const QByteArray &tagsColumn, int param);
QString tagParameter(const QString &tag);

} // namespace sk::repositorysql
