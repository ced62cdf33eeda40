#include "pendingedits.h"

#include "engine/syncworker.h"
#include "local/outbox.h"
#include "local/shopeditor.h"
#include "storage/shopstore.h"

#include <QMetaObject>
#include <QPromise>
#include <QThreadPool>

#include <memory>

using namespace Qt::StringLiterals;

namespace sk {

namespace {

// A sync that leaves changes behind (edits made while it ran) is repeated this many times.
constexpr int kMaxRounds = 3;

} // namespace

PendingEdits::PendingEdits(ShopStore &store, SyncWorker *worker, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_worker(worker)
{
    connect(&m_watcher, &QFutureWatcherBase::finished, this, [this] {
        if (m_watcher.future().resultCount() > 0)
            finish(m_watcher.result());
    });
}

PendingEdits::~PendingEdits()
{
    disconnectWorker();
    m_watcher.waitForFinished();
}

Result<qint64> PendingEdits::pendingCount(const ShopStore &store)
{
    SK_TRY_ASSIGN(reader, store.openReader());
    return Outbox::pendingCount(*reader);
}

void PendingEdits::carryOut(Choice choice)
{
    if (m_running) {
        qWarning("PendingEdits::carryOut: already running");
        return;
    }
    m_running = true;
    switch (choice) {
    case Choice::Cancel: {
        Outcome outcome;
        outcome.choice = Choice::Cancel;
        QMetaObject::invokeMethod(this, [this, outcome] { finish(outcome); }, Qt::QueuedConnection);
        return;
    }
    case Choice::KeepForLater:
        // The outbox stays as it is, in the shop's file, for the next session of this shop.
        runInPool([&store = m_store] {
            Outcome outcome;
            outcome.choice = Choice::KeepForLater;
            auto pending = pendingCount(store);
            outcome.proceed = true;
            outcome.remaining = pending.ok() ? *pending : -1;
            return outcome;
        });
        return;
    case Choice::Discard:
        // The worker must not push what is being discarded, nor keep using the old client id.
        if (m_worker)
            m_worker->stop();
        runInPool([&store = m_store] {
            Outcome outcome;
            outcome.choice = Choice::Discard;
            ShopEditor editor(store);
            auto discarded = editor.discardPending();
            if (!discarded.ok()) {
                outcome.error = tr("Could not discard the changes: %1").arg(discarded.error().message);
                auto pending = pendingCount(store);
                outcome.remaining = pending.ok() ? *pending : -1;
                return outcome;
            }
            outcome.proceed = true;
            outcome.discarded = *discarded;
            outcome.remaining = 0;
            return outcome;
        });
        return;
    case Choice::SyncNow:
        startSync();
        return;
    }
}

void PendingEdits::startSync()
{
    if (!m_worker) {
        Outcome outcome;
        outcome.choice = Choice::SyncNow;
        outcome.error = tr("Storekeep is not connected to the server for this shop, so the changes cannot be sent now.");
        QMetaObject::invokeMethod(this, [this, outcome] { finish(outcome); }, Qt::QueuedConnection);
        return;
    }
    m_round = 1;
    m_sawFinished = false;
    m_syncError.clear();
    connect(m_worker, &SyncWorker::syncFinished, this, &PendingEdits::onSyncFinished);
    connect(m_worker, &SyncWorker::statusChanged, this, &PendingEdits::onStatus);
    // If a sync is running already, this one is queued behind it; rounds cover edits it missed.
    m_worker->syncNow();
}

void PendingEdits::onSyncFinished(const SyncReport &report, const QString &errorMessage)
{
    Q_UNUSED(report)
    // The worker publishes its status right after this; the outcome is read from that status.
    m_sawFinished = true;
    m_syncError = errorMessage;
}

void PendingEdits::onStatus(const SyncStatus &status)
{
    Outcome outcome;
    outcome.choice = Choice::SyncNow;
    outcome.remaining = status.pending;
    outcome.issues = status.issues;
    if (status.state == SyncStatus::State::Passive) {
        outcome.error = tr("Another Storekeep window is syncing this shop. Sync there, or close it and try again.");
        finish(outcome);
        return;
    }
    if (!m_sawFinished)
        return; // the "syncing" status, or one from before
    m_sawFinished = false;
    if (!m_syncError.isEmpty()) {
        outcome.error = tr("The changes could not be sent: %1").arg(m_syncError);
        finish(outcome);
        return;
    }
    if (status.pending == 0) {
        outcome.proceed = true;
        finish(outcome);
        return;
    }
    if (m_round < kMaxRounds) {
        ++m_round;
        m_worker->syncNow();
        return;
    }
    outcome.error = tr("%n change(s) could not be sent yet.", nullptr, int(qMin<qint64>(status.pending, 1'000'000'000)));
    finish(outcome);
}

void PendingEdits::cancel()
{
    if (!m_running || m_watcher.isRunning())
        return;
    Outcome outcome;
    outcome.choice = Choice::Cancel;
    finish(outcome);
}

void PendingEdits::runInPool(std::function<Outcome()> job)
{
    auto promise = std::make_shared<QPromise<Outcome>>();
    m_watcher.setFuture(promise->future());
    promise->start();
    QThreadPool::globalInstance()->start([promise, job = std::move(job)] {
        promise->addResult(job());
        promise->finish();
    });
}

void PendingEdits::finish(const Outcome &outcome)
{
    if (!m_running)
        return;
    m_running = false;
    disconnectWorker();
    // A failed discard rolled back: the file still has its client id, so syncing may go on.
    if (outcome.choice == Choice::Discard && !outcome.proceed && m_worker)
        m_worker->start();
    emit finished(outcome);
}

void PendingEdits::disconnectWorker()
{
    if (m_worker)
        disconnect(m_worker, nullptr, this, nullptr);
}

} // namespace sk
