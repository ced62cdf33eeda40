#include "stockeditdialog.h"

#include "common/messagelabel.h"
#include "common/titlelabel.h"
#include "storage/shopstore.h"
#include "storage/sqlitedatabase.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace sk {

StockEditDialog::StockEditDialog(ShopStore &store, const QString &variantId, const QString &okText, QWidget *parent)
    : QDialog(parent), m_store(store)
{
    auto *itemLabel = new TitleLabel({}, TitleLabel::Size::Section, this);
    itemLabel->setObjectName(u"itemLabel"_s);
    itemLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_form = new QFormLayout;
    m_error = new MessageLabel(this);
    m_error->setObjectName(u"errorLabel"_s);

    auto *buttons = new QDialogButtonBox(this);
    m_ok = buttons->addButton(okText, QDialogButtonBox::AcceptRole);
    m_ok->setDefault(true);
    buttons->addButton(QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &StockEditDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &StockEditDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(itemLabel);
    layout->addLayout(m_form);
    layout->addWidget(m_error);
    layout->addStretch();
    layout->addWidget(buttons);

    auto loaded = [&]() -> Result<std::optional<StockItem>> {
        SK_TRY_ASSIGN(db, store.openReader());
        StockLookup lookup(*db);
        SK_TRY_ASSIGN(locations, lookup.locations());
        m_locations = locations;
        return lookup.byVariantId(variantId);
    }();
    if (!loaded.ok()) {
        showError(tr("Could not read this variant: %1").arg(loaded.error().toString()));
    } else if (!*loaded) {
        showError(tr("This variant is no longer in the shop (it may have been deleted by a sync)."));
    } else {
        m_item = *loaded;
        itemLabel->setText(m_item->label());
    }
    m_ok->setEnabled(isLoaded());
}

QString StockEditDialog::errorText() const
{
    return m_error->message();
}

QString StockEditDialog::locationName(const QString &locationId) const
{
    for (const Location &location : m_locations) {
        if (location.id == locationId)
            return location.name;
    }
    return locationId;
}

QComboBox *StockEditDialog::makeLocationCombo(const QString &selected)
{
    auto *combo = new QComboBox(this);
    for (const Location &location : std::as_const(m_locations)) {
        combo->addItem(location.active ? location.name : tr("%1 (inactive)").arg(location.name), location.id);
        if (location.id == selected)
            combo->setCurrentIndex(combo->count() - 1);
    }
    return combo;
}

void StockEditDialog::showError(const QString &message, QWidget *field)
{
    m_error->showError(message);
    if (field)
        field->setFocus(Qt::OtherFocusReason);
}

Error StockEditDialog::fieldError(const QString &field, const QString &label, const QString &message)
{
    return makeError(u"validation.invalid"_s, tr("%1: %2").arg(label, message), field);
}

void StockEditDialog::accept()
{
    if (!isLoaded())
        return;
    showError({});
    auto queued = submit();
    if (!queued.ok()) {
        showError(queued.error().message, fieldWidget(queued.error().detail));
        return;
    }
    m_queued = *queued;
    QDialog::accept();
}

} // namespace sk
