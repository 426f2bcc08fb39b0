#include "appcore.h"

#include "storage/privatefiles.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace fermata {

AppCore::Preload AppCore::preloadTasks(const AppPaths &paths)
{
    return std::async(std::launch::async, [database = paths.databasePath()]() -> Result<QList<Task>> {
        auto own = Database::open(database); // checks the file; a connection belongs to its thread
        if (!own)
            return own.error();
        return TaskRepository(**own).all();
    });
}

Result<std::unique_ptr<AppCore>> AppCore::open(const AppPaths &paths, Preload preloaded)
{
    // Installs from before everything was private: their folders and files become so now.
    const QString data = paths.dataDir();
    const QString database = paths.databasePath();
    const QStringList madePrivate = privatefiles::tighten(
        {data, QFileInfo(paths.settingsPath()).absolutePath(), QDir(data).filePath(QStringLiteral("calendars"))},
        {database, database + QStringLiteral("-wal"), database + QStringLiteral("-shm"),
         paths.settingsPath(), QDir(data).filePath(QStringLiteral("hub-secrets.json"))});
    const bool background = preloaded.valid();
    // With a preload, its own open() runs the integrity check; finishLoading() waits for it
    // before anything here writes (the attention engine's first-run defaults are the first).
    auto opened = background ? Database::openCheckedElsewhere(database) : Database::open(database);
    if (!opened)
        return opened.error();
    std::unique_ptr<AppCore> core(new AppCore(paths, std::move(opened).value()));
    core->m_madePrivate = madePrivate;
    if (background) {
        core->m_pendingTasks = std::move(preloaded);
        return core;
    }
    if (Status loaded = core->m_tasks.load(); !loaded)
        return loaded.error();
    if (Status loaded = core->loadAttention(); !loaded)
        return loaded.error();
    return core;
}

Status AppCore::loadAttention()
{
    // First-run check-in windows on the working days only: a day off has nothing to check.
    quint8 workingDays = 0;
    const WorkingHours hours = m_preferences.workingHours();
    for (int day = Qt::Monday; day <= Qt::Sunday; ++day) {
        if (hours.day(Qt::DayOfWeek(day)).working)
            workingDays |= WeeklyRule::dayBit(Qt::DayOfWeek(day));
    }
    return m_attention->load(m_preferences.timeZoneId(), workingDays);
}

Status AppCore::finishLoading()
{
    if (!m_pendingTasks.valid())
        return {};
    Result<QList<Task>> tasks = m_pendingTasks.get();
    if (!tasks)
        return tasks.error(); // a damaged file among them, untouched
    m_tasks.reset(std::move(tasks).value());
    return loadAttention();
}

AppCore::AppCore(const AppPaths &paths, std::unique_ptr<Database> database)
    : m_paths(paths)
    , m_database(std::move(database))
    , m_taskRepository(*m_database)
    , m_eventRepository(*m_database)
    , m_blockRepository(*m_database)
    , m_tasks(m_taskRepository, *m_database)
    , m_calendar(m_eventRepository, m_blockRepository)
    , m_preferences(QSettings::IniFormat, paths.settingsPath())
    , m_attention(std::make_unique<AttentionService>(*m_database, m_clock))
    , m_planning(std::make_unique<PlanningService>(*m_database, m_tasks, m_preferences, m_clock))
    , m_changes(*m_database)
{
}

QString AppCore::privacyNotice() const
{
    if (m_madePrivate.isEmpty())
        return {};
    return QCoreApplication::translate("fermata", "Your Fermata data is now private to you: other users "
                                                  "on this computer could read %1 until now.")
        .arg(m_madePrivate.join(QStringLiteral(", ")));
}

void AppCore::followOtherProcesses()
{
    QObject::connect(&m_changes, &DataChangeWatcher::tasksChanged, &m_tasks, [this] {
        if (Status s = m_tasks.reloadChanges(); !s)
            qWarning("%s", qPrintable(s.error().message));
    });
    QObject::connect(&m_changes, &DataChangeWatcher::calendarChanged, &m_calendar, [this] {
        Q_EMIT m_calendar.eventsChanged();
        Q_EMIT m_calendar.focusBlocksChanged();
    });
    QObject::connect(&m_changes, &DataChangeWatcher::inboxChanged, m_attention.get(),
                     &AttentionService::takeInboxChanges);
    QObject::connect(&m_changes, &DataChangeWatcher::attentionChanged, m_attention.get(), [this] {
        if (Status s = m_attention->takeSettingsChanges(); !s)
            Q_EMIT m_attention->failed(s.error());
    });
    m_changes.start();
}

AppCore::~AppCore() = default;

} // namespace fermata
