#include "planning/problem.h"
#include "time/localtext.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>
#include <QTimeZone>

namespace {

// Messages people read, filed under the planning context of the core's translations.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(fermata::Planning)
};

} // namespace

namespace fermata::planning {

namespace {

void reject(Problem &p, int task, const QString &field, const QString &message)
{
    SlotTask &t = p.tasks[size_t(task)];
    if (t.invalid)
        return; // one precise error per task is enough
    t.invalid = true;
    p.diagnostics.push_back({t.key, field, message});
}

QString quoted(const SlotTask &t)
{
    return QLatin1Char('\'') + (t.title.isEmpty() ? t.key : t.title) + QLatin1Char('\'');
}

// Iterative three-colour DFS: marks every task on a dependency cycle.
void rejectCycles(Problem &p)
{
    const size_t n = p.tasks.size();
    std::vector<int> colour(n, 0); // 0 new, 1 on stack, 2 done
    std::vector<int> parentOf(n, -1);
    for (size_t root = 0; root < n; ++root) {
        if (colour[root])
            continue;
        std::vector<std::pair<int, size_t>> stack{{int(root), 0}};
        colour[root] = 1;
        while (!stack.empty()) {
            auto &[v, next] = stack.back();
            const auto &deps = p.tasks[size_t(v)].deps;
            if (next < deps.size()) {
                const int w = deps[next++];
                if (colour[size_t(w)] == 0) {
                    colour[size_t(w)] = 1;
                    parentOf[size_t(w)] = v;
                    stack.push_back({w, 0});
                } else if (colour[size_t(w)] == 1) {
                    // v -> w closes a cycle: w ... v are on the stack.
                    QStringList names;
                    for (auto it = stack.rbegin(); it != stack.rend(); ++it) {
                        names.prepend(quoted(p.tasks[size_t(it->first)]));
                        if (it->first == w)
                            break;
                    }
                    names.append(quoted(p.tasks[size_t(w)]));
                    const QString text = Text::tr("dependency cycle: %1").arg(names.join(QStringLiteral(" → ")));
                    for (auto it = stack.rbegin(); it != stack.rend(); ++it) {
                        reject(p, it->first, QStringLiteral("dependsOn"), text);
                        if (it->first == w)
                            break;
                    }
                }
            } else {
                colour[size_t(v)] = 2;
                stack.pop_back();
            }
        }
    }
}

} // namespace

void validate(Problem &p)
{
    for (size_t i = 0; i < p.tasks.size(); ++i) {
        const SlotTask &t = p.tasks[i];
        const int task = int(i);
        if (t.length < 0)
            reject(p, task, QStringLiteral("remainingMinutes"),
                   Text::tr("the estimate is negative (%1 min)").arg(t.length * p.slotMinutes));
        else if (t.minChunk > t.maxChunk && t.splittable)
            reject(p, task, QStringLiteral("minChunkMinutes"),
                   Text::tr("the minimum block (%1) is longer than the maximum block (%2)")
                       .arg(formatMinutes(t.minChunk * p.slotMinutes), formatMinutes(t.maxChunk * p.slotMinutes)));
        else if (!t.splittable && t.length > t.maxChunk)
            reject(p, task, QStringLiteral("splittable"),
                   Text::tr("cannot be split, but its %1 are longer than the longest allowed block (%2)")
                       .arg(formatMinutes(t.length * p.slotMinutes), formatMinutes(t.maxChunk * p.slotMinutes)));
        else if (t.hasDeadline && t.deadline < t.release)
            reject(p, task, QStringLiteral("deadline"),
                   Text::tr("the deadline (%1) is not after the earliest start (%2)")
                       .arg(formatSlot(p, t.deadline), formatSlot(p, t.release)));
    }
    rejectCycles(p);
}

QString formatSlot(const Problem &p, int slot)
{
    const QDateTime utc = QDateTime::fromMSecsSinceEpoch(p.originMs + qint64(slot) * p.slotMinutes * 60000, Qt::UTC);
    const QTimeZone zone(p.zoneId);
    const QDateTime local = zone.isValid() ? utc.toTimeZone(zone) : utc;
    const QString day = localtext::shortDay(local.date());
    const QString time = local.time().toString(QStringLiteral("HH:mm"));
    // Within a week the weekday is unambiguous; beyond it, the date says which one.
    if (qint64(p.slotCount) * p.slotMinutes <= 7 * 24 * 60)
        return day + QLatin1Char(' ') + time;
    return QStringLiteral("%1 %2 %3 %4").arg(day).arg(local.date().day())
        .arg(localtext::shortMonth(local.date().month()), time);
}

QString formatDay(const Problem &p, int day)
{
    const QDate date = p.firstDate.addDays(day);
    const QString name = localtext::shortDay(date);
    if (qint64(p.slotCount) * p.slotMinutes <= 7 * 24 * 60)
        return name;
    return QStringLiteral("%1 %2 %3").arg(name).arg(date.day()).arg(localtext::shortMonth(date.month()));
}

QString formatMinutes(long long minutes)
{
    if (minutes < 60)
        return QStringLiteral("%1 min").arg(minutes);
    if (minutes % 60 == 0)
        return QStringLiteral("%1 h").arg(minutes / 60);
    return QStringLiteral("%1 h %2").arg(minutes / 60).arg(minutes % 60, 2, 10, QLatin1Char('0'));
}

} // namespace fermata::planning
