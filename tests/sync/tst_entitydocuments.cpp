#include "demo/storedemosink.h"
#include "local/entitydocuments.h"
#include "localseed.h"
#include "storage/sqlitedatabase.h"
#include "testsupport.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace sk;
using namespace Qt::StringLiterals;

namespace {

qint64 scalar(SqliteDatabase &db, const char *sql)
{
    return db.queryInt64(QByteArray(sql)).valueOr(-1);
}

std::optional<QJsonObject> readDoc(ShopStore &store, const EntityRef &ref)
{
    auto reader = store.openReader();
    if (!reader.ok())
        return std::nullopt;
    auto doc = EntityDocuments::read(**reader, ref);
    return doc.ok() ? *doc : std::nullopt;
}

Result<void> writeDoc(ShopStore &store, const EntityRef &ref, const std::optional<QJsonObject> &doc)
{
    return store.write([&](SqliteDatabase &db) { return EntityDocuments::write(db, ref, doc); });
}

// What the server sends a warehouse user (server/api/redaction.cpp, Redaction::redactOrderForWarehouse).
QJsonObject redactForWarehouse(const QJsonObject &order)
{
    QJsonObject out = order;
    for (const char *key : {"customer_id", "customer_name", "email", "billing_address", "note", "subtotal",
                            "discount_total", "shipping_total", "tax_total", "total", "refunded_total"})
        out.remove(QLatin1String(key));
    QJsonArray lines;
    for (const QJsonValue &v : order.value(u"lines").toArray()) {
        QJsonObject line = v.toObject();
        for (const char *key : {"unit_price", "discount", "tax", "total"})
            line.remove(QLatin1String(key));
        lines.append(line);
    }
    out.insert(u"lines", lines);
    QJsonArray refunds;
    for (const QJsonValue &v : order.value(u"refunds").toArray()) {
        QJsonObject refund = v.toObject();
        refund.remove(u"amount");
        QJsonArray refundLines;
        for (const QJsonValue &l : refund.value(u"lines").toArray()) {
            QJsonObject line = l.toObject();
            line.remove(u"amount");
            refundLines.append(line);
        }
        refund.insert(u"lines", refundLines);
        refunds.append(refund);
    }
    out.insert(u"refunds", refunds);
    return out;
}

} // namespace

class tst_EntityDocuments : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_temp = test::makeTempStore();
        QVERIFY(m_temp);
        SK_VERIFY_OK(m_seed.writeInto(*m_temp->store));
    }

    void cleanup() { m_temp.reset(); }

    void everyTypeReadsAsItsRecordJsonDocument()
    {
        const auto product = readDoc(*m_temp->store, m_seed.productRef());
        QVERIFY(product);
        QCOMPARE(product->value(u"title").toString(), u"Linen Shirt"_s);
        QCOMPARE(product->value(u"version").toInteger(), 4);
        const auto level = readDoc(*m_temp->store, test::LocalSeed::levelRef(m_seed.variant1, m_seed.location1));
        QVERIFY(level);
        QCOMPARE(level->value(u"on_hand").toInteger(), 10);
        QCOMPARE(level->value(u"committed").toInteger(), 2);
        const auto customer = readDoc(*m_temp->store, m_seed.customerRef());
        QVERIFY(customer);
        QCOMPARE(customer->value(u"addresses").toArray().size(), 2);
        const auto order = readDoc(*m_temp->store, m_seed.orderRef());
        QVERIFY(order);
        QCOMPARE(order->value(u"lines").toArray().size(), 2);
        QCOMPARE(order->value(u"fulfillments").toArray().size(), 1);
        QCOMPARE(order->value(u"refunds").toArray().size(), 1);
        QCOMPARE(order->value(u"events").toArray().size(), 1);
        QCOMPARE(order->value(u"billing_address").toObject().value(u"city").toString(), u"Lyon"_s);
        const auto ledger = readDoc(*m_temp->store, m_seed.ledgerRef());
        QVERIFY(ledger);
        QCOMPARE(ledger->value(u"reference").toString(), u"PO-1"_s);
        const auto settings = readDoc(*m_temp->store, m_seed.settingsRef());
        QVERIFY(settings);
        QCOMPARE(settings->value(u"name").toString(), u"Seed Shop"_s);
    }

    void absentRowsReadAsNothingWithVersionZero()
    {
        auto reader = m_temp->store->openReader();
        SK_VERIFY_OK(reader);
        SqliteDatabase &db = **reader;
        for (const QString &type : EntityDocuments::types()) {
            const EntityRef ref{type, type == u"inventory_level" ? test::newId() + u':' + test::newId() : test::newId()};
            auto doc = EntityDocuments::read(db, ref);
            SK_VERIFY_OK(doc);
            QVERIFY2(!doc->has_value(), qPrintable(type));
            auto version = EntityDocuments::version(db, ref);
            SK_VERIFY_OK(version);
            QCOMPARE(*version, qint64(0));
            QVERIFY(!EntityDocuments::exists(db, ref).value());
        }
        QCOMPARE(EntityDocuments::version(db, m_seed.productRef()).value(), qint64(4));
        QCOMPARE(EntityDocuments::version(db, m_seed.customerRef()).value(), qint64(5));
        QCOMPARE(EntityDocuments::version(db, m_seed.orderRef()).value(), qint64(6));
        QCOMPARE(EntityDocuments::version(db, m_seed.settingsRef()).value(), qint64(3));
        QCOMPARE(EntityDocuments::version(db, test::LocalSeed::levelRef(m_seed.variant1, m_seed.location1)).value(),
                 qint64(7));
        QVERIFY(EntityDocuments::exists(db, m_seed.orderRef()).value());

        auto bad = EntityDocuments::read(db, {u"inventory_level"_s, u"no-colon"_s});
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().code, u"sync.bad_entity_id"_s);
        auto unknown = EntityDocuments::read(db, {u"gizmo"_s, test::newId()});
        QVERIFY(!unknown.ok());
        QCOMPARE(unknown.error().code, u"sync.unknown_entity_type"_s);
    }

    // write(read(x)) == x, both in place and into an empty file.
    void everyTypeRoundTrips()
    {
        auto fresh = test::makeTempStore();
        QVERIFY(fresh);
        for (const EntityRef &ref : m_seed.all()) {
            const auto doc = readDoc(*m_temp->store, ref);
            QVERIFY2(doc, qPrintable(ref.type));
            SK_VERIFY_OK(writeDoc(*m_temp->store, ref, doc));
            QCOMPARE(readDoc(*m_temp->store, ref), doc);
            SK_VERIFY_OK(writeDoc(*fresh->store, ref, doc));
            QCOMPARE(readDoc(*fresh->store, ref), doc);
        }
        // Nothing doubled: children were replaced, not appended.
        auto reader = fresh->store->openReader();
        SK_VERIFY_OK(reader);
        QCOMPARE(scalar(**reader, "SELECT count(*) FROM order_lines"), 2);
        QCOMPARE(scalar(**reader, "SELECT count(*) FROM fulfillment_lines"), 1);
        QCOMPARE(scalar(**reader, "SELECT count(*) FROM refund_lines"), 1);
        QCOMPARE(scalar(**reader, "SELECT count(*) FROM customer_addresses"), 2);
        QCOMPARE(scalar(**reader, "SELECT count(*) FROM inventory_ledger"), 1);
        // The search index follows the writes.
        QCOMPARE(scalar(**reader, "SELECT count(*) FROM variant_search WHERE variant_search MATCH 'LS*'"), 2);
        QCOMPARE(scalar(**reader, "SELECT count(*) FROM order_search WHERE order_search MATCH '1001'"), 1);
    }

    // Real shapes: a demo shop's records copied one by one into an empty file read back the same.
    void demoShopRecordsRoundTrip()
    {
        auto demo = test::makeTempStore();
        QVERIFY(demo);
        DemoOptions options;
        options.scale = DemoScale::Small;
        options.seed = 7;
        options.endDate = QDate(2026, 11, 21);
        options.shopId = u"shop-test"_s;
        QElapsedTimer timer;
        timer.start();
        SK_VERIFY_OK(generateDemoInto(*demo->store, options));
        qInfo("small demo shop generated in %lld ms", qint64(timer.elapsed()));

        auto reader = demo->store->openReader();
        SK_VERIFY_OK(reader);
        SqliteDatabase &db = **reader;
        // A spread of each type, orders in every status (refunds and fulfilments included).
        QList<EntityRef> refs{{u"shop_settings"_s, u"shop-test"_s}};
        const auto collect = [&](const char *type, const char *sql) {
            auto s = db.prepare(QByteArray(sql));
            QVERIFY(s.ok());
            while (s->step().value())
                refs.append({QString::fromLatin1(type), s->text(0)});
        };
        collect("location", "SELECT id FROM locations");
        collect("product", "SELECT id FROM products WHERE rid % 50 = 1");
        collect("variant", "SELECT v.id FROM variants v JOIN products p ON p.id = v.product_id WHERE p.rid % 50 = 1");
        collect("inventory_level", "SELECT l.variant_id || ':' || l.location_id FROM inventory_levels l "
                                   "JOIN variants v ON v.id = l.variant_id JOIN products p ON p.id = v.product_id "
                                   "WHERE p.rid % 50 = 1");
        collect("ledger_entry", "SELECT id FROM inventory_ledger WHERE rid % 200 = 1");
#define SK_SAMPLE_ORDERS                                                                                   \
    "SELECT id, customer_id FROM orders WHERE rid IN (SELECT min(rid) FROM orders GROUP BY status, "           \
    "fulfillment_status) OR id IN (SELECT order_id FROM refunds LIMIT 5)"
        collect("customer", "SELECT id FROM customers WHERE rid % 20 = 1 OR id IN "
                            "(SELECT customer_id FROM (" SK_SAMPLE_ORDERS "))");
        collect("order", "SELECT id FROM (" SK_SAMPLE_ORDERS ")");
#undef SK_SAMPLE_ORDERS
        QVERIFY(refs.size() > 50);

        auto fresh = test::makeTempStore();
        QVERIFY(fresh);
        int orders = 0;
        for (const EntityRef &ref : std::as_const(refs)) {
            auto doc = EntityDocuments::read(db, ref);
            SK_VERIFY_OK(doc);
            QVERIFY2(doc->has_value(), qPrintable(ref.type + u' ' + ref.id));
            SK_VERIFY_OK(writeDoc(*fresh->store, ref, *doc));
            const auto back = readDoc(*fresh->store, ref);
            if (back != *doc) {
                qWarning("%s", qPrintable(QString::fromUtf8(QJsonDocument(**doc).toJson())));
                qWarning("%s", qPrintable(QString::fromUtf8(QJsonDocument(back.value_or(QJsonObject())).toJson())));
            }
            QCOMPARE(back, *doc);
            orders += ref.type == u"order";
        }
        QVERIFY(orders >= 5);
    }

    void orderWriteReplacesItsChildren()
    {
        auto doc = readDoc(*m_temp->store, m_seed.orderRef());
        QVERIFY(doc);
        // The server's next version: line 2 gone (with its refund), the fulfilment gone, a new event.
        QJsonObject next = *doc;
        QJsonArray lines{doc->value(u"lines").toArray().at(0)};
        next.insert(u"lines", lines);
        next.insert(u"fulfillments", QJsonArray());
        next.insert(u"refunds", QJsonArray());
        next.insert(u"refunded_total", 0);
        QJsonObject event{{u"id"_s, test::newId()},     {u"kind"_s, u"system"_s}, {u"message"_s, u"Re-issued"_s},
                          {u"created_at"_s, 5},        {u"updated_at"_s, 5},     {u"version"_s, 1}};
        next.insert(u"events", QJsonArray{event});
        next.insert(u"version", 7);
        SK_VERIFY_OK(writeDoc(*m_temp->store, m_seed.orderRef(), next));

        const auto back = readDoc(*m_temp->store, m_seed.orderRef());
        QVERIFY(back);
        QCOMPARE(back->value(u"lines").toArray().size(), 1);
        QCOMPARE(back->value(u"fulfillments").toArray().size(), 0);
        QCOMPARE(back->value(u"refunds").toArray().size(), 0);
        QCOMPARE(back->value(u"events").toArray().size(), 1);
        QCOMPARE(back->value(u"events").toArray().at(0).toObject().value(u"message").toString(), u"Re-issued"_s);
        QCOMPARE(back->value(u"refunded_total").toInteger(), 0);
        QCOMPARE(back->value(u"version").toInteger(), 7);
        auto reader = m_temp->store->openReader();
        SK_VERIFY_OK(reader);
        QCOMPARE(scalar(**reader, "SELECT count(*) FROM order_lines"), 1);
        QCOMPARE(scalar(**reader, "SELECT count(*) FROM fulfillment_lines"), 0);
        QCOMPARE(scalar(**reader, "SELECT count(*) FROM refund_lines"), 0);
        QCOMPARE(scalar(**reader, "SELECT count(*) FROM order_events"), 1);
    }

    void customerWriteReplacesItsAddresses()
    {
        auto doc = readDoc(*m_temp->store, m_seed.customerRef());
        QVERIFY(doc);
        QJsonObject next = *doc;
        QJsonObject only = doc->value(u"addresses").toArray().at(1).toObject();
        only.insert(u"city", u"Paris"_s);
        next.insert(u"addresses", QJsonArray{only});
        SK_VERIFY_OK(writeDoc(*m_temp->store, m_seed.customerRef(), next));
        const auto back = readDoc(*m_temp->store, m_seed.customerRef());
        QVERIFY(back);
        const QJsonArray addresses = back->value(u"addresses").toArray();
        QCOMPARE(addresses.size(), 1);
        QCOMPARE(addresses.at(0).toObject().value(u"city").toString(), u"Paris"_s);
        QCOMPARE(addresses.at(0).toObject().value(u"id").toString(), m_seed.address2);
    }

    void warehouseOrderIsWrittenLeniently()
    {
        const auto full = readDoc(*m_temp->store, m_seed.orderRef());
        QVERIFY(full);
        const QJsonObject redacted = redactForWarehouse(*full);
        QVERIFY(!redacted.contains(u"total"));
        // A warehouse user's file: no customers at all.
        auto fresh = test::makeTempStore();
        QVERIFY(fresh);
        for (const EntityRef &ref : {m_seed.location1Ref(), m_seed.location2Ref()})
            SK_VERIFY_OK(writeDoc(*fresh->store, ref, readDoc(*m_temp->store, ref)));
        SK_VERIFY_OK(writeDoc(*fresh->store, m_seed.orderRef(), redacted));

        const auto back = readDoc(*fresh->store, m_seed.orderRef());
        QVERIFY(back);
        QCOMPARE(back->value(u"number").toInteger(), 1001);
        QCOMPARE(back->value(u"status").toString(), u"processing"_s);
        QCOMPARE(back->value(u"fulfillment_status").toString(), u"partial"_s);
        QCOMPARE(back->value(u"total").toInteger(), 0);
        QCOMPARE(back->value(u"subtotal").toInteger(), 0);
        QCOMPARE(back->value(u"refunded_total").toInteger(), 0);
        QVERIFY(back->value(u"customer_id").isNull());
        QCOMPARE(back->value(u"customer_name").toString(), QString());
        QVERIFY(back->value(u"email").isNull());
        QCOMPARE(back->value(u"note").toString(), QString());
        QCOMPARE(back->value(u"billing_address").toObject(), QJsonObject());
        // What picking and shipping need stays.
        QCOMPARE(back->value(u"shipping_address").toObject().value(u"line1").toString(), u"2 rue Neuve"_s);
        const QJsonArray lines = back->value(u"lines").toArray();
        QCOMPARE(lines.size(), 2);
        QCOMPARE(lines.at(0).toObject().value(u"sku").toString(), u"LS-S"_s);
        QCOMPARE(lines.at(0).toObject().value(u"quantity").toInteger(), 2);
        QCOMPARE(lines.at(0).toObject().value(u"unit_price").toInteger(), 0);
        QCOMPARE(back->value(u"fulfillments").toArray().size(), 1);
        // A refund without its amount cannot be kept (amount > 0).
        QCOMPARE(back->value(u"refunds").toArray().size(), 0);

        // A document that is wrong in another way is still refused, naming the field.
        QJsonObject broken = redacted;
        broken.insert(u"status", u"lost"_s);
        auto refused = writeDoc(*fresh->store, m_seed.orderRef(), broken);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().detail, u"status"_s);
    }

    void deletingAProductTakesItsVariantsAndLevelsButNotTheLedger()
    {
        SK_VERIFY_OK(writeDoc(*m_temp->store, m_seed.productRef(), std::nullopt));
        auto reader = m_temp->store->openReader();
        SK_VERIFY_OK(reader);
        SqliteDatabase &db = **reader;
        QCOMPARE(scalar(db, "SELECT count(*) FROM products"), 0);
        QCOMPARE(scalar(db, "SELECT count(*) FROM variants"), 0);
        QCOMPARE(scalar(db, "SELECT count(*) FROM inventory_levels"), 0);
        QCOMPARE(scalar(db, "SELECT count(*) FROM inventory_ledger"), 1);
        QCOMPARE(scalar(db, "SELECT count(*) FROM variant_search WHERE variant_search MATCH 'LS*'"), 0);
        // Order lines keep their history (sku, title), the order is untouched.
        QCOMPARE(scalar(db, "SELECT count(*) FROM order_lines"), 2);
        // Deleting what is not there is fine.
        SK_VERIFY_OK(writeDoc(*m_temp->store, m_seed.productRef(), std::nullopt));
    }

    void deletingAVariantTakesItsLevels()
    {
        SK_VERIFY_OK(writeDoc(*m_temp->store, m_seed.variant1Ref(), std::nullopt));
        auto reader = m_temp->store->openReader();
        SK_VERIFY_OK(reader);
        QCOMPARE(scalar(**reader, "SELECT count(*) FROM variants"), 1);
        QCOMPARE(scalar(**reader, "SELECT count(*) FROM inventory_levels"), 1);
        QVERIFY(readDoc(*m_temp->store, test::LocalSeed::levelRef(m_seed.variant2, m_seed.location1)));
    }

    void deletingOrdersAndCustomersTakesTheirChildren()
    {
        SK_VERIFY_OK(writeDoc(*m_temp->store, m_seed.customerRef(), std::nullopt));
        auto order = readDoc(*m_temp->store, m_seed.orderRef());
        QVERIFY(order);
        QVERIFY(order->value(u"customer_id").isNull());
        QCOMPARE(order->value(u"customer_name").toString(), u"Zoé Martin"_s);
        SK_VERIFY_OK(writeDoc(*m_temp->store, m_seed.orderRef(), std::nullopt));
        auto reader = m_temp->store->openReader();
        SK_VERIFY_OK(reader);
        SqliteDatabase &db = **reader;
        QCOMPARE(scalar(db, "SELECT count(*) FROM customer_addresses"), 0);
        for (const char *table : {"orders", "order_lines", "fulfillments", "fulfillment_lines", "refunds",
                                  "refund_lines", "order_events"}) {
            QCOMPARE(scalar(db, (QByteArray("SELECT count(*) FROM ") + table).constData()), 0);
        }
        // A level goes alone; the ledger never.
        SK_VERIFY_OK(writeDoc(*m_temp->store, test::LocalSeed::levelRef(m_seed.variant1, m_seed.location2), std::nullopt));
        SK_VERIFY_OK(writeDoc(*m_temp->store, m_seed.ledgerRef(), std::nullopt));
        QCOMPARE(scalar(db, "SELECT count(*) FROM inventory_levels"), 2);
        QCOMPARE(scalar(db, "SELECT count(*) FROM inventory_ledger"), 1);
    }

    void ledgerEntriesAreInsertedOnceAndNeverChanged()
    {
        const auto entry = readDoc(*m_temp->store, m_seed.ledgerRef());
        QVERIFY(entry);
        QJsonObject changed = *entry;
        changed.insert(u"delta", 99);
        changed.insert(u"note", u"rewritten"_s);
        SK_VERIFY_OK(writeDoc(*m_temp->store, m_seed.ledgerRef(), changed));
        QCOMPARE(readDoc(*m_temp->store, m_seed.ledgerRef()), entry);

        QJsonObject another = *entry;
        const QString id = test::newId();
        another.insert(u"id", id);
        another.insert(u"delta", -2);
        another.insert(u"quantity_after", 8);
        another.insert(u"reason", u"sold"_s);
        const EntityRef ref{u"ledger_entry"_s, id};
        SK_VERIFY_OK(writeDoc(*m_temp->store, ref, another));
        SK_VERIFY_OK(writeDoc(*m_temp->store, ref, another)); // the same page again
        QCOMPARE(readDoc(*m_temp->store, ref), std::optional<QJsonObject>(another));
        auto reader = m_temp->store->openReader();
        SK_VERIFY_OK(reader);
        QCOMPARE(scalar(**reader, "SELECT count(*) FROM inventory_ledger"), 2);
        QCOMPARE(EntityDocuments::version(**reader, ref).value(), qint64(1));
    }

    void aRecordBeforeItsParentNamesTheParent()
    {
        auto fresh = test::makeTempStore();
        QVERIFY(fresh);
        const auto variant = readDoc(*m_temp->store, m_seed.variant1Ref());
        auto refused = writeDoc(*fresh->store, m_seed.variant1Ref(), variant);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, u"sync.missing_parent"_s);
        QCOMPARE(refused.error().detail, u"product:"_s + m_seed.product);

        SK_VERIFY_OK(writeDoc(*fresh->store, m_seed.productRef(), readDoc(*m_temp->store, m_seed.productRef())));
        SK_VERIFY_OK(writeDoc(*fresh->store, m_seed.variant1Ref(), variant));
        const EntityRef level = test::LocalSeed::levelRef(m_seed.variant1, m_seed.location1);
        refused = writeDoc(*fresh->store, level, readDoc(*m_temp->store, level));
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, u"sync.missing_parent"_s);
        QCOMPARE(refused.error().detail, u"location:"_s + m_seed.location1);

        refused = writeDoc(*fresh->store, m_seed.orderRef(), readDoc(*m_temp->store, m_seed.orderRef()));
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, u"sync.missing_parent"_s);
        QCOMPARE(refused.error().detail, u"customer:"_s + m_seed.customer);
        // Nothing of the refused order stayed.
        auto reader = fresh->store->openReader();
        SK_VERIFY_OK(reader);
        QCOMPARE(scalar(**reader, "SELECT count(*) FROM orders"), 0);
    }

    void aDocumentForAnotherIdIsRefused()
    {
        auto product = readDoc(*m_temp->store, m_seed.productRef());
        QVERIFY(product);
        auto refused = writeDoc(*m_temp->store, {u"product"_s, test::newId()}, product);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, u"sync.entity_mismatch"_s);
        auto level = readDoc(*m_temp->store, test::LocalSeed::levelRef(m_seed.variant1, m_seed.location1));
        refused = writeDoc(*m_temp->store, test::LocalSeed::levelRef(m_seed.variant1, m_seed.location2), level);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, u"sync.entity_mismatch"_s);
    }

    // The feed sends each record once, at its latest change: a SKU that moved from variant 2 to
    // variant 1 can arrive for variant 1 while variant 2 still holds it locally.
    void aServerDocumentTakesAUniqueKeyFromAStaleRow()
    {
        auto v1 = readDoc(*m_temp->store, m_seed.variant1Ref());
        QVERIFY(v1);
        v1->insert(u"sku", u"LS-M"_s);
        v1->insert(u"version", 3);

        auto local = m_temp->store->write([&](SqliteDatabase &db) {
            return EntityDocuments::write(db, m_seed.variant1Ref(), v1, EntityDocuments::KeyClash::Fail);
        });
        QVERIFY(!local.ok());
        QCOMPARE(local.error().code, u"product.duplicate_sku"_s);
        QCOMPARE(readDoc(*m_temp->store, m_seed.variant1Ref())->value(u"sku").toString(), u"LS-S"_s);

        SK_VERIFY_OK(writeDoc(*m_temp->store, m_seed.variant1Ref(), v1));
        QCOMPARE(readDoc(*m_temp->store, m_seed.variant1Ref())->value(u"sku").toString(), u"LS-M"_s);
        QVERIFY(readDoc(*m_temp->store, m_seed.variant2Ref())->value(u"sku").isNull());

        // Handles and e-mail addresses the same way.
        Product other;
        other.id = test::newId();
        other.title = u"Other"_s;
        other.handle = u"other"_s;
        other.status = ProductStatus::Draft;
        SK_VERIFY_OK(m_temp->store->write([&](SqliteDatabase &db) { return ProductRepository(db).upsertProduct(other); }));
        auto product = readDoc(*m_temp->store, m_seed.productRef());
        product->insert(u"handle", u"other"_s);
        SK_VERIFY_OK(writeDoc(*m_temp->store, m_seed.productRef(), product));
        QCOMPARE(readDoc(*m_temp->store, {u"product"_s, other.id})->value(u"handle").toString(), u"parked-"_s + other.id);

        QJsonObject customer{{u"id"_s, test::newId()},
                             {u"email"_s, u"ZOE@example.com"_s},
                             {u"created_at"_s, 1},
                             {u"updated_at"_s, 1},
                             {u"version"_s, 1}};
        SK_VERIFY_OK(writeDoc(*m_temp->store, {u"customer"_s, customer.value(u"id").toString()}, customer));
        QVERIFY(readDoc(*m_temp->store, m_seed.customerRef())->value(u"email").isNull());
    }

    void typesRankParentsFirst()
    {
        QVERIFY(EntityDocuments::typeRank(u"product"_s) < EntityDocuments::typeRank(u"variant"_s));
        QVERIFY(EntityDocuments::typeRank(u"variant"_s) < EntityDocuments::typeRank(u"inventory_level"_s));
        QVERIFY(EntityDocuments::typeRank(u"location"_s) < EntityDocuments::typeRank(u"inventory_level"_s));
        QVERIFY(EntityDocuments::typeRank(u"customer"_s) < EntityDocuments::typeRank(u"order"_s));
        QVERIFY(EntityDocuments::typeRank(u"gizmo"_s) > EntityDocuments::typeRank(u"order"_s));
        QCOMPARE(EntityDocuments::splitLevelId(u"a:b"_s), std::make_optional(std::make_pair(u"a"_s, u"b"_s)));
        QVERIFY(!EntityDocuments::splitLevelId(u"a:b:c"_s));
        QVERIFY(!EntityDocuments::splitLevelId(u":b"_s));
    }

private:
    std::unique_ptr<test::TempStore> m_temp;
    test::LocalSeed m_seed;
};

QTEST_GUILESS_MAIN(tst_EntityDocuments)
#include "tst_entitydocuments.moc"
