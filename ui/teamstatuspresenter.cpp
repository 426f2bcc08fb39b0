#include "teamstatuspresenter.h"

#include "widgets/messagebar.h"

namespace fermata {

TeamStatusPresenter::TeamStatusPresenter(TeamSync &team, MessageBar &bar, QObject *parent)
    : QObject(parent), m_team(team), m_bar(bar)
{
    connect(&m_team, &TeamSync::statusChanged, this, &TeamStatusPresenter::showStatus);
    connect(&m_team, &TeamSync::finished, this, &TeamStatusPresenter::showOutcome);
}

void TeamStatusPresenter::showStatus()
{
    const OutboxService::HubStatus &status = m_team.snapshot().status;
    if (status.text == m_shown)
        return;
    if (status.text.isEmpty()) {
        if (!m_shown.isEmpty() && m_bar.text() == m_shown)
            m_bar.dismiss();
    } else if (!status.reachable) {
        m_bar.showError(status.text); // stays: the person should know messages are stuck
    } else {
        m_bar.showInfo(status.text);
    }
    m_shown = status.text;
}

void TeamStatusPresenter::showOutcome(TeamSync::Operation operation, bool ok, const QString &message)
{
    switch (operation) {
    case TeamSync::Operation::Send:
        return; // the composer says it under its buttons, where the person is looking
    case TeamSync::Operation::Edit:
    case TeamSync::Operation::Withdraw:
        break;
    case TeamSync::Operation::Start:
    case TeamSync::Operation::Sync:
    case TeamSync::Operation::PublishWindows:
        if (ok)
            return;
        break;
    default:
        return; // Preferences → Team shows joining and testing itself
    }
    const OutboxService::HubStatus &status = m_team.snapshot().status;
    if (ok && !status.reachable && !status.text.isEmpty()) {
        // Stored locally; the unreachable hub is what the person needs to know now.
        m_bar.showError(status.text);
        m_shown = status.text;
        return;
    }
    if (ok)
        m_bar.showInfo(message);
    else
        m_bar.showError(message);
    m_shown.clear();
}

} // namespace fermata
