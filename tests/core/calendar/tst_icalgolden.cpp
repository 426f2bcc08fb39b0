// Golden files: each tests/data/ical/NAME.ics has NAME.expected.txt, the instances the planner
// must see over 2026 (floating times in Europe/Berlin, the person is me@example.com).
// ctest runs one case per pair: `tst_icalgolden golden:NAME`.
#include "calendar/icalreader.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTest>

using namespace fermata;

class TestIcalGolden : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { test::pinEnvironment(); }
    void golden_data();
    void golden();
};

namespace {

QString dataDir()
{
    return qEnvironmentVariable("FERMATA_TEST_DATA") + QStringLiteral("/ical");
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
    options.horizon = Interval::fromDateTimes(QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC),
                                              QDateTime(QDate(2027, 1, 1), QTime(0, 0), Qt::UTC));
    options.floatingZone = QTimeZone("Europe/Berlin");
    options.userAddresses = {QStringLiteral("me@example.com"),
                             QStringLiteral("mailto:me@work.example.org")};
    IcalEventCollector collector;
    const auto report = IcalReader::readFile(dir.filePath(name + QStringLiteral(".ics")), options,
                                             collector);
    QVERIFY2(report.isOk(), report.isOk() ? "" : qPrintable(report.error().message));
    for (const CalendarEvent &event : collector.events())
        QCOMPARE(event.source, QStringLiteral("golden"));

    const QStringList actual = render(*report, collector.events());
    QFile expectedFile(dir.filePath(name + QStringLiteral(".expected.txt")));
    QVERIFY(expectedFile.open(QIODevice::ReadOnly | QIODevice::Text));
    const QStringList expected = QString::fromUtf8(expectedFile.readAll())
                                     .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    if (actual != expected) {
        // Leave the actual expansion next to the test binary for a diff.
        QFile out(name + QStringLiteral(".actual.txt"));
        if (out.open(QIODevice::WriteOnly | QIODevice::Text))
            out.write(actual.join(QLatin1Char('\n')).toUtf8() + '\n');
        for (qsizetype i = 0; i < qMax(actual.size(), expected.size()); ++i)
            QCOMPARE(actual.value(i), expected.value(i));
    }
}

QTEST_GUILESS_MAIN(TestIcalGolden)
#include "tst_icalgolden.moc"
