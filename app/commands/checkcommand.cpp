#include "commands/checkcommand.h"

#include "apppaths.h"
#include "commands/commands.h"
#include "storage/database.h"

#include <QCommandLineParser>
#include <QTextStream>

namespace fermata {

int runCheckCommand(const QStringList &arguments, const AppPaths &paths)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Opens the database as Fermata would (integrity check, data format) and says where it is.\n"
        "A damaged or newer file is reported and left untouched."));
    parser.addHelpOption();
    parser.process(arguments);

    QTextStream out(stdout);
    QTextStream err(stderr);
    const auto database = Database::open(paths.databasePath());
    if (!database) {
        err << database.error().message << Qt::endl;
        return ExitFailure;
    }
    out << "Database: " << paths.databasePath() << '\n'
        << "Data format: " << database.value()->schemaVersion() << " (this version reads up to "
        << Database::latestSchemaVersion() << ")\n"
        << "Integrity: ok\n"
        << "Settings: " << paths.settingsPath() << Qt::endl;
    return ExitOk;
}

} // namespace fermata
