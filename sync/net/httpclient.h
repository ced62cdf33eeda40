#pragma once

#include "util/result.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <atomic>
#include <memory>
#include <utility>

namespace sk {

using HttpHeaders = QList<std::pair<QByteArray, QByteArray>>;

struct HttpRequest
{
    QByteArray method = "GET";
    QString url;            // absolute: http(s)://host:port/path?query
    QByteArray body;        // sent as application/json when not empty
    QString bearer;         // "Authorization: Bearer <bearer>" when not empty; never logged
    HttpHeaders headers;    // extra headers
    QByteArray requestId;   // X-Request-Id; a new UUID when empty
};

struct HttpResponse
{
    // A body of announced length is allocated with this much spare capacity after it, so a
    // parser that reads a few bytes past the end (simdjson) can read it where it is.
    static constexpr qsizetype BodyPadding = 64;

    int status = 0;
    QByteArray body;        // decoded (gzip/brotli already undone)
    HttpHeaders headers;    // names lower-case
    QByteArray requestId;   // the X-Request-Id that was sent
    qint64 elapsedMs = 0;
    QString httpVersion;    // "1.1", "2"
    qint64 connectionsOpened = 0; // new connections this call opened (0 = an existing one was reused)

    QByteArray header(const QByteArray &lowerCaseName) const;
    // Retry-After in milliseconds (seconds or an HTTP date), or -1 when absent/invalid.
    qint64 retryAfterMs() const;
    // {"error":{"code":...}} of an error body, or empty.
    QString errorCode() const;
    QString errorMessage() const;
};

// Lets another thread stop a transfer in progress: send() then fails with "net.cancelled".
class CancelFlag
{
public:
    void cancel() { m_cancelled.store(true); }
    void reset() { m_cancelled.store(false); }
    bool isCancelled() const { return m_cancelled.load(); }

private:
    std::atomic_bool m_cancelled{false};
};

// The one HTTP client of Storekeep, over libcurl.
//
// One instance per thread (it owns a curl easy handle, so connections, TLS sessions and DNS are
// reused between calls). send() blocks the calling thread: the sync engine runs on its own
// worker thread and reports through signals, so the UI thread never calls it.
// TLS verification is always on (system CA store, or Options::caFile); there is no insecure switch.
// Proxies come from the environment (http_proxy, https_proxy, no_proxy), as curl reads them.
// HTTP statuses, 4xx and 5xx included, are responses; only transport failures are errors, with
// codes "net.resolve", "net.connect", "net.timeout", "net.tls", "net.reset", "net.cancelled",
// "net.protocol" and "net.invalid_url" — every one means "outcome unknown" to the caller.
class HttpClient
{
public:
    struct Options
    {
        int connectTimeoutMs = 10'000;
        int lowSpeedSeconds = 30;       // abort when under 1 byte/s for this long
        int totalTimeoutMs = 120'000;   // whole transfer
        QString caFile;                 // extra bundled CA file (Windows/macOS builds); empty = system store
        QByteArray userAgent;           // default "Storekeep/<version> curl/<version>"
    };

    HttpClient();
    explicit HttpClient(const Options &options);
    ~HttpClient();
    HttpClient(const HttpClient &) = delete;
    HttpClient &operator=(const HttpClient &) = delete;

    Result<HttpResponse> send(const HttpRequest &request, const CancelFlag *cancel = nullptr);

    const Options &options() const { return m_options; }

private:
    struct Private;
    Options m_options;
    std::unique_ptr<Private> m_d;
};

} // namespace sk
