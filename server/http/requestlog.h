#pragma once

#include <QByteArray>
#include <QLoggingCategory>
#include <QString>

// The server's own messages (warnings, start-up); the request log itself is written by RequestLog.
Q_DECLARE_LOGGING_CATEGORY(lcServer)

namespace sk::server {

struct RequestLogEntry
{
    qint64 timestampMs = 0; // when the request arrived, UTC ms
    QString requestId;
    QByteArray method;
    QString path;           // without the query string
    int status = 0;
    qint64 latencyMs = 0;
    QString userId;         // the authenticated user, if any
    QString apiTokenId;     // or the API token
};

// The structured request log: one JSON object per line on stderr with ts (ISO 8601 UTC),
// request_id, method, path, shop (taken from /v1/shops/{shop_id}/...), user / api_token when
// the request was authenticated, status and latency_ms. By construction it never holds a
// header, a query string or a body, so no token or password can reach it.
//
// Requests are handled one at a time on the serving thread, so the authenticator notes the
// caller of "the current request" here and HttpServer picks it up when it writes the line.
class RequestLog
{
public:
    static constexpr qsizetype MaxPathLength = 512;

    // One JSON line, without the newline.
    static QByteArray format(const RequestLogEntry &entry);
    // Writes format(entry) plus a newline to stderr and flushes.
    static void write(const RequestLogEntry &entry);
    // The shop id of a /v1/shops/{shop_id}/... path, else empty.
    static QString shopFromPath(const QString &path);

    static void beginRequest();
    static void noteCaller(const QString &userId, const QString &apiTokenId = {});
    static QString currentUserId();
    static QString currentApiTokenId();
};

} // namespace sk::server
