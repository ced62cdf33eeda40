#include "stocklookup.h"

#include "storage/inventoryrepository.h"
#include "storage/productrepository.h"
#include "storage/shoprepository.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace sk {

namespace {

QString joinNonEmpty(std::initializer_list<QString> parts, const QString &separator)
{
    QStringList kept;
    for (const QString &part : parts) {
        if (!part.isEmpty())
            kept << part;
    }
    return kept.join(separator);
}

} // namespace

QString StockItem::labelOf(const QString &sku, const QString &productTitle, const QString &optionsTitle)
{
    return joinNonEmpty({sku, productTitle, optionsTitle}, u" \u00B7 "_s);
}

QString StockItem::optionsTitleOf(const QString &option1, const QString &option2, const QString &option3)
{
    return joinNonEmpty({option1, option2, option3}, u" / "_s);
}

qint64 StockItem::onHandAt(const QString &locationId) const
{
    for (const InventoryLevel &level : levels) {
        if (level.locationId == locationId)
            return level.onHand;
    }
    return 0;
}

Result<std::optional<StockItem>> StockLookup::byCode(const QString &code)
{
    const QString wanted = code.trimmed();
    if (wanted.isEmpty())
        return std::optional<StockItem>();
    ProductRepository products(m_db);
    SK_TRY_ASSIGN(bySku, products.variantBySku(wanted));
    if (bySku)
        return complete(bySku);
    SK_TRY_ASSIGN(byBarcode, products.variantByBarcode(wanted));
    if (byBarcode)
        return complete(byBarcode);
    if (wanted.toUpper() == wanted)
        return std::optional<StockItem>();
    SK_TRY_ASSIGN(byUpperSku, products.variantBySku(wanted.toUpper()));
    return complete(byUpperSku);
}

Result<std::optional<StockItem>> StockLookup::byVariantId(const QString &variantId)
{
    SK_TRY_ASSIGN(variant, ProductRepository(m_db).variant(variantId));
    return complete(variant);
}

Result<QList<Location>> StockLookup::locations()
{
    return ShopRepository(m_db).locations();
}

Result<std::optional<StockItem>> StockLookup::complete(const std::optional<Variant> &variant)
{
    if (!variant)
        return std::optional<StockItem>();
    StockItem item;
    item.variantId = variant->id;
    item.productId = variant->productId;
    item.sku = variant->sku;
    item.barcode = variant->barcode;
    item.optionsTitle = StockItem::optionsTitleOf(variant->option1, variant->option2, variant->option3);
    SK_TRY_ASSIGN(product, ProductRepository(m_db).product(variant->productId));
    if (product)
        item.productTitle = product->title;
    SK_TRY_ASSIGN(levels, InventoryRepository(m_db).levelsOfVariant(variant->id));
    item.levels = levels;
    return std::optional<StockItem>(std::move(item));
}

} // namespace sk
