#pragma once

#include "common/shopformat.h"
#include "domain/records.h"
#include "storage/customerrepository.h"

#include <QWidget>

#include <memory>
#include <optional>

class QLabel;
class QTreeWidget;

namespace sk {

class ShopStore;
class SqliteDatabase;

// One customer: contact, tags, note, addresses, and their order history newest first, with the
// orders count, total spent and average order value computed locally from the orders table
// (cancelled and failed orders do not count; refunds are taken off), in the shop currency.
class CustomerDetailView : public QWidget
{
    Q_OBJECT

public:
    // The history lists this many most recent orders; the totals count every order.
    static constexpr int OrderHistoryLimit = 200;

    explicit CustomerDetailView(QWidget *parent = nullptr);
    ~CustomerDetailView() override;

    // nullptr: no shop open.
    void setShop(ShopStore *store);
    // Shows the customer; false (and an empty view) when there is none with that id.
    bool showCustomer(const QString &customerId);
    // Re-reads the customer shown (after an edit or a sync).
    void refresh();
    void clear();

    QString customerId() const { return m_customer ? m_customer->id : QString(); }
    const std::optional<Customer> &customer() const { return m_customer; }
    const CustomerStats &stats() const { return m_stats; }

    QLabel *nameLabel() const { return m_name; }
    QLabel *ordersCountLabel() const { return m_ordersCount; }
    QLabel *totalSpentLabel() const { return m_totalSpent; }
    QLabel *averageOrderLabel() const { return m_average; }
    QLabel *tagsLabel() const { return m_tags; }
    QLabel *noteLabel() const { return m_note; }
    QLabel *addressesLabel() const { return m_addresses; }
    QTreeWidget *orderList() const { return m_orders; }
    QString errorText() const;

signals:
    // Enter or double-click on an order of the history.
    void openOrderRequested(const QString &orderId);

private:
    Result<void> load(const QString &customerId);
    Result<void> loadOrders(const QString &customerId);
    static QString addressText(const CustomerAddress &address);

    std::unique_ptr<SqliteDatabase> m_db;
    ShopFormat m_format;
    std::optional<Customer> m_customer;
    CustomerStats m_stats;

    QLabel *m_name = nullptr;
    QLabel *m_contact = nullptr;
    QLabel *m_ordersCount = nullptr;
    QLabel *m_totalSpent = nullptr;
    QLabel *m_average = nullptr;
    QLabel *m_tags = nullptr;
    QLabel *m_note = nullptr;
    QLabel *m_addresses = nullptr;
    QLabel *m_historyNote = nullptr;
    QLabel *m_error = nullptr;
    QTreeWidget *m_orders = nullptr;
};

} // namespace sk
