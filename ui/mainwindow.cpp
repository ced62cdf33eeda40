#include "mainwindow.h"

#include "auth/profile.h"
#include "auth/shoppickerdialog.h"
#include "auth/shopsession.h"
#include "common/listtable.h"
#include "customers/customerspage.h"
#include "engine/syncworker.h"
#include "inventory/inventorypage.h"
#include "local/entityref.h"
#include "local/shopeditor.h"
#include "orders/orderspage.h"
#include "products/bulkeditdialog.h"
#include "products/producteditordialog.h"
#include "products/productlistmodel.h"
#include "products/productrights.h"
#include "search/globalsearchdialog.h"
#include "storage/shopstore.h"
#include "sync/pendingeditsdialog.h"
#include "sync/syncissuespanel.h"
#include "sync/syncstatuswidget.h"
#include "syncinfo.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QCoreApplication>
#include <QDateTime>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalBlocker>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

#include <sqlite3.h>

using namespace Qt::StringLiterals;

namespace sk {

namespace {

const auto kGeometryKey = "MainWindow/geometry"_L1;
const auto kStateKey = "MainWindow/state"_L1;
const auto kProductHeaderKey = "MainWindow/productHeader"_L1;
const auto kOrderHeaderKey = "MainWindow/orderHeader"_L1;
const auto kInventoryHeaderKey = "MainWindow/inventoryHeader"_L1;
const auto kCustomerHeaderKey = "MainWindow/customerHeader"_L1;
const auto kSyncIssueHeaderKey = "MainWindow/syncIssueHeader"_L1;

QLabel *pageTitle(const QString &text)
{
    auto *label = new QLabel(text);
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * 1.4);
    font.setBold(true);
    label->setFont(font);
    return label;
}

} // namespace

MainWindow::MainWindow(ShopStore &store, QWidget *parent) : QMainWindow(parent), m_store(&store)
{
    init();
}

MainWindow::MainWindow(ShopSession &session, QWidget *parent)
    : QMainWindow(parent), m_store(session.store()), m_session(&session)
{
    Q_ASSERT(m_store);
    connect(m_session, &ShopSession::shopAboutToChange, this, &MainWindow::closeShop);
    connect(m_session, &ShopSession::shopChanged, this, &MainWindow::onShopChanged);
    connect(m_session, &ShopSession::shopsChanged, this, &MainWindow::updateSessionStatus);
    connect(m_session, &ShopSession::syncFinished, this, &MainWindow::onSyncFinished);
    init();
}

void MainWindow::init()
{
    setObjectName(u"MainWindow"_s);
    m_productModel = new ProductListModel(this);
    connect(m_productModel, &ProductListModel::errorOccurred, this, &MainWindow::showProductError);
    connect(m_productModel, &QAbstractItemModel::modelReset, this, &MainWindow::updateStatusBar);
    connect(m_productModel, &ProductListModel::loadingChanged, this, &MainWindow::updateStatusBar);

    m_sidebar = new QListWidget;
    m_sidebar->setObjectName(u"sidebar"_s);
    m_sidebar->setUniformItemSizes(true);
    m_sidebar->setSpacing(2);
    m_sidebar->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_pages = new QStackedWidget;
    m_pages->setObjectName(u"pages"_s);

    // Sidebar rows and pages share one order: the row number is the Page value.
    const struct
    {
        QString name;
        QWidget *page;
    } sections[] = {
        {tr("Orders"), m_ordersPage = new OrdersPage},
        {tr("Products"), buildProductsPage()},
        {tr("Inventory"), m_inventoryPage = new InventoryPage},
        {tr("Customers"), m_customersPage = new CustomersPage},
        {tr("Sync issues"), m_syncIssuesPage = new QWidget},
    };
    for (const auto &section : sections) {
        auto *item = new QListWidgetItem(section.name, m_sidebar);
        item->setSizeHint(QSize(0, fontMetrics().height() * 2));
        m_pages->addWidget(section.page);
    }
    // Every section reports its local edits (sync soon) and links to records elsewhere.
    connect(m_ordersPage, &OrdersPage::edited, this, &MainWindow::onLocalEdit);
    connect(m_ordersPage, &OrdersPage::openRecordRequested, this, &MainWindow::openRecord);
    connect(m_inventoryPage, &InventoryPage::edited, this, &MainWindow::onLocalEdit);
    connect(m_inventoryPage, &InventoryPage::openRecordRequested, this, &MainWindow::openRecord);
    connect(m_customersPage, &CustomersPage::edited, this, &MainWindow::onLocalEdit);
    connect(m_customersPage, &CustomersPage::openRecordRequested, this, &MainWindow::openRecord);
    connect(this, &MainWindow::roleChanged, this, &MainWindow::openShopPages);
    int widest = 0;
    for (const auto &section : sections)
        widest = qMax(widest, fontMetrics().horizontalAdvance(section.name));
    m_sidebar->setFixedWidth(widest + fontMetrics().horizontalAdvance(u'M') * 6);
    connect(m_sidebar, &QListWidget::currentRowChanged, m_pages, &QStackedWidget::setCurrentIndex);

    auto *central = new QWidget;
    auto *centralLayout = new QHBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    centralLayout->setSpacing(0);
    centralLayout->addWidget(m_sidebar);
    centralLayout->addWidget(m_pages, 1);
    setCentralWidget(central);

    m_statusSummary = new QLabel;
    m_statusSummary->setObjectName(u"statusSummary"_s);
    statusBar()->addWidget(m_statusSummary, 1);
    m_sessionStatus = new QLabel;
    m_sessionStatus->setObjectName(u"sessionStatus"_s);
    statusBar()->addPermanentWidget(m_sessionStatus);
    m_syncIssuesPage->setObjectName(u"syncIssuesPage"_s);
    auto *syncIssuesLayout = new QVBoxLayout(m_syncIssuesPage);
    syncIssuesLayout->setContentsMargins(0, 0, 0, 0);

    buildMenus();
    // Before the model opens, so a saved sort costs no second query.
    const bool restoredColumns = restoreSettings();

    openShopModels();
    buildSyncWidgets();
    if (!restoredColumns)
        setDefaultColumnWidths(); // in the shop's formats, known once the model is open

    showPage(Page::Products);
    updateSessionStatus();
}

void MainWindow::openShopModels()
{
    m_productError->setVisible(false);
    auto opened = m_productModel->open(*m_store);
    if (!opened.ok())
        showProductError(tr("Could not open the product list: %1").arg(opened.error().toString()));
    openShopPages();
    updateWindowTitle();
    updateStatusBar();
    updateProductActions();
}

void MainWindow::openShopPages()
{
    // Each page reads its list when first shown, so this costs the start-up nothing.
    const QString current = role();
    m_ordersPage->setShop(m_store, current);
    m_inventoryPage->setShop(m_store, current);
    m_customersPage->setShop(m_store, current);
    updateProductActions();
}

void MainWindow::onLocalEdit()
{
    if (m_session && m_session->syncWorker())
        QMetaObject::invokeMethod(m_session->syncWorker(), "requestSync", Qt::QueuedConnection);
    reloadProducts();
}

void MainWindow::closeShop()
{
    // The pages and the sync widgets hold the shop file that is about to close.
    m_ordersPage->setShop(nullptr, {});
    m_inventoryPage->setShop(nullptr, {});
    m_customersPage->setShop(nullptr, {});
    dropSyncWidgets();
}

void MainWindow::dropSyncWidgets()
{
    // The next shop's panel starts with these columns.
    saveSyncIssueColumns();
    delete m_syncIssues;
    m_syncIssues = nullptr;
    delete m_syncStatus;
    m_syncStatus = nullptr;
}

void MainWindow::buildSyncWidgets()
{
    // Both are bound to one shop file: a switch makes new ones.
    dropSyncWidgets();
    SyncWorker *worker = m_session ? m_session->syncWorker() : nullptr;
    m_syncIssues = new SyncIssuesPanel(*m_store, worker);
    ListTable::restoreHeaderState(m_syncIssues->table(), QSettings().value(kSyncIssueHeaderKey).toByteArray());
    connect(m_syncIssues, &SyncIssuesPanel::openRecordRequested, this, &MainWindow::openRecord);
    m_syncIssuesPage->layout()->addWidget(m_syncIssues);
    if (!m_session)
        return; // a local file is never synced
    m_syncStatus = new SyncStatusWidget(*m_store, worker);
    if (const std::optional<SyncStatus> last = m_session->lastSyncStatus())
        m_syncStatus->setStatus(*last); // published before the widget existed
    // Left of the user and shop; index 1 counts the one normal widget, the summary.
    statusBar()->insertPermanentWidget(1, m_syncStatus);
}

void MainWindow::updateWindowTitle()
{
    QString name = m_productModel->shopSettings().name;
    if (name.isEmpty() && m_session)
        name = m_session->shop().name; // before the first sync brings the shop's settings
    setWindowTitle(name.isEmpty() ? tr("Storekeep") : tr("%1 — Storekeep").arg(name));
}

QString MainWindow::role() const
{
    return m_session ? m_session->role() : u"owner"_s;
}

void MainWindow::updateSessionStatus()
{
    if (const QString current = role(); current != m_lastRole) {
        const bool first = m_lastRole.isEmpty();
        m_lastRole = current;
        if (!first)
            emit roleChanged(current);
    }
    if (!m_session) {
        m_sessionStatus->setText(tr("Local file, not signed in"));
        m_sessionStatus->setToolTip(m_store->path());
        return;
    }
    const SessionInfo info = m_session->info();
    const ShopMembership shop = m_session->shop();
    m_sessionStatus->setText(tr("%1 — %2 (%3)").arg(info.email, shop.name, ShopPickerDialog::roleText(shop.role)));
    m_sessionStatus->setToolTip(tr("Signed in to %1 as %2 <%3>; %4 in %5.")
                                    .arg(info.serverUrl, info.name, info.email,
                                         ShopPickerDialog::roleText(shop.role), shop.name));
}

void MainWindow::onShopChanged()
{
    m_store = m_session->store();
    if (!m_store)
        return; // signed out: the window is about to go
    openShopModels();
    buildSyncWidgets();
    updateSessionStatus();
}

void MainWindow::onSyncFinished(const SyncReport &report, const QString &errorMessage)
{
    if (!errorMessage.isEmpty())
        return;
    if (report.initialSync) {
        openShopModels(); // the shop's name, currency and locale arrived with it
    } else if (report.pulledChanges > 0 || report.pushed > 0) {
        reloadProducts();
        m_ordersPage->refresh();
        m_inventoryPage->reload();
        m_customersPage->reload();
    }
}

bool MainWindow::confirmLeavingShop(LeaveReason reason)
{
    if (!m_session)
        return true;
    const Result<qint64> pending = m_session->pendingEdits();
    if (!pending.ok() || *pending == 0)
        return true;
    if (m_leavePrompt)
        return m_leavePrompt(this, reason, *pending);
    // Sync now, keep them in this shop's file for next time, or discard; carried out before we go.
    const QString action = reason == LeaveReason::SwitchShop ? u"switch shop"_s : u"sign out"_s;
    return PendingEditsDialog::settle(this, *m_store, m_session->syncWorker(), m_session->shop().name, action).proceed;
}

void MainWindow::switchShop()
{
    if (!m_session)
        return;
    m_session->refreshShops(); // the picker follows the answer when it comes
    ShopPickerDialog picker(m_session->shops(), this);
    picker.setCurrentShopId(m_session->shop().id);
    connect(m_session, &ShopSession::shopsChanged, &picker, [this, &picker] { picker.setShops(m_session->shops()); });
    if (picker.exec() != QDialog::Accepted)
        return;
    const std::optional<ShopMembership> chosen = picker.selectedShop();
    if (!chosen || chosen->id == m_session->shop().id)
        return;
    if (!confirmLeavingShop(LeaveReason::SwitchShop))
        return;
    const Result<void> opened = m_session->openShop(chosen->id);
    if (!opened.ok()) {
        QMessageBox::warning(this, tr("Switch Shop"),
                             tr("Could not open %1: %2").arg(chosen->name, opened.error().message));
    }
}

void MainWindow::signOut()
{
    if (!m_session || !confirmLeavingShop(LeaveReason::SignOut))
        return;
    saveSettings();
    m_signingOut = true;
    m_session->signOut();
}

MainWindow::~MainWindow() = default;

QWidget *MainWindow::buildProductsPage()
{
    auto *page = new QWidget;
    page->setObjectName(u"productsPage"_s);
    auto *layout = new QVBoxLayout(page);

    layout->addWidget(pageTitle(tr("Products")));

    auto *filters = new QHBoxLayout;
    m_statusFilter = new QComboBox;
    m_statusFilter->setObjectName(u"statusFilter"_s);
    m_statusFilter->addItem(tr("All statuses"));
    for (ProductStatus s : {ProductStatus::Active, ProductStatus::Draft, ProductStatus::Archived})
        m_statusFilter->addItem(ProductListModel::statusText(s), QVariant::fromValue(int(s)));
    m_vendorFilter = new QLineEdit;
    m_vendorFilter->setObjectName(u"vendorFilter"_s);
    m_vendorFilter->setPlaceholderText(tr("Any vendor"));
    m_vendorFilter->setClearButtonEnabled(true);
    m_tagFilter = new QLineEdit;
    m_tagFilter->setObjectName(u"tagFilter"_s);
    m_tagFilter->setPlaceholderText(tr("Any tag"));
    m_tagFilter->setClearButtonEnabled(true);
    auto *clear = new QPushButton(tr("Clear filters"));

    auto *statusLabel = new QLabel(tr("&Status:"));
    statusLabel->setBuddy(m_statusFilter);
    auto *vendorLabel = new QLabel(tr("&Vendor:"));
    vendorLabel->setBuddy(m_vendorFilter);
    auto *tagLabel = new QLabel(tr("T&ag:"));
    tagLabel->setBuddy(m_tagFilter);
    filters->addWidget(statusLabel);
    filters->addWidget(m_statusFilter);
    filters->addSpacing(12);
    filters->addWidget(vendorLabel);
    filters->addWidget(m_vendorFilter, 1);
    filters->addSpacing(12);
    filters->addWidget(tagLabel);
    filters->addWidget(m_tagFilter, 1);
    filters->addSpacing(12);
    filters->addWidget(clear);
    layout->addLayout(filters);

    connect(m_statusFilter, &QComboBox::currentIndexChanged, this, &MainWindow::applyFilters);
    connect(m_vendorFilter, &QLineEdit::editingFinished, this, &MainWindow::applyFilters);
    connect(m_tagFilter, &QLineEdit::editingFinished, this, &MainWindow::applyFilters);
    // The clear button empties the field without editingFinished.
    connect(m_vendorFilter, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (text.isEmpty())
            applyFilters();
    });
    connect(m_tagFilter, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (text.isEmpty())
            applyFilters();
    });
    connect(clear, &QPushButton::clicked, this, &MainWindow::clearFilters);

    // Product actions, with shortcuts that work while the products page has the focus.
    auto *actions = new QHBoxLayout;
    const auto addAction = [&](const QString &text, QKeySequence keys, void (MainWindow::*slot)(), bool needsSelection) {
        auto *action = new QAction(text, page);
        action->setShortcut(keys);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        action->setProperty("needsSelection", needsSelection);
        connect(action, &QAction::triggered, this, slot);
        page->addAction(action);
        auto *button = new QToolButton;
        button->setDefaultAction(action);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        actions->addWidget(button);
        m_productEditActions.append(action);
        return action;
    };
    addAction(tr("&New Product…"), QKeySequence::New, &MainWindow::newProduct, false)->setObjectName(u"actionNewProduct"_s);
    addAction(tr("&Edit…"), QKeySequence(Qt::CTRL | Qt::Key_E), &MainWindow::editCurrentProduct, true)
        ->setObjectName(u"actionEditProduct"_s);
    addAction(tr("D&uplicate…"), QKeySequence(Qt::CTRL | Qt::Key_D), &MainWindow::duplicateProduct, true)
        ->setObjectName(u"actionDuplicateProduct"_s);
    addAction(tr("Arc&hive"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A), &MainWindow::archiveProducts, true)
        ->setObjectName(u"actionArchiveProducts"_s);
    addAction(tr("&Bulk Edit…"), QKeySequence(Qt::CTRL | Qt::Key_B), &MainWindow::bulkEditProducts, true)
        ->setObjectName(u"actionBulkEditProducts"_s);
    actions->addStretch(1);
    layout->addLayout(actions);

    m_productError = new QLabel;
    m_productError->setObjectName(u"productError"_s);
    m_productError->setWordWrap(true);
    m_productError->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_productError->setVisible(false);
    layout->addWidget(m_productError);

    m_productTable = new QTableView;
    m_productTable->setObjectName(u"productTable"_s);
    m_productTable->setModel(m_productModel);
    m_productTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_productTable->setSelectionMode(QAbstractItemView::ExtendedSelection); // for bulk edit and archive
    m_productTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_productTable->setAlternatingRowColors(true);
    m_productTable->setShowGrid(false);
    m_productTable->setWordWrap(false);
    m_productTable->setCornerButtonEnabled(false);
    m_productTable->setTextElideMode(Qt::ElideRight);
    m_productTable->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);

    // Fixed row height: resize-to-contents would measure every one of a million rows.
    QHeaderView *rows = m_productTable->verticalHeader();
    rows->setSectionResizeMode(QHeaderView::Fixed);
    rows->setDefaultSectionSize(fontMetrics().height() + 10);
    rows->setVisible(false);

    QHeaderView *columns = m_productTable->horizontalHeader();
    columns->setSectionResizeMode(QHeaderView::Interactive);
    columns->setSectionResizeMode(ProductListModel::TitleColumn, QHeaderView::Stretch);
    columns->setHighlightSections(false);
    columns->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    columns->setMinimumSectionSize(fontMetrics().horizontalAdvance(u'M') * 4);

    // Sorting happens in SQL; only indexed columns can be sorted, so a click on any other
    // header puts the indicator back where the data really is sorted.
    columns->setSortIndicator(m_productModel->sortColumn(), m_productModel->sortOrder());
    m_productTable->setSortingEnabled(true);
    connect(columns, &QHeaderView::sortIndicatorChanged, this, [this, columns](int column, Qt::SortOrder) {
        if (!ProductListModel::isSortableColumn(column)) {
            const QSignalBlocker block(columns);
            columns->setSortIndicator(m_productModel->sortColumn(), m_productModel->sortOrder());
        }
    });
    ListTable::addColumnChooser(m_productTable);
    connect(m_productTable, &QAbstractItemView::activated, this, &MainWindow::editCurrentProduct);
    connect(m_productTable->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &MainWindow::updateProductActions);
    layout->addWidget(m_productTable, 1);
    return page;
}

QStringList MainWindow::selectedProductIds() const
{
    QStringList ids;
    const QModelIndexList rows = m_productTable->selectionModel()->selectedRows();
    for (const QModelIndex &row : rows) {
        const QString id = row.data(ProductListModel::IdRole).toString();
        if (!id.isEmpty())
            ids.append(id);
    }
    return ids;
}

void MainWindow::updateProductActions()
{
    if (!m_productTable || !m_productTable->selectionModel())
        return;
    const QString current = role();
    const bool mayEdit = ProductRights::mayEdit(current);
    const bool selected = m_productTable->selectionModel()->hasSelection();
    for (QAction *action : std::as_const(m_productEditActions)) {
        const bool needsSelection = action->property("needsSelection").toBool();
        // Edit opens read-only for a role that may not change products; the rest are disabled.
        const bool isEdit = action->objectName() == "actionEditProduct"_L1;
        action->setEnabled((mayEdit || isEdit) && (!needsSelection || selected));
        action->setToolTip(mayEdit || isEdit ? action->text().remove(u'&') : ProductRights::editDeniedReason(current));
    }
}

void MainWindow::newProduct()
{
    ProductEditorDialog dialog(*m_store, this);
    dialog.setRole(role());
    if (dialog.exec() == QDialog::Accepted)
        onLocalEdit();
}

void MainWindow::editProduct(const QString &productId)
{
    ProductEditorDialog dialog(*m_store, productId, this);
    dialog.setRole(role());
    if (dialog.exec() == QDialog::Accepted)
        onLocalEdit();
}

void MainWindow::editCurrentProduct()
{
    const QString id = m_productTable->currentIndex().data(ProductListModel::IdRole).toString();
    if (!id.isEmpty())
        editProduct(id);
}

void MainWindow::duplicateProduct()
{
    const QString id = m_productTable->currentIndex().data(ProductListModel::IdRole).toString();
    if (id.isEmpty())
        return;
    std::unique_ptr<ProductEditorDialog> dialog(ProductEditorDialog::duplicate(*m_store, id, this));
    if (!dialog)
        return;
    dialog->setRole(role());
    if (dialog->exec() == QDialog::Accepted)
        onLocalEdit();
}

void MainWindow::archiveProducts()
{
    const QStringList ids = selectedProductIds();
    if (ids.isEmpty())
        return;
    const QString title = ids.size() == 1 ? m_productTable->currentIndex().siblingAtColumn(ProductListModel::TitleColumn).data().toString()
                                          : tr("%n products", nullptr, int(ids.size()));
    if (!ProductEditorDialog::confirmArchive(this, title))
        return;
    ShopEditor editor(*m_store);
    const Result<void> archived = editor.allOrNothing([&]() -> Result<void> {
        for (const QString &id : ids)
            SK_TRY(editor.archiveProduct(id));
        return {};
    });
    if (!archived.ok()) {
        showProductError(archived.error().message);
        return;
    }
    onLocalEdit();
}

void MainWindow::bulkEditProducts()
{
    const QStringList ids = selectedProductIds();
    if (ids.isEmpty())
        return;
    BulkEditDialog dialog(*m_store, ids, this);
    dialog.setRole(role());
    dialog.exec();
    if (dialog.queuedCount() > 0)
        onLocalEdit();
}

void MainWindow::setDefaultColumnWidths()
{
    // From sample texts rather than the data: measuring rows would read them all.
    const QFontMetrics fm = m_productTable->fontMetrics();
    const int padding = fm.horizontalAdvance(u'M') * 2;
    auto width = [&](const QString &sample) { return fm.horizontalAdvance(sample) + padding; };
    QHeaderView *columns = m_productTable->horizontalHeader();
    columns->resizeSection(ProductListModel::StatusColumn,
                           width(ProductListModel::statusText(ProductStatus::Archived)));
    columns->resizeSection(ProductListModel::VendorColumn, width(u"Maison Lumière & Co"_s));
    columns->resizeSection(ProductListModel::VariantsColumn, width(tr("Variants")));
    const QString price = m_productModel->formatMoney(88888);
    columns->resizeSection(ProductListModel::PriceColumn, width(price + u" – "_s + price));
    columns->resizeSection(ProductListModel::OnHandColumn, width(tr("On hand")));
    columns->resizeSection(ProductListModel::UpdatedColumn,
                           width(m_productModel->shopLocale().toString(QDateTime(QDate(2026, 12, 28), QTime(23, 59)),
                                                                       QLocale::ShortFormat)));
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    m_switchShopAction = file->addAction(tr("S&witch Shop…"), this, &MainWindow::switchShop);
    m_switchShopAction->setObjectName(u"actionSwitchShop"_s);
    m_switchShopAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    m_signOutAction = file->addAction(tr("Sign &Out"), this, &MainWindow::signOut);
    m_signOutAction->setObjectName(u"actionSignOut"_s);
    // A local file has no session to switch or leave.
    m_switchShopAction->setVisible(m_session != nullptr);
    m_signOutAction->setVisible(m_session != nullptr);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setObjectName(u"actionQuit"_s);
    quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    quit->setMenuRole(QAction::QuitRole);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *find = edit->addAction(tr("&Find in Shop…"), this, &MainWindow::openGlobalSearch);
    find->setObjectName(u"actionFindInShop"_s);
    find->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K)); // Command-K on macOS

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *reload = view->addAction(tr("&Reload"), this, &MainWindow::reloadCurrentPage);
    reload->setObjectName(u"actionReload"_s);
    // F5 only: GNOME's Refresh also means Ctrl+R, which is Sync Now here (two actions on one key fire neither).
    reload->setShortcut(QKeySequence(Qt::Key_F5));
    QAction *sidebar = view->addAction(tr("Show &Sidebar"));
    sidebar->setCheckable(true);
    sidebar->setChecked(true);
    connect(sidebar, &QAction::toggled, m_sidebar, &QWidget::setVisible);
    view->addSeparator();
    for (int row = 0; row < m_sidebar->count(); ++row) {
        QAction *go = view->addAction(m_sidebar->item(row)->text(), this, [this, row] { showPage(Page(row)); });
        go->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + row)));
    }

    // The toolbar: the actions used all day, with the same shortcuts as their menus.
    QToolBar *toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName(u"mainToolBar"_s);
    toolbar->setMovable(false);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    toolbar->addAction(find);
    toolbar->addAction(reload);
    if (m_session) {
        auto *syncNow = new QAction(tr("S&ync Now"), this);
        connect(syncNow, &QAction::triggered, this, [this] {
            if (m_session->syncWorker())
                QMetaObject::invokeMethod(m_session->syncWorker(), "syncNow", Qt::QueuedConnection);
        });
        file->insertAction(m_switchShopAction, syncNow);
        syncNow->setObjectName(u"actionSyncNow"_s);
        syncNow->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
        toolbar->addAction(syncNow);
    }

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(tr("&About Storekeep"), this, &MainWindow::showAbout);
    about->setObjectName(u"actionAbout"_s);
    about->setMenuRole(QAction::AboutRole);
    QAction *aboutQt = help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
    aboutQt->setMenuRole(QAction::AboutQtRole);
}

void MainWindow::openGlobalSearch()
{
    if (!m_store)
        return;
    auto *dialog = new GlobalSearchDialog(*m_store, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &GlobalSearchDialog::chosen, this, [this](const GlobalSearchHit &hit) {
        switch (hit.kind) {
        case GlobalSearchHit::Kind::Product: openRecord({u"product"_s, hit.id}); break;
        case GlobalSearchHit::Kind::Customer: openRecord({u"customer"_s, hit.id}); break;
        case GlobalSearchHit::Kind::Order: openRecord({u"order"_s, hit.id}); break;
        }
    });
    dialog->open();
}

void MainWindow::openRecord(const EntityRef &ref)
{
    if (ref.type == "order"_L1) {
        showPage(Page::Orders);
        m_ordersPage->openRecord(ref.id);
    } else if (ref.type == "customer"_L1) {
        showPage(Page::Customers);
        m_customersPage->openRecord(ref.id);
    } else if (ref.type == "inventory_level"_L1 || ref.type == "variant"_L1) {
        // A level's id is "variant:location", which the inventory page takes as it is.
        showPage(Page::Inventory);
        m_inventoryPage->openRecord(ref.id);
    } else if (ref.type == "ledger_entry"_L1 || ref.type == "location"_L1) {
        showPage(Page::Inventory);
    } else {
        showPage(Page::Products);
        if (ref.type == "product"_L1)
            editProduct(ref.id);
    }
}

MainWindow::Page MainWindow::currentPage() const
{
    return Page(m_pages->currentIndex());
}

void MainWindow::showPage(Page page)
{
    m_sidebar->setCurrentRow(int(page));
}

void MainWindow::applyFilters()
{
    ProductFilter filter;
    const QVariant status = m_statusFilter->currentData();
    if (status.isValid())
        filter.status = ProductStatus(status.toInt());
    filter.vendor = m_vendorFilter->text().trimmed();
    filter.tag = m_tagFilter->text().trimmed();
    m_productModel->setFilter(filter);
}

void MainWindow::clearFilters()
{
    {
        const QSignalBlocker b1(m_statusFilter);
        const QSignalBlocker b2(m_vendorFilter);
        const QSignalBlocker b3(m_tagFilter);
        m_statusFilter->setCurrentIndex(0);
        m_vendorFilter->clear();
        m_tagFilter->clear();
    }
    applyFilters();
}

void MainWindow::reloadCurrentPage()
{
    switch (currentPage()) {
    case Page::Orders: m_ordersPage->refresh(); break;
    case Page::Inventory: m_inventoryPage->reload(); break;
    case Page::Customers: m_customersPage->reload(); break;
    case Page::Products:
    case Page::SyncIssues: reloadProducts(); break;
    }
}

void MainWindow::reloadProducts()
{
    m_productError->setVisible(false);
    (void)m_productModel->reload(); // a failure arrives through errorOccurred
}

void MainWindow::showProductError(const QString &message)
{
    m_productError->setText(message);
    m_productError->setVisible(true);
}

void MainWindow::updateStatusBar()
{
    if (!m_statusSummary)
        return;
    ShopSettings shop = m_productModel->shopSettings();
    if (shop.name.isEmpty() && m_session && m_session->store()) {
        // Not downloaded yet: the membership knows the name and currency already.
        shop.name = m_session->shop().name;
        shop.currency = m_session->shop().currency;
    }
    QStringList parts;
    if (m_productModel->isLoading())
        parts << tr("Filtering products…");
    else
        parts << tr("%Ln product(s)", nullptr, m_productModel->rowCount());
    if (!shop.name.isEmpty())
        parts << shop.name;
    if (!shop.currency.isEmpty())
        parts << shop.currency;
    m_statusSummary->setText(parts.join(u"  ·  "_s));
    if (m_productModel->lastError().isEmpty())
        m_productError->setVisible(false);
}

void MainWindow::showAbout()
{
    const QString version = QCoreApplication::applicationVersion().isEmpty() ? tr("development build")
                                                                             : QCoreApplication::applicationVersion();
    const QString text =
        tr("<h3>Storekeep %1</h3>"
           "<p>A fast back office for your shop: orders, products, inventory and customers, "
           "on your desktop, online or offline.</p>"
           "<p>Qt %2<br>SQLite %3<br>%4</p>"
           "<p>Shop file: %5</p>")
            .arg(version.toHtmlEscaped(), QString::fromLatin1(qVersion()), QString::fromLatin1(sqlite3_libversion()),
                 SyncInfo::summary().toHtmlEscaped(), m_store->path().toHtmlEscaped());
    QMessageBox::about(this, tr("About Storekeep"), text);
}

bool MainWindow::restoreSettings()
{
    QSettings settings;
    const QByteArray geometry = settings.value(kGeometryKey).toByteArray();
    if (geometry.isEmpty() || !restoreGeometry(geometry))
        resize(1180, 720);
    restoreState(settings.value(kStateKey).toByteArray());
    const QByteArray header = settings.value(kProductHeaderKey).toByteArray();
    if (!header.isEmpty()) {
        QHeaderView *columns = m_productTable->horizontalHeader();
        columns->restoreState(header);
        m_productModel->sort(columns->sortIndicatorSection(), columns->sortIndicatorOrder());
        // The indicator must show how the model really sorts (the saved column may not sort).
        columns->setSortIndicator(m_productModel->sortColumn(), m_productModel->sortOrder());
    }
    // The other lists; the sync issues' panel is made per shop and restores its own.
    m_ordersPage->restoreHeaderState(settings.value(kOrderHeaderKey).toByteArray());
    ListTable::restoreHeaderState(m_inventoryPage->table(), settings.value(kInventoryHeaderKey).toByteArray());
    ListTable::restoreHeaderState(m_customersPage->table(), settings.value(kCustomerHeaderKey).toByteArray());
    return !header.isEmpty();
}

void MainWindow::saveSettings()
{
    // Layout only: never anything secret in QSettings.
    QSettings settings;
    settings.setValue(kGeometryKey, saveGeometry());
    settings.setValue(kStateKey, saveState());
    settings.setValue(kProductHeaderKey, m_productTable->horizontalHeader()->saveState());
    settings.setValue(kOrderHeaderKey, m_ordersPage->headerState());
    settings.setValue(kInventoryHeaderKey, ListTable::headerState(m_inventoryPage->table()));
    settings.setValue(kCustomerHeaderKey, ListTable::headerState(m_customersPage->table()));
    saveSyncIssueColumns();
}

void MainWindow::saveSyncIssueColumns()
{
    if (m_syncIssues)
        QSettings().setValue(kSyncIssueHeaderKey, ListTable::headerState(m_syncIssues->table()));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    event->accept();
    if (!m_signingOut)
        emit closed();
}

} // namespace sk
