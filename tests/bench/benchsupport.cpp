#include "benchsupport.h"

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
#include <QLocale>
#include <QRegularExpression>
#include <QStandardPaths>
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
#include <string_view>
#include <utility>

namespace sk::bench {

namespace {

QStringList &failCleanupDirs()
{
    static QStringList dirs;
    return dirs;
}

QList<Server *> &runningServers()
{
    static QList<Server *> servers;
    return servers;
}

} // namespace

void fail(const QString &what)
{
    std::fprintf(stderr, "%s: %s\n", qPrintable(QCoreApplication::applicationName()), qPrintable(what));
    Server::stopAll();
    for (const QString &dir : std::as_const(failCleanupDirs()))
        QDir(dir).removeRecursively();
    std::exit(1);
}

void removeOnFail(const QString &dir)
{
    failCleanupDirs().append(dir);
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

QString defaultDataRoot()
{
    return QDir::cleanPath(QCoreApplication::applicationDirPath() + QStringLiteral("/../bench-data"));
}

DemoScale scaleFromString(const QString &text)
{
    const auto scale = demoScaleFromString(text);
    if (!scale)
        fail(QStringLiteral("unknown scale \"%1\" (small, medium, large)").arg(text));
    return *scale;
}

QString serverBinary()
{
    const QString path = QCoreApplication::applicationDirPath() + QStringLiteral("/storekeep-server");
    if (!QFileInfo::exists(path))
        fail(QStringLiteral("%1 is missing: build the storekeep-server target").arg(path));
    return path;
}

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

QString serverVersion()
{
    QProcess p;
    p.start(serverBinary(), {QStringLiteral("--version")});
    p.waitForFinished(-1);
    return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
}

// ---- the cached demo shop ---------------------------------------------------------------

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

DemoScale ShopOptions::scaleIn(const QCommandLineParser &parser) const
{
    return scaleFromString(parser.value(scale));
}

CachedShop ShopOptions::cachedShopFor(const QCommandLineParser &parser) const
{
    return cachedShop(parser.isSet(dataDir) ? parser.value(dataDir) : defaultDataRoot(), scaleIn(parser),
                      parser.isSet(rebuild));
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

void writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(data) != data.size())
        fail(QStringLiteral("cannot write %1").arg(path));
}

// ---- a plain keep-alive HTTP/1.1 client over one TCP connection --------------------------

HttpConnection::Response HttpConnection::request(const QByteArray &method, const QByteArray &target, const QByteArray &bearer,
                                                 const QByteArray &body)
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

void HttpConnection::open()
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

void HttpConnection::close()
{
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = -1;
}

void HttpConnection::sendAll(const QByteArray &data)
{
    qsizetype sent = 0;
    while (sent < data.size()) {
        const ssize_t n = ::send(m_fd, data.constData() + sent, size_t(data.size() - sent), MSG_NOSIGNAL);
        if (n <= 0)
            fail(QStringLiteral("send() failed"));
        sent += n;
    }
}

bool HttpConnection::fill()
{
    char chunk[256 * 1024];
    const ssize_t n = ::recv(m_fd, chunk, sizeof chunk, 0);
    if (n <= 0)
        return false;
    m_buffer.append(chunk, qsizetype(n));
    return true;
}

HttpConnection::Response HttpConnection::readResponse()
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

// ---- the server -------------------------------------------------------------------------

Server::Server(const QString &dataDir)
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
            runningServers().append(this);
            return;
        }
    }
    m_process.kill();
    m_process.waitForFinished();
    fail(QStringLiteral("storekeep-server did not start: %1").arg(seen));
}

Server::~Server()
{
    runningServers().removeOne(this);
    stop();
}

void Server::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(30000))
        m_process.kill();
    m_process.waitForFinished();
}

void Server::stopAll()
{
    const QList<Server *> servers = std::exchange(runningServers(), {});
    for (Server *server : servers)
        server->stop();
}

QString Server::url() const
{
    return QStringLiteral("http://127.0.0.1:%1").arg(m_port);
}

// ---- the change feed --------------------------------------------------------------------

namespace {

simdjson::ondemand::parser &jsonParser()
{
    static simdjson::ondemand::parser parser;
    return parser;
}

} // namespace

Page readPage(const QByteArray &body, std::vector<std::string> *levels, size_t wanted)
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

Pull pullFeed(quint16 port, const QString &shopId, const QByteArray &token, std::vector<std::string> *levels, int pageLimit)
{
    HttpConnection http(port);
    Pull pull;
    std::string cursor;
    QElapsedTimer timer;
    timer.start();
    for (;;) {
        const QByteArray target = QStringLiteral("/v1/shops/%1/sync/changes?limit=%2&cursor=%3")
                                      .arg(shopId)
                                      .arg(pageLimit)
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

// ---- curl -------------------------------------------------------------------------------

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

QByteArray curlTransfer(quint16 port, const QByteArray &target, const QByteArray &token, const QString &bodyFile)
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

QByteArray curlConfig(const QList<QByteArray> &transfers)
{
    QByteArray config;
    for (const QByteArray &transfer : transfers)
        config += (config.isEmpty() ? QByteArray() : QByteArray("next\n")) + transfer;
    return config;
}

QByteArray batchBody(const QString &clientId, qint64 firstSeq, int count, const std::vector<std::string> &levels,
                     size_t &cursor)
{
    QJsonArray mutations;
    for (int i = 0; i < count; ++i) {
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

// ---- the report -------------------------------------------------------------------------

void printTable(const QString &oursHeader, const QString &baselineHeader, const QList<Row> &rows)
{
    const bool goals = std::any_of(rows.begin(), rows.end(), [](const Row &r) { return !r.goal.isEmpty(); });
    std::printf("| Measure | %s | %s | Ratio |%s\n|---|---|---|---|%s\n", qPrintable(oursHeader), qPrintable(baselineHeader),
                goals ? " Goal |" : "", goals ? "---|" : "");
    for (const Row &r : rows) {
        std::printf("| %s | %s | %s | %s |", qPrintable(r.measure), qPrintable(r.ours), qPrintable(r.baseline),
                    qPrintable(r.ratio));
        if (goals)
            std::printf(" %s |", qPrintable(r.goal.isEmpty() ? QStringLiteral("-") : r.goal));
        std::printf("\n");
    }
    std::printf("\nHow each figure was taken:\n");
    for (const Row &r : rows)
        std::printf("- %s: %s\n", qPrintable(r.measure), qPrintable(r.how));
}

} // namespace sk::bench
