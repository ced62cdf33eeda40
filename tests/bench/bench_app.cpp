// storekeep-bench-app: the desktop app on a large cached shop (issue 5's goals).
//
// 1. Start-up: `storekeep --shop-file <large shop> --screenshot` (main window painted, product
//    list filled, then quit) against storekeep-bench-hello (a bare QMainWindow with a table,
//    quitting after its first paint), each started as a process the same way, alternating,
//    median of --runs. The ratio is app / bare app.
// 2. Memory: this program re-run as a child with --scroll: the real MainWindow on the shop,
//    its product list scrolled top to bottom a page at a time, painting each step; its peak
//    resident memory (VmHWM) against the bare app's.
//
// The shop is the generated local demo cached by storekeep-bench (tests/bench/localshopcache.h);
// the large one takes about twelve minutes to build the first time.

#include "benchsupport.h"
#include "firstpaint.h"
#include "localshopcache.h"
#include "mainwindow.h"
#include "inventory/inventorypage.h"
#include "products/productlistmodel.h"
#include "storage/shopstore.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QScrollBar>
#include <QTableView>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

using namespace sk;
using namespace sk::bench;

namespace {

constexpr quint64 kSeed = 20261121;

QProcessEnvironment offscreen()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    return env;
}

// Seconds from starting a process to its "painted" line on stdout (its shutdown is not
// timed); fails unless it prints it and exits 0. Without `untilPainted`: to its exit.
double timeProcess(const QString &program, const QStringList &args, QByteArray *out = nullptr, bool untilPainted = false)
{
    QProcess p;
    p.setProcessEnvironment(offscreen());
    QElapsedTimer timer;
    timer.start();
    p.start(program, args);
    double seconds = -1;
    QByteArray output;
    if (untilPainted) {
        while (seconds < 0 && p.waitForReadyRead(300'000)) {
            output += p.readAllStandardOutput();
            if (output.contains("painted\n"))
                seconds = timer.nsecsElapsed() / 1e9;
        }
    }
    if (!p.waitForFinished(300'000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0
        || (untilPainted && seconds < 0))
        fail(QStringLiteral("%1 %2 failed: %3").arg(program, args.join(u' '), QString::fromUtf8(p.readAllStandardError())));
    if (!untilPainted)
        seconds = timer.nsecsElapsed() / 1e9;
    if (out)
        *out = output + p.readAllStandardOutput();
    return seconds;
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(values.size() / 2);
}

QString megabytesOf(qint64 bytes)
{
    return QStringLiteral("%1 MB").arg(bytes / 1048576.0, 0, 'f', 1);
}

// The --scroll child: scrolls the product list, or with `inventory` the Inventory page's list
// of stock levels (one row per variant and location), and prints {"rows", "steps", "seconds",
// "peakRss"} as JSON.
int scrollChild(QApplication &app, const QString &path, bool inventory)
{
    const StoreIdentity identity = *ShopStore::readIdentity(path);
    auto store = ShopStore::open(path, identity);
    if (!store.ok())
        fail(store.error().toString());
    MainWindow window(**store);
    window.resize(1200, 800);
    window.show();
    if (inventory)
        window.showPage(MainWindow::Page::Inventory);
    app.processEvents();
    QTableView *table = inventory ? window.inventoryPage()->table() : window.productTable();
    while (inventory && window.inventoryPage()->isLoading()) // the levels are read on a worker
        app.processEvents(QEventLoop::WaitForMoreEvents);
    app.processEvents();
    QScrollBar *bar = table->verticalScrollBar();
    QElapsedTimer timer;
    timer.start();
    int steps = 0;
    for (int value = 0;; value += bar->pageStep()) {
        bar->setValue(std::min(value, bar->maximum()));
        table->viewport()->repaint();
        app.processEvents();
        ++steps;
        if (value >= bar->maximum())
            break;
    }
    const QJsonObject result{{QStringLiteral("rows"), table->model()->rowCount()},
                             {QStringLiteral("steps"), steps},
                             {QStringLiteral("seconds"), timer.nsecsElapsed() / 1e9},
                             {QStringLiteral("peakRss"), double(peakResidentBytes())}};
    std::printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Compact).constData());
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    // Measures, never shows: no display needed.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("storekeep-bench-app"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Start-up and memory of the desktop app on a large cached shop."));
    parser.addHelpOption();
    const QCommandLineOption scaleOption(QStringLiteral("scale"), QStringLiteral("Demo shop: small, medium or large (default)."),
                                         QStringLiteral("scale"), QStringLiteral("large"));
    const QCommandLineOption dataOption(QStringLiteral("data-dir"), QStringLiteral("Cache directory (default: <build>/bench-data)."),
                                        QStringLiteral("dir"));
    const QCommandLineOption runsOption(QStringLiteral("runs"), QStringLiteral("Start-ups of each program (default 5)."),
                                        QStringLiteral("n"), QStringLiteral("5"));
    const QCommandLineOption rebuildOption(QStringLiteral("rebuild"), QStringLiteral("Generate the cached shop again."));
    const QCommandLineOption scrollOption(QStringLiteral("scroll"), QStringLiteral("(internal) the memory child."),
                                          QStringLiteral("file"));
    const QCommandLineOption inventoryOption(QStringLiteral("inventory"),
                                             QStringLiteral("(internal) the memory child scrolls the stock levels."));
    parser.addOptions({scaleOption, dataOption, runsOption, rebuildOption, scrollOption, inventoryOption});
    parser.process(app);
    if (parser.isSet(scrollOption))
        return scrollChild(app, parser.value(scrollOption), parser.isSet(inventoryOption));

    const DemoScale scale = scaleFromString(parser.value(scaleOption));
    const QString dataDir = parser.isSet(dataOption) ? parser.value(dataOption) : defaultDataRoot();
    const int runs = std::max(1, parser.value(runsOption).toInt());
    const LocalShop shop = cachedLocalShop(dataDir, scale, kSeed, parser.isSet(rebuildOption));
    const QString bin = QCoreApplication::applicationDirPath();
    const QString appBinary = bin + QStringLiteral("/storekeep");
    const QString helloBinary = bin + QStringLiteral("/storekeep-bench-hello");
    for (const QString &binary : {appBinary, helloBinary}) {
        if (!QFileInfo::exists(binary))
            fail(QStringLiteral("%1 is missing: build it first").arg(binary));
    }
    QTemporaryDir scratch;
    if (!scratch.isValid())
        fail(QStringLiteral("no temporary directory"));
    const QString shot = scratch.filePath(QStringLiteral("main.png"));
    const QStringList profileArgs{QStringLiteral("--profile"), scratch.filePath(QStringLiteral("profile")),
                                  QStringLiteral("--shop-file"), shop.path};
    const QStringList appArgs = profileArgs + QStringList{QStringLiteral("--quit-after-paint")};

    progress(QStringLiteral("start-up: %1 runs of each, alternating (one warm-up each first)").arg(runs));
    // The warm-up also proves the app shows the shop: a picture of its first paint.
    timeProcess(appBinary, profileArgs + QStringList{QStringLiteral("--screenshot"), shot});
    if (QImage(shot).isNull())
        fail(QStringLiteral("the app did not paint its main window"));
    timeProcess(helloBinary, {});
    QList<double> ours;
    QList<double> bare;
    for (int i = 0; i < runs; ++i) {
        ours.append(timeProcess(appBinary, appArgs, nullptr, true));
        bare.append(timeProcess(helloBinary, {}, nullptr, true));
    }

    progress(QStringLiteral("memory: scrolling the product list top to bottom"));
    QByteArray childOut;
    timeProcess(QCoreApplication::applicationFilePath(), {QStringLiteral("--scroll"), shop.path}, &childOut);
    const QJsonObject scroll = QJsonDocument::fromJson(childOut.trimmed()).object();
    QByteArray helloOut;
    timeProcess(helloBinary, {QStringLiteral("--print-rss")}, &helloOut);
    const qint64 bareRss = helloOut.split('\n').value(1).trimmed().toLongLong(); // after "painted"
    const qint64 scrollRss = qint64(scroll.value(QStringLiteral("peakRss")).toDouble());
    progress(QStringLiteral("memory: scrolling the stock levels of the first location top to bottom"));
    QByteArray levelsOut;
    timeProcess(QCoreApplication::applicationFilePath(),
                {QStringLiteral("--scroll"), shop.path, QStringLiteral("--inventory")}, &levelsOut);
    const QJsonObject levels = QJsonDocument::fromJson(levelsOut.trimmed()).object();
    const qint64 levelsRss = qint64(levels.value(QStringLiteral("peakRss")).toDouble());

    const QJsonObject &info = shop.info;
    std::printf("Storekeep desktop app benchmark: %s demo shop (%lld products, %lld variants, %lld orders; %s)\n\n",
                qPrintable(toString(scale)), qint64(info.value(QStringLiteral("products")).toDouble()),
                qint64(info.value(QStringLiteral("variants")).toDouble()),
                qint64(info.value(QStringLiteral("orders")).toDouble()),
                qPrintable(megabytesOf(QFileInfo(shop.path).size())));
    const double oursMedian = median(ours);
    const double bareMedian = median(bare);
    QList<Row> rows;
    rows << Row{QStringLiteral("Start-up to a painted main window"),
                QStringLiteral("%1 s (median of %2)").arg(oursMedian, 0, 'f', 3).arg(runs),
                QStringLiteral("%1 s").arg(bareMedian, 0, 'f', 3), ratio(oursMedian, bareMedian),
                QStringLiteral("from starting `storekeep --shop-file FILE --quit-after-paint` to its \"painted\" line "
                               "(it opens the shop file, builds the main window and fills the product list; the line "
                               "is printed once that list has painted; shutdown not timed); baseline: "
                               "storekeep-bench-hello (QMainWindow, menu, table) the same way; both offscreen, "
                               "alternating, after one warm-up each"),
                QStringLiteral("<= 3.00x")};
    rows << Row{QStringLiteral("Peak resident memory scrolling the product list top to bottom"),
                QStringLiteral("%1 (%2 rows, %3 steps in %4 s)")
                    .arg(megabytesOf(scrollRss))
                    .arg(scroll.value(QStringLiteral("rows")).toInt())
                    .arg(scroll.value(QStringLiteral("steps")).toInt())
                    .arg(scroll.value(QStringLiteral("seconds")).toDouble(), 0, 'f', 1),
                megabytesOf(bareRss), ratio(double(scrollRss), double(bareRss)),
                QStringLiteral("VmHWM of the real MainWindow on the shop after scrolling its product table a page "
                               "at a time from the first row to the last, repainting each step; baseline: VmHWM of "
                               "storekeep-bench-hello"),
                QStringLiteral("<= 150 MB")};
    rows << Row{QStringLiteral("Peak resident memory scrolling the stock levels top to bottom"),
                QStringLiteral("%1 (%2 rows, %3 steps in %4 s)")
                    .arg(megabytesOf(levelsRss))
                    .arg(levels.value(QStringLiteral("rows")).toInt())
                    .arg(levels.value(QStringLiteral("steps")).toInt())
                    .arg(levels.value(QStringLiteral("seconds")).toDouble(), 0, 'f', 1),
                megabytesOf(bareRss), ratio(double(levelsRss), double(bareRss)),
                QStringLiteral("as above, on the Inventory page's list (one row per variant at the first location, "
                               "which the page opens on)"),
                QStringLiteral("<= 150 MB")};
    printTable(QStringLiteral("Storekeep"), QStringLiteral("bare Qt app"), rows);
    return 0;
}
