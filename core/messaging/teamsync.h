#pragma once

#include "team/hubconfig.h"
#include "messaging/outboxservice.h"
#include "model/commitment.h"
#include "team/commitmentservice.h"
#include "team/teamtypes.h"

#include <QHash>
#include <QObject>
#include <QStringList>
#include <QThread>
#include <QTimeZone>

#include <optional>

namespace fermata {

class Clock;
class TeamWorker;

// What the views show of the team hub, copied from the worker thread after each change.
struct TeamSnapshot
{
    OutboxService::HubStatus status;
    QList<OutboxService::OutgoingMessage> outbox; // what I sent, by creation time
    QList<HubMember> members;                     // active and not, me included
    QList<HubWindow> windows;                     // every window of my team
    qint64 myId = 0;
    HubConfig account;
    QString secretWarning;
    int urgentThisWeek = 0;                       // "Send now (urgent)" in the last 7 days
    // Every commitment of my team: my teammates' (the last copy from the hub) and my own shared
    // tasks (owner name: mine from the directory, or "You").
    QList<TeammateCommitment> commitments;
    QList<CommitmentService::Mine> mine;          // my shared tasks, by task id
    // Per commitment uuid, who waits for it, in words: "You ('Write report')".
    QHash<QUuid, QStringList> waiters;

    QList<HubMember> teammates() const;           // active, without me
    int heldCount() const;                        // messages held for their recipient's window
};

// The team hub for the window, on the GUI thread: a TeamWorker (OutboxService, its own
// database connection and secret store) runs on its own thread, so hub calls that wait on the
// network never block the GUI. The same pattern as CalendarSync and CalendarWorker: the
// ...Sync object lives on the GUI thread and owns the thread; the ...Worker lives on it.
// Every request returns at once; results arrive as signals, and the latest outbox,
// directory and status are kept here as a snapshot for the views.
class TeamSync final : public QObject
{
    Q_OBJECT
public:
    enum class Operation { Start, Join, Leave, TestConnection, Send, Edit, Withdraw, PublishWindows, Sync,
                           Share, Unshare };
    Q_ENUM(Operation)

    struct Options
    {
        QString databasePath;
        QString secretsPath;             // the 0600 fallback file of the secret store
        QTimeZone senderZone = QTimeZone::systemTimeZone();
        int reconnectIntervalMs = 30000; // 0: no automatic retries
    };

    TeamSync(Options options, const Clock &clock, QObject *parent = nullptr);
    ~TeamSync() override; // waits for a hub call in progress, then stops the thread
    Q_DISABLE_COPY_MOVE(TeamSync)

    // Starts the thread: opens the database there, reads the account and, when joined,
    // connects to the hub. Without a hub everything else keeps working.
    void start();
    // True once the first snapshot arrived.
    bool isReady() const { return m_ready; }

    const TeamSnapshot &snapshot() const { return m_snapshot; }
    bool isJoined() const { return m_snapshot.status.joined; }

    void join(const HubConfig &config, const QString &oneTimePassword);
    void leave();
    // Tries a login without joining; an empty password means the one stored for `config`.
    void testConnection(const HubConfig &config, const QString &password);
    void requestPreview(const QString &recipient);
    void send(const QString &to, const QString &subject, const QString &body, bool urgent = false);
    void edit(const QUuid &uuid, const QString &subject, const QString &body);
    void withdraw(const QUuid &uuid);
    void publishWindows(const QList<WeeklyRule> &rules);
    // Shares a task with my team (again); `note` replaces the public note, nullopt keeps it.
    void share(qint64 taskId, const std::optional<QString> &note = std::nullopt);
    void unshare(qint64 taskId);
    void syncNow();
    // Another process changed the outbox or the team's copy in the database: show it.
    void reloadFromStorage();
    // The person moved (Preferences zone changed): previews say "Delivered …" in the new zone.
    void setSenderZone(const QTimeZone &zone);

Q_SIGNALS:
    void statusChanged();
    void outboxChanged();
    void directoryChanged();
    // The team's commitments, my shared tasks or who waits for them changed.
    void commitmentsChanged();
    void previewReady(const QString &recipient, const fermata::OutboxService::ReleasePreview &preview);
    void previewFailed(const QString &recipient, const QString &message);
    // A request ended; `message` says what happened, in words for the message bar.
    void finished(fermata::TeamSync::Operation operation, bool ok, const QString &message);

private:
    friend class TeamWorker;
    void applySnapshot(const TeamSnapshot &snapshot);
    // Runs `work` on the worker thread, in order with every other request.
    template <typename Work>
    void post(Work work);

    QThread m_thread;
    TeamWorker *m_worker = nullptr; // lives on m_thread; deleted there
    TeamSnapshot m_snapshot;
    bool m_ready = false;
};

} // namespace fermata
