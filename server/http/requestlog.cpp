#include "requestlog.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcServer, "storekeep.server", QtInfoMsg)

namespace sk::server {

namespace {

struct Current
{
    QString userId;
    QString apiTokenId;
};

Current &current()
{
    thread_local Current caller;
    return caller;
}

} // namespace

QByteArray RequestLog::format(const RequestLogEntry &entry)
{
    QJsonObject line;
    line.insert(u"ts", QDateTime::fromMSecsSinceEpoch(entry.timestampMs, Qt::UTC).toString(Qt::ISODateWithMs));
    line.insert(u"request_id", entry.requestId);
    line.insert(u"method", QString::fromLatin1(entry.method));
    line.insert(u"path", entry.path.left(MaxPathLength));
    const QString shop = shopFromPath(entry.path);
    if (!shop.isEmpty())
        line.insert(u"shop", shop.left(64));
    if (!entry.userId.isEmpty())
        line.insert(u"user", entry.userId);
    if (!entry.apiTokenId.isEmpty())
        line.insert(u"api_token", entry.apiTokenId);
    line.insert(u"status", entry.status);
    line.insert(u"latency_ms", entry.latencyMs);
    return QJsonDocument(line).toJson(QJsonDocument::Compact);
}

void RequestLog::write(const RequestLogEntry &entry)
{
    const QByteArray text = format(entry) + '\n';
    std::fwrite(text.constData(), 1, size_t(text.size()), stderr);
    std::fflush(stderr);
}

QString RequestLog::shopFromPath(const QString &path)
{
    static const QString prefix = u"/v1/shops/"_s;
    if (!path.startsWith(prefix))
        return {};
    const qsizetype end = path.indexOf(u'/', prefix.size());
    return path.mid(prefix.size(), end < 0 ? -1 : end - prefix.size());
}

void RequestLog::beginRequest()
{
    current() = Current{};
}

void RequestLog::noteCaller(const QString &userId, const QString &apiTokenId)
{
    current() = Current{userId, apiTokenId};
}

QString RequestLog::currentUserId()
{
    return current().userId;
}

QString RequestLog::currentApiTokenId()
{
    return current().apiTokenId;
}

} // namespace sk::server
