#pragma once

// Fixtures and query-plan checks shared by the storage tests (header-only; not a test).

#include "domain/records.h"
#include "storage/keysetpage.h"
#include "storage/sqlitedatabase.h"
#include "util/result.h"

#include <QByteArray>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

#include <sqlite3.h>

namespace sk::test {

inline QString idFor(const char *kind, int n)
{
    return QStringLiteral("%1-%2").arg(QLatin1String(kind)).arg(n, 6, 10, QLatin1Char('0'));
}

inline Location makeLocation(int n, const QString &name)
{
    Location l;
    l.id = idFor("loc", n);
    l.name = name;
    l.code = QStringLiteral("L%1").arg(n);
    l.updatedAt = 1000 + n;
    return l;
}

inline Product makeProduct(int n, const QString &title)
{
    Product p;
    p.id = idFor("prod", n);
    p.title = title;
    p.handle = QStringLiteral("handle-%1").arg(n);
    p.status = ProductStatus::Active;
    p.createdAt = 1'700'000'000'000 + n;
    p.updatedAt = 1'700'000'000'000 + n;
    return p;
}

inline Variant makeVariant(int n, const QString &productId, const QString &sku, qint64 price)
{
    Variant v;
    v.id = idFor("var", n);
    v.productId = productId;
    v.sku = sku;
    v.price = price;
    v.createdAt = 1'700'000'000'000 + n;
    v.updatedAt = 1'700'000'000'000 + n;
    return v;
}

inline Customer makeCustomer(int n, const QString &first, const QString &last, const QString &email)
{
    Customer c;
    c.id = idFor("cust", n);
    c.firstName = first;
    c.lastName = last;
    c.email = email;
    c.createdAt = 1'700'000'000'000 + n;
    c.updatedAt = 1'700'000'000'000 + n;
    return c;
}

inline Order makeOrder(int n, qint64 number, qint64 total, qint64 placedAt)
{
    Order o;
    o.id = idFor("ord", n);
    o.number = number;
    o.customerName = QStringLiteral("Guest %1").arg(n);
    o.currency = QStringLiteral("EUR");
    o.subtotal = total;
    o.total = total;
    o.placedAt = placedAt;
    o.updatedAt = placedAt;
    return o;
}

// True while some statement of the connection is mid-result. Such a statement keeps the
// connection's read transaction (and so an old snapshot) open; repositories must reset
// every statement before they return.
inline bool hasBusyStatement(SqliteDatabase &db)
{
    for (sqlite3_stmt *s = sqlite3_next_stmt(db.handle(), nullptr); s; s = sqlite3_next_stmt(db.handle(), s)) {
        if (sqlite3_stmt_busy(s))
            return true;
    }
    return false;
}

inline SortKey sortKey(std::variant<std::monostate, qint64, QString> value, qint64 rid)
{
    SortKey key;
    key.value = std::move(value);
    key.rid = rid;
    return key;
}

// The detail column of EXPLAIN QUERY PLAN, one entry per plan node.
inline Result<QStringList> queryPlan(SqliteDatabase &db, const QByteArray &sql)
{
    SK_TRY_ASSIGN(stmt, db.prepare("EXPLAIN QUERY PLAN " + sql));
    QStringList lines;
    for (;;) {
        SK_TRY_ASSIGN(hasRow, stmt.step());
        if (!hasRow)
            break;
        lines.append(stmt.text(3));
    }
    return lines;
}

// Why a list query's plan would not scale to a million rows, or an empty string when it
// does: no sort of the result (TEMP B-TREE FOR ORDER BY) and no walk of the whole main
// table. `alias` is the main table's alias in the query. With a keyset (`deepPage`), the
// main table must be searched from the key, not scanned from the start.
inline QString planProblem(const QStringList &plan, const QString &alias, bool deepPage, bool allowTempSort = false,
                           bool allowRowidScan = false)
{
    bool sawMain = false;
    for (const QString &line : plan) {
        if (!allowTempSort && line.contains(QLatin1String("USE TEMP B-TREE FOR ORDER BY")))
            return QStringLiteral("sorts the result: ") + plan.join(QLatin1String(" | "));
        const QRegularExpression main(QStringLiteral("^(SCAN|SEARCH) %1( |$)").arg(alias));
        if (!main.match(line).hasMatch())
            continue;
        sawMain = true;
        if (line.startsWith(QLatin1String("SCAN"))) {
            if (!line.contains(QLatin1String("INDEX")) && !allowRowidScan)
                return QStringLiteral("scans the whole table: ") + plan.join(QLatin1String(" | "));
            if (deepPage)
                return QStringLiteral("scans instead of seeking to the key: ") + plan.join(QLatin1String(" | "));
        }
    }
    if (!sawMain)
        return QStringLiteral("main table %1 not in plan: ").arg(alias) + plan.join(QLatin1String(" | "));
    return {};
}

// Every row of a keyset-paged list, following `next` page after page. `list(query)` returns
// Result<KeysetPage<Row>>. With fullPages, a page that announces more rows must be full.
template <typename Query, typename ListFn>
auto walkPages(Query query, ListFn &&list, int *pages = nullptr, bool fullPages = false)
    -> decltype(list(query).value().rows)
{
    decltype(list(query).value().rows) all;
    int n = 0;
    for (int guard = 0; guard < 10000; ++guard) {
        auto page = list(query);
        if (!page.ok()) {
            qWarning("%s", qPrintable(page.error().toString()));
            return {};
        }
        ++n;
        all += page->rows;
        if (!page->next)
            break;
        if (fullPages && page->rows.size() != query.limit) {
            qWarning("short page with a next key");
            return {};
        }
        query.after = page->next;
    }
    if (pages)
        *pages = n;
    return all;
}

} // namespace sk::test
