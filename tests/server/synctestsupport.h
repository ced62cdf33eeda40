#pragma once

// A small world for the sync, read and storefront tests: a real storekeep-server over loopback
// TCP, shops and users made with the admin CLI, records made through the API itself. Logins are
// few on purpose (password hashing is slow by design): API tokens stand in for most callers.

#include "serverfixture.h"

#include "util/uuidv7.h"

#include <QDeadlineTimer>
#include <QHash>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QUrl>

#include <memory>

namespace sk::test {

inline QString newUuid()
{
    return UuidV7::toText(UuidV7::create());
}

inline QByteArray toJson(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

class SyncTestWorld
{
public:
    static constexpr auto Password = "Sync-Test-Password-7";

    ServerProcess server;
    std::unique_ptr<HttpClient> http;
    QString error;

    bool start(const QStringList &serveArgs = {})
    {
        if (!server.start(serveArgs))
            return fail(QStringLiteral("the server did not start: %1").arg(QString::fromUtf8(server.serverStderr())));
        http = std::make_unique<HttpClient>(server.port());
        return admin({QStringLiteral("init")});
    }

    bool fail(const QString &why)
    {
        if (error.isEmpty())
            error = why;
        return false;
    }

    bool admin(const QStringList &args, const QByteArray &input = {}, QByteArray *out = nullptr)
    {
        const auto [code, text] = server.admin(args, input);
        if (code != 0)
            return fail(QStringLiteral("storekeep-server %1 exited with %2").arg(args.join(u' ')).arg(code));
        if (out)
            *out = text;
        return true;
    }

    // The shop's id, or an empty string.
    QString createShop(const QString &name, const QString &currency, const QString &oversell)
    {
        QByteArray out;
        if (!admin({QStringLiteral("create-shop"), QStringLiteral("--name"), name, QStringLiteral("--currency"), currency,
                    QStringLiteral("--time-zone"), QStringLiteral("Europe/Berlin"), QStringLiteral("--oversell"), oversell},
                   {}, &out))
            return {};
        static const QRegularExpression uuid(QStringLiteral("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"));
        const auto m = uuid.match(QString::fromUtf8(out));
        if (!m.hasMatch())
            fail(QStringLiteral("create-shop printed no id: %1").arg(QString::fromUtf8(out)));
        return m.captured(0);
    }

    bool createUser(const QString &email, const QString &name)
    {
        return admin({QStringLiteral("create-user"), QStringLiteral("--email"), email, QStringLiteral("--name"), name},
                     QByteArray(Password) + '\n');
    }

    bool addMember(const QString &shop, const QString &email, const QString &role)
    {
        return admin({QStringLiteral("add-member"), QStringLiteral("--shop"), shop, QStringLiteral("--email"), email,
                      QStringLiteral("--role"), role});
    }

    // A new API token of the shop with the role, or an empty string.
    QString apiToken(const QString &shop, const QString &role)
    {
        QByteArray out;
        if (!admin({QStringLiteral("create-api-token"), QStringLiteral("--shop"), shop, QStringLiteral("--role"), role,
                    QStringLiteral("--name"), QStringLiteral("test ") + role},
                   {}, &out))
            return {};
        static const QRegularExpression token(QStringLiteral("skapi_[A-Za-z0-9_-]+"));
        const auto m = token.match(QString::fromUtf8(out));
        if (!m.hasMatch())
            fail(QStringLiteral("create-api-token printed no token"));
        return m.captured(0);
    }

    // The access token, or an empty string.
    QString login(const QString &email)
    {
        const HttpResult r = http->post(QStringLiteral("/v1/auth/login"),
                                        {{QStringLiteral("email"), email}, {QStringLiteral("password"), QString::fromLatin1(Password)}});
        if (r.status != 200)
            fail(QStringLiteral("login of %1 answered %2: %3").arg(email).arg(r.status).arg(QString::fromUtf8(r.body)));
        return r.json.value(QStringLiteral("access_token")).toString();
    }

    static QString shopPath(const QString &shop, const QString &rest)
    {
        return QStringLiteral("/v1/shops/") + shop + rest;
    }

    HttpResult registerClient(const QString &shop, const QString &bearer, const QString &clientId)
    {
        return http->post(shopPath(shop, QStringLiteral("/sync/clients")), {{QStringLiteral("client_id"), clientId}}, bearer);
    }

    // A fresh client id registered for the caller, or an empty string.
    QString newClient(const QString &shop, const QString &bearer)
    {
        const QString id = newUuid();
        const HttpResult r = registerClient(shop, bearer, id);
        if (r.status != 200) {
            fail(QStringLiteral("sync/clients answered %1: %2").arg(r.status).arg(QString::fromUtf8(r.body)));
            return {};
        }
        return id;
    }

    static QJsonObject mutation(qint64 seq, const QString &name, const QJsonObject &args, const QString &id = {})
    {
        return {{QStringLiteral("seq"), seq},
                {QStringLiteral("mutation_id"), id.isEmpty() ? newUuid() : id},
                {QStringLiteral("name"), name},
                {QStringLiteral("args"), args}};
    }

    static QByteArray batchBody(const QString &clientId, const QJsonArray &mutations)
    {
        return toJson({{QStringLiteral("client_id"), clientId}, {QStringLiteral("mutations"), mutations}});
    }

    HttpResult push(const QString &shop, const QString &bearer, const QString &clientId, const QJsonArray &mutations)
    {
        return http->request("POST", shopPath(shop, QStringLiteral("/sync/mutations")), batchBody(clientId, mutations), bearer);
    }

    // Pushes one mutation as the next seq of `seq`; the result object (empty on transport failure).
    QJsonObject pushOne(const QString &shop, const QString &bearer, const QString &clientId, qint64 &seq,
                        const QString &name, const QJsonObject &args)
    {
        const HttpResult r = push(shop, bearer, clientId, QJsonArray{mutation(++seq, name, args)});
        if (r.status != 200) {
            fail(QStringLiteral("%1 answered %2: %3").arg(name).arg(r.status).arg(QString::fromUtf8(r.body)));
            return {};
        }
        return r.json.value(QStringLiteral("results")).toArray().first().toObject();
    }

    bool applied(const QJsonObject &result)
    {
        if (result.value(QStringLiteral("status")).toString() == QStringLiteral("applied"))
            return true;
        return fail(QStringLiteral("not applied: %1").arg(QString::fromUtf8(toJson(result))));
    }

    HttpResult changes(const QString &shop, const QString &bearer, const QString &cursor, int limit = 500,
                       const QString &clientId = {})
    {
        QString query = QStringLiteral("?cursor=%1&limit=%2").arg(QString::fromLatin1(QUrl::toPercentEncoding(cursor))).arg(limit);
        if (!clientId.isEmpty())
            query += QStringLiteral("&client_id=") + clientId;
        return http->get(shopPath(shop, QStringLiteral("/sync/changes")) + query, bearer);
    }

    // The whole change feed from `*cursor` on; *cursor becomes the last next_cursor.
    QJsonArray pullAll(const QString &shop, const QString &bearer, QString *cursor, int limit = 500)
    {
        QJsonArray all;
        for (int page = 0; page < 100000; ++page) {
            const HttpResult r = changes(shop, bearer, *cursor, limit);
            if (r.status != 200) {
                fail(QStringLiteral("changes answered %1: %2").arg(r.status).arg(QString::fromUtf8(r.body)));
                break;
            }
            for (const QJsonValue &v : r.json.value(QStringLiteral("changes")).toArray())
                all.append(v);
            *cursor = r.json.value(QStringLiteral("next_cursor")).toString();
            if (!r.json.value(QStringLiteral("has_more")).toBool())
                break;
        }
        return all;
    }

    // Every item of a REST list, following its cursor.
    QJsonArray listAll(const QString &shop, const QString &bearer, const QString &route, const QString &query = {},
                       int limit = 1000)
    {
        QJsonArray all;
        QString cursor;
        for (int page = 0; page < 100000; ++page) {
            QString path = shopPath(shop, route) + QStringLiteral("?limit=%1").arg(limit);
            if (!query.isEmpty())
                path += u'&' + query;
            if (!cursor.isEmpty())
                path += QStringLiteral("&cursor=") + QString::fromLatin1(QUrl::toPercentEncoding(cursor));
            const HttpResult r = http->get(path, bearer);
            if (r.status != 200) {
                fail(QStringLiteral("GET %1 answered %2: %3").arg(path).arg(r.status).arg(QString::fromUtf8(r.body)));
                break;
            }
            for (const QJsonValue &v : r.json.value(QStringLiteral("items")).toArray())
                all.append(v);
            if (!r.json.value(QStringLiteral("has_more")).toBool())
                break;
            cursor = r.json.value(QStringLiteral("next_cursor")).toString();
        }
        return all;
    }

    // The stock level of a variant at a location as REST reads it (an empty object when none).
    QJsonObject level(const QString &shop, const QString &bearer, const QString &variant, const QString &location)
    {
        const QJsonArray items = listAll(shop, bearer, QStringLiteral("/inventory-levels"),
                                         QStringLiteral("variant_id=%1&location_id=%2").arg(variant, location));
        return items.isEmpty() ? QJsonObject() : items.first().toObject();
    }

    // ---- records ----------------------------------------------------------------------

    static QJsonObject locationArgs(const QString &id, const QString &name)
    {
        return {{QStringLiteral("location"), QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("name"), name}}}};
    }

    static QJsonObject productArgs(const QString &product, const QString &handle, const QString &variant,
                                   const QString &sku, qint64 price)
    {
        return {{QStringLiteral("product"), QJsonObject{{QStringLiteral("id"), product},
                                                       {QStringLiteral("title"), QStringLiteral("Product ") + handle},
                                                       {QStringLiteral("handle"), handle},
                                                       {QStringLiteral("status"), QStringLiteral("active")}}},
                {QStringLiteral("variants"), QJsonArray{QJsonObject{{QStringLiteral("id"), variant},
                                                                    {QStringLiteral("sku"), sku},
                                                                    {QStringLiteral("option1"), QStringLiteral("One size")},
                                                                    {QStringLiteral("price"), price}}}}};
    }

    static QJsonObject adjustArgs(const QString &variant, const QString &location, qint64 delta,
                                  const QString &reason = QStringLiteral("received"))
    {
        return {{QStringLiteral("variant_id"), variant},
                {QStringLiteral("location_id"), location},
                {QStringLiteral("delta"), delta},
                {QStringLiteral("reason"), reason}};
    }
};

// A raw HTTP exchange on its own socket, for tests that must control timing: several requests
// written before any answer is read, or an answer that is never read.
class RawExchange
{
public:
    explicit RawExchange(quint16 port) { m_socket.connectToHost(QHostAddress(QHostAddress::LocalHost), port); }

    bool send(const QByteArray &method, const QString &path, const QByteArray &body, const QString &bearer)
    {
        if (!m_socket.waitForConnected(10000))
            return false;
        QByteArray request = method + ' ' + path.toUtf8() + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n";
        request += "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n";
        request += "Authorization: Bearer " + bearer.toUtf8() + "\r\n\r\n" + body;
        m_socket.write(request);
        while (m_socket.bytesToWrite() > 0) {
            if (!m_socket.waitForBytesWritten(10000))
                return false;
        }
        return true;
    }

    // Blocks until the first bytes of the answer arrive: the server has handled the request.
    bool waitForAnswerToStart() { return m_socket.bytesAvailable() > 0 || m_socket.waitForReadyRead(30000); }

    // Drops the connection without reading the answer: a response lost on the way.
    void abort() { m_socket.abort(); }

    // Reads the whole answer; status 0 on failure.
    HttpResult receive()
    {
        HttpResult result;
        QByteArray raw;
        QDeadlineTimer deadline(30000);
        qsizetype headerEnd = -1;
        qint64 length = -1;
        while (!deadline.hasExpired()) {
            raw += m_socket.readAll();
            if (headerEnd < 0 && (headerEnd = raw.indexOf("\r\n\r\n")) >= 0) {
                const QList<QByteArray> lines = raw.left(headerEnd).split('\n');
                result.status = lines.value(0).split(' ').value(1).toInt();
                for (const QByteArray &line : lines) {
                    const qsizetype colon = line.indexOf(':');
                    if (colon > 0 && line.left(colon).trimmed().toLower() == "content-length")
                        length = line.mid(colon + 1).trimmed().toLongLong();
                }
            }
            if (headerEnd >= 0 && length >= 0 && raw.size() - headerEnd - 4 >= length)
                break;
            if (!m_socket.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime())))
                && m_socket.state() != QAbstractSocket::ConnectedState) {
                raw += m_socket.readAll();
                break;
            }
        }
        if (headerEnd < 0)
            return HttpResult{};
        result.body = raw.mid(headerEnd + 4, length >= 0 ? length : -1);
        result.json = QJsonDocument::fromJson(result.body).object();
        return result;
    }

private:
    QTcpSocket m_socket;
};

} // namespace sk::test
