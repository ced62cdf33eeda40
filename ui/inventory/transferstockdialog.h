#pragma once

#include "inventory/stockeditdialog.h"

namespace sk {

// Transfer stock of one variant between two locations, queued as inventory.transfer (the
// server records it as a transfer_out and a transfer_in ledger row).
class TransferStockDialog : public StockEditDialog
{
    Q_OBJECT

public:
    TransferStockDialog(ShopStore &store, const QString &variantId, const QString &fromLocationId,
                        QWidget *parent = nullptr);

    QComboBox *fromCombo() const { return m_from; }
    QComboBox *toCombo() const { return m_to; }
    QSpinBox *quantitySpin() const { return m_quantity; }
    QLineEdit *referenceEdit() const { return m_reference; }

    QString fromLocationId() const;
    QString toLocationId() const;

protected:
    Result<OutboxEntry> submit() override;
    QWidget *fieldWidget(const QString &field) const override;

private:
    void updatePreview();

    QComboBox *m_from = nullptr;
    QComboBox *m_to = nullptr;
    QSpinBox *m_quantity = nullptr;
    QLineEdit *m_reference = nullptr;
    QLabel *m_preview = nullptr;
};

} // namespace sk
