#pragma once

#include "messaging/teamattentionbridge.h"
#include "messaging/teamsync.h"

#include <QObject>

namespace fermata {

class AppCore;
class AttentionHost;

// The team hub beside a running attention engine, for the window and for `fermata serve`
// alike: a TeamSync on its own thread (messages pushed, released ones fetched into the Inbox
// at the window, nudges, the directory) joined to the engine by a TeamAttentionBridge, and
// kept current with what this process and others change (sender zone, outbox, shared tasks).
class TeamHost final : public QObject
{
    Q_OBJECT
public:
    TeamHost(AppCore &core, AttentionHost &attention, QObject *parent = nullptr);

    TeamSync &sync() { return m_sync; }
    // Connects to the hub when joined, then keeps in sync. Call once the engine has started.
    void start();

Q_SIGNALS:
    // Something the person should hear about (an acknowledgement or window publish failed).
    void failed(const QString &message);

private:
    TeamSync m_sync;
    TeamAttentionBridge m_bridge;
};

} // namespace fermata
