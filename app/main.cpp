// fermata: opens the window, or runs one command-line subcommand on the same core.
#include "apppaths.h"
#include "autostartentry.h"
#include "commands/commands.h"
#include "guiapp.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstring>
#include <sys/stat.h>

using namespace fermata;

namespace {

struct GlobalOptions
{
    QString dataDir;          // from --data-dir, before or after the subcommand
    QStringList arguments;    // argv without --data-dir
    QString error;
};

GlobalOptions parseGlobalOptions(int argc, char **argv)
{
    GlobalOptions options;
    for (int i = 0; i < argc; ++i) {
        const QString arg = QString::fromLocal8Bit(argv[i]);
        if (arg == u"--data-dir") {
            if (i + 1 >= argc) {
                options.error = QStringLiteral("fermata: --data-dir needs a folder, e.g. --data-dir ~/fermata-work");
                return options;
            }
            options.dataDir = QString::fromLocal8Bit(argv[++i]);
        } else if (arg.startsWith(u"--data-dir=")) {
            options.dataDir = arg.mid(int(std::strlen("--data-dir=")));
        } else {
            options.arguments.append(arg);
        }
    }
    return options;
}

void setApplicationIdentity()
{
    QCoreApplication::setApplicationName(QStringLiteral("fermata"));
    QCoreApplication::setApplicationVersion(QStringLiteral(FERMATA_VERSION));
}

} // namespace

int main(int argc, char **argv)
{
    // Everything Fermata makes (database, settings, secrets, sockets, caches, new exports) is
    // for this user only; an exported file that replaces another keeps that file's permissions.
    ::umask(077);
    setApplicationIdentity();
    const GlobalOptions options = parseGlobalOptions(argc, argv);
    QTextStream err(stderr);
    if (!options.error.isEmpty()) {
        err << options.error << Qt::endl;
        return ExitUsage;
    }
    const QString first = options.arguments.value(1);
    if (first == u"-h" || first == u"--help" || first == u"help") {
        QTextStream(stdout) << mainUsage();
        return ExitOk;
    }
    if (first == u"-v" || first == u"--version") {
        QTextStream(stdout) << "fermata " << FERMATA_VERSION << Qt::endl;
        return ExitOk;
    }

    if (!first.isEmpty() && !first.startsWith(u'-')) {
        const Command *command = findCommand(first);
        if (!command) {
            err << "fermata: Unknown command '" << first << "'. Run 'fermata --help' for the list." << Qt::endl;
            return ExitUsage;
        }
        // Subcommands never need a display. Their help prints argv[0] in its usage line: make
        // it "fermata tasks", not the path the binary was started by.
        QByteArray usageName = QByteArrayLiteral("fermata ") + first.toLocal8Bit();
        char *coreArgv[] = {usageName.data(), nullptr};
        int coreArgc = 1;
        QCoreApplication app(coreArgc, coreArgv);
        const AppPaths paths = options.dataDir.isEmpty() ? AppPaths::standard()
                                                         : AppPaths::inDirectory(options.dataDir);
        QStringList commandArguments = options.arguments.mid(1);
        return command->run(commandArguments, paths);
    }

    const AppPaths paths = options.dataDir.isEmpty() ? AppPaths::standard()
                                                     : AppPaths::inDirectory(options.dataDir);
    const bool startInTray = options.arguments.contains(QString::fromUtf16(AutostartEntry::trayOption));
    return runGuiApp(argc, argv, paths, startInTray);
}
