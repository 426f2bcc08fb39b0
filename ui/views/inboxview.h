#pragma once

#include <QList>
#include <QModelIndexList>
#include <QWidget>

#include <utility>

class QAction;
class QLabel;
class QSplitter;
class QStackedWidget;
class QToolButton;
class QTreeView;

namespace fermata {

class UndoHistory;

class EmptyState;
class InboxFoldedPanel;
class InboxFolding;
class InboxModel;
class InboxReadingPane;
struct UiContext;

// Inbox: what was held for the person, grouped by source and sender. Outside a check-in window
// it stays folded (counts only) unless the person deliberately peeks; inside one, or after a
// peek, it lists the items beside a reading pane. Triage by keyboard: D done, Delete archive,
// T make a task, R reply to a teammate; after each the next item is selected, and acting on a
// whole group asks once. Without the attention engine (tests that leave it out) it shows only
// its teaching empty state.
class InboxView final : public QWidget
{
    Q_OBJECT
public:
    explicit InboxView(const UiContext &context, QWidget *parent = nullptr);
    ~InboxView() override;

    EmptyState *emptyState() const { return m_empty; }
    InboxFoldedPanel *foldedPanel() const { return m_folded; }
    QTreeView *tree() const { return m_tree; }
    InboxModel *model() const { return m_model; }
    // Done and archive then go through the window's undo history.
    void setUndoHistory(UndoHistory *history) { m_history = history; }
    QAction *doneAction() const { return m_doneAction; }
    QAction *archiveAction() const { return m_archiveAction; }
    QAction *replyAction() const { return m_replyAction; }
    QAction *makeTaskAction() const { return m_taskAction; }
    InboxReadingPane *readingPane() const { return m_pane; }
    QSplitter *splitter() const { return m_splitter; }
    bool isFolded() const;
    int heldCount() const { return m_heldCount; }

    // Asks "Peek early?" (saying how many peeks this week) and peeks when confirmed.
    void peekEarly();
    void markSelectedDone();
    void archiveSelected();
    // Makes a task of the one selected item (title, source, link) and marks the item done.
    void makeTaskFromSelected();
    // The only ways the Inbox changes an item's state, so an undo command can wrap each.
    void setDone(const QList<qint64> &ids);
    void archive(const QList<qint64> &ids);
    // A teammate's message is selected: asks to answer its sender (replyRequested).
    void replyToSelected();

Q_SIGNALS:
    void heldCountChanged(int count);
    // `sender` is the teammate's name as the Inbox shows it; `subject` the message's.
    void replyRequested(const QString &sender, const QString &subject);
    void errorOccurred(const QString &message);
    void infoMessage(const QString &message);

private:
    QWidget *buildList();
    void buildActions();
    bool confirmPeek();
    void refresh();
    void updateActions();
    void applyToSelection(bool archive);
    // Selecting a group acts on all its items: asks once (Enter confirms, Escape keeps them).
    bool confirmGroupAction(bool archive, const QModelIndexList &rows, int itemCount);
    void showSelectionInPane();
    QModelIndex selectedTeamMessage() const; // the one selected row, when it is a teammate's
    QModelIndex selectedEntry() const;       // the one selected row, when it is an item
    // Teammates' held messages per sender's name, for the folded Inbox.
    QList<std::pair<QString, int>> heldTeamSenders(int teamHeld) const;
    QString nextCheckInText() const;

    const UiContext &m_context;
    InboxModel *m_model = nullptr;
    UndoHistory *m_history = nullptr;
    InboxFolding *m_folding = nullptr;
    QStackedWidget *m_stack = nullptr;
    EmptyState *m_empty = nullptr;
    InboxFoldedPanel *m_folded = nullptr;
    QWidget *m_list = nullptr;
    QLabel *m_listHeader = nullptr;
    QTreeView *m_tree = nullptr;
    QAction *m_doneAction = nullptr;
    QAction *m_archiveAction = nullptr;
    QAction *m_replyAction = nullptr;
    QAction *m_taskAction = nullptr;
    QSplitter *m_splitter = nullptr;
    InboxReadingPane *m_pane = nullptr;
    QToolButton *m_replyButton = nullptr;
    QToolButton *m_taskButton = nullptr;
    QToolButton *m_doneButton = nullptr;
    QToolButton *m_archiveButton = nullptr;
    int m_heldCount = -1;
};

} // namespace fermata
