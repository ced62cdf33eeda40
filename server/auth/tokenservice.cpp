#include "tokenservice.h"

#include "util/uuidv7.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

using namespace Qt::StringLiterals;

namespace sk::server {

namespace {

constexpr qsizetype KeyBytes = 32;
constexpr qsizetype OpaqueBytes = 32;
constexpr qsizetype MaxTokenLength = 2048;
const QFileDevice::Permissions OwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

QString tr(const char *text)
{
    return QCoreApplication::translate("sk::server::TokenService", text);
}

QByteArray base64url(const QByteArray &bytes)
{
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

// Strict: only the canonical unpadded base64url text of the bytes decodes.
std::optional<QByteArray> fromBase64url(const QByteArray &text)
{
    auto decoded = QByteArray::fromBase64Encoding(text, QByteArray::Base64UrlEncoding
                                                            | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || base64url(*decoded) != text)
        return std::nullopt;
    return *decoded;
}

QByteArray randomBytes(qsizetype count)
{
    QByteArray bytes(count, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char *>(bytes.data()), int(count)) != 1)
        qFatal("TokenService: the OpenSSL random generator failed");
    return bytes;
}

QByteArray hmacSha256(const QByteArray &key, const QByteArray &data)
{
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (!HMAC(EVP_sha256(), key.constData(), int(key.size()), reinterpret_cast<const unsigned char *>(data.constData()),
              size_t(data.size()), out, &length))
        qFatal("TokenService: HMAC-SHA256 failed");
    return QByteArray(reinterpret_cast<const char *>(out), qsizetype(length));
}

Error invalidToken()
{
    return makeError(u"auth.invalid_token"_s, tr("The access token is not valid; sign in again."));
}

Result<QByteArray> readKey(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(u"token_key.unreadable"_s, tr("Cannot read the token key %1: %2.").arg(path, file.errorString()));
    const QByteArray key = file.readAll();
    if (key.size() != KeyBytes) {
        return makeError(u"token_key.invalid"_s,
                         tr("The token key %1 must hold exactly %2 bytes but holds %3; delete it to make a new one "
                            "(every signed-in user must then sign in again).")
                             .arg(path)
                             .arg(KeyBytes)
                             .arg(key.size()));
    }
    // A key readable by others is tightened, not refused: the server owns its data dir.
    const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup
                                            | QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther;
    if (file.permissions() & others)
        file.setPermissions(OwnerOnly);
    return key;
}

} // namespace

Result<std::unique_ptr<TokenService>> TokenService::open(const QString &dataDir, qint64 accessTokenTtlMs)
{
    if (accessTokenTtlMs < 1000 || accessTokenTtlMs > AccessTokenTtlMs) {
        return makeError(u"server.bad_access_token_ttl"_s, tr("The access token lifetime must be from 1 to %1 seconds.")
                                                     .arg(AccessTokenTtlMs / 1000));
    }
    if (!QDir().mkpath(dataDir))
        return makeError(u"token_key.unwritable"_s, tr("Cannot create the data directory %1.").arg(dataDir));
    const QString path = QDir(dataDir).filePath(u"token.key"_s);
    if (!QFileInfo::exists(path)) {
        QFile file(path);
        // NewOnly + permissions: the file is born 0600, and a concurrent creator cannot be overwritten.
        if (file.open(QIODevice::WriteOnly | QIODevice::NewOnly, OwnerOnly)) {
            const QByteArray key = randomBytes(KeyBytes);
            if (file.write(key) != key.size() || !file.flush()) {
                file.close();
                file.remove();
                return makeError(u"token_key.unwritable"_s,
                                 tr("Cannot write the token key %1: %2.").arg(path, file.errorString()));
            }
            file.close();
        } else if (!QFileInfo::exists(path)) {
            return makeError(u"token_key.unwritable"_s,
                             tr("Cannot create the token key %1: %2.").arg(path, file.errorString()));
        }
    }
    SK_TRY_ASSIGN(key, readKey(path));
    return std::unique_ptr<TokenService>(new TokenService(std::move(key), accessTokenTtlMs));
}

QString TokenService::issueAccessToken(const QString &userId, qint64 nowMs) const
{
    const QJsonObject claims{{u"typ"_s, u"access"_s},
                             {u"sub"_s, userId},
                             {u"iat"_s, nowMs},
                             {u"exp"_s, nowMs + m_accessTokenTtlMs},
                             {u"jti"_s, UuidV7::toText(UuidV7::create())}};
    const QByteArray payload = base64url(QJsonDocument(claims).toJson(QJsonDocument::Compact));
    return QString::fromLatin1(payload + '.' + base64url(hmacSha256(m_key, payload)));
}

Result<AccessClaims> TokenService::verifyAccessToken(const QString &token, qint64 nowMs) const
{
    if (token.isEmpty() || token.size() > MaxTokenLength)
        return invalidToken();
    const QByteArray text = token.toLatin1();
    const QList<QByteArray> parts = text.split('.');
    if (parts.size() != 2 || parts.at(0).isEmpty())
        return invalidToken();
    const auto signature = fromBase64url(parts.at(1));
    const QByteArray expected = hmacSha256(m_key, parts.at(0));
    if (!signature || signature->size() != expected.size()
        || CRYPTO_memcmp(signature->constData(), expected.constData(), size_t(expected.size())) != 0)
        return invalidToken();

    // Signed by us: the payload is ours, but check its shape anyway.
    const auto payload = fromBase64url(parts.at(0));
    if (!payload)
        return invalidToken();
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(*payload, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return invalidToken();
    const QJsonObject claims = document.object();
    const QJsonValue iat = claims.value(u"iat");
    const QJsonValue exp = claims.value(u"exp");
    AccessClaims result;
    result.userId = claims.value(u"sub").toString();
    result.tokenId = claims.value(u"jti").toString();
    result.issuedAt = iat.toInteger(-1);
    result.expiresAt = exp.toInteger(-1);
    if (claims.value(u"typ").toString() != u"access" || result.userId.isEmpty() || !iat.isDouble()
        || !exp.isDouble() || result.issuedAt < 0 || result.expiresAt <= result.issuedAt
        || result.expiresAt - result.issuedAt > AccessTokenTtlMs)
        return invalidToken();
    if (nowMs >= result.expiresAt)
        return makeError(u"auth.token_expired"_s, tr("The access token has expired; refresh it."));
    return result;
}

QString TokenService::newOpaqueToken(const QString &prefix)
{
    return prefix + QString::fromLatin1(base64url(randomBytes(OpaqueBytes)));
}

QByteArray TokenService::hashOpaqueToken(const QString &token)
{
    return QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256);
}

} // namespace sk::server
