#pragma once

namespace fermata {

class AttentionService;
class CalDavSync;
class CalendarService;
class CalendarSync;
class Clock;
class DndController;
class FocusSession;
class InsightsSource;
class PlanningService;
class Preferences;
class TaskService;
class TeamSync;

// The core services the front end observes and asks to act; built by the app's
// composition root and outliving every widget.
struct UiContext
{
    TaskService &tasks;
    CalendarService &calendar;
    Preferences &preferences;
    const Clock &clock;
    PlanningService &planning;

    // Engines the window shows when the app runs them; null where a test leaves them out.
    AttentionService *attention = nullptr; // check-in windows, held items, Inbox
    FocusSession *focus = nullptr;         // focus mode (tray countdown, end prompt)
    const DndController *dnd = nullptr;    // which desktop Do-Not-Disturb is in use
    CalendarSync *calendarSync = nullptr;  // imports, subscriptions, export (calendar worker)
    CalDavSync *caldav = nullptr;          // CalDAV accounts: read meetings, write focus blocks
    TeamSync *team = nullptr;            // team hub: outbox, directory (own thread)
    InsightsSource *insights = nullptr;  // Insights figures (own thread and connection)
};

} // namespace fermata
