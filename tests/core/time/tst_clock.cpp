#include "testsupport.h"
#include "time/clock.h"

#include <QTest>

class TestClock : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void fakeClockMovesOnlyWhenTold()
    {
        fermata::FakeClock clock(QDateTime(QDate(2026, 1, 5), QTime(9, 0), Qt::UTC));
        QCOMPARE(clock.now(), QDateTime(QDate(2026, 1, 5), QTime(9, 0), Qt::UTC));
        clock.advanceSecs(90);
        QCOMPARE(clock.now(), QDateTime(QDate(2026, 1, 5), QTime(9, 1, 30), Qt::UTC));
        clock.setNow(QDateTime(QDate(2026, 1, 5), QTime(12, 0), QTimeZone("Europe/Berlin")));
        QCOMPARE(clock.now().timeSpec(), Qt::UTC);
        QCOMPARE(clock.now().time(), QTime(11, 0));
    }

    void systemClockIsUtcAndCurrent()
    {
        const fermata::SystemClock clock;
        const QDateTime now = clock.now();
        QCOMPARE(now.timeSpec(), Qt::UTC);
        QVERIFY(qAbs(now.secsTo(QDateTime::currentDateTimeUtc())) < 5);
    }
};

QTEST_GUILESS_MAIN(TestClock)
#include "tst_clock.moc"
