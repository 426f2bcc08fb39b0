#include "commands/checkcommand.h"

#include "apppaths.h"
#include "attention/desktopdnd.h"
#include "attention/notificationcapture.h"
#include "autostartentry.h"
#include "commands/commands.h"
#include "storage/database.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

namespace fermata {

namespace {

// The translation context of what `fermata check` says (issue 18).
struct CliText
{
    Q_DECLARE_TR_FUNCTIONS(fermata::cli::check)
};

// Whether other apps' notifications are captured in this session: a build with D-Bus can, but
// only where a session bus is reachable and lets Fermata listen; trying (and stopping at once)
// is the only sure test.
QString notificationCaptureText()
{
    const auto capture = NotificationCapture::create();
    if (!capture->isAvailable())
        return capture->errorString();
    if (!capture->start())
        return CliText::tr("this build can capture them from D-Bus, but not in this session: %1")
            .arg(capture->errorString());
    capture->stop();
    return CliText::tr("captured from the desktop (D-Bus)");
}

// What this build can do with the desktop around it (issue 18): a build without D-Bus, or
// Windows and macOS, says plainly here what it cannot do.
void printDesktopSupport(QTextStream &out)
{
    out << CliText::tr("Other apps' notifications: %1").arg(notificationCaptureText()) << '\n';
    out << CliText::tr("Desktop Do Not Disturb: %1").arg(DesktopDnd::detect()->displayName()) << '\n';
    const auto autostart = AutostartEntry::create(QCoreApplication::applicationFilePath(), {});
    if (autostart)
        out << (autostart->isEnabled() ? CliText::tr("Start at login: on (%1)") : CliText::tr("Start at login: off (%1)"))
                   .arg(autostart->location())
            << '\n';
    else
        out << CliText::tr("Start at login: not available in this build") << '\n';
}

} // namespace

int runCheckCommand(const QStringList &arguments, const AppPaths &paths)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(CliText::tr(
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
    out << CliText::tr("Database: %1").arg(paths.databasePath()) << '\n'
        << CliText::tr("Data format: %1 (this version reads up to %2)")
               .arg(QString::number(database.value()->schemaVersion()), QString::number(Database::latestSchemaVersion()))
        << '\n'
        << CliText::tr("Integrity: ok") << '\n'
        << CliText::tr("Settings: %1").arg(paths.settingsPath()) << '\n';
    printDesktopSupport(out);
    out.flush();
    return ExitOk;
}

} // namespace fermata
