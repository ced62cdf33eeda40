#include "storage/inventoryrepository.h"
#include "storage/productrepository.h"
#include "storage/shoprepository.h"
#include "storagetestsupport.h"
#include "testsupport.h"

#include <QRandomGenerator>
#include <QTest>

#include <algorithm>

using namespace sk;

namespace {

QStringList hitSkus(const QList<VariantSearchHit> &hits)
{
    QStringList out;
    for (const auto &h : hits)
        out.append(h.sku);
    return out;
}

QStringList hitIds(const QList<VariantSearchHit> &hits)
{
    QStringList out;
    for (const auto &h : hits)
        out.append(h.variantId);
    return out;
}

} // namespace

class tst_ProductRepository : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TempStore> m_temp;

    ShopStore &store() { return *m_temp->store; }

    template <typename Fn>
    Result<void> write(Fn &&fn)
    {
        return store().write([&](SqliteDatabase &db) -> Result<void> {
            ProductRepository repo(db);
            return fn(repo);
        });
    }

    // All pages of a product list, checking each page's size and that `next` is set
    // exactly when more rows follow.
    QList<ProductListRow> walkProducts(ProductRepository &repo, const ProductQuery &q, int *pages = nullptr)
    {
        return test::walkPages(q, [&](const ProductQuery &x) { return repo.listProducts(x); }, pages, true);
    }

    QList<VariantListRow> walkVariants(ProductRepository &repo, const VariantQuery &q)
    {
        return test::walkPages(q, [&](const VariantQuery &x) { return repo.listVariants(x); });
    }

private slots:
    void init()
    {
        m_temp = test::makeTempStore();
        QVERIFY(m_temp);
    }
    void cleanup() { m_temp.reset(); }

    void productAndVariantRoundTripEveryField()
    {
        Product p;
        p.id = QStringLiteral("0190a1b2-0000-7000-8000-000000000001");
        p.title = QStringLiteral("Crème T-Shirt “Été” 👕");
        p.handle = QStringLiteral("creme-t-shirt");
        p.description = QStringLiteral("Line one\nLine two, with 'quotes' and \"doubles\"");
        p.vendor = QStringLiteral("Acme & Co");
        p.category = QStringLiteral("Apparel > Tops");
        p.tags = QStringLiteral("summer, Sale,cotton");
        p.status = ProductStatus::Archived;
        p.createdAt = 1'700'000'000'123;
        p.version = 42;
        p.updatedAt = 1'700'000'999'999;

        Variant v;
        v.id = QStringLiteral("0190a1b2-0000-7000-8000-0000000000a1");
        v.productId = p.id;
        v.position = 3;
        v.sku = QStringLiteral("TS-CREME-M");
        v.barcode = QStringLiteral("4006381333931");
        v.option1 = QStringLiteral("Crème");
        v.option2 = QStringLiteral("M");
        v.option3 = QStringLiteral("Slim");
        v.price = 2999;
        v.compareAtPrice = 3999;
        v.cost = 1200;
        v.weight = 180.5;
        v.weightUnit = QStringLiteral("kg");
        v.trackInventory = false;
        v.createdAt = 1'700'000'000'456;
        v.version = 7;
        v.updatedAt = 1'700'000'000'789;

        Variant bare; // every optional field empty
        bare.id = QStringLiteral("0190a1b2-0000-7000-8000-0000000000a2");
        bare.productId = p.id;
        bare.price = 0;

        SK_VERIFY_OK(write([&](ProductRepository &repo) -> Result<void> {
            SK_TRY(repo.upsertProduct(p));
            SK_TRY(repo.upsertVariant(v));
            return repo.upsertVariant(bare);
        }));

        // Read back through a reader connection, as the UI does.
        auto reader = store().openReader();
        SK_VERIFY_OK(reader);
        ProductRepository repo(**reader);
        auto got = repo.product(p.id);
        SK_VERIFY_OK(got);
        QVERIFY(got->has_value());
        const Product &g = **got;
        QCOMPARE(g.id, p.id);
        QCOMPARE(g.title, p.title);
        QCOMPARE(g.handle, p.handle);
        QCOMPARE(g.description, p.description);
        QCOMPARE(g.vendor, p.vendor);
        QCOMPARE(g.category, p.category);
        QCOMPARE(g.tags, p.tags);
        QCOMPARE(toString(g.status), toString(p.status));
        QCOMPARE(g.createdAt, p.createdAt);
        QCOMPARE(g.version, p.version);
        QCOMPARE(g.updatedAt, p.updatedAt);

        auto gv = repo.variant(v.id);
        SK_VERIFY_OK(gv);
        QVERIFY(gv->has_value());
        const Variant &w = **gv;
        QCOMPARE(w.id, v.id);
        QCOMPARE(w.productId, v.productId);
        QCOMPARE(w.position, v.position);
        QCOMPARE(w.sku, v.sku);
        QCOMPARE(w.barcode, v.barcode);
        QCOMPARE(w.option1, v.option1);
        QCOMPARE(w.option2, v.option2);
        QCOMPARE(w.option3, v.option3);
        QCOMPARE(w.price, v.price);
        QCOMPARE(w.compareAtPrice, v.compareAtPrice);
        QCOMPARE(w.cost, v.cost);
        QCOMPARE(w.weight, v.weight);
        QCOMPARE(w.weightUnit, v.weightUnit);
        QCOMPARE(w.trackInventory, v.trackInventory);
        QCOMPARE(w.createdAt, v.createdAt);
        QCOMPARE(w.version, v.version);
        QCOMPARE(w.updatedAt, v.updatedAt);

        auto gb = repo.variant(bare.id);
        SK_VERIFY_OK(gb);
        QVERIFY(gb->has_value());
        QVERIFY((*gb)->sku.isNull());
        QVERIFY((*gb)->barcode.isNull());
        QVERIFY((*gb)->option1.isEmpty());
        QCOMPARE((*gb)->compareAtPrice, std::nullopt);
        QCOMPARE((*gb)->cost, std::nullopt);
        QCOMPARE((*gb)->weight, std::nullopt);
        QCOMPARE((*gb)->weightUnit, QStringLiteral("g"));
        QCOMPARE((*gb)->trackInventory, true);

        auto bySku = repo.variantBySku(QStringLiteral("TS-CREME-M"));
        SK_VERIFY_OK(bySku);
        QVERIFY(bySku->has_value());
        QCOMPARE((*bySku)->id, v.id);
        auto byBarcode = repo.variantByBarcode(QStringLiteral("4006381333931"));
        SK_VERIFY_OK(byBarcode);
        QVERIFY(byBarcode->has_value());
        QCOMPARE((*byBarcode)->id, v.id);
        auto missing = repo.variantBySku(QStringLiteral("nope"));
        SK_VERIFY_OK(missing);
        QVERIFY(!missing->has_value());
        auto noProduct = repo.product(QStringLiteral("nope"));
        SK_VERIFY_OK(noProduct);
        QVERIFY(!noProduct->has_value());

        auto variants = repo.variantsOf(p.id);
        SK_VERIFY_OK(variants);
        QCOMPARE(variants->size(), 2);
        QCOMPARE(variants->at(0).id, bare.id); // position 1 before position 3
        QCOMPARE(variants->at(1).id, v.id);
        QVERIFY(!test::hasBusyStatement(**reader));
    }

    void upsertUpdatesInPlaceAndKeepsTheRowId()
    {
        Product p = test::makeProduct(1, QStringLiteral("Old title"));
        SK_VERIFY_OK(write([&](ProductRepository &repo) { return repo.upsertProduct(p); }));
        auto reader = store().openReader();
        SK_VERIFY_OK(reader);
        ProductRepository repo(**reader);
        auto before = repo.listProducts({});
        SK_VERIFY_OK(before);
        QCOMPARE(before->rows.size(), 1);

        p.title = QStringLiteral("New title");
        p.status = ProductStatus::Draft;
        p.version = 2;
        SK_VERIFY_OK(write([&](ProductRepository &w) { return w.upsertProduct(p); }));
        auto after = repo.listProducts({});
        SK_VERIFY_OK(after);
        QCOMPARE(after->rows.size(), 1);
        QCOMPARE(after->rows[0].rid, before->rows[0].rid);
        QCOMPARE(after->rows[0].title, QStringLiteral("New title"));
        QCOMPARE(toString(after->rows[0].status), toString(ProductStatus::Draft));
        QCOMPARE(repo.product(p.id).value()->version, qint64(2));
    }

    // A lookup must not leave its statement open: on a reader connection that would pin
    // the old snapshot, so later reads would miss new commits (and block checkpoints).
    void readsOnOneConnectionSeeLaterCommits()
    {
        Product p = test::makeProduct(1, QStringLiteral("Before"));
        Variant v = test::makeVariant(1, p.id, QStringLiteral("SKU-1"), 100);
        v.barcode = QStringLiteral("123");
        SK_VERIFY_OK(write([&](ProductRepository &repo) -> Result<void> {
            SK_TRY(repo.upsertProduct(p));
            return repo.upsertVariant(v);
        }));
        auto reader = store().openReader();
        SK_VERIFY_OK(reader);
        ProductRepository repo(**reader);
        QCOMPARE(repo.product(p.id).value()->title, QStringLiteral("Before"));
        QCOMPARE(repo.variant(v.id).value()->price, qint64(100));
        QCOMPARE(repo.variantBySku(v.sku).value()->price, qint64(100));
        QCOMPARE(repo.variantByBarcode(v.barcode).value()->price, qint64(100));
        QCOMPARE(repo.countProducts({}).value(), qint64(1));

        p.title = QStringLiteral("After");
        v.price = 200;
        SK_VERIFY_OK(write([&](ProductRepository &w) -> Result<void> {
            SK_TRY(w.upsertProduct(p));
            SK_TRY(w.upsertVariant(v));
            return w.upsertProduct(test::makeProduct(2, QStringLiteral("Second")));
        }));
        QCOMPARE(repo.listProducts({}).value().rows.size(), 2);
        QCOMPARE(repo.product(p.id).value()->title, QStringLiteral("After"));
        QCOMPARE(repo.variant(v.id).value()->price, qint64(200));
        QCOMPARE(repo.variantBySku(v.sku).value()->price, qint64(200));
        QCOMPARE(repo.variantByBarcode(v.barcode).value()->price, qint64(200));
        QCOMPARE(repo.countProducts({}).value(), qint64(2));
        QVERIFY(!test::hasBusyStatement(**reader));
    }

    void duplicateSkuGivesAClearError()
    {
        const Product p = test::makeProduct(1, QStringLiteral("Shirt"));
        const Variant a = test::makeVariant(1, p.id, QStringLiteral("SHIRT-1"), 100);
        Variant b = test::makeVariant(2, p.id, QStringLiteral("SHIRT-1"), 100);
        SK_VERIFY_OK(write([&](ProductRepository &repo) -> Result<void> {
            SK_TRY(repo.upsertProduct(p));
            return repo.upsertVariant(a);
        }));
        auto dup = write([&](ProductRepository &repo) { return repo.upsertVariant(b); });
        QVERIFY(!dup.ok());
        QCOMPARE(dup.error().code, QStringLiteral("product.duplicate_sku"));
        QVERIFY2(dup.error().message.contains(QLatin1String("SHIRT-1")), qPrintable(dup.error().message));
        QVERIFY(dup.error().detail.contains(QLatin1String("UNIQUE")));

        // Two variants without SKU are fine: empty is stored as NULL, not as a duplicate ''.
        b.sku = QStringLiteral("");
        Variant c = test::makeVariant(3, p.id, QString(), 100);
        SK_VERIFY_OK(write([&](ProductRepository &repo) -> Result<void> {
            SK_TRY(repo.upsertVariant(b));
            return repo.upsertVariant(c);
        }));

        Product other = test::makeProduct(2, QStringLiteral("Other"));
        other.handle = p.handle;
        auto dupHandle = write([&](ProductRepository &repo) { return repo.upsertProduct(other); });
        QVERIFY(!dupHandle.ok());
        QCOMPARE(dupHandle.error().code, QStringLiteral("product.duplicate_handle"));
    }

    void emptyTitleAndNegativePriceAreRefused()
    {
        Product p = test::makeProduct(1, QString());
        auto r = write([&](ProductRepository &repo) { return repo.upsertProduct(p); });
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QStringLiteral("sqlite.constraint"));
        p.title = QStringLiteral("ok");
        Variant v = test::makeVariant(1, p.id, QStringLiteral("X"), -1);
        auto r2 = write([&](ProductRepository &repo) -> Result<void> {
            SK_TRY(repo.upsertProduct(p));
            return repo.upsertVariant(v);
        });
        QVERIFY(!r2.ok());
        QCOMPARE(r2.error().code, QStringLiteral("sqlite.constraint"));
    }

    void keysetPagingWalksEveryProductOnceInOrder_data()
    {
        QTest::addColumn<int>("sort");
        QTest::addColumn<int>("order");
        QTest::newRow("title asc") << int(ProductSort::Title) << int(SortOrder::Ascending);
        QTest::newRow("title desc") << int(ProductSort::Title) << int(SortOrder::Descending);
        QTest::newRow("updated asc") << int(ProductSort::UpdatedAt) << int(SortOrder::Ascending);
        QTest::newRow("updated desc") << int(ProductSort::UpdatedAt) << int(SortOrder::Descending);
    }
    void keysetPagingWalksEveryProductOnceInOrder()
    {
        QFETCH(int, sort);
        QFETCH(int, order);
        // 320 products over 12 titles that differ only in case and 9 timestamps: many ties.
        const QStringList titles = {QStringLiteral("apple"), QStringLiteral("Apple"), QStringLiteral("APPLE pie"),
                                    QStringLiteral("banana"), QStringLiteral("Banana split"), QStringLiteral("cherry"),
                                    QStringLiteral("Date"), QStringLiteral("elder"), QStringLiteral("Fig"),
                                    QStringLiteral("grape"), QStringLiteral("Zucchini"), QStringLiteral("zucchini")};
        SK_VERIFY_OK(write([&](ProductRepository &repo) -> Result<void> {
            for (int i = 0; i < 320; ++i) {
                Product p = test::makeProduct(i, titles[(i * 7) % titles.size()]);
                p.updatedAt = 1000 + (i * 5) % 9;
                SK_TRY(repo.upsertProduct(p));
            }
            return {};
        }));
        auto reader = store().openReader();
        SK_VERIFY_OK(reader);
        ProductRepository repo(**reader);
        ProductQuery q;
        q.sort = ProductSort(sort);
        q.order = SortOrder(order);
        q.limit = 23;
        int pages = 0;
        const QList<ProductListRow> rows = walkProducts(repo, q, &pages);
        QCOMPARE(rows.size(), 320);
        QCOMPARE(pages, 14); // 13 full pages and one of 21

        QList<ProductListRow> expected = rows;
        const bool asc = SortOrder(order) == SortOrder::Ascending;
        std::sort(expected.begin(), expected.end(), [&](const ProductListRow &a, const ProductListRow &b) {
            int c = 0;
            if (ProductSort(sort) == ProductSort::Title)
                c = a.title.compare(b.title, Qt::CaseInsensitive);
            else
                c = a.updatedAt < b.updatedAt ? -1 : (a.updatedAt > b.updatedAt ? 1 : 0);
            if (c == 0)
                c = a.rid < b.rid ? -1 : 1;
            return asc ? c < 0 : c > 0;
        });
        QSet<qint64> seen;
        for (int i = 0; i < rows.size(); ++i) {
            QVERIFY2(!seen.contains(rows[i].rid), "a row came twice");
            seen.insert(rows[i].rid);
            QCOMPARE(rows[i].rid, expected[i].rid);
        }

        // The rid list for windowed models gives the same order, and rows by rid come back
        // in the order asked for.
        auto rids = repo.productRids({}, q.sort, q.order);
        SK_VERIFY_OK(rids);
        QCOMPARE(rids->size(), rows.size());
        for (int i = 0; i < rows.size(); ++i)
            QCOMPARE(rids->at(i), rows[i].rid);
        const QList<qint64> window = rids->mid(100, 30);
        auto windowRows = repo.productRowsByRid(window);
        SK_VERIFY_OK(windowRows);
        QCOMPARE(windowRows->size(), 30);
        for (int i = 0; i < 30; ++i) {
            QCOMPARE(windowRows->at(i).rid, window[i]);
            QCOMPARE(windowRows->at(i).title, rows[100 + i].title);
        }
    }

    void listRowsCarryVariantAggregates()
    {
        const Location l1 = test::makeLocation(1, QStringLiteral("Main"));
        const Location l2 = test::makeLocation(2, QStringLiteral("Backroom"));
        const Product p = test::makeProduct(1, QStringLiteral("Mug"));
        const Product empty = test::makeProduct(2, QStringLiteral("No variants"));
        SK_VERIFY_OK(store().write([&](SqliteDatabase &db) -> Result<void> {
            ShopRepository shop(db);
            SK_TRY(shop.upsertLocation(l1));
            SK_TRY(shop.upsertLocation(l2));
            ProductRepository repo(db);
            SK_TRY(repo.upsertProduct(p));
            SK_TRY(repo.upsertProduct(empty));
            SK_TRY(repo.upsertVariant(test::makeVariant(1, p.id, QStringLiteral("MUG-S"), 500)));
            SK_TRY(repo.upsertVariant(test::makeVariant(2, p.id, QStringLiteral("MUG-L"), 900)));
            SK_TRY(repo.upsertVariant(test::makeVariant(3, p.id, QStringLiteral("MUG-XL"), 700)));
            InventoryRepository inv(db);
            for (const auto &[variant, location, qty] :
                 {std::tuple{1, l1.id, 4}, std::tuple{1, l2.id, 6}, std::tuple{2, l1.id, 10}, std::tuple{3, l2.id, -3}}) {
                InventoryLevel level;
                level.variantId = test::idFor("var", variant);
                level.locationId = location;
                level.onHand = qty;
                SK_TRY(inv.upsertLevel(level));
            }
            return {};
        }));
        auto reader = store().openReader();
        SK_VERIFY_OK(reader);
        ProductRepository repo(**reader);
        auto page = repo.listProducts({});
        SK_VERIFY_OK(page);
        QCOMPARE(page->rows.size(), 2);
        const ProductListRow &mug = page->rows[0];
        QCOMPARE(mug.title, QStringLiteral("Mug"));
        QCOMPARE(mug.variantCount, 3);
        QCOMPARE(mug.minPrice, qint64(500));
        QCOMPARE(mug.maxPrice, qint64(900));
        QCOMPARE(mug.totalOnHand, qint64(4 + 6 + 10 - 3));
        const ProductListRow &none = page->rows[1];
        QCOMPARE(none.variantCount, 0);
        QCOMPARE(none.minPrice, qint64(0));
        QCOMPARE(none.totalOnHand, qint64(0));
    }

    void filtersByStatusVendorAndTag()
    {
        struct Spec
        {
            const char *title;
            ProductStatus status;
            const char *vendor;
            const char *tags;
        };
        const Spec specs[] = {
            {"A", ProductStatus::Active, "Acme", "summer, Sale"},
            {"B", ProductStatus::Active, "acme", "winter,sale"},
            {"C", ProductStatus::Draft, "ACME", "summer-sale"},
            {"D", ProductStatus::Archived, "Other", "  sale  ,old"},
            {"E", ProductStatus::Active, "Acme Corp", "wholesale"},
            {"F", ProductStatus::Active, "", ""},
        };
        SK_VERIFY_OK(write([&](ProductRepository &repo) -> Result<void> {
            int n = 0;
            for (const Spec &s : specs) {
                Product p = test::makeProduct(n++, QString::fromUtf8(s.title));
                p.status = s.status;
                p.vendor = QString::fromUtf8(s.vendor);
                p.tags = QString::fromUtf8(s.tags);
                SK_TRY(repo.upsertProduct(p));
            }
            return {};
        }));
        auto reader = store().openReader();
        SK_VERIFY_OK(reader);
        ProductRepository repo(**reader);
        const auto titles = [&](const ProductFilter &f, ProductSort sort = ProductSort::Title) {
            ProductQuery q;
            q.filter = f;
            q.sort = sort;
            QStringList out;
            for (const auto &r : walkProducts(repo, q))
                out.append(r.title);
            if (sort != ProductSort::Title)
                out.sort();
            auto count = repo.countProducts(f);
            if (!count.ok() || *count != out.size())
                out.append(QStringLiteral("<count mismatch>"));
            return out.join(QLatin1Char(','));
        };
        ProductFilter f;
        QCOMPARE(titles(f), QStringLiteral("A,B,C,D,E,F"));
        f.status = ProductStatus::Active;
        QCOMPARE(titles(f), QStringLiteral("A,B,E,F"));
        QCOMPARE(titles(f, ProductSort::UpdatedAt), QStringLiteral("A,B,E,F"));
        f = {};
        f.vendor = QStringLiteral("acme");
        QCOMPARE(titles(f), QStringLiteral("A,B,C"));
        QCOMPARE(titles(f, ProductSort::UpdatedAt), QStringLiteral("A,B,C"));
        f = {};
        f.tag = QStringLiteral("SALE");
        QCOMPARE(titles(f), QStringLiteral("A,B,D")); // not summer-sale, not wholesale
        f.tag = QStringLiteral(" summer ");
        QCOMPARE(titles(f), QStringLiteral("A"));
        f = {};
        f.status = ProductStatus::Active;
        f.vendor = QStringLiteral("ACME");
        f.tag = QStringLiteral("sale");
        QCOMPARE(titles(f), QStringLiteral("A,B"));
        QCOMPARE(titles(f, ProductSort::UpdatedAt), QStringLiteral("A,B"));
        f.vendor = QStringLiteral("nobody");
        QCOMPARE(titles(f), QString());
    }

    void variantPagingWalksEveryVariantOnce_data()
    {
        QTest::addColumn<int>("sort");
        QTest::addColumn<int>("order");
        QTest::addColumn<int>("limit");
        for (int limit : {1, 7, 50, 500}) {
            const QByteArray l = " /" + QByteArray::number(limit);
            QTest::newRow("sku asc" + l) << int(VariantSort::Sku) << int(SortOrder::Ascending) << limit;
            QTest::newRow("sku desc" + l) << int(VariantSort::Sku) << int(SortOrder::Descending) << limit;
            QTest::newRow("price asc" + l) << int(VariantSort::Price) << int(SortOrder::Ascending) << limit;
            QTest::newRow("price desc" + l) << int(VariantSort::Price) << int(SortOrder::Descending) << limit;
            QTest::newRow("updated asc" + l) << int(VariantSort::UpdatedAt) << int(SortOrder::Ascending) << limit;
            QTest::newRow("updated desc" + l) << int(VariantSort::UpdatedAt) << int(SortOrder::Descending) << limit;
        }
    }
    void variantPagingWalksEveryVariantOnce()
    {
        QFETCH(int, sort);
        QFETCH(int, order);
        QFETCH(int, limit);
        // 250 variants; every 4th without a SKU, prices and times with many ties.
        SK_VERIFY_OK(write([&](ProductRepository &repo) -> Result<void> {
            for (int p = 0; p < 25; ++p) {
                const Product prod = test::makeProduct(p, QStringLiteral("Product %1").arg(p));
                SK_TRY(repo.upsertProduct(prod));
                for (int k = 0; k < 10; ++k) {
                    const int n = p * 10 + k;
                    Variant v = test::makeVariant(n, prod.id,
                                                  n % 4 == 0 ? QString() : QStringLiteral("SKU-%1").arg((n * 37) % 997),
                                                  100 * ((n * 13) % 7));
                    v.position = k + 1;
                    v.option1 = k % 2 ? QStringLiteral("Red") : QString();
                    v.option2 = QStringLiteral("M");
                    v.updatedAt = 5000 + (n % 11);
                    SK_TRY(repo.upsertVariant(v));
                }
            }
            return {};
        }));
        auto reader = store().openReader();
        SK_VERIFY_OK(reader);
        ProductRepository repo(**reader);
        VariantQuery q;
        q.sort = VariantSort(sort);
        q.order = SortOrder(order);
        q.limit = limit;
        const QList<VariantListRow> rows = walkVariants(repo, q);
        QCOMPARE(rows.size(), 250);
        QList<VariantListRow> expected = rows;
        const bool asc = q.order == SortOrder::Ascending;
        std::sort(expected.begin(), expected.end(), [&](const VariantListRow &a, const VariantListRow &b) {
            int c = 0;
            switch (q.sort) {
            case VariantSort::Sku:
                // NULL first, like SQLite; then by byte order
                if (a.sku.isNull() != b.sku.isNull())
                    c = a.sku.isNull() ? -1 : 1;
                else
                    c = a.sku.toUtf8().compare(b.sku.toUtf8());
                break;
            case VariantSort::Price: c = a.price < b.price ? -1 : (a.price > b.price ? 1 : 0); break;
            case VariantSort::UpdatedAt: c = a.updatedAt < b.updatedAt ? -1 : (a.updatedAt > b.updatedAt ? 1 : 0); break;
            }
            if (c == 0)
                c = a.rid < b.rid ? -1 : 1;
            return asc ? c < 0 : c > 0;
        });
        for (int i = 0; i < rows.size(); ++i)
            QCOMPARE(rows[i].rid, expected[i].rid);
        // Rows carry their product and options.
        const auto it = std::find_if(rows.cbegin(), rows.cend(), [](const auto &r) { return r.id == test::idFor("var", 13); });
        QVERIFY(it != rows.cend());
        QCOMPARE(it->productTitle, QStringLiteral("Product 1"));
        QCOMPARE(it->optionsTitle, QStringLiteral("Red / M"));
        QCOMPARE(it->sku, QStringLiteral("SKU-%1").arg((13 * 37) % 997));
    }

    void searchFindsTitlePrefixSkuFragmentAndBarcode()
    {
        SK_VERIFY_OK(write([&](ProductRepository &repo) -> Result<void> {
            const Product shirt = test::makeProduct(1, QStringLiteral("Organic Cotton T-Shirt"));
            const Product mug = test::makeProduct(2, QStringLiteral("Enamel Camping Mug"));
            SK_TRY(repo.upsertProduct(shirt));
            SK_TRY(repo.upsertProduct(mug));
            Variant a = test::makeVariant(1, shirt.id, QStringLiteral("TS-ORG-RED-M"), 2500);
            a.barcode = QStringLiteral("5901234123457");
            a.option1 = QStringLiteral("Red");
            a.option2 = QStringLiteral("M");
            SK_TRY(repo.upsertVariant(a));
            SK_TRY(repo.upsertVariant(test::makeVariant(2, shirt.id, QStringLiteral("TS-ORG-BLU-L"), 2500)));
            Variant c = test::makeVariant(3, mug.id, QStringLiteral("MUG_ENAMEL_350"), 1200);
            c.barcode = QStringLiteral("0012345678905");
            SK_TRY(repo.upsertVariant(c));
            return {};
        }));
        auto reader = store().openReader();
        SK_VERIFY_OK(reader);
        ProductRepository repo(**reader);
        const auto skus = [&](const QString &text) {
            auto hits = repo.search(text);
            if (!hits.ok())
                return QStringLiteral("<%1>").arg(hits.error().toString());
            QStringList s = hitSkus(*hits);
            s.sort();
            return s.join(QLatin1Char(','));
        };
        QCOMPARE(skus(QStringLiteral("org")), QStringLiteral("TS-ORG-BLU-L,TS-ORG-RED-M"));
        QCOMPARE(skus(QStringLiteral("Cott t-sh")), QStringLiteral("TS-ORG-BLU-L,TS-ORG-RED-M"));
        QCOMPARE(skus(QStringLiteral("camp")), QStringLiteral("MUG_ENAMEL_350"));
        QCOMPARE(skus(QStringLiteral("red-m")), QStringLiteral("TS-ORG-RED-M"));
        QCOMPARE(skus(QStringLiteral("ts-org-bl")), QStringLiteral("TS-ORG-BLU-L"));
        QCOMPARE(skus(QStringLiteral("enamel_35")), QStringLiteral("MUG_ENAMEL_350"));
        QCOMPARE(skus(QStringLiteral("5901234123457")), QStringLiteral("TS-ORG-RED-M"));
        QCOMPARE(skus(QStringLiteral("0012345")), QStringLiteral("MUG_ENAMEL_350"));
        QCOMPARE(skus(QStringLiteral("mug shirt")), QString());
        QCOMPARE(skus(QStringLiteral("\"OR title:*")), QString()); // user syntax is text, no error
        QCOMPARE(skus(QString()), QString());

        auto hits = repo.search(QStringLiteral("5901234123457"));
        SK_VERIFY_OK(hits);
        QCOMPARE(hits->size(), 1);
        const VariantSearchHit &h = hits->first();
        QCOMPARE(h.variantId, test::idFor("var", 1));
        QCOMPARE(h.productId, test::idFor("prod", 1));
        QCOMPARE(h.productTitle, QStringLiteral("Organic Cotton T-Shirt"));
        QCOMPARE(h.optionsTitle, QStringLiteral("Red / M"));
        QCOMPARE(h.price, qint64(2500));
        QVERIFY(h.variantRid > 0);

        auto limited = repo.search(QStringLiteral("ts"), 1);
        SK_VERIFY_OK(limited);
        QCOMPARE(limited->size(), 1);
    }

    void exactSkuOrBarcodeComesFirst()
    {
        SK_VERIFY_OK(write([&](ProductRepository &repo) -> Result<void> {
            const Product p = test::makeProduct(1, QStringLiteral("Cable"));
            SK_TRY(repo.upsertProduct(p));
            // Many variants share the prefix; the exact one is inserted last.
            for (int i = 0; i < 60; ++i)
                SK_TRY(repo.upsertVariant(test::makeVariant(i, p.id, QStringLiteral("CAB-%1").arg(i + 100), 100)));
            return repo.upsertVariant(test::makeVariant(99, p.id, QStringLiteral("CAB"), 100));
        }));
        auto reader = store().openReader();
        SK_VERIFY_OK(reader);
        ProductRepository r(**reader);
        auto hits = r.search(QStringLiteral("CAB"), 10);
        SK_VERIFY_OK(hits);
        QCOMPARE(hits->size(), 10);
        QCOMPARE(hits->first().sku, QStringLiteral("CAB"));
        const QStringList ids = hitIds(*hits);
        QCOMPARE(QSet<QString>(ids.cbegin(), ids.cend()).size(), 10); // no duplicate
    }

    void searchFollowsTitleSkuChangesAndDeletes()
    {
        Product p = test::makeProduct(1, QStringLiteral("Walnut Desk"));
        Variant v = test::makeVariant(1, p.id, QStringLiteral("DESK-WAL"), 40000);
        Variant w = test::makeVariant(2, p.id, QStringLiteral("DESK-OAK"), 38000);
        const Product q = test::makeProduct(2, QStringLiteral("Walnut Shelf"));
        const Variant x = test::makeVariant(3, q.id, QStringLiteral("SHELF-WAL"), 9000);
        SK_VERIFY_OK(write([&](ProductRepository &repo) -> Result<void> {
            SK_TRY(repo.upsertProduct(p));
            SK_TRY(repo.upsertVariant(v));
            SK_TRY(repo.upsertVariant(w));
            SK_TRY(repo.upsertProduct(q));
            return repo.upsertVariant(x);
        }));
        auto reader = store().openReader();
        SK_VERIFY_OK(reader);
        ProductRepository repo(**reader);
        const auto count = [&](const QString &text) { return repo.search(text).valueOr({}).size(); };
        QCOMPARE(count(QStringLiteral("walnut")), 3);
        QCOMPARE(count(QStringLiteral("desk")), 2);

        p.title = QStringLiteral("Standing Table");
        SK_VERIFY_OK(write([&](ProductRepository &r) { return r.upsertProduct(p); }));
        QCOMPARE(count(QStringLiteral("desk")), 2);     // still by SKU
        QCOMPARE(count(QStringLiteral("walnut")), 1);   // only the shelf keeps that title
        QCOMPARE(count(QStringLiteral("standing")), 2); // both desk variants under the new title

        v.sku = QStringLiteral("TABLE-WAL");
        SK_VERIFY_OK(write([&](ProductRepository &r) { return r.upsertVariant(v); }));
        QCOMPARE(count(QStringLiteral("desk-wal")), 0);
        QCOMPARE(count(QStringLiteral("table-wal")), 1);
        QCOMPARE(count(QStringLiteral("desk")), 1);

        // Rewriting identical values leaves search unchanged.
        SK_VERIFY_OK(write([&](ProductRepository &r) -> Result<void> {
            SK_TRY(r.upsertProduct(p));
            return r.upsertVariant(v);
        }));
        QCOMPARE(count(QStringLiteral("standing")), 2);
        QCOMPARE(count(QStringLiteral("table-wal")), 1);

        SK_VERIFY_OK(write([&](ProductRepository &r) { return r.deleteVariant(w.id); }));
        QCOMPARE(count(QStringLiteral("oak")), 0);
        QCOMPARE(count(QStringLiteral("standing")), 1);

        SK_VERIFY_OK(write([&](ProductRepository &r) { return r.deleteProduct(p.id); }));
        QCOMPARE(count(QStringLiteral("standing")), 0);
        QCOMPARE(count(QStringLiteral("table")), 0);
        QVERIFY(!repo.variant(v.id).value().has_value());
        QCOMPARE(count(QStringLiteral("shelf")), 1);

        // The index holds exactly the remaining variant, and FTS5 finds itself consistent.
        QCOMPARE((*reader)->queryInt64("SELECT count(*) FROM variant_search WHERE variant_search MATCH '\"wal\"*'").value(),
                 qint64(1));
        SK_VERIFY_OK(store().write([](SqliteDatabase &db) {
            return db.exec("INSERT INTO variant_search (variant_search) VALUES ('integrity-check')");
        }));
    }

    void deletingAProductRemovesVariantsAndLevels()
    {
        const Location l = test::makeLocation(1, QStringLiteral("Main"));
        const Product p = test::makeProduct(1, QStringLiteral("Lamp"));
        const Variant v = test::makeVariant(1, p.id, QStringLiteral("LAMP"), 100);
        SK_VERIFY_OK(store().write([&](SqliteDatabase &db) -> Result<void> {
            SK_TRY(ShopRepository(db).upsertLocation(l));
            ProductRepository repo(db);
            SK_TRY(repo.upsertProduct(p));
            SK_TRY(repo.upsertVariant(v));
            InventoryLevel level;
            level.variantId = v.id;
            level.locationId = l.id;
            level.onHand = 5;
            return InventoryRepository(db).upsertLevel(level);
        }));
        SK_VERIFY_OK(write([&](ProductRepository &repo) { return repo.deleteProduct(p.id); }));
        auto reader = store().openReader();
        SK_VERIFY_OK(reader);
        QCOMPARE((*reader)->queryInt64("SELECT count(*) FROM variants").value(), qint64(0));
        QCOMPARE((*reader)->queryInt64("SELECT count(*) FROM inventory_levels").value(), qint64(0));
    }

    // Every list query walks an index in order: no sort of the result and no scan of the
    // whole table, so a page costs the same at row 10 and at row 1M.
    void listQueriesUseIndexesForEverySort()
    {
        auto reader = store().openReader();
        SK_VERIFY_OK(reader);
        SqliteDatabase &db = **reader;
        QList<ProductFilter> filters;
        filters.append(ProductFilter{});
        ProductFilter f;
        f.status = ProductStatus::Active;
        filters.append(f);
        f = {};
        f.vendor = QStringLiteral("Acme");
        filters.append(f);
        f.status = ProductStatus::Draft;
        f.tag = QStringLiteral("sale");
        filters.append(f);
        f = {};
        f.tag = QStringLiteral("sale");
        filters.append(f);
        for (const ProductFilter &filter : filters) {
            for (ProductSort sort : {ProductSort::Title, ProductSort::UpdatedAt}) {
                for (SortOrder order : {SortOrder::Ascending, SortOrder::Descending}) {
                    for (bool deep : {false, true}) {
                        ProductQuery q;
                        q.filter = filter;
                        q.sort = sort;
                        q.order = order;
                        if (deep) {
                            SortKey key;
                            if (sort == ProductSort::Title)
                                key.value = QStringLiteral("m");
                            else
                                key.value = qint64(5);
                            key.rid = 10;
                            q.after = key;
                        }
                        const QByteArray sql = ProductRepository::listProductsSql(q);
                        auto plan = test::queryPlan(db, sql);
                        SK_VERIFY_OK(plan);
                        const QString problem = test::planProblem(*plan, QStringLiteral("p"), deep);
                        QVERIFY2(problem.isEmpty(), qPrintable(problem + QStringLiteral("\n") + QString::fromUtf8(sql)));
                    }
                    auto plan = test::queryPlan(db, ProductRepository::productRidsSql(filter, sort, order));
                    SK_VERIFY_OK(plan);
                    const QString problem = test::planProblem(*plan, QStringLiteral("p"), false);
                    QVERIFY2(problem.isEmpty(), qPrintable(problem));
                }
            }
        }
        for (VariantSort sort : {VariantSort::Sku, VariantSort::Price, VariantSort::UpdatedAt}) {
            for (SortOrder order : {SortOrder::Ascending, SortOrder::Descending}) {
                for (bool deep : {false, true}) {
                    VariantQuery q;
                    q.sort = sort;
                    q.order = order;
                    if (deep)
                        q.after = SortKey{qint64(5), 10};
                    const QByteArrayList sqls = ProductRepository::listVariantsSql(q);
                    for (qsizetype i = 0; i < sqls.size(); ++i) {
                        auto plan = test::queryPlan(db, sqls[i]);
                        SK_VERIFY_OK(plan);
                        // The first page of a run starts at the beginning of its index range.
                        const bool seeks = deep && !(sort == VariantSort::Sku && i == 1);
                        const QString problem = test::planProblem(*plan, QStringLiteral("v"), seeks);
                        QVERIFY2(problem.isEmpty(), qPrintable(problem + QStringLiteral("\n") + QString::fromUtf8(sqls[i])));
                    }
                }
            }
        }
    }
};

QTEST_GUILESS_MAIN(tst_ProductRepository)
#include "tst_productrepository.moc"
