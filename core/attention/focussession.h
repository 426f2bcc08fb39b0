#pragma once

#include "model/inboxitem.h"
#include "attention/wallclocktimer.h"
#include "model/focusblock.h"
#include "result.h"
#include "time/intervalset.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <optional>

namespace fermata {

class AttentionRepository;

// Focus mode: started by hand ("Focus for 50 min") or at a planned focus block's start; while
// it runs everything is held and the desktop's DND is on (AttentionService asks quietIn()).
// At the planned end it asks "Done / 15 more minutes / Stop" (endReached) when someone can
// answer (setAnswerer); the answer is finish() or extend(). With nobody to ask (`fermata serve`)
// a session ends by itself at its planned end. The next planned block takes over from a
// session past its end. Every session is recorded, so actual focus minutes per task are known.
class FocusSession final : public QObject
{
    Q_OBJECT
public:
    // Ended: reached its planned end with nobody answering ("ended" in the record).
    enum class Outcome { Done, Stopped, Ended };
    // Planned focus blocks overlapping a range (the planner's output).
    using PlannedBlocks = std::function<QList<FocusBlock>(const Interval &range)>;

    FocusSession(AttentionRepository &repo, const Clock &clock, QObject *parent = nullptr);

    // Picks up a session left running by a previous start (or a crash), announces it (changed)
    // so it shows and stops like any other, and arms the timer; one already past its end is
    // asked about or ended at once.
    Status restore();
    void setPlannedBlocks(PlannedBlocks blocks);
    // Whoever answers at a session's end (the window's FocusController). While there is none,
    // or it is gone, sessions end at their planned end: nobody would ever answer.
    void setAnswerer(QObject *answerer) { m_answerer = answerer; }

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
    // the running one up to its planned end; from now on also planned blocks still to start.
    IntervalSet quietIn(const Interval &range) const;
    Result<QHash<qint64, qint64>> minutesByTask() const;
    WallClockTimer &timer() { return m_timer; }

Q_SIGNALS:
    void started(const fermata::FocusSessionRecord &session);
    void endReached(const fermata::FocusSessionRecord &session);
    void finished(const fermata::FocusSessionRecord &session, fermata::FocusSession::Outcome outcome);
    void changed(); // any of the above (and a restored session): re-evaluate holding
    void failed(const fermata::Error &error); // a session the timer started or ended was not recorded

private:
    Status begin(FocusSessionRecord record);
    Status finishAt(const QDateTime &end, Outcome outcome);
    Status reachEnd();
    std::optional<FocusBlock> duePlannedBlock(const QDateTime &now) const;
    void onTimer(const QDateTime &due);
    void arm();

    AttentionRepository &m_repo;
    const Clock &m_clock;
    PlannedBlocks m_planned;
    std::optional<FocusSessionRecord> m_current;
    qint64 m_lastPlannedStartMs = 0; // a planned block starts a session once
    qint64 m_askedEndMs = 0;         // endReached once per planned end
    QPointer<QObject> m_answerer;
    WallClockTimer m_timer;
};

} // namespace fermata
