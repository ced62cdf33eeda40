// storekeep-server: a minimal reference server. For now it only answers health checks;
// the sync API arrives with its own issue. See server/README.md.

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QHostAddress>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QJsonObject>
#include <QStringList>

#include <openssl/crypto.h>
#include <sqlite3.h>

#include <cstdio>
#include <optional>

using namespace Qt::StringLiterals;

namespace {

// Exit codes, as documented in server/README.md.
constexpr int ExitOk = 0;
constexpr int ExitError = 1;
constexpr int ExitUsage = 2;

void printLine(FILE *stream, const QString &text)
{
    std::fputs(text.toLocal8Bit().constData(), stream);
    std::fputc('\n', stream);
    std::fflush(stream); // tests and supervisors read the port from a pipe
}

QString usage()
{
    return u"Usage:\n"
           u"  storekeep-server serve --data DIR --listen HOST:PORT   (PORT 0 picks a free port)\n"
           u"  storekeep-server --version\n"
           u"  storekeep-server --help\n"
           u"Exit codes: 0 ok, 1 error, 2 usage."_s;
}

QString versionText()
{
    return u"storekeep-server %1 (Qt %2, SQLite %3, %4)"_s.arg(QStringLiteral(STOREKEEP_VERSION),
                                                                QString::fromLatin1(qVersion()),
                                                                QString::fromLatin1(sqlite3_libversion()),
                                                                QString::fromLatin1(OpenSSL_version(OPENSSL_VERSION)));
}

struct ListenAddress
{
    QHostAddress host;
    quint16 port = 0;
};

// "127.0.0.1:8080", "[::1]:0" or "localhost:0".
std::optional<ListenAddress> parseListen(const QString &text)
{
    const qsizetype colon = text.lastIndexOf(u':');
    if (colon <= 0)
        return std::nullopt;
    QString host = text.left(colon);
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    bool portOk = false;
    const uint port = text.mid(colon + 1).toUInt(&portOk);
    if (!portOk || port > 65535)
        return std::nullopt;
    QHostAddress address;
    if (host == "localhost"_L1)
        address = QHostAddress(QHostAddress::LocalHost);
    else if (!address.setAddress(host))
        return std::nullopt;
    return ListenAddress{address, quint16(port)};
}

int serve(const QStringList &args)
{
    QString dataDir;
    QString listen;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &arg = args.at(i);
        auto value = [&](const QString &name) -> std::optional<QString> {
            if (arg == name && i + 1 < args.size())
                return args.at(++i);
            if (arg.startsWith(name + u'='))
                return arg.mid(name.size() + 1);
            return std::nullopt;
        };
        if (auto v = value(u"--data"_s)) {
            dataDir = *v;
        } else if (auto l = value(u"--listen"_s)) {
            listen = *l;
        } else {
            printLine(stderr, u"storekeep-server: unknown argument '%1'\n%2"_s.arg(arg, usage()));
            return ExitUsage;
        }
    }
    if (dataDir.isEmpty() || listen.isEmpty()) {
        printLine(stderr, u"storekeep-server: serve needs --data DIR and --listen HOST:PORT\n%1"_s.arg(usage()));
        return ExitUsage;
    }
    const auto address = parseListen(listen);
    if (!address) {
        printLine(stderr, u"storekeep-server: '%1' is not HOST:PORT (for example 127.0.0.1:8080, or port 0 for "
                          u"any free port)"_s.arg(listen));
        return ExitUsage;
    }
    if (!QDir().mkpath(dataDir) || !QFileInfo(dataDir).isWritable()) {
        printLine(stderr, u"storekeep-server: cannot create or write the data directory %1"_s.arg(dataDir));
        return ExitError;
    }

    QHttpServer server;
    server.route(u"/healthz"_s, QHttpServerRequest::Method::Get, [] {
        return QHttpServerResponse(QJsonObject{{u"status"_s, u"ok"_s}, {u"version"_s, QStringLiteral(STOREKEEP_VERSION)}});
    });
    const quint16 port = server.listen(address->host, address->port);
    if (port == 0) {
        printLine(stderr, u"storekeep-server: cannot listen on %1 (address in use or not available)"_s.arg(listen));
        return ExitError;
    }
    const QString host = address->host.protocol() == QAbstractSocket::IPv6Protocol
                             ? u"[%1]"_s.arg(address->host.toString())
                             : address->host.toString();
    printLine(stdout, u"listening on http://%1:%2"_s.arg(host).arg(port));
    return QCoreApplication::exec();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"storekeep-server"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(STOREKEEP_VERSION));

    const QStringList args = QCoreApplication::arguments().mid(1);
    if (args.isEmpty()) {
        printLine(stderr, usage());
        return ExitUsage;
    }
    const QString &command = args.first();
    if (command == "--version"_L1 || command == "version"_L1) {
        printLine(stdout, versionText());
        return ExitOk;
    }
    if (command == "--help"_L1 || command == "-h"_L1 || command == "help"_L1) {
        printLine(stdout, usage());
        return ExitOk;
    }
    if (command == "serve"_L1)
        return serve(args.mid(1));
    printLine(stderr, u"storekeep-server: unknown command '%1'\n%2"_s.arg(command, usage()));
    return ExitUsage;
}
