// The team hub under load: a simulated team of 200 members, each on its own connection,
// sends 20,000 messages against a local hub (a throwaway PostgreSQL). Every message is held
// until its recipient's window opens, then fetched by the recipient's client at that moment.
// Prints: the hub's sustained insert rate, delivered count and checksum (exactly once),
// and the release lag after the window opens (p50/p99/max; target p99 <= 1 s).
//
//   hub_bench [--members 200] [--messages 20000] [--threads N (default: one per member)]
#include "pgcluster.h"
#include "team/hubclient.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QSqlError>
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

namespace {

const QList<QByteArray> s_zones = {"Europe/Berlin", "America/New_York", "Asia/Tokyo",
                                   "Australia/Sydney", "America/St_Johns", "Asia/Kolkata",
                                   "Europe/London", "Pacific/Auckland", "UTC"};

struct Member
{
    NewMember account;
    QByteArray zone;
};

struct Outgoing
{
    Message message;
    bool retry = false; // pushed twice: a retry after a lost reply
};

quint64 checksumOf(const QUuid &uuid, const QString &body)
{
    const QByteArray digest = QCryptographicHash::hash(QByteArray(uuid.toRfc4122() + body.toUtf8()), QCryptographicHash::Sha1);
    quint64 value = 0;
    for (int i = 0; i < 8; ++i)
        value = (value << 8) | quint8(digest.at(i));
    return value;
}

void fail(const QString &what)
{
    std::fprintf(stderr, "hub_bench: %s\n", qPrintable(what));
    std::exit(1);
}

// The plans of member 0's fetch (as that member, under row-level security) and of a confirm
// of everything released to them (as the owner, rolled back), just after the window opened.
void explainRelease(const HubConfig &config, const NewMember &member, HubClient &admin, const QDateTime &opens)
{
    HubClient client;
    HubConfig c = config;
    c.user = member.role;
    if (!client.open(c, member.password))
        fail(QStringLiteral("explain: cannot connect"));
    auto show = [](QSqlQuery &q, const QString &sql) {
        if (!q.exec(sql))
            fail(q.lastError().text());
        while (q.next())
            std::printf("    %s\n", qPrintable(q.value(0).toString()));
    };
    QSqlQuery q(client.connection());
    // The send path, as member 0 (rolled back): 200 single-row inserts to one teammate,
    // the way clients send them, and the plan of the last.
    q.exec(QStringLiteral("BEGIN"));
    QElapsedTimer inserts;
    inserts.start();
    for (int i = 0; i < 200; ++i)
        q.exec(QStringLiteral("INSERT INTO fermata.messages (uuid, sender_id, recipient_id, subject, body, urgent) "
                              "SELECT gen_random_uuid(), fermata.my_member_id(), r.id, 's', 'b', false "
                              "FROM fermata.members r WHERE r.id = (SELECT max(id) FROM fermata.members) "
                              "ON CONFLICT (uuid) DO NOTHING RETURNING (extract(epoch FROM release_at) * 1000)::bigint"));
    std::printf("  200 inserts in one transaction: %.2f ms each\n", double(inserts.nsecsElapsed()) / 1e6 / 200);
    std::printf("  insert plan (rolled back):\n");
    show(q, QStringLiteral("EXPLAIN (ANALYZE, BUFFERS) INSERT INTO fermata.messages (uuid, sender_id, recipient_id, subject, body, urgent) "
                           "SELECT gen_random_uuid(), fermata.my_member_id(), r.id, 's', 'b', false "
                           "FROM fermata.members r WHERE r.id = (SELECT max(id) FROM fermata.members) "
                           "ON CONFLICT (uuid) DO NOTHING RETURNING (extract(epoch FROM release_at) * 1000)::bigint"));
    q.exec(QStringLiteral("ROLLBACK"));
    std::this_thread::sleep_until(std::chrono::system_clock::time_point(
        std::chrono::milliseconds(opens.toMSecsSinceEpoch() + 2)));
    std::printf("  fetch plan (member %s):\n", qPrintable(member.role));
    show(q, QStringLiteral("EXPLAIN (ANALYZE, BUFFERS) ") + HubClient::releasedMessagesSql()
                 + QStringLiteral(" LIMIT 500"));
    QSqlQuery a(admin.connection());
    a.exec(QStringLiteral("BEGIN"));
    std::printf("  confirm plan (rolled back):\n");
    show(a, QStringLiteral("EXPLAIN (ANALYZE, BUFFERS) UPDATE fermata.messages m SET delivered_at = now() "
                           "WHERE m.uuid = ANY (ARRAY(SELECT uuid FROM fermata.messages WHERE recipient_id = %1)) "
                           "AND m.recipient_id = %1 AND m.release_at <= now() "
                           "AND m.delivered_at IS NULL AND m.withdrawn_at IS NULL").arg(member.id));
    a.exec(QStringLiteral("ROLLBACK"));
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOptions({{QStringLiteral("members"), QStringLiteral("Members."), QStringLiteral("n"), QStringLiteral("200")},
                       {QStringLiteral("messages"), QStringLiteral("Messages."), QStringLiteral("n"), QStringLiteral("20000")},
                       {QStringLiteral("explain"), QStringLiteral("Also print the plans of the recipient's fetch and confirm (disturbs the lag figures).")},
                       {QStringLiteral("threads"), QStringLiteral("Client threads (default: one per member, as separate clients)."), QStringLiteral("n"), QStringLiteral("0")}});
    parser.process(app);
    const int memberCount = parser.value(QStringLiteral("members")).toInt();
    const int messageCount = parser.value(QStringLiteral("messages")).toInt();
    const int threadsWanted = parser.value(QStringLiteral("threads")).toInt();
    const bool explain = parser.isSet(QStringLiteral("explain"));
    const int threadCount = std::clamp(threadsWanted > 0 ? threadsWanted : memberCount, 1, memberCount);

    test::PgCluster cluster;
    if (!cluster.start(memberCount + 20))
        fail(cluster.errorString());
    const QString adminUrl = cluster.createHubDatabase(QStringLiteral("bench_hub"), QStringLiteral("hub_admin"));
    HubConfig config = HubConfig::fromUrl(adminUrl).value();
    HubClient admin;
    if (!admin.open(config, cluster.adminPassword()) || !admin.initSchema())
        fail(QStringLiteral("cannot set up the hub"));

    QElapsedTimer setupTimer;
    setupTimer.start();
    QList<Member> members;
    for (int i = 0; i < memberCount; ++i) {
        const QByteArray zone = s_zones.at(i % s_zones.size());
        const Result<NewMember> added = admin.addMember(QStringLiteral("Bench"), QStringLiteral("Member %1").arg(i),
                                                        QStringLiteral("m%1@bench.example").arg(i), zone);
        if (!added)
            fail(added.error().message);
        members.append(Member{*added, zone});
    }
    const qint64 setupMs = setupTimer.elapsed();

    // The messages, made up front: random sender and recipient, 1% retried.
    QRandomGenerator rng(20261125);
    QList<QList<Outgoing>> bySender(memberCount);
    quint64 sentChecksum = 0;
    for (int i = 0; i < messageCount; ++i) {
        const int from = rng.bounded(memberCount);
        int to = rng.bounded(memberCount - 1);
        if (to >= from)
            ++to;
        Outgoing o;
        o.message.uuid = QUuid::createUuid();
        o.message.to = members.at(to).account.role;
        o.message.subject = QStringLiteral("Message %1").arg(i);
        o.message.body = QStringLiteral("Body %1 from %2 to %3: %4").arg(i).arg(from).arg(to).arg(rng.generate64());
        o.retry = rng.bounded(100) == 0;
        sentChecksum += checksumOf(o.message.uuid, o.message.body);
        bySender[from].append(o);
    }

    // Every window opens at the same instant T0 (a minute boundary, each in its own zone),
    // far enough ahead that all messages are sent before it.
    const qint64 sendBudgetSecs = 25 + messageCount / 1000;
    QDateTime opens = QDateTime::currentDateTimeUtc().addSecs(sendBudgetSecs);
    opens = opens.addSecs(60 - opens.time().second()).addMSecs(-opens.time().msec());

    std::barrier sync(threadCount + 1);
    std::atomic<qint64> sendStartMs{0}, sendEndMs{0};
    std::atomic<int> pushed{0}, retried{0}, failures{0};
    std::mutex resultsMutex;
    QList<qint64> lagsMs;
    // Where the lag goes, per client (ms after the window opened): first query sent, first
    // fetch answered, deliveries confirmed.
    QList<qint64> fetchStartMs, fetchMs, confirmMs;
    QSet<QUuid> received;
    qint64 duplicates = 0;
    quint64 receivedChecksum = 0;

    auto worker = [&](int t) {
        QList<int> mine;
        for (int i = t; i < memberCount; i += threadCount)
            mine.append(i);
        std::vector<std::unique_ptr<HubClient>> clients;
        for (int i : mine) {
            auto client = std::make_unique<HubClient>();
            HubConfig c = config;
            c.user = members.at(i).account.role;
            if (!client->open(c, members.at(i).account.password))
                ++failures;
            const QTime start = opens.toTimeZone(QTimeZone(members.at(i).zone)).time();
            if (!client->setMyWindows({HubWindow{0, 0, WeeklyRule(WeeklyRule::EveryDay, start, start.addSecs(600), members.at(i).zone), {}}}))
                ++failures;
            clients.push_back(std::move(client));
        }
        sync.arrive_and_wait(); // connected, windows published
        sync.arrive_and_wait(); // go
        // Round robin over this thread's members so every connection stays busy.
        size_t round = 0;
        bool more = true;
        while (more) {
            more = false;
            for (size_t k = 0; k < clients.size(); ++k) {
                const QList<Outgoing> &queue = bySender.at(mine.at(int(k)));
                if (round >= size_t(queue.size()))
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
            ++round;
        }
        sync.arrive_and_wait(); // all sent
        // Each client pulls when its window opens, as OutboxService's timer does.
        std::this_thread::sleep_until(std::chrono::system_clock::time_point(
            std::chrono::milliseconds(opens.toMSecsSinceEpoch() + 20)));
        for (auto &client : clients) {
            const qint64 began = QDateTime::currentMSecsSinceEpoch();
            bool first = true;
            for (;;) {
                const Result<QList<Message>> batch = client->fetchReleased(500);
                const qint64 at = QDateTime::currentMSecsSinceEpoch();
                if (first) {
                    const std::lock_guard lock(resultsMutex);
                    fetchStartMs.append(began - opens.toMSecsSinceEpoch());
                    fetchMs.append(at - began);
                    first = false;
                }
                if (!batch) {
                    ++failures;
                    break;
                }
                QList<QUuid> uuids;
                {
                    const std::lock_guard lock(resultsMutex);
                    for (const Message &m : *batch) {
                        uuids.append(m.uuid);
                        if (received.contains(m.uuid)) {
                            ++duplicates;
                            continue;
                        }
                        received.insert(m.uuid);
                        receivedChecksum += checksumOf(m.uuid, m.body);
                        lagsMs.append(at - m.releaseAt.toMSecsSinceEpoch());
                    }
                }
                const qint64 confirming = QDateTime::currentMSecsSinceEpoch();
                if (!client->markDelivered(uuids))
                    ++failures;
                {
                    const std::lock_guard lock(resultsMutex);
                    confirmMs.append(QDateTime::currentMSecsSinceEpoch() - confirming);
                }
                if (batch->size() < 500)
                    break;
            }
        }
        sync.arrive_and_wait();
    };

    std::vector<std::thread> threads;
    for (int t = 0; t < threadCount; ++t)
        threads.emplace_back(worker, t);
    sync.arrive_and_wait();
    QElapsedTimer sendTimer;
    sendTimer.start();
    sync.arrive_and_wait();
    sync.arrive_and_wait();
    const qint64 sendMs = sendTimer.elapsed();
    const bool sentBeforeWindow = QDateTime::currentDateTimeUtc() < opens;
    if (explain)
        explainRelease(config, members.constFirst().account, admin, opens);
    sync.arrive_and_wait();
    for (auto &thread : threads)
        thread.join();

    std::sort(lagsMs.begin(), lagsMs.end());
    auto percentileOf = [](QList<qint64> &values, double p) -> qint64 {
        std::sort(values.begin(), values.end());
        return values.isEmpty() ? -1 : values.at(std::min<qsizetype>(values.size() - 1, qsizetype(p * values.size())));
    };
    auto percentile = [&](double p) { return percentileOf(lagsMs, p); };
    QSqlQuery count(admin.connection());
    count.exec(QStringLiteral("SELECT count(*), count(*) FILTER (WHERE delivered_at IS NOT NULL) FROM fermata.messages"));
    count.next();

    const double rate = messageCount * 1000.0 / std::max<qint64>(1, sendMs);
    std::printf("Team hub benchmark (PostgreSQL at 127.0.0.1, throwaway cluster, fsync off)\n");
    std::printf("  members (connections)    %d on %d client threads (setup %.1f s)\n", memberCount, threadCount, setupMs / 1000.0);
    std::printf("  messages sent            %d (+%d retried pushes of the same uuid)\n", pushed.load(), retried.load());
    std::printf("  send phase               %.2f s, sustained insert rate %.0f messages/s%s\n", sendMs / 1000.0, rate,
                sentBeforeWindow ? "" : "  (WARNING: ran past the window start)");
    std::printf("  rows in hub              %lld (delivered %lld)\n", count.value(0).toLongLong(), count.value(1).toLongLong());
    std::printf("  delivered to clients     %lld, duplicates %lld, checksum %s\n", qint64(received.size()), duplicates,
                receivedChecksum == sentChecksum ? "matches" : "MISMATCH");
    std::printf("  release lag after window p50 %lld ms, p99 %lld ms, max %lld ms (target p99 <= 1000 ms)\n",
                percentile(0.50), percentile(0.99), lagsMs.isEmpty() ? -1 : lagsMs.constLast());
    std::printf("  where it goes (p50/p99/max ms): query sent after open %lld/%lld/%lld, first fetch %lld/%lld/%lld, "
                "confirm %lld/%lld/%lld\n",
                percentileOf(fetchStartMs, 0.5), percentileOf(fetchStartMs, 0.99), percentileOf(fetchStartMs, 1),
                percentileOf(fetchMs, 0.5), percentileOf(fetchMs, 0.99), percentileOf(fetchMs, 1),
                percentileOf(confirmMs, 0.5), percentileOf(confirmMs, 0.99), percentileOf(confirmMs, 1));
    std::printf("  errors                   %d\n", failures.load());
    const bool ok = received.size() == messageCount && duplicates == 0 && receivedChecksum == sentChecksum
        && count.value(0).toInt() == messageCount && count.value(1).toInt() == messageCount
        && percentile(0.99) <= 1000 && failures == 0;
    std::printf("  result                   %s\n", ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
