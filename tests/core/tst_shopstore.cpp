#include "storage/schemamigrator.h"
#include "storage/shopstore.h"
#include "testsupport.h"

#include <QTest>

using namespace sk;

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
        QCOMPARE(QString::fromUtf8("wal"), QString::fromUtf8("wal"));
        auto mode = (*reader)->prepare("PRAGMA journal_mode");
        SK_VERIFY_OK(mode);
        QVERIFY(mode->step().value());
        QCOMPARE(mode->text(0), QStringLiteral("wal"));
    }
};

QTEST_GUILESS_MAIN(tst_ShopStore)
#include "tst_shopstore.moc"
