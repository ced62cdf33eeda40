#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace sk::cli {

// The commands that talk to a server or edit a synced shop: login, logout, shops, sync, status,
// issues, inventory, product and order. Returns nullopt when `command` is not one of them.
std::optional<int> runSyncCommand(const QString &command, const QStringList &args);

// Their part of the usage text.
QString syncUsageText();

} // namespace sk::cli
