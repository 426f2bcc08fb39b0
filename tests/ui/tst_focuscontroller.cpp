#include "attentionstatus.h"
#include "attentiontestfixture.h"
#include "dialogs/focusendprompt.h"
#include "dialogs/focusstartdialog.h"
#include "focuscontroller.h"
#include "trayicon.h"

#include <QAction>
#include <QApplication>
#include <QMenu>
#include <QComboBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>
#include <QTimer>

using namespace fermata;
using test::AttentionUiServices;
using test::utc;

namespace {

// Fills in the "Focus for 50 min…" dialog once it shows, and starts.
void answerStartDialog(int minutes, QString *taskShown)
{
    QTimer::singleShot(0, qApp, [minutes, taskShown] {
        auto *dialog = qobject_cast<FocusStartDialog *>(QApplication::activeModalWidget());
        if (!dialog) {
            answerStartDialog(minutes, taskShown);
            return;
        }
        *taskShown = dialog->taskBox()->currentText();
        dialog->minutesBox()->setValue(minutes);
        dialog->accept();
    });
}

qint64 addTask(test::UiServices &s, const QString &title)
{
    Task task;
    task.title = title;
    return s.tasks.add(task).value().id;
}

} // namespace

// Focus mode in the UI over the real FocusSession and AttentionService (fake clock; the
// session's wall-clock timer runs in 5 ms slices): start by hand with a length and the selected
// task, the countdown, the end prompt's three answers, and a planned block starting a session.
class TestFocusController : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { test::pinEnvironment(); }

    void startsByHandWithLengthAndSelectedTask()
    {
        test::TempDataDir dir;
        AttentionUiServices s(dir, utc(2026, 3, 2, 10, 0));
        const qint64 report = addTask(s, QStringLiteral("Write report"));
        QWidget window;
        FocusController focus(s.context, &window);
        QSignalSpy info(&focus, &FocusController::infoMessage);
        QSignalSpy countdown(&focus, &FocusController::countdownChanged);
        QCOMPARE(focus.startAction()->text(), QStringLiteral("&Focus for 50 min…"));
        QVERIFY(focus.startAction()->isEnabled());
        QVERIFY(!focus.stopAction()->isEnabled());

        focus.setSelectedTask(report);
        QString taskShown;
        answerStartDialog(30, &taskShown);
        focus.startAction()->trigger();
        QCOMPARE(taskShown, QStringLiteral("Write report")); // the selected task is offered first
        QVERIFY(s.focus.isActive());
        QCOMPARE(s.focus.current()->taskId, report);
        QCOMPARE(s.focus.endsAt(), utc(2026, 3, 2, 10, 30));
        QVERIFY(s.attention.isHoldingDesktop()); // everything held
        QCOMPARE(focus.countdownText(), QStringLiteral("Focus · 30 min left"));
        QVERIFY(!countdown.isEmpty());
        QVERIFY(!focus.startAction()->isEnabled());
        QVERIFY(focus.stopAction()->isEnabled());
        QCOMPARE(info.size(), 1);
        QCOMPARE(info.at(0).at(0).toString(),
                 QStringLiteral("Focus on “Write report” until 10:30: notifications wait until then."));

        focus.stopAction()->trigger();
        QVERIFY(!s.focus.isActive());
        QCOMPARE(focus.countdownText(), QString());
    }

    void endPromptExtendsThenFinishes()
    {
        test::TempDataDir dir;
        AttentionUiServices s(dir, utc(2026, 3, 2, 10, 0));
        QWidget window;
        FocusController focus(s.context, &window);
        QSignalSpy finished(&s.focus, &FocusSession::finished);
        focus.start(50, 0);
        s.notify(QStringLiteral("Mail"), QStringLiteral("Invoice"));

        s.clock.setNow(utc(2026, 3, 2, 10, 50));
        QTRY_VERIFY(focus.prompt() && focus.prompt()->isVisible());
        QCOMPARE(focus.prompt()->message(), QStringLiteral("Your focus session has reached its planned end. "
                                                           "1 notification is waiting for your next check-in."));
        QCOMPARE(focus.countdownText(), QStringLiteral("Focus · time is up"));
        QCOMPARE(AttentionStatus(s.context).text(QString()), QStringLiteral("Focus time is up · 1 held"));
        focus.prompt()->moreButton()->click(); // "15 more minutes"
        QVERIFY(!focus.prompt()->isVisible());
        QCOMPARE(s.focus.endsAt(), utc(2026, 3, 2, 11, 5));
        QVERIFY(s.focus.isActive());

        s.clock.setNow(utc(2026, 3, 2, 11, 5));
        QTRY_VERIFY(focus.prompt()->isVisible());
        focus.prompt()->doneButton()->click();
        QVERIFY(!s.focus.isActive());
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.at(0).at(1).value<FocusSession::Outcome>(), FocusSession::Outcome::Done);
    }

    void stopFromThePromptRecordsStopped()
    {
        test::TempDataDir dir;
        AttentionUiServices s(dir, utc(2026, 3, 2, 10, 0));
        QWidget window;
        FocusController focus(s.context, &window);
        QSignalSpy finished(&s.focus, &FocusSession::finished);
        focus.start(25, 0);
        s.clock.setNow(utc(2026, 3, 2, 10, 25));
        QTRY_VERIFY(focus.prompt() && focus.prompt()->isVisible());
        focus.prompt()->stopButton()->click();
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.at(0).at(1).value<FocusSession::Outcome>(), FocusSession::Outcome::Stopped);
    }

    void aPlannedBlockStartingShowsFocusMode()
    {
        test::TempDataDir dir;
        AttentionUiServices s(dir, utc(2026, 3, 2, 10, 59));
        const qint64 review = addTask(s, QStringLiteral("Review"));
        FocusBlock block;
        block.taskId = review;
        block.start = utc(2026, 3, 2, 11, 0);
        block.end = utc(2026, 3, 2, 11, 45);
        QWidget window;
        FocusController focus(s.context, &window);
        QSignalSpy info(&focus, &FocusController::infoMessage);
        s.focus.setPlannedBlocks([block](const Interval &range) {
            return block.interval().overlaps(range) ? QList<FocusBlock>{block} : QList<FocusBlock>{};
        });
        s.clock.setNow(utc(2026, 3, 2, 11, 0));
        QTRY_VERIFY(s.focus.isActive());
        QCOMPARE(info.size(), 1);
        QCOMPARE(info.at(0).at(0).toString(),
                 QStringLiteral("Focus on “Review” until 11:45: notifications wait until then."));
        QCOMPARE(focus.countdownText(), QStringLiteral("Focus · 45 min left"));
        QVERIFY(focus.stopAction()->isEnabled());
    }

    // The window is built first and the engine restores a session left by a killed run after
    // the first paint: it shows, holds and stops like any other.
    void aSessionRestoredAfterTheWindowOpenedCanBeStopped()
    {
        test::TempDataDir dir;
        AttentionUiServices s(dir, utc(2026, 3, 2, 10, 0));
        QVERIFY(s.attention.repository().startFocusSession(
            {0, 0, utc(2026, 3, 2, 9, 30), utc(2026, 3, 2, 10, 20), {}, {}})); // the killed run's
        QWidget window;
        FocusController focus(s.context, &window);
        QVERIFY(!focus.stopAction()->isEnabled());
        QVERIFY(s.focus.restore());
        QVERIFY(focus.stopAction()->isEnabled());
        QVERIFY(!focus.startAction()->isEnabled());
        QCOMPARE(focus.countdownText(), QStringLiteral("Focus · 20 min left"));
        QVERIFY(s.attention.isHoldingDesktop());
        QCOMPARE(AttentionStatus(s.context).text(QString()), QStringLiteral("Focus until 10:20"));

        focus.stopAction()->trigger();
        QVERIFY(!s.focus.isActive());
        QVERIFY(!s.attention.isHoldingDesktop()); // DND lifted
        QVERIFY(focus.startAction()->isEnabled());
    }

    void aSessionRestoredPastItsEndAsksAtOnce()
    {
        test::TempDataDir dir;
        AttentionUiServices s(dir, utc(2026, 3, 2, 10, 30));
        QVERIFY(s.attention.repository().startFocusSession(
            {0, 0, utc(2026, 3, 2, 9, 30), utc(2026, 3, 2, 10, 20), {}, {}}));
        QWidget window;
        FocusController focus(s.context, &window);
        QVERIFY(s.focus.restore());
        QTRY_VERIFY(focus.prompt() && focus.prompt()->isVisible()); // the window answers, not the engine
        QVERIFY(s.focus.isOverdue());
        focus.prompt()->doneButton()->click();
        QVERIFY(!s.focus.isActive());
    }

    void trayShowsTheActionsAndTheCountdown()
    {
        test::TempDataDir dir;
        AttentionUiServices s(dir, utc(2026, 3, 2, 10, 0));
        QWidget window;
        FocusController focus(s.context, &window);
        TrayIcon tray; // a stand-in tray is enough: the menu and tooltip are what is checked
        tray.addFocusActions({focus.startAction(), focus.stopAction()});
        connect(&focus, &FocusController::countdownChanged, &tray, &TrayIcon::setCountdownText);
        tray.setStatusText(QStringLiteral("Next check-in 13:00"));
        QVERIFY(tray.menu()->actions().contains(focus.startAction()));
        QVERIFY(tray.menu()->actions().contains(focus.stopAction()));
        QCOMPARE(tray.statusText(), QStringLiteral("Fermata — Next check-in 13:00"));

        focus.start(50, 0);
        tray.setStatusText(QStringLiteral("Focus until 10:50"));
        QCOMPARE(tray.statusText(), QStringLiteral("Fermata — Focus until 10:50\nFocus · 50 min left"));
        QCOMPARE(tray.menu()->actions().constFirst()->text(), QStringLiteral("Focus · 50 min left"));
        QVERIFY(tray.menu()->actions().constFirst()->isVisible());
        focus.stopAction()->trigger();
        QVERIFY(!tray.menu()->actions().constFirst()->isVisible());
    }
};

QTEST_MAIN(TestFocusController)
#include "tst_focuscontroller.moc"
