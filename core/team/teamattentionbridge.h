#pragma once

#include "model/message.h"
#include "time/weeklyrule.h"

#include <QObject>

namespace fermata {

class AttentionService;
class Clock;
class TeamWorker;

// Joins the team hub to the attention engine: received messages go through the batcher like
// every other source (held for MY next window, ingested once by uuid); my personal check-in
// windows are published to the team when they change; the team's windows come back into my
// schedule.
class TeamAttentionBridge final : public QObject
{
    Q_OBJECT
public:
    static constexpr auto source = "team"; // InboxItem source of teammates' messages

    TeamAttentionBridge(TeamWorker &team, AttentionService &attention, const Clock &clock,
                        QObject *parent = nullptr);

    // The inbox uuid of a hub message: stable, so a message is stored once.
    static QString inboxUuid(const Message &message);

Q_SIGNALS:
    void failed(const QString &message);

private:
    void ingest(const QList<Message> &messages);
    void publishIfChanged();
    void takeTeamWindows();

    TeamWorker &m_team;
    AttentionService &m_attention;
    const Clock &m_clock;
    QList<WeeklyRule> m_publishing; // sent to the hub, not yet seen back in the directory
};

} // namespace fermata
