#pragma once

#include "inventory/inventorylevelmodel.h"
#include "inventory/lowstocknotifier.h"
#include "local/entityref.h"

#include <QWidget>

#include <optional>

class QAction;
class QCheckBox;
class QComboBox;
class QLabel;
class QSplitter;
class QStackedWidget;
class QTableView;

namespace sk {

class InventoryHistoryView;
class MessageLabel;
class SearchField;
class ShopStore;
class StockCountMode;

// The Inventory section: stock levels per location (the first location to begin with; search,
// location, low stock only), with Adjust (Ctrl+J), Transfer (Ctrl+Shift+T), Stock count mode
// (Ctrl+Shift+C) and the History of the selected variant (Ctrl+H). Every edit is one local
// transaction through ShopEditor and is queued for sync; levels crossing their low-stock
// threshold are announced.
class InventoryPage : public QWidget
{
    Q_OBJECT

public:
    explicit InventoryPage(QWidget *parent = nullptr);
    ~InventoryPage() override;

    // nullptr: no shop open (every connection and model is dropped).
    void setShop(ShopStore *store, const QString &role);
    // Every role of the contract may change stock (owner, staff, warehouse).
    static bool roleMayChangeStock(const QString &role);

    InventoryLevelModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    SearchField *searchField() const { return m_search; }
    QComboBox *locationFilter() const { return m_location; }
    QCheckBox *lowStockOnlyBox() const { return m_lowOnly; }
    StockCountMode *countMode() const { return m_countMode; }
    InventoryHistoryView *historyView() const { return m_history; }
    LowStockNotifier *lowStockNotifier() const { return m_notifier; }
    QAction *adjustAction() const { return m_adjust; }
    QAction *transferAction() const { return m_transfer; }
    QAction *countAction() const { return m_count; }
    QAction *historyAction() const { return m_historyAction; }
    QAction *openProductAction() const { return m_openProduct; }
    bool isCountModeShown() const;
    // The levels of the filters are being read (the list and the summary say so).
    bool isLoading() const { return m_model->isLoading(); }
    // The inline message (an error, or what the last edit did), and the low-stock banner.
    QString messageText() const;
    QString lowStockText() const;
    std::optional<InventoryLevelRow> currentLevel() const;

public slots:
    // Selects the level of a variant (id) or of "variant:location" (an inventory_level id),
    // clearing filters that hide it. False when there is none. The selection may follow when
    // the levels have been read (isLoading()).
    bool openRecord(const QString &id);
    // Re-reads the levels (after a sync), keeping the selection, and checks for low stock.
    void reload();
    void adjustStock();
    void transferStock();
    void showCountMode();
    void showList();
    void setHistoryVisible(bool visible);

signals:
    // A local edit was made (the lead syncs on it).
    void edited();
    // "Open product" on the selected level.
    void openRecordRequested(const sk::EntityRef &record);

protected:
    // The levels are read when the page is first shown (or a record is opened), not at start-up.
    void showEvent(QShowEvent *event) override;

private:
    // What to select once the levels being read are in: a level (the selection across a
    // reload), or a variant's level (openRecord()), clearing filters that hide it.
    struct PendingSelection
    {
        qint64 rid = 0;
        QString variantId;
        QString locationId;
        bool revealHidden = false;
        bool focus = false;
    };
    void ensureLoaded();
    void onLoaded();
    void selectAfterLoad(const PendingSelection &pending);
    qint64 selectedRid() const;
    void clearFilters();
    void buildActions();
    void applyFilters();
    void fillLocationFilter(const QList<Location> &locations);
    void selectRow(int row);
    void afterEdit(const QList<LowStockNotifier::LevelKey> &levels, const QString &done);
    void onLowStock(const QString &message, bool shownOnDesktop);
    void updateActions();
    void updateSummary();

    ShopStore *m_store = nullptr;
    QString m_role;
    bool m_loaded = false;
    std::optional<PendingSelection> m_pending;
    bool m_clearMessageOnLoad = false; // after a sync's reload, unless it failed
    InventoryLevelModel *m_model = nullptr;
    LowStockNotifier *m_notifier = nullptr;
    QStackedWidget *m_stack = nullptr;
    QSplitter *m_splitter = nullptr;
    QTableView *m_table = nullptr;
    SearchField *m_search = nullptr;
    QComboBox *m_location = nullptr;
    QCheckBox *m_lowOnly = nullptr;
    QLabel *m_summary = nullptr;
    MessageLabel *m_message = nullptr;
    MessageLabel *m_lowStock = nullptr;
    StockCountMode *m_countMode = nullptr;
    InventoryHistoryView *m_history = nullptr;
    QAction *m_adjust = nullptr;
    QAction *m_transfer = nullptr;
    QAction *m_count = nullptr;
    QAction *m_historyAction = nullptr;
    QAction *m_openProduct = nullptr;
};

} // namespace sk
