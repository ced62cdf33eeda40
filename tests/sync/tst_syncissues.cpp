#include "local/shopeditor.h"
#include "local/syncissues.h"
#include "localsynctestsupport.h"

#include <QTest>

using namespace sk;
using namespace sk::test;

class tst_SyncIssues : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TempStore> m_temp;
    MiniShop m_shop;
    FixedClock m_clock{kNow};

    ShopStore &store() { return *m_temp->store; }

    template <typename Fn>
    auto inWrite(Fn fn)
    {
        return store().write([&](SqliteDatabase &db) { return fn(db); });
    }

    qint64 openCount()
    {
        return inWrite([](SqliteDatabase &db) { return SyncIssues::openCount(db); }).valueOr(-1);
    }

    std::optional<SyncIssue> issue(const QString &id)
    {
        return inWrite([&](SqliteDatabase &db) { return SyncIssues::get(db, id); }).valueOr(std::nullopt);
    }

    std::optional<OutboxEntry> outboxEntry(qint64 seq)
    {
        return inWrite([&](SqliteDatabase &db) { return Outbox::entry(db, seq); }).valueOr(std::nullopt);
    }

    static QJsonObject argsOf(const OutboxEntry &entry) { return QJsonDocument::fromJson(entry.args).object(); }

private slots:
    void init()
    {
        m_temp = makeTempStore();
        QVERIFY(m_temp);
        m_shop = MiniShop::make();
        SK_VERIFY_OK(applyPage(store(), pageOf(m_shop.changes())));
    }

    void recordsTheKindFromStatusAndCode_data()
    {
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("kind");
        QTest::newRow("stale count") << "conflict" << "inventory_stale" << "inventory_stale";
        QTest::newRow("field conflict") << "conflict" << "conflict.field" << "conflict";
        QTest::newRow("validation") << "rejected" << "validation.invalid_field" << "rejected";
        QTest::newRow("oversell") << "rejected" << "inventory.oversell" << "rejected";
    }

    void recordsTheKindFromStatusAndCode()
    {
        QFETCH(QString, status);
        QFETCH(QString, code);
        QFETCH(QString, kind);
        ShopEditor editor(store(), m_clock);
        const auto sold = editor.adjustInventory(m_shop.red.id, m_shop.main.id, -3, InventoryReason::Sold);
        SK_VERIFY_OK(sold);
        const QJsonObject details{{QStringLiteral("current"), 4}};
        const auto recorded = refuse(store(), sold->seq, status, code, QStringLiteral("The server said no."), details);
        SK_VERIFY_OK(recorded);
        QCOMPARE(recorded->kind, kind);

        const auto stored = issue(recorded->id);
        QVERIFY(stored);
        QCOMPARE(stored->kind, kind);
        QCOMPARE(stored->code, code);
        QCOMPARE(stored->message, QStringLiteral("The server said no."));
        QCOMPARE(stored->details, details);
        QCOMPARE(stored->seq, sold->seq);
        QCOMPARE(stored->mutationId, sold->mutationId);
        QCOMPARE(stored->mutationName, QStringLiteral("inventory.adjust"));
        QCOMPARE(stored->args.value(QLatin1StringView("delta")).toInteger(), -3);
        QCOMPARE(stored->entity, levelRef(m_shop.red.id, m_shop.main.id));
        QCOMPARE(stored->createdAt, kNow);
        QVERIFY(!stored->resolvedAt);
        QCOMPARE(openCount(), 1);
        // The refused effect is reverted.
        QCOMPARE(onHand(store(), m_shop.red.id, m_shop.main.id), 10);
    }

    void listsOpenIssuesOldestFirst()
    {
        ShopEditor editor(store(), m_clock);
        const auto a = editor.adjustInventory(m_shop.red.id, m_shop.main.id, -1, InventoryReason::Sold);
        const auto b = editor.setVariantPrice(m_shop.blue.id, 100);
        SK_VERIFY_OK(a);
        SK_VERIFY_OK(b);
        const auto first = refuse(store(), a->seq, QStringLiteral("rejected"), QStringLiteral("inventory.oversell"),
                                  QStringLiteral("Not enough stock."));
        SK_VERIFY_OK(first);
        m_clock.advance(1000);
        const auto second = store().write([&](SqliteDatabase &db) -> Result<SyncIssue> {
            SK_TRY_ASSIGN(entry, Outbox::entry(db, b->seq));
            return SyncIssues::recordAccessLost(db, *entry, QStringLiteral("You no longer have access."), kNow + 1000);
        });
        SK_VERIFY_OK(second);
        QCOMPARE(second->kind, QStringLiteral("access_lost"));
        const auto open = inWrite([](SqliteDatabase &db) { return SyncIssues::open(db); });
        SK_VERIFY_OK(open);
        QCOMPARE(open->size(), 2);
        QCOMPARE(open->at(0).id, first->id);
        QCOMPARE(open->at(1).id, second->id);
        QCOMPARE(open->at(1).entity, (EntityRef{QStringLiteral("variant"), m_shop.blue.id}));
    }

    // Scenario 13: a count that raced a sale is refused with the current value; applying it
    // anyway is an explicit new count based on that value.
    void keepMineRequeuesAStockCountOnTheCurrentQuantity()
    {
        ShopEditor editor(store(), m_clock);
        const auto counted = editor.countInventory(m_shop.red.id, m_shop.main.id, 5);
        SK_VERIFY_OK(counted);
        QCOMPARE(argsOf(*counted).value(QLatin1StringView("change_from")).toInteger(), 10);
        QCOMPARE(onHand(store(), m_shop.red.id, m_shop.main.id), 5);

        // Meanwhile a sale took the server to 8, and the count was refused.
        InventoryLevel sold = m_shop.redMain;
        sold.onHand = 8;
        sold.version = 2;
        SK_VERIFY_OK(applyPage(store(), pageOf({changeOf(sold)})));
        const auto stale = refuse(store(), counted->seq, QStringLiteral("conflict"), QStringLiteral("inventory_stale"),
                                  QStringLiteral("Stock changed meanwhile: on hand is now 8, not 10."),
                                  QJsonObject{{QStringLiteral("current"), 8}});
        SK_VERIFY_OK(stale);
        QCOMPARE(stale->kind, QStringLiteral("inventory_stale"));
        QCOMPARE(onHand(store(), m_shop.red.id, m_shop.main.id), 8);

        const auto kept = inWrite([&](SqliteDatabase &db) { return SyncIssues::keepMine(db, stale->id, kNow); });
        SK_VERIFY_OK(kept);
        QCOMPARE(kept->name, QStringLiteral("inventory.set"));
        QVERIFY(kept->seq > counted->seq);
        QVERIFY(kept->mutationId != counted->mutationId);
        const QJsonObject args = argsOf(*kept);
        QCOMPARE(args.value(QLatin1StringView("quantity")).toInteger(), 5);
        QCOMPARE(args.value(QLatin1StringView("change_from")).toInteger(), 8);
        QCOMPARE(onHand(store(), m_shop.red.id, m_shop.main.id), 5);
        QCOMPARE(openCount(), 0);
        const auto resolved = issue(stale->id);
        QCOMPARE(resolved->resolution, QStringLiteral("kept_mine"));
        QCOMPARE(resolved->resolvedAt.value_or(0), kNow);
    }

    void keepMineRebasesAPatchOnTheCurrentVersionWithOnlyItsFields()
    {
        ShopEditor editor(store(), m_clock);
        const auto priced = editor.setVariantPrice(m_shop.red.id, 9900);
        SK_VERIFY_OK(priced);
        Variant server = m_shop.red;
        server.price = 9500;
        server.barcode = QStringLiteral("4006381333931");
        server.version = 3;
        SK_VERIFY_OK(applyPage(store(), pageOf({changeOf(server)})));
        const auto conflict = refuse(store(), priced->seq, QStringLiteral("conflict"), QStringLiteral("conflict.field"),
                                     QStringLiteral("Price changed."),
                                     QJsonObject{{QStringLiteral("field"), QStringLiteral("price")},
                                                 {QStringLiteral("server_value"), 9500},
                                                 {QStringLiteral("server_version"), 3}});
        SK_VERIFY_OK(conflict);

        const auto kept = inWrite([&](SqliteDatabase &db) { return SyncIssues::keepMine(db, conflict->id, kNow); });
        SK_VERIFY_OK(kept);
        const QJsonObject args = argsOf(*kept);
        QCOMPARE(kept->name, QStringLiteral("variant.patch"));
        QCOMPARE(args.value(QLatin1StringView("base_version")).toInteger(), 3);
        QCOMPARE(args.value(QLatin1StringView("fields")).toObject(), (QJsonObject{{QStringLiteral("price"), 9900}}));
        const auto doc = visibleDoc(store(), EntityRef{QStringLiteral("variant"), server.id});
        QCOMPARE(doc->value(QLatin1StringView("price")).toInteger(), 9900);
        QCOMPARE(doc->value(QLatin1StringView("barcode")).toString(), server.barcode);
    }

    void keepMineRequeuesAnAdjustmentAsTheSameDelta()
    {
        ShopEditor editor(store(), m_clock);
        const auto sold = editor.adjustInventory(m_shop.red.id, m_shop.main.id, -12, InventoryReason::Sold,
                                                 QStringLiteral("till 4"));
        SK_VERIFY_OK(sold);
        const auto refused = refuse(store(), sold->seq, QStringLiteral("rejected"), QStringLiteral("inventory.oversell"),
                                    QStringLiteral("Only 10 available."), QJsonObject{{QStringLiteral("available"), 10}});
        SK_VERIFY_OK(refused);
        QCOMPARE(onHand(store(), m_shop.red.id, m_shop.main.id), 10);
        const auto kept = inWrite([&](SqliteDatabase &db) { return SyncIssues::keepMine(db, refused->id, kNow); });
        SK_VERIFY_OK(kept);
        QCOMPARE(kept->name, QStringLiteral("inventory.adjust"));
        const QJsonObject args = argsOf(*kept);
        QCOMPARE(args.value(QLatin1StringView("delta")).toInteger(), -12);
        QVERIFY(!args.contains(QLatin1StringView("quantity")));
        QCOMPARE(args.value(QLatin1StringView("reference")).toString(), QStringLiteral("till 4"));
        QCOMPARE(onHand(store(), m_shop.red.id, m_shop.main.id), -2);
    }

    void keepMineRefusesWhenTheRecordIsGoneOrTheEditInvalid()
    {
        ShopEditor editor(store(), m_clock);
        const auto priced = editor.setVariantPrice(m_shop.blue.id, 5000);
        SK_VERIFY_OK(priced);
        SK_VERIFY_OK(applyPage(store(), pageOf({tombstoneOf(QStringLiteral("inventory_level"),
                                                            levelRef(m_shop.blue.id, m_shop.main.id).id, 2),
                                                tombstoneOf(QStringLiteral("variant"), m_shop.blue.id, 2)})));
        const auto deleted = refuse(store(), priced->seq, QStringLiteral("rejected"), QStringLiteral("not_found.deleted"),
                                    QStringLiteral("The variant was deleted."));
        SK_VERIFY_OK(deleted);
        auto kept = inWrite([&](SqliteDatabase &db) { return SyncIssues::keepMine(db, deleted->id, kNow); });
        QVERIFY(!kept.ok());
        QCOMPARE(kept.error().code, QStringLiteral("sync_issue.cannot_keep"));
        QCOMPARE(openCount(), 1);
        QCOMPARE(queryInt(store(), "SELECT count(*) FROM outbox"), 0);

        const auto noted = editor.adjustInventory(m_shop.red.id, m_shop.main.id, -1, InventoryReason::Sold);
        SK_VERIFY_OK(noted);
        const auto invalid = refuse(store(), noted->seq, QStringLiteral("rejected"),
                                    QStringLiteral("validation.invalid_field"), QStringLiteral("Bad reason."));
        SK_VERIFY_OK(invalid);
        kept = inWrite([&](SqliteDatabase &db) { return SyncIssues::keepMine(db, invalid->id, kNow); });
        QVERIFY(!kept.ok());
        QCOMPARE(kept.error().code, QStringLiteral("sync_issue.cannot_keep"));
        QCOMPARE(openCount(), 2);
    }

    void takeTheirsAndDismissResolveOnce()
    {
        ShopEditor editor(store(), m_clock);
        const auto a = editor.adjustInventory(m_shop.red.id, m_shop.main.id, -1, InventoryReason::Sold);
        const auto b = editor.adjustInventory(m_shop.red.id, m_shop.main.id, -2, InventoryReason::Sold);
        SK_VERIFY_OK(a);
        SK_VERIFY_OK(b);
        const auto first = refuse(store(), a->seq, QStringLiteral("rejected"), QStringLiteral("inventory.oversell"),
                                  QStringLiteral("No."));
        const auto second = refuse(store(), b->seq, QStringLiteral("rejected"), QStringLiteral("inventory.oversell"),
                                   QStringLiteral("No."));
        SK_VERIFY_OK(first);
        SK_VERIFY_OK(second);
        QCOMPARE(openCount(), 2);

        SK_VERIFY_OK(inWrite([&](SqliteDatabase &db) { return SyncIssues::takeTheirs(db, first->id, kNow + 5); }));
        SK_VERIFY_OK(inWrite([&](SqliteDatabase &db) { return SyncIssues::dismiss(db, second->id, kNow + 6); }));
        QCOMPARE(openCount(), 0);
        QCOMPARE(issue(first->id)->resolution, QStringLiteral("took_theirs"));
        QCOMPARE(issue(first->id)->resolvedAt.value_or(0), kNow + 5);
        QCOMPARE(issue(second->id)->resolution, QStringLiteral("dismissed"));
        QCOMPARE(onHand(store(), m_shop.red.id, m_shop.main.id), 10); // theirs shows
        QCOMPARE(queryInt(store(), "SELECT count(*) FROM outbox"), 0);

        const auto again = inWrite([&](SqliteDatabase &db) { return SyncIssues::keepMine(db, first->id, kNow); });
        QVERIFY(!again.ok());
        QCOMPARE(again.error().code, QStringLiteral("sync_issue.resolved"));
        const auto unknown = inWrite([&](SqliteDatabase &db) { return SyncIssues::dismiss(db, uuid(), kNow); });
        QVERIFY(!unknown.ok());
        QCOMPARE(unknown.error().code, QStringLiteral("sync_issue.not_found"));
    }
};

QTEST_GUILESS_MAIN(tst_SyncIssues)
#include "tst_syncissues.moc"
