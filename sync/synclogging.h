#pragma once

#include <QLoggingCategory>

// One category per area of sync. Enable with QT_LOGGING_RULES="storekeep.sync.*.debug=true".
// Never log a token, a password or an Authorization header.
Q_DECLARE_LOGGING_CATEGORY(lcSyncNet)
Q_DECLARE_LOGGING_CATEGORY(lcSyncAuth)
Q_DECLARE_LOGGING_CATEGORY(lcSyncOutbox)
Q_DECLARE_LOGGING_CATEGORY(lcSyncPull)
Q_DECLARE_LOGGING_CATEGORY(lcSyncEngine)
