#include "storage/seriesrecurrence.h"

#include <algorithm>
#include <atomic>

namespace fermata::ical {

namespace {

// libical yields nothing after this year (its time_t limit).
constexpr int s_lastYear = 2582;
const qint64 s_lastJulianDay = QDate(s_lastYear, 12, 31).toJulianDay();

std::atomic<bool> s_enabled{true};

bool isEmpty(const short *values)
{
    return values[0] == ICAL_RECURRENCE_ARRAY_MAX;
}

// libical's weekday (1 = Sunday .. 7 = Saturday) as Qt's (1 = Monday .. 7 = Sunday); 0 if none.
int qtWeekday(int icalWeekday)
{
    if (icalWeekday < ICAL_SUNDAY_WEEKDAY || icalWeekday > ICAL_SATURDAY_WEEKDAY)
        return 0;
    return icalWeekday == ICAL_SUNDAY_WEEKDAY ? 7 : icalWeekday - 1;
}

// icaltime_compare() of a candidate (its date, the start's time) with UNTIL: > 0 when later.
int compareWithUntil(QDate day, const icaltimetype &start, QDate untilDate, const icaltimetype &until)
{
    if (day != untilDate)
        return day < untilDate ? -1 : 1;
    if (start.is_date && until.is_date)
        return 0;
    if (until.is_date)
        return 1;
    if (start.is_date)
        return -1;
    const int a = start.hour * 3600 + start.minute * 60 + start.second;
    const int b = until.hour * 3600 + until.minute * 60 + until.second;
    return a < b ? -1 : (a > b ? 1 : 0);
}

} // namespace

std::optional<SimpleRecurrence> SimpleRecurrence::create(const icalrecurrencetype &rule,
                                                         const icaltimetype &dtstart)
{
    const bool supportedFreq = rule.freq == ICAL_DAILY_RECURRENCE || rule.freq == ICAL_WEEKLY_RECURRENCE
        || rule.freq == ICAL_MONTHLY_RECURRENCE || rule.freq == ICAL_YEARLY_RECURRENCE;
    if (!supportedFreq || rule.interval < 1 || rule.count < 0 || (rule.rscale && *rule.rscale))
        return std::nullopt;
    if (!isEmpty(rule.by_second) || !isEmpty(rule.by_minute) || !isEmpty(rule.by_hour)
        || !isEmpty(rule.by_year_day) || !isEmpty(rule.by_week_no) || !isEmpty(rule.by_set_pos))
        return std::nullopt;
    if (icaltime_is_null_time(dtstart) || dtstart.zone || dtstart.hour < 0 || dtstart.hour > 23
        || dtstart.minute < 0 || dtstart.minute > 59 || dtstart.second < 0 || dtstart.second > 59)
        return std::nullopt;

    SimpleRecurrence r;
    r.m_freq = rule.freq;
    r.m_interval = rule.interval;
    r.m_count = rule.count;
    r.m_start = dtstart;
    r.m_startDate = QDate(dtstart.year, dtstart.month, dtstart.day);
    if (!r.m_startDate.isValid() || dtstart.year < 1 || dtstart.year > s_lastYear)
        return std::nullopt;
    if (!icaltime_is_null_time(rule.until)) {
        r.m_until = rule.until;
        r.m_untilDate = QDate(rule.until.year, rule.until.month, rule.until.day);
        if (!r.m_untilDate.isValid())
            return std::nullopt;
    } else {
        r.m_until = icaltime_null_time();
    }

    const bool yearly = rule.freq == ICAL_YEARLY_RECURRENCE;
    const bool monthly = rule.freq == ICAL_MONTHLY_RECURRENCE;
    for (int i = 0; i < ICAL_BY_DAY_SIZE && rule.by_day[i] != ICAL_RECURRENCE_ARRAY_MAX; ++i) {
        const int weekday = qtWeekday(icalrecurrencetype_day_day_of_week(rule.by_day[i]));
        const int position = icalrecurrencetype_day_position(rule.by_day[i]);
        if (weekday == 0 || yearly || (position != 0 && !monthly) || position < -5 || position > 5)
            return std::nullopt;
        // libical yields a day twice when BYDAY names it twice: leave such rules to it.
        if (position == 0) {
            if (r.m_weekdays & (1u << weekday))
                return std::nullopt;
            r.m_weekdays |= 1u << weekday;
        } else {
            if (std::find(r.m_ordinalDays.begin(), r.m_ordinalDays.end(),
                          std::pair(position, weekday)) != r.m_ordinalDays.end())
                return std::nullopt;
            r.m_ordinalDays.emplace_back(position, weekday);
        }
    }
    for (int i = 0; i < ICAL_BY_MONTHDAY_SIZE && rule.by_month_day[i] != ICAL_RECURRENCE_ARRAY_MAX; ++i) {
        const int day = rule.by_month_day[i];
        if (!monthly || day == 0 || day < -31 || day > 31)
            return std::nullopt;
        r.m_monthDays.push_back(day);
    }
    if (!r.m_monthDays.empty() && (r.m_weekdays || !r.m_ordinalDays.empty()))
        return std::nullopt; // BYDAY and BYMONTHDAY together limit each other: libical's job
    for (int i = 0; i < ICAL_BY_MONTH_SIZE && rule.by_month[i] != ICAL_RECURRENCE_ARRAY_MAX; ++i) {
        const int month = icalrecurrencetype_month_month(rule.by_month[i]);
        // WEEKLY with BYMONTH: libical's weeks then follow its own counting; leave it to it.
        if (yearly || rule.freq == ICAL_WEEKLY_RECURRENCE
            || icalrecurrencetype_month_is_leap(rule.by_month[i]) || month < 1 || month > 12)
            return std::nullopt;
        r.m_months |= 1u << month;
    }

    switch (rule.freq) {
    case ICAL_DAILY_RECURRENCE: {
        r.m_periodOrigin = r.m_startDate.toJulianDay();
        if (r.m_weekdays) { // a day filter that no day of the cycle passes: libical decides
            bool any = false;
            for (qint64 p = 0; p < 7 && !any; ++p)
                any = r.m_weekdays & (1u << r.m_startDate.addDays(p * r.m_interval).dayOfWeek());
            if (!any)
                return std::nullopt;
        }
        break;
    }
    case ICAL_WEEKLY_RECURRENCE: {
        const int weekStart = rule.week_start == ICAL_NO_WEEKDAY ? 1 : qtWeekday(rule.week_start);
        // libical counts INTERVAL weeks its own way when the week does not start on Monday.
        if (weekStart == 0 || (weekStart != 1 && r.m_interval > 1))
            return std::nullopt;
        // One BYDAY other than DTSTART's weekday, every few weeks: libical 3.0.16 places
        // the first week its own way (neither RFC 5545 nor WKST), so it expands those.
        const bool oneDay = r.m_weekdays && (r.m_weekdays & (r.m_weekdays - 1)) == 0;
        if (oneDay && r.m_interval > 1 && r.m_weekdays != 1u << r.m_startDate.dayOfWeek())
            return std::nullopt;
        const int startOffset = (r.m_startDate.dayOfWeek() - weekStart + 7) % 7;
        r.m_periodOrigin = r.m_startDate.toJulianDay() - startOffset;
        const unsigned days = r.m_weekdays ? r.m_weekdays : 1u << r.m_startDate.dayOfWeek();
        for (int offset = 0; offset < 7; ++offset) {
            const int weekday = (weekStart - 1 + offset) % 7 + 1;
            if (days & (1u << weekday))
                r.m_weekOffsets[size_t(r.m_weekOffsetCount++)] = offset;
        }
        break;
    }
    case ICAL_MONTHLY_RECURRENCE:
        r.m_periodOrigin = qint64(dtstart.year) * 12 + dtstart.month - 1;
        break;
    default:
        r.m_periodOrigin = dtstart.year;
        break;
    }
    return r;
}

bool SimpleRecurrence::enabled()
{
    return s_enabled.load(std::memory_order_relaxed);
}

void SimpleRecurrence::setEnabled(bool enabled)
{
    s_enabled.store(enabled, std::memory_order_relaxed);
}

bool SimpleRecurrence::isPast(QDate day) const
{
    return m_untilDate.isValid() && compareWithUntil(day, m_start, m_untilDate, m_until) > 0;
}

void SimpleRecurrence::addMonthDays(QDate first)
{
    const int length = first.daysInMonth();
    if (!m_monthDays.empty()) {
        for (const int value : m_monthDays) {
            const int day = value > 0 ? value : length + 1 + value;
            if (day >= 1 && day <= length)
                m_days.push_back(first.addDays(day - 1));
        }
    } else if (m_weekdays || !m_ordinalDays.empty()) {
        const int firstWeekday = first.dayOfWeek();
        for (int day = 1; day <= length; ++day) {
            if (m_weekdays & (1u << ((firstWeekday - 1 + day - 1) % 7 + 1)))
                m_days.push_back(first.addDays(day - 1));
        }
        for (const auto &[position, weekday] : m_ordinalDays) {
            const int firstOfWeekday = 1 + (weekday - firstWeekday + 7) % 7;
            int day = 0;
            if (position > 0) {
                day = firstOfWeekday + 7 * (position - 1);
            } else {
                const int last = firstOfWeekday + 7 * ((length - firstOfWeekday) / 7);
                day = last - 7 * (-position - 1);
            }
            if (day >= 1 && day <= length)
                m_days.push_back(first.addDays(day - 1));
        }
    } else if (m_start.day <= length) {
        m_days.push_back(first.addDays(m_start.day - 1));
    }
    std::sort(m_days.begin(), m_days.end());
    m_days.erase(std::unique(m_days.begin(), m_days.end()), m_days.end());
}

bool SimpleRecurrence::fillPeriod()
{
    m_days.clear();
    m_next = 0;
    const qint64 period = m_period++;
    QDate periodStart;
    switch (m_freq) {
    case ICAL_DAILY_RECURRENCE:
        periodStart = QDate::fromJulianDay(m_periodOrigin + period * m_interval);
        if (!m_weekdays || (m_weekdays & (1u << periodStart.dayOfWeek())))
            m_days.push_back(periodStart);
        break;
    case ICAL_WEEKLY_RECURRENCE:
        periodStart = QDate::fromJulianDay(m_periodOrigin + period * m_interval * 7);
        for (int i = 0; i < m_weekOffsetCount; ++i)
            m_days.push_back(periodStart.addDays(m_weekOffsets[size_t(i)]));
        break;
    case ICAL_MONTHLY_RECURRENCE: {
        const qint64 month = m_periodOrigin + period * m_interval;
        periodStart = QDate(int(month / 12), int(month % 12) + 1, 1);
        if (!m_months || (m_months & (1u << periodStart.month())))
            addMonthDays(periodStart);
        break;
    }
    default: {
        periodStart = QDate(int(m_periodOrigin + period * m_interval), 1, 1);
        const QDate day(periodStart.year(), m_start.month, m_start.day);
        if (day.isValid())
            m_days.push_back(day);
        break;
    }
    }
    if (!periodStart.isValid() || periodStart.toJulianDay() > s_lastJulianDay || isPast(periodStart))
        return false;
    auto dropped = [this](QDate day) {
        return day < m_startDate || (m_months && !(m_months & (1u << day.month())));
    };
    m_days.erase(std::remove_if(m_days.begin(), m_days.end(), dropped), m_days.end());
    return true;
}

bool SimpleRecurrence::skipTo(QDate day)
{
    if (m_count > 0 || m_done || !day.isValid() || day <= m_startDate)
        return false;
    qint64 period = 0;
    switch (m_freq) {
    case ICAL_DAILY_RECURRENCE:
        period = (day.toJulianDay() - m_periodOrigin) / m_interval;
        break;
    case ICAL_WEEKLY_RECURRENCE:
        period = (day.toJulianDay() - m_periodOrigin) / (m_interval * 7);
        break;
    case ICAL_MONTHLY_RECURRENCE:
        period = (qint64(day.year()) * 12 + day.month() - 1 - m_periodOrigin) / m_interval;
        break;
    default:
        period = (day.year() - m_periodOrigin) / m_interval;
        break;
    }
    // One period early: the candidates of a period are all that depends on it, so starting
    // there gives the same sequence as walking from the start.
    period = qMax<qint64>(0, period - 1);
    if (period <= m_period)
        return false;
    m_period = period;
    m_days.clear();
    m_next = 0;
    return true;
}

QDate SimpleRecurrence::nextDate()
{
    while (!m_done) {
        if (m_next < size_t(m_days.size())) {
            const QDate day = m_days[m_next++];
            if (isPast(day) || (m_count > 0 && m_emitted >= m_count))
                break;
            ++m_emitted;
            return day;
        }
        if (!fillPeriod())
            break;
    }
    m_done = true;
    return QDate();
}

icaltimetype SimpleRecurrence::next()
{
    const QDate day = nextDate();
    if (!day.isValid())
        return icaltime_null_time();
    icaltimetype t = m_start;
    day.getDate(&t.year, &t.month, &t.day);
    return t;
}

} // namespace fermata::ical
