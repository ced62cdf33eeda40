// Router: method + path pattern matching, parameters, JSON 404 and 405 with Allow.

#include "http/router.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

using namespace sk::server;
using namespace Qt::StringLiterals;

namespace {

HttpRequest request(const QByteArray &method, const QString &path)
{
    HttpRequest r;
    r.method = method;
    r.path = path;
    return r;
}

QJsonObject bodyOf(const HttpResponse &response)
{
    return QJsonDocument::fromJson(response.body).object();
}

QString errorCode(const HttpResponse &response)
{
    return bodyOf(response).value(u"error"_s).toObject().value(u"code"_s).toString();
}

QByteArray header(const HttpResponse &response, const QByteArray &name)
{
    for (const auto &[key, value] : response.headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

// A handler that answers with the name it was registered under and the parameters it got.
RouteHandler echo(const QString &name)
{
    return [name](const HttpRequest &, const RouteParams &params) {
        QJsonObject p;
        for (auto it = params.cbegin(); it != params.cend(); ++it)
            p.insert(it.key(), it.value());
        return HttpResponse::json(QJsonObject{{u"route"_s, name}, {u"params"_s, p}});
    };
}

} // namespace

class tst_Router : public QObject
{
    Q_OBJECT

private slots:
    void matchesLiteralPaths()
    {
        Router router;
        router.add("GET", u"/healthz"_s, echo(u"health"_s));
        router.add("POST", u"/v1/auth/login"_s, echo(u"login"_s));
        const HttpResponse health = router.dispatch(request("GET", u"/healthz"_s));
        QCOMPARE(health.status, 200);
        QCOMPARE(bodyOf(health).value(u"route"_s).toString(), u"health"_s);
        QCOMPARE(bodyOf(router.dispatch(request("POST", u"/v1/auth/login"_s))).value(u"route"_s).toString(),
                 u"login"_s);
    }

    void capturesParameters()
    {
        Router router;
        router.add("GET", u"/v1/shops/{shop_id}/products/{id}"_s, echo(u"product"_s));
        const HttpResponse response = router.dispatch(request("GET", u"/v1/shops/s-1/products/p-2"_s));
        QCOMPARE(response.status, 200);
        const QJsonObject params = bodyOf(response).value(u"params"_s).toObject();
        QCOMPARE(params.value(u"shop_id"_s).toString(), u"s-1"_s);
        QCOMPARE(params.value(u"id"_s).toString(), u"p-2"_s);
        QCOMPARE(params.size(), 2);
    }

    void unknownPathIsJson404()
    {
        Router router;
        router.add("GET", u"/v1/shops/{shop_id}"_s, echo(u"shop"_s));
        for (const QString &path : {u"/nothing"_s, u"/"_s, u""_s, u"/v1/shops"_s, u"/v1/shops/"_s,
                                    u"/v1/shops/a/b"_s, u"/v1/shops//"_s, u"/V1/shops/a"_s}) {
            const HttpResponse response = router.dispatch(request("GET", path));
            QVERIFY2(response.status == 404, qPrintable(path));
            QCOMPARE(response.contentType, QByteArray("application/json"));
            QCOMPARE(errorCode(response), u"not_found.route"_s);
            QVERIFY(!bodyOf(response).value(u"error"_s).toObject().value(u"message"_s).toString().isEmpty());
        }
    }

    void emptyParameterDoesNotMatch()
    {
        Router router;
        router.add("GET", u"/v1/shops/{shop_id}/products"_s, echo(u"products"_s));
        QCOMPARE(router.dispatch(request("GET", u"/v1/shops//products"_s)).status, 404);
    }

    void wrongMethodIs405WithAllow()
    {
        Router router;
        router.add("POST", u"/v1/shops/{shop_id}/members"_s, echo(u"add"_s));
        router.add("GET", u"/v1/shops/{shop_id}/members"_s, echo(u"list"_s));
        const HttpResponse response = router.dispatch(request("DELETE", u"/v1/shops/x/members"_s));
        QCOMPARE(response.status, 405);
        QCOMPARE(errorCode(response), u"method_not_allowed"_s);
        QCOMPARE(header(response, "Allow"), QByteArray("GET, POST"));
    }

    void literalSegmentsWinOverParameters()
    {
        Router router;
        // Registered parameter-first on purpose: specificity, not order, decides.
        router.add("GET", u"/v1/shops/{shop_id}/{what}"_s, echo(u"generic"_s));
        router.add("GET", u"/v1/shops/{shop_id}/members"_s, echo(u"members"_s));
        QCOMPARE(bodyOf(router.dispatch(request("GET", u"/v1/shops/a/members"_s))).value(u"route"_s).toString(),
                 u"members"_s);
        QCOMPARE(bodyOf(router.dispatch(request("GET", u"/v1/shops/a/orders"_s))).value(u"route"_s).toString(),
                 u"generic"_s);
    }

    void listsRoutesAndKeepsTheFirstOfADuplicate()
    {
        Router router;
        router.add("GET", u"/a"_s, echo(u"first"_s));
        router.add("post", u"/a"_s, echo(u"post"_s));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"GET /a registered twice"_s));
        router.add("GET", u"/a"_s, echo(u"second"_s));
        const QList<Router::RouteInfo> routes = router.routes();
        QCOMPARE(routes.size(), 2);
        QCOMPARE(routes.at(0).method, QByteArray("GET"));
        QCOMPARE(routes.at(0).pattern, u"/a"_s);
        QCOMPARE(routes.at(1).method, QByteArray("POST")); // methods are upper-cased
        QCOMPARE(bodyOf(router.dispatch(request("GET", u"/a"_s))).value(u"route"_s).toString(), u"first"_s);
    }
};

QTEST_GUILESS_MAIN(tst_Router)
#include "tst_router.moc"
