#include "commands/eventscommand.h"

#include "appcore.h"
#include "commands/commands.h"
#include "time/weeklyrule.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QLocale>
#include <QTextStream>

#include <algorithm>
#include <vector>

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

// The translation context of what `fermata events` says (issue 18).
struct CliText
{
    Q_DECLARE_TR_FUNCTIONS(fermata::cli::events)
};

constexpr qint64 s_msPerDay = 86400000;

// The person's zone over the listed range: its UTC offsets looked up in a table of its
// transitions, and dates and times written by hand. QDateTime::toTimeZone and toString cost
// microseconds each, and a month of a big calendar lists tens of thousands of events.
class LocalClock
{
public:
    LocalClock(const QTimeZone &zone, const QDateTime &from, const QDateTime &to)
        : m_zone(zone), m_fromMs(from.toMSecsSinceEpoch() - 2 * s_msPerDay),
          m_toMs(to.toMSecsSinceEpoch() + 2 * s_msPerDay)
    {
        const QDateTime start = QDateTime::fromMSecsSinceEpoch(m_fromMs, Qt::UTC);
        m_initialOffset = zone.offsetFromUtc(start);
        for (const QTimeZone::OffsetData &t : zone.transitions(start, QDateTime::fromMSecsSinceEpoch(m_toMs, Qt::UTC)))
            m_transitions.emplace_back(t.atUtc.toMSecsSinceEpoch(), t.offsetFromUtc);
    }

    int offsetSecs(qint64 utcMs) const
    {
        if (utcMs < m_fromMs || utcMs >= m_toMs)
            return m_zone.offsetFromUtc(QDateTime::fromMSecsSinceEpoch(utcMs, Qt::UTC));
        auto it = std::upper_bound(m_transitions.begin(), m_transitions.end(), utcMs,
                                   [](qint64 ms, const std::pair<qint64, int> &t) { return ms < t.first; });
        return it == m_transitions.begin() ? m_initialOffset : std::prev(it)->second;
    }

private:
    QTimeZone m_zone;
    qint64 m_fromMs;
    qint64 m_toMs;
    int m_initialOffset = 0;
    std::vector<std::pair<qint64, int>> m_transitions;
};

// A wall-clock instant ("ms since the epoch as if UTC") split into its parts.
struct Wall
{
    explicit Wall(qint64 wallMs)
    {
        const qint64 days = wallMs >= 0 ? wallMs / s_msPerDay : (wallMs - s_msPerDay + 1) / s_msPerDay;
        ms = int(wallMs - days * s_msPerDay);
        date = QDate::fromJulianDay(days + 2440588);
        date.getDate(&year, &month, &day);
    }
    QDate date;
    int year = 0;
    int month = 0;
    int day = 0;
    int ms = 0; // of the day
};

void appendNumber(QString &out, int value, int width)
{
    char text[8];
    for (int i = width - 1; i >= 0; --i, value /= 10)
        text[i] = char('0' + value % 10);
    out.append(QLatin1StringView(text, width));
}

// "yyyy-MM-dd"
void appendDate(QString &out, const Wall &w)
{
    appendNumber(out, qBound(0, w.year, 9999), 4);
    out.append(QLatin1Char('-'));
    appendNumber(out, w.month, 2);
    out.append(QLatin1Char('-'));
    appendNumber(out, w.day, 2);
}

// "HH:mm", with ":ss" too
void appendTime(QString &out, const Wall &w, bool seconds)
{
    appendNumber(out, w.ms / 3600000, 2);
    out.append(QLatin1Char(':'));
    appendNumber(out, w.ms / 60000 % 60, 2);
    if (seconds) {
        out.append(QLatin1Char(':'));
        appendNumber(out, w.ms / 1000 % 60, 2);
    }
}

// The short day names of the person's locale ("Mon" in English and C, "Mo." in German),
// looked up once per listing rather than per event.
struct DayNames
{
    DayNames()
    {
        for (int day = 1; day <= 7; ++day)
            names[day - 1] = QLocale().dayName(day, QLocale::ShortFormat);
    }
    QString names[7];
};

void appendDayName(QString &out, const Wall &w, const DayNames &days)
{
    out.append(days.names[w.date.dayOfWeek() - 1]);
}

QString utcText(qint64 utcMs)
{
    QString out;
    out.reserve(20);
    const Wall w(utcMs);
    appendDate(out, w);
    out.append(QLatin1Char('T'));
    appendTime(out, w, true);
    out.append(QLatin1Char('Z'));
    return out;
}

// ISO 8601 with the zone's offset, milliseconds only when there are some.
QString localText(qint64 utcMs, const LocalClock &clock)
{
    const int offset = clock.offsetSecs(utcMs);
    const Wall w(utcMs + qint64(offset) * 1000);
    QString out;
    out.reserve(25);
    appendDate(out, w);
    out.append(QLatin1Char('T'));
    appendTime(out, w, true);
    if (w.ms % 1000 != 0) {
        out.append(QLatin1Char('.'));
        appendNumber(out, w.ms % 1000, 3);
    }
    out.append(QLatin1Char(offset < 0 ? '-' : '+'));
    appendNumber(out, qAbs(offset) / 3600, 2);
    out.append(QLatin1Char(':'));
    appendNumber(out, qAbs(offset) / 60 % 60, 2);
    return out;
}

// A JSON string as QJsonDocument writes it.
void appendJsonString(QByteArray &out, const QString &text)
{
    out.append('"');
    const QByteArray utf8 = text.toUtf8();
    for (const char c : utf8) {
        const uchar u = uchar(c);
        if (u >= 0x20 && u != '"' && u != '\\') {
            out.append(c);
            continue;
        }
        out.append('\\');
        switch (u) {
        case '"': out.append('"'); break;
        case '\\': out.append('\\'); break;
        case 0x8: out.append('b'); break;
        case 0xc: out.append('f'); break;
        case 0xa: out.append('n'); break;
        case 0xd: out.append('r'); break;
        case 0x9: out.append('t'); break;
        default:
            out.append("u00");
            out.append("0123456789abcdef"[u >> 4]);
            out.append("0123456789abcdef"[u & 0xf]);
        }
    }
    out.append('"');
}

// The events as QJsonDocument::Indented writes an array of objects with these keys, written
// directly: a QJsonObject per event costs more than the rest of the command.
QByteArray toJson(const QList<CalendarEvent> &events, const LocalClock &clock)
{
    QByteArray out;
    out.reserve(events.size() * 420 + 4);
    out.append("[\n");
    for (qsizetype i = 0; i < events.size(); ++i) {
        const CalendarEvent &event = events[i];
        const qint64 start = event.start.toMSecsSinceEpoch();
        const qint64 end = event.end.toMSecsSinceEpoch();
        out.append("    {\n        \"all_day\": ").append(event.allDay ? "true" : "false");
        out.append(",\n        \"busy\": ").append(event.busy ? "true" : "false");
        out.append(",\n        \"end_local\": ");
        appendJsonString(out, localText(end, clock));
        out.append(",\n        \"end_utc\": ");
        appendJsonString(out, utcText(end));
        out.append(",\n        \"id\": ").append(QByteArray::number(event.id));
        out.append(",\n        \"source\": ");
        appendJsonString(out, event.source);
        out.append(",\n        \"start_local\": ");
        appendJsonString(out, localText(start, clock));
        out.append(",\n        \"start_utc\": ");
        appendJsonString(out, utcText(start));
        out.append(",\n        \"title\": ");
        appendJsonString(out, event.title);
        out.append(",\n        \"uid\": ");
        appendJsonString(out, event.uid);
        out.append(i + 1 < events.size() ? "\n    },\n" : "\n    }\n");
    }
    out.append("]\n");
    return out;
}

void printText(const QList<CalendarEvent> &events, const LocalClock &clock, QTextStream &out)
{
    // Looked up once: a month of a big calendar is tens of thousands of lines.
    const QString allDay = CliText::tr(" all day");
    const QString busy = CliText::tr("busy");
    const QString free = CliText::tr("free");
    const QString local = CliText::tr("local");
    const DayNames dayNames;
    QString line;
    for (const CalendarEvent &event : events) {
        const qint64 startMs = event.start.toMSecsSinceEpoch();
        const qint64 endMs = event.end.toMSecsSinceEpoch();
        const Wall start(startMs + qint64(clock.offsetSecs(startMs)) * 1000);
        const Wall end(endMs + qint64(clock.offsetSecs(endMs)) * 1000);
        line.clear();
        appendDayName(line, start, dayNames);
        line.append(QLatin1Char(' '));
        appendDate(line, start);
        if (event.allDay) {
            line.append(allDay);
            const qint64 days = start.date.daysTo(end.date);
            if (days > 1)
                line.append(CliText::tr(" (%1 days)").arg(days));
        } else if (startMs == endMs) { // a moment: a start and no end (RFC 5545 §3.6.1)
            line.append(QLatin1Char(' '));
            appendTime(line, start, false);
        } else {
            line.append(QLatin1Char(' '));
            appendTime(line, start, false);
            line.append(QChar(0x2013));
            if (start.date != end.date) {
                appendDayName(line, end, dayNames);
                line.append(QLatin1Char(' '));
            }
            appendTime(line, end, false);
        }
        out << line.leftJustified(28) << "  " << (event.busy ? busy : free) << "  " << event.title << "  ["
            << (event.source.isEmpty() ? local : event.source) << "]  (" << utcText(startMs) << " – "
            << utcText(endMs) << ")\n";
    }
    out.flush();
}

} // namespace

int runEventsCommand(const QStringList &arguments, const AppPaths &paths)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        CliText::tr("Lists calendar events as the planner sees them: recurring meetings expanded, each\n"
                    "occurrence with its start and end in UTC and in your time zone, busy or free.\n\n"
                    "  fermata events [--from 2026-03-02] [--to 2026-03-08] [--source NAME] [--json]\n\n"
                    "Dates are days in your time zone; --to includes that day. Default: the next 7 days."));
    parser.addHelpOption();
    parser.addOptions({
        { QStringLiteral("from"), CliText::tr("First day (or date and time)."), QStringLiteral("date") },
        { QStringLiteral("to"), CliText::tr("Last day, included (or date and time)."),
            QStringLiteral("date") },
        { QStringLiteral("source"), CliText::tr("Only events of this calendar."), QStringLiteral("name") },
        { QStringLiteral("json"), CliText::tr("Print JSON.") },
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
        err << "fermata events: "
            << CliText::tr("Cannot read the dates. Write them like 2026-03-02 or 2026-03-02T09:00.")
            << Qt::endl;
        return ExitUsage;
    }
    if (to <= from) {
        err << "fermata events: " << CliText::tr("--to must be after --from.") << Qt::endl;
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
    const LocalClock clock(zone, from, to);
    if (parser.isSet(QStringLiteral("json"))) {
        out.flush();
        QFile stdOut;
        if (!stdOut.open(stdout, QIODevice::WriteOnly))
            return ExitFailure;
        stdOut.write(toJson(shown, clock));
        return ExitOk;
    }
    if (shown.isEmpty()) {
        out << CliText::tr("No events between %1 and %2. Import a calendar with: fermata import work.ics")
                   .arg(from.toTimeZone(zone).toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                       to.toTimeZone(zone).toString(QStringLiteral("yyyy-MM-dd HH:mm")))
            << Qt::endl;
        return ExitOk;
    }
    printText(shown, clock, out);
    return ExitOk;
}

} // namespace fermata
