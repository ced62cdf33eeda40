#pragma once

#include "domain/records.h"
#include "local/entityref.h"
#include "util/result.h"

#include <QJsonObject>
#include <QStringList>

#include <optional>
#include <utility>
#include <variant>

namespace sk {

class JsonReader;
class SqliteDatabase;

// Reads and writes one entity of the local cache as its RecordJson document (the same shape
// the change feed carries), so sync code never needs per-table SQL. An order is its
// OrderDetail (lines, fulfilments, refunds, events); a customer carries its addresses.
//
// Rules worth knowing:
// - A write needs the entity's parents to be there (a variant its product, a level its variant
//   and location, an order its customer): a missing one is "sync.missing_parent" with the
//   parent's "<type>:<id>" in detail, unless the connection defers or disables foreign keys.
// - Deleting a product deletes its variants and their stock levels, deleting a variant its
//   levels, an order its lines, fulfilments, refunds and events, a customer its addresses.
//   The ledger is never deleted or updated: a "ledger_entry" write inserts an absent entry and
//   otherwise does nothing; deleting one does nothing.
// - The document's id must be the ref's ("sync.entity_mismatch"); an inventory level's id is
//   "<variant_id>:<location_id>", shop settings' the shop id.
class EntityDocuments
{
public:
    // What a write does when the document takes a unique key (product handle, variant SKU,
    // customer e-mail) that another local row still holds.
    enum class KeyClash {
        // Server documents: the server keeps keys unique, so the other row is stale (its own
        // newer document comes later in the feed) or a local edit the server will refuse. Its
        // key is parked (SKU and e-mail cleared, handle "parked-<id>") and the write goes on.
        ServerWins,
        // Local edits: the write fails with the repository's code (product.duplicate_handle,
        // product.duplicate_sku, customer.duplicate_email).
        Fail,
    };

    // The visible row as a document, or nullopt when there is none.
    static Result<std::optional<QJsonObject>> read(SqliteDatabase &db, const EntityRef &ref);
    // Upserts the document (children replaced), or deletes the row (and its children) for
    // nullopt. Order documents of a warehouse caller arrive without money and customer fields
    // (redacted): they are read leniently, missing money as 0 and missing customer fields empty.
    // Redacted refunds (no amount) are not stored: a refund needs an amount above zero.
    // Server documents: key clashes are KeyClash::ServerWins.
    static Result<void> write(SqliteDatabase &db, const EntityRef &ref, const std::optional<QJsonObject> &doc);
    static Result<void> write(SqliteDatabase &db, const EntityRef &ref, const std::optional<QJsonObject> &doc,
                              KeyClash clash);
    // The row's version, or 0 when there is none.
    static Result<qint64> version(SqliteDatabase &db, const EntityRef &ref);
    // The row's version, or nullopt when there is no row.
    static Result<std::optional<qint64>> storedVersion(SqliteDatabase &db, const EntityRef &ref);
    // write() of a server document for an entity that has no local row (storedVersion() is
    // nullopt), the common case of a first download: an order's lines, fulfilments, refunds and
    // events cannot be there either, so nothing is deleted first. Same reading, checks and
    // result as write(). Runs in the caller's transaction without a savepoint of its own: on a
    // failure the caller rolls back (a half-written order may be left otherwise).
    static Result<void> insertNew(SqliteDatabase &db, const EntityRef &ref, const QJsonObject &doc);
    // insertNew() in two steps, so a download can read documents on one thread and write them
    // on another: decode() is the reading and checking (no database, thread-safe), and
    // insertDecoded() the writing of what it returned. A customer carries its addresses.
    using Record = std::variant<ShopSettings, Location, Product, Variant, InventoryLevel, LedgerEntry, Customer,
                                OrderDetail>;
    static Result<Record> decode(const EntityRef &ref, const JsonReader &doc);
    static Result<void> insertDecoded(SqliteDatabase &db, const EntityRef &ref, const Record &record);
    // write() of a decoded server document, for an entity that may have a local row.
    static Result<void> writeDecoded(SqliteDatabase &db, const EntityRef &ref, const Record &record);
    // The row is there (cheaper than read()).
    static Result<bool> exists(SqliteDatabase &db, const EntityRef &ref);

    // Every entity type of the change feed, parents before children.
    static const QStringList &types();
    // The position of a type in types(): write parents in ascending rank, delete children first.
    // Unknown types rank last.
    static int typeRank(const QString &type);
    // "<variant_id>:<location_id>" and back (nullopt when the id is not of that form).
    static QString levelId(const QString &variantId, const QString &locationId);
    static std::optional<std::pair<QString, QString>> splitLevelId(const QString &id);
};

} // namespace sk
