#include "adjuststockdialog.h"

#include "domain/inventoryrules.h"
#include "domain/mutationlimits.h"
#include "inventory/ledgermodel.h"
#include "local/shopeditor.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>

using namespace Qt::StringLiterals;

namespace sk {

namespace {

constexpr int kMaxDelta = 1'000'000'000;

} // namespace

AdjustStockDialog::AdjustStockDialog(ShopStore &store, const QString &variantId, const QString &locationId,
                                     QWidget *parent)
    : StockEditDialog(store, variantId, tr("&Adjust"), parent)
{
    setWindowTitle(tr("Adjust Stock"));
    setObjectName(u"adjustStockDialog"_s);

    m_location = makeLocationCombo(locationId);
    m_location->setObjectName(u"location"_s);
    m_onHand = new QLabel(this);
    m_onHand->setObjectName(u"onHand"_s);
    m_delta = new QSpinBox(this);
    m_delta->setObjectName(u"delta"_s);
    m_delta->setRange(-kMaxDelta, kMaxDelta);
    m_delta->setAccelerated(true);
    m_delta->setToolTip(tr("Units to add (positive) or remove (negative)."));
    m_reason = new QComboBox(this);
    m_reason->setObjectName(u"reason"_s);
    for (InventoryReason reason : adjustableReasons())
        m_reason->addItem(LedgerModel::reasonText(reason), toString(reason));
    setReason(InventoryReason::Correction);
    m_note = new QLineEdit(this);
    m_note->setObjectName(u"note"_s);
    m_note->setMaxLength(int(MutationLimits::NoteLength));
    m_note->setPlaceholderText(tr("Optional: why, delivery number…"));
    m_after = new QLabel(this);
    m_after->setObjectName(u"onHandAfter"_s);

    form()->addRow(tr("&Location:"), m_location);
    form()->addRow(tr("On hand:"), m_onHand);
    form()->addRow(tr("&Change:"), m_delta);
    form()->addRow(tr("&Reason:"), m_reason);
    form()->addRow(tr("&Note:"), m_note);
    form()->addRow(tr("On hand after:"), m_after);

    connect(m_location, &QComboBox::currentIndexChanged, this, &AdjustStockDialog::updatePreview);
    connect(m_delta, &QSpinBox::valueChanged, this, &AdjustStockDialog::updatePreview);
    updatePreview();
    m_delta->setFocus(Qt::OtherFocusReason);
    m_delta->selectAll();
}

QList<InventoryReason> AdjustStockDialog::adjustableReasons()
{
    QList<InventoryReason> reasons;
    for (int i = 0; i < enumCount<InventoryReason>(); ++i) {
        const auto reason = InventoryReason(i);
        if (reason != InventoryReason::TransferIn && reason != InventoryReason::TransferOut)
            reasons << reason;
    }
    return reasons;
}

QString AdjustStockDialog::locationId() const
{
    return m_location->currentData().toString();
}

InventoryReason AdjustStockDialog::reason() const
{
    return fromString<InventoryReason>(m_reason->currentData().toString()).value_or(InventoryReason::Correction);
}

void AdjustStockDialog::setReason(InventoryReason reason)
{
    m_reason->setCurrentIndex(m_reason->findData(toString(reason)));
}

void AdjustStockDialog::updatePreview()
{
    if (!isLoaded())
        return;
    const qint64 onHand = item().onHandAt(locationId());
    m_onHand->setText(locale().toString(onHand));
    m_after->setText(locale().toString(onHand + m_delta->value()));
}

Result<OutboxEntry> AdjustStockDialog::submit()
{
    const qint64 delta = m_delta->value();
    const QString changeLabel = tr("Change");
    if (locationId().isEmpty())
        return fieldError(u"location_id"_s, tr("Location"), tr("choose where the stock is."));
    if (delta == 0)
        return fieldError(u"delta"_s, changeLabel, tr("enter how many units to add (positive) or remove (negative)."));
    const InventoryReason why = reason();
    const auto sign = InventoryRules::requiredSign(why);
    if (sign == InventoryRules::DeltaSign::Positive && delta < 0) {
        return fieldError(u"delta"_s, changeLabel,
                          tr("stock marked \u201C%1\u201D adds units: enter a positive number.")
                              .arg(LedgerModel::reasonText(why)));
    }
    if (sign == InventoryRules::DeltaSign::Negative && delta > 0) {
        return fieldError(u"delta"_s, changeLabel,
                          tr("stock marked \u201C%1\u201D removes units: enter a negative number.")
                              .arg(LedgerModel::reasonText(why)));
    }
    return ShopEditor(store()).adjustInventory(item().variantId, locationId(), delta, why, {},
                                               m_note->text().trimmed());
}

QWidget *AdjustStockDialog::fieldWidget(const QString &field) const
{
    if (field == u"delta")
        return m_delta;
    if (field == u"reason")
        return m_reason;
    if (field == u"note")
        return m_note;
    if (field == u"location_id")
        return m_location;
    return nullptr;
}

} // namespace sk
