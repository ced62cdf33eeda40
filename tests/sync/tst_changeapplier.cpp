#include "demo/demogenerator.h"
#include "demo/demosink.h"
#include "local/changeapplier.h"
#include "local/shopeditor.h"
#include "local/stagingstore.h"
#include "localsynctestsupport.h"

#include <QElapsedTimer>
#include <QTest>

using namespace sk;
using namespace sk::test;

namespace {

// The server's redaction of an order for a warehouse caller (server/api/redaction.cpp).
QJsonObject redactedForWarehouse(const QJsonObject &order)
{
    QJsonObject out = order;
    for (const char *key : {"customer_id", "customer_name", "email", "billing_address", "note", "subtotal",
                            "discount_total", "shipping_total", "tax_total", "total", "refunded_total"})
        out.remove(QLatin1StringView(key));
    QJsonArray lines;
    for (const QJsonValue &value : order.value(QLatin1StringView("lines")).toArray()) {
        QJsonObject line = value.toObject();
        for (const char *key : {"unit_price", "discount", "tax", "total"})
            line.remove(QLatin1StringView(key));
        lines.append(line);
    }
    out.insert(QStringLiteral("lines"), lines);
    return out;
}

// Collects the first orders the demo generator makes, then stops it.
class OrderCapture final : public DemoSink
{
public:
    explicit OrderCapture(int wanted) : m_wanted(wanted) {}
    QList<Change> changes;

    Result<void> shopSettings(const ShopSettings &) override { return {}; }
    Result<void> location(const Location &) override { return {}; }
    Result<void> product(const Product &) override { return {}; }
    Result<void> variant(const Variant &) override { return {}; }
    Result<void> customer(const Customer &) override { return {}; }
    Result<void> order(const OrderDetail &order) override
    {
        changes.append(changeOf(order));
        if (changes.size() >= m_wanted)
            return makeError(QStringLiteral("test.enough"), QStringLiteral("enough orders"));
        return {};
    }
    Result<void> inventoryLevel(const InventoryLevel &) override { return {}; }
    Result<void> ledgerEntry(const LedgerEntry &) override { return {}; }

private:
    int m_wanted;
};

} // namespace

class tst_ChangeApplier : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TempStore> m_temp;
    MiniShop m_shop;
    FixedClock m_clock{kNow};

    ShopStore &store() { return *m_temp->store; }

private slots:
    void init()
    {
        m_temp = makeTempStore();
        QVERIFY(m_temp);
        m_shop = MiniShop::make();
        const auto stats = applyPage(store(), pageOf(m_shop.changes()));
        SK_VERIFY_OK(stats);
        QCOMPARE(stats->upserted, 9);
    }

    void parsesTheServersPageShape()
    {
        ChangesPage page = pageOf(m_shop.changes(), 7, QStringLiteral("opaque-cursor-1"));
        page.changes.append(tombstoneOf(QStringLiteral("variant"), m_shop.blue.id, 4));
        page.hasMore = true;
        const auto parsed = ChangeApplier::parsePage(pageJson(page));
        SK_VERIFY_OK(parsed);
        QCOMPARE(parsed->nextCursor, QStringLiteral("opaque-cursor-1"));
        QCOMPARE(parsed->hasMore, true);
        QCOMPARE(parsed->lastAppliedSeq, 7);
        QCOMPARE(parsed->serverTime, kNow);
        QCOMPARE(parsed->changes.size(), page.changes.size());
        for (qsizetype i = 0; i < page.changes.size(); ++i) {
            QCOMPARE(parsed->changes.at(i).entity, page.changes.at(i).entity);
            QCOMPARE(parsed->changes.at(i).version, page.changes.at(i).version);
            QCOMPARE(parsed->changes.at(i).isDelete, page.changes.at(i).isDelete);
            QCOMPARE(parsed->changes.at(i).data, page.changes.at(i).data);
        }
        QVERIFY(parsed->changes.constLast().isDelete);
        QCOMPARE(parsed->changes.constLast().entity.id, m_shop.blue.id);
    }

    // Scenario 18: a newer server adds fields and record kinds; this client ignores them.
    void ignoresUnknownFieldsAndEntityTypes()
    {
        Product renamed = m_shop.product;
        renamed.title = QStringLiteral("Harbour Storm Jacket");
        renamed.version = 2;
        QJsonObject data = RecordJson::toJson(renamed);
        data.insert(QStringLiteral("loyalty_points"), 40);
        QJsonObject change = changeJson(upsertOf(QStringLiteral("product"), renamed.id, data));
        change.insert(QStringLiteral("checksum"), QStringLiteral("abc"));
        const QJsonObject giftCard{{QStringLiteral("type"), QStringLiteral("gift_card")},
                                   {QStringLiteral("id"), uuid()},
                                   {QStringLiteral("version"), 1},
                                   {QStringLiteral("op"), QStringLiteral("upsert")},
                                   {QStringLiteral("data"), QJsonObject{{QStringLiteral("balance"), 5000}}}};
        const QJsonObject body{{QStringLiteral("changes"), QJsonArray{giftCard, change}},
                               {QStringLiteral("next_cursor"), QStringLiteral("c-18")},
                               {QStringLiteral("has_more"), false},
                               {QStringLiteral("last_applied_seq"), 0},
                               {QStringLiteral("server_time"), kNow},
                               {QStringLiteral("region"), QStringLiteral("eu-west")}};
        const auto parsed = ChangeApplier::parsePage(QJsonDocument(body).toJson());
        SK_VERIFY_OK(parsed);
        QCOMPARE(parsed->changes.size(), 1); // the gift card is not this client's business
        SK_VERIFY_OK(applyPage(store(), *parsed));
        const auto doc = visibleDoc(store(), EntityRef{QStringLiteral("product"), renamed.id});
        QVERIFY(doc);
        QCOMPARE(doc->value(QLatin1StringView("title")).toString(), QStringLiteral("Harbour Storm Jacket"));
        QVERIFY(!doc->contains(QLatin1StringView("loyalty_points")));

        // A page built by hand with an unknown type is ignored at apply time too.
        Change odd = upsertOf(QStringLiteral("gift_card"), uuid(), QJsonObject{{QStringLiteral("version"), 1}});
        odd.version = 1;
        const auto stats = applyPage(store(), pageOf({odd}));
        SK_VERIFY_OK(stats);
        QCOMPARE(stats->upserted, 0);
    }

    void refusesPagesOfAnotherShape_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("field");
        const QByteArray tail = R"(,"next_cursor":"c","has_more":false,"last_applied_seq":0,"server_time":1})";
        QTest::newRow("not json") << QByteArray("{\"changes\": [") << QStringLiteral("body");
        QTest::newRow("not an object") << QByteArray("[1,2]") << QStringLiteral("body");
        QTest::newRow("changes missing") << QByteArray(R"({"next_cursor":"c","has_more":false,"last_applied_seq":0,"server_time":1})")
                                         << QStringLiteral("changes");
        QTest::newRow("cursor missing") << QByteArray(R"({"changes":[],"has_more":false,"last_applied_seq":0,"server_time":1})")
                                        << QStringLiteral("next_cursor");
        QTest::newRow("has_more text") << QByteArray(R"({"changes":[],"next_cursor":"c","has_more":"no","last_applied_seq":0,"server_time":1})")
                                       << QStringLiteral("has_more");
        QTest::newRow("negative seq") << QByteArray(R"({"changes":[],"next_cursor":"c","has_more":false,"last_applied_seq":-1,"server_time":1})")
                                      << QStringLiteral("last_applied_seq");
        QTest::newRow("version as text")
            << QByteArray(R"({"changes":[{"type":"product","id":"x","version":"3","op":"delete"}])" + tail)
            << QStringLiteral("changes[0].version");
        QTest::newRow("fractional version")
            << QByteArray(R"({"changes":[{"type":"product","id":"x","version":2.5,"op":"delete"}])" + tail)
            << QStringLiteral("changes[0].version");
        QTest::newRow("unknown op")
            << QByteArray(R"({"changes":[{"type":"product","id":"x","version":3,"op":"merge"}])" + tail)
            << QStringLiteral("changes[0].op");
        QTest::newRow("upsert without data")
            << QByteArray(R"({"changes":[{"type":"product","id":"x","version":3,"op":"upsert"}])" + tail)
            << QStringLiteral("changes[0].data");
        QTest::newRow("empty id")
            << QByteArray(R"({"changes":[{"type":"product","id":"","version":3,"op":"delete"}])" + tail)
            << QStringLiteral("changes[0].id");
    }

    void refusesPagesOfAnotherShape()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, field);
        const auto parsed = ChangeApplier::parsePage(body);
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().code, QStringLiteral("sync.bad_page"));
        QCOMPARE(parsed.error().detail, field);
        QVERIFY2(parsed.error().message.contains(field), qPrintable(parsed.error().message));
    }

    void appliesNewerVersionsAndIgnoresOlderOnes()
    {
        Product newer = m_shop.product;
        newer.title = QStringLiteral("Harbour Storm Jacket");
        newer.version = 3;
        auto stats = applyPage(store(), pageOf({changeOf(newer)}));
        SK_VERIFY_OK(stats);
        QCOMPARE(stats->upserted, 1);

        Product older = m_shop.product;
        older.title = QStringLiteral("Harbour Drizzle Jacket");
        older.version = 2;
        stats = applyPage(store(), pageOf({changeOf(older)}));
        SK_VERIFY_OK(stats);
        QCOMPARE(stats->upserted, 0);
        QCOMPARE(stats->ignoredOlder, 1);
        const auto doc = visibleDoc(store(), EntityRef{QStringLiteral("product"), newer.id});
        QVERIFY(doc);
        QCOMPARE(doc->value(QLatin1StringView("title")).toString(), QStringLiteral("Harbour Storm Jacket"));
        QCOMPARE(doc->value(QLatin1StringView("version")).toInteger(), 3);
    }

    void tombstonesDeleteAndOlderTombstonesDoNot()
    {
        auto stats = applyPage(store(), pageOf({tombstoneOf(QStringLiteral("inventory_level"),
                                                            levelRef(m_shop.blue.id, m_shop.main.id).id, 2),
                                                tombstoneOf(QStringLiteral("variant"), m_shop.blue.id, 2)}));
        SK_VERIFY_OK(stats);
        QCOMPARE(stats->deleted, 2);
        QVERIFY(!visibleDoc(store(), EntityRef{QStringLiteral("variant"), m_shop.blue.id}));
        QCOMPARE(onHand(store(), m_shop.blue.id, m_shop.main.id), -1);

        Variant red = m_shop.red;
        red.version = 4;
        SK_VERIFY_OK(applyPage(store(), pageOf({changeOf(red)})));
        stats = applyPage(store(), pageOf({tombstoneOf(QStringLiteral("variant"), red.id, 3)}));
        SK_VERIFY_OK(stats);
        QCOMPARE(stats->ignoredOlder, 1);
        QVERIFY(visibleDoc(store(), EntityRef{QStringLiteral("variant"), red.id}));
    }

    void savesTheCursorWithThePage()
    {
        ChangesPage page = pageOf({}, 0, QStringLiteral("cursor-after-everything"));
        page.serverTime = kNow + 500;
        SK_VERIFY_OK(applyPage(store(), page));
        const Outbox::State state = outboxState(store());
        QCOMPARE(state.cursor, QStringLiteral("cursor-after-everything"));
        QCOMPARE(state.lastAppliedSeq, 0);
        QCOMPARE(state.lastSyncedAt.value_or(-1), kNow + 500);
    }

    // Server on_hand 10 with a pending -3 shows 7; other clerks' changes arrive underneath;
    // once a page says the server has the -3, the server's value shows as it is.
    void pendingDeltaIsRebasedUntilThePageConfirmsIt()
    {
        ShopEditor editor(store(), m_clock);
        const auto sold = editor.adjustInventory(m_shop.red.id, m_shop.main.id, -3, InventoryReason::Sold);
        SK_VERIFY_OK(sold);
        QCOMPARE(onHand(store(), m_shop.red.id, m_shop.main.id), 7);

        // The same server row again changes nothing.
        auto stats = applyPage(store(), pageOf({changeOf(m_shop.redMain)}));
        SK_VERIFY_OK(stats);
        QCOMPARE(stats->ignoredOlder, 1);
        QCOMPARE(onHand(store(), m_shop.red.id, m_shop.main.id), 7);

        // Another clerk received 2: the server says 12, the -3 is still pending: 9.
        InventoryLevel received = m_shop.redMain;
        received.onHand = 12;
        received.version = 2;
        stats = applyPage(store(), pageOf({changeOf(received)}));
        SK_VERIFY_OK(stats);
        QCOMPARE(stats->rebased, 1);
        QCOMPARE(onHand(store(), m_shop.red.id, m_shop.main.id), 9);
        QCOMPARE(baseOf(store(), levelRef(m_shop.red.id, m_shop.main.id))->version, 2);
        QCOMPARE(queryInt(store(), "SELECT count(*) FROM outbox"), 1);

        // The server applied the -3 (seq covered): it shows exactly the server's value.
        InventoryLevel applied = received;
        applied.onHand = 9;
        applied.version = 3;
        stats = applyPage(store(), pageOf({changeOf(applied)}, sold->seq));
        SK_VERIFY_OK(stats);
        QCOMPARE(stats->confirmed, 1);
        QCOMPARE(onHand(store(), m_shop.red.id, m_shop.main.id), 9);
        QCOMPARE(queryInt(store(), "SELECT count(*) FROM outbox"), 0);
        QVERIFY(!baseOf(store(), levelRef(m_shop.red.id, m_shop.main.id)));

        // And later server changes apply directly.
        applied.onHand = 20;
        applied.version = 4;
        SK_VERIFY_OK(applyPage(store(), pageOf({changeOf(applied)}, sold->seq)));
        QCOMPARE(onHand(store(), m_shop.red.id, m_shop.main.id), 20);
    }

    // The server refused the -3 but the answer was lost: the next pull covers its seq and
    // carries no change of the level. The optimistic effect must not linger.
    void confirmedEditWithoutEffectRevertsToTheServerValue()
    {
        ShopEditor editor(store(), m_clock);
        const auto sold = editor.adjustInventory(m_shop.red.id, m_shop.main.id, -3, InventoryReason::Sold);
        SK_VERIFY_OK(sold);
        QCOMPARE(onHand(store(), m_shop.red.id, m_shop.main.id), 7);
        SK_VERIFY_OK(applyPage(store(), pageOf({}, sold->seq)));
        QCOMPARE(onHand(store(), m_shop.red.id, m_shop.main.id), 10);
        QCOMPARE(queryInt(store(), "SELECT count(*) FROM outbox"), 0);
    }

    void confirmingOneEditKeepsTheNextOnTop()
    {
        ShopEditor editor(store(), m_clock);
        const auto first = editor.adjustInventory(m_shop.red.id, m_shop.main.id, -3, InventoryReason::Sold);
        const auto second = editor.adjustInventory(m_shop.red.id, m_shop.main.id, -1, InventoryReason::Damaged);
        SK_VERIFY_OK(first);
        SK_VERIFY_OK(second);
        QCOMPARE(onHand(store(), m_shop.red.id, m_shop.main.id), 6);
        InventoryLevel afterFirst = m_shop.redMain;
        afterFirst.onHand = 7;
        afterFirst.version = 2;
        const auto stats = applyPage(store(), pageOf({changeOf(afterFirst)}, first->seq));
        SK_VERIFY_OK(stats);
        QCOMPARE(onHand(store(), m_shop.red.id, m_shop.main.id), 6); // 7 from the server, -1 pending
        QCOMPARE(queryInt(store(), "SELECT count(*) FROM outbox"), 1);
    }

    // A server edit of the same record does not overwrite a pending patch; a conflict answer
    // reverts it to the server's value and keeps the user's value in a sync issue.
    void patchConflictIsNotLost()
    {
        ShopEditor editor(store(), m_clock);
        const auto priced = editor.setVariantPrice(m_shop.red.id, 9900);
        SK_VERIFY_OK(priced);
        Variant server = m_shop.red;
        server.price = 9500;
        server.option1 = QStringLiteral("Crimson");
        server.version = 2;
        SK_VERIFY_OK(applyPage(store(), pageOf({changeOf(server)})));
        auto doc = visibleDoc(store(), EntityRef{QStringLiteral("variant"), server.id});
        QVERIFY(doc);
        QCOMPARE(doc->value(QLatin1StringView("price")).toInteger(), 9900);                  // mine, pending
        QCOMPARE(doc->value(QLatin1StringView("option1")).toString(), QStringLiteral("Crimson")); // theirs

        const auto issue = refuse(store(), priced->seq, QStringLiteral("conflict"), QStringLiteral("conflict.field"),
                                  QStringLiteral("Someone else changed the price."),
                                  QJsonObject{{QStringLiteral("field"), QStringLiteral("price")},
                                              {QStringLiteral("server_value"), 9500},
                                              {QStringLiteral("server_version"), 2}});
        SK_VERIFY_OK(issue);
        doc = visibleDoc(store(), EntityRef{QStringLiteral("variant"), server.id});
        QCOMPARE(doc->value(QLatin1StringView("price")).toInteger(), 9500);
        QCOMPARE(issue->kind, QStringLiteral("conflict"));
        QCOMPARE(issue->args.value(QLatin1StringView("fields")).toObject().value(QLatin1StringView("price")).toInteger(),
                 9900);
    }

    // Scenario 15: the delete wins, the edit stays queued (the server will refuse it and it
    // becomes an issue), and the row never reappears.
    void editAgainstRemoteDeleteStaysDeleted()
    {
        ShopEditor editor(store(), m_clock);
        const auto priced = editor.setVariantPrice(m_shop.blue.id, 5000);
        SK_VERIFY_OK(priced);
        const ChangesPage deletion = pageOf({tombstoneOf(QStringLiteral("inventory_level"),
                                                         levelRef(m_shop.blue.id, m_shop.main.id).id, 2),
                                             tombstoneOf(QStringLiteral("variant"), m_shop.blue.id, 2)});
        SK_VERIFY_OK(applyPage(store(), deletion));
        const EntityRef blue{QStringLiteral("variant"), m_shop.blue.id};
        QVERIFY(!visibleDoc(store(), blue));
        QCOMPARE(queryInt(store(), "SELECT count(*) FROM outbox"), 1);

        SK_VERIFY_OK(applyPage(store(), deletion)); // re-applied
        Product touched = m_shop.product;
        touched.version = 2;
        SK_VERIFY_OK(applyPage(store(), pageOf({changeOf(touched)})));
        QVERIFY(!visibleDoc(store(), blue));

        const auto issue = refuse(store(), priced->seq, QStringLiteral("rejected"), QStringLiteral("not_found.deleted"),
                                  QStringLiteral("The variant was deleted."));
        SK_VERIFY_OK(issue);
        QVERIFY(!visibleDoc(store(), blue));
        QCOMPARE(issue->kind, QStringLiteral("rejected"));
        QCOMPARE(issue->entity, blue);
        QCOMPARE(queryInt(store(), "SELECT count(*) FROM variants WHERE id = '" + m_shop.blue.id.toLatin1() + "'"), 0);
    }

    // Scenario 20: killed after applying a page but before the cursor moved on: the page
    // comes again and changes nothing.
    void pageAppliedTwiceIsHarmless()
    {
        InventoryLevel level = m_shop.redMain;
        level.onHand = 15;
        level.version = 2;
        LedgerEntry entry;
        entry.id = uuid();
        entry.variantId = level.variantId;
        entry.locationId = level.locationId;
        entry.delta = 5;
        entry.quantityAfter = 15;
        entry.reason = InventoryReason::Received;
        entry.createdAt = kNow - 100;
        entry.version = 1;
        entry.updatedAt = kNow - 100;
        const OrderDetail order = orderOf(m_shop.red, m_shop.main, 2, 1001);
        const ChangesPage page = pageOf({changeOf(level), changeOf(entry), changeOf(order)}, 0, QStringLiteral("c-20"));

        const auto first = applyPage(store(), page);
        SK_VERIFY_OK(first);
        QCOMPARE(first->upserted, 3);
        const auto second = applyPage(store(), page);
        SK_VERIFY_OK(second);
        QCOMPARE(second->upserted, 0);
        QCOMPARE(second->ignoredOlder, 3);

        QCOMPARE(onHand(store(), level.variantId, level.locationId), 15);
        QCOMPARE(queryInt(store(), "SELECT count(*) FROM inventory_ledger"), 1);
        QCOMPARE(queryInt(store(), "SELECT count(*) FROM orders"), 1);
        QCOMPARE(queryInt(store(), "SELECT count(*) FROM order_lines"), 1);
        QCOMPARE(queryInt(store(), "SELECT count(*) FROM order_events"), 1);
        QCOMPARE(outboxState(store()).cursor, QStringLiteral("c-20"));
    }

    void redactedOrderIsStored()
    {
        const OrderDetail order = orderOf(m_shop.red, m_shop.main, 2, 1002, uuid(), QStringLiteral("Ada Lovelace"));
        Change change = changeOf(order);
        change.data = redactedForWarehouse(change.data);
        // Warehouse callers get no customers: the order's customer is not in the file.
        const auto stats = applyPage(store(), ChangeApplier::parsePage(pageJson(pageOf({change}))).value());
        SK_VERIFY_OK(stats);
        QCOMPARE(stats->upserted, 1);
        const auto doc = visibleDoc(store(), EntityRef{QStringLiteral("order"), order.order.id});
        QVERIFY(doc);
        QCOMPARE(doc->value(QLatin1StringView("number")).toInteger(), 1002);
        QCOMPARE(doc->value(QLatin1StringView("status")).toString(), QStringLiteral("processing"));
        QCOMPARE(doc->value(QLatin1StringView("total")).toInteger(), 0);
        QCOMPARE(doc->value(QLatin1StringView("customer_name")).toString(), QString());
        const QJsonArray lines = doc->value(QLatin1StringView("lines")).toArray();
        QCOMPARE(lines.size(), 1);
        QCOMPARE(lines.at(0).toObject().value(QLatin1StringView("quantity")).toInteger(), 2);
        QCOMPARE(lines.at(0).toObject().value(QLatin1StringView("sku")).toString(), m_shop.red.sku);
    }

    // The feed is ordered by each record's last change: a product edited after its variant
    // was created comes after the variant.
    void childrenBeforeParentsInOnePage()
    {
        auto temp = makeTempStore();
        QVERIFY(temp);
        const MiniShop shop = MiniShop::make();
        QList<Change> reversed = shop.changes();
        std::reverse(reversed.begin(), reversed.end());
        const auto stats = applyPage(*temp->store, pageOf(reversed));
        SK_VERIFY_OK(stats);
        QCOMPARE(stats->upserted, 9);
        QCOMPARE(onHand(*temp->store, shop.red.id, shop.backroom.id), 4);
        QCOMPARE(queryInt(*temp->store, "SELECT count(*) FROM variants"), 2);
    }

    // Across pages: a new product's variant and stock on one page, the product (edited after
    // its variants were made) on the next. The first page alone cannot be applied.
    void aChildWhoseParentIsOnTheNextPageWaitsForIt()
    {
        Product fleece;
        fleece.id = uuid();
        fleece.title = QStringLiteral("Fjord Fleece");
        fleece.handle = QStringLiteral("fjord-fleece");
        fleece.status = ProductStatus::Active;
        fleece.version = 2;
        Variant grey;
        grey.id = uuid();
        grey.productId = fleece.id;
        grey.sku = QStringLiteral("FF-GREY");
        grey.price = 5900;
        grey.version = 1;
        InventoryLevel stock;
        stock.variantId = grey.id;
        stock.locationId = m_shop.main.id;
        stock.onHand = 12;
        stock.version = 1;
        ChangesPage first = pageOf({changeOf(grey), changeOf(stock)}, 0, QStringLiteral("p1"));
        first.hasMore = true;
        const ChangesPage second = pageOf({changeOf(fleece)}, 0, QStringLiteral("p2"));

        const auto alone = applyPage(store(), first);
        QVERIFY(!alone.ok());
        QCOMPARE(alone.error().code, QStringLiteral("sync.page_needs_next"));
        QVERIFY(!visibleDoc(store(), EntityRef{QStringLiteral("variant"), grey.id}));
        QVERIFY(outboxState(store()).cursor != QStringLiteral("p1"));

        const auto together = store().write([&](SqliteDatabase &db) {
            return ChangeApplier::applyPages(db, {first, second}, kNow);
        });
        SK_VERIFY_OK(together);
        QCOMPARE(together->upserted, 3);
        QCOMPARE(onHand(store(), grey.id, m_shop.main.id), 12);
        QCOMPARE(outboxState(store()).cursor, QStringLiteral("p2"));
    }

    // On the last page a record whose parent never comes has none on the server: it is dropped
    // and the pull goes on.
    void anOrphanOnTheLastPageIsDropped()
    {
        Variant stray;
        stray.id = uuid();
        stray.productId = uuid(); // a product this file will never receive
        stray.sku = QStringLiteral("STRAY-1");
        stray.price = 100;
        stray.version = 1;
        Product renamed = m_shop.product;
        renamed.title = QStringLiteral("Harbour Storm Jacket");
        renamed.version = 2;
        const auto stats = applyPage(store(), pageOf({changeOf(stray), changeOf(renamed)}, 0, QStringLiteral("last")));
        SK_VERIFY_OK(stats);
        QVERIFY(!visibleDoc(store(), EntityRef{QStringLiteral("variant"), stray.id}));
        QCOMPARE(visibleDoc(store(), EntityRef{QStringLiteral("product"), renamed.id})->value(QLatin1StringView("title")).toString(),
                 renamed.title);
        QCOMPARE(outboxState(store()).cursor, QStringLiteral("last"));
        QCOMPARE(queryInt(store(), "SELECT count(*) FROM variants"), 2);
    }

    // A 5000-change page of the medium demo shop's orders (its biggest documents): parse cost
    // with QJsonDocument, and the cost of applying it to the staging tables.
    void measuresAMediumShopPage()
    {
        DemoOptions options;
        options.scale = DemoScale::Medium;
        options.endDate = QDate(2026, 11, 21);
        OrderCapture capture(5000);
        const auto generated = DemoGenerator(options).generate(capture);
        QVERIFY(!generated.ok());
        QCOMPARE(generated.error().code, QStringLiteral("test.enough"));
        QCOMPARE(capture.changes.size(), 5000);
        const QByteArray body = pageJson(pageOf(capture.changes, 0, QStringLiteral("bench")));

        qint64 bestNs = std::numeric_limits<qint64>::max();
        Result<ChangesPage> parsed = ChangesPage{};
        for (int run = 0; run < 3; ++run) {
            QElapsedTimer timer;
            timer.start();
            parsed = ChangeApplier::parsePage(body);
            bestNs = qMin(bestNs, timer.nsecsElapsed());
            SK_VERIFY_OK(parsed);
        }
        QCOMPARE(parsed->changes.size(), 5000);
        const double mb = body.size() / 1e6;
        qInfo("parsePage: 5000 medium-shop orders, %.1f MB, %.1f ms, %.0f MB/s", mb, bestNs / 1e6,
              mb / (bestNs / 1e9));

        auto staging = StagingStore::open(store());
        SK_VERIFY_OK(staging);
        QElapsedTimer timer;
        timer.start();
        SK_VERIFY_OK((*staging)->applyPage(*parsed));
        qInfo("applyToStaging: 5000 medium-shop orders in %lld ms", timer.elapsed());
        QCOMPARE((*staging)->changesApplied(), 5000);
        staging->reset();
        SK_VERIFY_OK(StagingStore::remove(store()));
    }
};

QTEST_GUILESS_MAIN(tst_ChangeApplier)
#include "tst_changeapplier.moc"
