#include "insights/insightsquery.h"

#include "settings/preferences.h"
#include "storage/database.h"
#include "storage/repositories.h"
#include "storage/sqlhelpers.h"
#include "time/clock.h"
#include "time/intervalset.h"

#include <QCoreApplication>
#include <QSqlDatabase>

#include <algorithm>

namespace {

// Messages people read, filed under the insights context of the core's translations.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(fermata::Insights)
};

} // namespace

namespace fermata {

namespace {

constexpr qint64 s_minuteMs = 60000;
constexpr qint64 s_maxDays = 1100;

// The figures must agree with each other: one read transaction (WAL snapshot) for all of them.
class ReadSnapshot final
{
public:
    explicit ReadSnapshot(const Database &db)
        : m_db(db.connection())
    {
        m_open = QSqlQuery(m_db).exec(QStringLiteral("SAVEPOINT fermata_insights"));
    }
    ~ReadSnapshot()
    {
        if (m_open)
            (void)QSqlQuery(m_db).exec(QStringLiteral("RELEASE fermata_insights"));
    }
    Q_DISABLE_COPY_MOVE(ReadSnapshot)

private:
    QSqlDatabase m_db;
    bool m_open = false;
};

// The range's days as instants: day i is [starts[i], starts[i + 1]) in UTC ms. A midnight that
// a DST jump skips starts the day at the first instant that exists.
QList<qint64> dayStarts(QDate first, QDate last, const QTimeZone &zone)
{
    QList<qint64> starts;
    for (QDate d = first; d <= last.addDays(1); d = d.addDays(1))
        starts.append(QDateTime(d, QTime(0, 0), zone).toMSecsSinceEpoch());
    return starts;
}

// "WITH days(i, s, e) AS (VALUES (0, s0, e0), ...)": the days as a table to join against.
// The numbers are computed here, never user text, so they are written into the statement
// (a year would exceed SQLite's bound-parameter limit on older builds).
QString daysTable(const QList<qint64> &starts)
{
    QStringList rows;
    rows.reserve(starts.size());
    for (qsizetype i = 0; i + 1 < starts.size(); ++i)
        rows.append(QStringLiteral("(%1,%2,%3)").arg(i).arg(starts[i]).arg(starts[i + 1]));
    return QStringLiteral("WITH days(i, s, e) AS (VALUES %1) ").arg(rows.join(QLatin1Char(',')));
}

int minutes(qint64 ms)
{
    return int(ms / s_minuteMs);
}

// How far before a day a session overlapping it can start: the longest finished session, or
// the running one's age (both index seeks).
Result<qint64> sessionLookback(const Database &db, qint64 nowMs)
{
    Result<QVariant> longest
        = sql::scalar(sql::on(db), QStringLiteral("SELECT MAX(ended_ms - started_ms) FROM focus_sessions"),
            {}, Text::tr("find the longest focus session"));
    if (!longest)
        return longest.error();
    Result<QVariant> running = sql::scalar(sql::on(db),
        QStringLiteral("SELECT MIN(started_ms) FROM focus_sessions "
                       "WHERE ended_ms IS NULL"),
        {}, Text::tr("find the running focus session"));
    if (!running)
        return running.error();
    const qint64 runningAge = running->isNull() ? 0 : nowMs - running->toLongLong();
    return std::max({ qint64(0), longest->toLongLong(), runningAge });
}

Status sessionMinutes(const Database &db, const QString &days, qint64 nowMs, QList<DayInsight> &out)
{
    // A session counts from its start to its end (the running one up to now), cut at midnight.
    const Result<qint64> lookback = sessionLookback(db, nowMs);
    if (!lookback)
        return lookback.error();
    const QString end = QStringLiteral("COALESCE(f.ended_ms, %1)").arg(nowMs);
    Result<QSqlQuery> q = sql::run(sql::on(db),
        days
            + QStringLiteral("SELECT d.i, SUM(MIN(%1, d.e) - MAX(f.started_ms, d.s)) FROM days d "
                             "JOIN focus_sessions f ON f.started_ms < d.e AND f.started_ms >= d.s - %2 "
                             "AND %1 > d.s GROUP BY d.i")
                  .arg(end)
                  .arg(*lookback),
        {}, Text::tr("sum the focus time per day"));
    if (!q)
        return q.error();
    while (q.value().next())
        out[q.value().value(0).toInt()].deepWorkMinutes = minutes(q.value().value(1).toLongLong());
    return {};
}

Status blockCounts(const Database &db, const QString &days, qint64 nowMs, QList<DayInsight> &out)
{
    // worked: a session on the block's task overlaps it. moved: its time was changed after it
    // was placed (focus_block_moves, kept by triggers). dropped: over, and nobody worked it.
    const QString worked
        = QStringLiteral("EXISTS (SELECT 1 FROM focus_sessions f WHERE f.task_id = b.task_id "
                         "AND f.started_ms < b.end_ms AND COALESCE(f.ended_ms, %1) > b.start_ms)")
              .arg(nowMs);
    Result<QSqlQuery> q = sql::run(sql::on(db),
        days
            + QStringLiteral("SELECT i, COUNT(*), SUM(worked), SUM(moved), SUM(NOT worked AND end_ms <= %1) "
                             "FROM (SELECT d.i AS i, b.end_ms AS end_ms, %2 AS worked, "
                             "EXISTS (SELECT 1 FROM focus_block_moves m WHERE m.block_id = b.id) AS moved "
                             "FROM days d JOIN focus_blocks b ON b.start_ms >= d.s AND b.start_ms < d.e) "
                             "GROUP BY i")
                  .arg(nowMs)
                  .arg(worked),
        {}, Text::tr("count the focus blocks per day"));
    if (!q)
        return q.error();
    while (q.value().next()) {
        DayInsight &day = out[q.value().value(0).toInt()];
        day.blocksPlanned = q.value().value(1).toInt();
        day.blocksWorked = q.value().value(2).toInt();
        day.blocksMoved = q.value().value(3).toInt();
        day.blocksDropped = q.value().value(4).toInt();
    }
    return {};
}

// Instants that break a stretch: break-throughs (let through by a break-through rule) and
// early peeks at the held items.
Result<QList<qint64>> interruptions(const Database &db, const Interval &range)
{
    Result<QSqlQuery> q = sql::run(sql::on(db),
        QStringLiteral("SELECT received_ms FROM notifications WHERE received_ms >= ? AND received_ms < ? "
                       "AND verdict = 'deliver' AND reason IN ('critical', 'vip', 'keyword') "
                       "UNION ALL SELECT at_ms FROM attention_events WHERE kind = 'peek' "
                       "AND at_ms >= ? AND at_ms < ?"),
        { qlonglong(range.startMs()), qlonglong(range.endMs()), qlonglong(range.startMs()),
            qlonglong(range.endMs()) },
        Text::tr("read the interruptions"));
    if (!q)
        return q.error();
    QList<qint64> at;
    while (q.value().next())
        at.append(q.value().value(0).toLongLong());
    std::sort(at.begin(), at.end());
    return at;
}

// The longest piece of `free` once cut at each of the instants `cuts` (sorted).
qint64 longestPiece(const IntervalSet &free, const QList<qint64> &cuts)
{
    qint64 longest = 0;
    for (const Interval &piece : free) {
        qint64 from = piece.startMs();
        auto it = std::upper_bound(cuts.begin(), cuts.end(), from);
        for (; it != cuts.end() && *it < piece.endMs(); ++it) {
            longest = std::max(longest, *it - from);
            from = *it;
        }
        longest = std::max(longest, piece.endMs() - from);
    }
    return longest;
}

Status meetingsAndStretches(Database &db, const QList<qint64> &starts, QDate first, const QTimeZone &zone,
    const WorkingHours &hours, qint64 nowMs, QList<DayInsight> &out)
{
    const Interval range(starts.constFirst(), starts.constLast());
    const Result<QList<CalendarEvent>> events = CalendarEventRepository(db).overlapping(range);
    if (!events)
        return events.error();
    IntervalSet meetings;
    for (const CalendarEvent &e : *events) {
        if (e.busy && !e.allDay && e.interval().endMs() > e.interval().startMs())
            meetings.add(e.interval());
    }
    const Result<QList<qint64>> cuts = interruptions(db, range);
    if (!cuts)
        return cuts.error();
    for (qsizetype i = 0; i < out.size(); ++i) {
        const Interval day(starts[i], starts[i + 1]);
        out[i].meetingMinutes = minutes(meetings.intersected(day).totalMs());
        const QDate date = first.addDays(i);
        const DayHours &h = hours.day(Qt::DayOfWeek(date.dayOfWeek()));
        if (!h.working || !h.start.isValid() || !h.end.isValid())
            continue;
        // Working hours up to now: a stretch still to come is not one yet.
        const qint64 from = QDateTime(date, h.start, zone).toMSecsSinceEpoch();
        const qint64 to = std::min(QDateTime(date, h.end, zone).toMSecsSinceEpoch(), nowMs);
        if (to <= from)
            continue;
        const IntervalSet free = IntervalSet { Interval(from, to) }.subtracted(meetings);
        out[i].longestUnbrokenMinutes = minutes(longestPiece(free, *cuts));
    }
    return {};
}

Status sessionCounts(const Database &db, const Interval &range, SessionCounts &out)
{
    Result<QSqlQuery> q = sql::run(sql::on(db),
        QStringLiteral("SELECT COUNT(*), TOTAL(outcome = 'done'), TOTAL(ended_ms > planned_end_ms), "
                       "TOTAL(outcome = 'stopped' AND ended_ms < planned_end_ms), TOTAL(ended_ms IS NULL) "
                       "FROM focus_sessions WHERE started_ms >= ? AND started_ms < ? AND outcome <> 'recorded'"),
        { qlonglong(range.startMs()), qlonglong(range.endMs()) }, Text::tr("count the focus sessions"));
    if (!q)
        return q.error();
    if (q.value().next()) {
        out.started = q.value().value(0).toInt();
        out.finished = q.value().value(1).toInt();
        out.extended = q.value().value(2).toInt();
        out.stoppedEarly = q.value().value(3).toInt();
        out.running = q.value().value(4).toInt();
    }
    return {};
}

Status sources(const Database &db, const Interval &range, QList<SourceInterruptions> &out)
{
    // One pass over the covering index notifications_insights, in its order.
    Result<QSqlQuery> q = sql::run(sql::on(db),
        QStringLiteral("SELECT source, verdict, reason, COUNT(*), COUNT(released_ms) FROM notifications "
                       "WHERE received_ms >= ? AND received_ms < ? GROUP BY source, verdict, reason"),
        { qlonglong(range.startMs()), qlonglong(range.endMs()) },
        Text::tr("count the notifications per source"));
    if (!q)
        return q.error();
    while (q.value().next()) {
        const QString source = q.value().value(0).toString();
        const QString verdict = q.value().value(1).toString();
        const int n = q.value().value(3).toInt();
        if (out.isEmpty() || out.constLast().source != source) {
            SourceInterruptions first;
            first.source = source;
            out.append(first);
        }
        SourceInterruptions &s = out.last();
        s.received += n;
        if (verdict == QLatin1String("hold")) {
            s.held += n;
            s.releasedInDigest += q.value().value(4).toInt();
        } else if (verdict == QLatin1String("deliver")) {
            s.letThrough += n;
            s.letThroughByRule[q.value().value(2).toString()] += n;
        }
    }
    return {};
}

Result<int> countInRange(
    const Database &db, const QString &statement, const Interval &range, const QString &what)
{
    Result<QVariant> v
        = sql::scalar(sql::on(db), statement, { qlonglong(range.startMs()), qlonglong(range.endMs()) }, what);
    if (!v)
        return v.error();
    return v->toInt();
}

Status accuracy(const Database &db, const Interval &range, qint64 nowMs, QList<TagAccuracy> &out)
{
    // Done tasks with focus in the range; actual = every minute ever focused on them.
    Result<QSqlQuery> q = sql::run(sql::on(db),
        QStringLiteral(
            "WITH worked(task_id, ms) AS (SELECT task_id, SUM(COALESCE(ended_ms, %1) - started_ms) "
            "FROM focus_sessions WHERE task_id IN (SELECT DISTINCT task_id FROM focus_sessions "
            "WHERE started_ms >= ? AND started_ms < ? AND task_id IS NOT NULL) GROUP BY task_id), "
            "tagged(task_id, tag) AS (SELECT DISTINCT task_id, tag FROM task_tags "
            "WHERE task_id IN (SELECT task_id FROM worked)) "
            "SELECT g.tag, COUNT(*), SUM(t.estimate_minutes), SUM(w.ms) FROM tagged g "
            "JOIN tasks t ON t.id = g.task_id AND t.done <> 0 "
            "JOIN worked w ON w.task_id = g.task_id GROUP BY g.tag ORDER BY g.tag")
            .arg(nowMs),
        { qlonglong(range.startMs()), qlonglong(range.endMs()) },
        Text::tr("compare estimates per tag"));
    if (!q)
        return q.error();
    while (q.value().next()) {
        out.append(TagAccuracy { q.value().value(0).toString(), q.value().value(1).toInt(),
            q.value().value(2).toInt(), minutes(q.value().value(3).toLongLong()) });
    }
    return {};
}

void fillWeeks(InsightsReport &r)
{
    for (const DayInsight &d : std::as_const(r.days)) {
        const QDate monday = d.day.addDays(1 - d.day.dayOfWeek());
        if (r.weeks.isEmpty() || r.weeks.constLast().monday != monday)
            r.weeks.append(WeekInsight { monday, 0, 0 });
        r.weeks.last().focusMinutes += d.deepWorkMinutes;
        r.weeks.last().meetingMinutes += d.meetingMinutes;
    }
}

} // namespace

int InsightsReport::totalHeld() const
{
    int n = 0;
    for (const SourceInterruptions &s : sources)
        n += s.held;
    return n;
}

int InsightsReport::totalLetThrough() const
{
    int n = 0;
    for (const SourceInterruptions &s : sources)
        n += s.letThrough;
    return n;
}

Result<InsightsReport> InsightsQuery::report(
    QDate first, QDate last, const QTimeZone &zone, const WorkingHours &hours) const
{
    if (!first.isValid() || !last.isValid() || last < first)
        return Error { Error::Code::Invalid,
            Text::tr("the range must end on or after the day it starts") };
    if (first.daysTo(last) >= s_maxDays)
        return Error { Error::Code::Invalid,
            Text::tr("the range can span at most %1 days").arg(s_maxDays) };
    if (!zone.isValid())
        return Error { Error::Code::Invalid, Text::tr("the time zone is not known") };

    InsightsReport r;
    r.first = first;
    r.last = last;
    for (QDate d = first; d <= last; d = d.addDays(1))
        r.days.append(DayInsight { d });
    const QList<qint64> starts = dayStarts(first, last, zone);
    const Interval range(starts.constFirst(), starts.constLast());
    const QString days = daysTable(starts);
    const qint64 nowMs = m_clock.now().toMSecsSinceEpoch();

    const ReadSnapshot snapshot(m_db);
    if (Status s = sessionMinutes(m_db, days, nowMs, r.days); !s)
        return s.error();
    if (Status s = blockCounts(m_db, days, nowMs, r.days); !s)
        return s.error();
    if (Status s = meetingsAndStretches(m_db, starts, first, zone, hours, nowMs, r.days); !s)
        return s.error();
    fillWeeks(r);
    if (Status s = sessionCounts(m_db, range, r.sessions); !s)
        return s.error();
    if (Status s = sources(m_db, range, r.sources); !s)
        return s.error();
    Result<int> peeks = countInRange(m_db,
        QStringLiteral("SELECT COUNT(*) FROM attention_events WHERE kind = 'peek' "
                       "AND at_ms >= ? AND at_ms < ?"),
        range, Text::tr("count the early peeks"));
    if (!peeks)
        return peeks.error();
    r.peeksEarly = *peeks;
    Result<int> urgent = countInRange(m_db,
        QStringLiteral("SELECT COUNT(*) FROM messages m JOIN hub_sync h ON h.uuid = m.uuid "
                       "WHERE h.outgoing <> 0 AND h.urgent <> 0 "
                       "AND m.created_ms >= ? AND m.created_ms < ?"),
        range, Text::tr("count the urgent messages sent"));
    if (!urgent)
        return urgent.error();
    r.urgentSent = *urgent;
    if (Status s = accuracy(m_db, range, nowMs, r.accuracy); !s)
        return s.error();
    return r;
}

} // namespace fermata
