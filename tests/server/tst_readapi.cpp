// The plain REST reads of a real storekeep-server over loopback TCP: keyset paging with an
// opaque cursor, updated_after, single records, the stock filters, per-route permissions, the
// warehouse's redacted orders, query validation and tenancy. API tokens are the callers here.

#include "synctestsupport.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QSet>
#include <QTest>

using namespace sk;
using namespace sk::test;
using namespace Qt::StringLiterals;

class tst_ReadApi : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void listsPageThroughEveryRecordOnce();
    void updatedAfterReturnsOnlyLaterChanges();
    void singleRecords();
    void stockFilters();
    void permissionsAndRedaction();
    void invalidQueries();
    void otherShopsStayInvisible();

private:
    QJsonObject push(const QString &name, const QJsonObject &args);
    HttpResult get(const QString &path, const QString &token) { return m_world.http->get(path, token); }
    QString path(const QString &rest) const { return SyncTestWorld::shopPath(m_shop, rest); }

    SyncTestWorld m_world;
    QString m_shop, m_shopB;
    QString m_owner, m_staff, m_warehouse, m_ownerB;
    QString m_client;
    qint64 m_seq = 0;
    QString m_store, m_depot;
    QStringList m_products, m_variants;
    QString m_customer, m_order, m_productB;
};

QJsonObject tst_ReadApi::push(const QString &name, const QJsonObject &args)
{
    const QJsonObject result = m_world.pushOne(m_shop, m_owner, m_client, m_seq, name, args);
    m_world.applied(result);
    return result;
}

void tst_ReadApi::initTestCase()
{
    QVERIFY2(m_world.start(), qPrintable(m_world.error));
    m_shop = m_world.createShop(u"Read Outfitters"_s, u"EUR"_s, u"allow"_s);
    m_shopB = m_world.createShop(u"Read Hardware"_s, u"USD"_s, u"allow"_s);
    m_owner = m_world.apiToken(m_shop, u"owner"_s);
    m_staff = m_world.apiToken(m_shop, u"staff"_s);
    m_warehouse = m_world.apiToken(m_shop, u"warehouse"_s);
    m_ownerB = m_world.apiToken(m_shopB, u"owner"_s);
    QVERIFY2(m_world.error.isEmpty(), qPrintable(m_world.error));
    m_client = m_world.newClient(m_shop, m_owner);

    m_store = newUuid();
    m_depot = newUuid();
    push(u"location.create"_s, SyncTestWorld::locationArgs(m_store, u"Store"_s));
    push(u"location.create"_s, SyncTestWorld::locationArgs(m_depot, u"Depot"_s));
    for (int i = 0; i < 7; ++i) {
        m_products.append(newUuid());
        m_variants.append(newUuid());
        push(u"product.create"_s, SyncTestWorld::productArgs(m_products.last(), u"item-%1"_s.arg(i), m_variants.last(),
                                                             u"ITEM-%1"_s.arg(i), 1000 + i));
    }
    push(u"inventory.adjust"_s, SyncTestWorld::adjustArgs(m_variants.at(0), m_store, 8));
    push(u"inventory.adjust"_s, SyncTestWorld::adjustArgs(m_variants.at(0), m_depot, 30));
    push(u"inventory.adjust"_s, SyncTestWorld::adjustArgs(m_variants.at(0), m_depot, -2, u"damaged"_s));
    push(u"inventory.adjust"_s, SyncTestWorld::adjustArgs(m_variants.at(1), m_store, 3));
    m_customer = newUuid();
    push(u"customer.create"_s, {{u"customer"_s, QJsonObject{{u"id"_s, m_customer}, {u"first_name"_s, u"Lena"_s},
                                                            {u"email"_s, u"lena@example.de"_s}}}});
    QVERIFY2(m_world.error.isEmpty(), qPrintable(m_world.error));
    const HttpResult order = m_world.http->post(
        path(u"/orders"_s),
        {{u"lines"_s, QJsonArray{QJsonObject{{u"variant_id"_s, m_variants.at(0)}, {u"quantity"_s, 2}}}},
         {u"customer_id"_s, m_customer},
         {u"billing_address"_s, QJsonObject{{u"name"_s, u"Lena"_s}, {u"city"_s, u"Berlin"_s}}},
         {u"shipping_address"_s, QJsonObject{{u"name"_s, u"Lena"_s}, {u"city"_s, u"Potsdam"_s}}},
         {u"note"_s, u"Ring twice"_s},
         {u"location_id"_s, m_store},
         {u"gateway"_s, u"stripe"_s},
         {u"paid"_s, true}},
        m_staff);
    QCOMPARE(order.status, 201);
    m_order = order.json.value(u"id").toString();

    const QString clientB = m_world.newClient(m_shopB, m_ownerB);
    qint64 seqB = 0;
    m_productB = newUuid();
    QVERIFY(m_world.applied(m_world.pushOne(m_shopB, m_ownerB, clientB, seqB, u"product.create"_s,
                                            SyncTestWorld::productArgs(m_productB, u"hammer"_s, newUuid(), u"HAM-1"_s, 2899))));
}

void tst_ReadApi::listsPageThroughEveryRecordOnce()
{
    QStringList seen;
    QString cursor;
    int pages = 0;
    for (;;) {
        QString query = u"/products?limit=2"_s;
        if (!cursor.isEmpty())
            query += u"&cursor="_s + cursor;
        const HttpResult r = get(path(query), m_staff);
        QCOMPARE(r.status, 200);
        const QJsonArray items = r.json.value(u"items").toArray();
        QVERIFY(items.size() <= 2);
        for (const QJsonValue &v : items)
            seen.append(v.toObject().value(u"id").toString());
        ++pages;
        if (!r.json.value(u"has_more").toBool()) {
            QVERIFY(r.json.value(u"next_cursor").isNull());
            break;
        }
        cursor = r.json.value(u"next_cursor").toString();
        QVERIFY(!cursor.isEmpty());
        QVERIFY(pages < 20);
    }
    QCOMPARE(pages, 4); // 7 products, 2 a page
    QCOMPARE(seen.size(), m_products.size());
    QCOMPARE(QSet<QString>(seen.begin(), seen.end()), QSet<QString>(m_products.begin(), m_products.end()));
    // The default page holds them all.
    const HttpResult all = get(path(u"/products"_s), m_staff);
    QCOMPARE(all.json.value(u"items").toArray().size(), 7);
    QCOMPARE(all.json.value(u"has_more").toBool(), false);
}

void tst_ReadApi::updatedAfterReturnsOnlyLaterChanges()
{
    const QString patched = m_products.at(3);
    const QJsonObject result = push(u"product.patch"_s, {{u"id"_s, patched}, {u"base_version"_s, 1},
                                                         {u"fields"_s, QJsonObject{{u"title"_s, u"Renamed"_s}}}});
    QCOMPARE(result.value(u"result").toObject().value(u"version").toInteger(), 2);
    const HttpResult one = get(path(u"/products/"_s + patched), m_staff);
    const qint64 since = one.json.value(u"updated_at").toInteger() - 1;

    const QJsonArray all = m_world.listAll(m_shop, m_staff, u"/products"_s);
    int expected = 0;
    for (const QJsonValue &v : all)
        expected += v.toObject().value(u"updated_at").toInteger() > since ? 1 : 0;
    const QJsonArray later = m_world.listAll(m_shop, m_staff, u"/products"_s, u"updated_after=%1"_s.arg(since), 1);
    QCOMPARE(later.size(), expected);
    bool found = false;
    for (const QJsonValue &v : later) {
        QVERIFY(v.toObject().value(u"updated_at").toInteger() > since);
        found = found || v.toObject().value(u"id").toString() == patched;
    }
    QVERIFY(found);
    const HttpResult none = get(path(u"/products?updated_after=%1"_s.arg(one.json.value(u"updated_at").toInteger() + 3'600'000)), m_staff);
    QCOMPARE(none.status, 200);
    QCOMPARE(none.json.value(u"items").toArray().size(), 0);
}

void tst_ReadApi::singleRecords()
{
    HttpResult r = get(path(u"/products/"_s + m_products.at(0)), m_warehouse);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json.value(u"id").toString(), m_products.at(0));
    QCOMPARE(r.json.value(u"handle").toString(), u"item-0"_s);
    r = get(path(u"/variants/"_s + m_variants.at(2)), m_staff);
    QCOMPARE(r.json.value(u"price").toInteger(), 1002);
    QCOMPARE(r.json.value(u"product_id").toString(), m_products.at(2));
    r = get(path(u"/customers/"_s + m_customer), m_staff);
    QCOMPARE(r.json.value(u"email").toString(), u"lena@example.de"_s);
    r = get(path(u"/orders/"_s + m_order), m_staff);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json.value(u"lines").toArray().size(), 1);

    r = get(path(u"/products/"_s + newUuid()), m_staff);
    QCOMPARE(r.status, 404);
    QCOMPARE(r.errorCode(), u"not_found.product"_s);
    QCOMPARE(get(path(u"/products/not-a-uuid"_s), m_staff).status, 404);
    QCOMPARE(get(path(u"/orders/"_s + m_customer), m_staff).status, 404); // a customer's id is no order

    // A deleted record is gone from reads.
    push(u"product.delete"_s, {{u"id"_s, m_products.at(6)}});
    QCOMPARE(get(path(u"/products/"_s + m_products.at(6)), m_staff).status, 404);
    QCOMPARE(get(path(u"/variants/"_s + m_variants.at(6)), m_staff).status, 404);
    m_products.removeLast();
    m_variants.removeLast();
    QCOMPARE(m_world.listAll(m_shop, m_staff, u"/products"_s).size(), 6);
}

void tst_ReadApi::stockFilters()
{
    const QString v0 = m_variants.at(0);
    QJsonArray levels = m_world.listAll(m_shop, m_warehouse, u"/inventory-levels"_s, u"variant_id="_s + v0);
    QCOMPARE(levels.size(), 2);
    levels = m_world.listAll(m_shop, m_warehouse, u"/inventory-levels"_s, u"variant_id=%1&location_id=%2"_s.arg(v0, m_depot));
    QCOMPARE(levels.size(), 1);
    QCOMPARE(levels.first().toObject().value(u"on_hand").toInteger(), 28);
    levels = m_world.listAll(m_shop, m_warehouse, u"/inventory-levels"_s, u"location_id="_s + m_store);
    QCOMPARE(levels.size(), 2); // v0 and v1 at the store
    const QJsonObject stored = m_world.level(m_shop, m_warehouse, v0, m_store);
    QCOMPARE(stored.value(u"committed").toInteger(), 2); // the storefront order
    QCOMPARE(stored.value(u"available").toInteger(), 6);

    QJsonArray ledger = m_world.listAll(m_shop, m_warehouse, u"/ledger"_s, u"variant_id=%1&location_id=%2"_s.arg(v0, m_depot), 1);
    QCOMPARE(ledger.size(), 2);
    qint64 sum = 0;
    for (const QJsonValue &v : ledger) {
        QCOMPARE(v.toObject().value(u"location_id").toString(), m_depot);
        sum += v.toObject().value(u"delta").toInteger();
    }
    QCOMPARE(sum, 28);
    ledger = m_world.listAll(m_shop, m_warehouse, u"/ledger"_s);
    QCOMPARE(ledger.size(), 4);

    HttpResult r = get(path(u"/inventory-levels?variant_id=nope"_s), m_warehouse);
    QCOMPARE(r.status, 400);
    QCOMPARE(r.json.value(u"error").toObject().value(u"field").toString(), u"variant_id"_s);
    r = get(path(u"/ledger?location_id=ABC"_s), m_warehouse);
    QCOMPARE(r.json.value(u"error").toObject().value(u"field").toString(), u"location_id"_s);
}

void tst_ReadApi::permissionsAndRedaction()
{
    HttpResult r = get(path(u"/customers"_s), m_warehouse);
    QCOMPARE(r.status, 403);
    QCOMPARE(r.errorCode(), u"forbidden.role"_s);
    QCOMPARE(get(path(u"/customers/"_s + m_customer), m_warehouse).status, 403);
    QCOMPARE(get(path(u"/customers"_s), m_staff).status, 200);
    QCOMPARE(get(path(u"/products"_s), QString()).status, 401);

    const QJsonObject full = get(path(u"/orders/"_s + m_order), m_staff).json;
    QCOMPARE(full.value(u"total").toInteger(), 2000);
    QCOMPARE(full.value(u"email").toString(), u"lena@example.de"_s);
    QCOMPARE(full.value(u"note").toString(), u"Ring twice"_s);

    const QJsonObject redacted = get(path(u"/orders/"_s + m_order), m_warehouse).json;
    QCOMPARE(redacted.value(u"id").toString(), m_order);
    for (const char *hidden : {"customer_id", "customer_name", "email", "billing_address", "note", "subtotal",
                               "discount_total", "shipping_total", "tax_total", "total", "refunded_total"})
        QVERIFY2(!redacted.contains(QLatin1String(hidden)), hidden);
    const QJsonObject line = redacted.value(u"lines").toArray().first().toObject();
    QCOMPARE(line.value(u"sku").toString(), u"ITEM-0"_s);
    QCOMPARE(line.value(u"quantity").toInteger(), 2);
    for (const char *hidden : {"unit_price", "discount", "tax", "total"})
        QVERIFY2(!line.contains(QLatin1String(hidden)), hidden);
    QCOMPARE(redacted.value(u"shipping_address").toObject().value(u"city").toString(), u"Potsdam"_s);
    QCOMPARE(redacted.value(u"status").toString(), u"processing"_s);

    const QJsonArray listed = m_world.listAll(m_shop, m_warehouse, u"/orders"_s);
    QCOMPARE(listed.size(), 1);
    QVERIFY(!listed.first().toObject().contains(u"total"));
}

void tst_ReadApi::invalidQueries()
{
    const QList<std::pair<QString, QString>> cases{
        {u"/products?limit=0"_s, u"limit"_s},           {u"/products?limit=1001"_s, u"limit"_s},
        {u"/products?limit=x"_s, u"limit"_s},           {u"/products?updated_after=-1"_s, u"updated_after"_s},
        {u"/products?updated_after=soon"_s, u"updated_after"_s}, {u"/products?cursor=!!!"_s, u"cursor"_s},
        {u"/orders?cursor=YzE6NQ"_s, u"cursor"_s} /* a change-feed cursor is no list cursor */,
    };
    for (const auto &[query, field] : cases) {
        const HttpResult r = get(path(query), m_owner);
        QVERIFY2(r.status == 400, qPrintable(query));
        QCOMPARE(r.json.value(u"error").toObject().value(u"field").toString(), field);
    }
    QCOMPARE(get(path(u"/products?limit=1000"_s), m_owner).status, 200);
}

void tst_ReadApi::otherShopsStayInvisible()
{
    // Shop B's token asks for shop A: no such shop for it.
    HttpResult r = get(path(u"/products"_s), m_ownerB);
    QCOMPARE(r.status, 404);
    // Shop A's token asks shop A's route for shop B's product: no such product.
    r = get(path(u"/products/"_s + m_productB), m_owner);
    QCOMPARE(r.status, 404);
    const QJsonArray products = m_world.listAll(m_shopB, m_ownerB, u"/products"_s);
    QCOMPARE(products.size(), 1);
    QCOMPARE(products.first().toObject().value(u"id").toString(), m_productB);
}

QTEST_GUILESS_MAIN(tst_ReadApi)
#include "tst_readapi.moc"
