#pragma once

#include "engine/syncengine.h"

#include <QLockFile>
#include <QObject>
#include <QString>
#include <QThread>

#include <memory>

namespace sk {

class AuthSession;
class ShopStore;

// Runs one shop's SyncEngine on its own thread, on a schedule: shortly after an edit
// (debounced), every interval while online, again with backoff while offline (which is how a
// returning network is noticed), and on demand. Publishes SyncStatus for the status bar.
//
// One sync worker per shop file, across processes: it holds "<shop file>.sync-lock"
// (QLockFile). A second app instance on the same file becomes Passive: it never pushes, only
// reports status, and takes over when the first one exits.
class SyncWorker : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        int intervalMs = 60'000;
        int debounceMs = 1'500;
        qint64 offlineRetryCapMs = 120'000;
        SyncEngine::Options engine;
    };

    SyncWorker(ShopStore &store, AuthSession &auth, QString shopId, Options options);
    ~SyncWorker() override;

    void start();
    // Cancels a transfer in progress and waits for the thread to end.
    void stop();
    bool isActive() const;

public slots:
    void requestSync(); // debounced: call after each local edit
    void syncNow();

signals:
    void statusChanged(const sk::SyncStatus &status);
    void syncFinished(const sk::SyncReport &report, const QString &errorMessage);

private:
    class Runner;
    QThread m_thread;
    Runner *m_runner = nullptr; // lives on m_thread
};

} // namespace sk
