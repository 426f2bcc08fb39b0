#include "planning/planningservice.h"
#include "settings/preferences.h"
#include "storage/database.h"
#include "storage/repositories.h"
#include "tasks/estimatelearning.h"
#include "tasks/taskservice.h"
#include "testsupport.h"
#include "time/clock.h"

#include <QSqlQuery>
#include <QTest>

#include <memory>

using namespace fermata;

namespace {

QDateTime utc(int d, int h, int m = 0) // Monday 30 Nov 2026 + d days
{
    return QDateTime(QDate(2026, 11, 30).addDays(d), QTime(h, m), Qt::UTC);
}

// "writing:60:90" -> tags {writing}, estimate 60, actual 90; "-:60:90" untagged;
// "a+b:60:90" several tags. Listed oldest first.
QList<EstimateSample> samples(const QStringList &specs)
{
    QList<EstimateSample> out;
    qint64 id = 1;
    for (const QString &spec : specs) {
        const QStringList f = spec.split(QLatin1Char(':'));
        EstimateSample s;
        s.taskId = id;
        s.tags = f[0] == QLatin1String("-") ? QStringList() : f[0].split(QLatin1Char('+'));
        s.estimateMinutes = f[1].toInt();
        s.actualMinutes = f[2].toInt();
        s.finishedMs = 1000 * id++;
        out.append(s);
    }
    return out;
}

QStringList repeat(const QString &spec, int n)
{
    QStringList out;
    for (int i = 0; i < n; ++i)
        out.append(spec);
    return out;
}

} // namespace

// Issue 17: the estimate ratio (pure), its SQL reader, the switch, and plans with it.
class TestEstimateLearning final : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TempDataDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<TaskRepository> m_taskRepo;
    std::unique_ptr<TaskService> m_tasks;
    std::unique_ptr<Preferences> m_prefs;
    std::unique_ptr<FakeClock> m_clock;
    std::unique_ptr<PlanningService> m_service;
    const Interval m_week{utc(0, 0).toMSecsSinceEpoch(), utc(5, 0).toMSecsSinceEpoch()};

    qint64 addTask(const QString &title, int minutes, const QStringList &tags, bool done = false)
    {
        Task t;
        t.title = title;
        t.estimateMinutes = t.remainingMinutes = minutes;
        t.tags = tags;
        t.done = done;
        t.minChunkMinutes = 30;
        t.maxChunkMinutes = 120;
        const Result<Task> added = m_tasks->add(t);
        return added ? added->id : -1;
    }
    // A focus session on `taskId` of `minutes`, ending at `endMs`.
    void addSession(qint64 taskId, int minutes, qint64 endMs)
    {
        QSqlQuery q(m_db->connection());
        QVERIFY(q.prepare(QStringLiteral("INSERT INTO focus_sessions (task_id, started_ms, planned_end_ms, ended_ms) "
                                         "VALUES (?, ?, ?, ?)")));
        q.addBindValue(taskId);
        q.addBindValue(endMs - qint64(minutes) * 60000);
        q.addBindValue(endMs);
        q.addBindValue(endMs);
        QVERIFY(q.exec());
    }
    // `n` finished 'writing' tasks of 60 min estimate that took `actual` (two sessions each).
    void finishWriting(int n, int actual)
    {
        for (int i = 0; i < n; ++i) {
            const qint64 id = addTask(QStringLiteral("Old %1").arg(i), 60, {QStringLiteral("writing")}, true);
            addSession(id, actual / 2, utc(-7, 9).toMSecsSinceEpoch() + i * 3600000);
            addSession(id, actual - actual / 2, utc(-7, 9, 30).toMSecsSinceEpoch() + i * 3600000);
        }
    }
    QList<FocusBlock> stored() const
    {
        Result<QList<FocusBlock>> all = FocusBlockRepository(*m_db).all();
        QList<FocusBlock> list = all ? *all : QList<FocusBlock>();
        std::sort(list.begin(), list.end(), [](const FocusBlock &a, const FocusBlock &b) { return a.start < b.start; });
        return list;
    }
    static int minutesOf(const QList<FocusBlock> &blocks, qint64 taskId)
    {
        qint64 ms = 0;
        for (const FocusBlock &b : blocks) {
            if (b.taskId == taskId)
                ms += b.start.msecsTo(b.end);
        }
        return int(ms / 60000);
    }

private Q_SLOTS:
    void initTestCase() { test::pinEnvironment(); }

    void init()
    {
        m_dir = std::make_unique<test::TempDataDir>();
        Result<std::unique_ptr<Database>> db = Database::open(m_dir->databasePath());
        QVERIFY(db.isOk());
        m_db = std::move(db).value();
        m_taskRepo = std::make_unique<TaskRepository>(*m_db);
        m_tasks = std::make_unique<TaskService>(*m_taskRepo);
        QVERIFY(m_tasks->load().isOk());
        m_prefs = std::make_unique<Preferences>(QSettings::IniFormat, m_dir->filePath(QStringLiteral("prefs.ini")));
        m_prefs->setWorkingHours(WorkingHours::defaults(QByteArrayLiteral("UTC")));
        m_clock = std::make_unique<FakeClock>(utc(0, 8));
        m_service = std::make_unique<PlanningService>(*m_db, *m_tasks, *m_prefs, *m_clock);
    }

    void cleanup()
    {
        m_service.reset();
        m_clock.reset();
        m_prefs.reset();
        m_tasks.reset();
        m_taskRepo.reset();
        m_db.reset();
        m_dir.reset();
    }

    void ratio_data()
    {
        QTest::addColumn<QStringList>("history");
        QTest::addColumn<QStringList>("taskTags");
        QTest::addColumn<double>("ratio");
        QTest::addColumn<int>("count");
        QTest::addColumn<QString>("tag");

        QTest::newRow("no history") << QStringList() << QStringList{QStringLiteral("writing")} << 1.0 << 0 << QString();
        // One task that took twice as long says little: 1 + (2 - 1) * 1/4.
        QTest::newRow("one sample pulled toward 1")
            << QStringList{QStringLiteral("writing:60:120")} << QStringList{QStringLiteral("writing")} << 1.25 << 1
            << QStringLiteral("writing");
        // Eight at 4/3: 1 + (1/3) * 8/11.
        QTest::newRow("eight samples")
            << repeat(QStringLiteral("writing:60:80"), 8) << QStringList{QStringLiteral("writing")}
            << 1.0 + (1.0 / 3.0) * 8.0 / 11.0 << 8 << QStringLiteral("writing");
        // The median ignores the one that took ten times as long.
        QTest::newRow("outlier")
            << (repeat(QStringLiteral("writing:60:90"), 17) << QStringLiteral("writing:60:600"))
            << QStringList{QStringLiteral("writing")} << 1.0 + 0.5 * 18.0 / 21.0 << 18 << QStringLiteral("writing");
        // Only the last 20 count: 10 old at 3x, 20 recent on estimate.
        QTest::newRow("window of 20")
            << (repeat(QStringLiteral("writing:60:180"), 10) + repeat(QStringLiteral("writing:60:60"), 20))
            << QStringList{QStringLiteral("writing")} << 1.0 << 20 << QStringLiteral("writing");
        QTest::newRow("clamped high")
            << repeat(QStringLiteral("writing:10:100"), 20) << QStringList{QStringLiteral("writing")} << 3.0 << 20
            << QStringLiteral("writing");
        QTest::newRow("clamped low")
            << repeat(QStringLiteral("writing:100:10"), 20) << QStringList{QStringLiteral("writing")} << 0.5 << 20
            << QStringLiteral("writing");
        // A tag with no history uses all finished tasks (here 2 'writing' at 2x + 1 untagged at 1x:
        // median 2, 3 samples: 1 + 1 * 3/6).
        QTest::newRow("tag with none uses all")
            << QStringList{QStringLiteral("writing:60:120"), QStringLiteral("writing:60:120"), QStringLiteral("-:60:60")}
            << QStringList{QStringLiteral("review")} << 1.5 << 3 << QString();
        QTest::newRow("untagged uses all")
            << QStringList{QStringLiteral("writing:60:120"), QStringLiteral("-:60:120"), QStringLiteral("-:60:120")}
            << QStringList() << 1.5 << 3 << QString();
        // Several tags: the one with the most samples ('code': 3 at 1x beats 'writing': 1 at 2x).
        QTest::newRow("several tags, most samples")
            << QStringList{QStringLiteral("writing:60:120"), QStringLiteral("code:60:60"), QStringLiteral("code:60:60"),
                           QStringLiteral("code+writing:60:60")}
            << QStringList{QStringLiteral("writing"), QStringLiteral("code")} << 1.0 << 3 << QStringLiteral("code");
        // A tie goes to the task's first tag.
        QTest::newRow("several tags, tie")
            << QStringList{QStringLiteral("writing:60:120"), QStringLiteral("code:60:60")}
            << QStringList{QStringLiteral("writing"), QStringLiteral("code")} << 1.25 << 1 << QStringLiteral("writing");
        // No actual time (or no estimate): not a sample.
        QTest::newRow("no recorded time ignored")
            << QStringList{QStringLiteral("writing:60:0"), QStringLiteral("writing:0:60"), QStringLiteral("writing:60:120")}
            << QStringList{QStringLiteral("writing")} << 1.25 << 1 << QStringLiteral("writing");
        // Even count: the mean of the two middle ratios (1 and 2 -> 1.5), pulled: 1 + 0.5 * 2/5.
        QTest::newRow("even median")
            << QStringList{QStringLiteral("-:60:60"), QStringLiteral("-:60:120")} << QStringList() << 1.2 << 2 << QString();
    }

    void ratio()
    {
        QFETCH(QStringList, history);
        QFETCH(QStringList, taskTags);
        QFETCH(double, ratio);
        QFETCH(int, count);
        QFETCH(QString, tag);
        const EstimateRatio r = EstimateLearning(samples(history)).ratioFor(taskTags);
        QVERIFY2(qAbs(r.ratio - ratio) < 1e-9, qPrintable(QString::number(r.ratio, 'g', 12)));
        QCOMPARE(r.samples, count);
        QCOMPARE(r.tag, tag);
    }

    void scaledAndWords()
    {
        QCOMPARE(EstimateLearning::scaledMinutes(120, 1.0 + 1.0 / 3.0), 160);
        QCOMPARE(EstimateLearning::scaledMinutes(50, 1.25), 65);  // 62.5 -> 65
        QCOMPARE(EstimateLearning::scaledMinutes(2, 0.5), 5);     // never below 5
        QCOMPARE(EstimateLearning::scaledMinutes(0, 2.0), 0);
        const LearnedEstimate e{120, 160, EstimateRatio{4.0 / 3.0, 8, QStringLiteral("writing")}};
        QCOMPARE(EstimateLearning::plannedText(e), QStringLiteral("planned as 2 h 40 min from your last 8 'writing' tasks"));
        QCOMPARE(EstimateLearning::sourceText(EstimateRatio{1.25, 1, QString()}), QStringLiteral("from your last task"));
        QCOMPARE(EstimateLearning::sourceText(EstimateRatio{1.25, 12, QString()}), QStringLiteral("from your last 12 tasks"));

        Task t;
        t.remainingMinutes = 120;
        t.tags = {QStringLiteral("writing")};
        QVERIFY(!EstimateLearning().estimateFor(t)); // no history: nothing to say
        const EstimateLearning onEstimate(samples(repeat(QStringLiteral("writing:60:60"), 8)));
        QVERIFY(!onEstimate.estimateFor(t)); // ratio 1: the same time, nothing to say

        // A task that cannot be split grows no longer than its longest block.
        const EstimateLearning slow(samples(repeat(QStringLiteral("writing:60:120"), 20)));
        t.remainingMinutes = 60;
        t.splittable = false;
        t.maxChunkMinutes = 90;
        QCOMPARE(slow.estimateFor(t)->plannedMinutes, 90);
        t.maxChunkMinutes = 60;
        QVERIFY(!slow.estimateFor(t));
        t.splittable = true;
        QCOMPARE(slow.estimateFor(t)->plannedMinutes, 110); // 60 * (1 + 20/23) = 112.2
    }

    void switchState_data()
    {
        QTest::addColumn<int>("choice"); // -1 unset, 0 off, 1 on
        QTest::addColumn<int>("count");
        QTest::addColumn<bool>("on");
        QTest::newRow("unset, 4 finished") << -1 << 4 << false;
        QTest::newRow("unset, 5 finished") << -1 << 5 << true;
        QTest::newRow("off, 30 finished") << 0 << 30 << false;
        QTest::newRow("on, 0 finished") << 1 << 0 << true;
    }

    void switchState()
    {
        QFETCH(int, choice);
        QFETCH(int, count);
        QFETCH(bool, on);
        const std::optional<bool> c = choice < 0 ? std::nullopt : std::optional<bool>(choice == 1);
        QCOMPARE(EstimateLearning::isOn(c, count), on);
    }

    void preferenceIsTriState()
    {
        QCOMPARE(m_prefs->learnFromEstimates(), std::nullopt);
        m_prefs->setLearnFromEstimates(false);
        QCOMPARE(m_prefs->learnFromEstimates(), std::optional<bool>(false));
        Preferences reread(QSettings::IniFormat, m_prefs->fileName());
        QCOMPARE(reread.learnFromEstimates(), std::optional<bool>(false));
        m_prefs->setLearnFromEstimates(true);
        QCOMPARE(m_prefs->learnFromEstimates(), std::optional<bool>(true));
    }

    // The SQL reader: done tasks only, sessions summed, open sessions and other tasks left out.
    void readsFromStorage()
    {
        finishWriting(3, 90);
        const qint64 open = addTask(QStringLiteral("Open"), 60, {QStringLiteral("writing")});
        addSession(open, 600, utc(-1, 12).toMSecsSinceEpoch()); // not done: no sample
        const qint64 noTime = addTask(QStringLiteral("Done without time"), 60, {}, true);
        Q_UNUSED(noTime);
        const qint64 untagged = addTask(QStringLiteral("Untagged"), 30, {}, true);
        addSession(untagged, 30, utc(-1, 10).toMSecsSinceEpoch());
        QSqlQuery running(m_db->connection());
        QVERIFY(running.exec(QStringLiteral("INSERT INTO focus_sessions (task_id, started_ms, planned_end_ms) "
                                            "VALUES (%1, 0, 1)").arg(untagged)));

        const Result<EstimateLearning> learning = EstimateLearning::read(*m_db);
        QVERIFY2(learning.isOk(), learning ? "" : qPrintable(learning.error().message));
        QCOMPARE(learning->sampleCount(), 4);
        const EstimateRatio writing = learning->ratioFor({QStringLiteral("writing")});
        QCOMPARE(writing.samples, 3);
        QVERIFY(qAbs(writing.ratio - (1.0 + 0.5 * 3.0 / 6.0)) < 1e-9);
        QCOMPARE(learning->ratioFor({}).samples, 4);
    }

    // Only each tag's last 20 (and the overall last 20) are read, whatever the history.
    void readsOnlyTheWindow()
    {
        finishWriting(25, 90);
        const qint64 review = addTask(QStringLiteral("Review"), 60, {QStringLiteral("review")}, true);
        addSession(review, 60, utc(-30, 9).toMSecsSinceEpoch()); // the oldest of all
        const Result<EstimateLearning> learning = EstimateLearning::read(*m_db);
        QVERIFY(learning.isOk());
        QCOMPARE(learning->sampleCount(), 21); // 20 writing + the one review
        QCOMPARE(learning->ratioFor({QStringLiteral("review")}).samples, 1);
        QCOMPARE(learning->ratioFor({QStringLiteral("writing")}).samples, 20);
    }

    // On: the open task is planned with its scaled time and the reason says so.
    void planUsesScaledTime()
    {
        finishWriting(8, 80); // 8 at 4/3 -> ratio 1 + (1/3) * 8/11
        const qint64 id = addTask(QStringLiteral("Draft"), 120, {QStringLiteral("writing")});
        QVERIFY(m_service->isLearningEstimates()); // unset, 8 finished: on
        const std::optional<LearnedEstimate> learned = m_service->learnedEstimate(*m_tasks->task(id));
        QVERIFY(learned);
        QCOMPARE(learned->plannedMinutes, 150); // 120 * 1.2424 = 149.1 -> 150
        QCOMPARE(learned->ratio.samples, 8);

        const Result<Plan> plan = m_service->plan(m_week);
        QVERIFY(plan.isOk());
        const QList<FocusBlock> blocks = stored();
        QCOMPARE(minutesOf(blocks, id), 150);
        QVERIFY(!blocks.isEmpty());
        QCOMPARE(m_service->blockReason(blocks.first().id),
                 QStringLiteral("P3, no deadline, planned as 2 h 30 min from your last 8 'writing' tasks"));
        // The task itself keeps what the person entered.
        QCOMPARE(m_tasks->task(id)->remainingMinutes, 120);
    }

    // Off (the person's choice, or unset with fewer than 5): exactly the plain plan.
    void offPlansExactlyAsBefore()
    {
        finishWriting(8, 80);
        addTask(QStringLiteral("Draft"), 120, {QStringLiteral("writing")});
        addTask(QStringLiteral("Other"), 90, {});
        m_prefs->setLearnFromEstimates(false);
        QVERIFY(!m_service->isLearningEstimates());
        QVERIFY(m_service->plan(m_week).isOk());
        const QList<FocusBlock> off = stored();
        QStringList offReasons;
        for (const FocusBlock &b : off)
            offReasons << m_service->blockReason(b.id);

        // The same tasks without any history plan the same blocks with the same reasons.
        cleanup();
        init();
        addTask(QStringLiteral("Draft"), 120, {QStringLiteral("writing")});
        addTask(QStringLiteral("Other"), 90, {});
        QVERIFY(m_service->plan(m_week).isOk());
        const QList<FocusBlock> plain = stored();
        QCOMPARE(off.size(), plain.size());
        for (qsizetype i = 0; i < off.size(); ++i) {
            QCOMPARE(off[i].start, plain[i].start);
            QCOMPARE(off[i].end, plain[i].end);
            QCOMPARE(offReasons[i], m_service->blockReason(plain[i].id));
            QVERIFY(!offReasons[i].contains(QStringLiteral("planned as")));
        }
    }

    void unsetWithFewIsOff()
    {
        finishWriting(4, 120);
        const qint64 id = addTask(QStringLiteral("Draft"), 120, {QStringLiteral("writing")});
        QCOMPARE(m_service->estimateSampleCount(), 4);
        QVERIFY(!m_service->isLearningEstimates());
        QVERIFY(!m_service->learnedEstimate(*m_tasks->task(id)));
        QVERIFY(m_service->plan(m_week).isOk());
        QCOMPARE(minutesOf(stored(), id), 120);
        // Chosen on: learns even from four.
        m_prefs->setLearnFromEstimates(true);
        QVERIFY(m_service->learnedEstimate(*m_tasks->task(id)));
    }
};

QTEST_GUILESS_MAIN(TestEstimateLearning)
#include "tst_estimatelearning.moc"
