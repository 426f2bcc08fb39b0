#include "attention/wallclocktimer.h"

namespace fermata {

WallClockTimer::WallClockTimer(const Clock &clock, QObject *parent)
    : QObject(parent), m_clock(clock)
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &WallClockTimer::check);
}

void WallClockTimer::setDeadline(const QDateTime &deadline)
{
    m_deadline = deadline.isValid() ? deadline.toUTC() : QDateTime();
    if (!m_deadline.isValid()) {
        m_timer.stop();
        return;
    }
    arm();
}

void WallClockTimer::arm()
{
    const qint64 nowMs = m_clock.now().toMSecsSinceEpoch();
    m_wallAtArmMs = nowMs;
    m_monotonic.start();
    const qint64 remaining = m_deadline.toMSecsSinceEpoch() - nowMs;
    m_timer.start(int(qBound(qint64(0), remaining, qint64(m_sliceMs))));
}

void WallClockTimer::check()
{
    if (!m_deadline.isValid())
        return;
    const qint64 nowMs = m_clock.now().toMSecsSinceEpoch();
    const qint64 jump = (nowMs - m_wallAtArmMs) - m_monotonic.elapsed();
    if (nowMs >= m_deadline.toMSecsSinceEpoch()) {
        const QDateTime due = m_deadline;
        m_deadline = QDateTime(); // before emitting: a handler may arm the next deadline
        if (qAbs(jump) > m_jumpToleranceMs)
            Q_EMIT clockJumped(jump);
        Q_EMIT fired(due);
        return;
    }
    if (qAbs(jump) > m_jumpToleranceMs)
        Q_EMIT clockJumped(jump); // the owner may set a new deadline from here
    if (m_deadline.isValid() && !m_timer.isActive())
        arm();
}

} // namespace fermata
