#pragma once

// A small, fully known shop written through the core repositories, for the tests of the local
// half of sync (EntityDocuments, LocalMutations, Outbox). Every kind of record is there: shop
// settings, two locations, a product with two variants, stock levels, a ledger entry, a
// customer with addresses and a paid, partly fulfilled and partly refunded order.

#include "domain/records.h"
#include "local/entityref.h"
#include "storage/customerrepository.h"
#include "storage/inventoryrepository.h"
#include "storage/orderrepository.h"
#include "storage/productrepository.h"
#include "storage/shoprepository.h"
#include "storage/shopstore.h"
#include "util/uuidv7.h"

#include <QList>
#include <QString>

namespace sk::test {

inline QString newId()
{
    return UuidV7::toText(UuidV7::create());
}

struct LocalSeed
{
    static constexpr qint64 kT0 = 1'760'000'000'000; // a fixed past time

    QString shopId = QStringLiteral("shop-test");
    QString location1 = newId();
    QString location2 = newId();
    QString product = newId();
    QString variant1 = newId();
    QString variant2 = newId();
    QString ledgerEntry = newId();
    QString customer = newId();
    QString address1 = newId();
    QString address2 = newId();
    QString order = newId();
    QString line1 = newId();
    QString line2 = newId();
    QString fulfillment = newId();
    QString refund = newId();
    QString event = newId();

    EntityRef settingsRef() const { return {QStringLiteral("shop_settings"), shopId}; }
    EntityRef location1Ref() const { return {QStringLiteral("location"), location1}; }
    EntityRef location2Ref() const { return {QStringLiteral("location"), location2}; }
    EntityRef productRef() const { return {QStringLiteral("product"), product}; }
    EntityRef variant1Ref() const { return {QStringLiteral("variant"), variant1}; }
    EntityRef variant2Ref() const { return {QStringLiteral("variant"), variant2}; }
    static EntityRef levelRef(const QString &variant, const QString &location)
    {
        return {QStringLiteral("inventory_level"), variant + QLatin1Char(':') + location};
    }
    EntityRef ledgerRef() const { return {QStringLiteral("ledger_entry"), ledgerEntry}; }
    EntityRef customerRef() const { return {QStringLiteral("customer"), customer}; }
    EntityRef orderRef() const { return {QStringLiteral("order"), order}; }

    // Every seeded entity, parents first.
    QList<EntityRef> all() const
    {
        return {settingsRef(),
                location1Ref(),
                location2Ref(),
                productRef(),
                variant1Ref(),
                variant2Ref(),
                levelRef(variant1, location1),
                levelRef(variant1, location2),
                levelRef(variant2, location1),
                ledgerRef(),
                customerRef(),
                orderRef()};
    }

    Result<void> writeInto(SqliteDatabase &db) const
    {
        ShopRepository shop(db);
        ShopSettings settings;
        settings.shopId = shopId;
        settings.name = QStringLiteral("Seed Shop");
        settings.currency = QStringLiteral("EUR");
        settings.timeZone = QStringLiteral("Europe/Paris");
        settings.locale = QStringLiteral("fr-FR");
        settings.oversellPolicy = OversellPolicy::Allow;
        settings.version = 3;
        settings.updatedAt = kT0;
        SK_TRY(shop.saveSettings(settings));
        Location l1{location1, QStringLiteral("Warehouse"), QStringLiteral("WH"), QStringLiteral("1 Dock Road\nLyon"),
                    true, 2, kT0};
        Location l2{location2, QStringLiteral("Shop floor"), QString(), QString(), true, 1, kT0};
        SK_TRY(shop.upsertLocation(l1));
        SK_TRY(shop.upsertLocation(l2));

        ProductRepository products(db);
        Product p;
        p.id = product;
        p.title = QStringLiteral("Linen Shirt");
        p.handle = QStringLiteral("linen-shirt");
        p.description = QStringLiteral("Soft.\nWashed.");
        p.vendor = QStringLiteral("Atelier");
        p.category = QStringLiteral("Shirts");
        p.tags = QStringLiteral("linen, summer");
        p.status = ProductStatus::Active;
        p.createdAt = kT0 - 1000;
        p.version = 4;
        p.updatedAt = kT0;
        SK_TRY(products.upsertProduct(p));
        Variant v1;
        v1.id = variant1;
        v1.productId = product;
        v1.position = 1;
        v1.sku = QStringLiteral("LS-S");
        v1.barcode = QStringLiteral("4006381333931");
        v1.option1 = QStringLiteral("S");
        v1.price = 4900;
        v1.compareAtPrice = 5900;
        v1.cost = 2000;
        v1.weight = 250.5;
        v1.createdAt = kT0 - 1000;
        v1.version = 2;
        v1.updatedAt = kT0;
        SK_TRY(products.upsertVariant(v1));
        Variant v2 = v1;
        v2.id = variant2;
        v2.position = 2;
        v2.sku = QStringLiteral("LS-M");
        v2.barcode = QString();
        v2.option1 = QStringLiteral("M");
        v2.compareAtPrice.reset();
        v2.weight.reset();
        v2.trackInventory = false;
        v2.version = 1;
        SK_TRY(products.upsertVariant(v2));

        InventoryRepository inventory(db);
        InventoryLevel a{variant1, location1, 10, 2, 3, 7, kT0};
        InventoryLevel b{variant1, location2, 5, 0, std::nullopt, 1, kT0};
        InventoryLevel c{variant2, location1, 3, 1, std::nullopt, 2, kT0};
        SK_TRY(inventory.upsertLevel(a));
        SK_TRY(inventory.upsertLevel(b));
        SK_TRY(inventory.upsertLevel(c));
        LedgerEntry e;
        e.id = ledgerEntry;
        e.variantId = variant1;
        e.locationId = location1;
        e.delta = 10;
        e.quantityAfter = 10;
        e.reason = InventoryReason::Received;
        e.reference = QStringLiteral("PO-1");
        e.userId = QStringLiteral("user-1");
        e.userName = QStringLiteral("Ana");
        e.createdAt = kT0 - 500;
        e.version = 1;
        e.updatedAt = kT0 - 500;
        SK_TRY(inventory.appendLedger(e));

        Customer cu;
        cu.id = customer;
        cu.firstName = QStringLiteral("Zoé");
        cu.lastName = QStringLiteral("Martin");
        cu.email = QStringLiteral("zoe@example.com");
        cu.phone = QStringLiteral("+33 6 00 00 00 00");
        cu.note = QStringLiteral("VIP");
        cu.tags = QStringLiteral("vip");
        cu.emailMarketing = MarketingConsent::Subscribed;
        cu.consentUpdatedAt = kT0 - 100;
        cu.createdAt = kT0 - 2000;
        cu.version = 5;
        cu.updatedAt = kT0;
        CustomerAddress home{address1, customer, true, QStringLiteral("Zoé Martin"), QString(),
                             QStringLiteral("2 rue Neuve"), QString(), QStringLiteral("Lyon"), QString(),
                             QStringLiteral("69001"), QStringLiteral("FR"), QString()};
        CustomerAddress work{address2, customer, false, QStringLiteral("Zoé Martin"), QStringLiteral("ACME"),
                             QStringLiteral("9 quai Sud"), QStringLiteral("3e"), QStringLiteral("Lyon"), QString(),
                             QStringLiteral("69002"), QStringLiteral("FR"), QStringLiteral("+33 4")};
        cu.addresses = {home, work};
        SK_TRY(CustomerRepository(db).upsertCustomer(cu));

        OrderRepository orders(db);
        Order o;
        o.id = order;
        o.number = 1001;
        o.customerId = customer;
        o.customerName = QStringLiteral("Zoé Martin");
        o.email = QStringLiteral("zoe@example.com");
        o.channel = OrderChannel::Web;
        o.currency = QStringLiteral("EUR");
        o.subtotal = 3 * 4900;
        o.shippingTotal = 500;
        o.taxTotal = 0;
        o.total = 3 * 4900 + 500;
        o.refundedTotal = 1000;
        o.status = OrderStatus::Processing;
        o.financialStatus = FinancialStatus::PartiallyRefunded;
        o.fulfillmentStatus = FulfillmentStatus::Partial;
        o.gateway = QStringLiteral("stripe");
        o.locationId = location1;
        o.placedAt = kT0 - 3000;
        o.paidAt = kT0 - 2900;
        o.billingAddressJson = QStringLiteral(R"({"city":"Lyon","country_code":"FR","name":"Zoé Martin"})");
        o.shippingAddressJson = QStringLiteral(R"({"city":"Lyon","country_code":"FR","line1":"2 rue Neuve"})");
        o.note = QStringLiteral("Gift wrap");
        o.tags = QStringLiteral("gift");
        o.version = 6;
        o.updatedAt = kT0;
        SK_TRY(orders.upsertOrder(o));
        OrderLine ol1{line1, order, variant1, QStringLiteral("LS-S"), QStringLiteral("Linen Shirt"), QStringLiteral("S"),
                      2, 4900, 0, 0, 9800};
        OrderLine ol2{line2, order, variant2, QStringLiteral("LS-M"), QStringLiteral("Linen Shirt"), QStringLiteral("M"),
                      1, 4900, 0, 0, 4900};
        SK_TRY(orders.upsertLine(ol1));
        SK_TRY(orders.upsertLine(ol2));
        Fulfillment f;
        f.id = fulfillment;
        f.orderId = order;
        f.locationId = location1;
        f.trackingNumber = QStringLiteral("TRK1");
        f.carrier = QStringLiteral("La Poste");
        f.createdAt = kT0 - 2000;
        f.version = 1;
        f.updatedAt = kT0 - 2000;
        f.lines = {{line1, 1}};
        SK_TRY(orders.upsertFulfillment(f));
        Refund r;
        r.id = refund;
        r.orderId = order;
        r.amount = 1000;
        r.reason = QStringLiteral("Late");
        r.restock = false;
        r.createdAt = kT0 - 1500;
        r.version = 1;
        r.updatedAt = kT0 - 1500;
        r.lines = {{line2, 1, 1000}};
        SK_TRY(orders.upsertRefund(r));
        OrderEvent ev;
        ev.id = event;
        ev.orderId = order;
        ev.kind = OrderEventKind::Note;
        ev.message = QStringLiteral("Called the customer");
        ev.author = QStringLiteral("Ana");
        ev.createdAt = kT0 - 1000;
        ev.version = 1;
        ev.updatedAt = kT0 - 1000;
        SK_TRY(orders.upsertEvent(ev));
        return {};
    }

    Result<void> writeInto(ShopStore &store) const
    {
        return store.write([&](SqliteDatabase &db) { return writeInto(db); });
    }
};

} // namespace sk::test
