#pragma once

// A fast expansion of the common iCalendar recurrence rules, for the reader and for series
// expanded on demand (storage/seriesexpander.h).

#include <libical/ical.h>

#include <QDate>
#include <QVarLengthArray>

#include <array>
#include <optional>
#include <vector>

namespace fermata::ical {

// Expands FREQ=DAILY/WEEKLY/MONTHLY (and YEARLY without BY parts) with INTERVAL, COUNT,
// UNTIL, WKST, BYDAY, BYMONTHDAY and BYMONTH in plain date arithmetic. libical's iterator
// goes through ICU calendars and costs microseconds per occurrence; this yields exactly
// the same sequence (tst_icalrecurrence compares both over many random rules), so series
// are expanded with it whenever create() accepts the rule and with libical's iterator otherwise.
class SimpleRecurrence final
{
public:
    // nullopt when the rule has parts this does not cover (BYSETPOS, BYHOUR, RSCALE, ...).
    static std::optional<SimpleRecurrence> create(const icalrecurrencetype &rule,
                                                  const icaltimetype &dtstart);

    // The next occurrence, or a null time at the end: as icalrecur_iterator_next().
    icaltimetype next();
    // The same as a date (the time is always DTSTART's); invalid at the end.
    QDate nextDate();
    // Goes on from the period before the one holding `day`, so next() yields every occurrence
    // from `day` on (and maybe a few before) without walking from DTSTART; nothing when the
    // rule has a COUNT, which needs the occurrences before. False when it did not skip.
    bool skipTo(QDate day);

    // Whether expansion uses this; tests turn it off to compare with libical alone.
    static bool enabled();
    static void setEnabled(bool enabled);

private:
    SimpleRecurrence() = default;
    bool fillPeriod();             // the candidates of the current period, into m_days
    void addMonthDays(QDate first); // MONTHLY: the days of one month that match
    bool isPast(QDate day) const;  // after UNTIL

    icalrecurrencetype_frequency m_freq = ICAL_NO_RECURRENCE;
    qint64 m_interval = 1;
    int m_count = 0;               // 0: no COUNT
    int m_emitted = 0;
    icaltimetype m_start{};
    QDate m_startDate;
    icaltimetype m_until{};        // null: no UNTIL
    QDate m_untilDate;
    qint64 m_period = 0;           // index of the current DAILY/WEEKLY/MONTHLY/YEARLY period
    qint64 m_periodOrigin = 0;     // day (DAILY/WEEKLY: Julian day of the first period's start),
                                   // month (MONTHLY: year * 12 + month - 1) or year (YEARLY)
    unsigned m_weekdays = 0;       // BYDAY without ordinal, bit (1 = Monday .. 7 = Sunday)
    unsigned m_months = 0;         // BYMONTH, bit 1..12; 0 = every month
    std::vector<std::pair<int, int>> m_ordinalDays; // BYDAY with ordinal: (position, weekday)
    std::vector<int> m_monthDays;  // BYMONTHDAY, -31..31 without 0
    std::array<int, 7> m_weekOffsets{}; // WEEKLY: days after WKST, ascending
    int m_weekOffsetCount = 0;
    QVarLengthArray<QDate, 64> m_days; // candidates of the current period, ascending
    size_t m_next = 0;
    bool m_done = false;
};

} // namespace fermata::ical
