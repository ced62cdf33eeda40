#include "rolepolicy.h"

using namespace Qt::StringLiterals;

namespace sk::server {

bool RolePolicy::allows(Role role, Permission permission)
{
    switch (role) {
    case Role::Owner:
        return true;
    case Role::Staff:
        switch (permission) {
        case Permission::ReadCatalog:
        case Permission::WriteCatalog:
        case Permission::ManageLocations:
        case Permission::ReadInventory:
        case Permission::AdjustInventory:
        case Permission::ReadCustomers:
        case Permission::WriteCustomers:
        case Permission::ReadOrders:
        case Permission::WriteOrders:
        case Permission::FulfilOrders:
            return true;
        case Permission::ViewRevenue:
        case Permission::ManageStaff:
        case Permission::ManageApiTokens:
        case Permission::ManageShop:
            return false;
        }
        return false;
    case Role::Warehouse:
        switch (permission) {
        case Permission::ReadCatalog:
        case Permission::ReadInventory:
        case Permission::AdjustInventory:
        case Permission::ReadOrders: // redacted: no customer data, no money
        case Permission::FulfilOrders:
            return true;
        case Permission::WriteCatalog:
        case Permission::ManageLocations:
        case Permission::ReadCustomers:
        case Permission::WriteCustomers:
        case Permission::WriteOrders:
        case Permission::ViewRevenue:
        case Permission::ManageStaff:
        case Permission::ManageApiTokens:
        case Permission::ManageShop:
            return false;
        }
        return false;
    }
    return false;
}

QString RolePolicy::toString(Role role)
{
    switch (role) {
    case Role::Owner: return u"owner"_s;
    case Role::Staff: return u"staff"_s;
    case Role::Warehouse: return u"warehouse"_s;
    }
    return {};
}

std::optional<Role> RolePolicy::roleFromString(QStringView text)
{
    for (const Role role : {Role::Owner, Role::Staff, Role::Warehouse}) {
        if (text == toString(role))
            return role;
    }
    return std::nullopt;
}

QString RolePolicy::toString(Permission permission)
{
    switch (permission) {
    case Permission::ReadCatalog: return u"read_catalog"_s;
    case Permission::WriteCatalog: return u"write_catalog"_s;
    case Permission::ManageLocations: return u"manage_locations"_s;
    case Permission::ReadInventory: return u"read_inventory"_s;
    case Permission::AdjustInventory: return u"adjust_inventory"_s;
    case Permission::ReadCustomers: return u"read_customers"_s;
    case Permission::WriteCustomers: return u"write_customers"_s;
    case Permission::ReadOrders: return u"read_orders"_s;
    case Permission::WriteOrders: return u"write_orders"_s;
    case Permission::FulfilOrders: return u"fulfil_orders"_s;
    case Permission::ViewRevenue: return u"view_revenue"_s;
    case Permission::ManageStaff: return u"manage_staff"_s;
    case Permission::ManageApiTokens: return u"manage_api_tokens"_s;
    case Permission::ManageShop: return u"manage_shop"_s;
    }
    return {};
}

} // namespace sk::server
