// sk::HttpClient against a real storekeep-server over loopback: answers, request ids, error
// bodies, JSON posts, connection reuse, TLS with and without the right CA, and the transport
// failures (refused, silent server, cancellation) that all mean "outcome unknown" to the caller.

#include "net/httpclient.h"
#include "../server/synctestsupport.h"
#include "testsupport.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QLocale>
#include <QLoggingCategory>
#include <QMutex>
#include <QProcess>
#include <QSemaphore>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QThread>

#include <atomic>
#include <optional>
#include <thread>

using namespace sk;
using sk::test::newUuid;
using sk::test::ServerProcess;
using sk::test::SyncTestWorld;
using sk::test::toJson;
using namespace Qt::StringLiterals;

namespace {

// A TCP server on its own thread that accepts connections, reads requests and never answers:
// the far end of a hung server, while the test thread is blocked in HttpClient::send().
class SilentServer
{
public:
    SilentServer()
    {
        m_context.moveToThread(&m_thread);
        m_thread.start();
        QMetaObject::invokeMethod(
            &m_context,
            [this] {
                auto *server = new QTcpServer(&m_context);
                QObject::connect(server, &QTcpServer::newConnection, &m_context, [this, server] {
                    while (QTcpSocket *socket = server->nextPendingConnection()) {
                        QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                            QMutexLocker lock(&m_mutex);
                            const bool complete = m_received.contains("\r\n\r\n");
                            m_received += socket->readAll();
                            if (!complete && m_received.contains("\r\n\r\n"))
                                m_requests.release();
                        });
                    }
                });
                server->listen(QHostAddress(QHostAddress::LocalHost), 0);
                m_port = server->serverPort();
            },
            Qt::BlockingQueuedConnection);
    }

    ~SilentServer()
    {
        // The server and its sockets belong to the thread: delete them there.
        QMetaObject::invokeMethod(
            &m_context, [this] { qDeleteAll(m_context.children()); }, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }

    quint16 port() const { return m_port; }
    QString url(const QString &path) const { return u"http://127.0.0.1:%1%2"_s.arg(m_port).arg(path); }
    // Blocks until the headers of the first request have arrived.
    bool waitForRequest(int timeoutMs) { return m_requests.tryAcquire(1, timeoutMs); }
    QByteArray received()
    {
        QMutexLocker lock(&m_mutex);
        return m_received;
    }

private:
    QThread m_thread;
    QObject m_context;
    quint16 m_port = 0;
    QMutex m_mutex;
    QByteArray m_received;
    QSemaphore m_requests;
};

// A loopback port with nothing listening on it.
quint16 closedPort()
{
    QTcpServer server;
    server.listen(QHostAddress(QHostAddress::LocalHost), 0);
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

QByteArray requestHeader(const QByteArray &raw, const QByteArray &name)
{
    const qsizetype end = raw.indexOf("\r\n\r\n");
    for (const QByteArray &line : raw.left(end).split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
            return line.mid(colon + 1).trimmed();
    }
    return {};
}

QStringList g_messages;
QMutex g_messagesMutex;

void captureMessage(QtMsgType, const QMessageLogContext &context, const QString &message)
{
    QMutexLocker lock(&g_messagesMutex);
    g_messages.append(QString::fromLatin1(context.category ? context.category : "") + u' ' + message);
}

HttpRequest get(const QString &url, const QString &bearer = {}, const QByteArray &requestId = {})
{
    HttpRequest request;
    request.url = url;
    request.bearer = bearer;
    request.requestId = requestId;
    return request;
}

HttpRequest post(const QString &url, const QByteArray &body, const QString &bearer = {}, const QByteArray &requestId = {})
{
    HttpRequest request = get(url, bearer, requestId);
    request.method = "POST";
    request.body = body;
    return request;
}

HttpResponse withHeader(const QByteArray &name, const QByteArray &value)
{
    HttpResponse response;
    response.status = 429;
    response.headers.append({name, value});
    return response;
}

} // namespace

class tst_HttpClient : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void getsHealthz();
    void aBodyOfKnownLengthHasRoomAfterIt();
    void sendsAndEchoesARequestId();
    void honoursTheCallersRequestId();
    void sendsTheExpectedHeaders();
    void errorBodiesAreResponses();
    void postsJsonWithABearer();
    void reusesOneConnection();
    void refusedConnectionIsNetConnect();
    void invalidUrlsAreRefused();
    void silentServerTimesOut();
    void slowServerHitsTheLowSpeedLimit();
    void cancelsFromAnotherThread();
    void alreadyCancelledSendsNothing();
    void tlsNeedsTheRightCertificate();
    void retryAfterIsParsed_data();
    void retryAfterIsParsed();
    void errorCodeReadsOnlyErrorBodies();
    void bearerNeverReachesTheLog();

private:
    QString url(const QString &path) const { return m_world.server.baseUrl() + path; }

    SyncTestWorld m_world;
    QString m_shop;
    QString m_token;
};

void tst_HttpClient::initTestCase()
{
    QVERIFY2(m_world.start(), qPrintable(m_world.error));
    m_shop = m_world.createShop(u"Net Outfitters"_s, u"EUR"_s, u"allow"_s);
    QVERIFY2(!m_shop.isEmpty(), qPrintable(m_world.error));
    m_token = m_world.apiToken(m_shop, u"owner"_s);
    QVERIFY2(!m_token.isEmpty(), qPrintable(m_world.error));
}

void tst_HttpClient::getsHealthz()
{
    HttpClient client;
    const auto response = client.send(get(url(u"/healthz"_s)));
    SK_VERIFY_OK(response);
    QCOMPARE(response->status, 200);
    const QJsonObject body = QJsonDocument::fromJson(response->body).object();
    QCOMPARE(body.value(u"status").toString(), u"ok"_s);
    QCOMPARE(response->httpVersion, u"1.1"_s); // plain http: no h2c upgrade
    QVERIFY2(response->header("content-type").startsWith("application/json"), response->header("content-type").constData());
    QVERIFY(!response->headers.isEmpty());
    for (const auto &[name, value] : response->headers)
        QCOMPARE(name, name.toLower());
    QVERIFY(response->elapsedMs >= 0);
}

// Change-feed pages are parsed where they are received: the body is one allocation with room
// for the parser to read past its end.
void tst_HttpClient::aBodyOfKnownLengthHasRoomAfterIt()
{
    HttpClient client;
    const auto response = client.send(get(url(u"/healthz"_s)));
    SK_VERIFY_OK(response);
    QCOMPARE(response->header("content-length").toLongLong(), qint64(response->body.size()));
    QVERIFY(response->body.size() > 0);
    QVERIFY2(response->body.capacity() - response->body.size() >= HttpResponse::BodyPadding,
             qPrintable(u"capacity %1 for %2 bytes"_s.arg(response->body.capacity()).arg(response->body.size())));
}

void tst_HttpClient::sendsAndEchoesARequestId()
{
    HttpClient client;
    const auto response = client.send(get(url(u"/healthz"_s)));
    SK_VERIFY_OK(response);
    const QUuid id = QUuid::fromString(QString::fromLatin1(response->requestId));
    QVERIFY2(!id.isNull(), response->requestId.constData());
    QCOMPARE(id.data3 >> 12, 7); // QUuid::version() of Qt 6.4 knows versions 1 to 5 only
    // The server makes up its own id when none arrives, so an equal echo means ours was sent.
    QCOMPARE(response->header("x-request-id"), response->requestId);
    QVERIFY(m_world.server.serverStderr().contains(response->requestId));

    const auto second = client.send(get(url(u"/healthz"_s)));
    SK_VERIFY_OK(second);
    QVERIFY(second->requestId != response->requestId);
}

void tst_HttpClient::honoursTheCallersRequestId()
{
    HttpClient client;
    const QByteArray id = "sync-pull-0042." + QByteArray::number(QDateTime::currentMSecsSinceEpoch());
    const auto response = client.send(get(url(u"/v1/no-such-route"_s), {}, id));
    SK_VERIFY_OK(response);
    QCOMPARE(response->requestId, id);
    QCOMPARE(response->header("x-request-id"), id);
}

void tst_HttpClient::sendsTheExpectedHeaders()
{
    SilentServer server;
    QVERIFY(server.port() != 0);
    HttpClient::Options options;
    options.totalTimeoutMs = 400;
    HttpClient client(options);
    const QByteArray body = R"({"hello":"world"})";
    HttpRequest request = post(server.url(u"/v1/things?x=1"_s), body, u"header-token-1"_s, "rid-1");
    request.headers = {{"X-Extra", "yes"}};
    const auto response = client.send(request);
    QVERIFY(!response.ok());
    QVERIFY(server.waitForRequest(5000));
    const QByteArray raw = server.received();
    QVERIFY2(raw.startsWith("POST /v1/things?x=1 HTTP/1.1\r\n"), raw.constData());
    QCOMPARE(requestHeader(raw, "x-request-id"), QByteArray("rid-1"));
    QCOMPARE(requestHeader(raw, "content-type"), QByteArray("application/json"));
    QCOMPARE(requestHeader(raw, "authorization"), QByteArray("Bearer header-token-1"));
    QCOMPARE(requestHeader(raw, "x-extra"), QByteArray("yes"));
    QCOMPARE(requestHeader(raw, "content-length"), QByteArray::number(body.size()));
    QVERIFY2(requestHeader(raw, "accept-encoding").contains("gzip"), raw.constData());
    QVERIFY2(requestHeader(raw, "user-agent").startsWith("Storekeep/"), raw.constData());
    QVERIFY2(requestHeader(raw, "expect").isEmpty(), raw.constData());
    QVERIFY(raw.endsWith(body));
}

void tst_HttpClient::errorBodiesAreResponses()
{
    HttpClient client;
    const auto missing = client.send(get(url(u"/v1/no-such-route"_s)));
    SK_VERIFY_OK(missing); // a 404 is an answer, not a transport error
    QCOMPARE(missing->status, 404);
    QCOMPARE(missing->errorCode(), u"not_found.route"_s);
    QVERIFY(!missing->errorMessage().isEmpty());

    const auto unauthorized = client.send(get(url(u"/v1/shops/%1/locations"_s.arg(m_shop)), u"skapi_wrong"_s));
    SK_VERIFY_OK(unauthorized);
    QCOMPARE(unauthorized->status, 401);
    QVERIFY2(unauthorized->errorCode().startsWith(u"auth."_s), qPrintable(unauthorized->errorCode()));
}

void tst_HttpClient::postsJsonWithABearer()
{
    HttpClient client;
    const QString clientId = newUuid();
    const auto registered =
        client.send(post(url(u"/v1/shops/%1/sync/clients"_s.arg(m_shop)), toJson({{u"client_id"_s, clientId}}), m_token));
    SK_VERIFY_OK(registered);
    QVERIFY2(registered->status == 200, registered->body.constData());
    QCOMPARE(QJsonDocument::fromJson(registered->body).object().value(u"client_id").toString(), clientId);

    const QString location = newUuid();
    const auto pushed = client.send(
        post(url(u"/v1/shops/%1/sync/mutations"_s.arg(m_shop)),
             SyncTestWorld::batchBody(clientId, {SyncTestWorld::mutation(1, u"location.create"_s,
                                                                             SyncTestWorld::locationArgs(location, u"Back room"_s))}),
             m_token));
    SK_VERIFY_OK(pushed);
    QVERIFY2(pushed->status == 200, pushed->body.constData());
    const QJsonObject result =
        QJsonDocument::fromJson(pushed->body).object().value(u"results").toArray().first().toObject();
    QCOMPARE(result.value(u"status").toString(), u"applied"_s);

    // The server holds what the body said, read back through a different client.
    const QJsonArray locations = m_world.listAll(m_shop, m_token, u"/locations"_s);
    bool found = false;
    for (const QJsonValue &value : locations)
        found = found || (value.toObject().value(u"id").toString() == location
                          && value.toObject().value(u"name").toString() == u"Back room"_s);
    QVERIFY2(found, qPrintable(QString::fromUtf8(toJson({{u"items"_s, locations}}))));
}

void tst_HttpClient::reusesOneConnection()
{
    HttpClient client;
    qint64 opened = 0;
    for (int i = 0; i < 25; ++i) {
        const auto response = client.send(get(url(i % 2 ? u"/healthz"_s : u"/v1/no-such-route"_s)));
        SK_VERIFY_OK(response);
        QVERIFY(response->status == 200 || response->status == 404);
        QCOMPARE(response->connectionsOpened, i == 0 ? 1 : 0);
        opened += response->connectionsOpened;
    }
    QCOMPARE(opened, 1);

    // Each instance has its own connections.
    HttpClient other;
    const auto response = other.send(get(url(u"/healthz"_s)));
    SK_VERIFY_OK(response);
    QCOMPARE(response->connectionsOpened, 1);
}

void tst_HttpClient::refusedConnectionIsNetConnect()
{
    const quint16 port = closedPort();
    QVERIFY(port != 0);
    HttpClient client;
    const auto response = client.send(get(u"http://127.0.0.1:%1/healthz"_s.arg(port), u"refused-secret"_s));
    QVERIFY(!response.ok());
    QCOMPARE(response.error().code, u"net.connect"_s);
    QVERIFY2(response.error().message.contains(u"127.0.0.1"_s), qPrintable(response.error().message));
    QVERIFY(!response.error().detail.isEmpty()); // curl's own words, for whoever debugs it
    QVERIFY(!response.error().toString().contains(u"refused-secret"_s));
}

void tst_HttpClient::invalidUrlsAreRefused()
{
    HttpClient client;
    for (const QString &bad : {u"not a url"_s, u"ftp://127.0.0.1/file"_s, u"/relative/only"_s, u"file:///etc/passwd"_s}) {
        const auto response = client.send(get(bad));
        QVERIFY2(!response.ok(), qPrintable(bad));
        QCOMPARE(response.error().code, u"net.invalid_url"_s);
    }
}

void tst_HttpClient::silentServerTimesOut()
{
    SilentServer server;
    HttpClient::Options options;
    options.totalTimeoutMs = 500;
    HttpClient client(options);
    QElapsedTimer timer;
    timer.start();
    const auto response = client.send(get(server.url(u"/healthz"_s)));
    QVERIFY(!response.ok());
    QCOMPARE(response.error().code, u"net.timeout"_s);
    QVERIFY(server.waitForRequest(0)); // it did connect and send; the answer never came
    QVERIFY2(timer.elapsed() >= 450 && timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
}

void tst_HttpClient::slowServerHitsTheLowSpeedLimit()
{
    SilentServer server;
    HttpClient::Options options;
    options.lowSpeedSeconds = 1;
    options.totalTimeoutMs = 60'000;
    HttpClient client(options);
    QElapsedTimer timer;
    timer.start();
    const auto response = client.send(get(server.url(u"/healthz"_s)));
    QVERIFY(!response.ok());
    QCOMPARE(response.error().code, u"net.timeout"_s);
    QVERIFY2(timer.elapsed() < 10'000, qPrintable(QString::number(timer.elapsed())));
}

void tst_HttpClient::cancelsFromAnotherThread()
{
    SilentServer server;
    HttpClient::Options options;
    options.totalTimeoutMs = 60'000;
    CancelFlag cancel;
    std::optional<Result<HttpResponse>> outcome;
    QElapsedTimer clock;
    clock.start();
    std::atomic<qint64> returnedAt{-1};
    std::thread worker([&] {
        HttpClient client(options); // one client per thread, as documented
        outcome = client.send(get(server.url(u"/v1/shops/x/sync/changes"_s)), &cancel);
        returnedAt = clock.elapsed();
    });
    const bool requested = server.waitForRequest(15'000);
    const qint64 cancelledAt = clock.elapsed();
    cancel.cancel();
    worker.join();
    const qint64 returnedAfterMs = returnedAt - cancelledAt;
    QVERIFY(requested);
    QVERIFY(outcome.has_value());
    QVERIFY(!outcome->ok());
    QCOMPARE(outcome->error().code, u"net.cancelled"_s);
    QVERIFY2(returnedAfterMs >= 0 && returnedAfterMs < 1000, qPrintable(QString::number(returnedAfterMs)));
}

void tst_HttpClient::alreadyCancelledSendsNothing()
{
    SilentServer server;
    CancelFlag cancel;
    cancel.cancel();
    HttpClient client;
    const auto response = client.send(get(server.url(u"/healthz"_s)), &cancel);
    QVERIFY(!response.ok());
    QCOMPARE(response.error().code, u"net.cancelled"_s);
    QVERIFY(!server.waitForRequest(200));

    cancel.reset();
    const auto again = client.send(get(url(u"/healthz"_s)), &cancel);
    SK_VERIFY_OK(again);
    QCOMPARE(again->status, 200);
}

void tst_HttpClient::tlsNeedsTheRightCertificate()
{
    const QString openssl = QStandardPaths::findExecutable(u"openssl"_s);
    if (openssl.isEmpty())
        QSKIP("The openssl command-line tool is not installed; it makes the test certificate.");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString cert = dir.filePath(u"cert.pem"_s);
    const QString key = dir.filePath(u"key.pem"_s);
    QProcess req;
    req.start(openssl, {u"req"_s, u"-x509"_s, u"-newkey"_s, u"rsa:2048"_s, u"-nodes"_s, u"-keyout"_s, key, u"-out"_s,
                        cert, u"-days"_s, u"2"_s, u"-subj"_s, u"/CN=127.0.0.1"_s, u"-addext"_s,
                        u"subjectAltName=IP:127.0.0.1"_s});
    QVERIFY(req.waitForFinished(60'000));
    QVERIFY2(req.exitCode() == 0, req.readAllStandardError().constData());

    ServerProcess server;
    QVERIFY(server.start({u"--tls-cert"_s, cert, u"--tls-key"_s, key}));
    QVERIFY2(server.baseUrl().startsWith(u"https://"_s), qPrintable(server.baseUrl()));
    const QString healthz = server.baseUrl() + u"/healthz"_s;

    // A self-signed certificate is not in the system store: refused, with no insecure fallback.
    HttpClient strict;
    const auto refused = strict.send(get(healthz));
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, u"net.tls"_s);

    HttpClient::Options options;
    options.caFile = cert;
    HttpClient trusting(options);
    const auto response = trusting.send(get(healthz));
    SK_VERIFY_OK(response);
    QCOMPARE(response->status, 200);
    QCOMPARE(QJsonDocument::fromJson(response->body).object().value(u"status").toString(), u"ok"_s);

    // The name must match too: "localhost" is not in the certificate.
    const auto wrongName = trusting.send(get(u"https://localhost:%1/healthz"_s.arg(server.port())));
    QVERIFY(!wrongName.ok());
    QVERIFY2(wrongName.error().code == u"net.tls"_s || wrongName.error().code == u"net.connect"_s,
             qPrintable(wrongName.error().code)); // localhost may resolve to ::1 first, where nothing listens
}

void tst_HttpClient::retryAfterIsParsed_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<qint64>("minMs");
    QTest::addColumn<qint64>("maxMs");

    const QLocale c = QLocale::c();
    const QDateTime inOneMinute = QDateTime::currentDateTimeUtc().addSecs(60);
    QTest::newRow("seconds") << QByteArray("120") << qint64(120'000) << qint64(120'000);
    QTest::newRow("zero") << QByteArray("0") << qint64(0) << qint64(0);
    QTest::newRow("padded") << QByteArray(" 3 ") << qint64(3000) << qint64(3000);
    QTest::newRow("absent") << QByteArray() << qint64(-1) << qint64(-1);
    QTest::newRow("negative") << QByteArray("-5") << qint64(-1) << qint64(-1);
    QTest::newRow("fraction") << QByteArray("1.5") << qint64(-1) << qint64(-1);
    QTest::newRow("word") << QByteArray("soon") << qint64(-1) << qint64(-1);
    QTest::newRow("absurd") << QByteArray("99999999999999999999") << qint64(-1) << qint64(-1);
    QTest::newRow("imf-fixdate future")
        << c.toString(inOneMinute, u"ddd, dd MMM yyyy hh:mm:ss 'GMT'"_s).toLatin1() << qint64(55'000) << qint64(61'000);
    QTest::newRow("imf-fixdate past") << QByteArray("Sun, 06 Nov 1994 08:49:37 GMT") << qint64(0) << qint64(0);
    QTest::newRow("rfc850 past") << QByteArray("Sunday, 06-Nov-94 08:49:37 GMT") << qint64(0) << qint64(0);
    QTest::newRow("asctime past") << QByteArray("Sun Nov  6 08:49:37 1994") << qint64(0) << qint64(0);
}

void tst_HttpClient::retryAfterIsParsed()
{
    QFETCH(QByteArray, value);
    QFETCH(qint64, minMs);
    QFETCH(qint64, maxMs);
    const HttpResponse response = value.isNull() ? HttpResponse{} : withHeader("retry-after", value);
    const qint64 ms = response.retryAfterMs();
    QVERIFY2(ms >= minMs && ms <= maxMs, qPrintable(QString::number(ms)));
}

void tst_HttpClient::errorCodeReadsOnlyErrorBodies()
{
    HttpResponse response;
    response.status = 409;
    response.body = R"({"error":{"code":"conflict.stale","message":"Someone else changed it."}})";
    QCOMPARE(response.errorCode(), u"conflict.stale"_s);
    QCOMPARE(response.errorMessage(), u"Someone else changed it."_s);
    response.body = "<html>502 Bad Gateway</html>";
    QCOMPARE(response.errorCode(), QString());
    response.status = 200;
    response.body = R"({"error":{"code":"looks.like.one"}})";
    QCOMPARE(response.errorCode(), QString()); // a 2xx body is data, whatever it holds

    // Header lookup ignores case, as HTTP does.
    HttpResponse withHeaders;
    withHeaders.headers = {{"retry-after", "7"}};
    QCOMPARE(withHeaders.header("Retry-After"), QByteArray("7"));
    QCOMPARE(withHeaders.header("x-missing"), QByteArray());
}

void tst_HttpClient::bearerNeverReachesTheLog()
{
    const QString secret = m_token;
    const QString wrongSecret = u"skapi_never-log-this-0123456789"_s;
    QLoggingCategory::setFilterRules(u"storekeep.sync.*.debug=true"_s);
    {
        QMutexLocker lock(&g_messagesMutex);
        g_messages.clear();
    }
    const QtMessageHandler previous = qInstallMessageHandler(captureMessage);
    HttpClient client;
    const auto ok = client.send(get(url(u"/v1/shops/%1/locations"_s.arg(m_shop)), secret, "log-ok-1"));
    const auto denied = client.send(get(url(u"/v1/shops/%1/locations"_s.arg(m_shop)), wrongSecret));
    const auto failed = client.send(
        post(u"http://127.0.0.1:%1/v1/x"_s.arg(closedPort()), R"({"password":"hunter2"})", secret, "log-fail-1"));
    qInstallMessageHandler(previous);
    QLoggingCategory::setFilterRules(QString());

    SK_VERIFY_OK(ok);
    QCOMPARE(ok->status, 200);
    SK_VERIFY_OK(denied);
    QCOMPARE(denied->status, 401);
    QVERIFY(!failed.ok());
    QStringList messages;
    {
        QMutexLocker lock(&g_messagesMutex);
        messages = g_messages;
    }
    const QString log = messages.join(u'\n');
    // The log is there and useful: method, path, status and request id.
    QVERIFY2(log.contains(u"storekeep.sync.net GET /v1/shops/%1/locations -> 200"_s.arg(m_shop)), qPrintable(log));
    QVERIFY2(log.contains(u"log-ok-1"_s) && log.contains(u"log-fail-1"_s), qPrintable(log));
    QVERIFY2(log.contains(u"net.connect"_s), qPrintable(log));
    for (const QString &forbidden : {secret, wrongSecret, u"Authorization"_s, u"Bearer"_s, u"hunter2"_s})
        QVERIFY2(!log.contains(forbidden, Qt::CaseInsensitive), qPrintable(forbidden));
}

QTEST_GUILESS_MAIN(tst_HttpClient)
#include "tst_httpclient.moc"
