#pragma once

#include "caldav/caldavsync.h"
#include "calendar/calendarsync.h"

#include <QObject>

namespace fermata {

class AppCore;

// The window's calendar interop: a CalendarSync over the profile's database with its cache
// folder <dataDir>/calendars, wired so imports and refreshes redraw the timeline and re-check
// the plan (CalendarService::eventsChanged), and the exported file follows focus blocks and
// check-in windows; and CalDAV (CalDavSync), synced on a timer and soon after focus blocks
// change here or in another process.
class CalendarHost final : public QObject
{
    Q_OBJECT
public:
    explicit CalendarHost(AppCore &core, QObject *parent = nullptr);

    CalendarSync &sync() { return m_sync; }
    CalDavSync &caldav() { return m_caldav; }
    // Refreshes due subscriptions and re-expands drifted file calendars, then keeps checking.
    // Call after the window's first paint.
    void start();

private:
    AppCore &m_core;
    CalendarSync m_sync;
    CalDavSync m_caldav;
};

} // namespace fermata
