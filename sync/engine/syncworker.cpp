#include "engine/syncworker.h"

#include "engine/backoff.h"
#include "local/stagingstore.h"
#include "storage/shopstore.h"
#include "synclogging.h"

#include <QMetaObject>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace sk {

class SyncWorker::Runner : public QObject
{
public:
    Runner(SyncWorker *owner, ShopStore &store, AuthSession &auth, QString shopId, Options options)
        : m_owner(owner)
        , m_store(store)
        , m_options(options)
        , m_engine(store, auth, std::move(shopId), options.engine)
        , m_lock(store.path() + u".sync-lock"_s)
        , m_backoff(2'000, options.offlineRetryCapMs)
    {
        m_lock.setStaleLockTime(0); // a crashed owner's lock is detected by its dead pid
    }

    void init()
    {
        m_debounce = new QTimer(this);
        m_debounce->setSingleShot(true);
        connect(m_debounce, &QTimer::timeout, this, [this] { runNow(); });
        m_next = new QTimer(this);
        m_next->setSingleShot(true);
        connect(m_next, &QTimer::timeout, this, [this] { runNow(); });
        runNow();
    }

    void requestSync() { m_debounce->start(m_options.debounceMs); }

    void runNow()
    {
        m_debounce->stop();
        m_next->stop();
        if (!m_lock.isLocked() && !m_lock.tryLock(0)) {
            m_passive = true;
            publish(SyncStatus::State::Passive);
            m_next->start(m_options.intervalMs);
            return;
        }
        m_passive = false;
        publish(SyncStatus::State::Syncing);
        const Result<SyncReport> result = m_engine.syncOnce(&m_cancel);
        if (m_cancel.isCancelled())
            return;
        if (result.ok()) {
            m_backoff.reset();
            emit m_owner->syncFinished(*result, QString());
            publish(std::nullopt);
            if (result->initialSync) {
                // The downloaded shop sits in the WAL; into the file with it, now that it shows.
                const Result<void> checkpointed = StagingStore::checkpointWal(m_store);
                if (!checkpointed.ok())
                    qCWarning(lcSyncEngine).noquote() << "checkpoint failed:" << checkpointed.error().toString();
            }
            m_next->start(m_options.intervalMs);
            return;
        }
        qCInfo(lcSyncEngine).noquote() << "sync stopped:" << result.error().toString();
        emit m_owner->syncFinished(SyncReport{}, result.error().message);
        publish(std::nullopt);
        if (result.error().code == "sync.offline"_L1 || SyncEngine::isTransient(result.error()))
            m_next->start(int(m_backoff.nextDelayMs()));
        else if (result.error().code != "auth.signed_out"_L1)
            m_next->start(m_options.intervalMs); // forbidden / upgrade: look again later, slowly
    }

    void publish(std::optional<SyncStatus::State> state)
    {
        auto status = m_engine.status();
        if (!status.ok())
            return;
        if (state)
            status->state = *state;
        emit m_owner->statusChanged(*status);
    }

    void shutdown()
    {
        delete m_debounce;
        delete m_next;
        m_debounce = m_next = nullptr;
        if (m_lock.isLocked())
            m_lock.unlock();
    }

    bool isActive() const { return m_lock.isLocked(); }

    CancelFlag m_cancel;

private:
    SyncWorker *m_owner;
    ShopStore &m_store;
    Options m_options;
    SyncEngine m_engine;
    QLockFile m_lock;
    Backoff m_backoff;
    QTimer *m_debounce = nullptr;
    QTimer *m_next = nullptr;
    bool m_passive = false;
};

SyncWorker::SyncWorker(ShopStore &store, AuthSession &auth, QString shopId, Options options)
{
    m_runner = new Runner(this, store, auth, std::move(shopId), options);
    m_runner->moveToThread(&m_thread);
    m_thread.setObjectName(u"storekeep-sync"_s);
}

SyncWorker::~SyncWorker()
{
    stop();
    delete m_runner;
}

void SyncWorker::start()
{
    if (m_thread.isRunning())
        return;
    m_runner->m_cancel.reset();
    m_thread.start();
    QMetaObject::invokeMethod(m_runner, [r = m_runner] { r->init(); }, Qt::QueuedConnection);
}

void SyncWorker::stop()
{
    if (!m_thread.isRunning())
        return;
    m_runner->m_cancel.cancel();
    QMetaObject::invokeMethod(m_runner, [r = m_runner] { r->shutdown(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

bool SyncWorker::isActive() const
{
    return m_runner->isActive();
}

void SyncWorker::requestSync()
{
    QMetaObject::invokeMethod(m_runner, [r = m_runner] { r->requestSync(); }, Qt::QueuedConnection);
}

void SyncWorker::syncNow()
{
    QMetaObject::invokeMethod(m_runner, [r = m_runner] { r->runNow(); }, Qt::QueuedConnection);
}

} // namespace sk
