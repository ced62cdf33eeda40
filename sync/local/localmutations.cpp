#include "localmutations.h"

#include "domain/inventoryrules.h"
#include "domain/jsonreader.h"
#include "domain/mutationlimits.h"
#include "domain/orderstatemachine.h"
#include "domain/recordjson.h"
#include "local/entitydocuments.h"
#include "storage/customerrepository.h"
#include "storage/inventoryrepository.h"
#include "storage/orderrepository.h"
#include "storage/productrepository.h"
#include "storage/shoprepository.h"
#include "storage/sqlitedatabase.h"
#include "storage/sqlitetransaction.h"
#include "util/uuidv7.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QSet>

#include <functional>

using namespace Qt::StringLiterals;

namespace sk {

namespace {

const QString kProduct = u"product"_s;
const QString kVariant = u"variant"_s;
const QString kLocation = u"location"_s;
const QString kLevel = u"inventory_level"_s;
const QString kCustomer = u"customer"_s;
const QString kOrder = u"order"_s;

constexpr qint64 kMax = MutationLimits::MaxInteger;
constexpr qsizetype kName = MutationLimits::NameLength;
constexpr qsizetype kNote = MutationLimits::NoteLength;
constexpr qsizetype kMaxVariantsPerCreate = MutationLimits::VariantsPerCreate;
constexpr qsizetype kMaxLinesPerCommand = MutationLimits::LinesPerCommand;

// Stands in for the record's id when a patch's fields are checked without the record.
const QString kPlaceholderId = u"00000000-0000-7000-8000-000000000001"_s;

Error invalid(const QString &field, const QString &message)
{
    return makeError(u"validation.invalid_field"_s, message, field);
}

QString newId()
{
    return UuidV7::toText(UuidV7::create());
}

EntityRef levelRef(const QString &variantId, const QString &locationId)
{
    return {kLevel, EntityDocuments::levelId(variantId, locationId)};
}

// A record nested in the args as the local tables keep it until the server's document
// arrives: created and updated now, version 0. Like the server, client times are ignored.
JsonReader stamped(const JsonReader &reader, qint64 nowMs, const QJsonObject &extra = {})
{
    QJsonObject object = reader.object();
    object.insert(u"created_at", nowMs);
    object.insert(u"updated_at", nowMs);
    object.insert(u"version", 0);
    for (auto it = extra.begin(); it != extra.end(); ++it) {
        if (!object.contains(it.key()) || object.value(it.key()).isNull())
            object.insert(it.key(), it.value());
    }
    return JsonReader(object, reader.path());
}

// ---- args -------------------------------------------------------------------------------
// Parsed the way the server parses them, in the same order, so the first error is the same.

struct PatchSpec
{
    QString type;
    QStringList allowed;
    QJsonObject placeholder; // a valid record the fields are merged into for checking
    std::function<Result<void>(const JsonReader &)> check;
};

const PatchSpec *patchSpec(const QString &name)
{
    static const PatchSpec product{
        kProduct,
        {u"title"_s, u"handle"_s, u"description"_s, u"vendor"_s, u"category"_s, u"tags"_s, u"status"_s},
        {{u"id"_s, kPlaceholderId}, {u"title"_s, u"x"_s}, {u"handle"_s, u"x"_s}, {u"status"_s, u"draft"_s},
         {u"created_at"_s, 0}, {u"updated_at"_s, 0}},
        [](const JsonReader &r) -> Result<void> {
            SK_TRY(RecordJson::productFromJson(r));
            return {};
        }};
    static const PatchSpec variant{
        kVariant,
        {u"sku"_s, u"barcode"_s, u"option1"_s, u"option2"_s, u"option3"_s, u"price"_s, u"compare_at_price"_s, u"cost"_s,
         u"weight"_s, u"weight_unit"_s, u"track_inventory"_s, u"position"_s},
        {{u"id"_s, kPlaceholderId}, {u"product_id"_s, kPlaceholderId}, {u"price"_s, 0}, {u"created_at"_s, 0},
         {u"updated_at"_s, 0}},
        [](const JsonReader &r) -> Result<void> {
            SK_TRY(RecordJson::variantFromJson(r));
            return {};
        }};
    static const PatchSpec location{
        kLocation,
        {u"name"_s, u"code"_s, u"address"_s, u"active"_s},
        {{u"id"_s, kPlaceholderId}, {u"name"_s, u"x"_s}, {u"updated_at"_s, 0}},
        [](const JsonReader &r) -> Result<void> {
            SK_TRY(RecordJson::locationFromJson(r));
            return {};
        }};
    static const PatchSpec customer{
        kCustomer,
        {u"first_name"_s, u"last_name"_s, u"email"_s, u"phone"_s, u"note"_s, u"tags"_s, u"email_marketing"_s,
         u"sms_marketing"_s, u"addresses"_s},
        {{u"id"_s, kPlaceholderId}, {u"created_at"_s, 0}, {u"updated_at"_s, 0}, {u"addresses"_s, QJsonArray()}},
        [](const JsonReader &r) -> Result<void> {
            // As the server: only an array replaces the addresses (a null would read as none).
            if (!r.object().value(u"addresses").isArray()) {
                return r.invalidField(u"addresses", QCoreApplication::translate("sk::LocalMutations",
                                                                                "\u201C%1\u201D must be an array of "
                                                                                "addresses (an empty one removes them all).")
                                                        .arg(r.pathOf(u"addresses")));
            }
            SK_TRY(RecordJson::customerFromJson(r));
            return {};
        }};
    if (name == u"product.patch")
        return &product;
    if (name == u"variant.patch")
        return &variant;
    if (name == u"location.patch")
        return &location;
    if (name == u"customer.patch")
        return &customer;
    return nullptr;
}

struct PatchArgs
{
    QString id;
    qint64 baseVersion = 0;
    QJsonObject fields;
};

Result<PatchArgs> parsePatch(const JsonReader &r, const PatchSpec &spec)
{
    PatchArgs a;
    SK_TRY_ASSIGN(id, r.requiredUuid(u"id"));
    SK_TRY_ASSIGN(base, r.requiredInt(u"base_version", 1, kMax));
    SK_TRY_ASSIGN(fields, r.object(u"fields"));
    const QStringList keys = fields.object().keys();
    if (keys.isEmpty())
        return invalid(u"fields"_s, QCoreApplication::translate("sk::LocalMutations", "\u201C" "fields\u201D names nothing to change."));
    for (const QString &key : keys) {
        if (!spec.allowed.contains(key)) {
            return makeError(u"validation.unknown_field"_s,
                             QCoreApplication::translate("sk::LocalMutations", "\u201C%1\u201D cannot be changed by a patch; the fields that can are: %2.")
                                 .arg(fields.pathOf(key), spec.allowed.join(u", ")),
                             fields.pathOf(key));
        }
    }
    QJsonObject merged = spec.placeholder;
    merged.insert(u"id", id); // nested records (a customer's addresses) may name their parent
    for (const QString &key : keys)
        merged.insert(key, fields.object().value(key));
    SK_TRY(spec.check(JsonReader(merged, fields.path())));
    a.id = id;
    a.baseVersion = base;
    a.fields = fields.object();
    return a;
}

struct ProductCreateArgs
{
    Product product;
    QList<Variant> variants;
};

Result<ProductCreateArgs> parseProductCreate(const JsonReader &r, qint64 nowMs)
{
    ProductCreateArgs a;
    SK_TRY_ASSIGN(productReader, r.object(u"product"));
    SK_TRY_ASSIGN(product, RecordJson::productFromJson(stamped(productReader, nowMs)));
    SK_TRY_ASSIGN(variantReaders, r.objectArray(u"variants"));
    if (variantReaders.size() > kMaxVariantsPerCreate) {
        return invalid(u"variants"_s,
                       QCoreApplication::translate("sk::LocalMutations", "A product is created with at most %1 variants at a time.").arg(kMaxVariantsPerCreate));
    }
    QSet<QString> ids;
    for (const JsonReader &reader : std::as_const(variantReaders)) {
        SK_TRY_ASSIGN(variant,
                      RecordJson::variantFromJson(stamped(reader, nowMs, {{u"product_id"_s, product.id}})));
        if (variant.productId != product.id) {
            return invalid(reader.pathOf(u"product_id"),
                           QCoreApplication::translate("sk::LocalMutations", "\u201C%1\u201D is %2, but the variant belongs to the new product %3.")
                               .arg(reader.pathOf(u"product_id"), variant.productId, product.id));
        }
        if (ids.contains(variant.id)) {
            return invalid(reader.pathOf(u"id"),
                           QCoreApplication::translate("sk::LocalMutations", "\u201C%1\u201D repeats variant %2.").arg(reader.pathOf(u"id"), variant.id));
        }
        ids.insert(variant.id);
        a.variants.append(variant);
    }
    a.product = product;
    return a;
}

Result<Variant> parseVariantCreate(const JsonReader &r, qint64 nowMs)
{
    SK_TRY_ASSIGN(reader, r.object(u"variant"));
    if (!reader.has(u"product_id"))
        return reader.missingField(u"product_id");
    return RecordJson::variantFromJson(stamped(reader, nowMs));
}

Result<Location> parseLocationCreate(const JsonReader &r, qint64 nowMs)
{
    SK_TRY_ASSIGN(reader, r.object(u"location"));
    return RecordJson::locationFromJson(stamped(reader, nowMs));
}

Result<Customer> parseCustomerCreate(const JsonReader &r, qint64 nowMs)
{
    SK_TRY_ASSIGN(reader, r.object(u"customer"));
    SK_TRY_ASSIGN(customer, RecordJson::customerFromJson(stamped(reader, nowMs)));
    // Consent changes are dated, as the server does.
    const bool consented = customer.emailMarketing != MarketingConsent::NotSubscribed
                           || customer.smsMarketing != MarketingConsent::NotSubscribed;
    customer.consentUpdatedAt = consented ? std::optional<qint64>(nowMs) : std::nullopt;
    return customer;
}

Result<InventoryReason> parseReason(const JsonReader &r, std::optional<InventoryReason> fallback)
{
    Result<InventoryReason> reason =
        fallback ? r.enumOr<InventoryReason>(u"reason", *fallback) : r.requiredEnum<InventoryReason>(u"reason");
    SK_TRY_ASSIGN(value, std::move(reason));
    if (value == InventoryReason::TransferIn || value == InventoryReason::TransferOut) {
        return invalid(u"reason"_s, QCoreApplication::translate("sk::LocalMutations", "\u201Creason\u201D %1 belongs to transfers: use inventory.transfer.")
                                        .arg(toString(value)));
    }
    return value;
}

struct AdjustArgs
{
    QString variantId;
    QString locationId;
    qint64 delta = 0;
    InventoryReason reason = InventoryReason::Correction;
};

Result<AdjustArgs> parseAdjust(const JsonReader &r)
{
    AdjustArgs a;
    SK_TRY_ASSIGN(variantId, r.requiredUuid(u"variant_id"));
    SK_TRY_ASSIGN(locationId, r.requiredUuid(u"location_id"));
    SK_TRY_ASSIGN(delta, r.requiredInt(u"delta"));
    SK_TRY_ASSIGN(reason, parseReason(r, std::nullopt));
    SK_TRY(r.optionalString(u"reference", kName));
    SK_TRY(r.optionalText(u"note", kNote));
    SK_TRY(r.optionalInt(u"change_from"));
    // The sign rule (a sale removes stock, a delivery adds it) does not depend on the level.
    const auto signOk = InventoryRules::applyDelta(InventoryLevel(), delta, reason);
    if (!signOk.ok())
        return invalid(u"delta"_s, signOk.error().message);
    a.variantId = variantId;
    a.locationId = locationId;
    a.delta = delta;
    a.reason = reason;
    return a;
}

struct SetArgs
{
    QString variantId;
    QString locationId;
    qint64 quantity = 0;
};

Result<SetArgs> parseSet(const JsonReader &r)
{
    SetArgs a;
    SK_TRY_ASSIGN(variantId, r.requiredUuid(u"variant_id"));
    SK_TRY_ASSIGN(locationId, r.requiredUuid(u"location_id"));
    SK_TRY_ASSIGN(quantity, r.requiredInt(u"quantity", 0, kMax));
    SK_TRY(r.requiredInt(u"change_from"));
    SK_TRY(parseReason(r, InventoryReason::CycleCount));
    SK_TRY(r.optionalString(u"reference", kName));
    SK_TRY(r.optionalText(u"note", kNote));
    a.variantId = variantId;
    a.locationId = locationId;
    a.quantity = quantity;
    return a;
}

struct TransferArgs
{
    QString variantId;
    QString fromId;
    QString toId;
    qint64 quantity = 0;
};

Result<TransferArgs> parseTransfer(const JsonReader &r)
{
    TransferArgs a;
    SK_TRY_ASSIGN(variantId, r.requiredUuid(u"variant_id"));
    SK_TRY_ASSIGN(fromId, r.requiredUuid(u"from_location_id"));
    SK_TRY_ASSIGN(toId, r.requiredUuid(u"to_location_id"));
    SK_TRY_ASSIGN(quantity, r.requiredInt(u"quantity", 1, kMax));
    SK_TRY(r.optionalString(u"reference", kName));
    SK_TRY(r.optionalText(u"note", kNote));
    if (fromId == toId)
        return invalid(u"to_location_id"_s, QCoreApplication::translate("sk::LocalMutations", "\u201Cto_location_id\u201D must differ from \u201C" "from_location_id\u201D."));
    a.variantId = variantId;
    a.fromId = fromId;
    a.toId = toId;
    a.quantity = quantity;
    return a;
}

struct StatusArgs
{
    QString orderId;
    OrderStatus status = OrderStatus::Pending;
    QString reason;
};

Result<StatusArgs> parseStatus(const JsonReader &r)
{
    StatusArgs a;
    SK_TRY_ASSIGN(status, r.requiredEnum<OrderStatus>(u"status"));
    SK_TRY_ASSIGN(reason, r.optionalText(u"reason", kNote));
    SK_TRY_ASSIGN(orderId, r.requiredUuid(u"order_id"));
    a.orderId = orderId;
    a.status = status;
    a.reason = reason;
    return a;
}

struct FulfilArgs
{
    QString orderId;
    QString fulfillmentId;
    QList<FulfillmentLine> lines;
    QString trackingNumber;
    QString carrier;
    QString locationId;
};

Result<FulfilArgs> parseFulfil(const JsonReader &r)
{
    FulfilArgs a;
    SK_TRY_ASSIGN(fulfillmentId, r.optionalUuid(u"fulfillment_id"));
    SK_TRY_ASSIGN(lineReaders, r.objectArray(u"lines"));
    if (lineReaders.isEmpty())
        return makeError(u"validation.missing_field"_s, QCoreApplication::translate("sk::LocalMutations", "\u201Clines\u201D names nothing to fulfil."), u"lines"_s);
    if (lineReaders.size() > kMaxLinesPerCommand)
        return invalid(u"lines"_s, QCoreApplication::translate("sk::LocalMutations", "Too many lines."));
    QSet<QString> seen;
    for (const JsonReader &line : std::as_const(lineReaders)) {
        FulfillmentLine fl;
        SK_TRY_ASSIGN(lineId, line.requiredUuid(u"order_line_id"));
        SK_TRY_ASSIGN(quantity, line.requiredInt(u"quantity", 1, kMax));
        if (seen.contains(lineId)) {
            return invalid(line.pathOf(u"order_line_id"), QCoreApplication::translate("sk::LocalMutations", "\u201C%1\u201D names order line %2 a second time.")
                                                               .arg(line.pathOf(u"order_line_id"), lineId));
        }
        seen.insert(lineId);
        fl.orderLineId = lineId;
        fl.quantity = quantity;
        a.lines.append(fl);
    }
    SK_TRY_ASSIGN(tracking, r.optionalString(u"tracking_number", kName));
    SK_TRY_ASSIGN(carrier, r.optionalString(u"carrier", kName));
    SK_TRY_ASSIGN(locationId, r.optionalUuid(u"location_id"));
    SK_TRY_ASSIGN(orderId, r.requiredUuid(u"order_id"));
    a.orderId = orderId;
    a.fulfillmentId = fulfillmentId;
    a.trackingNumber = tracking;
    a.carrier = carrier;
    a.locationId = locationId;
    return a;
}

struct RefundArgs
{
    QString orderId;
    QString refundId;
    qint64 amount = 0;
    bool restock = false;
    QString reason;
    QList<RefundLine> lines;
};

Result<RefundArgs> parseRefund(const JsonReader &r)
{
    RefundArgs a;
    SK_TRY_ASSIGN(refundId, r.optionalUuid(u"refund_id"));
    SK_TRY_ASSIGN(amount, r.requiredInt(u"amount", 1, kMax));
    SK_TRY_ASSIGN(restock, r.boolOr(u"restock", false));
    SK_TRY_ASSIGN(reason, r.optionalText(u"reason", kNote));
    SK_TRY_ASSIGN(lineReaders, r.objectArray(u"lines"));
    if (lineReaders.size() > kMaxLinesPerCommand)
        return invalid(u"lines"_s, QCoreApplication::translate("sk::LocalMutations", "Too many lines."));
    QSet<QString> seen;
    for (const JsonReader &line : std::as_const(lineReaders)) {
        RefundLine rl;
        SK_TRY_ASSIGN(lineId, line.requiredUuid(u"order_line_id"));
        SK_TRY_ASSIGN(quantity, line.requiredInt(u"quantity", 1, kMax));
        SK_TRY_ASSIGN(lineAmount, line.intOr(u"amount", 0, 0, kMax));
        if (seen.contains(lineId)) {
            return invalid(line.pathOf(u"order_line_id"), QCoreApplication::translate("sk::LocalMutations", "\u201C%1\u201D names order line %2 a second time.")
                                                               .arg(line.pathOf(u"order_line_id"), lineId));
        }
        seen.insert(lineId);
        rl.orderLineId = lineId;
        rl.quantity = quantity;
        rl.amount = lineAmount;
        a.lines.append(rl);
    }
    SK_TRY_ASSIGN(orderId, r.requiredUuid(u"order_id"));
    a.orderId = orderId;
    a.refundId = refundId;
    a.amount = amount;
    a.restock = restock;
    a.reason = reason;
    return a;
}

struct NoteArgs
{
    QString orderId;
    QString eventId;
    QString message;
};

Result<NoteArgs> parseNote(const JsonReader &r)
{
    NoteArgs a;
    SK_TRY_ASSIGN(eventId, r.optionalUuid(u"event_id"));
    SK_TRY_ASSIGN(message, r.optionalText(u"message", kNote));
    if (message.trimmed().isEmpty())
        return makeError(u"validation.missing_field"_s, QCoreApplication::translate("sk::LocalMutations", "\u201Cmessage\u201D is required."), u"message"_s);
    SK_TRY_ASSIGN(orderId, r.requiredUuid(u"order_id"));
    a.orderId = orderId;
    a.eventId = eventId;
    a.message = message;
    return a;
}

Error unknownMutation(const QString &name)
{
    return makeError(u"validation.unknown_mutation"_s, QCoreApplication::translate("sk::LocalMutations", "There is no mutation called \u201C%1\u201D.").arg(name),
                     u"name"_s);
}

// Order arithmetic (open quantities, where a line shipped from) is OrderStateMachine's, shared
// with the server, so a local effect reserves and releases exactly what the server will.

// An ordered, duplicate-free list of entities.
class RefList
{
public:
    void add(const EntityRef &ref)
    {
        if (ref.id.isEmpty() || m_seen.contains(ref))
            return;
        m_seen.insert(ref);
        m_list.append(ref);
    }
    void addLevel(const QString &variantId, const QString &locationId)
    {
        if (!variantId.isEmpty() && !locationId.isEmpty())
            add(levelRef(variantId, locationId));
    }
    QList<EntityRef> take() { return std::move(m_list); }

private:
    QList<EntityRef> m_list;
    QSet<EntityRef> m_seen;
};

// ---- effects ----------------------------------------------------------------------------

class Effects
{
public:
    Effects(SqliteDatabase &db, qint64 nowMs, const EntityRef *only) : m_db(db), m_now(nowMs), m_only(only) {}

    Result<void> run(const QString &name, const JsonReader &r)
    {
        if (const PatchSpec *spec = patchSpec(name)) {
            SK_TRY_ASSIGN(a, parsePatch(r, *spec));
            return patch({spec->type, a.id}, spec->allowed, a.fields);
        }
        if (name == u"product.create")
            return productCreate(r);
        if (name == u"product.archive") {
            SK_TRY_ASSIGN(id, r.requiredUuid(u"id"));
            return patch({kProduct, id}, {u"status"_s}, {{u"status"_s, toString(ProductStatus::Archived)}});
        }
        if (name == u"product.delete") {
            SK_TRY_ASSIGN(id, r.requiredUuid(u"id"));
            return productDelete(id);
        }
        if (name == u"variant.create") {
            SK_TRY_ASSIGN(variant, parseVariantCreate(r, m_now));
            return insertVariant(variant);
        }
        if (name == u"variant.delete") {
            SK_TRY_ASSIGN(id, r.requiredUuid(u"id"));
            return variantDelete(id);
        }
        if (name == u"location.create") {
            SK_TRY_ASSIGN(location, parseLocationCreate(r, m_now));
            const EntityRef ref{kLocation, location.id};
            if (!wants(ref))
                return {};
            SK_TRY_ASSIGN(exists, EntityDocuments::exists(m_db, ref));
            return exists ? Result<void>() : ShopRepository(m_db).upsertLocation(location);
        }
        if (name == u"inventory.adjust") {
            SK_TRY_ASSIGN(a, parseAdjust(r));
            return changeLevel(a.variantId, a.locationId, true, [&](InventoryLevel &level) {
                return InventoryRules::applyDelta(level, a.delta, a.reason);
            });
        }
        if (name == u"inventory.set") {
            SK_TRY_ASSIGN(a, parseSet(r));
            return changeLevel(a.variantId, a.locationId, true, [&](InventoryLevel &level) -> Result<InventoryLevel> {
                InventoryLevel next = level;
                next.onHand = a.quantity;
                return next;
            });
        }
        if (name == u"inventory.transfer") {
            SK_TRY_ASSIGN(a, parseTransfer(r));
            SK_TRY(changeLevel(a.variantId, a.fromId, true, [&](InventoryLevel &level) {
                return InventoryRules::applyDelta(level, -a.quantity, InventoryReason::TransferOut);
            }));
            return changeLevel(a.variantId, a.toId, true, [&](InventoryLevel &level) {
                return InventoryRules::applyDelta(level, a.quantity, InventoryReason::TransferIn);
            });
        }
        if (name == u"customer.create") {
            SK_TRY_ASSIGN(customer, parseCustomerCreate(r, m_now));
            const EntityRef ref{kCustomer, customer.id};
            if (!wants(ref))
                return {};
            SK_TRY_ASSIGN(exists, EntityDocuments::exists(m_db, ref));
            return exists ? Result<void>() : CustomerRepository(m_db).upsertCustomer(customer);
        }
        if (name == u"order.set_status") {
            SK_TRY_ASSIGN(a, parseStatus(r));
            return orderSetStatus(a);
        }
        if (name == u"order.fulfil") {
            SK_TRY_ASSIGN(a, parseFulfil(r));
            return orderFulfil(a);
        }
        if (name == u"order.refund") {
            SK_TRY_ASSIGN(a, parseRefund(r));
            return orderRefund(a);
        }
        if (name == u"order.add_note") {
            SK_TRY_ASSIGN(a, parseNote(r));
            return orderAddNote(a);
        }
        return unknownMutation(name);
    }

private:
    bool wants(const EntityRef &ref) const { return !m_only || *m_only == ref; }

    // A field patch merged into the visible row (no conflict check: that is the server's).
    Result<void> patch(const EntityRef &ref, const QStringList &allowed, const QJsonObject &fields)
    {
        if (!wants(ref))
            return {};
        SK_TRY_ASSIGN(doc, EntityDocuments::read(m_db, ref));
        if (!doc)
            return {}; // deleted meanwhile: an edit never brings a record back
        QJsonObject merged = *doc;
        bool changed = false;
        bool consentChanged = false;
        for (auto it = fields.begin(); it != fields.end(); ++it) {
            if (!allowed.contains(it.key()) || merged.value(it.key()) == it.value())
                continue;
            changed = true;
            if (it.key() == u"email_marketing" || it.key() == u"sms_marketing")
                consentChanged = true;
            merged.insert(it.key(), it.value());
        }
        if (!changed)
            return {};
        if (consentChanged)
            merged.insert(u"consent_updated_at", m_now);
        merged.insert(u"updated_at", qMax(m_now, merged.value(u"updated_at").toInteger()));
        return EntityDocuments::write(m_db, ref, merged, EntityDocuments::KeyClash::Fail);
    }

    Result<void> insertVariant(const Variant &variant)
    {
        const EntityRef ref{kVariant, variant.id};
        if (!wants(ref))
            return {};
        SK_TRY_ASSIGN(exists, EntityDocuments::exists(m_db, ref));
        if (exists)
            return {};
        SK_TRY_ASSIGN(parent, EntityDocuments::exists(m_db, {kProduct, variant.productId}));
        if (!parent)
            return {};
        return ProductRepository(m_db).upsertVariant(variant);
    }

    Result<void> productCreate(const JsonReader &r)
    {
        SK_TRY_ASSIGN(a, parseProductCreate(r, m_now));
        const EntityRef ref{kProduct, a.product.id};
        if (wants(ref)) {
            SK_TRY_ASSIGN(exists, EntityDocuments::exists(m_db, ref));
            if (!exists)
                SK_TRY(ProductRepository(m_db).upsertProduct(a.product));
        }
        for (const Variant &variant : std::as_const(a.variants))
            SK_TRY(insertVariant(variant));
        return {};
    }

    // Deleting a row deletes its children, whatever `only` says (foreign keys).
    Result<void> deleteLevelsOf(const QString &variantId)
    {
        SK_TRY_ASSIGN(levels, InventoryRepository(m_db).levelsOfVariant(variantId));
        for (const InventoryLevel &level : std::as_const(levels)) {
            const EntityRef ref = levelRef(level.variantId, level.locationId);
            if (wants(ref))
                SK_TRY(EntityDocuments::write(m_db, ref, std::nullopt));
        }
        return {};
    }

    Result<void> variantDelete(const QString &id)
    {
        const EntityRef ref{kVariant, id};
        if (wants(ref))
            return EntityDocuments::write(m_db, ref, std::nullopt);
        return deleteLevelsOf(id);
    }

    Result<void> productDelete(const QString &id)
    {
        const EntityRef ref{kProduct, id};
        if (wants(ref))
            return EntityDocuments::write(m_db, ref, std::nullopt);
        SK_TRY_ASSIGN(variants, ProductRepository(m_db).variantsOf(id));
        for (const Variant &variant : std::as_const(variants))
            SK_TRY(variantDelete(variant.id));
        return {};
    }

    // Changes one stock level. An absent level is made (at 0) only when `create` is set and
    // its variant and location are both here; otherwise the effect is a no-op.
    Result<void> changeLevel(const QString &variantId, const QString &locationId, bool create,
                             const std::function<Result<InventoryLevel>(InventoryLevel &)> &change)
    {
        if (variantId.isEmpty() || locationId.isEmpty())
            return {};
        const EntityRef ref = levelRef(variantId, locationId);
        if (!wants(ref))
            return {};
        InventoryRepository repo(m_db);
        SK_TRY_ASSIGN(found, repo.level(variantId, locationId));
        InventoryLevel level;
        if (found) {
            level = *found;
        } else {
            if (!create)
                return {};
            SK_TRY_ASSIGN(variant, EntityDocuments::exists(m_db, {kVariant, variantId}));
            SK_TRY_ASSIGN(location, EntityDocuments::exists(m_db, {kLocation, locationId}));
            if (!variant || !location)
                return {};
            level.variantId = variantId;
            level.locationId = locationId;
        }
        SK_TRY_ASSIGN(next, change(level));
        next.version = level.version; // only the server's documents move versions
        next.updatedAt = qMax(m_now, level.updatedAt);
        return repo.upsertLevel(next);
    }

    Result<void> release(const QString &variantId, const QString &locationId, qint64 quantity)
    {
        if (quantity <= 0)
            return {};
        return changeLevel(variantId, locationId, false, [&](InventoryLevel &level) -> Result<InventoryLevel> {
            if (level.committed == 0)
                return level;
            return InventoryRules::release(level, quantity);
        });
    }

    Result<std::optional<OrderDetail>> order(const QString &id) { return OrderRepository(m_db).detail(id); }

    Result<void> saveOrder(Order order)
    {
        order.updatedAt = qMax(m_now, order.updatedAt);
        return OrderRepository(m_db).upsertOrder(order);
    }

    // Order mutations and `only`: the order row may already show this mutation (its child, its
    // status) while one of its stock levels is being rebased from its base. So "already there"
    // only stops the order's own part, or a whole re-apply (no `only`); a level's part is always
    // worked out from the order as it was before this mutation.

    Result<void> orderSetStatus(const StatusArgs &a)
    {
        SK_TRY_ASSIGN(detail, order(a.orderId));
        if (!detail)
            return {};
        const bool there = detail->order.status == a.status;
        if (there && !m_only)
            return {};
        if (a.status == OrderStatus::Cancelled) {
            // Whatever is still reserved for the order goes back on sale.
            for (const OrderLine &line : std::as_const(detail->lines))
                SK_TRY(release(line.variantId, detail->order.locationId, OrderStateMachine::openQuantity(*detail, line)));
        }
        if (there || !wants({kOrder, a.orderId}))
            return {};
        Order o = detail->order;
        o.status = a.status;
        if (a.status == OrderStatus::Cancelled) {
            o.cancelledAt = m_now;
            o.cancelReason = a.reason;
        }
        return saveOrder(o);
    }

    Result<void> orderFulfil(const FulfilArgs &a)
    {
        SK_TRY_ASSIGN(detail, order(a.orderId));
        if (!detail)
            return {};
        bool there = false;
        for (const Fulfillment &f : std::as_const(detail->fulfillments))
            there = there || (!a.fulfillmentId.isEmpty() && f.id == a.fulfillmentId);
        if (there && !m_only)
            return {};
        QList<FulfillmentLine> lines;
        for (const FulfillmentLine &line : a.lines) {
            if (OrderStateMachine::findLine(*detail, line.orderLineId))
                lines.append(line);
        }
        if (lines.isEmpty())
            return {};
        const QString location = a.locationId.isEmpty() ? detail->order.locationId : a.locationId;
        for (const FulfillmentLine &fl : std::as_const(lines)) {
            const OrderLine *line = OrderStateMachine::findLine(*detail, fl.orderLineId);
            SK_TRY(changeLevel(line->variantId, location, true, [&](InventoryLevel &level) {
                return InventoryRules::applyDelta(level, -fl.quantity, InventoryReason::Sold);
            }));
            SK_TRY(release(line->variantId, detail->order.locationId, fl.quantity));
        }
        if (there || !wants({kOrder, a.orderId}))
            return {};
        Fulfillment f;
        f.id = a.fulfillmentId.isEmpty() ? newId() : a.fulfillmentId;
        f.orderId = a.orderId;
        f.locationId = location;
        f.trackingNumber = a.trackingNumber;
        f.carrier = a.carrier;
        f.createdAt = m_now;
        f.updatedAt = m_now;
        f.lines = lines;
        Order o = detail->order;
        o.fulfillmentStatus = OrderStateMachine::fulfillmentStatusAfter(*detail, lines);
        SK_TRY(saveOrder(o));
        return OrderRepository(m_db).upsertFulfillment(f);
    }

    Result<void> orderRefund(const RefundArgs &a)
    {
        SK_TRY_ASSIGN(detail, order(a.orderId));
        if (!detail)
            return {};
        // The order as it was before this refund.
        OrderDetail before = *detail;
        const auto removed = before.refunds.removeIf([&](const Refund &r) {
            return !a.refundId.isEmpty() && r.id == a.refundId;
        });
        const bool there = removed > 0;
        if (there && !m_only)
            return {};
        QList<RefundLine> lines;
        for (const RefundLine &line : a.lines) {
            if (OrderStateMachine::findLine(before, line.orderLineId))
                lines.append(line);
        }
        Refund refund;
        refund.id = a.refundId.isEmpty() ? newId() : a.refundId;
        refund.orderId = a.orderId;
        refund.amount = a.amount;
        refund.reason = a.reason;
        refund.restock = a.restock;
        refund.createdAt = m_now;
        refund.updatedAt = m_now;
        refund.lines = lines;
        const Order &current = before.order;
        const qint64 refunded = OrderStateMachine::refundedAmount(before);
        // The table refuses refunds above the total; the server would refuse them too. (When the
        // order already shows this refund it fitted, and its refunded_total counts it.)
        if (!there && a.amount > current.total - refunded) {
            return makeError(u"order.overrefund"_s,
                             QCoreApplication::translate("sk::LocalMutations", "Cannot refund %1 on order #%2: only %3 of its total %4 is left to refund.")
                                 .arg(a.amount)
                                 .arg(current.number)
                                 .arg(qMax<qint64>(0, current.total - refunded))
                                 .arg(current.total),
                             u"amount"_s);
        }
        if (a.restock) {
            OrderDetail after = before;
            after.refunds.append(refund);
            for (const RefundLine &rl : std::as_const(lines)) {
                const OrderLine *line = OrderStateMachine::findLine(before, rl.orderLineId);
                if (line->variantId.isEmpty())
                    continue;
                // Unshipped units were only reserved: release them; shipped ones come back.
                const qint64 released = OrderStateMachine::openQuantity(before, *line) - OrderStateMachine::openQuantity(after, *line);
                const qint64 returned = rl.quantity - released;
                SK_TRY(release(line->variantId, current.locationId, released));
                if (returned > 0) {
                    SK_TRY(changeLevel(line->variantId, OrderStateMachine::shippedFrom(before, line->id), true, [&](InventoryLevel &level) {
                        return InventoryRules::applyDelta(level, returned, InventoryReason::Returned);
                    }));
                }
            }
        }
        if (there || !wants({kOrder, a.orderId}))
            return {};
        Order o = current;
        o.financialStatus = OrderStateMachine::financialStatusAfterRefund(before, a.amount);
        if (const auto status = OrderStateMachine::statusAfterRefund(before, a.amount))
            o.status = *status;
        o.refundedTotal = refunded + a.amount;
        SK_TRY(saveOrder(o));
        return OrderRepository(m_db).upsertRefund(refund);
    }

    Result<void> orderAddNote(const NoteArgs &a)
    {
        if (!wants({kOrder, a.orderId}))
            return {};
        SK_TRY_ASSIGN(found, OrderRepository(m_db).order(a.orderId));
        if (!found)
            return {};
        if (!a.eventId.isEmpty()) {
            SK_TRY_ASSIGN(s, m_db.cached("SELECT 1 FROM order_events WHERE id = ?1"));
            s->bind(1, a.eventId);
            SK_TRY_ASSIGN(there, s->step());
            s->reset();
            if (there)
                return {};
        }
        OrderEvent event;
        event.id = a.eventId.isEmpty() ? newId() : a.eventId;
        event.orderId = a.orderId;
        event.kind = OrderEventKind::Note;
        event.message = a.message;
        event.createdAt = m_now;
        event.updatedAt = m_now;
        SK_TRY(saveOrder(*found));
        return OrderRepository(m_db).upsertEvent(event);
    }

    SqliteDatabase &m_db;
    qint64 m_now;
    const EntityRef *m_only;
};

} // namespace

// ---- LocalMutations ---------------------------------------------------------------------

const QStringList &LocalMutations::names()
{
    static const QStringList list{
        u"product.create"_s,   u"product.patch"_s,    u"product.archive"_s,    u"product.delete"_s,
        u"variant.create"_s,   u"variant.patch"_s,    u"variant.delete"_s,     u"location.create"_s,
        u"location.patch"_s,   u"inventory.adjust"_s, u"inventory.set"_s,      u"inventory.transfer"_s,
        u"customer.create"_s,  u"customer.patch"_s,   u"order.set_status"_s,   u"order.fulfil"_s,
        u"order.refund"_s,     u"order.add_note"_s,
    };
    return list;
}

Result<void> LocalMutations::validate(const QString &name, const QJsonObject &args)
{
    const JsonReader r(args);
    if (const PatchSpec *spec = patchSpec(name)) {
        SK_TRY(parsePatch(r, *spec));
        return {};
    }
    // Creates are checked with placeholder times: the server stamps its own.
    if (name == u"product.create") {
        SK_TRY(parseProductCreate(r, 0));
    } else if (name == u"product.archive" || name == u"product.delete" || name == u"variant.delete") {
        SK_TRY(r.requiredUuid(u"id"));
    } else if (name == u"variant.create") {
        SK_TRY(parseVariantCreate(r, 0));
    } else if (name == u"location.create") {
        SK_TRY(parseLocationCreate(r, 0));
    } else if (name == u"inventory.adjust") {
        SK_TRY(parseAdjust(r));
    } else if (name == u"inventory.set") {
        SK_TRY(parseSet(r));
    } else if (name == u"inventory.transfer") {
        SK_TRY(parseTransfer(r));
    } else if (name == u"customer.create") {
        SK_TRY(parseCustomerCreate(r, 0));
    } else if (name == u"order.set_status") {
        SK_TRY(parseStatus(r));
    } else if (name == u"order.fulfil") {
        SK_TRY(parseFulfil(r));
    } else if (name == u"order.refund") {
        SK_TRY(parseRefund(r));
    } else if (name == u"order.add_note") {
        SK_TRY(parseNote(r));
    } else {
        return unknownMutation(name);
    }
    return {};
}

Result<QList<EntityRef>> LocalMutations::entitiesOf(const QString &name, const QJsonObject &args)
{
    const JsonReader r(args);
    RefList refs;
    if (const PatchSpec *spec = patchSpec(name)) {
        SK_TRY_ASSIGN(id, r.requiredUuid(u"id"));
        refs.add({spec->type, id});
    } else if (name == u"product.create") {
        SK_TRY_ASSIGN(product, r.object(u"product"));
        SK_TRY_ASSIGN(productId, product.requiredUuid(u"id"));
        refs.add({kProduct, productId});
        SK_TRY_ASSIGN(variants, r.objectArray(u"variants"));
        for (const JsonReader &variant : std::as_const(variants)) {
            SK_TRY_ASSIGN(variantId, variant.requiredUuid(u"id"));
            refs.add({kVariant, variantId});
        }
    } else if (name == u"product.archive" || name == u"product.delete") {
        SK_TRY_ASSIGN(id, r.requiredUuid(u"id"));
        refs.add({kProduct, id});
    } else if (name == u"variant.delete") {
        SK_TRY_ASSIGN(id, r.requiredUuid(u"id"));
        refs.add({kVariant, id});
    } else if (name == u"variant.create") {
        SK_TRY_ASSIGN(variant, r.object(u"variant"));
        SK_TRY_ASSIGN(id, variant.requiredUuid(u"id"));
        refs.add({kVariant, id});
    } else if (name == u"location.create") {
        SK_TRY_ASSIGN(location, r.object(u"location"));
        SK_TRY_ASSIGN(id, location.requiredUuid(u"id"));
        refs.add({kLocation, id});
    } else if (name == u"inventory.adjust" || name == u"inventory.set") {
        SK_TRY_ASSIGN(variantId, r.requiredUuid(u"variant_id"));
        SK_TRY_ASSIGN(locationId, r.requiredUuid(u"location_id"));
        refs.addLevel(variantId, locationId);
    } else if (name == u"inventory.transfer") {
        SK_TRY_ASSIGN(variantId, r.requiredUuid(u"variant_id"));
        SK_TRY_ASSIGN(fromId, r.requiredUuid(u"from_location_id"));
        SK_TRY_ASSIGN(toId, r.requiredUuid(u"to_location_id"));
        refs.addLevel(variantId, fromId);
        refs.addLevel(variantId, toId);
    } else if (name == u"customer.create") {
        SK_TRY_ASSIGN(customer, r.object(u"customer"));
        SK_TRY_ASSIGN(id, customer.requiredUuid(u"id"));
        refs.add({kCustomer, id});
    } else if (name == u"order.set_status" || name == u"order.fulfil" || name == u"order.refund"
               || name == u"order.add_note") {
        SK_TRY_ASSIGN(id, r.requiredUuid(u"order_id"));
        refs.add({kOrder, id});
    } else {
        return unknownMutation(name);
    }
    return refs.take();
}

Result<QList<EntityRef>> LocalMutations::entitiesOf(SqliteDatabase &db, const QString &name, const QJsonObject &args)
{
    SK_TRY_ASSIGN(named, entitiesOf(name, args));
    RefList refs;
    for (const EntityRef &ref : std::as_const(named))
        refs.add(ref);
    const JsonReader r(args);
    InventoryRepository inventory(db);
    const auto addLevelsOf = [&](const QString &variantId) -> Result<void> {
        SK_TRY_ASSIGN(levels, inventory.levelsOfVariant(variantId));
        for (const InventoryLevel &level : std::as_const(levels))
            refs.addLevel(level.variantId, level.locationId);
        return {};
    };
    if (name == u"product.delete") {
        SK_TRY_ASSIGN(variants, ProductRepository(db).variantsOf(named.constFirst().id));
        for (const Variant &variant : std::as_const(variants))
            refs.add({kVariant, variant.id});
        for (const Variant &variant : std::as_const(variants))
            SK_TRY(addLevelsOf(variant.id));
    } else if (name == u"variant.delete") {
        SK_TRY(addLevelsOf(named.constFirst().id));
    } else if (name == u"order.set_status") {
        SK_TRY_ASSIGN(a, parseStatus(r));
        if (a.status == OrderStatus::Cancelled) {
            SK_TRY_ASSIGN(detail, OrderRepository(db).detail(a.orderId));
            if (detail) {
                for (const OrderLine &line : std::as_const(detail->lines))
                    refs.addLevel(line.variantId, detail->order.locationId);
            }
        }
    } else if (name == u"order.fulfil") {
        SK_TRY_ASSIGN(a, parseFulfil(r));
        SK_TRY_ASSIGN(detail, OrderRepository(db).detail(a.orderId));
        if (detail) {
            const QString location = a.locationId.isEmpty() ? detail->order.locationId : a.locationId;
            for (const FulfillmentLine &fl : std::as_const(a.lines)) {
                if (const OrderLine *line = OrderStateMachine::findLine(*detail, fl.orderLineId)) {
                    refs.addLevel(line->variantId, location);
                    refs.addLevel(line->variantId, detail->order.locationId);
                }
            }
        }
    } else if (name == u"order.refund") {
        SK_TRY_ASSIGN(a, parseRefund(r));
        if (a.restock) {
            SK_TRY_ASSIGN(detail, OrderRepository(db).detail(a.orderId));
            if (detail) {
                for (const RefundLine &rl : std::as_const(a.lines)) {
                    if (const OrderLine *line = OrderStateMachine::findLine(*detail, rl.orderLineId)) {
                        refs.addLevel(line->variantId, detail->order.locationId);
                        refs.addLevel(line->variantId, OrderStateMachine::shippedFrom(*detail, line->id));
                    }
                }
            }
        }
    }
    return refs.take();
}

Result<void> LocalMutations::apply(SqliteDatabase &db, const QString &name, const QJsonObject &args, qint64 nowMs,
                                   const EntityRef *only)
{
    SK_TRY_ASSIGN(savepoint, SqliteSavepoint::begin(db, "local_mutation"));
    Effects effects(db, nowMs, only);
    SK_TRY(effects.run(name, JsonReader(args)));
    return savepoint.release();
}

QJsonObject LocalMutations::withChildIds(const QString &name, const QJsonObject &args)
{
    QStringView key;
    if (name == u"order.fulfil")
        key = u"fulfillment_id";
    else if (name == u"order.refund")
        key = u"refund_id";
    else if (name == u"order.add_note")
        key = u"event_id";
    if (key.isEmpty())
        return args;
    const QJsonValue current = args.value(key);
    if (!current.isUndefined() && !current.isNull())
        return args;
    QJsonObject out = args;
    out.insert(key, newId());
    return out;
}

} // namespace sk
