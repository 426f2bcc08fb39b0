#include "team/teamdirectory.h"


namespace fermata {

void TeamDirectory::reset(const QList<HubMember> &members, const QList<HubWindow> &windows, qint64 myId)
{
    if (members == m_members && windows == m_windows && myId == m_myId)
        return;
    m_members = members;
    m_windows = windows;
    m_myId = myId;
    Q_EMIT changed();
}

QList<HubMember> TeamDirectory::teammates() const
{
    QList<HubMember> list;
    for (const HubMember &m : m_members) {
        if (m.isActive && m.id != m_myId)
            list.append(m);
    }
    return list;
}

QList<HubWindow> TeamDirectory::teamWindows() const
{
    QList<HubWindow> list;
    for (const HubWindow &w : m_windows) {
        if (w.isTeamWindow())
            list.append(w);
    }
    return list;
}

QList<HubWindow> TeamDirectory::windowsOf(qint64 memberId) const
{
    QList<HubWindow> list;
    for (const HubWindow &w : m_windows) {
        if (w.memberId == memberId)
            list.append(w);
    }
    return list;
}

QList<WeeklyRule> TeamDirectory::rulesFor(qint64 memberId) const
{
    return rulesFor(memberId, m_windows);
}

QList<WeeklyRule> TeamDirectory::rulesFor(qint64 memberId, const QList<HubWindow> &windows)
{
    QList<WeeklyRule> rules;
    for (const HubWindow &w : windows) {
        if (w.memberId == memberId || w.isTeamWindow())
            rules.append(w.rule);
    }
    return rules;
}

std::optional<HubMember> TeamDirectory::member(qint64 id) const
{
    for (const HubMember &m : m_members) {
        if (m.id == id)
            return m;
    }
    return std::nullopt;
}

std::optional<HubMember> TeamDirectory::find(const QString &who) const
{
    const QString needle = who.trimmed();
    for (const HubMember &m : m_members) {
        if (m.isActive
            && (m.role.compare(needle, Qt::CaseInsensitive) == 0
                || m.email.compare(needle, Qt::CaseInsensitive) == 0
                || m.name.compare(needle, Qt::CaseInsensitive) == 0))
            return m;
    }
    return std::nullopt;
}

} // namespace fermata
