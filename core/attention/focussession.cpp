#include "attention/focussession.h"

#include "storage/attentionrepository.h"

namespace fermata {

namespace {
constexpr qint64 s_dayMs = 24LL * 3600 * 1000;
}

FocusSession::FocusSession(AttentionRepository &repo, const Clock &clock, QObject *parent)
    : QObject(parent), m_repo(repo), m_clock(clock), m_timer(clock)
{
    connect(&m_timer, &WallClockTimer::fired, this, &FocusSession::onTimer);
    connect(&m_timer, &WallClockTimer::clockJumped, this, [this] { arm(); });
}

Status FocusSession::restore()
{
    auto running = m_repo.runningFocusSession();
    if (!running)
        return running.error();
    m_current = *running;
    if (m_current)
        m_lastPlannedStartMs = m_current->start.toMSecsSinceEpoch();
    arm();
    return {};
}

void FocusSession::setPlannedBlocks(PlannedBlocks blocks)
{
    m_planned = std::move(blocks);
    arm();
}

Status FocusSession::start(int minutes, qint64 taskId)
{
    if (minutes <= 0)
        return Status::failure(Error::Code::Invalid, QStringLiteral("Focus needs at least one minute."));
    const QDateTime now = m_clock.now();
    return begin(FocusSessionRecord{0, taskId, now, now.addSecs(qint64(minutes) * 60), {}, {}});
}

Status FocusSession::startPlanned(const FocusBlock &block)
{
    const QDateTime now = m_clock.now();
    m_lastPlannedStartMs = block.start.toMSecsSinceEpoch();
    return begin(FocusSessionRecord{0, block.taskId, qMax(now, block.start.toUTC()), block.end.toUTC(), {}, {}});
}

Status FocusSession::begin(FocusSessionRecord record)
{
    if (m_current)
        return Status::failure(Error::Code::Invalid,
                               QStringLiteral("A focus session is already running until %1.")
                                   .arg(m_current->plannedEnd.toLocalTime().toString(u"HH:mm")));
    auto id = m_repo.startFocusSession(record);
    if (!id)
        return id.error();
    record.id = *id;
    m_current = record;
    arm();
    Q_EMIT started(record);
    Q_EMIT changed();
    return {};
}

Status FocusSession::extend(int minutes)
{
    if (!m_current)
        return Status::failure(Error::Code::Invalid, QStringLiteral("No focus session is running."));
    FocusSessionRecord record = *m_current;
    // "15 more minutes" counts from now when the planned end has passed.
    record.plannedEnd = qMax(record.plannedEnd, m_clock.now()).addSecs(qint64(minutes) * 60);
    if (Status s = m_repo.updateFocusSession(record); !s)
        return s;
    m_current = record;
    arm();
    Q_EMIT extended(record);
    Q_EMIT changed();
    return {};
}

Status FocusSession::finish(Outcome outcome)
{
    if (!m_current)
        return Status::failure(Error::Code::Invalid, QStringLiteral("No focus session is running."));
    FocusSessionRecord record = *m_current;
    record.end = m_clock.now();
    record.outcome = outcome == Outcome::Done ? QStringLiteral("done") : QStringLiteral("stopped");
    if (Status s = m_repo.updateFocusSession(record); !s)
        return s;
    m_current.reset();
    arm();
    Q_EMIT finished(record, outcome);
    Q_EMIT changed();
    return {};
}

bool FocusSession::isOverdue() const
{
    return m_current && m_clock.now() >= m_current->plannedEnd;
}

qint64 FocusSession::remainingSeconds() const
{
    return m_current ? qMax<qint64>(0, m_clock.now().secsTo(m_current->plannedEnd)) : 0;
}

IntervalSet FocusSession::quietIn(const Interval &range) const
{
    IntervalSet quiet;
    auto sessions = m_repo.focusSessions(range);
    if (sessions) {
        for (const FocusSessionRecord &s : std::as_const(*sessions)) {
            const QDateTime end = s.end.isValid() ? qMin(s.end, s.plannedEnd) : s.plannedEnd;
            quiet.add(Interval::fromDateTimes(s.start, end).intersected(range));
        }
    }
    return quiet;
}

Result<QHash<qint64, qint64>> FocusSession::minutesByTask() const
{
    return m_repo.focusMinutesByTask();
}

void FocusSession::arm()
{
    const QDateTime now = m_clock.now();
    QDateTime next;
    if (m_current && m_current->plannedEnd > now)
        next = m_current->plannedEnd;
    if (!m_current && m_planned) {
        const qint64 nowMs = now.toMSecsSinceEpoch();
        for (const FocusBlock &block : m_planned(Interval(nowMs - s_dayMs, nowMs + 2 * s_dayMs))) {
            const qint64 startMs = block.start.toMSecsSinceEpoch();
            if (startMs <= m_lastPlannedStartMs || block.end <= now)
                continue;
            // A block already running (the app started late) starts now.
            const QDateTime due = startMs <= nowMs ? now : block.start.toUTC();
            if (!next.isValid() || due < next)
                next = due;
        }
    }
    m_timer.setDeadline(next);
}

void FocusSession::onTimer(const QDateTime &)
{
    const QDateTime now = m_clock.now();
    if (m_current) {
        if (now >= m_current->plannedEnd) {
            Q_EMIT endReached(*m_current);
            Q_EMIT changed();
        }
        arm();
        return;
    }
    if (m_planned) {
        const qint64 nowMs = now.toMSecsSinceEpoch();
        for (const FocusBlock &block : m_planned(Interval(nowMs - s_dayMs, nowMs + s_dayMs))) {
            if (block.start <= now && block.end > now && block.start.toMSecsSinceEpoch() > m_lastPlannedStartMs) {
                (void)startPlanned(block);
                return;
            }
        }
    }
    arm();
}

} // namespace fermata
