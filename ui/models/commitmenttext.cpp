#include "models/commitmenttext.h"
#include "models/whentext.h"

#include <QCoreApplication>
#include <QLocale>

namespace fermata::CommitmentText {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("fermata::CommitmentText", text);
}

// "today", "tomorrow", "Wed" within the coming week, else "Wed 16 Dec" (with the year when
// it is not this year's).
QString dayText(const QDate &day, const QDate &today)
{
    const qint64 ahead = today.daysTo(day);
    if (ahead == 0)
        return tr("today");
    if (ahead == 1)
        return tr("tomorrow");
    const QLocale locale;
    if (ahead > 1 && ahead < 7)
        return locale.dayName(day.dayOfWeek(), QLocale::ShortFormat);
    return WhenText::day(day, day.year() == today.year() ? WhenText::DayStyle::WeekdayDayMonth
                                                        : WhenText::DayStyle::WeekdayDayMonthYear, locale);
}

} // namespace

QString progress(const Commitment &commitment, const QDateTime &now, const QTimeZone &zone)
{
    switch (commitment.status) {
    case Commitment::Status::Done:
        return tr("done");
    case Commitment::Status::Dropped:
        return tr("dropped");
    case Commitment::Status::Planned:
    case Commitment::Status::InProgress:
        break;
    }
    const QDate today = now.toTimeZone(zone).date();
    // The finish day is a date in the owner's zone; a day's difference is not worth a warning.
    if (commitment.finishDay.isValid())
        return tr("planned to finish %1").arg(dayText(commitment.finishDay, today));
    if (commitment.due.isValid())
        return tr("not planned yet, due %1").arg(dayText(commitment.due.toTimeZone(zone).date(), today));
    return tr("not planned yet");
}

QString choice(const TeammateCommitment &commitment, const QDateTime &now, const QTimeZone &zone)
{
    return tr("%1: %2 — %3").arg(commitment.displayName(), commitment.commitment.title,
                                 progress(commitment.commitment, now, zone));
}

QString after(const TeammateCommitment &commitment, const QDateTime &now, const QTimeZone &zone)
{
    return tr("after %1’s ‘%2’ (%3)").arg(commitment.displayName(), commitment.commitment.title,
                                         progress(commitment.commitment, now, zone));
}

} // namespace fermata::CommitmentText
