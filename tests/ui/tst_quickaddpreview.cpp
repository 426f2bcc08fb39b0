#include "models/tasktablemodel.h"
#include "teamcommitmentrows.h"
#include "uitestfixture.h"
#include "views/quickaddpreview.h"
#include "views/tasksview.h"

#include <QDir>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>

using namespace fermata;
using test::TeamCommitmentRows;
using test::UiServices;

// The quick-add line's preview: what Enter would add, and what was not understood, shown
// before anything is added. Clock: Wednesday 2 Dec 2026, 10:00 in Berlin.
class TestQuickAddPreview : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        test::pinEnvironment("Europe/Berlin");
        QLocale::setDefault(QLocale(QStringLiteral("en_US"))); // month-first numeric dates
    }

    void init()
    {
        m_dir = std::make_unique<test::TempDataDir>();
        m_services = std::make_unique<UiServices>(*m_dir, test::utc(2026, 12, 2, 9));
        m_model = std::make_unique<TaskTableModel>(m_services->tasks);
        m_view = std::make_unique<TasksView>(m_services->tasks, *m_model);
        m_view->setTimeSource(&m_services->clock, &m_services->preferences);
        m_view->resize(900, 400);
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    }

    void cleanup()
    {
        m_view.reset();
        m_model.reset();
        m_services.reset();
        m_dir.reset();
    }

    void showsWhichDateWasUnderstood()
    {
        QTest::keyClicks(m_view->quickAdd(), QStringLiteral("Write report 2h by 12/10 p1"));
        const QString summary = m_view->quickAddPreview()->summaryText();
        QVERIFY2(summary.contains(QStringLiteral("Adds “Write report”")), qPrintable(summary));
        // In en_US's own order (issue 18: dates follow the locale).
        QVERIFY2(summary.contains(QStringLiteral("due Thu, Dec 10")), qPrintable(summary));
        QVERIFY2(summary.contains(QStringLiteral("P1")), qPrintable(summary));
        QVERIFY(m_view->quickAddPreview()->problemText().isEmpty());
        QVERIFY(m_services->tasks.tasks().isEmpty()); // a preview adds nothing
        grab(QStringLiteral("quickadd-preview.png"));
    }

    void nextWeekdayIsUnderstood()
    {
        QTest::keyClicks(m_view->quickAdd(), QStringLiteral("Pay rent by next wed"));
        const QString summary = m_view->quickAddPreview()->summaryText();
        QVERIFY2(summary.contains(QStringLiteral("Adds “Pay rent”")), qPrintable(summary));
        // Weeks start on Sunday in en_US: next week's Wednesday is 9 Dec.
        QVERIFY2(summary.contains(QStringLiteral("due Wed, Dec 9")), qPrintable(summary));
    }

    void namesWhatWasNotUnderstoodBeforeAdding()
    {
        QTest::keyClicks(m_view->quickAdd(), QStringLiteral("Buy milk by the store p5"));
        const QString problem = m_view->quickAddPreview()->problemText();
        QVERIFY2(problem.contains(QStringLiteral("Not understood")), qPrintable(problem));
        QVERIFY2(problem.contains(QStringLiteral("“by the store”")), qPrintable(problem));
        QVERIFY2(problem.contains(QStringLiteral("“p5”")), qPrintable(problem));
        grab(QStringLiteral("quickadd-not-understood.png"));

        QTest::keyClick(m_view->quickAdd(), Qt::Key_Return); // still adds, words kept
        QCOMPARE(m_services->tasks.tasks().size(), 1);
        QCOMPARE(m_services->tasks.tasks().at(0).title, QStringLiteral("Buy milk by the store p5"));
        QVERIFY(m_view->quickAdd()->text().isEmpty());
        QVERIFY(m_view->quickAddPreview()->isHidden()); // an empty line previews nothing
    }

    void unknownDependencyIsShown()
    {
        QTest::keyClicks(m_view->quickAdd(), QStringLiteral("Review 45m after \"Draft\""));
        QVERIFY2(m_view->quickAddPreview()->problemText().contains(QStringLiteral("No task called “Draft”")),
                 qPrintable(m_view->quickAddPreview()->problemText()));
        Task draft;
        draft.title = QStringLiteral("Draft");
        QVERIFY(m_services->tasks.add(draft).isOk());
        m_view->quickAdd()->clear();
        QTest::keyClicks(m_view->quickAdd(), QStringLiteral("Review 45m after \"draft\""));
        QVERIFY(m_view->quickAddPreview()->problemText().isEmpty());
        QVERIFY2(m_view->quickAddPreview()->summaryText().contains(QStringLiteral("after “draft”")),
                 qPrintable(m_view->quickAddPreview()->summaryText()));
    }

    void impossibleDateIsShown()
    {
        QTest::keyClicks(m_view->quickAdd(), QStringLiteral("Report by feb 30"));
        QVERIFY2(m_view->quickAddPreview()->problemText().contains(QStringLiteral("is not a date")),
                 qPrintable(m_view->quickAddPreview()->problemText()));
    }

    // `after Ada's "API spec"`: resolved against the team's copy before anything is added,
    // shown with where Ada's work stands, and stored in Task::afterCommitment.
    void afterTeammateIsResolved()
    {
        QVERIFY(TeamCommitmentRows::insert(*m_services->database));
        QTest::keyClicks(m_view->quickAdd(), QStringLiteral("Build client 2h after ada's 'API spec'"));
        const QString summary = m_view->quickAddPreview()->summaryText();
        QVERIFY2(summary.contains(QStringLiteral("Adds “Build client” · 2 h · after Ada’s ‘API spec’ (planned to finish Fri)")),
                 qPrintable(summary));
        QVERIFY2(m_view->quickAddPreview()->problemText().isEmpty(), qPrintable(m_view->quickAddPreview()->problemText()));
        grab(QStringLiteral("quickadd-after-teammate.png"));

        QTest::keyClick(m_view->quickAdd(), Qt::Key_Return);
        QCOMPARE(m_services->tasks.tasks().size(), 1);
        const Task added = m_services->tasks.tasks().at(0);
        QCOMPARE(added.title, QStringLiteral("Build client"));
        QCOMPARE(added.afterCommitment, TeamCommitmentRows::apiSpec);
        QVERIFY(added.dependsOn.isEmpty()); // not a local task called "API spec"
    }

    void afterTeammateProblems_data()
    {
        QTest::addColumn<bool>("copy");     // the team's copy has rows
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("problem");
        QTest::newRow("nobody called Bob") << true << QStringLiteral("Build client after Bob's \"API spec\"")
            << QStringLiteral("Nobody called Bob shares work with your team");
        QTest::newRow("no such title") << true << QStringLiteral("Build client after Ada's \"Budget\"")
            << QStringLiteral("Ada shares nothing called “Budget”");
        QTest::newRow("ambiguous") << true << QStringLiteral("Build client after Ada's \"API\"")
            << QStringLiteral("Ada shares 2 commitments starting “API”: write more of the title");
        QTest::newRow("no hub") << false << QStringLiteral("Build client after Ada's \"API spec\"")
            << QStringLiteral("Waiting for Ada’s work needs a team hub: join one in Preferences → Team");
    }

    // Said before adding; Enter then refuses, in the same words, and adds nothing.
    void afterTeammateProblems()
    {
        QFETCH(bool, copy);
        QFETCH(QString, line);
        QFETCH(QString, problem);
        if (copy)
            QVERIFY(TeamCommitmentRows::insert(*m_services->database));
        QTest::keyClicks(m_view->quickAdd(), line);
        QVERIFY2(m_view->quickAddPreview()->problemText().contains(problem), qPrintable(m_view->quickAddPreview()->problemText()));
        QSignalSpy errors(m_view.get(), &TasksView::errorOccurred);
        QTest::keyClick(m_view->quickAdd(), Qt::Key_Return);
        QCOMPARE(errors.size(), 1);
        QVERIFY2(errors.at(0).at(0).toString().contains(problem), qPrintable(errors.at(0).at(0).toString()));
        QVERIFY(m_services->tasks.tasks().isEmpty());
        QCOMPARE(m_view->quickAdd()->text(), line); // kept to be fixed
    }

    // `share` without a team hub: the preview says so before Enter; the task is added unshared.
    void shareWithoutHubAddsUnshared()
    {
        QTest::keyClicks(m_view->quickAdd(), QStringLiteral("Write report 2h share"));
        const QString summary = m_view->quickAddPreview()->summaryText();
        QVERIFY2(summary.startsWith(QStringLiteral("Adds “Write report” · 2 h")), qPrintable(summary));
        QVERIFY2(!summary.contains(QStringLiteral("shared")), qPrintable(summary));
        QVERIFY2(m_view->quickAddPreview()->problemText().contains(
                     QStringLiteral("Sharing needs a team hub (Preferences → Team): the task will be added unshared.")),
                 qPrintable(m_view->quickAddPreview()->problemText()));
        grab(QStringLiteral("quickadd-share-nohub.png"));

        QSignalSpy errors(m_view.get(), &TasksView::errorOccurred);
        QTest::keyClick(m_view->quickAdd(), Qt::Key_Return);
        QCOMPARE(m_services->tasks.tasks().size(), 1);
        QCOMPARE(m_services->tasks.tasks().at(0).title, QStringLiteral("Write report"));
        QVERIFY(m_view->quickAdd()->text().isEmpty());
        QCOMPARE(errors.size(), 1);
        QVERIFY2(errors.at(0).at(0).toString().contains(QStringLiteral("did not share it")), qPrintable(errors.at(0).at(0).toString()));
    }

private:
    void grab(const QString &name)
    {
        if (const QByteArray dir = qgetenv("FERMATA_SHOTS"); !dir.isEmpty()) {
            QDir().mkpath(QString::fromLocal8Bit(dir));
            QCoreApplication::processEvents(); // the layout settles as it would before a paint
            m_view->grab().save(QString::fromLocal8Bit(dir) + QLatin1Char('/') + name);
        }
    }

    std::unique_ptr<test::TempDataDir> m_dir;
    std::unique_ptr<UiServices> m_services;
    std::unique_ptr<TaskTableModel> m_model;
    std::unique_ptr<TasksView> m_view;
};

QTEST_MAIN(TestQuickAddPreview)
#include "tst_quickaddpreview.moc"
