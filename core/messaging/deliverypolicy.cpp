#include "messaging/deliverypolicy.h"

#include <QCoreApplication>
#include <QLocale>

namespace {

// Messages people read, filed under the messaging context of the core's translations.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(fermata::Messaging)
};

} // namespace

namespace fermata::deliverypolicy {

QDateTime releaseTime(const QList<WeeklyRule> &rules, const QDateTime &sentAt)
{
    const qint64 after = sentAt.toMSecsSinceEpoch();
    const Interval range(after, after + horizonMs);
    IntervalSet open;
    for (const WeeklyRule &rule : rules)
        open = open.united(rule.expand(range));
    if (open.isEmpty())
        return QDateTime::fromMSecsSinceEpoch(after, Qt::UTC);
    return QDateTime::fromMSecsSinceEpoch(open.intervals().constFirst().startMs(), Qt::UTC);
}

QString describe(const QDateTime &releaseAt, const QDateTime &now, const QTimeZone &senderZone,
                 const QTimeZone &recipientZone)
{
    if (releaseAt <= now.addSecs(1))
        return Text::tr("Delivered now");
    const QLocale c; // the person's language for the day name
    const QDateTime mine = releaseAt.toTimeZone(senderZone);
    const QDateTime theirs = releaseAt.toTimeZone(recipientZone);
    const bool today = mine.date() == now.toTimeZone(senderZone).date();
    const QString when = today ? c.toString(mine, QStringLiteral("HH:mm"))
                               : c.toString(mine, QStringLiteral("ddd HH:mm"));
    if (mine.offsetFromUtc() == theirs.offsetFromUtc())
        return Text::tr("Delivered %1").arg(when);
    const bool sameDay = theirs.date() == mine.date();
    const QString theirWhen = sameDay ? c.toString(theirs, QStringLiteral("HH:mm"))
                                      : c.toString(theirs, QStringLiteral("ddd HH:mm"));
    return Text::tr("Delivered %1 (their %2)").arg(when, theirWhen);
}

} // namespace fermata::deliverypolicy
