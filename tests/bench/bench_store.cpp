// storekeep-bench: builds a demo shop once (cached under build/bench-data/) and measures the
// store's hot paths next to a baseline taken in the same run. See scripts/bench.
//
// Benchmarks report; they never fail for slowness. The exit code is non-zero only when the
// benchmark itself could not run (no data, SQL error).

#include "demo/demogenerator.h"
#include "localshopcache.h"
#include "demo/demosink.h"
#include "demo/storedemosink.h"
#include "storage/ftsquery.h"
#include "storage/productrepository.h"
#include "storage/schemamigrator.h"
#include "storage/shopstore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <sqlite3.h>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace sk;

namespace {

constexpr int kOpenRuns = 20;
constexpr int kPageRuns = 40;

struct Row
{
    QString measure;
    QString ours;
    QString baseline;
    QString ratio;
    QString goal;
    QString how;
};

struct Stats
{
    double p50 = 0;
    double p95 = 0;
    double max = 0;
    double mean = 0;
};

Stats statsOf(std::vector<double> ms)
{
    Stats s;
    if (ms.empty())
        return s;
    std::sort(ms.begin(), ms.end());
    const size_t n = ms.size();
    s.p50 = ms[n / 2];
    s.p95 = ms[std::min(n - 1, n * 95 / 100)];
    s.max = ms.back();
    double sum = 0;
    for (double v : ms)
        sum += v;
    s.mean = sum / double(n);
    return s;
}

QString ms(double v)
{
    return v < 10 ? QString::number(v, 'f', 3) + QStringLiteral(" ms") : QString::number(v, 'f', 1) + QStringLiteral(" ms");
}

QString ratio(double ours, double baseline)
{
    if (baseline <= 0)
        return QStringLiteral("n/a");
    return QString::number(ours / baseline, 'f', 2) + QStringLiteral("x");
}

QString perSecond(double rows, double seconds)
{
    if (seconds <= 0)
        return QStringLiteral("n/a");
    return QLocale::c().toString(qint64(rows / seconds)) + QStringLiteral(" rows/s");
}

[[noreturn]] void fail(const QString &what)
{
    std::fprintf(stderr, "storekeep-bench: %s\n", qPrintable(what));
    std::exit(2);
}

template <typename T>
T check(Result<T> r, const char *what)
{
    if (!r.ok())
        fail(QStringLiteral("%1: %2").arg(QLatin1String(what), r.error().toString()));
    return std::move(r).value();
}

class CountingSink final : public DemoSink
{
public:
    Result<void> shopSettings(const ShopSettings &) override { return {}; }
    Result<void> location(const Location &) override { return {}; }
    Result<void> product(const Product &) override { return {}; }
    Result<void> variant(const Variant &) override { return {}; }
    Result<void> customer(const Customer &) override { return {}; }
    Result<void> order(const OrderDetail &) override { return {}; }
    Result<void> inventoryLevel(const InventoryLevel &) override { return {}; }
    Result<void> ledgerEntry(const LedgerEntry &) override { return {}; }
};

// The SQLite ceiling for the generator figure: plain INSERTs into a table without indexes,
// one prepared statement, one transaction.
double rawInsertRowsPerSecond(qint64 rows)
{
    QTemporaryDir dir;
    sqlite3 *db = nullptr;
    const QByteArray path = dir.filePath(QStringLiteral("raw.sqlite")).toUtf8();
    if (sqlite3_open(path.constData(), &db) != SQLITE_OK)
        fail(QStringLiteral("sqlite3_open"));
    sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF;"
                     "CREATE TABLE t (id TEXT NOT NULL, name TEXT NOT NULL, qty INTEGER NOT NULL, at INTEGER NOT NULL)",
                 nullptr, nullptr, nullptr);
    QElapsedTimer timer;
    timer.start();
    sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
    sqlite3_stmt *stmt = nullptr;
    sqlite3_prepare_v2(db, "INSERT INTO t VALUES (?1, ?2, ?3, ?4)", -1, &stmt, nullptr);
    for (qint64 i = 0; i < rows; ++i) {
        char id[64];
        std::snprintf(id, sizeof id, "0193b2c4-%04llx-7000-8000-%012llx", (unsigned long long)(i % 65536), (unsigned long long)i);
        sqlite3_bind_text(stmt, 1, id, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(stmt, 2, "Organic Cotton Tee", -1, SQLITE_STATIC);
        sqlite3_bind_int64(stmt, 3, i % 7);
        sqlite3_bind_int64(stmt, 4, 1'700'000'000'000 + i);
        sqlite3_step(stmt);
        sqlite3_reset(stmt);
    }
    sqlite3_finalize(stmt);
    sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    const double seconds = timer.nsecsElapsed() / 1e9;
    sqlite3_close(db);
    return double(rows) / seconds;
}

QString sqliteCli()
{
    return QStandardPaths::findExecutable(QStringLiteral("sqlite3"));
}

// Runs the sqlite3 shell on `file` with `script` on stdin; returns wall ms and stdout.
std::pair<double, QString> runCli(const QString &file, const QByteArray &script)
{
    QProcess p;
    QElapsedTimer timer;
    timer.start();
    p.start(sqliteCli(), {QStringLiteral("-readonly"), file});
    if (!p.waitForStarted())
        return {-1, {}};
    p.write(script);
    p.closeWriteChannel();
    p.waitForFinished(-1);
    const double wall = timer.nsecsElapsed() / 1e6;
    return {wall, QString::fromUtf8(p.readAllStandardOutput())};
}

QStringList realisticPrefixes(SqliteDatabase &db, int wanted)
{
    // Words people type: the start of title words and of SKU segments, 2 to 5 characters.
    const qint64 products = check(db.queryInt64("SELECT max(rid) FROM products"), "count products");
    const qint64 variants = check(db.queryInt64("SELECT max(rid) FROM variants"), "count variants");
    QStringList words;
    {
        auto s = check(db.prepare("SELECT title FROM products WHERE rid % ?1 = 0 LIMIT 400"), "sample titles");
        s.bind(1, std::max<qint64>(1, products / 400));
        while (check(s.step(), "sample titles"))
            words << s.text(0).split(u' ', Qt::SkipEmptyParts);
    }
    {
        auto s = check(db.prepare("SELECT sku FROM variants WHERE sku IS NOT NULL AND rid % ?1 = 0 LIMIT 200"), "sample SKUs");
        s.bind(1, std::max<qint64>(1, variants / 200));
        while (check(s.step(), "sample SKUs"))
            words << s.text(0).section(u'-', 0, 0) << s.text(0).section(u'-', 1, 1);
    }
    QStringList prefixes;
    for (int i = 0; i < words.size() && prefixes.size() < wanted; ++i) {
        const QString word = words[i].toLower();
        const int length = 2 + (i % 4);
        if (word.size() < length)
            continue;
        const QString prefix = word.left(length);
        if (!prefixes.contains(prefix))
            prefixes << prefix;
    }
    return prefixes;
}

QByteArray sqlQuote(const QString &text)
{
    QString t = text;
    t.replace(u'\'', QStringLiteral("''"));
    return "'" + t.toUtf8() + "'";
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("storekeep-bench"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Measures the Storekeep store on a generated demo shop."));
    parser.addHelpOption();
    const QCommandLineOption scaleOption(QStringLiteral("scale"), QStringLiteral("small, medium or large (default)."),
                                         QStringLiteral("scale"), QStringLiteral("large"));
    const QCommandLineOption dataOption(QStringLiteral("data-dir"),
                                        QStringLiteral("Cache directory (default: <build>/bench-data)."),
                                        QStringLiteral("dir"));
    const QCommandLineOption seedOption(QStringLiteral("seed"), QStringLiteral("Generator seed."), QStringLiteral("n"),
                                        QStringLiteral("20261121"));
    const QCommandLineOption prefixOption(QStringLiteral("prefixes"), QStringLiteral("Search prefixes to time (default 300)."),
                                          QStringLiteral("n"), QStringLiteral("300"));
    const QCommandLineOption rebuildOption(QStringLiteral("rebuild"), QStringLiteral("Regenerate the cached shop."));
    parser.addOptions({scaleOption, dataOption, seedOption, prefixOption, rebuildOption});
    parser.process(app);

    const auto scale = demoScaleFromString(parser.value(scaleOption));
    if (!scale)
        fail(QStringLiteral("unknown scale \"%1\" (small, medium, large)").arg(parser.value(scaleOption)));
    const quint64 seed = parser.value(seedOption).toULongLong();
    const int prefixCount = std::max(10, parser.value(prefixOption).toInt());
    const QString dataDir = parser.isSet(dataOption)
                                ? parser.value(dataOption)
                                : QDir::cleanPath(QCoreApplication::applicationDirPath() + QStringLiteral("/../bench-data"));
    QList<Row> rows;

    // --- Generator throughput ------------------------------------------------------------
    const bench::LocalShop shop = bench::cachedLocalShop(dataDir, *scale, seed, parser.isSet(rebuildOption));
    const double storeRecords = shop.info.value(QStringLiteral("records")).toDouble();
    const double storeSeconds = shop.info.value(QStringLiteral("totalMs")).toDouble() / 1000.0;
    {
        // Pure generation, live in this run: Small always; the chosen scale too when it was just built.
        const DemoScale liveScale = shop.builtNow ? *scale : DemoScale::Small;
        CountingSink sink;
        DemoGenerator generator(bench::benchDemoOptions(liveScale, seed));
        QElapsedTimer timer;
        timer.start();
        const DemoStats stats = check(generator.generate(sink), "generate into a counting sink");
        const double seconds = timer.nsecsElapsed() / 1e9;
        const double raw = rawInsertRowsPerSecond(1'000'000);
        rows << Row{QStringLiteral("Generator -> counting sink (%1)").arg(toString(liveScale)), perSecond(double(stats.records), seconds),
                    perSecond(raw, 1.0), ratio(double(stats.records) / seconds, raw), QString(),
                    QStringLiteral("DemoGenerator::generate() into a sink that only counts; baseline: sqlite3 C API, 1M plain "
                                   "INSERTs, no index, one transaction, synchronous=OFF")};
        rows << Row{QStringLiteral("Generator -> ShopStore, bulk (%1%2)")
                        .arg(toString(*scale), shop.builtNow ? QString() : QStringLiteral(", cached ") + shop.info.value(QStringLiteral("builtAt")).toString()),
                    perSecond(storeRecords, storeSeconds) + QStringLiteral(" (%1 s)").arg(storeSeconds, 0, 'f', 1),
                    perSecond(raw, 1.0), ratio(storeRecords / storeSeconds, raw), QStringLiteral("minutes"),
                    QStringLiteral("generateDemoInto(store) incl. index + FTS rebuild: %1 records, file %2 MB")
                        .arg(qint64(storeRecords))
                        .arg(qint64(shop.info.value(QStringLiteral("fileBytes")).toDouble() / 1e6))};
    }

    // --- Store open --------------------------------------------------------------------
    {
        std::vector<double> ours;
        for (int i = 0; i < kOpenRuns; ++i) {
            QElapsedTimer t;
            t.start();
            auto store = check(ShopStore::open(shop.path, bench::benchIdentity()), "open the store");
            ours.push_back(t.nsecsElapsed() / 1e6);
        }
        std::vector<double> cli;
        if (!sqliteCli().isEmpty()) {
            for (int i = 0; i < kOpenRuns; ++i) {
                QElapsedTimer t;
                t.start();
                QProcess p;
                p.start(sqliteCli(), {shop.path, QStringLiteral("PRAGMA user_version")});
                p.waitForFinished(-1);
                cli.push_back(t.nsecsElapsed() / 1e6);
            }
        }
        const Stats o = statsOf(ours);
        const Stats c = statsOf(cli);
        rows << Row{QStringLiteral("Store open (median of %1)").arg(kOpenRuns), ms(o.p50), cli.empty() ? QStringLiteral("no sqlite3") : ms(c.p50),
                    ratio(o.p50, c.p50), QString(),
                    QStringLiteral("ShopStore::open(file) [WAL, version check, migrate, identity]; baseline: `sqlite3 FILE "
                                   "'PRAGMA user_version'` incl. process start")};
    }

    auto store = check(ShopStore::open(shop.path, bench::benchIdentity()), "open the store");
    auto reader = check(store->openReader(), "open a reader");
    SqliteDatabase &db = *reader;
    ProductRepository repo(db);
    const qint64 variantCount = check(db.queryInt64("SELECT count(*) FROM variants"), "count variants");
    const qint64 productCount = check(db.queryInt64("SELECT count(*) FROM products"), "count products");

    // --- FTS prefix search -------------------------------------------------------------
    {
        const QStringList prefixes = realisticPrefixes(db, prefixCount);
        for (const QString &p : prefixes) // warm the page cache the way a user session would
            check(repo.search(p, 50), "search");
        std::vector<double> ours;
        qint64 hits = 0;
        for (const QString &p : prefixes) {
            QElapsedTimer t;
            t.start();
            const auto found = check(repo.search(p, 50), "search");
            ours.push_back(t.nsecsElapsed() / 1e6);
            hits += found.size();
        }
        const Stats o = statsOf(ours);

        QString baseline = QStringLiteral("no sqlite3");
        QString r = QStringLiteral("n/a");
        if (!sqliteCli().isEmpty()) {
            QByteArray script = ".timer on\n.output /dev/null\n";
            for (const QString &p : prefixes) {
                script += "SELECT v.rid, v.id, v.product_id, p.title, v.sku, v.barcode, v.option1, v.option2, v.option3, "
                          "v.price FROM (SELECT rowid AS r FROM variant_search WHERE variant_search MATCH "
                          + sqlQuote(FtsQuery::prefixQuery(p))
                          + " LIMIT 50) m JOIN variants v ON v.rid = m.r JOIN products p ON p.id = v.product_id;\n";
            }
            runCli(shop.path, script); // warm
            const auto [wall, out] = runCli(shop.path, script);
            const auto [emptyWall, emptyOut] = runCli(shop.path, ".timer on\n");
            std::vector<double> cli;
            static const QRegularExpression re(QStringLiteral("Run Time: real ([0-9.]+)"));
            for (auto it = re.globalMatch(out); it.hasNext();)
                cli.push_back(it.next().captured(1).toDouble() * 1000.0);
            const Stats c = statsOf(cli);
            const double mean = (wall - emptyWall) / double(prefixes.size());
            baseline = QStringLiteral("p50 %1, p95 %2 (1 ms timer); mean %3").arg(ms(c.p50), ms(c.p95), ms(mean));
            r = QStringLiteral("p95 ") + ratio(o.p95, c.p95) + QStringLiteral(", mean ") + ratio(o.mean, mean);
        }
        rows << Row{QStringLiteral("FTS prefix search, top 50, %1 variants").arg(QLocale::c().toString(variantCount)),
                    QStringLiteral("p50 %1, p95 %2, max %3").arg(ms(o.p50), ms(o.p95), ms(o.max)), baseline, r,
                    QStringLiteral("p95 <= 5 ms"),
                    QStringLiteral("ProductRepository::search(prefix, 50) over %1 prefixes of 2-5 chars (%2 hits); baseline: "
                                   "sqlite3 CLI, same MATCH + joins, .timer on")
                        .arg(prefixes.size())
                        .arg(hits)};
    }

    // --- Keyset vs OFFSET pages --------------------------------------------------------
    auto timePages = [&](const std::function<void()> &fn) {
        fn(); // warm
        std::vector<double> v;
        for (int i = 0; i < kPageRuns; ++i) {
            QElapsedTimer t;
            t.start();
            fn();
            v.push_back(t.nsecsElapsed() / 1e6);
        }
        return statsOf(v);
    };
    {
        const qint64 depth = productCount * 9 / 10;
        auto keyStmt = check(db.prepare("SELECT title, rid FROM products ORDER BY title COLLATE NOCASE, rid LIMIT 1 OFFSET ?1"),
                             "product key");
        keyStmt.bind(1, depth - 1);
        check(keyStmt.step(), "product key");
        ProductQuery query;
        query.limit = 200;
        query.after = SortKey{keyStmt.text(0), keyStmt.int64(1)};
        int got = 0;
        const Stats keyset = timePages([&] { got = int(check(repo.listProducts(query), "list products").rows.size()); });

        ProductQuery first = query;
        first.after.reset();
        QByteArray offsetSql = ProductRepository::listProductsSql(first);
        offsetSql.replace("LIMIT ?6", "LIMIT ?6 OFFSET ?7");
        auto offset = check(db.prepare(offsetSql), "offset products");
        int offsetRows = 0;
        const Stats off = timePages([&] {
            offset.reset();
            offset.bind(6, 200).bind(7, depth);
            offsetRows = 0;
            while (check(offset.step(), "offset products"))
                ++offsetRows;
        });
        rows << Row{QStringLiteral("Product list page of 200 at row %1 of %2").arg(QLocale::c().toString(depth), QLocale::c().toString(productCount)),
                    QStringLiteral("p50 %1, p95 %2").arg(ms(keyset.p50), ms(keyset.p95)),
                    QStringLiteral("p50 %1, p95 %2").arg(ms(off.p50), ms(off.p95)), ratio(keyset.p50, off.p50),
                    QStringLiteral("<= 2 ms"),
                    QStringLiteral("ProductRepository::listProducts(title, after = key at that row) [%1 rows]; baseline: same "
                                   "SELECT with LIMIT 200 OFFSET %2 [%3 rows]")
                        .arg(got)
                        .arg(depth)
                        .arg(offsetRows)};
    }
    {
        const qint64 depth = variantCount * 9 / 10;
        auto keyStmt = check(db.prepare("SELECT sku, rid FROM variants WHERE sku IS NOT NULL ORDER BY sku, rid LIMIT 1 OFFSET ?1"),
                             "variant key");
        keyStmt.bind(1, depth - 1);
        check(keyStmt.step(), "variant key");
        VariantQuery query;
        query.limit = 200;
        query.after = SortKey{keyStmt.text(0), keyStmt.int64(1)};
        int got = 0;
        const Stats keyset = timePages([&] { got = int(check(repo.listVariants(query), "list variants").rows.size()); });

        VariantQuery first = query;
        first.after.reset();
        QByteArray offsetSql = ProductRepository::listVariantsSql(first).value(1); // the SKU run from the start
        offsetSql.replace("LIMIT ?3", "LIMIT ?3 OFFSET ?4");
        auto offset = check(db.prepare(offsetSql), "offset variants");
        int offsetRows = 0;
        const Stats off = timePages([&] {
            offset.reset();
            offset.bind(3, 200).bind(4, depth);
            offsetRows = 0;
            while (check(offset.step(), "offset variants"))
                ++offsetRows;
        });
        rows << Row{QStringLiteral("Variant list page of 200 at row %1 of %2").arg(QLocale::c().toString(depth), QLocale::c().toString(variantCount)),
                    QStringLiteral("p50 %1, p95 %2").arg(ms(keyset.p50), ms(keyset.p95)),
                    QStringLiteral("p50 %1, p95 %2").arg(ms(off.p50), ms(off.p95)), ratio(keyset.p50, off.p50),
                    QStringLiteral("<= 2 ms"),
                    QStringLiteral("ProductRepository::listVariants(sku, after = key at that row) [%1 rows]; baseline: same "
                                   "SELECT with LIMIT 200 OFFSET %2 [%3 rows]")
                        .arg(got)
                        .arg(depth)
                        .arg(offsetRows)};
    }

    // --- Report ------------------------------------------------------------------------
    std::printf("\nStorekeep store benchmark: %s shop, seed %llu, generator v%d, schema %d\nfile: %s\n\n",
                qPrintable(toString(*scale)), static_cast<unsigned long long>(seed), DemoGenerator::Version,
                SchemaMigrator::latestVersion(), qPrintable(shop.path));
    std::printf("| Measure | Storekeep | Baseline (same run) | Ratio | Goal |\n|---|---|---|---|---|\n");
    for (const Row &r : std::as_const(rows))
        std::printf("| %s | %s | %s | %s | %s |\n", qPrintable(r.measure), qPrintable(r.ours), qPrintable(r.baseline),
                    qPrintable(r.ratio), qPrintable(r.goal.isEmpty() ? QStringLiteral("-") : r.goal));
    std::printf("\nHow each figure was taken:\n");
    for (const Row &r : std::as_const(rows))
        std::printf("- %s: %s\n", qPrintable(r.measure), qPrintable(r.how));
    std::printf("\nRatios are Storekeep / baseline (lower is better for times, higher for rows/s). "
                "Benchmarks report; they never fail for slowness.\n");
    return 0;
}
