// ShopSession against the REAL storekeep-server: a sign-in saved without secrets and resumed
// after a restart, the shop chosen without asking when there is one answer, one cache file per
// shop, a refreshed shop list, and a sign-out that forgets the session but keeps the files. The
// tokens live in a MemorySecretStore (shared between "restarts" like the real keychain would be).

#include "../server/synctestsupport.h"
#include "auth/profile.h"
#include "auth/secretstore.h"
#include "auth/shopsession.h"
#include "storage/shopstore.h"
#include "testsupport.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace sk;
using namespace Qt::StringLiterals;

namespace {

const QString Password = QString::fromLatin1(sk::test::SyncTestWorld::Password);

SyncWorker::Options quietSync()
{
    SyncWorker::Options options;
    options.intervalMs = 600'000;
    return options;
}

} // namespace

class tst_ShopSession : public QObject
{
    Q_OBJECT

private:
    sk::test::SyncTestWorld m_world;
    QString m_first;
    QString m_second;
    QString m_third;

    QString url() const { return m_world.server.baseUrl(); }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_world.start(), qPrintable(m_world.error));
        m_first = m_world.createShop(u"First Shop"_s, u"EUR"_s, u"allow"_s);
        m_second = m_world.createShop(u"Second Shop"_s, u"USD"_s, u"allow"_s);
        m_third = m_world.createShop(u"Third Shop"_s, u"GBP"_s, u"allow"_s);
        QVERIFY(m_world.createUser(u"gus@session.test"_s, u"Gus"_s));
        QVERIFY(m_world.addMember(m_first, u"gus@session.test"_s, u"owner"_s));
        QVERIFY(m_world.createUser(u"hal@session.test"_s, u"Hal"_s));
        QVERIFY(m_world.addMember(m_first, u"hal@session.test"_s, u"staff"_s));
        QVERIFY(m_world.addMember(m_second, u"hal@session.test"_s, u"warehouse"_s));
        QVERIFY2(m_world.error.isEmpty(), qPrintable(m_world.error));
    }

    void oneShopOpensWithoutAskingAndResumesAfterARestart()
    {
        QTemporaryDir dir;
        MemorySecretStore secrets;
        QString token;
        {
            Profile profile(dir.path());
            AuthSession auth(secrets);
            auto info = auth.login(url(), u"gus@session.test"_s, Password);
            SK_VERIFY_OK(info);
            token = auth.accessToken();
            ShopSession session(profile, auth);
            session.setSyncOptions(quietSync());
            SK_VERIFY_OK(session.adopt(*info));
            QCOMPARE(session.preferredShopId(), m_first); // the only shop
            SK_VERIFY_OK(session.openShop(m_first));
            QCOMPARE(session.role(), u"owner"_s);
            QCOMPARE(session.store()->path(), profile.storePathFor(m_first));
            QCOMPARE(session.store()->identity(), (StoreIdentity{url(), m_first, info->userId}));
        }
        // Saved: who and where, never a token.
        QFile saved(dir.path() + u"/profile.json"_s);
        QVERIFY(saved.open(QIODevice::ReadOnly));
        const QByteArray json = saved.readAll();
        QVERIFY(json.contains("gus@session.test"));
        QVERIFY(!token.isEmpty());
        QVERIFY(!json.contains(token.toUtf8()));

        // A restart: the profile and the keychain are all there is.
        Profile profile(dir.path());
        SK_VERIFY_OK(profile.load());
        QVERIFY(profile.hasSession());
        AuthSession auth(secrets);
        ShopSession session(profile, auth);
        session.setSyncOptions(quietSync());
        SK_VERIFY_OK(session.resume());
        QVERIFY(auth.isSignedIn());
        QCOMPARE(session.preferredShopId(), m_first);
        SK_VERIFY_OK(session.openShop(m_first));
        QSignalSpy synced(&session, &ShopSession::syncFinished);
        QVERIFY(synced.wait(60000));
        QCOMPARE(synced.first().at(1).toString(), QString()); // the resumed tokens work
    }

    void resumeWithoutTheKeychainEntryIsSignedOut()
    {
        QTemporaryDir dir;
        MemorySecretStore secrets;
        Profile profile(dir.path());
        AuthSession auth(secrets);
        auto info = auth.login(url(), u"gus@session.test"_s, Password);
        SK_VERIFY_OK(info);
        ShopSession first(profile, auth);
        SK_VERIFY_OK(first.adopt(*info));

        MemorySecretStore otherKeychain;
        AuthSession fresh(otherKeychain);
        ShopSession session(profile, fresh);
        const Result<void> resumed = session.resume();
        QVERIFY(!resumed.ok());
        QCOMPARE(resumed.error().code, u"auth.signed_out"_s);
        QVERIFY(!fresh.isSignedIn());
    }

    void twoShopsAskAndKeepOneFileEach()
    {
        QTemporaryDir dir;
        MemorySecretStore secrets;
        Profile profile(dir.path());
        AuthSession auth(secrets);
        auto info = auth.login(url(), u"hal@session.test"_s, Password);
        SK_VERIFY_OK(info);
        ShopSession session(profile, auth);
        session.setSyncOptions(quietSync());
        SK_VERIFY_OK(session.adopt(*info));
        QCOMPARE(session.preferredShopId(), QString()); // two shops, none chosen yet

        SK_VERIFY_OK(session.openShop(m_second));
        QCOMPARE(session.role(), u"warehouse"_s);
        const QString secondFile = session.store()->path();
        QSignalSpy changed(&session, &ShopSession::shopChanged);
        QSignalSpy leaving(&session, &ShopSession::shopAboutToChange);
        SK_VERIFY_OK(session.openShop(m_first));
        QCOMPARE(leaving.count(), 1);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(session.role(), u"staff"_s);
        QVERIFY(session.store()->path() != secondFile);
        QVERIFY(QFile::exists(secondFile));
        QCOMPARE(session.preferredShopId(), m_first); // remembered for the next start

        // Not one of theirs: refused, and the open shop stays open.
        const Result<void> refused = session.openShop(m_third);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, u"shop.unknown"_s);
        QCOMPARE(session.shop().id, m_first);
        QVERIFY(session.store());
        QCOMPARE(changed.count(), 1);

        // Added to the third shop meanwhile: a refresh of the list brings it, and it opens.
        QVERIFY(m_world.addMember(m_third, u"hal@session.test"_s, u"owner"_s));
        QSignalSpy shopsChanged(&session, &ShopSession::shopsChanged);
        session.refreshShops();
        QVERIFY(shopsChanged.wait(30000));
        QCOMPARE(session.shops().size(), 3);
        Profile reread(dir.path());
        SK_VERIFY_OK(reread.load());
        QCOMPARE(reread.session().shops.size(), 3);
        SK_VERIFY_OK(session.openShop(m_third));
        QCOMPARE(session.role(), u"owner"_s);
    }

    void signOutForgetsTheSessionAndKeepsTheFiles()
    {
        QTemporaryDir dir;
        MemorySecretStore secrets;
        Profile profile(dir.path());
        AuthSession auth(secrets);
        auto info = auth.login(url(), u"gus@session.test"_s, Password);
        SK_VERIFY_OK(info);
        ShopSession session(profile, auth);
        session.setSyncOptions(quietSync());
        SK_VERIFY_OK(session.adopt(*info));
        SK_VERIFY_OK(session.openShop(m_first));
        const QString file = session.store()->path();
        QCOMPARE(secrets.size(), 1);

        QSignalSpy signedOut(&session, &ShopSession::signedOut);
        QSignalSpy loggedOut(&session, &ShopSession::logoutFinished);
        session.signOut();
        QCOMPARE(signedOut.count(), 1); // at once: the UI does not wait for the server
        QCOMPARE(session.store(), nullptr);
        QVERIFY(!QFile::exists(profile.filePath()));
        QVERIFY(QFile::exists(file));
        QVERIFY(loggedOut.wait(30000));
        QVERIFY(!auth.isSignedIn());
        QCOMPARE(secrets.size(), 0);
        QVERIFY(!session.hasBackgroundWork());
    }
};

QTEST_MAIN(tst_ShopSession)
#include "tst_shopsession.moc"
