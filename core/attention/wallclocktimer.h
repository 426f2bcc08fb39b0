#pragma once

#include "time/clock.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace fermata {

// Fires once when the wall clock (as the Clock tells it) reaches a deadline. A plain QTimer
// counts monotonic time, which stops during sleep and ignores clock changes; this one wakes
// at most every `sliceMs` to compare the wall clock with the deadline, so after suspend, a
// clock change or a zone change it fires late by at most one slice and never early. Each
// deadline fires exactly once. A jump (wall clock and monotonic time disagreeing by more
// than `jumpToleranceMs`) is reported so owners can recompute their deadline.
class WallClockTimer final : public QObject
{
    Q_OBJECT
public:
    explicit WallClockTimer(const Clock &clock, QObject *parent = nullptr);

    void setSliceMs(int ms) { m_sliceMs = ms; }

    // Arms for `deadline` (UTC); an invalid deadline disarms. A deadline already past fires
    // on the next event-loop turn.
    void setDeadline(const QDateTime &deadline);
    QDateTime deadline() const { return m_deadline; }
    bool isArmed() const { return m_deadline.isValid(); }

Q_SIGNALS:
    void fired(const QDateTime &deadline);
    void clockJumped(qint64 jumpMs);

private:
    void check();
    void arm();

    const Clock &m_clock;
    QTimer m_timer;
    QDateTime m_deadline;
    QElapsedTimer m_monotonic;
    qint64 m_wallAtArmMs = 0;
    int m_sliceMs = 30000;
    qint64 m_jumpToleranceMs = 2000;
};

} // namespace fermata
