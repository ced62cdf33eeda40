#include "auth/profile.h"

#include "storage/shopstore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace sk {

namespace {

const QFileDevice::Permissions OwnerOnlyDir = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner;

// Creates dir (owner-only when new: the shop caches hold customers' data).
Result<void> ensureDirectory(const QString &dir)
{
    if (QFileInfo(dir).isDir())
        return {};
    if (!QDir().mkpath(dir))
        return makeError(u"profile.unwritable"_s, QCoreApplication::translate("sk::Profile", "Cannot create the folder %1.").arg(dir));
    QFile::setPermissions(dir, OwnerOnlyDir);
    return {};
}

QJsonObject shopToJson(const ShopMembership &shop)
{
    return {{u"id"_s, shop.id},         {u"name"_s, shop.name},           {u"role"_s, shop.role},
            {u"currency"_s, shop.currency}, {u"time_zone"_s, shop.timeZone}, {u"locale"_s, shop.locale}};
}

ShopMembership shopFromJson(const QJsonObject &object)
{
    return ShopMembership{object.value(u"id").toString(),       object.value(u"name").toString(),
                          object.value(u"role").toString(),     object.value(u"currency").toString(),
                          object.value(u"time_zone").toString(), object.value(u"locale").toString()};
}

} // namespace

QString Profile::defaultDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
}

Profile::Profile(QString directory) : m_directory(std::move(directory)) {}

QString Profile::filePath() const
{
    return QDir(m_directory).filePath(u"profile.json"_s);
}

Result<void> Profile::load()
{
    m_session = {};
    m_currentShopId.clear();
    QFile file(filePath());
    if (!file.exists())
        return {};
    if (!file.open(QIODevice::ReadOnly))
        return makeError(u"profile.unreadable"_s, QCoreApplication::translate("sk::Profile", "Cannot read %1: %2.").arg(file.fileName(), file.errorString()));
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject()) {
        return makeError(u"profile.corrupt"_s,
                         QCoreApplication::translate("sk::Profile", "%1 is damaged; delete it and sign in again.").arg(file.fileName()), error.errorString());
    }
    const QJsonObject object = document.object();
    const qint64 version = object.value(u"version").toInteger(-1);
    if (version > FormatVersion) {
        return makeError(u"profile.newer"_s,
                         QCoreApplication::translate("sk::Profile", "%1 was written by a newer Storekeep; use that version, or another profile folder.")
                             .arg(file.fileName()));
    }
    if (version < 1)
        return makeError(u"profile.corrupt"_s, QCoreApplication::translate("sk::Profile", "%1 is damaged; delete it and sign in again.").arg(file.fileName()),
                         u"version"_s);

    const QJsonObject session = object.value(u"session").toObject();
    m_session.serverUrl = session.value(u"server_url").toString();
    m_session.userId = session.value(u"user_id").toString();
    m_session.email = session.value(u"email").toString();
    m_session.name = session.value(u"name").toString();
    m_session.apiTokenMode = session.value(u"api_token_mode").toBool();
    const QJsonArray shops = session.value(u"shops").toArray();
    for (const QJsonValue &shop : shops)
        m_session.shops.append(shopFromJson(shop.toObject()));
    m_currentShopId = object.value(u"current_shop_id").toString();
    return {};
}

Result<void> Profile::save() const
{
    SK_TRY(ensureDirectory(m_directory));
    QJsonArray shops;
    for (const ShopMembership &shop : m_session.shops)
        shops.append(shopToJson(shop));
    // Deliberately no token field of any kind: see AuthSession and SecretStore.
    const QJsonObject session{{u"server_url"_s, m_session.serverUrl}, {u"user_id"_s, m_session.userId},
                              {u"email"_s, m_session.email},         {u"name"_s, m_session.name},
                              {u"api_token_mode"_s, m_session.apiTokenMode}, {u"shops"_s, shops}};
    const QJsonObject object{{u"version"_s, FormatVersion},
                             {u"session"_s, session},
                             {u"current_shop_id"_s, m_currentShopId}};

    QSaveFile file(filePath());
    if (!file.open(QIODevice::WriteOnly))
        return makeError(u"profile.unwritable"_s, QCoreApplication::translate("sk::Profile", "Cannot write %1: %2.").arg(filePath(), file.errorString()));
    const QByteArray bytes = QJsonDocument(object).toJson(QJsonDocument::Indented);
    if (file.write(bytes) != bytes.size() || !file.commit())
        return makeError(u"profile.unwritable"_s, QCoreApplication::translate("sk::Profile", "Cannot write %1: %2.").arg(filePath(), file.errorString()));
    return {};
}

Result<void> Profile::clear()
{
    m_session = {};
    m_currentShopId.clear();
    QFile file(filePath());
    if (file.exists() && !file.remove())
        return makeError(u"profile.unwritable"_s, QCoreApplication::translate("sk::Profile", "Cannot remove %1: %2.").arg(filePath(), file.errorString()));
    return {};
}

bool Profile::hasSession() const
{
    return !m_session.serverUrl.isEmpty() && (m_session.apiTokenMode || !m_session.userId.isEmpty());
}

void Profile::setSession(const SessionInfo &session)
{
    m_session = session;
    m_session.serverUrl = AuthSession::normalizedServerUrl(session.serverUrl);
}

QString Profile::storePathFor(const QString &shopId) const
{
    const StoreIdentity identity{m_session.serverUrl, shopId, m_session.userId};
    return QDir(m_directory).filePath(u"shops/"_s + ShopStore::fileNameFor(identity));
}

Result<QString> Profile::prepareStorePath(const QString &shopId) const
{
    SK_TRY(ensureDirectory(m_directory));
    SK_TRY(ensureDirectory(QDir(m_directory).filePath(u"shops"_s)));
    return storePathFor(shopId);
}

} // namespace sk
