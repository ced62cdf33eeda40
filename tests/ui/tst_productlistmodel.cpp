#include "money/currency.h"
#include "money/money.h"
#include "local/shopeditor.h"
#include "products/productlistmodel.h"
#include "storage/productrepository.h"
#include "storage/shopstore.h"
#include "storage/sqlitedatabase.h"
#include "testsupport.h"
#include "demoshop.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QSignalSpy>
#include <QFont>
#include <QTest>
#include <QThreadPool>
#include <QTimeZone>

using namespace sk;
using namespace Qt::StringLiterals;

namespace {

// A filtered list reads its rids on a worker: waits until they are in.
bool waitForFilter(const ProductListModel &model)
{
    return QTest::qWaitFor([&] { return !model.isLoading(); }, 10'000);
}

constexpr int kProducts = 700; // nearly three pages
const qint64 kBaseTime = 1'700'000'000'000; // 2023-11-14 UTC

QString productId(int i)
{
    return u"00000000-0000-7000-8000-%1"_s.arg(i, 12, 10, QLatin1Char('0'));
}

ProductStatus statusOf(int i)
{
    return i % 5 == 0 ? ProductStatus::Archived : (i % 3 == 0 ? ProductStatus::Draft : ProductStatus::Active);
}

// Titles in an order unrelated to insertion (and so to rid), mixed case, unique ignoring case.
QString titleOf(int i)
{
    static const char *const words[] = {"alpine", "Canvas", "denim", "Everyday", "fleece", "Garden", "harbor", "Linen"};
    const int scrambled = (i * 389) % kProducts;
    return u"%1 %2 #%3"_s.arg(QString::fromLatin1(words[scrambled % 8]), i % 2 ? u"Jacket"_s : u"tote"_s)
        .arg(scrambled, 4, 10, QLatin1Char('0'));
}

QStringList sqlColumn(SqliteDatabase &db, const QByteArray &sql)
{
    QStringList out;
    auto stmt = db.prepare(sql);
    if (!stmt.ok())
        return {u"SQL error: "_s + stmt.error().toString()};
    while (stmt->step().valueOr(false))
        out << stmt->text(0);
    return out;
}

QStringList modelColumn(const QAbstractItemModel &model, int column)
{
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row)
        out << model.data(model.index(row, column)).toString();
    return out;
}

} // namespace

class tst_ProductListModel : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::TempStore> m_temp;
    std::unique_ptr<SqliteDatabase> m_sql; // for the expected answers

private slots:
    void initTestCase()
    {
        m_temp = test::makeTempStore();
        QVERIFY(m_temp);
        auto filled = m_temp->store->write([](SqliteDatabase &db) -> Result<void> {
            SK_TRY(db.exec("INSERT INTO shop_settings (singleton, shop_id, name, currency, time_zone, locale, "
                           "oversell_policy, updated_at) VALUES (1, 'shop-test', 'Test Outfitters', 'EUR', "
                           "'Europe/Paris', 'fr-FR', 'allow', 0)"));
            ProductRepository repo(db);
            for (int i = 0; i < kProducts; ++i) {
                Product p;
                p.id = productId(i);
                p.title = titleOf(i);
                p.handle = u"product-%1"_s.arg(i);
                p.vendor = i % 4 == 0 ? u"Northwind"_s : u"Contoso"_s;
                p.tags = i % 7 == 0 ? u"sale, summer"_s : u"summer"_s;
                p.status = statusOf(i);
                p.createdAt = kBaseTime;
                p.updatedAt = kBaseTime + qint64((i * 7919) % kProducts) * 60'000;
                SK_TRY(repo.upsertProduct(p));
                for (int v = 0; v < 1 + i % 3; ++v) {
                    Variant variant;
                    variant.id = u"00000000-0000-7000-9000-%1"_s.arg(i * 10 + v, 12, 10, QLatin1Char('0'));
                    variant.productId = p.id;
                    variant.position = v + 1;
                    variant.sku = u"SKU-%1-%2"_s.arg(i).arg(v);
                    variant.price = 1000 + i * 10 + v * 250;
                    variant.createdAt = kBaseTime;
                    variant.updatedAt = kBaseTime;
                    SK_TRY(repo.upsertVariant(variant));
                }
            }
            return {};
        });
        SK_VERIFY_OK(filled);
        auto reader = m_temp->store->openReader();
        SK_VERIFY_OK(reader);
        m_sql = std::move(reader).value();
    }

    void cleanupTestCase()
    {
        m_sql.reset();
        m_temp.reset();
    }

    void passesTheModelTester()
    {
        ProductListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        SK_VERIFY_OK(model.open(*m_temp->store));
        model.sort(ProductListModel::UpdatedColumn, Qt::DescendingOrder);
        model.setStatusFilter(ProductStatus::Draft);
        QVERIFY(waitForFilter(model));
        QVERIFY(model.rowCount() > 0);
        model.setTagFilter(u"sale"_s); // drops the draft read, runs the draft-and-sale one
        model.setStatusFilter(std::nullopt);
        QVERIFY(waitForFilter(model));
        QVERIFY(model.rowCount() > 0);
        model.setTagFilter({});
        QVERIFY(model.rowCount() > 0);
    }

    void showsEveryProductWithRowsAtBothEnds()
    {
        ProductListModel model;
        SK_VERIFY_OK(model.open(*m_temp->store));
        QCOMPARE(model.rowCount(), kProducts);
        QCOMPARE(model.columnCount(), 7);
        QCOMPARE(model.shopSettings().name, u"Test Outfitters"_s);
        QCOMPARE(model.shopSettings().currency, u"EUR"_s);

        const QStringList titles =
            sqlColumn(*m_sql, "SELECT title FROM products ORDER BY title COLLATE NOCASE, rid");
        QCOMPARE(model.data(model.index(0, ProductListModel::TitleColumn)).toString(), titles.first());
        QCOMPARE(model.data(model.index(kProducts - 1, ProductListModel::TitleColumn)).toString(), titles.last());

        // The last row in full, against what the database and the money/time rules say.
        const int last = kProducts - 1;
        const QString id = model.data(model.index(last, 0), ProductListModel::IdRole).toString();
        const int i = id.right(12).toInt();
        QCOMPARE(titleOf(i), titles.last());
        const QLocale fr(u"fr_FR"_s);
        const Currency eur = Currency::fromCode(u"EUR").value();
        const qint64 minPrice = 1000 + i * 10;
        const qint64 maxPrice = minPrice + (i % 3) * 250;
        const QString expectedPrice = minPrice == maxPrice
            ? Money(minPrice, eur).format(fr)
            : u"%1 – %2"_s.arg(Money(minPrice, eur).format(fr), Money(maxPrice, eur).format(fr));
        auto cell = [&](int column) { return model.data(model.index(last, column)).toString(); };
        QCOMPARE(cell(ProductListModel::PriceColumn), expectedPrice);
        QVERIFY2(cell(ProductListModel::PriceColumn).contains(u"€"_s), qPrintable(cell(ProductListModel::PriceColumn)));
        QCOMPARE(cell(ProductListModel::VariantsColumn), QString::number(1 + i % 3));
        QCOMPARE(cell(ProductListModel::VendorColumn), i % 4 == 0 ? u"Northwind"_s : u"Contoso"_s);
        QCOMPARE(cell(ProductListModel::StatusColumn), ProductListModel::statusText(statusOf(i)));
        QCOMPARE(cell(ProductListModel::OnHandColumn), u"0"_s);
        const qint64 updated = kBaseTime + qint64((i * 7919) % kProducts) * 60'000;
        const QDateTime paris = QDateTime::fromMSecsSinceEpoch(updated, QTimeZone("Europe/Paris"));
        QCOMPARE(cell(ProductListModel::UpdatedColumn), fr.toString(paris, QLocale::ShortFormat));
        QCOMPARE(model.data(model.index(last, 0), Qt::TextAlignmentRole).value<Qt::Alignment>() & Qt::AlignLeft,
                 Qt::AlignLeft);
        QCOMPARE(model.data(model.index(last, ProductListModel::PriceColumn), Qt::TextAlignmentRole)
                         .value<Qt::Alignment>() & Qt::AlignRight,
                 Qt::AlignRight);
    }

    void sortsByTitleBothWaysLikeSql()
    {
        ProductListModel model;
        SK_VERIFY_OK(model.open(*m_temp->store));
        QCOMPARE(modelColumn(model, ProductListModel::TitleColumn),
                 sqlColumn(*m_sql, "SELECT title FROM products ORDER BY title COLLATE NOCASE, rid"));

        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.sort(ProductListModel::TitleColumn, Qt::DescendingOrder);
        QCOMPARE(reset.size(), 1);
        QCOMPARE(model.sortOrder(), Qt::DescendingOrder);
        QCOMPARE(modelColumn(model, ProductListModel::TitleColumn),
                 sqlColumn(*m_sql, "SELECT title FROM products ORDER BY title COLLATE NOCASE DESC, rid DESC"));

        model.sort(ProductListModel::TitleColumn, Qt::AscendingOrder);
        QCOMPARE(modelColumn(model, ProductListModel::TitleColumn).first(),
                 sqlColumn(*m_sql, "SELECT title FROM products ORDER BY title COLLATE NOCASE, rid").first());
    }

    void sortsByUpdatedAndIgnoresUnsortableColumns()
    {
        ProductListModel model;
        SK_VERIFY_OK(model.open(*m_temp->store));
        model.sort(ProductListModel::UpdatedColumn, Qt::DescendingOrder);
        QCOMPARE(model.sortColumn(), int(ProductListModel::UpdatedColumn));
        QCOMPARE(modelColumn(model, ProductListModel::TitleColumn),
                 sqlColumn(*m_sql, "SELECT title FROM products ORDER BY updated_at DESC, rid DESC"));

        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.sort(ProductListModel::VendorColumn, Qt::AscendingOrder); // no index: ignored
        QCOMPARE(reset.size(), 0);
        QCOMPARE(model.sortColumn(), int(ProductListModel::UpdatedColumn));
    }

    void filtersByStatusVendorAndTagInSql()
    {
        ProductListModel model;
        SK_VERIFY_OK(model.open(*m_temp->store));

        model.setStatusFilter(ProductStatus::Archived);
        QVERIFY(waitForFilter(model));
        const QStringList archived =
            sqlColumn(*m_sql, "SELECT title FROM products WHERE status = 'archived' ORDER BY title COLLATE NOCASE, rid");
        QVERIFY(!archived.isEmpty());
        QCOMPARE(modelColumn(model, ProductListModel::TitleColumn), archived);
        const QStringList statuses = modelColumn(model, ProductListModel::StatusColumn);
        QVERIFY(std::all_of(statuses.cbegin(), statuses.cend(),
                            [](const QString &s) { return s == ProductListModel::statusText(ProductStatus::Archived); }));

        model.setVendorFilter(u"northwind"_s); // case-insensitive, combined with the status
        QVERIFY(waitForFilter(model));
        QCOMPARE(model.rowCount(),
                 sqlColumn(*m_sql, "SELECT count(*) FROM products WHERE status = 'archived' AND vendor = 'Northwind'")
                     .first()
                     .toInt());

        ProductFilter tagOnly;
        tagOnly.tag = u"sale"_s;
        model.setFilter(tagOnly);
        QVERIFY(waitForFilter(model));
        QCOMPARE(model.rowCount(), (kProducts + 6) / 7);

        model.setFilter({});
        QCOMPARE(model.rowCount(), kProducts);
    }

    // A filter's rids are read on a pool thread: setting it returns at once, the list is empty
    // and loading meanwhile, and a newer filter's rows replace an older one's, never the reverse.
    void readsAFilterOffTheUiThread()
    {
        ProductListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        SK_VERIFY_OK(model.open(*m_temp->store));
        QCOMPARE(model.rowCount(), kProducts);
        QSignalSpy loading(&model, &ProductListModel::loadingChanged);
        QSignalSpy loaded(&model, &ProductListModel::loaded);
        {
            test::BusyPool busy; // every pool thread taken: no read can start yet
            QVERIFY(busy.isBusy());
            model.setStatusFilter(ProductStatus::Archived);
            QVERIFY(model.isLoading());
            QCOMPARE(model.rowCount(), 0);
            QCOMPARE(loading.size(), 1);
            model.setTagFilter(u"sale"_s); // the newer filter: archived and on sale
            QTest::qWait(50); // the UI thread runs on
            QVERIFY(model.isLoading());
            QCOMPARE(loaded.size(), 0);
        }
        QVERIFY(waitForFilter(model));
        QCOMPARE(loaded.size(), 1);
        QCOMPARE(loading.size(), 2);
        ProductFilter both;
        both.status = ProductStatus::Archived;
        both.tag = u"sale"_s;
        const auto expected = ProductRepository(*m_sql).productRids(both, ProductSort::Title, SortOrder::Ascending);
        SK_VERIFY_OK(expected);
        QVERIFY(!expected->isEmpty());
        QCOMPARE(model.rowCount(), int(expected->size()));
        for (int row = 0; row < model.rowCount(); ++row)
            QCOMPARE(model.ridAt(row), expected->at(row));

        // Back to the whole list while a filter reads: the read is dropped.
        model.setVendorFilter(u"northwind"_s);
        model.setFilter({});
        QVERIFY(!model.isLoading());
        QCOMPARE(model.rowCount(), kProducts);
        QTest::qWait(100);
        QCOMPARE(model.rowCount(), kProducts);
    }

    // A model closed while its filter is still to be read: the read finds nobody, harmlessly.
    void outlivesNoReadItStarted()
    {
        test::BusyPool busy;
        QVERIFY(busy.isBusy());
        {
            ProductListModel model;
            SK_VERIFY_OK(model.open(*m_temp->store));
            model.setTagFilter(u"sale"_s);
            QVERIFY(model.isLoading());
        }
        busy.release();
        QVERIFY(QThreadPool::globalInstance()->waitForDone(10'000));
        QCoreApplication::processEvents();
    }

    void readsOnlyThePagesItShows()
    {
        ProductListModel model;
        SK_VERIFY_OK(model.open(*m_temp->store));
        QCOMPARE(model.pageFetchCount(), 0); // loading the rids reads no rows
        for (int row = 0; row < 60; ++row) {
            for (int column = 0; column < model.columnCount(); ++column)
                QVERIFY(!model.data(model.index(row, column)).isNull() || column == ProductListModel::VendorColumn);
        }
        QCOMPARE(model.pageFetchCount(), 1);

        // Jumping to the end reads the last page only, and the top is still cached.
        QVERIFY(!model.data(model.index(kProducts - 1, 0)).toString().isEmpty());
        QCOMPARE(model.pageFetchCount(), 2);
        QVERIFY(!model.data(model.index(3, 0)).toString().isEmpty());
        QCOMPARE(model.pageFetchCount(), 2);
    }

    void marksAProductWithAnUnsyncedEdit()
    {
        ProductListModel model;
        SK_VERIFY_OK(model.open(*m_temp->store));
        const QString productId = model.data(model.index(4, 0), ProductListModel::IdRole).toString();
        QVERIFY(!model.data(model.index(4, 0), ProductListModel::UnsyncedRole).toBool());
        QString variantId;
        {
            auto reader = m_temp->store->openReader();
            SK_VERIFY_OK(reader);
            auto stmt = (*reader)->prepare("SELECT id FROM variants WHERE product_id = ?1 LIMIT 1");
            SK_VERIFY_OK(stmt);
            stmt->bind(1, productId);
            QVERIFY(stmt->step().valueOr(false));
            variantId = stmt->text(0);
        }
        SK_VERIFY_OK(ShopEditor(*m_temp->store).setVariantPrice(variantId, 4321));
        SK_VERIFY_OK(model.reload());
        int row = -1;
        for (int r = 0; r < model.rowCount() && row < 0; ++r) {
            if (model.data(model.index(r, 0), ProductListModel::IdRole).toString() == productId)
                row = r;
        }
        QVERIFY(row >= 0);
        QVERIFY(model.data(model.index(row, 0), ProductListModel::UnsyncedRole).toBool());
        QVERIFY(model.data(model.index(row, 0), Qt::FontRole).value<QFont>().italic());
        QVERIFY(model.data(model.index(row, 0), Qt::ToolTipRole).toString().contains(u"Not synced"_s));
        QVERIFY(!model.data(model.index(row == 0 ? 1 : 0, 0), ProductListModel::UnsyncedRole).toBool());
    }

    void readsTheWholeListAfterItsFirstWindow()
    {
        ProductListModel model;
        SK_VERIFY_OK(model.open(*m_temp->store));
        // The count is known at once; only the first window's rids are read before the paint.
        QCOMPARE(model.rowCount(), kProducts);
        QVERIFY2(model.ridsRead() < kProducts, qPrintable(QString::number(model.ridsRead())));
        // A row past them is read when asked for (a jump to the end) ...
        QVERIFY(!model.data(model.index(kProducts - 1, 0)).toString().isEmpty());
        QCOMPARE(model.ridsRead(), qsizetype(kProducts));

        // ... or the rest arrives between events, in the same order a full read gives.
        ProductListModel lazy;
        SK_VERIFY_OK(lazy.open(*m_temp->store));
        QTRY_COMPARE(lazy.ridsRead(), qsizetype(kProducts));
        lazy.setTagFilter(u"no-such-tag-here"_s);
        lazy.setTagFilter(QString());
        for (int row = 0; row < kProducts; row += 97)
            QCOMPARE(lazy.ridAt(row), model.ridAt(row));

        // A filtered list is read whole: its count would cost as much.
        model.setStatusFilter(ProductStatus::Active);
        QVERIFY(waitForFilter(model));
        QCOMPARE(model.ridsRead(), qsizetype(model.rowCount()));
    }

    void keepsRowsInPlaceWhenOneIsDeletedMeanwhile()
    {
        ProductListModel model;
        SK_VERIFY_OK(model.open(*m_temp->store));
        const QString second = model.data(model.index(1, 0), ProductListModel::IdRole).toString();
        const QString third = model.data(model.index(2, 0)).toString();
        QCOMPARE(model.pageFetchCount(), 1);

        // A new model on the same file sees the deletion only in its page, not in its rid list.
        ProductListModel stale;
        SK_VERIFY_OK(stale.open(*m_temp->store));
        QTRY_COMPARE(stale.ridsRead(), qsizetype(kProducts)); // until then it reads one snapshot
        SK_VERIFY_OK(m_temp->store->write([&](SqliteDatabase &db) { return ProductRepository(db).deleteProduct(second); }));
        QCOMPARE(stale.rowCount(), kProducts);
        QVERIFY(stale.data(stale.index(1, 0)).isNull());
        QCOMPARE(stale.data(stale.index(2, 0)).toString(), third);

        SK_VERIFY_OK(stale.reload());
        QCOMPARE(stale.rowCount(), kProducts - 1);
        QCOMPARE(stale.data(stale.index(1, 0)).toString(), third);
    }
};

QTEST_MAIN(tst_ProductListModel)
#include "tst_productlistmodel.moc"
