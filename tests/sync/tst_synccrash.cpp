// kill -9 at the named crash points (sync/crashpoint.h), with the real storekeep-cli against the
// real server: after a restart nothing is lost and nothing is applied twice. The CLI runs in
// API-token mode (STOREKEEP_TOKEN), so these cases need no keychain.

#include "syncverify.h"
#include "testshop.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace sk;
using namespace sk::test;
using namespace Qt::StringLiterals;

class tst_SyncCrash : public QObject
{
    Q_OBJECT

    SyncTestWorld m_world;
    int m_shops = 0;

    struct Run
    {
        int exitCode = -1;
        bool killed = false;
        QByteArray out;
        QByteArray err;
        QString describe() const
        {
            return u"exit %1%2\nstdout: %3\nstderr: %4"_s.arg(exitCode)
                .arg(killed ? u" (killed)"_s : QString(), QString::fromUtf8(out), QString::fromUtf8(err));
        }
    };

    // One "computer": a profile folder and the shop's API token.
    struct Till
    {
        QTemporaryDir profile;
        TestShop shop;
        QString server;

        Run cli(const QStringList &args, const QByteArray &crashAt = {}) const
        {
            QProcess p;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(u"STOREKEEP_TOKEN"_s, shop.token);
            env.insert(u"STOREKEEP_SYNC_ATTEMPTS"_s, u"2"_s);
            if (!crashAt.isEmpty())
                env.insert(u"STOREKEEP_CRASH_AT"_s, QString::fromLatin1(crashAt));
            else
                env.remove(u"STOREKEEP_CRASH_AT"_s);
            p.setProcessEnvironment(env);
            p.start(binPath(u"storekeep-cli"_s),
                    args + QStringList{u"--profile"_s, profile.path(), u"--server"_s, server, u"--shop"_s, shop.id});
            Run r;
            if (!p.waitForFinished(120'000)) {
                p.kill();
                p.waitForFinished();
            }
            r.killed = p.exitStatus() == QProcess::CrashExit;
            r.exitCode = p.exitCode();
            r.out = p.readAllStandardOutput();
            r.err = p.readAllStandardError();
            return r;
        }

        QJsonObject status() const
        {
            return QJsonDocument::fromJson(cli({u"status"_s, u"--json"_s}).out).object();
        }

        qint64 localOnHand() const
        {
            const QJsonArray levels =
                QJsonDocument::fromJson(cli({u"inventory"_s, u"show"_s, u"--sku"_s, shop.sku, u"--json"_s}).out).array();
            return levels.isEmpty() ? -1 : qint64(levels.first().toObject().value(u"onHand"_s).toDouble());
        }

        // The CLI keeps one shop file per API token, named by a hash prefix of it (app/cli).
        StoreIdentity identity() const
        {
            const QByteArray hash = QCryptographicHash::hash(shop.token.toUtf8(), QCryptographicHash::Sha256).toHex();
            return StoreIdentity{server, shop.id, u"api-"_s + QString::fromLatin1(hash.left(16))};
        }

        QString storePath() const { return profile.filePath(u"shops/"_s + ShopStore::fileNameFor(identity())); }
    };

    std::unique_ptr<Till> till()
    {
        auto t = std::make_unique<Till>();
        t->shop = makeTestShop(m_world, ++m_shops);
        t->server = m_world.server.baseUrl();
        return t;
    }

    QStringList differences(const Till &t)
    {
        auto store = ShopStore::open(t.storePath(), t.identity());
        if (!store.ok())
            return {store.error().toString()};
        return differencesFromServer(**store, m_world, t.shop.id, t.shop.token) + ledgerMismatches(**store);
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_world.start(), qPrintable(m_world.error));
        QVERIFY(m_world.createUser(u"ana@sync.test"_s, u"Ana"_s));
        QVERIFY(m_world.createUser(u"ben@sync.test"_s, u"Ben"_s));
    }

    // Scenario 1: killed after the local commit, before any network.
    void killedAfterLocalCommit()
    {
        auto t = till();
        Run r = t->cli({u"sync"_s, u"--once"_s});
        QVERIFY2(r.exitCode == 0 && !r.killed, qPrintable(r.describe()));
        r = t->cli({u"inventory"_s, u"adjust"_s, u"--sku"_s, t->shop.sku, u"--location"_s, u"Main store"_s,
                    u"--delta"_s, u"-3"_s, u"--reason"_s, u"sold"_s},
                   "after_local_commit");
        QVERIFY2(r.killed, qPrintable(r.describe()));
        QCOMPARE(qint64(t->status().value(u"pending"_s).toDouble()), 1);
        QCOMPARE(t->localOnHand(), 7);
        r = t->cli({u"sync"_s, u"--once"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QCOMPARE(t->shop.onHand(m_world), 7);
        QCOMPARE(t->shop.ledger(m_world).size(), 2);
        QCOMPARE(qint64(t->status().value(u"pending"_s).toDouble()), 0);
        r = t->cli({u"sync"_s, u"--once"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QCOMPARE(t->shop.onHand(m_world), 7);
        const QStringList diff = differences(*t);
        QVERIFY2(diff.isEmpty(), qPrintable(diff.join(u'\n')));
    }

    // Scenarios 3 and 4: the server applied the batch, the client died before recording the
    // answer. The retry gets `duplicate` (push first) or the pull's last_applied_seq clears it.
    void killedAfterTheServerApplied_data()
    {
        QTest::addColumn<bool>("pullFirst");
        QTest::newRow("replay answered duplicate") << false;
        QTest::newRow("pull clears it") << true;
    }

    void killedAfterTheServerApplied()
    {
        QFETCH(bool, pullFirst);
        auto t = till();
        QVERIFY(t->cli({u"sync"_s, u"--once"_s}).exitCode == 0);
        Run r = t->cli({u"inventory"_s, u"adjust"_s, u"--sku"_s, t->shop.sku, u"--location"_s, u"Main store"_s,
                        u"--delta"_s, u"-2"_s, u"--reason"_s, u"sold"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        r = t->cli({u"sync"_s, u"--once"_s}, "after_push_response");
        QVERIFY2(r.killed, qPrintable(r.describe()));
        QCOMPARE(t->shop.onHand(m_world), 8); // applied on the server
        QCOMPARE(qint64(t->status().value(u"pending"_s).toDouble()), 1); // not known locally
        r = t->cli(pullFirst ? QStringList{u"sync"_s, u"--once"_s, u"--pull-only"_s} : QStringList{u"sync"_s, u"--once"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QCOMPARE(qint64(t->status().value(u"pending"_s).toDouble()), 0);
        r = t->cli({u"sync"_s, u"--once"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QCOMPARE(t->shop.onHand(m_world), 8); // once, not twice
        QCOMPARE(t->shop.ledger(m_world).size(), 2);
        QCOMPARE(t->localOnHand(), 8);
        const QStringList diff = differences(*t);
        QVERIFY2(diff.isEmpty(), qPrintable(diff.join(u'\n')));
    }

    // Scenario 20: killed after applying a pull page, before the next.
    void killedMidPull()
    {
        auto t = till();
        QVERIFY(t->cli({u"sync"_s, u"--once"_s}).exitCode == 0);
        for (int i = 0; i < 30; ++i)
            QVERIFY(m_world.applied(t->shop.push(m_world, u"inventory.adjust"_s,
                                                 SyncTestWorld::adjustArgs(t->shop.variant, t->shop.location, 1))));
        Run r = t->cli({u"sync"_s, u"--once"_s, u"--page-limit"_s, u"5"_s}, "mid_pull_page");
        QVERIFY2(r.killed, qPrintable(r.describe()));
        r = t->cli({u"sync"_s, u"--once"_s, u"--page-limit"_s, u"5"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QCOMPARE(t->localOnHand(), 40);
        const QStringList diff = differences(*t);
        QVERIFY2(diff.isEmpty(), qPrintable(diff.join(u'\n')));
    }

    // The first download killed halfway resumes from its staging tables; the shop appears whole.
    void killedMidFirstSync()
    {
        auto t = till();
        for (int i = 0; i < 20; ++i)
            QVERIFY(m_world.applied(t->shop.push(m_world, u"inventory.adjust"_s,
                                                 SyncTestWorld::adjustArgs(t->shop.variant, t->shop.location, 1))));
        Run r = t->cli({u"sync"_s, u"--once"_s, u"--page-limit"_s, u"4"_s}, "mid_staging");
        QVERIFY2(r.killed, qPrintable(r.describe()));
        QCOMPARE(t->status().value(u"initialSyncDone"_s).toBool(), false);
        r = t->cli({u"inventory"_s, u"show"_s, u"--sku"_s, t->shop.sku});
        QCOMPARE(r.exitCode, 1); // not downloaded yet: said so, not an empty shop
        r = t->cli({u"sync"_s, u"--once"_s, u"--page-limit"_s, u"4"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QCOMPARE(t->localOnHand(), 30);
        const QStringList diff = differences(*t);
        QVERIFY2(diff.isEmpty(), qPrintable(diff.join(u'\n')));
    }

    // No token lands in the profile folder, whatever the CLI did there.
    void noTokenInTheProfile()
    {
        auto t = till();
        QVERIFY(t->cli({u"sync"_s, u"--once"_s}).exitCode == 0);
        QVERIFY(t->cli({u"inventory"_s, u"adjust"_s, u"--sku"_s, t->shop.sku, u"--location"_s, u"Main store"_s,
                        u"--delta"_s, u"1"_s, u"--reason"_s, u"received"_s})
                    .exitCode
                == 0);
        QVERIFY(t->cli({u"sync"_s, u"--once"_s}).exitCode == 0);
        QDirIterator it(t->profile.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        int files = 0;
        while (it.hasNext()) {
            QFile f(it.next());
            QVERIFY(f.open(QIODevice::ReadOnly));
            ++files;
            QVERIFY2(!f.readAll().contains(t->shop.token.toUtf8()), qPrintable(f.fileName()));
        }
        QVERIFY(files > 0);
    }
};

QTEST_GUILESS_MAIN(tst_SyncCrash)
#include "tst_synccrash.moc"
