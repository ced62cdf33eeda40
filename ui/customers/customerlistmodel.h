#pragma once

#include "common/storelistmodel.h"
#include "common/windowedrows.h"
#include "storage/keysetpage.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace sk {

// One line of the customer list.
struct CustomerRow
{
    qint64 rid = 0;
    QString id;
    QString displayName; // "First Last", or the email without a name
    QString email;
    QString phone;
    QString tags;
    qint64 ordersCount = 0; // orders neither cancelled nor failed
    qint64 totalSpent = 0;  // their total less refunds, minor units
    qint64 createdAt = 0;
    bool unsynced = false; // an edit of this customer is not on the server yet
};

// The customer list over the local store, fast at a million customers: the rids come from an
// index in sort order (name or created), from the customer search index, or from the tag
// index (customer_tags, then sorted: only the tagged customers are read), on a pool thread (a
// million in name order take a fraction of a second warm, seconds cold), and rows, with their
// order count and spending (read from the orders table through orders_customer), are read for
// the visible window only (WindowedRows).
class CustomerListModel : public StoreListModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, EmailColumn, OrdersColumn, TotalSpentColumn, CreatedColumn, ColumnCount };
    enum Role { RidRole = Qt::UserRole + 1, IdRole, UnsyncedRole };

    // A search keeps the first this many customers it finds (a broad prefix would otherwise read
    // them all); sorting orders those.
    static constexpr int SearchLimit = 10'000;

    explicit CustomerListModel(QObject *parent = nullptr);

    // Words of the name, email or phone; empty lists everyone.
    void setSearchText(const QString &text);
    QString searchText() const { return m_search; }
    bool isSearchCapped() const { return m_capped; }
    // One tag, whole, case-insensitive ("vip" lists the customers tagged "VIP"); empty lists everyone.
    void setTagFilter(const QString &tag);
    QString tagFilter() const { return m_tag; }
    // Both filters off with one read (setting each would start a read and drop it).
    void clearFilters();
    // The shop's customer tags (lower case, sorted), to offer as filters.
    Result<QStringList> tags() const;

    std::optional<CustomerRow> customerAt(int row) const;
    QString idAt(int row) const;
    int rowOfRid(qint64 rid) const { return m_rows.rowOf(rid); }
    // The row of a customer id, or -1 when the list does not show it.
    int rowOfId(const QString &id) const;
    // Whether the shop has this customer, shown or not.
    bool hasCustomer(const QString &id) const;
    int pageFetchCount() const { return m_rows.fetchCount(); }

    // Name and Created have an index; sort() ignores the other columns.
    static bool isSortableColumn(int column) { return column == NameColumn || column == CreatedColumn; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    // The SQL that lists the rids, for query-plan tests.
    static QByteArray keysSql(bool search, bool tagged, int sortColumn, SortOrder order);
    static Result<QHash<qint64, CustomerRow>> readRows(SqliteDatabase &db, const QList<qint64> &rids);

protected:
    LoadJob loadJob() override;
    void clearRows() override;
    QString errorText(const QString &reason) const override;
    QString columnTitle(int column) const override;
    bool isNumericColumn(int column) const override;
    bool isSortable(int column) const override { return isSortableColumn(column); }
    QString unsortableTip() const override;

private:
    static Result<WindowedKeys> readKeys(SqliteDatabase &db, const QString &search, const QString &tag, int sortColumn,
                                        SortOrder order);
    // The customer's rid, or 0 when there is none.
    Result<qint64> ridOf(const QString &id) const;
    QVariant displayData(const CustomerRow &row, int column) const;

    WindowedRows<CustomerRow> m_rows;
    QString m_search;
    QString m_tag;
    bool m_capped = false;
};

} // namespace sk
