#include "storage/schemamigrator.h"
#include "storage/shoprepository.h"
#include "storage/shopstore.h"
#include "storagetestsupport.h"
#include "testsupport.h"

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <chrono>
#include <future>
#include <stdexcept>
#include <thread>

using namespace sk;

namespace {

qint64 locationCount(ShopStore &store)
{
    auto reader = store.openReader();
    return reader.ok() ? (*reader)->queryInt64("SELECT count(*) FROM locations").valueOr(-1) : -1;
}

} // namespace

class tst_ShopStore : public QObject
{
    Q_OBJECT

private slots:
    void opensWithWalFullSyncAndLatestSchema()
    {
        auto temp = test::makeTempStore();
        QVERIFY(temp);
        auto reader = temp->store->openReader();
        SK_VERIFY_OK(reader);
        QCOMPARE((*reader)->userVersion().value(), SchemaMigrator::latestVersion());
        auto mode = (*reader)->prepare("PRAGMA journal_mode");
        SK_VERIFY_OK(mode);
        QVERIFY(mode->step().value());
        QCOMPARE(mode->text(0), QStringLiteral("wal"));
        QVERIFY((*reader)->isReadOnly());
    }

    // New files get 8 KiB pages; a file made before keeps the size it has.
    void newFilesUseEightKibPagesOldOnesKeepTheirs()
    {
        auto temp = test::makeTempStore();
        QVERIFY(temp);
        auto reader = temp->store->openReader();
        SK_VERIFY_OK(reader);
        QCOMPARE((*reader)->queryInt64("PRAGMA page_size").valueOr(-1), qint64(8192));

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("old.sqlite"));
        {
            auto old = SqliteDatabase::open(path, SqliteDatabase::Mode::ReadWriteCreate);
            SK_VERIFY_OK(old);
            SK_VERIFY_OK((*old)->exec("PRAGMA page_size=4096; PRAGMA journal_mode=WAL"));
            SK_VERIFY_OK(SchemaMigrator::migrate(**old));
        }
        auto store = ShopStore::open(path, test::testIdentity(QStringLiteral("old")));
        SK_VERIFY_OK(store);
        auto oldReader = (*store)->openReader();
        SK_VERIFY_OK(oldReader);
        QCOMPARE((*oldReader)->queryInt64("PRAGMA page_size").valueOr(-1), qint64(4096));
        QCOMPARE(locationCount(**store), 0);
    }

    void writerUsesFullSyncForeignKeysAndABusyTimeout()
    {
        auto temp = test::makeTempStore();
        QVERIFY(temp);
        {
            ShopStore::WriterLock lock(*temp->store);
            SqliteDatabase &db = lock.db();
            QCOMPARE(db.queryInt64("PRAGMA synchronous").value(), qint64(2)); // FULL
            QCOMPARE(db.queryInt64("PRAGMA foreign_keys").value(), qint64(1));
            QCOMPARE(db.queryInt64("PRAGMA busy_timeout").value(), qint64(SqliteDatabase::BusyTimeoutMs));
            QVERIFY(!db.isReadOnly());
        }
        auto reader = temp->store->openReader();
        SK_VERIFY_OK(reader);
        QCOMPARE((*reader)->queryInt64("PRAGMA busy_timeout").value(), qint64(SqliteDatabase::BusyTimeoutMs));
        QCOMPARE((*reader)->queryInt64("PRAGMA foreign_keys").value(), qint64(1));
    }

    void fileNamesDifferPerServerShopAndUser()
    {
        const StoreIdentity base{QStringLiteral("https://a.example"), QStringLiteral("shop-1"), QStringLiteral("user-1")};
        StoreIdentity server = base;
        server.serverUrl = QStringLiteral("https://b.example");
        StoreIdentity shop = base;
        shop.shopId = QStringLiteral("shop-2");
        StoreIdentity user = base;
        user.userId = QStringLiteral("user-2");
        // Fields are separated, so moving text from one field to the next is a different file.
        const StoreIdentity shifted{QStringLiteral("https://a.example"), QStringLiteral("shop-1u"), QStringLiteral("ser-1")};

        const QString name = ShopStore::fileNameFor(base);
        QCOMPARE(ShopStore::fileNameFor(base), name); // stable
        QVERIFY(name.startsWith(QLatin1String("shop-")) && name.endsWith(QLatin1String(".sqlite")));
        const QStringList names = {name, ShopStore::fileNameFor(server), ShopStore::fileNameFor(shop),
                                   ShopStore::fileNameFor(user), ShopStore::fileNameFor(shifted)};
        QCOMPARE(QSet<QString>(names.cbegin(), names.cend()).size(), names.size());
    }

    void refusesAFileOfAnotherIdentity()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString file = dir.filePath(QStringLiteral("shop.sqlite"));
        {
            auto first = ShopStore::open(file, test::testIdentity(QStringLiteral("shop-a")));
            SK_VERIFY_OK(first);
        }
        auto other = ShopStore::open(file, test::testIdentity(QStringLiteral("shop-b")));
        QVERIFY(!other.ok());
        QCOMPARE(other.error().code, QStringLiteral("store.identity_mismatch"));
        QVERIFY(other.error().message.contains(QLatin1String("shop-a")));
        QVERIFY(other.error().message.contains(QLatin1String("shop-b")));

        StoreIdentity otherUser = test::testIdentity(QStringLiteral("shop-a"));
        otherUser.userId = QStringLiteral("someone-else");
        auto wrongUser = ShopStore::open(file, otherUser);
        QVERIFY(!wrongUser.ok());
        QCOMPARE(wrongUser.error().code, QStringLiteral("store.identity_mismatch"));

        auto again = ShopStore::open(file, test::testIdentity(QStringLiteral("shop-a")));
        SK_VERIFY_OK(again);
        QCOMPARE((*again)->identity(), test::testIdentity(QStringLiteral("shop-a")));
    }

    void readsTheIdentityOfAnExistingFile()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString file = dir.filePath(QStringLiteral("shop.sqlite"));
        const StoreIdentity identity = test::testIdentity(QStringLiteral("shop-a"));
        {
            auto store = ShopStore::open(file, identity);
            SK_VERIFY_OK(store);
        }
        auto read = ShopStore::readIdentity(file);
        SK_VERIFY_OK(read);
        QCOMPARE(*read, identity);

        auto missing = ShopStore::readIdentity(dir.filePath(QStringLiteral("none.sqlite")));
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().code, QStringLiteral("store.not_found"));
        QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("none.sqlite")))); // nothing created

        QFile text(dir.filePath(QStringLiteral("notes.txt")));
        QVERIFY(text.open(QIODevice::WriteOnly));
        text.write("not a database, just some words that are long enough to look like a file header\n");
        text.close();
        auto notShop = ShopStore::readIdentity(text.fileName());
        QVERIFY(!notShop.ok());
    }

    // Under WAL a reader on another thread reads the last committed state while the writer
    // holds a transaction open; it must not wait for it.
    void readersDoNotWaitForAnOpenWriteTransaction()
    {
        auto temp = test::makeTempStore();
        QVERIFY(temp);
        ShopStore &store = *temp->store;
        SK_VERIFY_OK(store.write([](SqliteDatabase &db) {
            return ShopRepository(db).upsertLocation(test::makeLocation(1, QStringLiteral("Committed")));
        }));

        std::promise<Result<qint64>> readResult;
        std::future<Result<qint64>> read = readResult.get_future();
        bool readerFinishedInTime = false;
        SK_VERIFY_OK(store.write([&](SqliteDatabase &db) -> Result<void> {
            SK_TRY(ShopRepository(db).upsertLocation(test::makeLocation(2, QStringLiteral("Uncommitted"))));
            std::thread reader([&] {
                auto conn = store.openReader();
                if (!conn.ok()) {
                    readResult.set_value(conn.error());
                    return;
                }
                readResult.set_value((*conn)->queryInt64("SELECT count(*) FROM locations"));
            });
            // Shorter than the busy timeout: a reader that waited for the lock would miss it.
            readerFinishedInTime = read.wait_for(std::chrono::milliseconds(SqliteDatabase::BusyTimeoutMs / 2))
                == std::future_status::ready;
            reader.join();
            return {};
        }));
        QVERIFY2(readerFinishedInTime, "the reader waited for the write transaction");
        auto count = read.get();
        SK_VERIFY_OK(count);
        QCOMPARE(*count, qint64(1)); // the uncommitted row is invisible
        QCOMPARE(locationCount(store), qint64(2));
    }

    void aFailingWriteRollsBackEverythingItDid()
    {
        auto temp = test::makeTempStore();
        QVERIFY(temp);
        ShopStore &store = *temp->store;
        auto failed = store.write([](SqliteDatabase &db) -> Result<void> {
            ShopRepository repo(db);
            SK_TRY(repo.upsertLocation(test::makeLocation(1, QStringLiteral("One"))));
            SK_TRY(repo.upsertLocation(test::makeLocation(2, QStringLiteral("Two"))));
            return makeError(QStringLiteral("test.failed"), QStringLiteral("changed my mind"));
        });
        QVERIFY(!failed.ok());
        QCOMPARE(failed.error().code, QStringLiteral("test.failed"));
        QCOMPARE(locationCount(store), qint64(0));

        // A failing statement halfway rolls back the statements before it, too.
        auto constraint = store.write([](SqliteDatabase &db) -> Result<void> {
            ShopRepository repo(db);
            SK_TRY(repo.upsertLocation(test::makeLocation(1, QStringLiteral("One"))));
            return repo.upsertLocation(test::makeLocation(2, QString())); // empty name: CHECK fails
        });
        QVERIFY(!constraint.ok());
        QCOMPARE(constraint.error().code, QStringLiteral("sqlite.constraint"));
        QCOMPARE(locationCount(store), qint64(0));

        // So does an exception, and the store stays usable afterwards.
        bool threw = false;
        try {
            auto r = store.write([](SqliteDatabase &db) -> Result<void> {
                SK_TRY(ShopRepository(db).upsertLocation(test::makeLocation(1, QStringLiteral("One"))));
                throw std::runtime_error("boom");
            });
            Q_UNUSED(r);
        } catch (const std::runtime_error &) {
            threw = true;
        }
        QVERIFY(threw);
        QCOMPARE(locationCount(store), qint64(0));

        auto value = store.write([](SqliteDatabase &db) -> Result<int> {
            SK_TRY(ShopRepository(db).upsertLocation(test::makeLocation(3, QStringLiteral("Three"))));
            return 7;
        });
        SK_VERIFY_OK(value);
        QCOMPARE(*value, 7);
        QCOMPARE(locationCount(store), qint64(1));
    }
};

QTEST_GUILESS_MAIN(tst_ShopStore)
#include "tst_shopstore.moc"
