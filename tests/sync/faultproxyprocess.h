#pragma once

// Runs tests/tools/faultproxy (storekeep-faultproxy) as a process between a client and the server.

#include "serverfixture.h"

#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>

#include <memory>

namespace sk::test {

class FaultProxyProcess
{
public:
    ~FaultProxyProcess() { stop(); }

    bool start(quint16 upstreamPort, quint32 seed, const QJsonObject &faults,
               const QString &onlyPathPrefix = QStringLiteral("/v1/shops"))
    {
        m_process = std::make_unique<QProcess>();
        m_process->setProcessChannelMode(QProcess::SeparateChannels);
        QStringList args{QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--upstream"),
                         QStringLiteral("127.0.0.1:%1").arg(upstreamPort), QStringLiteral("--seed"),
                         QString::number(seed)};
        if (!onlyPathPrefix.isEmpty())
            args << QStringLiteral("--only-path-prefix") << onlyPathPrefix;
        m_process->start(binPath(QStringLiteral("storekeep-faultproxy")), args);
        if (!m_process->waitForStarted(10'000))
            return false;
        QDeadlineTimer deadline(15'000);
        QByteArray out;
        static const QRegularExpression port(QStringLiteral("listening on http://127\\.0\\.0\\.1:(\\d+)"));
        while (!deadline.hasExpired()) {
            if (m_process->waitForReadyRead(200))
                out += m_process->readAllStandardOutput();
            const auto m = port.match(QString::fromUtf8(out));
            if (m.hasMatch()) {
                m_port = quint16(m.captured(1).toUInt());
                return setFaults(faults);
            }
            if (m_process->state() != QProcess::Running)
                return false;
        }
        return false;
    }

    bool setFaults(const QJsonObject &faults)
    {
        HttpClient http(m_port);
        return http.post(QStringLiteral("/__proxy/faults"), faults).status == 200;
    }

    QJsonObject stats()
    {
        HttpClient http(m_port);
        return http.get(QStringLiteral("/__proxy/stats")).json;
    }

    void stop()
    {
        if (m_process && m_process->state() != QProcess::NotRunning) {
            m_process->kill();
            m_process->waitForFinished(5000);
        }
    }

    quint16 port() const { return m_port; }
    QString baseUrl() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_port); }
    QByteArray log() const { return m_process ? m_process->readAllStandardError() : QByteArray(); }

private:
    std::unique_ptr<QProcess> m_process;
    quint16 m_port = 0;
};

inline QJsonObject noFaults()
{
    return {{QStringLiteral("drop_request"), 0}, {QStringLiteral("drop_response"), 0}, {QStringLiteral("error_5xx"), 0},
            {QStringLiteral("error_429"), 0},    {QStringLiteral("reset"), 0},         {QStringLiteral("delay"), 0}};
}

} // namespace sk::test
