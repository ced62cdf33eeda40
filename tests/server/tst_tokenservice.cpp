// TokenService: signed access tokens (tamper, expiry), the key file (0600, reused across
// restarts) and opaque tokens.

#include "auth/tokenservice.h"
#include "testsupport.h"
#include "util/clock.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace sk;
using namespace sk::server;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 Now = 1'780'000'000'000; // a fixed instant in 2026

const QFileDevice::Permissions GroupOrOther = QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup
                                              | QFileDevice::ReadOther | QFileDevice::WriteOther
                                              | QFileDevice::ExeOther;

QByteArray b64url(const QByteArray &bytes)
{
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

} // namespace

class tst_TokenService : public QObject
{
    Q_OBJECT

private slots:
    void issuesTokensThatVerify()
    {
        QTemporaryDir dir;
        auto service = TokenService::open(dir.path());
        SK_VERIFY_OK(service);
        const QString token = (*service)->issueAccessToken(u"user-1"_s, Now);
        const auto claims = (*service)->verifyAccessToken(token, Now + 1000);
        SK_VERIFY_OK(claims);
        QCOMPARE(claims->userId, u"user-1"_s);
        QCOMPARE(claims->issuedAt, Now);
        QCOMPARE(claims->expiresAt, Now + TokenService::AccessTokenTtlMs);
        QVERIFY(claims->expiresAt - claims->issuedAt <= 15 * 60 * 1000);
        QVERIFY(!claims->tokenId.isEmpty());
        // Two tokens for the same user and instant still differ (jti).
        QVERIFY(token != (*service)->issueAccessToken(u"user-1"_s, Now));

        // The payload is readable JSON with the documented claims.
        const QByteArray payload = QByteArray::fromBase64(token.section(u'.', 0, 0).toLatin1(),
                                                          QByteArray::Base64UrlEncoding);
        const QJsonObject json = QJsonDocument::fromJson(payload).object();
        QCOMPARE(json.value(u"typ"_s).toString(), u"access"_s);
        QCOMPARE(json.value(u"sub"_s).toString(), u"user-1"_s);
        QVERIFY(json.contains(u"iat"_s) && json.contains(u"exp"_s) && json.contains(u"jti"_s));
        QVERIFY(!token.contains(u'='));
    }

    void expiresAfterFifteenMinutes()
    {
        QTemporaryDir dir;
        auto service = TokenService::open(dir.path());
        SK_VERIFY_OK(service);
        FixedClock clock(Now);
        const QString token = (*service)->issueAccessToken(u"user-1"_s, clock.nowMs());
        clock.advance(TokenService::AccessTokenTtlMs - 1);
        SK_VERIFY_OK((*service)->verifyAccessToken(token, clock.nowMs()));
        clock.advance(1);
        const auto expired = (*service)->verifyAccessToken(token, clock.nowMs());
        QVERIFY(!expired.ok());
        QCOMPARE(expired.error().code, u"auth.token_expired"_s);
    }

    void aShorterLifetimeCanBeChosen()
    {
        QTemporaryDir dir;
        auto service = TokenService::open(dir.path(), 2000);
        SK_VERIFY_OK(service);
        QCOMPARE((*service)->accessTokenTtlMs(), qint64(2000));
        const QString token = (*service)->issueAccessToken(u"user-1"_s, Now);
        const auto claims = (*service)->verifyAccessToken(token, Now + 1999);
        SK_VERIFY_OK(claims);
        QCOMPARE(claims->expiresAt, Now + 2000);
        QCOMPARE((*service)->verifyAccessToken(token, Now + 2000).error().code, u"auth.token_expired"_s);

        // Never longer than the default, never under a second.
        QCOMPARE(TokenService::open(dir.path(), TokenService::AccessTokenTtlMs + 1000).error().code,
                 u"server.bad_access_token_ttl"_s);
        QCOMPARE(TokenService::open(dir.path(), 999).error().code, u"server.bad_access_token_ttl"_s);
    }

    void tamperedTokensAreInvalid()
    {
        QTemporaryDir dir;
        auto service = TokenService::open(dir.path());
        SK_VERIFY_OK(service);
        const QString token = (*service)->issueAccessToken(u"user-1"_s, Now);
        const QString payload = token.section(u'.', 0, 0);
        const QString signature = token.section(u'.', 1, 1);

        // Someone rewrites the subject and keeps the signature.
        QJsonObject claims = QJsonDocument::fromJson(QByteArray::fromBase64(payload.toLatin1(),
                                                                              QByteArray::Base64UrlEncoding))
                                 .object();
        claims.insert(u"sub"_s, u"user-2"_s);
        const QString forgedSubject =
            QString::fromLatin1(b64url(QJsonDocument(claims).toJson(QJsonDocument::Compact))) + u'.' + signature;
        // ... or extends the expiry.
        claims.insert(u"sub"_s, u"user-1"_s);
        claims.insert(u"exp"_s, Now + 365LL * 24 * 3600 * 1000);
        const QString forgedExpiry =
            QString::fromLatin1(b64url(QJsonDocument(claims).toJson(QJsonDocument::Compact))) + u'.' + signature;

        QString flipped = token;
        const qsizetype last = flipped.size() - 1;
        flipped[last] = flipped.at(last) == u'A' ? u'B' : u'A';

        const QStringList bad{forgedSubject,
                              forgedExpiry,
                              flipped,
                              payload,
                              payload + u'.',
                              u'.' + signature,
                              token + u".x"_s,
                              u"not a token"_s,
                              QString(),
                              QString(5000, u'a') + u'.' + signature};
        for (const QString &candidate : bad) {
            const auto result = (*service)->verifyAccessToken(candidate, Now + 1000);
            QVERIFY2(!result.ok(), qPrintable(candidate.left(80)));
            QCOMPARE(result.error().code, u"auth.invalid_token"_s);
        }

        // A token signed with another key (another server's data dir) is not ours.
        QTemporaryDir otherDir;
        auto other = TokenService::open(otherDir.path());
        SK_VERIFY_OK(other);
        const auto foreign = (*service)->verifyAccessToken((*other)->issueAccessToken(u"user-1"_s, Now), Now + 1000);
        QVERIFY(!foreign.ok());
        QCOMPARE(foreign.error().code, u"auth.invalid_token"_s);
    }

    void keyFileIsPrivateAndReusedAcrossRestarts()
    {
        QTemporaryDir dir;
        const QString keyPath = dir.filePath(u"token.key"_s);
        QString token;
        {
            auto first = TokenService::open(dir.path());
            SK_VERIFY_OK(first);
            token = (*first)->issueAccessToken(u"user-1"_s, Now);
        }
        QFile key(keyPath);
        QVERIFY(key.exists());
        QCOMPARE(key.size(), 32);
        QVERIFY(key.permissions() & QFileDevice::ReadOwner);
        QVERIFY(key.permissions() & QFileDevice::WriteOwner);
        QCOMPARE(key.permissions() & GroupOrOther, QFileDevice::Permissions());
        QVERIFY(key.open(QIODevice::ReadOnly));
        const QByteArray bytes = key.readAll();
        key.close();

        // "Restart": a new service over the same dir keeps the key, so earlier tokens still verify.
        auto second = TokenService::open(dir.path());
        SK_VERIFY_OK(second);
        SK_VERIFY_OK((*second)->verifyAccessToken(token, Now + 1000));
        QVERIFY(key.open(QIODevice::ReadOnly));
        QCOMPARE(key.readAll(), bytes);
    }

    void looseKeyPermissionsAreTightened()
    {
        QTemporaryDir dir;
        SK_VERIFY_OK(TokenService::open(dir.path()));
        QFile key(dir.filePath(u"token.key"_s));
        QVERIFY(key.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup
                                   | QFileDevice::ReadOther));
        SK_VERIFY_OK(TokenService::open(dir.path()));
        QCOMPARE(key.permissions() & GroupOrOther, QFileDevice::Permissions());
    }

    void refusesABrokenKeyFile()
    {
        QTemporaryDir dir;
        QFile key(dir.filePath(u"token.key"_s));
        QVERIFY(key.open(QIODevice::WriteOnly));
        key.write("too short");
        key.close();
        const auto service = TokenService::open(dir.path());
        QVERIFY(!service.ok());
        QCOMPARE(service.error().code, u"token_key.invalid"_s);
        QVERIFY2(service.error().message.contains(dir.filePath(u"token.key"_s)), qPrintable(service.error().message));
    }

    void opaqueTokens()
    {
        QSet<QString> seen;
        for (int i = 0; i < 100; ++i) {
            const QString token = TokenService::newOpaqueToken();
            QCOMPARE(token.size(), 43); // 32 bytes, base64url, no padding
            QVERIFY(!seen.contains(token));
            seen.insert(token);
            const QByteArray raw = QByteArray::fromBase64(token.toLatin1(), QByteArray::Base64UrlEncoding);
            QCOMPARE(raw.size(), 32);
        }
        const QString api = TokenService::newOpaqueToken(u"skapi_"_s);
        QVERIFY(api.startsWith(u"skapi_"_s));
        QCOMPARE(api.size(), 6 + 43);

        const QByteArray hash = TokenService::hashOpaqueToken(api);
        QCOMPARE(hash.size(), 32);
        QCOMPARE(TokenService::hashOpaqueToken(api), hash);
        QVERIFY(TokenService::hashOpaqueToken(api + u'x') != hash);
        QVERIFY(!hash.contains(api.toLatin1()));
    }
};

QTEST_GUILESS_MAIN(tst_TokenService)
#include "tst_tokenservice.moc"
