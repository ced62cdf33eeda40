#pragma once

#include "domain/enums.h"

#include <QList>
#include <QString>

#include <optional>

// Plain records of the shop, one struct per table row. Money fields are integer minor
// units: variant amounts in the shop's currency, order amounts in the order's currency.
// Times are UTC milliseconds since the epoch. Ids are UUID text.
namespace sk {

struct ShopSettings
{
    QString shopId;
    QString name;
    QString currency;  // ISO 4217
    QString timeZone;  // IANA, e.g. Europe/Paris
    QString locale;    // BCP 47, e.g. fr-FR
    OversellPolicy oversellPolicy = OversellPolicy::Allow;
    qint64 version = 0;
    qint64 updatedAt = 0;
};

struct Location
{
    QString id;
    QString name;
    QString code;
    QString address;
    bool active = true;
    qint64 version = 0;
    qint64 updatedAt = 0;
};

struct Product
{
    QString id;
    QString title;
    QString handle;
    QString description;
    QString vendor;
    QString category;
    QString tags; // comma-separated, as merchants type them
    ProductStatus status = ProductStatus::Draft;
    qint64 createdAt = 0;
    qint64 version = 0;
    qint64 updatedAt = 0;
};

struct Variant
{
    QString id;
    QString productId;
    int position = 1;
    QString sku;     // null when the variant has none
    QString barcode; // null when none
    QString option1;
    QString option2;
    QString option3;
    qint64 price = 0;
    std::optional<qint64> compareAtPrice;
    std::optional<qint64> cost;
    std::optional<double> weight;
    QString weightUnit = QStringLiteral("g");
    bool trackInventory = true;
    qint64 createdAt = 0;
    qint64 version = 0;
    qint64 updatedAt = 0;
};

struct InventoryLevel
{
    QString variantId;
    QString locationId;
    qint64 onHand = 0;
    qint64 committed = 0;
    qint64 available() const { return onHand - committed; }
    std::optional<qint64> lowStockThreshold;
    qint64 version = 0;
    qint64 updatedAt = 0;
};

struct LedgerEntry
{
    QString id;
    QString variantId;
    QString locationId;
    qint64 delta = 0;
    qint64 quantityAfter = 0;
    InventoryReason reason = InventoryReason::Correction;
    QString reference;
    QString note;
    QString userId;
    QString userName;
    qint64 createdAt = 0;
    qint64 version = 0;
    qint64 updatedAt = 0;
};

struct CustomerAddress
{
    QString id;
    QString customerId;
    bool isDefault = false;
    QString name;
    QString company;
    QString line1;
    QString line2;
    QString city;
    QString province;
    QString postalCode;
    QString countryCode; // ISO 3166-1 alpha-2
    QString phone;
};

struct Customer
{
    QString id;
    QString firstName;
    QString lastName;
    QString email; // null when none
    QString phone; // null when none
    QString note;
    QString tags;
    MarketingConsent emailMarketing = MarketingConsent::NotSubscribed;
    MarketingConsent smsMarketing = MarketingConsent::NotSubscribed;
    std::optional<qint64> consentUpdatedAt;
    qint64 createdAt = 0;
    qint64 version = 0;
    qint64 updatedAt = 0;
    QList<CustomerAddress> addresses;

    QString displayName() const
    {
        const QString name = (firstName + QLatin1Char(' ') + lastName).trimmed();
        return name.isEmpty() ? email : name;
    }
};

struct OrderLine
{
    QString id;
    QString orderId;
    QString variantId; // null once the variant is gone
    QString sku;
    QString title;
    QString variantTitle;
    qint64 quantity = 0;
    qint64 unitPrice = 0;
    qint64 discount = 0;
    qint64 tax = 0;
    qint64 total = 0;
};

struct FulfillmentLine
{
    QString orderLineId;
    qint64 quantity = 0;
};

struct Fulfillment
{
    QString id;
    QString orderId;
    QString locationId;
    QString trackingNumber;
    QString carrier;
    qint64 createdAt = 0;
    qint64 version = 0;
    qint64 updatedAt = 0;
    QList<FulfillmentLine> lines;
};

struct RefundLine
{
    QString orderLineId;
    qint64 quantity = 0;
    qint64 amount = 0;
};

struct Refund
{
    QString id;
    QString orderId;
    qint64 amount = 0;
    QString reason;
    bool restock = false;
    qint64 createdAt = 0;
    qint64 version = 0;
    qint64 updatedAt = 0;
    QList<RefundLine> lines;
};

struct OrderEvent
{
    QString id;
    QString orderId;
    OrderEventKind kind = OrderEventKind::Note;
    QString message;
    QString author;
    qint64 createdAt = 0;
    qint64 version = 0;
    qint64 updatedAt = 0;
};

struct Order
{
    QString id;
    qint64 number = 0;
    QString customerId; // null for guest checkouts
    QString customerName;
    QString email;
    OrderChannel channel = OrderChannel::Web;
    QString currency;
    qint64 subtotal = 0;
    qint64 discountTotal = 0;
    qint64 shippingTotal = 0;
    qint64 taxTotal = 0;
    qint64 total = 0;
    qint64 refundedTotal = 0;
    OrderStatus status = OrderStatus::Pending;
    FinancialStatus financialStatus = FinancialStatus::Pending;
    FulfillmentStatus fulfillmentStatus = FulfillmentStatus::Unfulfilled;
    QString gateway; // stripe, paypal, paystack, flutterwave, manual, cash...
    QString locationId;
    qint64 placedAt = 0;
    std::optional<qint64> paidAt;
    std::optional<qint64> cancelledAt;
    QString cancelReason;
    QString billingAddressJson = QStringLiteral("{}");
    QString shippingAddressJson = QStringLiteral("{}");
    QString note;
    QString tags;
    qint64 version = 0;
    qint64 updatedAt = 0;
};

// An order with everything that hangs off it, as the detail view and the state machine need it.
struct OrderDetail
{
    Order order;
    QList<OrderLine> lines;
    QList<Fulfillment> fulfillments;
    QList<Refund> refunds;
    QList<OrderEvent> events;
};

} // namespace sk
