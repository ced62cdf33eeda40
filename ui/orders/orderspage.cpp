#include "orderspage.h"

#include "common/listtable.h"
#include "common/messagelabel.h"
#include "local/shopeditor.h"
#include "orders/fulfilorderdialog.h"
#include "orders/orderdetailview.h"
#include "orders/orderdocument.h"
#include "orders/orderfilterbar.h"
#include "orders/orderlistmodel.h"
#include "orders/refundorderdialog.h"
#include "storage/orderrepository.h"
#include "storage/shopstore.h"
#include "storage/sqlitedatabase.h"

#include <QAction>
#include <QDateEdit>
#include <QFileDialog>
#include <QHeaderView>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QPrintDialog>
#include <QPrinter>
#include <QShortcut>
#include <QShowEvent>
#include <QSplitter>
#include <QStandardPaths>
#include <QTableView>
#include <QTextBrowser>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace sk {

OrdersPage::OrdersPage(QWidget *parent)
    : QWidget(parent), m_model(new OrderListModel(this)), m_filters(new OrderFilterBar(this)),
      m_error(new MessageLabel(this)), m_table(new QTableView(this)), m_detail(new OrderDetailView(this))
{
    m_table->setObjectName(u"orderTable"_s);
    m_table->setModel(m_model);
    ListTable::setUp(m_table);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAccessibleName(tr("Orders"));
    m_table->horizontalHeader()->setSortIndicator(m_model->sortColumn(), m_model->sortOrder());
    m_table->setSortingEnabled(true);
    const int em = m_table->fontMetrics().horizontalAdvance(u'M');
    const int widths[OrderListModel::ColumnCount] = {8, 13, 13, 8, 9, 10, 7, 9, 13};
    for (int c = 0; c < OrderListModel::ColumnCount; ++c)
        m_table->setColumnWidth(c, widths[c] * em);
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_table);
    splitter->addWidget(buildDetailPane());
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_filters);
    layout->addWidget(m_error);
    layout->addWidget(splitter, 1);
    setTabOrder(m_filters->toEdit(), m_table);
    setTabOrder(m_table, m_detail->browser());

    buildActions();
    connect(m_filters, &OrderFilterBar::filterChanged, m_model, &OrderListModel::setFilter);
    connect(m_model, &OrderListModel::errorOccurred, m_error, &MessageLabel::showError);
    connect(m_model, &QAbstractItemModel::modelReset, this, &OrdersPage::onModelReset);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid())
                    showOrder(m_model->idAt(current.row()));
            });
    // Enter opens the order: focus moves into its details; Escape comes back.
    connect(m_table, &QAbstractItemView::activated, m_detail, qOverload<>(&QWidget::setFocus));
    auto *back = new QShortcut(QKeySequence(Qt::Key_Escape), m_detail, nullptr, nullptr, Qt::WidgetWithChildrenShortcut);
    connect(back, &QShortcut::activated, m_table, qOverload<>(&QWidget::setFocus));
    connect(m_detail, &OrderDetailView::openRecordRequested, this, &OrdersPage::openRecordRequested);
    setShop(nullptr, {});
}

OrdersPage::~OrdersPage() = default;

QWidget *OrdersPage::buildDetailPane()
{
    auto *pane = new QWidget(this);
    auto *toolbar = new QToolBar(pane);
    toolbar->setObjectName(u"orderActions"_s);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(toolbar);
    layout->addWidget(m_detail, 1);
    return pane;
}

QAction *OrdersPage::addOrderAction(const QString &objectName, const QString &text, const QKeySequence &shortcut,
                                    OrderActions::Action kind, const QString &tip,
                                    const std::function<void()> &trigger)
{
    auto *action = new QAction(text, this);
    action->setObjectName(objectName);
    action->setShortcut(shortcut);
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(action, &QAction::triggered, this, trigger);
    addAction(action);
    m_table->addAction(action);
    m_actions.append(OrderAction{action, kind, tip});
    return action;
}

void OrdersPage::buildActions()
{
    using A = OrderActions::Action;
    auto *toolbar = findChild<QToolBar *>(u"orderActions"_s);
    toolbar->addAction(addOrderAction(u"fulfilAction"_s, tr("&Fulfil…"), QKeySequence(u"Ctrl+Shift+F"_s), A::Fulfil,
                                      tr("Ship all or some items, with a tracking number"), [this] { fulfil(); }));
    toolbar->addAction(addOrderAction(u"refundAction"_s, tr("&Refund…"), QKeySequence(u"Ctrl+Shift+R"_s), A::Refund,
                                      tr("Refund an amount or items, optionally restocking them"), [this] { refund(); }));
    toolbar->addAction(addOrderAction(u"cancelAction"_s, tr("&Cancel order…"), QKeySequence(u"Ctrl+Shift+X"_s),
                                      A::Cancel, tr("Cancel the order and release its reserved stock"),
                                      [this] { cancelOrder(); }));
    toolbar->addAction(addOrderAction(u"noteAction"_s, tr("Add &note…"), QKeySequence(u"Ctrl+Shift+N"_s), A::AddNote,
                                      tr("Add a note to the order's timeline"), [this] { addNote(); }));

    auto *documents = new QToolButton(toolbar);
    documents->setText(tr("&Documents"));
    documents->setPopupMode(QToolButton::InstantPopup);
    documents->addAction(addOrderAction(u"printInvoiceAction"_s, tr("Print &invoice…"), QKeySequence::Print,
                                        A::Invoice, tr("Print the invoice"),
                                        [this] { printDocument(A::Invoice); }));
    documents->addAction(addOrderAction(u"printPackingSlipAction"_s, tr("Print &packing slip…"),
                                        QKeySequence(u"Ctrl+Shift+P"_s), A::PackingSlip, tr("Print the packing slip"),
                                        [this] { printDocument(A::PackingSlip); }));
    documents->addAction(addOrderAction(u"saveInvoiceAction"_s, tr("Save invoice as PDF…"), {}, A::Invoice,
                                        tr("Save the invoice as a PDF file"), [this] { saveDocument(A::Invoice); }));
    documents->addAction(addOrderAction(u"savePackingSlipAction"_s, tr("Save packing slip as PDF…"), {},
                                        A::PackingSlip, tr("Save the packing slip as a PDF file"),
                                        [this] { saveDocument(A::PackingSlip); }));
    toolbar->addWidget(documents);

    auto *find = new QAction(tr("Find orders"), this);
    find->setShortcut(QKeySequence::Find);
    find->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(find, &QAction::triggered, m_filters->searchEdit(), [this] {
        m_filters->searchEdit()->setFocus(Qt::ShortcutFocusReason);
        m_filters->searchEdit()->selectAll();
    });
    // F5 is the main window's View > Reload, which refreshes the page shown.
    addActions({find});
}

void OrdersPage::setShop(ShopStore *store, const QString &role)
{
    m_store = store;
    m_role = store ? role : QString();
    m_loaded = false;
    m_reader.reset();
    m_shownId.clear();
    m_error->clearMessage();
    m_model->close();
    m_filters->clear(); // the closed model keeps the empty filter for the next shop
    m_detail->clear(store ? QString() : tr("No shop is open."));
    setColumnsForRole();
    if (isVisible())
        ensureLoaded();
    updateActions();
}

void OrdersPage::showEvent(QShowEvent *event)
{
    ensureLoaded();
    QWidget::showEvent(event);
}

void OrdersPage::ensureLoaded()
{
    if (m_loaded || !m_store)
        return;
    m_loaded = true;
    auto reader = m_store->openReader();
    if (!reader.ok()) {
        m_error->showError(tr("Could not open the orders: %1").arg(reader.error().toString()));
        updateActions();
        return;
    }
    m_reader = std::move(reader).value();
    m_format = OrderFormat(ShopFormat::read(*m_reader).valueOr(ShopFormat()));
    m_detail->setFormat(m_format);
    m_filters->setFormat(m_format);
    m_detail->clear();
    // Shows the first order through onModelReset(); a failure shows through errorOccurred.
    (void)m_model->open(*m_store);
}

namespace {

constexpr int kMoneyColumns[] = {OrderListModel::CustomerColumn, OrderListModel::TotalColumn};

} // namespace

void OrdersPage::setColumnsForRole()
{
    const bool money = OrderActions::seesMoneyAndCustomers(m_role);
    if (!money && !m_hiddenForRole) {
        m_userHidden.clear();
        for (int column : kMoneyColumns) {
            if (m_table->isColumnHidden(column))
                m_userHidden.append(column);
            m_table->setColumnHidden(column, true);
        }
        m_hiddenForRole = true;
    } else if (money && m_hiddenForRole) {
        for (int column : kMoneyColumns)
            m_table->setColumnHidden(column, m_userHidden.contains(column));
        m_hiddenForRole = false;
    }
    ListTable::setLockedColumns(m_table, money ? QList<int>() : QList<int>(std::begin(kMoneyColumns), std::end(kMoneyColumns)));
    m_detail->setShowsMoneyAndCustomers(money);
}

QByteArray OrdersPage::headerState()
{
    if (!m_hiddenForRole)
        return ListTable::headerState(m_table);
    for (int column : kMoneyColumns)
        m_table->setColumnHidden(column, m_userHidden.contains(column));
    const QByteArray state = ListTable::headerState(m_table);
    for (int column : kMoneyColumns)
        m_table->setColumnHidden(column, true);
    return state;
}

bool OrdersPage::restoreHeaderState(const QByteArray &state)
{
    if (!ListTable::restoreHeaderState(m_table, state))
        return false;
    // The state holds the user's choice for every column: the role hides from there.
    m_hiddenForRole = false;
    setColumnsForRole();
    return true;
}

void OrdersPage::onModelReset()
{
    // Keep showing the same order when the new list has it; else the first row.
    int row = m_model->rowOfId(m_shownId);
    if (row < 0 && m_model->rowCount() > 0)
        row = 0;
    if (row >= 0)
        m_table->setCurrentIndex(m_model->index(row, 0));
    else
        showOrder({});
}

bool OrdersPage::openRecord(const QString &id)
{
    ensureLoaded();
    if (!m_reader)
        return false;
    auto found = OrderRepository(*m_reader).order(id);
    if (!found.ok() || !*found)
        return false;
    const int row = m_model->rowOfId(id);
    if (row >= 0) {
        m_table->setCurrentIndex(m_model->index(row, 0));
        m_table->scrollTo(m_model->index(row, 0));
    }
    showOrder(id); // also when the list's filters hide it
    return true;
}

void OrdersPage::refresh()
{
    if (!m_loaded)
        return; // read fresh when first shown
    m_model->refresh();
    if (!m_shownId.isEmpty())
        showOrder(m_shownId);
}

void OrdersPage::showOrder(const QString &id)
{
    m_shownId = id;
    if (!m_reader || id.isEmpty()) {
        m_detail->clear();
    } else if (auto detail = OrderRepository(*m_reader).detail(id); !detail.ok()) {
        m_detail->clear(tr("Could not read order: %1").arg(detail.error().toString()));
    } else if (!*detail) {
        m_detail->clear(tr("This order is no longer in the shop."));
    } else {
        m_detail->showOrder(**detail, isPending(id));
    }
    updateActions();
}

bool OrdersPage::isPending(const QString &id) const
{
    auto stmt = m_reader->cached("SELECT 1 FROM outbox_entities WHERE entity_type = 'order' AND entity_id = ?1");
    if (!stmt.ok())
        return false;
    (*stmt)->bind(1, id);
    const bool pending = (*stmt)->step().valueOr(false);
    (*stmt)->reset();
    return pending;
}

const OrderDetail *OrdersPage::shown() const
{
    const auto &detail = m_detail->order();
    return detail ? &*detail : nullptr;
}

const OrderDetail *OrdersPage::allowedOrder(OrderActions::Action kind) const
{
    const OrderDetail *detail = shown();
    return detail && OrderActions::check(kind, detail, m_role).allowed ? detail : nullptr;
}

void OrdersPage::updateActions()
{
    for (const OrderAction &a : std::as_const(m_actions)) {
        const OrderActions::Verdict verdict = OrderActions::check(a.kind, shown(), m_role);
        a.action->setEnabled(verdict.allowed && m_store);
        a.action->setToolTip(verdict.allowed ? a.tip : verdict.reason);
        a.action->setStatusTip(a.action->toolTip());
    }
}

void OrdersPage::applyEdit(const QString &failure, const std::function<Result<OutboxEntry>(ShopEditor &)> &edit)
{
    if (!m_store)
        return;
    ShopEditor editor(*m_store);
    const auto done = edit(editor);
    if (!done.ok()) {
        m_error->showError(failure.arg(done.error().toString()));
        return;
    }
    m_error->clearMessage();
    refresh();
    emit edited();
}

void OrdersPage::fulfil()
{
    const OrderDetail *detail = allowedOrder(OrderActions::Action::Fulfil);
    if (!detail)
        return;
    auto *dialog = new FulfilOrderDialog(*detail, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QString id = detail->order.id;
    const QString failure = tr("Could not fulfil order #%1: %2").arg(detail->order.number);
    connect(dialog, &QDialog::accepted, this, [this, dialog, id, failure] {
        applyEdit(failure, [&](ShopEditor &editor) {
            return editor.fulfilOrder(id, dialog->lines(), dialog->trackingNumber(), dialog->carrier());
        });
    });
    dialog->open();
}

void OrdersPage::refund()
{
    const OrderDetail *detail = allowedOrder(OrderActions::Action::Refund);
    if (!detail)
        return;
    auto *dialog = new RefundOrderDialog(*detail, m_format, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QString id = detail->order.id;
    const QString failure = tr("Could not refund order #%1: %2").arg(detail->order.number);
    connect(dialog, &QDialog::accepted, this, [this, dialog, id, failure] {
        applyEdit(failure, [&](ShopEditor &editor) {
            return editor.refundOrder(id, dialog->amount().value_or(0), dialog->lines(), dialog->restock(),
                                      dialog->reason());
        });
    });
    dialog->open();
}

void OrdersPage::cancelOrder()
{
    askAndApply(OrderActions::Action::Cancel, tr("Cancel order #%1"),
                tr("Cancel order #%1? Stock reserved for it goes back on sale.\nReason (optional):"),
                tr("Cancel &order"), false, tr("Could not cancel order #%1: %2"),
                [](ShopEditor &editor, const QString &id, const QString &reason) {
                    return editor.cancelOrder(id, reason);
                });
}

void OrdersPage::addNote()
{
    askAndApply(OrderActions::Action::AddNote, tr("Add a note to order #%1"), tr("Note for order #%1:"),
                tr("Add &note"), true, tr("Could not add a note to order #%1: %2"),
                [](ShopEditor &editor, const QString &id, const QString &note) {
                    return editor.addOrderNote(id, note.trimmed());
                });
}

// Asks for one text (titles and messages take the order number as %1), then applies the edit.
void OrdersPage::askAndApply(OrderActions::Action kind, const QString &title, const QString &label,
                             const QString &okText, bool multiline, const QString &failure, const TextEdit &edit)
{
    const OrderDetail *detail = allowedOrder(kind);
    if (!detail)
        return;
    const QString id = detail->order.id;
    const qint64 number = detail->order.number;
    auto *ask = new QInputDialog(this);
    ask->setAttribute(Qt::WA_DeleteOnClose);
    ask->setObjectName(u"orderTextDialog"_s);
    ask->setWindowTitle(title.arg(number));
    ask->setLabelText(label.arg(number));
    ask->setOkButtonText(okText);
    ask->setCancelButtonText(tr("&Back"));
    ask->setOption(QInputDialog::UsePlainTextEditForTextInput, multiline);
    connect(ask, &QInputDialog::textValueSelected, this, [this, id, number, failure, edit](const QString &text) {
        applyEdit(failure.arg(number), [&](ShopEditor &editor) { return edit(editor, id, text); });
    });
    ask->open();
}

std::unique_ptr<OrderDocument> OrdersPage::documentFor(OrderActions::Action kind) const
{
    const OrderDetail *detail = allowedOrder(kind);
    if (!detail)
        return nullptr;
    const auto documentKind =
        kind == OrderActions::Action::Invoice ? OrderDocument::Kind::Invoice : OrderDocument::Kind::PackingSlip;
    return std::make_unique<OrderDocument>(documentKind, *detail, m_format);
}

void OrdersPage::printDocument(OrderActions::Action kind)
{
    const auto document = documentFor(kind);
    if (!document)
        return;
    QPrinter printer(QPrinter::HighResolution);
    printer.setDocName(document->title());
    QPrintDialog dialog(&printer, this);
    dialog.setWindowTitle(tr("Print %1").arg(document->title()));
    if (dialog.exec() == QDialog::Accepted)
        document->print(&printer);
}

void OrdersPage::saveDocument(OrderActions::Action kind)
{
    const auto document = documentFor(kind);
    if (!document)
        return;
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString path = QFileDialog::getSaveFileName(this, tr("Save %1").arg(document->title()),
                                                      folder + u'/' + document->suggestedFileName(),
                                                      tr("PDF files (*.pdf)"));
    if (path.isEmpty())
        return;
    const auto saved = document->savePdf(path);
    if (saved.ok())
        m_error->clearMessage();
    else
        m_error->showError(saved.error().toString());
}

} // namespace sk
