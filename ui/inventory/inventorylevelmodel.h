#pragma once

#include "common/storelistmodel.h"
#include "common/windowedrows.h"
#include "domain/records.h"
#include "storage/keysetpage.h"

#include <QList>
#include <QString>

#include <optional>

namespace sk {

// One line of the inventory list: a variant's level at one location.
struct InventoryLevelRow
{
    qint64 rid = 0; // inventory_levels.rid
    QString variantId;
    QString locationId;
    QString productId;
    QString sku;
    QString barcode;
    QString productTitle;
    QString optionsTitle;
    QString locationName;
    qint64 onHand = 0;
    qint64 committed = 0;
    qint64 available = 0;
    std::optional<qint64> lowStockThreshold;
    bool unsynced = false; // an edit of this level is not on the server yet

    bool isLow() const { return lowStockThreshold && available <= *lowStockThreshold; }
    QString label() const;
};

struct InventoryListFilter
{
    QString locationId;        // empty: every location
    bool lowStockOnly = false; // a threshold is set and available is at or below it
    QString search;            // words of the SKU, barcode or product title

    bool operator==(const InventoryListFilter &) const = default;
};

// Stock levels per location over the local store, fast at a million levels: the rids of the
// matching levels come from one indexed query (location, low stock) or the variant search
// index, read on a pool thread (a million rids take a fraction of a second warm, seconds
// cold), and rows are read for the visible window only (WindowedRows). Sorting is by the
// natural order or by available stock, the only indexed quantity.
class InventoryLevelModel : public StoreListModel
{
    Q_OBJECT

public:
    enum Column { SkuColumn, ProductColumn, OptionsColumn, LocationColumn, OnHandColumn, CommittedColumn,
                  AvailableColumn, ThresholdColumn, ColumnCount };
    enum Role { RidRole = Qt::UserRole + 1, VariantIdRole, LocationIdRole, ProductIdRole, UnsyncedRole, LowStockRole };

    // A search keeps the first this many levels it finds (a broad prefix would otherwise read
    // them all); sorting orders those.
    static constexpr int SearchLimit = 10'000;

    explicit InventoryLevelModel(QObject *parent = nullptr);

    void setFilter(const InventoryListFilter &filter);
    void setLocationFilter(const QString &locationId);
    void setLowStockOnly(bool lowStockOnly);
    void setSearchText(const QString &text);
    const InventoryListFilter &filter() const { return m_filter; }
    // True when the search found more than SearchLimit levels and the list shows the first ones.
    bool isSearchCapped() const { return m_capped; }

    // The shop's locations by name, read with the rows.
    const QList<Location> &locations() const { return m_locations; }
    QString locationName(const QString &locationId) const;

    // After a local edit of quantities: re-reads the shown rows in place (the row count, the
    // selection and the scroll position stay) when the edit cannot change which rows are
    // listed or their order, else reloads (low stock only, sorted by available).
    void refreshRows();

    std::optional<InventoryLevelRow> levelAt(int row) const;
    // The first row showing one of the variant's levels (at `locationId` when given), or -1.
    int rowOfVariant(const QString &variantId, const QString &locationId = {}) const;
    // Whether the shop has such a level, shown or not.
    bool hasLevel(const QString &variantId, const QString &locationId = {}) const;
    int rowOfRid(qint64 rid) const { return m_rows.rowOf(rid); }
    int pageFetchCount() const { return m_rows.fetchCount(); }

    // Available is the only indexed quantity; -1 is the natural order.
    static bool isSortableColumn(int column) { return column == AvailableColumn || column == -1; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    // The levels of these rids that exist, by rid (any connection).
    static Result<QHash<qint64, InventoryLevelRow>> readRows(SqliteDatabase &db, const QList<qint64> &rids);
    // The SQL that lists the rids, for query-plan tests.
    static QByteArray keysSql(const InventoryListFilter &filter, bool sortByAvailable, SortOrder order);

protected:
    LoadJob loadJob() override;
    void clearRows() override;
    QString errorText(const QString &reason) const override;
    QString columnTitle(int column) const override;
    bool isNumericColumn(int column) const override { return column >= OnHandColumn; }
    bool isSortable(int column) const override { return isSortableColumn(column); }
    QString unsortableTip() const override;

private:
    struct Listing
    {
        QList<Location> locations;
        WindowedKeys rids;
    };
    static Result<Listing> readListing(SqliteDatabase &db, const InventoryListFilter &filter, bool sortByAvailable,
                                       SortOrder order);
    // The rids of the variant's levels (at `locationId` when given), in rid order.
    Result<QList<qint64>> levelRids(const QString &variantId, const QString &locationId) const;
    QVariant displayData(const InventoryLevelRow &row, int column) const;

    WindowedRows<InventoryLevelRow> m_rows;
    InventoryListFilter m_filter;
    QList<Location> m_locations;
    bool m_capped = false;
};

} // namespace sk
