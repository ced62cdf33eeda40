#include "router.h"

#include <QCoreApplication>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace sk::server {

namespace {

bool isParam(const QString &segment)
{
    return segment.size() > 2 && segment.startsWith(u'{') && segment.endsWith(u'}');
}

QStringList splitPath(const QString &path)
{
    // "/v1/shops/x" → {"v1", "shops", "x"}; "" and "/" → {""} so that they never match a route.
    return path.mid(path.startsWith(u'/') ? 1 : 0).split(u'/');
}

// Captures the parameters when the segments match; literal segments compare exactly.
bool match(const QStringList &pattern, const QStringList &segments, RouteParams *params)
{
    if (pattern.size() != segments.size())
        return false;
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        const QString &want = pattern.at(i);
        const QString &have = segments.at(i);
        if (isParam(want)) {
            if (have.isEmpty())
                return false;
            if (params)
                params->insert(want.mid(1, want.size() - 2), have);
        } else if (want != have) {
            return false;
        }
    }
    return true;
}

// Literal segments win over captures, earliest segment first: "/a/b" before "/a/{x}".
bool moreSpecific(const QStringList &a, const QStringList &b)
{
    for (qsizetype i = 0; i < std::min(a.size(), b.size()); ++i) {
        const bool literalA = !isParam(a.at(i));
        const bool literalB = !isParam(b.at(i));
        if (literalA != literalB)
            return literalA;
    }
    return false;
}

} // namespace

void Router::add(const QByteArray &method, const QString &pattern, RouteHandler handler)
{
    const QByteArray upper = method.toUpper();
    for (const Route &route : std::as_const(m_routes)) {
        if (route.method == upper && route.pattern == pattern) {
            qWarning("Router: %s %s registered twice; the first registration wins", upper.constData(),
                     qPrintable(pattern));
            return;
        }
    }
    m_routes.append(Route{upper, pattern, splitPath(pattern), std::move(handler)});
}

HttpResponse Router::dispatch(const HttpRequest &request) const
{
    const QStringList segments = splitPath(request.path);
    const Route *best = nullptr;
    QList<QByteArray> allowed;
    for (const Route &route : m_routes) {
        if (!match(route.segments, segments, nullptr))
            continue;
        if (route.method != request.method) {
            if (!allowed.contains(route.method))
                allowed.append(route.method);
            continue;
        }
        if (!best || moreSpecific(route.segments, best->segments))
            best = &route;
    }
    if (best) {
        RouteParams params;
        match(best->segments, segments, &params);
        return best->handler(request, params);
    }
    if (!allowed.isEmpty()) {
        std::sort(allowed.begin(), allowed.end());
        HttpResponse response = HttpResponse::error(
            405, u"method_not_allowed"_s,
            QCoreApplication::translate("sk::server::Router", "%1 is not allowed here; use %2.")
                .arg(QString::fromLatin1(request.method), QString::fromLatin1(allowed.join(", "))));
        response.headers.append({"Allow", allowed.join(", ")});
        return response;
    }
    return HttpResponse::error(404, u"not_found.route"_s,
                               QCoreApplication::translate("sk::server::Router", "There is no such endpoint."));
}

QList<Router::RouteInfo> Router::routes() const
{
    QList<RouteInfo> infos;
    infos.reserve(m_routes.size());
    for (const Route &route : m_routes)
        infos.append(RouteInfo{route.method, route.pattern});
    return infos;
}

} // namespace sk::server
