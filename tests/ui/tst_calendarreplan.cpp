// A calendar change that breaks planned blocks offers Re-plan, whatever made it: an import
// (the offer stays beside the import's report), an all-day event, or a plan made in an
// earlier session. Imports run on the real calendar worker, as in the app.
#include "planwait.h"
#include "calendartestfixture.h"
#include "importcontroller.h"
#include "mainwindow.h"
#include "views/todayview.h"
#include "widgets/daytimeline.h"
#include "widgets/messagebar.h"

#include <QAction>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace fermata;
using test::utc;

namespace {

const QDateTime s_now = utc(2026, 3, 2, 8); // Monday 08:00, working hours 09:00-17:00 UTC

Interval monday()
{
    return Interval::fromDateTimes(utc(2026, 3, 2, 0), utc(2026, 3, 3, 0));
}

} // namespace

class TestCalendarReplan : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { test::pinEnvironment(); }
    void init();
    void cleanup();
    void importOnThePlanOffersReplanBesideItsReport();
    void busyAllDayImportOffersReplanFreeOneDoesNot();
    void planFromAnEarlierSessionIsWatchedToo();

private:
    QList<FocusBlock> blocks() const;
    CalendarImportOutcome importText(const QString &name, const QByteArray &ics);
    QPushButton *offer() const { return m_window->messageBar()->actionButton(); }

    std::unique_ptr<test::TempDataDir> m_dir;
    std::unique_ptr<test::CalendarServices> m_services;
    std::unique_ptr<MainWindow> m_window;
    ImportController *m_importer = nullptr;
};

void TestCalendarReplan::init()
{
    m_dir = std::make_unique<test::TempDataDir>();
    m_services = std::make_unique<test::CalendarServices>(*m_dir, s_now);
    m_services->ui.preferences.setWorkingHours(WorkingHours::defaults(QByteArrayLiteral("UTC")));
    Task task;
    task.title = QStringLiteral("Write report");
    task.estimateMinutes = 120;
    task.remainingMinutes = 120;
    task.priority = Priority::P1;
    task.deadline = utc(2026, 3, 2, 17);
    QVERIFY(m_services->ui.tasks.add(task));
    m_window = std::make_unique<MainWindow>(m_services->ui.context);
    m_importer = m_window->findChild<ImportController *>();
    QVERIFY(m_importer);
    m_importer->setProgressDelayMs(0);
    m_window->showView(MainWindow::View::Today);
    m_window->show();
}

void TestCalendarReplan::cleanup()
{
    m_window.reset();
    m_services.reset();
    m_dir.reset();
}

QList<FocusBlock> TestCalendarReplan::blocks() const
{
    const auto stored = m_services->ui.calendar.focusBlocks(monday());
    return stored ? *stored : QList<FocusBlock>{};
}

CalendarImportOutcome TestCalendarReplan::importText(const QString &name, const QByteArray &ics)
{
    const QString path = m_dir->filePath(name);
    if (!test::writeFile(path, ics))
        return {};
    QSignalSpy finished(m_importer, &ImportController::importFinished);
    if (!m_importer->importFiles({path}) || !finished.wait(20000))
        return {};
    return finished.constLast().constFirst().value<CalendarImportOutcome>();
}

void TestCalendarReplan::importOnThePlanOffersReplanBesideItsReport()
{
    QVERIFY(test::planAndWait(*m_window));
    const QList<FocusBlock> planned = blocks();
    QVERIFY(!planned.isEmpty());
    QVERIFY(offer()->isHidden());

    // A dentist appointment right on the first block.
    const QByteArray start = planned.first().start.toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'")).toLatin1();
    const CalendarImportOutcome outcome = importText(QStringLiteral("dentist.ics"),
        test::icsCalendar({test::icsEvent("dentist", start, "Dentist")}));
    QVERIFY2(outcome.ok, qPrintable(outcome.error));

    // Both: what the import did, and that the plan no longer fits.
    const QString text = m_window->messageBar()->text();
    QVERIFY2(text.startsWith(QStringLiteral("Imported 1 event from dentist.ics")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Your plan no longer fits")), qPrintable(text));
    QVERIFY(!offer()->isHidden());
    QCOMPARE(offer()->text(), QStringLiteral("Re-plan"));

    QVERIFY(test::waitForPlan(*m_window, [this] { offer()->click(); }));
    QVERIFY(offer()->isHidden());
    const Interval dentist(planned.first().start.toMSecsSinceEpoch(),
                           planned.first().start.toMSecsSinceEpoch() + 3600 * 1000);
    const QList<FocusBlock> replanned = blocks();
    QVERIFY(!replanned.isEmpty());
    for (const FocusBlock &b : replanned)
        QVERIFY(!b.interval().overlaps(dentist));

    // An import that misses every block reports alone.
    QVERIFY(importText(QStringLiteral("evening.ics"),
                       test::icsCalendar({test::icsEvent("late", "20260302T200000Z", "Late call")})).ok);
    QCOMPARE(m_window->messageBar()->text(), QStringLiteral("Imported 1 event from evening.ics"));
    QVERIFY(offer()->isHidden());
}

void TestCalendarReplan::busyAllDayImportOffersReplanFreeOneDoesNot()
{
    QVERIFY(test::planAndWait(*m_window));
    QVERIFY(!blocks().isEmpty());

    // Free all day (TRANSP:TRANSPARENT): shown in the lane, blocks nothing, offers nothing.
    const QByteArray holiday = "BEGIN:VEVENT\r\nUID:holiday\r\nDTSTAMP:20260201T000000Z\r\n"
                               "DTSTART;VALUE=DATE:20260302\r\nDTEND;VALUE=DATE:20260303\r\n"
                               "SUMMARY:Founders' day\r\nTRANSP:TRANSPARENT\r\nEND:VEVENT\r\n";
    QVERIFY(importText(QStringLiteral("holidays.ics"), test::icsCalendar({holiday})).ok);
    QVERIFY(offer()->isHidden());
    DayTimeline *timeline = m_window->todayView()->timeline();
    QCOMPARE(timeline->allDayEntries().size(), 1);
    QVERIFY(!timeline->allDayEntries().first().busy);

    // Busy all day: the planner cannot keep Monday's blocks, so the window offers Re-plan.
    const QByteArray offsite = "BEGIN:VEVENT\r\nUID:offsite\r\nDTSTAMP:20260201T000000Z\r\n"
                               "DTSTART;VALUE=DATE:20260302\r\nSUMMARY:Company offsite\r\nEND:VEVENT\r\n";
    QVERIFY(importText(QStringLiteral("offsite.ics"), test::icsCalendar({offsite})).ok);
    QVERIFY2(m_window->messageBar()->text().contains(QStringLiteral("Your plan no longer fits")),
             qPrintable(m_window->messageBar()->text()));
    QVERIFY(!offer()->isHidden());
    QCOMPARE(timeline->allDayEntries().size(), 2);
    QCOMPARE(timeline->allDayEntries().first().title, QStringLiteral("Company offsite"));
    QVERIFY(timeline->allDayEntries().first().busy);

    QVERIFY(test::waitForPlan(*m_window, [this] { offer()->click(); }));
    QVERIFY(blocks().isEmpty());
    const QString text = m_window->messageBar()->text();
    QVERIFY2(text.contains(QStringLiteral("Mon is blocked by 'Company offsite' (all day).")), qPrintable(text));
}

void TestCalendarReplan::planFromAnEarlierSessionIsWatchedToo()
{
    // Planned before this window opened (or by `fermata plan`): the window never ran Plan.
    QVERIFY(m_services->ui.planning.plan(Interval::fromDateTimes(s_now, utc(2026, 3, 3, 0))));
    const QList<FocusBlock> planned = blocks();
    QVERIFY(!planned.isEmpty());

    // An all-day event typed in by hand over the planned day.
    CalendarEvent away;
    away.title = QStringLiteral("Sick day");
    away.start = utc(2026, 3, 2, 0);
    away.end = utc(2026, 3, 3, 0);
    away.allDay = true;
    QVERIFY(m_services->ui.calendar.addEvent(away));
    QVERIFY(!offer()->isHidden());
    QVERIFY(test::waitForPlan(*m_window, [this] { offer()->click(); }));
    QVERIFY(blocks().isEmpty());
}

QTEST_MAIN(TestCalendarReplan)
#include "tst_calendarreplan.moc"
