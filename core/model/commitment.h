#pragma once

#include <QByteArray>
#include <QDate>
#include <QDateTime>
#include <QString>
#include <QUuid>

#include <optional>

class QDebug;

namespace fermata {

// What a member told their team they will do by when: a shared task as the team sees it.
// Only these fields leave the owner's machine: never focus times, never the task's notes.
struct Commitment
{
    enum class Status { Planned, InProgress, Done, Dropped };

    QUuid uuid;               // made by the owner's client: pushes are idempotent
    qint64 ownerId = 0;       // the hub's member id
    QString ownerRole;        // the owner's login, as messages address them
    QString title;
    int estimateMinutes = 0;
    QDateTime due;            // an instant; invalid: no deadline
    Status status = Status::Planned;
    QDate finishDay;          // the day the planned work ends, in the owner's zone; invalid: not planned
    QString publicNote;       // written by the owner for the team; empty: none

    bool operator==(const Commitment &) const = default;
};

QDebug operator<<(QDebug debug, const Commitment &commitment);

// A teammate's commitment with what the local team directory knows of its owner: a task can
// wait for it ("after Ada's 'API spec'"). Name and zone are empty when the member is unknown.
struct TeammateCommitment
{
    Commitment commitment;
    QString ownerName;        // as the directory shows it; empty: use ownerRole
    QByteArray ownerZoneId;   // the zone the finish day is a date in; empty: unknown

    QString displayName() const { return ownerName.isEmpty() ? commitment.ownerRole : ownerName; }
    bool operator==(const TeammateCommitment &) const = default;
};

QDebug operator<<(QDebug debug, const TeammateCommitment &commitment);
// "planned", "in_progress", "done", "dropped": the hub's words.
QString commitmentStatusKey(Commitment::Status status);
std::optional<Commitment::Status> commitmentStatusFromKey(const QString &key);
// "planned", "in progress", "done", "dropped": for people.
QString commitmentStatusText(Commitment::Status status);

} // namespace fermata
