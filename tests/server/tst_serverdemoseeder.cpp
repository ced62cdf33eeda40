#include "auth/passwordhasher.h"
#include "domain/recordjson.h"
#include "storage/serverdemoseeder.h"
#include "storage/sqliteserverstorage.h"
#include "testsupport.h"
#include "util/uuidv7.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonDocument>
#include <QJsonArray>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <algorithm>
#include <ctime>
#include <functional>

using namespace sk;
using namespace sk::server;

namespace {

// 2026-03-15 12:00 UTC: the demo history ends on a known day.
const qint64 kNow = QDateTime(QDate(2026, 3, 15), QTime(12, 0), QTimeZone::utc()).toMSecsSinceEpoch();

QJsonObject shopEntry(const QJsonObject &seeded, const QString &name)
{
    for (const auto &v : seeded.value(QStringLiteral("shops")).toArray()) {
        if (v.toObject().value(QStringLiteral("name")).toString() == name)
            return v.toObject();
    }
    return {};
}

QJsonObject shopStats(const QJsonObject &stats, const QString &shopId)
{
    for (const auto &v : stats.value(QStringLiteral("shops")).toArray()) {
        if (v.toObject().value(QStringLiteral("id")).toString() == shopId)
            return v.toObject();
    }
    return {};
}

// Every live row of a type, through the change feed.
Result<void> forEach(ServerStorage &s, const QString &shopId, const QString &type,
                     const std::function<Result<void>(const EntityRecord &)> &fn)
{
    qint64 cursor = 0;
    for (;;) {
        SK_TRY_ASSIGN(page, s.changes(shopId, cursor, 2000, {type}));
        for (const EntityRecord &e : page.rows) {
            if (!e.deleted)
                SK_TRY(fn(e));
        }
        if (!page.rows.isEmpty())
            cursor = page.rows.last().changeSeq;
        if (!page.hasMore)
            return {};
    }
}

// Wall time depends on what else the machine runs; the CPU time this process spent does not
// (much), so the rate is judged on it and both are printed.
struct Pull
{
    qint64 rows = 0;
    qint64 pages = 0;
    qint64 ms = 0;
    double cpuMs = 0;
    double rowsPerSecond() const { return double(rows) * 1000.0 / double(std::max<qint64>(ms, 1)); }
    double rowsPerCpuSecond() const { return double(rows) * 1000.0 / std::max(cpuMs, 1.0); }
};

// A full pull as the sync handler does it: one read snapshot, pages of 5000 by change_seq.
Result<Pull> pullEverything(ServerStorage &s, const QString &shopId)
{
    Pull pull;
    QElapsedTimer timer;
    timer.start();
    const std::clock_t cpuStart = std::clock();
    SK_TRY(s.read([&]() -> Result<void> {
        qint64 cursor = 0;
        for (;;) {
            SK_TRY_ASSIGN(page, s.changes(shopId, cursor, 5000, {}));
            ++pull.pages;
            pull.rows += page.rows.size();
            if (!page.rows.isEmpty())
                cursor = page.rows.last().changeSeq;
            if (!page.hasMore)
                return {};
        }
    }));
    pull.ms = timer.elapsed();
    pull.cpuMs = double(std::clock() - cpuStart) * 1000.0 / CLOCKS_PER_SEC;
    return pull;
}

} // namespace

class tst_ServerDemoSeeder : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<SqliteServerStorage> m_storage;
    FixedClock m_clock{kNow};
    QJsonObject m_seeded;
    QString m_outfitters;
    QString m_hardware;

    QHash<QString, Role> rolesOf(const QString &shopId)
    {
        QHash<QString, Role> roles;
        const auto members = m_storage->membershipsOfShop(shopId);
        if (!members.ok())
            return roles;
        for (const MembershipRecord &m : *members) {
            const auto u = m_storage->user(m.userId);
            if (u.ok() && u->has_value())
                roles.insert((*u)->email, m.role);
        }
        return roles;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        auto opened = SqliteServerStorage::open(m_dir.filePath(QStringLiteral("server.sqlite")));
        SK_VERIFY_OK(opened);
        m_storage = std::move(opened).value();
        QElapsedTimer timer;
        timer.start();
        const std::clock_t cpuStart = std::clock();
        auto seeded = ServerDemoSeeder::seedStandardWorld(*m_storage, m_clock);
        SK_VERIFY_OK(seeded);
        m_seeded = *seeded;
        qInfo("standard demo world seeded in %lld ms wall, %.0f ms CPU (two small shops, five password hashes)",
              qint64(timer.elapsed()), double(std::clock() - cpuStart) * 1000.0 / CLOCKS_PER_SEC);
        m_outfitters = shopEntry(m_seeded, QStringLiteral("Demo Outfitters")).value(QStringLiteral("id")).toString();
        m_hardware = shopEntry(m_seeded, QStringLiteral("Demo Hardware")).value(QStringLiteral("id")).toString();
        QVERIFY(!m_outfitters.isEmpty());
        QVERIFY(!m_hardware.isEmpty());
    }

    void theStandardWorldHasTheShopsUsersAndRolesOfTheIssue()
    {
        auto shops = m_storage->shops();
        SK_VERIFY_OK(shops);
        QCOMPARE(shops->size(), 2);
        auto outfitters = m_storage->shop(m_outfitters).value();
        QVERIFY(outfitters.has_value());
        QCOMPARE(outfitters->settings.name, QStringLiteral("Demo Outfitters"));
        QCOMPARE(outfitters->settings.currency, QStringLiteral("EUR"));
        QCOMPARE(outfitters->settings.timeZone, QStringLiteral("Europe/Paris"));
        QCOMPARE(outfitters->settings.locale, QStringLiteral("fr-FR"));
        auto hardware = m_storage->shop(m_hardware).value();
        QVERIFY(hardware.has_value());
        QCOMPARE(hardware->settings.name, QStringLiteral("Demo Hardware"));
        QCOMPARE(hardware->settings.currency, QStringLiteral("USD"));
        QCOMPARE(hardware->settings.timeZone, QStringLiteral("America/New_York"));
        QCOMPARE(hardware->settings.locale, QStringLiteral("en-US"));
        QVERIFY(UuidV7::toText(QUuid::fromString(m_outfitters)) == m_outfitters);

        const QHash<QString, Role> expectedOutfitters = {{QStringLiteral("owner@outfitters.test"), Role::Owner},
                                                         {QStringLiteral("staff@outfitters.test"), Role::Staff},
                                                         {QStringLiteral("warehouse@outfitters.test"), Role::Warehouse},
                                                         {QStringLiteral("multi@demo.test"), Role::Owner}};
        const QHash<QString, Role> expectedHardware = {{QStringLiteral("owner@hardware.test"), Role::Owner},
                                                       {QStringLiteral("multi@demo.test"), Role::Owner}};
        QVERIFY(rolesOf(m_outfitters) == expectedOutfitters);
        QVERIFY(rolesOf(m_hardware) == expectedHardware);

        auto stats = m_storage->stats();
        SK_VERIFY_OK(stats);
        QCOMPARE(stats->value(QStringLiteral("users")).toInt(), 5);
        auto multi = m_storage->userByEmail(QStringLiteral("multi@demo.test")).value();
        QVERIFY(multi.has_value());
        QCOMPARE(m_storage->membershipsOfUser(multi->id).value().size(), 2);
    }

    void everyDemoPasswordVerifies()
    {
        for (const char *email : {"owner@outfitters.test", "staff@outfitters.test", "warehouse@outfitters.test",
                                  "owner@hardware.test", "multi@demo.test"}) {
            auto u = m_storage->userByEmail(QString::fromLatin1(email));
            SK_VERIFY_OK(u);
            QVERIFY2(u->has_value(), email);
            QVERIFY((*u)->passwordHash.startsWith(QStringLiteral("pbkdf2-sha256$600000$")));
            QVERIFY2(PasswordHasher::verify(QStringLiteral("storekeep-demo"), (*u)->passwordHash), email);
            QVERIFY(!PasswordHasher::verify(QStringLiteral("storekeep-dem0"), (*u)->passwordHash));
        }
    }

    void seedingTwiceChangesNothing()
    {
        auto before = m_storage->stats();
        SK_VERIFY_OK(before);
        const QString hashBefore = m_storage->userByEmail(QStringLiteral("owner@outfitters.test")).value()->passwordHash;
        auto again = ServerDemoSeeder::seedStandardWorld(*m_storage, m_clock);
        SK_VERIFY_OK(again);
        auto after = m_storage->stats();
        SK_VERIFY_OK(after);
        QCOMPARE(*after, *before);
        QCOMPARE(m_storage->userByEmail(QStringLiteral("owner@outfitters.test")).value()->passwordHash, hashBefore);
        // The report says what was already there.
        for (const auto &v : again->value(QStringLiteral("users")).toArray())
            QCOMPARE(v.toObject().value(QStringLiteral("created")).toBool(), false);
        for (const auto &v : again->value(QStringLiteral("memberships")).toArray())
            QCOMPARE(v.toObject().value(QStringLiteral("created")).toBool(), false);
        QCOMPARE(again->value(QStringLiteral("memberships")).toArray().size(), 6);
        for (const auto &v : again->value(QStringLiteral("shops")).toArray()) {
            QCOMPARE(v.toObject().value(QStringLiteral("created")).toBool(), false);
            QCOMPARE(v.toObject().value(QStringLiteral("filled")).toBool(), false);
        }
        QCOMPARE(shopEntry(*again, QStringLiteral("Demo Hardware")).value(QStringLiteral("id")).toString(), m_hardware);
        for (const auto &v : m_seeded.value(QStringLiteral("shops")).toArray()) {
            QCOMPARE(v.toObject().value(QStringLiteral("created")).toBool(), true);
            QCOMPARE(v.toObject().value(QStringLiteral("filled")).toBool(), true);
        }
    }

    void entityCountsMatchTheGeneratorStats()
    {
        auto stats = m_storage->stats();
        SK_VERIFY_OK(stats);
        for (const QString &shopId : {m_outfitters, m_hardware}) {
            QJsonObject generated;
            for (const auto &v : m_seeded.value(QStringLiteral("shops")).toArray()) {
                if (v.toObject().value(QStringLiteral("id")).toString() == shopId)
                    generated = v.toObject().value(QStringLiteral("stats")).toObject();
            }
            QVERIFY(!generated.isEmpty());
            const QJsonObject stored = shopStats(*stats, shopId).value(QStringLiteral("entities")).toObject();
            auto count = [&](const char *type) { return stored.value(QString::fromLatin1(type)).toInteger(); };
            auto made = [&](const char *key) { return generated.value(QString::fromLatin1(key)).toInteger(); };
            QVERIFY(made("orders") > 1000); // small: ~5k orders
            QCOMPARE(count("product"), made("products"));
            QCOMPARE(count("variant"), made("variants"));
            QCOMPARE(count("location"), made("locations"));
            QCOMPARE(count("customer"), made("customers"));
            QCOMPARE(count("order"), made("orders"));
            QCOMPARE(count("inventory_level"), made("inventory_levels"));
            QCOMPARE(count("ledger_entry"), made("ledger_entries"));
            QCOMPARE(count("shop_settings"), qint64(1));
            QCOMPARE(stored.size(), 8);
            QCOMPARE(shopStats(*stats, shopId).value(QStringLiteral("tombstones")).toInt(), 0);
        }
        // Two shops, two different worlds.
        const auto a = m_storage->changes(m_outfitters, 0, 50, {QStringLiteral("product")});
        const auto b = m_storage->changes(m_hardware, 0, 50, {QStringLiteral("product")});
        SK_VERIFY_OK(a);
        SK_VERIFY_OK(b);
        QSet<QString> idsA;
        for (const EntityRecord &e : a->rows)
            idsA.insert(e.id);
        for (const EntityRecord &e : b->rows)
            QVERIFY(!idsA.contains(e.id));
    }

    void ordersParseBackAndTheirNumbersAreKeys()
    {
        for (const QString &shopId : {m_outfitters, m_hardware}) {
            const ShopRecord shop = *m_storage->shop(shopId).value();
            qint64 maxNumber = 0;
            qint64 orders = 0;
            qint64 checkedKeys = 0;
            SK_VERIFY_OK(forEach(*m_storage, shopId, QStringLiteral("order"), [&](const EntityRecord &e) -> Result<void> {
                SK_TRY_ASSIGN(detail, RecordJson::orderDetailFromJson(e.data));
                if (detail.order.id != e.id || detail.order.customerId != e.parentId || e.version != 1)
                    return makeError(QStringLiteral("test"), QStringLiteral("order entity does not match its document"), e.id);
                if (detail.order.currency != shop.settings.currency)
                    return makeError(QStringLiteral("test"), QStringLiteral("order in another currency"), e.id);
                if (detail.lines.isEmpty())
                    return makeError(QStringLiteral("test"), QStringLiteral("order without lines"), e.id);
                maxNumber = std::max(maxNumber, detail.order.number);
                ++orders;
                if (orders % 97 == 1) {
                    SK_TRY_ASSIGN(byNumber, m_storage->entityByKey(shopId, QStringLiteral("order"), QStringLiteral("number"),
                                                                   QString::number(detail.order.number)));
                    if (!byNumber || byNumber->id != e.id)
                        return makeError(QStringLiteral("test"), QStringLiteral("order number key missing"), e.id);
                    ++checkedKeys;
                }
                return {};
            }));
            QVERIFY(orders > 0);
            QVERIFY(checkedKeys > 10);
            QCOMPARE(maxNumber, 1000 + orders); // 1001... without gaps
            QCOMPARE(shop.nextOrderNumber, maxNumber + 1);
        }
    }

    void variantsCustomersAndProductsHoldTheirKeysAndParents()
    {
        QSet<QString> products;
        SK_VERIFY_OK(forEach(*m_storage, m_outfitters, QStringLiteral("product"), [&](const EntityRecord &e) -> Result<void> {
            SK_TRY_ASSIGN(p, RecordJson::productFromJson(e.data));
            products.insert(p.id);
            if (products.size() % 50 == 1) {
                SK_TRY_ASSIGN(byHandle, m_storage->entityByKey(m_outfitters, QStringLiteral("product"),
                                                               QStringLiteral("handle"), p.handle));
                if (!byHandle || byHandle->id != p.id)
                    return makeError(QStringLiteral("test"), QStringLiteral("handle key missing"), p.id);
            }
            return {};
        }));
        qint64 variants = 0;
        SK_VERIFY_OK(forEach(*m_storage, m_outfitters, QStringLiteral("variant"), [&](const EntityRecord &e) -> Result<void> {
            SK_TRY_ASSIGN(v, RecordJson::variantFromJson(e.data));
            if (e.parentId != v.productId || !products.contains(v.productId))
                return makeError(QStringLiteral("test"), QStringLiteral("variant parent is not its product"), v.id);
            if (++variants % 50 == 1 && !v.sku.isEmpty()) {
                SK_TRY_ASSIGN(bySku, m_storage->entityByKey(m_outfitters, QStringLiteral("variant"), QStringLiteral("sku"), v.sku));
                if (!bySku || bySku->id != v.id)
                    return makeError(QStringLiteral("test"), QStringLiteral("sku key missing"), v.id);
            }
            return {};
        }));
        QVERIFY(variants > products.size());
        qint64 customers = 0;
        SK_VERIFY_OK(forEach(*m_storage, m_outfitters, QStringLiteral("customer"), [&](const EntityRecord &e) -> Result<void> {
            SK_TRY_ASSIGN(c, RecordJson::customerFromJson(e.data));
            if (++customers % 50 == 1 && !c.email.isEmpty()) {
                // Stored lower-cased, whatever the case of the address.
                SK_TRY_ASSIGN(byEmail, m_storage->entityByKey(m_outfitters, QStringLiteral("customer"), QStringLiteral("email"),
                                                              c.email.toLower()));
                if (!byEmail || byEmail->id != c.id)
                    return makeError(QStringLiteral("test"), QStringLiteral("email key missing"), c.id);
            }
            return {};
        }));
        QVERIFY(customers > 0);
    }

    void inventoryLevelsEqualTheirLedger()
    {
        for (const QString &shopId : {m_outfitters, m_hardware}) {
            QHash<QString, qint64> ledgerSum;
            qint64 entries = 0;
            SK_VERIFY_OK(forEach(*m_storage, shopId, QStringLiteral("ledger_entry"), [&](const EntityRecord &e) -> Result<void> {
                SK_TRY_ASSIGN(entry, RecordJson::ledgerEntryFromJson(e.data));
                if (e.parentId != entry.variantId)
                    return makeError(QStringLiteral("test"), QStringLiteral("ledger parent is not its variant"), e.id);
                ledgerSum[entry.variantId + QLatin1Char(':') + entry.locationId] += entry.delta;
                ++entries;
                return {};
            }));
            QVERIFY(entries > 0);
            qint64 levels = 0;
            qint64 withStock = 0;
            SK_VERIFY_OK(forEach(*m_storage, shopId, QStringLiteral("inventory_level"), [&](const EntityRecord &e) -> Result<void> {
                SK_TRY_ASSIGN(level, RecordJson::inventoryLevelFromJson(e.data));
                if (e.id != level.variantId + QLatin1Char(':') + level.locationId || e.parentId != level.variantId)
                    return makeError(QStringLiteral("test"), QStringLiteral("level id or parent is wrong"), e.id);
                if (level.onHand != ledgerSum.value(e.id))
                    return makeError(QStringLiteral("test"),
                                     QStringLiteral("on_hand %1, ledger sum %2").arg(level.onHand).arg(ledgerSum.value(e.id)),
                                     e.id);
                ++levels;
                if (level.onHand != 0)
                    ++withStock;
                return {};
            }));
            QVERIFY(levels > 0);
            QVERIFY(withStock > 0);
        }
    }

    void shopSettingsArePublishedAsAnEntity()
    {
        for (const QString &shopId : {m_outfitters, m_hardware}) {
            const ShopRecord shop = *m_storage->shop(shopId).value();
            auto e = m_storage->entity(shopId, QStringLiteral("shop_settings"), shopId);
            SK_VERIFY_OK(e);
            QVERIFY(e->has_value());
            auto settings = RecordJson::shopSettingsFromJson((*e)->data);
            SK_VERIFY_OK(settings);
            QCOMPARE(settings->shopId, shopId);
            QCOMPARE(settings->name, shop.settings.name);
            QCOMPARE(settings->currency, shop.settings.currency);
            QCOMPARE(settings->timeZone, shop.settings.timeZone);
            QCOMPARE(settings->locale, shop.settings.locale);
            QCOMPARE(settings->version, shop.settings.version);
            QCOMPARE((*e)->version, shop.settings.version);
            // It is the first thing a pull from scratch brings.
            auto first = m_storage->changes(shopId, 0, 1, {});
            SK_VERIFY_OK(first);
            QCOMPARE(first->rows.first().type, QStringLiteral("shop_settings"));
        }
    }

    void seedShopFillsAnEmptyShopOnce()
    {
        ShopRecord shop;
        shop.id = UuidV7::toText(UuidV7::create());
        shop.settings = ShopSettings{shop.id, QStringLiteral("Kyoto Tools"), QStringLiteral("JPY"),
                                     QStringLiteral("Asia/Tokyo"), QStringLiteral("ja-JP"), OversellPolicy::Reject, 1, kNow};
        shop.createdAt = kNow;
        SK_VERIFY_OK(m_storage->insertShop(shop));
        auto seeded = ServerDemoSeeder::seedShop(*m_storage, shop.id, DemoScale::Small, m_clock);
        SK_VERIFY_OK(seeded);
        QCOMPARE(seeded->value(QStringLiteral("scale")).toString(), QStringLiteral("small"));
        const QJsonObject generated = seeded->value(QStringLiteral("stats")).toObject();
        const QJsonObject stored = shopStats(m_storage->stats().value(), shop.id).value(QStringLiteral("entities")).toObject();
        QCOMPARE(stored.value(QStringLiteral("order")).toInteger(), generated.value(QStringLiteral("orders")).toInteger());
        QCOMPARE(stored.value(QStringLiteral("variant")).toInteger(), generated.value(QStringLiteral("variants")).toInteger());

        const auto firstOrder = m_storage->changes(shop.id, 0, 1, {QStringLiteral("order")});
        SK_VERIFY_OK(firstOrder);
        auto detail = RecordJson::orderDetailFromJson(firstOrder->rows.first().data);
        SK_VERIFY_OK(detail);
        QCOMPARE(detail->order.currency, QStringLiteral("JPY"));
        auto settings = m_storage->entity(shop.id, QStringLiteral("shop_settings"), shop.id);
        SK_VERIFY_OK(settings);
        QCOMPARE((*settings)->data.value(QStringLiteral("oversell_policy")).toString(), QStringLiteral("reject"));

        const auto statsBefore = m_storage->stats().value();
        auto twice = ServerDemoSeeder::seedShop(*m_storage, shop.id, DemoScale::Small, m_clock);
        QVERIFY(!twice.ok());
        QCOMPARE(twice.error().code, QStringLiteral("demo.shop_not_empty"));
        QCOMPARE(m_storage->stats().value(), statsBefore);

        auto unknown = ServerDemoSeeder::seedShop(*m_storage, QStringLiteral("no-such-shop"), DemoScale::Small, m_clock);
        QCOMPARE(unknown.error().code, QStringLiteral("not_found.shop"));
    }

    void completesAPartialWorldAndKeepsWhatExists()
    {
        QTemporaryDir dir;
        auto opened = SqliteServerStorage::open(dir.filePath(QStringLiteral("partial.sqlite")));
        SK_VERIFY_OK(opened);
        SqliteServerStorage &s = **opened;
        // Someone already made the hardware owner (with their own password) and an empty
        // "Demo Hardware" shop in which they are staff.
        const QString ownHash = PasswordHasher::hash(QStringLiteral("my own password"));
        SK_VERIFY_OK(s.insertUser({QStringLiteral("0190a000-0000-7000-8000-0000000000e1"), QStringLiteral("Owner@Hardware.test"),
                                   QStringLiteral("Existing Owner"), ownHash, 1}));
        ShopRecord hardware;
        hardware.id = QStringLiteral("0190a000-0000-7000-8000-0000000000e2");
        hardware.settings = ShopSettings{hardware.id, QStringLiteral("Demo Hardware"), QStringLiteral("USD"),
                                         QStringLiteral("America/New_York"), QStringLiteral("en-US"), OversellPolicy::Allow, 1, 1};
        hardware.createdAt = 1;
        SK_VERIFY_OK(s.insertShop(hardware));
        SK_VERIFY_OK(s.putMembership({hardware.id, QStringLiteral("0190a000-0000-7000-8000-0000000000e1"), Role::Staff}));

        auto seeded = ServerDemoSeeder::seedStandardWorld(s, m_clock);
        SK_VERIFY_OK(seeded);
        const QJsonObject hw = shopEntry(*seeded, QStringLiteral("Demo Hardware"));
        QCOMPARE(hw.value(QStringLiteral("id")).toString(), hardware.id);
        QCOMPARE(hw.value(QStringLiteral("created")).toBool(), false);
        QCOMPARE(hw.value(QStringLiteral("filled")).toBool(), true); // it was empty
        QCOMPARE(shopEntry(*seeded, QStringLiteral("Demo Outfitters")).value(QStringLiteral("created")).toBool(), true);
        QCOMPARE(s.shops().value().size(), 2);

        auto owner = s.userByEmail(QStringLiteral("owner@hardware.test")).value();
        QCOMPARE(owner->name, QStringLiteral("Existing Owner"));
        QCOMPARE(owner->passwordHash, ownHash);
        QCOMPARE(s.membership(hardware.id, owner->id).value()->role, Role::Staff);
        for (const auto &v : seeded->value(QStringLiteral("users")).toArray()) {
            const QJsonObject u = v.toObject();
            QCOMPARE(u.value(QStringLiteral("created")).toBool(),
                     u.value(QStringLiteral("email")).toString() != QLatin1String("owner@hardware.test"));
        }
        bool reportedExisting = false;
        for (const auto &v : seeded->value(QStringLiteral("memberships")).toArray()) {
            const QJsonObject m = v.toObject();
            if (m.value(QStringLiteral("email")).toString() == QLatin1String("owner@hardware.test")) {
                reportedExisting = true;
                QCOMPARE(m.value(QStringLiteral("created")).toBool(), false);
                QCOMPARE(m.value(QStringLiteral("role")).toString(), QStringLiteral("staff"));
            }
        }
        QVERIFY(reportedExisting);
        QCOMPARE(s.membershipsOfUser(s.userByEmail(QStringLiteral("multi@demo.test")).value()->id).value().size(), 2);
    }

    void aFullPullStreamsQuickly()
    {
        auto stats = m_storage->stats();
        SK_VERIFY_OK(stats);
        const QJsonObject shop = shopStats(*stats, m_outfitters);
        qint64 expected = 0;
        const QJsonObject entities = shop.value(QStringLiteral("entities")).toObject();
        for (auto it = entities.begin(); it != entities.end(); ++it)
            expected += it.value().toInteger();
        auto pull = pullEverything(*m_storage, m_outfitters);
        SK_VERIFY_OK(pull);
        QCOMPARE(pull->rows, expected);
        qInfo("pull of the small Demo Outfitters: %lld rows in %lld pages: %lld ms wall (%.0f rows/s), "
              "%.0f ms CPU (%.0f rows/s)",
              pull->rows, pull->pages, pull->ms, pull->rowsPerSecond(), pull->cpuMs, pull->rowsPerCpuSecond());
        // The bar is "well over 20k rows/s" for a pull.
        QVERIFY2(pull->rowsPerCpuSecond() > 20000, qPrintable(QString::number(pull->rowsPerCpuSecond())));
    }

    // The medium shop takes a minute or two to seed: run with STOREKEEP_SEED_MEDIUM=1.
    void mediumShopSeedsAndPulls()
    {
        if (qEnvironmentVariableIsEmpty("STOREKEEP_SEED_MEDIUM"))
            QSKIP("set STOREKEEP_SEED_MEDIUM=1 to seed and pull a medium shop");
        QTemporaryDir dir;
        auto opened = SqliteServerStorage::open(dir.filePath(QStringLiteral("medium.sqlite")));
        SK_VERIFY_OK(opened);
        SqliteServerStorage &s = **opened;
        ShopRecord shop;
        shop.id = UuidV7::toText(UuidV7::create());
        shop.settings = ShopSettings{shop.id, QStringLiteral("Demo Outfitters"), QStringLiteral("EUR"),
                                     QStringLiteral("Europe/Paris"), QStringLiteral("fr-FR"), OversellPolicy::Allow, 1, kNow};
        shop.createdAt = kNow;
        SK_VERIFY_OK(s.insertShop(shop));
        QElapsedTimer timer;
        timer.start();
        const std::clock_t cpuStart = std::clock();
        auto seeded = ServerDemoSeeder::seedShop(s, shop.id, DemoScale::Medium, m_clock);
        SK_VERIFY_OK(seeded);
        const qint64 seedMs = timer.elapsed();
        const double seedCpuMs = double(std::clock() - cpuStart) * 1000.0 / CLOCKS_PER_SEC;
        const auto stats = s.stats().value();
        qInfo("medium seed: %lld ms wall, %.0f ms CPU, %s", seedMs, seedCpuMs,
              QJsonDocument(seeded->value(QStringLiteral("stats")).toObject()).toJson(QJsonDocument::Compact).constData());
        qInfo("medium file: %lld bytes", stats.value(QStringLiteral("file_bytes")).toInteger());
        for (int run = 0; run < 2; ++run) {
            auto pull = pullEverything(s, shop.id);
            SK_VERIFY_OK(pull);
            qInfo("pull of the medium shop (run %d): %lld rows in %lld pages: %lld ms wall (%.0f rows/s), "
                  "%.0f ms CPU (%.0f rows/s)",
                  run + 1, pull->rows, pull->pages, pull->ms, pull->rowsPerSecond(), pull->cpuMs, pull->rowsPerCpuSecond());
            QVERIFY(pull->rowsPerCpuSecond() > 20000);
        }
    }
};

QTEST_GUILESS_MAIN(tst_ServerDemoSeeder)
#include "tst_serverdemoseeder.moc"
