// MutationApplier against a real SqliteServerStorage in a temporary directory, no HTTP: every
// mutation's happy path and its rejections and conflicts, field merge against field conflict,
// versions and server time, stock arithmetic under both oversell policies, transfers, and the
// stock effects of fulfilment, refunds and cancellation, always checking that each stock level's
// on_hand equals the sum of its ledger rows.

#include "api/mutationapplier.h"
#include "domain/recordjson.h"
#include "storage/sqliteserverstorage.h"
#include "testsupport.h"
#include "util/uuidv7.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace sk;
using namespace sk::server;
using namespace Qt::StringLiterals;

namespace {

const QString kShop = u"0190a000-0000-7000-8000-0000000000aa"_s;
const QString kOwner = u"0190a000-0000-7000-8000-0000000000b1"_s;
constexpr qint64 kStart = 1'700'000'000'000;

QString newId()
{
    return UuidV7::toText(UuidV7::create());
}

QJsonObject productJson(const QString &id, const QString &handle, const QString &title = u"Merino Sweater"_s)
{
    return {{u"id"_s, id}, {u"title"_s, title}, {u"handle"_s, handle}, {u"vendor"_s, u"Nordwolle"_s},
            {u"status"_s, u"active"_s}, {u"created_at"_s, 5}, {u"updated_at"_s, 5}};
}

QJsonObject variantJson(const QString &id, const QString &productId, const QString &sku, qint64 price = 8900)
{
    QJsonObject v{{u"id"_s, id}, {u"price"_s, price}, {u"option1"_s, u"M"_s}};
    if (!productId.isEmpty())
        v.insert(u"product_id", productId);
    if (!sku.isEmpty())
        v.insert(u"sku", sku);
    return v;
}

} // namespace

class tst_MutationApplier : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void productCreateStoresServerStampedRecords();
    void productCreateReplayIsIdempotentOtherContentIsRefused();
    void productCreateRejectsInvalidArgumentsWithTheirPath();
    void productCreateIsAtomic();
    void patchesMergeDifferentFields();
    void patchOfAFieldChangedSinceBaseIsAConflict();
    void aClientsOwnEarlierChangeIsNoConflict();
    void patchRejections();
    void versionsAndUpdatedAtOnlyMoveForward();
    void archiveAndDeleteCascade();
    void variantLifecycleAndSkuUniqueness();
    void locationCreateAndPatch();
    void customerEmailIsUniqueCaseInsensitively();
    void customerConsentIsDatedByTheServer();
    void customerPatchReplacesTheAddresses();
    void customerAddressPatchRejectionsNameTheAddress();
    void staleAddressPatchIsAConflict();
    void roleAndUnknownMutationAreRejected();
    void inventoryAdjustWritesOneLedgerRow();
    void inventoryAdjustRejections();
    void oversell_data();
    void oversell();
    void inventorySetNeedsTheCurrentQuantity();
    void inventoryTransferWritesAPairOfRows();
    void fulfilmentTakesStockAndReleasesCommitted();
    void cancellationReleasesCommittedStock();
    void fulfilmentOfADeletedVariantTouchesNoStock();
    void refundWithRestock();
    void refundRejections();
    void orderStatusFollowsTheStateMachine();
    void orderNotes();
    void rejectedMutationInsideAnOuterWriteLeavesNoTrace();

private:
    MutationOutcome apply(const QString &name, const QJsonObject &args, Role role = Role::Owner);
    std::optional<EntityRecord> entity(const QString &type, const QString &id);
    QList<EntityRecord> all(const QString &type);
    QString makeLocation(const QString &name = u"Warehouse"_s);
    QString makeVariant(const QString &sku = {});
    void adjust(const QString &variant, const QString &location, qint64 delta, const QString &reason = u"received"_s);
    InventoryLevel level(const QString &variant, const QString &location);
    // An order as the storefront leaves it: committed stock at `location`.
    QString placeOrder(const QList<std::pair<QString, qint64>> &lines, const QString &location, bool paid = true);
    OrderDetail order(const QString &id);
    // Every level's on_hand equals the sum of its ledger deltas, and each row's quantity_after
    // is the running sum.
    void verifyLedgerInvariant();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SqliteServerStorage> m_storage;
    std::unique_ptr<FixedClock> m_clock;
    std::unique_ptr<MutationApplier> m_applier;
    ShopContext m_ctx;
    QString m_location;
};

void tst_MutationApplier::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    auto opened = SqliteServerStorage::open(m_dir->filePath(u"server.sqlite"_s));
    SK_VERIFY_OK(opened);
    m_storage = std::move(opened).value();
    m_clock = std::make_unique<FixedClock>(kStart);
    m_applier = std::make_unique<MutationApplier>(*m_storage, *m_clock);

    ShopRecord shop;
    shop.id = kShop;
    shop.settings.shopId = kShop;
    shop.settings.name = u"Alpine Outfitters"_s;
    shop.settings.currency = u"EUR"_s;
    shop.settings.timeZone = u"Europe/Berlin"_s;
    shop.settings.locale = u"de-DE"_s;
    shop.settings.oversellPolicy = OversellPolicy::Allow;
    shop.createdAt = kStart;
    SK_VERIFY_OK(m_storage->insertShop(shop));
    SK_VERIFY_OK(m_storage->insertUser(UserRecord{kOwner, u"owner@alpine.test"_s, u"Olga Owner"_s, u"x"_s, kStart}));

    m_ctx = ShopContext{};
    m_ctx.principal.userId = kOwner;
    m_ctx.principal.email = u"owner@alpine.test"_s;
    m_ctx.shopId = kShop;
    m_ctx.role = Role::Owner;
    m_ctx.settings = shop.settings;
    m_location = makeLocation();
}

void tst_MutationApplier::cleanup()
{
    m_applier.reset();
    m_storage.reset();
    m_dir.reset();
}

MutationOutcome tst_MutationApplier::apply(const QString &name, const QJsonObject &args, Role role)
{
    ShopContext ctx = m_ctx;
    ctx.role = role;
    auto outcome = m_applier->apply(ctx, name, args);
    if (!outcome.ok()) {
        qWarning("storage failure: %s", qPrintable(outcome.error().toString()));
        return MutationOutcome::rejected(u"test.storage_failure"_s, outcome.error().toString());
    }
    return *outcome;
}

std::optional<EntityRecord> tst_MutationApplier::entity(const QString &type, const QString &id)
{
    auto found = m_storage->entity(kShop, type, id);
    return found.ok() ? *found : std::nullopt;
}

QList<EntityRecord> tst_MutationApplier::all(const QString &type)
{
    QList<EntityRecord> rows;
    std::optional<std::pair<qint64, QString>> after;
    for (;;) {
        auto page = m_storage->listEntities(kShop, type, -1, after, 1000);
        if (!page.ok())
            return rows;
        rows += page->rows;
        if (!page->hasMore || page->rows.isEmpty())
            return rows;
        after = std::pair<qint64, QString>(page->rows.last().updatedAt, page->rows.last().id);
    }
}

QString tst_MutationApplier::makeLocation(const QString &name)
{
    const QString id = newId();
    const MutationOutcome o = apply(u"location.create"_s, {{u"location"_s, QJsonObject{{u"id"_s, id}, {u"name"_s, name}}}});
    if (!o.isApplied())
        qWarning("location.create: %s", qPrintable(o.message));
    return id;
}

QString tst_MutationApplier::makeVariant(const QString &sku)
{
    const QString product = newId();
    const QString variant = newId();
    const MutationOutcome o =
        apply(u"product.create"_s, {{u"product"_s, productJson(product, u"p-"_s + product.right(12))},
                                    {u"variants"_s, QJsonArray{variantJson(variant, {}, sku)}}});
    if (!o.isApplied())
        qWarning("product.create: %s", qPrintable(o.message));
    return variant;
}

void tst_MutationApplier::adjust(const QString &variant, const QString &location, qint64 delta, const QString &reason)
{
    const MutationOutcome o = apply(u"inventory.adjust"_s, {{u"variant_id"_s, variant},
                                                            {u"location_id"_s, location},
                                                            {u"delta"_s, delta},
                                                            {u"reason"_s, reason}});
    if (!o.isApplied())
        qWarning("inventory.adjust: %s %s", qPrintable(o.code), qPrintable(o.message));
}

InventoryLevel tst_MutationApplier::level(const QString &variant, const QString &location)
{
    const auto found = entity(u"inventory_level"_s, MutationApplier::levelId(variant, location));
    if (!found)
        return InventoryLevel{};
    auto parsed = RecordJson::inventoryLevelFromJson(found->data);
    return parsed.ok() ? *parsed : InventoryLevel{};
}

QString tst_MutationApplier::placeOrder(const QList<std::pair<QString, qint64>> &lines, const QString &location, bool paid)
{
    OrderDetail d;
    d.order.id = newId();
    d.order.currency = u"EUR"_s;
    d.order.status = paid ? OrderStatus::Processing : OrderStatus::Pending;
    d.order.financialStatus = paid ? FinancialStatus::Paid : FinancialStatus::Pending;
    d.order.locationId = location;
    d.order.placedAt = kStart;
    d.order.version = 1;
    d.order.updatedAt = m_clock->nowMs();
    for (const auto &[variant, quantity] : lines) {
        OrderLine line;
        line.id = newId();
        line.orderId = d.order.id;
        line.variantId = variant;
        line.title = u"Merino Sweater"_s;
        line.quantity = quantity;
        line.unitPrice = 1000;
        line.total = 1000 * quantity;
        d.lines.append(line);
        d.order.subtotal += line.total;
    }
    d.order.total = d.order.subtotal;
    const Result<void> written = m_storage->write([&]() -> Result<void> {
        SK_TRY_ASSIGN(number, m_storage->takeOrderNumber(kShop));
        d.order.number = number;
        for (const OrderLine &line : std::as_const(d.lines))
            SK_TRY(m_applier->commitStock(kShop, line.variantId, location, line.quantity));
        EntityRecord record;
        record.type = u"order"_s;
        record.id = d.order.id;
        record.version = 1;
        record.updatedAt = m_clock->nowMs();
        record.data = RecordJson::toJson(d);
        SK_TRY(m_storage->putEntity(kShop, record, {UniqueKey{u"number"_s, QString::number(number)}}));
        return {};
    });
    if (!written.ok())
        qWarning("placeOrder: %s", qPrintable(written.error().toString()));
    return d.order.id;
}

OrderDetail tst_MutationApplier::order(const QString &id)
{
    const auto found = entity(u"order"_s, id);
    if (!found)
        return {};
    auto parsed = RecordJson::orderDetailFromJson(found->data);
    if (!parsed.ok())
        qWarning("order document: %s", qPrintable(parsed.error().toString()));
    return parsed.ok() ? *parsed : OrderDetail{};
}

void tst_MutationApplier::verifyLedgerInvariant()
{
    // Commit order is change_seq: UUIDv7 ids only order by millisecond, and a transfer
    // writes its two rows within the same one.
    QList<EntityRecord> ledgerRows = all(u"ledger_entry"_s);
    std::sort(ledgerRows.begin(), ledgerRows.end(),
              [](const EntityRecord &a, const EntityRecord &b) { return a.changeSeq < b.changeSeq; });
    QHash<QString, QList<LedgerEntry>> ledger;
    for (const EntityRecord &row : std::as_const(ledgerRows)) {
        auto entry = RecordJson::ledgerEntryFromJson(row.data);
        SK_VERIFY_OK(entry);
        ledger[MutationApplier::levelId(entry->variantId, entry->locationId)].append(*entry);
    }
    const QList<EntityRecord> levels = all(u"inventory_level"_s);
    for (const EntityRecord &row : levels) {
        auto lvl = RecordJson::inventoryLevelFromJson(row.data);
        SK_VERIFY_OK(lvl);
        const QList<LedgerEntry> rows = ledger.value(row.id);
        qint64 sum = 0;
        for (const LedgerEntry &e : std::as_const(rows)) {
            sum += e.delta;
            QCOMPARE(e.quantityAfter, sum);
        }
        QCOMPARE(lvl->onHand, sum);
        QVERIFY2(lvl->committed >= 0, qPrintable(row.id));
    }
}

// ---- catalogue ----------------------------------------------------------------------------

void tst_MutationApplier::productCreateStoresServerStampedRecords()
{
    const QString product = newId();
    const QString v1 = newId();
    const QString v2 = newId();
    const MutationOutcome o = apply(
        u"product.create"_s,
        {{u"product"_s, productJson(product, u"merino-sweater"_s)},
         {u"variants"_s, QJsonArray{variantJson(v1, {}, u"MER-S"_s), variantJson(v2, product, u"MER-M"_s, 9900)}}});
    QVERIFY2(o.isApplied(), qPrintable(o.message));
    QCOMPARE(o.result.value(u"id").toString(), product);
    QCOMPARE(o.result.value(u"version").toInteger(), 1);

    const auto stored = entity(u"product"_s, product);
    QVERIFY(stored);
    QCOMPARE(stored->version, 1);
    QCOMPARE(stored->updatedAt, kStart);
    // The client's times (5) never reach the record: the server's clock stamps it.
    QCOMPARE(stored->data.value(u"created_at").toInteger(), kStart);
    QCOMPARE(stored->data.value(u"updated_at").toInteger(), kStart);
    QCOMPARE(stored->data.value(u"version").toInteger(), 1);
    QCOMPARE(stored->data.value(u"title").toString(), u"Merino Sweater"_s);

    const auto variant = entity(u"variant"_s, v1);
    QVERIFY(variant);
    QCOMPARE(variant->parentId, product);
    QCOMPARE(variant->data.value(u"product_id").toString(), product);
    QCOMPARE(entity(u"variant"_s, v2)->data.value(u"price").toInteger(), 9900);
    QCOMPARE(variant->data.value(u"weight_unit").toString(), u"g"_s); // RecordJson's default
}

void tst_MutationApplier::productCreateReplayIsIdempotentOtherContentIsRefused()
{
    const QString product = newId();
    const QJsonObject args{{u"product"_s, productJson(product, u"tote"_s)}};
    QVERIFY(apply(u"product.create"_s, args).isApplied());
    const qint64 seqBefore = m_storage->maxChangeSeq(kShop).valueOr(-1);

    m_clock->advance(1000);
    const MutationOutcome again = apply(u"product.create"_s, args);
    QVERIFY2(again.isApplied(), qPrintable(again.message));
    QCOMPARE(again.result.value(u"version").toInteger(), 1);
    QCOMPARE(m_storage->maxChangeSeq(kShop).valueOr(-1), seqBefore); // nothing written

    const MutationOutcome other =
        apply(u"product.create"_s, {{u"product"_s, productJson(product, u"tote"_s, u"Another title"_s)}});
    QCOMPARE(other.status, MutationOutcome::Status::Rejected);
    QCOMPARE(other.code, u"conflict.exists"_s);
    QCOMPARE(other.field, u"product.id"_s);
    QCOMPARE(entity(u"product"_s, product)->data.value(u"title").toString(), u"Merino Sweater"_s);
}

void tst_MutationApplier::productCreateRejectsInvalidArgumentsWithTheirPath()
{
    QJsonObject noTitle = productJson(newId(), u"no-title"_s);
    noTitle.remove(u"title");
    MutationOutcome o = apply(u"product.create"_s, {{u"product"_s, noTitle}});
    QCOMPARE(o.status, MutationOutcome::Status::Rejected);
    QCOMPARE(o.code, u"validation.missing_field"_s);
    QCOMPARE(o.field, u"product.title"_s);

    const QString product = newId();
    QJsonObject badPrice = variantJson(newId(), {}, u"BAD-1"_s);
    badPrice.insert(u"price", u"12.50"_s);
    o = apply(u"product.create"_s, {{u"product"_s, productJson(product, u"bad-price"_s)},
                                    {u"variants"_s, QJsonArray{variantJson(newId(), {}, u"OK-1"_s), badPrice}}});
    QCOMPARE(o.code, u"validation.invalid_field"_s);
    QCOMPARE(o.field, u"variants[1].price"_s);

    o = apply(u"product.create"_s, {{u"product"_s, productJson(newId(), u"Not A Handle"_s)}});
    QCOMPARE(o.code, u"validation.invalid_field"_s);
    QCOMPARE(o.field, u"product.handle"_s);

    o = apply(u"product.create"_s, {{u"product"_s, productJson(product, u"wrong-parent"_s)},
                                    {u"variants"_s, QJsonArray{variantJson(newId(), newId(), u"X-1"_s)}}});
    QCOMPARE(o.code, u"validation.invalid_field"_s);
    QCOMPARE(o.field, u"variants[0].product_id"_s);

    o = apply(u"product.create"_s, {{u"product"_s, u"not an object"_s}});
    QCOMPARE(o.code, u"validation.invalid_field"_s);
    QCOMPARE(o.field, u"product"_s);

    QVERIFY(!entity(u"product"_s, product));
}

void tst_MutationApplier::productCreateIsAtomic()
{
    makeVariant(u"TAKEN-1"_s);
    const QString product = newId();
    const QString first = newId();
    const MutationOutcome o = apply(
        u"product.create"_s,
        {{u"product"_s, productJson(product, u"atomic"_s)},
         {u"variants"_s, QJsonArray{variantJson(first, {}, u"FREE-1"_s), variantJson(newId(), {}, u"TAKEN-1"_s)}}});
    QCOMPARE(o.status, MutationOutcome::Status::Rejected);
    QCOMPARE(o.code, u"conflict.unique"_s);
    QCOMPARE(o.field, u"variants[1].sku"_s);
    QCOMPARE(o.details.value(u"value").toString(), u"TAKEN-1"_s);
    // Neither the product nor the first variant was kept, and the SKU FREE-1 is still free.
    QVERIFY(!entity(u"product"_s, product));
    QVERIFY(!entity(u"variant"_s, first));
    QVERIFY(m_storage->entityByKey(kShop, u"variant"_s, u"sku"_s, u"FREE-1"_s).value() == std::nullopt);

    const MutationOutcome dupHandle = apply(u"product.create"_s, {{u"product"_s, productJson(newId(), u"atomic"_s)}});
    QVERIFY(dupHandle.isApplied());
    const MutationOutcome taken = apply(u"product.create"_s, {{u"product"_s, productJson(newId(), u"atomic"_s)}});
    QCOMPARE(taken.code, u"conflict.unique"_s);
    QCOMPARE(taken.field, u"product.handle"_s);
}

void tst_MutationApplier::patchesMergeDifferentFields()
{
    const QString product = newId();
    QVERIFY(apply(u"product.create"_s, {{u"product"_s, productJson(product, u"merge"_s)}}).isApplied());

    // Two clients edit version 1: one the title, the other the vendor. Both edits stay.
    MutationOutcome a = apply(u"product.patch"_s, {{u"id"_s, product}, {u"base_version"_s, 1},
                                                   {u"fields"_s, QJsonObject{{u"title"_s, u"Merino Crew"_s}}}});
    QVERIFY2(a.isApplied(), qPrintable(a.message));
    QCOMPARE(a.result.value(u"version").toInteger(), 2);
    MutationOutcome b = apply(u"product.patch"_s, {{u"id"_s, product}, {u"base_version"_s, 1},
                                                   {u"fields"_s, QJsonObject{{u"vendor"_s, u"Wollhaus"_s}}}});
    QVERIFY2(b.isApplied(), qPrintable(b.message));
    QCOMPARE(b.result.value(u"version").toInteger(), 3);

    const auto stored = entity(u"product"_s, product);
    QCOMPARE(stored->data.value(u"title").toString(), u"Merino Crew"_s);
    QCOMPARE(stored->data.value(u"vendor").toString(), u"Wollhaus"_s);
    QCOMPARE(stored->version, 3);
    QCOMPARE(stored->fieldVersions.value(u"title").toInteger(), 2);
    QCOMPARE(stored->fieldVersions.value(u"vendor").toInteger(), 3);

    // Sending the value the server already has is no conflict and no change.
    const MutationOutcome same = apply(u"product.patch"_s, {{u"id"_s, product}, {u"base_version"_s, 1},
                                                            {u"fields"_s, QJsonObject{{u"title"_s, u" Merino Crew "_s}}}});
    QVERIFY(same.isApplied());
    QCOMPARE(same.result.value(u"version").toInteger(), 3);
    QCOMPARE(entity(u"product"_s, product)->version, 3);
}

void tst_MutationApplier::aClientsOwnEarlierChangeIsNoConflict()
{
    // A client queues two price edits offline, both based on version 1: the second is based on
    // its own first one, not on a version someone else wrote.
    const QString product = newId();
    QVERIFY(apply(u"product.create"_s, {{u"product"_s, productJson(product, u"own-edits"_s)}}).isApplied());
    const QString mine = newId();
    const QString theirs = newId();
    const auto patch = [&](const QString &client, const QString &title) {
        auto outcome = m_applier->apply(m_ctx, u"product.patch"_s,
                                        {{u"id"_s, product},
                                         {u"base_version"_s, 1},
                                         {u"fields"_s, QJsonObject{{u"title"_s, title}}}},
                                        client);
        return outcome.ok() ? *outcome : MutationOutcome::rejected(u"test.storage_failure"_s, QString());
    };
    QVERIFY(patch(mine, u"First"_s).isApplied());
    const MutationOutcome second = patch(mine, u"Second"_s);
    QVERIFY2(second.isApplied(), qPrintable(second.code));
    QCOMPARE(entity(u"product"_s, product)->data.value(u"title").toString(), u"Second"_s);
    // Another client based on version 1 still conflicts with those changes...
    QCOMPARE(patch(theirs, u"Theirs"_s).code, u"conflict.field"_s);
    // ...and once another client changed the field, the first client's stale edit conflicts too.
    QVERIFY(m_applier->apply(m_ctx, u"product.patch"_s,
                             {{u"id"_s, product}, {u"base_version"_s, 3}, {u"fields"_s, QJsonObject{{u"title"_s, u"Theirs"_s}}}},
                             theirs)
                ->isApplied());
    QCOMPARE(patch(mine, u"Third"_s).code, u"conflict.field"_s);
}

void tst_MutationApplier::patchOfAFieldChangedSinceBaseIsAConflict()
{
    const QString product = newId();
    QVERIFY(apply(u"product.create"_s, {{u"product"_s, productJson(product, u"conflict"_s)}}).isApplied());
    QVERIFY(apply(u"product.patch"_s, {{u"id"_s, product}, {u"base_version"_s, 1},
                                       {u"fields"_s, QJsonObject{{u"title"_s, u"Server Title"_s}}}})
                .isApplied());

    // A client that still holds version 1 changes the title and the category.
    const MutationOutcome o = apply(u"product.patch"_s,
                                    {{u"id"_s, product},
                                     {u"base_version"_s, 1},
                                     {u"fields"_s, QJsonObject{{u"title"_s, u"Client Title"_s}, {u"category"_s, u"Knitwear"_s}}}});
    QCOMPARE(o.status, MutationOutcome::Status::Conflict);
    QCOMPARE(o.code, u"conflict.field"_s);
    QCOMPARE(o.field, u"fields.title"_s);
    QCOMPARE(o.details.value(u"field").toString(), u"title"_s);
    QCOMPARE(o.details.value(u"server_value").toString(), u"Server Title"_s);
    QCOMPARE(o.details.value(u"server_version").toInteger(), 2);
    // A mutation is atomic: the category did not change either.
    const auto stored = entity(u"product"_s, product);
    QCOMPARE(stored->version, 2);
    QCOMPARE(stored->data.value(u"category").toString(), QString());

    // On top of the current version the same edit goes through ("keep mine").
    const MutationOutcome rebased = apply(
        u"product.patch"_s, {{u"id"_s, product},
                             {u"base_version"_s, 2},
                             {u"fields"_s, QJsonObject{{u"title"_s, u"Client Title"_s}, {u"category"_s, u"Knitwear"_s}}}});
    QVERIFY2(rebased.isApplied(), qPrintable(rebased.message));
    QCOMPARE(entity(u"product"_s, product)->data.value(u"title").toString(), u"Client Title"_s);

    // Archiving changes the status field too: a stale status edit conflicts with it.
    QVERIFY(apply(u"product.archive"_s, {{u"id"_s, product}}).isApplied());
    const MutationOutcome status = apply(u"product.patch"_s, {{u"id"_s, product}, {u"base_version"_s, 3},
                                                              {u"fields"_s, QJsonObject{{u"status"_s, u"draft"_s}}}});
    QCOMPARE(status.code, u"conflict.field"_s);
    QCOMPARE(status.details.value(u"server_value").toString(), u"archived"_s);
}

void tst_MutationApplier::patchRejections()
{
    const QString product = newId();
    QVERIFY(apply(u"product.create"_s, {{u"product"_s, productJson(product, u"rejections"_s)}}).isApplied());
    const auto patch = [&](const QJsonObject &fields, qint64 base = 1, const QString &id = {}) {
        return apply(u"product.patch"_s,
                     {{u"id"_s, id.isEmpty() ? product : id}, {u"base_version"_s, base}, {u"fields"_s, fields}});
    };
    MutationOutcome o = patch({{u"created_at"_s, 1}});
    QCOMPARE(o.code, u"validation.unknown_field"_s);
    QCOMPARE(o.field, u"fields.created_at"_s);
    o = patch({{u"title"_s, 42}});
    QCOMPARE(o.code, u"validation.invalid_field"_s);
    QCOMPARE(o.field, u"fields.title"_s);
    o = patch({{u"status"_s, u"published"_s}});
    QCOMPARE(o.field, u"fields.status"_s);
    o = patch({{u"title"_s, u"x"_s}}, 7);
    QCOMPARE(o.code, u"validation.invalid_field"_s);
    QCOMPARE(o.field, u"base_version"_s);
    o = patch({});
    QCOMPARE(o.field, u"fields"_s);
    o = patch({{u"title"_s, u"x"_s}}, 1, newId());
    QCOMPARE(o.code, u"not_found.product"_s);
    QCOMPARE(o.field, u"id"_s);
    o = apply(u"product.patch"_s, {{u"id"_s, u"not-a-uuid"_s}, {u"base_version"_s, 1}, {u"fields"_s, QJsonObject{}}});
    QCOMPARE(o.field, u"id"_s);
    QCOMPARE(entity(u"product"_s, product)->version, 1);
}

void tst_MutationApplier::versionsAndUpdatedAtOnlyMoveForward()
{
    const QString product = newId();
    QVERIFY(apply(u"product.create"_s, {{u"product"_s, productJson(product, u"forward"_s)}}).isApplied());
    m_clock->advance(5000);
    QVERIFY(apply(u"product.patch"_s, {{u"id"_s, product}, {u"base_version"_s, 1},
                                       {u"fields"_s, QJsonObject{{u"title"_s, u"Two"_s}}}})
                .isApplied());
    QCOMPARE(entity(u"product"_s, product)->updatedAt, kStart + 5000);
    // The server's clock steps back (NTP): the record's time does not.
    m_clock->set(kStart + 1000);
    QVERIFY(apply(u"product.patch"_s, {{u"id"_s, product}, {u"base_version"_s, 2},
                                       {u"fields"_s, QJsonObject{{u"title"_s, u"Three"_s}}}})
                .isApplied());
    const auto stored = entity(u"product"_s, product);
    QCOMPARE(stored->version, 3);
    QCOMPARE(stored->updatedAt, kStart + 5000);
    QCOMPARE(stored->data.value(u"version").toInteger(), 3);
    QCOMPARE(stored->data.value(u"updated_at").toInteger(), kStart + 5000);
}

void tst_MutationApplier::archiveAndDeleteCascade()
{
    const QString product = newId();
    const QString variant = newId();
    QVERIFY(apply(u"product.create"_s, {{u"product"_s, productJson(product, u"cascade"_s)},
                                        {u"variants"_s, QJsonArray{variantJson(variant, {}, u"CAS-1"_s)}}})
                .isApplied());
    adjust(variant, m_location, 5);

    MutationOutcome o = apply(u"product.archive"_s, {{u"id"_s, product}});
    QVERIFY(o.isApplied());
    QCOMPARE(o.result.value(u"version").toInteger(), 2);
    QCOMPARE(entity(u"product"_s, product)->data.value(u"status").toString(), u"archived"_s);
    o = apply(u"product.archive"_s, {{u"id"_s, product}});
    QCOMPARE(o.result.value(u"version").toInteger(), 2); // already archived: nothing changes

    o = apply(u"product.delete"_s, {{u"id"_s, product}});
    QVERIFY2(o.isApplied(), qPrintable(o.message));
    QVERIFY(entity(u"product"_s, product)->deleted);
    QVERIFY(entity(u"variant"_s, variant)->deleted);
    QVERIFY(entity(u"inventory_level"_s, MutationApplier::levelId(variant, m_location))->deleted);
    QCOMPARE(all(u"ledger_entry"_s).size(), 1); // history stays
    // The SKU is free again.
    QVERIFY(!m_storage->entityByKey(kShop, u"variant"_s, u"sku"_s, u"CAS-1"_s).value());

    // The delete wins over later edits; nothing comes back.
    o = apply(u"product.patch"_s, {{u"id"_s, product}, {u"base_version"_s, 2},
                                   {u"fields"_s, QJsonObject{{u"title"_s, u"Revived"_s}}}});
    QCOMPARE(o.code, u"not_found.deleted"_s);
    o = apply(u"inventory.adjust"_s, {{u"variant_id"_s, variant}, {u"location_id"_s, m_location},
                                      {u"delta"_s, 1}, {u"reason"_s, u"received"_s}});
    QCOMPARE(o.code, u"not_found.deleted"_s);
    QCOMPARE(o.field, u"variant_id"_s);
    o = apply(u"product.create"_s, {{u"product"_s, productJson(product, u"cascade"_s)}});
    QCOMPARE(o.code, u"not_found.deleted"_s);
    QVERIFY(entity(u"product"_s, product)->deleted);
    o = apply(u"product.delete"_s, {{u"id"_s, product}});
    QVERIFY(o.isApplied()); // deleting twice is harmless
    o = apply(u"product.delete"_s, {{u"id"_s, newId()}});
    QCOMPARE(o.code, u"not_found.product"_s);
}

void tst_MutationApplier::variantLifecycleAndSkuUniqueness()
{
    const QString product = newId();
    QVERIFY(apply(u"product.create"_s, {{u"product"_s, productJson(product, u"variants"_s)}}).isApplied());
    const QString a = newId();
    const QString b = newId();
    MutationOutcome o = apply(u"variant.create"_s, {{u"variant"_s, variantJson(a, product, u"SKU-A"_s)}});
    QVERIFY2(o.isApplied(), qPrintable(o.message));
    QVERIFY(apply(u"variant.create"_s, {{u"variant"_s, variantJson(b, product, u"SKU-B"_s)}}).isApplied());
    o = apply(u"variant.create"_s, {{u"variant"_s, variantJson(newId(), newId(), u"SKU-C"_s)}});
    QCOMPARE(o.code, u"not_found.product"_s);
    QCOMPARE(o.field, u"variant.product_id"_s);
    o = apply(u"variant.create"_s, {{u"variant"_s, variantJson(newId(), product, u"SKU-A"_s)}});
    QCOMPARE(o.code, u"conflict.unique"_s);
    QCOMPARE(o.field, u"variant.sku"_s);

    o = apply(u"variant.patch"_s, {{u"id"_s, b}, {u"base_version"_s, 1}, {u"fields"_s, QJsonObject{{u"sku"_s, u"SKU-A"_s}}}});
    QCOMPARE(o.code, u"conflict.unique"_s);
    QCOMPARE(o.field, u"fields.sku"_s);
    o = apply(u"variant.patch"_s, {{u"id"_s, b}, {u"base_version"_s, 1},
                                   {u"fields"_s, QJsonObject{{u"price"_s, 9500}, {u"compare_at_price"_s, 12000}, {u"weight"_s, 420.5}}}});
    QVERIFY2(o.isApplied(), qPrintable(o.message));
    const auto stored = entity(u"variant"_s, b);
    QCOMPARE(stored->data.value(u"price").toInteger(), 9500);
    QCOMPARE(stored->data.value(u"compare_at_price").toInteger(), 12000);
    QCOMPARE(stored->data.value(u"weight").toDouble(), 420.5);
    o = apply(u"variant.patch"_s, {{u"id"_s, b}, {u"base_version"_s, 2}, {u"fields"_s, QJsonObject{{u"price"_s, -1}}}});
    QCOMPARE(o.field, u"fields.price"_s);
    o = apply(u"variant.patch"_s, {{u"id"_s, b}, {u"base_version"_s, 2}, {u"fields"_s, QJsonObject{{u"product_id"_s, product}}}});
    QCOMPARE(o.code, u"validation.unknown_field"_s);

    QVERIFY(apply(u"variant.delete"_s, {{u"id"_s, a}}).isApplied());
    QVERIFY(entity(u"variant"_s, a)->deleted);
    QVERIFY(!entity(u"product"_s, product)->deleted);
    // A deleted variant's SKU can be used again.
    o = apply(u"variant.patch"_s, {{u"id"_s, b}, {u"base_version"_s, 2}, {u"fields"_s, QJsonObject{{u"sku"_s, u"SKU-A"_s}}}});
    QVERIFY2(o.isApplied(), qPrintable(o.message));
    o = apply(u"variant.delete"_s, {{u"id"_s, newId()}});
    QCOMPARE(o.code, u"not_found.variant"_s);
}

void tst_MutationApplier::locationCreateAndPatch()
{
    const QString location = newId();
    MutationOutcome o = apply(u"location.create"_s, {{u"location"_s, QJsonObject{{u"id"_s, location},
                                                                               {u"name"_s, u"Berlin Store"_s},
                                                                               {u"code"_s, u"BER-1"_s}}}});
    QVERIFY2(o.isApplied(), qPrintable(o.message));
    o = apply(u"location.patch"_s, {{u"id"_s, location}, {u"base_version"_s, 1},
                                    {u"fields"_s, QJsonObject{{u"active"_s, false}, {u"address"_s, u"Kastanienallee 12\n10435 Berlin"_s}}}});
    QVERIFY2(o.isApplied(), qPrintable(o.message));
    const auto stored = entity(u"location"_s, location);
    QCOMPARE(stored->data.value(u"active").toBool(), false);
    QCOMPARE(stored->data.value(u"address").toString(), u"Kastanienallee 12\n10435 Berlin"_s);
    o = apply(u"location.patch"_s, {{u"id"_s, location}, {u"base_version"_s, 2}, {u"fields"_s, QJsonObject{{u"name"_s, u""_s}}}});
    QCOMPARE(o.code, u"validation.invalid_field"_s);
    QCOMPARE(o.field, u"fields.name"_s);
    o = apply(u"location.create"_s, {{u"location"_s, QJsonObject{{u"id"_s, newId()}}}});
    QCOMPARE(o.field, u"location.name"_s);
    // Warehouse staff may not manage locations.
    o = apply(u"location.create"_s, {{u"location"_s, QJsonObject{{u"id"_s, newId()}, {u"name"_s, u"X"_s}}}}, Role::Warehouse);
    QCOMPARE(o.code, u"forbidden.role"_s);
}

void tst_MutationApplier::customerEmailIsUniqueCaseInsensitively()
{
    const QString lena = newId();
    MutationOutcome o = apply(u"customer.create"_s, {{u"customer"_s, QJsonObject{{u"id"_s, lena},
                                                                               {u"first_name"_s, u"Lena"_s},
                                                                               {u"email"_s, u"Lena.Fischer@Example.de"_s}}}});
    QVERIFY2(o.isApplied(), qPrintable(o.message));
    o = apply(u"customer.create"_s, {{u"customer"_s, QJsonObject{{u"id"_s, newId()}, {u"email"_s, u"lena.fischer@example.DE"_s}}}});
    QCOMPARE(o.code, u"conflict.unique"_s);
    QCOMPARE(o.field, u"customer.email"_s);
    const QString other = newId();
    QVERIFY(apply(u"customer.create"_s, {{u"customer"_s, QJsonObject{{u"id"_s, other}, {u"email"_s, u"tobias@example.org"_s}}}})
                .isApplied());
    o = apply(u"customer.patch"_s, {{u"id"_s, other}, {u"base_version"_s, 1},
                                    {u"fields"_s, QJsonObject{{u"email"_s, u"LENA.FISCHER@EXAMPLE.DE"_s}}}});
    QCOMPARE(o.code, u"conflict.unique"_s);
    QCOMPARE(o.field, u"fields.email"_s);
    o = apply(u"customer.patch"_s, {{u"id"_s, other}, {u"base_version"_s, 1}, {u"fields"_s, QJsonObject{{u"email"_s, u"no-at-sign"_s}}}});
    QCOMPARE(o.code, u"validation.invalid_field"_s);
    QCOMPARE(o.field, u"fields.email"_s);
    // Warehouse staff never touch customers.
    o = apply(u"customer.patch"_s, {{u"id"_s, other}, {u"base_version"_s, 1}, {u"fields"_s, QJsonObject{{u"note"_s, u"x"_s}}}},
              Role::Warehouse);
    QCOMPARE(o.code, u"forbidden.role"_s);
}

void tst_MutationApplier::customerConsentIsDatedByTheServer()
{
    const QString id = newId();
    QVERIFY(apply(u"customer.create"_s, {{u"customer"_s, QJsonObject{{u"id"_s, id}, {u"first_name"_s, u"Sam"_s},
                                                                   {u"consent_updated_at"_s, 12345}}}})
                .isApplied());
    QVERIFY(entity(u"customer"_s, id)->data.value(u"consent_updated_at").isNull());
    m_clock->advance(60'000);
    const MutationOutcome o = apply(u"customer.patch"_s, {{u"id"_s, id}, {u"base_version"_s, 1},
                                                          {u"fields"_s, QJsonObject{{u"email_marketing"_s, u"subscribed"_s}}}});
    QVERIFY2(o.isApplied(), qPrintable(o.message));
    const auto stored = entity(u"customer"_s, id);
    QCOMPARE(stored->data.value(u"email_marketing").toString(), u"subscribed"_s);
    QCOMPARE(stored->data.value(u"consent_updated_at").toInteger(), kStart + 60'000);
}

void tst_MutationApplier::customerPatchReplacesTheAddresses()
{
    const QString id = newId();
    const QString home = newId();
    QVERIFY(apply(u"customer.create"_s,
                  {{u"customer"_s,
                    QJsonObject{{u"id"_s, id}, {u"first_name"_s, u"Lena"_s},
                                {u"addresses"_s, QJsonArray{QJsonObject{{u"id"_s, home}, {u"is_default"_s, true},
                                                                        {u"line1"_s, u"Kastanienallee 12"_s},
                                                                        {u"city"_s, u"Berlin"_s},
                                                                        {u"postal_code"_s, u"10435"_s},
                                                                        {u"country_code"_s, u"DE"_s}}}}}}})
                .isApplied());
    m_clock->advance(60'000);

    // The home address moves, an office address is added, and the note changes with them.
    const QString office = newId();
    MutationOutcome o = apply(
        u"customer.patch"_s,
        {{u"id"_s, id},
         {u"base_version"_s, 1},
         {u"fields"_s,
          QJsonObject{{u"note"_s, u"Two addresses now."_s},
                      {u"addresses"_s,
                       QJsonArray{QJsonObject{{u"id"_s, home}, {u"is_default"_s, true}, {u"line1"_s, u"Kastanienallee 14"_s},
                                              {u"city"_s, u"Berlin"_s}, {u"postal_code"_s, u"10435"_s},
                                              {u"country_code"_s, u"DE"_s}},
                                  QJsonObject{{u"id"_s, office}, {u"customer_id"_s, id}, {u"company"_s, u"Fischer GmbH"_s},
                                              {u"line1"_s, u"Torstrasse 1"_s}, {u"city"_s, u"Berlin"_s},
                                              {u"country_code"_s, u"DE"_s}}}}}}});
    QVERIFY2(o.isApplied(), qPrintable(o.message));
    QCOMPARE(o.result.value(u"version").toInteger(), 2);
    auto stored = entity(u"customer"_s, id);
    QCOMPARE(stored->version, 2);
    QCOMPARE(stored->updatedAt, kStart + 60'000);
    QCOMPARE(stored->fieldVersions.value(u"addresses").toInteger(), 2);
    QCOMPARE(stored->fieldVersions.value(u"note").toInteger(), 2);
    const auto customer = RecordJson::customerFromJson(stored->data);
    SK_VERIFY_OK(customer);
    QCOMPARE(customer->note, u"Two addresses now."_s);
    QCOMPARE(customer->addresses.size(), 2);
    QCOMPARE(customer->addresses.at(0).id, home);
    QCOMPARE(customer->addresses.at(0).line1, u"Kastanienallee 14"_s);
    QVERIFY(customer->addresses.at(0).isDefault);
    QCOMPARE(customer->addresses.at(1).id, office);
    QCOMPARE(customer->addresses.at(1).customerId, id); // filled in when not sent, checked when sent
    QCOMPARE(customer->addresses.at(1).company, u"Fischer GmbH"_s);
    QVERIFY(!customer->addresses.at(1).isDefault);

    // The same list again changes nothing; an empty one removes them all.
    o = apply(u"customer.patch"_s, {{u"id"_s, id}, {u"base_version"_s, 2},
                                    {u"fields"_s, QJsonObject{{u"addresses"_s, stored->data.value(u"addresses")}}}});
    QVERIFY2(o.isApplied(), qPrintable(o.message));
    QCOMPARE(entity(u"customer"_s, id)->version, 2);
    o = apply(u"customer.patch"_s, {{u"id"_s, id}, {u"base_version"_s, 2}, {u"fields"_s, QJsonObject{{u"addresses"_s, QJsonArray()}}}});
    QVERIFY2(o.isApplied(), qPrintable(o.message));
    stored = entity(u"customer"_s, id);
    QCOMPARE(stored->version, 3);
    QCOMPARE(stored->data.value(u"addresses").toArray().size(), 0);
    QCOMPARE(stored->data.value(u"note").toString(), u"Two addresses now."_s);

    // Warehouse staff never touch customers, addresses included.
    o = apply(u"customer.patch"_s, {{u"id"_s, id}, {u"base_version"_s, 3},
                                    {u"fields"_s, QJsonObject{{u"addresses"_s, QJsonArray{QJsonObject{{u"id"_s, newId()}}}}}}},
              Role::Warehouse);
    QCOMPARE(o.code, u"forbidden.role"_s);
    QCOMPARE(entity(u"customer"_s, id)->version, 3);
}

void tst_MutationApplier::customerAddressPatchRejectionsNameTheAddress()
{
    const QString id = newId();
    const QString home = newId();
    const QJsonObject homeAddress{{u"id"_s, home}, {u"city"_s, u"Lyon"_s}, {u"country_code"_s, u"FR"_s}};
    QVERIFY(apply(u"customer.create"_s, {{u"customer"_s, QJsonObject{{u"id"_s, id}, {u"first_name"_s, u"Zoe"_s},
                                                                   {u"note"_s, u"Original"_s},
                                                                   {u"addresses"_s, QJsonArray{homeAddress}}}}})
                .isApplied());
    const QJsonObject before = entity(u"customer"_s, id)->data;
    const auto patchAddresses = [&](const QJsonValue &addresses) {
        return apply(u"customer.patch"_s,
                     {{u"id"_s, id}, {u"base_version"_s, 1},
                      {u"fields"_s, QJsonObject{{u"note"_s, u"Changed"_s}, {u"addresses"_s, addresses}}}});
    };
    struct Case
    {
        const char *what;
        QJsonValue addresses;
        QString field;
    };
    const QString other = newId();
    const QList<Case> cases{
        {"a country that is no code",
         QJsonArray{homeAddress, QJsonObject{{u"id"_s, newId()}, {u"city"_s, u"Paris"_s}, {u"country_code"_s, u"France"_s}}},
         u"fields.addresses[1].country_code"_s},
        {"no id", QJsonArray{QJsonObject{{u"city"_s, u"Paris"_s}}}, u"fields.addresses[0].id"_s},
        {"an id twice", QJsonArray{homeAddress, homeAddress}, u"fields.addresses[1].id"_s},
        {"another customer's address", QJsonArray{QJsonObject{{u"id"_s, newId()}, {u"customer_id"_s, other}}},
         u"fields.addresses[0].customer_id"_s},
        {"a postal code too long", QJsonArray{QJsonObject{{u"id"_s, newId()}, {u"postal_code"_s, QString(33, u'9')}}},
         u"fields.addresses[0].postal_code"_s},
        {"an address that is no object", QJsonArray{homeAddress, u"12 rue des Lilas"_s}, u"fields.addresses[1]"_s},
        {"null", QJsonValue(QJsonValue::Null), u"fields.addresses"_s},
        {"an object", homeAddress, u"fields.addresses"_s},
    };
    for (const Case &c : cases) {
        const MutationOutcome o = patchAddresses(c.addresses);
        QVERIFY2(o.status == MutationOutcome::Status::Rejected, c.what);
        QVERIFY2(o.code.startsWith(u"validation."_s), qPrintable(o.code));
        QVERIFY2(o.field == c.field, qPrintable(u"%1: %2, not %3 (%4)"_s.arg(QLatin1String(c.what), o.field, c.field, o.message)));
        QVERIFY2(o.message.contains(c.field), qPrintable(o.message));
        // Nothing of the patch is applied, not even its valid note.
        const auto stored = entity(u"customer"_s, id);
        QCOMPARE(stored->version, 1);
        QCOMPARE(stored->data, before);
    }
}

void tst_MutationApplier::staleAddressPatchIsAConflict()
{
    const QString id = newId();
    QVERIFY(apply(u"customer.create"_s, {{u"customer"_s, QJsonObject{{u"id"_s, id}, {u"first_name"_s, u"Ana"_s}}}}).isApplied());
    const QJsonArray theirs{QJsonObject{{u"id"_s, newId()}, {u"city"_s, u"Porto"_s}, {u"country_code"_s, u"PT"_s}}};
    QVERIFY(apply(u"customer.patch"_s, {{u"id"_s, id}, {u"base_version"_s, 1}, {u"fields"_s, QJsonObject{{u"addresses"_s, theirs}}}})
                .isApplied());
    // Another client, still at version 1, sets other addresses: the server's list is not lost.
    const QJsonArray mine{QJsonObject{{u"id"_s, newId()}, {u"city"_s, u"Braga"_s}, {u"country_code"_s, u"PT"_s}}};
    MutationOutcome o = apply(u"customer.patch"_s, {{u"id"_s, id}, {u"base_version"_s, 1},
                                                    {u"fields"_s, QJsonObject{{u"addresses"_s, mine}, {u"note"_s, u"x"_s}}}});
    QCOMPARE(o.status, MutationOutcome::Status::Conflict);
    QCOMPARE(o.code, u"conflict.field"_s);
    QCOMPARE(o.field, u"fields.addresses"_s);
    QCOMPARE(o.details.value(u"server_value").toArray().first().toObject().value(u"city").toString(), u"Porto"_s);
    QCOMPARE(entity(u"customer"_s, id)->version, 2);
    // A stale edit of another field still merges.
    o = apply(u"customer.patch"_s, {{u"id"_s, id}, {u"base_version"_s, 1}, {u"fields"_s, QJsonObject{{u"note"_s, u"x"_s}}}});
    QVERIFY2(o.isApplied(), qPrintable(o.message));
    QCOMPARE(entity(u"customer"_s, id)->data.value(u"addresses").toArray().first().toObject().value(u"city").toString(),
             u"Porto"_s);
}

void tst_MutationApplier::roleAndUnknownMutationAreRejected()
{
    MutationOutcome o = apply(u"product.create"_s, {{u"product"_s, productJson(newId(), u"nope"_s)}}, Role::Warehouse);
    QCOMPARE(o.status, MutationOutcome::Status::Rejected);
    QCOMPARE(o.code, u"forbidden.role"_s);
    o = apply(u"order.refund"_s, {}, Role::Warehouse);
    QCOMPARE(o.code, u"forbidden.role"_s);
    o = apply(u"product.teleport"_s, {});
    QCOMPARE(o.code, u"validation.unknown_mutation"_s);
    QCOMPARE(o.field, u"name"_s);
    QCOMPARE(MutationApplier::mutationNames().size(), 18);
    // Warehouse staff adjust stock.
    const QString variant = makeVariant();
    o = apply(u"inventory.adjust"_s, {{u"variant_id"_s, variant}, {u"location_id"_s, m_location},
                                      {u"delta"_s, 3}, {u"reason"_s, u"received"_s}},
              Role::Warehouse);
    QVERIFY2(o.isApplied(), qPrintable(o.message));
}

// ---- inventory ----------------------------------------------------------------------------

void tst_MutationApplier::inventoryAdjustWritesOneLedgerRow()
{
    const QString variant = makeVariant(u"INV-1"_s);
    MutationOutcome o = apply(u"inventory.adjust"_s, {{u"variant_id"_s, variant}, {u"location_id"_s, m_location},
                                                      {u"delta"_s, 10}, {u"reason"_s, u"received"_s},
                                                      {u"reference"_s, u"PO-17"_s}, {u"note"_s, u"Pallet 3"_s}});
    QVERIFY2(o.isApplied(), qPrintable(o.message));
    QCOMPARE(o.result.value(u"on_hand").toInteger(), 10);
    QCOMPARE(o.result.value(u"available").toInteger(), 10);
    QCOMPARE(o.result.value(u"committed").toInteger(), 0);
    QCOMPARE(o.result.value(u"version").toInteger(), 1);
    QCOMPARE(o.result.value(u"oversold").toBool(), false);
    const QString ledgerId = o.result.value(u"ledger_entry_id").toString();
    const auto row = entity(u"ledger_entry"_s, ledgerId);
    QVERIFY(row);
    QCOMPARE(row->parentId, variant);
    QCOMPARE(row->data.value(u"delta").toInteger(), 10);
    QCOMPARE(row->data.value(u"quantity_after").toInteger(), 10);
    QCOMPARE(row->data.value(u"reason").toString(), u"received"_s);
    QCOMPARE(row->data.value(u"reference").toString(), u"PO-17"_s);
    QCOMPARE(row->data.value(u"user_id").toString(), kOwner);
    QCOMPARE(row->data.value(u"user_name").toString(), u"Olga Owner"_s);

    o = apply(u"inventory.adjust"_s, {{u"variant_id"_s, variant}, {u"location_id"_s, m_location},
                                      {u"delta"_s, -4}, {u"reason"_s, u"damaged"_s}, {u"change_from"_s, 10}});
    QVERIFY2(o.isApplied(), qPrintable(o.message));
    QCOMPARE(o.result.value(u"on_hand").toInteger(), 6);
    QCOMPARE(o.result.value(u"version").toInteger(), 2);
    QCOMPARE(level(variant, m_location).onHand, 6);
    QCOMPARE(all(u"ledger_entry"_s).size(), 2);
    verifyLedgerInvariant();
}

void tst_MutationApplier::inventoryAdjustRejections()
{
    const QString variant = makeVariant();
    adjust(variant, m_location, 10);
    const auto adjustWith = [&](const QJsonObject &extra) {
        QJsonObject args{{u"variant_id"_s, variant}, {u"location_id"_s, m_location}, {u"delta"_s, -3}, {u"reason"_s, u"sold"_s}};
        for (auto it = extra.begin(); it != extra.end(); ++it)
            args.insert(it.key(), it.value());
        return apply(u"inventory.adjust"_s, args);
    };
    MutationOutcome o = adjustWith({{u"change_from"_s, 12}});
    QCOMPARE(o.status, MutationOutcome::Status::Conflict);
    QCOMPARE(o.code, u"inventory_stale"_s);
    QCOMPARE(o.details.value(u"current").toInteger(), 10);
    o = adjustWith({{u"delta"_s, 3}}); // sold must remove stock
    QCOMPARE(o.code, u"inventory.invalid_delta"_s);
    QCOMPARE(o.field, u"delta"_s);
    o = adjustWith({{u"delta"_s, 0}, {u"reason"_s, u"correction"_s}});
    QCOMPARE(o.code, u"inventory.invalid_delta"_s);
    o = adjustWith({{u"reason"_s, u"transfer_out"_s}});
    QCOMPARE(o.field, u"reason"_s);
    o = adjustWith({{u"reason"_s, u"stolen"_s}});
    QCOMPARE(o.code, u"validation.invalid_field"_s);
    QCOMPARE(o.field, u"reason"_s);
    o = adjustWith({{u"delta"_s, 2.5}});
    QCOMPARE(o.field, u"delta"_s);
    o = adjustWith({{u"location_id"_s, newId()}});
    QCOMPARE(o.code, u"not_found.location"_s);
    o = adjustWith({{u"variant_id"_s, newId()}});
    QCOMPARE(o.code, u"not_found.variant"_s);
    QCOMPARE(level(variant, m_location).onHand, 10);
    QCOMPARE(all(u"ledger_entry"_s).size(), 1);
    verifyLedgerInvariant();
}

void tst_MutationApplier::oversell_data()
{
    QTest::addColumn<bool>("reject");
    QTest::newRow("allow") << false;
    QTest::newRow("reject") << true;
}

void tst_MutationApplier::oversell()
{
    QFETCH(bool, reject);
    m_ctx.settings.oversellPolicy = reject ? OversellPolicy::Reject : OversellPolicy::Allow;
    const QString variant = makeVariant();
    adjust(variant, m_location, 5);
    QVERIFY(placeOrder({{variant, 3}}, m_location) != QString()); // 3 committed: 2 available

    const MutationOutcome o = apply(u"inventory.adjust"_s, {{u"variant_id"_s, variant}, {u"location_id"_s, m_location},
                                                            {u"delta"_s, -3}, {u"reason"_s, u"sold"_s}});
    if (reject) {
        QCOMPARE(o.status, MutationOutcome::Status::Rejected);
        QCOMPARE(o.code, u"inventory.oversell"_s);
        QCOMPARE(o.details.value(u"available").toInteger(), 2);
        QCOMPARE(level(variant, m_location).onHand, 5);
        QCOMPARE(all(u"ledger_entry"_s).size(), 1);
    } else {
        QVERIFY2(o.isApplied(), qPrintable(o.message));
        QCOMPARE(o.result.value(u"oversold").toBool(), true);
        QCOMPARE(o.result.value(u"on_hand").toInteger(), 2);
        QCOMPARE(o.result.value(u"available").toInteger(), -1);
        QCOMPARE(all(u"ledger_entry"_s).size(), 2);
    }
    // Within what is available, both policies sell.
    const MutationOutcome fits = apply(u"inventory.adjust"_s, {{u"variant_id"_s, variant}, {u"location_id"_s, m_location},
                                                               {u"delta"_s, reject ? -2 : -1}, {u"reason"_s, u"correction"_s}});
    QCOMPARE(fits.isApplied(), true);
    QCOMPARE(fits.result.value(u"oversold").toBool(), !reject);
    verifyLedgerInvariant();
}

void tst_MutationApplier::inventorySetNeedsTheCurrentQuantity()
{
    const QString variant = makeVariant();
    adjust(variant, m_location, 10);
    const auto count = [&](qint64 quantity, qint64 changeFrom) {
        return apply(u"inventory.set"_s, {{u"variant_id"_s, variant}, {u"location_id"_s, m_location},
                                          {u"quantity"_s, quantity}, {u"change_from"_s, changeFrom}});
    };
    // A sale happened while the clerk counted from 12.
    MutationOutcome o = count(7, 12);
    QCOMPARE(o.status, MutationOutcome::Status::Conflict);
    QCOMPARE(o.code, u"inventory_stale"_s);
    QCOMPARE(o.field, u"change_from"_s);
    QCOMPARE(o.details.value(u"current").toInteger(), 10);
    QCOMPARE(level(variant, m_location).onHand, 10);

    o = count(7, 10);
    QVERIFY2(o.isApplied(), qPrintable(o.message));
    QCOMPARE(o.result.value(u"on_hand").toInteger(), 7);
    const auto row = entity(u"ledger_entry"_s, o.result.value(u"ledger_entry_id").toString());
    QCOMPARE(row->data.value(u"delta").toInteger(), -3);
    QCOMPARE(row->data.value(u"reason").toString(), u"cycle_count"_s);

    // A count that confirms the level records nothing.
    o = count(7, 7);
    QVERIFY(o.isApplied());
    QVERIFY(o.result.value(u"ledger_entry_id").isNull());
    QCOMPARE(all(u"ledger_entry"_s).size(), 2);

    o = apply(u"inventory.set"_s, {{u"variant_id"_s, variant}, {u"location_id"_s, m_location}, {u"quantity"_s, 7}});
    QCOMPARE(o.code, u"validation.missing_field"_s);
    QCOMPARE(o.field, u"change_from"_s);
    o = count(-1, 7);
    QCOMPARE(o.field, u"quantity"_s);
    verifyLedgerInvariant();
}

void tst_MutationApplier::inventoryTransferWritesAPairOfRows()
{
    const QString variant = makeVariant();
    const QString store = makeLocation(u"Store"_s);
    adjust(variant, m_location, 10);
    MutationOutcome o = apply(u"inventory.transfer"_s, {{u"variant_id"_s, variant}, {u"from_location_id"_s, m_location},
                                                        {u"to_location_id"_s, store}, {u"quantity"_s, 4},
                                                        {u"reference"_s, u"TR-1"_s}});
    QVERIFY2(o.isApplied(), qPrintable(o.message));
    QCOMPARE(o.result.value(u"from").toObject().value(u"on_hand").toInteger(), 6);
    QCOMPARE(o.result.value(u"to").toObject().value(u"on_hand").toInteger(), 4);
    const auto out = entity(u"ledger_entry"_s, o.result.value(u"from").toObject().value(u"ledger_entry_id").toString());
    const auto in = entity(u"ledger_entry"_s, o.result.value(u"to").toObject().value(u"ledger_entry_id").toString());
    QCOMPARE(out->data.value(u"reason").toString(), u"transfer_out"_s);
    QCOMPARE(out->data.value(u"delta").toInteger(), -4);
    QCOMPARE(in->data.value(u"reason").toString(), u"transfer_in"_s);
    QCOMPARE(in->data.value(u"delta").toInteger(), 4);
    QCOMPARE(in->data.value(u"reference").toString(), u"TR-1"_s);
    QCOMPARE(level(variant, store).onHand, 4);

    o = apply(u"inventory.transfer"_s, {{u"variant_id"_s, variant}, {u"from_location_id"_s, store},
                                        {u"to_location_id"_s, store}, {u"quantity"_s, 1}});
    QCOMPARE(o.field, u"to_location_id"_s);
    o = apply(u"inventory.transfer"_s, {{u"variant_id"_s, variant}, {u"from_location_id"_s, store},
                                        {u"to_location_id"_s, m_location}, {u"quantity"_s, 0}});
    QCOMPARE(o.field, u"quantity"_s);
    m_ctx.settings.oversellPolicy = OversellPolicy::Reject;
    o = apply(u"inventory.transfer"_s, {{u"variant_id"_s, variant}, {u"from_location_id"_s, store},
                                        {u"to_location_id"_s, m_location}, {u"quantity"_s, 5}});
    QCOMPARE(o.code, u"inventory.oversell"_s);
    QCOMPARE(o.details.value(u"available").toInteger(), 4);
    QCOMPARE(all(u"ledger_entry"_s).size(), 3);
    verifyLedgerInvariant();
}

// ---- orders -------------------------------------------------------------------------------

void tst_MutationApplier::fulfilmentTakesStockAndReleasesCommitted()
{
    const QString a = makeVariant();
    const QString b = makeVariant();
    adjust(a, m_location, 10);
    adjust(b, m_location, 10);
    const QString orderId = placeOrder({{a, 3}, {b, 1}}, m_location);
    QCOMPARE(level(a, m_location).committed, 3);
    OrderDetail d = order(orderId);
    const QString lineA = d.lines.at(0).id;
    const QString lineB = d.lines.at(1).id;

    MutationOutcome o = apply(u"order.fulfil"_s, {{u"order_id"_s, orderId},
                                                  {u"lines"_s, QJsonArray{QJsonObject{{u"order_line_id"_s, lineA}, {u"quantity"_s, 2}}}},
                                                  {u"tracking_number"_s, u"00340434161094042557"_s},
                                                  {u"carrier"_s, u"DHL"_s}},
                              Role::Warehouse);
    QVERIFY2(o.isApplied(), qPrintable(o.message));
    QCOMPARE(o.result.value(u"fulfillment_status").toString(), u"partial"_s);
    InventoryLevel la = level(a, m_location);
    QCOMPARE(la.onHand, 8);
    QCOMPARE(la.committed, 1);
    d = order(orderId);
    QCOMPARE(d.fulfillments.size(), 1);
    QCOMPARE(d.fulfillments.at(0).trackingNumber, u"00340434161094042557"_s);
    QCOMPARE(d.fulfillments.at(0).locationId, m_location);
    QCOMPARE(d.order.version, 2);
    QCOMPARE(toString(d.events.last().kind), toString(OrderEventKind::Fulfilled));

    o = apply(u"order.fulfil"_s, {{u"order_id"_s, orderId},
                                  {u"lines"_s, QJsonArray{QJsonObject{{u"order_line_id"_s, lineA}, {u"quantity"_s, 2}}}}});
    QCOMPARE(o.code, u"order.overfulfil"_s);
    o = apply(u"order.fulfil"_s, {{u"order_id"_s, orderId},
                                  {u"lines"_s, QJsonArray{QJsonObject{{u"order_line_id"_s, newId()}, {u"quantity"_s, 1}}}}});
    QCOMPARE(o.code, u"order.unknown_line"_s);
    o = apply(u"order.fulfil"_s, {{u"order_id"_s, orderId},
                                  {u"lines"_s, QJsonArray{QJsonObject{{u"order_line_id"_s, lineA}, {u"quantity"_s, 1}},
                                                          QJsonObject{{u"order_line_id"_s, lineB}, {u"quantity"_s, 1}}}}});
    QVERIFY2(o.isApplied(), qPrintable(o.message));
    QCOMPARE(o.result.value(u"fulfillment_status").toString(), u"fulfilled"_s);
    d = order(orderId);
    QCOMPARE(toString(d.order.status), toString(OrderStatus::Processing)); // fulfilling does not complete the order
    QCOMPARE(level(a, m_location).onHand, 7);
    QCOMPARE(level(a, m_location).committed, 0);
    QCOMPARE(level(b, m_location).onHand, 9);
    QCOMPARE(level(b, m_location).committed, 0);
    verifyLedgerInvariant();
}

void tst_MutationApplier::cancellationReleasesCommittedStock()
{
    const QString a = makeVariant();
    adjust(a, m_location, 10);
    const QString keep = placeOrder({{a, 2}}, m_location);
    const QString cancel = placeOrder({{a, 3}}, m_location, false);
    QCOMPARE(level(a, m_location).committed, 5);
    MutationOutcome o = apply(u"order.set_status"_s, {{u"order_id"_s, cancel}, {u"status"_s, u"cancelled"_s},
                                                      {u"reason"_s, u"Customer changed their mind"_s}});
    QVERIFY2(o.isApplied(), qPrintable(o.message));
    QCOMPARE(level(a, m_location).committed, 2);
    QCOMPARE(level(a, m_location).onHand, 10);
    const OrderDetail d = order(cancel);
    QCOMPARE(toString(d.order.status), toString(OrderStatus::Cancelled));
    QCOMPARE(d.order.cancelledAt.value_or(0), kStart);
    QCOMPARE(d.order.cancelReason, u"Customer changed their mind"_s);
    QCOMPARE(toString(d.events.last().kind), toString(OrderEventKind::Cancelled));
    // A cancelled order is closed.
    o = apply(u"order.set_status"_s, {{u"order_id"_s, cancel}, {u"status"_s, u"pending"_s}});
    QCOMPARE(o.code, u"order.illegal_transition"_s);
    QCOMPARE(o.field, u"status"_s);
    QCOMPARE(level(a, m_location).committed, 2);
    QVERIFY(!keep.isEmpty());
    verifyLedgerInvariant();
}

void tst_MutationApplier::fulfilmentOfADeletedVariantTouchesNoStock()
{
    const QString a = makeVariant();
    const QString other = makeLocation(u"Other"_s);
    adjust(a, m_location, 4);
    const QString orderId = placeOrder({{a, 2}}, m_location);
    QVERIFY(apply(u"variant.delete"_s, {{u"id"_s, a}}).isApplied());
    const qsizetype ledgerRows = all(u"ledger_entry"_s).size();
    // Shipped from a location that never held the variant: no stock appears for a deleted variant.
    const MutationOutcome o = apply(u"order.fulfil"_s, {{u"order_id"_s, orderId},
                                                        {u"location_id"_s, other},
                                                        {u"lines"_s, QJsonArray{QJsonObject{{u"order_line_id"_s, order(orderId).lines.at(0).id},
                                                                                            {u"quantity"_s, 2}}}}});
    QVERIFY2(o.isApplied(), qPrintable(o.message));
    QCOMPARE(o.result.value(u"fulfillment_status").toString(), u"fulfilled"_s);
    QVERIFY(!entity(u"inventory_level"_s, MutationApplier::levelId(a, other)));
    QVERIFY(entity(u"inventory_level"_s, MutationApplier::levelId(a, m_location))->deleted);
    QCOMPARE(all(u"ledger_entry"_s).size(), ledgerRows);
    verifyLedgerInvariant();
}

void tst_MutationApplier::refundWithRestock()
{
    const QString a = makeVariant();
    adjust(a, m_location, 10);
    const QString orderId = placeOrder({{a, 5}}, m_location); // total 5000
    const QString line = order(orderId).lines.at(0).id;
    QVERIFY(apply(u"order.fulfil"_s, {{u"order_id"_s, orderId},
                                      {u"lines"_s, QJsonArray{QJsonObject{{u"order_line_id"_s, line}, {u"quantity"_s, 3}}}}})
                .isApplied());
    QCOMPARE(level(a, m_location).onHand, 7);
    QCOMPARE(level(a, m_location).committed, 2);

    // Refund 3 units with restock: the 2 unshipped are released, 1 shipped one comes back.
    const QString refundId = newId();
    MutationOutcome o = apply(u"order.refund"_s, {{u"order_id"_s, orderId}, {u"refund_id"_s, refundId}, {u"amount"_s, 3000},
                                                  {u"restock"_s, true}, {u"reason"_s, u"Too small"_s},
                                                  {u"lines"_s, QJsonArray{QJsonObject{{u"order_line_id"_s, line}, {u"quantity"_s, 3},
                                                                                      {u"amount"_s, 3000}}}}});
    QVERIFY2(o.isApplied(), qPrintable(o.message));
    QCOMPARE(o.result.value(u"refund_id").toString(), refundId);
    QCOMPARE(o.result.value(u"financial_status").toString(), u"partially_refunded"_s);
    QCOMPARE(level(a, m_location).committed, 0);
    QCOMPARE(level(a, m_location).onHand, 8);
    OrderDetail d = order(orderId);
    QCOMPARE(d.order.refundedTotal, 3000);
    QCOMPARE(d.refunds.size(), 1);
    QCOMPARE(d.refunds.at(0).restock, true);
    // Nothing is left to ship after the released units.
    o = apply(u"order.fulfil"_s, {{u"order_id"_s, orderId},
                                  {u"lines"_s, QJsonArray{QJsonObject{{u"order_line_id"_s, line}, {u"quantity"_s, 1}}}}});
    QCOMPARE(o.code, u"order.overfulfil"_s);

    // The rest, without restock: money only. The order becomes refunded.
    o = apply(u"order.refund"_s, {{u"order_id"_s, orderId}, {u"amount"_s, 2000}});
    QVERIFY2(o.isApplied(), qPrintable(o.message));
    QCOMPARE(o.result.value(u"financial_status").toString(), u"refunded"_s);
    QCOMPARE(o.result.value(u"status").toString(), u"refunded"_s);
    QCOMPARE(level(a, m_location).onHand, 8);
    d = order(orderId);
    QCOMPARE(toString(d.order.financialStatus), toString(FinancialStatus::Refunded));
    QCOMPARE(toString(d.order.status), toString(OrderStatus::Refunded));
    QCOMPARE(toString(d.events.last().kind), toString(OrderEventKind::Refunded));

    // Ledger: received +10, sold -3, returned +1.
    QList<qint64> deltas;
    for (const EntityRecord &row : all(u"ledger_entry"_s))
        deltas.append(row.data.value(u"delta").toInteger());
    std::sort(deltas.begin(), deltas.end());
    QCOMPARE(deltas, (QList<qint64>{-3, 1, 10}));
    verifyLedgerInvariant();
}

void tst_MutationApplier::refundRejections()
{
    const QString a = makeVariant();
    adjust(a, m_location, 10);
    const QString paid = placeOrder({{a, 2}}, m_location);
    const QString pending = placeOrder({{a, 1}}, m_location, false);
    MutationOutcome o = apply(u"order.refund"_s, {{u"order_id"_s, paid}, {u"amount"_s, 2001}});
    QCOMPARE(o.code, u"order.overrefund"_s);
    QCOMPARE(o.field, u"amount"_s);
    o = apply(u"order.refund"_s, {{u"order_id"_s, pending}, {u"amount"_s, 100}});
    QCOMPARE(o.code, u"order.not_refundable"_s);
    o = apply(u"order.refund"_s, {{u"order_id"_s, paid}, {u"amount"_s, 0}});
    QCOMPARE(o.field, u"amount"_s);
    const QString line = order(paid).lines.at(0).id;
    o = apply(u"order.refund"_s, {{u"order_id"_s, paid}, {u"amount"_s, 100}, {u"restock"_s, true},
                                  {u"lines"_s, QJsonArray{QJsonObject{{u"order_line_id"_s, line}, {u"quantity"_s, 3}}}}});
    QCOMPARE(o.code, u"order.overrefund_quantity"_s);
    QCOMPARE(o.field, u"lines"_s);
    o = apply(u"order.refund"_s, {{u"order_id"_s, newId()}, {u"amount"_s, 100}});
    QCOMPARE(o.code, u"not_found.order"_s);
    QCOMPARE(o.field, u"order_id"_s);
    o = apply(u"order.refund"_s, {{u"order_id"_s, paid}, {u"amount"_s, 100}}, Role::Warehouse);
    QCOMPARE(o.code, u"forbidden.role"_s);
    QCOMPARE(order(paid).order.version, 1);
    QCOMPARE(level(a, m_location).committed, 3);
}

void tst_MutationApplier::orderStatusFollowsTheStateMachine()
{
    const QString a = makeVariant();
    adjust(a, m_location, 10);
    const QString orderId = placeOrder({{a, 1}}, m_location);
    MutationOutcome o = apply(u"order.set_status"_s, {{u"order_id"_s, orderId}, {u"status"_s, u"completed"_s}});
    QCOMPARE(o.code, u"order.illegal_transition"_s); // nothing shipped yet
    o = apply(u"order.set_status"_s, {{u"order_id"_s, orderId}, {u"status"_s, u"on_hold"_s}});
    QVERIFY2(o.isApplied(), qPrintable(o.message));
    const QString line = order(orderId).lines.at(0).id;
    o = apply(u"order.fulfil"_s, {{u"order_id"_s, orderId},
                                  {u"lines"_s, QJsonArray{QJsonObject{{u"order_line_id"_s, line}, {u"quantity"_s, 1}}}}});
    QCOMPARE(o.code, u"order.not_fulfillable"_s); // on hold means do not ship
    QVERIFY(apply(u"order.set_status"_s, {{u"order_id"_s, orderId}, {u"status"_s, u"processing"_s}}).isApplied());
    QVERIFY(apply(u"order.fulfil"_s, {{u"order_id"_s, orderId},
                                      {u"lines"_s, QJsonArray{QJsonObject{{u"order_line_id"_s, line}, {u"quantity"_s, 1}}}}})
                .isApplied());
    o = apply(u"order.set_status"_s, {{u"order_id"_s, orderId}, {u"status"_s, u"cancelled"_s}});
    QCOMPARE(o.code, u"order.illegal_transition"_s); // shipped: refund instead
    o = apply(u"order.set_status"_s, {{u"order_id"_s, orderId}, {u"status"_s, u"completed"_s}});
    QVERIFY2(o.isApplied(), qPrintable(o.message));
    const OrderDetail d = order(orderId);
    QCOMPARE(toString(d.order.status), toString(OrderStatus::Completed));
    QCOMPARE(d.order.version, 5);
    o = apply(u"order.set_status"_s, {{u"order_id"_s, orderId}, {u"status"_s, u"shipped"_s}});
    QCOMPARE(o.field, u"status"_s);
    verifyLedgerInvariant();
}

void tst_MutationApplier::orderNotes()
{
    const QString a = makeVariant();
    const QString orderId = placeOrder({{a, 1}}, m_location);
    const QString eventId = newId();
    MutationOutcome o = apply(u"order.add_note"_s, {{u"order_id"_s, orderId}, {u"event_id"_s, eventId},
                                                    {u"message"_s, u"Customer called:\nleave at the door."_s}});
    QVERIFY2(o.isApplied(), qPrintable(o.message));
    QCOMPARE(o.result.value(u"event_id").toString(), eventId);
    const OrderDetail d = order(orderId);
    QCOMPARE(d.events.size(), 1);
    QCOMPARE(toString(d.events.at(0).kind), toString(OrderEventKind::Note));
    QCOMPARE(d.events.at(0).message, u"Customer called:\nleave at the door."_s);
    QCOMPARE(d.events.at(0).author, u"Olga Owner"_s);
    QCOMPARE(d.events.at(0).createdAt, kStart);
    o = apply(u"order.add_note"_s, {{u"order_id"_s, orderId}, {u"event_id"_s, eventId}, {u"message"_s, u"again"_s}});
    QCOMPARE(o.code, u"conflict.exists"_s);
    o = apply(u"order.add_note"_s, {{u"order_id"_s, orderId}, {u"message"_s, u"   "_s}});
    QCOMPARE(o.field, u"message"_s);
    o = apply(u"order.add_note"_s, {{u"order_id"_s, orderId}, {u"message"_s, u"x"_s}}, Role::Warehouse);
    QCOMPARE(o.code, u"forbidden.role"_s);
}

void tst_MutationApplier::rejectedMutationInsideAnOuterWriteLeavesNoTrace()
{
    makeVariant(u"TAKEN-2"_s);
    const QString product = newId();
    const QString location = newId();
    std::optional<MutationOutcome> outcome;
    // As the sync endpoint does: the mutation and the caller's own bookkeeping in one write.
    SK_VERIFY_OK(m_storage->write([&]() -> Result<void> {
        SK_TRY_ASSIGN(o, m_applier->apply(m_ctx, u"product.create"_s,
                                          {{u"product"_s, productJson(product, u"outer"_s)},
                                           {u"variants"_s, QJsonArray{variantJson(newId(), {}, u"TAKEN-2"_s)}}}));
        outcome = o;
        SK_TRY_ASSIGN(after, m_applier->apply(m_ctx, u"location.create"_s,
                                              {{u"location"_s, QJsonObject{{u"id"_s, location}, {u"name"_s, u"Kept"_s}}}}));
        if (!after.isApplied())
            return makeError(u"test"_s, after.message);
        return {};
    }));
    QVERIFY(outcome);
    QCOMPARE(outcome->code, u"conflict.unique"_s);
    QVERIFY(!entity(u"product"_s, product));
    QVERIFY(entity(u"location"_s, location));
}

QTEST_GUILESS_MAIN(tst_MutationApplier)
#include "tst_mutationapplier.moc"
