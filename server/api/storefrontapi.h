#pragma once

#include "api/mutationapplier.h"
#include "http/router.h"
#include "util/clock.h"

namespace sk::server {

class Authenticator;
class ServerStorage;

// The storefront checkout, POST /v1/shops/{shop_id}/orders: how web-shop orders arrive.
// Prices come from the catalogue, the number from the shop's counter, stock is committed at
// the order's location under the shop's oversell policy, and the order and its stock levels
// show up in every client's change feed. All in one transaction.
class StorefrontApi
{
public:
    static constexpr int MaxLines = 250;

    StorefrontApi(ServerStorage &storage, const Authenticator &authenticator, const Clock &clock);

    void registerRoutes(Router &router);

private:
    HttpResponse placeOrder(const HttpRequest &request, const ShopContext &context);

    ServerStorage &m_storage;
    const Authenticator &m_authenticator;
    const Clock &m_clock;
    MutationApplier m_applier;
};

} // namespace sk::server
