#pragma once

// Shared by the benchmarks that talk to storekeep-server over loopback (bench_server.cpp,
// bench_sync.cpp): the cached seeded server, a server process, a plain keep-alive HTTP/1.1
// client, curl baselines and the markdown table. Benchmarks report; they never fail for
// slowness, so fail() is only for "the benchmark itself could not run".

#include "demo/demogenerator.h"

#include <QByteArray>
#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QJsonObject>
#include <QList>
#include <QProcess>
#include <QString>
#include <QStringList>

#include <string>
#include <vector>

namespace sk::bench {

// Prints "<application name>: what" to stderr and exits with 1, after stopping every running
// Server and removing the directories given to removeOnFail() (exit() runs no destructors).
[[noreturn]] void fail(const QString &what);
void removeOnFail(const QString &dir);
// One line to stderr (stdout holds only the report).
void progress(const QString &line);

// "12,345/s"
QString perSecond(double count, double seconds);
// "1.23x" (ours / baseline), "-" without a baseline.
QString ratio(double ours, double baseline);

// <build>/bench-data: the default cache directory, beside bin/.
QString defaultDataRoot();
// The scale named on the command line, or fail().
DemoScale scaleFromString(const QString &text);

// storekeep-server beside this executable, or fail().
QString serverBinary();
// `storekeep-server <args> --data DIR`; its stdout, or the run fails.
QByteArray admin(const QStringList &args, const QString &dataDir);
QString serverVersion();

// A server data directory with one seeded demo shop and an owner API token, cached under
// <root>/server-<scale>/ and reused while the demo generator and the server are unchanged.
struct CachedShop
{
    QString dataDir;
    QString shopId;
    QString token;
    QJsonObject info; // bench.json: versions, seed time, the seeder's stats
    bool builtNow = false;
};
CachedShop cachedShop(const QString &root, DemoScale scale, bool rebuild);

// The command-line options every server benchmark has (--scale, --data-dir, --rebuild); the
// caller adds them to its parser in the order its --help should list them.
struct ShopOptions
{
    QCommandLineOption scale{QStringLiteral("scale"), QStringLiteral("Demo shop: small, medium (default) or large."),
                             QStringLiteral("scale"), QStringLiteral("medium")};
    QCommandLineOption dataDir{QStringLiteral("data-dir"), QStringLiteral("Cache directory (default: <build>/bench-data)."),
                               QStringLiteral("dir")};
    QCommandLineOption rebuild{QStringLiteral("rebuild"), QStringLiteral("Seed the cached shop again.")};

    // The scale asked for (or fail()).
    DemoScale scaleIn(const QCommandLineParser &parser) const;
    // The cached shop of that scale in the data dir asked for.
    CachedShop cachedShopFor(const QCommandLineParser &parser) const;
};

// Copies every file under `from` to `to` (a scratch copy of a cached data dir).
bool copyTree(const QString &from, const QString &to);
// Writes the whole file, or fail().
void writeFile(const QString &path, const QByteArray &data);

// A plain keep-alive HTTP/1.1 client over one TCP connection to 127.0.0.1.
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
                     const QByteArray &body = {});

private:
    void open();
    void close();
    void sendAll(const QByteArray &data);
    bool fill();
    Response readResponse();

    quint16 m_port;
    int m_fd = -1;
    QByteArray m_buffer;
};

// `storekeep-server serve` on a free loopback port for the object's lifetime.
class Server
{
public:
    explicit Server(const QString &dataDir);
    ~Server();
    Server(const Server &) = delete;
    Server &operator=(const Server &) = delete;

    quint16 port() const { return m_port; }
    QString url() const; // http://127.0.0.1:<port>

    static void stopAll(); // for fail()

private:
    void stop();

    QProcess m_process;
    quint16 m_port = 0;
};

// What a change-feed page says, read with simdjson On-Demand (no document tree).
struct Page
{
    qint64 rows = 0;
    std::string nextCursor;
    bool hasMore = false;
    qint64 lastAppliedSeq = 0;
};
// The level ids "<variant>:<location>" go to *levels while it holds fewer than `wanted`.
Page readPage(const QByteArray &body, std::vector<std::string> *levels = nullptr, size_t wanted = 0);

struct Pull
{
    qint64 rows = 0;
    qint64 bytes = 0;
    double seconds = 0;
    QList<QByteArray> targets; // the request targets, page by page (for curl)
};
// The whole change feed, page after page over one HttpConnection.
Pull pullFeed(quint16 port, const QString &shopId, const QByteArray &token, std::vector<std::string> *levels,
              int pageLimit);

// Runs curl over a config file (one reused connection for every request); wall seconds, and
// the HTTP status of every transfer; -1 when curl is not installed.
double runCurl(const QString &configPath, QList<int> *statuses);
// One transfer of a curl config: GET `target`, or POST the file `bodyFile`; output discarded.
QByteArray curlTransfer(quint16 port, const QByteArray &target, const QByteArray &token, const QString &bodyFile = {});
// Transfers joined into one config ("next" between them).
QByteArray curlConfig(const QList<QByteArray> &transfers);

// A POST /sync/mutations body: `count` inventory.adjust (+1 received) from seq `firstSeq` on,
// round-robin over `levels` from *cursor on.
QByteArray batchBody(const QString &clientId, qint64 firstSeq, int count, const std::vector<std::string> &levels,
                     size_t &cursor);

// One line of the report: the markdown table, then "How each figure was taken".
struct Row
{
    QString measure;
    QString ours;
    QString baseline;
    QString ratio;
    QString how;
    QString goal = {}; // a Goal column is printed when any row has one (no warning when left out)
};
void printTable(const QString &oursHeader, const QString &baselineHeader, const QList<Row> &rows);

} // namespace sk::bench
