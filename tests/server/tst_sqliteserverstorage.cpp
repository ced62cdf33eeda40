#include "storage/sqlitedatabase.h"
#include "storage/sqliteserverstorage.h"
#include "testsupport.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace sk;
using namespace sk::server;

namespace {

const QString kShopA = QStringLiteral("0190a000-0000-7000-8000-00000000000a");
const QString kShopB = QStringLiteral("0190a000-0000-7000-8000-00000000000b");

struct TempServer
{
    QTemporaryDir dir;
    std::unique_ptr<SqliteServerStorage> storage;
    QString path() const { return dir.filePath(QStringLiteral("server.sqlite")); }
};

std::unique_ptr<TempServer> makeServer()
{
    auto t = std::make_unique<TempServer>();
    if (!t->dir.isValid())
        return nullptr;
    auto opened = SqliteServerStorage::open(t->path());
    if (!opened.ok()) {
        qWarning("open: %s", qPrintable(opened.error().toString()));
        return nullptr;
    }
    t->storage = std::move(opened).value();
    return t;
}

ShopRecord shopRecord(const QString &id, const QString &name, const QString &currency = QStringLiteral("EUR"))
{
    ShopRecord shop;
    shop.id = id;
    shop.settings.shopId = id;
    shop.settings.name = name;
    shop.settings.currency = currency;
    shop.settings.timeZone = QStringLiteral("Europe/Paris");
    shop.settings.locale = QStringLiteral("fr-FR");
    shop.settings.oversellPolicy = OversellPolicy::Allow;
    shop.settings.version = 1;
    shop.settings.updatedAt = 1000;
    shop.createdAt = 1000;
    return shop;
}

UserRecord userRecord(const QString &id, const QString &email)
{
    return UserRecord{id, email, QStringLiteral("Name of ") + email, QStringLiteral("pbkdf2-sha256$1$c2FsdA==$a2V5"), 5};
}

EntityRecord variantRecord(const QString &id, const QString &productId, const QString &sku, qint64 version = 1,
                           qint64 updatedAt = 100)
{
    EntityRecord e;
    e.type = QStringLiteral("variant");
    e.id = id;
    e.parentId = productId;
    e.version = version;
    e.data = QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("sku"), sku}, {QStringLiteral("price"), 1250}};
    e.fieldVersions = QJsonObject{{QStringLiteral("price"), version}};
    e.updatedAt = updatedAt;
    return e;
}

QList<UniqueKey> skuKey(const QString &sku)
{
    return {UniqueKey{QStringLiteral("sku"), sku}};
}

QByteArray fileHash(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(&f);
    return h.result();
}

QStringList idsOf(const QList<EntityRecord> &rows)
{
    QStringList ids;
    for (const EntityRecord &e : rows)
        ids.append(e.id);
    return ids;
}

// Both shops, with the same entity ids, types, keys, client id shapes, in each.
void seedTwoShops(ServerStorage &s)
{
    QVERIFY(s.insertShop(shopRecord(kShopA, QStringLiteral("Shop A"))).ok());
    QVERIFY(s.insertShop(shopRecord(kShopB, QStringLiteral("Shop B"), QStringLiteral("USD"))).ok());
}

} // namespace

class tst_SqliteServerStorage : public QObject
{
    Q_OBJECT

private slots:
    void opensInWalModeAtTheLatestSchema()
    {
        auto t = makeServer();
        QVERIFY(t);
        QCOMPARE(t->storage->path(), t->path());
        auto raw = SqliteDatabase::open(t->path(), SqliteDatabase::Mode::ReadOnly);
        SK_VERIFY_OK(raw);
        QCOMPARE((*raw)->userVersion().value(), SqliteServerStorage::latestSchemaVersion());
        auto mode = (*raw)->prepare("PRAGMA journal_mode");
        SK_VERIFY_OK(mode);
        QVERIFY(mode->step().value());
        QCOMPARE(mode->text(0), QStringLiteral("wal"));
        QCOMPARE((*raw)->queryInt64("PRAGMA page_size").value(), qint64(8192));
        auto stats = t->storage->stats();
        SK_VERIFY_OK(stats);
        QCOMPARE(stats->value(QStringLiteral("schema_version")).toInt(), SqliteServerStorage::latestSchemaVersion());
    }

    void reopeningKeepsDataAndDoesNotMigrateAgain()
    {
        auto t = makeServer();
        QVERIFY(t);
        SK_VERIFY_OK(t->storage->insertUser(userRecord(QStringLiteral("u1"), QStringLiteral("a@b.test"))));
        t->storage.reset();
        auto again = SqliteServerStorage::open(t->path());
        SK_VERIFY_OK(again);
        auto u = (*again)->user(QStringLiteral("u1"));
        SK_VERIFY_OK(u);
        QVERIFY(u->has_value());
    }

    void refusesAFileFromANewerServerWithoutTouchingIt()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("newer.sqlite"));
        {
            auto raw = SqliteDatabase::open(path, SqliteDatabase::Mode::ReadWriteCreate);
            SK_VERIFY_OK(raw);
            SK_VERIFY_OK((*raw)->exec("CREATE TABLE future (x INTEGER)"));
            SK_VERIFY_OK((*raw)->setUserVersion(SqliteServerStorage::latestSchemaVersion() + 1));
        }
        const QByteArray before = fileHash(path);
        auto opened = SqliteServerStorage::open(path);
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code, QStringLiteral("schema.too_new"));
        QVERIFY(opened.error().message.contains(QString::number(SqliteServerStorage::latestSchemaVersion() + 1)));
        QCOMPARE(fileHash(path), before);
        QVERIFY(!QFile::exists(path + QStringLiteral("-wal")));
    }

    void usersAreFoundByIdAndByEmailIgnoringCase()
    {
        auto t = makeServer();
        QVERIFY(t);
        ServerStorage &s = *t->storage;
        const UserRecord u = userRecord(QStringLiteral("u1"), QStringLiteral("Owner@Outfitters.test"));
        SK_VERIFY_OK(s.insertUser(u));
        auto byId = s.user(QStringLiteral("u1"));
        SK_VERIFY_OK(byId);
        QVERIFY(byId->has_value());
        QCOMPARE((*byId)->email, u.email);
        QCOMPARE((*byId)->name, u.name);
        QCOMPARE((*byId)->passwordHash, u.passwordHash);
        QCOMPARE((*byId)->createdAt, u.createdAt);
        auto byEmail = s.userByEmail(QStringLiteral("owner@OUTFITTERS.test"));
        SK_VERIFY_OK(byEmail);
        QVERIFY(byEmail->has_value());
        QCOMPARE((*byEmail)->id, QStringLiteral("u1"));
        auto none = s.userByEmail(QStringLiteral("nobody@outfitters.test"));
        SK_VERIFY_OK(none);
        QVERIFY(!none->has_value());
        auto missing = s.user(QStringLiteral("u2"));
        SK_VERIFY_OK(missing);
        QVERIFY(!missing->has_value());

        auto dup = s.insertUser(userRecord(QStringLiteral("u2"), QStringLiteral("OWNER@outfitters.TEST")));
        QVERIFY(!dup.ok());
        QCOMPARE(dup.error().code, QStringLiteral("conflict.exists"));
    }

    void shopsRoundTripAndHandOutOrderNumbersOnce()
    {
        auto t = makeServer();
        QVERIFY(t);
        ServerStorage &s = *t->storage;
        ShopRecord a = shopRecord(kShopA, QStringLiteral("Shop A"));
        a.nextOrderNumber = 1001;
        SK_VERIFY_OK(s.insertShop(a));
        SK_VERIFY_OK(s.insertShop(shopRecord(kShopB, QStringLiteral("Shop B"), QStringLiteral("USD"))));
        QCOMPARE(s.insertShop(a).error().code, QStringLiteral("conflict.exists"));

        auto got = s.shop(kShopA);
        SK_VERIFY_OK(got);
        QVERIFY(got->has_value());
        QCOMPARE((*got)->settings.name, QStringLiteral("Shop A"));
        QCOMPARE((*got)->settings.shopId, kShopA);
        QCOMPARE((*got)->settings.currency, QStringLiteral("EUR"));
        QCOMPARE((*got)->settings.timeZone, QStringLiteral("Europe/Paris"));
        QCOMPARE((*got)->settings.locale, QStringLiteral("fr-FR"));
        QCOMPARE((*got)->nextOrderNumber, qint64(1001));
        QCOMPARE((*got)->purgedThroughSeq, qint64(0));

        auto all = s.shops();
        SK_VERIFY_OK(all);
        QCOMPARE(all->size(), 2);

        QCOMPARE(s.takeOrderNumber(kShopA).value(), qint64(1001));
        QCOMPARE(s.takeOrderNumber(kShopA).value(), qint64(1002));
        QCOMPARE(s.takeOrderNumber(kShopB).value(), qint64(1001));
        QCOMPARE(s.takeOrderNumber(QStringLiteral("nope")).error().code, QStringLiteral("not_found.shop"));

        // An update from a stale copy changes the settings but never rewinds the counter.
        ShopRecord stale = *got.value();
        stale.settings.name = QStringLiteral("Renamed");
        stale.settings.oversellPolicy = OversellPolicy::Reject;
        stale.settings.version = 2;
        stale.settings.updatedAt = 2000;
        SK_VERIFY_OK(s.updateShop(stale));
        auto updated = s.shop(kShopA);
        SK_VERIFY_OK(updated);
        QCOMPARE((*updated)->settings.name, QStringLiteral("Renamed"));
        QVERIFY((*updated)->settings.oversellPolicy == OversellPolicy::Reject);
        QCOMPARE((*updated)->settings.version, qint64(2));
        QCOMPARE((*updated)->nextOrderNumber, qint64(1003));
        stale.nextOrderNumber = 5000;
        SK_VERIFY_OK(s.updateShop(stale));
        QCOMPARE(s.takeOrderNumber(kShopA).value(), qint64(5000));

        ShopRecord ghost = shopRecord(QStringLiteral("ghost"), QStringLiteral("Ghost"));
        QCOMPARE(s.updateShop(ghost).error().code, QStringLiteral("not_found.shop"));
        auto none = s.shop(QStringLiteral("ghost"));
        SK_VERIFY_OK(none);
        QVERIFY(!none->has_value());
    }

    void membershipsPerShopAndPerUser()
    {
        auto t = makeServer();
        QVERIFY(t);
        ServerStorage &s = *t->storage;
        seedTwoShops(s);
        SK_VERIFY_OK(s.insertUser(userRecord(QStringLiteral("u1"), QStringLiteral("one@x.test"))));
        SK_VERIFY_OK(s.insertUser(userRecord(QStringLiteral("u2"), QStringLiteral("two@x.test"))));
        SK_VERIFY_OK(s.putMembership({kShopA, QStringLiteral("u1"), Role::Owner}));
        SK_VERIFY_OK(s.putMembership({kShopA, QStringLiteral("u2"), Role::Staff}));
        SK_VERIFY_OK(s.putMembership({kShopB, QStringLiteral("u1"), Role::Warehouse}));
        // Put again: the role changes, no second row.
        SK_VERIFY_OK(s.putMembership({kShopA, QStringLiteral("u2"), Role::Warehouse}));
        QVERIFY(!s.putMembership({kShopA, QStringLiteral("no-such-user"), Role::Staff}).ok());

        auto m = s.membership(kShopA, QStringLiteral("u2"));
        SK_VERIFY_OK(m);
        QVERIFY(m->has_value());
        QCOMPARE((*m)->role, Role::Warehouse);
        QVERIFY(!s.membership(kShopB, QStringLiteral("u2")).value().has_value());

        auto ofUser = s.membershipsOfUser(QStringLiteral("u1"));
        SK_VERIFY_OK(ofUser);
        QCOMPARE(ofUser->size(), 2);
        QCOMPARE(ofUser->at(0).shopId, kShopA);
        QCOMPARE(ofUser->at(0).role, Role::Owner);
        QCOMPARE(ofUser->at(1).shopId, kShopB);
        QCOMPARE(ofUser->at(1).role, Role::Warehouse);

        auto ofA = s.membershipsOfShop(kShopA);
        SK_VERIFY_OK(ofA);
        QCOMPARE(ofA->size(), 2);
        auto ofB = s.membershipsOfShop(kShopB);
        SK_VERIFY_OK(ofB);
        QCOMPARE(ofB->size(), 1);
        QCOMPARE(ofB->at(0).userId, QStringLiteral("u1"));

        SK_VERIFY_OK(s.removeMembership(kShopB, QStringLiteral("u1")));
        QCOMPARE(s.membershipsOfShop(kShopB).value().size(), 0);
        QCOMPARE(s.membershipsOfShop(kShopA).value().size(), 2);
        QCOMPARE(s.membershipsOfUser(QStringLiteral("u1")).value().size(), 1);
    }

    void refreshTokenFamilyIsRevokedTogether()
    {
        auto t = makeServer();
        QVERIFY(t);
        ServerStorage &s = *t->storage;
        SK_VERIFY_OK(s.insertUser(userRecord(QStringLiteral("u1"), QStringLiteral("one@x.test"))));
        auto token = [](const char *id, const char *family, const char *hash) {
            RefreshTokenRecord r;
            r.id = QString::fromLatin1(id);
            r.familyId = QString::fromLatin1(family);
            r.userId = QStringLiteral("u1");
            r.tokenHash = QCryptographicHash::hash(hash, QCryptographicHash::Sha256);
            r.createdAt = 10;
            r.expiresAt = 1000;
            return r;
        };
        SK_VERIFY_OK(s.insertRefreshToken(token("t1", "f1", "one")));
        SK_VERIFY_OK(s.insertRefreshToken(token("t2", "f1", "two")));
        SK_VERIFY_OK(s.insertRefreshToken(token("t3", "f2", "three")));
        QCOMPARE(s.insertRefreshToken(token("t4", "f2", "three")).error().code, QStringLiteral("conflict.exists"));

        const QByteArray hashOne = QCryptographicHash::hash("one", QCryptographicHash::Sha256);
        auto found = s.refreshTokenByHash(hashOne);
        SK_VERIFY_OK(found);
        QVERIFY(found->has_value());
        QCOMPARE((*found)->id, QStringLiteral("t1"));
        QCOMPARE((*found)->familyId, QStringLiteral("f1"));
        QCOMPARE((*found)->tokenHash, hashOne);
        QCOMPARE((*found)->expiresAt, qint64(1000));
        QVERIFY(!(*found)->usedAt);
        QVERIFY(!(*found)->revokedAt);
        QVERIFY(!s.refreshTokenByHash(QByteArray(32, 'x')).value().has_value());

        SK_VERIFY_OK(s.markRefreshTokenUsed(QStringLiteral("t1"), 50));
        SK_VERIFY_OK(s.markRefreshTokenUsed(QStringLiteral("t1"), 60)); // the first use is kept
        QCOMPARE(*s.refreshTokenByHash(hashOne).value()->usedAt, qint64(50));

        SK_VERIFY_OK(s.revokeRefreshFamily(QStringLiteral("f1"), 70));
        auto t1 = s.refreshTokenByHash(hashOne).value();
        auto t2 = s.refreshTokenByHash(QCryptographicHash::hash("two", QCryptographicHash::Sha256)).value();
        auto t3 = s.refreshTokenByHash(QCryptographicHash::hash("three", QCryptographicHash::Sha256)).value();
        QCOMPARE(t1->revokedAt.value_or(-1), qint64(70));
        QCOMPARE(t2->revokedAt.value_or(-1), qint64(70));
        QVERIFY(!t3->revokedAt);
    }

    void apiTokensAreScopedToTheirShop()
    {
        auto t = makeServer();
        QVERIFY(t);
        ServerStorage &s = *t->storage;
        seedTwoShops(s);
        ApiTokenRecord a{QStringLiteral("k1"), kShopA, QStringLiteral("storefront"), Role::Staff,
                         QByteArray("hash-a"), QStringLiteral("u1"), 10, std::nullopt};
        ApiTokenRecord b{QStringLiteral("k2"), kShopB, QStringLiteral("storefront"), Role::Warehouse,
                         QByteArray("hash-b"), QStringLiteral("u1"), 11, std::nullopt};
        SK_VERIFY_OK(s.insertApiToken(a));
        SK_VERIFY_OK(s.insertApiToken(b));
        auto found = s.apiTokenByHash(QByteArray("hash-a"));
        SK_VERIFY_OK(found);
        QVERIFY(found->has_value());
        QCOMPARE((*found)->id, QStringLiteral("k1"));
        QCOMPARE((*found)->shopId, kShopA);
        QCOMPARE((*found)->role, Role::Staff);
        QCOMPARE((*found)->name, QStringLiteral("storefront"));
        QCOMPARE((*found)->createdBy, QStringLiteral("u1"));

        auto ofA = s.apiTokensOfShop(kShopA);
        SK_VERIFY_OK(ofA);
        QCOMPARE(ofA->size(), 1);
        QCOMPARE(ofA->at(0).id, QStringLiteral("k1"));

        // Shop B cannot revoke shop A's token, even knowing its id.
        QCOMPARE(s.revokeApiToken(kShopB, QStringLiteral("k1"), 99).value(), false);
        QVERIFY(!s.apiTokenByHash(QByteArray("hash-a")).value()->revokedAt);
        QCOMPARE(s.revokeApiToken(kShopA, QStringLiteral("k1"), 100).value(), true);
        QCOMPARE(s.revokeApiToken(kShopA, QStringLiteral("k1"), 200).value(), true);
        QCOMPARE(s.apiTokenByHash(QByteArray("hash-a")).value()->revokedAt.value_or(-1), qint64(100));
        QCOMPARE(s.revokeApiToken(kShopA, QStringLiteral("nope"), 100).value(), false);
        QVERIFY(!s.apiTokenByHash(QByteArray("hash-b")).value()->revokedAt);
    }

    void entitiesRoundTripWithParentsAndKeys()
    {
        auto t = makeServer();
        QVERIFY(t);
        ServerStorage &s = *t->storage;
        seedTwoShops(s);
        auto put = s.putEntity(kShopA, variantRecord(QStringLiteral("v1"), QStringLiteral("p1"), QStringLiteral("SKU-1")),
                               skuKey(QStringLiteral("SKU-1")));
        SK_VERIFY_OK(put);
        QVERIFY(put->changeSeq > 0);
        SK_VERIFY_OK(s.putEntity(kShopA, variantRecord(QStringLiteral("v2"), QStringLiteral("p1"), QStringLiteral("SKU-2")),
                                 skuKey(QStringLiteral("SKU-2"))));
        SK_VERIFY_OK(s.putEntity(kShopA, variantRecord(QStringLiteral("v3"), QStringLiteral("p2"), QStringLiteral("")),
                                 skuKey(QString())));

        auto got = s.entity(kShopA, QStringLiteral("variant"), QStringLiteral("v1"));
        SK_VERIFY_OK(got);
        QVERIFY(got->has_value());
        const EntityRecord &e = **got;
        QCOMPARE(e.type, QStringLiteral("variant"));
        QCOMPARE(e.parentId, QStringLiteral("p1"));
        QCOMPARE(e.version, qint64(1));
        QCOMPARE(e.data.value(QStringLiteral("sku")).toString(), QStringLiteral("SKU-1"));
        QCOMPARE(e.data.value(QStringLiteral("price")).toInteger(), qint64(1250));
        QCOMPARE(e.fieldVersions.value(QStringLiteral("price")).toInteger(), qint64(1));
        QCOMPARE(e.updatedAt, qint64(100));
        QCOMPARE(e.changeSeq, put->changeSeq);
        QVERIFY(!e.deleted);
        QVERIFY(!s.entity(kShopA, QStringLiteral("product"), QStringLiteral("v1")).value().has_value());

        auto byKey = s.entityByKey(kShopA, QStringLiteral("variant"), QStringLiteral("sku"), QStringLiteral("SKU-2"));
        SK_VERIFY_OK(byKey);
        QVERIFY(byKey->has_value());
        QCOMPARE((*byKey)->id, QStringLiteral("v2"));
        QVERIFY(!s.entityByKey(kShopA, QStringLiteral("variant"), QStringLiteral("sku"), QStringLiteral("sku-2"))
                     .value()
                     .has_value());

        auto kids = s.children(kShopA, QStringLiteral("variant"), QStringLiteral("p1"));
        SK_VERIFY_OK(kids);
        QCOMPARE(idsOf(*kids), (QStringList{QStringLiteral("v1"), QStringLiteral("v2")}));
        QCOMPARE(idsOf(s.children(kShopA, QStringLiteral("variant"), QStringLiteral("p2")).value()),
                 QStringList{QStringLiteral("v3")});
        QVERIFY(s.children(kShopA, QStringLiteral("product"), QStringLiteral("p1")).value().isEmpty());

        auto nowhere = s.putEntity(QStringLiteral("no-such-shop"), variantRecord(QStringLiteral("v9"), QString(), QString()), {});
        QCOMPARE(nowhere.error().code, QStringLiteral("not_found.shop"));
    }

    void uniqueKeysConflictAreFreedByTombstonesAndKeptOnRePut()
    {
        auto t = makeServer();
        QVERIFY(t);
        ServerStorage &s = *t->storage;
        seedTwoShops(s);
        SK_VERIFY_OK(s.putEntity(kShopA, variantRecord(QStringLiteral("v1"), QStringLiteral("p1"), QStringLiteral("SKU-1")),
                                 skuKey(QStringLiteral("SKU-1"))));
        const qint64 seqBefore = s.maxChangeSeq(kShopA).value();

        // Taken by another live entity.
        auto taken = s.putEntity(kShopA, variantRecord(QStringLiteral("v2"), QStringLiteral("p1"), QStringLiteral("SKU-1")),
                                 skuKey(QStringLiteral("SKU-1")));
        QVERIFY(!taken.ok());
        QCOMPARE(taken.error().code, QStringLiteral("conflict.unique"));
        QCOMPARE(taken.error().detail, QStringLiteral("sku"));
        QVERIFY(!s.entity(kShopA, QStringLiteral("variant"), QStringLiteral("v2")).value().has_value());
        QCOMPARE(s.maxChangeSeq(kShopA).value(), seqBefore);

        // Inside a larger write, a conflict leaves no trace and the caller may carry on.
        SK_VERIFY_OK(s.write([&]() -> Result<void> {
            auto again = s.putEntity(kShopA, variantRecord(QStringLiteral("v2"), QStringLiteral("p1"), QStringLiteral("SKU-1")),
                                     skuKey(QStringLiteral("SKU-1")));
            if (again.ok() || again.error().code != QLatin1String("conflict.unique"))
                return makeError(QStringLiteral("test"), QStringLiteral("expected a conflict"));
            return s.putEntity(kShopA, variantRecord(QStringLiteral("v2"), QStringLiteral("p1"), QStringLiteral("SKU-2")),
                               skuKey(QStringLiteral("SKU-2")))
                .ok()
                ? Result<void>()
                : makeError(QStringLiteral("test"), QStringLiteral("put failed"));
        }));
        QCOMPARE(s.entityByKey(kShopA, QStringLiteral("variant"), QStringLiteral("sku"), QStringLiteral("SKU-1"))
                     .value()
                     ->id,
                 QStringLiteral("v1"));

        // Re-putting the same entity with the same key is fine and keeps it.
        auto rePut = s.putEntity(kShopA, variantRecord(QStringLiteral("v1"), QStringLiteral("p1"), QStringLiteral("SKU-1"), 2),
                                 skuKey(QStringLiteral("SKU-1")));
        SK_VERIFY_OK(rePut);
        QCOMPARE(s.entityByKey(kShopA, QStringLiteral("variant"), QStringLiteral("sku"), QStringLiteral("SKU-1"))
                     .value()
                     ->version,
                 qint64(2));

        // The same SKU in another shop is that shop's business.
        SK_VERIFY_OK(s.putEntity(kShopB, variantRecord(QStringLiteral("v9"), QStringLiteral("p9"), QStringLiteral("SKU-1")),
                                 skuKey(QStringLiteral("SKU-1"))));

        // Changing v1's SKU frees the old one for v3.
        SK_VERIFY_OK(s.putEntity(kShopA, variantRecord(QStringLiteral("v1"), QStringLiteral("p1"), QStringLiteral("SKU-1B"), 3),
                                 skuKey(QStringLiteral("SKU-1B"))));
        SK_VERIFY_OK(s.putEntity(kShopA, variantRecord(QStringLiteral("v3"), QStringLiteral("p1"), QStringLiteral("SKU-1")),
                                 skuKey(QStringLiteral("SKU-1"))));

        // A tombstone frees its key.
        QCOMPARE(s.putEntity(kShopA, variantRecord(QStringLiteral("v4"), QStringLiteral("p1"), QStringLiteral("SKU-2")),
                             skuKey(QStringLiteral("SKU-2")))
                     .error()
                     .detail,
                 QStringLiteral("sku"));
        SK_VERIFY_OK(s.tombstone(kShopA, QStringLiteral("variant"), QStringLiteral("v2"), 500));
        QVERIFY(!s.entityByKey(kShopA, QStringLiteral("variant"), QStringLiteral("sku"), QStringLiteral("SKU-2"))
                     .value()
                     .has_value());
        SK_VERIFY_OK(s.putEntity(kShopA, variantRecord(QStringLiteral("v4"), QStringLiteral("p1"), QStringLiteral("SKU-2")),
                                 skuKey(QStringLiteral("SKU-2"))));

        // Two keys of one entity: the second one's name is reported.
        EntityRecord order;
        order.type = QStringLiteral("order");
        order.id = QStringLiteral("o1");
        order.version = 1;
        order.data = QJsonObject{{QStringLiteral("number"), 1001}};
        SK_VERIFY_OK(s.putEntity(kShopA, order, {{QStringLiteral("number"), QStringLiteral("1001")}}));
        order.id = QStringLiteral("o2");
        auto dupNumber = s.putEntity(kShopA, order, {{QStringLiteral("ref"), QStringLiteral("x")},
                                                     {QStringLiteral("number"), QStringLiteral("1001")}});
        QCOMPARE(dupNumber.error().code, QStringLiteral("conflict.unique"));
        QCOMPARE(dupNumber.error().detail, QStringLiteral("number"));
        QVERIFY(!s.entityByKey(kShopA, QStringLiteral("order"), QStringLiteral("ref"), QStringLiteral("x"))
                     .value()
                     .has_value());
    }

    void changeSeqFollowsCommitOrderAndUpdatesMoveToTheEnd()
    {
        auto t = makeServer();
        QVERIFY(t);
        ServerStorage &s = *t->storage;
        seedTwoShops(s);
        QCOMPARE(s.maxChangeSeq(kShopA).value(), qint64(0));
        QList<qint64> seqs;
        for (int i = 0; i < 5; ++i) {
            const QString id = QStringLiteral("v%1").arg(i);
            auto put = s.putEntity(kShopA, variantRecord(id, QStringLiteral("p"), id), {});
            SK_VERIFY_OK(put);
            seqs.append(put->changeSeq);
        }
        // Writes in one transaction get consecutive numbers in call order too.
        SK_VERIFY_OK(s.write([&]() -> Result<void> {
            for (int i = 5; i < 8; ++i) {
                const QString id = QStringLiteral("v%1").arg(i);
                SK_TRY_ASSIGN(put, s.putEntity(kShopA, variantRecord(id, QStringLiteral("p"), id), {}));
                seqs.append(put.changeSeq);
            }
            return {};
        }));
        for (int i = 1; i < seqs.size(); ++i)
            QVERIFY2(seqs[i] > seqs[i - 1], qPrintable(QStringLiteral("seq %1 after %2").arg(seqs[i]).arg(seqs[i - 1])));
        QCOMPARE(s.maxChangeSeq(kShopA).value(), seqs.last());

        auto update = s.putEntity(kShopA, variantRecord(QStringLiteral("v2"), QStringLiteral("p"), QStringLiteral("v2"), 2), {});
        SK_VERIFY_OK(update);
        QVERIFY(update->changeSeq > seqs.last());
        auto feed = s.changes(kShopA, 0, 100, {});
        SK_VERIFY_OK(feed);
        QCOMPARE(feed->rows.size(), 8);
        QVERIFY(!feed->hasMore);
        QCOMPARE(feed->rows.last().id, QStringLiteral("v2"));
        QCOMPARE(feed->rows.last().version, qint64(2));
        QCOMPARE(feed->rows.last().changeSeq, update->changeSeq);
        for (int i = 1; i < feed->rows.size(); ++i)
            QVERIFY(feed->rows[i].changeSeq > feed->rows[i - 1].changeSeq);
        QVERIFY(!idsOf(feed->rows).mid(0, 7).contains(QStringLiteral("v2")));
    }

    void changesPageWithLimitsAndTypeFilters()
    {
        auto t = makeServer();
        QVERIFY(t);
        ServerStorage &s = *t->storage;
        seedTwoShops(s);
        SK_VERIFY_OK(s.write([&]() -> Result<void> {
            for (int i = 0; i < 10; ++i) {
                EntityRecord e = variantRecord(QStringLiteral("v%1").arg(i), QStringLiteral("p"), QString());
                if (i % 3 == 0)
                    e.type = QStringLiteral("customer");
                SK_TRY(s.putEntity(kShopA, e, {}));
            }
            return {};
        }));
        QStringList seen;
        qint64 cursor = 0;
        int pages = 0;
        for (;;) {
            auto page = s.changes(kShopA, cursor, 3, {});
            SK_VERIFY_OK(page);
            QVERIFY(page->rows.size() <= 3);
            ++pages;
            seen += idsOf(page->rows);
            if (!page->rows.isEmpty())
                cursor = page->rows.last().changeSeq;
            if (!page->hasMore)
                break;
        }
        QCOMPARE(pages, 4);
        QCOMPARE(seen.size(), 10);
        QCOMPARE(seen.first(), QStringLiteral("v0"));
        QCOMPARE(seen.last(), QStringLiteral("v9"));

        // Exactly `limit` rows left: no further page is promised.
        auto exact = s.changes(kShopA, 0, 10, {});
        SK_VERIFY_OK(exact);
        QCOMPARE(exact->rows.size(), 10);
        QVERIFY(!exact->hasMore);

        auto variantsOnly = s.changes(kShopA, 0, 100, {QStringLiteral("variant"), QStringLiteral("order")});
        SK_VERIFY_OK(variantsOnly);
        QCOMPARE(variantsOnly->rows.size(), 6);
        for (const EntityRecord &e : variantsOnly->rows)
            QCOMPARE(e.type, QStringLiteral("variant"));
        auto firstTwo = s.changes(kShopA, 0, 2, {QStringLiteral("customer")});
        SK_VERIFY_OK(firstTwo);
        QCOMPARE(idsOf(firstTwo->rows), (QStringList{QStringLiteral("v0"), QStringLiteral("v3")}));
        QVERIFY(firstTwo->hasMore);
    }

    void listEntitiesPagesByUpdatedAtAndId()
    {
        auto t = makeServer();
        QVERIFY(t);
        ServerStorage &s = *t->storage;
        seedTwoShops(s);
        // Updated times with ties, written out of order.
        const QList<std::pair<QString, qint64>> rows = {
            {QStringLiteral("v5"), 300}, {QStringLiteral("v1"), 100}, {QStringLiteral("v3"), 200},
            {QStringLiteral("v2"), 200}, {QStringLiteral("v4"), 200}, {QStringLiteral("v0"), 50}};
        for (const auto &[id, at] : rows) {
            SK_VERIFY_OK(s.putEntity(kShopA, variantRecord(id, id == QLatin1String("v5") ? QStringLiteral("p2") : QStringLiteral("p1"), id, 1, at), {}));
        }
        SK_VERIFY_OK(s.putEntity(kShopA, variantRecord(QStringLiteral("gone"), QStringLiteral("p1"), QString(), 1, 150), {}));
        SK_VERIFY_OK(s.tombstone(kShopA, QStringLiteral("variant"), QStringLiteral("gone"), 250));

        QStringList seen;
        std::optional<std::pair<qint64, QString>> after;
        int pages = 0;
        for (;;) {
            auto page = s.listEntities(kShopA, QStringLiteral("variant"), 0, after, 2);
            SK_VERIFY_OK(page);
            ++pages;
            seen += idsOf(page->rows);
            if (!page->hasMore)
                break;
            after = std::make_pair(page->rows.last().updatedAt, page->rows.last().id);
        }
        QCOMPARE(pages, 3);
        QCOMPARE(seen, (QStringList{QStringLiteral("v0"), QStringLiteral("v1"), QStringLiteral("v2"), QStringLiteral("v3"),
                                    QStringLiteral("v4"), QStringLiteral("v5")}));

        auto recent = s.listEntities(kShopA, QStringLiteral("variant"), 100, std::nullopt, 100);
        SK_VERIFY_OK(recent);
        QCOMPARE(idsOf(recent->rows), (QStringList{QStringLiteral("v2"), QStringLiteral("v3"), QStringLiteral("v4"),
                                                   QStringLiteral("v5")}));
        auto ofP1 = s.listEntities(kShopA, QStringLiteral("variant"), 0, std::make_pair(qint64(200), QStringLiteral("v2")),
                                   100, QStringLiteral("p1"));
        SK_VERIFY_OK(ofP1);
        QCOMPARE(idsOf(ofP1->rows), (QStringList{QStringLiteral("v3"), QStringLiteral("v4")}));
        QVERIFY(s.listEntities(kShopA, QStringLiteral("product"), 0, std::nullopt, 100).value().rows.isEmpty());
    }

    void tombstonesAppearInTheFeedAndArePurged()
    {
        auto t = makeServer();
        QVERIFY(t);
        ServerStorage &s = *t->storage;
        seedTwoShops(s);
        for (int i = 0; i < 4; ++i) {
            SK_VERIFY_OK(s.putEntity(kShopA, variantRecord(QStringLiteral("v%1").arg(i), QStringLiteral("p"),
                                                           QStringLiteral("S%1").arg(i)),
                                     skuKey(QStringLiteral("S%1").arg(i))));
        }
        auto dead = s.tombstone(kShopA, QStringLiteral("variant"), QStringLiteral("v1"), 1000);
        SK_VERIFY_OK(dead);
        QVERIFY(dead->deleted);
        QCOMPARE(dead->version, qint64(2));
        QVERIFY(dead->data.isEmpty());
        auto again = s.tombstone(kShopA, QStringLiteral("variant"), QStringLiteral("v1"), 1100);
        SK_VERIFY_OK(again);
        QCOMPARE(again->changeSeq, dead->changeSeq); // already dead: unchanged
        QCOMPARE(s.tombstone(kShopA, QStringLiteral("variant"), QStringLiteral("nope"), 1).error().code,
                 QStringLiteral("not_found.entity"));
        auto late = s.tombstone(kShopA, QStringLiteral("variant"), QStringLiteral("v2"), 5000);
        SK_VERIFY_OK(late);

        auto stored = s.entity(kShopA, QStringLiteral("variant"), QStringLiteral("v1"));
        SK_VERIFY_OK(stored);
        QVERIFY((*stored)->deleted);
        QVERIFY((*stored)->data.isEmpty());
        QVERIFY(s.children(kShopA, QStringLiteral("variant"), QStringLiteral("p")).value().size() == 2);

        auto feed = s.changes(kShopA, 0, 100, {});
        SK_VERIFY_OK(feed);
        QCOMPARE(feed->rows.size(), 4);
        QCOMPARE(feed->rows.at(2).id, QStringLiteral("v1"));
        QVERIFY(feed->rows.at(2).deleted);
        QCOMPARE(feed->rows.at(2).version, qint64(2));
        QVERIFY(feed->rows.at(2).data.isEmpty());
        QCOMPARE(feed->rows.at(3).id, QStringLiteral("v2"));

        // Purge what died before 2000: v1 only. The shop remembers how far it purged.
        const qint64 maxBefore = s.maxChangeSeq(kShopA).value();
        auto purged = s.purgeTombstones(kShopA, 2000);
        SK_VERIFY_OK(purged);
        QCOMPARE(*purged, qint64(1));
        QVERIFY(!s.entity(kShopA, QStringLiteral("variant"), QStringLiteral("v1")).value().has_value());
        QVERIFY(s.entity(kShopA, QStringLiteral("variant"), QStringLiteral("v2")).value().has_value());
        QCOMPARE(s.shop(kShopA).value()->purgedThroughSeq, dead->changeSeq);
        QCOMPARE(s.shop(kShopB).value()->purgedThroughSeq, qint64(0));
        QCOMPARE(s.maxChangeSeq(kShopA).value(), maxBefore);
        QCOMPARE(s.changes(kShopA, 0, 100, {}).value().rows.size(), 3);

        // Purging the last row of the feed still leaves maxChangeSeq where it was.
        auto purgedLate = s.purgeTombstones(kShopA, 6000);
        SK_VERIFY_OK(purgedLate);
        QCOMPARE(*purgedLate, qint64(1));
        QCOMPARE(s.shop(kShopA).value()->purgedThroughSeq, late->changeSeq);
        QCOMPARE(s.maxChangeSeq(kShopA).value(), late->changeSeq);
        QCOMPARE(s.purgeTombstones(kShopA, 9000).value(), qint64(0));
        QCOMPARE(s.shop(kShopA).value()->purgedThroughSeq, late->changeSeq);

        // A purged id can be created again.
        SK_VERIFY_OK(s.putEntity(kShopA, variantRecord(QStringLiteral("v1"), QStringLiteral("p"), QStringLiteral("S1")),
                                 skuKey(QStringLiteral("S1"))));
    }

    void aFailedWriteLeavesNothing()
    {
        auto t = makeServer();
        QVERIFY(t);
        ServerStorage &s = *t->storage;
        seedTwoShops(s);
        SK_VERIFY_OK(s.putEntity(kShopA, variantRecord(QStringLiteral("v0"), QStringLiteral("p"), QString()), {}));
        const qint64 seqBefore = s.maxChangeSeq(kShopA).value();
        const auto statsBefore = s.stats().value();
        auto failed = s.write([&]() -> Result<void> {
            SK_TRY(s.insertUser(userRecord(QStringLiteral("u1"), QStringLiteral("one@x.test"))));
            SK_TRY(s.putEntity(kShopA, variantRecord(QStringLiteral("v1"), QStringLiteral("p"), QStringLiteral("S1")),
                               skuKey(QStringLiteral("S1"))));
            SK_TRY(s.tombstone(kShopA, QStringLiteral("variant"), QStringLiteral("v0"), 10));
            SK_TRY(s.takeOrderNumber(kShopA));
            return makeError(QStringLiteral("test.boom"), QStringLiteral("boom"));
        });
        QVERIFY(!failed.ok());
        QCOMPARE(failed.error().code, QStringLiteral("test.boom"));
        QVERIFY(!s.user(QStringLiteral("u1")).value().has_value());
        QVERIFY(!s.entity(kShopA, QStringLiteral("variant"), QStringLiteral("v1")).value().has_value());
        QVERIFY(!s.entity(kShopA, QStringLiteral("variant"), QStringLiteral("v0")).value()->deleted);
        QVERIFY(!s.entityByKey(kShopA, QStringLiteral("variant"), QStringLiteral("sku"), QStringLiteral("S1"))
                     .value()
                     .has_value());
        QCOMPARE(s.shop(kShopA).value()->nextOrderNumber, qint64(1001));
        QCOMPARE(s.stats().value(), statsBefore);
        // The counter rolled back too: the next change follows directly.
        auto next = s.putEntity(kShopA, variantRecord(QStringLiteral("v2"), QStringLiteral("p"), QString()), {});
        SK_VERIFY_OK(next);
        QCOMPARE(next->changeSeq, seqBefore + 1);
    }

    void nestedWritesJoinTheOuterTransaction()
    {
        auto t = makeServer();
        QVERIFY(t);
        ServerStorage &s = *t->storage;
        seedTwoShops(s);
        // An inner failure undoes only the inner part; the outer commits the rest.
        SK_VERIFY_OK(s.write([&]() -> Result<void> {
            SK_TRY(s.putEntity(kShopA, variantRecord(QStringLiteral("outer"), QStringLiteral("p"), QString()), {}));
            auto inner = s.write([&]() -> Result<void> {
                SK_TRY(s.putEntity(kShopA, variantRecord(QStringLiteral("inner"), QStringLiteral("p"), QString()), {}));
                return makeError(QStringLiteral("test.inner"), QStringLiteral("inner fails"));
            });
            if (inner.ok())
                return makeError(QStringLiteral("test"), QStringLiteral("inner should fail"));
            return s.write([&]() -> Result<void> {
                SK_TRY(s.putEntity(kShopA, variantRecord(QStringLiteral("inner2"), QStringLiteral("p"), QString()), {}));
                return {};
            });
        }));
        QVERIFY(s.entity(kShopA, QStringLiteral("variant"), QStringLiteral("outer")).value().has_value());
        QVERIFY(!s.entity(kShopA, QStringLiteral("variant"), QStringLiteral("inner")).value().has_value());
        QVERIFY(s.entity(kShopA, QStringLiteral("variant"), QStringLiteral("inner2")).value().has_value());

        // A successful inner write is undone with its failing outer one.
        auto failed = s.write([&]() -> Result<void> {
            const auto inner = s.write([&]() -> Result<void> {
                SK_TRY(s.putEntity(kShopA, variantRecord(QStringLiteral("joined"), QStringLiteral("p"), QString()), {}));
                return {};
            });
            SK_TRY(inner);
            return makeError(QStringLiteral("test.outer"), QStringLiteral("outer fails"));
        });
        QCOMPARE(failed.error().code, QStringLiteral("test.outer"));
        QVERIFY(!s.entity(kShopA, QStringLiteral("variant"), QStringLiteral("joined")).value().has_value());

        // Reads inside a write see its own changes; a write inside a read is refused.
        SK_VERIFY_OK(s.write([&]() -> Result<void> {
            SK_TRY(s.putEntity(kShopA, variantRecord(QStringLiteral("mine"), QStringLiteral("p"), QString()), {}));
            bool seen = false;
            SK_TRY(s.read([&]() -> Result<void> {
                SK_TRY_ASSIGN(e, s.entity(kShopA, QStringLiteral("variant"), QStringLiteral("mine")));
                seen = e.has_value();
                return {};
            }));
            return seen ? Result<void>() : makeError(QStringLiteral("test"), QStringLiteral("own write not seen"));
        }));
        auto inRead = s.read([&]() -> Result<void> { return s.write([] { return Result<void>(); }); });
        QCOMPARE(inRead.error().code, QStringLiteral("storage.write_in_read"));
    }

    void aReadSeesOneSnapshotWhileAnotherConnectionWrites()
    {
        auto t = makeServer();
        QVERIFY(t);
        ServerStorage &reader = *t->storage;
        seedTwoShops(reader);
        for (int i = 0; i < 10; ++i) {
            SK_VERIFY_OK(reader.putEntity(kShopA, variantRecord(QStringLiteral("v%1").arg(i), QStringLiteral("p"),
                                                                QStringLiteral("S%1").arg(i)),
                                          skuKey(QStringLiteral("S%1").arg(i))));
        }
        auto second = SqliteServerStorage::open(t->path());
        SK_VERIFY_OK(second);
        ServerStorage &writer = **second;

        QStringList firstPass;
        qint64 lastSeq = 0;
        bool writerDone = false;
        SK_VERIFY_OK(reader.read([&]() -> Result<void> {
            SK_TRY_ASSIGN(page1, reader.changes(kShopA, 0, 4, {}));
            firstPass += idsOf(page1.rows);
            lastSeq = page1.rows.last().changeSeq;

            // Another connection changes rows on both sides of the page boundary and adds one.
            auto written = writer.write([&]() -> Result<void> {
                SK_TRY(writer.putEntity(kShopA, variantRecord(QStringLiteral("v7"), QStringLiteral("p"), QStringLiteral("S7"), 2), skuKey(QStringLiteral("S7"))));
                SK_TRY(writer.putEntity(kShopA, variantRecord(QStringLiteral("v1"), QStringLiteral("p"), QStringLiteral("S1"), 2), skuKey(QStringLiteral("S1"))));
                SK_TRY(writer.tombstone(kShopA, QStringLiteral("variant"), QStringLiteral("v8"), 900));
                SK_TRY(writer.putEntity(kShopA, variantRecord(QStringLiteral("new"), QStringLiteral("p"), QStringLiteral("SN")), skuKey(QStringLiteral("SN"))));
                return {};
            });
            SK_TRY(written);
            writerDone = true;

            // The rest of the walk still sees the snapshot: v7 at version 1, v8 alive, no "new".
            for (;;) {
                SK_TRY_ASSIGN(page, reader.changes(kShopA, lastSeq, 4, {}));
                for (const EntityRecord &e : page.rows) {
                    firstPass.append(e.id);
                    if (e.version != 1 || e.deleted)
                        return makeError(QStringLiteral("test"), QStringLiteral("saw a later write: ") + e.id);
                }
                if (!page.rows.isEmpty())
                    lastSeq = page.rows.last().changeSeq;
                if (!page.hasMore)
                    break;
            }
            SK_TRY_ASSIGN(v8, reader.entity(kShopA, QStringLiteral("variant"), QStringLiteral("v8")));
            if (!v8 || v8->deleted)
                return makeError(QStringLiteral("test"), QStringLiteral("v8 changed inside the snapshot"));
            SK_TRY_ASSIGN(fresh, reader.entity(kShopA, QStringLiteral("variant"), QStringLiteral("new")));
            if (fresh)
                return makeError(QStringLiteral("test"), QStringLiteral("new row visible inside the snapshot"));
            return {};
        }));
        QVERIFY(writerDone);
        QCOMPARE(firstPass.size(), 10);
        QCOMPARE(firstPass.first(), QStringLiteral("v0"));
        QCOMPARE(firstPass.last(), QStringLiteral("v9"));

        // Catching up from the snapshot's last position brings exactly what was written meanwhile.
        auto catchUp = reader.changes(kShopA, lastSeq, 100, {});
        SK_VERIFY_OK(catchUp);
        QCOMPARE(idsOf(catchUp->rows), (QStringList{QStringLiteral("v7"), QStringLiteral("v1"), QStringLiteral("v8"),
                                                    QStringLiteral("new")}));
        QCOMPARE(catchUp->rows.at(0).version, qint64(2));
        QVERIFY(catchUp->rows.at(2).deleted);
    }

    void shopsNeverSeeEachOther()
    {
        auto t = makeServer();
        QVERIFY(t);
        ServerStorage &s = *t->storage;
        seedTwoShops(s);
        SK_VERIFY_OK(s.insertUser(userRecord(QStringLiteral("u1"), QStringLiteral("one@x.test"))));
        SK_VERIFY_OK(s.insertUser(userRecord(QStringLiteral("u2"), QStringLiteral("two@x.test"))));
        SK_VERIFY_OK(s.putMembership({kShopA, QStringLiteral("u1"), Role::Owner}));
        SK_VERIFY_OK(s.putMembership({kShopB, QStringLiteral("u2"), Role::Owner}));

        // The same ids, types and keys in both shops, with different content.
        auto putBoth = [&](const QString &id, const QString &parent, const QString &sku, qint64 at) -> Result<void> {
            EntityRecord a = variantRecord(id, parent, sku, 1, at);
            a.data.insert(QStringLiteral("shop"), QStringLiteral("A"));
            EntityRecord b = variantRecord(id, parent, sku, 1, at);
            b.data.insert(QStringLiteral("shop"), QStringLiteral("B"));
            SK_TRY(s.putEntity(kShopA, a, skuKey(sku)));
            SK_TRY(s.putEntity(kShopB, b, skuKey(sku)));
            return {};
        };
        SK_VERIFY_OK(putBoth(QStringLiteral("v1"), QStringLiteral("p1"), QStringLiteral("S1"), 10));
        SK_VERIFY_OK(putBoth(QStringLiteral("v2"), QStringLiteral("p1"), QStringLiteral("S2"), 20));
        auto shopOf = [](const EntityRecord &e) { return e.data.value(QStringLiteral("shop")).toString(); };

        QCOMPARE(shopOf(*s.entity(kShopA, QStringLiteral("variant"), QStringLiteral("v1")).value()), QStringLiteral("A"));
        QCOMPARE(shopOf(*s.entity(kShopB, QStringLiteral("variant"), QStringLiteral("v1")).value()), QStringLiteral("B"));
        QCOMPARE(shopOf(*s.entityByKey(kShopB, QStringLiteral("variant"), QStringLiteral("sku"), QStringLiteral("S2")).value()),
                 QStringLiteral("B"));
        const auto kidsA = s.children(kShopA, QStringLiteral("variant"), QStringLiteral("p1"));
        SK_VERIFY_OK(kidsA);
        QCOMPARE(kidsA->size(), 2);
        for (const EntityRecord &e : *kidsA)
            QCOMPARE(shopOf(e), QStringLiteral("A"));
        auto feedA = s.changes(kShopA, 0, 100, {});
        QCOMPARE(feedA->rows.size(), 2);
        for (const EntityRecord &e : feedA->rows)
            QCOMPARE(shopOf(e), QStringLiteral("A"));
        auto listB = s.listEntities(kShopB, QStringLiteral("variant"), 0, std::nullopt, 100);
        QCOMPARE(listB->rows.size(), 2);
        for (const EntityRecord &e : listB->rows)
            QCOMPARE(shopOf(e), QStringLiteral("B"));
        auto listB2 = s.listEntities(kShopB, QStringLiteral("variant"), 0, std::nullopt, 100, QStringLiteral("p1"));
        for (const EntityRecord &e : listB2->rows)
            QCOMPARE(shopOf(e), QStringLiteral("B"));

        // A tombstone and a purge in A leave B alone.
        SK_VERIFY_OK(s.tombstone(kShopA, QStringLiteral("variant"), QStringLiteral("v1"), 30));
        QVERIFY(!s.entity(kShopB, QStringLiteral("variant"), QStringLiteral("v1")).value()->deleted);
        QVERIFY(s.entityByKey(kShopB, QStringLiteral("variant"), QStringLiteral("sku"), QStringLiteral("S1")).value().has_value());
        SK_VERIFY_OK(s.purgeTombstones(kShopA, 100));
        QVERIFY(s.entity(kShopB, QStringLiteral("variant"), QStringLiteral("v1")).value().has_value());
        QCOMPARE(s.changes(kShopB, 0, 100, {}).value().rows.size(), 2);
        QVERIFY(s.maxChangeSeq(kShopB).value() < s.maxChangeSeq(kShopA).value());

        // Memberships, API tokens, clients, mutation results.
        QCOMPARE(s.membershipsOfShop(kShopA).value().size(), 1);
        QCOMPARE(s.membershipsOfShop(kShopA).value().at(0).userId, QStringLiteral("u1"));
        QVERIFY(!s.membership(kShopA, QStringLiteral("u2")).value().has_value());
        SK_VERIFY_OK(s.insertApiToken({QStringLiteral("k1"), kShopA, QStringLiteral("t"), Role::Staff, "h1", {}, 1, {}}));
        QVERIFY(s.apiTokensOfShop(kShopB).value().isEmpty());
        QVERIFY(!s.revokeApiToken(kShopB, QStringLiteral("k1"), 5).value());

        const QString clientId = QStringLiteral("0190a000-0000-7000-8000-0000000000c1");
        SK_VERIFY_OK(s.insertClient({kShopA, clientId, QStringLiteral("u1"), 0, 1}));
        QVERIFY(!s.client(kShopB, clientId).value().has_value());
        auto stolen = s.insertClient({kShopB, clientId, QStringLiteral("u2"), 0, 1});
        QCOMPARE(stolen.error().code, QStringLiteral("conflict.client_owned"));
        QCOMPARE(s.setLastAppliedSeq(kShopB, clientId, 5).error().code, QStringLiteral("not_found.client"));
        QCOMPARE(s.client(kShopA, clientId).value()->lastAppliedSeq, qint64(0));
        MutationResultRecord r{kShopA, clientId, 1, QStringLiteral("m1"), QStringLiteral("product.create"),
                               QStringLiteral("applied"), {}, QJsonObject{{QStringLiteral("id"), QStringLiteral("p")}}, 7};
        SK_VERIFY_OK(s.insertMutationResult(r));
        QVERIFY(!s.mutationResult(kShopB, clientId, 1).value().has_value());
        r.shopId = kShopB;
        QVERIFY(!s.insertMutationResult(r).ok()); // no such client in B
    }

    void clientsAndMutationResultsRoundTrip()
    {
        auto t = makeServer();
        QVERIFY(t);
        ServerStorage &s = *t->storage;
        seedTwoShops(s);
        const QString clientId = QStringLiteral("0190a000-0000-7000-8000-0000000000c1");
        SK_VERIFY_OK(s.insertClient({kShopA, clientId, QStringLiteral("u1"), 0, 42}));
        QCOMPARE(s.insertClient({kShopA, clientId, QStringLiteral("u1"), 0, 43}).error().code,
                 QStringLiteral("conflict.client_owned"));
        auto c = s.client(kShopA, clientId);
        SK_VERIFY_OK(c);
        QVERIFY(c->has_value());
        QCOMPARE((*c)->userId, QStringLiteral("u1"));
        QCOMPARE((*c)->createdAt, qint64(42));
        QCOMPARE((*c)->lastAppliedSeq, qint64(0));

        MutationResultRecord r{kShopA, clientId, 1, QStringLiteral("m1"), QStringLiteral("inventory.set"),
                               QStringLiteral("conflict"), QStringLiteral("inventory_stale"),
                               QJsonObject{{QStringLiteral("details"), QJsonObject{{QStringLiteral("current"), 7}}}}, 99};
        SK_VERIFY_OK(s.write([&]() -> Result<void> {
            SK_TRY(s.insertMutationResult(r));
            return s.setLastAppliedSeq(kShopA, clientId, 1);
        }));
        QCOMPARE(s.client(kShopA, clientId).value()->lastAppliedSeq, qint64(1));
        auto stored = s.mutationResult(kShopA, clientId, 1);
        SK_VERIFY_OK(stored);
        QVERIFY(stored->has_value());
        QCOMPARE((*stored)->mutationId, QStringLiteral("m1"));
        QCOMPARE((*stored)->name, QStringLiteral("inventory.set"));
        QCOMPARE((*stored)->status, QStringLiteral("conflict"));
        QCOMPARE((*stored)->code, QStringLiteral("inventory_stale"));
        QCOMPARE((*stored)->result, r.result);
        QCOMPARE((*stored)->appliedAt, qint64(99));
        QVERIFY(!s.mutationResult(kShopA, clientId, 2).value().has_value());
        QCOMPARE(s.insertMutationResult(r).error().code, QStringLiteral("conflict.exists"));
    }

    void statsCountRowsPerShop()
    {
        auto t = makeServer();
        QVERIFY(t);
        ServerStorage &s = *t->storage;
        seedTwoShops(s);
        SK_VERIFY_OK(s.insertUser(userRecord(QStringLiteral("u1"), QStringLiteral("one@x.test"))));
        SK_VERIFY_OK(s.putMembership({kShopB, QStringLiteral("u1"), Role::Owner}));
        SK_VERIFY_OK(s.putEntity(kShopB, variantRecord(QStringLiteral("v1"), QStringLiteral("p"), QString()), {}));
        SK_VERIFY_OK(s.putEntity(kShopB, variantRecord(QStringLiteral("v2"), QStringLiteral("p"), QString()), {}));
        SK_VERIFY_OK(s.tombstone(kShopB, QStringLiteral("variant"), QStringLiteral("v2"), 3));
        auto stats = s.stats();
        SK_VERIFY_OK(stats);
        QCOMPARE(stats->value(QStringLiteral("users")).toInt(), 1);
        QCOMPARE(stats->value(QStringLiteral("change_seq")).toInt(), 3);
        QVERIFY(stats->value(QStringLiteral("file_bytes")).toInteger() > 0);
        const QJsonArray shops = stats->value(QStringLiteral("shops")).toArray();
        QCOMPARE(shops.size(), 2);
        QJsonObject b;
        for (const auto &v : shops) {
            if (v.toObject().value(QStringLiteral("id")).toString() == kShopB)
                b = v.toObject();
        }
        QCOMPARE(b.value(QStringLiteral("members")).toInt(), 1);
        QCOMPARE(b.value(QStringLiteral("tombstones")).toInt(), 1);
        QCOMPARE(b.value(QStringLiteral("max_change_seq")).toInt(), 3);
        QCOMPARE(b.value(QStringLiteral("entities")).toObject().value(QStringLiteral("variant")).toInt(), 1);
    }
};

QTEST_GUILESS_MAIN(tst_SqliteServerStorage)
#include "tst_sqliteserverstorage.moc"
