#include "auth/shoppickerdialog.h"

#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace sk {

namespace {

enum Column { NameColumn, RoleColumn, CurrencyColumn };
constexpr int ShopIdRole = Qt::UserRole + 1;

} // namespace

ShopPickerDialog::ShopPickerDialog(const QList<ShopMembership> &shops, QWidget *parent) : QDialog(parent)
{
    setObjectName(u"ShopPickerDialog"_s);
    setWindowTitle(tr("Choose a Shop"));

    auto *intro = new QLabel(tr("You work in several shops. Which one do you want to open?"));
    intro->setWordWrap(true);

    m_filter = new QLineEdit;
    m_filter->setObjectName(u"shopFilter"_s);
    m_filter->setPlaceholderText(tr("Type to filter"));
    m_filter->setClearButtonEnabled(true);
    m_filter->installEventFilter(this);
    auto *filterLabel = new QLabel(tr("&Find:"));
    filterLabel->setBuddy(m_filter);
    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(filterLabel);
    filterRow->addWidget(m_filter, 1);

    m_list = new QTreeWidget;
    m_list->setObjectName(u"shopList"_s);
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAllColumnsShowFocus(true);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setHeaderLabels({tr("Shop"), tr("Role"), tr("Currency")});
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    m_list->header()->setSectionResizeMode(RoleColumn, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(CurrencyColumn, QHeaderView::ResizeToContents);

    m_empty = new QLabel(tr("No shop matches."));
    m_empty->setObjectName(u"noShopMatches"_s);
    m_empty->setVisible(false);

    auto *buttons = new QDialogButtonBox;
    m_open = buttons->addButton(tr("&Open Shop"), QDialogButtonBox::AcceptRole);
    m_open->setObjectName(u"openShopButton"_s);
    m_open->setDefault(true);
    buttons->addButton(QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &ShopPickerDialog::acceptIfSelected);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(filterRow);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_empty);
    layout->addWidget(buttons);

    connect(m_filter, &QLineEdit::textChanged, this, &ShopPickerDialog::applyFilter);
    connect(m_list, &QTreeWidget::itemActivated, this, &ShopPickerDialog::acceptIfSelected);
    connect(m_list, &QTreeWidget::currentItemChanged, this, &ShopPickerDialog::updateButtons);

    setShops(shops);
    m_filter->setFocus();
    const int em = fontMetrics().horizontalAdvance(u'M');
    resize(em * 34, fontMetrics().height() * 22);
}

QString ShopPickerDialog::roleText(const QString &role)
{
    if (role == "owner"_L1)
        return QCoreApplication::translate("sk::ShopPickerDialog", "Owner");
    if (role == "staff"_L1)
        return QCoreApplication::translate("sk::ShopPickerDialog", "Staff");
    if (role == "warehouse"_L1)
        return QCoreApplication::translate("sk::ShopPickerDialog", "Warehouse");
    return role;
}

void ShopPickerDialog::setShops(const QList<ShopMembership> &shops)
{
    const std::optional<ShopMembership> selected = m_list->topLevelItemCount() > 0 ? selectedShop() : std::nullopt;
    m_shops = shops;
    // Sorted by name: people scan a list of shops alphabetically.
    std::stable_sort(m_shops.begin(), m_shops.end(), [](const ShopMembership &a, const ShopMembership &b) {
        return a.name.localeAwareCompare(b.name) < 0;
    });
    rebuild();
    const QString keep = selected ? selected->id : m_currentShopId;
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_list->topLevelItem(i);
        if (item->data(NameColumn, ShopIdRole).toString() == keep && !item->isHidden())
            m_list->setCurrentItem(item);
    }
    applyFilter();
}

void ShopPickerDialog::setCurrentShopId(const QString &shopId)
{
    m_currentShopId = shopId;
    rebuild();
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_list->topLevelItem(i);
        if (item->data(NameColumn, ShopIdRole).toString() == shopId)
            m_list->setCurrentItem(item);
    }
    applyFilter();
}

void ShopPickerDialog::rebuild()
{
    m_list->clear();
    for (const ShopMembership &shop : std::as_const(m_shops)) {
        const bool current = !m_currentShopId.isEmpty() && shop.id == m_currentShopId;
        auto *item = new QTreeWidgetItem(m_list);
        item->setText(NameColumn, current ? tr("%1 (open now)").arg(shop.name) : shop.name);
        item->setData(NameColumn, ShopIdRole, shop.id);
        item->setToolTip(NameColumn, shop.id);
        item->setText(RoleColumn, roleText(shop.role));
        item->setText(CurrencyColumn, shop.currency);
        if (current) {
            QFont bold = item->font(NameColumn);
            bold.setBold(true);
            item->setFont(NameColumn, bold);
        }
    }
}

void ShopPickerDialog::setFilterText(const QString &text)
{
    m_filter->setText(text);
}

QString ShopPickerDialog::filterText() const
{
    return m_filter->text();
}

void ShopPickerDialog::applyFilter()
{
    // Every word must appear in the shop's name or role ("hard own" finds Hardware as owner).
    const QStringList words = m_filter->text().split(u' ', Qt::SkipEmptyParts);
    QTreeWidgetItem *firstVisible = nullptr;
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_list->topLevelItem(i);
        const QString haystack = m_shops.value(i).name + u' ' + item->text(RoleColumn) + u' ' + m_shops.value(i).role;
        bool match = true;
        for (const QString &word : words)
            match = match && haystack.contains(word, Qt::CaseInsensitive);
        item->setHidden(!match);
        if (match && !firstVisible)
            firstVisible = item;
    }
    QTreeWidgetItem *current = m_list->currentItem();
    if (!current || current->isHidden())
        m_list->setCurrentItem(firstVisible);
    if (m_list->currentItem())
        m_list->currentItem()->setSelected(true);
    m_empty->setVisible(!firstVisible && !m_shops.isEmpty());
    if (m_shops.isEmpty()) {
        m_empty->setText(tr("Your account is not a member of any shop yet. Ask a shop owner to add you."));
        m_empty->setVisible(true);
    }
    updateButtons();
}

int ShopPickerDialog::visibleCount() const
{
    int count = 0;
    for (int i = 0; i < m_list->topLevelItemCount(); ++i)
        count += m_list->topLevelItem(i)->isHidden() ? 0 : 1;
    return count;
}

std::optional<ShopMembership> ShopPickerDialog::selectedShop() const
{
    const QTreeWidgetItem *item = m_list->currentItem();
    if (!item || item->isHidden())
        return std::nullopt;
    const QString id = item->data(NameColumn, ShopIdRole).toString();
    for (const ShopMembership &shop : m_shops) {
        if (shop.id == id)
            return shop;
    }
    return std::nullopt;
}

void ShopPickerDialog::updateButtons()
{
    m_open->setEnabled(selectedShop().has_value());
}

void ShopPickerDialog::acceptIfSelected()
{
    if (selectedShop())
        accept();
}

bool ShopPickerDialog::eventFilter(QObject *watched, QEvent *event)
{
    // Arrow keys in the filter move through the list, so typing and picking need no Tab.
    if (watched == m_filter && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        switch (key->key()) {
        case Qt::Key_Up:
        case Qt::Key_Down:
        case Qt::Key_PageUp:
        case Qt::Key_PageDown:
            QCoreApplication::sendEvent(m_list, event);
            return true;
        default:
            break;
        }
    }
    return QDialog::eventFilter(watched, event);
}

std::optional<ShopMembership> ShopPickerDialog::pick(const QList<ShopMembership> &shops, const QString &currentShopId,
                                                     QWidget *parent)
{
    if (shops.size() == 1)
        return shops.first();
    if (shops.isEmpty())
        return std::nullopt;
    ShopPickerDialog dialog(shops, parent);
    dialog.setCurrentShopId(currentShopId);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return dialog.selectedShop();
}

} // namespace sk
