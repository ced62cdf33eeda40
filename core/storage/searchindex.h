#pragma once

#include "util/result.h"

#include <QByteArrayList>

namespace sk {

class SqliteDatabase;

// The full-text indexes (variant_search, customer_search, order_search) and the customer tag
// index (customer_tags) are kept in step by triggers. With SQLite 3.40 each trigger-maintained row costs an FTS5 flush (FTS5 flushes
// at every statement savepoint), which makes a bulk load about 3x slower than without them.
// A bulk loader (demo generator, first sync) can take the triggers out for the length of ONE
// transaction and rebuild the indexes once at the end:
//
//     SK_TRY_ASSIGN(suspension, SearchIndex::suspend(db));   // inside BEGIN ... COMMIT
//     ... upserts ...
//     SK_TRY(SearchIndex::resume(db, suspension));           // before COMMIT
//
// A rollback restores the triggers with everything else. Never commit in between: the file
// would be left without search maintenance.
class SearchIndex
{
public:
    struct Suspension
    {
        QByteArrayList triggerSql; // the dropped triggers, exactly as they were created
    };

    // Drops the search triggers; fails with search.no_transaction outside a transaction.
    static Result<Suspension> suspend(SqliteDatabase &db);
    // Rebuilds every index from its table, then recreates the triggers.
    static Result<void> resume(SqliteDatabase &db, const Suspension &suspension);
    // Empties and refills every index from its table (one statement each).
    static Result<void> rebuild(SqliteDatabase &db);
};

} // namespace sk
