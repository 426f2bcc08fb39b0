#include "teamcommitmentrows.h"
#include "uitestfixture.h"

#include "messaging/teamsync.h"
#include "undo/undohistory.h"
#include "views/taskdetailspanel.h"
#include "views/tasksharingbox.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>

using namespace fermata;
using test::TeamCommitmentRows;
using test::UiServices;

// The details panel's team parts without a hub: "Shared with my team" disabled (saying how to
// join) while no hub is joined, and "After teammate" over the team's copy of commitments
// (rows written as a hub sync leaves them), undoable like every other edit.
// Clock: Wednesday 2 Dec 2026, 10:00 in Berlin.
class TestSharedTasks : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        test::pinEnvironment("Europe/Berlin");
        qputenv("FERMATA_SECRET_STORE", "file"); // the team worker's secret store: no keychain here
    }

    void init()
    {
        m_dir = std::make_unique<test::TempDataDir>();
        m_services = std::make_unique<UiServices>(*m_dir, test::utc(2026, 12, 2, 9));
        Task task;
        task.title = QStringLiteral("Build client");
        m_task = m_services->tasks.add(task)->id;
    }

    void cleanup()
    {
        m_panel.reset();
        m_team.reset();
        m_history.reset();
        m_services.reset();
        m_dir.reset();
    }

    void withoutHubSharingIsDisabledAndSaysHowToJoin()
    {
        showPanel();
        TaskSharingBox *sharing = m_panel->sharingBox();
        QVERIFY(!sharing->sharedBox()->isEnabled());
        QVERIFY(!sharing->sharedBox()->isChecked());
        QVERIFY(!sharing->noteEdit()->isEnabled());
        QVERIFY(sharing->noteEdit()->isHidden()); // nothing to write a note for yet
        QCOMPARE(sharing->noteEdit()->maxLength(), 1000); // as the hub allows
        QVERIFY2(sharing->sharedBox()->toolTip().contains(QStringLiteral("Preferences → Team")),
                 qPrintable(sharing->sharedBox()->toolTip()));
        QVERIFY2(sharing->statusText().contains(QStringLiteral("Preferences → Team")), qPrintable(sharing->statusText()));
        // Nobody shares anything and nothing is chosen: no "After teammate" row to puzzle over.
        QVERIFY(m_panel->afterCommitmentBox()->isHidden());
        grab(QStringLiteral("details-shared-nohub.png"));
    }

    // A real TeamSync that has not joined a hub: the same, and a click shares nothing.
    void notJoinedSharingIsDisabled()
    {
        m_team = std::make_unique<TeamSync>(
            TeamSync::Options{m_dir->databasePath(), m_dir->path() + QStringLiteral("/hub-secrets.json"),
                              QTimeZone(QByteArrayLiteral("Europe/Berlin")), 0},
            m_services->clock);
        m_team->start();
        QTRY_VERIFY_WITH_TIMEOUT(m_team->isReady(), 10000);
        QVERIFY(!m_team->isJoined());
        m_services->context.team = m_team.get();
        showPanel();
        TaskSharingBox *sharing = m_panel->sharingBox();
        QVERIFY(!sharing->sharedBox()->isEnabled());
        QVERIFY(sharing->statusText().contains(QStringLiteral("team hub")));
        QTest::mouseClick(sharing->sharedBox(), Qt::LeftButton, {}, QPoint(8, sharing->sharedBox()->height() / 2));
        QVERIFY(!sharing->sharedBox()->isChecked());
        QVERIFY(m_team->snapshot().mine.isEmpty());
    }

    void pickerOffersTeammatesWork()
    {
        QVERIFY(TeamCommitmentRows::insert(*m_services->database));
        showPanel();
        QComboBox *box = m_panel->afterCommitmentBox();
        QVERIFY(!box->isHidden());
        QCOMPARE(box->currentData().toUuid(), QUuid());
        QCOMPARE(box->count(), 4); // none and three commitments
        QCOMPARE(box->itemText(box->findData(TeamCommitmentRows::apiSpec)),
                 QStringLiteral("Ada: API spec — planned to finish Fri"));
        QCOMPARE(box->itemText(box->findData(TeamCommitmentRows::apiReview)), QStringLiteral("Ada: API review — done"));
        QCOMPARE(box->itemText(box->findData(TeamCommitmentRows::budget)),
                 QStringLiteral("Grace: Budget — not planned yet, due Thu 10 Dec"));
        QVERIFY(!m_panel->isModified());
        grab(QStringLiteral("details-after-teammate.png"));
    }

    // Choosing a teammate's commitment is an edit like the others: Apply stores it in
    // Task::afterCommitment, Ctrl+Z takes it back, redo puts it back.
    void chosenCommitmentIsStoredAndUndoable()
    {
        QVERIFY(TeamCommitmentRows::insert(*m_services->database));
        m_history = std::make_unique<UndoHistory>(m_services->context);
        showPanel();
        m_panel->setUndoHistory(m_history.get());
        QComboBox *box = m_panel->afterCommitmentBox();
        box->setCurrentIndex(box->findData(TeamCommitmentRows::apiSpec));
        QVERIFY(m_panel->isModified());
        QVERIFY(m_panel->apply());
        QCOMPARE(m_services->tasks.task(m_task)->afterCommitment, TeamCommitmentRows::apiSpec);
        QVERIFY(m_services->tasks.task(m_task)->dependsOn.isEmpty()); // "Waits for" is a separate choice
        QVERIFY(!m_panel->isModified());

        m_history->undo();
        QCOMPARE(m_services->tasks.task(m_task)->afterCommitment, QUuid());
        QCOMPARE(box->currentData().toUuid(), QUuid()); // the panel follows the service
        m_history->redo();
        QCOMPARE(m_services->tasks.task(m_task)->afterCommitment, TeamCommitmentRows::apiSpec);
        QCOMPARE(box->currentData().toUuid(), TeamCommitmentRows::apiSpec);
    }

    // Ada stopped sharing what the task waits for: still chosen, said so, and can be cleared.
    void noLongerSharedIsShownUntilCleared()
    {
        QVERIFY(TeamCommitmentRows::insert(*m_services->database));
        Task task = *m_services->tasks.task(m_task);
        task.afterCommitment = TeamCommitmentRows::apiSpec;
        QVERIFY(m_services->tasks.update(task).isOk());
        QVERIFY(TeamCommitmentRows::remove(*m_services->database, TeamCommitmentRows::apiSpec));
        showPanel();
        QComboBox *box = m_panel->afterCommitmentBox();
        QCOMPARE(box->currentData().toUuid(), TeamCommitmentRows::apiSpec);
        QCOMPARE(box->currentText(), QStringLiteral("(no longer shared)"));
        QVERIFY(!m_panel->isModified());

        box->setCurrentIndex(0);
        QVERIFY(m_panel->apply());
        QCOMPARE(m_services->tasks.task(m_task)->afterCommitment, QUuid());
        QCOMPARE(box->findText(QStringLiteral("(no longer shared)")), -1);
    }

    // The whole panel at the width it gets beside the table in a 1024 px window.
    void screenshot()
    {
        QVERIFY(TeamCommitmentRows::insert(*m_services->database));
        Task task = *m_services->tasks.task(m_task);
        task.afterCommitment = TeamCommitmentRows::apiSpec;
        QVERIFY(m_services->tasks.update(task).isOk());
        showPanel();
        const QString path = qEnvironmentVariable("FERMATA_DETAILS_SHOT");
        if (!path.isEmpty()) {
            QTest::qWait(100); // the scroll area settles its scroll bar first
            QVERIFY(m_panel->grab().save(path));
        }
    }

private:
    void showPanel()
    {
        m_panel = std::make_unique<TaskDetailsPanel>(m_services->context);
        m_panel->resize(m_panel->sizeHint().width(), 760);
        m_panel->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
        m_panel->showTask(m_task);
    }

    void grab(const QString &name)
    {
        if (const QByteArray dir = qgetenv("FERMATA_SHOTS"); !dir.isEmpty()) {
            QDir().mkpath(QString::fromLocal8Bit(dir));
            QTest::qWait(100); // the scroll area settles its scroll bar first
            m_panel->grab().save(QString::fromLocal8Bit(dir) + QLatin1Char('/') + name);
        }
    }

    std::unique_ptr<test::TempDataDir> m_dir;
    std::unique_ptr<UiServices> m_services;
    std::unique_ptr<UndoHistory> m_history;
    std::unique_ptr<TeamSync> m_team;
    std::unique_ptr<TaskDetailsPanel> m_panel;
    qint64 m_task = 0;
};

QTEST_MAIN(TestSharedTasks)
#include "tst_sharedtasks.moc"
