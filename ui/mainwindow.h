#pragma once

#include "engine/syncengine.h"

#include <QMainWindow>

#include <functional>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QStackedWidget;
class QTableView;

namespace sk {

class CustomersPage;
class InventoryPage;
class OrdersPage;
class ProductListModel;
struct EntityRef;
class ShopSession;
class ShopStore;
class SyncIssuesPanel;
class SyncStatusWidget;

// The back office window: a sidebar of sections and the page of the selected one.
// Only Products is live so far; the other sections say what they will hold.
//
// Two modes: signed in (a ShopSession: File > Switch Shop and Sign Out, the user and shop in the
// status bar, the window follows the session to another shop's file), or local (one shop file
// and no server: the offline demo, tests).
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    enum class Page { Orders, Products, Inventory, Customers, SyncIssues };
    enum class LeaveReason { SwitchShop, SignOut };
    // Asked before the open shop is left while it has unsent edits; false keeps the user there.
    using LeavePrompt = std::function<bool(QWidget *parent, LeaveReason reason, qint64 pendingEdits)>;

    // Local mode. The store must outlive the window.
    explicit MainWindow(ShopStore &store, QWidget *parent = nullptr);
    // Signed-in mode on the session's open shop. The session must outlive the window.
    explicit MainWindow(ShopSession &session, QWidget *parent = nullptr);
    ~MainWindow() override;

    Page currentPage() const;
    void showPage(Page page);

    ShopStore &store() const { return *m_store; }
    ShopSession *session() const { return m_session; }
    // The user's role in the open shop: owner, staff or warehouse; "owner" in local mode, where
    // the file is all yours. Sections check it to hide or disable what the role cannot do.
    QString role() const;

    // Replaces the question asked before leaving a shop with unsent edits (tests, or a richer
    // dialog).
    void setLeavePrompt(LeavePrompt prompt) { m_leavePrompt = std::move(prompt); }

    QTableView *productTable() const { return m_productTable; }
    OrdersPage *ordersPage() const { return m_ordersPage; }
    InventoryPage *inventoryPage() const { return m_inventoryPage; }
    CustomersPage *customersPage() const { return m_customersPage; }
    // The sync indicator in the status bar (signed-in mode only, else null) and the Sync issues page.
    SyncStatusWidget *syncStatusWidget() const { return m_syncStatus; }
    SyncIssuesPanel *syncIssuesPanel() const { return m_syncIssues; }
    ProductListModel *productModel() const { return m_productModel; }

public slots:
    // Products page actions: the editor (new, a product, a copy), archive, bulk edit.
    void newProduct();
    void editProduct(const QString &productId);
    void editCurrentProduct();
    void duplicateProduct();
    void archiveProducts();
    void bulkEditProducts();
    // After any local edit: sync soon, and show it.
    void onLocalEdit();
    // Shows a record in its section (global search, Sync issues' "Open record"): products and
    // variants, inventory levels and movements, customers, orders.
    void openRecord(const sk::EntityRef &ref);
    // Ctrl+K: the search across products, customers and orders.
    void openGlobalSearch();
    // File > Switch Shop: the shop picker, then the chosen shop's own file.
    void switchShop();
    // File > Sign Out: after the unsent-edits question, ends the session (ShopSession::signedOut).
    void signOut();

signals:
    // The window was closed by the user (not when signing out).
    void closed();
    // Another shop was opened, or the user's role in it changed: update what may be done.
    void roleChanged(const QString &role);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void init();
    void openShopModels();
    void openShopPages();
    void closeShop();
    void updateProductActions();
    QStringList selectedProductIds() const;
    void buildSyncWidgets();
    void dropSyncWidgets();
    void onShopChanged();
    void onSyncFinished(const sk::SyncReport &report, const QString &errorMessage);
    bool confirmLeavingShop(LeaveReason reason);
    void updateSessionStatus();
    void updateWindowTitle();
    void buildMenus();
    QWidget *buildProductsPage();
    void setDefaultColumnWidths();
    void applyFilters();
    void clearFilters();
    void reloadProducts();
    void reloadCurrentPage();
    void showProductError(const QString &message);
    void updateStatusBar();
    void showAbout();
    bool restoreSettings(); // true when the product columns were restored
    void saveSettings();
    void saveSyncIssueColumns();

    ShopStore *m_store = nullptr;
    ShopSession *m_session = nullptr;
    LeavePrompt m_leavePrompt;
    bool m_signingOut = false;
    QString m_lastRole;
    ProductListModel *m_productModel = nullptr;
    QListWidget *m_sidebar = nullptr;
    QStackedWidget *m_pages = nullptr;
    QTableView *m_productTable = nullptr;
    QComboBox *m_statusFilter = nullptr;
    QLineEdit *m_vendorFilter = nullptr;
    QLineEdit *m_tagFilter = nullptr;
    QLabel *m_productError = nullptr;
    QLabel *m_statusSummary = nullptr;
    QLabel *m_sessionStatus = nullptr;
    QWidget *m_syncIssuesPage = nullptr;
    OrdersPage *m_ordersPage = nullptr;
    InventoryPage *m_inventoryPage = nullptr;
    CustomersPage *m_customersPage = nullptr;
    QList<QAction *> m_productEditActions; // enabled by role and selection
    SyncIssuesPanel *m_syncIssues = nullptr;
    SyncStatusWidget *m_syncStatus = nullptr;
    QAction *m_switchShopAction = nullptr;
    QAction *m_signOutAction = nullptr;
};

} // namespace sk
