#include "appcore.h"

namespace fermata {

Result<std::unique_ptr<AppCore>> AppCore::open(const AppPaths &paths)
{
    auto database = Database::open(paths.databasePath());
    if (!database)
        return database.error();
    std::unique_ptr<AppCore> core(new AppCore(paths, std::move(database).value()));
    if (Status loaded = core->m_tasks.load(); !loaded)
        return loaded.error();
    if (Status loaded = core->m_attention->load(core->m_preferences.timeZoneId()); !loaded)
        return loaded.error();
    return core;
}

AppCore::AppCore(const AppPaths &paths, std::unique_ptr<Database> database)
    : m_paths(paths)
    , m_database(std::move(database))
    , m_taskRepository(*m_database)
    , m_eventRepository(*m_database)
    , m_blockRepository(*m_database)
    , m_tasks(m_taskRepository)
    , m_calendar(m_eventRepository, m_blockRepository)
    , m_preferences(QSettings::IniFormat, paths.settingsPath())
    , m_attention(std::make_unique<AttentionService>(*m_database, m_clock))
    , m_planning(std::make_unique<PlanningService>(*m_database, m_tasks, m_preferences, m_clock))
{
}

AppCore::~AppCore() = default;

} // namespace fermata
