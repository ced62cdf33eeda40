#include "sqliteserverstorage.h"

#include "storage/sqlitedatabase.h"
#include "storage/sqlitestatement.h"
#include "storage/sqlitetransaction.h"
#include "util/logging.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

#include <sqlite3.h>

#include <limits>

namespace sk::server {

namespace {

// Times are UTC ms since the epoch. Every per-shop table leads with shop_id and every query
// on it filters by shop_id; users and refresh tokens belong to no shop.
const char *const kSchemaV1 = R"SQL(
CREATE TABLE change_counter (
    singleton  INTEGER PRIMARY KEY CHECK (singleton = 1),
    value      INTEGER NOT NULL
);
INSERT INTO change_counter (singleton, value) VALUES (1, 0);

CREATE TABLE users (
    id             TEXT PRIMARY KEY,
    email          TEXT NOT NULL,
    email_key      TEXT NOT NULL UNIQUE, -- lower-cased: emails compare case-insensitively
    name           TEXT NOT NULL,
    password_hash  TEXT NOT NULL,
    created_at     INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE shops (
    shop_id             TEXT PRIMARY KEY,
    name                TEXT NOT NULL,
    currency            TEXT NOT NULL CHECK (length(currency) = 3),
    time_zone           TEXT NOT NULL,
    locale              TEXT NOT NULL,
    oversell_policy     TEXT NOT NULL CHECK (oversell_policy IN ('allow', 'reject')),
    version             INTEGER NOT NULL,
    updated_at          INTEGER NOT NULL,
    next_order_number   INTEGER NOT NULL,
    purged_through_seq  INTEGER NOT NULL DEFAULT 0,
    created_at          INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE memberships (
    shop_id  TEXT NOT NULL REFERENCES shops (shop_id),
    user_id  TEXT NOT NULL REFERENCES users (id),
    role     TEXT NOT NULL CHECK (role IN ('owner', 'staff', 'warehouse')),
    PRIMARY KEY (shop_id, user_id)
) WITHOUT ROWID;
CREATE INDEX memberships_user ON memberships (user_id, shop_id);

CREATE TABLE refresh_tokens (
    id          TEXT PRIMARY KEY,
    family_id   TEXT NOT NULL,
    user_id     TEXT NOT NULL REFERENCES users (id),
    token_hash  BLOB NOT NULL UNIQUE,
    created_at  INTEGER NOT NULL,
    expires_at  INTEGER NOT NULL,
    used_at     INTEGER,
    revoked_at  INTEGER
) WITHOUT ROWID;
CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id);

CREATE TABLE api_tokens (
    id          TEXT PRIMARY KEY,
    shop_id     TEXT NOT NULL REFERENCES shops (shop_id),
    role        TEXT NOT NULL CHECK (role IN ('owner', 'staff', 'warehouse')),
    name        TEXT NOT NULL,
    token_hash  BLOB NOT NULL UNIQUE,
    created_by  TEXT NOT NULL DEFAULT '',
    created_at  INTEGER NOT NULL,
    revoked_at  INTEGER
) WITHOUT ROWID;
CREATE INDEX api_tokens_shop ON api_tokens (shop_id, created_at);

-- change_seq is the rowid: rows sit in the table in commit order, so a pull of the change
-- feed walks the table sequentially. (shop_id, type, id) is the entity's identity.
CREATE TABLE entities (
    change_seq      INTEGER PRIMARY KEY,
    shop_id         TEXT NOT NULL REFERENCES shops (shop_id),
    type            TEXT NOT NULL,
    id              TEXT NOT NULL,
    parent_id       TEXT NOT NULL DEFAULT '',
    version         INTEGER NOT NULL,
    data            TEXT NOT NULL,
    field_versions  TEXT NOT NULL DEFAULT '{}',
    updated_at      INTEGER NOT NULL,
    deleted         INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    UNIQUE (shop_id, type, id)
);
CREATE INDEX entities_feed ON entities (shop_id, change_seq);
CREATE INDEX entities_listing ON entities (shop_id, type, updated_at, id);
CREATE INDEX entities_parent ON entities (shop_id, type, parent_id, updated_at, id);
CREATE INDEX entities_tombstones ON entities (shop_id, updated_at) WHERE deleted = 1;

-- Unique values per (shop, type, name): SKU, handle, email, order number. Only live
-- entities hold keys; a tombstone releases them.
CREATE TABLE entity_keys (
    shop_id    TEXT NOT NULL,
    type       TEXT NOT NULL,
    name       TEXT NOT NULL,
    value      TEXT NOT NULL,
    entity_id  TEXT NOT NULL,
    PRIMARY KEY (shop_id, type, name, value),
    FOREIGN KEY (shop_id, type, entity_id) REFERENCES entities (shop_id, type, id) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX entity_keys_entity ON entity_keys (shop_id, type, entity_id);

-- A client id belongs to one shop and one user: UNIQUE (client_id) across shops.
CREATE TABLE sync_clients (
    shop_id           TEXT NOT NULL REFERENCES shops (shop_id),
    client_id         TEXT NOT NULL UNIQUE,
    user_id           TEXT NOT NULL,
    last_applied_seq  INTEGER NOT NULL DEFAULT 0,
    created_at        INTEGER NOT NULL,
    PRIMARY KEY (shop_id, client_id)
) WITHOUT ROWID;

CREATE TABLE mutation_results (
    shop_id      TEXT NOT NULL,
    client_id    TEXT NOT NULL,
    seq          INTEGER NOT NULL,
    mutation_id  TEXT NOT NULL,
    name         TEXT NOT NULL,
    status       TEXT NOT NULL CHECK (status IN ('applied', 'rejected', 'conflict')),
    code         TEXT NOT NULL DEFAULT '',
    result       TEXT NOT NULL,
    applied_at   INTEGER NOT NULL,
    PRIMARY KEY (shop_id, client_id, seq),
    FOREIGN KEY (shop_id, client_id) REFERENCES sync_clients (shop_id, client_id)
) WITHOUT ROWID;
)SQL";

// The columns entityFrom() reads, in its order.
#define SK_ENTITY_COLUMNS "type, id, parent_id, version, data, field_versions, updated_at, change_seq, deleted"

QString roleText(Role role)
{
    return RolePolicy::toString(role);
}

Result<Role> roleFrom(const QString &text)
{
    if (const auto role = RolePolicy::roleFromString(text))
        return *role;
    return makeError(QStringLiteral("storage.corrupt"),
                     QCoreApplication::translate("SqliteServerStorage", "The server database holds an unknown role."),
                     text);
}

QString emailKey(const QString &email)
{
    return email.trimmed().toLower();
}

// A non-null text for NOT NULL columns: an empty QString may be null and would bind NULL.
QString text(const QString &s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// Parses a JSON object column without copying the text out of SQLite first.
Result<QJsonObject> jsonColumn(const SqliteStatement &s, int column)
{
    const auto *raw = reinterpret_cast<const char *>(sqlite3_column_text(s.handle(), column));
    const int size = sqlite3_column_bytes(s.handle(), column);
    if (!raw || size == 0 || (size == 2 && raw[0] == '{' && raw[1] == '}'))
        return QJsonObject();
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromRawData(raw, size), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject()) {
        return makeError(QStringLiteral("storage.corrupt"),
                         QCoreApplication::translate("SqliteServerStorage",
                                                     "The server database holds a document that is not a JSON object."),
                         error.errorString());
    }
    return doc.object();
}

Result<EntityRecord> entityFrom(const SqliteStatement &s)
{
    EntityRecord e;
    e.type = s.text(0);
    e.id = s.text(1);
    e.parentId = s.text(2);
    e.version = s.int64(3);
    e.deleted = s.int64(8) != 0;
    if (!e.deleted) {
        auto data = jsonColumn(s, 4);
        if (!data.ok()) {
            Error error = data.error();
            error.detail = e.type + QLatin1Char(' ') + e.id + QStringLiteral(": ") + error.detail;
            return error;
        }
        e.data = std::move(data).value();
        SK_TRY_ASSIGN(fieldVersions, jsonColumn(s, 5));
        e.fieldVersions = std::move(fieldVersions);
    }
    e.updatedAt = s.int64(6);
    e.changeSeq = s.int64(7);
    return e;
}

UserRecord userFrom(const SqliteStatement &s)
{
    return UserRecord{s.text(0), s.text(1), s.text(2), s.text(3), s.int64(4)};
}

Result<ShopRecord> shopFrom(const SqliteStatement &s)
{
    ShopRecord shop;
    shop.id = s.text(0);
    shop.settings.shopId = shop.id;
    shop.settings.name = s.text(1);
    shop.settings.currency = s.text(2);
    shop.settings.timeZone = s.text(3);
    shop.settings.locale = s.text(4);
    const auto policy = fromString<OversellPolicy>(s.text(5));
    if (!policy) {
        return makeError(QStringLiteral("storage.corrupt"),
                         QCoreApplication::translate("SqliteServerStorage",
                                                     "The server database holds an unknown oversell policy."),
                         s.text(5));
    }
    shop.settings.oversellPolicy = *policy;
    shop.settings.version = s.int64(6);
    shop.settings.updatedAt = s.int64(7);
    shop.nextOrderNumber = s.int64(8);
    shop.purgedThroughSeq = s.int64(9);
    shop.createdAt = s.int64(10);
    return shop;
}
#define SK_SHOP_COLUMNS                                                                                        \
    "shop_id, name, currency, time_zone, locale, oversell_policy, version, updated_at, next_order_number, " \
    "purged_through_seq, created_at"

RefreshTokenRecord refreshTokenFrom(const SqliteStatement &s)
{
    RefreshTokenRecord t;
    t.id = s.text(0);
    t.familyId = s.text(1);
    t.userId = s.text(2);
    t.tokenHash = s.blob(3);
    t.createdAt = s.int64(4);
    t.expiresAt = s.int64(5);
    t.usedAt = s.optionalInt64(6);
    t.revokedAt = s.optionalInt64(7);
    return t;
}

Result<ApiTokenRecord> apiTokenFrom(const SqliteStatement &s)
{
    ApiTokenRecord t;
    t.id = s.text(0);
    t.shopId = s.text(1);
    SK_TRY_ASSIGN(role, roleFrom(s.text(2)));
    t.role = role;
    t.name = s.text(3);
    t.tokenHash = s.blob(4);
    t.createdBy = s.text(5);
    t.createdAt = s.int64(6);
    t.revokedAt = s.optionalInt64(7);
    return t;
}

Result<MembershipRecord> membershipFrom(const SqliteStatement &s)
{
    SK_TRY_ASSIGN(role, roleFrom(s.text(2)));
    return MembershipRecord{s.text(0), s.text(1), role};
}

// Resets a cached statement when the scope ends, so no half-read SELECT keeps a read
// transaction (and its old snapshot) open between calls.
class ResetOnExit
{
public:
    explicit ResetOnExit(SqliteStatement *s) : m_s(s) {}
    ~ResetOnExit() { m_s->reset(); }
    ResetOnExit(const ResetOnExit &) = delete;
    ResetOnExit &operator=(const ResetOnExit &) = delete;

private:
    SqliteStatement *m_s;
};

// A constraint failure (duplicate key) as a conflict the caller can act on.
Error asConflict(const Error &error, const QString &code, const QString &message)
{
    if (error.code == QLatin1String("sqlite.constraint"))
        return makeError(code, message, error.message);
    return error;
}

Error notFound(const QString &code, const QString &message, const QString &detail)
{
    return makeError(code, message, detail);
}

} // namespace

const QList<SchemaMigrator::Migration> &SqliteServerStorage::migrations()
{
    static const QList<SchemaMigrator::Migration> list = {
        {1, "users, shops, tokens, entities, sync clients", QByteArray(kSchemaV1)},
    };
    return list;
}

int SqliteServerStorage::latestSchemaVersion()
{
    return migrations().constLast().version;
}

SqliteServerStorage::SqliteServerStorage(std::unique_ptr<SqliteDatabase> db) : m_db(std::move(db)) {}

SqliteServerStorage::~SqliteServerStorage() = default;

QString SqliteServerStorage::path() const
{
    return m_db->path();
}

Result<std::unique_ptr<SqliteServerStorage>> SqliteServerStorage::open(const QString &path)
{
    SK_TRY_ASSIGN(db, SqliteDatabase::open(path, SqliteDatabase::Mode::ReadWriteCreate));
    // Refuse a newer file before anything (even the journal mode) is written to it.
    auto version = SchemaMigrator::checkVersion(*db, migrations());
    if (!version.ok()) {
        Error error = version.error();
        if (error.code == QLatin1String("schema.too_new")) {
            error.message = QCoreApplication::translate("SqliteServerStorage",
                                                        "The server database %1 was written by a newer "
                                                        "storekeep-server (schema %2; this build reads up to %3). "
                                                        "Update storekeep-server to use it. The file was not changed.")
                                .arg(path)
                                .arg(db->userVersion().valueOr(-1))
                                .arg(latestSchemaVersion());
        }
        return error;
    }
    // Documents run to a few KiB (an order is ~2 KiB of JSON): 8 KiB pages pack them ~15%
    // tighter than 4 KiB ones. Only takes effect while the file is still empty.
    SK_TRY(db->exec("PRAGMA page_size=8192"));
    SK_TRY_ASSIGN(mode, db->prepare("PRAGMA journal_mode=WAL"));
    SK_TRY_ASSIGN(hasMode, mode.step());
    if (!hasMode || mode.text(0).compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0) {
        return makeError(QStringLiteral("storage.no_wal"),
                         QCoreApplication::translate("SqliteServerStorage",
                                                     "The server database %1 cannot use write-ahead logging.")
                             .arg(path));
    }
    mode = SqliteStatement();
    // Every commit is on disk before the client hears "applied".
    SK_TRY(db->exec("PRAGMA synchronous=FULL"));
    // A 64 MiB page cache keeps a medium shop's indexes in memory.
    SK_TRY(db->exec("PRAGMA cache_size=-65536"));
    SK_TRY(db->exec("PRAGMA temp_store=MEMORY"));
    SK_TRY(SchemaMigrator::migrate(*db, migrations()));
    return std::unique_ptr<SqliteServerStorage>(new SqliteServerStorage(std::move(db)));
}

// --- transactions -----------------------------------------------------------------------------

Result<void> SqliteServerStorage::write(const std::function<Result<void>()> &fn)
{
    if (m_writeDepth > 0) {
        SK_TRY_ASSIGN(savepoint, SqliteSavepoint::begin(*m_db, "sk_write"));
        ++m_writeDepth;
        auto result = fn();
        --m_writeDepth;
        if (!result.ok()) {
            savepoint.rollback();
            return result;
        }
        return savepoint.release();
    }
    if (m_readDepth > 0) {
        return makeError(QStringLiteral("storage.write_in_read"),
                         QCoreApplication::translate("SqliteServerStorage",
                                                     "A write was attempted inside a read-only snapshot."));
    }
    SK_TRY_ASSIGN(tx, SqliteTransaction::begin(*m_db, SqliteTransaction::Kind::Immediate));
    ++m_writeDepth;
    auto result = fn();
    --m_writeDepth;
    if (!result.ok()) {
        tx.rollback();
        return result;
    }
    return tx.commit();
}

Result<void> SqliteServerStorage::read(const std::function<Result<void>()> &fn)
{
    if (m_writeDepth > 0 || m_readDepth > 0)
        return fn();
    SK_TRY_ASSIGN(tx, SqliteTransaction::begin(*m_db, SqliteTransaction::Kind::Deferred));
    ++m_readDepth;
    auto result = fn();
    --m_readDepth;
    if (!result.ok()) {
        tx.rollback();
        return result;
    }
    return tx.commit(); // ends the read transaction; nothing was written
}

template <typename T, typename Fn>
Result<T> SqliteServerStorage::inWrite(Fn &&fn)
{
    if (m_writeDepth > 0)
        return fn();
    std::optional<T> out;
    SK_TRY(write([&]() -> Result<void> {
        SK_TRY_ASSIGN(value, fn());
        out = std::move(value);
        return {};
    }));
    return std::move(*out);
}

Result<qint64> SqliteServerStorage::nextChangeSeq()
{
    SK_TRY_ASSIGN(s, m_db->cached("UPDATE change_counter SET value = value + 1 WHERE singleton = 1 RETURNING value"));
    ResetOnExit done(s);
    SK_TRY_ASSIGN(row, s->step());
    if (!row)
        return makeError(QStringLiteral("storage.corrupt"), QStringLiteral("The change counter is missing."));
    const qint64 seq = s->int64(0);
    SK_TRY(s->step()); // RETURNING: let the statement run to completion
    return seq;
}

// --- users ------------------------------------------------------------------------------------

Result<void> SqliteServerStorage::insertUser(const UserRecord &u)
{
    SK_TRY_ASSIGN(s, m_db->cached("INSERT INTO users (id, email, email_key, name, password_hash, created_at) "
                                  "VALUES (?, ?, ?, ?, ?, ?)"));
    s->bindAll(u.id, text(u.email), emailKey(u.email), text(u.name), text(u.passwordHash), u.createdAt);
    auto done = s->exec();
    if (!done.ok()) {
        return asConflict(done.error(), QStringLiteral("conflict.exists"),
                          QCoreApplication::translate("SqliteServerStorage", "A user with this email or id exists."));
    }
    return {};
}

Result<std::optional<UserRecord>> SqliteServerStorage::user(const QString &id)
{
    SK_TRY_ASSIGN(s, m_db->cached("SELECT id, email, name, password_hash, created_at FROM users WHERE id = ?"));
    ResetOnExit done(s);
    s->bind(1, id);
    SK_TRY_ASSIGN(row, s->step());
    if (!row)
        return std::optional<UserRecord>();
    return std::optional<UserRecord>(userFrom(*s));
}

Result<std::optional<UserRecord>> SqliteServerStorage::userByEmail(const QString &email)
{
    SK_TRY_ASSIGN(s, m_db->cached("SELECT id, email, name, password_hash, created_at FROM users WHERE email_key = ?"));
    ResetOnExit done(s);
    s->bind(1, emailKey(email));
    SK_TRY_ASSIGN(row, s->step());
    if (!row)
        return std::optional<UserRecord>();
    return std::optional<UserRecord>(userFrom(*s));
}

// --- shops ------------------------------------------------------------------------------------

Result<void> SqliteServerStorage::insertShop(const ShopRecord &shop)
{
    SK_TRY_ASSIGN(s, m_db->cached("INSERT INTO shops (" SK_SHOP_COLUMNS ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    const ShopSettings &st = shop.settings;
    s->bindAll(shop.id, text(st.name), text(st.currency), text(st.timeZone), text(st.locale), toString(st.oversellPolicy),
               st.version, st.updatedAt, shop.nextOrderNumber, shop.purgedThroughSeq, shop.createdAt);
    auto done = s->exec();
    if (!done.ok()) {
        return asConflict(done.error(), QStringLiteral("conflict.exists"),
                          QCoreApplication::translate("SqliteServerStorage", "A shop with this id exists."));
    }
    return {};
}

Result<void> SqliteServerStorage::updateShop(const ShopRecord &shop)
{
    SK_TRY_ASSIGN(s, m_db->cached("UPDATE shops SET name = ?2, currency = ?3, time_zone = ?4, locale = ?5, "
                                  "oversell_policy = ?6, version = ?7, updated_at = ?8, "
                                  "next_order_number = max(next_order_number, ?9), "
                                  "purged_through_seq = max(purged_through_seq, ?10) WHERE shop_id = ?1"));
    const ShopSettings &st = shop.settings;
    s->bindAll(shop.id, text(st.name), text(st.currency), text(st.timeZone), text(st.locale), toString(st.oversellPolicy),
               st.version, st.updatedAt, shop.nextOrderNumber, shop.purgedThroughSeq);
    SK_TRY(s->exec());
    if (m_db->changes() == 0) {
        return notFound(QStringLiteral("not_found.shop"),
                        QCoreApplication::translate("SqliteServerStorage", "There is no such shop."), shop.id);
    }
    return {};
}

Result<std::optional<ShopRecord>> SqliteServerStorage::shop(const QString &id)
{
    SK_TRY_ASSIGN(s, m_db->cached("SELECT " SK_SHOP_COLUMNS " FROM shops WHERE shop_id = ?"));
    ResetOnExit done(s);
    s->bind(1, id);
    SK_TRY_ASSIGN(row, s->step());
    if (!row)
        return std::optional<ShopRecord>();
    SK_TRY_ASSIGN(record, shopFrom(*s));
    return std::optional<ShopRecord>(std::move(record));
}

Result<QList<ShopRecord>> SqliteServerStorage::shops()
{
    SK_TRY_ASSIGN(s, m_db->cached("SELECT " SK_SHOP_COLUMNS " FROM shops ORDER BY created_at, shop_id"));
    ResetOnExit done(s);
    QList<ShopRecord> out;
    for (;;) {
        SK_TRY_ASSIGN(row, s->step());
        if (!row)
            break;
        SK_TRY_ASSIGN(record, shopFrom(*s));
        out.append(std::move(record));
    }
    return out;
}

Result<qint64> SqliteServerStorage::takeOrderNumber(const QString &shopId)
{
    SK_TRY_ASSIGN(s, m_db->cached("UPDATE shops SET next_order_number = next_order_number + 1 WHERE shop_id = ? "
                                  "RETURNING next_order_number - 1"));
    ResetOnExit done(s);
    s->bind(1, shopId);
    SK_TRY_ASSIGN(row, s->step());
    if (!row) {
        return notFound(QStringLiteral("not_found.shop"),
                        QCoreApplication::translate("SqliteServerStorage", "There is no such shop."), shopId);
    }
    const qint64 number = s->int64(0);
    SK_TRY(s->step());
    return number;
}

// --- memberships ------------------------------------------------------------------------------

Result<void> SqliteServerStorage::putMembership(const MembershipRecord &m)
{
    SK_TRY_ASSIGN(s, m_db->cached("INSERT INTO memberships (shop_id, user_id, role) VALUES (?, ?, ?) "
                                  "ON CONFLICT (shop_id, user_id) DO UPDATE SET role = excluded.role"));
    s->bindAll(m.shopId, m.userId, roleText(m.role));
    auto done = s->exec();
    if (!done.ok()) {
        return asConflict(done.error(), QStringLiteral("not_found.user"),
                          QCoreApplication::translate("SqliteServerStorage", "There is no such shop or user."));
    }
    return {};
}

Result<void> SqliteServerStorage::removeMembership(const QString &shopId, const QString &userId)
{
    SK_TRY_ASSIGN(s, m_db->cached("DELETE FROM memberships WHERE shop_id = ? AND user_id = ?"));
    s->bindAll(shopId, userId);
    return s->exec();
}

Result<std::optional<MembershipRecord>> SqliteServerStorage::membership(const QString &shopId, const QString &userId)
{
    SK_TRY_ASSIGN(s, m_db->cached("SELECT shop_id, user_id, role FROM memberships WHERE shop_id = ? AND user_id = ?"));
    ResetOnExit done(s);
    s->bindAll(shopId, userId);
    SK_TRY_ASSIGN(row, s->step());
    if (!row)
        return std::optional<MembershipRecord>();
    SK_TRY_ASSIGN(m, membershipFrom(*s));
    return std::optional<MembershipRecord>(m);
}

Result<QList<MembershipRecord>> SqliteServerStorage::membershipsOfUser(const QString &userId)
{
    // A user's shops span tenants by nature; the user id is the filter.
    SK_TRY_ASSIGN(s, m_db->cached("SELECT m.shop_id, m.user_id, m.role FROM memberships m "
                                  "JOIN shops s ON s.shop_id = m.shop_id WHERE m.user_id = ? "
                                  "ORDER BY s.created_at, m.shop_id"));
    ResetOnExit done(s);
    s->bind(1, userId);
    QList<MembershipRecord> out;
    for (;;) {
        SK_TRY_ASSIGN(row, s->step());
        if (!row)
            break;
        SK_TRY_ASSIGN(m, membershipFrom(*s));
        out.append(m);
    }
    return out;
}

Result<QList<MembershipRecord>> SqliteServerStorage::membershipsOfShop(const QString &shopId)
{
    SK_TRY_ASSIGN(s, m_db->cached("SELECT m.shop_id, m.user_id, m.role FROM memberships m "
                                  "JOIN users u ON u.id = m.user_id WHERE m.shop_id = ? ORDER BY u.email_key"));
    ResetOnExit done(s);
    s->bind(1, shopId);
    QList<MembershipRecord> out;
    for (;;) {
        SK_TRY_ASSIGN(row, s->step());
        if (!row)
            break;
        SK_TRY_ASSIGN(m, membershipFrom(*s));
        out.append(m);
    }
    return out;
}

// --- refresh tokens ---------------------------------------------------------------------------

Result<void> SqliteServerStorage::insertRefreshToken(const RefreshTokenRecord &t)
{
    SK_TRY_ASSIGN(s, m_db->cached("INSERT INTO refresh_tokens (id, family_id, user_id, token_hash, created_at, "
                                  "expires_at, used_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    s->bindAll(t.id, t.familyId, t.userId);
    s->bindBlob(4, t.tokenHash);
    s->bind(5, t.createdAt).bind(6, t.expiresAt).bind(7, t.usedAt).bind(8, t.revokedAt);
    auto done = s->exec();
    if (!done.ok()) {
        return asConflict(done.error(), QStringLiteral("conflict.exists"),
                          QCoreApplication::translate("SqliteServerStorage", "This refresh token exists."));
    }
    return {};
}

Result<std::optional<RefreshTokenRecord>> SqliteServerStorage::refreshTokenByHash(const QByteArray &tokenHash)
{
    SK_TRY_ASSIGN(s, m_db->cached("SELECT id, family_id, user_id, token_hash, created_at, expires_at, used_at, "
                                  "revoked_at FROM refresh_tokens WHERE token_hash = ?"));
    ResetOnExit done(s);
    s->bindBlob(1, tokenHash);
    SK_TRY_ASSIGN(row, s->step());
    if (!row)
        return std::optional<RefreshTokenRecord>();
    return std::optional<RefreshTokenRecord>(refreshTokenFrom(*s));
}

Result<void> SqliteServerStorage::markRefreshTokenUsed(const QString &id, qint64 at)
{
    // The first use is the one that counts: a later mark must not hide when it was used.
    SK_TRY_ASSIGN(s, m_db->cached("UPDATE refresh_tokens SET used_at = coalesce(used_at, ?) WHERE id = ?"));
    s->bindAll(at, id);
    return s->exec();
}

Result<void> SqliteServerStorage::revokeRefreshFamily(const QString &familyId, qint64 at)
{
    SK_TRY_ASSIGN(s, m_db->cached("UPDATE refresh_tokens SET revoked_at = coalesce(revoked_at, ?) WHERE family_id = ?"));
    s->bindAll(at, familyId);
    return s->exec();
}

// --- API tokens -------------------------------------------------------------------------------

Result<void> SqliteServerStorage::insertApiToken(const ApiTokenRecord &t)
{
    SK_TRY_ASSIGN(s, m_db->cached("INSERT INTO api_tokens (id, shop_id, role, name, token_hash, created_by, "
                                  "created_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    s->bindAll(t.id, t.shopId, roleText(t.role), text(t.name));
    s->bindBlob(5, t.tokenHash);
    s->bind(6, text(t.createdBy)).bind(7, t.createdAt).bind(8, t.revokedAt);
    auto done = s->exec();
    if (!done.ok()) {
        return asConflict(done.error(), QStringLiteral("conflict.exists"),
                          QCoreApplication::translate("SqliteServerStorage",
                                                      "This API token exists, or its shop does not."));
    }
    return {};
}

Result<std::optional<ApiTokenRecord>> SqliteServerStorage::apiTokenByHash(const QByteArray &tokenHash)
{
    // Looked up by its secret hash before the shop is known: the token names its shop.
    SK_TRY_ASSIGN(s, m_db->cached("SELECT id, shop_id, role, name, token_hash, created_by, created_at, revoked_at "
                                  "FROM api_tokens WHERE token_hash = ?"));
    ResetOnExit done(s);
    s->bindBlob(1, tokenHash);
    SK_TRY_ASSIGN(row, s->step());
    if (!row)
        return std::optional<ApiTokenRecord>();
    SK_TRY_ASSIGN(t, apiTokenFrom(*s));
    return std::optional<ApiTokenRecord>(std::move(t));
}

Result<QList<ApiTokenRecord>> SqliteServerStorage::apiTokensOfShop(const QString &shopId)
{
    SK_TRY_ASSIGN(s, m_db->cached("SELECT id, shop_id, role, name, token_hash, created_by, created_at, revoked_at "
                                  "FROM api_tokens WHERE shop_id = ? ORDER BY created_at, id"));
    ResetOnExit done(s);
    s->bind(1, shopId);
    QList<ApiTokenRecord> out;
    for (;;) {
        SK_TRY_ASSIGN(row, s->step());
        if (!row)
            break;
        SK_TRY_ASSIGN(t, apiTokenFrom(*s));
        out.append(std::move(t));
    }
    return out;
}

Result<bool> SqliteServerStorage::revokeApiToken(const QString &shopId, const QString &id, qint64 at)
{
    SK_TRY_ASSIGN(s, m_db->cached("UPDATE api_tokens SET revoked_at = coalesce(revoked_at, ?) "
                                  "WHERE shop_id = ? AND id = ?"));
    s->bindAll(at, shopId, id);
    SK_TRY(s->exec());
    return m_db->changes() > 0;
}

// --- entities ---------------------------------------------------------------------------------

Result<QList<EntityRecord>> SqliteServerStorage::entityRows(const char *sql,
                                                            const std::function<void(SqliteStatement &)> &bind,
                                                            int max, bool *more)
{
    SK_TRY_ASSIGN(s, m_db->cached(sql));
    ResetOnExit done(s);
    bind(*s);
    QList<EntityRecord> out;
    if (more)
        *more = false;
    for (;;) {
        SK_TRY_ASSIGN(row, s->step());
        if (!row)
            break;
        if (max >= 0 && out.size() >= max) {
            if (more)
                *more = true;
            break;
        }
        SK_TRY_ASSIGN(e, entityFrom(*s));
        out.append(std::move(e));
    }
    return out;
}

Result<std::optional<EntityRecord>> SqliteServerStorage::entity(const QString &shopId, const QString &type,
                                                                const QString &id)
{
    SK_TRY_ASSIGN(rows, entityRows("SELECT " SK_ENTITY_COLUMNS " FROM entities WHERE shop_id = ? AND type = ? AND id = ?",
                                   [&](SqliteStatement &s) { s.bindAll(shopId, type, id); }));
    if (rows.isEmpty())
        return std::optional<EntityRecord>();
    return std::optional<EntityRecord>(std::move(rows.first()));
}

Result<std::optional<EntityRecord>> SqliteServerStorage::entityByKey(const QString &shopId, const QString &type,
                                                                     const QString &keyName, const QString &value)
{
    SK_TRY_ASSIGN(rows, entityRows("SELECT " SK_ENTITY_COLUMNS " FROM entities WHERE shop_id = ?1 AND type = ?2 "
                                   "AND id = (SELECT entity_id FROM entity_keys WHERE shop_id = ?1 AND type = ?2 "
                                   "AND name = ?3 AND value = ?4) AND deleted = 0",
                                   [&](SqliteStatement &s) { s.bindAll(shopId, type, keyName, value); }));
    if (rows.isEmpty())
        return std::optional<EntityRecord>();
    return std::optional<EntityRecord>(std::move(rows.first()));
}

Result<QList<EntityRecord>> SqliteServerStorage::children(const QString &shopId, const QString &type,
                                                          const QString &parentId)
{
    return entityRows("SELECT " SK_ENTITY_COLUMNS " FROM entities WHERE shop_id = ? AND type = ? AND parent_id = ? "
                      "AND deleted = 0 ORDER BY updated_at, id",
                      [&](SqliteStatement &s) { s.bindAll(shopId, type, text(parentId)); });
}

Result<void> SqliteServerStorage::replaceKeys(const QString &shopId, const QString &type, const QString &id,
                                              const QList<UniqueKey> &keys)
{
    SK_TRY_ASSIGN(drop, m_db->cached("DELETE FROM entity_keys WHERE shop_id = ? AND type = ? AND entity_id = ?"));
    drop->bindAll(shopId, type, id);
    SK_TRY(drop->exec());
    for (const UniqueKey &key : keys) {
        if (key.value.isEmpty())
            continue;
        SK_TRY_ASSIGN(add, m_db->cached("INSERT INTO entity_keys (shop_id, type, name, value, entity_id) "
                                        "VALUES (?, ?, ?, ?, ?)"));
        add->bindAll(shopId, type, key.name, key.value, id);
        auto added = add->exec();
        if (!added.ok()) {
            return asConflict(added.error(), QStringLiteral("conflict.unique"),
                              QCoreApplication::translate("SqliteServerStorage", "The value of %1 is given twice.")
                                  .arg(key.name));
        }
    }
    return {};
}

Result<EntityRecord> SqliteServerStorage::putEntity(const QString &shopId, EntityRecord record,
                                                    const QList<UniqueKey> &keys)
{
    return inWrite<EntityRecord>([&]() -> Result<EntityRecord> {
        // Check every key before changing anything, so a conflict leaves no trace even when the
        // caller carries on inside the same transaction.
        for (const UniqueKey &key : keys) {
            if (key.value.isEmpty())
                continue;
            SK_TRY_ASSIGN(s, m_db->cached("SELECT entity_id FROM entity_keys "
                                          "WHERE shop_id = ? AND type = ? AND name = ? AND value = ?"));
            ResetOnExit done(s);
            s->bindAll(shopId, record.type, key.name, key.value);
            SK_TRY_ASSIGN(row, s->step());
            if (row && s->text(0) != record.id) {
                return makeError(QStringLiteral("conflict.unique"),
                                 QCoreApplication::translate("SqliteServerStorage",
                                                             "Another %1 already has this %2: %3.")
                                     .arg(record.type, key.name, key.value),
                                 key.name);
            }
        }
        SK_TRY_ASSIGN(seq, nextChangeSeq());
        SK_TRY_ASSIGN(s, m_db->cached(
                             "INSERT INTO entities (change_seq, shop_id, type, id, parent_id, version, data, "
                             "field_versions, updated_at, deleted) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0) "
                             "ON CONFLICT (shop_id, type, id) DO UPDATE SET change_seq = excluded.change_seq, "
                             "parent_id = excluded.parent_id, version = excluded.version, data = excluded.data, "
                             "field_versions = excluded.field_versions, updated_at = excluded.updated_at, deleted = 0"));
        s->bindAll(seq, shopId, record.type, record.id, text(record.parentId), record.version);
        s->bindUtf8(7, compact(record.data));
        s->bindUtf8(8, compact(record.fieldVersions));
        s->bind(9, record.updatedAt);
        auto stored = s->exec();
        if (!stored.ok()) {
            return asConflict(stored.error(), QStringLiteral("not_found.shop"),
                              QCoreApplication::translate("SqliteServerStorage", "There is no such shop."));
        }
        SK_TRY(replaceKeys(shopId, record.type, record.id, keys));
        record.changeSeq = seq;
        record.deleted = false;
        return record;
    });
}

Result<EntityRecord> SqliteServerStorage::tombstone(const QString &shopId, const QString &type, const QString &id,
                                                    qint64 at)
{
    return inWrite<EntityRecord>([&]() -> Result<EntityRecord> {
        SK_TRY_ASSIGN(current, entity(shopId, type, id));
        if (!current) {
            return notFound(QStringLiteral("not_found.entity"),
                            QCoreApplication::translate("SqliteServerStorage", "There is no such %1.").arg(type), id);
        }
        if (current->deleted)
            return *current;
        SK_TRY_ASSIGN(seq, nextChangeSeq());
        SK_TRY_ASSIGN(s, m_db->cached("UPDATE entities SET change_seq = ?, version = version + 1, data = '{}', "
                                      "field_versions = '{}', updated_at = ?, deleted = 1 "
                                      "WHERE shop_id = ? AND type = ? AND id = ?"));
        s->bindAll(seq, at, shopId, type, id);
        SK_TRY(s->exec());
        SK_TRY(replaceKeys(shopId, type, id, {}));
        EntityRecord dead = *current;
        dead.version += 1;
        dead.data = QJsonObject();
        dead.fieldVersions = QJsonObject();
        dead.updatedAt = at;
        dead.changeSeq = seq;
        dead.deleted = true;
        return dead;
    });
}

Result<EntityPage> SqliteServerStorage::changes(const QString &shopId, qint64 afterSeq, int limit,
                                                const QStringList &types)
{
    EntityPage page;
    limit = std::max(limit, 0);
    if (types.isEmpty()) {
        SK_TRY_ASSIGN(rows, entityRows("SELECT " SK_ENTITY_COLUMNS " FROM entities WHERE shop_id = ? AND change_seq > ? "
                                       "ORDER BY change_seq LIMIT ?",
                                       [&](SqliteStatement &s) { s.bindAll(shopId, afterSeq, qint64(limit) + 1); },
                                       limit, &page.hasMore));
        page.rows = std::move(rows);
        return page;
    }
    QJsonArray list;
    for (const QString &t : types)
        list.append(t);
    const QByteArray typesJson = QJsonDocument(list).toJson(QJsonDocument::Compact);
    SK_TRY_ASSIGN(rows, entityRows("SELECT " SK_ENTITY_COLUMNS " FROM entities WHERE shop_id = ? AND change_seq > ? "
                                   "AND type IN (SELECT value FROM json_each(?)) ORDER BY change_seq LIMIT ?",
                                   [&](SqliteStatement &s) {
                                       s.bindAll(shopId, afterSeq);
                                       s.bindUtf8(3, typesJson);
                                       s.bind(4, qint64(limit) + 1);
                                   },
                                   limit, &page.hasMore));
    page.rows = std::move(rows);
    return page;
}

Result<EntityPage> SqliteServerStorage::listEntities(const QString &shopId, const QString &type, qint64 updatedAfter,
                                                     std::optional<std::pair<qint64, QString>> after, int limit,
                                                     const QString &parentId)
{
    EntityPage page;
    limit = std::max(limit, 0);
    // No position yet: start before every (updated_at, id).
    const qint64 afterTime = after ? after->first : std::numeric_limits<qint64>::min();
    const QString afterId = after ? text(after->second) : QStringLiteral("");
    auto bind = [&](SqliteStatement &s) {
        s.bindAll(shopId, type, updatedAfter, afterTime, afterId, qint64(limit) + 1);
        if (!parentId.isEmpty())
            s.bind(7, parentId);
    };
    if (parentId.isEmpty()) {
        SK_TRY_ASSIGN(rows, entityRows("SELECT " SK_ENTITY_COLUMNS " FROM entities WHERE shop_id = ?1 AND type = ?2 "
                                       "AND updated_at > ?3 AND (updated_at, id) > (?4, ?5) AND deleted = 0 "
                                       "ORDER BY updated_at, id LIMIT ?6",
                                       bind, limit, &page.hasMore));
        page.rows = std::move(rows);
    } else {
        SK_TRY_ASSIGN(rows, entityRows("SELECT " SK_ENTITY_COLUMNS " FROM entities WHERE shop_id = ?1 AND type = ?2 "
                                       "AND parent_id = ?7 AND updated_at > ?3 AND (updated_at, id) > (?4, ?5) "
                                       "AND deleted = 0 ORDER BY updated_at, id LIMIT ?6",
                                       bind, limit, &page.hasMore));
        page.rows = std::move(rows);
    }
    return page;
}

Result<qint64> SqliteServerStorage::maxChangeSeq(const QString &shopId)
{
    SK_TRY_ASSIGN(s, m_db->cached("SELECT max(coalesce((SELECT max(change_seq) FROM entities WHERE shop_id = ?1), 0), "
                                  "coalesce((SELECT purged_through_seq FROM shops WHERE shop_id = ?1), 0))"));
    ResetOnExit done(s);
    s->bind(1, shopId);
    SK_TRY_ASSIGN(row, s->step());
    return row ? s->int64(0) : 0;
}

Result<qint64> SqliteServerStorage::purgeTombstones(const QString &shopId, qint64 before)
{
    return inWrite<qint64>([&]() -> Result<qint64> {
        qint64 count = 0;
        qint64 highest = 0;
        {
            SK_TRY_ASSIGN(s, m_db->cached("SELECT count(*), coalesce(max(change_seq), 0) FROM entities "
                                          "WHERE shop_id = ? AND deleted = 1 AND updated_at < ?"));
            ResetOnExit done(s);
            s->bindAll(shopId, before);
            SK_TRY_ASSIGN(row, s->step());
            if (row) {
                count = s->int64(0);
                highest = s->int64(1);
            }
        }
        if (count == 0)
            return qint64(0);
        SK_TRY_ASSIGN(drop, m_db->cached("DELETE FROM entities WHERE shop_id = ? AND deleted = 1 AND updated_at < ?"));
        drop->bindAll(shopId, before);
        SK_TRY(drop->exec());
        SK_TRY_ASSIGN(mark, m_db->cached("UPDATE shops SET purged_through_seq = max(purged_through_seq, ?) "
                                         "WHERE shop_id = ?"));
        mark->bindAll(highest, shopId);
        SK_TRY(mark->exec());
        qCInfo(lcStore) << "purged" << count << "tombstones of shop" << shopId << "through change" << highest;
        return count;
    });
}

// --- sync clients and mutation results --------------------------------------------------------

Result<void> SqliteServerStorage::insertClient(const SyncClientRecord &c)
{
    SK_TRY_ASSIGN(s, m_db->cached("INSERT INTO sync_clients (shop_id, client_id, user_id, last_applied_seq, created_at) "
                                  "VALUES (?, ?, ?, ?, ?)"));
    s->bindAll(c.shopId, c.clientId, text(c.userId), c.lastAppliedSeq, c.createdAt);
    auto done = s->exec();
    if (!done.ok()) {
        return asConflict(done.error(), QStringLiteral("conflict.client_owned"),
                          QCoreApplication::translate("SqliteServerStorage", "This client id is already registered."));
    }
    return {};
}

Result<std::optional<SyncClientRecord>> SqliteServerStorage::client(const QString &shopId, const QString &clientId)
{
    SK_TRY_ASSIGN(s, m_db->cached("SELECT shop_id, client_id, user_id, last_applied_seq, created_at FROM sync_clients "
                                  "WHERE shop_id = ? AND client_id = ?"));
    ResetOnExit done(s);
    s->bindAll(shopId, clientId);
    SK_TRY_ASSIGN(row, s->step());
    if (!row)
        return std::optional<SyncClientRecord>();
    return std::optional<SyncClientRecord>(SyncClientRecord{s->text(0), s->text(1), s->text(2), s->int64(3), s->int64(4)});
}

Result<void> SqliteServerStorage::setLastAppliedSeq(const QString &shopId, const QString &clientId, qint64 seq)
{
    SK_TRY_ASSIGN(s, m_db->cached("UPDATE sync_clients SET last_applied_seq = ? WHERE shop_id = ? AND client_id = ?"));
    s->bindAll(seq, shopId, clientId);
    SK_TRY(s->exec());
    if (m_db->changes() == 0) {
        return notFound(QStringLiteral("not_found.client"),
                        QCoreApplication::translate("SqliteServerStorage", "This client is not registered."), clientId);
    }
    return {};
}

Result<void> SqliteServerStorage::insertMutationResult(const MutationResultRecord &r)
{
    SK_TRY_ASSIGN(s, m_db->cached("INSERT INTO mutation_results (shop_id, client_id, seq, mutation_id, name, status, "
                                  "code, result, applied_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    s->bindAll(r.shopId, r.clientId, r.seq, text(r.mutationId), text(r.name), text(r.status), text(r.code));
    s->bindUtf8(8, compact(r.result));
    s->bind(9, r.appliedAt);
    auto done = s->exec();
    if (!done.ok()) {
        return asConflict(done.error(), QStringLiteral("conflict.exists"),
                          QCoreApplication::translate("SqliteServerStorage",
                                                      "A result for this mutation is already stored, or the result "
                                                      "is not valid."));
    }
    return {};
}

Result<std::optional<MutationResultRecord>> SqliteServerStorage::mutationResult(const QString &shopId,
                                                                               const QString &clientId, qint64 seq)
{
    SK_TRY_ASSIGN(s, m_db->cached("SELECT shop_id, client_id, seq, mutation_id, name, status, code, result, applied_at "
                                  "FROM mutation_results WHERE shop_id = ? AND client_id = ? AND seq = ?"));
    ResetOnExit done(s);
    s->bindAll(shopId, clientId, seq);
    SK_TRY_ASSIGN(row, s->step());
    if (!row)
        return std::optional<MutationResultRecord>();
    MutationResultRecord r;
    r.shopId = s->text(0);
    r.clientId = s->text(1);
    r.seq = s->int64(2);
    r.mutationId = s->text(3);
    r.name = s->text(4);
    r.status = s->text(5);
    r.code = s->text(6);
    SK_TRY_ASSIGN(result, jsonColumn(*s, 7));
    r.result = std::move(result);
    r.appliedAt = s->int64(8);
    return std::optional<MutationResultRecord>(std::move(r));
}

// --- stats ------------------------------------------------------------------------------------

Result<QJsonObject> SqliteServerStorage::stats()
{
    QJsonObject out;
    SK_TRY(read([&]() -> Result<void> {
        auto count = [&](const char *sql, const QString &shopId = {}) -> Result<qint64> {
            SK_TRY_ASSIGN(s, m_db->cached(sql));
            ResetOnExit done(s);
            if (!shopId.isNull())
                s->bind(1, shopId);
            SK_TRY_ASSIGN(row, s->step());
            return row ? s->int64(0) : 0;
        };
        SK_TRY_ASSIGN(version, m_db->userVersion());
        SK_TRY_ASSIGN(pages, count("PRAGMA page_count"));
        SK_TRY_ASSIGN(pageSize, count("PRAGMA page_size"));
        SK_TRY_ASSIGN(seq, count("SELECT value FROM change_counter WHERE singleton = 1"));
        SK_TRY_ASSIGN(users, count("SELECT count(*) FROM users"));
        SK_TRY_ASSIGN(refreshTokens, count("SELECT count(*) FROM refresh_tokens"));
        out.insert(QStringLiteral("schema_version"), version);
        out.insert(QStringLiteral("file_bytes"), pages * pageSize);
        out.insert(QStringLiteral("change_seq"), seq);
        out.insert(QStringLiteral("users"), users);
        out.insert(QStringLiteral("refresh_tokens"), refreshTokens);

        SK_TRY_ASSIGN(all, shops());
        QJsonArray shopList;
        for (const ShopRecord &shop : all) {
            QJsonObject o;
            o.insert(QStringLiteral("id"), shop.id);
            o.insert(QStringLiteral("name"), shop.settings.name);
            o.insert(QStringLiteral("currency"), shop.settings.currency);
            o.insert(QStringLiteral("next_order_number"), shop.nextOrderNumber);
            o.insert(QStringLiteral("purged_through_seq"), shop.purgedThroughSeq);
            SK_TRY_ASSIGN(members, count("SELECT count(*) FROM memberships WHERE shop_id = ?", shop.id));
            SK_TRY_ASSIGN(apiTokens, count("SELECT count(*) FROM api_tokens WHERE shop_id = ?", shop.id));
            SK_TRY_ASSIGN(clients, count("SELECT count(*) FROM sync_clients WHERE shop_id = ?", shop.id));
            SK_TRY_ASSIGN(results, count("SELECT count(*) FROM mutation_results WHERE shop_id = ?", shop.id));
            SK_TRY_ASSIGN(tombstones, count("SELECT count(*) FROM entities WHERE shop_id = ? AND deleted = 1", shop.id));
            SK_TRY_ASSIGN(maxSeq, maxChangeSeq(shop.id));
            o.insert(QStringLiteral("members"), members);
            o.insert(QStringLiteral("api_tokens"), apiTokens);
            o.insert(QStringLiteral("sync_clients"), clients);
            o.insert(QStringLiteral("mutation_results"), results);
            o.insert(QStringLiteral("tombstones"), tombstones);
            o.insert(QStringLiteral("max_change_seq"), maxSeq);

            SK_TRY_ASSIGN(s, m_db->cached("SELECT type, count(*) FROM entities WHERE shop_id = ? AND deleted = 0 "
                                          "GROUP BY type ORDER BY type"));
            ResetOnExit done(s);
            s->bind(1, shop.id);
            QJsonObject entities;
            for (;;) {
                SK_TRY_ASSIGN(row, s->step());
                if (!row)
                    break;
                entities.insert(s->text(0), s->int64(1));
            }
            o.insert(QStringLiteral("entities"), entities);
            shopList.append(o);
        }
        out.insert(QStringLiteral("shops"), shopList);
        return {};
    }));
    return out;
}

} // namespace sk::server
