#pragma once

#include "local/entityref.h"
#include "local/outbox.h"
#include "orders/orderactions.h"
#include "orders/orderformat.h"
#include "util/result.h"

#include <QList>
#include <QString>
#include <QWidget>

#include <functional>
#include <memory>

class QAction;
class QTableView;

namespace sk {

class MessageLabel;
class OrderDetailView;
class OrderDocument;
class OrderFilterBar;
class OrderListModel;
class ShopEditor;
class ShopStore;
class SqliteDatabase;

// The Orders section: filters above the order list, the selected order's details beside
// it, and its actions (fulfil, refund, cancel, add a note, invoice and packing slip) as
// the state machine and the user's role allow; a disabled action says why in its tooltip.
// Every edit is one local ShopEditor transaction, shown at once and queued for the server
// (edited() then asks for a sync); problems show above the list, naming what was refused.
//
// Keyboard: Ctrl+F search, Enter on a row moves into its details (Escape back), Menu key or
// right-click for the actions, Ctrl+Shift+F fulfil, Ctrl+Shift+R refund, Ctrl+Shift+X
// cancel, Ctrl+Shift+N note, Ctrl+P invoice, Ctrl+Shift+P packing slip, F5 refresh.
class OrdersPage : public QWidget
{
    Q_OBJECT

public:
    explicit OrdersPage(QWidget *parent = nullptr);
    ~OrdersPage() override;

    // The open shop and the user's role in it ("owner", "staff", "warehouse"); nullptr
    // closes every connection. The store must outlive the page or the next setShop(). The
    // orders are read when the page is first shown (or a record is opened), not before: a
    // window that starts on another page pays nothing for 5M orders.
    void setShop(sk::ShopStore *store, const QString &role);

    OrderListModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    OrderDetailView *detailView() const { return m_detail; }
    OrderFilterBar *filterBar() const { return m_filters; }
    MessageLabel *errorLabel() const { return m_error; }
    // The id of the order shown in the details, or an empty string.
    QString currentOrderId() const { return m_shownId; }

    // The list's columns (widths, order, hidden ones, sort) to keep between runs. The columns
    // the role hides are kept as the user left them, so they come back for a role that sees them.
    QByteArray headerState();
    // Puts back what headerState() gave; the role still hides what it must. False when
    // `state` is empty or unreadable.
    bool restoreHeaderState(const QByteArray &state);

public slots:
    // Shows the order with this id (and selects its row when it is listed); false when the
    // shop has no such order.
    bool openRecord(const QString &id);
    // Re-reads the rows and the order shown (after a sync).
    void refresh();
    void fulfil();
    void refund();
    void cancelOrder();
    void addNote();

signals:
    // A local edit was made (and queued for the server).
    void edited();
    void openRecordRequested(const sk::EntityRef &ref);

protected:
    void showEvent(QShowEvent *event) override;

private:
    struct OrderAction
    {
        QAction *action = nullptr;
        OrderActions::Action kind;
        QString tip;
    };

    QWidget *buildDetailPane();
    void ensureLoaded();
    void buildActions();
    QAction *addOrderAction(const QString &objectName, const QString &text, const QKeySequence &shortcut,
                            OrderActions::Action kind, const QString &tip, const std::function<void()> &trigger);
    void setColumnsForRole();
    void onModelReset();
    void showOrder(const QString &id);
    void updateActions();
    bool isPending(const QString &id) const;
    const OrderDetail *shown() const;
    // The order shown, when the role and the state machine allow `kind` on it.
    const OrderDetail *allowedOrder(OrderActions::Action kind) const;
    std::unique_ptr<OrderDocument> documentFor(OrderActions::Action kind) const;
    void applyEdit(const QString &failure, const std::function<Result<OutboxEntry>(ShopEditor &)> &edit);
    using TextEdit = std::function<Result<OutboxEntry>(ShopEditor &, const QString &orderId, const QString &text)>;
    void askAndApply(OrderActions::Action kind, const QString &title, const QString &label, const QString &okText,
                     bool multiline, const QString &failure, const TextEdit &edit);
    void printDocument(OrderActions::Action kind);
    void saveDocument(OrderActions::Action kind);

    ShopStore *m_store = nullptr;
    QString m_role;
    bool m_loaded = false;
    std::unique_ptr<SqliteDatabase> m_reader;
    OrderFormat m_format;
    QString m_shownId;
    OrderListModel *m_model = nullptr;
    OrderFilterBar *m_filters = nullptr;
    MessageLabel *m_error = nullptr;
    QTableView *m_table = nullptr;
    OrderDetailView *m_detail = nullptr;
    QList<OrderAction> m_actions;
    // The money and customer columns are hidden because the role may not see them; which of
    // them the user had hidden before.
    bool m_hiddenForRole = false;
    QList<int> m_userHidden;
};

} // namespace sk
