#pragma once

#include "messaging/teamsync.h"

#include <QObject>

namespace fermata {

class MessageBar;

// Puts the team hub's state in the message bar ("Team hub unreachable — 3 messages waiting to
// sync") and the outcome of sends, edits and withdrawals; takes its message away again when
// the hub is back.
class TeamStatusPresenter final : public QObject
{
    Q_OBJECT
public:
    TeamStatusPresenter(TeamSync &team, MessageBar &bar, QObject *parent = nullptr);

private:
    void showStatus();
    void showOutcome(TeamSync::Operation operation, bool ok, const QString &message);

    TeamSync &m_team;
    MessageBar &m_bar;
    QString m_shown; // the status text this presenter put up, if it is still there
};

} // namespace fermata
