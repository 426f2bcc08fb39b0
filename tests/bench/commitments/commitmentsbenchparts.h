#pragma once

// The pieces of commitments_bench: a member's Fermata on its own thread, the record of when
// each commitment notice was stored and released, the owners' changes, and the checks.

#include "attention/attentionservice.h"
#include "messaging/outboxservice.h"
#include "storage/database.h"
#include "team/hubclient.h"
#include "team/secretstore.h"
#include "testsupport.h"
#include "time/clock.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QSet>
#include <QThread>
#include <QUuid>

#include <array>
#include <atomic>
#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <utility>
#include <vector>

namespace fermata::bench::commitments {

qint64 nowMs();
void sleepMs(int ms);
// Exits with 2 (a check that fails exits with 1).
[[noreturn]] void fail(const QString &what);
// The clock every process's engine and OutboxService run on: the real one.
const SystemClock &systemClock();
// An Inbox item that is a commitment notice ("commitment:<uuid>:<stamp>").
bool isCommitmentNotice(const QString &itemUuid);

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
    int saw(int member, const QList<InboxItem> &items, bool twin);
    void released(int member, const QList<qint64> &ids);
    // Seen in `r`: stored, and released.
    std::pair<int, int> countIn(int r) const;
    QList<Sighting> sightings() const;
    int early() const { return m_early.load(); }

private:
    mutable std::mutex m_mutex;
    std::map<std::pair<int, qint64>, Sighting> m_items;
    std::atomic<int> m_early{0};
};

// Shared by every process's thread and read by main() for the figures; defined once in
// commitmentsbenchparts.cpp.
extern Tracker g_tracker;
extern std::array<std::atomic<int>, 4> g_syncs; // sync() ends (statusChanged) per round
extern std::atomic<int> g_errors;
extern std::atomic<int> g_locked;         // syncs that gave up waiting for the other process's write lock
extern std::atomic<int> g_lockedReleases; // of them, the engine's release (tick)
extern std::atomic<int> g_connectRetries;

// Connects as the app's reconnect timer would: 200 clients connecting at once on 2 CPUs can
// see libpq's connect timeout; a client that never connected would sit out the round and turn
// up as late or unexpected items, which is the machine's doing, not the protocol's.
Status connectWithRetries(OutboxService &service);
// Counts an error (a lost write lock apart) and prints the first few.
void noteError(const QString &what);

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

void progress(const char *what);

// A person's Fermata, on its thread: file, engine (window closed: one far from now), join,
// share `perMember` tasks locally.
void openFermata(Person &p, const HubConfig &config, int perMember, const QDateTime &closedAt);
// The person's second process (round B), on the twin's thread: the same SQLite file, an
// OutboxService of its own, nudged by the same NOTIFY.
void openSecondProcess(Person &p);
// Figure 1, on the owner's thread: stores focus blocks for its shared tasks (one transaction)
// and syncs, timing both.
void storeAndPushPlan(Person &p);

// After every sync of either process of a person: what commitment notices are stored now; the
// engine takes the Inbox change, as DataChangeWatcher makes the window's engine do after every
// write by another connection (so a release that lost a lock race is tried again).
void afterSync(Person &p, Database &db, bool twin);
// service.sync(), its failure noted.
Status sync(OutboxService &service);

// The commitment a notice is about ("commitment:<uuid>:<stamp>"), when the person waits for it.
QUuid aboutWhich(const QString &itemUuid, const QHash<QUuid, qint64> &waits);

struct ItemRow
{
    qint64 id = 0;
    QString uuid;
    ItemState state = ItemState::Held;
    QString title;
};

// Every commitment notice in each person's Inbox, read on their threads.
std::vector<QList<ItemRow>> readNotices(const std::vector<Person *> &people);

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
    QString summary() const;
    bool ok() const { return items == expected && missing == 0 && duplicates == 0 && unexpected == 0 && unmapped == 0; }
};

Tally verify(const std::vector<Person *> &people, const std::vector<QList<ItemRow>> &notices,
             const std::vector<QSet<qint64>> &baseline, const QSet<QUuid> &changed);

// Each commitment's last change on the hub (updated_at, the server's clock_timestamp()).
QHash<QUuid, qint64> hubChangeTimes(HubClient &admin);
// Live commitments on the hub matching the SQL condition `where`.
int hubCount(HubClient &admin, const QString &where);

// A daily window [start, start + minutes) in UTC, start on a minute.
CheckInWindow windowAt(const QDateTime &start, int minutes);
QDateTime nextMinuteAfter(qint64 secs);

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
    QString text() const;
};

// An owner's change to a shared task: done, or its finish day moved `days` later (a new block).
void markDone(Person &p, qint64 taskId);
void moveFinishDay(Person &p, qint64 taskId, int days);

// The owners apply their changes (tasks `done`, tasks `moved` by `days`) and sync, all at once.
void push(const std::map<Person *, QList<qint64>> &done, const std::map<Person *, QList<qint64>> &moved, int days);

} // namespace fermata::bench::commitments
