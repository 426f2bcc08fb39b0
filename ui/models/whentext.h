#pragma once

#include <QDateTime>
#include <QLocale>
#include <QString>
#include <QTimeZone>

namespace fermata::WhenText {

// A near instant as a person reads it, in `zone`: "14:00" today, "tomorrow 09:00", "Tue 09:00"
// within a week, else "12 Mar 09:00". Empty for an invalid instant.
QString format(const QDateTime &instant, const QTimeZone &zone, const QDateTime &now);
// A recent instant, for "last synced" lines: "today 14:00", "Tue 09:00" within a week, else
// "Tue 12 Mar 09:00".
QString past(const QDateTime &instant, const QTimeZone &zone, const QDateTime &now);

// How a day is written, shortest first. The patterns come from the locale's own long date
// format ("Mon, Dec 7" in en_US, "Mo., 7. Dez." in de_DE); the C locale keeps Fermata's own
// ("Mon 7 Dec"), which the tests read.
enum class DayStyle {
    WeekdayDay,          // "Mon 7"
    DayMonth,            // "7 Dec"
    DayMonthYear,        // "7 Dec 2026"
    WeekdayDayMonth,     // "Mon 7 Dec"
    WeekdayDayMonthYear, // "Mon 7 Dec 2026"
    LongWeekdayDayMonth, // "Monday 7 December"
    Full,                // "Monday, 7 December 2026"
};
// A QDate/QDateTime format pattern for `style` in `locale`.
QString dayFormat(DayStyle style, const QLocale &locale = QLocale());
// The locale's short time pattern ("HH:mm", "h:mm AP"); "HH:mm" for the C locale.
QString timeFormat(const QLocale &locale = QLocale());
QString day(const QDate &date, DayStyle style, const QLocale &locale = QLocale());
QString time(const QTime &time, const QLocale &locale = QLocale());
// A day and a time: "Mon 7 Dec 14:00".
QString dayAndTime(const QDateTime &local, DayStyle style, const QLocale &locale = QLocale());

} // namespace fermata::WhenText
