#include "planning/explainer.h"

#include <QCoreApplication>

#include <algorithm>
#include <map>

namespace {

// Messages people read, filed under the planning context of the core's translations.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(fermata::Planning)
};

} // namespace

namespace fermata::planning {

Explainer::Explainer(const Problem &problem, const Solution &solution)
    : m_problem(problem), m_solution(solution)
{
}

QString Explainer::name(int task) const
{
    const SlotTask &t = m_problem.tasks[size_t(task)];
    return QLatin1Char('\'') + (t.title.isEmpty() ? t.key : t.title) + QLatin1Char('\'');
}

int Explainer::freeSlots(int from, int to) const
{
    int n = 0;
    for (int s = std::max(from, 0); s < std::min(to, m_problem.slotCount); ++s)
        n += m_problem.free[size_t(s)];
    for (const Block &b : m_problem.fixed)
        n -= std::max(0, std::min(b.end, to) - std::max(b.start, from));
    return std::max(n, 0);
}

QString Explainer::blockedDays(int from, int to) const
{
    const Problem &p = m_problem;
    QStringList days;
    int last = -1;
    for (int s = std::max(from, 0); s < std::min(to, p.slotCount); ++s) {
        const int day = p.day[size_t(s)];
        if (day == last)
            continue;
        last = day;
        if (const QString by = blockedBy(day); !by.isEmpty())
            days << Text::tr("%1 is blocked by '%2' (all day)").arg(formatDay(p, day), by);
    }
    if (days.size() > 2)
        days = days.mid(0, 2) << Text::tr("%1 more days are blocked").arg(days.size() - 2);
    return days.join(QStringLiteral(", "));
}

QString Explainer::blockedBy(int day) const
{
    return day >= 0 && size_t(day) < m_problem.blockedBy.size() ? m_problem.blockedBy[size_t(day)] : QString();
}

TaskOutcome Explainer::outcome(int task) const
{
    const SlotTask &t = m_problem.tasks[size_t(task)];
    if (t.invalid)
        return TaskOutcome::Invalid;
    const int planned = m_solution.plannedSlots[size_t(task)];
    const int onTime = m_solution.onTimeSlots[size_t(task)];
    const int need = t.length + t.doneBefore;
    if (planned > onTime)
        return TaskOutcome::Late;
    if (planned >= need)
        return TaskOutcome::Complete;
    return planned == 0 ? TaskOutcome::Unplanned : TaskOutcome::Partial;
}

QString Explainer::shortage(int task) const
{
    const Problem &p = m_problem;
    const SlotTask &t = p.tasks[size_t(task)];
    const int m = p.slotMinutes;
    const int end = t.hasDeadline ? t.deadline : p.slotCount;
    // A deadline before the planned period was clamped to its start: "before <now>" would mislead.
    if (t.hasDeadline && t.deadline <= 0)
        return Text::tr("its deadline has passed — set a new deadline to plan it");
    const QString by = t.hasDeadline ? Text::tr("before %1").arg(formatSlot(p, t.deadline))
                                     : Text::tr("in the planned period");
    const QString needs = Text::tr("needs %1 %2").arg(formatMinutes((long long)t.length * m), by);
    const int free = freeSlots(t.release, end);
    if (free < t.length) {
        // Not enough time at all: a whole day taken by an all-day event says most.
        if (const QString blocked = blockedDays(t.release, end); !blocked.isEmpty())
            return Text::tr("%1; only %2 free — %3; move the deadline or add working hours")
                .arg(needs, formatMinutes((long long)free * m), blocked);
        // Otherwise point at the biggest meeting in the way.
        const BusySpan *biggest = nullptr;
        for (const BusySpan &b : p.busy) {
            if (b.isMeeting && !b.allDay && b.start < end && t.release < b.end
                && (!biggest || b.end - b.start > biggest->end - biggest->start))
                biggest = &b;
        }
        const QString fix = biggest ? Text::tr("move the '%1' meeting or the deadline").arg(biggest->title)
                                    : Text::tr("move the deadline or add working hours");
        return Text::tr("%1; only %2 free — %3").arg(needs, formatMinutes((long long)free * m), fix);
    }
    // The time exists but went to other work: name the biggest takers of equal or higher weight.
    std::map<int, int> takers;
    for (const Block &b : m_solution.blocks) {
        if (b.task != task && b.start < end && t.release < b.end && p.tasks[size_t(b.task)].weight >= t.weight)
            takers[b.task] += std::min(b.end, end) - std::max(b.start, t.release);
    }
    std::vector<std::pair<int, int>> list(takers.begin(), takers.end());
    std::sort(list.begin(), list.end(), [](auto a, auto b) { return a.second != b.second ? a.second > b.second : a.first < b.first; });
    if (!list.empty()) {
        QStringList names;
        for (size_t i = 0; i < std::min<size_t>(2, list.size()); ++i)
            names << name(list[i].first);
        return Text::tr("%1; the %2 free there go to work as or more important (%3) — raise its priority or move the deadline")
            .arg(needs, formatMinutes((long long)free * m), names.join(QStringLiteral(", ")));
    }
    return Text::tr("%1; no free stretch of at least %2 is left — allow shorter blocks or move the deadline")
        .arg(needs, formatMinutes((long long)std::min(t.minChunk, t.length) * m));
}

QString Explainer::reason(int task) const
{
    const SlotTask &t = m_problem.tasks[size_t(task)];
    const TaskOutcome o = outcome(task);
    if (o == TaskOutcome::Complete)
        return {};
    if (o == TaskOutcome::Invalid) {
        for (const Diagnostic &d : m_problem.diagnostics) {
            if (d.taskKey == t.key)
                return d.message;
        }
        return Text::tr("cannot be planned");
    }
    for (int d : t.deps) {
        const TaskOutcome od = outcome(d);
        if (od == TaskOutcome::Invalid || od == TaskOutcome::Unplanned)
            return Text::tr("waits for %1, which cannot be planned yet").arg(name(d));
        if (od != TaskOutcome::Complete && od != TaskOutcome::Late)
            return Text::tr("waits for %1").arg(name(d));
    }
    const int m = m_problem.slotMinutes;
    // A teammate's commitment it waits for comes first: it is why the work starts late.
    const QString wait = t.waitsFor.isEmpty() ? QString() : t.waitsFor + QStringLiteral("; ");
    // Its deadline passes before the teammate's work is done: nothing here can fix that.
    if (!t.deadlineBeforeWait.isEmpty())
        return wait + Text::tr("its deadline %1 comes first — move the deadline or ask your teammate to finish sooner")
            .arg(t.deadlineBeforeWait);
    if (o == TaskOutcome::Late) {
        int finish = 0;
        for (const Block &b : m_solution.blocks)
            finish = b.task == task ? std::max(finish, b.end) : finish;
        return wait + Text::tr("finishes %1, after its deadline %2 — %3")
            .arg(formatSlot(m_problem, finish), formatSlot(m_problem, t.deadline), shortage(task));
    }
    const QString text = wait + shortage(task);
    if (o == TaskOutcome::Partial) {
        return Text::tr("%1 of %2 planned; ")
                   .arg(formatMinutes((long long)m_solution.plannedSlots[size_t(task)] * m),
                        formatMinutes((long long)(t.length + t.doneBefore) * m))
            + text;
    }
    return text;
}

std::vector<Explainer::Day> Explainer::days() const
{
    const Problem &p = m_problem;
    std::vector<Day> out(size_t(std::max(p.dayCount, 0)));
    for (size_t d = 0; d < out.size(); ++d) {
        out[d].day = int(d);
        out[d].blockedBy = blockedBy(int(d));
    }
    for (int s = 0; s < p.slotCount; ++s)
        out[size_t(p.day[size_t(s)])].availableSlots += p.free[size_t(s)];
    auto addPlanned = [&](const Block &b) {
        for (int s = std::max(b.start, 0); s < std::min(b.end, p.slotCount); ++s)
            ++out[size_t(p.day[size_t(s)])].plannedSlots;
    };
    for (const Block &b : m_solution.blocks)
        addPlanned(b);
    for (const Block &b : p.fixed)
        addPlanned(b);
    // A day is overloaded when work due on it did not fit before its deadline.
    for (size_t t = 0; t < p.tasks.size(); ++t) {
        const SlotTask &task = p.tasks[t];
        const TaskOutcome o = outcome(int(t));
        if (!task.hasDeadline || o == TaskOutcome::Complete || o == TaskOutcome::Invalid)
            continue;
        const int slot = std::clamp(task.deadline - 1, 0, p.slotCount - 1);
        if (p.slotCount > 0)
            out[size_t(p.day[size_t(slot)])].overloaded = true;
    }
    return out;
}

} // namespace fermata::planning
