#include "productrights.h"

namespace sk {

bool ProductRights::mayEdit(const QString &role)
{
    return role == u"owner" || role == u"staff";
}

QString ProductRights::editDeniedReason(const QString &role)
{
    if (mayEdit(role))
        return {};
    if (role == u"warehouse")
        return tr("Warehouse users can see products but not change them; ask an owner or staff member.");
    return tr("Your role in this shop cannot change products.");
}

} // namespace sk
