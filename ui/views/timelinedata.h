#pragma once

#include "result.h"
#include "widgets/daytimeline.h"

namespace fermata {

struct UiContext;

// What a timeline shows for a range: meetings and focus blocks from CalendarService, titled
// from TaskService. All-day events are left out of the hour grid.
namespace TimelineData {

Result<QList<TimelineEntry>> entries(const UiContext &context, const Interval &range);
// Loads the day into the timeline; an error message (for the message bar) when loading failed.
QString load(DayTimeline &timeline, const UiContext &context, QDate date);

} // namespace TimelineData

} // namespace fermata
