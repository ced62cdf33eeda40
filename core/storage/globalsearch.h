#pragma once

#include "util/result.h"

#include <QList>
#include <QMetaType>
#include <QString>

namespace sk {

class SqliteDatabase;

// One thing the global search (Ctrl+K) found.
struct GlobalSearchHit
{
    enum class Kind { Product, Customer, Order };
    Kind kind = Kind::Product;
    QString id;       // the product's, customer's or order's id
    QString title;    // "Linen shirt", "Ada Lovelace", "#1001"
    QString subtitle; // "SKU LS-01 · barcode 4006381333931", "ada@example.com", "Ada Lovelace · paid"
};

// Type-ahead across the shop: products by title, SKU or barcode (a variant's hit names its
// product once), customers by name, email or phone, and orders by number or customer name.
// Each kind's repository search does the matching (exact SKU, barcode or order number first,
// then FTS prefixes, no ranking); this puts them in one list, at most `limitPerKind` of each,
// orders first when the text is an order number, else products, customers, orders.
class GlobalSearch
{
public:
    explicit GlobalSearch(SqliteDatabase &db) : m_db(db) {}

    Result<QList<GlobalSearchHit>> find(const QString &text, int limitPerKind = 8);

private:
    SqliteDatabase &m_db;
};

} // namespace sk

Q_DECLARE_METATYPE(sk::GlobalSearchHit)
