#include "inventorypage.h"

#include "common/listtable.h"
#include "common/messagelabel.h"
#include "common/searchfield.h"
#include "inventory/adjuststockdialog.h"
#include "inventory/inventoryhistoryview.h"
#include "inventory/stockcountmode.h"
#include "inventory/stocklookup.h"
#include "inventory/transferstockdialog.h"
#include "storage/shopstore.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

#include <algorithm>
#include <utility>

using namespace Qt::StringLiterals;

namespace sk {

InventoryPage::InventoryPage(QWidget *parent) : QWidget(parent)
{
    setObjectName(u"inventoryPage"_s);
    m_model = new InventoryLevelModel(this);
    m_notifier = new LowStockNotifier(this);

    m_search = new SearchField(tr("Search SKU, barcode or title (Ctrl+F)"), this);
    m_search->setObjectName(u"inventorySearch"_s);
    m_location = new QComboBox(this);
    m_location->setObjectName(u"inventoryLocation"_s);
    m_lowOnly = new QCheckBox(tr("&Low stock only"), this);
    m_lowOnly->setObjectName(u"lowStockOnly"_s);
    m_summary = new QLabel(this);
    m_summary->setObjectName(u"inventorySummary"_s);

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_search, 2);
    auto *locationLabel = new QLabel(tr("Locat&ion:"), this);
    locationLabel->setBuddy(m_location);
    filters->addWidget(locationLabel);
    filters->addWidget(m_location, 1);
    filters->addWidget(m_lowOnly);
    filters->addStretch();
    filters->addWidget(m_summary);

    m_lowStock = new MessageLabel(this);
    m_lowStock->setObjectName(u"lowStockBanner"_s);
    m_message = new MessageLabel(this);
    m_message->setObjectName(u"inventoryMessage"_s);

    m_table = new QTableView(this);
    m_table->setObjectName(u"inventoryTable"_s);
    m_table->setModel(m_model);
    ListTable::setUp(m_table);
    m_table->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_table->setSortingEnabled(true);
    const int ch = fontMetrics().averageCharWidth();
    m_table->setColumnWidth(InventoryLevelModel::SkuColumn, ch * 16);
    m_table->setColumnWidth(InventoryLevelModel::ProductColumn, ch * 32);
    m_table->setColumnWidth(InventoryLevelModel::OptionsColumn, ch * 14);
    m_table->setColumnWidth(InventoryLevelModel::LocationColumn, ch * 16);

    m_history = new InventoryHistoryView(this);
    m_history->hide();
    m_splitter = new QSplitter(Qt::Vertical, this);
    m_splitter->addWidget(m_table);
    m_splitter->addWidget(m_history);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);

    m_countMode = new StockCountMode(this);
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_splitter);
    m_stack->addWidget(m_countMode);

    auto *toolbar = new QToolBar(this);
    toolbar->setObjectName(u"inventoryToolbar"_s);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    buildActions();
    toolbar->addActions({m_adjust, m_transfer, m_count, m_historyAction, m_openProduct});

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(toolbar);
    layout->addLayout(filters);
    layout->addWidget(m_lowStock);
    layout->addWidget(m_message);
    layout->addWidget(m_stack, 1);

    connect(m_search, &SearchField::searchRequested, this, &InventoryPage::applyFilters);
    connect(m_location, &QComboBox::currentIndexChanged, this, &InventoryPage::applyFilters);
    connect(m_lowOnly, &QCheckBox::toggled, this, &InventoryPage::applyFilters);
    connect(m_table->horizontalHeader(), &QHeaderView::sortIndicatorChanged, this, [this](int section) {
        // Columns without an index go back to the natural order.
        if (section >= 0 && !InventoryLevelModel::isSortableColumn(section))
            m_table->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    });
    connect(m_model, &StoreListModel::errorOccurred, m_message, &MessageLabel::showError);
    connect(m_model, &QAbstractItemModel::modelReset, this, &InventoryPage::updateSummary);
    connect(m_model, &StoreListModel::loaded, this, &InventoryPage::onLoaded);
    ListTable::showBusyWhileLoading(m_table, m_model);
    connect(m_model, &StoreListModel::loadingChanged, this, &InventoryPage::updateSummary);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        updateActions();
        if (m_history->isVisible()) {
            const auto level = currentLevel();
            m_history->setVariant(level ? level->variantId : QString(), level ? level->label() : QString());
        }
    });
    connect(m_notifier, &LowStockNotifier::lowStock, this, &InventoryPage::onLowStock);
    connect(m_notifier, &LowStockNotifier::errorOccurred, m_message, &MessageLabel::showError);
    connect(m_countMode, &StockCountMode::finished, this, &InventoryPage::showList);
    connect(m_countMode, &StockCountMode::edited, this, [this] {
        const StockCountMode::CountedItem &item = m_countMode->countedItems().constLast();
        afterEdit({{item.variantId, item.locationId}}, {});
    });
    setShop(nullptr, {});
}

InventoryPage::~InventoryPage() = default;

void InventoryPage::buildActions()
{
    auto make = [this](const QString &name, const QString &text, const QKeySequence &shortcut, const QString &tip) {
        auto *action = new QAction(text, this);
        action->setObjectName(name);
        action->setShortcut(shortcut);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        action->setToolTip(tip);
        action->setProperty("tip", tip); // restored when the role allows the action again
        addAction(action);
        return action;
    };
    m_adjust = make(u"adjustAction"_s, tr("&Adjust…"), QKeySequence(u"Ctrl+J"_s),
                    tr("Add or remove stock of the selected level, with a reason (Ctrl+J)"));
    m_transfer = make(u"transferAction"_s, tr("&Transfer…"), QKeySequence(u"Ctrl+Shift+T"_s),
                      tr("Move stock of the selected variant to another location (Ctrl+Shift+T)"));
    m_count = make(u"countAction"_s, tr("Stock &count"), QKeySequence(u"Ctrl+Shift+C"_s),
                   tr("Count stock with a barcode scanner (Ctrl+Shift+C)"));
    m_historyAction = make(u"historyAction"_s, tr("&History"), QKeySequence(u"Ctrl+H"_s),
                           tr("Show the stock movements of the selected variant (Ctrl+H)"));
    m_historyAction->setCheckable(true);
    m_openProduct = make(u"openProductAction"_s, tr("Open &product"), QKeySequence(u"Ctrl+Return"_s),
                         tr("Open the product of the selected level (Ctrl+Enter)"));
    connect(m_search->addFindShortcut(this), &QAction::triggered, this, [this] {
        if (isCountModeShown()) {
            showList(); // which focuses the table
            m_search->focusForSearch();
        }
    });
    connect(m_adjust, &QAction::triggered, this, &InventoryPage::adjustStock);
    connect(m_transfer, &QAction::triggered, this, &InventoryPage::transferStock);
    connect(m_count, &QAction::triggered, this, &InventoryPage::showCountMode);
    connect(m_historyAction, &QAction::toggled, this, &InventoryPage::setHistoryVisible);
    connect(m_openProduct, &QAction::triggered, this, [this] {
        if (const auto level = currentLevel())
            emit openRecordRequested(EntityRef{u"product"_s, level->productId});
    });
}

bool InventoryPage::roleMayChangeStock(const QString &role)
{
    return role == u"owner" || role == u"staff" || role == u"warehouse";
}

void InventoryPage::setShop(ShopStore *store, const QString &role)
{
    m_store = store;
    m_role = role;
    m_loaded = false;
    m_pending.reset();
    m_clearMessageOnLoad = false;
    m_message->clearMessage();
    m_lowStock->clearMessage();
    m_notifier->setShop(store); // watches from the start, in the background
    m_countMode->setAllowed(roleMayChangeStock(role), tr("Your role (%1) cannot change stock.").arg(role));
    {
        const QSignalBlocker blockSearch(m_search);
        const QSignalBlocker blockLow(m_lowOnly);
        m_search->clear();
        m_lowOnly->setChecked(false);
    }
    m_model->close();
    m_model->setFilter({});
    m_countMode->setShop(nullptr);
    m_history->setShop(nullptr);
    showList();
    if (isVisible())
        ensureLoaded();
    fillLocationFilter(m_model->locations());
    updateActions();
    updateSummary();
}

void InventoryPage::showEvent(QShowEvent *event)
{
    ensureLoaded();
    QWidget::showEvent(event);
}

void InventoryPage::ensureLoaded()
{
    if (!m_store || m_loaded)
        return;
    m_loaded = true;
    // Levels per location: the first location, not every level of a large shop at once.
    auto locations = [this]() -> Result<QList<Location>> {
        SK_TRY_ASSIGN(db, m_store->openReader());
        return StockLookup(*db).locations();
    }();
    if (locations.ok() && !locations->isEmpty()) {
        InventoryListFilter filter;
        filter.locationId = locations->constFirst().id;
        m_model->setFilter(filter);
    }
    if (!m_model->open(*m_store).ok())
        m_message->showError(m_model->lastError());
    m_countMode->setShop(m_store);
    m_history->setShop(m_store);
    fillLocationFilter(locations.ok() ? *locations : m_model->locations());
    updateActions();
    updateSummary();
}

void InventoryPage::fillLocationFilter(const QList<Location> &locations)
{
    const QString current = m_model->filter().locationId;
    const QSignalBlocker blocker(m_location);
    bool same = m_location->count() == locations.size() + 1;
    for (qsizetype i = 0; same && i < locations.size(); ++i)
        same = m_location->itemData(int(i) + 1).toString() == locations.at(i).id
            && m_location->itemText(int(i) + 1) == locations.at(i).name;
    if (!same) { // refilled only when the locations changed: an open popup stays as it is
        m_location->clear();
        m_location->addItem(tr("All locations"), QString());
        for (const Location &location : locations)
            m_location->addItem(location.name, location.id);
    }
    m_location->setCurrentIndex(qMax(0, m_location->findData(current)));
    if (m_location->currentData().toString() != current)
        applyFilters(); // the filtered location is gone
}

qint64 InventoryPage::selectedRid() const
{
    return m_table->currentIndex().data(InventoryLevelModel::RidRole).toLongLong();
}

void InventoryPage::applyFilters()
{
    const qint64 selected = selectedRid();
    InventoryListFilter filter;
    filter.locationId = m_location->currentData().toString();
    filter.lowStockOnly = m_lowOnly->isChecked();
    filter.search = m_search->text();
    m_model->setFilter(filter); // returns at once: the levels are read on a worker
    if (selected && m_model->isLoading())
        m_pending = PendingSelection{selected, {}, {}, false, false};
}

void InventoryPage::clearFilters()
{
    const QSignalBlocker blockSearch(m_search);
    const QSignalBlocker blockLocation(m_location);
    const QSignalBlocker blockLow(m_lowOnly);
    m_search->clear();
    m_location->setCurrentIndex(0);
    m_lowOnly->setChecked(false);
    m_model->setFilter({});
}

void InventoryPage::reload()
{
    m_notifier->checkAll();
    if (!m_loaded)
        return; // read when first shown
    if (const qint64 selected = selectedRid())
        m_pending = PendingSelection{selected, {}, {}, false, false};
    m_clearMessageOnLoad = true;
    (void)m_model->reload(); // errors reach errorOccurred
    m_history->reload();
}

void InventoryPage::onLoaded()
{
    fillLocationFilter(m_model->locations()); // a location gone since: shows them all, reading again
    if (std::exchange(m_clearMessageOnLoad, false) && m_model->lastError().isEmpty())
        m_message->clearMessage();
    updateSummary();
    updateActions();
    if (!m_model->isLoading() && m_pending)
        selectAfterLoad(*std::exchange(m_pending, std::nullopt));
}

void InventoryPage::selectAfterLoad(const PendingSelection &pending)
{
    const int row = pending.rid ? m_model->rowOfRid(pending.rid)
                                : m_model->rowOfVariant(pending.variantId, pending.locationId);
    if (row < 0 && pending.revealHidden && m_model->filter() != InventoryListFilter()) {
        // Hidden by a filter: show everything, then look again.
        m_pending = pending;
        clearFilters();
        return;
    }
    selectRow(row);
    if (row >= 0 && pending.focus)
        m_table->setFocus(Qt::OtherFocusReason);
}

void InventoryPage::selectRow(int row)
{
    if (row < 0) {
        updateActions();
        return;
    }
    const QModelIndex index = m_model->index(row, InventoryLevelModel::SkuColumn);
    m_table->setCurrentIndex(index);
    m_table->scrollTo(index);
}

std::optional<InventoryLevelRow> InventoryPage::currentLevel() const
{
    const QModelIndex current = m_table->currentIndex();
    return current.isValid() ? m_model->levelAt(current.row()) : std::nullopt;
}

bool InventoryPage::openRecord(const QString &id)
{
    ensureLoaded();
    if (!m_loaded)
        return false;
    const QString variantId = id.section(u':', 0, 0);
    const QString locationId = id.section(u':', 1, 1);
    showList();
    if (!m_model->hasLevel(variantId, locationId))
        return false;
    const PendingSelection pending{0, variantId, locationId, true, true};
    if (m_model->isLoading())
        m_pending = pending; // the rows being read decide
    else
        selectAfterLoad(pending);
    return true;
}

void InventoryPage::adjustStock()
{
    const auto level = currentLevel();
    if (!m_store || !level || !roleMayChangeStock(m_role))
        return;
    auto *dialog = new AdjustStockDialog(*m_store, level->variantId, level->locationId, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        afterEdit({{dialog->item().variantId, dialog->locationId()}},
                  tr("Stock of %1 at %2 adjusted by %3.")
                      .arg(dialog->item().label(), dialog->locationName(dialog->locationId()))
                      .arg(dialog->deltaSpin()->value()));
    });
    dialog->open();
}

void InventoryPage::transferStock()
{
    const auto level = currentLevel();
    if (!m_store || !level || !roleMayChangeStock(m_role))
        return;
    auto *dialog = new TransferStockDialog(*m_store, level->variantId, level->locationId, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const QString variant = dialog->item().variantId;
        afterEdit({{variant, dialog->fromLocationId()}, {variant, dialog->toLocationId()}},
                  tr("%1 of %2 moved from %3 to %4.")
                      .arg(dialog->quantitySpin()->value())
                      .arg(dialog->item().label(), dialog->locationName(dialog->fromLocationId()),
                           dialog->locationName(dialog->toLocationId())));
    });
    dialog->open();
}

void InventoryPage::afterEdit(const QList<LowStockNotifier::LevelKey> &levels, const QString &done)
{
    // The edit is in the visible rows already. A level new to the list (first stock at a
    // location) needs the rids read again; otherwise the shown rows are re-read in place.
    // Levels read before the edit (a load still running) are read again too.
    const bool listed = !m_model->isLoading()
        && std::all_of(levels.cbegin(), levels.cend(), [this](const LowStockNotifier::LevelKey &key) {
               return m_model->rowOfVariant(key.first, key.second) >= 0;
           });
    if (const qint64 selected = selectedRid())
        m_pending = PendingSelection{selected, {}, {}, false, false};
    if (listed)
        m_model->refreshRows(); // re-reads the rids too when the edit may move rows
    else
        (void)m_model->reload(); // errors reach errorOccurred
    if (!m_model->isLoading())
        m_pending.reset(); // read in place: the selection stayed
    if (!done.isEmpty())
        m_message->showInfo(done + u' ' + tr("It will be sent with the next sync."));
    m_notifier->checkLevels(levels);
    emit edited();
}

void InventoryPage::onLowStock(const QString &message, bool shownOnDesktop)
{
    // The tray showed it; otherwise it stays in the window until the next one.
    if (!shownOnDesktop)
        m_lowStock->showError(tr("Low stock: %1").arg(message));
}

void InventoryPage::showCountMode()
{
    ensureLoaded();
    if (!m_loaded || !roleMayChangeStock(m_role))
        return;
    if (const auto level = currentLevel())
        m_countMode->setLocation(level->locationId);
    else if (!m_model->filter().locationId.isEmpty())
        m_countMode->setLocation(m_model->filter().locationId);
    m_stack->setCurrentWidget(m_countMode);
    m_countMode->focusScan();
    updateActions();
}

void InventoryPage::showList()
{
    if (m_stack->currentWidget() == m_splitter)
        return;
    m_stack->setCurrentWidget(m_splitter);
    if (m_model->isOpen()) {
        if (const qint64 selected = selectedRid())
            m_pending = PendingSelection{selected, {}, {}, false, false};
        (void)m_model->reload(); // show what was counted
    }
    m_table->setFocus(Qt::OtherFocusReason);
    updateActions();
}

bool InventoryPage::isCountModeShown() const
{
    return m_stack->currentWidget() == m_countMode;
}

void InventoryPage::setHistoryVisible(bool visible)
{
    m_historyAction->setChecked(visible);
    m_history->setVisible(visible);
    if (visible) {
        const auto level = currentLevel();
        m_history->setVariant(level ? level->variantId : QString(), level ? level->label() : QString());
    }
}

QString InventoryPage::messageText() const
{
    return m_message->message();
}

QString InventoryPage::lowStockText() const
{
    return m_lowStock->message();
}

void InventoryPage::updateActions()
{
    const bool open = m_store != nullptr;
    const bool allowed = open && roleMayChangeStock(m_role);
    const bool selected = open && currentLevel().has_value() && !isCountModeShown();
    const QString denied = tr("Your role (%1) cannot change stock.").arg(m_role);
    m_adjust->setEnabled(allowed && selected);
    m_transfer->setEnabled(allowed && selected && m_model->locations().size() > 1);
    m_count->setEnabled(allowed && !isCountModeShown());
    m_historyAction->setEnabled(open);
    m_openProduct->setEnabled(selected);
    for (QAction *action : {m_adjust, m_transfer, m_count})
        action->setToolTip(open && !allowed ? denied : action->property("tip").toString());
}

void InventoryPage::updateSummary()
{
    if (!m_store) {
        m_summary->setText(tr("No shop is open."));
        return;
    }
    if (m_model->isLoading()) {
        m_summary->setText(m_model->filter().search.isEmpty() ? tr("Reading stock levels…") : tr("Searching…"));
        return;
    }
    const QString count = tr("%n stock level(s)", nullptr, m_model->rowCount());
    m_summary->setText(m_model->isSearchCapped()
                           ? tr("%1 (the first matches; refine the search)").arg(count)
                           : count);
}

} // namespace sk
