#include "transferstockdialog.h"

#include "domain/mutationlimits.h"
#include "local/shopeditor.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>

using namespace Qt::StringLiterals;

namespace sk {

TransferStockDialog::TransferStockDialog(ShopStore &store, const QString &variantId, const QString &fromLocationId,
                                         QWidget *parent)
    : StockEditDialog(store, variantId, tr("&Transfer"), parent)
{
    setWindowTitle(tr("Transfer Stock"));
    setObjectName(u"transferStockDialog"_s);

    m_from = makeLocationCombo(fromLocationId);
    m_from->setObjectName(u"fromLocation"_s);
    // The first other location is the likely destination.
    QString to;
    for (const Location &location : locations()) {
        if (location.id != fromLocationId && location.active) {
            to = location.id;
            break;
        }
    }
    m_to = makeLocationCombo(to);
    m_to->setObjectName(u"toLocation"_s);
    m_quantity = new QSpinBox(this);
    m_quantity->setObjectName(u"quantity"_s);
    m_quantity->setRange(1, 1'000'000'000);
    m_quantity->setAccelerated(true);
    m_reference = new QLineEdit(this);
    m_reference->setObjectName(u"reference"_s);
    m_reference->setMaxLength(int(MutationLimits::NameLength));
    m_reference->setPlaceholderText(tr("Optional: transfer slip, carton…"));
    m_preview = new QLabel(this);
    m_preview->setObjectName(u"preview"_s);
    m_preview->setWordWrap(true);

    form()->addRow(tr("&From:"), m_from);
    form()->addRow(tr("T&o:"), m_to);
    form()->addRow(tr("&Quantity:"), m_quantity);
    form()->addRow(tr("&Reference:"), m_reference);
    form()->addRow(tr("After:"), m_preview);

    connect(m_from, &QComboBox::currentIndexChanged, this, &TransferStockDialog::updatePreview);
    connect(m_to, &QComboBox::currentIndexChanged, this, &TransferStockDialog::updatePreview);
    connect(m_quantity, &QSpinBox::valueChanged, this, &TransferStockDialog::updatePreview);
    updatePreview();
    m_quantity->setFocus(Qt::OtherFocusReason);
    m_quantity->selectAll();
}

QString TransferStockDialog::fromLocationId() const
{
    return m_from->currentData().toString();
}

QString TransferStockDialog::toLocationId() const
{
    return m_to->currentData().toString();
}

void TransferStockDialog::updatePreview()
{
    if (!isLoaded())
        return;
    const qint64 quantity = m_quantity->value();
    const qint64 from = item().onHandAt(fromLocationId());
    const qint64 to = item().onHandAt(toLocationId());
    if (fromLocationId() == toLocationId()) {
        m_preview->setText(tr("Choose two different locations."));
        return;
    }
    QString text = tr("%1: %2 on hand (now %3)\n%4: %5 on hand (now %6)")
                       .arg(m_from->currentText(), locale().toString(from - quantity), locale().toString(from),
                            m_to->currentText(), locale().toString(to + quantity), locale().toString(to));
    if (quantity > from)
        text += u'\n' + tr("That is more than %1 has on hand.").arg(m_from->currentText());
    m_preview->setText(text);
}

Result<OutboxEntry> TransferStockDialog::submit()
{
    if (fromLocationId().isEmpty())
        return fieldError(u"from_location_id"_s, tr("From"), tr("choose where the stock leaves."));
    if (toLocationId().isEmpty())
        return fieldError(u"to_location_id"_s, tr("To"), tr("choose where the stock goes."));
    if (fromLocationId() == toLocationId())
        return fieldError(u"to_location_id"_s, tr("To"), tr("choose a location other than %1.").arg(m_from->currentText()));
    return ShopEditor(store()).transferInventory(item().variantId, fromLocationId(), toLocationId(),
                                                 m_quantity->value(), m_reference->text().trimmed());
}

QWidget *TransferStockDialog::fieldWidget(const QString &field) const
{
    if (field == u"from_location_id")
        return m_from;
    if (field == u"to_location_id")
        return m_to;
    if (field == u"quantity")
        return m_quantity;
    if (field == u"reference")
        return m_reference;
    return nullptr;
}

} // namespace sk
