#include "testsupport.h"

#include "planning/quickadd.h"

#include <QTest>

using namespace fermata;

// Quick-add lines with a pinned clock (Wednesday 2 Dec 2026, 10:00 in Berlin) and zone.
class TestQuickAdd final : public QObject
{
    Q_OBJECT

    static QTimeZone zone() { return QTimeZone(QByteArrayLiteral("Europe/Berlin")); }
    static QDateTime berlin(int y, int mo, int d, int h, int mi = 0)
    {
        return QDateTime(QDate(y, mo, d), QTime(h, mi), zone()).toUTC();
    }

private Q_SLOTS:
    void initTestCase() { fermata::test::pinEnvironment(); }

    void parse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QDateTime>("now");
        QTest::addColumn<QString>("title");
        QTest::addColumn<int>("minutes");      // -1: none
        QTest::addColumn<QDateTime>("deadline");
        QTest::addColumn<QDateTime>("start");
        QTest::addColumn<int>("priority");     // 0: none
        QTest::addColumn<int>("part");
        QTest::addColumn<QString>("after");

        const QDateTime wed10 = berlin(2026, 12, 2, 10);
        const QDateTime none;
        const int any = int(DayPart::Any);
        QTest::newRow("by weekday, priority") << QStringLiteral("Write report 3h by fri p1") << wed10
            << QStringLiteral("Write report") << 180 << berlin(2026, 12, 4, 17) << none << 1 << any << QString();
        QTest::newRow("after a quoted title") << QStringLiteral("Review PR 45m after \"Write report\"") << wed10
            << QStringLiteral("Review PR") << 45 << none << none << 0 << any << QStringLiteral("Write report");
        QTest::newRow("ISO date and time") << QStringLiteral("Call bank 30m by 2026-12-03 17:00") << wed10
            << QStringLiteral("Call bank") << 30 << berlin(2026, 12, 3, 17) << none << 0 << any << QString();
        QTest::newRow("hours and minutes, part of day") << QStringLiteral("Read paper 1h30m p2 morning") << wed10
            << QStringLiteral("Read paper") << 90 << none << none << 2 << int(DayPart::Morning) << QString();
        QTest::newRow("tomorrow means 17:00") << QStringLiteral("Plan Q1 2h by tomorrow") << wed10
            << QStringLiteral("Plan Q1") << 120 << berlin(2026, 12, 3, 17) << none << 0 << any << QString();
        QTest::newRow("from a weekday: earliest start") << QStringLiteral("Draft 2h from mon") << wed10
            << QStringLiteral("Draft") << 120 << none << berlin(2026, 12, 7, 0) << 0 << any << QString();
        QTest::newRow("today's weekday before 17:00 is today") << QStringLiteral("Pay rent by wed") << wed10
            << QStringLiteral("Pay rent") << -1 << berlin(2026, 12, 2, 17) << none << 0 << any << QString();
        QTest::newRow("today's weekday after 17:00 is next week") << QStringLiteral("Pay rent by wed") << berlin(2026, 12, 2, 18)
            << QStringLiteral("Pay rent") << -1 << berlin(2026, 12, 9, 17) << none << 0 << any << QString();
        QTest::newRow("12-hour time, full weekday") << QStringLiteral("Ship it by Friday 9am afternoon") << wed10
            << QStringLiteral("Ship it") << -1 << berlin(2026, 12, 4, 9) << none << 0 << int(DayPart::Afternoon) << QString();
        QTest::newRow("unknown words stay") << QStringLiteral("Buy milk by the store p5") << wed10
            << QStringLiteral("Buy milk by the store p5") << -1 << none << none << 0 << any << QString();
        QTest::newRow("after one word") << QStringLiteral("Deploy after Build 1.5h") << wed10
            << QStringLiteral("Deploy") << 90 << none << none << 0 << any << QStringLiteral("Build");
        QTest::newRow("second duration stays in title") << QStringLiteral("Run 5k 30m") << wed10
            << QStringLiteral("Run 5k") << 30 << none << none << 0 << any << QString();
    }

    void parse()
    {
        QFETCH(QString, text);
        QFETCH(QDateTime, now);
        QFETCH(QString, title);
        QFETCH(int, minutes);
        QFETCH(QDateTime, deadline);
        QFETCH(QDateTime, start);
        QFETCH(int, priority);
        QFETCH(int, part);
        QFETCH(QString, after);
        const Result<ParsedTask> r = QuickAdd::parse(text, now, zone());
        QVERIFY2(r.isOk(), r.isOk() ? "" : qPrintable(r.error().message));
        QCOMPARE(r->title, title);
        QCOMPARE(r->estimateMinutes.value_or(-1), minutes);
        QCOMPARE(r->deadline, deadline);
        QCOMPARE(r->earliestStart, start);
        QCOMPARE(r->priority ? int(*r->priority) : 0, priority);
        QCOMPARE(int(r->preferredDayPart), part);
        QCOMPARE(r->afterTitle, after);
    }

    void rejects_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << QString();
        QTest::newRow("no title") << QStringLiteral("3h p1 by fri");
        QTest::newRow("impossible date") << QStringLiteral("Report by 2026-02-30");
        QTest::newRow("deadline before start") << QStringLiteral("Report by thu from fri");
    }

    void rejects()
    {
        QFETCH(QString, text);
        const Result<ParsedTask> r = QuickAdd::parse(text, berlin(2026, 12, 2, 10), zone());
        QVERIFY(!r.isOk());
        QCOMPARE(r.error().code, Error::Code::Invalid);
        QVERIFY(!r.error().message.isEmpty());
    }

    void toTask()
    {
        const Result<ParsedTask> r = QuickAdd::parse(QStringLiteral("Write report 3h by fri p1"), berlin(2026, 12, 2, 10), zone());
        QVERIFY(r.isOk());
        const Task t = r->toTask();
        QCOMPARE(t.title, QStringLiteral("Write report"));
        QCOMPARE(t.estimateMinutes, 180);
        QCOMPARE(t.remainingMinutes, 180);
        QCOMPARE(t.priority, Priority::P1);
        QCOMPARE(t.deadline, berlin(2026, 12, 4, 17));
    }
};

QTEST_GUILESS_MAIN(TestQuickAdd)
#include "tst_quickadd.moc"
