#include "demogenerator.h"

#include "demo/demosink.h"
#include "demo/demovocabulary.h"
#include "domain/gtin.h"
#include "domain/records.h"
#include "money/currency.h"
#include "util/logging.h"
#include "util/uuidv7.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QSet>
#include <QTimeZone>

#include <algorithm>
#include <array>
#include <span>
#include <vector>

namespace sk {

QString toString(DemoScale scale)
{
    switch (scale) {
    case DemoScale::Small: return QStringLiteral("small");
    case DemoScale::Medium: return QStringLiteral("medium");
    case DemoScale::Large: return QStringLiteral("large");
    }
    return {};
}

std::optional<DemoScale> demoScaleFromString(QStringView text)
{
    for (DemoScale s : {DemoScale::Small, DemoScale::Medium, DemoScale::Large}) {
        if (text == toString(s))
            return s;
    }
    return std::nullopt;
}

namespace {

using Vocab = DemoVocabulary;

constexpr qint64 kSecond = 1000;
constexpr qint64 kMinute = 60 * kSecond;
constexpr qint64 kHour = 60 * kMinute;
constexpr qint64 kDay = 24 * kHour;
constexpr int kHistoryYears = 2;
constexpr int kLedgerWindowDays = 90;

// --- Randomness ----------------------------------------------------------------------
// Never std::uniform_*_distribution or std::shuffle: their output differs between standard
// libraries, and the demo must be the same everywhere.

quint64 splitMix64(quint64 &state)
{
    quint64 z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

quint64 mixSeed(quint64 seed, quint64 stream)
{
    quint64 state = seed ^ (stream * 0xD1B54A32D192ED03ull);
    return splitMix64(state);
}

// xoshiro256** by Blackman and Vigna.
class Rng
{
public:
    Rng(quint64 seed, quint64 stream)
    {
        quint64 state = mixSeed(seed, stream);
        for (quint64 &s : m_s)
            s = splitMix64(state);
    }

    quint64 next()
    {
        const quint64 result = rotl(m_s[1] * 5, 7) * 9;
        const quint64 t = m_s[1] << 17;
        m_s[2] ^= m_s[0];
        m_s[3] ^= m_s[1];
        m_s[1] ^= m_s[2];
        m_s[0] ^= m_s[3];
        m_s[2] ^= t;
        m_s[3] = rotl(m_s[3], 45);
        return result;
    }

    // Uniform in [0, n), n > 0; rejection keeps it unbiased.
    quint64 below(quint64 n)
    {
        const quint64 threshold = (0 - n) % n;
        for (;;) {
            const quint64 r = next();
            if (r >= threshold)
                return r % n;
        }
    }
    qint64 below(qint64 n) { return qint64(below(quint64(n))); }
    int below(int n) { return int(below(quint64(n))); }

    // Uniform in [lo, hi].
    qint64 between(qint64 lo, qint64 hi) { return lo + qint64(below(quint64(hi - lo + 1))); }
    int between(int lo, int hi) { return lo + int(below(quint64(hi - lo + 1))); }
    bool chance(int perMille) { return below(1000) < perMille; }

    template <typename T>
    const T &pick(std::span<const T> items)
    {
        return items[below(quint64(items.size()))];
    }

private:
    static quint64 rotl(quint64 x, int k) { return (x << k) | (x >> (64 - k)); }
    quint64 m_s[4];
};

// Index drawn with probability proportional to weightOf(item).
template <typename T, typename WeightOf>
int pickWeighted(Rng &rng, std::span<const T> items, WeightOf weightOf)
{
    qint64 total = 0;
    for (const T &item : items)
        total += weightOf(item);
    qint64 u = rng.below(total);
    for (int i = 0; i < int(items.size()); ++i) {
        u -= weightOf(items[i]);
        if (u < 0)
            return i;
    }
    return int(items.size()) - 1;
}

struct Weighted
{
    int value;
    int weight;
};

int pickValue(Rng &rng, std::span<const Weighted> table)
{
    return table[pickWeighted(rng, table, [](const Weighted &w) { return w.weight; })].value;
}

// A cumulative weight table over a growing list: draws among the first `prefix` entries
// by binary search, so items created later can be excluded from earlier draws.
class CumulativeTable
{
public:
    void reserve(qint64 n) { m_cum.reserve(size_t(n)); }
    void append(quint64 weight) { m_cum.push_back((m_cum.empty() ? 0 : m_cum.back()) + weight); }
    qint64 size() const { return qint64(m_cum.size()); }
    quint64 total(qint64 prefix) const { return prefix <= 0 ? 0 : m_cum[size_t(prefix - 1)]; }

    // -1 when the prefix weighs nothing.
    qint64 sample(Rng &rng, qint64 prefix) const
    {
        const quint64 t = total(prefix);
        if (t == 0)
            return -1;
        const quint64 u = rng.below(t);
        return std::upper_bound(m_cum.begin(), m_cum.begin() + prefix, u) - m_cum.begin();
    }

private:
    std::vector<quint64> m_cum;
};

QString idText(qint64 ms, quint64 a, quint64 b)
{
    return UuidV7::toText(UuidV7::fromParts(ms, a, b));
}

QString newId(Rng &rng, qint64 ms)
{
    const quint64 a = rng.next();
    return idText(ms, a, rng.next());
}

QString u8(const char *text)
{
    return QString::fromUtf8(text);
}

// An empty but non-null string: null QStrings bind as SQL NULL, and most text columns are NOT NULL.
QString empty()
{
    return QStringLiteral("");
}

// "Léa Lefèvre" -> "lea.lefevre": e-mail local parts and handles are ASCII.
QString asciiFold(const QString &text)
{
    const QString decomposed = text.normalized(QString::NormalizationForm_D);
    QString out;
    out.reserve(decomposed.size());
    for (QChar c : decomposed) {
        if (c.unicode() < 128)
            out.append(c);
    }
    return out;
}

QString slugify(const QString &text)
{
    const QString ascii = asciiFold(text).toLower();
    QString out;
    out.reserve(ascii.size());
    bool dash = false;
    for (QChar c : ascii) {
        if ((c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9')) {
            if (dash && !out.isEmpty())
                out.append(u'-');
            out.append(c);
            dash = false;
        } else {
            dash = true;
        }
    }
    return out;
}

void appendJsonString(QString &out, const QString &value)
{
    out.append(u'"');
    for (QChar c : value) {
        if (c == u'"' || c == u'\\') {
            out.append(u'\\');
            out.append(c);
        } else if (c.unicode() < 0x20) {
            out.append(QStringLiteral("\\u%1").arg(int(c.unicode()), 4, 16, QLatin1Char('0')));
        } else {
            out.append(c);
        }
    }
    out.append(u'"');
}

// --- Money ---------------------------------------------------------------------------
// Prices are designed in euro cents and converted with a rough rate, then rounded to
// price points a merchant would choose (29.99, 1 490). Rates only need to look plausible;
// a currency without one here trades one major unit for one euro.

struct EuroRate
{
    const char *code;
    qint64 majorPer1000Euros;
};

constexpr std::array<EuroRate, 21> kEuroRates{{
    {"USD", 1100}, {"GBP", 850}, {"CHF", 950}, {"CAD", 1500}, {"AUD", 1650}, {"SEK", 11500}, {"NOK", 11700},
    {"DKK", 7460}, {"PLN", 4300}, {"CZK", 25000}, {"JPY", 160000}, {"KRW", 1450000}, {"NGN", 1600000},
    {"GHS", 16000}, {"KES", 140000}, {"ZAR", 20000}, {"XOF", 656000}, {"MAD", 10800}, {"EGP", 50000},
    {"INR", 90000}, {"BRL", 6000},
}};

class Pricing
{
public:
    Pricing(const QString &code, int exponent) : m_digits(exponent)
    {
        m_unit = 1;
        for (int i = 0; i < m_digits; ++i)
            m_unit *= 10;
        qint64 rate = 1000;
        for (const EuroRate &r : kEuroRates) {
            if (code == QLatin1String(r.code))
                rate = r.majorPer1000Euros;
        }
        // minor units per 100 euro cents, kept exact as a fraction over 1000
        m_minorPerEuroTimes1000 = rate * m_unit;
    }

    // An exact conversion, for fees such as shipping.
    qint64 convert(qint64 euroCents) const { return euroCents * m_minorPerEuroTimes1000 / 100'000; }

    // A price point near euroCents: whole units (or 2-3 significant digits on big numbers),
    // minus the smallest step for a "charm" price (.99, or 1 490 in a currency without cents).
    qint64 pricePoint(qint64 euroCents, bool charm) const
    {
        qint64 major = (convert(euroCents) + m_unit / 2) / m_unit;
        qint64 step = 1;
        while (major / step >= 1000)
            step *= 10;
        major = std::max<qint64>(step, (major + step / 2) / step * step);
        qint64 price = major * m_unit;
        if (charm)
            price -= m_unit > 1 ? 1 : step;
        return price;
    }

    qint64 unit() const { return m_unit; }

    QString format(qint64 minor, const QString &currency) const
    {
        const QString sign = minor < 0 ? QStringLiteral("-") : QString();
        const qint64 a = minor < 0 ? -minor : minor;
        if (m_digits == 0)
            return sign + QString::number(a) + u' ' + currency;
        return sign + QString::number(a / m_unit) + u'.' + QStringLiteral("%1").arg(a % m_unit, m_digits, 10, QLatin1Char('0'))
            + u' ' + currency;
    }

private:
    int m_digits = 2;
    qint64 m_minorPerEuroTimes1000 = 100'000;
    qint64 m_unit = 100;
};

// --- Shape of the shop ---------------------------------------------------------------

struct ScaleParams
{
    qint64 variants;
    qint64 orders;
    qint64 customers;
    int locations;
};

ScaleParams paramsFor(DemoScale scale)
{
    switch (scale) {
    case DemoScale::Small: return {1'500, 5'000, 1'000, 2};
    case DemoScale::Medium: return {10'000, 200'000, 40'000, 3};
    case DemoScale::Large: return {1'000'000, 5'000'000, 1'000'000, 6};
    }
    return {1'500, 5'000, 1'000, 2};
}

struct LocationDef
{
    const char *name;
    const char *code;
    const char *address;
    bool store;
    int posWeight;
    int deliveryWeekday; // 1 = Monday
    int stockPopular;    // per mille of the popular variants stocked here
    int stockOther;      // per mille of the other variants
};

// Small uses the first two, Medium three, Large all six.
constexpr std::array<LocationDef, 6> kLocations{{
    {"Main warehouse", "WH1", "12 rue de l'Industrie, 93200 Saint-Denis, France", false, 0, 1, 1000, 1000},
    {"Paris store", "PAR", "48 rue de Charonne, 75011 Paris, France", true, 50, 3, 600, 120},
    {"Lyon store", "LYS", "7 rue des Capucins, 69001 Lyon, France", true, 25, 3, 450, 60},
    {"North warehouse", "WH2", "5 avenue de la Logistique, 59810 Lesquin, France", false, 0, 4, 400, 400},
    {"Bordeaux store", "BOD", "22 rue Sainte-Catherine, 33000 Bordeaux, France", true, 15, 2, 450, 60},
    {"Marseille store", "MRS", "9 cours Julien, 13006 Marseille, France", true, 15, 2, 450, 60},
}};
constexpr int kMainWarehouse = 0;
constexpr int kNorthWarehouse = 3;

// Orders by local weekday (Monday first), month, and hour of the day per channel.
constexpr std::array<int, 7> kWeekdayWeight{95, 90, 90, 95, 105, 125, 120};
constexpr std::array<int, 12> kMonthWeight{88, 75, 85, 90, 92, 85, 70, 66, 95, 100, 140, 170};
constexpr std::array<int, 24> kWebHours{3, 2, 1, 1, 1, 1, 2, 4, 6, 8, 9, 10, 12, 11, 10, 9, 9, 10, 12, 14, 15, 13, 9, 5};
constexpr std::array<int, 24> kStoreHours{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 6, 9, 12, 12, 11, 12, 14, 15, 12, 0, 0, 0, 0, 0};
constexpr std::array<int, 24> kOfficeHours{0, 0, 0, 0, 0, 0, 0, 0, 0, 6, 10, 10, 6, 6, 10, 10, 9, 6, 0, 0, 0, 0, 0, 0};

struct ChannelDef
{
    OrderChannel channel;
    int weight;
    int guestPerMille;
};
constexpr std::array<ChannelDef, 5> kChannels{{
    {OrderChannel::Web, 66, 180},
    {OrderChannel::Pos, 21, 700},
    {OrderChannel::Marketplace, 9, 1000},
    {OrderChannel::Phone, 2, 0},
    {OrderChannel::Draft, 2, 0},
}};

struct GatewayDef
{
    const char *name;
    int weight;
};
constexpr std::array<GatewayDef, 5> kWebGateways{{{"stripe", 55}, {"paypal", 25}, {"paystack", 5}, {"flutterwave", 5}, {"manual", 10}}};
constexpr std::array<GatewayDef, 2> kPosGateways{{{"stripe", 62}, {"cash", 38}}};
constexpr std::array<GatewayDef, 1> kMarketplaceGateways{{{"manual", 1}}};
constexpr std::array<GatewayDef, 2> kPhoneGateways{{{"stripe", 70}, {"manual", 30}}};

constexpr std::array<Weighted, 6> kWebLineCounts{{{1, 52}, {2, 26}, {3, 12}, {4, 6}, {5, 3}, {6, 1}}};
constexpr std::array<Weighted, 3> kPosLineCounts{{{1, 60}, {2, 28}, {3, 12}}};
constexpr std::array<Weighted, 2> kMarketplaceLineCounts{{{1, 85}, {2, 15}}};
constexpr std::array<Weighted, 5> kOfficeLineCounts{{{1, 30}, {2, 30}, {3, 20}, {4, 10}, {6, 10}}};
constexpr std::array<Weighted, 4> kQuantities{{{1, 86}, {2, 10}, {3, 3}, {4, 1}}};
constexpr std::array<Weighted, 4> kCustomerWeights{{{1, 55}, {3, 25}, {8, 13}, {24, 7}}};
constexpr std::array<Weighted, 3> kApparelColorCounts{{{1, 60}, {2, 30}, {3, 10}}};
constexpr std::array<Weighted, 4> kColorCounts{{{1, 40}, {2, 30}, {3, 20}, {4, 10}}};

constexpr std::array<Weighted, 5> kCancelReasons{{{0, 45}, {1, 15}, {2, 10}, {3, 20}, {4, 10}}};
constexpr std::array<const char *, 5> kCancelReasonText{"customer", "inventory", "fraud", "declined", "other"};

// --- Compact in-memory records ---------------------------------------------------------

struct ProductSlot
{
    QString title;
    QString skuBase;
    qint64 createdMs = 0;
    qint32 firstVariant = 0;
    qint32 variantCount = 0;
    ProductStatus status = ProductStatus::Active;
    quint64 popularity = 0;
};

struct VariantSlot
{
    qint64 createdMs = 0;
    quint64 idA = 0;
    quint64 idB = 0;
    qint64 price = 0;
    qint32 product = 0;
    Vocab::Options options = Vocab::Options::None;
    qint8 value[2] = {-1, -1};
    quint32 share = 1; // relative popularity within the product
    bool tracked = true;
};

struct LocationSlot
{
    QString id;
    const LocationDef *def = nullptr;
};

struct LevelSlot
{
    qint32 variant = 0;
    qint32 location = 0;
    qint32 committed = 0;
    qint32 onHand = 0;
};

// Inventory movement inside the ledger window, collected while orders stream by.
struct WindowEvent
{
    qint64 time;
    qint32 level;
    qint32 delta;
    qint32 orderNumber;
    InventoryReason reason;
};

enum class LedgerKind : quint8 { Opening, Delivery, Rush, Sold, Returned };

struct LedgerItem
{
    qint64 time;
    qint32 level;
    qint32 delta;
    qint32 ref; // order number, or week of the delivery
    LedgerKind kind;
};

struct Person
{
    QString firstName;
    QString lastName;
    QString email; // null when none
    QString phone; // null when none
    int place = 0;
    QString line1;
    QString line2;
    QString company;
};

// Everything about a customer follows from their index, so returning customers are
// recomputed instead of kept in memory.
struct Profile
{
    Person person;
    quint64 idA = 0;
    quint64 idB = 0;
    int weight = 1;
    MarketingConsent emailConsent = MarketingConsent::NotSubscribed;
    MarketingConsent smsConsent = MarketingConsent::NotSubscribed;
    bool secondAddress = false;
    int place2 = 0;
    QString line1b;
    QString tags;
    QString note;
};

int smallestPrimeAtLeast(qint64 n)
{
    for (qint64 p = std::max<qint64>(n, 11);; ++p) {
        bool prime = true;
        for (qint64 d = 2; d * d <= p; ++d) {
            if (p % d == 0) {
                prime = false;
                break;
            }
        }
        if (prime)
            return int(p);
    }
}

Error cancelledError()
{
    return makeError(QStringLiteral("demo.cancelled"),
                     QCoreApplication::translate("DemoGenerator", "Creating the demo shop was cancelled."));
}

// --- The generator proper ------------------------------------------------------------

class World
{
public:
    World(const DemoOptions &options, const Currency &currency, DemoSink &sink, const std::function<bool(int)> &progress)
        : m_o(options), m_sink(sink), m_progress(progress), m_params(paramsFor(options.scale)),
          m_pricing(options.currency, currency.exponent())
    {
    }

    Result<DemoStats> run();

private:
    Result<void> setUpCalendar();
    Result<void> makeSettingsAndLocations();
    Result<void> makeCatalogue();
    Result<void> makeProduct(Rng &rng, qint64 index, qint64 estimatedProducts, bool giftCard);
    void assignPopularity();
    void stockLocations();
    Result<void> makeOrders();
    Result<void> makeOrder(Rng &rng, qint64 placedAt, OrderChannel channel);
    Result<void> settleInventory();

    qint64 productTime(Rng &rng, qint64 index, qint64 estimated) const;
    QString variantId(const VariantSlot &v) const { return idText(v.createdMs, v.idA, v.idB); }
    QString variantSku(const VariantSlot &v) const;
    QString variantTitle(const VariantSlot &v) const;
    qint32 levelFor(qint32 variant, int location);
    Profile profileFor(qint64 index) const;
    Person guest(Rng &rng, OrderChannel channel) const;
    QString email(Rng &rng, const QString &first, const QString &last, qint64 number) const;
    QString phoneFor(Rng &rng, const QString &countryCode) const;
    QString addressJson(const Person &person, int place, const QString &line1) const;
    Customer customerRecord(qint64 index, qint64 createdAt) const;
    int taxPercentFor(int place) const;

    Result<void> count(Result<void> result, qint64 rows)
    {
        m_stats.records += rows;
        return result;
    }
    Result<void> report(int percent);

    const DemoOptions &m_o;
    DemoSink &m_sink;
    const std::function<bool(int)> &m_progress;
    ScaleParams m_params;
    Pricing m_pricing;
    DemoStats m_stats;
    int m_lastPercent = -1;

    QTimeZone m_zone;
    QDate m_firstDay;
    int m_days = 0;
    std::vector<qint64> m_dayStart; // m_days + 1 entries, local midnights in UTC ms
    qint64 m_historyStart = 0;
    qint64 m_historyEnd = 0; // last millisecond of the history
    qint64 m_windowStart = 0;
    qint64 m_catalogueStart = 0;

    std::vector<LocationSlot> m_locations;
    std::vector<ProductSlot> m_products;
    std::vector<VariantSlot> m_variants;
    CumulativeTable m_variantWeights;
    QSet<QString> m_handles;
    QHash<QString, int> m_slugUses;
    QHash<QString, int> m_skuBases;
    QHash<QString, int> m_vendors; // vendor -> its GS1 company prefix ordinal
    std::vector<int> m_barcodeCounters;
    qint64 m_popularCutoffRank = 0;
    std::vector<qint32> m_productRank;

    std::vector<std::vector<qint32>> m_levelOf; // [location][variant] -> level or -1
    std::vector<LevelSlot> m_levels;
    std::vector<WindowEvent> m_window;

    std::vector<qint64> m_customerCreated;
    CumulativeTable m_customerWeights;
    qint64 m_customerCap = 0;
    qint64 m_emailPrime = 0;
    int m_newCustomerPer100k = 0;

    qint64 m_nextOrderNumber = 1001;
    qint64 m_variantPrefix = 0;
};

Result<void> World::report(int percent)
{
    percent = std::clamp(percent, 0, 100);
    if (percent == m_lastPercent)
        return {};
    m_lastPercent = percent;
    if (m_progress && !m_progress(percent))
        return cancelledError();
    return {};
}

Result<void> World::setUpCalendar()
{
    m_zone = QTimeZone(m_o.timeZone.toUtf8());
    if (!m_zone.isValid()) {
        return makeError(QStringLiteral("demo.bad_time_zone"),
                         QCoreApplication::translate("DemoGenerator", "Unknown time zone \"%1\".").arg(m_o.timeZone));
    }
    m_firstDay = m_o.endDate.addYears(-kHistoryYears).addDays(1);
    m_days = int(m_firstDay.daysTo(m_o.endDate)) + 1;
    m_dayStart.resize(size_t(m_days) + 1);
    for (int i = 0; i <= m_days; ++i)
        m_dayStart[size_t(i)] = m_firstDay.addDays(i).startOfDay(m_zone).toMSecsSinceEpoch();
    m_historyStart = m_dayStart.front();
    m_historyEnd = m_dayStart.back() - 1;
    m_windowStart = m_dayStart[size_t(m_days - kLedgerWindowDays)];
    m_catalogueStart = m_historyStart - 365 * kDay;
    return {};
}

Result<void> World::makeSettingsAndLocations()
{
    Rng rng(m_o.seed, 1);
    ShopSettings settings;
    settings.shopId = m_o.shopId;
    settings.name = m_o.shopName;
    settings.currency = m_o.currency;
    settings.timeZone = m_o.timeZone;
    settings.locale = m_o.locale;
    settings.oversellPolicy = m_o.oversell;
    settings.version = 1;
    settings.updatedAt = m_catalogueStart;
    SK_TRY(count(m_sink.shopSettings(settings), 1));

    for (int i = 0; i < m_params.locations; ++i) {
        const LocationDef &def = kLocations[size_t(i)];
        Location loc;
        loc.id = newId(rng, m_catalogueStart + i);
        loc.name = u8(def.name);
        loc.code = u8(def.code);
        loc.address = u8(def.address);
        loc.active = true;
        loc.version = 1;
        loc.updatedAt = m_catalogueStart + i;
        m_locations.push_back({loc.id, &def});
        SK_TRY(count(m_sink.location(loc), 1));
        ++m_stats.locations;
    }
    return {};
}

qint64 World::productTime(Rng &rng, qint64 index, qint64 estimated) const
{
    // 80% of the catalogue exists in the year before the history starts; the rest arrives
    // during it. Each product gets its own time slot, so times never go backwards.
    const qint64 before = std::max<qint64>(1, estimated * 8 / 10);
    const qint64 after = std::max<qint64>(1, estimated - before);
    qint64 t;
    if (index < before) {
        const qint64 step = std::max<qint64>(1, 365 * kDay / before);
        t = m_catalogueStart + index * step + rng.below(step);
    } else {
        const qint64 step = std::max<qint64>(1, (m_historyEnd - m_historyStart) / after);
        t = m_historyStart + (index - before) * step + rng.below(step);
    }
    return std::min(t, m_historyEnd - 7 * kDay);
}

QString World::variantSku(const VariantSlot &v) const
{
    QString sku = m_products[size_t(v.product)].skuBase;
    for (int slot = 0; slot < 2; ++slot) {
        if (v.value[slot] >= 0) {
            sku.append(u'-');
            sku.append(QLatin1String(Vocab::optionValues(v.options, slot)[size_t(v.value[slot])].code));
        }
    }
    return sku;
}

QString World::variantTitle(const VariantSlot &v) const
{
    QString title;
    for (int slot = 0; slot < 2; ++slot) {
        if (v.value[slot] >= 0) {
            if (!title.isEmpty())
                title.append(QLatin1String(" / "));
            title.append(u8(Vocab::optionValues(v.options, slot)[size_t(v.value[slot])].name));
        }
    }
    return title.isNull() ? empty() : title;
}

// Distinct values of one option: a contiguous run for sizes, a weighted draw for the rest.
std::vector<int> chooseValues(Rng &rng, std::span<const Vocab::OptionValue> values, bool contiguous, int minCount,
                              int maxCount)
{
    std::vector<int> chosen;
    const int n = int(values.size());
    if (n == 0)
        return chosen;
    const int want = std::min(n, rng.between(minCount, maxCount));
    if (contiguous) {
        const int start = rng.between(0, n - want);
        for (int i = 0; i < want; ++i)
            chosen.push_back(start + i);
        return chosen;
    }
    std::vector<int> weights(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i)
        weights[size_t(i)] = values[size_t(i)].weight;
    while (int(chosen.size()) < want) {
        const int i = pickWeighted(rng, std::span<const int>(weights), [](int w) { return w; });
        chosen.push_back(i);
        weights[size_t(i)] = 0;
    }
    return chosen;
}

Result<void> World::makeProduct(Rng &rng, qint64 index, qint64 estimatedProducts, bool giftCard)
{
    const auto categories = Vocab::categories();
    const Vocab::Category *category = nullptr;
    Vocab::Noun noun{};
    Vocab::Word adjective{};
    QString title;
    QString vendor;
    if (giftCard) {
        noun = {"Gift Card", "GIFT", 0, 0, 0, Vocab::Options::GiftAmount, ""};
        title = QStringLiteral("Gift Card");
        vendor = m_o.shopName;
    } else {
        category = &categories[size_t(pickWeighted(rng, categories, [](const Vocab::Category &c) { return c.share; }))];
        noun = rng.pick(category->nouns);
        // Only adjectives that suit the noun: no "Organic Cotton Vase".
        std::vector<Vocab::Word> suitable;
        const QByteArray allowed = QByteArray(" ") + noun.adjectives + ' ';
        for (const Vocab::Word &w : category->adjectives) {
            if (allowed.contains(QByteArray(" ") + w.code + ' '))
                suitable.push_back(w);
        }
        adjective = suitable.empty() ? rng.pick(category->adjectives) : rng.pick(std::span<const Vocab::Word>(suitable));
        title = u8(adjective.name) + u' ' + u8(noun.name);
        if (rng.chance(400))
            title = u8(rng.pick(Vocab::modelNames())) + u' ' + title;
        vendor = u8(rng.pick(category->vendors));
    }

    ProductSlot slot;
    slot.title = title;
    slot.createdMs = productTime(rng, index, estimatedProducts);
    slot.firstVariant = qint32(m_variants.size());

    // Unique handle and SKU stem: "organic-cotton-tee-2", "TEE-ORG2".
    const QString slug = slugify(title);
    int &slugUses = m_slugUses[slug];
    QString handle = slugUses == 0 ? slug : slug + u'-' + QString::number(slugUses + 1);
    while (m_handles.contains(handle))
        handle = slug + u'-' + QString::number(++slugUses + 1);
    ++slugUses;
    m_handles.insert(handle);
    const QString stem = giftCard ? QStringLiteral("GIFT") : u8(noun.code) + u'-' + u8(adjective.code);
    const int stemUses = m_skuBases.value(stem, 0) + 1;
    m_skuBases.insert(stem, stemUses);
    slot.skuBase = stemUses == 1 ? stem : stem + QString::number(stemUses);

    if (!m_vendors.contains(vendor)) {
        m_vendors.insert(vendor, int(m_vendors.size()));
        m_barcodeCounters.push_back(0);
    }
    const int vendorOrdinal = m_vendors.value(vendor);

    // Status: recent products are often drafts; only older ones get archived.
    const qint64 age = m_historyEnd - slot.createdMs;
    if (giftCard)
        slot.status = ProductStatus::Active;
    else if (age < 60 * kDay)
        slot.status = rng.chance(300) ? ProductStatus::Draft : ProductStatus::Active;
    else if (rng.chance(60))
        slot.status = ProductStatus::Draft;
    else if (age > 180 * kDay && rng.chance(50))
        slot.status = ProductStatus::Archived;
    else
        slot.status = ProductStatus::Active;

    // Option values.
    std::vector<int> first;
    std::vector<int> second;
    const auto values0 = Vocab::optionValues(noun.options, 0);
    const auto values1 = Vocab::optionValues(noun.options, 1);
    switch (noun.options) {
    case Vocab::Options::None: break;
    case Vocab::Options::ApparelSize: {
        const int colors = pickValue(rng, kApparelColorCounts);
        first = chooseValues(rng, values0, false, colors, colors);
        second = chooseValues(rng, values1, true, 3, 5);
        break;
    }
    case Vocab::Options::WaistSize:
        first = chooseValues(rng, values0, false, 1, 2);
        second = chooseValues(rng, values1, true, 3, 5);
        break;
    case Vocab::Options::ShoeSize:
        first = chooseValues(rng, values0, false, 1, rng.chance(200) ? 2 : 1);
        second = chooseValues(rng, values1, true, 4, 7);
        break;
    case Vocab::Options::Color: {
        const int colors = pickValue(rng, kColorCounts);
        first = chooseValues(rng, values0, false, colors, colors);
        break;
    }
    case Vocab::Options::MaterialColor:
        first = chooseValues(rng, values0, false, 1, 2);
        second = chooseValues(rng, values1, false, 1, 2);
        break;
    case Vocab::Options::Scent: first = chooseValues(rng, values0, false, 2, 4); break;
    case Vocab::Options::HomeSize: first = chooseValues(rng, values0, true, 2, 3); break;
    case Vocab::Options::HomeSizeColor:
        first = chooseValues(rng, values0, false, 1, 2);
        second = chooseValues(rng, values1, true, 2, 3);
        break;
    case Vocab::Options::Volume: first = chooseValues(rng, values0, true, 1, 3); break;
    case Vocab::Options::GiftAmount: first = {0, 1, 2, 3}; break;
    }
    // Sizes and volumes read best in their natural order; colours keep their draw order.
    if (noun.options == Vocab::Options::HomeSize || noun.options == Vocab::Options::Volume)
        std::sort(first.begin(), first.end());
    if (first.empty())
        first.push_back(-1);
    if (second.empty())
        second.push_back(-1);

    const qint64 basePrice = giftCard ? 0 : rng.between(qint64(noun.minPrice), qint64(noun.maxPrice)) * 100;
    const bool charm = rng.chance(700);
    const bool onSale = !giftCard && rng.chance(140);
    const int salePercent = rng.between(120, 150);
    const int costPercent = rng.between(35, 60);
    const bool barcoded = !giftCard && rng.chance(900);
    const qint64 updatedAt = slot.createdMs + rng.below(std::max<qint64>(1, std::min(180 * kDay, m_historyEnd - slot.createdMs)));

    Product product;
    product.id = newId(rng, slot.createdMs);
    product.title = title;
    product.handle = handle;
    product.vendor = vendor;
    product.category = category ? u8(category->name) : QStringLiteral("Gift cards");
    product.status = slot.status;
    product.createdAt = slot.createdMs;
    product.version = 1;
    product.updatedAt = updatedAt;
    QStringList tags;
    if (category) {
        tags << u8(category->tag) << u8(noun.name).toLower();
        const QString adj = u8(adjective.name);
        if (adj.contains(QLatin1String("Organic")) || adj.contains(QLatin1String("Recycled")))
            tags << QStringLiteral("sustainable");
        const int extra = rng.between(0, 2);
        for (int i = 0; i < extra; ++i) {
            const QString tag = u8(rng.pick(Vocab::extraTags()));
            if (!tags.contains(tag))
                tags << tag;
        }
        QStringList sentences;
        const auto pool = category->sentences;
        const int a = rng.below(int(pool.size()));
        const int b = (a + 1 + rng.below(int(pool.size()) - 1)) % int(pool.size());
        for (int s : {a, b}) {
            sentences << u8(pool[size_t(s)])
                             .replace(QLatin1String("%1"), u8(noun.name).toLower())
                             .replace(QLatin1String("%2"), adj.toLower());
        }
        sentences << u8(rng.pick(Vocab::careSentences()));
        product.description = sentences.join(u' ');
    } else {
        tags << QStringLiteral("gift card");
        product.description = QStringLiteral("A gift card for the whole shop, valid for one year.");
    }
    if (onSale)
        tags << QStringLiteral("sale");
    product.tags = tags.join(QLatin1String(", "));
    SK_TRY(count(m_sink.product(product), 1));
    ++m_stats.products;

    const qint32 productIndex = qint32(m_products.size());
    m_products.push_back(slot);
    const qint64 remaining = m_params.variants - qint64(m_variants.size());
    int position = 0;
    for (int v1 : second) {
        for (int v0 : first) {
            if (position >= remaining)
                break;
            ++position;
            VariantSlot vs;
            vs.createdMs = slot.createdMs + position;
            vs.idA = rng.next();
            vs.idB = rng.next();
            vs.product = productIndex;
            vs.options = noun.options;
            vs.value[0] = qint8(v0);
            vs.value[1] = qint8(v1);
            vs.tracked = !giftCard;
            int step = 0;
            quint32 share = 1;
            if (v0 >= 0) {
                step += values0[size_t(v0)].priceStep;
                share *= quint32(values0[size_t(v0)].weight);
            }
            if (v1 >= 0) {
                step += values1[size_t(v1)].priceStep;
                share *= quint32(values1[size_t(v1)].weight);
            }
            vs.share = share;
            if (giftCard)
                vs.price = QString::fromLatin1(values0[size_t(v0)].code).toLongLong() * m_pricing.unit();
            else
                vs.price = m_pricing.pricePoint(basePrice * (100 + step) / 100, charm);

            Variant variant;
            variant.id = variantId(vs);
            variant.productId = product.id;
            variant.position = position;
            variant.sku = QString(); // set below, after the slot is stored
            variant.option1 = v0 >= 0 ? u8(values0[size_t(v0)].name) : QString();
            variant.option2 = v1 >= 0 ? u8(values1[size_t(v1)].name) : QString();
            variant.price = vs.price;
            if (onSale) {
                const qint64 was = m_pricing.pricePoint(basePrice * (100 + step) / 100 * salePercent / 100, charm);
                if (was > vs.price)
                    variant.compareAtPrice = was;
            }
            if (!giftCard)
                variant.cost = vs.price * costPercent / 100;
            if (!giftCard) {
                int grams = noun.grams * (100 + step / 2) / 100;
                if (noun.options == Vocab::Options::ApparelSize || noun.options == Vocab::Options::WaistSize
                    || noun.options == Vocab::Options::ShoeSize)
                    grams = grams * (88 + 6 * std::max(0, v1)) / 100;
                variant.weight = double(std::max(5, grams));
            }
            variant.weightUnit = QStringLiteral("g");
            variant.trackInventory = vs.tracked;
            variant.createdAt = vs.createdMs;
            variant.version = 1;
            variant.updatedAt = updatedAt;
            if (barcoded && rng.chance(960) && m_barcodeCounters[size_t(vendorOrdinal)] < 999'999) {
                // EAN-13: a per-vendor company prefix in the French 37x range + item number.
                const int prefix = 1000 + (vendorOrdinal * 173) % 9000;
                const QString body = QStringLiteral("37%1%2")
                                         .arg(prefix, 4, 10, QLatin1Char('0'))
                                         .arg(++m_barcodeCounters[size_t(vendorOrdinal)], 6, 10, QLatin1Char('0'));
                variant.barcode = Gtin::withCheckDigit(body);
            }
            m_variants.push_back(vs);
            variant.sku = variantSku(m_variants.back());
            SK_TRY(count(m_sink.variant(variant), 1));
            ++m_stats.variants;
        }
    }
    m_products.back().variantCount = position;
    return {};
}

Result<void> World::makeCatalogue()
{
    Rng rng(m_o.seed, 2);
    const qint64 estimatedProducts = std::max<qint64>(1, m_params.variants * 10 / 33);
    m_variants.reserve(size_t(m_params.variants));
    m_products.reserve(size_t(estimatedProducts + estimatedProducts / 4));
    SK_TRY(makeProduct(rng, 0, estimatedProducts, true));
    for (qint64 i = 1; qint64(m_variants.size()) < m_params.variants; ++i) {
        SK_TRY(makeProduct(rng, i, estimatedProducts, false));
        if (i % 4096 == 0)
            SK_TRY(report(int(8 * qint64(m_variants.size()) / m_params.variants)));
    }
    m_handles.clear();
    m_slugUses.clear();
    m_skuBases.clear();
    return {};
}

void World::assignPopularity()
{
    // Zipf-like long tail: the product at popularity rank r weighs 1 / (r + 20). The ranks
    // are a random permutation, so popularity has nothing to do with creation order.
    Rng rng(m_o.seed, 3);
    const qint64 n = qint64(m_products.size());
    std::vector<qint32> order(static_cast<size_t>(n));
    for (qint64 i = 0; i < n; ++i)
        order[size_t(i)] = qint32(i);
    for (qint64 i = n - 1; i > 0; --i)
        std::swap(order[size_t(i)], order[size_t(rng.below(i + 1))]);
    m_productRank.assign(size_t(n), 0);
    for (qint64 r = 0; r < n; ++r)
        m_productRank[size_t(order[size_t(r)])] = qint32(r);
    m_popularCutoffRank = std::max<qint64>(1, n / 4);

    m_variantWeights.reserve(qint64(m_variants.size()));
    for (qint64 p = 0; p < n; ++p) {
        ProductSlot &product = m_products[size_t(p)];
        product.popularity = product.status == ProductStatus::Active ? (quint64(1) << 36) / quint64(m_productRank[size_t(p)] + 20) : 0;
        quint64 shares = 0;
        for (qint32 v = 0; v < product.variantCount; ++v)
            shares += m_variants[size_t(product.firstVariant + v)].share;
        for (qint32 v = 0; v < product.variantCount; ++v)
            m_variantWeights.append(product.popularity * m_variants[size_t(product.firstVariant + v)].share / std::max<quint64>(1, shares));
    }
}

qint32 World::levelFor(qint32 variant, int location)
{
    qint32 &slot = m_levelOf[size_t(location)][size_t(variant)];
    if (slot < 0) {
        slot = qint32(m_levels.size());
        m_levels.push_back({variant, location, 0, 0});
    }
    return slot;
}

void World::stockLocations()
{
    Rng rng(m_o.seed, 4);
    m_levelOf.assign(m_locations.size(), std::vector<qint32>(m_variants.size(), -1));
    for (int loc = 0; loc < int(m_locations.size()); ++loc) {
        const LocationDef &def = *m_locations[size_t(loc)].def;
        for (qint32 v = 0; v < qint32(m_variants.size()); ++v) {
            const VariantSlot &variant = m_variants[size_t(v)];
            if (!variant.tracked)
                continue;
            const ProductSlot &product = m_products[size_t(variant.product)];
            if (def.store && product.status == ProductStatus::Draft)
                continue;
            const bool popular = m_productRank[size_t(variant.product)] < m_popularCutoffRank;
            if (rng.chance(popular ? def.stockPopular : def.stockOther))
                levelFor(v, loc);
        }
    }
}

QString World::email(Rng &rng, const QString &first, const QString &last, qint64 number) const
{
    const QString f = asciiFold(first).toLower().remove(u' ').remove(u'\'');
    const QString l = asciiFold(last).toLower().remove(u' ').remove(u'\'');
    QString local;
    switch (rng.below(4)) {
    case 0: local = f + u'.' + l; break;
    case 1: local = f.left(1) + l; break;
    case 2: local = f + l; break;
    default: local = f + u'_' + l; break;
    }
    return local + QString::number(number) + u'@' + u8(rng.pick(Vocab::emailDomains()));
}

QString World::phoneFor(Rng &rng, const QString &countryCode) const
{
    auto digits = [&rng](int n) {
        QString s;
        for (int i = 0; i < n; ++i)
            s.append(QChar(u'0' + rng.below(10)));
        return s;
    };
    // Numbers in ranges reserved for fiction where the country has one.
    if (countryCode == QLatin1String("FR"))
        return QStringLiteral("+33 6 39 98 ") + digits(2) + u' ' + digits(2);
    if (countryCode == QLatin1String("GB"))
        return QStringLiteral("+44 7700 900") + digits(3);
    if (countryCode == QLatin1String("US") || countryCode == QLatin1String("CA"))
        return QStringLiteral("+1 202 555 01") + digits(2);
    for (const Vocab::Country &c : Vocab::countries()) {
        if (countryCode == QLatin1String(c.code))
            return u8(c.phonePrefix) + u' ' + digits(3) + u' ' + digits(3) + u' ' + digits(3);
    }
    return QStringLiteral("+33 1 99 00 ") + digits(2) + u' ' + digits(2);
}

int World::taxPercentFor(int place) const
{
    const QLatin1String code(Vocab::places()[size_t(place)].countryCode);
    for (const Vocab::Country &c : Vocab::countries()) {
        if (code == QLatin1String(c.code))
            return c.taxPercent;
    }
    return 0;
}

int pickPlace(Rng &rng)
{
    return pickWeighted(rng, Vocab::places(), [](const Vocab::Place &p) { return p.weight; });
}

QString streetLine(Rng &rng)
{
    return u8(rng.pick(Vocab::streets())).arg(rng.between(1, 140));
}

QString secondLine(Rng &rng)
{
    switch (rng.below(4)) {
    case 0: return QStringLiteral("Appartement %1").arg(rng.between(1, 60));
    case 1: return QStringLiteral("Bâtiment %1").arg(QChar(u'A' + rng.below(5)));
    case 2: return QStringLiteral("%1e étage").arg(rng.between(2, 8));
    default: return QStringLiteral("Escalier %1").arg(rng.between(1, 4));
    }
}

Profile World::profileFor(qint64 index) const
{
    Rng rng(m_o.seed, 0x100000000ull + quint64(index));
    Profile p;
    p.idA = rng.next();
    p.idB = rng.next();
    p.person.firstName = u8(rng.pick(Vocab::firstNames()));
    p.person.lastName = u8(rng.pick(Vocab::lastNames()));
    // A permutation of the index modulo a prime keeps every address unique without a lookup.
    const qint64 number = (index * 7919 + 104729) % m_emailPrime;
    p.person.email = email(rng, p.person.firstName, p.person.lastName, number);
    p.person.place = pickPlace(rng);
    p.person.line1 = streetLine(rng);
    p.person.line2 = rng.chance(150) ? secondLine(rng) : empty();
    p.person.company = rng.chance(50) ? p.person.lastName + QStringLiteral(" & Associés") : empty();
    if (rng.chance(550))
        p.person.phone = phoneFor(rng, u8(Vocab::places()[size_t(p.person.place)].countryCode));
    p.weight = pickValue(rng, kCustomerWeights);
    const int consent = rng.below(100);
    p.emailConsent = consent < 35 ? MarketingConsent::Subscribed
                     : consent < 83 ? MarketingConsent::NotSubscribed
                     : consent < 95 ? MarketingConsent::Unsubscribed
                                    : MarketingConsent::Pending;
    if (!p.person.phone.isNull()) {
        const int sms = rng.below(100);
        p.smsConsent = sms < 20 ? MarketingConsent::Subscribed
                       : sms < 95 ? MarketingConsent::NotSubscribed
                                  : MarketingConsent::Unsubscribed;
    }
    p.secondAddress = rng.chance(200);
    p.place2 = pickPlace(rng);
    p.line1b = streetLine(rng);
    QStringList tags;
    if (p.weight >= 24)
        tags << QStringLiteral("vip");
    if (p.emailConsent == MarketingConsent::Subscribed)
        tags << QStringLiteral("newsletter");
    if (rng.chance(10))
        tags << QStringLiteral("wholesale");
    p.tags = tags.join(QLatin1String(", "));
    p.note = rng.chance(30) ? u8(rng.pick(Vocab::customerNotes())) : empty();
    return p;
}

Customer World::customerRecord(qint64 index, qint64 createdAt) const
{
    const Profile p = profileFor(index);
    Rng rng(m_o.seed, 0x200000000ull + quint64(index));
    Customer c;
    c.id = idText(createdAt, p.idA, p.idB);
    c.firstName = p.person.firstName;
    c.lastName = p.person.lastName;
    c.email = p.person.email;
    c.phone = p.person.phone;
    c.note = p.note;
    c.tags = p.tags;
    c.emailMarketing = p.emailConsent;
    c.smsMarketing = p.smsConsent;
    if (p.emailConsent != MarketingConsent::NotSubscribed || p.smsConsent != MarketingConsent::NotSubscribed)
        c.consentUpdatedAt = createdAt;
    c.createdAt = createdAt;
    c.version = 1;
    c.updatedAt = createdAt;
    auto address = [&](bool isDefault, int place, const QString &line1, const QString &line2) {
        const Vocab::Place &pl = Vocab::places()[size_t(place)];
        CustomerAddress a;
        a.id = newId(rng, createdAt);
        a.customerId = c.id;
        a.isDefault = isDefault;
        a.name = p.person.firstName + u' ' + p.person.lastName;
        a.company = isDefault ? p.person.company : empty();
        a.line1 = line1;
        a.line2 = line2;
        a.city = u8(pl.city);
        a.province = u8(pl.province);
        a.postalCode = u8(pl.postalCode);
        a.countryCode = u8(pl.countryCode);
        a.phone = p.person.phone.isNull() ? empty() : p.person.phone;
        return a;
    };
    c.addresses.append(address(true, p.person.place, p.person.line1, p.person.line2));
    if (p.secondAddress)
        c.addresses.append(address(false, p.place2, p.line1b, empty()));
    return c;
}

Person World::guest(Rng &rng, OrderChannel channel) const
{
    Person g;
    g.firstName = u8(rng.pick(Vocab::firstNames()));
    g.lastName = u8(rng.pick(Vocab::lastNames()));
    g.place = pickPlace(rng);
    g.line1 = streetLine(rng);
    g.line2 = empty();
    g.company = empty();
    if (channel == OrderChannel::Marketplace) {
        g.email = QStringLiteral("buyer-%1@marketplace.example.com").arg(rng.next() & 0xFFFFFFFFFFull, 10, 16, QLatin1Char('0'));
    } else if (channel != OrderChannel::Pos || rng.chance(300)) {
        g.email = email(rng, g.firstName, g.lastName, rng.between(1, 999));
    }
    return g;
}

QString World::addressJson(const Person &person, int place, const QString &line1) const
{
    const Vocab::Place &pl = Vocab::places()[size_t(place)];
    QString json;
    json.reserve(200);
    json.append(QLatin1String("{\"name\":"));
    appendJsonString(json, person.firstName + u' ' + person.lastName);
    auto field = [&json](const char *key, const QString &value) {
        if (value.isEmpty())
            return;
        json.append(QLatin1String(",\""));
        json.append(QLatin1String(key));
        json.append(QLatin1String("\":"));
        appendJsonString(json, value);
    };
    field("company", person.company);
    field("line1", line1);
    field("line2", person.line2);
    field("city", u8(pl.city));
    field("province", u8(pl.province));
    field("postal_code", u8(pl.postalCode));
    field("country_code", u8(pl.countryCode));
    field("phone", person.phone);
    json.append(u'}');
    return json;
}

Result<void> World::makeOrders()
{
    Rng rng(m_o.seed, 5);

    // Orders per day: weekday x month x growth x a little noise, with the holidays on top,
    // then spread over the days so the total is exact.
    std::vector<qint64> weight(static_cast<size_t>(m_days));
    for (int i = 0; i < m_days; ++i) {
        const QDate day = m_firstDay.addDays(i);
        qint64 w = qint64(kWeekdayWeight[size_t(day.dayOfWeek() - 1)]) * kMonthWeight[size_t(day.month() - 1)];
        w = w * (700 + 300 * i / std::max(1, m_days - 1)) / 1000;
        const QDate blackFriday = [&] {
            QDate d(day.year(), 11, 30);
            while (d.dayOfWeek() != 5)
                d = d.addDays(-1);
            return d;
        }();
        const qint64 fromBlackFriday = blackFriday.daysTo(day);
        if (fromBlackFriday == 0)
            w = w * 220 / 100;
        else if (fromBlackFriday >= 1 && fromBlackFriday <= 3)
            w = w * 150 / 100;
        if (day.month() == 12 && day.day() == 25)
            w = w * 30 / 100;
        else if (day.month() == 12 && day.day() == 24)
            w = w * 70 / 100;
        else if (day.month() == 1 && day.day() == 1)
            w = w * 40 / 100;
        weight[size_t(i)] = w * rng.between(90, 110) / 100;
    }
    qint64 totalWeight = 0;
    for (qint64 w : weight)
        totalWeight += w;

    // Customers: how often an order brings a new customer, so the total lands near the target.
    qint64 channelTotal = 0;
    qint64 customerShare = 0;
    const bool hasStores = m_params.locations > 1;
    for (const ChannelDef &c : kChannels) {
        if (c.channel == OrderChannel::Pos && !hasStores)
            continue;
        channelTotal += c.weight;
        customerShare += qint64(c.weight) * (1000 - c.guestPerMille);
    }
    const qint64 customerOrders = std::max<qint64>(1, m_params.orders * customerShare / (channelTotal * 1000));
    m_newCustomerPer100k = int(std::clamp<qint64>(m_params.customers * 92 * 1000 / customerOrders, 1, 100'000));
    m_customerCap = m_params.customers * 2;
    m_emailPrime = smallestPrimeAtLeast(m_customerCap + 1000);
    m_customerCreated.reserve(size_t(m_params.customers + m_params.customers / 4));
    m_customerWeights.reserve(m_params.customers + m_params.customers / 4);

    struct Slot
    {
        qint64 time;
        OrderChannel channel;
    };
    std::vector<Slot> today;
    qint64 cumWeight = 0;
    qint64 placed = 0;
    for (int i = 0; i < m_days; ++i) {
        cumWeight += weight[size_t(i)];
        const qint64 upTo = m_params.orders * cumWeight / totalWeight;
        const qint64 n = upTo - placed;
        placed = upTo;
        const QDate day = m_firstDay.addDays(i);
        const int dow = day.dayOfWeek();
        const qint64 dayStart = m_dayStart[size_t(i)];
        const qint64 dayEnd = m_dayStart[size_t(i) + 1] - 1;
        today.clear();
        for (qint64 k = 0; k < n; ++k) {
            OrderChannel channel = kChannels[size_t(pickWeighted(rng, std::span<const ChannelDef>(kChannels), [&](const ChannelDef &c) {
                                                    return c.channel == OrderChannel::Pos && !hasStores ? 0 : c.weight;
                                                }))].channel;
            // Stores close on Sundays; the office works weekdays.
            if (channel == OrderChannel::Pos && dow == 7)
                channel = OrderChannel::Web;
            if ((channel == OrderChannel::Phone || channel == OrderChannel::Draft) && dow >= 6)
                channel = OrderChannel::Web;
            const auto &hours = channel == OrderChannel::Pos ? kStoreHours
                                : (channel == OrderChannel::Phone || channel == OrderChannel::Draft) ? kOfficeHours
                                                                                                       : kWebHours;
            const int hour = pickWeighted(rng, std::span<const int>(hours), [](int w) { return w; });
            const qint64 t = std::min(dayEnd, dayStart + hour * kHour + rng.below(kHour));
            today.push_back({t, channel});
        }
        std::stable_sort(today.begin(), today.end(), [](const Slot &a, const Slot &b) { return a.time < b.time; });
        for (const Slot &s : today)
            SK_TRY(makeOrder(rng, s.time, s.channel));
        SK_TRY(report(8 + int(80 * qint64(i + 1) / m_days)));
    }
    return {};
}

Result<void> World::makeOrder(Rng &rng, qint64 placedAt, OrderChannel channel)
{
    const ChannelDef *channelDef = nullptr;
    for (const ChannelDef &c : kChannels) {
        if (c.channel == channel)
            channelDef = &c;
    }

    OrderDetail detail;
    Order &o = detail.order;
    o.id = newId(rng, placedAt);
    o.number = m_nextOrderNumber++;
    o.channel = channel;
    o.currency = m_o.currency;
    o.placedAt = placedAt;
    o.cancelReason = empty();
    o.note = empty();
    qint64 updatedAt = placedAt;

    // Who: a guest, a new customer or a returning one.
    Person person;
    int shipPlace = 0;
    QString shipLine1;
    bool guestOrder = rng.chance(channelDef->guestPerMille);
    QStringList orderTags;
    if (!guestOrder) {
        const qint64 created = qint64(m_customerCreated.size());
        const bool fresh = created == 0 || (created < m_customerCap && rng.below(100'000) < m_newCustomerPer100k);
        qint64 index;
        if (fresh) {
            // Some people sign up without buying; they appear just before an order.
            if (rng.chance(85) && created + 1 < m_customerCap) {
                const qint64 signupAt = std::max(m_historyStart, placedAt - rng.between(kHour, 5 * kDay));
                const qint64 quiet = qint64(m_customerCreated.size());
                m_customerCreated.push_back(signupAt);
                m_customerWeights.append(0);
                const Customer c = customerRecord(quiet, signupAt);
                SK_TRY(count(m_sink.customer(c), 1 + c.addresses.size()));
                ++m_stats.customers;
            }
            index = qint64(m_customerCreated.size());
            const qint64 createdAt = placedAt - rng.between(2 * kMinute, 30 * kMinute);
            m_customerCreated.push_back(createdAt);
            const Customer c = customerRecord(index, createdAt);
            m_customerWeights.append(quint64(profileFor(index).weight));
            SK_TRY(count(m_sink.customer(c), 1 + c.addresses.size()));
            ++m_stats.customers;
        } else {
            index = m_customerWeights.sample(rng, created);
        }
        const Profile p = profileFor(index);
        o.customerId = idText(m_customerCreated[size_t(index)], p.idA, p.idB);
        person = p.person;
        shipPlace = p.person.place;
        shipLine1 = p.person.line1;
        if (p.secondAddress && rng.chance(300)) {
            shipPlace = p.place2;
            shipLine1 = p.line1b;
            person.line2 = empty();
        }
        if (p.weight >= 24)
            orderTags << QStringLiteral("vip");
    } else {
        person = guest(rng, channel);
        shipPlace = person.place;
        shipLine1 = person.line1;
    }
    o.customerName = person.firstName + u' ' + person.lastName;
    o.email = person.email;

    // Where from.
    int location = kMainWarehouse;
    if (channel == OrderChannel::Pos) {
        std::vector<int> stores;
        for (int i = 0; i < int(m_locations.size()); ++i) {
            if (m_locations[size_t(i)].def->store)
                stores.push_back(i);
        }
        location = stores[size_t(pickWeighted(rng, std::span<const int>(stores), [this](int i) { return m_locations[size_t(i)].def->posWeight; }))];
    }

    // What: distinct variants among those already created, by popularity.
    while (m_variantPrefix < qint64(m_variants.size()) && m_variants[size_t(m_variantPrefix)].createdMs <= placedAt)
        ++m_variantPrefix;
    const auto &lineCounts = channel == OrderChannel::Pos           ? std::span<const Weighted>(kPosLineCounts)
                             : channel == OrderChannel::Marketplace ? std::span<const Weighted>(kMarketplaceLineCounts)
                             : channel == OrderChannel::Web         ? std::span<const Weighted>(kWebLineCounts)
                                                                    : std::span<const Weighted>(kOfficeLineCounts);
    const int wanted = pickValue(rng, lineCounts);
    std::vector<qint32> picked;
    for (int l = 0; l < wanted; ++l) {
        for (int attempt = 0; attempt < 6; ++attempt) {
            const qint64 v = m_variantWeights.sample(rng, m_variantPrefix);
            if (v < 0)
                break;
            if (std::find(picked.begin(), picked.end(), qint32(v)) != picked.end())
                continue;
            // A store sells what it has on its shelves, most of the time.
            if (channel == OrderChannel::Pos && attempt < 4 && m_variants[size_t(v)].tracked
                && m_levelOf[size_t(location)][size_t(v)] < 0)
                continue;
            picked.push_back(qint32(v));
            break;
        }
    }
    if (channel != OrderChannel::Pos && int(m_locations.size()) > kNorthWarehouse && rng.chance(350)) {
        const bool allThere = std::all_of(picked.begin(), picked.end(), [this](qint32 v) {
            return !m_variants[size_t(v)].tracked || m_levelOf[size_t(kNorthWarehouse)][size_t(v)] >= 0;
        });
        if (allThere)
            location = kNorthWarehouse;
    }
    o.locationId = m_locations[size_t(location)].id;

    // Amounts (tax-exclusive prices; shipping untaxed).
    int discountPercent = 0;
    if (channel == OrderChannel::Web && rng.chance(120)) {
        discountPercent = rng.chance(600) ? 10 : (rng.chance(700) ? 15 : 20);
        orderTags << QStringLiteral("promo");
    } else if (channel == OrderChannel::Draft) {
        discountPercent = 25;
        orderTags << QStringLiteral("wholesale");
    }
    const int taxPercent = channel == OrderChannel::Pos ? 20 : taxPercentFor(shipPlace);
    for (qint32 v : picked) {
        const VariantSlot &variant = m_variants[size_t(v)];
        OrderLine line;
        line.id = newId(rng, placedAt);
        line.orderId = o.id;
        line.variantId = variantId(variant);
        line.sku = variantSku(variant);
        line.title = m_products[size_t(variant.product)].title;
        line.variantTitle = variantTitle(variant);
        line.quantity = channel == OrderChannel::Draft ? rng.between(2, 12) : pickValue(rng, kQuantities);
        line.unitPrice = variant.price;
        const qint64 gross = line.quantity * line.unitPrice;
        line.discount = (gross * discountPercent + 50) / 100;
        line.tax = variant.tracked ? ((gross - line.discount) * taxPercent + 50) / 100 : 0;
        line.total = gross - line.discount + line.tax;
        o.subtotal += gross;
        o.discountTotal += line.discount;
        o.taxTotal += line.tax;
        detail.lines.append(line);
    }
    const bool domestic = QLatin1String(Vocab::places()[size_t(shipPlace)].countryCode) == QLatin1String("FR");
    switch (channel) {
    case OrderChannel::Web:
        if (!domestic)
            o.shippingTotal = m_pricing.convert(1490);
        else if (o.subtotal - o.discountTotal < m_pricing.convert(6000))
            o.shippingTotal = m_pricing.convert(490);
        break;
    case OrderChannel::Phone: o.shippingTotal = m_pricing.convert(690); break;
    case OrderChannel::Draft: o.shippingTotal = m_pricing.convert(1900); break;
    case OrderChannel::Pos:
    case OrderChannel::Marketplace: break;
    }
    o.total = o.subtotal - o.discountTotal + o.shippingTotal + o.taxTotal;

    if (channel != OrderChannel::Pos) {
        o.shippingAddressJson = addressJson(person, shipPlace, shipLine1);
        o.billingAddressJson = o.shippingAddressJson;
    }
    if (rng.chance(40) && channel == OrderChannel::Web)
        o.note = u8(rng.pick(Vocab::orderNotes()));
    if (rng.chance(30))
        orderTags << QStringLiteral("gift");

    // How it went.
    const auto gateways = channel == OrderChannel::Pos           ? std::span<const GatewayDef>(kPosGateways)
                          : channel == OrderChannel::Marketplace ? std::span<const GatewayDef>(kMarketplaceGateways)
                          : channel == OrderChannel::Web         ? std::span<const GatewayDef>(kWebGateways)
                          : channel == OrderChannel::Phone       ? std::span<const GatewayDef>(kPhoneGateways)
                                                                 : std::span<const GatewayDef>(kMarketplaceGateways);
    o.gateway = u8(gateways[size_t(pickWeighted(rng, gateways, [](const GatewayDef &g) { return g.weight; }))].name);
    const bool manualPayment = o.gateway == QLatin1String("manual") && channel != OrderChannel::Marketplace;
    const qint64 fate = rng.below(qint64(10'000));
    const qint64 age = m_historyEnd - placedAt;
    auto addEvent = [&](OrderEventKind kind, qint64 at, const QString &message, const QString &author) {
        OrderEvent e;
        e.id = newId(rng, at);
        e.orderId = o.id;
        e.kind = kind;
        e.message = message;
        e.author = author;
        e.createdAt = at;
        e.version = 1;
        e.updatedAt = at;
        detail.events.append(e);
        updatedAt = std::max(updatedAt, at);
    };

    bool open = false;
    if (channel != OrderChannel::Pos && fate < 50) {
        o.status = OrderStatus::Failed;
        o.financialStatus = FinancialStatus::Pending;
        addEvent(OrderEventKind::System, placedAt + rng.between(kSecond, kMinute),
                 QStringLiteral("Payment failed at %1: card declined.").arg(o.gateway), empty());
    } else if (channel != OrderChannel::Pos && fate < 260) {
        o.status = OrderStatus::Cancelled;
        o.financialStatus = FinancialStatus::Voided;
        o.cancelledAt = std::min(m_historyEnd, placedAt + rng.between(15 * kMinute, 30 * kHour));
        const int reason = pickValue(rng, kCancelReasons);
        o.cancelReason = QLatin1String(kCancelReasonText[size_t(reason)]);
        addEvent(OrderEventKind::Cancelled, *o.cancelledAt, QStringLiteral("Order cancelled (%1).").arg(o.cancelReason),
                 u8(rng.pick(Vocab::staffNames())));
    } else {
        std::optional<qint64> paidAt;
        if (channel == OrderChannel::Pos)
            paidAt = placedAt;
        else if (manualPayment) {
            const qint64 at = placedAt + rng.between(20 * kHour, 4 * kDay);
            if (at <= m_historyEnd)
                paidAt = at;
        } else {
            paidAt = placedAt + rng.between(5 * kSecond, 90 * kSecond);
        }
        if (paidAt && *paidAt > m_historyEnd)
            paidAt = m_historyEnd;
        const bool onHold = paidAt && age < 7 * kDay && channel != OrderChannel::Pos && rng.chance(20);
        if (!paidAt) {
            o.status = OrderStatus::Pending;
            o.financialStatus = FinancialStatus::Pending;
            open = true;
        } else if (onHold) {
            o.status = OrderStatus::OnHold;
            o.financialStatus = FinancialStatus::Authorized;
            open = true;
            addEvent(OrderEventKind::Note, std::min(m_historyEnd, placedAt + rng.between(10 * kMinute, 2 * kHour)),
                     QStringLiteral("On hold: checking the billing address with the customer."),
                     u8(rng.pick(Vocab::staffNames())));
        } else {
            o.paidAt = paidAt;
            o.financialStatus = FinancialStatus::Paid;
            updatedAt = std::max(updatedAt, *paidAt);
            // Shipments: the store hands goods over at once; everything else ships within
            // two days, a few multi-line orders in two parcels.
            std::vector<std::pair<qint64, std::vector<int>>> shipments;
            std::vector<int> all;
            for (int l = 0; l < int(detail.lines.size()); ++l)
                all.push_back(l);
            if (channel == OrderChannel::Pos) {
                shipments.push_back({placedAt + rng.between(30 * kSecond, 2 * kMinute), all});
            } else {
                const qint64 first = *paidAt + rng.between(2 * kHour, 52 * kHour);
                if (all.size() >= 2 && rng.chance(200)) {
                    // Part of the order waits for stock and ships later.
                    const int half = int(all.size() + 1) / 2;
                    shipments.push_back({first, std::vector<int>(all.begin(), all.begin() + half)});
                    shipments.push_back({first + rng.between(kDay, 6 * kDay), std::vector<int>(all.begin() + half, all.end())});
                } else {
                    shipments.push_back({first, all});
                }
            }
            int shippedLines = 0;
            for (const auto &[at, lines] : shipments) {
                if (at > m_historyEnd)
                    continue;
                Fulfillment f;
                f.id = newId(rng, at);
                f.orderId = o.id;
                f.locationId = o.locationId;
                if (channel == OrderChannel::Pos) {
                    f.trackingNumber = empty();
                    f.carrier = empty();
                } else {
                    const auto carriers = Vocab::carriers();
                    const Vocab::Carrier &carrier = carriers[size_t(pickWeighted(rng, carriers, [](const Vocab::Carrier &c) { return c.weight; }))];
                    f.carrier = u8(carrier.name);
                    QString tracking;
                    for (const char *c = carrier.trackingPattern; *c; ++c) {
                        if (*c == '9')
                            tracking.append(QChar(u'0' + rng.below(10)));
                        else if (*c == 'A')
                            tracking.append(QChar(u'A' + rng.below(26)));
                        else
                            tracking.append(QLatin1Char(*c));
                    }
                    f.trackingNumber = tracking;
                }
                f.createdAt = at;
                f.version = 1;
                f.updatedAt = at;
                for (int l : lines)
                    f.lines.append({detail.lines[l].id, detail.lines[l].quantity});
                shippedLines += int(lines.size());
                updatedAt = std::max(updatedAt, at);
                detail.fulfillments.append(f);
            }
            if (shippedLines == int(detail.lines.size())) {
                o.status = OrderStatus::Completed;
                o.fulfillmentStatus = FulfillmentStatus::Fulfilled;
            } else {
                o.status = OrderStatus::Processing;
                o.fulfillmentStatus = shippedLines > 0 ? FulfillmentStatus::Partial : FulfillmentStatus::Unfulfilled;
                open = true;
            }

            // Refunds, after delivery: some in full, most for one item.
            if (o.status == OrderStatus::Completed && !detail.lines.isEmpty() && rng.chance(33)) {
                const qint64 at = detail.fulfillments.constLast().createdAt + rng.between(3 * kDay, 21 * kDay);
                if (at <= m_historyEnd) {
                    Refund r;
                    r.id = newId(rng, at);
                    r.orderId = o.id;
                    r.reason = u8(rng.pick(Vocab::refundReasons()));
                    r.createdAt = at;
                    r.version = 1;
                    r.updatedAt = at;
                    const bool whole = rng.chance(400);
                    const OrderLine &line = detail.lines[rng.below(int(detail.lines.size()))];
                    const qint64 qty = rng.between(qint64(1), line.quantity);
                    const qint64 amount = std::max<qint64>(1, line.total * qty / line.quantity);
                    r.restock = rng.chance(650);
                    if (whole || amount >= o.total) {
                        for (const OrderLine &l : detail.lines)
                            r.lines.append({l.id, l.quantity, l.total});
                        r.amount = o.total;
                        o.status = OrderStatus::Refunded;
                        o.financialStatus = FinancialStatus::Refunded;
                    } else {
                        r.lines.append({line.id, qty, amount});
                        r.amount = amount;
                        o.financialStatus = FinancialStatus::PartiallyRefunded;
                    }
                    o.refundedTotal = r.amount;
                    detail.refunds.append(r);
                    addEvent(OrderEventKind::Refunded, at,
                             QStringLiteral("Refunded %1: %2.").arg(m_pricing.format(r.amount, o.currency), r.reason),
                             u8(rng.pick(Vocab::staffNames())));
                }
            }
        }
    }
    if (rng.chance(60)) {
        const qint64 at = placedAt + rng.between(10 * kMinute, 3 * kDay);
        if (at <= m_historyEnd)
            addEvent(OrderEventKind::Note, at, u8(rng.pick(Vocab::staffNotes())), u8(rng.pick(Vocab::staffNames())));
    }
    orderTags.removeDuplicates();
    o.tags = orderTags.join(QLatin1String(", "));
    if (o.tags.isNull())
        o.tags = empty();
    o.version = 1;
    o.updatedAt = std::max(updatedAt, o.cancelledAt.value_or(0));

    // Inventory: open orders commit stock; shipments and restocked returns in the ledger
    // window become its rows.
    if (open) {
        int lineIndex = 0;
        for (const OrderLine &line : detail.lines) {
            qint64 shipped = 0;
            for (const Fulfillment &f : detail.fulfillments) {
                for (const FulfillmentLine &fl : f.lines) {
                    if (fl.orderLineId == line.id)
                        shipped += fl.quantity;
                }
            }
            const qint32 v = picked[size_t(lineIndex++)];
            if (m_variants[size_t(v)].tracked && line.quantity > shipped)
                m_levels[size_t(levelFor(v, location))].committed += qint32(line.quantity - shipped);
        }
    }
    for (const Fulfillment &f : detail.fulfillments) {
        if (f.createdAt <= m_windowStart)
            continue;
        for (const FulfillmentLine &fl : f.lines) {
            for (int l = 0; l < int(detail.lines.size()); ++l) {
                if (detail.lines[l].id == fl.orderLineId && m_variants[size_t(picked[size_t(l)])].tracked) {
                    m_window.push_back({f.createdAt, levelFor(picked[size_t(l)], location), -qint32(fl.quantity),
                                        qint32(o.number), InventoryReason::Sold});
                }
            }
        }
    }
    for (const Refund &r : detail.refunds) {
        if (!r.restock || r.createdAt <= m_windowStart)
            continue;
        for (const RefundLine &rl : r.lines) {
            for (int l = 0; l < int(detail.lines.size()); ++l) {
                if (detail.lines[l].id == rl.orderLineId && m_variants[size_t(picked[size_t(l)])].tracked) {
                    m_window.push_back({r.createdAt, levelFor(picked[size_t(l)], location), qint32(rl.quantity),
                                        qint32(o.number), InventoryReason::Returned});
                }
            }
        }
    }

    qint64 rows = 1 + detail.lines.size() + detail.refunds.size() + detail.events.size() + detail.fulfillments.size();
    for (const Fulfillment &f : detail.fulfillments)
        rows += f.lines.size();
    for (const Refund &r : detail.refunds)
        rows += r.lines.size();
    ++m_stats.orders;
    m_stats.orderLines += detail.lines.size();
    return count(m_sink.order(detail), rows);
}

Result<void> World::settleInventory()
{
    Rng rng(m_o.seed, 6);

    // Weekly deliveries per location inside the window.
    std::vector<std::vector<qint64>> deliveries(m_locations.size());
    const int firstWindowDay = m_days - kLedgerWindowDays;
    for (int loc = 0; loc < int(m_locations.size()); ++loc) {
        const LocationDef &def = *m_locations[size_t(loc)].def;
        for (int d = firstWindowDay; d < m_days; ++d) {
            if (m_firstDay.addDays(d).dayOfWeek() == def.deliveryWeekday)
                deliveries[size_t(loc)].push_back(m_dayStart[size_t(d)] + (def.store ? 8 : 7) * kHour);
        }
    }

    std::stable_sort(m_window.begin(), m_window.end(), [](const WindowEvent &a, const WindowEvent &b) {
        return a.level != b.level ? a.level < b.level : a.time < b.time;
    });

    std::vector<LedgerItem> items;
    items.reserve(m_levels.size() + m_window.size() * 2);
    size_t e = 0;
    const qint64 windowWeeks = kLedgerWindowDays / 7;
    for (qint32 level = 0; level < qint32(m_levels.size()); ++level) {
        const size_t begin = e;
        qint64 sold = 0;
        while (e < m_window.size() && m_window[e].level == level) {
            if (m_window[e].delta < 0)
                sold -= m_window[e].delta;
            ++e;
        }
        LevelSlot &slot = m_levels[size_t(level)];
        const VariantSlot &variant = m_variants[size_t(slot.variant)];
        const bool active = m_products[size_t(variant.product)].status == ProductStatus::Active;

        // A simple stock policy sized on the window's demand: order up to S when at or below R.
        const qint64 weekly = (sold + windowWeeks - 1) / windowWeeks;
        const bool neglected = sold > 0 && rng.chance(80);
        const qint64 upTo = sold > 0 ? std::max<qint64>(3, weekly * rng.between(2, 4) + rng.between(0, 3))
                                     : rng.between(qint64(2), qint64(10));
        const qint64 reorderAt = std::min(upTo - 1, std::max<qint64>(1, weekly + rng.between(0, 2)));
        qint64 qty;
        if (!active)
            qty = rng.chance(300) ? rng.between(qint64(1), qint64(3)) : 0;
        else if (sold == 0)
            qty = rng.chance(250) ? 0 : rng.between(qint64(1), upTo);
        else
            qty = neglected ? rng.between(qint64(0), weekly) : upTo * rng.between(50, 100) / 100;
        if (qty > 0)
            items.push_back({m_windowStart, level, qint32(qty), 0, LedgerKind::Opening});

        const std::vector<qint64> &drops = deliveries[size_t(slot.location)];
        size_t d = 0;
        qint64 lastTime = m_windowStart;
        auto deliverUntil = [&](qint64 until) {
            for (; d < drops.size() && drops[d] < until; ++d) {
                if (sold > 0 && !neglected && qty <= reorderAt && upTo > qty) {
                    items.push_back({drops[d], level, qint32(upTo - qty), qint32(d), LedgerKind::Delivery});
                    qty = upTo;
                    lastTime = drops[d];
                }
            }
        };
        for (size_t i = begin; i < e; ++i) {
            const WindowEvent &ev = m_window[i];
            deliverUntil(ev.time);
            if (ev.delta < 0 && qty + ev.delta < 0) {
                // Goods cannot ship from an empty shelf: a rush delivery came in first.
                const qint64 need = -(qty + ev.delta) + (neglected ? 0 : upTo / 2);
                const qint64 at = std::max(lastTime, ev.time - rng.between(30 * kMinute, 3 * kHour));
                items.push_back({at, level, qint32(need), qint32(d), LedgerKind::Rush});
                qty += need;
            }
            qty += ev.delta;
            items.push_back({ev.time, level, ev.delta, ev.orderNumber,
                             ev.reason == InventoryReason::Sold ? LedgerKind::Sold : LedgerKind::Returned});
            lastTime = ev.time;
        }
        deliverUntil(m_historyEnd + 1);
        slot.onHand = qint32(qty);
        if (level % 65536 == 0)
            SK_TRY(report(88 + int(4 * qint64(level) / qint64(m_levels.size()))));
    }
    m_window.clear();
    m_window.shrink_to_fit();

    // Levels first (the ledger refers to them by variant and location), then the ledger in time order.
    std::vector<qint64> lastChange(m_levels.size(), m_windowStart);
    for (const LedgerItem &item : items)
        lastChange[size_t(item.level)] = std::max(lastChange[size_t(item.level)], item.time);
    for (qint32 level = 0; level < qint32(m_levels.size()); ++level) {
        const LevelSlot &slot = m_levels[size_t(level)];
        InventoryLevel l;
        l.variantId = variantId(m_variants[size_t(slot.variant)]);
        l.locationId = m_locations[size_t(slot.location)].id;
        l.onHand = slot.onHand;
        l.committed = slot.committed;
        if (rng.chance(120))
            l.lowStockThreshold = pickValue(rng, std::array<Weighted, 4>{{{2, 2}, {3, 3}, {5, 4}, {10, 2}}});
        l.version = 1;
        l.updatedAt = lastChange[size_t(level)];
        SK_TRY(count(m_sink.inventoryLevel(l), 1));
        ++m_stats.inventoryLevels;
    }
    SK_TRY(report(94));

    std::stable_sort(items.begin(), items.end(), [](const LedgerItem &a, const LedgerItem &b) { return a.time < b.time; });
    std::vector<qint32> running(m_levels.size(), 0);
    const QString openingRef = QStringLiteral("opening balance");
    const QString openingNote = QStringLiteral("Stock count when the demo history starts.");
    const QString rushNote = QStringLiteral("Rush delivery: the shelf ran empty.");
    const QString soldNote = empty();
    const QString returnNote = QStringLiteral("Restocked from a refund.");
    const QString warehouseTeam = QStringLiteral("Warehouse team");
    const QString system = empty();
    for (size_t i = 0; i < items.size(); ++i) {
        const LedgerItem &item = items[i];
        const LevelSlot &slot = m_levels[size_t(item.level)];
        qint32 &qty = running[size_t(item.level)];
        qty += item.delta;
        LedgerEntry entry;
        entry.id = newId(rng, item.time);
        entry.variantId = variantId(m_variants[size_t(slot.variant)]);
        entry.locationId = m_locations[size_t(slot.location)].id;
        entry.delta = item.delta;
        entry.quantityAfter = qty;
        const QString locationCode = u8(m_locations[size_t(slot.location)].def->code);
        switch (item.kind) {
        case LedgerKind::Opening:
            entry.reason = InventoryReason::Correction;
            entry.reference = openingRef;
            entry.note = openingNote;
            entry.userName = warehouseTeam;
            break;
        case LedgerKind::Delivery:
        case LedgerKind::Rush:
            entry.reason = InventoryReason::Received;
            entry.reference = QStringLiteral("PO-%1-%2").arg(locationCode).arg(101 + item.ref);
            entry.note = item.kind == LedgerKind::Rush ? rushNote : empty();
            entry.userName = warehouseTeam;
            break;
        case LedgerKind::Sold:
            entry.reason = InventoryReason::Sold;
            entry.reference = QString::number(item.ref);
            entry.note = soldNote;
            entry.userName = system;
            break;
        case LedgerKind::Returned:
            entry.reason = InventoryReason::Returned;
            entry.reference = QString::number(item.ref);
            entry.note = returnNote;
            entry.userName = warehouseTeam;
            break;
        }
        entry.createdAt = item.time;
        entry.version = 1;
        entry.updatedAt = item.time;
        SK_TRY(count(m_sink.ledgerEntry(entry), 1));
        ++m_stats.ledgerEntries;
        if (i % 65536 == 0)
            SK_TRY(report(94 + int(4 * qint64(i) / qint64(items.size()))));
    }
    return {};
}

Result<DemoStats> World::run()
{
    QElapsedTimer timer;
    timer.start();
    SK_TRY(setUpCalendar());
    SK_TRY(report(0));
    SK_TRY(m_sink.begin());
    auto body = [this]() -> Result<void> {
        SK_TRY(makeSettingsAndLocations());
        SK_TRY(makeCatalogue());
        assignPopularity();
        stockLocations();
        SK_TRY(makeOrders());
        SK_TRY(settleInventory());
        SK_TRY(report(98));
        return m_sink.finish();
    };
    auto done = body();
    if (!done.ok()) {
        m_sink.abort();
        return done.error();
    }
    SK_TRY(report(100));
    m_stats.elapsedMs = timer.elapsed();
    qCInfo(lcDemo) << "demo shop generated:" << m_stats.products << "products," << m_stats.variants << "variants,"
                   << m_stats.customers << "customers," << m_stats.orders << "orders," << m_stats.ledgerEntries
                   << "ledger rows in" << m_stats.elapsedMs << "ms";
    return m_stats;
}

} // namespace

DemoGenerator::DemoGenerator(DemoOptions options) : m_options(std::move(options))
{
    if (!m_options.endDate.isValid())
        m_options.endDate = QDateTime::currentDateTimeUtc().date();
    if (m_options.shopId.isEmpty())
        m_options.shopId = QStringLiteral("demo-%1").arg(m_options.seed);
}

Result<DemoStats> DemoGenerator::generate(DemoSink &sink, const std::function<bool(int)> &progress)
{
    SK_TRY_ASSIGN(currency, Currency::fromCode(m_options.currency));
    if (m_options.shopName.trimmed().isEmpty()) {
        return makeError(QStringLiteral("demo.no_name"),
                         QCoreApplication::translate("DemoGenerator", "The demo shop needs a name."));
    }
    World world(m_options, currency, sink, progress);
    return world.run();
}

} // namespace sk
