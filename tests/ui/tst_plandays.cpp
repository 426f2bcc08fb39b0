#include "planwait.h"
#include "attention/attentionservice.h"
#include "mainwindow.h"
#include "uitestfixture.h"
#include "views/todayview.h"
#include "views/weekview.h"
#include "widgets/messagebar.h"
#include "widgets/topbar.h"

#include <QAction>
#include <QListWidget>
#include <QPushButton>
#include <QTest>

#include <memory>

using namespace fermata;
using test::UiServices;
using test::utc;

// Plans for the right days: Plan outside working time takes the next working days and says
// which, Week opens on the coming week once this one is over, every Plan names what could not
// be placed, Today always opens on today, the date bar and Plan only where they act, the
// unplaced list follows pins, and first-run check-ins only on working days.
class TestPlanDays : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { test::pinEnvironment(); }
    void cleanup();
    void todayOnSundayPlansMonday();
    void afterHoursPlansTheNextWorkingDay();
    void weekOnSundayShowsTheComingWeekAndNamesUnplaced();
    void ctrl1AlwaysShowsToday();
    void dateBarAndPlanOnlyWhereTheyAct();
    void unplacedListFollowsAPin();
    void defaultCheckInsOnlyOnWorkingDays();

private:
    void start(const QDateTime &now);
    qint64 addTask(const QString &title, int minutes, const QDateTime &deadline = {});
    QList<FocusBlock> stored() const;
    QString planned();

    std::unique_ptr<test::TempDataDir> m_dir;
    std::unique_ptr<UiServices> m_services;
    std::unique_ptr<MainWindow> m_window;
};

void TestPlanDays::start(const QDateTime &now)
{
    m_dir = std::make_unique<test::TempDataDir>();
    QVERIFY(m_dir->isValid());
    m_services = std::make_unique<UiServices>(*m_dir, now);
    m_services->preferences.setWorkingHours(WorkingHours::defaults(QByteArrayLiteral("UTC"))); // Mon–Fri 9–17
    m_window = std::make_unique<MainWindow>(m_services->context);
    m_window->resize(1024, 640);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestPlanDays::cleanup()
{
    m_window.reset();
    m_services.reset();
    m_dir.reset();
}

qint64 TestPlanDays::addTask(const QString &title, int minutes, const QDateTime &deadline)
{
    Task task;
    task.title = title;
    task.estimateMinutes = task.remainingMinutes = minutes;
    task.priority = Priority::P1;
    task.deadline = deadline;
    task.minChunkMinutes = 60;
    task.maxChunkMinutes = 120;
    const auto added = m_services->tasks.add(task);
    return added ? added->id : -1;
}

QList<FocusBlock> TestPlanDays::stored() const
{
    const auto all = m_services->blockRepository.all();
    return all ? *all : QList<FocusBlock>{};
}

QString TestPlanDays::planned()
{
    if (!test::planAndWait(*m_window))
        return QStringLiteral("(the plan did not land)");
    return m_window->messageBar()->text();
}

void TestPlanDays::todayOnSundayPlansMonday()
{
    start(utc(2024, 5, 19, 11)); // Sunday
    addTask(QStringLiteral("Write report"), 240, utc(2024, 5, 23, 17)); // due Thursday
    QCOMPARE(m_window->currentView(), MainWindow::View::Today);
    const QString text = planned();
    QVERIFY2(text.startsWith(QStringLiteral("Planned Mon: 2 blocks")), qPrintable(text));
    QVERIFY2(!text.contains(QStringLiteral("could not")), qPrintable(text));
    const QList<FocusBlock> blocks = stored();
    QCOMPARE(blocks.size(), 2);
    for (const FocusBlock &block : blocks)
        QCOMPARE(block.start.date(), QDate(2024, 5, 20));
}

void TestPlanDays::afterHoursPlansTheNextWorkingDay()
{
    start(utc(2024, 5, 17, 18)); // Friday, after hours
    addTask(QStringLiteral("Write report"), 120, utc(2024, 5, 23, 17));
    const QString text = planned();
    QVERIFY2(text.startsWith(QStringLiteral("Planned Mon: 1 block")), qPrintable(text));
    QCOMPARE(stored().size(), 1);
    QCOMPARE(stored().first().start, utc(2024, 5, 20, 9));
}

void TestPlanDays::weekOnSundayShowsTheComingWeekAndNamesUnplaced()
{
    start(utc(2024, 5, 19, 11)); // Sunday: the week ending has no working time left
    addTask(QStringLiteral("Huge migration"), 60 * 60, utc(2024, 5, 21, 17)); // 60 h by Tuesday
    m_window->showView(MainWindow::View::Week);
    QCOMPARE(m_window->weekView()->monday(), QDate(2024, 5, 20));
    QCOMPARE(m_window->topBar()->date().addDays(1 - m_window->topBar()->date().dayOfWeek()), QDate(2024, 5, 20));
    const QString text = planned();
    QVERIFY2(!text.contains(QStringLiteral("see the list")), qPrintable(text));
    // Part of it is on the grid: the sentence must not say it was not placed at all.
    QVERIFY2(text.contains(QStringLiteral("Only part of 'Huge migration' could be placed (")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral(" of 60 h")), qPrintable(text));
    QVERIFY(!stored().isEmpty());
    for (const FocusBlock &block : stored())
        QVERIFY(block.start.date() >= QDate(2024, 5, 20));

    // On a Wednesday the week still has work: Week stays on it.
    cleanup();
    start(utc(2024, 5, 22, 11));
    m_window->showView(MainWindow::View::Week);
    QCOMPARE(m_window->weekView()->monday(), QDate(2024, 5, 20));
}

void TestPlanDays::ctrl1AlwaysShowsToday()
{
    start(utc(2024, 5, 15, 10)); // Wednesday
    m_window->showView(MainWindow::View::Week);
    m_window->topBar()->setDate(QDate(2024, 6, 2)); // browsed to another week
    QCOMPARE(m_window->weekView()->monday(), QDate(2024, 5, 27));
    QTest::keyClick(m_window.get(), Qt::Key_1, Qt::ControlModifier);
    QCOMPARE(m_window->currentView(), MainWindow::View::Today);
    QCOMPARE(m_window->todayView()->date(), QDate(2024, 5, 15));
    QCOMPARE(m_window->topBar()->date(), QDate(2024, 5, 15));
}

void TestPlanDays::dateBarAndPlanOnlyWhereTheyAct()
{
    start(utc(2024, 5, 15, 10));
    auto *plan = m_window->topBar()->findChild<QPushButton *>(QStringLiteral("planButton"));
    auto *date = m_window->topBar()->findChild<QWidget *>(QStringLiteral("shownDate"));
    QVERIFY(plan && date);
    const struct { MainWindow::View view; bool dateShown; bool planShown; } expected[] = {
        {MainWindow::View::Today, true, true},     {MainWindow::View::Week, true, true},
        {MainWindow::View::Tasks, false, false},   {MainWindow::View::Inbox, false, false},
        {MainWindow::View::Outbox, false, false},  {MainWindow::View::Team, true, false}, // a day's windows
        {MainWindow::View::Insights, false, false},
    };
    for (const auto &row : expected) {
        m_window->showView(row.view);
        QCOMPARE(date->isVisible(), row.dateShown);
        QCOMPARE(plan->isVisible(), row.planShown);
        QCOMPARE(m_window->planAction()->isEnabled(), row.planShown);
    }
}

void TestPlanDays::unplacedListFollowsAPin()
{
    start(utc(2024, 5, 13, 8, 30)); // Monday morning
    const qint64 big = addTask(QStringLiteral("Big report"), 10 * 60, utc(2024, 5, 13, 17)); // 10 h today
    planned();
    QListWidget *list = m_window->todayView()->unplacedList();
    QCOMPARE(list->count(), 1);
    QVERIFY(list->isVisibleTo(m_window.get()));
    // Pinning the missing hours (Tuesday) places the task: the list follows at once.
    QVERIFY(m_services->planning.addPinned(big, utc(2024, 5, 14, 9), utc(2024, 5, 14, 13)));
    QCOMPARE(list->count(), 0);
    QVERIFY(!list->isVisibleTo(m_window.get()));
}

void TestPlanDays::defaultCheckInsOnlyOnWorkingDays()
{
    start(utc(2024, 5, 18, 10)); // Saturday
    AttentionService attention(*m_services->database, m_services->clock);
    QVERIFY(attention.load(QByteArrayLiteral("UTC"), WeeklyRule::Weekdays));
    const auto day = [](QDate date) {
        return Interval::fromDateTimes(QDateTime(date, QTime(0, 0), Qt::UTC), QDateTime(date.addDays(1), QTime(0, 0), Qt::UTC));
    };
    QVERIFY(attention.windowsIn(day(QDate(2024, 5, 18))).isEmpty()); // Saturday
    QVERIFY(attention.windowsIn(day(QDate(2024, 5, 19))).isEmpty()); // Sunday
    QCOMPARE(attention.windowsIn(day(QDate(2024, 5, 20))).size(), 3);  // Monday
}

QTEST_MAIN(TestPlanDays)
#include "tst_plandays.moc"
