#include "demo/storedemosink.h"
#include "local/entitydocuments.h"
#include "local/shopeditor.h"
#include "local/stagingstore.h"
#include "localsynctestsupport.h"
#include "storage/schemamigrator.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QTest>

using namespace sk;
using namespace sk::test;

namespace {

DemoOptions demoOptions(DemoScale scale)
{
    DemoOptions o;
    o.scale = scale;
    o.seed = 20261121;
    o.endDate = QDate(2026, 11, 21);
    return o;
}

// Rows of `table` (all columns but rid and generated ones) in one file and not in the other,
// both ways. 0 when the two files hold the same rows.
qint64 rowDifferences(const QString &mainPath, const QString &otherPath, const char *table)
{
    auto db = SqliteDatabase::open(mainPath, SqliteDatabase::Mode::ReadOnly);
    if (!db.ok())
        return -1;
    auto attach = (*db)->prepare("ATTACH DATABASE ? AS other");
    if (!attach.ok())
        return -1;
    attach->bind(1, otherPath);
    if (!attach->exec().ok())
        return -1;
    attach = SqliteStatement();
    QByteArrayList names;
    auto columns = (*db)->prepare(QByteArray("SELECT name FROM pragma_table_xinfo('") + table
                                  + "', 'main') WHERE hidden = 0 AND name <> 'rid' ORDER BY cid");
    if (!columns.ok())
        return -1;
    while (columns->step().valueOr(false)) {
        // JSON text columns: the same object may spell its keys in another order (compared
        // as objects by jsonDifferences).
        if (!columns->utf8(0).endsWith("_address"))
            names << '"' + columns->utf8(0) + '"';
    }
    columns = SqliteStatement();
    const QByteArray list = names.join(", ");
    const QByteArray sql = "SELECT (SELECT count(*) FROM (SELECT " + list + " FROM main." + table + " EXCEPT SELECT "
                         + list + " FROM other." + table + ")) + (SELECT count(*) FROM (SELECT " + list + " FROM other."
                         + table + " EXCEPT SELECT " + list + " FROM main." + table + "))";
    const qint64 differences = (*db)->queryInt64(sql).valueOr(-1);
    if (differences != 0) {
        // Say which rows, so a failure is easy to read.
        for (const QByteArray &side : {QByteArray("main"), QByteArray("other")}) {
            const QByteArray otherSide = side == "main" ? "other" : "main";
            auto sample = (*db)->prepare("SELECT " + list + " FROM " + side + "." + table + " EXCEPT SELECT " + list
                                         + " FROM " + otherSide + "." + table + " LIMIT 1");
            if (sample.ok() && sample->step().valueOr(false)) {
                QStringList values;
                for (int i = 0; i < sample->columnCount(); ++i)
                    values << (sample->isNull(i) ? QStringLiteral("NULL") : sample->text(i));
                qWarning("%s only in %s: %s", table, side.constData(), qPrintable(values.join(QLatin1Char('|'))));
            }
        }
    }
    return differences;
}

// Orders whose address objects differ between the two files.
qint64 addressDifferences(const QString &mainPath, const QString &otherPath)
{
    const auto read = [](const QString &path) {
        QHash<QString, QPair<QJsonObject, QJsonObject>> out;
        auto db = SqliteDatabase::open(path, SqliteDatabase::Mode::ReadOnly);
        if (!db.ok())
            return out;
        auto stmt = (*db)->prepare("SELECT id, billing_address, shipping_address FROM orders");
        while (stmt.ok() && stmt->step().valueOr(false)) {
            out.insert(stmt->text(0), {QJsonDocument::fromJson(stmt->utf8(1)).object(),
                                       QJsonDocument::fromJson(stmt->utf8(2)).object()});
        }
        return out;
    };
    const auto mine = read(mainPath);
    const auto theirs = read(otherPath);
    if (mine.size() != theirs.size())
        return qAbs(mine.size() - theirs.size());
    qint64 differences = 0;
    for (auto it = mine.cbegin(); it != mine.cend(); ++it)
        differences += theirs.value(it.key()) == it.value() ? 0 : 1;
    return differences;
}

qint64 matches(ShopStore &store, const char *table, const QString &query)
{
    auto reader = store.openReader();
    if (!reader.ok())
        return -1;
    auto stmt = (*reader)->prepare(QByteArray("SELECT count(*) FROM ") + table + " WHERE " + table + " MATCH ?");
    if (!stmt.ok())
        return -1;
    stmt->bind(1, query);
    if (!stmt->step().valueOr(false))
        return -1;
    return stmt->int64(0);
}

QString firstText(ShopStore &store, const QByteArray &sql)
{
    auto reader = store.openReader();
    if (!reader.ok())
        return {};
    auto stmt = (*reader)->prepare(sql);
    return stmt.ok() && stmt->step().valueOr(false) ? stmt->text(0) : QString();
}

bool stagingFilesGone(ShopStore &store)
{
    return !StagingStore::exists(store);
}

// Fills the staging tables with every row of a shop file, as a finished download would.
bool fillStagingFrom(ShopStore &store, const QString &downloaded, const char *const (&tables)[15])
{
    auto db = SqliteDatabase::open(store.path(), SqliteDatabase::Mode::ReadWrite);
    if (!db.ok())
        return false;
    auto attach = (*db)->prepare("ATTACH DATABASE ? AS downloaded");
    if (!attach.ok())
        return false;
    attach->bind(1, downloaded);
    if (!attach->exec().ok())
        return false;
    attach = SqliteStatement();
    for (const char *table : tables) {
        QByteArrayList names;
        auto list = (*db)->prepare(QByteArray("SELECT name FROM pragma_table_xinfo('") + table
                                   + "', 'main') WHERE hidden = 0 ORDER BY cid");
        while (list.ok() && list->step().valueOr(false))
            names << '"' + list->utf8(0) + '"';
        list = SqliteStatement();
        const QByteArray cols = names.join(", ");
        if (!(*db)->exec("INSERT INTO main.sk_staging_" + QByteArray(table) + " (" + cols + ") SELECT " + cols
                         + " FROM downloaded." + table).ok())
            return false;
    }
    return (*db)->exec("UPDATE main.sk_staging_sync_state SET cursor = 'medium-end', server_time = 1").ok();
}

const char *const kCompared[] = {"shop_settings", "locations", "products", "variants", "inventory_levels",
                                 "customers", "customer_addresses", "orders", "order_lines", "fulfillments",
                                 "fulfillment_lines", "refunds", "refund_lines", "order_events", "inventory_ledger"};

} // namespace

class tst_StagingStore : public QObject
{
    Q_OBJECT

private:
    FixedClock m_clock{kNow};

private slots:
    void startsInsideTheShopFile()
    {
        auto temp = makeTempStore();
        QVERIFY(temp);
        // What an older build left beside the shop file is only a download: it goes.
        const QString legacy = temp->path() + QStringLiteral(".staging");
        {
            QFile file(legacy);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("an older build's download");
        }
        QVERIFY(!StagingStore::exists(*temp->store));
        auto staging = StagingStore::open(*temp->store);
        SK_VERIFY_OK(staging);
        QVERIFY(!QFileInfo::exists(legacy));
        QVERIFY(StagingStore::exists(*temp->store));
        QCOMPARE((*staging)->cursor(), QString());
        QCOMPARE((*staging)->changesApplied(), 0);
        staging->reset();
        SK_VERIFY_OK(StagingStore::remove(*temp->store));
        QVERIFY(!StagingStore::exists(*temp->store));
        QCOMPARE(queryInt(*temp->store, "SELECT count(*) FROM sqlite_master WHERE name LIKE 'sk_staging%'"), 0);
    }

    // The download writes the shop file while the shop goes on being used: edits commit beside
    // it, and deleting a record in the shop does not reach the staged copy (the staged rows
    // refer to each other, not to the shop's).
    void theShopStaysUsableDuringTheDownload()
    {
        auto temp = makeTempStore();
        QVERIFY(temp);
        ShopStore &store = *temp->store;
        const MiniShop shop = MiniShop::make();
        SK_VERIFY_OK(applyPage(store, pageOf(shop.changes())));
        auto staging = StagingStore::open(store);
        SK_VERIFY_OK(staging);
        SK_VERIFY_OK((*staging)->applyPage(pageOf(shop.changes(), 0, QStringLiteral("resync-end"))));

        ShopEditor editor(store, m_clock);
        SK_VERIFY_OK(editor.adjustInventory(shop.red.id, shop.main.id, -2, InventoryReason::Damaged));
        QCOMPARE(onHand(store, shop.red.id, shop.main.id), 8);
        // ON DELETE CASCADE in the shop: its variants and levels go, the staged ones stay.
        SK_VERIFY_OK(store.write([&](SqliteDatabase &db) -> Result<void> {
            SK_TRY_ASSIGN(stmt, db.prepare("DELETE FROM products WHERE id = ?"));
            stmt.bind(1, shop.product.id);
            return stmt.exec();
        }));
        QCOMPARE(queryInt(store, "SELECT count(*) FROM variants"), 0);
        QCOMPARE(queryInt(store, "SELECT count(*) FROM sk_staging_variants"), 2);

        SK_VERIFY_OK((*staging)->swapInto(store, kNow));
        QVERIFY(stagingFilesGone(store));
        QCOMPARE(queryInt(store, "SELECT count(*) FROM variants"), 2);
        QCOMPARE(onHand(store, shop.red.id, shop.main.id), 8); // the server's 10, the pending -2 on top
        QCOMPARE(queryInt(store, "SELECT count(*) FROM outbox"), 1);
        QCOMPARE(queryInt(store, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
        QCOMPARE(firstText(store, "PRAGMA integrity_check"), QStringLiteral("ok"));
    }

    void resumesAfterReopening()
    {
        auto temp = makeTempStore();
        QVERIFY(temp);
        const MiniShop shop = MiniShop::make();
        const QList<Change> all = shop.changes();
        const ChangesPage first = pageOf(all.mid(0, 4), 0, QStringLiteral("after-4"));
        ChangesPage second = pageOf(all.mid(4), 0, QStringLiteral("after-9"));
        {
            auto staging = StagingStore::open(*temp->store);
            SK_VERIFY_OK(staging);
            SK_VERIFY_OK((*staging)->applyPage(first));
        } // the app quits (or dies) mid-download
        auto staging = StagingStore::open(*temp->store);
        SK_VERIFY_OK(staging);
        QCOMPARE((*staging)->cursor(), QStringLiteral("after-4"));
        QCOMPARE((*staging)->changesApplied(), 4);
        // Nothing reached the shop yet.
        QCOMPARE(queryInt(*temp->store, "SELECT count(*) FROM locations"), 0);

        SK_VERIFY_OK((*staging)->applyPage(second));
        QCOMPARE((*staging)->cursor(), QStringLiteral("after-9"));
        QCOMPARE((*staging)->changesApplied(), 9);
        SK_VERIFY_OK((*staging)->swapInto(*temp->store, kNow));
        QVERIFY(stagingFilesGone(*temp->store));
        QCOMPARE(onHand(*temp->store, shop.red.id, shop.backroom.id), 4);
        QCOMPARE(queryInt(*temp->store, "SELECT count(*) FROM variants"), 2);
        const Outbox::State state = outboxState(*temp->store);
        QCOMPARE(state.cursor, QStringLiteral("after-9"));
        QVERIFY(state.initialSyncDone);
        QVERIFY(!(*staging)->applyPage(second).ok()); // swapped: the download is over
    }

    // The full resync after a 410: pending edits survive and show on top of the new snapshot;
    // what the snapshot already contains (last_applied_seq) is not applied twice.
    void swapKeepsTheOutboxAndReappliesPendingEdits()
    {
        auto temp = makeTempStore();
        QVERIFY(temp);
        ShopStore &store = *temp->store;
        const MiniShop shop = MiniShop::make();
        SK_VERIFY_OK(applyPage(store, pageOf(shop.changes())));
        ShopEditor editor(store, m_clock);
        const auto sold = editor.adjustInventory(shop.red.id, shop.main.id, -3, InventoryReason::Sold);
        const auto priced = editor.setVariantPrice(shop.red.id, 9400);
        Product fleece;
        fleece.id = uuid();
        fleece.title = QStringLiteral("Fjord Fleece");
        fleece.handle = QStringLiteral("fjord-fleece");
        fleece.status = ProductStatus::Active;
        Variant grey;
        grey.id = uuid();
        grey.sku = QStringLiteral("FF-GREY");
        grey.price = 5900;
        const auto created = editor.createProduct(fleece, {grey});
        SK_VERIFY_OK(sold);
        SK_VERIFY_OK(priced);
        SK_VERIFY_OK(created);
        QCOMPARE(onHand(store, shop.red.id, shop.main.id), 7);

        // The server's snapshot: the sale (seq 1) is in it, someone renamed the colour, and
        // the blue variant is gone.
        InventoryLevel redMain = shop.redMain;
        redMain.onHand = 7;
        redMain.version = 2;
        Variant red = shop.red;
        red.option1 = QStringLiteral("Crimson");
        red.version = 2;
        const QList<Change> snapshot = {changeOf(shop.settings), changeOf(shop.main),  changeOf(shop.backroom),
                                        changeOf(shop.product),  changeOf(red),        changeOf(redMain),
                                        changeOf(shop.redBack)};
        auto staging = StagingStore::open(store);
        SK_VERIFY_OK(staging);
        SK_VERIFY_OK((*staging)->applyPage(pageOf(snapshot, sold->seq, QStringLiteral("resync-end"))));
        // Until the swap the shop shows what it showed.
        QCOMPARE(onHand(store, shop.blue.id, shop.main.id), 6);
        SK_VERIFY_OK((*staging)->swapInto(store, kNow));

        QCOMPARE(onHand(store, shop.red.id, shop.main.id), 7); // the server's 7, not 7 - 3
        QCOMPARE(onHand(store, shop.blue.id, shop.main.id), -1);
        QVERIFY(!visibleDoc(store, EntityRef{QStringLiteral("variant"), shop.blue.id}));
        const auto redDoc = visibleDoc(store, EntityRef{QStringLiteral("variant"), shop.red.id});
        QVERIFY(redDoc);
        QCOMPARE(redDoc->value(QLatin1StringView("price")).toInteger(), 9400);                     // pending, mine
        QCOMPARE(redDoc->value(QLatin1StringView("option1")).toString(), QStringLiteral("Crimson")); // theirs
        QVERIFY(visibleDoc(store, EntityRef{QStringLiteral("product"), fleece.id}));
        QVERIFY(visibleDoc(store, EntityRef{QStringLiteral("variant"), grey.id}));

        QCOMPARE(queryInt(store, "SELECT count(*) FROM outbox"), 2);
        QCOMPARE(queryInt(store, "SELECT min(seq) FROM outbox"), priced->seq);
        const auto base = baseOf(store, EntityRef{QStringLiteral("variant"), shop.red.id});
        QVERIFY(base);
        QCOMPARE(base->version, 2);
        QCOMPARE(base->doc->value(QLatin1StringView("price")).toInteger(), shop.red.price);
        const auto createdBase = baseOf(store, EntityRef{QStringLiteral("product"), fleece.id});
        QVERIFY(createdBase);
        QVERIFY(!createdBase->doc);
        const Outbox::State state = outboxState(store);
        QCOMPARE(state.cursor, QStringLiteral("resync-end"));
        QCOMPARE(state.lastAppliedSeq, sold->seq);
        QVERIFY(state.initialSyncDone);
        QVERIFY(stagingFilesGone(store));
    }

    // Scenario 16/19: a real shop (the small demo) downloaded in pages, children before their
    // parents, while the shop file keeps showing what it had; afterwards it equals the server's
    // copy row by row, and search works.
    void demoShopArrivesWholeAndSearchable()
    {
        auto server = makeTempStore();
        QVERIFY(server);
        SK_VERIFY_OK(generateDemoInto(*server->store, demoOptions(DemoScale::Small)));
        const auto pages = snapshotPages(*server->store, 1000, true);
        SK_VERIFY_OK(pages);
        QVERIFY(pages->size() > 3);

        auto temp = makeTempStore();
        QVERIFY(temp);
        ShopStore &store = *temp->store;
        const MiniShop shop = MiniShop::make();
        SK_VERIFY_OK(applyPage(store, pageOf(shop.changes())));

        auto staging = StagingStore::open(store);
        SK_VERIFY_OK(staging);
        qint64 changes = 0;
        for (const ChangesPage &page : *pages) {
            SK_VERIFY_OK((*staging)->applyPage(page));
            changes += page.changes.size();
            // The visible shop is the old one, whole, at every step.
            QCOMPARE(queryInt(store, "SELECT count(*) FROM products"), 1);
            QCOMPARE(queryInt(store, "SELECT count(*) FROM inventory_levels"), 3);
        }
        QCOMPARE((*staging)->changesApplied(), changes);
        QElapsedTimer timer;
        timer.start();
        SK_VERIFY_OK((*staging)->swapInto(store, kNow));
        qInfo("swap of the small demo shop (%lld changes): %lld ms", changes, timer.elapsed());

        for (const char *table : kCompared)
            QVERIFY2(rowDifferences(store.path(), server->store->path(), table) == 0, table);
        QCOMPARE(addressDifferences(store.path(), server->store->path()), 0);

        const QString title = firstText(*server->store, "SELECT title FROM products ORDER BY rid LIMIT 1");
        const QString word = title.section(QLatin1Char(' '), 0, 0);
        QVERIFY(!word.isEmpty());
        const QString query = QLatin1Char('"') + word + QStringLiteral("\"*");
        QVERIFY(matches(*server->store, "variant_search", query) > 0);
        QCOMPARE(matches(store, "variant_search", query), matches(*server->store, "variant_search", query));
        const QString surname = firstText(*server->store, "SELECT last_name FROM customers ORDER BY rid LIMIT 1");
        const QString nameQuery = QLatin1Char('"') + surname + QLatin1Char('"');
        QCOMPARE(matches(store, "customer_search", nameQuery), matches(*server->store, "customer_search", nameQuery));
        QCOMPARE(matches(store, "order_search", QStringLiteral("\"1001\"")), 1);
        QCOMPARE(matches(store, "variant_search", QStringLiteral("harbour")), 0); // the old shop is gone

        // The search triggers are back: a new local product is found at once.
        ShopEditor editor(store, m_clock);
        Product parka;
        parka.title = QStringLiteral("Zyzzyva Parka");
        parka.handle = QStringLiteral("zyzzyva-parka");
        Variant one;
        one.sku = QStringLiteral("ZP-1");
        one.price = 100;
        SK_VERIFY_OK(editor.createProduct(parka, {one}));
        QCOMPARE(matches(store, "variant_search", QStringLiteral("zyzzyva")), 1);
    }

    // The feed may send a record twice (in the snapshot, then newer in the catch-up, maybe on
    // a later page): the newer document wins with its children replaced, an older copy changes
    // nothing, and an order that is new to the staging tables gets all its children.
    void aRecordSentTwiceKeepsTheNewerDocument()
    {
        auto temp = makeTempStore();
        QVERIFY(temp);
        ShopStore &store = *temp->store;
        const MiniShop shop = MiniShop::make();

        OrderDetail first = orderOf(shop.red, shop.main, 2, 1001);
        Fulfillment shipped;
        shipped.id = uuid();
        shipped.orderId = first.order.id;
        shipped.locationId = shop.main.id;
        shipped.carrier = QStringLiteral("La Poste");
        shipped.createdAt = kNow - 2000;
        shipped.version = 1;
        shipped.updatedAt = kNow - 2000;
        shipped.lines.append(FulfillmentLine{first.lines.first().id, 1});
        first.fulfillments.append(shipped);
        Refund refund;
        refund.id = uuid();
        refund.orderId = first.order.id;
        refund.amount = shop.red.price;
        refund.createdAt = kNow - 1500;
        refund.version = 1;
        refund.updatedAt = kNow - 1500;
        refund.lines.append(RefundLine{first.lines.first().id, 1, shop.red.price});
        first.refunds.append(refund);
        first.order.refundedTotal = shop.red.price;
        first.order.fulfillmentStatus = FulfillmentStatus::Partial;

        // The catch-up's version: another line, no fulfilment or refund any more.
        OrderDetail second = orderOf(shop.blue, shop.main, 3, 1001);
        second.order.id = first.order.id;
        second.order.version = 2;
        second.order.note = QStringLiteral("changed on the server");
        for (OrderLine &line : second.lines)
            line.orderId = first.order.id;
        for (OrderEvent &event : second.events)
            event.orderId = first.order.id;

        auto staging = StagingStore::open(store);
        SK_VERIFY_OK(staging);
        SK_VERIFY_OK((*staging)->applyPage(pageOf(shop.changes() + QList<Change>{changeOf(first)})));
        SK_VERIFY_OK((*staging)->applyPage(pageOf({changeOf(second)})));
        SK_VERIFY_OK((*staging)->applyPage(pageOf({changeOf(first)}))); // a stale copy again
        SK_VERIFY_OK((*staging)->swapInto(store, kNow));

        QCOMPARE(queryInt(store, "SELECT count(*) FROM orders"), 1);
        QCOMPARE(firstText(store, "SELECT note FROM orders"), second.order.note);
        QCOMPARE(queryInt(store, "SELECT version FROM orders"), 2);
        QCOMPARE(queryInt(store, "SELECT refunded_total FROM orders"), 0);
        QCOMPARE(queryInt(store, "SELECT count(*) FROM order_lines"), 1);
        QCOMPARE(firstText(store, "SELECT variant_id FROM order_lines"), shop.blue.id);
        QCOMPARE(queryInt(store, "SELECT quantity FROM order_lines"), 3);
        QCOMPARE(queryInt(store, "SELECT count(*) FROM order_events"), 1);
        QCOMPARE(firstText(store, "SELECT id FROM order_events"), second.events.first().id);
        for (const char *table : {"fulfillments", "fulfillment_lines", "refunds", "refund_lines"})
            QVERIFY2(queryInt(store, QByteArray("SELECT count(*) FROM ") + table) == 0, table);
        QCOMPARE(matches(store, "order_search", QStringLiteral("\"1001\"")), 1);
    }

    // An order new to the staging tables arrives with every child, refunded total as sent.
    void aNewOrderArrivesWithAllItsChildren()
    {
        auto temp = makeTempStore();
        QVERIFY(temp);
        ShopStore &store = *temp->store;
        const MiniShop shop = MiniShop::make();
        OrderDetail order = orderOf(shop.red, shop.main, 2, 1001);
        Fulfillment shipped;
        shipped.id = uuid();
        shipped.orderId = order.order.id;
        shipped.trackingNumber = QStringLiteral("TRK-1");
        shipped.createdAt = kNow - 2000;
        shipped.version = 1;
        shipped.updatedAt = kNow - 2000;
        shipped.lines.append(FulfillmentLine{order.lines.first().id, 2});
        order.fulfillments.append(shipped);
        Refund refund;
        refund.id = uuid();
        refund.orderId = order.order.id;
        refund.amount = 5;
        refund.restock = true;
        refund.createdAt = kNow - 1500;
        refund.version = 1;
        refund.updatedAt = kNow - 1500;
        refund.lines.append(RefundLine{order.lines.first().id, 1, 5});
        order.refunds.append(refund);
        order.order.refundedTotal = 7; // the server's figure, not the sum of the refunds
        order.order.fulfillmentStatus = FulfillmentStatus::Fulfilled;

        auto staging = StagingStore::open(store);
        SK_VERIFY_OK(staging);
        SK_VERIFY_OK((*staging)->applyPage(pageOf(shop.changes() + QList<Change>{changeOf(order)})));
        SK_VERIFY_OK((*staging)->swapInto(store, kNow));

        QCOMPARE(queryInt(store, "SELECT refunded_total FROM orders"), 7);
        QCOMPARE(queryInt(store, "SELECT count(*) FROM order_lines"), 1);
        QCOMPARE(queryInt(store, "SELECT count(*) FROM order_events"), 1);
        QCOMPARE(firstText(store, "SELECT tracking_number FROM fulfillments"), QStringLiteral("TRK-1"));
        QCOMPARE(queryInt(store, "SELECT quantity FROM fulfillment_lines"), 2);
        QCOMPARE(queryInt(store, "SELECT amount FROM refunds"), 5);
        QCOMPARE(queryInt(store, "SELECT restock FROM refunds"), 1);
        QCOMPARE(queryInt(store, "SELECT amount FROM refund_lines"), 5);
        auto reader = store.openReader();
        SK_VERIFY_OK(reader);
        const auto doc = EntityDocuments::read(**reader, EntityRef{QStringLiteral("order"), order.order.id});
        SK_VERIFY_OK(doc);
        QVERIFY(doc->has_value());
        QCOMPARE(**doc, RecordJson::toJson(order));
    }

    void theLedgerIsMergedNotDuplicated()
    {
        auto temp = makeTempStore();
        QVERIFY(temp);
        ShopStore &store = *temp->store;
        const MiniShop shop = MiniShop::make();
        LedgerEntry opening;
        opening.id = uuid();
        opening.variantId = shop.red.id;
        opening.locationId = shop.main.id;
        opening.delta = 10;
        opening.quantityAfter = 10;
        opening.reason = InventoryReason::Correction;
        opening.createdAt = kNow - 9000;
        opening.version = 1;
        opening.updatedAt = kNow - 9000;
        LedgerEntry sale = opening;
        sale.id = uuid();
        sale.delta = -2;
        sale.quantityAfter = 8;
        sale.reason = InventoryReason::Sold;
        sale.createdAt = kNow - 100;
        SK_VERIFY_OK(applyPage(store, pageOf(shop.changes() + QList<Change>{changeOf(opening)})));

        auto staging = StagingStore::open(store);
        SK_VERIFY_OK(staging);
        SK_VERIFY_OK((*staging)->applyPage(pageOf(shop.changes() + QList<Change>{changeOf(opening), changeOf(sale)})));
        SK_VERIFY_OK((*staging)->swapInto(store, kNow));
        QCOMPARE(queryInt(store, "SELECT count(*) FROM inventory_ledger"), 2);
        QCOMPARE(queryInt(store, "SELECT sum(delta) FROM inventory_ledger"), 8);
    }

    // The first sync of the medium demo shop: how long the swap holds the writer. Set
    // STOREKEEP_BENCH_MEDIUM=1 to run it (generating the shop takes a while).
    void measuresTheSwapOfTheMediumShop()
    {
        if (qEnvironmentVariableIsEmpty("STOREKEEP_BENCH_MEDIUM"))
            QSKIP("set STOREKEEP_BENCH_MEDIUM=1 to measure the swap of the medium demo shop");
        auto temp = makeTempStore();
        QVERIFY(temp);
        ShopStore &store = *temp->store;
        const QString downloaded = temp->dir.filePath(QStringLiteral("medium-download.sqlite"));
        {
            // A shop file to fill the staging tables from, as a finished download would.
            auto server = ShopStore::open(downloaded, testIdentity(QStringLiteral("server")));
            SK_VERIFY_OK(server);
            QElapsedTimer timer;
            timer.start();
            const auto stats = generateDemoInto(**server, demoOptions(DemoScale::Medium));
            SK_VERIFY_OK(stats);
            qInfo("medium demo: %lld orders, %lld variants, %lld customers, %lld ledger rows, generated in %lld ms",
                  stats->orders, stats->variants, stats->customers, stats->ledgerEntries, timer.elapsed());
        }
        const QString variantId = firstText(store, "SELECT id FROM variants LIMIT 1");
        QVERIFY(variantId.isEmpty()); // the shop file is empty before the first sync

        auto staging = StagingStore::open(store);
        SK_VERIFY_OK(staging);
        QVERIFY(fillStagingFrom(store, downloaded, kCompared));
        QElapsedTimer timer;
        timer.start();
        SK_VERIFY_OK((*staging)->swapInto(store, kNow));
        const qint64 firstSwap = timer.elapsed();
        for (const char *table : kCompared)
            QVERIFY2(rowDifferences(store.path(), downloaded, table) == 0, table);
        QCOMPARE(addressDifferences(store.path(), downloaded), 0);

        // The full resync after a 410: the same again into a full shop, with an edit pending.
        ShopEditor editor(store, m_clock);
        const QString someVariant = firstText(store, "SELECT variant_id FROM inventory_levels ORDER BY rid LIMIT 1");
        const QString someLocation = firstText(store, "SELECT location_id FROM inventory_levels ORDER BY rid LIMIT 1");
        const qint64 before = onHand(store, someVariant, someLocation);
        SK_VERIFY_OK(editor.adjustInventory(someVariant, someLocation, -1, InventoryReason::Damaged));
        auto again = StagingStore::open(store);
        SK_VERIFY_OK(again);
        QVERIFY(fillStagingFrom(store, downloaded, kCompared));
        timer.restart();
        SK_VERIFY_OK((*again)->swapInto(store, kNow));
        const qint64 resync = timer.elapsed();
        QCOMPARE(onHand(store, someVariant, someLocation), before - 1);
        qInfo("swap of the medium demo shop: first sync %lld ms, resync over a full shop %lld ms", firstSwap, resync);
    }
};

QTEST_GUILESS_MAIN(tst_StagingStore)
#include "tst_stagingstore.moc"
