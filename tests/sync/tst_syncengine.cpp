// The sync engine against the real storekeep-server over loopback TCP, on real SQLite files:
// the scenarios of ../shared/docs/sync-protocol.md that need no fault proxy or process kill
// (those are in tst_syncfaults, tst_synccrash and tst_syncconvergence).

#include "../server/synctestsupport.h"
#include "cannedhttpserver.h"
#include "syncclerk.h"
#include "testsupport.h"
#include "testshop.h"

#include "storage/customerrepository.h"
#include "storage/shoprepository.h"

#include <QJsonArray>
#include <QTcpServer>
#include <QTest>
#include <QThread>

#include <atomic>

using namespace sk;
using namespace sk::test;
using namespace Qt::StringLiterals;

namespace {

const QString Password = QString::fromLatin1(SyncTestWorld::Password);

} // namespace

class tst_SyncEngine : public QObject
{
    Q_OBJECT

    SyncTestWorld m_world;
    int m_shops = 0;

    using Shop = TestShop;

    Shop makeShop(const QString &oversell = u"allow"_s) { return makeTestShop(m_world, ++m_shops, oversell); }

    QJsonObject serverPush(Shop &s, const QString &name, const QJsonObject &args) { return s.push(m_world, name, args); }

    qint64 serverOnHand(const Shop &s) { return s.onHand(m_world); }

    QJsonArray serverLedger(const Shop &s) { return s.ledger(m_world); }

    QString url() const { return m_world.server.baseUrl(); }

    std::unique_ptr<SyncClerk> clerk(const Shop &s, const QString &email = u"ana@sync.test"_s)
    {
        auto c = std::make_unique<SyncClerk>();
        if (!c->open(url(), email, Password, s.id))
            qWarning().noquote() << "clerk failed:" << c->error;
        return c;
    }

    QJsonObject variantOnServer(const Shop &s)
    {
        return m_world.http->get(SyncTestWorld::shopPath(s.id, u"/variants/"_s + s.variant), s.token).json;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_world.start(), qPrintable(m_world.error));
        QVERIFY(m_world.createUser(u"ana@sync.test"_s, u"Ana"_s));
        QVERIFY(m_world.createUser(u"ben@sync.test"_s, u"Ben"_s));
    }

    void firstSyncDownloadsTheShop()
    {
        Shop s = makeShop();
        auto ana = clerk(s);
        QVERIFY2(ana->sync(), qPrintable(ana->error));
        QVERIFY(ana->last.initialSync);
        QCOMPARE(ana->onHand(s.variant, s.location), 10);
        auto reader = ana->store->openReader();
        QVERIFY(reader.ok());
        auto variant = ProductRepository(**reader).variantBySku(s.sku);
        QVERIFY(variant.ok() && *variant);
        QCOMPARE((*variant)->price, 1250);
        auto settings = ShopRepository(**reader).settings();
        QVERIFY(settings.ok() && *settings);
        QCOMPARE((*settings)->currency, u"EUR"_s);
        const SyncStatus status = ana->engine->status().value();
        QVERIFY(status.initialSyncDone);
        QVERIFY(status.lastSyncedAt.has_value());
        QCOMPARE(status.pending, 0);
    }

    void offlineEditShowsAtOnceAndSyncsOnce()
    {
        Shop s = makeShop();
        auto ana = clerk(s);
        QVERIFY2(ana->sync(), qPrintable(ana->error));
        // Offline: nothing is sent until sync runs.
        auto edit = ana->editor->adjustInventory(s.variant, s.location, -3, InventoryReason::Sold, u"till 1"_s);
        SK_VERIFY_OK(edit);
        QCOMPARE(ana->onHand(s.variant, s.location), 7);
        QCOMPARE(ana->pending(), 1);
        QCOMPARE(serverOnHand(s), 10);

        QVERIFY2(ana->sync(), qPrintable(ana->error));
        QCOMPARE(ana->last.applied, 1);
        QCOMPARE(ana->pending(), 0);
        QCOMPARE(serverOnHand(s), 7);
        QCOMPARE(ana->onHand(s.variant, s.location), 7);
        QCOMPARE(serverLedger(s).size(), 2); // the seed's +10 and this -3
        // A second sync sends nothing again.
        QVERIFY(ana->sync());
        QCOMPARE(ana->last.pushed, 0);
        QCOMPARE(serverOnHand(s), 7);
    }

    // A customer's addresses edited offline: shown at once, sent once with the next sync (which
    // also brings a note someone else wrote meanwhile), and the server's document comes back
    // through the feed to this clerk and to another one.
    void offlineAddressEditReachesTheServerOnce()
    {
        Shop s = makeShop();
        const QString customer = newUuid();
        const QString home = newUuid();
        QVERIFY(m_world.applied(serverPush(
            s, u"customer.create"_s,
            {{u"customer"_s, QJsonObject{{u"id"_s, customer}, {u"first_name"_s, u"Ines"_s}, {u"last_name"_s, u"Duarte"_s},
                                         {u"addresses"_s, QJsonArray{QJsonObject{{u"id"_s, home}, {u"is_default"_s, true},
                                                                                 {u"line1"_s, u"Rua Augusta 10"_s},
                                                                                 {u"city"_s, u"Lisboa"_s},
                                                                                 {u"country_code"_s, u"PT"_s}}}}}}})));
        auto ana = clerk(s);
        auto ben = clerk(s, u"ben@sync.test"_s);
        QVERIFY2(ana->sync(), qPrintable(ana->error));
        QVERIFY2(ben->sync(), qPrintable(ben->error));
        const auto local = [&](SyncClerk &clerk) {
            auto reader = clerk.store->openReader();
            return reader.ok() ? CustomerRepository(**reader).customer(customer).valueOr(std::nullopt) : std::nullopt;
        };
        const auto onServer = [&] {
            return m_world.http->get(SyncTestWorld::shopPath(s.id, u"/customers/"_s + customer), s.token).json;
        };
        QCOMPARE(local(*ana)->addresses.size(), 1);

        // Offline: the home address moves and a shop address is added.
        const QString atelier = newUuid();
        const QJsonArray addresses{
            QJsonObject{{u"id"_s, home}, {u"is_default"_s, true}, {u"line1"_s, u"Rua Augusta 12"_s},
                        {u"city"_s, u"Lisboa"_s}, {u"postal_code"_s, u"1100-053"_s}, {u"country_code"_s, u"PT"_s}},
            QJsonObject{{u"id"_s, atelier}, {u"company"_s, u"Duarte & Filhos"_s}, {u"line1"_s, u"Rua do Ouro 5"_s},
                        {u"city"_s, u"Lisboa"_s}, {u"country_code"_s, u"PT"_s}}};
        SK_VERIFY_OK(ana->editor->patchCustomer(customer, QJsonObject{{u"addresses"_s, addresses}}));
        auto shown = local(*ana);
        QCOMPARE(shown->addresses.size(), 2);
        QCOMPARE(shown->addresses.at(0).line1, u"Rua Augusta 12"_s);
        QCOMPARE(shown->addresses.at(1).company, u"Duarte & Filhos"_s);
        QCOMPARE(ana->pending(), 1);
        QCOMPARE(onServer().value(u"addresses"_s).toArray().size(), 1);
        // Meanwhile someone else writes a note on the server.
        QVERIFY(m_world.applied(serverPush(s, u"customer.patch"_s,
                                           {{u"id"_s, customer}, {u"base_version"_s, 1},
                                            {u"fields"_s, QJsonObject{{u"note"_s, u"Prefers the atelier."_s}}}})));

        QVERIFY2(ana->sync(), qPrintable(ana->error));
        QCOMPARE(ana->last.pushed, 1);
        QCOMPARE(ana->last.applied, 1);
        QCOMPARE(ana->last.duplicates, 0);
        QCOMPARE(ana->pending(), 0);
        QCOMPARE(ana->openIssues(), 0);
        const QJsonObject server = onServer();
        QCOMPARE(server.value(u"version"_s).toInteger(), 3); // created, noted, readdressed: applied once
        const QJsonArray stored = server.value(u"addresses"_s).toArray();
        QCOMPARE(stored.size(), 2);
        QCOMPARE(stored.at(0).toObject().value(u"id"_s).toString(), home);
        QCOMPARE(stored.at(0).toObject().value(u"postal_code"_s).toString(), u"1100-053"_s);
        QCOMPARE(stored.at(1).toObject().value(u"id"_s).toString(), atelier);
        QCOMPARE(server.value(u"note"_s).toString(), u"Prefers the atelier."_s);
        // Nothing is sent again.
        QVERIFY2(ana->sync(), qPrintable(ana->error));
        QCOMPARE(ana->last.pushed, 0);
        QCOMPARE(onServer().value(u"version"_s).toInteger(), 3);

        // Both clerks now hold the server's document: its version, its note, the new addresses.
        QVERIFY2(ben->sync(), qPrintable(ben->error));
        for (SyncClerk *clerk : {ana.get(), ben.get()}) {
            const auto c = local(*clerk);
            QVERIFY(c);
            QCOMPARE(c->version, 3);
            QCOMPARE(c->note, u"Prefers the atelier."_s);
            QCOMPARE(c->addresses.size(), 2);
            QCOMPARE(c->addresses.at(0).id, home);
            QCOMPARE(c->addresses.at(0).line1, u"Rua Augusta 12"_s);
            QVERIFY(c->addresses.at(0).isDefault);
            QCOMPARE(c->addresses.at(1).id, atelier);
            QCOMPARE(c->addresses.at(1).customerId, customer);
            QCOMPARE(c->addresses.at(1).line1, u"Rua do Ouro 5"_s);
        }
    }

    // Scenario 12: two offline clerks each sell 3 of 10.
    void twoOfflineClerksBothCount()
    {
        Shop s = makeShop();
        auto ana = clerk(s);
        auto ben = clerk(s, u"ben@sync.test"_s);
        QVERIFY(ana->sync());
        QVERIFY(ben->sync());
        QVERIFY(ana->editor->adjustInventory(s.variant, s.location, -3, InventoryReason::Sold).ok());
        QVERIFY(ben->editor->adjustInventory(s.variant, s.location, -3, InventoryReason::Sold).ok());
        QCOMPARE(ana->onHand(s.variant, s.location), 7);
        QCOMPARE(ben->onHand(s.variant, s.location), 7);
        QVERIFY2(ana->sync(), qPrintable(ana->error));
        QVERIFY2(ben->sync(), qPrintable(ben->error));
        QVERIFY(ana->sync());
        QCOMPARE(serverOnHand(s), 4);
        QCOMPARE(ana->onHand(s.variant, s.location), 4);
        QCOMPARE(ben->onHand(s.variant, s.location), 4);
        const QJsonArray ledger = serverLedger(s);
        QCOMPARE(ledger.size(), 3);
        int sold = 0;
        for (const QJsonValue &e : ledger)
            sold += e.toObject().value(u"reason"_s).toString() == "sold"_L1 ? 1 : 0;
        QCOMPARE(sold, 2);
    }

    // A pending delta rides on top of whatever the server says (rebase), never as a set.
    void pendingDeltaIsRebasedOnPulledStock()
    {
        Shop s = makeShop();
        auto ana = clerk(s);
        QVERIFY(ana->sync());
        QVERIFY(ana->editor->adjustInventory(s.variant, s.location, -2, InventoryReason::Damaged).ok());
        serverPush(s, u"inventory.adjust"_s, SyncTestWorld::adjustArgs(s.variant, s.location, 5));
        auto pulled = ana->engine->pullOnly();
        SK_VERIFY_OK(pulled);
        QCOMPARE(ana->pending(), 1);
        QCOMPARE(ana->onHand(s.variant, s.location), 13); // server 15, pending -2
        QVERIFY(ana->sync());
        QCOMPARE(serverOnHand(s), 13);
        QCOMPARE(ana->onHand(s.variant, s.location), 13);
    }

    // Scenario 7: one invalid mutation in a batch of three.
    void oneRefusedMutationInABatchOfThree()
    {
        Shop s = makeShop();
        auto ana = clerk(s);
        QVERIFY(ana->sync());
        // Someone else takes the handle "taken" after Ana's last sync.
        const QString other = newUuid();
        QVERIFY(m_world.applied(serverPush(s, u"product.create"_s,
                                           SyncTestWorld::productArgs(other, u"taken"_s, newUuid(), u"OTHER"_s, 100))));
        QVERIFY(ana->editor->adjustInventory(s.variant, s.location, -1, InventoryReason::Sold).ok());
        QVERIFY(ana->editor->patchProduct(s.product, QJsonObject{{u"handle"_s, u"taken"_s}}).ok());
        QVERIFY(ana->editor->adjustInventory(s.variant, s.location, -1, InventoryReason::Sold).ok());
        QVERIFY2(ana->sync(), qPrintable(ana->error));
        QCOMPARE(ana->last.applied, 2);
        QCOMPARE(ana->last.rejected, 1);
        QCOMPARE(serverOnHand(s), 8);
        QCOMPARE(ana->openIssues(), 1);
        const SyncIssue issue = ana->issues().first();
        QCOMPARE(issue.kind, u"rejected"_s);
        QCOMPARE(issue.mutationName, u"product.patch"_s);
        QVERIFY2(issue.code.startsWith("conflict.unique"_L1), qPrintable(issue.code));
        // Its optimistic effect is reverted: the handle is the server's again.
        auto reader = ana->store->openReader();
        auto product = ProductRepository(**reader).product(s.product);
        QVERIFY(product.ok() && *product);
        QCOMPARE((*product)->handle, s.handle);
        QCOMPARE(ana->pending(), 0);
    }

    // The same field changed on both sides: a conflict with the server's value; "Keep mine" wins
    // on the current version, "Take theirs" leaves the server's value.
    void fieldConflictKeepMine()
    {
        Shop s = makeShop();
        auto ana = clerk(s);
        QVERIFY(ana->sync());
        const qint64 baseVersion = qint64(variantOnServer(s).value(u"version"_s).toDouble());
        QVERIFY(m_world.applied(serverPush(s, u"variant.patch"_s,
                                           QJsonObject{{u"id"_s, s.variant},
                                                       {u"base_version"_s, baseVersion},
                                                       {u"fields"_s, QJsonObject{{u"price"_s, 1500}}}})));
        QVERIFY(ana->editor->setVariantPrice(s.variant, 1400).ok());
        QVERIFY2(ana->sync(), qPrintable(ana->error));
        QCOMPARE(ana->last.conflicts, 1);
        const QList<SyncIssue> issues = ana->issues();
        QCOMPARE(issues.size(), 1);
        QCOMPARE(issues.first().kind, u"conflict"_s);
        QCOMPARE(issues.first().details.value(u"field"_s).toString(), u"price"_s);
        QCOMPARE(qint64(issues.first().details.value(u"server_value"_s).toDouble()), 1500);
        auto reader = ana->store->openReader();
        QCOMPARE(ProductRepository(**reader).variantBySku(s.sku).value()->price, 1500); // reverted to theirs

        auto kept = ana->store->write([&](SqliteDatabase &db) {
            return SyncIssues::keepMine(db, issues.first().id, QDateTime::currentMSecsSinceEpoch());
        });
        SK_VERIFY_OK(kept);
        QCOMPARE(ProductRepository(**reader).variantBySku(s.sku).value()->price, 1400);
        QCOMPARE(ana->openIssues(), 0);
        QVERIFY2(ana->sync(), qPrintable(ana->error));
        QCOMPARE(qint64(variantOnServer(s).value(u"price"_s).toDouble()), 1400);
    }

    // Scenario 13: a stock count races a sale.
    void stockCountRacesASale()
    {
        Shop s = makeShop();
        auto ana = clerk(s);
        QVERIFY(ana->sync());
        QVERIFY(ana->editor->countInventory(s.variant, s.location, 12).ok());
        QCOMPARE(ana->onHand(s.variant, s.location), 12);
        // The till sells 2 meanwhile (a web order only commits stock; a sale at the till takes it).
        QVERIFY(m_world.applied(serverPush(s, u"inventory.adjust"_s,
                                           SyncTestWorld::adjustArgs(s.variant, s.location, -2, u"sold"_s))));
        QVERIFY2(ana->sync(), qPrintable(ana->error));
        QCOMPARE(ana->openIssues(), 1);
        const SyncIssue issue = ana->issues().first();
        QCOMPARE(issue.kind, u"inventory_stale"_s);
        const qint64 current = qint64(issue.details.value(u"current"_s).toDouble(-1));
        QCOMPARE(current, serverOnHand(s));
        QCOMPARE(ana->onHand(s.variant, s.location), current); // the count is not applied
        // Applying it anyway is an explicit decision.
        auto kept = ana->store->write([&](SqliteDatabase &db) {
            return SyncIssues::keepMine(db, issue.id, QDateTime::currentMSecsSinceEpoch());
        });
        SK_VERIFY_OK(kept);
        QVERIFY(ana->sync());
        QCOMPARE(serverOnHand(s), 12);
        QCOMPARE(ana->onHand(s.variant, s.location), 12);
    }

    // Scenario 14: oversell per shop policy, deterministic.
    void oversellFollowsTheShopPolicy_data()
    {
        QTest::addColumn<QString>("policy");
        QTest::newRow("allow") << u"allow"_s;
        QTest::newRow("reject") << u"reject"_s;
    }

    void oversellFollowsTheShopPolicy()
    {
        QFETCH(QString, policy);
        Shop s = makeShop(policy);
        auto ana = clerk(s);
        QVERIFY(ana->sync());
        QVERIFY(ana->editor->adjustInventory(s.variant, s.location, -15, InventoryReason::Sold).ok());
        QVERIFY2(ana->sync(), qPrintable(ana->error));
        if (policy == "allow"_L1) {
            QCOMPARE(ana->openIssues(), 0);
            QCOMPARE(serverOnHand(s), -5);
            QCOMPARE(ana->onHand(s.variant, s.location), -5);
        } else {
            QCOMPARE(ana->openIssues(), 1);
            QCOMPARE(ana->issues().first().code, u"inventory.oversell"_s);
            QCOMPARE(serverOnHand(s), 10);
            QCOMPARE(ana->onHand(s.variant, s.location), 10);
        }
    }

    // Scenario 15: an edit against a remote delete. The delete wins; nothing comes back.
    void editAgainstRemoteDelete()
    {
        Shop s = makeShop();
        auto ana = clerk(s);
        QVERIFY(ana->sync());
        QVERIFY(ana->editor->patchProduct(s.product, QJsonObject{{u"title"_s, u"Renamed offline"_s}}).ok());
        QVERIFY(m_world.applied(serverPush(s, u"product.delete"_s, QJsonObject{{u"id"_s, s.product}})));
        QVERIFY2(ana->sync(), qPrintable(ana->error));
        QCOMPARE(ana->openIssues(), 1);
        auto reader = ana->store->openReader();
        auto product = ProductRepository(**reader).product(s.product);
        QVERIFY(product.ok());
        QVERIFY(!product->has_value());
        QVERIFY(ana->sync());
        product = ProductRepository(**reader).product(s.product);
        QVERIFY(!product->has_value());
    }

    // Scenario 16: a cursor older than the tombstones: full resync, outbox kept.
    void expiredCursorResyncsAndKeepsTheOutbox()
    {
        Shop s = makeShop();
        auto ana = clerk(s);
        QVERIFY(ana->sync());
        const QString doomed = newUuid();
        QVERIFY(m_world.applied(serverPush(s, u"product.create"_s,
                                           SyncTestWorld::productArgs(doomed, u"doomed"_s, newUuid(), u"DOOM"_s, 1))));
        QVERIFY(ana->sync());
        QVERIFY(m_world.applied(serverPush(s, u"product.delete"_s, QJsonObject{{u"id"_s, doomed}})));
        QVERIFY(m_world.admin({u"purge-tombstones"_s, u"--shop"_s, s.id, u"--older-than-days"_s, u"0"_s}));
        QVERIFY(ana->editor->adjustInventory(s.variant, s.location, -4, InventoryReason::Sold).ok());
        // Pull first: the 410 must not lose the pending edit, and the shop stays visible.
        auto pulled = ana->engine->pullOnly();
        SK_VERIFY_OK(pulled);
        QVERIFY(pulled->resync);
        QCOMPARE(ana->pending(), 1);
        QCOMPARE(ana->onHand(s.variant, s.location), 6);
        auto reader = ana->store->openReader();
        QVERIFY(!ProductRepository(**reader).product(doomed).value().has_value());
        QVERIFY(ana->sync());
        QCOMPARE(serverOnHand(s), 6);
        QCOMPARE(ana->pending(), 0);
    }

    // Scenario 11: a shop switch with pending edits.
    void pendingEditsStayWithTheirShop()
    {
        Shop a = makeShop();
        Shop b = makeShop();
        auto inA = clerk(a);
        QVERIFY(inA->sync());
        for (int i = 0; i < 5; ++i)
            QVERIFY(inA->editor->adjustInventory(a.variant, a.location, -1, InventoryReason::Sold).ok());
        // Switch to shop B (same user, same keychain session, another file) and sync there.
        SyncClerk inB;
        inB.shopId = b.id;
        inB.auth = std::move(inA->auth);
        QVERIFY(inB.openStore(url(), inB.auth->info().userId));
        QVERIFY2(inB.sync(), qPrintable(inB.error));
        QCOMPARE(inB.last.pushed, 0);
        QCOMPARE(serverOnHand(b), 10);
        QCOMPARE(serverOnHand(a), 10);
        QCOMPARE(m_world.changes(b.id, b.token, QString(), 5000).json.value(u"changes"_s).toArray().size() > 0, true);
        // Switching back flushes them.
        inA->auth = std::move(inB.auth);
        inB.engine.reset();
        QVERIFY(inA->openStore(url(), inA->auth->info().userId));
        QCOMPARE(inA->pending(), 5);
        QVERIFY2(inA->sync(), qPrintable(inA->error));
        QCOMPARE(serverOnHand(a), 5);
        QCOMPARE(serverOnHand(b), 10);
    }

    // Scenario 17: the client's clock is a day off; no server decision uses it.
    void clientClockSkewDoesNotMatter()
    {
        Shop s = makeShop();
        FixedClock skewed(QDateTime::currentMSecsSinceEpoch() + 24 * 3600 * 1000);
        SyncClerk ana;
        ana.shopId = s.id;
        ana.auth = std::make_unique<AuthSession>(ana.secrets, sk::HttpClient::Options{}, skewed);
        auto info = ana.auth->login(url(), u"ana@sync.test"_s, Password);
        SK_VERIFY_OK(info);
        QVERIFY(ana.openStore(url(), info->userId));
        ana.engine = std::make_unique<SyncEngine>(*ana.store, *ana.auth, s.id, SyncClerk::fastOptions(), skewed);
        ana.editor = std::make_unique<ShopEditor>(*ana.store, skewed);
        QVERIFY2(ana.sync(), qPrintable(ana.error));
        QVERIFY(ana.editor->adjustInventory(s.variant, s.location, 2, InventoryReason::Received).ok());
        QVERIFY2(ana.sync(), qPrintable(ana.error));
        QCOMPARE(serverOnHand(s), 12);
        QCOMPARE(ana.auth->refreshCount(), 0);
        // The ledger time is the server's.
        for (const QJsonValue &e : serverLedger(s))
            QVERIFY(qint64(e.toObject().value(u"created_at"_s).toDouble()) <= QDateTime::currentMSecsSinceEpoch());
    }

    // Scenario 22 (scaled): a backlog is pushed in bounded batches.
    void backlogIsPushedInBatches()
    {
        Shop s = makeShop();
        auto ana = clerk(s);
        QVERIFY(ana->sync());
        const int edits = 1000;
        for (int i = 0; i < edits; ++i)
            QVERIFY(ana->editor->adjustInventory(s.variant, s.location, 1, InventoryReason::Received).ok());
        QCOMPARE(ana->pending(), edits);
        QCOMPARE(ana->onHand(s.variant, s.location), 10 + edits);
        QVERIFY2(ana->sync(), qPrintable(ana->error));
        QCOMPARE(ana->last.applied, edits);
        QCOMPARE(serverOnHand(s), 10 + edits);
        QCOMPARE(ana->onHand(s.variant, s.location), 10 + edits);
        QCOMPARE(ana->pending(), 0);
    }

    // Scenario 23: a hung server. Timeouts fire, backoff runs, the state is Offline, not stuck.
    void hungServerTimesOutToOffline()
    {
        Shop s = makeShop();
        auto ana = clerk(s);
        QVERIFY(ana->sync());
        QVERIFY(ana->editor->adjustInventory(s.variant, s.location, -1, InventoryReason::Sold).ok());

        // A listener that accepts and never answers.
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        SyncEngine::Options options = SyncClerk::fastOptions();
        options.http.totalTimeoutMs = 500;
        options.maxAttempts = 2;
        const QString silentUrl = u"http://127.0.0.1:%1"_s.arg(silent.serverPort());
        SessionInfo info = ana->auth->info();
        info.serverUrl = silentUrl;
        AuthSession hung(ana->secrets);
        // The tokens are keyed by the real server; copy them under the silent one.
        QVERIFY(ana->secrets
                    .write(AuthSession::secretKey(silentUrl, info.userId),
                           ana->secrets.read(AuthSession::secretKey(url(), info.userId)).value())
                    .ok());
        QVERIFY(hung.resume(info).ok());
        SyncEngine engine(*ana->store, hung, s.id, options);
        QElapsedTimer timer;
        timer.start();
        auto result = engine.syncOnce();
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, u"sync.offline"_s);
        QVERIFY2(timer.elapsed() < 10'000, "timeouts did not fire");
        QCOMPARE(engine.status().value().state, SyncStatus::State::Offline);
        QCOMPARE(engine.status().value().pending, 1);
    }

    // A batch over the server's 1 MiB body limit (413) is split until it fits; nothing is lost.
    void oversizedBatchIsSplit()
    {
        Shop s = makeShop();
        SyncEngine::Options options = SyncClerk::fastOptions();
        options.batchBytes = 8 * 1024 * 1024; // let the client build a batch the server refuses
        auto ana = clerk(s);
        QVERIFY(ana->openStore(url(), ana->auth->info().userId, options));
        QVERIFY(ana->sync());
        const QString longText(60'000, u'x');
        for (int i = 0; i < 40; ++i) {
            QVERIFY(ana->editor->patchProduct(s.product, QJsonObject{{u"description"_s, longText + QString::number(i)}})
                        .ok());
        }
        QVERIFY2(ana->sync(), qPrintable(ana->error)); // 40 × 60 kB ≈ 2.4 MB: split at least twice
        QCOMPARE(ana->last.applied, 40);
        QCOMPARE(ana->pending(), 0);
        const QJsonObject product =
            m_world.http->get(SyncTestWorld::shopPath(s.id, u"/products/"_s + s.product), s.token).json;
        QCOMPARE(product.value(u"description"_s).toString(), longText + u"39"_s);
    }

    // Scenario 18: a server that needs a newer client (426) stops sync and keeps the outbox.
    void upgradeRequiredKeepsTheOutbox()
    {
        Shop s = makeShop();
        auto ana = clerk(s);
        QVERIFY(ana->sync());
        QVERIFY(ana->editor->adjustInventory(s.variant, s.location, -1, InventoryReason::Sold).ok());
        CannedHttpServer newer(426, "Upgrade Required",
                               R"({"error":{"code":"upgrade_required","message":"This server needs Storekeep 2."}})");
        const QString newerUrl = u"http://127.0.0.1:%1"_s.arg(newer.port());
        SessionInfo info = ana->auth->info();
        info.serverUrl = newerUrl;
        QVERIFY(ana->secrets
                    .write(AuthSession::secretKey(newerUrl, info.userId),
                           ana->secrets.read(AuthSession::secretKey(url(), info.userId)).value())
                    .ok());
        AuthSession session(ana->secrets);
        SK_VERIFY_OK(session.resume(info));
        SyncEngine engine(*ana->store, session, s.id, SyncClerk::fastOptions());
        auto result = engine.syncOnce();
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, u"sync.upgrade_required"_s);
        QCOMPARE(newer.requests(), 1); // stopped at once: no retries
        QCOMPARE(engine.status().value().state, SyncStatus::State::UpgradeRequired);
        QCOMPARE(engine.status().value().pending, 1);
        QCOMPARE(ana->onHand(s.variant, s.location), 9);
        // Back on the real server, the kept edit goes through.
        QVERIFY(ana->sync());
        QCOMPARE(serverOnHand(s), 9);
    }
};

QTEST_GUILESS_MAIN(tst_SyncEngine)
#include "tst_syncengine.moc"
