#pragma once

#include "common/storelistmodel.h"
#include "domain/records.h"
#include "storage/keysetpage.h"

#include <QDate>
#include <QHash>
#include <QList>

#include <optional>

namespace sk {

struct LedgerFilter
{
    QString variantId;              // empty: every variant
    QString locationId;             // empty: every location
    QList<InventoryReason> reasons; // empty: any reason
    QDate from;                     // first day shown (shop time zone); null: no limit
    QDate to;                       // last day shown, included; null: no limit

    bool operator==(const LedgerFilter &) const = default;
};

// Stock movements (the append-only inventory ledger), newest first, read by keyset pages as
// the view scrolls (canFetchMore / fetchMore), so a variant with a long history or the whole
// shop's ledger costs one page at a time. Times show in the shop's time zone, and date
// filters are days in that zone. Movements come from the server: a local edit shows in the
// level at once, and its ledger row after the next sync.
class LedgerModel : public StoreListModel
{
    Q_OBJECT

public:
    enum Column { WhenColumn, LocationColumn, ReasonColumn, ChangeColumn, AfterColumn, ReferenceColumn, NoteColumn,
                  UserColumn, ColumnCount };

    static constexpr int PageSize = 200;

    explicit LedgerModel(QObject *parent = nullptr);

    void setFilter(const LedgerFilter &filter);
    const LedgerFilter &filter() const { return m_filter; }

    // The shop's locations by name, read with the rows.
    const QList<Location> &locations() const { return m_locations; }
    std::optional<LedgerEntry> entryAt(int row) const;
    static QString reasonText(InventoryReason reason);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

protected:
    Result<void> load(SqliteDatabase &db) override;
    void clearRows() override;
    QString errorText(const QString &reason) const override;
    QString columnTitle(int column) const override;
    bool isNumericColumn(int column) const override { return column == ChangeColumn || column == AfterColumn; }
    // Always newest first: the ledger's indexes are by time.
    bool isSortable(int) const override { return false; }

private:
    Result<KeysetPage<LedgerEntry>> readPage(SqliteDatabase &db, const std::optional<SortKey> &after);
    QVariant displayData(const LedgerEntry &entry, int column) const;

    LedgerFilter m_filter;
    QList<Location> m_locations;
    QHash<QString, QString> m_locationNames;
    QList<LedgerEntry> m_entries;
    std::optional<SortKey> m_next;
};

} // namespace sk
