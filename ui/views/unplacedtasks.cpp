#include "views/unplacedtasks.h"

#include "models/durationtext.h"

#include "planning/planningservice.h"
#include "tasks/taskservice.h"
#include "time/clock.h"
#include "uicontext.h"

#include <QCoreApplication>
#include <QHash>

namespace fermata::UnplacedTasks {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("fermata::UnplacedTasks", text);
}
} // namespace

QList<TaskReport> current(const UiContext &context)
{
    const QList<TaskReport> reports = context.planning.unplacedTasks();
    if (reports.isEmpty())
        return reports;
    // Minutes each task holds in blocks from now on (pinned or planned).
    constexpr qint64 lookAheadMs = qint64(366) * 24 * 3600 * 1000;
    const qint64 now = context.clock.now().toMSecsSinceEpoch();
    QHash<qint64, qint64> heldMinutes;
    if (const auto blocks = context.planning.blocks(Interval(now, now + lookAheadMs))) {
        for (const FocusBlock &block : *blocks)
            heldMinutes[block.taskId] += block.start.secsTo(block.end) / 60;
    }
    QList<TaskReport> still;
    for (const TaskReport &report : reports) {
        const auto task = context.tasks.task(report.taskId);
        if (!task || task->done)
            continue;
        const int needed = task->remainingMinutes > 0 ? task->remainingMinutes : task->estimateMinutes;
        if (heldMinutes.value(report.taskId) >= needed)
            continue;
        TaskReport held = report; // what the blocks from now on hold, pins included
        held.plannedMinutes = int(heldMinutes.value(report.taskId));
        held.neededMinutes = needed;
        still.append(held);
    }
    return still;
}

QString sentence(const UiContext &context, const QList<TaskReport> &reports)
{
    if (reports.isEmpty())
        return {};
    const auto titleOf = [&context](qint64 taskId) {
        const auto task = context.tasks.task(taskId);
        return task ? task->title : tr("a removed task");
    };
    // A task with some of its time placed is "not in full", or the blocks on screen would
    // contradict the sentence.
    const auto part = [](const TaskReport &r) {
        return tr("%1 of %2").arg(DurationText::format(r.plannedMinutes), DurationText::format(r.neededMinutes));
    };
    if (reports.size() == 1) {
        const TaskReport &only = reports.first();
        if (only.plannedMinutes > 0 && only.outcome == planning::TaskOutcome::Partial && !only.reason.isEmpty())
            return tr("Only part of '%1' could be placed (%2).").arg(titleOf(only.taskId), only.reason); // says how much
        if (only.plannedMinutes > 0) {
            const QString why = only.reason.isEmpty() ? QString() : tr("; %1").arg(only.reason);
            return tr("Only part of '%1' could be placed (%2%3).").arg(titleOf(only.taskId), part(only), why);
        }
        return only.reason.isEmpty()
            ? tr("Could not be placed: '%1'.").arg(titleOf(only.taskId))
            : tr("Could not be placed: '%1' (%2).").arg(titleOf(only.taskId), only.reason);
    }
    constexpr qsizetype named = 3;
    QStringList titles;
    bool anyPart = false;
    for (const TaskReport &r : reports)
        anyPart = anyPart || r.plannedMinutes > 0;
    for (qsizetype i = 0; i < qMin(named, reports.size()); ++i) {
        const TaskReport &r = reports[i];
        titles.append(r.plannedMinutes > 0 ? tr("'%1' (%2)").arg(titleOf(r.taskId), part(r))
                                           : tr("'%1'").arg(titleOf(r.taskId)));
    }
    QString list = titles.join(tr(", "));
    if (reports.size() > named)
        list = tr("%1 and %2 more").arg(list).arg(reports.size() - named);
    return (anyPart ? tr("%1 tasks could not be placed in full: %2.") : tr("%1 tasks could not be placed: %2."))
        .arg(reports.size())
        .arg(list);
}

} // namespace fermata::UnplacedTasks
