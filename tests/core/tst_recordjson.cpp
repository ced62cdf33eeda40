#include "domain/recordjson.h"
#include "testsupport.h"
#include "util/uuidv7.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTest>

#include <simdjson.h>

#include <functional>

using namespace sk;
using namespace Qt::StringLiterals;

namespace {

QString id(quint64 n)
{
    return UuidV7::toText(UuidV7::fromParts(1700000000000 + qint64(n), n, n * 7919));
}

constexpr qint64 kT0 = 1717000000000; // a June 2024 instant, UTC ms
constexpr qint64 kBig = 9000000000000000;

// ---- records with every field set, and with every optional field empty -----------------

ShopSettings fullShop()
{
    ShopSettings s;
    s.shopId = u"demo-42"_s;
    s.name = u"Atelier Lumi\u00E8re"_s;
    s.currency = u"EUR"_s;
    s.timeZone = u"America/Argentina/Buenos_Aires"_s;
    s.locale = u"fr-FR"_s;
    s.oversellPolicy = OversellPolicy::Reject;
    s.version = 12;
    s.updatedAt = kT0;
    return s;
}

Location fullLocation()
{
    return Location{id(1), u"Warehouse Lagos"_s, u"LOS-1"_s, u"12 Marina Road\nLagos Island"_s, false, 3, kT0};
}

Location emptyLocation()
{
    return Location{id(2), u"Shop"_s, QString(), QString(), true, 0, 0};
}

Product fullProduct()
{
    Product p;
    p.id = id(3);
    p.title = u"Linen Shirt \u2014 \u00C9t\u00E9 \U0001F455"_s;
    p.handle = u"linen-shirt-2024"_s;
    p.description = u"Washed linen.\n\n\t* Relaxed fit\r\n* Made in Portugal"_s;
    p.vendor = u"Maison Bleu"_s;
    p.category = u"Apparel > Shirts"_s;
    p.tags = u"summer, linen, bestseller"_s;
    p.status = ProductStatus::Archived;
    p.createdAt = kT0 - 1000;
    p.version = kBig;
    p.updatedAt = kBig;
    return p;
}

Product emptyProduct()
{
    Product p;
    p.id = id(4);
    p.title = u"T"_s;
    p.handle = u"t"_s;
    p.status = ProductStatus::Draft;
    return p;
}

Variant fullVariant()
{
    Variant v;
    v.id = id(5);
    v.productId = id(3);
    v.position = 7;
    v.sku = u"LS-BLUE-XL"_s;
    v.barcode = u"4006381333931"_s;
    v.option1 = u"Blue"_s;
    v.option2 = u"XL"_s;
    v.option3 = u"Slim"_s;
    v.price = kBig;
    v.compareAtPrice = 0;
    v.cost = 1234;
    v.weight = 0.1;
    v.weightUnit = u"oz"_s;
    v.trackInventory = false;
    v.createdAt = kT0;
    v.version = 2;
    v.updatedAt = kT0 + 1;
    return v;
}

Variant emptyVariant()
{
    Variant v;
    v.id = id(6);
    v.productId = id(4);
    v.price = 0;
    return v;
}

InventoryLevel fullLevel()
{
    InventoryLevel l;
    l.variantId = id(5);
    l.locationId = id(1);
    l.onHand = -3; // oversold
    l.committed = 5;
    l.lowStockThreshold = 0;
    l.version = 9;
    l.updatedAt = kT0;
    return l;
}

InventoryLevel emptyLevel()
{
    InventoryLevel l;
    l.variantId = id(6);
    l.locationId = id(2);
    return l;
}

LedgerEntry fullLedger()
{
    LedgerEntry e;
    e.id = id(7);
    e.variantId = id(5);
    e.locationId = id(1);
    e.delta = -2;
    e.quantityAfter = -3;
    e.reason = InventoryReason::TransferOut;
    e.reference = u"TR-0042"_s;
    e.note = u"Moved to\nthe pop-up"_s;
    e.userId = u"user-17"_s;
    e.userName = u"Ngozi"_s;
    e.createdAt = kT0;
    e.version = 1;
    e.updatedAt = kT0;
    return e;
}

LedgerEntry emptyLedger()
{
    LedgerEntry e;
    e.id = id(8);
    e.variantId = id(6);
    e.locationId = id(2);
    e.delta = 1;
    e.quantityAfter = 1;
    e.reason = InventoryReason::Received;
    return e;
}

CustomerAddress fullAddress(const QString &customerId, quint64 n, bool isDefault)
{
    CustomerAddress a;
    a.id = id(n);
    a.customerId = customerId;
    a.isDefault = isDefault;
    a.name = u"Ada Obi"_s;
    a.company = u"Obi & Sons"_s;
    a.line1 = u"3 Allen Avenue"_s;
    a.line2 = u"Flat 2"_s;
    a.city = u"Ikeja"_s;
    a.province = u"Lagos"_s;
    a.postalCode = u"100271"_s;
    a.countryCode = u"NG"_s;
    a.phone = u"+234 803 000 0000"_s;
    return a;
}

Customer fullCustomer()
{
    Customer c;
    c.id = id(9);
    c.firstName = u"Ada"_s;
    c.lastName = u"Obi"_s;
    c.email = u"ada.obi@example.com"_s;
    c.phone = u"+2348030000000"_s;
    c.note = u"Prefers\tmorning delivery"_s;
    c.tags = u"vip, wholesale"_s;
    c.emailMarketing = MarketingConsent::Subscribed;
    c.smsMarketing = MarketingConsent::Unsubscribed;
    c.consentUpdatedAt = kT0 - 5;
    c.createdAt = kT0 - 10;
    c.version = 4;
    c.updatedAt = kT0;
    c.addresses = {fullAddress(c.id, 10, true), fullAddress(c.id, 11, false)};
    c.addresses[1].line2.clear();
    return c;
}

Customer emptyCustomer()
{
    Customer c;
    c.id = id(12);
    return c;
}

CustomerAddress emptyAddress()
{
    CustomerAddress a;
    a.id = id(13);
    a.customerId = id(12);
    return a;
}

// Keys in the order the demo generator writes them, which is not QJsonObject's order.
const QString kAddressJson = u"{\"name\":\"Ada Obi\",\"line1\":\"3 Allen Avenue\",\"city\":\"Ikeja\","
                             "\"postal_code\":\"100271\",\"country_code\":\"NG\",\"phone\":\"+234 803\"}"_s;

OrderDetail fullOrder()
{
    OrderDetail d;
    Order &o = d.order;
    o.id = id(20);
    o.number = 1042;
    o.customerId = id(9);
    o.customerName = u"Ada Obi"_s;
    o.email = u"ada.obi@example.com"_s;
    o.channel = OrderChannel::Marketplace;
    o.currency = u"NGN"_s;
    o.subtotal = 3000000;
    o.discountTotal = 100000;
    o.shippingTotal = 250000;
    o.taxTotal = 225000;
    o.total = 3375000;
    o.refundedTotal = 500000;
    o.status = OrderStatus::OnHold;
    o.financialStatus = FinancialStatus::PartiallyRefunded;
    o.fulfillmentStatus = FulfillmentStatus::Partial;
    o.gateway = u"paystack"_s;
    o.locationId = id(1);
    o.placedAt = kT0;
    o.paidAt = kT0 + 60000;
    o.cancelledAt = kT0 + 120000;
    o.cancelReason = u"Customer asked\nto wait"_s;
    o.billingAddressJson = kAddressJson;
    o.shippingAddressJson = u"{\"name\":\"Gift\",\"country_code\":\"GH\",\"gate_code\":\"1234\"}"_s;
    o.note = u"Leave at the gate"_s;
    o.tags = u"gift"_s;
    o.version = 6;
    o.updatedAt = kT0 + 180000;

    for (quint64 i = 0; i < 3; ++i) {
        OrderLine l;
        l.id = id(21 + i);
        l.orderId = o.id;
        l.variantId = i == 2 ? QString() : id(5);
        l.sku = u"LS-BLUE-XL"_s;
        l.title = u"Linen Shirt"_s;
        l.variantTitle = u"Blue / XL"_s;
        l.quantity = qint64(i) + 1;
        l.unitPrice = 1000000;
        l.discount = 100000 * qint64(i);
        l.tax = 75000;
        l.total = 1000000 * (qint64(i) + 1);
        d.lines.append(l);
    }
    Fulfillment f;
    f.id = id(30);
    f.orderId = o.id;
    f.locationId = id(1);
    f.trackingNumber = u"1Z999AA10123456784"_s;
    f.carrier = u"DHL"_s;
    f.createdAt = kT0 + 1;
    f.version = 1;
    f.updatedAt = kT0 + 2;
    f.lines = {FulfillmentLine{id(21), 1}, FulfillmentLine{id(22), 2}};
    d.fulfillments.append(f);
    Refund r;
    r.id = id(31);
    r.orderId = o.id;
    r.amount = 500000;
    r.reason = u"Damaged in transit"_s;
    r.restock = true;
    r.createdAt = kT0 + 3;
    r.version = 2;
    r.updatedAt = kT0 + 4;
    r.lines = {RefundLine{id(22), 1, 500000}, RefundLine{id(23), 1, 0}};
    d.refunds.append(r);
    OrderEvent e;
    e.id = id(32);
    e.orderId = o.id;
    e.kind = OrderEventKind::StatusChanged;
    e.message = u"On hold: \u201Cwaiting\u201D"_s;
    e.author = u"Ngozi"_s;
    e.createdAt = kT0 + 5;
    e.version = 1;
    e.updatedAt = kT0 + 5;
    d.events = {e, e};
    d.events[1].id = id(33);
    d.events[1].kind = OrderEventKind::EmailSent;
    return d;
}

OrderDetail emptyOrder()
{
    OrderDetail d;
    d.order.id = id(40);
    d.order.number = 1;
    d.order.currency = u"JPY"_s;
    return d;
}

// ---- field-by-field comparison ----------------------------------------------------------

#define SAME(field) QCOMPARE(b.field, a.field)
#define SAME_ENUM(field) QCOMPARE(toString(b.field), toString(a.field))

void verifySame(const ShopSettings &a, const ShopSettings &b)
{
    SAME(shopId); SAME(name); SAME(currency); SAME(timeZone); SAME(locale); SAME_ENUM(oversellPolicy);
    SAME(version); SAME(updatedAt);
}

void verifySame(const Location &a, const Location &b)
{
    SAME(id); SAME(name); SAME(code); SAME(address); SAME(active); SAME(version); SAME(updatedAt);
}

void verifySame(const Product &a, const Product &b)
{
    SAME(id); SAME(title); SAME(handle); SAME(description); SAME(vendor); SAME(category); SAME(tags);
    SAME_ENUM(status); SAME(createdAt); SAME(version); SAME(updatedAt);
}

void verifySame(const Variant &a, const Variant &b)
{
    SAME(id); SAME(productId); SAME(position); SAME(sku); SAME(barcode); SAME(option1); SAME(option2);
    SAME(option3); SAME(price); SAME(compareAtPrice); SAME(cost); SAME(weight); SAME(weightUnit);
    SAME(trackInventory); SAME(createdAt); SAME(version); SAME(updatedAt);
}

void verifySame(const InventoryLevel &a, const InventoryLevel &b)
{
    SAME(variantId); SAME(locationId); SAME(onHand); SAME(committed); SAME(available());
    SAME(lowStockThreshold); SAME(version); SAME(updatedAt);
}

void verifySame(const LedgerEntry &a, const LedgerEntry &b)
{
    SAME(id); SAME(variantId); SAME(locationId); SAME(delta); SAME(quantityAfter); SAME_ENUM(reason);
    SAME(reference); SAME(note); SAME(userId); SAME(userName); SAME(createdAt); SAME(version); SAME(updatedAt);
}

void verifySame(const CustomerAddress &a, const CustomerAddress &b)
{
    SAME(id); SAME(customerId); SAME(isDefault); SAME(name); SAME(company); SAME(line1); SAME(line2);
    SAME(city); SAME(province); SAME(postalCode); SAME(countryCode); SAME(phone);
}

void verifySame(const Customer &a, const Customer &b)
{
    SAME(id); SAME(firstName); SAME(lastName); SAME(email); SAME(phone); SAME(note); SAME(tags);
    SAME_ENUM(emailMarketing); SAME_ENUM(smsMarketing); SAME(consentUpdatedAt); SAME(createdAt);
    SAME(version); SAME(updatedAt);
    QCOMPARE(b.addresses.size(), a.addresses.size());
    for (qsizetype i = 0; i < a.addresses.size(); ++i) {
        verifySame(a.addresses.at(i), b.addresses.at(i));
        if (QTest::currentTestFailed())
            return;
    }
}

QJsonObject jsonObject(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

void verifySame(const Order &a, const Order &b)
{
    SAME(id); SAME(number); SAME(customerId); SAME(customerName); SAME(email); SAME_ENUM(channel);
    SAME(currency); SAME(subtotal); SAME(discountTotal); SAME(shippingTotal); SAME(taxTotal); SAME(total);
    SAME(refundedTotal); SAME_ENUM(status); SAME_ENUM(financialStatus); SAME_ENUM(fulfillmentStatus);
    SAME(gateway); SAME(locationId); SAME(placedAt); SAME(paidAt); SAME(cancelledAt); SAME(cancelReason);
    // Address text is normalised (compact, keys sorted): compare what it says, not its spelling.
    QVERIFY(QJsonDocument::fromJson(b.billingAddressJson.toUtf8()).isObject());
    QCOMPARE(jsonObject(b.billingAddressJson), jsonObject(a.billingAddressJson));
    QCOMPARE(jsonObject(b.shippingAddressJson), jsonObject(a.shippingAddressJson));
    SAME(note); SAME(tags); SAME(version); SAME(updatedAt);
}

void verifySame(const OrderLine &a, const OrderLine &b)
{
    SAME(id); SAME(orderId); SAME(variantId); SAME(sku); SAME(title); SAME(variantTitle); SAME(quantity);
    SAME(unitPrice); SAME(discount); SAME(tax); SAME(total);
}

void verifySame(const Fulfillment &a, const Fulfillment &b)
{
    SAME(id); SAME(orderId); SAME(locationId); SAME(trackingNumber); SAME(carrier); SAME(createdAt);
    SAME(version); SAME(updatedAt);
    QCOMPARE(b.lines.size(), a.lines.size());
    for (qsizetype i = 0; i < a.lines.size(); ++i) {
        QCOMPARE(b.lines.at(i).orderLineId, a.lines.at(i).orderLineId);
        QCOMPARE(b.lines.at(i).quantity, a.lines.at(i).quantity);
    }
}

void verifySame(const Refund &a, const Refund &b)
{
    SAME(id); SAME(orderId); SAME(amount); SAME(reason); SAME(restock); SAME(createdAt); SAME(version);
    SAME(updatedAt);
    QCOMPARE(b.lines.size(), a.lines.size());
    for (qsizetype i = 0; i < a.lines.size(); ++i) {
        QCOMPARE(b.lines.at(i).orderLineId, a.lines.at(i).orderLineId);
        QCOMPARE(b.lines.at(i).quantity, a.lines.at(i).quantity);
        QCOMPARE(b.lines.at(i).amount, a.lines.at(i).amount);
    }
}

void verifySame(const OrderEvent &a, const OrderEvent &b)
{
    SAME(id); SAME(orderId); SAME_ENUM(kind); SAME(message); SAME(author); SAME(createdAt); SAME(version);
    SAME(updatedAt);
}

template <typename T>
void verifyAll(const QList<T> &a, const QList<T> &b)
{
    QCOMPARE(b.size(), a.size());
    for (qsizetype i = 0; i < a.size(); ++i) {
        verifySame(a.at(i), b.at(i));
        if (QTest::currentTestFailed())
            return;
    }
}

void verifySame(const OrderDetail &a, const OrderDetail &b)
{
    verifySame(a.order, b.order);
    if (QTest::currentTestFailed())
        return;
    verifyAll(a.lines, b.lines);
    verifyAll(a.fulfillments, b.fulfillments);
    verifyAll(a.refunds, b.refunds);
    verifyAll(a.events, b.events);
}

#undef SAME
#undef SAME_ENUM

// toJson → JSON text → parseObject → fromJson gives the record back, and writing it again
// gives the same JSON.
template <typename T, typename Parse>
void verifyRoundTrip(const T &record, Parse parse)
{
    const QJsonObject json = RecordJson::toJson(record);
    const QByteArray text = QJsonDocument(json).toJson(QJsonDocument::Compact);
    const auto object = RecordJson::parseObject(text);
    SK_VERIFY_OK(object);
    const auto back = parse(object.value());
    SK_VERIFY_OK(back);
    verifySame(record, back.value());
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(RecordJson::toJson(back.value()), json);
}

// ---- invalid documents ------------------------------------------------------------------

// Sets (or, given nullopt, removes) the value at a path such as "lines[2].quantity".
QJsonObject withValue(QJsonObject object, QStringView path, const std::optional<QJsonValue> &value)
{
    const qsizetype dot = path.indexOf(u'.');
    const QStringView head = dot < 0 ? path : path.first(dot);
    const QStringView rest = dot < 0 ? QStringView() : path.sliced(dot + 1);
    const qsizetype bracket = head.indexOf(u'[');
    if (bracket < 0) {
        const QString key = head.toString();
        if (!rest.isEmpty())
            object.insert(key, withValue(object.value(key).toObject(), rest, value));
        else if (value)
            object.insert(key, *value);
        else
            object.remove(key);
        return object;
    }
    const QString key = head.first(bracket).toString();
    const qsizetype index = head.sliced(bracket + 1).chopped(1).toLongLong();
    QJsonArray array = object.value(key).toArray();
    if (rest.isEmpty())
        array[index] = value.value_or(QJsonValue());
    else
        array[index] = withValue(array.at(index).toObject(), rest, value);
    object.insert(key, array);
    return object;
}

// Parses a document of the kind named, keeping only the error.
Result<void> parseAs(const QString &kind, const QJsonObject &json)
{
    const auto drop = [](const auto &result) -> Result<void> {
        if (!result.ok())
            return result.error();
        return {};
    };
    if (kind == u"shop_settings")
        return drop(RecordJson::shopSettingsFromJson(json));
    if (kind == u"location")
        return drop(RecordJson::locationFromJson(json));
    if (kind == u"product")
        return drop(RecordJson::productFromJson(json));
    if (kind == u"variant")
        return drop(RecordJson::variantFromJson(json));
    if (kind == u"inventory_level")
        return drop(RecordJson::inventoryLevelFromJson(json));
    if (kind == u"ledger_entry")
        return drop(RecordJson::ledgerEntryFromJson(json));
    if (kind == u"customer")
        return drop(RecordJson::customerFromJson(json));
    if (kind == u"customer_address")
        return drop(RecordJson::customerAddressFromJson(json));
    if (kind == u"order_detail")
        return drop(RecordJson::orderDetailFromJson(json));
    if (kind == u"order")
        return drop(RecordJson::orderFromJson(json));
    if (kind == u"order_line")
        return drop(RecordJson::orderLineFromJson(json));
    if (kind == u"fulfillment")
        return drop(RecordJson::fulfillmentFromJson(json));
    if (kind == u"refund")
        return drop(RecordJson::refundFromJson(json));
    if (kind == u"order_event")
        return drop(RecordJson::orderEventFromJson(json));
    return makeError(u"test.unknown_kind"_s, kind);
}

QJsonObject validDocument(const QString &kind)
{
    const OrderDetail order = fullOrder();
    if (kind == u"shop_settings")
        return RecordJson::toJson(fullShop());
    if (kind == u"location")
        return RecordJson::toJson(fullLocation());
    if (kind == u"product")
        return RecordJson::toJson(fullProduct());
    if (kind == u"variant")
        return RecordJson::toJson(fullVariant());
    if (kind == u"inventory_level")
        return RecordJson::toJson(fullLevel());
    if (kind == u"ledger_entry")
        return RecordJson::toJson(fullLedger());
    if (kind == u"customer")
        return RecordJson::toJson(fullCustomer());
    if (kind == u"customer_address")
        return RecordJson::toJson(fullAddress(id(9), 10, true));
    if (kind == u"order_detail")
        return RecordJson::toJson(order);
    if (kind == u"order")
        return RecordJson::toJson(order.order);
    if (kind == u"order_line")
        return RecordJson::toJson(order.lines.at(0));
    if (kind == u"fulfillment")
        return RecordJson::toJson(order.fulfillments.at(0));
    if (kind == u"refund")
        return RecordJson::toJson(order.refunds.at(0));
    if (kind == u"order_event")
        return RecordJson::toJson(order.events.at(0));
    return {};
}

const QJsonValue kRemove = QJsonValue(QJsonValue::Undefined);

// Columns of a table as SQLite reports them (generated columns included).
QSet<QString> columnsOf(SqliteDatabase &db, const char *table, const QStringList &skip)
{
    QSet<QString> names;
    auto s = db.prepare(QByteArray("PRAGMA table_xinfo(") + table + ")");
    if (!s.ok())
        return names;
    while (s->step().valueOr(false))
        names.insert(s->text(1));
    for (const QString &k : skip)
        names.remove(k);
    return names;
}

QSet<QString> keysOf(const QJsonObject &o)
{
    const QStringList keys = o.keys();
    return QSet<QString>(keys.cbegin(), keys.cend());
}

} // namespace

class tst_RecordJson : public QObject
{
    Q_OBJECT

private slots:
    // ---- round trips --------------------------------------------------------------------

    void roundTripsShopSettings()
    {
        verifyRoundTrip(fullShop(), [](const QJsonObject &o) { return RecordJson::shopSettingsFromJson(o); });
    }

    void roundTripsLocations()
    {
        const auto parse = [](const QJsonObject &o) { return RecordJson::locationFromJson(o); };
        verifyRoundTrip(fullLocation(), parse);
        verifyRoundTrip(emptyLocation(), parse);
        QCOMPARE(RecordJson::toJson(emptyLocation()).value(u"code"), QJsonValue(QJsonValue::Null));
    }

    void roundTripsProducts()
    {
        const auto parse = [](const QJsonObject &o) { return RecordJson::productFromJson(o); };
        verifyRoundTrip(fullProduct(), parse);
        verifyRoundTrip(emptyProduct(), parse);
    }

    void roundTripsVariants()
    {
        const auto parse = [](const QJsonObject &o) { return RecordJson::variantFromJson(o); };
        verifyRoundTrip(fullVariant(), parse);
        verifyRoundTrip(emptyVariant(), parse);
        // Nullable columns are JSON null when empty, not "" or 0.
        const QJsonObject empty = RecordJson::toJson(emptyVariant());
        for (const char16_t *key : {u"sku", u"barcode", u"option1", u"compare_at_price", u"cost", u"weight"})
            QVERIFY2(empty.value(QStringView(key)).isNull(), qPrintable(QString::fromUtf16(key)));
        QCOMPARE(empty.value(u"price"), QJsonValue(0));
    }

    void roundTripsInventoryLevels()
    {
        const auto parse = [](const QJsonObject &o) { return RecordJson::inventoryLevelFromJson(o); };
        verifyRoundTrip(fullLevel(), parse);
        verifyRoundTrip(emptyLevel(), parse);
        QCOMPARE(RecordJson::toJson(fullLevel()).value(u"available").toInteger(), qint64(-8));
    }

    void roundTripsLedgerEntries()
    {
        const auto parse = [](const QJsonObject &o) { return RecordJson::ledgerEntryFromJson(o); };
        verifyRoundTrip(fullLedger(), parse);
        verifyRoundTrip(emptyLedger(), parse);
    }

    void roundTripsCustomers()
    {
        const auto parse = [](const QJsonObject &o) { return RecordJson::customerFromJson(o); };
        verifyRoundTrip(fullCustomer(), parse);
        verifyRoundTrip(emptyCustomer(), parse);
        QCOMPARE(RecordJson::toJson(fullCustomer()).value(u"addresses").toArray().size(), 2);
    }

    void roundTripsCustomerAddresses()
    {
        const auto parse = [](const QJsonObject &o) { return RecordJson::customerAddressFromJson(o); };
        verifyRoundTrip(fullAddress(id(9), 10, true), parse);
        verifyRoundTrip(emptyAddress(), parse);
    }

    void roundTripsOrders()
    {
        const auto parseDetail = [](const QJsonObject &o) { return RecordJson::orderDetailFromJson(o); };
        verifyRoundTrip(fullOrder(), parseDetail);
        verifyRoundTrip(emptyOrder(), parseDetail);
        const auto parseOrder = [](const QJsonObject &o) { return RecordJson::orderFromJson(o); };
        verifyRoundTrip(fullOrder().order, parseOrder);
        verifyRoundTrip(emptyOrder().order, parseOrder);
        // Addresses travel as objects, not as JSON inside a string.
        const QJsonObject json = RecordJson::toJson(fullOrder().order);
        QCOMPARE(json.value(u"billing_address").toObject().value(u"city").toString(), u"Ikeja"_s);
        QCOMPARE(RecordJson::toJson(emptyOrder()).value(u"shipping_address"), QJsonValue(QJsonObject()));
    }

    void roundTripsOrderParts()
    {
        const OrderDetail d = fullOrder();
        for (const OrderLine &l : d.lines)
            verifyRoundTrip(l, [](const QJsonObject &o) { return RecordJson::orderLineFromJson(o); });
        verifyRoundTrip(d.fulfillments.at(0), [](const QJsonObject &o) { return RecordJson::fulfillmentFromJson(o); });
        verifyRoundTrip(d.refunds.at(0), [](const QJsonObject &o) { return RecordJson::refundFromJson(o); });
        verifyRoundTrip(d.events.at(0), [](const QJsonObject &o) { return RecordJson::orderEventFromJson(o); });
        Fulfillment bare = d.fulfillments.at(0);
        bare.lines.clear();
        bare.locationId.clear();
        verifyRoundTrip(bare, [](const QJsonObject &o) { return RecordJson::fulfillmentFromJson(o); });
    }

    // ---- the shape ----------------------------------------------------------------------

    void keysAreTheSqliteColumnNames()
    {
        auto temp = test::makeTempStore();
        QVERIFY(temp);
        auto reader = temp->store->openReader();
        SK_VERIFY_OK(reader);
        SqliteDatabase &db = **reader;
        const QStringList rid{u"rid"_s};
        const OrderDetail order = fullOrder();

        QCOMPARE(keysOf(RecordJson::toJson(fullShop())), columnsOf(db, "shop_settings", {u"singleton"_s}));
        QCOMPARE(keysOf(RecordJson::toJson(fullLocation())), columnsOf(db, "locations", rid));
        QCOMPARE(keysOf(RecordJson::toJson(fullProduct())), columnsOf(db, "products", rid));
        QCOMPARE(keysOf(RecordJson::toJson(fullVariant())), columnsOf(db, "variants", rid));
        QCOMPARE(keysOf(RecordJson::toJson(fullLevel())), columnsOf(db, "inventory_levels", rid));
        QCOMPARE(keysOf(RecordJson::toJson(fullLedger())), columnsOf(db, "inventory_ledger", rid));
        QCOMPARE(keysOf(RecordJson::toJson(fullCustomer())), columnsOf(db, "customers", rid) + QSet<QString>{u"addresses"_s});
        QCOMPARE(keysOf(RecordJson::toJson(fullCustomer().addresses.at(0))), columnsOf(db, "customer_addresses", rid));
        QCOMPARE(keysOf(RecordJson::toJson(order.order)), columnsOf(db, "orders", rid));
        const QSet<QString> children{u"lines"_s, u"fulfillments"_s, u"refunds"_s, u"events"_s};
        QCOMPARE(keysOf(RecordJson::toJson(order)), columnsOf(db, "orders", rid) + children);
        QCOMPARE(keysOf(RecordJson::toJson(order.lines.at(0))), columnsOf(db, "order_lines", rid));
        const QJsonObject fulfillment = RecordJson::toJson(order.fulfillments.at(0));
        QCOMPARE(keysOf(fulfillment), columnsOf(db, "fulfillments", rid) + QSet<QString>{u"lines"_s});
        QCOMPARE(keysOf(fulfillment.value(u"lines").toArray().at(0).toObject()),
                 columnsOf(db, "fulfillment_lines", {u"fulfillment_id"_s}));
        const QJsonObject refund = RecordJson::toJson(order.refunds.at(0));
        QCOMPARE(keysOf(refund), columnsOf(db, "refunds", rid) + QSet<QString>{u"lines"_s});
        QCOMPARE(keysOf(refund.value(u"lines").toArray().at(0).toObject()), columnsOf(db, "refund_lines", {u"refund_id"_s}));
        QCOMPARE(keysOf(RecordJson::toJson(order.events.at(0))), columnsOf(db, "order_events", rid));
    }

    void valuesUseTheWireTypes()
    {
        const QJsonObject v = RecordJson::toJson(fullVariant());
        QCOMPARE(v.value(u"price").toInteger(), kBig);                 // minor units, exact
        QCOMPARE(v.value(u"updated_at").toInteger(), kT0 + 1);          // UTC ms
        QCOMPARE(v.value(u"track_inventory"), QJsonValue(false));
        QCOMPARE(v.value(u"weight").toDouble(), 0.1);
        const QJsonObject o = RecordJson::toJson(fullOrder());
        QCOMPARE(o.value(u"financial_status").toString(), u"partially_refunded"_s); // enum text
        QCOMPARE(o.value(u"status").toString(), u"on_hold"_s);
        QCOMPARE(o.value(u"lines").toArray().at(2).toObject().value(u"variant_id"), QJsonValue(QJsonValue::Null));
        // The text form keeps big integers as integers.
        QVERIFY(QJsonDocument(v).toJson(QJsonDocument::Compact).contains("\"price\":9000000000000000"));
    }

    // ---- lenient where the schema is -------------------------------------------------------

    void absentOptionalsTakeTheColumnDefaults()
    {
        const auto product = RecordJson::productFromJson(QJsonObject{
            {u"id"_s, id(3)}, {u"title"_s, u"Cap"_s}, {u"handle"_s, u"cap"_s}, {u"status"_s, u"active"_s},
            {u"created_at"_s, kT0}, {u"updated_at"_s, kT0}, {u"description"_s, QJsonValue()}});
        SK_VERIFY_OK(product);
        QCOMPARE(product->description, QString());
        QCOMPARE(product->vendor, QString());
        QCOMPARE(product->version, qint64(0));

        const auto variant = RecordJson::variantFromJson(QJsonObject{
            {u"id"_s, id(5)}, {u"product_id"_s, id(3)}, {u"price"_s, 500}, {u"created_at"_s, kT0}, {u"updated_at"_s, kT0}});
        SK_VERIFY_OK(variant);
        QCOMPARE(variant->position, 1);
        QCOMPARE(variant->weightUnit, u"g"_s);
        QCOMPARE(variant->trackInventory, true);
        QVERIFY(!variant->compareAtPrice && !variant->cost && !variant->weight);
        QVERIFY(variant->sku.isEmpty());

        const auto customer = RecordJson::customerFromJson(
            QJsonObject{{u"id"_s, id(9)}, {u"created_at"_s, kT0}, {u"updated_at"_s, kT0}});
        SK_VERIFY_OK(customer);
        QVERIFY(customer->emailMarketing == MarketingConsent::NotSubscribed);
        QVERIFY(customer->addresses.isEmpty());

        const auto order = RecordJson::orderDetailFromJson(QJsonObject{
            {u"id"_s, id(20)}, {u"number"_s, 7}, {u"channel"_s, u"pos"_s}, {u"currency"_s, u"USD"_s},
            {u"subtotal"_s, 100}, {u"total"_s, 100}, {u"status"_s, u"completed"_s}, {u"financial_status"_s, u"paid"_s},
            {u"fulfillment_status"_s, u"fulfilled"_s}, {u"placed_at"_s, kT0}, {u"updated_at"_s, kT0}});
        SK_VERIFY_OK(order);
        QCOMPARE(order->order.billingAddressJson, u"{}"_s);
        QCOMPARE(order->order.refundedTotal, qint64(0));
        QVERIFY(!order->order.paidAt);
        QVERIFY(order->lines.isEmpty() && order->events.isEmpty());
    }

    void stringsAreTrimmed()
    {
        QJsonObject json = RecordJson::toJson(fullProduct());
        json.insert(u"title", u"  Linen Shirt \t"_s);
        json.insert(u"vendor", u" Maison Bleu "_s);
        const auto p = RecordJson::productFromJson(json);
        SK_VERIFY_OK(p);
        QCOMPARE(p->title, u"Linen Shirt"_s);
        QCOMPARE(p->vendor, u"Maison Bleu"_s);
        QCOMPARE(p->description, fullProduct().description); // multi-line text is kept verbatim
    }

    void unknownFieldsAreIgnored()
    {
        QJsonObject json = RecordJson::toJson(fullOrder());
        json.insert(u"loyalty_points", 120);
        json.insert(u"metafields", QJsonObject{{u"x"_s, QJsonArray{1, 2}}});
        json = withValue(json, u"lines[0].gift_wrap", QJsonValue(true));
        json = withValue(json, u"billing_address.gate_code", QJsonValue(u"42"_s));
        const auto d = RecordJson::orderDetailFromJson(json);
        SK_VERIFY_OK(d);
        verifySame(fullOrder().lines.at(0), d->lines.at(0));
        // Unknown address keys are kept: the address is free-form beyond the fields we check.
        QCOMPARE(jsonObject(d->order.billingAddressJson).value(u"gate_code").toString(), u"42"_s);
    }

    // The bulk download reads documents straight from simdjson (JsonReader's second backend):
    // the same records, the same cleaned addresses, the same errors.
    void simdjsonReaderDecodesTheSame()
    {
        QJsonObject json = RecordJson::toJson(fullOrder());
        json = withValue(json, u"billing_address.city", QJsonValue(u"  Ikeja \t"_s)); // cleaned
        json = withValue(json, u"billing_address.company", QJsonValue());            // null: dropped
        json = withValue(json, u"shipping_address.gate_code", QJsonValue(u"42"_s));   // kept
        const QByteArray text = QJsonDocument(json).toJson(QJsonDocument::Compact);
        simdjson::dom::parser parser;
        simdjson::dom::element root;
        QVERIFY(parser.parse(text.constData(), size_t(text.size())).get(root) == simdjson::SUCCESS);

        const auto viaQt = RecordJson::orderDetailFromJson(json);
        const auto viaSimdjson = RecordJson::orderDetailFromJson(JsonReader(root));
        SK_VERIFY_OK(viaQt);
        SK_VERIFY_OK(viaSimdjson);
        verifySame(viaQt.value(), viaSimdjson.value());
        const QJsonObject billing = jsonObject(viaSimdjson->order.billingAddressJson);
        QCOMPARE(billing.value(u"city").toString(), u"Ikeja"_s);
        QVERIFY(!billing.contains(u"company"));
        QCOMPARE(jsonObject(viaSimdjson->order.shippingAddressJson).value(u"gate_code").toString(), u"42"_s);

        // A bad value deep inside is named by the same path either way.
        json = withValue(json, u"lines[1].quantity", QJsonValue(u"2"_s));
        const QByteArray bad = QJsonDocument(json).toJson(QJsonDocument::Compact);
        simdjson::dom::parser badParser;
        QVERIFY(badParser.parse(bad.constData(), size_t(bad.size())).get(root) == simdjson::SUCCESS);
        const auto qtError = RecordJson::orderDetailFromJson(json);
        const auto simdjsonError = RecordJson::orderDetailFromJson(JsonReader(root));
        QVERIFY(!qtError.ok() && !simdjsonError.ok());
        QCOMPARE(simdjsonError.error().detail, u"lines[1].quantity"_s);
        QCOMPARE(simdjsonError.error().message, qtError.error().message);
    }

    void availableIsOutputOnly()
    {
        QJsonObject json = RecordJson::toJson(fullLevel());
        json.insert(u"available", u"not even a number"_s);
        const auto level = RecordJson::inventoryLevelFromJson(json);
        SK_VERIFY_OK(level);
        QCOMPARE(level->available(), fullLevel().onHand - fullLevel().committed);
    }

    void childrenMayLeaveOutTheirParentId()
    {
        QJsonObject json = RecordJson::toJson(fullOrder());
        json = withValue(json, u"lines[1].order_id", std::nullopt);
        json = withValue(json, u"fulfillments[0].order_id", QJsonValue());
        json = withValue(json, u"refunds[0].order_id", std::nullopt);
        json = withValue(json, u"events[1].order_id", std::nullopt);
        const auto d = RecordJson::orderDetailFromJson(json);
        SK_VERIFY_OK(d);
        verifySame(fullOrder(), d.value());

        QJsonObject customer = RecordJson::toJson(fullCustomer());
        customer = withValue(customer, u"addresses[0].customer_id", std::nullopt);
        const auto c = RecordJson::customerFromJson(customer);
        SK_VERIFY_OK(c);
        QCOMPARE(c->addresses.at(0).customerId, fullCustomer().id);

        // Standalone, the parent id is required.
        QJsonObject line = RecordJson::toJson(fullOrder().lines.at(0));
        line.remove(u"order_id");
        const auto l = RecordJson::orderLineFromJson(line);
        QVERIFY(!l.ok());
        QCOMPARE(l.error().code, u"validation.missing_field"_s);
        QCOMPARE(l.error().detail, u"order_id"_s);
    }

    void nestedReaderPrefixesPaths()
    {
        QJsonObject args{{u"product"_s, withValue(RecordJson::toJson(fullProduct()), u"handle", QJsonValue(u"Bad Handle"_s))}};
        const auto reader = JsonReader(args).object(u"product");
        SK_VERIFY_OK(reader);
        const auto p = RecordJson::productFromJson(reader.value());
        QVERIFY(!p.ok());
        QCOMPARE(p.error().detail, u"product.handle"_s);
    }

    // ---- strictness ---------------------------------------------------------------------

    void rejectsInvalidDocuments_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("path");   // where the document is changed
        QTest::addColumn<QJsonValue>("value"); // kRemove deletes the key
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("errorPath");
        QTest::addColumn<QString>("mentions"); // the message names the bad value

        const QString invalid = u"validation.invalid_field"_s;
        const QString missing = u"validation.missing_field"_s;
        const auto row = [&](const char *name, const char *kind, const QString &path, const QJsonValue &value,
                             const QString &code, const QString &errorPath = {}, const QString &mentions = {}) {
            QTest::newRow(name) << QString::fromLatin1(kind) << path << value << code
                                << (errorPath.isEmpty() ? path : errorPath) << mentions;
        };

        // shop settings
        row("shop currency unknown", "shop_settings", u"currency"_s, u"XYZ"_s, invalid, {}, u"XYZ"_s);
        row("shop currency lower case", "shop_settings", u"currency"_s, u"eur"_s, invalid, {}, u"eur"_s);
        row("shop time zone injection", "shop_settings", u"time_zone"_s, u"Europe/Paris; DROP"_s, invalid);
        row("shop oversell missing", "shop_settings", u"oversell_policy"_s, kRemove, missing);
        row("shop id empty", "shop_settings", u"shop_id"_s, u" "_s, invalid);

        // locations
        row("location name missing", "location", u"name"_s, kRemove, missing);
        row("location active as text", "location", u"active"_s, u"true"_s, invalid, {}, u"true"_s);
        row("location active as 1", "location", u"active"_s, 1, invalid);

        // products
        row("product id missing", "product", u"id"_s, kRemove, missing);
        row("product id upper case", "product", u"id"_s, id(3).toUpper(), invalid, {}, id(3).toUpper());
        row("product id in braces", "product", u"id"_s, u'{' + id(3) + u'}', invalid);
        row("product id a number", "product", u"id"_s, 3, invalid);
        row("product title null", "product", u"title"_s, QJsonValue(), missing);
        row("product title blank", "product", u"title"_s, u"   "_s, invalid);
        row("product title too long", "product", u"title"_s, QString(256, u'x'), invalid, {}, u"256"_s);
        row("product title a number", "product", u"title"_s, 42, invalid, {}, u"42"_s);
        row("product title two lines", "product", u"title"_s, u"Linen\nShirt"_s, invalid);
        row("product handle upper case", "product", u"handle"_s, u"Linen-Shirt"_s, invalid, {}, u"Linen-Shirt"_s);
        row("product handle space", "product", u"handle"_s, u"linen shirt"_s, invalid);
        row("product description too long", "product", u"description"_s, QString(65537, u'd'), invalid);
        row("product tags too long", "product", u"tags"_s, QString(1025, u't'), invalid);
        row("product status unknown", "product", u"status"_s, u"live"_s, invalid, {}, u"live"_s);
        row("product status wrong case", "product", u"status"_s, u"Active"_s, invalid, {}, u"Active"_s);
        row("product created_at as text", "product", u"created_at"_s, u"1717000000000"_s, invalid, {}, u"1717000000000"_s);
        row("product created_at fraction", "product", u"created_at"_s, 1717000000000.5, invalid);
        row("product updated_at missing", "product", u"updated_at"_s, kRemove, missing);
        row("product version negative", "product", u"version"_s, -1, invalid, {}, u"-1"_s);

        // variants
        row("variant product_id missing", "variant", u"product_id"_s, kRemove, missing);
        row("variant price as text", "variant", u"price"_s, u"12.50"_s, invalid, {}, u"12.50"_s);
        row("variant price negative", "variant", u"price"_s, -1, invalid, {}, u"-1"_s);
        row("variant price beyond 9e15", "variant", u"price"_s, QJsonValue(qint64(9000000000000001)), invalid);
        row("variant price fraction", "variant", u"price"_s, 12.5, invalid, {}, u"12.5"_s);
        row("variant price missing", "variant", u"price"_s, kRemove, missing);
        row("variant compare_at negative", "variant", u"compare_at_price"_s, -100, invalid);
        row("variant cost as text", "variant", u"cost"_s, u"5"_s, invalid);
        row("variant sku too long", "variant", u"sku"_s, QString(65, u'S'), invalid);
        row("variant sku control char", "variant", u"sku"_s, u"LS\u0007XL"_s, invalid);
        row("variant barcode check digit", "variant", u"barcode"_s, u"4006381333932"_s, invalid, {}, u"4006381333932"_s);
        row("variant barcode too long", "variant", u"barcode"_s, QString(65, u'B'), invalid);
        row("variant weight negative", "variant", u"weight"_s, -0.5, invalid);
        row("variant weight as text", "variant", u"weight"_s, u"0.5"_s, invalid);
        row("variant weight unit unknown", "variant", u"weight_unit"_s, u"stone"_s, invalid, {}, u"stone"_s);
        row("variant track_inventory 1", "variant", u"track_inventory"_s, 1, invalid);
        row("variant position negative", "variant", u"position"_s, -1, invalid);
        row("variant option too long", "variant", u"option2"_s, QString(256, u'o'), invalid);

        // inventory
        row("level committed negative", "inventory_level", u"committed"_s, -1, invalid);
        row("level on_hand fraction", "inventory_level", u"on_hand"_s, 2.5, invalid);
        row("level threshold negative", "inventory_level", u"low_stock_threshold"_s, -1, invalid);
        row("level location_id not an id", "inventory_level", u"location_id"_s, u"LOS-1"_s, invalid, {}, u"LOS-1"_s);
        row("level variant_id missing", "inventory_level", u"variant_id"_s, kRemove, missing);
        row("ledger reason unknown", "ledger_entry", u"reason"_s, u"stolen"_s, invalid, {}, u"stolen"_s);
        row("ledger delta missing", "ledger_entry", u"delta"_s, kRemove, missing);
        row("ledger note control char", "ledger_entry", u"note"_s, u"a\u0000b"_s, invalid);

        // customers
        row("customer email no at", "customer", u"email"_s, u"ada.example.com"_s, invalid, {}, u"ada.example.com"_s);
        row("customer email no dot", "customer", u"email"_s, u"ada@example"_s, invalid);
        row("customer email two ats", "customer", u"email"_s, u"ada@obi@example.com"_s, invalid);
        row("customer email too long", "customer", u"email"_s, QString(250, u'a') + u"@b.co"_s, invalid);
        row("customer phone too long", "customer", u"phone"_s, QString(33, u'1'), invalid);
        row("customer note too long", "customer", u"note"_s, QString(5001, u'n'), invalid);
        row("customer consent unknown", "customer", u"email_marketing"_s, u"yes"_s, invalid, {}, u"yes"_s);
        row("customer consent time text", "customer", u"consent_updated_at"_s, u"today"_s, invalid);
        row("address country lower case", "customer", u"addresses[1].country_code"_s, u"ng"_s, invalid, {}, u"ng"_s);
        row("address country three letters", "customer", u"addresses[0].country_code"_s, u"NGA"_s, invalid);
        row("address id missing", "customer", u"addresses[0].id"_s, kRemove, missing);
        row("address of another customer", "customer", u"addresses[0].customer_id"_s, id(99), invalid, {}, id(99));
        row("address id repeated", "customer", u"addresses[1].id"_s, id(10), invalid);
        row("address is_default text", "customer", u"addresses[1].is_default"_s, u"no"_s, invalid);
        row("address not an object", "customer", u"addresses[0]"_s, 5, invalid);
        row("addresses not an array", "customer", u"addresses"_s, QJsonObject(), invalid);
        row("standalone address no customer", "customer_address", u"customer_id"_s, kRemove, missing);

        // orders
        row("order currency unknown", "order_detail", u"currency"_s, u"EURO"_s, invalid, {}, u"EURO"_s);
        row("order number zero", "order_detail", u"number"_s, 0, invalid);
        row("order financial status unknown", "order_detail", u"financial_status"_s, u"settled"_s, invalid, {}, u"settled"_s);
        row("order channel missing", "order_detail", u"channel"_s, kRemove, missing);
        row("order refunded beyond total", "order_detail", u"refunded_total"_s, 3375001, invalid, {}, u"3375001"_s);
        row("order total below refunds", "order_detail", u"total"_s, 1, invalid, u"refunded_total"_s);
        row("order email invalid", "order_detail", u"email"_s, u"ada@"_s, invalid);
        row("order paid_at as text", "order_detail", u"paid_at"_s, u"yesterday"_s, invalid, {}, u"yesterday"_s);
        row("order customer_id not an id", "order_detail", u"customer_id"_s, u"ada"_s, invalid);
        row("order billing country", "order_detail", u"billing_address.country_code"_s, u"Nigeria"_s, invalid);
        row("order shipping address a string", "order_detail", u"shipping_address"_s, u"3 Allen Avenue"_s, invalid);
        row("order billing name a number", "order_detail", u"billing_address.name"_s, 7, invalid);
        row("line quantity zero", "order_detail", u"lines[2].quantity"_s, 0, invalid, {}, u"0"_s);
        row("line quantity as text", "order_detail", u"lines[2].quantity"_s, u"3"_s, invalid, {}, u"3"_s);
        row("line unit price negative", "order_detail", u"lines[1].unit_price"_s, -5, invalid);
        row("line title missing", "order_detail", u"lines[0].title"_s, kRemove, missing);
        row("line of another order", "order_detail", u"lines[1].order_id"_s, id(99), invalid, {}, id(99));
        row("line id repeated", "order_detail", u"lines[1].id"_s, id(21), invalid);
        row("line variant_id not an id", "order_detail", u"lines[0].variant_id"_s, u"LS-BLUE-XL"_s, invalid);
        row("lines not an array", "order_detail", u"lines"_s, u"none"_s, invalid);
        row("fulfillment line quantity zero", "order_detail", u"fulfillments[0].lines[1].quantity"_s, 0, invalid);
        row("fulfillment line unknown", "order_detail", u"fulfillments[0].lines[0].order_line_id"_s, id(98), invalid, {}, id(98));
        row("fulfillment line twice", "order_detail", u"fulfillments[0].lines[1].order_line_id"_s, id(21), invalid);
        row("fulfillment created_at missing", "order_detail", u"fulfillments[0].created_at"_s, kRemove, missing);
        row("refund amount zero", "order_detail", u"refunds[0].amount"_s, 0, invalid);
        row("refund line amount negative", "order_detail", u"refunds[0].lines[0].amount"_s, -1, invalid);
        row("refund line unknown", "order_detail", u"refunds[0].lines[1].order_line_id"_s, id(97), invalid);
        row("refund restock text", "order_detail", u"refunds[0].restock"_s, u"yes"_s, invalid);
        row("event kind unknown", "order_detail", u"events[0].kind"_s, u"comment"_s, invalid, {}, u"comment"_s);
        row("event created_at missing", "order_detail", u"events[1].created_at"_s, kRemove, missing);
        row("event of another order", "order_detail", u"events[1].order_id"_s, id(99), invalid);
        row("standalone order status missing", "order", u"status"_s, kRemove, missing);
        row("standalone line no order", "order_line", u"order_id"_s, kRemove, missing);
        row("standalone fulfillment line qty", "fulfillment", u"lines[0].quantity"_s, -1, invalid);
        row("standalone refund line id", "refund", u"lines[0].order_line_id"_s, u"x"_s, invalid);
        row("standalone event message control", "order_event", u"message"_s, u"\u001B[31m"_s, invalid);
    }
    void rejectsInvalidDocuments()
    {
        QFETCH(QString, kind);
        QFETCH(QString, path);
        QFETCH(QJsonValue, value);
        QFETCH(QString, code);
        QFETCH(QString, errorPath);
        QFETCH(QString, mentions);

        const QJsonObject valid = validDocument(kind);
        QVERIFY(!valid.isEmpty());
        SK_VERIFY_OK(parseAs(kind, valid)); // the change alone makes it fail
        const QJsonObject changed = withValue(valid, path, value.isUndefined() ? std::nullopt : std::optional(value));
        QVERIFY(changed != valid);

        const Result<void> result = parseAs(kind, changed);
        QVERIFY2(!result.ok(), "the document was accepted");
        QCOMPARE(result.error().code, code);
        QCOMPARE(result.error().detail, errorPath);
        const QString &message = result.error().message;
        QVERIFY2(message.contains(u'\u201C' + errorPath + u'\u201D'), qPrintable(message));
        if (!mentions.isEmpty())
            QVERIFY2(message.contains(mentions), qPrintable(message));
    }

    // ---- JSON text ----------------------------------------------------------------------

    void parseObjectReportsMalformedText_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<int>("offset"); // Qt's: just past the character the parser stopped at
        QTest::newRow("missing value") << QByteArray(R"({"title": })") << 11;
        QTest::newRow("truncated") << QByteArray(R"({"title": "Cap")") << 15;
        QTest::newRow("trailing comma") << QByteArray(R"({"a": 1,})") << 9;
        QTest::newRow("empty") << QByteArray() << 0;
    }
    void parseObjectReportsMalformedText()
    {
        QFETCH(QByteArray, json);
        QFETCH(int, offset);
        const auto r = RecordJson::parseObject(json);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, u"validation.malformed_json"_s);
        QCOMPARE(r.error().detail, u"offset %1"_s.arg(offset));
        QVERIFY2(r.error().message.contains(QString::number(offset)), qPrintable(r.error().message));
    }

    void parseObjectWantsAnObject()
    {
        for (const QByteArray &json : {QByteArray("[1, 2]"), QByteArray("42"), QByteArray("\"x\"")}) {
            const auto r = RecordJson::parseObject(json);
            QVERIFY(!r.ok());
            QCOMPARE(r.error().code, u"validation.malformed_json"_s);
        }
        const auto ok = RecordJson::parseObject(R"({"a": [1, {"b": null}]})");
        SK_VERIFY_OK(ok);
        QCOMPARE(ok->value(u"a").toArray().size(), 2);
    }
};

QTEST_GUILESS_MAIN(tst_RecordJson)
#include "tst_recordjson.moc"
