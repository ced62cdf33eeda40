#include "demo/demogenerator.h"
#include "demo/storedemosink.h"
#include "search/globalsearchdialog.h"
#include "storage/shopstore.h"
#include "testsupport.h"

#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QSignalSpy>
#include <QTest>

using namespace sk;

class tst_GlobalSearchDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        m_temp = test::makeTempStore();
        StoreDemoSink sink(*m_temp->store);
        DemoOptions options;
        options.scale = DemoScale::Small;
        options.endDate = QDate(2026, 11, 20);
        SK_VERIFY_OK(DemoGenerator(options).generate(sink));
    }

    void typingASkuAndEnterOpensItsProduct()
    {
        const QStringList variant = firstRow("SELECT sku, product_id FROM variants WHERE sku IS NOT NULL ORDER BY rid DESC LIMIT 1");
        GlobalSearchDialog dialog(*m_temp->store);
        QSignalSpy chosen(&dialog, &GlobalSearchDialog::chosen);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QTest::keyClicks(dialog.searchField(), variant[0]);
        QTRY_VERIFY(dialog.results()->count() > 0);
        QTest::keyClick(dialog.searchField(), Qt::Key_Return);
        QCOMPARE(chosen.count(), 1);
        const auto hit = chosen.first().first().value<GlobalSearchHit>();
        QCOMPARE(hit.kind, GlobalSearchHit::Kind::Product);
        QCOMPARE(hit.id, variant[1]);
        QVERIFY(!dialog.isVisible());
    }

    void arrowKeysPickAnotherHit()
    {
        const QString number = firstRow("SELECT number FROM orders ORDER BY rid LIMIT 1")[0];
        GlobalSearchDialog dialog(*m_temp->store);
        QSignalSpy chosen(&dialog, &GlobalSearchDialog::chosen);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        // A customer's first name matches several customers: the second hit is picked with Down.
        const QString name = firstRow("SELECT first_name FROM customers GROUP BY first_name HAVING count(*) > 2 LIMIT 1")[0];
        QTest::keyClicks(dialog.searchField(), name);
        QTRY_VERIFY(dialog.results()->count() > 1);
        QTest::keyClick(dialog.searchField(), Qt::Key_Down);
        QCOMPARE(dialog.results()->currentRow(), 1);
        QTest::keyClick(dialog.searchField(), Qt::Key_Up);
        QTest::keyClick(dialog.searchField(), Qt::Key_Up); // stays on the first
        QCOMPARE(dialog.results()->currentRow(), 0);
        dialog.searchField()->clear();
        QTest::keyClicks(dialog.searchField(), QStringLiteral("#") + number);
        QTest::keyClick(dialog.searchField(), Qt::Key_Return); // at once, as a scanner would
        QCOMPARE(chosen.count(), 1);
        QCOMPARE(chosen.first().first().value<GlobalSearchHit>().kind, GlobalSearchHit::Kind::Order);
    }

    void noMatchSaysSo()
    {
        GlobalSearchDialog dialog(*m_temp->store);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QTest::keyClicks(dialog.searchField(), QStringLiteral("zzqqxxnothing"));
        QTRY_VERIFY(dialog.findChild<QLabel *>() && dialog.findChild<QLabel *>()->isVisible());
        QVERIFY(dialog.findChild<QLabel *>()->text().contains(QStringLiteral("zzqqxxnothing")));
        QCOMPARE(dialog.results()->count(), 0);
        QVERIFY(!dialog.grab().isNull());
    }

private:
    QStringList firstRow(const char *sql)
    {
        auto db = m_temp->store->openReader();
        if (!db.ok())
            qFatal("no reader");
        auto stmt = (*db)->prepare(sql);
        if (!stmt.ok())
            qFatal("%s", qPrintable(stmt.error().toString()));
        auto hasRow = stmt->step();
        if (!hasRow.ok() || !*hasRow)
            qFatal("no row for %s", sql);
        QStringList values;
        for (int i = 0; i < stmt->columnCount(); ++i)
            values.append(stmt->text(i));
        return values;
    }

    std::unique_ptr<test::TempStore> m_temp;
};

QTEST_MAIN(tst_GlobalSearchDialog)
#include "tst_globalsearchdialog.moc"
