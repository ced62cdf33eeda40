#include "auth/authsession.h"

#include "synclogging.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutexLocker>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace sk {

namespace {

constexpr QLatin1StringView ApiTokenPrefix("skapi_");

// What the keychain entry holds.
struct Tokens
{
    QString access;
    QString refresh;
    qint64 accessExpiresAt = 0;
};

QByteArray tokensToJson(const Tokens &tokens)
{
    return QJsonDocument(QJsonObject{{u"access_token"_s, tokens.access},
                                     {u"refresh_token"_s, tokens.refresh},
                                     {u"access_expires_at"_s, tokens.accessExpiresAt}})
        .toJson(QJsonDocument::Compact);
}

std::optional<Tokens> tokensFromJson(const QByteArray &json)
{
    const QJsonObject object = QJsonDocument::fromJson(json).object();
    Tokens tokens;
    tokens.access = object.value(u"access_token").toString();
    tokens.refresh = object.value(u"refresh_token").toString();
    tokens.accessExpiresAt = object.value(u"access_expires_at").toInteger();
    if (tokens.access.isEmpty() || tokens.refresh.isEmpty())
        return std::nullopt;
    return tokens;
}

Error badResponse(const HttpResponse &response, const QString &what)
{
    return makeError(u"server.bad_response"_s,
                     QCoreApplication::translate("sk::AuthSession", "The server's answer to %1 could not be understood; is this a Storekeep server?").arg(what),
                     u"HTTP %1, request %2"_s.arg(response.status).arg(QString::fromLatin1(response.requestId)));
}

// Any answer we have no better word for: the server's own code and message when it sent one.
Error unexpectedAnswer(const HttpResponse &response, const QString &what)
{
    const QString code = response.errorCode();
    const QString message = response.errorMessage();
    return makeError(code.isEmpty() ? u"server.unexpected_status"_s : code,
                     message.isEmpty() ? QCoreApplication::translate("sk::AuthSession", "The server answered HTTP %1 to %2.").arg(response.status).arg(what)
                                       : message,
                     u"HTTP %1, request %2"_s.arg(response.status).arg(QString::fromLatin1(response.requestId)));
}

Error signedOut(const QString &message, const QString &detail = {})
{
    return makeError(u"auth.signed_out"_s, message, detail);
}

Result<QJsonObject> jsonBody(const HttpResponse &response, const QString &what)
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(response.body, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return badResponse(response, what);
    return document.object();
}

QList<ShopMembership> shopsFromJson(const QJsonArray &array)
{
    QList<ShopMembership> shops;
    shops.reserve(array.size());
    for (const QJsonValue &value : array) {
        const QJsonObject shop = value.toObject();
        shops.append(ShopMembership{shop.value(u"id").toString(), shop.value(u"name").toString(),
                                    shop.value(u"role").toString(), shop.value(u"currency").toString(),
                                    shop.value(u"time_zone").toString(), shop.value(u"locale").toString()});
    }
    return shops;
}

// {user:{id,email,name}, shops:[...]} of a Session or of Me.
Result<SessionInfo> infoFromJson(const QJsonObject &object, const QString &serverUrl, const HttpResponse &response,
                                 const QString &what)
{
    const QJsonObject user = object.value(u"user").toObject();
    SessionInfo info;
    info.serverUrl = serverUrl;
    info.userId = user.value(u"id").toString();
    info.email = user.value(u"email").toString();
    info.name = user.value(u"name").toString();
    info.shops = shopsFromJson(object.value(u"shops").toArray());
    if (info.userId.isEmpty())
        return badResponse(response, what);
    return info;
}

struct ParsedSession
{
    SessionInfo info;
    Tokens tokens;
};

Result<ParsedSession> sessionFromResponse(const HttpResponse &response, const QString &serverUrl, qint64 nowMs,
                                          const QString &what)
{
    SK_TRY_ASSIGN(object, jsonBody(response, what));
    SK_TRY_ASSIGN(info, infoFromJson(object, serverUrl, response, what));
    ParsedSession session{std::move(info), {}};
    session.tokens.access = object.value(u"access_token").toString();
    session.tokens.refresh = object.value(u"refresh_token").toString();
    const qint64 expiresIn = object.value(u"expires_in").toInteger();
    session.tokens.accessExpiresAt = nowMs + expiresIn * 1000;
    if (session.tokens.access.isEmpty() || session.tokens.refresh.isEmpty() || expiresIn <= 0)
        return badResponse(response, what);
    return session;
}

HttpRequest postJson(const QString &url, const QJsonObject &body)
{
    HttpRequest request;
    request.method = "POST";
    request.url = url;
    request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return request;
}

} // namespace

AuthSession::AuthSession(SecretStore &secrets, const HttpClient::Options &httpOptions, const Clock &clock)
    : m_secrets(secrets), m_http(httpOptions), m_clock(clock)
{
}

QString AuthSession::normalizedServerUrl(const QString &serverUrl)
{
    QString url = serverUrl.trimmed();
    while (url.endsWith(u'/'))
        url.chop(1);
    return url;
}

QString AuthSession::secretKey(const QString &serverUrl, const QString &userId)
{
    return normalizedServerUrl(serverUrl) + u'|' + userId;
}

std::optional<QString> AuthSession::tokenFromEnvironment()
{
    const QString token = qEnvironmentVariable("STOREKEEP_TOKEN").trimmed();
    if (token.isEmpty())
        return std::nullopt;
    return token;
}

Result<SessionInfo> AuthSession::login(const QString &serverUrl, const QString &email, const QString &password)
{
    const QString server = normalizedServerUrl(serverUrl);
    QMutexLocker refreshLock(&m_refreshMutex);

    // Before the server opens a session we could not keep: tokens never go anywhere else.
    SK_TRY(m_secrets.checkAvailable());

    const QString what = QCoreApplication::translate("sk::AuthSession", "the sign-in");
    SK_TRY_ASSIGN(response,
                  m_http.send(postJson(server + u"/v1/auth/login"_s,
                                       {{u"email"_s, email.trimmed()}, {u"password"_s, password}})));
    if (response.status == 401 && response.errorCode() == u"auth.invalid_credentials")
        return makeError(u"auth.invalid_credentials"_s, QCoreApplication::translate("sk::AuthSession", "The e-mail address or password is wrong."));
    if (response.status == 429) {
        const qint64 waitMs = response.retryAfterMs();
        if (waitMs < 0)
            return makeError(u"rate_limited"_s, QCoreApplication::translate("sk::AuthSession", "Too many failed sign-ins; wait a while, then try again."));
        const int seconds = int(qMax<qint64>(1, (waitMs + 999) / 1000));
        return makeError(u"rate_limited"_s, QCoreApplication::translate("sk::AuthSession", "Too many failed sign-ins; try again in %n second(s).", nullptr, seconds));
    }
    if (response.status != 200)
        return unexpectedAnswer(response, what);
    SK_TRY_ASSIGN(session, sessionFromResponse(response, server, m_clock.nowMs(), what));

    const QString key = secretKey(server, session.info.userId);
    if (const Result<void> saved = m_secrets.write(key, tokensToJson(session.tokens)); !saved.ok()) {
        // Kept nowhere, so end it on the server too rather than leave a live token behind.
        const auto revoked = m_http.send(
            postJson(server + u"/v1/auth/logout"_s, {{u"refresh_token"_s, session.tokens.refresh}}));
        if (!revoked.ok())
            qCWarning(lcSyncAuth).noquote() << "could not end the unsaved session:" << revoked.error().message;
        return saved.error();
    }

    QMutexLocker lock(&m_mutex);
    m_info = session.info;
    m_accessToken = session.tokens.access;
    m_refreshToken = session.tokens.refresh;
    m_accessExpiresAt = session.tokens.accessExpiresAt;
    m_signedIn = true;
    qCInfo(lcSyncAuth).noquote() << "signed in as user" << m_info.userId << "at" << server;
    return m_info;
}

Result<void> AuthSession::resume(const SessionInfo &info)
{
    if (info.apiTokenMode) {
        return signedOut(QCoreApplication::translate("sk::AuthSession", "A session with an API token is never saved; give the token again "
                            "(STOREKEEP_TOKEN)."));
    }
    SessionInfo resumed = info;
    resumed.serverUrl = normalizedServerUrl(info.serverUrl);
    if (resumed.serverUrl.isEmpty() || resumed.userId.isEmpty())
        return signedOut(QCoreApplication::translate("sk::AuthSession", "No saved sign-in; sign in again."));

    QMutexLocker refreshLock(&m_refreshMutex);
    const QString key = secretKey(resumed.serverUrl, resumed.userId);
    const Result<QByteArray> secret = m_secrets.read(key);
    if (!secret.ok()) {
        if (secret.error().code == u"secret.not_found") {
            return signedOut(QCoreApplication::translate("sk::AuthSession", "The keychain holds no sign-in for %1 at %2; sign in again.")
                                 .arg(resumed.email.isEmpty() ? resumed.userId : resumed.email, resumed.serverUrl));
        }
        return secret.error();
    }
    const std::optional<Tokens> tokens = tokensFromJson(*secret);
    if (!tokens) {
        if (const auto removed = m_secrets.remove(key); !removed.ok())
            qCWarning(lcSyncAuth).noquote() << "could not remove a damaged keychain entry:" << removed.error().message;
        return signedOut(QCoreApplication::translate("sk::AuthSession", "The saved sign-in in the keychain is damaged; sign in again."));
    }

    QMutexLocker lock(&m_mutex);
    m_info = resumed;
    m_accessToken = tokens->access;
    m_refreshToken = tokens->refresh;
    m_accessExpiresAt = tokens->accessExpiresAt;
    m_signedIn = true;
    return {};
}

Result<SessionInfo> AuthSession::useApiToken(const QString &serverUrl, const QString &token)
{
    const QString trimmed = token.trimmed();
    if (!trimmed.startsWith(ApiTokenPrefix) || trimmed.size() <= ApiTokenPrefix.size()) {
        return makeError(u"auth.invalid_token"_s,
                         QCoreApplication::translate("sk::AuthSession", "This is not an API token: they start with \"skapi_\" and are made by a shop owner "
                            "(Settings, API tokens)."));
    }
    SessionInfo info;
    info.serverUrl = normalizedServerUrl(serverUrl);
    info.apiTokenMode = true;

    QMutexLocker refreshLock(&m_refreshMutex);
    QMutexLocker lock(&m_mutex);
    m_info = info;
    m_accessToken = trimmed;
    m_refreshToken.clear();
    m_accessExpiresAt = 0;
    m_signedIn = true;
    return info;
}

Result<HttpResponse> AuthSession::sendAuthorized(HttpRequest request)
{
    for (int attempt = 0;; ++attempt) {
        {
            QMutexLocker lock(&m_mutex);
            if (!m_signedIn)
                return signedOut(QCoreApplication::translate("sk::AuthSession", "Not signed in; sign in first."));
            request.bearer = m_accessToken;
        }
        Result<HttpResponse> response = [&] {
            QMutexLocker refreshLock(&m_refreshMutex);
            return m_http.send(request);
        }();
        if (!response.ok() || response->status != 401 || attempt > 0)
            return response;
        SK_TRY(refreshAfter401(request.bearer));
    }
}

Result<SessionInfo> AuthSession::fetchMe()
{
    {
        QMutexLocker lock(&m_mutex);
        if (m_signedIn && m_info.apiTokenMode) {
            return makeError(u"forbidden.api_token"_s,
                             QCoreApplication::translate("sk::AuthSession", "An API token belongs to one shop, not to a user: name the shop (--shop ID)."));
        }
    }
    HttpRequest request;
    request.method = "GET";
    request.url = info().serverUrl + u"/v1/me"_s;
    const QString what = QCoreApplication::translate("sk::AuthSession", "the request for your shops");
    SK_TRY_ASSIGN(response, sendAuthorized(request));
    if (response.status != 200)
        return unexpectedAnswer(response, what);
    SK_TRY_ASSIGN(object, jsonBody(response, what));
    SK_TRY_ASSIGN(me, infoFromJson(object, info().serverUrl, response, what));

    QMutexLocker lock(&m_mutex);
    if (m_signedIn && m_info.userId == me.userId) {
        m_info.email = me.email;
        m_info.name = me.name;
        m_info.shops = me.shops;
    }
    return m_info;
}

Result<ShopMembership> AuthSession::fetchShop(const QString &shopId)
{
    HttpRequest request;
    request.method = "GET";
    request.url = info().serverUrl + u"/v1/shops/"_s + QString::fromLatin1(QUrl::toPercentEncoding(shopId));
    const QString what = QCoreApplication::translate("sk::AuthSession", "the request for the shop");
    SK_TRY_ASSIGN(response, sendAuthorized(request));
    if (response.status == 404) {
        return makeError(u"not_found.shop"_s,
                         QCoreApplication::translate("sk::AuthSession", "There is no shop %1 on this server that you (or this API token) may use.").arg(shopId));
    }
    if (response.status != 200)
        return unexpectedAnswer(response, what);
    SK_TRY_ASSIGN(object, jsonBody(response, what));
    ShopMembership shop{object.value(u"shop_id").toString(), object.value(u"name").toString(), {},
                        object.value(u"currency").toString(), object.value(u"time_zone").toString(),
                        object.value(u"locale").toString()};
    if (shop.id.isEmpty())
        return badResponse(response, what);

    QMutexLocker lock(&m_mutex);
    for (ShopMembership &known : m_info.shops) {
        if (known.id == shop.id) {
            shop.role = known.role;
            known = shop;
            return shop;
        }
    }
    if (m_signedIn)
        m_info.shops.append(shop);
    return shop;
}

QString AuthSession::accessToken() const
{
    QMutexLocker lock(&m_mutex);
    return m_accessToken;
}

Result<void> AuthSession::refreshAfter401(const QString &rejectedToken)
{
    QMutexLocker refreshLock(&m_refreshMutex);
    SessionInfo info;
    QString refreshToken;
    {
        QMutexLocker lock(&m_mutex);
        if (!m_signedIn)
            return signedOut(QCoreApplication::translate("sk::AuthSession", "Not signed in; sign in again."));
        if (m_accessToken != rejectedToken)
            return {}; // another thread refreshed since that token was handed out
        if (m_info.apiTokenMode) {
            clearLocked();
            return signedOut(QCoreApplication::translate("sk::AuthSession", "The server refused the API token (revoked or not valid); give a valid token "
                                "(STOREKEEP_TOKEN)."));
        }
        info = m_info;
        refreshToken = m_refreshToken;
    }

    const QString what = QCoreApplication::translate("sk::AuthSession", "the session refresh");
    const QString key = secretKey(info.serverUrl, info.userId);
    // A transport error leaves the outcome unknown: stay signed in and let the caller retry.
    SK_TRY_ASSIGN(response,
                  m_http.send(postJson(info.serverUrl + u"/v1/auth/refresh"_s, {{u"refresh_token"_s, refreshToken}})));
    {
        QMutexLocker lock(&m_mutex);
        ++m_refreshCount;
    }

    if (response.status == 400 || response.status == 401) {
        // The refresh token is invalid, reused or revoked: this sign-in is over.
        const QString code = response.errorCode();
        qCInfo(lcSyncAuth).noquote() << "refresh refused:" << code << "- signing out user" << info.userId;
        if (const auto removed = m_secrets.remove(key); !removed.ok())
            qCWarning(lcSyncAuth).noquote() << "could not remove the keychain entry:" << removed.error().message;
        {
            QMutexLocker lock(&m_mutex);
            clearLocked();
        }
        if (code == u"auth.refresh_reused") {
            return signedOut(QCoreApplication::translate("sk::AuthSession", "Your sign-in was ended by the server because its refresh token was used twice "
                                "(a copy of it may exist elsewhere); sign in again. Unsent changes are kept."),
                             code);
        }
        return signedOut(QCoreApplication::translate("sk::AuthSession", "Your sign-in has ended (signed out elsewhere, expired or revoked); sign in again. "
                            "Unsent changes are kept."),
                         code);
    }
    if (response.status != 200)
        return unexpectedAnswer(response, what); // 429, 5xx: try again later, still signed in
    SK_TRY_ASSIGN(session, sessionFromResponse(response, info.serverUrl, m_clock.nowMs(), what));

    // The old refresh token is used up now. Save the new pair before anyone uses the new
    // access token, so a crash from here on leaves a usable refresh token in the keychain.
    if (const auto saved = m_secrets.write(key, tokensToJson(session.tokens)); !saved.ok()) {
        // Keep working in memory; drop the used token so a later start cannot replay it
        // (a replay would revoke this very session on the server).
        qCWarning(lcSyncAuth).noquote() << "could not save the refreshed tokens:" << saved.error().message;
        if (const auto removed = m_secrets.remove(key); !removed.ok())
            qCWarning(lcSyncAuth).noquote() << "could not remove the used tokens:" << removed.error().message;
    }

    QMutexLocker lock(&m_mutex);
    m_accessToken = session.tokens.access;
    m_refreshToken = session.tokens.refresh;
    m_accessExpiresAt = session.tokens.accessExpiresAt;
    if (session.info.userId == m_info.userId) {
        m_info.email = session.info.email;
        m_info.name = session.info.name;
        m_info.shops = session.info.shops;
    }
    qCDebug(lcSyncAuth) << "session refreshed";
    return {};
}

Result<void> AuthSession::logout()
{
    QMutexLocker refreshLock(&m_refreshMutex);
    SessionInfo info;
    QString refreshToken;
    {
        QMutexLocker lock(&m_mutex);
        if (!m_signedIn)
            return {};
        info = m_info;
        refreshToken = m_refreshToken;
        clearLocked();
    }
    if (info.apiTokenMode)
        return {}; // nothing was stored, nothing to revoke

    if (!refreshToken.isEmpty()) {
        // Best effort: offline, the server session simply runs out.
        const auto response =
            m_http.send(postJson(info.serverUrl + u"/v1/auth/logout"_s, {{u"refresh_token"_s, refreshToken}}));
        if (!response.ok())
            qCInfo(lcSyncAuth).noquote() << "signed out offline:" << response.error().message;
        else if (response->status != 204)
            qCWarning(lcSyncAuth).noquote() << "the server answered" << response->status << "to the sign-out";
    }
    return m_secrets.remove(secretKey(info.serverUrl, info.userId));
}

void AuthSession::clearLocked()
{
    m_accessToken.clear();
    m_refreshToken.clear();
    m_accessExpiresAt = 0;
    m_signedIn = false;
}

bool AuthSession::isSignedIn() const
{
    QMutexLocker lock(&m_mutex);
    return m_signedIn;
}

SessionInfo AuthSession::info() const
{
    QMutexLocker lock(&m_mutex);
    return m_info;
}

int AuthSession::refreshCount() const
{
    QMutexLocker lock(&m_mutex);
    return m_refreshCount;
}

} // namespace sk
