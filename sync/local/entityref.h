#pragma once

#include "util/result.h"

#include <QHashFunctions>
#include <QString>

namespace sk {

// One synced record as the change feed and the outbox name it. Types are the feed's entity
// types: "shop_settings", "location", "product", "variant", "inventory_level", "customer",
// "order" ("ledger_entry" rows are append-only and never edited locally). An inventory
// level's id is "<variant_id>:<location_id>"; shop settings' id is the shop id.
struct EntityRef
{
    QString type;
    QString id;

    bool operator==(const EntityRef &) const = default;
};

inline size_t qHash(const EntityRef &ref, size_t seed = 0)
{
    return qHashMulti(seed, ref.type, ref.id);
}

// The error with "<type> <id>: " before its detail, for a failure while handling this record.
inline Error withEntity(Error error, const EntityRef &ref)
{
    error.detail = ref.type + u' ' + ref.id + QLatin1String(": ") + error.detail;
    return error;
}

} // namespace sk
