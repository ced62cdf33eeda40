// Pictures of every main screen at scale factors 1 and 2 in <build>/screenshots/, for review
// and release notes, each checked not to be blank (a widget that failed to lay out or paint
// leaves one flat colour).

#include "auth/authsession.h"
#include "auth/secretstore.h"
#include "auth/shoppickerdialog.h"
#include "auth/signindialog.h"
#include "common/storelistmodel.h"
#include "demo/demogenerator.h"
#include "demo/storedemosink.h"
#include "mainwindow.h"
#include "search/globalsearchdialog.h"
#include "sync/pendingeditsdialog.h"
#include "testsupport.h"

#include <QDir>
#include <QImage>
#include <QLineEdit>
#include <QListWidget>
#include <QPainter>
#include <QSet>
#include <QTest>

using namespace sk;

namespace {

// Distinct colours on a coarse grid: a blank or unpainted picture has one or two.
int distinctColours(const QImage &image)
{
    QSet<QRgb> colours;
    const int stepX = std::max(1, image.width() / 97);
    const int stepY = std::max(1, image.height() / 89);
    for (int y = 0; y < image.height(); y += stepY) {
        for (int x = 0; x < image.width(); x += stepX)
            colours.insert(image.pixel(x, y));
    }
    return int(colours.size());
}

} // namespace

class tst_Screenshots : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        m_dir = QDir(test::binaryDir()).filePath(QStringLiteral("screenshots"));
        QVERIFY(QDir().mkpath(m_dir));
        m_temp = test::makeTempStore();
        DemoOptions options;
        options.scale = DemoScale::Small;
        options.endDate = QDate(2026, 11, 20);
        StoreDemoSink sink(*m_temp->store);
        SK_VERIFY_OK(DemoGenerator(options).generate(sink));
    }

    void mainWindowPages_data()
    {
        QTest::addColumn<int>("page");
        QTest::addColumn<QString>("name");
        QTest::newRow("orders") << int(MainWindow::Page::Orders) << QStringLiteral("orders");
        QTest::newRow("products") << int(MainWindow::Page::Products) << QStringLiteral("products");
        QTest::newRow("inventory") << int(MainWindow::Page::Inventory) << QStringLiteral("inventory");
        QTest::newRow("customers") << int(MainWindow::Page::Customers) << QStringLiteral("customers");
        QTest::newRow("sync-issues") << int(MainWindow::Page::SyncIssues) << QStringLiteral("sync-issues");
    }

    void mainWindowPages()
    {
        QFETCH(int, page);
        QFETCH(QString, name);
        MainWindow window(*m_temp->store);
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.showPage(MainWindow::Page(page));
        QCoreApplication::processEvents();
        for (const StoreListModel *model : window.findChildren<StoreListModel *>())
            QTRY_VERIFY(!model->isLoading()); // lists read their rows on a worker
        shoot(&window, QStringLiteral("main-") + name);
    }

    void signIn()
    {
        MemorySecretStore secrets;
        AuthSession auth(secrets);
        SignInDialog dialog(auth);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        shoot(&dialog, QStringLiteral("sign-in"));
    }

    void shopPicker()
    {
        const ShopMembership a{QStringLiteral("shop-a"), QStringLiteral("Outfitters"), QStringLiteral("owner"),
                               QStringLiteral("EUR"), QStringLiteral("Europe/Paris"), QStringLiteral("fr-FR")};
        const ShopMembership b{QStringLiteral("shop-b"), QStringLiteral("Hardware"), QStringLiteral("staff"),
                               QStringLiteral("USD"), QStringLiteral("America/Chicago"), QStringLiteral("en-US")};
        ShopPickerDialog dialog({a, b});
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        shoot(&dialog, QStringLiteral("shop-picker"));
    }

    void pendingEdits()
    {
        PendingEditsDialog dialog(3, QStringLiteral("Outfitters"), QStringLiteral("sign out"));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        shoot(&dialog, QStringLiteral("pending-edits"));
    }

    void globalSearch()
    {
        GlobalSearchDialog dialog(*m_temp->store);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QTest::keyClicks(dialog.searchField(), QStringLiteral("sh"));
        QTRY_VERIFY(dialog.results()->count() > 0);
        shoot(&dialog, QStringLiteral("search"));
    }

private:
    // Scale 1 through grab(); scale 2 renders the same widget into an image of twice the
    // device pixel ratio, as a 200% screen would.
    void shoot(QWidget *widget, const QString &name)
    {
        for (int scale : {1, 2}) {
            QImage image;
            if (scale == 1) {
                image = widget->grab().toImage();
            } else {
                image = QImage(widget->size() * scale, QImage::Format_ARGB32_Premultiplied);
                image.setDevicePixelRatio(scale);
                image.fill(Qt::transparent);
                QPainter painter(&image);
                widget->render(&painter);
            }
            const QString file = QDir(m_dir).filePath(QStringLiteral("%1@%2x.png").arg(name).arg(scale));
            QVERIFY2(!image.isNull(), qPrintable(file));
            QCOMPARE(image.width(), widget->width() * scale);
            QVERIFY2(distinctColours(image) >= 8, qPrintable(QStringLiteral("%1 looks blank").arg(file)));
            QVERIFY2(image.save(file, "PNG"), qPrintable(file));
        }
    }

    QString m_dir;
    std::unique_ptr<test::TempStore> m_temp;
};

QTEST_MAIN(tst_Screenshots)
#include "tst_screenshots.moc"
