#include "shopstore.h"

#include "storage/schemamigrator.h"
#include "util/logging.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFileInfo>

namespace sk {

namespace {

Result<QString> metaValue(SqliteDatabase &db, const char *key)
{
    SK_TRY_ASSIGN(stmt, db.cached("SELECT value FROM store_meta WHERE key = ?"));
    stmt->bind(1, key);
    SK_TRY_ASSIGN(hasRow, stmt->step());
    return hasRow ? stmt->text(0) : QString();
}

Result<void> setMetaValue(SqliteDatabase &db, const char *key, const QString &value)
{
    SK_TRY_ASSIGN(stmt, db.cached("INSERT INTO store_meta (key, value) VALUES (?, ?) "
                                  "ON CONFLICT (key) DO UPDATE SET value = excluded.value"));
    stmt->bind(1, key).bind(2, value);
    return stmt->exec();
}

Result<void> claimOrCheckIdentity(SqliteDatabase &db, const StoreIdentity &identity, const QString &path)
{
    SK_TRY_ASSIGN(tx, SqliteTransaction::begin(db));
    SK_TRY_ASSIGN(server, metaValue(db, "server_url"));
    SK_TRY_ASSIGN(shop, metaValue(db, "shop_id"));
    SK_TRY_ASSIGN(user, metaValue(db, "user_id"));
    if (server.isNull() && shop.isNull() && user.isNull()) {
        SK_TRY(setMetaValue(db, "server_url", identity.serverUrl));
        SK_TRY(setMetaValue(db, "shop_id", identity.shopId));
        SK_TRY(setMetaValue(db, "user_id", identity.userId));
        return tx.commit();
    }
    const StoreIdentity stored{server, shop, user};
    if (stored != identity) {
        return makeError(QStringLiteral("store.identity_mismatch"),
                         QCoreApplication::translate("ShopStore",
                                                     "The shop file %1 belongs to shop %2 of user %3 on %4, "
                                                     "not to shop %5 of user %6 on %7.")
                             .arg(path, stored.shopId, stored.userId, stored.serverUrl, identity.shopId,
                                  identity.userId, identity.serverUrl));
    }
    return tx.commit();
}

} // namespace

QString ShopStore::fileNameFor(const StoreIdentity &identity)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(identity.serverUrl.toUtf8());
    hash.addData(QByteArrayView("\n"));
    hash.addData(identity.shopId.toUtf8());
    hash.addData(QByteArrayView("\n"));
    hash.addData(identity.userId.toUtf8());
    return QStringLiteral("shop-%1.sqlite").arg(QString::fromLatin1(hash.result().toHex().left(24)));
}

ShopStore::ShopStore(QString path, StoreIdentity identity, std::unique_ptr<SqliteDatabase> writer)
    : m_path(std::move(path)), m_identity(std::move(identity)), m_writer(std::move(writer))
{
}

ShopStore::~ShopStore() = default;

Result<StoreIdentity> ShopStore::readIdentity(const QString &path)
{
    if (!QFileInfo::exists(path)) {
        return makeError(QStringLiteral("store.not_found"),
                         QCoreApplication::translate("ShopStore", "There is no shop file %1.").arg(path));
    }
    SK_TRY_ASSIGN(db, SqliteDatabase::open(path, SqliteDatabase::Mode::ReadOnly));
    SK_TRY_ASSIGN(server, metaValue(*db, "server_url"));
    SK_TRY_ASSIGN(shop, metaValue(*db, "shop_id"));
    SK_TRY_ASSIGN(user, metaValue(*db, "user_id"));
    if (shop.isEmpty()) {
        return makeError(QStringLiteral("store.no_identity"),
                         QCoreApplication::translate("ShopStore", "The file %1 is not a Storekeep shop file.").arg(path));
    }
    return StoreIdentity{server, shop, user};
}

Result<std::unique_ptr<ShopStore>> ShopStore::open(const QString &path, const StoreIdentity &identity)
{
    SK_TRY_ASSIGN(db, SqliteDatabase::open(path, SqliteDatabase::Mode::ReadWriteCreate));
    // Check before anything writes: switching to WAL alone would rewrite the header of a
    // file that a newer build owns.
    SK_TRY(SchemaMigrator::checkVersion(*db));
    // For a new file only (an existing one keeps its size): orders of about a kilobyte with
    // their addresses fill 4 KiB pages with a few rows each, and the first sync, which writes
    // the whole shop, spends a quarter less time in its swap with 8 KiB (scripts/bench).
    SK_TRY(db->exec("PRAGMA page_size=8192"));
    SK_TRY_ASSIGN(mode, db->prepare("PRAGMA journal_mode=WAL"));
    SK_TRY_ASSIGN(hasRow, mode.step());
    if (!hasRow || mode.text(0).compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0) {
        return makeError(QStringLiteral("store.no_wal"),
                         QCoreApplication::translate("ShopStore", "The shop file %1 cannot use write-ahead logging.")
                             .arg(path));
    }
    mode = SqliteStatement();
    // In WAL mode NORMAL can lose the last commits on power loss; queued edits must survive.
    SK_TRY(db->exec("PRAGMA synchronous=FULL"));
    SK_TRY(SchemaMigrator::migrate(*db));
    SK_TRY(claimOrCheckIdentity(*db, identity, path));
    qCDebug(lcStore) << "opened" << path;
    return std::unique_ptr<ShopStore>(new ShopStore(QFileInfo(path).absoluteFilePath(), identity, std::move(db)));
}

Result<std::unique_ptr<SqliteDatabase>> ShopStore::openReader() const
{
    SK_TRY_ASSIGN(db, SqliteDatabase::open(m_path, SqliteDatabase::Mode::ReadOnly));
    return db;
}

} // namespace sk
