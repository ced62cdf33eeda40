#pragma once

#include "demo/demogenerator.h"
#include "demo/demosink.h"
#include "storage/shopstore.h"
#include "util/result.h"

#include <QByteArrayList>

#include <functional>
#include <memory>
#include <optional>

namespace sk {

class CustomerRepository;
class InventoryRepository;
class OrderRepository;
class ProductRepository;
class ShopRepository;

// Writes a generated demo shop into a ShopStore through the repositories, in large
// transactions while holding the store's writer lock from begin() to finish()/abort().
//
// Into an empty file it loads in bulk: it drops the secondary indexes and the triggers that
// feed the full-text indexes (taking their SQL from sqlite_master), turns off foreign-key
// checks and fsync for the load, and at finish() recreates both, refills the FTS tables and
// restores the connection's settings. The dropped SQL is also parked in store_meta, so a
// crash mid-load is repaired by the next begin() on that file. Into a file that already
// has data it writes row by row with every index and trigger in place.
class StoreDemoSink final : public DemoSink
{
public:
    enum class Mode {
        Auto,        // bulk when the file is empty
        Incremental, // never drop anything (tests compare the two)
    };

    explicit StoreDemoSink(ShopStore &store, Mode mode = Mode::Auto);
    ~StoreDemoSink() override;

    static constexpr qint64 RowsPerTransaction = 50'000;

    // True between begin() and finish() when loading in bulk.
    bool isBulkLoad() const { return m_bulk; }

    Result<void> begin() override;
    Result<void> shopSettings(const ShopSettings &settings) override;
    Result<void> location(const Location &location) override;
    Result<void> product(const Product &product) override;
    Result<void> variant(const Variant &variant) override;
    Result<void> customer(const Customer &customer) override;
    Result<void> order(const OrderDetail &order) override;
    Result<void> inventoryLevel(const InventoryLevel &level) override;
    Result<void> ledgerEntry(const LedgerEntry &entry) override;
    Result<void> finish() override;
    void abort() override;

private:
    Result<void> wrote(qint64 rows);
    Result<void> beginTransaction();
    Result<void> repairInterruptedLoad();
    Result<bool> fileIsEmpty();
    Result<void> dropForBulkLoad();
    Result<void> restoreAfterBulkLoad();
    Result<void> restorePragmas();
    void release();

    ShopStore &m_store;
    Mode m_mode;
    std::optional<ShopStore::WriterLock> m_lock;
    SqliteDatabase *m_db = nullptr;
    std::optional<SqliteTransaction> m_tx;
    std::unique_ptr<ShopRepository> m_shops;
    std::unique_ptr<ProductRepository> m_products;
    std::unique_ptr<CustomerRepository> m_customers;
    std::unique_ptr<OrderRepository> m_orders;
    std::unique_ptr<InventoryRepository> m_inventory;
    QByteArrayList m_dropped; // CREATE INDEX / CREATE TRIGGER statements to replay
    qint64 m_rowsInTransaction = 0;
    qint64 m_previousCacheSize = 0;
    bool m_bulk = false;
    bool m_pragmasChanged = false;
};

// The usual way to fill a shop file with a demo: DemoGenerator into a StoreDemoSink. An
// empty options.shopId takes the store's own shop id.
Result<DemoStats> generateDemoInto(ShopStore &store, DemoOptions options,
                                   const std::function<bool(int percent)> &progress = {});

} // namespace sk
