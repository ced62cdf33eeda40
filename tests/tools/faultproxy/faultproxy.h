#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QRandomGenerator>
#include <QString>
#include <QTcpServer>

namespace sk::test {

// What the proxy may do to one request, instead of or besides passing it through.
enum class Fault {
    None,
    DropRequest,  // close the client connection; the request never reaches the server
    DropResponse, // the server applies the request, the client connection closes without an answer
    Error5xx,     // 503 {"error":{"code":"internal"}} without forwarding
    Error429,     // 429 with Retry-After: 1 without forwarding
    Reset,        // forward, then write half the answer and abort the client connection
};

// Per-request probabilities (0..1) of each fault, and the longest injected delay. The exclusive
// faults are drawn from one number in the order of the fields; a delay is drawn independently
// and can come on top of any of them.
struct FaultSettings
{
    double dropRequest = 0;
    double dropResponse = 0;
    double error5xx = 0;
    double error429 = 0;
    double reset = 0;
    double delay = 0;
    int delayMaxMs = 0;

    QJsonObject toJson() const;
    // Changes the keys present in `json` (drop_request, drop_response, error_5xx, error_429,
    // reset, delay, delay_ms). On a bad key or value nothing changes and `error` says why.
    bool apply(const QJsonObject &json, QString *error);
};

// A fault-injecting HTTP/1.1 proxy for the sync tests.
//
// Clients talk HTTP/1.1 with keep-alive to it; each client connection gets its own upstream
// connection (reused while the server keeps it open), requests are forwarded byte for byte and
// answers are returned byte for byte unless a fault is drawn for the request. Faults come from a
// QRandomGenerator seeded with Options::seed, three draws per faultable request in the order the
// requests arrive, so the same seed and the same request sequence give the same faults. Only
// requests whose path starts with Options::onlyPathPrefix are faultable (empty: all).
// Control endpoints, never forwarded nor faulted: GET /__proxy/stats (counts, the fault
// sequence so far, the settings) and POST /__proxy/faults (a JSON object like
// FaultSettings::toJson(), changes the settings at run time). Every fault prints one line to stderr.
class FaultProxy : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        QHostAddress listenAddress = QHostAddress(QHostAddress::LocalHost);
        quint16 listenPort = 0;
        QString upstreamHost = QStringLiteral("127.0.0.1");
        quint16 upstreamPort = 0;
        quint32 seed = 0;
        QByteArray onlyPathPrefix;
        FaultSettings faults;
    };

    struct Decision
    {
        Fault fault = Fault::None;
        int delayMs = 0;
    };

    explicit FaultProxy(const Options &options, QObject *parent = nullptr);
    ~FaultProxy() override;

    bool listen();
    quint16 port() const { return m_server.serverPort(); }
    QString errorString() const { return m_server.errorString(); }

    QJsonObject stats() const;
    const FaultSettings &faults() const { return m_options.faults; }
    bool setFaults(const QJsonObject &json, QString *error) { return m_options.faults.apply(json, error); }

    static QString faultName(Fault fault);

private:
    class Connection;

    void onNewConnection();
    bool faultable(const QByteArray &path) const;
    // Draws the next decision (always three draws, whatever the settings) and counts it.
    Decision decide(const QByteArray &method, const QByteArray &target);
    void countForwarded() { ++m_forwarded; }
    void countUpstreamError() { ++m_upstreamErrors; }
    void countRequest() { ++m_requests; }

    Options m_options;
    QTcpServer m_server;
    QRandomGenerator m_random;
    qint64 m_requests = 0;
    qint64 m_faultable = 0;
    qint64 m_forwarded = 0;
    qint64 m_upstreamErrors = 0;
    qint64 m_counts[6] = {};
    qint64 m_delayed = 0;
    qint64 m_delayMsTotal = 0;
    QJsonArray m_sequence; // fault names of faultable requests, in order
    QJsonArray m_delays;   // injected delay (ms) of each faultable request
};

} // namespace sk::test
