#include "productdialogtestsupport.h"
#include "products/bulkeditpreviewmodel.h"
#include "products/productbulkedit.h"
#include "storage/shopstore.h"
#include "storage/sqlitedatabase.h"

#include <QAbstractItemModelTester>
#include <QFont>
#include <QUndoStack>

using namespace sk;
using namespace Qt::StringLiterals;

class tst_BulkEditPreviewModel : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::TempStore> m_temp;
    QStringList m_ids;
    int m_variantCount = 0;

private slots:
    void initTestCase()
    {
        m_temp = test::makeDemoProductStore();
        QVERIFY(m_temp);
        auto db = m_temp->store->openReader();
        SK_VERIFY_OK(db);
        auto stmt = (*db)->prepare("SELECT product_id, count(*) FROM variants GROUP BY product_id ORDER BY min(rid) "
                                   "LIMIT 4");
        SK_VERIFY_OK(stmt);
        while (stmt->step().valueOr(false)) {
            m_ids << stmt->text(0);
            m_variantCount += int(stmt->int64(1));
        }
        QCOMPARE(m_ids.size(), 4);
    }

    void cleanupTestCase() { m_temp.reset(); }

    void oneRowPerVariantBeforeAndAfter()
    {
        ProductBulkEdit edit(*m_temp->store);
        BulkEditPreviewModel model(&edit);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        SK_VERIFY_OK(edit.load(m_ids));
        QCOMPARE(model.rowCount(), m_variantCount);
        QCOMPARE(model.columnCount(), int(BulkEditPreviewModel::ColumnCount));
        const QModelIndex title = model.index(0, BulkEditPreviewModel::ProductColumn);
        QCOMPARE(title.data().toString(), edit.before().at(0).product.title);

        const QModelIndex status = model.index(0, BulkEditPreviewModel::StatusColumn);
        const QModelIndex newStatus = model.index(0, BulkEditPreviewModel::NewStatusColumn);
        QCOMPARE(newStatus.data().toString(), status.data().toString());
        QVERIFY(!newStatus.data(Qt::FontRole).value<QFont>().bold());
        edit.setStatus(edit.before().at(0).product.status == ProductStatus::Archived ? ProductStatus::Draft
                                                                                    : ProductStatus::Archived);
        QVERIFY(newStatus.data().toString() != status.data().toString());
        QVERIFY(newStatus.data(Qt::FontRole).value<QFont>().bold());
        QVERIFY(newStatus.data(Qt::ToolTipRole).toString().contains(status.data().toString()));

        const QModelIndex price = model.index(0, BulkEditPreviewModel::PriceColumn);
        const QModelIndex newPrice = model.index(0, BulkEditPreviewModel::NewPriceColumn);
        SK_VERIFY_OK(edit.changePriceBy(100));
        QCOMPARE(newPrice.data().toString(), edit.format().money(edit.before().at(0).variants.at(0).price + 100));
        QCOMPARE(price.data().toString(), edit.format().money(edit.before().at(0).variants.at(0).price));

        edit.undoStack()->undo();
        edit.undoStack()->undo();
        QCOMPARE(newStatus.data().toString(), status.data().toString());
        QCOMPARE(newPrice.data().toString(), price.data().toString());
        QCOMPARE(model.rowCount(), m_variantCount); // undo changes values, never rows
    }
};

QTEST_MAIN(tst_BulkEditPreviewModel)
#include "tst_bulkeditpreviewmodel.moc"
