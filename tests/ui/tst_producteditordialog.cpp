#include "productdialogtestsupport.h"
#include "local/outbox.h"
#include "products/producteditordialog.h"
#include "products/variantgridmodel.h"
#include "storage/productrepository.h"
#include "storage/shopstore.h"
#include "storage/sqlitedatabase.h"
#include "testsupport.h"

#include <QApplication>
#include <QComboBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QTableView>
#include <QTest>

using namespace sk;
using namespace Qt::StringLiterals;

class tst_ProductEditorDialog : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::TempStore> m_temp;

    QList<OutboxEntry> queued()
    {
        auto db = m_temp->store->openReader();
        if (!db.ok())
            return {};
        return Outbox::pending(**db).valueOr({});
    }

    std::optional<Product> storedProduct(const QString &id)
    {
        auto db = m_temp->store->openReader();
        return db.ok() ? ProductRepository(**db).product(id).valueOr(std::nullopt) : std::nullopt;
    }

    QList<Variant> storedVariants(const QString &productId)
    {
        auto db = m_temp->store->openReader();
        return db.ok() ? ProductRepository(**db).variantsOf(productId).valueOr({}) : QList<Variant>();
    }

    // The first demo product with at least two variants that all have SKUs.
    QString productWithVariants()
    {
        auto db = m_temp->store->openReader();
        if (!db.ok())
            return {};
        auto stmt = (*db)->prepare("SELECT product_id FROM variants GROUP BY product_id "
                                   "HAVING count(*) >= 2 AND count(sku) = count(*) ORDER BY min(rid) LIMIT 1");
        return stmt.ok() && stmt->step().valueOr(false) ? stmt->text(0) : QString();
    }

    // Types into a grid cell as a user does: F2, the text, Enter.
    static void typeCell(QTableView *view, int row, int column, const QString &text)
    {
        view->setFocus(Qt::OtherFocusReason);
        view->setCurrentIndex(view->model()->index(row, column));
        QTest::keyClick(view, Qt::Key_F2);
        typeIntoEditor(view, text);
        QTRY_COMPARE(view->model()->index(row, column).data().toString(), text);
    }

    // Tab from the grid to "Add variant", then Space.
    static void addVariantByKeyboard(ProductEditorDialog &dialog)
    {
        dialog.variantView()->setFocus(Qt::OtherFocusReason);
        test::pressKey(dialog, Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), dialog.addVariantButton());
        test::pressKey(dialog, Qt::Key_Space);
    }

    static void typeIntoEditor(QTableView *view, const QString &text)
    {
        auto *editor = qobject_cast<QLineEdit *>(QApplication::focusWidget());
        QVERIFY2(editor && view->isAncestorOf(editor), "no cell editor has the focus");
        QPointer<QLineEdit> open(editor);
        editor->selectAll();
        QTest::keyClicks(editor, text);
        QTest::keyClick(editor, Qt::Key_Return);
        QTRY_VERIFY(!open); // Enter commits and closes the editor (queued by the delegate)
    }

private slots:
    void initTestCase()
    {
        m_temp = test::makeDemoProductStore(); // EUR, fr-FR
        QVERIFY(m_temp);
    }

    void cleanupTestCase() { m_temp.reset(); }

    void createsAProductWithTwoVariantsFromTheKeyboard()
    {
        const qsizetype queuedBefore = queued().size();
        ProductEditorDialog dialog(*m_temp->store);
        test::showActive(dialog);
        QCOMPARE(QApplication::focusWidget(), dialog.titleEdit());
        QTest::keyClicks(dialog.titleEdit(), u"Trail Runner Jacket"_s);
        QTest::keyClick(dialog.titleEdit(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), dialog.descriptionEdit());
        QTest::keyClicks(dialog.descriptionEdit(), u"Light and warm."_s);
        QTest::keyClick(dialog.descriptionEdit(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), dialog.statusCombo());
        QTest::keyClick(dialog.statusCombo(), Qt::Key_Down); // Draft -> Active
        QTest::keyClicks(dialog.vendorEdit(), u"Northpeak"_s);
        QTest::keyClicks(dialog.tagsEdit(), u"outdoor,  new ,"_s);

        QCOMPARE(dialog.variantModel()->rowCount(), 1); // a new product starts with one row
        typeCell(dialog.variantView(), 0, VariantGridModel::SkuColumn, u"TRJ-S"_s);
        typeCell(dialog.variantView(), 0, VariantGridModel::Option1Column, u"S"_s);
        typeCell(dialog.variantView(), 0, VariantGridModel::PriceColumn, u"89,90"_s);
        QVERIFY(dialog.isVisible()); // Enter in the grid commits the cell, never saves

        addVariantByKeyboard(dialog); // then editing its SKU
        QCOMPARE(dialog.variantModel()->rowCount(), 2);
        typeIntoEditor(dialog.variantView(), u"TRJ-M"_s);
        QTRY_COMPARE(dialog.variantModel()->index(1, VariantGridModel::SkuColumn).data().toString(), u"TRJ-M"_s);
        typeCell(dialog.variantView(), 1, VariantGridModel::Option1Column, u"M"_s);
        typeCell(dialog.variantView(), 1, VariantGridModel::PriceColumn, u"94,5"_s);
        typeCell(dialog.variantView(), 1, VariantGridModel::CompareAtColumn, u"120"_s);

        dialog.titleEdit()->setFocus(Qt::OtherFocusReason);
        QTest::keyClick(dialog.titleEdit(), Qt::Key_Return); // Save is the default button
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.errorText(), QString());

        const auto product = storedProduct(dialog.productId());
        QVERIFY(product);
        QCOMPARE(product->title, u"Trail Runner Jacket"_s);
        QCOMPARE(product->description, u"Light and warm."_s);
        QCOMPARE(toString(product->status), toString(ProductStatus::Active));
        QCOMPARE(product->vendor, u"Northpeak"_s);
        QCOMPARE(product->tags, u"outdoor, new"_s);
        QCOMPARE(product->handle, u"trail-runner-jacket"_s);
        const QList<Variant> variants = storedVariants(dialog.productId());
        QCOMPARE(variants.size(), 2);
        QCOMPARE(variants.at(0).sku, u"TRJ-S"_s);
        QCOMPARE(variants.at(0).option1, u"S"_s);
        QCOMPARE(variants.at(0).price, 8990);
        QCOMPARE(variants.at(1).sku, u"TRJ-M"_s);
        QCOMPARE(variants.at(1).price, 9450);
        QCOMPARE(variants.at(1).compareAtPrice, std::optional<qint64>(12000));

        // One product.create carries the product and both variants, so they sync together.
        const QList<OutboxEntry> after = queued();
        QCOMPARE(after.size(), queuedBefore + 1);
        QCOMPARE(after.last().name, u"product.create"_s);
        const QJsonObject args = QJsonDocument::fromJson(after.last().args).object();
        QCOMPARE(args.value(u"variants").toArray().size(), 2);
        QCOMPARE(dialog.queuedEdits().size(), 1);
    }

    void editingQueuesOneMutationPerChange()
    {
        const QString id = productWithVariants();
        QVERIFY(!id.isEmpty());
        const QList<Variant> before = storedVariants(id);
        const qsizetype queuedBefore = queued().size();

        ProductEditorDialog dialog(*m_temp->store, id);
        test::showActive(dialog);
        QVERIFY(dialog.isEditing());
        QCOMPARE(dialog.variantModel()->rowCount(), before.size());
        const qint64 newPrice = before.at(0).price + 100;
        typeCell(dialog.variantView(), 0, VariantGridModel::PriceColumn, dialog.variantModel()->moneyText(newPrice));
        // Add var&iant by its mnemonic while the grid has the focus (mnemonics click animated).
        test::pressKey(dialog, Qt::Key_I, Qt::AltModifier);
        QTRY_COMPARE(dialog.variantModel()->rowCount(), before.size() + 1);
        typeIntoEditor(dialog.variantView(), u"EXTRA-ROW-1"_s);
        const int added = dialog.variantModel()->rowCount() - 1;
        typeCell(dialog.variantView(), added, VariantGridModel::PriceColumn, u"5"_s);
        dialog.titleEdit()->setFocus(Qt::OtherFocusReason);
        QTest::keyClick(dialog.titleEdit(), Qt::Key_Return);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));

        const QList<OutboxEntry> after = queued();
        QCOMPARE(after.size(), queuedBefore + 2);
        QCOMPARE(after.at(after.size() - 2).name, u"variant.patch"_s);
        QCOMPARE(after.last().name, u"variant.create"_s);
        const QList<Variant> stored = storedVariants(id);
        QCOMPARE(stored.size(), before.size() + 1);
        QCOMPARE(stored.at(0).price, newPrice);
        QCOMPARE(stored.last().sku, u"EXTRA-ROW-1"_s);
        QCOMPARE(stored.last().price, 500);
    }

    void removingAVariantRowQueuesVariantDelete()
    {
        const QString id = productWithVariants();
        const QList<Variant> before = storedVariants(id);
        const qsizetype queuedBefore = queued().size();
        ProductEditorDialog dialog(*m_temp->store, id);
        test::showActive(dialog);
        dialog.variantView()->setCurrentIndex(dialog.variantModel()->index(before.size() - 1, 0));
        dialog.removeVariantButton()->setFocus(Qt::OtherFocusReason);
        test::pressKey(dialog, Qt::Key_Space);
        QCOMPARE(dialog.variantModel()->rowCount(), before.size() - 1);
        QTest::keyClick(dialog.titleEdit(), Qt::Key_Return);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        const QList<OutboxEntry> after = queued();
        QCOMPARE(after.size(), queuedBefore + 1);
        QCOMPARE(after.last().name, u"variant.delete"_s);
        const QList<Variant> stored = storedVariants(id);
        QCOMPARE(stored.size(), before.size() - 1);
        for (const Variant &v : stored)
            QVERIFY(v.id != before.last().id);
    }

    void aBadPriceNamesRowAndFieldAndSavesNothing()
    {
        const qsizetype queuedBefore = queued().size();
        ProductEditorDialog dialog(*m_temp->store);
        test::showActive(dialog);
        QTest::keyClicks(dialog.titleEdit(), u"Broken Price Tee"_s);
        typeCell(dialog.variantView(), 0, VariantGridModel::PriceColumn, u"12"_s);
        addVariantByKeyboard(dialog);
        typeIntoEditor(dialog.variantView(), u"BPT-2"_s);
        typeCell(dialog.variantView(), 1, VariantGridModel::PriceColumn, u"12,3x"_s);
        dialog.titleEdit()->setFocus(Qt::OtherFocusReason);
        QTest::keyClick(dialog.titleEdit(), Qt::Key_Return);

        QVERIFY(dialog.isVisible());
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QCOMPARE(dialog.errorText(), u"Variant 2: price \u201C12,3x\u201D is not an amount."_s);
        QCOMPARE(dialog.variantView()->currentIndex(),
                 dialog.variantModel()->index(1, VariantGridModel::PriceColumn));
        QCOMPARE(queued().size(), queuedBefore);
        QVERIFY(!storedProduct(dialog.productId()));
    }

    void aTakenSkuIsRefusedBeforeSaving()
    {
        const QString id = productWithVariants();
        const QString taken = storedVariants(id).at(0).sku;
        const qsizetype queuedBefore = queued().size();
        ProductEditorDialog dialog(*m_temp->store);
        test::showActive(dialog);
        QTest::keyClicks(dialog.titleEdit(), u"Clash"_s);
        typeCell(dialog.variantView(), 0, VariantGridModel::SkuColumn, taken);
        typeCell(dialog.variantView(), 0, VariantGridModel::PriceColumn, u"1"_s);
        QVERIFY(QMetaObject::invokeMethod(&dialog, "accept"));
        QVERIFY(dialog.errorText().startsWith(u"Variant 1: SKU \u201C%1\u201D is already used by"_s.arg(taken)));
        QCOMPARE(queued().size(), queuedBefore);
    }

    void duplicatesWithNewIdsAndUniqueSkus()
    {
        const QString id = productWithVariants();
        const auto original = storedProduct(id);
        const QList<Variant> originalVariants = storedVariants(id);
        QString copyId;
        for (const QString &suffix : {u"-copy"_s, u"-copy-2"_s}) {
            std::unique_ptr<ProductEditorDialog> dialog(ProductEditorDialog::duplicate(*m_temp->store, id));
            test::showActive(*dialog);
            QVERIFY(!dialog->isEditing());
            QCOMPARE(dialog->titleEdit()->text(), original->title + u" (copy)"_s);
            QCOMPARE(dialog->statusCombo()->currentIndex(), int(ProductStatus::Draft));
            QCOMPARE(dialog->variantModel()->rowCount(), originalVariants.size());
            QVERIFY(dialog->variantModel()->isNewRow(0));
            QTest::keyClick(dialog->titleEdit(), Qt::Key_Return);
            QCOMPARE(dialog->result(), int(QDialog::Accepted));
            QVERIFY(dialog->productId() != id && dialog->productId() != copyId);
            copyId = dialog->productId();
            const QList<Variant> copies = storedVariants(copyId);
            QCOMPARE(copies.size(), originalVariants.size());
            for (qsizetype i = 0; i < copies.size(); ++i) {
                QCOMPARE(copies.at(i).sku, originalVariants.at(i).sku + suffix);
                QCOMPARE(copies.at(i).price, originalVariants.at(i).price);
                QVERIFY(copies.at(i).barcode.isEmpty());
                QVERIFY(copies.at(i).id != originalVariants.at(i).id);
            }
            QCOMPARE(toString(storedProduct(copyId)->status), toString(ProductStatus::Draft));
        }
        QCOMPARE(storedVariants(id).size(), originalVariants.size()); // the original is untouched
        QCOMPARE(storedVariants(id).at(0).sku, originalVariants.at(0).sku);
    }

    void archiveQueuesProductArchive()
    {
        const QString id = productWithVariants();
        auto archived = ProductEditorDialog::archive(*m_temp->store, id);
        SK_VERIFY_OK(archived);
        QCOMPARE(archived->name, u"product.archive"_s);
        QCOMPARE(toString(storedProduct(id)->status), toString(ProductStatus::Archived));
    }

    void warehouseUsersCannotEdit()
    {
        const qsizetype queuedBefore = queued().size();
        ProductEditorDialog dialog(*m_temp->store, productWithVariants());
        dialog.setRole(u"warehouse"_s);
        test::showActive(dialog);
        QVERIFY(!dialog.saveButton()->isEnabled());
        QVERIFY(dialog.saveButton()->toolTip().contains(u"Warehouse"));
        QVERIFY(!dialog.addVariantButton()->isEnabled());
        QVERIFY(dialog.titleEdit()->isReadOnly());
        QVERIFY(dialog.variantModel()->isReadOnly());
        QTest::keyClick(dialog.titleEdit(), Qt::Key_Return);
        QVERIFY(dialog.isVisible());
        QCOMPARE(queued().size(), queuedBefore);

        ProductEditorDialog staff(*m_temp->store, productWithVariants());
        staff.setRole(u"staff"_s);
        QVERIFY(staff.saveButton()->isEnabled());
    }
};

QTEST_MAIN(tst_ProductEditorDialog)
#include "tst_producteditordialog.moc"
