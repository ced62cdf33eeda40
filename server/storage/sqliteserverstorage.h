#pragma once

#include "storage/schemamigrator.h"
#include "storage/serverstorage.h"

#include <QList>
#include <QString>

#include <memory>

namespace sk {
class SqliteDatabase;
class SqliteStatement;
} // namespace sk

namespace sk::server {

// ServerStorage over one SQLite file: WAL, synchronous=FULL, foreign keys on, a busy timeout,
// and its own numbered migrations (PRAGMA user_version; a file from a newer build is refused
// before anything is written to it).
//
// One connection, for the one serving thread. write() is BEGIN IMMEDIATE ... COMMIT and rolls
// back when fn fails; a write() inside a write() runs in a SAVEPOINT of the outer transaction,
// so an inner failure undoes only the inner part. read() is a deferred transaction, so every
// query inside it sees one snapshot; a read() inside a write() just runs. A write() inside a
// read() is refused ("storage.write_in_read"): the snapshot could not be upgraded reliably.
//
// change_seq comes from a one-row counter bumped inside the write transaction, so change_seq
// order is commit order across the whole file. It is also the entities table's rowid, so a
// pull reads the table in the order it returns rows. Unique keys live in entity_keys rather
// than in expression indexes, which ports to PostgreSQL as is. Key values are compared
// exactly: callers normalise them (customer emails lower-cased) before passing them in.
// Single-statement writes made outside write() commit on their own; putEntity, tombstone and
// purgeTombstones then open their own write transaction.
class SqliteServerStorage final : public ServerStorage
{
public:
    // Opens or creates the file and brings its schema up to date.
    static Result<std::unique_ptr<SqliteServerStorage>> open(const QString &path);

    static const QList<SchemaMigrator::Migration> &migrations();
    static int latestSchemaVersion();

    ~SqliteServerStorage() override;
    SqliteServerStorage(const SqliteServerStorage &) = delete;
    SqliteServerStorage &operator=(const SqliteServerStorage &) = delete;

    QString path() const;

    Result<void> write(const std::function<Result<void>()> &fn) override;
    Result<void> read(const std::function<Result<void>()> &fn) override;

    Result<void> insertUser(const UserRecord &user) override;
    Result<std::optional<UserRecord>> user(const QString &id) override;
    Result<std::optional<UserRecord>> userByEmail(const QString &email) override;

    Result<void> insertShop(const ShopRecord &shop) override;
    // next_order_number and purged_through_seq never move backwards through updateShop, so a
    // caller holding an older copy of the record cannot hand out an order number twice.
    Result<void> updateShop(const ShopRecord &shop) override;
    Result<std::optional<ShopRecord>> shop(const QString &id) override;
    Result<QList<ShopRecord>> shops() override;
    Result<qint64> takeOrderNumber(const QString &shopId) override;

    Result<void> putMembership(const MembershipRecord &membership) override;
    Result<void> removeMembership(const QString &shopId, const QString &userId) override;
    Result<std::optional<MembershipRecord>> membership(const QString &shopId, const QString &userId) override;
    Result<QList<MembershipRecord>> membershipsOfUser(const QString &userId) override;
    Result<QList<MembershipRecord>> membershipsOfShop(const QString &shopId) override;

    Result<void> insertRefreshToken(const RefreshTokenRecord &token) override;
    Result<std::optional<RefreshTokenRecord>> refreshTokenByHash(const QByteArray &tokenHash) override;
    Result<void> markRefreshTokenUsed(const QString &id, qint64 at) override;
    Result<void> revokeRefreshFamily(const QString &familyId, qint64 at) override;

    Result<void> insertApiToken(const ApiTokenRecord &token) override;
    Result<std::optional<ApiTokenRecord>> apiTokenByHash(const QByteArray &tokenHash) override;
    Result<QList<ApiTokenRecord>> apiTokensOfShop(const QString &shopId) override;
    // True when the shop has a token with that id (revoking twice is fine; the first time stays).
    Result<bool> revokeApiToken(const QString &shopId, const QString &id, qint64 at) override;

    // Tombstones included (deleted = true, data {}).
    Result<std::optional<EntityRecord>> entity(const QString &shopId, const QString &type, const QString &id) override;
    // Live entities only: a tombstone frees its keys.
    Result<std::optional<EntityRecord>> entityByKey(const QString &shopId, const QString &type, const QString &keyName,
                                                    const QString &value) override;
    // Live children, oldest update first (updated_at, id).
    Result<QList<EntityRecord>> children(const QString &shopId, const QString &type, const QString &parentId) override;
    // Keys with an empty value are skipped (a variant without a SKU holds none).
    Result<EntityRecord> putEntity(const QString &shopId, EntityRecord record, const QList<UniqueKey> &keys) override;
    // "not_found.entity" when there is no such row; an existing tombstone is returned unchanged.
    Result<EntityRecord> tombstone(const QString &shopId, const QString &type, const QString &id, qint64 at) override;

    Result<EntityPage> changes(const QString &shopId, qint64 afterSeq, int limit, const QStringList &types) override;
    Result<EntityPage> listEntities(const QString &shopId, const QString &type, qint64 updatedAfter,
                                    std::optional<std::pair<qint64, QString>> after, int limit,
                                    const QString &parentId = {}) override;
    // The highest change_seq the shop has used, purged tombstones included.
    Result<qint64> maxChangeSeq(const QString &shopId) override;
    // Returns how many tombstones were dropped.
    Result<qint64> purgeTombstones(const QString &shopId, qint64 before) override;

    // "conflict.client_owned" when the client id is already registered (in any shop).
    Result<void> insertClient(const SyncClientRecord &client) override;
    Result<std::optional<SyncClientRecord>> client(const QString &shopId, const QString &clientId) override;
    // "not_found.client" when the shop has no such client.
    Result<void> setLastAppliedSeq(const QString &shopId, const QString &clientId, qint64 seq) override;
    Result<void> insertMutationResult(const MutationResultRecord &result) override;
    Result<std::optional<MutationResultRecord>> mutationResult(const QString &shopId, const QString &clientId,
                                                              qint64 seq) override;

    // {schema_version, file_bytes, change_seq, users, refresh_tokens, shops:[{id, name, currency,
    //  members, api_tokens, sync_clients, mutation_results, tombstones, max_change_seq,
    //  purged_through_seq, next_order_number, entities:{type: live count}}]}
    Result<QJsonObject> stats() override;

private:
    explicit SqliteServerStorage(std::unique_ptr<SqliteDatabase> db);

    template <typename T, typename Fn>
    Result<T> inWrite(Fn &&fn);
    Result<qint64> nextChangeSeq();
    Result<void> replaceKeys(const QString &shopId, const QString &type, const QString &id,
                             const QList<UniqueKey> &keys);
    Result<QList<EntityRecord>> entityRows(const char *sql, const std::function<void(SqliteStatement &)> &bind,
                                           int max = -1, bool *more = nullptr);

    std::unique_ptr<SqliteDatabase> m_db;
    int m_writeDepth = 0;
    int m_readDepth = 0;
};

} // namespace sk::server
