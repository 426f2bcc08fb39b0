#pragma once

#include "model/message.h"
#include "result.h"
#include "storage/attentionrepository.h"
#include "messaging/messagerepository.h"
#include "storage/repositories.h"
#include "team/commitmentservice.h"
#include "team/hubclient.h"
#include "team/hubstore.h"
#include "team/teamdirectory.h"

#include <QObject>
#include <QTimeZone>
#include <QTimer>

#include <functional>
#include <optional>

namespace fermata {

class Clock;
class Database;
class SecretStore;

// Messages to teammates, local-first. A message is written to the local outbox (SQLite)
// before anything else, then pushed to the hub with an idempotent insert; without the hub
// everything still works and the outbox goes out on reconnect. Received messages are
// stored and put in the Inbox (one transaction), confirmed to the hub and announced once
// through messageReceived(). The client
// pulls on a nudge (LISTEN/NOTIFY), on reconnect and when its next message is due.
class OutboxService final : public QObject
{
    Q_OBJECT
public:
    struct HubStatus
    {
        bool joined = false;
        bool reachable = false;
        int waiting = 0;      // outgoing messages, edits and withdrawals not yet on the hub
        QString text;         // for the message bar; empty when there is nothing to say
        QString lastError;
    };
    struct OutgoingMessage
    {
        Message message;      // releaseAt: the hub's, or the local preview until pushed
        bool urgent = false;
        bool onHub = false;
        QString recipientName;
    };
    struct ReleasePreview
    {
        QDateTime releaseAt;
        QString text;         // "Delivered Tue 14:00 (their 09:00)"
        bool fromHub = false; // false: computed from the cached windows (offline)
    };

    OutboxService(Database &db, SecretStore &secrets, const Clock &clock, QObject *parent = nullptr);
    ~OutboxService() override;
    Q_DISABLE_COPY_MOVE(OutboxService)

    // The zone "Delivered Tue 14:00" is shown in (the sender's).
    void setSenderZone(const QTimeZone &zone)
    {
        m_senderZone = zone;
        m_commitments.setZone(zone); // the day a shared task's work ends is a date in this zone
    }
    // The longest wait between retries of an unreachable hub (default 30 s; the first retries
    // come after 1, 2, 4… s, so a failover is over within seconds); 0 turns retries off.
    void setReconnectInterval(int ms);

    // Account (Preferences -> Team). join() checks the login, replaces the one-time password
    // with a new one kept in the keychain (or the 0600 file) and copies the directory.
    Status join(const HubConfig &config, const QString &oneTimePassword);
    Status leave();
    bool isJoined() const { return !m_role.isEmpty(); }
    HubConfig account() const { return m_config; }
    QString secretWarning() const;

    // Opens the hub with the stored password, listens for nudges and syncs.
    Status connectToHub();
    void disconnectFromHub();
    bool isConnected() const { return m_client.isOpen(); }
    // Pushes what waits, receives what is released, applies the change feed, refreshes the
    // directory and schedules the next pull.
    Status sync();
    HubStatus status() const;
    // Pushes what waits in the local queue (an acknowledgement another process recorded when
    // its person marked a message done) while the hub is connected; otherwise the next sync does.
    Status pushWaiting();

    // Composer.
    Result<ReleasePreview> preview(const QString &recipient);
    Result<Message> send(const QString &to, const QString &subject, const QString &body,
                         bool urgent = false);
    Status edit(const QUuid &uuid, const QString &subject, const QString &body);
    Status withdraw(const QUuid &uuid);
    Result<QList<OutgoingMessage>> outbox() const;  // what I sent, by creation time
    Result<int> urgentCount(const QDateTime &since) const;

    // Received messages.
    Result<QList<Message>> received() const;
    Status acknowledge(const QUuid &uuid);

    // My own check-in windows, published to the team (re-times what is held for me).
    Status publishWindows(const QList<WeeklyRule> &rules, const QString &label = {});

    // Shared commitments: a task shared with my team (committed locally first, then pushed
    // when the hub is reachable; offline it goes out on the next sync), and unsharing it.
    Result<CommitmentService::Mine> share(qint64 taskId, const std::optional<QString> &note = std::nullopt);
    Status unshare(qint64 taskId);
    CommitmentService &commitments() { return m_commitments; }

    TeamDirectory &directory() { return m_directory; }
    HubClient &client() { return m_client; }
    QString describe(const QDateTime &releaseAt, const QString &recipientRole) const;

Q_SIGNALS:
    void messageReceived(const fermata::Message &message);
    void statusChanged();
    void outboxChanged();

private:
    void loadAccount();
    Status openClient();
    Status runSyncSteps();
    // Runs `call` on an open client; a stale connection (the server restarted since) is
    // reopened and the call tried once more. Every hub call is idempotent.
    template <typename Call>
    auto withHub(Call call) -> decltype(call())
    {
        const bool wasOpen = m_client.isOpen();
        if (Status opened = openClient(); !opened)
            return opened.error();
        auto result = call();
        if (!result && result.error().code == Error::Code::Io && wasOpen) {
            m_client.close();
            if (Status reopened = openClient(); !reopened)
                return reopened.error();
            result = call();
        }
        return result;
    }
    struct HeldMessage
    {
        Message message;
        bool waitingToPush = false; // not on the hub yet
    };
    // One of my messages the hub still holds, for edit() and withdraw(): NotFound when it is
    // not in my outbox, Invalid when it was already released (it "can no longer be <change>").
    Result<HeldMessage> findHeld(const QUuid &uuid, const QString &change) const;
    // Runs `call` on the hub when the message is there and the hub is open: true when the hub
    // took the change, false when it waits for the next sync; a refusal is an error.
    Result<bool> tryOnHub(const HeldMessage &held, const std::function<Status()> &call);
    // Saves `m` and sets its sync state (none: leave it), in one transaction.
    Status saveHeld(const Message &m, std::optional<HubStore::Pending> pending);
    Status refreshDirectory();
    Status pushPending();
    Status pushOne(const HubStore::Entry &entry);
    Status receive();
    Status pushCommitments();
    // Pushes my commitments now when the hub can be reached (after share() and unshare()).
    void tryPushCommitments();
    Status applyChanges();
    Status updateSent(const QList<QUuid> &uuids);
    void scheduleNextPull();
    Status noteFailure(const Error &error);
    void setReachable(bool reachable);
    // Pushes new messages in one call (HubClient::pushAll) and records their release times.
    Status pushBatch(const QList<HubClient::Outgoing> &batch);
    static constexpr int s_pushBatch = 200;
    static constexpr qsizetype s_pushBatchCharacters = 2'000'000;

    Database &m_db;
    MessageRepository m_messages;
    AttentionRepository m_inbox; // received messages enter the Inbox with their storing
    HubStore m_store;
    SecretStore &m_secrets;
    const Clock &m_clock;
    HubClient m_client;
    TeamDirectory m_directory;
    CommitmentService m_commitments{m_db, m_client, m_clock};
    QTimeZone m_senderZone = QTimeZone::systemTimeZone();
    HubConfig m_config;
    QString m_role;
    qint64 m_memberId = 0;
    qint64 m_teamId = 0;
    bool m_reachable = false;
    bool m_syncing = false;
    bool m_feedHeldBack = false; // the last pull left changes a writer still holds
    int m_heldBackRetryMs = 250;
    QString m_lastError;
    QTimer m_pullTimer;
    QTimer m_reconnectTimer;   // single shot; the delay doubles from 1 s up to the interval
    int m_reconnectMaxMs = 30000;
    QTimer m_livenessTimer;    // while connected: did the idle connection break?
};

} // namespace fermata
