#pragma once

// A loopback HTTP server on its own thread that gives every request the same canned answer:
// for the answers the reference server never gives (426 upgrade_required), so the client's
// handling of them can still be tested over real TCP.

#include <QByteArray>
#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

#include <atomic>

namespace sk::test {

class CannedHttpServer
{
public:
    CannedHttpServer(int status, const QByteArray &reason, const QByteArray &jsonBody)
    {
        m_answer = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason
                   + "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(jsonBody.size())
                   + "\r\nConnection: close\r\n\r\n" + jsonBody;
        m_thread = QThread::create([this] { run(); });
        m_thread->start();
        while (m_port.load() == 0)
            QThread::msleep(5);
    }

    ~CannedHttpServer()
    {
        m_stop.store(true);
        m_thread->wait();
        delete m_thread;
    }

    quint16 port() const { return quint16(m_port.load()); }
    int requests() const { return m_requests.load(); }

private:
    void run()
    {
        QTcpServer server;
        server.listen(QHostAddress::LocalHost);
        m_port.store(server.serverPort());
        while (!m_stop.load()) {
            if (!server.waitForNewConnection(50))
                continue;
            while (QTcpSocket *socket = server.nextPendingConnection()) {
                QByteArray request;
                while (!request.contains("\r\n\r\n") && socket->waitForReadyRead(2000))
                    request += socket->readAll();
                ++m_requests;
                socket->write(m_answer);
                socket->waitForBytesWritten(2000);
                socket->disconnectFromHost();
                delete socket;
            }
        }
    }

    QByteArray m_answer;
    QThread *m_thread = nullptr;
    std::atomic<int> m_port{0};
    std::atomic<int> m_requests{0};
    std::atomic_bool m_stop{false};
};

} // namespace sk::test
