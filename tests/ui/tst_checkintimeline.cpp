#include "attentiontestfixture.h"
#include "views/timelinedata.h"
#include "views/weekview.h"
#include "widgets/daytimeline.h"

#include <QHelpEvent>
#include <QTest>
#include <QToolTip>

using namespace fermata;
using test::AttentionUiServices;
using test::utc;

// Check-in windows on the Today and Week timelines: loaded from AttentionService::windowsIn,
// reloaded when the windows change, with their own tooltip.
class TestCheckInTimeline : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { test::pinEnvironment(); }

    void loadsTheDaysWindows()
    {
        test::TempDataDir dir;
        AttentionUiServices s(dir, utc(2026, 3, 2, 10, 0));
        DayTimeline timeline;
        QVERIFY(TimelineData::load(timeline, s.context, QDate(2026, 3, 2)).isEmpty());
        const IntervalSet expected{Interval::fromDateTimes(utc(2026, 3, 2, 9, 0), utc(2026, 3, 2, 9, 20)),
                                   Interval::fromDateTimes(utc(2026, 3, 2, 13, 0), utc(2026, 3, 2, 13, 20)),
                                   Interval::fromDateTimes(utc(2026, 3, 2, 16, 30), utc(2026, 3, 2, 16, 50))};
        QCOMPARE(timeline.checkInWindows(), expected);
    }

    void withoutTheEngineThereIsNoBand()
    {
        test::TempDataDir dir;
        test::UiServices s(dir, utc(2026, 3, 2, 10, 0));
        DayTimeline timeline;
        QVERIFY(TimelineData::load(timeline, s.context, QDate(2026, 3, 2)).isEmpty());
        QVERIFY(timeline.checkInWindows().isEmpty());
    }

    void weekRedrawsWhenWindowsChange()
    {
        test::TempDataDir dir;
        AttentionUiServices s(dir, utc(2026, 3, 2, 10, 0));
        WeekView week(s.context);
        week.setDate(QDate(2026, 3, 4));
        const QList<DayTimeline *> days = week.findChildren<DayTimeline *>();
        QCOMPARE(days.size(), 7);
        QCOMPARE(days.first()->checkInWindows().intervals().size(), 3);

        CheckInWindow weekdaysOnly;
        weekdaysOnly.rule = WeeklyRule(WeeklyRule::Weekdays, QTime(11, 0), QTime(11, 30), QByteArrayLiteral("UTC"));
        QVERIFY(s.attention.setPersonalWindows({weekdaysOnly}));
        QCOMPARE(days.first()->checkInWindows(),
                 IntervalSet{Interval::fromDateTimes(utc(2026, 3, 2, 11, 0), utc(2026, 3, 2, 11, 30))});
        QVERIFY(days.last()->checkInWindows().isEmpty()); // Sunday has none now
    }

    void bandHasItsOwnTooltip()
    {
        test::TempDataDir dir;
        AttentionUiServices s(dir, utc(2026, 3, 2, 10, 0));
        DayTimeline timeline;
        timeline.setDay(QDate(2026, 3, 2), QTimeZone(QByteArrayLiteral("UTC")));
        timeline.setCheckInWindows(
            IntervalSet{Interval::fromDateTimes(utc(2026, 3, 2, 13, 0), utc(2026, 3, 2, 14, 0))});
        timeline.resize(400, 800);
        timeline.show();
        QVERIFY(QTest::qWaitForWindowExposed(&timeline));
        const QPoint inside(200, int(timeline.yForTime(QTime(13, 30))));
        QHelpEvent help(QEvent::ToolTip, inside, timeline.mapToGlobal(inside));
        QCoreApplication::sendEvent(&timeline, &help);
        QTRY_COMPARE(QToolTip::text(), QStringLiteral("Check-in window 13:00–14:00"));
    }
};

QTEST_MAIN(TestCheckInTimeline)
#include "tst_checkintimeline.moc"
