#include "models/outboxmodel.h"

#include "messaging/deliverypolicy.h"
#include "messaging/teamsync.h"
#include "models/whentext.h"
#include "time/clock.h"

#include <QTimer>

#include <algorithm>

namespace fermata {

OutboxModel::OutboxModel(TeamSync *team, const Clock &clock, QObject *parent)
    : QAbstractTableModel(parent), m_team(team), m_clock(clock)
{
    if (m_team)
        connect(m_team, &TeamSync::outboxChanged, this, &OutboxModel::reload);
    // "Held" turns "Released" at its release time without the hub saying anything.
    auto *tick = new QTimer(this);
    tick->setInterval(30 * 1000);
    connect(tick, &QTimer::timeout, this, [this] {
        if (!m_rows.isEmpty())
            Q_EMIT dataChanged(index(0, ReleaseColumn), index(int(m_rows.size()) - 1, StateColumn));
    });
    tick->start();
    reload();
}

void OutboxModel::setTimeZone(const QTimeZone &zone)
{
    m_zone = zone;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, ReleaseColumn), index(int(m_rows.size()) - 1, ReleaseColumn));
}

void OutboxModel::reload()
{
    beginResetModel();
    m_rows = m_team ? m_team->snapshot().outbox : QList<OutboxService::OutgoingMessage>();
    std::reverse(m_rows.begin(), m_rows.end()); // newest first
    endResetModel();
}

int OutboxModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int OutboxModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool OutboxModel::isReleased(const Message &m) const
{
    // The second deliverypolicy::describe() calls "now": the row never says "Delivered now"
    // and "Held" at once.
    return m.releaseAt.isValid() && m.releaseAt <= m_clock.now().addSecs(1);
}

int OutboxModel::heldCount() const
{
    return int(std::count_if(m_rows.cbegin(), m_rows.cend(), [this](const auto &out) { return isHeld(out); }));
}

bool OutboxModel::isHeld(const OutboxService::OutgoingMessage &out) const
{
    return out.message.state == Message::State::Queued && !out.urgent && !isReleased(out.message);
}

QString OutboxModel::timeText(const QDateTime &instant) const
{
    return WhenText::format(instant, m_zone, m_clock.now());
}

QString OutboxModel::stateText(const OutboxService::OutgoingMessage &out) const
{
    const Message &m = out.message;
    switch (m.state) {
    case Message::State::Queued:
        if (!out.onHub)
            return tr("Waiting to sync");
        if (out.urgent)
            return tr("Sent as urgent");
        // Released by the hub, not yet fetched: their Fermata is closed or offline.
        return isReleased(m) ? tr("Released") : tr("Held");
    case Message::State::Delivered:
        return tr("Delivered");
    case Message::State::Acknowledged:
        return m.acknowledgedAt.isValid() ? tr("Read %1").arg(timeText(m.acknowledgedAt)) : tr("Read");
    case Message::State::Withdrawn:
        return tr("Withdrawn");
    case Message::State::Draft:
        return tr("Draft");
    }
    return {};
}

QString OutboxModel::releaseText(const OutboxService::OutgoingMessage &out) const
{
    const Message &m = out.message;
    if (m.state == Message::State::Withdrawn || m.state == Message::State::Draft || !m.releaseAt.isValid())
        return QStringLiteral("—");
    if (m.state == Message::State::Delivered || m.state == Message::State::Acknowledged) {
        // What happened, not what was promised: the hub's delivery time once it is known.
        return m.deliveredAt.isValid() ? tr("Delivered %1").arg(timeText(m.deliveredAt)) : tr("Delivered");
    }
    if (out.onHub && isReleased(m))
        return tr("Released %1 — they get it when their Fermata next syncs").arg(timeText(m.releaseAt));
    QTimeZone theirs = m_zone;
    if (m_team) {
        for (const HubMember &member : m_team->snapshot().members) {
            if (member.role == m.to)
                theirs = QTimeZone(member.timeZoneId);
        }
    }
    return deliverypolicy::describe(m.releaseAt, m_clock.now(), m_zone, theirs);
}

QVariant OutboxModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const OutboxService::OutgoingMessage &out = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case RecipientColumn:
            return out.recipientName;
        case SubjectColumn:
            return out.message.subject;
        case ReleaseColumn:
            return releaseText(out);
        case StateColumn:
            return stateText(out);
        }
        return {};
    case Qt::ToolTipRole:
        return out.message.body;
    case UuidRole:
        return out.message.uuid;
    case HeldRole:
        return isHeld(out);
    case SubjectRole:
        return out.message.subject;
    case BodyRole:
        return out.message.body;
    case RecipientRole:
        return out.recipientName;
    }
    return {};
}

QVariant OutboxModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case RecipientColumn:
        return tr("To");
    case SubjectColumn:
        return tr("Subject");
    case ReleaseColumn:
        return tr("When they get it");
    case StateColumn:
        return tr("State");
    }
    return {};
}

} // namespace fermata
