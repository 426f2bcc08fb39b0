#pragma once

#include "model/calendarevent.h"
#include "model/focusblock.h"
#include "result.h"
#include "time/interval.h"

#include <QObject>

namespace fermata {

class CalendarEventRepository;
class FocusBlockRepository;

// Read side of the calendar for the timeline views: events and focus blocks in a range.
class CalendarService final : public QObject
{
    Q_OBJECT
public:
    CalendarService(CalendarEventRepository &events, FocusBlockRepository &blocks,
                    QObject *parent = nullptr);

    Result<QList<CalendarEvent>> events(const Interval &range) const;
    Result<QList<FocusBlock>> focusBlocks(const Interval &range) const;

    Result<CalendarEvent> addEvent(CalendarEvent event);

Q_SIGNALS:
    void eventsChanged();
    void focusBlocksChanged();

private:
    CalendarEventRepository &m_events;
    FocusBlockRepository &m_blocks;
};

} // namespace fermata
