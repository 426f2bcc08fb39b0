#include "testsupport.h"
#include "time/interval.h"

#include <QTest>

using fermata::Interval;

class TestInterval : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { fermata::test::pinEnvironment(); }

    void overlaps_data()
    {
        QTest::addColumn<Interval>("a");
        QTest::addColumn<Interval>("b");
        QTest::addColumn<bool>("expected");
        QTest::newRow("disjoint") << Interval(0, 10) << Interval(20, 30) << false;
        QTest::newRow("touching is not overlapping") << Interval(0, 10) << Interval(10, 20) << false;
        QTest::newRow("partial") << Interval(0, 10) << Interval(5, 20) << true;
        QTest::newRow("contained") << Interval(0, 100) << Interval(5, 20) << true;
        QTest::newRow("empty never overlaps") << Interval(0, 100) << Interval(5, 5) << false;
        QTest::newRow("reversed is empty") << Interval(0, 100) << Interval(50, 40) << false;
    }
    void overlaps()
    {
        QFETCH(Interval, a);
        QFETCH(Interval, b);
        QFETCH(bool, expected);
        QCOMPARE(a.overlaps(b), expected);
        QCOMPARE(b.overlaps(a), expected);
    }

    void intersected_data()
    {
        QTest::addColumn<Interval>("a");
        QTest::addColumn<Interval>("b");
        QTest::addColumn<Interval>("expected");
        QTest::newRow("partial") << Interval(0, 10) << Interval(5, 20) << Interval(5, 10);
        QTest::newRow("disjoint gives empty") << Interval(0, 10) << Interval(20, 30) << Interval();
        QTest::newRow("touching gives empty") << Interval(0, 10) << Interval(10, 30) << Interval();
        QTest::newRow("inner") << Interval(0, 100) << Interval(10, 30) << Interval(10, 30);
    }
    void intersected()
    {
        QFETCH(Interval, a);
        QFETCH(Interval, b);
        QFETCH(Interval, expected);
        QCOMPARE(a.intersected(b), expected);
        QCOMPARE(b.intersected(a), expected);
    }

    void containsIsHalfOpen()
    {
        const Interval i(10, 20);
        QVERIFY(i.contains(10));
        QVERIFY(i.contains(19));
        QVERIFY(!i.contains(20));
        QVERIFY(i.contains(Interval(10, 20)));
        QVERIFY(!i.contains(Interval(10, 21)));
        QVERIFY(!i.contains(Interval(15, 15)));
    }

    void durationAndWidening()
    {
        const Interval meeting(60 * 60000, 120 * 60000);
        QCOMPARE(meeting.durationMinutes(), 60);
        QCOMPARE(meeting.widened(15 * 60000, 10 * 60000), Interval(45 * 60000, 130 * 60000));
        QCOMPARE(Interval(50, 10).durationMs(), 0);
    }

    void dateTimesRoundTrip()
    {
        const QDateTime start(QDate(2026, 3, 29), QTime(0, 30), Qt::UTC);
        const QDateTime end = start.addSecs(3600);
        const Interval i = Interval::fromDateTimes(start, end);
        QCOMPARE(i.start(), start);
        QCOMPARE(i.end(), end);
        QCOMPARE(i.start().timeSpec(), Qt::UTC);
    }
};

QTEST_GUILESS_MAIN(TestInterval)
#include "tst_interval.moc"
