#include "httpserver.h"

#include "http/requestlog.h"
#include "http/router.h"
#include "util/uuidv7.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QRegularExpression>
#include <QTcpSocket>

#if QT_CONFIG(ssl)
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>
#endif

#include <exception>

using namespace Qt::StringLiterals;

namespace sk::server {

namespace {

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get: return "GET";
    case QHttpServerRequest::Method::Put: return "PUT";
    case QHttpServerRequest::Method::Delete: return "DELETE";
    case QHttpServerRequest::Method::Post: return "POST";
    case QHttpServerRequest::Method::Head: return "HEAD";
    case QHttpServerRequest::Method::Options: return "OPTIONS";
    case QHttpServerRequest::Method::Patch: return "PATCH";
    case QHttpServerRequest::Method::Connect: return "CONNECT";
    case QHttpServerRequest::Method::Trace: return "TRACE";
    default: return "UNKNOWN";
    }
}

HttpRequest toHttpRequest(const QHttpServerRequest &request)
{
    HttpRequest parsed;
    parsed.method = methodName(request.method());
    const QUrl url = request.url();
    parsed.path = url.path(QUrl::FullyDecoded);
    parsed.query = request.query();
    parsed.body = request.body();
    for (const auto &[name, value] : request.headers())
        parsed.headers.insert(name.toLower(), value);
    parsed.remoteAddress = request.remoteAddress().toString();
    parsed.requestId = HttpServer::requestIdFor(parsed.header("x-request-id"));
    return parsed;
}

} // namespace

HttpServer::HttpServer(const Router &router, const Clock &clock, QObject *parent)
    : QAbstractHttpServer(parent), m_router(router), m_clock(clock)
{
}

Result<void> HttpServer::enableTls(const QString &certificatePath, const QString &privateKeyPath)
{
#if QT_CONFIG(ssl)
    if (!QSslSocket::supportsSsl()) {
        return makeError(u"tls.unavailable"_s, tr("This build of Qt cannot load a TLS backend, so HTTPS is unavailable."),
                         QSslSocket::sslLibraryVersionString());
    }
    QFile certFile(certificatePath);
    if (!certFile.open(QIODevice::ReadOnly))
        return makeError(u"tls.certificate"_s, tr("Cannot read the TLS certificate %1: %2.")
                                                   .arg(certificatePath, certFile.errorString()));
    const QList<QSslCertificate> chain = QSslCertificate::fromData(certFile.readAll(), QSsl::Pem);
    if (chain.isEmpty() || chain.first().isNull())
        return makeError(u"tls.certificate"_s, tr("%1 holds no PEM certificate.").arg(certificatePath));

    QFile keyFile(privateKeyPath);
    if (!keyFile.open(QIODevice::ReadOnly))
        return makeError(u"tls.key"_s, tr("Cannot read the TLS private key %1: %2.")
                                           .arg(privateKeyPath, keyFile.errorString()));
    const QByteArray keyData = keyFile.readAll();
    QSslKey key;
    for (const QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec}) {
        key = QSslKey(keyData, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!key.isNull())
            break;
    }
    if (key.isNull())
        return makeError(u"tls.key"_s, tr("%1 holds no unencrypted PEM RSA or EC private key.").arg(privateKeyPath));

    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificate(chain.first());
    if (chain.size() > 1)
        configuration.setLocalCertificateChain(chain);
    configuration.setPrivateKey(key);
    configuration.setProtocol(QSsl::TlsV1_2OrLater);
    sslSetup(configuration);
    m_tls = true;
    return {};
#else
    Q_UNUSED(certificatePath);
    Q_UNUSED(privateKeyPath);
    return makeError(u"tls.unavailable"_s, tr("This build has no TLS support, so HTTPS is unavailable."));
#endif
}

QString HttpServer::requestIdFor(const QByteArray &clientValue)
{
    static const QRegularExpression sane(u"^[A-Za-z0-9._:-]{1,64}$"_s);
    const QString value = QString::fromLatin1(clientValue.trimmed());
    if (clientValue.size() <= MaxRequestIdLength && sane.match(value).hasMatch())
        return value;
    return UuidV7::toText(UuidV7::create());
}

HttpResponse HttpServer::respond(const HttpRequest &request) const
{
    bool lengthOk = true;
    const QByteArray declared = request.header("content-length");
    const qint64 declaredLength = declared.isEmpty() ? 0 : declared.trimmed().toLongLong(&lengthOk);
    if (request.body.size() > MaxBodyBytes || (lengthOk && declaredLength > MaxBodyBytes)) {
        return HttpResponse::error(413, u"payload_too_large"_s,
                                   tr("The request body is larger than %1 bytes; send less at a time.")
                                       .arg(MaxBodyBytes));
    }
    try {
        return m_router.dispatch(request);
    } catch (const std::exception &e) {
        qCCritical(lcServer) << "handler threw:" << e.what();
    } catch (...) {
        qCCritical(lcServer) << "handler threw an unknown exception";
    }
    return HttpResponse::error(500, u"internal"_s, tr("The server could not complete the request; try again."));
}

bool HttpServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    QElapsedTimer timer;
    timer.start();
    const qint64 arrived = m_clock.nowMs();
    RequestLog::beginRequest();
    const HttpRequest parsed = toHttpRequest(request);
    const HttpResponse response = respond(parsed);

    // Logged before the answer goes out, so whoever has the answer can already find its line.
    RequestLogEntry entry;
    entry.timestampMs = arrived;
    entry.requestId = parsed.requestId;
    entry.method = parsed.method;
    entry.path = parsed.path;
    entry.status = response.status;
    entry.latencyMs = timer.elapsed();
    entry.userId = RequestLog::currentUserId();
    entry.apiTokenId = RequestLog::currentApiTokenId();
    RequestLog::write(entry);
    RequestLog::beginRequest();
    send(request, socket, parsed, response);
    return true;
}

void HttpServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // handleRequest() answers everything; this is only QAbstractHttpServer's fallback.
    const HttpRequest parsed = toHttpRequest(request);
    send(request, socket, parsed,
         HttpResponse::error(404, u"not_found.route"_s, tr("There is no such endpoint.")));
}

void HttpServer::send(const QHttpServerRequest &request, QTcpSocket *socket, const HttpRequest &parsed,
                      const HttpResponse &response) const
{
    if (!socket->isOpen())
        return; // the client went away; nothing to answer
    QHttpServerResponder responder = makeResponder(request, socket);
    responder.writeStatusLine(QHttpServerResponder::StatusCode(response.status));
    responder.writeHeader("Content-Type", response.contentType);
    if (response.status != 204 && response.status != 304)
        responder.writeHeader("Content-Length", QByteArray::number(response.body.size()));
    responder.writeHeader("X-Request-Id", parsed.requestId.toLatin1());
    responder.writeHeader("Cache-Control", "no-store");
    const bool close = parsed.header("connection").toLower().contains("close");
    if (close)
        responder.writeHeader("Connection", "close");
    for (const auto &[name, value] : response.headers)
        responder.writeHeader(name, value);
    responder.writeBody(response.body);
    if (close)
        socket->disconnectFromHost(); // after the buffered response is written
}

} // namespace sk::server
