#pragma once

#include "domain/enums.h"
#include "domain/records.h"
#include "util/result.h"

namespace sk {

// The rules every stock movement obeys, as pure functions over an InventoryLevel: what is
// available, whether a sale may go ahead under the shop's oversell policy, which sign each
// ledger reason may carry, how a stock count turns into a delta (and when it is stale), and
// how committed stock is reserved and released. Storage applies the returned levels inside
// its write transaction; nothing here touches the database or the clock.
class InventoryRules
{
public:
    enum class SaleCheck {
        InStock,  // enough available stock
        Oversold, // allowed by OversellPolicy::Allow, but available drops below zero: flag it
    };
    enum class DeltaSign { Positive, Negative, NonZero };

    // on_hand − committed.
    static qint64 available(const InventoryLevel &level) { return level.available(); }

    // Whether `quantity` (> 0) may be sold from `level`. Under OversellPolicy::Reject a sale
    // larger than the available stock fails with "inventory.oversell".
    static Result<SaleCheck> checkSale(const InventoryLevel &level, qint64 quantity, OversellPolicy policy);

    // The sign a ledger delta must have for a reason: received/returned/transfer_in add stock,
    // sold/damaged/shrinkage/transfer_out remove it, correction/cycle_count/import go either way.
    static DeltaSign requiredSign(InventoryReason reason);

    // The level after moving `delta` units for `reason`. Errors: "inventory.invalid_delta"
    // (zero, or the wrong sign for the reason), "inventory.overflow". On-hand may go negative:
    // refusing oversells is checkSale()'s job, not the ledger's.
    static Result<InventoryLevel> applyDelta(const InventoryLevel &level, qint64 delta, InventoryReason reason);

    // A stock count: the delta to record so that on-hand becomes `countedQuantity` (0 when the
    // count confirms the level; record nothing then). When someone moved stock since the counter
    // read `expectedPrevious`, fails with "inventory_stale" and the current on-hand in detail.
    static Result<qint64> applyCount(const InventoryLevel &level, qint64 countedQuantity, qint64 expectedPrevious);

    // Reserve `quantity` (> 0) units for an open order.
    static Result<InventoryLevel> commit(const InventoryLevel &level, qint64 quantity);
    // Give back `quantity` (> 0) reserved units. Committed never drops below zero: releasing
    // more than is committed (after a recount reset it, say) releases what is there, so
    // cancelling an order never fails on a drifted counter.
    static Result<InventoryLevel> release(const InventoryLevel &level, qint64 quantity);

    // A threshold is set and available stock is at or below it.
    static bool isLowStock(const InventoryLevel &level);
};

} // namespace sk
