#pragma once

#include "planning/planner.h"

#include <QTimeZone>

// Small builders for plan requests: one week from Monday 2024-03-04 (UTC), 09:00-17:00.
namespace fermata::test {

inline QDateTime at(int day, int hour, int minute = 0)
{
    return QDateTime(QDate(2024, 3, 4).addDays(day), QTime(hour, minute), Qt::UTC);
}

inline PlanRequest week(int days = 5)
{
    PlanRequest r;
    r.horizon = Interval::fromDateTimes(at(0, 0), at(days, 0));
    r.zoneId = "UTC";
    r.workingRules.append(WeeklyRule(WeeklyRule::Weekdays, QTime(9, 0), QTime(17, 0), "UTC"));
    r.settings.slotMinutes = 15;
    return r;
}

inline Task task(qint64 id, int minutes, Priority p = Priority::P2, QString title = QString())
{
    Task t;
    t.id = id;
    t.title = title.isEmpty() ? QStringLiteral("Task %1").arg(id) : title;
    t.estimateMinutes = minutes;
    t.remainingMinutes = minutes;
    t.priority = p;
    t.minChunkMinutes = 30;
    t.maxChunkMinutes = 120;
    return t;
}

inline CalendarEvent meeting(QString title, QDateTime start, QDateTime end, int buffer = 0)
{
    CalendarEvent e;
    e.title = std::move(title);
    e.start = start;
    e.end = end;
    e.bufferBeforeMinutes = buffer;
    e.bufferAfterMinutes = buffer;
    return e;
}

} // namespace fermata::test
