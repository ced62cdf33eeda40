// storekeep-cli's sync commands as warehouse automation uses them: the real program, the real
// server over loopback and the real keychain (gnome-keyring under ./scripts/test). Output is
// checked through --json and the documented exit codes.

#include "testshop.h"

#include "auth/secretstore.h"

#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace sk;
using namespace sk::test;
using namespace Qt::StringLiterals;

class tst_StorekeepCli : public QObject
{
    Q_OBJECT

    SyncTestWorld m_world;
    TestShop m_shop;
    QTemporaryDir m_profile;

    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
        QJsonDocument json() const { return QJsonDocument::fromJson(out); }
        QString describe() const
        {
            return u"exit %1\nstdout: %2\nstderr: %3"_s.arg(exitCode).arg(QString::fromUtf8(out), QString::fromUtf8(err));
        }
    };

    Run cli(const QStringList &args, const QByteArray &input = {})
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(u"STOREKEEP_TOKEN"_s);
        env.remove(u"STOREKEEP_PASSWORD"_s);
        env.insert(u"LANG"_s, u"C"_s);
        p.setProcessEnvironment(env);
        p.start(binPath(u"storekeep-cli"_s), args + QStringList{u"--profile"_s, m_profile.path()});
        p.write(input);
        p.closeWriteChannel();
        if (!p.waitForFinished(120'000))
            p.kill();
        return Run{p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
    }

    Run login()
    {
        return cli({u"login"_s, u"--server"_s, m_world.server.baseUrl(), u"--email"_s, u"ana@sync.test"_s,
                    u"--password-stdin"_s},
                   QByteArray(SyncTestWorld::Password) + '\n');
    }

    Run adjust(const QString &sku, const QString &delta, const QString &reason = u"sold"_s)
    {
        return cli({u"inventory"_s, u"adjust"_s, u"--sku"_s, sku, u"--location"_s, u"Main store"_s, u"--delta"_s,
                    delta, u"--reason"_s, reason});
    }

private slots:
    void initTestCase()
    {
        KeychainSecretStore keychain;
        if (const Result<void> usable = keychain.checkAvailable(); !usable.ok()) {
            if (qEnvironmentVariableIsSet("CI"))
                QFAIL(qPrintable(u"no usable keychain in CI: "_s + usable.error().toString()));
            QSKIP(qPrintable(u"no usable keychain (run under ./scripts/test): "_s + usable.error().toString()));
        }
        QVERIFY2(m_world.start(), qPrintable(m_world.error));
        QVERIFY(m_world.createUser(u"ana@sync.test"_s, u"Ana"_s));
        QVERIFY(m_world.createUser(u"ben@sync.test"_s, u"Ben"_s));
        m_shop = makeTestShop(m_world, 1);
        QVERIFY(m_profile.isValid());
    }

    void signedOutCommandsSaySo()
    {
        const Run r = cli({u"status"_s});
        QCOMPARE(r.exitCode, 4);
        QVERIFY2(r.err.contains("login"), qPrintable(r.describe()));
    }

    void wrongPasswordIsRefused()
    {
        const Run r = cli({u"login"_s, u"--server"_s, m_world.server.baseUrl(), u"--email"_s, u"ana@sync.test"_s,
                           u"--password-stdin"_s},
                          "not-the-password\n");
        QCOMPARE(r.exitCode, 4);
        QVERIFY(!QFileInfo::exists(m_profile.filePath(u"profile.json"_s)));
    }

    void loginListsTheShops()
    {
        Run r = login();
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QVERIFY(r.out.contains(m_shop.id.toUtf8()));
        r = cli({u"shops"_s, u"--json"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        const QJsonArray shops = r.json().array();
        QCOMPARE(shops.size(), 1);
        QCOMPARE(shops.first().toObject().value(u"id"_s).toString(), m_shop.id);
        QCOMPARE(shops.first().toObject().value(u"current"_s).toBool(), true);
    }

    void editsNeedTheShopDownloaded()
    {
        const Run r = adjust(m_shop.sku, u"-1"_s);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("sync --once"), qPrintable(r.describe()));
    }

    void syncEditAndSyncAgain()
    {
        Run r = cli({u"sync"_s, u"--once"_s, u"--json"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QVERIFY(r.json().object().value(u"initialSync"_s).toBool());

        r = adjust(m_shop.sku, u"-3"_s);
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        r = cli({u"product"_s, u"set-price"_s, u"--sku"_s, m_shop.sku, u"--price"_s, u"19.99"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        r = cli({u"inventory"_s, u"show"_s, u"--sku"_s, m_shop.sku, u"--json"_s});
        QCOMPARE(r.json().array().first().toObject().value(u"onHand"_s).toInt(), 7);
        r = cli({u"status"_s, u"--json"_s});
        QCOMPARE(r.json().object().value(u"pending"_s).toInt(), 2);
        QCOMPARE(m_shop.onHand(m_world), 10); // nothing sent yet

        r = cli({u"sync"_s, u"--once"_s, u"--json"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QCOMPARE(r.json().object().value(u"applied"_s).toInt(), 2);
        QCOMPARE(m_shop.onHand(m_world), 7);
        const QJsonObject variant =
            m_world.http->get(SyncTestWorld::shopPath(m_shop.id, u"/variants/"_s + m_shop.variant), m_shop.token).json;
        QCOMPARE(variant.value(u"price"_s).toInt(), 1999);
    }

    void badInputIsNamed()
    {
        Run r = adjust(u"NO-SUCH-SKU"_s, u"-1"_s);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("NO-SUCH-SKU"), qPrintable(r.describe()));
        r = adjust(m_shop.sku, u"-1"_s, u"lost-in-space"_s);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("lost-in-space"), qPrintable(r.describe()));
        r = adjust(m_shop.sku, u"three"_s);
        QCOMPARE(r.exitCode, 2);
        r = cli({u"product"_s, u"set-price"_s, u"--sku"_s, m_shop.sku, u"--price"_s, u"12.345"_s});
        QCOMPARE(r.exitCode, 2); // EUR has two decimals
        r = cli({u"status"_s, u"--json"_s});
        QCOMPARE(r.json().object().value(u"pending"_s).toInt(), 0); // nothing half-queued
    }

    void logoutWithPendingEditsAsksForAChoice()
    {
        QCOMPARE(adjust(m_shop.sku, u"-1"_s).exitCode, 0);
        Run r = cli({u"logout"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("--keep"), qPrintable(r.describe()));
        r = cli({u"logout"_s, u"--keep"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QCOMPARE(cli({u"status"_s}).exitCode, 4);

        // The same user signs in again: the kept edit is still there and goes through.
        QCOMPARE(login().exitCode, 0);
        r = cli({u"status"_s, u"--json"_s});
        QCOMPARE(r.json().object().value(u"pending"_s).toInt(), 1);
        QCOMPARE(cli({u"sync"_s, u"--once"_s}).exitCode, 0);
        QCOMPARE(m_shop.onHand(m_world), 6);

        // Discard drops what was not sent, and says nothing reached the server.
        QCOMPARE(adjust(m_shop.sku, u"-5"_s).exitCode, 0);
        r = cli({u"logout"_s, u"--discard"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QCOMPARE(login().exitCode, 0);
        r = cli({u"inventory"_s, u"show"_s, u"--sku"_s, m_shop.sku, u"--json"_s});
        QCOMPARE(r.json().array().first().toObject().value(u"onHand"_s).toInt(), 6);
        QCOMPARE(cli({u"sync"_s, u"--once"_s}).exitCode, 0);
        QCOMPARE(m_shop.onHand(m_world), 6);
    }
};

QTEST_GUILESS_MAIN(tst_StorekeepCli)
#include "tst_storekeepcli.moc"
