#include "models/whentext.h"

#include <QCoreApplication>
#include <QLocale>
#include <QRegularExpression>

namespace fermata::WhenText {

namespace {

bool isCLocale(const QLocale &locale)
{
    return locale.language() == QLocale::C;
}

QString cLocaleFormat(DayStyle style)
{
    switch (style) {
    case DayStyle::WeekdayDay: return QStringLiteral("ddd d");
    case DayStyle::DayMonth: return QStringLiteral("d MMM");
    case DayStyle::DayMonthYear: return QStringLiteral("d MMM yyyy");
    case DayStyle::WeekdayDayMonth: return QStringLiteral("ddd d MMM");
    case DayStyle::WeekdayDayMonthYear: return QStringLiteral("ddd d MMM yyyy");
    case DayStyle::LongWeekdayDayMonth: return QStringLiteral("dddd d MMMM");
    case DayStyle::Full: break;
    }
    return QStringLiteral("dddd, d MMMM yyyy");
}

// Removes the tokens `pattern` matches with the separators and quoted words ('de') that join
// them to their neighbours, then tidies what is left at either end.
QString withoutToken(QString format, const QString &token)
{
    // The period after a day number is the German ordinal ("7. Dez."): it stays. 年 joins the
    // year in Chinese and Japanese dates.
    const QString joiner = QStringLiteral("[\\s,./\\-年]*(?:'[^']*'[\\s,./\\-年]*)?");
    const QRegularExpression before(QStringLiteral("(?<!d)\\.?[\\s,/\\-]*(?:'[^']*'[\\s,/\\-]*)?") + token);
    const QRegularExpression leading(QStringLiteral("^") + token + joiner);
    if (leading.match(format).hasMatch())
        format.remove(leading);
    else
        format.remove(before);
    static const QRegularExpression edges(QStringLiteral("^[\\s,]+|[\\s,]+$"));
    return format.remove(edges);
}

} // namespace

QString dayFormat(DayStyle style, const QLocale &locale)
{
    if (isCLocale(locale))
        return cLocaleFormat(style);
    // The long format names everything ("dddd, d. MMMM yyyy"); each style drops or shortens parts.
    QString format = locale.dateFormat(QLocale::LongFormat);
    if (style == DayStyle::Full)
        return format;
    if (style != DayStyle::WeekdayDayMonthYear && style != DayStyle::DayMonthYear)
        format = withoutToken(format, QStringLiteral("y+"));
    if (style == DayStyle::DayMonth || style == DayStyle::DayMonthYear)
        format = withoutToken(format, QStringLiteral("d{4}"));
    if (style == DayStyle::WeekdayDay)
        format = withoutToken(format, QStringLiteral("M{3,4}"));
    if (style != DayStyle::LongWeekdayDayMonth) {
        format.replace(QStringLiteral("dddd"), QStringLiteral("ddd"));
        format.replace(QStringLiteral("MMMM"), QStringLiteral("MMM"));
    }
    return format;
}

QString timeFormat(const QLocale &locale)
{
    // The C locale's short format has seconds; nobody plans to the second.
    return isCLocale(locale) ? QStringLiteral("HH:mm") : locale.timeFormat(QLocale::ShortFormat);
}

QString day(const QDate &date, DayStyle style, const QLocale &locale)
{
    return locale.toString(date, dayFormat(style, locale));
}

QString time(const QTime &time, const QLocale &locale)
{
    return locale.toString(time, timeFormat(locale));
}

QString dayAndTime(const QDateTime &local, DayStyle style, const QLocale &locale)
{
    return QCoreApplication::translate("fermata::WhenText", "%1 %2", "a day, then a time")
        .arg(day(local.date(), style, locale), time(local.time(), locale));
}

QString format(const QDateTime &instant, const QTimeZone &zone, const QDateTime &now)
{
    if (!instant.isValid())
        return {};
    const QDateTime local = instant.toTimeZone(zone);
    const QDate today = now.toTimeZone(zone).date();
    const QString time = WhenText::time(local.time());
    const qint64 days = today.daysTo(local.date());
    if (days == 0)
        return time;
    if (days == 1)
        return QCoreApplication::translate("fermata::WhenText", "tomorrow %1").arg(time);
    if (days > 1 && days < 7)
        return QCoreApplication::translate("fermata::WhenText", "%1 %2")
            .arg(QLocale().dayName(local.date().dayOfWeek(), QLocale::ShortFormat), time);
    return QCoreApplication::translate("fermata::WhenText", "%1 %2")
        .arg(day(local.date(), DayStyle::DayMonth), time);
}

QString past(const QDateTime &instant, const QTimeZone &zone, const QDateTime &now)
{
    const QDateTime local = instant.toTimeZone(zone);
    const QDateTime today = now.toTimeZone(zone);
    const QLocale locale;
    if (local.date() == today.date())
        return QCoreApplication::translate("fermata::WhenText", "today %1")
            .arg(time(local.time(), locale));
    if (qAbs(local.daysTo(today)) < 6)
        return QCoreApplication::translate("fermata::WhenText", "%1 %2")
            .arg(locale.dayName(local.date().dayOfWeek(), QLocale::ShortFormat), time(local.time(), locale));
    return dayAndTime(local, DayStyle::WeekdayDayMonth, locale);
}

} // namespace fermata::WhenText
