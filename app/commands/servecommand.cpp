#include "commands/servecommand.h"

#include "appcore.h"
#include "attentionhost.h"
#include "calendarhost.h"
#include "commands/commands.h"
#include "commands/quitonstop.h"
#include "teamhost.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

namespace fermata {

namespace {

// The translation context of what `fermata serve` says (issue 18).
struct CliText
{
    Q_DECLARE_TR_FUNCTIONS(fermata::cli::serve)
};

} // namespace

int runServeCommand(const QStringList &arguments, const AppPaths &paths)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        CliText::tr("Runs the attention engine without a window until interrupted: takes notifications\n"
                    "from `fermata notify` (and HTTP, if enabled), holds them outside check-in windows,\n"
                    "shows the digest when a window opens and switches the desktop's Do Not Disturb.\n"
                    "Starts a focus session at each planned focus block and ends it at the block's end.\n"
                    "With a team hub joined, keeps in sync with it as the window does: sends what waits,\n"
                    "and brings teammates' messages into the Inbox when they are released to you.\n"
                    "Keeps calendars current as the window does: refreshes subscriptions, rewrites a\n"
                    "kept-updated export and syncs CalDAV accounts.\n"
                    "Prints \"ready\" once it takes notifications."));
    parser.addHelpOption();
    parser.process(arguments);
    QTextStream out(stdout);
    QTextStream err(stderr);
    const std::unique_ptr<AppCore> core = openCore(paths, err);
    if (!core)
        return ExitFailure;
    const auto warn = [&err](const QString &message) { err << "fermata serve: " << message << Qt::endl; };
    AttentionHost host(*core);
    QObject::connect(&host, &AttentionHost::warning, warn);
    host.start();
    core->followOtherProcesses(); // tasks, plans and Inbox items written by other processes
    if (!host.intake().errorString().isEmpty())
        return ExitFailure;
    // Without it a teammate's message would wait on the hub until a window or `hub sync` ran.
    TeamHost team(*core, host);
    QObject::connect(&team, &TeamHost::failed, warn);
    team.start();
    // Calendars as in the window: subscriptions refreshed, the kept-updated export rewritten,
    // focus blocks written to the CalDAV calendar that takes them.
    CalendarHost calendars(*core);
    QObject::connect(&calendars.sync(), &CalendarSync::autoExportFailed, warn);
    QObject::connect(&calendars.caldav(), &CalDavSync::syncFinished, [warn](const QList<CalDavSyncOutcome> &outcomes) {
        for (const CalDavSyncOutcome &outcome : outcomes) {
            if (outcome.kind == CalDavSyncOutcome::Kind::Failed)
                warn(outcome.message());
        }
    });
    calendars.start();
    quitOnStopRequests();
    out << "ready" << Qt::endl;
    std::fflush(stdout); // a pipe is block-buffered: the caller waits for this line
    const int code = QCoreApplication::exec();
    host.shutdown();
    return code;
}

} // namespace fermata
