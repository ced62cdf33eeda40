#pragma once

// Helpers for the tests of sync/local: a small shop as the server's change feed would send it
// (RecordJson documents in Change rows), server-shaped page JSON, and reads of the visible rows.
// No server runs: the pages are built by hand, exactly as GET /sync/changes shapes them.

#include "domain/recordjson.h"
#include "local/changeapplier.h"
#include "local/entitydocuments.h"
#include "local/outbox.h"
#include "local/rebaser.h"
#include "local/syncissues.h"
#include "storage/shopstore.h"
#include "storage/sqlitedatabase.h"
#include "testsupport.h"
#include "util/uuidv7.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <optional>

namespace sk::test {

constexpr qint64 kNow = 1'763'700'000'000; // 2025-11-21, a fixed "now" for every edit

inline QString uuid()
{
    return UuidV7::toText(UuidV7::create());
}

inline EntityRef levelRef(const QString &variantId, const QString &locationId)
{
    return EntityRef{QStringLiteral("inventory_level"), variantId + QLatin1Char(':') + locationId};
}

inline Change upsertOf(const QString &type, const QString &id, const QJsonObject &data)
{
    Change c;
    c.entity = EntityRef{type, id};
    c.version = data.value(QLatin1StringView("version")).toInteger();
    c.data = data;
    return c;
}

inline Change tombstoneOf(const QString &type, const QString &id, qint64 version)
{
    Change c;
    c.entity = EntityRef{type, id};
    c.version = version;
    c.isDelete = true;
    return c;
}

inline Change changeOf(const ShopSettings &s)
{
    return upsertOf(QStringLiteral("shop_settings"), s.shopId, RecordJson::toJson(s));
}
inline Change changeOf(const Location &l)
{
    return upsertOf(QStringLiteral("location"), l.id, RecordJson::toJson(l));
}
inline Change changeOf(const Product &p)
{
    return upsertOf(QStringLiteral("product"), p.id, RecordJson::toJson(p));
}
inline Change changeOf(const Variant &v)
{
    return upsertOf(QStringLiteral("variant"), v.id, RecordJson::toJson(v));
}
inline Change changeOf(const InventoryLevel &l)
{
    return upsertOf(QStringLiteral("inventory_level"), l.variantId + QLatin1Char(':') + l.locationId,
                    RecordJson::toJson(l));
}
inline Change changeOf(const LedgerEntry &e)
{
    return upsertOf(QStringLiteral("ledger_entry"), e.id, RecordJson::toJson(e));
}
inline Change changeOf(const Customer &c)
{
    return upsertOf(QStringLiteral("customer"), c.id, RecordJson::toJson(c));
}
inline Change changeOf(const OrderDetail &o)
{
    return upsertOf(QStringLiteral("order"), o.order.id, RecordJson::toJson(o));
}

inline ChangesPage pageOf(const QList<Change> &changes, qint64 lastAppliedSeq = 0, const QString &cursor = {})
{
    static int counter = 0;
    ChangesPage page;
    page.changes = changes;
    page.nextCursor = cursor.isEmpty() ? QStringLiteral("c%1").arg(++counter) : cursor;
    page.lastAppliedSeq = lastAppliedSeq;
    page.serverTime = kNow;
    return page;
}

// The page as the server's JSON body (server/api/syncapi.cpp shapes it the same way).
inline QJsonObject changeJson(const Change &c)
{
    QJsonObject o{{QStringLiteral("type"), c.entity.type},
                  {QStringLiteral("id"), c.entity.id},
                  {QStringLiteral("version"), c.version},
                  {QStringLiteral("op"), c.isDelete ? QStringLiteral("delete") : QStringLiteral("upsert")}};
    if (!c.isDelete)
        o.insert(QStringLiteral("data"), c.data);
    return o;
}

inline QByteArray pageJson(const ChangesPage &page)
{
    QJsonArray changes;
    for (const Change &c : page.changes)
        changes.append(changeJson(c));
    return QJsonDocument(QJsonObject{{QStringLiteral("changes"), changes},
                                     {QStringLiteral("next_cursor"), page.nextCursor},
                                     {QStringLiteral("has_more"), page.hasMore},
                                     {QStringLiteral("last_applied_seq"), page.lastAppliedSeq},
                                     {QStringLiteral("server_time"), page.serverTime}})
        .toJson(QJsonDocument::Compact);
}

inline Result<PageStats> applyPage(ShopStore &store, const ChangesPage &page, qint64 now = kNow)
{
    return store.write([&](SqliteDatabase &db) { return ChangeApplier::applyPage(db, page, now); });
}

// A shop with two locations and one product in two colours, stocked at both locations.
struct MiniShop
{
    ShopSettings settings;
    Location main;
    Location backroom;
    Product product;
    Variant red;
    Variant blue;
    InventoryLevel redMain;
    InventoryLevel redBack;
    InventoryLevel blueMain;

    static MiniShop make()
    {
        MiniShop s;
        s.settings.shopId = uuid();
        s.settings.name = QStringLiteral("Mini Outfitters");
        s.settings.currency = QStringLiteral("EUR");
        s.settings.timeZone = QStringLiteral("Europe/Paris");
        s.settings.locale = QStringLiteral("fr-FR");
        s.settings.version = 1;
        s.settings.updatedAt = kNow - 1000;

        const auto location = [](const QString &name, const QString &code) {
            Location l;
            l.id = uuid();
            l.name = name;
            l.code = code;
            l.version = 1;
            l.updatedAt = kNow - 1000;
            return l;
        };
        s.main = location(QStringLiteral("Main Street"), QStringLiteral("MAIN"));
        s.backroom = location(QStringLiteral("Back Room"), QStringLiteral("BACK"));

        s.product.id = uuid();
        s.product.title = QStringLiteral("Harbour Rain Jacket");
        s.product.handle = QStringLiteral("harbour-rain-jacket");
        s.product.vendor = QStringLiteral("Northwind");
        s.product.status = ProductStatus::Active;
        s.product.createdAt = kNow - 5000;
        s.product.version = 1;
        s.product.updatedAt = kNow - 5000;

        const auto variant = [&](const QString &sku, const QString &colour, int position) {
            Variant v;
            v.id = uuid();
            v.productId = s.product.id;
            v.position = position;
            v.sku = sku;
            v.option1 = colour;
            v.price = 8900;
            v.createdAt = kNow - 5000;
            v.version = 1;
            v.updatedAt = kNow - 5000;
            return v;
        };
        s.red = variant(QStringLiteral("HRJ-RED"), QStringLiteral("Red"), 1);
        s.blue = variant(QStringLiteral("HRJ-BLUE"), QStringLiteral("Blue"), 2);

        const auto level = [](const Variant &v, const Location &l, qint64 onHand) {
            InventoryLevel made;
            made.variantId = v.id;
            made.locationId = l.id;
            made.onHand = onHand;
            made.version = 1;
            made.updatedAt = kNow - 1000;
            return made;
        };
        s.redMain = level(s.red, s.main, 10);
        s.redBack = level(s.red, s.backroom, 4);
        s.blueMain = level(s.blue, s.main, 6);
        return s;
    }

    QList<Change> changes() const
    {
        return {changeOf(settings), changeOf(main),    changeOf(backroom), changeOf(product), changeOf(red),
                changeOf(blue),     changeOf(redMain), changeOf(redBack),  changeOf(blueMain)};
    }
};

// An order of `quantity` x the variant, placed at the location, as the server documents it.
inline OrderDetail orderOf(const Variant &variant, const Location &location, qint64 quantity, qint64 number,
                           const QString &customerId = {}, const QString &customerName = {})
{
    OrderDetail d;
    Order &o = d.order;
    o.id = uuid();
    o.number = number;
    o.customerId = customerId;
    o.customerName = customerName;
    o.email = customerId.isEmpty() ? QString() : QStringLiteral("ada@example.com");
    o.channel = OrderChannel::Web;
    o.currency = QStringLiteral("EUR");
    o.subtotal = variant.price * quantity;
    o.total = o.subtotal;
    o.status = OrderStatus::Processing;
    o.financialStatus = FinancialStatus::Paid;
    o.fulfillmentStatus = FulfillmentStatus::Unfulfilled;
    o.gateway = QStringLiteral("stripe");
    o.locationId = location.id;
    o.placedAt = kNow - 3000;
    o.paidAt = kNow - 3000;
    o.version = 1;
    o.updatedAt = kNow - 3000;
    OrderLine line;
    line.id = uuid();
    line.orderId = o.id;
    line.variantId = variant.id;
    line.sku = variant.sku;
    line.title = QStringLiteral("Harbour Rain Jacket");
    line.variantTitle = variant.option1;
    line.quantity = quantity;
    line.unitPrice = variant.price;
    line.total = variant.price * quantity;
    d.lines.append(line);
    OrderEvent event;
    event.id = uuid();
    event.orderId = o.id;
    event.kind = OrderEventKind::Paid;
    event.message = QStringLiteral("Paid by card");
    event.createdAt = kNow - 3000;
    event.version = 1;
    event.updatedAt = kNow - 3000;
    d.events.append(event);
    return d;
}

// What the sync engine does with a push result "rejected" or "conflict": the row leaves the
// outbox, its effect is reverted by a rebase, and it becomes a sync issue.
inline Result<SyncIssue> refuse(ShopStore &store, qint64 seq, const QString &status, const QString &code,
                                const QString &message, const QJsonObject &details = {})
{
    return store.write([&](SqliteDatabase &db) -> Result<SyncIssue> {
        auto entry = Outbox::entry(db, seq);
        if (!entry.ok())
            return entry.error();
        if (!*entry)
            return makeError(QStringLiteral("test.no_entry"), QStringLiteral("no outbox row %1").arg(seq));
        auto touched = Outbox::remove(db, seq);
        if (!touched.ok())
            return touched.error();
        auto rebased = Rebaser::rebase(db, *touched, kNow);
        if (!rebased.ok())
            return rebased.error();
        return SyncIssues::record(db, **entry, status, code, message, details, kNow);
    });
}

// Reads of the visible shop through a reader connection, as the UI would see it.
inline std::optional<QJsonObject> visibleDoc(ShopStore &store, const EntityRef &ref)
{
    auto reader = store.openReader();
    if (!reader.ok())
        return std::nullopt;
    auto doc = EntityDocuments::read(**reader, ref);
    return doc.ok() ? *doc : std::nullopt;
}

// The visible on_hand, or -1 when the level is not there.
inline qint64 onHand(ShopStore &store, const QString &variantId, const QString &locationId)
{
    const auto doc = visibleDoc(store, levelRef(variantId, locationId));
    return doc ? doc->value(QLatin1StringView("on_hand")).toInteger() : -1;
}

inline qint64 queryInt(ShopStore &store, const QByteArray &sql)
{
    auto reader = store.openReader();
    if (!reader.ok())
        return -1;
    return (*reader)->queryInt64(sql).valueOr(-1);
}

inline Outbox::State outboxState(ShopStore &store)
{
    auto reader = store.openReader();
    if (!reader.ok())
        return {};
    return Outbox::state(**reader).valueOr(Outbox::State{});
}

inline std::optional<Outbox::Base> baseOf(ShopStore &store, const EntityRef &ref)
{
    auto reader = store.openReader();
    if (!reader.ok())
        return std::nullopt;
    return Outbox::base(**reader, ref).valueOr(std::nullopt);
}

// Every record of a shop file as the change feed would send it (a snapshot), in pages.
// childrenFirst sends variants and levels before products and locations, as a feed ordered by
// each record's last change does when parents were edited after their children were made.
inline Result<QList<ChangesPage>> snapshotPages(ShopStore &source, int pageSize, bool childrenFirst)
{
    auto reader = source.openReader();
    if (!reader.ok())
        return reader.error();
    SqliteDatabase &db = **reader;
    struct Kind
    {
        const char *type;
        const char *sql;
    };
    QList<Kind> kinds = {
        {"shop_settings", "SELECT shop_id FROM shop_settings"},
        {"location", "SELECT id FROM locations ORDER BY rid"},
        {"product", "SELECT id FROM products ORDER BY rid"},
        {"variant", "SELECT id FROM variants ORDER BY rid"},
        {"inventory_level", "SELECT variant_id || ':' || location_id FROM inventory_levels ORDER BY rid"},
        {"customer", "SELECT id FROM customers ORDER BY rid"},
        {"order", "SELECT id FROM orders ORDER BY rid"},
        {"ledger_entry", "SELECT id FROM inventory_ledger ORDER BY rid"},
    };
    if (childrenFirst)
        std::reverse(kinds.begin(), kinds.end());
    QList<Change> all;
    for (const Kind &kind : std::as_const(kinds)) {
        auto ids = db.prepare(kind.sql);
        if (!ids.ok())
            return ids.error();
        QStringList list;
        while (ids->step().valueOr(false))
            list.append(ids->text(0));
        for (const QString &id : std::as_const(list)) {
            const EntityRef ref{QString::fromLatin1(kind.type), id};
            auto doc = EntityDocuments::read(db, ref);
            if (!doc.ok())
                return doc.error();
            if (!*doc)
                return makeError(QStringLiteral("test.missing"), QStringLiteral("no document for %1 %2").arg(ref.type, id));
            QJsonObject data = **doc;
            const qint64 version = qMax<qint64>(1, data.value(QLatin1StringView("version")).toInteger());
            data.insert(QStringLiteral("version"), version);
            all.append(upsertOf(ref.type, id, data));
        }
    }
    QList<ChangesPage> pages;
    for (qsizetype i = 0; i < all.size(); i += pageSize) {
        ChangesPage page = pageOf(all.mid(i, pageSize), 0, QStringLiteral("snap-%1").arg(i + pageSize));
        page.hasMore = i + pageSize < all.size();
        pages.append(page);
    }
    return pages;
}

} // namespace sk::test
