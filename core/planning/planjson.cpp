#include "planning/planjson.h"

#include "planning/jsonfields.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QTimeZone>

namespace {

// Messages people read, filed under the planning context of the core's translations.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(fermata::Planning)
};

} // namespace

namespace fermata::interop {

namespace {

QDateTime instant(JsonFields &f, const QJsonObject &o, const QString &key, const QString &path, bool required)
{
    const QString text = f.string(o, key, path, required ? std::nullopt : std::optional<QString>(QString()));
    if (text.isEmpty())
        return {};
    const QDateTime dt = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!dt.isValid() || dt.timeSpec() == Qt::LocalTime) {
        f.fail(JsonFields::join(path, key), Text::tr("expected an ISO 8601 instant with Z or an offset, found \"%1\"").arg(text));
        return {};
    }
    return dt.toUTC();
}

Interval span(JsonFields &f, const QJsonObject &o, const QString &path)
{
    return Interval::fromDateTimes(instant(f, o, QStringLiteral("start"), path, true),
                                   instant(f, o, QStringLiteral("end"), path, true));
}

QList<WeeklyRule> rules(JsonFields &f, const QJsonArray &list, const QString &key, const QByteArray &zone)
{
    QList<WeeklyRule> out;
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QString path = JsonFields::index(key, i);
        const QJsonObject o = list.at(i).toObject();
        quint8 mask = 0;
        for (const QJsonValue &d : f.array(o, QStringLiteral("days"), path)) {
            const int day = d.toInt(0);
            if (day < 1 || day > 7)
                f.fail(JsonFields::join(path, QStringLiteral("days")), Text::tr("expected days 1 (Monday) to 7 (Sunday)"));
            else
                mask |= WeeklyRule::dayBit(Qt::DayOfWeek(day));
        }
        const QTime start = QTime::fromString(f.string(o, QStringLiteral("start"), path), QStringLiteral("HH:mm"));
        const QTime end = QTime::fromString(f.string(o, QStringLiteral("end"), path), QStringLiteral("HH:mm"));
        if (!f.hasError() && (!start.isValid() || !end.isValid()))
            f.fail(path, Text::tr("start and end must be times like \"09:00\""));
        out.append(WeeklyRule(mask, start, end, zone));
    }
    return out;
}

IntervalSet intervals(JsonFields &f, const QJsonObject &root, const QString &key)
{
    IntervalSet set;
    const QJsonArray list = f.array(root, key, QString(), false);
    for (qsizetype i = 0; i < list.size(); ++i)
        set.add(span(f, list.at(i).toObject(), JsonFields::index(key, i)));
    return set;
}

Priority priority(JsonFields &f, const QJsonObject &o, const QString &path)
{
    const QJsonValue v = o.value(QStringLiteral("priority"));
    int p = 3;
    if (v.isString() && v.toString().size() == 2 && v.toString().at(0) == QLatin1Char('P'))
        p = v.toString().at(1).digitValue();
    else if (v.isDouble())
        p = v.toInt();
    else if (!v.isUndefined())
        p = 0;
    if (p < 1 || p > 4)
        f.fail(JsonFields::join(path, QStringLiteral("priority")), QStringLiteral("expected \"P1\" to \"P4\""));
    return Priority(std::clamp(p, 1, 4));
}

Task task(JsonFields &f, const QJsonObject &o, const QString &path)
{
    Task t;
    t.id = f.integer(o, QStringLiteral("id"), path).value_or(0);
    t.title = f.string(o, QStringLiteral("title"), path, QString());
    t.estimateMinutes = int(f.integer(o, QStringLiteral("estimateMinutes"), path, 60).value_or(60));
    t.remainingMinutes = int(f.integer(o, QStringLiteral("remainingMinutes"), path, t.estimateMinutes).value_or(0));
    t.deadline = instant(f, o, QStringLiteral("deadline"), path, false);
    t.earliestStart = instant(f, o, QStringLiteral("earliestStart"), path, false);
    t.priority = priority(f, o, path);
    t.minChunkMinutes = int(f.integer(o, QStringLiteral("minChunkMinutes"), path, t.minChunkMinutes).value_or(0));
    t.maxChunkMinutes = int(f.integer(o, QStringLiteral("maxChunkMinutes"), path, t.maxChunkMinutes).value_or(0));
    t.splittable = f.boolean(o, QStringLiteral("splittable"), path, true);
    t.done = f.boolean(o, QStringLiteral("done"), path, false);
    const QString part = f.string(o, QStringLiteral("preferred"), path, QStringLiteral("any"));
    if (part != u"any" && part != u"morning" && part != u"afternoon")
        f.fail(JsonFields::join(path, QStringLiteral("preferred")), QStringLiteral("expected \"morning\", \"afternoon\" or \"any\""));
    t.preferredDayPart = dayPartFromKey(part);
    const QJsonArray deps = f.array(o, QStringLiteral("dependsOn"), path, false);
    for (qsizetype i = 0; i < deps.size(); ++i) {
        if (!deps.at(i).isDouble())
            f.fail(JsonFields::index(JsonFields::join(path, QStringLiteral("dependsOn")), i), Text::tr("expected a task id"));
        t.dependsOn.append(qint64(deps.at(i).toDouble()));
    }
    const QString after = f.string(o, QStringLiteral("afterCommitment"), path, QString());
    t.afterCommitment = QUuid::fromString(after);
    if (!after.isEmpty() && t.afterCommitment.isNull())
        f.fail(JsonFields::join(path, QStringLiteral("afterCommitment")), Text::tr("expected a commitment uuid"));
    return t;
}

// A teammate's commitment tasks may wait for: {"uuid", "owner", "ownerName", "ownerZone",
// "title", "status" ("planned", "in_progress", "done", "dropped"), "finishDay" ("2024-03-05"),
// "due"}.
TeammateCommitment commitment(JsonFields &f, const QJsonObject &o, const QString &path)
{
    TeammateCommitment t;
    Commitment &c = t.commitment;
    c.uuid = QUuid::fromString(f.string(o, QStringLiteral("uuid"), path));
    if (c.uuid.isNull())
        f.fail(JsonFields::join(path, QStringLiteral("uuid")), Text::tr("expected a uuid"));
    c.ownerRole = f.string(o, QStringLiteral("owner"), path);
    c.title = f.string(o, QStringLiteral("title"), path);
    const std::optional<Commitment::Status> status =
        commitmentStatusFromKey(f.string(o, QStringLiteral("status"), path, QStringLiteral("planned")));
    if (!status)
        f.fail(JsonFields::join(path, QStringLiteral("status")), QStringLiteral("expected \"planned\", \"in_progress\", \"done\" or \"dropped\""));
    c.status = status.value_or(Commitment::Status::Planned);
    const QString day = f.string(o, QStringLiteral("finishDay"), path, QString());
    c.finishDay = QDate::fromString(day, Qt::ISODate);
    if (!day.isEmpty() && !c.finishDay.isValid())
        f.fail(JsonFields::join(path, QStringLiteral("finishDay")), Text::tr("expected a date like \"2024-03-05\""));
    c.due = instant(f, o, QStringLiteral("due"), path, false);
    t.ownerName = f.string(o, QStringLiteral("ownerName"), path, QString());
    t.ownerZoneId = f.string(o, QStringLiteral("ownerZone"), path, QString()).toUtf8();
    if (!t.ownerZoneId.isEmpty() && !QTimeZone(t.ownerZoneId).isValid())
        f.fail(JsonFields::join(path, QStringLiteral("ownerZone")), Text::tr("unknown time zone"));
    return t;
}

QList<FocusBlock> blocks(JsonFields &f, const QJsonObject &root, const QString &key)
{
    QList<FocusBlock> out;
    const QJsonArray list = f.array(root, key, QString(), false);
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QString path = JsonFields::index(key, i);
        const QJsonObject o = list.at(i).toObject();
        FocusBlock b;
        b.id = f.integer(o, QStringLiteral("id"), path, 0).value_or(0);
        b.taskId = f.integer(o, QStringLiteral("taskId"), path).value_or(0);
        b.start = instant(f, o, QStringLiteral("start"), path, true);
        b.end = instant(f, o, QStringLiteral("end"), path, true);
        b.pinned = f.boolean(o, QStringLiteral("pinned"), path, key == u"fixedBlocks");
        out.append(b);
    }
    return out;
}

void readSettings(JsonFields &f, const QJsonObject &root, PlanSettings &s)
{
    const QJsonObject o = f.object(root, QStringLiteral("settings"), QString(), false);
    const QString path = QStringLiteral("settings");
    s.minFocusBlockMinutes = int(f.integer(o, QStringLiteral("minFocusBlockMinutes"), path, s.minFocusBlockMinutes).value_or(0));
    s.maxBlockBeforeBreakMinutes = int(f.integer(o, QStringLiteral("maxBlockBeforeBreakMinutes"), path, s.maxBlockBeforeBreakMinutes).value_or(0));
    s.breakMinutes = int(f.integer(o, QStringLiteral("breakMinutes"), path, s.breakMinutes).value_or(0));
    s.dailyCapMinutes = int(f.integer(o, QStringLiteral("dailyCapMinutes"), path, s.dailyCapMinutes).value_or(0));
    s.slotMinutes = int(f.integer(o, QStringLiteral("slotMinutes"), path, s.slotMinutes).value_or(5));
    s.planLateWork = f.boolean(o, QStringLiteral("planLateWork"), path, s.planLateWork);
    if (s.slotMinutes < 1 || s.slotMinutes > 240)
        f.fail(QStringLiteral("settings.slotMinutes"), QStringLiteral("expected 1 to 240"));
}

} // namespace

Result<PlanRequest> readPlanRequest(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        return Error{Error::Code::Invalid, Text::tr("the request is not valid JSON: %1 at offset %2").arg(error.errorString()).arg(error.offset)};
    if (!doc.isObject())
        return Error{Error::Code::Invalid, Text::tr("the request: expected a JSON object at the top")};
    const QJsonObject root = doc.object();
    JsonFields f;
    PlanRequest r;
    r.zoneId = f.string(root, QStringLiteral("zone"), QString(), QStringLiteral("UTC")).toUtf8();
    if (!QTimeZone(r.zoneId).isValid())
        f.fail(QStringLiteral("zone"), Text::tr("unknown time zone \"%1\"").arg(QString::fromUtf8(r.zoneId)));
    r.horizon = span(f, f.object(root, QStringLiteral("horizon"), QString()), QStringLiteral("horizon"));
    if (!f.hasError() && (r.horizon.isEmpty() || r.horizon.durationMs() > qint64(2) * 366 * 86400000))
        f.fail(QStringLiteral("horizon"), Text::tr("expected end after start, at most two years"));
    r.now = instant(f, root, QStringLiteral("now"), QString(), false);
    readSettings(f, root, r.settings);
    r.workingRules = rules(f, f.array(root, QStringLiteral("workingHours"), QString(), false), QStringLiteral("workingHours"), r.zoneId);
    r.workingIntervals = intervals(f, root, QStringLiteral("workingIntervals"));
    r.checkInRules = rules(f, f.array(root, QStringLiteral("checkIns"), QString(), false), QStringLiteral("checkIns"), r.zoneId);
    r.checkInIntervals = intervals(f, root, QStringLiteral("checkInIntervals"));
    const QJsonArray events = f.array(root, QStringLiteral("events"), QString(), false);
    for (qsizetype i = 0; i < events.size(); ++i) {
        const QString path = JsonFields::index(QStringLiteral("events"), i);
        const QJsonObject o = events.at(i).toObject();
        CalendarEvent e;
        e.id = f.integer(o, QStringLiteral("id"), path, 0).value_or(0);
        e.title = f.string(o, QStringLiteral("title"), path, QString());
        e.start = instant(f, o, QStringLiteral("start"), path, true);
        e.end = instant(f, o, QStringLiteral("end"), path, true);
        e.busy = f.boolean(o, QStringLiteral("busy"), path, true);
        e.allDay = f.boolean(o, QStringLiteral("allDay"), path, false);
        e.bufferBeforeMinutes = int(f.integer(o, QStringLiteral("bufferBeforeMinutes"), path, 0).value_or(0));
        e.bufferAfterMinutes = int(f.integer(o, QStringLiteral("bufferAfterMinutes"), path, 0).value_or(0));
        r.events.append(e);
    }
    r.fixedBlocks = blocks(f, root, QStringLiteral("fixedBlocks"));
    r.previous = blocks(f, root, QStringLiteral("previous"));
    const QJsonArray tasks = f.array(root, QStringLiteral("tasks"), QString());
    for (qsizetype i = 0; i < tasks.size(); ++i)
        r.tasks.append(task(f, tasks.at(i).toObject(), JsonFields::index(QStringLiteral("tasks"), i)));
    const QJsonArray commitments = f.array(root, QStringLiteral("commitments"), QString(), false);
    for (qsizetype i = 0; i < commitments.size(); ++i)
        r.commitments.append(commitment(f, commitments.at(i).toObject(), JsonFields::index(QStringLiteral("commitments"), i)));
    if (f.hasError())
        return Error{Error::Code::Invalid, f.error()};
    return r;
}

QByteArray writePlan(const Plan &plan, const PlanRequest &request)
{
    QHash<qint64, QString> titles;
    for (const Task &t : request.tasks)
        titles.insert(t.id, t.title);
    auto iso = [](const QDateTime &dt) { return dt.toUTC().toString(Qt::ISODate); };
    QJsonArray blocks;
    for (const PlannedBlock &b : plan.blocks) {
        blocks.append(QJsonObject{{QStringLiteral("taskId"), double(b.block.taskId)},
                                  {QStringLiteral("title"), titles.value(b.block.taskId)},
                                  {QStringLiteral("start"), iso(b.block.start)},
                                  {QStringLiteral("end"), iso(b.block.end)},
                                  {QStringLiteral("pinned"), b.block.pinned},
                                  {QStringLiteral("late"), b.late},
                                  {QStringLiteral("kept"), b.kept}});
    }
    QJsonArray tasks;
    for (const TaskReport &t : plan.tasks) {
        QJsonObject o{{QStringLiteral("taskId"), double(t.taskId)},
                      {QStringLiteral("title"), titles.value(t.taskId)},
                      {QStringLiteral("outcome"), outcomeKey(t.outcome)},
                      {QStringLiteral("plannedMinutes"), t.plannedMinutes},
                      {QStringLiteral("neededMinutes"), t.neededMinutes}};
        if (!t.reason.isEmpty())
            o.insert(QStringLiteral("reason"), t.reason);
        if (!t.waitsFor.isEmpty())
            o.insert(QStringLiteral("waitsFor"), t.waitsFor);
        tasks.append(o);
    }
    QJsonArray days;
    for (const DayReport &d : plan.days) {
        QJsonObject day{{QStringLiteral("date"), d.date.toString(Qt::ISODate)},
                        {QStringLiteral("availableMinutes"), d.availableMinutes},
                        {QStringLiteral("plannedMinutes"), d.plannedMinutes},
                        {QStringLiteral("overloaded"), d.overloaded}};
        if (!d.blockedBy.isEmpty())
            day.insert(QStringLiteral("blockedBy"), d.blockedBy);
        days.append(day);
    }
    QJsonArray diagnostics;
    for (const planning::Diagnostic &d : plan.diagnostics) {
        diagnostics.append(QJsonObject{{QStringLiteral("taskId"), d.taskKey.isEmpty() ? QJsonValue() : QJsonValue(d.taskKey.toDouble())},
                                       {QStringLiteral("field"), d.field},
                                       {QStringLiteral("message"), d.message}});
    }
    // value and bound: priority weight x minutes done by each deadline; null when unknown.
    const PlanQuality &q = plan.quality;
    const QJsonObject quality{{QStringLiteral("value"), double(q.value)},
                              {QStringLiteral("bound"), q.bound >= 0 ? QJsonValue(double(q.bound)) : QJsonValue()},
                              {QStringLiteral("optimal"), q.provenOptimal},
                              {QStringLiteral("percentShortAtMost"),
                               q.percentShortAtMost() >= 0 ? QJsonValue(q.percentShortAtMost()) : QJsonValue()}};
    return QJsonDocument(QJsonObject{{QStringLiteral("blocks"), blocks},
                                     {QStringLiteral("tasks"), tasks},
                                     {QStringLiteral("days"), days},
                                     {QStringLiteral("diagnostics"), diagnostics},
                                     {QStringLiteral("quality"), quality}})
        .toJson(QJsonDocument::Indented);
}

} // namespace fermata::interop
