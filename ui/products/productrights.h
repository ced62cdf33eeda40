#pragma once

#include <QCoreApplication>
#include <QString>

namespace sk {

// Who may change products, as the server's role policy has it: product.* and variant.*
// mutations need WriteCatalog (server/openapi.yaml, x-mutation-permissions), which owners
// and staff have and warehouse users do not.
class ProductRights
{
    Q_DECLARE_TR_FUNCTIONS(sk::ProductRights)

public:
    static bool mayEdit(const QString &role);
    // Why editing is disabled for the role (empty when it is allowed), for tooltips.
    static QString editDeniedReason(const QString &role);
};

} // namespace sk
