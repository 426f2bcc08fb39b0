#include "messaging/teamattentionbridge.h"

#include "attention/attentionservice.h"
#include "messaging/teamsync.h"

#include <algorithm>

namespace fermata {

namespace {

// Order does not matter for a set of windows.
bool sameRules(QList<WeeklyRule> a, QList<WeeklyRule> b)
{
    const auto key = [](const WeeklyRule &r) {
        return std::tuple(r.dayMask(), r.start().msecsSinceStartOfDay(), r.end().msecsSinceStartOfDay(), r.zoneId());
    };
    const auto less = [&](const WeeklyRule &x, const WeeklyRule &y) { return key(x) < key(y); };
    std::sort(a.begin(), a.end(), less);
    std::sort(b.begin(), b.end(), less);
    return a == b;
}

QList<WeeklyRule> rulesOf(const QList<CheckInWindow> &windows)
{
    QList<WeeklyRule> rules;
    for (const CheckInWindow &w : windows)
        rules.append(w.rule);
    return rules;
}

} // namespace

TeamAttentionBridge::TeamAttentionBridge(TeamSync &team, AttentionService &attention, QObject *parent)
    : QObject(parent), m_team(team), m_attention(attention)
{
    connect(&m_team, &TeamSync::directoryChanged, this, [this] {
        takeTeamWindows();
        publishIfChanged();
    });
    connect(&m_attention, &AttentionService::windowsChanged, this, &TeamAttentionBridge::publishIfChanged);
    // Marking a teammate's message done or archived queued its acknowledgement in the same
    // transaction (data format 8); the team worker has its own connection and does not see
    // this one's writes, so tell it to push what waits.
    connect(&m_attention, &AttentionService::itemsChanged, this, [this](const QList<qint64> &, ItemState state) {
        if (state == ItemState::Done || state == ItemState::Archived)
            m_team.reloadFromStorage();
    });
    connect(&m_team, &TeamSync::finished, this, [this](TeamSync::Operation op, bool ok, const QString &text) {
        if (op != TeamSync::Operation::PublishWindows || ok)
            return;
        m_publishing.clear(); // try again on the next directory refresh (reconnect)
        Q_EMIT failed(text);
    });
}

void TeamAttentionBridge::publishIfChanged()
{
    const TeamSnapshot &team = m_team.snapshot();
    if (!team.status.joined || team.myId == 0)
        return;
    const QList<WeeklyRule> mine = rulesOf(m_attention.personalWindows());
    QList<WeeklyRule> onHub;
    for (const HubWindow &w : team.windows) {
        if (w.memberId == team.myId)
            onHub.append(w.rule);
    }
    if (sameRules(mine, onHub)) {
        m_publishing.clear();
        return;
    }
    if (!m_publishing.isEmpty() && sameRules(mine, m_publishing))
        return; // already on its way
    m_publishing = mine;
    m_team.publishWindows(mine);
}

void TeamAttentionBridge::takeTeamWindows()
{
    QList<CheckInWindow> windows;
    for (const HubWindow &w : m_team.snapshot().windows) {
        if (w.isTeamWindow())
            windows.append(CheckInWindow{0, w.rule, w.label, CheckInWindow::Scope::Team});
    }
    if (!sameRules(rulesOf(windows), rulesOf(m_attention.teamWindows())))
        m_attention.setTeamWindows(windows);
}

} // namespace fermata
