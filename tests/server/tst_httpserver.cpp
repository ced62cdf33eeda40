// HttpServer over real TCP: body limits, malformed JSON, JSON 404/405, X-Request-Id, the
// structured request log (and what it must never contain), and HTTPS.

#include "http/httpserver.h"
#include "serverfixture.h"
#include "testsupport.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace sk;
using namespace Qt::StringLiterals;

namespace {

const QString Password = u"platform-secret-pw"_s;
const QRegularExpression UuidText(u"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"_s);

// The request log's JSON lines (the server may also write other JSON lines: those have no request_id).
QList<QJsonObject> requestLines(const QByteArray &stderrText)
{
    QList<QJsonObject> lines;
    for (const QByteArray &line : stderrText.split('\n')) {
        const QJsonObject object = QJsonDocument::fromJson(line).object();
        if (object.contains(u"request_id"_s))
            lines.append(object);
    }
    return lines;
}

QList<QJsonObject> linesWithId(const QByteArray &stderrText, const QString &requestId)
{
    QList<QJsonObject> found;
    for (const QJsonObject &line : requestLines(stderrText)) {
        if (line.value(u"request_id"_s).toString() == requestId)
            found.append(line);
    }
    return found;
}

} // namespace

class tst_HttpServer : public QObject
{
    Q_OBJECT

private:
    test::ServerProcess m_server;
    QString m_shopId;
    QString m_userId;

    test::HttpResult request(const QByteArray &method, const QString &path, const QByteArray &body = {},
                             const QString &bearer = {}, const QList<std::pair<QByteArray, QByteArray>> &headers = {})
    {
        return test::HttpClient(m_server.port()).request(method, path, body, bearer, headers);
    }

private slots:
    void initTestCase()
    {
        auto [code, shop] = m_server.admin({u"create-shop"_s, u"--name"_s, u"Log Shop"_s, u"--currency"_s, u"EUR"_s,
                                            u"--time-zone"_s, u"Europe/Paris"_s});
        QCOMPARE(code, 0);
        m_shopId = QString::fromLatin1(shop.trimmed());
        auto [userCode, user] = m_server.admin(
            {u"create-user"_s, u"--email"_s, u"owner@log.test"_s, u"--name"_s, u"Owner"_s}, Password.toUtf8() + '\n');
        QCOMPARE(userCode, 0);
        m_userId = QString::fromLatin1(user.trimmed());
        QCOMPARE(m_server.admin({u"add-member"_s, u"--shop"_s, m_shopId, u"--email"_s, u"owner@log.test"_s,
                                 u"--role"_s, u"owner"_s})
                     .first,
                 0);
        QVERIFY(m_server.start());
    }

    void malformedJsonIs400()
    {
        for (const QByteArray &body : {QByteArray("{nope"), QByteArray("[1, 2]"), QByteArray("\"text\""),
                                       QByteArray("{\"refresh_token\": }")}) {
            const test::HttpResult result = request("POST", u"/v1/auth/refresh"_s, body);
            QVERIFY2(result.status == 400, body.constData());
            QCOMPARE(result.errorCode(), u"malformed_json"_s);
            QVERIFY(!result.json.value(u"error"_s).toObject().value(u"message"_s).toString().isEmpty());
        }
    }

    void bodyOverOneMebibyteIs413()
    {
        const qsizetype limit = server::HttpServer::MaxBodyBytes;
        QCOMPARE(limit, 1024 * 1024);
        const test::HttpResult tooLarge = request("POST", u"/v1/auth/refresh"_s, QByteArray(limit + 1, ' '));
        QCOMPARE(tooLarge.status, 413);
        QCOMPARE(tooLarge.errorCode(), u"payload_too_large"_s);

        // Exactly 1 MiB is still read and handled (here: a refresh token far too long to be one).
        QByteArray body = "{\"refresh_token\":\"";
        body += QByteArray(limit - body.size() - 2, 'a');
        body += "\"}";
        QCOMPARE(body.size(), limit);
        const test::HttpResult atLimit = request("POST", u"/v1/auth/refresh"_s, body);
        QCOMPARE(atLimit.status, 400);
        QCOMPARE(atLimit.errorCode(), u"validation.invalid_field"_s);
    }

    void unknownPathIsJson404()
    {
        const test::HttpResult result = request("GET", u"/v1/nothing/here"_s);
        QCOMPARE(result.status, 404);
        QCOMPARE(result.header("Content-Type"), QByteArray("application/json"));
        QCOMPARE(result.errorCode(), u"not_found.route"_s);
    }

    void wrongMethodIs405WithAllow()
    {
        const test::HttpResult login = request("GET", u"/v1/auth/login"_s);
        QCOMPARE(login.status, 405);
        QCOMPARE(login.errorCode(), u"method_not_allowed"_s);
        QCOMPARE(login.header("Allow"), QByteArray("POST"));
        const test::HttpResult health = request("DELETE", u"/healthz"_s);
        QCOMPARE(health.status, 405);
        QCOMPARE(health.header("Allow"), QByteArray("GET"));
    }

    void everyResponseHasRequestIdAndContentType()
    {
        const QList<test::HttpResult> results{
            request("GET", u"/healthz"_s),                                       // 200
            request("GET", u"/nope"_s),                                          // 404
            request("PUT", u"/healthz"_s),                                       // 405
            request("POST", u"/v1/auth/logout"_s, R"({"refresh_token":"x"})"),  // 204
            request("GET", u"/v1/me"_s),                                         // 401
        };
        const QList<int> statuses{200, 404, 405, 204, 401};
        for (qsizetype i = 0; i < results.size(); ++i) {
            QCOMPARE(results.at(i).status, statuses.at(i));
            QVERIFY2(!results.at(i).header("Content-Type").isEmpty(), qPrintable(QString::number(statuses.at(i))));
            QVERIFY(UuidText.match(QString::fromLatin1(results.at(i).header("X-Request-Id"))).hasMatch());
        }
        QVERIFY(results.at(0).header("X-Request-Id") != results.at(1).header("X-Request-Id"));
        QCOMPARE(results.at(4).header("WWW-Authenticate"), QByteArray("Bearer"));
    }

    void requestIdIsEchoedWhenSane()
    {
        const test::HttpResult echoed =
            request("GET", u"/healthz"_s, {}, {}, {{"X-Request-Id", "trace-42.a:b_C"}});
        QCOMPARE(echoed.header("X-Request-Id"), QByteArray("trace-42.a:b_C"));

        const QByteArray longest(64, 'r');
        QCOMPARE(request("GET", u"/healthz"_s, {}, {}, {{"X-Request-Id", longest}}).header("X-Request-Id"), longest);

        // Too long, or with characters that could forge log lines: replaced by a fresh id.
        for (const QByteArray &insane : {QByteArray(65, 'r'), QByteArray("two words"), QByteArray("a\"b"),
                                         QByteArray("{\"x\":1}")}) {
            const QByteArray id = request("GET", u"/healthz"_s, {}, {}, {{"X-Request-Id", insane}}).header("X-Request-Id");
            QVERIFY2(UuidText.match(QString::fromLatin1(id)).hasMatch(), insane.constData());
        }
    }

    void logsOneJsonLinePerRequestWithoutSecrets()
    {
        test::HttpClient http(m_server.port());
        const test::HttpResult login = http.post(u"/v1/auth/login"_s, {{u"email"_s, u"owner@log.test"_s},
                                                                        {u"password"_s, Password}});
        QCOMPARE(login.status, 200);
        const QString accessToken = login.json.value(u"access_token"_s).toString();
        const QString refreshToken = login.json.value(u"refresh_token"_s).toString();
        QVERIFY(!accessToken.isEmpty() && !refreshToken.isEmpty());

        const test::HttpResult members = http.request("GET", u"/v1/shops/%1/members"_s.arg(m_shopId), {},
                                                      accessToken, {{"X-Request-Id", "log-members-1"}});
        QCOMPARE(members.status, 200);
        const test::HttpResult query = http.request("GET", u"/healthz?token=query-secret-123"_s, {},
                                                    u"bearer-secret-456"_s, {{"X-Request-Id", "log-query-1"}});
        QCOMPARE(query.status, 200);
        const test::HttpResult refused = http.request("GET", u"/v1/shops/%1/members"_s.arg(m_shopId), {},
                                                      u"forged-token-789"_s, {{"X-Request-Id", "log-refused-1"}});
        QCOMPARE(refused.status, 401);

        const QByteArray log = m_server.serverStderr();
        const QList<QJsonObject> memberLines = linesWithId(log, u"log-members-1"_s);
        QCOMPARE(memberLines.size(), 1);
        const QJsonObject line = memberLines.first();
        QCOMPARE(line.value(u"method"_s).toString(), u"GET"_s);
        QCOMPARE(line.value(u"path"_s).toString(), u"/v1/shops/%1/members"_s.arg(m_shopId));
        QCOMPARE(line.value(u"shop"_s).toString(), m_shopId);
        QCOMPARE(line.value(u"user"_s).toString(), m_userId);
        QCOMPARE(line.value(u"status"_s).toInt(), 200);
        QVERIFY(line.value(u"latency_ms"_s).isDouble());
        QVERIFY(line.value(u"latency_ms"_s).toInteger(-1) >= 0);
        QVERIFY(QDateTime::fromString(line.value(u"ts"_s).toString(), Qt::ISODateWithMs).isValid());

        const QList<QJsonObject> queryLines = linesWithId(log, u"log-query-1"_s);
        QCOMPARE(queryLines.size(), 1);
        QCOMPARE(queryLines.first().value(u"path"_s).toString(), u"/healthz"_s); // no query string
        QVERIFY(!queryLines.first().contains(u"shop"_s));
        QVERIFY(!queryLines.first().contains(u"user"_s));

        const QList<QJsonObject> refusedLines = linesWithId(log, u"log-refused-1"_s);
        QCOMPARE(refusedLines.size(), 1);
        QCOMPARE(refusedLines.first().value(u"status"_s).toInt(), 401);
        QVERIFY(!refusedLines.first().contains(u"user"_s));

        // Every request line carries the documented fields.
        const QList<QJsonObject> all = requestLines(log);
        QVERIFY(all.size() >= 10);
        for (const QJsonObject &entry : all) {
            for (const QString &field : {u"ts"_s, u"request_id"_s, u"method"_s, u"path"_s, u"status"_s,
                                         u"latency_ms"_s})
                QVERIFY2(entry.contains(field), qPrintable(field));
        }

        // No header, token, query string or password, ever.
        for (const QByteArray &secret : {accessToken.toUtf8(), refreshToken.toUtf8(), QByteArray("query-secret-123"),
                                         QByteArray("bearer-secret-456"), QByteArray("forged-token-789"),
                                         Password.toUtf8(), QByteArray("Authorization"), QByteArray("Bearer")})
            QVERIFY2(!log.contains(secret), secret.constData());
    }

    void servesHttpsWithACertificate()
    {
        const QString openssl = QStandardPaths::findExecutable(u"openssl"_s);
        if (openssl.isEmpty())
            QSKIP("The openssl command-line tool is not installed; it makes the test certificate.");
        if (!QSslSocket::supportsSsl())
            QSKIP("Qt has no TLS backend here.");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString cert = dir.filePath(u"cert.pem"_s);
        const QString key = dir.filePath(u"key.pem"_s);
        QProcess req;
        req.start(openssl, {u"req"_s, u"-x509"_s, u"-newkey"_s, u"rsa:2048"_s, u"-nodes"_s, u"-keyout"_s, key,
                            u"-out"_s, cert, u"-days"_s, u"2"_s, u"-subj"_s, u"/CN=127.0.0.1"_s, u"-addext"_s,
                            u"subjectAltName=IP:127.0.0.1"_s});
        QVERIFY(req.waitForFinished(60000));
        QVERIFY2(req.exitCode() == 0, req.readAllStandardError().constData());

        test::ServerProcess tls;
        QVERIFY(tls.start({u"--tls-cert"_s, cert, u"--tls-key"_s, key}));
        QVERIFY2(tls.baseUrl().startsWith(u"https://"_s), qPrintable(tls.baseUrl()));

        QFile certFile(cert);
        QVERIFY(certFile.open(QIODevice::ReadOnly));
        QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
        configuration.setCaCertificates(QSslCertificate::fromData(certFile.readAll(), QSsl::Pem));
        QSslSocket socket;
        socket.setSslConfiguration(configuration);
        socket.connectToHostEncrypted(u"127.0.0.1"_s, tls.port());
        QVERIFY2(socket.waitForEncrypted(15000), qPrintable(socket.errorString())); // the certificate verifies
        socket.write("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        QByteArray response;
        while (!response.contains("\"status\":\"ok\"") && socket.waitForReadyRead(10000))
            response += socket.readAll();
        QVERIFY2(response.startsWith("HTTP/1.1 200"), response.constData());
        QVERIFY2(response.contains("\"status\":\"ok\""), response.constData());

        // Plain HTTP on the TLS port gets no answer.
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"HTTP request failed"_s));
        QCOMPARE(test::HttpClient(tls.port()).get(u"/healthz"_s).status, 0);
    }
};

QTEST_GUILESS_MAIN(tst_HttpServer)
#include "tst_httpserver.moc"
