#pragma once

#include <QByteArray>

namespace sk::unsyncedsql {

// SQL that is true while the entity has an edit the server has not acknowledged yet (an
// outbox row without acked_at). A lookup on outbox_entities' primary key, cheap per row.
// entityType is a feed entity type ("customer", "inventory_level"); idExpr an SQL expression
// giving the entity id.
inline QByteArray exists(const QByteArray &entityType, const QByteArray &idExpr)
{
    return "EXISTS (SELECT 1 FROM outbox_entities oe JOIN outbox ob ON ob.seq = oe.seq WHERE oe.entity_type = '"
        + entityType + "' AND oe.entity_id = " + idExpr + " AND ob.acked_at IS NULL)";
}

} // namespace sk::unsyncedsql
