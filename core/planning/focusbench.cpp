#include "planning/focusbench.h"

#include "planning/jsonfields.h"

#include <QDateTime>
#include <QHash>
#include <QJsonDocument>

#include <algorithm>

namespace fermata::interop {

using planning::Block;
using planning::Problem;
using planning::SlotTask;

namespace {

constexpr int minutesPerDay = 24 * 60;

Result<QJsonObject> parseObject(const QByteArray &json, const QString &what)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        return Error{Error::Code::Invalid, QStringLiteral("%1 is not valid JSON: %2 at offset %3")
                                               .arg(what, error.errorString()).arg(error.offset)};
    if (!doc.isObject())
        return Error{Error::Code::Invalid, QStringLiteral("%1: expected a JSON object at the top").arg(what)};
    return doc.object();
}

int floorDiv(int a, int b) { return a >= 0 ? a / b : -((-a + b - 1) / b); }
int ceilDiv(int a, int b) { return -floorDiv(-a, b); }

struct Span { int start; int end; };

// Marks slots overlapping [start, end) (minutes from the horizon start) as not free.
void block(Problem &p, int start, int end)
{
    const int a = std::max(0, floorDiv(start, p.slotMinutes));
    const int b = std::min(p.slotCount, ceilDiv(end, p.slotMinutes));
    for (int s = a; s < b; ++s)
        p.free[size_t(s)] = 0;
}

void readCalendar(JsonFields &f, const QJsonObject &root, FocusbenchInstance &out)
{
    Problem &p = out.problem;
    const int h0 = out.horizonStart;
    const QJsonArray hours = f.array(root, QStringLiteral("working_hours"), QString());
    for (qsizetype i = 0; i < hours.size(); ++i) {
        const QString path = JsonFields::index(QStringLiteral("working_hours"), i);
        const QJsonObject o = hours.at(i).toObject();
        const int start = int(f.integer(o, QStringLiteral("start"), path).value_or(0)) - h0;
        const int end = int(f.integer(o, QStringLiteral("end"), path).value_or(0)) - h0;
        for (int s = std::max(0, ceilDiv(start, p.slotMinutes));
             s < std::min(p.slotCount, floorDiv(end, p.slotMinutes)); ++s)
            p.free[size_t(s)] = 1;
    }
    auto busyList = [&](const QString &key, bool meetings) {
        const QJsonArray list = f.array(root, key, QString(), false);
        for (qsizetype i = 0; i < list.size(); ++i) {
            const QString path = JsonFields::index(key, i);
            const QJsonObject o = list.at(i).toObject();
            int start = int(f.integer(o, QStringLiteral("start"), path).value_or(0)) - h0;
            int end = int(f.integer(o, QStringLiteral("end"), path).value_or(0)) - h0;
            if (meetings) {
                start -= int(f.integer(o, QStringLiteral("buffer_before"), path, 0).value_or(0));
                end += int(f.integer(o, QStringLiteral("buffer_after"), path, 0).value_or(0));
            }
            block(p, start, end);
            const QString id = f.string(o, QStringLiteral("id"), path, QString());
            p.busy.push_back({floorDiv(start, p.slotMinutes), ceilDiv(end, p.slotMinutes),
                              id.isEmpty() ? key : id, meetings, false});
        }
    };
    busyList(QStringLiteral("checkins"), false);
    busyList(QStringLiteral("fixed_events"), false);
    busyList(QStringLiteral("meetings"), true);

    // Day parts from the energy windows (minute-of-day ranges).
    const QJsonObject energy = f.object(root, QStringLiteral("energy_windows"), QString(), false);
    auto window = [&](const QString &key) -> Span {
        const QJsonArray a = energy.value(key).toArray();
        if (a.size() != 2)
            return {0, 0};
        return {a.at(0).toInt(), a.at(1).toInt()};
    };
    const Span am = window(QStringLiteral("am"));
    const Span pm = window(QStringLiteral("pm"));
    for (int s = 0; s < p.slotCount; ++s) {
        const int minute = h0 + s * p.slotMinutes;
        const int ofDay = ((minute % minutesPerDay) + minutesPerDay) % minutesPerDay;
        p.day[size_t(s)] = floorDiv(minute, minutesPerDay) - floorDiv(h0, minutesPerDay);
        if (ofDay >= am.start && ofDay + p.slotMinutes <= am.end)
            p.part[size_t(s)] = quint8(DayPart::Morning);
        else if (ofDay >= pm.start && ofDay + p.slotMinutes <= pm.end)
            p.part[size_t(s)] = quint8(DayPart::Afternoon);
    }
    p.dayCount = p.slotCount > 0 ? p.day.back() + 1 : 0;
}

void readTasks(JsonFields &f, const QJsonObject &root, FocusbenchInstance &out)
{
    Problem &p = out.problem;
    const int h0 = out.horizonStart;
    const QJsonArray tasks = f.array(root, QStringLiteral("tasks"), QString());
    QHash<QString, int> indexOf;
    std::vector<QStringList> deps;
    for (qsizetype i = 0; i < tasks.size() && !f.hasError(); ++i) {
        const QString path = JsonFields::index(QStringLiteral("tasks"), i);
        const QJsonObject o = tasks.at(i).toObject();
        SlotTask t;
        t.key = f.string(o, QStringLiteral("id"), path);
        t.title = t.key;
        const int duration = int(f.integer(o, QStringLiteral("duration"), path).value_or(0));
        const int priority = int(f.integer(o, QStringLiteral("priority"), path, 3).value_or(3));
        if (priority < 1 || priority > 4)
            f.fail(JsonFields::join(path, QStringLiteral("priority")), QStringLiteral("expected 1 to 4"));
        t.weight = int(f.integer(o, QStringLiteral("weight"), path, 1 << (4 - priority)).value_or(1));
        const int release = int(f.integer(o, QStringLiteral("release"), path, h0).value_or(h0)) - h0;
        const QJsonValue dl = o.value(QStringLiteral("deadline"));
        t.hasDeadline = !dl.isNull() && !dl.isUndefined();
        const int deadline = t.hasDeadline
            ? int(f.integer(o, QStringLiteral("deadline"), path).value_or(0)) - h0
            : p.slotCount * p.slotMinutes;
        t.splittable = f.boolean(o, QStringLiteral("splittable"), path, true);
        const int minChunk = int(f.integer(o, QStringLiteral("min_chunk"), path, 0).value_or(0));
        const int maxChunk = int(f.integer(o, QStringLiteral("max_chunk"), path, duration).value_or(0));
        const QString energy = f.string(o, QStringLiteral("energy"), path, QStringLiteral("any"));
        t.preferred = energy == u"am" ? DayPart::Morning : energy == u"pm" ? DayPart::Afternoon : DayPart::Any;
        QStringList after;
        const QJsonArray d = f.array(o, QStringLiteral("depends_on"), path, false);
        for (const QJsonValue &v : d)
            after.append(v.toString());
        deps.push_back(after);

        // Blocks add up to at most `duration`; each is at least min(min_chunk, duration).
        t.length = duration >= 0 ? duration / p.slotMinutes : -ceilDiv(-duration, p.slotMinutes);
        t.minChunk = std::max(1, ceilDiv(std::min(minChunk, duration), p.slotMinutes));
        t.maxChunk = std::max(0, maxChunk / p.slotMinutes);
        t.release = std::max(0, ceilDiv(release, p.slotMinutes));
        t.deadline = std::clamp(floorDiv(deadline, p.slotMinutes), -1, p.slotCount);
        if (!t.splittable)
            t.minChunk = t.length;
        if (indexOf.contains(t.key))
            f.fail(JsonFields::join(path, QStringLiteral("id")), QStringLiteral("duplicate task id '%1'").arg(t.key));
        indexOf.insert(t.key, int(p.tasks.size()));
        p.tasks.push_back(t);
    }
    for (size_t i = 0; i < p.tasks.size(); ++i) {
        for (const QString &key : deps[i]) {
            const auto it = indexOf.constFind(key);
            if (it == indexOf.constEnd()) {
                p.tasks[i].invalid = true;
                p.diagnostics.push_back({p.tasks[i].key, QStringLiteral("depends_on"),
                                         QStringLiteral("depends on unknown task '%1'").arg(key)});
            } else {
                p.tasks[i].deps.push_back(*it);
            }
        }
    }
}

} // namespace

Result<FocusbenchInstance> readFocusbenchInstance(const QByteArray &json)
{
    const Result<QJsonObject> parsed = parseObject(json, QStringLiteral("the instance"));
    if (!parsed)
        return parsed.error();
    const QJsonObject &root = *parsed;
    JsonFields f;
    FocusbenchInstance out;
    Problem &p = out.problem;
    const QString schema = f.string(root, QStringLiteral("schema"), QString(), QStringLiteral("focusbench/1"));
    if (schema != u"focusbench/1")
        f.fail(QStringLiteral("schema"), QStringLiteral("expected \"focusbench/1\", found \"%1\"").arg(schema));
    p.slotMinutes = int(f.integer(root, QStringLiteral("slot_minutes"), QString(), 15).value_or(15));
    if (p.slotMinutes <= 0 || p.slotMinutes > 1440)
        f.fail(QStringLiteral("slot_minutes"), QStringLiteral("expected 1 to 1440"));
    const QJsonObject horizon = f.object(root, QStringLiteral("horizon"), QString());
    out.horizonStart = int(f.integer(horizon, QStringLiteral("start"), QStringLiteral("horizon")).value_or(0));
    const int end = int(f.integer(horizon, QStringLiteral("end"), QStringLiteral("horizon")).value_or(0));
    if (!f.hasError() && (end <= out.horizonStart || end - out.horizonStart > 5 * 366 * minutesPerDay))
        f.fail(QStringLiteral("horizon.end"), QStringLiteral("expected after horizon.start and within 5 years"));
    if (f.hasError())
        return Error{Error::Code::Invalid, f.error()};

    p.slotCount = (end - out.horizonStart) / p.slotMinutes;
    p.free.assign(size_t(p.slotCount), 0);
    p.day.assign(size_t(p.slotCount), 0);
    p.part.assign(size_t(p.slotCount), quint8(DayPart::Any));
    // Day 0 is a Monday; 2024-01-01 was one, which gives explanations real weekday names.
    p.originMs = QDateTime(QDate(2024, 1, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch()
        + qint64(out.horizonStart) * 60000;
    p.zoneId = "UTC";
    // As the app plans (PlannerSettings::planLateWork): the evaluator scores late work at
    // nothing, but a predecessor finished late can still let a valuable dependent start.
    p.planLate = true;
    readCalendar(f, root, out);
    readTasks(f, root, out);
    if (f.hasError())
        return Error{Error::Code::Invalid, f.error()};
    planning::validate(p);
    return out;
}

Result<std::vector<Block>> readFocusbenchPlan(const QByteArray &json, const FocusbenchInstance &instance)
{
    const Result<QJsonObject> parsed = parseObject(json, QStringLiteral("the plan"));
    if (!parsed)
        return parsed.error();
    const Problem &p = instance.problem;
    QHash<QString, int> indexOf;
    for (size_t i = 0; i < p.tasks.size(); ++i)
        indexOf.insert(p.tasks[i].key, int(i));
    JsonFields f;
    std::vector<Block> blocks;
    const QJsonArray list = f.array(*parsed, QStringLiteral("blocks"), QString());
    for (qsizetype i = 0; i < list.size() && !f.hasError(); ++i) {
        const QString path = JsonFields::index(QStringLiteral("blocks"), i);
        const QJsonObject o = list.at(i).toObject();
        const QString key = f.string(o, QStringLiteral("task"), path);
        const int start = int(f.integer(o, QStringLiteral("start"), path).value_or(0)) - instance.horizonStart;
        const int end = int(f.integer(o, QStringLiteral("end"), path).value_or(0)) - instance.horizonStart;
        if (f.hasError())
            break;
        if (start % p.slotMinutes || end % p.slotMinutes || end <= start) {
            f.fail(path, QStringLiteral("start and end must be slot boundaries with end after start"));
            break;
        }
        const auto it = indexOf.constFind(key);
        if (it != indexOf.constEnd())
            blocks.push_back({*it, start / p.slotMinutes, end / p.slotMinutes});
    }
    if (f.hasError())
        return Error{Error::Code::Invalid, f.error()};
    return blocks;
}

QByteArray writeFocusbenchPlan(const FocusbenchInstance &instance, const std::vector<Block> &blocks)
{
    const Problem &p = instance.problem;
    QJsonArray list;
    for (const Block &b : blocks) {
        list.append(QJsonObject{
            {QStringLiteral("task"), p.tasks[size_t(b.task)].key},
            {QStringLiteral("start"), instance.horizonStart + b.start * p.slotMinutes},
            {QStringLiteral("end"), instance.horizonStart + b.end * p.slotMinutes},
        });
    }
    return QJsonDocument(QJsonObject{{QStringLiteral("blocks"), list}}).toJson(QJsonDocument::Indented);
}

} // namespace fermata::interop
