// ServerApp: opening a data dir, the routes every area registers, listening, and the tombstone
// purge with its retention measured on an injected clock.

#include "app/serverapp.h"
#include "http/router.h"
#include "storage/serverstorage.h"
#include "testsupport.h"
#include "util/clock.h"

#include <QFileInfo>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace sk;
using namespace sk::server;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 Start = 1'780'000'000'000;
constexpr qint64 Day = ServerApp::DayMs;

} // namespace

class tst_ServerApp : public QObject
{
    Q_OBJECT

private slots:
    void needsADataDir()
    {
        const auto app = ServerApp::open(ServerOptions{});
        QVERIFY(!app.ok());
        QCOMPARE(app.error().code, u"server.no_data_dir"_s);

        QTemporaryDir dir;
        ServerOptions options;
        options.dataDir = dir.path();
        options.tombstoneRetentionDays = 0;
        QCOMPARE(ServerApp::open(options).error().code, u"server.bad_retention"_s);
        options.tombstoneRetentionDays = 30;
        for (const int ttl : {0, 901}) {
            options.accessTokenTtlSeconds = ttl;
            QCOMPARE(ServerApp::open(options).error().code, u"server.bad_access_token_ttl"_s);
        }
    }

    void opensADataDirWithEveryRoute()
    {
        QTemporaryDir dir;
        ServerOptions options;
        options.dataDir = dir.filePath(u"data"_s);
        auto app = ServerApp::open(options);
        SK_VERIFY_OK(app);
        QVERIFY(QFileInfo::exists(options.dataDir + u"/storekeep-server.sqlite"_s));
        QVERIFY(QFileInfo::exists(options.dataDir + u"/token.key"_s));
        QCOMPARE(QFileInfo(options.dataDir).permissions() & (QFileDevice::ReadOther | QFileDevice::ReadGroup),
                 QFileDevice::Permissions());

        QSet<QString> routes;
        for (const Router::RouteInfo &route : (*app)->router().routes())
            routes.insert(QString::fromLatin1(route.method) + u' ' + route.pattern);
        for (const QString &expected :
             {u"GET /healthz"_s, u"POST /v1/auth/login"_s, u"POST /v1/auth/refresh"_s, u"POST /v1/auth/logout"_s,
              u"GET /v1/me"_s, u"GET /v1/shops/{shop_id}"_s, u"GET /v1/shops/{shop_id}/members"_s,
              u"POST /v1/shops/{shop_id}/members"_s, u"DELETE /v1/shops/{shop_id}/members/{user_id}"_s,
              u"GET /v1/shops/{shop_id}/api-tokens"_s, u"POST /v1/shops/{shop_id}/api-tokens"_s,
              u"DELETE /v1/shops/{shop_id}/api-tokens/{token_id}"_s, u"POST /v1/shops/{shop_id}/sync/clients"_s,
              u"GET /v1/shops/{shop_id}/sync/changes"_s, u"POST /v1/shops/{shop_id}/sync/mutations"_s,
              u"GET /v1/shops/{shop_id}/products"_s, u"POST /v1/shops/{shop_id}/orders"_s})
            QVERIFY2(routes.contains(expected), qPrintable(expected));

        HttpRequest health;
        health.method = "GET";
        health.path = u"/healthz"_s;
        QCOMPARE((*app)->router().dispatch(health).status, 200);
    }

    void listensOnAFreePort()
    {
        QTemporaryDir dir;
        ServerOptions options;
        options.dataDir = dir.path();
        auto first = ServerApp::open(options);
        SK_VERIFY_OK(first);
        const auto port = (*first)->listen(QHostAddress(QHostAddress::LocalHost), 0);
        SK_VERIFY_OK(port);
        QVERIFY(*port != 0);

        QTemporaryDir otherDir;
        options.dataDir = otherDir.path();
        auto second = ServerApp::open(options);
        SK_VERIFY_OK(second);
        const auto taken = (*second)->listen(QHostAddress(QHostAddress::LocalHost), *port);
        QVERIFY(!taken.ok());
        QCOMPARE(taken.error().code, u"server.listen"_s);
    }

    void purgesTombstonesAfterTheRetention()
    {
        QTemporaryDir dir;
        FixedClock clock(Start);
        ServerOptions options;
        options.dataDir = dir.path();
        options.tombstoneRetentionDays = 30;
        options.clock = &clock;
        auto app = ServerApp::open(options);
        SK_VERIFY_OK(app);
        ServerStorage &storage = (*app)->storage();

        ShopRecord shop;
        shop.id = u"0190a4c2-7b1e-7c3d-8e4f-5a6b7c8d9e0f"_s;
        shop.settings.shopId = shop.id;
        shop.settings.name = u"Purge Shop"_s;
        shop.settings.currency = u"EUR"_s;
        shop.settings.timeZone = u"Europe/Paris"_s;
        shop.settings.locale = u"fr-FR"_s;
        shop.createdAt = Start;
        SK_VERIFY_OK(storage.insertShop(shop));
        EntityRecord location;
        location.type = u"location"_s;
        location.id = u"0190a4c2-7b1e-7c3d-8e4f-5a6b7c8d9e10"_s;
        location.version = 1;
        location.data = QJsonObject{{u"id"_s, location.id}, {u"name"_s, u"Back room"_s}};
        location.updatedAt = Start;
        SK_VERIFY_OK(storage.putEntity(shop.id, location, {}));
        SK_VERIFY_OK(storage.tombstone(shop.id, u"location"_s, location.id, Start));

        clock.advance(29 * Day);
        const auto early = (*app)->purgeTombstones();
        SK_VERIFY_OK(early);
        QCOMPARE(*early, qint64(0));

        clock.advance(2 * Day);
        const auto due = (*app)->purgeTombstones();
        SK_VERIFY_OK(due);
        QCOMPARE(*due, qint64(1));
        const auto after = storage.shop(shop.id);
        SK_VERIFY_OK(after);
        QVERIFY((*after)->purgedThroughSeq > 0);
        const auto gone = storage.entity(shop.id, u"location"_s, location.id);
        SK_VERIFY_OK(gone);
        QVERIFY(!gone->has_value());
    }
};

QTEST_GUILESS_MAIN(tst_ServerApp)
#include "tst_serverapp.moc"
