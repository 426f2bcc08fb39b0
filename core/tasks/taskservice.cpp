#include "tasks/taskservice.h"

#include "storage/repositories.h"

#include <QCoreApplication>
#include <QSet>

#include <algorithm>

namespace {

// Messages people read, filed under the tasks context of the core's translations.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(fermata::Tasks)
};

} // namespace

namespace fermata {

TaskService::TaskService(TaskRepository &repository, QObject *parent)
    : QObject(parent), m_repository(repository)
{
}

TaskService::TaskService(TaskRepository &repository, Database &teamCopy, QObject *parent)
    : QObject(parent), m_repository(repository), m_teamCopy(&teamCopy)
{
}

Result<QList<TeammateCommitment>> TaskService::teammateCommitments() const
{
    if (!m_teamCopy)
        return QList<TeammateCommitment>{};
    return TeamCommitmentRepository(*m_teamCopy).all();
}

Status TaskService::load()
{
    auto loaded = m_repository.all();
    if (!loaded)
        return loaded.error();
    reset(std::move(loaded).value());
    return {};
}

void TaskService::reset(QList<Task> tasks)
{
    m_tasks = std::move(tasks);
    Q_EMIT tasksReset();
}

Status TaskService::reloadChanges()
{
    auto loaded = m_repository.all();
    if (!loaded)
        return loaded.error();
    QList<Task> fresh = std::move(loaded).value();
    QSet<qint64> present;
    for (const Task &task : fresh)
        present.insert(task.id);
    for (qsizetype i = m_tasks.size() - 1; i >= 0; --i) {
        if (!present.contains(m_tasks.at(i).id)) {
            const qint64 id = m_tasks.at(i).id;
            m_tasks.removeAt(i);
            Q_EMIT taskRemoved(id);
        }
    }
    for (const Task &task : fresh) { // both lists are in id order
        const qsizetype index = indexOf(task.id);
        if (index < 0) {
            const auto at = std::lower_bound(m_tasks.begin(), m_tasks.end(), task.id,
                                             [](const Task &t, qint64 id) { return t.id < id; });
            m_tasks.insert(at, task);
            Q_EMIT taskAdded(task);
        } else if (!(m_tasks.at(index) == task)) {
            m_tasks[index] = task;
            Q_EMIT taskChanged(task);
        }
    }
    return {};
}

std::optional<Task> TaskService::task(qint64 id) const
{
    const qsizetype index = indexOf(id);
    if (index < 0)
        return std::nullopt;
    return m_tasks.at(index);
}

qint64 TaskService::idByTitle(const QString &title) const
{
    const QString wanted = title.trimmed();
    for (const Task &task : m_tasks) {
        if (task.title.compare(wanted, Qt::CaseInsensitive) == 0)
            return task.id;
    }
    return 0;
}

QString TaskService::validationError(const Task &task)
{
    if (task.title.trimmed().isEmpty())
        return Text::tr("Give the task a title.");
    if (task.estimateMinutes <= 0)
        return Text::tr("Estimate the task at one minute or more.");
    if (task.remainingMinutes < 0)
        return Text::tr("The remaining time cannot be negative.");
    if (task.remainingMinutes > task.estimateMinutes)
        return Text::tr("The remaining time (%1 min) is longer than the estimate (%2 min): "
                        "raise the estimate.")
            .arg(task.remainingMinutes)
            .arg(task.estimateMinutes);
    if (task.minChunkMinutes <= 0)
        return Text::tr("The minimum block must be one minute or more.");
    if (task.minChunkMinutes > task.maxChunkMinutes)
        return Text::tr("The minimum block (%1 min) is longer than the maximum block (%2 min).")
            .arg(task.minChunkMinutes)
            .arg(task.maxChunkMinutes);
    if (int(task.priority) < int(Priority::P1) || int(task.priority) > int(Priority::P4))
        return Text::tr("Choose a priority from P1 to P4.");
    if (task.deadline.isValid() && task.earliestStart.isValid()
        && task.deadline <= task.earliestStart)
        return Text::tr("The deadline is before the earliest start: move one of them.");
    if (task.id != 0 && task.dependsOn.contains(task.id))
        return Text::tr("A task cannot wait for itself.");
    return {};
}

Result<Task> TaskService::add(Task task)
{
    task.id = 0;
    if (task.estimateMinutes > 0)
        task.minChunkMinutes = std::min(task.minChunkMinutes, task.estimateMinutes);
    if (const QString problem = validationError(task); !problem.isEmpty())
        return Result<Task>::failure(Error::Code::Invalid, problem);
    for (const qint64 dependency : std::as_const(task.dependsOn)) {
        if (indexOf(dependency) < 0)
            return Result<Task>::failure(Error::Code::Invalid,
                                         Text::tr("The task waits for a task that no "
                                                  "longer exists."));
    }
    const auto id = m_repository.add(task);
    if (!id)
        return id.error();
    task.id = *id;
    // New ids are larger than every earlier one (AUTOINCREMENT), so appending keeps id order.
    m_tasks.append(task);
    Q_EMIT taskAdded(task);
    return task;
}

Status TaskService::update(const Task &task)
{
    const qsizetype index = indexOf(task.id);
    if (index < 0)
        return Status::failure(Error::Code::NotFound,
                               Text::tr("The task \"%1\" no longer exists.").arg(task.title));
    if (const QString problem = validationError(task); !problem.isEmpty())
        return Status::failure(Error::Code::Invalid, problem);
    for (const qint64 dependency : task.dependsOn) {
        if (indexOf(dependency) < 0)
            return Status::failure(Error::Code::Invalid,
                                   Text::tr("The task waits for a task that no longer "
                                            "exists."));
    }
    if (Status status = m_repository.update(task); !status)
        return status;
    m_tasks[index] = task;
    Q_EMIT taskChanged(task);
    return {};
}

Status TaskService::setDone(qint64 id, bool done)
{
    const qsizetype index = indexOf(id);
    if (index < 0)
        return Status::failure(Error::Code::NotFound, Text::tr("The task no longer exists."));
    Task changed = m_tasks.at(index);
    if (changed.done == done)
        return {};
    changed.done = done; // remaining time is kept: undoing "done" restores the plan
    if (Status status = m_repository.update(changed); !status)
        return status;
    m_tasks[index] = changed;
    Q_EMIT taskChanged(changed);
    return {};
}

Status TaskService::remove(qint64 id)
{
    const qsizetype index = indexOf(id);
    if (index < 0)
        return Status::failure(Error::Code::NotFound, Text::tr("The task no longer exists."));
    if (Status status = m_repository.remove(id); !status)
        return status;
    m_tasks.removeAt(index);
    Q_EMIT taskRemoved(id);
    // Storage dropped the dependency rows (ON DELETE CASCADE); mirror that in memory.
    for (Task &other : m_tasks) {
        if (other.dependsOn.removeAll(id) > 0)
            Q_EMIT taskChanged(other);
    }
    return {};
}

qsizetype TaskService::indexOf(qint64 id) const
{
    // m_tasks is kept in id order.
    const auto it = std::lower_bound(m_tasks.cbegin(), m_tasks.cend(), id,
                                     [](const Task &t, qint64 value) { return t.id < value; });
    if (it == m_tasks.cend() || it->id != id)
        return -1;
    return qsizetype(it - m_tasks.cbegin());
}

} // namespace fermata
