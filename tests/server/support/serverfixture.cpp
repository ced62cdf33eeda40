#include "serverfixture.h"

#include "testsupport.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QHostAddress>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QtDebug>

using namespace Qt::StringLiterals;

namespace sk::test {

namespace {

constexpr int StartTimeoutMs = 15000;
constexpr int StopTimeoutMs = 10000;
constexpr int AdminTimeoutMs = 120000; // seed-demo --scale medium writes a lot
constexpr int RequestTimeoutMs = 30000;

// Decodes a complete "Transfer-Encoding: chunked" body; false while more bytes are needed.
bool decodeChunked(const QByteArray &data, QByteArray *out)
{
    QByteArray body;
    qsizetype pos = 0;
    for (;;) {
        const qsizetype lineEnd = data.indexOf("\r\n", pos);
        if (lineEnd < 0)
            return false;
        QByteArray sizeText = data.mid(pos, lineEnd - pos);
        if (const qsizetype semicolon = sizeText.indexOf(';'); semicolon >= 0)
            sizeText.truncate(semicolon); // chunk extensions
        bool ok = false;
        const qsizetype size = sizeText.trimmed().toLongLong(&ok, 16);
        if (!ok || size < 0)
            return false;
        pos = lineEnd + 2;
        if (size == 0) {
            // Optional trailers, then the final empty line.
            const qsizetype end = data.indexOf("\r\n", pos);
            if (end < 0)
                return false;
            *out = body;
            return true;
        }
        if (data.size() < pos + size + 2)
            return false;
        body.append(data.mid(pos, size));
        pos += size + 2;
    }
}

} // namespace

QString binPath(const QString &name)
{
    const QString env = qEnvironmentVariable("STOREKEEP_BIN_DIR");
    return (env.isEmpty() ? binaryDir() + u"/bin"_s : env) + u'/' + name;
}

ServerProcess::ServerProcess() = default;

ServerProcess::~ServerProcess()
{
    stop();
}

std::pair<int, QByteArray> ServerProcess::admin(const QStringList &args, const QByteArray &stdinData)
{
    QProcess process;
    process.start(binPath(u"storekeep-server"_s), args + QStringList{u"--data"_s, dataDir()});
    if (!process.waitForStarted(StartTimeoutMs)) {
        qWarning().noquote() << "cannot start" << binPath(u"storekeep-server"_s) << process.errorString();
        return {-1, {}};
    }
    if (!stdinData.isEmpty())
        process.write(stdinData);
    process.closeWriteChannel();
    if (!process.waitForFinished(AdminTimeoutMs)) {
        process.kill();
        process.waitForFinished();
        qWarning().noquote() << "storekeep-server" << args.join(u' ') << "did not finish in time";
        return {-1, process.readAllStandardOutput()};
    }
    const QByteArray err = process.readAllStandardError();
    const int code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    if (code != 0)
        qInfo().noquote() << "storekeep-server" << args.join(u' ') << "exited with" << code << ":" << err;
    return {code, process.readAllStandardOutput()};
}

bool ServerProcess::start(const QStringList &extraArgs)
{
    stop();
    if (!m_dir.isValid() || !m_logDir.isValid()) {
        qWarning() << "cannot create temporary directories";
        return false;
    }
    m_process = std::make_unique<QProcess>();
    m_process->setStandardErrorFile(m_logDir.filePath(u"server-stderr.log"_s), QIODevice::Append);
    m_process->start(binPath(u"storekeep-server"_s),
                     QStringList{u"serve"_s, u"--data"_s, dataDir(), u"--listen"_s, u"127.0.0.1:0"_s} + extraArgs);
    if (!m_process->waitForStarted(StartTimeoutMs)) {
        qWarning().noquote() << "cannot start" << binPath(u"storekeep-server"_s) << m_process->errorString();
        m_process.reset();
        return false;
    }

    static const QRegularExpression listening(u"listening on (https?)://([^\\s]+):(\\d+)"_s);
    QString seen;
    QDeadlineTimer deadline(StartTimeoutMs);
    while (!deadline.hasExpired()) {
        m_process->waitForReadyRead(int(qMin<qint64>(250, qMax<qint64>(1, deadline.remainingTime()))));
        seen += QString::fromLocal8Bit(m_process->readAllStandardOutput());
        const auto match = listening.match(seen);
        if (match.hasMatch()) {
            m_scheme = match.captured(1);
            m_port = quint16(match.captured(3).toUInt());
            return m_port != 0;
        }
        if (m_process->state() == QProcess::NotRunning)
            break;
    }
    qWarning().noquote() << "storekeep-server did not report a port. stdout:" << seen
                         << "stderr:" << QString::fromLocal8Bit(serverStderr());
    stop();
    return false;
}

void ServerProcess::stop()
{
    if (!m_process)
        return;
    if (m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        if (!m_process->waitForFinished(StopTimeoutMs)) {
            qWarning() << "storekeep-server ignored SIGTERM; killing it";
            m_process->kill();
            m_process->waitForFinished(StopTimeoutMs);
        }
    }
    m_process.reset();
    m_port = 0;
}

QString ServerProcess::baseUrl() const
{
    return u"%1://127.0.0.1:%2"_s.arg(m_scheme).arg(m_port);
}

QByteArray ServerProcess::serverStderr() const
{
    QFile file(m_logDir.filePath(u"server-stderr.log"_s));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

QByteArray HttpResult::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

HttpResult HttpClient::request(const QByteArray &method, const QString &pathAndQuery, const QByteArray &body,
                               const QString &bearer, const QList<std::pair<QByteArray, QByteArray>> &extraHeaders)
{
    HttpResult result;
    auto fail = [&result](const QString &why) {
        result.status = 0;
        result.body = why.toUtf8();
        qWarning().noquote() << "HTTP request failed:" << why;
        return result;
    };

    QTcpSocket socket;
    socket.connectToHost(QHostAddress(QHostAddress::LocalHost), m_port);
    QDeadlineTimer deadline(RequestTimeoutMs);
    if (!socket.waitForConnected(int(deadline.remainingTime())))
        return fail(u"cannot connect to 127.0.0.1:%1: %2"_s.arg(m_port).arg(socket.errorString()));

    QByteArray request = method + ' ' + pathAndQuery.toUtf8() + " HTTP/1.1\r\n";
    request += "Host: 127.0.0.1:" + QByteArray::number(m_port) + "\r\n";
    request += "Connection: close\r\n";
    bool hasContentType = false;
    for (const auto &[key, value] : extraHeaders)
        hasContentType = hasContentType || key.compare("content-type", Qt::CaseInsensitive) == 0;
    if (!body.isEmpty() && !hasContentType)
        request += "Content-Type: application/json\r\n";
    if (!body.isEmpty() || method == "POST" || method == "PUT" || method == "PATCH")
        request += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    if (!bearer.isEmpty())
        request += "Authorization: Bearer " + bearer.toUtf8() + "\r\n";
    for (const auto &[key, value] : extraHeaders)
        request += key + ": " + value + "\r\n";
    request += "\r\n";
    request += body;

    socket.write(request);
    while (socket.bytesToWrite() > 0) {
        if (deadline.hasExpired() || !socket.waitForBytesWritten(int(qMax<qint64>(1, deadline.remainingTime()))))
            break; // the server may answer (413) and close before reading everything
    }

    QByteArray raw;
    qsizetype headerEnd = -1;
    qint64 contentLength = -1;
    bool chunked = false;
    QByteArray decoded;
    bool complete = false;
    while (!complete) {
        raw += socket.readAll();
        if (headerEnd < 0) {
            headerEnd = raw.indexOf("\r\n\r\n");
            if (headerEnd >= 0) {
                const QList<QByteArray> lines = raw.left(headerEnd).split('\n');
                const QList<QByteArray> statusParts = lines.value(0).trimmed().split(' ');
                if (statusParts.size() < 2 || !statusParts.at(0).startsWith("HTTP/1."))
                    return fail(u"not an HTTP response: "_s + QString::fromLatin1(raw.left(200)));
                result.status = statusParts.at(1).toInt();
                for (qsizetype i = 1; i < lines.size(); ++i) {
                    const QByteArray line = lines.at(i).trimmed();
                    const qsizetype colon = line.indexOf(':');
                    if (colon <= 0)
                        continue;
                    const QByteArray key = line.left(colon).trimmed();
                    const QByteArray value = line.mid(colon + 1).trimmed();
                    result.headers.append({key, value});
                    if (key.compare("content-length", Qt::CaseInsensitive) == 0)
                        contentLength = value.toLongLong();
                    else if (key.compare("transfer-encoding", Qt::CaseInsensitive) == 0
                             && value.toLower().contains("chunked"))
                        chunked = true;
                }
                if (method == "HEAD" || result.status == 204 || result.status == 304)
                    contentLength = 0;
            }
        }
        if (headerEnd >= 0) {
            const QByteArray rest = raw.mid(headerEnd + 4);
            if (chunked)
                complete = decodeChunked(rest, &decoded);
            else if (contentLength >= 0)
                complete = rest.size() >= contentLength;
        }
        if (complete)
            break;
        if (socket.state() != QAbstractSocket::ConnectedState && socket.bytesAvailable() == 0)
            break;
        if (deadline.hasExpired())
            return fail(u"no complete answer from 127.0.0.1:%1 within %2 ms"_s.arg(m_port).arg(RequestTimeoutMs));
        if (!socket.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime())))
            && socket.state() != QAbstractSocket::ConnectedState) {
            raw += socket.readAll();
            if (headerEnd < 0 && raw.indexOf("\r\n\r\n") >= 0)
                continue; // parse the headers that arrived with the close
            if (headerEnd >= 0)
                continue; // one more pass to finish with what arrived
            break;
        }
    }
    if (headerEnd < 0)
        return fail(u"connection closed before a complete response header: "_s + QString::fromLatin1(raw.left(200)));

    const QByteArray rest = raw.mid(headerEnd + 4);
    if (chunked) {
        if (!complete)
            return fail(u"truncated chunked body"_s);
        result.body = decoded;
    } else if (contentLength >= 0) {
        if (rest.size() < contentLength)
            return fail(u"truncated body: %1 of %2 bytes"_s.arg(rest.size()).arg(contentLength));
        result.body = rest.left(contentLength);
    } else {
        result.body = rest; // read to close
    }
    socket.abort();

    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(result.body, &error);
    if (error.error == QJsonParseError::NoError && document.isObject())
        result.json = document.object();
    return result;
}

} // namespace sk::test
