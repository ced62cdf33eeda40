#pragma once

#include "domain/records.h"
#include "util/result.h"

namespace sk {

// Where DemoGenerator puts the shop it makes. The generator knows nothing about storage:
// the app writes the records into its SQLite file (StoreDemoSink), the reference server into
// its own database, tests into a hash. Both ends of a sync therefore hold the same world.
//
// Calls arrive in this order, so every reference points at a record already delivered:
//   begin, shopSettings, location*, (product, variant*)*,
//   (customer | order)*   -- in time order; a customer arrives before their first order
//   inventoryLevel*, ledgerEntry* (in created_at order), finish.
// An error returned from any call stops the generator, which then calls abort() instead of
// finish(). Records are passed by reference and are not kept by the generator afterwards.
class DemoSink
{
public:
    virtual ~DemoSink() = default;

    virtual Result<void> begin() { return {}; }
    virtual Result<void> shopSettings(const ShopSettings &settings) = 0;
    virtual Result<void> location(const Location &location) = 0;
    virtual Result<void> product(const Product &product) = 0;
    virtual Result<void> variant(const Variant &variant) = 0;
    // With its addresses.
    virtual Result<void> customer(const Customer &customer) = 0;
    // The order with its lines, fulfillments (with lines), refunds (with lines) and events.
    virtual Result<void> order(const OrderDetail &order) = 0;
    virtual Result<void> inventoryLevel(const InventoryLevel &level) = 0;
    virtual Result<void> ledgerEntry(const LedgerEntry &entry) = 0;
    virtual Result<void> finish() { return {}; }
    // Generation failed or was cancelled after begin(): undo or tidy up what you can.
    virtual void abort() {}
};

} // namespace sk
