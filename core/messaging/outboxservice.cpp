#include "messaging/outboxservice.h"

#include "storage/database.h"
#include "messaging/deliverypolicy.h"
#include "messaging/teaminbox.h"
#include "team/hubsql.h"
#include "team/secretstore.h"
#include "time/clock.h"

#include <QCoreApplication>

namespace {

// Messages people read, filed under the messaging context of the core's translations.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(fermata::Messaging)
};

} // namespace

namespace fermata {

namespace {

const QString s_keyUrl = QStringLiteral("url");
const QString s_keyRole = QStringLiteral("role");
const QString s_keyMember = QStringLiteral("member_id");
const QString s_keyTeam = QStringLiteral("team_id");
const QString s_keyCursor = QStringLiteral("cursor");
// "1" once the copy of the team's commitments was read whole (then the change feed keeps it).
const QString s_keyCommitmentsLoaded = QStringLiteral("commitments_loaded");

// Pulls are scheduled at most this far ahead; a long sleep is re-planned on waking.
constexpr qint64 s_maxPullDelayMs = 15 * 60 * 1000;
// Retries while a writer holds changes back: first after this, doubling up to the maximum.
constexpr int s_heldBackRetryFirstMs = 250;
constexpr int s_heldBackRetryMaxMs = 4000;
// How often a client that is not listening for nudges pulls.
constexpr qint64 s_unheardPullMs = 30 * 1000;

} // namespace

OutboxService::OutboxService(Database &db, SecretStore &secrets, const Clock &clock, QObject *parent)
    : QObject(parent), m_db(db), m_messages(db), m_inbox(db), m_store(db), m_secrets(secrets), m_clock(clock)
{
    m_pullTimer.setSingleShot(true);
    connect(&m_pullTimer, &QTimer::timeout, this, [this] { (void)sync(); });
    m_reconnectTimer.setSingleShot(true);
    m_reconnectTimer.setInterval(1000);
    connect(&m_reconnectTimer, &QTimer::timeout, this, [this] {
        m_reconnectTimer.setInterval(qMin(m_reconnectTimer.interval() * 2, m_reconnectMaxMs));
        if (Status done = sync(); !done && !m_reachable && isJoined() && m_reconnectMaxMs > 0)
            m_reconnectTimer.start();
    });
    // A server that dies (or fails over) while this client only listens breaks the connection
    // silently; libpq notices from the socket, and this local check turns that into a reconnect.
    m_livenessTimer.setInterval(5000);
    connect(&m_livenessTimer, &QTimer::timeout, this, [this] {
        if (m_client.connectionBroken())
            (void)sync();
    });
    // A nudge arrives inside a query's processing; sync from the event loop instead.
    connect(&m_client, &HubClient::nudged, this, [this] { m_pullTimer.start(0); }, Qt::QueuedConnection);
    loadAccount();
}

OutboxService::~OutboxService() = default;

void OutboxService::setReconnectInterval(int ms)
{
    m_reconnectMaxMs = qMax(ms, 0);
    if (ms <= 0) {
        m_reconnectTimer.stop();
        return;
    }
    m_reconnectTimer.setInterval(qMin(m_reconnectTimer.interval(), ms));
}

void OutboxService::loadAccount()
{
    const Result<QString> url = m_store.state(s_keyUrl);
    if (!url || url->isEmpty())
        return;
    const Result<HubConfig> config = HubConfig::fromUrl(*url);
    if (!config)
        return;
    m_config = *config;
    m_role = m_store.state(s_keyRole).value();
    m_memberId = m_store.state(s_keyMember).value().toLongLong();
    m_teamId = m_store.state(s_keyTeam).value().toLongLong();
    m_commitments.setMe(m_memberId, m_role);
    const auto members = m_store.members();
    const auto windows = m_store.windows();
    if (members && windows)
        m_directory.reset(*members, *windows, m_memberId);
}

QString OutboxService::secretWarning() const
{
    return m_secrets.warning();
}

Status OutboxService::join(const HubConfig &config, const QString &oneTimePassword)
{
    if (Status opened = m_client.open(config, oneTimePassword); !opened)
        return opened;
    const Result<HubMember> me = m_client.me();
    const Result<qint64> team = me ? m_client.myTeamId() : Result<qint64>(me.error());
    if (!me || !team) {
        m_client.close();
        return me ? team.error() : me.error();
    }
    // The printed password was seen by the administrator: replace it with one that only this
    // machine's keychain knows. Stored first, so a failure never locks the member out.
    const QString key = config.accountKey();
    const QString fresh = HubClient::generatePassword();
    if (Status stored = m_secrets.write(key, fresh); !stored) {
        m_client.close();
        return stored;
    }
    if (Status changed = m_client.changePassword(fresh); !changed) {
        (void)m_secrets.write(key, oneTimePassword);
        m_client.close();
        return changed;
    }
    HubConfig saved = config;
    saved.passwordInUrl.clear();
    const Status remembered = m_db.inTransaction([&]() -> Status {
        for (const auto &[name, value] : {std::pair{s_keyUrl, saved.toUrl()}, std::pair{s_keyRole, me->role},
                                         std::pair{s_keyMember, QString::number(me->id)},
                                         std::pair{s_keyTeam, QString::number(*team)},
                                         std::pair{s_keyCursor, QString()}}) {
            if (Status ok = m_store.setState(name, value); !ok)
                return ok;
        }
        return {};
    });
    if (!remembered)
        return remembered;
    m_config = saved;
    m_role = me->role;
    m_memberId = me->id;
    m_teamId = *team;
    m_commitments.setMe(m_memberId, m_role);
    m_client.subscribe(m_teamId);
    setReachable(true);
    return sync();
}

Status OutboxService::leave()
{
    disconnectFromHub();
    if (isJoined())
        (void)m_secrets.remove(m_config.accountKey());
    if (Status cleared = m_store.clearAccount(); !cleared)
        return cleared;
    // Shared with that team only: joining another hub must not share them there.
    if (Status forgotten = m_commitments.forget(); !forgotten)
        return forgotten;
    m_commitments.setMe(0, {});
    m_config = HubConfig();
    m_role.clear();
    m_memberId = m_teamId = 0;
    m_directory.reset({}, {}, 0);
    Q_EMIT statusChanged();
    return {};
}

Status OutboxService::openClient()
{
    if (m_client.isOpen())
        return {};
    if (!isJoined())
        return Status::failure(Error::Code::NotFound,
                               Text::tr("This Fermata has not joined a team hub yet: run "
                                        "fermata hub join --url URL --user USER."));
    const Result<QString> password = m_secrets.read(m_config.accountKey());
    if (!password)
        return Status::failure(Error::Code::NotFound,
                               Text::tr("No password for the team hub is stored on this "
                                        "machine; join again with a new one-time password."));
    if (Status opened = m_client.open(m_config, *password); !opened)
        return opened;
    m_client.subscribe(m_teamId);
    return {};
}

Status OutboxService::connectToHub()
{
    if (Status opened = openClient(); !opened)
        return noteFailure(opened.error());
    return sync();
}

void OutboxService::disconnectFromHub()
{
    m_pullTimer.stop();
    m_reconnectTimer.stop();
    m_livenessTimer.stop();
    m_client.close();
    setReachable(false);
}

void OutboxService::setReachable(bool reachable)
{
    const bool changed = reachable != m_reachable;
    m_reachable = reachable;
    if (reachable) {
        m_reconnectTimer.stop();
        m_reconnectTimer.setInterval(qMin(1000, qMax(m_reconnectMaxMs, 1)));
        m_lastError.clear();
        if (!m_livenessTimer.isActive())
            m_livenessTimer.start();
    } else {
        m_livenessTimer.stop();
        if (isJoined() && m_reconnectMaxMs > 0 && !m_reconnectTimer.isActive())
            m_reconnectTimer.start();
    }
    if (changed)
        Q_EMIT statusChanged();
}

Status OutboxService::noteFailure(const Error &error)
{
    m_lastError = error.message;
    if (error.code == Error::Code::Io)
        setReachable(false);
    Q_EMIT statusChanged();
    return Status(error);
}

Status OutboxService::sync()
{
    if (m_syncing)
        return {};
    m_syncing = true;
    struct Reset { bool &flag; ~Reset() { flag = false; } } reset{m_syncing};
    const bool wasOpen = m_client.isOpen();
    if (Status opened = openClient(); !opened)
        return noteFailure(opened.error());
    // LISTEN before pulling, so that nothing committed after this pull goes unheard; a
    // subscription that failed before (a timeout under load) is tried again here.
    if (!m_client.isListening())
        m_client.subscribe(m_teamId);
    Status done = runSyncSteps();
    if (!done && done.error().code == Error::Code::Io && wasOpen) {
        // The connection went stale since the last sync (a server restart, a dropped
        // network): reconnect once and start over. Every step is idempotent.
        m_client.close();
        if (Status opened = openClient(); !opened)
            return noteFailure(opened.error());
        done = runSyncSteps();
    }
    if (!done)
        return noteFailure(done.error());
    setReachable(true);
    scheduleNextPull();
    Q_EMIT statusChanged();
    return {};
}

Status OutboxService::runSyncSteps()
{
    for (auto step : {&OutboxService::pushPending, &OutboxService::pushCommitments, &OutboxService::receive,
                      &OutboxService::applyChanges}) {
        if (Status ok = (this->*step)(); !ok)
            return ok;
    }
    return {};
}

OutboxService::HubStatus OutboxService::status() const
{
    HubStatus s;
    s.joined = isJoined();
    s.reachable = m_reachable && m_client.isOpen();
    s.waiting = m_store.waitingCount().isOk() ? m_store.waitingCount().value() : 0;
    s.lastError = m_lastError;
    if (!s.joined)
        return s;
    const QString waiting = s.waiting == 1 ? Text::tr("1 message waiting to sync")
                                           : Text::tr("%1 messages waiting to sync").arg(s.waiting);
    if (!s.reachable)
        s.text = s.waiting > 0 ? Text::tr("Team hub unreachable — %1").arg(waiting)
                               : Text::tr("Team hub unreachable");
    else if (s.waiting > 0)
        s.text = waiting;
    return s;
}

Status OutboxService::refreshDirectory()
{
    const Result<QList<HubMember>> members = m_client.teammates();
    if (!members)
        return members.error();
    const Result<QList<HubWindow>> windows = m_client.windows();
    if (!windows)
        return windows.error();
    if (Status saved = m_store.replaceDirectory(*members, *windows); !saved)
        return saved;
    m_directory.reset(*members, *windows, m_memberId);
    return {};
}

Status OutboxService::pushOne(const HubStore::Entry &entry)
{
    const Result<std::optional<Message>> found = m_messages.find(entry.uuid);
    if (!found)
        return found.error();
    if (!found->has_value())
        return m_store.setPending(entry.uuid, HubStore::Pending::None);
    Message m = found->value();
    switch (entry.pending) {
    case HubStore::Pending::None:
        return {};
    case HubStore::Pending::Push: {
        if (m.state == Message::State::Withdrawn) // withdrawn before it ever left
            return m_store.setPending(entry.uuid, HubStore::Pending::None);
        const Result<QDateTime> release = m_client.push(m, entry.urgent);
        if (!release) {
            if (release.error().code == Error::Code::Io)
                return release.error();
            // Refused for good (no longer a teammate, text the hub cannot hold): keep it
            // locally as a draft and say why.
            m_lastError = release.error().message;
            m.state = Message::State::Draft;
            if (Status saved = m_messages.save(m); !saved)
                return saved;
            return m_store.setPending(entry.uuid, HubStore::Pending::None);
        }
        m.releaseAt = *release;
        if (Status saved = m_messages.save(m); !saved)
            return saved;
        return m_store.setPending(entry.uuid, HubStore::Pending::None);
    }
    case HubStore::Pending::Edit:
    case HubStore::Pending::Withdraw: {
        const Status done = entry.pending == HubStore::Pending::Edit ? m_client.edit(m.uuid, m.subject, m.body)
                                                                      : m_client.withdraw(m.uuid);
        if (!done && done.error().code == Error::Code::Io)
            return done;
        if (!done)
            m_lastError = done.error().message;
        if (Status cleared = m_store.setPending(entry.uuid, HubStore::Pending::None); !cleared)
            return cleared;
        // Either way, the hub's copy is the truth now (a refused edit is undone locally).
        return updateSent({m.uuid});
    }
    case HubStore::Pending::Acknowledge: {
        if (Status done = m_client.acknowledge(m.uuid); !done && done.error().code == Error::Code::Io)
            return done;
        return m_store.setPending(entry.uuid, HubStore::Pending::None);
    }
    }
    return {};
}

Status OutboxService::pushWaiting()
{
    if (m_syncing || !m_client.isOpen())
        return {}; // a sync is under way or will come: it pushes first
    const Result<QList<HubStore::Entry>> entries = m_store.pending();
    if (!entries)
        return entries.error();
    // A shared task changed by another process (`fermata tasks done`, a plan made in the window).
    const Result<int> commitments = m_commitments.waitingCount();
    if (!commitments)
        return commitments.error();
    if (entries->isEmpty() && *commitments == 0)
        return {};
    if (Status pushed = withHub([this] {
            if (Status ok = pushPending(); !ok)
                return ok;
            return pushCommitments();
        }); !pushed)
        return noteFailure(pushed.error());
    Q_EMIT statusChanged();
    return {};
}

Status OutboxService::pushPending()
{
    const Result<QList<HubStore::Entry>> entries = m_store.pending();
    if (!entries)
        return entries.error();
    // New messages go out in batches (one round trip and one transaction each: catching up
    // after a day offline takes a moment, not minutes); edits, withdrawals and
    // acknowledgements, and anything the batch cannot take, one by one.
    QList<HubStore::Entry> single;
    QList<HubClient::Outgoing> batch;
    qsizetype batchCharacters = 0;
    auto flush = [&]() -> Status {
        Status status = pushBatch(batch);
        batch.clear();
        batchCharacters = 0;
        return status;
    };
    for (const HubStore::Entry &entry : *entries) {
        if (entry.pending != HubStore::Pending::Push) {
            single.append(entry);
            continue;
        }
        const Result<std::optional<Message>> found = m_messages.find(entry.uuid);
        if (!found)
            return found.error();
        const bool fits = found->has_value() && found->value().state != Message::State::Withdrawn
            && hubsql::checkText(QString(), found->value().subject, hubsql::maxSubjectCharacters)
            && hubsql::checkText(QString(), found->value().body, hubsql::maxBodyCharacters);
        if (!fits) {
            single.append(entry); // pushOne() clears or refuses it with the reason
            continue;
        }
        const Message &m = found->value();
        batch.append({m, entry.urgent});
        batchCharacters += m.subject.size() + m.body.size();
        if (batch.size() >= s_pushBatch || batchCharacters >= s_pushBatchCharacters) {
            if (Status pushed = flush(); !pushed)
                return pushed;
        }
    }
    if (Status pushed = flush(); !pushed)
        return pushed;
    for (const HubStore::Entry &entry : single) {
        if (Status pushed = pushOne(entry); !pushed)
            return pushed;
    }
    if (!entries->isEmpty())
        Q_EMIT outboxChanged();
    return {};
}

Status OutboxService::pushBatch(const QList<HubClient::Outgoing> &batch)
{
    if (batch.isEmpty())
        return {};
    if (batch.size() == 1)
        return pushOne({batch.constFirst().message.uuid, true, batch.constFirst().urgent, HubStore::Pending::Push});
    const Result<QList<std::optional<QDateTime>>> releases = m_client.pushAll(batch);
    if (!releases)
        return releases.error(); // nothing was stored: the whole batch is retried
    for (qsizetype i = 0; i < batch.size(); ++i) {
        Message m = batch.at(i).message;
        if (const std::optional<QDateTime> &release = releases->at(i)) {
            m.releaseAt = *release;
        } else {
            m_lastError = Text::tr("\"%1\" is not an active member of your team.").arg(m.to);
            m.state = Message::State::Draft; // kept locally, as pushOne() does
        }
        if (Status saved = m_db.inTransaction([&]() -> Status {
                if (Status s = m_messages.save(m); !s)
                    return s;
                return m_store.setPending(m.uuid, HubStore::Pending::None);
            }); !saved)
            return saved;
    }
    return {};
}

Status OutboxService::receive()
{
    constexpr int batch = 500;
    for (;;) {
        const Result<QList<Message>> released = m_client.fetchReleased(batch);
        if (!released)
            return released.error();
        // Read before any transaction, as the engine's intake does: urgent ones are decided
        // against the person's rules and the hourly cap as it stands now.
        Result<teaminbox::Interruptions> interruptions = teaminbox::interruptionsAt(m_inbox, m_clock.now());
        if (!interruptions)
            return interruptions.error();
        QList<QUuid> uuids;
        for (const Message &m : *released) {
            uuids.append(m.uuid);
            const Result<std::optional<Message>> known = m_messages.find(m.uuid);
            if (!known)
                return known.error();
            if (known->has_value())
                continue; // stored before, its confirmation was lost: never announce twice
            // Stored, and put in the Inbox, in one transaction before it is confirmed: a crash
            // in between only causes a re-fetch, and whichever process fetched it (the window,
            // `fermata serve`, `hub sync`) the Inbox gets it exactly once.
            const Status stored = m_db.inTransaction([&]() -> Status {
                if (Status saved = m_messages.save(m); !saved)
                    return saved;
                const InboxItem item = teaminbox::itemFor(m, m_directory, m_clock.now(), interruptions.value());
                if (auto added = m_inbox.add({item}); !added)
                    return added.error();
                return m_store.track({m.uuid, false, false, HubStore::Pending::None});
            });
            if (!stored)
                return stored;
            Q_EMIT messageReceived(m);
        }
        if (Status confirmed = m_client.markDelivered(uuids); !confirmed)
            return confirmed;
        if (released->size() < batch)
            return {};
    }
}

Status OutboxService::applyChanges()
{
    QString cursor = m_store.state(s_keyCursor).value();
    bool directoryChanged = cursor.isEmpty();
    // The team's commitments are read whole once (on joining, or after the hub learnt them),
    // then followed through the feed.
    if (m_commitments.hubHasCommitments() && m_store.state(s_keyCommitmentsLoaded).value() != u"1") {
        if (Status loaded = m_commitments.refreshAll(); !loaded)
            return loaded;
        if (Status saved = m_store.setState(s_keyCommitmentsLoaded, QStringLiteral("1")); !saved)
            return saved;
    }
    bool pulledAgain = false;
    for (;;) {
        const Result<ChangeBatch> batch = m_client.pullChanges(cursor);
        if (!batch)
            return batch.error();
        QList<QUuid> sent;
        QList<QUuid> commitments;
        bool membersChanged = false;
        for (const HubChange &change : batch->changes) {
            if (change.kind == u"message" && !change.message.isNull()) {
                sent.append(change.message);
            } else if (change.kind == u"commitment") {
                if (!change.message.isNull() && !commitments.contains(change.message))
                    commitments.append(change.message);
            } else {
                directoryChanged = true;
                membersChanged = membersChanged || change.kind == u"members";
            }
        }
        if (!sent.isEmpty()) {
            if (Status updated = updateSent(sent); !updated)
                return updated;
        }
        // Applied before the cursor moves past them: a failure here reads them again next time.
        // A member who left takes their commitments with them: read the whole list again.
        if (Status followed = membersChanged ? m_commitments.refreshAll() : m_commitments.refresh(commitments);
            !followed)
            return followed;
        if (batch->cursor == cursor || batch->changes.isEmpty()) {
            // Changes the hub held back from this pull (sql/hub_v8.sql): once the hub has let
            // them through, pull again at once; if a writer still holds them, soon again.
            const Result<bool> held = m_client.feedHeldBack(cursor);
            if (!held)
                return held.error();
            m_feedHeldBack = *held;
            if (m_feedHeldBack && !pulledAgain) {
                pulledAgain = true;
                continue;
            }
            break;
        }
        cursor = batch->cursor;
        if (Status saved = m_store.setState(s_keyCursor, cursor); !saved)
            return saved;
    }
    if (directoryChanged || m_directory.members().isEmpty())
        return refreshDirectory();
    return {};
}

Status OutboxService::updateSent(const QList<QUuid> &uuids)
{
    const Result<QList<SentStatus>> statuses = m_client.sentStatus(uuids);
    if (!statuses)
        return statuses.error();
    bool changed = false;
    for (const SentStatus &s : *statuses) {
        const Result<std::optional<Message>> found = m_messages.find(s.uuid);
        if (!found)
            return found.error();
        if (!found->has_value())
            continue; // sent from another machine of mine; this outbox never held it
        Message m = found->value();
        const Result<std::optional<HubStore::Entry>> entry = m_store.find(s.uuid);
        if (entry && entry->has_value() && entry->value().pending != HubStore::Pending::None)
            continue; // a local change is still on its way; it wins until pushed
        m.subject = s.subject;
        m.body = s.body;
        m.releaseAt = s.releaseAt;
        m.deliveredAt = s.deliveredAt;
        m.acknowledgedAt = s.acknowledgedAt;
        m.state = s.withdrawn ? Message::State::Withdrawn
            : s.acknowledgedAt.isValid() ? Message::State::Acknowledged
            : s.deliveredAt.isValid() ? Message::State::Delivered
            : Message::State::Queued;
        if (m != found->value()) {
            if (Status saved = m_messages.save(m); !saved)
                return saved;
            changed = true;
        }
    }
    if (changed)
        Q_EMIT outboxChanged();
    return {};
}

void OutboxService::scheduleNextPull()
{
    const QDateTime now = m_clock.now();
    QDateTime next;
    if (const auto release = m_client.nextRelease(); release && release->has_value())
        next = release->value();
    // My own next window start: pull then too, whatever the hub said.
    const QList<WeeklyRule> mine = m_directory.rulesFor(m_memberId);
    if (!mine.isEmpty()) {
        const QDateTime window = deliverypolicy::releaseTime(mine, now.addSecs(1));
        if (window > now && (!next.isValid() || window < next))
            next = window;
    }
    qint64 delay = next.isValid() ? now.msecsTo(next) : s_maxPullDelayMs;
    delay = qBound<qint64>(0, delay, s_maxPullDelayMs) + (next.isValid() ? 20 : 0);
    // Changes a teammate's transaction still holds back: look again soon (a writer that rolls
    // back sends no nudge), less often the longer it takes.
    if (m_feedHeldBack) {
        delay = qMin<qint64>(delay, m_heldBackRetryMs);
        m_heldBackRetryMs = qMin(m_heldBackRetryMs * 2, s_heldBackRetryMaxMs);
    } else {
        m_heldBackRetryMs = s_heldBackRetryFirstMs;
    }
    // A client that could not LISTEN hears no nudges: it pulls on its own until it can.
    if (!m_client.isListening())
        delay = qMin(delay, s_unheardPullMs);
    m_pullTimer.start(int(delay));
}

QString OutboxService::describe(const QDateTime &releaseAt, const QString &recipientRole) const
{
    const auto member = m_directory.find(recipientRole);
    const QTimeZone theirs = member ? QTimeZone(member->timeZoneId) : m_senderZone;
    return deliverypolicy::describe(releaseAt, m_clock.now(), m_senderZone, theirs);
}

Result<OutboxService::ReleasePreview> OutboxService::preview(const QString &recipient)
{
    if (!isJoined())
        return Error{Error::Code::NotFound, Text::tr("Join a team hub to send messages to teammates.")};
    const auto member = m_directory.find(recipient);
    if (!member)
        return Error{Error::Code::NotFound, Text::tr("\"%1\" is not in your team.").arg(recipient)};
    ReleasePreview preview;
    if (m_client.isOpen()) {
        const Result<QDateTime> fromHub = withHub([&] { return m_client.previewRelease(member->role); });
        if (fromHub) {
            preview.releaseAt = *fromHub;
            preview.fromHub = true;
        } else if (fromHub.error().code == Error::Code::Io) {
            (void)noteFailure(fromHub.error());
        }
    }
    if (!preview.fromHub)
        preview.releaseAt = deliverypolicy::releaseTime(m_directory.rulesFor(member->id), m_clock.now());
    preview.text = describe(preview.releaseAt, member->role);
    return preview;
}

Result<Message> OutboxService::send(const QString &to, const QString &subject, const QString &body,
                                    bool urgent)
{
    if (!isJoined())
        return Error{Error::Code::NotFound, Text::tr("Join a team hub to send messages to teammates.")};
    const auto member = m_directory.find(to);
    if (!member)
        return Error{Error::Code::NotFound, Text::tr("\"%1\" is not in your team.").arg(to)};
    if (Status ok = hubsql::checkText(Text::tr("subject"), subject, hubsql::maxSubjectCharacters); !ok)
        return ok.error();
    if (Status ok = hubsql::checkText(Text::tr("message"), body, hubsql::maxBodyCharacters); !ok)
        return ok.error();
    Message m;
    m.uuid = QUuid::createUuid();
    m.from = m_role;
    m.to = member->role;
    m.subject = subject;
    m.body = body;
    m.createdAt = m_clock.now();
    m.releaseAt = urgent ? m.createdAt
                         : deliverypolicy::releaseTime(m_directory.rulesFor(member->id), m.createdAt);
    m.state = Message::State::Queued;
    // Committed locally first: once send() returns, the message survives anything.
    const Status stored = m_db.inTransaction([&]() -> Status {
        if (Status saved = m_messages.save(m); !saved)
            return saved;
        return m_store.track({m.uuid, true, urgent, HubStore::Pending::Push});
    });
    if (!stored)
        return stored.error();
    Q_EMIT outboxChanged();
    if (isConnected() || openClient().isOk()) {
        if (Status pushed = withHub([&] { return pushOne({m.uuid, true, urgent, HubStore::Pending::Push}); }); !pushed)
            (void)noteFailure(pushed.error());
        else
            setReachable(true);
        Q_EMIT outboxChanged();
    } else {
        setReachable(false);
    }
    Q_EMIT statusChanged();
    const Result<std::optional<Message>> saved = m_messages.find(m.uuid);
    return saved && saved->has_value() ? saved->value() : m;
}

Result<OutboxService::HeldMessage> OutboxService::findHeld(const QUuid &uuid, const QString &change) const
{
    const Result<std::optional<Message>> found = m_messages.find(uuid);
    if (!found)
        return found.error();
    if (!found->has_value() || found->value().from != m_role)
        return Error{Error::Code::NotFound, Text::tr("There is no such message in your outbox.")};
    const Message &m = found->value();
    if (m.state != Message::State::Queued || m.releaseAt <= m_clock.now())
        return Error{Error::Code::Invalid,
                     Text::tr("\"%1\" was already released; it can no longer be %2.").arg(m.subject, change)};
    const Result<std::optional<HubStore::Entry>> entry = m_store.find(uuid);
    const bool waitingToPush = entry && entry->has_value() && entry->value().pending == HubStore::Pending::Push;
    return HeldMessage{m, waitingToPush};
}

Result<bool> OutboxService::tryOnHub(const HeldMessage &held, const std::function<Status()> &call)
{
    if (held.waitingToPush || !m_client.isOpen())
        return false;
    const Status done = withHub(call);
    if (done)
        return true;
    if (done.error().code != Error::Code::Io)
        return done.error();
    (void)noteFailure(done.error());
    return false;
}

Status OutboxService::saveHeld(const Message &m, std::optional<HubStore::Pending> pending)
{
    const Status saved = m_db.inTransaction([&]() -> Status {
        if (Status ok = m_messages.save(m); !ok)
            return ok;
        return pending ? m_store.setPending(m.uuid, *pending) : Status();
    });
    Q_EMIT outboxChanged();
    Q_EMIT statusChanged();
    return saved;
}

Status OutboxService::edit(const QUuid &uuid, const QString &subject, const QString &body)
{
    if (Status ok = hubsql::checkText(Text::tr("subject"), subject, hubsql::maxSubjectCharacters); !ok)
        return ok;
    if (Status ok = hubsql::checkText(Text::tr("message"), body, hubsql::maxBodyCharacters); !ok)
        return ok;
    const Result<HeldMessage> held = findHeld(uuid, Text::tr("edited"));
    if (!held)
        return held.error();
    const Result<bool> onHub = tryOnHub(*held, [&] { return m_client.edit(uuid, subject, body); });
    if (!onHub)
        return onHub.error();
    Message m = held->message;
    m.subject = subject;
    m.body = body;
    // Not pushed yet: the push carries the edit.
    if (held->waitingToPush)
        return saveHeld(m, std::nullopt);
    return saveHeld(m, *onHub ? HubStore::Pending::None : HubStore::Pending::Edit);
}

Status OutboxService::withdraw(const QUuid &uuid)
{
    const Result<HeldMessage> held = findHeld(uuid, Text::tr("withdrawn"));
    if (!held)
        return held.error();
    const Result<bool> onHub = tryOnHub(*held, [&] { return m_client.withdraw(uuid); });
    if (!onHub)
        return onHub.error();
    Message m = held->message;
    m.state = Message::State::Withdrawn;
    // A message withdrawn before it was pushed never leaves.
    return saveHeld(m, held->waitingToPush || *onHub ? HubStore::Pending::None : HubStore::Pending::Withdraw);
}

Result<QList<OutboxService::OutgoingMessage>> OutboxService::outbox() const
{
    const Result<QList<Message>> all = m_messages.all();
    if (!all)
        return all.error();
    QList<OutgoingMessage> list;
    for (const Message &m : *all) {
        if (m.from != m_role || m_role.isEmpty())
            continue;
        OutgoingMessage out;
        out.message = m;
        const Result<std::optional<HubStore::Entry>> entry = m_store.find(m.uuid);
        if (entry && entry->has_value()) {
            out.urgent = entry->value().urgent;
            out.onHub = entry->value().pending != HubStore::Pending::Push;
        }
        const auto member = m_directory.find(m.to);
        out.recipientName = member ? member->name : m.to;
        list.append(out);
    }
    return list;
}

Result<int> OutboxService::urgentCount(const QDateTime &since) const
{
    return m_store.urgentSentSince(since);
}

Result<QList<Message>> OutboxService::received() const
{
    const Result<QList<Message>> all = m_messages.all();
    if (!all)
        return all.error();
    QList<Message> list;
    for (const Message &m : *all) {
        if (!m_role.isEmpty() && m.to == m_role && m.from != m_role)
            list.append(m);
    }
    return list;
}

Status OutboxService::acknowledge(const QUuid &uuid)
{
    const Result<std::optional<Message>> found = m_messages.find(uuid);
    if (!found)
        return found.error();
    if (!found->has_value() || found->value().to != m_role)
        return Status::failure(Error::Code::NotFound, Text::tr("There is no such received message."));
    Message m = found->value();
    m.state = Message::State::Acknowledged;
    const Status saved = m_db.inTransaction([&]() -> Status {
        if (Status ok = m_messages.save(m); !ok)
            return ok;
        return m_store.setPending(uuid, HubStore::Pending::Acknowledge);
    });
    if (!saved)
        return saved;
    if (m_client.isOpen())
        (void)pushOne({uuid, false, false, HubStore::Pending::Acknowledge});
    return {};
}

Status OutboxService::pushCommitments()
{
    return m_commitments.push();
}

void OutboxService::tryPushCommitments()
{
    if (isConnected() || openClient().isOk()) {
        if (Status pushed = withHub([this] { return pushCommitments(); }); !pushed)
            (void)noteFailure(pushed.error());
        else
            setReachable(true);
    } else {
        setReachable(false);
    }
    Q_EMIT statusChanged();
}

Result<CommitmentService::Mine> OutboxService::share(qint64 taskId, const std::optional<QString> &note)
{
    if (!isJoined())
        return Error{Error::Code::NotFound, Text::tr("This Fermata has not joined a team hub yet: run "
                                                     "fermata hub join --url URL --user USER.")};
    const Result<CommitmentService::Mine> shared = m_commitments.share(taskId, note);
    if (!shared)
        return shared;
    tryPushCommitments();
    const Result<std::optional<CommitmentService::Mine>> now = m_commitments.find(taskId);
    return now && now->has_value() ? now->value() : shared.value();
}

Status OutboxService::unshare(qint64 taskId)
{
    if (Status unshared = m_commitments.unshare(taskId); !unshared)
        return unshared;
    if (isJoined())
        tryPushCommitments();
    return {};
}

Status OutboxService::publishWindows(const QList<WeeklyRule> &rules, const QString &label)
{
    QList<HubWindow> windows;
    for (const WeeklyRule &rule : rules)
        windows.append(HubWindow{0, m_memberId, rule, label});
    if (Status published = withHub([&] { return m_client.setMyWindows(windows); }); !published)
        return published.error().code == Error::Code::Io ? noteFailure(published.error()) : published;
    return sync();
}

} // namespace fermata
