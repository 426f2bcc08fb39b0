#pragma once

namespace fermata {

class CalendarService;
class Clock;
class PlanningService;
class Preferences;
class TaskService;

// The core services the front end observes and asks to act; built by the app's
// composition root and outliving every widget.
struct UiContext
{
    TaskService &tasks;
    CalendarService &calendar;
    Preferences &preferences;
    const Clock &clock;
    PlanningService &planning;
};

} // namespace fermata
