#pragma once

#include "model/task.h"

#include <QAbstractTableModel>
#include <QTimeZone>

namespace fermata {

class UndoHistory;

class PlanningService;
class TaskService;
struct LearnedEstimate;

// A thin table adapter over TaskService: one row per task in the service's order. It keeps
// its own copy of the rows so the begin/end notifications describe the change exactly, and
// writes every edit back through the service (errors come out of errorOccurred).
class TaskTableModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    // Edits and Done go through it, so they are undoable; null: straight to the service.
    void setUndoHistory(UndoHistory *history) { m_history = history; }
    enum Column { Title, Estimate, Deadline, Priority, EarliestStart, MinChunk, Done, ColumnCount };
    Q_ENUM(Column)
    enum Role {
        TaskIdRole = Qt::UserRole + 1, // qint64
        SortRole,                      // a value that sorts naturally for the column
        DoneRole,                      // bool, on every column (for "open tasks" filters)
    };

    explicit TaskTableModel(TaskService &service, QObject *parent = nullptr);

    // The zone dates are shown in (the person's zone, not the system's).
    void setTimeZone(const QTimeZone &zone);
    // With it, the estimate's tooltip says what the planner plans an open task as when it
    // learns from estimates ("Planned as 2 h 40 min from your last 8 'writing' tasks").
    void setPlanning(const PlanningService *planning) { m_planning = planning; }
    // The words for a learnt time, shared with the details panel.
    static QString plannedText(const LearnedEstimate &learned);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

    qint64 taskId(int row) const;
    // The task on a row, for proxies that filter and sort thousands of rows without a
    // QVariant per look (row must be valid).
    const Task &taskAt(int row) const { return m_rows.at(row); }
    int rowOf(qint64 taskId) const;

Q_SIGNALS:
    void errorOccurred(const QString &message);

private:
    void onTaskAdded(const Task &task);
    void onTaskChanged(const Task &task);
    void onTaskRemoved(qint64 id);
    void onTasksReset();

    QVariant displayData(const Task &task, int column) const;
    QVariant editData(const Task &task, int column) const;
    QVariant sortData(const Task &task, int column) const;
    // Applies an edit to a copy of the task; an error message when the value is unusable.
    QString applyEdit(Task &task, int column, const QVariant &value, int role) const;
    QString dateText(const QDateTime &instant) const;

    TaskService &m_service;
    const PlanningService *m_planning = nullptr;
    UndoHistory *m_history = nullptr;
    QList<Task> m_rows;
    QTimeZone m_zone = QTimeZone::systemTimeZone();
};

} // namespace fermata
