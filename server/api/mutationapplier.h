#pragma once

#include "auth/principal.h"
#include "auth/rolepolicy.h"
#include "domain/records.h"
#include "util/clock.h"
#include "util/result.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace sk::server {

class ServerStorage;

// What a named mutation came to: applied (with its result), rejected (a permanent failure
// with a code, a message, the offending field and details) or conflict (the client's view was
// stale: conflict.field, inventory_stale). A rejection or conflict changes nothing.
struct MutationOutcome
{
    enum class Status { Applied, Rejected, Conflict };

    Status status = Status::Applied;
    QString code;
    QString message;
    QString field;       // the argument's path, e.g. "fields.sku" or "variants[1].price"
    QJsonObject details;
    QJsonObject result;  // applied only

    static MutationOutcome applied(QJsonObject result);
    // Validation errors carry their field path in Error::detail; it becomes `field`.
    static MutationOutcome rejected(const Error &error, QJsonObject details = {});
    static MutationOutcome rejected(QString code, QString message, QString field = {}, QJsonObject details = {});
    static MutationOutcome conflict(QString code, QString message, QString field, QJsonObject details);

    bool isApplied() const { return status == Status::Applied; }
    static QString toString(Status status); // "applied" | "rejected" | "conflict"
    // {status, code?, message?, field?, details?, result?}: the wire Result without seq and mutation_id.
    QJsonObject toJson() const;
};

// The domain logic of every named mutation of the sync protocol (server/openapi.yaml,
// "Mutations"): validates the arguments strictly (RecordJson, JsonReader: errors name the
// argument's path), checks the caller's role, applies core's rules (OrderStateMachine,
// InventoryRules, Money) and writes entities through ServerStorage. Patches merge per field:
// every entity keeps, per field, the version that last changed it, so edits to different
// fields merge and a field changed since the client's base_version (to another value) is a
// conflict carrying the server's value. Every write bumps the entity's version by one and
// stamps updated_at from the server's clock, never the client's. Stock only ever moves by
// ledger rows, so a level's on_hand always equals the sum of its ledger deltas.
class MutationApplier
{
public:
    MutationApplier(ServerStorage &storage, const Clock &clock);

    // Every mutation name, in the contract's order.
    static QStringList mutationNames();
    // The permission a mutation needs; nullopt for an unknown name.
    static std::optional<Permission> permissionFor(const QString &name);

    // Applies one mutation in a ServerStorage::write(): a transaction of its own, or inside a
    // caller's write() a nested one (a savepoint), so that a rejected or conflicting mutation
    // leaves no trace while the caller's own writes (the stored result, the client's seq)
    // stay. The Result's error is a storage failure (retryable), never a domain decision.
    // `clientId` is the sync client that sent it: a field it changed itself last is never a
    // conflict for its own later patches (they are based on its own queued edits).
    Result<MutationOutcome> apply(const ShopContext &context, const QString &name, const QJsonObject &args,
                                  const QString &clientId = {});

    // Building blocks for other writers (the storefront checkout); call inside write().
    // The stock level of a variant at a location (zero when never touched).
    Result<InventoryLevel> stockLevel(const QString &shopId, const QString &variantId, const QString &locationId);
    // Reserves `quantity` (> 0) for an open order: committed += quantity, no ledger row.
    Result<InventoryLevel> commitStock(const QString &shopId, const QString &variantId, const QString &locationId,
                                       qint64 quantity);

    // "<variant_id>:<location_id>", the id of an inventory_level entity.
    static QString levelId(const QString &variantId, const QString &locationId);

private:
    ServerStorage &m_storage;
    const Clock &m_clock;
};

} // namespace sk::server
