#include "auth/secretstore.h"

#include "util/uuidv7.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QMutexLocker>
#include <QThread>
#include <QWaitCondition>

#include <qt6keychain/keychain.h>

#include <functional>
#include <memory>

using namespace Qt::StringLiterals;

namespace sk {

namespace {

// A keychain may show an unlock prompt: give the person time to answer it.
constexpr int KeychainTimeoutMs = 120'000;

Error unavailable(const QString &why)
{
    return makeError(u"secret.unavailable"_s,
                     QCoreApplication::translate("sk::SecretStore", "The system keychain cannot be used (%1). Storekeep keeps sign-in tokens only there: "
                        "start or unlock the keychain, then sign in again.")
                         .arg(why));
}

Error notFound(const QString &key)
{
    return makeError(u"secret.not_found"_s, QCoreApplication::translate("sk::SecretStore", "The keychain holds no secret for %1.").arg(key));
}

struct JobOutcome
{
    QKeychain::Error error = QKeychain::OtherError;
    QString message;
    QByteArray data;
};

// The answer of one job, handed from the keychain thread to the waiting caller.
struct PendingJob
{
    QMutex mutex;
    QWaitCondition done;
    bool finished = false;
    JobOutcome outcome;
};

// Every QtKeychain job runs on this one thread, which always runs an event loop.
//
// Why not a local QEventLoop in the caller: QtKeychain queues jobs through a process-wide
// JobExecutor QObject that lives in the thread of the very first job and is not thread-safe.
// Jobs finishing in another thread notify it through queued calls, so when that first thread
// is busy, blocked or gone (a sync worker that ended), every later job waits forever. Running
// all jobs on a thread of our own keeps QtKeychain single-threaded; libsecret's async calls
// complete on this thread's GLib main context, which its event dispatcher iterates.
class KeychainThread
{
public:
    static KeychainThread &instance()
    {
        static KeychainThread thread;
        return thread;
    }

    ~KeychainThread() { stop(); }

    // Runs the job made by makeJob (on the keychain thread) and waits for its outcome.
    JobOutcome run(std::function<QKeychain::Job *()> makeJob)
    {
        QObject *context = contextObject();
        if (!context)
            return {QKeychain::OtherError, QCoreApplication::translate("sk::SecretStore", "the application is shutting down"), {}};
        if (QThread::currentThread() == context->thread())
            return {QKeychain::OtherError, QCoreApplication::translate("sk::SecretStore", "a keychain call was made from inside a keychain call"), {}};

        auto pending = std::make_shared<PendingJob>();
        QMetaObject::invokeMethod(
            context,
            [pending, makeJob = std::move(makeJob)] {
                QKeychain::Job *job = makeJob();
                job->setAutoDelete(false);
                QObject::connect(job, &QKeychain::Job::finished, job, [pending](QKeychain::Job *finishedJob) {
                    JobOutcome outcome{finishedJob->error(), finishedJob->errorString(), {}};
                    if (auto *read = qobject_cast<QKeychain::ReadPasswordJob *>(finishedJob))
                        outcome.data = read->binaryData();
                    {
                        QMutexLocker lock(&pending->mutex);
                        pending->outcome = std::move(outcome);
                        pending->finished = true;
                    }
                    pending->done.wakeAll();
                    finishedJob->deleteLater();
                });
                job->start();
            },
            Qt::QueuedConnection);

        QMutexLocker lock(&pending->mutex);
        QDeadlineTimer deadline(KeychainTimeoutMs);
        while (!pending->finished) {
            if (!pending->done.wait(&pending->mutex, deadline)) {
                return {QKeychain::OtherError,
                        QCoreApplication::translate("sk::SecretStore", "the keychain did not answer within %1 seconds").arg(KeychainTimeoutMs / 1000), {}};
            }
        }
        return pending->outcome;
    }

    void stop()
    {
        QMutexLocker lock(&m_mutex);
        m_stopped = true;
        if (m_thread) {
            m_thread->quit();
            m_thread->wait();
            m_thread.reset();
            m_context = nullptr; // deleted by the thread's finished signal
        }
    }

private:
    KeychainThread() = default;

    QObject *contextObject()
    {
        QMutexLocker lock(&m_mutex);
        if (m_stopped)
            return nullptr;
        if (!m_thread) {
            m_thread = std::make_unique<QThread>();
            m_thread->setObjectName(u"storekeep-keychain"_s);
            m_context = new QObject;
            m_context->moveToThread(m_thread.get());
            QObject::connect(m_thread.get(), &QThread::finished, m_context, &QObject::deleteLater);
            m_thread->start();
            // Stop it while Qt is still whole (before static destructors run).
            if (QCoreApplication::instance())
                qAddPostRoutine([] { KeychainThread::instance().stop(); });
        }
        return m_context;
    }

    QMutex m_mutex;
    std::unique_ptr<QThread> m_thread;
    QObject *m_context = nullptr;
    bool m_stopped = false;
};

// Maps QtKeychain's errors; EntryNotFound is left to the caller (it means different things).
Error keychainError(const JobOutcome &outcome)
{
    const QString why = outcome.message.isEmpty() ? QCoreApplication::translate("sk::SecretStore", "error %1").arg(int(outcome.error)) : outcome.message;
    return unavailable(why);
}

} // namespace

// ---- KeychainSecretStore ---------------------------------------------------------------------

KeychainSecretStore::KeychainSecretStore(QString service) : m_service(std::move(service)) {}

Result<QByteArray> KeychainSecretStore::read(const QString &key)
{
    const QString service = m_service;
    const JobOutcome outcome = KeychainThread::instance().run([service, key]() -> QKeychain::Job * {
        auto *job = new QKeychain::ReadPasswordJob(service);
        job->setKey(key);
        return job;
    });
    if (outcome.error == QKeychain::NoError)
        return outcome.data;
    if (outcome.error == QKeychain::EntryNotFound)
        return notFound(key);
    return keychainError(outcome);
}

Result<void> KeychainSecretStore::write(const QString &key, const QByteArray &secret)
{
    const QString service = m_service;
    const JobOutcome outcome = KeychainThread::instance().run([service, key, secret]() -> QKeychain::Job * {
        auto *job = new QKeychain::WritePasswordJob(service);
        job->setKey(key);
        job->setBinaryData(secret);
        return job;
    });
    if (outcome.error == QKeychain::NoError)
        return {};
    return keychainError(outcome);
}

Result<void> KeychainSecretStore::remove(const QString &key)
{
    const QString service = m_service;
    const JobOutcome outcome = KeychainThread::instance().run([service, key]() -> QKeychain::Job * {
        auto *job = new QKeychain::DeletePasswordJob(service);
        job->setKey(key);
        return job;
    });
    if (outcome.error == QKeychain::NoError || outcome.error == QKeychain::EntryNotFound)
        return {};
    return keychainError(outcome);
}

Result<void> KeychainSecretStore::checkAvailable()
{
    // A unique key, so concurrent probes (GUI and CLI) never trip over each other.
    const QString key = u"storekeep-probe-"_s + UuidV7::toText(UuidV7::create());
    const QByteArray probe = UuidV7::toText(UuidV7::create()).toLatin1();
    SK_TRY(write(key, probe));
    const Result<QByteArray> back = read(key);
    const Result<void> removed = remove(key);
    if (!back.ok()) {
        if (back.error().code == u"secret.not_found")
            return unavailable(QCoreApplication::translate("sk::SecretStore", "a secret just written could not be read back"));
        return back.error();
    }
    if (*back != probe)
        return unavailable(QCoreApplication::translate("sk::SecretStore", "a secret just written was read back changed"));
    if (!removed.ok())
        return removed.error();
    return {};
}

// ---- MemorySecretStore -----------------------------------------------------------------------

Result<QByteArray> MemorySecretStore::read(const QString &key)
{
    QMutexLocker lock(&m_mutex);
    if (!m_available)
        return unavailable(QCoreApplication::translate("sk::SecretStore", "the test store is switched off"));
    const auto it = m_secrets.constFind(key);
    if (it == m_secrets.cend())
        return notFound(key);
    return *it;
}

Result<void> MemorySecretStore::write(const QString &key, const QByteArray &secret)
{
    QMutexLocker lock(&m_mutex);
    if (!m_available)
        return unavailable(QCoreApplication::translate("sk::SecretStore", "the test store is switched off"));
    m_secrets.insert(key, secret);
    return {};
}

Result<void> MemorySecretStore::remove(const QString &key)
{
    QMutexLocker lock(&m_mutex);
    if (!m_available)
        return unavailable(QCoreApplication::translate("sk::SecretStore", "the test store is switched off"));
    m_secrets.remove(key);
    return {};
}

Result<void> MemorySecretStore::checkAvailable()
{
    QMutexLocker lock(&m_mutex);
    if (!m_available)
        return unavailable(QCoreApplication::translate("sk::SecretStore", "the test store is switched off"));
    return {};
}

int MemorySecretStore::size() const
{
    QMutexLocker lock(&m_mutex);
    return int(m_secrets.size());
}

} // namespace sk
