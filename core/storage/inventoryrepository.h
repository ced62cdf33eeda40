#pragma once

#include "domain/records.h"
#include "storage/keysetpage.h"
#include "util/result.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace sk {

class SqliteDatabase;

enum class InventorySort { Available, Rid };

struct InventoryQuery
{
    // Required: a location id, or allLocations() for one row per level across locations.
    QString locationId;
    // Only levels with a threshold whose available quantity is at or below it.
    bool lowStockOnly = false;
    InventorySort sort = InventorySort::Available;
    SortOrder order = SortOrder::Ascending;
    std::optional<SortKey> after;
    int limit = 200;

    static QString allLocations() { return QStringLiteral("all"); }
};

// One line of the inventory list: one (variant, location) level.
struct InventoryRow
{
    qint64 rid = 0; // inventory_levels.rid
    QString variantId;
    QString locationId;
    QString productTitle;
    QString sku;
    QString optionsTitle; // "Red / M"
    QString locationName;
    qint64 onHand = 0;
    qint64 committed = 0;
    qint64 available = 0;
    std::optional<qint64> lowStockThreshold;
};

struct LedgerQuery
{
    QString variantId;                // empty = any
    QString locationId;               // empty = any
    QList<InventoryReason> reasons;   // empty = any
    std::optional<qint64> from;       // created_at >= from
    std::optional<qint64> to;         // created_at < to
    std::optional<SortKey> after;     // newest first: (created_at, rid) descending
    int limit = 200;
};

// Stock levels per (variant, location) and the append-only ledger that explains them.
// Reads work on any connection; writes must run inside ShopStore::write() on the writer.
class InventoryRepository
{
public:
    explicit InventoryRepository(SqliteDatabase &db) : m_db(db) {}

    Result<std::optional<InventoryLevel>> level(const QString &variantId, const QString &locationId);
    Result<QList<InventoryLevel>> levelsOfVariant(const QString &variantId); // by location name
    Result<KeysetPage<InventoryRow>> list(const InventoryQuery &query);

    Result<KeysetPage<LedgerEntry>> ledger(const LedgerQuery &query);
    Result<std::optional<LedgerEntry>> ledgerEntry(const QString &id);
    // Sum of all deltas recorded for a level; equals on_hand when every change went through
    // recordAdjustment().
    Result<qint64> ledgerSum(const QString &variantId, const QString &locationId);

    // Inserts or replaces a level as the server reports it (no ledger row).
    Result<void> upsertLevel(const InventoryLevel &level);
    // Appends one ledger row as given (sync and import); a missing id gets a fresh one. With
    // KeepExisting, an entry whose id is already there is left as it is (the ledger is
    // append-only, so the same entry pulled twice is inserted once).
    enum class IfPresent { Fail, KeepExisting };
    Result<void> appendLedger(const LedgerEntry &entry, IfPresent ifPresent = IfPresent::Fail);
    // Changes on_hand by delta (creating the level at 0 first if absent) and appends the
    // matching ledger row with quantity_after, all-or-nothing. Domain rules (oversell and
    // the like) are the caller's; a zero delta is refused with code inventory.zero_delta.
    Result<LedgerEntry> recordAdjustment(const QString &variantId, const QString &locationId, qint64 delta,
                                         InventoryReason reason, const QString &reference, const QString &note,
                                         const QString &userId, const QString &userName, qint64 atMs);

    // The SQL behind the list queries, for query-plan tests (EXPLAIN QUERY PLAN).
    static QByteArray listSql(const InventoryQuery &query);
    static QByteArray ledgerSql(const LedgerQuery &query);

private:
    SqliteDatabase &m_db;
};

} // namespace sk
