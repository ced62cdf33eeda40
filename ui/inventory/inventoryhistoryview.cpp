#include "inventoryhistoryview.h"

#include "common/listtable.h"
#include "common/titlelabel.h"
#include "inventory/ledgermodel.h"
#include "storage/shopstore.h"

#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace sk {

namespace {

// The date edits show "Any" at their minimum, meaning no limit.
const QDate kNoLimit(2000, 1, 1);

QDateEdit *makeDateEdit(QWidget *parent, const QString &objectName)
{
    auto *edit = new QDateEdit(parent);
    edit->setObjectName(objectName);
    edit->setCalendarPopup(true);
    edit->setMinimumDate(kNoLimit);
    edit->setSpecialValueText(InventoryHistoryView::tr("Any"));
    edit->setDate(kNoLimit);
    return edit;
}

QDate limitOf(const QDateEdit *edit)
{
    return edit->date() == kNoLimit ? QDate() : edit->date();
}

} // namespace

InventoryHistoryView::InventoryHistoryView(QWidget *parent) : QWidget(parent)
{
    setObjectName(u"inventoryHistory"_s);
    m_model = new LedgerModel(this);
    m_title = new TitleLabel({}, TitleLabel::Size::Section, this);
    m_title->setObjectName(u"historyTitle"_s);

    m_location = new QComboBox(this);
    m_location->setObjectName(u"historyLocation"_s);
    m_reason = new QComboBox(this);
    m_reason->setObjectName(u"historyReason"_s);
    m_reason->addItem(tr("Any reason"));
    for (int i = 0; i < enumCount<InventoryReason>(); ++i)
        m_reason->addItem(LedgerModel::reasonText(InventoryReason(i)), toString(InventoryReason(i)));
    m_from = makeDateEdit(this, u"historyFrom"_s);
    m_to = makeDateEdit(this, u"historyTo"_s);

    auto *filters = new QHBoxLayout;
    auto addFilter = [&](const QString &text, QWidget *field) {
        auto *label = new QLabel(text, this);
        label->setBuddy(field);
        filters->addWidget(label);
        filters->addWidget(field);
    };
    addFilter(tr("L&ocation:"), m_location);
    addFilter(tr("R&eason:"), m_reason);
    addFilter(tr("Fro&m:"), m_from);
    addFilter(tr("T&o:"), m_to);
    filters->addStretch();

    m_table = new QTableView(this);
    m_table->setObjectName(u"historyTable"_s);
    m_table->setModel(m_model);
    ListTable::setUp(m_table);
    m_table->setColumnWidth(LedgerModel::WhenColumn, fontMetrics().averageCharWidth() * 18);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addLayout(filters);
    layout->addWidget(m_table, 1);

    connect(m_location, &QComboBox::currentIndexChanged, this, &InventoryHistoryView::applyFilter);
    connect(m_reason, &QComboBox::currentIndexChanged, this, &InventoryHistoryView::applyFilter);
    connect(m_from, &QDateEdit::dateChanged, this, &InventoryHistoryView::applyFilter);
    connect(m_to, &QDateEdit::dateChanged, this, &InventoryHistoryView::applyFilter);
    setVariant({}, {});
}

void InventoryHistoryView::setShop(ShopStore *store)
{
    // Filters first, while closed, so opening reads the right (empty) list once.
    m_model->close();
    fillLocations();
    setVariant({}, {});
    if (!store)
        return;
    (void)m_model->open(*store); // errors reach the page through errorOccurred
    fillLocations();
}

void InventoryHistoryView::fillLocations()
{
    const QSignalBlocker blocker(m_location);
    m_location->clear();
    m_location->addItem(tr("All locations"));
    if (!m_model->isOpen())
        return;
    for (const Location &location : m_model->locations())
        m_location->addItem(location.name, location.id);
}

void InventoryHistoryView::setVariant(const QString &variantId, const QString &label)
{
    m_variantId = variantId;
    m_title->setText(variantId.isEmpty() ? tr("Stock history: select a stock level above.")
                                         : tr("Stock history of %1").arg(label));
    applyFilter();
}

void InventoryHistoryView::reload()
{
    if (m_model->isOpen())
        (void)m_model->reload();
}

void InventoryHistoryView::applyFilter()
{
    LedgerFilter filter;
    // No variant selected: an empty list rather than the whole shop's ledger.
    filter.variantId = m_variantId.isEmpty() ? u"-"_s : m_variantId;
    filter.locationId = m_location->currentData().toString();
    if (const auto reason = fromString<InventoryReason>(m_reason->currentData().toString()))
        filter.reasons = {*reason};
    filter.from = limitOf(m_from);
    filter.to = limitOf(m_to);
    m_model->setFilter(filter);
}

} // namespace sk
