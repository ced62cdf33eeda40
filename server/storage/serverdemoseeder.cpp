#include "serverdemoseeder.h"

#include "auth/passwordhasher.h"
#include "demo/demosink.h"
#include "domain/recordjson.h"
#include "util/logging.h"
#include "util/uuidv7.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QTimeZone>

#include <algorithm>
#include <array>
#include <vector>

namespace sk::server {

namespace {

// Every entity type a demo shop holds apart from its settings.
const QStringList &recordTypes()
{
    static const QStringList types = {QStringLiteral("location"), QStringLiteral("product"), QStringLiteral("variant"),
                                      QStringLiteral("inventory_level"), QStringLiteral("ledger_entry"),
                                      QStringLiteral("customer"), QStringLiteral("order")};
    return types;
}

// A stable seed per shop, so two shops on one server get different data.
quint64 seedFor(const QString &shopId)
{
    quint64 h = 1469598103934665603ull; // FNV-1a
    for (const char c : shopId.toUtf8()) {
        h ^= quint64(quint8(c));
        h *= 1099511628211ull;
    }
    return h;
}

QJsonObject statsJson(const DemoStats &s)
{
    return QJsonObject{{QStringLiteral("products"), s.products},
                       {QStringLiteral("variants"), s.variants},
                       {QStringLiteral("locations"), s.locations},
                       {QStringLiteral("customers"), s.customers},
                       {QStringLiteral("orders"), s.orders},
                       {QStringLiteral("order_lines"), s.orderLines},
                       {QStringLiteral("inventory_levels"), s.inventoryLevels},
                       {QStringLiteral("ledger_entries"), s.ledgerEntries},
                       {QStringLiteral("records"), s.records},
                       {QStringLiteral("elapsed_ms"), s.elapsedMs}};
}

// Turns generated records into entities and writes them in batches, one write() per batch.
class EntitySink final : public DemoSink
{
public:
    EntitySink(ServerStorage &storage, ShopRecord shop, const Clock &clock)
        : m_storage(storage), m_shop(std::move(shop)), m_clock(clock)
    {
        m_pending.reserve(size_t(ServerDemoSeeder::RecordsPerTransaction));
    }

    Result<void> shopSettings(const ShopSettings &) override
    {
        // The shop's own settings (the generator was given them) become the entity clients pull,
        // unless the shop already publishes one.
        SK_TRY_ASSIGN(existing, m_storage.entity(m_shop.id, QStringLiteral("shop_settings"), m_shop.id));
        if (existing && !existing->deleted)
            return {};
        ShopSettings settings = m_shop.settings;
        settings.shopId = m_shop.id;
        settings.version = std::max<qint64>(1, settings.version);
        if (settings.updatedAt <= 0)
            settings.updatedAt = m_clock.nowMs();
        if (settings.version != m_shop.settings.version || settings.updatedAt != m_shop.settings.updatedAt) {
            m_shop.settings = settings;
            m_shopChanged = true;
        }
        return add(QStringLiteral("shop_settings"), m_shop.id, {}, RecordJson::toJson(settings), settings.version,
                   settings.updatedAt, {});
    }

    Result<void> location(const Location &l) override
    {
        return add(QStringLiteral("location"), l.id, {}, RecordJson::toJson(l), l.version, l.updatedAt, {});
    }

    Result<void> product(const Product &p) override
    {
        return add(QStringLiteral("product"), p.id, {}, RecordJson::toJson(p), p.version, p.updatedAt,
                   {{QStringLiteral("handle"), p.handle}});
    }

    Result<void> variant(const Variant &v) override
    {
        return add(QStringLiteral("variant"), v.id, v.productId, RecordJson::toJson(v), v.version, v.updatedAt,
                   {{QStringLiteral("sku"), v.sku}});
    }

    Result<void> customer(const Customer &c) override
    {
        return add(QStringLiteral("customer"), c.id, {}, RecordJson::toJson(c), c.version, c.updatedAt,
                   {{QStringLiteral("email"), c.email.toLower()}});
    }

    Result<void> order(const OrderDetail &o) override
    {
        m_maxOrderNumber = std::max(m_maxOrderNumber, o.order.number);
        return add(QStringLiteral("order"), o.order.id, o.order.customerId, RecordJson::toJson(o), o.order.version,
                   o.order.updatedAt, {{QStringLiteral("number"), QString::number(o.order.number)}});
    }

    Result<void> inventoryLevel(const InventoryLevel &l) override
    {
        return add(QStringLiteral("inventory_level"), l.variantId + QLatin1Char(':') + l.locationId, l.variantId,
                   RecordJson::toJson(l), l.version, l.updatedAt, {});
    }

    Result<void> ledgerEntry(const LedgerEntry &e) override
    {
        return add(QStringLiteral("ledger_entry"), e.id, e.variantId, RecordJson::toJson(e), e.version, e.updatedAt, {});
    }

    Result<void> finish() override
    {
        SK_TRY(flush());
        // Orders placed after the demo continue the numbering.
        if (m_maxOrderNumber >= m_shop.nextOrderNumber || m_shopChanged) {
            return m_storage.write([&]() -> Result<void> {
                SK_TRY_ASSIGN(current, m_storage.shop(m_shop.id));
                if (!current)
                    return makeError(QStringLiteral("not_found.shop"), QStringLiteral("The shop vanished."), m_shop.id);
                ShopRecord updated = *current;
                updated.nextOrderNumber = std::max(updated.nextOrderNumber, m_maxOrderNumber + 1);
                if (m_shopChanged) {
                    updated.settings.version = m_shop.settings.version;
                    updated.settings.updatedAt = m_shop.settings.updatedAt;
                }
                return m_storage.updateShop(updated);
            });
        }
        return {};
    }

    void abort() override
    {
        if (m_written > 0) {
            qCWarning(lcDemo) << "demo seeding of shop" << m_shop.id << "stopped after" << m_written
                              << "records; they stay";
        }
        m_pending.clear();
    }

    qint64 written() const { return m_written; }

private:
    struct Pending
    {
        EntityRecord record;
        QList<UniqueKey> keys;
    };

    Result<void> add(const QString &type, const QString &id, const QString &parentId, QJsonObject data, qint64 version,
                     qint64 updatedAt, QList<UniqueKey> keys)
    {
        Pending p;
        p.record.type = type;
        p.record.id = id;
        p.record.parentId = parentId;
        p.record.version = std::max<qint64>(1, version);
        p.record.data = std::move(data);
        p.record.updatedAt = updatedAt > 0 ? updatedAt : m_clock.nowMs();
        p.keys = std::move(keys);
        m_pending.push_back(std::move(p));
        if (qint64(m_pending.size()) >= ServerDemoSeeder::RecordsPerTransaction)
            return flush();
        return {};
    }

    Result<void> flush()
    {
        if (m_pending.empty())
            return {};
        const auto written = m_storage.write([&]() -> Result<void> {
            for (const Pending &p : m_pending)
                SK_TRY(m_storage.putEntity(m_shop.id, p.record, p.keys));
            return {};
        });
        SK_TRY(written);
        m_written += qint64(m_pending.size());
        m_pending.clear();
        return {};
    }

    ServerStorage &m_storage;
    ShopRecord m_shop;
    const Clock &m_clock;
    std::vector<Pending> m_pending;
    qint64 m_maxOrderNumber = 0;
    qint64 m_written = 0;
    bool m_shopChanged = false;
};

Result<bool> shopHasRecords(ServerStorage &storage, const QString &shopId)
{
    SK_TRY_ASSIGN(page, storage.changes(shopId, 0, 1, recordTypes()));
    return !page.rows.isEmpty();
}

Result<DemoStats> fill(ServerStorage &storage, const ShopRecord &shop, DemoScale scale, quint64 seed,
                       const Clock &clock)
{
    SK_TRY_ASSIGN(hasRecords, shopHasRecords(storage, shop.id));
    if (hasRecords) {
        return makeError(QStringLiteral("demo.shop_not_empty"),
                         QCoreApplication::translate("ServerDemoSeeder",
                                                     "The shop \"%1\" already holds records; demo data only goes "
                                                     "into an empty shop.")
                             .arg(shop.settings.name),
                         shop.id);
    }
    DemoGenerator generator(ServerDemoSeeder::optionsFor(shop, scale, seed, clock));
    EntitySink sink(storage, shop, clock);
    SK_TRY_ASSIGN(stats, generator.generate(sink));
    qCInfo(lcDemo) << "seeded shop" << shop.id << shop.settings.name << "at scale" << toString(scale) << ":"
                   << sink.written() << "entities in" << stats.elapsedMs << "ms";
    return stats;
}

struct WorldShop
{
    const char *name;
    const char *currency;
    const char *timeZone;
    const char *locale;
    quint64 seed;
};

struct WorldUser
{
    const char *email;
    const char *name;
};

struct WorldMember
{
    int shop; // index into kShops
    const char *email;
    Role role;
};

constexpr std::array<WorldShop, 2> kShops{{
    {"Demo Outfitters", "EUR", "Europe/Paris", "fr-FR", 20261121},
    {"Demo Hardware", "USD", "America/New_York", "en-US", 20261122},
}};

constexpr std::array<WorldUser, 5> kUsers{{
    {"owner@outfitters.test", "Outfitters Owner"},
    {"staff@outfitters.test", "Outfitters Staff"},
    {"warehouse@outfitters.test", "Outfitters Warehouse"},
    {"owner@hardware.test", "Hardware Owner"},
    {"multi@demo.test", "Multi-shop Owner"},
}};

constexpr std::array<WorldMember, 6> kMembers{{
    {0, "owner@outfitters.test", Role::Owner},
    {0, "staff@outfitters.test", Role::Staff},
    {0, "warehouse@outfitters.test", Role::Warehouse},
    {1, "owner@hardware.test", Role::Owner},
    {0, "multi@demo.test", Role::Owner},
    {1, "multi@demo.test", Role::Owner},
}};

} // namespace

DemoOptions ServerDemoSeeder::optionsFor(const ShopRecord &shop, DemoScale scale, quint64 seed, const Clock &clock)
{
    DemoOptions o;
    o.scale = scale;
    o.seed = seed;
    o.endDate = QDateTime::fromMSecsSinceEpoch(clock.nowMs(), QTimeZone::utc()).date();
    o.shopId = shop.id;
    o.shopName = shop.settings.name;
    o.currency = shop.settings.currency;
    o.timeZone = shop.settings.timeZone;
    o.locale = shop.settings.locale;
    o.oversell = shop.settings.oversellPolicy;
    return o;
}

Result<QJsonObject> ServerDemoSeeder::seedShop(ServerStorage &storage, const QString &shopId, DemoScale scale,
                                               const Clock &clock)
{
    SK_TRY_ASSIGN(shop, storage.shop(shopId));
    if (!shop) {
        return makeError(QStringLiteral("not_found.shop"),
                         QCoreApplication::translate("ServerDemoSeeder", "There is no shop with the id %1.").arg(shopId),
                         shopId);
    }
    SK_TRY_ASSIGN(stats, fill(storage, *shop, scale, seedFor(shopId), clock));
    return QJsonObject{{QStringLiteral("shop_id"), shopId},
                       {QStringLiteral("scale"), toString(scale)},
                       {QStringLiteral("stats"), statsJson(stats)}};
}

Result<QJsonObject> ServerDemoSeeder::seedStandardWorld(ServerStorage &storage, const Clock &clock)
{
    QElapsedTimer timer;
    timer.start();
    const qint64 now = clock.nowMs();

    // Hash only for users that do not exist yet, and before the write transaction: each
    // hash takes a noticeable fraction of a second.
    std::array<QString, kUsers.size()> hashes;
    for (size_t i = 0; i < kUsers.size(); ++i) {
        SK_TRY_ASSIGN(existing, storage.userByEmail(QString::fromLatin1(kUsers[i].email)));
        if (!existing)
            hashes[i] = PasswordHasher::hash(QString::fromLatin1(DemoPassword));
    }

    QJsonArray users;
    QJsonArray shops;
    QJsonArray members;
    std::array<ShopRecord, kShops.size()> shopRecords;
    std::array<bool, kShops.size()> shopCreated{};
    const auto world = storage.write([&]() -> Result<void> {
        std::array<QString, kUsers.size()> userIds;
        for (size_t i = 0; i < kUsers.size(); ++i) {
            const QString email = QString::fromLatin1(kUsers[i].email);
            SK_TRY_ASSIGN(existing, storage.userByEmail(email));
            bool created = false;
            if (existing) {
                userIds[i] = existing->id;
            } else {
                if (hashes[i].isEmpty())
                    hashes[i] = PasswordHasher::hash(QString::fromLatin1(DemoPassword));
                UserRecord u{UuidV7::toText(UuidV7::create()), email, QString::fromLatin1(kUsers[i].name), hashes[i], now};
                SK_TRY(storage.insertUser(u));
                userIds[i] = u.id;
                created = true;
            }
            users.append(QJsonObject{{QStringLiteral("id"), userIds[i]},
                                     {QStringLiteral("email"), email},
                                     {QStringLiteral("created"), created}});
        }

        SK_TRY_ASSIGN(all, storage.shops());
        for (size_t i = 0; i < kShops.size(); ++i) {
            const QString name = QString::fromLatin1(kShops[i].name);
            const auto found = std::find_if(all.cbegin(), all.cend(),
                                            [&](const ShopRecord &s) { return s.settings.name == name; });
            if (found != all.cend()) {
                shopRecords[i] = *found;
                continue;
            }
            ShopRecord shop;
            shop.id = UuidV7::toText(UuidV7::create());
            shop.settings.shopId = shop.id;
            shop.settings.name = name;
            shop.settings.currency = QString::fromLatin1(kShops[i].currency);
            shop.settings.timeZone = QString::fromLatin1(kShops[i].timeZone);
            shop.settings.locale = QString::fromLatin1(kShops[i].locale);
            shop.settings.oversellPolicy = OversellPolicy::Allow;
            shop.settings.version = 1;
            shop.settings.updatedAt = now;
            shop.nextOrderNumber = 1001;
            shop.createdAt = now;
            SK_TRY(storage.insertShop(shop));
            shopRecords[i] = shop;
            shopCreated[i] = true;
        }

        for (const WorldMember &m : kMembers) {
            const auto userIndex = size_t(std::find_if(kUsers.cbegin(), kUsers.cend(),
                                                       [&](const WorldUser &u) { return qstrcmp(u.email, m.email) == 0; })
                                          - kUsers.cbegin());
            const QString &shopId = shopRecords[size_t(m.shop)].id;
            SK_TRY_ASSIGN(existing, storage.membership(shopId, userIds[userIndex]));
            if (!existing)
                SK_TRY(storage.putMembership({shopId, userIds[userIndex], m.role}));
            members.append(QJsonObject{{QStringLiteral("shop_id"), shopId},
                                       {QStringLiteral("email"), QString::fromLatin1(m.email)},
                                       {QStringLiteral("role"), RolePolicy::toString(existing ? existing->role : m.role)},
                                       {QStringLiteral("created"), !existing}});
        }
        return {};
    });
    SK_TRY(world);

    for (size_t i = 0; i < kShops.size(); ++i) {
        const ShopRecord &shop = shopRecords[i];
        QJsonObject entry{{QStringLiteral("id"), shop.id},
                          {QStringLiteral("name"), shop.settings.name},
                          {QStringLiteral("currency"), shop.settings.currency},
                          {QStringLiteral("created"), shopCreated[i]}};
        SK_TRY_ASSIGN(hasRecords, shopHasRecords(storage, shop.id));
        if (hasRecords) {
            entry.insert(QStringLiteral("filled"), false);
        } else {
            SK_TRY_ASSIGN(stats, fill(storage, shop, DemoScale::Small, kShops[i].seed, clock));
            entry.insert(QStringLiteral("filled"), true);
            entry.insert(QStringLiteral("stats"), statsJson(stats));
        }
        shops.append(entry);
    }
    return QJsonObject{{QStringLiteral("shops"), shops},
                       {QStringLiteral("users"), users},
                       {QStringLiteral("memberships"), members},
                       {QStringLiteral("elapsed_ms"), timer.elapsed()}};
}

} // namespace sk::server
