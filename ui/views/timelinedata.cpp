#include "views/timelinedata.h"

#include "attention/attentionservice.h"
#include "calendar/calendarservice.h"
#include "planning/planningservice.h"
#include "settings/preferences.h"
#include "tasks/taskservice.h"
#include "uicontext.h"
#include "widgets/calendarcolors.h"

#include <QCoreApplication>

namespace fermata::TimelineData {

Result<QList<TimelineEntry>> entries(const UiContext &context, const Interval &range)
{
    const auto events = context.calendar.events(range);
    if (!events)
        return events.error();
    const auto blocks = context.calendar.focusBlocks(range);
    if (!blocks)
        return blocks.error();

    QList<TimelineEntry> result;
    for (const CalendarEvent &event : *events) {
        if (event.allDay)
            continue;
        TimelineEntry entry{TimelineEntry::Kind::Event, event.interval(), event.title, 0, 0, false, QString()};
        if (event.source != u"local") {
            entry.calendar = event.source;
            entry.color = CalendarColors::forSource(event.source);
        }
        result.append(entry);
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
    const auto loaded = entries(context, day);
    timeline.setEntries(loaded ? *loaded : QList<TimelineEntry>{});
    return loaded ? QString() : loaded.error().message;
}

} // namespace fermata::TimelineData
