#pragma once

#include "time/interval.h"
#include "windowstate.h"

#include <QList>
#include <QMainWindow>

#include <optional>

class QAction;
class QActionGroup;
class QSplitter;
class QStackedWidget;

namespace fermata {

class AutostartEntry;
class ImportController;
class PlanController;
class FocusController;

class InboxView;
class InsightsView;
class MessageBar;
class NavigationList;
class OutboxView;
class StatusLine;
class TaskDetailsPanel;
class TaskTableModel;
class TasksView;
class TeamView;
class TodayView;
class TopBar;
class TrayIcon;
class UndoHistory;
class WelcomeController;
class WelcomePanel;
class WeekView;
struct UiContext;

// The main window wires the parts together: navigation on the left, the top bar, the views in
// the centre above an inline message bar, and the task details on the right. It contains no
// view logic of its own.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    enum class View { Today, Week, Tasks, Inbox, Outbox, Team, Insights };

    explicit MainWindow(const UiContext &context, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Plans the visible range (Today: the shown day from now; Week: the shown week).
    QAction *planAction() const { return m_planAction; }
    // Edit > Undo and Redo: the person's last change in this window ("Undo Resize “Write report”").
    QAction *undoAction() const;
    QAction *redoAction() const;
    UndoHistory *undoHistory() const { return m_history; }
    void plan();
    void showError(const QString &message);
    void showInfo(const QString &message);
    // Brings the window to the front, hidden or not (single-instance activation, tray "Show Fermata").
    void raiseAndActivate();
    // The app calls this where the desktop has a tray (QSystemTrayIcon::isSystemTrayAvailable()):
    // the tray then shows the status and focus actions, and closing the window hides it instead
    // of quitting. The window takes ownership.
    void attachTray(TrayIcon *tray);
    // Preferences → General then offers "Start Fermata when I log in"; null leaves it out.
    void setAutostart(const AutostartEntry *autostart) { m_autostart = autostart; }

    void showView(View view);
    View currentView() const;
    // The objectName of the current view ("todayView", "weekView", "tasksView", …).
    QString currentViewName() const;

    TopBar *topBar() const { return m_topBar; }
    MessageBar *messageBar() const { return m_messageBar; }
    TaskDetailsPanel *detailsPanel() const { return m_details; }
    TodayView *todayView() const { return m_today; }
    WeekView *weekView() const { return m_week; }
    TasksView *tasksView() const { return m_tasks; }
    TrayIcon *trayIcon() const { return m_tray; }
    InboxView *inboxView() const { return m_inbox; }
    WelcomePanel *welcomePanel() const { return m_welcome; }
    FocusController *focusController() const { return m_focus; } // null without focus sessions

    QSize sizeHint() const override;
    // The size a first run opens at: sizeHint(), bounded by the screen's available area. Set
    // explicitly because without a window manager the hint is not applied.
    QSize initialSize() const;
    // Writes geometry and pane sizes to the profile's settings (also done on close).
    void saveWindowState();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildViews();
    QWidget *buildCentre();
    void buildMenus();
    void buildViewActions(QMenu *menu);
    void connectParts();
    void connectWelcome();
    void newTask();
    // Opens Preferences on `page` (a tab's objectName; empty: General); true when accepted.
    bool openPreferences(const QString &page = {});
    void exportCalendar();
    void showAbout();
    void refreshStatus(const QString &text);
    void restoreWindowState();
    void showDetails(qint64 taskId);
    void setDetailsVisible(bool visible);
    QDate today() const;

    const UiContext &m_context;
    WindowState m_windowState;
    // The centre/details split as last seen with the details open (they hide when empty).
    QByteArray m_splitterState;
    QSplitter *m_splitter = nullptr;
    TaskTableModel *m_taskModel = nullptr;
    QAction *m_planAction = nullptr;
    UndoHistory *m_history = nullptr; // Edit > Undo / Redo
    PlanController *m_planner = nullptr; // Plan, Re-plan and Undo Plan
    ImportController *m_importer = nullptr; // File > Import Calendar…, .ics drops
    TopBar *m_topBar = nullptr;
    NavigationList *m_navigation = nullptr;
    QStackedWidget *m_stack = nullptr;
    MessageBar *m_messageBar = nullptr;
    TaskDetailsPanel *m_details = nullptr;
    TodayView *m_today = nullptr;
    WeekView *m_week = nullptr;
    TasksView *m_tasks = nullptr;
    InboxView *m_inbox = nullptr;
    OutboxView *m_outbox = nullptr;
    TeamView *m_team = nullptr;
    InsightsView *m_insights = nullptr;
    WelcomePanel *m_welcome = nullptr;
    WelcomeController *m_welcomeController = nullptr;
    QActionGroup *m_viewActions = nullptr;
    StatusLine *m_statusLine = nullptr;
    TrayIcon *m_tray = nullptr;
    const AutostartEntry *m_autostart = nullptr;
    FocusController *m_focus = nullptr;
};

} // namespace fermata
