#include "storage/inventoryrepository.h"
#include "storage/productrepository.h"
#include "storage/shoprepository.h"
#include "storagetestsupport.h"
#include "testsupport.h"

#include <QRandomGenerator>
#include <QTest>

#include <algorithm>

using namespace sk;

class tst_InventoryRepository : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TempStore> m_temp;
    Location m_main = test::makeLocation(1, QStringLiteral("Main store"));
    Location m_back = test::makeLocation(2, QStringLiteral("Backroom"));

    ShopStore &store() { return *m_temp->store; }

    // `products` products with `perProduct` variants each, in both locations.
    Result<void> seedCatalog(int products, int perProduct)
    {
        return store().write([&](SqliteDatabase &db) -> Result<void> {
            ShopRepository shop(db);
            SK_TRY(shop.upsertLocation(m_main));
            SK_TRY(shop.upsertLocation(m_back));
            ProductRepository repo(db);
            for (int p = 0; p < products; ++p) {
                const Product prod = test::makeProduct(p, QStringLiteral("Product %1").arg(p));
                SK_TRY(repo.upsertProduct(prod));
                for (int k = 0; k < perProduct; ++k) {
                    const int n = p * perProduct + k;
                    Variant v = test::makeVariant(n, prod.id, QStringLiteral("SKU-%1").arg(n), 100);
                    v.option1 = QStringLiteral("Size %1").arg(k);
                    SK_TRY(repo.upsertVariant(v));
                }
            }
            return {};
        });
    }

    QList<InventoryRow> walk(InventoryRepository &repo, const InventoryQuery &q)
    {
        return test::walkPages(q, [&](const InventoryQuery &x) { return repo.list(x); });
    }

    QList<LedgerEntry> walkLedger(InventoryRepository &repo, const LedgerQuery &q)
    {
        return test::walkPages(q, [&](const LedgerQuery &x) { return repo.ledger(x); });
    }

private slots:
    void init()
    {
        m_temp = test::makeTempStore();
        QVERIFY(m_temp);
    }
    void cleanup() { m_temp.reset(); }

    void levelRoundTripsEveryField()
    {
        SK_VERIFY_OK(seedCatalog(1, 2));
        InventoryLevel a;
        a.variantId = test::idFor("var", 0);
        a.locationId = m_main.id;
        a.onHand = 12;
        a.committed = 3;
        a.lowStockThreshold = 5;
        a.version = 9;
        a.updatedAt = 1'700'000'000'001;
        InventoryLevel b = a;
        b.locationId = m_back.id;
        b.onHand = -2; // oversold stock is representable
        b.committed = 0;
        b.lowStockThreshold.reset();
        SK_VERIFY_OK(store().write([&](SqliteDatabase &db) -> Result<void> {
            InventoryRepository repo(db);
            SK_TRY(repo.upsertLevel(a));
            return repo.upsertLevel(b);
        }));
        auto reader = store().openReader();
        SK_VERIFY_OK(reader);
        InventoryRepository repo(**reader);
        auto got = repo.level(a.variantId, a.locationId);
        SK_VERIFY_OK(got);
        QVERIFY(got->has_value());
        QCOMPARE((*got)->variantId, a.variantId);
        QCOMPARE((*got)->locationId, a.locationId);
        QCOMPARE((*got)->onHand, a.onHand);
        QCOMPARE((*got)->committed, a.committed);
        QCOMPARE((*got)->available(), qint64(9));
        QCOMPARE((*got)->lowStockThreshold, a.lowStockThreshold);
        QCOMPARE((*got)->version, a.version);
        QCOMPARE((*got)->updatedAt, a.updatedAt);

        auto levels = repo.levelsOfVariant(a.variantId);
        SK_VERIFY_OK(levels);
        QCOMPARE(levels->size(), 2);
        QCOMPARE(levels->at(0).locationId, m_back.id); // "Backroom" before "Main store"
        QCOMPARE(levels->at(0).onHand, qint64(-2));
        QCOMPARE(levels->at(0).lowStockThreshold, std::nullopt);

        // Upsert replaces in place.
        a.onHand = 1;
        a.lowStockThreshold.reset();
        SK_VERIFY_OK(store().write([&](SqliteDatabase &db) { return InventoryRepository(db).upsertLevel(a); }));
        got = repo.level(a.variantId, a.locationId);
        SK_VERIFY_OK(got);
        QCOMPARE((*got)->onHand, qint64(1));
        QCOMPARE((*got)->lowStockThreshold, std::nullopt);
        QCOMPARE(repo.levelsOfVariant(a.variantId).value().size(), 2);

        auto none = repo.level(test::idFor("var", 1), m_main.id);
        SK_VERIFY_OK(none);
        QVERIFY(!none->has_value());
        SK_VERIFY_OK(repo.ledgerSum(a.variantId, a.locationId));
        QVERIFY(!test::hasBusyStatement(**reader));

        // A level must point at a real variant and location.
        InventoryLevel orphan = a;
        orphan.variantId = QStringLiteral("no-such-variant");
        auto r = store().write([&](SqliteDatabase &db) { return InventoryRepository(db).upsertLevel(orphan); });
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QStringLiteral("sqlite.constraint"));
    }

    // The same pulled entry appended twice is one row, unchanged; read back by id.
    void appendLedgerKeepsAnExistingEntry()
    {
        SK_VERIFY_OK(seedCatalog(1, 1));
        LedgerEntry entry;
        entry.id = test::idFor("led", 1);
        entry.variantId = test::idFor("var", 0);
        entry.locationId = m_main.id;
        entry.delta = 5;
        entry.quantityAfter = 5;
        entry.reason = InventoryReason::Received;
        entry.reference = QStringLiteral("PO-1");
        entry.createdAt = 1000;
        entry.version = 1;
        entry.updatedAt = 1000;
        SK_VERIFY_OK(store().write([&](SqliteDatabase &db) -> Result<void> {
            InventoryRepository repo(db);
            SK_TRY(repo.appendLedger(entry));
            LedgerEntry changed = entry;
            changed.delta = 99;
            SK_TRY(repo.appendLedger(changed, InventoryRepository::IfPresent::KeepExisting));
            if (repo.appendLedger(changed).ok())
                return makeError(QStringLiteral("test"), QStringLiteral("a second plain append of the same id must fail"));
            return {};
        }));
        auto reader = store().openReader();
        QVERIFY(reader.ok());
        InventoryRepository repo(**reader);
        auto read = repo.ledgerEntry(entry.id);
        SK_VERIFY_OK(read);
        QVERIFY(read->has_value());
        QCOMPARE((*read)->delta, 5);
        QCOMPARE((*read)->reference, QStringLiteral("PO-1"));
        QCOMPARE(repo.ledgerSum(entry.variantId, m_main.id).value(), 5);
        QVERIFY(!repo.ledgerEntry(test::idFor("led", 2)).value().has_value());
    }

    void recordAdjustmentKeepsOnHandEqualToTheLedgerSum()
    {
        SK_VERIFY_OK(seedCatalog(1, 3));
        const QString variant = test::idFor("var", 1);
        auto *rng = QRandomGenerator::global();
        QList<qint64> deltas;
        for (int i = 0; i < 200; ++i) {
            qint64 d = rng->bounded(-20, 21);
            if (d == 0)
                d = 1;
            deltas.append(d);
        }
        qint64 expected = 0;
        QList<LedgerEntry> recorded;
        SK_VERIFY_OK(store().write([&](SqliteDatabase &db) -> Result<void> {
            InventoryRepository repo(db);
            for (int i = 0; i < deltas.size(); ++i) {
                SK_TRY_ASSIGN(entry, repo.recordAdjustment(variant, i % 3 ? m_main.id : m_back.id, deltas[i],
                                                           InventoryReason::CycleCount, QStringLiteral("count-%1").arg(i),
                                                           QStringLiteral("note %1").arg(i), QStringLiteral("u1"),
                                                           QStringLiteral("Ada"), 1000 + i));
                recorded.append(entry);
            }
            return {};
        }));
        auto reader = store().openReader();
        SK_VERIFY_OK(reader);
        InventoryRepository repo(**reader);
        for (const Location &loc : {m_main, m_back}) {
            auto level = repo.level(variant, loc.id);
            SK_VERIFY_OK(level);
            QVERIFY(level->has_value());
            auto sum = repo.ledgerSum(variant, loc.id);
            SK_VERIFY_OK(sum);
            QCOMPARE((*level)->onHand, *sum);
            expected = 0;
            for (int i = 0; i < deltas.size(); ++i) {
                if ((i % 3 ? m_main.id : m_back.id) == loc.id)
                    expected += deltas[i];
            }
            QCOMPARE(*sum, expected);
            QCOMPARE((*level)->committed, qint64(0)); // created at 0 and never touched
        }
        // Each entry says what the quantity became.
        qint64 running = 0;
        for (int i = 0; i < recorded.size(); ++i) {
            if (recorded[i].locationId != m_main.id)
                continue;
            running += recorded[i].delta;
            QCOMPARE(recorded[i].quantityAfter, running);
        }
        // And the stored row equals what recordAdjustment returned.
        LedgerQuery q;
        q.variantId = variant;
        q.locationId = m_main.id;
        q.limit = 1;
        auto newest = repo.ledger(q);
        SK_VERIFY_OK(newest);
        QCOMPARE(newest->rows.size(), 1);
        const LedgerEntry &last = newest->rows[0];
        auto newestMain = std::find_if(recorded.crbegin(), recorded.crend(),
                                       [&](const LedgerEntry &e) { return e.locationId == m_main.id; });
        QVERIFY(newestMain != recorded.crend());
        const LedgerEntry &mine = *newestMain;
        QCOMPARE(last.id, mine.id);
        QCOMPARE(last.delta, mine.delta);
        QCOMPARE(last.quantityAfter, mine.quantityAfter);
        QCOMPARE(toString(last.reason), QStringLiteral("cycle_count"));
        QCOMPARE(last.reference, mine.reference);
        QCOMPARE(last.note, mine.note);
        QCOMPARE(last.userId, QStringLiteral("u1"));
        QCOMPARE(last.userName, QStringLiteral("Ada"));
        QCOMPARE(last.createdAt, mine.createdAt);
    }

    void recordAdjustmentRefusesZeroAndRollsBackOnFailure()
    {
        SK_VERIFY_OK(seedCatalog(1, 1));
        const QString variant = test::idFor("var", 0);
        auto zero = store().write([&](SqliteDatabase &db) {
            return InventoryRepository(db).recordAdjustment(variant, m_main.id, 0, InventoryReason::Correction, {}, {},
                                                            {}, {}, 1);
        });
        QVERIFY(!zero.ok());
        QCOMPARE(zero.error().code, QStringLiteral("inventory.zero_delta"));

        // Unknown location: the level insert fails and nothing, not even a ledger row, remains,
        // although the caller carries on and commits its transaction.
        SK_VERIFY_OK(store().write([&](SqliteDatabase &db) -> Result<void> {
            InventoryRepository repo(db);
            auto bad = repo.recordAdjustment(variant, QStringLiteral("nowhere"), 5, InventoryReason::Received, {}, {},
                                             {}, {}, 1);
            if (bad.ok())
                return makeError(QStringLiteral("test"), QStringLiteral("an unknown location was accepted"));
            return repo.recordAdjustment(variant, m_main.id, 5, InventoryReason::Received, {}, {}, {}, {}, 2).ok()
                ? Result<void>()
                : makeError(QStringLiteral("test"), QStringLiteral("the good adjustment failed"));
        }));
        auto reader = store().openReader();
        SK_VERIFY_OK(reader);
        QCOMPARE((*reader)->queryInt64("SELECT count(*) FROM inventory_ledger").value(), qint64(1));
        QCOMPARE((*reader)->queryInt64("SELECT count(*) FROM inventory_levels").value(), qint64(1));
    }

    void ledgerIsAppendOnly()
    {
        SK_VERIFY_OK(seedCatalog(1, 1));
        SK_VERIFY_OK(store().write([&](SqliteDatabase &db) {
            return InventoryRepository(db).recordAdjustment(test::idFor("var", 0), m_main.id, 3,
                                                            InventoryReason::Received, {}, {}, {}, {}, 1);
        }));
        auto update = store().write([](SqliteDatabase &db) { return db.exec("UPDATE inventory_ledger SET delta = 99"); });
        QVERIFY(!update.ok());
        QCOMPARE(update.error().code, QStringLiteral("sqlite.constraint"));
        QVERIFY(update.error().message.contains(QLatin1String("append-only")));
        auto del = store().write([](SqliteDatabase &db) { return db.exec("DELETE FROM inventory_ledger"); });
        QVERIFY(!del.ok());
        QVERIFY(del.error().message.contains(QLatin1String("append-only")));
        auto reader = store().openReader();
        SK_VERIFY_OK(reader);
        QCOMPARE((*reader)->queryInt64("SELECT sum(delta) FROM inventory_ledger").value(), qint64(3));
    }

    void listPagesEveryLevelOnceInOrder_data()
    {
        QTest::addColumn<int>("sort");
        QTest::addColumn<int>("order");
        QTest::addColumn<bool>("allLocations");
        QTest::addColumn<bool>("lowStockOnly");
        for (bool all : {false, true}) {
            for (bool low : {false, true}) {
                const QByteArray tag = QByteArray(all ? " all" : " main") + (low ? " low" : "");
                QTest::newRow("available asc" + tag) << int(InventorySort::Available) << int(SortOrder::Ascending) << all << low;
                QTest::newRow("available desc" + tag) << int(InventorySort::Available) << int(SortOrder::Descending) << all << low;
                QTest::newRow("rid asc" + tag) << int(InventorySort::Rid) << int(SortOrder::Ascending) << all << low;
                QTest::newRow("rid desc" + tag) << int(InventorySort::Rid) << int(SortOrder::Descending) << all << low;
            }
        }
    }
    void listPagesEveryLevelOnceInOrder()
    {
        QFETCH(int, sort);
        QFETCH(int, order);
        QFETCH(bool, allLocations);
        QFETCH(bool, lowStockOnly);
        SK_VERIFY_OK(seedCatalog(30, 5)); // 150 variants, 300 levels
        SK_VERIFY_OK(store().write([&](SqliteDatabase &db) -> Result<void> {
            InventoryRepository repo(db);
            for (int n = 0; n < 150; ++n) {
                for (const Location &loc : {m_main, m_back}) {
                    InventoryLevel l;
                    l.variantId = test::idFor("var", n);
                    l.locationId = loc.id;
                    l.onHand = (n * 7) % 13 - 2; // ties and negatives
                    l.committed = n % 3;
                    if (n % 4)
                        l.lowStockThreshold = 3;
                    SK_TRY(repo.upsertLevel(l));
                }
            }
            return {};
        }));
        auto reader = store().openReader();
        SK_VERIFY_OK(reader);
        InventoryRepository repo(**reader);
        InventoryQuery q;
        q.locationId = allLocations ? InventoryQuery::allLocations() : m_main.id;
        q.lowStockOnly = lowStockOnly;
        q.sort = InventorySort(sort);
        q.order = SortOrder(order);
        q.limit = 17;
        const QList<InventoryRow> rows = walk(repo, q);

        int expectedCount = 0;
        for (int n = 0; n < 150; ++n) {
            const qint64 available = (n * 7) % 13 - 2 - n % 3;
            if (!lowStockOnly || (n % 4 && available <= 3))
                expectedCount += allLocations ? 2 : 1;
        }
        QVERIFY(expectedCount > 20);
        QCOMPARE(rows.size(), expectedCount);
        QList<InventoryRow> expected = rows;
        const bool asc = q.order == SortOrder::Ascending;
        std::sort(expected.begin(), expected.end(), [&](const InventoryRow &a, const InventoryRow &b) {
            int c = 0;
            if (q.sort == InventorySort::Available)
                c = a.available < b.available ? -1 : (a.available > b.available ? 1 : 0);
            if (c == 0)
                c = a.rid < b.rid ? -1 : 1;
            return asc ? c < 0 : c > 0;
        });
        QSet<qint64> seen;
        for (int i = 0; i < rows.size(); ++i) {
            QVERIFY(!seen.contains(rows[i].rid));
            seen.insert(rows[i].rid);
            QCOMPARE(rows[i].rid, expected[i].rid);
            if (!allLocations)
                QCOMPARE(rows[i].locationId, m_main.id);
            QCOMPARE(rows[i].available, rows[i].onHand - rows[i].committed);
            if (lowStockOnly)
                QVERIFY(rows[i].lowStockThreshold && rows[i].available <= *rows[i].lowStockThreshold);
        }
        // Rows carry what the list shows.
        const auto it = std::find_if(rows.cbegin(), rows.cend(),
                                     [](const InventoryRow &r) { return r.variantId == test::idFor("var", 6); });
        if (it != rows.cend()) {
            QCOMPARE(it->productTitle, QStringLiteral("Product 1"));
            QCOMPARE(it->sku, QStringLiteral("SKU-6"));
            QCOMPARE(it->optionsTitle, QStringLiteral("Size 1"));
            QCOMPARE(it->locationName, it->locationId == m_main.id ? m_main.name : m_back.name);
            QCOMPARE(it->onHand, qint64((6 * 7) % 13 - 2));
            QCOMPARE(it->committed, qint64(0));
            QCOMPARE(it->lowStockThreshold, std::optional<qint64>(3));
        }
    }

    void listNeedsALocation()
    {
        auto reader = store().openReader();
        SK_VERIFY_OK(reader);
        auto r = InventoryRepository(**reader).list({});
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QStringLiteral("inventory.location_required"));
    }

    void ledgerPagesNewestFirstWithFilters()
    {
        SK_VERIFY_OK(seedCatalog(1, 3));
        // 240 entries over 3 variants x 2 locations, four at a time sharing a timestamp.
        QStringList insertedIds;
        SK_VERIFY_OK(store().write([&](SqliteDatabase &db) -> Result<void> {
            InventoryRepository repo(db);
            for (int i = 0; i < 240; ++i) {
                const InventoryReason reason = i % 5 == 0 ? InventoryReason::Sold
                    : i % 5 == 1                          ? InventoryReason::Received
                                                          : InventoryReason::Correction;
                SK_TRY_ASSIGN(entry, repo.recordAdjustment(test::idFor("var", i % 3), i % 2 ? m_main.id : m_back.id,
                                                           i % 7 + 1, reason, {}, {}, {}, {}, 10'000 + i / 4));
                insertedIds.append(entry.id);
            }
            return {};
        }));
        auto reader = store().openReader();
        SK_VERIFY_OK(reader);
        InventoryRepository repo(**reader);

        struct Case
        {
            QString variant;
            QString location;
            QList<InventoryReason> reasons;
            std::optional<qint64> from;
            std::optional<qint64> to;
        };
        const QList<Case> cases = {
            {},
            {test::idFor("var", 1), {}, {}, {}, {}},
            {{}, m_main.id, {}, {}, {}},
            {test::idFor("var", 2), m_back.id, {}, {}, {}},
            {{}, {}, {InventoryReason::Sold, InventoryReason::Received}, {}, {}},
            {{}, {}, {}, 10'010, 10'030},
            {test::idFor("var", 0), {}, {InventoryReason::Correction}, 10'005, 10'050},
        };
        for (const Case &c : cases) {
            LedgerQuery q;
            q.variantId = c.variant;
            q.locationId = c.location;
            q.reasons = c.reasons;
            q.from = c.from;
            q.to = c.to;
            q.limit = 9;
            const QList<LedgerEntry> rows = walkLedger(repo, q);
            // The expected rows: newest first, the later of two entries with the same time first.
            QStringList expected;
            for (int i = 239; i >= 0; --i) {
                const InventoryReason reason = i % 5 == 0 ? InventoryReason::Sold
                    : i % 5 == 1                          ? InventoryReason::Received
                                                          : InventoryReason::Correction;
                const qint64 at = 10'000 + i / 4;
                if (!c.variant.isEmpty() && test::idFor("var", i % 3) != c.variant)
                    continue;
                if (!c.location.isEmpty() && (i % 2 ? m_main.id : m_back.id) != c.location)
                    continue;
                if (!c.reasons.isEmpty() && !c.reasons.contains(reason))
                    continue;
                if ((c.from && at < *c.from) || (c.to && at >= *c.to))
                    continue;
                expected.append(insertedIds[i]);
            }
            QVERIFY(!expected.isEmpty());
            QStringList actual;
            for (const LedgerEntry &e : rows)
                actual.append(e.id);
            QCOMPARE(actual, expected);
        }
    }

    void listQueriesUseIndexesForEverySort()
    {
        auto reader = store().openReader();
        SK_VERIFY_OK(reader);
        for (bool all : {false, true}) {
            for (bool low : {false, true}) {
                for (InventorySort sort : {InventorySort::Available, InventorySort::Rid}) {
                    for (SortOrder order : {SortOrder::Ascending, SortOrder::Descending}) {
                        for (bool deep : {false, true}) {
                            InventoryQuery q;
                            q.locationId = all ? InventoryQuery::allLocations() : QStringLiteral("x");
                            q.lowStockOnly = low;
                            q.sort = sort;
                            q.order = order;
                            if (deep)
                                q.after = SortKey{qint64(3), 10};
                            const QByteArray sql = InventoryRepository::listSql(q);
                            auto plan = test::queryPlan(**reader, sql);
                            SK_VERIFY_OK(plan);
                            // All levels in rid order is the table itself, walked in order.
                            const bool rowidWalk = all && sort == InventorySort::Rid;
                            const QString problem = test::planProblem(*plan, QStringLiteral("l"), deep, false, rowidWalk);
                            QVERIFY2(problem.isEmpty(), qPrintable(problem + QLatin1Char('\n') + QString::fromUtf8(sql)));
                        }
                    }
                }
            }
        }
        const QList<LedgerQuery> ledgerQueries = [] {
            QList<LedgerQuery> out;
            LedgerQuery q;
            out.append(q);
            q.variantId = QStringLiteral("v");
            out.append(q);
            q.locationId = QStringLiteral("l");
            out.append(q);
            q.variantId.clear();
            out.append(q);
            q.reasons = {InventoryReason::Sold};
            q.from = 1;
            q.to = 2;
            out.append(q);
            return out;
        }();
        for (LedgerQuery q : ledgerQueries) {
            for (bool deep : {false, true}) {
                if (deep)
                    q.after = SortKey{qint64(3), 10};
                const QByteArray sql = InventoryRepository::ledgerSql(q);
                auto plan = test::queryPlan(**reader, sql);
                SK_VERIFY_OK(plan);
                const QString problem = test::planProblem(*plan, QStringLiteral("g"), deep);
                QVERIFY2(problem.isEmpty(), qPrintable(problem + QLatin1Char('\n') + QString::fromUtf8(sql)));
            }
        }
    }
};

QTEST_GUILESS_MAIN(tst_InventoryRepository)
#include "tst_inventoryrepository.moc"
