#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

class QTextStream;

namespace fermata {

class AppCore;
class AppPaths;

// A command-line subcommand: `fermata [--data-dir DIR] NAME ARGS...`.
struct Command
{
    QString name;
    // English, marked with QT_TRANSLATE_NOOP("fermata::cli", ...): mainUsage() translates it when
    // it prints, since the list is built before a translator is installed.
    const char *summary = nullptr;
    // Receives the arguments with arguments[0] == name; returns the process exit code.
    std::function<int(const QStringList &arguments, const AppPaths &paths)> run;
};

const QList<Command> &commands();
const Command *findCommand(const QString &name);
// The top-level help text: what Fermata is and every subcommand.
QString mainUsage();

// Opens the profile's core for a subcommand; on failure writes the reason to `err` and
// returns null (the caller exits with ExitFailure).
std::unique_ptr<AppCore> openCore(const AppPaths &paths, QTextStream &err);

// Exit codes shared by every subcommand.
enum ExitCode { ExitOk = 0, ExitFailure = 1, ExitUsage = 2 };

} // namespace fermata
