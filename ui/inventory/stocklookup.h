#pragma once

#include "domain/records.h"
#include "util/result.h"

#include <QList>
#include <QString>

#include <optional>

namespace sk {

class SqliteDatabase;

// One variant as the stock screens show it: what it is, and its level at each location.
struct StockItem
{
    QString variantId;
    QString productId;
    QString sku;
    QString barcode;
    QString productTitle;
    QString optionsTitle; // "Red / M"
    QList<InventoryLevel> levels;

    // "SKU-1 · Linen shirt · Red / M", leaving out what is empty.
    QString label() const { return labelOf(sku, productTitle, optionsTitle); }
    // On hand at a location; 0 where it was never stocked (as on the server).
    qint64 onHandAt(const QString &locationId) const;

    static QString labelOf(const QString &sku, const QString &productTitle, const QString &optionsTitle);
    // "Red / M" from a variant's options, leaving out empty ones.
    static QString optionsTitleOf(const QString &option1, const QString &option2, const QString &option3);
};

// Finds variants for the stock screens by scanned code or id, with their levels, on any
// connection (the screens use a read-only one).
class StockLookup
{
public:
    explicit StockLookup(SqliteDatabase &db) : m_db(db) {}

    // A scanned or typed code: the SKU exactly, then the barcode, then the SKU in capitals
    // (SKUs are usually upper case; a typed one may not be). nullopt when nothing matches.
    Result<std::optional<StockItem>> byCode(const QString &code);
    Result<std::optional<StockItem>> byVariantId(const QString &variantId);
    // Every location, by name.
    Result<QList<Location>> locations();

private:
    Result<std::optional<StockItem>> complete(const std::optional<Variant> &variant);

    SqliteDatabase &m_db;
};

} // namespace sk
