#pragma once

#include <QRandomGenerator>
#include <QtGlobal>

namespace sk {

// Exponential backoff with full jitter: attempt n waits a random time in [0, min(cap, base·2ⁿ)],
// and never less than the server's Retry-After. Seedable so tests are repeatable.
class Backoff
{
public:
    explicit Backoff(qint64 baseMs = 500, qint64 capMs = 60'000, quint32 seed = QRandomGenerator::global()->generate())
        : m_baseMs(baseMs), m_capMs(capMs), m_random(seed)
    {
    }

    qint64 nextDelayMs(qint64 retryAfterMs = -1)
    {
        const int shift = qMin(m_attempt, 30);
        const qint64 ceiling = qMin(m_capMs, m_baseMs << shift);
        ++m_attempt;
        const qint64 jittered = qint64(m_random.bounded(quint64(ceiling) + 1));
        return qMax(jittered, retryAfterMs);
    }
    void reset() { m_attempt = 0; }
    int attempts() const { return m_attempt; }

private:
    qint64 m_baseMs;
    qint64 m_capMs;
    QRandomGenerator m_random;
    int m_attempt = 0;
};

} // namespace sk
