// The iCalendar text of CalDAV sync: the event a focus block becomes (escaped, folded, busy,
// marked), the marker read back however a server folds or cases it, and one calendar merged from
// a collection's resources (time zones once, nested alarms kept, calendar properties dropped).
#include "caldav/caldavics.h"
#include "testsupport.h"

#include <QTest>
#include <QTimeZone>

using namespace fermata;
using namespace fermata::caldavics;

namespace {

QDateTime utc(int hour, int minute = 0)
{
    return QDateTime(QDate(2026, 3, 2), QTime(hour, minute), QTimeZone::utc());
}

BlockEvent sample()
{
    return BlockEvent { QStringLiteral("fermata-abc-1"), utc(9), utc(11), QStringLiteral("Focus"),
        QStringLiteral("abc"), utc(8) };
}

} // namespace

class TestCalDavIcs : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { test::pinEnvironment(); }

    void writesABusyMarkedEvent()
    {
        const QByteArray ics = blockEvent(sample());
        QVERIFY(ics.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
        QVERIFY(ics.contains("\r\nUID:fermata-abc-1\r\n"));
        QVERIFY(ics.contains("\r\nDTSTART:20260302T090000Z\r\n"));
        QVERIFY(ics.contains("\r\nDTEND:20260302T110000Z\r\n"));
        QVERIFY(ics.contains("\r\nTRANSP:OPAQUE\r\n"));
        QVERIFY(ics.contains("\r\nX-FERMATA-BLOCK:abc\r\n"));
        QVERIFY(ics.endsWith("END:VEVENT\r\nEND:VCALENDAR\r\n"));
        QVERIFY(!ics.contains("\n\n") && !QByteArray(ics).replace("\r\n", "").contains('\n'));
        QCOMPARE(markerOf(blockEvent(sample())), QStringLiteral("abc"));
    }

    void escapesAndFoldsTitles()
    {
        BlockEvent event = sample();
        event.summary = QStringLiteral("Report; draft, v2\\final\nsecond line ") + QString(40, QChar(0x00E9)); // é: 2 bytes
        const QByteArray ics = blockEvent(event);
        for (const QByteArray &line : ics.split('\n'))
            QVERIFY2(line.size() <= 76, line.constData()); // 75 octets + the CR
        QByteArray unfolded = ics;
        unfolded.replace("\r\n ", "");
        QVERIFY(unfolded.contains("SUMMARY:Report\\; draft\\, v2\\\\final\\nsecond line "));
        QVERIFY(QString::fromUtf8(unfolded).contains(QString(40, QChar(0x00E9)))); // no character cut in two
    }

    void hashIgnoresTheStamp()
    {
        BlockEvent a = sample();
        BlockEvent b = sample();
        b.stamp = utc(10);
        QCOMPARE(contentHash(a), contentHash(b));
        b.end = utc(12);
        QVERIFY(contentHash(a) != contentHash(b));
        BlockEvent c = sample();
        c.summary = QStringLiteral("Deep work");
        QVERIFY(contentHash(a) != contentHash(c));
    }

    void readsTheMarkerAsServersReturnIt_data()
    {
        QTest::addColumn<QByteArray>("ics");
        QTest::addColumn<QString>("marker");
        QTest::newRow("plain") << QByteArray("BEGIN:VEVENT\r\nX-FERMATA-BLOCK:abc\r\nEND:VEVENT\r\n") << "abc";
        QTest::newRow("folded") << QByteArray("BEGIN:VEVENT\r\nX-FERMATA-BL\r\n OCK:ab\r\n c\r\nEND:VEVENT\r\n") << "abc";
        QTest::newRow("lower case, LF") << QByteArray("BEGIN:VEVENT\nx-fermata-block:abc\nEND:VEVENT\n") << "abc";
        QTest::newRow("parameter") << QByteArray("X-FERMATA-BLOCK;X-P=\"a:b\":abc\r\n") << "abc";
        QTest::newRow("none") << QByteArray("BEGIN:VEVENT\r\nSUMMARY:X-FERMATA-BLOCK:abc\r\nEND:VEVENT\r\n") << "";
        QTest::newRow("other property") << QByteArray("X-FERMATA-BLOCKS:abc\r\n") << "";
    }

    void readsTheMarkerAsServersReturnIt()
    {
        QFETCH(QByteArray, ics);
        QFETCH(QString, marker);
        QCOMPARE(markerOf(ics), marker);
    }

    void mergesResourcesIntoOneCalendar()
    {
        const QByteArray zone = "BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\nBEGIN:STANDARD\r\nDTSTART:19701025T030000\r\n"
                                "TZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n";
        const QByteArray first = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//A//EN\r\nMETHOD:PUBLISH\r\n" + zone
            + "BEGIN:VEVENT\r\nUID:one\r\nDTSTART;TZID=Europe/Berlin:20260302T090000\r\nBEGIN:VALARM\r\n"
              "ACTION:DISPLAY\r\nEND:VALARM\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        const QByteArray second = "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//B//EN\n" + QByteArray(zone).replace("\r\n", "\n")
            + "BEGIN:VEVENT\nUID:two\nSUMMARY:A long\n  folded title\nEND:VEVENT\nBEGIN:VEVENT\nUID:two\n"
              "RECURRENCE-ID:20260309T090000Z\nEND:VEVENT\nEND:VCALENDAR\n";
        const QByteArray merged = mergeCalendars({ first, second });
        QCOMPARE(merged.count("BEGIN:VCALENDAR"), 1);
        QCOMPARE(merged.count("END:VCALENDAR"), 1);
        QCOMPARE(merged.count("BEGIN:VTIMEZONE"), 1);
        QCOMPARE(merged.count("BEGIN:VEVENT"), 3);
        QCOMPARE(merged.count("END:VEVENT"), 3);
        QCOMPARE(merged.count("BEGIN:VALARM"), 1);
        QVERIFY(!merged.contains("METHOD:PUBLISH"));
        QVERIFY(!merged.contains("PRODID:-//A//EN"));
        QVERIFY(merged.contains("SUMMARY:A long folded title\r\n"));
        QVERIFY(merged.indexOf("BEGIN:VALARM") > merged.indexOf("UID:one"));
        QVERIFY(merged.indexOf("BEGIN:VALARM") < merged.indexOf("UID:two"));
        QCOMPARE(emptyCalendar().count("BEGIN:VEVENT"), 0);
    }
};

QTEST_GUILESS_MAIN(TestCalDavIcs)
#include "tst_caldavics.moc"
