#pragma once

#include "auth/secretstore.h"
#include "net/httpclient.h"
#include "util/clock.h"
#include "util/result.h"

#include <QList>
#include <QMutex>
#include <QString>

#include <optional>

namespace sk {

struct ShopMembership
{
    QString id;
    QString name;
    QString role;     // owner, staff, warehouse
    QString currency;
    QString timeZone;
    QString locale;
};

// Who is signed in where. Nothing secret: this may be saved in the profile.
struct SessionInfo
{
    QString serverUrl;   // e.g. http://127.0.0.1:8080 (no trailing slash)
    QString userId;      // empty in API-token mode
    QString email;
    QString name;
    QList<ShopMembership> shops;
    bool apiTokenMode = false;
};

// Sign-in state against one server: login, single-flight refresh and logout.
//
// Tokens live only in the SecretStore (one entry per server and user: a small JSON object with
// access_token, refresh_token and access_expires_at); the access token is also held in memory.
// The non-secret SessionInfo is saved by the caller (see Profile) so a restart can resume the
// session by reading the keychain. In API-token mode (STOREKEEP_TOKEN, an `skapi_…` token) there
// is no refresh and nothing is written to the keychain.
// Thread-safe: push and pull may run on different threads and both call refreshAfter401().
// It owns its own HttpClient, used only under m_refreshMutex.
class AuthSession
{
public:
    explicit AuthSession(SecretStore &secrets, const HttpClient::Options &httpOptions = {},
                         const Clock &clock = Clock::system());

    // POST /v1/auth/login; stores the tokens; returns who signed in and their shops.
    // Errors: "auth.invalid_credentials", "rate_limited" (message says when to retry),
    // "secret.unavailable" (then nothing is kept: stays signed out), "net.*".
    Result<SessionInfo> login(const QString &serverUrl, const QString &email, const QString &password);

    // Resumes a saved session: reads the tokens from the keychain. "auth.signed_out" when the
    // keychain has no entry for (server, user).
    Result<void> resume(const SessionInfo &info);

    // API-token mode: no keychain, no refresh, and no request: the server never tells an API
    // token which shop it is for (see fetchShop). "auth.invalid_token" unless it is `skapi_…`.
    Result<SessionInfo> useApiToken(const QString &serverUrl, const QString &token);

    // GET /v1/me with the current token: refreshes the shop list. In API-token mode it fails
    // with "forbidden.api_token" without asking the server (API tokens cannot use /v1/me).
    Result<SessionInfo> fetchMe();

    // GET /v1/shops/{shopId}: the shop's name, currency, time zone and locale. The server
    // never tells an API token which shop it belongs to, so in API-token mode the caller names
    // the shop (--shop ID) and this checks it: "not_found.shop" when the token is of another
    // shop. On success the shop is added to info().shops (role empty in API-token mode, as the
    // server does not tell it). The role is taken from info().shops when known.
    Result<ShopMembership> fetchShop(const QString &shopId);

    // The access token to send (may be expired; the server's 401 drives the refresh).
    QString accessToken() const;

    // Called after a 401 on a request sent with `rejectedToken`. Single-flight: when another
    // thread already refreshed since that token was handed out, returns at once without a
    // second refresh. Errors: "auth.signed_out" when the refresh token is invalid, reused or
    // revoked (the tokens are removed from the keychain; the caller keeps the outbox), or when
    // an API token is refused. "net.*" (and 429/5xx answers): still signed in, retry later.
    // The new pair is in the keychain before the new access token is handed out.
    Result<void> refreshAfter401(const QString &rejectedToken);

    // POST /v1/auth/logout (best effort when offline) and removes the keychain entry.
    Result<void> logout();

    bool isSignedIn() const;
    SessionInfo info() const;
    // How many refreshes reached the server since construction (tests check single-flight).
    int refreshCount() const;

    static QString secretKey(const QString &serverUrl, const QString &userId);
    // The API token in STOREKEEP_TOKEN (trimmed), or nullopt when unset or empty.
    static std::optional<QString> tokenFromEnvironment();
    // "http://host:8080/" -> "http://host:8080": the form used in keys and SessionInfo.
    static QString normalizedServerUrl(const QString &serverUrl);

private:
    // Sends `request` with the current access token; after a 401, refreshes (single-flight)
    // and sends it once more with the new token.
    Result<HttpResponse> sendAuthorized(HttpRequest request);
    void clearLocked(); // forgets the tokens and signs out; caller holds m_mutex

    SecretStore &m_secrets;
    HttpClient m_http;
    const Clock &m_clock;
    mutable QMutex m_mutex;
    QMutex m_refreshMutex;
    SessionInfo m_info;
    QString m_accessToken;
    QString m_refreshToken;
    qint64 m_accessExpiresAt = 0;
    int m_refreshCount = 0;
    bool m_signedIn = false;
};

} // namespace sk
