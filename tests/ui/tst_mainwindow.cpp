#include "mainwindow.h"
#include "trayicon.h"
#include "uitestfixture.h"
#include "views/taskdetailspanel.h"
#include "views/tasksview.h"
#include "views/todayview.h"
#include "widgets/emptystate.h"
#include "widgets/messagebar.h"
#include "widgets/navigationlist.h"
#include "widgets/statuschip.h"
#include "widgets/topbar.h"

#include <QAction>
#include <QMenu>
#include <QPointer>
#include <QSignalSpy>
#include <QSystemTrayIcon>
#include <QTimer>
#include <QScreen>
#include <QSplitter>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QTableView>
#include <QTest>
#include <QToolButton>

#include <functional>

using namespace fermata;
using test::UiServices;

namespace {

const QStringList viewNames{
    QStringLiteral("todayView"), QStringLiteral("weekView"),   QStringLiteral("tasksView"),
    QStringLiteral("inboxView"), QStringLiteral("outboxView"), QStringLiteral("teamView"),
    QStringLiteral("insightsView"),
};

// Quitting happens only inside QCoreApplication::exec(), so the close/quit tests run it.
enum LoopEnd { StepDone = 41, Stuck = 42 };

// Sees the Quit event the application gets when it is asked to quit (Quit actions, or the
// last window closing while quitOnLastWindowClosed is on).
class QuitWatcher final : public QObject
{
public:
    QuitWatcher() { qApp->installEventFilter(this); }
    bool sawQuit = false;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched == qApp && event->type() == QEvent::Quit)
            sawQuit = true;
        return false;
    }
};

struct LoopRun
{
    bool quitRequested = false;
    int exitCode = 0;
};

// Runs `step` inside the application's event loop. ExitAfterStep ends the loop once the events
// the step posted (a Quit, a deferred notice) have been handled; WaitForQuit leaves it to the
// step to end the app, with a guard that returns Stuck if it never does.
enum class Then { ExitAfterStep, WaitForQuit };
LoopRun runInEventLoop(const std::function<void()> &step, Then then)
{
    QuitWatcher watcher;
    QTimer guard;
    guard.setSingleShot(true);
    QObject::connect(&guard, &QTimer::timeout, qApp, [] { QCoreApplication::exit(Stuck); });
    guard.start(10000);
    QTimer::singleShot(0, qApp, [&step, then] {
        step();
        if (then == Then::ExitAfterStep)
            QTimer::singleShot(0, qApp, [] { QCoreApplication::exit(StepDone); }); // after what step posted
    });
    const int code = QCoreApplication::exec();
    return {watcher.sawQuit, code};
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { test::pinEnvironment(); }
    void init();
    void cleanup();
    void opensOnTodayWithTeachingEmptyState();
    void shortcutsSwitchViews();
    void navigationClicksSwitchViews();
    void quickAddPersists();
    void serviceErrorsShowInTheMessageBar();
    void statusChipShowsTheDay();
    void detailsPanelSavesEdits();
    void deleteKeyRemovesTheSelectedTask();
    void planActionIsExposedAndEnabled();
    void opensAtInitialSizeAndRestoresGeometry();
    void detailsPanelShowsOnlyWithATask();
    void pressingAnOpenTaskKeepsTheLayoutStill();
    void openTasksFollowDoneAndPriority();
    void statusChipIsNeverElided();
    void closingWithATrayHidesAndKeepsRunning();
    void closingWithoutATrayQuits();
    void quitActionsEndTheApp_data();
    void quitActionsEndTheApp();

private:
    void openWindow();
    TrayIcon *attachTray();
    QLineEdit *quickAdd() const { return m_window->tasksView()->quickAdd(); }

    std::unique_ptr<test::TempDataDir> m_dir;
    std::unique_ptr<UiServices> m_services;
    std::unique_ptr<MainWindow> m_window;
};

void TestMainWindow::init()
{
    m_dir = std::make_unique<test::TempDataDir>();
    QVERIFY(m_dir->isValid());
    m_services = std::make_unique<UiServices>(*m_dir, test::utc(2024, 5, 13, 10)); // a Monday
    m_services->preferences.setWorkingHours(WorkingHours::defaults(QByteArrayLiteral("UTC")));
    openWindow();
}

void TestMainWindow::openWindow()
{
    m_window = std::make_unique<MainWindow>(m_services->context);
    m_window->show();
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
}

void TestMainWindow::cleanup()
{
    m_window.reset();
    m_services.reset();
    m_dir.reset();
}

void TestMainWindow::opensOnTodayWithTeachingEmptyState()
{
    QCOMPARE(m_window->windowTitle(), QStringLiteral("Fermata"));
    QCOMPARE(m_window->currentViewName(), QStringLiteral("todayView"));
    EmptyState *empty = m_window->todayView()->emptyState();
    QVERIFY(empty->isVisible());
    QVERIFY(empty->text().contains(QStringLiteral("Ctrl+N")));
    QCOMPARE(m_window->topBar()->date(), QDate(2024, 5, 13));
}

void TestMainWindow::shortcutsSwitchViews()
{
    for (int i = viewNames.size() - 1; i >= 0; --i) {
        QTest::keyClick(m_window.get(), Qt::Key(Qt::Key_1 + i), Qt::ControlModifier);
        QCOMPARE(m_window->currentViewName(), viewNames.at(i));
    }
    QTest::keyClick(m_window.get(), Qt::Key_N, Qt::ControlModifier);
    QCOMPARE(m_window->currentViewName(), QStringLiteral("tasksView"));
    QTRY_VERIFY(quickAdd()->hasFocus());
}

void TestMainWindow::navigationClicksSwitchViews()
{
    auto *navigation = m_window->findChild<NavigationList *>(QStringLiteral("navigation"));
    QVERIFY(navigation);
    QCOMPARE(navigation->count(), int(viewNames.size()));
    QVERIFY(navigation->item(2)->toolTip().contains(QStringLiteral("Ctrl+3")));
    for (int i = viewNames.size() - 1; i >= 0; --i) {
        const QPoint centre = navigation->visualItemRect(navigation->item(i)).center();
        QTest::mouseClick(navigation->viewport(), Qt::LeftButton, {}, centre);
        QCOMPARE(m_window->currentViewName(), viewNames.at(i));
    }
}

void TestMainWindow::quickAddPersists()
{
    QTest::keyClick(m_window.get(), Qt::Key_N, Qt::ControlModifier);
    QTest::keyClicks(quickAdd(), QStringLiteral("Write report"));
    QTest::keyClick(quickAdd(), Qt::Key_Return);
    QCOMPARE(m_window->tasksView()->table()->model()->rowCount(), 1);
    QVERIFY(quickAdd()->text().isEmpty());
    QVERIFY(m_window->messageBar()->isHidden());

    // Close everything, reopen the file: the task is stored.
    m_window.reset();
    m_services.reset();
    auto database = UiServices::openOrDie(m_dir->databasePath());
    TaskRepository repository(*database);
    const auto stored = repository.all();
    QVERIFY(stored);
    QCOMPARE(stored->size(), 1);
    QCOMPARE(stored->constFirst().title, QStringLiteral("Write report"));
}

void TestMainWindow::serviceErrorsShowInTheMessageBar()
{
    m_window->showView(MainWindow::View::Tasks);
    quickAdd()->setFocus();
    QTest::keyClick(quickAdd(), Qt::Key_Return); // an empty title is rejected by the service
    MessageBar *bar = m_window->messageBar();
    QVERIFY(bar->isVisible());
    QCOMPARE(bar->kind(), MessageBar::Kind::Error);
    QVERIFY(!bar->text().isEmpty());
    QCOMPARE(m_services->tasks.tasks().size(), 0);

    auto *dismiss = bar->findChild<QToolButton *>();
    QVERIFY(dismiss);
    QTest::mouseClick(dismiss, Qt::LeftButton);
    QVERIFY(bar->isHidden());
}

void TestMainWindow::statusChipShowsTheDay()
{
    StatusChip *chip = m_window->topBar()->statusChip();
    QCOMPARE(chip->text(), QStringLiteral("Working until 17:00"));
    QVERIFY(chip->isVisible());
    m_services->clock.setNow(test::utc(2024, 5, 13, 18));
    WorkingHours hours = WorkingHours::defaults(QByteArrayLiteral("UTC"));
    m_services->preferences.setWorkingHours(hours); // any change refreshes the chip
    QCOMPARE(chip->text(), QStringLiteral("Starts 09:00 tomorrow"));
}

void TestMainWindow::detailsPanelSavesEdits()
{
    Task task;
    task.title = QStringLiteral("Draft");
    const auto added = m_services->tasks.add(task);
    QVERIFY(added);
    m_window->showView(MainWindow::View::Tasks);
    m_window->tasksView()->selectTask(added->id);
    TaskDetailsPanel *details = m_window->detailsPanel();
    QCOMPARE(details->taskId(), added->id);
    QCOMPARE(details->titleEdit()->text(), QStringLiteral("Draft"));

    details->titleEdit()->clear();
    QTest::keyClicks(details->titleEdit(), QStringLiteral("Final"));
    QVERIFY(details->applyButton()->isEnabled());
    QTest::mouseClick(details->applyButton(), Qt::LeftButton);
    QCOMPARE(m_services->tasks.task(added->id)->title, QStringLiteral("Final"));
    QVERIFY(details->errorText().isEmpty());

    details->titleEdit()->clear();
    QTest::keyClicks(details->titleEdit(), QStringLiteral(" "));
    QTest::mouseClick(details->applyButton(), Qt::LeftButton);
    QVERIFY(!details->errorText().isEmpty());
    QCOMPARE(m_services->tasks.task(added->id)->title, QStringLiteral("Final"));
}

void TestMainWindow::deleteKeyRemovesTheSelectedTask()
{
    Task task;
    task.title = QStringLiteral("Obsolete");
    const auto added = m_services->tasks.add(task);
    QVERIFY(added);
    m_window->showView(MainWindow::View::Tasks);
    QTableView *table = m_window->tasksView()->table();
    m_window->tasksView()->selectTask(added->id);
    table->setFocus();
    QTRY_VERIFY(table->hasFocus());
    QTest::keyClick(table, Qt::Key_Delete);
    QCOMPARE(m_services->tasks.tasks().size(), 0);
    QCOMPARE(table->model()->rowCount(), 0);
    QVERIFY(m_window->messageBar()->text().contains(QStringLiteral("Obsolete")));
}

void TestMainWindow::planActionIsExposedAndEnabled()
{
    QAction *plan = m_window->planAction();
    QVERIFY(plan);
    QVERIFY(plan->isEnabled());
    QVERIFY(!m_window->undoAction()->isEnabled());
    QCOMPARE(plan->toolTip(), QStringLiteral("Plans the visible range"));
}

void TestMainWindow::opensAtInitialSizeAndRestoresGeometry()
{
    // A first run: 1200×760, or the whole available screen when that is smaller.
    const QSize available = m_window->screen()->availableGeometry().size();
    const QSize expected = QSize(1200, 760).boundedTo(available);
    QCOMPARE(m_window->initialSize(), expected);
    QCOMPARE(m_window->size(), expected.expandedTo(m_window->minimumSizeHint()));

    // Another size, remembered in the profile's settings file across runs.
    const QSize changed = (expected - QSize(60, 40)).expandedTo(m_window->minimumSizeHint());
    QVERIFY(changed != m_window->size());
    m_window->resize(changed);
    QTRY_COMPARE(m_window->size(), changed);
    m_window.reset();
    QSettings settings(m_services->preferences.fileName(), QSettings::IniFormat);
    QVERIFY(!settings.value(QStringLiteral("window/geometry")).toByteArray().isEmpty());
    openWindow();
    QCOMPARE(m_window->size(), changed);
}

void TestMainWindow::detailsPanelShowsOnlyWithATask()
{
    TaskDetailsPanel *details = m_window->detailsPanel();
    QVERIFY(details->isHidden()); // no empty panel taking room at start
    Task task;
    task.title = QStringLiteral("Draft");
    const auto added = m_services->tasks.add(task);
    QVERIFY(added);
    m_window->showView(MainWindow::View::Tasks);
    m_window->tasksView()->selectTask(added->id);
    QVERIFY(details->isVisible());
    QVERIFY(details->width() >= 250);
    auto *close = details->findChild<QToolButton *>(QStringLiteral("closeDetails"));
    QVERIFY(close);
    QTest::mouseClick(close, Qt::LeftButton);
    QVERIFY(details->isHidden());
    QCOMPARE(details->taskId(), 0);
}

// The first drag from "Open tasks" used to miss: the press opened the details panel, which
// squeezed the day under the cursor. Details now open on release; the press moves nothing.
void TestMainWindow::pressingAnOpenTaskKeepsTheLayoutStill()
{
    TaskDetailsPanel *details = m_window->detailsPanel();
    Task task;
    task.title = QStringLiteral("Write report");
    QVERIFY(m_services->tasks.add(task));
    m_window->showView(MainWindow::View::Today);
    auto *list = m_window->findChild<QListView *>(QStringLiteral("openTasks"));
    QVERIFY(list);
    QTRY_COMPARE(list->model()->rowCount(), 1);
    auto *timeline = m_window->findChild<QWidget *>(QStringLiteral("timelineScroll"));
    QVERIFY(timeline);
    const QPoint row = list->visualRect(list->model()->index(0, list->modelColumn())).center();
    const QRect timelineBefore(timeline->mapTo(m_window.get(), QPoint()), timeline->size());
    const QRect listBefore(list->mapTo(m_window.get(), QPoint()), list->size());

    QTest::mousePress(list->viewport(), Qt::LeftButton, {}, row);
    QCoreApplication::processEvents();
    QVERIFY(details->isHidden());
    QCOMPARE(QRect(timeline->mapTo(m_window.get(), QPoint()), timeline->size()), timelineBefore);
    QCOMPARE(QRect(list->mapTo(m_window.get(), QPoint()), list->size()), listBefore);

    QTest::mouseRelease(list->viewport(), Qt::LeftButton, {}, row);
    QTRY_VERIFY(details->isVisible());
    QCOMPARE(details->titleEdit()->text(), QStringLiteral("Write report"));
}

// Today's "Open tasks": open ones only, most important first, following edits made anywhere.
void TestMainWindow::openTasksFollowDoneAndPriority()
{
    auto add = [this](const char *title, Priority priority) {
        Task task;
        task.title = QString::fromLatin1(title);
        task.priority = priority;
        const auto added = m_services->tasks.add(task);
        return added ? *added : Task{};
    };
    const Task low = add("Tidy notes", Priority::P4);
    const Task urgent = add("Fix the build", Priority::P1);
    Task finished = add("Old report", Priority::P2);
    finished.done = true;
    QVERIFY(m_services->tasks.update(finished));
    m_window->showView(MainWindow::View::Today);
    auto *list = m_window->findChild<QListView *>(QStringLiteral("openTasks"));
    QVERIFY(list);
    auto titles = [list] {
        QStringList shown;
        for (int row = 0; row < list->model()->rowCount(); ++row)
            shown.append(list->model()->index(row, list->modelColumn()).data().toString());
        return shown;
    };
    QCOMPARE(titles(), (QStringList{QStringLiteral("Fix the build"), QStringLiteral("Tidy notes")}));

    Task raised = low;
    raised.priority = Priority::P1;
    raised.title = QStringLiteral("Tidy notes now");
    QVERIFY(m_services->tasks.update(raised));
    QCOMPARE(titles().size(), 2);
    QVERIFY(titles().contains(QStringLiteral("Tidy notes now")));
    QVERIFY(m_services->tasks.setDone(urgent.id, true));
    QCOMPARE(titles(), QStringList{QStringLiteral("Tidy notes now")});
    QVERIFY(m_services->tasks.setDone(finished.id, false));
    QCOMPARE(titles(), (QStringList{QStringLiteral("Tidy notes now"), QStringLiteral("Old report")}));
}

void TestMainWindow::statusChipIsNeverElided()
{
    StatusChip *chip = m_window->topBar()->statusChip();
    chip->setText(QStringLiteral("Starts 09:00 tomorrow"));
    QTRY_VERIFY(chip->width() >= chip->sizeHint().width());
    QCOMPARE(chip->minimumSizeHint(), chip->sizeHint());
    const QFontMetricsF metrics(chip->font());
    QVERIFY(chip->sizeHint().width() > metrics.horizontalAdvance(chip->text()) + 2 * 12);
}

// Offscreen has no system tray (QSystemTrayIcon::isSystemTrayAvailable() is false here), so these
// tests attach a TrayIcon as the app does where the desktop has one: a stand-in for the desktop
// shell. Its QSystemTrayIcon stays inert; the window, the app's quit and the notice are real.
TrayIcon *TestMainWindow::attachTray()
{
    auto *tray = new TrayIcon;
    m_window->attachTray(tray);
    return tray;
}

void TestMainWindow::closingWithATrayHidesAndKeepsRunning()
{
    QPointer<TrayIcon> tray = attachTray();
    QSignalSpy notices(tray.data(), &TrayIcon::noticeShown);

    const LoopRun closed = runInEventLoop([this] { m_window->close(); }, Then::ExitAfterStep);
    QVERIFY2(!closed.quitRequested, "closing the window asked the app to quit: the engine would stop");
    QCOMPARE(closed.exitCode, int(StepDone));
    QVERIFY(m_window->isHidden());
    QVERIFY(tray);
    QVERIFY(tray->findChild<QSystemTrayIcon *>()->isVisible());
    // The first time, one notice says Fermata keeps running and how to quit.
    QCOMPARE(notices.count(), 1);
    QCOMPARE(notices.at(0).at(0).toString(), QStringLiteral("Fermata is still running"));
    QVERIFY(notices.at(0).at(1).toString().contains(QStringLiteral("Quit")));
    // Ctrl+Q needs the window: the notice says where each way to quit works.
    QVERIFY(notices.at(0).at(1).toString().contains(QStringLiteral("Ctrl+Q in the window")));

    // The tray brings the window back; closing it again says nothing more.
    tray->menu()->findChild<QAction *>(QStringLiteral("trayShowAction"))->trigger();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    const LoopRun again = runInEventLoop([this] { m_window->close(); }, Then::ExitAfterStep);
    QVERIFY(!again.quitRequested);
    QVERIFY(m_window->isHidden());
    QCOMPARE(notices.count(), 1);

    // Remembered in the profile's settings: a later run does not repeat it either.
    m_window.reset();
    openWindow();
    tray = attachTray();
    QSignalSpy laterNotices(tray.data(), &TrayIcon::noticeShown);
    const LoopRun later = runInEventLoop([this] { m_window->close(); }, Then::ExitAfterStep);
    QVERIFY(!later.quitRequested);
    QCOMPARE(laterNotices.count(), 0);
}

void TestMainWindow::closingWithoutATrayQuits()
{
    // No tray (what offscreen reports): nothing could bring a hidden window back, so close quits.
    QVERIFY(!m_window->trayIcon());
    const LoopRun run = runInEventLoop([this] { m_window->close(); }, Then::ExitAfterStep);
    QVERIFY(run.quitRequested);
}

void TestMainWindow::quitActionsEndTheApp_data()
{
    QTest::addColumn<bool>("fromTray");
    QTest::newRow("File > Quit") << false;
    QTest::newRow("tray menu Quit") << true;
}

void TestMainWindow::quitActionsEndTheApp()
{
    QFETCH(bool, fromTray);
    TrayIcon *tray = attachTray();
    QSignalSpy notices(tray, &TrayIcon::noticeShown);
    QAction *quit = fromTray ? tray->menu()->findChild<QAction *>(QStringLiteral("trayQuitAction"))
                             : m_window->findChild<QAction *>(QStringLiteral("quitAction"));
    QVERIFY(quit);
    if (!fromTray)
        QCOMPARE(quit->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_Q));
    QSignalSpy aboutToQuit(qApp, &QCoreApplication::aboutToQuit);

    // With the window open: Quit closes it on the way out, and that close must not turn into a
    // hide that keeps the app alive (the loop would then run until the guard).
    const LoopRun run = runInEventLoop([quit] { quit->trigger(); }, Then::WaitForQuit);
    QVERIFY(run.quitRequested);
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(aboutToQuit.count(), 1);
    QVERIFY(m_window->isHidden());
    // Quitting is not "still running": nothing the close left queued may say so on the way out.
    QCoreApplication::processEvents();
    QCOMPARE(notices.count(), 0);
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
