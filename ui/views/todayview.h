#pragma once

#include <QDate>
#include <QWidget>

class QListView;
class QSortFilterProxyModel;
class QStackedWidget;

namespace fermata {

class DayTimeline;
class EmptyState;
class TaskTableModel;
struct UiContext;

// Today: the day's timeline beside the list of open tasks. With no tasks at all it teaches
// how to add one instead of showing an empty list.
class TodayView final : public QWidget
{
    Q_OBJECT
public:
    TodayView(const UiContext &context, TaskTableModel &tasks, QWidget *parent = nullptr);

    void setDate(QDate date);
    QDate date() const { return m_date; }
    DayTimeline *timeline() const { return m_timeline; }
    EmptyState *emptyState() const { return m_empty; }
    QListView *openTasks() const { return m_openTasks; }
    void reload();

Q_SIGNALS:
    void taskSelected(qint64 taskId);
    void errorOccurred(const QString &message);

private:
    QWidget *buildSideColumn(TaskTableModel &tasks);
    void updateSideColumn();

    const UiContext &m_context;
    QDate m_date;
    DayTimeline *m_timeline = nullptr;
    QSortFilterProxyModel *m_openModel = nullptr;
    QListView *m_openTasks = nullptr;
    EmptyState *m_empty = nullptr;
    QStackedWidget *m_side = nullptr;
};

} // namespace fermata
