// iCalendar import benchmark: a generated calendar with 5,000 recurring series (weekly,
// daily, monthly, yearly; four zones incl. a Windows name; EXDATEs and overrides) imported
// and expanded over a year. Prints figures; never a pass/fail test. Target: expansion and
// the whole import (SQLite, one transaction) each within 1 s.
//
//   cmake --build build --target bench_ical
//   icalbench [--series N] [--keep FILE] [--weekly] [--expand-only] [--runs N]
// --runs N repeats the parse + expand step N times and reports the medians (the machine is
// shared: single runs vary).
#include "calendar/icalreader.h"
#include "calendar/calendarinteropservice.h"
#include "storage/database.h"
#include "storage/repositories.h"
#include "time/clock.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTextStream>

#include <sys/resource.h>

#include <algorithm>
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

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    int series = 5000;
    int runs = 1;
    QString keep;
    const QStringList args = app.arguments();
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
    const qint64 fileBytes = QFileInfo(path).size();
    FakeClock clock(QDateTime(QDate(2026, 3, 1), QTime(9, 0), Qt::UTC));
    const qint64 rssStart = currentRssKb();
    out << "iCalendar import benchmark: " << series << (weeklyOnly ? " weekly" : " recurring")
        << " series, "
        << fileBytes / 1024 << " KiB, horizon = 1 year from " << clock.now().toString(Qt::ISODate) << "\n";

    // 1. Parse and expand only (no database): the reader's own cost.
    IcalReadOptions options;
    options.source = QStringLiteral("bench");
    options.horizon = Interval::fromDateTimes(clock.now(), clock.now().addDays(365));
    options.floatingZone = QTimeZone("Europe/Berlin");
    std::vector<qint64> walls;
    std::vector<qint64> cpus;
    QElapsedTimer timer;
    qint64 cpu = 0;
    Result<IcalReadReport> report = Result<IcalReadReport>::failure(Error::Code::Invalid, QString());
    for (int run = 0; run < runs; ++run) {
        CountingSink sink;
        timer.start();
        cpu = cpuMs();
        report = IcalReader::readFile(path, options, sink);
        walls.push_back(timer.elapsed());
        cpus.push_back(cpuMs() - cpu);
        if (!report) {
            out << "failed: " << report.error().message << Qt::endl;
            return 1;
        }
    }
    auto median = [](std::vector<qint64> values) {
        std::sort(values.begin(), values.end());
        return values[values.size() / 2];
    };
    const qint64 expandMs = median(walls);
    const qint64 expandCpuMs = median(cpus);
    if (runs > 1)
        out << "  (medians of " << runs << " runs)\n";
    out << "  parse + expand one year:          " << expandMs << " ms wall, " << expandCpuMs
        << " ms CPU  (" << report->instances
        << " occurrences, " << report->eventsImported << " events, " << report->issueCount << " issues)\n";
    out << "  peak RSS after expansion:         " << peakRssKb() / 1024 << " MiB (process start "
        << rssStart / 1024 << " MiB)\n";
    out.flush();

    if (expandOnly)
        return 0;
    // 2. The whole import as `fermata import` runs it: expansion over the service's horizon
    //    (30 days back, 400 ahead) into SQLite, one transaction.
    auto db = Database::open(dir.filePath(QStringLiteral("bench.sqlite")));
    if (!db) {
        out << "failed: " << db.error().message << Qt::endl;
        return 1;
    }
    CalendarInteropService service(*db.value(), clock);
    service.setFloatingZone(QTimeZone("Europe/Berlin"));
    timer.restart();
    cpu = cpuMs();
    const auto imported = service.importFile(path, QStringLiteral("bench"));
    const qint64 importMs = timer.elapsed();
    const qint64 importCpuMs = cpuMs() - cpu;
    if (!imported) {
        out << "failed: " << imported.error().message << Qt::endl;
        return 1;
    }
    out << "  import into SQLite (430 days):    " << importMs << " ms wall, " << importCpuMs
        << " ms CPU  (" << imported->instances
        << " rows inserted)\n";

    // 3. The same file again: every row updated in place.
    timer.restart();
    cpu = cpuMs();
    const auto again = service.importFile(path, QStringLiteral("bench"));
    out << "  re-import, nothing changed:       " << timer.elapsed() << " ms wall, " << cpuMs() - cpu
        << " ms CPU  (" << (again ? again->instances : -1) << " rows compared, none written)\n";

    // 4. What the planner reads: one week of expanded instances.
    timer.restart();
    const auto week = CalendarEventRepository(*db.value())
                          .overlapping(Interval::fromDateTimes(clock.now(), clock.now().addDays(7)));
    out << "  planner query, one week:          " << timer.elapsed() << " ms  ("
        << (week ? week->size() : -1) << " instances)\n";
    out << "  peak RSS overall:                 " << peakRssKb() / 1024 << " MiB\n";
    out << "  target: parse + expand <= 1000 ms: " << (expandMs <= 1000 ? "met" : "MISSED")
        << " (wall time; CPU " << expandCpuMs << " ms over all threads)" << Qt::endl;
    return 0;
}
