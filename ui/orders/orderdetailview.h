#pragma once

#include "domain/records.h"
#include "local/entityref.h"
#include "orders/orderformat.h"

#include <QWidget>

#include <optional>

class QLabel;
class QTextBrowser;

namespace sk {

// One order as the shop sees it: header and statuses, customer, addresses, payment, the
// lines with what was fulfilled and refunded, the totals, and a timeline of notes, events,
// fulfilments and refunds. Read-only; the Orders page puts the actions next to it. Without
// money (the warehouse role) amounts and customer details are left out.
class OrderDetailView : public QWidget
{
    Q_OBJECT

public:
    explicit OrderDetailView(QWidget *parent = nullptr);

    void setFormat(const OrderFormat &format) { m_format = format; }
    void setShowsMoneyAndCustomers(bool shows);

    // `pending`: the order has local changes the server has not confirmed yet.
    void showOrder(const OrderDetail &detail, bool pending);
    // Shows `message` (or nothing) instead of an order.
    void clear(const QString &message = {});

    const std::optional<OrderDetail> &order() const { return m_detail; }
    // What is shown, as plain text (for tests and the clipboard).
    QString plainText() const;
    QTextBrowser *browser() const { return m_browser; }

signals:
    // The customer's name was activated.
    void openRecordRequested(const sk::EntityRef &ref);

private:
    QString html(const OrderDetail &detail, bool pending) const;
    QString headerHtml(const OrderDetail &detail, bool pending) const;
    QString customerHtml(const Order &order) const;

    OrderFormat m_format;
    bool m_showsMoney = true;
    std::optional<OrderDetail> m_detail;
    QTextBrowser *m_browser = nullptr;
};

} // namespace sk
