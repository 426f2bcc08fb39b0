// fermata: opens the window, or runs one command-line subcommand on the same core.
#include "apppaths.h"
#include "autostartentry.h"
#include "commands/commands.h"
#include "guiapp.h"
#include "translations.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>
#include <cstring>
#ifdef Q_OS_WIN
#include <windows.h>
#else
#include <sys/stat.h>
#endif

using namespace fermata;

namespace {

struct GlobalOptions
{
    QString dataDir;          // from --data-dir, before or after the subcommand
    QStringList arguments;    // argv without --data-dir
    const char *error = nullptr; // English; translated when printed
};

GlobalOptions parseGlobalOptions(int argc, char **argv)
{
    GlobalOptions options;
    for (int i = 0; i < argc; ++i) {
        const QString arg = QString::fromLocal8Bit(argv[i]);
        if (arg == u"--data-dir") {
            if (i + 1 >= argc) {
                options.error = QT_TRANSLATE_NOOP("fermata::cli",
                                                  "fermata: --data-dir needs a folder, e.g. --data-dir ~/fermata-work");
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

// Help and usage errors come before a command or the window makes its application object.
// They get a plain one of their own, so the translators install and they read in the person's
// language too.
struct PrintingApplication
{
    explicit PrintingApplication(char *program) : argv{program, nullptr} {}

    int argc = 1;
    char *argv[2];
    QCoreApplication app{argc, argv};
};

void setApplicationIdentity()
{
    QCoreApplication::setApplicationName(QStringLiteral("fermata"));
    QCoreApplication::setApplicationVersion(QStringLiteral(FERMATA_VERSION));
}

// German when the system language is: installed by whichever application object this run makes
// (QCoreApplication for a command, QApplication inside runGuiApp), as soon as it exists.
void translateWhenTheApplicationStarts()
{
    qAddPreRoutine([] { installTranslations(*QCoreApplication::instance()); });
}

// Everything Fermata makes (database, settings, secrets, sockets, caches, new exports) is for
// this user only; an exported file that replaces another keeps that file's permissions.
// Windows: the user's profile ACL, inherited by what is made there, does this job.
void keepNewFilesPrivate()
{
#ifndef Q_OS_WIN
    ::umask(077);
#endif
}

// Windows: fermata.exe is a GUI program (no console window of its own). Started from a console,
// it prints there, so `fermata --help` and the commands work as anywhere else. A stream already
// redirected (to a file or a pipe) stays where it was sent.
void printToParentConsole()
{
#ifdef Q_OS_WIN
    if (!::AttachConsole(ATTACH_PARENT_PROCESS))
        return;
    const auto unset = [](DWORD stream) {
        const HANDLE handle = ::GetStdHandle(stream);
        return handle == nullptr || handle == INVALID_HANDLE_VALUE || ::GetFileType(handle) == FILE_TYPE_UNKNOWN;
    };
    if (unset(STD_OUTPUT_HANDLE))
        (void)std::freopen("CONOUT$", "w", stdout);
    if (unset(STD_ERROR_HANDLE))
        (void)std::freopen("CONOUT$", "w", stderr);
#endif
}

} // namespace

int main(int argc, char **argv)
{
    printToParentConsole();
    keepNewFilesPrivate();
    setApplicationIdentity();
    translateWhenTheApplicationStarts();
    const GlobalOptions options = parseGlobalOptions(argc, argv);
    QTextStream err(stderr);
    if (options.error) {
        const PrintingApplication printing(argv[0]);
        err << QCoreApplication::translate("fermata::cli", options.error) << Qt::endl;
        return ExitUsage;
    }
    const QString first = options.arguments.value(1);
    if (first == u"-h" || first == u"--help" || first == u"help") {
        const PrintingApplication printing(argv[0]);
        QTextStream(stdout) << mainUsage();
        return ExitOk;
    }
    if (first == u"-v" || first == u"--version") {
        // The first line stays "fermata <version>": scripts and the package test read it.
        QTextStream(stdout) << "fermata " << FERMATA_VERSION << "\n"
                            << "Licence: GPL-3.0-or-later (GNU General Public License, version 3 or any later version)\n"
                            << "This is free software: you may change and share it. There is NO WARRANTY." << Qt::endl;
        return ExitOk;
    }

    if (!first.isEmpty() && !first.startsWith(u'-')) {
        const Command *command = findCommand(first);
        if (!command) {
            const PrintingApplication printing(argv[0]);
            err << QCoreApplication::translate("fermata::cli", "fermata: Unknown command '%1'. Run 'fermata --help' for the list.")
                       .arg(first)
                << Qt::endl;
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
