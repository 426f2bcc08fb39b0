#include "planwait.h"
#include "mainwindow.h"
#include "uitestfixture.h"
#include "views/taskdetailspanel.h"
#include "views/tasksview.h"
#include "views/todayview.h"
#include "views/weekview.h"
#include "widgets/daytimeline.h"
#include "widgets/entrytext.h"

#include <QAbstractScrollArea>
#include <QDir>
#include <QListView>
#include <QScrollBar>
#include <QTableView>
#include <QTest>

#include <memory>

using namespace fermata;
using test::UiServices;
using test::utc;

// The window at 1024×640: Week's days equally wide with titles on two lines and whole on
// hover, the details panel only for the view that selected something, no sideways scrolling.
class TestLayout1024 : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { test::pinEnvironment(); }
    void init();
    void cleanup();
    void weekColumnsAreEqual();
    void longTitlesWrapAndShowWhole();
    void detailsCloseWhenTheViewChanges();
    void noViewScrollsSideways();

private:
    qint64 addTask(const QString &title, int minutes);
    void shoot(const QString &name);

    std::unique_ptr<test::TempDataDir> m_dir;
    std::unique_ptr<UiServices> m_services;
    std::unique_ptr<MainWindow> m_window;
};

void TestLayout1024::init()
{
    m_dir = std::make_unique<test::TempDataDir>();
    QVERIFY(m_dir->isValid());
    m_services = std::make_unique<UiServices>(*m_dir, utc(2024, 5, 13, 8, 30)); // a Monday morning
    m_services->preferences.setWorkingHours(WorkingHours::defaults(QByteArrayLiteral("UTC")));
    m_window = std::make_unique<MainWindow>(m_services->context);
    m_window->resize(1024, 640);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestLayout1024::cleanup()
{
    m_window.reset();
    m_services.reset();
    m_dir.reset();
}

qint64 TestLayout1024::addTask(const QString &title, int minutes)
{
    Task task;
    task.title = title;
    task.estimateMinutes = task.remainingMinutes = minutes;
    task.priority = Priority::P1;
    task.deadline = utc(2024, 5, 17, 17);
    task.minChunkMinutes = 60;
    task.maxChunkMinutes = 120;
    const auto added = m_services->tasks.add(task);
    return added ? added->id : -1;
}

void TestLayout1024::shoot(const QString &name)
{
    // For a person to look at; nothing is compared.
    QDir().mkpath(QStringLiteral("/tmp/shots"));
    m_window->grab().save(QStringLiteral("/tmp/shots/%1.png").arg(name));
}

void TestLayout1024::weekColumnsAreEqual()
{
    addTask(QStringLiteral("Analyse the quarterly figures"), 6 * 60);
    addTask(QStringLiteral("Write the board report"), 4 * 60);
    m_window->showView(MainWindow::View::Week);
    QVERIFY(test::planAndWait(*m_window));
    QTRY_VERIFY(m_window->weekView()->days().first()->width() > 0);
    const QList<DayTimeline *> &days = m_window->weekView()->days();
    const int monday = days.first()->width() - days.first()->gutterWidth();
    QVERIFY(days.first()->gutterWidth() > 0);
    for (const DayTimeline *day : days) {
        QVERIFY2(qAbs(day->width() - day->gutterWidth() - monday) <= 1,
                 qPrintable(QStringLiteral("%1 vs %2").arg(day->width() - day->gutterWidth()).arg(monday)));
    }
    QVERIFY2(monday >= 90, qPrintable(QString::number(monday)));
    shoot(QStringLiteral("week-1024"));
}

void TestLayout1024::longTitlesWrapAndShowWhole()
{
    const QString title = QStringLiteral("Analyse the quarterly figures");
    QFont font;
    const QStringList lines = EntryText::titleLines(title, font, QFontMetrics(font).horizontalAdvance(title) * 2 / 3, 2);
    QCOMPARE(lines.size(), 2);
    QCOMPARE(lines.first(), QStringLiteral("Analyse the"));
    QVERIFY(lines.last().startsWith(QStringLiteral("quarterly")));
    // One line only where there is room for one.
    QCOMPARE(EntryText::titleLines(title, font, 60, 1).size(), 1);

    addTask(title, 2 * 60);
    QVERIFY(test::planAndWait(*m_window));
    DayTimeline *timeline = m_window->todayView()->timeline();
    QVERIFY(!timeline->entries().isEmpty());
    QVERIFY(timeline->toolTipFor(0).startsWith(title + QLatin1Char('\n')));
}

void TestLayout1024::detailsCloseWhenTheViewChanges()
{
    addTask(QStringLiteral("Write the board report"), 60);
    QListView *open = m_window->todayView()->openTasks();
    open->setCurrentIndex(open->model()->index(0, open->modelColumn()));
    QTRY_VERIFY(m_window->detailsPanel()->isVisible());
    for (MainWindow::View view : {MainWindow::View::Week, MainWindow::View::Inbox, MainWindow::View::Insights}) {
        m_window->showView(view);
        QVERIFY(!m_window->detailsPanel()->isVisible());
    }
    m_window->showView(MainWindow::View::Today);
    QVERIFY(!m_window->detailsPanel()->isVisible());
}

void TestLayout1024::noViewScrollsSideways()
{
    for (int i = 0; i < 6; ++i)
        addTask(QStringLiteral("A task with a long enough title to fill its column %1").arg(i), 90);
    m_window->showView(MainWindow::View::Tasks);
    auto *table = m_window->tasksView()->findChild<QTableView *>();
    QVERIFY(table);
    table->setCurrentIndex(table->model()->index(0, 0)); // opens the details beside the table
    QTRY_VERIFY(m_window->detailsPanel()->isVisible());
    QApplication::processEvents();
    shoot(QStringLiteral("tasks-1024"));
    QVERIFY2(!table->horizontalScrollBar()->isVisible(),
             qPrintable(QStringLiteral("table %1 px, needs %2 more").arg(table->width()).arg(table->horizontalScrollBar()->maximum())));
    for (MainWindow::View view : {MainWindow::View::Today, MainWindow::View::Week, MainWindow::View::Inbox,
                                  MainWindow::View::Outbox, MainWindow::View::Team, MainWindow::View::Insights}) {
        m_window->showView(view);
        QApplication::processEvents();
        for (const QAbstractScrollArea *area : m_window->findChildren<QAbstractScrollArea *>()) {
            if (area->isVisible() && area->horizontalScrollBar()->isVisible())
                QFAIL(qPrintable(QStringLiteral("%1 scrolls sideways in %2").arg(area->objectName(), m_window->currentViewName())));
        }
    }
}

QTEST_MAIN(TestLayout1024)
#include "tst_layout1024.moc"
