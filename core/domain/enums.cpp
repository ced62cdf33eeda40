#include "enums.h"

#include <array>

namespace sk {

namespace {

template <typename E, size_t N>
std::optional<E> lookup(const std::array<const char *, N> &names, QStringView text)
{
    for (size_t i = 0; i < N; ++i) {
        if (text == QLatin1String(names[i]))
            return E(i);
    }
    return std::nullopt;
}

constexpr std::array<const char *, 3> kProductStatus{"draft", "active", "archived"};
constexpr std::array<const char *, 2> kOversell{"allow", "reject"};
constexpr std::array<const char *, 10> kReason{"received", "sold", "returned", "damaged", "shrinkage",
                                               "cycle_count", "correction", "transfer_in", "transfer_out", "import"};
constexpr std::array<const char *, 7> kOrderStatus{"pending", "processing", "on_hold", "completed",
                                                   "cancelled", "refunded", "failed"};
constexpr std::array<const char *, 6> kFinancial{"pending", "authorized", "paid", "partially_refunded", "refunded", "voided"};
constexpr std::array<const char *, 3> kFulfillment{"unfulfilled", "partial", "fulfilled"};
constexpr std::array<const char *, 5> kChannel{"web", "pos", "draft", "marketplace", "phone"};
constexpr std::array<const char *, 4> kConsent{"subscribed", "not_subscribed", "unsubscribed", "pending"};
constexpr std::array<const char *, 8> kEvent{"note", "status_changed", "paid", "fulfilled", "refunded",
                                             "cancelled", "email_sent", "system"};

static_assert(kProductStatus.size() == size_t(enumCount<ProductStatus>()));
static_assert(kOversell.size() == size_t(enumCount<OversellPolicy>()));
static_assert(kReason.size() == size_t(enumCount<InventoryReason>()));
static_assert(kOrderStatus.size() == size_t(enumCount<OrderStatus>()));
static_assert(kFinancial.size() == size_t(enumCount<FinancialStatus>()));
static_assert(kFulfillment.size() == size_t(enumCount<FulfillmentStatus>()));
static_assert(kChannel.size() == size_t(enumCount<OrderChannel>()));
static_assert(kConsent.size() == size_t(enumCount<MarketingConsent>()));
static_assert(kEvent.size() == size_t(enumCount<OrderEventKind>()));

} // namespace

QString toString(ProductStatus v) { return QLatin1String(kProductStatus[size_t(v)]); }
QString toString(OversellPolicy v) { return QLatin1String(kOversell[size_t(v)]); }
QString toString(InventoryReason v) { return QLatin1String(kReason[size_t(v)]); }
QString toString(OrderStatus v) { return QLatin1String(kOrderStatus[size_t(v)]); }
QString toString(FinancialStatus v) { return QLatin1String(kFinancial[size_t(v)]); }
QString toString(FulfillmentStatus v) { return QLatin1String(kFulfillment[size_t(v)]); }
QString toString(OrderChannel v) { return QLatin1String(kChannel[size_t(v)]); }
QString toString(MarketingConsent v) { return QLatin1String(kConsent[size_t(v)]); }
QString toString(OrderEventKind v) { return QLatin1String(kEvent[size_t(v)]); }

template <> std::optional<ProductStatus> fromString<ProductStatus>(QStringView t) { return lookup<ProductStatus>(kProductStatus, t); }
template <> std::optional<OversellPolicy> fromString<OversellPolicy>(QStringView t) { return lookup<OversellPolicy>(kOversell, t); }
template <> std::optional<InventoryReason> fromString<InventoryReason>(QStringView t) { return lookup<InventoryReason>(kReason, t); }
template <> std::optional<OrderStatus> fromString<OrderStatus>(QStringView t) { return lookup<OrderStatus>(kOrderStatus, t); }
template <> std::optional<FinancialStatus> fromString<FinancialStatus>(QStringView t) { return lookup<FinancialStatus>(kFinancial, t); }
template <> std::optional<FulfillmentStatus> fromString<FulfillmentStatus>(QStringView t) { return lookup<FulfillmentStatus>(kFulfillment, t); }
template <> std::optional<OrderChannel> fromString<OrderChannel>(QStringView t) { return lookup<OrderChannel>(kChannel, t); }
template <> std::optional<MarketingConsent> fromString<MarketingConsent>(QStringView t) { return lookup<MarketingConsent>(kConsent, t); }
template <> std::optional<OrderEventKind> fromString<OrderEventKind>(QStringView t) { return lookup<OrderEventKind>(kEvent, t); }

} // namespace sk
