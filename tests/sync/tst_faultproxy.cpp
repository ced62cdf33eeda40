// storekeep-faultproxy between sk::HttpClient and a real storekeep-server: with no faults it is
// invisible; with each fault at probability 1 the client sees exactly that failure and the server
// state shows whether the request was applied; the same seed gives the same fault sequence; and
// faults can be switched off at run time so that a retry converges.

#include "net/httpclient.h"
#include "../server/synctestsupport.h"
#include "testsupport.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace sk;
using sk::test::binPath;
using sk::test::newUuid;
using sk::test::SyncTestWorld;
using sk::test::toJson;
using namespace Qt::StringLiterals;

namespace {

// One storekeep-faultproxy process in front of an upstream port.
class ProxyProcess
{
public:
    ~ProxyProcess() { stop(); }

    bool start(quint16 upstream, const QStringList &extraArgs)
    {
        stop();
        if (!m_logDir.isValid())
            return false;
        m_process = std::make_unique<QProcess>();
        // A file, not a pipe: the test thread blocks in HttpClient::send() and would never drain a pipe.
        m_process->setStandardErrorFile(m_logDir.filePath(u"proxy-stderr.log"_s), QIODevice::Truncate);
        m_process->start(binPath(u"storekeep-faultproxy"_s),
                         QStringList{u"--listen"_s, u"127.0.0.1:0"_s, u"--upstream"_s, u"127.0.0.1:%1"_s.arg(upstream)}
                             + extraArgs);
        if (!m_process->waitForStarted(15'000)) {
            qWarning().noquote() << "cannot start" << binPath(u"storekeep-faultproxy"_s) << m_process->errorString();
            return false;
        }
        static const QRegularExpression listening(u"listening on http://127\\.0\\.0\\.1:(\\d+)"_s);
        QString seen;
        QDeadlineTimer deadline(15'000);
        while (!deadline.hasExpired() && m_process->state() == QProcess::Running) {
            m_process->waitForReadyRead(100);
            seen += QString::fromLocal8Bit(m_process->readAllStandardOutput());
            if (const auto match = listening.match(seen); match.hasMatch()) {
                m_port = quint16(match.captured(1).toUInt());
                return m_port != 0;
            }
        }
        qWarning().noquote() << "storekeep-faultproxy did not report a port:" << seen << stderrText();
        return false;
    }

    void stop()
    {
        if (!m_process)
            return;
        m_process->terminate();
        if (!m_process->waitForFinished(10'000)) {
            m_process->kill();
            m_process->waitForFinished(10'000);
        }
        m_process.reset();
        m_port = 0;
    }

    QString url(const QString &path) const { return u"http://127.0.0.1:%1%2"_s.arg(m_port).arg(path); }

    QByteArray stderrText() const
    {
        QFile file(m_logDir.filePath(u"proxy-stderr.log"_s));
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    QJsonObject stats() const
    {
        HttpClient client;
        HttpRequest request;
        request.url = url(u"/__proxy/stats"_s);
        const auto response = client.send(request);
        return response.ok() ? QJsonDocument::fromJson(response->body).object() : QJsonObject();
    }

    // The status of POST /__proxy/faults (0 on a transport failure).
    int setFaults(const QJsonObject &faults) const { return postControl(toJson(faults)); }

    int postControl(const QByteArray &body) const
    {
        HttpClient client;
        HttpRequest request;
        request.method = "POST";
        request.url = url(u"/__proxy/faults"_s);
        request.body = body;
        const auto response = client.send(request);
        return response.ok() ? response->status : 0;
    }

private:
    std::unique_ptr<QProcess> m_process;
    QTemporaryDir m_logDir;
    quint16 m_port = 0;
};

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

// What a caller saw: "status 200" or the transport error code.
QString outcomeOf(const Result<HttpResponse> &result)
{
    return result.ok() ? u"status %1"_s.arg(result->status) : result.error().code;
}

QList<std::pair<QByteArray, QByteArray>> withoutDate(HttpHeaders headers)
{
    headers.removeIf([](const auto &header) { return header.first == "date" || header.first == "x-request-id"; });
    return headers;
}

} // namespace

class tst_FaultProxy : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void withoutFaultsRequestsPassUnchanged();
    void eachFaultKindAtProbabilityOne_data();
    void eachFaultKindAtProbabilityOne();
    void delaysHoldRequestsBack();
    void sameSeedSameFaultSequence();
    void badControlRequestsAreRefused();

private:
    // A fresh sync client's one-mutation batch creating a location through `baseUrl`.
    struct Push
    {
        QString clientId;
        QString location;
        QByteArray body;
    };
    Push newPush();
    // How many times the location shows in the server's list, asked directly (not through the proxy).
    int locationCount(const QString &location);
    QString shopUrl(const ProxyProcess &proxy, const QString &rest) const
    {
        return proxy.url(u"/v1/shops/"_s + m_shop + rest);
    }

    SyncTestWorld m_world;
    QString m_shop;
    QString m_token;
};

void tst_FaultProxy::initTestCase()
{
    QVERIFY2(QFile::exists(binPath(u"storekeep-faultproxy"_s)), qPrintable(binPath(u"storekeep-faultproxy"_s)));
    QVERIFY2(m_world.start(), qPrintable(m_world.error));
    m_shop = m_world.createShop(u"Proxy Outfitters"_s, u"EUR"_s, u"allow"_s);
    QVERIFY2(!m_shop.isEmpty(), qPrintable(m_world.error));
    m_token = m_world.apiToken(m_shop, u"owner"_s);
    QVERIFY2(!m_token.isEmpty(), qPrintable(m_world.error));
}

tst_FaultProxy::Push tst_FaultProxy::newPush()
{
    Push push;
    push.clientId = m_world.newClient(m_shop, m_token);
    push.location = newUuid();
    push.body = SyncTestWorld::batchBody(
        push.clientId,
        {SyncTestWorld::mutation(1, u"location.create"_s, SyncTestWorld::locationArgs(push.location, u"Proxy shelf"_s))});
    return push;
}

int tst_FaultProxy::locationCount(const QString &location)
{
    int count = 0;
    for (const QJsonValue &value : m_world.listAll(m_shop, m_token, u"/locations"_s))
        count += value.toObject().value(u"id").toString() == location ? 1 : 0;
    return count;
}

void tst_FaultProxy::withoutFaultsRequestsPassUnchanged()
{
    ProxyProcess proxy;
    QVERIFY(proxy.start(m_world.server.port(), {u"--seed"_s, u"1"_s}));

    const QString clientId = newUuid();
    const QString base = m_world.server.baseUrl();
    const QString shop = u"/v1/shops/"_s + m_shop;
    const QList<HttpRequest> requests{
        get(u"/healthz"_s),
        get(u"/v1/no-such-route"_s, {}, "proxy-rid-404"),
        get(shop + u"/locations"_s, m_token, "proxy-rid-list"),
        get(shop + u"/locations"_s, u"skapi_wrong"_s),
        post(shop + u"/sync/clients"_s, toJson({{u"client_id"_s, clientId}}), m_token, "proxy-rid-post"),
    };

    HttpClient direct;
    HttpClient viaProxy;
    qint64 connections = 0;
    for (const HttpRequest &request : requests) {
        HttpRequest toServer = request;
        toServer.url = base + request.url;
        HttpRequest toProxy = request;
        toProxy.url = proxy.url(request.url);
        const auto expected = direct.send(toServer);
        const auto actual = viaProxy.send(toProxy);
        SK_VERIFY_OK(expected);
        SK_VERIFY_OK(actual);
        QCOMPARE(actual->status, expected->status);
        QCOMPARE(actual->body, expected->body);
        QVERIFY2(withoutDate(actual->headers) == withoutDate(expected->headers), request.url.toUtf8().constData());
        QCOMPARE(actual->header("x-request-id"), actual->requestId);
        if (!request.requestId.isEmpty())
            QCOMPARE(actual->requestId, request.requestId);
        connections += actual->connectionsOpened;
    }
    QCOMPARE(connections, 1); // keep-alive through the proxy

    const QJsonObject stats = proxy.stats();
    const qint64 sent = requests.size();
    QCOMPARE(stats.value(u"requests").toInteger(), sent);
    QCOMPARE(stats.value(u"forwarded").toInteger(), sent);
    QCOMPARE(stats.value(u"counts").toObject().value(u"none").toInteger(), sent);
    for (const QJsonValue &kind : stats.value(u"sequence").toArray())
        QCOMPARE(kind.toString(), u"none"_s);
    QVERIFY2(!proxy.stderrText().contains("->"), proxy.stderrText().constData()); // no fault lines
}

void tst_FaultProxy::eachFaultKindAtProbabilityOne_data()
{
    QTest::addColumn<QString>("option");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<bool>("reachesServer");
    QTest::addColumn<QStringList>("outcomes"); // what the client may see

    QTest::newRow("drop-request") << u"--drop-request"_s << u"drop_request"_s << false << QStringList{u"net.reset"_s};
    QTest::newRow("drop-response") << u"--drop-response"_s << u"drop_response"_s << true
                                   << QStringList{u"net.reset"_s, u"net.protocol"_s};
    QTest::newRow("error-5xx") << u"--error-5xx"_s << u"error_5xx"_s << false << QStringList{u"status 503"_s};
    QTest::newRow("error-429") << u"--error-429"_s << u"error_429"_s << false << QStringList{u"status 429"_s};
    QTest::newRow("reset") << u"--reset"_s << u"reset"_s << true << QStringList{u"net.reset"_s, u"net.protocol"_s};
}

void tst_FaultProxy::eachFaultKindAtProbabilityOne()
{
    QFETCH(QString, option);
    QFETCH(QString, kind);
    QFETCH(bool, reachesServer);
    QFETCH(QStringList, outcomes);

    ProxyProcess proxy;
    QVERIFY(proxy.start(m_world.server.port(),
                        {u"--seed"_s, u"5"_s, option, u"1"_s, u"--only-path-prefix"_s, u"/v1/shops"_s}));
    HttpClient client;

    // Outside the prefix nothing is faulted.
    const auto health = client.send(get(proxy.url(u"/healthz"_s)));
    SK_VERIFY_OK(health);
    QCOMPARE(health->status, 200);

    const Push push = newPush();
    QVERIFY2(!push.clientId.isEmpty(), qPrintable(m_world.error));
    const auto faulted = client.send(post(shopUrl(proxy, u"/sync/mutations"_s), push.body, m_token));
    QVERIFY2(outcomes.contains(outcomeOf(faulted)), qPrintable(outcomeOf(faulted)));
    if (faulted.ok() && faulted->status == 503) {
        QCOMPARE(faulted->errorCode(), u"internal"_s);
    }
    if (faulted.ok() && faulted->status == 429) {
        QCOMPARE(faulted->retryAfterMs(), qint64(1000));
        QCOMPARE(faulted->errorCode(), u"rate_limited"_s);
    }
    // Applied or not, as the fault promises: asked of the server directly.
    QCOMPARE(locationCount(push.location), reachesServer ? 1 : 0);

    const QJsonObject stats = proxy.stats();
    const qint64 injected = stats.value(u"counts").toObject().value(kind).toInteger();
    QVERIFY2(injected >= 1, qPrintable(QString::fromUtf8(toJson(stats))));
    QCOMPARE(stats.value(u"faultable").toInteger(), injected); // every faultable request got it
    // /healthz was forwarded; the push only when the fault lets it through.
    QCOMPARE(stats.value(u"forwarded").toInteger() > 1, reachesServer);
    QVERIFY2(proxy.stderrText().contains("-> " + kind.toLatin1()), proxy.stderrText().constData());

    // Faults off at run time: the same batch again now gets its answer, and applies once in all.
    QCOMPARE(proxy.setFaults({{kind, 0}}), 200);
    const auto retried = client.send(post(shopUrl(proxy, u"/sync/mutations"_s), push.body, m_token));
    SK_VERIFY_OK(retried);
    QVERIFY2(retried->status == 200, retried->body.constData());
    const QString status = QJsonDocument::fromJson(retried->body)
                               .object()
                               .value(u"results")
                               .toArray()
                               .first()
                               .toObject()
                               .value(u"status")
                               .toString();
    QCOMPARE(status, reachesServer ? u"duplicate"_s : u"applied"_s);
    QCOMPARE(locationCount(push.location), 1);
}

void tst_FaultProxy::delaysHoldRequestsBack()
{
    ProxyProcess proxy;
    QVERIFY(proxy.start(m_world.server.port(), {u"--seed"_s, u"3"_s, u"--delay"_s, u"1"_s, u"--delay-ms"_s, u"250"_s}));
    HttpClient client;
    qint64 clientMs = 0;
    constexpr int Requests = 4;
    for (int i = 0; i < Requests; ++i) {
        const auto response = client.send(get(proxy.url(u"/healthz"_s)));
        SK_VERIFY_OK(response);
        QCOMPARE(response->status, 200); // a delay alone changes nothing but the time
        clientMs += response->elapsedMs;
    }
    const QJsonObject stats = proxy.stats();
    QCOMPARE(stats.value(u"delayed").toInteger(), qint64(Requests));
    const qint64 injectedMs = stats.value(u"delay_ms_total").toInteger();
    qint64 sum = 0;
    for (const QJsonValue &ms : stats.value(u"delays").toArray()) {
        QVERIFY(ms.toInteger() >= 1 && ms.toInteger() <= 250);
        sum += ms.toInteger();
    }
    QCOMPARE(sum, injectedMs);
    QVERIFY2(clientMs >= injectedMs, qPrintable(u"client %1 ms, injected %2 ms"_s.arg(clientMs).arg(injectedMs)));
}

void tst_FaultProxy::sameSeedSameFaultSequence()
{
    const QStringList mixed{u"--drop-request"_s,  u"0.12"_s, u"--drop-response"_s, u"0.12"_s, u"--error-5xx"_s,
                            u"0.12"_s,           u"--error-429"_s, u"0.12"_s,      u"--reset"_s,     u"0.12"_s,
                            u"--delay"_s,         u"0.3"_s,  u"--delay-ms"_s,      u"15"_s};
    struct Run
    {
        QJsonArray sequence;
        QJsonArray delays;
        QStringList outcomes;
    };
    const auto run = [&](const QString &seed) {
        Run result;
        ProxyProcess proxy;
        if (!proxy.start(m_world.server.port(), QStringList{u"--seed"_s, seed} + mixed))
            return result;
        HttpClient client;
        for (int i = 0; i < 40; ++i)
            result.outcomes.append(outcomeOf(client.send(get(proxy.url(i % 2 ? u"/healthz"_s : u"/v1/no-such-route"_s)))));
        const QJsonObject stats = proxy.stats();
        result.sequence = stats.value(u"sequence").toArray();
        result.delays = stats.value(u"delays").toArray();
        return result;
    };

    const Run first = run(u"20240611"_s);
    const Run second = run(u"20240611"_s);
    const Run other = run(u"20240612"_s);
    QVERIFY(first.sequence.size() >= 40); // one draw per request (plus curl's own retries on a dropped reused connection)
    QCOMPARE(second.sequence, first.sequence);
    QCOMPARE(second.delays, first.delays);
    QCOMPARE(second.outcomes, first.outcomes);
    QVERIFY(other.sequence != first.sequence);

    // The mix really mixes: several kinds show up in 40 requests.
    QSet<QString> kinds;
    for (const QJsonValue &kind : first.sequence)
        kinds.insert(kind.toString());
    QVERIFY2(kinds.size() >= 4, qPrintable(QStringList(kinds.values()).join(u", "_s)));
}

void tst_FaultProxy::badControlRequestsAreRefused()
{
    ProxyProcess proxy;
    QVERIFY(proxy.start(m_world.server.port(), {u"--seed"_s, u"9"_s, u"--error-5xx"_s, u"0.5"_s}));
    QCOMPARE(proxy.postControl("not json"), 400);
    QCOMPARE(proxy.setFaults({{u"error_5xx"_s, 1.5}}), 400);
    QCOMPARE(proxy.setFaults({{u"eror_5xx"_s, 0.1}}), 400);
    QCOMPARE(proxy.stats().value(u"faults").toObject().value(u"error_5xx").toDouble(), 0.5); // unchanged
    QCOMPARE(proxy.setFaults({{u"error_5xx"_s, 0.25}, {u"delay_ms"_s, 10}}), 200);
    const QJsonObject faults = proxy.stats().value(u"faults").toObject();
    QCOMPARE(faults.value(u"error_5xx").toDouble(), 0.25);
    QCOMPARE(faults.value(u"delay_ms").toInt(), 10);
    QCOMPARE(proxy.stats().value(u"requests").toInteger(), qint64(0)); // control requests are not counted or forwarded

    // A bad command line is refused with a message, not run with defaults.
    QProcess bad;
    bad.start(binPath(u"storekeep-faultproxy"_s), {u"--upstream"_s, u"127.0.0.1:1"_s, u"--reset"_s, u"2"_s});
    QVERIFY(bad.waitForFinished(15'000));
    QCOMPARE(bad.exitCode(), 2);
    QVERIFY2(bad.readAllStandardError().contains("reset"), "the message names the option");
}

QTEST_GUILESS_MAIN(tst_FaultProxy)
#include "tst_faultproxy.moc"
