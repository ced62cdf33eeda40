#pragma once

#include "local/entityref.h"
#include "util/result.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace sk {

class SqliteDatabase;

// The optimistic, local effect of each named mutation of the sync contract (server/openapi.yaml,
// MutationBatch): what the user sees at once, before the server confirms. The server stays the
// authority: its documents replace these effects when they arrive, and pending mutations are
// re-applied on top (rebase).
//
// Effects mirror the server's rules closely enough to show the right thing: inventory.adjust adds
// its delta to on_hand (never turned into a set), inventory.set writes the counted quantity,
// transfer moves stock between two levels, patches write their fields, creates insert rows,
// product.delete / variant.delete remove them, order.set_status changes status (cancelling
// releases committed stock). Local effects never touch `version` (only the server's documents
// do) and never write ledger rows (the ledger arrives from the server).
// An effect on a row that is not there (deleted remotely) is a no-op, so a rebased edit of a
// deleted record never brings it back.
class LocalMutations
{
public:
    // Every mutation name the contract defines.
    static const QStringList &names();

    // Checks the args the way the server will (types, required fields, limits) so a bad edit is
    // refused before it is queued. "validation.*" with the field in detail.
    static Result<void> validate(const QString &name, const QJsonObject &args);

    // The entities a mutation touches (an inventory transfer touches two levels, a product.create
    // the product and each variant, an order.fulfil the order and the levels it ships from).
    // This one reads the args only: the entity the mutation names comes first, and what needs
    // the shop's data (a deleted product's variants, an order's stock levels) is left out.
    static Result<QList<EntityRef>> entitiesOf(const QString &name, const QJsonObject &args);
    // Everything apply() may change, looked up in the visible tables as they are now (before
    // the effect): product.delete adds the product's variants and their levels, variant.delete
    // the variant's levels, order.set_status to cancelled the levels it releases, order.fulfil
    // the levels it ships from and releases, order.refund with restock the levels it releases
    // and restocks. The outbox records this list. No duplicates; the named entity first.
    static Result<QList<EntityRef>> entitiesOf(SqliteDatabase &db, const QString &name, const QJsonObject &args);

    // Applies the effect to the visible tables, in the caller's transaction. When `only` is set,
    // effects on other entities are skipped (used to rebase a single entity); deleting a product
    // or a variant still takes its children with it. An order mutation's effect on a stock level
    // is worked out from the order as it was before the mutation, even when the order row already
    // shows it (only the level is being rebased); without `only`, an order mutation whose child or
    // status is already there does nothing. All or nothing: on an error nothing of the
    // effect stays. Errors are a storage failure or a local clash the edit cannot show
    // (product.duplicate_handle, product.duplicate_sku, customer.duplicate_email,
    // order.overrefund). New rows get version 0 and times from nowMs; child ids come from the
    // args (fulfillment_id, refund_id, event_id) when given, so a re-applied effect and the
    // server's document name the same child.
    static Result<void> apply(SqliteDatabase &db, const QString &name, const QJsonObject &args, qint64 nowMs,
                              const EntityRef *only = nullptr);

    // The args with a fresh id for the child an order mutation makes (order.fulfil:
    // fulfillment_id, order.refund: refund_id, order.add_note: event_id) when they have none;
    // other args unchanged. Queue and apply these, so the local child and the server's share
    // their id and a rebase re-creates the same child.
    static QJsonObject withChildIds(const QString &name, const QJsonObject &args);
};

} // namespace sk
