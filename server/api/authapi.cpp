#include "authapi.h"

#include "api/authenticator.h"
#include "auth/loginratelimiter.h"
#include "auth/passwordhasher.h"
#include "auth/tokenservice.h"
#include "domain/jsonreader.h"
#include "domain/recordjson.h"
#include "http/requestlog.h"
#include "storage/serverstorage.h"
#include "util/uuidv7.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace sk::server {

namespace {

// Verified against when the e-mail is unknown, so that an unknown account costs the same
// PBKDF2 work as a wrong password (no user enumeration by timing). Its password is unknowable.
constexpr QLatin1StringView DummyHash(
    "pbkdf2-sha256$600000$K5ozHdXru76kUaR7JwQv1Q==$8t9vqrLehbA/JM0sqY+d6xCcVke+aIvuPVDAWUDK+Po=");

HttpResponse internalError(const Error &error)
{
    return HttpResponse::fromError(makeError(u"internal"_s, error.message, error.detail));
}

// The raw password: a JSON string, neither trimmed nor echoed back in any message.
Result<QString> passwordOf(const QJsonObject &body)
{
    const QJsonValue value = body.value(u"password");
    if (value.isUndefined() || value.isNull() || (value.isString() && value.toString().isEmpty()))
        return makeError(u"validation.missing_field"_s,
                         QCoreApplication::translate("AuthApi", "The password is missing."), u"password"_s);
    if (!value.isString() || value.toString().size() > AuthApi::MaxPasswordLength)
        return makeError(u"validation.invalid_field"_s,
                         QCoreApplication::translate("AuthApi", "The password must be a string of at most %1 characters.")
                             .arg(AuthApi::MaxPasswordLength),
                         u"password"_s);
    return value.toString();
}

} // namespace

AuthApi::AuthApi(ServerStorage &storage, const TokenService &tokens, const Authenticator &authenticator,
                 LoginRateLimiter &limiter, const Clock &clock)
    : m_storage(storage), m_tokens(tokens), m_authenticator(authenticator), m_limiter(limiter), m_clock(clock)
{
}

void AuthApi::registerRoutes(Router &router)
{
    router.add("POST", u"/v1/auth/login"_s, [this](const HttpRequest &request, const RouteParams &) {
        return login(request);
    });
    router.add("POST", u"/v1/auth/refresh"_s, [this](const HttpRequest &request, const RouteParams &) {
        return refresh(request);
    });
    router.add("POST", u"/v1/auth/logout"_s, [this](const HttpRequest &request, const RouteParams &) {
        return logout(request);
    });
    m_authenticator.addUserRoute(router, "GET", u"/v1/me"_s,
                                 [this](const HttpRequest &, const RouteParams &, const Principal &principal) {
                                     return me(principal);
                                 });
}

QJsonObject AuthApi::userJson(const UserRecord &user)
{
    return {{u"id"_s, user.id}, {u"email"_s, user.email}, {u"name"_s, user.name}};
}

Result<QJsonArray> AuthApi::shopsOf(ServerStorage &storage, const QString &userId)
{
    SK_TRY_ASSIGN(memberships, storage.membershipsOfUser(userId));
    QList<std::pair<ShopRecord, Role>> shops;
    for (const MembershipRecord &membership : std::as_const(memberships)) {
        SK_TRY_ASSIGN(shop, storage.shop(membership.shopId));
        if (shop)
            shops.append({*shop, membership.role});
    }
    std::sort(shops.begin(), shops.end(), [](const auto &a, const auto &b) {
        return std::pair(a.first.settings.name, a.first.id) < std::pair(b.first.settings.name, b.first.id);
    });
    QJsonArray items;
    for (const auto &[shop, role] : std::as_const(shops)) {
        items.append(QJsonObject{{u"id"_s, shop.id},
                                 {u"name"_s, shop.settings.name},
                                 {u"role"_s, RolePolicy::toString(role)},
                                 {u"currency"_s, shop.settings.currency},
                                 {u"time_zone"_s, shop.settings.timeZone},
                                 {u"locale"_s, shop.settings.locale}});
    }
    return items;
}

Result<QJsonObject> AuthApi::issueSession(const UserRecord &user, const QString &familyId, qint64 now)
{
    const QString refreshToken = TokenService::newOpaqueToken();
    RefreshTokenRecord record;
    record.id = UuidV7::toText(UuidV7::create());
    record.familyId = familyId;
    record.userId = user.id;
    record.tokenHash = TokenService::hashOpaqueToken(refreshToken);
    record.createdAt = now;
    record.expiresAt = now + RefreshTokenTtlMs;
    SK_TRY(m_storage.insertRefreshToken(record));
    SK_TRY_ASSIGN(shops, shopsOf(m_storage, user.id));
    return QJsonObject{{u"access_token"_s, m_tokens.issueAccessToken(user.id, now)},
                       {u"token_type"_s, u"Bearer"_s},
                       {u"expires_in"_s, m_tokens.accessTokenTtlMs() / 1000},
                       {u"refresh_token"_s, refreshToken},
                       {u"user"_s, userJson(user)},
                       {u"shops"_s, shops}};
}

HttpResponse AuthApi::login(const HttpRequest &request)
{
    const Result<QJsonObject> body = RecordJson::parseObject(request.body);
    if (!body.ok())
        return HttpResponse::fromError(body.error());
    const JsonReader reader(*body);
    const Result<QString> email = reader.requiredString(u"email", MaxEmailLength);
    if (!email.ok())
        return HttpResponse::fromError(email.error());
    const Result<QString> password = passwordOf(*body);
    if (!password.ok())
        return HttpResponse::fromError(password.error());

    if (const auto wait = m_limiter.retryAfterSeconds(*email, request.remoteAddress)) {
        HttpResponse response = HttpResponse::error(
            429, u"rate_limited"_s, tr("Too many failed sign-ins; try again in %n second(s).", nullptr, int(*wait)));
        response.headers.append({QByteArrayLiteral("Retry-After"), QByteArray::number(*wait)});
        return response;
    }

    const Result<std::optional<UserRecord>> user = m_storage.userByEmail(*email);
    if (!user.ok())
        return internalError(user.error());
    bool verified = false;
    if (*user)
        verified = PasswordHasher::verify(*password, (*user)->passwordHash);
    else
        PasswordHasher::verify(*password, DummyHash); // the same work, whatever the result
    if (!verified) {
        m_limiter.recordFailure(*email, request.remoteAddress);
        return HttpResponse::error(401, u"auth.invalid_credentials"_s, tr("The e-mail address or password is wrong."));
    }
    m_limiter.recordSuccess(*email);
    RequestLog::noteCaller((*user)->id);

    const qint64 now = m_clock.nowMs();
    QJsonObject session;
    const Result<void> written = m_storage.write([&]() -> Result<void> {
        SK_TRY_ASSIGN(issued, issueSession(**user, UuidV7::toText(UuidV7::create()), now));
        session = std::move(issued);
        return {};
    });
    if (!written.ok())
        return internalError(written.error());
    return HttpResponse::json(session);
}

HttpResponse AuthApi::refresh(const HttpRequest &request)
{
    const Result<QJsonObject> body = RecordJson::parseObject(request.body);
    if (!body.ok())
        return HttpResponse::fromError(body.error());
    const Result<QString> token = JsonReader(*body).requiredString(u"refresh_token", MaxTokenLength);
    if (!token.ok())
        return HttpResponse::fromError(token.error());

    enum class Outcome { Invalid, Reused, Issued };
    Outcome outcome = Outcome::Invalid;
    QJsonObject session;
    QString userId;
    const qint64 now = m_clock.nowMs();
    const QByteArray hash = TokenService::hashOpaqueToken(*token);
    const Result<void> written = m_storage.write([&]() -> Result<void> {
        SK_TRY_ASSIGN(found, m_storage.refreshTokenByHash(hash));
        if (!found || found->revokedAt || found->expiresAt <= now)
            return {};
        if (found->usedAt) {
            // A used token shows up again: someone else has a copy. Sign the whole family out.
            SK_TRY(m_storage.revokeRefreshFamily(found->familyId, now));
            outcome = Outcome::Reused;
            userId = found->userId;
            return {};
        }
        SK_TRY_ASSIGN(user, m_storage.user(found->userId));
        if (!user)
            return {};
        SK_TRY(m_storage.markRefreshTokenUsed(found->id, now));
        SK_TRY_ASSIGN(issued, issueSession(*user, found->familyId, now));
        session = std::move(issued);
        userId = user->id;
        outcome = Outcome::Issued;
        return {};
    });
    if (!written.ok())
        return internalError(written.error());
    if (!userId.isEmpty())
        RequestLog::noteCaller(userId);
    switch (outcome) {
    case Outcome::Issued:
        return HttpResponse::json(session);
    case Outcome::Reused:
        qCWarning(lcServer).noquote() << "refresh token reused; revoked its family for user" << userId;
        return HttpResponse::error(401, u"auth.refresh_reused"_s,
                                   tr("This refresh token was already used, so every session of its sign-in has been "
                                      "ended; sign in again."));
    case Outcome::Invalid:
        break;
    }
    return HttpResponse::error(401, u"auth.invalid_refresh_token"_s,
                               tr("The refresh token is not valid (unknown, expired or signed out); sign in again."));
}

HttpResponse AuthApi::logout(const HttpRequest &request)
{
    const Result<QJsonObject> body = RecordJson::parseObject(request.body);
    if (!body.ok())
        return HttpResponse::fromError(body.error());
    const Result<QString> token = JsonReader(*body).requiredString(u"refresh_token", MaxTokenLength);
    if (!token.ok())
        return HttpResponse::fromError(token.error());
    const qint64 now = m_clock.nowMs();
    const QByteArray hash = TokenService::hashOpaqueToken(*token);
    const Result<void> written = m_storage.write([&]() -> Result<void> {
        SK_TRY_ASSIGN(found, m_storage.refreshTokenByHash(hash));
        if (found && !found->revokedAt) {
            RequestLog::noteCaller(found->userId);
            SK_TRY(m_storage.revokeRefreshFamily(found->familyId, now));
        }
        return {};
    });
    if (!written.ok())
        return internalError(written.error());
    return HttpResponse::noContent();
}

HttpResponse AuthApi::me(const Principal &principal)
{
    if (principal.isApiToken()) {
        return HttpResponse::error(403, u"forbidden.api_token"_s,
                                   tr("An API token belongs to a shop, not to a user; /v1/me needs a signed-in user."));
    }
    const Result<std::optional<UserRecord>> user = m_storage.user(principal.userId);
    if (!user.ok())
        return internalError(user.error());
    if (!*user)
        return HttpResponse::error(401, u"auth.invalid_token"_s, tr("The access token's user no longer exists."));
    const Result<QJsonArray> shops = shopsOf(m_storage, principal.userId);
    if (!shops.ok())
        return internalError(shops.error());
    return HttpResponse::json(QJsonObject{{u"user"_s, userJson(**user)}, {u"shops"_s, *shops}});
}

} // namespace sk::server
