#pragma once

#include "util/result.h"

#include <QDialog>
#include <QStringList>

class QComboBox;
class QLineEdit;
class QPushButton;
class QTableView;
class QToolButton;

namespace sk {

class BulkEditPreviewModel;
class MessageLabel;
class ProductBulkEdit;
class ShopStore;

// Bulk edit of the selected products: set the status, add or remove tags, change prices by an
// amount or a percentage. Each change shows at once in the before/after preview and can be
// undone and redone (Ctrl+Z / Ctrl+Shift+Z) until Apply queues them all; Cancel drops them.
// Enter in a field runs that field's change, never Apply (Alt+A), so a typo is never applied.
class BulkEditDialog : public QDialog
{
    Q_OBJECT

public:
    enum PriceMode { AmountMode, PercentMode };

    BulkEditDialog(ShopStore &store, const QStringList &productIds, QWidget *parent = nullptr);

    // Roles that may not edit products see the preview with every change disabled.
    void setRole(const QString &role);

    ProductBulkEdit *bulkEdit() const { return m_edit; }
    BulkEditPreviewModel *previewModel() const { return m_preview; }
    // How many edits the accepted Apply queued.
    int queuedCount() const { return m_queuedCount; }
    QString errorText() const;

    QComboBox *statusCombo() const { return m_status; }
    QPushButton *setStatusButton() const { return m_setStatus; }
    QLineEdit *tagsEdit() const { return m_tags; }
    QPushButton *addTagsButton() const { return m_addTags; }
    QPushButton *removeTagsButton() const { return m_removeTags; }
    QLineEdit *priceEdit() const { return m_price; }
    QComboBox *priceModeCombo() const { return m_priceMode; }
    QPushButton *changePriceButton() const { return m_changePrice; }
    QToolButton *undoButton() const { return m_undo; }
    QToolButton *redoButton() const { return m_redo; }
    QTableView *previewView() const { return m_view; }
    QPushButton *applyButton() const { return m_apply; }

public slots:
    // Apply: queues every change, then closes.
    void accept() override;
    void setStatusFromForm();
    void addTagsFromForm();
    void removeTagsFromForm();
    void changePriceFromForm();

private:
    void build();
    void updateSummary();
    Result<qint64> percentFromForm() const;

    ShopStore &m_store;
    ProductBulkEdit *m_edit = nullptr;
    BulkEditPreviewModel *m_preview = nullptr;
    int m_queuedCount = 0;
    bool m_readOnly = false;

    QComboBox *m_status = nullptr;
    QPushButton *m_setStatus = nullptr;
    QLineEdit *m_tags = nullptr;
    QPushButton *m_addTags = nullptr;
    QPushButton *m_removeTags = nullptr;
    QLineEdit *m_price = nullptr;
    QComboBox *m_priceMode = nullptr;
    QPushButton *m_changePrice = nullptr;
    QToolButton *m_undo = nullptr;
    QToolButton *m_redo = nullptr;
    QTableView *m_view = nullptr;
    MessageLabel *m_message = nullptr;
    QPushButton *m_apply = nullptr;
};

} // namespace sk
