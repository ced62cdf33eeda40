#include "inventorylevelmodel.h"

#include "common/unsyncedsql.h"
#include "inventory/stocklookup.h"
#include "storage/ftsquery.h"
#include "storage/shoprepository.h"
#include "storage/sqlitedatabase.h"

#include <QFont>

using namespace Qt::StringLiterals;

namespace sk {

namespace {

// The expression of the inventory_levels_low index, so the low-stock filter can use it.
constexpr const char *kLowStock =
    "l.low_stock_threshold IS NOT NULL AND l.on_hand - l.committed - l.low_stock_threshold <= 0";

} // namespace

QString InventoryLevelRow::label() const
{
    return StockItem::labelOf(sku, productTitle, optionsTitle);
}

InventoryLevelModel::InventoryLevelModel(QObject *parent)
    : StoreListModel(ColumnCount, -1, parent), m_rows([this](const QList<qint64> &rids) { return readRows(*db(), rids); })
{
}

// Parameters: ?1 location, ?2 FTS query, ?3 limit.
QByteArray InventoryLevelModel::keysSql(const InventoryListFilter &filter, bool sortByAvailable, SortOrder order)
{
    QByteArrayList conds;
    const bool search = !FtsQuery::prefixQuery(filter.search).isEmpty();
    if (search)
        conds << "variant_search MATCH ?2";
    if (!filter.locationId.isEmpty())
        conds << "l.location_id = ?1";
    if (filter.lowStockOnly)
        conds << kLowStock;
    const QByteArray where = conds.isEmpty() ? QByteArray() : " WHERE " + conds.join(" AND ");
    const QByteArray dir = order == SortOrder::Ascending ? " ASC" : " DESC";
    if (search) {
        // The first matches in the search index's order, streamed: a broad prefix stops at
        // the limit instead of sorting every match. Sorted by available among themselves.
        const QByteArray matches = "SELECT l.rid, l.on_hand - l.committed AS available FROM variant_search s "
                                   "CROSS JOIN variants v ON v.rid = s.rowid "
                                   "CROSS JOIN inventory_levels l ON l.variant_id = v.id"
            + where + " LIMIT ?3";
        return "SELECT rid FROM (" + matches + ")"
            + (sortByAvailable ? " ORDER BY available" + dir + ", rid" + dir : QByteArray());
    }
    return "SELECT l.rid FROM inventory_levels l" + where + " ORDER BY "
        + (sortByAvailable ? "l.on_hand - l.committed" + dir + ", " : QByteArray()) + "l.rid" + dir;
}

Result<InventoryLevelModel::Listing> InventoryLevelModel::readListing(SqliteDatabase &db,
                                                                       const InventoryListFilter &filter,
                                                                       bool sortByAvailable, SortOrder order)
{
    Listing listing;
    SK_TRY_ASSIGN(locations, ShopRepository(db).locations());
    listing.locations = locations;
    const QString match = FtsQuery::prefixQuery(filter.search);
    SK_TRY_ASSIGN(stmt, db.prepare(keysSql(filter, sortByAvailable, order)));
    if (!filter.locationId.isEmpty())
        stmt.bind(1, filter.locationId);
    if (!match.isEmpty()) {
        stmt.bind(2, match);
        stmt.bind(3, SearchLimit + 1);
    }
    SK_TRY_ASSIGN(rids, WindowedRows<InventoryLevelRow>::readKeys(stmt, match.isEmpty() ? -1 : SearchLimit));
    listing.rids = std::move(rids);
    return listing;
}

StoreListModel::LoadJob InventoryLevelModel::loadJob()
{
    return makeLoadJob<Listing>(
        [filter = m_filter, byAvailable = sortColumn() == AvailableColumn, order = sortDirection()](SqliteDatabase &db) {
            return readListing(db, filter, byAvailable, order);
        },
        [this](Listing listing) {
            m_locations = std::move(listing.locations);
            m_capped = listing.rids.capped;
            m_rows.setKeys(std::move(listing.rids.keys));
        });
}

void InventoryLevelModel::clearRows()
{
    m_rows.setKeys({});
    m_locations.clear();
    m_capped = false;
}

QString InventoryLevelModel::errorText(const QString &reason) const
{
    return tr("Could not read the inventory: %1").arg(reason);
}

Result<QHash<qint64, InventoryLevelRow>> InventoryLevelModel::readRows(SqliteDatabase &db, const QList<qint64> &rids)
{
    static const QByteArray sql =
        "SELECT l.rid, l.variant_id, l.location_id, coalesce(v.sku, ''), coalesce(v.barcode, ''), p.title, "
        "v.option1, v.option2, v.option3, loc.name, l.on_hand, l.committed, l.low_stock_threshold, v.product_id, "
        + unsyncedsql::exists("inventory_level", "l.variant_id || ':' || l.location_id")
        + " FROM inventory_levels l JOIN variants v ON v.id = l.variant_id JOIN products p ON p.id = v.product_id "
          "JOIN locations loc ON loc.id = l.location_id WHERE l.rid IN (SELECT value FROM json_each(?1))";
    QHash<qint64, InventoryLevelRow> rows;
    SK_TRY_ASSIGN(stmt, db.cached(sql.constData()));
    stmt->bindUtf8(1, WindowedRows<InventoryLevelRow>::jsonKeys(rids));
    for (;;) {
        SK_TRY_ASSIGN(hasRow, stmt->step());
        if (!hasRow)
            break;
        InventoryLevelRow r;
        r.rid = stmt->int64(0);
        r.variantId = stmt->text(1);
        r.locationId = stmt->text(2);
        r.sku = stmt->text(3);
        r.barcode = stmt->text(4);
        r.productTitle = stmt->text(5);
        r.optionsTitle = StockItem::optionsTitleOf(stmt->text(6), stmt->text(7), stmt->text(8));
        r.locationName = stmt->text(9);
        r.onHand = stmt->int64(10);
        r.committed = stmt->int64(11);
        r.available = r.onHand - r.committed;
        r.lowStockThreshold = stmt->optionalInt64(12);
        r.productId = stmt->text(13);
        r.unsynced = stmt->int64(14) != 0;
        rows.insert(r.rid, std::move(r));
    }
    return rows;
}

void InventoryLevelModel::setFilter(const InventoryListFilter &filter)
{
    InventoryListFilter f = filter;
    f.search = f.search.trimmed();
    if (f == m_filter)
        return;
    m_filter = f;
    reloadIfOpen();
}

void InventoryLevelModel::setLocationFilter(const QString &locationId)
{
    InventoryListFilter f = m_filter;
    f.locationId = locationId;
    setFilter(f);
}

void InventoryLevelModel::setLowStockOnly(bool lowStockOnly)
{
    InventoryListFilter f = m_filter;
    f.lowStockOnly = lowStockOnly;
    setFilter(f);
}

void InventoryLevelModel::setSearchText(const QString &text)
{
    InventoryListFilter f = m_filter;
    f.search = text;
    setFilter(f);
}

QString InventoryLevelModel::locationName(const QString &locationId) const
{
    for (const Location &location : m_locations) {
        if (location.id == locationId)
            return location.name;
    }
    return {};
}

void InventoryLevelModel::refreshRows()
{
    if (!isOpen())
        return;
    if (m_filter.lowStockOnly || sortColumn() == AvailableColumn) {
        (void)reload(); // errors are reported through errorOccurred
        return;
    }
    m_rows.invalidate();
    if (rowCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

std::optional<InventoryLevelRow> InventoryLevelModel::levelAt(int row) const
{
    const InventoryLevelRow *found = rowOrNull(m_rows, row);
    return found ? std::optional<InventoryLevelRow>(*found) : std::nullopt;
}

Result<QList<qint64>> InventoryLevelModel::levelRids(const QString &variantId, const QString &locationId) const
{
    if (!db())
        return QList<qint64>();
    SK_TRY_ASSIGN(stmt, db()->cached("SELECT rid FROM inventory_levels WHERE variant_id = ?1 AND "
                                     "(?2 = '' OR location_id = ?2) ORDER BY rid"));
    stmt->bind(1, variantId).bind(2, locationId.isNull() ? u""_s : locationId);
    QList<qint64> rids;
    for (;;) {
        SK_TRY_ASSIGN(hasRow, stmt->step());
        if (!hasRow)
            break;
        rids << stmt->int64(0);
    }
    return rids;
}

int InventoryLevelModel::rowOfVariant(const QString &variantId, const QString &locationId) const
{
    const auto rids = levelRids(variantId, locationId);
    if (!rids.ok()) {
        reportError(rids.error());
        return -1;
    }
    int best = -1;
    for (const qint64 rid : *rids) {
        const int row = m_rows.rowOf(rid);
        if (row >= 0 && (best < 0 || row < best))
            best = row;
    }
    return best;
}

bool InventoryLevelModel::hasLevel(const QString &variantId, const QString &locationId) const
{
    const auto rids = levelRids(variantId, locationId);
    if (!rids.ok())
        reportError(rids.error());
    return rids.ok() && !rids->isEmpty();
}

int InventoryLevelModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows.size();
}

QString InventoryLevelModel::unsortableTip() const
{
    return tr("Lists sort by Available only (the other columns have no index).");
}

QString InventoryLevelModel::columnTitle(int column) const
{
    switch (column) {
    case SkuColumn: return tr("SKU");
    case ProductColumn: return tr("Product");
    case OptionsColumn: return tr("Options");
    case LocationColumn: return tr("Location");
    case OnHandColumn: return tr("On hand");
    case CommittedColumn: return tr("Committed");
    case AvailableColumn: return tr("Available");
    case ThresholdColumn: return tr("Low at");
    default: return {};
    }
}

QVariant InventoryLevelModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int column = index.column();
    if (role == Qt::TextAlignmentRole)
        return alignment(isNumericColumn(column));
    if (role == RidRole)
        return m_rows.keyAt(index.row());
    const InventoryLevelRow *row = rowOrNull(m_rows, index.row());
    if (!row)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return displayData(*row, column);
    case VariantIdRole:
        return row->variantId;
    case LocationIdRole:
        return row->locationId;
    case ProductIdRole:
        return row->productId;
    case UnsyncedRole:
        return row->unsynced;
    case LowStockRole:
        return row->isLow();
    case Qt::FontRole: {
        if (!row->unsynced && !(row->isLow() && column == AvailableColumn))
            return {};
        QFont font;
        font.setItalic(row->unsynced);
        font.setBold(row->isLow() && column == AvailableColumn);
        return font;
    }
    case Qt::ToolTipRole: {
        QStringList lines;
        if (row->unsynced)
            lines << tr("Not synced yet: this level has a change the server has not confirmed.");
        if (row->isLow())
            lines << tr("Low stock: %1 available, low at %2.").arg(row->available).arg(*row->lowStockThreshold);
        if (column == SkuColumn && !row->barcode.isEmpty())
            lines << tr("Barcode %1").arg(row->barcode);
        return lines.isEmpty() ? QVariant() : QVariant(lines.join(u'\n'));
    }
    default:
        return {};
    }
}

QVariant InventoryLevelModel::displayData(const InventoryLevelRow &row, int column) const
{
    const ShopFormat &f = format();
    switch (column) {
    case SkuColumn: return row.sku;
    case ProductColumn: return row.productTitle;
    case OptionsColumn: return row.optionsTitle;
    case LocationColumn: return row.locationName;
    case OnHandColumn: return f.number(row.onHand);
    case CommittedColumn: return f.number(row.committed);
    case AvailableColumn: return f.number(row.available);
    case ThresholdColumn: return row.lowStockThreshold ? f.number(*row.lowStockThreshold) : QString();
    default: return {};
    }
}

} // namespace sk
