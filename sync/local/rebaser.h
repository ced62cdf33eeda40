#pragma once

#include "local/entityref.h"
#include "util/result.h"

#include <QList>

namespace sk {

class SqliteDatabase;

// Makes the visible row of each entity equal to its server document (sync_base) with every
// outbox row that touches it re-applied in seq order (LocalMutations::apply with `only`).
// An entity no outbox row touches any more is written from its base and the base is dropped.
// Used after a rejected mutation is removed (its effect is reverted) and after a pull updated a
// base. Runs in the caller's transaction.
class Rebaser
{
public:
    static Result<void> rebase(SqliteDatabase &db, const QList<EntityRef> &entities, qint64 nowMs);
    // Every tracked entity: after the first sync swapped in a new snapshot.
    static Result<void> rebaseAll(SqliteDatabase &db, qint64 nowMs);
};

} // namespace sk
