// storekeep-server driven as a process, the way a supervisor or the sync tests start it:
// command-line behaviour, health checks and a port that is already taken.

#include "serverfixture.h"
#include "testsupport.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace sk;
using namespace Qt::StringLiterals;

namespace {

QString serverPath()
{
    return test::binPath(u"storekeep-server"_s);
}

int runToEnd(const QStringList &args, QByteArray *out = nullptr, QByteArray *err = nullptr)
{
    QProcess p;
    p.start(serverPath(), args);
    if (!p.waitForFinished(20000))
        return -1;
    if (out)
        *out = p.readAllStandardOutput();
    if (err)
        *err = p.readAllStandardError();
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

} // namespace

class tst_StorekeepServer : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(QFileInfo(serverPath()).isExecutable(),
                 qPrintable(serverPath() + u" is missing: build all targets first"_s));
    }

    void printsItsVersion()
    {
        QByteArray out;
        QCOMPARE(runToEnd({u"--version"_s}, &out), 0);
        QVERIFY2(out.startsWith("storekeep-server "), out.constData());
        QVERIFY2(out.contains("SQLite") && out.contains("OpenSSL"), out.constData());
    }

    void rejectsWrongUsageWithExitCode2()
    {
        QByteArray err;
        QCOMPARE(runToEnd({}, nullptr, &err), 2);
        QVERIFY(err.contains("Usage"));
        QCOMPARE(runToEnd({u"serve"_s, u"--data"_s, u"/tmp/x"_s}), 2); // no --listen
        QCOMPARE(runToEnd({u"serve"_s, u"--data"_s, u"/tmp/x"_s, u"--listen"_s, u"nowhere"_s}, nullptr, &err), 2);
        QVERIFY2(err.contains("nowhere"), err.constData());
        for (const QString &ttl : {u"0"_s, u"901"_s, u"soon"_s}) {
            QCOMPARE(runToEnd({u"serve"_s, u"--data"_s, u"/tmp/x"_s, u"--listen"_s, u"127.0.0.1:0"_s,
                               u"--access-token-ttl-seconds"_s, ttl},
                              nullptr, &err),
                     2);
            QVERIFY2(err.contains("--access-token-ttl-seconds"), err.constData());
        }
        QCOMPARE(runToEnd({u"frobnicate"_s}, nullptr, &err), 2);
        QVERIFY2(err.contains("frobnicate"), err.constData());
        QCOMPARE(runToEnd({u"create-shop"_s, u"--name"_s, u"No data dir"_s}, nullptr, &err), 2);
        QVERIFY2(err.contains("--data"), err.constData());
    }

    void initCreatesTheDataDirectory()
    {
        QTemporaryDir temp;
        QVERIFY(temp.isValid());
        const QString data = temp.filePath(u"data"_s);
        QByteArray err;
        QCOMPARE(runToEnd({u"init"_s, u"--data"_s, data}, nullptr, &err), 0);
        QVERIFY2(QFileInfo(data).isDir(), err.constData());
        QVERIFY(QFileInfo::exists(data + u"/storekeep-server.sqlite"_s));
        QVERIFY(QFileInfo::exists(data + u"/token.key"_s));
        // A second init keeps what is there.
        QCOMPARE(runToEnd({u"init"_s, u"--data"_s, data}), 0);
    }

    void adminCommandsNameTheProblem()
    {
        QTemporaryDir temp;
        QVERIFY(temp.isValid());
        const QString data = temp.path();
        auto run = [&](QStringList args, const QByteArray &stdinData, QByteArray *out, QByteArray *err) {
            QProcess p;
            p.start(serverPath(), args << u"--data"_s << data);
            p.write(stdinData);
            p.closeWriteChannel();
            if (!p.waitForFinished(60000))
                return -1;
            *out = p.readAllStandardOutput();
            *err = p.readAllStandardError();
            return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        };
        QByteArray out;
        QByteArray err;

        QCOMPARE(run({u"create-shop"_s, u"--name"_s, u"S"_s, u"--currency"_s, u"EURO"_s, u"--time-zone"_s,
                      u"Europe/Paris"_s},
                     {}, &out, &err),
                 2);
        QVERIFY2(err.contains("EURO"), err.constData());
        QCOMPARE(run({u"create-shop"_s, u"--name"_s, u"S"_s, u"--currency"_s, u"EUR"_s, u"--time-zone"_s,
                      u"Mars/Olympus"_s},
                     {}, &out, &err),
                 2);
        QVERIFY2(err.contains("Mars/Olympus"), err.constData());
        QCOMPARE(run({u"create-shop"_s, u"--name"_s, u"S"_s, u"--currency"_s, u"EUR"_s, u"--time-zone"_s,
                      u"Europe/Paris"_s},
                     {}, &out, &err),
                 0);
        const QString shopId = QString::fromLatin1(out.trimmed());
        QVERIFY2(!QUuid::fromString(shopId).isNull(), out.constData());

        // Passwords come from stdin, must be long enough, and are never printed.
        QCOMPARE(run({u"create-user"_s, u"--email"_s, u"a@x.test"_s, u"--name"_s, u"A"_s}, "short7!\n", &out, &err), 1);
        QVERIFY2(err.contains("at least 8"), err.constData());
        QVERIFY(!err.contains("short7!") && !out.contains("short7!"));
        QCOMPARE(run({u"create-user"_s, u"--email"_s, u"a@x.test"_s, u"--name"_s, u"A"_s}, {}, &out, &err), 1);
        QVERIFY2(err.contains("stdin"), err.constData());
        QCOMPARE(run({u"create-user"_s, u"--email"_s, u"not-an-email"_s, u"--name"_s, u"A"_s}, "long enough\n", &out,
                     &err),
                 2);
        QCOMPARE(run({u"create-user"_s, u"--email"_s, u"a@x.test"_s, u"--name"_s, u"A"_s}, "long enough pw\nrest\n",
                     &out, &err),
                 0);
        QVERIFY(!err.contains("long enough") && !out.contains("long enough"));
        QCOMPARE(run({u"create-user"_s, u"--email"_s, u"A@X.test"_s, u"--name"_s, u"A"_s}, "long enough pw\n", &out,
                     &err),
                 1);
        QVERIFY2(err.contains("already exists"), err.constData());

        QCOMPARE(run({u"add-member"_s, u"--shop"_s, u"no-such-shop"_s, u"--email"_s, u"a@x.test"_s, u"--role"_s,
                      u"owner"_s},
                     {}, &out, &err),
                 1);
        QVERIFY2(err.contains("no-such-shop"), err.constData());
        QCOMPARE(run({u"add-member"_s, u"--shop"_s, shopId, u"--email"_s, u"a@x.test"_s, u"--role"_s, u"boss"_s}, {},
                     &out, &err),
                 2);
        QVERIFY2(err.contains("boss"), err.constData());
        QCOMPARE(run({u"add-member"_s, u"--shop"_s, shopId, u"--email"_s, u"a@x.test"_s, u"--role"_s, u"owner"_s},
                     {}, &out, &err),
                 0);
        // The only owner cannot be demoted from the command line either.
        QCOMPARE(run({u"add-member"_s, u"--shop"_s, shopId, u"--email"_s, u"a@x.test"_s, u"--role"_s, u"staff"_s},
                     {}, &out, &err),
                 1);
        QVERIFY2(err.contains("only owner"), err.constData());

        QCOMPARE(run({u"stats"_s}, {}, &out, &err), 0);
        QVERIFY2(out.contains("\"users\": 1"), out.constData());
        QCOMPARE(run({u"purge-tombstones"_s, u"--shop"_s, shopId, u"--older-than-days"_s, u"0"_s}, {}, &out, &err), 0);
        QCOMPARE(run({u"seed-demo"_s, u"--scale"_s, u"small"_s}, {}, &out, &err), 2);
    }

    void answersHealthChecksOnAFreePort()
    {
        test::ServerProcess server;
        QVERIFY(server.start());
        QVERIFY(server.port() != 0);
        QCOMPARE(server.baseUrl(), u"http://127.0.0.1:%1"_s.arg(server.port()));

        test::HttpClient http(server.port());
        const test::HttpResult health = http.get(u"/healthz"_s);
        QCOMPARE(health.status, 200);
        QCOMPARE(health.json.value(u"status"_s).toString(), u"ok"_s);
        QByteArray version;
        QCOMPARE(runToEnd({u"--version"_s}, &version), 0);
        QVERIFY(!health.json.value(u"version"_s).toString().isEmpty());
        QVERIFY2(version.contains(" " + health.json.value(u"version"_s).toString().toUtf8() + " "),
                 version.constData());

        const test::HttpResult missing = http.get(u"/no-such-thing"_s);
        QCOMPARE(missing.status, 404);
        QVERIFY2(!missing.errorCode().isEmpty(), missing.body.constData());

        // A second server cannot take the same port, and says so.
        QTemporaryDir other;
        QByteArray err;
        QCOMPARE(runToEnd({u"serve"_s, u"--data"_s, other.path(), u"--listen"_s,
                           u"127.0.0.1:%1"_s.arg(server.port())},
                          nullptr, &err),
                 1);
        QVERIFY2(err.contains("cannot listen"), err.constData());

        // SIGTERM ends the server cleanly, and it serves again from the same data dir.
        server.stop();
        QCOMPARE(server.port(), quint16(0));
        QVERIFY(server.start());
        QCOMPARE(test::HttpClient(server.port()).get(u"/healthz"_s).status, 200);
    }

    void printsItsRoutesSorted()
    {
        QByteArray out;
        QCOMPARE(runToEnd({u"routes"_s}, &out), 0);
        const QList<QByteArray> lines = out.trimmed().split('\n');
        QVERIFY(lines.contains("GET /healthz"));
        QVERIFY(lines.contains("POST /v1/auth/login"));
        QList<QByteArray> sorted = lines;
        std::sort(sorted.begin(), sorted.end());
        QCOMPARE(lines, sorted);
    }
};

QTEST_GUILESS_MAIN(tst_StorekeepServer)
#include "tst_storekeepserver.moc"
