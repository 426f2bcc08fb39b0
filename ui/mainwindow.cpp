#include "mainwindow.h"

#include "closetotray.h"
#include "commitmentreplanoffer.h"
#include "dialogs/calendarspage.h"
#include "dialogs/exportcalendardialog.h"
#include "dialogs/checkinpage.h"
#include "dialogs/preferencesdialog.h"
#include "focuscontroller.h"
#include "dialogs/teampage.h"
#include "messaging/teamsync.h"
#include "teamstatuspresenter.h"
#include "importcontroller.h"
#include "calendar/calendarsync.h"
#include "models/outboxmodel.h"
#include "models/tasktablemodel.h"
#include "plancontroller.h"
#include "undo/offercommands.h"
#include "undo/undohistory.h"
#include "calendar/calendarservice.h"
#include "planning/planningservice.h"
#include "tasks/taskservice.h"
#include "settings/preferences.h"
#include "statusline.h"
#include "time/clock.h"
#include "trayicon.h"
#include "uicontext.h"
#include "views/inboxview.h"
#include "views/insightsview.h"
#include "views/outboxview.h"
#include "views/taskdetailspanel.h"
#include "views/tasksview.h"
#include "views/teamview.h"
#include "views/todayview.h"
#include "views/weekview.h"
#include "views/welcomepanel.h"
#include "welcomecontroller.h"
#include "widgets/messagebar.h"
#include "widgets/navigationlist.h"
#include "widgets/daytimeline.h"
#include "widgets/themedicon.h"
#include "widgets/topbar.h"
#include "time/weeklyrule.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QScreen>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace fermata {

namespace {

struct ViewEntry
{
    const char *text;
    const char *icon;
};

// In View order; Ctrl+1..7 follow it.
constexpr ViewEntry viewEntries[] = {
    {QT_TRANSLATE_NOOP("fermata::MainWindow", "Today"), "today"},
    {QT_TRANSLATE_NOOP("fermata::MainWindow", "Week"), "week"},
    {QT_TRANSLATE_NOOP("fermata::MainWindow", "Tasks"), "tasks"},
    {QT_TRANSLATE_NOOP("fermata::MainWindow", "Inbox"), "inbox"},
    {QT_TRANSLATE_NOOP("fermata::MainWindow", "Outbox"), "outbox"},
    {QT_TRANSLATE_NOOP("fermata::MainWindow", "Team"), "team"},
    {QT_TRANSLATE_NOOP("fermata::MainWindow", "Insights"), "insights"},
};

QKeySequence viewShortcut(int index)
{
    return QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + index));
}

} // namespace

MainWindow::MainWindow(const UiContext &context, QWidget *parent)
    : QMainWindow(parent)
    , m_context(context)
    , m_windowState(context.preferences.fileName())
    , m_taskModel(new TaskTableModel(context.tasks, this))
    , m_planAction(new QAction(tr("&Plan"), this))
    , m_history(new UndoHistory(context, this))
    , m_planner(new PlanController(context, this))
    , m_importer(new ImportController(context.calendarSync, this))
{
    setObjectName(QStringLiteral("mainWindow"));
    m_taskModel->setPlanning(&context.planning); // "planned as …" from learnt estimates
    setWindowTitle(tr("Fermata"));
    setWindowIcon(ThemedIcon::appIcon());
    m_taskModel->setTimeZone(context.preferences.timeZone());

    m_planAction->setObjectName(QStringLiteral("planAction"));
    m_planAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_P));
    connect(m_planAction, &QAction::triggered, this, &MainWindow::plan);
    m_planner->setUndoHistory(m_history);
    m_planAction->setToolTip(tr("Plans the visible range"));
    m_planAction->setStatusTip(tr("Plans the visible range"));

    m_topBar = new TopBar(m_planAction, this);
    if (context.focus)
        m_focus = new FocusController(context, this);
    m_importer->acceptDrops(this);
    buildViews();
    buildMenus();

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_topBar);
    layout->addWidget(buildCentre(), 1);
    setCentralWidget(central);

    m_statusLine = new StatusLine(context, this);
    connectParts();

    refreshStatus(m_statusLine->text());
    m_topBar->setDate(today());
    showView(View::Today);
    restoreWindowState();
}

MainWindow::~MainWindow()
{
    saveWindowState();
    if (m_planner->isPlanning()) // closed while planning: the plan is dropped, the pointer too
        QApplication::restoreOverrideCursor();
}

QSize MainWindow::initialSize() const
{
    QSize size = sizeHint();
    if (const QScreen *shown = screen(); shown && shown->availableGeometry().isValid())
        size = size.boundedTo(shown->availableGeometry().size());
    return size;
}

void MainWindow::restoreWindowState()
{
    const QByteArray geometry = m_windowState.geometry();
    if (geometry.isEmpty() || !restoreGeometry(geometry))
        resize(initialSize());
    m_details->hide(); // until a task is selected
    m_splitterState = m_windowState.splitterState(u"main");
    m_today->restoreSplitterState(m_windowState.splitterState(u"today"));
}

void MainWindow::saveWindowState()
{
    m_windowState.setGeometry(saveGeometry());
    if (m_details->isVisibleTo(this))
        m_splitterState = m_splitter->saveState();
    if (!m_splitterState.isEmpty())
        m_windowState.setSplitterState(u"main", m_splitterState);
    m_windowState.setSplitterState(u"today", m_today->splitterState());
    m_windowState.sync();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveWindowState();
    QMainWindow::closeEvent(event);
}

void MainWindow::showDetails(qint64 taskId)
{
    m_details->showTask(taskId);
}

void MainWindow::setDetailsVisible(bool visible)
{
    if (visible == m_details->isVisibleTo(this))
        return;
    if (!visible) {
        m_splitterState = m_splitter->saveState();
        m_details->hide();
        return;
    }
    m_details->show();
    if (m_splitterState.isEmpty() || !m_splitter->restoreState(m_splitterState)) {
        const int total = m_splitter->width();
        const int navigation = m_navigation->width();
        const int details = m_details->sizeHint().width();
        m_splitter->setSizes({navigation, qMax(0, total - navigation - details), details});
    }
}

void MainWindow::buildViews()
{
    m_today = new TodayView(m_context, *m_taskModel, this);
    m_today->setUndoHistory(m_history);
    m_week = new WeekView(m_context, this);
    m_tasks = new TasksView(m_context.tasks, *m_taskModel, this);
    m_tasks->setUndoHistory(m_history);
    m_taskModel->setUndoHistory(m_history);
    m_tasks->setTimeSource(&m_context.clock, &m_context.preferences);
    m_tasks->setTeam(m_context.team); // quick-add: `share` and `after Ada's "…"`
    m_inbox = new InboxView(m_context, this);
    m_inbox->setUndoHistory(m_history);
    m_outbox = new OutboxView(m_context, this);
    m_team = new TeamView(m_context, this);
    m_insights = new InsightsView(m_context, this);

    m_stack = new QStackedWidget(this);
    m_navigation = new NavigationList(this);
    const QList<QWidget *> views{m_today, m_week, m_tasks, m_inbox, m_outbox, m_team, m_insights};
    for (qsizetype i = 0; i < views.size(); ++i) {
        m_stack->addWidget(views[i]);
        m_navigation->addEntry(ThemedIcon::fromResource(QLatin1String(viewEntries[i].icon)),
                               tr(viewEntries[i].text), viewShortcut(int(i)));
    }
    m_details = new TaskDetailsPanel(m_context, this);
    m_details->setUndoHistory(m_history);
}

QWidget *MainWindow::buildCentre()
{
    m_messageBar = new MessageBar(this);
    auto *centre = new QWidget(this);
    auto *centreLayout = new QVBoxLayout(centre);
    centreLayout->setContentsMargins(0, 0, 0, 0);
    centreLayout->setSpacing(0);
    // The first-run welcome sits above the views; the message bar under them, never above:
    // a message appearing moves nothing the person is using.
    m_welcome = new WelcomePanel(this);
    centreLayout->addWidget(m_welcome);
    centreLayout->addWidget(m_stack, 1);
    centreLayout->addWidget(m_messageBar); // it keeps its own margins, and none when hidden

    m_navigation->setFixedWidth(m_navigation->sizeHint().width());
    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(m_navigation);
    m_splitter->addWidget(centre);
    m_splitter->addWidget(m_details);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setStretchFactor(2, 0);
    connect(m_splitter, &QSplitter::splitterMoved, this, [this] {
        if (m_details->isVisibleTo(this))
            m_splitterState = m_splitter->saveState();
    });
    return m_splitter;
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *newTaskAction = file->addAction(tr("&New Task"), this, &MainWindow::newTask);
    newTaskAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_N));
    file->addSeparator();
    file->addAction(m_importer->importAction());
    QAction *exportAction = file->addAction(tr("&Export Calendar…"), this, &MainWindow::exportCalendar);
    exportAction->setObjectName(QStringLiteral("exportCalendarAction"));
    exportAction->setEnabled(m_context.calendarSync != nullptr);
    QAction *exportInsights = file->addAction(tr("Export Insigh&ts…"), this, [this] {
        showView(View::Insights); // the figures of the range shown there
        m_insights->exportCsv();
    });
    exportInsights->setObjectName(QStringLiteral("exportInsightsAction"));
    connect(m_insights, &InsightsView::exportFailed, this, &MainWindow::showError);
    file->addSeparator();
    QAction *preferences = file->addAction(tr("&Preferences…"), this, [this] { openPreferences(); });
    preferences->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    preferences->setMenuRole(QAction::PreferencesRole);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), qApp, &QCoreApplication::quit);
    quit->setObjectName(QStringLiteral("quitAction"));
    quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    quit->setMenuRole(QAction::QuitRole);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_history->undoAction());
    edit->addAction(m_history->redoAction());
    edit->addSeparator();
    edit->addAction(m_tasks->deleteAction());
    edit->addAction(m_planAction);

    buildViewActions(menuBar()->addMenu(tr("&View")));

    if (m_focus) {
        QMenu *focus = menuBar()->addMenu(tr("F&ocus"));
        focus->addAction(m_focus->startAction());
        focus->addAction(m_focus->stopAction());
    }

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(tr("&About Fermata"), this, &MainWindow::showAbout);
    about->setMenuRole(QAction::AboutRole);
}

void MainWindow::buildViewActions(QMenu *menu)
{
    m_viewActions = new QActionGroup(this);
    m_viewActions->setExclusive(true);
    for (int i = 0; i < int(std::size(viewEntries)); ++i) {
        QAction *action = menu->addAction(tr(viewEntries[i].text));
        action->setCheckable(true);
        action->setShortcut(viewShortcut(i));
        action->setData(i);
        m_viewActions->addAction(action);
        connect(action, &QAction::triggered, this, [this, i] { showView(View(i)); });
    }
}

void MainWindow::connectParts()
{
    connect(m_navigation, &NavigationList::currentRowChanged, this, [this](int row) {
        if (row >= 0)
            showView(View(row));
    });
    connect(m_topBar, &TopBar::dateChanged, m_today, &TodayView::setDate);
    connect(m_topBar, &TopBar::dateChanged, m_week, &WeekView::setDate);
    connect(m_statusLine, &StatusLine::textChanged, this, &MainWindow::refreshStatus);
    connect(&m_context.preferences, &Preferences::workingHoursChanged, this, [this] {
        m_taskModel->setTimeZone(m_context.preferences.timeZone());
    });

    // The details panel takes room only while it shows a task.
    connect(m_today, &TodayView::taskSelected, this, &MainWindow::showDetails);
    connect(m_week, &WeekView::taskSelected, this, &MainWindow::showDetails);
    connect(m_tasks, &TasksView::taskSelected, this, &MainWindow::showDetails);
    connect(m_details, &TaskDetailsPanel::taskShown, this,
            [this](qint64 id) { setDetailsVisible(id != 0); });
    connect(m_details, &TaskDetailsPanel::closeRequested, this, [this] { showDetails(0); });

    connect(m_taskModel, &TaskTableModel::errorOccurred, this, &MainWindow::showError);
    connect(m_today, &TodayView::errorOccurred, this, &MainWindow::showError);
    connect(m_week, &WeekView::errorOccurred, this, &MainWindow::showError);
    connect(m_tasks, &TasksView::errorOccurred, this, &MainWindow::showError);
    connect(m_tasks, &TasksView::infoMessage, this, &MainWindow::showInfo);
    connect(m_inbox, &InboxView::errorOccurred, this, &MainWindow::showError);
    connect(m_inbox, &InboxView::infoMessage, this, &MainWindow::showInfo);
    connect(m_inbox, &InboxView::replyRequested, this, [this](const QString &sender, const QString &subject) {
        showView(View::Outbox);
        m_outbox->replyTo(sender, subject);
    });
    if (m_focus) {
        connect(m_focus, &FocusController::infoMessage, this, &MainWindow::showInfo);
        connect(m_focus, &FocusController::errorOccurred, this, &MainWindow::showError);
        connect(m_details, &TaskDetailsPanel::taskShown, m_focus, &FocusController::setSelectedTask);
    }
    connect(m_inbox, &InboxView::heldCountChanged, this, [this](int held) {
        m_navigation->setBadge(int(View::Inbox), held, tr("%n held", nullptr, held));
    });
    m_navigation->setBadge(int(View::Inbox), qMax(0, m_inbox->heldCount()), tr("%n held", nullptr, m_inbox->heldCount()));
    connect(m_topBar, &TopBar::dateChanged, m_team, &TeamView::setDate);
    if (m_context.team) {
        new TeamStatusPresenter(*m_context.team, *m_messageBar, this);
        // The Outbox rows' own count: a message released to a closed Fermata is no longer held.
        const auto showQueued = [this] {
            const int queued = m_outbox->model()->heldCount();
            m_navigation->setBadge(int(View::Outbox), queued, tr("%n queued", nullptr, queued));
        };
        connect(m_context.team, &TeamSync::outboxChanged, this, showQueued);
        connect(m_outbox->model(), &QAbstractItemModel::dataChanged, this, showQueued);
        // A new task may wait for a commitment: the Team view's "Waiting" says so.
        connect(&m_context.tasks, &TaskService::taskAdded, m_context.team, &TeamSync::reloadFromStorage);
    }
    connect(m_history, &UndoHistory::infoMessage, this, &MainWindow::showInfo);
    connect(m_history, &UndoHistory::errorOccurred, this, &MainWindow::showError);
    connect(m_planner, &PlanController::infoMessage, this, &MainWindow::showInfo);
    connect(m_importer, &ImportController::infoMessage, this, [this](const QString &text) {
        // An import that broke the plan keeps the Re-plan offer beside its report.
        if (m_planner->planNoLongerFits())
            m_messageBar->showAction(text + QLatin1Char(' ') + PlanController::replanOfferText(), tr("Re-plan"));
        else
            showInfo(text);
    });
    connect(m_importer, &ImportController::errorOccurred, this, &MainWindow::showError);
    connect(m_planner, &PlanController::errorOccurred, this, &MainWindow::showError);
    // The planner works on its own thread: the window stays usable, and the pointer says so.
    connect(m_planner, &PlanController::planningChanged, this, [](bool planning) {
        if (planning)
            QApplication::setOverrideCursor(Qt::BusyCursor);
        else
            QApplication::restoreOverrideCursor();
    });
    connect(m_planner, &PlanController::replanSuggested, this, [this] {
        m_messageBar->showAction(PlanController::replanOfferText(), tr("Re-plan"));
    });
    if (m_context.attention) {
        // A teammate's change to work I wait for: the offer arrives with its Inbox item.
        auto *commitmentOffer = new CommitmentReplanOffer(*m_context.attention, m_context.clock.now(), this);
        connect(commitmentOffer, &CommitmentReplanOffer::offered, this, [this](const QString &text) {
            if (m_planner->hasPlanAhead())
                m_messageBar->showAction(text, tr("Re-plan"));
        });
        connect(commitmentOffer, &CommitmentReplanOffer::failed, this, &MainWindow::showError);
    }
    connect(m_messageBar, &MessageBar::actionTriggered, m_planner, &PlanController::replan);
    connect(m_messageBar, &MessageBar::actionDeclined, this, [this](const QString &text, const QString &action) {
        m_history->push(new DeclineOfferCommand(*m_messageBar, text, action));
    });
    connectWelcome();
}

void MainWindow::connectWelcome()
{
    m_welcomeController = new WelcomeController(*m_welcome, m_context.preferences, m_context.tasks,
                                                m_context.calendar, m_context.clock, this);
    connect(m_welcome, &WelcomePanel::hoursRequested, this, [this] { openPreferences(); });
    connect(m_welcome, &WelcomePanel::importRequested, m_importer->importAction(), &QAction::trigger);
    connect(m_welcome, &WelcomePanel::subscribeRequested, this,
            [this] { openPreferences(QStringLiteral("calendarsPage")); });
    connect(m_welcome, &WelcomePanel::exampleChosen, this, [this](const QString &example) {
        newTask();
        m_tasks->quickAdd()->setText(example);
    });
}

void MainWindow::attachTray(TrayIcon *tray)
{
    Q_ASSERT(!m_tray);
    m_tray = tray;
    m_tray->setParent(this);
    connect(m_tray, &TrayIcon::showRequested, this, &MainWindow::raiseAndActivate);
    connect(m_tray, &TrayIcon::quitRequested, qApp, &QCoreApplication::quit);
    if (m_focus) {
        m_tray->addFocusActions({m_focus->startAction(), m_focus->stopAction()});
        connect(m_focus, &FocusController::countdownChanged, m_tray, &TrayIcon::setCountdownText);
    }
    m_tray->setStatusText(m_statusLine->text());
    new CloseToTray(*this, *m_tray, m_context.preferences.fileName());
}

void MainWindow::plan()
{
    const QTimeZone zone = m_context.preferences.timeZone();
    QDate first = m_today->date().isValid() ? m_today->date() : today();
    int days = 1;
    if (currentView() == View::Week) {
        first = m_week->monday().isValid() ? m_week->monday() : today().addDays(1 - today().dayOfWeek());
        days = 7;
    }
    m_planner->plan(Interval::fromDateTimes(resolveWallClock(first, QTime(0, 0), zone),
                                            resolveWallClock(first.addDays(days), QTime(0, 0), zone)));
}

QAction *MainWindow::undoAction() const
{
    return m_history->undoAction();
}

QAction *MainWindow::redoAction() const
{
    return m_history->redoAction();
}

void MainWindow::showView(View view)
{
    const int index = int(view);
    const bool changed = index != m_stack->currentIndex();
    m_stack->setCurrentIndex(index);
    {
        const QSignalBlocker blocker(m_navigation);
        m_navigation->setCurrentRow(index);
    }
    m_viewActions->actions().at(index)->setChecked(true);
    m_topBar->setStepDays(view == View::Week ? 7 : 1);
    // The date bar where a date acts (Team shows the chosen day's windows), Plan where it plans.
    const bool plans = view == View::Today || view == View::Week;
    m_topBar->setDateNavigationVisible(plans || view == View::Team);
    m_topBar->setPlanVisible(plans);
    m_planAction->setEnabled(plans);
    // Today always opens on today; Week on this week (or the coming one once this one is
    // over), unless another week was browsed to.
    if (view == View::Today)
        m_topBar->setDate(today());
    else if (view == View::Week && m_topBar->date().addDays(1 - m_topBar->date().dayOfWeek())
                                       == today().addDays(1 - today().dayOfWeek()))
        m_topBar->setDate(m_week->currentWeekDate());
    // The details belong to what was selected in the view left behind.
    if (changed)
        showDetails(0);
}

MainWindow::View MainWindow::currentView() const
{
    return View(m_stack->currentIndex());
}

QString MainWindow::currentViewName() const
{
    return m_stack->currentWidget()->objectName();
}

void MainWindow::showError(const QString &message)
{
    m_messageBar->showError(message);
}

void MainWindow::showInfo(const QString &message)
{
    m_messageBar->showInfo(message);
}

void MainWindow::raiseAndActivate()
{
    if (isMinimized())
        showNormal();
    show();
    raise();
    activateWindow();
}

QSize MainWindow::sizeHint() const
{
    return {1200, 760};
}

void MainWindow::newTask()
{
    showView(View::Tasks);
    m_tasks->focusQuickAdd();
}

bool MainWindow::openPreferences(const QString &page)
{
    PreferencesDialog dialog(m_context.preferences, this);
    dialog.setAutostart(m_autostart);
    dialog.setEstimateSampleCount(m_context.planning.estimateSampleCount());
    if (m_context.attention)
        dialog.addPage(new CheckInPage(*m_context.attention, m_context.preferences, m_context.dnd));
    if (m_context.calendarSync)
        dialog.addPage(new CalendarsPage(*m_context.calendarSync, m_context.clock, m_context.preferences.timeZone(),
                                         m_context.caldav));
    dialog.addPage(new TeamPage(m_context.team));
    for (int i = 0; i < dialog.tabs()->count() && !page.isEmpty(); ++i) {
        if (dialog.tabs()->widget(i)->objectName() == page)
            dialog.tabs()->setCurrentIndex(i);
    }
    const bool accepted = dialog.exec() == QDialog::Accepted;
    if (accepted && m_welcomeController)
        m_welcomeController->hoursSet();
    return accepted;
}

void MainWindow::exportCalendar()
{
    if (!m_context.calendarSync)
        return;
    ExportCalendarDialog dialog(m_context.calendarSync->interop(), today(), m_context.preferences.timeZone(), this);
    if (dialog.exec() == QDialog::Accepted)
        showInfo(dialog.resultMessage());
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Fermata"),
                       tr("<h3>Fermata %1</h3><p>Plans focus time around your meetings and holds "
                          "interruptions until the moment you choose.</p>")
                           .arg(QCoreApplication::applicationVersion()));
}

void MainWindow::refreshStatus(const QString &text)
{
    m_topBar->setStatusText(text);
    m_topBar->setToday(today());
    if (m_tray)
        m_tray->setStatusText(text);
}

QDate MainWindow::today() const
{
    return m_context.clock.now().toTimeZone(m_context.preferences.timeZone()).date();
}

} // namespace fermata
