#pragma once

#include "model/commitment.h"
#include "result.h"
#include "team/hubclient.h"

#include <QList>
#include <QTimeZone>

#include <optional>

namespace fermata {

class Clock;
class Database;

// Shared commitments, local-first: which of my tasks my team sees, and my copy of what my
// teammates shared. Sharing and unsharing are committed to the local file first (tables
// my_commitments and team_commitments, data format 11); what the team sees is computed from
// the task, its focus blocks and focus sessions whenever the hub is reached, and pushed with an
// idempotent, revision-ordered upsert. Storage triggers raise a commitment's revision whenever
// any process changes what it is computed from, so whichever process holds the hub connection
// pushes it. What leaves the machine: title, estimate, due, status, the day the planned work
// ends (my zone) and my public note — never focus times or the task's notes.
class CommitmentService final
{
public:
    struct Mine
    {
        qint64 taskId = 0;
        Commitment commitment;
        bool synced = false; // the hub holds this state
    };

    CommitmentService(Database &db, HubClient &client, const Clock &clock)
        : m_db(db), m_client(client), m_clock(clock) {}
    Q_DISABLE_COPY_MOVE(CommitmentService)

    // The zone the finish day is a date in (the person's).
    void setZone(const QTimeZone &zone) { m_zone = zone; }
    void setMe(qint64 memberId, const QString &role);

    // Shares a task (again): NotFound when there is no such task. `note` replaces the public
    // note (an empty one removes it); nullopt keeps it. Committed before it returns.
    Result<Mine> share(qint64 taskId, const std::optional<QString> &note);
    // Stops sharing: NotFound when the task is not shared. The hub's copy is withdrawn on the
    // next push; the team no longer sees it.
    Status unshare(qint64 taskId);
    Result<std::optional<Mine>> find(qint64 taskId) const;
    Result<QList<Mine>> mine() const;                 // shared now, by task id, as the task is now
    Result<QList<Commitment>> teammates() const;      // the last copy from the hub, by owner
    // Shares, changes and unshares not yet on the hub, and 1 when the set of teammates' work my
    // open tasks wait for changed since the hub last took it (cheap: no recomputing).
    Result<int> waitingCount() const;

    // With the hub open (schema 6 or later; an older hub is skipped, lastError() says why):
    // recomputes what my team sees, pushes what changed and withdraws what was unshared.
    Status push();
    // The change feed said these commitments changed: re-reads them (a uuid the hub no longer
    // shows is gone from the copy). A change that moves the start of one of my open tasks
    // waiting for it is held in my Inbox for my next window, in the same transaction
    // (commitmentnotices.h), so whichever process reads it first tells me once.
    Status refresh(const QList<QUuid> &changed);
    // Replaces the copy with everything the hub shows (first sync, a member joined or left).
    Status refreshAll();
    // Forgets my shares and the team's copy (leaving the hub: they were shared with that team).
    Status forget();
    bool hubHasCommitments() const;
    QString lastError() const { return m_lastError; }

private:
    struct Row
    {
        qint64 taskId = 0;
        QUuid uuid;
        bool shared = true;
        qint64 revision = 0;
        qint64 pushedRevision = 0;
        Commitment commitment;
    };
    Result<QList<Row>> rows(const QString &where, const QVariantList &values = {}) const;
    Mine current(const Row &row) const;
    // What the team should see of `row`'s task now (its last state, as dropped, when the task
    // is gone).
    Result<Commitment> compute(const Row &row) const;
    Status store(qint64 taskId, const Commitment &content, bool raiseRevision);
    Status pushShared();
    Status withdrawUnshared();
    // Who waits for what: the teammates' commitments my open tasks wait for, and whether
    // that set differs from what the hub last took (my_waits_pushed).
    Result<QList<QUuid>> myWaits() const;
    Result<bool> waitsChanged() const;
    Status pushWaits();
    // Who waits for `only` (all: nullopt); none from a hub older than schema 7.
    Result<QList<HubClient::Waiter>> waitersOf(const std::optional<QList<QUuid>> &only);
    Status saveTeammates(const QList<Commitment> &list, const QList<QUuid> &replace, bool all,
                         const Result<QList<HubClient::Waiter>> &waiters);

    Database &m_db;
    HubClient &m_client;
    const Clock &m_clock;
    QTimeZone m_zone = QTimeZone::systemTimeZone();
    qint64 m_memberId = 0;
    QString m_role;
    QString m_lastError;
};

} // namespace fermata
