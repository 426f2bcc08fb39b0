#include "teamhost.h"

#include "appcore.h"
#include "attentionhost.h"

#include <QDir>

namespace fermata {

TeamHost::TeamHost(AppCore &core, AttentionHost &attention, QObject *parent)
    : QObject(parent)
    , m_sync({core.paths().databasePath(), QDir(core.paths().dataDir()).filePath(QStringLiteral("hub-secrets.json")),
              core.preferences().timeZone()},
             core.clock())
    , m_bridge(m_sync, attention.attention())
{
    connect(&m_bridge, &TeamAttentionBridge::failed, this, &TeamHost::failed);
    connect(&core.preferences(), &Preferences::workingHoursChanged, &m_sync,
            [this, &core] { m_sync.setSenderZone(core.preferences().timeZone()); });
    // What `fermata` commands and the other processes on this folder write (a message sent,
    // a hub joined or left) reaches the hub from here within a second.
    connect(&core.changes(), &DataChangeWatcher::teamChanged, &m_sync, &TeamSync::reloadFromStorage);
    // A task, plan or focus session changed in this process: storage marked any shared task
    // among them for the hub in the same transaction; push it now, not at the next sync.
    const auto pushShared = [this] { m_sync.reloadFromStorage(); };
    connect(&core.tasks(), &TaskService::taskChanged, &m_sync, pushShared);
    connect(&core.tasks(), &TaskService::taskRemoved, &m_sync, pushShared);
    connect(&core.planning(), &PlanningService::blocksChanged, &m_sync, pushShared);
    connect(&attention.focus(), &FocusSession::started, &m_sync, pushShared);
}

void TeamHost::start()
{
    m_sync.start();
}

} // namespace fermata
