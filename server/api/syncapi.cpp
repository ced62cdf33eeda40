#include "syncapi.h"

#include "api/authenticator.h"
#include "api/redaction.h"
#include "domain/jsonreader.h"
#include "domain/recordjson.h"
#include "storage/serverstorage.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QLoggingCategory>

using namespace Qt::StringLiterals;

namespace sk::server {

namespace {

Q_LOGGING_CATEGORY(lcSync, "storekeep.server.sync")

QString tr(const char *text)
{
    return QCoreApplication::translate("sk::server::SyncApi", text);
}

// Every entity type of the change feed, for role filtering.
const QStringList kEntityTypes{u"shop_settings"_s, u"location"_s,     u"product"_s,  u"variant"_s,
                               u"inventory_level"_s, u"ledger_entry"_s, u"customer"_s, u"order"_s};

// A client belongs to the user (or API token) that registered it.
QString ownerOf(const Principal &principal)
{
    return principal.isApiToken() ? u"api:"_s + principal.apiTokenId : principal.userId;
}

HttpResponse errorWith(int status, const QString &code, const QString &message, const QJsonObject &extra = {})
{
    QJsonObject error = extra;
    error.insert(u"code", code);
    error.insert(u"message", message);
    return HttpResponse::json(QJsonObject{{u"error"_s, error}}, status);
}

HttpResponse internalError(const Error &error)
{
    qCWarning(lcSync) << "storage failure:" << error.code << error.toString();
    return HttpResponse::error(500, u"internal"_s, tr("The server could not complete the request; try again."));
}

// The request's JSON object, or the 400 to answer.
Result<QJsonObject> jsonBody(const HttpRequest &request)
{
    auto body = RecordJson::parseObject(request.body);
    if (!body.ok())
        return makeError(u"malformed_json"_s, body.error().message);
    return body;
}

HttpResponse badBody(const Error &error)
{
    if (error.code == u"malformed_json")
        return HttpResponse::error(400, error.code, error.message);
    return HttpResponse::fromError(error);
}

struct Incoming
{
    qint64 seq = 0;
    QString mutationId;
    QString name;
    QJsonObject args;
};

Result<Incoming> readMutation(const JsonReader &r)
{
    Incoming m;
    SK_TRY_ASSIGN(seq, r.requiredInt(u"seq", 1, JsonReader::kMaxInteger));
    SK_TRY_ASSIGN(mutationId, r.requiredUuid(u"mutation_id"));
    SK_TRY_ASSIGN(name, r.requiredString(u"name", 64));
    SK_TRY_ASSIGN(args, r.optionalObject(u"args"));
    m.seq = seq;
    m.mutationId = mutationId;
    m.name = name;
    if (args)
        m.args = args->object();
    return m;
}

} // namespace

SyncApi::SyncApi(ServerStorage &storage, const Authenticator &authenticator, const Clock &clock)
    : m_storage(storage), m_authenticator(authenticator), m_clock(clock), m_applier(storage, clock)
{
}

void SyncApi::registerRoutes(Router &router)
{
    // Every member may sync; what each mutation needs is checked per mutation.
    m_authenticator.addShopRoute(router, "POST", u"/v1/shops/{shop_id}/sync/clients"_s, Permission::ReadCatalog,
                                 [this](const HttpRequest &request, const RouteParams &, const ShopContext &context) {
                                     return registerClient(request, context);
                                 });
    m_authenticator.addShopRoute(router, "GET", u"/v1/shops/{shop_id}/sync/changes"_s, Permission::ReadCatalog,
                                 [this](const HttpRequest &request, const RouteParams &, const ShopContext &context) {
                                     return changes(request, context);
                                 });
    m_authenticator.addShopRoute(router, "POST", u"/v1/shops/{shop_id}/sync/mutations"_s, Permission::ReadCatalog,
                                 [this](const HttpRequest &request, const RouteParams &, const ShopContext &context) {
                                     return mutations(request, context);
                                 });
}

QString SyncApi::encodeCursor(qint64 changeSeq)
{
    return QString::fromLatin1(("c1:" + QByteArray::number(changeSeq))
                                   .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

std::optional<qint64> SyncApi::decodeCursor(const QString &cursor)
{
    if (cursor.isEmpty())
        return 0;
    const auto decoded = QByteArray::fromBase64Encoding(cursor.toLatin1(), QByteArray::Base64UrlEncoding
                                                                               | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || !(*decoded).startsWith("c1:"))
        return std::nullopt;
    const QByteArray digits = (*decoded).mid(3);
    bool ok = false;
    const qint64 seq = digits.toLongLong(&ok);
    if (!ok || seq < 0 || digits != QByteArray::number(seq))
        return std::nullopt;
    return seq;
}

HttpResponse SyncApi::registerClient(const HttpRequest &request, const ShopContext &context)
{
    const auto body = jsonBody(request);
    if (!body.ok())
        return badBody(body.error());
    const auto clientId = JsonReader(*body).requiredUuid(u"client_id");
    if (!clientId.ok())
        return HttpResponse::fromError(clientId.error());
    const QString owner = ownerOf(context.principal);

    std::optional<HttpResponse> answer;
    const auto owned = [&] {
        return errorWith(409, u"conflict.client_owned"_s,
                         tr("This client id is registered to another user or shop; make a new one."));
    };
    const auto registered = [&](qint64 lastAppliedSeq) {
        return HttpResponse::json(QJsonObject{{u"client_id"_s, *clientId}, {u"last_applied_seq"_s, lastAppliedSeq}});
    };
    const Result<void> written = m_storage.write([&]() -> Result<void> {
        SK_TRY_ASSIGN(existing, m_storage.client(context.shopId, *clientId));
        if (existing) {
            answer = existing->userId == owner ? registered(existing->lastAppliedSeq) : owned();
            return {};
        }
        SyncClientRecord client;
        client.shopId = context.shopId;
        client.clientId = *clientId;
        client.userId = owner;
        client.createdAt = m_clock.nowMs();
        auto inserted = m_storage.insertClient(client);
        if (!inserted.ok()) {
            if (inserted.error().code != u"conflict.client_owned")
                return inserted.error();
            answer = owned(); // registered in another shop
            return {};
        }
        answer = registered(0);
        return {};
    });
    if (!written.ok())
        return internalError(written.error());
    return *answer;
}

HttpResponse SyncApi::changes(const HttpRequest &request, const ShopContext &context)
{
    const auto after = decodeCursor(request.query.queryItemValue(u"cursor"_s, QUrl::FullyDecoded));
    if (!after) {
        return HttpResponse::error(400, u"validation.invalid_cursor"_s,
                                   tr("The cursor is not one this server handed out; start again from an empty cursor."),
                                   u"cursor"_s);
    }
    int limit = DefaultChangesLimit;
    if (request.query.hasQueryItem(u"limit"_s)) {
        bool ok = false;
        limit = request.query.queryItemValue(u"limit"_s).toInt(&ok);
        if (!ok || limit < 1 || limit > MaxChangesLimit) {
            return HttpResponse::error(400, u"validation.invalid_field"_s,
                                       tr("\u201Climit\u201D must be a whole number from 1 to %1.").arg(MaxChangesLimit),
                                       u"limit"_s);
        }
    }
    const QString clientId = request.query.queryItemValue(u"client_id"_s, QUrl::FullyDecoded);
    QStringList types;
    for (const QString &type : kEntityTypes) {
        if (Redaction::mayReceive(context.role, type))
            types.append(type);
    }
    if (types.size() == kEntityTypes.size())
        types.clear(); // everything

    bool expired = false;
    EntityPage page;
    qint64 maxSeq = 0;
    qint64 lastAppliedSeq = 0;
    // One snapshot for the page, the high-water mark and the client's seq: a pull that shows
    // a mutation's seq as applied also shows its effect.
    const Result<void> snapshot = m_storage.read([&]() -> Result<void> {
        SK_TRY_ASSIGN(shop, m_storage.shop(context.shopId));
        if (shop && *after > 0 && *after < shop->purgedThroughSeq) {
            expired = true;
            return {};
        }
        SK_TRY_ASSIGN(rows, m_storage.changes(context.shopId, *after, limit, types));
        page = std::move(rows);
        SK_TRY_ASSIGN(highest, m_storage.maxChangeSeq(context.shopId));
        maxSeq = highest;
        if (!clientId.isEmpty()) {
            SK_TRY_ASSIGN(client, m_storage.client(context.shopId, clientId));
            if (client && client->userId == ownerOf(context.principal))
                lastAppliedSeq = client->lastAppliedSeq;
        }
        return {};
    });
    if (!snapshot.ok())
        return internalError(snapshot.error());
    if (expired) {
        return HttpResponse::error(410, u"cursor_expired"_s,
                                   tr("This cursor is older than the deleted records the server keeps; sync again "
                                      "from the beginning (pending changes are kept)."));
    }

    QJsonArray changes;
    qint64 next = *after;
    for (const EntityRecord &row : std::as_const(page.rows)) {
        QJsonObject change{{u"type"_s, row.type},
                           {u"id"_s, row.id},
                           {u"version"_s, row.version},
                           {u"op"_s, row.deleted ? u"delete"_s : u"upsert"_s}};
        if (!row.deleted)
            change.insert(u"data", Redaction::redact(context.role, row.type, row.data));
        changes.append(change);
        next = qMax(next, row.changeSeq);
    }
    // A complete page saw everything up to the snapshot's high-water mark, including rows this
    // role does not receive, so the cursor may skip past them.
    if (!page.hasMore)
        next = qMax(next, maxSeq);
    return HttpResponse::json(QJsonObject{{u"changes"_s, changes},
                                          {u"next_cursor"_s, encodeCursor(next)},
                                          {u"has_more"_s, page.hasMore},
                                          {u"last_applied_seq"_s, lastAppliedSeq},
                                          {u"server_time"_s, m_clock.nowMs()}});
}

HttpResponse SyncApi::mutations(const HttpRequest &request, const ShopContext &context)
{
    const auto body = jsonBody(request);
    if (!body.ok())
        return badBody(body.error());
    const JsonReader reader(*body);
    const auto clientId = reader.requiredUuid(u"client_id");
    if (!clientId.ok())
        return HttpResponse::fromError(clientId.error());
    if (!reader.has(u"mutations"))
        return HttpResponse::fromError(reader.missingField(u"mutations"));
    if (body->value(u"mutations").toArray().size() > MaxBatchSize) {
        return HttpResponse::error(413, u"payload_too_large"_s,
                                   tr("A batch holds at most %1 mutations; send the rest in the next one.").arg(MaxBatchSize),
                                   u"mutations"_s);
    }
    const auto readers = reader.objectArray(u"mutations");
    if (!readers.ok())
        return HttpResponse::fromError(readers.error());
    QList<Incoming> batch;
    batch.reserve(readers->size());
    for (const JsonReader &r : *readers) {
        auto m = readMutation(r);
        if (!m.ok())
            return HttpResponse::fromError(m.error());
        batch.append(std::move(m).value());
    }

    const QString owner = ownerOf(context.principal);
    qint64 lastApplied = 0;
    {
        const auto client = m_storage.client(context.shopId, *clientId);
        if (!client.ok())
            return internalError(client.error());
        if (!*client) {
            return HttpResponse::error(404, u"not_found.client"_s,
                                       tr("This client is not registered with the shop; register it first."),
                                       u"client_id"_s);
        }
        if ((*client)->userId != owner) {
            return errorWith(409, u"conflict.client_owned"_s,
                             tr("This client id is registered to another user; make a new one."));
        }
        lastApplied = (*client)->lastAppliedSeq;
    }

    QJsonArray results;
    std::optional<HttpResponse> early;
    // The batch commits once (one fsync); each mutation still runs in its own savepoint with
    // its stored result and the client's seq, so it happens exactly once or not at all.
    const Result<void> batchWritten = m_storage.write([&]() -> Result<void> {
        for (const Incoming &m : std::as_const(batch)) {
            std::optional<qint64> gap;
            QJsonObject wire;
            const Result<void> written = m_storage.write([&]() -> Result<void> {
                SK_TRY_ASSIGN(client, m_storage.client(context.shopId, *clientId));
                if (!client)
                    return makeError(u"not_found.client"_s, tr("The client disappeared."));
                lastApplied = client->lastAppliedSeq;
                if (m.seq <= lastApplied) {
                    SK_TRY_ASSIGN(stored, m_storage.mutationResult(context.shopId, *clientId, m.seq));
                    wire = QJsonObject{{u"seq"_s, m.seq}, {u"mutation_id"_s, m.mutationId}};
                    if (stored && stored->mutationId != m.mutationId) {
                        wire.insert(u"status", u"rejected"_s);
                        wire.insert(u"code", u"seq_reused"_s);
                        wire.insert(u"message", tr("Seq %1 was already used by another mutation (%2); mutations are "
                                                   "never renumbered.")
                                                    .arg(m.seq)
                                                    .arg(stored->mutationId));
                        wire.insert(u"field", u"mutation_id"_s);
                    } else {
                        wire.insert(u"status", u"duplicate"_s);
                        if (stored)
                            wire.insert(u"original", stored->result);
                    }
                    return {};
                }
                if (m.seq > lastApplied + 1) {
                    gap = lastApplied + 1;
                    return {};
                }
                SK_TRY_ASSIGN(outcome, m_applier.apply(context, m.name, m.args, *clientId));
                wire = outcome.toJson();
                wire.insert(u"seq", m.seq);
                wire.insert(u"mutation_id", m.mutationId);
                MutationResultRecord record;
                record.shopId = context.shopId;
                record.clientId = *clientId;
                record.seq = m.seq;
                record.mutationId = m.mutationId;
                record.name = m.name;
                record.status = MutationOutcome::toString(outcome.status);
                record.code = outcome.code;
                record.result = wire;
                record.appliedAt = m_clock.nowMs();
                SK_TRY(m_storage.insertMutationResult(record));
                // A permanent failure advances the seq too, so a client's queue never blocks.
                SK_TRY(m_storage.setLastAppliedSeq(context.shopId, *clientId, m.seq));
                lastApplied = m.seq;
                return {};
            });
            if (!written.ok()) {
                // Outcome unknown for this one: the client retries it with the same seq.
                if (results.isEmpty()) {
                    early = internalError(written.error());
                    return {};
                }
                qCWarning(lcSync) << "batch stopped after" << results.size() << "results:" << written.error().toString();
                break;
            }
            if (gap) {
                if (results.isEmpty()) {
                    early = errorWith(409, u"out_of_order"_s,
                                      tr("Mutation seq %1 arrived, but the server expects %2 next.").arg(m.seq).arg(*gap),
                                      {{u"expected_seq"_s, *gap}});
                    return {};
                }
                break;
            }
            results.append(wire);
        }
        return {};
    });
    if (early)
        return *early;
    if (!batchWritten.ok())
        return internalError(batchWritten.error()); // nothing committed: the client retries the batch
    return HttpResponse::json(QJsonObject{{u"results"_s, results}, {u"last_applied_seq"_s, lastApplied}});
}

} // namespace sk::server
