#pragma once

#include "model/message.h"
#include "time/weeklyrule.h"

#include <QObject>

namespace fermata {

class AttentionService;
class TeamSync;

// Joins the team hub to the attention engine: my personal check-in windows are published to
// the team when they change; the team's windows come back into my schedule; a teammate's
// message I mark done is acknowledged to its sender. (Received messages enter the Inbox in the
// core, as they are stored: see teaminbox.h.)
class TeamAttentionBridge final : public QObject
{
    Q_OBJECT
public:
    TeamAttentionBridge(TeamSync &team, AttentionService &attention, QObject *parent = nullptr);

Q_SIGNALS:
    void failed(const QString &message);

private:
    void publishIfChanged();
    void takeTeamWindows();

    TeamSync &m_team;
    AttentionService &m_attention;
    QList<WeeklyRule> m_publishing; // sent to the hub, not yet seen back in the directory
};

} // namespace fermata
