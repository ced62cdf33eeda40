#include "localshopcache.h"

#include "benchsupport.h"
#include "demo/storedemosink.h"
#include "storage/schemamigrator.h"
#include "storage/shopstore.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>

namespace sk::bench {

StoreIdentity benchIdentity()
{
    return StoreIdentity{QStringLiteral("bench://local"), QStringLiteral("bench"), QStringLiteral("bench")};
}

DemoOptions benchDemoOptions(DemoScale scale, quint64 seed)
{
    DemoOptions o;
    o.scale = scale;
    o.seed = seed;
    o.endDate = kEndDate;
    o.shopId = QStringLiteral("bench");
    return o;
}

namespace {
void removeDatabase(const QString &path)
{
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(path + suffix);
}

template <typename T>
T check(Result<T> r, const char *what)
{
    if (!r.ok())
        fail(QStringLiteral("%1: %2").arg(QLatin1String(what), r.error().toString()));
    return std::move(r).value();
}
} // namespace

LocalShop cachedLocalShop(const QString &dataDir, DemoScale scale, quint64 seed, bool rebuild)
{
    QDir().mkpath(dataDir);
    // Keyed by everything that changes the file: the schema text too, not only its number.
    QCryptographicHash schema(QCryptographicHash::Sha1);
    for (const SchemaMigrator::Migration &m : SchemaMigrator::migrations())
        schema.addData(m.sql);
    const QString base = QStringLiteral("demo-%1-seed%2-gen%3-schema%4-%5")
                             .arg(toString(scale))
                             .arg(seed)
                             .arg(DemoGenerator::Version)
                             .arg(SchemaMigrator::latestVersion())
                             .arg(QString::fromLatin1(schema.result().toHex().left(8)));
    LocalShop shop;
    shop.path = QDir(dataDir).filePath(base + QStringLiteral(".sqlite"));
    const QString infoPath = QDir(dataDir).filePath(base + QStringLiteral(".json"));
    if (!rebuild && QFileInfo::exists(shop.path) && QFileInfo::exists(infoPath)) {
        QFile f(infoPath);
        if (f.open(QIODevice::ReadOnly)) {
            shop.info = QJsonDocument::fromJson(f.readAll()).object();
            if (shop.info.value(QStringLiteral("complete")).toBool())
                return shop;
        }
    }

    removeDatabase(shop.path);
    QFile::remove(infoPath);
    const QString partial = QDir(dataDir).filePath(base + QStringLiteral(".partial.sqlite"));
    removeDatabase(partial);
    progress(QStringLiteral("building the %1 demo shop into %2 (once; later runs reuse it)").arg(toString(scale), shop.path));
    QElapsedTimer timer;
    timer.start();
    DemoStats stats;
    {
        auto store = check(ShopStore::open(partial, benchIdentity()), "create the bench file");
        int last = -1;
        stats = check(generateDemoInto(*store, benchDemoOptions(scale, seed), [&](int percent) {
                          if (percent / 5 != last / 5) {
                              progress(QStringLiteral("  %1% after %2 s").arg(percent).arg(timer.elapsed() / 1000.0, 0, 'f', 1));
                              last = percent;
                          }
                          return true;
                      }),
                      "generate the demo shop");
    } // closing the last connection folds the WAL into the file
    const qint64 totalMs = timer.elapsed();
    if (!QFile::rename(partial, shop.path))
        fail(QStringLiteral("cannot rename %1").arg(partial));
    shop.info = QJsonObject{
        {QStringLiteral("complete"), true},
        {QStringLiteral("scale"), toString(scale)},
        {QStringLiteral("seed"), QString::number(seed)},
        {QStringLiteral("generatorVersion"), DemoGenerator::Version},
        {QStringLiteral("builtAt"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)},
        {QStringLiteral("records"), double(stats.records)},
        {QStringLiteral("products"), double(stats.products)},
        {QStringLiteral("variants"), double(stats.variants)},
        {QStringLiteral("customers"), double(stats.customers)},
        {QStringLiteral("orders"), double(stats.orders)},
        {QStringLiteral("orderLines"), double(stats.orderLines)},
        {QStringLiteral("inventoryLevels"), double(stats.inventoryLevels)},
        {QStringLiteral("ledgerEntries"), double(stats.ledgerEntries)},
        {QStringLiteral("generateMs"), double(stats.elapsedMs)},
        {QStringLiteral("totalMs"), double(totalMs)},
        {QStringLiteral("fileBytes"), double(QFileInfo(shop.path).size())},
    };
    QFile f(infoPath);
    if (!f.open(QIODevice::WriteOnly) || f.write(QJsonDocument(shop.info).toJson()) < 0)
        fail(QStringLiteral("cannot write %1").arg(infoPath));
    shop.builtNow = true;
    return shop;
}

} // namespace sk::bench
