#include "commands/insightscommand.h"

#include "appcore.h"
#include "commands/commands.h"
#include "insights/insightsquery.h"
#include "insights/insightstakeaways.h"
#include "settings/preferences.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace fermata {

namespace {

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
        return QStringLiteral("Cannot read --from '%1'. Write a day like 2026-03-02.")
            .arg(parser.value(QStringLiteral("from")));
    if (hasTo && !last.isValid())
        return QStringLiteral("Cannot read --to '%1'. Write a day like 2026-03-08.")
            .arg(parser.value(QStringLiteral("to")));
    if (last < first)
        return QStringLiteral("--to (%1) is before --from (%2).").arg(isoDate(last), isoDate(first));
    return {};
}

// Minutes as "h:mm", which lines up in a table.
QString hm(int minutes)
{
    return QStringLiteral("%1:%2").arg(minutes / 60).arg(minutes % 60, 2, 10, QLatin1Char('0'));
}

void printText(const InsightsReport &r, QTextStream &out)
{
    out << "Insights " << isoDate(r.first) << " – " << isoDate(r.last) << " (hours:minutes)\n\n";
    out << "Day              Focus  Unbroken  Meetings  Blocks planned  worked  moved  dropped\n";
    for (const DayInsight &d : r.days) {
        out << d.day.toString(QStringLiteral("ddd yyyy-MM-dd")) << ' '
            << hm(d.deepWorkMinutes).rightJustified(6) << ' '
            << hm(d.longestUnbrokenMinutes).rightJustified(9) << ' ' << hm(d.meetingMinutes).rightJustified(9)
            << ' ' << QString::number(d.blocksPlanned).rightJustified(15) << ' '
            << QString::number(d.blocksWorked).rightJustified(7) << ' '
            << QString::number(d.blocksMoved).rightJustified(6) << ' '
            << QString::number(d.blocksDropped).rightJustified(8) << '\n';
    }
    out << "\nWeek of          Focus  Meetings\n";
    for (const WeekInsight &w : r.weeks) {
        out << isoDate(w.monday).leftJustified(14) << ' ' << hm(w.focusMinutes).rightJustified(6) << ' '
            << hm(w.meetingMinutes).rightJustified(9) << '\n';
    }
    out << "\nSessions: " << r.sessions.started << " started, " << r.sessions.finished << " finished, "
        << r.sessions.extended << " extended, " << r.sessions.stoppedEarly << " stopped early, "
        << r.sessions.running << " running\n";
    out << "\nSource            Received  Held  In digest  Let through (by rule)\n";
    for (const SourceInterruptions &s : r.sources) {
        QStringList rules;
        for (auto it = s.letThroughByRule.cbegin(); it != s.letThroughByRule.cend(); ++it)
            rules.append(QStringLiteral("%1 %2").arg(it.key()).arg(it.value()));
        out << (s.source.isEmpty() ? QStringLiteral("(none)") : s.source).leftJustified(17) << ' '
            << QString::number(s.received).rightJustified(8) << ' '
            << QString::number(s.held).rightJustified(5) << ' '
            << QString::number(s.releasedInDigest).rightJustified(10) << ' '
            << QString::number(s.letThrough).rightJustified(12)
            << (rules.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(rules.join(QStringLiteral(", "))))
            << '\n';
    }
    out << "Early peeks: " << r.peeksEarly << "   Urgent messages sent: " << r.urgentSent << '\n';
    if (!r.accuracy.isEmpty()) {
        out << "\nTag               Tasks  Estimated    Actual\n";
        for (const TagAccuracy &t : r.accuracy) {
            out << t.tag.leftJustified(17) << ' ' << QString::number(t.tasks).rightJustified(5) << ' '
                << hm(t.estimatedMinutes).rightJustified(10) << ' ' << hm(t.actualMinutes).rightJustified(9)
                << '\n';
        }
    }
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
    parser.setApplicationDescription(QStringLiteral(
        "What deep work and held interruptions added up to: focus time, the longest unbroken\n"
        "stretch and meetings per day and week, focus blocks planned, worked, moved and dropped,\n"
        "notifications held, released and let through per source, and estimates per tag.\n\n"
        "  fermata insights [--from 2026-03-02 --to 2026-03-29] [--json]\n\n"
        "Dates are days in your time zone; --to includes that day. Default: this week so far."));
    parser.addHelpOption();
    parser.addOptions({
        { QStringLiteral("from"), QStringLiteral("First day."), QStringLiteral("date") },
        { QStringLiteral("to"), QStringLiteral("Last day, included."), QStringLiteral("date") },
        { QStringLiteral("json"), QStringLiteral("Print every figure as JSON.") },
    });
    parser.process(arguments);

    QTextStream out(stdout);
    QTextStream err(stderr);
    // Dates are checked before the profile is opened: a typo costs nothing.
    for (const QString &option : { QStringLiteral("from"), QStringLiteral("to") }) {
        if (parser.isSet(option)
            && !QDate::fromString(parser.value(option).trimmed(), Qt::ISODate).isValid()) {
            err << "fermata insights: Cannot read --" << option << " '" << parser.value(option)
                << "'. Write a day like 2026-03-02." << Qt::endl;
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
