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
#include "commitmentsbenchparts.h"
#include "hubbenchparts.h"
#include "pgcluster.h"
#include "storage/attentionrepository.h"
#include "storage/repositories.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <array>
#include <atomic>
#include <functional>
#include <cstdio>
#include <map>
#include <random>
#include <thread>

#include <sys/resource.h>

using namespace fermata;
using namespace fermata::bench::commitments;

namespace {

struct Options
{
    int memberCount = 0;
    int perMember = 0;
    int twinsEvery = 0;
    int dependencyCount = 0;
    int soloCount = 0;
    int teammateCommitments = 0;
    QString settings; // extra server settings
};

Options parseOptions(const QCoreApplication &app)
{
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
    Options o;
    o.memberCount = std::max(option("members", 20), 3);
    o.perMember = std::max(option("commitments", 5), 1);
    o.twinsEvery = std::max(option("twins-every", 4), 0);
    o.dependencyCount = std::clamp(option("dependencies", 100), 0, o.memberCount * (o.memberCount - 1) * o.perMember);
    o.soloCount = std::clamp(option("solo", 5), 0, o.memberCount);
    o.teammateCommitments = (o.memberCount - 1) * o.perMember;
    o.settings = parser.value(QStringLiteral("settings"));
    return o;
}

// What the phases share: the hub, the team, who waits for whose commitment, and the clocks of
// each round. Members in this order so that the members' threads end before the admin's
// connection and the cluster do, as main()'s locals did.
struct Bench
{
    explicit Bench(const Options &o) : opt(o) {}
    Q_DISABLE_COPY_MOVE(Bench)

    const Options opt;
    test::PgCluster cluster;
    HubConfig config;
    HubClient admin;
    std::vector<std::unique_ptr<Person>> owned;
    std::vector<Person *> everyone;
    std::vector<Person *> twinned;           // round B's members with a second process
    QHash<QUuid, QList<int>> dependentsOf;   // commitment -> dependent members
    QSet<QUuid> allDepended;
    std::vector<QSet<qint64>> baseline;      // notices before the rounds, left out of their checks
    // CPU and wall clock at the start of each round (1: figures 1 and 1b, 2: A, 3: B) and the end.
    std::array<qint64, 4> cpuAtStart{};
    std::array<qint64, 4> wallAtStart{};
    qint64 cpuAtEnd = 0;
    qint64 wallAtEnd = 0;
};

qint64 cpuMs()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return qint64(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000
        + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000;
}

// The syncs from here on count for round `r`, and so do the CPU and wall clock.
void startRound(Bench &b, int r)
{
    b.cpuAtStart[size_t(r)] = cpuMs();
    b.wallAtStart[size_t(r)] = nowMs();
    g_tracker.round = r;
}

// ---- Set-up.

// The hub: a throwaway cluster with a connection for every process, and its schema.
void startHub(Bench &b)
{
    const int twins = b.opt.twinsEvery > 0 ? (b.opt.memberCount + b.opt.twinsEvery - 1) / b.opt.twinsEvery : 0;
    if (!b.cluster.start(b.opt.memberCount + twins + 20, b.opt.settings))
        fail(b.cluster.errorString());
    const QString adminUrl = b.cluster.createHubDatabase(QStringLiteral("bench_hub"), QStringLiteral("hub_admin"));
    if (adminUrl.isEmpty())
        fail(b.cluster.errorString());
    b.config = HubConfig::fromUrl(adminUrl).value();
    if (!b.admin.open(b.config, b.cluster.adminPassword()) || !b.admin.initSchema())
        fail(QStringLiteral("cannot set up the hub"));
}

// The dependencies: member j % M waits for a random commitment of another member, one task
// per (member, commitment).
void addDependencies(Bench &b)
{
    const int memberCount = b.opt.memberCount;
    QRandomGenerator rng(20261207);
    for (int j = 0; j < b.opt.dependencyCount; ++j) {
        Person &d = *b.everyone[size_t(j % memberCount)];
        for (;;) {
            const int o = (d.index + 1 + int(rng.bounded(quint32(memberCount - 1)))) % memberCount;
            const int k = int(rng.bounded(quint32(b.opt.perMember)));
            const QUuid c = b.everyone[size_t(o)]->commitments.at(k);
            if (d.waits.contains(c))
                continue;
            d.waits.insert(c, 0);
            b.dependentsOf[c].append(d.index);
            break;
        }
    }
    onEach(b.everyone, [](Person &p) {
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
}

// The team joins, shares and waits; every copy complete. Returns how long it took.
qint64 setUpTeam(Bench &b)
{
    QElapsedTimer setupTimer;
    setupTimer.start();
    for (int i = 0; i < b.opt.memberCount; ++i) {
        const Result<NewMember> added = b.admin.addMember(QStringLiteral("Bench"), QStringLiteral("Member %1").arg(i),
                                                          QStringLiteral("m%1@bench.example").arg(i), "UTC");
        if (!added)
            fail(added.error().message);
        b.owned.push_back(std::make_unique<Person>());
        b.owned.back()->index = i;
        b.owned.back()->account = *added;
        b.owned.back()->expectedCopy = b.opt.teammateCommitments;
        b.everyone.push_back(b.owned.back().get());
    }
    const QDateTime closedAt = nextMinuteAfter(6 * 3600);
    onEach(b.everyone, [&](Person &p) { openFermata(p, b.config, b.opt.perMember, closedAt); });
    progress("joined and shared");
    addDependencies(b);
    // Everyone pushes their shares, then reads the team's (twice: the last pushes reach all).
    for (int pass = 0; pass < 2; ++pass)
        onEach(b.everyone, [](Person &p) { (void)sync(*p.service); });
    std::atomic<int> shortCopies{0};
    onEach(b.everyone, [&](Person &p) {
        const auto copy = p.service->commitments().teammates();
        if (!copy || copy->size() != b.opt.teammateCommitments)
            ++shortCopies;
    });
    if (shortCopies.load() > 0 || hubCount(b.admin, QStringLiteral("true")) != b.opt.memberCount * b.opt.perMember)
        fail(QStringLiteral("the team's copies are incomplete after setup"));
    return setupTimer.elapsed();
}

// What one refresh costs a member on top of the hub calls: the notices' recorder reads the
// whole copy before and after (TeamCommitmentRepository::all()).
QList<qint64> timeCopyReads(const Bench &b)
{
    QList<qint64> copyReads;
    onEach({b.everyone.front()}, [&](Person &p) {
        for (int i = 0; i < 5; ++i) {
            QElapsedTimer t;
            t.start();
            (void)TeamCommitmentRepository(*p.db).all();
            copyReads.append(t.elapsed());
        }
    });
    return copyReads;
}

// ---- Figure 1: everyone publishes a plan's commitment days at once.

struct PlanFigures
{
    QList<qint64> storeTimes, pushTimes, onHubTimes;
    qint64 hubCompleteMs = 0;    // all finish days on the hub, after the start; 0: never
    qint64 allPushedMs = 0;
    qint64 copiesMs = 0;
    bool copiesComplete = false;
    Tally planNotices;
    int planHeldAfterRelease = 0;
};

// On a thread of its own while the owners publish: when each owner's finish days were all on
// the hub (Person::onHubAt) and when all were (`hubCompleteMs`, after `publishStart`).
void watchHub(Bench &b, qint64 publishStart, std::atomic<qint64> &hubCompleteMs)
{
    // The admin connection belongs to the main thread: a connection of its own here.
    HubClient probe;
    if (!probe.open(b.config, b.cluster.adminPassword())) {
        noteError(QStringLiteral("cannot open the probe connection"));
        return;
    }
    QHash<qint64, Person *> byId;
    for (Person *p : b.everyone)
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
            if (p && q.value(1).toInt() >= b.opt.perMember && p->onHubAt.load() == 0) {
                p->onHubAt = at;
                ++complete;
            }
        }
        return complete >= b.opt.memberCount;
    }, 600000, 5);
    if (all)
        hubCompleteMs = nowMs() - publishStart;
    probe.close();
}

PlanFigures publishPlans(Bench &b)
{
    PlanFigures f;
    startRound(b, 1);
    QElapsedTimer publish;
    std::atomic<qint64> hubCompleteMs{0};
    publish.start();
    const qint64 publishStart = nowMs();
    std::thread watcher([&] { watchHub(b, publishStart, hubCompleteMs); });
    onEach(b.everyone, storeAndPushPlan);
    f.allPushedMs = publish.elapsed();
    watcher.join();
    f.hubCompleteMs = hubCompleteMs.load();
    // Every copy complete, through the nudges.
    f.copiesComplete = waitFor([&] {
        return std::all_of(b.everyone.cbegin(), b.everyone.cend(), [](const Person *p) { return p->copyCompleteAt.load() > 0; });
    }, 120000);
    for (const Person *p : b.everyone)
        f.copiesMs = std::max(f.copiesMs, p->copyCompleteAt.load() - publishStart);
    for (const Person *p : b.everyone) {
        f.storeTimes.append(p->storeMs);
        f.pushTimes.append(p->pushMs);
        if (p->onHubAt.load() > 0)
            f.onHubTimes.append(p->onHubAt.load() - p->syncStartAt);
    }
    return f;
}

// Did publishing the plan give notices (unplanned -> a finish day)? Counted, released and
// then left out of the rounds' checks.
Tally noticesFromPlan(Bench &b)
{
    for (int pass = 0; pass < 2; ++pass)
        onEach(b.everyone, [](Person &p) { (void)sync(*p.service); });
    const std::vector<QList<ItemRow>> notices = readNotices(b.everyone);
    for (const Person *p : b.everyone) {
        for (auto it = p->waits.cbegin(); it != p->waits.cend(); ++it)
            b.allDepended.insert(it.key());
    }
    std::vector<QSet<qint64>> none(b.everyone.size());
    return verify(b.everyone, notices, none, b.allDepended);
}

// ---- Figure 1b: one owner at a time re-plans (each shared task's finish day moves later) and
// syncs while everyone else is offline: one member's push, without 199 nudged syncs of
// teammates competing for this machine's CPUs (on their own machines they would not).

struct SoloFigures
{
    QList<qint64> soloSync, soloOnHub;
};

SoloFigures replanOneAtATime(Bench &b)
{
    SoloFigures f;
    const int memberCount = b.opt.memberCount;
    onEach(b.everyone, [](Person &p) { p.service->disconnectFromHub(); });
    for (int i = 0; i < b.opt.soloCount; ++i) {
        Person *owner = b.everyone[size_t(i * memberCount / b.opt.soloCount)];
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
        QSqlQuery q(b.admin.connection());
        q.prepare(QStringLiteral("SELECT count(*), (extract(epoch FROM max(updated_at)) * 1000)::bigint FROM fermata.commitments "
                                 "WHERE owner_id = ? AND updated_at >= to_timestamp(? / 1000.0)"));
        q.addBindValue(owner->account.id);
        q.addBindValue(began);
        if (!q.exec() || !q.next() || q.value(0).toInt() != b.opt.perMember)
            noteError(QStringLiteral("member %1's re-plan is not on the hub").arg(owner->index));
        f.soloSync.append(syncMs);
        f.soloOnHub.append(q.value(1).toLongLong() - began);
    }
    onEach(b.everyone, [](Person &p) {
        if (Status s = connectWithRetries(*p.service); !s)
            noteError(s.error().message);
    });
    return f;
}

// The plan's notices are released in a window open now; any still held then are put away
// (Done), so that the rounds' changes cannot coalesce into them. Every notice so far becomes
// the rounds' baseline. Returns how many were still held.
int putAwayPlanNotices(Bench &b)
{
    const QDateTime openNow = QDateTime::currentDateTimeUtc().addSecs(-QDateTime::currentDateTimeUtc().time().second());
    std::atomic<int> planHeldAfterRelease{0};
    onEach(b.everyone, [&](Person &p) {
        (void)p.attention->setPersonalWindows({windowAt(openNow, 5)});
        p.attention->tick();
        const Result<QList<InboxItem>> held = AttentionRepository(*p.db).held();
        if (!held) {
            noteError(held.error().message);
            return;
        }
        QList<qint64> ids;
        for (const InboxItem &item : *held) {
            if (isCommitmentNotice(item.uuid))
                ids.append(item.notification.id);
        }
        planHeldAfterRelease += int(ids.size());
        if (!ids.isEmpty()) {
            if (Status s = AttentionRepository(*p.db).setState(ids, ItemState::Done); !s)
                noteError(s.error().message);
        }
    });
    const std::vector<QList<ItemRow>> notices = readNotices(b.everyone);
    b.baseline.assign(b.everyone.size(), {});
    for (size_t i = 0; i < notices.size(); ++i) {
        for (const ItemRow &row : notices[i])
            b.baseline[i].insert(row.id);
    }
    return planHeldAfterRelease.load();
}

// ---- Figure 2: the owners' changes and what the dependents' Inboxes make of them.

// What an owner does to a depended-on commitment.
enum class Change { Done, Move, MoveThenDone };

// The depended-on commitments, shuffled: half change in round A, half in round B; in each,
// half are marked done and half move their finish day; a third of round A's moved ones are
// then marked done too before the window (two changes: one item).
struct RoundPlan
{
    QList<QUuid> roundA, roundB;
    QHash<QUuid, std::pair<Person *, qint64>> ownerTask; // commitment -> owner, task
    QHash<QUuid, Change> changes;
    int expectedA = 0, expectedB = 0, coalescedDependents = 0;
};

RoundPlan planChanges(const Bench &b)
{
    RoundPlan plan;
    QList<QUuid> depended(b.allDepended.cbegin(), b.allDepended.cend());
    std::sort(depended.begin(), depended.end());
    std::shuffle(depended.begin(), depended.end(), std::mt19937(20261207));
    plan.roundA = depended.mid(0, depended.size() / 2);
    plan.roundB = depended.mid(depended.size() / 2);
    for (Person *p : b.everyone) {
        for (int k = 0; k < p->commitments.size(); ++k)
            plan.ownerTask.insert(p->commitments.at(k), {p, p->sharedTasks.at(k)});
    }
    for (qsizetype i = 0; i < plan.roundA.size(); ++i)
        plan.changes.insert(plan.roundA.at(i), i % 2 == 0 ? Change::Done : i % 6 == 1 ? Change::MoveThenDone : Change::Move);
    for (qsizetype i = 0; i < plan.roundB.size(); ++i)
        plan.changes.insert(plan.roundB.at(i), i % 2 == 0 ? Change::Done : Change::Move);
    for (const QUuid &c : plan.roundA) {
        plan.expectedA += int(b.dependentsOf.value(c).size());
        plan.coalescedDependents += plan.changes.value(c) == Change::MoveThenDone ? int(b.dependentsOf.value(c).size()) : 0;
    }
    for (const QUuid &c : plan.roundB)
        plan.expectedB += int(b.dependentsOf.value(c).size());
    return plan;
}

// The tasks of the commitments in `set` whose change is `which`, by owner.
std::map<Person *, QList<qint64>> ownersOf(const RoundPlan &plan, const QList<QUuid> &set, const std::function<bool(Change)> &which)
{
    std::map<Person *, QList<qint64>> byOwner;
    for (const QUuid &c : set) {
        if (which(plan.changes.value(c)))
            byOwner[plan.ownerTask.value(c).first].append(plan.ownerTask.value(c).second);
    }
    return byOwner;
}

struct RoundAFigures
{
    QDateTime window;                // opens after the changes
    QSet<QUuid> changedSet;
    QHash<QUuid, qint64> changed;    // each commitment's last change on the hub
    bool stored = false;
    bool beforeWindow = false;       // all changes were in before the window opened
    bool released = false;
    Tally held, after;
    int coalescedFinished = 0;
};

// Round A: the window opens after the change.
RoundAFigures runRoundA(Bench &b, const RoundPlan &plan)
{
    RoundAFigures f;
    f.window = nextMinuteAfter(25 + b.opt.memberCount / 4 + b.opt.dependencyCount / 100);
    const QDateTime windowA = f.window;
    onEach(b.everyone, [&](Person &p) {
        if (Status s = p.attention->setPersonalWindows({windowAt(windowA, 30)}); !s)
            noteError(s.error().message);
        p.attention->tick();
    });
    startRound(b, 2);
    g_tracker.releaseSince = windowA.toMSecsSinceEpoch();
    push(ownersOf(plan, plan.roundA, [](Change c) { return c == Change::Done; }),
         ownersOf(plan, plan.roundA, [](Change c) { return c != Change::Done; }), 20);
    f.changed = hubChangeTimes(b.admin);
    f.stored = waitFor([&] { return g_tracker.countIn(2).first >= plan.expectedA; }, 120000);
    // The second change of the coalesced ones, before the window.
    push(ownersOf(plan, plan.roundA, [](Change c) { return c == Change::MoveThenDone; }), {}, 0);
    for (int pass = 0; pass < 2; ++pass)
        onEach(b.everyone, [](Person &p) { (void)sync(*p.service); });
    f.beforeWindow = QDateTime::currentDateTimeUtc() < windowA;
    std::vector<QList<ItemRow>> notices = readNotices(b.everyone);
    f.changedSet = QSet<QUuid>(plan.roundA.cbegin(), plan.roundA.cend());
    f.held = verify(b.everyone, notices, b.baseline, f.changedSet);
    // Coalesced: the one item of a commitment moved, then done, says it is finished.
    for (const Person *p : b.everyone) {
        for (const ItemRow &row : notices[size_t(p->index)]) {
            const QUuid about = aboutWhich(row.uuid, p->waits);
            if (!b.baseline[size_t(p->index)].contains(row.id) && plan.changes.value(about) == Change::MoveThenDone
                && row.title.contains(QStringLiteral(" finished '")))
                ++f.coalescedFinished;
        }
    }
    // The window opens: the engines' own timers release (tick at the window's start).
    progress("round A: changes stored, waiting for the window");
    f.released = waitFor([&] { return g_tracker.countIn(2).second >= g_tracker.countIn(2).first; },
                         std::max<qint64>(0, windowA.toMSecsSinceEpoch() - nowMs()) + 60000);
    onEach(b.everyone, [](Person &p) { (void)sync(*p.service); p.attention->tick(); });
    notices = readNotices(b.everyone);
    f.after = verify(b.everyone, notices, b.baseline, f.changedSet);
    return f;
}

// Every `twinsEvery`th member gets a second process on the same SQLite file, nudged by the
// same NOTIFY.
void startSecondProcesses(Bench &b)
{
    for (Person *p : b.everyone) {
        if (b.opt.twinsEvery > 0 && p->index % b.opt.twinsEvery == 0) {
            p->twinProcess = std::make_unique<Process>();
            b.twinned.push_back(p);
        }
    }
    onEach(b.twinned, openSecondProcess, true);
}

struct RoundBFigures
{
    QHash<QUuid, qint64> changed;    // each commitment's last change on the hub
    bool windowStillOpen = false;
    bool released = false;
    Tally after;                     // rounds A and B together
};

// Round B: the window is open; a second process for some members.
RoundBFigures runRoundB(Bench &b, const RoundPlan &plan, const RoundAFigures &a)
{
    RoundBFigures f;
    startSecondProcesses(b);
    startRound(b, 3);
    g_tracker.releaseSince = 0;
    f.windowStillOpen = QDateTime::currentDateTimeUtc() < a.window.addSecs(25 * 60);
    push(ownersOf(plan, plan.roundB, [](Change c) { return c == Change::Done; }),
         ownersOf(plan, plan.roundB, [](Change c) { return c != Change::Done; }), 25);
    f.changed = hubChangeTimes(b.admin);
    f.released = waitFor([&] {
        const auto [stored, released] = g_tracker.countIn(3);
        return stored >= plan.expectedB && released >= stored;
    }, 120000);
    // Everyone syncs twice more, both processes of the twinned members at the same moment.
    for (int pass = 0; pass < 2; ++pass) {
        std::thread twinsSync([&] { onEach(b.twinned, [](Person &p) { (void)sync(*p.twin); }, true); });
        onEach(b.everyone, [](Person &p) { (void)sync(*p.service); p.attention->tick(); });
        twinsSync.join();
    }
    const std::vector<QList<ItemRow>> notices = readNotices(b.everyone);
    QSet<QUuid> setAB = a.changedSet;
    for (const QUuid &c : plan.roundB)
        setAB.insert(c);
    f.after = verify(b.everyone, notices, b.baseline, setAB);
    return f;
}

// ---- Lags, from the sightings of both rounds.

struct LagFigures
{
    Lags storedLagA, releaseLagA, storedLagB, releaseLagB;
    int unmappedLags = 0;
    QStringList stragglers; // held more than 2 s after being seen stored in an open window
};

LagFigures measureLags(const Bench &b, const RoundAFigures &a, const RoundBFigures &rb)
{
    LagFigures f;
    for (const Sighting &s : g_tracker.sightings()) {
        if (s.round != 2 && s.round != 3)
            continue;
        const QUuid about = aboutWhich(s.uuid, b.everyone[size_t(s.member)]->waits);
        const QHash<QUuid, qint64> &times = s.round == 2 ? a.changed : rb.changed;
        if (about.isNull() || !times.contains(about)) {
            ++f.unmappedLags;
            continue;
        }
        const qint64 changedAt = times.value(about);
        (s.round == 2 ? f.storedLagA : f.storedLagB).values.append(s.storedMs - changedAt);
        if (s.releasedMs > 0) {
            if (s.round == 2)
                f.releaseLagA.values.append(s.releasedMs - a.window.toMSecsSinceEpoch());
            else
                f.releaseLagB.values.append(s.releasedMs - changedAt);
        }
        if (s.round == 3 && (s.releasedMs == 0 || s.releasedMs - s.storedMs > 2000))
            f.stragglers.append(QStringLiteral("member %1%2 %3: stored %4 ms after the change, released %5 ms after it was seen (seen first by %6)")
                                    .arg(s.member).arg(b.everyone[size_t(s.member)]->twinProcess ? QStringLiteral(" (2 processes)") : QString())
                                    .arg(s.uuid).arg(s.storedMs - changedAt)
                                    .arg(s.releasedMs ? s.releasedMs - s.storedMs : -1).arg(s.byTwin ? QStringLiteral("the second process") : QStringLiteral("the first")));
    }
    return f;
}

// Clean up on the owning threads.
void cleanUp(Bench &b)
{
    onEach(b.twinned, [](Person &p) {
        p.twin.reset();
        p.twinSecrets.reset();
        p.twinDb.reset();
    }, true);
    onEach(b.everyone, [](Person &p) {
        p.service.reset();
        p.attention.reset();
        p.secrets.reset();
        p.db.reset();
    });
}

// ---- Printing.

// Everything measured, for the report.
struct Figures
{
    qint64 setupMs = 0;
    QList<qint64> copyReads;
    PlanFigures plan;
    SoloFigures solo;
    RoundPlan changes;
    RoundAFigures roundA;
    RoundBFigures roundB;
    LagFigures lags;
};

bool passed(const Figures &f)
{
    const RoundAFigures &a = f.roundA;
    return a.held.ok() && a.coalescedFinished == f.changes.coalescedDependents && a.held.released == 0 && a.after.ok() && a.after.held == 0
        && f.roundB.after.ok() && f.roundB.after.held == 0 && g_tracker.early() == 0 && a.stored && a.released && f.roundB.released
        && f.plan.copiesComplete && f.plan.hubCompleteMs > 0 && g_errors.load() == 0 && f.lags.unmappedLags == 0;
}

void printPublishing(const Bench &b, const Figures &f)
{
    const Options &o = b.opt;
    const PlanFigures &p = f.plan;
    std::printf("Shared commitments benchmark (PostgreSQL at 127.0.0.1, throwaway cluster, fsync off; %d CPUs)\n",
                QThread::idealThreadCount());
    std::printf("  team                     %d members, each its own SQLite file, OutboxService, attention engine,\n"
                "                           hub connection and thread (setup %.1f s)\n", o.memberCount, f.setupMs / 1000.0);
    std::printf("  commitments              %d (%d each); dependent tasks %d, on %lld distinct commitments\n",
                o.memberCount * o.perMember, o.perMember, o.dependencyCount, qint64(b.allDepended.size()));
    std::printf("Figure 1: publishing a plan's commitment days (all %d owners at once: store blocks, sync)\n", o.memberCount);
    std::printf("  store the plan (SQLite)  p50 %lld ms, p99 %lld ms, max %lld ms\n", bench::percentile(p.storeTimes, 0.5),
                bench::percentile(p.storeTimes, 0.99), bench::percentile(p.storeTimes, 1));
    std::printf("  push (the owner's sync)  p50 %lld ms, p99 %lld ms, max %lld ms\n", bench::percentile(p.pushTimes, 0.5),
                bench::percentile(p.pushTimes, 0.99), bench::percentile(p.pushTimes, 1));
    std::printf("  push landed on the hub   p50 %lld ms, p99 %lld ms, max %lld ms after the owner's sync() began (n = %lld)\n",
                bench::percentile(p.onHubTimes, 0.5), bench::percentile(p.onHubTimes, 0.99), bench::percentile(p.onHubTimes, 1),
                qint64(p.onHubTimes.size()));
    std::printf("  all %d on the hub        %lld ms after the start (every sync returned after %lld ms)\n",
                o.memberCount * o.perMember, p.hubCompleteMs, p.allPushedMs);
    std::printf("  in every teammate's copy %lld ms after the start (through the nudges)%s\n", p.copiesMs,
                p.copiesComplete ? "" : "  INCOMPLETE");
    std::printf("  notices from the plan    %s;\n"
                "                           %d still held in a window open since before they came (put away)\n",
                qPrintable(p.planNotices.summary()), p.planHeldAfterRelease);
    std::printf("Figure 1b: one owner at a time re-plans (every finish day moves) and syncs, the others offline; %d owners\n",
                o.soloCount);
    std::printf("  push (the owner's sync)  p50 %lld ms, p99 %lld ms, max %lld ms\n", bench::percentile(f.solo.soloSync, 0.5),
                bench::percentile(f.solo.soloSync, 0.99), bench::percentile(f.solo.soloSync, 1));
    std::printf("  on the hub (last row)    p50 %lld ms, p99 %lld ms, max %lld ms after the sync began\n",
                bench::percentile(f.solo.soloOnHub, 0.5), bench::percentile(f.solo.soloOnHub, 0.99), bench::percentile(f.solo.soloOnHub, 1));
}

void printFigure2(const Figures &f)
{
    const RoundPlan &c = f.changes;
    const LagFigures &l = f.lags;
    std::printf("Figure 2: a status change -> each dependent's Inbox item at their window\n");
    std::printf("  changed                  round A %lld commitments (%d dependents; %d of them on commitments moved then done),\n"
                "                           round B %lld (%d dependents); half done, half finish day moved\n",
                qint64(c.roundA.size()), c.expectedA, c.coalescedDependents, qint64(c.roundB.size()), c.expectedB);
    std::printf("  A: window opens after    stored (hub change -> item held)       %s\n", qPrintable(l.storedLagA.text()));
    std::printf("                           released (window opens -> released)    %s%s\n", qPrintable(l.releaseLagA.text()),
                f.roundA.beforeWindow ? "" : "  (WARNING: changes still arriving at the window start)");
    std::printf("  B: window already open   stored (hub change -> item held)       %s\n", qPrintable(l.storedLagB.text()));
    std::printf("                           released (hub change -> released)      %s%s\n", qPrintable(l.releaseLagB.text()),
                f.roundB.windowStillOpen ? "" : "  (WARNING: the window had closed)");
    std::printf("  B: released > 2 s after stored: %lld\n", qint64(l.stragglers.size()));
    for (qsizetype i = 0; i < std::min<qsizetype>(l.stragglers.size(), 5); ++i)
        std::printf("     %s\n", qPrintable(l.stragglers.at(i)));
}

// Syncs, wall clock and client CPU of round `r` (1: figures 1 and 1b, 2: A, 3: B).
void printCpuLine(const Bench &b, const char *label, int r)
{
    const qint64 cpu = (r == 3 ? b.cpuAtEnd : b.cpuAtStart[size_t(r + 1)]) - b.cpuAtStart[size_t(r)];
    const qint64 wall = (r == 3 ? b.wallAtEnd : b.wallAtStart[size_t(r + 1)]) - b.wallAtStart[size_t(r)];
    const int syncs = g_syncs[size_t(r)].load();
    std::printf("  %-24s %d syncs by all clients in %.1f s, client CPU %.1f s (%.0f ms a sync)\n", label, syncs,
                wall / 1000.0, cpu / 1000.0, syncs > 0 ? double(cpu) / syncs : 0.0);
}

void printTimeSpent(const Bench &b, const Figures &f)
{
    std::printf("Where the time goes (all clients share this machine's CPUs with the hub)\n");
    printCpuLine(b, "figure 1 and 1b", 1);
    printCpuLine(b, "round A", 2);
    printCpuLine(b, "round B", 3);
    std::printf("  reading one copy whole   %lld ms for %d commitments (the notices read it twice in each refresh)\n",
                bench::percentile(f.copyReads, 0.5), b.opt.teammateCommitments);
    std::printf("  receive path             LISTEN/NOTIFY nudge -> OutboxService pull -> sync(); engine: tick at the\n"
                "                           window start (A), takeInboxChanges() after the sync (B)\n");
}

void printChecks(const Bench &b, const Figures &f, bool ok)
{
    const RoundAFigures &a = f.roundA;
    const Tally &afterB = f.roundB.after;
    std::printf("Checks\n");
    std::printf("  A before the window      %s  %s\n", qPrintable(a.held.summary()), a.held.ok() && a.held.released == 0 ? "ok" : "FAIL");
    std::printf("  coalesced (moved, done)  %d of %d items say finished  %s\n", a.coalescedFinished, f.changes.coalescedDependents,
                a.coalescedFinished == f.changes.coalescedDependents ? "ok" : "FAIL");
    std::printf("  A after the window       %s  %s\n", qPrintable(a.after.summary()), a.after.ok() && a.after.held == 0 ? "ok" : "FAIL");
    std::printf("  A + B, 2 more syncs, %zu members with 2 processes syncing at once\n"
                "                           %s  %s\n", b.twinned.size(), qPrintable(afterB.summary()),
                afterB.ok() && afterB.held == 0 ? "ok" : "FAIL");
    std::printf("  released before window  %d  %s\n", g_tracker.early(), g_tracker.early() == 0 ? "ok" : "FAIL");
    std::printf("  connect retries          %d (libpq's connect timeout under load; tried again like the app's reconnect)\n",
                g_connectRetries.load());
    std::printf("  waits                    stored A %s, released A %s, released B %s\n", a.stored ? "ok" : "TIMEOUT",
                a.released ? "ok" : "TIMEOUT", f.roundB.released ? "ok" : "TIMEOUT");
    std::printf("  errors                   %d (items without a known commitment in lags: %d)\n", g_errors.load(), f.lags.unmappedLags);
    std::printf("  locked out               %d writes gave up on SQLite's 5 s busy timeout (the member's other process held\n"
                "                           the write lock), %d of them the engine's release; repeated by the next sync%s\n",
                g_locked.load(), g_lockedReleases.load(), g_locked.load() > 0 ? "  WARNING" : "");
    std::printf("  result                   %s\n", ok ? "PASS" : "FAIL");
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    test::pinEnvironment();
    Bench b(parseOptions(app));
    startHub(b);

    Figures f;
    f.setupMs = setUpTeam(b);
    f.copyReads = timeCopyReads(b);
    progress("setup done; figure 1");
    f.plan = publishPlans(b);
    f.plan.planNotices = noticesFromPlan(b);
    f.solo = replanOneAtATime(b);
    f.plan.planHeldAfterRelease = putAwayPlanNotices(b);

    progress("figure 2, round A");
    f.changes = planChanges(b);
    f.roundA = runRoundA(b, f.changes);
    progress("round B");
    f.roundB = runRoundB(b, f.changes, f.roundA);

    b.cpuAtEnd = cpuMs();
    b.wallAtEnd = nowMs();
    progress("checks done");
    f.lags = measureLags(b, f.roundA, f.roundB);
    cleanUp(b);

    const bool ok = passed(f);
    printPublishing(b, f);
    printFigure2(f);
    printTimeSpent(b, f);
    printChecks(b, f, ok);
    std::fflush(stdout);
    return ok ? 0 : 1;
}
