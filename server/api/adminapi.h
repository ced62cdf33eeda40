#pragma once

#include "http/router.h"
#include "util/clock.h"

#include <QCoreApplication>

namespace sk::server {

class Authenticator;
class ServerStorage;
struct ShopContext;

// Shop administration under /v1/shops/{shop_id}: the shop's settings (any member), its members
// (ManageStaff; the last owner can be neither removed nor demoted: 409 conflict.last_owner) and
// its API tokens (ManageApiTokens). An API token is "skapi_" + 32 random bytes, shown once at
// creation and stored only as its SHA-256; it acts in its one shop with its one role until revoked.
class AdminApi
{
    Q_DECLARE_TR_FUNCTIONS(AdminApi)

public:
    static constexpr qsizetype MaxTokenNameLength = 100;

    AdminApi(ServerStorage &storage, const Authenticator &authenticator, const Clock &clock);

    void registerRoutes(Router &router);

private:
    HttpResponse shop(const ShopContext &context);
    HttpResponse members(const ShopContext &context);
    HttpResponse addMember(const HttpRequest &request, const ShopContext &context);
    HttpResponse removeMember(const RouteParams &params, const ShopContext &context);
    HttpResponse apiTokens(const ShopContext &context);
    HttpResponse createApiToken(const HttpRequest &request, const ShopContext &context);
    HttpResponse revokeApiToken(const RouteParams &params, const ShopContext &context);

    ServerStorage &m_storage;
    const Authenticator &m_authenticator;
    const Clock &m_clock;
};

} // namespace sk::server
