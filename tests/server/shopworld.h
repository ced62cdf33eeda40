#pragma once

// A small, realistic two-shop world on a real storekeep-server over loopback TCP, shared by
// tst_openapicontract, tst_accessmatrix and tst_serverinput. Built through the admin CLI (shops,
// users, memberships, API tokens) and the API itself (catalogue and stock by mutations, orders
// by storefront checkout, then fulfilment, notes and a refund), so every record type exists in
// the shapes the server really produces. Four logins in all: password hashing is slow on purpose.
//
//   Shop A "Alpine Outfitters" (EUR, Europe/Berlin, oversell allow): owner, staff and warehouse
//   users, an API token per role, two locations, a sweater in three sizes and a tote bag, one
//   customer, a paid order (partly fulfilled and refunded) and a pending order.
//   Shop B "Harbour Hardware" (USD, America/New_York, oversell reject): an owner, a staff API
//   token, a hammer, a customer and an order; its ids are what shop A's callers must never see.

#include "serverfixture.h"

#include "domain/gtin.h"
#include "util/uuidv7.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>

namespace sk::test {

inline QString newId()
{
    return UuidV7::toText(UuidV7::create());
}

inline QJsonObject parseObject(const QByteArray &json)
{
    const QJsonDocument doc = QJsonDocument::fromJson(json);
    return doc.isObject() ? doc.object() : QJsonObject();
}

inline QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// "/v1/shops/{shop_id}/products/{id}" → "/v1/shops/{}/products/{}": routes compare by shape.
inline QString routeShape(const QString &pattern)
{
    static const QRegularExpression param(QStringLiteral("\\{[^}/]*\\}"));
    QString shape = pattern;
    shape.replace(param, QStringLiteral("{}"));
    return shape;
}

struct ServedRoute
{
    QByteArray method;
    QString pattern;
    QString key() const { return QString::fromLatin1(method) + u' ' + routeShape(pattern); }
};

// Every route of `storekeep-server routes` ("METHOD PATTERN" lines); empty when it fails.
inline QList<ServedRoute> servedRoutes()
{
    QProcess process;
    process.start(binPath(QStringLiteral("storekeep-server")), {QStringLiteral("routes")});
    if (!process.waitForFinished(30000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return {};
    QList<ServedRoute> routes;
    const QList<QByteArray> lines = process.readAllStandardOutput().split('\n');
    for (const QByteArray &raw : lines) {
        const QByteArray line = raw.trimmed();
        if (line.isEmpty())
            continue;
        const qsizetype space = line.indexOf(' ');
        if (space <= 0)
            return {};
        routes.append({line.left(space), QString::fromUtf8(line.mid(space + 1).trimmed())});
    }
    return routes;
}

// Who calls: a user's access token or an API token, with its role in shop A; "none" has no token.
struct Caller
{
    QString name;   // "owner", "staff", "warehouse", "api-owner", "api-staff", "api-warehouse", "none"
    QString bearer;
    QString role;   // "owner" | "staff" | "warehouse" | "" for none
    bool apiToken = false;
};

struct Account
{
    QString email;
    QString name;
    QString userId;
    QString access;
    QString refresh;
};

// One request as the world saw it, for recorders.
struct CallRecord
{
    QByteArray method;
    QString pattern;
    QString path;            // with the query string
    QByteArray requestBody;
    QString label;
    bool requestInvalid = false; // an accepted (2xx) request that deliberately breaks the request schema
};

class ShopWorld
{
public:
    static constexpr auto Password = "Correct-Horse-Battery-42";

    ServerProcess server;
    std::unique_ptr<HttpClient> http;
    std::function<void(const CallRecord &, const HttpResult &)> observer;

    QString shopA;
    QString shopB;
    Account ownerA{QStringLiteral("marta.keller@alpine-outfitters.test"), QStringLiteral("Marta Keller"), {}, {}, {}};
    Account staffA{QStringLiteral("jonas.brandt@alpine-outfitters.test"), QStringLiteral("Jonas Brandt"), {}, {}, {}};
    Account warehouseA{QStringLiteral("ali.demir@alpine-outfitters.test"), QStringLiteral("Ali Demir"), {}, {}, {}};
    Account ownerB{QStringLiteral("grace.obi@harbour-hardware.test"), QStringLiteral("Grace Obi"), {}, {}, {}};
    QString apiOwnerA, apiStaffA, apiWarehouseA, apiStaffB;

    // Shop A's records.
    QString warehouseLocation, storeLocation;
    QString sweaterProduct, toteProduct;
    QStringList sweaterVariants; // S, M, L
    QString toteVariant;
    QString customerA;
    QString paidOrder, pendingOrder;
    QString paidOrderSweaterLine, paidOrderToteLine;
    // Shop B's records.
    QString locationB, productB, variantB, customerB, orderB;

    QString ownerClientA, ownerClientB;
    qint64 ownerSeqA = 0, ownerSeqB = 0;

    QString error;

    // The callers of shop A, in a fixed order: three users, three API tokens, no token.
    QList<Caller> callersA() const
    {
        return {
            {QStringLiteral("owner"), ownerA.access, QStringLiteral("owner"), false},
            {QStringLiteral("staff"), staffA.access, QStringLiteral("staff"), false},
            {QStringLiteral("warehouse"), warehouseA.access, QStringLiteral("warehouse"), false},
            {QStringLiteral("api-owner"), apiOwnerA, QStringLiteral("owner"), true},
            {QStringLiteral("api-staff"), apiStaffA, QStringLiteral("staff"), true},
            {QStringLiteral("api-warehouse"), apiWarehouseA, QStringLiteral("warehouse"), true},
            {QStringLiteral("none"), QString(), QString(), false},
        };
    }

    // ---- requests ---------------------------------------------------------------------

    // Fills a route pattern's {params} (shop_id defaults to shop A) and sends the request.
    HttpResult call(const QByteArray &method, const QString &pattern, const QHash<QString, QString> &params,
                    const QByteArray &body, const QString &bearer, const QString &query = {},
                    const QString &label = {}, bool requestInvalid = false,
                    const QList<std::pair<QByteArray, QByteArray>> &headers = {})
    {
        QString path = pattern;
        static const QRegularExpression param(QStringLiteral("\\{([^}/]*)\\}"));
        auto it = param.globalMatch(pattern);
        while (it.hasNext()) {
            const auto m = it.next();
            const QString name = m.captured(1);
            QString value = params.value(name);
            if (value.isNull() && name == u"shop_id")
                value = shopA;
            path.replace(m.captured(0), QString::fromLatin1(QUrl::toPercentEncoding(value)));
        }
        if (!query.isEmpty())
            path += u'?' + query;
        HttpResult result = http->request(method, path, body, bearer, headers);
        if (observer)
            observer(CallRecord{method, pattern, path, body, label, requestInvalid}, result);
        return result;
    }

    HttpResult get(const QString &pattern, const QHash<QString, QString> &params, const QString &bearer,
                   const QString &query = {}, const QString &label = {})
    {
        return call("GET", pattern, params, {}, bearer, query, label);
    }

    HttpResult post(const QString &pattern, const QHash<QString, QString> &params, const QJsonObject &body,
                    const QString &bearer, const QString &label = {}, bool requestInvalid = false)
    {
        return call("POST", pattern, params, compact(body), bearer, {}, label, requestInvalid);
    }

    // Sends one batch; returns the response (the caller checks it).
    HttpResult pushBatch(const QString &shop, const QString &bearer, const QString &clientId, const QJsonArray &mutations,
                         const QString &label = {}, bool requestInvalid = false)
    {
        return post(QStringLiteral("/v1/shops/{shop_id}/sync/mutations"), {{QStringLiteral("shop_id"), shop}},
                    QJsonObject{{QStringLiteral("client_id"), clientId}, {QStringLiteral("mutations"), mutations}},
                    bearer, label, requestInvalid);
    }

    static QJsonObject mutation(qint64 seq, const QString &name, const QJsonObject &args)
    {
        return QJsonObject{{QStringLiteral("seq"), seq},
                           {QStringLiteral("mutation_id"), newId()},
                           {QStringLiteral("name"), name},
                           {QStringLiteral("args"), args}};
    }

    // Applies mutations one batch at a time as shop A's or B's owner; false (with error) unless all applied.
    bool applyAsOwner(bool inShopB, const QList<std::pair<QString, QJsonObject>> &named, QJsonArray *results = nullptr)
    {
        QJsonArray batch;
        qint64 &seq = inShopB ? ownerSeqB : ownerSeqA;
        for (const auto &[name, args] : named)
            batch.append(mutation(++seq, name, args));
        const HttpResult r = pushBatch(inShopB ? shopB : shopA, inShopB ? ownerB.access : ownerA.access,
                                       inShopB ? ownerClientB : ownerClientA, batch, QStringLiteral("world setup"));
        if (r.status != 200)
            return fail(QStringLiteral("mutations answered %1: %2").arg(r.status).arg(QString::fromUtf8(r.body)));
        const QJsonArray got = r.json.value(u"results").toArray();
        if (got.size() != batch.size())
            return fail(QStringLiteral("mutations: %1 results for %2").arg(got.size()).arg(batch.size()));
        for (const QJsonValue &v : got) {
            if (v.toObject().value(u"status").toString() != u"applied")
                return fail(QStringLiteral("a setup mutation was not applied: %1")
                                .arg(QString::fromUtf8(compact(v.toObject()))));
        }
        if (results)
            *results = got;
        return true;
    }

    // Pulls shop's whole feed as `bearer`; the changes, and the final cursor in *cursor.
    QJsonArray pullAll(const QString &shop, const QString &bearer, QString *cursor = nullptr, int limit = 500,
                       const QString &label = {})
    {
        QJsonArray all;
        QString next = cursor ? *cursor : QString();
        for (int page = 0; page < 10000; ++page) {
            const HttpResult r = get(QStringLiteral("/v1/shops/{shop_id}/sync/changes"), {{QStringLiteral("shop_id"), shop}},
                                     bearer,
                                     QStringLiteral("cursor=%1&limit=%2")
                                         .arg(QString::fromLatin1(QUrl::toPercentEncoding(next)))
                                         .arg(limit),
                                     label);
            if (r.status != 200) {
                fail(QStringLiteral("changes answered %1: %2").arg(r.status).arg(QString::fromUtf8(r.body)));
                break;
            }
            for (const QJsonValue &v : r.json.value(u"changes").toArray())
                all.append(v);
            next = r.json.value(u"next_cursor").toString();
            if (!r.json.value(u"has_more").toBool())
                break;
        }
        if (cursor)
            *cursor = next;
        return all;
    }

    // ---- building ---------------------------------------------------------------------

    bool build()
    {
        if (!server.start())
            return fail(QStringLiteral("the server did not start: %1").arg(QString::fromUtf8(server.serverStderr())));
        http = std::make_unique<HttpClient>(server.port());
        if (!admin({QStringLiteral("init")}))
            return false;
        // Shops, users, memberships and API tokens through the admin CLI, as an operator would.
        if (!createShop(QStringLiteral("Alpine Outfitters"), QStringLiteral("EUR"), QStringLiteral("Europe/Berlin"),
                        QStringLiteral("de-DE"), QStringLiteral("allow"), &shopA)
            || !createShop(QStringLiteral("Harbour Hardware"), QStringLiteral("USD"), QStringLiteral("America/New_York"),
                           QStringLiteral("en-US"), QStringLiteral("reject"), &shopB))
            return false;
        for (Account *a : {&ownerA, &staffA, &warehouseA, &ownerB}) {
            if (!admin({QStringLiteral("create-user"), QStringLiteral("--email"), a->email, QStringLiteral("--name"), a->name},
                       QByteArray(Password) + '\n'))
                return false;
        }
        if (!addMember(shopA, ownerA.email, QStringLiteral("owner")) || !addMember(shopA, staffA.email, QStringLiteral("staff"))
            || !addMember(shopA, warehouseA.email, QStringLiteral("warehouse"))
            || !addMember(shopB, ownerB.email, QStringLiteral("owner")))
            return false;
        if (!createApiToken(shopA, QStringLiteral("owner"), QStringLiteral("Nightly export"), &apiOwnerA)
            || !createApiToken(shopA, QStringLiteral("staff"), QStringLiteral("Web shop checkout"), &apiStaffA)
            || !createApiToken(shopA, QStringLiteral("warehouse"), QStringLiteral("Barcode scanner"), &apiWarehouseA)
            || !createApiToken(shopB, QStringLiteral("staff"), QStringLiteral("Web shop checkout"), &apiStaffB))
            return false;
        for (Account *a : {&ownerA, &staffA, &warehouseA, &ownerB}) {
            if (!login(a))
                return false;
        }
        return buildShopA() && buildShopB();
    }

    bool fail(const QString &why)
    {
        if (error.isEmpty())
            error = why;
        return false;
    }

    bool admin(const QStringList &args, const QByteArray &input = {}, QByteArray *out = nullptr)
    {
        const auto [code, stdoutText] = server.admin(args, input);
        if (code != 0)
            return fail(QStringLiteral("storekeep-server %1 exited with %2").arg(args.join(u' ')).arg(code));
        if (out)
            *out = stdoutText;
        return true;
    }

    // The last non-empty line of an admin command's output.
    static QString lastLine(const QByteArray &out)
    {
        const QList<QByteArray> lines = out.trimmed().split('\n');
        return QString::fromUtf8(lines.isEmpty() ? QByteArray() : lines.last().trimmed());
    }

    bool createShop(const QString &name, const QString &currency, const QString &tz, const QString &locale,
                    const QString &oversell, QString *id)
    {
        QByteArray out;
        if (!admin({QStringLiteral("create-shop"), QStringLiteral("--name"), name, QStringLiteral("--currency"), currency,
                    QStringLiteral("--time-zone"), tz, QStringLiteral("--locale"), locale, QStringLiteral("--oversell"),
                    oversell},
                   {}, &out))
            return false;
        static const QRegularExpression uuid(
            QStringLiteral("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"));
        const auto m = uuid.match(QString::fromUtf8(out));
        if (!m.hasMatch())
            return fail(QStringLiteral("create-shop printed no shop id: %1").arg(QString::fromUtf8(out)));
        *id = m.captured(0);
        return true;
    }

    bool addMember(const QString &shop, const QString &email, const QString &role)
    {
        return admin({QStringLiteral("add-member"), QStringLiteral("--shop"), shop, QStringLiteral("--email"), email,
                      QStringLiteral("--role"), role});
    }

    bool createApiToken(const QString &shop, const QString &role, const QString &name, QString *token)
    {
        QByteArray out;
        if (!admin({QStringLiteral("create-api-token"), QStringLiteral("--shop"), shop, QStringLiteral("--role"), role,
                    QStringLiteral("--name"), name},
                   {}, &out))
            return false;
        static const QRegularExpression apiToken(QStringLiteral("skapi_[A-Za-z0-9_-]+"));
        const auto m = apiToken.match(QString::fromUtf8(out));
        if (!m.hasMatch())
            return fail(QStringLiteral("create-api-token printed no token: %1").arg(QString::fromUtf8(out)));
        *token = m.captured(0);
        return true;
    }

    bool login(Account *a)
    {
        const HttpResult r = post(QStringLiteral("/v1/auth/login"), {},
                                  QJsonObject{{QStringLiteral("email"), a->email},
                                              {QStringLiteral("password"), QString::fromLatin1(Password)}},
                                  {}, QStringLiteral("login"));
        if (r.status != 200)
            return fail(QStringLiteral("login of %1 answered %2: %3").arg(a->email).arg(r.status).arg(QString::fromUtf8(r.body)));
        a->access = r.json.value(u"access_token").toString();
        a->refresh = r.json.value(u"refresh_token").toString();
        a->userId = r.json.value(u"user").toObject().value(u"id").toString();
        return !a->access.isEmpty() || fail(QStringLiteral("login gave no access token"));
    }

    bool registerClient(const QString &shop, const QString &bearer, QString *clientId)
    {
        *clientId = newId();
        const HttpResult r = post(QStringLiteral("/v1/shops/{shop_id}/sync/clients"), {{QStringLiteral("shop_id"), shop}},
                                  QJsonObject{{QStringLiteral("client_id"), *clientId}}, bearer, QStringLiteral("world setup"));
        return r.status == 200 || fail(QStringLiteral("sync/clients answered %1: %2").arg(r.status).arg(QString::fromUtf8(r.body)));
    }

    static QJsonObject variantJson(const QString &id, const QString &productId, int position, const QString &sku,
                                   const QString &barcodeBody, const QString &size, qint64 price, qint64 cost)
    {
        return QJsonObject{{QStringLiteral("id"), id},
                           {QStringLiteral("product_id"), productId},
                           {QStringLiteral("position"), position},
                           {QStringLiteral("sku"), sku},
                           {QStringLiteral("barcode"), Gtin::withCheckDigit(barcodeBody)},
                           {QStringLiteral("option1"), size},
                           {QStringLiteral("price"), price},
                           {QStringLiteral("compare_at_price"), price + 1000},
                           {QStringLiteral("cost"), cost},
                           {QStringLiteral("weight"), 420.5},
                           {QStringLiteral("weight_unit"), QStringLiteral("g")},
                           {QStringLiteral("track_inventory"), true}};
    }

    bool buildShopA()
    {
        if (!registerClient(shopA, ownerA.access, &ownerClientA))
            return false;
        warehouseLocation = newId();
        storeLocation = newId();
        sweaterProduct = newId();
        toteProduct = newId();
        sweaterVariants = {newId(), newId(), newId()};
        toteVariant = newId();
        customerA = newId();
        const QStringList sizes{QStringLiteral("S"), QStringLiteral("M"), QStringLiteral("L")};
        QJsonArray sweaterVariantsJson;
        for (int i = 0; i < 3; ++i) {
            sweaterVariantsJson.append(variantJson(sweaterVariants.at(i), sweaterProduct, i + 1,
                                                   QStringLiteral("MER-CRW-NAVY-%1").arg(sizes.at(i)),
                                                   QStringLiteral("40063813339%1").arg(i), sizes.at(i), 8900,
                                                   3450));
        }
        const QList<std::pair<QString, QJsonObject>> setup{
            {QStringLiteral("location.create"),
             QJsonObject{{QStringLiteral("location"),
                          QJsonObject{{QStringLiteral("id"), warehouseLocation},
                                      {QStringLiteral("name"), QStringLiteral("Munich Warehouse")},
                                      {QStringLiteral("code"), QStringLiteral("MUC-WH")},
                                      {QStringLiteral("address"), QStringLiteral("Landsberger Str. 290\n80687 München")},
                                      {QStringLiteral("active"), true}}}}},
            {QStringLiteral("location.create"),
             QJsonObject{{QStringLiteral("location"),
                          QJsonObject{{QStringLiteral("id"), storeLocation},
                                      {QStringLiteral("name"), QStringLiteral("Berlin Store")},
                                      {QStringLiteral("code"), QStringLiteral("BER-1")},
                                      {QStringLiteral("address"), QStringLiteral("Kastanienallee 12\n10435 Berlin")},
                                      {QStringLiteral("active"), true}}}}},
            {QStringLiteral("product.create"),
             QJsonObject{{QStringLiteral("product"),
                          QJsonObject{{QStringLiteral("id"), sweaterProduct},
                                      {QStringLiteral("title"), QStringLiteral("Merino Crew Sweater")},
                                      {QStringLiteral("handle"), QStringLiteral("merino-crew-sweater")},
                                      {QStringLiteral("description"), QStringLiteral("Fine 18.5 µm merino, knitted in Portugal.")},
                                      {QStringLiteral("vendor"), QStringLiteral("Nordwolle")},
                                      {QStringLiteral("category"), QStringLiteral("Knitwear")},
                                      {QStringLiteral("tags"), QStringLiteral("merino, winter, bestseller")},
                                      {QStringLiteral("status"), QStringLiteral("active")}}},
                         {QStringLiteral("variants"), sweaterVariantsJson}}},
            {QStringLiteral("product.create"),
             QJsonObject{{QStringLiteral("product"),
                          QJsonObject{{QStringLiteral("id"), toteProduct},
                                      {QStringLiteral("title"), QStringLiteral("Waxed Canvas Tote")},
                                      {QStringLiteral("handle"), QStringLiteral("waxed-canvas-tote")},
                                      {QStringLiteral("vendor"), QStringLiteral("Alpine Outfitters")},
                                      {QStringLiteral("category"), QStringLiteral("Bags")},
                                      {QStringLiteral("status"), QStringLiteral("active")}}},
                         {QStringLiteral("variants"),
                          QJsonArray{variantJson(toteVariant, toteProduct, 1, QStringLiteral("TOTE-WAX-OLIVE"),
                                                 QStringLiteral("400638133400"), QStringLiteral("Olive"), 4500, 1600)}}}},
            {QStringLiteral("customer.create"),
             QJsonObject{{QStringLiteral("customer"),
                          QJsonObject{{QStringLiteral("id"), customerA},
                                      {QStringLiteral("first_name"), QStringLiteral("Lena")},
                                      {QStringLiteral("last_name"), QStringLiteral("Fischer")},
                                      {QStringLiteral("email"), QStringLiteral("lena.fischer@example.de")},
                                      {QStringLiteral("phone"), QStringLiteral("+49 30 1234567")},
                                      {QStringLiteral("note"), QStringLiteral("Prefers DHL pickup stations.")},
                                      {QStringLiteral("tags"), QStringLiteral("vip")},
                                      {QStringLiteral("email_marketing"), QStringLiteral("subscribed")},
                                      {QStringLiteral("addresses"),
                                       QJsonArray{QJsonObject{{QStringLiteral("id"), newId()},
                                                              {QStringLiteral("is_default"), true},
                                                              {QStringLiteral("name"), QStringLiteral("Lena Fischer")},
                                                              {QStringLiteral("line1"), QStringLiteral("Oderberger Str. 44")},
                                                              {QStringLiteral("city"), QStringLiteral("Berlin")},
                                                              {QStringLiteral("postal_code"), QStringLiteral("10435")},
                                                              {QStringLiteral("country_code"), QStringLiteral("DE")}}}}}}}},
        };
        if (!applyAsOwner(false, setup))
            return false;
        QList<std::pair<QString, QJsonObject>> stock;
        for (const QString &variant : sweaterVariants + QStringList{toteVariant}) {
            stock.append({QStringLiteral("inventory.adjust"),
                          QJsonObject{{QStringLiteral("variant_id"), variant},
                                      {QStringLiteral("location_id"), warehouseLocation},
                                      {QStringLiteral("delta"), 40},
                                      {QStringLiteral("reason"), QStringLiteral("received")},
                                      {QStringLiteral("reference"), QStringLiteral("PO-2024-0117")}}});
        }
        stock.append({QStringLiteral("inventory.transfer"),
                      QJsonObject{{QStringLiteral("variant_id"), sweaterVariants.at(1)},
                                  {QStringLiteral("from_location_id"), warehouseLocation},
                                  {QStringLiteral("to_location_id"), storeLocation},
                                  {QStringLiteral("quantity"), 6},
                                  {QStringLiteral("reference"), QStringLiteral("TR-0042")}}});
        if (!applyAsOwner(false, stock))
            return false;

        // Storefront orders, as a web shop sends them with its staff API token.
        const QJsonObject address{{QStringLiteral("name"), QStringLiteral("Lena Fischer")},
                                  {QStringLiteral("line1"), QStringLiteral("Oderberger Str. 44")},
                                  {QStringLiteral("city"), QStringLiteral("Berlin")},
                                  {QStringLiteral("postal_code"), QStringLiteral("10435")},
                                  {QStringLiteral("country_code"), QStringLiteral("DE")}};
        HttpResult paid = post(QStringLiteral("/v1/shops/{shop_id}/orders"), {},
                               QJsonObject{{QStringLiteral("lines"),
                                            QJsonArray{QJsonObject{{QStringLiteral("variant_id"), sweaterVariants.at(1)},
                                                                   {QStringLiteral("quantity"), 2}},
                                                       QJsonObject{{QStringLiteral("sku"), QStringLiteral("TOTE-WAX-OLIVE")},
                                                                   {QStringLiteral("quantity"), 1}}}},
                                           {QStringLiteral("customer_id"), customerA},
                                           {QStringLiteral("shipping_address"), address},
                                           {QStringLiteral("billing_address"), address},
                                           {QStringLiteral("shipping_total"), 495},
                                           {QStringLiteral("gateway"), QStringLiteral("stripe")},
                                           {QStringLiteral("paid"), true},
                                           {QStringLiteral("note"), QStringLiteral("Gift wrap, please.")}},
                               apiStaffA, QStringLiteral("world setup"));
        if (paid.status != 201)
            return fail(QStringLiteral("checkout answered %1: %2").arg(paid.status).arg(QString::fromUtf8(paid.body)));
        paidOrder = paid.json.value(u"id").toString();
        for (const QJsonValue &line : paid.json.value(u"lines").toArray()) {
            const QJsonObject l = line.toObject();
            (l.value(u"variant_id").toString() == toteVariant ? paidOrderToteLine : paidOrderSweaterLine) =
                l.value(u"id").toString();
        }
        HttpResult pending = post(QStringLiteral("/v1/shops/{shop_id}/orders"), {},
                                  QJsonObject{{QStringLiteral("lines"),
                                               QJsonArray{QJsonObject{{QStringLiteral("variant_id"), sweaterVariants.at(2)},
                                                                      {QStringLiteral("quantity"), 1}}}},
                                              {QStringLiteral("email"), QStringLiteral("t.wagner@example.org")},
                                              {QStringLiteral("customer_name"), QStringLiteral("Tobias Wagner")},
                                              {QStringLiteral("gateway"), QStringLiteral("paypal")},
                                              {QStringLiteral("paid"), false}},
                                  apiStaffA, QStringLiteral("world setup"));
        if (pending.status != 201)
            return fail(QStringLiteral("checkout answered %1: %2").arg(pending.status).arg(QString::fromUtf8(pending.body)));
        pendingOrder = pending.json.value(u"id").toString();

        // Ship the sweaters, note it, refund the tote (restocked): fulfilments, events, refunds.
        return applyAsOwner(
            false,
            {{QStringLiteral("order.fulfil"),
              QJsonObject{{QStringLiteral("order_id"), paidOrder},
                          {QStringLiteral("fulfillment_id"), newId()},
                          {QStringLiteral("lines"), QJsonArray{QJsonObject{{QStringLiteral("order_line_id"), paidOrderSweaterLine},
                                                                           {QStringLiteral("quantity"), 2}}}},
                          {QStringLiteral("tracking_number"), QStringLiteral("00340434161094042557")},
                          {QStringLiteral("carrier"), QStringLiteral("DHL")},
                          {QStringLiteral("location_id"), warehouseLocation}}},
             {QStringLiteral("order.add_note"),
              QJsonObject{{QStringLiteral("order_id"), paidOrder},
                          {QStringLiteral("event_id"), newId()},
                          {QStringLiteral("message"), QStringLiteral("Customer called: the tote arrived damaged.")}}},
             {QStringLiteral("order.refund"),
              QJsonObject{{QStringLiteral("order_id"), paidOrder},
                          {QStringLiteral("refund_id"), newId()},
                          {QStringLiteral("amount"), 4500},
                          {QStringLiteral("lines"), QJsonArray{QJsonObject{{QStringLiteral("order_line_id"), paidOrderToteLine},
                                                                           {QStringLiteral("quantity"), 1},
                                                                           {QStringLiteral("amount"), 4500}}}},
                          {QStringLiteral("restock"), true},
                          {QStringLiteral("reason"), QStringLiteral("Damaged in transit")}}}});
    }

    bool buildShopB()
    {
        if (!registerClient(shopB, ownerB.access, &ownerClientB))
            return false;
        locationB = newId();
        productB = newId();
        variantB = newId();
        customerB = newId();
        if (!applyAsOwner(
                true,
                {{QStringLiteral("location.create"),
                  QJsonObject{{QStringLiteral("location"), QJsonObject{{QStringLiteral("id"), locationB},
                                                                       {QStringLiteral("name"), QStringLiteral("Pier 4 Store")},
                                                                       {QStringLiteral("code"), QStringLiteral("P4")}}}}},
                 {QStringLiteral("product.create"),
                  QJsonObject{{QStringLiteral("product"), QJsonObject{{QStringLiteral("id"), productB},
                                                                      {QStringLiteral("title"), QStringLiteral("Claw Hammer 16 oz")},
                                                                      {QStringLiteral("handle"), QStringLiteral("claw-hammer-16-oz")},
                                                                      {QStringLiteral("vendor"), QStringLiteral("Estwing")},
                                                                      {QStringLiteral("status"), QStringLiteral("active")}}},
                              {QStringLiteral("variants"),
                               QJsonArray{variantJson(variantB, productB, 1, QStringLiteral("HAM-16-CLAW"),
                                                      QStringLiteral("03425310042"), QStringLiteral("16 oz"), 2899, 1150)}}}},
                 {QStringLiteral("customer.create"),
                  QJsonObject{{QStringLiteral("customer"), QJsonObject{{QStringLiteral("id"), customerB},
                                                                       {QStringLiteral("first_name"), QStringLiteral("Sam")},
                                                                       {QStringLiteral("last_name"), QStringLiteral("Rivera")},
                                                                       {QStringLiteral("email"), QStringLiteral("sam.rivera@example.com")}}}}},
                 {QStringLiteral("inventory.adjust"),
                  QJsonObject{{QStringLiteral("variant_id"), variantB},
                              {QStringLiteral("location_id"), locationB},
                              {QStringLiteral("delta"), 12},
                              {QStringLiteral("reason"), QStringLiteral("received")}}}}))
            return false;
        const HttpResult order = post(QStringLiteral("/v1/shops/{shop_id}/orders"), {{QStringLiteral("shop_id"), shopB}},
                                      QJsonObject{{QStringLiteral("lines"),
                                                   QJsonArray{QJsonObject{{QStringLiteral("variant_id"), variantB},
                                                                          {QStringLiteral("quantity"), 1}}}},
                                                  {QStringLiteral("customer_id"), customerB},
                                                  {QStringLiteral("gateway"), QStringLiteral("stripe")},
                                                  {QStringLiteral("paid"), true}},
                                      apiStaffB, QStringLiteral("world setup"));
        if (order.status != 201)
            return fail(QStringLiteral("shop B checkout answered %1: %2").arg(order.status).arg(QString::fromUtf8(order.body)));
        orderB = order.json.value(u"id").toString();
        return true;
    }
};

} // namespace sk::test
