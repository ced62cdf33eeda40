#pragma once

#include "domain/records.h"
#include "local/outbox.h"
#include "util/result.h"

#include <QDialog>

#include <optional>

class QComboBox;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableView;

namespace sk {

class MessageLabel;
class ShopEditor;
class ShopStore;
class VariantGridModel;

// Create, edit or duplicate a product: title, description, status, vendor, category, tags and
// a grid of variants (SKU, barcode, options, price, compare-at price, cost, weight). Saving
// queues product.create, or product.patch of the changed fields plus variant.patch /
// variant.create / variant.delete per changed, added or removed row, each through ShopEditor.
// Everything is checked before the first edit is queued; a problem names the field (and the
// variant row), moves the focus there, and the dialog stays open.
class ProductEditorDialog : public QDialog
{
    Q_OBJECT

public:
    // A new product with one empty variant row.
    explicit ProductEditorDialog(ShopStore &store, QWidget *parent = nullptr);
    // An existing product, read from the store (errorText() says so when it is not there).
    ProductEditorDialog(ShopStore &store, const QString &productId, QWidget *parent = nullptr);

    // A new product prefilled from an existing one: "<title> (copy)", draft, new ids, SKUs
    // suffixed "-copy" (then "-copy-2"... so they stay unique), barcodes cleared.
    static ProductEditorDialog *duplicate(ShopStore &store, const QString &productId, QWidget *parent = nullptr);
    // Asks "Archive <title>?" (default: Cancel); true when the user confirmed.
    static bool confirmArchive(QWidget *parent, const QString &title);
    // product.archive, queued.
    static Result<OutboxEntry> archive(ShopStore &store, const QString &productId);

    // "owner", "staff" or "warehouse": roles that may not edit get a read-only dialog whose
    // Save button says why in its tooltip.
    void setRole(const QString &role);

    bool isEditing() const { return m_original.has_value(); }
    // The product created or edited.
    QString productId() const { return m_productId; }
    // The edits queued by the accepted save (empty when nothing had changed).
    const QList<OutboxEntry> &queuedEdits() const { return m_queued; }
    QString errorText() const;

    QLineEdit *titleEdit() const { return m_title; }
    QPlainTextEdit *descriptionEdit() const { return m_description; }
    QComboBox *statusCombo() const { return m_status; }
    QLineEdit *vendorEdit() const { return m_vendor; }
    QLineEdit *categoryEdit() const { return m_category; }
    QLineEdit *tagsEdit() const { return m_tags; }
    QTableView *variantView() const { return m_variantView; }
    VariantGridModel *variantModel() const { return m_variants; }
    QPushButton *addVariantButton() const { return m_addVariant; }
    QPushButton *removeVariantButton() const { return m_removeVariant; }
    QPushButton *saveButton() const { return m_save; }

public slots:
    void accept() override;
    // Appends a new variant row and starts editing its SKU.
    void addVariant();
    void removeVariant();

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    enum class Mode { Create, Edit, Duplicate };
    ProductEditorDialog(ShopStore &store, const QString &productId, Mode mode, QWidget *parent);

    void build();
    void readShopFormat();
    void load(const QString &productId, Mode mode);
    void fill(const Product &product);
    Product productFromForm() const;
    Result<QList<Variant>> checkedVariants() const;
    Result<void> saveNew(const Product &product, const QList<Variant> &variants);
    Result<void> saveChanges(const Product &product, const QList<Variant> &variants);
    Result<void> queueChanges(ShopEditor &editor, const Product &product, const QList<Variant> &variants,
                              QList<OutboxEntry> &queued);
    void showError(const Error &error);

    ShopStore &m_store;
    std::optional<Product> m_original;
    QString m_productId;
    QList<OutboxEntry> m_queued;
    bool m_readOnly = false;
    bool m_loaded = true; // false when the product to edit or copy could not be read

    QLineEdit *m_title = nullptr;
    QPlainTextEdit *m_description = nullptr;
    QComboBox *m_status = nullptr;
    QLineEdit *m_vendor = nullptr;
    QLineEdit *m_category = nullptr;
    QLineEdit *m_tags = nullptr;
    VariantGridModel *m_variants = nullptr;
    QTableView *m_variantView = nullptr;
    QPushButton *m_addVariant = nullptr;
    QPushButton *m_removeVariant = nullptr;
    MessageLabel *m_error = nullptr;
    QPushButton *m_save = nullptr;
};

} // namespace sk
