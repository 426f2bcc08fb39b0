#pragma once

#include "time/interval.h"
#include "uicontext.h"

#include <QObject>

#include <optional>

namespace fermata {

// The Plan and Re-plan intents: asks the PlanningService to act and words the
// outcome for the message bar. Knows nothing about widgets.
struct Plan;
struct PlanQuality;
class UndoHistory;

class PlanController final : public QObject
{
    Q_OBJECT
public:
    explicit PlanController(const UiContext &context, QObject *parent = nullptr);

    // Plans `range` from now on (rounded up to the 5-minute grid); a range with no working
    // time left (Sunday, after hours) becomes as many days from the next working day on.
    void plan(const Interval &range);
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

private:
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

    const UiContext &m_context;
    std::optional<Interval> m_plannedRange; // what Plan last covered, for Re-plan
    UndoHistory *m_history = nullptr;
};

} // namespace fermata
