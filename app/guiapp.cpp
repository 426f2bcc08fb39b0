#include "guiapp.h"

#include "appcore.h"
#include "attentionhost.h"
#include "autostartentry.h"
#include "calendarhost.h"
#include "mainwindow.h"
#include "singleinstance.h"
#include "startupprobe.h"
#include "teamhost.h"
#include "trayicon.h"
#include "uicontext.h"
#include "views/insights/insightssource.h"
#include "widgets/focusringstyle.h"

#include <QApplication>
#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QIcon>
#include <QMessageBox>
#include <QPushButton>
#include <QSystemTrayIcon>
#include <QTimer>
#include <QUrl>

namespace fermata {

namespace {

// The database could not be opened: say what is wrong and where, touch nothing.
int showDatabaseError(const QString &message, const QString &databasePath)
{
    QMessageBox box(QMessageBox::Critical, QApplication::translate("fermata", "Fermata cannot open its data"),
                    message);
    box.setInformativeText(QApplication::translate("fermata", "The file is at %1").arg(databasePath));
    QPushButton *showFolder = box.addButton(QApplication::translate("fermata", "Show Folder"),
                                            QMessageBox::ActionRole);
    box.addButton(QApplication::translate("fermata", "Quit"), QMessageBox::RejectRole);
    box.exec();
    if (box.clickedButton() == showFolder)
        QDesktopServices::openUrl(QUrl::fromLocalFile(QFileInfo(databasePath).absolutePath()));
    return 1;
}

} // namespace

int runGuiApp(int &argc, char **argv, const AppPaths &paths, bool startInTray)
{
    QApplication app(argc, argv);
    // Reading the tasks begins on a worker thread while the rest starts. Not before the
    // QApplication: its constructor resets Qt's plugin paths unguarded while the worker's
    // SQL driver lookup reads them (a crash one start in twenty).
    AppCore::Preload tasks = AppCore::preloadTasks(paths);
    FocusRingStyle::install(app); // before any widget, so every one is polished with it
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/fermata.svg")));
    QApplication::setDesktopFileName(QStringLiteral("fermata"));

    SingleInstance instance(paths.instanceKey());
    if (instance.activateRunningInstance())
        return 0;
    if (!instance.listen())
        qWarning("Fermata could not claim its single-instance socket: %s", qPrintable(instance.errorString()));

    auto core = AppCore::open(paths, std::move(tasks));
    if (!core)
        return showDatabaseError(core.error().message, paths.databasePath());

    // Check-in windows, held notifications, digest, DND, focus sessions; started after the
    // first paint so the window opens at once.
    AttentionHost attention(*core.value());
    UiContext context{core.value()->tasks(), core.value()->calendar(),
                      core.value()->preferences(), core.value()->clock(),
                      core.value()->planning()};
    context.attention = &attention.attention();
    context.focus = &attention.focus();
    context.dnd = &attention.dnd();
    CalendarHost calendars(*core.value()); // imports and subscription refreshes off the GUI thread
    context.calendarSync = &calendars.sync();
    context.caldav = &calendars.caldav();
    // The team hub on its own thread and database connection: its calls wait on the network.
    TeamHost team(*core.value(), attention);
    context.team = &team.sync();
    // Insights reads a quarter or a year on its own thread and connection.
    InsightsSource insights(paths.databasePath(), core.value()->clock());
    context.insights = &insights;
    if (Status loaded = core.value()->finishLoading(); !loaded)
        return showDatabaseError(loaded.error().message, paths.databasePath());
    const bool defaultDataDir = paths.dataDir() == AppPaths::standard().dataDir();
    const std::unique_ptr<AutostartEntry> autostart
        = AutostartEntry::create(QCoreApplication::applicationFilePath(), defaultDataDir ? QString() : paths.dataDir());
    MainWindow window(context);
    window.setAutostart(autostart.get());
    // With a tray, closing the window only hides it and the engine keeps holding until Quit.
    if (QSystemTrayIcon::isSystemTrayAvailable())
        window.attachTray(new TrayIcon);
    QObject::connect(&instance, &SingleInstance::activationRequested, &window, &MainWindow::raiseAndActivate);
    if (StartupProbe::isRequested())
        new StartupProbe(&window);

    if (!startInTray || !window.trayIcon())
        window.show(); // --tray without a tray: a hidden window could not be reached
    QTimer::singleShot(0, &attention, &AttentionHost::start); // after the first paint
    QTimer::singleShot(0, &calendars, &CalendarHost::start);
    QObject::connect(&calendars.sync(), &CalendarSync::autoExportFailed, &window, &MainWindow::showError);
    QObject::connect(&team, &TeamHost::failed, &window, &MainWindow::showError);
    QTimer::singleShot(0, &team, &TeamHost::start);
    core.value()->followOtherProcesses();
    if (const QString notice = core.value()->privacyNotice(); !notice.isEmpty())
        QTimer::singleShot(0, &window, [&window, notice] { window.showInfo(notice); });
    return QApplication::exec();
}

} // namespace fermata
