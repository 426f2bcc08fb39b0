#include "planwait.h"
#include "mainwindow.h"
#include "uitestfixture.h"
#include "views/todayview.h"
#include "views/weekview.h"
#include "widgets/topbar.h"
#include "widgets/daytimeline.h"
#include "widgets/messagebar.h"

#include <QAction>
#include <QDir>
#include <QImage>
#include <QTest>

#include <memory>

using namespace fermata;
using test::UiServices;
using test::utc;

// All-day events in the window: drawn in a lane above the hours of Today and Week, busy and
// free told apart, and a busy one named in the Plan message for the day it leaves empty.
class TestAllDayLane : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { test::pinEnvironment(); }
    void init();
    void cleanup();
    void weekShowsAllDayEventsInALane();
    void todayShowsTheLaneAboveTheHours();
    void planSaysWhichDayIsBlocked();

private:
    CalendarEvent allDay(const QString &title, QDate date, bool busy) const;
    void saveShot(QWidget *widget, const QString &name) const;

    std::unique_ptr<test::TempDataDir> m_dir;
    std::unique_ptr<UiServices> m_services;
    std::unique_ptr<MainWindow> m_window;
};

// Monday 2026-03-02 08:30; the offsite is on Friday the 6th, a free holiday on Wednesday.
void TestAllDayLane::init()
{
    m_dir = std::make_unique<test::TempDataDir>();
    QVERIFY(m_dir->isValid());
    m_services = std::make_unique<UiServices>(*m_dir, utc(2026, 3, 2, 8, 30));
    m_services->preferences.setWorkingHours(WorkingHours::defaults(QByteArrayLiteral("UTC")));
    QVERIFY(m_services->calendar.addEvent(allDay(QStringLiteral("Company offsite"), QDate(2026, 3, 6), true)));
    QVERIFY(m_services->calendar.addEvent(allDay(QStringLiteral("Founders' day"), QDate(2026, 3, 4), false)));
    CalendarEvent standup;
    standup.source = QStringLiteral("work.ics");
    standup.title = QStringLiteral("Stand-up");
    standup.start = utc(2026, 3, 6, 9, 30);
    standup.end = utc(2026, 3, 6, 10);
    QVERIFY(m_services->calendar.addEvent(standup));
    m_window = std::make_unique<MainWindow>(m_services->context);
    m_window->resize(1200, 820);
}

void TestAllDayLane::cleanup()
{
    m_window.reset();
    m_services.reset();
    m_dir.reset();
}

CalendarEvent TestAllDayLane::allDay(const QString &title, QDate date, bool busy) const
{
    // As an import stores a DATE event: local midnight to midnight, flagged all-day.
    CalendarEvent e;
    e.source = QStringLiteral("work.ics");
    e.title = title;
    e.start = QDateTime(date, QTime(0, 0), Qt::UTC);
    e.end = QDateTime(date.addDays(1), QTime(0, 0), Qt::UTC);
    e.allDay = true;
    e.busy = busy;
    return e;
}

// Screenshots for a person to look at, only when asked for (FERMATA_SCREENSHOT_DIR).
void TestAllDayLane::saveShot(QWidget *widget, const QString &name) const
{
    const QString dir = qEnvironmentVariable("FERMATA_SCREENSHOT_DIR");
    if (!dir.isEmpty() && QDir().mkpath(dir))
        QVERIFY(widget->grab().save(QDir(dir).filePath(name)));
}

void TestAllDayLane::weekShowsAllDayEventsInALane()
{
    m_window->showView(MainWindow::View::Week);
    m_window->show();
    WeekView *week = m_window->weekView();
    week->setDate(QDate(2026, 3, 2));
    const QList<DayTimeline *> days = week->days();
    QCOMPARE(days.size(), 7);

    const DayTimeline *friday = days[4];
    QCOMPARE(friday->allDayEntries().size(), 1);
    QCOMPARE(friday->allDayEntries().first().title, QStringLiteral("Company offsite"));
    QVERIFY(friday->allDayEntries().first().busy);
    // The hour grid keeps meetings only: the all-day event is not a 24-hour box.
    QCOMPARE(friday->entries().size(), 1);
    QCOMPARE(friday->entries().first().title, QStringLiteral("Stand-up"));
    QVERIFY(friday->toolTipFor(0).contains(QStringLiteral("Stand-up")));
    QVERIFY(friday->allDayToolTip(0).contains(QStringLiteral("busy")));
    QVERIFY(friday->accessibleDescription().contains(QStringLiteral("Company offsite")));

    const DayTimeline *wednesday = days[2];
    QCOMPARE(wednesday->allDayEntries().size(), 1);
    QVERIFY(!wednesday->allDayEntries().first().busy);
    QVERIFY(wednesday->allDayToolTip(0).contains(QStringLiteral("does not block planning")));
    QVERIFY(days[0]->allDayEntries().isEmpty());

    // Every column keeps a lane as tall, so the hours line up across the week.
    QTRY_VERIFY(friday->height() > 0);
    for (const DayTimeline *day : days) {
        QCOMPARE(day->allDayRows(), 1);
        QCOMPARE(day->yForTime(QTime(9, 0)), friday->yForTime(QTime(9, 0)));
    }
    // The lane is under the day's name and above the first hour.
    const QRectF lane = friday->allDayRect(0);
    QVERIFY(lane.top() >= 0);
    QVERIFY(lane.bottom() < friday->yForTime(QTime(friday->firstHour(), 0)));
    QCOMPARE(friday->allDayRowAt(lane.center().toPoint()), 0);
    saveShot(m_window.get(), QStringLiteral("week-all-day.png"));

    // Friday's working hours look taken (the planner leaves them alone); a free all-day event
    // leaves Wednesday's band as any other day's.
    auto bandColours = [](DayTimeline *day) {
        const QImage image = day->grab().toImage();
        const int y = qRound(day->yForTime(QTime(14, 20)));
        QSet<QRgb> colours;
        for (int x = day->width() / 2 - 12; x < day->width() / 2 + 12; ++x)
            for (int dy = -4; dy <= 4; ++dy)
                colours.insert(image.pixel(x, y + dy));
        return colours;
    };
    const QSet<QRgb> monday = bandColours(days[0]);
    QCOMPARE(bandColours(days[2]), monday);
    const QSet<QRgb> taken = bandColours(days[4]);
    QVERIFY(!taken.intersects(monday));
    QVERIFY(taken.size() >= 2); // hatched

    // A week without all-day events gives the lane no room.
    week->setDate(QDate(2026, 3, 9));
    for (const DayTimeline *day : days)
        QCOMPARE(day->allDayRows(), 0);
}

void TestAllDayLane::todayShowsTheLaneAboveTheHours()
{
    m_services->clock.setNow(utc(2026, 3, 6, 8, 30)); // the Friday
    m_window->showView(MainWindow::View::Today);
    m_window->show();
    m_window->topBar()->setDate(QDate(2026, 3, 6)); // the views follow the top bar's date
    QCOMPARE(m_window->todayView()->date(), QDate(2026, 3, 6));
    DayTimeline *timeline = m_window->todayView()->timeline();
    QCOMPARE(timeline->allDayEntries().size(), 1);
    QCOMPARE(timeline->allDayEntries().first().title, QStringLiteral("Company offsite"));
    QCOMPARE(timeline->allDayRows(), 1);
    QVERIFY(timeline->allDayRect(0).bottom() < timeline->yForTime(QTime(timeline->firstHour(), 0)));
    saveShot(m_window.get(), QStringLiteral("today-all-day.png"));

    // An all-day event added later shows at once, busy ones first.
    QVERIFY(m_services->calendar.addEvent(allDay(QStringLiteral("A birthday"), QDate(2026, 3, 6), false)));
    QCOMPARE(timeline->allDayEntries().size(), 2);
    QCOMPARE(timeline->allDayEntries().first().title, QStringLiteral("Company offsite"));
    QCOMPARE(timeline->allDayRows(), 2);
}

void TestAllDayLane::planSaysWhichDayIsBlocked()
{
    Task task;
    task.title = QStringLiteral("Write report");
    task.estimateMinutes = 120;
    task.remainingMinutes = 120;
    task.priority = Priority::P1;
    task.earliestStart = utc(2026, 3, 6, 0);
    task.deadline = utc(2026, 3, 6, 17);
    QVERIFY(m_services->tasks.add(task));

    m_window->showView(MainWindow::View::Week);
    m_window->weekView()->setDate(QDate(2026, 3, 2));
    QVERIFY(test::planAndWait(*m_window));

    const QString message = m_window->messageBar()->text();
    QVERIFY2(message.contains(QStringLiteral("Fri is blocked by 'Company offsite' (all day).")), qPrintable(message));
    QVERIFY2(!message.contains(QStringLiteral("Founders")), qPrintable(message)); // free: blocks nothing
    const auto blocks = m_services->calendar.focusBlocks(
        Interval::fromDateTimes(utc(2026, 3, 6, 0), utc(2026, 3, 7, 0)));
    QVERIFY(blocks);
    QVERIFY(blocks->isEmpty());
    // The task's own reason says the same, where unplaced tasks are listed.
    const auto unplaced = m_services->planning.unplacedTasks();
    QCOMPARE(unplaced.size(), 1);
    QVERIFY2(unplaced.first().reason.contains(QStringLiteral("Fri is blocked by 'Company offsite' (all day)")),
             qPrintable(unplaced.first().reason));
}

QTEST_MAIN(TestAllDayLane)
#include "tst_alldaylane.moc"
