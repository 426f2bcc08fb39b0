// attention_bench: figures for the attention engine (prints, never asserts).
//  1. Durable ingest over the local socket: 8 concurrent senders, each pipelining up to
//     `window` notifications, against the real LocalIntakeServer + AttentionService + SQLite
//     (WAL, synchronous=FULL, group commit). Throughput and acknowledgement latency.
//  2. Building the digest for 10,000 held notifications (and loading them from the database).
//  3. RSS of a process that opened the service over 100,000 notifications in history,
//     against one over an empty database (each measured in a fresh child process).
// Each figure is the median of several rounds.
//
//   attention_bench [--windows 1,2,4,8,16,32,64] [--per-sender 5000] [--rounds 5] [--ingest-only]
#include "attention/attentionservice.h"
#include "attention/digest.h"
#include "attention/localintakeserver.h"
#include "attention/notificationrequest.h"
#include "storage/database.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QLocalSocket>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

using namespace fermata;

namespace {

QTextStream out(stdout);

template <typename T>
T median(std::vector<T> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

double percentile(std::vector<double> v, double p)
{
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, size_t(p * double(v.size())))];
}

qint64 rssKb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').constFirst().toLongLong();
    }
    return -1;
}

struct IngestResult
{
    double perSecond = 0;
    double p50Ms = 0;
    double p99Ms = 0;
    int failures = 0;
};

// One sender thread: blocking QLocalSocket, at most `window` unacknowledged lines.
void sender(const QString &name, int index, int count, int window, std::vector<double> &latencies,
            std::atomic<int> &failures)
{
    QLocalSocket socket;
    socket.connectToServer(name);
    if (!socket.waitForConnected(5000)) {
        failures += count;
        return;
    }
    using Clock = std::chrono::steady_clock;
    std::vector<Clock::time_point> sentAt(static_cast<size_t>(count));
    int sent = 0;
    int acked = 0;
    latencies.reserve(size_t(count));
    while (acked < count) {
        QByteArray batch;
        while (sent < count && sent - acked < window) {
            InboxItem item;
            item.notification.source = QStringLiteral("bench%1").arg(index);
            item.notification.sender = QStringLiteral("sender%1").arg(sent % 17);
            item.notification.title = QStringLiteral("Notification %1 from %2").arg(sent).arg(index);
            item.notification.body = QStringLiteral("A body of ordinary length for a notification.");
            batch += QJsonDocument(notificationrequest::toJson(item)).toJson(QJsonDocument::Compact) + '\n';
            sentAt[size_t(sent++)] = Clock::now();
        }
        if (!batch.isEmpty()) {
            socket.write(batch);
            socket.flush();
        }
        if (!socket.canReadLine() && !socket.waitForReadyRead(10000)) {
            failures += count - acked;
            return;
        }
        while (socket.canReadLine()) {
            const QByteArray line = socket.readLine();
            const auto now = Clock::now();
            if (!line.startsWith("ok "))
                ++failures;
            latencies.push_back(std::chrono::duration<double, std::milli>(now - sentAt[size_t(acked)]).count());
            ++acked;
        }
    }
}

IngestResult ingestRound(int senders, int perSender, int window)
{
    QTemporaryDir dir;
    auto db = Database::open(dir.filePath(QStringLiteral("bench.sqlite")));
    if (!db)
        qFatal("%s", qPrintable(db.error().message));
    SystemClock clock;
    AttentionService service(*db.value(), clock);
    (void)service.load(QByteArrayLiteral("UTC"));
    // Everything on this thread, the fsync included, as the app does.
    LocalIntakeServer server([&](QList<InboxItem> items) { return service.ingest(std::move(items)); });
    const QString name = QStringLiteral("fermata-bench-%1").arg(QCoreApplication::applicationPid());
    if (!server.listen(name))
        qFatal("listen: %s", qPrintable(server.errorString()));

    std::vector<std::vector<double>> latencies(static_cast<size_t>(senders));
    std::atomic<int> failures{0};
    std::atomic<int> finished{0};
    std::vector<std::thread> threads;
    QElapsedTimer timer;
    timer.start();
    for (int s = 0; s < senders; ++s)
        threads.emplace_back([&, s] {
            sender(name, s, perSender, window, latencies[size_t(s)], failures);
            ++finished;
        });
    while (finished < senders)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    for (auto &t : threads)
        t.join();
    std::vector<double> all;
    for (const auto &l : latencies)
        all.insert(all.end(), l.begin(), l.end());
    const int stored = int(service.recentItems(-1).value().size());
    IngestResult r;
    r.perSecond = double(stored) / seconds;
    r.p50Ms = percentile(all, 0.50);
    r.p99Ms = percentile(all, 0.99);
    r.failures = failures + (senders * perSender - stored);
    return r;
}

QList<Notification> heldNotifications(int count)
{
    QList<Notification> list;
    list.reserve(count);
    const QDateTime base = QDateTime(QDate(2026, 3, 2), QTime(6, 0), Qt::UTC);
    for (int i = 0; i < count; ++i) {
        Notification n;
        n.id = i + 1;
        n.source = QStringLiteral("source%1").arg(i % 12);
        n.sender = QStringLiteral("sender%1").arg(i % 97);
        n.title = QStringLiteral("Title %1").arg(i % 1500); // many duplicates to collapse
        n.receivedAt = base.addSecs(i);
        list.append(n);
    }
    return list;
}

void seed(const QString &path, int count, bool held)
{
    auto db = Database::open(path);
    if (!db)
        qFatal("%s", qPrintable(db.error().message));
    AttentionRepository repo(*db.value());
    const QList<Notification> list = heldNotifications(count);
    for (int start = 0; start < count; start += 5000) {
        QList<InboxItem> items;
        for (int i = start; i < std::min(count, start + 5000); ++i) {
            InboxItem item;
            item.notification = list[i];
            item.notification.id = 0;
            item.notification.body = QStringLiteral("A body of ordinary length for a notification.");
            if (!held) {
                item.state = ItemState::Released;
                item.notification.releasedAt = item.notification.receivedAt.addSecs(3600);
            }
            items.append(item);
        }
        if (Status s = db.value()->inTransaction([&]() -> Status {
                auto ids = repo.add(items);
                return ids ? Status() : Status(ids.error());
            });
            !s)
            qFatal("%s", qPrintable(s.error().message));
    }
}

// Child process: open the service as the app does (load, tick, Inbox page), print VmRSS.
int rssProbe(const QString &path)
{
    auto db = Database::open(path);
    if (!db)
        return 1;
    SystemClock clock;
    AttentionService service(*db.value(), clock);
    (void)service.load(QByteArrayLiteral("UTC"));
    service.tick();
    (void)service.heldCount();
    (void)service.recentItems(200);
    (void)service.heldSummary();
    out << rssKb() << Qt::endl;
    return 0;
}

qint64 probe(const QString &path)
{
    QProcess p;
    p.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--rss-probe"), path});
    p.waitForFinished(120000);
    return p.readAllStandardOutput().trimmed().toLongLong();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() == 3 && args[1] == u"--rss-probe")
        return rssProbe(args[2]);
    QCommandLineParser parser;
    parser.addOptions({{QStringLiteral("windows"), QStringLiteral("In-flight levels per sender, comma-separated."),
                        QStringLiteral("list"), QStringLiteral("1,2,4,8,16,32,64")},
                       {QStringLiteral("per-sender"), QStringLiteral("Notifications per sender and round."),
                        QStringLiteral("n"), QStringLiteral("5000")},
                       {QStringLiteral("rounds"), QStringLiteral("Rounds per figure (the median is printed)."),
                        QStringLiteral("n"), QStringLiteral("5")},
                       {QStringLiteral("ingest-only"), QStringLiteral("Skip the digest and memory figures.")}});
    parser.process(app);
    const int rounds = std::max(1, parser.value(QStringLiteral("rounds")).toInt());
    const int perSender = std::max(1, parser.value(QStringLiteral("per-sender")).toInt());

    out << "attention_bench (medians of " << rounds << " rounds; intake stored on the socket's "
           "thread, as the app does)\n";
    // The curve: in flight per sender against throughput and acknowledgement latency. A wide
    // window shows throughput (big group commits); a narrow one shows latency when the disk's
    // fsync is the floor of every acknowledgement.
    for (const QString &level : parser.value(QStringLiteral("windows")).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const int window = std::max(1, level.toInt());
        const int senders = 8;
        std::vector<double> rates, p50s, p99s;
        int failures = 0;
        for (int r = 0; r < rounds; ++r) {
            const IngestResult result = ingestRound(senders, perSender, window);
            rates.push_back(result.perSecond);
            p50s.push_back(result.p50Ms);
            p99s.push_back(result.p99Ms);
            failures += result.failures;
        }
        out << QStringLiteral("ingest over local socket: %1 senders x %2, window %3: %4 notifications/s "
                              "(target >= 20000), ack p50 %5 ms, p99 %6 ms (target <= 5), failures %7\n")
                   .arg(senders).arg(perSender).arg(window)
                   .arg(median(rates), 0, 'f', 0).arg(median(p50s), 0, 'f', 2).arg(median(p99s), 0, 'f', 2)
                   .arg(failures);
        out.flush();
    }
    if (parser.isSet(QStringLiteral("ingest-only")))
        return 0;
    {
        const QList<Notification> held = heldNotifications(10000);
        std::vector<double> ms;
        Digest digest;
        for (int r = 0; r < rounds; ++r) {
            QElapsedTimer t;
            t.start();
            digest = buildDigest(held);
            ms.push_back(double(t.nsecsElapsed()) / 1e6);
        }
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("held.sqlite"));
        seed(path, 10000, true);
        auto db = Database::open(path);
        SystemClock clock;
        AttentionService service(*db.value(), clock);
        std::vector<double> loadMs;
        for (int r = 0; r < rounds; ++r) {
            QElapsedTimer t;
            t.start();
            auto summary = service.heldSummary();
            loadMs.push_back(double(t.nsecsElapsed()) / 1e6);
        }
        out << QStringLiteral("digest of 10000 held: build %1 ms (target <= 50), load from database + build %2 ms; \"%3\"\n")
                   .arg(median(ms), 0, 'f', 2).arg(median(loadMs), 0, 'f', 1).arg(digest.summary());
        out.flush();
    }
    {
        QTemporaryDir dir;
        const QString empty = dir.filePath(QStringLiteral("empty.sqlite"));
        const QString full = dir.filePath(QStringLiteral("full.sqlite"));
        seed(empty, 0, false);
        seed(full, 100000, false);
        std::vector<qint64> emptyKb, fullKb;
        for (int r = 0; r < rounds; ++r) {
            emptyKb.push_back(probe(empty));
            fullKb.push_back(probe(full));
        }
        out << QStringLiteral("RSS: empty database %1 MB, 100000 in history %2 MB, difference %3 MB (target <= 30)\n")
                   .arg(double(median(emptyKb)) / 1024, 0, 'f', 1)
                   .arg(double(median(fullKb)) / 1024, 0, 'f', 1)
                   .arg(double(median(fullKb) - median(emptyKb)) / 1024, 0, 'f', 1);
    }
    out.flush();
    return 0;
}
