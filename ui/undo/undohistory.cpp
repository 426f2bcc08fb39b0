#include "undohistory.h"

#include <QAction>
#include <QKeySequence>
#include <QMetaObject>
#include <QUndoStack>

namespace fermata {

UndoHistory::UndoHistory(const UiContext &context, QObject *parent)
    : QObject(parent)
    , m_context(context)
    , m_stack(new QUndoStack(this))
    , m_undoAction(new QAction(tr("&Undo"), this))
    , m_redoAction(new QAction(tr("&Redo"), this))
{
    m_stack->setUndoLimit(100);
    m_undoAction->setObjectName(QStringLiteral("undoAction"));
    m_undoAction->setShortcut(QKeySequence::Undo);
    m_redoAction->setObjectName(QStringLiteral("redoAction"));
    m_redoAction->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
    connect(m_undoAction, &QAction::triggered, this, &UndoHistory::undo);
    connect(m_redoAction, &QAction::triggered, this, &UndoHistory::redo);
    connect(m_stack, &QUndoStack::indexChanged, this, &UndoHistory::updateActions);
    connect(m_stack, &QUndoStack::cleanChanged, this, &UndoHistory::updateActions);
    updateActions();
}

void UndoHistory::push(QUndoCommand *command)
{
    m_stack->push(command);
    updateActions();
}

void UndoHistory::undo()
{
    if (!m_stack->canUndo())
        return;
    const QString text = m_stack->undoText();
    const bool quiet = dynamic_cast<const ShowsItsOwnOutcome *>(m_stack->command(m_stack->index() - 1));
    m_failed = false;
    m_stack->undo();
    if (!m_failed && !quiet)
        Q_EMIT infoMessage(tr("Undone: %1.").arg(text));
    updateActions();
}

void UndoHistory::redo()
{
    if (!m_stack->canRedo())
        return;
    const QString text = m_stack->redoText();
    const bool quiet = dynamic_cast<const ShowsItsOwnOutcome *>(m_stack->command(m_stack->index()));
    m_failed = false;
    m_stack->redo();
    if (!m_failed && !quiet)
        Q_EMIT infoMessage(tr("Redone: %1.").arg(text));
    updateActions();
}

void UndoHistory::remapBlocks(const QHash<qint64, qint64> &newIds)
{
    for (auto it = newIds.cbegin(); it != newIds.cend(); ++it) {
        if (it.key() != it.value())
            m_blockIds.insert(it.key(), it.value());
    }
}

void UndoHistory::remapTask(qint64 oldId, qint64 newId)
{
    if (oldId != newId)
        m_taskIds.insert(oldId, newId);
}

namespace {
qint64 follow(const QHash<qint64, qint64> &map, qint64 id)
{
    // Each undo of a delete adds one link; the chain is short and has no cycles (ids only grow).
    for (int guard = 0; guard < 1000 && map.contains(id); ++guard)
        id = map.value(id);
    return id;
}
} // namespace

qint64 UndoHistory::blockId(qint64 id) const
{
    return follow(m_blockIds, id);
}

qint64 UndoHistory::taskId(qint64 id) const
{
    return follow(m_taskIds, id);
}

void UndoHistory::fail(QUndoCommand *command, bool firstRun, const QString &message)
{
    m_failed = true;
    command->setObsolete(true);
    if (firstRun) {
        Q_EMIT errorOccurred(message);
        return;
    }
    Q_EMIT errorOccurred(tr("%1 The undo history was cleared, so nothing else is changed by mistake.").arg(message));
    // Not from inside the stack's own undo()/redo(): it deletes the obsolete command first.
    QMetaObject::invokeMethod(this, [this] {
        m_stack->clear();
        m_blockIds.clear();
        m_taskIds.clear();
        updateActions();
    }, Qt::QueuedConnection);
}

void UndoHistory::updateActions()
{
    const bool canUndo = m_stack->canUndo();
    const bool canRedo = m_stack->canRedo();
    m_undoAction->setEnabled(canUndo);
    m_redoAction->setEnabled(canRedo);
    m_undoAction->setText(canUndo ? tr("&Undo %1").arg(m_stack->undoText()) : tr("&Undo"));
    m_redoAction->setText(canRedo ? tr("&Redo %1").arg(m_stack->redoText()) : tr("&Redo"));
}

} // namespace fermata
