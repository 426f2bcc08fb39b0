// The component scanner: where a calendar starts (whitespace and a byte order mark before
// BEGIN:VCALENDAR are accepted) and reading a component again from where it was found.
#include "calendar/icalcomponentscanner.h"
#include "testsupport.h"

#include <QBuffer>
#include <QTest>

using namespace fermata;
using ical::Chunk;
using ical::ComponentScanner;

class TestIcalComponentScanner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { test::pinEnvironment(); }
    void leadingWhitespace_data();
    void leadingWhitespace();
    void notACalendar_data();
    void notACalendar();
    void readAtReadsTheComponentAgain();
};

namespace {

const QByteArray s_calendar = "BEGIN:VCALENDAR\r\n"
                              "VERSION:2.0\r\n"
                              "BEGIN:VEVENT\r\n"
                              "UID:first@example.com\r\n"
                              "END:VEVENT\r\n"
                              "BEGIN:VEVENT\r\n"
                              "UID:second@example.com\r\n"
                              "SUMMARY:Folded\r\n"
                              "  summary\r\n"
                              "END:VEVENT\r\n"
                              "END:VCALENDAR\r\n";

} // namespace

void TestIcalComponentScanner::leadingWhitespace_data()
{
    QTest::addColumn<QByteArray>("prefix");
    QTest::addColumn<int>("firstEventLine");
    QTest::newRow("nothing") << QByteArray() << 3;
    QTest::newRow("byte order mark") << QByteArray("\xEF\xBB\xBF") << 3;
    QTest::newRow("blank lines") << QByteArray("\r\n\r\n") << 5;
    QTest::newRow("blank lines, LF only") << QByteArray("\n\n\n") << 6;
    QTest::newRow("spaces and tabs") << QByteArray("   \r\n\t\r\n") << 5;
    QTest::newRow("indented BEGIN") << QByteArray("  \t") << 3;
    QTest::newRow("mark, blank line, indent") << QByteArray("\xEF\xBB\xBF\r\n \r\n  ") << 5;
    QTest::newRow("mark and indent") << QByteArray("\xEF\xBB\xBF \t ") << 3;
}

void TestIcalComponentScanner::leadingWhitespace()
{
    QFETCH(QByteArray, prefix);
    QFETCH(int, firstEventLine);
    QBuffer buffer;
    buffer.setData(prefix + s_calendar);
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    ComponentScanner scanner(buffer);
    Chunk chunk;
    QVERIFY(scanner.next(chunk));
    QVERIFY(scanner.sawCalendar());
    QCOMPARE(chunk.kind, Chunk::Kind::Event);
    QCOMPARE(chunk.line, qint64(firstEventLine));
    QCOMPARE(chunk.text, QByteArray("BEGIN:VEVENT\nUID:first@example.com\nEND:VEVENT\n"));
    QVERIFY(scanner.next(chunk));
    QVERIFY(!scanner.next(chunk));
}

void TestIcalComponentScanner::notACalendar_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("no calendar") << QByteArray("BEGIN:VEVENT\r\nUID:a\r\nEND:VEVENT\r\n");
    QTest::newRow("text before BEGIN") << QByteArray("Calendar: BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n");
    QTest::newRow("html") << QByteArray("<html>\r\n<body>BEGIN:VCALENDAR</body>\r\n</html>\r\n");
}

void TestIcalComponentScanner::notACalendar()
{
    QFETCH(QByteArray, text);
    QBuffer buffer;
    buffer.setData(text);
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    ComponentScanner scanner(buffer);
    for (Chunk chunk; scanner.next(chunk);) {
    }
    QVERIFY(!scanner.sawCalendar());
}

void TestIcalComponentScanner::readAtReadsTheComponentAgain()
{
    QBuffer buffer;
    buffer.setData("\xEF\xBB\xBF\r\n" + s_calendar);
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    ComponentScanner scanner(buffer);
    Chunk first;
    Chunk second;
    QVERIFY(scanner.next(first));
    QVERIFY(scanner.next(second));
    QCOMPARE(second.line, qint64(7));

    ComponentScanner again(buffer);
    for (const Chunk &found : {second, first}) {
        Chunk reread;
        QVERIFY(again.readAt(found.startPos, found.line, reread));
        QCOMPARE(reread.text, found.text);
        QCOMPARE(reread.line, found.line);
        QCOMPARE(reread.startPos, found.startPos);
        QCOMPARE(reread.kind, found.kind);
    }
    Chunk none;
    QVERIFY(!again.readAt(first.startPos + 1, first.line, none)); // not at a BEGIN line
}

QTEST_GUILESS_MAIN(TestIcalComponentScanner)
#include "tst_icalcomponentscanner.moc"
