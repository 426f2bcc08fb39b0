#pragma once

#include <QDateTime>
#include <QTimeZone>

namespace fermata {

// The only way core code learns the time, so tests and benchmarks can pin it.
class Clock
{
public:
    virtual ~Clock() = default;
    // The current instant, in UTC.
    virtual QDateTime now() const = 0;
};

class SystemClock final : public Clock
{
public:
    QDateTime now() const override;
};

// A clock that moves only when told to.
class FakeClock final : public Clock
{
public:
    explicit FakeClock(QDateTime now = QDateTime::fromSecsSinceEpoch(0, Qt::UTC))
        : m_now(now.toUTC())
    {
    }
    QDateTime now() const override { return m_now; }
    void setNow(const QDateTime &now) { m_now = now.toUTC(); }
    void advanceSecs(qint64 secs) { m_now = m_now.addSecs(secs); }

private:
    QDateTime m_now;
};

} // namespace fermata
