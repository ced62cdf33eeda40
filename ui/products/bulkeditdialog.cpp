#include "bulkeditdialog.h"

#include "common/messagelabel.h"
#include "money/money.h"
#include "products/bulkeditpreviewmodel.h"
#include "products/productbulkedit.h"
#include "products/productlistmodel.h"
#include "products/productrights.h"

#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

#include <cmath>

using namespace Qt::StringLiterals;

namespace sk {

namespace {

QPushButton *fieldButton(const QString &text, const QString &name, QWidget *parent)
{
    auto *button = new QPushButton(text, parent);
    button->setObjectName(name);
    button->setAutoDefault(false); // Enter runs the field's own change (see returnPressed)
    return button;
}

} // namespace

BulkEditDialog::BulkEditDialog(ShopStore &store, const QStringList &productIds, QWidget *parent)
    : QDialog(parent), m_store(store), m_edit(new ProductBulkEdit(store, this))
{
    m_preview = new BulkEditPreviewModel(m_edit, this);
    build();
    auto loaded = m_edit->load(productIds);
    if (!loaded.ok())
        m_message->showError(tr("Could not read the selected products: %1").arg(loaded.error().toString()));
    connect(m_edit, &ProductBulkEdit::changed, this, &BulkEditDialog::updateSummary);
    updateSummary();
    m_status->setFocus(Qt::OtherFocusReason);
}

void BulkEditDialog::build()
{
    setObjectName(u"bulkEditDialog"_s);
    setWindowTitle(tr("Edit Products"));

    m_status = new QComboBox(this);
    m_status->setObjectName(u"status"_s);
    for (int i = 0; i < enumCount<ProductStatus>(); ++i)
        m_status->addItem(ProductListModel::statusText(ProductStatus(i)));
    m_setStatus = fieldButton(tr("S&et status"), u"setStatus"_s, this);
    connect(m_setStatus, &QPushButton::clicked, this, &BulkEditDialog::setStatusFromForm);
    auto *statusRow = new QHBoxLayout;
    statusRow->addWidget(m_status, 1);
    statusRow->addWidget(m_setStatus);

    m_tags = new QLineEdit(this);
    m_tags->setObjectName(u"tags"_s);
    m_tags->setPlaceholderText(tr("Comma-separated, e.g. summer, sale"));
    m_addTags = fieldButton(tr("A&dd tags"), u"addTags"_s, this);
    m_removeTags = fieldButton(tr("Re&move tags"), u"removeTags"_s, this);
    connect(m_tags, &QLineEdit::returnPressed, this, &BulkEditDialog::addTagsFromForm);
    connect(m_addTags, &QPushButton::clicked, this, &BulkEditDialog::addTagsFromForm);
    connect(m_removeTags, &QPushButton::clicked, this, &BulkEditDialog::removeTagsFromForm);
    auto *tagsRow = new QHBoxLayout;
    tagsRow->addWidget(m_tags, 1);
    tagsRow->addWidget(m_addTags);
    tagsRow->addWidget(m_removeTags);

    m_price = new QLineEdit(this);
    m_price->setObjectName(u"price"_s);
    m_price->setPlaceholderText(tr("e.g. 10 or -2,50"));
    m_priceMode = new QComboBox(this);
    m_priceMode->setObjectName(u"priceMode"_s);
    m_priceMode->addItem(tr("Amount"));
    m_priceMode->addItem(tr("Percent"));
    m_changePrice = fieldButton(tr("&Change prices"), u"changePrice"_s, this);
    connect(m_price, &QLineEdit::returnPressed, this, &BulkEditDialog::changePriceFromForm);
    connect(m_changePrice, &QPushButton::clicked, this, &BulkEditDialog::changePriceFromForm);
    auto *priceRow = new QHBoxLayout;
    priceRow->addWidget(m_price, 1);
    priceRow->addWidget(m_priceMode);
    priceRow->addWidget(m_changePrice);

    auto *form = new QFormLayout;
    form->addRow(tr("&Status:"), statusRow);
    form->addRow(tr("&Tags:"), tagsRow);
    form->addRow(tr("&Price change:"), priceRow);
    if (auto *label = qobject_cast<QLabel *>(form->labelForField(statusRow)))
        label->setBuddy(m_status);
    if (auto *label = qobject_cast<QLabel *>(form->labelForField(tagsRow)))
        label->setBuddy(m_tags);
    if (auto *label = qobject_cast<QLabel *>(form->labelForField(priceRow)))
        label->setBuddy(m_price);

    QAction *undo = m_edit->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction *redo = m_edit->undoStack()->createRedoAction(this, tr("&Redo"));
    // The platform's redo keys (Ctrl+Y on some) plus Ctrl+Shift+Z everywhere.
    QList<QKeySequence> redoKeys = QKeySequence::keyBindings(QKeySequence::Redo);
    const QKeySequence shiftZ(Qt::CTRL | Qt::SHIFT | Qt::Key_Z);
    if (!redoKeys.contains(shiftZ))
        redoKeys.append(shiftZ);
    redo->setShortcuts(redoKeys);
    addAction(undo);
    addAction(redo);
    m_undo = new QToolButton(this);
    m_undo->setObjectName(u"undo"_s);
    m_undo->setDefaultAction(undo);
    m_undo->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_redo = new QToolButton(this);
    m_redo->setObjectName(u"redo"_s);
    m_redo->setDefaultAction(redo);
    m_redo->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto *historyRow = new QHBoxLayout;
    historyRow->addWidget(new QLabel(tr("Pre&view:"), this), 1);
    historyRow->addWidget(m_undo);
    historyRow->addWidget(m_redo);

    m_view = new QTableView(this);
    m_view->setObjectName(u"preview"_s);
    m_view->setModel(m_preview);
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setTabKeyNavigation(false);
    if (auto *label = qobject_cast<QLabel *>(historyRow->itemAt(0)->widget()))
        label->setBuddy(m_view);

    m_message = new MessageLabel(this);
    m_message->setObjectName(u"messageLabel"_s);
    auto *buttons = new QDialogButtonBox(this);
    // ApplyRole, not AcceptRole: the box would make an accept button the default on show.
    m_apply = buttons->addButton(tr("&Apply"), QDialogButtonBox::ApplyRole);
    m_apply->setObjectName(u"apply"_s);
    m_apply->setAutoDefault(false);
    QPushButton *cancel = buttons->addButton(QDialogButtonBox::Cancel);
    cancel->setAutoDefault(false);
    connect(m_apply, &QPushButton::clicked, this, &BulkEditDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &BulkEditDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(historyRow);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    resize(fontMetrics().averageCharWidth() * 130, fontMetrics().lineSpacing() * 30);
}

void BulkEditDialog::setRole(const QString &role)
{
    const QString reason = ProductRights::editDeniedReason(role);
    m_readOnly = !reason.isEmpty();
    for (QWidget *widget : std::initializer_list<QWidget *>{m_status, m_setStatus, m_tags, m_addTags, m_removeTags,
                                                            m_price, m_priceMode, m_changePrice, m_apply}) {
        widget->setEnabled(!m_readOnly);
        widget->setToolTip(reason);
    }
    if (m_readOnly)
        m_message->showInfo(reason);
    else
        updateSummary();
}

QString BulkEditDialog::errorText() const
{
    return m_message->isError() ? m_message->message() : QString();
}

void BulkEditDialog::updateSummary()
{
    if (m_readOnly)
        return;
    const int edits = m_edit->pendingEditCount();
    m_apply->setEnabled(edits > 0);
    m_apply->setToolTip(edits > 0 ? QString() : tr("Nothing to apply yet."));
    m_message->showInfo(tr("%n product(s) selected", nullptr, int(m_edit->after().size())) + u"; "_s
                        + tr("%n change(s) to apply", nullptr, edits));
}

void BulkEditDialog::setStatusFromForm()
{
    if (m_readOnly)
        return;
    m_edit->setStatus(ProductStatus(qMax(0, m_status->currentIndex())));
}

void BulkEditDialog::addTagsFromForm()
{
    if (m_readOnly || m_tags->text().trimmed().isEmpty())
        return;
    m_edit->addTags(m_tags->text());
    m_tags->clear();
}

void BulkEditDialog::removeTagsFromForm()
{
    if (m_readOnly || m_tags->text().trimmed().isEmpty())
        return;
    m_edit->removeTags(m_tags->text());
    m_tags->clear();
}

Result<qint64> BulkEditDialog::percentFromForm() const
{
    QString text = m_price->text().trimmed();
    text.remove(u'%');
    text = text.trimmed();
    if (text.startsWith(u'+'))
        text.remove(0, 1);
    bool ok = false;
    double percent = m_edit->format().locale().toDouble(text, &ok);
    if (!ok)
        percent = QLocale::c().toDouble(text, &ok);
    if (!ok || !std::isfinite(percent) || std::abs(percent) > 1'000'000.0) {
        return makeError(u"validation.invalid_field"_s,
                         tr("Price change: \u201C%1\u201D is not a percentage.").arg(m_price->text()), u"price"_s);
    }
    // A percentage is not money: basis points (1 % = 100), rounded to the nearest.
    return qint64(std::llround(percent * 100.0));
}

void BulkEditDialog::changePriceFromForm()
{
    if (m_readOnly || m_price->text().trimmed().isEmpty())
        return;
    auto changed = [&]() -> Result<void> {
        if (m_priceMode->currentIndex() == PercentMode) {
            SK_TRY_ASSIGN(basisPoints, percentFromForm());
            return m_edit->changePriceByPercent(basisPoints);
        }
        SK_TRY_ASSIGN(currency, Currency::fromCode(m_edit->format().settings().currency));
        QString text = m_price->text().trimmed();
        if (text.startsWith(u'+'))
            text.remove(0, 1);
        auto amount = Money::parse(text, currency, m_edit->format().locale());
        if (!amount.ok()) {
            return makeError(u"validation.invalid_field"_s,
                             tr("Price change: \u201C%1\u201D is not an amount of %2.")
                                 .arg(m_price->text(), currency.code()),
                             u"price"_s);
        }
        return m_edit->changePriceBy(amount->minorUnits());
    }();
    if (!changed.ok()) {
        m_message->showError(changed.error().message);
        m_price->setFocus(Qt::OtherFocusReason);
        m_price->selectAll();
        return;
    }
    m_price->clear();
}

void BulkEditDialog::accept()
{
    if (m_readOnly || !m_apply->isEnabled())
        return;
    auto applied = m_edit->apply();
    if (!applied.ok()) {
        m_message->showError(applied.error().message);
        return;
    }
    m_queuedCount = *applied;
    QDialog::accept();
}

} // namespace sk
