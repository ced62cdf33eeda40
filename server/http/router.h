#pragma once

#include "http/httpmessage.h"

#include <QHash>
#include <QList>
#include <QString>

#include <functional>

namespace sk::server {

using RouteParams = QHash<QString, QString>;
using RouteHandler = std::function<HttpResponse(const HttpRequest &, const RouteParams &)>;

// Method + path pattern routing. Patterns are literal segments and {name} captures, e.g.
// "/v1/shops/{shop_id}/products/{id}". An unknown path gives a JSON 404, a known path with
// another method a JSON 405 with an Allow header.
class Router
{
public:
    struct RouteInfo
    {
        QByteArray method;
        QString pattern;
    };

    void add(const QByteArray &method, const QString &pattern, RouteHandler handler);
    HttpResponse dispatch(const HttpRequest &request) const;
    QList<RouteInfo> routes() const;

private:
    struct Route
    {
        QByteArray method;
        QString pattern;
        QStringList segments;
        RouteHandler handler;
    };
    QList<Route> m_routes;
};

} // namespace sk::server
