#include "ledgermodel.h"

#include "storage/inventoryrepository.h"
#include "storage/shoprepository.h"

using namespace Qt::StringLiterals;

namespace sk {

LedgerModel::LedgerModel(QObject *parent) : StoreListModel(ColumnCount, -1, parent) {}

QString LedgerModel::reasonText(InventoryReason reason)
{
    switch (reason) {
    case InventoryReason::Received: return tr("Received");
    case InventoryReason::Sold: return tr("Sold");
    case InventoryReason::Returned: return tr("Returned");
    case InventoryReason::Damaged: return tr("Damaged");
    case InventoryReason::Shrinkage: return tr("Shrinkage");
    case InventoryReason::CycleCount: return tr("Stock count");
    case InventoryReason::Correction: return tr("Correction");
    case InventoryReason::TransferIn: return tr("Transfer in");
    case InventoryReason::TransferOut: return tr("Transfer out");
    case InventoryReason::Import: return tr("Import");
    }
    return {};
}

void LedgerModel::setFilter(const LedgerFilter &filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    reloadIfOpen();
}

Result<void> LedgerModel::load(SqliteDatabase &db)
{
    SK_TRY_ASSIGN(locations, ShopRepository(db).locations());
    m_locations = locations;
    m_locationNames.clear();
    for (const Location &location : std::as_const(m_locations))
        m_locationNames.insert(location.id, location.name);
    SK_TRY_ASSIGN(page, readPage(db, std::nullopt));
    m_entries = std::move(page.rows);
    m_next = page.next;
    return {};
}

Result<KeysetPage<LedgerEntry>> LedgerModel::readPage(SqliteDatabase &db, const std::optional<SortKey> &after)
{
    LedgerQuery query;
    query.variantId = m_filter.variantId;
    query.locationId = m_filter.locationId;
    query.reasons = m_filter.reasons;
    if (m_filter.from.isValid())
        query.from = format().startOfDay(m_filter.from);
    if (m_filter.to.isValid())
        query.to = format().startOfDay(m_filter.to.addDays(1));
    query.after = after;
    query.limit = PageSize;
    return InventoryRepository(db).ledger(query);
}

void LedgerModel::clearRows()
{
    m_entries.clear();
    m_next.reset();
}

QString LedgerModel::errorText(const QString &reason) const
{
    return tr("Could not read the stock history: %1").arg(reason);
}

bool LedgerModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_next.has_value() && db() && !isResetting();
}

void LedgerModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    auto page = readPage(*db(), m_next);
    if (!page.ok()) {
        m_next.reset(); // do not retry on every scroll
        reportError(page.error());
        return;
    }
    if (page->rows.isEmpty()) {
        m_next.reset();
        return;
    }
    const int first = int(m_entries.size());
    m_next.reset(); // a view reacting to the insertion must not fetch the same page again
    beginInsertRows({}, first, first + int(page->rows.size()) - 1);
    m_entries += page->rows;
    endInsertRows();
    m_next = page->next;
}

std::optional<LedgerEntry> LedgerModel::entryAt(int row) const
{
    if (row < 0 || row >= m_entries.size())
        return std::nullopt;
    return m_entries.at(row);
}

int LedgerModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QString LedgerModel::columnTitle(int column) const
{
    switch (column) {
    case WhenColumn: return tr("When");
    case LocationColumn: return tr("Location");
    case ReasonColumn: return tr("Reason");
    case ChangeColumn: return tr("Change");
    case AfterColumn: return tr("On hand after");
    case ReferenceColumn: return tr("Reference");
    case NoteColumn: return tr("Note");
    case UserColumn: return tr("By");
    default: return {};
    }
}

QVariant LedgerModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const LedgerEntry &entry = m_entries.at(index.row());
    if (role == Qt::TextAlignmentRole)
        return alignment(isNumericColumn(index.column()));
    if (role == Qt::ToolTipRole && index.column() == NoteColumn && !entry.note.isEmpty())
        return entry.note;
    if (role == Qt::DisplayRole)
        return displayData(entry, index.column());
    return {};
}

QVariant LedgerModel::displayData(const LedgerEntry &entry, int column) const
{
    switch (column) {
    case WhenColumn: return format().dateTime(entry.createdAt);
    case LocationColumn: return m_locationNames.value(entry.locationId, entry.locationId);
    case ReasonColumn: return reasonText(entry.reason);
    case ChangeColumn: return format().signedNumber(entry.delta);
    case AfterColumn: return format().number(entry.quantityAfter);
    case ReferenceColumn: return entry.reference;
    case NoteColumn: return entry.note;
    case UserColumn: return entry.userName;
    default: return {};
    }
}

} // namespace sk
