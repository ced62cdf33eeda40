#pragma once

#include "demo/demogenerator.h"
#include "storage/serverstorage.h"
#include "util/clock.h"
#include "util/result.h"

#include <QJsonObject>
#include <QString>

namespace sk::server {

// Fills the server with demo data from core's DemoGenerator, so a client that syncs with it
// pulls the same kind of shop the app can generate locally. Every generated record becomes
// an entity (its RecordJson document, version 1, no field versions) with its unique keys;
// records are written in transactions of RecordsPerTransaction.
//
// The standard demo world (issue 3, README): "Demo Outfitters" (EUR, Europe/Paris, fr-FR) with
// owner@, staff@ and warehouse@outfitters.test; "Demo Hardware" (USD, America/New_York, en-US)
// with owner@hardware.test; multi@demo.test owns both. Every password is DemoPassword.
// Seeding is idempotent: users, shops and memberships that exist are kept as they are and
// reported, and a shop that already holds records is not filled again.
class ServerDemoSeeder
{
public:
    static constexpr qint64 RecordsPerTransaction = 5000;
    static constexpr const char *DemoPassword = "storekeep-demo";

    // Creates (or completes) the standard demo world, each shop filled at scale small. Returns
    // {shops:[{id, name, currency, created, filled, stats?}], users:[{id, email, created}],
    //  memberships:[{shop_id, email, role, created}], elapsed_ms}.
    static Result<QJsonObject> seedStandardWorld(ServerStorage &storage, const Clock &clock);

    // Fills an existing, empty shop (its settings decide name, currency, time zone, locale and
    // oversell policy; the seed comes from the shop id). "not_found.shop" for an unknown shop,
    // "demo.shop_not_empty" when it already holds records. Returns {shop_id, scale, stats:{...}}
    // with DemoStats as products, variants, locations, customers, orders, order_lines,
    // inventory_levels, ledger_entries, records, elapsed_ms.
    static Result<QJsonObject> seedShop(ServerStorage &storage, const QString &shopId, DemoScale scale,
                                        const Clock &clock);

    // The generator options seedShop uses for a shop (history ends on the clock's UTC date).
    static DemoOptions optionsFor(const ShopRecord &shop, DemoScale scale, quint64 seed, const Clock &clock);
};

} // namespace sk::server
