#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace sk {

// Every enum is stored and sent as the lower-case snake_case text returned by toString();
// fromString() accepts exactly that text and nothing else.

enum class ProductStatus { Draft, Active, Archived };
enum class OversellPolicy { Allow, Reject };
enum class InventoryReason {
    Received, Sold, Returned, Damaged, Shrinkage, CycleCount, Correction, TransferIn, TransferOut, Import
};
enum class OrderStatus { Pending, Processing, OnHold, Completed, Cancelled, Refunded, Failed };
enum class FinancialStatus { Pending, Authorized, Paid, PartiallyRefunded, Refunded, Voided };
enum class FulfillmentStatus { Unfulfilled, Partial, Fulfilled };
enum class OrderChannel { Web, Pos, Draft, Marketplace, Phone };
enum class MarketingConsent { Subscribed, NotSubscribed, Unsubscribed, Pending };
enum class OrderEventKind { Note, StatusChanged, Paid, Fulfilled, Refunded, Cancelled, EmailSent, System };

QString toString(ProductStatus v);
QString toString(OversellPolicy v);
QString toString(InventoryReason v);
QString toString(OrderStatus v);
QString toString(FinancialStatus v);
QString toString(FulfillmentStatus v);
QString toString(OrderChannel v);
QString toString(MarketingConsent v);
QString toString(OrderEventKind v);

template <typename E>
std::optional<E> fromString(QStringView text);

template <> std::optional<ProductStatus> fromString<ProductStatus>(QStringView text);
template <> std::optional<OversellPolicy> fromString<OversellPolicy>(QStringView text);
template <> std::optional<InventoryReason> fromString<InventoryReason>(QStringView text);
template <> std::optional<OrderStatus> fromString<OrderStatus>(QStringView text);
template <> std::optional<FinancialStatus> fromString<FinancialStatus>(QStringView text);
template <> std::optional<FulfillmentStatus> fromString<FulfillmentStatus>(QStringView text);
template <> std::optional<OrderChannel> fromString<OrderChannel>(QStringView text);
template <> std::optional<MarketingConsent> fromString<MarketingConsent>(QStringView text);
template <> std::optional<OrderEventKind> fromString<OrderEventKind>(QStringView text);

// Every value of an enum, in declaration order (for exhaustive tests and combo boxes).
template <typename E>
constexpr int enumCount();
template <> constexpr int enumCount<ProductStatus>() { return 3; }
template <> constexpr int enumCount<OversellPolicy>() { return 2; }
template <> constexpr int enumCount<InventoryReason>() { return 10; }
template <> constexpr int enumCount<OrderStatus>() { return 7; }
template <> constexpr int enumCount<FinancialStatus>() { return 6; }
template <> constexpr int enumCount<FulfillmentStatus>() { return 3; }
template <> constexpr int enumCount<OrderChannel>() { return 5; }
template <> constexpr int enumCount<MarketingConsent>() { return 4; }
template <> constexpr int enumCount<OrderEventKind>() { return 8; }

} // namespace sk
