#pragma once

#include <QDateTime>
#include <QWidget>

class QAction;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;
class QTimeZone;

namespace fermata {

class Clock;
class Preferences;
class QuickAddPreview;
class TaskService;
class TaskTableModel;
class TeamSync;
class UndoHistory;

// Tasks: a quick-add line over a sortable table of every task. Delete removes the selected
// task; outcomes and errors are reported through signals for the message bar. With a team
// hub, `share` in the line shares the new task and `after Ada's "…"` waits for a teammate.
class TasksView final : public QWidget
{
    Q_OBJECT
public:
    TasksView(TaskService &service, TaskTableModel &model, QWidget *parent = nullptr);

    QLineEdit *quickAdd() const { return m_quickAdd; }
    QuickAddPreview *quickAddPreview() const { return m_preview; }
    QTableView *table() const { return m_table; }
    QAction *deleteAction() const { return m_delete; }
    void focusQuickAdd();
    // Delete goes through it, so it is undoable (one key, no confirmation); null: direct.
    void setUndoHistory(UndoHistory *history) { m_history = history; }
    // Where quick-add reads "now" and the zone for "by fri"; the system clock and zone if unset.
    void setTimeSource(const Clock *clock, const Preferences *preferences);
    // The team hub quick-add shares through and resolves teammates' work against; null: none.
    void setTeam(TeamSync *team);
    // Adds the task a quick-add line describes; false (and errorOccurred) when it cannot.
    bool addFromText(const QString &text);
    qint64 currentTaskId() const;
    void selectTask(qint64 taskId);

Q_SIGNALS:
    void taskSelected(qint64 taskId);
    void errorOccurred(const QString &message);
    void infoMessage(const QString &message);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    // Hides the least needed columns while the table is too narrow for all (beside the
    // details panel at 1024 px), so it never scrolls sideways; the details show them all.
    void fitColumns();
    void addFromQuickAdd();
    void updatePreview();
    QDateTime now() const;
    QTimeZone zone() const;
    void removeCurrent();
    void setUpTable();
    void shareAdded(qint64 taskId, const QString &title);

    TaskService &m_service;
    UndoHistory *m_history = nullptr;
    TaskTableModel &m_model;
    QSortFilterProxyModel *m_proxy = nullptr;
    QLineEdit *m_quickAdd = nullptr;
    QuickAddPreview *m_preview = nullptr;
    QTableView *m_table = nullptr;
    QAction *m_delete = nullptr;
    const Clock *m_clock = nullptr;
    const Preferences *m_preferences = nullptr;
    TeamSync *m_team = nullptr;
    int m_pendingShares = 0; // shares asked for here and not answered yet
};

} // namespace fermata
