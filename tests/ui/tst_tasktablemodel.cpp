#include "models/tasktablemodel.h"
#include "uitestfixture.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace fermata;
using test::UiServices;

class TestTaskTableModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { test::pinEnvironment(); }
    void init();
    void cleanup();
    void passesTheModelTester();
    void followsServiceAdds();
    void followsServiceChangesAndRemovals();
    void editsPersist();
    void doneCheckboxPersists();
    void rejectedEditsReportErrors();
    void sortRolePutsMissingDeadlinesLast();

private:
    Task addTask(const QString &title);
    void reopen();

    std::unique_ptr<test::TempDataDir> m_dir;
    std::unique_ptr<UiServices> m_services;
    std::unique_ptr<TaskTableModel> m_model;
};

void TestTaskTableModel::init()
{
    m_dir = std::make_unique<test::TempDataDir>();
    QVERIFY(m_dir->isValid());
    m_services = std::make_unique<UiServices>(*m_dir, test::utc(2024, 5, 13, 10));
    m_model = std::make_unique<TaskTableModel>(m_services->tasks);
}

void TestTaskTableModel::cleanup()
{
    m_model.reset();
    m_services.reset();
    m_dir.reset();
}

Task TestTaskTableModel::addTask(const QString &title)
{
    Task task;
    task.title = title;
    const auto added = m_services->tasks.add(task);
    if (!added)
        qFatal("add failed: %s", qPrintable(added.error().message));
    return *added;
}

void TestTaskTableModel::reopen()
{
    m_model.reset();
    m_services.reset(); // closes the database
    m_services = std::make_unique<UiServices>(*m_dir, test::utc(2024, 5, 13, 10));
    m_model = std::make_unique<TaskTableModel>(m_services->tasks);
}

void TestTaskTableModel::passesTheModelTester()
{
    addTask(QStringLiteral("Existing"));
    m_model = std::make_unique<TaskTableModel>(m_services->tasks);
    QAbstractItemModelTester tester(m_model.get(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    const Task second = addTask(QStringLiteral("Second"));
    addTask(QStringLiteral("Third"));
    Task changed = second;
    changed.title = QStringLiteral("Second, renamed");
    QVERIFY(m_services->tasks.update(changed));
    QVERIFY(m_services->tasks.setDone(second.id, true));
    QVERIFY(m_services->tasks.remove(second.id));
    QVERIFY(m_services->tasks.load()); // may announce tasksReset
    QCOMPARE(m_model->rowCount(), 2);
}

void TestTaskTableModel::followsServiceAdds()
{
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    const Task task = addTask(QStringLiteral("Write report"));
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 0);
    QCOMPARE(m_model->rowCount(), 1);
    QCOMPARE(m_model->columnCount(), int(TaskTableModel::ColumnCount));
    const QModelIndex title = m_model->index(0, TaskTableModel::Title);
    QCOMPARE(title.data().toString(), QStringLiteral("Write report"));
    QCOMPARE(title.data(TaskTableModel::TaskIdRole).toLongLong(), task.id);
    QCOMPARE(m_model->index(0, TaskTableModel::Estimate).data().toString(), QStringLiteral("1 h"));
    QCOMPARE(m_model->index(0, TaskTableModel::Priority).data().toString(), QStringLiteral("P3"));
    QCOMPARE(m_model->index(0, TaskTableModel::Done).data(Qt::CheckStateRole).toInt(),
             int(Qt::Unchecked));
    addTask(QStringLiteral("Second"));
    QCOMPARE(inserted.count(), 2);
    QCOMPARE(inserted.at(1).at(1).toInt(), 1);
}

void TestTaskTableModel::followsServiceChangesAndRemovals()
{
    Task task = addTask(QStringLiteral("Draft"));
    addTask(QStringLiteral("Other"));
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
    task.title = QStringLiteral("Final");
    QVERIFY(m_services->tasks.update(task));
    QVERIFY(changed.count() >= 1);
    QCOMPARE(m_model->index(0, TaskTableModel::Title).data().toString(), QStringLiteral("Final"));
    QVERIFY(m_services->tasks.remove(task.id));
    QCOMPARE(removed.count(), 1);
    QCOMPARE(m_model->rowCount(), 1);
    QCOMPARE(m_model->index(0, TaskTableModel::Title).data().toString(), QStringLiteral("Other"));
}

void TestTaskTableModel::editsPersist()
{
    addTask(QStringLiteral("Old title"));
    QVERIFY(m_model->setData(m_model->index(0, TaskTableModel::Title), QStringLiteral("New title")));
    QVERIFY(m_model->setData(m_model->index(0, TaskTableModel::Estimate), QStringLiteral("1h 30m")));
    QVERIFY(m_model->setData(m_model->index(0, TaskTableModel::Priority), QStringLiteral("P1")));
    QCOMPARE(m_model->index(0, TaskTableModel::Estimate).data().toString(),
             QStringLiteral("1 h 30 min"));

    reopen();
    QCOMPARE(m_model->rowCount(), 1);
    const Task stored = m_services->tasks.tasks().constFirst();
    QCOMPARE(stored.title, QStringLiteral("New title"));
    QCOMPARE(stored.estimateMinutes, 90);
    QCOMPARE(stored.priority, Priority::P1);
}

void TestTaskTableModel::doneCheckboxPersists()
{
    addTask(QStringLiteral("Ship it"));
    const QModelIndex done = m_model->index(0, TaskTableModel::Done);
    QVERIFY(m_model->flags(done) & Qt::ItemIsUserCheckable);
    QVERIFY(!(m_model->flags(m_model->index(0, TaskTableModel::Deadline)) & Qt::ItemIsEditable));
    QVERIFY(m_model->setData(done, int(Qt::Checked), Qt::CheckStateRole));
    QCOMPARE(done.data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
    QCOMPARE(done.data(TaskTableModel::DoneRole).toBool(), true);
    reopen();
    QVERIFY(m_services->tasks.tasks().constFirst().done);
}

void TestTaskTableModel::rejectedEditsReportErrors()
{
    addTask(QStringLiteral("Keep me"));
    QSignalSpy errors(m_model.get(), &TaskTableModel::errorOccurred);
    QVERIFY(!m_model->setData(m_model->index(0, TaskTableModel::Title), QStringLiteral("   ")));
    QCOMPARE(errors.count(), 1);
    QVERIFY(!errors.at(0).at(0).toString().isEmpty());
    QVERIFY(!m_model->setData(m_model->index(0, TaskTableModel::Estimate), QStringLiteral("soon")));
    QVERIFY(!m_model->setData(m_model->index(0, TaskTableModel::Priority), QStringLiteral("P7")));
    QCOMPARE(errors.count(), 3);
    QCOMPARE(m_services->tasks.tasks().constFirst().title, QStringLiteral("Keep me"));
    QCOMPARE(m_model->index(0, TaskTableModel::Title).data().toString(), QStringLiteral("Keep me"));
}

void TestTaskTableModel::sortRolePutsMissingDeadlinesLast()
{
    Task withDeadline = addTask(QStringLiteral("Due"));
    withDeadline.deadline = test::utc(2024, 5, 17, 12);
    QVERIFY(m_services->tasks.update(withDeadline));
    addTask(QStringLiteral("Whenever"));
    const auto key = [this](int row) {
        return m_model->index(row, TaskTableModel::Deadline).data(TaskTableModel::SortRole).toLongLong();
    };
    QVERIFY(key(0) < key(1));
    QVERIFY(!m_model->index(0, TaskTableModel::Deadline).data().toString().isEmpty());
    QVERIFY(m_model->index(1, TaskTableModel::Deadline).data().toString().isEmpty());
}

QTEST_MAIN(TestTaskTableModel)
#include "tst_tasktablemodel.moc"
