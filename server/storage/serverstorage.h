#pragma once

#include "auth/rolepolicy.h"
#include "domain/records.h"
#include "util/result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace sk::server {

struct UserRecord
{
    QString id;
    QString email;
    QString name;
    QString passwordHash; // PasswordHasher's encoded form, never the password
    qint64 createdAt = 0;
};

struct ShopRecord
{
    QString id;
    ShopSettings settings;     // settings.shopId == id
    qint64 nextOrderNumber = 1001;
    qint64 purgedThroughSeq = 0; // change_seq up to which tombstones were purged (cursor below → 410)
    qint64 createdAt = 0;
};

struct MembershipRecord
{
    QString shopId;
    QString userId;
    Role role = Role::Staff;
};

struct RefreshTokenRecord
{
    QString id;
    QString familyId;
    QString userId;
    QByteArray tokenHash; // SHA-256 of the opaque token
    qint64 createdAt = 0;
    qint64 expiresAt = 0;
    std::optional<qint64> usedAt;
    std::optional<qint64> revokedAt;
};

struct ApiTokenRecord
{
    QString id;
    QString shopId;
    QString name;
    Role role = Role::Warehouse;
    QByteArray tokenHash;
    QString createdBy;
    qint64 createdAt = 0;
    std::optional<qint64> revokedAt;
};

// A synced record stored as its RecordJson document. Types: "shop_settings", "location", "product",
// "variant", "inventory_level" (id = "<variant_id>:<location_id>"), "ledger_entry", "customer"
// (addresses embedded), "order" (OrderDetail: lines, fulfillments, refunds, events embedded).
struct EntityRecord
{
    QString type;
    QString id;
    QString parentId;          // product of a variant, variant of a level or ledger entry, customer of an order
    qint64 version = 0;        // bumped by the caller on every change; starts at 1
    QJsonObject data;
    QJsonObject fieldVersions; // field name → entity version that last changed it (for patch conflicts)
    qint64 updatedAt = 0;      // server time
    qint64 changeSeq = 0;      // assigned by putEntity/tombstone, commit-ordered per database
    bool deleted = false;
};

struct EntityPage
{
    QList<EntityRecord> rows;
    bool hasMore = false;
};

// A value that must be unique per (shop, type, name): a variant's "sku", a product's "handle",
// a customer's "email", an order's "number".
struct UniqueKey
{
    QString name;
    QString value;
};

struct SyncClientRecord
{
    QString shopId;
    QString clientId;
    QString userId;
    qint64 lastAppliedSeq = 0;
    qint64 createdAt = 0;
};

struct MutationResultRecord
{
    QString shopId;
    QString clientId;
    qint64 seq = 0;
    QString mutationId;
    QString name;
    QString status; // applied | rejected | conflict
    QString code;
    QJsonObject result; // what the client gets back, replayed verbatim as `duplicate`
    qint64 appliedAt = 0;
};

// Everything the handlers need from storage, and nothing SQL-shaped, so that a PostgreSQL
// backend can be added without touching a handler. Every per-shop call takes the shop id and
// implementations must filter every query by it.
class ServerStorage
{
public:
    virtual ~ServerStorage() = default;

    // Runs fn in one serialised write transaction; an error from fn rolls everything back.
    virtual Result<void> write(const std::function<Result<void>()> &fn) = 0;
    // Runs fn against one consistent snapshot (reads only).
    virtual Result<void> read(const std::function<Result<void>()> &fn) = 0;

    // Users. Emails compare case-insensitively.
    virtual Result<void> insertUser(const UserRecord &user) = 0;
    virtual Result<std::optional<UserRecord>> user(const QString &id) = 0;
    virtual Result<std::optional<UserRecord>> userByEmail(const QString &email) = 0;

    // Shops.
    virtual Result<void> insertShop(const ShopRecord &shop) = 0;
    virtual Result<void> updateShop(const ShopRecord &shop) = 0;
    virtual Result<std::optional<ShopRecord>> shop(const QString &id) = 0;
    virtual Result<QList<ShopRecord>> shops() = 0;
    // Returns the shop's next order number and advances it (inside write()).
    virtual Result<qint64> takeOrderNumber(const QString &shopId) = 0;

    // Memberships.
    virtual Result<void> putMembership(const MembershipRecord &membership) = 0;
    virtual Result<void> removeMembership(const QString &shopId, const QString &userId) = 0;
    virtual Result<std::optional<MembershipRecord>> membership(const QString &shopId, const QString &userId) = 0;
    virtual Result<QList<MembershipRecord>> membershipsOfUser(const QString &userId) = 0;
    virtual Result<QList<MembershipRecord>> membershipsOfShop(const QString &shopId) = 0;

    // Refresh tokens (rotating, in families).
    virtual Result<void> insertRefreshToken(const RefreshTokenRecord &token) = 0;
    virtual Result<std::optional<RefreshTokenRecord>> refreshTokenByHash(const QByteArray &tokenHash) = 0;
    virtual Result<void> markRefreshTokenUsed(const QString &id, qint64 at) = 0;
    virtual Result<void> revokeRefreshFamily(const QString &familyId, qint64 at) = 0;

    // API tokens.
    virtual Result<void> insertApiToken(const ApiTokenRecord &token) = 0;
    virtual Result<std::optional<ApiTokenRecord>> apiTokenByHash(const QByteArray &tokenHash) = 0;
    virtual Result<QList<ApiTokenRecord>> apiTokensOfShop(const QString &shopId) = 0;
    virtual Result<bool> revokeApiToken(const QString &shopId, const QString &id, qint64 at) = 0;

    // Entities.
    virtual Result<std::optional<EntityRecord>> entity(const QString &shopId, const QString &type, const QString &id) = 0;
    virtual Result<std::optional<EntityRecord>> entityByKey(const QString &shopId, const QString &type,
                                                            const QString &keyName, const QString &value) = 0;
    virtual Result<QList<EntityRecord>> children(const QString &shopId, const QString &type, const QString &parentId) = 0;
    // Stores the record as given (the caller sets version, data, fieldVersions, updatedAt), assigns
    // the next change_seq, and replaces the entity's unique keys; a key held by another live entity
    // of the type fails with code "conflict.unique" and detail = the key name.
    virtual Result<EntityRecord> putEntity(const QString &shopId, EntityRecord record, const QList<UniqueKey> &keys) = 0;
    // Marks deleted (a tombstone in the change feed), frees its unique keys, bumps version.
    virtual Result<EntityRecord> tombstone(const QString &shopId, const QString &type, const QString &id, qint64 at) = 0;

    // The change feed: live rows and tombstones with change_seq > afterSeq, oldest first, at most
    // `limit`, only of the given types (empty = all).
    virtual Result<EntityPage> changes(const QString &shopId, qint64 afterSeq, int limit, const QStringList &types) = 0;
    // Plain REST listing: live rows of a type with updated_at > updatedAfter, keyset-paged by
    // (updated_at, id) after the given position; optionally only children of parentId.
    virtual Result<EntityPage> listEntities(const QString &shopId, const QString &type, qint64 updatedAfter,
                                            std::optional<std::pair<qint64, QString>> after, int limit,
                                            const QString &parentId = {}) = 0;
    virtual Result<qint64> maxChangeSeq(const QString &shopId) = 0;
    // Drops tombstones older than `before` and records the highest purged change_seq on the shop.
    virtual Result<qint64> purgeTombstones(const QString &shopId, qint64 before) = 0;

    // Sync clients and the results of their mutations.
    virtual Result<void> insertClient(const SyncClientRecord &client) = 0;
    virtual Result<std::optional<SyncClientRecord>> client(const QString &shopId, const QString &clientId) = 0;
    virtual Result<void> setLastAppliedSeq(const QString &shopId, const QString &clientId, qint64 seq) = 0;
    virtual Result<void> insertMutationResult(const MutationResultRecord &result) = 0;
    virtual Result<std::optional<MutationResultRecord>> mutationResult(const QString &shopId, const QString &clientId,
                                                                      qint64 seq) = 0;

    // Row counts per table and shop, for `storekeep-server stats`.
    virtual Result<QJsonObject> stats() = 0;
};

} // namespace sk::server
