#include "productrepository.h"

#include "storage/ftsquery.h"
#include "storage/repositorysql.h"
#include "storage/sqlitedatabase.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>
#include <QStringList>

#include <limits>

namespace sk {

using namespace repositorysql;

namespace {

#define SK_PRODUCT_COLUMNS                                                                                    \
    "p.id, p.title, p.handle, p.description, p.vendor, p.category, p.tags, p.status, p.created_at, p.version, "  \
    "p.updated_at"

Product readProduct(const SqliteStatement &s)
{
    Product p;
    p.id = s.text(0);
    p.title = s.text(1);
    p.handle = s.text(2);
    p.description = s.text(3);
    p.vendor = s.text(4);
    p.category = s.text(5);
    p.tags = s.text(6);
    p.status = enumFrom(s, 7, ProductStatus::Draft);
    p.createdAt = s.int64(8);
    p.version = s.int64(9);
    p.updatedAt = s.int64(10);
    return p;
}

#define SK_VARIANT_COLUMNS                                                                                    \
    "v.id, v.product_id, v.position, v.sku, v.barcode, v.option1, v.option2, v.option3, v.price, "              \
    "v.compare_at_price, v.cost, v.weight, v.weight_unit, v.track_inventory, v.created_at, v.version, v.updated_at"

Variant readVariant(const SqliteStatement &s)
{
    Variant v;
    v.id = s.text(0);
    v.productId = s.text(1);
    v.position = s.int32(2);
    v.sku = s.text(3);
    v.barcode = s.text(4);
    v.option1 = s.text(5);
    v.option2 = s.text(6);
    v.option3 = s.text(7);
    v.price = s.int64(8);
    v.compareAtPrice = s.optionalInt64(9);
    v.cost = s.optionalInt64(10);
    if (!s.isNull(11))
        v.weight = s.real(11);
    v.weightUnit = s.text(12);
    v.trackInventory = s.int64(13) != 0;
    v.createdAt = s.int64(14);
    v.version = s.int64(15);
    v.updatedAt = s.int64(16);
    return v;
}

QString optionsTitleOf(const QString &o1, const QString &o2, const QString &o3)
{
    QStringList parts;
    for (const QString *o : {&o1, &o2, &o3}) {
        if (!o->isEmpty())
            parts.append(*o);
    }
    return parts.join(QStringLiteral(" / "));
}

// The list row's aggregates come from correlated subqueries: each is an index lookup on
// variants_product, so a page of 200 products costs 200 small lookups, never a GROUP BY
// over the whole catalog.
constexpr const char *kProductRowSelect =
    "SELECT p.rid, p.id, p.title, p.vendor, p.category, p.status, p.updated_at, "
    "(SELECT count(*) FROM variants v WHERE v.product_id = p.id), "
    "(SELECT min(v.price) FROM variants v WHERE v.product_id = p.id), "
    "(SELECT max(v.price) FROM variants v WHERE v.product_id = p.id), "
    "(SELECT coalesce(sum(l.on_hand), 0) FROM variants v JOIN inventory_levels l ON l.variant_id = v.id "
    "WHERE v.product_id = p.id) "
    "FROM products p";

ProductListRow readProductRow(const SqliteStatement &s)
{
    ProductListRow r;
    r.rid = s.int64(0);
    r.id = s.text(1);
    r.title = s.text(2);
    r.vendor = s.text(3);
    r.category = s.text(4);
    r.status = enumFrom(s, 5, ProductStatus::Draft);
    r.updatedAt = s.int64(6);
    r.variantCount = s.int32(7);
    r.minPrice = s.int64(8);
    r.maxPrice = s.int64(9);
    r.totalOnHand = s.int64(10);
    return r;
}

QByteArray productSortColumn(ProductSort sort)
{
    return sort == ProductSort::Title ? QByteArray("p.title COLLATE NOCASE") : QByteArray("p.updated_at");
}

// The index each filter/sort combination walks. Named explicitly (INDEXED BY) so that a
// schema change that would silently turn a page into a full sort fails loudly instead.
QByteArray productIndex(const ProductFilter &filter, ProductSort sort)
{
    if (sort == ProductSort::Title) {
        if (!filter.vendor.isEmpty())
            return "products_vendor";
        if (filter.status)
            return "products_status_title";
        return "products_title";
    }
    if (filter.status)
        return "products_status_updated";
    return "products_updated";
}

// Parameters: ?1 status, ?2 vendor, ?3 tag, ?4/?5 keyset value/rid, ?6 limit.
QByteArray productWhere(const ProductFilter &filter, ProductSort sort, SortOrder order, bool keyset)
{
    QByteArrayList conds;
    if (filter.status)
        conds.append("p.status = ?1");
    if (!filter.vendor.isEmpty())
        conds.append("p.vendor COLLATE NOCASE = ?2");
    if (!filter.tag.trimmed().isEmpty())
        conds.append(tagCondition("p.tags", 3));
    if (keyset)
        conds.append(keysetCondition(productSortColumn(sort), "p.rid", order, 4, 5));
    return conds.isEmpty() ? QByteArray() : " WHERE " + conds.join(" AND ");
}

QByteArray productOrderBy(ProductSort sort, SortOrder order)
{
    return " ORDER BY " + productSortColumn(sort) + direction(order) + ", p.rid" + direction(order);
}

void bindProductFilter(SqliteStatement &s, const ProductFilter &filter)
{
    if (filter.status)
        s.bind(1, toString(*filter.status));
    if (!filter.vendor.isEmpty())
        s.bind(2, filter.vendor);
    if (!filter.tag.trimmed().isEmpty())
        s.bind(3, tagParameter(filter.tag));
}

Error translateVariantError(const Error &e, const Variant &v)
{
    if (e.code == QLatin1String("sqlite.constraint") && e.message.contains(QLatin1String("variants.sku"))) {
        return makeError(QStringLiteral("product.duplicate_sku"),
                         QCoreApplication::translate("ProductRepository",
                                                     "The SKU \"%1\" is already used by another variant.")
                             .arg(v.sku),
                         e.message);
    }
    return e;
}

Error translateProductError(const Error &e, const Product &p)
{
    if (e.code == QLatin1String("sqlite.constraint") && e.message.contains(QLatin1String("products.handle"))) {
        return makeError(QStringLiteral("product.duplicate_handle"),
                         QCoreApplication::translate("ProductRepository",
                                                     "The handle \"%1\" is already used by another product.")
                             .arg(p.handle),
                         e.message);
    }
    return e;
}

} // namespace

Result<std::optional<Product>> ProductRepository::product(const QString &id)
{
    SK_TRY_ASSIGN(s, m_db.cached("SELECT " SK_PRODUCT_COLUMNS " FROM products p WHERE p.id = ?1"));
    s->bind(1, id);
    return readOne(*s, readProduct);
}

Result<QList<Variant>> ProductRepository::variantsOf(const QString &productId)
{
    SK_TRY_ASSIGN(s, m_db.cached("SELECT " SK_VARIANT_COLUMNS " FROM variants v WHERE v.product_id = ?1 "
                                 "ORDER BY v.position, v.rid"));
    s->bind(1, productId);
    QList<Variant> out;
    for (;;) {
        SK_TRY_ASSIGN(hasRow, s->step());
        if (!hasRow)
            break;
        out.append(readVariant(*s));
    }
    return out;
}

Result<std::optional<Variant>> ProductRepository::variant(const QString &id)
{
    SK_TRY_ASSIGN(s, m_db.cached("SELECT " SK_VARIANT_COLUMNS " FROM variants v WHERE v.id = ?1"));
    s->bind(1, id);
    return readOne(*s, readVariant);
}

Result<std::optional<Variant>> ProductRepository::variantBySku(const QString &sku)
{
    if (sku.isEmpty())
        return std::optional<Variant>();
    SK_TRY_ASSIGN(s, m_db.cached("SELECT " SK_VARIANT_COLUMNS " FROM variants v WHERE v.sku = ?1"));
    s->bind(1, sku);
    return readOne(*s, readVariant);
}

Result<std::optional<Variant>> ProductRepository::variantByBarcode(const QString &barcode)
{
    if (barcode.isEmpty())
        return std::optional<Variant>();
    // Barcodes are not unique; the oldest variant wins, consistently.
    SK_TRY_ASSIGN(s, m_db.cached("SELECT " SK_VARIANT_COLUMNS " FROM variants v WHERE v.barcode = ?1 "
                                 "ORDER BY v.rid LIMIT 1"));
    s->bind(1, barcode);
    return readOne(*s, readVariant);
}

QByteArray ProductRepository::listProductsSql(const ProductQuery &query)
{
    return QByteArray(kProductRowSelect) + " INDEXED BY " + productIndex(query.filter, query.sort)
        + productWhere(query.filter, query.sort, query.order, query.after.has_value())
        + productOrderBy(query.sort, query.order) + " LIMIT ?6";
}

Result<KeysetPage<ProductListRow>> ProductRepository::listProducts(const ProductQuery &query)
{
    const int limit = clampLimit(query.limit);
    SK_TRY_ASSIGN(s, m_db.cached(listProductsSql(query).constData()));
    bindProductFilter(*s, query.filter);
    if (query.after) {
        bindSortValue(*s, 4, *query.after);
        s->bind(5, query.after->rid);
    }
    s->bind(6, limit + 1);
    QList<ProductListRow> rows;
    for (;;) {
        SK_TRY_ASSIGN(hasRow, s->step());
        if (!hasRow)
            break;
        rows.append(readProductRow(*s));
    }
    const ProductSort sort = query.sort;
    return finishPage(std::move(rows), limit, [sort](const ProductListRow &r) {
        SortKey key;
        if (sort == ProductSort::Title)
            key.value = r.title;
        else
            key.value = r.updatedAt;
        key.rid = r.rid;
        return key;
    });
}

Result<qint64> ProductRepository::countProducts(const ProductFilter &filter)
{
    const QByteArray sql = "SELECT count(*) FROM products p" + productWhere(filter, ProductSort::Title,
                                                                            SortOrder::Ascending, false);
    SK_TRY_ASSIGN(s, m_db.cached(sql.constData()));
    bindProductFilter(*s, filter);
    SK_TRY_ASSIGN(count, readOne(*s, [](const SqliteStatement &r) { return r.int64(0); }));
    return count.value_or(0);
}

QByteArray ProductRepository::productRidsSql(const ProductFilter &filter, ProductSort sort, SortOrder order)
{
    return "SELECT p.rid FROM products p INDEXED BY " + productIndex(filter, sort)
        + productWhere(filter, sort, order, false) + productOrderBy(sort, order);
}

Result<QList<qint64>> ProductRepository::productRids(const ProductFilter &filter, ProductSort sort, SortOrder order)
{
    SK_TRY_ASSIGN(s, m_db.cached(productRidsSql(filter, sort, order).constData()));
    bindProductFilter(*s, filter);
    QList<qint64> rids;
    for (;;) {
        SK_TRY_ASSIGN(hasRow, s->step());
        if (!hasRow)
            break;
        rids.append(s->int64(0));
    }
    return rids;
}

Result<QList<ProductListRow>> ProductRepository::productRowsByRid(const QList<qint64> &rids)
{
    if (rids.isEmpty())
        return QList<ProductListRow>();
    SK_TRY_ASSIGN(s, m_db.cached((QByteArray(kProductRowSelect)
                                  + " WHERE p.rid IN (SELECT value FROM json_each(?1))")
                                     .constData()));
    s->bindUtf8(1, jsonIntArray(rids));
    QHash<qint64, ProductListRow> byRid;
    byRid.reserve(rids.size());
    for (;;) {
        SK_TRY_ASSIGN(hasRow, s->step());
        if (!hasRow)
            break;
        ProductListRow row = readProductRow(*s);
        byRid.insert(row.rid, std::move(row));
    }
    QList<ProductListRow> out;
    out.reserve(rids.size());
    for (qint64 rid : rids) {
        auto it = byRid.constFind(rid);
        if (it != byRid.constEnd()) // deleted since the rid list was taken
            out.append(*it);
    }
    return out;
}

namespace {

constexpr const char *kVariantRowSelect =
    "SELECT v.rid, v.id, v.product_id, p.title, v.sku, v.barcode, v.option1, v.option2, v.option3, v.price, "
    "v.updated_at FROM variants v JOIN products p ON p.id = v.product_id";

VariantListRow readVariantRow(const SqliteStatement &s)
{
    VariantListRow r;
    r.rid = s.int64(0);
    r.id = s.text(1);
    r.productId = s.text(2);
    r.productTitle = s.text(3);
    r.sku = s.text(4);
    r.barcode = s.text(5);
    r.optionsTitle = optionsTitleOf(s.text(6), s.text(7), s.text(8));
    r.price = s.int64(9);
    r.updatedAt = s.int64(10);
    return r;
}

} // namespace

QByteArrayList ProductRepository::listVariantsSql(const VariantQuery &query)
{
    const QByteArray dir = direction(query.order);
    QByteArrayList out;
    if (query.sort == VariantSort::Sku) {
        // NULL SKUs sort first ascending (last descending) and cannot be compared, so they
        // are paged as their own run, by rid, through the same index (sku IS NULL).
        const bool asc = query.order == SortOrder::Ascending;
        const QByteArray nullRun = QByteArray(kVariantRowSelect) + " WHERE v.sku IS NULL AND v.rid " + (asc ? ">" : "<")
            + " ?1 ORDER BY v.rid" + dir + " LIMIT ?3";
        const QByteArray skuStart = QByteArray(kVariantRowSelect) + " WHERE v.sku IS NOT NULL ORDER BY v.sku" + dir
            + ", v.rid" + dir + " LIMIT ?3";
        const QByteArray skuAfter = QByteArray(kVariantRowSelect) + " WHERE "
            + keysetCondition("v.sku", "v.rid", query.order, 2, 1) + " ORDER BY v.sku" + dir + ", v.rid" + dir
            + " LIMIT ?3";
        out << nullRun << skuStart << skuAfter;
        return out;
    }
    const QByteArray col = query.sort == VariantSort::Price ? QByteArray("v.price") : QByteArray("v.updated_at");
    const QByteArray index = query.sort == VariantSort::Price ? QByteArray("variants_price") : QByteArray("variants_updated");
    QByteArray sql = QByteArray(kVariantRowSelect);
    sql.replace("FROM variants v", "FROM variants v INDEXED BY " + index);
    if (query.after)
        sql += " WHERE " + keysetCondition(col, "v.rid", query.order, 2, 1);
    sql += " ORDER BY " + col + dir + ", v.rid" + dir + " LIMIT ?3";
    out << sql;
    return out;
}

Result<KeysetPage<VariantListRow>> ProductRepository::listVariants(const VariantQuery &query)
{
    const int limit = clampLimit(query.limit);
    const QByteArrayList sqls = listVariantsSql(query);
    QList<VariantListRow> rows;
    const auto run = [&](const QByteArray &sql, const std::optional<SortKey> &after) -> Result<void> {
        SK_TRY_ASSIGN(s, m_db.cached(sql.constData()));
        if (after) {
            s->bind(1, after->rid);
            if (!std::holds_alternative<std::monostate>(after->value))
                bindSortValue(*s, 2, *after);
        } else if (sql.contains("?1")) {
            s->bind(1, query.order == SortOrder::Ascending ? qint64(0) : std::numeric_limits<qint64>::max());
        }
        s->bind(3, qint64(limit + 1 - rows.size()));
        for (;;) {
            SK_TRY_ASSIGN(hasRow, s->step());
            if (!hasRow)
                break;
            rows.append(readVariantRow(*s));
        }
        return {};
    };

    if (query.sort == VariantSort::Sku) {
        const QByteArray &nullRun = sqls[0];
        const QByteArray &skuStart = sqls[1];
        const QByteArray &skuAfter = sqls[2];
        const bool afterInNullRun = query.after && std::holds_alternative<std::monostate>(query.after->value);
        if (query.order == SortOrder::Ascending) {
            if (!query.after || afterInNullRun) {
                SK_TRY(run(nullRun, query.after));
                if (rows.size() <= limit)
                    SK_TRY(run(skuStart, std::nullopt));
            } else {
                SK_TRY(run(skuAfter, query.after));
            }
        } else {
            if (afterInNullRun) {
                SK_TRY(run(nullRun, query.after));
            } else {
                SK_TRY(run(query.after ? skuAfter : skuStart, query.after));
                if (rows.size() <= limit)
                    SK_TRY(run(nullRun, std::nullopt));
            }
        }
    } else {
        SK_TRY(run(sqls[0], query.after));
    }

    const VariantSort sort = query.sort;
    return finishPage(std::move(rows), limit, [sort](const VariantListRow &r) {
        SortKey key;
        switch (sort) {
        case VariantSort::Sku:
            if (!r.sku.isNull())
                key.value = r.sku;
            break;
        case VariantSort::Price: key.value = r.price; break;
        case VariantSort::UpdatedAt: key.value = r.updatedAt; break;
        }
        key.rid = r.rid;
        return key;
    });
}

Result<QList<VariantSearchHit>> ProductRepository::search(const QString &text, int limit)
{
    limit = clampLimit(limit);
    QList<VariantSearchHit> hits;
    QSet<qint64> seen;
    const auto add = [&](const SqliteStatement &s) {
        VariantSearchHit h;
        h.variantRid = s.int64(0);
        if (seen.contains(h.variantRid) || hits.size() >= limit)
            return;
        seen.insert(h.variantRid);
        h.variantId = s.text(1);
        h.productId = s.text(2);
        h.productTitle = s.text(3);
        h.sku = s.text(4);
        h.barcode = s.text(5);
        h.optionsTitle = optionsTitleOf(s.text(6), s.text(7), s.text(8));
        h.price = s.int64(9);
        hits.append(std::move(h));
    };

    // A scanned barcode or a typed full SKU should come first, whatever the FTS order.
    const QString exact = text.trimmed();
    if (!exact.isEmpty()) {
        SK_TRY_ASSIGN(s, m_db.cached("SELECT v.rid, v.id, v.product_id, p.title, v.sku, v.barcode, v.option1, "
                                     "v.option2, v.option3, v.price FROM variants v JOIN products p ON p.id = v.product_id "
                                     "WHERE v.sku = ?1 UNION ALL "
                                     "SELECT * FROM (SELECT v.rid, v.id, v.product_id, p.title, v.sku, v.barcode, v.option1, "
                                     "v.option2, v.option3, v.price FROM variants v JOIN products p ON p.id = v.product_id "
                                     "WHERE v.barcode = ?1 ORDER BY v.rid LIMIT ?2)"));
        s->bind(1, exact).bind(2, limit);
        for (;;) {
            SK_TRY_ASSIGN(hasRow, s->step());
            if (!hasRow)
                break;
            add(*s);
        }
    }

    const QString match = FtsQuery::prefixQuery(text);
    if (match.isEmpty() || hits.size() >= limit)
        return hits;
    // No bm25: ranking a broad prefix costs about a second on 1M rows; rowid order is instant.
    SK_TRY_ASSIGN(s, m_db.cached("SELECT v.rid, v.id, v.product_id, p.title, v.sku, v.barcode, v.option1, v.option2, "
                                 "v.option3, v.price FROM (SELECT rowid AS r FROM variant_search "
                                 "WHERE variant_search MATCH ?1 LIMIT ?2) m "
                                 "JOIN variants v ON v.rid = m.r JOIN products p ON p.id = v.product_id"));
    s->bind(1, match).bind(2, limit + qint64(hits.size()));
    for (;;) {
        SK_TRY_ASSIGN(hasRow, s->step());
        if (!hasRow)
            break;
        add(*s);
    }
    return hits;
}

Result<void> ProductRepository::upsertProduct(const Product &product)
{
    SK_TRY_ASSIGN(s, m_db.cached(
                         "INSERT INTO products (id, title, handle, description, vendor, category, tags, status, "
                         "created_at, version, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) "
                         "ON CONFLICT (id) DO UPDATE SET title = excluded.title, handle = excluded.handle, "
                         "description = excluded.description, vendor = excluded.vendor, category = excluded.category, "
                         "tags = excluded.tags, status = excluded.status, created_at = excluded.created_at, "
                         "version = excluded.version, updated_at = excluded.updated_at"));
    s->bind(1, product.id);
    bindText(*s, 2, product.title);
    bindText(*s, 3, product.handle);
    bindText(*s, 4, product.description);
    bindText(*s, 5, product.vendor);
    bindText(*s, 6, product.category);
    bindText(*s, 7, product.tags);
    s->bind(8, toString(product.status));
    s->bind(9, product.createdAt).bind(10, product.version).bind(11, product.updatedAt);
    auto done = s->exec();
    if (!done.ok())
        return translateProductError(done.error(), product);
    return {};
}

Result<void> ProductRepository::upsertVariant(const Variant &variant)
{
    SK_TRY_ASSIGN(s, m_db.cached(
                         "INSERT INTO variants (id, product_id, position, sku, barcode, option1, option2, option3, "
                         "price, compare_at_price, cost, weight, weight_unit, track_inventory, created_at, version, "
                         "updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17) "
                         "ON CONFLICT (id) DO UPDATE SET product_id = excluded.product_id, position = excluded.position, "
                         "sku = excluded.sku, barcode = excluded.barcode, option1 = excluded.option1, "
                         "option2 = excluded.option2, option3 = excluded.option3, price = excluded.price, "
                         "compare_at_price = excluded.compare_at_price, cost = excluded.cost, weight = excluded.weight, "
                         "weight_unit = excluded.weight_unit, track_inventory = excluded.track_inventory, "
                         "created_at = excluded.created_at, version = excluded.version, updated_at = excluded.updated_at"));
    s->bind(1, variant.id);
    s->bind(2, variant.productId);
    s->bind(3, variant.position);
    bindOptionalText(*s, 4, variant.sku);
    bindOptionalText(*s, 5, variant.barcode);
    s->bind(6, variant.option1).bind(7, variant.option2).bind(8, variant.option3);
    s->bind(9, variant.price);
    s->bind(10, variant.compareAtPrice).bind(11, variant.cost).bind(12, variant.weight);
    s->bind(13, variant.weightUnit.isEmpty() ? QStringLiteral("g") : variant.weightUnit);
    s->bind(14, variant.trackInventory);
    s->bind(15, variant.createdAt).bind(16, variant.version).bind(17, variant.updatedAt);
    auto done = s->exec();
    if (!done.ok())
        return translateVariantError(done.error(), variant);
    return {};
}

Result<void> ProductRepository::deleteProduct(const QString &id)
{
    // The products_search_bd trigger removes the variants (and their search entries) first.
    SK_TRY_ASSIGN(s, m_db.cached("DELETE FROM products WHERE id = ?1"));
    s->bind(1, id);
    return s->exec();
}

Result<void> ProductRepository::deleteVariant(const QString &id)
{
    SK_TRY_ASSIGN(s, m_db.cached("DELETE FROM variants WHERE id = ?1"));
    s->bind(1, id);
    return s->exec();
}

} // namespace sk
