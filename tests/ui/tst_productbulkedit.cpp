#include "productdialogtestsupport.h"
#include "local/outbox.h"
#include "products/bulkeditdialog.h"
#include "products/bulkeditpreviewmodel.h"
#include "products/productbulkedit.h"
#include "storage/productrepository.h"
#include "storage/shopstore.h"
#include "storage/sqlitedatabase.h"
#include "testsupport.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QFont>
#include <QLineEdit>
#include <QTableView>
#include <QPushButton>
#include <QTest>
#include <QToolButton>
#include <QUndoStack>

using namespace sk;
using namespace Qt::StringLiterals;

namespace {

// What the products look like in the store: id -> status, tags and every variant's price.
struct Snapshot
{
    QStringList statuses;
    QStringList tags;
    QList<qint64> prices;
    friend bool operator==(const Snapshot &, const Snapshot &) = default;
};

// +10 %, rounded half up to the cent, worked out independently of Money.
qint64 plusTenPercent(qint64 price)
{
    return (price * 110 + 50) / 100;
}

} // namespace

class tst_ProductBulkEdit : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::TempStore> m_temp;
    QStringList m_ids; // three demo products with prices

    Snapshot stored()
    {
        Snapshot s;
        auto db = m_temp->store->openReader();
        if (!db.ok())
            return s;
        ProductRepository repo(**db);
        for (const QString &id : std::as_const(m_ids)) {
            const auto product = repo.product(id).valueOr(std::nullopt);
            s.statuses << (product ? toString(product->status) : u"missing"_s);
            s.tags << (product ? product->tags : QString());
            for (const Variant &v : repo.variantsOf(id).valueOr({}))
                s.prices << v.price;
        }
        return s;
    }

    qint64 queuedCount()
    {
        auto db = m_temp->store->openReader();
        return db.ok() ? Outbox::pendingCount(**db).valueOr(-1) : -1;
    }

    QList<qint64> previewColumn(const BulkEditDialog &dialog, int column)
    {
        QList<qint64> out;
        const ProductBulkEdit *edit = dialog.bulkEdit();
        const auto &items = column == BulkEditPreviewModel::PriceColumn ? edit->before() : edit->after();
        for (const auto &item : items) {
            for (const Variant &v : item.variants)
                out << v.price;
        }
        return out;
    }

private slots:
    void initTestCase()
    {
        m_temp = test::makeDemoProductStore(); // EUR, fr-FR
        QVERIFY(m_temp);
        auto db = m_temp->store->openReader();
        SK_VERIFY_OK(db);
        auto stmt = (*db)->prepare("SELECT product_id FROM variants GROUP BY product_id HAVING min(price) > 0 "
                                   "ORDER BY min(rid) LIMIT 3");
        SK_VERIFY_OK(stmt);
        while (stmt->step().valueOr(false))
            m_ids << stmt->text(0);
        QCOMPARE(m_ids.size(), 3);
    }

    void cleanupTestCase() { m_temp.reset(); }

    void percentUndoRedoThenApply()
    {
        const Snapshot before = stored();
        const qint64 queuedBefore = queuedCount();
        QList<qint64> expected;
        for (qint64 price : before.prices)
            expected << plusTenPercent(price);

        BulkEditDialog dialog(*m_temp->store, m_ids);
        QAbstractItemModelTester tester(dialog.previewModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        test::showActive(dialog);
        QCOMPARE(dialog.previewModel()->rowCount(), before.prices.size());
        QVERIFY(!dialog.applyButton()->isEnabled()); // nothing to apply yet

        // Keyboard: Alt+P to the price field, type, switch to Percent, Enter.
        test::pressKey(dialog, Qt::Key_P, Qt::AltModifier);
        QCOMPARE(QApplication::focusWidget(), dialog.priceEdit());
        QTest::keyClicks(dialog.priceEdit(), u"10"_s);
        dialog.priceModeCombo()->setFocus(Qt::OtherFocusReason);
        QTest::keyClick(dialog.priceModeCombo(), Qt::Key_Down);
        QCOMPARE(dialog.priceModeCombo()->currentIndex(), int(BulkEditDialog::PercentMode));
        QTest::keyClick(dialog.priceEdit(), Qt::Key_Return);
        QVERIFY2(dialog.errorText().isEmpty(), qPrintable(dialog.errorText()));
        QVERIFY(dialog.isVisible()); // Enter changed the prices, it did not apply them

        QCOMPARE(previewColumn(dialog, BulkEditPreviewModel::NewPriceColumn), expected);
        QCOMPARE(previewColumn(dialog, BulkEditPreviewModel::PriceColumn), before.prices);
        const QModelIndex firstNew = dialog.previewModel()->index(0, BulkEditPreviewModel::NewPriceColumn);
        QVERIFY(firstNew.data(Qt::FontRole).value<QFont>().bold());
        QCOMPARE(dialog.bulkEdit()->pendingEditCount(), before.prices.size());
        QCOMPARE(stored(), before); // nothing is written before Apply
        QCOMPARE(queuedCount(), queuedBefore);

        dialog.previewView()->setFocus(Qt::OtherFocusReason); // a line edit keeps Ctrl+Z for its text
        test::pressKey(dialog, Qt::Key_Z, Qt::ControlModifier); // undo
        QCOMPARE(previewColumn(dialog, BulkEditPreviewModel::NewPriceColumn), before.prices);
        QVERIFY(!firstNew.data(Qt::FontRole).value<QFont>().bold());
        QVERIFY(!dialog.applyButton()->isEnabled());
        test::pressKey(dialog, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier); // redo
        QCOMPARE(previewColumn(dialog, BulkEditPreviewModel::NewPriceColumn), expected);
        QCOMPARE(dialog.bulkEdit()->undoStack()->count(), 1);

        // A tag, then undone: only the prices remain.
        dialog.tagsEdit()->setFocus(Qt::OtherFocusReason);
        QTest::keyClicks(dialog.tagsEdit(), u"bulk-test"_s);
        QTest::keyClick(dialog.tagsEdit(), Qt::Key_Return);
        QVERIFY(dialog.bulkEdit()->after().at(0).product.tags.contains(u"bulk-test"));
        QCOMPARE(dialog.bulkEdit()->undoStack()->count(), 2);
        dialog.undoButton()->click();
        QVERIFY(!dialog.bulkEdit()->after().at(0).product.tags.contains(u"bulk-test"));

        test::pressKey(dialog, Qt::Key_A, Qt::AltModifier); // &Apply (a mnemonic clicks animated)
        QTRY_COMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.queuedCount(), before.prices.size());
        QCOMPARE(queuedCount(), queuedBefore + before.prices.size());
        const Snapshot after = stored();
        QCOMPARE(after.prices, expected);
        QCOMPARE(after.tags, before.tags);
        QCOMPARE(after.statuses, before.statuses);
        QVERIFY(!dialog.bulkEdit()->undoStack()->canUndo()); // applied: no more undo
    }

    void amountsNeverGoBelowZero()
    {
        ProductBulkEdit edit(*m_temp->store);
        SK_VERIFY_OK(edit.load(m_ids));
        const QList<Variant> &was = edit.before().at(0).variants;
        QVERIFY(!was.isEmpty());
        const qint64 cut = was.at(0).price + 1; // more than the first variant costs
        SK_VERIFY_OK(edit.changePriceBy(-cut));
        for (qsizetype i = 0; i < was.size(); ++i)
            QCOMPARE(edit.after().at(0).variants.at(i).price, qMax<qint64>(0, was.at(i).price - cut));
        QCOMPARE(edit.after().at(0).variants.at(0).price, 0);
        SK_VERIFY_OK(edit.changePriceByPercent(-10000)); // -100 %
        for (const auto &item : edit.after()) {
            for (const Variant &v : item.variants)
                QCOMPARE(v.price, 0);
        }
        edit.undoStack()->undo();
        edit.undoStack()->undo();
        QCOMPARE(edit.pendingEditCount(), 0);
    }

    void cancelChangesNothing()
    {
        const Snapshot before = stored();
        const qint64 queuedBefore = queuedCount();
        {
            BulkEditDialog dialog(*m_temp->store, m_ids);
            test::showActive(dialog);
            QCOMPARE(QApplication::focusWidget(), dialog.statusCombo());
            QTest::keyClick(dialog.statusCombo(), Qt::Key_End); // Archived
            test::pressKey(dialog, Qt::Key_E, Qt::AltModifier); // S&et status
            QTRY_COMPARE(dialog.bulkEdit()->undoStack()->count(), 1);
            dialog.tagsEdit()->setText(u"clearance"_s);
            dialog.addTagsButton()->click();
            dialog.priceEdit()->setText(u"-1,50"_s);
            dialog.changePriceButton()->click();
            QCOMPARE(dialog.bulkEdit()->undoStack()->count(), 3);
            QCOMPARE(toString(dialog.bulkEdit()->after().at(0).product.status), toString(ProductStatus::Archived));
            QVERIFY(dialog.applyButton()->isEnabled());
            test::pressKey(dialog, Qt::Key_Escape);
            QCOMPARE(dialog.result(), int(QDialog::Rejected));
        }
        QCOMPARE(stored(), before);
        QCOMPARE(queuedCount(), queuedBefore);
    }

    void badInputIsNamedAndChangesNothing()
    {
        BulkEditDialog dialog(*m_temp->store, m_ids);
        dialog.priceEdit()->setText(u"12,3x"_s);
        dialog.changePriceButton()->click();
        QCOMPARE(dialog.errorText(), u"Price change: \u201C12,3x\u201D is not an amount of EUR."_s);
        QCOMPARE(dialog.bulkEdit()->undoStack()->count(), 0);
        dialog.priceModeCombo()->setCurrentIndex(BulkEditDialog::PercentMode);
        dialog.priceEdit()->setText(u"ten"_s);
        dialog.changePriceButton()->click();
        QCOMPARE(dialog.errorText(), u"Price change: \u201Cten\u201D is not a percentage."_s);
        QCOMPARE(dialog.bulkEdit()->undoStack()->count(), 0);
    }

    void warehouseUsersSeeButCannotApply()
    {
        BulkEditDialog dialog(*m_temp->store, m_ids);
        dialog.setRole(u"warehouse"_s);
        QVERIFY(!dialog.applyButton()->isEnabled());
        QVERIFY(!dialog.changePriceButton()->isEnabled());
        QVERIFY(dialog.applyButton()->toolTip().contains(u"Warehouse"));
        QCOMPARE(dialog.previewModel()->rowCount(), previewColumn(dialog, BulkEditPreviewModel::PriceColumn).size());
    }
};

QTEST_MAIN(tst_ProductBulkEdit)
#include "tst_productbulkedit.moc"
