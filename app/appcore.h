#pragma once

#include "apppaths.h"
#include "attention/attentionservice.h"
#include "result.h"
#include "calendar/calendarservice.h"
#include "planning/planningservice.h"
#include "settings/preferences.h"
#include "tasks/taskservice.h"
#include "storage/database.h"
#include "storage/datachangewatcher.h"
#include "storage/repositories.h"
#include "time/clock.h"

#include <future>
#include <memory>

namespace fermata {

// The composition root of the core: the database, its repositories and the services over
// them, built once for the window or for one command-line call.
class AppCore final
{
public:
    // The window reads its tasks, and checks the file's integrity, on a worker thread over its
    // own connection, started as soon as the QApplication exists (never before: Qt's plugin
    // lookup is not safe against its constructor) — a year of tasks is most of what a
    // start-up reads. preloadTasks() starts it, open() takes it, finishLoading() waits for it and then
    // loads the attention engine, whose first run writes. Until then nothing may use tasks()
    // or attention(), or write. Without a preload, open() does all of it at once.
    using Preload = std::future<Result<QList<Task>>>;
    static Preload preloadTasks(const AppPaths &paths);
    static Result<std::unique_ptr<AppCore>> open(const AppPaths &paths, Preload preloaded = {});
    Status finishLoading();
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
    DataChangeWatcher &changes() { return m_changes; }

    // For long-running processes (the window, `fermata serve`): from now on, what other
    // processes write to the shared database reaches the services within a second.
    void followOtherProcesses();
    // Folders and files that other users could read and that open() made private (0700/0600).
    const QStringList &madePrivate() const { return m_madePrivate; }
    // One sentence about madePrivate(), empty when nothing changed.
    QString privacyNotice() const;

private:
    Status loadAttention();
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
    DataChangeWatcher m_changes;
    QStringList m_madePrivate;
    std::future<Result<QList<Task>>> m_pendingTasks;
};

} // namespace fermata
