#pragma once

#include "local/entityref.h"

#include <QWidget>

class QAction;
class QCompleter;
class QLabel;
class QLineEdit;
class QStackedWidget;
class QTableView;

namespace sk {

class CustomerDetailView;
class CustomerListModel;
class MessageLabel;
class SearchField;
class ShopStore;

// The Customers section: the list (search, a tag filter, sort by name or date), the selected customer's
// details and order history beside it, New (Ctrl+N) and Edit (Ctrl+E or Enter). Warehouse
// users never receive customer data, so the page says so instead.
class CustomersPage : public QWidget
{
    Q_OBJECT

public:
    explicit CustomersPage(QWidget *parent = nullptr);
    ~CustomersPage() override;

    // nullptr: no shop open (every connection and model is dropped).
    void setShop(ShopStore *store, const QString &role);
    // Owner and staff see and edit customers; warehouse does neither (as on the server).
    static bool roleMaySeeCustomers(const QString &role);

    CustomerListModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    CustomerDetailView *detailView() const { return m_detail; }
    SearchField *searchField() const { return m_search; }
    // One tag; it applies on Enter or leaving the field, and at once when cleared. Offers the
    // shop's customer tags as it is typed.
    QLineEdit *tagFilter() const { return m_tagFilter; }
    QAction *newAction() const { return m_new; }
    QAction *editAction() const { return m_edit; }
    QString messageText() const;
    // Shown instead of the list when the role may not see customers; empty otherwise.
    QString accessDeniedText() const;
    // The customers of the search are being read (the summary says so).
    bool isLoading() const;

public slots:
    // Selects the customer with this id (clearing a search that hides it); false when none.
    // The selection may follow when the list has been read (isLoading()).
    bool openRecord(const QString &id);
    // Re-reads the list and the details (after a sync), keeping the selection.
    void reload();
    void newCustomer();
    void editCustomer();

signals:
    void edited();
    // An order of the selected customer's history was opened.
    void openRecordRequested(const sk::EntityRef &record);

protected:
    // The list is read when the page is first shown (or a record is opened), not at start-up.
    void showEvent(QShowEvent *event) override;

private:
    void ensureLoaded();
    void buildActions();
    void applySearch();
    void onLoaded();
    // Selects the customer now, or once the list being read is in; `reveal` clears a search
    // that hides it.
    void selectCustomer(const QString &id, bool reveal);
    void applyTagFilter();
    // Empties the search and the tag filter (a record they hide is being opened).
    void clearFilters();
    void refreshTagChoices();
    void selectRow(int row);
    void showCurrent();
    void afterSave(const QString &customerId, bool created);
    void updateActions();
    void updateSummary();

    ShopStore *m_store = nullptr;
    QString m_role;
    bool m_loaded = false;
    // The customer to select once the list being read is in (the selection across a reload).
    QString m_pendingId;
    bool m_pendingReveal = false;
    bool m_clearMessageOnLoad = false; // after a sync's reload, unless it failed
    CustomerListModel *m_model = nullptr;
    QStackedWidget *m_stack = nullptr;
    QTableView *m_table = nullptr;
    CustomerDetailView *m_detail = nullptr;
    SearchField *m_search = nullptr;
    QLineEdit *m_tagFilter = nullptr;
    QCompleter *m_tagCompleter = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_denied = nullptr;
    MessageLabel *m_message = nullptr;
    QAction *m_new = nullptr;
    QAction *m_edit = nullptr;
};

} // namespace sk
