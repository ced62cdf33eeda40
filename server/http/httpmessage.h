#pragma once

#include "util/result.h"

#include <QByteArray>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUrlQuery>

#include <utility>

namespace sk::server {

// A request as the handlers see it: body already read (at most HttpServer::MaxBodyBytes).
struct HttpRequest
{
    QByteArray method;                    // "GET", "POST", ...
    QString path;                         // decoded path, no query string
    QUrlQuery query;
    QByteArray body;
    QHash<QByteArray, QByteArray> headers; // names lower-case
    QString remoteAddress;
    QString requestId;                    // X-Request-Id, echoed or generated

    QByteArray header(const QByteArray &lowerCaseName) const { return headers.value(lowerCaseName); }
};

struct HttpResponse
{
    int status = 200;
    QByteArray body;
    QByteArray contentType = "application/json";
    QList<std::pair<QByteArray, QByteArray>> headers;

    static HttpResponse json(const QJsonObject &object, int status = 200);
    static HttpResponse json(const QJsonArray &array, int status = 200);
    static HttpResponse noContent();
    // {"error":{"code","message","field"?}}
    static HttpResponse error(int status, const QString &code, const QString &message, const QString &field = {});
    // Maps an Error's code to a status: validation.* 400, auth.* 401, forbidden* 403, not_found* 404,
    // conflict.* 409, rate_limited 429, anything else 500. Error.detail becomes "field" for validation errors.
    static HttpResponse fromError(const Error &error);
    static int statusFor(const QString &code);
};

} // namespace sk::server
