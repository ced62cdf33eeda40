#include "searchindex.h"

#include "storage/sqlitedatabase.h"

#include <QCoreApplication>

namespace sk {

namespace {

// The same rows the search triggers write (see schemamigrator.cpp), for the whole table at once.
const char *const kRebuild = R"SQL(
INSERT INTO variant_search (variant_search) VALUES ('delete-all');
INSERT INTO variant_search (rowid, title, sku, barcode)
    SELECT v.rid, p.title, coalesce(v.sku, ''), coalesce(v.barcode, '')
    FROM variants v JOIN products p ON p.id = v.product_id;
INSERT INTO customer_search (customer_search) VALUES ('delete-all');
INSERT INTO customer_search (rowid, name, email, phone)
    SELECT rid, first_name || ' ' || last_name, coalesce(email, ''), coalesce(phone, '') FROM customers;
INSERT INTO order_search (order_search) VALUES ('delete-all');
INSERT INTO order_search (rowid, number, customer_name, guest_email)
    SELECT rid, CAST(number AS TEXT), customer_name, CASE WHEN customer_id IS NULL THEN coalesce(email, '') ELSE '' END
    FROM orders;
DELETE FROM customer_tags;
INSERT OR IGNORE INTO customer_tags (tag, customer_rid)
    SELECT lower(trim(j.value, ' ' || char(9, 10, 13))), c.rid
    FROM customers c, json_each('[' || replace(json_quote(c.tags), ',', '","') || ']') j
    WHERE trim(j.value, ' ' || char(9, 10, 13)) <> '';
)SQL";

// Triggers that write to a search index, by the schema's naming convention.
constexpr const char *kSearchTriggers =
    "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name GLOB '*_search_*' ORDER BY name";

} // namespace

Result<SearchIndex::Suspension> SearchIndex::suspend(SqliteDatabase &db)
{
    if (!db.inTransaction()) {
        return makeError(QStringLiteral("search.no_transaction"),
                         QCoreApplication::translate("SearchIndex",
                                                     "Search maintenance can only be suspended inside a transaction."));
    }
    SK_TRY_ASSIGN(list, db.prepare(kSearchTriggers));
    Suspension suspension;
    QByteArrayList names;
    for (;;) {
        SK_TRY_ASSIGN(hasRow, list.step());
        if (!hasRow)
            break;
        names.append(list.utf8(0));
        suspension.triggerSql.append(list.utf8(1));
    }
    list = SqliteStatement();
    for (const QByteArray &name : names)
        SK_TRY(db.exec("DROP TRIGGER " + name));
    return suspension;
}

Result<void> SearchIndex::resume(SqliteDatabase &db, const Suspension &suspension)
{
    SK_TRY(rebuild(db));
    for (const QByteArray &sql : suspension.triggerSql)
        SK_TRY(db.exec(sql));
    return {};
}

Result<void> SearchIndex::rebuild(SqliteDatabase &db)
{
    return db.exec(kRebuild);
}

} // namespace sk
