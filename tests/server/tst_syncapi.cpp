// The sync endpoints of a real storekeep-server over loopback TCP: client registration and
// ownership, exactly-once mutation batches (the same batch twice, two copies at the same moment,
// a lost response and its retry), seq gaps, one bad mutation in a batch, concurrent stock
// deltas, and a change feed that stays consistent while other clients write, filters by role
// and expires with purged tombstones.

#include "synctestsupport.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QSet>
#include <QTest>

using namespace sk;
using namespace sk::test;
using namespace Qt::StringLiterals;

namespace {

QString keyOf(const QJsonObject &change)
{
    return change.value(u"type").toString() + u'/' + change.value(u"id").toString();
}

QSet<QString> statuses(const HttpResult &a, const HttpResult &b, qsizetype index)
{
    return {a.json.value(u"results").toArray().at(index).toObject().value(u"status").toString(),
            b.json.value(u"results").toArray().at(index).toObject().value(u"status").toString()};
}

} // namespace

class tst_SyncApi : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void registerClientIsIdempotentAndOwned();
    void sameBatchTwiceAppliesOnce();
    void concurrentDuplicateBatchesApplyOnce();
    void lostResponseThenRetryIsDuplicate();
    void outOfOrderBatchIsRefused();
    void badMutationInBatchOfThreeAdvancesSeq();
    void reusedSeqIsRejected();
    void staleInventorySetIsAConflict();
    void concurrentAdjustsFromTwoClientsBothCount();
    void mutationNeedsTheRole();
    void batchLimits();
    void changeFeedCarriesLastAppliedSeq();
    void customerAddressPatchReachesTheFeedAndStaysInItsShop();
    void changeFeedStaysConsistentWhileWritesHappen();
    void changeFeedForWarehouseIsFiltered();
    void invalidChangeFeedQueries();
    void cursorExpiresAfterPurge();

private:
    // A new product with one variant, stocked with `stock` units at the shop's location.
    QString newVariant(qint64 stock);
    qint64 onHand(const QString &variant);
    int ledgerRows(const QString &variant);

    SyncTestWorld m_world;
    QString m_shop;
    QString m_shopB;
    QString m_owner;
    QString m_staff;
    QString m_warehouseToken;
    QString m_storefrontToken;
    QString m_setupClient;
    qint64 m_setupSeq = 0;
    QString m_location;
};

void tst_SyncApi::initTestCase()
{
    QVERIFY2(m_world.start(), qPrintable(m_world.error));
    m_shop = m_world.createShop(u"Sync Outfitters"_s, u"EUR"_s, u"allow"_s);
    m_shopB = m_world.createShop(u"Other Shop"_s, u"USD"_s, u"allow"_s);
    QVERIFY2(!m_shop.isEmpty() && !m_shopB.isEmpty(), qPrintable(m_world.error));
    QVERIFY(m_world.createUser(u"owner@sync.test"_s, u"Olga Owner"_s));
    QVERIFY(m_world.createUser(u"staff@sync.test"_s, u"Sven Staff"_s));
    QVERIFY(m_world.addMember(m_shop, u"owner@sync.test"_s, u"owner"_s));
    QVERIFY(m_world.addMember(m_shopB, u"owner@sync.test"_s, u"owner"_s));
    QVERIFY(m_world.addMember(m_shop, u"staff@sync.test"_s, u"staff"_s));
    m_warehouseToken = m_world.apiToken(m_shop, u"warehouse"_s);
    m_storefrontToken = m_world.apiToken(m_shop, u"staff"_s);
    m_owner = m_world.login(u"owner@sync.test"_s);
    m_staff = m_world.login(u"staff@sync.test"_s);
    QVERIFY2(!m_owner.isEmpty() && !m_staff.isEmpty() && !m_warehouseToken.isEmpty(), qPrintable(m_world.error));

    m_setupClient = m_world.newClient(m_shop, m_owner);
    m_location = newUuid();
    QVERIFY2(m_world.applied(m_world.pushOne(m_shop, m_owner, m_setupClient, m_setupSeq, u"location.create"_s,
                                             SyncTestWorld::locationArgs(m_location, u"Main Warehouse"_s))),
             qPrintable(m_world.error));
}

QString tst_SyncApi::newVariant(qint64 stock)
{
    const QString product = newUuid();
    const QString variant = newUuid();
    const QString handle = u"p-"_s + product.right(12);
    m_world.applied(m_world.pushOne(m_shop, m_owner, m_setupClient, m_setupSeq, u"product.create"_s,
                                    SyncTestWorld::productArgs(product, handle, variant, u"SKU-"_s + handle, 2500)));
    if (stock > 0) {
        m_world.applied(m_world.pushOne(m_shop, m_owner, m_setupClient, m_setupSeq, u"inventory.adjust"_s,
                                        SyncTestWorld::adjustArgs(variant, m_location, stock)));
    }
    return variant;
}

qint64 tst_SyncApi::onHand(const QString &variant)
{
    return m_world.level(m_shop, m_owner, variant, m_location).value(u"on_hand").toInteger(-1);
}

int tst_SyncApi::ledgerRows(const QString &variant)
{
    return int(m_world.listAll(m_shop, m_owner, u"/ledger"_s, u"variant_id="_s + variant).size());
}

void tst_SyncApi::registerClientIsIdempotentAndOwned()
{
    const QString client = newUuid();
    HttpResult r = m_world.registerClient(m_shop, m_owner, client);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json.value(u"client_id").toString(), client);
    QCOMPARE(r.json.value(u"last_applied_seq").toInteger(), 0);
    QVERIFY(m_world.applied(m_world.push(m_shop, m_owner, client,
                                         {SyncTestWorld::mutation(1, u"location.create"_s,
                                                                  SyncTestWorld::locationArgs(newUuid(), u"Annex"_s))})
                                .json.value(u"results").toArray().first().toObject()));
    // Registering again (after a reinstall, say) tells the client where it stands.
    r = m_world.registerClient(m_shop, m_owner, client);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json.value(u"last_applied_seq").toInteger(), 1);

    // Another user, or the same user in another shop, cannot take the id over.
    r = m_world.registerClient(m_shop, m_staff, client);
    QCOMPARE(r.status, 409);
    QCOMPARE(r.errorCode(), u"conflict.client_owned"_s);
    r = m_world.registerClient(m_shopB, m_owner, client);
    QCOMPARE(r.status, 409);
    QCOMPARE(r.errorCode(), u"conflict.client_owned"_s);
    r = m_world.push(m_shop, m_staff, client, {SyncTestWorld::mutation(2, u"location.create"_s,
                                                                       SyncTestWorld::locationArgs(newUuid(), u"X"_s))});
    QCOMPARE(r.status, 409);
    QCOMPARE(r.errorCode(), u"conflict.client_owned"_s);

    r = m_world.push(m_shop, m_owner, newUuid(), {SyncTestWorld::mutation(1, u"location.create"_s,
                                                                          SyncTestWorld::locationArgs(newUuid(), u"X"_s))});
    QCOMPARE(r.status, 404);
    QCOMPARE(r.errorCode(), u"not_found.client"_s);
    r = m_world.registerClient(m_shop, m_owner, u"not-a-uuid"_s);
    QCOMPARE(r.status, 400);
    QCOMPARE(r.json.value(u"error").toObject().value(u"field").toString(), u"client_id"_s);
    r = m_world.http->request("POST", SyncTestWorld::shopPath(m_shop, u"/sync/clients"_s), "{not json", m_owner);
    QCOMPARE(r.status, 400);
    QCOMPARE(r.errorCode(), u"malformed_json"_s);
}

void tst_SyncApi::sameBatchTwiceAppliesOnce()
{
    const QString variant = newVariant(0);
    const QString client = m_world.newClient(m_shop, m_owner);
    const QJsonArray batch{SyncTestWorld::mutation(1, u"inventory.adjust"_s, SyncTestWorld::adjustArgs(variant, m_location, 5)),
                           SyncTestWorld::mutation(2, u"inventory.adjust"_s, SyncTestWorld::adjustArgs(variant, m_location, 7))};
    const HttpResult first = m_world.push(m_shop, m_owner, client, batch);
    QCOMPARE(first.status, 200);
    QCOMPARE(first.json.value(u"last_applied_seq").toInteger(), 2);
    const QJsonArray firstResults = first.json.value(u"results").toArray();
    QCOMPARE(firstResults.size(), 2);
    QCOMPARE(firstResults.at(1).toObject().value(u"status").toString(), u"applied"_s);
    QCOMPARE(firstResults.at(1).toObject().value(u"result").toObject().value(u"on_hand").toInteger(), 12);

    const HttpResult second = m_world.push(m_shop, m_owner, client, batch);
    QCOMPARE(second.status, 200);
    QCOMPARE(second.json.value(u"last_applied_seq").toInteger(), 2);
    const QJsonArray secondResults = second.json.value(u"results").toArray();
    QCOMPARE(secondResults.size(), 2);
    for (int i = 0; i < 2; ++i) {
        const QJsonObject result = secondResults.at(i).toObject();
        QCOMPARE(result.value(u"status").toString(), u"duplicate"_s);
        QCOMPARE(result.value(u"seq").toInteger(), i + 1);
        QCOMPARE(result.value(u"original").toObject(), firstResults.at(i).toObject());
    }
    QCOMPARE(onHand(variant), 12);
    QCOMPARE(ledgerRows(variant), 2);
}

void tst_SyncApi::concurrentDuplicateBatchesApplyOnce()
{
    const QString variant = newVariant(10);
    const QString client = m_world.newClient(m_shop, m_owner);
    const QByteArray body = SyncTestWorld::batchBody(
        client, {SyncTestWorld::mutation(1, u"inventory.adjust"_s, SyncTestWorld::adjustArgs(variant, m_location, -2, u"sold"_s)),
                 SyncTestWorld::mutation(2, u"inventory.adjust"_s, SyncTestWorld::adjustArgs(variant, m_location, -1, u"sold"_s))});
    const QString path = SyncTestWorld::shopPath(m_shop, u"/sync/mutations"_s);
    // Both copies are on the wire before either answer is read.
    RawExchange a(m_world.server.port());
    RawExchange b(m_world.server.port());
    QVERIFY(a.send("POST", path, body, m_owner));
    QVERIFY(b.send("POST", path, body, m_owner));
    const HttpResult ra = a.receive();
    const HttpResult rb = b.receive();
    QCOMPARE(ra.status, 200);
    QCOMPARE(rb.status, 200);
    QCOMPARE(statuses(ra, rb, 0), (QSet<QString>{u"applied"_s, u"duplicate"_s}));
    QCOMPARE(statuses(ra, rb, 1), (QSet<QString>{u"applied"_s, u"duplicate"_s}));
    const HttpResult &dup = ra.json.value(u"results").toArray().at(0).toObject().value(u"status").toString() == u"duplicate"
                                ? ra
                                : rb;
    const HttpResult &orig = &dup == &ra ? rb : ra;
    QCOMPARE(dup.json.value(u"results").toArray().at(0).toObject().value(u"original").toObject(),
             orig.json.value(u"results").toArray().at(0).toObject());
    QCOMPARE(onHand(variant), 7);
    QCOMPARE(ledgerRows(variant), 3);
}

void tst_SyncApi::lostResponseThenRetryIsDuplicate()
{
    const QString variant = newVariant(10);
    const QString client = m_world.newClient(m_shop, m_owner);
    const QJsonArray batch{
        SyncTestWorld::mutation(1, u"inventory.adjust"_s, SyncTestWorld::adjustArgs(variant, m_location, -4, u"sold"_s))};
    {
        RawExchange lost(m_world.server.port());
        QVERIFY(lost.send("POST", SyncTestWorld::shopPath(m_shop, u"/sync/mutations"_s),
                          SyncTestWorld::batchBody(client, batch), m_owner));
        QVERIFY(lost.waitForAnswerToStart());
        lost.abort(); // the answer never reaches the app
    }
    // The next pull already tells the client that seq 1 went through...
    const HttpResult pull = m_world.changes(m_shop, m_owner, {}, 1, client);
    QCOMPARE(pull.status, 200);
    QCOMPARE(pull.json.value(u"last_applied_seq").toInteger(), 1);
    // ...and the retry of the same batch is a duplicate carrying the original result.
    const HttpResult retry = m_world.push(m_shop, m_owner, client, batch);
    QCOMPARE(retry.status, 200);
    const QJsonObject result = retry.json.value(u"results").toArray().first().toObject();
    QCOMPARE(result.value(u"status").toString(), u"duplicate"_s);
    QCOMPARE(result.value(u"original").toObject().value(u"status").toString(), u"applied"_s);
    QCOMPARE(result.value(u"original").toObject().value(u"result").toObject().value(u"on_hand").toInteger(), 6);
    QCOMPARE(onHand(variant), 6);
    QCOMPARE(ledgerRows(variant), 2);
}

void tst_SyncApi::outOfOrderBatchIsRefused()
{
    const QString variant = newVariant(10);
    const QString client = m_world.newClient(m_shop, m_owner);
    const auto adjust = [&](qint64 seq) {
        return SyncTestWorld::mutation(seq, u"inventory.adjust"_s, SyncTestWorld::adjustArgs(variant, m_location, 1));
    };
    HttpResult r = m_world.push(m_shop, m_owner, client, {adjust(2), adjust(3)});
    QCOMPARE(r.status, 409);
    QCOMPARE(r.errorCode(), u"out_of_order"_s);
    QCOMPARE(r.json.value(u"error").toObject().value(u"expected_seq").toInteger(), 1);
    QCOMPARE(onHand(variant), 10);

    // A gap later in the batch stops it there: what came before is applied and reported.
    const QJsonObject one = adjust(1);
    r = m_world.push(m_shop, m_owner, client, {one, adjust(3)});
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json.value(u"results").toArray().size(), 1);
    QCOMPARE(r.json.value(u"last_applied_seq").toInteger(), 1);
    QCOMPARE(onHand(variant), 11);

    r = m_world.push(m_shop, m_owner, client, {one, adjust(2), adjust(3)});
    QCOMPARE(r.status, 200);
    const QJsonArray results = r.json.value(u"results").toArray();
    QCOMPARE(results.size(), 3);
    QCOMPARE(results.at(0).toObject().value(u"status").toString(), u"duplicate"_s);
    QCOMPARE(results.at(2).toObject().value(u"status").toString(), u"applied"_s);
    QCOMPARE(r.json.value(u"last_applied_seq").toInteger(), 3);
    QCOMPARE(onHand(variant), 13);
}

void tst_SyncApi::badMutationInBatchOfThreeAdvancesSeq()
{
    const QString variant = newVariant(10);
    const QString client = m_world.newClient(m_shop, m_owner);
    const QJsonArray batch{
        SyncTestWorld::mutation(1, u"inventory.adjust"_s, SyncTestWorld::adjustArgs(variant, m_location, 1)),
        // "sold" must remove stock: a permanent failure.
        SyncTestWorld::mutation(2, u"inventory.adjust"_s, SyncTestWorld::adjustArgs(variant, m_location, 5, u"sold"_s)),
        SyncTestWorld::mutation(3, u"inventory.adjust"_s, SyncTestWorld::adjustArgs(variant, m_location, 1))};
    const HttpResult r = m_world.push(m_shop, m_owner, client, batch);
    QCOMPARE(r.status, 200);
    const QJsonArray results = r.json.value(u"results").toArray();
    QCOMPARE(results.size(), 3);
    QCOMPARE(results.at(0).toObject().value(u"status").toString(), u"applied"_s);
    QCOMPARE(results.at(1).toObject().value(u"status").toString(), u"rejected"_s);
    QCOMPARE(results.at(1).toObject().value(u"code").toString(), u"inventory.invalid_delta"_s);
    QCOMPARE(results.at(1).toObject().value(u"field").toString(), u"delta"_s);
    QVERIFY(!results.at(1).toObject().value(u"message").toString().isEmpty());
    QCOMPARE(results.at(2).toObject().value(u"status").toString(), u"applied"_s);
    QCOMPARE(r.json.value(u"last_applied_seq").toInteger(), 3);
    QCOMPARE(onHand(variant), 12);

    // The failure was recorded: replaying the batch returns it as the original.
    const HttpResult again = m_world.push(m_shop, m_owner, client, batch);
    QCOMPARE(again.json.value(u"results").toArray().at(1).toObject().value(u"original").toObject(), results.at(1).toObject());
    QCOMPARE(onHand(variant), 12);
}

void tst_SyncApi::reusedSeqIsRejected()
{
    const QString client = m_world.newClient(m_shop, m_owner);
    QVERIFY(m_world.applied(m_world.push(m_shop, m_owner, client,
                                         {SyncTestWorld::mutation(1, u"location.create"_s,
                                                                  SyncTestWorld::locationArgs(newUuid(), u"First"_s))})
                                .json.value(u"results").toArray().first().toObject()));
    const QString second = newUuid();
    const HttpResult r = m_world.push(m_shop, m_owner, client,
                                      {SyncTestWorld::mutation(1, u"location.create"_s,
                                                               SyncTestWorld::locationArgs(second, u"Second"_s))});
    QCOMPARE(r.status, 200);
    const QJsonObject result = r.json.value(u"results").toArray().first().toObject();
    QCOMPARE(result.value(u"status").toString(), u"rejected"_s);
    QCOMPARE(result.value(u"code").toString(), u"seq_reused"_s);
    QCOMPARE(r.json.value(u"last_applied_seq").toInteger(), 1);
    QCOMPARE(m_world.http->get(SyncTestWorld::shopPath(m_shop, u"/locations?limit=1000"_s), m_owner)
                 .body.contains(second.toUtf8()),
             false);
}

void tst_SyncApi::staleInventorySetIsAConflict()
{
    const QString variant = newVariant(10);
    const QString client = m_world.newClient(m_shop, m_staff);
    qint64 seq = 0;
    // The clerk counted 8 while the shelf said 12, but a sale meanwhile left 10.
    QJsonObject args{{u"variant_id"_s, variant}, {u"location_id"_s, m_location}, {u"quantity"_s, 8}, {u"change_from"_s, 12}};
    const QJsonObject stale = m_world.pushOne(m_shop, m_staff, client, seq, u"inventory.set"_s, args);
    QCOMPARE(stale.value(u"status").toString(), u"conflict"_s);
    QCOMPARE(stale.value(u"code").toString(), u"inventory_stale"_s);
    QCOMPARE(stale.value(u"details").toObject().value(u"current").toInteger(), 10);
    QCOMPARE(onHand(variant), 10);
    // Confirmed against the current quantity, the count goes through.
    args.insert(u"change_from", 10);
    const QJsonObject counted = m_world.pushOne(m_shop, m_staff, client, seq, u"inventory.set"_s, args);
    QVERIFY2(m_world.applied(counted), qPrintable(m_world.error));
    QCOMPARE(counted.value(u"result").toObject().value(u"on_hand").toInteger(), 8);
    QCOMPARE(onHand(variant), 8);
}

void tst_SyncApi::concurrentAdjustsFromTwoClientsBothCount()
{
    const QString variant = newVariant(10);
    const QString clerkA = m_world.newClient(m_shop, m_owner);
    const QString clerkB = m_world.newClient(m_shop, m_staff);
    const QString path = SyncTestWorld::shopPath(m_shop, u"/sync/mutations"_s);
    const auto sale = [&](const QString &client) {
        return SyncTestWorld::batchBody(client, {SyncTestWorld::mutation(1, u"inventory.adjust"_s,
                                                                         SyncTestWorld::adjustArgs(variant, m_location, -3, u"sold"_s))});
    };
    RawExchange a(m_world.server.port());
    RawExchange b(m_world.server.port());
    QVERIFY(a.send("POST", path, sale(clerkA), m_owner));
    QVERIFY(b.send("POST", path, sale(clerkB), m_staff));
    const HttpResult ra = a.receive();
    const HttpResult rb = b.receive();
    QCOMPARE(ra.json.value(u"results").toArray().first().toObject().value(u"status").toString(), u"applied"_s);
    QCOMPARE(rb.json.value(u"results").toArray().first().toObject().value(u"status").toString(), u"applied"_s);
    QCOMPARE(onHand(variant), 4);
    const QJsonArray ledger = m_world.listAll(m_shop, m_owner, u"/ledger"_s, u"variant_id="_s + variant);
    int sales = 0;
    for (const QJsonValue &row : ledger) {
        if (row.toObject().value(u"delta").toInteger() == -3)
            ++sales;
    }
    QCOMPARE(sales, 2);
    QCOMPARE(ledger.size(), 3);
}

void tst_SyncApi::mutationNeedsTheRole()
{
    const QString variant = newVariant(3);
    const QString client = m_world.newClient(m_shop, m_warehouseToken);
    const HttpResult r = m_world.push(
        m_shop, m_warehouseToken, client,
        {SyncTestWorld::mutation(1, u"product.patch"_s,
                                 {{u"id"_s, newUuid()}, {u"base_version"_s, 1}, {u"fields"_s, QJsonObject{{u"title"_s, u"X"_s}}}}),
         SyncTestWorld::mutation(2, u"inventory.adjust"_s, SyncTestWorld::adjustArgs(variant, m_location, 2))});
    QCOMPARE(r.status, 200);
    const QJsonArray results = r.json.value(u"results").toArray();
    QCOMPARE(results.at(0).toObject().value(u"status").toString(), u"rejected"_s);
    QCOMPARE(results.at(0).toObject().value(u"code").toString(), u"forbidden.role"_s);
    QCOMPARE(results.at(1).toObject().value(u"status").toString(), u"applied"_s);
    QCOMPARE(r.json.value(u"last_applied_seq").toInteger(), 2);
    QCOMPARE(onHand(variant), 5);
}

void tst_SyncApi::batchLimits()
{
    const QString client = m_world.newClient(m_shop, m_owner);
    QJsonArray tooMany;
    for (int i = 1; i <= 101; ++i)
        tooMany.append(SyncTestWorld::mutation(i, u"location.create"_s, SyncTestWorld::locationArgs(newUuid(), u"L"_s)));
    HttpResult r = m_world.push(m_shop, m_owner, client, tooMany);
    QCOMPARE(r.status, 413);
    QCOMPARE(r.errorCode(), u"payload_too_large"_s);
    r = m_world.push(m_shop, m_owner, client, {QJsonObject{{u"seq"_s, 1}, {u"name"_s, u"location.create"_s}}});
    QCOMPARE(r.status, 400);
    QCOMPARE(r.json.value(u"error").toObject().value(u"field").toString(), u"mutations[0].mutation_id"_s);
    // Nothing of a refused batch was applied.
    r = m_world.registerClient(m_shop, m_owner, client);
    QCOMPARE(r.json.value(u"last_applied_seq").toInteger(), 0);
    // An unknown mutation is a permanent failure of that mutation only.
    r = m_world.push(m_shop, m_owner, client, {SyncTestWorld::mutation(1, u"product.teleport"_s, {})});
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json.value(u"results").toArray().first().toObject().value(u"code").toString(), u"validation.unknown_mutation"_s);
    QCOMPARE(r.json.value(u"last_applied_seq").toInteger(), 1);
}

void tst_SyncApi::changeFeedCarriesLastAppliedSeq()
{
    const QString client = m_world.newClient(m_shop, m_staff);
    qint64 seq = 0;
    for (int i = 0; i < 3; ++i) {
        QVERIFY(m_world.applied(m_world.pushOne(m_shop, m_staff, client, seq, u"customer.create"_s,
                                                {{u"customer"_s, QJsonObject{{u"id"_s, newUuid()}, {u"first_name"_s, u"C"_s}}}})));
    }
    HttpResult r = m_world.changes(m_shop, m_staff, {}, 1, client);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json.value(u"last_applied_seq").toInteger(), 3);
    QCOMPARE(r.json.value(u"changes").toArray().size(), 1);
    QVERIFY(r.json.value(u"has_more").toBool());
    QVERIFY(r.json.value(u"server_time").toInteger() > 1'600'000'000'000);
    // Another user's client, or none, reads as 0.
    r = m_world.changes(m_shop, m_owner, {}, 1, client);
    QCOMPARE(r.json.value(u"last_applied_seq").toInteger(), 0);
    r = m_world.changes(m_shop, m_staff, {}, 1);
    QCOMPARE(r.json.value(u"last_applied_seq").toInteger(), 0);
}

void tst_SyncApi::customerAddressPatchReachesTheFeedAndStaysInItsShop()
{
    // The same owner has a customer in each shop.
    const QString clientA = m_world.newClient(m_shop, m_owner);
    const QString clientB = m_world.newClient(m_shopB, m_owner);
    qint64 seqA = 0;
    qint64 seqB = 0;
    const QString customerA = newUuid();
    const QString customerB = newUuid();
    const auto create = [](const QString &id, const QString &city) {
        return QJsonObject{{u"customer"_s,
                            QJsonObject{{u"id"_s, id}, {u"first_name"_s, u"Iris"_s},
                                        {u"addresses"_s, QJsonArray{QJsonObject{{u"id"_s, newUuid()}, {u"city"_s, city}}}}}}};
    };
    QVERIFY(m_world.applied(m_world.pushOne(m_shop, m_owner, clientA, seqA, u"customer.create"_s, create(customerA, u"Graz"_s))));
    QVERIFY(m_world.applied(m_world.pushOne(m_shopB, m_owner, clientB, seqB, u"customer.create"_s, create(customerB, u"Linz"_s))));
    const auto customerIn = [&](const QString &shop, const QString &id) {
        return m_world.http->get(SyncTestWorld::shopPath(shop, u"/customers/"_s + id), m_owner);
    };
    const QJsonObject bBefore = customerIn(m_shopB, customerB).json;
    QCOMPARE(bBefore.value(u"addresses").toArray().first().toObject().value(u"city").toString(), u"Linz"_s);

    // Another client of shop A reads the feed up to now.
    QString cursor;
    m_world.pullAll(m_shop, m_staff, &cursor);

    const QString office = newUuid();
    const QJsonObject fields{{u"addresses"_s,
                              QJsonArray{QJsonObject{{u"id"_s, office}, {u"company"_s, u"Atelier Iris"_s},
                                                     {u"line1"_s, u"Murgasse 3"_s}, {u"city"_s, u"Graz"_s},
                                                     {u"postal_code"_s, u"8010"_s}, {u"country_code"_s, u"AT"_s}}}}};
    // Shop A's client names shop B's customer: there is no such customer in shop A.
    QJsonObject result = m_world.pushOne(m_shop, m_owner, clientA, seqA, u"customer.patch"_s,
                                         {{u"id"_s, customerB}, {u"base_version"_s, 1}, {u"fields"_s, fields}});
    QCOMPARE(result.value(u"status").toString(), u"rejected"_s);
    QCOMPARE(result.value(u"code").toString(), u"not_found.customer"_s);
    // A caller who is no member of shop B cannot send it there either.
    const QString staffClient = m_world.newClient(m_shop, m_staff);
    const HttpResult foreign = m_world.push(m_shopB, m_staff, staffClient,
                                            {SyncTestWorld::mutation(1, u"customer.patch"_s,
                                                                     {{u"id"_s, customerB}, {u"base_version"_s, 1},
                                                                      {u"fields"_s, fields}})});
    QCOMPARE(foreign.status, 404);
    QCOMPARE(foreign.errorCode(), u"not_found.shop"_s);
    const QJsonObject bAfter = customerIn(m_shopB, customerB).json;
    QCOMPARE(bAfter, bBefore);

    // In its own shop the patch applies, and the feed carries the customer with its new list.
    result = m_world.pushOne(m_shop, m_owner, clientA, seqA, u"customer.patch"_s,
                             {{u"id"_s, customerA}, {u"base_version"_s, 1}, {u"fields"_s, fields}});
    QVERIFY2(m_world.applied(result), qPrintable(m_world.error));
    QCOMPARE(result.value(u"result").toObject().value(u"version").toInteger(), 2);
    const QJsonArray changes = m_world.pullAll(m_shop, m_staff, &cursor);
    QJsonObject fed;
    for (const QJsonValue &change : changes) {
        if (change.toObject().value(u"id").toString() == customerA)
            fed = change.toObject();
    }
    QVERIFY2(!fed.isEmpty(), "the patched customer is not in the feed");
    QCOMPARE(fed.value(u"version").toInteger(), 2);
    const QJsonArray addresses = fed.value(u"data").toObject().value(u"addresses").toArray();
    QCOMPARE(addresses.size(), 1);
    QCOMPARE(addresses.first().toObject().value(u"id").toString(), office);
    QCOMPARE(addresses.first().toObject().value(u"customer_id").toString(), customerA);
    QCOMPARE(addresses.first().toObject().value(u"line1").toString(), u"Murgasse 3"_s);
    QCOMPARE(customerIn(m_shop, customerA).json.value(u"addresses").toArray(), addresses);
}

void tst_SyncApi::changeFeedStaysConsistentWhileWritesHappen()
{
    // Other clients keep writing while this one pulls the whole shop in small pages.
    const QString writer = m_world.newClient(m_shop, m_staff);
    qint64 seq = 0;
    const QString doomedProduct = newUuid();
    const QString doomedVariant = newUuid();
    QVERIFY(m_world.applied(m_world.pushOne(m_shop, m_staff, writer, seq, u"product.create"_s,
                                            SyncTestWorld::productArgs(doomedProduct, u"doomed"_s, doomedVariant, u"DOOM-1"_s, 100))));
    const QString stocked = newVariant(20);
    QList<std::pair<QString, QJsonObject>> writes{
        {u"inventory.adjust"_s, SyncTestWorld::adjustArgs(stocked, m_location, -2, u"sold"_s)},
        {u"product.create"_s, SyncTestWorld::productArgs(newUuid(), u"late-arrival"_s, newUuid(), u"LATE-1"_s, 900)},
        {u"inventory.adjust"_s, SyncTestWorld::adjustArgs(doomedVariant, m_location, 4)},
        {u"product.delete"_s, {{u"id"_s, doomedProduct}}},
        {u"customer.create"_s, {{u"customer"_s, QJsonObject{{u"id"_s, newUuid()}, {u"first_name"_s, u"Mid-sync"_s}}}}},
        {u"inventory.adjust"_s, SyncTestWorld::adjustArgs(stocked, m_location, -1, u"damaged"_s)},
        {u"product.create"_s, SyncTestWorld::productArgs(newUuid(), u"later-still"_s, newUuid(), u"LATE-2"_s, 950)},
        {u"inventory.adjust"_s, SyncTestWorld::adjustArgs(stocked, m_location, 5)},
    };

    QHash<QString, QJsonObject> state; // what the client holds, by type/id
    QString cursor;
    int pages = 0;
    for (;;) {
        const HttpResult r = m_world.changes(m_shop, m_owner, cursor, 4);
        QCOMPARE(r.status, 200);
        for (const QJsonValue &v : r.json.value(u"changes").toArray()) {
            const QJsonObject change = v.toObject();
            const QString key = keyOf(change);
            // Within one feed a record only ever comes back newer.
            if (state.contains(key))
                QVERIFY2(change.value(u"version").toInteger() > state.value(key).value(u"version").toInteger(), qPrintable(key));
            if (change.value(u"op").toString() == u"delete")
                state.insert(key, QJsonObject{{u"version"_s, change.value(u"version")}, {u"deleted"_s, true}});
            else
                state.insert(key, change);
        }
        cursor = r.json.value(u"next_cursor").toString();
        ++pages;
        if (!writes.isEmpty()) {
            const auto [name, args] = writes.takeFirst();
            QVERIFY2(m_world.applied(m_world.pushOne(m_shop, m_staff, writer, seq, name, args)), qPrintable(m_world.error));
        } else if (!r.json.value(u"has_more").toBool()) {
            break;
        }
    }
    QVERIFY(pages > 8);

    // The client's copy equals the server's, record by record.
    const QList<std::pair<QString, QString>> lists{{u"product"_s, u"/products"_s},   {u"variant"_s, u"/variants"_s},
                                                   {u"location"_s, u"/locations"_s}, {u"inventory_level"_s, u"/inventory-levels"_s},
                                                   {u"ledger_entry"_s, u"/ledger"_s}, {u"customer"_s, u"/customers"_s},
                                                   {u"order"_s, u"/orders"_s}};
    for (const auto &[type, route] : lists) {
        QHash<QString, QJsonObject> server;
        for (const QJsonValue &v : m_world.listAll(m_shop, m_owner, route)) {
            const QJsonObject item = v.toObject();
            const QString id = type == u"inventory_level"
                                   ? item.value(u"variant_id").toString() + u':' + item.value(u"location_id").toString()
                                   : item.value(u"id").toString();
            server.insert(type + u'/' + id, item);
        }
        QHash<QString, QJsonObject> client;
        for (auto it = state.cbegin(); it != state.cend(); ++it) {
            if (it.key().startsWith(type + u'/') && !it.value().value(u"deleted").toBool())
                client.insert(it.key(), it.value().value(u"data").toObject());
        }
        QCOMPARE(client.size(), server.size());
        for (auto it = server.cbegin(); it != server.cend(); ++it)
            QVERIFY2(client.value(it.key()) == it.value(), qPrintable(it.key()));
    }
    QVERIFY(state.value(u"product/"_s + doomedProduct).value(u"deleted").toBool());
    QVERIFY(state.value(u"variant/"_s + doomedVariant).value(u"deleted").toBool());
}

void tst_SyncApi::changeFeedForWarehouseIsFiltered()
{
    const QString variant = newVariant(5);
    const QString customer = newUuid();
    QVERIFY(m_world.applied(m_world.pushOne(m_shop, m_owner, m_setupClient, m_setupSeq, u"customer.create"_s,
                                            {{u"customer"_s, QJsonObject{{u"id"_s, customer},
                                                                         {u"first_name"_s, u"Lena"_s},
                                                                         {u"email"_s, u"lena@example.de"_s}}}})));
    const HttpResult order = m_world.http->post(
        SyncTestWorld::shopPath(m_shop, u"/orders"_s),
        {{u"lines"_s, QJsonArray{QJsonObject{{u"variant_id"_s, variant}, {u"quantity"_s, 1}}}},
         {u"customer_id"_s, customer},
         {u"shipping_address"_s, QJsonObject{{u"name"_s, u"Lena"_s}, {u"city"_s, u"Berlin"_s}, {u"country_code"_s, u"DE"_s}}},
         {u"gateway"_s, u"stripe"_s},
         {u"paid"_s, true}},
        m_storefrontToken);
    QCOMPARE(order.status, 201);
    const QString orderId = order.json.value(u"id").toString();

    QString cursor;
    const QJsonArray feed = m_world.pullAll(m_shop, m_warehouseToken, &cursor, 5000);
    QVERIFY2(m_world.error.isEmpty(), qPrintable(m_world.error));
    bool sawOrder = false;
    for (const QJsonValue &v : feed) {
        const QJsonObject change = v.toObject();
        QVERIFY(change.value(u"type").toString() != u"customer");
        if (change.value(u"id").toString() != orderId)
            continue;
        sawOrder = true;
        const QJsonObject data = change.value(u"data").toObject();
        for (const char *hidden : {"customer_id", "customer_name", "email", "billing_address", "note", "total", "subtotal"})
            QVERIFY2(!data.contains(QLatin1String(hidden)), hidden);
        const QJsonObject line = data.value(u"lines").toArray().first().toObject();
        QCOMPARE(line.value(u"quantity").toInteger(), 1);
        QVERIFY(line.contains(u"sku"));
        QVERIFY(!line.contains(u"unit_price"));
        QCOMPARE(data.value(u"shipping_address").toObject().value(u"city").toString(), u"Berlin"_s);
    }
    QVERIFY(sawOrder);

    // The owner's feed has both, unredacted.
    cursor.clear();
    bool sawCustomer = false;
    for (const QJsonValue &v : m_world.pullAll(m_shop, m_owner, &cursor, 5000)) {
        const QJsonObject change = v.toObject();
        sawCustomer = sawCustomer || change.value(u"id").toString() == customer;
        if (change.value(u"id").toString() == orderId)
            QCOMPARE(change.value(u"data").toObject().value(u"total").toInteger(), 2500);
    }
    QVERIFY(sawCustomer);
}

void tst_SyncApi::invalidChangeFeedQueries()
{
    const QString path = SyncTestWorld::shopPath(m_shop, u"/sync/changes"_s);
    for (const QString &query : {u"?cursor=garbage!"_s, u"?cursor=YzE6LTU"_s /* c1:-5 */, u"?cursor=eDE6NQ"_s /* x1:5 */}) {
        const HttpResult r = m_world.http->get(path + query, m_owner);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorCode(), u"validation.invalid_cursor"_s);
    }
    for (const QString &query : {u"?limit=0"_s, u"?limit=5001"_s, u"?limit=ten"_s}) {
        const HttpResult r = m_world.http->get(path + query, m_owner);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.json.value(u"error").toObject().value(u"field").toString(), u"limit"_s);
    }
    QCOMPARE(m_world.http->get(path + u"?limit=5000"_s, m_owner).status, 200);
    QCOMPARE(m_world.http->get(path, QString()).status, 401);
    // A shop the caller is not a member of does not exist for them.
    QCOMPARE(m_world.http->get(SyncTestWorld::shopPath(newUuid(), u"/sync/changes"_s), m_owner).status, 404);
}

void tst_SyncApi::cursorExpiresAfterPurge()
{
    QString old;
    m_world.pullAll(m_shop, m_owner, &old);
    const QString product = newUuid();
    QVERIFY(m_world.applied(m_world.pushOne(m_shop, m_owner, m_setupClient, m_setupSeq, u"product.create"_s,
                                            SyncTestWorld::productArgs(product, u"short-lived"_s, newUuid(), u"SHORT-1"_s, 100))));
    QVERIFY(m_world.applied(m_world.pushOne(m_shop, m_owner, m_setupClient, m_setupSeq, u"product.delete"_s,
                                            {{u"id"_s, product}})));
    QString recent = old;
    const QJsonArray tail = m_world.pullAll(m_shop, m_owner, &recent);
    QVERIFY(!tail.isEmpty());
    // Until the tombstones are purged, the old cursor still works.
    QCOMPARE(m_world.changes(m_shop, m_owner, old).status, 200);

    QVERIFY(m_world.admin({u"purge-tombstones"_s, u"--shop"_s, m_shop, u"--older-than-days"_s, u"0"_s}));
    HttpResult r = m_world.changes(m_shop, m_owner, old);
    QCOMPARE(r.status, 410);
    QCOMPARE(r.errorCode(), u"cursor_expired"_s);
    // A cursor taken after the tombstones is fine, and so is a fresh start without the product.
    QCOMPARE(m_world.changes(m_shop, m_owner, recent).status, 200);
    QString fresh;
    const QJsonArray all = m_world.pullAll(m_shop, m_owner, &fresh, 5000);
    QVERIFY(m_world.error.isEmpty());
    for (const QJsonValue &v : all)
        QVERIFY(v.toObject().value(u"id").toString() != product);
}

QTEST_GUILESS_MAIN(tst_SyncApi)
#include "tst_syncapi.moc"
