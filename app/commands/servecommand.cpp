#include "commands/servecommand.h"

#include "appcore.h"
#include "attentionhost.h"
#include "commands/commands.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSocketNotifier>
#include <QTextStream>

#include <csignal>
#include <cstdio>
#include <sys/socket.h>
#include <unistd.h>

namespace fermata {

namespace {

// The translation context of what `fermata serve` says (issue 18).
struct CliText
{
    Q_DECLARE_TR_FUNCTIONS(fermata::cli::serve)
};

int s_signalFds[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    (void)::write(s_signalFds[0], &byte, 1);
}

// SIGINT/SIGTERM end the loop through a socket pair, so shutdown runs on the event loop and
// restores the desktop's DND.
void quitOnSignals()
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, s_signalFds) != 0)
        return;
    auto *notifier = new QSocketNotifier(s_signalFds[1], QSocketNotifier::Read, qApp);
    QObject::connect(notifier, &QSocketNotifier::activated, qApp, [] {
        char byte;
        (void)::read(s_signalFds[1], &byte, 1);
        QCoreApplication::quit();
    });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
}

} // namespace

int runServeCommand(const QStringList &arguments, const AppPaths &paths)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        CliText::tr("Runs the attention engine without a window until interrupted: takes notifications\n"
                    "from `fermata notify` (and HTTP, if enabled), holds them outside check-in windows,\n"
                    "shows the digest when a window opens and switches the desktop's Do Not Disturb.\n"
                    "Starts a focus session at each planned focus block and ends it at the block's end.\n"
                    "Prints \"ready\" once it takes notifications."));
    parser.addHelpOption();
    parser.process(arguments);
    QTextStream out(stdout);
    QTextStream err(stderr);
    const std::unique_ptr<AppCore> core = openCore(paths, err);
    if (!core)
        return ExitFailure;
    AttentionHost host(*core);
    QObject::connect(&host, &AttentionHost::warning, [&err](const QString &message) {
        err << "fermata serve: " << message << Qt::endl;
    });
    host.start();
    core->followOtherProcesses(); // tasks, plans and Inbox items written by other processes
    if (!host.intake().errorString().isEmpty())
        return ExitFailure;
    quitOnSignals();
    out << "ready" << Qt::endl;
    std::fflush(stdout); // a pipe is block-buffered: the caller waits for this line
    const int code = QCoreApplication::exec();
    host.shutdown();
    return code;
}

} // namespace fermata
