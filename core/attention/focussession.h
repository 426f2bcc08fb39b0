#pragma once

#include "attention/inboxitem.h"
#include "attention/wallclocktimer.h"
#include "model/focusblock.h"
#include "result.h"
#include "time/intervalset.h"

#include <QObject>

#include <functional>
#include <optional>

namespace fermata {

class AttentionRepository;

// Focus mode: started by hand ("Focus for 50 min") or at a planned focus block's start; while
// it runs everything is held and the desktop's DND is on (AttentionService asks quietIn()).
// At the planned end it asks "Done / 15 more minutes / Stop" (endReached); the answer is
// finish() or extend(). Every session is recorded, so actual focus minutes per task are known.
class FocusSession final : public QObject
{
    Q_OBJECT
public:
    enum class Outcome { Done, Stopped };
    // Planned focus blocks overlapping a range (the planner's output).
    using PlannedBlocks = std::function<QList<FocusBlock>(const Interval &range)>;

    FocusSession(AttentionRepository &repo, const Clock &clock, QObject *parent = nullptr);

    // Picks up a session left running by a previous start (or a crash) and arms the timer.
    Status restore();
    void setPlannedBlocks(PlannedBlocks blocks);

    Status start(int minutes, qint64 taskId = 0);
    Status startPlanned(const FocusBlock &block);
    Status extend(int minutes);        // "15 more minutes": moves the planned end
    Status finish(Outcome outcome);    // "Done" or "Stop": records the actual end now

    bool isActive() const { return m_current.has_value(); }
    bool isOverdue() const;            // past the planned end, waiting for an answer
    std::optional<FocusSessionRecord> current() const { return m_current; }
    QDateTime endsAt() const { return m_current ? m_current->plannedEnd : QDateTime(); }
    qint64 remainingSeconds() const;   // for the tray countdown; 0 when none or overdue

    // Time held by sessions: recorded ones up to their actual end (or planned end, if sooner),
    // the running one up to its planned end.
    IntervalSet quietIn(const Interval &range) const;
    Result<QHash<qint64, qint64>> minutesByTask() const;
    WallClockTimer &timer() { return m_timer; }

Q_SIGNALS:
    void started(const fermata::FocusSessionRecord &session);
    void endReached(const fermata::FocusSessionRecord &session);
    void extended(const fermata::FocusSessionRecord &session);
    void finished(const fermata::FocusSessionRecord &session, fermata::FocusSession::Outcome outcome);
    void changed(); // any of the above: re-evaluate holding

private:
    Status begin(FocusSessionRecord record);
    void onTimer(const QDateTime &due);
    void arm();

    AttentionRepository &m_repo;
    const Clock &m_clock;
    PlannedBlocks m_planned;
    std::optional<FocusSessionRecord> m_current;
    qint64 m_lastPlannedStartMs = 0; // a planned block starts a session once
    WallClockTimer m_timer;
};

} // namespace fermata
