#pragma once

#include "domain/records.h"
#include "storage/productrepository.h"
#include "storage/sqlitestatement.h"
#include "util/result.h"

#include <QAbstractTableModel>
#include <QFutureWatcher>
#include <QHash>
#include <QSet>
#include <QList>
#include <QLocale>
#include <QTimeZone>
#include <QTimer>

#include <memory>
#include <optional>

namespace sk {

class ShopStore;
class SqliteDatabase;

// The product list over the local store, fast at a million rows: it holds only the rids in
// sort order and reads the rows of the visible window in pages of PageSize, keeping a few
// pages in a small LRU cache. Sorting and filtering re-query the rids in SQL; never put a
// QSortFilterProxyModel on top (it would read every row). Reads go through the model's own
// read-only connection, so the writer never blocks it.
class ProductListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { TitleColumn, StatusColumn, VendorColumn, VariantsColumn, PriceColumn, OnHandColumn, UpdatedColumn,
                  ColumnCount };
    enum Role { RidRole = Qt::UserRole + 1, IdRole, UnsyncedRole };

    static constexpr int PageSize = 64;
    static constexpr int MaxCachedPages = 32;

    explicit ProductListModel(QObject *parent = nullptr);
    ~ProductListModel() override;

    // Opens a read-only connection to the store's file, reads the shop settings and loads
    // the rid list. The model stays empty until this succeeds.
    Result<void> open(const ShopStore &store);
    // Re-reads the rid list (after edits or a sync) with the current filter and sort.
    Result<void> reload();
    // A filtered list reads its rids on a pool thread with a connection of its own: a tag is
    // matched by reading every product, a second on a large shop. Meanwhile the list is empty
    // and isLoading() is true; loaded() follows. A newer filter interrupts the read and drops it.
    bool isLoading() const { return m_loading; }

    const ShopSettings &shopSettings() const { return m_settings; }
    QLocale shopLocale() const { return m_locale; }

    void setStatusFilter(std::optional<ProductStatus> status);
    void setVendorFilter(const QString &vendor);
    void setTagFilter(const QString &tag);
    void setFilter(const ProductFilter &filter);
    const ProductFilter &filter() const { return m_filter; }

    // Only Title and Updated can be sorted in SQL with an index; sort() ignores the others.
    static bool isSortableColumn(int column);
    int sortColumn() const;
    Qt::SortOrder sortOrder() const;

    qint64 ridAt(int row) const;
    // Rids read so far: the unfiltered list reads them after the first window, between events.
    qsizetype ridsRead() const { return m_rids.size(); }
    // Pages read from SQLite since the last reload, for tests and profiling.
    int pageFetchCount() const { return m_pageFetches; }
    // The last read error, or an empty string.
    QString lastError() const { return m_lastError; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    static QString statusText(ProductStatus status);
    // An amount of the shop's currency in the shop's locale.
    QString formatMoney(qint64 minor) const;

signals:
    // A read failed; the message says what and can be shown inline.
    void errorOccurred(const QString &message);
    void loadingChanged(bool loading);
    // The rows of the latest filter are in.
    void loaded();

private:
    struct CachedRow
    {
        ProductListRow row;
        bool found = false;
        bool unsynced = false; // the product or one of its variants has an edit not confirmed yet
        QString status;
        QString price;
        QString onHand;
        QString updated;
    };
    using Page = QList<CachedRow>;

    const CachedRow *rowAt(int row) const;
    Result<QSet<qint64>> unsyncedRids(const QList<qint64> &rids) const;
    const Page *page(int pageIndex) const;
    Result<Page> fetchPage(int pageIndex) const;
    Result<ShopSettings> readShopSettings();
    Result<void> applyQuery();
    // Reads rids from m_ridCursor until `count` are in (or it ends, which ends the snapshot).
    Result<void> loadRids(qsizetype count) const;
    // Whether row's rid is in, reading up to it first.
    bool ensureRids(qsizetype row) const;
    void endRidSnapshot() const;
    void reportError(const Error &error) const;
    struct FilteredRids
    {
        int generation = 0;
        QList<qint64> rids;
        std::optional<Error> error;
    };
    void startFilteredRead();
    void onFilteredRead();
    void setLoading(bool loading);

    std::unique_ptr<SqliteDatabase> m_db;
    // The filtered reads' connection, and the one a read is running on (to interrupt it).
    std::shared_ptr<SqliteDatabase> m_workerDb;
    std::shared_ptr<SqliteDatabase> m_runningDb;
    QFutureWatcher<FilteredRids> m_filteredRead;
    int m_generation = 0; // bumped by every query: an older read's rids are stale
    bool m_loading = false;
    ShopSettings m_settings;
    QLocale m_locale;
    QTimeZone m_timeZone;
    ProductFilter m_filter;
    ProductSort m_sort = ProductSort::Title;
    SortOrder m_order = SortOrder::Ascending;
    // The rids in list order: all of them, or (the unfiltered list) the first ones read so far
    // from m_ridCursor, in an open read transaction, with m_total counted in it.
    mutable QList<qint64> m_rids;
    int m_total = 0;
    mutable std::unique_ptr<SqliteStatement> m_ridCursor;
    mutable bool m_inRidSnapshot = false;
    QTimer *m_ridLoader = nullptr;

    // The page cache is filled lazily from data(), which is const.
    mutable QHash<int, Page> m_pages;
    mutable QList<int> m_lru; // most recently used last
    mutable int m_pageFetches = 0;
    mutable QString m_lastError;
};

} // namespace sk
