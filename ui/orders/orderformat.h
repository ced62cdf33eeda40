#pragma once

#include "common/shopformat.h"
#include "domain/enums.h"
#include "domain/records.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace sk {

// How the Orders screens show things: the shop's locale and time zone (ShopFormat; orders
// are stored in UTC), amounts in each order's own currency, and the people-readable names
// of the order enums. Shared by the list, the detail view, the dialogs and the documents.
class OrderFormat
{
    Q_DECLARE_TR_FUNCTIONS(sk::OrderFormat)

public:
    OrderFormat() = default;
    explicit OrderFormat(const ShopFormat &shop) : m_shop(shop) {}

    const ShopFormat &shop() const { return m_shop; }
    QLocale locale() const { return m_shop.locale(); }

    // "1 234,56 €" in the shop's locale; the bare number and code for an unknown currency.
    QString money(qint64 minor, const QString &currency) const;
    QString dateTime(qint64 utcMs) const { return m_shop.dateTime(utcMs); }
    QString date(qint64 utcMs) const { return m_shop.date(utcMs); }

    static QString text(OrderStatus status);
    static QString text(FinancialStatus status);
    static QString text(FulfillmentStatus status);
    static QString text(OrderChannel channel);
    static QString text(OrderEventKind kind);
    // An order's address (the JSON of orders.billing_address / shipping_address) as lines;
    // empty when there is none.
    static QStringList addressLines(const QString &json);
    // "Harbour Rain Jacket – Red (HRJ-RED)".
    static QString lineLabel(const OrderLine &line);

private:
    ShopFormat m_shop;
};

} // namespace sk
