// The README's screenshots, taken from the real window on real services (a fake clock keeps
// them the same from run to run): Today with an all-day event and a plan, Week, the Inbox
// with its reading pane, and the first-run welcome. Each scene is checked; the images are
// written only when FERMATA_README_SHOTS names a folder:
//   FERMATA_README_SHOTS=$PWD/packaging/screenshots tests/run-tests.sh build/dev -R readmescreenshots
#include "planwait.h"
#include "attentiontestfixture.h"
#include "mainwindow.h"
#include "planning/planningservice.h"
#include "views/inboxview.h"
#include "views/welcomepanel.h"
#include "widgets/messagebar.h"

#include <QAction>
#include <QDir>
#include <QTest>
#include <QTreeView>

using namespace fermata;
using test::AttentionUiServices;
using test::utc;

namespace {

// Thursday 10 December 2026, 08:30.
const QDateTime s_now = utc(2026, 12, 10, 8, 30);

void save(QWidget &window, const QString &name)
{
    QTest::qWait(100); // let queued layout and repaint settle
    const QImage image = window.grab().toImage();
    QVERIFY(!image.isNull());
    if (qEnvironmentVariableIsSet("FERMATA_README_SHOTS"))
        QVERIFY(image.save(QDir(qEnvironmentVariable("FERMATA_README_SHOTS")).filePath(name)));
}

void addEvent(AttentionUiServices &s, const QString &title, const QDateTime &start, int minutes, bool allDay = false,
              bool busy = true)
{
    CalendarEvent event;
    event.source = QStringLiteral("work.ics");
    event.title = title;
    event.start = start;
    event.end = allDay ? start.addDays(1) : start.addSecs(minutes * 60);
    event.allDay = allDay;
    event.busy = busy;
    QVERIFY(s.calendar.addEvent(event).isOk());
}

void addTask(AttentionUiServices &s, const QString &title, int minutes, Priority priority, const QDateTime &due)
{
    Task task;
    task.title = title;
    task.estimateMinutes = task.remainingMinutes = minutes;
    task.priority = priority;
    task.deadline = due;
    QVERIFY(s.tasks.add(task).isOk());
}

void notify(AttentionUiServices &s, const QString &source, const QString &sender, const QString &title,
            const QString &body)
{
    InboxItem item;
    item.notification.source = source;
    item.notification.sender = sender;
    item.notification.title = title;
    item.notification.body = body;
    QVERIFY(s.attention.ingest({item}).isOk());
}

} // namespace

class TestReadmeScreenshots : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { test::pinEnvironment(); }

    void todayWeekAndInbox()
    {
        test::TempDataDir dir;
        AttentionUiServices s(dir, s_now);
        addEvent(s, QStringLiteral("Release day"), QDateTime(s_now.date(), QTime(0, 0), Qt::UTC), 0, true, false);
        addEvent(s, QStringLiteral("Company offsite"), QDateTime(s_now.date().addDays(1), QTime(0, 0), Qt::UTC), 0, true);
        addEvent(s, QStringLiteral("Standup"), utc(2026, 12, 10, 9, 30), 15);
        addEvent(s, QStringLiteral("1:1 with Sam"), utc(2026, 12, 10, 11, 30), 30);
        addEvent(s, QStringLiteral("Design review"), utc(2026, 12, 10, 14, 30), 60);
        addEvent(s, QStringLiteral("Standup"), utc(2026, 12, 14, 9, 30), 15);
        addTask(s, QStringLiteral("Write the Q1 planning memo"), 180, Priority::P1, utc(2026, 12, 11, 17, 0));
        addTask(s, QStringLiteral("Review the API migration"), 120, Priority::P2, utc(2026, 12, 14, 17, 0));
        addTask(s, QStringLiteral("Prepare workshop slides"), 150, Priority::P3, QDateTime());

        MainWindow window(s.context);
        window.resize(1200, 760);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(test::planAndWait(window));
        QVERIFY(!s.planning.blocks(Interval::fromDateTimes(s_now, s_now.addDays(1)))->isEmpty());
        save(window, QStringLiteral("main-window.png"));

        window.showView(MainWindow::View::Week);
        QVERIFY(test::planAndWait(window));
        QVERIFY(s.planning.blocks(Interval::fromDateTimes(utc(2026, 12, 11, 0, 0), utc(2026, 12, 12, 0, 0)))->isEmpty());
        save(window, QStringLiteral("week.png"));

        notify(s, QStringLiteral("Slack"), QStringLiteral("Priya"), QStringLiteral("Standup moved to 10:30"),
               QStringLiteral("Heads up: tomorrow's standup moves to 10:30 because of the offsite prep."));
        notify(s, QStringLiteral("Slack"), QStringLiteral("Priya"), QStringLiteral("Lunch on Friday?"),
               QStringLiteral("Thinking of the noodle place. In?"));
        notify(s, QStringLiteral("GitHub"), QStringLiteral("ci"), QStringLiteral("Nightly build passed"),
               QStringLiteral("All 412 checks passed on main."));
        notify(s, QStringLiteral("Mail"), QStringLiteral("accounts@acme.example"), QStringLiteral("Invoice March"),
               QStringLiteral("Your invoice for March is attached."));
        s.moveTo(utc(2026, 12, 10, 9, 5)); // the 09:00 check-in: the digest is released
        window.showView(MainWindow::View::Inbox);
        window.messageBar()->hide(); // the Plan message was for the Week
        auto *tree = window.inboxView()->findChild<QTreeView *>();
        QVERIFY(tree);
        QTRY_VERIFY(tree->model()->rowCount() > 0);
        const QModelIndex first = tree->model()->index(0, 0, tree->model()->index(0, 0));
        QVERIFY(first.isValid());
        tree->setCurrentIndex(first);
        save(window, QStringLiteral("inbox.png"));
    }

    void welcome()
    {
        test::TempDataDir dir;
        test::UiServices s(dir, s_now, test::UiServices::Welcome::FirstRun);
        MainWindow window(s.context);
        window.resize(1200, 760);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.welcomePanel()->isVisible());
        save(window, QStringLiteral("welcome.png"));
    }
};

QTEST_MAIN(TestReadmeScreenshots)
#include "tst_readmescreenshots.moc"
