#pragma once

#include "team/teamtypes.h"

#include <QObject>

#include <optional>

namespace fermata {

// The team as this client last saw it: teammates with their zone and check-in windows, and
// the team windows. Data for the Team view and for the composer's offline preview. No
// presence: it never says who is online.
class TeamDirectory final : public QObject
{
    Q_OBJECT
public:
    explicit TeamDirectory(QObject *parent = nullptr) : QObject(parent) {}

    void reset(const QList<HubMember> &members, const QList<HubWindow> &windows, qint64 myId);

    qint64 myId() const { return m_myId; }
    std::optional<HubMember> me() const { return member(m_myId); }
    QList<HubMember> members() const { return m_members; }   // active and not, me included
    QList<HubMember> teammates() const;                      // active, without me
    QList<HubWindow> windows() const { return m_windows; }
    QList<HubWindow> teamWindows() const;
    QList<HubWindow> windowsOf(qint64 memberId) const;       // their own, not the team's
    QList<WeeklyRule> rulesFor(qint64 memberId) const;       // own + team, for release times
    // The same for any copy of the team's windows (a snapshot on the GUI thread).
    static QList<WeeklyRule> rulesFor(qint64 memberId, const QList<HubWindow> &windows);
    std::optional<HubMember> member(qint64 id) const;
    // By role, email or name (case-insensitive); active members only.
    std::optional<HubMember> find(const QString &who) const;

Q_SIGNALS:
    void changed();

private:
    QList<HubMember> m_members;
    QList<HubWindow> m_windows;
    qint64 m_myId = 0;
};

} // namespace fermata
