#include "commands/importcommand.h"

#include "appcore.h"
#include "calendar/calendarinteropservice.h"
#include "commands/commands.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QSettings>
#include <QTextStream>

namespace fermata {

namespace {

// The translation context of what `fermata import` says (issue 18).
struct CliText
{
    Q_DECLARE_TR_FUNCTIONS(fermata::cli::import)
};

} // namespace

CalendarSettings readCalendarSettings(AppCore &core)
{
    QSettings settings(core.preferences().fileName(), QSettings::IniFormat);
    CalendarSettings result;
    result.addresses = settings.value(QStringLiteral("calendar/myAddresses")).toStringList();
    result.exportPath = settings.value(QStringLiteral("calendar/exportPath")).toString();
    return result;
}

void writeCalendarSettings(AppCore &core, const CalendarSettings &values)
{
    QSettings settings(core.preferences().fileName(), QSettings::IniFormat);
    settings.setValue(QStringLiteral("calendar/myAddresses"), values.addresses);
    if (values.exportPath.isEmpty())
        settings.remove(QStringLiteral("calendar/exportPath"));
    else
        settings.setValue(QStringLiteral("calendar/exportPath"), values.exportPath);
}

void configureInterop(CalendarInteropService &service, AppCore &core)
{
    const CalendarSettings settings = readCalendarSettings(core);
    service.setFloatingZone(core.preferences().timeZone());
    service.setUserAddresses(settings.addresses);
    service.setAutoExportPath(settings.exportPath);
}

int runImportCommand(const QStringList &arguments, const AppPaths &paths)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        CliText::tr("Imports an iCalendar (.ics) file from Google Calendar, Outlook, Apple Calendar,\n"
                    "Thunderbird or any CalDAV server. Importing the same calendar again updates it in\n"
                    "place: changed meetings move, deleted ones disappear, nothing is duplicated.\n\n"
                    "  fermata import FILE.ics [--name NAME] [--me ADDRESS]"));
    parser.addHelpOption();
    parser.addOptions({
        { QStringLiteral("name"), CliText::tr("The calendar's name (default: the file name)."),
            QStringLiteral("name") },
        { QStringLiteral("me"),
            CliText::tr("Your e-mail address; invitations you declined stay "
                        "free. Remembered for later imports. Repeatable."),
            QStringLiteral("address") },
        { QStringLiteral("quiet"), CliText::tr("Print no progress.") },
    });
    parser.addPositionalArgument(QStringLiteral("file"), CliText::tr("The .ics file to import."));
    parser.process(arguments);

    QTextStream out(stdout);
    QTextStream err(stderr);
    const QStringList files = parser.positionalArguments();
    if (files.size() != 1) {
        err << "fermata import: "
            << CliText::tr("Give one .ics file, e.g. fermata import ~/Downloads/work.ics") << Qt::endl;
        return ExitUsage;
    }
    const QString path = files.constFirst();
    if (!QFileInfo(path).isFile()) {
        err << "fermata import: " << CliText::tr("There is no file %1").arg(path) << Qt::endl;
        return ExitFailure;
    }
    const std::unique_ptr<AppCore> core = openCore(paths, err);
    if (!core)
        return ExitFailure;
    AppCore &app = *core;
    if (parser.isSet(QStringLiteral("me"))) {
        CalendarSettings settings = readCalendarSettings(app);
        for (const QString &address : parser.values(QStringLiteral("me"))) {
            if (!settings.addresses.contains(address, Qt::CaseInsensitive))
                settings.addresses.append(address);
        }
        writeCalendarSettings(app, settings);
    }
    CalendarInteropService service(app.database(), app.clock());
    configureInterop(service, app);
    const QString name = parser.isSet(QStringLiteral("name"))
        ? parser.value(QStringLiteral("name"))
        : CalendarInteropService::defaultSourceName(path);

    const bool showProgress = !parser.isSet(QStringLiteral("quiet"))
        && QFileInfo(path).size() > 4 * 1024 * 1024;
    int lastPercent = -1;
    const IcalProgress progress = [&](qint64 done, qint64 total) {
        const int percent = total > 0 ? int(done * 100 / total) : 100;
        if (showProgress && percent / 10 != lastPercent / 10) {
            err << CliText::tr("importing %1: %2%").arg(name, QString::number(percent)) << Qt::endl;
            lastPercent = percent;
        }
        return true;
    };
    const auto report = service.importFile(path, name, progress);
    if (!report) {
        err << "fermata import: " << report.error().message << ' ' << CliText::tr("Nothing was changed.")
            << Qt::endl;
        return ExitFailure;
    }
    out << name << ": " << report->summary() << Qt::endl;
    return ExitOk;
}

} // namespace fermata
