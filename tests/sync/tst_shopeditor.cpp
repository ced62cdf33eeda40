#include "local/shopeditor.h"
#include "localsynctestsupport.h"

#include <QProcess>
#include <QTest>

using namespace sk;
using namespace sk::test;

class tst_ShopEditor : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TempStore> m_temp;
    MiniShop m_shop;
    FixedClock m_clock{kNow};

    ShopStore &store() { return *m_temp->store; }

    static QJsonObject argsOf(const OutboxEntry &entry) { return QJsonDocument::fromJson(entry.args).object(); }

    QList<OutboxEntry> queued()
    {
        return store()
            .write([](SqliteDatabase &db) { return Outbox::pending(db, 1000); })
            .valueOr(QList<OutboxEntry>{});
    }

    QJsonObject doc(const QString &type, const QString &id)
    {
        return visibleDoc(store(), EntityRef{type, id}).value_or(QJsonObject{});
    }

private slots:
    void init()
    {
        m_temp = makeTempStore();
        QVERIFY(m_temp);
        m_shop = MiniShop::make();
        SK_VERIFY_OK(applyPage(store(), pageOf(m_shop.changes())));
    }

    void eachEditShowsAtOnceAndIsQueued()
    {
        ShopEditor editor(store(), m_clock);
        const auto adjusted = editor.adjustInventory(m_shop.red.id, m_shop.main.id, 4, InventoryReason::Received,
                                                     QStringLiteral("PO-17"), QStringLiteral("pallet 2"));
        SK_VERIFY_OK(adjusted);
        QCOMPARE(onHand(store(), m_shop.red.id, m_shop.main.id), 14);
        QCOMPARE(adjusted->name, QStringLiteral("inventory.adjust"));
        QCOMPARE(adjusted->createdAt, kNow);
        QVERIFY(!adjusted->mutationId.isEmpty());

        SK_VERIFY_OK(editor.transferInventory(m_shop.red.id, m_shop.main.id, m_shop.backroom.id, 3));
        QCOMPARE(onHand(store(), m_shop.red.id, m_shop.main.id), 11);
        QCOMPARE(onHand(store(), m_shop.red.id, m_shop.backroom.id), 7);

        SK_VERIFY_OK(editor.countInventory(m_shop.blue.id, m_shop.main.id, 2));
        QCOMPARE(onHand(store(), m_shop.blue.id, m_shop.main.id), 2);

        const auto priced = editor.setVariantPrice(m_shop.red.id, 9400);
        SK_VERIFY_OK(priced);
        QCOMPARE(doc(QStringLiteral("variant"), m_shop.red.id).value(QLatin1StringView("price")).toInteger(), 9400);
        QCOMPARE(argsOf(*priced).value(QLatin1StringView("base_version")).toInteger(), 1);
        QCOMPARE(argsOf(*priced).value(QLatin1StringView("fields")).toObject(),
                 (QJsonObject{{QStringLiteral("price"), 9400}}));

        SK_VERIFY_OK(editor.patchProduct(m_shop.product.id, QJsonObject{{QStringLiteral("vendor"), QStringLiteral("Fjord")}}));
        QCOMPARE(doc(QStringLiteral("product"), m_shop.product.id).value(QLatin1StringView("vendor")).toString(),
                 QStringLiteral("Fjord"));

        Customer customer;
        customer.firstName = QStringLiteral("Ada");
        customer.lastName = QStringLiteral("Lovelace");
        customer.email = QStringLiteral("ada@example.com");
        const auto created = editor.createCustomer(customer);
        SK_VERIFY_OK(created);
        const QString customerId =
            argsOf(*created).value(QLatin1StringView("customer")).toObject().value(QLatin1StringView("id")).toString();
        QCOMPARE(doc(QStringLiteral("customer"), customerId).value(QLatin1StringView("email")).toString(),
                 QStringLiteral("ada@example.com"));
        SK_VERIFY_OK(editor.patchCustomer(customerId, QJsonObject{{QStringLiteral("note"), QStringLiteral("VIP")}}));
        QCOMPARE(doc(QStringLiteral("customer"), customerId).value(QLatin1StringView("note")).toString(),
                 QStringLiteral("VIP"));

        const QList<OutboxEntry> entries = queued();
        QStringList names;
        for (const OutboxEntry &e : entries)
            names << e.name;
        QCOMPARE(names, (QStringList{QStringLiteral("inventory.adjust"), QStringLiteral("inventory.transfer"),
                                     QStringLiteral("inventory.set"), QStringLiteral("variant.patch"),
                                     QStringLiteral("product.patch"), QStringLiteral("customer.create"),
                                     QStringLiteral("customer.patch")}));
        for (qsizetype i = 1; i < entries.size(); ++i)
            QVERIFY(entries.at(i).seq > entries.at(i - 1).seq);
    }

    void createsProductsAndOrderEdits()
    {
        ShopEditor editor(store(), m_clock);
        Product product;
        product.title = QStringLiteral("Fjord Fleece");
        product.handle = QStringLiteral("fjord-fleece");
        product.status = ProductStatus::Active;
        Variant grey;
        grey.sku = QStringLiteral("FF-GREY");
        grey.option1 = QStringLiteral("Grey");
        grey.price = 5900;
        const auto created = editor.createProduct(product, {grey});
        SK_VERIFY_OK(created);
        const QJsonObject args = argsOf(*created);
        const QString productId = args.value(QLatin1StringView("product")).toObject().value(QLatin1StringView("id")).toString();
        QVERIFY(!productId.isEmpty());
        QVERIFY(!args.value(QLatin1StringView("product")).toObject().contains(QLatin1StringView("version")));
        QCOMPARE(doc(QStringLiteral("product"), productId).value(QLatin1StringView("title")).toString(),
                 QStringLiteral("Fjord Fleece"));
        const auto skuId = editor.variantIdForSku(QStringLiteral("FF-GREY"));
        SK_VERIFY_OK(skuId);
        QCOMPARE(doc(QStringLiteral("variant"), *skuId).value(QLatin1StringView("product_id")).toString(), productId);

        SK_VERIFY_OK(editor.archiveProduct(productId));
        QCOMPARE(doc(QStringLiteral("product"), productId).value(QLatin1StringView("status")).toString(),
                 QStringLiteral("archived"));
        SK_VERIFY_OK(editor.deleteProduct(productId));
        QVERIFY(!visibleDoc(store(), EntityRef{QStringLiteral("product"), productId}));

        const OrderDetail order = orderOf(m_shop.red, m_shop.main, 1, 1001);
        SK_VERIFY_OK(applyPage(store(), pageOf({changeOf(order)})));
        SK_VERIFY_OK(editor.addOrderNote(order.order.id, QStringLiteral("Gift wrap, please")));
        SK_VERIFY_OK(editor.setOrderStatus(order.order.id, OrderStatus::OnHold, QStringLiteral("address check")));
        const QJsonObject shown = doc(QStringLiteral("order"), order.order.id);
        QCOMPARE(shown.value(QLatin1StringView("status")).toString(), QStringLiteral("on_hold"));
        bool noted = false;
        for (const QJsonValue &event : shown.value(QLatin1StringView("events")).toArray())
            noted |= event.toObject().value(QLatin1StringView("message")).toString() == u"Gift wrap, please";
        QVERIFY(noted);
    }

    // Two offline clerks both selling must add up on the server: a sale is a delta, never
    // "set to what I saw minus three".
    void adjustNeverBecomesASet()
    {
        ShopEditor editor(store(), m_clock);
        const auto sold = editor.adjustInventory(m_shop.red.id, m_shop.main.id, -3, InventoryReason::Sold);
        SK_VERIFY_OK(sold);
        const QJsonObject args = argsOf(*sold);
        QCOMPARE(sold->name, QStringLiteral("inventory.adjust"));
        QCOMPARE(args.value(QLatin1StringView("delta")).toInteger(), -3);
        QCOMPARE(args.value(QLatin1StringView("reason")).toString(), QStringLiteral("sold"));
        QVERIFY(!args.contains(QLatin1StringView("quantity")));
        QVERIFY(!args.contains(QLatin1StringView("change_from")));

        // The other clerk's sale of 3 reaches the server first: 7 there, and 4 here.
        InventoryLevel other = m_shop.redMain;
        other.onHand = 7;
        other.version = 2;
        SK_VERIFY_OK(applyPage(store(), pageOf({changeOf(other)})));
        QCOMPARE(onHand(store(), m_shop.red.id, m_shop.main.id), 4);
    }

    void countIsBasedOnTheQuantityShown()
    {
        ShopEditor editor(store(), m_clock);
        SK_VERIFY_OK(editor.adjustInventory(m_shop.red.id, m_shop.main.id, -3, InventoryReason::Sold));
        const auto counted = editor.countInventory(m_shop.red.id, m_shop.main.id, 5, QStringLiteral("shelf count"));
        SK_VERIFY_OK(counted);
        QCOMPARE(argsOf(*counted).value(QLatin1StringView("change_from")).toInteger(), 7);
        QCOMPARE(argsOf(*counted).value(QLatin1StringView("quantity")).toInteger(), 5);
        QCOMPARE(onHand(store(), m_shop.red.id, m_shop.main.id), 5);

        // Never stocked at the back room: the server counts it from 0.
        const auto first = editor.countInventory(m_shop.blue.id, m_shop.backroom.id, 2);
        SK_VERIFY_OK(first);
        QCOMPARE(argsOf(*first).value(QLatin1StringView("change_from")).toInteger(), 0);
    }

    void refusesWhatTheServerWouldRefuseAndQueuesNothing()
    {
        ShopEditor editor(store(), m_clock);
        auto zero = editor.adjustInventory(m_shop.red.id, m_shop.main.id, 0, InventoryReason::Sold);
        QVERIFY(!zero.ok());
        QVERIFY2(zero.error().code.startsWith(QLatin1String("validation.")), qPrintable(zero.error().code));
        auto unknown = editor.setVariantPrice(uuid(), 100);
        QVERIFY(!unknown.ok());
        QCOMPARE(unknown.error().code, QStringLiteral("sync.unknown_record"));
        auto negative = editor.countInventory(m_shop.red.id, m_shop.main.id, -1);
        QVERIFY(!negative.ok());
        QCOMPARE(queued().size(), 0);
        QCOMPARE(onHand(store(), m_shop.red.id, m_shop.main.id), 10);
    }

    void allOrNothingQueuesEveryEditOrNone()
    {
        ShopEditor editor(store(), m_clock);
        // The second edit is refused: the first is rolled back with it, shown nowhere.
        const Result<void> refused = editor.allOrNothing([&]() -> Result<void> {
            SK_TRY(editor.adjustInventory(m_shop.red.id, m_shop.main.id, 4, InventoryReason::Received));
            SK_TRY(editor.setVariantPrice(uuid(), 100));
            return {};
        });
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, QStringLiteral("sync.unknown_record"));
        QCOMPARE(queued().size(), 0);
        QCOMPARE(onHand(store(), m_shop.red.id, m_shop.main.id), 10);

        const Result<void> saved = editor.allOrNothing([&]() -> Result<void> {
            SK_TRY(editor.adjustInventory(m_shop.red.id, m_shop.main.id, 4, InventoryReason::Received));
            SK_TRY(editor.transferInventory(m_shop.red.id, m_shop.main.id, m_shop.backroom.id, 3));
            return {};
        });
        SK_VERIFY_OK(saved);
        QCOMPARE(queued().size(), 2);
        QCOMPARE(onHand(store(), m_shop.red.id, m_shop.main.id), 11);
        // Not inside itself: that would commit the outer edits early.
        const Result<void> nested = editor.allOrNothing([&]() { return editor.allOrNothing([] { return Result<void>(); }); });
        QVERIFY(!nested.ok());
        QCOMPARE(nested.error().code, QStringLiteral("sync.nested_batch"));
    }

    void lookupsNameWhatIsMissing()
    {
        ShopEditor editor(store(), m_clock);
        const auto red = editor.variantIdForSku(QStringLiteral("HRJ-RED"));
        SK_VERIFY_OK(red);
        QCOMPARE(*red, m_shop.red.id);
        const auto missing = editor.variantIdForSku(QStringLiteral("NOPE-404"));
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().code, QStringLiteral("sync.unknown_sku"));
        QVERIFY2(missing.error().message.contains(QLatin1String("NOPE-404")), qPrintable(missing.error().message));

        QCOMPARE(editor.locationIdFor(m_shop.backroom.id).valueOr({}), m_shop.backroom.id);
        QCOMPARE(editor.locationIdFor(QStringLiteral("back")).valueOr({}), m_shop.backroom.id);
        QCOMPARE(editor.locationIdFor(QStringLiteral("main street")).valueOr({}), m_shop.main.id);
        const auto nowhere = editor.locationIdFor(QStringLiteral("Attic"));
        QVERIFY(!nowhere.ok());
        QCOMPARE(nowhere.error().code, QStringLiteral("sync.unknown_location"));
        QVERIFY(nowhere.error().message.contains(QLatin1String("Attic")));
    }

    void discardRevertsPendingEditsAndRotatesTheClient()
    {
        SK_VERIFY_OK(store().write([](SqliteDatabase &db) { return Outbox::setClientId(db, uuid()); }));
        const Outbox::State before = outboxState(store());
        ShopEditor editor(store(), m_clock);
        const auto priced = editor.setVariantPrice(m_shop.red.id, 9400);
        SK_VERIFY_OK(priced);
        SK_VERIFY_OK(editor.adjustInventory(m_shop.red.id, m_shop.main.id, -3, InventoryReason::Sold));
        SK_VERIFY_OK(editor.adjustInventory(m_shop.blue.id, m_shop.main.id, 2, InventoryReason::Received));
        // The server acknowledged the price change; the two adjustments never left.
        SK_VERIFY_OK(store().write([&](SqliteDatabase &db) { return Outbox::markAcked(db, priced->seq, kNow); }));

        const auto discarded = editor.discardPending();
        SK_VERIFY_OK(discarded);
        QCOMPARE(*discarded, 2);
        QCOMPARE(onHand(store(), m_shop.red.id, m_shop.main.id), 10);
        QCOMPARE(onHand(store(), m_shop.blue.id, m_shop.main.id), 6);
        // The acknowledged edit is the server's now: it stays.
        QCOMPARE(doc(QStringLiteral("variant"), m_shop.red.id).value(QLatin1StringView("price")).toInteger(), 9400);
        QCOMPARE(queryInt(store(), "SELECT count(*) FROM outbox"), 0);
        QCOMPARE(queryInt(store(), "SELECT count(*) FROM sync_base"), 0);
        const Outbox::State after = outboxState(store());
        QVERIFY(!after.clientId.isEmpty());
        QVERIFY(after.clientId != before.clientId);
        QCOMPARE(after.nextSeq, 1);

        // Editing goes on in the new seq space.
        const auto next = editor.adjustInventory(m_shop.red.id, m_shop.main.id, -1, InventoryReason::Sold);
        SK_VERIFY_OK(next);
        QCOMPARE(next->seq, 1);
    }

    // Scenario 1: killed right after the local commit, before any network: the edit and its
    // outbox row are both in the file.
    void survivesAKillAfterTheLocalCommit()
    {
        const QString path = m_temp->path();
        m_temp->store.reset();
        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("STOREKEEP_CRASH_AT"), QStringLiteral("after_local_commit"));
        env.insert(QStringLiteral("SK_TEST_EDIT_FILE"), path);
        env.insert(QStringLiteral("SK_TEST_EDIT_VARIANT"), m_shop.red.id);
        env.insert(QStringLiteral("SK_TEST_EDIT_LOCATION"), m_shop.main.id);
        child.setProcessEnvironment(env);
        child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("editInChildProcess")});
        QVERIFY(child.waitForFinished(60000));
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);

        auto reopened = ShopStore::open(path, testIdentity());
        SK_VERIFY_OK(reopened);
        m_temp->store = std::move(reopened).value();
        QCOMPARE(onHand(store(), m_shop.red.id, m_shop.main.id), 8);
        const QList<OutboxEntry> entries = queued();
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.at(0).name, QStringLiteral("inventory.adjust"));
        QCOMPARE(argsOf(entries.at(0)).value(QLatin1StringView("delta")).toInteger(), -2);
    }

    // The child side of survivesAKillAfterTheLocalCommit (does nothing in a normal run).
    void editInChildProcess()
    {
        const QString path = qEnvironmentVariable("SK_TEST_EDIT_FILE");
        if (path.isEmpty())
            return;
        auto opened = ShopStore::open(path, testIdentity());
        SK_VERIFY_OK(opened);
        ShopEditor editor(**opened, m_clock);
        SK_VERIFY_OK(editor.adjustInventory(qEnvironmentVariable("SK_TEST_EDIT_VARIANT"),
                                            qEnvironmentVariable("SK_TEST_EDIT_LOCATION"), -2, InventoryReason::Sold));
        QFAIL("the crash point did not stop the process");
    }

    void fulfilsSomeLinesThenTheRest()
    {
        ShopEditor editor(store(), m_clock);
        const OrderDetail order = orderOf(m_shop.red, m_shop.main, 3, 1001);
        SK_VERIFY_OK(applyPage(store(), pageOf({changeOf(order)})));
        const QString lineId = order.lines.at(0).id;

        const auto some = editor.fulfilOrder(order.order.id, {FulfillmentLine{lineId, 1}}, QStringLiteral(" TRK-1 "),
                                             QStringLiteral("DHL"));
        SK_VERIFY_OK(some);
        QCOMPARE(some->name, QStringLiteral("order.fulfil"));
        const QJsonObject args = argsOf(*some);
        QCOMPARE(args.value(QLatin1StringView("tracking_number")).toString(), QStringLiteral("TRK-1"));
        QCOMPARE(args.value(QLatin1StringView("carrier")).toString(), QStringLiteral("DHL"));
        QVERIFY(!args.value(QLatin1StringView("fulfillment_id")).toString().isEmpty());
        QCOMPARE(args.value(QLatin1StringView("lines")).toArray(),
                 (QJsonArray{QJsonObject{{QStringLiteral("order_line_id"), lineId}, {QStringLiteral("quantity"), 1}}}));
        QCOMPARE(doc(QStringLiteral("order"), order.order.id).value(QLatin1StringView("fulfillment_status")).toString(),
                 QStringLiteral("partial"));
        QCOMPARE(onHand(store(), m_shop.red.id, m_shop.main.id), 9);

        // No lines: everything still open ships.
        const auto rest = editor.fulfilOrder(order.order.id, {});
        SK_VERIFY_OK(rest);
        QCOMPARE(argsOf(*rest).value(QLatin1StringView("lines")).toArray().at(0).toObject().value(QLatin1StringView("quantity")).toInteger(), 2);
        QVERIFY(!argsOf(*rest).contains(QLatin1StringView("tracking_number")));
        QCOMPARE(doc(QStringLiteral("order"), order.order.id).value(QLatin1StringView("fulfillment_status")).toString(),
                 QStringLiteral("fulfilled"));
        QCOMPARE(onHand(store(), m_shop.red.id, m_shop.main.id), 7);

        const auto again = editor.fulfilOrder(order.order.id, {FulfillmentLine{lineId, 1}});
        QVERIFY(!again.ok());
        QCOMPARE(again.error().code, QStringLiteral("order.overfulfil"));
        QCOMPARE(queued().size(), 2);
    }

    void refundsByAmountAndByLineWithRestock()
    {
        ShopEditor editor(store(), m_clock);
        const OrderDetail order = orderOf(m_shop.red, m_shop.main, 2, 1002);
        SK_VERIFY_OK(applyPage(store(), pageOf({changeOf(order)})));
        const QString lineId = order.lines.at(0).id;
        const auto shownOrder = [&] { return doc(QStringLiteral("order"), order.order.id); };

        const auto byAmount = editor.refundOrder(order.order.id, 5000, {}, false, QStringLiteral("late delivery"));
        SK_VERIFY_OK(byAmount);
        QCOMPARE(byAmount->name, QStringLiteral("order.refund"));
        QJsonObject args = argsOf(*byAmount);
        QCOMPARE(args.value(QLatin1StringView("amount")).toInteger(), 5000);
        QCOMPARE(args.value(QLatin1StringView("restock")).toBool(true), false);
        QCOMPARE(args.value(QLatin1StringView("reason")).toString(), QStringLiteral("late delivery"));
        QVERIFY(!args.value(QLatin1StringView("refund_id")).toString().isEmpty());
        QVERIFY(!args.contains(QLatin1StringView("lines")));
        QCOMPARE(shownOrder().value(QLatin1StringView("refunded_total")).toInteger(), 5000);
        QCOMPARE(shownOrder().value(QLatin1StringView("financial_status")).toString(), QStringLiteral("partially_refunded"));

        // Both shipped, one comes back: restocking returns it to the shelf it left from.
        SK_VERIFY_OK(editor.fulfilOrder(order.order.id, {}));
        QCOMPARE(onHand(store(), m_shop.red.id, m_shop.main.id), 8);
        const auto byLine = editor.refundOrder(order.order.id, 8900, {RefundLine{lineId, 1, 8900}}, true);
        SK_VERIFY_OK(byLine);
        args = argsOf(*byLine);
        QCOMPARE(args.value(QLatin1StringView("restock")).toBool(), true);
        QCOMPARE(args.value(QLatin1StringView("lines")).toArray(),
                 (QJsonArray{QJsonObject{{QStringLiteral("order_line_id"), lineId},
                                         {QStringLiteral("quantity"), 1},
                                         {QStringLiteral("amount"), 8900}}}));
        QCOMPARE(onHand(store(), m_shop.red.id, m_shop.main.id), 9);
        QCOMPARE(shownOrder().value(QLatin1StringView("refunded_total")).toInteger(), 13900);

        // 17800 paid, 13900 back: 3900 is all that is left.
        const auto tooMuch = editor.refundOrder(order.order.id, 4000, {}, false);
        QVERIFY(!tooMuch.ok());
        QCOMPARE(tooMuch.error().code, QStringLiteral("order.overrefund"));
        const auto rest = editor.refundOrder(order.order.id, 3900, {}, false);
        SK_VERIFY_OK(rest);
        QCOMPARE(shownOrder().value(QLatin1StringView("financial_status")).toString(), QStringLiteral("refunded"));
        QCOMPARE(queued().size(), 4);
    }

    void cancelsOnlyWhatTheStateMachineAllows()
    {
        ShopEditor editor(store(), m_clock);
        const OrderDetail open = orderOf(m_shop.red, m_shop.main, 1, 1003);
        const OrderDetail shipped = orderOf(m_shop.blue, m_shop.main, 2, 1004);
        SK_VERIFY_OK(applyPage(store(), pageOf({changeOf(open), changeOf(shipped)})));

        const auto cancelled = editor.cancelOrder(open.order.id, QStringLiteral("customer asked"));
        SK_VERIFY_OK(cancelled);
        QCOMPARE(cancelled->name, QStringLiteral("order.set_status"));
        QCOMPARE(argsOf(*cancelled).value(QLatin1StringView("status")).toString(), QStringLiteral("cancelled"));
        QCOMPARE(argsOf(*cancelled).value(QLatin1StringView("reason")).toString(), QStringLiteral("customer asked"));
        QCOMPARE(doc(QStringLiteral("order"), open.order.id).value(QLatin1StringView("status")).toString(),
                 QStringLiteral("cancelled"));

        SK_VERIFY_OK(editor.fulfilOrder(shipped.order.id, {FulfillmentLine{shipped.lines.at(0).id, 1}}));
        const auto refused = editor.cancelOrder(shipped.order.id);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, QStringLiteral("order.illegal_transition"));
        const auto closed = editor.fulfilOrder(open.order.id, {});
        QVERIFY(!closed.ok());
        const auto unknown = editor.cancelOrder(uuid());
        QVERIFY(!unknown.ok());
        QCOMPARE(unknown.error().code, QStringLiteral("sync.unknown_record"));
        QCOMPARE(queued().size(), 2);
    }
};

QTEST_GUILESS_MAIN(tst_ShopEditor)
#include "tst_shopeditor.moc"
