#pragma once

#include "common/shopformat.h"
#include "domain/records.h"
#include "util/result.h"

#include <QList>
#include <QObject>
#include <QStringList>

class QUndoStack;

namespace sk {

class ShopStore;

// A bulk edit of selected products, held in memory until apply(): set the status, add or
// remove tags, change every variant's price by an amount or a percentage. Each change is a
// QUndoCommand on undoStack(), so undo and redo work until apply() queues the result through
// ShopEditor: one product.patch per product whose status or tags changed and one variant.patch
// per variant whose price changed. Nothing touches the store before apply(); dropping the
// object drops the edit.
//
// Prices: an amount is added to each price; a percentage changes each price by
// basisPoints / 100 % rounded half away from zero to the currency's minor unit
// (Money::applyPercent: +10 % of 19.99 is 21.99, from 21.989). A result below zero becomes 0.
// Only `price` changes; compare-at prices and costs stay.
class ProductBulkEdit : public QObject
{
    Q_OBJECT

public:
    struct Item
    {
        Product product;
        QList<Variant> variants;
    };

    explicit ProductBulkEdit(ShopStore &store, QObject *parent = nullptr);
    ~ProductBulkEdit() override;

    // Reads the products (in the given order; ids no longer in the store are skipped) and
    // starts an empty undo stack.
    Result<void> load(const QStringList &productIds);

    const ShopFormat &format() const { return m_format; }
    // As loaded, and with the commands on the stack up to its index.
    const QList<Item> &before() const { return m_before; }
    const QList<Item> &after() const { return m_after; }
    QUndoStack *undoStack() const { return m_stack; }

    // Each pushes one command (nothing when it would change nothing).
    void setStatus(ProductStatus status);
    void addTags(const QString &tags);    // comma-separated
    void removeTags(const QString &tags); // comma-separated
    Result<void> changePriceBy(qint64 minorUnits);
    Result<void> changePriceByPercent(qint64 basisPoints);

    // How many mutations apply() would queue now.
    int pendingEditCount() const;
    bool isApplied() const { return m_applied; }
    // Queues every change in one transaction and clears the undo stack. A refused edit queues
    // none of them and says which product it was. Returns the number queued.
    Result<int> apply();

signals:
    // after() changed: a command was pushed, undone or redone, or load() ran.
    void changed();

private:
    void push(const QString &text, const QList<Item> &next);
    void setAfter(const QList<Item> &items);
    void editTags(const QStringList &tags, bool add);
    template <typename PriceFn>
    Result<void> changePrices(const QString &text, PriceFn newPrice);

    ShopStore &m_store;
    ShopFormat m_format;
    QList<Item> m_before;
    QList<Item> m_after;
    QUndoStack *m_stack = nullptr;
    bool m_applied = false;
};

} // namespace sk
