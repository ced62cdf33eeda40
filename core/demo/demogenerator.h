#pragma once

#include "domain/enums.h"
#include "util/result.h"

#include <QDate>
#include <QString>
#include <QStringView>

#include <functional>
#include <optional>

namespace sk {

class DemoSink;

enum class DemoScale {
    Small,  // ~500 products, 1.5k variants, 5k orders, 1k customers, 2 locations
    Medium, // ~3.3k products, 10k variants, 200k orders, 40k customers, 3 locations
    Large,  // ~330k products, 1M variants, 5M orders, 1M customers, 6 locations
};

QString toString(DemoScale scale);
std::optional<DemoScale> demoScaleFromString(QStringView text); // "small", "medium", "large"

struct DemoOptions
{
    DemoScale scale = DemoScale::Small;
    quint64 seed = 20261121;
    QDate endDate; // last day of history, in the shop's time zone; null = today (UTC date)
    QString shopId; // empty = "demo-<seed>"
    QString shopName = QStringLiteral("Demo Outfitters");
    QString currency = QStringLiteral("EUR");
    QString timeZone = QStringLiteral("Europe/Paris");
    QString locale = QStringLiteral("fr-FR");
    OversellPolicy oversell = OversellPolicy::Allow;
};

struct DemoStats
{
    qint64 products = 0;
    qint64 variants = 0;
    qint64 locations = 0;
    qint64 customers = 0;
    qint64 orders = 0;
    qint64 orderLines = 0;
    qint64 inventoryLevels = 0;
    qint64 ledgerEntries = 0;
    qint64 records = 0; // every row handed to the sink, sub-records (lines, addresses...) included
    qint64 elapsedMs = 0;
};

// Makes a believable shop with two years of history and hands it, record by record, to a
// DemoSink. The same options always give the same records, bit for bit, on every platform:
// all randomness comes from one seeded xoshiro256** and integer sampling, and ids are
// UUIDv7 made from each record's own time plus that randomness.
//
// Orders are streamed and never all held in memory; the catalogue, the customers' creation
// times and the inventory levels are, compactly: Large peaks near 800 MB with StoreDemoSink
// (SQLite's 256 MB load cache included). On the 2-vCPU reference machine Large takes about
// 1 min into a counting sink and about 12 min into a ShopStore, 4 of them rebuilding the
// indexes and search tables at the end (scripts/bench).
//
// History: two years of local days ending with endDate (included) in the shop's time zone.
// With endDate = today, the last day's orders run to midnight, so some lie later today.
//
// What the data guarantees (tests/core/tst_demogenerator.cpp checks it):
// - Amounts are minor units of the shop currency. Line total = quantity x unit price -
//   discount + tax; order subtotal = sum of quantity x unit price; discount and tax totals
//   are the sums over lines; total = subtotal - discount + shipping + tax.
// - Order numbers run from 1001 without gaps in placed_at order. Statuses follow the order
//   state machine: completed orders are paid and fulfilled, open ones (pending, on_hold,
//   processing) are not fully fulfilled, cancelled and failed ones never were.
// - Each inventory level's on_hand equals the sum of its ledger; the ledger starts with an
//   "opening balance" correction at the start of the last 90 days, then received / sold /
//   returned rows with a running quantity_after. committed = unfulfilled quantity of the open
//   orders at that level.
class DemoGenerator
{
public:
    // Bump whenever the generated data changes, so cached demo files are rebuilt.
    static constexpr int Version = 1;

    explicit DemoGenerator(DemoOptions options);

    // The options with defaults resolved (end date, shop id).
    const DemoOptions &options() const { return m_options; }

    // progress(percent) is called as work advances; returning false cancels generation
    // with the error code "demo.cancelled".
    Result<DemoStats> generate(DemoSink &sink, const std::function<bool(int percent)> &progress = {});

private:
    DemoOptions m_options;
};

} // namespace sk
