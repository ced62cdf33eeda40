// The storefront checkout, POST /v1/shops/{shop_id}/orders, on a real storekeep-server over
// loopback TCP: prices from the catalogue, consecutive order numbers, stock committed at the
// first active location (or the named one), the order and its stock in the change feed, the
// oversell policy of each shop (reject: 409 and nothing changes; allow: the order is tagged),
// and validation that leaves no trace.

#include "domain/jsonreader.h"
#include "synctestsupport.h"
#include "testsupport.h"

#include <QDateTime>
#include <QJsonArray>
#include <QTest>

using namespace sk;
using namespace sk::test;
using namespace Qt::StringLiterals;

namespace {

struct Shop
{
    QString id;
    QString owner;     // API token, role owner: setup and reads
    QString checkout;  // API token, role staff: what a web shop uses
    QString warehouse; // API token, role warehouse
    QString client;
    qint64 seq = 0;
    QString first;  // the oldest active location
    QString second;
    QString variant;
    QString product;
};

QJsonObject line(const QString &key, const QString &value, qint64 quantity)
{
    return {{key, value}, {u"quantity"_s, quantity}};
}

} // namespace

class tst_StorefrontApi : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void paidOrderIsPricedFromTheCatalogue();
    void orderAppearsInTheChangeFeedWithCommittedStock();
    void pendingOrderBySkuAtANamedLocation();
    void oversellIsRefusedUnderReject();
    void oversellIsFlaggedUnderAllow();
    void invalidCheckoutsLeaveNoTrace_data();
    void invalidCheckoutsLeaveNoTrace();
    void checkoutNeedsWriteOrders();

private:
    bool setUp(Shop &shop, const QString &name, const QString &currency, const QString &oversell);
    HttpResult checkout(const Shop &shop, const QJsonObject &body) const
    {
        return m_world.http->post(SyncTestWorld::shopPath(shop.id, u"/orders"_s), body, shop.checkout);
    }
    QJsonObject level(const Shop &shop, const QString &location)
    {
        return m_world.level(shop.id, shop.owner, shop.variant, location);
    }
    qint64 nextNumber(Shop &shop);

    SyncTestWorld m_world;
    Shop m_allow;  // EUR, oversell allow
    Shop m_reject; // USD, oversell reject
};

bool tst_StorefrontApi::setUp(Shop &shop, const QString &name, const QString &currency, const QString &oversell)
{
    shop.id = m_world.createShop(name, currency, oversell);
    shop.owner = m_world.apiToken(shop.id, u"owner"_s);
    shop.checkout = m_world.apiToken(shop.id, u"staff"_s);
    shop.warehouse = m_world.apiToken(shop.id, u"warehouse"_s);
    shop.client = m_world.newClient(shop.id, shop.owner);
    if (!m_world.error.isEmpty())
        return false;
    // Ids are time-ordered: the first location is the older one, whatever order they arrive in.
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    shop.first = UuidV7::toText(UuidV7::fromParts(now - 60'000, 1, 1));
    shop.second = UuidV7::toText(UuidV7::fromParts(now, 2, 2));
    const QString inactive = UuidV7::toText(UuidV7::fromParts(now - 120'000, 3, 3));
    shop.product = newUuid();
    shop.variant = newUuid();
    QJsonObject product = SyncTestWorld::productArgs(shop.product, u"linen-shirt"_s, shop.variant, u"LIN-SH-M"_s, 2500);
    const QList<std::pair<QString, QJsonObject>> setup{
        {u"location.create"_s, SyncTestWorld::locationArgs(shop.second, u"Second Store"_s)},
        {u"location.create"_s, SyncTestWorld::locationArgs(shop.first, u"Main Warehouse"_s)},
        {u"location.create"_s, {{u"location"_s, QJsonObject{{u"id"_s, inactive}, {u"name"_s, u"Closed"_s}, {u"active"_s, false}}}}},
        {u"product.create"_s, product},
        {u"inventory.adjust"_s, SyncTestWorld::adjustArgs(shop.variant, shop.first, 5)},
        {u"inventory.adjust"_s, SyncTestWorld::adjustArgs(shop.variant, shop.second, 4)},
    };
    for (const auto &[mutation, args] : setup) {
        if (!m_world.applied(m_world.pushOne(shop.id, shop.owner, shop.client, shop.seq, mutation, args)))
            return false;
    }
    return true;
}

qint64 tst_StorefrontApi::nextNumber(Shop &shop)
{
    // The number the next order gets: place a small pending order and read it.
    const HttpResult r = checkout(shop, {{u"lines"_s, QJsonArray{line(u"variant_id"_s, shop.variant, 1)}},
                                         {u"location_id"_s, shop.second},
                                         {u"gateway"_s, u"manual"_s},
                                         {u"paid"_s, false}});
    return r.status == 201 ? r.json.value(u"number").toInteger() : -1;
}

void tst_StorefrontApi::initTestCase()
{
    QVERIFY2(m_world.start(), qPrintable(m_world.error));
    QVERIFY2(setUp(m_allow, u"Allow Outfitters"_s, u"EUR"_s, u"allow"_s), qPrintable(m_world.error));
    QVERIFY2(setUp(m_reject, u"Reject Hardware"_s, u"USD"_s, u"reject"_s), qPrintable(m_world.error));
}

void tst_StorefrontApi::paidOrderIsPricedFromTheCatalogue()
{
    const QJsonObject address{{u"name"_s, u"Lena Fischer"_s}, {u"line1"_s, u"Oderberger Str. 44"_s},
                              {u"city"_s, u"Berlin"_s}, {u"postal_code"_s, u"10435"_s}, {u"country_code"_s, u"DE"_s}};
    QJsonObject wanted = line(u"variant_id"_s, m_allow.variant, 2);
    wanted.insert(u"unit_price", 1); // the shop's price applies, whatever a client claims
    const HttpResult r = checkout(m_allow, {{u"lines"_s, QJsonArray{wanted}},
                                            {u"email"_s, u"lena@example.de"_s},
                                            {u"customer_name"_s, u"Lena Fischer"_s},
                                            {u"shipping_address"_s, address},
                                            {u"shipping_total"_s, 495},
                                            {u"gateway"_s, u"stripe"_s},
                                            {u"paid"_s, true}});
    QCOMPARE(r.status, 201);
    const QJsonObject order = r.json;
    QVERIFY(JsonReader::isCanonicalUuid(order.value(u"id").toString()));
    QCOMPARE(order.value(u"number").toInteger(), 1001);
    QCOMPARE(order.value(u"status").toString(), u"processing"_s);
    QCOMPARE(order.value(u"financial_status").toString(), u"paid"_s);
    QCOMPARE(order.value(u"fulfillment_status").toString(), u"unfulfilled"_s);
    QVERIFY(order.value(u"paid_at").toInteger() > 0);
    QCOMPARE(order.value(u"currency").toString(), u"EUR"_s);
    QCOMPARE(order.value(u"channel").toString(), u"web"_s);
    QCOMPARE(order.value(u"location_id").toString(), m_allow.first);
    QCOMPARE(order.value(u"subtotal").toInteger(), 5000);
    QCOMPARE(order.value(u"shipping_total").toInteger(), 495);
    QCOMPARE(order.value(u"total").toInteger(), 5495);
    QCOMPARE(order.value(u"shipping_address").toObject().value(u"city").toString(), u"Berlin"_s);
    const QJsonObject orderLine = order.value(u"lines").toArray().first().toObject();
    QCOMPARE(orderLine.value(u"unit_price").toInteger(), 2500);
    QCOMPARE(orderLine.value(u"total").toInteger(), 5000);
    QCOMPARE(orderLine.value(u"sku").toString(), u"LIN-SH-M"_s);
    QCOMPARE(orderLine.value(u"title").toString(), u"Product linen-shirt"_s);
    QCOMPARE(orderLine.value(u"variant_title").toString(), u"One size"_s);

    // Stock is committed, not taken: on hand stays until the order ships.
    const QJsonObject stock = level(m_allow, m_allow.first);
    QCOMPARE(stock.value(u"on_hand").toInteger(), 5);
    QCOMPARE(stock.value(u"committed").toInteger(), 2);
    QCOMPARE(stock.value(u"available").toInteger(), 3);
    // The stored order is what the checkout answered.
    const HttpResult stored = m_world.http->get(SyncTestWorld::shopPath(m_allow.id, u"/orders/"_s + order.value(u"id").toString()),
                                                m_allow.owner);
    QCOMPARE(stored.json, order);
    QCOMPARE(nextNumber(m_allow), 1002);
}

void tst_StorefrontApi::orderAppearsInTheChangeFeedWithCommittedStock()
{
    QString cursor;
    m_world.pullAll(m_allow.id, m_allow.owner, &cursor);
    const qint64 committedBefore = level(m_allow, m_allow.first).value(u"committed").toInteger();
    const HttpResult r = checkout(m_allow, {{u"lines"_s, QJsonArray{line(u"variant_id"_s, m_allow.variant, 1)}},
                                            {u"gateway"_s, u"paypal"_s},
                                            {u"paid"_s, true}});
    QCOMPARE(r.status, 201);
    const QJsonArray changes = m_world.pullAll(m_allow.id, m_allow.owner, &cursor);
    bool sawOrder = false;
    bool sawLevel = false;
    for (const QJsonValue &v : changes) {
        const QJsonObject change = v.toObject();
        if (change.value(u"type").toString() == u"order" && change.value(u"id").toString() == r.json.value(u"id").toString()) {
            sawOrder = true;
            QCOMPARE(change.value(u"op").toString(), u"upsert"_s);
            QCOMPARE(change.value(u"data").toObject(), r.json);
        }
        if (change.value(u"type").toString() == u"inventory_level"
            && change.value(u"id").toString() == m_allow.variant + u':' + m_allow.first) {
            sawLevel = true;
            QCOMPARE(change.value(u"data").toObject().value(u"committed").toInteger(), committedBefore + 1);
        }
    }
    QVERIFY(sawOrder);
    QVERIFY(sawLevel);
    // Any other client of the shop sees it too.
    QString fresh;
    bool seenByWarehouse = false;
    for (const QJsonValue &v : m_world.pullAll(m_allow.id, m_allow.warehouse, &fresh, 5000))
        seenByWarehouse = seenByWarehouse || v.toObject().value(u"id").toString() == r.json.value(u"id").toString();
    QVERIFY(seenByWarehouse);
}

void tst_StorefrontApi::pendingOrderBySkuAtANamedLocation()
{
    const qint64 before = level(m_allow, m_allow.second).value(u"committed").toInteger();
    const HttpResult r = checkout(m_allow, {{u"lines"_s, QJsonArray{line(u"sku"_s, u"LIN-SH-M"_s, 2)}},
                                            {u"location_id"_s, m_allow.second},
                                            {u"channel"_s, u"phone"_s},
                                            {u"gateway"_s, u"manual"_s},
                                            {u"paid"_s, false}});
    QCOMPARE(r.status, 201);
    QCOMPARE(r.json.value(u"status").toString(), u"pending"_s);
    QCOMPARE(r.json.value(u"financial_status").toString(), u"pending"_s);
    QVERIFY(r.json.value(u"paid_at").isNull());
    QCOMPARE(r.json.value(u"channel").toString(), u"phone"_s);
    QCOMPARE(r.json.value(u"location_id").toString(), m_allow.second);
    QCOMPARE(r.json.value(u"lines").toArray().first().toObject().value(u"variant_id").toString(), m_allow.variant);
    QCOMPARE(level(m_allow, m_allow.second).value(u"committed").toInteger(), before + 2);
}

void tst_StorefrontApi::oversellIsRefusedUnderReject()
{
    const qint64 number = nextNumber(m_reject); // commits 1 at the second store
    QVERIFY(number > 0);
    const QJsonObject before = level(m_reject, m_reject.first);
    QCOMPARE(before.value(u"available").toInteger(), 5);
    // Two lines: the first fits, the second does not. Nothing of the order may stay.
    const HttpResult r = checkout(m_reject, {{u"lines"_s, QJsonArray{line(u"variant_id"_s, m_reject.variant, 2),
                                                                     line(u"sku"_s, u"LIN-SH-M"_s, 4)}},
                                             {u"gateway"_s, u"stripe"_s},
                                             {u"paid"_s, true}});
    QCOMPARE(r.status, 409);
    QCOMPARE(r.errorCode(), u"conflict.oversell"_s);
    const QJsonObject error = r.json.value(u"error").toObject();
    QCOMPARE(error.value(u"sku").toString(), u"LIN-SH-M"_s);
    QCOMPARE(error.value(u"available").toInteger(), 3);
    QCOMPARE(error.value(u"field").toString(), u"lines[1].quantity"_s);
    QCOMPARE(level(m_reject, m_reject.first), before);
    QCOMPARE(m_world.listAll(m_reject.id, m_reject.owner, u"/orders"_s).size(), 1);
    // No order number was used up.
    QCOMPARE(nextNumber(m_reject), number + 1);
    // Exactly what is available still sells.
    const HttpResult fits = checkout(m_reject, {{u"lines"_s, QJsonArray{line(u"variant_id"_s, m_reject.variant, 5)}},
                                                {u"gateway"_s, u"stripe"_s},
                                                {u"paid"_s, true}});
    QCOMPARE(fits.status, 201);
    QCOMPARE(fits.json.value(u"tags").toString(), QString());
    QCOMPARE(level(m_reject, m_reject.first).value(u"available").toInteger(), 0);
}

void tst_StorefrontApi::oversellIsFlaggedUnderAllow()
{
    const qint64 available = level(m_allow, m_allow.first).value(u"available").toInteger();
    QVERIFY(available > 0);
    const HttpResult r = checkout(m_allow, {{u"lines"_s, QJsonArray{line(u"variant_id"_s, m_allow.variant, available + 3)}},
                                            {u"gateway"_s, u"stripe"_s},
                                            {u"paid"_s, true}});
    QCOMPARE(r.status, 201);
    QCOMPARE(r.json.value(u"tags").toString(), u"oversold"_s);
    QCOMPARE(level(m_allow, m_allow.first).value(u"available").toInteger(), -3);
    QCOMPARE(level(m_allow, m_allow.first).value(u"on_hand").toInteger(), 5);
}

void tst_StorefrontApi::invalidCheckoutsLeaveNoTrace_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("field");
    const auto body = [](const QJsonObject &changes, const QStringList &remove = {}) {
        QJsonObject o{{u"lines"_s, QJsonArray{QJsonObject{{u"sku"_s, u"LIN-SH-M"_s}, {u"quantity"_s, 1}}}},
                      {u"gateway"_s, u"stripe"_s},
                      {u"paid"_s, true}};
        for (auto it = changes.begin(); it != changes.end(); ++it)
            o.insert(it.key(), it.value());
        for (const QString &key : remove)
            o.remove(key);
        return toJson(o);
    };
    const QString invalid = u"validation.invalid_field"_s;
    const QString missing = u"validation.missing_field"_s;
    QTest::newRow("no gateway") << body({}, {u"gateway"_s}) << missing << u"gateway"_s;
    QTest::newRow("paid as text") << body({{u"paid"_s, u"yes"_s}}) << invalid << u"paid"_s;
    QTest::newRow("no lines") << body({{u"lines"_s, QJsonArray{}}}) << missing << u"lines"_s;
    QTest::newRow("zero quantity") << body({{u"lines"_s, QJsonArray{line(u"sku"_s, u"LIN-SH-M"_s, 0)}}}) << invalid
                                   << u"lines[0].quantity"_s;
    QTest::newRow("unknown sku") << body({{u"lines"_s, QJsonArray{line(u"sku"_s, u"NOPE"_s, 1)}}}) << invalid << u"lines[0].sku"_s;
    QTest::newRow("unknown variant") << body({{u"lines"_s, QJsonArray{line(u"variant_id"_s, newUuid(), 1)}}}) << invalid
                                     << u"lines[0].variant_id"_s;
    QTest::newRow("neither") << body({{u"lines"_s, QJsonArray{QJsonObject{{u"quantity"_s, 1}}}}}) << missing
                             << u"lines[0].variant_id"_s;
    QTest::newRow("negative shipping") << body({{u"shipping_total"_s, -5}}) << invalid << u"shipping_total"_s;
    QTest::newRow("bad country") << body({{u"shipping_address"_s, QJsonObject{{u"country_code"_s, u"Germany"_s}}}}) << invalid
                                 << u"shipping_address.country_code"_s;
    QTest::newRow("bad email") << body({{u"email"_s, u"not-an-address"_s}}) << invalid << u"email"_s;
    QTest::newRow("unknown customer") << body({{u"customer_id"_s, newUuid()}}) << invalid << u"customer_id"_s;
    QTest::newRow("unknown location") << body({{u"location_id"_s, newUuid()}}) << invalid << u"location_id"_s;
    QTest::newRow("unknown channel") << body({{u"channel"_s, u"fax"_s}}) << invalid << u"channel"_s;
    QTest::newRow("not json") << QByteArray("{\"lines\": [") << u"malformed_json"_s << QString();
}

void tst_StorefrontApi::invalidCheckoutsLeaveNoTrace()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, code);
    QFETCH(QString, field);
    const QJsonObject before = level(m_allow, m_allow.first);
    const qsizetype orders = m_world.listAll(m_allow.id, m_allow.owner, u"/orders"_s).size();
    const HttpResult r = m_world.http->request("POST", SyncTestWorld::shopPath(m_allow.id, u"/orders"_s), body, m_allow.checkout);
    QCOMPARE(r.status, 400);
    QCOMPARE(r.errorCode(), code);
    QCOMPARE(r.json.value(u"error").toObject().value(u"field").toString(), field);
    QCOMPARE(level(m_allow, m_allow.first), before);
    QCOMPARE(m_world.listAll(m_allow.id, m_allow.owner, u"/orders"_s).size(), orders);
}

void tst_StorefrontApi::checkoutNeedsWriteOrders()
{
    const QJsonObject body{{u"lines"_s, QJsonArray{line(u"variant_id"_s, m_allow.variant, 1)}},
                           {u"gateway"_s, u"stripe"_s},
                           {u"paid"_s, true}};
    HttpResult r = m_world.http->post(SyncTestWorld::shopPath(m_allow.id, u"/orders"_s), body, m_allow.warehouse);
    QCOMPARE(r.status, 403);
    QCOMPARE(r.errorCode(), u"forbidden.role"_s);
    // Another shop's checkout token does not reach this shop.
    r = m_world.http->post(SyncTestWorld::shopPath(m_allow.id, u"/orders"_s), body, m_reject.checkout);
    QCOMPARE(r.status, 404);
    r = m_world.http->post(SyncTestWorld::shopPath(m_allow.id, u"/orders"_s), body, QString());
    QCOMPARE(r.status, 401);
    r = m_world.http->post(SyncTestWorld::shopPath(m_allow.id, u"/orders"_s), body, m_allow.owner);
    QCOMPARE(r.status, 201);
}

QTEST_GUILESS_MAIN(tst_StorefrontApi)
#include "tst_storefrontapi.moc"
