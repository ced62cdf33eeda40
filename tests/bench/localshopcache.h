#pragma once

// The generated local demo shop file the store and app benchmarks open, cached under the
// data dir per (scale, seed, generator version, schema) and built when absent (the large
// shop takes about twelve minutes and 13 GB).

#include "demo/demogenerator.h"
#include "storage/shopstore.h"

#include <QDate>
#include <QJsonObject>
#include <QString>

namespace sk::bench {

// Fixed, so a cached file is the same shop on every machine.
inline const QDate kEndDate(2026, 11, 21);

StoreIdentity benchIdentity();
DemoOptions benchDemoOptions(DemoScale scale, quint64 seed);

struct LocalShop
{
    QString path;
    QJsonObject info; // what the generator made, and how long it took
    bool builtNow = false;
};
LocalShop cachedLocalShop(const QString &dataDir, DemoScale scale, quint64 seed, bool rebuild);

} // namespace sk::bench
