#pragma once

#include "util/clock.h"

#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace sk::server {

// Slows down password guessing, in memory: at most MaxAccountFailures failed logins per account
// (the e-mail as typed, lower-cased, whether or not it exists) and MaxAddressFailures per client
// address within WindowMs. Over either limit, login is refused before the password is checked,
// with the seconds until the oldest counted failure leaves the window. A successful login
// clears its account's failures (not its address's). Restarting the server forgets everything,
// which is acceptable for a reference server: the limits only need to make guessing slow.
class LoginRateLimiter
{
public:
    static constexpr int MaxAccountFailures = 5;
    static constexpr int MaxAddressFailures = 20;
    static constexpr qint64 WindowMs = 15 * 60 * 1000;
    // Beyond this many tracked keys, expired ones are dropped before a new key is added.
    static constexpr qsizetype PruneThreshold = 10000;

    explicit LoginRateLimiter(const Clock &clock);

    // nullopt when a login attempt may proceed; otherwise the seconds to wait (at least 1).
    std::optional<qint64> retryAfterSeconds(const QString &account, const QString &address) const;
    void recordFailure(const QString &account, const QString &address);
    void recordSuccess(const QString &account);

    qsizetype trackedKeys() const { return m_accounts.size() + m_addresses.size(); }

private:
    using Failures = QHash<QString, QList<qint64>>; // key → failure times, oldest first

    static QString accountKey(const QString &account);
    std::optional<qint64> blockedFor(const Failures &failures, const QString &key, int limit) const;
    void record(Failures &failures, const QString &key);
    void prune(Failures &failures) const;

    const Clock &m_clock;
    Failures m_accounts;
    Failures m_addresses;
};

} // namespace sk::server
