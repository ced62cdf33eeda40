#pragma once

#include <QMainWindow>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QStackedWidget;
class QTableView;

namespace sk {

class ProductListModel;
class ShopStore;

// The back office window: a sidebar of sections and the page of the selected one.
// Only Products is live so far; the other sections say what they will hold.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    enum class Page { Orders, Products, Inventory, Customers, SyncIssues };

    // The store must outlive the window.
    explicit MainWindow(ShopStore &store, QWidget *parent = nullptr);
    ~MainWindow() override;

    Page currentPage() const;
    void showPage(Page page);

    QTableView *productTable() const { return m_productTable; }
    ProductListModel *productModel() const { return m_productModel; }

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildMenus();
    QWidget *buildProductsPage();
    void setDefaultColumnWidths();
    QWidget *buildComingSoonPage(const QString &title, const QString &text);
    void applyFilters();
    void clearFilters();
    void reloadProducts();
    void showProductError(const QString &message);
    void updateStatusBar();
    void showAbout();
    bool restoreSettings(); // true when the product columns were restored
    void saveSettings() const;

    ShopStore &m_store;
    ProductListModel *m_productModel = nullptr;
    QListWidget *m_sidebar = nullptr;
    QStackedWidget *m_pages = nullptr;
    QTableView *m_productTable = nullptr;
    QComboBox *m_statusFilter = nullptr;
    QLineEdit *m_vendorFilter = nullptr;
    QLineEdit *m_tagFilter = nullptr;
    QLabel *m_productError = nullptr;
    QLabel *m_statusSummary = nullptr;
};

} // namespace sk
