#include "calendar/calendarservice.h"

#include "storage/repositories.h"

#include <QCoreApplication>

namespace {

// Messages people read, filed under the calendar context of the core's translations.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(fermata::Calendar)
};

} // namespace

namespace fermata {

CalendarService::CalendarService(CalendarEventRepository &events, FocusBlockRepository &blocks,
                                 QObject *parent)
    : QObject(parent), m_events(events), m_blocks(blocks)
{
}

Result<QList<CalendarEvent>> CalendarService::events(const Interval &range) const
{
    return m_events.overlapping(range);
}

Result<QList<FocusBlock>> CalendarService::focusBlocks(const Interval &range) const
{
    return m_blocks.overlapping(range);
}

Result<CalendarEvent> CalendarService::addEvent(CalendarEvent event)
{
    if (!event.start.isValid() || !event.end.isValid())
        return Result<CalendarEvent>::failure(Error::Code::Invalid,
                                              Text::tr("Give the event a start and an end."));
    if (event.end <= event.start)
        return Result<CalendarEvent>::failure(Error::Code::Invalid,
                                              Text::tr("The event ends before it starts: "
                                                       "move its end after its start."));
    if (event.bufferBeforeMinutes < 0 || event.bufferAfterMinutes < 0)
        return Result<CalendarEvent>::failure(Error::Code::Invalid,
                                              Text::tr("Buffers around an event cannot be "
                                                       "negative."));
    const auto id = m_events.add(event);
    if (!id)
        return id.error();
    event.id = *id;
    Q_EMIT eventsChanged();
    return event;
}

} // namespace fermata
