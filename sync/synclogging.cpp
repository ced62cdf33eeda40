#include "synclogging.h"

Q_LOGGING_CATEGORY(lcSyncNet, "storekeep.sync.net", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSyncAuth, "storekeep.sync.auth", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSyncOutbox, "storekeep.sync.outbox", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSyncPull, "storekeep.sync.pull", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSyncEngine, "storekeep.sync.engine", QtInfoMsg)
