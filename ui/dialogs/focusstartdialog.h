#pragma once

#include "model/task.h"

#include <QDialog>

class QComboBox;
class QSpinBox;

namespace fermata {

// "Focus for 50 min…": how long, and optionally on which open task (the selected one first).
class FocusStartDialog final : public QDialog
{
    Q_OBJECT
public:
    FocusStartDialog(const QList<Task> &tasks, qint64 selectedTaskId, int minutes, QWidget *parent = nullptr);

    int minutes() const;
    qint64 taskId() const; // 0: no task
    QSpinBox *minutesBox() const { return m_minutes; }
    QComboBox *taskBox() const { return m_task; }

private:
    QSpinBox *m_minutes = nullptr;
    QComboBox *m_task = nullptr;
};

} // namespace fermata
