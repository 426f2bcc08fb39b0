#include "commands/insightscommand.h"

#include "appcore.h"
#include "commands/commands.h"
#include "insights/insightsquery.h"
#include "insights/insightstakeaways.h"
#include "settings/preferences.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QTextStream>

namespace fermata {

namespace {

// The translation context of what `fermata insights` says (issue 18).
struct CliText
{
    Q_DECLARE_TR_FUNCTIONS(fermata::cli::insights)
};

// A right-aligned column of a text table: as wide as its figures need or as its (translated)
// heading, whichever is wider, so a longer heading still sits over its figures.
struct Column
{
    QString heading;
    int minWidth = 0;

    int width() const { return std::max(minWidth, int(heading.size())); }
    QString head() const { return heading.rightJustified(width()); }
    QString cell(const QString &text) const { return text.rightJustified(width()); }
};

QString isoDate(QDate d)
{
    return d.toString(Qt::ISODate);
}

QJsonObject dayJson(const DayInsight &d)
{
    return QJsonObject {
        { QStringLiteral("day"), isoDate(d.day) },
        { QStringLiteral("deep_work_minutes"), d.deepWorkMinutes },
        { QStringLiteral("longest_unbroken_minutes"), d.longestUnbrokenMinutes },
        { QStringLiteral("meeting_minutes"), d.meetingMinutes },
        { QStringLiteral("blocks_planned"), d.blocksPlanned },
        { QStringLiteral("blocks_worked"), d.blocksWorked },
        { QStringLiteral("blocks_moved"), d.blocksMoved },
        { QStringLiteral("blocks_dropped"), d.blocksDropped },
    };
}

QJsonObject sourceJson(const SourceInterruptions &s)
{
    QJsonObject rules;
    for (auto it = s.letThroughByRule.cbegin(); it != s.letThroughByRule.cend(); ++it)
        rules.insert(it.key(), it.value());
    return QJsonObject {
        { QStringLiteral("source"), s.source },
        { QStringLiteral("received"), s.received },
        { QStringLiteral("held"), s.held },
        { QStringLiteral("released_in_digest"), s.releasedInDigest },
        { QStringLiteral("let_through"), s.letThrough },
        { QStringLiteral("let_through_by_rule"), rules },
    };
}

// Parses --from/--to; an empty string when both are good, else the error sentence.
QString readRange(const QCommandLineParser &parser, QDate today, QDate &first, QDate &last)
{
    const bool hasFrom = parser.isSet(QStringLiteral("from"));
    const bool hasTo = parser.isSet(QStringLiteral("to"));
    first = hasFrom ? QDate::fromString(parser.value(QStringLiteral("from")).trimmed(), Qt::ISODate)
                    : today.addDays(1 - today.dayOfWeek());
    last = hasTo ? QDate::fromString(parser.value(QStringLiteral("to")).trimmed(), Qt::ISODate)
                 : (hasFrom ? std::max(first, today) : today);
    if (hasFrom && !first.isValid())
        return CliText::tr("Cannot read --from '%1'. Write a day like 2026-03-02.")
            .arg(parser.value(QStringLiteral("from")));
    if (hasTo && !last.isValid())
        return CliText::tr("Cannot read --to '%1'. Write a day like 2026-03-08.")
            .arg(parser.value(QStringLiteral("to")));
    if (last < first)
        return CliText::tr("--to (%1) is before --from (%2).").arg(isoDate(last), isoDate(first));
    return {};
}

// Minutes as "h:mm", which lines up in a table.
QString hm(int minutes)
{
    return QStringLiteral("%1:%2").arg(minutes / 60).arg(minutes % 60, 2, 10, QLatin1Char('0'));
}

// The headings of the day and week tables sit one column right of their figures, as they
// always have (scripts may compare the English text).
void printDays(const InsightsReport &r, QTextStream &out)
{
    const Column focus { CliText::tr("Focus"), 6 }, unbroken { CliText::tr("Unbroken"), 9 },
        meetings { CliText::tr("Meetings"), 9 }, planned { CliText::tr("Blocks planned"), 15 },
        worked { CliText::tr("worked"), 7 }, moved { CliText::tr("moved"), 6 },
        dropped { CliText::tr("dropped"), 8 };
    out << CliText::tr("Day").leftJustified(15) << ' ' << focus.head() << ' ' << unbroken.head() << ' '
        << meetings.head() << ' ' << planned.head() << ' ' << worked.head() << ' ' << moved.head() << ' '
        << dropped.head() << '\n';
    for (const DayInsight &d : r.days) {
        out << QLocale().toString(d.day, QStringLiteral("ddd yyyy-MM-dd")) << ' '
            << focus.cell(hm(d.deepWorkMinutes)) << ' ' << unbroken.cell(hm(d.longestUnbrokenMinutes)) << ' '
            << meetings.cell(hm(d.meetingMinutes)) << ' ' << planned.cell(QString::number(d.blocksPlanned))
            << ' ' << worked.cell(QString::number(d.blocksWorked)) << ' '
            << moved.cell(QString::number(d.blocksMoved)) << ' '
            << dropped.cell(QString::number(d.blocksDropped)) << '\n';
    }
    const Column weekFocus { CliText::tr("Focus"), 6 }, weekMeetings { CliText::tr("Meetings"), 9 };
    out << '\n'
        << CliText::tr("Week of").leftJustified(15) << ' ' << weekFocus.head() << ' ' << weekMeetings.head()
        << '\n';
    for (const WeekInsight &w : r.weeks) {
        out << isoDate(w.monday).leftJustified(14) << ' ' << weekFocus.cell(hm(w.focusMinutes)) << ' '
            << weekMeetings.cell(hm(w.meetingMinutes)) << '\n';
    }
}

void printSources(const InsightsReport &r, QTextStream &out)
{
    const Column received { CliText::tr("Received"), 8 }, held { CliText::tr("Held"), 5 },
        digest { CliText::tr("In digest"), 10 };
    out << '\n'
        << CliText::tr("Source").leftJustified(17) << ' ' << received.head() << ' ' << held.head() << ' '
        << digest.head() << "  " << CliText::tr("Let through (by rule)") << '\n';
    for (const SourceInterruptions &s : r.sources) {
        QStringList rules;
        for (auto it = s.letThroughByRule.cbegin(); it != s.letThroughByRule.cend(); ++it)
            rules.append(QStringLiteral("%1 %2").arg(it.key()).arg(it.value()));
        out << (s.source.isEmpty() ? CliText::tr("(none)") : s.source).leftJustified(17) << ' '
            << received.cell(QString::number(s.received)) << ' ' << held.cell(QString::number(s.held)) << ' '
            << digest.cell(QString::number(s.releasedInDigest)) << ' '
            << QString::number(s.letThrough).rightJustified(12)
            << (rules.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(rules.join(QStringLiteral(", "))))
            << '\n';
    }
}

void printAccuracy(const InsightsReport &r, QTextStream &out)
{
    const Column tasks { CliText::tr("Tasks"), 5 }, estimated { CliText::tr("Estimated"), 10 },
        actual { CliText::tr("Actual"), 9 };
    out << '\n'
        << CliText::tr("Tag").leftJustified(17) << ' ' << tasks.head() << ' ' << estimated.head() << ' '
        << actual.head() << '\n';
    for (const TagAccuracy &t : r.accuracy) {
        out << t.tag.leftJustified(17) << ' ' << tasks.cell(QString::number(t.tasks)) << ' '
            << estimated.cell(hm(t.estimatedMinutes)) << ' ' << actual.cell(hm(t.actualMinutes)) << '\n';
    }
}

void printText(const InsightsReport &r, QTextStream &out)
{
    out << CliText::tr("Insights %1 – %2 (hours:minutes)").arg(isoDate(r.first), isoDate(r.last)) << "\n\n";
    printDays(r, out);
    out << '\n'
        << CliText::tr("Sessions: %1 started, %2 finished, %3 extended, %4 stopped early, %5 running")
               .arg(QString::number(r.sessions.started), QString::number(r.sessions.finished),
                   QString::number(r.sessions.extended), QString::number(r.sessions.stoppedEarly),
                   QString::number(r.sessions.running))
        << '\n';
    printSources(r, out);
    out << CliText::tr("Early peeks: %1   Urgent messages sent: %2")
               .arg(QString::number(r.peeksEarly), QString::number(r.urgentSent))
        << '\n';
    if (!r.accuracy.isEmpty())
        printAccuracy(r, out);
    out << '\n';
    for (const QString &sentence : Takeaways::all(r))
        out << "• " << sentence << '\n';
    out.flush();
}

} // namespace

QByteArray insightsJson(const InsightsReport &r)
{
    QJsonArray days, weeks, sources, accuracy;
    for (const DayInsight &d : r.days)
        days.append(dayJson(d));
    for (const WeekInsight &w : r.weeks) {
        weeks.append(QJsonObject { { QStringLiteral("monday"), isoDate(w.monday) },
            { QStringLiteral("focus_minutes"), w.focusMinutes },
            { QStringLiteral("meeting_minutes"), w.meetingMinutes } });
    }
    for (const SourceInterruptions &s : r.sources)
        sources.append(sourceJson(s));
    for (const TagAccuracy &t : r.accuracy) {
        accuracy.append(QJsonObject { { QStringLiteral("tag"), t.tag }, { QStringLiteral("tasks"), t.tasks },
            { QStringLiteral("estimated_minutes"), t.estimatedMinutes },
            { QStringLiteral("actual_minutes"), t.actualMinutes } });
    }
    const QJsonObject sessions { { QStringLiteral("started"), r.sessions.started },
        { QStringLiteral("finished"), r.sessions.finished },
        { QStringLiteral("extended"), r.sessions.extended },
        { QStringLiteral("stopped_early"), r.sessions.stoppedEarly },
        { QStringLiteral("running"), r.sessions.running } };
    const QJsonObject root {
        { QStringLiteral("from"), isoDate(r.first) },
        { QStringLiteral("to"), isoDate(r.last) },
        { QStringLiteral("days"), days },
        { QStringLiteral("weeks"), weeks },
        { QStringLiteral("sources"), sources },
        { QStringLiteral("peeks_early"), r.peeksEarly },
        { QStringLiteral("urgent_sent"), r.urgentSent },
        { QStringLiteral("sessions"), sessions },
        { QStringLiteral("accuracy"), accuracy },
        { QStringLiteral("takeaways"), QJsonArray::fromStringList(Takeaways::all(r)) },
    };
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

int runInsightsCommand(const QStringList &arguments, const AppPaths &paths)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(CliText::tr(
        "What deep work and held interruptions added up to: focus time, the longest unbroken\n"
        "stretch and meetings per day and week, focus blocks planned, worked, moved and dropped,\n"
        "notifications held, released and let through per source, and estimates per tag.\n\n"
        "  fermata insights [--from 2026-03-02 --to 2026-03-29] [--json]\n\n"
        "Dates are days in your time zone; --to includes that day. Default: this week so far."));
    parser.addHelpOption();
    parser.addOptions({
        { QStringLiteral("from"), CliText::tr("First day."), QStringLiteral("date") },
        { QStringLiteral("to"), CliText::tr("Last day, included."), QStringLiteral("date") },
        { QStringLiteral("json"), CliText::tr("Print every figure as JSON.") },
    });
    parser.process(arguments);

    QTextStream out(stdout);
    QTextStream err(stderr);
    // Dates are checked before the profile is opened: a typo costs nothing.
    for (const QString &option : { QStringLiteral("from"), QStringLiteral("to") }) {
        if (parser.isSet(option)
            && !QDate::fromString(parser.value(option).trimmed(), Qt::ISODate).isValid()) {
            err << "fermata insights: "
                << CliText::tr("Cannot read --%1 '%2'. Write a day like 2026-03-02.")
                       .arg(option, parser.value(option))
                << Qt::endl;
            return ExitUsage;
        }
    }
    const std::unique_ptr<AppCore> core = openCore(paths, err);
    if (!core)
        return ExitFailure;
    AppCore &app = *core;
    const QTimeZone zone = app.preferences().timeZone();
    const QDate today = app.clock().now().toTimeZone(zone).date();
    QDate first, last;
    if (const QString problem = readRange(parser, today, first, last); !problem.isEmpty()) {
        err << "fermata insights: " << problem << Qt::endl;
        return ExitUsage;
    }
    const Result<InsightsReport> report = InsightsQuery(app.database(), app.clock())
                                              .report(first, last, zone, app.preferences().workingHours());
    if (!report) {
        err << "fermata insights: " << report.error().message << Qt::endl;
        return report.error().code == Error::Code::Invalid ? ExitUsage : ExitFailure;
    }
    if (parser.isSet(QStringLiteral("json"))) {
        out << QString::fromUtf8(insightsJson(*report));
        out.flush();
        return ExitOk;
    }
    printText(*report, out);
    return ExitOk;
}

} // namespace fermata
