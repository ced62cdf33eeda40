#include "demo/demogenerator.h"
#include "demo/storedemosink.h"
#include "mainwindow.h"
#include "products/productlistmodel.h"
#include "storage/shopstore.h"
#include "storage/sqlitedatabase.h"
#include "syncinfo.h"
#include "testsupport.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QHeaderView>
#include <QImage>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QSet>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace sk;
using namespace Qt::StringLiterals;

class tst_MainWindow : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_settingsDir;
    std::unique_ptr<test::TempStore> m_temp;
    qint64 m_productCount = 0;

    qint64 sqlCount(const QByteArray &sql)
    {
        auto reader = m_temp->store->openReader();
        if (!reader.ok())
            return -1;
        return (*reader)->queryInt64(sql).valueOr(-1);
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
        const qint64 archived = sqlCount("SELECT count(*) FROM products WHERE status = 'archived'");
        QCOMPARE(window.productTable()->model()->rowCount(), int(archived));
        QVERIFY2(summary->text().startsWith(QLocale().toString(archived)), qPrintable(summary->text()));
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
        // An honest placeholder, not fake data.
        bool saysComingSoon = false;
        for (QLabel *label : pages->currentWidget()->findChildren<QLabel *>())
            saysComingSoon |= label->text().contains(u"coming soon"_s);
        QVERIFY(saysComingSoon);
        QDir().mkpath(test::binaryDir() + u"/screenshots"_s);
        QVERIFY(window.grab().save(test::binaryDir() + u"/screenshots/orders-coming-soon.png"_s));

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
        const QSize size(1010, 640);
        int vendorWidth = 0;
        {
            MainWindow window(*m_temp->store);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            window.resize(size);
            window.productTable()->horizontalHeader()->resizeSection(ProductListModel::VendorColumn, 177);
            window.productTable()->sortByColumn(ProductListModel::UpdatedColumn, Qt::DescendingOrder);
            vendorWidth = window.productTable()->horizontalHeader()->sectionSize(ProductListModel::VendorColumn);
            QVERIFY(window.close());
        }
        MainWindow again(*m_temp->store);
        again.show();
        QVERIFY(QTest::qWaitForWindowExposed(&again));
        QCOMPARE(again.size(), size);
        QCOMPARE(again.productTable()->horizontalHeader()->sectionSize(ProductListModel::VendorColumn), vendorWidth);
        QCOMPARE(again.productModel()->sortColumn(), int(ProductListModel::UpdatedColumn));
        QCOMPARE(again.productModel()->sortOrder(), Qt::DescendingOrder);

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
};

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"
