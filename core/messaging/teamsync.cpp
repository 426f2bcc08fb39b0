#include "messaging/teamsync.h"

#include "storage/database.h"
#include "storage/repositories.h"
#include "team/hubclient.h"
#include "team/secretstore.h"
#include "time/clock.h"

#include <QCoreApplication>

#include <memory>

namespace fermata {

QList<HubMember> TeamSnapshot::teammates() const
{
    QList<HubMember> list;
    for (const HubMember &m : members) {
        if (m.isActive && m.id != myId)
            list.append(m);
    }
    return list;
}

int TeamSnapshot::heldCount() const
{
    int count = 0;
    for (const OutboxService::OutgoingMessage &out : outbox) {
        if (out.message.state == Message::State::Queued && !out.urgent)
            ++count;
    }
    return count;
}

// The worker-thread half: owns the database connection, the secret store and the service,
// which are made, used and destroyed on that thread only (QSqlDatabase and QTimer require it).
class TeamWorker final : public QObject
{
    // The worker's messages are the facade's: one context, which lupdate sees too.
    Q_DECLARE_TR_FUNCTIONS(fermata::TeamSync)

public:
    TeamWorker(TeamSync *facade, TeamSync::Options options, const Clock &clock)
        : m_facade(facade), m_options(std::move(options)), m_clock(clock)
    {
    }

    void open()
    {
        auto db = Database::open(m_options.databasePath);
        if (!db) {
            report(TeamSync::Operation::Start, false, db.error().message);
            return;
        }
        m_db = std::move(db).value();
        m_secrets = makeSecretStore(m_options.secretsPath);
        m_service = std::make_unique<OutboxService>(*m_db, *m_secrets, m_clock);
        m_service->setSenderZone(m_options.senderZone);
        m_service->setReconnectInterval(m_options.reconnectIntervalMs);
        connect(m_service.get(), &OutboxService::statusChanged, this, &TeamWorker::publishSoon);
        connect(m_service.get(), &OutboxService::outboxChanged, this, &TeamWorker::publishSoon);
        connect(&m_service->directory(), &TeamDirectory::changed, this, &TeamWorker::publishSoon);
        connect(m_service.get(), &OutboxService::messageReceived, this, &TeamWorker::publishSoon);
        publish();
        if (m_service->isJoined())
            reportIfFailed(TeamSync::Operation::Sync, m_service->connectToHub());
        publish();
    }

    void join(const HubConfig &config, const QString &password)
    {
        if (!ready(TeamSync::Operation::Join))
            return;
        const Status joined = m_service->join(config, password);
        publish();
        if (!joined) {
            report(TeamSync::Operation::Join, false, joined.error().message);
            return;
        }
        const auto me = m_service->directory().me();
        const qsizetype teammates = m_service->directory().teammates().size();
        const QString name = me ? me->name : config.user;
        report(TeamSync::Operation::Join, true,
               teammates == 1 ? tr("Joined the team hub as %1; 1 teammate.").arg(name)
                              : tr("Joined the team hub as %1; %2 teammates.").arg(name).arg(teammates));
    }

    void leave()
    {
        if (!ready(TeamSync::Operation::Leave))
            return;
        const Status left = m_service->leave();
        publish();
        report(TeamSync::Operation::Leave, left.isOk(),
               left ? tr("Left the team hub; messages already here stay.") : left.error().message);
    }

    void testConnection(const HubConfig &config, QString password)
    {
        if (password.isEmpty() && m_secrets) {
            const Result<QString> stored = m_secrets->read(config.accountKey());
            password = stored ? *stored : QString();
        }
        HubClient client;
        Status opened = client.open(config, password);
        Result<HubMember> me = opened ? client.me() : Result<HubMember>(opened.error());
        client.close();
        if (!me) {
            report(TeamSync::Operation::TestConnection, false, me.error().message);
            return;
        }
        report(TeamSync::Operation::TestConnection, true,
               tr("Connected to %1 as %2 (%3).")
                   .arg(config.serversText(), me->name, QString::fromUtf8(me->timeZoneId)));
    }

    void preview(const QString &recipient)
    {
        if (!m_service)
            return;
        const Result<OutboxService::ReleasePreview> preview = m_service->preview(recipient);
        if (preview)
            QMetaObject::invokeMethod(m_facade, [f = m_facade, recipient, p = *preview] {
                Q_EMIT f->previewReady(recipient, p);
            }, Qt::QueuedConnection);
        else
            QMetaObject::invokeMethod(m_facade, [f = m_facade, recipient, text = preview.error().message] {
                Q_EMIT f->previewFailed(recipient, text);
            }, Qt::QueuedConnection);
        publishSoon(); // a failed hub call may have changed the status
    }

    void send(const QString &to, const QString &subject, const QString &body, bool urgent)
    {
        if (!ready(TeamSync::Operation::Send))
            return;
        const Result<Message> sent = m_service->send(to, subject, body, urgent);
        publish();
        if (!sent) {
            report(TeamSync::Operation::Send, false, sent.error().message);
            return;
        }
        const auto member = m_service->directory().find(sent->to);
        const QString who = member ? member->name : sent->to;
        report(TeamSync::Operation::Send, true,
               urgent ? tr("Sent to %1 now, as urgent.").arg(who)
                      : tr("Sent to %1. %2.").arg(who, m_service->describe(sent->releaseAt, sent->to)));
    }

    void edit(const QUuid &uuid, const QString &subject, const QString &body)
    {
        if (!ready(TeamSync::Operation::Edit))
            return;
        const Status edited = m_service->edit(uuid, subject, body);
        publish();
        report(TeamSync::Operation::Edit, edited.isOk(),
               edited ? tr("Message changed.") : edited.error().message);
    }

    void withdraw(const QUuid &uuid)
    {
        if (!ready(TeamSync::Operation::Withdraw))
            return;
        const Status withdrawn = m_service->withdraw(uuid);
        publish();
        report(TeamSync::Operation::Withdraw, withdrawn.isOk(),
               withdrawn ? tr("Message withdrawn; it will not be delivered.") : withdrawn.error().message);
    }

    void publishWindows(const QList<WeeklyRule> &rules)
    {
        if (!ready(TeamSync::Operation::PublishWindows) || !m_service->isJoined())
            return;
        const Status published = m_service->publishWindows(rules);
        publish();
        report(TeamSync::Operation::PublishWindows, published.isOk(),
               published ? tr("Your check-in windows were shared with your team.")
                         : tr("Your check-in windows could not be shared with your team yet: %1")
                               .arg(published.error().message));
    }

    void share(qint64 taskId, const std::optional<QString> &note)
    {
        if (!ready(TeamSync::Operation::Share))
            return;
        const Result<CommitmentService::Mine> shared = m_service->share(taskId, note);
        publish();
        report(TeamSync::Operation::Share, shared.isOk(),
               shared ? tr("'%1' is shared with your team.").arg(shared->commitment.title)
                      : shared.error().message);
    }

    void unshare(qint64 taskId)
    {
        if (!ready(TeamSync::Operation::Unshare))
            return;
        // The title, for the words, before it is gone from my shares.
        QString title;
        if (const auto found = m_service->commitments().find(taskId); found && *found)
            title = (*found)->commitment.title;
        const Status unshared = m_service->unshare(taskId);
        publish();
        report(TeamSync::Operation::Unshare, unshared.isOk(),
               unshared ? tr("'%1' is no longer shared with your team.").arg(title)
                        : unshared.error().message);
    }

    void setSenderZone(const QTimeZone &zone)
    {
        m_options.senderZone = zone;
        if (m_service)
            m_service->setSenderZone(zone);
        publishSoon();
    }

    void sync()
    {
        if (!m_service || !m_service->isJoined())
            return;
        reportIfFailed(TeamSync::Operation::Sync, m_service->connectToHub());
        publish();
    }

private:
    bool ready(TeamSync::Operation operation)
    {
        if (m_service)
            return true;
        report(operation, false, tr("The team hub is not available: Fermata could not open its data."));
        return false;
    }

    void report(TeamSync::Operation operation, bool ok, const QString &message)
    {
        QMetaObject::invokeMethod(m_facade, [f = m_facade, operation, ok, message] {
            Q_EMIT f->finished(operation, ok, message);
        }, Qt::QueuedConnection);
    }

    void reportIfFailed(TeamSync::Operation operation, const Status &status)
    {
        // Unreachable is not an error worth a red bar: the status line says it.
        if (!status && status.error().code != Error::Code::Io)
            report(operation, false, status.error().message);
    }

    // Several service signals arrive per operation; copy the state once for all of them.
    void publishSoon()
    {
        if (m_publishQueued)
            return;
        m_publishQueued = true;
        QMetaObject::invokeMethod(this, [this] { publish(); }, Qt::QueuedConnection);
    }

    void publish()
    {
        m_publishQueued = false;
        if (!m_service)
            return;
        TeamSnapshot s;
        s.status = m_service->status();
        if (const auto outbox = m_service->outbox())
            s.outbox = *outbox;
        s.members = m_service->directory().members();
        s.windows = m_service->directory().windows();
        s.myId = m_service->directory().myId();
        s.account = m_service->account();
        s.secretWarning = m_service->secretWarning();
        if (const Result<int> urgent = m_service->urgentCount(m_clock.now().addDays(-7)))
            s.urgentThisWeek = *urgent;
        fillCommitments(s);
        QMetaObject::invokeMethod(m_facade, [f = m_facade, s] { f->applySnapshot(s); }, Qt::QueuedConnection);
    }

    void fillCommitments(TeamSnapshot &s) const
    {
        if (const auto teammates = TeamCommitmentRepository(*m_db).all())
            s.commitments = *teammates;
        if (const auto mine = m_service->commitments().mine())
            s.mine = *mine;
        const auto me = m_service->directory().me();
        for (const CommitmentService::Mine &m : std::as_const(s.mine)) {
            TeammateCommitment own;
            own.commitment = m.commitment;
            own.ownerName = me && !me->name.isEmpty() ? me->name : tr("You");
            own.ownerZoneId = me && !me->timeZoneId.isEmpty() ? me->timeZoneId : m_options.senderZone.id();
            s.commitments.append(own);
        }
        // Who waits: my own open tasks that come after a commitment (with their titles, which
        // only I see), then my teammates as the hub names them (never their tasks).
        if (const auto tasks = TaskRepository(*m_db).all()) {
            for (const Task &task : *tasks) {
                if (!task.done && !task.afterCommitment.isNull())
                    s.waiters[task.afterCommitment].append(tr("You ('%1')").arg(task.title));
            }
        }
        if (const auto others = TeamCommitmentRepository(*m_db).waiters()) {
            const TeamDirectory &directory = m_service->directory();
            for (auto it = others->cbegin(); it != others->cend(); ++it) {
                for (qint64 id : it.value()) {
                    if (id == directory.myId())
                        continue; // already named with my task above
                    const auto member = directory.member(id);
                    if (member && member->isActive)
                        s.waiters[it.key()].append(member->name);
                }
            }
        }
    }

public:
    // Another process wrote the outbox or the team directory: copy the state again, and push
    // what it queued for the hub (an acknowledgement from `fermata inbox done`, say).
    void reload()
    {
        if (m_service)
            reportIfFailed(TeamSync::Operation::Sync, m_service->pushWaiting());
        publishSoon();
    }

    TeamSync *m_facade;
    TeamSync::Options m_options;
    const Clock &m_clock;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<SecretStore> m_secrets;
    std::unique_ptr<OutboxService> m_service;
    bool m_publishQueued = false;
};

TeamSync::TeamSync(Options options, const Clock &clock, QObject *parent)
    : QObject(parent), m_worker(new TeamWorker(this, std::move(options), clock))
{
    m_thread.setObjectName(QStringLiteral("fermata-team-hub"));
    m_worker->moveToThread(&m_thread);
}

TeamSync::~TeamSync()
{
    if (!m_thread.isRunning()) {
        delete m_worker;
        return;
    }
    // Torn down on its own thread, after any call in progress, then the thread ends.
    QMetaObject::invokeMethod(m_worker, [worker = m_worker] {
        delete worker;
        QThread::currentThread()->quit();
    }, Qt::QueuedConnection);
    m_thread.wait();
}

template <typename Work>
void TeamSync::post(Work work)
{
    if (!m_thread.isRunning())
        start();
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, work = std::move(work)] { work(*worker); },
                              Qt::QueuedConnection);
}

void TeamSync::reloadFromStorage()
{
    if (m_thread.isRunning())
        post([](TeamWorker &worker) { worker.reload(); });
}

void TeamSync::start()
{
    if (m_thread.isRunning())
        return;
    m_thread.start();
    QMetaObject::invokeMethod(m_worker, [worker = m_worker] { worker->open(); }, Qt::QueuedConnection);
}

void TeamSync::applySnapshot(const TeamSnapshot &snapshot)
{
    const TeamSnapshot before = m_snapshot;
    m_snapshot = snapshot;
    const bool first = !m_ready;
    m_ready = true;
    const auto &a = before.status;
    const auto &b = snapshot.status;
    if (first || a.joined != b.joined || a.reachable != b.reachable || a.waiting != b.waiting
        || a.text != b.text || before.account != snapshot.account
        || before.secretWarning != snapshot.secretWarning)
        Q_EMIT statusChanged();
    if (first || before.urgentThisWeek != snapshot.urgentThisWeek
        || before.outbox.size() != snapshot.outbox.size() || !std::equal(before.outbox.cbegin(), before.outbox.cend(), snapshot.outbox.cbegin(), [](const auto &x, const auto &y) {
               return x.message == y.message && x.onHub == y.onHub && x.urgent == y.urgent
                   && x.recipientName == y.recipientName;
           }))
        Q_EMIT outboxChanged();
    if (first || before.members != snapshot.members || before.windows != snapshot.windows
        || before.myId != snapshot.myId)
        Q_EMIT directoryChanged();
    const auto sameMine = [](const CommitmentService::Mine &x, const CommitmentService::Mine &y) {
        return x.taskId == y.taskId && x.commitment == y.commitment && x.synced == y.synced;
    };
    if (first || before.commitments != snapshot.commitments || before.waiters != snapshot.waiters
        || !std::equal(before.mine.cbegin(), before.mine.cend(), snapshot.mine.cbegin(),
                       snapshot.mine.cend(), sameMine))
        Q_EMIT commitmentsChanged();
}

void TeamSync::join(const HubConfig &config, const QString &oneTimePassword)
{
    post([config, oneTimePassword](TeamWorker &b) { b.join(config, oneTimePassword); });
}

void TeamSync::leave()
{
    post([](TeamWorker &b) { b.leave(); });
}

void TeamSync::testConnection(const HubConfig &config, const QString &password)
{
    post([config, password](TeamWorker &b) { b.testConnection(config, password); });
}

void TeamSync::requestPreview(const QString &recipient)
{
    post([recipient](TeamWorker &b) { b.preview(recipient); });
}

void TeamSync::send(const QString &to, const QString &subject, const QString &body, bool urgent)
{
    post([to, subject, body, urgent](TeamWorker &b) { b.send(to, subject, body, urgent); });
}

void TeamSync::edit(const QUuid &uuid, const QString &subject, const QString &body)
{
    post([uuid, subject, body](TeamWorker &b) { b.edit(uuid, subject, body); });
}

void TeamSync::withdraw(const QUuid &uuid)
{
    post([uuid](TeamWorker &b) { b.withdraw(uuid); });
}

void TeamSync::publishWindows(const QList<WeeklyRule> &rules)
{
    post([rules](TeamWorker &b) { b.publishWindows(rules); });
}

void TeamSync::share(qint64 taskId, const std::optional<QString> &note)
{
    post([taskId, note](TeamWorker &b) { b.share(taskId, note); });
}

void TeamSync::unshare(qint64 taskId)
{
    post([taskId](TeamWorker &b) { b.unshare(taskId); });
}

void TeamSync::syncNow()
{
    post([](TeamWorker &b) { b.sync(); });
}

void TeamSync::setSenderZone(const QTimeZone &zone)
{
    post([zone](TeamWorker &b) { b.setSenderZone(zone); });
}

} // namespace fermata
