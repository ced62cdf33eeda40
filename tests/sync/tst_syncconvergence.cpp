// The randomized convergence test (../shared/docs/sync-protocol.md): three clerks make hundreds
// of random offline edits — stock adjustments, counts and transfers, prices and titles — while
// web orders arrive through POST …/orders, and they sync in random order through the seeded
// fault proxy (dropped requests and answers, 5xx, 429, resets, delays). Afterwards every clerk
// equals the server row by row, every stock level equals the sum of its ledger, and no mutation
// was applied twice. Many seeds; a failure names its seed.
//
// STOREKEEP_CONVERGENCE_SEEDS=N runs N seeds (default 5) from STOREKEEP_CONVERGENCE_SEED (default 1).

#include "faultproxyprocess.h"
#include "syncclerk.h"
#include "syncverify.h"

#include <QHash>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QSet>
#include <QTest>

using namespace sk;
using namespace sk::test;
using namespace Qt::StringLiterals;

namespace {

const QString Password = QString::fromLatin1(SyncTestWorld::Password);
const QStringList Clerks = {u"ana@conv.test"_s, u"ben@conv.test"_s, u"cleo@conv.test"_s};

QJsonObject someFaults()
{
    return {{u"drop_request"_s, 0.05}, {u"drop_response"_s, 0.06}, {u"error_5xx"_s, 0.05},
            {u"error_429"_s, 0.01},    {u"reset"_s, 0.04},         {u"delay"_s, 0.1},
            {u"delay_ms"_s, 40}};
}

} // namespace

class tst_SyncConvergence : public QObject
{
    Q_OBJECT

    SyncTestWorld m_world;

private slots:
    void initTestCase()
    {
        QVERIFY2(m_world.start(), qPrintable(m_world.error));
        for (const QString &email : Clerks)
            QVERIFY(m_world.createUser(email, email.section(u'@', 0, 0)));
    }

    void converges_data()
    {
        QTest::addColumn<quint32>("seed");
        const int count = qMax(1, qEnvironmentVariableIntValue("STOREKEEP_CONVERGENCE_SEEDS"));
        const quint32 first = qEnvironmentVariableIsSet("STOREKEEP_CONVERGENCE_SEED")
                                  ? quint32(qEnvironmentVariableIntValue("STOREKEEP_CONVERGENCE_SEED"))
                                  : 1;
        const int seeds = qEnvironmentVariableIsSet("STOREKEEP_CONVERGENCE_SEEDS") ? count : 5;
        for (int i = 0; i < seeds; ++i)
            QTest::addRow("seed %u", first + quint32(i)) << first + quint32(i);
    }

    void converges()
    {
        QFETCH(quint32, seed);
        const QString where = u"(seed %1; rerun with STOREKEEP_CONVERGENCE_SEED=%1 STOREKEEP_CONVERGENCE_SEEDS=1)"_s
                                  .arg(seed);
        QRandomGenerator rng(seed);

        // The shop: two locations, six single-variant products, 20 of each everywhere.
        const QString shop = m_world.createShop(u"Convergence %1"_s.arg(seed), u"EUR"_s, u"allow"_s);
        for (const QString &email : Clerks)
            QVERIFY(m_world.addMember(shop, email, u"staff"_s));
        const QString token = m_world.apiToken(shop, u"owner"_s);
        const QString seedClient = m_world.newClient(shop, token);
        qint64 seedSeq = 0;
        const QStringList locations{newUuid(), newUuid()};
        QStringList variants, products, skus;
        for (int i = 0; i < locations.size(); ++i) {
            QVERIFY(m_world.applied(m_world.pushOne(shop, token, seedClient, seedSeq, u"location.create"_s,
                                                    SyncTestWorld::locationArgs(locations[i], u"Location %1"_s.arg(i)))));
        }
        for (int i = 0; i < 6; ++i) {
            products << newUuid();
            variants << newUuid();
            skus << u"C%1-%2"_s.arg(seed).arg(i);
            QVERIFY(m_world.applied(m_world.pushOne(
                shop, token, seedClient, seedSeq, u"product.create"_s,
                SyncTestWorld::productArgs(products[i], u"p%1-%2"_s.arg(seed).arg(i), variants[i], skus[i], 1000))));
            for (const QString &location : locations) {
                QVERIFY(m_world.applied(m_world.pushOne(shop, token, seedClient, seedSeq, u"inventory.adjust"_s,
                                                        SyncTestWorld::adjustArgs(variants[i], location, 20))));
            }
        }

        FaultProxyProcess proxy;
        QVERIFY2(proxy.start(m_world.server.port(), seed, someFaults()), "the fault proxy did not start");

        SyncEngine::Options options = SyncClerk::fastOptions();
        options.maxAttempts = 10;
        options.backoffBaseMs = 5;
        options.backoffCapMs = 100;
        options.backoffSeed = seed;
        options.http.totalTimeoutMs = 15'000;
        std::vector<std::unique_ptr<SyncClerk>> clerks;
        for (const QString &email : Clerks) {
            auto c = std::make_unique<SyncClerk>();
            QVERIFY2(c->open(proxy.baseUrl(), email, Password, shop, options), qPrintable(c->error));
            bool synced = false;
            for (int attempt = 0; attempt < 10 && !synced; ++attempt)
                synced = c->engine->syncOnce().ok();
            QVERIFY2(synced, qPrintable(u"first sync never succeeded "_s + where));
            clerks.push_back(std::move(c));
        }

        QSet<QString> adjustTags;   // one ledger row each, exactly
        QSet<QString> transferTags; // two ledger rows each, exactly
        int edits = 0, syncs = 0, failedSyncs = 0, orders = 0;
        for (int round = 0; round < 60; ++round) {
            SyncClerk &clerk = *clerks[rng.bounded(int(clerks.size()))];
            const int count = 5 + int(rng.bounded(20));
            for (int k = 0; k < count; ++k) {
                const int i = int(rng.bounded(variants.size()));
                const QString &variant = variants[i];
                const QString &location = locations[rng.bounded(locations.size())];
                const QString tag = u"s%1-r%2-k%3"_s.arg(seed).arg(round).arg(k);
                const quint32 kind = rng.bounded(100);
                Result<OutboxEntry> edit = makeError(u"none"_s, QString());
                if (kind < 45) {
                    qint64 delta = qint64(rng.bounded(7)) - 3;
                    if (delta == 0)
                        delta = 1;
                    edit = clerk.editor->adjustInventory(variant, location, delta,
                                                         delta < 0 ? InventoryReason::Sold : InventoryReason::Received, tag);
                    if (edit.ok())
                        adjustTags.insert(tag);
                } else if (kind < 55) {
                    edit = clerk.editor->countInventory(variant, location, qint64(rng.bounded(40)), tag);
                } else if (kind < 65) {
                    edit = clerk.editor->transferInventory(variant, locations[0], locations[1],
                                                           1 + qint64(rng.bounded(3)), tag);
                    if (edit.ok())
                        transferTags.insert(tag);
                } else if (kind < 85) {
                    edit = clerk.editor->setVariantPrice(variant, 100 + qint64(rng.bounded(5000)));
                } else {
                    edit = clerk.editor->patchProduct(products[i], QJsonObject{{u"title"_s, u"Title "_s + tag}});
                }
                QVERIFY2(edit.ok(), edit.ok() ? "" : qPrintable(edit.error().toString() + u' ' + where));
                ++edits;
            }
            if (rng.bounded(100) < 30) {
                // A web order, straight to the server.
                const HttpResult sale = m_world.http->post(
                    SyncTestWorld::shopPath(shop, u"/orders"_s),
                    QJsonObject{{u"lines"_s, QJsonArray{QJsonObject{{u"sku"_s, skus[rng.bounded(skus.size())]},
                                                                    {u"quantity"_s, 1 + int(rng.bounded(2))}}}},
                                {u"gateway"_s, u"stripe"_s},
                                {u"paid"_s, true},
                                {u"location_id"_s, locations[rng.bounded(locations.size())]}},
                    token);
                QVERIFY2(sale.status == 201, sale.body.constData());
                ++orders;
            }
            const int syncing = int(rng.bounded(int(clerks.size()) + 1));
            for (int j = 0; j < syncing; ++j) {
                SyncClerk &who = *clerks[rng.bounded(int(clerks.size()))];
                ++syncs;
                if (!who.engine->syncOnce().ok())
                    ++failedSyncs;
            }
        }

        // The network heals; everyone syncs until nothing is pending, then once more to see the rest.
        QVERIFY(proxy.setFaults(noFaults()));
        for (int pass = 0; pass < 3; ++pass) {
            for (auto &c : clerks)
                QVERIFY2(c->sync(), qPrintable(c->error + u' ' + where));
        }
        qInfo().noquote() << u"seed %1: %2 edits, %3 web orders, %4 syncs (%5 gave up under faults)"_s.arg(seed)
                                 .arg(edits).arg(orders).arg(syncs).arg(failedSyncs);
        qInfo().noquote() << "proxy:" << QJsonDocument(proxy.stats().value(u"counts"_s).toObject()).toJson(QJsonDocument::Compact);

        for (size_t c = 0; c < clerks.size(); ++c) {
            QCOMPARE(clerks[c]->pending(), 0);
            const QStringList diff = differencesFromServer(*clerks[c]->store, m_world, shop, token)
                                     + ledgerMismatches(*clerks[c]->store);
            QVERIFY2(diff.isEmpty(), qPrintable(u"clerk %1 differs %2:\n"_s.arg(c).arg(where) + diff.mid(0, 20).join(u'\n')));
        }

        // The server: each level equals its ledger, and no mutation was applied twice.
        QHash<QString, int> rowsPerTag;
        QHash<QString, qint64> ledgerSum;
        for (const QJsonValue &v : m_world.listAll(shop, token, u"/ledger"_s)) {
            const QJsonObject e = v.toObject();
            const QString reference = e.value(u"reference"_s).toString();
            const QString note = e.value(u"note"_s).toString();
            ++rowsPerTag[reference.isEmpty() ? note : reference];
            ledgerSum[e.value(u"variant_id"_s).toString() + u':' + e.value(u"location_id"_s).toString()] +=
                qint64(e.value(u"delta"_s).toDouble());
        }
        for (const QString &tag : std::as_const(adjustTags))
            QVERIFY2(rowsPerTag.value(tag) == 1, qPrintable(u"adjustment %1 has %2 ledger rows %3"_s.arg(tag).arg(rowsPerTag.value(tag)).arg(where)));
        for (const QString &tag : std::as_const(transferTags)) {
            // Each transfer is two rows, or none when refused (never refused with oversell allowed).
            QVERIFY2(rowsPerTag.value(tag) == 2, qPrintable(u"transfer %1 has %2 ledger rows %3"_s.arg(tag).arg(rowsPerTag.value(tag)).arg(where)));
        }
        for (auto it = rowsPerTag.cbegin(); it != rowsPerTag.cend(); ++it) {
            if (it.key().startsWith(u"s%1-"_s.arg(seed)) && !transferTags.contains(it.key()))
                QVERIFY2(it.value() == 1, qPrintable(u"%1 applied %2 times %3"_s.arg(it.key()).arg(it.value()).arg(where)));
        }
        for (const QJsonValue &v : m_world.listAll(shop, token, u"/inventory-levels"_s)) {
            const QJsonObject l = v.toObject();
            const QString key = l.value(u"variant_id"_s).toString() + u':' + l.value(u"location_id"_s).toString();
            QVERIFY2(qint64(l.value(u"on_hand"_s).toDouble()) == ledgerSum.value(key),
                     qPrintable(u"server level %1 is not its ledger sum %2"_s.arg(key, where)));
        }
    }
};

QTEST_GUILESS_MAIN(tst_SyncConvergence)
#include "tst_syncconvergence.moc"
