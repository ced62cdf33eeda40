// storekeep-server: the reference backend Storekeep syncs with, and its admin commands.
// See server/README.md for every command, the storage layout and the request log.

#include "app/serverapp.h"
#include "auth/passwordhasher.h"
#include "auth/rolepolicy.h"
#include "auth/tokenservice.h"
#include "domain/enums.h"
#include "domain/jsonreader.h"
#include "domain/recordjson.h"
#include "http/requestlog.h"
#include "http/router.h"
#include "money/currency.h"
#include "storage/serverdemoseeder.h"
#include "storage/serverstorage.h"
#include "util/uuidv7.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSocketNotifier>
#include <QStringList>
#include <QTemporaryDir>
#include <QTimeZone>

#include <openssl/crypto.h>
#include <sqlite3.h>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <iostream>
#include <optional>
#include <string>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#include <termios.h>
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;
using namespace sk;
using namespace sk::server;

namespace {

// Exit codes, as documented in server/README.md.
constexpr int ExitOk = 0;
constexpr int ExitError = 1;
constexpr int ExitUsage = 2;

constexpr qsizetype MinPasswordLength = 8;

QString tr(const char *text)
{
    return QCoreApplication::translate("storekeep-server", text);
}

void printLine(FILE *stream, const QString &text)
{
    std::fputs(text.toLocal8Bit().constData(), stream);
    std::fputc('\n', stream);
    std::fflush(stream); // tests and supervisors read the port from a pipe
}

int fail(const QString &message)
{
    printLine(stderr, u"storekeep-server: "_s + message);
    return ExitError;
}

int failWith(const Error &error)
{
    return fail(error.toString());
}

QString usage()
{
    return u"Usage:\n"
           u"  storekeep-server serve --data DIR --listen HOST:PORT [--tls-cert FILE --tls-key FILE]\n"
           u"                         [--tombstone-retention-days N] [--access-token-ttl-seconds N]\n"
           u"                         (PORT 0 picks a free port; access tokens live N seconds, 1..900, default 900)\n"
           u"  storekeep-server init --data DIR\n"
           u"  storekeep-server create-shop --data DIR --name NAME --currency CODE --time-zone TZ\n"
           u"                               [--locale LOCALE] [--oversell allow|reject]   (prints the shop id)\n"
           u"  storekeep-server create-user --data DIR --email EMAIL --name NAME   (password: first line of stdin)\n"
           u"  storekeep-server add-member --data DIR --shop ID --email EMAIL --role owner|staff|warehouse\n"
           u"  storekeep-server create-api-token --data DIR --shop ID --role ROLE --name NAME   (prints the token once)\n"
           u"  storekeep-server seed-demo --data DIR [--shop ID [--scale small|medium|large]]\n"
           u"  storekeep-server purge-tombstones --data DIR --shop ID --older-than-days N\n"
           u"  storekeep-server stats --data DIR\n"
           u"  storekeep-server routes\n"
           u"  storekeep-server --version | --help\n"
           u"Exit codes: 0 ok, 1 error, 2 usage."_s;
}

int usageError(const QString &message)
{
    printLine(stderr, u"storekeep-server: %1\n%2"_s.arg(message, usage()));
    return ExitUsage;
}

QString versionText()
{
    return u"storekeep-server %1 (Qt %2, SQLite %3, %4)"_s.arg(QStringLiteral(STOREKEEP_VERSION),
                                                                QString::fromLatin1(qVersion()),
                                                                QString::fromLatin1(sqlite3_libversion()),
                                                                QString::fromLatin1(OpenSSL_version(OPENSSL_VERSION)));
}

// "--name value" and "--name=value" options of one command; every option takes a value.
struct Options
{
    QHash<QString, QString> values;
    QString error; // set when the command line is wrong

    QString value(const QString &name) const { return values.value(name); }
    bool has(const QString &name) const { return values.contains(name); }
};

Options parseOptions(const QString &command, const QStringList &args, const QStringList &allowed,
                     const QStringList &required)
{
    Options options;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &arg = args.at(i);
        QString name = arg;
        std::optional<QString> value;
        if (const qsizetype eq = arg.indexOf(u'='); arg.startsWith(u"--") && eq > 0) {
            name = arg.left(eq);
            value = arg.mid(eq + 1);
        }
        if (!allowed.contains(name)) {
            options.error = tr("%1 does not take '%2'").arg(command, arg);
            return options;
        }
        if (!value) {
            if (i + 1 >= args.size()) {
                options.error = tr("%1 needs a value").arg(name);
                return options;
            }
            value = args.at(++i);
        }
        options.values.insert(name, *value);
    }
    QStringList missing;
    for (const QString &name : required) {
        if (options.value(name).isEmpty())
            missing.append(name);
    }
    if (!missing.isEmpty())
        options.error = tr("%1 needs %2").arg(command, missing.join(u", "_s));
    return options;
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

Result<std::unique_ptr<ServerApp>> openApp(const QString &dataDir, int retentionDays = 30,
                                           int accessTokenTtlSeconds = 900)
{
    ServerOptions options;
    options.dataDir = dataDir;
    options.tombstoneRetentionDays = retentionDays;
    options.accessTokenTtlSeconds = accessTokenTtlSeconds;
    return ServerApp::open(options);
}

Result<Role> parseRole(const QString &text)
{
    if (const auto role = RolePolicy::roleFromString(text))
        return *role;
    return makeError(u"usage"_s, tr("'%1' is not a role; use owner, staff or warehouse").arg(text));
}

Result<ShopRecord> existingShop(ServerStorage &storage, const QString &shopId)
{
    SK_TRY_ASSIGN(shop, storage.shop(shopId));
    if (!shop)
        return makeError(u"not_found.shop"_s, tr("there is no shop with id %1").arg(shopId));
    return *shop;
}

// ---- signals ------------------------------------------------------------------------------

#ifdef Q_OS_UNIX
int g_signalPipe[2] = {-1, -1};

void onTerminationSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const ssize_t written = ::write(g_signalPipe[1], &byte, 1);
}

// SIGTERM and SIGINT end the event loop, so the server closes its storage cleanly.
void quitOnTerminationSignals()
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalPipe) != 0)
        return;
    auto *notifier = new QSocketNotifier(g_signalPipe[0], QSocketNotifier::Read, QCoreApplication::instance());
    QObject::connect(notifier, &QSocketNotifier::activated, [notifier] {
        notifier->setEnabled(false);
        char byte = 0;
        [[maybe_unused]] const ssize_t got = ::read(g_signalPipe[0], &byte, 1);
        qCInfo(lcServer) << "stopping on signal";
        QCoreApplication::quit();
    });
    struct sigaction action = {};
    action.sa_handler = onTerminationSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    ::sigaction(SIGTERM, &action, nullptr);
    ::sigaction(SIGINT, &action, nullptr);
}
#else
void quitOnTerminationSignals() {}
#endif

// While serving, stderr carries only JSON lines: the request log's and these.
void jsonMessageHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    static const char *const levels[] = {"debug", "warning", "critical", "fatal", "info"};
    const int index = int(type);
    QJsonObject line{{u"ts"_s, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
                     {u"level"_s, QString::fromLatin1(index >= 0 && index < 5 ? levels[index] : "info")},
                     {u"category"_s, QString::fromLatin1(context.category ? context.category : "default")},
                     {u"msg"_s, message}};
    const QByteArray text = QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n';
    std::fwrite(text.constData(), 1, size_t(text.size()), stderr);
    std::fflush(stderr);
}

// ---- commands -----------------------------------------------------------------------------

int serve(const QStringList &args)
{
    const Options options = parseOptions(u"serve"_s, args,
                                         {u"--data"_s, u"--listen"_s, u"--tls-cert"_s, u"--tls-key"_s,
                                          u"--tombstone-retention-days"_s, u"--access-token-ttl-seconds"_s},
                                         {u"--data"_s, u"--listen"_s});
    if (!options.error.isEmpty())
        return usageError(options.error);
    const QString listen = options.value(u"--listen"_s);
    const auto address = parseListen(listen);
    if (!address) {
        return usageError(tr("'%1' is not HOST:PORT (for example 127.0.0.1:8080, or port 0 for any free port)")
                              .arg(listen));
    }
    if (options.has(u"--tls-cert"_s) != options.has(u"--tls-key"_s))
        return usageError(tr("HTTPS needs both --tls-cert and --tls-key"));
    int retentionDays = 30;
    if (options.has(u"--tombstone-retention-days"_s)) {
        bool ok = false;
        retentionDays = options.value(u"--tombstone-retention-days"_s).toInt(&ok);
        if (!ok || retentionDays < 1 || retentionDays > 36500)
            return usageError(tr("--tombstone-retention-days needs a whole number of days from 1 to 36500"));
    }
    int accessTokenTtlSeconds = int(TokenService::AccessTokenTtlMs / 1000);
    if (options.has(u"--access-token-ttl-seconds"_s)) {
        bool ok = false;
        accessTokenTtlSeconds = options.value(u"--access-token-ttl-seconds"_s).toInt(&ok);
        if (!ok || accessTokenTtlSeconds < 1 || accessTokenTtlSeconds > TokenService::AccessTokenTtlMs / 1000)
            return usageError(tr("--access-token-ttl-seconds needs a whole number of seconds from 1 to 900"));
    }

    // From here on every stderr line is JSON: the request log's and every other message.
    qInstallMessageHandler(jsonMessageHandler);
    auto app = openApp(options.value(u"--data"_s), retentionDays, accessTokenTtlSeconds);
    if (!app.ok())
        return failWith(app.error());
    if (options.has(u"--tls-cert"_s)) {
        const Result<void> tls = (*app)->enableTls(options.value(u"--tls-cert"_s), options.value(u"--tls-key"_s));
        if (!tls.ok())
            return failWith(tls.error());
    }
    const Result<quint16> port = (*app)->listen(address->host, address->port);
    if (!port.ok())
        return fail(tr("cannot listen on %1 (address in use or not available)").arg(listen));

    quitOnTerminationSignals();
    const QString host = address->host.protocol() == QAbstractSocket::IPv6Protocol
                             ? u"[%1]"_s.arg(address->host.toString())
                             : address->host.toString();
    const QString scheme = (*app)->tlsEnabled() ? u"https"_s : u"http"_s;
    printLine(stdout, u"listening on %1://%2:%3"_s.arg(scheme, host).arg(*port));
    return QCoreApplication::exec();
}

int init(const QStringList &args)
{
    const Options options = parseOptions(u"init"_s, args, {u"--data"_s}, {u"--data"_s});
    if (!options.error.isEmpty())
        return usageError(options.error);
    auto app = openApp(options.value(u"--data"_s));
    if (!app.ok())
        return failWith(app.error());
    printLine(stdout, tr("data directory %1 is ready").arg(options.value(u"--data"_s)));
    return ExitOk;
}

int createShop(const QStringList &args)
{
    const Options options = parseOptions(
        u"create-shop"_s, args,
        {u"--data"_s, u"--name"_s, u"--currency"_s, u"--time-zone"_s, u"--locale"_s, u"--oversell"_s},
        {u"--data"_s, u"--name"_s, u"--currency"_s, u"--time-zone"_s});
    if (!options.error.isEmpty())
        return usageError(options.error);
    const QString name = options.value(u"--name"_s).trimmed();
    if (name.isEmpty() || name.size() > 200)
        return usageError(tr("--name must be 1 to 200 characters"));
    const QString currency = options.value(u"--currency"_s);
    if (!Currency::fromCode(currency).ok())
        return usageError(tr("'%1' is not an active ISO 4217 currency code (for example EUR or USD)").arg(currency));
    const QString timeZone = options.value(u"--time-zone"_s);
    if (!QTimeZone::isTimeZoneIdAvailable(timeZone.toUtf8()))
        return usageError(tr("'%1' is not a known IANA time zone (for example Europe/Paris)").arg(timeZone));
    const QString locale = options.has(u"--locale"_s) ? options.value(u"--locale"_s) : u"en-US"_s;
    static const QRegularExpression bcp47(u"^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$"_s);
    if (!bcp47.match(locale).hasMatch())
        return usageError(tr("'%1' is not a BCP 47 locale such as fr-FR or en-US").arg(locale));
    OversellPolicy oversell = OversellPolicy::Allow;
    if (options.has(u"--oversell"_s)) {
        const auto policy = fromString<OversellPolicy>(options.value(u"--oversell"_s));
        if (!policy)
            return usageError(tr("--oversell must be allow or reject"));
        oversell = *policy;
    }

    auto app = openApp(options.value(u"--data"_s));
    if (!app.ok())
        return failWith(app.error());
    ServerStorage &storage = (*app)->storage();
    const qint64 now = (*app)->clock().nowMs();
    ShopRecord shop;
    shop.id = UuidV7::toText(UuidV7::create());
    shop.settings.shopId = shop.id;
    shop.settings.name = name;
    shop.settings.currency = currency;
    shop.settings.timeZone = timeZone;
    shop.settings.locale = locale;
    shop.settings.oversellPolicy = oversell;
    shop.settings.version = 1;
    shop.settings.updatedAt = now;
    shop.createdAt = now;
    const Result<void> written = storage.write([&]() -> Result<void> {
        SK_TRY(storage.insertShop(shop));
        // The settings are also the first record of the shop's change feed.
        EntityRecord settings;
        settings.type = u"shop_settings"_s;
        settings.id = shop.id;
        settings.version = 1;
        settings.data = RecordJson::toJson(shop.settings);
        settings.updatedAt = now;
        SK_TRY(storage.putEntity(shop.id, settings, {}));
        return {};
    });
    if (!written.ok())
        return failWith(written.error());
    printLine(stdout, shop.id);
    return ExitOk;
}

// The first line of stdin, without echo when stdin is a terminal.
QString readPassword()
{
#ifdef Q_OS_UNIX
    const bool terminal = ::isatty(STDIN_FILENO) == 1;
    termios saved = {};
    if (terminal && ::tcgetattr(STDIN_FILENO, &saved) == 0) {
        std::fputs("Password: ", stderr);
        std::fflush(stderr);
        termios quiet = saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    }
#endif
    std::string line;
    std::getline(std::cin, line);
#ifdef Q_OS_UNIX
    if (terminal) {
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
        std::fputc('\n', stderr);
    }
#endif
    if (!line.empty() && line.back() == '\r')
        line.pop_back();
    return QString::fromStdString(line);
}

int createUser(const QStringList &args)
{
    const Options options = parseOptions(u"create-user"_s, args, {u"--data"_s, u"--email"_s, u"--name"_s},
                                         {u"--data"_s, u"--email"_s, u"--name"_s});
    if (!options.error.isEmpty())
        return usageError(options.error);
    const JsonReader reader(QJsonObject{{u"email"_s, options.value(u"--email"_s)}});
    const Result<QString> email = reader.optionalEmail(u"email");
    if (!email.ok() || email->isEmpty())
        return usageError(tr("'%1' is not an e-mail address").arg(options.value(u"--email"_s)));
    const QString name = options.value(u"--name"_s).trimmed();
    if (name.isEmpty() || name.size() > 200)
        return usageError(tr("--name must be 1 to 200 characters"));

    const QString password = readPassword();
    if (password.isEmpty())
        return fail(tr("no password on stdin: give it as the first line of standard input"));
    if (password.size() < MinPasswordLength)
        return fail(tr("the password is too short: use at least %1 characters").arg(MinPasswordLength));
    if (password.size() > 1024)
        return fail(tr("the password is too long: use at most 1024 characters"));

    auto app = openApp(options.value(u"--data"_s));
    if (!app.ok())
        return failWith(app.error());
    ServerStorage &storage = (*app)->storage();
    const auto existing = storage.userByEmail(*email);
    if (!existing.ok())
        return failWith(existing.error());
    if (*existing)
        return fail(tr("a user with the e-mail address %1 already exists").arg(*email));
    UserRecord user;
    user.id = UuidV7::toText(UuidV7::create());
    user.email = *email;
    user.name = name;
    user.passwordHash = PasswordHasher::hash(password);
    user.createdAt = (*app)->clock().nowMs();
    if (const Result<void> inserted = storage.insertUser(user); !inserted.ok())
        return failWith(inserted.error());
    printLine(stdout, user.id);
    return ExitOk;
}

int addMember(const QStringList &args)
{
    const Options options = parseOptions(u"add-member"_s, args,
                                         {u"--data"_s, u"--shop"_s, u"--email"_s, u"--role"_s},
                                         {u"--data"_s, u"--shop"_s, u"--email"_s, u"--role"_s});
    if (!options.error.isEmpty())
        return usageError(options.error);
    const auto role = parseRole(options.value(u"--role"_s));
    if (!role.ok())
        return usageError(role.error().message);
    auto app = openApp(options.value(u"--data"_s));
    if (!app.ok())
        return failWith(app.error());
    ServerStorage &storage = (*app)->storage();
    const QString shopId = options.value(u"--shop"_s);
    const Result<void> written = storage.write([&]() -> Result<void> {
        SK_TRY(existingShop(storage, shopId));
        SK_TRY_ASSIGN(user, storage.userByEmail(options.value(u"--email"_s)));
        if (!user)
            return makeError(u"not_found.user"_s,
                             tr("there is no user %1; create it with create-user first").arg(options.value(u"--email"_s)));
        SK_TRY_ASSIGN(existing, storage.membership(shopId, user->id));
        if (existing && existing->role == Role::Owner && *role != Role::Owner) {
            SK_TRY_ASSIGN(members, storage.membershipsOfShop(shopId));
            const auto owners = std::count_if(members.cbegin(), members.cend(),
                                              [](const MembershipRecord &m) { return m.role == Role::Owner; });
            if (owners <= 1)
                return makeError(u"conflict.last_owner"_s, tr("%1 is the shop's only owner; make someone else owner first")
                                                               .arg(user->email));
        }
        return storage.putMembership(MembershipRecord{shopId, user->id, *role});
    });
    if (!written.ok())
        return failWith(written.error());
    printLine(stdout, tr("%1 is now %2 of shop %3")
                          .arg(options.value(u"--email"_s), RolePolicy::toString(*role), shopId));
    return ExitOk;
}

int createApiToken(const QStringList &args)
{
    const Options options = parseOptions(u"create-api-token"_s, args,
                                         {u"--data"_s, u"--shop"_s, u"--role"_s, u"--name"_s},
                                         {u"--data"_s, u"--shop"_s, u"--role"_s, u"--name"_s});
    if (!options.error.isEmpty())
        return usageError(options.error);
    const auto role = parseRole(options.value(u"--role"_s));
    if (!role.ok())
        return usageError(role.error().message);
    const QString name = options.value(u"--name"_s).trimmed();
    if (name.isEmpty() || name.size() > 100)
        return usageError(tr("--name must be 1 to 100 characters"));
    auto app = openApp(options.value(u"--data"_s));
    if (!app.ok())
        return failWith(app.error());
    ServerStorage &storage = (*app)->storage();
    const auto shop = existingShop(storage, options.value(u"--shop"_s));
    if (!shop.ok())
        return failWith(shop.error());
    const QString token = TokenService::newOpaqueToken(u"skapi_"_s);
    ApiTokenRecord record;
    record.id = UuidV7::toText(UuidV7::create());
    record.shopId = shop->id;
    record.name = name;
    record.role = *role;
    record.tokenHash = TokenService::hashOpaqueToken(token);
    record.createdBy = u"cli"_s;
    record.createdAt = (*app)->clock().nowMs();
    if (const Result<void> inserted = storage.insertApiToken(record); !inserted.ok())
        return failWith(inserted.error());
    printLine(stdout, token);
    printLine(stderr, tr("API token %1 (%2, %3): this is the only time it is shown.")
                          .arg(record.id, name, RolePolicy::toString(*role)));
    return ExitOk;
}

int seedDemo(const QStringList &args)
{
    const Options options = parseOptions(u"seed-demo"_s, args, {u"--data"_s, u"--shop"_s, u"--scale"_s},
                                         {u"--data"_s});
    if (!options.error.isEmpty())
        return usageError(options.error);
    if (options.has(u"--scale"_s) && !options.has(u"--shop"_s))
        return usageError(tr("--scale applies to one shop: give --shop ID too (the standard demo world is small)"));
    DemoScale scale = DemoScale::Small;
    if (options.has(u"--scale"_s)) {
        const auto parsed = demoScaleFromString(options.value(u"--scale"_s));
        if (!parsed)
            return usageError(tr("--scale must be small, medium or large"));
        scale = *parsed;
    }
    auto app = openApp(options.value(u"--data"_s));
    if (!app.ok())
        return failWith(app.error());
    const Result<QJsonObject> seeded =
        options.has(u"--shop"_s)
            ? ServerDemoSeeder::seedShop((*app)->storage(), options.value(u"--shop"_s), scale, (*app)->clock())
            : ServerDemoSeeder::seedStandardWorld((*app)->storage(), (*app)->clock());
    if (!seeded.ok())
        return failWith(seeded.error());
    printLine(stdout, QString::fromUtf8(QJsonDocument(*seeded).toJson(QJsonDocument::Indented)).trimmed());
    return ExitOk;
}

int purgeTombstones(const QStringList &args)
{
    const Options options = parseOptions(u"purge-tombstones"_s, args,
                                         {u"--data"_s, u"--shop"_s, u"--older-than-days"_s},
                                         {u"--data"_s, u"--shop"_s, u"--older-than-days"_s});
    if (!options.error.isEmpty())
        return usageError(options.error);
    bool ok = false;
    const int days = options.value(u"--older-than-days"_s).toInt(&ok);
    if (!ok || days < 0 || days > 36500)
        return usageError(tr("--older-than-days needs a whole number of days from 0 to 36500"));
    auto app = openApp(options.value(u"--data"_s));
    if (!app.ok())
        return failWith(app.error());
    ServerStorage &storage = (*app)->storage();
    const auto shop = existingShop(storage, options.value(u"--shop"_s));
    if (!shop.ok())
        return failWith(shop.error());
    const qint64 before = (*app)->clock().nowMs() - qint64(days) * ServerApp::DayMs;
    const auto purged = storage.purgeTombstones(shop->id, before);
    if (!purged.ok())
        return failWith(purged.error());
    printLine(stdout, tr("purged %1 tombstones").arg(*purged));
    return ExitOk;
}

int stats(const QStringList &args)
{
    const Options options = parseOptions(u"stats"_s, args, {u"--data"_s}, {u"--data"_s});
    if (!options.error.isEmpty())
        return usageError(options.error);
    auto app = openApp(options.value(u"--data"_s));
    if (!app.ok())
        return failWith(app.error());
    const auto result = (*app)->storage().stats();
    if (!result.ok())
        return failWith(result.error());
    printLine(stdout, QString::fromUtf8(QJsonDocument(*result).toJson(QJsonDocument::Indented)).trimmed());
    return ExitOk;
}

int routes(const QStringList &args)
{
    // --data is accepted (and ignored) so that every command takes it; routes need no data.
    const Options options = parseOptions(u"routes"_s, args, {u"--data"_s}, {});
    if (!options.error.isEmpty())
        return usageError(options.error);
    QTemporaryDir scratch;
    if (!scratch.isValid())
        return fail(tr("cannot create a temporary directory"));
    auto app = openApp(scratch.path());
    if (!app.ok())
        return failWith(app.error());
    QStringList lines;
    for (const Router::RouteInfo &route : (*app)->router().routes())
        lines.append(QString::fromLatin1(route.method) + u' ' + route.pattern);
    std::sort(lines.begin(), lines.end());
    for (const QString &line : std::as_const(lines))
        printLine(stdout, line);
    return ExitOk;
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
    const QStringList rest = args.mid(1);
    if (command == "--version"_L1 || command == "version"_L1) {
        printLine(stdout, versionText());
        return ExitOk;
    }
    if (command == "--help"_L1 || command == "-h"_L1 || command == "help"_L1) {
        printLine(stdout, usage());
        return ExitOk;
    }
    if (command == "serve"_L1)
        return serve(rest);
    if (command == "init"_L1)
        return init(rest);
    if (command == "create-shop"_L1)
        return createShop(rest);
    if (command == "create-user"_L1)
        return createUser(rest);
    if (command == "add-member"_L1)
        return addMember(rest);
    if (command == "create-api-token"_L1)
        return createApiToken(rest);
    if (command == "seed-demo"_L1)
        return seedDemo(rest);
    if (command == "purge-tombstones"_L1)
        return purgeTombstones(rest);
    if (command == "stats"_L1)
        return stats(rest);
    if (command == "routes"_L1)
        return routes(rest);
    return usageError(tr("unknown command '%1'").arg(command));
}
