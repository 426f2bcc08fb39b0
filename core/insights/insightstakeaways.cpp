#include "insights/insightstakeaways.h"

#include <QCoreApplication>
#include <QHash>
#include <QLocale>

#include <cmath>

namespace {

// Messages people read, filed under the insights context of the core's translations.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(fermata::Insights)
};

} // namespace

namespace fermata {

namespace {

// "Thursday" within a week; "Thursday 19 Nov" in a longer range, where a weekday alone is
// ambiguous.
QString dayName(QDate day, const InsightsReport &r)
{
    if (r.days.size() <= 7)
        return QLocale().dayName(day.dayOfWeek(), QLocale::LongFormat);
    return QLocale().toString(day, QStringLiteral("dddd d MMM"));
}

QString count(int n, const QString &one, const QString &many)
{
    return QStringLiteral("%1 %2").arg(n).arg(n == 1 ? one : many);
}

// 1.4 -> "1.4×", 1.0 -> "1×".
QString ratio(double r)
{
    return QString::number(r, 'g', r >= 10 ? 3 : 2) + QChar(0x00D7);
}

} // namespace

QString Takeaways::duration(int minutes)
{
    if (minutes < 60)
        return QStringLiteral("%1 min").arg(minutes);
    if (minutes % 60 == 0)
        return QStringLiteral("%1 h").arg(minutes / 60);
    return QStringLiteral("%1 h %2 min").arg(minutes / 60).arg(minutes % 60);
}

QString Takeaways::ruleWords(const QString &reasonKey)
{
    // Built per call, not once: the words follow the translation loaded at the time.
    const QHash<QString, QString> words {
        { QStringLiteral("vip"), Text::tr("from VIPs") },
        { QStringLiteral("critical"), Text::tr("marked critical") },
        { QStringLiteral("keyword"), Text::tr("matching a keyword") },
        { QStringLiteral("source-always-allow"), Text::tr("from always-allowed sources") },
        { QStringLiteral("inside-window"), Text::tr("inside a check-in window") },
        { QStringLiteral("team-message"), Text::tr("teammates' messages") },
        { QStringLiteral("team-commitment"), Text::tr("teammates' commitments") },
    };
    return words.value(reasonKey, Text::tr("by the rule “%1”").arg(reasonKey));
}

QString Takeaways::deepWork(const InsightsReport &r)
{
    int total = 0;
    const DayInsight *best = nullptr;
    for (const DayInsight &d : r.days) {
        total += d.deepWorkMinutes;
        if (!best || d.deepWorkMinutes > best->deepWorkMinutes)
            best = &d;
    }
    if (total == 0)
        return Text::tr("No focus time was recorded in these days.");
    return Text::tr("You focused %1 over %2; %3 had the most (%4).")
        .arg(duration(total), count(int(r.days.size()), Text::tr("day"), Text::tr("days")),
            dayName(best->day, r), duration(best->deepWorkMinutes));
}

QString Takeaways::unbrokenStretches(const InsightsReport &r, int stretchMinutes)
{
    int good = 0;
    const DayInsight *worst = nullptr; // the working day with the shortest stretch, most meetings
    for (const DayInsight &d : r.days) {
        if (d.longestUnbrokenMinutes >= stretchMinutes)
            ++good;
        else if (d.longestUnbrokenMinutes > 0 || d.meetingMinutes > 0) {
            if (!worst || d.meetingMinutes > worst->meetingMinutes)
                worst = &d;
        }
    }
    const QString head
        = Text::tr("You had %1 with a %2 unbroken stretch")
              .arg(count(good, Text::tr("day"), Text::tr("days")), duration(stretchMinutes));
    if (!worst)
        return head + QLatin1Char('.');
    return Text::tr("%1; %2's longest was %3 — %4 of meetings.")
        .arg(head, dayName(worst->day, r), duration(worst->longestUnbrokenMinutes),
            duration(worst->meetingMinutes));
}

QString Takeaways::plannedVersusDone(const InsightsReport &r)
{
    int planned = 0, worked = 0, moved = 0, dropped = 0;
    for (const DayInsight &d : r.days) {
        planned += d.blocksPlanned;
        worked += d.blocksWorked;
        moved += d.blocksMoved;
        dropped += d.blocksDropped;
    }
    if (planned == 0)
        return Text::tr("No focus blocks were planned in these days.");
    const QString blocks = count(planned, Text::tr("focus block"), Text::tr("focus blocks"));
    if (moved == 1)
        return Text::tr("Of %1 planned, you worked %2 and dropped %3; %4 was moved.")
            .arg(blocks).arg(worked).arg(dropped).arg(moved);
    return Text::tr("Of %1 planned, you worked %2 and dropped %3; %4 were moved.")
        .arg(blocks).arg(worked).arg(dropped).arg(moved);
}

QString Takeaways::interruptions(const InsightsReport &r)
{
    QMap<QString, int> byRule;
    for (const SourceInterruptions &s : r.sources) {
        for (auto it = s.letThroughByRule.cbegin(); it != s.letThroughByRule.cend(); ++it)
            byRule[it.key()] += it.value();
    }
    QString sentence
        = Text::tr("Fermata held %1 and let %2 through")
              .arg(count(r.totalHeld(), Text::tr("notification"), Text::tr("notifications")))
              .arg(r.totalLetThrough());
    if (!byRule.isEmpty()) {
        QStringList parts;
        for (auto it = byRule.cbegin(); it != byRule.cend(); ++it)
            parts.append(QStringLiteral("%1 %2").arg(it.value()).arg(ruleWords(it.key())));
        sentence += QStringLiteral(" (%1)").arg(parts.join(QStringLiteral(", ")));
    }
    sentence
        += Text::tr("; you peeked early %1 and sent %2.")
               .arg(count(r.peeksEarly, Text::tr("time"), Text::tr("times")),
                   count(r.urgentSent, Text::tr("urgent message"), Text::tr("urgent messages")));
    return sentence;
}

QString Takeaways::meetingsVersusFocus(const InsightsReport &r)
{
    int focus = 0, meetings = 0, meetingHeavy = 0;
    for (const WeekInsight &w : r.weeks) {
        focus += w.focusMinutes;
        meetings += w.meetingMinutes;
        if (w.meetingMinutes > w.focusMinutes)
            ++meetingHeavy;
    }
    QString sentence
        = Text::tr("Meetings took %1 and focus %2").arg(duration(meetings), duration(focus));
    if (meetingHeavy == 0)
        return sentence + QLatin1Char('.');
    return sentence
        + Text::tr("; %1 of %2 had more meetings than focus.")
              .arg(meetingHeavy)
              .arg(count(int(r.weeks.size()), Text::tr("week"), Text::tr("weeks")));
}

QString Takeaways::estimateAccuracy(const InsightsReport &r)
{
    const TagAccuracy *furthest = nullptr;
    double furthestRatio = 1.0;
    for (const TagAccuracy &t : r.accuracy) {
        if (t.estimatedMinutes <= 0)
            continue;
        const double ratio = double(t.actualMinutes) / t.estimatedMinutes;
        if (!furthest || std::abs(ratio - 1.0) > std::abs(furthestRatio - 1.0)) {
            furthest = &t;
            furthestRatio = ratio;
        }
    }
    if (!furthest)
        return Text::tr("No tagged task with an estimate was finished with focus time in these days.");
    return Text::tr("'%1' tasks took %2 their estimates (%3 against %4 over %5).")
        .arg(furthest->tag, ratio(furthestRatio), duration(furthest->actualMinutes),
            duration(furthest->estimatedMinutes),
            count(furthest->tasks, Text::tr("task"), Text::tr("tasks")));
}

QStringList Takeaways::all(const InsightsReport &r)
{
    return { deepWork(r), unbrokenStretches(r), plannedVersusDone(r), interruptions(r),
        meetingsVersusFocus(r), estimateAccuracy(r) };
}

} // namespace fermata
