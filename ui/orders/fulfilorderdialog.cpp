#include "fulfilorderdialog.h"

#include "domain/orderstatemachine.h"
#include "orders/linequantityeditor.h"
#include "orders/orderactions.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QSpinBox>

using namespace Qt::StringLiterals;

namespace sk {

FulfilOrderDialog::FulfilOrderDialog(const OrderDetail &detail, QWidget *parent) : OrderLinesDialog(detail, parent)
{
    for (const FulfillmentLine &open : OrderActions::openLines(detail)) {
        const OrderLine *line = OrderStateMachine::findLine(detail, open.orderLineId);
        quantities()->addLine(*line, open.quantity, open.quantity,
                              tr("%1 of %2 left").arg(open.quantity).arg(line->quantity));
    }
    m_tracking = new QLineEdit(this);
    m_tracking->setObjectName(u"trackingNumber"_s);
    m_tracking->setMaxLength(255);
    m_carrier = new QComboBox(this);
    m_carrier->setObjectName(u"carrier"_s);
    m_carrier->setEditable(true);
    m_carrier->setInsertPolicy(QComboBox::NoInsert);
    m_carrier->addItems({QString(), u"DHL"_s, u"DPD"_s, u"FedEx"_s, u"GLS"_s, u"La Poste"_s, u"Royal Mail"_s,
                         u"UPS"_s, u"USPS"_s});
    auto *form = new QFormLayout;
    form->addRow(tr("&Tracking number:"), m_tracking);
    form->addRow(tr("&Carrier:"), m_carrier);
    setUp(tr("Fulfil order #%1").arg(detail.order.number), tr("Items to ship now:"), form, tr("&Fulfil"));
    if (QSpinBox *first = quantities()->firstBox())
        first->setFocus();
}

QList<FulfillmentLine> FulfilOrderDialog::lines() const
{
    QList<FulfillmentLine> out;
    for (const auto &[lineId, quantity] : quantities()->quantities())
        out.append(FulfillmentLine{lineId, quantity});
    return out;
}

QString FulfilOrderDialog::trackingNumber() const
{
    return m_tracking->text().trimmed();
}

QString FulfilOrderDialog::carrier() const
{
    return m_carrier->currentText().trimmed();
}

Result<void> FulfilOrderDialog::check() const
{
    return OrderStateMachine::checkFulfillment(detail(), lines());
}

} // namespace sk
