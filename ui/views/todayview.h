#pragma once

#include <QDate>
#include <QWidget>

class QLabel;
class QListView;
class QListWidget;
class QScrollArea;
class QSortFilterProxyModel;
class QSplitter;
class QStackedWidget;

namespace fermata {

class UndoHistory;

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
    // Tasks the last plan could not place, each with the planner's reason.
    QListWidget *unplacedList() const { return m_unplaced; }
    void reload();

    // A task dropped on the timeline: a pinned block of min(remaining, max chunk) at `start`.
    void pinTaskAt(qint64 taskId, const QDateTime &start);
    void resizeBlock(qint64 blockId, const QDateTime &start, const QDateTime &end);
    void unpinBlock(qint64 blockId);
    void pinBlock(qint64 blockId);
    // Pin, move, resize and unpin go through it, so they are undoable; null: direct.
    void setUndoHistory(UndoHistory *history) { m_history = history; }

    // The timeline / open-tasks split, for the window to remember across runs.
    QByteArray splitterState() const;
    void restoreSplitterState(const QByteArray &state);

Q_SIGNALS:
    void taskSelected(qint64 taskId);
    void errorOccurred(const QString &message);

protected:
    void showEvent(QShowEvent *event) override;

private:
    QWidget *buildSideColumn(TaskTableModel &tasks);
    void updateSideColumn();
    // Brings the current time (or the start of work) into sight after a date change.
    void scrollToAnchor();
    void updateUnplaced();

    const UiContext &m_context;
    UndoHistory *m_history = nullptr;
    QDate m_date;
    DayTimeline *m_timeline = nullptr;
    QScrollArea *m_scroll = nullptr;
    QSplitter *m_splitter = nullptr;
    bool m_scrollPending = true;
    QSortFilterProxyModel *m_openModel = nullptr;
    QListView *m_openTasks = nullptr;
    EmptyState *m_empty = nullptr;
    QStackedWidget *m_side = nullptr;
    QLabel *m_unplacedHeading = nullptr;
    QListWidget *m_unplaced = nullptr;
};

} // namespace fermata
