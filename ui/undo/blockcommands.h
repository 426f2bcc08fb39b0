#pragma once

#include "model/focusblock.h"

#include <QDateTime>
#include <QUndoCommand>

#include <optional>

namespace fermata {

class PlanningService;
class TaskService;
class UndoHistory;

namespace undoblocks {
// The stored block with this id, as it is now.
std::optional<FocusBlock> find(const PlanningService &planning, qint64 blockId);
// Its task's title, for the Edit menu.
QString title(const TaskService &tasks, const FocusBlock &block);
} // namespace undoblocks

// Plan (or Re-plan): already done by PlanController when recorded; undo and redo go
// through PlanningService's own plan history.
class PlanCommand final : public QUndoCommand
{
public:
    PlanCommand(UndoHistory &history, const QString &text);
    void undo() override;
    void redo() override;

private:
    UndoHistory &m_history;
    bool m_firstRun = true;
};

// A task dropped on the timeline: a pinned block for it.
class PinTaskCommand final : public QUndoCommand
{
public:
    PinTaskCommand(UndoHistory &history, qint64 taskId, const QString &title, const QDateTime &start,
                   const QDateTime &end);
    void undo() override;
    void redo() override;

private:
    UndoHistory &m_history;
    qint64 m_taskId;
    QString m_title;
    QDateTime m_start;
    QDateTime m_end;
    qint64 m_blockId = 0;
    bool m_firstRun = true;
};

// A block moved or resized by hand (it becomes pinned); undo puts back times and pin.
class ResizeBlockCommand final : public QUndoCommand
{
public:
    ResizeBlockCommand(UndoHistory &history, const FocusBlock &before, const QString &title,
                       const QDateTime &start, const QDateTime &end);
    void undo() override;
    void redo() override;

private:
    UndoHistory &m_history;
    FocusBlock m_before;
    QDateTime m_start;
    QDateTime m_end;
    bool m_firstRun = true;
};

// Unpin (or pin) a block.
class PinBlockCommand final : public QUndoCommand
{
public:
    PinBlockCommand(UndoHistory &history, qint64 blockId, bool pinned, const QString &title);
    void undo() override;
    void redo() override;

private:
    bool apply(bool pinned, bool firstRun);

    UndoHistory &m_history;
    qint64 m_blockId;
    bool m_pinned;
    bool m_firstRun = true;
};

} // namespace fermata
