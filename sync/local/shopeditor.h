#pragma once

#include "domain/enums.h"
#include "domain/records.h"
#include "local/outbox.h"
#include "util/clock.h"
#include "util/result.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <functional>

namespace sk {

class ShopStore;
class SqliteDatabase;

// Every local edit of the shop, as a merchant makes it. Each call is ONE SQLite transaction that
// changes the visible rows and appends the named mutation to the outbox (with its sync_base
// snapshot), so the edit shows at once, works with no network and survives a crash. It only
// refuses what the server would certainly refuse (validation, unknown SKU or record), naming
// the field; everything else is the server's decision when the mutation is pushed.
class ShopEditor
{
public:
    explicit ShopEditor(ShopStore &store, const Clock &clock = Clock::system());

    // Runs `edits` (calls of this editor) as ONE transaction: every mutation they make is
    // queued and shown, or, when one fails, none is (a bulk edit, an archive of a selection).
    Result<void> allOrNothing(const std::function<Result<void>()> &edits);

    // Any contract mutation: validate, then in one transaction Outbox::append + LocalMutations::apply.
    Result<OutboxEntry> submit(const QString &name, const QJsonObject &args);

    // inventory.adjust: a signed delta with a reason; never turned into a set.
    Result<OutboxEntry> adjustInventory(const QString &variantId, const QString &locationId, qint64 delta,
                                        InventoryReason reason, const QString &reference = {},
                                        const QString &note = {});
    // inventory.set: a stock count; change_from is the on_hand the user saw (visible, with
    // earlier pending edits, which the server applies first).
    Result<OutboxEntry> countInventory(const QString &variantId, const QString &locationId, qint64 quantity,
                                       const QString &note = {});
    // inventory.set with the on_hand the counter was shown (stock count mode shows it at the scan,
    // then waits for the count): if a sync moved stock meanwhile, the server reports the count as
    // stale instead of silently overwriting that movement.
    Result<OutboxEntry> countInventoryFrom(const QString &variantId, const QString &locationId, qint64 quantity,
                                           qint64 expectedOnHand, const QString &note = {});
    Result<OutboxEntry> transferInventory(const QString &variantId, const QString &fromLocationId,
                                          const QString &toLocationId, qint64 quantity,
                                          const QString &reference = {});
    // variant.patch of the price, based on the variant's current version.
    Result<OutboxEntry> setVariantPrice(const QString &variantId, qint64 price);
    Result<OutboxEntry> patchVariant(const QString &variantId, const QJsonObject &fields);
    Result<OutboxEntry> patchProduct(const QString &productId, const QJsonObject &fields);
    Result<OutboxEntry> createProduct(const Product &product, const QList<Variant> &variants);
    Result<OutboxEntry> archiveProduct(const QString &productId);
    Result<OutboxEntry> deleteProduct(const QString &productId);
    // variant.create: a new variant of an existing product (id and times filled in when unset).
    Result<OutboxEntry> createVariant(const Variant &variant);
    // variant.delete.
    Result<OutboxEntry> deleteVariant(const QString &variantId);
    Result<OutboxEntry> createCustomer(const Customer &customer);
    Result<OutboxEntry> patchCustomer(const QString &customerId, const QJsonObject &fields);
    Result<OutboxEntry> setOrderStatus(const QString &orderId, OrderStatus status, const QString &reason = {});
    Result<OutboxEntry> addOrderNote(const QString &orderId, const QString &message);
    // The order commands below are refused at once ("sync.unknown_record", or the state
    // machine's "order.*" code) when the order as shown here could not take them.
    // order.fulfil: ships `lines` (every open quantity when empty), with an optional tracking
    // number and carrier, from `locationId` (empty: the order's location).
    Result<OutboxEntry> fulfilOrder(const QString &orderId, const QList<FulfillmentLine> &lines,
                                    const QString &trackingNumber = {}, const QString &carrier = {},
                                    const QString &locationId = {});
    // order.refund: `amount` minor units of the order's currency, optionally by line (line
    // amounts add up to at most `amount`). With restock, shipped units come back to stock and
    // unshipped ones are released.
    Result<OutboxEntry> refundOrder(const QString &orderId, qint64 amount, const QList<RefundLine> &lines,
                                    bool restock, const QString &reason = {});
    // order.set_status to cancelled (releases the stock still reserved for it).
    Result<OutboxEntry> cancelOrder(const QString &orderId, const QString &reason = {});

    // Lookups the CLI needs ("sync.unknown_sku" / "sync.unknown_location" when absent).
    Result<QString> variantIdForSku(const QString &sku);
    // A location by id, code or name (case-insensitive).
    Result<QString> locationIdFor(const QString &idCodeOrName);

    // "Discard" on sign-out or shop switch: drops every mutation not yet acknowledged and reverts
    // its effect (rebase); then drops the acknowledged rows too (the server has them; their
    // effect stays visible) and starts a new client id with a fresh seq space, so the server
    // never sees a gap. Returns how many edits were discarded.
    Result<int> discardPending();

private:
    ShopStore &m_store;
    const Clock &m_clock;
    SqliteDatabase *m_batch = nullptr; // allOrNothing's open transaction
};

} // namespace sk
