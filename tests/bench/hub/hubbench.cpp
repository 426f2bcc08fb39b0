// The team hub under load: 2,000 members in teams of 20, each a client on its own connection,
// send 200,000 messages to teammates against a local hub (a throwaway PostgreSQL). Every
// message is held until its recipient's window opens, then fetched by the recipient's client
// at that moment. Two waves: the windows of one member in ten open at T0 (20,000 messages
// released at the same instant: the lag target applies here), everyone else's a minute later
// (180,000 at once, reported too). Meanwhile a hostile member holds a transaction open the
// whole time (an id, their own unsent message in it, renewed whenever the server ends it), and
// a probe pair measures the change feed: how soon a sender sees their message delivered.
//
// Prints: the hub's sustained insert rate, delivered count and checksum (exactly once), the
// release lag after the window opens (p50/p99/max; target p99 <= 1 s for 20,000), and the
// change-feed lag under the open transaction.
//
//   hub_bench [--members 2000] [--messages 200000] [--threads 100] [--senders N] [--no-hostile] [--insert-only] [--profile]
//
// --insert-only stops after the send phase: the insert rates alone, without the two minutes
// spent waiting for the windows to open. --profile adds the server time per hub function
// (PostgreSQL's track_functions): where a call's time goes at this many connections.
#include "hubbenchparts.h"
#include "pgcluster.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTimeZone>

#include <algorithm>
#include <atomic>
#include <barrier>
#include <chrono>
#include <cstdio>
#include <mutex>
#include <thread>

using namespace fermata;
using namespace fermata::bench;

namespace {

constexpr int s_teamSize = 20;
constexpr int s_firstWaveEvery = 10; // members 0, 10, 20, ...: their windows open at T0
constexpr qsizetype s_batch = 50;     // messages per call in the batched half

struct Outgoing
{
    Message message;
    bool retry = false; // pushed twice: a retry after a lost reply
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOptions({{QStringLiteral("members"), QStringLiteral("Members."), QStringLiteral("n"), QStringLiteral("2000")},
                       {QStringLiteral("messages"), QStringLiteral("Messages."), QStringLiteral("n"), QStringLiteral("200000")},
                       {QStringLiteral("no-hostile"), QStringLiteral("Without the member who holds a transaction open.")},
                       {QStringLiteral("insert-only"), QStringLiteral("Stop after the send phase (insert rates only).")},
                       {QStringLiteral("profile"), QStringLiteral("Print where the hub's server time goes, per function (track_functions).")},
                       {QStringLiteral("settings"), QStringLiteral("Extra server settings (-c name=value ...)."), QStringLiteral("options")},
                       {QStringLiteral("senders"), QStringLiteral("Members who send (all connect; default: all)."), QStringLiteral("n"), QStringLiteral("1000000")},
                       {QStringLiteral("threads"), QStringLiteral("Client threads (each drives members/threads clients)."), QStringLiteral("n"), QStringLiteral("100")}});
    parser.process(app);
    const int memberCount = std::max(parser.value(QStringLiteral("members")).toInt() / s_teamSize, 1) * s_teamSize;
    const int messageCount = parser.value(QStringLiteral("messages")).toInt();
    const int threadCount = std::clamp(parser.value(QStringLiteral("threads")).toInt(), 1, memberCount);
    const bool hostile = !parser.isSet(QStringLiteral("no-hostile"));
    const bool insertOnly = parser.isSet(QStringLiteral("insert-only"));

    const bool profile = parser.isSet(QStringLiteral("profile"));
    test::PgCluster cluster;
    const QString settings = parser.value(QStringLiteral("settings"))
        + (profile ? QStringLiteral(" -c track_functions=all") : QString());
    if (!cluster.start(memberCount + 40, settings))
        fail(cluster.errorString());
    const QString adminUrl = cluster.createHubDatabase(QStringLiteral("bench_hub"), QStringLiteral("hub_admin"));
    const HubConfig config = HubConfig::fromUrl(adminUrl).value();
    HubClient admin;
    if (!admin.open(config, cluster.adminPassword()) || !admin.initSchema())
        fail(QStringLiteral("cannot set up the hub"));

    QElapsedTimer setupTimer;
    setupTimer.start();
    QList<Member> members;
    for (int i = 0; i < memberCount; ++i) {
        const QByteArray zone = zones().at(i % zones().size());
        const Result<NewMember> added = admin.addMember(QStringLiteral("Team %1").arg(i / s_teamSize), QStringLiteral("Member %1").arg(i),
                                                        QStringLiteral("m%1@bench.example").arg(i), zone);
        if (!added)
            fail(added.error().message);
        members.append(Member{*added, zone});
    }
    // The hostile member and the probe pair: a team of their own, no windows (released at once).
    QList<Member> extras;
    for (const auto *who : {"hostile", "probe-sender", "probe-recipient"}) {
        const Result<NewMember> added = admin.addMember(QStringLiteral("Probe team"), QString::fromLatin1(who),
                                                        QStringLiteral("%1@bench.example").arg(QLatin1String(who)), "UTC");
        if (!added)
            fail(added.error().message);
        extras.append(Member{*added, "UTC"});
    }
    const qint64 setupMs = setupTimer.elapsed();

    // The messages, made up front: a random recipient (one in ten messages to the first
    // wave), a random teammate of theirs as the sender, 1% retried.
    QRandomGenerator rng(20261206);
    const int firstWaveMembers = memberCount / s_firstWaveEvery;
    const int firstWaveMessages = messageCount / 10;
    // --senders: how many members send (the first ones of every team, at least two so that a
    // sender has someone else to write to); all of them connect.
    const int sendersPerTeam = std::clamp((s_teamSize * parser.value(QStringLiteral("senders")).toInt() + memberCount / 2) / memberCount, 2, s_teamSize);
    QList<QList<Outgoing>> bySender(memberCount);
    quint64 sentChecksum = 0;
    for (int i = 0; i < messageCount; ++i) {
        int to = 0;
        if (i < firstWaveMessages) {
            to = rng.bounded(firstWaveMembers) * s_firstWaveEvery;
        } else {
            do
                to = rng.bounded(memberCount);
            while (to % s_firstWaveEvery == 0);
        }
        const int team = to / s_teamSize;
        // A sender other than the recipient: one of the team's first sendersPerTeam members.
        const int toInTeam = to - team * s_teamSize;
        const bool toSends = toInTeam < sendersPerTeam;
        int from = team * s_teamSize + rng.bounded(toSends ? sendersPerTeam - 1 : sendersPerTeam);
        if (toSends && from >= to)
            ++from;
        Outgoing o;
        o.message.uuid = QUuid::createUuid();
        o.message.to = members.at(to).account.role;
        o.message.subject = QStringLiteral("Message %1").arg(i);
        o.message.body = QStringLiteral("Body %1 from %2 to %3: %4").arg(i).arg(from).arg(to).arg(rng.generate64());
        o.retry = rng.bounded(100) == 0;
        sentChecksum += checksumOf(o.message.uuid, o.message.body);
        bySender[from].append(o);
    }

    // First-wave windows open at T0 (a minute boundary, each in its own zone), far enough
    // ahead that all messages are sent before it; everyone else's a minute later. T0 is set
    // once every member is connected (2,000 connections take minutes on 2 CPUs). A send phase
    // that ran past T0 would measure a different path: messages readable at once, each with
    // its nudge. With --insert-only nothing waits for T0, so it is an hour ahead.
    QDateTime opens;
    auto setOpens = [&] {
        const qint64 sendBudgetSecs = insertOnly ? 3600 : 40 + messageCount / 2500;
        opens = QDateTime::currentDateTimeUtc().addSecs(sendBudgetSecs);
        opens = opens.addSecs(60 - opens.time().second()).addMSecs(-opens.time().msec());
    };
    auto windowOf = [&](int member) { return member % s_firstWaveEvery == 0 ? opens : opens.addSecs(60); };

    std::barrier sync(threadCount + 1);
    std::atomic<int> pushed{0}, retried{0}, failures{0};
    std::mutex resultsMutex;
    QList<qint64> firstWaveLags, secondWaveLags, fetchStartMs, fetchMs, confirmMs;
    QSet<QUuid> received;
    qint64 duplicates = 0;
    quint64 receivedChecksum = 0;

    auto worker = [&](int t) {
        QList<int> mine;
        for (int i = t; i < memberCount; i += threadCount)
            mine.append(i);
        std::vector<std::unique_ptr<HubClient>> clients;
        for (int i : mine)
            clients.push_back(openMember(config, members.at(i)));
        sync.arrive_and_wait(); // connected
        sync.arrive_and_wait(); // T0 set
        for (size_t k = 0; k < clients.size(); ++k) {
            const int i = mine.at(int(k));
            const QTime start = windowOf(i).toTimeZone(QTimeZone(members.at(i).zone)).time();
            if (!clients[k] || !clients[k]->setMyWindows({HubWindow{0, 0, WeeklyRule(WeeklyRule::EveryDay, start, start.addSecs(600), members.at(i).zone), {}}}))
                ++failures;
        }
        sync.arrive_and_wait(); // windows published
        sync.arrive_and_wait(); // go
        // Round robin over this thread's members so every connection stays busy. The first
        // half of each queue goes out one message per call (as typed and sent); the rest in
        // batches of s_batch per call (a client catching up after being offline).
        auto queueOf = [&](size_t k) -> const QList<Outgoing> & { return bySender.at(mine.at(int(k))); };
        auto sendRound = [&](size_t round) {
            bool more = false;
            for (size_t k = 0; k < clients.size(); ++k) {
                const QList<Outgoing> &queue = queueOf(k);
                if (round >= size_t(queue.size() / 2) || !clients[k])
                    continue;
                more = true;
                const Outgoing &o = queue.at(qsizetype(round));
                if (!clients[k]->push(o.message, false))
                    ++failures;
                if (o.retry) {
                    if (!clients[k]->push(o.message, false))
                        ++failures;
                    ++retried;
                }
                ++pushed;
            }
            return more;
        };
        // A connection's first message pays for the server process's first use of the send
        // path (its caches and plans): timed apart from the steady state that follows.
        sendRound(0);
        sync.arrive_and_wait(); // first message on every connection sent
        for (size_t round = 1; sendRound(round); ++round) {
        }
        sync.arrive_and_wait(); // singles sent
        for (qsizetype from = 0, more = 1; more; from += s_batch) {
            more = 0;
            for (size_t k = 0; k < clients.size(); ++k) {
                const QList<Outgoing> &queue = queueOf(k);
                const qsizetype begin = queue.size() / 2 + from;
                if (begin >= queue.size() || !clients[k])
                    continue;
                more = 1;
                QList<HubClient::Outgoing> batch;
                for (qsizetype i = begin; i < std::min(queue.size(), begin + s_batch); ++i)
                    batch.append({queue.at(i).message, false});
                const auto releases = clients[k]->pushAll(batch);
                if (!releases || std::count(releases->cbegin(), releases->cend(), std::nullopt) > 0)
                    ++failures;
                pushed += int(batch.size());
            }
        }
        sync.arrive_and_wait(); // all sent
        if (insertOnly) {
            sync.arrive_and_wait();
            return;
        }
        // Each client pulls when its window opens, as OutboxService's timer does: first-wave
        // clients at T0, the others a minute later.
        for (const bool firstWave : {true, false}) {
            const QDateTime at = firstWave ? opens : opens.addSecs(60);
            std::this_thread::sleep_until(std::chrono::system_clock::time_point(
                std::chrono::milliseconds(at.toMSecsSinceEpoch() + 20)));
            for (size_t k = 0; k < clients.size(); ++k) {
                if ((mine.at(int(k)) % s_firstWaveEvery == 0) != firstWave || !clients[k])
                    continue;
                const Drained drained = drain(*clients[k], at);
                const std::lock_guard lock(resultsMutex);
                fetchStartMs.append(drained.startMs);
                fetchMs.append(drained.firstFetchMs);
                confirmMs.append(drained.confirmMs);
                failures += drained.failures;
                for (auto it = drained.messages.cbegin(); it != drained.messages.cend(); ++it) {
                    const QUuid &uuid = it.key();
                    const Drained::Received &value = it.value();
                    if (received.contains(uuid)) {
                        ++duplicates;
                        continue;
                    }
                    received.insert(uuid);
                    receivedChecksum += value.checksum;
                    (firstWave ? firstWaveLags : secondWaveLags).append(value.lagMs);
                }
            }
        }
        sync.arrive_and_wait();
    };

    std::vector<std::thread> threads;
    for (int t = 0; t < threadCount; ++t)
        threads.emplace_back(worker, t);
    HostileMember troublemaker(config, extras.at(0), extras.at(1).account.role);
    FeedProbe probe(config, extras.at(1), extras.at(2));
    sync.arrive_and_wait(); // connected
    setOpens();
    sync.arrive_and_wait(); // T0 set
    sync.arrive_and_wait(); // windows published
    if (hostile)
        troublemaker.start();
    probe.start();
    QElapsedTimer sendTimer;
    sendTimer.start();
    sync.arrive_and_wait();
    sync.arrive_and_wait();
    const qint64 firstMs = sendTimer.elapsed();
    const int firsts = pushed.load();
    sync.arrive_and_wait();
    const qint64 singleMs = sendTimer.elapsed();
    const int singles = pushed.load();
    sync.arrive_and_wait();
    const qint64 sendMs = sendTimer.elapsed();
    const qint64 batchMs = sendMs - singleMs;
    const bool sentBeforeWindow = QDateTime::currentDateTimeUtc() < opens;
    sync.arrive_and_wait();
    for (auto &thread : threads)
        thread.join();
    probe.stop();
    troublemaker.stop();

    QSqlQuery count(admin.connection());
    count.exec(QStringLiteral("SELECT count(*), count(*) FILTER (WHERE delivered_at IS NOT NULL) FROM fermata.messages "
                              "WHERE team_id <> (SELECT id FROM fermata.teams WHERE name = 'Probe team')"));
    count.next();

    const double rate = messageCount * 1000.0 / std::max<qint64>(1, sendMs);
    std::printf("Team hub benchmark (PostgreSQL at 127.0.0.1, throwaway cluster, fsync off)\n");
    std::printf("  members (connections)    %d in teams of %d on %d client threads (setup %.1f s)\n", memberCount, s_teamSize,
                threadCount, setupMs / 1000.0);
    std::printf("  senders                  %d per team of %d (all members connect)\n", sendersPerTeam, s_teamSize);
    std::printf("  connect retries          %d (libpq's connect timeout while %d members connect at once)\n",
                g_connectRetries.load(), memberCount);
    std::printf("  hostile member           %s\n", hostile ? qPrintable(troublemaker.summary()) : "none (--no-hostile)");
    std::printf("  messages sent            %d (+%d retried pushes of the same uuid)\n", pushed.load(), retried.load());
    std::printf("  send phase               %.2f s, %.0f messages/s overall%s\n", sendMs / 1000.0, rate,
                sentBeforeWindow ? "" : "  (WARNING: ran past the window start)");
    std::printf("  first message per connection (cold server process): %d in %.2f s = %.0f messages/s\n", firsts,
                firstMs / 1000.0, firsts * 1000.0 / std::max<qint64>(1, firstMs));
    std::printf("  sustained insert rate    one per call (as typed): %d in %.2f s = %.0f messages/s (target >= 5000)\n",
                singles - firsts, (singleMs - firstMs) / 1000.0,
                (singles - firsts) * 1000.0 / std::max<qint64>(1, singleMs - firstMs));
    std::printf("                           batches of %lld (catching up): %d in %.2f s = %.0f messages/s\n",
                qint64(s_batch), messageCount - singles, batchMs / 1000.0,
                (messageCount - singles) * 1000.0 / std::max<qint64>(1, batchMs));
    if (profile)
        printFunctionProfile(admin.connection());
    if (insertOnly)
        return failures == 0 ? 0 : 1;
    std::printf("  rows in hub              %lld (delivered %lld)\n", count.value(0).toLongLong(), count.value(1).toLongLong());
    std::printf("  delivered to clients     %lld, duplicates %lld, checksum %s\n", qint64(received.size()), duplicates,
                receivedChecksum == sentChecksum ? "matches" : "MISMATCH");
    std::printf("  release lag, %lld released at T0    p50 %lld ms, p99 %lld ms, max %lld ms (target p99 <= 1000 ms)\n",
                qint64(firstWaveLags.size()), percentile(firstWaveLags, 0.5), percentile(firstWaveLags, 0.99),
                percentile(firstWaveLags, 1));
    std::printf("  release lag, %lld released at T0+60s p50 %lld ms, p99 %lld ms, max %lld ms\n",
                qint64(secondWaveLags.size()), percentile(secondWaveLags, 0.5), percentile(secondWaveLags, 0.99),
                percentile(secondWaveLags, 1));
    std::printf("  where it goes (p50/p99/max ms): query sent after open %lld/%lld/%lld, first fetch %lld/%lld/%lld, "
                "confirm %lld/%lld/%lld\n",
                percentile(fetchStartMs, 0.5), percentile(fetchStartMs, 0.99), percentile(fetchStartMs, 1),
                percentile(fetchMs, 0.5), percentile(fetchMs, 0.99), percentile(fetchMs, 1),
                percentile(confirmMs, 0.5), percentile(confirmMs, 0.99), percentile(confirmMs, 1));
    std::printf("  change feed lag          %s\n", qPrintable(probe.summary()));
    std::printf("  errors                   %d\n", failures.load() + probe.failures());
    const bool ok = received.size() == messageCount && duplicates == 0 && receivedChecksum == sentChecksum
        && count.value(0).toInt() == messageCount && count.value(1).toInt() == messageCount
        && percentile(firstWaveLags, 0.99) <= 1000 && failures == 0 && probe.failures() == 0
        && probe.p99() <= 1000;
    std::printf("  result                   %s\n", ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
