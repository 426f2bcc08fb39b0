#include "storage/seriesexpander.h"

#include "storage/seriesrecurrence.h"

#include <libical/ical.h>

#include <algorithm>
#include <cstdlib>
#include <limits>

namespace fermata {

namespace {

constexpr qint64 s_msPerDay = 86400000;
// DST moves a wall-clock span by at most this much (no zone shifts by more than two hours).
constexpr qint64 s_dstSlackMs = 2 * 3600000;
// Instants from year 1 to year 9999: a range with no limit.
constexpr qint64 s_earliestMs = -62135596800000;
constexpr qint64 s_latestMs = 253402300799000;

icaltimetype toIcal(QDate date, QTime time, bool isDate)
{
    icaltimetype t = icaltime_null_time();
    t.year = date.year();
    t.month = date.month();
    t.day = date.day();
    t.hour = time.hour();
    t.minute = time.minute();
    t.second = time.second();
    t.is_date = isDate;
    return t;
}

// The longest an occurrence of `series` can last, DST included.
qint64 longestSpanMs(const CalendarSeries &series)
{
    qint64 longest = series.spanDays * s_msPerDay + series.spanMs + s_dstSlackMs;
    for (const SeriesDate &d : series.dates) {
        if (d.endMs)
            longest = qMax(longest, *d.endMs - d.startMs);
    }
    return longest;
}

const SeriesRangeChange *rangeChangeAt(const std::map<qint64, SeriesRangeChange> &ranges, qint64 startMs)
{
    if (ranges.empty())
        return nullptr;
    const auto after = ranges.upper_bound(startMs);
    return after == ranges.begin() ? nullptr : &std::prev(after)->second;
}

} // namespace

// A rule parsed from its text (libical allocates RSCALE).
struct SeriesExpander::ParsedRule
{
    explicit ParsedRule(const QByteArray &text) : rule(icalrecurrencetype_from_string(text.constData())) {}
    ~ParsedRule()
    {
        if (rule.rscale)
            free(rule.rscale);
    }
    ParsedRule(const ParsedRule &) = delete;
    ParsedRule &operator=(const ParsedRule &) = delete;
    icalrecurrencetype rule;
};

SeriesExpander::SeriesExpander(SeriesZones &zones) : m_zones(zones) {}

SeriesExpander::~SeriesExpander() = default;

const icalrecurrencetype *SeriesExpander::parsed(const QByteArray &text)
{
    if (auto it = m_rules.constFind(text); it != m_rules.constEnd())
        return &(*it)->rule;
    if (m_rules.size() >= 4096) // hostile input: a new rule per series
        m_rules.clear();
    auto rule = std::make_shared<const ParsedRule>(text);
    m_rules.insert(text, rule);
    return &rule->rule;
}

bool SeriesExpander::neverOccurs(const icalrecurrencetype &rule)
{
    if (rule.by_month[0] == ICAL_RECURRENCE_ARRAY_MAX || rule.by_month_day[0] == ICAL_RECURRENCE_ARRAY_MAX)
        return false;
    static constexpr int longest[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    for (int m = 0; m < ICAL_BY_MONTH_SIZE && rule.by_month[m] != ICAL_RECURRENCE_ARRAY_MAX; ++m) {
        const int month = icalrecurrencetype_month_month(rule.by_month[m]);
        if (month < 1 || month > 12)
            continue;
        for (int d = 0; d < ICAL_BY_MONTHDAY_SIZE && rule.by_month_day[d] != ICAL_RECURRENCE_ARRAY_MAX; ++d) {
            if (qAbs(int(rule.by_month_day[d])) <= longest[month - 1])
                return false;
        }
    }
    return true;
}

bool SeriesExpander::canExpand(const icalrecurrencetype &rule, const icaltimetype &first)
{
    if (rule.freq == ICAL_NO_RECURRENCE || neverOccurs(rule))
        return false;
    icalrecurrencetype bounded = rule;
    bounded.until = icaltime_null_time(); // as expansion runs it (see expandRule)
    if (ical::SimpleRecurrence::create(bounded, first))
        return true;
    icalrecur_iterator *it = icalrecur_iterator_new(bounded, first);
    if (!it)
        return false;
    icalrecur_iterator_free(it);
    return true;
}

qint64 SeriesExpander::endMs(const SeriesZones::Zone &zone, bool allDay, QDate date, QTime time,
                             qint64 startMs, qint64 spanDays, qint64 spanMs) const
{
    if (allDay)
        return m_zones.toUtcMs(zone, date.addDays(spanDays), QTime(0, 0));
    if (spanDays > 0)
        return m_zones.toUtcMs(zone, date.addDays(spanDays), time) + spanMs;
    return startMs + spanMs;
}

bool SeriesExpander::expandRule(const QByteArray &text, const CalendarSeries &series,
                                const SeriesZones::Zone &zone, qint64 loMs, qint64 hiMs, bool lastOnly)
{
    icalrecurrencetype rule = *parsed(text);
    if (rule.freq == ICAL_NO_RECURRENCE || neverOccurs(rule))
        return false;
    // UNTIL is compared here, in the series' zone: libical would compare it with a floating start.
    const icaltimetype until = rule.until;
    rule.until = icaltime_null_time();
    std::optional<qint64> untilMs;
    QDate untilDate;
    if (!icaltime_is_null_time(until)) {
        untilDate = QDate(until.year, until.month, until.day);
        if (!until.is_date && untilDate.isValid()) {
            const QTime untilTime(qBound(0, until.hour, 23), qBound(0, until.minute, 59), qBound(0, until.second, 59));
            untilMs = icaltime_is_utc(until) ? SeriesZones::wallMs(untilDate, untilTime)
                                             : m_zones.toUtcMs(zone, untilDate, untilTime);
        }
    }
    const icaltimetype first = toIcal(series.startDate, series.startTime, series.allDay);
    // Wall-clock dates that can hold an instant of [loMs, hiMs): no zone is a day off UTC.
    const QDate loDate = SeriesZones::wallDate(loMs).addDays(-1);
    const QDate hiDate = SeriesZones::wallDate(hiMs).addDays(1);
    // libical searches for a next occurrence until its UNTIL; an impossible rule would search
    // for centuries. Stop it two days past the range; the exact UNTIL is still checked below.
    if (rule.count == 0) {
        QDate stop = hiDate.addDays(2);
        if (untilDate.isValid())
            stop = qMin(stop, untilDate.addDays(1));
        icaltimetype limit = icaltime_null_time();
        limit.year = stop.year();
        limit.month = stop.month();
        limit.day = stop.day();
        limit.is_date = series.allDay;
        rule.until = limit;
    }
    // The common rules in plain date arithmetic, skipping to the range; the rest through libical.
    std::optional<ical::SimpleRecurrence> simple;
    if (ical::SimpleRecurrence::enabled())
        simple = ical::SimpleRecurrence::create(rule, first);
    icalrecur_iterator *it = simple ? nullptr : icalrecur_iterator_new(rule, first);
    if (!simple && !it)
        return false;
    if (simple)
        simple->skipTo(loDate);
    int produced = 0;
    const QTime startTime = series.allDay ? QTime(0, 0) : series.startTime;
    for (int i = 0; i < maxIterationsPerRule; ++i) {
        Raw o;
        if (simple) {
            o.date = simple->nextDate(); // at DTSTART's time
            o.time = startTime;
        } else {
            const icaltimetype t = icalrecur_iterator_next(it);
            if (icaltime_is_null_time(t))
                break;
            o.date = QDate(t.year, t.month, t.day);
            o.time = series.allDay ? QTime(0, 0)
                                   : QTime(qBound(0, t.hour, 23), qBound(0, t.minute, 59), qBound(0, t.second, 59));
        }
        if (!o.date.isValid())
            break;
        if (untilDate.isValid() && !untilMs && o.date > untilDate)
            break;
        if (o.date < loDate)
            continue; // before the range: no zone conversion
        if (o.date > hiDate)
            break;
        o.startMs = m_zones.toUtcMs(zone, o.date, o.time);
        if (untilMs && o.startMs > *untilMs)
            break;
        if (o.startMs >= hiMs)
            break;
        if (o.startMs < loMs)
            continue;
        if (lastOnly) {
            m_raw.assign(1, o);
            continue;
        }
        m_raw.push_back(o);
        if (++produced >= maxOccurrencesPerRange)
            break;
    }
    if (it)
        icalrecur_iterator_free(it);
    return true;
}

void SeriesExpander::collect(const CalendarSeries &series, const SeriesZones::Zone &zone, qint64 loMs, qint64 hiMs)
{
    m_raw.clear();
    if (series.startMs >= loMs && series.startMs < hiMs)
        m_raw.push_back(Raw{series.startMs, series.startDate, series.startTime, std::nullopt});
    for (const QByteArray &rule : series.rules)
        expandRule(rule, series, zone, loMs, hiMs, false);
    for (const SeriesDate &d : series.dates) {
        if (d.startMs >= loMs && d.startMs < hiMs)
            m_raw.push_back(Raw{d.startMs, d.date, d.time, d.endMs});
    }
    // DTSTART first, then the rules, then RDATEs: of two at one instant the first stays.
    const auto earlier = [](const Raw &a, const Raw &b) { return a.startMs < b.startMs; };
    if (!std::is_sorted(m_raw.begin(), m_raw.end(), earlier)) // one rule and no RDATE: in order
        std::stable_sort(m_raw.begin(), m_raw.end(), earlier);
    m_raw.erase(std::unique(m_raw.begin(), m_raw.end(), [](const Raw &a, const Raw &b) { return a.startMs == b.startMs; }),
                m_raw.end());
    if (!series.exceptMs.isEmpty() || !series.exceptDates.isEmpty()) {
        m_raw.erase(std::remove_if(m_raw.begin(), m_raw.end(),
                                   [&](const Raw &o) {
                                       return std::binary_search(series.exceptMs.begin(), series.exceptMs.end(), o.startMs)
                                           || std::binary_search(series.exceptDates.begin(), series.exceptDates.end(), o.date);
                                   }),
                    m_raw.end());
    }
}

qint64 SeriesExpander::reachMs(const SeriesChanges &changes)
{
    qint64 reach = 0;
    for (const auto &[from, change] : changes.ranges)
        reach = qMax(reach, std::abs(change.shiftMs) + change.spanDays * s_msPerDay + change.spanMs + s_dstSlackMs);
    return reach;
}

qint64 SeriesExpander::expand(const CalendarSeries &series, const SeriesChanges &changes, const Interval &range,
                              const Emit &emit, bool withUids)
{
    if (range.isEmpty())
        return 0;
    const SeriesZones::Zone &zone = m_zones.zone(series.zone);
    // Original starts that can reach the range: as far before it as an occurrence lasts,
    // and as far either way as a THISANDFUTURE change moves one.
    const qint64 reach = reachMs(changes);
    collect(series, zone, range.startMs() - longestSpanMs(series) - reach - s_msPerDay,
            range.endMs() + reach + s_msPerDay);
    const bool checkOverrides = !changes.overridden.isEmpty();
    qint64 emitted = 0;
    SeriesOccurrence out;
    for (const Raw &o : m_raw) {
        QString uid;
        if (checkOverrides) {
            uid = occurrenceUid(series.uid, series.allDay, o.date, o.startMs);
            if (changes.overridden.contains(uid))
                continue;
        }
        const SeriesRangeChange *change = rangeChangeAt(changes.ranges, o.startMs);
        if (!change) {
            out.startMs = o.startMs;
            out.endMs = o.endMs ? *o.endMs
                                : endMs(zone, series.allDay, o.date, o.time, o.startMs, series.spanDays, series.spanMs);
            out.title = &series.title;
            out.busy = series.busy;
        } else {
            const qint64 wall = SeriesZones::wallMs(o.date, o.time) + change->shiftMs;
            const QDate date = SeriesZones::wallDate(wall);
            const QTime time = series.allDay ? QTime(0, 0) : SeriesZones::wallTime(wall);
            out.startMs = m_zones.toUtcMs(zone, date, time);
            out.endMs = endMs(zone, series.allDay, date, time, out.startMs, change->spanDays, change->spanMs);
            out.title = &change->title;
            out.busy = change->busy;
        }
        // A timed occurrence that lasts no time is a moment: listed, but it blocks none.
        if (!series.allDay && out.endMs <= out.startMs)
            out.busy = false;
        const bool overlaps = out.endMs > out.startMs ? Interval(out.startMs, out.endMs).overlaps(range)
                                                      : range.contains(out.startMs);
        if (!overlaps)
            continue;
        if (withUids && uid.isNull())
            uid = occurrenceUid(series.uid, series.allDay, o.date, o.startMs);
        out.uid = std::move(uid);
        out.originalDate = o.date;
        out.originalMs = o.startMs;
        emit(out);
        if (++emitted >= maxOccurrencesPerRange)
            break;
    }
    return emitted;
}

qint64 SeriesExpander::firstStartMs(const CalendarSeries &series)
{
    qint64 first = series.startMs;
    for (const SeriesDate &d : series.dates)
        first = qMin(first, d.startMs);
    return first;
}

std::optional<qint64> SeriesExpander::lastEndMs(const CalendarSeries &series)
{
    const SeriesZones::Zone &zone = m_zones.zone(series.zone);
    const qint64 span = longestSpanMs(series);
    qint64 last = series.startMs + span;
    for (const SeriesDate &d : series.dates)
        last = qMax(last, d.endMs ? *d.endMs : d.startMs + span);
    const icaltimetype first = toIcal(series.startDate, series.startTime, series.allDay);
    for (const QByteArray &text : series.rules) {
        const icalrecurrencetype &rule = *parsed(text);
        if (!canExpand(rule, first))
            continue; // yields nothing
        const icaltimetype until = rule.until;
        if (!icaltime_is_null_time(until)) {
            const QDate date(until.year, until.month, until.day);
            if (!date.isValid())
                return std::nullopt;
            // No occurrence starts after UNTIL (a date: after that day, in any zone).
            const qint64 untilMs = until.is_date ? SeriesZones::wallMs(date.addDays(2), QTime(0, 0))
                                                 : SeriesZones::wallMs(date, QTime(until.hour, until.minute, until.second))
                    + (icaltime_is_utc(until) ? 0 : s_msPerDay);
            last = qMax(last, untilMs + span);
            continue;
        }
        if (rule.count <= 0)
            return std::nullopt; // no end
        m_raw.clear();
        expandRule(text, series, zone, s_earliestMs, s_latestMs, true);
        if (!m_raw.empty())
            last = qMax(last, m_raw.back().startMs + span);
    }
    return last;
}

} // namespace fermata
