// The full role matrix of storekeep-server, over real TCP: every route printed by
// `storekeep-server routes` × every caller of a shop (owner, staff and warehouse users, an API
// token of each role, no token) gets the status the contract's Roles section promises (the
// route's success status, or 403 forbidden.role; 401 without a token), every named mutation is
// refused with forbidden.role exactly for the roles that lack its permission, a caller of shop A
// asking for anything in shop B gets 404 not_found.shop and none of B's data (and B's API token
// likewise in A), and warehouse callers never receive customers' personal data or money.

#include "shopworld.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QSet>
#include <QTest>

using namespace sk;
using namespace sk::test;
using namespace Qt::StringLiterals;

namespace {

// The contract's Roles section (server/openapi.yaml, RolePolicy).
const QMap<QString, QStringList> kRolesWith{
    {u"ReadCatalog"_s, {u"owner"_s, u"staff"_s, u"warehouse"_s}},
    {u"WriteCatalog"_s, {u"owner"_s, u"staff"_s}},
    {u"ManageLocations"_s, {u"owner"_s, u"staff"_s}},
    {u"ReadInventory"_s, {u"owner"_s, u"staff"_s, u"warehouse"_s}},
    {u"AdjustInventory"_s, {u"owner"_s, u"staff"_s, u"warehouse"_s}},
    {u"ReadCustomers"_s, {u"owner"_s, u"staff"_s}},
    {u"WriteCustomers"_s, {u"owner"_s, u"staff"_s}},
    {u"ReadOrders"_s, {u"owner"_s, u"staff"_s, u"warehouse"_s}},
    {u"WriteOrders"_s, {u"owner"_s, u"staff"_s}},
    {u"FulfilOrders"_s, {u"owner"_s, u"staff"_s, u"warehouse"_s}},
    {u"ManageStaff"_s, {u"owner"_s}},
    {u"ManageApiTokens"_s, {u"owner"_s}},
};

// What the contract says each mutation needs.
const QList<std::pair<QString, QString>> kMutationPermissions{
    {u"product.create"_s, u"WriteCatalog"_s},     {u"product.patch"_s, u"WriteCatalog"_s},
    {u"product.archive"_s, u"WriteCatalog"_s},    {u"product.delete"_s, u"WriteCatalog"_s},
    {u"variant.create"_s, u"WriteCatalog"_s},     {u"variant.patch"_s, u"WriteCatalog"_s},
    {u"variant.delete"_s, u"WriteCatalog"_s},     {u"location.create"_s, u"ManageLocations"_s},
    {u"location.patch"_s, u"ManageLocations"_s},  {u"inventory.adjust"_s, u"AdjustInventory"_s},
    {u"inventory.set"_s, u"AdjustInventory"_s},   {u"inventory.transfer"_s, u"AdjustInventory"_s},
    {u"customer.create"_s, u"WriteCustomers"_s},  {u"customer.patch"_s, u"WriteCustomers"_s},
    {u"order.set_status"_s, u"WriteOrders"_s},    {u"order.fulfil"_s, u"FulfilOrders"_s},
    {u"order.refund"_s, u"WriteOrders"_s},        {u"order.add_note"_s, u"WriteOrders"_s},
};

const QStringList kRedactedOrderKeys{u"customer_id"_s,    u"customer_name"_s, u"email"_s,     u"billing_address"_s,
                                     u"note"_s,           u"subtotal"_s,      u"discount_total"_s,
                                     u"shipping_total"_s, u"tax_total"_s,     u"total"_s,     u"refunded_total"_s};
const QStringList kRedactedLineKeys{u"unit_price"_s, u"discount"_s, u"tax"_s, u"total"_s};

} // namespace

class tst_AccessMatrix : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void roleMatrix();
    void mutationPermissions();
    void crossTenant();
    void warehouseNeverSeesPersonalDataOrMoney();

private:
    // One route's probe: the request a caller of shop A makes, and what the route needs.
    struct Probe
    {
        QByteArray method;
        QString pattern;
        QString permission;   // a key of kRolesWith; "public" (no auth); "user" (a user's token)
        int success = 200;
        // Sends the request as `caller` against `shop` (A unless testing tenancy).
        std::function<HttpResult(const Caller &caller, const QString &shop)> send;
        QString key() const { return QString::fromLatin1(method) + u' ' + routeShape(pattern); }
    };
    QList<Probe> probes();
    static bool allowed(const QString &permission, const QString &role) { return kRolesWith.value(permission).contains(role); }
    static void verifyRedactedOrder(const QJsonObject &order, const QString &where);

    ShopWorld m_world;
    QHash<QString, QString> m_clientOf;       // caller name → its sync client in shop A
    QHash<QString, QString> m_lastTokenOf;    // caller name → the API token id it created last
    QString m_tokenOfB;                       // shop B's API token's id
};

void tst_AccessMatrix::initTestCase()
{
    QVERIFY2(m_world.build(), qPrintable(m_world.error));
    const HttpResult tokens = m_world.get(u"/v1/shops/{shop_id}/api-tokens"_s, {{u"shop_id"_s, m_world.shopB}},
                                          m_world.ownerB.access);
    QCOMPARE(tokens.status, 200);
    m_tokenOfB = tokens.json.value(u"items").toArray().first().toObject().value(u"id").toString();
    QVERIFY(!m_tokenOfB.isEmpty());
}

QList<tst_AccessMatrix::Probe> tst_AccessMatrix::probes()
{
    ShopWorld &w = m_world;
    const auto B = [&w](const QString &shop) { return shop == w.shopB; };
    // In shop B, every id names B's own record, so a refusal cannot be "no such record".
    const auto product = [&w, B](const QString &shop) { return B(shop) ? w.productB : w.sweaterProduct; };
    const auto get = [&w](const QString &pattern, std::function<QHash<QString, QString>(const QString &)> params = {},
                          QString query = {}) {
        return [&w, pattern, params, query](const Caller &c, const QString &shop) {
            QHash<QString, QString> p = params ? params(shop) : QHash<QString, QString>();
            p.insert(u"shop_id"_s, shop);
            return w.get(pattern, p, c.bearer, query);
        };
    };
    QList<Probe> list;
    list.append({"GET", u"/healthz"_s, u"public"_s, 200, [&w](const Caller &c, const QString &) {
                     return w.get(u"/healthz"_s, {}, c.bearer);
                 }});
    // No login in the matrix (hashing is slow on purpose): an incomplete login is 400 for anyone.
    list.append({"POST", u"/v1/auth/login"_s, u"public"_s, 400, [&w](const Caller &c, const QString &) {
                     return w.post(u"/v1/auth/login"_s, {}, {{u"email"_s, w.ownerA.email}}, c.bearer);
                 }});
    list.append({"POST", u"/v1/auth/refresh"_s, u"public"_s, 401, [&w](const Caller &c, const QString &) {
                     return w.post(u"/v1/auth/refresh"_s, {}, {{u"refresh_token"_s, u"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"_s}},
                                   c.bearer);
                 }});
    list.append({"POST", u"/v1/auth/logout"_s, u"public"_s, 204, [&w](const Caller &c, const QString &) {
                     return w.post(u"/v1/auth/logout"_s, {}, {{u"refresh_token"_s, u"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"_s}},
                                   c.bearer);
                 }});
    list.append({"GET", u"/v1/me"_s, u"user"_s, 200, [&w](const Caller &c, const QString &) {
                     return w.get(u"/v1/me"_s, {}, c.bearer);
                 }});
    list.append({"GET", u"/v1/shops/{shop_id}"_s, u"ReadCatalog"_s, 200, get(u"/v1/shops/{shop_id}"_s)});
    list.append({"GET", u"/v1/shops/{shop_id}/members"_s, u"ManageStaff"_s, 200, get(u"/v1/shops/{shop_id}/members"_s)});
    // Shop B's owner joins as warehouse, and the same caller removes them again right after.
    list.append({"POST", u"/v1/shops/{shop_id}/members"_s, u"ManageStaff"_s, 201, [&w, B](const Caller &c, const QString &shop) {
                     return w.post(u"/v1/shops/{shop_id}/members"_s, {{u"shop_id"_s, shop}},
                                   {{u"email"_s, B(shop) ? w.staffA.email : w.ownerB.email}, {u"role"_s, u"warehouse"_s}},
                                   c.bearer);
                 }});
    list.append({"DELETE", u"/v1/shops/{shop_id}/members/{user_id}"_s, u"ManageStaff"_s, 204,
                 [&w](const Caller &c, const QString &shop) {
                     return w.call("DELETE", u"/v1/shops/{shop_id}/members/{user_id}"_s,
                                   {{u"shop_id"_s, shop}, {u"user_id"_s, w.ownerB.userId}}, {},
                                   c.bearer);
                 }});
    list.append({"GET", u"/v1/shops/{shop_id}/api-tokens"_s, u"ManageApiTokens"_s, 200, get(u"/v1/shops/{shop_id}/api-tokens"_s)});
    list.append({"POST", u"/v1/shops/{shop_id}/api-tokens"_s, u"ManageApiTokens"_s, 201,
                 [this, &w](const Caller &c, const QString &shop) {
                     HttpResult r = w.post(u"/v1/shops/{shop_id}/api-tokens"_s, {{u"shop_id"_s, shop}},
                                           {{u"name"_s, u"Label printer (%1)"_s.arg(c.name)}, {u"role"_s, u"warehouse"_s}},
                                           c.bearer);
                     if (r.status == 201)
                         m_lastTokenOf.insert(c.name, r.json.value(u"id").toString());
                     return r;
                 }});
    list.append({"DELETE", u"/v1/shops/{shop_id}/api-tokens/{token_id}"_s, u"ManageApiTokens"_s, 204,
                 [this, &w](const Caller &c, const QString &shop) {
                     const QString id = shop == m_world.shopB ? m_tokenOfB : m_lastTokenOf.value(c.name, newId());
                     return w.call("DELETE", u"/v1/shops/{shop_id}/api-tokens/{token_id}"_s,
                                   {{u"shop_id"_s, shop}, {u"token_id"_s, id}}, {}, c.bearer);
                 }});
    list.append({"POST", u"/v1/shops/{shop_id}/sync/clients"_s, u"ReadCatalog"_s, 200,
                 [this, &w](const Caller &c, const QString &shop) {
                     const QString id = newId();
                     HttpResult r = w.post(u"/v1/shops/{shop_id}/sync/clients"_s, {{u"shop_id"_s, shop}},
                                           {{u"client_id"_s, id}}, c.bearer);
                     if (r.status == 200 && shop == m_world.shopA)
                         m_clientOf.insert(c.name, id);
                     return r;
                 }});
    list.append({"GET", u"/v1/shops/{shop_id}/sync/changes"_s, u"ReadCatalog"_s, 200,
                 get(u"/v1/shops/{shop_id}/sync/changes"_s, {}, u"limit=50"_s)});
    list.append({"POST", u"/v1/shops/{shop_id}/sync/mutations"_s, u"ReadCatalog"_s, 200,
                 [this, &w](const Caller &c, const QString &shop) {
                     // A count anyone with a client may send; its outcome is checked elsewhere.
                     const QString client = m_clientOf.value(c.name, newId());
                     return w.pushBatch(shop, c.bearer, client, QJsonArray{});
                 }});
    list.append({"GET", u"/v1/shops/{shop_id}/products"_s, u"ReadCatalog"_s, 200, get(u"/v1/shops/{shop_id}/products"_s)});
    list.append({"GET", u"/v1/shops/{shop_id}/products/{id}"_s, u"ReadCatalog"_s, 200,
                 get(u"/v1/shops/{shop_id}/products/{id}"_s, [product](const QString &shop) {
                     return QHash<QString, QString>{{u"id"_s, product(shop)}};
                 })});
    list.append({"GET", u"/v1/shops/{shop_id}/variants"_s, u"ReadCatalog"_s, 200, get(u"/v1/shops/{shop_id}/variants"_s)});
    list.append({"GET", u"/v1/shops/{shop_id}/variants/{id}"_s, u"ReadCatalog"_s, 200,
                 get(u"/v1/shops/{shop_id}/variants/{id}"_s, [&w, B](const QString &shop) {
                     return QHash<QString, QString>{{u"id"_s, B(shop) ? w.variantB : w.toteVariant}};
                 })});
    list.append({"GET", u"/v1/shops/{shop_id}/locations"_s, u"ReadCatalog"_s, 200, get(u"/v1/shops/{shop_id}/locations"_s)});
    list.append({"GET", u"/v1/shops/{shop_id}/inventory-levels"_s, u"ReadInventory"_s, 200,
                 get(u"/v1/shops/{shop_id}/inventory-levels"_s)});
    list.append({"GET", u"/v1/shops/{shop_id}/ledger"_s, u"ReadInventory"_s, 200, get(u"/v1/shops/{shop_id}/ledger"_s)});
    list.append({"GET", u"/v1/shops/{shop_id}/customers"_s, u"ReadCustomers"_s, 200, get(u"/v1/shops/{shop_id}/customers"_s)});
    list.append({"GET", u"/v1/shops/{shop_id}/customers/{id}"_s, u"ReadCustomers"_s, 200,
                 get(u"/v1/shops/{shop_id}/customers/{id}"_s, [&w, B](const QString &shop) {
                     return QHash<QString, QString>{{u"id"_s, B(shop) ? w.customerB : w.customerA}};
                 })});
    list.append({"GET", u"/v1/shops/{shop_id}/orders"_s, u"ReadOrders"_s, 200, get(u"/v1/shops/{shop_id}/orders"_s)});
    list.append({"GET", u"/v1/shops/{shop_id}/orders/{id}"_s, u"ReadOrders"_s, 200,
                 get(u"/v1/shops/{shop_id}/orders/{id}"_s, [&w, B](const QString &shop) {
                     return QHash<QString, QString>{{u"id"_s, B(shop) ? w.orderB : w.paidOrder}};
                 })});
    list.append({"POST", u"/v1/shops/{shop_id}/orders"_s, u"WriteOrders"_s, 201, [&w, B](const Caller &c, const QString &shop) {
                     return w.post(u"/v1/shops/{shop_id}/orders"_s, {{u"shop_id"_s, shop}},
                                   {{u"lines"_s, QJsonArray{QJsonObject{{u"sku"_s, B(shop) ? u"HAM-16-CLAW"_s : u"TOTE-WAX-OLIVE"_s},
                                                                        {u"quantity"_s, 1}}}},
                                    {u"email"_s, u"walk-in@example.com"_s},
                                    {u"gateway"_s, u"cash"_s},
                                    {u"paid"_s, true},
                                    {u"channel"_s, u"pos"_s}},
                                   c.bearer);
                 }});
    return list;
}

void tst_AccessMatrix::roleMatrix()
{
    const QList<ServedRoute> served = servedRoutes();
    QVERIFY2(!served.isEmpty(), "`storekeep-server routes` printed nothing");
    const QList<Probe> all = probes();
    QSet<QString> probed;
    for (const Probe &p : all)
        probed.insert(p.key());
    QStringList unprobed;
    QSet<QString> servedKeys;
    for (const ServedRoute &r : served) {
        servedKeys.insert(r.key());
        if (!probed.contains(r.key()))
            unprobed.append(QString::fromLatin1(r.method) + u' ' + r.pattern);
    }
    QVERIFY2(unprobed.isEmpty(), qPrintable(u"served routes missing from the matrix: "_s + unprobed.join(u", "_s)));
    QStringList notServed;
    for (const Probe &p : all) {
        if (!servedKeys.contains(p.key()))
            notServed.append(p.key());
    }
    QVERIFY2(notServed.isEmpty(), qPrintable(u"matrix routes the server does not serve: "_s + notServed.join(u", "_s)));

    QStringList mismatches;
    int cells = 0;
    for (const Caller &caller : m_world.callersA()) {
        for (const Probe &probe : all) {
            int expected = probe.success;
            QString expectedCode;
            if (probe.permission == u"public") {
                // A token changes nothing on a public route.
            } else if (caller.bearer.isEmpty()) {
                expected = 401;
                expectedCode = u"auth.missing_token"_s;
            } else if (probe.permission == u"user") {
                if (caller.apiToken) {
                    expected = 403;
                    expectedCode = u"forbidden.api_token"_s;
                }
            } else if (!allowed(probe.permission, caller.role)) {
                expected = 403;
                expectedCode = u"forbidden.role"_s;
            }
            const HttpResult r = probe.send(caller, m_world.shopA);
            ++cells;
            if (r.status != expected || (!expectedCode.isEmpty() && r.errorCode() != expectedCode)) {
                mismatches.append(u"%1 as %2: %3 %4, expected %5 %6"_s.arg(probe.key(), caller.name)
                                      .arg(r.status)
                                      .arg(r.errorCode())
                                      .arg(expected)
                                      .arg(expectedCode));
            }
        }
    }
    qInfo() << "role matrix:" << cells << "cells," << all.size() << "routes x" << m_world.callersA().size() << "callers";
    QVERIFY2(mismatches.isEmpty(), qPrintable(mismatches.join(u"\n"_s)));
}

void tst_AccessMatrix::mutationPermissions()
{
    // Every named mutation as every role: forbidden.role exactly where the role lacks the
    // permission; the seq advances either way. Ids name nothing, so allowed ones are rejected
    // for another reason (not found) and change nothing.
    const QString missing = newId();
    const QHash<QString, QJsonObject> args{
        {u"product.create"_s, {{u"product"_s, QJsonObject{{u"id"_s, missing}, {u"title"_s, u"X"_s}, {u"handle"_s, u"?"_s},
                                                          {u"status"_s, u"draft"_s}}}}},
        {u"product.patch"_s, {{u"id"_s, missing}, {u"base_version"_s, 1}, {u"fields"_s, QJsonObject{{u"title"_s, u"Y"_s}}}}},
        {u"product.archive"_s, {{u"id"_s, missing}}},
        {u"product.delete"_s, {{u"id"_s, missing}}},
        {u"variant.create"_s, {{u"variant"_s, QJsonObject{{u"id"_s, newId()}, {u"product_id"_s, missing}, {u"price"_s, 100}}}}},
        {u"variant.patch"_s, {{u"id"_s, missing}, {u"base_version"_s, 1}, {u"fields"_s, QJsonObject{{u"price"_s, 100}}}}},
        {u"variant.delete"_s, {{u"id"_s, missing}}},
        {u"location.create"_s, {{u"location"_s, QJsonObject{{u"id"_s, missing}, {u"name"_s, u""_s}}}}},
        {u"location.patch"_s, {{u"id"_s, missing}, {u"base_version"_s, 1}, {u"fields"_s, QJsonObject{{u"name"_s, u"Y"_s}}}}},
        {u"inventory.adjust"_s, {{u"variant_id"_s, missing}, {u"location_id"_s, missing}, {u"delta"_s, 1},
                                 {u"reason"_s, u"received"_s}}},
        {u"inventory.set"_s, {{u"variant_id"_s, missing}, {u"location_id"_s, missing}, {u"quantity"_s, 1},
                              {u"change_from"_s, 0}}},
        {u"inventory.transfer"_s, {{u"variant_id"_s, missing}, {u"from_location_id"_s, missing},
                                   {u"to_location_id"_s, newId()}, {u"quantity"_s, 1}}},
        {u"customer.create"_s, {{u"customer"_s, QJsonObject{{u"id"_s, missing}, {u"email"_s, u"not an email"_s}}}}},
        {u"customer.patch"_s, {{u"id"_s, missing}, {u"base_version"_s, 1}, {u"fields"_s, QJsonObject{{u"note"_s, u"Y"_s}}}}},
        {u"order.set_status"_s, {{u"order_id"_s, missing}, {u"status"_s, u"cancelled"_s}}},
        {u"order.fulfil"_s, {{u"order_id"_s, missing},
                             {u"lines"_s, QJsonArray{QJsonObject{{u"order_line_id"_s, newId()}, {u"quantity"_s, 1}}}}}},
        {u"order.refund"_s, {{u"order_id"_s, missing}, {u"amount"_s, 100}, {u"restock"_s, false}}},
        {u"order.add_note"_s, {{u"order_id"_s, missing}, {u"message"_s, u"Hello"_s}}},
    };
    QStringList mismatches;
    for (const Caller &caller : m_world.callersA()) {
        if (caller.bearer.isEmpty())
            continue;
        QString client;
        QVERIFY(m_world.registerClient(m_world.shopA, caller.bearer, &client));
        QJsonArray batch;
        qint64 seq = 0;
        for (const auto &[name, permission] : kMutationPermissions)
            batch.append(ShopWorld::mutation(++seq, name, args.value(name)));
        const HttpResult r = m_world.pushBatch(m_world.shopA, caller.bearer, client, batch);
        QVERIFY2(r.status == 200, r.body.constData());
        const QJsonArray results = r.json.value(u"results").toArray();
        QCOMPARE(results.size(), batch.size());
        QCOMPARE(r.json.value(u"last_applied_seq").toInteger(), seq);
        for (qsizetype i = 0; i < results.size(); ++i) {
            const auto &[name, permission] = kMutationPermissions.at(i);
            const QJsonObject result = results.at(i).toObject();
            const bool refused = result.value(u"code").toString() == u"forbidden.role";
            if (refused == allowed(permission, caller.role) || result.value(u"status").toString() == u"applied") {
                mismatches.append(u"%1 as %2: %3 %4"_s.arg(name, caller.name, result.value(u"status").toString(),
                                                              result.value(u"code").toString()));
            }
        }
    }
    QVERIFY2(mismatches.isEmpty(), qPrintable(mismatches.join(u"\n"_s)));
}

void tst_AccessMatrix::crossTenant()
{
    // Everything shop B holds that a leak would show.
    const QStringList secrets{m_world.shopB, m_world.productB, m_world.variantB, m_world.customerB, m_world.orderB,
                              m_world.locationB, u"Harbour Hardware"_s, u"Claw Hammer"_s, u"sam.rivera@example.com"_s};
    const auto leaks = [&secrets](const HttpResult &r) {
        QStringList found;
        for (const QString &s : secrets) {
            if (r.body.contains(s.toUtf8()))
                found.append(s);
        }
        return found;
    };
    QStringList problems;
    int cells = 0;
    for (const Probe &probe : probes()) {
        if (!probe.pattern.startsWith(u"/v1/shops/{shop_id}"))
            continue;
        for (const Caller &caller : m_world.callersA()) {
            const HttpResult r = probe.send(caller, m_world.shopB);
            ++cells;
            const int expected = caller.bearer.isEmpty() ? 401 : 404;
            const QString code = caller.bearer.isEmpty() ? u"auth.missing_token"_s : u"not_found.shop"_s;
            if (r.status != expected || r.errorCode() != code)
                problems.append(u"%1 as %2 in shop B: %3 %4"_s.arg(probe.key(), caller.name).arg(r.status).arg(r.errorCode()));
            if (const QStringList found = leaks(r); !found.isEmpty())
                problems.append(u"%1 as %2 in shop B leaked %3"_s.arg(probe.key(), caller.name, found.join(u", "_s)));
        }
    }
    // And the other way round: shop B's API token and owner in shop A.
    const QList<Caller> fromB{{u"B api-staff"_s, m_world.apiStaffB, u"staff"_s, true},
                              {u"B owner"_s, m_world.ownerB.access, u"owner"_s, false}};
    for (const Probe &probe : probes()) {
        if (!probe.pattern.startsWith(u"/v1/shops/{shop_id}"))
            continue;
        for (const Caller &caller : fromB) {
            const HttpResult r = probe.send(caller, m_world.shopA);
            ++cells;
            if (r.status != 404 || r.errorCode() != u"not_found.shop")
                problems.append(u"%1 as %2 in shop A: %3 %4"_s.arg(probe.key(), caller.name).arg(r.status).arg(r.errorCode()));
            for (const QString &s : {m_world.sweaterProduct, u"Alpine Outfitters"_s, u"lena.fischer@example.de"_s}) {
                if (r.body.contains(s.toUtf8()))
                    problems.append(u"%1 as %2 in shop A leaked %3"_s.arg(probe.key(), caller.name, s));
            }
        }
    }
    qInfo() << "cross-tenant:" << cells << "requests";
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u"\n"_s)));
    // Shop B is unchanged: still one order, no members added.
    const HttpResult orders = m_world.get(u"/v1/shops/{shop_id}/orders"_s, {{u"shop_id"_s, m_world.shopB}}, m_world.ownerB.access);
    QCOMPARE(orders.status, 200);
    QCOMPARE(orders.json.value(u"items").toArray().size(), 1);
    const HttpResult members = m_world.get(u"/v1/shops/{shop_id}/members"_s, {{u"shop_id"_s, m_world.shopB}}, m_world.ownerB.access);
    QCOMPARE(members.json.value(u"items").toArray().size(), 1);
}

void tst_AccessMatrix::verifyRedactedOrder(const QJsonObject &order, const QString &where)
{
    for (const QString &key : kRedactedOrderKeys)
        QVERIFY2(!order.contains(key), qPrintable(where + u": order has "_s + key));
    QVERIFY2(order.contains(u"shipping_address"), qPrintable(where + u": the shipping address is needed to ship"_s));
    const QJsonArray lines = order.value(u"lines").toArray();
    QVERIFY2(!lines.isEmpty(), qPrintable(where + u": no lines"_s));
    for (const QJsonValue &line : lines) {
        for (const QString &key : kRedactedLineKeys)
            QVERIFY2(!line.toObject().contains(key), qPrintable(where + u": line has "_s + key));
        QVERIFY(line.toObject().contains(u"quantity"));
        QVERIFY(line.toObject().contains(u"sku"));
    }
    for (const QJsonValue &refund : order.value(u"refunds").toArray()) {
        QVERIFY2(!refund.toObject().contains(u"amount"), qPrintable(where + u": refund has an amount"_s));
        for (const QJsonValue &line : refund.toObject().value(u"lines").toArray())
            QVERIFY2(!line.toObject().contains(u"amount"), qPrintable(where + u": refund line has an amount"_s));
    }
}

void tst_AccessMatrix::warehouseNeverSeesPersonalDataOrMoney()
{
    // Personal data that exists in shop A and must never reach a warehouse caller.
    const QList<QByteArray> personal{"lena.fischer@example.de", "+49 30 1234567", "Prefers DHL pickup stations.",
                                     "t.wagner@example.org", "Gift wrap, please.", "walk-in@example.com"};
    for (const QString &bearer : {m_world.warehouseA.access, m_world.apiWarehouseA}) {
        QString cursor;
        const QJsonArray feed = m_world.pullAll(m_world.shopA, bearer, &cursor, 5);
        QVERIFY2(m_world.error.isEmpty(), qPrintable(m_world.error));
        int orders = 0;
        for (const QJsonValue &v : feed) {
            const QJsonObject change = v.toObject();
            QVERIFY2(change.value(u"type").toString() != u"customer", "a customer change reached warehouse");
            if (change.value(u"type").toString() == u"order" && change.value(u"op").toString() == u"upsert") {
                ++orders;
                verifyRedactedOrder(change.value(u"data").toObject(), u"feed"_s);
            }
            const QByteArray text = QJsonDocument(change).toJson(QJsonDocument::Compact);
            for (const QByteArray &p : personal)
                QVERIFY2(!text.contains(p), qPrintable(u"the feed carries "_s + QString::fromUtf8(p)));
        }
        QVERIFY2(orders >= 2, "warehouse should still see the orders it ships");

        const HttpResult list = m_world.get(u"/v1/shops/{shop_id}/orders"_s, {}, bearer, u"limit=1000"_s);
        QCOMPARE(list.status, 200);
        for (const QJsonValue &v : list.json.value(u"items").toArray())
            verifyRedactedOrder(v.toObject(), u"/orders"_s);
        const HttpResult one = m_world.get(u"/v1/shops/{shop_id}/orders/{id}"_s, {{u"id"_s, m_world.paidOrder}}, bearer);
        QCOMPARE(one.status, 200);
        verifyRedactedOrder(one.json, u"/orders/{id}"_s);
        QCOMPARE(one.json.value(u"refunds").toArray().size(), 1);
        for (const QByteArray &p : personal) {
            QVERIFY2(!list.body.contains(p), p.constData());
            QVERIFY2(!one.body.contains(p), p.constData());
        }
        const HttpResult customers = m_world.get(u"/v1/shops/{shop_id}/customers"_s, {}, bearer);
        QCOMPARE(customers.status, 403);
        QCOMPARE(customers.errorCode(), u"forbidden.role"_s);
        const HttpResult customer = m_world.get(u"/v1/shops/{shop_id}/customers/{id}"_s, {{u"id"_s, m_world.customerA}}, bearer);
        QCOMPARE(customer.status, 403);
        QVERIFY(!customer.body.contains("lena"));
    }
    // The same order, unredacted, for staff: the redaction is the role's, not the data's.
    const HttpResult staff = m_world.get(u"/v1/shops/{shop_id}/orders/{id}"_s, {{u"id"_s, m_world.paidOrder}}, m_world.staffA.access);
    QCOMPARE(staff.status, 200);
    QCOMPARE(staff.json.value(u"email").toString(), u"lena.fischer@example.de"_s);
    QVERIFY(staff.json.value(u"total").toInteger() > 0);
}

QTEST_GUILESS_MAIN(tst_AccessMatrix)
#include "tst_accessmatrix.moc"
