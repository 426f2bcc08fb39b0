#pragma once

#include "model/commitment.h"
#include "result.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QStringList>

#include <optional>

namespace fermata {

class Database;

// When a teammate finishes, moves or drops a commitment that some of my open tasks wait for,
// I hear of it once, at my next check-in window — never as an interruption: one held Inbox
// item per commitment, from the team. Several changes before that window reword the one item
// still held instead of adding another. "Changed" means what the planner sees changed: the
// earliest start of the waiting tasks (planner.h commitmentWait), so the item and the plan
// never disagree.
namespace commitmentnotices {

constexpr auto uuidPrefix = "commitment:"; // then the commitment's uuid, ':' and a stamp

// What the Inbox item says. `sender` is the owner's name.
struct Notice
{
    QString sender;
    QString title; // "Ada finished 'API spec'"
    QString body;  // "'Integrate API' can start."
    bool operator==(const Notice &) const = default;
};

// What changing `before` into `after` (absent: not shared, or not known) means for the tasks
// titled `waiting`, in the person's zone `zoneId`; nullopt when their earliest start stays.
std::optional<Notice> noticeFor(const std::optional<TeammateCommitment> &before,
                                const std::optional<TeammateCommitment> &after, const QStringList &waiting,
                                const QByteArray &zoneId);

// The commitment an Inbox item from noticeFor() is about; null for any other item.
QUuid commitmentOf(const QString &inboxUuid);

// Inside the caller's transaction, around replacing the copy of the team's commitments: takes
// the copy before and after, and holds (or rewords) one item per changed commitment that one
// of my open tasks waits for.
class Recorder final
{
public:
    Recorder(Database &db, QByteArray zoneId, QDateTime now);
    // Reads which commitments my open tasks wait for and, when any, the copy as it is.
    Status before();
    // Compares with the copy now and stores the items.
    Status after();

private:
    Status hold(const QUuid &commitment, const Notice &notice);

    Database &m_db;
    QByteArray m_zoneId;
    QDateTime m_now;
    QHash<QUuid, QStringList> m_waiting; // commitment -> titles of my open tasks, by task id
    QList<TeammateCommitment> m_before;
};

} // namespace commitmentnotices
} // namespace fermata
