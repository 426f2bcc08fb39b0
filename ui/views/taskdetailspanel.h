#pragma once

#include "model/task.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;

namespace fermata {

class DurationSpinBox;
class OptionalDateTimeEdit;
class TaskSharingBox;
class UndoHistory;
struct UiContext;

// The right-hand panel: every field of the selected task, edited in place and saved with
// Apply (through the window's undo history when it has one, else TaskService::update).
// Problems are shown inline, in the panel. Sharing with the team (TaskSharingBox) is the
// exception: it acts at once.
class TaskDetailsPanel final : public QWidget
{
    Q_OBJECT
public:
    explicit TaskDetailsPanel(const UiContext &context, QWidget *parent = nullptr);

    // 0 (or an unknown id) shows the "select a task" hint.
    void showTask(qint64 taskId);
    void setUndoHistory(UndoHistory *history) { m_history = history; }
    qint64 taskId() const { return m_task.id; }
    bool isModified() const;
    // Validates and saves; false (with the reason shown inline) when it could not.
    bool apply();
    void revert();

    QLineEdit *titleEdit() const { return m_title; }
    // "Waits for": the task this one depends on (item data: its id, 0 for none).
    QComboBox *waitsForBox() const { return m_waitsFor; }
    // "After teammate": the teammate's commitment this one waits for (item data: its QUuid,
    // null for none). Hidden without a team hub unless there is one to choose or one is chosen.
    QComboBox *afterCommitmentBox() const { return m_afterCommitment; }
    TaskSharingBox *sharingBox() const { return m_sharing; }
    QPushButton *applyButton() const { return m_apply; }
    // "Planned as 2 h 40 min from your last 8 'writing' tasks" under Remaining; hidden when
    // the planner uses the time as entered (learning off, no history, the same time).
    QLabel *plannedLabel() const { return m_planned; }
    QString errorText() const;

    QSize sizeHint() const override;

Q_SIGNALS:
    void saved(const fermata::Task &task);
    // After showTask: the id shown, 0 for none (the window hides the panel then).
    void taskShown(qint64 taskId);
    void closeRequested();

private:
    QWidget *buildHeader();
    QWidget *buildForm();
    QWidget *buildButtons();
    void watchForEdits();
    void load(const Task &task);
    Task editedTask() const;
    void showError(const QString &message);
    void updateButtons();
    void showPlanned();
    void fillWaitsFor(qint64 selectedId);
    qint64 selectedWaitsFor() const;
    void fillAfterCommitment(const QUuid &selected);
    QUuid selectedAfterCommitment() const;

    const UiContext &m_context;
    Task m_task;
    QStackedWidget *m_pages = nullptr;
    QLineEdit *m_title = nullptr;
    QPlainTextEdit *m_notes = nullptr;
    DurationSpinBox *m_estimate = nullptr;
    DurationSpinBox *m_remaining = nullptr;
    QLabel *m_planned = nullptr;
    OptionalDateTimeEdit *m_deadline = nullptr;
    QComboBox *m_priority = nullptr;
    OptionalDateTimeEdit *m_earliestStart = nullptr;
    DurationSpinBox *m_minChunk = nullptr;
    DurationSpinBox *m_maxChunk = nullptr;
    QCheckBox *m_splittable = nullptr;
    QComboBox *m_dayPart = nullptr;
    QComboBox *m_waitsFor = nullptr;
    QComboBox *m_afterCommitment = nullptr;
    QFormLayout *m_form = nullptr;
    TaskSharingBox *m_sharing = nullptr;
    QLineEdit *m_tags = nullptr;
    QCheckBox *m_done = nullptr;
    QLabel *m_error = nullptr;
    QPushButton *m_apply = nullptr;
    QPushButton *m_revert = nullptr;
    UndoHistory *m_history = nullptr;
};

} // namespace fermata
