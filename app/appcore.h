#pragma once

#include "apppaths.h"
#include "attention/attentionservice.h"
#include "result.h"
#include "services/calendarservice.h"
#include "services/planningservice.h"
#include "services/preferences.h"
#include "services/taskservice.h"
#include "storage/database.h"
#include "storage/repositories.h"
#include "time/clock.h"

#include <memory>

namespace fermata {

// The composition root of the core: the database, its repositories and the services over
// them, built once for the window or for one command-line call.
class AppCore final
{
public:
    static Result<std::unique_ptr<AppCore>> open(const AppPaths &paths);
    ~AppCore();
    Q_DISABLE_COPY_MOVE(AppCore)

    const AppPaths &paths() const { return m_paths; }
    Database &database() { return *m_database; }
    TaskService &tasks() { return m_tasks; }
    CalendarService &calendar() { return m_calendar; }
    Preferences &preferences() { return m_preferences; }
    const Clock &clock() const { return m_clock; }
    CalendarEventRepository &eventRepository() { return m_eventRepository; }
    FocusBlockRepository &focusBlockRepository() { return m_blockRepository; }
    AttentionService &attention() { return *m_attention; }
    PlanningService &planning() { return *m_planning; }

private:
    AppCore(const AppPaths &paths, std::unique_ptr<Database> database);

    AppPaths m_paths;
    std::unique_ptr<Database> m_database;
    SystemClock m_clock;
    TaskRepository m_taskRepository;
    CalendarEventRepository m_eventRepository;
    FocusBlockRepository m_blockRepository;
    TaskService m_tasks;
    CalendarService m_calendar;
    Preferences m_preferences;
    std::unique_ptr<AttentionService> m_attention; // windows, batching, Inbox
    std::unique_ptr<PlanningService> m_planning;   // focus blocks from tasks and calendar
};

} // namespace fermata
