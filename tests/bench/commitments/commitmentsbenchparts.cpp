#include "commitmentsbenchparts.h"

#include "hubbenchparts.h"
#include "storage/attentionrepository.h"
#include "storage/repositories.h"
#include "team/commitmentnotices.h"

#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <set>
#include <thread>

namespace fermata::bench::commitments {

namespace {

const QString s_prefix = QLatin1String(commitmentnotices::uuidPrefix);

// Only noteError() prints, one line at a time.
std::mutex s_errorMutex;

} // namespace

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

void sleepMs(int ms)
{
    std::this_thread::sleep_for(std::chrono::milliseconds(ms));
}

void fail(const QString &what)
{
    std::fprintf(stderr, "commitments_bench: %s\n", qPrintable(what));
    std::exit(2);
}

bool isCommitmentNotice(const QString &itemUuid)
{
    return itemUuid.startsWith(s_prefix);
}

int Tracker::saw(int member, const QList<InboxItem> &items, bool twin)
{
    const qint64 at = nowMs();
    int fresh = 0;
    const std::lock_guard lock(m_mutex);
    for (const InboxItem &item : items) {
        if (!item.uuid.startsWith(s_prefix))
            continue;
        auto [it, inserted] = m_items.try_emplace({member, item.notification.id});
        if (inserted) {
            it->second = Sighting{member, item.uuid, round.load(), at, 0, twin};
            ++fresh;
        }
        if (item.state != ItemState::Held && it->second.releasedMs == 0)
            it->second.releasedMs = at; // released by a tick this process did not see
    }
    return fresh;
}

void Tracker::released(int member, const QList<qint64> &ids)
{
    const qint64 at = nowMs();
    const std::lock_guard lock(m_mutex);
    for (qint64 id : ids) {
        auto it = m_items.find({member, id});
        if (it != m_items.end() && it->second.releasedMs == 0)
            it->second.releasedMs = at;
        if (at < releaseSince.load())
            ++m_early;
    }
}

std::pair<int, int> Tracker::countIn(int r) const
{
    const std::lock_guard lock(m_mutex);
    int stored = 0, released = 0;
    for (const auto &[key, s] : m_items) {
        if (s.round != r)
            continue;
        ++stored;
        released += s.releasedMs > 0 ? 1 : 0;
    }
    return {stored, released};
}

QList<Sighting> Tracker::sightings() const
{
    const std::lock_guard lock(m_mutex);
    QList<Sighting> list;
    for (const auto &[key, s] : m_items)
        list.append(s);
    return list;
}

Tracker g_tracker;
std::array<std::atomic<int>, 4> g_syncs{};
std::atomic<int> g_errors{0};
std::atomic<int> g_locked{0};
std::atomic<int> g_lockedReleases{0};
std::atomic<int> g_connectRetries{0};

Status connectWithRetries(OutboxService &service)
{
    Status s = service.connectToHub();
    for (int attempt = 1; !s && s.error().code == Error::Code::Io && attempt < 10; ++attempt) {
        ++g_connectRetries;
        QThread::msleep(500 * attempt);
        s = service.connectToHub();
    }
    return s;
}

void noteError(const QString &what)
{
    // Two processes of one person on one file: SQLite's busy timeout (5 s) ran out. The next
    // sync repeats the work; counted apart, the checks say whether anything was lost or doubled.
    const bool locked = what.contains(QStringLiteral("database is locked"));
    if (locked && what.startsWith(QStringLiteral("attention:")))
        ++g_lockedReleases;
    const int seen = locked ? g_locked.fetch_add(1) : g_errors.fetch_add(1);
    if (seen < (locked ? 3 : 10)) {
        const std::lock_guard lock(s_errorMutex);
        std::fprintf(stderr, "commitments_bench: %s\n", qPrintable(what));
    }
}

void progress(const char *what)
{
    std::fprintf(stderr, "%s  %s\n", qPrintable(QDateTime::currentDateTimeUtc().toString(QStringLiteral("HH:mm:ss"))), what);
}

void afterSync(Person &p, Database &db, bool twin)
{
    const Result<QList<InboxItem>> items = AttentionRepository(db).recent(100000);
    if (!items) {
        noteError(items.error().message);
        return;
    }
    g_tracker.saw(p.index, *items, twin);
    g_syncs[size_t(std::clamp(g_tracker.round.load(), 0, 3))] += 1;
    if (g_tracker.round.load() == 1 && p.copyCompleteAt.load() == 0) {
        QSqlQuery q(db.connection());
        if (q.exec(QStringLiteral("SELECT count(*) FROM team_commitments WHERE finish_day IS NOT NULL")) && q.next()
            && q.value(0).toInt() >= p.expectedCopy)
            p.copyCompleteAt = nowMs();
    }
    if (!twin)
        p.attention->takeInboxChanges();
    else
        p.process.post([&p] { p.attention->takeInboxChanges(); });
}

Status sync(OutboxService &service)
{
    Status s = service.sync();
    if (!s)
        noteError(QStringLiteral("sync: ") + s.error().message);
    return s;
}

QUuid aboutWhich(const QString &itemUuid, const QHash<QUuid, qint64> &waits)
{
    const QUuid about = commitmentnotices::commitmentOf(itemUuid);
    return waits.contains(about) ? about : QUuid();
}

std::vector<QList<ItemRow>> readNotices(const std::vector<Person *> &people)
{
    std::vector<QList<ItemRow>> all(people.size());
    onEach(people, [&all](Person &p) {
        const Result<QList<InboxItem>> items = AttentionRepository(*p.db).recent(100000);
        if (!items) {
            noteError(items.error().message);
            return;
        }
        for (const InboxItem &item : *items) {
            if (item.uuid.startsWith(s_prefix))
                all[size_t(p.index)].append({item.notification.id, item.uuid, item.state, item.notification.title});
        }
    });
    return all;
}

QString Tally::summary() const
{
    return QStringLiteral("%1 items for %2 expected: missing %3, duplicates %4, unexpected %5, unmapped %6 "
                          "(held %7, released %8)")
        .arg(items).arg(expected).arg(missing).arg(duplicates).arg(unexpected).arg(unmapped).arg(held).arg(released);
}

Tally verify(const std::vector<Person *> &people, const std::vector<QList<ItemRow>> &notices,
             const std::vector<QSet<qint64>> &baseline, const QSet<QUuid> &changed)
{
    Tally v;
    for (const Person *p : people) {
        const size_t i = size_t(p->index);
        QHash<QUuid, int> per;
        QSet<QString> uuids;
        for (const ItemRow &row : notices[i]) {
            if (baseline[i].contains(row.id))
                continue;
            ++v.items;
            (row.state == ItemState::Held ? v.held : v.released) += 1;
            if (uuids.contains(row.uuid))
                ++v.duplicates;
            uuids.insert(row.uuid);
            const QUuid about = aboutWhich(row.uuid, p->waits);
            if (about.isNull())
                ++v.unmapped;
            else
                per[about] += 1;
        }
        for (auto it = p->waits.cbegin(); it != p->waits.cend(); ++it) {
            const int n = per.value(it.key());
            if (changed.contains(it.key())) {
                ++v.expected;
                v.missing += n == 0 ? 1 : 0;
                v.duplicates += std::max(0, n - 1);
            } else {
                v.unexpected += n;
            }
        }
    }
    return v;
}

QHash<QUuid, qint64> hubChangeTimes(HubClient &admin)
{
    QHash<QUuid, qint64> times;
    QSqlQuery q(admin.connection());
    if (!q.exec(QStringLiteral("SELECT uuid::text, (extract(epoch FROM updated_at) * 1000)::bigint FROM fermata.commitments")))
        fail(q.lastError().text());
    while (q.next())
        times.insert(QUuid::fromString(q.value(0).toString()), q.value(1).toLongLong());
    return times;
}

int hubCount(HubClient &admin, const QString &where)
{
    QSqlQuery q(admin.connection());
    if (!q.exec(QStringLiteral("SELECT count(*) FROM fermata.commitments WHERE withdrawn_at IS NULL AND ") + where) || !q.next())
        fail(q.lastError().text());
    return q.value(0).toInt();
}

CheckInWindow windowAt(const QDateTime &start, int minutes)
{
    const QTime t = start.toUTC().time();
    return CheckInWindow{0, WeeklyRule(WeeklyRule::EveryDay, QTime(t.hour(), t.minute()), QTime(t.hour(), t.minute()).addSecs(minutes * 60), "UTC"),
                         QStringLiteral("bench"), CheckInWindow::Scope::Personal};
}

QDateTime nextMinuteAfter(qint64 secs)
{
    QDateTime t = QDateTime::currentDateTimeUtc().addSecs(secs);
    return t.addSecs(60 - t.time().second()).addMSecs(-t.time().msec());
}

QString Lags::text() const
{
    return QStringLiteral("p50 %1 ms, p99 %2 ms, max %3 ms (n = %4)")
        .arg(bench::percentile(values, 0.5)).arg(bench::percentile(values, 0.99)).arg(bench::percentile(values, 1))
        .arg(values.size());
}

void markDone(Person &p, qint64 taskId)
{
    TaskRepository tasks(*p.db);
    Result<std::optional<Task>> task = tasks.find(taskId);
    if (!task || !task->has_value()) {
        noteError(QStringLiteral("task %1 of member %2 is gone").arg(taskId).arg(p.index));
        return;
    }
    Task t = task->value();
    t.done = true;
    if (Status s = tasks.update(t); !s)
        noteError(s.error().message);
}

void moveFinishDay(Person &p, qint64 taskId, int days)
{
    const QDateTime start(QDate::currentDate().addDays(days), QTime(15, 0), Qt::UTC);
    if (auto added = FocusBlockRepository(*p.db).add({0, taskId, start, start.addSecs(3600), false}); !added)
        noteError(added.error().message);
}

const SystemClock &systemClock()
{
    static const SystemClock clock{};
    return clock;
}

void openFermata(Person &p, const HubConfig &config, int perMember, const QDateTime &closedAt)
{
    auto opened = Database::open(p.dir.databasePath());
    if (!opened)
        fail(opened.error().message);
    p.db = std::move(opened).value();
    p.secrets = std::make_unique<FileSecretStore>(p.secretsPath());
    p.attention = std::make_unique<AttentionService>(*p.db, systemClock());
    if (Status s = p.attention->load("UTC"); !s)
        fail(s.error().message);
    if (Status s = p.attention->setPersonalWindows({windowAt(closedAt, 10)}); !s)
        fail(s.error().message);
    QObject::connect(p.attention.get(), &AttentionService::digestReady, p.attention.get(),
                     [&p](const Digest &, const QList<qint64> &ids) { g_tracker.released(p.index, ids); });
    QObject::connect(p.attention.get(), &AttentionService::failed, p.attention.get(),
                     [](const Error &e) { noteError(QStringLiteral("attention: ") + e.message); });
    p.attention->start();
    p.service = std::make_unique<OutboxService>(*p.db, *p.secrets, systemClock());
    p.service->setReconnectInterval(0);
    p.service->setSenderZone(QTimeZone::utc());
    QObject::connect(p.service.get(), &OutboxService::statusChanged, p.service.get(),
                     [&p] { afterSync(p, *p.db, false); });
    HubConfig mine = config;
    mine.user = p.account.role;
    if (Status s = p.service->join(mine, p.account.password); !s)
        fail(QStringLiteral("join: ") + s.error().message);
    const QDateTime due = QDateTime::currentDateTimeUtc().addDays(30);
    for (int k = 0; k < perMember; ++k) {
        Task task;
        task.title = QStringLiteral("Member %1's deliverable %2").arg(p.index).arg(k);
        task.estimateMinutes = task.remainingMinutes = 180;
        task.deadline = due.addSecs(3600 * k);
        const Result<qint64> id = TaskRepository(*p.db).add(task);
        if (!id)
            fail(id.error().message);
        const auto shared = p.service->commitments().share(*id, QStringLiteral("bench"));
        if (!shared)
            fail(shared.error().message);
        p.sharedTasks.append(*id);
        p.commitments.append(shared->commitment.uuid);
    }
}

void openSecondProcess(Person &p)
{
    auto opened = Database::open(p.dir.databasePath());
    if (!opened)
        fail(opened.error().message);
    p.twinDb = std::move(opened).value();
    p.twinSecrets = std::make_unique<FileSecretStore>(p.secretsPath());
    p.twin = std::make_unique<OutboxService>(*p.twinDb, *p.twinSecrets, systemClock());
    p.twin->setReconnectInterval(0);
    p.twin->setSenderZone(QTimeZone::utc());
    QObject::connect(p.twin.get(), &OutboxService::statusChanged, p.twin.get(), [&p] { afterSync(p, *p.twinDb, true); });
    if (Status s = connectWithRetries(*p.twin); !s)
        noteError(QStringLiteral("twin: ") + s.error().message);
}

void storeAndPushPlan(Person &p)
{
    QElapsedTimer t;
    t.start();
    const QDate today = QDate::currentDate();
    const Status stored = p.db->inTransaction([&]() -> Status {
        FocusBlockRepository blocks(*p.db);
        for (int k = 0; k < p.sharedTasks.size(); ++k) {
            const QDateTime start(today.addDays(1 + k % 10), QTime(9, 0), Qt::UTC);
            if (auto a = blocks.add({0, p.sharedTasks.at(k), start, start.addSecs(7200), false}); !a)
                return a.error();
            if (k % 2 == 1) {
                if (auto b = blocks.add({0, p.sharedTasks.at(k), start.addDays(1).addSecs(4 * 3600),
                                         start.addDays(1).addSecs(5 * 3600), false}); !b)
                    return b.error();
            }
        }
        return {};
    });
    if (!stored)
        noteError(stored.error().message);
    p.storeMs = t.elapsed();
    t.restart();
    p.syncStartAt = nowMs();
    (void)sync(*p.service);
    p.pushMs = t.elapsed();
}

void push(const std::map<Person *, QList<qint64>> &done, const std::map<Person *, QList<qint64>> &moved, int days)
{
    std::set<Person *> owners;
    for (const auto &[p, l] : done)
        owners.insert(p);
    for (const auto &[p, l] : moved)
        owners.insert(p);
    std::vector<Person *> list(owners.cbegin(), owners.cend());
    onEach(list, [&](Person &p) {
        const Status changed = p.db->inTransaction([&]() -> Status {
            if (auto it = done.find(&p); it != done.end()) {
                for (qint64 task : it->second)
                    markDone(p, task);
            }
            if (auto it = moved.find(&p); it != moved.end()) {
                for (qint64 task : it->second)
                    moveFinishDay(p, task, days);
            }
            return {};
        });
        if (!changed)
            noteError(changed.error().message);
        (void)sync(*p.service);
    });
}

} // namespace fermata::bench::commitments
