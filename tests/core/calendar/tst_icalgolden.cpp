// Golden files: each tests/data/ical/NAME.ics has NAME.expected.txt, the instances the planner
// must see over 2026 (floating times in Europe/Berlin, the person is me@example.com).
// ctest runs two cases per pair: `tst_icalgolden golden:NAME` reads the file and expands it
// over 2026; `tst_icalgolden database:NAME` imports it (series stored as rules) and asks the
// database for 2026, which expands on demand: both must give the expected instances (EXDATEs,
// overrides, THISANDFUTURE, zones), the second also the expected issues.
#include "calendar/calendarinteropservice.h"
#include "calendar/icalreader.h"
#include "storage/database.h"
#include "storage/repositories.h"
#include "testsupport.h"
#include "time/clock.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTest>

#include <algorithm>

using namespace fermata;

class TestIcalGolden : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { test::pinEnvironment(); }
    void golden_data();
    void golden();
    void database_data() { golden_data(); }
    void database();
};

namespace {

QString dataDir()
{
    return qEnvironmentVariable("FERMATA_TEST_DATA") + QStringLiteral("/ical");
}

const Interval s_year = Interval::fromDateTimes(QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC),
                                                QDateTime(QDate(2027, 1, 1), QTime(0, 0), Qt::UTC));

QStringList expectedLines(const QString &name)
{
    QFile file(QDir(dataDir()).filePath(name + QStringLiteral(".expected.txt")));
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return {};
    return QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

// Leaves the actual lines next to the test binary for a diff, and compares line by line.
void compareLines(const QString &name, const QStringList &actual, const QStringList &expected)
{
    if (actual == expected)
        return;
    QFile out(name + QStringLiteral(".actual.txt"));
    if (out.open(QIODevice::WriteOnly | QIODevice::Text))
        out.write(actual.join(QLatin1Char('\n')).toUtf8() + '\n');
    for (qsizetype i = 0; i < qMax(actual.size(), expected.size()); ++i)
        QCOMPARE(actual.value(i), expected.value(i));
}

QString iso(const QDateTime &dt)
{
    return dt.toUTC().toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss'Z'"));
}

// The expansion as text, in the form of the .expected.txt files.
QStringList render(const IcalReadReport &report, const QList<CalendarEvent> &events)
{
    QStringList lines;
    if (!report.calendarName.isEmpty())
        lines << QStringLiteral("# name: %1").arg(report.calendarName);
    lines << QStringLiteral("# imported %1, skipped %2, occurrences %3")
                 .arg(report.eventsImported)
                 .arg(report.eventsSkipped)
                 .arg(report.instances);
    for (const IcalIssue &issue : report.issues)
        lines << QStringLiteral("# issue line %1: %2").arg(issue.line).arg(issue.message);
    static const QRegularExpression noUid(QStringLiteral("^fermata-nouid-[0-9a-f]{16}$"));
    for (const CalendarEvent &event : events) {
        QString uid = event.uid;
        if (noUid.match(uid).hasMatch())
            uid = QStringLiteral("fermata-nouid-HASH");
        lines << QStringLiteral("%1 %2 %3%4 %5 \"%6\"")
                     .arg(iso(event.start), iso(event.end),
                          event.busy ? QStringLiteral("busy") : QStringLiteral("free"),
                          event.allDay ? QStringLiteral(" all-day") : QString(), uid, event.title);
    }
    return lines;
}

} // namespace

void TestIcalGolden::golden_data()
{
    QTest::addColumn<QString>("name");
    const QDir dir(dataDir());
    const QStringList files = dir.entryList({QStringLiteral("*.ics")}, QDir::Files, QDir::Name);
    QVERIFY2(!files.isEmpty(), qPrintable(QStringLiteral("no fixtures in ") + dir.path()));
    for (const QString &file : files) {
        const QString name = file.chopped(4);
        if (QFile::exists(dir.filePath(name + QStringLiteral(".expected.txt"))))
            QTest::newRow(qPrintable(name)) << name;
    }
}

void TestIcalGolden::golden()
{
    QFETCH(QString, name);
    const QDir dir(dataDir());
    IcalReadOptions options;
    options.source = QStringLiteral("golden");
    options.horizon = s_year;
    options.floatingZone = QTimeZone("Europe/Berlin");
    options.userAddresses = {QStringLiteral("me@example.com"),
                             QStringLiteral("mailto:me@work.example.org")};
    IcalEventCollector collector;
    const auto report = IcalReader::readFile(dir.filePath(name + QStringLiteral(".ics")), options,
                                             collector);
    QVERIFY2(report.isOk(), report.isOk() ? "" : qPrintable(report.error().message));
    for (const CalendarEvent &event : collector.events())
        QCOMPARE(event.source, QStringLiteral("golden"));
    compareLines(name, render(*report, collector.events()), expectedLines(name));
}

void TestIcalGolden::database()
{
    QFETCH(QString, name);
    test::TempDataDir dir;
    auto db = Database::open(dir.databasePath());
    QVERIFY(db.isOk());
    FakeClock clock(QDateTime(QDate(2026, 6, 1), QTime(0, 0), Qt::UTC));
    CalendarInteropService service(**db, clock);
    service.setFloatingZone(QTimeZone("Europe/Berlin"));
    service.setUserAddresses({QStringLiteral("me@example.com"), QStringLiteral("mailto:me@work.example.org")});
    auto report = service.importFile(QDir(dataDir()).filePath(name + QStringLiteral(".ics")), QStringLiteral("golden"));
    QVERIFY2(report.isOk(), report.isOk() ? "" : qPrintable(report.error().message));
    const auto stored = CalendarEventRepository(**db).overlapping(s_year);
    QVERIFY2(stored.isOk(), stored.isOk() ? "" : qPrintable(stored.error().message));
    QList<CalendarEvent> events = *stored;
    for (const CalendarEvent &event : events) {
        QCOMPARE(event.source, QStringLiteral("golden"));
        QCOMPARE(event.bufferBeforeMinutes, 0);
    }
    // In the order of the golden files: by start, then uid.
    std::stable_sort(events.begin(), events.end(), [](const CalendarEvent &a, const CalendarEvent &b) {
        return a.start != b.start ? a.start < b.start : a.uid < b.uid;
    });
    IcalReadReport counted = *report;
    counted.instances = events.size(); // the import counts its own horizon
    compareLines(name + QStringLiteral(".database"), render(counted, events), expectedLines(name));
}

QTEST_GUILESS_MAIN(TestIcalGolden)
#include "tst_icalgolden.moc"
