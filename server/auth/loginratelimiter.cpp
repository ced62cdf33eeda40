#include "loginratelimiter.h"

#include <algorithm>

namespace sk::server {

LoginRateLimiter::LoginRateLimiter(const Clock &clock) : m_clock(clock)
{
}

QString LoginRateLimiter::accountKey(const QString &account)
{
    return account.trimmed().toLower();
}

std::optional<qint64> LoginRateLimiter::blockedFor(const Failures &failures, const QString &key, int limit) const
{
    const auto it = failures.constFind(key);
    if (it == failures.cend())
        return std::nullopt;
    const qint64 now = m_clock.nowMs();
    const QList<qint64> &times = *it;
    // Failures still inside the window, oldest first.
    const auto firstLive = std::upper_bound(times.cbegin(), times.cend(), now - WindowMs);
    const qsizetype live = times.cend() - firstLive;
    if (live < limit)
        return std::nullopt;
    // The attempt may proceed once enough failures have left the window to get below the limit.
    const qint64 freedAt = *(firstLive + (live - limit)) + WindowMs;
    const qint64 waitMs = std::max<qint64>(freedAt - now, 1);
    return (waitMs + 999) / 1000;
}

std::optional<qint64> LoginRateLimiter::retryAfterSeconds(const QString &account, const QString &address) const
{
    const auto byAccount = blockedFor(m_accounts, accountKey(account), MaxAccountFailures);
    const auto byAddress = address.isEmpty() ? std::nullopt : blockedFor(m_addresses, address, MaxAddressFailures);
    if (byAccount && byAddress)
        return std::max(*byAccount, *byAddress);
    return byAccount ? byAccount : byAddress;
}

void LoginRateLimiter::record(Failures &failures, const QString &key)
{
    if (!failures.contains(key) && failures.size() >= PruneThreshold)
        prune(failures);
    QList<qint64> &times = failures[key];
    const qint64 now = m_clock.nowMs();
    // Keep the list short and sorted: drop what left the window.
    const auto firstLive = std::upper_bound(times.begin(), times.end(), now - WindowMs);
    times.erase(times.begin(), firstLive);
    times.append(std::max(now, times.isEmpty() ? now : times.last()));
}

void LoginRateLimiter::prune(Failures &failures) const
{
    const qint64 cutoff = m_clock.nowMs() - WindowMs;
    for (auto it = failures.begin(); it != failures.end();) {
        if (it->isEmpty() || it->last() <= cutoff)
            it = failures.erase(it);
        else
            ++it;
    }
}

void LoginRateLimiter::recordFailure(const QString &account, const QString &address)
{
    record(m_accounts, accountKey(account));
    if (!address.isEmpty())
        record(m_addresses, address);
}

void LoginRateLimiter::recordSuccess(const QString &account)
{
    m_accounts.remove(accountKey(account));
}

} // namespace sk::server
