#include "views/timelinedata.h"

#include "attention/attentionservice.h"
#include "calendar/calendarservice.h"
#include "planning/planningservice.h"
#include "settings/preferences.h"
#include "tasks/taskservice.h"
#include "uicontext.h"
#include "widgets/calendarcolors.h"

#include <QCoreApplication>

#include <algorithm>

namespace fermata::TimelineData {

Result<QList<TimelineEntry>> entries(const UiContext &context, const Interval &range, QList<AllDayEntry> *allDay)
{
    const auto events = context.calendar.events(range);
    if (!events)
        return events.error();
    const auto blocks = context.calendar.focusBlocks(range);
    if (!blocks)
        return blocks.error();

    QList<TimelineEntry> result;
    for (const CalendarEvent &event : *events) {
        const bool imported = event.source != u"local";
        if (event.allDay) {
            if (allDay)
                allDay->append({event.title, event.busy, imported ? event.source : QString(),
                                imported ? CalendarColors::forSource(event.source) : QColor()});
            continue;
        }
        TimelineEntry entry{TimelineEntry::Kind::Event, event.interval(), event.title, 0, 0, false, QString()};
        entry.busy = event.busy;
        if (imported) {
            entry.calendar = event.source;
            entry.color = CalendarColors::forSource(event.source);
        }
        result.append(entry);
    }
    if (allDay) {
        // What takes the day first, then by title, so the lane reads the same on every reload.
        std::stable_sort(allDay->begin(), allDay->end(), [](const AllDayEntry &a, const AllDayEntry &b) {
            return a.busy != b.busy ? a.busy : a.title.localeAwareCompare(b.title) < 0;
        });
    }
    for (const FocusBlock &block : *blocks) {
        const auto task = context.tasks.task(block.taskId);
        const QString title = task ? task->title
                                   : QCoreApplication::translate("fermata::TimelineData",
                                                                 "Focus");
        result.append({TimelineEntry::Kind::Focus, block.interval(), title, block.taskId, block.id,
                       block.pinned, context.planning.blockReason(block.id)});
    }
    return result;
}

QString load(DayTimeline &timeline, const UiContext &context, QDate date)
{
    const WorkingHours hours = context.preferences.workingHours();
    timeline.setDay(date, context.preferences.timeZone());
    const Interval day = timeline.dayRange();
    timeline.setWorkingHours(hours.expand(day));
    timeline.setCheckInWindows(context.attention ? context.attention->windowsIn(day) : IntervalSet());
    QList<AllDayEntry> allDay;
    const auto loaded = entries(context, day, &allDay);
    timeline.setEntries(loaded ? *loaded : QList<TimelineEntry>{});
    timeline.setAllDayEntries(allDay);
    return loaded ? QString() : loaded.error().message;
}

} // namespace fermata::TimelineData
