#pragma once

#include "model/commitment.h"
#include "model/task.h"
#include "result.h"

#include <QList>
#include <QObject>

namespace fermata {

class Database;
class TaskRepository;

// The tasks the person has, kept in memory in id order and written through to storage.
// The UI observes it through its signals and asks it to act; it never touches SQL.
class TaskService final : public QObject
{
    Q_OBJECT
public:
    explicit TaskService(TaskRepository &repository, QObject *parent = nullptr);
    // With the database the team's copy of commitments is read from (what a task can wait
    // for); without it teammateCommitments() is empty.
    TaskService(TaskRepository &repository, Database &teamCopy, QObject *parent = nullptr);

    // Loads every task from storage (call once after construction).
    Status load();
    // Takes tasks read elsewhere (the window reads them on a worker thread while it builds
    // itself); the same as load() with them.
    void reset(QList<Task> tasks);
    // Another process changed the tasks: re-reads them and announces only the differences
    // (added, changed, removed), so views keep their selection and scroll position.
    Status reloadChanges();

    const QList<Task> &tasks() const { return m_tasks; }
    std::optional<Task> task(qint64 id) const;
    // The first task with this title, ignoring case (how `after "Write report"` names one);
    // 0 when there is none.
    qint64 idByTitle(const QString &title) const;
    // What my teammates shared, as the last hub sync left it (a task can wait for one, in
    // Task::afterCommitment): by owner, then due, title.
    Result<QList<TeammateCommitment>> teammateCommitments() const;

    // Validates (non-empty title, positive estimate, chunk bounds) and stores; returns the
    // stored task with its id. A minimum block longer than the whole task is shortened to the
    // estimate (a 15-minute task gets a 15-minute minimum, not the default 30).
    Result<Task> add(Task task);
    Status update(const Task &task);
    Status setDone(qint64 id, bool done);
    Status remove(qint64 id);

    // An empty string when the task is acceptable, else what to fix, in words for people.
    static QString validationError(const Task &task);

Q_SIGNALS:
    void taskAdded(const fermata::Task &task);
    void taskChanged(const fermata::Task &task);
    void taskRemoved(qint64 id);
    void tasksReset();

private:
    qsizetype indexOf(qint64 id) const;

    TaskRepository &m_repository;
    Database *m_teamCopy = nullptr;
    QList<Task> m_tasks;
};

} // namespace fermata
