#pragma once

// A small shop on the real server for the sync tests: one location, one product with one variant
// and 10 in stock, two staff members (ana@ and ben@sync.test, created by the test) and an owner
// API token to check and change the server directly.

#include "../server/synctestsupport.h"

#include <QJsonArray>

namespace sk::test {

struct TestShop
{
    QString id;
    QString token;
    QString location;
    QString product;
    QString variant;
    QString sku;
    QString handle;
    QString seedClient;
    qint64 seedSeq = 0;

    // The server's own client: edits "someone else" makes.
    QJsonObject push(SyncTestWorld &world, const QString &name, const QJsonObject &args)
    {
        return world.pushOne(id, token, seedClient, seedSeq, name, args);
    }

    qint64 onHand(SyncTestWorld &world) const
    {
        return qint64(world.level(id, token, variant, location).value(QStringLiteral("on_hand")).toDouble(-1));
    }

    QJsonArray ledger(SyncTestWorld &world) const
    {
        return world.listAll(id, token, QStringLiteral("/ledger"),
                             QStringLiteral("variant_id=%1&location_id=%2").arg(variant, location));
    }
};

inline TestShop makeTestShop(SyncTestWorld &world, int number, const QString &oversell = QStringLiteral("allow"))
{
    TestShop s;
    const QString n = QString::number(number);
    s.id = world.createShop(QStringLiteral("Shop ") + n, QStringLiteral("EUR"), oversell);
    world.addMember(s.id, QStringLiteral("ana@sync.test"), QStringLiteral("staff"));
    world.addMember(s.id, QStringLiteral("ben@sync.test"), QStringLiteral("staff"));
    s.token = world.apiToken(s.id, QStringLiteral("owner"));
    s.seedClient = world.newClient(s.id, s.token);
    s.location = newUuid();
    s.product = newUuid();
    s.variant = newUuid();
    s.sku = QStringLiteral("SKU-") + n;
    s.handle = QStringLiteral("mug-") + n;
    world.applied(s.push(world, QStringLiteral("location.create"),
                         SyncTestWorld::locationArgs(s.location, QStringLiteral("Main store"))));
    world.applied(s.push(world, QStringLiteral("product.create"),
                         SyncTestWorld::productArgs(s.product, s.handle, s.variant, s.sku, 1250)));
    world.applied(s.push(world, QStringLiteral("inventory.adjust"),
                         SyncTestWorld::adjustArgs(s.variant, s.location, 10)));
    return s;
}

} // namespace sk::test
