#include "planwait.h"
#include "mainwindow.h"
#include "uitestfixture.h"
#include "undo/undohistory.h"
#include "views/todayview.h"
#include "widgets/daytimeline.h"
#include "widgets/navigationlist.h"
#include "widgets/palettecolors.h"

#include <QAction>
#include <QApplication>
#include <QListView>
#include <QTest>

#include <memory>

using namespace fermata;
using test::UiServices;
using test::utc;

// Keyboard use of Today's timeline (select, move, resize, pin, unpin: all undoable) and a
// focus ring that stands out on lists and the timeline.
class TestTimelineKeyboard : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { test::pinEnvironment(); }
    void init();
    void cleanup();
    void tabReachesTheTimelineAndSelectsBlocks();
    void arrowsMoveAndShiftArrowsResizeUndoably();
    void pKeyPinsAndDeleteUnpins();
    void focusRingColourContrastsInLightAndDark();

private:
    QList<FocusBlock> stored() const;
    DayTimeline *timeline() const { return m_window->todayView()->timeline(); }
    QString undoText() const { return m_window->undoAction()->text().remove(QLatin1Char('&')); }
    void focusTimeline();

    std::unique_ptr<test::TempDataDir> m_dir;
    std::unique_ptr<UiServices> m_services;
    std::unique_ptr<MainWindow> m_window;
};

void TestTimelineKeyboard::init()
{
    m_dir = std::make_unique<test::TempDataDir>();
    QVERIFY(m_dir->isValid());
    m_services = std::make_unique<UiServices>(*m_dir, utc(2024, 5, 13, 8, 30)); // a Monday morning
    m_services->preferences.setWorkingHours(WorkingHours::defaults(QByteArrayLiteral("UTC")));
    Task task;
    task.title = QStringLiteral("Write report");
    task.estimateMinutes = task.remainingMinutes = 180;
    task.priority = Priority::P1;
    task.deadline = utc(2024, 5, 13, 17);
    task.minChunkMinutes = 60;
    task.maxChunkMinutes = 120;
    QVERIFY(m_services->tasks.add(task));
    m_window = std::make_unique<MainWindow>(m_services->context);
    m_window->resize(1200, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QApplication::setActiveWindow(m_window.get());
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    m_window->showView(MainWindow::View::Today);
    QVERIFY(test::planAndWait(*m_window));
    QVERIFY(stored().size() > 1);
}

void TestTimelineKeyboard::cleanup()
{
    m_window.reset();
    m_services.reset();
    m_dir.reset();
}

QList<FocusBlock> TestTimelineKeyboard::stored() const
{
    const auto all = m_services->blockRepository.all();
    QList<FocusBlock> blocks = all ? *all : QList<FocusBlock>{};
    std::sort(blocks.begin(), blocks.end(), [](const FocusBlock &a, const FocusBlock &b) { return a.start < b.start; });
    return blocks;
}

void TestTimelineKeyboard::focusTimeline()
{
    QCOMPARE(timeline()->focusPolicy() & Qt::TabFocus, Qt::TabFocus);
    timeline()->setFocus(Qt::TabFocusReason);
    QTRY_VERIFY(timeline()->hasFocus());
}

void TestTimelineKeyboard::tabReachesTheTimelineAndSelectsBlocks()
{
    // Tab from the navigation list reaches the timeline within a few presses.
    QWidget *start = m_window->findChild<NavigationList *>();
    QVERIFY(start);
    start->setFocus(Qt::TabFocusReason);
    for (int press = 0; press < 12 && !timeline()->hasFocus(); ++press)
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QVERIFY(timeline()->hasFocus());

    const QList<FocusBlock> blocks = stored();
    QCOMPARE(timeline()->selectedBlock(), 0);
    QTest::keyClick(timeline(), Qt::Key_Tab);
    QCOMPARE(timeline()->selectedBlock(), blocks.at(0).id);
    QVERIFY(timeline()->hasFocus());
    QTest::keyClick(timeline(), Qt::Key_Tab);
    QCOMPARE(timeline()->selectedBlock(), blocks.at(1).id);
    QTest::keyClick(timeline(), Qt::Key_Backtab);
    QCOMPARE(timeline()->selectedBlock(), blocks.at(0).id);
    QTest::keyClick(timeline(), Qt::Key_Escape);
    QCOMPARE(timeline()->selectedBlock(), 0);
}

void TestTimelineKeyboard::arrowsMoveAndShiftArrowsResizeUndoably()
{
    focusTimeline();
    QTest::keyClick(timeline(), Qt::Key_Tab);
    const FocusBlock block = stored().at(0);
    QCOMPARE(timeline()->selectedBlock(), block.id);

    QTest::keyClick(timeline(), Qt::Key_Down);
    FocusBlock moved = stored().at(0);
    QCOMPARE(moved.id, block.id);
    QCOMPARE(moved.start, block.start.addSecs(15 * 60));
    QCOMPARE(moved.end, block.end.addSecs(15 * 60));
    QVERIFY(moved.pinned);
    QCOMPARE(undoText(), QStringLiteral("Undo Move “Write report”"));
    QCOMPARE(timeline()->selectedBlock(), block.id); // still selected after the reload

    QTest::keyClick(timeline(), Qt::Key_Up, Qt::ShiftModifier);
    const FocusBlock shorter = stored().at(0);
    QCOMPARE(shorter.start, moved.start);
    QCOMPARE(shorter.end, moved.end.addSecs(-15 * 60));

    m_window->undoAction()->trigger();
    m_window->undoAction()->trigger();
    const FocusBlock back = stored().at(0);
    QCOMPARE(back.start, block.start);
    QCOMPARE(back.end, block.end);
    QVERIFY(!back.pinned);
}

void TestTimelineKeyboard::pKeyPinsAndDeleteUnpins()
{
    focusTimeline();
    QTest::keyClick(timeline(), Qt::Key_Tab);
    const qint64 id = stored().at(0).id;
    QVERIFY(!stored().at(0).pinned);
    QTest::keyClick(timeline(), Qt::Key_P);
    QVERIFY(stored().at(0).pinned);
    QVERIFY(undoText().startsWith(QStringLiteral("Undo ")));
    QTest::keyClick(timeline(), Qt::Key_Delete);
    QCOMPARE(stored().at(0).id, id);
    QVERIFY(!stored().at(0).pinned);
    m_window->undoAction()->trigger(); // the unpin
    QVERIFY(stored().at(0).pinned);
    QTest::keyClick(timeline(), Qt::Key_P); // P on a pinned block unpins it
    QVERIFY(!stored().at(0).pinned);
}

void TestTimelineKeyboard::focusRingColourContrastsInLightAndDark()
{
    QPalette light;
    light.setColor(QPalette::Window, QColor(0xef, 0xef, 0xef));
    light.setColor(QPalette::Base, Qt::white);
    light.setColor(QPalette::Text, Qt::black);
    light.setColor(QPalette::Highlight, QColor(0x9c, 0xd0, 0xf5)); // a pale accent
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    dark.setColor(QPalette::Text, Qt::white);
    dark.setColor(QPalette::Highlight, QColor(0x1d, 0x3d, 0x6b)); // a deep accent
    for (const QPalette &palette : {light, dark}) {
        const QColor ring = PaletteColors::focusRing(palette);
        QVERIFY(PaletteColors::contrast(ring, palette.color(QPalette::Window)) >= 3.0);
        QVERIFY(PaletteColors::contrast(ring, palette.color(QPalette::Base)) >= 3.0);
    }
    // A readable accent stays the accent.
    light.setColor(QPalette::Highlight, QColor(0x1a, 0x5f, 0xb4));
    QCOMPARE(PaletteColors::focusRing(light), QColor(0x1a, 0x5f, 0xb4));
}

QTEST_MAIN(TestTimelineKeyboard)
#include "tst_timelinekeyboard.moc"
