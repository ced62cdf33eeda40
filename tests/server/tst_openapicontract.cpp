// The contract test's recorder: exercises every route of storekeep-server over real TCP with
// realistic requests, for the success status and the main error statuses, asserts what a client
// relies on, and writes every response to <build>/contract/responses.jsonl. CTest then runs
// server/contract_openapi (tests/server/contract/validate.mjs), which checks each recorded body
// against server/openapi.yaml for its operation and status. This test itself fails when a route
// printed by `storekeep-server routes` was never exercised.

#include "shopworld.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QSet>
#include <QTest>

using namespace sk;
using namespace sk::test;
using namespace Qt::StringLiterals;

#define EXPECT_STATUS(result, expected)                                                                        \
    QVERIFY2((result).status == (expected),                                                                    \
             qPrintable(u"status %1, expected %2: %3"_s.arg((result).status).arg(expected).arg(                \
                 QString::fromUtf8((result).body.left(800)))))

#define EXPECT_ERROR(result, expected, code)                                                                   \
    do {                                                                                                       \
        EXPECT_STATUS(result, expected);                                                                       \
        QCOMPARE((result).errorCode(), QString(code));                                                         \
    } while (false)

class tst_OpenApiContract : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void health();
    void login();
    void refreshAndLogout();
    void me();
    void shopSettings();
    void members();
    void apiTokens();
    void syncClients();
    void mutationsEveryName();
    void mutationsOutcomes();
    void mutationsErrors();
    void changes();
    void changesExpiredCursor();
    void reads();
    void readErrors();
    void storefront();
    void unrouted();
    void everyRouteExercised();

private:
    static inline const QString kShop = u"/v1/shops/{shop_id}"_s;
    static inline const QString kMembers = u"/v1/shops/{shop_id}/members"_s;
    static inline const QString kMember = u"/v1/shops/{shop_id}/members/{user_id}"_s;
    static inline const QString kTokens = u"/v1/shops/{shop_id}/api-tokens"_s;
    static inline const QString kToken = u"/v1/shops/{shop_id}/api-tokens/{token_id}"_s;
    static inline const QString kClients = u"/v1/shops/{shop_id}/sync/clients"_s;
    static inline const QString kChanges = u"/v1/shops/{shop_id}/sync/changes"_s;
    static inline const QString kMutations = u"/v1/shops/{shop_id}/sync/mutations"_s;
    static inline const QString kOrders = u"/v1/shops/{shop_id}/orders"_s;

    void record(const CallRecord &call, const HttpResult &result);
    QByteArray oversizedBody() const;
    // One mutation through a fresh batch on the owner's client; the result object.
    QJsonObject applyOne(const QString &name, const QJsonObject &args, const QString &label = {},
                         bool requestInvalid = false);

    ShopWorld m_world;
    QFile m_out;
    QMap<QString, QSet<int>> m_exercised; // "METHOD /shape" → statuses seen
};

void tst_OpenApiContract::record(const CallRecord &call, const HttpResult &result)
{
    const QString key = QString::fromLatin1(call.method) + u' ' + routeShape(call.pattern);
    m_exercised[key].insert(result.status);
    QJsonObject headers;
    for (const auto &[name, value] : result.headers)
        headers.insert(QString::fromLatin1(name).toLower(), QString::fromUtf8(value));
    QJsonObject line{{u"method"_s, QString::fromLatin1(call.method)},
                     {u"pattern"_s, call.pattern},
                     {u"path"_s, call.path},
                     {u"status"_s, result.status},
                     {u"headers"_s, headers},
                     {u"body"_s, QString::fromUtf8(result.body)}};
    if (!call.label.isEmpty())
        line.insert(u"label", call.label);
    // Requests are kept when small enough to be worth checking against the request schema.
    if (call.requestBody.size() < 64 * 1024) {
        const QJsonDocument request = QJsonDocument::fromJson(call.requestBody);
        if (request.isObject())
            line.insert(u"request", request.object());
    }
    if (call.requestInvalid)
        line.insert(u"request_invalid", true);
    m_out.write(compact(line) + '\n');
    m_out.flush();
}

QByteArray tst_OpenApiContract::oversizedBody() const
{
    // A well-formed JSON object one byte over 1 MiB.
    const qsizetype limit = 1024 * 1024;
    QByteArray body = R"({"padding":")";
    const QByteArray tail = R"("})";
    body.append(QByteArray(limit + 1 - body.size() - tail.size(), 'x'));
    body.append(tail);
    Q_ASSERT(body.size() == limit + 1);
    return body;
}

QJsonObject tst_OpenApiContract::applyOne(const QString &name, const QJsonObject &args, const QString &label,
                                          bool requestInvalid)
{
    const HttpResult r = m_world.pushBatch(m_world.shopA, m_world.ownerA.access, m_world.ownerClientA,
                                           QJsonArray{ShopWorld::mutation(++m_world.ownerSeqA, name, args)},
                                           label.isEmpty() ? name : label, requestInvalid);
    if (r.status != 200) {
        qWarning().noquote() << name << "answered" << r.status << r.body;
        return {};
    }
    return r.json.value(u"results").toArray().first().toObject();
}

void tst_OpenApiContract::initTestCase()
{
    const QString dir = binaryDir() + u"/contract"_s;
    QVERIFY(QDir().mkpath(dir));
    m_out.setFileName(dir + u"/responses.jsonl"_s);
    QVERIFY2(m_out.open(QIODevice::WriteOnly | QIODevice::Truncate), qPrintable(m_out.errorString()));
    m_world.observer = [this](const CallRecord &call, const HttpResult &result) { record(call, result); };
    QVERIFY2(m_world.build(), qPrintable(m_world.error));
}

void tst_OpenApiContract::health()
{
    const HttpResult r = m_world.get(u"/healthz"_s, {}, {});
    EXPECT_STATUS(r, 200);
    QCOMPARE(r.json.value(u"status").toString(), u"ok"_s);
    QVERIFY(!r.header("X-Request-Id").isEmpty());
    // The client's request id is echoed.
    const HttpResult echoed = m_world.call("GET", u"/healthz"_s, {}, {}, {}, {}, u"request id echo"_s, false,
                                           {{"X-Request-Id", "contract-test-42"}});
    QCOMPARE(echoed.header("X-Request-Id"), QByteArray("contract-test-42"));
}

void tst_OpenApiContract::login()
{
    const QString path = u"/v1/auth/login"_s;
    // 200 was recorded while the world was built; check the session's shape here too.
    HttpResult missing = m_world.post(path, {}, {{u"email"_s, m_world.staffA.email}}, {}, u"no password"_s);
    EXPECT_ERROR(missing, 400, u"validation.missing_field"_s);
    QCOMPARE(missing.json.value(u"error").toObject().value(u"field").toString(), u"password"_s);

    HttpResult malformed = m_world.call("POST", path, {}, "{\"email\": ", {}, {}, u"malformed"_s);
    EXPECT_ERROR(malformed, 400, u"malformed_json"_s);

    HttpResult wrong = m_world.post(path, {}, {{u"email"_s, m_world.staffA.email}, {u"password"_s, u"Tr0ub4dor&3"_s}}, {},
                                    u"wrong password"_s);
    EXPECT_ERROR(wrong, 401, u"auth.invalid_credentials"_s);
    HttpResult unknown = m_world.post(path, {}, {{u"email"_s, u"nobody@alpine-outfitters.test"_s}, {u"password"_s, u"x"_s}},
                                      {}, u"unknown email"_s);
    EXPECT_ERROR(unknown, 401, u"auth.invalid_credentials"_s);
    QCOMPARE(unknown.json.value(u"error").toObject().value(u"message"), wrong.json.value(u"error").toObject().value(u"message"));

    HttpResult big = m_world.call("POST", path, {}, oversizedBody(), {}, {}, u"oversized"_s);
    EXPECT_ERROR(big, 413, u"payload_too_large"_s);

    // Failures against one account are limited (5 per 15 minutes): then 429 with Retry-After.
    HttpResult limited;
    for (int i = 0; i < 8 && limited.status != 429; ++i) {
        limited = m_world.post(path, {}, {{u"email"_s, u"mallory@harbour-hardware.test"_s}, {u"password"_s, u"guess%1"_s.arg(i)}},
                               {}, u"rate limit"_s);
    }
    EXPECT_ERROR(limited, 429, u"rate_limited"_s);
    QVERIFY(limited.header("Retry-After").toInt() > 0);
}

void tst_OpenApiContract::refreshAndLogout()
{
    const QString refresh = u"/v1/auth/refresh"_s;
    const QString logout = u"/v1/auth/logout"_s;
    Account &a = m_world.warehouseA;
    const QString first = a.refresh;
    HttpResult rotated = m_world.post(refresh, {}, {{u"refresh_token"_s, first}}, {}, u"rotate"_s);
    EXPECT_STATUS(rotated, 200);
    const QString second = rotated.json.value(u"refresh_token").toString();
    QVERIFY(!second.isEmpty() && second != first);
    a.access = rotated.json.value(u"access_token").toString();
    QCOMPARE(rotated.json.value(u"user").toObject().value(u"email").toString(), a.email);

    HttpResult garbage = m_world.post(refresh, {}, {{u"refresh_token"_s, u"not-a-token-at-all-but-long-enough-000"_s}}, {},
                                      u"unknown"_s);
    EXPECT_ERROR(garbage, 401, u"auth.invalid_refresh_token"_s);
    HttpResult reused = m_world.post(refresh, {}, {{u"refresh_token"_s, first}}, {}, u"reuse"_s);
    EXPECT_ERROR(reused, 401, u"auth.refresh_reused"_s);
    // The reuse revoked the whole family: the newest token is dead too.
    HttpResult afterReuse = m_world.post(refresh, {}, {{u"refresh_token"_s, second}}, {}, u"family revoked"_s);
    EXPECT_STATUS(afterReuse, 401);
    HttpResult missing = m_world.post(refresh, {}, {}, {}, u"missing"_s);
    EXPECT_ERROR(missing, 400, u"validation.missing_field"_s);
    EXPECT_ERROR(m_world.call("POST", refresh, {}, oversizedBody(), {}, {}, u"oversized"_s), 413, u"payload_too_large"_s);

    HttpResult out = m_world.post(logout, {}, {{u"refresh_token"_s, m_world.staffA.refresh}}, {}, u"logout"_s);
    EXPECT_STATUS(out, 204);
    QVERIFY(out.body.isEmpty());
    EXPECT_STATUS(m_world.post(logout, {}, {{u"refresh_token"_s, m_world.staffA.refresh}}, {}, u"idempotent"_s), 204);
    HttpResult afterLogout = m_world.post(refresh, {}, {{u"refresh_token"_s, m_world.staffA.refresh}}, {}, u"after logout"_s);
    EXPECT_STATUS(afterLogout, 401);
    EXPECT_ERROR(m_world.post(logout, {}, {{u"refresh_token"_s, 42}}, {}, u"wrong type"_s), 400, u"validation.invalid_field"_s);
    EXPECT_ERROR(m_world.call("POST", logout, {}, "[1,2]", {}, {}, u"array"_s), 400, u"malformed_json"_s);
    EXPECT_ERROR(m_world.call("POST", logout, {}, oversizedBody(), {}, {}, u"oversized"_s), 413, u"payload_too_large"_s);
}

void tst_OpenApiContract::me()
{
    const QString path = u"/v1/me"_s;
    HttpResult r = m_world.get(path, {}, m_world.ownerA.access);
    EXPECT_STATUS(r, 200);
    QCOMPARE(r.json.value(u"user").toObject().value(u"email").toString(), m_world.ownerA.email);
    const QJsonArray shops = r.json.value(u"shops").toArray();
    QCOMPARE(shops.size(), 1);
    QCOMPARE(shops.first().toObject().value(u"id").toString(), m_world.shopA);
    QCOMPARE(shops.first().toObject().value(u"role").toString(), u"owner"_s);
    EXPECT_ERROR(m_world.get(path, {}, {}, {}, u"no token"_s), 401, u"auth.missing_token"_s);
    EXPECT_ERROR(m_world.get(path, {}, u"eyJhbGciOiJub25lIn0.e30.forged"_s, {}, u"forged"_s), 401, u"auth.invalid_token"_s);
    HttpResult api = m_world.get(path, {}, m_world.apiOwnerA, {}, u"api token"_s);
    EXPECT_ERROR(api, 403, u"forbidden.api_token"_s);
}

void tst_OpenApiContract::shopSettings()
{
    HttpResult r = m_world.get(kShop, {}, m_world.warehouseA.access);
    EXPECT_STATUS(r, 200);
    QCOMPARE(r.json.value(u"shop_id").toString(), m_world.shopA);
    QCOMPARE(r.json.value(u"name").toString(), u"Alpine Outfitters"_s);
    QCOMPARE(r.json.value(u"currency").toString(), u"EUR"_s);
    QCOMPARE(r.json.value(u"oversell_policy").toString(), u"allow"_s);
    EXPECT_ERROR(m_world.get(kShop, {{u"shop_id"_s, m_world.shopB}}, m_world.ownerA.access, {}, u"other shop"_s), 404,
                 u"not_found.shop"_s);
    EXPECT_ERROR(m_world.get(kShop, {{u"shop_id"_s, newId()}}, m_world.ownerA.access, {}, u"no such shop"_s), 404,
                 u"not_found.shop"_s);
    EXPECT_STATUS(m_world.get(kShop, {}, {}, {}, u"no token"_s), 401);
}

void tst_OpenApiContract::members()
{
    HttpResult list = m_world.get(kMembers, {}, m_world.ownerA.access);
    EXPECT_STATUS(list, 200);
    QCOMPARE(list.json.value(u"items").toArray().size(), 3);
    EXPECT_ERROR(m_world.get(kMembers, {}, m_world.staffA.access, {}, u"staff"_s), 403, u"forbidden.role"_s);
    EXPECT_STATUS(m_world.get(kMembers, {}, {}, {}, u"no token"_s), 401);
    EXPECT_ERROR(m_world.get(kMembers, {{u"shop_id"_s, m_world.shopB}}, m_world.ownerA.access, {}, u"other shop"_s), 404,
                 u"not_found.shop"_s);

    // Shop B's owner joins shop A as staff, then leaves again.
    HttpResult added = m_world.post(kMembers, {}, {{u"email"_s, m_world.ownerB.email}, {u"role"_s, u"staff"_s}},
                                    m_world.ownerA.access);
    EXPECT_STATUS(added, 201);
    QCOMPARE(added.json.value(u"user_id").toString(), m_world.ownerB.userId);
    QCOMPARE(added.json.value(u"role").toString(), u"staff"_s);
    EXPECT_ERROR(m_world.post(kMembers, {}, {{u"email"_s, m_world.ownerB.email}, {u"role"_s, u"manager"_s}},
                              m_world.ownerA.access, u"unknown role"_s),
                 400, u"validation.invalid_field"_s);
    EXPECT_ERROR(m_world.post(kMembers, {}, {{u"email"_s, u"stranger@example.com"_s}, {u"role"_s, u"staff"_s}},
                              m_world.ownerA.access, u"unknown user"_s),
                 404, u"not_found.user"_s);
    EXPECT_ERROR(m_world.post(kMembers, {}, {{u"email"_s, m_world.ownerA.email}, {u"role"_s, u"staff"_s}},
                              m_world.ownerA.access, u"demote last owner"_s),
                 409, u"conflict.last_owner"_s);
    EXPECT_ERROR(m_world.post(kMembers, {}, {{u"email"_s, m_world.ownerB.email}, {u"role"_s, u"staff"_s}},
                              m_world.staffA.access, u"staff"_s),
                 403, u"forbidden.role"_s);
    EXPECT_STATUS(m_world.post(kMembers, {}, {{u"email"_s, m_world.ownerB.email}, {u"role"_s, u"staff"_s}}, {}, u"no token"_s),
                  401);
    EXPECT_ERROR(m_world.post(kMembers, {{u"shop_id"_s, m_world.shopB}}, {{u"email"_s, m_world.staffA.email}, {u"role"_s, u"staff"_s}},
                              m_world.ownerA.access, u"other shop"_s),
                 404, u"not_found.shop"_s);
    EXPECT_ERROR(m_world.call("POST", kMembers, {}, oversizedBody(), m_world.ownerA.access, {}, u"oversized"_s), 413,
                 u"payload_too_large"_s);

    EXPECT_ERROR(m_world.call("DELETE", kMember, {{u"user_id"_s, m_world.ownerB.userId}}, {}, m_world.staffA.access, {}, u"staff"_s),
                 403, u"forbidden.role"_s);
    EXPECT_STATUS(m_world.call("DELETE", kMember, {{u"user_id"_s, m_world.ownerB.userId}}, {}, {}, {}, u"no token"_s), 401);
    HttpResult removed = m_world.call("DELETE", kMember, {{u"user_id"_s, m_world.ownerB.userId}}, {}, m_world.ownerA.access);
    EXPECT_STATUS(removed, 204);
    EXPECT_ERROR(m_world.call("DELETE", kMember, {{u"user_id"_s, m_world.ownerB.userId}}, {}, m_world.ownerA.access, {},
                              u"not a member"_s),
                 404, u"not_found.member"_s);
    EXPECT_ERROR(m_world.call("DELETE", kMember, {{u"user_id"_s, m_world.ownerA.userId}}, {}, m_world.ownerA.access, {},
                              u"last owner"_s),
                 409, u"conflict.last_owner"_s);
    EXPECT_ERROR(m_world.call("DELETE", kMember, {{u"shop_id"_s, m_world.shopB}, {u"user_id"_s, m_world.ownerB.userId}}, {},
                              m_world.ownerA.access, {}, u"other shop"_s),
                 404, u"not_found.shop"_s);
    HttpResult after = m_world.get(kMembers, {}, m_world.ownerA.access, {}, u"after"_s);
    QCOMPARE(after.json.value(u"items").toArray().size(), 3);
}

void tst_OpenApiContract::apiTokens()
{
    HttpResult created = m_world.post(kTokens, {}, {{u"name"_s, u"Inventory sync (ERP)"_s}, {u"role"_s, u"warehouse"_s}},
                                      m_world.ownerA.access);
    EXPECT_STATUS(created, 201);
    const QString token = created.json.value(u"token").toString();
    const QString id = created.json.value(u"id").toString();
    QVERIFY(token.startsWith(u"skapi_"_s));
    // The new token works at once, with its role.
    EXPECT_STATUS(m_world.get(u"/v1/shops/{shop_id}/inventory-levels"_s, {}, token, u"limit=1"_s, u"new token"_s), 200);

    HttpResult list = m_world.get(kTokens, {}, m_world.ownerA.access);
    EXPECT_STATUS(list, 200);
    QVERIFY(!list.body.contains(token.toUtf8()));
    bool listed = false;
    for (const QJsonValue &v : list.json.value(u"items").toArray())
        listed = listed || v.toObject().value(u"id").toString() == id;
    QVERIFY(listed);

    HttpResult noName = m_world.post(kTokens, {}, {{u"name"_s, u"  "_s}, {u"role"_s, u"staff"_s}}, m_world.ownerA.access,
                                     u"empty name"_s);
    EXPECT_STATUS(noName, 400);
    QCOMPARE(noName.json.value(u"error").toObject().value(u"field").toString(), u"name"_s);
    EXPECT_ERROR(m_world.post(kTokens, {}, {{u"name"_s, u"Root"_s}, {u"role"_s, u"admin"_s}}, m_world.ownerA.access,
                              u"unknown role"_s),
                 400, u"validation.invalid_field"_s);
    EXPECT_ERROR(m_world.post(kTokens, {}, {{u"name"_s, u"Mine"_s}, {u"role"_s, u"staff"_s}}, m_world.staffA.access, u"staff"_s),
                 403, u"forbidden.role"_s);
    EXPECT_ERROR(m_world.get(kTokens, {}, m_world.apiStaffA, {}, u"api staff"_s), 403, u"forbidden.role"_s);
    EXPECT_STATUS(m_world.get(kTokens, {}, {}, {}, u"no token"_s), 401);
    EXPECT_STATUS(m_world.post(kTokens, {}, {{u"name"_s, u"Mine"_s}, {u"role"_s, u"staff"_s}}, {}, u"no token"_s), 401);
    EXPECT_ERROR(m_world.get(kTokens, {{u"shop_id"_s, m_world.shopB}}, m_world.ownerA.access, {}, u"other shop"_s), 404,
                 u"not_found.shop"_s);
    EXPECT_ERROR(m_world.post(kTokens, {{u"shop_id"_s, m_world.shopB}}, {{u"name"_s, u"Mine"_s}, {u"role"_s, u"staff"_s}},
                              m_world.ownerA.access, u"other shop"_s),
                 404, u"not_found.shop"_s);
    EXPECT_ERROR(m_world.call("POST", kTokens, {}, oversizedBody(), m_world.ownerA.access, {}, u"oversized"_s), 413,
                 u"payload_too_large"_s);

    EXPECT_ERROR(m_world.call("DELETE", kToken, {{u"token_id"_s, id}}, {}, m_world.staffA.access, {}, u"staff"_s), 403,
                 u"forbidden.role"_s);
    EXPECT_STATUS(m_world.call("DELETE", kToken, {{u"token_id"_s, id}}, {}, {}, {}, u"no token"_s), 401);
    EXPECT_ERROR(m_world.call("DELETE", kToken, {{u"shop_id"_s, m_world.shopB}, {u"token_id"_s, id}}, {}, m_world.ownerA.access,
                              {}, u"other shop"_s),
                 404, u"not_found.shop"_s);
    EXPECT_STATUS(m_world.call("DELETE", kToken, {{u"token_id"_s, id}}, {}, m_world.ownerA.access), 204);
    // Revoked: the token stops working at once.
    EXPECT_ERROR(m_world.get(u"/v1/shops/{shop_id}/inventory-levels"_s, {}, token, u"limit=1"_s, u"revoked token"_s), 401,
                 u"auth.token_revoked"_s);
    EXPECT_ERROR(m_world.call("DELETE", kToken, {{u"token_id"_s, newId()}}, {}, m_world.ownerA.access, {}, u"unknown"_s), 404,
                 u"not_found.api_token"_s);
}

void tst_OpenApiContract::syncClients()
{
    const QString client = newId();
    HttpResult first = m_world.post(kClients, {}, {{u"client_id"_s, client}}, m_world.staffA.access);
    EXPECT_STATUS(first, 200);
    QCOMPARE(first.json.value(u"client_id").toString(), client);
    QCOMPARE(first.json.value(u"last_applied_seq").toInteger(), 0);
    HttpResult again = m_world.post(kClients, {}, {{u"client_id"_s, client}}, m_world.staffA.access, u"idempotent"_s);
    EXPECT_STATUS(again, 200);
    QCOMPARE(again.body, first.body);
    EXPECT_ERROR(m_world.post(kClients, {}, {{u"client_id"_s, client}}, m_world.ownerA.access, u"another user"_s), 409,
                 u"conflict.client_owned"_s);
    EXPECT_ERROR(m_world.post(kClients, {{u"shop_id"_s, m_world.shopB}}, {{u"client_id"_s, m_world.ownerClientA}},
                              m_world.ownerB.access, u"another shop"_s),
                 409, u"conflict.client_owned"_s);
    HttpResult bad = m_world.post(kClients, {}, {{u"client_id"_s, u"laptop-1"_s}}, m_world.staffA.access, u"not a uuid"_s);
    EXPECT_ERROR(bad, 400, u"validation.invalid_field"_s);
    QCOMPARE(bad.json.value(u"error").toObject().value(u"field").toString(), u"client_id"_s);
    EXPECT_ERROR(m_world.call("POST", kClients, {}, "{client_id: 1}", m_world.staffA.access, {}, u"malformed"_s), 400,
                 u"malformed_json"_s);
    EXPECT_STATUS(m_world.post(kClients, {}, {{u"client_id"_s, newId()}}, {}, u"no token"_s), 401);
    EXPECT_ERROR(m_world.post(kClients, {{u"shop_id"_s, m_world.shopB}}, {{u"client_id"_s, newId()}}, m_world.staffA.access,
                              u"other shop"_s),
                 404, u"not_found.shop"_s);
    EXPECT_ERROR(m_world.call("POST", kClients, {}, oversizedBody(), m_world.staffA.access, {}, u"oversized"_s), 413,
                 u"payload_too_large"_s);
}

void tst_OpenApiContract::mutationsEveryName()
{
    // Every named mutation once, applied, so each result shape is recorded.
    const QString product = newId();
    const QString variant = newId();
    const QString variant2 = newId();
    const QString location = newId();
    const QString customer = newId();
    auto applied = [](const QJsonObject &r) { return r.value(u"status").toString() == u"applied"; };
    auto expectApplied = [&](const QString &name, const QJsonObject &args) -> QJsonObject {
        const QJsonObject r = applyOne(name, args);
        if (!applied(r))
            qWarning().noquote() << name << "was not applied:" << compact(r);
        return r;
    };

    QJsonObject r = expectApplied(u"location.create"_s,
                                  {{u"location"_s, QJsonObject{{u"id"_s, location}, {u"name"_s, u"Pop-up Hamburg"_s},
                                                               {u"code"_s, u"HAM-POP"_s}}}});
    QVERIFY(applied(r));
    QCOMPARE(r.value(u"result").toObject().value(u"id").toString(), location);
    QVERIFY(applied(expectApplied(u"location.patch"_s, {{u"id"_s, location}, {u"base_version"_s, 1},
                                                        {u"fields"_s, QJsonObject{{u"active"_s, false}}}})));
    r = expectApplied(u"product.create"_s,
                      {{u"product"_s, QJsonObject{{u"id"_s, product}, {u"title"_s, u"Alpaca Beanie"_s},
                                                  {u"handle"_s, u"alpaca-beanie"_s}, {u"status"_s, u"draft"_s}}},
                       {u"variants"_s, QJsonArray{ShopWorld::variantJson(variant, product, 1, u"BEANIE-ALP-GREY"_s,
                                                                         u"400638133412"_s, u"Grey"_s, 3200, 900)}}});
    QVERIFY(applied(r));
    QCOMPARE(r.value(u"result").toObject().value(u"version").toInteger(), 1);
    QVERIFY(applied(expectApplied(u"product.patch"_s, {{u"id"_s, product}, {u"base_version"_s, 1},
                                                       {u"fields"_s, QJsonObject{{u"title"_s, u"Alpaca Beanie, ribbed"_s},
                                                                                 {u"status"_s, u"active"_s}}}})));
    QVERIFY(applied(expectApplied(u"variant.create"_s,
                                  {{u"variant"_s, ShopWorld::variantJson(variant2, product, 2, u"BEANIE-ALP-RUST"_s,
                                                                         u"400638133429"_s, u"Rust"_s, 3200, 900)}})));
    QVERIFY(applied(expectApplied(u"variant.patch"_s, {{u"id"_s, variant}, {u"base_version"_s, 1},
                                                       {u"fields"_s, QJsonObject{{u"price"_s, 2900},
                                                                                 {u"compare_at_price"_s, QJsonValue()}}}})));
    r = expectApplied(u"inventory.adjust"_s, {{u"variant_id"_s, variant}, {u"location_id"_s, m_world.warehouseLocation},
                                             {u"delta"_s, 25}, {u"reason"_s, u"received"_s},
                                             {u"reference"_s, u"PO-2024-0188"_s}, {u"note"_s, u"Carton 3 of 4"_s}});
    QVERIFY(applied(r));
    QCOMPARE(r.value(u"result").toObject().value(u"on_hand").toInteger(), 25);
    r = expectApplied(u"inventory.set"_s, {{u"variant_id"_s, variant}, {u"location_id"_s, m_world.warehouseLocation},
                                          {u"quantity"_s, 23}, {u"change_from"_s, 25}, {u"reference"_s, u"Count 2024-W14"_s}});
    QVERIFY(applied(r));
    QCOMPARE(r.value(u"result").toObject().value(u"on_hand").toInteger(), 23);
    r = expectApplied(u"inventory.transfer"_s, {{u"variant_id"_s, variant}, {u"from_location_id"_s, m_world.warehouseLocation},
                                               {u"to_location_id"_s, m_world.storeLocation}, {u"quantity"_s, 3},
                                               {u"reference"_s, u"TR-0043"_s}});
    QVERIFY(applied(r));
    QCOMPARE(r.value(u"result").toObject().value(u"from").toObject().value(u"on_hand").toInteger(), 20);
    QCOMPARE(r.value(u"result").toObject().value(u"to").toObject().value(u"on_hand").toInteger(), 3);
    QVERIFY(applied(expectApplied(u"customer.create"_s,
                                  {{u"customer"_s, QJsonObject{{u"id"_s, customer}, {u"first_name"_s, u"Mateo"_s},
                                                               {u"last_name"_s, u"García"_s},
                                                               {u"email"_s, u"mateo.garcia@example.es"_s}}}})));
    QVERIFY(applied(expectApplied(u"customer.patch"_s, {{u"id"_s, customer}, {u"base_version"_s, 1},
                                                        {u"fields"_s, QJsonObject{{u"sms_marketing"_s, u"subscribed"_s},
                                                                                  {u"phone"_s, u"+34 612 345 678"_s}}}})));
    // The addresses replaced as a whole list.
    QVERIFY(applied(expectApplied(
        u"customer.patch"_s,
        {{u"id"_s, customer},
         {u"base_version"_s, 2},
         {u"fields"_s, QJsonObject{{u"addresses"_s, QJsonArray{QJsonObject{{u"id"_s, newId()},
                                                                          {u"customer_id"_s, customer},
                                                                          {u"is_default"_s, true},
                                                                          {u"name"_s, u"Mateo Garc\u00eda"_s},
                                                                          {u"line1"_s, u"Calle Mayor 5"_s},
                                                                          {u"city"_s, u"Madrid"_s},
                                                                          {u"postal_code"_s, u"28013"_s},
                                                                          {u"country_code"_s, u"ES"_s}}}}}}})));
    // The pending order: paid by bank transfer is out of scope, so put it on hold and back.
    r = expectApplied(u"order.set_status"_s, {{u"order_id"_s, m_world.pendingOrder}, {u"status"_s, u"on_hold"_s},
                                             {u"reason"_s, u"Waiting for bank transfer"_s}});
    QVERIFY(applied(r));
    QCOMPARE(r.value(u"result").toObject().value(u"status").toString(), u"on_hold"_s);
    QVERIFY(applied(expectApplied(u"order.add_note"_s, {{u"order_id"_s, m_world.pendingOrder},
                                                        {u"message"_s, u"Reminder sent by e-mail."_s}})));
    // A second paid order to fulfil and refund in full.
    HttpResult order = m_world.post(kOrders, {}, {{u"lines"_s, QJsonArray{QJsonObject{{u"variant_id"_s, variant}, {u"quantity"_s, 2}}}},
                                                  {u"gateway"_s, u"stripe"_s}, {u"paid"_s, true},
                                                  {u"email"_s, u"mateo.garcia@example.es"_s}},
                                    m_world.apiStaffA, u"for fulfil/refund"_s);
    EXPECT_STATUS(order, 201);
    const QString orderId = order.json.value(u"id").toString();
    const QString lineId = order.json.value(u"lines").toArray().first().toObject().value(u"id").toString();
    r = expectApplied(u"order.fulfil"_s, {{u"order_id"_s, orderId},
                                         {u"lines"_s, QJsonArray{QJsonObject{{u"order_line_id"_s, lineId}, {u"quantity"_s, 2}}}},
                                         {u"carrier"_s, u"DPD"_s}, {u"tracking_number"_s, u"01234567890123"_s}});
    QVERIFY(applied(r));
    QCOMPARE(r.value(u"result").toObject().value(u"fulfillment_status").toString(), u"fulfilled"_s);
    r = expectApplied(u"order.refund"_s, {{u"order_id"_s, orderId}, {u"amount"_s, order.json.value(u"total").toInteger()},
                                         {u"lines"_s, QJsonArray{QJsonObject{{u"order_line_id"_s, lineId}, {u"quantity"_s, 2}}}},
                                         {u"restock"_s, true}, {u"reason"_s, u"Wrong colour"_s}});
    QVERIFY(applied(r));
    QCOMPARE(r.value(u"result").toObject().value(u"financial_status").toString(), u"refunded"_s);
    QVERIFY(applied(expectApplied(u"variant.delete"_s, {{u"id"_s, variant2}})));
    QVERIFY(applied(expectApplied(u"product.archive"_s, {{u"id"_s, product}})));
    r = expectApplied(u"product.delete"_s, {{u"id"_s, product}});
    QVERIFY(applied(r));
    QCOMPARE(r.value(u"result").toObject().value(u"id").toString(), product);
}

void tst_OpenApiContract::mutationsOutcomes()
{
    // duplicate, rejected, conflict and seq_reused, in one batch and its replay. First another
    // client changes the sweater's vendor, so that a patch based on version 1 conflicts with it
    // (a client's own earlier change never conflicts with its later patches).
    QString otherClient;
    QVERIFY(m_world.registerClient(m_world.shopA, m_world.ownerA.access, &otherClient));
    const HttpResult vendorPush = m_world.pushBatch(
        m_world.shopA, m_world.ownerA.access, otherClient,
        QJsonArray{ShopWorld::mutation(1, u"product.patch"_s,
                                       {{u"id"_s, m_world.sweaterProduct}, {u"base_version"_s, 1},
                                        {u"fields"_s, QJsonObject{{u"vendor"_s, u"Nordwolle GmbH"_s}}}})},
        u"product.patch"_s, false);
    EXPECT_STATUS(vendorPush, 200);
    QCOMPARE(vendorPush.json.value(u"results").toArray().first().toObject().value(u"status").toString(), u"applied"_s);
    const QString variant = m_world.sweaterVariants.at(0);
    const qint64 b = m_world.ownerSeqA;
    const QJsonObject adjust = ShopWorld::mutation(b + 1, u"inventory.adjust"_s,
                                                   {{u"variant_id"_s, variant}, {u"location_id"_s, m_world.warehouseLocation},
                                                    {u"delta"_s, -1}, {u"reason"_s, u"damaged"_s},
                                                    {u"note"_s, u"Moth damage"_s}});
    const QJsonArray batch{
        adjust,
        // A delta sent as text: rejected, naming the field.
        ShopWorld::mutation(b + 2, u"inventory.adjust"_s,
                            {{u"variant_id"_s, variant}, {u"location_id"_s, m_world.warehouseLocation},
                             {u"delta"_s, u"-1"_s}, {u"reason"_s, u"damaged"_s}}),
        // A count against a stale quantity: conflict inventory_stale.
        ShopWorld::mutation(b + 3, u"inventory.set"_s,
                            {{u"variant_id"_s, variant}, {u"location_id"_s, m_world.warehouseLocation},
                             {u"quantity"_s, 30}, {u"change_from"_s, 1000}}),
        ShopWorld::mutation(b + 4, u"product.patch"_s,
                            {{u"id"_s, m_world.sweaterProduct}, {u"base_version"_s, 1},
                             {u"fields"_s, QJsonObject{{u"vendor"_s, u"Someone"_s}}}}),
    };
    HttpResult r = m_world.pushBatch(m_world.shopA, m_world.ownerA.access, m_world.ownerClientA, batch, u"mixed outcomes"_s,
                                     true);
    EXPECT_STATUS(r, 200);
    const QJsonArray results = r.json.value(u"results").toArray();
    QCOMPARE(results.size(), 4);
    QCOMPARE(results.at(0).toObject().value(u"status").toString(), u"applied"_s);
    QCOMPARE(results.at(1).toObject().value(u"status").toString(), u"rejected"_s);
    QCOMPARE(results.at(1).toObject().value(u"field").toString(), u"delta"_s);
    QCOMPARE(results.at(2).toObject().value(u"status").toString(), u"conflict"_s);
    QCOMPARE(results.at(2).toObject().value(u"code").toString(), u"inventory_stale"_s);
    QCOMPARE(results.at(3).toObject().value(u"status").toString(), u"conflict"_s);
    QCOMPARE(results.at(3).toObject().value(u"code").toString(), u"conflict.field"_s);
    QCOMPARE(results.at(3).toObject().value(u"details").toObject().value(u"server_value").toString(), u"Nordwolle GmbH"_s);
    QCOMPARE(r.json.value(u"last_applied_seq").toInteger(), b + 4);
    m_world.ownerSeqA = b + 4;

    // The same batch again: all duplicates carrying the original results.
    HttpResult replay = m_world.pushBatch(m_world.shopA, m_world.ownerA.access, m_world.ownerClientA, batch, u"replay"_s, true);
    EXPECT_STATUS(replay, 200);
    const QJsonArray again = replay.json.value(u"results").toArray();
    QCOMPARE(again.size(), 4);
    for (qsizetype i = 0; i < 4; ++i) {
        QCOMPARE(again.at(i).toObject().value(u"status").toString(), u"duplicate"_s);
        QCOMPARE(again.at(i).toObject().value(u"original").toObject(), results.at(i).toObject());
    }
    // A used seq with another mutation id.
    QJsonObject reused = adjust;
    reused.insert(u"seq", b + 1);
    reused.insert(u"mutation_id", newId());
    HttpResult clash = m_world.pushBatch(m_world.shopA, m_world.ownerA.access, m_world.ownerClientA, {reused}, u"seq reused"_s);
    EXPECT_STATUS(clash, 200);
    QCOMPARE(clash.json.value(u"results").toArray().first().toObject().value(u"code").toString(), u"seq_reused"_s);

    // A mutation the role may not perform: rejected forbidden.role, and the seq advances.
    QString warehouseClient;
    QVERIFY(m_world.registerClient(m_world.shopA, m_world.warehouseA.access, &warehouseClient));
    HttpResult forbidden = m_world.pushBatch(
        m_world.shopA, m_world.warehouseA.access, warehouseClient,
        {ShopWorld::mutation(1, u"customer.patch"_s, {{u"id"_s, m_world.customerA}, {u"base_version"_s, 1},
                                                      {u"fields"_s, QJsonObject{{u"note"_s, u"hi"_s}}}})},
        u"forbidden mutation"_s);
    EXPECT_STATUS(forbidden, 200);
    QCOMPARE(forbidden.json.value(u"results").toArray().first().toObject().value(u"code").toString(), u"forbidden.role"_s);
    QCOMPARE(forbidden.json.value(u"last_applied_seq").toInteger(), 1);
}

void tst_OpenApiContract::mutationsErrors()
{
    const QString client = m_world.ownerClientA;
    const QString owner = m_world.ownerA.access;
    auto adjust = [&](qint64 seq) {
        return ShopWorld::mutation(seq, u"inventory.adjust"_s,
                                   {{u"variant_id"_s, m_world.toteVariant}, {u"location_id"_s, m_world.warehouseLocation},
                                    {u"delta"_s, 1}, {u"reason"_s, u"returned"_s}});
    };
    HttpResult gap = m_world.pushBatch(m_world.shopA, owner, client, {adjust(m_world.ownerSeqA + 5)}, u"gap"_s);
    EXPECT_ERROR(gap, 409, u"out_of_order"_s);
    QCOMPARE(gap.json.value(u"error").toObject().value(u"expected_seq").toInteger(), m_world.ownerSeqA + 1);
    EXPECT_ERROR(m_world.pushBatch(m_world.shopA, owner, newId(), {adjust(1)}, u"unregistered client"_s), 404,
                 u"not_found.client"_s);
    EXPECT_ERROR(m_world.post(kMutations, {}, {{u"mutations"_s, QJsonArray{adjust(m_world.ownerSeqA + 1)}}}, owner,
                              u"no client_id"_s),
                 400, u"validation.missing_field"_s);
    EXPECT_ERROR(m_world.call("POST", kMutations, {}, "{\"client_id\":", owner, {}, u"malformed"_s), 400, u"malformed_json"_s);
    QJsonArray tooMany;
    for (int i = 1; i <= 101; ++i)
        tooMany.append(adjust(m_world.ownerSeqA + i));
    EXPECT_ERROR(m_world.pushBatch(m_world.shopA, owner, client, tooMany, u"101 mutations"_s), 413, u"payload_too_large"_s);
    EXPECT_ERROR(m_world.call("POST", kMutations, {}, oversizedBody(), owner, {}, u"oversized"_s), 413, u"payload_too_large"_s);
    EXPECT_STATUS(m_world.pushBatch(m_world.shopA, {}, client, {adjust(1)}, u"no token"_s), 401);
    EXPECT_ERROR(m_world.pushBatch(m_world.shopB, owner, client, {adjust(1)}, u"other shop"_s), 404, u"not_found.shop"_s);
    EXPECT_ERROR(m_world.pushBatch(m_world.shopA, m_world.staffA.access, client, {adjust(m_world.ownerSeqA + 1)},
                                   u"someone else's client"_s),
                 409, u"conflict.client_owned"_s);
}

void tst_OpenApiContract::changes()
{
    // The owner's full feed, in small pages, with the client's last_applied_seq.
    QString cursor;
    QJsonArray all;
    qint64 lastApplied = -1;
    for (int page = 0; page < 200; ++page) {
        HttpResult r = m_world.get(kChanges, {}, m_world.ownerA.access,
                                   u"cursor=%1&limit=7&client_id=%2"_s.arg(cursor, m_world.ownerClientA), u"owner pull"_s);
        EXPECT_STATUS(r, 200);
        for (const QJsonValue &v : r.json.value(u"changes").toArray())
            all.append(v);
        lastApplied = r.json.value(u"last_applied_seq").toInteger();
        cursor = r.json.value(u"next_cursor").toString();
        if (!r.json.value(u"has_more").toBool())
            break;
    }
    QCOMPARE(lastApplied, m_world.ownerSeqA);
    QSet<QString> types;
    bool sawDelete = false;
    for (const QJsonValue &v : all) {
        types.insert(v.toObject().value(u"type").toString());
        sawDelete = sawDelete || v.toObject().value(u"op").toString() == u"delete";
    }
    for (const QString &type : {u"shop_settings"_s, u"location"_s, u"product"_s, u"variant"_s, u"inventory_level"_s,
                                u"ledger_entry"_s, u"customer"_s, u"order"_s})
        QVERIFY2(types.contains(type), qPrintable(type));
    QVERIFY(sawDelete);
    // Caught up: the final cursor gives an empty page.
    HttpResult empty = m_world.get(kChanges, {}, m_world.ownerA.access, u"cursor="_s + cursor, u"caught up"_s);
    EXPECT_STATUS(empty, 200);
    QVERIFY(empty.json.value(u"changes").toArray().isEmpty());
    QCOMPARE(empty.json.value(u"has_more").toBool(), false);

    // Warehouse: no customers, orders redacted.
    const QJsonArray warehouse = m_world.pullAll(m_world.shopA, m_world.warehouseA.access, nullptr, 1000, u"warehouse pull"_s);
    bool sawOrder = false;
    for (const QJsonValue &v : warehouse) {
        const QJsonObject change = v.toObject();
        QVERIFY(change.value(u"type").toString() != u"customer");
        if (change.value(u"type").toString() == u"order" && change.value(u"op").toString() == u"upsert") {
            sawOrder = true;
            QVERIFY(!change.value(u"data").toObject().contains(u"total"));
        }
    }
    QVERIFY(sawOrder);

    EXPECT_ERROR(m_world.get(kChanges, {}, m_world.ownerA.access, u"cursor=not-a-cursor"_s, u"garbled cursor"_s), 400,
                 u"validation.invalid_cursor"_s);
    EXPECT_ERROR(m_world.get(kChanges, {}, m_world.ownerA.access, u"limit=0"_s, u"limit 0"_s), 400, u"validation.invalid_field"_s);
    EXPECT_ERROR(m_world.get(kChanges, {}, m_world.ownerA.access, u"limit=5001"_s, u"limit 5001"_s), 400,
                 u"validation.invalid_field"_s);
    EXPECT_STATUS(m_world.get(kChanges, {}, {}, {}, u"no token"_s), 401);
    EXPECT_ERROR(m_world.get(kChanges, {{u"shop_id"_s, m_world.shopB}}, m_world.ownerA.access, {}, u"other shop"_s), 404,
                 u"not_found.shop"_s);
}

void tst_OpenApiContract::changesExpiredCursor()
{
    // A tombstone purged past a cursor makes that cursor expire (410).
    HttpResult start = m_world.get(kChanges, {}, m_world.ownerA.access, u"limit=1"_s, u"early cursor"_s);
    EXPECT_STATUS(start, 200);
    const QString early = start.json.value(u"next_cursor").toString();
    const QString doomed = newId();
    QCOMPARE(applyOne(u"location.create"_s, {{u"location"_s, QJsonObject{{u"id"_s, doomed}, {u"name"_s, u"Closed kiosk"_s}}}})
                 .value(u"status").toString(),
             u"applied"_s);
    const QString product = newId();
    QCOMPARE(applyOne(u"product.create"_s, {{u"product"_s, QJsonObject{{u"id"_s, product}, {u"title"_s, u"Discontinued scarf"_s},
                                                                      {u"handle"_s, u"discontinued-scarf"_s},
                                                                      {u"status"_s, u"draft"_s}}}})
                 .value(u"status").toString(),
             u"applied"_s);
    QCOMPARE(applyOne(u"product.delete"_s, {{u"id"_s, product}}).value(u"status").toString(), u"applied"_s);
    const auto [code, out] = m_world.server.admin({u"purge-tombstones"_s, u"--shop"_s, m_world.shopA,
                                                    u"--older-than-days"_s, u"0"_s});
    QVERIFY2(code == 0, out.constData());
    HttpResult expired = m_world.get(kChanges, {}, m_world.ownerA.access, u"cursor="_s + early, u"expired cursor"_s);
    EXPECT_ERROR(expired, 410, u"cursor_expired"_s);
    // Starting over still works.
    EXPECT_STATUS(m_world.get(kChanges, {}, m_world.ownerA.access, u"limit=2"_s, u"restart"_s), 200);
}

void tst_OpenApiContract::reads()
{
    struct List
    {
        QString path;
        QString query;
        QString caller;
    };
    const QString warehouse = m_world.warehouseA.access;
    const QString owner = m_world.ownerA.access;
    const QList<std::pair<QString, QString>> lists{
        {u"/v1/shops/{shop_id}/products"_s, owner},
        {u"/v1/shops/{shop_id}/variants"_s, warehouse},
        {u"/v1/shops/{shop_id}/locations"_s, warehouse},
        {u"/v1/shops/{shop_id}/inventory-levels"_s, warehouse},
        {u"/v1/shops/{shop_id}/ledger"_s, warehouse},
        {u"/v1/shops/{shop_id}/customers"_s, m_world.staffA.access},
        {u"/v1/shops/{shop_id}/orders"_s, owner},
        {u"/v1/shops/{shop_id}/orders"_s, warehouse},
    };
    for (const auto &[path, bearer] : lists) {
        // Page through with limit=2: every item once, next_cursor chaining the pages.
        QString cursor;
        QSet<QString> seen;
        int items = 0;
        for (int page = 0; page < 100; ++page) {
            HttpResult r = m_world.get(path, {}, bearer,
                                       cursor.isEmpty() ? u"limit=2"_s : u"limit=2&cursor="_s + cursor, u"paging"_s);
            EXPECT_STATUS(r, 200);
            for (const QJsonValue &v : r.json.value(u"items").toArray()) {
                const QJsonObject item = v.toObject();
                const QString id = item.contains(u"id") ? item.value(u"id").toString()
                                                        : item.value(u"variant_id").toString() + u':'
                                                              + item.value(u"location_id").toString();
                QVERIFY2(!seen.contains(id), qPrintable(path + u" repeats "_s + id));
                seen.insert(id);
                ++items;
            }
            if (!r.json.value(u"has_more").toBool())
                break;
            cursor = r.json.value(u"next_cursor").toString();
            QVERIFY(!cursor.isEmpty());
        }
        QVERIFY2(items > 0, qPrintable(path));
    }
    // Filters and updated_after.
    HttpResult levels = m_world.get(u"/v1/shops/{shop_id}/inventory-levels"_s, {}, owner,
                                    u"variant_id=%1&location_id=%2"_s.arg(m_world.sweaterVariants.at(1), m_world.storeLocation),
                                    u"filtered"_s);
    EXPECT_STATUS(levels, 200);
    QCOMPARE(levels.json.value(u"items").toArray().size(), 1);
    QCOMPARE(levels.json.value(u"items").toArray().first().toObject().value(u"on_hand").toInteger(), 6);
    HttpResult ledger = m_world.get(u"/v1/shops/{shop_id}/ledger"_s, {}, owner,
                                    u"variant_id=%1"_s.arg(m_world.sweaterVariants.at(1)), u"filtered"_s);
    EXPECT_STATUS(ledger, 200);
    QVERIFY(ledger.json.value(u"items").toArray().size() >= 3); // received, transfer out, transfer in
    HttpResult future = m_world.get(u"/v1/shops/{shop_id}/products"_s, {}, owner, u"updated_after=4102444800000"_s,
                                    u"updated_after"_s);
    EXPECT_STATUS(future, 200);
    QVERIFY(future.json.value(u"items").toArray().isEmpty());

    // Single records.
    const QList<std::tuple<QString, QString, QString>> items{
        {u"/v1/shops/{shop_id}/products/{id}"_s, m_world.sweaterProduct, warehouse},
        {u"/v1/shops/{shop_id}/variants/{id}"_s, m_world.toteVariant, warehouse},
        {u"/v1/shops/{shop_id}/customers/{id}"_s, m_world.customerA, owner},
        {u"/v1/shops/{shop_id}/orders/{id}"_s, m_world.paidOrder, owner},
        {u"/v1/shops/{shop_id}/orders/{id}"_s, m_world.paidOrder, warehouse},
    };
    for (const auto &[path, id, bearer] : items) {
        HttpResult r = m_world.get(path, {{u"id"_s, id}}, bearer);
        EXPECT_STATUS(r, 200);
        QCOMPARE(r.json.value(u"id").toString(), id);
    }
    HttpResult order = m_world.get(u"/v1/shops/{shop_id}/orders/{id}"_s, {{u"id"_s, m_world.paidOrder}}, owner, {}, u"order"_s);
    QCOMPARE(order.json.value(u"fulfillments").toArray().size(), 1);
    QCOMPARE(order.json.value(u"refunds").toArray().size(), 1);
    QCOMPARE(order.json.value(u"total").toInteger(), 2 * 8900 + 4500 + 495);
    QCOMPARE(order.json.value(u"refunded_total").toInteger(), 4500);
}

void tst_OpenApiContract::readErrors()
{
    const QString owner = m_world.ownerA.access;
    const QStringList lists{u"/v1/shops/{shop_id}/products"_s, u"/v1/shops/{shop_id}/variants"_s,
                            u"/v1/shops/{shop_id}/locations"_s, u"/v1/shops/{shop_id}/inventory-levels"_s,
                            u"/v1/shops/{shop_id}/ledger"_s, u"/v1/shops/{shop_id}/customers"_s,
                            u"/v1/shops/{shop_id}/orders"_s};
    for (const QString &path : lists) {
        EXPECT_ERROR(m_world.get(path, {}, owner, u"cursor=bogus"_s, u"garbled cursor"_s), 400, u"validation.invalid_cursor"_s);
        EXPECT_ERROR(m_world.get(path, {}, owner, u"limit=1001"_s, u"limit too big"_s), 400, u"validation.invalid_field"_s);
        EXPECT_ERROR(m_world.get(path, {}, owner, u"updated_after=yesterday"_s, u"updated_after text"_s), 400,
                     u"validation.invalid_field"_s);
        EXPECT_STATUS(m_world.get(path, {}, {}, {}, u"no token"_s), 401);
        EXPECT_ERROR(m_world.get(path, {{u"shop_id"_s, m_world.shopB}}, owner, {}, u"other shop"_s), 404, u"not_found.shop"_s);
    }
    EXPECT_ERROR(m_world.get(u"/v1/shops/{shop_id}/ledger"_s, {}, owner, u"variant_id=MER-CRW-NAVY-S"_s, u"variant not uuid"_s),
                 400, u"validation.invalid_field"_s);
    EXPECT_ERROR(m_world.get(u"/v1/shops/{shop_id}/customers"_s, {}, m_world.warehouseA.access, {}, u"warehouse"_s), 403,
                 u"forbidden.role"_s);

    const QList<std::pair<QString, QString>> items{
        {u"/v1/shops/{shop_id}/products/{id}"_s, m_world.productB},
        {u"/v1/shops/{shop_id}/variants/{id}"_s, m_world.variantB},
        {u"/v1/shops/{shop_id}/customers/{id}"_s, m_world.customerB},
        {u"/v1/shops/{shop_id}/orders/{id}"_s, m_world.orderB},
    };
    for (const auto &[path, otherShopsId] : items) {
        // Another shop's record through this shop: not found, like any unknown id.
        HttpResult leak = m_world.get(path, {{u"id"_s, otherShopsId}}, owner, {}, u"other shop's id"_s);
        EXPECT_STATUS(leak, 404);
        QVERIFY(leak.errorCode().startsWith(u"not_found."_s));
        EXPECT_STATUS(m_world.get(path, {{u"id"_s, newId()}}, owner, {}, u"unknown id"_s), 404);
        EXPECT_STATUS(m_world.get(path, {{u"id"_s, u"42"_s}}, owner, {}, u"not a uuid"_s), 404);
        EXPECT_STATUS(m_world.get(path, {{u"id"_s, otherShopsId}}, {}, {}, u"no token"_s), 401);
        EXPECT_ERROR(m_world.get(path, {{u"shop_id"_s, m_world.shopB}, {u"id"_s, otherShopsId}}, owner, {}, u"other shop"_s), 404,
                     u"not_found.shop"_s);
    }
    EXPECT_ERROR(m_world.get(u"/v1/shops/{shop_id}/customers/{id}"_s, {{u"id"_s, m_world.customerA}}, m_world.warehouseA.access,
                             {}, u"warehouse"_s),
                 403, u"forbidden.role"_s);
}

void tst_OpenApiContract::storefront()
{
    HttpResult before = m_world.get(u"/v1/shops/{shop_id}/inventory-levels"_s, {}, m_world.ownerA.access,
                                    u"variant_id=%1&location_id=%2"_s.arg(m_world.sweaterVariants.at(0), m_world.warehouseLocation),
                                    u"before checkout"_s);
    const qint64 committedBefore = before.json.value(u"items").toArray().first().toObject().value(u"committed").toInteger();
    HttpResult placed = m_world.post(kOrders, {},
                                     {{u"lines"_s, QJsonArray{QJsonObject{{u"sku"_s, u"MER-CRW-NAVY-S"_s}, {u"quantity"_s, 3}}}},
                                      {u"customer_name"_s, u"Hannah Schmidt"_s},
                                      {u"email"_s, u"hannah.schmidt@example.at"_s},
                                      {u"shipping_address"_s, QJsonObject{{u"name"_s, u"Hannah Schmidt"_s},
                                                                          {u"line1"_s, u"Mariahilfer Str. 88"_s},
                                                                          {u"city"_s, u"Wien"_s},
                                                                          {u"postal_code"_s, u"1070"_s},
                                                                          {u"country_code"_s, u"AT"_s}}},
                                      {u"shipping_total"_s, 990},
                                      {u"gateway"_s, u"klarna"_s},
                                      {u"paid"_s, true},
                                      {u"channel"_s, u"web"_s},
                                      {u"location_id"_s, m_world.warehouseLocation}},
                                     m_world.apiStaffA);
    EXPECT_STATUS(placed, 201);
    QCOMPARE(placed.json.value(u"currency").toString(), u"EUR"_s);
    QCOMPARE(placed.json.value(u"total").toInteger(), 3 * 8900 + 990);
    QCOMPARE(placed.json.value(u"status").toString(), u"processing"_s);
    QCOMPARE(placed.json.value(u"financial_status").toString(), u"paid"_s);
    HttpResult after = m_world.get(u"/v1/shops/{shop_id}/inventory-levels"_s, {}, m_world.ownerA.access,
                                   u"variant_id=%1&location_id=%2"_s.arg(m_world.sweaterVariants.at(0), m_world.warehouseLocation),
                                   u"after checkout"_s);
    QCOMPARE(after.json.value(u"items").toArray().first().toObject().value(u"committed").toInteger(), committedBefore + 3);

    HttpResult empty = m_world.post(kOrders, {}, {{u"lines"_s, QJsonArray{}}, {u"gateway"_s, u"stripe"_s}, {u"paid"_s, true}},
                                    m_world.apiStaffA, u"no lines"_s);
    EXPECT_STATUS(empty, 400);
    QCOMPARE(empty.json.value(u"error").toObject().value(u"field").toString(), u"lines"_s);
    HttpResult unknown = m_world.post(kOrders, {}, {{u"lines"_s, QJsonArray{QJsonObject{{u"sku"_s, u"NOPE-1"_s}, {u"quantity"_s, 1}}}},
                                                    {u"gateway"_s, u"stripe"_s}, {u"paid"_s, true}},
                                      m_world.apiStaffA, u"unknown sku"_s);
    EXPECT_ERROR(unknown, 400, u"validation.invalid_field"_s);
    QCOMPARE(unknown.json.value(u"error").toObject().value(u"field").toString(), u"lines[0].sku"_s);
    EXPECT_ERROR(m_world.call("POST", kOrders, {}, "{\"lines\":[}", m_world.apiStaffA, {}, u"malformed"_s), 400,
                 u"malformed_json"_s);
    EXPECT_ERROR(m_world.post(kOrders, {}, {{u"lines"_s, QJsonArray{QJsonObject{{u"sku"_s, u"TOTE-WAX-OLIVE"_s}, {u"quantity"_s, 1}}}},
                                            {u"gateway"_s, u"stripe"_s}, {u"paid"_s, true}},
                              m_world.apiWarehouseA, u"warehouse"_s),
                 403, u"forbidden.role"_s);
    EXPECT_STATUS(m_world.post(kOrders, {}, {{u"lines"_s, QJsonArray{QJsonObject{{u"sku"_s, u"TOTE-WAX-OLIVE"_s}, {u"quantity"_s, 1}}}},
                                             {u"gateway"_s, u"stripe"_s}, {u"paid"_s, true}},
                               {}, u"no token"_s),
                  401);
    EXPECT_ERROR(m_world.post(kOrders, {{u"shop_id"_s, m_world.shopB}},
                              {{u"lines"_s, QJsonArray{QJsonObject{{u"sku"_s, u"HAM-16-CLAW"_s}, {u"quantity"_s, 1}}}},
                               {u"gateway"_s, u"stripe"_s}, {u"paid"_s, true}},
                              m_world.apiStaffA, u"other shop"_s),
                 404, u"not_found.shop"_s);
    // Shop B refuses to oversell.
    HttpResult oversell = m_world.post(kOrders, {{u"shop_id"_s, m_world.shopB}},
                                       {{u"lines"_s, QJsonArray{QJsonObject{{u"sku"_s, u"HAM-16-CLAW"_s}, {u"quantity"_s, 500}}}},
                                        {u"gateway"_s, u"stripe"_s}, {u"paid"_s, true}},
                                       m_world.apiStaffB, u"oversell"_s);
    EXPECT_ERROR(oversell, 409, u"conflict.oversell"_s);
    QCOMPARE(oversell.json.value(u"error").toObject().value(u"sku").toString(), u"HAM-16-CLAW"_s);
    QCOMPARE(oversell.json.value(u"error").toObject().value(u"available").toInteger(), 11);
    EXPECT_ERROR(m_world.call("POST", kOrders, {}, oversizedBody(), m_world.apiStaffA, {}, u"oversized"_s), 413,
                 u"payload_too_large"_s);
}

void tst_OpenApiContract::unrouted()
{
    HttpResult nowhere = m_world.get(u"/v1/warehouse-robots"_s, {}, m_world.ownerA.access, {}, u"unknown path"_s);
    EXPECT_STATUS(nowhere, 404);
    QVERIFY(nowhere.errorCode().startsWith(u"not_found"_s));
    HttpResult wrongMethod = m_world.call("DELETE", u"/v1/shops/{shop_id}/products"_s, {}, {}, m_world.ownerA.access, {},
                                          u"wrong method"_s);
    EXPECT_STATUS(wrongMethod, 405);
    QVERIFY(wrongMethod.header("Allow").contains("GET"));
}

void tst_OpenApiContract::everyRouteExercised()
{
    const QList<ServedRoute> routes = servedRoutes();
    QVERIFY2(!routes.isEmpty(), "`storekeep-server routes` printed nothing");
    QStringList never;
    for (const ServedRoute &route : routes) {
        const auto statuses = m_exercised.value(route.key());
        bool success = false;
        for (int status : statuses)
            success = success || (status >= 200 && status < 300);
        if (!success)
            never.append(QString::fromLatin1(route.method) + u' ' + route.pattern);
    }
    QVERIFY2(never.isEmpty(), qPrintable(u"routes never exercised successfully: "_s + never.join(u", "_s)));
    QStringList summary;
    for (auto it = m_exercised.cbegin(); it != m_exercised.cend(); ++it) {
        QList<int> statuses = it.value().values();
        std::sort(statuses.begin(), statuses.end());
        QStringList text;
        for (int s : statuses)
            text.append(QString::number(s));
        summary.append(it.key() + u": "_s + text.join(u',') );
    }
    qInfo().noquote() << "exercised:\n " << summary.join(u"\n  "_s);
}

QTEST_GUILESS_MAIN(tst_OpenApiContract)
#include "tst_openapicontract.moc"
