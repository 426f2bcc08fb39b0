// Export round trips: what IcalWriter writes is read back by libical (through IcalReader and
// directly, for VAVAILABILITY) and by python-icalendar, with the same focus blocks and the
// same check-in window occurrences as WeeklyRule::expand computes.
#include "calendar/icalreader.h"
#include "calendar/icalwriter.h"
#include "testsupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

#include <libical/ical.h>

using namespace fermata;

class TestIcalExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { test::pinEnvironment(); }
    void readBackWithLibical();
    void vavailabilityWithLibical();
    void stableAcrossExports();
    void pythonRoundTrip();
};

namespace {

QDateTime utc(int y, int m, int d, int h, int min)
{
    return QDateTime(QDate(y, m, d), QTime(h, min), Qt::UTC);
}

// March and April 2026: DST starts in New York (Mar 8) and Berlin (Mar 29) inside it.
Interval range()
{
    return Interval::fromDateTimes(utc(2026, 3, 1, 0, 0), utc(2026, 5, 1, 0, 0));
}

IcalExport sample()
{
    IcalExport data;
    data.stamp = utc(2026, 2, 20, 12, 0);
    data.windowsFrom = QDate(2026, 3, 1);
    data.focusBlocks = {
        FocusBlock{7, 1, utc(2026, 3, 2, 8, 0), utc(2026, 3, 2, 10, 30), false},
        FocusBlock{8, 2, utc(2026, 3, 31, 13, 0), utc(2026, 3, 31, 14, 0), true},
    };
    data.taskTitles = {{1, QStringLiteral("Write the report")}, {2, QStringLiteral("Review, Q2; plan")}};
    data.windows = {
        CheckInWindow{1, WeeklyRule(WeeklyRule::Weekdays, QTime(9, 0), QTime(9, 30), "Europe/Berlin"),
                      QStringLiteral("Morning"), CheckInWindow::Scope::Personal},
        CheckInWindow{2, WeeklyRule(WeeklyRule::dayBit(Qt::Tuesday) | WeeklyRule::dayBit(Qt::Thursday),
                                    QTime(16, 0), QTime(16, 20), "America/New_York"),
                      QStringLiteral("Afternoon"), CheckInWindow::Scope::Personal},
        CheckInWindow{3, WeeklyRule(WeeklyRule::dayBit(Qt::Saturday), QTime(23, 30), QTime(0, 15),
                                    "Asia/Tokyo"),
                      QString(), CheckInWindow::Scope::Personal},
        CheckInWindow{4, WeeklyRule(WeeklyRule::dayBit(Qt::Sunday), QTime(10, 0), QTime(10, 10), "UTC"),
                      QStringLiteral("Sunday"), CheckInWindow::Scope::Personal},
    };
    return data;
}

QList<Interval> expected(const CheckInWindow &window)
{
    return window.rule.expand(range()).intervals();
}

QString iso(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss'Z'"));
}

QJsonArray toJson(const QList<Interval> &intervals)
{
    QJsonArray array;
    for (const Interval &i : intervals)
        array.append(QJsonArray{iso(i.startMs()), iso(i.endMs())});
    return array;
}

} // namespace

void TestIcalExport::readBackWithLibical()
{
    const IcalExport data = sample();
    const QByteArray bytes = IcalWriter::write(data);
    IcalReadOptions options;
    options.source = QStringLiteral("export");
    options.horizon = range();
    IcalEventCollector collector;
    const auto report = IcalReader::readBytes(bytes, options, collector);
    QVERIFY(report.isOk());
    QCOMPARE(report->eventsSkipped, 0);
    QCOMPARE(report->issueCount, 0);

    QHash<QString, QList<Interval>> windows;
    QList<CalendarEvent> blocks;
    for (const CalendarEvent &event : collector.events()) {
        if (event.uid.startsWith(u"focus-")) {
            blocks.append(event);
        } else {
            QVERIFY2(!event.busy, qPrintable(event.uid)); // windows never block planning
            windows[event.uid.section(QLatin1Char('/'), 0, 0)].append(event.interval());
        }
    }
    QCOMPARE(blocks.size(), 2);
    QCOMPARE(blocks[0].uid, IcalWriter::focusBlockUid(7));
    QCOMPARE(blocks[0].interval(), data.focusBlocks[0].interval());
    QCOMPARE(blocks[0].title, QStringLiteral("Focus: Write the report"));
    QVERIFY(blocks[0].busy);
    QCOMPARE(blocks[1].title, QStringLiteral("Focus: Review, Q2; plan"));
    QCOMPARE(blocks[1].interval(), data.focusBlocks[1].interval());

    for (const CheckInWindow &window : data.windows) {
        const QList<Interval> want = expected(window);
        QVERIFY(!want.isEmpty());
        QCOMPARE(windows.value(IcalWriter::windowEventUid(window.id)), want);
    }
}

void TestIcalExport::vavailabilityWithLibical()
{
    const IcalExport data = sample();
    const QByteArray bytes = IcalWriter::write(data);
    icalcomponent *calendar = icalparser_parse_string(bytes.constData());
    QVERIFY(calendar);
    icalcomponent *availability = icalcomponent_get_first_component(calendar, ICAL_VAVAILABILITY_COMPONENT);
    QVERIFY(availability);
    QVERIFY(!icalcomponent_get_first_component(calendar, ICAL_XLICINVALID_COMPONENT));

    // Every AVAILABLE carries the same times and rule as its plain VEVENT twin.
    QHash<QString, QByteArray> eventTimes;
    for (icalcomponent *e = icalcomponent_get_first_component(calendar, ICAL_VEVENT_COMPONENT); e;
         e = icalcomponent_get_next_component(calendar, ICAL_VEVENT_COMPONENT)) {
        QByteArray times;
        for (auto kind : {ICAL_DTSTART_PROPERTY, ICAL_DTEND_PROPERTY, ICAL_RRULE_PROPERTY}) {
            if (icalproperty *p = icalcomponent_get_first_property(e, kind))
                times += icalproperty_as_ical_string(p);
        }
        eventTimes.insert(QString::fromUtf8(icalcomponent_get_uid(e)), times);
    }
    int count = 0;
    QSet<QByteArray> tzids;
    for (icalcomponent *a = icalcomponent_get_first_component(availability, ICAL_XAVAILABLE_COMPONENT); a;
         a = icalcomponent_get_next_component(availability, ICAL_XAVAILABLE_COMPONENT)) {
        ++count;
        const QString uid = QString::fromUtf8(icalcomponent_get_uid(a));
        QVERIFY(uid.endsWith(u"-available@fermata"));
        QByteArray times;
        for (auto kind : {ICAL_DTSTART_PROPERTY, ICAL_DTEND_PROPERTY, ICAL_RRULE_PROPERTY}) {
            icalproperty *p = icalcomponent_get_first_property(a, kind);
            QVERIFY2(p, qPrintable(uid));
            times += icalproperty_as_ical_string(p);
        }
        const QString twin = uid.chopped(int(qstrlen("-available@fermata"))) + QStringLiteral("@fermata");
        QCOMPARE(times, eventTimes.value(twin));
        icalproperty *start = icalcomponent_get_first_property(a, ICAL_DTSTART_PROPERTY);
        if (icalparameter *tz = icalproperty_get_first_parameter(start, ICAL_TZID_PARAMETER))
            tzids.insert(icalparameter_get_tzid(tz));
    }
    QCOMPARE(count, 4);
    QCOMPARE(tzids, (QSet<QByteArray>{"Europe/Berlin", "America/New_York", "Asia/Tokyo"}));
    // One VTIMEZONE per zone used, named by its plain IANA id.
    QSet<QByteArray> vtimezones;
    for (icalcomponent *z = icalcomponent_get_first_component(calendar, ICAL_VTIMEZONE_COMPONENT); z;
         z = icalcomponent_get_next_component(calendar, ICAL_VTIMEZONE_COMPONENT))
        vtimezones.insert(icalproperty_get_tzid(icalcomponent_get_first_property(z, ICAL_TZID_PROPERTY)));
    QCOMPARE(vtimezones, tzids);
    icalcomponent_free(calendar);
}

void TestIcalExport::stableAcrossExports()
{
    // Same data, same bytes: calendar apps that poll the file see no spurious changes.
    QCOMPARE(IcalWriter::write(sample()), IcalWriter::write(sample()));
}

void TestIcalExport::pythonRoundTrip()
{
    const QString python = qEnvironmentVariable("FERMATA_PYTHON");
    const QString script = qEnvironmentVariable("FERMATA_ROUNDTRIP_SCRIPT");
    // Set by CMake for every build: without them the test was started outside ctest.
    QVERIFY2(!python.isEmpty() && !script.isEmpty(),
             "FERMATA_PYTHON and FERMATA_ROUNDTRIP_SCRIPT are not set: run it through ctest (make test)");
    const IcalExport data = sample();
    test::TempDataDir dir;
    const QString path = dir.filePath(QStringLiteral("export.ics"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(IcalWriter::write(data));
    file.close();

    QProcess process;
    process.start(python, {script, path, iso(range().startMs()), iso(range().endMs())});
    QVERIFY2(process.waitForStarted(),
             qPrintable(QStringLiteral("cannot run %1 (%2): install python3 and python3-icalendar "
                                       "(packaging/linux/debian-build-deps.txt)")
                            .arg(python, process.errorString())));
    QVERIFY(process.waitForFinished(60000));
    QVERIFY2(process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0,
             process.readAllStandardError().constData());
    const QJsonObject result = QJsonDocument::fromJson(process.readAllStandardOutput()).object();
    QCOMPARE(result.value(QStringLiteral("vavailability")).toInt(), 1);

    const QJsonObject events = result.value(QStringLiteral("VEVENT")).toObject();
    const QJsonObject available = result.value(QStringLiteral("AVAILABLE")).toObject();
    const QJsonObject summary = result.value(QStringLiteral("summary")).toObject();
    const QJsonObject transp = result.value(QStringLiteral("transp")).toObject();
    QCOMPARE(events.size(), 2 + 4);
    QCOMPARE(available.size(), 4);
    for (const FocusBlock &block : data.focusBlocks) {
        const QString uid = IcalWriter::focusBlockUid(block.id);
        QCOMPARE(events.value(uid).toArray(), toJson({block.interval()}));
        QCOMPARE(transp.value(uid).toString(), QStringLiteral("OPAQUE"));
    }
    QCOMPARE(summary.value(IcalWriter::focusBlockUid(8)).toString(), QStringLiteral("Focus: Review, Q2; plan"));
    for (const CheckInWindow &window : data.windows) {
        const QJsonArray want = toJson(expected(window));
        QCOMPARE(events.value(IcalWriter::windowEventUid(window.id)).toArray(), want);
        QCOMPARE(available.value(IcalWriter::windowAvailableUid(window.id)).toArray(), want);
        QCOMPARE(transp.value(IcalWriter::windowEventUid(window.id)).toString(), QStringLiteral("TRANSPARENT"));
    }
}

QTEST_GUILESS_MAIN(TestIcalExport)
#include "tst_icalexport.moc"
