#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace sk::server {

enum class Role { Owner, Staff, Warehouse };

enum class Permission {
    ReadCatalog,      // products, variants, locations
    WriteCatalog,     // products, variants
    ManageLocations,
    ReadInventory,    // levels and ledger
    AdjustInventory,  // adjust, count, transfer, import
    ReadCustomers,    // customers' personal data
    WriteCustomers,
    ReadOrders,       // order documents (warehouse gets them redacted: no customer data, no money)
    WriteOrders,      // status, notes, refunds
    FulfilOrders,
    ViewRevenue,      // order money and analytics
    ManageStaff,
    ManageApiTokens,
    ManageShop,       // shop settings
};

// Who may do what. owner: everything; staff: catalogue, customers, orders, inventory adjustments,
// not revenue analytics or staff; warehouse: inventory, read catalogue and locations, fulfil orders,
// never customers' personal data or revenue.
class RolePolicy
{
public:
    static bool allows(Role role, Permission permission);
    static QString toString(Role role);
    static std::optional<Role> roleFromString(QStringView text);
    static QString toString(Permission permission);
};

} // namespace sk::server
