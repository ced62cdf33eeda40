#pragma once

#include "domain/records.h"
#include "storage/keysetpage.h"
#include "util/result.h"

#include <QByteArray>
#include <QByteArrayList>
#include <QList>
#include <QString>

#include <optional>

namespace sk {

class SqliteDatabase;

enum class ProductSort { Title, UpdatedAt };
enum class VariantSort { Sku, Price, UpdatedAt };

struct ProductFilter
{
    std::optional<ProductStatus> status;
    QString vendor; // exact, case-insensitive; empty = any
    QString tag;    // one tag, exact, case-insensitive; empty = any
};

struct ProductQuery
{
    ProductFilter filter;
    ProductSort sort = ProductSort::Title;
    SortOrder order = SortOrder::Ascending;
    std::optional<SortKey> after;
    int limit = 200;
};

// One line of the product list.
struct ProductListRow
{
    qint64 rid = 0;
    QString id;
    QString title;
    QString vendor;
    QString category;
    ProductStatus status = ProductStatus::Draft;
    int variantCount = 0;
    qint64 minPrice = 0; // shop currency, minor units
    qint64 maxPrice = 0;
    qint64 totalOnHand = 0; // across locations and variants
    qint64 updatedAt = 0;
};

struct VariantQuery
{
    VariantSort sort = VariantSort::Sku;
    SortOrder order = SortOrder::Ascending;
    std::optional<SortKey> after;
    int limit = 200;
};

struct VariantListRow
{
    qint64 rid = 0;
    QString id;
    QString productId;
    QString productTitle;
    QString sku;
    QString barcode;
    QString optionsTitle; // "Red / M"
    qint64 price = 0;
    qint64 updatedAt = 0;
};

struct VariantSearchHit
{
    qint64 variantRid = 0;
    QString variantId;
    QString productId;
    QString productTitle;
    QString sku;
    QString barcode;
    QString optionsTitle;
    qint64 price = 0;
};

// Products and their variants in one shop file. Reads work on any connection; writes must
// run inside ShopStore::write() on the writer connection.
class ProductRepository
{
public:
    explicit ProductRepository(SqliteDatabase &db) : m_db(db) {}

    Result<std::optional<Product>> product(const QString &id);
    Result<QList<Variant>> variantsOf(const QString &productId);
    Result<std::optional<Variant>> variant(const QString &id);
    Result<std::optional<Variant>> variantBySku(const QString &sku);
    Result<std::optional<Variant>> variantByBarcode(const QString &barcode);

    Result<KeysetPage<ProductListRow>> listProducts(const ProductQuery &query);
    Result<qint64> countProducts(const ProductFilter &filter);
    Result<KeysetPage<VariantListRow>> listVariants(const VariantQuery &query);

    // For windowed list models: the rid of every matching product in sort order (8 bytes a
    // row, about 0.2 s for 1M), then rows fetched by rid for the visible window only.
    Result<QList<qint64>> productRids(const ProductFilter &filter, ProductSort sort, SortOrder order);
    Result<QList<ProductListRow>> productRowsByRid(const QList<qint64> &rids); // same order as rids

    // Type-ahead over product title, SKU and barcode; at most `limit` variants, no ranking.
    Result<QList<VariantSearchHit>> search(const QString &text, int limit = 50);

    // Inserts or updates by id (the rid and so the search entry are kept).
    Result<void> upsertProduct(const Product &product);
    Result<void> upsertVariant(const Variant &variant);
    Result<void> deleteProduct(const QString &id); // with its variants
    Result<void> deleteVariant(const QString &id);

    // The SQL behind the list queries, for query-plan tests (EXPLAIN QUERY PLAN).
    // listVariantsSql gives several statements when the sort pages in runs (SKU: NULLs apart).
    static QByteArray listProductsSql(const ProductQuery &query);
    static QByteArray productRidsSql(const ProductFilter &filter, ProductSort sort, SortOrder order);
    static QByteArrayList listVariantsSql(const VariantQuery &query);

private:
    SqliteDatabase &m_db;
};

} // namespace sk
