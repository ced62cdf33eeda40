#pragma once

#include "auth/rolepolicy.h"
#include "domain/records.h"

#include <QString>

#include <optional>

namespace sk::server {

// Who is calling: a signed-in user (access token) or an API token bound to one shop and role.
struct Principal
{
    QString userId;
    QString email;
    QString apiTokenId;                // set for API tokens
    QString apiTokenShopId;            // the one shop an API token may touch
    std::optional<Role> apiTokenRole;
    bool isApiToken() const { return !apiTokenId.isEmpty(); }
};

// A request authorised for one shop.
struct ShopContext
{
    Principal principal;
    QString shopId;
    Role role = Role::Warehouse;
    ShopSettings settings;
};

} // namespace sk::server
