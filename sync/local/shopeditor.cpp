#include "shopeditor.h"

#include "crashpoint.h"
#include "domain/orderstatemachine.h"
#include "domain/recordjson.h"
#include "local/entitydocuments.h"
#include "local/localmutations.h"
#include "local/rebaser.h"
#include "storage/orderrepository.h"
#include "storage/shopstore.h"
#include "synclogging.h"
#include "util/uuidv7.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QScopeGuard>

#include <functional>

using namespace Qt::StringLiterals;

namespace sk {

namespace {

using ArgsFn = std::function<Result<QJsonObject>(SqliteDatabase &)>;

QString newId()
{
    return UuidV7::toText(UuidV7::create());
}

void insertIfSet(QJsonObject &args, QStringView key, const QString &value)
{
    if (!value.isEmpty())
        args.insert(key, value);
}

Error unknownRecord(const QString &what, const QString &id, const QString &field)
{
    return makeError(u"sync.unknown_record"_s,
                     QCoreApplication::translate("ShopEditor", "There is no %1 %2 in this shop.").arg(what, id), field);
}

// The version a patch is based on: the visible row's. A record created here and not pulled
// back yet still has version 0 locally; the server gives a new record version 1.
Result<qint64> baseVersion(SqliteDatabase &db, const EntityRef &ref, const QString &what)
{
    SK_TRY_ASSIGN(version, EntityDocuments::storedVersion(db, ref));
    if (!version)
        return unknownRecord(what, ref.id, u"id"_s);
    return qMax<qint64>(*version, 1);
}

Result<QJsonObject> patchArgs(SqliteDatabase &db, const EntityRef &ref, const QString &what,
                              const QJsonObject &fields)
{
    SK_TRY_ASSIGN(version, baseVersion(db, ref, what));
    return QJsonObject{{u"id"_s, ref.id}, {u"base_version"_s, version}, {u"fields"_s, fields}};
}

// A created record as the contract's *Input: RecordJson without the server-owned version.
QJsonObject inputOf(QJsonObject json)
{
    json.remove(u"version");
    return json;
}

} // namespace

ShopEditor::ShopEditor(ShopStore &store, const Clock &clock) : m_store(store), m_clock(clock)
{
}

namespace {

// One transaction: args (which may read the visible rows), validate, queue, apply. Inside
// ShopEditor::allOrNothing, `batch` is its open transaction, which commits them all.
Result<OutboxEntry> submitIn(ShopStore &store, SqliteDatabase *batch, const Clock &clock, const QString &name,
                             const ArgsFn &makeArgs)
{
    const auto queue = [&](SqliteDatabase &db) -> Result<OutboxEntry> {
        SK_TRY_ASSIGN(made, makeArgs(db));
        // Children an order mutation makes get their id here, shared with the server's copy.
        const QJsonObject args = LocalMutations::withChildIds(name, made);
        SK_TRY(LocalMutations::validate(name, args));
        const qint64 now = clock.nowMs();
        SK_TRY_ASSIGN(entry, Outbox::append(db, name, args, now));
        SK_TRY(LocalMutations::apply(db, name, args, now));
        return entry;
    };
    if (batch)
        return queue(*batch);
    auto written = store.write(queue);
    if (written.ok()) {
        qCDebug(lcSyncOutbox) << "queued" << name << "seq" << written->seq;
        CrashPoint::hit("after_local_commit");
    }
    return written;
}

} // namespace

Result<void> ShopEditor::allOrNothing(const std::function<Result<void>()> &edits)
{
    if (m_batch) {
        return makeError(u"sync.nested_batch"_s,
                         QCoreApplication::translate("ShopEditor", "These changes are already being saved together."));
    }
    auto written = m_store.write([&](SqliteDatabase &db) -> Result<bool> {
        m_batch = &db;
        const auto done = qScopeGuard([this] { m_batch = nullptr; });
        SK_TRY(edits());
        return true;
    });
    if (!written.ok())
        return written.error(); // rolled back: none of them is queued
    CrashPoint::hit("after_local_commit");
    return {};
}

Result<OutboxEntry> ShopEditor::submit(const QString &name, const QJsonObject &args)
{
    return submitIn(m_store, m_batch, m_clock, name, [&](SqliteDatabase &) -> Result<QJsonObject> { return args; });
}

Result<OutboxEntry> ShopEditor::adjustInventory(const QString &variantId, const QString &locationId, qint64 delta,
                                                InventoryReason reason, const QString &reference, const QString &note)
{
    QJsonObject args{{u"variant_id"_s, variantId},
                     {u"location_id"_s, locationId},
                     {u"delta"_s, delta},
                     {u"reason"_s, toString(reason)}};
    insertIfSet(args, u"reference", reference);
    insertIfSet(args, u"note", note);
    return submit(u"inventory.adjust"_s, args);
}

Result<OutboxEntry> ShopEditor::countInventory(const QString &variantId, const QString &locationId, qint64 quantity,
                                               const QString &note)
{
    return submitIn(m_store, m_batch, m_clock, u"inventory.set"_s, [&](SqliteDatabase &db) -> Result<QJsonObject> {
        SK_TRY_ASSIGN(variant, EntityDocuments::exists(db, EntityRef{u"variant"_s, variantId}));
        if (!variant)
            return unknownRecord(QCoreApplication::translate("ShopEditor", "variant"), variantId, u"variant_id"_s);
        SK_TRY_ASSIGN(location, EntityDocuments::exists(db, EntityRef{u"location"_s, locationId}));
        if (!location)
            return unknownRecord(QCoreApplication::translate("ShopEditor", "location"), locationId, u"location_id"_s);
        SK_TRY_ASSIGN(level, EntityDocuments::read(db, EntityRef{u"inventory_level"_s, variantId + u':' + locationId}));
        // What the user saw: the visible level, earlier pending edits included (the server
        // applies those first). A level never stocked is 0, as on the server.
        const qint64 changeFrom = level ? level->value(u"on_hand").toInteger() : 0;
        QJsonObject args{{u"variant_id"_s, variantId},
                         {u"location_id"_s, locationId},
                         {u"quantity"_s, quantity},
                         {u"change_from"_s, changeFrom}};
        insertIfSet(args, u"note", note);
        return args;
    });
}

Result<OutboxEntry> ShopEditor::countInventoryFrom(const QString &variantId, const QString &locationId,
                                                   qint64 quantity, qint64 expectedOnHand, const QString &note)
{
    QJsonObject args{{u"variant_id"_s, variantId},
                     {u"location_id"_s, locationId},
                     {u"quantity"_s, quantity},
                     {u"change_from"_s, expectedOnHand}};
    insertIfSet(args, u"note", note);
    return submit(u"inventory.set"_s, args);
}

Result<OutboxEntry> ShopEditor::transferInventory(const QString &variantId, const QString &fromLocationId,
                                                  const QString &toLocationId, qint64 quantity,
                                                  const QString &reference)
{
    QJsonObject args{{u"variant_id"_s, variantId},
                     {u"from_location_id"_s, fromLocationId},
                     {u"to_location_id"_s, toLocationId},
                     {u"quantity"_s, quantity}};
    insertIfSet(args, u"reference", reference);
    return submit(u"inventory.transfer"_s, args);
}

Result<OutboxEntry> ShopEditor::setVariantPrice(const QString &variantId, qint64 price)
{
    return patchVariant(variantId, QJsonObject{{u"price"_s, price}});
}

Result<OutboxEntry> ShopEditor::patchVariant(const QString &variantId, const QJsonObject &fields)
{
    return submitIn(m_store, m_batch, m_clock, u"variant.patch"_s, [&](SqliteDatabase &db) {
        return patchArgs(db, EntityRef{u"variant"_s, variantId}, QCoreApplication::translate("ShopEditor", "variant"),
                         fields);
    });
}

Result<OutboxEntry> ShopEditor::patchProduct(const QString &productId, const QJsonObject &fields)
{
    return submitIn(m_store, m_batch, m_clock, u"product.patch"_s, [&](SqliteDatabase &db) {
        return patchArgs(db, EntityRef{u"product"_s, productId}, QCoreApplication::translate("ShopEditor", "product"),
                         fields);
    });
}

Result<OutboxEntry> ShopEditor::createProduct(const Product &product, const QList<Variant> &variants)
{
    const qint64 now = m_clock.nowMs();
    Product p = product;
    if (p.id.isEmpty())
        p.id = newId();
    if (p.createdAt == 0)
        p.createdAt = now;
    if (p.updatedAt == 0)
        p.updatedAt = p.createdAt;
    QJsonArray variantArgs;
    for (Variant v : variants) {
        if (v.id.isEmpty())
            v.id = newId();
        v.productId = p.id;
        if (v.createdAt == 0)
            v.createdAt = p.createdAt;
        if (v.updatedAt == 0)
            v.updatedAt = v.createdAt;
        variantArgs.append(inputOf(RecordJson::toJson(v)));
    }
    return submit(u"product.create"_s,
                  QJsonObject{{u"product"_s, inputOf(RecordJson::toJson(p))}, {u"variants"_s, variantArgs}});
}

Result<OutboxEntry> ShopEditor::archiveProduct(const QString &productId)
{
    return submit(u"product.archive"_s, QJsonObject{{u"id"_s, productId}});
}

Result<OutboxEntry> ShopEditor::deleteProduct(const QString &productId)
{
    return submit(u"product.delete"_s, QJsonObject{{u"id"_s, productId}});
}

Result<OutboxEntry> ShopEditor::createVariant(const Variant &variant)
{
    Variant v = variant;
    if (v.id.isEmpty())
        v.id = newId();
    if (v.createdAt == 0)
        v.createdAt = m_clock.nowMs();
    if (v.updatedAt == 0)
        v.updatedAt = v.createdAt;
    return submit(u"variant.create"_s, QJsonObject{{u"variant"_s, inputOf(RecordJson::toJson(v))}});
}

Result<OutboxEntry> ShopEditor::deleteVariant(const QString &variantId)
{
    return submit(u"variant.delete"_s, QJsonObject{{u"id"_s, variantId}});
}

Result<OutboxEntry> ShopEditor::createCustomer(const Customer &customer)
{
    Customer c = customer;
    if (c.id.isEmpty())
        c.id = newId();
    if (c.createdAt == 0)
        c.createdAt = m_clock.nowMs();
    if (c.updatedAt == 0)
        c.updatedAt = c.createdAt;
    for (CustomerAddress &address : c.addresses) {
        if (address.id.isEmpty())
            address.id = newId();
        address.customerId = c.id;
    }
    return submit(u"customer.create"_s, QJsonObject{{u"customer"_s, inputOf(RecordJson::toJson(c))}});
}

Result<OutboxEntry> ShopEditor::patchCustomer(const QString &customerId, const QJsonObject &fields)
{
    return submitIn(m_store, m_batch, m_clock, u"customer.patch"_s, [&](SqliteDatabase &db) {
        return patchArgs(db, EntityRef{u"customer"_s, customerId},
                         QCoreApplication::translate("ShopEditor", "customer"), fields);
    });
}

Result<OutboxEntry> ShopEditor::setOrderStatus(const QString &orderId, OrderStatus status, const QString &reason)
{
    QJsonObject args{{u"order_id"_s, orderId}, {u"status"_s, toString(status)}};
    insertIfSet(args, u"reason", reason);
    return submit(u"order.set_status"_s, args);
}

Result<OutboxEntry> ShopEditor::addOrderNote(const QString &orderId, const QString &message)
{
    // The event's id is chosen here, so the note shown now is the one the server keeps.
    return submit(u"order.add_note"_s,
                  QJsonObject{{u"order_id"_s, orderId}, {u"event_id"_s, newId()}, {u"message"_s, message}});
}

namespace {

// The order as shown here, with its lines, fulfilments and refunds.
Result<OrderDetail> shownOrder(SqliteDatabase &db, const QString &orderId)
{
    SK_TRY_ASSIGN(detail, OrderRepository(db).detail(orderId));
    if (!detail)
        return unknownRecord(QCoreApplication::translate("ShopEditor", "order"), orderId, u"order_id"_s);
    return std::move(*detail);
}

} // namespace

Result<OutboxEntry> ShopEditor::fulfilOrder(const QString &orderId, const QList<FulfillmentLine> &lines,
                                            const QString &trackingNumber, const QString &carrier,
                                            const QString &locationId)
{
    return submitIn(m_store, m_batch, m_clock, u"order.fulfil"_s, [&](SqliteDatabase &db) -> Result<QJsonObject> {
        SK_TRY_ASSIGN(detail, shownOrder(db, orderId));
        QList<FulfillmentLine> shipping = lines;
        if (shipping.isEmpty()) {
            const auto fulfilled = OrderStateMachine::fulfilledQuantities(detail);
            for (const OrderLine &line : std::as_const(detail.lines)) {
                if (const qint64 open = line.quantity - fulfilled.value(line.id); open > 0)
                    shipping.append(FulfillmentLine{line.id, open});
            }
        }
        SK_TRY(OrderStateMachine::checkFulfillment(detail, shipping));
        QJsonArray lineArgs;
        for (const FulfillmentLine &line : std::as_const(shipping))
            lineArgs.append(QJsonObject{{u"order_line_id"_s, line.orderLineId}, {u"quantity"_s, line.quantity}});
        QJsonObject args{{u"order_id"_s, orderId}, {u"lines"_s, lineArgs}};
        insertIfSet(args, u"tracking_number", trackingNumber.trimmed());
        insertIfSet(args, u"carrier", carrier.trimmed());
        insertIfSet(args, u"location_id", locationId);
        return args;
    });
}

Result<OutboxEntry> ShopEditor::refundOrder(const QString &orderId, qint64 amount, const QList<RefundLine> &lines,
                                            bool restock, const QString &reason)
{
    return submitIn(m_store, m_batch, m_clock, u"order.refund"_s, [&](SqliteDatabase &db) -> Result<QJsonObject> {
        SK_TRY_ASSIGN(detail, shownOrder(db, orderId));
        SK_TRY(OrderStateMachine::checkRefund(detail, amount, lines));
        QJsonArray lineArgs;
        for (const RefundLine &line : lines) {
            lineArgs.append(QJsonObject{{u"order_line_id"_s, line.orderLineId},
                                        {u"quantity"_s, line.quantity},
                                        {u"amount"_s, line.amount}});
        }
        QJsonObject args{{u"order_id"_s, orderId}, {u"amount"_s, amount}, {u"restock"_s, restock}};
        if (!lineArgs.isEmpty())
            args.insert(u"lines", lineArgs);
        insertIfSet(args, u"reason", reason.trimmed());
        return args;
    });
}

Result<OutboxEntry> ShopEditor::cancelOrder(const QString &orderId, const QString &reason)
{
    return submitIn(m_store, m_batch, m_clock, u"order.set_status"_s, [&](SqliteDatabase &db) -> Result<QJsonObject> {
        SK_TRY_ASSIGN(detail, shownOrder(db, orderId));
        SK_TRY(OrderStateMachine::checkStatusChange(detail, OrderStatus::Cancelled));
        QJsonObject args{{u"order_id"_s, orderId}, {u"status"_s, toString(OrderStatus::Cancelled)}};
        insertIfSet(args, u"reason", reason.trimmed());
        return args;
    });
}

Result<QString> ShopEditor::variantIdForSku(const QString &sku)
{
    SK_TRY_ASSIGN(db, m_store.openReader());
    SK_TRY_ASSIGN(stmt, db->prepare("SELECT id FROM variants WHERE sku = ?"));
    stmt.bind(1, sku.trimmed());
    SK_TRY_ASSIGN(hasRow, stmt.step());
    if (!hasRow) {
        return makeError(u"sync.unknown_sku"_s,
                         QCoreApplication::translate("ShopEditor", "No variant has the SKU \u201C%1\u201D.").arg(sku),
                         u"sku"_s);
    }
    return stmt.text(0);
}

Result<QString> ShopEditor::locationIdFor(const QString &idCodeOrName)
{
    const QString wanted = idCodeOrName.trimmed();
    SK_TRY_ASSIGN(db, m_store.openReader());
    SK_TRY_ASSIGN(stmt, db->prepare("SELECT id, code, name FROM locations ORDER BY name, rid"));
    QString byCode;
    QString byName;
    for (;;) {
        SK_TRY_ASSIGN(hasRow, stmt.step());
        if (!hasRow)
            break;
        const QString id = stmt.text(0);
        if (id.compare(wanted, Qt::CaseInsensitive) == 0)
            return id;
        if (byCode.isEmpty() && !stmt.isNull(1) && stmt.text(1).compare(wanted, Qt::CaseInsensitive) == 0)
            byCode = id;
        if (byName.isEmpty() && stmt.text(2).compare(wanted, Qt::CaseInsensitive) == 0)
            byName = id;
    }
    if (!byCode.isEmpty())
        return byCode;
    if (!byName.isEmpty())
        return byName;
    return makeError(u"sync.unknown_location"_s,
                     QCoreApplication::translate("ShopEditor", "No location has the id, code or name \u201C%1\u201D.")
                         .arg(idCodeOrName),
                     u"location"_s);
}

Result<int> ShopEditor::discardPending()
{
    return m_store.write([&](SqliteDatabase &db) -> Result<int> {
        const qint64 now = m_clock.nowMs();
        int discarded = 0;
        QList<EntityRef> touched;
        // Unacknowledged rows first: their effect is reverted by the rebase below.
        for (;;) {
            SK_TRY_ASSIGN(batch, Outbox::pending(db, 1000));
            if (batch.isEmpty())
                break;
            for (const OutboxEntry &entry : std::as_const(batch)) {
                SK_TRY_ASSIGN(entities, Outbox::remove(db, entry.seq));
                touched += entities;
                ++discarded;
            }
        }
        SK_TRY(Rebaser::rebase(db, touched, now));
        // The server has the acknowledged rows and their effect stays visible: what shows now
        // becomes the base confirmUpTo writes back, until a pull brings the server's documents.
        SK_TRY_ASSIGN(tracked, Outbox::trackedEntities(db));
        for (const EntityRef &ref : std::as_const(tracked)) {
            SK_TRY_ASSIGN(base, Outbox::base(db, ref));
            SK_TRY_ASSIGN(shown, EntityDocuments::read(db, ref));
            SK_TRY(Outbox::setBase(db, ref, Outbox::Base{base ? base->version : 0, shown}));
        }
        SK_TRY_ASSIGN(state, Outbox::state(db));
        SK_TRY(Outbox::confirmUpTo(db, state.nextSeq - 1));
        SK_TRY(Outbox::rotateClient(db, newId()));
        qCInfo(lcSyncOutbox) << "discarded" << discarded << "pending edits; new client id";
        return discarded;
    });
}

} // namespace sk
