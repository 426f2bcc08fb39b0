#include "blockcommands.h"

#include "planning/planningservice.h"
#include "tasks/taskservice.h"
#include "time/interval.h"
#include "uicontext.h"
#include "undohistory.h"

#include <QCoreApplication>

#include <limits>

namespace fermata {

namespace {

QString undoFailed(const QUndoCommand &command, const QString &reason)
{
    return UndoHistory::tr("Could not undo “%1”: %2.").arg(command.text(), reason);
}

QString redoFailed(const QUndoCommand &command, const QString &reason)
{
    return UndoHistory::tr("Could not redo “%1”: %2.").arg(command.text(), reason);
}
} // namespace

namespace undoblocks {
std::optional<FocusBlock> find(const PlanningService &planning, qint64 blockId)
{
    const Interval always(std::numeric_limits<qint64>::min() / 2, std::numeric_limits<qint64>::max() / 2);
    if (const auto blocks = planning.blocks(always)) {
        for (const FocusBlock &block : *blocks) {
            if (block.id == blockId)
                return block;
        }
    }
    return std::nullopt;
}

QString title(const TaskService &tasks, const FocusBlock &block)
{
    const auto task = tasks.task(block.taskId);
    return task ? task->title : UndoHistory::tr("focus block");
}
} // namespace undoblocks

PlanCommand::PlanCommand(UndoHistory &history, const QString &text)
    : QUndoCommand(text), m_history(history)
{
}

void PlanCommand::undo()
{
    QHash<qint64, qint64> newIds;
    if (const Status s = m_history.context().planning.undo(&newIds); !s) {
        m_history.fail(this, false, undoFailed(*this, s.error().message));
        return;
    }
    m_history.remapBlocks(newIds);
}

void PlanCommand::redo()
{
    if (std::exchange(m_firstRun, false))
        return; // PlanController planned before recording this
    QHash<qint64, qint64> newIds;
    if (const Status s = m_history.context().planning.redo(&newIds); !s) {
        m_history.fail(this, false, redoFailed(*this, s.error().message));
        return;
    }
    m_history.remapBlocks(newIds);
}

PinTaskCommand::PinTaskCommand(UndoHistory &history, qint64 taskId, const QString &title,
                               const QDateTime &start, const QDateTime &end)
    : QUndoCommand(UndoHistory::tr("Pin “%1”").arg(title)), m_history(history), m_taskId(taskId), m_title(title)
    , m_start(start), m_end(end)
{
}

void PinTaskCommand::redo()
{
    const bool first = std::exchange(m_firstRun, false);
    const Result<qint64> added = m_history.context().planning.addPinned(m_history.taskId(m_taskId), m_start, m_end);
    if (!added) {
        m_history.fail(this, first,
                       first ? UndoHistory::tr("Could not pin “%1”: %2").arg(m_title, added.error().message)
                             : redoFailed(*this, added.error().message));
        return;
    }
    // Later commands know the block by its first id.
    if (m_blockId == 0)
        m_blockId = *added;
    else
        m_history.remapBlocks({{m_history.blockId(m_blockId), *added}});
}

void PinTaskCommand::undo()
{
    if (const Status s = m_history.context().planning.removeBlock(m_history.blockId(m_blockId)); !s)
        m_history.fail(this, false, undoFailed(*this, s.error().message));
}

ResizeBlockCommand::ResizeBlockCommand(UndoHistory &history, const FocusBlock &before, const QString &title,
                                       const QDateTime &start, const QDateTime &end)
    : QUndoCommand(before.start.secsTo(before.end) == start.secsTo(end) ? UndoHistory::tr("Move “%1”").arg(title)
                                                                        : UndoHistory::tr("Resize “%1”").arg(title))
    , m_history(history), m_before(before), m_start(start), m_end(end)
{
}

void ResizeBlockCommand::redo()
{
    const bool first = std::exchange(m_firstRun, false);
    if (const Status s = m_history.context().planning.resize(m_history.blockId(m_before.id), m_start, m_end); !s)
        m_history.fail(this, first, first ? UndoHistory::tr("Could not resize the block: %1").arg(s.error().message)
                                          : redoFailed(*this, s.error().message));
}

void ResizeBlockCommand::undo()
{
    PlanningService &planning = m_history.context().planning;
    const qint64 id = m_history.blockId(m_before.id);
    Status s = planning.resize(id, m_before.start, m_before.end);
    if (s && !m_before.pinned)
        s = planning.unpin(id);
    if (!s)
        m_history.fail(this, false, undoFailed(*this, s.error().message));
}

PinBlockCommand::PinBlockCommand(UndoHistory &history, qint64 blockId, bool pinned, const QString &title)
    : QUndoCommand(pinned ? UndoHistory::tr("Pin “%1”").arg(title) : UndoHistory::tr("Unpin “%1”").arg(title))
    , m_history(history), m_blockId(blockId), m_pinned(pinned)
{
}

bool PinBlockCommand::apply(bool pinned, bool firstRun)
{
    PlanningService &planning = m_history.context().planning;
    const qint64 id = m_history.blockId(m_blockId);
    const Status s = pinned ? planning.pin(id) : planning.unpin(id);
    if (s)
        return true;
    QString message;
    if (firstRun)
        message = pinned ? UndoHistory::tr("Could not pin the block: %1").arg(s.error().message)
                         : UndoHistory::tr("Could not unpin the block: %1").arg(s.error().message);
    else
        message = pinned == m_pinned ? redoFailed(*this, s.error().message) : undoFailed(*this, s.error().message);
    m_history.fail(this, firstRun, message);
    return false;
}

void PinBlockCommand::redo()
{
    apply(m_pinned, std::exchange(m_firstRun, false));
}

void PinBlockCommand::undo()
{
    apply(!m_pinned, false);
}

} // namespace fermata
