// storekeep-bench-server: measures storekeep-server over loopback HTTP with a plain keep-alive
// HTTP/1.1 client, each figure next to curl doing the same requests in the same run. See
// scripts/bench.
//
// 1. Change feed: pulls the whole feed of a demo shop (seed-demo --scale medium, cached under
//    <build>/bench-data/server-<scale>/) in pages of 5000, in rows/s; baseline: one curl process
//    fetching the same pages (same cursors) over one reused connection.
// 2. Mutations: batches of 100 inventory.adjust through POST /sync/mutations, in mutations/s;
//    baseline: curl posting the same kind of batches. Runs on a scratch copy of the cached shop,
//    so the cache stays as seeded.
//
// Benchmarks report; they never fail for slowness. The exit code is non-zero only when the
// benchmark itself could not run.

#include "benchsupport.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QTemporaryDir>
#include <QUuid>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

using namespace sk;
using namespace sk::bench;

namespace {

constexpr int kPageLimit = 5000;
constexpr int kBatchSize = 100;

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("storekeep-bench-server"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Measures storekeep-server over loopback HTTP next to curl."));
    parser.addHelpOption();
    const ShopOptions shopOptions;
    const QCommandLineOption batchesOption(QStringLiteral("batches"),
                                           QStringLiteral("Mutation batches of 100 per client (default 20)."),
                                           QStringLiteral("n"), QStringLiteral("20"));
    parser.addOptions({shopOptions.scale, shopOptions.dataDir, batchesOption, shopOptions.rebuild});
    parser.process(app);

    const DemoScale scale = shopOptions.scaleIn(parser);
    const int batches = std::max(1, parser.value(batchesOption).toInt());
    const CachedShop shop = shopOptions.cachedShopFor(parser);
    const QByteArray token = shop.token.toUtf8();
    QList<Row> rows;
    QTemporaryDir scratch;
    if (!scratch.isValid())
        fail(QStringLiteral("no temporary directory"));
    removeOnFail(scratch.path());

    // --- Change feed -----------------------------------------------------------------------
    std::vector<std::string> levels;
    {
        Server server(shop.dataDir);
        progress(QStringLiteral("pulling the change feed (warm-up, collecting cursors)"));
        const Pull warm = pullFeed(server.port(), shop.shopId, token, &levels, kPageLimit);
        QList<QByteArray> transfers;
        for (const QByteArray &target : warm.targets)
            transfers.append(curlTransfer(server.port(), target, token));
        const QString configPath = scratch.filePath(QStringLiteral("feed.curl"));
        writeFile(configPath, curlConfig(transfers));
        progress(QStringLiteral("pulling the change feed with curl"));
        QList<int> statuses;
        const double curlSeconds = runCurl(configPath, &statuses);
        if (curlSeconds >= 0 && (statuses.size() != warm.targets.size()
                                 || std::any_of(statuses.begin(), statuses.end(), [](int s) { return s != 200; })))
            fail(QStringLiteral("curl did not get every page"));
        progress(QStringLiteral("pulling the change feed"));
        const Pull pull = pullFeed(server.port(), shop.shopId, token, nullptr, kPageLimit);
        const double ours = double(pull.rows) / pull.seconds;
        const double baseline = curlSeconds > 0 ? double(pull.rows) / curlSeconds : 0;
        rows << Row{QStringLiteral("Change feed pull, %1 shop (%2 rows, %3 MB)")
                        .arg(toString(scale), QLocale::c().toString(pull.rows))
                        .arg(pull.bytes / 1e6, 0, 'f', 0),
                    perSecond(double(pull.rows), pull.seconds) + QStringLiteral(" (%1 s)").arg(pull.seconds, 0, 'f', 2),
                    curlSeconds < 0 ? QStringLiteral("no curl")
                                    : perSecond(double(pull.rows), curlSeconds) + QStringLiteral(" (%1 s)").arg(curlSeconds, 0, 'f', 2),
                    ratio(ours, baseline),
                    QStringLiteral("GET /sync/changes?limit=%1 page after page (%2 pages) over one keep-alive connection, "
                                   "each page read with simdjson On-Demand (rows counted, cursor taken); baseline: one "
                                   "`curl --config` process fetching the same %2 URLs to /dev/null over one reused "
                                   "connection. Both against the same server process; the server's work dominates both.")
                        .arg(kPageLimit)
                        .arg(warm.targets.size())};
    }
    if (levels.empty())
        fail(QStringLiteral("the feed holds no inventory levels to adjust"));

    // --- Mutations (on a scratch copy, so the cache stays as seeded) -------------------------
    {
        const QString copy = scratch.filePath(QStringLiteral("data"));
        if (!copyTree(shop.dataDir, copy))
            fail(QStringLiteral("cannot copy %1").arg(shop.dataDir));
        Server server(copy);
        HttpConnection http(server.port());
        const auto registerClient = [&](const QString &clientId) {
            const auto r = http.request("POST", QStringLiteral("/v1/shops/%1/sync/clients").arg(shop.shopId).toUtf8(), token,
                                        QJsonDocument(QJsonObject{{QStringLiteral("client_id"), clientId}}).toJson(QJsonDocument::Compact));
            if (r.status != 200)
                fail(QStringLiteral("sync/clients answered %1").arg(r.status));
        };
        const QByteArray target = QStringLiteral("/v1/shops/%1/sync/mutations").arg(shop.shopId).toUtf8();
        size_t levelCursor = 0;

        const QString ourClient = QUuid::createUuid().toString(QUuid::WithoutBraces);
        registerClient(ourClient);
        // Bodies are built before the clock starts: the figure is the HTTP round trip and the server's work.
        QList<QByteArray> bodies;
        for (int b = 0; b < batches; ++b)
            bodies.append(batchBody(ourClient, 1 + qint64(b) * kBatchSize, kBatchSize, levels, levelCursor));
        progress(QStringLiteral("posting %1 batches of %2 inventory.adjust").arg(batches).arg(kBatchSize));
        qint64 applied = 0;
        QElapsedTimer timer;
        timer.start();
        for (const QByteArray &body : std::as_const(bodies)) {
            const auto r = http.request("POST", target, token, body);
            if (r.status != 200)
                fail(QStringLiteral("mutations answered %1: %2").arg(r.status).arg(QString::fromUtf8(r.body.left(300))));
            applied += r.body.count("\"status\":\"applied\"");
        }
        const double ourSeconds = timer.nsecsElapsed() / 1e9;
        if (applied != qint64(batches) * kBatchSize)
            fail(QStringLiteral("only %1 of %2 mutations were applied").arg(applied).arg(qint64(batches) * kBatchSize));

        const QString curlClient = QUuid::createUuid().toString(QUuid::WithoutBraces);
        registerClient(curlClient);
        QList<QByteArray> transfers;
        for (int b = 0; b < batches; ++b) {
            const QString file = scratch.filePath(QStringLiteral("batch-%1.json").arg(b));
            writeFile(file, batchBody(curlClient, 1 + qint64(b) * kBatchSize, kBatchSize, levels, levelCursor));
            transfers.append(curlTransfer(server.port(), target, token, file));
        }
        const QString configPath = scratch.filePath(QStringLiteral("mutations.curl"));
        writeFile(configPath, curlConfig(transfers));
        progress(QStringLiteral("posting the same with curl"));
        QList<int> statuses;
        const double curlSeconds = runCurl(configPath, &statuses);
        if (curlSeconds >= 0) {
            // curl's batches were applied too: the client's seq reached the end.
            const auto r = http.request("GET", QStringLiteral("/v1/shops/%1/sync/changes?limit=1&client_id=%2&cursor=")
                                                   .arg(shop.shopId, curlClient)
                                                   .toUtf8(),
                                        token);
            if (readPage(r.body).lastAppliedSeq != qint64(batches) * kBatchSize)
                fail(QStringLiteral("curl's mutations were not all applied"));
        }
        const double total = double(batches) * kBatchSize;
        rows << Row{QStringLiteral("Mutation apply, %1 x %2 inventory.adjust").arg(batches).arg(kBatchSize),
                    perSecond(total, ourSeconds) + QStringLiteral(" (%1 ms/batch)").arg(ourSeconds * 1000 / batches, 0, 'f', 1),
                    curlSeconds < 0 ? QStringLiteral("no curl")
                                    : perSecond(total, curlSeconds)
                                          + QStringLiteral(" (%1 ms/batch)").arg(curlSeconds * 1000 / batches, 0, 'f', 1),
                    ratio(total / ourSeconds, curlSeconds > 0 ? total / curlSeconds : 0),
                    QStringLiteral("POST /sync/mutations, %1 batches of %2 inventory.adjust (+1 received, %3 distinct "
                                   "levels), each mutation atomic in its own savepoint, one durable commit per batch (WAL, synchronous=FULL), one "
                                   "keep-alive connection; baseline: one `curl --config` process posting %1 prepared "
                                   "batch files of another client over one reused connection (the HTTP overhead)")
                        .arg(batches)
                        .arg(kBatchSize)
                        .arg(std::min<size_t>(levels.size(), size_t(batches) * kBatchSize))};
    }

    std::printf("\nStorekeep server benchmark: %s demo shop (%s), seeded %s in %.1f s\ndata: %s\n\n", qPrintable(toString(scale)),
                qPrintable(shop.info.value(QStringLiteral("server")).toString()),
                qPrintable(shop.info.value(QStringLiteral("built_at")).toString()),
                shop.info.value(QStringLiteral("seed_ms")).toDouble() / 1000.0, qPrintable(shop.dataDir));
    printTable(QStringLiteral("storekeep-server + plain client"), QStringLiteral("curl (same run)"), rows);
    std::printf("\nRatios are ours / curl in rows or mutations per second (1.00x: the client adds nothing). "
                "Benchmarks report; they never fail for slowness.\n");
    return 0;
}
