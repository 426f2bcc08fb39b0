#include "dialogs/focusstartdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace fermata {

FocusStartDialog::FocusStartDialog(const QList<Task> &tasks, qint64 selectedTaskId, int minutes, QWidget *parent)
    : QDialog(parent), m_minutes(new QSpinBox(this)), m_task(new QComboBox(this))
{
    setObjectName(QStringLiteral("focusStartDialog"));
    setWindowTitle(tr("Focus"));
    m_minutes->setObjectName(QStringLiteral("focusMinutes"));
    m_minutes->setRange(5, 240);
    m_minutes->setSingleStep(5);
    m_minutes->setSuffix(tr(" min"));
    m_minutes->setValue(minutes);
    m_task->setObjectName(QStringLiteral("focusTask"));
    m_task->addItem(tr("No particular task"), qint64(0));
    for (const Task &task : tasks) {
        if (!task.done)
            m_task->addItem(task.title, task.id);
    }
    m_task->setCurrentIndex(qMax(0, m_task->findData(selectedTaskId)));

    auto *intro = new QLabel(tr("Notifications wait and the desktop's Do Not Disturb is on until the "
                                "time is up."), this);
    intro->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("&Length:"), m_minutes);
    form->addRow(tr("&Task:"), m_task);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Start Focus"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(buttons);
}

int FocusStartDialog::minutes() const
{
    return m_minutes->value();
}

qint64 FocusStartDialog::taskId() const
{
    return m_task->currentData().toLongLong();
}

} // namespace fermata
