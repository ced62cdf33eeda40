#include "net/httpclient.h"
#include "net/curllibrary.h"

#include "synclogging.h"
#include "util/uuidv7.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

#include <curl/curl.h>

#include <ctime>

using namespace Qt::StringLiterals;

namespace sk {

namespace {

// How often the transfer loop wakes up to look at the CancelFlag when nothing moves on the wire.
constexpr int CancelPollMs = 50;
// Error bodies are small; a large 2xx body is never parsed just to look for an error code.
constexpr qsizetype MaxErrorBodyBytes = 256 * 1024;

// Header values go into a CRLF-separated request: a stray line break must never start a new header.
QByteArray headerSafe(QByteArray value)
{
    value.replace('\r', "");
    value.replace('\n', "");
    return value;
}

struct ErrorKind
{
    const char *code;
    const char *message; // %1 = host
};

ErrorKind classify(CURLcode code)
{
    switch (code) {
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
        return {"net.resolve", QT_TRANSLATE_NOOP("sk::HttpClient",
                                                 "Cannot find the server %1. Check the address and the internet connection.")};
    case CURLE_COULDNT_CONNECT:
        return {"net.connect", QT_TRANSLATE_NOOP("sk::HttpClient",
                                                 "Cannot connect to %1. The server may be down or unreachable from here.")};
    case CURLE_OPERATION_TIMEDOUT:
        return {"net.timeout", QT_TRANSLATE_NOOP("sk::HttpClient", "%1 did not answer in time.")};
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_ENGINE_NOTFOUND:
    case CURLE_SSL_ENGINE_SETFAILED:
    case CURLE_SSL_ENGINE_INITFAILED:
    case CURLE_SSL_SHUTDOWN_FAILED:
    case CURLE_SSL_CRL_BADFILE:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_SSL_INVALIDCERTSTATUS:
    case CURLE_SSL_CLIENTCERT:
    case CURLE_USE_SSL_FAILED:
        return {"net.tls", QT_TRANSLATE_NOOP("sk::HttpClient",
                                             "Cannot open a secure connection to %1: its certificate could not be verified "
                                             "or the TLS handshake failed.")};
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_PARTIAL_FILE:
        return {"net.reset", QT_TRANSLATE_NOOP("sk::HttpClient",
                                               "The connection to %1 broke before the answer was complete.")};
    case CURLE_ABORTED_BY_CALLBACK:
        return {"net.cancelled", QT_TRANSLATE_NOOP("sk::HttpClient", "The request to %1 was cancelled.")};
    case CURLE_URL_MALFORMAT:
    case CURLE_UNSUPPORTED_PROTOCOL:
        return {"net.invalid_url", QT_TRANSLATE_NOOP("sk::HttpClient", "\"%1\" is not a valid server address.")};
    default:
        return {"net.protocol", QT_TRANSLATE_NOOP("sk::HttpClient", "%1 sent an answer that could not be understood.")};
    }
}

QString versionText(long version)
{
    switch (version) {
    case CURL_HTTP_VERSION_1_0: return u"1.0"_s;
    case CURL_HTTP_VERSION_1_1: return u"1.1"_s;
    case CURL_HTTP_VERSION_2_0: return u"2"_s;
    case CURL_HTTP_VERSION_3: return u"3"_s;
    default: return {};
    }
}

struct Transfer
{
    HttpResponse *response = nullptr;
    const CancelFlag *cancel = nullptr;
    CURL *easy = nullptr;
    const CurlLibrary *curl = nullptr;
};

// Bodies longer than this grow as they arrive, whatever length the server announces.
constexpr curl_off_t MaxReservedBody = 256 * 1024 * 1024;

size_t onBody(char *data, size_t size, size_t count, void *user)
{
    auto *transfer = static_cast<Transfer *>(user);
    QByteArray &body = transfer->response->body;
    if (body.isEmpty()) {
        // One allocation when the length is known: growing a page of megabytes by doubling
        // copied it several times over, each time into fresh pages the kernel had to clear.
        curl_off_t length = -1;
        if (transfer->curl->easy_getinfo(transfer->easy, CURLINFO_CONTENT_LENGTH_DOWNLOAD_T, &length) == CURLE_OK && length > 0
            && length <= MaxReservedBody) {
            body.reserve(qsizetype(length) + HttpResponse::BodyPadding);
        }
    }
    body.append(data, qsizetype(size * count));
    return size * count;
}

size_t onHeader(char *data, size_t size, size_t count, void *user)
{
    auto *transfer = static_cast<Transfer *>(user);
    const QByteArray line = QByteArray(data, qsizetype(size * count)).trimmed();
    if (line.startsWith("HTTP/")) {
        transfer->response->headers.clear(); // a new response begins (after a 1xx, say)
    } else if (const qsizetype colon = line.indexOf(':'); colon > 0) {
        transfer->response->headers.append({line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed()});
    }
    return size * count;
}

int onProgress(void *user, curl_off_t, curl_off_t, curl_off_t, curl_off_t)
{
    const auto *transfer = static_cast<const Transfer *>(user);
    return transfer->cancel && transfer->cancel->isCancelled() ? 1 : 0;
}

QByteArray defaultUserAgent(const CurlLibrary &curl)
{
    QString version = QCoreApplication::applicationVersion();
    if (version.isEmpty())
        version = u"dev"_s;
    return "Storekeep/" + version.toLatin1() + " curl/" + curl.version_info(CURLVERSION_NOW)->version;
}

} // namespace

// ---- HttpResponse --------------------------------------------------------------------

QByteArray HttpResponse::header(const QByteArray &lowerCaseName) const
{
    for (const auto &[name, value] : headers) {
        if (name.compare(lowerCaseName, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

qint64 HttpResponse::retryAfterMs() const
{
    const QByteArray value = header("retry-after").trimmed();
    if (value.isEmpty())
        return -1;
    bool allDigits = true;
    for (const char c : value)
        allDigits = allDigits && c >= '0' && c <= '9';
    if (allDigits) {
        bool ok = false;
        const qint64 seconds = value.toLongLong(&ok);
        // Anything beyond a year is nonsense rather than advice; the caller falls back to its own backoff.
        constexpr qint64 MaxSeconds = 366LL * 24 * 3600;
        return ok && seconds <= MaxSeconds ? seconds * 1000 : -1;
    }
    // An HTTP date: curl_getdate() reads all three forms RFC 9110 allows.
    const auto curl = CurlLibrary::get();
    if (!curl.ok())
        return -1;
    const time_t when = (*curl)->getdate(value.constData(), nullptr);
    if (when == time_t(-1))
        return -1;
    return qMax<qint64>(0, qint64(when) * 1000 - QDateTime::currentMSecsSinceEpoch());
}

QString HttpResponse::errorCode() const
{
    if ((status >= 200 && status < 300) || body.isEmpty() || body.size() > MaxErrorBodyBytes)
        return {};
    return QJsonDocument::fromJson(body).object().value(u"error").toObject().value(u"code").toString();
}

QString HttpResponse::errorMessage() const
{
    if ((status >= 200 && status < 300) || body.isEmpty() || body.size() > MaxErrorBodyBytes)
        return {};
    return QJsonDocument::fromJson(body).object().value(u"error").toObject().value(u"message").toString();
}

// ---- HttpClient ------------------------------------------------------------------------

struct HttpClient::Private
{
    // The easy handle lives in our own multi handle between calls: that keeps the connection
    // cache (and TLS sessions, DNS) across send() calls, and lets the transfer loop wake up
    // every CancelPollMs to notice a cancellation even while no byte moves.
    const CurlLibrary *curl = nullptr; // null when libcurl could not be loaded: see loadError
    Error loadError;
    CURLM *multi = nullptr;
    CURL *easy = nullptr;
    char errorBuffer[CURL_ERROR_SIZE] = {};
    QByteArray userAgent;
};

HttpClient::HttpClient() : HttpClient(Options{})
{
}

HttpClient::HttpClient(const Options &options) : m_options(options), m_d(std::make_unique<Private>())
{
    auto curl = CurlLibrary::get();
    if (!curl.ok()) {
        m_d->loadError = curl.error(); // every send() answers with it
        return;
    }
    m_d->curl = *curl;
    m_d->multi = m_d->curl->multi_init();
    m_d->easy = m_d->curl->easy_init();
    m_d->userAgent = m_options.userAgent.isEmpty() ? defaultUserAgent(*m_d->curl) : m_options.userAgent;
}

HttpClient::~HttpClient()
{
    if (m_d->easy)
        m_d->curl->easy_cleanup(m_d->easy);
    if (m_d->multi)
        m_d->curl->multi_cleanup(m_d->multi); // closes the cached connections
}

Result<HttpResponse> HttpClient::send(const HttpRequest &request, const CancelFlag *cancel)
{
    QElapsedTimer timer;
    timer.start();

    HttpResponse response;
    response.requestId = request.requestId.isEmpty() ? UuidV7::toText(UuidV7::create()).toLatin1()
                                                     : headerSafe(request.requestId);
    const QUrl url(request.url);
    const QString host = url.host();
    const QString path = url.path(QUrl::FullyEncoded); // never the query: it is not needed to follow a request

    const auto fail = [&](const QString &code, const QString &message, const QString &detail) -> Result<HttpResponse> {
        qCDebug(lcSyncNet).noquote() << request.method << path << "failed:" << code << "after" << timer.elapsed() << "ms"
                                    << "id" << response.requestId;
        return makeError(code, message, detail);
    };

    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || host.isEmpty() || (scheme != u"http"_s && scheme != u"https"_s)) {
        return fail(u"net.invalid_url"_s, QCoreApplication::translate("sk::HttpClient", "\"%1\" is not a valid server address.").arg(request.url),
                    url.errorString());
    }
    if (!m_d->multi || !m_d->easy)
        return fail(u"net.protocol"_s, QCoreApplication::translate("sk::HttpClient", "The network library could not be initialised."), {});
    if (cancel && cancel->isCancelled())
        return fail(u"net.cancelled"_s, QCoreApplication::translate("sk::HttpClient", "The request to %1 was cancelled.").arg(host), {});

    if (!m_d->curl)
        return m_d->loadError;
    const CurlLibrary &curl = *m_d->curl;
    CURL *easy = m_d->easy;
    // curl.easy_reset() keeps live connections, the TLS session and DNS caches: only options go.
    curl.easy_reset(easy);
    m_d->errorBuffer[0] = '\0';
    Transfer transfer{&response, cancel, easy, m_d->curl};

    const QByteArray urlBytes = url.toEncoded();
    curl.easy_setopt(easy, CURLOPT_URL, urlBytes.constData());
#if LIBCURL_VERSION_NUM >= 0x075500 // 7.85
    curl.easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "http,https");
#else
    curl.easy_setopt(easy, CURLOPT_PROTOCOLS, long(CURLPROTO_HTTP | CURLPROTO_HTTPS));
#endif
    curl.easy_setopt(easy, CURLOPT_ERRORBUFFER, m_d->errorBuffer);
    curl.easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
    curl.easy_setopt(easy, CURLOPT_HTTP_VERSION, long(CURL_HTTP_VERSION_2TLS));
    curl.easy_setopt(easy, CURLOPT_ACCEPT_ENCODING, ""); // every encoding this curl can decode
    curl.easy_setopt(easy, CURLOPT_SSL_VERIFYPEER, 1L);
    curl.easy_setopt(easy, CURLOPT_SSL_VERIFYHOST, 2L);
    const QByteArray caFile = m_options.caFile.toLocal8Bit();
    if (!caFile.isEmpty())
        curl.easy_setopt(easy, CURLOPT_CAINFO, caFile.constData());
    curl.easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS, long(m_options.connectTimeoutMs));
    curl.easy_setopt(easy, CURLOPT_TIMEOUT_MS, long(m_options.totalTimeoutMs));
    if (m_options.lowSpeedSeconds > 0) {
        curl.easy_setopt(easy, CURLOPT_LOW_SPEED_LIMIT, 1L);
        curl.easy_setopt(easy, CURLOPT_LOW_SPEED_TIME, long(m_options.lowSpeedSeconds));
    }
    curl.easy_setopt(easy, CURLOPT_TCP_KEEPALIVE, 1L);
    curl.easy_setopt(easy, CURLOPT_USERAGENT, m_d->userAgent.constData());
    curl.easy_setopt(easy, CURLOPT_WRITEFUNCTION, &onBody);
    curl.easy_setopt(easy, CURLOPT_WRITEDATA, &transfer);
    curl.easy_setopt(easy, CURLOPT_HEADERFUNCTION, &onHeader);
    curl.easy_setopt(easy, CURLOPT_HEADERDATA, &transfer);
    curl.easy_setopt(easy, CURLOPT_NOPROGRESS, 0L);
    curl.easy_setopt(easy, CURLOPT_XFERINFOFUNCTION, &onProgress);
    curl.easy_setopt(easy, CURLOPT_XFERINFODATA, &transfer);

    const QByteArray method = request.method.toUpper();
    const bool sendsBody = !request.body.isEmpty() || method == "POST" || method == "PUT" || method == "PATCH";
    if (method == "HEAD") {
        curl.easy_setopt(easy, CURLOPT_NOBODY, 1L);
    } else if (sendsBody) {
        curl.easy_setopt(easy, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(request.body.size()));
        curl.easy_setopt(easy, CURLOPT_POSTFIELDS, request.body.constData()); // not copied: lives through the call
        if (method != "POST")
            curl.easy_setopt(easy, CURLOPT_CUSTOMREQUEST, method.constData());
    } else if (method != "GET") {
        curl.easy_setopt(easy, CURLOPT_CUSTOMREQUEST, method.constData());
    }

    curl_slist *headers = nullptr;
    const auto addHeader = [&headers, &curl](const QByteArray &line) { headers = curl.slist_append(headers, line.constData()); };
    addHeader("X-Request-Id: " + response.requestId);
    bool callerSetContentType = false;
    for (const auto &[name, value] : request.headers)
        callerSetContentType = callerSetContentType || name.compare("content-type", Qt::CaseInsensitive) == 0;
    if (!request.body.isEmpty() && !callerSetContentType)
        addHeader("Content-Type: application/json");
    if (!request.bearer.isEmpty())
        addHeader("Authorization: Bearer " + headerSafe(request.bearer.toUtf8()));
    addHeader("Expect:"); // no 100-continue round trip before a larger body
    for (const auto &[name, value] : request.headers) {
        // "Name;" is curl's way to send a header with an empty value.
        addHeader(value.isEmpty() ? headerSafe(name) + ';' : headerSafe(name) + ": " + headerSafe(value));
    }
    curl.easy_setopt(easy, CURLOPT_HTTPHEADER, headers);

    CURLcode result = CURLE_OK;
    bool cancelledByLoop = false;
    CURLMcode multiResult = curl.multi_add_handle(m_d->multi, easy);
    if (multiResult == CURLM_OK) {
        for (;;) {
            int running = 0;
            multiResult = curl.multi_perform(m_d->multi, &running);
            if (multiResult != CURLM_OK || running == 0)
                break;
            if (cancel && cancel->isCancelled()) {
                cancelledByLoop = true;
                break;
            }
            multiResult = curl.multi_poll(m_d->multi, nullptr, 0, CancelPollMs, nullptr);
            if (multiResult != CURLM_OK)
                break;
        }
        int pending = 0;
        while (CURLMsg *message = curl.multi_info_read(m_d->multi, &pending)) {
            if (message->msg == CURLMSG_DONE && message->easy_handle == easy)
                result = message->data.result;
        }
        curl.multi_remove_handle(m_d->multi, easy); // an unfinished transfer's connection is closed, not reused
    }
    curl.easy_setopt(easy, CURLOPT_HTTPHEADER, nullptr);
    curl.slist_free_all(headers);

    if (cancelledByLoop)
        result = CURLE_ABORTED_BY_CALLBACK;
    else if (multiResult != CURLM_OK)
        return fail(u"net.protocol"_s, QCoreApplication::translate("sk::HttpClient", "%1 sent an answer that could not be understood.").arg(host),
                    QString::fromLatin1(curl.multi_strerror(multiResult)));

    if (result != CURLE_OK) {
        const ErrorKind kind = classify(result);
        const QString code = QString::fromLatin1(kind.code);
        const QString subject = code == u"net.invalid_url"_s ? request.url : host;
        const QString detail = m_d->errorBuffer[0] != '\0' ? QString::fromUtf8(m_d->errorBuffer)
                                                           : QString::fromLatin1(curl.easy_strerror(result));
        return fail(code, QCoreApplication::translate("sk::HttpClient", kind.message).arg(subject), detail);
    }

    long status = 0;
    long version = 0;
    long connects = 0;
    curl.easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &status);
    curl.easy_getinfo(easy, CURLINFO_HTTP_VERSION, &version);
    curl.easy_getinfo(easy, CURLINFO_NUM_CONNECTS, &connects);
    response.status = int(status);
    response.httpVersion = versionText(version);
    response.connectionsOpened = connects;
    response.elapsedMs = timer.elapsed();
    qCDebug(lcSyncNet).noquote() << request.method << path << "->" << response.status << "in" << response.elapsedMs
                                 << u"ms, HTTP/"_s + response.httpVersion << "id" << response.requestId
                                 << (connects > 0 ? "new connection" : "reused connection");
    return response;
}

} // namespace sk
