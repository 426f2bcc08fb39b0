#include "attention/focussession.h"

#include "storage/attentionrepository.h"

#include <QCoreApplication>

namespace {

// Messages people read, filed under the attention context of the core's translations.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(fermata::Attention)
};

} // namespace

namespace fermata {

namespace {
constexpr qint64 s_dayMs = 24LL * 3600 * 1000;
constexpr qint64 s_retrySecs = 60; // after a failed write, instead of retrying every loop turn

QString outcomeText(FocusSession::Outcome outcome)
{
    switch (outcome) {
    case FocusSession::Outcome::Done: return QStringLiteral("done");
    case FocusSession::Outcome::Stopped: return QStringLiteral("stopped");
    case FocusSession::Outcome::Ended: return QStringLiteral("ended");
    }
    return {};
}
} // namespace

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
    if (!m_current) {
        arm();
        return {};
    }
    m_lastPlannedStartMs = qMax(m_lastPlannedStartMs, m_current->start.toMSecsSinceEpoch());
    Q_EMIT changed(); // without it the window shows no session to stop (Focus › Stop greyed out)
    if (m_clock.now() >= m_current->plannedEnd) {
        if (Status s = reachEnd(); !s)
            return s;
    }
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
        return Status::failure(Error::Code::Invalid, Text::tr("Focus needs at least one minute."));
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
                               Text::tr("A focus session is already running until %1.")
                                   .arg(m_current->plannedEnd.toLocalTime().toString(u"HH:mm")));
    auto id = m_repo.startFocusSession(record);
    if (!id)
        return id.error();
    record.id = *id;
    m_current = record;
    m_askedEndMs = 0;
    arm();
    Q_EMIT started(record);
    Q_EMIT changed();
    return {};
}

Status FocusSession::extend(int minutes)
{
    if (!m_current)
        return Status::failure(Error::Code::Invalid, Text::tr("No focus session is running."));
    FocusSessionRecord record = *m_current;
    // "15 more minutes" counts from now when the planned end has passed.
    record.plannedEnd = qMax(record.plannedEnd, m_clock.now()).addSecs(qint64(minutes) * 60);
    if (Status s = m_repo.updateFocusSession(record); !s)
        return s;
    m_current = record;
    arm();
    Q_EMIT changed();
    return {};
}

Status FocusSession::finish(Outcome outcome)
{
    return finishAt(m_clock.now(), outcome);
}

Status FocusSession::finishAt(const QDateTime &end, Outcome outcome)
{
    if (!m_current)
        return Status::failure(Error::Code::Invalid, Text::tr("No focus session is running."));
    FocusSessionRecord record = *m_current;
    record.end = end;
    record.outcome = outcomeText(outcome);
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
    // A planned block still to start a session is quiet from its start, so the instant one
    // session hands over to the next block never lets the desktop's DND drop in between.
    const qint64 nowMs = m_clock.now().toMSecsSinceEpoch();
    if (m_planned && range.endMs() > nowMs) { // the past is what sessions recorded
        for (const FocusBlock &block : m_planned(Interval(qMax(range.startMs(), nowMs), range.endMs()))) {
            const Interval planned = block.interval();
            if (planned.startMs() > m_lastPlannedStartMs)
                quiet.add(Interval(qMax(planned.startMs(), nowMs), planned.endMs()).intersected(range));
        }
    }
    return quiet;
}

Result<QHash<qint64, qint64>> FocusSession::minutesByTask() const
{
    return m_repo.focusMinutesByTask();
}

// Asks "Done / 15 more / Stop" once per planned end, or ends the session there when nobody
// can answer (it was the block's end, whenever this process notices).
Status FocusSession::reachEnd()
{
    if (!m_answerer)
        return finishAt(m_current->plannedEnd, Outcome::Ended);
    const qint64 endMs = m_current->plannedEnd.toMSecsSinceEpoch();
    if (m_askedEndMs == endMs)
        return {};
    m_askedEndMs = endMs;
    Q_EMIT endReached(*m_current);
    Q_EMIT changed();
    return {};
}

// The planned block that should run now and has not started a session yet. A running session
// keeps its time; once past its end, the block takes over (nobody answered the prompt).
std::optional<FocusBlock> FocusSession::duePlannedBlock(const QDateTime &now) const
{
    if (!m_planned || (m_current && now < m_current->plannedEnd))
        return std::nullopt;
    const qint64 nowMs = now.toMSecsSinceEpoch();
    for (const FocusBlock &block : m_planned(Interval(nowMs - s_dayMs, nowMs + s_dayMs))) {
        if (block.start <= now && block.end > now && block.start.toMSecsSinceEpoch() > m_lastPlannedStartMs)
            return block;
    }
    return std::nullopt;
}

void FocusSession::arm()
{
    const QDateTime now = m_clock.now();
    QDateTime next;
    if (m_current && m_current->plannedEnd > now)
        next = m_current->plannedEnd;
    if (m_planned) {
        // A block is due at its start, or at the running session's end if that is later.
        const QDateTime free = m_current ? qMax(now, m_current->plannedEnd) : now;
        const qint64 nowMs = now.toMSecsSinceEpoch();
        for (const FocusBlock &block : m_planned(Interval(nowMs - s_dayMs, nowMs + 2 * s_dayMs))) {
            if (block.start.toMSecsSinceEpoch() <= m_lastPlannedStartMs || block.end <= free)
                continue;
            const QDateTime due = qMax(block.start.toUTC(), free); // already running: starts now
            if (!next.isValid() || due < next)
                next = due;
        }
    }
    m_timer.setDeadline(next);
}

void FocusSession::onTimer(const QDateTime &)
{
    const QDateTime now = m_clock.now();
    Status status;
    if (const auto block = duePlannedBlock(now)) {
        if (m_current) // past its end and unanswered: it ended when it was planned to
            status = finishAt(m_current->plannedEnd, Outcome::Ended);
        if (status)
            status = startPlanned(*block); // arms for its end
    } else if (m_current && now >= m_current->plannedEnd) {
        status = reachEnd();
    }
    if (!status) {
        Q_EMIT failed(status.error());
        m_timer.setDeadline(now.addSecs(s_retrySecs));
        return;
    }
    arm();
}

} // namespace fermata
