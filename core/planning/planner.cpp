#include "planning/planner.h"
#include "time/localtext.h"

#include "planning/explainer.h"
#include "planning/solver.h"

#include <QCoreApplication>
#include <QTimeZone>

#include <algorithm>

namespace {

// Messages people read, filed under the planning context of the core's translations.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(fermata::Planning)
};

} // namespace

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

CommitmentWait commitmentWait(const QUuid &uuid, const QList<TeammateCommitment> &commitments,
                              const QByteArray &zoneId)
{
    const QTimeZone person = QTimeZone(zoneId).isValid() ? QTimeZone(zoneId) : QTimeZone::utc();
    const auto found = std::find_if(commitments.cbegin(), commitments.cend(),
                                    [&](const TeammateCommitment &c) { return c.commitment.uuid == uuid; });
    if (found == commitments.cend())
        return {{}, Text::tr("its teammate's commitment is no longer shared; it does not wait")};
    const Commitment &c = found->commitment;
    const QString whose = Text::tr("%1's '%2'").arg(found->displayName(), c.title);
    switch (c.status) {
    case Commitment::Status::Done:
        return {{}, Text::tr("%1 is done").arg(whose)};
    case Commitment::Status::Dropped:
        return {{}, Text::tr("%1 dropped '%2'; it no longer waits for it").arg(found->displayName(), c.title)};
    case Commitment::Status::Planned:
    case Commitment::Status::InProgress:
        break;
    }
    if (c.finishDay.isValid()) {
        const QTimeZone owner(found->ownerZoneId);
        const QTimeZone zone = !found->ownerZoneId.isEmpty() && owner.isValid() ? owner : person;
        // The owner's work ends some time that day: the dependent work starts the next day.
        return {QDateTime(c.finishDay.addDays(1), QTime(0, 0), zone),
                Text::tr("waits for %1, planned to finish %2")
                    .arg(whose, localtext::shortDay(c.finishDay))};
    }
    if (c.due.isValid()) {
        const QDateTime local = c.due.toTimeZone(person);
        return {c.due, Text::tr("waits for %1, not planned yet, due %2 %3")
                           .arg(whose, localtext::shortDay(local.date()),
                                local.time().toString(QStringLiteral("HH:mm")))};
    }
    return {{}, Text::tr("after %1, which has no date yet; it does not wait").arg(whose)};
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
        report.waitsFor = t.waitsFor;
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
