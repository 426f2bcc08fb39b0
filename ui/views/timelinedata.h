#pragma once

#include "result.h"
#include "widgets/daytimeline.h"

namespace fermata {

struct UiContext;

// What a timeline shows for a range: meetings and focus blocks from CalendarService, titled
// from TaskService. All-day events go to the all-day lane, not the hour grid.
namespace TimelineData {

// The range's entries for the hour grid; its all-day events (busy first) into `allDay` if given.
Result<QList<TimelineEntry>> entries(const UiContext &context, const Interval &range,
                                     QList<AllDayEntry> *allDay = nullptr);
// Loads the day into the timeline; an error message (for the message bar) when loading failed.
QString load(DayTimeline &timeline, const UiContext &context, QDate date);

} // namespace TimelineData

} // namespace fermata
