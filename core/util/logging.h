#pragma once

#include <QLoggingCategory>

// One category per area of core. Enable with QT_LOGGING_RULES="storekeep.store.debug=true".
Q_DECLARE_LOGGING_CATEGORY(lcStore)
Q_DECLARE_LOGGING_CATEGORY(lcMigrations)
Q_DECLARE_LOGGING_CATEGORY(lcDemo)
Q_DECLARE_LOGGING_CATEGORY(lcDomain)
