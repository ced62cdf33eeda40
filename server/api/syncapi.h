#pragma once

#include "api/mutationapplier.h"
#include "http/router.h"
#include "util/clock.h"

namespace sk::server {

class Authenticator;
class ServerStorage;

// The sync endpoints under /v1/shops/{shop_id}/sync: client registration, the change feed
// (an opaque cursor over the shop's commit-ordered change log, read in one snapshot together
// with the caller's last_applied_seq) and mutation batches, applied exactly once per
// (client, seq), each mutation atomic in its own transaction with its stored result.
class SyncApi
{
public:
    static constexpr int DefaultChangesLimit = 500;
    static constexpr int MaxChangesLimit = 5000;
    static constexpr int MaxBatchSize = 100;

    SyncApi(ServerStorage &storage, const Authenticator &authenticator, const Clock &clock);

    void registerRoutes(Router &router);

    // The opaque change-feed cursor: base64url of "c1:<change_seq>". "" decodes to 0.
    static QString encodeCursor(qint64 changeSeq);
    static std::optional<qint64> decodeCursor(const QString &cursor);

private:
    HttpResponse registerClient(const HttpRequest &request, const ShopContext &context);
    HttpResponse changes(const HttpRequest &request, const ShopContext &context);
    HttpResponse mutations(const HttpRequest &request, const ShopContext &context);

    ServerStorage &m_storage;
    const Authenticator &m_authenticator;
    const Clock &m_clock;
    MutationApplier m_applier;
};

} // namespace sk::server
