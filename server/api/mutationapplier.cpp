#include "mutationapplier.h"

#include "domain/inventoryrules.h"
#include "domain/jsonreader.h"
#include "domain/mutationlimits.h"
#include "domain/orderstatemachine.h"
#include "domain/recordjson.h"
#include "money/money.h"
#include "storage/serverstorage.h"
#include "util/uuidv7.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QSet>

#include <functional>
#include <limits>

using namespace Qt::StringLiterals;

namespace sk::server {

namespace {

QString tr(const char *text, int n = -1)
{
    return QCoreApplication::translate("sk::server::MutationApplier", text, nullptr, n);
}

// Returned up the call chain when a mutation ends in a rejection or conflict; the outcome
// itself waits in Op::m_outcome. Never leaves this file.
const QString kOutcomeSentinel = u"internal.mutation_outcome"_s;

const QString kProduct = u"product"_s;
const QString kVariant = u"variant"_s;
const QString kLocation = u"location"_s;
const QString kLevel = u"inventory_level"_s;
const QString kLedger = u"ledger_entry"_s;
const QString kCustomer = u"customer"_s;
const QString kOrder = u"order"_s;

constexpr qint64 kMax = MutationLimits::MaxInteger;
constexpr qsizetype kName = MutationLimits::NameLength;
constexpr qsizetype kNote = MutationLimits::NoteLength;
constexpr qsizetype kMaxVariantsPerCreate = MutationLimits::VariantsPerCreate;
constexpr qsizetype kMaxLinesPerCommand = MutationLimits::LinesPerCommand;

struct MutationInfo
{
    const char *name;
    Permission permission;
};

constexpr MutationInfo kMutations[] = {
    {"product.create", Permission::WriteCatalog},     {"product.patch", Permission::WriteCatalog},
    {"product.archive", Permission::WriteCatalog},    {"product.delete", Permission::WriteCatalog},
    {"variant.create", Permission::WriteCatalog},     {"variant.patch", Permission::WriteCatalog},
    {"variant.delete", Permission::WriteCatalog},     {"location.create", Permission::ManageLocations},
    {"location.patch", Permission::ManageLocations},  {"inventory.adjust", Permission::AdjustInventory},
    {"inventory.set", Permission::AdjustInventory},   {"inventory.transfer", Permission::AdjustInventory},
    {"customer.create", Permission::WriteCustomers},  {"customer.patch", Permission::WriteCustomers},
    {"order.set_status", Permission::WriteOrders},    {"order.fulfil", Permission::FulfilOrders},
    {"order.refund", Permission::WriteOrders},        {"order.add_note", Permission::WriteOrders},
};

QString typeLabel(const QString &type)
{
    if (type == kProduct)
        return tr("product");
    if (type == kVariant)
        return tr("variant");
    if (type == kLocation)
        return tr("location");
    if (type == kLevel)
        return tr("stock level");
    if (type == kCustomer)
        return tr("customer");
    if (type == kOrder)
        return tr("order");
    return type;
}

QString keyLabel(const QString &key)
{
    if (key == u"sku")
        return tr("SKU");
    if (key == u"handle")
        return tr("handle");
    if (key == u"email")
        return tr("e-mail address");
    if (key == u"number")
        return tr("number");
    return key;
}

// The values that must be unique per shop and type.
QList<UniqueKey> keysOf(const QString &type, const QJsonObject &data)
{
    QList<UniqueKey> keys;
    if (type == kProduct) {
        keys.append({u"handle"_s, data.value(u"handle").toString()});
    } else if (type == kVariant) {
        const QString sku = data.value(u"sku").toString();
        if (!sku.isEmpty())
            keys.append({u"sku"_s, sku});
    } else if (type == kCustomer) {
        const QString email = data.value(u"email").toString();
        if (!email.isEmpty())
            keys.append({u"email"_s, email.toLower()});
    } else if (type == kOrder) {
        keys.append({u"number"_s, QString::number(data.value(u"number").toInteger())});
    }
    return keys;
}

// Two documents describe the same record, whatever the server stamped on them.
bool sameContent(QJsonObject a, QJsonObject b)
{
    for (QStringView key : {QStringView(u"version"), QStringView(u"updated_at"), QStringView(u"created_at"),
                            QStringView(u"consent_updated_at"), QStringView(u"available")}) {
        a.remove(key);
        b.remove(key);
    }
    return a == b;
}

Error corrupt(const QString &type, const QString &id, const Error &error)
{
    return makeError(u"internal.corrupt_record"_s,
                     tr("The stored %1 %2 cannot be read.").arg(typeLabel(type), id), error.toString());
}

QString newId()
{
    return UuidV7::toText(UuidV7::create());
}

// One mutation's application: the storage, the caller and the server's time for it.
class Op
{
public:
    Op(ServerStorage &storage, const ShopContext &context, qint64 now, QString clientId = {})
        : m_storage(storage), m_ctx(context), m_shop(context.shopId), m_now(now), m_clientId(std::move(clientId))
    {
    }

    // fieldVersions also records which sync client changed each field last, under "@<field>".
    static QString writerKey(const QString &field) { return u'@' + field; }

    Result<MutationOutcome> run(const QString &name, const QJsonObject &args)
    {
        const auto permission = MutationApplier::permissionFor(name);
        if (!permission) {
            return MutationOutcome::rejected(u"validation.unknown_mutation"_s,
                                             tr("There is no mutation called \u201C%1\u201D.").arg(name), u"name"_s);
        }
        if (!RolePolicy::allows(m_ctx.role, *permission)) {
            return MutationOutcome::rejected(u"forbidden.role"_s,
                                             tr("Your role (%1) may not perform %2.")
                                                 .arg(RolePolicy::toString(m_ctx.role), name));
        }
        Result<QJsonObject> result = dispatch(name, JsonReader(args));
        if (result.ok())
            return MutationOutcome::applied(std::move(result).value());
        if (result.error().code == kOutcomeSentinel)
            return m_outcome;
        return result.error();
    }

    // For the building blocks MutationApplier offers to other writers: an outcome becomes an Error.
    template <typename T>
    Result<T> plain(Result<T> result) const
    {
        if (result.ok() || result.error().code != kOutcomeSentinel)
            return result;
        return makeError(m_outcome.code, m_outcome.message, m_outcome.field);
    }

    struct Level
    {
        std::optional<EntityRecord> record;
        InventoryLevel level;
    };

    // The level of a variant at a location; nullopt once it was tombstoned with its variant.
    Result<std::optional<Level>> findLevel(const QString &variantId, const QString &locationId)
    {
        SK_TRY_ASSIGN(variant, m_storage.entity(m_shop, kVariant, variantId));
        if (!variant || variant->deleted)
            return std::optional<Level>(); // stock of a variant that is gone is not kept
        const QString id = MutationApplier::levelId(variantId, locationId);
        SK_TRY_ASSIGN(found, m_storage.entity(m_shop, kLevel, id));
        Level out;
        out.level.variantId = variantId;
        out.level.locationId = locationId;
        if (found) {
            if (found->deleted)
                return std::optional<Level>();
            auto parsed = RecordJson::inventoryLevelFromJson(found->data);
            if (!parsed.ok())
                return corrupt(kLevel, id, parsed.error());
            out.level = *parsed;
            out.record = *found;
        }
        return std::optional<Level>(std::move(out));
    }

    Result<Level> loadLevel(const QString &variantId, const QString &locationId)
    {
        SK_TRY_ASSIGN(found, findLevel(variantId, locationId));
        if (!found) {
            return fail(MutationOutcome::rejected(u"not_found.deleted"_s,
                                                  tr("Variant %1 and its stock were deleted.").arg(variantId),
                                                  u"variant_id"_s));
        }
        return std::move(*found);
    }

    Result<InventoryLevel> commitStock(const QString &variantId, const QString &locationId, qint64 quantity)
    {
        SK_TRY_ASSIGN(level, loadLevel(variantId, locationId));
        SK_TRY_ASSIGN(next, check(InventoryRules::commit(level.level, quantity), u"quantity"_s));
        level.level = next;
        SK_TRY(saveLevel(level, {u"committed"_s}));
        return level.level;
    }

private:
    // ---- outcome plumbing -----------------------------------------------------------

    Error fail(MutationOutcome outcome)
    {
        m_outcome = std::move(outcome);
        return makeError(kOutcomeSentinel, QString());
    }

    Error reject(const QString &code, const QString &message, const QString &field = {},
                 const QJsonObject &details = {})
    {
        return fail(MutationOutcome::rejected(code, message, field, details));
    }

    // A domain result: its error becomes the mutation's rejection (with `field` when the
    // error does not name one itself).
    template <typename T>
    Result<T> check(Result<T> result, const QString &field = {})
    {
        if (result.ok())
            return result;
        MutationOutcome outcome = MutationOutcome::rejected(result.error());
        if (outcome.field.isEmpty())
            outcome.field = field;
        return fail(std::move(outcome));
    }

    Result<void> check(Result<void> result, const QString &field = {})
    {
        if (result.ok())
            return result;
        MutationOutcome outcome = MutationOutcome::rejected(result.error());
        if (outcome.field.isEmpty())
            outcome.field = field;
        return fail(std::move(outcome));
    }

    // ---- dispatch -------------------------------------------------------------------

    Result<QJsonObject> dispatch(const QString &name, const JsonReader &r)
    {
        if (name == u"product.create")
            return productCreate(r);
        if (name == u"product.patch")
            return productPatch(r);
        if (name == u"product.archive")
            return productArchive(r);
        if (name == u"product.delete")
            return productDelete(r);
        if (name == u"variant.create")
            return variantCreate(r);
        if (name == u"variant.patch")
            return variantPatch(r);
        if (name == u"variant.delete")
            return variantDelete(r);
        if (name == u"location.create")
            return locationCreate(r);
        if (name == u"location.patch")
            return locationPatch(r);
        if (name == u"inventory.adjust")
            return inventoryAdjust(r);
        if (name == u"inventory.set")
            return inventorySet(r);
        if (name == u"inventory.transfer")
            return inventoryTransfer(r);
        if (name == u"customer.create")
            return customerCreate(r);
        if (name == u"customer.patch")
            return customerPatch(r);
        if (name == u"order.set_status")
            return orderSetStatus(r);
        if (name == u"order.fulfil")
            return orderFulfil(r);
        if (name == u"order.refund")
            return orderRefund(r);
        if (name == u"order.add_note")
            return orderAddNote(r);
        return reject(u"validation.unknown_mutation"_s, tr("There is no mutation called \u201C%1\u201D.").arg(name),
                      u"name"_s);
    }

    // ---- entities -------------------------------------------------------------------

    Result<EntityRecord> live(const QString &type, const QString &id, const QString &field)
    {
        SK_TRY_ASSIGN(found, m_storage.entity(m_shop, type, id));
        if (!found) {
            return reject(u"not_found."_s + type, tr("There is no %1 with id %2.").arg(typeLabel(type), id), field);
        }
        if (found->deleted) {
            return reject(u"not_found.deleted"_s, tr("The %1 %2 was deleted.").arg(typeLabel(type), id), field,
                          {{u"type"_s, type}, {u"id"_s, id}});
        }
        return std::move(*found);
    }

    // Stores the record with its unique keys; a key another record holds rejects the mutation,
    // naming the argument `keyPathPrefix + key`.
    Result<EntityRecord> put(const EntityRecord &record, const QString &keyPathPrefix)
    {
        const QList<UniqueKey> keys = keysOf(record.type, record.data);
        auto stored = m_storage.putEntity(m_shop, record, keys);
        if (!stored.ok() && stored.error().code == u"conflict.unique") {
            const QString key = stored.error().detail;
            QString value;
            for (const UniqueKey &k : keys) {
                if (k.name == key)
                    value = k.value;
            }
            return reject(u"conflict.unique"_s,
                          tr("Another %1 already has the %2 \u201C%3\u201D.").arg(typeLabel(record.type), keyLabel(key), value),
                          keyPathPrefix + key, {{u"key"_s, key}, {u"value"_s, value}});
        }
        return stored;
    }

    Result<EntityRecord> insert(const QString &type, const QString &id, const QString &parentId, QJsonObject data,
                                const QString &keyPathPrefix)
    {
        EntityRecord record;
        record.type = type;
        record.id = id;
        record.parentId = parentId;
        record.version = 1;
        record.updatedAt = m_now;
        data.insert(u"version", record.version);
        data.insert(u"updated_at", record.updatedAt);
        record.data = std::move(data);
        return put(record, keyPathPrefix);
    }

    // The next version of a record: version + 1, server time (never earlier than before),
    // and the changed fields' versions.
    Result<EntityRecord> update(EntityRecord record, QJsonObject data, const QStringList &changed,
                                const QString &keyPathPrefix)
    {
        record.version += 1;
        record.updatedAt = qMax(m_now, record.updatedAt);
        data.insert(u"version", record.version);
        data.insert(u"updated_at", record.updatedAt);
        for (const QString &field : changed) {
            record.fieldVersions.insert(field, record.version);
            if (m_clientId.isEmpty())
                record.fieldVersions.remove(writerKey(field));
            else
                record.fieldVersions.insert(writerKey(field), m_clientId);
        }
        record.data = std::move(data);
        record.deleted = false;
        return put(record, keyPathPrefix);
    }

    // Creating a record whose id exists: the same content is a harmless replay, other
    // content is refused; a deleted record never comes back.
    Result<EntityRecord> createRecord(const QString &type, const QString &id, const QString &parentId,
                                      const QJsonObject &data, const QString &path)
    {
        SK_TRY_ASSIGN(existing, m_storage.entity(m_shop, type, id));
        const QString idPath = path.isEmpty() ? u"id"_s : path + u".id"_s;
        if (existing) {
            if (existing->deleted) {
                return reject(u"not_found.deleted"_s,
                              tr("The %1 %2 was deleted and cannot be created again.").arg(typeLabel(type), id), idPath,
                              {{u"type"_s, type}, {u"id"_s, id}});
            }
            if (sameContent(existing->data, data))
                return std::move(*existing);
            return reject(u"conflict.exists"_s,
                          tr("A %1 with id %2 already exists with other content.").arg(typeLabel(type), id), idPath,
                          {{u"server_version"_s, existing->version}});
        }
        return insert(type, id, parentId, data, path.isEmpty() ? QString() : path + u'.');
    }

    // A record nested in the arguments, with the server's stamps: created and updated now,
    // version 1. Whatever times the client sent are ignored.
    JsonReader stamped(const JsonReader &reader, const QJsonObject &extra = {}) const
    {
        QJsonObject object = reader.object();
        object.insert(u"created_at", m_now);
        object.insert(u"updated_at", m_now);
        object.insert(u"version", 1);
        for (auto it = extra.begin(); it != extra.end(); ++it) {
            if (!object.contains(it.key()) || object.value(it.key()).isNull())
                object.insert(it.key(), it.value());
        }
        return JsonReader(object, reader.path());
    }

    static QJsonObject idVersion(const EntityRecord &record)
    {
        return {{u"id"_s, record.id}, {u"version"_s, record.version}};
    }

    QString author()
    {
        if (m_author)
            return *m_author;
        QString name;
        if (m_ctx.principal.isApiToken()) {
            name = tr("API token");
        } else {
            auto user = m_storage.user(m_ctx.principal.userId);
            if (user.ok() && *user)
                name = (*user)->name.isEmpty() ? (*user)->email : (*user)->name;
            if (name.isEmpty())
                name = m_ctx.principal.email;
        }
        m_author = name.left(kName);
        return *m_author;
    }

    // ---- patches --------------------------------------------------------------------

    using Normalizer = std::function<Result<QJsonObject>(const JsonReader &)>;
    using Deriver = std::function<void(QJsonObject &data, QStringList &changed)>;

    // {id, base_version, fields:{...}}: a field changed on the server since base_version (to
    // another value than the patch's) is a conflict; the other fields merge.
    Result<QJsonObject> patch(const JsonReader &r, const QString &type, const QStringList &allowed,
                              const Normalizer &normalize, const Deriver &derive = {})
    {
        SK_TRY_ASSIGN(id, check(r.requiredUuid(u"id")));
        SK_TRY_ASSIGN(base, check(r.requiredInt(u"base_version", 1, kMax)));
        SK_TRY_ASSIGN(fields, check(r.object(u"fields")));
        const QStringList keys = fields.object().keys();
        if (keys.isEmpty())
            return reject(u"validation.invalid_field"_s, tr("\u201Cfields\u201D names nothing to change."), u"fields"_s);
        for (const QString &key : keys) {
            if (!allowed.contains(key)) {
                return reject(u"validation.unknown_field"_s,
                              tr("\u201C%1\u201D cannot be changed by a patch; the fields that can are: %2.")
                                  .arg(fields.pathOf(key), allowed.join(u", ")),
                              fields.pathOf(key));
            }
        }
        SK_TRY_ASSIGN(record, live(type, id, u"id"_s));
        if (base > record.version) {
            return reject(u"validation.invalid_field"_s,
                          tr("\u201Cbase_version\u201D is %1, but the %2 is only at version %3.")
                              .arg(base)
                              .arg(typeLabel(type))
                              .arg(record.version),
                          u"base_version"_s);
        }
        QJsonObject merged = record.data;
        for (const QString &key : keys)
            merged.insert(key, fields.object().value(key));
        SK_TRY_ASSIGN(normalized, check(normalize(JsonReader(merged, fields.path()))));

        QStringList changed;
        for (const QString &key : keys) {
            const QJsonValue next = normalized.value(key);
            const QJsonValue current = record.data.value(key);
            if (next == current)
                continue;
            const qint64 fieldVersion = record.fieldVersions.value(key).toInteger(0);
            const bool ownChange =
                !m_clientId.isEmpty() && record.fieldVersions.value(writerKey(key)).toString() == m_clientId;
            if (fieldVersion > base && !ownChange) {
                return fail(MutationOutcome::conflict(
                    u"conflict.field"_s,
                    tr("\u201C%1\u201D was changed on the server (in version %2) after your version %3.")
                        .arg(key)
                        .arg(fieldVersion)
                        .arg(base),
                    fields.pathOf(key),
                    {{u"field"_s, key}, {u"server_value"_s, current}, {u"server_version"_s, record.version}}));
            }
            changed.append(key);
        }
        if (changed.isEmpty())
            return idVersion(record);
        QJsonObject data = record.data;
        for (const QString &key : std::as_const(changed))
            data.insert(key, normalized.value(key));
        if (derive)
            derive(data, changed);
        SK_TRY_ASSIGN(stored, update(record, data, changed, fields.path() + u'.'));
        return idVersion(stored);
    }

    // ---- catalogue ------------------------------------------------------------------

    Result<QJsonObject> productCreate(const JsonReader &r)
    {
        SK_TRY_ASSIGN(productReader, check(r.object(u"product")));
        SK_TRY_ASSIGN(product, check(RecordJson::productFromJson(stamped(productReader))));
        SK_TRY_ASSIGN(variantReaders, check(r.objectArray(u"variants")));
        if (variantReaders.size() > kMaxVariantsPerCreate) {
            return reject(u"validation.invalid_field"_s,
                          tr("A product is created with at most %1 variants at a time.").arg(kMaxVariantsPerCreate),
                          u"variants"_s);
        }
        QList<Variant> variants;
        for (const JsonReader &reader : std::as_const(variantReaders)) {
            SK_TRY_ASSIGN(variant,
                          check(RecordJson::variantFromJson(stamped(reader, {{u"product_id"_s, product.id}}))));
            if (variant.productId != product.id) {
                return reject(u"validation.invalid_field"_s,
                              tr("\u201C%1\u201D is %2, but the variant belongs to the new product %3.")
                                  .arg(reader.pathOf(u"product_id"), variant.productId, product.id),
                              reader.pathOf(u"product_id"));
            }
            variants.append(variant);
        }
        SK_TRY_ASSIGN(stored, createRecord(kProduct, product.id, {}, RecordJson::toJson(product), productReader.path()));
        for (qsizetype i = 0; i < variants.size(); ++i) {
            SK_TRY(createRecord(kVariant, variants.at(i).id, product.id, RecordJson::toJson(variants.at(i)),
                                variantReaders.at(i).path()));
        }
        return idVersion(stored);
    }

    Result<QJsonObject> productPatch(const JsonReader &r)
    {
        static const QStringList allowed{u"title"_s, u"handle"_s,   u"description"_s, u"vendor"_s,
                                         u"category"_s, u"tags"_s, u"status"_s};
        return patch(r, kProduct, allowed, [](const JsonReader &reader) -> Result<QJsonObject> {
            SK_TRY_ASSIGN(product, RecordJson::productFromJson(reader));
            return RecordJson::toJson(product);
        });
    }

    Result<QJsonObject> productArchive(const JsonReader &r)
    {
        SK_TRY_ASSIGN(id, check(r.requiredUuid(u"id")));
        SK_TRY_ASSIGN(record, live(kProduct, id, u"id"_s));
        const QString archived = toString(ProductStatus::Archived);
        if (record.data.value(u"status").toString() == archived)
            return idVersion(record);
        QJsonObject data = record.data;
        data.insert(u"status", archived);
        SK_TRY_ASSIGN(stored, update(record, data, {u"status"_s}, {}));
        return idVersion(stored);
    }

    // Tombstones a variant and its stock levels; its ledger stays (history).
    Result<void> deleteVariant(const EntityRecord &variant)
    {
        SK_TRY_ASSIGN(levels, m_storage.children(m_shop, kLevel, variant.id));
        for (const EntityRecord &level : std::as_const(levels)) {
            if (!level.deleted)
                SK_TRY(m_storage.tombstone(m_shop, kLevel, level.id, m_now));
        }
        SK_TRY(m_storage.tombstone(m_shop, kVariant, variant.id, m_now));
        return {};
    }

    Result<QJsonObject> productDelete(const JsonReader &r)
    {
        SK_TRY_ASSIGN(id, check(r.requiredUuid(u"id")));
        SK_TRY_ASSIGN(found, m_storage.entity(m_shop, kProduct, id));
        if (!found)
            return reject(u"not_found.product"_s, tr("There is no product with id %1.").arg(id), u"id"_s);
        if (found->deleted)
            return QJsonObject{{u"id"_s, id}};
        SK_TRY_ASSIGN(variants, m_storage.children(m_shop, kVariant, id));
        for (const EntityRecord &variant : std::as_const(variants)) {
            if (!variant.deleted)
                SK_TRY(deleteVariant(variant));
        }
        SK_TRY(m_storage.tombstone(m_shop, kProduct, id, m_now));
        return QJsonObject{{u"id"_s, id}};
    }

    Result<QJsonObject> variantCreate(const JsonReader &r)
    {
        SK_TRY_ASSIGN(reader, check(r.object(u"variant")));
        SK_TRY_ASSIGN(variant, check(RecordJson::variantFromJson(stamped(reader))));
        SK_TRY(live(kProduct, variant.productId, reader.pathOf(u"product_id")));
        SK_TRY_ASSIGN(stored,
                      createRecord(kVariant, variant.id, variant.productId, RecordJson::toJson(variant), reader.path()));
        return idVersion(stored);
    }

    Result<QJsonObject> variantPatch(const JsonReader &r)
    {
        static const QStringList allowed{u"sku"_s,    u"barcode"_s,          u"option1"_s, u"option2"_s,
                                         u"option3"_s, u"price"_s,            u"compare_at_price"_s,
                                         u"cost"_s,   u"weight"_s,           u"weight_unit"_s,
                                         u"track_inventory"_s,               u"position"_s};
        return patch(r, kVariant, allowed, [](const JsonReader &reader) -> Result<QJsonObject> {
            SK_TRY_ASSIGN(variant, RecordJson::variantFromJson(reader));
            return RecordJson::toJson(variant);
        });
    }

    Result<QJsonObject> variantDelete(const JsonReader &r)
    {
        SK_TRY_ASSIGN(id, check(r.requiredUuid(u"id")));
        SK_TRY_ASSIGN(found, m_storage.entity(m_shop, kVariant, id));
        if (!found)
            return reject(u"not_found.variant"_s, tr("There is no variant with id %1.").arg(id), u"id"_s);
        if (!found->deleted)
            SK_TRY(deleteVariant(*found));
        return QJsonObject{{u"id"_s, id}};
    }

    Result<QJsonObject> locationCreate(const JsonReader &r)
    {
        SK_TRY_ASSIGN(reader, check(r.object(u"location")));
        SK_TRY_ASSIGN(location, check(RecordJson::locationFromJson(stamped(reader))));
        SK_TRY_ASSIGN(stored, createRecord(kLocation, location.id, {}, RecordJson::toJson(location), reader.path()));
        return idVersion(stored);
    }

    Result<QJsonObject> locationPatch(const JsonReader &r)
    {
        static const QStringList allowed{u"name"_s, u"code"_s, u"address"_s, u"active"_s};
        return patch(r, kLocation, allowed, [](const JsonReader &reader) -> Result<QJsonObject> {
            SK_TRY_ASSIGN(location, RecordJson::locationFromJson(reader));
            return RecordJson::toJson(location);
        });
    }

    // ---- inventory ------------------------------------------------------------------

    Result<void> saveLevel(Level &level, const QStringList &changed)
    {
        QJsonObject data = RecordJson::toJson(level.level);
        EntityRecord stored;
        if (level.record) {
            SK_TRY_ASSIGN(updated, update(*level.record, data, changed, {}));
            stored = std::move(updated);
        } else {
            SK_TRY_ASSIGN(inserted, insert(kLevel, MutationApplier::levelId(level.level.variantId, level.level.locationId),
                                           level.level.variantId, data, {}));
            stored = std::move(inserted);
        }
        level.level.version = stored.version;
        level.level.updatedAt = stored.updatedAt;
        level.record = std::move(stored);
        return {};
    }

    // Moves stock by one ledger row and saves the level: the only way on_hand changes.
    Result<LedgerEntry> moveStock(Level &level, qint64 delta, InventoryReason reason, const QString &reference,
                                  const QString &note, const QString &deltaField)
    {
        SK_TRY_ASSIGN(next, check(InventoryRules::applyDelta(level.level, delta, reason), deltaField));
        level.level = next;
        LedgerEntry entry;
        entry.id = newId();
        entry.variantId = level.level.variantId;
        entry.locationId = level.level.locationId;
        entry.delta = delta;
        entry.quantityAfter = next.onHand;
        entry.reason = reason;
        entry.reference = reference.left(kName);
        entry.note = note;
        entry.userId = m_ctx.principal.userId;
        entry.userName = author();
        entry.createdAt = m_now;
        entry.version = 1;
        entry.updatedAt = m_now;
        SK_TRY(insert(kLedger, entry.id, entry.variantId, RecordJson::toJson(entry), {}));
        SK_TRY(saveLevel(level, {u"on_hand"_s}));
        return entry;
    }

    Result<void> releaseStock(const QString &variantId, const QString &locationId, qint64 quantity)
    {
        if (quantity <= 0 || locationId.isEmpty() || variantId.isEmpty())
            return {};
        SK_TRY_ASSIGN(found, findLevel(variantId, locationId));
        if (!found || found->level.committed == 0)
            return {};
        SK_TRY_ASSIGN(next, check(InventoryRules::release(found->level, quantity)));
        found->level = next;
        return saveLevel(*found, {u"committed"_s});
    }

    // A sale of `quantity` from the level under the shop's policy: true when it oversells.
    Result<bool> checkSale(const InventoryLevel &level, qint64 quantity, const QString &field)
    {
        auto sale = InventoryRules::checkSale(level, quantity, m_ctx.settings.oversellPolicy);
        if (!sale.ok()) {
            if (sale.error().code == u"inventory.oversell") {
                return reject(sale.error().code, sale.error().message, field,
                              {{u"available"_s, level.available()}});
            }
            return check(Result<InventoryRules::SaleCheck>(sale.error()), field).error();
        }
        return *sale == InventoryRules::SaleCheck::Oversold;
    }

    static QJsonObject levelResult(const Level &level, const QString &ledgerEntryId, bool oversold)
    {
        return {{u"on_hand"_s, level.level.onHand},
                {u"committed"_s, level.level.committed},
                {u"available"_s, level.level.available()},
                {u"version"_s, level.record ? level.record->version : 0},
                {u"ledger_entry_id"_s, ledgerEntryId.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(ledgerEntryId)},
                {u"oversold"_s, oversold}};
    }

    Result<InventoryReason> reasonOf(const JsonReader &r, std::optional<InventoryReason> fallback)
    {
        Result<InventoryReason> reason =
            fallback ? r.enumOr<InventoryReason>(u"reason", *fallback) : r.requiredEnum<InventoryReason>(u"reason");
        SK_TRY_ASSIGN(value, check(reason));
        if (value == InventoryReason::TransferIn || value == InventoryReason::TransferOut) {
            return reject(u"validation.invalid_field"_s,
                          tr("\u201Creason\u201D %1 belongs to transfers: use inventory.transfer.").arg(toString(value)),
                          u"reason"_s);
        }
        return value;
    }

    Result<QJsonObject> inventoryAdjust(const JsonReader &r)
    {
        SK_TRY_ASSIGN(variantId, check(r.requiredUuid(u"variant_id")));
        SK_TRY_ASSIGN(locationId, check(r.requiredUuid(u"location_id")));
        SK_TRY_ASSIGN(delta, check(r.requiredInt(u"delta")));
        SK_TRY_ASSIGN(reason, reasonOf(r, std::nullopt));
        SK_TRY_ASSIGN(reference, check(r.optionalString(u"reference", kName)));
        SK_TRY_ASSIGN(note, check(r.optionalText(u"note", kNote)));
        SK_TRY_ASSIGN(changeFrom, check(r.optionalInt(u"change_from")));
        SK_TRY(live(kVariant, variantId, u"variant_id"_s));
        SK_TRY(live(kLocation, locationId, u"location_id"_s));
        SK_TRY_ASSIGN(level, loadLevel(variantId, locationId));
        if (changeFrom && *changeFrom != level.level.onHand) {
            return fail(MutationOutcome::conflict(
                u"inventory_stale"_s,
                tr("Stock changed meanwhile: on hand is now %1, not %2.").arg(level.level.onHand).arg(*changeFrom),
                u"change_from"_s, {{u"current"_s, level.level.onHand}}));
        }
        // The sign rule first, so a wrong sign is reported as such and not as an oversell.
        SK_TRY(check(InventoryRules::applyDelta(level.level, delta, reason), u"delta"_s));
        bool oversold = false;
        if (delta < 0) {
            SK_TRY_ASSIGN(over, checkSale(level.level, -delta, u"delta"_s));
            oversold = over;
        }
        SK_TRY_ASSIGN(entry, moveStock(level, delta, reason, reference, note, u"delta"_s));
        return levelResult(level, entry.id, oversold);
    }

    Result<QJsonObject> inventorySet(const JsonReader &r)
    {
        SK_TRY_ASSIGN(variantId, check(r.requiredUuid(u"variant_id")));
        SK_TRY_ASSIGN(locationId, check(r.requiredUuid(u"location_id")));
        SK_TRY_ASSIGN(quantity, check(r.requiredInt(u"quantity", 0, kMax)));
        SK_TRY_ASSIGN(changeFrom, check(r.requiredInt(u"change_from")));
        SK_TRY_ASSIGN(reason, reasonOf(r, InventoryReason::CycleCount));
        SK_TRY_ASSIGN(reference, check(r.optionalString(u"reference", kName)));
        SK_TRY_ASSIGN(note, check(r.optionalText(u"note", kNote)));
        SK_TRY(live(kVariant, variantId, u"variant_id"_s));
        SK_TRY(live(kLocation, locationId, u"location_id"_s));
        SK_TRY_ASSIGN(level, loadLevel(variantId, locationId));
        auto delta = InventoryRules::applyCount(level.level, quantity, changeFrom);
        if (!delta.ok()) {
            if (delta.error().code == u"inventory_stale") {
                return fail(MutationOutcome::conflict(u"inventory_stale"_s, delta.error().message, u"change_from"_s,
                                                      {{u"current"_s, level.level.onHand}}));
            }
            return check(delta, u"quantity"_s).error();
        }
        if (*delta == 0)
            return levelResult(level, {}, level.level.available() < 0);
        SK_TRY_ASSIGN(entry, moveStock(level, *delta, reason, reference, note, u"quantity"_s));
        return levelResult(level, entry.id, level.level.available() < 0);
    }

    Result<QJsonObject> inventoryTransfer(const JsonReader &r)
    {
        SK_TRY_ASSIGN(variantId, check(r.requiredUuid(u"variant_id")));
        SK_TRY_ASSIGN(fromId, check(r.requiredUuid(u"from_location_id")));
        SK_TRY_ASSIGN(toId, check(r.requiredUuid(u"to_location_id")));
        SK_TRY_ASSIGN(quantity, check(r.requiredInt(u"quantity", 1, kMax)));
        SK_TRY_ASSIGN(reference, check(r.optionalString(u"reference", kName)));
        SK_TRY_ASSIGN(note, check(r.optionalText(u"note", kNote)));
        if (fromId == toId) {
            return reject(u"validation.invalid_field"_s,
                          tr("\u201Cto_location_id\u201D must differ from \u201Cfrom_location_id\u201D."),
                          u"to_location_id"_s);
        }
        SK_TRY(live(kVariant, variantId, u"variant_id"_s));
        SK_TRY(live(kLocation, fromId, u"from_location_id"_s));
        SK_TRY(live(kLocation, toId, u"to_location_id"_s));
        SK_TRY_ASSIGN(from, loadLevel(variantId, fromId));
        SK_TRY_ASSIGN(oversold, checkSale(from.level, quantity, u"quantity"_s));
        SK_TRY_ASSIGN(out, moveStock(from, -quantity, InventoryReason::TransferOut, reference, note, u"quantity"_s));
        SK_TRY_ASSIGN(to, loadLevel(variantId, toId));
        SK_TRY_ASSIGN(in, moveStock(to, quantity, InventoryReason::TransferIn, reference, note, u"quantity"_s));
        return QJsonObject{{u"from"_s, levelResult(from, out.id, oversold)},
                           {u"to"_s, levelResult(to, in.id, false)},
                           {u"oversold"_s, oversold}};
    }

    // ---- customers ------------------------------------------------------------------

    Result<QJsonObject> customerCreate(const JsonReader &r)
    {
        SK_TRY_ASSIGN(reader, check(r.object(u"customer")));
        SK_TRY_ASSIGN(customer, check(RecordJson::customerFromJson(stamped(reader))));
        const bool consented = customer.emailMarketing != MarketingConsent::NotSubscribed
                               || customer.smsMarketing != MarketingConsent::NotSubscribed;
        customer.consentUpdatedAt = consented ? std::optional<qint64>(m_now) : std::nullopt;
        SK_TRY_ASSIGN(stored, createRecord(kCustomer, customer.id, {}, RecordJson::toJson(customer), reader.path()));
        return idVersion(stored);
    }

    Result<QJsonObject> customerPatch(const JsonReader &r)
    {
        // addresses replaces the whole list (each address checked as customer.create checks it).
        static const QStringList allowed{u"first_name"_s, u"last_name"_s,       u"email"_s,
                                         u"phone"_s,      u"note"_s,            u"tags"_s,
                                         u"email_marketing"_s, u"sms_marketing"_s, u"addresses"_s};
        const qint64 now = m_now;
        return patch(
            r, kCustomer, allowed,
            [](const JsonReader &reader) -> Result<QJsonObject> {
                // A stored customer always has an array here; anything else came with the patch,
                // and a null would read as no addresses at all.
                if (!reader.object().value(u"addresses").isArray()) {
                    return reader.invalidField(
                        u"addresses", tr("\u201C%1\u201D must be an array of addresses (an empty one removes them all).")
                                          .arg(reader.pathOf(u"addresses")));
                }
                SK_TRY_ASSIGN(customer, RecordJson::customerFromJson(reader));
                return RecordJson::toJson(customer);
            },
            [now](QJsonObject &data, QStringList &changed) {
                // Consent changes are dated by the server, for the audit trail.
                if (changed.contains(u"email_marketing"_s) || changed.contains(u"sms_marketing"_s)) {
                    data.insert(u"consent_updated_at", now);
                    changed.append(u"consent_updated_at"_s);
                }
            });
    }

    // ---- orders ---------------------------------------------------------------------

    struct OrderState
    {
        EntityRecord record;
        OrderDetail detail;
    };

    Result<OrderState> loadOrder(const JsonReader &r)
    {
        SK_TRY_ASSIGN(id, check(r.requiredUuid(u"order_id")));
        SK_TRY_ASSIGN(record, live(kOrder, id, u"order_id"_s));
        auto detail = RecordJson::orderDetailFromJson(record.data);
        if (!detail.ok())
            return corrupt(kOrder, id, detail.error());
        return OrderState{std::move(record), std::move(detail).value()};
    }

    Result<EntityRecord> saveOrder(OrderState &state, const QStringList &changed)
    {
        SK_TRY_ASSIGN(stored, update(state.record, RecordJson::toJson(state.detail), changed, {}));
        state.record = stored;
        return stored;
    }

    OrderEvent makeEvent(const OrderDetail &detail, OrderEventKind kind, const QString &message, const QString &id = {})
    {
        OrderEvent event;
        event.id = id.isEmpty() ? newId() : id;
        event.orderId = detail.order.id;
        event.kind = kind;
        event.message = message;
        event.author = author();
        event.createdAt = m_now;
        event.version = 1;
        event.updatedAt = m_now;
        return event;
    }

    QString orderReference(const Order &order) const { return tr("Order #%1").arg(order.number); }

    Result<QJsonObject> orderSetStatus(const JsonReader &r)
    {
        SK_TRY_ASSIGN(status, check(r.requiredEnum<OrderStatus>(u"status")));
        SK_TRY_ASSIGN(reason, check(r.optionalText(u"reason", kNote)));
        SK_TRY_ASSIGN(state, loadOrder(r));
        Order &order = state.detail.order;
        SK_TRY(check(OrderStateMachine::checkStatusChange(state.detail, status), u"status"_s));
        const OrderStatus from = order.status;
        QStringList changed{u"status"_s};
        if (status == OrderStatus::Cancelled) {
            // Whatever is still reserved for the order goes back on sale.
            for (const OrderLine &line : std::as_const(state.detail.lines))
                SK_TRY(releaseStock(line.variantId, order.locationId, OrderStateMachine::openQuantity(state.detail, line)));
            order.cancelledAt = m_now;
            order.cancelReason = reason;
            changed << u"cancelled_at"_s << u"cancel_reason"_s;
        }
        order.status = status;
        QString message = tr("Status changed from %1 to %2.").arg(toString(from), toString(status));
        if (!reason.isEmpty())
            message += u'\n' + reason;
        state.detail.events.append(makeEvent(
            state.detail, status == OrderStatus::Cancelled ? OrderEventKind::Cancelled : OrderEventKind::StatusChanged,
            message.left(kNote)));
        SK_TRY_ASSIGN(stored, saveOrder(state, changed));
        QJsonObject result = idVersion(stored);
        result.insert(u"status", toString(status));
        return result;
    }

    Result<QJsonObject> orderFulfil(const JsonReader &r)
    {
        SK_TRY_ASSIGN(fulfillmentId, check(r.optionalUuid(u"fulfillment_id")));
        SK_TRY_ASSIGN(lineReaders, check(r.objectArray(u"lines")));
        if (lineReaders.isEmpty())
            return reject(u"validation.missing_field"_s, tr("\u201Clines\u201D names nothing to fulfil."), u"lines"_s);
        if (lineReaders.size() > kMaxLinesPerCommand)
            return reject(u"validation.invalid_field"_s, tr("Too many lines."), u"lines"_s);
        QList<FulfillmentLine> lines;
        QSet<QString> seen;
        for (const JsonReader &line : std::as_const(lineReaders)) {
            FulfillmentLine fl;
            SK_TRY_ASSIGN(lineId, check(line.requiredUuid(u"order_line_id")));
            SK_TRY_ASSIGN(quantity, check(line.requiredInt(u"quantity", 1, kMax)));
            if (seen.contains(lineId)) {
                return reject(u"validation.invalid_field"_s,
                              tr("\u201C%1\u201D names order line %2 a second time.").arg(line.pathOf(u"order_line_id"), lineId),
                              line.pathOf(u"order_line_id"));
            }
            seen.insert(lineId);
            fl.orderLineId = lineId;
            fl.quantity = quantity;
            lines.append(fl);
        }
        SK_TRY_ASSIGN(tracking, check(r.optionalString(u"tracking_number", kName)));
        SK_TRY_ASSIGN(carrier, check(r.optionalString(u"carrier", kName)));
        SK_TRY_ASSIGN(locationArg, check(r.optionalUuid(u"location_id")));
        SK_TRY_ASSIGN(state, loadOrder(r));
        Order &order = state.detail.order;
        for (const Fulfillment &f : std::as_const(state.detail.fulfillments)) {
            if (!fulfillmentId.isEmpty() && f.id == fulfillmentId) {
                return reject(u"conflict.exists"_s, tr("Order #%1 already has fulfilment %2.").arg(order.number).arg(fulfillmentId),
                              u"fulfillment_id"_s);
            }
        }
        SK_TRY(check(OrderStateMachine::checkFulfillment(state.detail, lines), u"lines"_s));
        // Units a restocking refund released are no longer for sale on this order.
        for (qsizetype i = 0; i < lines.size(); ++i) {
            const OrderLine *line = OrderStateMachine::findLine(state.detail, lines.at(i).orderLineId);
            const qint64 open = OrderStateMachine::openQuantity(state.detail, *line);
            if (lines.at(i).quantity > open) {
                return reject(u"order.overfulfil"_s,
                              tr("Cannot fulfil %1 of %2 on order #%3: only %4 left to ship after refunds.")
                                  .arg(lines.at(i).quantity)
                                  .arg(line->title)
                                  .arg(order.number)
                                  .arg(open),
                              lineReaders.at(i).pathOf(u"quantity"));
            }
        }
        if (!locationArg.isEmpty())
            SK_TRY(live(kLocation, locationArg, u"location_id"_s));
        const QString location = locationArg.isEmpty() ? order.locationId : locationArg;
        for (qsizetype i = 0; i < lines.size(); ++i) {
            const OrderLine *line = OrderStateMachine::findLine(state.detail, lines.at(i).orderLineId);
            if (line->variantId.isEmpty())
                continue; // the variant is gone: nothing to take off a shelf
            if (location.isEmpty()) {
                return reject(u"validation.missing_field"_s,
                              tr("Order #%1 has no location: name the location the items ship from.").arg(order.number),
                              u"location_id"_s);
            }
            SK_TRY_ASSIGN(level, findLevel(line->variantId, location));
            if (!level)
                continue; // deleted with its variant
            SK_TRY(moveStock(*level, -lines.at(i).quantity, InventoryReason::Sold, orderReference(order), {},
                             lineReaders.at(i).pathOf(u"quantity")));
            SK_TRY(releaseStock(line->variantId, order.locationId, lines.at(i).quantity));
        }
        Fulfillment fulfillment;
        fulfillment.id = fulfillmentId.isEmpty() ? newId() : fulfillmentId;
        fulfillment.orderId = order.id;
        fulfillment.locationId = location;
        fulfillment.trackingNumber = tracking;
        fulfillment.carrier = carrier;
        fulfillment.createdAt = m_now;
        fulfillment.version = 1;
        fulfillment.updatedAt = m_now;
        fulfillment.lines = lines;
        order.fulfillmentStatus = OrderStateMachine::fulfillmentStatusAfter(state.detail, lines);
        state.detail.fulfillments.append(fulfillment);
        qint64 units = 0;
        for (const FulfillmentLine &line : std::as_const(lines))
            units += line.quantity;
        QString message = tr("Fulfilled %n item(s).", int(qMin<qint64>(units, std::numeric_limits<int>::max())));
        if (!tracking.isEmpty())
            message += u' ' + tr("Tracking: %1 %2").arg(carrier, tracking).simplified();
        state.detail.events.append(makeEvent(state.detail, OrderEventKind::Fulfilled, message.left(kNote)));
        SK_TRY_ASSIGN(stored, saveOrder(state, {u"fulfillment_status"_s, u"fulfillments"_s}));
        QJsonObject result = idVersion(stored);
        result.insert(u"fulfillment_id", fulfillment.id);
        result.insert(u"fulfillment_status", toString(order.fulfillmentStatus));
        return result;
    }

    Result<QJsonObject> orderRefund(const JsonReader &r)
    {
        SK_TRY_ASSIGN(refundId, check(r.optionalUuid(u"refund_id")));
        SK_TRY_ASSIGN(amount, check(r.requiredInt(u"amount", 1, kMax)));
        SK_TRY_ASSIGN(restock, check(r.boolOr(u"restock", false)));
        SK_TRY_ASSIGN(reason, check(r.optionalText(u"reason", kNote)));
        SK_TRY_ASSIGN(lineReaders, check(r.objectArray(u"lines")));
        if (lineReaders.size() > kMaxLinesPerCommand)
            return reject(u"validation.invalid_field"_s, tr("Too many lines."), u"lines"_s);
        QList<RefundLine> lines;
        QSet<QString> seen;
        for (const JsonReader &line : std::as_const(lineReaders)) {
            RefundLine rl;
            SK_TRY_ASSIGN(lineId, check(line.requiredUuid(u"order_line_id")));
            SK_TRY_ASSIGN(quantity, check(line.requiredInt(u"quantity", 1, kMax)));
            SK_TRY_ASSIGN(lineAmount, check(line.intOr(u"amount", 0, 0, kMax)));
            if (seen.contains(lineId)) {
                return reject(u"validation.invalid_field"_s,
                              tr("\u201C%1\u201D names order line %2 a second time.").arg(line.pathOf(u"order_line_id"), lineId),
                              line.pathOf(u"order_line_id"));
            }
            seen.insert(lineId);
            rl.orderLineId = lineId;
            rl.quantity = quantity;
            rl.amount = lineAmount;
            lines.append(rl);
        }
        SK_TRY_ASSIGN(state, loadOrder(r));
        Order &order = state.detail.order;
        for (const Refund &f : std::as_const(state.detail.refunds)) {
            if (!refundId.isEmpty() && f.id == refundId) {
                return reject(u"conflict.exists"_s, tr("Order #%1 already has refund %2.").arg(order.number).arg(refundId),
                              u"refund_id"_s);
            }
        }
        {
            auto allowed = OrderStateMachine::checkRefund(state.detail, amount, lines);
            if (!allowed.ok()) {
                const QString &code = allowed.error().code;
                const bool aboutLines = code == u"order.overrefund_quantity" || code == u"order.unknown_line"
                                        || code == u"order.invalid_quantity";
                return check(allowed, aboutLines ? u"lines"_s : u"amount"_s).error();
            }
        }
        SK_TRY_ASSIGN(already, check(Money::fromMinor(order.refundedTotal, order.currency), u"amount"_s));
        SK_TRY_ASSIGN(refunded, check(already.add(Money(amount, already.currency())), u"amount"_s));

        Refund refund;
        refund.id = refundId.isEmpty() ? newId() : refundId;
        refund.orderId = order.id;
        refund.amount = amount;
        refund.reason = reason;
        refund.restock = restock;
        refund.createdAt = m_now;
        refund.version = 1;
        refund.updatedAt = m_now;
        refund.lines = lines;

        if (restock) {
            OrderDetail after = state.detail;
            after.refunds.append(refund);
            for (qsizetype i = 0; i < lines.size(); ++i) {
                const OrderLine *line = OrderStateMachine::findLine(state.detail, lines.at(i).orderLineId);
                if (line->variantId.isEmpty())
                    continue;
                // Unshipped units were only reserved: release them; shipped ones come back.
                const qint64 released = OrderStateMachine::openQuantity(state.detail, *line) - OrderStateMachine::openQuantity(after, *line);
                const qint64 returned = lines.at(i).quantity - released;
                SK_TRY(releaseStock(line->variantId, order.locationId, released));
                const QString location = OrderStateMachine::shippedFrom(state.detail, line->id);
                if (returned > 0 && !location.isEmpty()) {
                    SK_TRY_ASSIGN(level, findLevel(line->variantId, location));
                    if (level) {
                        SK_TRY(moveStock(*level, returned, InventoryReason::Returned, orderReference(order), reason,
                                         lineReaders.at(i).pathOf(u"quantity")));
                    }
                }
            }
        }

        const FinancialStatus financial = OrderStateMachine::financialStatusAfterRefund(state.detail, amount);
        const std::optional<OrderStatus> status = OrderStateMachine::statusAfterRefund(state.detail, amount);
        order.refundedTotal = refunded.minorUnits();
        order.financialStatus = financial;
        if (status)
            order.status = *status;
        state.detail.refunds.append(refund);
        qint64 units = 0;
        for (const RefundLine &line : std::as_const(lines))
            units += line.quantity;
        QString message = units > 0 ? tr("Refund recorded for %n item(s).", int(qMin<qint64>(units, 1'000'000'000)))
                                    : tr("Refund recorded.");
        if (restock)
            message += u' ' + tr("Items restocked.");
        state.detail.events.append(makeEvent(state.detail, OrderEventKind::Refunded, message));
        QStringList changed{u"refunded_total"_s, u"financial_status"_s, u"refunds"_s};
        if (status)
            changed << u"status"_s;
        SK_TRY_ASSIGN(stored, saveOrder(state, changed));
        QJsonObject result = idVersion(stored);
        result.insert(u"refund_id", refund.id);
        result.insert(u"financial_status", toString(order.financialStatus));
        result.insert(u"status", toString(order.status));
        return result;
    }

    Result<QJsonObject> orderAddNote(const JsonReader &r)
    {
        SK_TRY_ASSIGN(eventId, check(r.optionalUuid(u"event_id")));
        SK_TRY_ASSIGN(message, check(r.optionalText(u"message", kNote)));
        if (message.trimmed().isEmpty())
            return reject(u"validation.missing_field"_s, tr("\u201Cmessage\u201D is required."), u"message"_s);
        SK_TRY_ASSIGN(state, loadOrder(r));
        for (const OrderEvent &e : std::as_const(state.detail.events)) {
            if (!eventId.isEmpty() && e.id == eventId) {
                return reject(u"conflict.exists"_s,
                              tr("Order #%1 already has event %2.").arg(state.detail.order.number).arg(eventId),
                              u"event_id"_s);
            }
        }
        const OrderEvent event = makeEvent(state.detail, OrderEventKind::Note, message, eventId);
        state.detail.events.append(event);
        SK_TRY_ASSIGN(stored, saveOrder(state, {u"events"_s}));
        QJsonObject result = idVersion(stored);
        result.insert(u"event_id", event.id);
        return result;
    }

    ServerStorage &m_storage;
    const ShopContext &m_ctx;
    QString m_shop;
    qint64 m_now;
    QString m_clientId;
    std::optional<QString> m_author;
    MutationOutcome m_outcome;
};

const QString kRolledBack = u"internal.rolled_back"_s;

} // namespace

// ---- MutationOutcome ------------------------------------------------------------------

MutationOutcome MutationOutcome::applied(QJsonObject result)
{
    MutationOutcome outcome;
    outcome.result = std::move(result);
    return outcome;
}

MutationOutcome MutationOutcome::rejected(const Error &error, QJsonObject details)
{
    const bool fieldInDetail = error.code.startsWith(u"validation.");
    return rejected(error.code, error.message, fieldInDetail ? error.detail : QString(), std::move(details));
}

MutationOutcome MutationOutcome::rejected(QString code, QString message, QString field, QJsonObject details)
{
    MutationOutcome outcome;
    outcome.status = Status::Rejected;
    outcome.code = std::move(code);
    outcome.message = std::move(message);
    outcome.field = std::move(field);
    outcome.details = std::move(details);
    return outcome;
}

MutationOutcome MutationOutcome::conflict(QString code, QString message, QString field, QJsonObject details)
{
    MutationOutcome outcome = rejected(std::move(code), std::move(message), std::move(field), std::move(details));
    outcome.status = Status::Conflict;
    return outcome;
}

QString MutationOutcome::toString(Status status)
{
    switch (status) {
    case Status::Applied:
        return u"applied"_s;
    case Status::Rejected:
        return u"rejected"_s;
    case Status::Conflict:
        return u"conflict"_s;
    }
    return {};
}

QJsonObject MutationOutcome::toJson() const
{
    QJsonObject o;
    o.insert(u"status", toString(status));
    if (!code.isEmpty())
        o.insert(u"code", code);
    if (!message.isEmpty())
        o.insert(u"message", message);
    if (!field.isEmpty())
        o.insert(u"field", field);
    if (!details.isEmpty())
        o.insert(u"details", details);
    if (status == Status::Applied)
        o.insert(u"result", result);
    return o;
}

// ---- MutationApplier ------------------------------------------------------------------

MutationApplier::MutationApplier(ServerStorage &storage, const Clock &clock) : m_storage(storage), m_clock(clock)
{
}

QStringList MutationApplier::mutationNames()
{
    QStringList names;
    for (const MutationInfo &info : kMutations)
        names.append(QString::fromLatin1(info.name));
    return names;
}

std::optional<Permission> MutationApplier::permissionFor(const QString &name)
{
    for (const MutationInfo &info : kMutations) {
        if (name == QLatin1String(info.name))
            return info.permission;
    }
    return std::nullopt;
}

Result<MutationOutcome> MutationApplier::apply(const ShopContext &context, const QString &name, const QJsonObject &args,
                                               const QString &clientId)
{
    std::optional<MutationOutcome> outcome;
    const Result<void> written = m_storage.write([&]() -> Result<void> {
        Op op(m_storage, context, m_clock.nowMs(), clientId);
        SK_TRY_ASSIGN(result, op.run(name, args));
        outcome = std::move(result);
        // Undo whatever part of the mutation was written before it failed.
        if (!outcome->isApplied())
            return makeError(kRolledBack, QString());
        return {};
    });
    if (written.ok() || (outcome && written.error().code == kRolledBack))
        return *outcome;
    return written.error();
}

Result<InventoryLevel> MutationApplier::stockLevel(const QString &shopId, const QString &variantId,
                                                   const QString &locationId)
{
    ShopContext context;
    context.shopId = shopId;
    Op op(m_storage, context, m_clock.nowMs());
    SK_TRY_ASSIGN(level, op.plain(op.loadLevel(variantId, locationId)));
    return level.level;
}

Result<InventoryLevel> MutationApplier::commitStock(const QString &shopId, const QString &variantId,
                                                    const QString &locationId, qint64 quantity)
{
    ShopContext context;
    context.shopId = shopId;
    Op op(m_storage, context, m_clock.nowMs());
    return op.plain(op.commitStock(variantId, locationId, quantity));
}

QString MutationApplier::levelId(const QString &variantId, const QString &locationId)
{
    return variantId + u':' + locationId;
}

} // namespace sk::server
