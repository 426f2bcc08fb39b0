#include "dialogs/preferencesdialog.h"
#include "models/tasktablemodel.h"
#include "uitestfixture.h"
#include "views/taskdetailspanel.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QLabel>
#include <QPushButton>
#include <QSqlQuery>
#include <QTest>

using namespace fermata;
using test::UiServices;

// Issue 17 in the window: the details panel's "Planned as …" line under Remaining, the task
// table's estimate tooltip, and Preferences → General → "Learn from my estimates".
class TestEstimateLearningUi : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TempDataDir> m_dir;
    std::unique_ptr<UiServices> m_services;

    qint64 add(const QString &title, int minutes, const QStringList &tags, bool done = false)
    {
        Task t;
        t.title = title;
        t.estimateMinutes = t.remainingMinutes = minutes;
        t.tags = tags;
        t.done = done;
        const Result<Task> added = m_services->tasks.add(t);
        return added ? added->id : -1;
    }
    // `n` finished 'writing' tasks estimated at 60 min that took 80 (a focus session each).
    void finishWriting(int n)
    {
        for (int i = 0; i < n; ++i) {
            const qint64 id = add(QStringLiteral("Old %1").arg(i), 60, {QStringLiteral("writing")}, true);
            const qint64 end = test::utc(2026, 11, 20, 10).toMSecsSinceEpoch() + qint64(i) * 86400000;
            QSqlQuery q(m_services->database->connection());
            QVERIFY(q.exec(QStringLiteral("INSERT INTO focus_sessions (task_id, started_ms, planned_end_ms, ended_ms) "
                                          "VALUES (%1, %2, %3, %3)").arg(id).arg(end - 80 * 60000).arg(end)));
        }
    }
    static void shoot(QWidget *widget, const QString &name)
    {
        if (const QByteArray dir = qgetenv("FERMATA_SHOTS"); !dir.isEmpty()) {
            QDir().mkpath(QString::fromLocal8Bit(dir));
            QTest::qWait(100);
            widget->grab().save(QString::fromLocal8Bit(dir) + QLatin1Char('/') + name);
        }
    }

private Q_SLOTS:
    void initTestCase() { test::pinEnvironment("Europe/Berlin"); }

    void init()
    {
        m_dir = std::make_unique<test::TempDataDir>();
        m_services = std::make_unique<UiServices>(*m_dir, test::utc(2026, 12, 2, 9));
    }

    void cleanup()
    {
        m_services.reset();
        m_dir.reset();
    }

    void detailsPanelShowsBothNumbers()
    {
        finishWriting(8);
        const qint64 draft = add(QStringLiteral("Write the chapter"), 120, {QStringLiteral("writing")});
        TaskDetailsPanel panel(m_services->context);
        panel.resize(400, 720);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        panel.showTask(draft);
        QVERIFY(panel.plannedLabel()->isVisibleTo(&panel));
        QCOMPARE(panel.plannedLabel()->text(), QStringLiteral("Planned as 2 h 30 min from your last 8 'writing' tasks"));
        shoot(&panel, QStringLiteral("details-planned-as.png"));

        // Off: the line goes at once; on again: it comes back.
        m_services->preferences.setLearnFromEstimates(false);
        QVERIFY(!panel.plannedLabel()->isVisibleTo(&panel));
        m_services->preferences.setLearnFromEstimates(true);
        QVERIFY(panel.plannedLabel()->isVisibleTo(&panel));

        // A task with no history to learn from, other than all tasks: says which.
        const qint64 other = add(QStringLiteral("Call the bank"), 30, {});
        panel.showTask(other);
        QCOMPARE(panel.plannedLabel()->text(), QStringLiteral("Planned as 35 min from your last 8 tasks"));
        // A done task is not planned: no line.
        const qint64 done = add(QStringLiteral("Finished"), 60, {QStringLiteral("writing")}, true);
        panel.showTask(done);
        QVERIFY(!panel.plannedLabel()->isVisibleTo(&panel));
    }

    void detailsPanelWithoutHistoryHasNoLine()
    {
        finishWriting(4); // unset and fewer than 5: off
        const qint64 draft = add(QStringLiteral("Write"), 120, {QStringLiteral("writing")});
        TaskDetailsPanel panel(m_services->context);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        panel.showTask(draft);
        QVERIFY(!panel.plannedLabel()->isVisibleTo(&panel));
    }

    void tableTooltip()
    {
        finishWriting(8);
        add(QStringLiteral("Write the chapter"), 120, {QStringLiteral("writing")});
        TaskTableModel model(m_services->tasks);
        const QModelIndex estimate = model.index(model.rowCount() - 1, TaskTableModel::Estimate);
        QVERIFY(!model.data(estimate, Qt::ToolTipRole).isValid()); // without the planning service
        model.setPlanning(&m_services->planning);
        QCOMPARE(model.data(estimate, Qt::ToolTipRole).toString(),
                 QStringLiteral("Planned as 2 h 30 min from your last 8 'writing' tasks"));
        QVERIFY(!model.data(model.index(0, TaskTableModel::Estimate), Qt::ToolTipRole).isValid()); // done
    }

    void preferencesUnsetFollowsTheCount()
    {
        PreferencesDialog dialog(m_services->preferences);
        dialog.setEstimateSampleCount(3);
        QVERIFY(!dialog.learnBox()->isChecked());
        QVERIFY(dialog.learnNote()->text().contains(QStringLiteral("(3 so far)")));
        shoot(&dialog, QStringLiteral("preferences-learn.png"));
        dialog.accept(); // untouched: the choice stays open
        QCOMPARE(m_services->preferences.learnFromEstimates(), std::nullopt);

        PreferencesDialog five(m_services->preferences);
        five.setEstimateSampleCount(5);
        QVERIFY(five.learnBox()->isChecked());
        QVERIFY(!five.learnNote()->text().contains(QStringLiteral("so far")));
    }

    void preferencesSavesTheChoice()
    {
        PreferencesDialog dialog(m_services->preferences);
        dialog.setEstimateSampleCount(12);
        QVERIFY(dialog.learnBox()->isChecked());
        dialog.learnBox()->click();
        dialog.buttons()->button(QDialogButtonBox::Ok)->click();
        QCOMPARE(m_services->preferences.learnFromEstimates(), std::optional<bool>(false));

        PreferencesDialog again(m_services->preferences);
        again.setEstimateSampleCount(12);
        QVERIFY(!again.learnBox()->isChecked()); // the choice, whatever the count
        again.learnBox()->click();
        again.buttons()->button(QDialogButtonBox::Ok)->click();
        QCOMPARE(m_services->preferences.learnFromEstimates(), std::optional<bool>(true));
    }
};

QTEST_MAIN(TestEstimateLearningUi)
#include "tst_estimatelearningui.moc"
