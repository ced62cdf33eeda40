// Profile: profile.json round trip, damaged and newer files, clear(), where each shop's file
// lives, and — after a real sign-in — that no file of the profile folder holds a token.

#include "../server/synctestsupport.h"
#include "auth/authsession.h"
#include "auth/profile.h"
#include "auth/secretstore.h"
#include "storage/shopstore.h"
#include "testsupport.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace sk;
using namespace Qt::StringLiterals;

namespace {

SessionInfo sampleSession()
{
    SessionInfo info;
    info.serverUrl = u"https://shops.example.test:8443"_s;
    info.userId = u"0190a4c2-7b1e-7c3d-8e4f-5a6b7c8d9e01"_s;
    info.email = u"zoé@example.test"_s;
    info.name = u"Zoé Dupont"_s;
    info.shops = {ShopMembership{u"0190a4c2-7b1e-7c3d-8e4f-5a6b7c8d9e02"_s, u"Boutique Zoé"_s, u"owner"_s, u"EUR"_s,
                                u"Europe/Paris"_s, u"fr-FR"_s},
                  ShopMembership{u"0190a4c2-7b1e-7c3d-8e4f-5a6b7c8d9e03"_s, u"Tokyo Annex"_s, u"warehouse"_s,
                                 u"JPY"_s, u"Asia/Tokyo"_s, u"ja-JP"_s}};
    return info;
}

bool sameShop(const ShopMembership &a, const ShopMembership &b)
{
    return a.id == b.id && a.name == b.name && a.role == b.role && a.currency == b.currency
           && a.timeZone == b.timeZone && a.locale == b.locale;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

} // namespace

class tst_Profile : public QObject
{
    Q_OBJECT

private slots:
    void savesAndLoadsTheSession()
    {
        QTemporaryDir dir;
        const QString folder = dir.filePath(u"profile"_s); // not there yet: save() creates it
        Profile profile(folder);
        QVERIFY(!profile.hasSession());
        profile.setSession(sampleSession());
        profile.setCurrentShopId(sampleSession().shops.at(1).id);
        SK_VERIFY_OK(profile.save());
        QCOMPARE(profile.filePath(), folder + u"/profile.json"_s);
        QVERIFY(QFileInfo::exists(profile.filePath()));
        // Owner-only: the folder also holds the shop caches.
        QCOMPARE(QFileInfo(folder).permissions() & (QFileDevice::ReadOther | QFileDevice::ReadGroup),
                 QFileDevice::Permissions());
        // QSaveFile leaves no temporary file behind.
        QCOMPARE(QDir(folder).entryList(QDir::Files | QDir::Hidden), QStringList{u"profile.json"_s});

        Profile loaded(folder);
        SK_VERIFY_OK(loaded.load());
        QVERIFY(loaded.hasSession());
        const SessionInfo expected = sampleSession();
        const SessionInfo &got = loaded.session();
        QCOMPARE(got.serverUrl, expected.serverUrl);
        QCOMPARE(got.userId, expected.userId);
        QCOMPARE(got.email, expected.email);
        QCOMPARE(got.name, expected.name);
        QCOMPARE(got.apiTokenMode, false);
        QCOMPARE(got.shops.size(), 2);
        for (qsizetype i = 0; i < 2; ++i)
            QVERIFY(sameShop(got.shops.at(i), expected.shops.at(i)));
        QCOMPARE(loaded.currentShopId(), expected.shops.at(1).id);

        // Saving again replaces the file.
        loaded.setCurrentShopId(expected.shops.at(0).id);
        SK_VERIFY_OK(loaded.save());
        Profile again(folder);
        SK_VERIFY_OK(again.load());
        QCOMPARE(again.currentShopId(), expected.shops.at(0).id);
    }

    void aMissingFileIsAnEmptyProfile()
    {
        QTemporaryDir dir;
        Profile profile(dir.path());
        SK_VERIFY_OK(profile.load());
        QVERIFY(!profile.hasSession());
        QVERIFY(profile.currentShopId().isEmpty());
        QVERIFY(!Profile::defaultDirectory().isEmpty());
    }

    void damagedAndNewerFilesAreRefused()
    {
        QTemporaryDir dir;
        Profile profile(dir.path());
        QVERIFY(writeFile(profile.filePath(), "{ not json"));
        QCOMPARE(profile.load().error().code, u"profile.corrupt"_s);
        QVERIFY(!profile.hasSession());

        const QByteArray newer = R"({"version": 99, "session": {"server_url": "http://x", "user_id": "u"}})";
        QVERIFY(writeFile(profile.filePath(), newer));
        const Result<void> loaded = profile.load();
        QCOMPARE(loaded.error().code, u"profile.newer"_s);
        QVERIFY(loaded.error().message.contains(profile.filePath()));
        QFile file(profile.filePath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), newer); // left untouched
    }

    void clearForgetsTheSessionButKeepsShopFiles()
    {
        QTemporaryDir dir;
        Profile profile(dir.path());
        profile.setSession(sampleSession());
        profile.setCurrentShopId(sampleSession().shops.at(0).id);
        SK_VERIFY_OK(profile.save());
        const Result<QString> storePath = profile.prepareStorePath(sampleSession().shops.at(0).id);
        SK_VERIFY_OK(storePath);
        QVERIFY(writeFile(*storePath, "cache"));

        SK_VERIFY_OK(profile.clear());
        QVERIFY(!profile.hasSession());
        QVERIFY(profile.currentShopId().isEmpty());
        QVERIFY(!QFileInfo::exists(profile.filePath()));
        QVERIFY(QFileInfo::exists(*storePath)); // unsent edits survive a sign-out
        Profile reloaded(dir.path());
        SK_VERIFY_OK(reloaded.load());
        QVERIFY(!reloaded.hasSession());
        SK_VERIFY_OK(profile.clear()); // nothing to remove is fine
    }

    void eachShopAndUserHasItsOwnStoreFile()
    {
        QTemporaryDir dir;
        Profile profile(dir.path());
        SessionInfo info = sampleSession();
        info.serverUrl += u"/"_s; // normalised like AuthSession does
        profile.setSession(info);
        const QString shopA = info.shops.at(0).id;
        const QString shopB = info.shops.at(1).id;
        const QString expected = dir.path() + u"/shops/"_s
                                 + ShopStore::fileNameFor(StoreIdentity{sampleSession().serverUrl, shopA,
                                                                        sampleSession().userId});
        QCOMPARE(profile.storePathFor(shopA), expected);
        QVERIFY(profile.storePathFor(shopB) != expected);

        Profile otherUser(dir.path());
        info.userId = u"0190a4c2-7b1e-7c3d-8e4f-5a6b7c8d9eff"_s;
        otherUser.setSession(info);
        QVERIFY(otherUser.storePathFor(shopA) != expected);

        // The path is usable: the folder is made and a shop store opens there.
        const Result<QString> prepared = profile.prepareStorePath(shopA);
        SK_VERIFY_OK(prepared);
        QCOMPARE(*prepared, expected);
        auto store = ShopStore::open(*prepared, StoreIdentity{sampleSession().serverUrl, shopA, sampleSession().userId});
        SK_VERIFY_OK(store);
    }

    // A real sign-in, then everything the app keeps on disk: no file may hold a token.
    void noFileOfTheProfileHoldsAToken()
    {
        test::SyncTestWorld world;
        QVERIFY2(world.start(), qPrintable(world.error));
        const QString shopId = world.createShop(u"Profile Shop"_s, u"EUR"_s, u"allow"_s);
        QVERIFY2(world.createUser(u"pat@profile.test"_s, u"Pat"_s), qPrintable(world.error));
        QVERIFY2(world.addMember(shopId, u"pat@profile.test"_s, u"owner"_s), qPrintable(world.error));

        MemorySecretStore secrets;
        AuthSession auth(secrets);
        const Result<SessionInfo> info =
            auth.login(world.server.baseUrl(), u"pat@profile.test"_s, QString::fromLatin1(test::SyncTestWorld::Password));
        SK_VERIFY_OK(info);
        SK_VERIFY_OK(auth.refreshAfter401(auth.accessToken())); // a second pair, too

        QTemporaryDir dir;
        Profile profile(dir.path());
        profile.setSession(auth.info());
        profile.setCurrentShopId(shopId);
        SK_VERIFY_OK(profile.save());
        const Result<QString> storePath = profile.prepareStorePath(shopId);
        SK_VERIFY_OK(storePath);
        SK_VERIFY_OK(ShopStore::open(*storePath, StoreIdentity{info->serverUrl, shopId, info->userId}));

        const QJsonObject secret = QJsonDocument::fromJson(*secrets.read(AuthSession::secretKey(
                                                               info->serverUrl, info->userId)))
                                       .object();
        const QByteArray access = secret.value(u"access_token").toString().toUtf8();
        const QByteArray refresh = secret.value(u"refresh_token").toString().toUtf8();
        QVERIFY(access.size() > 20 && refresh.size() > 20);

        int files = 0;
        QDirIterator it(dir.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
            const QByteArray bytes = file.readAll();
            ++files;
            QVERIFY2(!bytes.contains(access), qPrintable(file.fileName()));
            QVERIFY2(!bytes.contains(refresh), qPrintable(file.fileName()));
            QVERIFY2(!bytes.contains(test::SyncTestWorld::Password), qPrintable(file.fileName()));
        }
        QVERIFY(files >= 2); // profile.json and the shop file at least
        // ...while the profile does know who is signed in where.
        Profile loaded(dir.path());
        SK_VERIFY_OK(loaded.load());
        QCOMPARE(loaded.session().userId, info->userId);
        QCOMPARE(loaded.session().shops.size(), 1);
        QCOMPARE(loaded.currentShopId(), shopId);
        SK_VERIFY_OK(auth.logout());
    }
};

QTEST_GUILESS_MAIN(tst_Profile)
#include "tst_profile.moc"
