#pragma once

#include "storage/sqlitestatement.h"
#include "util/result.h"

#include <QByteArray>
#include <QHash>
#include <QList>

#include <functional>
#include <optional>
#include <utility>

namespace sk {

// The keys of a list in display order, and whether a limit cut them short.
struct WindowedKeys
{
    QList<qint64> keys;
    bool capped = false;
};

// The windowed-list machinery of the list models, fast at a million rows: the keys (rids) of
// every matching row in display order (8 bytes a row), and the rows of the visible window read
// in pages of PageSize on demand, a few pages kept in a small LRU cache. The model says how to
// read rows by key; a row deleted since the keys were read comes back as null, so every other
// row stays on its own line.
template <typename Row>
class WindowedRows
{
public:
    // The rows of these keys that still exist, by key.
    using Fetch = std::function<Result<QHash<qint64, Row>>(const QList<qint64> &keys)>;

    // A window's worth (as the product list): a cold page of 256 customers with their order
    // totals took up to 0.4 s on the UI thread of a large shop; 64 read a quarter as many rows.
    static constexpr int PageSize = 64;
    static constexpr int MaxCachedPages = 32;

    explicit WindowedRows(Fetch fetch) : m_fetch(std::move(fetch)) {}

    void setKeys(QList<qint64> keys)
    {
        m_keys = std::move(keys);
        m_fetches = 0;
        invalidate();
    }
    // The keys from the first column of a statement's rows (any connection, any thread). With
    // a limit (the statement asks for limit + 1 rows) keeps that many, and says whether more
    // followed.
    static Result<WindowedKeys> readKeys(SqliteStatement &stmt, int limit = -1)
    {
        WindowedKeys read;
        for (;;) {
            SK_TRY_ASSIGN(hasRow, stmt.step());
            if (!hasRow)
                break;
            read.keys.append(stmt.int64(0));
        }
        read.capped = limit >= 0 && read.keys.size() > limit;
        if (read.capped)
            read.keys.resize(limit);
        return read;
    }
    // Forgets the cached rows (after an edit) but keeps the keys.
    void invalidate() const
    {
        m_pages.clear();
        m_lru.clear();
    }

    int size() const { return int(m_keys.size()); }
    const QList<qint64> &keys() const { return m_keys; }
    qint64 keyAt(int row) const { return row >= 0 && row < m_keys.size() ? m_keys.at(row) : 0; }
    int rowOf(qint64 key) const { return int(m_keys.indexOf(key)); }
    // Pages read since the keys were set, for tests and profiling.
    int fetchCount() const { return m_fetches; }

    // The keys as a JSON array, for "rid IN (SELECT value FROM json_each(?))".
    static QByteArray jsonKeys(const QList<qint64> &keys)
    {
        QByteArray json = "[";
        for (qsizetype i = 0; i < keys.size(); ++i) {
            if (i > 0)
                json += ',';
            json += QByteArray::number(keys.at(i));
        }
        return json + ']';
    }

    // The row, or null when it is gone; an error when its page could not be read.
    Result<const Row *> at(int row) const
    {
        if (row < 0 || row >= m_keys.size())
            return static_cast<const Row *>(nullptr);
        SK_TRY_ASSIGN(p, page(row / PageSize));
        const std::optional<Row> &slot = p->at(row % PageSize);
        return slot ? &*slot : static_cast<const Row *>(nullptr);
    }

private:
    using Page = QList<std::optional<Row>>;

    Result<const Page *> page(int index) const
    {
        auto it = m_pages.constFind(index);
        if (it != m_pages.constEnd()) {
            if (m_lru.constLast() != index) {
                m_lru.removeOne(index);
                m_lru.append(index);
            }
            return &it.value();
        }
        const QList<qint64> keys = m_keys.mid(qsizetype(index) * PageSize, PageSize);
        ++m_fetches;
        SK_TRY_ASSIGN(rows, m_fetch(keys));
        Page fetched(keys.size());
        for (qsizetype i = 0; i < keys.size(); ++i) {
            auto found = rows.find(keys.at(i));
            if (found != rows.end())
                fetched[i] = std::move(found.value());
        }
        while (m_lru.size() >= MaxCachedPages)
            m_pages.remove(m_lru.takeFirst());
        m_lru.append(index);
        return &m_pages.insert(index, std::move(fetched)).value();
    }

    Fetch m_fetch;
    QList<qint64> m_keys;
    // Filled lazily from the model's data(), which is const.
    mutable QHash<int, Page> m_pages;
    mutable QList<int> m_lru; // most recently used last
    mutable int m_fetches = 0;
};

} // namespace sk
