#include "calendarhost.h"

#include "appcore.h"

#include <QDir>

namespace fermata {

CalendarHost::CalendarHost(AppCore &core, QObject *parent)
    : QObject(parent)
    , m_core(core)
    , m_sync(core.database(), core.clock(), core.preferences(),
             QDir(core.paths().dataDir()).filePath(QStringLiteral("calendars")))
{
    // The worker wrote the events through its own connection: tell the views and the planner.
    connect(&m_sync, &CalendarSync::eventsImported, &core.calendar(), &CalendarService::eventsChanged);
    connect(&core.calendar(), &CalendarService::focusBlocksChanged, &m_sync, &CalendarSync::scheduleAutoExport);
    connect(&core.planning(), &PlanningService::blocksChanged, &m_sync, &CalendarSync::scheduleAutoExport);
    connect(&core.attention(), &AttentionService::windowsChanged, &m_sync, &CalendarSync::scheduleAutoExport);
}

void CalendarHost::start()
{
    m_sync.start();
}

} // namespace fermata
