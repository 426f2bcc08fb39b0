#pragma once

#include "time/interval.h"
#include "uicontext.h"

#include <QObject>

#include <optional>

namespace fermata {

// The Plan, Re-plan and Undo Plan intents: asks the PlanningService to act and words the
// outcome for the message bar. Knows nothing about widgets.
struct Plan;

class PlanController final : public QObject
{
    Q_OBJECT
public:
    explicit PlanController(const UiContext &context, QObject *parent = nullptr);

    // Plans `range` from now on (rounded up to the 5-minute grid).
    void plan(const Interval &range);
    // Plans what is left of the last planned range again.
    void replan();
    void undo();
    bool canUndo() const;

    // The first instant at or after `ms` on the 5-minute grid, so blocks start at 09:25, not 09:21.
    static qint64 roundUpToGrid(qint64 ms);

Q_SIGNALS:
    void infoMessage(const QString &text);
    void errorOccurred(const QString &text);
    // Planned blocks no longer fit (a meeting moved in, a task was done or removed).
    void replanSuggested();

private:
    void checkPlan();
    QString summary(const Plan &plan, const Interval &range) const;

    const UiContext &m_context;
    std::optional<Interval> m_plannedRange; // what Plan last covered, for Re-plan
};

} // namespace fermata
