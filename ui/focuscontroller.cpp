#include "focuscontroller.h"

#include "attention/attentionservice.h"
#include "dialogs/focusstartdialog.h"
#include "models/whentext.h"
#include "settings/preferences.h"
#include "tasks/taskservice.h"
#include "time/clock.h"
#include "uicontext.h"

#include <QAction>
#include <QTimer>
#include <QWidget>

namespace fermata {

FocusController::FocusController(const UiContext &context, QWidget *window)
    : QObject(window)
    , m_context(context)
    , m_focus(*context.focus)
    , m_window(window)
    , m_start(new QAction(tr("&Focus for %1 min…").arg(DefaultMinutes), this))
    , m_stop(new QAction(tr("S&top Focus"), this))
    , m_tick(new QTimer(this))
{
    m_start->setObjectName(QStringLiteral("focusStartAction"));
    m_start->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    m_start->setToolTip(tr("Hold every notification and focus for a while"));
    m_stop->setObjectName(QStringLiteral("focusStopAction"));
    m_stop->setToolTip(tr("End the focus session now"));
    connect(m_start, &QAction::triggered, this, &FocusController::openStartDialog);
    connect(m_stop, &QAction::triggered, this, [this] { answer(FocusEndPrompt::Choice::Stop); });

    // The countdown counts minutes; a few ticks a minute keep it honest without waking often.
    m_tick->setInterval(15 * 1000);
    connect(m_tick, &QTimer::timeout, this, &FocusController::updateState);
    connect(&m_focus, &FocusSession::changed, this, &FocusController::updateState);
    connect(&m_focus, &FocusSession::endReached, this, &FocusController::showPrompt);
    connect(&m_focus, &FocusSession::started, this, [this](const FocusSessionRecord &session) {
        const QString until = WhenText::format(session.plannedEnd, m_context.preferences.timeZone(), m_context.clock.now());
        const QString task = taskTitle(session.taskId);
        Q_EMIT infoMessage(task.isEmpty()
                               ? tr("Focus until %1: notifications wait until then.").arg(until)
                               : tr("Focus on “%1” until %2: notifications wait until then.").arg(task, until));
    });
    m_focus.setAnswerer(this); // the prompt below answers; without a window sessions end by themselves
    connect(&m_focus, &FocusSession::finished, this, [this] {
        if (m_prompt)
            m_prompt->hide();
    });
    updateState();
    // A session restored at start may already be past its end: ask now.
    if (const auto current = m_focus.current(); current && m_focus.isOverdue())
        QTimer::singleShot(0, this, [this, session = *current] { showPrompt(session); });
}

QString FocusController::taskTitle(qint64 taskId) const
{
    const auto task = taskId ? m_context.tasks.task(taskId) : std::nullopt;
    return task ? task->title : QString();
}

void FocusController::openStartDialog()
{
    if (m_focus.isActive())
        return;
    FocusStartDialog dialog(m_context.tasks.tasks(), m_selectedTask, m_lastMinutes, m_window);
    if (dialog.exec() != QDialog::Accepted)
        return;
    start(dialog.minutes(), dialog.taskId());
}

void FocusController::start(int minutes, qint64 taskId)
{
    if (Status s = m_focus.start(minutes, taskId); !s) {
        Q_EMIT errorOccurred(tr("Focus could not start: %1").arg(s.error().message));
        return;
    }
    m_lastMinutes = minutes;
}

void FocusController::showPrompt(const FocusSessionRecord &session)
{
    if (!m_prompt) {
        m_prompt = new FocusEndPrompt(m_window);
        connect(m_prompt, &FocusEndPrompt::chosen, this, &FocusController::answer);
    }
    int held = 0;
    if (m_context.attention) {
        if (auto count = m_context.attention->heldCount())
            held = *count;
    }
    m_prompt->setSession(taskTitle(session.taskId), held);
    m_prompt->show();
    m_prompt->raise();
    m_prompt->activateWindow();
}

void FocusController::answer(FocusEndPrompt::Choice choice)
{
    if (!m_focus.isActive())
        return;
    Status s;
    switch (choice) {
    case FocusEndPrompt::Choice::Done:
        s = m_focus.finish(FocusSession::Outcome::Done);
        break;
    case FocusEndPrompt::Choice::MoreTime:
        s = m_focus.extend(FocusEndPrompt::ExtraMinutes);
        break;
    case FocusEndPrompt::Choice::Stop:
        s = m_focus.finish(FocusSession::Outcome::Stopped);
        break;
    }
    if (!s)
        Q_EMIT errorOccurred(tr("Focus could not be changed: %1").arg(s.error().message));
}

QString FocusController::countdownText() const
{
    return m_countdown;
}

void FocusController::updateState()
{
    const bool active = m_focus.isActive();
    m_start->setEnabled(!active);
    m_stop->setEnabled(active);
    if (active && !m_tick->isActive())
        m_tick->start();
    else if (!active)
        m_tick->stop();

    QString text;
    if (active) {
        const qint64 seconds = m_focus.remainingSeconds();
        if (m_focus.isOverdue() || seconds <= 0)
            text = tr("Focus · time is up");
        else if (seconds < 60)
            text = tr("Focus · under a minute left");
        else
            text = tr("Focus · %1 min left").arg((seconds + 59) / 60);
    }
    if (text == m_countdown)
        return;
    m_countdown = text;
    Q_EMIT countdownChanged(text);
}

} // namespace fermata
