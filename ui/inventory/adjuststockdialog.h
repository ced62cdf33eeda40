#pragma once

#include "domain/enums.h"
#include "inventory/stockeditdialog.h"

namespace sk {

// Adjust stock: a signed change of on hand at one location, with a reason and a note, queued
// as inventory.adjust (never turned into a set, so it merges with other people's changes).
class AdjustStockDialog : public StockEditDialog
{
    Q_OBJECT

public:
    AdjustStockDialog(ShopStore &store, const QString &variantId, const QString &locationId,
                      QWidget *parent = nullptr);

    QComboBox *locationCombo() const { return m_location; }
    QSpinBox *deltaSpin() const { return m_delta; }
    QComboBox *reasonCombo() const { return m_reason; }
    QLineEdit *noteEdit() const { return m_note; }

    QString locationId() const;
    InventoryReason reason() const;
    void setReason(InventoryReason reason);

    // The reasons a manual adjustment may carry: every one but the transfer pair.
    static QList<InventoryReason> adjustableReasons();

protected:
    Result<OutboxEntry> submit() override;
    QWidget *fieldWidget(const QString &field) const override;

private:
    void updatePreview();

    QComboBox *m_location = nullptr;
    QLabel *m_onHand = nullptr;
    QSpinBox *m_delta = nullptr;
    QComboBox *m_reason = nullptr;
    QLineEdit *m_note = nullptr;
    QLabel *m_after = nullptr;
};

} // namespace sk
