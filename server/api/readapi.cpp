#include "readapi.h"

#include "api/authenticator.h"
#include "api/redaction.h"
#include "domain/jsonreader.h"
#include "storage/serverstorage.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QLoggingCategory>

using namespace Qt::StringLiterals;

namespace sk::server {

namespace {

Q_LOGGING_CATEGORY(lcRead, "storekeep.server.read")

QString tr(const char *text)
{
    return QCoreApplication::translate("sk::server::ReadApi", text);
}

HttpResponse invalidQuery(const QString &field, const QString &message)
{
    return HttpResponse::error(400, u"validation.invalid_field"_s, message, field);
}

} // namespace

struct ReadApi::ListSpec
{
    QString type;
    bool filtersByStock = false; // ?variant_id (the parent) and ?location_id
};

ReadApi::ReadApi(ServerStorage &storage, const Authenticator &authenticator, const Clock &clock)
    : m_storage(storage), m_authenticator(authenticator), m_clock(clock)
{
}

void ReadApi::registerRoutes(Router &router)
{
    struct Route
    {
        QString path;
        QString type;
        Permission permission;
        bool byId;
        bool filtersByStock;
    };
    const QList<Route> routes{
        {u"products"_s, u"product"_s, Permission::ReadCatalog, true, false},
        {u"variants"_s, u"variant"_s, Permission::ReadCatalog, true, false},
        {u"locations"_s, u"location"_s, Permission::ReadCatalog, false, false},
        {u"inventory-levels"_s, u"inventory_level"_s, Permission::ReadInventory, false, true},
        {u"ledger"_s, u"ledger_entry"_s, Permission::ReadInventory, false, true},
        {u"customers"_s, u"customer"_s, Permission::ReadCustomers, true, false},
        {u"orders"_s, u"order"_s, Permission::ReadOrders, true, false},
    };
    for (const Route &route : routes) {
        const ListSpec spec{route.type, route.filtersByStock};
        const QString base = u"/v1/shops/{shop_id}/"_s + route.path;
        m_authenticator.addShopRoute(router, "GET", base, route.permission,
                                     [this, spec](const HttpRequest &request, const RouteParams &,
                                                  const ShopContext &context) { return list(request, context, spec); });
        if (route.byId) {
            const QString type = route.type;
            m_authenticator.addShopRoute(router, "GET", base + u"/{id}"_s, route.permission,
                                         [this, type](const HttpRequest &, const RouteParams &params,
                                                      const ShopContext &context) { return one(params, context, type); });
        }
    }
}

QString ReadApi::encodeCursor(qint64 updatedAt, const QString &id)
{
    return QString::fromLatin1(("r1:" + QByteArray::number(updatedAt) + ':' + id.toUtf8())
                                   .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

std::optional<std::pair<qint64, QString>> ReadApi::decodeCursor(const QString &cursor)
{
    const auto decoded = QByteArray::fromBase64Encoding(cursor.toLatin1(), QByteArray::Base64UrlEncoding
                                                                               | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || !(*decoded).startsWith("r1:"))
        return std::nullopt;
    const QByteArray rest = (*decoded).mid(3);
    const qsizetype colon = rest.indexOf(':');
    if (colon <= 0)
        return std::nullopt;
    bool ok = false;
    const qint64 updatedAt = rest.left(colon).toLongLong(&ok);
    const QString id = QString::fromUtf8(rest.mid(colon + 1));
    if (!ok || id.isEmpty() || id.size() > 200)
        return std::nullopt;
    return std::pair<qint64, QString>(updatedAt, id);
}

HttpResponse ReadApi::list(const HttpRequest &request, const ShopContext &context, const ListSpec &spec)
{
    const QUrlQuery &query = request.query;
    qint64 updatedAfter = -1;
    if (query.hasQueryItem(u"updated_after"_s)) {
        bool ok = false;
        updatedAfter = query.queryItemValue(u"updated_after"_s).toLongLong(&ok);
        if (!ok || updatedAfter < 0 || updatedAfter > JsonReader::kMaxInteger) {
            return invalidQuery(u"updated_after"_s,
                                tr("\u201Cupdated_after\u201D must be a time in milliseconds since 1970 (an integer >= 0)."));
        }
    }
    std::optional<std::pair<qint64, QString>> after;
    const QString cursor = query.queryItemValue(u"cursor"_s, QUrl::FullyDecoded);
    if (!cursor.isEmpty()) {
        after = decodeCursor(cursor);
        if (!after) {
            return HttpResponse::error(400, u"validation.invalid_cursor"_s,
                                       tr("The cursor is not one this server handed out; start again without one."),
                                       u"cursor"_s);
        }
    }
    int limit = DefaultLimit;
    if (query.hasQueryItem(u"limit"_s)) {
        bool ok = false;
        limit = query.queryItemValue(u"limit"_s).toInt(&ok);
        if (!ok || limit < 1 || limit > MaxLimit)
            return invalidQuery(u"limit"_s, tr("\u201Climit\u201D must be a whole number from 1 to %1.").arg(MaxLimit));
    }
    QString variantId;
    QString locationId;
    if (spec.filtersByStock) {
        variantId = query.queryItemValue(u"variant_id"_s, QUrl::FullyDecoded);
        locationId = query.queryItemValue(u"location_id"_s, QUrl::FullyDecoded);
        if (!variantId.isEmpty() && !JsonReader::isCanonicalUuid(variantId))
            return invalidQuery(u"variant_id"_s, tr("\u201Cvariant_id\u201D must be a lower-case UUID."));
        if (!locationId.isEmpty() && !JsonReader::isCanonicalUuid(locationId))
            return invalidQuery(u"location_id"_s, tr("\u201Clocation_id\u201D must be a lower-case UUID."));
    }

    QJsonArray items;
    bool hasMore = false;
    std::optional<std::pair<qint64, QString>> last;
    const Result<void> snapshot = m_storage.read([&]() -> Result<void> {
        std::optional<std::pair<qint64, QString>> position = after;
        // The location filter runs here, not in SQL, so a page may need several reads.
        for (;;) {
            SK_TRY_ASSIGN(page, m_storage.listEntities(context.shopId, spec.type, updatedAfter, position, limit, variantId));
            for (qsizetype i = 0; i < page.rows.size(); ++i) {
                const EntityRecord &row = page.rows.at(i);
                position = std::pair<qint64, QString>(row.updatedAt, row.id);
                if (!locationId.isEmpty() && row.data.value(u"location_id").toString() != locationId)
                    continue;
                items.append(Redaction::redact(context.role, spec.type, row.data));
                last = position;
                if (items.size() == limit) {
                    hasMore = i + 1 < page.rows.size() || page.hasMore;
                    return {};
                }
            }
            if (!page.hasMore)
                return {};
        }
    });
    if (!snapshot.ok()) {
        qCWarning(lcRead) << "storage failure:" << snapshot.error().toString();
        return HttpResponse::error(500, u"internal"_s, tr("The server could not complete the request; try again."));
    }
    return HttpResponse::json(QJsonObject{
        {u"items"_s, items},
        {u"next_cursor"_s, hasMore && last ? QJsonValue(encodeCursor(last->first, last->second)) : QJsonValue()},
        {u"has_more"_s, hasMore}});
}

HttpResponse ReadApi::one(const RouteParams &params, const ShopContext &context, const QString &type)
{
    const QString id = params.value(u"id"_s);
    const auto notFound = [&] {
        return HttpResponse::error(404, u"not_found."_s + type, tr("There is no such record in this shop."));
    };
    if (!JsonReader::isCanonicalUuid(id))
        return notFound();
    const auto found = m_storage.entity(context.shopId, type, id);
    if (!found.ok()) {
        qCWarning(lcRead) << "storage failure:" << found.error().toString();
        return HttpResponse::error(500, u"internal"_s, tr("The server could not complete the request; try again."));
    }
    if (!*found || (*found)->deleted)
        return notFound();
    return HttpResponse::json(Redaction::redact(context.role, type, (*found)->data));
}

} // namespace sk::server
