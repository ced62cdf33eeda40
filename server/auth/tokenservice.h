#pragma once

#include "util/result.h"

#include <QByteArray>
#include <QString>

#include <memory>

namespace sk::server {

struct AccessClaims
{
    QString userId;
    QString tokenId; // jti
    qint64 issuedAt = 0;
    qint64 expiresAt = 0;
};

// Signs and checks access tokens, and makes and hashes opaque tokens.
// An access token is base64url(JSON claims) "." base64url(HMAC-SHA256(key, claims)); the 32-byte
// key lives in DATA/token.key (mode 0600), created on first use. Opaque tokens (refresh, API)
// are 32 random bytes, base64url, and are stored only as their SHA-256.
// Access tokens live accessTokenTtlMs(): AccessTokenTtlMs unless `serve --access-token-ttl-seconds`
// asks for less (tests make tokens expire mid-batch); a token claiming more never verifies.
class TokenService
{
public:
    static constexpr qint64 AccessTokenTtlMs = 15 * 60 * 1000; // the default and the maximum

    // accessTokenTtlMs: from 1000 to AccessTokenTtlMs (server.bad_access_token_ttl otherwise).
    static Result<std::unique_ptr<TokenService>> open(const QString &dataDir,
                                                      qint64 accessTokenTtlMs = AccessTokenTtlMs);

    qint64 accessTokenTtlMs() const { return m_accessTokenTtlMs; }

    QString issueAccessToken(const QString &userId, qint64 nowMs) const;
    // Errors: auth.invalid_token (bad shape or signature), auth.token_expired.
    Result<AccessClaims> verifyAccessToken(const QString &token, qint64 nowMs) const;

    static QString newOpaqueToken(const QString &prefix = {});
    static QByteArray hashOpaqueToken(const QString &token);

private:
    TokenService(QByteArray key, qint64 accessTokenTtlMs)
        : m_key(std::move(key)), m_accessTokenTtlMs(accessTokenTtlMs)
    {
    }
    QByteArray m_key;
    qint64 m_accessTokenTtlMs = AccessTokenTtlMs;
};

} // namespace sk::server
