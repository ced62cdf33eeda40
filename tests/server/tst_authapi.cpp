// AuthApi over real TCP against a real storekeep-server: login, sessions, refresh rotation and
// reuse detection, logout, bearer checks on /v1/me, the login rate limits, and secrets that must
// never reach the log or the data directory. Each login costs a PBKDF2 hash (~0.3 s), so the
// test keeps their number small.

#include "auth/tokenservice.h"
#include "serverfixture.h"
#include "testsupport.h"

#include <QDateTime>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace sk;
using namespace Qt::StringLiterals;

namespace {

const QString AlicePassword = u"alice-pw-5f2a9c"_s;
const QString LimitedPassword = u"limited-pw-8d1e4b"_s;
const QString WrongPassword = u"wrong-pw-3c7d0e"_s;

QJsonObject credentials(const QString &email, const QString &password)
{
    return {{u"email"_s, email}, {u"password"_s, password}};
}

// Every file under dir, read whole (the SQLite database, its WAL, the key...).
QByteArray allFiles(const QString &dir)
{
    QByteArray all;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (file.open(QIODevice::ReadOnly))
            all += file.readAll();
    }
    return all;
}

} // namespace

class tst_AuthApi : public QObject
{
    Q_OBJECT

private:
    test::ServerProcess m_server;
    QString m_shopId;
    QString m_aliceId;
    QStringList m_refreshTokens; // every refresh token handed out, for the secrets check

    test::HttpClient http() const { return test::HttpClient(m_server.port()); }

    test::HttpResult login(const QString &email, const QString &password)
    {
        test::HttpResult result = http().post(u"/v1/auth/login"_s, credentials(email, password));
        if (result.status == 200)
            m_refreshTokens.append(result.json.value(u"refresh_token"_s).toString());
        return result;
    }

    test::HttpResult refresh(const QString &token)
    {
        test::HttpResult result = http().post(u"/v1/auth/refresh"_s, {{u"refresh_token"_s, token}});
        if (result.status == 200)
            m_refreshTokens.append(result.json.value(u"refresh_token"_s).toString());
        return result;
    }

    QString createUser(const QString &email, const QString &name, const QString &password)
    {
        const auto [code, out] = m_server.admin({u"create-user"_s, u"--email"_s, email, u"--name"_s, name},
                                                password.toUtf8() + '\n');
        return code == 0 ? QString::fromLatin1(out.trimmed()) : QString();
    }

private slots:
    void initTestCase()
    {
        const auto [shopCode, shop] =
            m_server.admin({u"create-shop"_s, u"--name"_s, u"Auth Shop"_s, u"--currency"_s, u"EUR"_s,
                            u"--time-zone"_s, u"Europe/Paris"_s, u"--locale"_s, u"fr-FR"_s});
        QCOMPARE(shopCode, 0);
        m_shopId = QString::fromLatin1(shop.trimmed());
        m_aliceId = createUser(u"alice@auth.test"_s, u"Alice Martin"_s, AlicePassword);
        QVERIFY(!m_aliceId.isEmpty());
        QVERIFY(!createUser(u"limited@auth.test"_s, u"Limited"_s, LimitedPassword).isEmpty());
        QCOMPARE(m_server.admin({u"add-member"_s, u"--shop"_s, m_shopId, u"--email"_s, u"alice@auth.test"_s,
                                 u"--role"_s, u"owner"_s})
                     .first,
                 0);
        QVERIFY(m_server.start());
    }

    void loginReturnsASession()
    {
        // E-mail addresses compare case-insensitively.
        const test::HttpResult result = login(u"Alice@Auth.TEST"_s, AlicePassword);
        QCOMPARE(result.status, 200);
        const QJsonObject &session = result.json;
        const QString access = session.value(u"access_token"_s).toString();
        QCOMPARE(access.count(u'.'), 1);
        QCOMPARE(session.value(u"token_type"_s).toString(), u"Bearer"_s);
        const qint64 expiresIn = session.value(u"expires_in"_s).toInteger();
        QVERIFY2(expiresIn > 0 && expiresIn <= 15 * 60, qPrintable(QString::number(expiresIn)));
        QVERIFY(session.value(u"refresh_token"_s).toString().size() >= 40);
        QVERIFY(session.value(u"refresh_token"_s).toString() != access);

        const QJsonObject user = session.value(u"user"_s).toObject();
        QCOMPARE(user.value(u"id"_s).toString(), m_aliceId);
        QCOMPARE(user.value(u"email"_s).toString(), u"alice@auth.test"_s);
        QCOMPARE(user.value(u"name"_s).toString(), u"Alice Martin"_s);
        QVERIFY(!user.contains(u"password_hash"_s));

        const QJsonArray shops = session.value(u"shops"_s).toArray();
        QCOMPARE(shops.size(), 1);
        const QJsonObject shop = shops.first().toObject();
        QCOMPARE(shop.value(u"id"_s).toString(), m_shopId);
        QCOMPARE(shop.value(u"name"_s).toString(), u"Auth Shop"_s);
        QCOMPARE(shop.value(u"role"_s).toString(), u"owner"_s);
        QCOMPARE(shop.value(u"currency"_s).toString(), u"EUR"_s);
        QCOMPARE(shop.value(u"time_zone"_s).toString(), u"Europe/Paris"_s);
        QCOMPARE(shop.value(u"locale"_s).toString(), u"fr-FR"_s);
        QVERIFY(!result.body.contains("pbkdf2"));
    }

    void wrongPasswordAndUnknownEmailLookTheSame()
    {
        const test::HttpResult wrong = login(u"alice@auth.test"_s, WrongPassword);
        const test::HttpResult unknown = login(u"nobody@auth.test"_s, WrongPassword);
        QCOMPARE(wrong.status, 401);
        QCOMPARE(unknown.status, 401);
        QCOMPARE(wrong.errorCode(), u"auth.invalid_credentials"_s);
        QCOMPARE(unknown.body, wrong.body);
    }

    void loginValidatesItsInput()
    {
        const test::HttpResult noPassword = http().post(u"/v1/auth/login"_s, {{u"email"_s, u"alice@auth.test"_s}});
        QCOMPARE(noPassword.status, 400);
        QCOMPARE(noPassword.errorCode(), u"validation.missing_field"_s);
        QCOMPARE(noPassword.json[u"error"_s][u"field"_s].toString(), u"password"_s);
        const test::HttpResult noEmail = http().post(u"/v1/auth/login"_s, {{u"password"_s, WrongPassword}});
        QCOMPARE(noEmail.status, 400);
        QCOMPARE(noEmail.json[u"error"_s][u"field"_s].toString(), u"email"_s);
        const test::HttpResult numeric =
            http().post(u"/v1/auth/login"_s, {{u"email"_s, u"alice@auth.test"_s}, {u"password"_s, 12345678}});
        QCOMPARE(numeric.status, 400);
        QCOMPARE(numeric.errorCode(), u"validation.invalid_field"_s);
    }

    void accessTokenAuthenticatesMe()
    {
        const test::HttpResult session = login(u"alice@auth.test"_s, AlicePassword);
        QCOMPARE(session.status, 200);
        const QString access = session.json.value(u"access_token"_s).toString();

        const test::HttpResult me = http().get(u"/v1/me"_s, access);
        QCOMPARE(me.status, 200);
        QCOMPARE(me.json[u"user"_s][u"id"_s].toString(), m_aliceId);
        QCOMPARE(me.json[u"shops"_s].toArray().size(), 1);
        QCOMPARE(me.json[u"shops"_s][0][u"role"_s].toString(), u"owner"_s);

        QCOMPARE(http().get(u"/v1/me"_s).errorCode(), u"auth.missing_token"_s);
        const test::HttpResult basic =
            http().request("GET", u"/v1/me"_s, {}, {}, {{"Authorization", "Basic YWxpY2U6cHc="}});
        QCOMPARE(basic.status, 401);
        QCOMPARE(basic.errorCode(), u"auth.missing_token"_s);

        QString tampered = access;
        tampered[5] = tampered.at(5) == u'x' ? u'y' : u'x';
        const test::HttpResult bad = http().get(u"/v1/me"_s, tampered);
        QCOMPARE(bad.status, 401);
        QCOMPARE(bad.errorCode(), u"auth.invalid_token"_s);

        // A token signed with the server's own key, but issued 16 minutes ago.
        auto tokens = server::TokenService::open(m_server.dataDir());
        SK_VERIFY_OK(tokens);
        const qint64 sixteenMinutesAgo = QDateTime::currentMSecsSinceEpoch() - 16 * 60 * 1000;
        const test::HttpResult expired =
            http().get(u"/v1/me"_s, (*tokens)->issueAccessToken(m_aliceId, sixteenMinutesAgo));
        QCOMPARE(expired.status, 401);
        QCOMPARE(expired.errorCode(), u"auth.token_expired"_s);
        // ... and the same key signing now is accepted, which shows the key file is the server's.
        QCOMPARE(http().get(u"/v1/me"_s, (*tokens)->issueAccessToken(m_aliceId, QDateTime::currentMSecsSinceEpoch()))
                     .status,
                 200);
    }

    void refreshRotatesAndReuseRevokesTheFamily()
    {
        const test::HttpResult first = login(u"alice@auth.test"_s, AlicePassword);
        const test::HttpResult other = login(u"alice@auth.test"_s, AlicePassword); // another device
        QCOMPARE(first.status, 200);
        QCOMPARE(other.status, 200);
        const QString r1 = first.json.value(u"refresh_token"_s).toString();

        const test::HttpResult second = refresh(r1);
        QCOMPARE(second.status, 200);
        const QString r2 = second.json.value(u"refresh_token"_s).toString();
        QVERIFY(r2 != r1);
        QCOMPARE(second.json[u"user"_s][u"id"_s].toString(), m_aliceId);
        QCOMPARE(second.json[u"shops"_s].toArray().size(), 1);
        QCOMPARE(http().get(u"/v1/me"_s, second.json.value(u"access_token"_s).toString()).status, 200);

        // The used token again: refused as a reuse, and the whole family is signed out...
        const test::HttpResult reused = refresh(r1);
        QCOMPARE(reused.status, 401);
        QCOMPARE(reused.errorCode(), u"auth.refresh_reused"_s);
        // ... including its newest token,
        const test::HttpResult newest = refresh(r2);
        QCOMPARE(newest.status, 401);
        QCOMPARE(newest.errorCode(), u"auth.invalid_refresh_token"_s);
        // ... but not the other device's sign-in.
        const test::HttpResult otherRefreshed = refresh(other.json.value(u"refresh_token"_s).toString());
        QCOMPARE(otherRefreshed.status, 200);

        const test::HttpResult unknown = refresh(server::TokenService::newOpaqueToken());
        QCOMPARE(unknown.status, 401);
        QCOMPARE(unknown.errorCode(), u"auth.invalid_refresh_token"_s);
        QCOMPARE(http().post(u"/v1/auth/refresh"_s, {}).errorCode(), u"validation.missing_field"_s);

        // Logout ends that other family; it is idempotent and never tells whether a token existed.
        const QString current = otherRefreshed.json.value(u"refresh_token"_s).toString();
        QCOMPARE(http().post(u"/v1/auth/logout"_s, {{u"refresh_token"_s, current}}).status, 204);
        QCOMPARE(refresh(current).errorCode(), u"auth.invalid_refresh_token"_s);
        QCOMPARE(http().post(u"/v1/auth/logout"_s, {{u"refresh_token"_s, current}}).status, 204);
        QCOMPARE(http().post(u"/v1/auth/logout"_s, {{u"refresh_token"_s, u"never-issued"_s}}).status, 204);
        QCOMPARE(http().post(u"/v1/auth/logout"_s, {}).status, 400);
    }

    void rateLimitsAnAccount()
    {
        for (int i = 0; i < 5; ++i) {
            const test::HttpResult failed = login(u"limited@auth.test"_s, WrongPassword);
            QVERIFY2(failed.status == 401, qPrintable(u"attempt %1: %2"_s.arg(i + 1).arg(failed.status)));
        }
        // The sixth attempt is refused before the password is looked at, even the right one.
        const test::HttpResult limited = login(u"limited@auth.test"_s, LimitedPassword);
        QCOMPARE(limited.status, 429);
        QCOMPARE(limited.errorCode(), u"rate_limited"_s);
        bool ok = false;
        const int retryAfter = limited.header("Retry-After").toInt(&ok);
        QVERIFY2(ok && retryAfter > 0 && retryAfter <= 15 * 60, limited.header("Retry-After").constData());
        // Other accounts from the same address are not affected.
        QCOMPARE(login(u"alice@auth.test"_s, AlicePassword).status, 200);
    }

    void rateLimitsAnAddressAcrossAccounts()
    {
        // A fresh server, so that only this test's failures count against 127.0.0.1.
        test::ServerProcess fresh;
        QVERIFY(fresh.start());
        test::HttpClient client(fresh.port());
        for (int i = 0; i < 20; ++i) {
            const test::HttpResult failed =
                client.post(u"/v1/auth/login"_s, credentials(u"guess%1@auth.test"_s.arg(i), WrongPassword));
            QVERIFY2(failed.status == 401, qPrintable(u"attempt %1: %2"_s.arg(i + 1).arg(failed.status)));
        }
        const test::HttpResult limited =
            client.post(u"/v1/auth/login"_s, credentials(u"guess-new@auth.test"_s, WrongPassword));
        QCOMPARE(limited.status, 429);
        QCOMPARE(limited.errorCode(), u"rate_limited"_s);
        QVERIFY(limited.header("Retry-After").toInt() > 0);
    }

    void secretsNeverReachTheLogOrTheDisk()
    {
        QVERIFY(!m_refreshTokens.isEmpty());
        const QByteArray log = m_server.serverStderr();
        QVERIFY2(log.contains("/v1/auth/login"), "the request log is where this test looks");
        const QByteArray disk = allFiles(m_server.dataDir());
        QVERIFY(disk.size() > 0);
        QList<QByteArray> secrets{AlicePassword.toUtf8(), LimitedPassword.toUtf8(), WrongPassword.toUtf8()};
        for (const QString &token : std::as_const(m_refreshTokens))
            secrets.append(token.toUtf8());
        for (const QByteArray &secret : std::as_const(secrets)) {
            QVERIFY2(!log.contains(secret), secret.constData());
            QVERIFY2(!disk.contains(secret), secret.constData());
        }
    }
};

QTEST_GUILESS_MAIN(tst_AuthApi)
#include "tst_authapi.moc"
