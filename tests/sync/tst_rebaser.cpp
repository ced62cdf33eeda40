#include "local/rebaser.h"
#include "local/shopeditor.h"
#include "localsynctestsupport.h"

#include <QTest>

using namespace sk;
using namespace sk::test;

class tst_Rebaser : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TempStore> m_temp;
    MiniShop m_shop;
    FixedClock m_clock{kNow};

    ShopStore &store() { return *m_temp->store; }

    Result<void> rebase(const QList<EntityRef> &entities)
    {
        return store().write([&](SqliteDatabase &db) { return Rebaser::rebase(db, entities, kNow); });
    }

    Result<QList<EntityRef>> removeRow(qint64 seq)
    {
        return store().write([&](SqliteDatabase &db) { return Outbox::remove(db, seq); });
    }

    Result<void> setBase(const EntityRef &ref, const Outbox::Base &base)
    {
        return store().write([&](SqliteDatabase &db) { return Outbox::setBase(db, ref, base); });
    }

    EntityRef redMain() const { return levelRef(m_shop.red.id, m_shop.main.id); }

private slots:
    void init()
    {
        m_temp = makeTempStore();
        QVERIFY(m_temp);
        m_shop = MiniShop::make();
        SK_VERIFY_OK(applyPage(store(), pageOf(m_shop.changes())));
    }

    void rebuildsTheRowFromItsBaseWithPendingEditsOnTop()
    {
        ShopEditor editor(store(), m_clock);
        SK_VERIFY_OK(editor.adjustInventory(m_shop.red.id, m_shop.main.id, -3, InventoryReason::Sold));
        SK_VERIFY_OK(editor.adjustInventory(m_shop.red.id, m_shop.main.id, 5, InventoryReason::Received));
        QCOMPARE(onHand(store(), m_shop.red.id, m_shop.main.id), 12);

        InventoryLevel server = m_shop.redMain;
        server.onHand = 20;
        server.version = 2;
        SK_VERIFY_OK(setBase(redMain(), Outbox::Base{2, RecordJson::toJson(server)}));
        SK_VERIFY_OK(rebase({redMain()}));
        QCOMPARE(onHand(store(), m_shop.red.id, m_shop.main.id), 22); // 20 - 3 + 5
        QVERIFY(baseOf(store(), redMain())); // still tracked: the edits are still queued
        // Local effects never move the version: it is the base's.
        QCOMPARE(visibleDoc(store(), redMain())->value(QLatin1StringView("version")).toInteger(), 2);
    }

    void revertsARemovedEditAndDropsTheBaseWithTheLastOne()
    {
        ShopEditor editor(store(), m_clock);
        const auto sold = editor.adjustInventory(m_shop.red.id, m_shop.main.id, -3, InventoryReason::Sold);
        const auto damaged = editor.adjustInventory(m_shop.red.id, m_shop.main.id, -2, InventoryReason::Damaged);
        SK_VERIFY_OK(sold);
        SK_VERIFY_OK(damaged);
        QCOMPARE(onHand(store(), m_shop.red.id, m_shop.main.id), 5);

        auto touched = removeRow(sold->seq);
        SK_VERIFY_OK(touched);
        QVERIFY(touched->contains(redMain()));
        SK_VERIFY_OK(rebase(*touched));
        QCOMPARE(onHand(store(), m_shop.red.id, m_shop.main.id), 8);
        QVERIFY(baseOf(store(), redMain()));

        touched = removeRow(damaged->seq);
        SK_VERIFY_OK(touched);
        SK_VERIFY_OK(rebase(*touched));
        QCOMPARE(onHand(store(), m_shop.red.id, m_shop.main.id), 10);
        QVERIFY(!baseOf(store(), redMain()));
    }

    void leavesUntrackedEntitiesAlone()
    {
        InventoryLevel server = m_shop.blueMain;
        server.onHand = 99;
        server.version = 5;
        SK_VERIFY_OK(applyPage(store(), pageOf({changeOf(server)})));
        SK_VERIFY_OK(rebase({levelRef(m_shop.blue.id, m_shop.main.id)}));
        QCOMPARE(onHand(store(), m_shop.blue.id, m_shop.main.id), 99);
    }

    void revertingALocalCreateRemovesTheRows()
    {
        ShopEditor editor(store(), m_clock);
        Product product;
        product.id = uuid();
        product.title = QStringLiteral("Fjord Fleece");
        product.handle = QStringLiteral("fjord-fleece");
        product.status = ProductStatus::Draft;
        Variant variant;
        variant.id = uuid();
        variant.sku = QStringLiteral("FF-GREY");
        variant.price = 5900;
        const auto created = editor.createProduct(product, {variant});
        SK_VERIFY_OK(created);
        QVERIFY(visibleDoc(store(), EntityRef{QStringLiteral("product"), product.id}));
        QVERIFY(visibleDoc(store(), EntityRef{QStringLiteral("variant"), variant.id}));

        const auto touched = removeRow(created->seq);
        SK_VERIFY_OK(touched);
        SK_VERIFY_OK(rebase(*touched));
        QVERIFY(!visibleDoc(store(), EntityRef{QStringLiteral("product"), product.id}));
        QVERIFY(!visibleDoc(store(), EntityRef{QStringLiteral("variant"), variant.id}));
        QCOMPARE(queryInt(store(), "SELECT count(*) FROM sync_base"), 0);
    }

    // A child listed before its parent: the parent's rebuild would otherwise delete the child
    // after it was rebuilt.
    void rebuildsParentsBeforeChildren()
    {
        ShopEditor editor(store(), m_clock);
        Product product;
        product.id = uuid();
        product.title = QStringLiteral("Fjord Fleece");
        product.handle = QStringLiteral("fjord-fleece");
        product.status = ProductStatus::Active;
        Variant variant;
        variant.id = uuid();
        variant.sku = QStringLiteral("FF-GREY");
        variant.price = 5900;
        SK_VERIFY_OK(editor.createProduct(product, {variant}));
        const auto repriced = editor.setVariantPrice(variant.id, 6400);
        SK_VERIFY_OK(repriced);

        SK_VERIFY_OK(rebase({EntityRef{QStringLiteral("variant"), variant.id},
                             EntityRef{QStringLiteral("product"), product.id}}));
        const auto doc = visibleDoc(store(), EntityRef{QStringLiteral("variant"), variant.id});
        QVERIFY(doc);
        QCOMPARE(doc->value(QLatin1StringView("price")).toInteger(), 6400);
        QVERIFY(visibleDoc(store(), EntityRef{QStringLiteral("product"), product.id}));
    }

    void rebaseAllCoversEveryTrackedEntity()
    {
        ShopEditor editor(store(), m_clock);
        SK_VERIFY_OK(editor.adjustInventory(m_shop.red.id, m_shop.main.id, -3, InventoryReason::Sold));
        SK_VERIFY_OK(editor.adjustInventory(m_shop.blue.id, m_shop.main.id, -1, InventoryReason::Sold));
        InventoryLevel red = m_shop.redMain;
        red.onHand = 30;
        red.version = 2;
        InventoryLevel blue = m_shop.blueMain;
        blue.onHand = 40;
        blue.version = 2;
        SK_VERIFY_OK(setBase(redMain(), Outbox::Base{2, RecordJson::toJson(red)}));
        SK_VERIFY_OK(setBase(levelRef(m_shop.blue.id, m_shop.main.id), Outbox::Base{2, RecordJson::toJson(blue)}));
        SK_VERIFY_OK(store().write([&](SqliteDatabase &db) { return Rebaser::rebaseAll(db, kNow); }));
        QCOMPARE(onHand(store(), m_shop.red.id, m_shop.main.id), 27);
        QCOMPARE(onHand(store(), m_shop.blue.id, m_shop.main.id), 39);
    }

    // The variant and its stock were deleted on the server: a queued delivery does not bring
    // the level back.
    void aDeletedBaseKeepsTheRowDeleted()
    {
        ShopEditor editor(store(), m_clock);
        SK_VERIFY_OK(editor.adjustInventory(m_shop.red.id, m_shop.main.id, 4, InventoryReason::Received));
        QCOMPARE(onHand(store(), m_shop.red.id, m_shop.main.id), 14);
        SK_VERIFY_OK(store().write([&](SqliteDatabase &db) -> Result<void> {
            SK_TRY(EntityDocuments::write(db, EntityRef{QStringLiteral("variant"), m_shop.red.id}, std::nullopt));
            return Outbox::setBase(db, redMain(), Outbox::Base{2, std::nullopt});
        }));
        SK_VERIFY_OK(rebase({redMain()}));
        QCOMPARE(onHand(store(), m_shop.red.id, m_shop.main.id), -1);
        QVERIFY(baseOf(store(), redMain())); // the delivery is still queued: the server decides
    }
};

QTEST_GUILESS_MAIN(tst_Rebaser)
#include "tst_rebaser.moc"
