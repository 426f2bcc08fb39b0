#include "attention/attentionservice.h"

#include <QCoreApplication>
#include <QMap>

#include "storage/database.h"

#include <QJsonDocument>
#include <QRandomGenerator>
#include <QJsonObject>
#include <QSet>

#include <algorithm>

namespace {

// Messages people read, filed under the attention context of the core's translations.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(fermata::Attention)
};

} // namespace

namespace fermata {

namespace {

const QString s_rulesKey = QStringLiteral("rules");
const QString s_historyKey = QStringLiteral("history_days");
const QString s_seededKey = QStringLiteral("windows_seeded");
const QString s_peekEvent = QStringLiteral("peek");
const QString s_httpEnabledKey = QStringLiteral("http_enabled");
const QString s_httpPortKey = QStringLiteral("http_port");
const QString s_httpTokenKey = QStringLiteral("http_token");
constexpr qint64 s_hourMs = 3600LL * 1000;
constexpr qint64 s_dayMs = 24 * s_hourMs;
// A release that failed (another process held the file past the busy timeout) is tried again
// this soon, not at the next window boundary hours away.
constexpr qint64 s_releaseRetryMs = 2000;

// True when `deliverable` has time in [fromMs, toMs] (inclusive end: due exactly now).
bool hasTimeWithin(const IntervalSet &deliverable, qint64 fromMs, qint64 toMs)
{
    return deliverable.overlaps(Interval(fromMs, toMs + 1));
}

// True when a deliverable interval starts in (afterMs, toMs].
bool opensWithin(const IntervalSet &deliverable, qint64 afterMs, qint64 toMs)
{
    const QList<Interval> &list = deliverable.intervals();
    auto it = std::upper_bound(list.cbegin(), list.cend(), afterMs,
                               [](qint64 ms, const Interval &i) { return ms < i.startMs(); });
    return it != list.cend() && it->startMs() <= toMs;
}

} // namespace

AttentionService::AttentionService(Database &db, const Clock &clock, QObject *parent)
    : QObject(parent), m_db(db), m_clock(clock), m_repo(db), m_windowRepo(db), m_timer(clock)
    , m_announceSince(clock.now())
{
    connect(&m_timer, &WallClockTimer::fired, this, &AttentionService::tick);
    connect(&m_timer, &WallClockTimer::clockJumped, this, &AttentionService::tick);
}

AttentionService::~AttentionService() = default;

QString AttentionService::rulesKey()
{
    return s_rulesKey;
}

Status AttentionService::load(const QByteArray &zoneId, quint8 defaultDays)
{
    m_zoneId = zoneId;
    auto windows = m_windowRepo.all();
    if (!windows)
        return windows.error();
    auto seeded = m_repo.value(s_seededKey);
    if (!seeded)
        return seeded.error();
    if (windows->isEmpty() && !seeded->has_value()) {
        // First run: the defaults, once. A person who later deletes every window keeps none.
        const Status stored = m_db.inTransaction([&]() -> Status {
            for (const CheckInWindow &window : CheckInSchedule::defaultWindows(zoneId, defaultDays)) {
                if (auto id = m_windowRepo.add(window); !id)
                    return id.error();
            }
            return m_repo.setValue(s_seededKey, QStringLiteral("1"));
        });
        if (!stored)
            return stored;
        windows = m_windowRepo.all();
        if (!windows)
            return windows.error();
    } else if (!seeded->has_value()) {
        if (Status s = m_repo.setValue(s_seededKey, QStringLiteral("1")); !s)
            return s;
    }
    m_personal.clear();
    for (const CheckInWindow &window : *windows) {
        if (window.scope == CheckInWindow::Scope::Personal)
            m_personal.append(window);
    }
    auto rules = m_repo.value(s_rulesKey);
    if (!rules)
        return rules.error();
    if (rules->has_value())
        m_rules = BatchingConfig::fromJson(QJsonDocument::fromJson((*rules)->toUtf8()).object());
    auto days = m_repo.value(s_historyKey);
    if (!days)
        return days.error();
    if (days->has_value())
        m_historyDays = qMax(1, (*days)->toInt());
    rebuildSchedule();
    return {};
}

QList<CheckInWindow> AttentionService::personalWindows() const
{
    return m_personal;
}

QList<CheckInWindow> AttentionService::teamWindows() const
{
    return m_team;
}

Status AttentionService::setPersonalWindows(const QList<CheckInWindow> &windows)
{
    for (const CheckInWindow &window : windows) {
        if (!window.rule.isValid())
            return Status::failure(Error::Code::Invalid,
                                   Text::tr("The check-in window \"%1\" needs days, a start, an "
                                            "end and a time zone.")
                                       .arg(window.label));
    }
    QList<CheckInWindow> stored;
    const Status status = m_db.inTransaction([&]() -> Status {
        for (const CheckInWindow &old : std::as_const(m_personal)) {
            if (Status s = m_windowRepo.remove(old.id); !s && s.error().code != Error::Code::NotFound)
                return s;
        }
        for (CheckInWindow window : windows) {
            window.scope = CheckInWindow::Scope::Personal;
            auto id = m_windowRepo.add(window);
            if (!id)
                return id.error();
            window.id = *id;
            stored.append(window);
        }
        return m_repo.setValue(s_seededKey, QStringLiteral("1"));
    });
    if (!status)
        return status;
    m_personal = stored;
    rebuildSchedule();
    Q_EMIT windowsChanged();
    if (m_timer.isArmed() || m_windowOpen)
        tick();
    return {};
}

Status AttentionService::movePersonalWindowsToZone(const QByteArray &zoneId)
{
    QList<CheckInWindow> moved;
    bool changed = false;
    for (CheckInWindow window : std::as_const(m_personal)) {
        changed = changed || window.rule.zoneId() != zoneId;
        window.rule = WeeklyRule(window.rule.dayMask(), window.rule.start(), window.rule.end(), zoneId);
        moved.append(window);
    }
    return changed ? setPersonalWindows(moved) : Status();
}

void AttentionService::setTeamWindows(const QList<CheckInWindow> &windows)
{
    m_team.clear();
    for (CheckInWindow window : windows) {
        window.scope = CheckInWindow::Scope::Team;
        m_team.append(window);
    }
    rebuildSchedule();
    Q_EMIT windowsChanged();
    if (m_timer.isArmed() || m_windowOpen)
        tick();
}

void AttentionService::rebuildSchedule()
{
    m_schedule.setWindows(m_personal + m_team);
}

Status AttentionService::setRules(const BatchingConfig &rules)
{
    const QByteArray json = QJsonDocument(rules.toJson()).toJson(QJsonDocument::Compact);
    if (Status s = m_repo.setValue(s_rulesKey, QString::fromUtf8(json)); !s)
        return s;
    m_rules = rules;
    Q_EMIT rulesChanged();
    if (m_timer.isArmed())
        tick(); // strict mode changes when the desktop is held
    return {};
}

Status AttentionService::setHistoryDays(int days)
{
    days = qMax(1, days);
    if (Status s = m_repo.setValue(s_historyKey, QString::number(days)); !s)
        return s;
    m_historyDays = days;
    return {};
}

void AttentionService::setQuietTimeProvider(QuietTimeProvider provider)
{
    m_quiet = std::move(provider);
}

bool AttentionService::isHttpEnabled() const
{
    auto value = m_repo.value(s_httpEnabledKey);
    return value && value->value_or(QString()) == u"1";
}

quint16 AttentionService::httpPort() const
{
    auto value = m_repo.value(s_httpPortKey);
    const int port = value && value->has_value() ? (*value)->toInt() : 0;
    return port > 0 && port < 65536 ? quint16(port) : DefaultHttpPort;
}

QByteArray AttentionService::httpToken() const
{
    auto value = m_repo.value(s_httpTokenKey);
    return value && value->has_value() ? (*value)->toLatin1() : QByteArray();
}

Status AttentionService::enableHttp(quint16 port)
{
    const Status stored = m_db.inTransaction([&]() -> Status {
        if (httpToken().isEmpty()) {
            // 32 random bytes from the system source, as URL-safe text.
            QByteArray bytes(32, Qt::Uninitialized);
            QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), 8);
            const QByteArray token = bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
            if (Status s = m_repo.setValue(s_httpTokenKey, QString::fromLatin1(token)); !s)
                return s;
        }
        if (Status s = m_repo.setValue(s_httpPortKey, QString::number(port ? port : DefaultHttpPort)); !s)
            return s;
        return m_repo.setValue(s_httpEnabledKey, QStringLiteral("1"));
    });
    if (stored)
        Q_EMIT httpSettingsChanged();
    return stored;
}

Status AttentionService::disableHttp()
{
    const Status stored = m_repo.setValue(s_httpEnabledKey, QStringLiteral("0"));
    if (stored)
        Q_EMIT httpSettingsChanged();
    return stored;
}

IntervalSet AttentionService::quietIn(const Interval &range) const
{
    return m_quiet ? m_quiet(range) : IntervalSet();
}

bool AttentionService::isInQuietTime() const
{
    const qint64 now = m_clock.now().toMSecsSinceEpoch();
    return quietIn(Interval(now, now + 1)).contains(now);
}

Result<QList<qint64>> AttentionService::ingest(QList<InboxItem> items)
{
    const QDateTime now = m_clock.now();
    const qint64 nowMs = now.toMSecsSinceEpoch();
    // Read before the transaction: a transaction that reads first cannot wait for another
    // process's write lock. What another process stores in between, add() reports as known.
    QStringList uuids;
    for (const InboxItem &item : std::as_const(items)) {
        if (!item.uuid.isEmpty())
            uuids.append(item.uuid);
    }
    const auto known = m_repo.idsByUuid(uuids);
    if (!known)
        return known.error();
    const auto breaks = m_repo.breakThroughsSince(now.addMSecs(-s_hourMs));
    if (!breaks)
        return breaks.error();

    BatchingContext context{m_schedule.isOpenAt(nowMs), isInQuietTime(), *breaks};
    QList<qint64> ids(items.size(), 0);
    QList<qsizetype> positions; // in `items`, of those given to the repository
    QList<InboxItem> toAdd;
    QSet<QString> seen;
    for (qsizetype i = 0; i < items.size(); ++i) {
        InboxItem &item = items[i];
        if (const auto id = known->constFind(item.uuid); id != known->constEnd()) {
            ids[i] = *id; // a retry: the first decision stands
            continue;
        }
        // A uuid twice in one batch: the repository stores the first and names its id.
        if (item.uuid.isEmpty() || !seen.contains(item.uuid)) {
            decideNow(item, now, context);
            seen.insert(item.uuid);
        }
        positions.append(i);
        toAdd.append(item);
    }
    QList<InboxItem> stored; // what this call stored: new items with their ids
    const Status status = m_db.inTransaction([&]() -> Status {
        auto added = m_repo.add(toAdd);
        if (!added)
            return added.error();
        for (qsizetype k = 0; k < added->size(); ++k) {
            const AddedItem &result = added->at(k);
            ids[positions[k]] = result.id;
            if (result.isNew) {
                stored.append(toAdd[k]);
                stored.last().notification.id = result.id;
            }
        }
        return {};
    });
    if (!status)
        return status.error();
    if (stored.isEmpty())
        return ids;

    QList<Notification> delivered;
    for (const InboxItem &item : std::as_const(stored)) {
        if (item.state == ItemState::Released)
            delivered.append(item.notification);
        if (item.decision.isBreakThrough())
            m_announced.insert(item.notification.id);
    }
    Q_EMIT itemsStored(stored);
    if (!delivered.isEmpty())
        Q_EMIT notificationsDelivered(delivered);
    countHeld(stored);
    return ids;
}

void AttentionService::decideNow(InboxItem &item, const QDateTime &now, BatchingContext &context) const
{
    Notification &n = item.notification;
    n.receivedAt = now;
    n.releasedAt = QDateTime();
    applyDecision(item, decide(n, m_rules, context), now, context.breakThroughsLastHour);
}

void AttentionService::countHeld(const QList<InboxItem> &stored)
{
    if (!m_held) {
        recountHeld(); // the first count reads what was just stored too
        return;
    }
    const int before = m_held->total();
    for (const InboxItem &item : stored) {
        if (item.state == ItemState::Held)
            m_held->add(item.notification.source);
    }
    if (m_held->total() != before)
        Q_EMIT heldCountChanged(m_held->total());
}

void AttentionService::recountHeld()
{
    auto counts = m_repo.heldCountBySource();
    if (!counts) {
        m_held.reset();
        Q_EMIT failed(counts.error());
        return;
    }
    HeldTally tally(*counts);
    if (m_held && *m_held == tally)
        return;
    m_held = std::move(tally);
    Q_EMIT heldCountChanged(m_held->total());
}

Result<HeldTally> AttentionService::heldTally() const
{
    if (!m_held) {
        auto counts = m_repo.heldCountBySource();
        if (!counts)
            return counts.error();
        m_held = HeldTally(*counts);
    }
    return *m_held;
}

Result<int> AttentionService::heldCount() const
{
    auto tally = heldTally();
    if (!tally)
        return tally.error();
    return tally->total();
}

void AttentionService::takeInboxChanges()
{
    announceStoredElsewhere();
    tick(); // releases what another process held while a window is open, and recounts
    if (auto count = heldCount())
        Q_EMIT heldCountChanged(*count);
    Q_EMIT inboxChanged();
}

void AttentionService::announceStoredElsewhere()
{
    // Break-throughs are few (the hourly cap): the newest items hold every one since the last look.
    const auto recent = m_repo.recent(50);
    if (!recent) {
        Q_EMIT failed(recent.error());
        return;
    }
    QList<Notification> shown;
    for (const InboxItem &item : *recent) {
        const Notification &n = item.notification;
        if (item.state != ItemState::Released || !item.decision.isBreakThrough()
            || n.receivedAt < m_announceSince || m_announced.contains(n.id))
            continue;
        m_announced.insert(n.id);
        shown.append(n);
    }
    if (!shown.isEmpty())
        Q_EMIT notificationsDelivered(shown);
}

Status AttentionService::takeSettingsChanges()
{
    if (Status loaded = load(m_zoneId); !loaded)
        return loaded;
    Q_EMIT windowsChanged();
    Q_EMIT rulesChanged();
    tick();
    return {};
}

void AttentionService::start()
{
    tick();
}

Status AttentionService::releaseDue(qint64 nowMs)
{
    auto held = m_repo.held();
    if (!held)
        return held.error();
    if (held->isEmpty())
        return {};
    const qint64 oldest = held->constFirst().notification.receivedAt.toMSecsSinceEpoch();
    const Interval range(oldest, nowMs + 1);
    const IntervalSet deliverable = m_schedule.openIn(range).subtracted(quietIn(range));
    QList<qint64> ids;
    QList<Notification> released;
    for (const InboxItem &item : std::as_const(*held)) {
        const qint64 received = item.notification.receivedAt.toMSecsSinceEpoch();
        const bool due = item.decision.reason == DecisionReason::SourceAlwaysHold
            ? opensWithin(deliverable, received, nowMs)
            : hasTimeWithin(deliverable, received, nowMs);
        if (!due)
            continue;
        ids.append(item.notification.id);
        released.append(item.notification);
        released.last().releasedAt = QDateTime::fromMSecsSinceEpoch(nowMs, Qt::UTC);
    }
    if (ids.isEmpty())
        return {};
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(nowMs, Qt::UTC);
    if (Status s = m_db.inTransaction([&] { return m_repo.release(ids, at); }); !s)
        return s;
    Q_EMIT digestReady(buildDigest(released), ids); // tick() recounts what is still held
    return {};
}

void AttentionService::tick()
{
    const qint64 nowMs = m_clock.now().toMSecsSinceEpoch();
    m_releaseRetryMs = 0;
    if (Status s = releaseDue(nowMs); !s) {
        m_releaseRetryMs = nowMs + s_releaseRetryMs;
        Q_EMIT failed(s.error());
    }
    recountHeld(); // other processes (`fermata notify` without the app) may have added

    const auto window = m_schedule.windowAt(nowMs);
    if (window && !m_windowOpen) {
        m_windowOpen = true;
        Q_EMIT windowOpened(*window);
    } else if (!window && m_windowOpen) {
        m_windowOpen = false;
        Q_EMIT windowClosed();
    }
    const bool hold = isInQuietTime() || (m_rules.strictMode && !window);
    if (hold != m_holdingDesktop) {
        m_holdingDesktop = hold;
        Q_EMIT desktopHoldChanged(hold);
    }
    if (nowMs - m_lastCleanupMs >= s_hourMs) {
        m_lastCleanupMs = nowMs;
        if (auto removed = removeExpiredHistory(); !removed)
            Q_EMIT failed(removed.error());
        else if (*removed > 0)
            Q_EMIT inboxChanged();
    }
    m_timer.setDeadline(nextWakeUp());
}

QDateTime AttentionService::nextWakeUp() const
{
    const qint64 nowMs = m_clock.now().toMSecsSinceEpoch();
    std::optional<qint64> next = m_schedule.nextBoundaryAfter(nowMs);
    const IntervalSet quiet = quietIn(Interval(nowMs, nowMs + CheckInSchedule::HorizonMs));
    for (const Interval &i : quiet) {
        const qint64 boundary = i.startMs() > nowMs ? i.startMs() : i.endMs();
        if (boundary > nowMs && boundary < nowMs + CheckInSchedule::HorizonMs) {
            next = next ? qMin(*next, boundary) : boundary;
            break;
        }
    }
    if (m_releaseRetryMs > nowMs)
        next = next ? qMin(*next, m_releaseRetryMs) : m_releaseRetryMs;
    // Expiry of history is checked at least hourly.
    const qint64 cleanup = m_lastCleanupMs + s_hourMs;
    if (m_lastCleanupMs > 0 && cleanup > nowMs)
        next = next ? qMin(*next, cleanup) : cleanup;
    return next ? QDateTime::fromMSecsSinceEpoch(*next, Qt::UTC) : QDateTime();
}

bool AttentionService::isWindowOpen() const
{
    return m_schedule.isOpenAt(m_clock.now().toMSecsSinceEpoch());
}

std::optional<Interval> AttentionService::currentWindow() const
{
    return m_schedule.windowAt(m_clock.now().toMSecsSinceEpoch());
}

QDateTime AttentionService::nextWindowStart() const
{
    const qint64 nowMs = m_clock.now().toMSecsSinceEpoch();
    const auto next = m_schedule.nextOpeningAfter(nowMs, {});
    return next ? QDateTime::fromMSecsSinceEpoch(*next, Qt::UTC) : QDateTime();
}

Result<Digest> AttentionService::heldSummary() const
{
    auto held = m_repo.held();
    if (!held)
        return held.error();
    QList<Notification> list;
    list.reserve(held->size());
    for (const InboxItem &item : std::as_const(*held))
        list.append(item.notification);
    return buildDigest(list);
}

Result<QList<InboxItem>> AttentionService::recentItems(int limit, int offset) const
{
    return m_repo.recent(limit, offset);
}

Status AttentionService::peekEarly()
{
    const QDateTime now = m_clock.now();
    if (Status s = m_repo.recordEvent(s_peekEvent, now); !s)
        return s;
    auto total = m_repo.countEvents(s_peekEvent, Interval(0, now.toMSecsSinceEpoch() + 1));
    Q_EMIT peeked(total ? *total : 0);
    return {};
}

Result<int> AttentionService::peekCount(const Interval &range) const
{
    return m_repo.countEvents(s_peekEvent, range);
}

Status AttentionService::markDone(const QList<qint64> &ids)
{
    return setState(ids, ItemState::Done);
}

Status AttentionService::archive(const QList<qint64> &ids)
{
    return setState(ids, ItemState::Archived);
}

Status AttentionService::restoreStates(const QHash<qint64, ItemState> &states)
{
    QMap<int, QList<qint64>> byState;
    for (auto it = states.cbegin(); it != states.cend(); ++it)
        byState[int(it.value())].append(it.key());
    for (auto it = byState.cbegin(); it != byState.cend(); ++it) {
        if (Status s = m_repo.setState(it.value(), ItemState(it.key())); !s)
            return s;
    }
    if (!states.isEmpty()) {
        Q_EMIT inboxChanged();
        recountHeld();
    }
    return {};
}

Status AttentionService::setState(const QList<qint64> &ids, ItemState state)
{
    if (ids.isEmpty())
        return {};
    if (Status s = m_repo.setState(ids, state); !s)
        return s;
    Q_EMIT itemsChanged(ids, state);
    recountHeld();
    return {};
}

Result<int> AttentionService::removeExpiredHistory()
{
    return m_repo.removeOlderThan(m_clock.now().addDays(-m_historyDays));
}

} // namespace fermata
