#pragma once

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
// "planned", "in_progress", "done", "dropped": the hub's words.
QString commitmentStatusKey(Commitment::Status status);
std::optional<Commitment::Status> commitmentStatusFromKey(const QString &key);
// "planned", "in progress", "done", "dropped": for people.
QString commitmentStatusText(Commitment::Status status);

} // namespace fermata
