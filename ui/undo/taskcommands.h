#pragma once

#include "model/focusblock.h"
#include "model/task.h"

#include <QUndoCommand>

namespace fermata {

class UndoHistory;

// Delete a task. Undo adds it back with the same fields (under a new id, which later
// commands follow), its place in other tasks' dependencies and its blocks.
class DeleteTaskCommand final : public QUndoCommand
{
public:
    DeleteTaskCommand(UndoHistory &history, const Task &task);
    void undo() override;
    void redo() override;

private:
    UndoHistory &m_history;
    Task m_task;                  // as it was; id is its first id
    QList<FocusBlock> m_blocks;   // its blocks when deleted; ids are their first ids
    QList<qint64> m_dependents;   // first ids of the tasks that waited for it
    bool m_firstRun = true;
};

// Mark done or not done, or any other edit of a task's fields.
class EditTaskCommand final : public QUndoCommand
{
public:
    EditTaskCommand(UndoHistory &history, const Task &before, const Task &after);
    void undo() override;
    void redo() override;

private:
    bool apply(const Task &task, bool firstRun, bool undoing);

    UndoHistory &m_history;
    Task m_before;
    Task m_after;
    bool m_firstRun = true;
};

// A new task (quick-add).
class AddTaskCommand final : public QUndoCommand
{
public:
    AddTaskCommand(UndoHistory &history, const Task &task);
    void undo() override;
    void redo() override;
    // Where the first redo writes the new id: a command refused on its first run is deleted
    // by the stack inside push(), so the caller cannot ask it afterwards.
    void reportIdTo(qint64 *sink) { m_sink = sink; }

private:
    UndoHistory &m_history;
    Task m_task;
    qint64 m_id = 0;
    qint64 *m_sink = nullptr;
    bool m_firstRun = true;
};

} // namespace fermata
