#include "adminapi.h"

#include "api/authenticator.h"
#include "auth/tokenservice.h"
#include "domain/jsonreader.h"
#include "domain/recordjson.h"
#include "storage/serverstorage.h"
#include "util/uuidv7.h"

#include <QJsonArray>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace sk::server {

namespace {

constexpr QLatin1StringView ApiTokenPrefix("skapi_");

HttpResponse internalError(const Error &error)
{
    return HttpResponse::fromError(makeError(u"internal"_s, error.message, error.detail));
}

Result<Role> roleOf(const JsonReader &reader)
{
    SK_TRY_ASSIGN(text, reader.requiredString(u"role", 16));
    if (const auto role = RolePolicy::roleFromString(text))
        return *role;
    return reader.invalidField(u"role", QCoreApplication::translate("AdminApi", "The role must be owner, staff or "
                                                                               "warehouse, not %1.")
                                            .arg(JsonReader::describe(text)));
}

QJsonObject memberJson(const UserRecord &user, Role role)
{
    return {{u"user_id"_s, user.id}, {u"email"_s, user.email}, {u"name"_s, user.name},
            {u"role"_s, RolePolicy::toString(role)}};
}

QJsonValue timeOrNull(const std::optional<qint64> &time)
{
    return time ? QJsonValue(*time) : QJsonValue(QJsonValue::Null);
}

Error lastOwner()
{
    return makeError(u"conflict.last_owner"_s,
                     QCoreApplication::translate("AdminApi", "A shop needs at least one owner; make someone else "
                                                             "owner first."));
}

// How many owners the shop has.
Result<qsizetype> ownerCount(ServerStorage &storage, const QString &shopId)
{
    SK_TRY_ASSIGN(memberships, storage.membershipsOfShop(shopId));
    return std::count_if(memberships.cbegin(), memberships.cend(),
                         [](const MembershipRecord &m) { return m.role == Role::Owner; });
}

} // namespace

AdminApi::AdminApi(ServerStorage &storage, const Authenticator &authenticator, const Clock &clock)
    : m_storage(storage), m_authenticator(authenticator), m_clock(clock)
{
}

void AdminApi::registerRoutes(Router &router)
{
    // Every role reads the catalogue, so ReadCatalog means "any member" here.
    m_authenticator.addShopRoute(router, "GET", u"/v1/shops/{shop_id}"_s, Permission::ReadCatalog,
                                 [this](const HttpRequest &, const RouteParams &, const ShopContext &context) {
                                     return shop(context);
                                 });
    m_authenticator.addShopRoute(router, "GET", u"/v1/shops/{shop_id}/members"_s, Permission::ManageStaff,
                                 [this](const HttpRequest &, const RouteParams &, const ShopContext &context) {
                                     return members(context);
                                 });
    m_authenticator.addShopRoute(router, "POST", u"/v1/shops/{shop_id}/members"_s, Permission::ManageStaff,
                                 [this](const HttpRequest &request, const RouteParams &, const ShopContext &context) {
                                     return addMember(request, context);
                                 });
    m_authenticator.addShopRoute(router, "DELETE", u"/v1/shops/{shop_id}/members/{user_id}"_s,
                                 Permission::ManageStaff,
                                 [this](const HttpRequest &, const RouteParams &params, const ShopContext &context) {
                                     return removeMember(params, context);
                                 });
    m_authenticator.addShopRoute(router, "GET", u"/v1/shops/{shop_id}/api-tokens"_s, Permission::ManageApiTokens,
                                 [this](const HttpRequest &, const RouteParams &, const ShopContext &context) {
                                     return apiTokens(context);
                                 });
    m_authenticator.addShopRoute(router, "POST", u"/v1/shops/{shop_id}/api-tokens"_s, Permission::ManageApiTokens,
                                 [this](const HttpRequest &request, const RouteParams &, const ShopContext &context) {
                                     return createApiToken(request, context);
                                 });
    m_authenticator.addShopRoute(router, "DELETE", u"/v1/shops/{shop_id}/api-tokens/{token_id}"_s,
                                 Permission::ManageApiTokens,
                                 [this](const HttpRequest &, const RouteParams &params, const ShopContext &context) {
                                     return revokeApiToken(params, context);
                                 });
}

HttpResponse AdminApi::shop(const ShopContext &context)
{
    return HttpResponse::json(RecordJson::toJson(context.settings));
}

HttpResponse AdminApi::members(const ShopContext &context)
{
    const auto memberships = m_storage.membershipsOfShop(context.shopId);
    if (!memberships.ok())
        return internalError(memberships.error());
    QList<QJsonObject> rows;
    for (const MembershipRecord &membership : *memberships) {
        const auto user = m_storage.user(membership.userId);
        if (!user.ok())
            return internalError(user.error());
        if (*user)
            rows.append(memberJson(**user, membership.role));
    }
    std::sort(rows.begin(), rows.end(), [](const QJsonObject &a, const QJsonObject &b) {
        return a.value(u"email").toString() < b.value(u"email").toString();
    });
    QJsonArray items;
    for (const QJsonObject &row : std::as_const(rows))
        items.append(row);
    return HttpResponse::json(QJsonObject{{u"items"_s, items}});
}

HttpResponse AdminApi::addMember(const HttpRequest &request, const ShopContext &context)
{
    const auto body = RecordJson::parseObject(request.body);
    if (!body.ok())
        return HttpResponse::fromError(body.error());
    const JsonReader reader(*body);
    if (!reader.has(u"email"))
        return HttpResponse::fromError(reader.missingField(u"email"));
    const auto email = reader.optionalEmail(u"email");
    if (!email.ok())
        return HttpResponse::fromError(email.error());
    if (email->isEmpty())
        return HttpResponse::fromError(reader.missingField(u"email"));
    const auto role = roleOf(reader);
    if (!role.ok())
        return HttpResponse::fromError(role.error());

    std::optional<UserRecord> added;
    const Result<void> written = m_storage.write([&]() -> Result<void> {
        SK_TRY_ASSIGN(user, m_storage.userByEmail(*email));
        if (!user)
            return makeError(u"not_found.user"_s,
                             tr("There is no user with that e-mail address; they need an account first."));
        SK_TRY_ASSIGN(existing, m_storage.membership(context.shopId, user->id));
        if (existing && existing->role == Role::Owner && *role != Role::Owner) {
            SK_TRY_ASSIGN(owners, ownerCount(m_storage, context.shopId));
            if (owners <= 1)
                return lastOwner();
        }
        SK_TRY(m_storage.putMembership(MembershipRecord{context.shopId, user->id, *role}));
        added = *user;
        return {};
    });
    if (!written.ok())
        return HttpResponse::fromError(written.error());
    return HttpResponse::json(memberJson(*added, *role), 201);
}

HttpResponse AdminApi::removeMember(const RouteParams &params, const ShopContext &context)
{
    const QString userId = params.value(u"user_id"_s);
    const Result<void> written = m_storage.write([&]() -> Result<void> {
        SK_TRY_ASSIGN(existing, m_storage.membership(context.shopId, userId));
        if (!existing)
            return makeError(u"not_found.member"_s, tr("That user is not a member of this shop."));
        if (existing->role == Role::Owner) {
            SK_TRY_ASSIGN(owners, ownerCount(m_storage, context.shopId));
            if (owners <= 1)
                return lastOwner();
        }
        return m_storage.removeMembership(context.shopId, userId);
    });
    if (!written.ok())
        return HttpResponse::fromError(written.error());
    return HttpResponse::noContent();
}

HttpResponse AdminApi::apiTokens(const ShopContext &context)
{
    const auto tokens = m_storage.apiTokensOfShop(context.shopId);
    if (!tokens.ok())
        return internalError(tokens.error());
    QList<ApiTokenRecord> sorted = *tokens;
    std::sort(sorted.begin(), sorted.end(), [](const ApiTokenRecord &a, const ApiTokenRecord &b) {
        return std::pair(a.createdAt, a.id) < std::pair(b.createdAt, b.id);
    });
    QJsonArray items;
    for (const ApiTokenRecord &token : std::as_const(sorted)) {
        items.append(QJsonObject{{u"id"_s, token.id},
                                 {u"name"_s, token.name},
                                 {u"role"_s, RolePolicy::toString(token.role)},
                                 {u"created_at"_s, token.createdAt},
                                 {u"revoked_at"_s, timeOrNull(token.revokedAt)}});
    }
    return HttpResponse::json(QJsonObject{{u"items"_s, items}});
}

HttpResponse AdminApi::createApiToken(const HttpRequest &request, const ShopContext &context)
{
    const auto body = RecordJson::parseObject(request.body);
    if (!body.ok())
        return HttpResponse::fromError(body.error());
    const JsonReader reader(*body);
    const auto name = reader.requiredString(u"name", MaxTokenNameLength);
    if (!name.ok())
        return HttpResponse::fromError(name.error());
    const auto role = roleOf(reader);
    if (!role.ok())
        return HttpResponse::fromError(role.error());

    const QString token = TokenService::newOpaqueToken(ApiTokenPrefix);
    ApiTokenRecord record;
    record.id = UuidV7::toText(UuidV7::create());
    record.shopId = context.shopId;
    record.name = *name;
    record.role = *role;
    record.tokenHash = TokenService::hashOpaqueToken(token);
    record.createdBy = context.principal.isApiToken() ? u"api:"_s + context.principal.apiTokenId
                                                      : context.principal.userId;
    record.createdAt = m_clock.nowMs();
    const Result<void> written = m_storage.insertApiToken(record);
    if (!written.ok())
        return internalError(written.error());
    return HttpResponse::json(QJsonObject{{u"id"_s, record.id},
                                          {u"name"_s, record.name},
                                          {u"role"_s, RolePolicy::toString(record.role)},
                                          {u"created_at"_s, record.createdAt},
                                          {u"token"_s, token}},
                              201);
}

HttpResponse AdminApi::revokeApiToken(const RouteParams &params, const ShopContext &context)
{
    const auto revoked = m_storage.revokeApiToken(context.shopId, params.value(u"token_id"_s), m_clock.nowMs());
    if (!revoked.ok())
        return internalError(revoked.error());
    if (!*revoked)
        return HttpResponse::error(404, u"not_found.api_token"_s, tr("This shop has no API token with that id."));
    return HttpResponse::noContent();
}

} // namespace sk::server
