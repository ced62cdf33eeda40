#include "engine/syncengine.h"

#include "auth/authsession.h"
#include "crashpoint.h"
#include "engine/backoff.h"
#include "engine/boundedqueue.h"
#include "local/changeapplier.h"
#include "local/changefeedpage.h"
#include "local/outbox.h"
#include "local/rebaser.h"
#include "local/stagingstore.h"
#include "local/syncissues.h"
#include "storage/shopstore.h"
#include "synclogging.h"
#include "util/uuidv7.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QThread>
#include <QUrl>

#include <future>
#include <mutex>
#include <vector>

#if defined(Q_OS_LINUX)
#include <sys/resource.h>
#elif defined(Q_OS_WIN)
#include <qt_windows.h>
#elif defined(Q_OS_MACOS)
#include <pthread/qos.h>
#endif

using namespace Qt::StringLiterals;

namespace sk {

namespace {

// For a thread of its own that does bulk work: the UI and the network thread go first. With the
// download's decoder lowered, the fetcher asks for the next page sooner; against a server on
// the same two cores, the medium shop's first sync takes 0.3 s less (scripts/bench).
void lowerThisThreadsPriority()
{
#if defined(Q_OS_LINUX)
    (void)setpriority(PRIO_PROCESS, 0, 5); // on Linux, the calling thread's nice value
#elif defined(Q_OS_WIN)
    SetThreadPriority(GetCurrentThread(), THREAD_PRIORITY_BELOW_NORMAL);
#elif defined(Q_OS_MACOS)
    pthread_set_qos_class_self_np(QOS_CLASS_UTILITY, 0);
#endif
}

Error cancelled()
{
    return makeError(u"sync.cancelled"_s, QCoreApplication::translate("sk::SyncEngine", "Sync was cancelled."));
}

// Sleeps in short slices so a cancel is honoured promptly.
bool sleepUnlessCancelled(qint64 ms, const CancelFlag *cancel)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < ms) {
        if (cancel && cancel->isCancelled())
            return false;
        QThread::msleep(quint64(qMin<qint64>(50, ms - timer.elapsed())));
    }
    return !(cancel && cancel->isCancelled());
}

} // namespace

QString SyncStatus::stateName(State state)
{
    switch (state) {
    case State::Idle: return u"idle"_s;
    case State::Syncing: return u"syncing"_s;
    case State::Offline: return u"offline"_s;
    case State::SignedOut: return u"signed_out"_s;
    case State::Forbidden: return u"forbidden"_s;
    case State::UpgradeRequired: return u"upgrade_required"_s;
    case State::AccessLost: return u"access_lost"_s;
    case State::Passive: return u"passive"_s;
    }
    return u"idle"_s;
}

SyncEngine::SyncEngine(ShopStore &store, AuthSession &auth, QString shopId, Options options, const Clock &clock)
    : m_store(store)
    , m_auth(auth)
    , m_shopId(std::move(shopId))
    , m_options(options)
    , m_clock(clock)
    , m_http(options.http)
{
}

SyncEngine::SyncEngine(ShopStore &store, AuthSession &auth, QString shopId)
    : SyncEngine(store, auth, std::move(shopId), Options{})
{
}

SyncEngine::~SyncEngine() = default;

bool SyncEngine::isTransient(const Error &error)
{
    return (error.code.startsWith("net."_L1) && error.code != "net.cancelled"_L1 && error.code != "net.invalid_url"_L1)
           || error.code == "sync.transient_http"_L1 || error.code == "sync.partial"_L1;
}

QString SyncEngine::shopPath(const QString &rest) const
{
    return u"/v1/shops/"_s + m_shopId + rest;
}

void SyncEngine::emitProgress(SyncProgress::Phase phase, qint64 done, qint64 total)
{
    if (m_progress)
        m_progress(SyncProgress{phase, done, total});
}

Result<HttpResponse> SyncEngine::call(const QByteArray &method, const QString &path, const QByteArray &body)
{
    return call(m_http, method, path, body);
}

Result<HttpResponse> SyncEngine::call(HttpClient &http, const QByteArray &method, const QString &path,
                                      const QByteArray &body)
{
    for (int round = 0; round < 2; ++round) {
        const QString token = m_auth.accessToken();
        if (token.isEmpty())
            return makeError(u"auth.signed_out"_s, QCoreApplication::translate("sk::SyncEngine", "You are signed out. Sign in again to sync; your edits are kept."));
        HttpRequest request;
        request.method = method;
        request.url = m_auth.info().serverUrl + path;
        request.body = body;
        request.bearer = token;
        SK_TRY_ASSIGN(response, http.send(request, m_cancel));
        if (response.status == 429 || response.status == 503)
            m_retryAfterMs = response.retryAfterMs();
        if (response.status == 401) {
            if (round == 0) {
                // Single-flight: when another thread already refreshed, this returns at once.
                SK_TRY(m_auth.refreshAfter401(token));
                continue;
            }
            return makeError(u"auth.signed_out"_s,
                             QCoreApplication::translate("sk::SyncEngine", "The server refused the session. Sign in again to sync; your edits are kept."),
                             response.errorCode());
        }
        return response;
    }
    return makeError(u"auth.signed_out"_s, QCoreApplication::translate("sk::SyncEngine", "You are signed out."));
}

Error SyncEngine::statusError(const HttpResponse &response) const
{
    const int status = response.status;
    const QString detail = u"HTTP %1 %2: %3"_s.arg(status).arg(response.errorCode(), response.errorMessage());
    if (status == 408 || status == 429 || status >= 500)
        return makeError(u"sync.transient_http"_s, QCoreApplication::translate("sk::SyncEngine", "The server is busy or unavailable; sync will retry."), detail);
    if (status == 403)
        return makeError(u"sync.forbidden"_s, QCoreApplication::translate("sk::SyncEngine", "The server refused access to this shop. Your edits are kept."),
                         detail);
    if (status == 404 && response.errorCode() == "not_found.shop"_L1)
        return makeError(u"sync.shop_access_lost"_s,
                         QCoreApplication::translate("sk::SyncEngine", "You no longer have access to this shop. Your edits are kept in this computer."),
                         detail);
    if (status == 426)
        return makeError(u"sync.upgrade_required"_s,
                         QCoreApplication::translate("sk::SyncEngine", "The server needs a newer Storekeep. Update the app; your edits are kept."), detail);
    return makeError(u"sync.bad_request"_s, QCoreApplication::translate("sk::SyncEngine", "The server did not accept the sync request."), detail);
}

Result<void> SyncEngine::ensureClient()
{
    if (m_registered)
        return {};
    SK_TRY_ASSIGN(state, m_store.write([](SqliteDatabase &db) { return Outbox::state(db); }));
    QString clientId = state.clientId;
    if (clientId.isEmpty()) {
        clientId = UuidV7::toText(UuidV7::create());
        SK_TRY(m_store.write([&](SqliteDatabase &db) { return Outbox::setClientId(db, clientId); }));
    }
    const QByteArray body = QJsonDocument(QJsonObject{{u"client_id"_s, clientId}}).toJson(QJsonDocument::Compact);
    SK_TRY_ASSIGN(response, call("POST", shopPath(u"/sync/clients"_s), body));
    if (response.status != 200) {
        if (response.status == 409 && response.errorCode() == "conflict.client_owned"_L1) {
            return makeError(u"sync.forbidden"_s,
                             QCoreApplication::translate("sk::SyncEngine", "This shop file's sync client belongs to another account. Your edits are kept."),
                             response.errorMessage());
        }
        return statusError(response);
    }
    const QJsonObject answer = QJsonDocument::fromJson(response.body).object();
    const qint64 lastApplied = qint64(answer.value(u"last_applied_seq"_s).toDouble(-1));
    if (lastApplied < 0)
        return makeError(u"sync.bad_response"_s, QCoreApplication::translate("sk::SyncEngine", "The server's answer to the client registration is not valid."));
    SK_TRY(m_store.write([&](SqliteDatabase &db) { return Outbox::ensureNextSeqAbove(db, lastApplied); }));
    m_clientId = clientId;
    m_registered = true;
    qCDebug(lcSyncEngine) << "client registered; server's last applied seq" << lastApplied;
    return {};
}

Result<void> SyncEngine::pushAll(SyncReport &report, const CancelFlag *cancel)
{
    SK_TRY(ensureClient());
    int limit = m_options.batchSize;
    int reregistered = 0;
    while (true) {
        if (cancel && cancel->isCancelled())
            return cancelled();
        SK_TRY_ASSIGN(batch, m_store.write([&](SqliteDatabase &db) {
            return Outbox::nextBatch(db, limit, m_options.batchBytes);
        }));
        if (batch.isEmpty())
            return {};

        // The args are stored as the exact JSON text to send: splice them in, never re-encode.
        QByteArray body = R"({"client_id":")" + m_clientId.toLatin1() + R"(","mutations":[)";
        for (qsizetype i = 0; i < batch.size(); ++i) {
            const OutboxEntry &e = batch.at(i);
            if (i)
                body += ',';
            body += R"({"seq":)" + QByteArray::number(e.seq) + R"(,"mutation_id":")" + e.mutationId.toLatin1()
                    + R"(","name":")" + e.name.toLatin1() + R"(","args":)" + e.args + '}';
        }
        body += "]}";

        SK_TRY_ASSIGN(response, call("POST", shopPath(u"/sync/mutations"_s), body));
        if (response.status == 413) {
            if (batch.size() > 1) {
                limit = int(qMax<qsizetype>(1, batch.size() / 2));
                continue;
            }
            // One mutation alone is too large: it can never be sent, so it becomes an issue.
            const OutboxEntry entry = batch.first();
            const Result<void> recorded = m_store.write([&](SqliteDatabase &db) -> Result<void> {
                SK_TRY(SyncIssues::record(db, entry, u"rejected"_s, u"payload_too_large"_s,
                                          QCoreApplication::translate("sk::SyncEngine", "This edit is too large for the server to accept."), {},
                                          m_clock.nowMs()));
                SK_TRY_ASSIGN(entities, Outbox::remove(db, entry.seq));
                return Rebaser::rebase(db, entities, m_clock.nowMs());
            });
            if (!recorded.ok())
                return recorded.error();
            ++report.rejected;
            continue;
        }
        if (response.status == 404 && response.errorCode() == "not_found.client"_L1 && reregistered++ < 1) {
            m_registered = false;
            SK_TRY(ensureClient());
            continue;
        }
        if (response.status == 409 && response.errorCode() == "out_of_order"_L1) {
            const QJsonObject error = QJsonDocument::fromJson(response.body).object().value(u"error"_s).toObject();
            return makeError(u"sync.out_of_order"_s,
                             QCoreApplication::translate("sk::SyncEngine", "The server expected edit number %1 but this computer's next one is %2. "
                                "Nothing was skipped; contact support.")
                                 .arg(qint64(error.value(u"expected_seq"_s).toDouble()))
                                 .arg(batch.first().seq));
        }
        if (response.status != 200)
            return statusError(response);

        const QJsonObject answer = QJsonDocument::fromJson(response.body).object();
        const QJsonArray results = answer.value(u"results"_s).toArray();
        CrashPoint::hit("after_push_response");

        QHash<qint64, OutboxEntry> bySeq;
        for (const OutboxEntry &e : std::as_const(batch))
            bySeq.insert(e.seq, e);
        int handled = 0;
        const Result<void> recorded = m_store.write([&](SqliteDatabase &db) -> Result<void> {
            QList<EntityRef> revert;
            const qint64 now = m_clock.nowMs();
            for (const QJsonValue &value : results) {
                QJsonObject result = value.toObject();
                const qint64 seq = qint64(result.value(u"seq"_s).toDouble());
                const auto it = bySeq.constFind(seq);
                if (it == bySeq.constEnd() || it->mutationId != result.value(u"mutation_id"_s).toString())
                    continue;
                QString status = result.value(u"status"_s).toString();
                if (status == "duplicate"_L1) {
                    ++report.duplicates;
                    // A replay of a mutation whose first answer was lost: act on that first answer.
                    const QJsonObject original = result.value(u"original"_s).toObject();
                    if (!original.isEmpty()) {
                        result = original;
                        status = original.value(u"status"_s).toString();
                    } else {
                        status = u"applied"_s;
                    }
                } else if (status == "applied"_L1) {
                    ++report.applied;
                }
                ++handled;
                if (status == "applied"_L1 || status == "duplicate"_L1) {
                    SK_TRY(Outbox::markAcked(db, seq, now));
                } else if (status == "rejected"_L1 || status == "conflict"_L1) {
                    SK_TRY(SyncIssues::record(db, *it, status, result.value(u"code"_s).toString(),
                                              result.value(u"message"_s).toString(),
                                              result.value(u"details"_s).toObject(), now));
                    SK_TRY_ASSIGN(entities, Outbox::remove(db, seq));
                    revert += entities;
                    if (status == "rejected"_L1)
                        ++report.rejected;
                    else
                        ++report.conflicts;
                } else {
                    --handled;
                }
            }
            return Rebaser::rebase(db, revert, now);
        });
        if (!recorded.ok())
            return recorded.error();
        report.pushed += handled;
        emitProgress(SyncProgress::Phase::Push, report.pushed);
        if (handled == 0)
            return makeError(u"sync.partial"_s, QCoreApplication::translate("sk::SyncEngine", "The server answered none of the edits sent; sync will retry."));
        limit = m_options.batchSize;
    }
}

Result<ChangesPage> SyncEngine::fetchPage(HttpClient &http, const QString &cursor)
{
    SK_TRY_ASSIGN(page, fetchFeedPage(http, cursor));
    return page.toChangesPage();
}

Result<ChangeFeedPage> SyncEngine::fetchFeedPage(HttpClient &http, const QString &cursor,
                                                 const std::shared_ptr<ChangeFeedPage::ParserPool> &parsers)
{
    QString path = shopPath(u"/sync/changes?limit=%1"_s.arg(m_options.pageLimit));
    if (!cursor.isEmpty())
        path += u"&cursor="_s + QString::fromLatin1(QUrl::toPercentEncoding(cursor));
    if (!m_clientId.isEmpty())
        path += u"&client_id="_s + m_clientId;
    SK_TRY_ASSIGN(response, call(http, "GET", path));
    if (response.status == 410)
        return makeError(u"sync.cursor_expired"_s, QCoreApplication::translate("sk::SyncEngine", "The server no longer has the changes since the last sync."));
    if (response.status != 200)
        return statusError(response);
    return ChangeFeedPage::parse(response.body, parsers);
}

Result<void> SyncEngine::initialSync(SyncReport &report, const CancelFlag *cancel)
{
    SK_TRY_ASSIGN(staging, StagingStore::open(m_store));
    emitProgress(SyncProgress::Phase::InitialSync, staging->changesApplied());
    if (!m_prefetchHttp)
        m_prefetchHttp = std::make_unique<HttpClient>(m_options.http);
    Result<void> downloaded = download(*staging, staging->cursor(), report, cancel);
    if (!downloaded.ok() && downloaded.error().code == "sync.cursor_expired"_L1) {
        // The staged download is too old to resume: start it again from the beginning.
        qCInfo(lcSyncEngine) << "staged download expired: starting it again";
        staging.reset();
        SK_TRY(StagingStore::remove(m_store));
        SK_TRY_ASSIGN(fresh, StagingStore::open(m_store));
        staging = std::move(fresh);
        downloaded = download(*staging, QString(), report, cancel);
    }
    SK_TRY(downloaded);
    SK_TRY(staging->swapInto(m_store, m_clock.nowMs()));
    report.initialSync = true;
    return {};
}

Result<void> SyncEngine::download(StagingStore &staging, const QString &cursor, SyncReport &report,
                                  const CancelFlag *cancel)
{
    // Three stages, each on its own thread and at its own pace: the fetcher asks for page N+1
    // as soon as page N's cursor is read, the decoder reads documents into records, and this
    // thread writes them to the staging tables. Each stage runs ahead of the next by up to two
    // pages, so the server is not left idle while a slow page is written, nor the writer while
    // a large page is read. Pages already written are freed by the decoder: freeing hundreds
    // of thousands of small records is not the writer's work.
    BoundedQueue<Result<ChangeFeedPage>> fetched(2);
    BoundedQueue<Result<DecodedPage>> decoded(2);
    std::mutex spentMutex;
    std::vector<DecodedPage> spent;
    const auto parsers = ChangeFeedPage::makeParserPool();
    const auto stopped = [cancel] { return cancel && cancel->isCancelled(); };

    auto fetcher = std::async(std::launch::async, [&, from = cursor]() mutable {
        for (;;) {
            if (stopped())
                break;
            Result<ChangeFeedPage> page = fetchFeedPage(*m_prefetchHttp, from, parsers);
            const bool more = page.ok() && page->hasMore();
            if (more)
                from = page->nextCursor();
            if (!fetched.push(std::move(page)) || !more)
                break;
        }
        fetched.close();
    });
    auto decoder = std::async(std::launch::async, [&] {
        lowerThisThreadsPriority();
        while (std::optional<Result<ChangeFeedPage>> page = fetched.pop()) {
            Result<DecodedPage> records = page->ok() ? (*page)->decode() : Result<DecodedPage>(page->error());
            page.reset();
            {
                std::lock_guard lock(spentMutex);
                spent.clear();
            }
            if (!decoded.push(std::move(records)))
                break;
        }
        decoded.close();
    });

    Result<void> result;
    bool complete = false;
    while (std::optional<Result<DecodedPage>> page = decoded.pop()) {
        if (stopped()) {
            result = cancelled();
            break;
        }
        if (!page->ok()) {
            result = page->error();
            break;
        }
        if (Result<void> written = staging.applyPage(**page); !written.ok()) {
            result = written;
            break;
        }
        CrashPoint::hit("mid_staging");
        report.pulledChanges += int((*page)->changes.size());
        ++report.pages;
        emitProgress(SyncProgress::Phase::InitialSync, staging.changesApplied());
        complete = !(*page)->hasMore;
        std::lock_guard lock(spentMutex);
        spent.push_back(std::move(**page));
    }
    // Releases a stage still waiting to hand over a page, then waits for both.
    fetched.close();
    decoded.close();
    fetcher.wait();
    decoder.wait();
    if (result.ok() && !complete)
        return stopped() ? cancelled() : makeError(u"sync.bad_page"_s, QCoreApplication::translate("sk::SyncEngine", "The download ended before its last page."));
    return result;
}

Result<void> SyncEngine::pullAll(SyncReport &report, const CancelFlag *cancel)
{
    SK_TRY(ensureClient());
    SK_TRY_ASSIGN(state, m_store.write([](SqliteDatabase &db) { return Outbox::state(db); }));
    if (!state.initialSyncDone)
        return initialSync(report, cancel);
    QString cursor = state.cursor;
    // A record whose parent comes on a later page (the feed orders rows by their last change)
    // is applied together with that page, in one transaction.
    QList<ChangesPage> held;
    while (true) {
        if (cancel && cancel->isCancelled())
            return cancelled();
        auto page = fetchPage(m_http, cursor);
        if (!page.ok() && page.error().code == "sync.cursor_expired"_L1) {
            // Full resync into staging; the shop stays visible and the outbox is kept.
            qCInfo(lcSyncEngine) << "cursor expired: full resync";
            report.resync = true;
            SK_TRY(m_store.write([](SqliteDatabase &db) { return Outbox::setInitialSyncDone(db, false); }));
            return initialSync(report, cancel);
        }
        if (!page.ok())
            return page.error();
        held.append(*page);
        const Result<PageStats> applied =
            m_store.write([&](SqliteDatabase &db) { return ChangeApplier::applyPages(db, held, m_clock.nowMs()); });
        if (!applied.ok() && applied.error().code == "sync.page_needs_next"_L1 && page->hasMore) {
            cursor = page->nextCursor;
            continue;
        }
        if (!applied.ok())
            return applied.error();
        CrashPoint::hit("mid_pull_page");
        for (const ChangesPage &p : std::as_const(held))
            report.pulledChanges += int(p.changes.size());
        report.pages += int(held.size());
        held.clear();
        emitProgress(SyncProgress::Phase::Pull, report.pulledChanges);
        if (!page->hasMore)
            return {};
        cursor = page->nextCursor;
    }
}

Result<void> SyncEngine::retrying(const std::function<Result<void>()> &step, SyncReport &report,
                                  const CancelFlag *cancel)
{
    Backoff backoff(m_options.backoffBaseMs, m_options.backoffCapMs,
                    m_options.backoffSeed ? m_options.backoffSeed : QRandomGenerator::global()->generate());
    for (int attempt = 1;; ++attempt) {
        m_retryAfterMs = -1;
        Result<void> result = step();
        if (result.ok() || !isTransient(result.error()))
            return result;
        qCInfo(lcSyncEngine).noquote() << "transient failure, attempt" << attempt << ":" << result.error().toString();
        if (attempt >= m_options.maxAttempts) {
            return makeError(u"sync.offline"_s, QCoreApplication::translate("sk::SyncEngine", "The server cannot be reached; your edits are kept and sync will "
                                                   "try again."),
                             result.error().toString());
        }
        ++report.retries;
        const qint64 delay = backoff.nextDelayMs(m_retryAfterMs.load());
        emitProgress(SyncProgress::Phase::Waiting, attempt, m_options.maxAttempts);
        if (!sleepUnlessCancelled(delay, cancel))
            return cancelled();
    }
}

Result<SyncReport> SyncEngine::run(bool push, bool pull, const CancelFlag *cancel)
{
    m_cancel = cancel;
    m_state = SyncStatus::State::Syncing;
    SyncReport report;
    Result<void> result;
    if (push)
        result = retrying([&] { return pushAll(report, cancel); }, report, cancel);
    if (result.ok() && pull)
        result = retrying([&] { return pullAll(report, cancel); }, report, cancel);
    // Pulling may have confirmed the last pushes; push what the pull's rebase left (nothing
    // normally) only on the next run.
    m_cancel = nullptr;
    if (result.ok()) {
        m_state = SyncStatus::State::Idle;
        m_lastError.clear();
        return report;
    }
    const QString code = result.error().code;
    if (code == "sync.offline"_L1)
        m_state = SyncStatus::State::Offline;
    else if (code == "auth.signed_out"_L1)
        m_state = SyncStatus::State::SignedOut;
    else if (code == "sync.forbidden"_L1)
        m_state = SyncStatus::State::Forbidden;
    else if (code == "sync.upgrade_required"_L1)
        m_state = SyncStatus::State::UpgradeRequired;
    else if (code == "sync.shop_access_lost"_L1)
        m_state = SyncStatus::State::AccessLost;
    else
        m_state = SyncStatus::State::Idle;
    m_lastError = result.error().message;
    return result.error();
}

Result<SyncReport> SyncEngine::syncOnce(const CancelFlag *cancel)
{
    return run(true, true, cancel);
}

Result<SyncReport> SyncEngine::pushOnly(const CancelFlag *cancel)
{
    return run(true, false, cancel);
}

Result<SyncReport> SyncEngine::pullOnly(const CancelFlag *cancel)
{
    return run(false, true, cancel);
}

Result<SyncStatus> SyncEngine::status()
{
    SyncStatus status;
    status.state = m_state;
    status.lastError = m_lastError;
    SK_TRY_ASSIGN(reader, m_store.openReader());
    SqliteDatabase &db = *reader;
    SK_TRY_ASSIGN(state, Outbox::state(db));
    SK_TRY_ASSIGN(pending, Outbox::pendingCount(db));
    SK_TRY_ASSIGN(issues, SyncIssues::openCount(db));
    status.pending = pending;
    status.issues = issues;
    status.lastSyncedAt = state.lastSyncedAt;
    status.initialSyncDone = state.initialSyncDone;
    return status;
}

} // namespace sk
