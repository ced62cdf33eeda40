#include "demo/demogenerator.h"
#include "demo/storedemosink.h"
#include "storage/globalsearch.h"
#include "storage/shopstore.h"
#include "testsupport.h"

#include <QTest>

using namespace sk;

class tst_GlobalSearch : public QObject
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
        auto reader = m_temp->store->openReader();
        SK_VERIFY_OK(reader);
        m_db = std::move(*reader);
    }

    void findsAProductBySkuAndBarcode()
    {
        const auto variant = row("SELECT v.sku, v.barcode, v.product_id, p.title FROM variants v "
                                 "JOIN products p ON p.id = v.product_id WHERE v.sku IS NOT NULL AND v.barcode IS NOT NULL "
                                 "ORDER BY v.rid LIMIT 1");
        for (const QString &text : {variant[0], variant[1]}) {
            auto hits = GlobalSearch(*m_db).find(text);
            SK_VERIFY_OK(hits);
            QVERIFY2(!hits->isEmpty(), qPrintable(text));
            const GlobalSearchHit &first = hits->first();
            QCOMPARE(first.kind, GlobalSearchHit::Kind::Product);
            QCOMPARE(first.id, variant[2]);
            QCOMPARE(first.title, variant[3]);
            QVERIFY(first.subtitle.contains(variant[0]));
        }
    }

    void listsEachProductOnceWhateverItsVariants()
    {
        const QString title = row("SELECT p.title FROM products p WHERE (SELECT count(*) FROM variants v "
                                  "WHERE v.product_id = p.id) > 2 LIMIT 1")[0];
        auto hits = GlobalSearch(*m_db).find(title, 50);
        SK_VERIFY_OK(hits);
        QSet<QString> products;
        for (const GlobalSearchHit &hit : std::as_const(*hits)) {
            if (hit.kind == GlobalSearchHit::Kind::Product) {
                QVERIFY2(!products.contains(hit.id), qPrintable(hit.title));
                products.insert(hit.id);
            }
        }
        QVERIFY(!products.isEmpty());
    }

    void anOrderNumberPutsThatOrderFirst()
    {
        const auto order = row("SELECT id, number FROM orders ORDER BY rid DESC LIMIT 1");
        for (const QString &text : {order[1], QStringLiteral("#") + order[1]}) {
            auto hits = GlobalSearch(*m_db).find(text);
            SK_VERIFY_OK(hits);
            QVERIFY(!hits->isEmpty());
            QCOMPARE(hits->first().kind, GlobalSearchHit::Kind::Order);
            QCOMPARE(hits->first().id, order[0]);
            QCOMPARE(hits->first().title, QStringLiteral("#") + order[1]);
        }
    }

    void findsACustomerByEmailAndName()
    {
        const auto customer = row("SELECT id, email, last_name FROM customers WHERE email IS NOT NULL LIMIT 1");
        auto byEmail = GlobalSearch(*m_db).find(customer[1]);
        SK_VERIFY_OK(byEmail);
        const auto isCustomer = [&](const GlobalSearchHit &h) {
            return h.kind == GlobalSearchHit::Kind::Customer && h.id == customer[0];
        };
        QVERIFY(std::any_of(byEmail->cbegin(), byEmail->cend(), isCustomer));
        auto byName = GlobalSearch(*m_db).find(customer[2], 50);
        SK_VERIFY_OK(byName);
        QVERIFY(std::any_of(byName->cbegin(), byName->cend(), [](const GlobalSearchHit &h) {
            return h.kind == GlobalSearchHit::Kind::Customer;
        }));
    }

    void nothingTypedFindsNothingAndOddInputIsText()
    {
        auto empty = GlobalSearch(*m_db).find(QStringLiteral("   "));
        SK_VERIFY_OK(empty);
        QVERIFY(empty->isEmpty());
        // FTS syntax typed by a person is matched as text, never an error.
        auto odd = GlobalSearch(*m_db).find(QStringLiteral("\"AND OR* NEAR( title:"));
        SK_VERIFY_OK(odd);
    }

private:
    QStringList row(const char *sql)
    {
        auto stmt = m_db->prepare(sql);
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
    std::unique_ptr<SqliteDatabase> m_db;
};

QTEST_GUILESS_MAIN(tst_GlobalSearch)
#include "tst_globalsearch.moc"
