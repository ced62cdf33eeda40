// storekeep: the desktop app. Resumes the saved sign-in (or asks for one), opens the chosen
// shop's own cache file, syncs it in the background and shows the main window on it.
// --local-demo opens the offline demo shop instead, generating it on first start. See
// app/README.md.

#include "auth/profile.h"
#include "auth/secretstore.h"
#include "auth/shoppickerdialog.h"
#include "auth/shopsession.h"
#include "auth/signindialog.h"
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
#include <QPointer>
#include <QProgressDialog>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QThread>
#include <QTimer>
#include <QTranslator>

#include <atomic>
#include <cstdio>
#include <functional>
#include <memory>

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

// Saves a PNG of `target` once `painted` has painted for the first time, then quits the app
// (exit code 0, or 1 when the picture could not be saved). No file: just quits.
void screenshotAfterFirstPaint(QWidget *target, QWidget *painted, const QString &file)
{
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
    firstPaint->setParent(target);
    firstPaint->onPaint = [target, file] {
        if (file.isEmpty()) {
            // The start-up benchmark times the process up to this line, not its shutdown.
            std::fputs("painted\n", stdout);
            std::fflush(stdout);
            QCoreApplication::exit(0);
            return;
        }
        const QImage image = target->grab().toImage();
        QDir().mkpath(QFileInfo(file).absolutePath());
        if (image.isNull() || !image.save(file, "PNG")) {
            fail(Tr::tr("Could not save the screenshot to %1.").arg(file), true);
            QCoreApplication::exit(1);
            return;
        }
        QCoreApplication::exit(0);
    };
    painted->installEventFilter(firstPaint);
}

struct Options
{
    QString profileDir;
    QString screenshot;
    QString server;     // prefills the sign-in
    QString demoServer; // where "Try the demo shop" signs in
    bool quitAfterPaint = false; // start-up benchmarks
    bool quiet = false; // no modal error boxes when run by a script
};

// A local shop file in the main window, offline: no session, no sync.
int runLocalFile(QApplication &app, const Options &options, const QString &path, const StoreIdentity &identity)
{
    auto store = ShopStore::open(path, identity);
    if (!store.ok()) {
        fail(Tr::tr("Could not open the shop file: %1").arg(store.error().toString()), options.quiet);
        return 1;
    }
    MainWindow window(**store);
    window.show();
    if (!options.screenshot.isEmpty() || options.quitAfterPaint)
        screenshotAfterFirstPaint(&window, window.productTable()->viewport(), options.screenshot);
    return app.exec();
}

// The offline demo: one generated local shop file, no server.
int runLocalDemo(QApplication &app, const Options &options)
{
    const StoreIdentity identity = demoIdentity();
    const QString path = QDir(options.profileDir).filePath(ShopStore::fileNameFor(identity));
    if (!QFileInfo::exists(path)) {
        auto generated = generateDemoShop(path, identity);
        if (!generated.ok()) {
            if (generated.error().code == "demo.cancelled"_L1)
                return 0;
            fail(Tr::tr("Could not create the demo shop: %1").arg(generated.error().toString()), options.quiet);
            return 1;
        }
    }
    return runLocalFile(app, options, path, identity);
}

// Signed-out -> sign-in -> shop -> main window, and back to the sign-in after Sign Out or when
// the server ends the session. The decisions live in ShopSession, the dialogs and MainWindow;
// this only puts them in order.
class AppFlow : public QObject
{
public:
    AppFlow(ShopSession &session, Options options) : m_session(session), m_options(std::move(options))
    {
        connect(&m_session, &ShopSession::signedOut, this, [this] {
            // Not from inside the window's own Sign Out handler.
            QTimer::singleShot(0, this, [this] { backToSignIn(std::exchange(m_endedMessage, {})); });
        });
        connect(&m_session, &ShopSession::sessionEnded, this, [this](const QString &message) {
            QTimer::singleShot(0, this, [this, message] {
                if (!m_window)
                    return;
                m_endedMessage = message;
                m_session.signOut(); // closes the shop and forgets the session; signedOut follows
            });
        });
    }

    ~AppFlow() override { m_window.reset(); }

    int exitCode() const { return m_exitCode; }

    // False when the person gave up (cancelled the sign-in or the shop picker) or a shop could
    // not be opened: then there is no window and the app should end.
    bool start()
    {
        QString message;
        if (m_session.profile().hasSession()) {
            const Result<void> resumed = m_session.resume();
            if (resumed.ok())
                return openShopAndShow();
            message = resumed.error().message;
        }
        if (!m_options.screenshot.isEmpty()) {
            // A picture of the sign-in, for docs and scripts: no waiting for a person.
            m_screenshotDialog = std::make_unique<SignInDialog>(m_session.auth());
            prepare(*m_screenshotDialog, message);
            m_screenshotDialog->show();
            screenshotAfterFirstPaint(m_screenshotDialog.get(), m_screenshotDialog.get(), m_options.screenshot);
            return true;
        }
        return signInAndShow(message);
    }

private:
    void prepare(SignInDialog &dialog, const QString &message)
    {
        QSettings settings;
        dialog.setDemoServerUrl(m_options.demoServer);
        dialog.setServerUrl(!m_options.server.isEmpty() ? m_options.server
                                                        : settings.value(u"SignIn/server"_s).toString());
        dialog.setEmail(settings.value(u"SignIn/email"_s).toString());
        if (!message.isEmpty())
            dialog.showMessage(message);
    }

    bool signInAndShow(QString message)
    {
        for (;;) {
            SignInDialog dialog(m_session.auth());
            prepare(dialog, message);
            if (dialog.exec() != QDialog::Accepted)
                return false;
            // Remembered to prefill the next sign-in; the password never is.
            QSettings settings;
            settings.setValue(u"SignIn/server"_s, dialog.session().serverUrl);
            settings.setValue(u"SignIn/email"_s, dialog.session().email);
            const Result<void> adopted = m_session.adopt(dialog.session());
            if (!adopted.ok()) {
                message = adopted.error().message;
                continue;
            }
            return openShopAndShow();
        }
    }

    bool openShopAndShow()
    {
        QString shopId = m_session.preferredShopId();
        if (shopId.isEmpty() && !m_options.screenshot.isEmpty() && m_session.shops().size() > 1) {
            // A picture of the picker, as for the sign-in: nobody is there to choose.
            m_screenshotPicker = std::make_unique<ShopPickerDialog>(m_session.shops());
            m_screenshotPicker->show();
            screenshotAfterFirstPaint(m_screenshotPicker.get(), m_screenshotPicker.get(), m_options.screenshot);
            return true;
        }
        if (shopId.isEmpty()) {
            const std::optional<ShopMembership> picked = ShopPickerDialog::pick(m_session.shops(), QString());
            if (!picked)
                return false;
            shopId = picked->id;
        }
        const Result<void> opened = m_session.openShop(shopId);
        if (!opened.ok()) {
            fail(Tr::tr("Could not open the shop: %1").arg(opened.error().toString()), m_options.quiet);
            m_exitCode = 1;
            return false;
        }
        m_window = std::make_unique<MainWindow>(m_session);
        connect(m_window.get(), &MainWindow::closed, qApp, &QCoreApplication::quit);
        m_window->show();
        m_session.refreshShops();
        if (!m_options.screenshot.isEmpty())
            screenshotAfterFirstPaint(m_window.get(), m_window->productTable()->viewport(), m_options.screenshot);
        return true;
    }

    void backToSignIn(const QString &message)
    {
        if (m_window) {
            disconnect(m_window.get(), &MainWindow::closed, nullptr, nullptr);
            m_window->close();
            m_window.reset();
        }
        if (!signInAndShow(message))
            QCoreApplication::exit(m_exitCode);
    }

    ShopSession &m_session;
    Options m_options;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<SignInDialog> m_screenshotDialog;
    std::unique_ptr<ShopPickerDialog> m_screenshotPicker;
    QString m_endedMessage;
    int m_exitCode = 0;
};

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
    const QCommandLineOption profileOption(u"profile"_s,
                                           Tr::tr("Keep the sign-in (never its password or tokens), shop files and "
                                                  "settings in <dir>."),
                                           Tr::tr("dir"));
    const QCommandLineOption screenshotOption(
        u"screenshot"_s,
        Tr::tr("Save a PNG of the first window (the main window, or the sign-in when signed out) to <file> after "
               "it first paints, then quit."),
        Tr::tr("file"));
    const QCommandLineOption serverOption(u"server"_s, Tr::tr("Prefill the sign-in with the server <url>."),
                                          Tr::tr("url"));
    const QCommandLineOption demoServerOption(
        u"demo-server"_s,
        Tr::tr("Where “Try the demo shop” signs in (default: $STOREKEEP_DEMO_SERVER or %1).")
            .arg(SignInDialog::defaultDemoServerUrl()),
        Tr::tr("url"));
    const QCommandLineOption localDemoOption(u"local-demo"_s,
                                             Tr::tr("Open the offline demo shop, generated on this computer, "
                                                    "without signing in."));
    const QCommandLineOption shopFileOption(u"shop-file"_s,
                                            Tr::tr("Open the shop file <file> offline, without signing in (a "
                                                   "copy of a cache, or a generated demo)."),
                                            Tr::tr("file"));
    const QCommandLineOption quitAfterPaintOption(u"quit-after-paint"_s,
                                                  Tr::tr("With --shop-file or --local-demo: quit once the main "
                                                         "window has painted its list (start-up benchmarks)."));
    parser.addOptions({profileOption, screenshotOption, serverOption, demoServerOption, localDemoOption, shopFileOption,
                       quitAfterPaintOption});
    parser.process(app);

    Options options;
    options.screenshot = parser.value(screenshotOption);
    options.quitAfterPaint = parser.isSet(quitAfterPaintOption);
    options.quiet = !options.screenshot.isEmpty() || options.quitAfterPaint;
    options.server = parser.value(serverOption);
    options.demoServer = parser.isSet(demoServerOption) ? parser.value(demoServerOption)
                                                        : qEnvironmentVariable("STOREKEEP_DEMO_SERVER",
                                                                               SignInDialog::defaultDemoServerUrl());
    options.profileDir = parser.isSet(profileOption) ? parser.value(profileOption) : Profile::defaultDirectory();
    if (options.profileDir.isEmpty() || !QDir().mkpath(options.profileDir)) {
        fail(Tr::tr("Cannot create the profile folder %1.").arg(options.profileDir), options.quiet);
        return 1;
    }
    if (parser.isSet(profileOption)) {
        // A profile is self-contained: window layout lives beside its shop files.
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, options.profileDir);
    }

    if (parser.isSet(localDemoOption))
        return runLocalDemo(app, options);
    if (parser.isSet(shopFileOption)) {
        const QString path = parser.value(shopFileOption);
        const Result<StoreIdentity> identity = ShopStore::readIdentity(path);
        if (!identity.ok()) {
            fail(identity.error().message, options.quiet);
            return 1;
        }
        return runLocalFile(app, options, path, *identity);
    }

    Profile profile(options.profileDir);
    if (const Result<void> loaded = profile.load(); !loaded.ok()) {
        fail(loaded.error().message, options.quiet);
        return 1;
    }
    KeychainSecretStore secrets;
    AuthSession auth(secrets);
    ShopSession session(profile, auth);
    // Between the sign-in, the picker and the main window no window may be open: the flow, not
    // the last closed window, decides when the app ends.
    app.setQuitOnLastWindowClosed(false);
    AppFlow flow(session, options);
    if (!flow.start())
        return flow.exitCode();
    return app.exec();
}
