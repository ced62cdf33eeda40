#include "recordjson.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QSet>

#include <algorithm>
#include <limits>

// Reads one field into a struct member, or returns the reader's error from the parser.
#define SK_READ(target, expr)                 \
    do {                                      \
        auto sk_read_result_ = (expr);        \
        if (!sk_read_result_.ok())            \
            return sk_read_result_.error();   \
        target = std::move(sk_read_result_).value(); \
    } while (false)

namespace sk {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("sk::RecordJson", text);
}

// Limits shared by every record; the server and the UI refuse the same lengths.
constexpr qsizetype kName = 255;         // titles, names, single-line labels
constexpr qsizetype kShortCode = 64;     // location codes, gateways, opaque ids
constexpr qsizetype kPostalCode = 32;
constexpr qsizetype kTags = 1024;
constexpr qsizetype kNote = 5000;        // notes, reasons, messages, addresses
constexpr qsizetype kDescription = 65536;
constexpr qint64 kMax = JsonReader::kMaxInteger;

QJsonValue nullable(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

QJsonValue nullable(const std::optional<qint64> &value)
{
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

QJsonValue nullable(const std::optional<double> &value)
{
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

// NOT NULL text columns: a null QString is written as "".
QJsonValue text(const QString &value)
{
    return value.isNull() ? QJsonValue(QLatin1String("")) : QJsonValue(value);
}

QJsonObject addressObject(const QString &json)
{
    const QJsonDocument doc = QJsonDocument::fromJson(json.toUtf8());
    return doc.isObject() ? doc.object() : QJsonObject();
}

// The id of the record a child belongs to. Inside a document the child may leave it out;
// when it names one, it must be the document's own.
Result<QString> parentRef(const JsonReader &r, QStringView key, const QString *parent)
{
    if (!parent)
        return r.requiredUuid(key);
    // One look-up: optionalUuid checks a present value as requiredUuid does.
    SK_TRY_ASSIGN(id, r.optionalUuid(key));
    if (id.isNull())
        return *parent;
    if (id != *parent) {
        return r.invalidField(key, QCoreApplication::translate("sk::RecordJson", "\u201C%1\u201D is %2, but the record sits inside %3.")
                                       .arg(r.pathOf(key), id, *parent));
    }
    return id;
}

// A postal address kept as JSON text on the order ("{}" when none). Known keys are checked
// like the customer address's columns; unknown ones are kept for newer clients.
Result<QString> addressJson(const JsonReader &r, QStringView key)
{
    SK_TRY_ASSIGN(address, r.optionalObject(key));
    if (!address)
        return QStringLiteral("{}");
    struct Checked
    {
        QStringView field;
        QString value;
    };
    QList<Checked> checked;
    checked.reserve(9);
    for (QStringView field : {QStringView(u"name"), QStringView(u"company"), QStringView(u"line1"),
                              QStringView(u"line2"), QStringView(u"city"), QStringView(u"province")}) {
        SK_TRY_ASSIGN(value, address->optionalString(field, kName));
        checked.append({field, value});
    }
    SK_TRY_ASSIGN(postalCode, address->optionalString(u"postal_code", kPostalCode));
    checked.append({u"postal_code", postalCode});
    SK_TRY_ASSIGN(country, address->optionalCountryCode(u"country_code"));
    checked.append({u"country_code", country});
    SK_TRY_ASSIGN(phone, address->optionalPhone(u"phone"));
    checked.append({u"phone", phone});

    // Most addresses are clean already (every checked value as it came): their text as it is.
    const bool clean = std::all_of(checked.cbegin(), checked.cend(), [&](const Checked &c) {
        if (c.value.isNull())
            return !address->contains(c.field);
        const std::optional<QString> raw = address->rawString(c.field);
        return raw && *raw == c.value;
    });
    if (clean)
        return QString::fromUtf8(address->compactJson());
    QJsonObject out = address->object();
    for (const Checked &c : std::as_const(checked)) {
        if (c.value.isNull())
            out.remove(c.field);
        else
            out.insert(c.field, c.value);
    }
    return QString::fromUtf8(QJsonDocument(out).toJson(QJsonDocument::Compact));
}

// Time zones and locales are names, not free text: letters, digits and a few separators.
Result<QString> identifier(const JsonReader &r, QStringView key, qsizetype maxLength, QStringView extra)
{
    SK_TRY_ASSIGN(value, r.requiredString(key, maxLength));
    for (QChar c : std::as_const(value)) {
        const bool ok = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9')
                        || extra.contains(c);
        if (!ok) {
            return r.invalidField(key, QCoreApplication::translate("sk::RecordJson", "\u201C%1\u201D may only contain letters, digits and %2, but is \u201C%3\u201D.")
                                           .arg(r.pathOf(key), extra.toString(), value));
        }
    }
    return value;
}

Result<CustomerAddress> readAddress(const JsonReader &r, const QString *customerId)
{
    CustomerAddress a;
    SK_READ(a.id, r.requiredUuid(u"id"));
    SK_READ(a.customerId, parentRef(r, u"customer_id", customerId));
    SK_READ(a.isDefault, r.boolOr(u"is_default", false));
    SK_READ(a.name, r.optionalString(u"name", kName));
    SK_READ(a.company, r.optionalString(u"company", kName));
    SK_READ(a.line1, r.optionalString(u"line1", kName));
    SK_READ(a.line2, r.optionalString(u"line2", kName));
    SK_READ(a.city, r.optionalString(u"city", kName));
    SK_READ(a.province, r.optionalString(u"province", kName));
    SK_READ(a.postalCode, r.optionalString(u"postal_code", kPostalCode));
    SK_READ(a.countryCode, r.optionalCountryCode(u"country_code"));
    SK_READ(a.phone, r.optionalPhone(u"phone"));
    return a;
}

Result<OrderLine> readOrderLine(const JsonReader &r, const QString *orderId)
{
    OrderLine l;
    SK_READ(l.id, r.requiredUuid(u"id"));
    SK_READ(l.orderId, parentRef(r, u"order_id", orderId));
    SK_READ(l.variantId, r.optionalUuid(u"variant_id"));
    SK_READ(l.sku, r.optionalSku(u"sku"));
    SK_READ(l.title, r.requiredString(u"title", kName));
    SK_READ(l.variantTitle, r.optionalString(u"variant_title", kName));
    SK_READ(l.quantity, r.requiredInt(u"quantity", 1, kMax));
    SK_READ(l.unitPrice, r.requiredInt(u"unit_price", 0, kMax));
    SK_READ(l.discount, r.intOr(u"discount", 0, 0, kMax));
    SK_READ(l.tax, r.intOr(u"tax", 0, 0, kMax));
    SK_READ(l.total, r.requiredInt(u"total", 0, kMax));
    return l;
}

// An order line may appear once per fulfillment or refund (the tables' primary keys).
Result<void> checkUniqueLine(const JsonReader &line, const QString &orderLineId, QSet<QString> &seen)
{
    if (seen.contains(orderLineId)) {
        return line.invalidField(u"order_line_id", QCoreApplication::translate("sk::RecordJson", "\u201C%1\u201D names order line %2 a second time.")
                                                       .arg(line.pathOf(u"order_line_id"), orderLineId));
    }
    seen.insert(orderLineId);
    return {};
}

Result<Fulfillment> readFulfillment(const JsonReader &r, const QString *orderId)
{
    Fulfillment f;
    SK_READ(f.id, r.requiredUuid(u"id"));
    SK_READ(f.orderId, parentRef(r, u"order_id", orderId));
    SK_READ(f.locationId, r.optionalUuid(u"location_id"));
    SK_READ(f.trackingNumber, r.optionalString(u"tracking_number", kName));
    SK_READ(f.carrier, r.optionalString(u"carrier", kName));
    SK_READ(f.createdAt, r.requiredInt(u"created_at", 0, kMax));
    SK_READ(f.version, r.intOr(u"version", 0, 0, kMax));
    SK_READ(f.updatedAt, r.requiredInt(u"updated_at", 0, kMax));
    SK_TRY_ASSIGN(lines, r.objectArray(u"lines"));
    f.lines.reserve(lines.size());
    QSet<QString> seen;
    for (const JsonReader &line : std::as_const(lines)) {
        FulfillmentLine fl;
        SK_READ(fl.orderLineId, line.requiredUuid(u"order_line_id"));
        SK_READ(fl.quantity, line.requiredInt(u"quantity", 1, kMax));
        SK_TRY(checkUniqueLine(line, fl.orderLineId, seen));
        f.lines.append(fl);
    }
    return f;
}

Result<Refund> readRefund(const JsonReader &r, const QString *orderId)
{
    Refund f;
    SK_READ(f.id, r.requiredUuid(u"id"));
    SK_READ(f.orderId, parentRef(r, u"order_id", orderId));
    SK_READ(f.amount, r.requiredInt(u"amount", 1, kMax));
    SK_READ(f.reason, r.optionalText(u"reason", kNote));
    SK_READ(f.restock, r.boolOr(u"restock", false));
    SK_READ(f.createdAt, r.requiredInt(u"created_at", 0, kMax));
    SK_READ(f.version, r.intOr(u"version", 0, 0, kMax));
    SK_READ(f.updatedAt, r.requiredInt(u"updated_at", 0, kMax));
    SK_TRY_ASSIGN(lines, r.objectArray(u"lines"));
    f.lines.reserve(lines.size());
    QSet<QString> seen;
    for (const JsonReader &line : std::as_const(lines)) {
        RefundLine rl;
        SK_READ(rl.orderLineId, line.requiredUuid(u"order_line_id"));
        SK_READ(rl.quantity, line.requiredInt(u"quantity", 1, kMax));
        SK_READ(rl.amount, line.intOr(u"amount", 0, 0, kMax));
        SK_TRY(checkUniqueLine(line, rl.orderLineId, seen));
        f.lines.append(rl);
    }
    return f;
}

Result<OrderEvent> readEvent(const JsonReader &r, const QString *orderId)
{
    OrderEvent e;
    SK_READ(e.id, r.requiredUuid(u"id"));
    SK_READ(e.orderId, parentRef(r, u"order_id", orderId));
    SK_READ(e.kind, r.requiredEnum<OrderEventKind>(u"kind"));
    SK_READ(e.message, r.optionalText(u"message", kNote));
    SK_READ(e.author, r.optionalString(u"author", kName));
    SK_READ(e.createdAt, r.requiredInt(u"created_at", 0, kMax));
    SK_READ(e.version, r.intOr(u"version", 0, 0, kMax));
    SK_READ(e.updatedAt, r.requiredInt(u"updated_at", 0, kMax));
    return e;
}

// Fulfillment and refund lines must point at lines of the same order.
Result<void> checkLineRefs(const JsonReader &r, QStringView arrayKey, qsizetype index,
                           const QList<QString> &orderLineIds, const QSet<QString> &known)
{
    for (qsizetype i = 0; i < orderLineIds.size(); ++i) {
        if (known.contains(orderLineIds.at(i)))
            continue;
        const QString key = QStringLiteral("%1[%2].lines[%3].order_line_id").arg(arrayKey).arg(index).arg(i);
        return r.invalidField(key, QCoreApplication::translate("sk::RecordJson", "\u201C%1\u201D is %2, which is not a line of this order.")
                                       .arg(r.pathOf(key), orderLineIds.at(i)));
    }
    return {};
}

} // namespace

// ---- parsing text ---------------------------------------------------------------------

Result<QJsonObject> RecordJson::parseObject(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError) {
        return makeError(QStringLiteral("validation.malformed_json"),
                         tr("The JSON text is malformed at byte %1: %2.").arg(error.offset).arg(error.errorString()),
                         QStringLiteral("offset %1").arg(error.offset));
    }
    if (!doc.isObject()) {
        return makeError(QStringLiteral("validation.malformed_json"),
                         tr("The JSON text must be an object, but is %1.")
                             .arg(doc.isArray() ? tr("an array") : tr("a single value")),
                         QStringLiteral("offset 0"));
    }
    return doc.object();
}

// ---- writing --------------------------------------------------------------------------

QJsonObject RecordJson::toJson(const ShopSettings &s)
{
    QJsonObject o;
    o.insert(u"shop_id", text(s.shopId));
    o.insert(u"name", text(s.name));
    o.insert(u"currency", text(s.currency));
    o.insert(u"time_zone", text(s.timeZone));
    o.insert(u"locale", text(s.locale));
    o.insert(u"oversell_policy", toString(s.oversellPolicy));
    o.insert(u"version", s.version);
    o.insert(u"updated_at", s.updatedAt);
    return o;
}

QJsonObject RecordJson::toJson(const Location &l)
{
    QJsonObject o;
    o.insert(u"id", text(l.id));
    o.insert(u"name", text(l.name));
    o.insert(u"code", nullable(l.code));
    o.insert(u"address", nullable(l.address));
    o.insert(u"active", l.active);
    o.insert(u"version", l.version);
    o.insert(u"updated_at", l.updatedAt);
    return o;
}

QJsonObject RecordJson::toJson(const Product &p)
{
    QJsonObject o;
    o.insert(u"id", text(p.id));
    o.insert(u"title", text(p.title));
    o.insert(u"handle", text(p.handle));
    o.insert(u"description", text(p.description));
    o.insert(u"vendor", text(p.vendor));
    o.insert(u"category", text(p.category));
    o.insert(u"tags", text(p.tags));
    o.insert(u"status", toString(p.status));
    o.insert(u"created_at", p.createdAt);
    o.insert(u"version", p.version);
    o.insert(u"updated_at", p.updatedAt);
    return o;
}

QJsonObject RecordJson::toJson(const Variant &v)
{
    QJsonObject o;
    o.insert(u"id", text(v.id));
    o.insert(u"product_id", text(v.productId));
    o.insert(u"position", v.position);
    o.insert(u"sku", nullable(v.sku));
    o.insert(u"barcode", nullable(v.barcode));
    o.insert(u"option1", nullable(v.option1));
    o.insert(u"option2", nullable(v.option2));
    o.insert(u"option3", nullable(v.option3));
    o.insert(u"price", v.price);
    o.insert(u"compare_at_price", nullable(v.compareAtPrice));
    o.insert(u"cost", nullable(v.cost));
    o.insert(u"weight", nullable(v.weight));
    o.insert(u"weight_unit", v.weightUnit.isEmpty() ? QStringLiteral("g") : v.weightUnit);
    o.insert(u"track_inventory", v.trackInventory);
    o.insert(u"created_at", v.createdAt);
    o.insert(u"version", v.version);
    o.insert(u"updated_at", v.updatedAt);
    return o;
}

QJsonObject RecordJson::toJson(const InventoryLevel &l)
{
    QJsonObject o;
    o.insert(u"variant_id", text(l.variantId));
    o.insert(u"location_id", text(l.locationId));
    o.insert(u"on_hand", l.onHand);
    o.insert(u"committed", l.committed);
    o.insert(u"available", l.available());
    o.insert(u"low_stock_threshold", nullable(l.lowStockThreshold));
    o.insert(u"version", l.version);
    o.insert(u"updated_at", l.updatedAt);
    return o;
}

QJsonObject RecordJson::toJson(const LedgerEntry &e)
{
    QJsonObject o;
    o.insert(u"id", text(e.id));
    o.insert(u"variant_id", text(e.variantId));
    o.insert(u"location_id", text(e.locationId));
    o.insert(u"delta", e.delta);
    o.insert(u"quantity_after", e.quantityAfter);
    o.insert(u"reason", toString(e.reason));
    o.insert(u"reference", text(e.reference));
    o.insert(u"note", text(e.note));
    o.insert(u"user_id", nullable(e.userId));
    o.insert(u"user_name", text(e.userName));
    o.insert(u"created_at", e.createdAt);
    o.insert(u"version", e.version);
    o.insert(u"updated_at", e.updatedAt);
    return o;
}

QJsonObject RecordJson::toJson(const CustomerAddress &a)
{
    QJsonObject o;
    o.insert(u"id", text(a.id));
    o.insert(u"customer_id", text(a.customerId));
    o.insert(u"is_default", a.isDefault);
    o.insert(u"name", text(a.name));
    o.insert(u"company", text(a.company));
    o.insert(u"line1", text(a.line1));
    o.insert(u"line2", text(a.line2));
    o.insert(u"city", text(a.city));
    o.insert(u"province", text(a.province));
    o.insert(u"postal_code", text(a.postalCode));
    o.insert(u"country_code", text(a.countryCode));
    o.insert(u"phone", text(a.phone));
    return o;
}

QJsonObject RecordJson::toJson(const Customer &c)
{
    QJsonObject o;
    o.insert(u"id", text(c.id));
    o.insert(u"first_name", text(c.firstName));
    o.insert(u"last_name", text(c.lastName));
    o.insert(u"email", nullable(c.email));
    o.insert(u"phone", nullable(c.phone));
    o.insert(u"note", text(c.note));
    o.insert(u"tags", text(c.tags));
    o.insert(u"email_marketing", toString(c.emailMarketing));
    o.insert(u"sms_marketing", toString(c.smsMarketing));
    o.insert(u"consent_updated_at", nullable(c.consentUpdatedAt));
    o.insert(u"created_at", c.createdAt);
    o.insert(u"version", c.version);
    o.insert(u"updated_at", c.updatedAt);
    QJsonArray addresses;
    for (const CustomerAddress &a : c.addresses)
        addresses.append(toJson(a));
    o.insert(u"addresses", addresses);
    return o;
}

QJsonObject RecordJson::toJson(const Order &r)
{
    QJsonObject o;
    o.insert(u"id", text(r.id));
    o.insert(u"number", r.number);
    o.insert(u"customer_id", nullable(r.customerId));
    o.insert(u"customer_name", text(r.customerName));
    o.insert(u"email", nullable(r.email));
    o.insert(u"channel", toString(r.channel));
    o.insert(u"currency", text(r.currency));
    o.insert(u"subtotal", r.subtotal);
    o.insert(u"discount_total", r.discountTotal);
    o.insert(u"shipping_total", r.shippingTotal);
    o.insert(u"tax_total", r.taxTotal);
    o.insert(u"total", r.total);
    o.insert(u"refunded_total", r.refundedTotal);
    o.insert(u"status", toString(r.status));
    o.insert(u"financial_status", toString(r.financialStatus));
    o.insert(u"fulfillment_status", toString(r.fulfillmentStatus));
    o.insert(u"gateway", text(r.gateway));
    o.insert(u"location_id", nullable(r.locationId));
    o.insert(u"placed_at", r.placedAt);
    o.insert(u"paid_at", nullable(r.paidAt));
    o.insert(u"cancelled_at", nullable(r.cancelledAt));
    o.insert(u"cancel_reason", text(r.cancelReason));
    o.insert(u"billing_address", addressObject(r.billingAddressJson));
    o.insert(u"shipping_address", addressObject(r.shippingAddressJson));
    o.insert(u"note", text(r.note));
    o.insert(u"tags", text(r.tags));
    o.insert(u"version", r.version);
    o.insert(u"updated_at", r.updatedAt);
    return o;
}

QJsonObject RecordJson::toJson(const OrderLine &l)
{
    QJsonObject o;
    o.insert(u"id", text(l.id));
    o.insert(u"order_id", text(l.orderId));
    o.insert(u"variant_id", nullable(l.variantId));
    o.insert(u"sku", text(l.sku));
    o.insert(u"title", text(l.title));
    o.insert(u"variant_title", text(l.variantTitle));
    o.insert(u"quantity", l.quantity);
    o.insert(u"unit_price", l.unitPrice);
    o.insert(u"discount", l.discount);
    o.insert(u"tax", l.tax);
    o.insert(u"total", l.total);
    return o;
}

QJsonObject RecordJson::toJson(const Fulfillment &f)
{
    QJsonObject o;
    o.insert(u"id", text(f.id));
    o.insert(u"order_id", text(f.orderId));
    o.insert(u"location_id", nullable(f.locationId));
    o.insert(u"tracking_number", text(f.trackingNumber));
    o.insert(u"carrier", text(f.carrier));
    o.insert(u"created_at", f.createdAt);
    o.insert(u"version", f.version);
    o.insert(u"updated_at", f.updatedAt);
    QJsonArray lines;
    for (const FulfillmentLine &l : f.lines) {
        QJsonObject line;
        line.insert(u"order_line_id", text(l.orderLineId));
        line.insert(u"quantity", l.quantity);
        lines.append(line);
    }
    o.insert(u"lines", lines);
    return o;
}

QJsonObject RecordJson::toJson(const Refund &r)
{
    QJsonObject o;
    o.insert(u"id", text(r.id));
    o.insert(u"order_id", text(r.orderId));
    o.insert(u"amount", r.amount);
    o.insert(u"reason", text(r.reason));
    o.insert(u"restock", r.restock);
    o.insert(u"created_at", r.createdAt);
    o.insert(u"version", r.version);
    o.insert(u"updated_at", r.updatedAt);
    QJsonArray lines;
    for (const RefundLine &l : r.lines) {
        QJsonObject line;
        line.insert(u"order_line_id", text(l.orderLineId));
        line.insert(u"quantity", l.quantity);
        line.insert(u"amount", l.amount);
        lines.append(line);
    }
    o.insert(u"lines", lines);
    return o;
}

QJsonObject RecordJson::toJson(const OrderEvent &e)
{
    QJsonObject o;
    o.insert(u"id", text(e.id));
    o.insert(u"order_id", text(e.orderId));
    o.insert(u"kind", toString(e.kind));
    o.insert(u"message", text(e.message));
    o.insert(u"author", text(e.author));
    o.insert(u"created_at", e.createdAt);
    o.insert(u"version", e.version);
    o.insert(u"updated_at", e.updatedAt);
    return o;
}

QJsonObject RecordJson::toJson(const OrderDetail &d)
{
    QJsonObject o = toJson(d.order);
    QJsonArray lines;
    for (const OrderLine &l : d.lines)
        lines.append(toJson(l));
    QJsonArray fulfillments;
    for (const Fulfillment &f : d.fulfillments)
        fulfillments.append(toJson(f));
    QJsonArray refunds;
    for (const Refund &r : d.refunds)
        refunds.append(toJson(r));
    QJsonArray events;
    for (const OrderEvent &e : d.events)
        events.append(toJson(e));
    o.insert(u"lines", lines);
    o.insert(u"fulfillments", fulfillments);
    o.insert(u"refunds", refunds);
    o.insert(u"events", events);
    return o;
}

// ---- reading --------------------------------------------------------------------------

Result<ShopSettings> RecordJson::shopSettingsFromJson(const JsonReader &r)
{
    ShopSettings s;
    SK_READ(s.shopId, r.requiredString(u"shop_id", kShortCode));
    SK_READ(s.name, r.requiredString(u"name", kName));
    SK_READ(s.currency, r.requiredCurrency(u"currency"));
    SK_READ(s.timeZone, identifier(r, u"time_zone", kShortCode, u"/_+-"));
    SK_READ(s.locale, identifier(r, u"locale", 35, u"-_"));
    SK_READ(s.oversellPolicy, r.requiredEnum<OversellPolicy>(u"oversell_policy"));
    SK_READ(s.version, r.intOr(u"version", 0, 0, kMax));
    SK_READ(s.updatedAt, r.requiredInt(u"updated_at", 0, kMax));
    return s;
}

Result<Location> RecordJson::locationFromJson(const JsonReader &r)
{
    Location l;
    SK_READ(l.id, r.requiredUuid(u"id"));
    SK_READ(l.name, r.requiredString(u"name", kName));
    SK_READ(l.code, r.optionalString(u"code", kShortCode));
    SK_READ(l.address, r.optionalText(u"address", kNote));
    SK_READ(l.active, r.boolOr(u"active", true));
    SK_READ(l.version, r.intOr(u"version", 0, 0, kMax));
    SK_READ(l.updatedAt, r.requiredInt(u"updated_at", 0, kMax));
    return l;
}

Result<Product> RecordJson::productFromJson(const JsonReader &r)
{
    Product p;
    SK_READ(p.id, r.requiredUuid(u"id"));
    SK_READ(p.title, r.requiredString(u"title", kName));
    SK_READ(p.handle, r.requiredHandle(u"handle"));
    SK_READ(p.description, r.optionalText(u"description", kDescription));
    SK_READ(p.vendor, r.optionalString(u"vendor", kName));
    SK_READ(p.category, r.optionalString(u"category", kName));
    SK_READ(p.tags, r.optionalString(u"tags", kTags));
    SK_READ(p.status, r.requiredEnum<ProductStatus>(u"status"));
    SK_READ(p.createdAt, r.requiredInt(u"created_at", 0, kMax));
    SK_READ(p.version, r.intOr(u"version", 0, 0, kMax));
    SK_READ(p.updatedAt, r.requiredInt(u"updated_at", 0, kMax));
    return p;
}

Result<Variant> RecordJson::variantFromJson(const JsonReader &r)
{
    Variant v;
    SK_READ(v.id, r.requiredUuid(u"id"));
    SK_READ(v.productId, r.requiredUuid(u"product_id"));
    SK_TRY_ASSIGN(position, r.intOr(u"position", 1, 0, std::numeric_limits<int>::max()));
    v.position = int(position);
    SK_READ(v.sku, r.optionalSku(u"sku"));
    SK_READ(v.barcode, r.optionalBarcode(u"barcode"));
    SK_READ(v.option1, r.optionalString(u"option1", kName));
    SK_READ(v.option2, r.optionalString(u"option2", kName));
    SK_READ(v.option3, r.optionalString(u"option3", kName));
    SK_READ(v.price, r.requiredInt(u"price", 0, kMax));
    SK_READ(v.compareAtPrice, r.optionalInt(u"compare_at_price", 0, kMax));
    SK_READ(v.cost, r.optionalInt(u"cost", 0, kMax));
    SK_READ(v.weight, r.optionalDouble(u"weight", 0, 1e9));
    SK_TRY_ASSIGN(unit, r.optionalString(u"weight_unit", kShortCode));
    if (unit.isEmpty())
        unit = QStringLiteral("g");
    if (unit != u"g" && unit != u"kg" && unit != u"lb" && unit != u"oz") {
        return r.invalidField(u"weight_unit", tr("\u201C%1\u201D must be one of g, kg, lb, oz, but is \u201C%2\u201D.")
                                                  .arg(r.pathOf(u"weight_unit"), unit));
    }
    v.weightUnit = unit;
    SK_READ(v.trackInventory, r.boolOr(u"track_inventory", true));
    SK_READ(v.createdAt, r.requiredInt(u"created_at", 0, kMax));
    SK_READ(v.version, r.intOr(u"version", 0, 0, kMax));
    SK_READ(v.updatedAt, r.requiredInt(u"updated_at", 0, kMax));
    return v;
}

Result<InventoryLevel> RecordJson::inventoryLevelFromJson(const JsonReader &r)
{
    InventoryLevel l;
    SK_READ(l.variantId, r.requiredUuid(u"variant_id"));
    SK_READ(l.locationId, r.requiredUuid(u"location_id"));
    SK_READ(l.onHand, r.intOr(u"on_hand", 0));
    SK_READ(l.committed, r.intOr(u"committed", 0, 0, kMax));
    SK_READ(l.lowStockThreshold, r.optionalInt(u"low_stock_threshold", 0, kMax));
    SK_READ(l.version, r.intOr(u"version", 0, 0, kMax));
    SK_READ(l.updatedAt, r.requiredInt(u"updated_at", 0, kMax));
    return l;
}

Result<LedgerEntry> RecordJson::ledgerEntryFromJson(const JsonReader &r)
{
    LedgerEntry e;
    SK_READ(e.id, r.requiredUuid(u"id"));
    SK_READ(e.variantId, r.requiredUuid(u"variant_id"));
    SK_READ(e.locationId, r.requiredUuid(u"location_id"));
    SK_READ(e.delta, r.requiredInt(u"delta"));
    SK_READ(e.quantityAfter, r.requiredInt(u"quantity_after"));
    SK_READ(e.reason, r.requiredEnum<InventoryReason>(u"reason"));
    SK_READ(e.reference, r.optionalString(u"reference", kName));
    SK_READ(e.note, r.optionalText(u"note", kNote));
    SK_READ(e.userId, r.optionalString(u"user_id", kShortCode));
    SK_READ(e.userName, r.optionalString(u"user_name", kName));
    SK_READ(e.createdAt, r.requiredInt(u"created_at", 0, kMax));
    SK_READ(e.version, r.intOr(u"version", 0, 0, kMax));
    SK_READ(e.updatedAt, r.requiredInt(u"updated_at", 0, kMax));
    return e;
}

Result<CustomerAddress> RecordJson::customerAddressFromJson(const JsonReader &r)
{
    return readAddress(r, nullptr);
}

Result<Customer> RecordJson::customerFromJson(const JsonReader &r)
{
    Customer c;
    SK_READ(c.id, r.requiredUuid(u"id"));
    SK_READ(c.firstName, r.optionalString(u"first_name", kName));
    SK_READ(c.lastName, r.optionalString(u"last_name", kName));
    SK_READ(c.email, r.optionalEmail(u"email"));
    SK_READ(c.phone, r.optionalPhone(u"phone"));
    SK_READ(c.note, r.optionalText(u"note", kNote));
    SK_READ(c.tags, r.optionalString(u"tags", kTags));
    SK_READ(c.emailMarketing, r.enumOr(u"email_marketing", MarketingConsent::NotSubscribed));
    SK_READ(c.smsMarketing, r.enumOr(u"sms_marketing", MarketingConsent::NotSubscribed));
    SK_READ(c.consentUpdatedAt, r.optionalInt(u"consent_updated_at", 0, kMax));
    SK_READ(c.createdAt, r.requiredInt(u"created_at", 0, kMax));
    SK_READ(c.version, r.intOr(u"version", 0, 0, kMax));
    SK_READ(c.updatedAt, r.requiredInt(u"updated_at", 0, kMax));
    SK_TRY_ASSIGN(addresses, r.objectArray(u"addresses"));
    c.addresses.reserve(addresses.size());
    QSet<QString> ids;
    for (const JsonReader &address : std::as_const(addresses)) {
        SK_TRY_ASSIGN(a, readAddress(address, &c.id));
        if (ids.contains(a.id)) {
            return address.invalidField(u"id", tr("\u201C%1\u201D repeats address %2.").arg(address.pathOf(u"id"), a.id));
        }
        ids.insert(a.id);
        c.addresses.append(std::move(a));
    }
    return c;
}

Result<Order> RecordJson::orderFromJson(const JsonReader &r)
{
    Order o;
    SK_READ(o.id, r.requiredUuid(u"id"));
    SK_READ(o.number, r.requiredInt(u"number", 1, kMax));
    SK_READ(o.customerId, r.optionalUuid(u"customer_id"));
    SK_READ(o.customerName, r.optionalString(u"customer_name", kName));
    SK_READ(o.email, r.optionalEmail(u"email"));
    SK_READ(o.channel, r.requiredEnum<OrderChannel>(u"channel"));
    SK_READ(o.currency, r.requiredCurrency(u"currency"));
    SK_READ(o.subtotal, r.requiredInt(u"subtotal", 0, kMax));
    SK_READ(o.discountTotal, r.intOr(u"discount_total", 0, 0, kMax));
    SK_READ(o.shippingTotal, r.intOr(u"shipping_total", 0, 0, kMax));
    SK_READ(o.taxTotal, r.intOr(u"tax_total", 0, 0, kMax));
    SK_READ(o.total, r.requiredInt(u"total", 0, kMax));
    SK_READ(o.refundedTotal, r.intOr(u"refunded_total", 0, 0, kMax));
    if (o.refundedTotal > o.total) {
        return r.invalidField(u"refunded_total", tr("\u201C%1\u201D is %2, more than the order's total of %3.")
                                                     .arg(r.pathOf(u"refunded_total"))
                                                     .arg(o.refundedTotal)
                                                     .arg(o.total));
    }
    SK_READ(o.status, r.requiredEnum<OrderStatus>(u"status"));
    SK_READ(o.financialStatus, r.requiredEnum<FinancialStatus>(u"financial_status"));
    SK_READ(o.fulfillmentStatus, r.requiredEnum<FulfillmentStatus>(u"fulfillment_status"));
    SK_READ(o.gateway, r.optionalString(u"gateway", kShortCode));
    SK_READ(o.locationId, r.optionalUuid(u"location_id"));
    SK_READ(o.placedAt, r.requiredInt(u"placed_at", 0, kMax));
    SK_READ(o.paidAt, r.optionalInt(u"paid_at", 0, kMax));
    SK_READ(o.cancelledAt, r.optionalInt(u"cancelled_at", 0, kMax));
    SK_READ(o.cancelReason, r.optionalText(u"cancel_reason", kNote));
    SK_READ(o.billingAddressJson, addressJson(r, u"billing_address"));
    SK_READ(o.shippingAddressJson, addressJson(r, u"shipping_address"));
    SK_READ(o.note, r.optionalText(u"note", kNote));
    SK_READ(o.tags, r.optionalString(u"tags", kTags));
    SK_READ(o.version, r.intOr(u"version", 0, 0, kMax));
    SK_READ(o.updatedAt, r.requiredInt(u"updated_at", 0, kMax));
    return o;
}

Result<OrderLine> RecordJson::orderLineFromJson(const JsonReader &r)
{
    return readOrderLine(r, nullptr);
}

Result<Fulfillment> RecordJson::fulfillmentFromJson(const JsonReader &r)
{
    return readFulfillment(r, nullptr);
}

Result<Refund> RecordJson::refundFromJson(const JsonReader &r)
{
    return readRefund(r, nullptr);
}

Result<OrderEvent> RecordJson::orderEventFromJson(const JsonReader &r)
{
    return readEvent(r, nullptr);
}

Result<OrderDetail> RecordJson::orderDetailFromJson(const JsonReader &r)
{
    OrderDetail d;
    SK_READ(d.order, orderFromJson(r));
    const QString &orderId = d.order.id;

    SK_TRY_ASSIGN(lines, r.objectArray(u"lines"));
    d.lines.reserve(lines.size());
    QSet<QString> lineIds;
    for (const JsonReader &line : std::as_const(lines)) {
        SK_TRY_ASSIGN(l, readOrderLine(line, &orderId));
        if (lineIds.contains(l.id))
            return line.invalidField(u"id", tr("\u201C%1\u201D repeats order line %2.").arg(line.pathOf(u"id"), l.id));
        lineIds.insert(l.id);
        d.lines.append(std::move(l));
    }

    SK_TRY_ASSIGN(fulfillments, r.objectArray(u"fulfillments"));
    d.fulfillments.reserve(fulfillments.size());
    for (qsizetype i = 0; i < fulfillments.size(); ++i) {
        SK_TRY_ASSIGN(f, readFulfillment(fulfillments.at(i), &orderId));
        QList<QString> refs;
        for (const FulfillmentLine &fl : std::as_const(f.lines))
            refs.append(fl.orderLineId);
        SK_TRY(checkLineRefs(r, u"fulfillments", i, refs, lineIds));
        d.fulfillments.append(std::move(f));
    }

    SK_TRY_ASSIGN(refunds, r.objectArray(u"refunds"));
    d.refunds.reserve(refunds.size());
    for (qsizetype i = 0; i < refunds.size(); ++i) {
        SK_TRY_ASSIGN(f, readRefund(refunds.at(i), &orderId));
        QList<QString> refs;
        for (const RefundLine &rl : std::as_const(f.lines))
            refs.append(rl.orderLineId);
        SK_TRY(checkLineRefs(r, u"refunds", i, refs, lineIds));
        d.refunds.append(std::move(f));
    }

    SK_TRY_ASSIGN(events, r.objectArray(u"events"));
    d.events.reserve(events.size());
    for (const JsonReader &event : std::as_const(events)) {
        SK_TRY_ASSIGN(e, readEvent(event, &orderId));
        d.events.append(std::move(e));
    }
    return d;
}

// ---- QJsonObject overloads ------------------------------------------------------------

Result<ShopSettings> RecordJson::shopSettingsFromJson(const QJsonObject &json)
{
    return shopSettingsFromJson(JsonReader(json));
}

Result<Location> RecordJson::locationFromJson(const QJsonObject &json)
{
    return locationFromJson(JsonReader(json));
}

Result<Product> RecordJson::productFromJson(const QJsonObject &json)
{
    return productFromJson(JsonReader(json));
}

Result<Variant> RecordJson::variantFromJson(const QJsonObject &json)
{
    return variantFromJson(JsonReader(json));
}

Result<InventoryLevel> RecordJson::inventoryLevelFromJson(const QJsonObject &json)
{
    return inventoryLevelFromJson(JsonReader(json));
}

Result<LedgerEntry> RecordJson::ledgerEntryFromJson(const QJsonObject &json)
{
    return ledgerEntryFromJson(JsonReader(json));
}

Result<Customer> RecordJson::customerFromJson(const QJsonObject &json)
{
    return customerFromJson(JsonReader(json));
}

Result<CustomerAddress> RecordJson::customerAddressFromJson(const QJsonObject &json)
{
    return customerAddressFromJson(JsonReader(json));
}

Result<OrderDetail> RecordJson::orderDetailFromJson(const QJsonObject &json)
{
    return orderDetailFromJson(JsonReader(json));
}

Result<Order> RecordJson::orderFromJson(const QJsonObject &json)
{
    return orderFromJson(JsonReader(json));
}

Result<OrderLine> RecordJson::orderLineFromJson(const QJsonObject &json)
{
    return orderLineFromJson(JsonReader(json));
}

Result<Fulfillment> RecordJson::fulfillmentFromJson(const QJsonObject &json)
{
    return fulfillmentFromJson(JsonReader(json));
}

Result<Refund> RecordJson::refundFromJson(const QJsonObject &json)
{
    return refundFromJson(JsonReader(json));
}

Result<OrderEvent> RecordJson::orderEventFromJson(const QJsonObject &json)
{
    return orderEventFromJson(JsonReader(json));
}

} // namespace sk

#undef SK_READ
