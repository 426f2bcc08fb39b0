#pragma once

#include <QHash>
#include <QObject>
#include <QUndoCommand>

class QAction;
class QUndoStack;

namespace fermata {

struct UiContext;

// A command whose undo and redo show their outcome themselves (an offer brought back on
// screen): the history does not cover it with "Undone: …".
class ShowsItsOwnOutcome : public QUndoCommand
{
public:
    using QUndoCommand::QUndoCommand;
};

// The person's changes made in this window, newest last, for Edit > Undo and Redo. Only
// commands the window pushes are here: what another process or a sync changes is not.
// When the state an undo needs is gone, the command fails with words and the history is
// cleared rather than guessing.
class UndoHistory final : public QObject
{
    Q_OBJECT
public:
    explicit UndoHistory(const UiContext &context, QObject *parent = nullptr);

    const UiContext &context() const { return m_context; }
    QUndoStack *stack() const { return m_stack; }
    // "Undo Resize “Write report”" / "Redo …"; Ctrl+Z, Ctrl+Shift+Z and Ctrl+Y.
    QAction *undoAction() const { return m_undoAction; }
    QAction *redoAction() const { return m_redoAction; }

    // Runs `command` (its redo()) and keeps it when it succeeded.
    void push(QUndoCommand *command);
    void undo();
    void redo();

    // Blocks and tasks put back by an undo get new ids; commands look ids up through these.
    void remapBlocks(const QHash<qint64, qint64> &newIds);
    void remapTask(qint64 oldId, qint64 newId);
    qint64 blockId(qint64 id) const;
    qint64 taskId(qint64 id) const;

    // A command could not act: `firstRun` is the change itself failing (nothing is kept);
    // otherwise an undo or redo failed and the history is cleared.
    void fail(QUndoCommand *command, bool firstRun, const QString &message);

Q_SIGNALS:
    void infoMessage(const QString &text);
    void errorOccurred(const QString &text);

private:
    void updateActions();

    const UiContext &m_context;
    QUndoStack *m_stack = nullptr;
    QAction *m_undoAction = nullptr;
    QAction *m_redoAction = nullptr;
    QHash<qint64, qint64> m_blockIds;
    QHash<qint64, qint64> m_taskIds;
    bool m_failed = false;
};


} // namespace fermata
