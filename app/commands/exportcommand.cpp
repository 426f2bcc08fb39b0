#include "commands/exportcommand.h"

#include "appcore.h"
#include "calendar/calendarinteropservice.h"
#include "commands/commands.h"
#include "commands/eventscommand.h"
#include "commands/importcommand.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QTextStream>

namespace fermata {

namespace {

// The translation context of what `fermata export` says (issue 18).
struct CliText
{
    Q_DECLARE_TR_FUNCTIONS(fermata::cli::export)
};

} // namespace

int runExportCommand(const QStringList &arguments, const AppPaths &paths)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        CliText::tr("Exports focus blocks (busy events) and check-in windows as iCalendar: windows as\n"
                    "VAVAILABILITY (RFC 7953) and as recurring free events for calendar apps that\n"
                    "ignore VAVAILABILITY.\n\n"
                    "  fermata export --ics FILE [--from 2026-03-01] [--to 2026-03-31]\n"
                    "  fermata export --ics FILE --keep-updated   (the app rewrites FILE after changes)\n"
                    "  fermata export --stop-updating\n\n"
                    "Default range: the last 7 and the next 60 days. With --to, window rules end that day."));
    parser.addHelpOption();
    parser.addOptions({
        { QStringLiteral("ics"), CliText::tr("The file to write."), QStringLiteral("file") },
        { QStringLiteral("from"), CliText::tr("First day."), QStringLiteral("date") },
        { QStringLiteral("to"), CliText::tr("Last day, included."), QStringLiteral("date") },
        { QStringLiteral("keep-updated"), CliText::tr("Remember FILE and rewrite it after every change.") },
        { QStringLiteral("stop-updating"), CliText::tr("Stop rewriting the remembered file.") },
    });
    parser.process(arguments);

    QTextStream out(stdout);
    QTextStream err(stderr);
    const bool stop = parser.isSet(QStringLiteral("stop-updating"));
    if (!parser.isSet(QStringLiteral("ics")) && !stop) {
        err << "fermata export: "
            << CliText::tr("Say where to write, e.g. fermata export --ics ~/fermata.ics") << Qt::endl;
        return ExitUsage;
    }
    const std::unique_ptr<AppCore> core = openCore(paths, err);
    if (!core)
        return ExitFailure;
    AppCore &app = *core;
    CalendarSettings settings = readCalendarSettings(app);
    if (stop) {
        settings.exportPath.clear();
        writeCalendarSettings(app, settings);
        out << CliText::tr("Fermata no longer keeps an exported calendar up to date.") << Qt::endl;
        if (!parser.isSet(QStringLiteral("ics")))
            return ExitOk;
    }
    CalendarInteropService service(app.database(), app.clock());
    configureInterop(service, app);
    const QTimeZone zone = app.preferences().timeZone();
    Interval range = service.autoExportRange();
    const bool bounded = parser.isSet(QStringLiteral("to"));
    if (parser.isSet(QStringLiteral("from")) || bounded) {
        const QDateTime from = parser.isSet(QStringLiteral("from"))
            ? parseCommandDate(parser.value(QStringLiteral("from")), zone, false)
            : range.start();
        const QDateTime to = bounded ? parseCommandDate(parser.value(QStringLiteral("to")), zone, true)
                                     : range.end();
        if (!from.isValid() || !to.isValid() || to <= from) {
            err << "fermata export: " << CliText::tr("Cannot read the range. Write days like 2026-03-01.")
                << Qt::endl;
            return ExitUsage;
        }
        range = Interval::fromDateTimes(from, to);
    }
    const QString path = QFileInfo(parser.value(QStringLiteral("ics"))).absoluteFilePath();
    if (Status status = service.exportTo(path, range, bounded); !status) {
        err << "fermata export: " << status.error().message << Qt::endl;
        return ExitFailure;
    }
    out << CliText::tr("Wrote %1").arg(path) << Qt::endl;
    if (parser.isSet(QStringLiteral("keep-updated"))) {
        settings.exportPath = path;
        writeCalendarSettings(app, settings);
        out << CliText::tr("Fermata will keep it up to date after every change.") << Qt::endl;
    }
    return ExitOk;
}

} // namespace fermata
