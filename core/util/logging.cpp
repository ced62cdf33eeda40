#include "logging.h"

Q_LOGGING_CATEGORY(lcStore, "storekeep.store", QtInfoMsg)
Q_LOGGING_CATEGORY(lcMigrations, "storekeep.migrations", QtInfoMsg)
Q_LOGGING_CATEGORY(lcDemo, "storekeep.demo", QtInfoMsg)
Q_LOGGING_CATEGORY(lcDomain, "storekeep.domain", QtInfoMsg)
