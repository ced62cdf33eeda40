#pragma once

#include <QtGlobal>

namespace sk {

// Time source, so tests can pin "now". All times are UTC milliseconds since the epoch.
class Clock
{
public:
    virtual ~Clock() = default;
    virtual qint64 nowMs() const = 0;

    static const Clock &system();
};

// A clock that only moves when told to.
class FixedClock final : public Clock
{
public:
    explicit FixedClock(qint64 ms) : m_ms(ms) {}
    qint64 nowMs() const override { return m_ms; }
    void set(qint64 ms) { m_ms = ms; }
    void advance(qint64 ms) { m_ms += ms; }

private:
    qint64 m_ms;
};

} // namespace sk
