// insights_bench: what the Insights report costs over a year of data. Seeds a real SQLite file
// with a year ending today (Europe/Berlin): 5,000 tasks with tags, 10,000 busy meetings, 2,000
// focus sessions, 3,000 focus blocks (a tenth of them moved), 100,000 notifications over 6
// sources, 1,000 early peeks and 500 sent messages. Then prints the median of several runs of
// InsightsQuery::report for the year and for the last 4 weeks (what the Insights view asks
// for), and of `fermata insights --json` for the year, run as a process (start-up included).
// Targets: the view's query <= 100 ms, the command <= 200 ms. Prints figures; never a test.
//
//   insights_bench [--runs 9] [--keep DIR]   (--keep: seed into DIR and leave it there)
#include "insights/insightsquery.h"
#include "settings/preferences.h"
#include "storage/database.h"
#include "testsupport.h"
#include "time/clock.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QTextStream>
#include <QTimeZone>

#include <algorithm>
#include <vector>

using namespace fermata;

namespace {

QTextStream out(stdout);
constexpr qint64 s_minute = 60000;

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

bool run(QSqlQuery &q, const QVariantList &values)
{
    for (int i = 0; i < values.size(); ++i)
        q.bindValue(i, values[i]);
    if (!q.exec()) {
        out << "seed failed: " << q.lastError().text() << Qt::endl;
        return false;
    }
    return true;
}

Status seed(Database &db, qint64 fromMs, qint64 toMs)
{
    return db.inTransaction([&]() -> Status {
        QRandomGenerator rng(17);
        const auto when = [&] { return fromMs + qint64(rng.bounded(double(toMs - fromMs - 8 * 3600000))); };
        const auto fail = Status::failure(Error::Code::Database, QStringLiteral("seed"));
        QSqlQuery task(db.connection()), tag(db.connection()), session(db.connection()),
            block(db.connection()), event(db.connection()), note(db.connection()), peek(db.connection()),
            message(db.connection()), hub(db.connection()), move(db.connection());
        task.prepare(
            QStringLiteral("INSERT INTO tasks (id, title, estimate_minutes, remaining_minutes, priority, "
                           "min_chunk_minutes, max_chunk_minutes, splittable, preferred_day_part, done) "
                           "VALUES (?, ?, ?, 0, 2, 30, 120, 1, 'any', ?)"));
        tag.prepare(QStringLiteral("INSERT INTO task_tags (task_id, position, tag) VALUES (?, ?, ?)"));
        session.prepare(
            QStringLiteral("INSERT INTO focus_sessions (task_id, started_ms, planned_end_ms, ended_ms, "
                           "outcome) VALUES (?, ?, ?, ?, ?)"));
        block.prepare(
            QStringLiteral("INSERT INTO focus_blocks (id, task_id, start_ms, end_ms) VALUES (?, ?, ?, ?)"));
        move.prepare(
            QStringLiteral("UPDATE focus_blocks SET start_ms = start_ms + 1800000, end_ms = end_ms + 1800000 "
                           "WHERE id = ?"));
        event.prepare(
            QStringLiteral("INSERT INTO calendar_events (source, uid, title, start_ms, end_ms, busy) "
                           "VALUES ('work', ?, 'Meeting', ?, ?, 1)"));
        note.prepare(QStringLiteral(
            "INSERT INTO notifications (source, sender, title, received_ms, released_ms, state, "
            "verdict, reason) VALUES (?, 's', 't', ?, ?, ?, ?, ?)"));
        peek.prepare(QStringLiteral("INSERT INTO attention_events (kind, at_ms) VALUES ('peek', ?)"));
        message.prepare(
            QStringLiteral("INSERT INTO messages (uuid, created_ms, state) VALUES (?, ?, 'sent')"));
        hub.prepare(QStringLiteral("INSERT INTO hub_sync (uuid, outgoing, urgent) VALUES (?, 1, ?)"));
        const QStringList tags { QStringLiteral("writing"), QStringLiteral("review"), QStringLiteral("admin"),
            QStringLiteral("code"), QStringLiteral("design"), QStringLiteral("email"),
            QStringLiteral("research"), QStringLiteral("planning") };
        for (int id = 1; id <= 5000; ++id) {
            if (!run(task, { id, QStringLiteral("Task %1").arg(id), 30 + id % 8 * 30, id % 3 != 0 ? 1 : 0 })
                || !run(tag, { id, 0, tags[id % 8] })
                || (id % 2 == 0 && !run(tag, { id, 1, tags[(id / 2) % 8] })))
                return fail;
        }
        for (int i = 0; i < 2000; ++i) {
            const qint64 start = when();
            const qint64 planned = start + (25 + rng.bounded(96)) * s_minute;
            const qint64 end = planned + (rng.bounded(60) - 30) * s_minute;
            const QString outcome = i % 3 == 0 ? QStringLiteral("stopped")
                : i % 3 == 1                   ? QStringLiteral("done")
                                               : QStringLiteral("ended");
            if (!run(session, { 1 + rng.bounded(5000), start, planned, end, outcome }))
                return fail;
        }
        for (int id = 1; id <= 3000; ++id) {
            const qint64 start = when();
            if (!run(block, { id, 1 + rng.bounded(5000), start, start + 90 * s_minute })
                || (id % 10 == 0 && !run(move, { id })))
                return fail;
        }
        for (int i = 0; i < 10000; ++i) {
            const qint64 start = when();
            if (!run(event,
                    { QStringLiteral("e%1").arg(i), start, start + (15 + rng.bounded(4) * 15) * s_minute }))
                return fail;
        }
        static const char *reasons[] = { "outside-window", "focus", "inside-window", "vip", "keyword",
            "critical", "source-always-allow" };
        for (int i = 0; i < 100000; ++i) {
            const qint64 at = when();
            const int r = rng.bounded(20);
            const QString reason = QString::fromLatin1(reasons[r < 14 ? r % 2 : 2 + r % 5]);
            const bool held = r < 14;
            const QVariant released = held && i % 10 != 0 ? QVariant(at + 3600000) : QVariant();
            if (!run(note,
                    { QStringLiteral("source%1").arg(i % 6), at, released,
                        held ? (released.isNull() ? QStringLiteral("held") : QStringLiteral("released"))
                             : QStringLiteral("released"),
                        held ? QStringLiteral("hold") : QStringLiteral("deliver"), reason }))
                return fail;
        }
        for (int i = 0; i < 1000; ++i) {
            if (!run(peek, { when() }))
                return fail;
        }
        for (int i = 0; i < 500; ++i) {
            const QString uuid = QStringLiteral("m%1").arg(i);
            if (!run(message, { uuid, when() }) || !run(hub, { uuid, i % 5 == 0 ? 1 : 0 }))
                return fail;
        }
        return {};
    });
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({ QStringLiteral("runs"), QStringLiteral("Runs per figure."), QStringLiteral("n"),
        QStringLiteral("9") });
    parser.addOption({ QStringLiteral("keep"), QStringLiteral("Seed into this folder and keep it."),
        QStringLiteral("dir") });
    parser.process(app);
    const int runs = std::max(1, parser.value(QStringLiteral("runs")).toInt());

    test::pinEnvironment("Europe/Berlin");
    const QTimeZone zone(QByteArrayLiteral("Europe/Berlin"));
    test::TempDataDir temp;
    const QString kept = parser.value(QStringLiteral("keep"));
    const QDir dir(kept.isEmpty() ? temp.path() : kept);
    const QDate today = QDateTime::currentDateTimeUtc().toTimeZone(zone).date();
    const QDate yearAgo = today.addDays(-364);
    const qint64 fromMs = QDateTime(yearAgo, QTime(0, 0), zone).toMSecsSinceEpoch();
    const qint64 toMs = QDateTime(today, QTime(0, 0), zone).toMSecsSinceEpoch();
    {
        auto db = Database::open(dir.filePath(QStringLiteral("fermata.sqlite")));
        if (!db) {
            out << db.error().message << Qt::endl;
            return 1;
        }
        QElapsedTimer seeding;
        seeding.start();
        if (Status s = seed(**db, fromMs, toMs); !s)
            return 1;
        out << "Seeded a year (" << yearAgo.toString(Qt::ISODate) << " .. " << today.toString(Qt::ISODate)
            << "): 5,000 tasks, 10,000 events, 2,000 focus sessions, 3,000 blocks, 100,000 notifications in "
            << seeding.elapsed() << " ms" << Qt::endl;
        QSqlQuery((*db)->connection()).exec(QStringLiteral("ANALYZE"));
    }

    auto db = Database::open(dir.filePath(QStringLiteral("fermata.sqlite")));
    if (!db)
        return 1;
    SystemClock clock;
    const WorkingHours hours = WorkingHours::defaults(QByteArrayLiteral("Europe/Berlin"));
    const auto timeReport = [&](QDate first) {
        std::vector<double> ms;
        for (int i = 0; i < runs; ++i) {
            QElapsedTimer t;
            t.start();
            const Result<InsightsReport> r = InsightsQuery(**db, clock).report(first, today, zone, hours);
            ms.push_back(double(t.nsecsElapsed()) / 1e6);
            if (!r) {
                out << r.error().message << Qt::endl;
                return -1.0;
            }
        }
        return median(ms);
    };
    out << "InsightsQuery::report, a year (365 days):  median "
        << QString::number(timeReport(yearAgo), 'f', 1) << " ms of " << runs << " runs (target <= 100 ms)"
        << Qt::endl;
    out << "InsightsQuery::report, 4 weeks (28 days):  median "
        << QString::number(timeReport(today.addDays(-27)), 'f', 1) << " ms of " << runs
        << " runs (target <= 100 ms)" << Qt::endl;
    db.value().reset();

    std::vector<double> ms;
    qsizetype bytes = 0;
    for (int i = 0; i < runs; ++i) {
        QProcess process;
        QElapsedTimer t;
        t.start();
        process.start(QStringLiteral(FERMATA_EXECUTABLE),
            { QStringLiteral("--data-dir"), dir.path(), QStringLiteral("insights"), QStringLiteral("--from"),
                yearAgo.toString(Qt::ISODate), QStringLiteral("--to"), today.toString(Qt::ISODate),
                QStringLiteral("--json") });
        process.waitForFinished(60000);
        ms.push_back(double(t.nsecsElapsed()) / 1e6);
        const QByteArray json = process.readAllStandardOutput();
        bytes = json.size();
        if (process.exitCode() != 0) {
            out << "fermata insights failed: " << process.readAllStandardError() << Qt::endl;
            return 1;
        }
    }
    out << "fermata insights --json, a year, end to end: median " << QString::number(median(ms), 'f', 1)
        << " ms of " << runs << " runs, " << bytes << " bytes (target <= 200 ms)" << Qt::endl;
    return 0;
}
