#include "refundorderdialog.h"

#include "common/messagelabel.h"
#include "domain/orderstatemachine.h"
#include "money/currency.h"
#include "money/money.h"
#include "orders/linequantityeditor.h"
#include "orders/orderactions.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QLineEdit>

using namespace Qt::StringLiterals;

namespace sk {

RefundOrderDialog::RefundOrderDialog(const OrderDetail &detail, const OrderFormat &format, QWidget *parent)
    : OrderLinesDialog(detail, parent), m_format(format)
{
    const auto refunded = OrderStateMachine::refundedQuantities(detail);
    for (const OrderLine &line : detail.lines) {
        const qint64 left = line.quantity - refunded.value(line.id);
        if (left > 0)
            quantities()->addLine(line, left, 0, tr("%1 of %2 not refunded").arg(left).arg(line.quantity));
    }
    const qint64 refundable = OrderActions::refundableAmount(detail);
    m_amount = new QLineEdit(this);
    m_amount->setObjectName(u"refundAmount"_s);
    m_amount->setPlaceholderText(money(refundable));
    m_restock = new QCheckBox(tr("&Restock the chosen items"), this);
    m_restock->setEnabled(false);
    m_reason = new QLineEdit(this);
    m_reason->setObjectName(u"refundReason"_s);
    m_reason->setMaxLength(5000);
    auto *form = new QFormLayout;
    form->addRow(tr("&Amount:"), m_amount);
    form->addRow(QString(), m_restock);
    form->addRow(tr("Rea&son:"), m_reason);
    connect(quantities(), &LineQuantityEditor::quantitiesChanged, this, &RefundOrderDialog::fillAmountFromLines);
    connect(m_amount, &QLineEdit::textEdited, errorLabel(), &MessageLabel::clearMessage);

    QString intro = tr("Paid %1, refunded %2: up to %3 can be refunded.")
                        .arg(money(detail.order.total), money(OrderStateMachine::refundedAmount(detail)),
                             money(refundable));
    if (!quantities()->isEmpty())
        intro += u'\n' + tr("Refund by item (optional):");
    setUp(tr("Refund order #%1").arg(detail.order.number), intro, form, tr("&Refund"));
    m_amount->setFocus();
}

QString RefundOrderDialog::money(qint64 minor) const
{
    return m_format.money(minor, detail().order.currency);
}

qint64 RefundOrderDialog::lineAmount(const QString &orderLineId, qint64 quantity) const
{
    const OrderLine *line = OrderStateMachine::findLine(detail(), orderLineId);
    if (!line || line->quantity <= 0)
        return 0;
    return line->total / line->quantity * quantity; // whole minor units, never more than paid
}

void RefundOrderDialog::fillAmountFromLines()
{
    const QList<RefundLine> chosen = lines();
    qint64 sum = 0;
    for (const RefundLine &line : chosen)
        sum += line.amount;
    m_restock->setEnabled(!chosen.isEmpty());
    sum = qMin(sum, OrderActions::refundableAmount(detail()));
    m_amount->setText(sum > 0 ? money(sum) : QString());
}

std::optional<qint64> RefundOrderDialog::amount() const
{
    const auto currency = Currency::fromCode(detail().order.currency);
    if (!currency.ok())
        return std::nullopt;
    const auto parsed = Money::parse(m_amount->text().trimmed(), *currency, m_format.locale());
    return parsed.ok() ? std::optional<qint64>(parsed->minorUnits()) : std::nullopt;
}

QList<RefundLine> RefundOrderDialog::lines() const
{
    QList<RefundLine> out;
    for (const auto &[lineId, quantity] : quantities()->quantities())
        out.append(RefundLine{lineId, quantity, lineAmount(lineId, quantity)});
    return out;
}

bool RefundOrderDialog::restock() const
{
    return m_restock->isEnabled() && m_restock->isChecked();
}

QString RefundOrderDialog::reason() const
{
    return m_reason->text().trimmed();
}

Result<void> RefundOrderDialog::check() const
{
    const std::optional<qint64> minor = amount();
    if (!minor) {
        return makeError(u"ui.orders.amount"_s,
                         tr("Type the amount to refund, for example %1.")
                             .arg(money(OrderActions::refundableAmount(detail()))),
                         u"amount"_s);
    }
    return OrderStateMachine::checkRefund(detail(), *minor, lines());
}

} // namespace sk
