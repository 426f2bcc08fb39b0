#pragma once

#include <QDate>
#include <QLocale>
#include <QString>

namespace fermata::localtext {

// Day and month names for sentences people read, in their language: QLocale's default, which
// is the system locale unless the app set another ("Mon"/"Jan" in English and in the C locale
// the tests pin, "Mo."/"Jan." in German).
inline QString shortDay(const QDate &date)
{
    return QLocale().dayName(date.dayOfWeek(), QLocale::ShortFormat);
}

inline QString shortMonth(int month)
{
    return QLocale().monthName(month, QLocale::ShortFormat);
}

} // namespace fermata::localtext
