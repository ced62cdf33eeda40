#include "customerspage.h"

#include "common/listtable.h"
#include "common/messagelabel.h"
#include "common/searchfield.h"
#include "customers/customerdetailview.h"
#include "customers/customereditordialog.h"
#include "customers/customerlistmodel.h"
#include "storage/shopstore.h"

#include <QAction>
#include <QCompleter>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSplitter>
#include <QSignalBlocker>
#include <QStackedWidget>
#include <QStringListModel>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

#include <utility>

using namespace Qt::StringLiterals;

namespace sk {

CustomersPage::CustomersPage(QWidget *parent) : QWidget(parent)
{
    setObjectName(u"customersPage"_s);
    m_model = new CustomerListModel(this);

    m_search = new SearchField(tr("Search name, email or phone (Ctrl+F)"), this);
    m_search->setObjectName(u"customerSearch"_s);
    m_tagFilter = new QLineEdit(this);
    m_tagFilter->setObjectName(u"customerTagFilter"_s);
    m_tagFilter->setPlaceholderText(tr("Any tag"));
    m_tagFilter->setClearButtonEnabled(true);
    m_tagCompleter = new QCompleter(new QStringListModel(this), this);
    m_tagCompleter->setCaseSensitivity(Qt::CaseInsensitive);
    m_tagFilter->setCompleter(m_tagCompleter);
    auto *tagLabel = new QLabel(tr("T&ag:"), this);
    tagLabel->setBuddy(m_tagFilter);
    m_summary = new QLabel(this);
    m_summary->setObjectName(u"customerSummary"_s);
    auto *searchRow = new QHBoxLayout;
    searchRow->addWidget(m_search, 3);
    searchRow->addSpacing(12);
    searchRow->addWidget(tagLabel);
    searchRow->addWidget(m_tagFilter, 1);
    searchRow->addSpacing(12);
    searchRow->addWidget(m_summary);

    m_message = new MessageLabel(this);
    m_message->setObjectName(u"customersMessage"_s);

    m_table = new QTableView(this);
    m_table->setObjectName(u"customerTable"_s);
    m_table->setModel(m_model);
    ListTable::setUp(m_table);
    m_table->horizontalHeader()->setSortIndicator(CustomerListModel::NameColumn, Qt::AscendingOrder);
    m_table->setSortingEnabled(true);
    const int ch = fontMetrics().averageCharWidth();
    m_table->setColumnWidth(CustomerListModel::NameColumn, ch * 26);
    m_table->setColumnWidth(CustomerListModel::EmailColumn, ch * 30);

    m_detail = new CustomerDetailView(this);
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_table);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    m_denied = new QLabel(this);
    m_denied->setObjectName(u"customersDenied"_s);
    m_denied->setAlignment(Qt::AlignCenter);
    m_denied->setWordWrap(true);
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(splitter);
    m_stack->addWidget(m_denied);

    auto *toolbar = new QToolBar(this);
    toolbar->setObjectName(u"customersToolbar"_s);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    buildActions();
    toolbar->addActions({m_new, m_edit});

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(toolbar);
    layout->addLayout(searchRow);
    layout->addWidget(m_message);
    layout->addWidget(m_stack, 1);

    connect(m_search, &SearchField::searchRequested, this, &CustomersPage::applySearch);
    connect(m_tagFilter, &QLineEdit::editingFinished, this, &CustomersPage::applyTagFilter);
    // The clear button empties the field without editingFinished; picking a suggestion applies it.
    connect(m_tagFilter, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (text.isEmpty())
            applyTagFilter();
    });
    connect(m_tagCompleter, qOverload<const QString &>(&QCompleter::activated), this, &CustomersPage::applyTagFilter);
    connect(m_table->horizontalHeader(), &QHeaderView::sortIndicatorChanged, this, [this](int section) {
        if (!CustomerListModel::isSortableColumn(section)) // keep showing the order in use
            m_table->horizontalHeader()->setSortIndicator(m_model->sortColumn(), m_model->sortOrder());
    });
    connect(m_table, &QTableView::activated, this, &CustomersPage::editCustomer);
    connect(m_model, &CustomerListModel::errorOccurred, m_message, &MessageLabel::showError);
    connect(m_model, &QAbstractItemModel::modelReset, this, &CustomersPage::updateSummary);
    connect(m_model, &StoreListModel::loaded, this, &CustomersPage::onLoaded);
    ListTable::showBusyWhileLoading(m_table, m_model);
    connect(m_model, &StoreListModel::loadingChanged, this, &CustomersPage::updateSummary);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &CustomersPage::showCurrent);
    connect(m_detail, &CustomerDetailView::openOrderRequested, this,
            [this](const QString &orderId) { emit openRecordRequested(EntityRef{u"order"_s, orderId}); });
    setShop(nullptr, {});
}

CustomersPage::~CustomersPage() = default;

void CustomersPage::buildActions()
{
    m_new = new QAction(tr("&New customer…"), this);
    m_new->setObjectName(u"newCustomerAction"_s);
    m_new->setShortcut(QKeySequence::New);
    m_edit = new QAction(tr("&Edit…"), this);
    m_edit->setObjectName(u"editCustomerAction"_s);
    m_edit->setShortcut(QKeySequence(u"Ctrl+E"_s));
    m_search->addFindShortcut(this);
    for (QAction *action : {m_new, m_edit}) {
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(action);
    }
    connect(m_new, &QAction::triggered, this, &CustomersPage::newCustomer);
    connect(m_edit, &QAction::triggered, this, &CustomersPage::editCustomer);
}

bool CustomersPage::roleMaySeeCustomers(const QString &role)
{
    return role == u"owner" || role == u"staff";
}

void CustomersPage::setShop(ShopStore *store, const QString &role)
{
    m_store = store;
    m_role = role;
    m_loaded = false;
    m_pendingId.clear();
    m_clearMessageOnLoad = false;
    m_message->clearMessage();
    {
        const QSignalBlocker blocker(m_tagFilter);
        m_search->clear();
        m_tagFilter->clear();
    }
    m_model->close();
    m_model->clearFilters();
    qobject_cast<QStringListModel *>(m_tagCompleter->model())->setStringList({});
    m_detail->setShop(nullptr);
    const bool allowed = store && roleMaySeeCustomers(role);
    if (allowed) {
        m_stack->setCurrentIndex(0);
    } else {
        m_denied->setText(store ? tr("Your role (%1) does not give access to customers. Ask the shop owner if you "
                                     "need it.")
                                      .arg(role)
                                : tr("No shop is open."));
        m_stack->setCurrentWidget(m_denied);
    }
    m_search->setEnabled(allowed);
    m_tagFilter->setEnabled(allowed);
    if (isVisible())
        ensureLoaded();
    updateActions();
    updateSummary();
}

void CustomersPage::showEvent(QShowEvent *event)
{
    ensureLoaded();
    QWidget::showEvent(event);
}

void CustomersPage::ensureLoaded()
{
    if (m_loaded || !m_store || !roleMaySeeCustomers(m_role))
        return;
    m_loaded = true;
    m_detail->setShop(m_store);
    if (!m_model->open(*m_store).ok())
        m_message->showError(m_model->lastError());
    refreshTagChoices();
    updateActions();
    updateSummary();
}

QString CustomersPage::messageText() const
{
    return m_message->message();
}

QString CustomersPage::accessDeniedText() const
{
    return m_stack->currentWidget() == m_denied ? m_denied->text() : QString();
}

bool CustomersPage::isLoading() const
{
    return m_model->isLoading();
}

void CustomersPage::applySearch()
{
    const QString selected = m_detail->customerId();
    m_model->setSearchText(m_search->text()); // returns at once: the list is read on a worker
    if (!selected.isEmpty())
        selectCustomer(selected, false);
}

void CustomersPage::applyTagFilter()
{
    const QString selected = m_detail->customerId();
    m_model->setTagFilter(m_tagFilter->text()); // returns at once, as a search does
    if (!selected.isEmpty())
        selectCustomer(selected, false);
}

void CustomersPage::clearFilters()
{
    {
        const QSignalBlocker blocker(m_tagFilter);
        m_search->clear();
        m_tagFilter->clear();
    }
    m_model->clearFilters();
}

void CustomersPage::refreshTagChoices()
{
    if (!m_model->isOpen())
        return;
    auto tags = m_model->tags();
    // Without suggestions the filter still works: the error is not worth a message.
    qobject_cast<QStringListModel *>(m_tagCompleter->model())->setStringList(tags.valueOr(QStringList()));
}

void CustomersPage::reload()
{
    if (!m_model->isOpen())
        return; // read when first shown
    const QString selected = m_detail->customerId();
    refreshTagChoices();
    m_clearMessageOnLoad = true;
    (void)m_model->reload(); // errors reach errorOccurred
    if (!selected.isEmpty())
        selectCustomer(selected, false);
    m_detail->refresh();
}

void CustomersPage::onLoaded()
{
    if (std::exchange(m_clearMessageOnLoad, false) && m_model->lastError().isEmpty())
        m_message->clearMessage();
    updateSummary();
    if (!m_pendingId.isEmpty())
        selectCustomer(std::exchange(m_pendingId, QString()), m_pendingReveal);
}

void CustomersPage::selectCustomer(const QString &id, bool reveal)
{
    if (m_model->isLoading()) {
        m_pendingId = id; // the list being read decides
        m_pendingReveal = reveal;
        return;
    }
    const int row = m_model->rowOfId(id);
    if (row < 0 && reveal && (!m_model->searchText().isEmpty() || !m_model->tagFilter().isEmpty())) {
        clearFilters();
        selectCustomer(id, reveal); // once read
        return;
    }
    selectRow(row);
    if (row >= 0 && reveal)
        m_table->setFocus(Qt::OtherFocusReason);
}

void CustomersPage::selectRow(int row)
{
    if (row < 0) {
        showCurrent();
        return;
    }
    const QModelIndex index = m_model->index(row, CustomerListModel::NameColumn);
    m_table->setCurrentIndex(index);
    m_table->scrollTo(index);
    showCurrent();
}

void CustomersPage::showCurrent()
{
    const QModelIndex current = m_table->currentIndex();
    const QString id = current.isValid() ? m_model->idAt(current.row()) : QString();
    if (id.isEmpty())
        m_detail->clear();
    else if (id != m_detail->customerId())
        m_detail->showCustomer(id);
    updateActions();
}

bool CustomersPage::openRecord(const QString &id)
{
    ensureLoaded();
    if (!m_model->isOpen() || !m_model->hasCustomer(id))
        return false;
    selectCustomer(id, true);
    return true;
}

void CustomersPage::newCustomer()
{
    if (!m_store || !roleMaySeeCustomers(m_role))
        return;
    auto *dialog = new CustomerEditorDialog(*m_store, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { afterSave(dialog->customerId(), true); });
    dialog->open();
}

void CustomersPage::editCustomer()
{
    const QString id = m_detail->customerId();
    if (!m_store || id.isEmpty() || !roleMaySeeCustomers(m_role))
        return;
    auto *dialog = new CustomerEditorDialog(*m_store, id, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        if (dialog->queuedEdit())
            afterSave(dialog->customerId(), false);
    });
    dialog->open();
}

void CustomersPage::afterSave(const QString &customerId, bool created)
{
    refreshTagChoices(); // the edit may have brought a new tag
    (void)m_model->reload(); // errors reach errorOccurred
    openRecord(customerId);  // clears a search or tag filter that hides the customer
    m_detail->refresh();
    m_message->showInfo(created ? tr("Customer created. It will be sent with the next sync.")
                                : tr("Customer saved. The change will be sent with the next sync."));
    emit edited();
}

void CustomersPage::updateActions()
{
    const bool allowed = m_store && roleMaySeeCustomers(m_role);
    const QString denied = m_store ? tr("Your role (%1) cannot edit customers.").arg(m_role) : QString();
    m_new->setEnabled(allowed);
    m_edit->setEnabled(allowed && !m_detail->customerId().isEmpty());
    m_new->setToolTip(allowed ? tr("Create a customer (Ctrl+N)") : denied);
    m_edit->setToolTip(allowed ? tr("Edit the selected customer (Ctrl+E or Enter)") : denied);
}

void CustomersPage::updateSummary()
{
    if (!m_model->isOpen()) {
        m_summary->clear();
        return;
    }
    if (m_model->isLoading()) {
        m_summary->setText(m_model->searchText().isEmpty() ? tr("Reading customers…") : tr("Searching…"));
        return;
    }
    const QString count = tr("%n customer(s)", nullptr, m_model->rowCount());
    m_summary->setText(m_model->isSearchCapped() ? tr("%1 (the first matches; refine the search)").arg(count)
                                                 : count);
}

} // namespace sk
