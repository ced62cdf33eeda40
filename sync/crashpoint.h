#pragma once

#include <QByteArray>

namespace sk {

// Named places where tests kill the process as hard as `kill -9` would: when the environment
// variable STOREKEEP_CRASH_AT equals the name, hit() raises SIGKILL (TerminateProcess on
// Windows). Nothing runs after it: no destructors, no flush, no rollback. The names in use:
//   after_local_commit   ShopEditor: the edit and its outbox row are committed, nothing sent
//   after_push_response  SyncEngine: the server answered a batch, the answer is not yet recorded
//   mid_pull_page        SyncEngine: a pull page is applied and committed, the next not fetched
//   mid_staging          SyncEngine: the first sync staged a page, not yet swapped in
class CrashPoint
{
public:
    static void hit(const char *name);
};

} // namespace sk
