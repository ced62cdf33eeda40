#pragma once

#include <QList>
#include <QString>

#include <optional>
#include <variant>

namespace sk {

enum class SortOrder { Ascending, Descending };

// Where a keyset page ends: the sort column's value of the last row plus its rid, which
// breaks ties. Paging with WHERE (col, rid) > (?, ?) costs the same at row 10 and row 1M.
struct SortKey
{
    std::variant<std::monostate, qint64, QString> value;
    qint64 rid = 0;

    bool operator==(const SortKey &) const = default;
};

template <typename Row>
struct KeysetPage
{
    QList<Row> rows;
    // Set when more rows follow: pass it back as the next query's `after`.
    std::optional<SortKey> next;
};

} // namespace sk
