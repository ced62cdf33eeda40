#pragma once

#include "local/changefeedpage.h"
#include "net/httpclient.h"
#include "util/clock.h"
#include "util/result.h"

#include <QMetaType>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

namespace sk {

class AuthSession;
class ShopStore;
struct ChangesPage;
class StagingStore;

struct SyncReport
{
    int pushed = 0;       // mutations the server answered
    int applied = 0;
    int duplicates = 0;
    int rejected = 0;     // became sync issues
    int conflicts = 0;    // became sync issues
    int pulledChanges = 0;
    int pages = 0;
    int retries = 0;      // transient failures retried within this run
    bool initialSync = false; // the first sync (or a full resync) was downloaded and swapped in
    bool resync = false;      // the cursor had expired (410)
};

struct SyncProgress
{
    enum class Phase { Push, Pull, InitialSync, Waiting };
    Phase phase = Phase::Push;
    qint64 done = 0;
    qint64 total = -1; // -1 when unknown
};

// Where sync stands, for the status bar and `storekeep-cli status`.
struct SyncStatus
{
    enum class State { Idle, Syncing, Offline, SignedOut, Forbidden, UpgradeRequired, AccessLost, Passive };
    State state = State::Idle;
    qint64 pending = 0;          // edits not yet acknowledged by the server
    qint64 issues = 0;           // open sync issues
    std::optional<qint64> lastSyncedAt; // server time of the last successful pull
    bool initialSyncDone = false;
    QString lastError;           // people-readable; empty when fine

    static QString stateName(State state);
};

// The sync engine of one shop file: registers the client, pushes the outbox in seq order, pulls
// the change feed, downloads the first snapshot into staging. Blocking: it runs on the calling
// thread (the SyncWorker's thread in the app, the main thread in storekeep-cli), one HTTP call at
// a time, and every store change is one transaction.
//
// Error handling follows ../shared/docs/sync-protocol.md: outcome-unknown failures (transport,
// 408, 429, 5xx, partial results) are retried with the same seqs and ids after exponential backoff
// with full jitter (Retry-After honoured), up to Options::maxAttempts in one run; a 401 refreshes
// once (single-flight) and replays; 403, 426, a lost shop and a revoked session stop the run and
// keep the outbox; 413 splits the batch; per-mutation rejections become sync issues.
// Error codes of syncOnce(): "sync.offline" (transient failures outlasted the attempts; the
// detail has the last one), "auth.signed_out", "sync.forbidden", "sync.upgrade_required",
// "sync.shop_access_lost", "sync.out_of_order", "sync.bad_request", "sync.cancelled", and store errors.
class SyncEngine
{
public:
    struct Options
    {
        int batchSize = 100;
        qint64 batchBytes = 1024 * 1024 - 4096; // the server caps bodies at 1 MiB
        int pageLimit = 1000;
        int maxAttempts = 6;
        qint64 backoffBaseMs = 500;
        qint64 backoffCapMs = 30'000;
        quint32 backoffSeed = 0; // 0: random
        HttpClient::Options http;
    };

    SyncEngine(ShopStore &store, AuthSession &auth, QString shopId);
    SyncEngine(ShopStore &store, AuthSession &auth, QString shopId, Options options,
               const Clock &clock = Clock::system());
    ~SyncEngine();

    using ProgressFn = std::function<void(const SyncProgress &)>;
    void setProgressCallback(ProgressFn fn) { m_progress = std::move(fn); }

    // Push everything pending, then pull until the feed has no more (the first time, or after a
    // 410, into staging and swapped in).
    Result<SyncReport> syncOnce(const CancelFlag *cancel = nullptr);
    Result<SyncReport> pushOnly(const CancelFlag *cancel = nullptr);
    Result<SyncReport> pullOnly(const CancelFlag *cancel = nullptr);

    Result<SyncStatus> status();

    static bool isTransient(const Error &error);

private:
    Result<void> ensureClient();
    Result<void> pushAll(SyncReport &report, const CancelFlag *cancel);
    Result<void> pullAll(SyncReport &report, const CancelFlag *cancel);
    Result<void> initialSync(SyncReport &report, const CancelFlag *cancel);
    // The change feed from `cursor` to its last page, into the staging tables.
    Result<void> download(StagingStore &staging, const QString &cursor, SyncReport &report, const CancelFlag *cancel);
    Result<ChangesPage> fetchPage(HttpClient &http, const QString &cursor);
    Result<ChangeFeedPage> fetchFeedPage(HttpClient &http, const QString &cursor,
                                         const std::shared_ptr<ChangeFeedPage::ParserPool> &parsers = {});
    Result<HttpResponse> call(const QByteArray &method, const QString &path, const QByteArray &body = {});
    Result<HttpResponse> call(HttpClient &http, const QByteArray &method, const QString &path,
                              const QByteArray &body = {});
    Result<void> retrying(const std::function<Result<void>()> &step, SyncReport &report, const CancelFlag *cancel);
    Error statusError(const HttpResponse &response) const;
    Result<SyncReport> run(bool push, bool pull, const CancelFlag *cancel);
    void emitProgress(SyncProgress::Phase phase, qint64 done, qint64 total = -1);
    QString shopPath(const QString &rest) const;

    ShopStore &m_store;
    AuthSession &m_auth;
    QString m_shopId;
    Options m_options;
    const Clock &m_clock;
    HttpClient m_http;
    std::unique_ptr<HttpClient> m_prefetchHttp; // the first sync fetches page N+1 while applying page N
    ProgressFn m_progress;
    QString m_clientId;
    bool m_registered = false;
    const CancelFlag *m_cancel = nullptr;
    std::atomic<qint64> m_retryAfterMs{-1};
    SyncStatus::State m_state = SyncStatus::State::Idle;
    QString m_lastError;
};

} // namespace sk

Q_DECLARE_METATYPE(sk::SyncStatus)
Q_DECLARE_METATYPE(sk::SyncReport)
