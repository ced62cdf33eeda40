#include "orderformat.h"

#include "money/currency.h"
#include "money/money.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace sk {

QString OrderFormat::money(qint64 minor, const QString &currency) const
{
    const auto known = Currency::fromCode(currency);
    if (!known.ok())
        return locale().toString(minor) + u' ' + currency;
    return Money(minor, *known).format(locale());
}

QString OrderFormat::text(OrderStatus status)
{
    switch (status) {
    case OrderStatus::Pending: return tr("Pending");
    case OrderStatus::Processing: return tr("Processing");
    case OrderStatus::OnHold: return tr("On hold");
    case OrderStatus::Completed: return tr("Completed");
    case OrderStatus::Cancelled: return tr("Cancelled");
    case OrderStatus::Refunded: return tr("Refunded");
    case OrderStatus::Failed: return tr("Failed");
    }
    return {};
}

QString OrderFormat::text(FinancialStatus status)
{
    switch (status) {
    case FinancialStatus::Pending: return tr("Payment pending");
    case FinancialStatus::Authorized: return tr("Authorized");
    case FinancialStatus::Paid: return tr("Paid");
    case FinancialStatus::PartiallyRefunded: return tr("Partially refunded");
    case FinancialStatus::Refunded: return tr("Refunded", "payment");
    case FinancialStatus::Voided: return tr("Voided");
    }
    return {};
}

QString OrderFormat::text(FulfillmentStatus status)
{
    switch (status) {
    case FulfillmentStatus::Unfulfilled: return tr("Unfulfilled");
    case FulfillmentStatus::Partial: return tr("Partially fulfilled");
    case FulfillmentStatus::Fulfilled: return tr("Fulfilled");
    }
    return {};
}

QString OrderFormat::text(OrderChannel channel)
{
    switch (channel) {
    case OrderChannel::Web: return tr("Online store");
    case OrderChannel::Pos: return tr("Point of sale");
    case OrderChannel::Draft: return tr("Draft order");
    case OrderChannel::Marketplace: return tr("Marketplace");
    case OrderChannel::Phone: return tr("Phone");
    }
    return {};
}

QString OrderFormat::text(OrderEventKind kind)
{
    switch (kind) {
    case OrderEventKind::Note: return tr("Note");
    case OrderEventKind::StatusChanged: return tr("Status changed");
    case OrderEventKind::Paid: return tr("Paid");
    case OrderEventKind::Fulfilled: return tr("Fulfilled");
    case OrderEventKind::Refunded: return tr("Refunded");
    case OrderEventKind::Cancelled: return tr("Cancelled");
    case OrderEventKind::EmailSent: return tr("Email sent");
    case OrderEventKind::System: return tr("System");
    }
    return {};
}

QStringList OrderFormat::addressLines(const QString &json)
{
    const QJsonObject a = QJsonDocument::fromJson(json.toUtf8()).object();
    const auto field = [&a](QLatin1StringView key) { return a.value(key).toString().trimmed(); };
    const auto nonEmpty = [](QStringList parts) {
        parts.removeAll(QString());
        return parts;
    };
    const QString cityLine = nonEmpty({field("postal_code"_L1), field("city"_L1), field("province"_L1)}).join(u' ');
    return nonEmpty({field("name"_L1), field("company"_L1), field("line1"_L1), field("line2"_L1), cityLine,
                     field("country_code"_L1), field("phone"_L1)});
}

QString OrderFormat::lineLabel(const OrderLine &line)
{
    QString text = line.title;
    if (!line.variantTitle.isEmpty())
        text += u" \u2013 "_s + line.variantTitle;
    if (!line.sku.isEmpty())
        text += u" ("_s + line.sku + u')';
    return text;
}

} // namespace sk
