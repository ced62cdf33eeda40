#include "demoshop.h"
#include "inventory/ledgermodel.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QTest>
#include <QTimeZone>

using namespace sk;
using namespace Qt::StringLiterals;

class tst_LedgerModel : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::TempStore> m_shop;
    QString m_variant; // the variant with the longest history
    ShopStore &store() { return *m_shop->store; }

    static void fetchAll(LedgerModel &model)
    {
        while (model.canFetchMore({}))
            model.fetchMore({});
    }

    QByteArray ofVariant() const { return " FROM inventory_ledger WHERE variant_id = '" + m_variant.toUtf8() + "'"; }

private slots:
    void initTestCase()
    {
        m_shop = test::makeDemoShop();
        QVERIFY(m_shop);
        m_variant = test::sqlText(store(), "SELECT variant_id FROM inventory_ledger GROUP BY variant_id "
                                           "ORDER BY count(*) DESC, variant_id LIMIT 1");
        QVERIFY(test::sqlInt(store(), "SELECT count(*)" + ofVariant()) > 3);
    }

    void passesTheModelTester()
    {
        LedgerModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        SK_VERIFY_OK(model.open(store()));
        fetchAll(model); // the whole shop's ledger, page by page
        LedgerFilter filter;
        filter.variantId = m_variant;
        model.setFilter(filter);
        filter.reasons = {InventoryReason::Sold};
        model.setFilter(filter);
        QVERIFY(model.rowCount() > 0);
    }

    void pagesThroughTheShopsLedger()
    {
        LedgerModel model;
        SK_VERIFY_OK(model.open(store()));
        QCOMPARE(model.rowCount(), LedgerModel::PageSize);
        QVERIFY(model.canFetchMore({}));
        model.fetchMore({});
        QCOMPARE(model.rowCount(), 2 * LedgerModel::PageSize);
        fetchAll(model);
        QCOMPARE(model.rowCount(), test::sqlInt(store(), "SELECT count(*) FROM inventory_ledger"));
    }

    void listsAVariantsMovementsNewestFirstInTheShopsTimeZone()
    {
        LedgerModel model;
        SK_VERIFY_OK(model.open(store()));
        LedgerFilter filter;
        filter.variantId = m_variant;
        model.setFilter(filter);
        fetchAll(model);
        const QStringList ids = test::sqlColumn(store(), "SELECT id" + ofVariant() + " ORDER BY created_at DESC, rid DESC");
        QCOMPARE(model.rowCount(), ids.size());
        for (int row = 0; row < model.rowCount(); ++row)
            QCOMPARE(model.entryAt(row)->id, ids.at(row));

        const LedgerEntry newest = *model.entryAt(0);
        const QLocale fr(u"fr_FR"_s);
        const QDateTime paris = QDateTime::fromMSecsSinceEpoch(newest.createdAt, QTimeZone("Europe/Paris"));
        QCOMPARE(model.data(model.index(0, LedgerModel::WhenColumn)).toString(), fr.toString(paris, QLocale::ShortFormat));
        QCOMPARE(model.data(model.index(0, LedgerModel::ReasonColumn)).toString(), LedgerModel::reasonText(newest.reason));
        const QString change = model.data(model.index(0, LedgerModel::ChangeColumn)).toString();
        QVERIFY2(newest.delta > 0 ? change.startsWith(u'+') : !change.startsWith(u'+'), qPrintable(change));
        QCOMPARE(model.data(model.index(0, LedgerModel::AfterColumn)).toString(), fr.toString(newest.quantityAfter));
        QCOMPARE(model.data(model.index(0, LedgerModel::LocationColumn)).toString(),
                 test::sqlText(store(), "SELECT name FROM locations WHERE id = '" + newest.locationId.toUtf8() + "'"));
    }

    void filtersByLocationReasonAndDays()
    {
        LedgerModel model;
        SK_VERIFY_OK(model.open(store()));
        LedgerFilter filter;
        filter.variantId = m_variant;
        filter.locationId = test::sqlText(store(), "SELECT location_id" + ofVariant() + " LIMIT 1");
        model.setFilter(filter);
        fetchAll(model);
        QCOMPARE(model.rowCount(),
                 test::sqlInt(store(), "SELECT count(*)" + ofVariant() + " AND location_id = '"
                                           + filter.locationId.toUtf8() + "'"));

        filter.locationId.clear();
        filter.reasons = {InventoryReason::Sold, InventoryReason::Returned};
        model.setFilter(filter);
        fetchAll(model);
        QCOMPARE(model.rowCount(), test::sqlInt(store(), "SELECT count(*)" + ofVariant() + " AND reason IN ('sold', 'returned')"));

        // One day in Paris: from its local midnight to the next.
        filter.reasons.clear();
        const qint64 newest = test::sqlInt(store(), "SELECT max(created_at)" + ofVariant());
        const QTimeZone paris("Europe/Paris");
        const QDate day = QDateTime::fromMSecsSinceEpoch(newest, paris).date();
        filter.from = day;
        filter.to = day;
        model.setFilter(filter);
        fetchAll(model);
        const qint64 start = day.startOfDay(paris).toMSecsSinceEpoch();
        const qint64 end = day.addDays(1).startOfDay(paris).toMSecsSinceEpoch();
        const qint64 expected = test::sqlInt(store(), "SELECT count(*)" + ofVariant() + " AND created_at >= "
                                                          + QByteArray::number(start) + " AND created_at < "
                                                          + QByteArray::number(end));
        QVERIFY(expected >= 1);
        QCOMPARE(model.rowCount(), expected);
    }
};

QTEST_MAIN(tst_LedgerModel)
#include "tst_ledgermodel.moc"
