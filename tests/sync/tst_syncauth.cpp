// Sessions and tenancy under sync, against a real server whose access tokens live 2 seconds:
// a token that expires mid-batch while push and pull run together is refreshed exactly once;
// a revoked session stops sync and keeps the outbox until the same user signs in again; a user
// who loses the shop keeps their unsent edits and is told.

#include "syncclerk.h"
#include "testshop.h"
#include "testsupport.h"

#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QTest>
#include <QThread>

#include <future>

using namespace sk;
using namespace sk::test;
using namespace Qt::StringLiterals;

class tst_SyncAuth : public QObject
{
    Q_OBJECT

    SyncTestWorld m_world;
    int m_shops = 0;
    const QString m_password = QString::fromLatin1(SyncTestWorld::Password);

    // Waits until the server refuses the access token (it lives 2 s).
    bool waitForExpiry(const QString &shopId, const QString &token)
    {
        QDeadlineTimer deadline(15'000);
        while (!deadline.hasExpired()) {
            if (m_world.http->get(SyncTestWorld::shopPath(shopId, QString()), token).status == 401)
                return true;
            QThread::msleep(200);
        }
        return false;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_world.start({u"--access-token-ttl-seconds"_s, u"2"_s}), qPrintable(m_world.error));
        QVERIFY(m_world.createUser(u"ana@sync.test"_s, u"Ana"_s));
        QVERIFY(m_world.createUser(u"ben@sync.test"_s, u"Ben"_s));
    }

    // Scenario 9.
    void expiredTokenMidBatchRefreshesOnce()
    {
        TestShop s = makeTestShop(m_world, ++m_shops);
        SyncClerk ana;
        QVERIFY2(ana.open(m_world.server.baseUrl(), u"ana@sync.test"_s, m_password, s.id), qPrintable(ana.error));
        QVERIFY2(ana.sync(), qPrintable(ana.error));
        for (int i = 0; i < 300; ++i)
            QVERIFY(ana.editor->adjustInventory(s.variant, s.location, 1, InventoryReason::Received).ok());
        s.push(m_world, u"inventory.adjust"_s, SyncTestWorld::adjustArgs(s.variant, s.location, 5));
        QVERIFY(waitForExpiry(s.id, ana.auth->accessToken()));
        const int refreshesBefore = ana.auth->refreshCount();

        // Push and pull at once, on two threads, sharing the one session.
        SyncEngine pusher(*ana.store, *ana.auth, s.id, SyncClerk::fastOptions());
        SyncEngine puller(*ana.store, *ana.auth, s.id, SyncClerk::fastOptions());
        auto pushed = std::async(std::launch::async, [&] { return pusher.pushOnly(); });
        auto pulled = std::async(std::launch::async, [&] { return puller.pullOnly(); });
        const Result<SyncReport> push = pushed.get();
        const Result<SyncReport> pull = pulled.get();
        SK_VERIFY_OK(push);
        SK_VERIFY_OK(pull);
        QCOMPARE(ana.auth->refreshCount() - refreshesBefore, 1);
        QCOMPARE(push->applied, 300);
        QCOMPARE(push->duplicates, 0);
        QVERIFY(ana.sync());
        QCOMPARE(s.onHand(m_world), 315);
        QCOMPARE(ana.onHand(s.variant, s.location), 315);
        QCOMPARE(ana.pending(), 0);
    }

    // Scenario 10.
    void revokedSessionKeepsTheOutbox()
    {
        TestShop s = makeTestShop(m_world, ++m_shops);
        SyncClerk ana;
        QVERIFY2(ana.open(m_world.server.baseUrl(), u"ana@sync.test"_s, m_password, s.id), qPrintable(ana.error));
        QVERIFY(ana.sync());
        for (int i = 0; i < 3; ++i)
            QVERIFY(ana.editor->adjustInventory(s.variant, s.location, -1, InventoryReason::Sold).ok());
        // Signed out elsewhere: the refresh token's family is revoked on the server.
        const QString key = AuthSession::secretKey(m_world.server.baseUrl(), ana.auth->info().userId);
        const QString refresh =
            QJsonDocument::fromJson(ana.secrets.read(key).value()).object().value(u"refresh_token"_s).toString();
        QCOMPARE(m_world.http->post(u"/v1/auth/logout"_s, {{u"refresh_token"_s, refresh}}).status, 204);
        QVERIFY(waitForExpiry(s.id, ana.auth->accessToken()));

        auto result = ana.engine->syncOnce();
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, u"auth.signed_out"_s);
        QCOMPARE(ana.engine->status().value().state, SyncStatus::State::SignedOut);
        QCOMPARE(ana.pending(), 3);
        QCOMPARE(ana.onHand(s.variant, s.location), 7);
        QCOMPARE(s.onHand(m_world), 10);
        QVERIFY(!ana.secrets.read(key).ok()); // the dead session is gone from the keychain

        // The same user signs in again: the kept edits flush.
        SyncClerk again;
        again.shopId = s.id;
        again.auth = std::make_unique<AuthSession>(again.secrets);
        SK_VERIFY_OK(again.auth->login(m_world.server.baseUrl(), u"ana@sync.test"_s, m_password));
        ana.engine = std::make_unique<SyncEngine>(*ana.store, *again.auth, s.id, SyncClerk::fastOptions());
        QVERIFY2(ana.sync(), qPrintable(ana.error));
        QCOMPARE(ana.last.applied, 3);
        QCOMPARE(s.onHand(m_world), 7);
        QCOMPARE(ana.pending(), 0);
    }

    // Scenario 21 (the shop): a user removed from the shop keeps their unsent edits and is told.
    void lostAccessToTheShopKeepsTheEdits()
    {
        TestShop s = makeTestShop(m_world, ++m_shops);
        SyncClerk ben;
        QVERIFY2(ben.open(m_world.server.baseUrl(), u"ben@sync.test"_s, m_password, s.id), qPrintable(ben.error));
        QVERIFY(ben.sync());
        QVERIFY(ben.editor->adjustInventory(s.variant, s.location, -2, InventoryReason::Damaged).ok());
        const QString userId = ben.auth->info().userId;
        QCOMPARE(m_world.http->request("DELETE", SyncTestWorld::shopPath(s.id, u"/members/"_s + userId), {}, s.token).status,
                 204);
        auto result = ben.engine->syncOnce();
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, u"sync.shop_access_lost"_s);
        QCOMPARE(ben.engine->status().value().state, SyncStatus::State::AccessLost);
        QCOMPARE(ben.pending(), 1);
        QCOMPARE(s.onHand(m_world), 10);
        // Access given back: the edit goes through, once.
        QVERIFY(m_world.addMember(s.id, u"ben@sync.test"_s, u"staff"_s));
        QVERIFY2(ben.sync(), qPrintable(ben.error));
        QCOMPARE(s.onHand(m_world), 8);
        QCOMPARE(ben.pending(), 0);
    }
};

QTEST_GUILESS_MAIN(tst_SyncAuth)
#include "tst_syncauth.moc"
