#pragma once

#include "util/clock.h"
#include "util/result.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QString>
#include <QTimer>

#include <memory>

namespace sk::server {

class AdminApi;
class AuthApi;
class Authenticator;
class HttpServer;
class LoginRateLimiter;
class ReadApi;
class Router;
class ServerStorage;
class StorefrontApi;
class SyncApi;
class TokenService;

struct ServerOptions
{
    QString dataDir;
    int tombstoneRetentionDays = 30;
    // Lifetime of issued access tokens, 1..900 (`serve --access-token-ttl-seconds`; tests shorten it).
    int accessTokenTtlSeconds = 900;
    const Clock *clock = &Clock::system();
};

// The whole server wired together over one data directory: DATA/storekeep-server.sqlite
// (SqliteServerStorage) and DATA/token.key (TokenService), the Authenticator, the login rate
// limiter, the Router with every API area's routes, and the HttpServer in front. open() needs
// no network, so admin commands and `routes` use it too; listen() starts serving and the
// tombstone purge (at once, then hourly).
class ServerApp
{
    Q_DECLARE_TR_FUNCTIONS(ServerApp)

public:
    static constexpr int PurgeIntervalMs = 60 * 60 * 1000;
    static constexpr qint64 DayMs = 24LL * 60 * 60 * 1000;

    static Result<std::unique_ptr<ServerApp>> open(const ServerOptions &options);
    ~ServerApp();
    ServerApp(const ServerApp &) = delete;
    ServerApp &operator=(const ServerApp &) = delete;

    // HTTPS from PEM files; call before listen().
    Result<void> enableTls(const QString &certificatePath, const QString &privateKeyPath);
    bool tlsEnabled() const;
    // The port actually bound (port 0 picks a free one).
    Result<quint16> listen(const QHostAddress &host, quint16 port);

    // Drops tombstones older than the retention in every shop; returns how many.
    Result<qint64> purgeTombstones();

    const Router &router() const;
    ServerStorage &storage();
    const TokenService &tokens() const;
    const ServerOptions &options() const { return m_options; }
    const Clock &clock() const { return *m_options.clock; }

private:
    explicit ServerApp(const ServerOptions &options);
    void registerRoutes();

    ServerOptions m_options;
    std::unique_ptr<ServerStorage> m_storage;
    std::unique_ptr<TokenService> m_tokens;
    std::unique_ptr<Authenticator> m_authenticator;
    std::unique_ptr<LoginRateLimiter> m_limiter;
    std::unique_ptr<Router> m_router;
    std::unique_ptr<AuthApi> m_authApi;
    std::unique_ptr<AdminApi> m_adminApi;
    std::unique_ptr<SyncApi> m_syncApi;
    std::unique_ptr<ReadApi> m_readApi;
    std::unique_ptr<StorefrontApi> m_storefrontApi;
    std::unique_ptr<HttpServer> m_http;
    QTimer m_purgeTimer;
};

} // namespace sk::server
