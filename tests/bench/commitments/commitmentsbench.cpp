// Shared commitments under load (issue 16): 200 members of one team, each its own Fermata (its
// own SQLite file, OutboxService, attention engine and hub connection, on its own thread with an
// event loop, as separate processes would be), share 20 tasks each (4,000 commitments); 2,000
// local tasks spread over the members wait for another member's commitment (afterCommitment).
//
//  Figure 1  publishing a plan's commitment days: every owner stores focus blocks for its shared
//            tasks (one transaction) and syncs, all at once. Per-member store and sync() time,
//            when each owner's finish days were all on the hub, and the time until all 4,000 are
//            on the hub and in every copy (followed through the nudges).
//  Figure 1b the same for one owner at a time (a re-plan that moves every finish day), the
//            others only following: the push without 199 teammates publishing at that moment.
//  Figure 2  a teammate's change -> the dependent's Inbox item at the dependent's window. Owners
//            mark depended-on tasks done or move their finish day and sync; dependents receive
//            through the hub's nudge (LISTEN/NOTIFY -> OutboxService's pull -> sync()), which
//            stores the held "commitment:" item (commitmentnotices.h); the attention engine
//            (AttentionService, real clock) releases it at the window. Round A: the window opens
//            after the change (released by the engine's own wall-clock timer; lag from the
//            window opening). Round B: the window is already open (released when the engine
//            takes the Inbox change, as DataChangeWatcher makes it do; lag from the owner's
//            change, the hub's updated_at). In round B every `--twins-every`th member also runs
//            a second OutboxService on the same SQLite file (another process of that person,
//            nudged by the same NOTIFY, so both sync at the same moment).
//  Checks    every dependent task got exactly one item per changed commitment it waits for, none
//            for unchanged ones, no duplicate uuids, none released before the window, also after
//            two more syncs by everyone (twins included, at once); coalescing: commitments that
//            changed twice before the window (moved, then done) gave one item, saying finished.
//            A sync that gave up on SQLite's busy timeout is counted and shown, not failed: the
//            checks say whether anything was lost or doubled.
//
//   commitments_bench [--members 200] [--commitments 20] [--dependencies 2000] [--twins-every 4]
//                     [--solo 10] [--quick] [--settings "-c name=value ..."]
//
// --quick: 20 members, 5 commitments each, 100 dependencies, 5 solo owners (about a minute, most
// of it waiting for the window to open). Exits non-zero when a check fails. Progress goes to
// stderr. Figures, never a timed test.
#include "attention/attentionservice.h"
#include "hubbenchparts.h"
#include "messaging/outboxservice.h"
#include "pgcluster.h"
#include "storage/attentionrepository.h"
#include "storage/database.h"
#include "storage/repositories.h"
#include "team/commitmentnotices.h"
#include "team/secretstore.h"
#include "testsupport.h"
#include "time/clock.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <functional>
#include <cstdio>
#include <condition_variable>
#include <map>
#include <mutex>
#include <random>
#include <set>
#include <thread>

#include <sys/resource.h>

using namespace fermata;

namespace {

const QString s_prefix = QLatin1String(commitmentnotices::uuidPrefix);

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

void sleepMs(int ms)
{
    std::this_thread::sleep_for(std::chrono::milliseconds(ms));
}

[[noreturn]] void fail(const QString &what)
{
    std::fprintf(stderr, "commitments_bench: %s\n", qPrintable(what));
    std::exit(2);
}

// A thread with its own event loop: one Fermata process. Work is posted to it.
class Process
{
public:
    Process()
    {
        m_thread.start();
        m_context.moveToThread(&m_thread);
    }
    ~Process()
    {
        m_thread.quit();
        m_thread.wait();
    }
    Q_DISABLE_COPY_MOVE(Process)

    template <typename Work>
    void post(Work work)
    {
        QMetaObject::invokeMethod(&m_context, std::move(work), Qt::QueuedConnection);
    }

private:
    QThread m_thread;
    QObject m_context;
};

// When each commitment notice was first seen stored and released, across every process.
struct Sighting
{
    int member = 0;
    QString uuid;
    int round = 0;
    qint64 storedMs = 0;
    qint64 releasedMs = 0;
    bool byTwin = false; // first seen by the member's second process
};

class Tracker
{
public:
    std::atomic<int> round{0};
    std::atomic<qint64> releaseSince{0}; // a release before this (the window's opening) is early

    // Returns how many items were new.
    int saw(int member, const QList<InboxItem> &items, bool twin)
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
    void released(int member, const QList<qint64> &ids)
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
    // Seen in `r`: stored, and released.
    std::pair<int, int> countIn(int r) const
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
    QList<Sighting> sightings() const
    {
        const std::lock_guard lock(m_mutex);
        QList<Sighting> list;
        for (const auto &[key, s] : m_items)
            list.append(s);
        return list;
    }
    int early() const { return m_early.load(); }

private:
    mutable std::mutex m_mutex;
    std::map<std::pair<int, qint64>, Sighting> m_items;
    std::atomic<int> m_early{0};
};

Tracker g_tracker;
std::array<std::atomic<int>, 4> g_syncs{}; // sync() ends (statusChanged) per round
std::atomic<int> g_errors{0};
std::mutex g_errorMutex;

std::atomic<int> g_locked{0}; // syncs that gave up waiting for the other process's write lock
std::atomic<int> g_lockedReleases{0}; // of them, the engine's release (tick)

std::atomic<int> g_connectRetries{0};

// Connects as the app's reconnect timer would: 200 clients connecting at once on 2 CPUs can
// see libpq's connect timeout; a client that never connected would sit out the round and turn
// up as late or unexpected items, which is the machine's doing, not the protocol's.
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
        const std::lock_guard lock(g_errorMutex);
        std::fprintf(stderr, "commitments_bench: %s\n", qPrintable(what));
    }
}

// One member: their Fermata (primary) and, in round B, a second process on the same file (twin).
struct Person
{
    int index = 0;
    NewMember account;
    test::TempDataDir dir;
    Process process;
    std::unique_ptr<Process> twinProcess; // for a twinned member
    // Owned by `process`'s thread.
    std::unique_ptr<Database> db;
    std::unique_ptr<FileSecretStore> secrets;
    std::unique_ptr<OutboxService> service;
    std::unique_ptr<AttentionService> attention;
    // Owned by `twinProcess`'s thread.
    std::unique_ptr<Database> twinDb;
    std::unique_ptr<FileSecretStore> twinSecrets;
    std::unique_ptr<OutboxService> twin;

    // As owner: shared task ids and their commitments' uuids, in order.
    QList<qint64> sharedTasks;
    QList<QUuid> commitments;
    // As dependent: commitment uuid -> the local task that waits for it.
    QHash<QUuid, qint64> waits;

    // Figure 1 (written on the thread, read after the latch).
    qint64 storeMs = 0;
    qint64 pushMs = 0;
    std::atomic<qint64> copyCompleteAt{0};
    qint64 syncStartAt = 0;              // the owner's sync() began
    std::atomic<qint64> onHubAt{0};      // the hub first held all of its finish days
    int expectedCopy = 0;

    QString secretsPath() const { return dir.filePath(QStringLiteral("hub-secrets.json")); }
};

// A count down that sleeps while it waits (libstdc++ 12's std::latch spins the waiting thread
// for as long as the others keep counting down: a whole CPU taken from the members).
class Countdown
{
public:
    explicit Countdown(size_t count) : m_count(count) {}
    void countDown()
    {
        const std::lock_guard lock(m_mutex);
        if (--m_count == 0)
            m_zero.notify_all();
    }
    void wait()
    {
        std::unique_lock lock(m_mutex);
        m_zero.wait(lock, [this] { return m_count == 0; });
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_zero;
    size_t m_count;
};

// Runs `work(person)` on each person's thread (`twin`: the twin's), all at once; waits for all.
template <typename Work>
void onEach(const std::vector<Person *> &people, Work work, bool twin = false)
{
    Countdown done(people.size());
    for (Person *p : people) {
        (twin ? *p->twinProcess : p->process).post([&done, &work, p] {
            work(*p);
            done.countDown();
        });
    }
    done.wait();
}

void progress(const char *what)
{
    std::fprintf(stderr, "%s  %s\n", qPrintable(QDateTime::currentDateTimeUtc().toString(QStringLiteral("HH:mm:ss"))), what);
}

// After every sync of either process of a person: what commitment notices are stored now; the
// engine takes the Inbox change, as DataChangeWatcher makes the window's engine do after every
// write by another connection (so a release that lost a lock race is tried again).
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

// The commitment a notice is about ("commitment:<uuid>:<stamp>"), when the person waits for it.
QUuid aboutWhich(const QString &itemUuid, const QHash<QUuid, qint64> &waits)
{
    const QUuid about = commitmentnotices::commitmentOf(itemUuid);
    return waits.contains(about) ? about : QUuid();
}

struct ItemRow
{
    qint64 id = 0;
    QString uuid;
    ItemState state = ItemState::Held;
    QString title;
};

// Every commitment notice in each person's Inbox, read on their threads.
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

// The check: per person, the notices not in `baseline`, per commitment they wait for: one for
// each commitment in `changed`, none for the others; no uuid twice. Returns failures, in words.
struct Tally
{
    int items = 0;
    int expected = 0;
    int missing = 0;
    int duplicates = 0;   // a second item for one commitment, or a uuid twice
    int unexpected = 0;   // an item for a commitment that did not change
    int unmapped = 0;     // an item that names no commitment the person waits for
    int held = 0;
    int released = 0;
    QString summary() const
    {
        return QStringLiteral("%1 items for %2 expected: missing %3, duplicates %4, unexpected %5, unmapped %6 "
                              "(held %7, released %8)")
            .arg(items).arg(expected).arg(missing).arg(duplicates).arg(unexpected).arg(unmapped).arg(held).arg(released);
    }
    bool ok() const { return items == expected && missing == 0 && duplicates == 0 && unexpected == 0 && unmapped == 0; }
};

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

// Each commitment's last change on the hub (updated_at, the server's clock_timestamp()).
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

// A daily window [start, start + minutes) in UTC, start on a minute.
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

// Waits until `done()` or `timeoutMs`; false on timeout.
template <typename Done>
bool waitFor(Done done, qint64 timeoutMs, int everyMs = 10)
{
    QElapsedTimer t;
    t.start();
    while (!done()) {
        if (t.elapsed() > timeoutMs)
            return false;
        sleepMs(everyMs);
    }
    return true;
}

struct Lags
{
    QList<qint64> values;
    QString text() const
    {
        return QStringLiteral("p50 %1 ms, p99 %2 ms, max %3 ms (n = %4)")
            .arg(bench::percentile(values, 0.5)).arg(bench::percentile(values, 0.99)).arg(bench::percentile(values, 1))
            .arg(values.size());
    }
};

// An owner's change to a shared task: done, or its finish day moved `days` later (a new block).
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

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    test::pinEnvironment();
    QCommandLineParser parser;
    parser.addOptions({{QStringLiteral("members"), QStringLiteral("Members of the team."), QStringLiteral("n"), QStringLiteral("200")},
                       {QStringLiteral("commitments"), QStringLiteral("Tasks each member shares."), QStringLiteral("n"), QStringLiteral("20")},
                       {QStringLiteral("dependencies"), QStringLiteral("Local tasks waiting for a teammate's commitment."), QStringLiteral("n"), QStringLiteral("2000")},
                       {QStringLiteral("twins-every"), QStringLiteral("Every n-th member runs a second process in round B (0: none)."), QStringLiteral("n"), QStringLiteral("4")},
                       {QStringLiteral("solo"), QStringLiteral("Owners who re-plan one at a time (figure 1b)."), QStringLiteral("n"), QStringLiteral("10")},
                       {QStringLiteral("quick"), QStringLiteral("20 members, 5 commitments each, 100 dependencies.")},
                       {QStringLiteral("settings"), QStringLiteral("Extra server settings (-c name=value ...)."), QStringLiteral("options")}});
    parser.process(app);
    const bool quick = parser.isSet(QStringLiteral("quick"));
    auto option = [&](const char *name, int quickValue) {
        const QString key = QString::fromLatin1(name);
        return quick && !parser.isSet(key) ? quickValue : parser.value(key).toInt();
    };
    const int memberCount = std::max(option("members", 20), 3);
    const int perMember = std::max(option("commitments", 5), 1);
    const int twinsEvery = std::max(option("twins-every", 4), 0);
    const int dependencyCount = std::clamp(option("dependencies", 100), 0, memberCount * (memberCount - 1) * perMember);
    const int soloCount = std::clamp(option("solo", 5), 0, memberCount);
    const int teammateCommitments = (memberCount - 1) * perMember;

    // The hub.
    test::PgCluster cluster;
    const int twins = twinsEvery > 0 ? (memberCount + twinsEvery - 1) / twinsEvery : 0;
    if (!cluster.start(memberCount + twins + 20, parser.value(QStringLiteral("settings"))))
        fail(cluster.errorString());
    const QString adminUrl = cluster.createHubDatabase(QStringLiteral("bench_hub"), QStringLiteral("hub_admin"));
    if (adminUrl.isEmpty())
        fail(cluster.errorString());
    const HubConfig config = HubConfig::fromUrl(adminUrl).value();
    HubClient admin;
    if (!admin.open(config, cluster.adminPassword()) || !admin.initSchema())
        fail(QStringLiteral("cannot set up the hub"));

    QElapsedTimer setupTimer;
    setupTimer.start();
    std::vector<std::unique_ptr<Person>> owned;
    std::vector<Person *> everyone;
    for (int i = 0; i < memberCount; ++i) {
        const Result<NewMember> added = admin.addMember(QStringLiteral("Bench"), QStringLiteral("Member %1").arg(i),
                                                        QStringLiteral("m%1@bench.example").arg(i), "UTC");
        if (!added)
            fail(added.error().message);
        owned.push_back(std::make_unique<Person>());
        owned.back()->index = i;
        owned.back()->account = *added;
        owned.back()->expectedCopy = teammateCommitments;
        everyone.push_back(owned.back().get());
    }
    static const SystemClock clock{};
    // Each person's Fermata: file, engine (window closed: one far from now), join, share locally.
    const QDateTime closedAt = nextMinuteAfter(6 * 3600);
    onEach(everyone, [&](Person &p) {
        auto opened = Database::open(p.dir.databasePath());
        if (!opened)
            fail(opened.error().message);
        p.db = std::move(opened).value();
        p.secrets = std::make_unique<FileSecretStore>(p.secretsPath());
        p.attention = std::make_unique<AttentionService>(*p.db, clock);
        if (Status s = p.attention->load("UTC"); !s)
            fail(s.error().message);
        if (Status s = p.attention->setPersonalWindows({windowAt(closedAt, 10)}); !s)
            fail(s.error().message);
        QObject::connect(p.attention.get(), &AttentionService::digestReady, p.attention.get(),
                         [&p](const Digest &, const QList<qint64> &ids) { g_tracker.released(p.index, ids); });
        QObject::connect(p.attention.get(), &AttentionService::failed, p.attention.get(),
                         [](const Error &e) { noteError(QStringLiteral("attention: ") + e.message); });
        p.attention->start();
        p.service = std::make_unique<OutboxService>(*p.db, *p.secrets, clock);
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
    });
    progress("joined and shared");
    // The dependencies: member j % M waits for a random commitment of another member, one task
    // per (member, commitment).
    QRandomGenerator rng(20261207);
    QHash<QUuid, QList<int>> dependentsOf;     // commitment -> dependent members
    for (int j = 0; j < dependencyCount; ++j) {
        Person &d = *everyone[size_t(j % memberCount)];
        for (;;) {
            const int o = (d.index + 1 + int(rng.bounded(quint32(memberCount - 1)))) % memberCount;
            const int k = int(rng.bounded(quint32(perMember)));
            const QUuid c = everyone[size_t(o)]->commitments.at(k);
            if (d.waits.contains(c))
                continue;
            d.waits.insert(c, 0);
            dependentsOf[c].append(d.index);
            break;
        }
    }
    onEach(everyone, [](Person &p) {
        for (auto it = p.waits.begin(); it != p.waits.end(); ++it) {
            Task task;
            task.title = QStringLiteral("Follow-up on %1").arg(it.key().toString(QUuid::WithoutBraces));
            task.estimateMinutes = task.remainingMinutes = 60;
            task.afterCommitment = it.key();
            const Result<qint64> id = TaskRepository(*p.db).add(task);
            if (!id)
                fail(id.error().message);
            it.value() = *id;
        }
    });
    // Everyone pushes their shares, then reads the team's (twice: the last pushes reach all).
    for (int pass = 0; pass < 2; ++pass)
        onEach(everyone, [](Person &p) { (void)sync(*p.service); });
    std::atomic<int> shortCopies{0};
    onEach(everyone, [&](Person &p) {
        const auto copy = p.service->commitments().teammates();
        if (!copy || copy->size() != teammateCommitments)
            ++shortCopies;
    });
    if (shortCopies.load() > 0 || hubCount(admin, QStringLiteral("true")) != memberCount * perMember)
        fail(QStringLiteral("the team's copies are incomplete after setup"));
    const qint64 setupMs = setupTimer.elapsed();

    // What one refresh costs a member on top of the hub calls: the notices' recorder reads the
    // whole copy before and after (TeamCommitmentRepository::all()).
    QList<qint64> copyReads;
    onEach({everyone.front()}, [&](Person &p) {
        for (int i = 0; i < 5; ++i) {
            QElapsedTimer t;
            t.start();
            (void)TeamCommitmentRepository(*p.db).all();
            copyReads.append(t.elapsed());
        }
    });
    progress("setup done; figure 1");
    // ---- Figure 1: everyone publishes a plan's commitment days at once.
    const auto cpuMs = [] {
        rusage usage{};
        getrusage(RUSAGE_SELF, &usage);
        return qint64(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000
            + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000;
    };
    std::array<qint64, 4> cpuAtStart{};
    std::array<qint64, 4> wallAtStart{};
    cpuAtStart[1] = cpuMs();
    wallAtStart[1] = nowMs();
    g_tracker.round = 1;
    QElapsedTimer publish;
    std::atomic<qint64> hubCompleteMs{0};
    publish.start();
    const qint64 publishStart = nowMs();
    std::thread watcher([&] {
        // The admin connection belongs to the main thread: a connection of its own here.
        HubClient probe;
        if (!probe.open(config, cluster.adminPassword())) {
            noteError(QStringLiteral("cannot open the probe connection"));
            return;
        }
        QHash<qint64, Person *> byId;
        for (Person *p : everyone)
            byId.insert(p->account.id, p);
        int complete = 0;
        QSqlQuery q(probe.connection());
        const bool all = waitFor([&] {
            if (!q.exec(QStringLiteral("SELECT owner_id, count(*) FROM fermata.commitments WHERE finish_day IS NOT NULL "
                                       "AND withdrawn_at IS NULL GROUP BY owner_id"))) {
                noteError(q.lastError().text());
                return true;
            }
            const qint64 at = nowMs();
            while (q.next()) {
                Person *p = byId.value(q.value(0).toLongLong());
                if (p && q.value(1).toInt() >= perMember && p->onHubAt.load() == 0) {
                    p->onHubAt = at;
                    ++complete;
                }
            }
            return complete >= memberCount;
        }, 600000, 5);
        if (all)
            hubCompleteMs = nowMs() - publishStart;
        probe.close();
    });
    onEach(everyone, [&](Person &p) {
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
    });
    const qint64 allPushedMs = publish.elapsed();
    watcher.join();
    // Every copy complete, through the nudges.
    const bool copiesComplete = waitFor([&] {
        return std::all_of(everyone.cbegin(), everyone.cend(), [](const Person *p) { return p->copyCompleteAt.load() > 0; });
    }, 120000);
    qint64 copiesMs = 0;
    for (const Person *p : everyone)
        copiesMs = std::max(copiesMs, p->copyCompleteAt.load() - publishStart);
    QList<qint64> storeTimes, pushTimes, onHubTimes;
    for (const Person *p : everyone) {
        storeTimes.append(p->storeMs);
        pushTimes.append(p->pushMs);
        if (p->onHubAt.load() > 0)
            onHubTimes.append(p->onHubAt.load() - p->syncStartAt);
    }
    // Did publishing the plan give notices (unplanned -> a finish day)? Counted, released and
    // then left out of the rounds' checks.
    for (int pass = 0; pass < 2; ++pass)
        onEach(everyone, [](Person &p) { (void)sync(*p.service); });
    std::vector<QList<ItemRow>> notices = readNotices(everyone);
    QSet<QUuid> allDepended;
    for (const Person *p : everyone) {
        for (auto it = p->waits.cbegin(); it != p->waits.cend(); ++it)
            allDepended.insert(it.key());
    }
    std::vector<QSet<qint64>> none(everyone.size());
    const Tally planNotices = verify(everyone, notices, none, allDepended);
    // Figure 1b: one owner at a time re-plans (each shared task's finish day moves later) and
    // syncs while everyone else is offline: one member's push, without 199 nudged syncs of
    // teammates competing for this machine's CPUs (on their own machines they would not).
    QList<qint64> soloSync, soloOnHub;
    onEach(everyone, [](Person &p) { p.service->disconnectFromHub(); });
    for (int i = 0; i < soloCount; ++i) {
        Person *owner = everyone[size_t(i * memberCount / soloCount)];
        qint64 syncMs = 0, began = 0;
        onEach({owner}, [&](Person &p) {
            if (Status s = connectWithRetries(*p.service); !s)
                noteError(s.error().message);
            const Status stored = p.db->inTransaction([&]() -> Status {
                for (qint64 task : std::as_const(p.sharedTasks))
                    moveFinishDay(p, task, 12);
                return {};
            });
            if (!stored)
                noteError(stored.error().message);
            QElapsedTimer t;
            t.start();
            began = nowMs();
            (void)sync(*p.service);
            syncMs = t.elapsed();
            p.service->disconnectFromHub();
        });
        QSqlQuery q(admin.connection());
        q.prepare(QStringLiteral("SELECT count(*), (extract(epoch FROM max(updated_at)) * 1000)::bigint FROM fermata.commitments "
                                 "WHERE owner_id = ? AND updated_at >= to_timestamp(? / 1000.0)"));
        q.addBindValue(owner->account.id);
        q.addBindValue(began);
        if (!q.exec() || !q.next() || q.value(0).toInt() != perMember)
            noteError(QStringLiteral("member %1's re-plan is not on the hub").arg(owner->index));
        soloSync.append(syncMs);
        soloOnHub.append(q.value(1).toLongLong() - began);
    }
    onEach(everyone, [](Person &p) {
        if (Status s = connectWithRetries(*p.service); !s)
            noteError(s.error().message);
    });
    const QDateTime openNow = QDateTime::currentDateTimeUtc().addSecs(-QDateTime::currentDateTimeUtc().time().second());
    // Released in a window open now; any still held then are put away (Done), so that the
    // rounds' changes cannot coalesce into them.
    std::atomic<int> planHeldAfterRelease{0};
    onEach(everyone, [&](Person &p) {
        (void)p.attention->setPersonalWindows({windowAt(openNow, 5)});
        p.attention->tick();
        const Result<QList<InboxItem>> held = AttentionRepository(*p.db).held();
        if (!held) {
            noteError(held.error().message);
            return;
        }
        QList<qint64> ids;
        for (const InboxItem &item : *held) {
            if (item.uuid.startsWith(s_prefix))
                ids.append(item.notification.id);
        }
        planHeldAfterRelease += int(ids.size());
        if (!ids.isEmpty()) {
            if (Status s = AttentionRepository(*p.db).setState(ids, ItemState::Done); !s)
                noteError(s.error().message);
        }
    });
    notices = readNotices(everyone);
    std::vector<QSet<qint64>> baseline(everyone.size());
    for (size_t i = 0; i < notices.size(); ++i) {
        for (const ItemRow &row : notices[i])
            baseline[i].insert(row.id);
    }

    progress("figure 2, round A");
    // ---- Figure 2, round A: the window opens after the change.
    // The depended-on commitments, shuffled: half change in round A, half in round B; in each,
    // half are marked done and half move their finish day; a third of round A's moved ones are
    // then marked done too before the window (two changes: one item).
    QList<QUuid> depended(allDepended.cbegin(), allDepended.cend());
    std::sort(depended.begin(), depended.end());
    std::shuffle(depended.begin(), depended.end(), std::mt19937(20261207));
    const QList<QUuid> roundA = depended.mid(0, depended.size() / 2);
    const QList<QUuid> roundB = depended.mid(depended.size() / 2);
    QHash<QUuid, std::pair<Person *, qint64>> ownerTask; // commitment -> owner, task
    for (Person *p : everyone) {
        for (int k = 0; k < p->commitments.size(); ++k)
            ownerTask.insert(p->commitments.at(k), {p, p->sharedTasks.at(k)});
    }
    enum class Change { Done, Move, MoveThenDone };
    QHash<QUuid, Change> changes;
    for (qsizetype i = 0; i < roundA.size(); ++i)
        changes.insert(roundA.at(i), i % 2 == 0 ? Change::Done : i % 6 == 1 ? Change::MoveThenDone : Change::Move);
    for (qsizetype i = 0; i < roundB.size(); ++i)
        changes.insert(roundB.at(i), i % 2 == 0 ? Change::Done : Change::Move);
    auto ownersOf = [&](const QList<QUuid> &set, const std::function<bool(Change)> &which) {
        std::map<Person *, QList<qint64>> byOwner;
        for (const QUuid &c : set) {
            if (which(changes.value(c)))
                byOwner[ownerTask.value(c).first].append(ownerTask.value(c).second);
        }
        return byOwner;
    };
    // The owners apply their changes and sync, all at once.
    auto push = [&](const std::map<Person *, QList<qint64>> &done, const std::map<Person *, QList<qint64>> &moved, int days) {
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
    };
    int expectedA = 0, expectedB = 0, coalescedDependents = 0;
    for (const QUuid &c : roundA) {
        expectedA += int(dependentsOf.value(c).size());
        coalescedDependents += changes.value(c) == Change::MoveThenDone ? int(dependentsOf.value(c).size()) : 0;
    }
    for (const QUuid &c : roundB)
        expectedB += int(dependentsOf.value(c).size());

    const QDateTime windowA = nextMinuteAfter(25 + memberCount / 4 + dependencyCount / 100);
    onEach(everyone, [&](Person &p) {
        if (Status s = p.attention->setPersonalWindows({windowAt(windowA, 30)}); !s)
            noteError(s.error().message);
        p.attention->tick();
    });
    cpuAtStart[2] = cpuMs();
    wallAtStart[2] = nowMs();
    g_tracker.round = 2;
    g_tracker.releaseSince = windowA.toMSecsSinceEpoch();
    push(ownersOf(roundA, [](Change c) { return c == Change::Done; }),
         ownersOf(roundA, [](Change c) { return c != Change::Done; }), 20);
    const QHash<QUuid, qint64> changedA = hubChangeTimes(admin);
    const bool storedA = waitFor([&] { return g_tracker.countIn(2).first >= expectedA; }, 120000);
    // The second change of the coalesced ones, before the window.
    push(ownersOf(roundA, [](Change c) { return c == Change::MoveThenDone; }), {}, 0);
    for (int pass = 0; pass < 2; ++pass)
        onEach(everyone, [](Person &p) { (void)sync(*p.service); });
    const bool beforeWindowA = QDateTime::currentDateTimeUtc() < windowA;
    notices = readNotices(everyone);
    const QSet<QUuid> setA(roundA.cbegin(), roundA.cend());
    const Tally heldA = verify(everyone, notices, baseline, setA);
    // Coalesced: the one item of a commitment moved, then done, says it is finished.
    int coalescedFinished = 0;
    for (const Person *p : everyone) {
        for (const ItemRow &row : notices[size_t(p->index)]) {
            const QUuid about = aboutWhich(row.uuid, p->waits);
            if (!baseline[size_t(p->index)].contains(row.id) && changes.value(about) == Change::MoveThenDone
                && row.title.contains(QStringLiteral(" finished '")))
                ++coalescedFinished;
        }
    }
    // The window opens: the engines' own timers release (tick at the window's start).
    progress("round A: changes stored, waiting for the window");
    const bool releasedA = waitFor([&] { return g_tracker.countIn(2).second >= g_tracker.countIn(2).first; },
                                   std::max<qint64>(0, windowA.toMSecsSinceEpoch() - nowMs()) + 60000);
    onEach(everyone, [](Person &p) { (void)sync(*p.service); p.attention->tick(); });
    notices = readNotices(everyone);
    const Tally afterA = verify(everyone, notices, baseline, setA);

    progress("round B");
    // ---- Figure 2, round B: the window is open; a second process for some members.
    std::vector<Person *> twinned;
    for (Person *p : everyone) {
        if (twinsEvery > 0 && p->index % twinsEvery == 0) {
            p->twinProcess = std::make_unique<Process>();
            twinned.push_back(p);
        }
    }
    onEach(twinned, [](Person &p) {
        auto opened = Database::open(p.dir.databasePath());
        if (!opened)
            fail(opened.error().message);
        p.twinDb = std::move(opened).value();
        p.twinSecrets = std::make_unique<FileSecretStore>(p.secretsPath());
        p.twin = std::make_unique<OutboxService>(*p.twinDb, *p.twinSecrets, clock);
        p.twin->setReconnectInterval(0);
        p.twin->setSenderZone(QTimeZone::utc());
        QObject::connect(p.twin.get(), &OutboxService::statusChanged, p.twin.get(), [&p] { afterSync(p, *p.twinDb, true); });
        if (Status s = connectWithRetries(*p.twin); !s)
            noteError(QStringLiteral("twin: ") + s.error().message);
    }, true);
    cpuAtStart[3] = cpuMs();
    wallAtStart[3] = nowMs();
    g_tracker.round = 3;
    g_tracker.releaseSince = 0;
    const bool windowStillOpen = QDateTime::currentDateTimeUtc() < windowA.addSecs(25 * 60);
    push(ownersOf(roundB, [](Change c) { return c == Change::Done; }),
         ownersOf(roundB, [](Change c) { return c != Change::Done; }), 25);
    const QHash<QUuid, qint64> changedB = hubChangeTimes(admin);
    const bool releasedB = waitFor([&] {
        const auto [stored, released] = g_tracker.countIn(3);
        return stored >= expectedB && released >= stored;
    }, 120000);
    // Everyone syncs twice more, both processes of the twinned members at the same moment.
    for (int pass = 0; pass < 2; ++pass) {
        std::thread twinsSync([&] { onEach(twinned, [](Person &p) { (void)sync(*p.twin); }, true); });
        onEach(everyone, [](Person &p) { (void)sync(*p.service); p.attention->tick(); });
        twinsSync.join();
    }
    notices = readNotices(everyone);
    QSet<QUuid> setAB = setA;
    for (const QUuid &c : roundB)
        setAB.insert(c);
    const Tally afterB = verify(everyone, notices, baseline, setAB);

    const qint64 cpuAtEnd = cpuMs();
    const qint64 wallAtEnd = nowMs();
    progress("checks done");
    // ---- Lags.
    Lags storedLagA, releaseLagA, storedLagB, releaseLagB;
    int unmappedLags = 0;
    QStringList stragglers; // held more than 2 s after being seen stored in an open window
    for (const Sighting &s : g_tracker.sightings()) {
        if (s.round != 2 && s.round != 3)
            continue;
        const QUuid about = aboutWhich(s.uuid, everyone[size_t(s.member)]->waits);
        const QHash<QUuid, qint64> &times = s.round == 2 ? changedA : changedB;
        if (about.isNull() || !times.contains(about)) {
            ++unmappedLags;
            continue;
        }
        const qint64 changedAt = times.value(about);
        (s.round == 2 ? storedLagA : storedLagB).values.append(s.storedMs - changedAt);
        if (s.releasedMs > 0) {
            if (s.round == 2)
                releaseLagA.values.append(s.releasedMs - windowA.toMSecsSinceEpoch());
            else
                releaseLagB.values.append(s.releasedMs - changedAt);
        }
        if (s.round == 3 && (s.releasedMs == 0 || s.releasedMs - s.storedMs > 2000))
            stragglers.append(QStringLiteral("member %1%2 %3: stored %4 ms after the change, released %5 ms after it was seen (seen first by %6)")
                                  .arg(s.member).arg(everyone[size_t(s.member)]->twinProcess ? QStringLiteral(" (2 processes)") : QString())
                                  .arg(s.uuid).arg(s.storedMs - changedAt)
                                  .arg(s.releasedMs ? s.releasedMs - s.storedMs : -1).arg(s.byTwin ? QStringLiteral("the second process") : QStringLiteral("the first")));
    }

    // ---- Clean up on the owning threads.
    onEach(twinned, [](Person &p) {
        p.twin.reset();
        p.twinSecrets.reset();
        p.twinDb.reset();
    }, true);
    onEach(everyone, [](Person &p) {
        p.service.reset();
        p.attention.reset();
        p.secrets.reset();
        p.db.reset();
    });

    const bool ok = heldA.ok() && coalescedFinished == coalescedDependents && heldA.released == 0 && afterA.ok() && afterA.held == 0
        && afterB.ok() && afterB.held == 0 && g_tracker.early() == 0 && storedA && releasedA && releasedB
        && copiesComplete && hubCompleteMs.load() > 0 && g_errors.load() == 0 && unmappedLags == 0;
    std::printf("Shared commitments benchmark (PostgreSQL at 127.0.0.1, throwaway cluster, fsync off; %d CPUs)\n",
                QThread::idealThreadCount());
    std::printf("  team                     %d members, each its own SQLite file, OutboxService, attention engine,\n"
                "                           hub connection and thread (setup %.1f s)\n", memberCount, setupMs / 1000.0);
    std::printf("  commitments              %d (%d each); dependent tasks %d, on %lld distinct commitments\n",
                memberCount * perMember, perMember, dependencyCount, qint64(allDepended.size()));
    std::printf("Figure 1: publishing a plan's commitment days (all %d owners at once: store blocks, sync)\n", memberCount);
    std::printf("  store the plan (SQLite)  p50 %lld ms, p99 %lld ms, max %lld ms\n", bench::percentile(storeTimes, 0.5),
                bench::percentile(storeTimes, 0.99), bench::percentile(storeTimes, 1));
    std::printf("  push (the owner's sync)  p50 %lld ms, p99 %lld ms, max %lld ms\n", bench::percentile(pushTimes, 0.5),
                bench::percentile(pushTimes, 0.99), bench::percentile(pushTimes, 1));
    std::printf("  push landed on the hub   p50 %lld ms, p99 %lld ms, max %lld ms after the owner's sync() began (n = %lld)\n",
                bench::percentile(onHubTimes, 0.5), bench::percentile(onHubTimes, 0.99), bench::percentile(onHubTimes, 1),
                qint64(onHubTimes.size()));
    std::printf("  all %d on the hub        %lld ms after the start (every sync returned after %lld ms)\n",
                memberCount * perMember, hubCompleteMs.load(), allPushedMs);
    std::printf("  in every teammate's copy %lld ms after the start (through the nudges)%s\n", copiesMs,
                copiesComplete ? "" : "  INCOMPLETE");
    std::printf("  notices from the plan    %s;\n"
                "                           %d still held in a window open since before they came (put away)\n",
                qPrintable(planNotices.summary()), planHeldAfterRelease.load());
    std::printf("Figure 1b: one owner at a time re-plans (every finish day moves) and syncs, the others offline; %d owners\n",
                soloCount);
    std::printf("  push (the owner's sync)  p50 %lld ms, p99 %lld ms, max %lld ms\n", bench::percentile(soloSync, 0.5),
                bench::percentile(soloSync, 0.99), bench::percentile(soloSync, 1));
    std::printf("  on the hub (last row)    p50 %lld ms, p99 %lld ms, max %lld ms after the sync began\n",
                bench::percentile(soloOnHub, 0.5), bench::percentile(soloOnHub, 0.99), bench::percentile(soloOnHub, 1));
    std::printf("Figure 2: a status change -> each dependent's Inbox item at their window\n");
    std::printf("  changed                  round A %lld commitments (%d dependents; %d of them on commitments moved then done),\n"
                "                           round B %lld (%d dependents); half done, half finish day moved\n",
                qint64(roundA.size()), expectedA, coalescedDependents, qint64(roundB.size()), expectedB);
    std::printf("  A: window opens after    stored (hub change -> item held)       %s\n", qPrintable(storedLagA.text()));
    std::printf("                           released (window opens -> released)    %s%s\n", qPrintable(releaseLagA.text()),
                beforeWindowA ? "" : "  (WARNING: changes still arriving at the window start)");
    std::printf("  B: window already open   stored (hub change -> item held)       %s\n", qPrintable(storedLagB.text()));
    std::printf("                           released (hub change -> released)      %s%s\n", qPrintable(releaseLagB.text()),
                windowStillOpen ? "" : "  (WARNING: the window had closed)");
    const auto cpuLine = [&](const char *label, int r) {
        const qint64 cpu = (r == 3 ? cpuAtEnd : cpuAtStart[size_t(r + 1)]) - cpuAtStart[size_t(r)];
        const qint64 wall = (r == 3 ? wallAtEnd : wallAtStart[size_t(r + 1)]) - wallAtStart[size_t(r)];
        const int syncs = g_syncs[size_t(r)].load();
        std::printf("  %-24s %d syncs by all clients in %.1f s, client CPU %.1f s (%.0f ms a sync)\n", label, syncs,
                    wall / 1000.0, cpu / 1000.0, syncs > 0 ? double(cpu) / syncs : 0.0);
    };
    std::printf("  B: released > 2 s after stored: %lld\n", qint64(stragglers.size()));
    for (qsizetype i = 0; i < std::min<qsizetype>(stragglers.size(), 5); ++i)
        std::printf("     %s\n", qPrintable(stragglers.at(i)));
    std::printf("Where the time goes (all clients share this machine's CPUs with the hub)\n");
    cpuLine("figure 1 and 1b", 1);
    cpuLine("round A", 2);
    cpuLine("round B", 3);
    std::printf("  reading one copy whole   %lld ms for %d commitments (the notices read it twice in each refresh)\n",
                bench::percentile(copyReads, 0.5), teammateCommitments);
    std::printf("  receive path             LISTEN/NOTIFY nudge -> OutboxService pull -> sync(); engine: tick at the\n"
                "                           window start (A), takeInboxChanges() after the sync (B)\n");
    std::printf("Checks\n");
    std::printf("  A before the window      %s  %s\n", qPrintable(heldA.summary()), heldA.ok() && heldA.released == 0 ? "ok" : "FAIL");
    std::printf("  coalesced (moved, done)  %d of %d items say finished  %s\n", coalescedFinished, coalescedDependents,
                coalescedFinished == coalescedDependents ? "ok" : "FAIL");
    std::printf("  A after the window       %s  %s\n", qPrintable(afterA.summary()), afterA.ok() && afterA.held == 0 ? "ok" : "FAIL");
    std::printf("  A + B, 2 more syncs, %zu members with 2 processes syncing at once\n"
                "                           %s  %s\n", twinned.size(), qPrintable(afterB.summary()),
                afterB.ok() && afterB.held == 0 ? "ok" : "FAIL");
    std::printf("  released before window  %d  %s\n", g_tracker.early(), g_tracker.early() == 0 ? "ok" : "FAIL");
    std::printf("  connect retries          %d (libpq's connect timeout under load; tried again like the app's reconnect)\n",
                g_connectRetries.load());
    std::printf("  waits                    stored A %s, released A %s, released B %s\n", storedA ? "ok" : "TIMEOUT",
                releasedA ? "ok" : "TIMEOUT", releasedB ? "ok" : "TIMEOUT");
    std::printf("  errors                   %d (items without a known commitment in lags: %d)\n", g_errors.load(), unmappedLags);
    std::printf("  locked out               %d writes gave up on SQLite's 5 s busy timeout (the member's other process held\n"
                "                           the write lock), %d of them the engine's release; repeated by the next sync%s\n",
                g_locked.load(), g_lockedReleases.load(), g_locked.load() > 0 ? "  WARNING" : "");
    std::printf("  result                   %s\n", ok ? "PASS" : "FAIL");
    std::fflush(stdout);
    return ok ? 0 : 1;
}
