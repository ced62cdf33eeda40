#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>

#include <memory>
#include <utility>

namespace sk::test {

// A real storekeep-server process on a loopback port, over a temporary data dir.
class ServerProcess
{
public:
    ServerProcess();
    ~ServerProcess();

    QString dataDir() const { return m_dir.path(); }
    // Runs an admin subcommand against the data dir (`storekeep-server <args> --data DIR`),
    // feeding stdin; returns exit code and stdout.
    std::pair<int, QByteArray> admin(const QStringList &args, const QByteArray &stdinData = {});
    // Starts `serve --listen 127.0.0.1:0` (plus extra args) and waits for the port line.
    bool start(const QStringList &extraArgs = {});
    void stop();
    quint16 port() const { return m_port; }
    QString baseUrl() const;
    // Everything the server wrote to stderr so far (the request log), also while it runs.
    QByteArray serverStderr() const;

private:
    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_process;
    quint16 m_port = 0;
    QString m_scheme = QStringLiteral("http");
    QTemporaryDir m_logDir; // the server's stderr goes to a file here, outside the data dir
};

struct HttpResult
{
    int status = 0;
    QByteArray body;
    QJsonObject json; // empty unless the body is a JSON object
    QList<std::pair<QByteArray, QByteArray>> headers;
    QString errorCode() const { return json.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(); }
    QByteArray header(const QByteArray &name) const;
};

// Blocking HTTP/1.1 over a real TCP socket (QTcpSocket), one request per call.
class HttpClient
{
public:
    explicit HttpClient(quint16 port) : m_port(port) {}
    HttpResult request(const QByteArray &method, const QString &pathAndQuery, const QByteArray &body = {},
                       const QString &bearer = {}, const QList<std::pair<QByteArray, QByteArray>> &extraHeaders = {});
    HttpResult get(const QString &path, const QString &bearer = {}) { return request("GET", path, {}, bearer); }
    HttpResult post(const QString &path, const QJsonObject &json, const QString &bearer = {})
    {
        return request("POST", path, QJsonDocument(json).toJson(QJsonDocument::Compact), bearer);
    }

private:
    quint16 m_port;
};

// The path of a built executable in build/bin (from STOREKEEP_BIN_DIR, set by CTest).
QString binPath(const QString &name);

} // namespace sk::test
