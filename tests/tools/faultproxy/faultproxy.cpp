#include "faultproxy.h"

#include <QJsonDocument>
#include <QNetworkProxy>
#include <QTcpSocket>
#include <QTimer>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace sk::test {

namespace {

constexpr qsizetype MaxHeaderBytes = 64 * 1024;
constexpr qsizetype MaxSequenceEntries = 100'000;

// ---- HTTP/1.1 framing ------------------------------------------------------------------

struct ParsedRequest
{
    QByteArray raw; // exactly the bytes the client sent, forwarded as they are
    QByteArray method;
    QByteArray target;
    QByteArray path;
    QByteArray body;
    bool closeAfter = false; // "Connection: close", or HTTP/1.0 without keep-alive
};

enum class Parse { Incomplete, Complete, Bad };

QByteArray headerValue(const QList<QByteArray> &lines, const QByteArray &name)
{
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray &line = lines.at(i);
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
            return line.mid(colon + 1).trimmed();
    }
    return {};
}

// Takes the first complete request off the front of `buffer`.
Parse takeRequest(QByteArray &buffer, ParsedRequest *out)
{
    const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0)
        return buffer.size() > MaxHeaderBytes ? Parse::Bad : Parse::Incomplete;
    const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    if (requestLine.size() != 3 || !requestLine.at(2).startsWith("HTTP/1."))
        return Parse::Bad;
    if (headerValue(lines, "transfer-encoding").toLower().contains("chunked"))
        return Parse::Bad; // our clients always send a Content-Length
    qint64 length = 0;
    if (const QByteArray declared = headerValue(lines, "content-length"); !declared.isEmpty()) {
        bool ok = false;
        length = declared.toLongLong(&ok);
        if (!ok || length < 0)
            return Parse::Bad;
    }
    const qsizetype total = headerEnd + 4 + length;
    if (buffer.size() < total)
        return Parse::Incomplete;

    out->raw = buffer.left(total);
    out->method = requestLine.at(0);
    out->target = requestLine.at(1);
    const qsizetype query = out->target.indexOf('?');
    out->path = query < 0 ? out->target : out->target.left(query);
    out->body = buffer.mid(headerEnd + 4, length);
    const QByteArray connection = headerValue(lines, "connection").toLower();
    out->closeAfter = connection.contains("close")
        || (requestLine.at(2) == "HTTP/1.0" && !connection.contains("keep-alive"));
    buffer.remove(0, total);
    return Parse::Complete;
}

// The length of a complete chunked body starting at `from`, or -1 while incomplete.
qsizetype chunkedLength(const QByteArray &data, qsizetype from)
{
    qsizetype pos = from;
    for (;;) {
        const qsizetype lineEnd = data.indexOf("\r\n", pos);
        if (lineEnd < 0)
            return -1;
        QByteArray sizeText = data.mid(pos, lineEnd - pos);
        if (const qsizetype semicolon = sizeText.indexOf(';'); semicolon >= 0)
            sizeText.truncate(semicolon);
        bool ok = false;
        const qsizetype size = sizeText.trimmed().toLongLong(&ok, 16);
        if (!ok || size < 0)
            return -1;
        pos = lineEnd + 2;
        if (size == 0) {
            const qsizetype end = data.indexOf("\r\n\r\n", pos - 2); // trailers end with an empty line
            return end < 0 ? -1 : end + 4 - from;
        }
        if (data.size() < pos + size + 2)
            return -1;
        pos += size + 2;
    }
}

struct ResponseFrame
{
    qsizetype length = 0;    // bytes of the complete response (1xx interim answers included); 0 = incomplete
    bool closeAfter = false; // the server will close the connection after it
    bool bad = false;
};

// Frames the first response in `data`. `closed`: the upstream has closed, so a response
// without a length ends here.
ResponseFrame frameResponse(const QByteArray &data, bool headRequest, bool closed)
{
    ResponseFrame frame;
    qsizetype start = 0;
    for (;;) {
        const qsizetype headerEnd = data.indexOf("\r\n\r\n", start);
        if (headerEnd < 0) {
            frame.bad = data.size() - start > MaxHeaderBytes;
            return frame;
        }
        const QList<QByteArray> lines = data.mid(start, headerEnd - start).split('\n');
        const QList<QByteArray> statusLine = lines.value(0).trimmed().split(' ');
        if (statusLine.size() < 2 || !statusLine.at(0).startsWith("HTTP/1.")) {
            frame.bad = true;
            return frame;
        }
        const int status = statusLine.at(1).toInt();
        const qsizetype bodyStart = headerEnd + 4;
        if (status >= 100 && status < 200 && status != 101) {
            start = bodyStart; // an interim answer; the real one follows
            continue;
        }
        frame.closeAfter = headerValue(lines, "connection").toLower().contains("close");
        if (headRequest || status == 204 || status == 304) {
            frame.length = bodyStart;
            return frame;
        }
        if (headerValue(lines, "transfer-encoding").toLower().contains("chunked")) {
            const qsizetype body = chunkedLength(data, bodyStart);
            frame.length = body < 0 ? 0 : bodyStart + body;
            return frame;
        }
        if (const QByteArray declared = headerValue(lines, "content-length"); !declared.isEmpty()) {
            const qint64 length = declared.toLongLong();
            frame.length = data.size() >= bodyStart + length ? bodyStart + length : 0;
            return frame;
        }
        frame.closeAfter = true; // delimited by the close
        frame.length = closed ? data.size() : 0;
        return frame;
    }
}

QByteArray jsonResponse(int status, const QByteArray &reason, const QJsonObject &body, const QByteArray &extraHeaders = {})
{
    const QByteArray json = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason + "\r\nContent-Type: application/json\r\n"
        + "Content-Length: " + QByteArray::number(json.size()) + "\r\nCache-Control: no-store\r\n" + extraHeaders
        + "\r\n" + json;
}

QJsonObject errorBody(const QString &code, const QString &message)
{
    return {{u"error"_s, QJsonObject{{u"code"_s, code}, {u"message"_s, message}}}};
}

void printLine(const QByteArray &line)
{
    std::fputs(line.constData(), stderr);
    std::fputc('\n', stderr);
    std::fflush(stderr);
}

} // namespace

// ---- FaultSettings -----------------------------------------------------------------------

QJsonObject FaultSettings::toJson() const
{
    return {{u"drop_request"_s, dropRequest}, {u"drop_response"_s, dropResponse}, {u"error_5xx"_s, error5xx},
            {u"error_429"_s, error429},       {u"reset"_s, reset},                 {u"delay"_s, delay},
            {u"delay_ms"_s, delayMaxMs}};
}

bool FaultSettings::apply(const QJsonObject &json, QString *error)
{
    FaultSettings next = *this;
    const std::pair<QString, double *> probabilities[] = {
        {u"drop_request"_s, &next.dropRequest}, {u"drop_response"_s, &next.dropResponse},
        {u"error_5xx"_s, &next.error5xx},       {u"error_429"_s, &next.error429},
        {u"reset"_s, &next.reset},              {u"delay"_s, &next.delay}};
    for (auto it = json.begin(); it != json.end(); ++it) {
        bool known = false;
        for (const auto &[key, field] : probabilities) {
            if (it.key() != key)
                continue;
            known = true;
            const double value = it.value().toDouble(-1);
            if (!it.value().isDouble() || value < 0 || value > 1) {
                *error = u"%1 must be a probability between 0 and 1"_s.arg(key);
                return false;
            }
            *field = value;
        }
        if (it.key() == u"delay_ms"_s) {
            known = true;
            const double value = it.value().toDouble(-1);
            if (!it.value().isDouble() || value < 0 || value > 600'000) {
                *error = u"delay_ms must be between 0 and 600000"_s;
                return false;
            }
            next.delayMaxMs = int(value);
        }
        if (!known) {
            *error = u"unknown setting %1"_s.arg(it.key());
            return false;
        }
    }
    *this = next;
    return true;
}

// ---- one client connection ------------------------------------------------------------------

class FaultProxy::Connection : public QObject
{
public:
    Connection(FaultProxy *proxy, QTcpSocket *client) : QObject(proxy), m_proxy(proxy), m_client(client)
    {
        m_client->setParent(this);
        connect(m_client, &QTcpSocket::readyRead, this, &Connection::onClientData);
        connect(m_client, &QTcpSocket::disconnected, this, &QObject::deleteLater);
        onClientData();
    }

private:
    void onClientData()
    {
        m_in += m_client->readAll();
        processNext();
    }

    // One request at a time per connection; later ones wait in m_in (pipelining keeps its order).
    void processNext()
    {
        if (m_busy || m_closing)
            return;
        ParsedRequest request;
        switch (takeRequest(m_in, &request)) {
        case Parse::Incomplete:
            return;
        case Parse::Bad:
            m_busy = true;
            answer(jsonResponse(400, "Bad Request", errorBody(u"proxy.bad_request"_s, u"unparsable request"_s),
                                "Connection: close\r\n"),
                   true);
            return;
        case Parse::Complete:
            break;
        }
        m_busy = true;
        m_current = request;
        if (m_current.path.startsWith("/__proxy/")) {
            control();
            return;
        }
        m_proxy->countRequest();
        m_decision = m_proxy->faultable(m_current.path) ? m_proxy->decide(m_current.method, m_current.target)
                                                         : Decision{};
        if (m_decision.delayMs > 0)
            QTimer::singleShot(m_decision.delayMs, this, [this] { act(); });
        else
            act();
    }

    void control()
    {
        if (m_current.method == "GET" && m_current.path == "/__proxy/stats") {
            answer(jsonResponse(200, "OK", m_proxy->stats()), m_current.closeAfter);
        } else if (m_current.method == "POST" && m_current.path == "/__proxy/faults") {
            QJsonParseError parseError{};
            const QJsonDocument document = QJsonDocument::fromJson(m_current.body, &parseError);
            QString error = u"the body must be a JSON object"_s;
            if (document.isObject() && m_proxy->setFaults(document.object(), &error)) {
                printLine("faultproxy: faults now " + QJsonDocument(m_proxy->faults().toJson()).toJson(QJsonDocument::Compact));
                answer(jsonResponse(200, "OK", m_proxy->faults().toJson()), m_current.closeAfter);
            } else {
                answer(jsonResponse(400, "Bad Request", errorBody(u"proxy.bad_settings"_s, error)), m_current.closeAfter);
            }
        } else {
            answer(jsonResponse(404, "Not Found", errorBody(u"proxy.not_found"_s, u"no such control endpoint"_s)),
                   m_current.closeAfter);
        }
    }

    void act()
    {
        switch (m_decision.fault) {
        case Fault::DropRequest:
            closeClient(false);
            return;
        case Fault::Error5xx:
            answer(jsonResponse(503, "Service Unavailable", errorBody(u"internal"_s, u"injected"_s)), m_current.closeAfter);
            return;
        case Fault::Error429:
            answer(jsonResponse(429, "Too Many Requests", errorBody(u"rate_limited"_s, u"injected"_s), "Retry-After: 1\r\n"),
                   m_current.closeAfter);
            return;
        case Fault::None:
        case Fault::DropResponse:
        case Fault::Reset:
            forward();
            return;
        }
    }

    void forward()
    {
        if (m_upstream && m_upstream->state() != QAbstractSocket::ConnectedState) {
            m_upstream->disconnect(this);
            m_upstream->deleteLater();
            m_upstream = nullptr;
        }
        if (!m_upstream) {
            m_upstream = new QTcpSocket(this);
            m_upstream->setProxy(QNetworkProxy::NoProxy);
            QTcpSocket *socket = m_upstream;
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onUpstreamData(socket, false); });
            connect(socket, &QTcpSocket::disconnected, this, [this, socket] { onUpstreamData(socket, true); });
            connect(socket, &QTcpSocket::errorOccurred, this, [this, socket](QAbstractSocket::SocketError error) {
                if (error != QAbstractSocket::RemoteHostClosedError)
                    onUpstreamData(socket, true);
            });
            m_upIn.clear();
            m_waitingUpstream = true;
            m_upstream->connectToHost(m_proxy->m_options.upstreamHost, m_proxy->m_options.upstreamPort);
            if (!m_upstream)
                return; // failed at once; onUpstreamData() has answered
        }
        m_upIn.clear();
        m_waitingUpstream = true;
        m_upstream->write(m_current.raw); // buffered until connected
    }

    void onUpstreamData(QTcpSocket *socket, bool closed)
    {
        if (socket != m_upstream)
            return;
        m_upIn += socket->readAll();
        if (closed) {
            socket->disconnect(this);
            socket->deleteLater();
            m_upstream = nullptr;
        }
        if (!m_waitingUpstream)
            return;
        const ResponseFrame frame = frameResponse(m_upIn, m_current.method == "HEAD", closed);
        if (frame.length > 0) {
            m_waitingUpstream = false;
            const QByteArray response = m_upIn.left(frame.length);
            m_upIn.remove(0, frame.length);
            if (frame.closeAfter && m_upstream) {
                m_upstream->disconnect(this);
                m_upstream->disconnectFromHost();
                m_upstream->deleteLater();
                m_upstream = nullptr;
            }
            deliver(response, frame.closeAfter);
        } else if (closed || frame.bad) {
            m_waitingUpstream = false;
            m_proxy->countUpstreamError();
            printLine("faultproxy: upstream failed for " + m_current.method + ' ' + m_current.path);
            if (m_decision.fault == Fault::DropResponse || m_decision.fault == Fault::Reset)
                closeClient(m_decision.fault == Fault::Reset);
            else
                answer(jsonResponse(502, "Bad Gateway", errorBody(u"proxy.upstream"_s, u"the upstream did not answer"_s),
                                    "Connection: close\r\n"),
                       true);
        }
    }

    void deliver(const QByteArray &response, bool upstreamCloses)
    {
        m_proxy->countForwarded();
        switch (m_decision.fault) {
        case Fault::DropResponse:
            closeClient(false);
            return;
        case Fault::Reset:
            m_client->write(response.left(response.size() / 2));
            m_client->flush();
            closeClient(true);
            return;
        default:
            // The answer says "Connection: close" itself when the upstream closes after it.
            answer(response, m_current.closeAfter || upstreamCloses);
            return;
        }
    }

    void answer(const QByteArray &response, bool close)
    {
        m_client->write(response);
        if (close) {
            closeClient(false); // disconnectFromHost() still writes what is buffered
            return;
        }
        m_busy = false;
        processNext();
    }

    void closeClient(bool abort)
    {
        m_closing = true;
        m_in.clear();
        if (abort)
            m_client->abort();
        else
            m_client->disconnectFromHost();
        if (m_client->state() == QAbstractSocket::UnconnectedState)
            deleteLater();
    }

    FaultProxy *m_proxy;
    QTcpSocket *m_client;
    QTcpSocket *m_upstream = nullptr;
    QByteArray m_in;
    QByteArray m_upIn;
    ParsedRequest m_current;
    Decision m_decision;
    bool m_busy = false;
    bool m_closing = false;
    bool m_waitingUpstream = false;
};

// ---- FaultProxy ----------------------------------------------------------------------------

FaultProxy::FaultProxy(const Options &options, QObject *parent)
    : QObject(parent), m_options(options), m_random(options.seed)
{
    connect(&m_server, &QTcpServer::newConnection, this, &FaultProxy::onNewConnection);
}

FaultProxy::~FaultProxy() = default;

bool FaultProxy::listen()
{
    return m_server.listen(m_options.listenAddress, m_options.listenPort);
}

void FaultProxy::onNewConnection()
{
    while (QTcpSocket *client = m_server.nextPendingConnection())
        new Connection(this, client); // owned by this; deletes itself when the client goes
}

bool FaultProxy::faultable(const QByteArray &path) const
{
    return m_options.onlyPathPrefix.isEmpty() || path.startsWith(m_options.onlyPathPrefix);
}

QString FaultProxy::faultName(Fault fault)
{
    switch (fault) {
    case Fault::None: return u"none"_s;
    case Fault::DropRequest: return u"drop_request"_s;
    case Fault::DropResponse: return u"drop_response"_s;
    case Fault::Error5xx: return u"error_5xx"_s;
    case Fault::Error429: return u"error_429"_s;
    case Fault::Reset: return u"reset"_s;
    }
    return {};
}

FaultProxy::Decision FaultProxy::decide(const QByteArray &method, const QByteArray &target)
{
    // Always three draws, so changing one probability does not shift what later requests get.
    const double kindDraw = m_random.generateDouble();
    const double delayDraw = m_random.generateDouble();
    const double delayAmount = m_random.generateDouble();
    const FaultSettings &f = m_options.faults;

    Decision decision;
    double edge = 0;
    const std::pair<double, Fault> exclusive[] = {{f.dropRequest, Fault::DropRequest},
                                                  {f.dropResponse, Fault::DropResponse},
                                                  {f.error5xx, Fault::Error5xx},
                                                  {f.error429, Fault::Error429},
                                                  {f.reset, Fault::Reset}};
    for (const auto &[probability, fault] : exclusive) {
        edge += probability;
        if (kindDraw < edge) {
            decision.fault = fault;
            break;
        }
    }
    if (f.delayMaxMs > 0 && delayDraw < f.delay)
        decision.delayMs = qMax(1, int(delayAmount * f.delayMaxMs));

    ++m_faultable;
    ++m_counts[int(decision.fault)];
    if (decision.delayMs > 0) {
        ++m_delayed;
        m_delayMsTotal += decision.delayMs;
    }
    if (m_sequence.size() < MaxSequenceEntries) {
        m_sequence.append(faultName(decision.fault));
        m_delays.append(decision.delayMs);
    }
    if (decision.fault != Fault::None || decision.delayMs > 0) {
        QByteArray line = "faultproxy: #" + QByteArray::number(m_faultable) + ' ' + method + ' ' + target + " -> "
            + faultName(decision.fault).toLatin1();
        if (decision.delayMs > 0)
            line += " after " + QByteArray::number(decision.delayMs) + " ms delay";
        printLine(line);
    }
    return decision;
}

QJsonObject FaultProxy::stats() const
{
    QJsonObject counts;
    for (const Fault fault : {Fault::None, Fault::DropRequest, Fault::DropResponse, Fault::Error5xx, Fault::Error429,
                              Fault::Reset})
        counts.insert(faultName(fault), m_counts[int(fault)]);
    return {{u"requests"_s, m_requests},
            {u"faultable"_s, m_faultable},
            {u"forwarded"_s, m_forwarded},
            {u"upstream_errors"_s, m_upstreamErrors},
            {u"counts"_s, counts},
            {u"delayed"_s, m_delayed},
            {u"delay_ms_total"_s, m_delayMsTotal},
            {u"sequence"_s, m_sequence},
            {u"delays"_s, m_delays},
            {u"faults"_s, m_options.faults.toJson()},
            {u"seed"_s, qint64(m_options.seed)}};
}

} // namespace sk::test
