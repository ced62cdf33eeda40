#include "authenticator.h"

#include "auth/tokenservice.h"
#include "http/requestlog.h"
#include "storage/serverstorage.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace sk::server {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("sk::server::Authenticator", text);
}

constexpr QLatin1StringView ApiTokenPrefix("skapi_");

Error notFoundShop()
{
    return makeError(u"not_found.shop"_s, tr("There is no such shop, or you are not a member of it."));
}

// 401s tell the client how to authenticate.
HttpResponse unauthorized(const Error &error)
{
    HttpResponse response = HttpResponse::fromError(error);
    if (response.status == 401)
        response.headers.append({QByteArrayLiteral("WWW-Authenticate"), QByteArrayLiteral("Bearer")});
    return response;
}

} // namespace

Authenticator::Authenticator(ServerStorage &storage, const TokenService &tokens, const Clock &clock)
    : m_storage(storage), m_tokens(tokens), m_clock(clock)
{
}

Result<Principal> Authenticator::authenticate(const HttpRequest &request) const
{
    const QByteArray header = request.header("authorization").trimmed();
    const qsizetype space = header.indexOf(' ');
    if (header.isEmpty() || space < 0 || header.left(space).compare("Bearer", Qt::CaseInsensitive) != 0
        || header.mid(space + 1).trimmed().isEmpty()) {
        return makeError(u"auth.missing_token"_s,
                         tr("This request needs \"Authorization: Bearer <token>\" with an access or API token."));
    }
    const QString token = QString::fromLatin1(header.mid(space + 1).trimmed());

    if (token.startsWith(ApiTokenPrefix)) {
        SK_TRY_ASSIGN(found, m_storage.apiTokenByHash(TokenService::hashOpaqueToken(token)));
        if (!found)
            return makeError(u"auth.invalid_token"_s, tr("The API token is not valid."));
        if (found->revokedAt)
            return makeError(u"auth.token_revoked"_s, tr("The API token has been revoked."));
        Principal principal;
        principal.apiTokenId = found->id;
        principal.apiTokenShopId = found->shopId;
        principal.apiTokenRole = found->role;
        RequestLog::noteCaller({}, principal.apiTokenId);
        return principal;
    }

    SK_TRY_ASSIGN(claims, m_tokens.verifyAccessToken(token, m_clock.nowMs()));
    SK_TRY_ASSIGN(user, m_storage.user(claims.userId));
    if (!user)
        return makeError(u"auth.invalid_token"_s, tr("The access token's user no longer exists."));
    Principal principal;
    principal.userId = user->id;
    principal.email = user->email;
    RequestLog::noteCaller(principal.userId);
    return principal;
}

Result<ShopContext> Authenticator::authorize(const Principal &principal, const QString &shopId,
                                             Permission permission) const
{
    if (shopId.isEmpty() || shopId.size() > 64)
        return notFoundShop();
    Role role = Role::Warehouse;
    if (principal.isApiToken()) {
        if (principal.apiTokenShopId != shopId || !principal.apiTokenRole)
            return notFoundShop();
        role = *principal.apiTokenRole;
    } else {
        SK_TRY_ASSIGN(membership, m_storage.membership(shopId, principal.userId));
        if (!membership)
            return notFoundShop();
        role = membership->role;
    }
    SK_TRY_ASSIGN(shop, m_storage.shop(shopId));
    if (!shop)
        return notFoundShop();
    if (!RolePolicy::allows(role, permission)) {
        return makeError(u"forbidden.role"_s,
                         tr("The %1 role may not do this (it needs %2).")
                             .arg(RolePolicy::toString(role), RolePolicy::toString(permission)),
                         RolePolicy::toString(permission));
    }
    ShopContext context;
    context.principal = principal;
    context.shopId = shopId;
    context.role = role;
    context.settings = shop->settings;
    context.settings.shopId = shopId;
    return context;
}

void Authenticator::addShopRoute(Router &router, const QByteArray &method, const QString &pattern,
                                 Permission permission, ShopHandler handler) const
{
    Q_ASSERT(pattern.startsWith(u"/v1/shops/{shop_id}"));
    router.add(method, pattern,
               [this, permission, handler = std::move(handler)](const HttpRequest &request,
                                                                const RouteParams &params) -> HttpResponse {
                   const Result<Principal> principal = authenticate(request);
                   if (!principal.ok())
                       return unauthorized(principal.error());
                   const Result<ShopContext> context = authorize(*principal, params.value(u"shop_id"_s), permission);
                   if (!context.ok())
                       return HttpResponse::fromError(context.error());
                   return handler(request, params, *context);
               });
}

void Authenticator::addUserRoute(Router &router, const QByteArray &method, const QString &pattern,
                                 UserHandler handler) const
{
    router.add(method, pattern,
               [this, handler = std::move(handler)](const HttpRequest &request,
                                                    const RouteParams &params) -> HttpResponse {
                   const Result<Principal> principal = authenticate(request);
                   if (!principal.ok())
                       return unauthorized(principal.error());
                   return handler(request, params, *principal);
               });
}

} // namespace sk::server
