#pragma once

#include "model/commitment.h"
#include "model/message.h"
#include "result.h"
#include "team/hubconfig.h"
#include "team/teamtypes.h"

#include <QHash>
#include <QObject>
#include <QSqlDatabase>
#include <QSqlQuery>

#include <map>
#include <memory>
#include <optional>

namespace fermata {

namespace sql {
class Target;
}

// One connection to the team hub (QPSQL, a named connection, usable on the opening thread
// only). Every call is synchronous and uses bound parameters; the hub's row-level security
// decides what this member may see and do. Errors: Io when the hub is unreachable (try
// later), Database when it refused, Invalid for input it could never store.
class HubClient final : public QObject
{
    Q_OBJECT
public:
    explicit HubClient(QObject *parent = nullptr);
    ~HubClient() override;
    Q_DISABLE_COPY_MOVE(HubClient)

    Status open(const HubConfig &config, const QString &password);
    void close();
    bool isOpen() const;
    // True when libpq saw the server go away (a failover, a restart, a dropped network) while
    // the connection sat idle listening for nudges. Local: costs no round trip.
    bool connectionBroken() const;
    const HubConfig &config() const { return m_config; }
    QSqlDatabase connection() const;

    // Administration (as the hub's administrator).
    Status initSchema();
    // Creates the member's login role with a fresh random password (returned once).
    Result<NewMember> addMember(const QString &team, const QString &name, const QString &email,
                                const QByteArray &zoneId, bool teamAdmin = false);
    // Revokes the role of a member given by role name or email; returns the role name.
    Result<QString> removeMember(const QString &who);

    // As a member.
    Result<HubMember> me();
    Result<qint64> myTeamId();
    // Replaces this member's password (the one-time one from add-member).
    Status changePassword(const QString &newPassword);
    Result<QList<HubMember>> teammates();          // my team, me included, active or not
    Result<QList<HubWindow>> windows();            // every window of my team
    // Replaces my own windows (one transaction; the hub re-times messages held for me).
    Status setMyWindows(const QList<HubWindow> &windows);
    // Replaces the team windows (team admins only).
    Status setTeamWindows(const QList<HubWindow> &windows);

    // Idempotent: sending the same uuid again changes nothing. Returns the hub's release
    // time for it. `message.to` is the recipient's role.
    Result<QDateTime> push(const Message &message, bool urgent);
    // Several messages in one round trip and one transaction (catching up after being
    // offline); each idempotent like push(). One entry per message, in order: the hub's
    // release time, or nullopt where the hub refused it (no longer a teammate). The texts
    // must already fit the hub's limits (hubsql::checkText), or the whole batch is refused.
    struct Outgoing
    {
        Message message;
        bool urgent = false;
    };
    Result<QList<std::optional<QDateTime>>> pushAll(const QList<Outgoing> &messages);
    // When a message to `recipientRole` would be released if sent now (server clock).
    Result<QDateTime> previewRelease(const QString &recipientRole);
    Status edit(const QUuid &uuid, const QString &subject, const QString &body);
    Status withdraw(const QUuid &uuid);
    Result<QList<SentStatus>> sentStatus(const QList<QUuid> &uuids);

    // Received messages whose release time has passed and that this client has not yet
    // marked delivered (state Delivered, from/to as roles).
    Result<QList<Message>> fetchReleased(int limit = 500);
    Status markDelivered(const QList<QUuid> &uuids);
    Status acknowledge(const QUuid &uuid);
    // When my next held message is released, if any.
    Result<std::optional<QDateTime>> nextRelease();

    Result<ChangeBatch> pullChanges(const QString &cursor, int limit = 1000);
    // Whether committed changes of my feeds wait past `cursor` that pullChanges() did not return
    // (hub schema 8). When no writer is in flight the hub lets them through for the next pull;
    // see sql/hub_v8.sql. False from an older hub.
    Result<bool> feedHeldBack(const QString &cursor);

    // Shared commitments (hub schema 6; see sql/hub_v6.sql). The hub's schema version, read
    // when the connection opened (0 before).
    int schemaVersion() const { return m_schemaVersion; }
    struct OutgoingCommitment
    {
        Commitment commitment;
        qint64 revision = 0; // the owner's change counter: an older push never overwrites a newer one
    };
    // Shares or updates my commitments in one round trip and one transaction; idempotent. Per
    // uuid: true when the hub holds it as mine, false when the uuid is someone else's or was
    // withdrawn. The texts must already fit the hub's limits, or the whole batch is refused.
    Result<QHash<QUuid, bool>> shareCommitments(const QList<OutgoingCommitment> &commitments);
    // Unshares: my commitments with these uuids disappear for the team, for good. Idempotent.
    Status withdrawCommitments(const QList<QUuid> &uuids);
    // My team's shared commitments (of active members, mine included); with `only`, just those
    // of them that are still visible.
    Result<QList<Commitment>> teamCommitments(const std::optional<QList<QUuid>> &only = std::nullopt);

    // Who waits for what (hub schema 7; sql/hub_v7.sql): replaces the set of my teammates'
    // commitments my open tasks wait for; uuids that are not visible teammates' commitments are
    // ignored. Idempotent.
    Status setMyWaits(const QList<QUuid> &uuids);
    struct Waiter
    {
        QUuid commitment;
        qint64 memberId = 0;
        bool operator==(const Waiter &) const = default;
    };
    // Who of my team waits for my team's visible commitments; with `only`, for just those.
    Result<QList<Waiter>> commitmentWaiters(const std::optional<QList<QUuid>> &only = std::nullopt);

    // LISTEN for this team's nudges; nudged() fires on each.
    bool subscribe(qint64 teamId);
    // Whether this connection listens for the team's nudges now.
    bool isListening() const;

    // A random password for a new member role.
    static QString generatePassword();

Q_SIGNALS:
    void nudged();

private:
    // The hub's error for `error`; a lost connection also marks the client for reopening.
    Error fail(const QString &what, const QSqlError &error);
    // Statements on this connection, failures through fail().
    sql::Target target();
    Status replaceWindows(const QList<HubWindow> &windows, bool team);
    // After opening: a member needs a hub of schema 4 (functions only); an administrator may
    // open any version to upgrade it.
    Status checkMemberSchema();
    // A prepared statement kept for the connection's life (one round trip per call instead
    // of PREPARE, EXECUTE and DEALLOCATE); null with `status` set when preparing failed.
    QSqlQuery *cached(const QString &statement, const QString &what, Status &status);

    QString m_connectionName;
    HubConfig m_config;
    bool m_lost = false; // the server went away; reopen before the next call
    int m_schemaVersion = 0;
    std::map<QString, std::unique_ptr<QSqlQuery>> m_cache;
};

} // namespace fermata
