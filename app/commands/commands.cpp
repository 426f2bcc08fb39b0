#include "commands/commands.h"

#include "appcore.h"
#include "apppaths.h"
#include "commands/caldavcommand.h"
#include "commands/checkcommand.h"
#include "commands/hubcommand.h"
#include "commands/outboxcommand.h"
#include "commands/plancommand.h"
#include "commands/sendcommand.h"
#include "commands/inboxcommand.h"
#include "commands/insightscommand.h"
#include "commands/notifycommand.h"
#include "commands/servecommand.h"
#include "commands/taskscommand.h"
#include "commands/eventscommand.h"
#include "commands/exportcommand.h"
#include "commands/importcommand.h"
#include "commands/subscribecommand.h"

#include <QCoreApplication>
#include <QTextStream>

namespace fermata {

const QList<Command> &commands()
{
    static const QList<Command> all = {
        { QStringLiteral("tasks"), QT_TRANSLATE_NOOP("fermata::cli", "List, add, complete and share tasks"),
            &runTasksCommand },
        { QStringLiteral("plan"),
            QT_TRANSLATE_NOOP(
                "fermata::cli", "Plan focus blocks from a JSON request or a benchmark instance"),
            [](const QStringList &arguments, const AppPaths &) { return runPlanCommand(arguments); } },
        { QStringLiteral("check"),
            QT_TRANSLATE_NOOP("fermata::cli", "Check the database file and say where it is"),
            &runCheckCommand },
        { QStringLiteral("import"),
            QT_TRANSLATE_NOOP("fermata::cli", "Import meetings from an iCalendar (.ics) file"),
            &runImportCommand },
        { QStringLiteral("events"),
            QT_TRANSLATE_NOOP("fermata::cli", "List calendar events as the planner sees them"),
            &runEventsCommand },
        { QStringLiteral("export"),
            QT_TRANSLATE_NOOP("fermata::cli", "Export focus blocks and check-in windows as iCalendar"),
            &runExportCommand },
        { QStringLiteral("subscribe"),
            QT_TRANSLATE_NOOP("fermata::cli", "Subscribe to a calendar's ICS address"),
            &runSubscribeCommand },
        { QStringLiteral("subscriptions"),
            QT_TRANSLATE_NOOP("fermata::cli", "List calendar subscriptions, last refresh and errors"),
            &runSubscriptionsCommand },
        { QStringLiteral("refresh"), QT_TRANSLATE_NOOP("fermata::cli", "Fetch every subscribed calendar now"),
            &runRefreshCommand },
        { QStringLiteral("caldav"),
            QT_TRANSLATE_NOOP("fermata::cli", "Read meetings from CalDAV and write focus blocks back"),
            &runCalDavCommand },
        { QStringLiteral("hub"),
            QT_TRANSLATE_NOOP("fermata::cli", "Set up, join and sync a team hub (PostgreSQL)"),
            &runHubCommand },
        { QStringLiteral("send"),
            QT_TRANSLATE_NOOP("fermata::cli", "Send a teammate a message, held until their check-in window"),
            &runSendCommand },
        { QStringLiteral("outbox"),
            QT_TRANSLATE_NOOP("fermata::cli", "List sent messages with their release times"),
            &runOutboxCommand },
        { QStringLiteral("notify"),
            QT_TRANSLATE_NOOP(
                "fermata::cli", "Hand a notification to Fermata (held until your next check-in)"),
            &runNotifyCommand },
        { QStringLiteral("inbox"), QT_TRANSLATE_NOOP("fermata::cli", "List held and released notifications"),
            &runInboxCommand },
        { QStringLiteral("insights"),
            QT_TRANSLATE_NOOP("fermata::cli", "What deep work, meetings and held interruptions added up to"),
            &runInsightsCommand },
        { QStringLiteral("serve"),
            QT_TRANSLATE_NOOP("fermata::cli", "Run the attention engine without a window"),
            &runServeCommand },
    };
    return all;
}

const Command *findCommand(const QString &name)
{
    for (const Command &command : commands()) {
        if (command.name == name)
            return &command;
    }
    return nullptr;
}

QString mainUsage()
{
    QString text = QCoreApplication::translate("fermata::cli",
        "Usage: fermata [--data-dir DIR] [COMMAND [ARGS...]]\n"
        "\n"
        "Fermata plans focus blocks for your most important work and holds interruptions\n"
        "until the check-in windows you chose. Without a command it opens the window.\n"
        "\n"
        "Options:\n"
        "  --data-dir DIR   keep the database and settings in DIR (also after the command)\n"
        "  --tray           start in the tray without opening the window (as at login)\n"
        "  -h, --help       show this help; 'fermata COMMAND --help' for a command\n"
        "  -v, --version    show the version\n"
        "\n"
        "Commands:\n");
    for (const Command &command : commands())
        text += QStringLiteral("  %1  %2\n")
                    .arg(command.name.leftJustified(8),
                        QCoreApplication::translate("fermata::cli", command.summary));
    return text;
}

std::unique_ptr<AppCore> openCore(const AppPaths &paths, QTextStream &err)
{
    auto core = AppCore::open(paths);
    if (!core) {
        err << core.error().message << Qt::endl;
        return nullptr;
    }
    if (const QString notice = core.value()->privacyNotice(); !notice.isEmpty())
        err << "fermata: " << notice << Qt::endl;
    return std::move(core).value();
}

} // namespace fermata
