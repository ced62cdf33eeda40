#pragma once

#include "orders/orderformat.h"
#include "orders/orderlinesdialog.h"

#include <QList>

#include <optional>

class QCheckBox;
class QLineEdit;

namespace sk {

// Refunds an order by amount, or by line: choosing quantities fills in their share of the
// line totals (the amount stays editable), and "restock" puts the chosen items back (shipped
// ones return to stock, unshipped ones are released). The amount is typed in the shop's
// locale, in the order's currency. OK is refused, with the reason shown in the dialog, when
// the amount cannot be read or the order state machine would refuse the refund.
class RefundOrderDialog : public OrderLinesDialog
{
    Q_OBJECT

public:
    RefundOrderDialog(const OrderDetail &detail, const OrderFormat &format, QWidget *parent = nullptr);

    // Minor units of the order's currency; nullopt while the text cannot be read.
    std::optional<qint64> amount() const;
    QList<RefundLine> lines() const;
    bool restock() const;
    QString reason() const;

    QLineEdit *amountEdit() const { return m_amount; }
    QCheckBox *restockBox() const { return m_restock; }

protected:
    Result<void> check() const override;

private:
    void fillAmountFromLines();
    qint64 lineAmount(const QString &orderLineId, qint64 quantity) const;
    QString money(qint64 minor) const;

    OrderFormat m_format;
    QLineEdit *m_amount = nullptr;
    QCheckBox *m_restock = nullptr;
    QLineEdit *m_reason = nullptr;
};

} // namespace sk
