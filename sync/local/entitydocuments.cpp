#include "entitydocuments.h"

#include "domain/recordjson.h"
#include "storage/customerrepository.h"
#include "storage/inventoryrepository.h"
#include "storage/orderrepository.h"
#include "storage/productrepository.h"
#include "storage/repositorysql.h"
#include "storage/shoprepository.h"
#include "storage/sqlitedatabase.h"
#include "storage/sqlitetransaction.h"
#include "synclogging.h"

#include <QCoreApplication>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace sk {

using namespace repositorysql;

namespace {

const QString kShopSettings = u"shop_settings"_s;
const QString kLocation = u"location"_s;
const QString kProduct = u"product"_s;
const QString kVariant = u"variant"_s;
const QString kLevel = u"inventory_level"_s;
const QString kLedger = u"ledger_entry"_s;
const QString kCustomer = u"customer"_s;
const QString kOrder = u"order"_s;

QString refText(const EntityRef &ref)
{
    return ref.type + u':' + ref.id;
}

Error unknownType(const EntityRef &ref)
{
    return makeError(u"sync.unknown_entity_type"_s, QCoreApplication::translate("sk::EntityDocuments", "There is no record type called \u201C%1\u201D.").arg(ref.type),
                     refText(ref));
}

Error badLevelId(const EntityRef &ref)
{
    return makeError(u"sync.bad_entity_id"_s,
                     QCoreApplication::translate("sk::EntityDocuments", "A stock level's id must be \u201C<variant id>:<location id>\u201D, not \u201C%1\u201D.")
                         .arg(ref.id),
                     refText(ref));
}

Error mismatch(const EntityRef &ref, const QString &docId)
{
    return makeError(u"sync.entity_mismatch"_s,
                     QCoreApplication::translate("sk::EntityDocuments", "The document for %1 %2 describes %3 instead.").arg(ref.type, ref.id, docId), refText(ref));
}

bool isForeignKeyFailure(const Error &error)
{
    return error.code == u"sqlite.constraint" && error.message.contains(QLatin1String("FOREIGN KEY"));
}

// A row with this id is in the table. `sql` selects 1 by ?1.
Result<bool> rowExists(SqliteDatabase &db, const char *sql, const QString &id)
{
    SK_TRY_ASSIGN(s, db.cached(sql));
    s->bind(1, id);
    SK_TRY_ASSIGN(found, readOne(*s, [](const SqliteStatement &) { return true; }));
    return found.has_value();
}

struct Parent
{
    EntityRef ref;
    const char *existsSql;
};

// A write refused by a foreign key becomes "sync.missing_parent" naming the absent parent, so
// a caller can tell a record that arrived before its parent from a real failure.
Result<void> explainForeignKey(SqliteDatabase &db, const EntityRef &ref, Result<void> written,
                               const QList<Parent> &parents)
{
    if (written.ok() || !isForeignKeyFailure(written.error()))
        return written;
    for (const Parent &parent : parents) {
        if (parent.ref.id.isEmpty())
            continue;
        SK_TRY_ASSIGN(exists, rowExists(db, parent.existsSql, parent.ref.id));
        if (!exists) {
            return makeError(u"sync.missing_parent"_s,
                             QCoreApplication::translate("sk::EntityDocuments", "The %1 %2 refers to %3 %4, which is not in this shop file (yet).")
                                 .arg(ref.type, ref.id, parent.ref.type, parent.ref.id),
                             refText(parent.ref));
        }
    }
    return written;
}

constexpr const char *kProductExists = "SELECT 1 FROM products WHERE id = ?1";
constexpr const char *kVariantExists = "SELECT 1 FROM variants WHERE id = ?1";
constexpr const char *kLocationExists = "SELECT 1 FROM locations WHERE id = ?1";
constexpr const char *kCustomerExists = "SELECT 1 FROM customers WHERE id = ?1";

Result<void> exec(SqliteDatabase &db, const char *sql, const QString &a, const QString &b = {})
{
    SK_TRY_ASSIGN(s, db.cached(sql));
    s->bind(1, a);
    if (!b.isNull())
        s->bind(2, b);
    return s->exec();
}

// ---- key clashes ------------------------------------------------------------------------

// Moves a unique key off the other row that holds it (see KeyClash::ServerWins).
Result<void> parkKey(SqliteDatabase &db, const Error &clash, const EntityRef &ref, const QString &value)
{
    const char *sql = nullptr;
    if (clash.code == u"product.duplicate_handle")
        sql = "UPDATE products SET handle = 'parked-' || id WHERE handle = ?1 AND id <> ?2";
    else if (clash.code == u"product.duplicate_sku")
        sql = "UPDATE variants SET sku = NULL WHERE sku = ?1 AND id <> ?2";
    else if (clash.code == u"customer.duplicate_email")
        sql = "UPDATE customers SET email = NULL WHERE email = ?1 COLLATE NOCASE AND id <> ?2";
    if (!sql)
        return clash;
    qCInfo(lcSyncPull) << "the server's" << ref.type << ref.id << "takes a key from a stale local row:" << clash.code;
    return exec(db, sql, value, ref.id);
}

template <typename Fn>
Result<void> upsertKeyed(SqliteDatabase &db, const EntityRef &ref, EntityDocuments::KeyClash clash,
                         const QString &keyValue, Fn upsert)
{
    Result<void> first = upsert();
    if (first.ok() || clash != EntityDocuments::KeyClash::ServerWins || keyValue.isEmpty())
        return first;
    const QString &code = first.error().code;
    if (code != u"product.duplicate_handle" && code != u"product.duplicate_sku" && code != u"customer.duplicate_email")
        return first;
    // The parked key comes back if the second try fails too.
    SK_TRY_ASSIGN(savepoint, SqliteSavepoint::begin(db, "key_clash"));
    SK_TRY(parkKey(db, first.error(), ref, keyValue));
    SK_TRY(upsert());
    return savepoint.release();
}

// ---- reading ----------------------------------------------------------------------------

template <typename T>
Result<std::optional<QJsonObject>> asDocument(Result<std::optional<T>> found)
{
    if (!found.ok())
        return found.error();
    if (!found.value())
        return std::optional<QJsonObject>();
    return std::optional<QJsonObject>(RecordJson::toJson(*found.value()));
}

// ---- writing ----------------------------------------------------------------------------

// lenientOrder() would change the document: it lacks money (a warehouse caller's), or its
// "lines" or "refunds" is not an array of objects (the strict reading after it names those).
bool needsLeniency(const JsonReader &order)
{
    if (!order.has(u"subtotal") || !order.has(u"total"))
        return true;
    const auto lines = order.objectArray(u"lines");
    if (!lines.ok())
        return true;
    for (const JsonReader &line : *lines) {
        if (!line.has(u"unit_price") || !line.has(u"total"))
            return true;
    }
    const auto refunds = order.objectArray(u"refunds");
    if (!refunds.ok())
        return true;
    for (const JsonReader &refund : *refunds) {
        if (!refund.has(u"amount"))
            return true;
    }
    return false;
}

bool present(const QJsonObject &o, QStringView key)
{
    const QJsonValue v = o.value(key);
    return !v.isUndefined() && !v.isNull();
}

// A warehouse caller's order lacks money and customer fields (server/api/redaction.cpp).
// Customer fields are optional in RecordJson already; required money becomes 0. A refund
// without its amount cannot be stored (amount > 0) and is left out.
QJsonObject lenientOrder(QJsonObject order)
{
    for (QStringView key : {QStringView(u"subtotal"), QStringView(u"total")}) {
        if (!present(order, key))
            order.insert(key, 0);
    }
    QJsonArray lines;
    for (const QJsonValue &value : order.value(u"lines").toArray()) {
        if (!value.isObject()) {
            lines.append(value); // the strict parser names it
            continue;
        }
        QJsonObject line = value.toObject();
        for (QStringView key : {QStringView(u"unit_price"), QStringView(u"total")}) {
            if (!present(line, key))
                line.insert(key, 0);
        }
        lines.append(line);
    }
    if (order.contains(u"lines"))
        order.insert(u"lines", lines);
    if (order.value(u"refunds").isArray()) {
        QJsonArray refunds;
        for (const QJsonValue &value : order.value(u"refunds").toArray()) {
            if (value.isObject() && !present(value.toObject(), u"amount"))
                continue;
            refunds.append(value);
        }
        order.insert(u"refunds", refunds);
    }
    return order;
}

Result<void> deleteOrderChildren(SqliteDatabase &db, const QString &orderId)
{
    // Explicit, not left to ON DELETE CASCADE, so a connection with foreign keys off (a bulk
    // or staging load) leaves no orphans either.
    SK_TRY(exec(db, "DELETE FROM fulfillment_lines WHERE fulfillment_id IN (SELECT id FROM fulfillments WHERE order_id = ?1)",
                orderId));
    SK_TRY(exec(db, "DELETE FROM refund_lines WHERE refund_id IN (SELECT id FROM refunds WHERE order_id = ?1)", orderId));
    SK_TRY(exec(db, "DELETE FROM fulfillments WHERE order_id = ?1", orderId));
    SK_TRY(exec(db, "DELETE FROM refunds WHERE order_id = ?1", orderId));
    SK_TRY(exec(db, "DELETE FROM order_events WHERE order_id = ?1", orderId));
    SK_TRY(exec(db, "DELETE FROM order_lines WHERE order_id = ?1", orderId));
    return {};
}

// The order document read leniently (see lenientOrder), converted and copied only when that
// changes it.
Result<OrderDetail> readOrder(const EntityRef &ref, const JsonReader &doc)
{
    SK_TRY_ASSIGN(detail, needsLeniency(doc) ? RecordJson::orderDetailFromJson(lenientOrder(doc.object()))
                                             : RecordJson::orderDetailFromJson(doc));
    if (detail.order.id != ref.id)
        return mismatch(ref, detail.order.id);
    return detail;
}

Result<void> upsertOrderRow(SqliteDatabase &db, const EntityRef &ref, const Order &order)
{
    return explainForeignKey(db, ref, OrderRepository(db).upsertOrder(order),
                             {{{kCustomer, order.customerId}, kCustomerExists}});
}

// An order that has no local row, so no children either (EntityDocuments::insertNew): each
// child is one INSERT, without the per-child savepoint, DELETE and refunded-total recount of
// OrderRepository's upserts. Same rows as writeOrder.
Result<void> insertOrder(SqliteDatabase &db, const EntityRef &ref, const OrderDetail &detail)
{
    SK_TRY(upsertOrderRow(db, ref, detail.order)); // refunded_total is the document's
    OrderRepository orders(db);
    for (const OrderLine &line : std::as_const(detail.lines))
        SK_TRY(orders.upsertLine(line));
    for (const Fulfillment &f : std::as_const(detail.fulfillments))
        SK_TRY(orders.insertNewFulfillment(f));
    for (const Refund &r : std::as_const(detail.refunds))
        SK_TRY(orders.insertNewRefund(r));
    for (const OrderEvent &e : std::as_const(detail.events))
        SK_TRY(orders.upsertEvent(e));
    return {};
}

Result<void> writeOrder(SqliteDatabase &db, const EntityRef &ref, const OrderDetail &detail)
{
    OrderRepository orders(db);
    SK_TRY(upsertOrderRow(db, ref, detail.order));
    SK_TRY(deleteOrderChildren(db, detail.order.id));
    for (const OrderLine &line : std::as_const(detail.lines))
        SK_TRY(orders.upsertLine(line));
    for (const Fulfillment &f : std::as_const(detail.fulfillments))
        SK_TRY(orders.upsertFulfillment(f));
    for (const Refund &r : std::as_const(detail.refunds))
        SK_TRY(orders.upsertRefund(r));
    for (const OrderEvent &e : std::as_const(detail.events))
        SK_TRY(orders.upsertEvent(e));
    if (!detail.refunds.isEmpty()) {
        // upsertRefund recomputed refunded_total from the refunds; the document is the authority.
        SK_TRY_ASSIGN(s, db.cached("UPDATE orders SET refunded_total = ?2 WHERE id = ?1 AND refunded_total <> ?2"));
        s->bind(1, detail.order.id).bind(2, detail.order.refundedTotal);
        SK_TRY(s->exec());
    }
    return {};
}

// The decoded document as a Record, when it describes the entity `ref` names.
template <typename T, typename IdOf>
Result<EntityDocuments::Record> record(Result<T> read, const EntityRef &ref, IdOf idOf)
{
    if (!read.ok())
        return read.error();
    const QString id = idOf(*read);
    if (id != ref.id)
        return mismatch(ref, id);
    return EntityDocuments::Record(std::move(read).value());
}

Result<EntityDocuments::Record> decodeDocument(const EntityRef &ref, const JsonReader &doc)
{
    if (ref.type == kProduct)
        return record(RecordJson::productFromJson(doc), ref, [](const Product &p) { return p.id; });
    if (ref.type == kVariant)
        return record(RecordJson::variantFromJson(doc), ref, [](const Variant &v) { return v.id; });
    if (ref.type == kLevel) {
        return record(RecordJson::inventoryLevelFromJson(doc), ref, [](const InventoryLevel &l) {
            return EntityDocuments::levelId(l.variantId, l.locationId);
        });
    }
    if (ref.type == kLedger)
        return record(RecordJson::ledgerEntryFromJson(doc), ref, [](const LedgerEntry &e) { return e.id; });
    if (ref.type == kLocation)
        return record(RecordJson::locationFromJson(doc), ref, [](const Location &l) { return l.id; });
    if (ref.type == kShopSettings) {
        // The feed may leave the settings' id out.
        return record(RecordJson::shopSettingsFromJson(doc), ref,
                      [&ref](const ShopSettings &s) { return ref.id.isEmpty() ? ref.id : s.shopId; });
    }
    if (ref.type == kCustomer)
        return record(RecordJson::customerFromJson(doc), ref, [](const Customer &c) { return c.id; });
    if (ref.type == kOrder) // readOrder checks the id
        return record(readOrder(ref, doc), ref, [&ref](const OrderDetail &) { return ref.id; });
    return unknownType(ref);
}

// Writes a decoded document. `fresh`: the entity has no local row, so an order has no
// children to clear first (EntityDocuments::insertNew).
Result<void> writeRecord(SqliteDatabase &db, const EntityRef &ref, const EntityDocuments::Record &record,
                         EntityDocuments::KeyClash clash, bool fresh)
{
    if (const auto *product = std::get_if<Product>(&record)) {
        ProductRepository repo(db);
        return upsertKeyed(db, ref, clash, product->handle, [&] { return repo.upsertProduct(*product); });
    }
    if (const auto *variant = std::get_if<Variant>(&record)) {
        ProductRepository repo(db);
        auto written = upsertKeyed(db, ref, clash, variant->sku, [&] { return repo.upsertVariant(*variant); });
        return explainForeignKey(db, ref, std::move(written), {{{kProduct, variant->productId}, kProductExists}});
    }
    if (const auto *level = std::get_if<InventoryLevel>(&record)) {
        return explainForeignKey(db, ref, InventoryRepository(db).upsertLevel(*level),
                                 {{{kVariant, level->variantId}, kVariantExists},
                                  {{kLocation, level->locationId}, kLocationExists}});
    }
    if (const auto *entry = std::get_if<LedgerEntry>(&record)) {
        // Append-only: an entry already here is never changed.
        return InventoryRepository(db).appendLedger(*entry, InventoryRepository::IfPresent::KeepExisting);
    }
    if (const auto *location = std::get_if<Location>(&record))
        return ShopRepository(db).upsertLocation(*location);
    if (const auto *settings = std::get_if<ShopSettings>(&record))
        return ShopRepository(db).saveSettings(*settings);
    if (const auto *customer = std::get_if<Customer>(&record)) {
        CustomerRepository repo(db);
        return upsertKeyed(db, ref, clash, customer->email, [&] {
            return fresh ? repo.insertNewCustomer(*customer) : repo.upsertCustomer(*customer);
        });
    }
    const auto &detail = std::get<OrderDetail>(record);
    return fresh ? insertOrder(db, ref, detail) : writeOrder(db, ref, detail);
}

Result<void> writeDocument(SqliteDatabase &db, const EntityRef &ref, const QJsonObject &doc,
                           EntityDocuments::KeyClash clash)
{
    SK_TRY_ASSIGN(decoded, decodeDocument(ref, JsonReader(doc)));
    return writeRecord(db, ref, decoded, clash, false);
}

Result<void> deleteEntity(SqliteDatabase &db, const EntityRef &ref)
{
    if (ref.type == kProduct) {
        // The products_search_bd trigger deletes the variants; their levels go first, so a
        // connection without foreign keys leaves none behind either.
        SK_TRY(exec(db, "DELETE FROM inventory_levels WHERE variant_id IN (SELECT id FROM variants WHERE product_id = ?1)",
                    ref.id));
        return ProductRepository(db).deleteProduct(ref.id);
    }
    if (ref.type == kVariant) {
        SK_TRY(exec(db, "DELETE FROM inventory_levels WHERE variant_id = ?1", ref.id));
        return ProductRepository(db).deleteVariant(ref.id);
    }
    if (ref.type == kLevel) {
        const auto parts = EntityDocuments::splitLevelId(ref.id);
        if (!parts)
            return badLevelId(ref);
        return exec(db, "DELETE FROM inventory_levels WHERE variant_id = ?1 AND location_id = ?2", parts->first,
                    parts->second);
    }
    if (ref.type == kLedger)
        return {}; // history is never deleted
    if (ref.type == kLocation) {
        SK_TRY(exec(db, "DELETE FROM inventory_levels WHERE location_id = ?1", ref.id));
        return exec(db, "DELETE FROM locations WHERE id = ?1", ref.id);
    }
    if (ref.type == kShopSettings) {
        if (ref.id.isEmpty()) {
            SK_TRY_ASSIGN(s, db.cached("DELETE FROM shop_settings WHERE singleton = 1"));
            return s->exec();
        }
        return exec(db, "DELETE FROM shop_settings WHERE singleton = 1 AND shop_id = ?1", ref.id);
    }
    if (ref.type == kCustomer) {
        SK_TRY(exec(db, "DELETE FROM customer_addresses WHERE customer_id = ?1", ref.id));
        // Orders keep their customer_name; ON DELETE SET NULL, spelled out for the same reason.
        SK_TRY(exec(db, "UPDATE orders SET customer_id = NULL WHERE customer_id = ?1", ref.id));
        return CustomerRepository(db).deleteCustomer(ref.id);
    }
    if (ref.type == kOrder) {
        SK_TRY(deleteOrderChildren(db, ref.id));
        return OrderRepository(db).deleteOrder(ref.id);
    }
    return unknownType(ref);
}

} // namespace

// ---- EntityDocuments --------------------------------------------------------------------

const QStringList &EntityDocuments::types()
{
    static const QStringList list{kShopSettings, kLocation, kProduct, kVariant, kLevel, kLedger, kCustomer, kOrder};
    return list;
}

int EntityDocuments::typeRank(const QString &type)
{
    const qsizetype index = types().indexOf(type);
    return index < 0 ? int(types().size()) : int(index);
}

QString EntityDocuments::levelId(const QString &variantId, const QString &locationId)
{
    return variantId + u':' + locationId;
}

std::optional<std::pair<QString, QString>> EntityDocuments::splitLevelId(const QString &id)
{
    const qsizetype colon = id.indexOf(u':');
    if (colon <= 0 || colon == id.size() - 1 || id.indexOf(u':', colon + 1) >= 0)
        return std::nullopt;
    return std::make_pair(id.left(colon), id.mid(colon + 1));
}

Result<std::optional<QJsonObject>> EntityDocuments::read(SqliteDatabase &db, const EntityRef &ref)
{
    if (ref.type == kProduct)
        return asDocument(ProductRepository(db).product(ref.id));
    if (ref.type == kVariant)
        return asDocument(ProductRepository(db).variant(ref.id));
    if (ref.type == kLevel) {
        const auto parts = splitLevelId(ref.id);
        if (!parts)
            return badLevelId(ref);
        return asDocument(InventoryRepository(db).level(parts->first, parts->second));
    }
    if (ref.type == kLedger)
        return asDocument(InventoryRepository(db).ledgerEntry(ref.id));
    if (ref.type == kLocation)
        return asDocument(ShopRepository(db).location(ref.id));
    if (ref.type == kShopSettings) {
        SK_TRY_ASSIGN(settings, ShopRepository(db).settings());
        if (!settings || (!ref.id.isEmpty() && settings->shopId != ref.id))
            return std::optional<QJsonObject>();
        return std::optional<QJsonObject>(RecordJson::toJson(*settings));
    }
    if (ref.type == kCustomer)
        return asDocument(CustomerRepository(db).customer(ref.id));
    if (ref.type == kOrder)
        return asDocument(OrderRepository(db).detail(ref.id));
    return unknownType(ref);
}

Result<void> EntityDocuments::write(SqliteDatabase &db, const EntityRef &ref, const std::optional<QJsonObject> &doc)
{
    return write(db, ref, doc, KeyClash::ServerWins);
}

Result<void> EntityDocuments::write(SqliteDatabase &db, const EntityRef &ref, const std::optional<QJsonObject> &doc,
                                    KeyClash clash)
{
    if (typeRank(ref.type) >= types().size())
        return unknownType(ref);
    // All or nothing, as a caller may go on after a failed write (a rebase skipping a record).
    // One statement is that already; an order, a customer or a delete is several. A savepoint
    // costs two more statements, which a million-row first sync would feel.
    const bool oneStatement = doc && ref.type != kOrder && ref.type != kCustomer;
    if (oneStatement)
        return writeDocument(db, ref, *doc, clash);
    SK_TRY_ASSIGN(savepoint, SqliteSavepoint::begin(db, "entity_document"));
    SK_TRY(doc ? writeDocument(db, ref, *doc, clash) : deleteEntity(db, ref));
    return savepoint.release();
}

Result<qint64> EntityDocuments::version(SqliteDatabase &db, const EntityRef &ref)
{
    SK_TRY_ASSIGN(stored, storedVersion(db, ref));
    return stored.value_or(0);
}

Result<void> EntityDocuments::insertNew(SqliteDatabase &db, const EntityRef &ref, const QJsonObject &doc)
{
    SK_TRY_ASSIGN(decoded, decodeDocument(ref, JsonReader(doc)));
    return insertDecoded(db, ref, decoded);
}

Result<void> EntityDocuments::writeDecoded(SqliteDatabase &db, const EntityRef &ref, const Record &record)
{
    // As write(): all or nothing; an order or a customer is several statements.
    if (ref.type != kOrder && ref.type != kCustomer)
        return writeRecord(db, ref, record, KeyClash::ServerWins, false);
    SK_TRY_ASSIGN(savepoint, SqliteSavepoint::begin(db, "entity_document"));
    SK_TRY(writeRecord(db, ref, record, KeyClash::ServerWins, false));
    return savepoint.release();
}

Result<EntityDocuments::Record> EntityDocuments::decode(const EntityRef &ref, const JsonReader &doc)
{
    return decodeDocument(ref, doc);
}

Result<void> EntityDocuments::insertDecoded(SqliteDatabase &db, const EntityRef &ref, const Record &record)
{
    // One upsert each, or CustomerRepository's own savepoint: no outer one needed either.
    return writeRecord(db, ref, record, KeyClash::ServerWins, true);
}

Result<std::optional<qint64>> EntityDocuments::storedVersion(SqliteDatabase &db, const EntityRef &ref)
{
    const char *sql = nullptr;
    QString a = ref.id;
    QString b;
    if (ref.type == kProduct) {
        sql = "SELECT version FROM products WHERE id = ?1";
    } else if (ref.type == kVariant) {
        sql = "SELECT version FROM variants WHERE id = ?1";
    } else if (ref.type == kLevel) {
        const auto parts = splitLevelId(ref.id);
        if (!parts)
            return badLevelId(ref);
        sql = "SELECT version FROM inventory_levels WHERE variant_id = ?1 AND location_id = ?2";
        a = parts->first;
        b = parts->second;
    } else if (ref.type == kLedger) {
        sql = "SELECT version FROM inventory_ledger WHERE id = ?1";
    } else if (ref.type == kLocation) {
        sql = "SELECT version FROM locations WHERE id = ?1";
    } else if (ref.type == kShopSettings) {
        sql = ref.id.isEmpty() ? "SELECT version FROM shop_settings WHERE singleton = 1 AND ?1 IS NULL"
                               : "SELECT version FROM shop_settings WHERE singleton = 1 AND shop_id = ?1";
        if (ref.id.isEmpty())
            a = QString();
    } else if (ref.type == kCustomer) {
        sql = "SELECT version FROM customers WHERE id = ?1";
    } else if (ref.type == kOrder) {
        sql = "SELECT version FROM orders WHERE id = ?1";
    } else {
        return unknownType(ref);
    }
    SK_TRY_ASSIGN(s, db.cached(sql));
    if (a.isNull())
        s->bindNull(1);
    else
        s->bind(1, a);
    if (!b.isNull())
        s->bind(2, b);
    return readOne(*s, [](const SqliteStatement &r) { return r.int64(0); });
}

Result<bool> EntityDocuments::exists(SqliteDatabase &db, const EntityRef &ref)
{
    if (ref.type == kProduct)
        return rowExists(db, kProductExists, ref.id);
    if (ref.type == kVariant)
        return rowExists(db, kVariantExists, ref.id);
    if (ref.type == kLocation)
        return rowExists(db, kLocationExists, ref.id);
    if (ref.type == kCustomer)
        return rowExists(db, kCustomerExists, ref.id);
    if (ref.type == kOrder)
        return rowExists(db, "SELECT 1 FROM orders WHERE id = ?1", ref.id);
    if (ref.type == kLedger)
        return rowExists(db, "SELECT 1 FROM inventory_ledger WHERE id = ?1", ref.id);
    if (ref.type == kShopSettings) {
        if (ref.id.isEmpty())
            return rowExists(db, "SELECT 1 FROM shop_settings WHERE singleton = 1 AND ?1 = ?1", u"-"_s);
        return rowExists(db, "SELECT 1 FROM shop_settings WHERE singleton = 1 AND shop_id = ?1", ref.id);
    }
    if (ref.type == kLevel) {
        const auto parts = splitLevelId(ref.id);
        if (!parts)
            return badLevelId(ref);
        SK_TRY_ASSIGN(s, db.cached("SELECT 1 FROM inventory_levels WHERE variant_id = ?1 AND location_id = ?2"));
        s->bind(1, parts->first).bind(2, parts->second);
        SK_TRY_ASSIGN(found, readOne(*s, [](const SqliteStatement &) { return true; }));
        return found.has_value();
    }
    return unknownType(ref);
}

} // namespace sk
