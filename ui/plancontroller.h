#pragma once

#include "planning/backgroundplanner.h"
#include "planning/planningservice.h"
#include "time/interval.h"
#include "uicontext.h"

#include <QObject>
#include <QTimer>

#include <optional>

namespace fermata {

// The Plan and Re-plan intents: asks the PlanningService to act and words the
// outcome for the message bar. Knows nothing about widgets. The planner itself runs on a
// worker thread (the exact mode may search for a second or two): the window stays usable and
// the plan lands when it is done, planned again if tasks, meetings or blocks changed meanwhile.
struct PlanQuality;
class UndoHistory;

class PlanController final : public QObject
{
    Q_OBJECT
public:
    explicit PlanController(const UiContext &context, QObject *parent = nullptr);

    // Plans `range` from now on (rounded up to the 5-minute grid); a range with no working
    // time left (Sunday, after hours) becomes as many days from the next working day on.
    // Returns at once; finished() follows. Asked again while planning, it plans the latest
    // range asked for once the current plan has landed.
    void plan(const Interval &range);
    bool isPlanning() const { return m_running.has_value(); }
    // Plans what is left of the last planned range again (or of the planned days ahead).
    void replan();
    // Whether a stored, unpinned block ahead now clashes with a busy event (all-day ones
    // too, as the planner sees them) or belongs to a task that is done or gone.
    bool planNoLongerFits() const;
    // Whether Re-plan has something to work on: a plan from this session or blocks ahead.
    bool hasPlanAhead() const { return watchedRange().has_value(); }
    // The words of the Re-plan offer, for the message bar.
    static QString replanOfferText();
    // Each successful Plan is recorded there (Edit > Undo Plan); null: not undoable.
    void setUndoHistory(UndoHistory *history) { m_history = history; }

    // The first instant at or after `ms` on the 5-minute grid, so blocks start at 09:25, not 09:21.
    static qint64 roundUpToGrid(qint64 ms);

Q_SIGNALS:
    void infoMessage(const QString &text);
    void errorOccurred(const QString &text);
    // Planned blocks no longer fit (a meeting moved in, a task was done or removed).
    void replanSuggested();
    // A plan started (true) or landed or failed (false).
    void planningChanged(bool planning);
    // A plan asked for has landed (or failed, after errorOccurred) and no other is waiting.
    void finished();

private:
    struct Running
    {
        PlanningService::Prepared prepared;
        bool moved = false;        // outside working time: the next working days instead
        bool inputChanged = false; // tasks or meetings changed while the planner worked
        int attempt = 1;
    };
    // Reads what the plan needs and hands it to the worker; false (and errorOccurred) if not.
    bool start(const Interval &range, int attempt);
    void land(const Plan &planned);
    void stop();
    void checkPlan();
    // What Plan last covered, or else the days ahead that hold planned blocks (a plan from
    // an earlier session); from now on. Empty when nothing ahead is planned.
    std::optional<Interval> watchedRange() const;
    // `moved`: the range was outside working time and Plan took the next working days.
    QString summary(const Plan &plan, const Interval &range, bool moved) const;
    // "Optimal: …" or "Within 3% of the best possible." when the planner knows a bound.
    static QString qualityText(const PlanQuality &quality);
    // From `fromMs` to the end of `days` days counted from the next day with working hours.
    std::optional<Interval> nextWorkingDays(qint64 fromMs, int days) const;
    // "Mon" or "Mon–Tue": the first and last day with working hours in `range`.
    QString workingDaysText(const Interval &range) const;

    static constexpr int maxAttempts = 3; // then a plan lands even if its input keeps changing
    static constexpr int slowMs = 400;    // planning longer than this says so

    const UiContext &m_context;
    std::optional<Interval> m_plannedRange; // what Plan last covered, for Re-plan
    UndoHistory *m_history = nullptr;
    BackgroundPlanner m_worker;
    std::optional<Running> m_running;
    std::optional<Interval> m_next; // asked for while planning
    QTimer m_slow;
};

} // namespace fermata
