// Malformed and oversized input on every POST route of storekeep-server, over real TCP: bodies
// that are not JSON objects get 400 malformed_json; wrong types, negative money, unknown enum
// values, non-UUID ids, over-long strings and bad formats get 400 naming the field; a body of
// 1 MiB + 1 byte and a batch of 101 mutations get 413 (exactly 1 MiB and 100 mutations pass);
// invalid mutation arguments are `rejected` with the argument's path. After every refused
// request the shops are exactly as before: no change in either change feed, the same members,
// API tokens and sync seq, and no order number used up.

#include "shopworld.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

using namespace sk;
using namespace sk::test;
using namespace Qt::StringLiterals;

namespace {

constexpr qsizetype kMaxBody = 1024 * 1024;

// A JSON object of exactly `size` bytes: `fields` plus a padding string.
QByteArray paddedObject(const QJsonObject &fields, qsizetype size)
{
    QJsonObject object = fields;
    object.insert(u"padding", QString());
    const QByteArray empty = compact(object);
    object.insert(u"padding", QString(size - empty.size(), u'x'));
    const QByteArray body = compact(object);
    Q_ASSERT(body.size() == size);
    return body;
}

QString repeated(QChar c, int n)
{
    return QString(n, c);
}

} // namespace

class tst_ServerInput : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void malformedJson_data();
    void malformedJson();
    void invalidFields_data();
    void invalidFields();
    void oversizedBodies_data();
    void oversizedBodies();
    void bodyAtTheLimitPasses();
    void batchOf101Refused();
    void invalidMutationArgumentsRejected_data();
    void invalidMutationArgumentsRejected();
    void checkoutNeverHalfApplied();
    void unknownCurrencyRefusedByAdmin();
    void refreshTokensSurvivedBadRequests();

private:
    struct State
    {
        QString cursorA;
        QString cursorB;
        QByteArray membersA;
        QByteArray tokensA;
        qint64 ownerSeq = -1;
    };
    State state();
    void verifyUnchanged(const State &before);
    // The route's body as ShopWorld::call needs it, sent as the caller that may use the route.
    HttpResult send(const QString &pattern, const QByteArray &body);

    ShopWorld m_world;
};

void tst_ServerInput::initTestCase()
{
    QVERIFY2(m_world.build(), qPrintable(m_world.error));
}

tst_ServerInput::State tst_ServerInput::state()
{
    State s;
    m_world.pullAll(m_world.shopA, m_world.ownerA.access, &s.cursorA, 5000);
    m_world.pullAll(m_world.shopB, m_world.ownerB.access, &s.cursorB, 5000);
    s.membersA = m_world.get(u"/v1/shops/{shop_id}/members"_s, {}, m_world.ownerA.access).body;
    s.tokensA = m_world.get(u"/v1/shops/{shop_id}/api-tokens"_s, {}, m_world.ownerA.access).body;
    const HttpResult r = m_world.get(u"/v1/shops/{shop_id}/sync/changes"_s, {}, m_world.ownerA.access,
                                     u"limit=1&cursor=%1&client_id=%2"_s.arg(s.cursorA, m_world.ownerClientA));
    s.ownerSeq = r.json.value(u"last_applied_seq").toInteger(-1);
    return s;
}

void tst_ServerInput::verifyUnchanged(const State &before)
{
    for (const auto &[shop, bearer, cursor] : {std::tuple{m_world.shopA, m_world.ownerA.access, before.cursorA},
                                               std::tuple{m_world.shopB, m_world.ownerB.access, before.cursorB}}) {
        const HttpResult r = m_world.get(u"/v1/shops/{shop_id}/sync/changes"_s, {{u"shop_id"_s, shop}}, bearer,
                                         u"cursor="_s + cursor);
        QCOMPARE(r.status, 200);
        QVERIFY2(r.json.value(u"changes").toArray().isEmpty(),
                 qPrintable(u"a refused request changed shop data: "_s + QString::fromUtf8(r.body.left(600))));
    }
    const State after = state();
    QCOMPARE(after.membersA, before.membersA);
    QCOMPARE(after.tokensA, before.tokensA);
    QCOMPARE(after.ownerSeq, before.ownerSeq);
}

HttpResult tst_ServerInput::send(const QString &pattern, const QByteArray &body)
{
    QString bearer;
    if (pattern.contains(u"/orders"))
        bearer = m_world.apiStaffA;
    else if (pattern.startsWith(u"/v1/shops"))
        bearer = m_world.ownerA.access;
    return m_world.call("POST", pattern, {}, body, bearer);
}

static const QStringList kPostRoutes{
    u"/v1/auth/login"_s,
    u"/v1/auth/refresh"_s,
    u"/v1/auth/logout"_s,
    u"/v1/shops/{shop_id}/members"_s,
    u"/v1/shops/{shop_id}/api-tokens"_s,
    u"/v1/shops/{shop_id}/sync/clients"_s,
    u"/v1/shops/{shop_id}/sync/mutations"_s,
    u"/v1/shops/{shop_id}/orders"_s,
};

void tst_ServerInput::malformedJson_data()
{
    QTest::addColumn<QString>("route");
    QTest::addColumn<QByteArray>("body");
    const QList<std::pair<const char *, QByteArray>> bodies{
        {"truncated", R"({"email": "marta@example.com", )"},
        {"array", R"([{"client_id": "x"}])"},
        {"number", "42"},
        {"string", R"("hello")"},
        {"empty", ""},
        {"trailing garbage", R"({"a": 1} {"b": 2})"},
        {"single quotes", R"({'refresh_token': 'x'})"},
        {"invalid utf-8", QByteArray("{\"name\": \"caf\xC3\x28\"}")},
        {"unquoted key", R"({lines: []})"},
    };
    for (const QString &route : kPostRoutes) {
        for (const auto &[name, body] : bodies)
            QTest::addRow("%s %s", qPrintable(route), name) << route << body;
    }
}

void tst_ServerInput::malformedJson()
{
    QFETCH(QString, route);
    QFETCH(QByteArray, body);
    const State before = state();
    const HttpResult r = send(route, body);
    QCOMPARE(r.status, 400);
    QCOMPARE(r.errorCode(), u"malformed_json"_s);
    QVERIFY(!r.json.value(u"error").toObject().value(u"message").toString().isEmpty());
    verifyUnchanged(before);
}

void tst_ServerInput::invalidFields_data()
{
    QTest::addColumn<QString>("route");
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<QString>("field");

    const QString login = u"/v1/auth/login"_s;
    const QString refresh = u"/v1/auth/refresh"_s;
    const QString logout = u"/v1/auth/logout"_s;
    const QString members = u"/v1/shops/{shop_id}/members"_s;
    const QString tokens = u"/v1/shops/{shop_id}/api-tokens"_s;
    const QString clients = u"/v1/shops/{shop_id}/sync/clients"_s;
    const QString mutations = u"/v1/shops/{shop_id}/sync/mutations"_s;
    const QString orders = u"/v1/shops/{shop_id}/orders"_s;
    const QString client = m_world.ownerClientA;
    const auto adjust = [this](qint64 seq) {
        return ShopWorld::mutation(seq, u"inventory.adjust"_s,
                                   {{u"variant_id"_s, m_world.toteVariant}, {u"location_id"_s, m_world.warehouseLocation},
                                    {u"delta"_s, 5}, {u"reason"_s, u"received"_s}});
    };
    const qint64 next = m_world.ownerSeqA + 1;
    const QJsonArray oneLine{QJsonObject{{u"variant_id"_s, m_world.toteVariant}, {u"quantity"_s, 1}}};
    const QJsonObject checkout{{u"lines"_s, oneLine}, {u"gateway"_s, u"stripe"_s}, {u"paid"_s, true}};
    const auto with = [](QJsonObject o, const QString &key, const QJsonValue &value) {
        o.insert(key, value);
        return o;
    };
    const auto line = [](const QJsonObject &l) { return QJsonArray{l}; };

    QTest::newRow("login email wrong type") << login << QJsonObject{{u"email"_s, 42}, {u"password"_s, u"x"_s}} << u"email"_s;
    QTest::newRow("login password array") << login << QJsonObject{{u"email"_s, m_world.staffA.email}, {u"password"_s, QJsonArray{u"x"_s}}}
                                          << u"password"_s;
    QTest::newRow("login email missing") << login << QJsonObject{{u"password"_s, u"x"_s}} << u"email"_s;
    QTest::newRow("refresh token number") << refresh << QJsonObject{{u"refresh_token"_s, 12345}} << u"refresh_token"_s;
    QTest::newRow("logout token null") << logout << QJsonObject{{u"refresh_token"_s, QJsonValue()}} << u"refresh_token"_s;
    QTest::newRow("member email malformed") << members << QJsonObject{{u"email"_s, u"jonas at example"_s}, {u"role"_s, u"staff"_s}}
                                            << u"email"_s;
    QTest::newRow("member role unknown") << members << QJsonObject{{u"email"_s, m_world.ownerB.email}, {u"role"_s, u"Owner"_s}}
                                         << u"role"_s;
    QTest::newRow("member role number") << members << QJsonObject{{u"email"_s, m_world.ownerB.email}, {u"role"_s, 1}} << u"role"_s;
    QTest::newRow("token name too long") << tokens << QJsonObject{{u"name"_s, repeated(u'n', 256)}, {u"role"_s, u"staff"_s}}
                                         << u"name"_s;
    QTest::newRow("token name control char") << tokens << QJsonObject{{u"name"_s, u"POS\u0007terminal"_s}, {u"role"_s, u"staff"_s}}
                                             << u"name"_s;
    QTest::newRow("token role unknown") << tokens << QJsonObject{{u"name"_s, u"Scanner"_s}, {u"role"_s, u"superuser"_s}} << u"role"_s;
    QTest::newRow("client id upper case") << clients << QJsonObject{{u"client_id"_s, u"0190A4C2-7B1E-7C3D-8E4F-5A6B7C8D9E0F"_s}}
                                          << u"client_id"_s;
    QTest::newRow("client id nil") << clients << QJsonObject{{u"client_id"_s, u"00000000-0000-0000-0000-000000000000"_s}}
                                   << u"client_id"_s;
    QTest::newRow("client id number") << clients << QJsonObject{{u"client_id"_s, 7}} << u"client_id"_s;
    QTest::newRow("mutations not array") << mutations << QJsonObject{{u"client_id"_s, client}, {u"mutations"_s, QJsonObject{}}}
                                         << u"mutations"_s;
    QTest::newRow("mutation seq string") << mutations
                                         << QJsonObject{{u"client_id"_s, client},
                                                        {u"mutations"_s, QJsonArray{with(adjust(next), u"seq"_s, u"1"_s)}}}
                                         << u"mutations[0].seq"_s;
    QTest::newRow("mutation seq zero") << mutations
                                       << QJsonObject{{u"client_id"_s, client},
                                                      {u"mutations"_s, QJsonArray{with(adjust(next), u"seq"_s, 0)}}}
                                       << u"mutations[0].seq"_s;
    // The valid first mutation must not be applied when the second one's envelope is broken.
    QTest::newRow("second mutation id not uuid")
        << mutations
        << QJsonObject{{u"client_id"_s, client},
                       {u"mutations"_s, QJsonArray{adjust(next), with(adjust(next + 1), u"mutation_id"_s, u"m-2"_s)}}}
        << u"mutations[1].mutation_id"_s;
    QTest::newRow("mutation name too long")
        << mutations
        << QJsonObject{{u"client_id"_s, client},
                       {u"mutations"_s, QJsonArray{with(adjust(next), u"name"_s, repeated(u'a', 65))}}}
        << u"mutations[0].name"_s;
    QTest::newRow("checkout lines not array") << orders << with(checkout, u"lines"_s, u"tote"_s) << u"lines"_s;
    QTest::newRow("checkout quantity zero")
        << orders << with(checkout, u"lines"_s, line({{u"variant_id"_s, m_world.toteVariant}, {u"quantity"_s, 0}}))
        << u"lines[0].quantity"_s;
    QTest::newRow("checkout quantity string")
        << orders << with(checkout, u"lines"_s, line({{u"variant_id"_s, m_world.toteVariant}, {u"quantity"_s, u"2"_s}}))
        << u"lines[0].quantity"_s;
    QTest::newRow("checkout quantity fraction")
        << orders << with(checkout, u"lines"_s, line({{u"variant_id"_s, m_world.toteVariant}, {u"quantity"_s, 1.5}}))
        << u"lines[0].quantity"_s;
    QTest::newRow("checkout variant not uuid")
        << orders << with(checkout, u"lines"_s, line({{u"variant_id"_s, u"TOTE-WAX-OLIVE"_s}, {u"quantity"_s, 1}}))
        << u"lines[0].variant_id"_s;
    QTest::newRow("checkout neither variant nor sku") << orders << with(checkout, u"lines"_s, line({{u"quantity"_s, 1}}))
                                                      << u"lines[0].variant_id"_s;
    QTest::newRow("checkout negative shipping") << orders << with(checkout, u"shipping_total"_s, -495) << u"shipping_total"_s;
    QTest::newRow("checkout shipping as text") << orders << with(checkout, u"shipping_total"_s, u"4.95"_s) << u"shipping_total"_s;
    QTest::newRow("checkout paid string") << orders << with(checkout, u"paid"_s, u"yes"_s) << u"paid"_s;
    QTest::newRow("checkout unknown channel") << orders << with(checkout, u"channel"_s, u"telegram"_s) << u"channel"_s;
    QTest::newRow("checkout bad email") << orders << with(checkout, u"email"_s, u"lena.fischer(at)example.de"_s) << u"email"_s;
    QTest::newRow("checkout name too long") << orders << with(checkout, u"customer_name"_s, repeated(u'L', 256))
                                            << u"customer_name"_s;
    QTest::newRow("checkout note too long") << orders << with(checkout, u"note"_s, repeated(u'n', 5001)) << u"note"_s;
    QTest::newRow("checkout gateway missing") << orders << QJsonObject{{u"lines"_s, oneLine}, {u"paid"_s, true}} << u"gateway"_s;
    QTest::newRow("checkout country not iso")
        << orders << with(checkout, u"shipping_address"_s, QJsonObject{{u"city"_s, u"Berlin"_s}, {u"country_code"_s, u"Germany"_s}})
        << u"shipping_address.country_code"_s;
    QTest::newRow("checkout unknown location") << orders << with(checkout, u"location_id"_s, newId()) << u"location_id"_s;
    QTest::newRow("checkout customer of nobody") << orders << with(checkout, u"customer_id"_s, m_world.customerB) << u"customer_id"_s;
    QJsonArray tooManyLines;
    for (int i = 0; i < 251; ++i)
        tooManyLines.append(QJsonObject{{u"variant_id"_s, m_world.toteVariant}, {u"quantity"_s, 1}});
    QTest::newRow("checkout 251 lines") << orders << with(checkout, u"lines"_s, tooManyLines) << u"lines"_s;
    // The first line is fine; the second names another shop's variant: nothing is committed.
    QTest::newRow("checkout second line foreign")
        << orders
        << with(checkout, u"lines"_s,
                QJsonArray{QJsonObject{{u"variant_id"_s, m_world.toteVariant}, {u"quantity"_s, 2}},
                           QJsonObject{{u"variant_id"_s, m_world.variantB}, {u"quantity"_s, 1}}})
        << u"lines[1].variant_id"_s;
}

void tst_ServerInput::invalidFields()
{
    QFETCH(QString, route);
    QFETCH(QJsonObject, body);
    QFETCH(QString, field);
    const State before = state();
    const HttpResult r = send(route, compact(body));
    QVERIFY2(r.status == 400, qPrintable(u"%1: %2"_s.arg(r.status).arg(QString::fromUtf8(r.body))));
    QVERIFY2(r.errorCode().startsWith(u"validation."_s), qPrintable(r.errorCode()));
    QCOMPARE(r.json.value(u"error").toObject().value(u"field").toString(), field);
    verifyUnchanged(before);
}

void tst_ServerInput::oversizedBodies_data()
{
    QTest::addColumn<QString>("route");
    for (const QString &route : kPostRoutes)
        QTest::newRow(qPrintable(route)) << route;
}

void tst_ServerInput::oversizedBodies()
{
    QFETCH(QString, route);
    const State before = state();
    // Otherwise valid: the size alone refuses it.
    QJsonObject fields;
    if (route.endsWith(u"/orders"))
        fields = {{u"lines"_s, QJsonArray{QJsonObject{{u"variant_id"_s, m_world.toteVariant}, {u"quantity"_s, 1}}}},
                  {u"gateway"_s, u"stripe"_s}, {u"paid"_s, true}};
    else if (route.endsWith(u"/sync/clients"))
        fields = {{u"client_id"_s, newId()}};
    else if (route.endsWith(u"/api-tokens"))
        fields = {{u"name"_s, u"Big"_s}, {u"role"_s, u"staff"_s}};
    const HttpResult r = send(route, paddedObject(fields, kMaxBody + 1));
    QCOMPARE(r.status, 413);
    QCOMPARE(r.errorCode(), u"payload_too_large"_s);
    verifyUnchanged(before);
}

void tst_ServerInput::bodyAtTheLimitPasses()
{
    // Exactly 1 MiB is allowed: a checkout padded to the limit is placed.
    const QJsonObject fields{{u"lines"_s, QJsonArray{QJsonObject{{u"variant_id"_s, m_world.toteVariant}, {u"quantity"_s, 1}}}},
                             {u"gateway"_s, u"stripe"_s},
                             {u"paid"_s, false}};
    const HttpResult r = send(u"/v1/shops/{shop_id}/orders"_s, paddedObject(fields, kMaxBody));
    QVERIFY2(r.status == 201, qPrintable(QString::fromUtf8(r.body.left(400))));
}

void tst_ServerInput::batchOf101Refused()
{
    const auto level = [this] {
        const HttpResult r = m_world.get(u"/v1/shops/{shop_id}/inventory-levels"_s, {}, m_world.ownerA.access,
                                         u"variant_id=%1&location_id=%2"_s.arg(m_world.sweaterVariants.at(2), m_world.storeLocation));
        const QJsonArray items = r.json.value(u"items").toArray();
        return items.isEmpty() ? 0 : items.first().toObject().value(u"on_hand").toInteger();
    };
    const qint64 onHand = level();
    const auto batch = [this](int n) {
        QJsonArray mutations;
        for (int i = 1; i <= n; ++i) {
            mutations.append(ShopWorld::mutation(m_world.ownerSeqA + i, u"inventory.adjust"_s,
                                                 {{u"variant_id"_s, m_world.sweaterVariants.at(2)},
                                                  {u"location_id"_s, m_world.storeLocation},
                                                  {u"delta"_s, 1},
                                                  {u"reason"_s, u"received"_s},
                                                  {u"reference"_s, u"Scan %1"_s.arg(i)}}));
        }
        return mutations;
    };
    const State before = state();
    const HttpResult refused = m_world.pushBatch(m_world.shopA, m_world.ownerA.access, m_world.ownerClientA, batch(101));
    QCOMPARE(refused.status, 413);
    QCOMPARE(refused.errorCode(), u"payload_too_large"_s);
    verifyUnchanged(before);
    QCOMPARE(level(), onHand);

    const HttpResult accepted = m_world.pushBatch(m_world.shopA, m_world.ownerA.access, m_world.ownerClientA, batch(100));
    QCOMPARE(accepted.status, 200);
    QCOMPARE(accepted.json.value(u"results").toArray().size(), 100);
    m_world.ownerSeqA += 100;
    QCOMPARE(accepted.json.value(u"last_applied_seq").toInteger(), m_world.ownerSeqA);
    QCOMPARE(level(), onHand + 100);
}

void tst_ServerInput::invalidMutationArgumentsRejected_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QJsonObject>("args");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("absentRecord"); // a record that must not exist afterwards ("" for none)

    const QString product = newId();
    QJsonObject variant = ShopWorld::variantJson(newId(), m_world.sweaterProduct, 4, u"MER-CRW-NAVY-XL"_s, u"400638133439"_s,
                                                 u"XL"_s, 8900, 3450);
    QJsonObject negative = variant;
    negative.insert(u"price", -8900);
    QTest::newRow("negative price") << u"variant.create"_s << QJsonObject{{u"variant"_s, negative}} << u"variant.price"_s
                                    << u"/v1/shops/{shop_id}/variants/"_s + variant.value(u"id").toString();
    QJsonObject badBarcode = variant;
    badBarcode.insert(u"barcode", u"4006381333932"_s); // wrong check digit
    QTest::newRow("bad check digit") << u"variant.create"_s << QJsonObject{{u"variant"_s, badBarcode}} << u"variant.barcode"_s
                                     << u"/v1/shops/{shop_id}/variants/"_s + variant.value(u"id").toString();
    QJsonObject unit = variant;
    unit.insert(u"weight_unit", u"stone"_s);
    QTest::newRow("unknown weight unit") << u"variant.create"_s << QJsonObject{{u"variant"_s, unit}} << u"variant.weight_unit"_s
                                         << u"/v1/shops/{shop_id}/variants/"_s + variant.value(u"id").toString();
    const QJsonObject goodProduct{{u"id"_s, product}, {u"title"_s, u"Linen Shirt"_s}, {u"handle"_s, u"linen-shirt"_s},
                                  {u"status"_s, u"active"_s}};
    QJsonObject unknownStatus = goodProduct;
    unknownStatus.insert(u"status", u"published"_s);
    QTest::newRow("unknown product status") << u"product.create"_s << QJsonObject{{u"product"_s, unknownStatus}}
                                            << u"product.status"_s << u"/v1/shops/{shop_id}/products/"_s + product;
    QJsonObject longTitle = goodProduct;
    longTitle.insert(u"title", repeated(u'T', 256));
    QTest::newRow("title too long") << u"product.create"_s << QJsonObject{{u"product"_s, longTitle}} << u"product.title"_s
                                    << u"/v1/shops/{shop_id}/products/"_s + product;
    QJsonObject secondBad = ShopWorld::variantJson(newId(), product, 2, u"LIN-SHT-M"_s, u"400638133446"_s, u"M"_s, 5900, 2000);
    secondBad.insert(u"compare_at_price", -1);
    // The product and its first variant are fine; the second variant is not: nothing is created.
    QTest::newRow("second variant invalid")
        << u"product.create"_s
        << QJsonObject{{u"product"_s, goodProduct},
                       {u"variants"_s, QJsonArray{ShopWorld::variantJson(newId(), product, 1, u"LIN-SHT-S"_s, u"400638133453"_s,
                                                                         u"S"_s, 5900, 2000),
                                                  secondBad}}}
        << u"variants[1].compare_at_price"_s << u"/v1/shops/{shop_id}/products/"_s + product;
    QTest::newRow("unknown reason") << u"inventory.adjust"_s
                                    << QJsonObject{{u"variant_id"_s, m_world.toteVariant},
                                                   {u"location_id"_s, m_world.warehouseLocation},
                                                   {u"delta"_s, -1},
                                                   {u"reason"_s, u"stolen"_s}}
                                    << u"reason"_s << QString();
    QTest::newRow("variant id not uuid") << u"inventory.adjust"_s
                                         << QJsonObject{{u"variant_id"_s, u"TOTE-WAX-OLIVE"_s},
                                                        {u"location_id"_s, m_world.warehouseLocation},
                                                        {u"delta"_s, 1},
                                                        {u"reason"_s, u"received"_s}}
                                         << u"variant_id"_s << QString();
    QTest::newRow("count without change_from") << u"inventory.set"_s
                                               << QJsonObject{{u"variant_id"_s, m_world.toteVariant},
                                                              {u"location_id"_s, m_world.warehouseLocation},
                                                              {u"quantity"_s, 12}}
                                               << u"change_from"_s << QString();
    QTest::newRow("transfer negative") << u"inventory.transfer"_s
                                       << QJsonObject{{u"variant_id"_s, m_world.toteVariant},
                                                      {u"from_location_id"_s, m_world.warehouseLocation},
                                                      {u"to_location_id"_s, m_world.storeLocation},
                                                      {u"quantity"_s, -3}}
                                       << u"quantity"_s << QString();
    const QString customer = newId();
    QTest::newRow("customer email") << u"customer.create"_s
                                    << QJsonObject{{u"customer"_s, QJsonObject{{u"id"_s, customer},
                                                                               {u"first_name"_s, u"Jan"_s},
                                                                               {u"email"_s, u"jan@@example.nl"_s}}}}
                                    << u"customer.email"_s << u"/v1/shops/{shop_id}/customers/"_s + customer;
    QTest::newRow("customer consent unknown") << u"customer.patch"_s
                                              << QJsonObject{{u"id"_s, m_world.customerA},
                                                             {u"base_version"_s, 1},
                                                             {u"fields"_s, QJsonObject{{u"email_marketing"_s, u"maybe"_s}}}}
                                              << u"fields.email_marketing"_s << QString();
    QTest::newRow("handle with spaces") << u"product.patch"_s
                                        << QJsonObject{{u"id"_s, m_world.sweaterProduct},
                                                       {u"base_version"_s, 1},
                                                       {u"fields"_s, QJsonObject{{u"handle"_s, u"Merino Crew"_s}}}}
                                        << u"fields.handle"_s << QString();
    QTest::newRow("negative refund") << u"order.refund"_s
                                     << QJsonObject{{u"order_id"_s, m_world.paidOrder}, {u"amount"_s, -500}, {u"restock"_s, false}}
                                     << u"amount"_s << QString();
    QTest::newRow("unknown order status") << u"order.set_status"_s
                                          << QJsonObject{{u"order_id"_s, m_world.pendingOrder}, {u"status"_s, u"shipped"_s}}
                                          << u"status"_s << QString();
    QTest::newRow("note too long") << u"order.add_note"_s
                                   << QJsonObject{{u"order_id"_s, m_world.paidOrder}, {u"message"_s, repeated(u'm', 5001)}}
                                   << u"message"_s << QString();
}

void tst_ServerInput::invalidMutationArgumentsRejected()
{
    QFETCH(QString, name);
    QFETCH(QJsonObject, args);
    QFETCH(QString, field);
    QFETCH(QString, absentRecord);
    State before = state();
    const HttpResult r = m_world.pushBatch(m_world.shopA, m_world.ownerA.access, m_world.ownerClientA,
                                           {ShopWorld::mutation(++m_world.ownerSeqA, name, args)});
    QCOMPARE(r.status, 200);
    const QJsonObject result = r.json.value(u"results").toArray().first().toObject();
    QCOMPARE(result.value(u"status").toString(), u"rejected"_s);
    QVERIFY2(result.value(u"code").toString().startsWith(u"validation."_s), qPrintable(result.value(u"code").toString()));
    QCOMPARE(result.value(u"field").toString(), field);
    // A permanent failure advances the seq and changes nothing else.
    QCOMPARE(r.json.value(u"last_applied_seq").toInteger(), m_world.ownerSeqA);
    before.ownerSeq = m_world.ownerSeqA;
    verifyUnchanged(before);
    if (!absentRecord.isEmpty())
        QCOMPARE(m_world.get(absentRecord, {}, m_world.ownerA.access).status, 404);
}

void tst_ServerInput::checkoutNeverHalfApplied()
{
    // A refused checkout (oversell in shop B, reject policy) commits nothing and uses no number.
    const auto levelB = [this] {
        const HttpResult r = m_world.get(u"/v1/shops/{shop_id}/inventory-levels"_s, {{u"shop_id"_s, m_world.shopB}},
                                         m_world.ownerB.access, u"variant_id="_s + m_world.variantB);
        return r.json.value(u"items").toArray().first().toObject();
    };
    const QJsonObject before = levelB();
    const State state0 = state();
    const HttpResult refused = m_world.post(u"/v1/shops/{shop_id}/orders"_s, {{u"shop_id"_s, m_world.shopB}},
                                            {{u"lines"_s, QJsonArray{QJsonObject{{u"variant_id"_s, m_world.variantB}, {u"quantity"_s, 2}},
                                                                     QJsonObject{{u"sku"_s, u"HAM-16-CLAW"_s}, {u"quantity"_s, 40}}}},
                                             {u"gateway"_s, u"stripe"_s},
                                             {u"paid"_s, true}},
                                            m_world.apiStaffB);
    QCOMPARE(refused.status, 409);
    QCOMPARE(refused.errorCode(), u"conflict.oversell"_s);
    verifyUnchanged(state0);
    QCOMPARE(levelB(), before);
    // The next order takes the number right after shop B's first order.
    const HttpResult first = m_world.get(u"/v1/shops/{shop_id}/orders/{id}"_s, {{u"shop_id"_s, m_world.shopB}, {u"id"_s, m_world.orderB}},
                                         m_world.ownerB.access);
    const HttpResult placed = m_world.post(u"/v1/shops/{shop_id}/orders"_s, {{u"shop_id"_s, m_world.shopB}},
                                           {{u"lines"_s, QJsonArray{QJsonObject{{u"variant_id"_s, m_world.variantB}, {u"quantity"_s, 2}}}},
                                            {u"gateway"_s, u"stripe"_s},
                                            {u"paid"_s, true}},
                                           m_world.apiStaffB);
    QCOMPARE(placed.status, 201);
    QCOMPARE(placed.json.value(u"number").toInteger(), first.json.value(u"number").toInteger() + 1);
    QCOMPARE(levelB().value(u"committed").toInteger(), before.value(u"committed").toInteger() + 2);
}

void tst_ServerInput::unknownCurrencyRefusedByAdmin()
{
    // Currencies enter only through the admin CLI: an unknown code makes no shop.
    static const QRegularExpression uuid(u"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"_s);
    for (const QString &currency : {u"EURO"_s, u"XYZ"_s, u"E1R"_s}) {
        const auto [code, out] = m_world.server.admin({u"create-shop"_s, u"--name"_s, u"Ghost Shop"_s, u"--currency"_s, currency,
                                                       u"--time-zone"_s, u"Europe/Paris"_s});
        QVERIFY2(code != 0, qPrintable(currency));
        QVERIFY2(!uuid.match(QString::fromUtf8(out)).hasMatch(), out.constData());
    }
    const auto [code, stats] = m_world.server.admin({u"stats"_s});
    QCOMPARE(code, 0);
    QVERIFY(!stats.contains("Ghost Shop"));
}

void tst_ServerInput::refreshTokensSurvivedBadRequests()
{
    // None of the refused auth requests revoked anything: the owner's session still refreshes.
    const HttpResult r = m_world.post(u"/v1/auth/refresh"_s, {}, {{u"refresh_token"_s, m_world.ownerA.refresh}}, {});
    QCOMPARE(r.status, 200);
}

QTEST_GUILESS_MAIN(tst_ServerInput)
#include "tst_serverinput.moc"
