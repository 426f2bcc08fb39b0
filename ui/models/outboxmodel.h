#pragma once

#include "messaging/outboxservice.h"

#include <QAbstractTableModel>
#include <QTimeZone>

namespace fermata {

class Clock;
class TeamSync;

// What I sent, newest first: recipient, subject, when they get it (in my time and theirs) and
// its state (held, waiting to sync, delivered, read, withdrawn). A thin adapter over the team
// worker's snapshot.
class OutboxModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { RecipientColumn, SubjectColumn, ReleaseColumn, StateColumn, ColumnCount };
    enum Role { UuidRole = Qt::UserRole + 1, HeldRole, SubjectRole, BodyRole, RecipientRole };

    OutboxModel(TeamSync *team, const Clock &clock, QObject *parent = nullptr);
    void setTimeZone(const QTimeZone &zone);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    const OutboxService::OutgoingMessage &message(int row) const { return m_rows.at(row); }
    // The two columns, as the row and the composer's confirmation both say them: once the hub
    // released a message it is "Released" until their Fermata fetches it ("Delivered 14:02"),
    // then "Read 14:10" once they marked it done.
    QString stateText(const OutboxService::OutgoingMessage &message) const;
    QString releaseText(const OutboxService::OutgoingMessage &message) const;

    // Messages the hub still holds for their recipient's window (editable, withdrawable).
    int heldCount() const;

private:
    void reload();
    bool isHeld(const OutboxService::OutgoingMessage &message) const;
    QString timeText(const QDateTime &instant) const;
    bool isReleased(const Message &message) const;

    TeamSync *m_team = nullptr;
    const Clock &m_clock;
    QTimeZone m_zone = QTimeZone::systemTimeZone();
    QList<OutboxService::OutgoingMessage> m_rows;
};

} // namespace fermata
