#pragma once

#include "time/interval.h"

#include <QDateTime>
#include <QString>

class QDebug;

namespace fermata {

// A meeting or other calendar entry. Busy events block planning, widened by their buffers.
struct CalendarEvent
{
    qint64 id = 0;
    QString source;   // calendar it came from ("local", a file or subscription name)
    QString uid;      // iCalendar UID (+ recurrence id) for updates in place; may be empty
    QString title;
    QDateTime start;
    QDateTime end;
    bool allDay = false;
    bool busy = true;
    int bufferBeforeMinutes = 0;
    int bufferAfterMinutes = 0;

    Interval interval() const { return Interval::fromDateTimes(start, end); }
    // All-day events take their days, no more: buffers never spill into the next day.
    Interval busyInterval() const
    {
        if (allDay)
            return interval();
        return interval().widened(qint64(bufferBeforeMinutes) * 60000,
                                  qint64(bufferAfterMinutes) * 60000);
    }
    bool operator==(const CalendarEvent &) const = default;
};

QDebug operator<<(QDebug debug, const CalendarEvent &event);

} // namespace fermata
