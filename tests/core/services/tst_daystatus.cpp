#include "planning/daystatus.h"
#include "testsupport.h"
#include "time/clock.h"
#include "time/weeklyrule.h"

#include <QTest>

using namespace fermata;

Q_DECLARE_METATYPE(QList<fermata::FocusBlock>)

namespace {

// Mon–Fri 09:00–17:00 in Berlin: UTC+1 in winter, UTC+2 in summer (TZ is pinned to UTC, so
// a wrong zone shows up as an hour or two off).
WorkingHours berlinWeekdays()
{
    WorkingHours hours;
    hours.zoneId = QByteArrayLiteral("Europe/Berlin");
    for (int d = Qt::Monday; d <= Qt::Friday; ++d)
        hours.day(Qt::DayOfWeek(d)) = DayHours{true, QTime(9, 0), QTime(17, 0)};
    return hours;
}

QDateTime berlin(int y, int m, int d, int hh, int mm = 0)
{
    return resolveWallClock(QDate(y, m, d), QTime(hh, mm), QTimeZone("Europe/Berlin"));
}

QDateTime utcAt(int y, int m, int d, int hh, int mm = 0)
{
    return QDateTime(QDate(y, m, d), QTime(hh, mm), Qt::UTC);
}

QList<FocusBlock> block(const QDateTime &start, const QDateTime &end)
{
    return {FocusBlock{1, 7, start, end, false}};
}

} // namespace

class TestDayStatus : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { test::pinEnvironment(); }
    void text_data();
    void text();
    void noWorkingDays();
};

void TestDayStatus::text_data()
{
    QTest::addColumn<QDateTime>("now");
    QTest::addColumn<QList<FocusBlock>>("blocks");
    QTest::addColumn<QString>("expected");

    // 2024-05-13 is a Monday.
    const QList<FocusBlock> none;
    QTest::newRow("working") << berlin(2024, 5, 13, 10) << none
                             << QStringLiteral("Working until 17:00");
    QTest::newRow("at start") << berlin(2024, 5, 13, 9) << none
                              << QStringLiteral("Working until 17:00");
    QTest::newRow("before start") << berlin(2024, 5, 13, 7, 30) << none
                                  << QStringLiteral("Starts 09:00");
    QTest::newRow("at end") << berlin(2024, 5, 13, 17) << none
                            << QStringLiteral("Starts 09:00 tomorrow");
    QTest::newRow("evening") << berlin(2024, 5, 13, 18) << none
                             << QStringLiteral("Starts 09:00 tomorrow");
    QTest::newRow("friday evening") << berlin(2024, 5, 17, 18) << none
                                    << QStringLiteral("Starts Mon 09:00");
    QTest::newRow("saturday") << berlin(2024, 5, 18, 12) << none
                              << QStringLiteral("Day off · starts Mon 09:00");
    QTest::newRow("sunday") << berlin(2024, 5, 19, 12) << none
                            << QStringLiteral("Day off · starts 09:00 tomorrow");
    QTest::newRow("in focus") << berlin(2024, 5, 13, 10)
                              << block(berlin(2024, 5, 13, 9, 30), berlin(2024, 5, 13, 11, 30))
                              << QStringLiteral("Focus until 11:30");
    QTest::newRow("focus later") << berlin(2024, 5, 13, 10)
                                 << block(berlin(2024, 5, 13, 14), berlin(2024, 5, 13, 15))
                                 << QStringLiteral("Working until 17:00 · next focus 14:00");
    QTest::newRow("focus over") << berlin(2024, 5, 13, 10)
                                << block(berlin(2024, 5, 13, 8), berlin(2024, 5, 13, 9))
                                << QStringLiteral("Working until 17:00");
    // Winter time (UTC+1) the Friday before the spring change, then summer time (UTC+2).
    QTest::newRow("winter") << utcAt(2024, 3, 29, 8, 30) << none
                            << QStringLiteral("Working until 17:00");
    QTest::newRow("dst sunday") << berlin(2024, 3, 31, 12) << none
                                << QStringLiteral("Day off · starts 09:00 tomorrow");
    QTest::newRow("summer") << utcAt(2024, 4, 1, 15, 30) << none
                            << QStringLiteral("Starts 09:00 tomorrow");
}

void TestDayStatus::text()
{
    QFETCH(QDateTime, now);
    QFETCH(QList<FocusBlock>, blocks);
    QFETCH(QString, expected);
    FakeClock clock(now);
    QCOMPARE(DayStatus::text(berlinWeekdays(), clock.now(), blocks), expected);
}

void TestDayStatus::noWorkingDays()
{
    WorkingHours hours;
    hours.zoneId = QByteArrayLiteral("UTC");
    FakeClock clock(QDateTime(QDate(2024, 5, 13), QTime(10, 0), Qt::UTC));
    QCOMPARE(DayStatus::text(hours, clock.now()), QStringLiteral("No working hours set"));
}

QTEST_GUILESS_MAIN(TestDayStatus)
#include "tst_daystatus.moc"
