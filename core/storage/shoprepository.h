#pragma once

#include "domain/records.h"
#include "util/result.h"

#include <QList>
#include <QString>

#include <optional>

namespace sk {

class SqliteDatabase;

// The shop's settings (one row) and its stock locations. Reads work on any connection;
// writes must run inside ShopStore::write() on the writer connection.
class ShopRepository
{
public:
    explicit ShopRepository(SqliteDatabase &db) : m_db(db) {}

    // Empty until the first sync (or the demo generator) saved them.
    Result<std::optional<ShopSettings>> settings();
    Result<void> saveSettings(const ShopSettings &settings);

    // All locations, active and inactive, by name (case-insensitive).
    Result<QList<Location>> locations();
    Result<std::optional<Location>> location(const QString &id);
    Result<void> upsertLocation(const Location &location);

private:
    SqliteDatabase &m_db;
};

} // namespace sk
