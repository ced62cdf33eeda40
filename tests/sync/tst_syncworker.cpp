// SyncWorker: the engine on its own thread and schedule, against the real server (through the
// fault proxy where the network must fail and come back).

#include "faultproxyprocess.h"
#include "syncclerk.h"
#include "testshop.h"
#include "testsupport.h"

#include "engine/syncworker.h"

#include <QSignalSpy>
#include <QTest>

using namespace sk;
using namespace sk::test;
using namespace Qt::StringLiterals;

namespace {

QJsonObject everythingDropped()
{
    QJsonObject faults = noFaults();
    faults.insert(u"drop_request"_s, 1.0);
    return faults;
}

SyncWorker::Options quickWorker()
{
    SyncWorker::Options options;
    options.intervalMs = 3'600'000; // only edits, backoff and requests start a sync here
    options.debounceMs = 100;
    options.offlineRetryCapMs = 400;
    options.engine = SyncClerk::fastOptions();
    options.engine.maxAttempts = 1;
    return options;
}

} // namespace

class tst_SyncWorker : public QObject
{
    Q_OBJECT

    SyncTestWorld m_world;
    int m_shops = 0;
    const QString m_password = QString::fromLatin1(SyncTestWorld::Password);

    static SyncStatus lastStatus(const QSignalSpy &spy) { return spy.last().first().value<SyncStatus>(); }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_world.start(), qPrintable(m_world.error));
        QVERIFY(m_world.createUser(u"ana@sync.test"_s, u"Ana"_s));
        QVERIFY(m_world.createUser(u"ben@sync.test"_s, u"Ben"_s));
    }

    // An edit is followed by a sync on its own (debounced), and the status says so.
    void syncsShortlyAfterAnEdit()
    {
        TestShop s = makeTestShop(m_world, ++m_shops);
        SyncClerk ana;
        QVERIFY2(ana.open(m_world.server.baseUrl(), u"ana@sync.test"_s, m_password, s.id), qPrintable(ana.error));
        SyncWorker worker(*ana.store, *ana.auth, s.id, quickWorker());
        QSignalSpy status(&worker, &SyncWorker::statusChanged);
        worker.start();
        QTRY_VERIFY_WITH_TIMEOUT(!status.isEmpty() && lastStatus(status).initialSyncDone
                                     && lastStatus(status).state == SyncStatus::State::Idle,
                                 20'000);
        SK_VERIFY_OK(ana.editor->adjustInventory(s.variant, s.location, -2, InventoryReason::Sold));
        worker.requestSync();
        QTRY_COMPARE_WITH_TIMEOUT(s.onHand(m_world), 8, 20'000);
        QTRY_VERIFY_WITH_TIMEOUT(lastStatus(status).pending == 0 && lastStatus(status).lastSyncedAt.has_value(), 20'000);
        worker.stop();
    }

    // Scenario 23 and "when the network comes back": offline is reported (not a stuck
    // "syncing"), and the worker's backoff retries find the network again by themselves.
    void goesOfflineAndComesBack()
    {
        TestShop s = makeTestShop(m_world, ++m_shops);
        FaultProxyProcess proxy;
        QVERIFY(proxy.start(m_world.server.port(), 1, noFaults()));
        SyncClerk ana;
        QVERIFY2(ana.open(proxy.baseUrl(), u"ana@sync.test"_s, m_password, s.id), qPrintable(ana.error));
        QVERIFY2(ana.sync(), qPrintable(ana.error));
        QVERIFY(proxy.setFaults(everythingDropped()));
        SK_VERIFY_OK(ana.editor->adjustInventory(s.variant, s.location, 4, InventoryReason::Received));

        SyncWorker worker(*ana.store, *ana.auth, s.id, quickWorker());
        QSignalSpy status(&worker, &SyncWorker::statusChanged);
        worker.start();
        QTRY_VERIFY_WITH_TIMEOUT(!status.isEmpty() && lastStatus(status).state == SyncStatus::State::Offline, 20'000);
        QCOMPARE(lastStatus(status).pending, 1);
        QVERIFY(!lastStatus(status).lastError.isEmpty());

        QVERIFY(proxy.setFaults(noFaults())); // the network is back; nobody presses anything
        QTRY_COMPARE_WITH_TIMEOUT(s.onHand(m_world), 14, 20'000);
        QTRY_VERIFY_WITH_TIMEOUT(lastStatus(status).state == SyncStatus::State::Idle && lastStatus(status).pending == 0,
                                 20'000);
        worker.stop();
    }

    // Scenario 24: two app instances on one shop file: only one sync worker pushes.
    void oneSyncWorkerPerShopFile()
    {
        TestShop s = makeTestShop(m_world, ++m_shops);
        SyncClerk ana;
        QVERIFY2(ana.open(m_world.server.baseUrl(), u"ana@sync.test"_s, m_password, s.id), qPrintable(ana.error));
        QVERIFY(ana.sync());
        SyncWorker first(*ana.store, *ana.auth, s.id, quickWorker());
        // A second "instance": its own connection to the same file.
        auto second = ShopStore::open(ana.store->path(), ana.store->identity());
        QVERIFY(second.ok());
        SyncWorker other(**second, *ana.auth, s.id, quickWorker());
        QSignalSpy otherStatus(&other, &SyncWorker::statusChanged);
        first.start();
        QTRY_VERIFY_WITH_TIMEOUT(first.isActive(), 10'000);
        other.start();
        QTRY_VERIFY_WITH_TIMEOUT(!otherStatus.isEmpty(), 10'000);
        QCOMPARE(lastStatus(otherStatus).state, SyncStatus::State::Passive);
        QVERIFY(!other.isActive());
        // The first one leaves; the second takes over on its next round.
        first.stop();
        other.syncNow();
        QTRY_VERIFY_WITH_TIMEOUT(other.isActive(), 10'000);
        other.stop();
    }
};

QTEST_GUILESS_MAIN(tst_SyncWorker)
#include "tst_syncworker.moc"
