#pragma once

#include "attention/focussession.h"
#include "dialogs/focusendprompt.h"

#include <QObject>
#include <QPointer>

class QAction;
class QTimer;
class QWidget;

namespace fermata {

struct UiContext;

// Focus mode in the window and tray: "Focus for 50 min…" (length and task chosen in a small
// dialog), "Stop Focus", a countdown text for the tray, and the "Done / 15 more minutes / Stop"
// prompt at the planned end. Sessions started by a planned focus block, or restored after a
// restart, are shown and stopped the same way.
class FocusController final : public QObject
{
    Q_OBJECT
public:
    // `window` parents the dialogs; the context must carry a FocusSession.
    FocusController(const UiContext &context, QWidget *window);

    QAction *startAction() const { return m_start; }
    QAction *stopAction() const { return m_stop; }
    // "Focus · 24 min left" while a session runs, else empty.
    QString countdownText() const;
    FocusEndPrompt *prompt() const { return m_prompt; }

    void setSelectedTask(qint64 taskId) { m_selectedTask = taskId; }
    void start(int minutes, qint64 taskId);
    void openStartDialog();
    void answer(FocusEndPrompt::Choice choice);

    static constexpr int DefaultMinutes = 50;

Q_SIGNALS:
    void countdownChanged(const QString &text);
    void infoMessage(const QString &message);
    void errorOccurred(const QString &message);

private:
    void showPrompt(const FocusSessionRecord &session);
    void updateState();
    QString taskTitle(qint64 taskId) const;

    const UiContext &m_context;
    FocusSession &m_focus;
    QWidget *m_window = nullptr;
    QAction *m_start = nullptr;
    QAction *m_stop = nullptr;
    QTimer *m_tick = nullptr;
    QPointer<FocusEndPrompt> m_prompt;
    qint64 m_selectedTask = 0;
    int m_lastMinutes = DefaultMinutes;
    QString m_countdown;
};

} // namespace fermata
