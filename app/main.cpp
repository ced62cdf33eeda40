// storekeep: the desktop app. Until sign-in exists it opens a local demo shop, generating it
// on first start. See app/README.md.

#include "demo/demogenerator.h"
#include "demo/storedemosink.h"
#include "mainwindow.h"
#include "storage/shopstore.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QProgressDialog>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QThread>
#include <QTimer>
#include <QTranslator>

#include <atomic>
#include <cstdio>

using namespace sk;
using namespace Qt::StringLiterals;

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Storekeep)
};

StoreIdentity demoIdentity()
{
    return StoreIdentity{u"local-demo"_s, u"demo-outfitters"_s, u"demo"_s};
}

void installTranslators(QApplication &app)
{
    // Qt's own strings (standard buttons, dialogs), then ours; both for the system locale.
    auto *qt = new QTranslator(&app);
    if (qt->load(QLocale(), u"qtbase"_s, u"_"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    // Without a translation for the system's language, English still needs its plural forms
    // ("1 product", "2 products"), which only storekeep_en carries.
    auto *ours = new QTranslator(&app);
    if (ours->load(QLocale(), u"storekeep"_s, u"_"_s, u":/i18n"_s) || ours->load(u":/i18n/storekeep_en"_s))
        QCoreApplication::installTranslator(ours);
}

void removeShopFile(const QString &path)
{
    for (const QString &suffix : {QString(), u"-wal"_s, u"-shm"_s, u"-journal"_s})
        QFile::remove(path + suffix);
}

// Generates the small demo shop into `path` on a worker thread while a progress dialog
// runs. It writes to a side file first and renames it at the end, so an interrupted first
// start never leaves a half-made shop behind.
Result<void> generateDemoShop(const QString &path, const StoreIdentity &identity)
{
    const QString partial = path + u".partial"_s;
    removeShopFile(partial);

    QProgressDialog progress(Tr::tr("Creating the demo shop “Demo Outfitters”…"), Tr::tr("Cancel"), 0, 100);
    progress.setWindowTitle(Tr::tr("Storekeep"));
    progress.setWindowModality(Qt::ApplicationModal);
    progress.setMinimumDuration(0);
    progress.setAutoClose(false);
    progress.setAutoReset(false);
    progress.setValue(0);

    std::atomic_bool cancelled = false;
    Result<DemoStats> result = makeError(u"demo.not_run"_s, Tr::tr("The demo shop was not generated."));
    QThread *worker = QThread::create([&] {
        auto store = ShopStore::open(partial, identity);
        if (!store.ok()) {
            result = store.error();
            return;
        }
        DemoOptions options;
        options.scale = DemoScale::Small;
        options.shopId = identity.shopId;
        result = generateDemoInto(**store, options, [&](int percent) {
            // Queued to the dialog's thread; the dialog outlives the worker.
            QMetaObject::invokeMethod(&progress, [&progress, percent] { progress.setValue(percent); });
            return !cancelled.load();
        });
    });
    QEventLoop loop;
    QObject::connect(worker, &QThread::finished, &loop, &QEventLoop::quit);
    QObject::connect(&progress, &QProgressDialog::canceled, &loop, [&] {
        cancelled = true;
        progress.setLabelText(Tr::tr("Cancelling…"));
    });
    worker->start();
    loop.exec();
    worker->wait();
    delete worker;
    progress.close();

    if (!result.ok()) {
        removeShopFile(partial);
        return result.error();
    }
    removeShopFile(path);
    if (!QFile::rename(partial, path)) {
        return makeError(u"app.rename_failed"_s,
                         Tr::tr("The demo shop was made but could not be moved to %1.").arg(path));
    }
    return {};
}

void fail(const QString &message, bool quiet)
{
    std::fprintf(stderr, "storekeep: %s\n", message.toLocal8Bit().constData());
    if (!quiet)
        QMessageBox::critical(nullptr, Tr::tr("Storekeep"), message);
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(u"Storekeep"_s);
    QCoreApplication::setApplicationName(u"storekeep"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(STOREKEEP_VERSION));
    installTranslators(app);

    QCommandLineParser parser;
    parser.setApplicationDescription(Tr::tr("Storekeep: the back office for your shop."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption profileOption(u"profile"_s, Tr::tr("Keep shop files and settings in <dir>."),
                                           Tr::tr("dir"));
    const QCommandLineOption screenshotOption(
        u"screenshot"_s, Tr::tr("Save a PNG of the main window to <file> after it first paints, then quit."),
        Tr::tr("file"));
    parser.addOption(profileOption);
    parser.addOption(screenshotOption);
    parser.process(app);

    const QString screenshot = parser.value(screenshotOption);
    const bool quiet = !screenshot.isEmpty(); // no modal error boxes when run by a script
    const QString profile = parser.isSet(profileOption)
                                ? parser.value(profileOption)
                                : QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
    if (profile.isEmpty() || !QDir().mkpath(profile)) {
        fail(Tr::tr("Cannot create the profile folder %1.").arg(profile), quiet);
        return 1;
    }

    if (parser.isSet(profileOption)) {
        // A profile is self-contained: window layout lives beside its shop files.
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, profile);
    }

    const StoreIdentity identity = demoIdentity();
    const QString path = QDir(profile).filePath(ShopStore::fileNameFor(identity));
    if (!QFileInfo::exists(path)) {
        auto generated = generateDemoShop(path, identity);
        if (!generated.ok()) {
            if (generated.error().code == "demo.cancelled"_L1)
                return 0;
            fail(Tr::tr("Could not create the demo shop: %1").arg(generated.error().toString()), quiet);
            return 1;
        }
    }
    auto store = ShopStore::open(path, identity);
    if (!store.ok()) {
        fail(Tr::tr("Could not open the shop file: %1").arg(store.error().toString()), quiet);
        return 1;
    }

    MainWindow window(**store);
    window.show();

    if (!screenshot.isEmpty()) {
        // Grab once the product table has painted for the first time.
        struct FirstPaint : QObject
        {
            std::function<void()> onPaint;
            bool eventFilter(QObject *watched, QEvent *event) override
            {
                if (event->type() == QEvent::Paint && onPaint) {
                    watched->removeEventFilter(this);
                    QTimer::singleShot(0, this, std::exchange(onPaint, {}));
                }
                return false;
            }
        };
        auto *firstPaint = new FirstPaint;
        firstPaint->setParent(&window);
        firstPaint->onPaint = [&window, screenshot, quiet] {
            const QImage image = window.grab().toImage();
            QDir().mkpath(QFileInfo(screenshot).absolutePath());
            if (image.isNull() || !image.save(screenshot, "PNG")) {
                fail(Tr::tr("Could not save the screenshot to %1.").arg(screenshot), quiet);
                QCoreApplication::exit(1);
                return;
            }
            QCoreApplication::exit(0);
        };
        window.productTable()->viewport()->installEventFilter(firstPaint);
    }
    return app.exec();
}
