#pragma once

#include "util/result.h"

#include <QByteArray>
#include <QHash>
#include <QMutex>
#include <QString>

namespace sk {

// Where secrets (access and refresh tokens) live: only here, never in settings, the shop file
// or logs. Keys are "<server url>|<user id>" (one entry per server and user).
// read() of a key with no entry fails with "secret.not_found"; a keychain that cannot be used
// (no daemon, locked, denied) fails with "secret.unavailable" and the caller stays signed out:
// there is never a plaintext fallback.
class SecretStore
{
public:
    virtual ~SecretStore() = default;
    virtual Result<QByteArray> read(const QString &key) = 0;
    virtual Result<void> write(const QString &key, const QByteArray &secret) = 0;
    // Removing a key that has no entry succeeds.
    virtual Result<void> remove(const QString &key) = 0;
    // A cheap probe: can this store be used right now?
    virtual Result<void> checkAvailable() = 0;
};

// The OS keychain through QtKeychain (Secret Service on Linux, Keychain on macOS, Credential
// Manager on Windows). Blocking calls, usable from any thread (each waits in a local event loop).
class KeychainSecretStore final : public SecretStore
{
public:
    explicit KeychainSecretStore(QString service = QStringLiteral("Storekeep"));
    Result<QByteArray> read(const QString &key) override;
    Result<void> write(const QString &key, const QByteArray &secret) override;
    Result<void> remove(const QString &key) override;
    Result<void> checkAvailable() override;

private:
    QString m_service;
};

// For unit tests: secrets in memory, gone with the object.
class MemorySecretStore final : public SecretStore
{
public:
    Result<QByteArray> read(const QString &key) override;
    Result<void> write(const QString &key, const QByteArray &secret) override;
    Result<void> remove(const QString &key) override;
    Result<void> checkAvailable() override;

    void setAvailable(bool available)
    {
        QMutexLocker lock(&m_mutex);
        m_available = available;
    }
    int size() const;

private:
    mutable QMutex m_mutex;
    QHash<QString, QByteArray> m_secrets;
    bool m_available = true;
};

} // namespace sk
