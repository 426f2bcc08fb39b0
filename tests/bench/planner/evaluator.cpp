#include "evaluator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <map>

namespace benchcheck {

namespace {
QJsonObject parse(const QByteArray &json, QString *error)
{
    QJsonParseError e;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &e);
    if (e.error != QJsonParseError::NoError || !doc.isObject()) {
        *error = QStringLiteral("not a JSON object: ") + e.errorString();
        return {};
    }
    return doc.object();
}
int num(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toInt();
}
} // namespace

bool Evaluator::load(const QByteArray &instanceJson, QString *error)
{
    const QJsonObject root = parse(instanceJson, error);
    if (root.isEmpty())
        return false;
    m_slot = root.value(QLatin1String("slot_minutes")).toInt(15);
    const QJsonObject horizon = root.value(QLatin1String("horizon")).toObject();
    m_start = num(horizon, "start");
    m_end = num(horizon, "end");
    for (const QJsonValue &v : root.value(QLatin1String("working_hours")).toArray())
        m_working.push_back({num(v.toObject(), "start"), num(v.toObject(), "end")});
    for (const char *key : {"checkins", "fixed_events"}) {
        for (const QJsonValue &v : root.value(QLatin1String(key)).toArray())
            m_busy.push_back({num(v.toObject(), "start"), num(v.toObject(), "end")});
    }
    for (const QJsonValue &v : root.value(QLatin1String("meetings")).toArray()) {
        const QJsonObject m = v.toObject();
        m_busy.push_back({num(m, "start") - num(m, "buffer_before"), num(m, "end") + num(m, "buffer_after")});
    }
    // Availability per slot, straight from the definition (slot inside working hours, not
    // overlapping any busy interval).
    const int slots = (m_end - m_start) / m_slot;
    m_available.assign(size_t(std::max(slots, 0)), 0);
    for (int i = 0; i < slots; ++i) {
        const int a = m_start + i * m_slot;
        const int b = a + m_slot;
        bool inside = false;
        for (const auto &w : m_working)
            inside = inside || (w.first <= a && b <= w.second);
        bool touched = false;
        for (const auto &busy : m_busy)
            touched = touched || (busy.first < b && a < busy.second);
        m_available[size_t(i)] = inside && !touched;
    }
    const QJsonObject windows = root.value(QLatin1String("energy_windows")).toObject();
    const char *names[3] = {"", "am", "pm"};
    for (int e = 1; e < 3; ++e) {
        const QJsonArray w = windows.value(QLatin1String(names[e])).toArray();
        m_windows[e] = w.size() == 2 ? std::pair<int, int>(w.at(0).toInt(), w.at(1).toInt()) : std::pair<int, int>(0, 0);
    }
    for (const QJsonValue &v : root.value(QLatin1String("tasks")).toArray()) {
        const QJsonObject t = v.toObject();
        TaskInfo info;
        info.duration = num(t, "duration");
        info.weight = num(t, "weight");
        info.release = num(t, "release");
        info.deadline = num(t, "deadline");
        info.minChunk = num(t, "min_chunk");
        info.maxChunk = num(t, "max_chunk");
        for (const QJsonValue &d : t.value(QLatin1String("depends_on")).toArray())
            info.dependsOn.append(d.toString());
        const QString energy = t.value(QLatin1String("energy")).toString();
        info.energy = energy == QLatin1String("am") ? 1 : energy == QLatin1String("pm") ? 2 : 0;
        m_tasks.insert(t.value(QLatin1String("id")).toString(), info);
    }
    return true;
}

bool Evaluator::parsePlan(const QByteArray &planJson, std::vector<PlanBlock> *blocks, QString *error)
{
    const QJsonObject root = parse(planJson, error);
    if (!root.contains(QLatin1String("blocks")))
        return false;
    for (const QJsonValue &v : root.value(QLatin1String("blocks")).toArray()) {
        const QJsonObject b = v.toObject();
        blocks->push_back({b.value(QLatin1String("task")).toString(), num(b, "start"), num(b, "end")});
    }
    return true;
}

bool Evaluator::slotAvailable(int slotStart) const
{
    const int i = (slotStart - m_start) / m_slot;
    return slotStart >= m_start && i >= 0 && size_t(i) < m_available.size() && m_available[size_t(i)];
}

bool Evaluator::isAvailable(int start, int end) const
{
    for (int m = start; m < end; m += m_slot) {
        if (!slotAvailable(m))
            return false;
    }
    return true;
}

Evaluation Evaluator::evaluate(std::vector<PlanBlock> blocks) const
{
    Evaluation r;
    auto violation = [&r](const QString &text) {
        ++r.violations;
        if (r.problems.size() < 5)
            r.problems.append(text);
    };
    std::sort(blocks.begin(), blocks.end(), [](const PlanBlock &a, const PlanBlock &b) {
        return a.start != b.start ? a.start < b.start : a.task < b.task;
    });
    // Merge back-to-back blocks of the same task.
    std::vector<PlanBlock> merged;
    std::map<QString, std::vector<PlanBlock>> byTask;
    for (const PlanBlock &b : blocks)
        byTask[b.task].push_back(b);
    for (auto &[task, list] : byTask) {
        for (const PlanBlock &b : list) {
            if (!merged.empty() && merged.back().task == task && merged.back().end == b.start)
                merged.back().end = b.end;
            else
                merged.push_back(b);
        }
    }
    std::sort(merged.begin(), merged.end(), [](const PlanBlock &a, const PlanBlock &b) { return a.start < b.start; });
    r.blocks = int(merged.size());

    std::map<int, QString> used; // slot start minute -> task
    std::map<QString, int> total;
    std::map<QString, int> lastEnd;
    for (const PlanBlock &b : merged) {
        const auto it = m_tasks.constFind(b.task);
        if (it == m_tasks.constEnd()) {
            violation(QStringLiteral("unknown task %1").arg(b.task));
            continue;
        }
        const TaskInfo &t = *it;
        if ((b.start - m_start) % m_slot || (b.end - m_start) % m_slot || b.end <= b.start) {
            violation(QStringLiteral("%1 [%2,%3) not on slot boundaries").arg(b.task).arg(b.start).arg(b.end));
            continue;
        }
        for (int m = b.start; m < b.end; m += m_slot) {
            if (!slotAvailable(m))
                violation(QStringLiteral("%1 uses unavailable slot %2").arg(b.task).arg(m));
            if (used.count(m))
                violation(QStringLiteral("slot %1 used by %2 and %3").arg(m).arg(used[m], b.task));
            used[m] = b.task;
        }
        if (b.start < t.release)
            violation(QStringLiteral("%1 starts %2 before release %3").arg(b.task).arg(b.start).arg(t.release));
        const int len = b.end - b.start;
        if (len < std::min(t.minChunk, t.duration)) {
            ++r.belowMinChunk;
            violation(QStringLiteral("%1 block of %2 min below min chunk").arg(b.task).arg(len));
        }
        if (len > t.maxChunk)
            violation(QStringLiteral("%1 block of %2 min above max chunk").arg(b.task).arg(len));
        total[b.task] += len;
        lastEnd[b.task] = std::max(lastEnd[b.task], b.end);
        r.value += (long long)t.weight * std::max(0, std::min(b.end, t.deadline) - b.start);
        if (t.energy) {
            // Inside the window on the block's own day (day 0 starts at minute 0).
            const int day = b.start >= 0 ? b.start / 1440 : -((-b.start + 1439) / 1440);
            const auto w = m_windows[t.energy];
            ++r.withPreference;
            r.inPreferred += b.start >= day * 1440 + w.first && b.end <= day * 1440 + w.second ? 1 : 0;
        }
    }
    for (const auto &[task, minutes] : total) {
        if (minutes > m_tasks.value(task).duration)
            violation(QStringLiteral("%1 planned %2 min of %3").arg(task).arg(minutes).arg(m_tasks.value(task).duration));
    }
    r.tasksPlanned = int(total.size());
    for (const PlanBlock &b : merged) {
        for (const QString &pred : m_tasks.value(b.task).dependsOn) {
            const bool finished = total.count(pred) && total[pred] == m_tasks.value(pred).duration;
            if (!finished || b.start < lastEnd[pred])
                violation(QStringLiteral("%1 at %2 before its predecessor %3 is done").arg(b.task).arg(b.start).arg(pred));
        }
    }
    for (size_t i = 1; i < merged.size(); ++i) {
        const PlanBlock &a = merged[i - 1];
        const PlanBlock &b = merged[i];
        const bool sameDay = (a.start - m_start) / 1440 == (b.start - m_start) / 1440;
        if (sameDay && a.task != b.task && b.start - a.end <= m_slot)
            ++r.contextSwitches;
    }
    return r;
}

std::vector<PlanBlock> Evaluator::stillValid(std::vector<PlanBlock> blocks) const
{
    std::erase_if(blocks, [this](const PlanBlock &b) { return !isAvailable(b.start, b.end); });
    for (bool removed = true; removed;) {
        QHash<QString, int> total;
        QHash<QString, int> lastEnd;
        for (const PlanBlock &b : blocks) {
            total[b.task] += b.end - b.start;
            lastEnd[b.task] = std::max(lastEnd.value(b.task), b.end);
        }
        const auto broken = [&](const PlanBlock &b) {
            for (const QString &pred : m_tasks.value(b.task).dependsOn) {
                if (total.value(pred) != m_tasks.value(pred).duration || b.start < lastEnd.value(pred))
                    return true;
            }
            return false;
        };
        removed = std::erase_if(blocks, broken) > 0;
    }
    return blocks;
}

} // namespace benchcheck
