#pragma once

#include "auth/principal.h"
#include "http/router.h"
#include "util/clock.h"
#include "util/result.h"

namespace sk::server {

class ServerStorage;
class TokenService;

// Turns a request's bearer token into a Principal, and a Principal plus a shop id into a
// ShopContext. Tokens are read from "Authorization: Bearer <token>" only.
class Authenticator
{
public:
    Authenticator(ServerStorage &storage, const TokenService &tokens, const Clock &clock);

    // 401 codes: auth.missing_token, auth.invalid_token, auth.token_expired, auth.token_revoked.
    Result<Principal> authenticate(const HttpRequest &request) const;
    // not_found.shop (404) when the principal is not a member (or an API token of another shop):
    // no existence leaks. forbidden.role (403) when the role lacks the permission.
    Result<ShopContext> authorize(const Principal &principal, const QString &shopId, Permission permission) const;

    using ShopHandler = std::function<HttpResponse(const HttpRequest &, const RouteParams &, const ShopContext &)>;
    // Registers a route under /v1/shops/{shop_id}/... that authenticates and authorises first.
    void addShopRoute(Router &router, const QByteArray &method, const QString &pattern, Permission permission,
                      ShopHandler handler) const;

    using UserHandler = std::function<HttpResponse(const HttpRequest &, const RouteParams &, const Principal &)>;
    void addUserRoute(Router &router, const QByteArray &method, const QString &pattern, UserHandler handler) const;

private:
    ServerStorage &m_storage;
    const TokenService &m_tokens;
    const Clock &m_clock;
};

} // namespace sk::server
