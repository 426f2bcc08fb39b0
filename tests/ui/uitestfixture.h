#pragma once

#include "calendar/calendarservice.h"
#include "planning/planningservice.h"
#include "settings/preferences.h"
#include "tasks/taskservice.h"
#include "storage/database.h"
#include "storage/repositories.h"
#include "testsupport.h"
#include "time/clock.h"
#include "uicontext.h"

#include <memory>

namespace fermata::test {

// Real services on a database and settings file in a temporary folder, with a fake clock:
// what the app's composition root builds, minus the system clock.
struct UiServices
{
    // FirstRun keeps the first-run welcome (tst_welcome); other tests are someone who
    // already finished it, so it takes no room in the views they look at.
    enum class Welcome { Finished, FirstRun };

    UiServices(const TempDataDir &dir, const QDateTime &now, Welcome welcome = Welcome::Finished)
        : database(openOrDie(dir.databasePath()))
        , taskRepository(*database)
        , eventRepository(*database)
        , blockRepository(*database)
        , tasks(taskRepository, *database)
        , calendar(eventRepository, blockRepository)
        , preferences(QSettings::IniFormat, dir.filePath(QStringLiteral("fermata.ini")))
        , clock(now)
        , planning(*database, tasks, preferences, clock)
        , context{tasks, calendar, preferences, clock, planning}
    {
        if (const Status loaded = tasks.load(); !loaded)
            qFatal("Could not load tasks: %s", qPrintable(loaded.error().message));
        if (welcome == Welcome::Finished)
            preferences.setWelcomeFinished();
    }

    static std::unique_ptr<Database> openOrDie(const QString &path)
    {
        auto opened = Database::open(path);
        if (!opened)
            qFatal("Could not open %s: %s", qPrintable(path), qPrintable(opened.error().message));
        return std::move(opened).value();
    }

    std::unique_ptr<Database> database;
    TaskRepository taskRepository;
    CalendarEventRepository eventRepository;
    FocusBlockRepository blockRepository;
    TaskService tasks;
    CalendarService calendar;
    Preferences preferences;
    FakeClock clock;
    PlanningService planning;
    UiContext context;
};

inline QDateTime utc(int y, int m, int d, int hh, int mm = 0)
{
    return QDateTime(QDate(y, m, d), QTime(hh, mm), Qt::UTC);
}

} // namespace fermata::test
