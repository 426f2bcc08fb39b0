#include "planning/daystatus.h"

#include <QLocale>
#include <QTimeZone>

namespace fermata {

namespace {

constexpr qint64 msPerDay = qint64(24) * 3600 * 1000;
// Far enough ahead to find the next working day after any run of days off.
constexpr qint64 lookAheadMs = 8 * msPerDay;

QTimeZone zoneOf(const WorkingHours &hours)
{
    const QTimeZone zone(hours.zoneId);
    return zone.isValid() ? zone : QTimeZone::systemTimeZone();
}

QString clockText(const QDateTime &local)
{
    return local.time().toString(QStringLiteral("HH:mm"));
}

std::optional<FocusBlock> blockAt(const QList<FocusBlock> &blocks, qint64 ms)
{
    for (const FocusBlock &block : blocks) {
        if (block.interval().contains(ms))
            return block;
    }
    return std::nullopt;
}

std::optional<FocusBlock> nextBlockWithin(const QList<FocusBlock> &blocks, const Interval &span)
{
    std::optional<FocusBlock> next;
    for (const FocusBlock &block : blocks) {
        const qint64 start = block.interval().startMs();
        if (span.contains(start) && (!next || start < next->interval().startMs()))
            next = block;
    }
    return next;
}

} // namespace

QString DayStatus::text(const WorkingHours &hours, const QDateTime &now,
                        const QList<FocusBlock> &blocks)
{
    const QTimeZone zone = zoneOf(hours);
    const QDate today = now.toTimeZone(zone).date();
    const qint64 nowMs = now.toMSecsSinceEpoch();

    // "Today", "tomorrow" or a weekday name, relative to the person's wall-clock date.
    const auto when = [&](const QDateTime &instant) {
        const QDateTime local = instant.toTimeZone(zone);
        const qint64 days = today.daysTo(local.date());
        if (days == 0)
            return clockText(local);
        if (days == 1)
            return tr("%1 tomorrow").arg(clockText(local));
        return tr("%1 %2").arg(QLocale().dayName(local.date().dayOfWeek(), QLocale::ShortFormat),
                               clockText(local));
    };

    if (const auto block = blockAt(blocks, nowMs))
        return tr("Focus until %1").arg(when(block->end));

    const IntervalSet work = hours.expand(Interval(nowMs - msPerDay, nowMs + lookAheadMs));
    for (const Interval &span : work) {
        if (span.contains(nowMs)) {
            const QString until = tr("Working until %1").arg(when(span.end()));
            if (const auto next = nextBlockWithin(blocks, span))
                return tr("%1 · next focus %2").arg(until, when(next->start));
            return until;
        }
        if (span.startMs() > nowMs) {
            if (!hours.day(Qt::DayOfWeek(today.dayOfWeek())).working)
                return tr("Day off · starts %1").arg(when(span.start()));
            return tr("Starts %1").arg(when(span.start()));
        }
    }
    return tr("No working hours set");
}

} // namespace fermata
