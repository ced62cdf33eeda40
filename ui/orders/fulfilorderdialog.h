#pragma once

#include "orders/orderlinesdialog.h"

#include <QList>

class QComboBox;
class QLineEdit;

namespace sk {

// Ships all or some of an order's open items: a quantity per line (all that is left, to
// start with), a tracking number and a carrier. OK is refused, with the reason shown in the
// dialog, when the order state machine would refuse the fulfilment.
class FulfilOrderDialog : public OrderLinesDialog
{
    Q_OBJECT

public:
    explicit FulfilOrderDialog(const OrderDetail &detail, QWidget *parent = nullptr);

    // The lines with a quantity above zero.
    QList<FulfillmentLine> lines() const;
    QString trackingNumber() const;
    QString carrier() const;

protected:
    Result<void> check() const override;

private:
    QLineEdit *m_tracking = nullptr;
    QComboBox *m_carrier = nullptr;
};

} // namespace sk
