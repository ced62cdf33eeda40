#pragma once

#include "domain/jsonreader.h"
#include "domain/records.h"
#include "util/result.h"

#include <QByteArray>
#include <QJsonObject>

namespace sk {

// The one JSON shape of every record, shared by the reference server (which stores and
// serves it) and the sync client (which pulls it). Keys are the SQLite column names
// ("compare_at_price", "financial_status"); money is an integer of minor units; times are
// integers of UTC milliseconds since the epoch; enums are their toString() text; a value a
// column may hold as NULL is written as JSON null. Composite documents embed their children:
// a customer its "addresses", an order (OrderDetail) its "lines", "fulfillments" (each with
// "lines": [{order_line_id, quantity}]), "refunds" (each with "lines") and "events".
//
// Reading is strict (see JsonReader): exact JSON types, canonical lower-case UUID ids,
// length and format limits, enums by their exact text. A field may be absent (or null) only
// where its column is nullable or has a default, and then takes that default; children
// inside a document may leave out their parent's id. Unknown keys are ignored, so an older
// client reads a newer server's documents. Every error carries the field's path in detail.
class RecordJson
{
public:
    // The object in a JSON text. "validation.malformed_json" (the parser's offset in the
    // message and in detail) when the text is not JSON or not an object.
    static Result<QJsonObject> parseObject(const QByteArray &json);

    static QJsonObject toJson(const ShopSettings &settings);
    static QJsonObject toJson(const Location &location);
    static QJsonObject toJson(const Product &product);
    static QJsonObject toJson(const Variant &variant);
    // "available" is written for readers' convenience and ignored when read back.
    static QJsonObject toJson(const InventoryLevel &level);
    static QJsonObject toJson(const LedgerEntry &entry);
    // With "addresses".
    static QJsonObject toJson(const Customer &customer);
    static QJsonObject toJson(const CustomerAddress &address);
    // The order's fields with "lines", "fulfillments", "refunds" and "events".
    static QJsonObject toJson(const OrderDetail &detail);
    // The order's own fields; "billing_address" and "shipping_address" are JSON objects.
    static QJsonObject toJson(const Order &order);
    static QJsonObject toJson(const OrderLine &line);
    static QJsonObject toJson(const Fulfillment &fulfillment);
    static QJsonObject toJson(const Refund &refund);
    static QJsonObject toJson(const OrderEvent &event);

    static Result<ShopSettings> shopSettingsFromJson(const QJsonObject &json);
    static Result<Location> locationFromJson(const QJsonObject &json);
    static Result<Product> productFromJson(const QJsonObject &json);
    static Result<Variant> variantFromJson(const QJsonObject &json);
    static Result<InventoryLevel> inventoryLevelFromJson(const QJsonObject &json);
    static Result<LedgerEntry> ledgerEntryFromJson(const QJsonObject &json);
    static Result<Customer> customerFromJson(const QJsonObject &json);
    static Result<CustomerAddress> customerAddressFromJson(const QJsonObject &json);
    static Result<OrderDetail> orderDetailFromJson(const QJsonObject &json);
    static Result<Order> orderFromJson(const QJsonObject &json);
    static Result<OrderLine> orderLineFromJson(const QJsonObject &json);
    static Result<Fulfillment> fulfillmentFromJson(const QJsonObject &json);
    static Result<Refund> refundFromJson(const QJsonObject &json);
    static Result<OrderEvent> orderEventFromJson(const QJsonObject &json);

    // The same parsers over a reader, for records nested in a larger document (a mutation's
    // arguments): error paths then start with the reader's path ("product.variants[1].sku").
    static Result<ShopSettings> shopSettingsFromJson(const JsonReader &reader);
    static Result<Location> locationFromJson(const JsonReader &reader);
    static Result<Product> productFromJson(const JsonReader &reader);
    static Result<Variant> variantFromJson(const JsonReader &reader);
    static Result<InventoryLevel> inventoryLevelFromJson(const JsonReader &reader);
    static Result<LedgerEntry> ledgerEntryFromJson(const JsonReader &reader);
    static Result<Customer> customerFromJson(const JsonReader &reader);
    static Result<CustomerAddress> customerAddressFromJson(const JsonReader &reader);
    static Result<OrderDetail> orderDetailFromJson(const JsonReader &reader);
    static Result<Order> orderFromJson(const JsonReader &reader);
    static Result<OrderLine> orderLineFromJson(const JsonReader &reader);
    static Result<Fulfillment> fulfillmentFromJson(const JsonReader &reader);
    static Result<Refund> refundFromJson(const JsonReader &reader);
    static Result<OrderEvent> orderEventFromJson(const JsonReader &reader);
};

} // namespace sk
