#pragma once

#include "auth/rolepolicy.h"

#include <QJsonObject>
#include <QString>

namespace sk::server {

// What a role may see of a record document, shared by the change feed and the REST reads.
class Redaction
{
public:
    // False when the role may not receive records of this entity type at all (warehouse:
    // "customer").
    static bool mayReceive(Role role, const QString &entityType);
    // The document as the role may see it. Warehouse users get orders without customer data
    // and money: no customer_id, customer_name, email, billing_address, note, totals, line
    // prices or refund amounts; lines (sku, title, quantity), fulfillments and the shipping
    // address stay, because they are needed to pick, pack and ship.
    static QJsonObject redact(Role role, const QString &entityType, const QJsonObject &data);
    static QJsonObject redactOrderForWarehouse(const QJsonObject &order);
};

} // namespace sk::server
