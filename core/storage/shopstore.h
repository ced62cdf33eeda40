#pragma once

#include "storage/sqlitedatabase.h"
#include "storage/sqlitetransaction.h"
#include "util/result.h"

#include <QMutex>
#include <QString>

#include <memory>
#include <type_traits>

namespace sk {

// Whose cache a file is. One file per (server, shop, user), so one shop's queued edits can
// never be sent with another shop's or another user's token.
struct StoreIdentity
{
    QString serverUrl;
    QString shopId;
    QString userId;

    bool operator==(const StoreIdentity &) const = default;
};

// The local cache of one shop: one SQLite file in WAL mode.
//
// Threading rule: every write goes through write(), which serialises on the one writer
// connection and runs in a BEGIN IMMEDIATE transaction. Readers open their own read-only
// connection per thread (openReader()); under WAL they never wait for the writer.
class ShopStore
{
public:
    // The file name for an identity inside a profile directory.
    static QString fileNameFor(const StoreIdentity &identity);

    // Opens or creates the file, refuses one written by a newer build (untouched), turns on
    // WAL and synchronous=FULL, migrates, and checks the file belongs to `identity`.
    static Result<std::unique_ptr<ShopStore>> open(const QString &path, const StoreIdentity &identity);
    // Whose cache an existing file is, read without changing it. Errors: "store.not_found",
    // "store.no_identity" (not a shop file), or the SQLite error opening it.
    static Result<StoreIdentity> readIdentity(const QString &path);

    ~ShopStore();

    const StoreIdentity &identity() const { return m_identity; }
    QString path() const { return m_path; }

    // Runs fn(SqliteDatabase &) in one write transaction. fn returns Result<T>; an error, or
    // anything thrown, rolls the whole transaction back.
    template <typename Fn>
    auto write(Fn &&fn) -> std::invoke_result_t<Fn, SqliteDatabase &>
    {
        QMutexLocker lock(&m_writeMutex);
        auto tx = SqliteTransaction::begin(*m_writer);
        if (!tx.ok())
            return tx.error();
        auto result = fn(*m_writer);
        if (!result.ok())
            return result; // the transaction guard rolls back
        auto committed = tx->commit();
        if (!committed.ok())
            return committed.error();
        return result;
    }

    // For bulk loaders that manage their own transactions (the demo generator):
    // holds the writer lock for the lifetime of the returned guard.
    class WriterLock
    {
    public:
        explicit WriterLock(ShopStore &store) : m_lock(&store.m_writeMutex), m_db(*store.m_writer) {}
        SqliteDatabase &db() { return m_db; }

    private:
        QMutexLocker<QMutex> m_lock;
        SqliteDatabase &m_db;
    };

    // A new read-only connection for the calling thread.
    Result<std::unique_ptr<SqliteDatabase>> openReader() const;

private:
    ShopStore(QString path, StoreIdentity identity, std::unique_ptr<SqliteDatabase> writer);

    QString m_path;
    StoreIdentity m_identity;
    QMutex m_writeMutex;
    std::unique_ptr<SqliteDatabase> m_writer;
};

} // namespace sk
