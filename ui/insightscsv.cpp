#include "insightscsv.h"

#include <QStringList>

namespace fermata {

namespace {

QString field(QString text)
{
    // Source names come from other apps' notifications: never let one become a formula.
    static const QString formulaStarts = QStringLiteral("=+-@\t\r");
    if (!text.isEmpty() && formulaStarts.contains(text.front()))
        text.prepend(QLatin1Char('\''));
    if (text.contains(QLatin1Char(',')) || text.contains(QLatin1Char('"')) || text.contains(QLatin1Char('\n'))
        || text.contains(QLatin1Char('\r')) || text.startsWith(QLatin1Char('\''))) {
        text.replace(QLatin1Char('"'), QStringLiteral("\"\""));
        return QLatin1Char('"') + text + QLatin1Char('"');
    }
    return text;
}

class Writer
{
public:
    void row(const QString &section, QDate date, const QString &name, const QString &measure, qint64 value)
    {
        m_out += field(section) + QLatin1Char(',') + (date.isValid() ? date.toString(Qt::ISODate) : QString())
            + QLatin1Char(',') + field(name) + QLatin1Char(',') + field(measure) + QLatin1Char(',')
            + QString::number(value) + QStringLiteral("\r\n");
    }
    QString text() const { return m_out; }

private:
    QString m_out = QStringLiteral("section,date,name,measure,value\r\n");
};

} // namespace

QString insightsCsv(const InsightsReport &report)
{
    Writer csv;
    const QString day = QStringLiteral("day");
    for (const DayInsight &d : report.days) {
        csv.row(day, d.day, QString(), QStringLiteral("deep_work_minutes"), d.deepWorkMinutes);
        csv.row(day, d.day, QString(), QStringLiteral("longest_unbroken_minutes"), d.longestUnbrokenMinutes);
        csv.row(day, d.day, QString(), QStringLiteral("meeting_minutes"), d.meetingMinutes);
        csv.row(day, d.day, QString(), QStringLiteral("blocks_planned"), d.blocksPlanned);
        csv.row(day, d.day, QString(), QStringLiteral("blocks_worked"), d.blocksWorked);
        csv.row(day, d.day, QString(), QStringLiteral("blocks_moved"), d.blocksMoved);
        csv.row(day, d.day, QString(), QStringLiteral("blocks_dropped"), d.blocksDropped);
    }
    const QString week = QStringLiteral("week");
    for (const WeekInsight &w : report.weeks) {
        csv.row(week, w.monday, QString(), QStringLiteral("focus_minutes"), w.focusMinutes);
        csv.row(week, w.monday, QString(), QStringLiteral("meeting_minutes"), w.meetingMinutes);
    }
    const QString source = QStringLiteral("source");
    for (const SourceInterruptions &s : report.sources) {
        csv.row(source, {}, s.source, QStringLiteral("received"), s.received);
        csv.row(source, {}, s.source, QStringLiteral("held"), s.held);
        csv.row(source, {}, s.source, QStringLiteral("released_in_digest"), s.releasedInDigest);
        csv.row(source, {}, s.source, QStringLiteral("let_through"), s.letThrough);
        for (auto it = s.letThroughByRule.cbegin(); it != s.letThroughByRule.cend(); ++it)
            csv.row(QStringLiteral("let_through_rule"), {}, s.source, it.key(), it.value());
    }
    const QString range = QStringLiteral("range");
    csv.row(range, {}, QString(), QStringLiteral("peeks_early"), report.peeksEarly);
    csv.row(range, {}, QString(), QStringLiteral("urgent_sent"), report.urgentSent);
    csv.row(range, {}, QString(), QStringLiteral("sessions_started"), report.sessions.started);
    csv.row(range, {}, QString(), QStringLiteral("sessions_finished"), report.sessions.finished);
    csv.row(range, {}, QString(), QStringLiteral("sessions_extended"), report.sessions.extended);
    csv.row(range, {}, QString(), QStringLiteral("sessions_stopped_early"), report.sessions.stoppedEarly);
    csv.row(range, {}, QString(), QStringLiteral("sessions_running"), report.sessions.running);
    const QString tag = QStringLiteral("tag");
    for (const TagAccuracy &t : report.accuracy) {
        csv.row(tag, {}, t.tag, QStringLiteral("tasks"), t.tasks);
        csv.row(tag, {}, t.tag, QStringLiteral("estimated_minutes"), t.estimatedMinutes);
        csv.row(tag, {}, t.tag, QStringLiteral("actual_minutes"), t.actualMinutes);
    }
    return csv.text();
}

} // namespace fermata
