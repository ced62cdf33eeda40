#include "serverapp.h"

#include "api/adminapi.h"
#include "api/authapi.h"
#include "api/authenticator.h"
#include "api/readapi.h"
#include "api/storefrontapi.h"
#include "api/syncapi.h"
#include "auth/loginratelimiter.h"
#include "auth/tokenservice.h"
#include "http/httpserver.h"
#include "http/requestlog.h"
#include "http/router.h"
#include "storage/sqliteserverstorage.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace sk::server {

ServerApp::ServerApp(const ServerOptions &options) : m_options(options)
{
    if (!m_options.clock)
        m_options.clock = &Clock::system();
    m_purgeTimer.setInterval(PurgeIntervalMs);
    QObject::connect(&m_purgeTimer, &QTimer::timeout, [this] {
        if (const auto purged = purgeTombstones(); !purged.ok())
            qCWarning(lcServer).noquote() << "tombstone purge failed:" << purged.error().toString();
    });
}

ServerApp::~ServerApp() = default;

Result<std::unique_ptr<ServerApp>> ServerApp::open(const ServerOptions &options)
{
    if (options.dataDir.isEmpty())
        return makeError(u"server.no_data_dir"_s, tr("No data directory was given (--data DIR)."));
    if (options.tombstoneRetentionDays < 1)
        return makeError(u"server.bad_retention"_s, tr("The tombstone retention must be at least one day."));
    if (options.accessTokenTtlSeconds < 1
        || qint64(options.accessTokenTtlSeconds) * 1000 > TokenService::AccessTokenTtlMs) {
        return makeError(u"server.bad_access_token_ttl"_s,
                         tr("The access token lifetime must be from 1 to %1 seconds.")
                             .arg(TokenService::AccessTokenTtlMs / 1000));
    }
    const bool existed = QFileInfo(options.dataDir).isDir();
    if (!QDir().mkpath(options.dataDir))
        return makeError(u"server.data_dir"_s, tr("Cannot create the data directory %1.").arg(options.dataDir));
    if (!existed) {
        // It holds the token key and every shop's data: nobody else needs to look inside.
        QFile::setPermissions(options.dataDir,
                              QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    }
    if (!QFileInfo(options.dataDir).isWritable())
        return makeError(u"server.data_dir"_s, tr("The data directory %1 is not writable.").arg(options.dataDir));

    std::unique_ptr<ServerApp> app(new ServerApp(options));
    SK_TRY_ASSIGN(storage, SqliteServerStorage::open(QDir(options.dataDir).filePath(u"storekeep-server.sqlite"_s)));
    app->m_storage = std::move(storage);
    SK_TRY_ASSIGN(tokens, TokenService::open(options.dataDir, qint64(options.accessTokenTtlSeconds) * 1000));
    app->m_tokens = std::move(tokens);
    const Clock &clock = app->clock();
    app->m_authenticator = std::make_unique<Authenticator>(*app->m_storage, *app->m_tokens, clock);
    app->m_limiter = std::make_unique<LoginRateLimiter>(clock);
    app->m_router = std::make_unique<Router>();
    app->registerRoutes();
    app->m_http = std::make_unique<HttpServer>(*app->m_router, clock);
    return app;
}

void ServerApp::registerRoutes()
{
    ServerStorage &storage = *m_storage;
    const Clock &clock = this->clock();
    m_router->add("GET", u"/healthz"_s, [](const HttpRequest &, const RouteParams &) {
        return HttpResponse::json(
            QJsonObject{{u"status"_s, u"ok"_s}, {u"version"_s, QStringLiteral(STOREKEEP_VERSION)}});
    });
    m_authApi = std::make_unique<AuthApi>(storage, *m_tokens, *m_authenticator, *m_limiter, clock);
    m_authApi->registerRoutes(*m_router);
    m_adminApi = std::make_unique<AdminApi>(storage, *m_authenticator, clock);
    m_adminApi->registerRoutes(*m_router);
    m_syncApi = std::make_unique<SyncApi>(storage, *m_authenticator, clock);
    m_syncApi->registerRoutes(*m_router);
    m_readApi = std::make_unique<ReadApi>(storage, *m_authenticator, clock);
    m_readApi->registerRoutes(*m_router);
    m_storefrontApi = std::make_unique<StorefrontApi>(storage, *m_authenticator, clock);
    m_storefrontApi->registerRoutes(*m_router);
}

Result<void> ServerApp::enableTls(const QString &certificatePath, const QString &privateKeyPath)
{
    return m_http->enableTls(certificatePath, privateKeyPath);
}

bool ServerApp::tlsEnabled() const
{
    return m_http->tlsEnabled();
}

Result<quint16> ServerApp::listen(const QHostAddress &host, quint16 port)
{
    const quint16 bound = m_http->listen(host, port);
    if (bound == 0) {
        return makeError(u"server.listen"_s, tr("cannot listen on %1 port %2 (address in use or not available)")
                                                 .arg(host.toString())
                                                 .arg(port));
    }
    if (!m_purgeTimer.isActive()) {
        if (const auto purged = purgeTombstones(); !purged.ok())
            qCWarning(lcServer).noquote() << "tombstone purge failed:" << purged.error().toString();
        m_purgeTimer.start();
    }
    return bound;
}

Result<qint64> ServerApp::purgeTombstones()
{
    const qint64 before = clock().nowMs() - qint64(m_options.tombstoneRetentionDays) * DayMs;
    SK_TRY_ASSIGN(shops, m_storage->shops());
    qint64 total = 0;
    for (const ShopRecord &shop : std::as_const(shops)) {
        SK_TRY_ASSIGN(purged, m_storage->purgeTombstones(shop.id, before));
        total += purged;
    }
    if (total > 0)
        qCInfo(lcServer) << "purged" << total << "tombstones older than" << m_options.tombstoneRetentionDays << "days";
    return total;
}

const Router &ServerApp::router() const
{
    return *m_router;
}

ServerStorage &ServerApp::storage()
{
    return *m_storage;
}

const TokenService &ServerApp::tokens() const
{
    return *m_tokens;
}

} // namespace sk::server
