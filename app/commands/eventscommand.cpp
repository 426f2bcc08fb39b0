#include "commands/eventscommand.h"

#include "appcore.h"
#include "commands/commands.h"
#include "time/weeklyrule.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace fermata {

QDateTime parseCommandDate(const QString &text, const QTimeZone &zone, bool dayEnd)
{
    const QDate date = QDate::fromString(text.trimmed(), Qt::ISODate);
    if (date.isValid())
        return resolveWallClock(dayEnd ? date.addDays(1) : date, QTime(0, 0), zone);
    const QDateTime local = QDateTime::fromString(text.trimmed(), Qt::ISODate);
    if (!local.isValid())
        return {};
    if (local.timeSpec() != Qt::LocalTime)
        return local.toUTC();
    return resolveWallClock(local.date(), local.time(), zone);
}

namespace {

QString utcText(const QDateTime &dt)
{
    return dt.toUTC().toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss'Z'"));
}

QString localText(const QDateTime &dt, const QTimeZone &zone)
{
    return dt.toTimeZone(zone).toString(Qt::ISODateWithMs).replace(QStringLiteral(".000"), QString());
}

QJsonObject toJson(const CalendarEvent &event, const QTimeZone &zone)
{
    return QJsonObject{
        {QStringLiteral("start_utc"), utcText(event.start)},
        {QStringLiteral("end_utc"), utcText(event.end)},
        {QStringLiteral("start_local"), localText(event.start, zone)},
        {QStringLiteral("end_local"), localText(event.end, zone)},
        {QStringLiteral("title"), event.title},
        {QStringLiteral("busy"), event.busy},
        {QStringLiteral("all_day"), event.allDay},
        {QStringLiteral("source"), event.source},
        {QStringLiteral("uid"), event.uid},
        {QStringLiteral("id"), event.id},
    };
}

void printText(const QList<CalendarEvent> &events, const QTimeZone &zone, QTextStream &out)
{
    for (const CalendarEvent &event : events) {
        const QDateTime start = event.start.toTimeZone(zone);
        const QDateTime end = event.end.toTimeZone(zone);
        const QString when = event.allDay
            ? start.toString(QStringLiteral("ddd yyyy-MM-dd")) + QStringLiteral(" all day")
                  + (start.daysTo(end) > 1 ? QStringLiteral(" (%1 days)").arg(start.daysTo(end))
                                           : QString())
            : start == end // a moment: a start and no end (RFC 5545 §3.6.1)
            ? start.toString(QStringLiteral("ddd yyyy-MM-dd HH:mm"))
            : start.toString(QStringLiteral("ddd yyyy-MM-dd HH:mm")) + QStringLiteral("–")
                  + end.toString(start.date() == end.date() ? QStringLiteral("HH:mm")
                                                            : QStringLiteral("ddd HH:mm"));
        out << when.leftJustified(28) << "  " << (event.busy ? "busy" : "free") << "  "
            << event.title << "  [" << (event.source.isEmpty() ? QStringLiteral("local") : event.source)
            << "]  (" << utcText(event.start) << " – " << utcText(event.end) << ")\n";
    }
    out.flush();
}

} // namespace

int runEventsCommand(const QStringList &arguments, const AppPaths &paths)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Lists calendar events as the planner sees them: recurring meetings expanded, each\n"
        "occurrence with its start and end in UTC and in your time zone, busy or free.\n\n"
        "  fermata events [--from 2026-03-02] [--to 2026-03-08] [--source NAME] [--json]\n\n"
        "Dates are days in your time zone; --to includes that day. Default: the next 7 days."));
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("from"), QStringLiteral("First day (or date and time)."), QStringLiteral("date")},
        {QStringLiteral("to"), QStringLiteral("Last day, included (or date and time)."), QStringLiteral("date")},
        {QStringLiteral("source"), QStringLiteral("Only events of this calendar."), QStringLiteral("name")},
        {QStringLiteral("json"), QStringLiteral("Print JSON.")},
    });
    parser.process(arguments);

    QTextStream out(stdout);
    QTextStream err(stderr);
    const std::unique_ptr<AppCore> core = openCore(paths, err);
    if (!core)
        return ExitFailure;
    AppCore &app = *core;
    const QTimeZone zone = app.preferences().timeZone();
    QDateTime from = parser.isSet(QStringLiteral("from"))
        ? parseCommandDate(parser.value(QStringLiteral("from")), zone, false)
        : resolveWallClock(app.clock().now().toTimeZone(zone).date(), QTime(0, 0), zone);
    QDateTime to = parser.isSet(QStringLiteral("to"))
        ? parseCommandDate(parser.value(QStringLiteral("to")), zone, true)
        : from.addDays(7);
    if (!from.isValid() || !to.isValid()) {
        err << "fermata events: Cannot read the dates. Write them like 2026-03-02 or 2026-03-02T09:00." << Qt::endl;
        return ExitUsage;
    }
    if (to <= from) {
        err << "fermata events: --to must be after --from." << Qt::endl;
        return ExitUsage;
    }
    auto events = app.calendar().events(Interval::fromDateTimes(from, to));
    if (!events) {
        err << "fermata events: " << events.error().message << Qt::endl;
        return ExitFailure;
    }
    QList<CalendarEvent> shown;
    const QString source = parser.value(QStringLiteral("source"));
    for (const CalendarEvent &event : std::as_const(*events)) {
        if (source.isEmpty() || event.source == source)
            shown.append(event);
    }
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const CalendarEvent &event : std::as_const(shown))
            array.append(toJson(event, zone));
        out << QJsonDocument(array).toJson(QJsonDocument::Indented);
        return ExitOk;
    }
    if (shown.isEmpty()) {
        out << "No events between " << from.toTimeZone(zone).toString(QStringLiteral("yyyy-MM-dd HH:mm"))
            << " and " << to.toTimeZone(zone).toString(QStringLiteral("yyyy-MM-dd HH:mm"))
            << ". Import a calendar with: fermata import work.ics" << Qt::endl;
        return ExitOk;
    }
    printText(shown, zone, out);
    return ExitOk;
}

} // namespace fermata
