#pragma once

#include "http/router.h"
#include "util/clock.h"
#include "util/result.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

namespace sk::server {

class Authenticator;
class LoginRateLimiter;
class ServerStorage;
class TokenService;
struct Principal;
struct UserRecord;

// Sign-in without a shop in the path: POST /v1/auth/login, /v1/auth/refresh, /v1/auth/logout
// and GET /v1/me. A Session is {access_token, token_type "Bearer", expires_in (s),
// refresh_token, user:{id, email, name}, shops:[{id, name, role, currency, time_zone, locale}]}.
// Refresh tokens are opaque, stored as their SHA-256, valid RefreshTokenTtlMs and rotate: each
// refresh uses up the presented token and issues the next one of the same family. Presenting a
// used token again is taken as theft: the whole family is revoked (auth.refresh_reused), so
// whoever holds the newest token is signed out too. Logout revokes the family and is idempotent.
// Unknown e-mail and wrong password give the same 401 after the same amount of work.
class AuthApi
{
    Q_DECLARE_TR_FUNCTIONS(AuthApi)

public:
    static constexpr qint64 RefreshTokenTtlMs = 30LL * 24 * 60 * 60 * 1000;
    static constexpr qsizetype MaxEmailLength = 254;
    static constexpr qsizetype MaxPasswordLength = 1024;
    static constexpr qsizetype MaxTokenLength = 512;

    AuthApi(ServerStorage &storage, const TokenService &tokens, const Authenticator &authenticator,
            LoginRateLimiter &limiter, const Clock &clock);

    void registerRoutes(Router &router);

    // {id, email, name}
    static QJsonObject userJson(const UserRecord &user);
    // The user's shops, by name: [{id, name, role, currency, time_zone, locale}].
    static Result<QJsonArray> shopsOf(ServerStorage &storage, const QString &userId);

private:
    HttpResponse login(const HttpRequest &request);
    HttpResponse refresh(const HttpRequest &request);
    HttpResponse logout(const HttpRequest &request);
    HttpResponse me(const Principal &principal);
    // Inside a write transaction: a new refresh token of the family and the Session around it.
    Result<QJsonObject> issueSession(const UserRecord &user, const QString &familyId, qint64 now);

    ServerStorage &m_storage;
    const TokenService &m_tokens;
    const Authenticator &m_authenticator;
    LoginRateLimiter &m_limiter;
    const Clock &m_clock;
};

} // namespace sk::server
