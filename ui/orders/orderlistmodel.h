#pragma once

#include "common/storelistmodel.h"
#include "common/windowedrows.h"
#include "orders/orderformat.h"
#include "orders/orderlistquery.h"

#include <optional>

namespace sk {

// The order list over the local store, fast at five million orders. Rows arrive by keyset
// pages as the view scrolls (canFetchMore / fetchMore), so opening, filtering and sorting
// cost one index walk of a page however many orders match, never a count or a full list of
// rids. The rids fetched so far are kept (8 bytes a row) and the rows of the visible window
// are read by rid (WindowedRows). Filters and sorting are SQL; never put a
// QSortFilterProxyModel on top.
class OrderListModel : public StoreListModel
{
    Q_OBJECT

public:
    enum Column { NumberColumn, PlacedColumn, CustomerColumn, StatusColumn, FinancialColumn, FulfillmentColumn,
                  TotalColumn, ChannelColumn, UpdatedColumn, ColumnCount };
    enum Role { RidRole = Qt::UserRole + 1, IdRole, UnsyncedRole };

    static constexpr int PageSize = WindowedRows<OrderListItem>::PageSize;

    explicit OrderListModel(QObject *parent = nullptr);

    OrderFormat orderFormat() const { return OrderFormat(format()); }

    void setFilter(const OrderListFilter &filter);
    const OrderListFilter &filter() const { return m_filter; }
    // The query of the current filter and sort.
    OrderListQuery query() const;

    // Re-reads the rows fetched so far in place (after a local edit or a sync): the row count,
    // the selection and the scroll position stay.
    void refresh();

    QString idAt(int row) const;
    // The row of an order among those fetched so far, or -1.
    int rowOfId(const QString &id) const;
    // Pages of rows read since the last change of the row list, for tests and profiling.
    int pageFetchCount() const { return m_rows.fetchCount(); }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

protected:
    Result<void> load(SqliteDatabase &db) override;
    void clearRows() override;
    QString errorText(const QString &reason) const override;
    QString columnTitle(int column) const override;
    bool isNumericColumn(int column) const override;
    // Number, Placed, Total and Updated sort in SQL with an index; sort() ignores the others.
    bool isSortable(int column) const override;
    QString unsortableTip() const override;

private:
    Result<KeysetPage<SortKey>> nextKeys() const;
    QVariant displayData(const OrderListItem &row, int column) const;

    OrderListFilter m_filter;
    WindowedRows<OrderListItem> m_rows;
    std::optional<SortKey> m_next; // where the next page starts; unset at the end
    bool m_resetting = false;
};

} // namespace sk
