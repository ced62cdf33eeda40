#pragma once

#include "http/router.h"
#include "util/clock.h"

#include <optional>
#include <utility>

namespace sk::server {

class Authenticator;
class ServerStorage;
struct ShopContext;

// The plain REST reads under /v1/shops/{shop_id}: lists with updated_after and an opaque
// keyset cursor over (updated_at, id), and single records by id, for clients that do not
// sync. Warehouse users get orders redacted (no customer data, no money).
class ReadApi
{
public:
    static constexpr int DefaultLimit = 100;
    static constexpr int MaxLimit = 1000;

    ReadApi(ServerStorage &storage, const Authenticator &authenticator, const Clock &clock);

    void registerRoutes(Router &router);

    // The opaque list cursor: base64url of "r1:<updated_at>:<id>".
    static QString encodeCursor(qint64 updatedAt, const QString &id);
    static std::optional<std::pair<qint64, QString>> decodeCursor(const QString &cursor);

private:
    struct ListSpec;
    HttpResponse list(const HttpRequest &request, const ShopContext &context, const ListSpec &spec);
    HttpResponse one(const RouteParams &params, const ShopContext &context, const QString &type);

    ServerStorage &m_storage;
    const Authenticator &m_authenticator;
    const Clock &m_clock;
};

} // namespace sk::server
