// iCalendar import benchmark: a generated calendar with 5,000 recurring series (weekly,
// daily, monthly, yearly; four zones incl. a Windows name; EXDATEs and overrides). Prints
// figures; never a pass/fail test. Targets (issue "Rules, not rows"): import of the 5,000
// series <= 1 s and <= 60 MiB peak; re-import of the unchanged file <= 0.3 s; the events of
// any past or future month <= 50 ms.
//
//   cmake --build build --target bench_ical
//   icalbench [--series N] [--runs N] [--keep FILE] [--weekly] [--expand-only]
//
// Each import, re-import and query runs in a child process of its own (icalbench --child ...),
// so its peak RSS is its own and every query starts cold, as `fermata events` does. --runs N
// repeats every step N times and reports medians (the machine is shared: single runs vary).
// Steps: (1) the reader alone over one year, in this process; (2) import into a new database
// (clock 2026-03-01); (3) the same file again; (4) the same file a year later (the clock moved:
// what the weekly refresh of a kept copy does); (5) queries on that database: the planner's
// week, the month a year ago, this month and the month two years ahead.
#include "calendar/icalreader.h"
#include "calendar/calendarinteropservice.h"
#include "storage/database.h"
#include "storage/repositories.h"
#include "time/clock.h"

#include <QCoreApplication>
#include <QProcess>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTextStream>

#include <sys/resource.h>

#include <algorithm>
#include <optional>
#include <vector>

using namespace fermata;

namespace {

qint64 peakRssKb()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

// CPU time of this process (user + system): steadier than wall time on a shared machine.
qint64 cpuMs()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return (qint64(usage.ru_utime.tv_sec) + usage.ru_stime.tv_sec) * 1000
        + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000;
}

qint64 currentRssKb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return 0;
}

// A deterministic calendar: series i starts in the month before "now" and runs open-ended
// or with UNTIL/COUNT, in one of four zones; every tenth has an EXDATE and an override.
QByteArray generate(int seriesCount, bool weeklyOnly)
{
    static const char *const zones[] = {"Europe/Berlin", "America/New_York", "W. Europe Standard Time", nullptr};
    static const char *const days[] = {"MO", "TU", "WE", "TH", "FR"};
    QByteArray out = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Fermata bench//EN\r\nX-WR-CALNAME:Bench\r\n";
    out.reserve(seriesCount * 420);
    for (int i = 0; i < seriesCount; ++i) {
        const QByteArray uid = "series-" + QByteArray::number(i) + "@bench.example.com";
        const char *zone = zones[i % 4];
        const int day = 2 + (i % 27);
        const int hour = 8 + (i % 9);
        const QByteArray local = "202602" + QByteArray::number(day).rightJustified(2, '0') + "T"
            + QByteArray::number(hour).rightJustified(2, '0') + "0000";
        const QByteArray dtstart = zone ? QByteArray("DTSTART;TZID=\"" + QByteArray(zone) + "\":" + local)
                                        : QByteArray("DTSTART:" + local + "Z");
        QByteArray rule;
        switch (weeklyOnly ? 10 : i % 20) {
        case 0: case 1: case 2: case 3:
            rule = "FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR"; // standups
            break;
        case 4: case 5: case 6:
            rule = "FREQ=MONTHLY;BYMONTHDAY=" + QByteArray::number(1 + i % 28);
            break;
        case 7:
            rule = "FREQ=YEARLY";
            break;
        case 8:
            rule = "FREQ=WEEKLY;COUNT=20;BYDAY=" + QByteArray(days[i % 5]);
            break;
        case 9:
            rule = "FREQ=WEEKLY;INTERVAL=2;UNTIL=20261231T235959Z;BYDAY=" + QByteArray(days[i % 5]);
            break;
        default:
            rule = "FREQ=WEEKLY;BYDAY=" + QByteArray(days[i % 5]) + "," + QByteArray(days[(i + 2) % 5]);
            break;
        }
        out += "BEGIN:VEVENT\r\nUID:" + uid + "\r\nDTSTAMP:20260201T000000Z\r\n" + dtstart
            + "\r\nDURATION:PT" + QByteArray::number(15 + 15 * (i % 4)) + "M\r\nRRULE:" + rule
            + "\r\nSUMMARY:Meeting " + QByteArray::number(i) + "\r\n";
        if (i % 10 == 0)
            out += "EXDATE" + dtstart.mid(7).replace(local, QByteArray("202604" + local.mid(6))) + "\r\n";
        out += "END:VEVENT\r\n";
        if (i % 10 == 5) { // an override of the first occurrence: new title, 45 minutes
            out += "BEGIN:VEVENT\r\nUID:" + uid + "\r\nDTSTAMP:20260201T000000Z\r\nRECURRENCE-ID"
                + dtstart.mid(7) + "\r\n" + dtstart + "\r\nDURATION:PT45M\r\nSUMMARY:Moved " + QByteArray::number(i)
                + "\r\nEND:VEVENT\r\n";
        }
    }
    return out + "END:VCALENDAR\r\n";
}

class CountingSink final : public IcalEventSink
{
public:
    bool upsert(const CalendarEvent &) override { return ++m_count, true; }
    bool remove(const QString &) override { return true; }
    qint64 size() const override { return m_count; }

private:
    qint64 m_count = 0;
};

struct Figures
{
    std::vector<qint64> values[4];
    void add(std::initializer_list<qint64> row)
    {
        size_t i = 0;
        for (const qint64 v : row)
            values[i++].push_back(v);
    }
};

qint64 median(std::vector<qint64> values)
{
    if (values.empty())
        return -1;
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

QDateTime benchNow()
{
    return QDateTime(QDate(2026, 3, 1), QTime(9, 0), Qt::UTC);
}

// Child: imports `file` into the database `db` with the clock at `now`; prints
// "RESULT wall_ms cpu_ms peak_rss_kb rss_before_kb instances".
int childImport(const QString &file, const QString &dbPath, const QDateTime &now)
{
    QTextStream out(stdout);
    auto db = Database::open(dbPath);
    if (!db) {
        out << "failed: " << db.error().message << Qt::endl;
        return 1;
    }
    FakeClock clock(now);
    CalendarInteropService service(*db.value(), clock);
    service.setFloatingZone(QTimeZone("Europe/Berlin"));
    const qint64 rssBefore = currentRssKb();
    QElapsedTimer timer;
    timer.start();
    const qint64 cpu = cpuMs();
    const auto imported = service.importFile(file, QStringLiteral("bench"));
    const qint64 wall = timer.elapsed();
    const qint64 cpuUsed = cpuMs() - cpu;
    if (!imported) {
        out << "failed: " << imported.error().message << Qt::endl;
        return 1;
    }
    out << "RESULT " << wall << ' ' << cpuUsed << ' ' << peakRssKb() << ' ' << rssBefore << ' '
        << imported->instances << Qt::endl;
    return 0;
}

// Child: the events overlapping [from, to), first query of the process (cold) and again
// (warm); prints "RESULT cold_ms warm_ms count".
int childQuery(const QString &dbPath, const QDateTime &from, const QDateTime &to)
{
    QTextStream out(stdout);
    QElapsedTimer timer;
    timer.start();
    auto db = Database::open(dbPath);
    if (!db) {
        out << "failed: " << db.error().message << Qt::endl;
        return 1;
    }
    const qint64 openMs = timer.elapsed();
    const Interval range = Interval::fromDateTimes(from, to);
    timer.restart();
    const auto cold = CalendarEventRepository(*db.value()).overlapping(range);
    const qint64 coldMs = timer.elapsed();
    timer.restart();
    const auto warm = CalendarEventRepository(*db.value()).overlapping(range);
    const qint64 warmMs = timer.elapsed();
    if (!cold || !warm) {
        out << "failed: " << (cold ? warm.error().message : cold.error().message) << Qt::endl;
        return 1;
    }
    out << "RESULT " << coldMs << ' ' << warmMs << ' ' << cold->size() << ' ' << openMs << Qt::endl;
    return 0;
}

// Runs this program as a child with `arguments`; the numbers of its RESULT line.
std::optional<std::vector<qint64>> runChild(const QStringList &arguments, QTextStream &out)
{
    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start(QCoreApplication::applicationFilePath(), QStringList{QStringLiteral("--child")} + arguments);
    if (!child.waitForFinished(-1) || child.exitStatus() != QProcess::NormalExit || child.exitCode() != 0) {
        out << "child failed: " << arguments.join(u' ') << "\n" << child.readAllStandardOutput() << Qt::endl;
        return std::nullopt;
    }
    for (const QByteArray &line : child.readAllStandardOutput().split('\n')) {
        if (!line.startsWith("RESULT "))
            continue;
        std::vector<qint64> numbers;
        for (const QByteArray &field : line.mid(7).split(' '))
            numbers.push_back(field.toLongLong());
        return numbers;
    }
    out << "child printed no result: " << arguments.join(u' ') << Qt::endl;
    return std::nullopt;
}

bool copyDatabase(const QString &from, const QString &to)
{
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
        QFile::remove(to + suffix);
        if (QFile::exists(from + suffix) && !QFile::copy(from + suffix, to + suffix))
            return false;
    }
    return true;
}

void removeDatabase(const QString &path)
{
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(path + suffix);
}

int runChildMode(const QStringList &args)
{
    auto value = [&](const char *name) {
        const qsizetype at = args.indexOf(QLatin1String(name));
        return at >= 0 && at + 1 < args.size() ? args[at + 1] : QString();
    };
    const QString mode = value("--child");
    const QDateTime now = QDateTime::fromString(value("--now"), Qt::ISODate);
    if (mode == u"import")
        return childImport(value("--file"), value("--db"), now);
    if (mode == u"query")
        return childQuery(value("--db"), QDateTime::fromString(value("--from"), Qt::ISODate),
                          QDateTime::fromString(value("--to"), Qt::ISODate));
    return 2;
}

// Step 1: parse and expand only (no database), in this process: the reader's own cost.
bool benchReader(const QString &path, int runs, QTextStream &out)
{
    const QDateTime now = benchNow();
    IcalReadOptions options;
    options.source = QStringLiteral("bench");
    options.horizon = Interval::fromDateTimes(now, now.addDays(365));
    options.floatingZone = QTimeZone("Europe/Berlin");
    std::vector<qint64> walls;
    std::vector<qint64> cpus;
    QElapsedTimer timer;
    Result<IcalReadReport> report = Result<IcalReadReport>::failure(Error::Code::Invalid, QString());
    for (int run = 0; run < runs; ++run) {
        CountingSink sink;
        timer.start();
        const qint64 cpu = cpuMs();
        report = IcalReader::readFile(path, options, sink);
        walls.push_back(timer.elapsed());
        cpus.push_back(cpuMs() - cpu);
        if (!report) {
            out << "failed: " << report.error().message << Qt::endl;
            return false;
        }
    }
    out << "  1 read + expand one year (reader):  " << median(walls) << " ms wall, " << median(cpus)
        << " ms CPU  (" << report->instances << " occurrences, " << report->eventsImported
        << " events, " << report->issueCount << " issues)\n";
    out << "    peak RSS of this process:         " << peakRssKb() / 1024 << " MiB\n";
    out.flush();
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.contains(QStringLiteral("--child")))
        return runChildMode(args);
    QTextStream out(stdout);
    int series = 5000;
    int runs = 1;
    QString keep;
    const bool expandOnly = args.contains(QStringLiteral("--expand-only"));
    // --weekly: every series weekly on two days (~104 occurrences a year) instead of the
    // default mix with daily standups.
    const bool weeklyOnly = args.contains(QStringLiteral("--weekly"));
    for (qsizetype i = 1; i + 1 < args.size(); ++i) {
        if (args[i] == u"--series")
            series = args[i + 1].toInt();
        else if (args[i] == u"--keep")
            keep = args[i + 1];
        else if (args[i] == u"--runs")
            runs = qMax(1, args[i + 1].toInt());
    }
    QTemporaryDir dir;
    const QString path = keep.isEmpty() ? dir.filePath(QStringLiteral("bench.ics")) : keep;
    {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(generate(series, weeklyOnly)) < 0)
            return 1;
    }
    const QDateTime now = benchNow();
    out << "iCalendar import benchmark: " << series << (weeklyOnly ? " weekly" : " recurring")
        << " series, " << QFileInfo(path).size() / 1024 << " KiB, now = " << now.toString(Qt::ISODate)
        << ", medians of " << runs << (runs == 1 ? " run" : " runs") << "\n";
    out.flush();
    if (!benchReader(path, runs, out))
        return 1;
    if (expandOnly)
        return 0;

    // 2. The whole import as `fermata import` runs it, into a new database.
    const QString db = dir.filePath(QStringLiteral("bench.sqlite"));
    const QString scratch = dir.filePath(QStringLiteral("scratch.sqlite"));
    Figures import;
    for (int run = 0; run < runs; ++run) {
        removeDatabase(scratch);
        const auto r = runChild({QStringLiteral("import"), QStringLiteral("--file"), path, QStringLiteral("--db"),
                                 scratch, QStringLiteral("--now"), now.toString(Qt::ISODate)},
                                out);
        if (!r)
            return 1;
        import.add({(*r)[0], (*r)[1], (*r)[2], (*r)[4]});
        if (run == 0)
            out << "    (child RSS before the import: " << (*r)[3] / 1024 << " MiB)\n";
    }
    if (!copyDatabase(scratch, db))
        return 1;
    const qint64 importMs = median(import.values[0]);
    const qint64 importPeak = median(import.values[2]);
    out << "  2 import into a new database:       " << importMs << " ms wall, " << median(import.values[1])
        << " ms CPU, peak RSS " << importPeak / 1024 << " MiB  (" << median(import.values[3])
        << " occurrences reported)\n";
    out.flush();

    // 3. The same file again, nothing changed.
    Figures again;
    for (int run = 0; run < runs; ++run) {
        const auto r = runChild({QStringLiteral("import"), QStringLiteral("--file"), path, QStringLiteral("--db"),
                                 db, QStringLiteral("--now"), now.toString(Qt::ISODate)},
                                out);
        if (!r)
            return 1;
        again.add({(*r)[0], (*r)[1], (*r)[2], (*r)[4]});
    }
    const qint64 reimportMs = median(again.values[0]);
    out << "  3 re-import, file unchanged:        " << reimportMs << " ms wall, " << median(again.values[1])
        << " ms CPU, peak RSS " << median(again.values[2]) / 1024 << " MiB\n";
    out.flush();

    // 4. The same file a year later (the clock moved on).
    const QDateTime later = now.addYears(1);
    const QString laterDb = dir.filePath(QStringLiteral("later.sqlite"));
    Figures moved;
    for (int run = 0; run < runs; ++run) {
        if (!copyDatabase(db, laterDb))
            return 1;
        const auto r = runChild({QStringLiteral("import"), QStringLiteral("--file"), path, QStringLiteral("--db"),
                                 laterDb, QStringLiteral("--now"), later.toString(Qt::ISODate)},
                                out);
        if (!r)
            return 1;
        moved.add({(*r)[0], (*r)[1], (*r)[2], (*r)[4]});
    }
    out << "  4 re-import a year later:           " << median(moved.values[0]) << " ms wall, "
        << median(moved.values[1]) << " ms CPU, peak RSS " << median(moved.values[2]) / 1024 << " MiB\n";
    out.flush();

    // 5. Queries on the database as it is a year later, each in a new process.
    struct Query
    {
        const char *label;
        QDateTime from;
        QDateTime to;
    };
    const QDateTime month(QDate(later.date().year(), later.date().month(), 1), QTime(0, 0), Qt::UTC);
    const Query queries[] = {
        {"planner week from now", later, later.addDays(7)},
        {"month a year ago", month.addYears(-1), month.addYears(-1).addMonths(1)},
        {"this month", month, month.addMonths(1)},
        {"month two years ahead", month.addYears(2), month.addYears(2).addMonths(1)},
    };
    qint64 worstMonthMs = 0;
    for (const Query &query : queries) {
        Figures figures;
        for (int run = 0; run < runs; ++run) {
            const auto r = runChild({QStringLiteral("query"), QStringLiteral("--db"), laterDb, QStringLiteral("--from"),
                                     query.from.toString(Qt::ISODate), QStringLiteral("--to"),
                                     query.to.toString(Qt::ISODate)},
                                    out);
            if (!r)
                return 1;
            figures.add({(*r)[0], (*r)[1], (*r)[2], (*r)[3]});
        }
        const qint64 cold = median(figures.values[0]);
        if (QByteArray(query.label).contains("month"))
            worstMonthMs = qMax(worstMonthMs, cold);
        out << "  5 " << QString::fromLatin1(query.label).leftJustified(22) << " " << query.from.date().toString(Qt::ISODate)
            << ": " << cold << " ms cold, " << median(figures.values[1]) << " ms warm  ("
            << median(figures.values[2]) << " events; database opened in " << median(figures.values[3]) << " ms)\n";
        out.flush();
    }
    out << "  targets: import <= 1000 ms " << (importMs <= 1000 ? "met" : "MISSED") << ", <= 60 MiB "
        << (importPeak <= 60 * 1024 ? "met" : "MISSED") << "; re-import <= 300 ms "
        << (reimportMs <= 300 ? "met" : "MISSED") << "; month <= 50 ms " << (worstMonthMs <= 50 ? "met" : "MISSED")
        << Qt::endl;
    return 0;
}
