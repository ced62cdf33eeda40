// storekeep-bench-server: measures storekeep-server over loopback HTTP with a plain keep-alive
// HTTP/1.1 client, each figure next to curl doing the same requests in the same run. See
// scripts/bench.
//
// 1. Change feed: pulls the whole feed of a demo shop (seed-demo --scale medium, cached under
//    <build>/bench-data/server-<scale>/) in pages of 5000, in rows/s; baseline: one curl process
//    fetching the same pages (same cursors) over one reused connection.
// 2. Mutations: batches of 100 inventory.adjust through POST /sync/mutations, in mutations/s;
//    baseline: curl posting the same kind of batches. Runs on a scratch copy of the cached shop,
//    so the cache stays as seeded.
//
// Benchmarks report; they never fail for slowness. The exit code is non-zero only when the
// benchmark itself could not run.

#include "demo/demogenerator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDeadlineTimer>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUuid>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <simdjson.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string_view>
#include <vector>

using namespace sk;

namespace {

constexpr int kPageLimit = 5000;
constexpr int kBatchSize = 100;

[[noreturn]] void fail(const QString &what)
{
    std::fprintf(stderr, "storekeep-bench-server: %s\n", qPrintable(what));
    std::exit(1);
}

void progress(const QString &line)
{
    std::fprintf(stderr, "%s\n", qPrintable(line));
}

QString perSecond(double count, double seconds)
{
    return QStringLiteral("%1/s").arg(QLocale::c().toString(qint64(count / std::max(seconds, 1e-9))));
}

QString ratio(double ours, double baseline)
{
    return baseline > 0 ? QStringLiteral("%1x").arg(ours / baseline, 0, 'f', 2) : QStringLiteral("-");
}

QString serverBinary()
{
    const QString path = QCoreApplication::applicationDirPath() + QStringLiteral("/storekeep-server");
    if (!QFileInfo::exists(path))
        fail(QStringLiteral("%1 is missing: build the storekeep-server target").arg(path));
    return path;
}

// `storekeep-server <args> --data DIR`; its stdout, or the run fails.
QByteArray admin(const QStringList &args, const QString &dataDir)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::SeparateChannels);
    p.start(serverBinary(), args + QStringList{QStringLiteral("--data"), dataDir});
    if (!p.waitForFinished(-1) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        fail(QStringLiteral("storekeep-server %1 failed: %2").arg(args.join(u' '), QString::fromUtf8(p.readAllStandardError())));
    }
    return p.readAllStandardOutput();
}

// ---- a plain keep-alive HTTP/1.1 client over one TCP connection --------------------------

class HttpConnection
{
public:
    struct Response
    {
        int status = 0;
        QByteArray body;
    };

    explicit HttpConnection(quint16 port) : m_port(port) {}
    ~HttpConnection() { close(); }
    HttpConnection(const HttpConnection &) = delete;
    HttpConnection &operator=(const HttpConnection &) = delete;

    Response request(const QByteArray &method, const QByteArray &target, const QByteArray &bearer,
                     const QByteArray &body = {})
    {
        if (m_fd < 0)
            open();
        QByteArray head = method + ' ' + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + bearer + "\r\n";
        if (!body.isEmpty() || method == "POST")
            head += "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n";
        head += "\r\n";
        sendAll(head + body);
        return readResponse();
    }

private:
    void open()
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
        if (m_fd < 0)
            fail(QStringLiteral("socket() failed"));
        const int one = 1;
        ::setsockopt(m_fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_port = htons(m_port);
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (::connect(m_fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0)
            fail(QStringLiteral("cannot connect to 127.0.0.1:%1").arg(m_port));
        m_buffer.clear();
    }

    void close()
    {
        if (m_fd >= 0)
            ::close(m_fd);
        m_fd = -1;
    }

    void sendAll(const QByteArray &data)
    {
        qsizetype sent = 0;
        while (sent < data.size()) {
            const ssize_t n = ::send(m_fd, data.constData() + sent, size_t(data.size() - sent), MSG_NOSIGNAL);
            if (n <= 0)
                fail(QStringLiteral("send() failed"));
            sent += n;
        }
    }

    bool fill()
    {
        char chunk[256 * 1024];
        const ssize_t n = ::recv(m_fd, chunk, sizeof chunk, 0);
        if (n <= 0)
            return false;
        m_buffer.append(chunk, qsizetype(n));
        return true;
    }

    Response readResponse()
    {
        qsizetype headerEnd;
        while ((headerEnd = m_buffer.indexOf("\r\n\r\n")) < 0) {
            if (!fill())
                fail(QStringLiteral("the server closed the connection"));
        }
        const QList<QByteArray> lines = m_buffer.left(headerEnd).split('\n');
        Response response;
        response.status = lines.value(0).split(' ').value(1).toInt();
        qint64 length = -1;
        bool chunked = false;
        bool closeAfter = false;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines.at(i).trimmed().toLower();
            if (line.startsWith("content-length:"))
                length = line.mid(15).trimmed().toLongLong();
            else if (line.startsWith("transfer-encoding:") && line.contains("chunked"))
                chunked = true;
            else if (line.startsWith("connection:") && line.contains("close"))
                closeAfter = true;
        }
        m_buffer.remove(0, headerEnd + 4);
        if (chunked) {
            for (;;) {
                qsizetype lineEnd;
                while ((lineEnd = m_buffer.indexOf("\r\n")) < 0) {
                    if (!fill())
                        fail(QStringLiteral("truncated chunked body"));
                }
                const qint64 size = m_buffer.left(lineEnd).split(';').first().trimmed().toLongLong(nullptr, 16);
                while (m_buffer.size() < lineEnd + 2 + size + 2) {
                    if (!fill())
                        fail(QStringLiteral("truncated chunk"));
                }
                response.body.append(m_buffer.mid(lineEnd + 2, size));
                m_buffer.remove(0, lineEnd + 2 + size + 2);
                if (size == 0)
                    break;
            }
        } else if (length >= 0) {
            while (m_buffer.size() < length) {
                if (!fill())
                    fail(QStringLiteral("truncated body"));
            }
            response.body = m_buffer.left(length);
            m_buffer.remove(0, length);
        } else {
            while (fill()) {
            }
            response.body = m_buffer;
            m_buffer.clear();
            closeAfter = true;
        }
        if (closeAfter)
            close();
        return response;
    }

    quint16 m_port;
    int m_fd = -1;
    QByteArray m_buffer;
};

// ---- the server -------------------------------------------------------------------------

class Server
{
public:
    explicit Server(const QString &dataDir)
    {
        m_process.setProcessChannelMode(QProcess::SeparateChannels);
        m_process.setStandardErrorFile(QProcess::nullDevice()); // the request log, one line per request
        m_process.start(serverBinary(), {QStringLiteral("serve"), QStringLiteral("--data"), dataDir, QStringLiteral("--listen"),
                                         QStringLiteral("127.0.0.1:0")});
        static const QRegularExpression listening(QStringLiteral("listening on https?://[^\\s]+:(\\d+)"));
        QString seen;
        QDeadlineTimer deadline(60000);
        while (!deadline.hasExpired() && m_process.state() != QProcess::NotRunning) {
            m_process.waitForReadyRead(200);
            seen += QString::fromUtf8(m_process.readAllStandardOutput());
            const auto m = listening.match(seen);
            if (m.hasMatch()) {
                m_port = quint16(m.captured(1).toUInt());
                return;
            }
        }
        fail(QStringLiteral("storekeep-server did not start: %1").arg(seen));
    }
    ~Server()
    {
        m_process.terminate();
        if (!m_process.waitForFinished(30000))
            m_process.kill();
        m_process.waitForFinished();
    }
    quint16 port() const { return m_port; }

private:
    QProcess m_process;
    quint16 m_port = 0;
};

// ---- the cached demo shop ---------------------------------------------------------------

struct CachedShop
{
    QString dataDir;
    QString shopId;
    QString token;
    QJsonObject info;
    bool builtNow = false;
};

QString serverVersion()
{
    QProcess p;
    p.start(serverBinary(), {QStringLiteral("--version")});
    p.waitForFinished(-1);
    return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
}

CachedShop cachedShop(const QString &root, DemoScale scale, bool rebuild)
{
    const QString dir = root + QStringLiteral("/server-") + toString(scale);
    const QString infoPath = dir + QStringLiteral("/bench.json");
    const QString version = serverVersion();
    CachedShop shop;
    shop.dataDir = dir + QStringLiteral("/data");
    QFile infoFile(infoPath);
    if (!rebuild && infoFile.open(QIODevice::ReadOnly)) {
        const QJsonObject info = QJsonDocument::fromJson(infoFile.readAll()).object();
        if (info.value(QStringLiteral("generator")).toInt() == DemoGenerator::Version
            && info.value(QStringLiteral("server")).toString() == version) {
            shop.shopId = info.value(QStringLiteral("shop_id")).toString();
            shop.token = info.value(QStringLiteral("token")).toString();
            shop.info = info;
            return shop;
        }
    }
    progress(QStringLiteral("seeding a %1 demo shop into %2 (once; reused while generator and server are unchanged)")
                 .arg(toString(scale), dir));
    QDir(dir).removeRecursively();
    if (!QDir().mkpath(shop.dataDir))
        fail(QStringLiteral("cannot create %1").arg(shop.dataDir));
    admin({QStringLiteral("init")}, shop.dataDir);
    static const QRegularExpression uuid(QStringLiteral("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"));
    const auto id = uuid.match(QString::fromUtf8(admin({QStringLiteral("create-shop"), QStringLiteral("--name"),
                                                        QStringLiteral("Demo Outfitters"), QStringLiteral("--currency"),
                                                        QStringLiteral("EUR"), QStringLiteral("--time-zone"),
                                                        QStringLiteral("Europe/Paris"), QStringLiteral("--locale"),
                                                        QStringLiteral("fr-FR")},
                                                       shop.dataDir)));
    if (!id.hasMatch())
        fail(QStringLiteral("create-shop printed no id"));
    shop.shopId = id.captured(0);
    QElapsedTimer timer;
    timer.start();
    const QByteArray seeded = admin({QStringLiteral("seed-demo"), QStringLiteral("--shop"), shop.shopId, QStringLiteral("--scale"),
                                     toString(scale)},
                                    shop.dataDir);
    const qint64 seedMs = timer.elapsed();
    static const QRegularExpression apiToken(QStringLiteral("skapi_[A-Za-z0-9_-]+"));
    const auto token = apiToken.match(QString::fromUtf8(admin({QStringLiteral("create-api-token"), QStringLiteral("--shop"),
                                                               shop.shopId, QStringLiteral("--role"), QStringLiteral("owner"),
                                                               QStringLiteral("--name"), QStringLiteral("storekeep-bench-server")},
                                                              shop.dataDir)));
    if (!token.hasMatch())
        fail(QStringLiteral("create-api-token printed no token"));
    shop.token = token.captured(0);
    shop.info = QJsonObject{{QStringLiteral("generator"), DemoGenerator::Version},
                            {QStringLiteral("server"), version},
                            {QStringLiteral("scale"), toString(scale)},
                            {QStringLiteral("shop_id"), shop.shopId},
                            {QStringLiteral("token"), shop.token},
                            {QStringLiteral("seed_ms"), seedMs},
                            {QStringLiteral("seeded"), QJsonDocument::fromJson(seeded).object()},
                            {QStringLiteral("built_at"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)}};
    if (!infoFile.open(QIODevice::WriteOnly | QIODevice::Truncate))
        fail(QStringLiteral("cannot write %1").arg(infoPath));
    infoFile.write(QJsonDocument(shop.info).toJson());
    shop.builtNow = true;
    return shop;
}

bool copyTree(const QString &from, const QString &to)
{
    QDirIterator it(from, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString source = it.next();
        const QString target = to + source.mid(from.size());
        QDir().mkpath(QFileInfo(target).path());
        if (!QFile::copy(source, target))
            return false;
    }
    return true;
}

// ---- measuring --------------------------------------------------------------------------

struct Page
{
    qint64 rows = 0;
    std::string nextCursor;
    bool hasMore = false;
    qint64 lastAppliedSeq = 0;
};

simdjson::ondemand::parser &jsonParser()
{
    static simdjson::ondemand::parser parser;
    return parser;
}

// The page's row count and cursor, read with simdjson On-Demand (no document tree); the level
// ids "<variant>:<location>" go to *levels while it holds fewer than `wanted`.
Page readPage(const QByteArray &body, std::vector<std::string> *levels = nullptr, size_t wanted = 0)
{
    Page page;
    simdjson::padded_string json(body.constData(), size_t(body.size()));
    simdjson::ondemand::document doc = jsonParser().iterate(json);
    for (auto field : doc.get_object()) {
        const std::string_view key = field.unescaped_key().value();
        if (key == "changes") {
            for (auto change : field.value().get_array()) {
                ++page.rows;
                if (levels && levels->size() < wanted) {
                    std::string_view type;
                    std::string_view id;
                    for (auto f : change.get_object()) {
                        const std::string_view k = f.unescaped_key().value();
                        if (k == "type")
                            type = f.value().get_string().value();
                        else if (k == "id")
                            id = f.value().get_string().value();
                        if (!type.empty() && !id.empty())
                            break;
                    }
                    if (type == "inventory_level")
                        levels->emplace_back(id);
                }
            }
        } else if (key == "next_cursor") {
            page.nextCursor = std::string(field.value().get_string().value());
        } else if (key == "has_more") {
            page.hasMore = field.value().get_bool().value();
        } else if (key == "last_applied_seq") {
            page.lastAppliedSeq = field.value().get_int64().value();
        }
    }
    return page;
}

struct Pull
{
    qint64 rows = 0;
    qint64 bytes = 0;
    double seconds = 0;
    QList<QByteArray> targets; // the request targets, page by page (for curl)
};

Pull pullFeed(quint16 port, const QString &shopId, const QByteArray &token, std::vector<std::string> *levels)
{
    HttpConnection http(port);
    Pull pull;
    std::string cursor;
    QElapsedTimer timer;
    timer.start();
    for (;;) {
        const QByteArray target = QStringLiteral("/v1/shops/%1/sync/changes?limit=%2&cursor=%3")
                                      .arg(shopId)
                                      .arg(kPageLimit)
                                      .arg(QString::fromStdString(cursor))
                                      .toUtf8();
        const HttpConnection::Response r = http.request("GET", target, token);
        if (r.status != 200)
            fail(QStringLiteral("changes answered %1: %2").arg(r.status).arg(QString::fromUtf8(r.body.left(300))));
        const Page page = readPage(r.body, levels, 1000);
        pull.targets.append(target);
        pull.rows += page.rows;
        pull.bytes += r.body.size();
        cursor = page.nextCursor;
        if (!page.hasMore)
            break;
    }
    pull.seconds = timer.nsecsElapsed() / 1e9;
    return pull;
}

// Runs curl over a config file (one reused connection for every request); wall seconds, and
// the HTTP status of every transfer.
double runCurl(const QString &configPath, QList<int> *statuses)
{
    const QString curl = QStandardPaths::findExecutable(QStringLiteral("curl"));
    if (curl.isEmpty())
        return -1;
    QProcess p;
    QElapsedTimer timer;
    timer.start();
    p.start(curl, {QStringLiteral("--silent"), QStringLiteral("--show-error"), QStringLiteral("--config"), configPath});
    p.waitForFinished(-1);
    const double seconds = timer.nsecsElapsed() / 1e9;
    for (const QByteArray &line : p.readAllStandardOutput().split('\n')) {
        if (!line.trimmed().isEmpty())
            statuses->append(line.trimmed().toInt());
    }
    if (p.exitCode() != 0)
        fail(QStringLiteral("curl failed: %1").arg(QString::fromUtf8(p.readAllStandardError())));
    return seconds;
}

QByteArray curlTransfer(quint16 port, const QByteArray &target, const QByteArray &token, const QString &bodyFile = {})
{
    QByteArray c = "url = \"http://127.0.0.1:" + QByteArray::number(port) + target + "\"\n";
    c += "header = \"Authorization: Bearer " + token + "\"\n";
    if (!bodyFile.isEmpty()) {
        c += "header = \"Content-Type: application/json\"\n";
        c += "data-binary = \"@" + bodyFile.toUtf8() + "\"\n";
    }
    c += "output = \"/dev/null\"\nwrite-out = \"%{http_code}\\n\"\n";
    return c;
}

QByteArray batchBody(const QString &clientId, qint64 firstSeq, const std::vector<std::string> &levels, size_t &cursor)
{
    QJsonArray mutations;
    for (int i = 0; i < kBatchSize; ++i) {
        const std::string &level = levels[cursor++ % levels.size()];
        const size_t colon = level.find(':');
        mutations.append(QJsonObject{
            {QStringLiteral("seq"), firstSeq + i},
            {QStringLiteral("mutation_id"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
            {QStringLiteral("name"), QStringLiteral("inventory.adjust")},
            {QStringLiteral("args"), QJsonObject{{QStringLiteral("variant_id"), QString::fromStdString(level.substr(0, colon))},
                                                 {QStringLiteral("location_id"), QString::fromStdString(level.substr(colon + 1))},
                                                 {QStringLiteral("delta"), 1},
                                                 {QStringLiteral("reason"), QStringLiteral("received")},
                                                 {QStringLiteral("reference"), QStringLiteral("BENCH-%1").arg(firstSeq + i)}}}});
    }
    return QJsonDocument(QJsonObject{{QStringLiteral("client_id"), clientId}, {QStringLiteral("mutations"), mutations}})
        .toJson(QJsonDocument::Compact);
}

struct Row
{
    QString measure;
    QString ours;
    QString baseline;
    QString ratio;
    QString how;
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("storekeep-bench-server"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Measures storekeep-server over loopback HTTP next to curl."));
    parser.addHelpOption();
    const QCommandLineOption scaleOption(QStringLiteral("scale"), QStringLiteral("Demo shop: small, medium (default) or large."),
                                         QStringLiteral("scale"), QStringLiteral("medium"));
    const QCommandLineOption dataOption(QStringLiteral("data-dir"),
                                        QStringLiteral("Cache directory (default: <build>/bench-data)."), QStringLiteral("dir"));
    const QCommandLineOption batchesOption(QStringLiteral("batches"),
                                           QStringLiteral("Mutation batches of 100 per client (default 20)."),
                                           QStringLiteral("n"), QStringLiteral("20"));
    const QCommandLineOption rebuildOption(QStringLiteral("rebuild"), QStringLiteral("Seed the cached shop again."));
    parser.addOptions({scaleOption, dataOption, batchesOption, rebuildOption});
    parser.process(app);

    const auto scale = demoScaleFromString(parser.value(scaleOption));
    if (!scale)
        fail(QStringLiteral("unknown scale \"%1\" (small, medium, large)").arg(parser.value(scaleOption)));
    const int batches = std::max(1, parser.value(batchesOption).toInt());
    const QString dataRoot = parser.isSet(dataOption)
                                 ? parser.value(dataOption)
                                 : QDir::cleanPath(QCoreApplication::applicationDirPath() + QStringLiteral("/../bench-data"));
    const CachedShop shop = cachedShop(dataRoot, *scale, parser.isSet(rebuildOption));
    const QByteArray token = shop.token.toUtf8();
    QList<Row> rows;
    QTemporaryDir scratch;
    if (!scratch.isValid())
        fail(QStringLiteral("no temporary directory"));

    // --- Change feed -----------------------------------------------------------------------
    std::vector<std::string> levels;
    {
        Server server(shop.dataDir);
        progress(QStringLiteral("pulling the change feed (warm-up, collecting cursors)"));
        const Pull warm = pullFeed(server.port(), shop.shopId, token, &levels);
        QByteArray config;
        for (const QByteArray &target : warm.targets)
            config += (config.isEmpty() ? QByteArray() : QByteArray("next\n")) + curlTransfer(server.port(), target, token);
        const QString configPath = scratch.filePath(QStringLiteral("feed.curl"));
        QFile f(configPath);
        if (!f.open(QIODevice::WriteOnly) || f.write(config) != config.size())
            fail(QStringLiteral("cannot write %1").arg(configPath));
        f.close();
        progress(QStringLiteral("pulling the change feed with curl"));
        QList<int> statuses;
        const double curlSeconds = runCurl(configPath, &statuses);
        if (curlSeconds >= 0 && (statuses.size() != warm.targets.size()
                                 || std::any_of(statuses.begin(), statuses.end(), [](int s) { return s != 200; })))
            fail(QStringLiteral("curl did not get every page"));
        progress(QStringLiteral("pulling the change feed"));
        const Pull pull = pullFeed(server.port(), shop.shopId, token, nullptr);
        const double ours = double(pull.rows) / pull.seconds;
        const double baseline = curlSeconds > 0 ? double(pull.rows) / curlSeconds : 0;
        rows << Row{QStringLiteral("Change feed pull, %1 shop (%2 rows, %3 MB)")
                        .arg(toString(*scale), QLocale::c().toString(pull.rows))
                        .arg(pull.bytes / 1e6, 0, 'f', 0),
                    perSecond(double(pull.rows), pull.seconds) + QStringLiteral(" (%1 s)").arg(pull.seconds, 0, 'f', 2),
                    curlSeconds < 0 ? QStringLiteral("no curl")
                                    : perSecond(double(pull.rows), curlSeconds) + QStringLiteral(" (%1 s)").arg(curlSeconds, 0, 'f', 2),
                    ratio(ours, baseline),
                    QStringLiteral("GET /sync/changes?limit=%1 page after page (%2 pages) over one keep-alive connection, "
                                   "each page read with simdjson On-Demand (rows counted, cursor taken); baseline: one "
                                   "`curl --config` process fetching the same %2 URLs to /dev/null over one reused "
                                   "connection. Both against the same server process; the server's work dominates both.")
                        .arg(kPageLimit)
                        .arg(warm.targets.size())};
    }
    if (levels.empty())
        fail(QStringLiteral("the feed holds no inventory levels to adjust"));

    // --- Mutations (on a scratch copy, so the cache stays as seeded) -------------------------
    {
        const QString copy = scratch.filePath(QStringLiteral("data"));
        if (!copyTree(shop.dataDir, copy))
            fail(QStringLiteral("cannot copy %1").arg(shop.dataDir));
        Server server(copy);
        HttpConnection http(server.port());
        const auto registerClient = [&](const QString &clientId) {
            const auto r = http.request("POST", QStringLiteral("/v1/shops/%1/sync/clients").arg(shop.shopId).toUtf8(), token,
                                        QJsonDocument(QJsonObject{{QStringLiteral("client_id"), clientId}}).toJson(QJsonDocument::Compact));
            if (r.status != 200)
                fail(QStringLiteral("sync/clients answered %1").arg(r.status));
        };
        const QByteArray target = QStringLiteral("/v1/shops/%1/sync/mutations").arg(shop.shopId).toUtf8();
        size_t levelCursor = 0;

        const QString ourClient = QUuid::createUuid().toString(QUuid::WithoutBraces);
        registerClient(ourClient);
        // Bodies are built before the clock starts: the figure is the HTTP round trip and the server's work.
        QList<QByteArray> bodies;
        for (int b = 0; b < batches; ++b)
            bodies.append(batchBody(ourClient, 1 + qint64(b) * kBatchSize, levels, levelCursor));
        progress(QStringLiteral("posting %1 batches of %2 inventory.adjust").arg(batches).arg(kBatchSize));
        qint64 applied = 0;
        QElapsedTimer timer;
        timer.start();
        for (const QByteArray &body : std::as_const(bodies)) {
            const auto r = http.request("POST", target, token, body);
            if (r.status != 200)
                fail(QStringLiteral("mutations answered %1: %2").arg(r.status).arg(QString::fromUtf8(r.body.left(300))));
            applied += r.body.count("\"status\":\"applied\"");
        }
        const double ourSeconds = timer.nsecsElapsed() / 1e9;
        if (applied != qint64(batches) * kBatchSize)
            fail(QStringLiteral("only %1 of %2 mutations were applied").arg(applied).arg(qint64(batches) * kBatchSize));

        const QString curlClient = QUuid::createUuid().toString(QUuid::WithoutBraces);
        registerClient(curlClient);
        QByteArray config;
        for (int b = 0; b < batches; ++b) {
            const QString file = scratch.filePath(QStringLiteral("batch-%1.json").arg(b));
            QFile f(file);
            const QByteArray body = batchBody(curlClient, 1 + qint64(b) * kBatchSize, levels, levelCursor);
            if (!f.open(QIODevice::WriteOnly) || f.write(body) != body.size())
                fail(QStringLiteral("cannot write %1").arg(file));
            config += (config.isEmpty() ? QByteArray() : QByteArray("next\n")) + curlTransfer(server.port(), target, token, file);
        }
        const QString configPath = scratch.filePath(QStringLiteral("mutations.curl"));
        QFile f(configPath);
        if (!f.open(QIODevice::WriteOnly) || f.write(config) != config.size())
            fail(QStringLiteral("cannot write %1").arg(configPath));
        f.close();
        progress(QStringLiteral("posting the same with curl"));
        QList<int> statuses;
        const double curlSeconds = runCurl(configPath, &statuses);
        if (curlSeconds >= 0) {
            // curl's batches were applied too: the client's seq reached the end.
            const auto r = http.request("GET", QStringLiteral("/v1/shops/%1/sync/changes?limit=1&client_id=%2&cursor=")
                                                   .arg(shop.shopId, curlClient)
                                                   .toUtf8(),
                                        token);
            if (readPage(r.body).lastAppliedSeq != qint64(batches) * kBatchSize)
                fail(QStringLiteral("curl's mutations were not all applied"));
        }
        const double total = double(batches) * kBatchSize;
        rows << Row{QStringLiteral("Mutation apply, %1 x %2 inventory.adjust").arg(batches).arg(kBatchSize),
                    perSecond(total, ourSeconds) + QStringLiteral(" (%1 ms/batch)").arg(ourSeconds * 1000 / batches, 0, 'f', 1),
                    curlSeconds < 0 ? QStringLiteral("no curl")
                                    : perSecond(total, curlSeconds)
                                          + QStringLiteral(" (%1 ms/batch)").arg(curlSeconds * 1000 / batches, 0, 'f', 1),
                    ratio(total / ourSeconds, curlSeconds > 0 ? total / curlSeconds : 0),
                    QStringLiteral("POST /sync/mutations, %1 batches of %2 inventory.adjust (+1 received, %3 distinct "
                                   "levels), each mutation atomic in its own savepoint, one durable commit per batch (WAL, synchronous=FULL), one "
                                   "keep-alive connection; baseline: one `curl --config` process posting %1 prepared "
                                   "batch files of another client over one reused connection (the HTTP overhead)")
                        .arg(batches)
                        .arg(kBatchSize)
                        .arg(std::min<size_t>(levels.size(), size_t(batches) * kBatchSize))};
    }

    std::printf("\nStorekeep server benchmark: %s demo shop (%s), seeded %s in %.1f s\ndata: %s\n\n", qPrintable(toString(*scale)),
                qPrintable(shop.info.value(QStringLiteral("server")).toString()),
                qPrintable(shop.info.value(QStringLiteral("built_at")).toString()),
                shop.info.value(QStringLiteral("seed_ms")).toDouble() / 1000.0, qPrintable(shop.dataDir));
    std::printf("| Measure | storekeep-server + plain client | curl (same run) | Ratio |\n|---|---|---|---|\n");
    for (const Row &r : std::as_const(rows))
        std::printf("| %s | %s | %s | %s |\n", qPrintable(r.measure), qPrintable(r.ours), qPrintable(r.baseline), qPrintable(r.ratio));
    std::printf("\nHow each figure was taken:\n");
    for (const Row &r : std::as_const(rows))
        std::printf("- %s: %s\n", qPrintable(r.measure), qPrintable(r.how));
    std::printf("\nRatios are ours / curl in rows or mutations per second (1.00x: the client adds nothing). "
                "Benchmarks report; they never fail for slowness.\n");
    return 0;
}
