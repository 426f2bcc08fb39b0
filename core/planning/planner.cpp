#include "planning/planner.h"

#include "planning/explainer.h"
#include "planning/solver.h"

#include <algorithm>

namespace fermata {

using planning::Block;

QString outcomeKey(planning::TaskOutcome outcome)
{
    switch (outcome) {
    case planning::TaskOutcome::Complete: return QStringLiteral("complete");
    case planning::TaskOutcome::Partial: return QStringLiteral("partial");
    case planning::TaskOutcome::Late: return QStringLiteral("late");
    case planning::TaskOutcome::Invalid: return QStringLiteral("invalid");
    case planning::TaskOutcome::Unplanned: break;
    }
    return QStringLiteral("unplanned");
}

int PlanQuality::percentShortAtMost() const
{
    if (provenOptimal || (bound >= 0 && value >= bound))
        return 0;
    if (bound <= 0)
        return -1;
    // Rounded up: "within 3%" must never claim more than the bound proves.
    const qint64 gap = bound - value;
    return int((gap * 100 + bound - 1) / bound);
}

Plan Planner::plan(const PlanRequest &request)
{
    const planning::Problem problem = toProblem(request);
    const planning::Solution solution = planning::solve(problem);
    const planning::Explainer explainer(problem, solution);
    const qint64 slotMs = qint64(problem.slotMinutes) * 60000;
    auto toTime = [&](int slot) { return QDateTime::fromMSecsSinceEpoch(problem.originMs + slot * slotMs, Qt::UTC); };

    Plan plan;
    for (const FocusBlock &b : request.fixedBlocks)
        plan.blocks.append({b, false, true});
    // Back-to-back blocks of one task are one block to the person.
    std::vector<Block> merged;
    std::vector<Block> blocks = solution.blocks;
    std::sort(blocks.begin(), blocks.end(), [](const Block &a, const Block &b) {
        return a.task != b.task ? a.task < b.task : a.start < b.start;
    });
    for (const Block &b : blocks) {
        if (!merged.empty() && merged.back().task == b.task && merged.back().end == b.start)
            merged.back().end = b.end;
        else
            merged.push_back(b);
    }
    for (const Block &b : merged) {
        const planning::SlotTask &t = problem.tasks[size_t(b.task)];
        FocusBlock fb;
        fb.taskId = t.key.toLongLong();
        fb.start = toTime(b.start);
        fb.end = toTime(b.end);
        const bool kept = std::find(problem.previous.begin(), problem.previous.end(), b) != problem.previous.end();
        plan.blocks.append({fb, t.hasDeadline && b.end > t.deadline, kept});
    }
    std::stable_sort(plan.blocks.begin(), plan.blocks.end(), [](const PlannedBlock &a, const PlannedBlock &b) {
        return a.block.start != b.block.start ? a.block.start < b.block.start : a.block.taskId < b.block.taskId;
    });
    for (size_t i = 0; i < problem.tasks.size(); ++i) {
        const planning::SlotTask &t = problem.tasks[i];
        TaskReport report;
        report.taskId = t.key.toLongLong();
        report.outcome = explainer.outcome(int(i));
        report.plannedMinutes = solution.plannedSlots[i] * problem.slotMinutes;
        report.neededMinutes = std::max(0, t.length + t.doneBefore) * problem.slotMinutes;
        report.reason = explainer.reason(int(i));
        plan.tasks.append(report);
    }
    for (const planning::Explainer::Day &d : explainer.days()) {
        if (d.availableSlots == 0 && d.plannedSlots == 0 && d.blockedBy.isEmpty())
            continue; // days off say nothing
        plan.days.append({problem.firstDate.addDays(d.day), d.availableSlots * problem.slotMinutes,
                          d.plannedSlots * problem.slotMinutes, d.overloaded, d.blockedBy});
    }
    plan.diagnostics = QList<planning::Diagnostic>(problem.diagnostics.begin(), problem.diagnostics.end());
    plan.quality = {solution.value, solution.bound, solution.provenOptimal};
    return plan;
}

} // namespace fermata
