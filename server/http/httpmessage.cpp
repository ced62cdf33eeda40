#include "httpmessage.h"

#include "http/requestlog.h"

#include <QCoreApplication>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace sk::server {

HttpResponse HttpResponse::json(const QJsonObject &object, int status)
{
    HttpResponse response;
    response.status = status;
    response.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    return response;
}

HttpResponse HttpResponse::json(const QJsonArray &array, int status)
{
    HttpResponse response;
    response.status = status;
    response.body = QJsonDocument(array).toJson(QJsonDocument::Compact);
    return response;
}

HttpResponse HttpResponse::noContent()
{
    HttpResponse response;
    response.status = 204;
    return response;
}

HttpResponse HttpResponse::error(int status, const QString &code, const QString &message, const QString &field)
{
    QJsonObject error{{u"code"_s, code}, {u"message"_s, message}};
    if (!field.isEmpty())
        error.insert(u"field", field);
    return json(QJsonObject{{u"error"_s, error}}, status);
}

int HttpResponse::statusFor(const QString &code)
{
    if (code == u"malformed_json" || code.startsWith(u"validation."))
        return 400;
    if (code.startsWith(u"auth."))
        return 401;
    if (code.startsWith(u"forbidden"))
        return 403;
    if (code.startsWith(u"not_found"))
        return 404;
    if (code == u"method_not_allowed")
        return 405;
    if (code.startsWith(u"conflict") || code == u"out_of_order")
        return 409;
    if (code == u"cursor_expired")
        return 410;
    if (code == u"payload_too_large")
        return 413;
    if (code == u"upgrade_required")
        return 426;
    if (code == u"rate_limited")
        return 429;
    return 500;
}

HttpResponse HttpResponse::fromError(const Error &error)
{
    // core's parser says "validation.malformed_json"; the wire contract says "malformed_json".
    const QString code = error.code == u"validation.malformed_json" ? u"malformed_json"_s : error.code;
    const int status = statusFor(code);
    if (status == 500) {
        // Storage and other internal failures: log the detail, never send it (it may hold SQL).
        qCWarning(lcServer).noquote() << "internal error:" << error.code << error.toString();
        return HttpResponse::error(500, u"internal"_s,
                                   QCoreApplication::translate("sk::server::HttpResponse",
                                                               "The server could not complete the request; try again."));
    }
    const bool fieldError = code.startsWith(u"validation.") && code != u"validation.malformed_json";
    return HttpResponse::error(status, code, error.message, fieldError ? error.detail : QString());
}

} // namespace sk::server
