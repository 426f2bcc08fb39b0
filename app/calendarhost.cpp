#include "calendarhost.h"

#include "appcore.h"
#include "commands/caldavcommand.h"

#include <QDir>

namespace fermata {

CalendarHost::CalendarHost(AppCore &core, QObject *parent)
    : QObject(parent)
    , m_core(core)
    , m_sync(core.database(), core.clock(), core.preferences(),
             QDir(core.paths().dataDir()).filePath(QStringLiteral("calendars")))
    , m_caldav(core.database(), core.clock(), calDavSecretsPath(core.paths()))
{
    // The worker wrote the events through its own connection: tell the views and the planner.
    connect(&m_sync, &CalendarSync::eventsImported, &core.calendar(), &CalendarService::eventsChanged);
    connect(&core.calendar(), &CalendarService::focusBlocksChanged, &m_sync, &CalendarSync::scheduleAutoExport);
    connect(&core.planning(), &PlanningService::blocksChanged, &m_sync, &CalendarSync::scheduleAutoExport);
    connect(&core.attention(), &AttentionService::windowsChanged, &m_sync, &CalendarSync::scheduleAutoExport);

    // CalDAV reads meetings with the file import's rules: the person's zone and addresses.
    const IcalReadOptions options = m_sync.interop().readOptions(QString());
    m_caldav.setFloatingZone(options.floatingZone);
    m_caldav.setUserAddresses(options.userAddresses);
    connect(&m_caldav, &CalDavSync::eventsImported, &core.calendar(), &CalendarService::eventsChanged);
    connect(&core.calendar(), &CalendarService::focusBlocksChanged, &m_caldav, &CalDavSync::scheduleSync);
    connect(&core.planning(), &PlanningService::blocksChanged, &m_caldav, &CalDavSync::scheduleSync);
    // Blocks planned by another process (and this one's imports: one cheap extra pass).
    connect(&core.changes(), &DataChangeWatcher::calendarChanged, &m_caldav, &CalDavSync::scheduleSync);
    // Accounts added or changed by `fermata caldav`: the Calendars page shows them.
    connect(&core.changes(), &DataChangeWatcher::caldavChanged, &m_caldav, &CalDavSync::accountsChanged);
}

void CalendarHost::start()
{
    m_sync.start();
    m_caldav.start();
}

} // namespace fermata
