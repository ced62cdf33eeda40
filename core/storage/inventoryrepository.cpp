#include "inventoryrepository.h"

#include "storage/repositorysql.h"
#include "storage/sqlitedatabase.h"
#include "storage/sqlitetransaction.h"
#include "util/uuidv7.h"

#include <QCoreApplication>
#include <QStringList>

namespace sk {

using namespace repositorysql;

namespace {

#define SK_LEVEL_COLUMNS "l.variant_id, l.location_id, l.on_hand, l.committed, l.low_stock_threshold, l.version, l.updated_at"

InventoryLevel readLevel(const SqliteStatement &s)
{
    InventoryLevel l;
    l.variantId = s.text(0);
    l.locationId = s.text(1);
    l.onHand = s.int64(2);
    l.committed = s.int64(3);
    l.lowStockThreshold = s.optionalInt64(4);
    l.version = s.int64(5);
    l.updatedAt = s.int64(6);
    return l;
}

#define SK_LEDGER_COLUMNS                                                                                     \
    "g.rid, g.id, g.variant_id, g.location_id, g.delta, g.quantity_after, g.reason, g.reference, g.note, "     \
    "g.user_id, g.user_name, g.created_at, g.version, g.updated_at"

LedgerEntry readLedger(const SqliteStatement &s, qint64 *rid)
{
    LedgerEntry e;
    *rid = s.int64(0);
    e.id = s.text(1);
    e.variantId = s.text(2);
    e.locationId = s.text(3);
    e.delta = s.int64(4);
    e.quantityAfter = s.int64(5);
    e.reason = enumFrom(s, 6, InventoryReason::Correction);
    e.reference = s.text(7);
    e.note = s.text(8);
    e.userId = s.text(9);
    e.userName = s.text(10);
    e.createdAt = s.int64(11);
    e.version = s.int64(12);
    e.updatedAt = s.int64(13);
    return e;
}

// Must match the expression of the inventory_levels_available* indexes.
constexpr const char *kAvailable = "(l.on_hand - l.committed)";

} // namespace

Result<std::optional<InventoryLevel>> InventoryRepository::level(const QString &variantId, const QString &locationId)
{
    SK_TRY_ASSIGN(s, m_db.cached("SELECT " SK_LEVEL_COLUMNS " FROM inventory_levels l "
                                 "WHERE l.variant_id = ?1 AND l.location_id = ?2"));
    s->bind(1, variantId).bind(2, locationId);
    return readOne(*s, readLevel);
}

Result<QList<InventoryLevel>> InventoryRepository::levelsOfVariant(const QString &variantId)
{
    SK_TRY_ASSIGN(s, m_db.cached("SELECT " SK_LEVEL_COLUMNS " FROM inventory_levels l "
                                 "JOIN locations loc ON loc.id = l.location_id WHERE l.variant_id = ?1 "
                                 "ORDER BY loc.name COLLATE NOCASE, l.rid"));
    s->bind(1, variantId);
    QList<InventoryLevel> out;
    for (;;) {
        SK_TRY_ASSIGN(hasRow, s->step());
        if (!hasRow)
            break;
        out.append(readLevel(*s));
    }
    return out;
}

// Parameters: ?1 location, ?2/?3 keyset value/rid, ?4 limit.
QByteArray InventoryRepository::listSql(const InventoryQuery &query)
{
    const bool all = query.locationId == InventoryQuery::allLocations();
    QByteArray index;
    if (query.sort == InventorySort::Available)
        index = all ? "INDEXED BY inventory_levels_available_any" : "INDEXED BY inventory_levels_available";
    else
        index = all ? "NOT INDEXED" : "INDEXED BY inventory_levels_location";
    const QByteArray col = query.sort == InventorySort::Available ? QByteArray(kAvailable) : QByteArray("l.rid");

    QByteArrayList conds;
    if (!all)
        conds.append("l.location_id = ?1");
    if (query.lowStockOnly)
        conds.append("l.low_stock_threshold IS NOT NULL AND " + QByteArray(kAvailable) + " <= l.low_stock_threshold");
    if (query.after) {
        if (query.sort == InventorySort::Rid)
            conds.append(query.order == SortOrder::Ascending ? "l.rid > ?3" : "l.rid < ?3");
        else
            conds.append(keysetCondition(col, "l.rid", query.order, 2, 3));
    }
    const QByteArray dir = direction(query.order);
    QByteArray orderBy = " ORDER BY " + col + dir;
    if (query.sort == InventorySort::Available)
        orderBy += ", l.rid" + dir;
    // CROSS JOIN keeps the level index as the outer loop, so rows come out in index order.
    return "SELECT l.rid, l.variant_id, l.location_id, p.title, v.sku, v.option1, v.option2, v.option3, loc.name, "
           "l.on_hand, l.committed, "
        + QByteArray(kAvailable)
        + ", l.low_stock_threshold FROM inventory_levels l " + index
        + " CROSS JOIN variants v ON v.id = l.variant_id CROSS JOIN products p ON p.id = v.product_id "
          "CROSS JOIN locations loc ON loc.id = l.location_id"
        + (conds.isEmpty() ? QByteArray() : " WHERE " + conds.join(" AND ")) + orderBy + " LIMIT ?4";
}

Result<KeysetPage<InventoryRow>> InventoryRepository::list(const InventoryQuery &query)
{
    if (query.locationId.isEmpty()) {
        return makeError(QStringLiteral("inventory.location_required"),
                         QCoreApplication::translate("InventoryRepository",
                                                     "Choose a location, or all locations, to list inventory."));
    }
    const int limit = clampLimit(query.limit);
    SK_TRY_ASSIGN(s, m_db.cached(listSql(query).constData()));
    if (query.locationId != InventoryQuery::allLocations())
        s->bind(1, query.locationId);
    if (query.after) {
        if (query.sort == InventorySort::Available)
            bindSortValue(*s, 2, *query.after);
        s->bind(3, query.after->rid);
    }
    s->bind(4, limit + 1);
    QList<InventoryRow> rows;
    for (;;) {
        SK_TRY_ASSIGN(hasRow, s->step());
        if (!hasRow)
            break;
        InventoryRow r;
        r.rid = s->int64(0);
        r.variantId = s->text(1);
        r.locationId = s->text(2);
        r.productTitle = s->text(3);
        r.sku = s->text(4);
        QStringList options;
        for (int c = 5; c <= 7; ++c) {
            const QString o = s->text(c);
            if (!o.isEmpty())
                options.append(o);
        }
        r.optionsTitle = options.join(QStringLiteral(" / "));
        r.locationName = s->text(8);
        r.onHand = s->int64(9);
        r.committed = s->int64(10);
        r.available = s->int64(11);
        r.lowStockThreshold = s->optionalInt64(12);
        rows.append(std::move(r));
    }
    const InventorySort sort = query.sort;
    return finishPage(std::move(rows), limit, [sort](const InventoryRow &r) {
        SortKey key;
        key.value = sort == InventorySort::Available ? r.available : r.rid;
        key.rid = r.rid;
        return key;
    });
}

// Parameters: ?1 variant, ?2 location, ?3 reasons (JSON array), ?4 from, ?5 to,
// ?6/?7 keyset created_at/rid, ?8 limit.
QByteArray InventoryRepository::ledgerSql(const LedgerQuery &query)
{
    QByteArray index = "inventory_ledger_created";
    if (!query.variantId.isEmpty())
        index = "inventory_ledger_variant";
    else if (!query.locationId.isEmpty())
        index = "inventory_ledger_location";
    QByteArrayList conds;
    if (!query.variantId.isEmpty())
        conds.append("g.variant_id = ?1");
    if (!query.locationId.isEmpty())
        conds.append("g.location_id = ?2");
    if (!query.reasons.isEmpty())
        conds.append("g.reason IN (SELECT value FROM json_each(?3))");
    if (query.from)
        conds.append("g.created_at >= ?4");
    if (query.to)
        conds.append("g.created_at < ?5");
    if (query.after)
        conds.append(keysetCondition("g.created_at", "g.rid", SortOrder::Descending, 6, 7));
    return "SELECT " SK_LEDGER_COLUMNS " FROM inventory_ledger g INDEXED BY " + index
        + (conds.isEmpty() ? QByteArray() : " WHERE " + conds.join(" AND "))
        + " ORDER BY g.created_at DESC, g.rid DESC LIMIT ?8";
}

Result<KeysetPage<LedgerEntry>> InventoryRepository::ledger(const LedgerQuery &query)
{
    const int limit = clampLimit(query.limit);
    SK_TRY_ASSIGN(s, m_db.cached(ledgerSql(query).constData()));
    if (!query.variantId.isEmpty())
        s->bind(1, query.variantId);
    if (!query.locationId.isEmpty())
        s->bind(2, query.locationId);
    if (!query.reasons.isEmpty()) {
        QStringList names;
        for (InventoryReason r : query.reasons)
            names.append(toString(r));
        s->bindUtf8(3, jsonTextArray(names));
    }
    if (query.from)
        s->bind(4, *query.from);
    if (query.to)
        s->bind(5, *query.to);
    if (query.after) {
        bindSortValue(*s, 6, *query.after);
        s->bind(7, query.after->rid);
    }
    s->bind(8, limit + 1);
    QList<std::pair<qint64, LedgerEntry>> rows;
    for (;;) {
        SK_TRY_ASSIGN(hasRow, s->step());
        if (!hasRow)
            break;
        qint64 rid = 0;
        LedgerEntry e = readLedger(*s, &rid);
        rows.append({rid, std::move(e)});
    }
    auto paged = finishPage(std::move(rows), limit, [](const std::pair<qint64, LedgerEntry> &r) {
        SortKey key;
        key.value = r.second.createdAt;
        key.rid = r.first;
        return key;
    });
    KeysetPage<LedgerEntry> page;
    page.next = paged.next;
    page.rows.reserve(paged.rows.size());
    for (auto &r : paged.rows)
        page.rows.append(std::move(r.second));
    return page;
}

Result<qint64> InventoryRepository::ledgerSum(const QString &variantId, const QString &locationId)
{
    SK_TRY_ASSIGN(s, m_db.cached("SELECT coalesce(sum(delta), 0) FROM inventory_ledger "
                                 "WHERE variant_id = ?1 AND location_id = ?2"));
    s->bind(1, variantId).bind(2, locationId);
    SK_TRY_ASSIGN(sum, readOne(*s, [](const SqliteStatement &r) { return r.int64(0); }));
    return sum.value_or(0);
}

Result<void> InventoryRepository::upsertLevel(const InventoryLevel &level)
{
    SK_TRY_ASSIGN(s, m_db.cached("INSERT INTO inventory_levels (variant_id, location_id, on_hand, committed, "
                                 "low_stock_threshold, version, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) "
                                 "ON CONFLICT (variant_id, location_id) DO UPDATE SET on_hand = excluded.on_hand, "
                                 "committed = excluded.committed, low_stock_threshold = excluded.low_stock_threshold, "
                                 "version = excluded.version, updated_at = excluded.updated_at"));
    s->bind(1, level.variantId).bind(2, level.locationId).bind(3, level.onHand).bind(4, level.committed);
    s->bind(5, level.lowStockThreshold).bind(6, level.version).bind(7, level.updatedAt);
    return s->exec();
}

Result<std::optional<LedgerEntry>> InventoryRepository::ledgerEntry(const QString &id)
{
    SK_TRY_ASSIGN(s, m_db.cached("SELECT " SK_LEDGER_COLUMNS " FROM inventory_ledger g WHERE g.id = ?1"));
    s->bind(1, id);
    return readOne(*s, [](const SqliteStatement &row) {
        qint64 rid = 0;
        return readLedger(row, &rid);
    });
}

Result<void> InventoryRepository::appendLedger(const LedgerEntry &entry, IfPresent ifPresent)
{
    SK_TRY_ASSIGN(s, ifPresent == IfPresent::Fail
                         ? m_db.cached("INSERT INTO inventory_ledger (id, variant_id, location_id, delta, quantity_after, "
                                       "reason, reference, note, user_id, user_name, created_at, version, updated_at) "
                                       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)")
                         : m_db.cached("INSERT INTO inventory_ledger (id, variant_id, location_id, delta, quantity_after, "
                                       "reason, reference, note, user_id, user_name, created_at, version, updated_at) "
                                       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13) "
                                       "ON CONFLICT (id) DO NOTHING"));
    s->bind(1, entry.id.isEmpty() ? UuidV7::toText(UuidV7::create()) : entry.id);
    s->bind(2, entry.variantId).bind(3, entry.locationId).bind(4, entry.delta).bind(5, entry.quantityAfter);
    s->bind(6, toString(entry.reason));
    bindText(*s, 7, entry.reference);
    bindText(*s, 8, entry.note);
    bindOptionalText(*s, 9, entry.userId);
    bindText(*s, 10, entry.userName);
    s->bind(11, entry.createdAt).bind(12, entry.version).bind(13, entry.updatedAt);
    return s->exec();
}

Result<LedgerEntry> InventoryRepository::recordAdjustment(const QString &variantId, const QString &locationId,
                                                          qint64 delta, InventoryReason reason,
                                                          const QString &reference, const QString &note,
                                                          const QString &userId, const QString &userName, qint64 atMs)
{
    if (delta == 0) {
        return makeError(QStringLiteral("inventory.zero_delta"),
                         QCoreApplication::translate("InventoryRepository",
                                                     "An adjustment must change the quantity."));
    }
    // The level and its ledger row succeed or fail together, even if the caller goes on.
    SK_TRY_ASSIGN(savepoint, SqliteSavepoint::begin(m_db, "record_adjustment"));
    SK_TRY_ASSIGN(s, m_db.cached("INSERT INTO inventory_levels (variant_id, location_id, on_hand, committed, updated_at) "
                                 "VALUES (?1, ?2, ?3, 0, ?4) ON CONFLICT (variant_id, location_id) DO UPDATE SET "
                                 "on_hand = on_hand + excluded.on_hand, updated_at = excluded.updated_at "
                                 "RETURNING on_hand"));
    s->bind(1, variantId).bind(2, locationId).bind(3, delta).bind(4, atMs);
    SK_TRY_ASSIGN(returned, readOne(*s, [](const SqliteStatement &r) { return r.int64(0); }));
    if (!returned)
        return makeError(QStringLiteral("sqlite.no_row"), QStringLiteral("The level upsert returned no row."), s->sql());
    const qint64 onHand = *returned;

    LedgerEntry entry;
    entry.id = UuidV7::toText(UuidV7::create());
    entry.variantId = variantId;
    entry.locationId = locationId;
    entry.delta = delta;
    entry.quantityAfter = onHand;
    entry.reason = reason;
    entry.reference = reference;
    entry.note = note;
    entry.userId = userId;
    entry.userName = userName;
    entry.createdAt = atMs;
    entry.updatedAt = atMs;
    SK_TRY(appendLedger(entry));
    SK_TRY(savepoint.release());
    return entry;
}

} // namespace sk
