#include "models/whentext.h"

#include <QCoreApplication>
#include <QLocale>

namespace fermata::WhenText {

QString format(const QDateTime &instant, const QTimeZone &zone, const QDateTime &now)
{
    if (!instant.isValid())
        return {};
    const QDateTime local = instant.toTimeZone(zone);
    const QDate today = now.toTimeZone(zone).date();
    const QString time = local.time().toString(QStringLiteral("HH:mm"));
    const qint64 days = today.daysTo(local.date());
    if (days == 0)
        return time;
    if (days == 1)
        return QCoreApplication::translate("fermata::WhenText", "tomorrow %1").arg(time);
    if (days > 1 && days < 7)
        return QCoreApplication::translate("fermata::WhenText", "%1 %2")
            .arg(QLocale().dayName(local.date().dayOfWeek(), QLocale::ShortFormat), time);
    return QCoreApplication::translate("fermata::WhenText", "%1 %2")
        .arg(QLocale().toString(local.date(), QStringLiteral("d MMM")), time);
}

QString past(const QDateTime &instant, const QTimeZone &zone, const QDateTime &now)
{
    const QDateTime local = instant.toTimeZone(zone);
    const QDateTime today = now.toTimeZone(zone);
    const QLocale locale;
    if (local.date() == today.date())
        return QCoreApplication::translate("fermata::WhenText", "today %1")
            .arg(locale.toString(local.time(), QStringLiteral("HH:mm")));
    if (qAbs(local.daysTo(today)) < 6)
        return locale.toString(local, QStringLiteral("ddd HH:mm"));
    return locale.toString(local, QStringLiteral("ddd d MMM HH:mm"));
}

} // namespace fermata::WhenText
