// AuthSession against a real storekeep-server: sign-in keeps the tokens only in the
// SecretStore, refresh is single-flight and saved before use, a revoked or reused refresh
// token signs out (and removes the keychain entry), logout ends the server session, a saved
// session resumes from the keychain, an unusable keychain keeps everyone signed out, and
// API-token mode writes nothing anywhere. Logins cost a PBKDF2 hash each (~0.3 s).

#include "../server/synctestsupport.h"
#include "auth/authsession.h"
#include "auth/secretstore.h"
#include "testsupport.h"

#include <QDateTime>
#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QMutex>
#include <QSemaphore>
#include <QTest>
#include <QThread>

#include <memory>
#include <vector>

using namespace sk;
using namespace Qt::StringLiterals;

namespace {

const QString Password = QString::fromLatin1(test::SyncTestWorld::Password);

// Every message the client logs (debug included), and every secret the tests saw: at the end
// no message may contain a secret.
QMutex g_logMutex;
QStringList g_logLines;
QStringList g_secrets;
QtMessageHandler g_previousHandler = nullptr;

void recordingHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        QMutexLocker lock(&g_logMutex);
        g_logLines.append(message);
    }
    if (g_previousHandler)
        g_previousHandler(type, context, message);
}

void rememberSecret(const QString &secret)
{
    if (secret.isEmpty())
        return;
    QMutexLocker lock(&g_logMutex);
    g_secrets.append(secret);
}

struct StoredTokens
{
    QString access;
    QString refresh;
    qint64 accessExpiresAt = 0;
};

// What the SecretStore holds for (server, user); empty strings when nothing.
StoredTokens stored(SecretStore &store, const SessionInfo &info)
{
    const Result<QByteArray> secret = store.read(AuthSession::secretKey(info.serverUrl, info.userId));
    if (!secret.ok())
        return {};
    const QJsonObject object = QJsonDocument::fromJson(*secret).object();
    StoredTokens tokens{object.value(u"access_token").toString(), object.value(u"refresh_token").toString(),
                        object.value(u"access_expires_at").toInteger()};
    rememberSecret(tokens.access);
    rememberSecret(tokens.refresh);
    return tokens;
}

// A store whose probe works but whose writes fail: the keychain breaks between the two.
class BrokenWriteStore final : public SecretStore
{
public:
    Result<QByteArray> read(const QString &key) override { return m_inner.read(key); }
    Result<void> write(const QString &, const QByteArray &) override
    {
        return makeError(u"secret.unavailable"_s, u"the test keychain refuses writes"_s);
    }
    Result<void> remove(const QString &key) override { return m_inner.remove(key); }
    Result<void> checkAvailable() override { return {}; }

private:
    MemorySecretStore m_inner;
};

} // namespace

class tst_AuthSession : public QObject
{
    Q_OBJECT

private:
    test::SyncTestWorld m_world;
    QString m_shopId;
    QString m_otherShopId;

    QString server() const { return m_world.server.baseUrl(); }

    test::HttpResult me(const QString &bearer) { return m_world.http->get(u"/v1/me"_s, bearer); }
    test::HttpResult rawRefresh(const QString &refreshToken)
    {
        return m_world.http->post(u"/v1/auth/refresh"_s, {{u"refresh_token"_s, refreshToken}});
    }

private slots:
    void initTestCase()
    {
        QLoggingCategory::setFilterRules(u"storekeep.sync.*.debug=true"_s);
        g_previousHandler = qInstallMessageHandler(recordingHandler);
        QVERIFY2(m_world.start(), qPrintable(m_world.error));
        m_shopId = m_world.createShop(u"Auth Shop"_s, u"EUR"_s, u"allow"_s);
        m_otherShopId = m_world.createShop(u"Other Shop"_s, u"USD"_s, u"allow"_s);
        QVERIFY2(!m_shopId.isEmpty() && !m_otherShopId.isEmpty(), qPrintable(m_world.error));
        for (const QString &who : {u"alice"_s, u"bob"_s, u"carol"_s, u"limited"_s}) {
            QVERIFY2(m_world.createUser(who + u"@auth.test"_s, who.toUpper()), qPrintable(m_world.error));
            QVERIFY2(m_world.addMember(m_shopId, who + u"@auth.test"_s, u"staff"_s), qPrintable(m_world.error));
        }
        QVERIFY2(m_world.addMember(m_shopId, u"alice@auth.test"_s, u"owner"_s), qPrintable(m_world.error));
    }

    void loginKeepsTheTokensOnlyInTheSecretStore()
    {
        MemorySecretStore store;
        AuthSession auth(store);
        QVERIFY(!auth.isSignedIn());
        const Result<SessionInfo> info = auth.login(server() + u"/"_s, u"alice@auth.test"_s, Password);
        SK_VERIFY_OK(info);
        QVERIFY(auth.isSignedIn());
        QCOMPARE(info->serverUrl, server()); // no trailing slash
        QVERIFY(!info->userId.isEmpty());
        QCOMPARE(info->email, u"alice@auth.test"_s);
        QCOMPARE(info->name, u"ALICE"_s);
        QVERIFY(!info->apiTokenMode);
        QCOMPARE(info->shops.size(), 1);
        const ShopMembership &shop = info->shops.first();
        QCOMPARE(shop.id, m_shopId);
        QCOMPARE(shop.name, u"Auth Shop"_s);
        QCOMPARE(shop.role, u"owner"_s);
        QCOMPARE(shop.currency, u"EUR"_s);
        QCOMPARE(shop.timeZone, u"Europe/Berlin"_s);
        QCOMPARE(shop.locale, u"en-US"_s);

        // One entry, under "<server>|<user>", holding the pair the session uses.
        QCOMPARE(store.size(), 1);
        QCOMPARE(AuthSession::secretKey(server() + u"/"_s, info->userId), server() + u'|' + info->userId);
        const StoredTokens tokens = stored(store, *info);
        QCOMPARE(tokens.access, auth.accessToken());
        QVERIFY(tokens.refresh.size() >= 32);
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        QVERIFY2(tokens.accessExpiresAt > now + 800'000 && tokens.accessExpiresAt <= now + 900'000,
                 qPrintable(QString::number(tokens.accessExpiresAt - now)));
        QCOMPARE(me(auth.accessToken()).status, 200);

        // The non-secret SessionInfo carries no token text at all.
        QStringList fields{info->serverUrl, info->userId, info->email, info->name};
        for (const ShopMembership &s : info->shops)
            fields << s.id << s.name << s.role << s.currency << s.timeZone << s.locale;
        for (const QString &field : std::as_const(fields)) {
            QVERIFY(!field.contains(tokens.access));
            QVERIFY(!field.contains(tokens.refresh));
        }
    }

    void aWrongPasswordIsRefusedClearly()
    {
        MemorySecretStore store;
        AuthSession auth(store);
        const Result<SessionInfo> info = auth.login(server(), u"bob@auth.test"_s, u"not-the-password"_s);
        QVERIFY(!info.ok());
        QCOMPARE(info.error().code, u"auth.invalid_credentials"_s);
        QVERIFY2(info.error().message.contains(u"password"_s), qPrintable(info.error().message));
        QVERIFY(!auth.isSignedIn());
        QCOMPARE(store.size(), 0);
        QVERIFY(auth.accessToken().isEmpty());
    }

    void repeatedFailuresSayWhenToRetry()
    {
        MemorySecretStore store;
        AuthSession auth(store);
        Result<SessionInfo> last = makeError(u"none"_s, u"-"_s);
        for (int i = 0; i < 6 && (last.ok() || last.error().code != u"rate_limited"); ++i)
            last = auth.login(server(), u"limited@auth.test"_s, u"wrong-password"_s);
        QVERIFY(!last.ok());
        QCOMPARE(last.error().code, u"rate_limited"_s);
        static const QRegularExpression seconds(u"\\d+ second"_s);
        QVERIFY2(seconds.match(last.error().message).hasMatch(), qPrintable(last.error().message));
        QVERIFY(!auth.isSignedIn());
    }

    void eightThreadsRefreshOnce()
    {
        MemorySecretStore store;
        AuthSession auth(store);
        const Result<SessionInfo> info = auth.login(server(), u"bob@auth.test"_s, Password);
        SK_VERIFY_OK(info);
        const QString oldAccess = auth.accessToken();
        const QString oldRefresh = stored(store, *info).refresh;

        constexpr int Threads = 8;
        QSemaphore ready;
        QSemaphore go;
        std::vector<Result<void>> results(Threads, Result<void>(makeError(u"not_run"_s, u"-"_s)));
        std::vector<std::unique_ptr<QThread>> threads;
        for (int i = 0; i < Threads; ++i) {
            threads.emplace_back(QThread::create([&, i] {
                ready.release();
                go.acquire(); // all start together
                results[size_t(i)] = auth.refreshAfter401(oldAccess);
            }));
            threads.back()->start();
        }
        ready.acquire(Threads);
        go.release(Threads);
        for (auto &thread : threads)
            QVERIFY(thread->wait(60000));
        for (const Result<void> &result : results)
            SK_VERIFY_OK(result);

        QCOMPARE(auth.refreshCount(), 1);
        QVERIFY(auth.isSignedIn());
        const QString newAccess = auth.accessToken();
        QVERIFY(newAccess != oldAccess);
        // The keychain already holds the new pair: the used refresh token is gone from it.
        const StoredTokens now = stored(store, *info);
        QCOMPARE(now.access, newAccess);
        QVERIFY(!now.refresh.isEmpty() && now.refresh != oldRefresh);
        QCOMPARE(me(newAccess).status, 200);

        // A late caller holding the old token gets success without another refresh.
        SK_VERIFY_OK(auth.refreshAfter401(oldAccess));
        QCOMPARE(auth.refreshCount(), 1);
        SK_VERIFY_OK(auth.logout());
    }

    void anExpiredAccessTokenIsRefreshedOnce()
    {
        // A server whose access tokens live one second.
        test::SyncTestWorld shortLived;
        QVERIFY(shortLived.server.start({u"--access-token-ttl-seconds"_s, u"1"_s}));
        shortLived.http = std::make_unique<test::HttpClient>(shortLived.server.port());
        QVERIFY2(shortLived.admin({u"init"_s}), qPrintable(shortLived.error));
        const QString shop = shortLived.createShop(u"Quick Shop"_s, u"EUR"_s, u"allow"_s);
        QVERIFY2(shortLived.createUser(u"quick@auth.test"_s, u"Quick"_s), qPrintable(shortLived.error));
        QVERIFY2(shortLived.addMember(shop, u"quick@auth.test"_s, u"staff"_s), qPrintable(shortLived.error));

        MemorySecretStore store;
        AuthSession auth(store);
        const qint64 before = QDateTime::currentMSecsSinceEpoch();
        const Result<SessionInfo> info = auth.login(shortLived.server.baseUrl(), u"quick@auth.test"_s, Password);
        SK_VERIFY_OK(info);
        const qint64 expiresAt = stored(store, *info).accessExpiresAt;
        QVERIFY2(expiresAt >= before + 1000 && expiresAt <= QDateTime::currentMSecsSinceEpoch() + 1000,
                 qPrintable(QString::number(expiresAt - before)));

        // Wait (polling the server) until the token is really refused as expired.
        const QString oldAccess = auth.accessToken();
        QTRY_COMPARE_WITH_TIMEOUT(shortLived.http->get(u"/v1/me"_s, oldAccess).errorCode(), u"auth.token_expired"_s,
                                  10000);

        // fetchMe meets the 401, refreshes once and repeats the request with the new token.
        const Result<SessionInfo> fresh = auth.fetchMe();
        SK_VERIFY_OK(fresh);
        QCOMPARE(fresh->shops.size(), 1);
        QCOMPARE(fresh->shops.first().id, shop);
        QCOMPARE(auth.refreshCount(), 1);
        QVERIFY(auth.accessToken() != oldAccess);
        QCOMPARE(stored(store, *info).access, auth.accessToken());
    }

    void aRevokedRefreshTokenSignsOut()
    {
        MemorySecretStore store;
        AuthSession auth(store);
        const Result<SessionInfo> info = auth.login(server(), u"carol@auth.test"_s, Password);
        SK_VERIFY_OK(info);

        // Another copy of the same session (say, the CLI) signs out: the server revokes the family.
        MemorySecretStore copyStore;
        const QString key = AuthSession::secretKey(info->serverUrl, info->userId);
        SK_VERIFY_OK(copyStore.write(key, *store.read(key)));
        AuthSession copy(copyStore);
        SK_VERIFY_OK(copy.resume(*info));
        SK_VERIFY_OK(copy.logout());

        const Result<void> refreshed = auth.refreshAfter401(auth.accessToken());
        QVERIFY(!refreshed.ok());
        QCOMPARE(refreshed.error().code, u"auth.signed_out"_s);
        QCOMPARE(refreshed.error().detail, u"auth.invalid_refresh_token"_s);
        QVERIFY(!refreshed.error().message.isEmpty());
        QVERIFY(!auth.isSignedIn());
        QVERIFY(auth.accessToken().isEmpty());
        QCOMPARE(store.read(key).error().code, u"secret.not_found"_s);
        QCOMPARE(auth.refreshCount(), 1);
    }

    void aReusedRefreshTokenSignsOut()
    {
        MemorySecretStore store;
        AuthSession auth(store);
        const Result<SessionInfo> info = auth.login(server(), u"carol@auth.test"_s, Password);
        SK_VERIFY_OK(info);
        const QString firstRefresh = stored(store, *info).refresh;
        SK_VERIFY_OK(auth.refreshAfter401(auth.accessToken()));

        // Someone replays the used token: the server ends the whole family.
        const test::HttpResult replay = rawRefresh(firstRefresh);
        QCOMPARE(replay.status, 401);
        QCOMPARE(replay.errorCode(), u"auth.refresh_reused"_s);

        const Result<void> refreshed = auth.refreshAfter401(auth.accessToken());
        QVERIFY(!refreshed.ok());
        QCOMPARE(refreshed.error().code, u"auth.signed_out"_s);
        QVERIFY(!auth.isSignedIn());
        QCOMPARE(store.size(), 0);
        // Who was signed in is still known, to offer signing in again.
        QCOMPARE(auth.info().email, u"carol@auth.test"_s);
    }

    void aNetworkErrorDuringRefreshKeepsTheSession()
    {
        MemorySecretStore store;
        SessionInfo info;
        info.serverUrl = u"http://127.0.0.1:1"_s; // nothing listens there
        info.userId = u"0190a4c2-7b1e-7c3d-8e4f-5a6b7c8d9e0f"_s;
        const QString key = AuthSession::secretKey(info.serverUrl, info.userId);
        const QByteArray secret = R"({"access_token":"a.b","refresh_token":"r-token","access_expires_at":1})";
        SK_VERIFY_OK(store.write(key, secret));
        AuthSession auth(store);
        SK_VERIFY_OK(auth.resume(info));

        const Result<void> refreshed = auth.refreshAfter401(u"a.b"_s);
        QVERIFY(!refreshed.ok());
        QVERIFY2(refreshed.error().code.startsWith(u"net."), qPrintable(refreshed.error().code));
        QVERIFY(auth.isSignedIn());
        QCOMPARE(auth.accessToken(), u"a.b"_s);
        QCOMPARE(*store.read(key), secret);
    }

    void logoutEndsTheServerSessionAndForgetsTheTokens()
    {
        MemorySecretStore store;
        AuthSession auth(store);
        const Result<SessionInfo> info = auth.login(server(), u"bob@auth.test"_s, Password);
        SK_VERIFY_OK(info);
        const QString refresh = stored(store, *info).refresh;
        QVERIFY(!refresh.isEmpty());

        SK_VERIFY_OK(auth.logout());
        QVERIFY(!auth.isSignedIn());
        QVERIFY(auth.accessToken().isEmpty());
        QCOMPARE(store.size(), 0);
        const test::HttpResult old = rawRefresh(refresh);
        QCOMPARE(old.status, 401);
        QCOMPARE(old.errorCode(), u"auth.invalid_refresh_token"_s);
        SK_VERIFY_OK(auth.logout()); // twice is fine
    }

    void aSavedSessionResumesFromTheKeychain()
    {
        MemorySecretStore store;
        SessionInfo saved;
        {
            AuthSession first(store);
            const Result<SessionInfo> info = first.login(server(), u"alice@auth.test"_s, Password);
            SK_VERIFY_OK(info);
            saved = *info;
        } // the app quits; only the SessionInfo (profile) and the keychain remain

        AuthSession second(store);
        SK_VERIFY_OK(second.resume(saved));
        QVERIFY(second.isSignedIn());
        QCOMPARE(second.accessToken(), stored(store, saved).access);
        const Result<SessionInfo> me = second.fetchMe();
        SK_VERIFY_OK(me);
        QCOMPARE(me->userId, saved.userId);
        QCOMPARE(me->shops.size(), 1);
        QCOMPARE(second.refreshCount(), 0);

        // No entry: signed out, not an error of the keychain.
        MemorySecretStore empty;
        AuthSession third(empty);
        const Result<void> resumed = third.resume(saved);
        QVERIFY(!resumed.ok());
        QCOMPARE(resumed.error().code, u"auth.signed_out"_s);
        QVERIFY(!third.isSignedIn());

        // A keychain that cannot be used says so.
        store.setAvailable(false);
        AuthSession fourth(store);
        QCOMPARE(fourth.resume(saved).error().code, u"secret.unavailable"_s);
        QVERIFY(!fourth.isSignedIn());
        store.setAvailable(true);
        SK_VERIFY_OK(second.logout());
    }

    void anUnusableKeychainKeepsEveryoneSignedOut()
    {
        MemorySecretStore store;
        store.setAvailable(false);
        AuthSession auth(store);
        const Result<SessionInfo> info = auth.login(server(), u"bob@auth.test"_s, Password);
        QVERIFY(!info.ok());
        QCOMPARE(info.error().code, u"secret.unavailable"_s);
        QVERIFY(!info.error().message.isEmpty());
        QVERIFY(!auth.isSignedIn());
        QVERIFY(auth.accessToken().isEmpty());
        store.setAvailable(true);
        QCOMPARE(store.size(), 0);

        // The probe passes but the write fails after the server said yes: still signed out.
        BrokenWriteStore broken;
        AuthSession other(broken);
        const Result<SessionInfo> late = other.login(server(), u"bob@auth.test"_s, Password);
        QVERIFY(!late.ok());
        QCOMPARE(late.error().code, u"secret.unavailable"_s);
        QVERIFY(!other.isSignedIn());
        QVERIFY(other.accessToken().isEmpty());
    }

    void apiTokenModeWritesNothing()
    {
        const QString token = m_world.apiToken(m_shopId, u"staff"_s);
        QVERIFY2(!token.isEmpty(), qPrintable(m_world.error));
        rememberSecret(token);
        MemorySecretStore store;
        AuthSession auth(store);

        const Result<SessionInfo> bad = auth.useApiToken(server(), u"not-an-api-token"_s);
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().code, u"auth.invalid_token"_s);
        QVERIFY(!auth.isSignedIn());

        const Result<SessionInfo> info = auth.useApiToken(server() + u"/"_s, token);
        SK_VERIFY_OK(info);
        QVERIFY(info->apiTokenMode);
        QCOMPARE(info->serverUrl, server());
        QVERIFY(info->userId.isEmpty());
        QVERIFY(auth.isSignedIn());
        QCOMPARE(auth.accessToken(), token);

        // /v1/me is for users: refused without asking the server.
        QCOMPARE(auth.fetchMe().error().code, u"forbidden.api_token"_s);
        // The shop is named by the caller (--shop) and checked against the server.
        const Result<ShopMembership> shop = auth.fetchShop(m_shopId);
        SK_VERIFY_OK(shop);
        QCOMPARE(shop->name, u"Auth Shop"_s);
        QCOMPARE(shop->currency, u"EUR"_s);
        QCOMPARE(shop->timeZone, u"Europe/Berlin"_s);
        QCOMPARE(auth.info().shops.size(), 1);
        QCOMPARE(auth.info().shops.first().id, m_shopId);
        QCOMPARE(auth.fetchShop(m_otherShopId).error().code, u"not_found.shop"_s);
        QCOMPARE(store.size(), 0);

        // There is no refresh for an API token: a 401 means it was revoked.
        const Result<void> refreshed = auth.refreshAfter401(token);
        QCOMPARE(refreshed.error().code, u"auth.signed_out"_s);
        QCOMPARE(auth.refreshCount(), 0);
        QVERIFY(!auth.isSignedIn());
        SK_VERIFY_OK(auth.logout());
        QCOMPARE(store.size(), 0);
    }

    void theTokenComesFromTheEnvironment()
    {
        const QByteArray saved = qgetenv("STOREKEEP_TOKEN");
        qputenv("STOREKEEP_TOKEN", "  skapi_abc123 \n");
        QCOMPARE(AuthSession::tokenFromEnvironment(), std::optional<QString>(u"skapi_abc123"_s));
        qputenv("STOREKEEP_TOKEN", "");
        QVERIFY(!AuthSession::tokenFromEnvironment());
        qunsetenv("STOREKEEP_TOKEN");
        QVERIFY(!AuthSession::tokenFromEnvironment());
        if (!saved.isNull())
            qputenv("STOREKEEP_TOKEN", saved);
    }

    void noTokenOrPasswordIsEverLogged()
    {
        qInstallMessageHandler(g_previousHandler);
        QMutexLocker lock(&g_logMutex);
        QVERIFY(g_secrets.size() > 10);
        QVERIFY2(!g_logLines.isEmpty(), "the client logged nothing, so this check proves nothing");
        for (qsizetype i = 0; i < g_logLines.size(); ++i) {
            const QString &line = g_logLines.at(i);
            QVERIFY2(!line.contains(Password), qPrintable(u"message %1 holds the password"_s.arg(i)));
            for (const QString &secret : std::as_const(g_secrets))
                QVERIFY2(!line.contains(secret), qPrintable(u"message %1 holds a token"_s.arg(i)));
        }
    }
};

QTEST_GUILESS_MAIN(tst_AuthSession)
#include "tst_authsession.moc"
