#include "taskcommands.h"

#include "planning/planningservice.h"
#include "tasks/taskservice.h"
#include "time/interval.h"
#include "uicontext.h"
#include "undohistory.h"

#include <QCoreApplication>

#include <limits>

namespace fermata {

namespace {

QString failed(const QUndoCommand &command, bool undoing, const QString &reason)
{
    return undoing ? UndoHistory::tr("Could not undo “%1”: %2.").arg(command.text(), reason)
                   : UndoHistory::tr("Could not redo “%1”: %2.").arg(command.text(), reason);
}

// Task ids in `ids` as they are now.
QList<qint64> current(const UndoHistory &history, QList<qint64> ids)
{
    for (qint64 &id : ids)
        id = history.taskId(id);
    return ids;
}
} // namespace

DeleteTaskCommand::DeleteTaskCommand(UndoHistory &history, const Task &task)
    : QUndoCommand(UndoHistory::tr("Delete “%1”").arg(task.title)), m_history(history), m_task(task)
{
}

void DeleteTaskCommand::redo()
{
    const bool first = std::exchange(m_firstRun, false);
    const UiContext &context = m_history.context();
    const qint64 id = m_history.taskId(m_task.id);
    // What goes with it: its blocks and its place in other tasks' dependencies.
    m_blocks.clear();
    m_dependents.clear();
    const Interval always(std::numeric_limits<qint64>::min() / 2, std::numeric_limits<qint64>::max() / 2);
    if (const auto blocks = context.planning.blocks(always)) {
        for (FocusBlock block : *blocks) {
            if (block.taskId == id)
                m_blocks.append(block);
        }
    }
    for (const Task &other : context.tasks.tasks()) {
        if (other.dependsOn.contains(id))
            m_dependents.append(other.id);
    }
    if (const Status s = context.tasks.remove(id); !s)
        m_history.fail(this, first, first ? s.error().message : failed(*this, false, s.error().message));
}

void DeleteTaskCommand::undo()
{
    const UiContext &context = m_history.context();
    Task task = m_task;
    task.id = 0;
    task.dependsOn = current(m_history, task.dependsOn);
    // Tasks it waited for may be gone since (another process): keep only those still there.
    task.dependsOn.removeIf([&](qint64 id) { return !context.tasks.task(id); });
    const Result<Task> added = context.tasks.add(task);
    if (!added) {
        m_history.fail(this, false, failed(*this, true, added.error().message));
        return;
    }
    const qint64 oldId = m_history.taskId(m_task.id);
    m_history.remapTask(oldId, added->id);
    // The task is back; what goes with it is put back as far as it still fits, and anything
    // that did not is said below rather than undoing the whole step.
    QStringList notRestored;
    if (added->done != m_task.done) {
        if (const Status s = context.tasks.setDone(added->id, m_task.done); !s)
            notRestored.append(s.error().message);
    }
    for (qint64 dependentId : m_dependents) {
        if (auto dependent = context.tasks.task(dependentId); dependent && !dependent->dependsOn.contains(added->id)) {
            dependent->dependsOn.append(added->id);
            if (const Status s = context.tasks.update(*dependent); !s)
                notRestored.append(s.error().message);
        }
    }
    QHash<qint64, qint64> blockIds;
    for (const FocusBlock &block : std::as_const(m_blocks)) {
        const Result<qint64> restored = context.planning.addPinned(added->id, block.start, block.end);
        if (!restored)
            continue;
        if (!block.pinned) {
            if (const Status s = context.planning.unpin(*restored); !s)
                notRestored.append(s.error().message);
        }
        blockIds.insert(block.id, *restored);
    }
    m_history.remapBlocks(blockIds);
    if (!notRestored.isEmpty())
        Q_EMIT m_history.errorOccurred(
            UndoHistory::tr("“%1” is back, but not all of it: %2").arg(m_task.title, notRestored.join(u' ')));
    if (blockIds.size() < m_blocks.size())
        Q_EMIT m_history.errorOccurred(UndoHistory::tr("“%1” is back, but %n of its blocks could not be put back.",
                                                       nullptr, int(m_blocks.size() - blockIds.size()))
                                           .arg(m_task.title));
}

EditTaskCommand::EditTaskCommand(UndoHistory &history, const Task &before, const Task &after)
    : QUndoCommand(before.done != after.done
                       ? (after.done ? UndoHistory::tr("Mark “%1” Done") : UndoHistory::tr("Mark “%1” Not Done"))
                             .arg(after.title)
                       : UndoHistory::tr("Edit “%1”").arg(before.title))
    , m_history(history), m_before(before), m_after(after)
{
}

bool EditTaskCommand::apply(const Task &wanted, bool firstRun, bool undoing)
{
    TaskService &tasks = m_history.context().tasks;
    Task task = wanted;
    task.id = m_history.taskId(wanted.id);
    task.dependsOn = current(m_history, wanted.dependsOn);
    const bool onlyDone = [&] {
        Task a = m_before, b = m_after;
        a.done = b.done;
        return a == b;
    }();
    const Status s = onlyDone ? tasks.setDone(task.id, task.done) : tasks.update(task);
    if (!s)
        m_history.fail(this, firstRun, firstRun ? s.error().message : failed(*this, undoing, s.error().message));
    return bool(s);
}

void EditTaskCommand::redo()
{
    apply(m_after, std::exchange(m_firstRun, false), false);
}

void EditTaskCommand::undo()
{
    apply(m_before, false, true);
}

AddTaskCommand::AddTaskCommand(UndoHistory &history, const Task &task)
    : QUndoCommand(UndoHistory::tr("Add “%1”").arg(task.title)), m_history(history), m_task(task)
{
}

void AddTaskCommand::redo()
{
    const bool first = std::exchange(m_firstRun, false);
    Task task = m_task;
    task.id = 0;
    task.dependsOn = current(m_history, task.dependsOn);
    const Result<Task> added = m_history.context().tasks.add(task);
    if (!added) {
        m_history.fail(this, first, first ? added.error().message : failed(*this, false, added.error().message));
        return;
    }
    if (m_id == 0) {
        m_id = added->id;
        if (qint64 *sink = std::exchange(m_sink, nullptr)) // the caller's variable lives only now
            *sink = m_id;
    } else
        m_history.remapTask(m_history.taskId(m_id), added->id);
}

void AddTaskCommand::undo()
{
    if (const Status s = m_history.context().tasks.remove(m_history.taskId(m_id)); !s)
        m_history.fail(this, false, failed(*this, true, s.error().message));
}

} // namespace fermata
