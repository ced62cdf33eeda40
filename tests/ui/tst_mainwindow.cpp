#include "../server/synctestsupport.h"
#include "auth/profile.h"
#include "auth/secretstore.h"
#include "auth/shoppickerdialog.h"
#include "auth/shopsession.h"
#include "common/listtable.h"
#include "common/messagelabel.h"
#include "customers/customerlistmodel.h"
#include "customers/customerspage.h"
#include "demo/demogenerator.h"
#include "demo/storedemosink.h"
#include "inventory/inventorylevelmodel.h"
#include "inventory/inventorypage.h"
#include "inventory/stockcountmode.h"
#include "local/outbox.h"
#include "local/shopeditor.h"
#include "mainwindow.h"
#include "orders/linequantityeditor.h"
#include "orders/orderlistmodel.h"
#include "orders/orderspage.h"
#include "orders/refundorderdialog.h"
#include "products/producteditordialog.h"
#include "products/productlistmodel.h"
#include "products/variantgridmodel.h"
#include "search/globalsearchdialog.h"
#include "storage/shopstore.h"
#include "storage/sqlitedatabase.h"
#include "sync/pendingeditsdialog.h"
#include "sync/syncissuelistmodel.h"
#include "sync/syncissuespanel.h"
#include "sync/syncstatuswidget.h"
#include "syncinfo.h"
#include "testsupport.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTreeWidget>
#include <QHeaderView>
#include <QImage>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QPointer>
#include <QSet>
#include <QSettings>
#include <QSpinBox>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolBar>

using namespace sk;
using namespace Qt::StringLiterals;

namespace {

using sk::test::SyncTestWorld;

const QString Password = QString::fromLatin1(SyncTestWorld::Password);
// Owner of the shops the server-flow cases make for themselves (Fay's shop list stays as it is).
const QString Gus = u"gus@window.test"_s;

// A signed-in app as main() wires it: a profile folder, the session (its tokens in memory here:
// the keychain is not the subject) and the shop session that owns the open shop file.
struct SignedIn
{
    QTemporaryDir dir;
    Profile profile{dir.path()};
    MemorySecretStore secrets;
    AuthSession auth{secrets};
    std::unique_ptr<ShopSession> session;

    Result<void> signIn(const QString &serverUrl, const QString &email)
    {
        SK_TRY_ASSIGN(info, auth.login(serverUrl, email, Password));
        session = std::make_unique<ShopSession>(profile, auth);
        SyncWorker::Options options;
        options.intervalMs = 600'000; // one sync when a shop opens; the test drives the rest
        session->setSyncOptions(options);
        return session->adopt(info);
    }
};

QStringList listedShops(ShopPickerDialog *picker)
{
    QStringList names;
    auto *list = picker->findChild<QTreeWidget *>(u"shopList"_s);
    for (int i = 0; list && i < list->topLevelItemCount(); ++i)
        names << list->topLevelItem(i)->text(0);
    return names;
}

// Answers the shop picker that `trigger` opens by typing `filter` and pressing Enter.
QStringList pickShopWith(QAction *trigger, const QString &filter)
{
    QStringList listed;
    QTimer::singleShot(0, trigger, [&listed, filter] {
        auto *picker = qobject_cast<ShopPickerDialog *>(QApplication::activeModalWidget());
        if (!picker)
            return;
        listed = listedShops(picker);
        auto *edit = picker->findChild<QLineEdit *>(u"shopFilter"_s);
        QTest::keyClicks(edit, filter);
        QTest::keyClick(edit, Qt::Key_Return);
    });
    trigger->trigger();
    return listed;
}

QWidget *focused()
{
    return QApplication::focusWidget();
}

// A key as the keyboard sends it: to the widget with the focus.
void press(int key, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    QWidget *target = focused();
    QVERIFY2(target, "no widget has the keyboard focus");
    QTest::keyClick(target, Qt::Key(key), modifiers);
}

// What a keyboard-wedge barcode scanner does, and what a person typing a number does: the
// text, then Enter.
void typeAndEnter(const QString &text)
{
    QWidget *target = focused();
    QVERIFY2(target, "no widget has the keyboard focus");
    QTest::keyClicks(target, text);
    QTest::keyClick(target, Qt::Key_Return);
}

// The first item of a REST list whose `field` is `value`.
QJsonObject findIn(const QJsonArray &items, const QString &field, const QString &value)
{
    for (const QJsonValue &item : items) {
        if (item.toObject().value(field).toString() == value)
            return item.toObject();
    }
    return {};
}

} // namespace

class tst_MainWindow : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_settingsDir;
    std::unique_ptr<test::TempStore> m_temp;
    qint64 m_productCount = 0;

    // The signed-in cases: a real storekeep-server with two shops; fay@ is owner of Alpha Books
    // (one product) and staff of Beta Tools (empty).
    sk::test::SyncTestWorld m_world;
    QString m_alpha;
    QString m_beta;

    QString url() const { return m_world.server.baseUrl(); }

    qint64 sqlCount(const QByteArray &sql) { return sqlCount(*m_temp->store, sql); }

    // Signed in with a shop open in a shown main window, after its first sync.
    struct ShopWindow
    {
        SignedIn app;
        std::unique_ptr<QSignalSpy> synced;
        std::unique_ptr<MainWindow> window; // declared last: closes before the session
    };
    void openShopWindow(ShopWindow &w, const QString &email, const QString &shopId)
    {
        SK_VERIFY_OK(w.app.signIn(url(), email));
        SK_VERIFY_OK(w.app.session->openShop(shopId));
        w.synced = std::make_unique<QSignalSpy>(w.app.session.get(), &ShopSession::syncFinished);
        w.window = std::make_unique<MainWindow>(*w.app.session);
        w.window->show();
        QVERIFY(QTest::qWaitForWindowExposed(w.window.get()));
        QTRY_VERIFY_WITH_TIMEOUT(w.synced->count() >= 1, 60000);
        QCOMPARE(w.synced->last().at(1).toString(), QString());
    }
    // The same, the window active: the keyboard cases type into it.
    void openActiveShopWindow(ShopWindow &w, const QString &email, const QString &shopId)
    {
        openShopWindow(w, email, shopId);
        if (QTest::currentTestFailed())
            return;
        w.window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(w.window.get()));
    }
    // Signed in as Fay with Alpha open.
    void openAlphaWindow(ShopWindow &w) { openShopWindow(w, u"fay@window.test"_s, m_alpha); }

    // A shop of its own on the server for one case, Gus its owner; set up through its API.
    struct ServerShop
    {
        QString id;
        QString token; // an owner's API token
        QString client;
        qint64 seq = 0;
    };
    ServerShop createGusShop(const QString &name)
    {
        ServerShop shop;
        shop.id = m_world.createShop(name, u"EUR"_s, u"allow"_s);
        m_world.addMember(shop.id, Gus, u"owner"_s);
        shop.token = m_world.apiToken(shop.id, u"owner"_s);
        shop.client = m_world.newClient(shop.id, shop.token);
        return shop;
    }
    bool seed(ServerShop &shop, const QString &mutation, const QJsonObject &args)
    {
        return m_world.applied(m_world.pushOne(shop.id, shop.token, shop.client, shop.seq, mutation, args));
    }

    // File > Sync Now (Ctrl+R), then waits until a sync has finished and the server holds every
    // local edit.
    void syncNow(ShopWindow &w)
    {
        w.window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(w.window.get()));
        const int before = int(w.synced->count());
        press(Qt::Key_R, Qt::ControlModifier);
        QTRY_VERIFY_WITH_TIMEOUT(w.synced->count() > before && w.app.session->pendingEdits().valueOr(-1) == 0, 60000);
        QCOMPARE(w.synced->last().at(1).toString(), QString());
    }

    static qint64 sqlCount(const ShopStore &store, const QByteArray &sql)
    {
        auto reader = store.openReader();
        if (!reader.ok())
            return -1;
        return (*reader)->queryInt64(sql).valueOr(-1);
    }

    static QString sqlText(const ShopStore &store, const char *sql)
    {
        auto reader = store.openReader();
        if (!reader.ok())
            return {};
        auto stmt = (*reader)->prepare(sql);
        if (!stmt.ok() || !stmt->step().valueOr(false))
            return {};
        return stmt->text(0);
    }

private slots:
    void initTestCase()
    {
        // Window layout goes to a private settings folder, never the developer's own.
        QVERIFY(m_settingsDir.isValid());
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
        QCoreApplication::setOrganizationName(u"StorekeepTests"_s);
        QCoreApplication::setApplicationName(u"tst_mainwindow"_s);

        m_temp = test::makeTempStore();
        QVERIFY(m_temp);
        DemoOptions options;
        options.scale = DemoScale::Small;
        options.endDate = QDate(2026, 6, 30);
        DemoGenerator generator(options);
        StoreDemoSink sink(*m_temp->store);
        auto generated = generator.generate(sink);
        SK_VERIFY_OK(generated);
        m_productCount = sqlCount("SELECT count(*) FROM products");
        QCOMPARE(m_productCount, generated->products);
        QVERIFY(m_productCount > 100);

        QVERIFY2(m_world.start(), qPrintable(m_world.error));
        m_alpha = m_world.createShop(u"Alpha Books"_s, u"EUR"_s, u"allow"_s);
        m_beta = m_world.createShop(u"Beta Tools"_s, u"USD"_s, u"allow"_s);
        QVERIFY(m_world.createUser(u"fay@window.test"_s, u"Fay"_s));
        QVERIFY(m_world.addMember(m_alpha, u"fay@window.test"_s, u"owner"_s));
        QVERIFY(m_world.addMember(m_beta, u"fay@window.test"_s, u"staff"_s));
        QVERIFY(m_world.createUser(Gus, u"Gus"_s));
        const QString token = m_world.apiToken(m_alpha, u"owner"_s);
        const QString client = m_world.newClient(m_alpha, token);
        qint64 seq = 0;
        m_world.applied(m_world.pushOne(m_alpha, token, client, seq, u"product.create"_s,
                                        SyncTestWorld::productArgs(sk::test::newUuid(), u"atlas"_s,
                                                                             sk::test::newUuid(), u"ALPHA-1"_s, 2400)));
        QVERIFY2(m_world.error.isEmpty(), qPrintable(m_world.error));
    }

    void cleanupTestCase() { m_temp.reset(); }

    void showsTheProductTable()
    {
        MainWindow window(*m_temp->store);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        QCOMPARE(window.currentPage(), MainWindow::Page::Products);
        QTableView *table = window.productTable();
        QVERIFY(table->isVisible());
        QCOMPARE(table->model()->rowCount(), int(m_productCount));
        QCOMPARE(table->model()->columnCount(), 7);
        // A million-row table stays fast only with a fixed row height.
        QCOMPARE(table->verticalHeader()->sectionResizeMode(0), QHeaderView::Fixed);
        QVERIFY(table->indexAt(QPoint(5, 5)).isValid());
        QVERIFY(!table->model()->data(table->model()->index(0, 0)).toString().isEmpty());
        QVERIFY(window.windowTitle().contains(u"Demo Outfitters"_s));
    }

    void statusBarCountsWhatTheDatabaseHolds()
    {
        MainWindow window(*m_temp->store);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *summary = window.statusBar()->findChild<QLabel *>(u"statusSummary"_s);
        QVERIFY(summary);
        const QString text = summary->text();
        QVERIFY2(text.contains(QLocale().toString(m_productCount)), qPrintable(text));
        QVERIFY2(text.contains(u"Demo Outfitters"_s), qPrintable(text));
        QVERIFY2(text.contains(u"EUR"_s), qPrintable(text));

        // Filtering by status updates the count to what SQL says.
        window.productModel()->setStatusFilter(ProductStatus::Archived);
        QVERIFY(window.productModel()->isLoading()); // read on a worker
        QVERIFY2(summary->text().contains(u"Filtering"_s), qPrintable(summary->text()));
        QTRY_VERIFY(!window.productModel()->isLoading());
        const qint64 archived = sqlCount("SELECT count(*) FROM products WHERE status = 'archived'");
        QCOMPARE(window.productTable()->model()->rowCount(), int(archived));
        QVERIFY2(summary->text().startsWith(QLocale().toString(archived)), qPrintable(summary->text()));
    }

    void ctrlKFindsAnOrderAndOpensItsSection()
    {
        MainWindow window(*m_temp->store);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.currentPage(), MainWindow::Page::Products);
        QTest::keyClick(&window, Qt::Key_K, Qt::ControlModifier);
        GlobalSearchDialog *search = nullptr;
        QTRY_VERIFY((search = window.findChild<GlobalSearchDialog *>()) && search->isVisible());
        const qint64 number = sqlCount("SELECT max(number) FROM orders");
        QTest::keyClicks(search->searchField(), QString::number(number));
        QTest::keyClick(search->searchField(), Qt::Key_Return);
        QCOMPARE(window.currentPage(), MainWindow::Page::Orders);
        QTRY_VERIFY(!window.findChild<GlobalSearchDialog *>()); // closed and deleted
    }

    void sidebarSwitchesPages()
    {
        MainWindow window(*m_temp->store);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *sidebar = window.findChild<QListWidget *>(u"sidebar"_s);
        auto *pages = window.findChild<QStackedWidget *>(u"pages"_s);
        QVERIFY(sidebar && pages);
        QCOMPARE(sidebar->count(), 5);

        const QRect ordersRow = sidebar->visualItemRect(sidebar->item(int(MainWindow::Page::Orders)));
        QTest::mouseClick(sidebar->viewport(), Qt::LeftButton, {}, ordersRow.center());
        QCOMPARE(window.currentPage(), MainWindow::Page::Orders);
        QVERIFY(!window.productTable()->isVisible());
        // The real list, read when the page is first shown.
        QCOMPARE(pages->currentWidget(), static_cast<QWidget *>(window.ordersPage()));
        QTRY_VERIFY(window.ordersPage()->model()->rowCount() > 0);

        const QRect productsRow = sidebar->visualItemRect(sidebar->item(int(MainWindow::Page::Products)));
        QTest::mouseClick(sidebar->viewport(), Qt::LeftButton, {}, productsRow.center());
        QCOMPARE(window.currentPage(), MainWindow::Page::Products);
        QVERIFY(window.productTable()->isVisible());

        window.showPage(MainWindow::Page::SyncIssues);
        QCOMPARE(sidebar->currentRow(), int(MainWindow::Page::SyncIssues));
    }

    void aboutShowsTheVersions()
    {
        MainWindow window(*m_temp->store);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *about = window.findChild<QAction *>(u"actionAbout"_s);
        QVERIFY(about);
        QString shown;
        // The box is modal: read and close it from the event loop it runs.
        QTimer::singleShot(0, this, [&shown] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            if (!box)
                return;
            shown = box->text();
            box->accept();
        });
        about->trigger();
        QVERIFY2(shown.contains(SyncInfo::summary().toHtmlEscaped()), qPrintable(shown));
        QVERIFY2(shown.contains(QString::fromLatin1(qVersion())), qPrintable(shown));
        QVERIFY2(shown.contains(m_temp->store->path()), qPrintable(shown));
    }

    void restoresGeometryAndColumns()
    {
        const QSize size(1310, 740);
        int vendorWidth = 0;
        {
            MainWindow window(*m_temp->store);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            window.resize(size);
            window.productTable()->horizontalHeader()->resizeSection(ProductListModel::VendorColumn, 177);
            window.productTable()->sortByColumn(ProductListModel::UpdatedColumn, Qt::DescendingOrder);
            vendorWidth = window.productTable()->horizontalHeader()->sectionSize(ProductListModel::VendorColumn);

            // Every other list keeps its columns too: one hidden through the header's menu, one
            // moved, one resized, a sort.
            const auto hideThroughMenu = [](QTableView *table, int column) {
                std::unique_ptr<QMenu> menu(ListTable::columnMenu(table));
                menu->actions().at(column)->trigger();
                QVERIFY(table->isColumnHidden(column));
            };
            hideThroughMenu(window.ordersPage()->table(), OrderListModel::TotalColumn);
            window.ordersPage()->table()->sortByColumn(OrderListModel::NumberColumn, Qt::AscendingOrder);
            QCOMPARE(window.ordersPage()->model()->sortColumn(), int(OrderListModel::NumberColumn));
            window.inventoryPage()->table()->horizontalHeader()->moveSection(InventoryLevelModel::LocationColumn, 0);
            window.customersPage()->table()->horizontalHeader()->resizeSection(CustomerListModel::EmailColumn, 211);
            hideThroughMenu(window.syncIssuesPanel()->table(), SyncIssueListModel::TriedColumn);
            QVERIFY(window.close());
        }
        MainWindow again(*m_temp->store);
        again.show();
        QVERIFY(QTest::qWaitForWindowExposed(&again));
        QCOMPARE(again.size(), size);
        QCOMPARE(again.productTable()->horizontalHeader()->sectionSize(ProductListModel::VendorColumn), vendorWidth);
        QCOMPARE(again.productModel()->sortColumn(), int(ProductListModel::UpdatedColumn));
        QCOMPARE(again.productModel()->sortOrder(), Qt::DescendingOrder);

        QTableView *orders = again.ordersPage()->table();
        QVERIFY(orders->isColumnHidden(OrderListModel::TotalColumn));
        QVERIFY(!orders->isColumnHidden(OrderListModel::CustomerColumn)); // the owner sees it
        QCOMPARE(again.ordersPage()->model()->sortColumn(), int(OrderListModel::NumberColumn));
        QCOMPARE(again.ordersPage()->model()->sortOrder(), Qt::AscendingOrder);
        QCOMPARE(orders->horizontalHeader()->sortIndicatorSection(), int(OrderListModel::NumberColumn));
        again.showPage(MainWindow::Page::Orders); // its orders are read when it is first shown
        QCOMPARE(again.ordersPage()->model()->index(0, OrderListModel::NumberColumn).data().toString(),
                 u"#"_s + QString::number(sqlCount("SELECT min(number) FROM orders")));
        QCOMPARE(again.inventoryPage()->table()->horizontalHeader()->visualIndex(InventoryLevelModel::LocationColumn), 0);
        QCOMPARE(again.customersPage()->table()->horizontalHeader()->sectionSize(CustomerListModel::EmailColumn), 211);
        QVERIFY(again.syncIssuesPanel()->table()->isColumnHidden(SyncIssueListModel::TriedColumn));
        QVERIFY(!again.syncIssuesPanel()->table()->isColumnHidden(SyncIssueListModel::ReasonColumn));

        // Nothing but layout is stored.
        QSettings settings;
        for (const QString &key : settings.allKeys())
            QVERIFY2(key.startsWith(u"MainWindow/"_s), qPrintable(key));
        settings.clear();
    }

    void screenshotIsNotBlank()
    {
        MainWindow window(*m_temp->store);
        window.resize(1180, 720);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const QImage image = window.grab().toImage().convertToFormat(QImage::Format_RGB32);
        QVERIFY(!image.isNull());

        const QString dir = test::binaryDir() + u"/screenshots"_s;
        QVERIFY(QDir().mkpath(dir));
        QVERIFY(image.save(dir + u"/mainwindow.png"_s));

        // Text, lines and alternating rows give hundreds of colours; a blank window gives one or two.
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 2) {
            const auto *line = reinterpret_cast<const QRgb *>(image.constScanLine(y));
            for (int x = 0; x < image.width(); x += 2)
                colours.insert(line[x]);
        }
        QVERIFY2(colours.size() > 40, qPrintable(u"only %1 distinct colours"_s.arg(colours.size())));
    }

    void localWindowHasNoSessionActions()
    {
        MainWindow window(*m_temp->store);
        QCOMPARE(window.session(), nullptr);
        QCOMPARE(window.role(), u"owner"_s);
        QVERIFY(!window.findChild<QAction *>(u"actionSwitchShop"_s)->isVisible());
        QVERIFY(!window.findChild<QAction *>(u"actionSignOut"_s)->isVisible());
        QCOMPARE(window.syncStatusWidget(), nullptr);
        QVERIFY(window.syncIssuesPanel());
        QCOMPARE(window.findChild<QAction *>(u"actionSyncNow"_s), nullptr);
        // The toolbar carries the everyday actions, with their menus' shortcuts.
        auto *toolbar = window.findChild<QToolBar *>(u"mainToolBar"_s);
        QVERIFY(toolbar);
        QVERIFY(toolbar->actions().contains(window.findChild<QAction *>(u"actionFindInShop"_s)));
        QCOMPARE(window.findChild<QAction *>(u"actionFindInShop"_s)->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_K));
    }

    // Switch shop is one action; each shop keeps its own cache file, so coming back to a shop
    // shows its data at once, without downloading it again.
    void switchShopKeepsASeparateCacheFilePerShop()
    {
        SignedIn app;
        SK_VERIFY_OK(app.signIn(url(), u"fay@window.test"_s));
        ShopSession &session = *app.session;
        QVERIFY(session.preferredShopId().isEmpty()); // two shops: the user chooses
        SK_VERIFY_OK(session.openShop(m_alpha));
        QSignalSpy synced(&session, &ShopSession::syncFinished);

        MainWindow window(session);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.role(), u"owner"_s);
        auto *who = window.findChild<QLabel *>(u"sessionStatus"_s);
        QVERIFY(who);
        QVERIFY2(who->text().contains(u"fay@window.test"_s), qPrintable(who->text()));
        QVERIFY2(who->text().contains(u"Alpha Books"_s), qPrintable(who->text()));
        QVERIFY2(who->text().contains(u"Owner"_s), qPrintable(who->text()));
        QVERIFY(window.syncStatusWidget());
        QVERIFY(window.syncStatusWidget()->isVisible());
        QVERIFY(window.syncIssuesPanel());

        // The first sync downloads Alpha into its own file, and the list shows it.
        QTRY_VERIFY_WITH_TIMEOUT(synced.count() >= 1, 60000);
        QCOMPARE(synced.last().at(1).toString(), QString());
        QTRY_COMPARE(window.productTable()->model()->rowCount(), 1);
        QVERIFY2(window.windowTitle().contains(u"Alpha Books"_s), qPrintable(window.windowTitle()));
        const QString alphaFile = window.store().path();
        QCOMPARE(alphaFile, app.profile.storePathFor(m_alpha));

        // File > Switch Shop: the picker lists both, the keyboard picks Beta.
        auto *switchShop = window.findChild<QAction *>(u"actionSwitchShop"_s);
        QVERIFY(switchShop && switchShop->isVisible() && switchShop->isEnabled());
        QSignalSpy roleChanged(&window, &MainWindow::roleChanged);
        const QStringList listed = pickShopWith(switchShop, u"beta"_s);
        QCOMPARE(roleChanged.count(), 1);
        QCOMPARE(roleChanged.first().first().toString(), u"staff"_s);
        QCOMPARE(listed, (QStringList{u"Alpha Books (open now)"_s, u"Beta Tools"_s}));
        QCOMPARE(session.shop().id, m_beta);
        const QString betaFile = window.store().path();
        QCOMPARE(betaFile, app.profile.storePathFor(m_beta));
        QVERIFY(betaFile != alphaFile);
        QCOMPARE(window.role(), u"staff"_s);
        QVERIFY2(who->text().contains(u"Beta Tools"_s) && who->text().contains(u"Staff"_s), qPrintable(who->text()));
        QTRY_VERIFY_WITH_TIMEOUT(synced.count() >= 2, 60000);
        QCOMPARE(synced.last().at(1).toString(), QString());
        QTRY_VERIFY2(window.windowTitle().contains(u"Beta Tools"_s), qPrintable(window.windowTitle()));
        QCOMPARE(window.productTable()->model()->rowCount(), 0);
        QVERIFY(QFile::exists(alphaFile));
        QVERIFY(QFile::exists(betaFile));
        {
            Profile saved(app.profile.directory());
            SK_VERIFY_OK(saved.load());
            QCOMPARE(saved.currentShopId(), m_beta); // the next start opens Beta
        }

        // Back to Alpha: its file, with its product, shown before any sync has run.
        const int syncsBefore = int(synced.count());
        pickShopWith(switchShop, u"alpha"_s);
        QCOMPARE(session.shop().id, m_alpha);
        QCOMPARE(window.store().path(), alphaFile);
        QCOMPARE(synced.count(), syncsBefore);
        QCOMPARE(window.productTable()->model()->rowCount(), 1);
        QVERIFY2(window.windowTitle().contains(u"Alpha Books"_s), qPrintable(window.windowTitle()));
        QCOMPARE(window.role(), u"owner"_s);

        // The status bar lays out the new texts on the next pass of the event loop.
        QTRY_VERIFY(who->width() >= who->sizeHint().width());
        const QString dir = test::binaryDir() + u"/screenshots"_s;
        QVERIFY(QDir().mkpath(dir));
        const QImage image = window.grab().toImage();
        QVERIFY(image.save(dir + u"/mainwindow-signed-in.png"_s));
        QVERIFY(!image.isNull());
    }

    void signOutAsksAboutUnsentEditsAndKeepsThem()
    {
        ShopWindow opened;
        openAlphaWindow(opened);
        if (QTest::currentTestFailed())
            return;
        SignedIn &app = opened.app;
        ShopSession &session = *app.session;
        MainWindow &window = *opened.window;

        // An edit the server has not seen yet.
        ShopEditor editor(*session.store());
        auto variant = editor.variantIdForSku(u"ALPHA-1"_s);
        SK_VERIFY_OK(variant);
        SK_VERIFY_OK(editor.setVariantPrice(*variant, 2600));
        QCOMPARE(session.pendingEdits().valueOr(-1), 1);

        int asked = 0;
        qint64 askedAbout = 0;
        MainWindow::LeaveReason reason = MainWindow::LeaveReason::SwitchShop;
        bool answer = false;
        window.setLeavePrompt([&](QWidget *, MainWindow::LeaveReason why, qint64 pending) {
            ++asked;
            reason = why;
            askedAbout = pending;
            return answer;
        });
        auto *signOut = window.findChild<QAction *>(u"actionSignOut"_s);
        QVERIFY(signOut && signOut->isVisible());
        QSignalSpy signedOut(&session, &ShopSession::signedOut);
        QSignalSpy loggedOut(&session, &ShopSession::logoutFinished);

        // "Stay": nothing changes.
        signOut->trigger();
        QCOMPARE(asked, 1);
        QCOMPARE(reason, MainWindow::LeaveReason::SignOut);
        QCOMPARE(askedAbout, 1);
        QCOMPARE(signedOut.count(), 0);
        QVERIFY(session.store());
        QVERIFY(app.auth.isSignedIn());

        // "Go": signed out; the session is forgotten, the edit stays in Alpha's file.
        const QString alphaFile = session.store()->path();
        const StoreIdentity alphaIdentity = session.store()->identity();
        answer = true;
        signOut->trigger();
        QCOMPARE(asked, 2);
        QCOMPARE(signedOut.count(), 1);
        QCOMPARE(session.store(), nullptr);
        QVERIFY(!QFile::exists(app.profile.filePath()));
        QVERIFY(loggedOut.wait(30000));
        QVERIFY(!app.auth.isSignedIn());
        QCOMPARE(app.secrets.size(), 0);
        auto kept = ShopStore::open(alphaFile, alphaIdentity);
        SK_VERIFY_OK(kept);
        auto pending = (*kept)->write([](SqliteDatabase &db) { return Outbox::pendingCount(db); });
        SK_VERIFY_OK(pending);
        QCOMPARE(*pending, 1);
    }

    // With an unsent edit, Switch Shop asks first (the real PendingEditsDialog); "Sync now" sends
    // it to the server before Alpha's file is closed.
    void switchShopWithUnsentEditsSyncsThemFirst()
    {
        ShopWindow opened;
        openAlphaWindow(opened);
        if (QTest::currentTestFailed())
            return;
        SignedIn &app = opened.app;
        ShopSession &session = *app.session;
        MainWindow &window = *opened.window;

        ShopEditor editor(*session.store());
        auto variant = editor.variantIdForSku(u"ALPHA-1"_s);
        SK_VERIFY_OK(variant);
        SK_VERIFY_OK(editor.setVariantPrice(*variant, 2750));
        QCOMPARE(session.pendingEdits().valueOr(-1), 1);
        const QString alphaFile = session.store()->path();
        const StoreIdentity alphaIdentity = session.store()->identity();

        // Drives whichever dialog is up: the picker, then the unsent-edits question.
        QStringList seen;
        QTimer driver;
        connect(&driver, &QTimer::timeout, this, [&seen] {
            QWidget *modal = QApplication::activeModalWidget();
            if (auto *picker = qobject_cast<ShopPickerDialog *>(modal)) {
                seen << u"picker"_s;
                picker->setFilterText(u"beta"_s);
                QTest::keyClick(picker->findChild<QLineEdit *>(u"shopFilter"_s), Qt::Key_Return);
            } else if (auto *question = qobject_cast<PendingEditsDialog *>(modal)) {
                seen << u"pending:"_s + question->headlineText();
                question->syncNowButton()->click();
            }
        });
        driver.start(20);
        window.findChild<QAction *>(u"actionSwitchShop"_s)->trigger();
        driver.stop();

        QCOMPARE(seen.size(), 2);
        QCOMPARE(seen.first(), u"picker"_s);
        QVERIFY2(seen.last().startsWith(u"pending:"_s) && seen.last().contains(u'1'), qPrintable(seen.last()));
        QCOMPARE(session.shop().id, m_beta);
        // The edit reached the server and Alpha's file has nothing left to send.
        auto alpha = ShopStore::open(alphaFile, alphaIdentity);
        SK_VERIFY_OK(alpha);
        auto pending = (*alpha)->write([](SqliteDatabase &db) { return Outbox::pendingCount(db); });
        SK_VERIFY_OK(pending);
        QCOMPARE(*pending, 0);
        const QString token = m_world.apiToken(m_alpha, u"owner"_s);
        const QJsonArray variants = m_world.listAll(m_alpha, token, u"/variants"_s);
        QCOMPARE(variants.size(), 1);
        QCOMPARE(variants.first().toObject().value(u"price"_s).toInteger(), 2750);
    }

    // A barcode-scanner stock count in the signed-in window reaches the server as two counts
    // (inventory.set from what the counter was shown), and the shop file ends as the server.
    void scanCountTwoItemsThroughTheServer()
    {
        ServerShop shop = createGusShop(u"Gamma Counts"_s);
        const QString backRoom = sk::test::newUuid();
        const QString lantern = sk::test::newUuid();
        const QString rope = sk::test::newUuid();
        const QString barcode = u"4006381333931"_s;
        QJsonObject lanternArgs = SyncTestWorld::productArgs(sk::test::newUuid(), u"lantern"_s, lantern, u"GAM-LANTERN"_s, 1900);
        QJsonArray variants = lanternArgs.value(u"variants").toArray();
        QJsonObject variant = variants.first().toObject();
        variant.insert(u"barcode"_s, barcode);
        variants.replace(0, variant);
        lanternArgs.insert(u"variants"_s, variants);
        QVERIFY(seed(shop, u"location.create"_s, SyncTestWorld::locationArgs(backRoom, u"Back room"_s)));
        QVERIFY(seed(shop, u"product.create"_s, lanternArgs));
        QVERIFY(seed(shop, u"product.create"_s,
                     SyncTestWorld::productArgs(sk::test::newUuid(), u"rope"_s, rope, u"GAM-ROPE"_s, 650)));
        QVERIFY(seed(shop, u"inventory.adjust"_s, SyncTestWorld::adjustArgs(lantern, backRoom, 7)));
        QVERIFY(seed(shop, u"inventory.adjust"_s, SyncTestWorld::adjustArgs(rope, backRoom, 4)));
        QVERIFY2(m_world.error.isEmpty(), qPrintable(m_world.error));

        ShopWindow opened;
        openActiveShopWindow(opened, Gus, shop.id);
        if (QTest::currentTestFailed())
            return;
        MainWindow &window = *opened.window;

        // View > Inventory (Ctrl+3), then the toolbar's Stock count.
        press(Qt::Key_3, Qt::ControlModifier);
        QCOMPARE(window.currentPage(), MainWindow::Page::Inventory);
        InventoryPage *inventory = window.inventoryPage();
        QTRY_COMPARE(inventory->model()->rowCount(), 2);
        auto *toolbar = inventory->findChild<QToolBar *>(u"inventoryToolbar"_s);
        QVERIFY(toolbar && toolbar->widgetForAction(inventory->countAction()));
        QTest::mouseClick(toolbar->widgetForAction(inventory->countAction()), Qt::LeftButton);
        QVERIFY(inventory->isCountModeShown());
        StockCountMode *mode = inventory->countMode();
        QCOMPARE(mode->locationId(), backRoom);
        QTRY_COMPARE(focused(), static_cast<QWidget *>(mode->scanField()));

        // The lantern by its barcode: 7 expected, 9 found.
        typeAndEnter(barcode);
        QVERIFY2(mode->currentItem().has_value(), qPrintable(mode->messageText()));
        QCOMPARE(mode->currentItem()->variantId, lantern);
        QCOMPARE(mode->expectedQuantity(), 7);
        QCOMPARE(focused(), static_cast<QWidget *>(mode->countField()));
        typeAndEnter(u"9"_s);
        QVERIFY2(!mode->isShowingError(), qPrintable(mode->messageText()));
        // The rope by its SKU: 4 expected, 3 found.
        QCOMPARE(focused(), static_cast<QWidget *>(mode->scanField()));
        typeAndEnter(u"GAM-ROPE"_s);
        QVERIFY2(mode->currentItem().has_value(), qPrintable(mode->messageText()));
        QCOMPARE(mode->currentItem()->variantId, rope);
        QCOMPARE(mode->expectedQuantity(), 4);
        typeAndEnter(u"3"_s);
        QVERIFY2(!mode->isShowingError(), qPrintable(mode->messageText()));
        QCOMPARE(mode->countedItems().size(), 2);

        syncNow(opened);
        if (QTest::currentTestFailed())
            return;

        // The server's levels are the counts, and its ledger shows each as a count (a set from
        // the quantity the counter was shown), not as an adjustment.
        const struct
        {
            QString variant;
            qint64 expected;
            qint64 counted;
        } counts[] = {{lantern, 7, 9}, {rope, 4, 3}};
        ShopStore &local = *opened.app.session->store();
        for (const auto &count : counts) {
            const QJsonObject level = m_world.level(shop.id, shop.token, count.variant, backRoom);
            QCOMPARE(level.value(u"on_hand").toInteger(), count.counted);
            const QJsonArray ledger = m_world.listAll(shop.id, shop.token, u"/ledger"_s, u"variant_id="_s + count.variant);
            QVERIFY2(m_world.error.isEmpty(), qPrintable(m_world.error));
            const QJsonObject entry = findIn(ledger, u"reason"_s, u"cycle_count"_s);
            QVERIFY2(!entry.isEmpty(), QJsonDocument(ledger).toJson().constData());
            QCOMPARE(entry.value(u"location_id").toString(), backRoom);
            QCOMPARE(entry.value(u"delta").toInteger(), count.counted - count.expected);
            QCOMPARE(entry.value(u"quantity_after").toInteger(), count.counted);

            // The shop file holds what the server holds: the level and the count's ledger entry.
            const QByteArray levelSql = "SELECT on_hand FROM inventory_levels WHERE variant_id = '"
                + count.variant.toUtf8() + "' AND location_id = '" + backRoom.toUtf8() + "'";
            QCOMPARE(sqlCount(local, levelSql), level.value(u"on_hand").toInteger());
            QCOMPARE(sqlCount(local, "SELECT committed FROM inventory_levels WHERE variant_id = '"
                                         + count.variant.toUtf8() + "' AND location_id = '" + backRoom.toUtf8() + "'"),
                     level.value(u"committed").toInteger());
            QTRY_COMPARE(sqlCount(local, "SELECT count(*) FROM inventory_ledger WHERE id = '"
                                             + entry.value(u"id").toString().toUtf8() + "' AND quantity_after = "
                                             + QByteArray::number(count.counted) + " AND reason = 'cycle_count'"),
                         1);
        }

        // Escape leaves count mode; the list shows the counts, no longer waiting for the server.
        press(Qt::Key_Escape);
        QVERIFY(!inventory->isCountModeShown());
        QTRY_COMPARE(inventory->model()->rowCount(), 2);
        InventoryLevelModel *levels = inventory->model();
        for (int row = 0; row < 2; ++row) {
            const QString variantId = levels->index(row, 0).data(InventoryLevelModel::VariantIdRole).toString();
            QVERIFY(variantId == lantern || variantId == rope);
            QTRY_COMPARE(levels->index(row, InventoryLevelModel::OnHandColumn).data().toString(),
                         variantId == lantern ? u"9"_s : u"3"_s);
            QTRY_VERIFY(!levels->index(row, 0).data(InventoryLevelModel::UnsyncedRole).toBool());
        }
    }

    // A guest's storefront order, shipped on the server, synced down, refunded by line with
    // restock in the window with the keyboard, synced up: the server records the refund and the
    // returned unit is back on hand.
    void refundAnOrderThroughTheServer()
    {
        ServerShop shop = createGusShop(u"Delta Orders"_s);
        const QString shelf = sk::test::newUuid();
        const QString mug = sk::test::newUuid();
        const QString tea = sk::test::newUuid();
        QVERIFY(seed(shop, u"location.create"_s, SyncTestWorld::locationArgs(shelf, u"Shop floor"_s)));
        QVERIFY(seed(shop, u"product.create"_s,
                     SyncTestWorld::productArgs(sk::test::newUuid(), u"mug"_s, mug, u"DEL-MUG"_s, 1250)));
        QVERIFY(seed(shop, u"product.create"_s,
                     SyncTestWorld::productArgs(sk::test::newUuid(), u"tea"_s, tea, u"DEL-TEA"_s, 800)));
        QVERIFY(seed(shop, u"inventory.adjust"_s, SyncTestWorld::adjustArgs(mug, shelf, 10)));
        QVERIFY(seed(shop, u"inventory.adjust"_s, SyncTestWorld::adjustArgs(tea, shelf, 10)));
        const QJsonObject checkout{
            {u"lines"_s, QJsonArray{QJsonObject{{u"sku"_s, u"DEL-MUG"_s}, {u"quantity"_s, 2}},
                                    QJsonObject{{u"sku"_s, u"DEL-TEA"_s}, {u"quantity"_s, 1}}}},
            {u"email"_s, u"walk-in@guest.test"_s},
            {u"customer_name"_s, u"Wanda Guest"_s},
            {u"location_id"_s, shelf},
            {u"gateway"_s, u"manual"_s},
            {u"paid"_s, true}};
        const sk::test::HttpResult placed =
            m_world.http->post(SyncTestWorld::shopPath(shop.id, u"/orders"_s), checkout, shop.token);
        QVERIFY2(placed.status == 201, placed.body.constData());
        const QString orderId = placed.json.value(u"id").toString();
        QCOMPARE(placed.json.value(u"total").toInteger(), 2 * 1250 + 800);
        QJsonArray shipped;
        QString mugLine;
        for (const QJsonValue &line : placed.json.value(u"lines").toArray()) {
            const QJsonObject o = line.toObject();
            shipped.append(QJsonObject{{u"order_line_id"_s, o.value(u"id")}, {u"quantity"_s, o.value(u"quantity")}});
            if (o.value(u"sku").toString() == u"DEL-MUG")
                mugLine = o.value(u"id").toString();
        }
        QVERIFY(!mugLine.isEmpty());
        QVERIFY(seed(shop, u"order.fulfil"_s,
                     {{u"order_id"_s, orderId}, {u"lines"_s, shipped}, {u"location_id"_s, shelf}}));
        QVERIFY2(m_world.error.isEmpty(), qPrintable(m_world.error));
        QCOMPARE(m_world.level(shop.id, shop.token, mug, shelf).value(u"on_hand").toInteger(), 8);

        ShopWindow opened;
        openActiveShopWindow(opened, Gus, shop.id);
        if (QTest::currentTestFailed())
            return;
        MainWindow &window = *opened.window;

        // View > Orders (Ctrl+1); the order is picked in the list, Ctrl+Shift+R refunds it.
        press(Qt::Key_1, Qt::ControlModifier);
        QCOMPARE(window.currentPage(), MainWindow::Page::Orders);
        OrdersPage *orders = window.ordersPage();
        QTRY_COMPARE(orders->model()->rowCount(), 1);
        QTableView *table = orders->table();
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {},
                          table->visualRect(orders->model()->index(0, OrderListModel::NumberColumn)).center());
        QCOMPARE(orders->currentOrderId(), orderId);
        QCOMPARE(focused(), static_cast<QWidget *>(table));
        press(Qt::Key_R, Qt::ControlModifier | Qt::ShiftModifier);
        QPointer<RefundOrderDialog> refund = window.findChild<RefundOrderDialog *>();
        QVERIFY(refund);
        QVERIFY(QTest::qWaitForWindowExposed(refund));
        refund->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(refund));
        QCOMPARE(focused(), static_cast<QWidget *>(refund->amountEdit()));

        // Back from the amount to the mug's line (Shift+Tab), one unit, then the amount it fills
        // in, the restock box (Space) and Enter.
        QSpinBox *mugBox = refund->quantities()->box(mugLine);
        QVERIFY(mugBox);
        for (int i = 0; i < 4 && focused() != mugBox; ++i)
            press(Qt::Key_Tab, Qt::ShiftModifier);
        QCOMPARE(focused(), static_cast<QWidget *>(mugBox));
        press(Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(focused(), u"1"_s);
        for (int i = 0; i < 4 && focused() != refund->amountEdit(); ++i)
            press(Qt::Key_Tab);
        QCOMPARE(focused(), static_cast<QWidget *>(refund->amountEdit()));
        QCOMPARE(refund->amount(), std::optional<qint64>(1250));
        press(Qt::Key_Tab);
        QCOMPARE(focused(), static_cast<QWidget *>(refund->restockBox()));
        press(Qt::Key_Space);
        QVERIFY(refund->restockBox()->isChecked());
        press(Qt::Key_Return);
        QTRY_VERIFY(!refund || !refund->isVisible());
        QVERIFY2(orders->errorLabel()->message().isEmpty(), qPrintable(orders->errorLabel()->message()));
        QCOMPARE(orders->model()->index(0, OrderListModel::FinancialColumn).data().toString(), u"Partially refunded"_s);

        syncNow(opened);
        if (QTest::currentTestFailed())
            return;

        // The server's order has the refund: the amount, one mug, restocked, partially refunded.
        const sk::test::HttpResult stored =
            m_world.http->get(SyncTestWorld::shopPath(shop.id, u"/orders/"_s + orderId), shop.token);
        QCOMPARE(stored.status, 200);
        QCOMPARE(stored.json.value(u"refunded_total").toInteger(), 1250);
        QCOMPARE(stored.json.value(u"financial_status").toString(), u"partially_refunded"_s);
        const QJsonArray refunds = stored.json.value(u"refunds").toArray();
        QCOMPARE(refunds.size(), 1);
        const QJsonObject refunded = refunds.first().toObject();
        QCOMPARE(refunded.value(u"amount").toInteger(), 1250);
        QVERIFY(refunded.value(u"restock").toBool());
        const QJsonArray refundedLines = refunded.value(u"lines").toArray();
        QCOMPARE(refundedLines.size(), 1);
        QCOMPARE(refundedLines.first().toObject().value(u"order_line_id").toString(), mugLine);
        QCOMPARE(refundedLines.first().toObject().value(u"quantity").toInteger(), 1);
        // The shipped mug came back on hand (a "returned" movement); the tea stayed sold.
        QCOMPARE(m_world.level(shop.id, shop.token, mug, shelf).value(u"on_hand").toInteger(), 9);
        QCOMPARE(m_world.level(shop.id, shop.token, tea, shelf).value(u"on_hand").toInteger(), 9);
        const QJsonObject returned = findIn(m_world.listAll(shop.id, shop.token, u"/ledger"_s, u"variant_id="_s + mug),
                                            u"reason"_s, u"returned"_s);
        QCOMPARE(returned.value(u"delta").toInteger(), 1);
        QCOMPARE(returned.value(u"quantity_after").toInteger(), 9);

        // The window shows the server's order, synced.
        ShopStore &local = *opened.app.session->store();
        QTRY_COMPARE(sqlCount(local, "SELECT on_hand FROM inventory_levels WHERE variant_id = '" + mug.toUtf8() + "'"), 9);
        QCOMPARE(sqlCount(local, "SELECT refunded_total FROM orders WHERE id = '" + orderId.toUtf8() + "'"), 1250);
        QCOMPARE(sqlCount(local, "SELECT count(*) FROM refunds WHERE id = '"
                                     + refunded.value(u"id").toString().toUtf8() + "' AND restock = 1"),
                 1);
        QTRY_VERIFY(!orders->model()->index(0, 0).data(OrderListModel::UnsyncedRole).toBool());
        QCOMPARE(orders->model()->index(0, OrderListModel::FinancialColumn).data().toString(), u"Partially refunded"_s);
    }

    // Last: it stops the shared server for a while (and starts it again on the same port).
    void editAProductOfflineSeeItPendingThenSynced()
    {
        ShopWindow opened;
        openAlphaWindow(opened);
        if (QTest::currentTestFailed())
            return;
        SignedIn &app = opened.app;
        ShopSession &session = *app.session;
        MainWindow &window = *opened.window;
        QSignalSpy &synced = *opened.synced;
        SyncStatusWidget *status = window.syncStatusWidget();
        QVERIFY(status);

        const quint16 port = m_world.server.port();
        m_world.server.stop(); // offline from here on
        ShopEditor editor(*session.store());
        auto variant = editor.variantIdForSku(u"ALPHA-1"_s);
        SK_VERIFY_OK(variant);
        const QString productId = sqlText(*session.store(), "SELECT product_id FROM variants WHERE sku = 'ALPHA-1'");
        const qint64 newPrice = sqlCount(*session.store(), "SELECT price FROM variants WHERE sku = 'ALPHA-1'") + 111;

        // Global search's "open" brings up the editor; the price is typed, Save pressed.
        QString saved;
        QTimer::singleShot(0, this, [&] {
            auto *editorDialog = qobject_cast<ProductEditorDialog *>(QApplication::activeModalWidget());
            if (!editorDialog)
                return;
            VariantGridModel *grid = editorDialog->variantModel();
            grid->setData(grid->index(0, VariantGridModel::PriceColumn), grid->moneyText(newPrice), Qt::EditRole);
            editorDialog->saveButton()->click();
            saved = editorDialog->errorText().isEmpty() ? u"saved"_s : editorDialog->errorText();
        });
        window.openRecord({u"product"_s, productId});
        QCOMPARE(saved, u"saved"_s);
        QCOMPARE(session.pendingEdits().valueOr(-1), 1);
        const auto productRowUnsynced = [&] {
            ProductListModel *model = window.productModel();
            for (int row = 0; row < model->rowCount(); ++row) {
                if (model->data(model->index(row, 0), ProductListModel::IdRole).toString() == productId)
                    return model->data(model->index(row, 0), ProductListModel::UnsyncedRole).toBool();
            }
            return false;
        };
        QVERIFY(productRowUnsynced()); // the list marks it
        // Nothing blocks: the indicator says one change waits, and the sync it asks for fails quietly.
        QTRY_VERIFY2_WITH_TIMEOUT(status->summaryText().contains(u'1'), qPrintable(status->summaryText()), 20000);

        QVERIFY(m_world.server.start({u"--listen"_s, u"127.0.0.1:%1"_s.arg(port)}));
        QCOMPARE(m_world.server.port(), port);
        const int before = int(synced.count());
        status->click(); // sync now
        QTRY_VERIFY_WITH_TIMEOUT(synced.count() > before && session.pendingEdits().valueOr(-1) == 0, 60000);
        const QString token = m_world.apiToken(m_alpha, u"owner"_s);
        const QJsonArray variants = m_world.listAll(m_alpha, token, u"/variants"_s);
        QCOMPARE(variants.size(), 1);
        QCOMPARE(variants.first().toObject().value(u"price"_s).toInteger(), newPrice);
        QTRY_VERIFY2(!status->summaryText().contains(u'1'), qPrintable(status->summaryText()));
        QTRY_VERIFY(!productRowUnsynced());
    }
};

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"
