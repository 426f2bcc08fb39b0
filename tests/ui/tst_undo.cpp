#include "planwait.h"
#include "mainwindow.h"
#include "uitestfixture.h"
#include "undo/undohistory.h"
#include "views/taskdetailspanel.h"
#include "views/tasksview.h"
#include "views/todayview.h"
#include "widgets/daytimeline.h"
#include "widgets/messagebar.h"

#include <QAction>
#include <QLineEdit>
#include <QPushButton>
#include <QToolButton>
#include <QTest>

#include <memory>

using namespace fermata;
using test::UiServices;
using test::utc;

// Edit > Undo undoes the last change, not always the plan; Redo redoes; names the action.
class TestUndo : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { test::pinEnvironment(); }
    void init();
    void cleanup();
    void undoResizeKeepsThePlanAndRedoRedoes();
    void deletedTaskComesBackWithItsBlocks();
    void undoOfAChangeGoneElsewhereFailsInWords();
    void quickAddIsUndoneAndRedone();
    void detailsPanelEditIsUndone();
    void decliningAReplanIsUndone();

private:
    qint64 addTask(const QString &title, int minutes);
    QList<FocusBlock> stored() const;
    QString undoText() const { return m_window->undoAction()->text().remove(QLatin1Char('&')); }

    std::unique_ptr<test::TempDataDir> m_dir;
    std::unique_ptr<UiServices> m_services;
    std::unique_ptr<MainWindow> m_window;
};

void TestUndo::init()
{
    m_dir = std::make_unique<test::TempDataDir>();
    QVERIFY(m_dir->isValid());
    m_services = std::make_unique<UiServices>(*m_dir, utc(2024, 5, 13, 8, 30)); // a Monday morning
    m_services->preferences.setWorkingHours(WorkingHours::defaults(QByteArrayLiteral("UTC")));
    m_window = std::make_unique<MainWindow>(m_services->context);
    m_window->resize(1200, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestUndo::cleanup()
{
    m_window.reset();
    m_services.reset();
    m_dir.reset();
}

qint64 TestUndo::addTask(const QString &title, int minutes)
{
    Task task;
    task.title = title;
    task.estimateMinutes = task.remainingMinutes = minutes;
    task.priority = Priority::P1;
    task.deadline = utc(2024, 5, 13, 17);
    task.minChunkMinutes = 60;
    task.maxChunkMinutes = 120;
    const auto added = m_services->tasks.add(task);
    return added ? added->id : -1;
}

QList<FocusBlock> TestUndo::stored() const
{
    const auto all = m_services->blockRepository.all();
    return all ? *all : QList<FocusBlock>{};
}

void TestUndo::undoResizeKeepsThePlanAndRedoRedoes()
{
    addTask(QStringLiteral("Write report"), 180);
    QVERIFY(test::planAndWait(*m_window));
    const QList<FocusBlock> planned = stored();
    QVERIFY(planned.size() > 1);
    QCOMPARE(undoText(), QStringLiteral("Undo Plan"));

    const FocusBlock block = planned.first();
    Q_EMIT m_window->todayView()->timeline()->blockResized(block.id, block.start, block.end.addSecs(30 * 60));
    QCOMPARE(undoText(), QStringLiteral("Undo Resize “Write report”"));

    QTest::keyClick(m_window.get(), Qt::Key_Z, Qt::ControlModifier);
    // Only the resize is undone: the plan's blocks stay, the block is as planned and unpinned.
    const QList<FocusBlock> after = stored();
    QCOMPARE(after.size(), planned.size());
    QCOMPARE(after.first().end, block.end);
    QVERIFY(!after.first().pinned);
    QCOMPARE(undoText(), QStringLiteral("Undo Plan"));
    QCOMPARE(m_window->redoAction()->text().remove(QLatin1Char('&')), QStringLiteral("Redo Resize “Write report”"));

    QTest::keyClick(m_window.get(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(stored().first().end, block.end.addSecs(30 * 60));
    QVERIFY(stored().first().pinned);

    // Undo twice: the resize, then the plan; redo twice brings both back.
    m_window->undoAction()->trigger();
    m_window->undoAction()->trigger();
    QVERIFY(stored().isEmpty());
    QVERIFY(!m_window->undoAction()->isEnabled());
    m_window->redoAction()->trigger();
    QCOMPARE(stored().size(), planned.size());
    m_window->redoAction()->trigger();
    QCOMPARE(stored().first().end, block.end.addSecs(30 * 60));
}

void TestUndo::deletedTaskComesBackWithItsBlocks()
{
    const qint64 id = addTask(QStringLiteral("Write report"), 180);
    QVERIFY(test::planAndWait(*m_window));
    const qsizetype blocks = stored().size();
    QVERIFY(blocks > 0);
    m_window->showView(MainWindow::View::Tasks);
    m_window->tasksView()->selectTask(id);
    m_window->tasksView()->deleteAction()->trigger();
    QVERIFY(m_services->tasks.tasks().isEmpty());
    QVERIFY(stored().isEmpty());
    QCOMPARE(undoText(), QStringLiteral("Undo Delete “Write report”"));

    QTest::keyClick(m_window.get(), Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(m_services->tasks.tasks().size(), 1);
    QCOMPARE(m_services->tasks.tasks().first().title, QStringLiteral("Write report"));
    QCOMPARE(stored().size(), blocks);
    // Undoing further reaches the plan, which now belongs to the restored task.
    QCOMPARE(undoText(), QStringLiteral("Undo Plan"));
    m_window->redoAction()->trigger();
    QVERIFY(m_services->tasks.tasks().isEmpty());
}

void TestUndo::undoOfAChangeGoneElsewhereFailsInWords()
{
    addTask(QStringLiteral("Write report"), 180);
    QVERIFY(test::planAndWait(*m_window));
    const FocusBlock block = stored().first();
    Q_EMIT m_window->todayView()->timeline()->blockResized(block.id, block.start, block.end.addSecs(30 * 60));
    // Another process removes the block.
    QVERIFY(m_services->blockRepository.remove(block.id));
    m_window->undoAction()->trigger();
    QCOMPARE(m_window->messageBar()->kind(), MessageBar::Kind::Error);
    QVERIFY2(m_window->messageBar()->text().contains(QStringLiteral("Could not undo “Resize “Write report””")),
             qPrintable(m_window->messageBar()->text()));
    QTRY_VERIFY(!m_window->undoAction()->isEnabled());
    QVERIFY(!m_window->redoAction()->isEnabled());
}

// A task added by quick-add goes on the undo history like any other change.
void TestUndo::quickAddIsUndoneAndRedone()
{
    m_window->showView(MainWindow::View::Tasks);
    QLineEdit *line = m_window->tasksView()->quickAdd();
    line->setText(QStringLiteral("Call the printer people 30m p2"));
    QTest::keyClick(line, Qt::Key_Return);
    QCOMPARE(m_services->tasks.tasks().size(), 1);
    QCOMPARE(undoText(), QStringLiteral("Undo Add “Call the printer people”"));
    m_window->undoAction()->trigger();
    QVERIFY(m_services->tasks.tasks().isEmpty());
    m_window->redoAction()->trigger();
    QCOMPARE(m_services->tasks.tasks().size(), 1);
    QCOMPARE(m_services->tasks.tasks().constFirst().title, QStringLiteral("Call the printer people"));
}

// Apply in the details panel is an edit like any other: Ctrl+Z takes it back, and the panel
// shows the task as it is again.
void TestUndo::detailsPanelEditIsUndone()
{
    const qint64 id = addTask(QStringLiteral("Draft"), 60);
    m_window->showView(MainWindow::View::Tasks);
    m_window->tasksView()->selectTask(id);
    TaskDetailsPanel *details = m_window->detailsPanel();
    QCOMPARE(details->taskId(), id);
    details->titleEdit()->clear();
    QTest::keyClicks(details->titleEdit(), QStringLiteral("Final"));
    QTest::mouseClick(details->applyButton(), Qt::LeftButton);
    QCOMPARE(m_services->tasks.task(id)->title, QStringLiteral("Final"));
    QCOMPARE(undoText(), QStringLiteral("Undo Edit “Draft”"));

    m_window->undoAction()->trigger();
    QCOMPARE(m_services->tasks.task(id)->title, QStringLiteral("Draft"));
    QCOMPARE(details->titleEdit()->text(), QStringLiteral("Draft"));
    m_window->redoAction()->trigger();
    QCOMPARE(m_services->tasks.task(id)->title, QStringLiteral("Final"));
    QCOMPARE(details->titleEdit()->text(), QStringLiteral("Final"));
}

// Closing the Re-plan offer declines it; Ctrl+Z brings the offer back and it still works.
void TestUndo::decliningAReplanIsUndone()
{
    addTask(QStringLiteral("Write report"), 120);
    QVERIFY(test::planAndWait(*m_window));
    const QList<FocusBlock> planned = stored();
    QVERIFY(!planned.isEmpty());
    CalendarEvent meeting;
    meeting.title = QStringLiteral("Surprise review");
    meeting.start = planned.first().start;
    meeting.end = planned.first().end;
    QVERIFY(m_services->calendar.addEvent(meeting));
    MessageBar *bar = m_window->messageBar();
    QPushButton *action = bar->actionButton();
    QVERIFY(!action->isHidden());
    const QString offer = bar->text();

    auto *close = bar->findChild<QToolButton *>();
    QVERIFY(close);
    QTest::mouseClick(close, Qt::LeftButton);
    QVERIFY(bar->isHidden());
    QCOMPARE(undoText(), QStringLiteral("Undo Decline Re-plan"));
    QCOMPARE(stored(), planned); // declining changes nothing stored

    m_window->undoAction()->trigger();
    QVERIFY(bar->isVisible());
    QVERIFY(!action->isHidden());
    QCOMPARE(bar->text(), offer);
    QCOMPARE(undoText(), QStringLiteral("Undo Plan"));
    m_window->redoAction()->trigger();
    QVERIFY(bar->isHidden());

    m_window->undoAction()->trigger();
    QVERIFY(test::waitForPlan(*m_window, [action] { action->click(); }));
    for (const FocusBlock &b : stored())
        QVERIFY(!b.interval().overlaps(meeting.interval()));
}

QTEST_MAIN(TestUndo)
#include "tst_undo.moc"
