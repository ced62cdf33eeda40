#pragma once

#include "util/result.h"

#include <QFutureWatcher>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>

namespace sk {

class ShopStore;
class SyncWorker;
struct SyncReport;
struct SyncStatus;

// Carries out what the user chose for the edits that have not reached the server, before
// signing out or switching shop (the GUI side of `storekeep-cli logout --sync/--keep/--discard`).
// No widgets, and nothing blocks the calling thread: a sync runs on the SyncWorker's thread
// (SyncWorker::syncNow, then the worker's syncFinished and statusChanged say how it went), a
// discard on a pool thread. finished() is emitted exactly once per carryOut(), always queued.
class PendingEdits : public QObject
{
    Q_OBJECT

public:
    enum class Choice { SyncNow, KeepForLater, Discard, Cancel };
    Q_ENUM(Choice)

    struct Outcome
    {
        Choice choice = Choice::Cancel;
        bool proceed = false;  // the caller may now sign out or switch shop
        qint64 remaining = -1; // changes still not on the server; -1 when unknown
        qint64 issues = 0;     // open sync issues after a sync (refused changes are not "remaining")
        int discarded = 0;
        QString error;         // people-readable; empty when it went well
    };

    // The store must outlive this object. The worker may be null (then SyncNow is refused);
    // it must be started for SyncNow. Discard stops it first: after a discard the shop file
    // has a new sync client id, so the app must make a new worker to sync this file again.
    PendingEdits(ShopStore &store, SyncWorker *worker, QObject *parent = nullptr);
    // Waits for a discard in progress (a single transaction).
    ~PendingEdits() override;

    void carryOut(Choice choice);
    // Stops waiting for a sync (the sync itself goes on in the worker); finished() then reports
    // Cancel. A discard cannot be cancelled.
    void cancel();
    bool isRunning() const { return m_running; }

    // The edits of the file that are not acknowledged yet (one small read).
    static Result<qint64> pendingCount(const ShopStore &store);

signals:
    void finished(const sk::PendingEdits::Outcome &outcome);

private:
    void startSync();
    void onSyncFinished(const sk::SyncReport &report, const QString &errorMessage);
    void onStatus(const sk::SyncStatus &status);
    void runInPool(std::function<Outcome()> job);
    void finish(const Outcome &outcome);
    void disconnectWorker();

    ShopStore &m_store;
    QPointer<SyncWorker> m_worker;
    QFutureWatcher<Outcome> m_watcher;
    bool m_running = false;
    // SyncNow: a syncFinished was seen and its statusChanged is awaited.
    bool m_sawFinished = false;
    QString m_syncError;
    int m_round = 0;
};

} // namespace sk
