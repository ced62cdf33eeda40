#include "products/variantgridmodel.h"
#include "testsupport.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace sk;
using namespace Qt::StringLiterals;

namespace {

Variant variant(const QString &id, const QString &sku, qint64 price)
{
    Variant v;
    v.id = id;
    v.productId = u"00000000-0000-7000-8000-000000000001"_s;
    v.sku = sku;
    v.price = price;
    return v;
}

} // namespace

class tst_VariantGridModel : public QObject
{
    Q_OBJECT

private:
    // Two stored variants, shown in euros the French way.
    void fill(VariantGridModel &model)
    {
        model.setMoneyFormat(*Currency::fromCode(u"EUR"), QLocale(u"fr-FR"_s));
        Variant red = variant(u"00000000-0000-7000-9000-000000000001"_s, u"TEE-RED"_s, 1230);
        red.option1 = u"Red"_s;
        red.compareAtPrice = 1500;
        red.weight = 180.5;
        model.setVariants({red, variant(u"00000000-0000-7000-9000-000000000002"_s, u"TEE-BLUE"_s, 990)});
    }

    QString errorOf(const VariantGridModel &model)
    {
        auto parsed = model.variants();
        return parsed.ok() ? QString() : parsed.error().message;
    }

private slots:
    void passesTheModelTesterThroughEdits()
    {
        VariantGridModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        fill(model);
        const int added = model.addVariant();
        QVERIFY(model.setData(model.index(added, VariantGridModel::PriceColumn), u"5"_s));
        model.removeVariant(0);
        model.setReadOnly(true);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.columnCount(), int(VariantGridModel::ColumnCount));
    }

    void showsStoredValuesAsTypedText()
    {
        VariantGridModel model;
        fill(model);
        QCOMPARE(model.data(model.index(0, VariantGridModel::SkuColumn)).toString(), u"TEE-RED"_s);
        QCOMPARE(model.data(model.index(0, VariantGridModel::Option1Column)).toString(), u"Red"_s);
        QCOMPARE(model.data(model.index(0, VariantGridModel::PriceColumn)).toString(), u"12,30"_s);
        QCOMPARE(model.data(model.index(0, VariantGridModel::CompareAtColumn)).toString(), u"15,00"_s);
        QCOMPARE(model.data(model.index(1, VariantGridModel::CompareAtColumn)).toString(), QString());
        QCOMPARE(model.data(model.index(0, VariantGridModel::WeightColumn)).toString(), u"180,5"_s);
        QCOMPARE(model.headerData(VariantGridModel::PriceColumn, Qt::Horizontal).toString(), u"Price (EUR)"_s);
        QVERIFY(model.flags(model.index(0, 0)).testFlag(Qt::ItemIsEditable));
    }

    void editsParseToMinorUnits()
    {
        VariantGridModel model;
        fill(model);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QVERIFY(model.setData(model.index(1, VariantGridModel::PriceColumn), u"1234,5"_s));
        QCOMPARE(changed.size(), 1);
        QVERIFY(model.setData(model.index(1, VariantGridModel::CostColumn), u"4.20"_s));
        QVERIFY(model.setData(model.index(0, VariantGridModel::CompareAtColumn), QString()));
        QVERIFY(model.setData(model.index(0, VariantGridModel::WeightColumn), u"200"_s));
        QVERIFY(model.setData(model.index(1, VariantGridModel::Option2Column), u"  XL "_s));
        auto parsed = model.variants();
        SK_VERIFY_OK(parsed);
        QCOMPARE(parsed->size(), 2);
        QCOMPARE(parsed->at(0).price, 1230);
        QVERIFY(!parsed->at(0).compareAtPrice);
        QCOMPARE(parsed->at(0).weight, std::optional<double>(200.0));
        QCOMPARE(parsed->at(1).price, 123450);
        QCOMPARE(parsed->at(1).cost, std::optional<qint64>(420));
        QCOMPARE(parsed->at(1).option2, u"XL"_s);
        QCOMPARE(parsed->at(1).id, u"00000000-0000-7000-9000-000000000002"_s);
    }

    void badAmountsNameRowAndField()
    {
        VariantGridModel model;
        fill(model);
        QVERIFY(model.setData(model.index(1, VariantGridModel::PriceColumn), u"12,3x"_s));
        auto parsed = model.variants();
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().message, u"Variant 2: price \u201C12,3x\u201D is not an amount."_s);
        QCOMPARE(parsed.error().detail, u"variants[1].price"_s);

        QVERIFY(model.setData(model.index(1, VariantGridModel::PriceColumn), u"12,345"_s));
        QVERIFY(errorOf(model).contains(u"more decimals than EUR"));
        QVERIFY(model.setData(model.index(1, VariantGridModel::PriceColumn), u"9"_s));
        QVERIFY(model.setData(model.index(0, VariantGridModel::CostColumn), u"-1"_s));
        QCOMPARE(errorOf(model), u"Variant 1: cost \u201C-1\u201D is below zero."_s);
        QVERIFY(model.setData(model.index(0, VariantGridModel::CostColumn), QString()));
        QVERIFY(model.setData(model.index(0, VariantGridModel::WeightColumn), u"heavy"_s));
        QVERIFY(errorOf(model).startsWith(u"Variant 1: weight \u201Cheavy\u201D"));
        QVERIFY(model.setData(model.index(0, VariantGridModel::WeightColumn), QString()));
        SK_VERIFY_OK(model.variants());
    }

    void newRowsNeedAPriceAndUniqueSkus()
    {
        VariantGridModel model;
        fill(model);
        const int row = model.addVariant();
        QCOMPARE(row, 2);
        QVERIFY(model.isNewRow(row));
        QVERIFY(!model.isNewRow(0));
        QCOMPARE(errorOf(model), u"Variant 3: enter a price."_s);
        QVERIFY(model.setData(model.index(row, VariantGridModel::PriceColumn), u"3"_s));
        QVERIFY(model.setData(model.index(row, VariantGridModel::SkuColumn), u"tee-red"_s));
        QCOMPARE(errorOf(model), u"Variant 3: SKU \u201Ctee-red\u201D is also used by variant 1."_s);
        QVERIFY(model.setData(model.index(row, VariantGridModel::SkuColumn), u"TEE-GREEN"_s));
        auto parsed = model.variants();
        SK_VERIFY_OK(parsed);
        QCOMPARE(parsed->at(row).price, 300);
        QCOMPARE(parsed->at(row).position, 3);
        QVERIFY(!parsed->at(row).id.isEmpty()); // chosen when the row was added
        QCOMPARE(parsed->at(row).id, model.variants()->at(row).id);
    }

    void removingRowsRemembersStoredVariantsOnly()
    {
        VariantGridModel model;
        fill(model);
        const int row = model.addVariant();
        model.removeVariant(row);
        QVERIFY(model.removedVariantIds().isEmpty());
        model.removeVariant(0);
        QCOMPARE(model.removedVariantIds(), QStringList{u"00000000-0000-7000-9000-000000000001"_s});
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.data(model.index(0, VariantGridModel::SkuColumn)).toString(), u"TEE-BLUE"_s);
    }

    void readOnlyRefusesEdits()
    {
        VariantGridModel model;
        fill(model);
        model.setReadOnly(true);
        QVERIFY(!model.flags(model.index(0, 0)).testFlag(Qt::ItemIsEditable));
        QVERIFY(!model.setData(model.index(0, VariantGridModel::PriceColumn), u"1"_s));
        QCOMPARE(model.data(model.index(0, VariantGridModel::PriceColumn)).toString(), u"12,30"_s);
    }
};

QTEST_MAIN(tst_VariantGridModel)
#include "tst_variantgridmodel.moc"
