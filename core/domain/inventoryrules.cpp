#include "inventoryrules.h"

#include <QCoreApplication>
#include <QtNumeric>

namespace sk {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("sk::InventoryRules", text);
}

Error invalidQuantity(qint64 quantity)
{
    return makeError(QStringLiteral("inventory.invalid_quantity"),
                     QCoreApplication::translate("sk::InventoryRules", "The quantity must be more than zero, not %1.").arg(quantity));
}

Error overflow()
{
    return makeError(QStringLiteral("inventory.overflow"), QCoreApplication::translate("sk::InventoryRules", "The stock quantity is too large to store."));
}

} // namespace

Result<InventoryRules::SaleCheck> InventoryRules::checkSale(const InventoryLevel &level, qint64 quantity,
                                                            OversellPolicy policy)
{
    if (quantity <= 0)
        return invalidQuantity(quantity);
    const qint64 available = level.available();
    if (quantity <= available)
        return SaleCheck::InStock;
    if (policy == OversellPolicy::Reject) {
        return makeError(QStringLiteral("inventory.oversell"),
                         tr("Cannot sell %1: only %2 available.").arg(quantity).arg(available));
    }
    return SaleCheck::Oversold;
}

InventoryRules::DeltaSign InventoryRules::requiredSign(InventoryReason reason)
{
    switch (reason) {
    case InventoryReason::Received:
    case InventoryReason::Returned:
    case InventoryReason::TransferIn:
        return DeltaSign::Positive;
    case InventoryReason::Sold:
    case InventoryReason::Damaged:
    case InventoryReason::Shrinkage:
    case InventoryReason::TransferOut:
        return DeltaSign::Negative;
    case InventoryReason::CycleCount:
    case InventoryReason::Correction:
    case InventoryReason::Import:
        break;
    }
    return DeltaSign::NonZero;
}

Result<InventoryLevel> InventoryRules::applyDelta(const InventoryLevel &level, qint64 delta, InventoryReason reason)
{
    const DeltaSign sign = requiredSign(reason);
    if (delta == 0) {
        return makeError(QStringLiteral("inventory.invalid_delta"),
                         tr("A stock adjustment (%1) must change the quantity.").arg(toString(reason)));
    }
    if (sign == DeltaSign::Positive && delta < 0) {
        return makeError(QStringLiteral("inventory.invalid_delta"),
                         tr("Stock marked \u201C%1\u201D must add units, not %2.").arg(toString(reason)).arg(delta));
    }
    if (sign == DeltaSign::Negative && delta > 0) {
        return makeError(QStringLiteral("inventory.invalid_delta"),
                         tr("Stock marked \u201C%1\u201D must remove units, not add %2.").arg(toString(reason)).arg(delta));
    }
    InventoryLevel next = level;
    if (qAddOverflow(level.onHand, delta, &next.onHand))
        return overflow();
    return next;
}

Result<qint64> InventoryRules::applyCount(const InventoryLevel &level, qint64 countedQuantity, qint64 expectedPrevious)
{
    if (countedQuantity < 0) {
        return makeError(QStringLiteral("inventory.invalid_quantity"),
                         tr("A counted quantity cannot be negative (%1).").arg(countedQuantity));
    }
    if (expectedPrevious != level.onHand) {
        return makeError(QStringLiteral("inventory_stale"),
                         tr("Stock changed while you were counting: on hand is now %1, not %2. Count again or "
                            "confirm against the new quantity.")
                             .arg(level.onHand)
                             .arg(expectedPrevious),
                         QString::number(level.onHand));
    }
    qint64 delta = 0;
    if (qSubOverflow(countedQuantity, level.onHand, &delta))
        return overflow();
    return delta;
}

Result<InventoryLevel> InventoryRules::commit(const InventoryLevel &level, qint64 quantity)
{
    if (quantity <= 0)
        return invalidQuantity(quantity);
    InventoryLevel next = level;
    if (qAddOverflow(level.committed, quantity, &next.committed))
        return overflow();
    return next;
}

Result<InventoryLevel> InventoryRules::release(const InventoryLevel &level, qint64 quantity)
{
    if (quantity <= 0)
        return invalidQuantity(quantity);
    InventoryLevel next = level;
    next.committed = quantity >= level.committed ? 0 : level.committed - quantity;
    return next;
}

bool InventoryRules::isLowStock(const InventoryLevel &level)
{
    return level.lowStockThreshold.has_value() && level.available() <= *level.lowStockThreshold;
}

} // namespace sk
