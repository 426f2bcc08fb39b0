// File > Import Calendar… and .ics drops through the real window: the import runs on the
// calendar worker thread (its own connection to the same SQLite file), shows a cancellable
// progress dialog, reports in the person's words, and the timeline then shows the events in
// their calendar's colour. A cancel or a broken file changes nothing.
#include "calendartestfixture.h"
#include "importcontroller.h"
#include "mainwindow.h"
#include "views/todayview.h"
#include "widgets/daytimeline.h"
#include "widgets/messagebar.h"

#include <QAction>
#include <QDropEvent>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTimer>
#include <QLabel>
#include <QMimeData>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

using namespace fermata;
using test::utc;

namespace {

const QDateTime s_now = utc(2026, 3, 2, 8); // Monday

QList<CalendarEvent> eventsOf(test::UiServices &ui, const QString &source, const Interval &range)
{
    QList<CalendarEvent> result;
    const auto all = ui.calendar.events(range);
    if (all) {
        for (const CalendarEvent &event : *all) {
            if (event.source == source)
                result.append(event);
        }
    }
    return result;
}

Interval wide()
{
    return Interval::fromDateTimes(utc(2025, 1, 1, 0), utc(2028, 1, 1, 0));
}

// A calendar big enough that the reader reports progress many times before it ends.
QByteArray bigCalendar(int events)
{
    QList<QByteArray> list;
    for (int i = 0; i < events; ++i) {
        const QDateTime start = utc(2026, 3, 2, 9).addSecs(qint64(i % 2000) * 3600 * 5);
        list.append(test::icsEvent("big-" + QByteArray::number(i), start.toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'")).toLatin1(),
                                   "Meeting " + QByteArray::number(i), "DESCRIPTION:" + QByteArray(200, 'x') + "\r\n"));
    }
    return test::icsCalendar(list);
}

} // namespace

class TestImportController : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { test::pinEnvironment(); }
    void init();
    void cleanup();
    void importsOffTheGuiThreadAndShowsColouredEvents();
    void reportsSkippedEventsInTheReadersWords();
    void brokenFileChangesNothingAndSaysWhy();
    void cancelChangesNothing();
    void droppedIcsFilesImport();
    void fileCalendarMovesWithTheHorizon();
    void withoutCalendarSyncTheActionIsOff();
    void bigImportKeepsTheWindowResponsive();

private:
    CalendarImportOutcome importAndWait(const QStringList &files);

    std::unique_ptr<test::TempDataDir> m_dir;
    std::unique_ptr<test::CalendarServices> m_services;
    std::unique_ptr<MainWindow> m_window;
    ImportController *m_importer = nullptr;
};

void TestImportController::init()
{
    m_dir = std::make_unique<test::TempDataDir>();
    m_services = std::make_unique<test::CalendarServices>(*m_dir, s_now);
    m_window = std::make_unique<MainWindow>(m_services->ui.context);
    m_importer = m_window->findChild<ImportController *>();
    QVERIFY(m_importer);
    m_importer->setProgressDelayMs(0);
    m_window->show();
}

void TestImportController::cleanup()
{
    m_window.reset();
    m_services.reset();
    m_dir.reset();
}

CalendarImportOutcome TestImportController::importAndWait(const QStringList &files)
{
    QSignalSpy finished(m_importer, &ImportController::importFinished);
    if (!m_importer->importFiles(files))
        return {};
    if (!finished.wait(20000))
        return {};
    return finished.constLast().constFirst().value<CalendarImportOutcome>();
}

void TestImportController::importsOffTheGuiThreadAndShowsColouredEvents()
{
    const QString path = m_dir->filePath(QStringLiteral("work.ics"));
    QVERIFY(test::writeFile(path, test::icsCalendar({
        test::icsEvent("standup", "20260302T093000Z", "Standup", "RRULE:FREQ=DAILY;COUNT=5\r\n"),
        test::icsEvent("review", "20260302T140000Z", "Design review"),
    })));
    QAction *action = m_window->findChild<QAction *>(QStringLiteral("importCalendarAction"));
    QVERIFY(action && action->isEnabled());
    QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_I));

    // The change signal reaches the views on the GUI thread.
    QThread *changedOn = nullptr;
    connect(&m_services->ui.calendar, &CalendarService::eventsChanged, this,
            [&changedOn] { changedOn = QThread::currentThread(); });
    QThread *progressOn = nullptr;
    connect(&m_services->sync, &CalendarSync::importProgressed, this,
            [&progressOn] { progressOn = QThread::currentThread(); });

    const CalendarImportOutcome outcome = importAndWait({path});
    QVERIFY2(outcome.ok, qPrintable(outcome.error));
    QCOMPARE(outcome.report.eventsImported, 2);
    QCOMPARE(changedOn, QThread::currentThread());
    QCOMPARE(progressOn, QThread::currentThread());
    QCOMPARE(eventsOf(m_services->ui, QStringLiteral("work"), wide()).size(), 6);
    QCOMPARE(m_window->messageBar()->text(), QStringLiteral("Imported 2 events from work.ics"));
    QVERIFY(!m_importer->isImporting());
    QVERIFY(!m_importer->progressDialog() || !m_importer->progressDialog()->isVisible());

    // The Today timeline reloaded and draws them in the calendar's colour, named on hover.
    DayTimeline *timeline = m_window->todayView()->timeline();
    qsizetype standup = -1;
    for (qsizetype i = 0; i < timeline->entries().size(); ++i) {
        if (timeline->entries()[i].title == u"Standup")
            standup = i;
    }
    QVERIFY(standup >= 0);
    const TimelineEntry &entry = timeline->entries()[standup];
    QCOMPARE(entry.calendar, QStringLiteral("work"));
    QVERIFY(entry.color.isValid());
    QVERIFY(timeline->toolTipFor(standup).contains(QStringLiteral("Calendar: work")));
}

void TestImportController::reportsSkippedEventsInTheReadersWords()
{
    const QString path = m_dir->filePath(QStringLiteral("broken.ics"));
    QVERIFY(test::writeFile(path, test::icsCalendar({
        test::icsEvent("ok", "20260302T093000Z", "Fine"),
        "BEGIN:VEVENT\r\nUID:nostart\r\nSUMMARY:No start\r\nDTEND:20260302T100000Z\r\nEND:VEVENT\r\n",
    })));
    const CalendarImportOutcome outcome = importAndWait({path});
    QVERIFY(outcome.ok);
    QCOMPARE(outcome.report.eventsSkipped, 1);
    QVERIFY(!outcome.report.issues.isEmpty());
    const QString text = m_window->messageBar()->text();
    QVERIFY2(text.startsWith(QStringLiteral("Imported 1 event from broken.ics, skipped 1 — line ")), qPrintable(text));
    QVERIFY2(text.contains(outcome.report.issues.constFirst().message), qPrintable(text));
}

void TestImportController::brokenFileChangesNothingAndSaysWhy()
{
    const QString good = m_dir->filePath(QStringLiteral("team.ics"));
    QVERIFY(test::writeFile(good, test::icsCalendar({test::icsEvent("a", "20260302T093000Z", "Kept")})));
    QVERIFY(importAndWait({good}).ok);
    // Same calendar name, but the file is not iCalendar at all.
    const QString bad = m_dir->filePath(QStringLiteral("sub/team.ics"));
    QVERIFY(QDir().mkpath(m_dir->filePath(QStringLiteral("sub"))));
    QVERIFY(test::writeFile(bad, "<html>Sign in to see this calendar</html>"));
    const CalendarImportOutcome outcome = importAndWait({bad});
    QVERIFY(!outcome.ok);
    const QString text = m_window->messageBar()->text();
    QVERIFY2(text.startsWith(QStringLiteral("Could not import team.ics: ")), qPrintable(text));
    QVERIFY(text.endsWith(QStringLiteral("Nothing was changed.")));
    const auto kept = eventsOf(m_services->ui, QStringLiteral("team"), wide());
    QCOMPARE(kept.size(), 1);
    QCOMPARE(kept.constFirst().title, QStringLiteral("Kept"));

    const CalendarImportOutcome missing = importAndWait({m_dir->filePath(QStringLiteral("gone.ics"))});
    QVERIFY(!missing.ok);
    QVERIFY(m_window->messageBar()->text().contains(QStringLiteral("gone.ics")));
}

void TestImportController::cancelChangesNothing()
{
    const QString path = m_dir->filePath(QStringLiteral("big.ics"));
    const QByteArray first = test::icsCalendar({test::icsEvent("only", "20260302T093000Z", "Before")});
    QVERIFY(test::writeFile(path, first));
    QVERIFY(importAndWait({path}).ok);
    QVERIFY(test::writeFile(path, bigCalendar(6000)));

    // Cancel from the progress dialog at once: the worker stops at its next progress report
    // (racing a mid-file cancel against a fast machine would make the test flaky; the
    // rollback is the same either way).
    QSignalSpy finished(m_importer, &ImportController::importFinished);
    QVERIFY(m_importer->importFiles({path}));
    QProgressDialog *dialog = m_importer->progressDialog();
    QVERIFY(dialog);
    QCOMPARE(dialog->labelText(), QStringLiteral("Importing big.ics…"));
    QPushButton *cancel = dialog->findChild<QPushButton *>();
    QVERIFY(cancel);
    cancel->click();
    QVERIFY(finished.wait(20000));
    const auto outcome = finished.constFirst().constFirst().value<CalendarImportOutcome>();
    QVERIFY(outcome.ok);
    QVERIFY(outcome.report.cancelled);
    QCOMPARE(m_window->messageBar()->text(),
             QStringLiteral("Import of big.ics cancelled. Nothing was changed."));
    const auto events = eventsOf(m_services->ui, QStringLiteral("big"), wide());
    QCOMPARE(events.size(), 1);
    QCOMPARE(events.constFirst().title, QStringLiteral("Before"));
    QVERIFY(!m_importer->isImporting());

    // The worker is free again: the same file imports in full.
    const CalendarImportOutcome again = importAndWait({path});
    QVERIFY(again.ok && !again.report.cancelled);
    QCOMPARE(again.report.eventsImported, 6000);
}

void TestImportController::droppedIcsFilesImport()
{
    const QString path = m_dir->filePath(QStringLiteral("dropped.ics"));
    QVERIFY(test::writeFile(path, test::icsCalendar({test::icsEvent("d", "20260302T110000Z", "Dropped")})));
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(path), QUrl::fromLocalFile(m_dir->filePath(QStringLiteral("notes.txt")))});
    QCOMPARE(ImportController::calendarFiles(&mime), QStringList{path});

    QSignalSpy finished(m_importer, &ImportController::importFinished);
    const QPoint centre = m_window->rect().center();
    QDragEnterEvent enter(centre, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_window.get(), &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(centre), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_window.get(), &drop);
    QVERIFY(drop.isAccepted());
    QVERIFY(finished.wait(20000));
    QCOMPARE(eventsOf(m_services->ui, QStringLiteral("dropped"), wide()).size(), 1);

    // Something that is not a calendar is not taken.
    QMimeData text;
    text.setText(QStringLiteral("hello"));
    QDragEnterEvent other(centre, Qt::CopyAction, &text, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_window.get(), &other);
    QVERIFY(!other.isAccepted());
}

void TestImportController::fileCalendarMovesWithTheHorizon()
{
    // A weekly meeting with no end: stored as a rule, it has occurrences in any range asked
    // for (here to the end of 2027), and the background re-import of the kept copy a week on
    // changes nothing.
    const QString path = m_dir->filePath(QStringLiteral("weekly.ics"));
    QVERIFY(test::writeFile(path, test::icsCalendar({
        test::icsEvent("weekly", "20260302T100000Z", "Weekly", "RRULE:FREQ=WEEKLY\r\n")})));
    QVERIFY(importAndWait({path}).ok);
    const auto lastStart = [this] {
        QDateTime last;
        for (const CalendarEvent &event : eventsOf(m_services->ui, QStringLiteral("weekly"), wide()))
            last = qMax(last, event.start);
        return last;
    };
    const QDateTime before = lastStart();
    QVERIFY(before.isValid());
    QVERIFY(before > wide().end().addDays(-7));
    // The person's file may be gone by then: the kept copy is what is read again.
    QVERIFY(QFile::remove(path));

    // Six days on nothing is re-read; eight days on the kept copy is expanded again.
    QSignalSpy finished(&m_services->sync, &CalendarSync::importFinished);
    m_services->ui.clock.advanceSecs(6 * 86400);
    m_services->sync.refreshDue();
    // The worker runs its jobs in order: a file imported now finishes after the check above
    // has run, so a re-import it started would have been reported first.
    const QString marker = m_dir->filePath(QStringLiteral("marker.ics"));
    QVERIFY(test::writeFile(marker, test::icsCalendar({test::icsEvent("marker", "20260309T100000Z", "Marker")})));
    QVERIFY(m_services->sync.importFile(marker, QStringLiteral("marker")));
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty()
                                 && !finished.constLast().constFirst().value<CalendarImportOutcome>().background,
                             20000);
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.constFirst().constFirst().value<CalendarImportOutcome>().source, QStringLiteral("marker"));
    finished.clear();
    m_services->ui.clock.advanceSecs(2 * 86400);
    m_services->sync.refreshDue();
    QVERIFY(finished.wait(20000));
    const auto outcome = finished.constLast().constFirst().value<CalendarImportOutcome>();
    QVERIFY2(outcome.ok, qPrintable(outcome.error));
    QVERIFY(outcome.background);
    QCOMPARE(lastStart(), before);
    // A quiet success: no message for something the person did not ask for.
    QVERIFY(ImportController::describe(outcome).isEmpty());
}

void TestImportController::withoutCalendarSyncTheActionIsOff()
{
    test::UiServices plain(*m_dir, s_now);
    MainWindow window(plain.context);
    QAction *action = window.findChild<QAction *>(QStringLiteral("importCalendarAction"));
    QVERIFY(action);
    QVERIFY(!action->isEnabled());
    QVERIFY(!window.findChild<ImportController *>()->importFiles({QStringLiteral("x.ics")}));
}

// Prints how long the GUI thread went without running its event loop during a big import
// and how the progress dialog moved (figures, not assertions: timings depend on the machine).
void TestImportController::bigImportKeepsTheWindowResponsive()
{
    const int events = qEnvironmentVariableIntValue("FERMATA_BIG_IMPORT_EVENTS") > 0
        ? qEnvironmentVariableIntValue("FERMATA_BIG_IMPORT_EVENTS") : 20000;
    const QString path = m_dir->filePath(QStringLiteral("large.ics"));
    QVERIFY(test::writeFile(path, bigCalendar(events)));
    QElapsedTimer clock;
    qint64 last = 0;
    qint64 longestGap = 0;
    QTimer ticker;
    ticker.setInterval(10);
    connect(&ticker, &QTimer::timeout, this, [&] {
        const qint64 now = clock.elapsed();
        longestGap = qMax(longestGap, now - last);
        last = now;
    });
    int progressSignals = 0;
    qint64 firstProgressMs = -1;
    QList<int> dialogValues;
    connect(&m_services->sync, &CalendarSync::importProgressed, this, [&](qint64 done, qint64) {
        if (firstProgressMs < 0 && done > 0)
            firstProgressMs = clock.elapsed();
        ++progressSignals;
        if (QProgressDialog *dialog = m_importer->progressDialog())
            dialogValues.append(dialog->value());
    });
    clock.start();
    ticker.start();
    const CalendarImportOutcome outcome = importAndWait({path});
    const qint64 total = clock.elapsed();
    ticker.stop();
    QVERIFY2(outcome.ok, qPrintable(outcome.error));
    QCOMPARE(outcome.report.eventsImported, events);
    QVERIFY(progressSignals > 0);
    QVERIFY(std::any_of(dialogValues.cbegin(), dialogValues.cend(), [](int v) { return v > 0; }));
    qInfo("import of %d events (%lld KB): %lld ms; longest GUI event-loop gap %lld ms; %d progress "
          "signals, the first with bytes read after %lld ms",
          events, QFileInfo(path).size() / 1024, total, longestGap, progressSignals, firstProgressMs);
}

QTEST_MAIN(TestImportController)
#include "tst_importcontroller.moc"
