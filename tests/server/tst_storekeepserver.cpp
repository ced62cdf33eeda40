// storekeep-server driven as a process, the way a supervisor or the sync tests start it.
// The test links core only, so it speaks HTTP over a plain POSIX socket.

#include "testsupport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#ifdef Q_OS_UNIX
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
#endif

using namespace sk;
using namespace Qt::StringLiterals;

namespace {

QString serverPath()
{
    const QString env = qEnvironmentVariable("STOREKEEP_BIN_DIR");
    return (env.isEmpty() ? test::binaryDir() + u"/bin"_s : env) + u"/storekeep-server"_s;
}

struct HttpAnswer
{
    int status = 0;
    QByteArray body;
    QString error;
};

// One GET with "Connection: close", read to the end.
HttpAnswer httpGet(quint16 port, const QByteArray &path)
{
    HttpAnswer answer;
#ifdef Q_OS_UNIX
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) {
        answer.error = u"socket() failed"_s;
        return answer;
    }
    timeval timeout{10, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0) {
        ::close(fd);
        answer.error = u"cannot connect to port %1"_s.arg(port);
        return answer;
    }
    const QByteArray request = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
    if (::send(fd, request.constData(), size_t(request.size()), 0) != request.size()) {
        ::close(fd);
        answer.error = u"send() failed"_s;
        return answer;
    }
    QByteArray response;
    char buffer[4096];
    for (;;) {
        const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
        if (n <= 0)
            break;
        response.append(buffer, qsizetype(n));
        // Stop once the whole body is in, in case the server keeps the connection open.
        const qsizetype headerEnd = response.indexOf("\r\n\r\n");
        if (headerEnd >= 0) {
            static const QRegularExpression length(u"(?i)content-length:\\s*(\\d+)"_s);
            const auto m = length.match(QString::fromLatin1(response.left(headerEnd)));
            if (m.hasMatch() && response.size() - headerEnd - 4 >= m.captured(1).toLongLong())
                break;
        }
    }
    ::close(fd);
    const qsizetype headerEnd = response.indexOf("\r\n\r\n");
    if (!response.startsWith("HTTP/1.1 ") || headerEnd < 0) {
        answer.error = u"not an HTTP response: "_s + QString::fromLatin1(response.left(200));
        return answer;
    }
    answer.status = response.mid(9, 3).toInt();
    answer.body = response.mid(headerEnd + 4);
#else
    Q_UNUSED(port);
    Q_UNUSED(path);
    answer.error = u"not implemented on this platform"_s;
#endif
    return answer;
}

// Reads stdout until the "listening on" line and returns the port, or 0.
quint16 waitForPort(QProcess &server, QString *seen)
{
    static const QRegularExpression listening(u"listening on http://127\\.0\\.0\\.1:(\\d+)"_s);
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 20000) {
        if (!server.waitForReadyRead(1000) && server.state() != QProcess::Running)
            break;
        *seen += QString::fromLocal8Bit(server.readAllStandardOutput());
        const auto m = listening.match(*seen);
        if (m.hasMatch())
            return quint16(m.captured(1).toUInt());
    }
    *seen += QString::fromLocal8Bit(server.readAllStandardError());
    return 0;
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
#ifndef Q_OS_UNIX
        QSKIP("This test talks HTTP over POSIX sockets.");
#endif
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
        QCOMPARE(runToEnd({u"frobnicate"_s}), 2);
    }

    void answersHealthChecksOnAFreePort()
    {
        QTemporaryDir temp;
        QVERIFY(temp.isValid());
        const QString data = temp.filePath(u"data"_s);
        QProcess server;
        server.start(serverPath(), {u"serve"_s, u"--data"_s, data, u"--listen"_s, u"127.0.0.1:0"_s});
        QVERIFY(server.waitForStarted());
        QString seen;
        const quint16 port = waitForPort(server, &seen);
        QVERIFY2(port != 0, qPrintable(u"no \"listening on\" line; the server said: "_s + seen));
        QVERIFY(QFileInfo(data).isDir());

        const HttpAnswer health = httpGet(port, "/healthz");
        QVERIFY2(health.error.isEmpty(), qPrintable(health.error));
        QCOMPARE(health.status, 200);
        const QJsonObject body = QJsonDocument::fromJson(health.body).object();
        QCOMPARE(body.value(u"status"_s).toString(), u"ok"_s);
        QByteArray version;
        QCOMPARE(runToEnd({u"--version"_s}, &version), 0);
        QVERIFY(!body.value(u"version"_s).toString().isEmpty());
        QVERIFY2(version.contains(" " + body.value(u"version"_s).toString().toUtf8() + " "), version.constData());

        const HttpAnswer missing = httpGet(port, "/no-such-thing");
        QVERIFY2(missing.error.isEmpty(), qPrintable(missing.error));
        QCOMPARE(missing.status, 404);

        // A second server cannot take the same port, and says so.
        QByteArray err;
        QCOMPARE(runToEnd({u"serve"_s, u"--data"_s, data, u"--listen"_s, u"127.0.0.1:%1"_s.arg(port)}, nullptr, &err),
                 1);
        QVERIFY2(err.contains("cannot listen"), err.constData());

        server.terminate();
        QVERIFY(server.waitForFinished(10000));
    }
};

QTEST_GUILESS_MAIN(tst_StorekeepServer)
#include "tst_storekeepserver.moc"
