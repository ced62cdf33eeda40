#pragma once

#include "http/httpmessage.h"
#include "util/clock.h"
#include "util/result.h"

#include <QAbstractHttpServer>

namespace sk::server {

class Router;

// The HTTP front: QAbstractHttpServer does the parsing and the sockets; every request goes
// through our Router (never QHttpServer's routing), so unknown paths get a JSON 404 and
// wrong methods a JSON 405. Bodies over MaxBodyBytes get 413 payload_too_large. Every
// response carries X-Request-Id (the client's when it is a sane token, else a new one),
// Content-Type and Cache-Control: no-store, and every request gets one RequestLog line.
// Requests are handled one at a time on the thread that owns the server.
class HttpServer : public QAbstractHttpServer
{
    Q_OBJECT

public:
    static constexpr qsizetype MaxBodyBytes = 1024 * 1024;
    static constexpr qsizetype MaxRequestIdLength = 64;

    explicit HttpServer(const Router &router, const Clock &clock = Clock::system(), QObject *parent = nullptr);

    // Serve HTTPS with a PEM certificate (chain) and PEM private key (RSA or EC). Call before listen().
    Result<void> enableTls(const QString &certificatePath, const QString &privateKeyPath);
    bool tlsEnabled() const { return m_tls; }

    // The id a response will carry: the client's X-Request-Id if it is 1..64 of [A-Za-z0-9._:-], else a new UUID.
    static QString requestIdFor(const QByteArray &clientValue);
    // Parsing and routing without the socket, so it can be tested directly.
    HttpResponse respond(const HttpRequest &request) const;

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    void send(const QHttpServerRequest &request, QTcpSocket *socket, const HttpRequest &parsed,
              const HttpResponse &response) const;

    const Router &m_router;
    const Clock &m_clock;
    bool m_tls = false;
};

} // namespace sk::server
