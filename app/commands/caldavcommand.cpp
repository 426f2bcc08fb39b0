#include "commands/caldavcommand.h"

#include "appcore.h"
#include "apppaths.h"
#include "caldav/caldavaccountrepository.h"
#include "caldav/caldavaccounts.h"
#include "caldav/caldavsynchronizer.h"
#include "calendar/calendarinteropservice.h"
#include "commands/commands.h"
#include "commands/importcommand.h"
#include "team/secretstore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <cstdio>
#ifdef Q_OS_UNIX
#include <termios.h>
#include <unistd.h>
#endif

namespace fermata {

namespace {

// The translation context of what `fermata caldav` says (issue 18).
struct CliText
{
    Q_DECLARE_TR_FUNCTIONS(fermata::cli::caldav)
};

// A `caldav sync` started while the window syncs the same account waits this long for it.
constexpr int commandLeaseWaitMs = 60000;

// The profile and the CalDAV services over it, for one command.
struct CalDavSession
{
    explicit CalDavSession(std::unique_ptr<AppCore> opened, const AppPaths &paths)
        : core(std::move(opened))
        , secrets(makeSecretStore(calDavSecretsPath(paths)))
        , interop(core->database(), core->clock())
        , accounts(core->database(), *secrets, interop, core->clock())
        , synchronizer(core->database(), *secrets, interop, core->clock())
    {
        configureInterop(interop, *core);
        synchronizer.setLeaseWaitMs(commandLeaseWaitMs);
    }

    std::unique_ptr<AppCore> core;
    std::unique_ptr<SecretStore> secrets;
    CalendarInteropService interop;
    CalDavAccounts accounts;
    CalDavSynchronizer synchronizer;
};

QString timeText(const QDateTime &dt)
{
    return dt.isValid() ? dt.toUTC().toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss'Z'")) : QString();
}

// The app password: standard input with --password-stdin, else FERMATA_CALDAV_PASSWORD, else
// asked on the terminal without echo. Empty when there is none.
QString readAppPassword(bool fromStdin, const QString &user, QTextStream &err)
{
    if (!fromStdin && qEnvironmentVariableIsSet("FERMATA_CALDAV_PASSWORD"))
        return qEnvironmentVariable("FERMATA_CALDAV_PASSWORD");
    QTextStream in(stdin);
#ifdef Q_OS_UNIX
    if (!fromStdin && ::isatty(STDIN_FILENO)) {
        err << CliText::tr("App password for %1: ").arg(user) << Qt::flush;
        termios saved {};
        const bool quiet = ::tcgetattr(STDIN_FILENO, &saved) == 0;
        if (quiet) {
            termios silent = saved;
            silent.c_lflag &= ~tcflag_t(ECHO);
            ::tcsetattr(STDIN_FILENO, TCSANOW, &silent);
        }
        const QString password = in.readLine();
        if (quiet)
            ::tcsetattr(STDIN_FILENO, TCSANOW, &saved);
        err << Qt::endl;
        return password;
    }
#else
    Q_UNUSED(user);
#endif
    if (!fromStdin)
        return {};
    QString line = in.readLine();
    while (line.endsWith(u'\r'))
        line.chop(1);
    return line;
}

void warnAboutSecrets(const SecretStore &secrets, QTextStream &err)
{
    if (!secrets.warning().isEmpty())
        err << "fermata: " << CliText::tr("warning: %1").arg(secrets.warning()) << Qt::endl;
}

QString calendarLine(const CalDavCalendarRecord &calendar, int width)
{
    QStringList notes;
    notes.append(calendar.isRead ? CliText::tr("read") : CliText::tr("not read"));
    if (calendar.receivesBlocks)
        notes.append(CliText::tr("receives focus blocks"));
    if (!calendar.isWritable)
        notes.append(CliText::tr("read-only"));
    if (!calendar.isOnServer)
        notes.append(CliText::tr("no longer on the server"));
    if (calendar.isRead && !calendar.source.isEmpty())
        notes.append(calendar.eventCount == 1 ? CliText::tr("1 event")
                                              : CliText::tr("%1 events").arg(calendar.eventCount));
    return QStringLiteral("    %1  %2  %3")
        .arg(calendar.label().leftJustified(width), (calendar.color.isEmpty() ? QStringLiteral("-") : calendar.color).leftJustified(7),
            notes.join(QStringLiteral(", ")));
}

void printCalendars(const QList<CalDavCalendarRecord> &calendars, QTextStream &out)
{
    int width = 0;
    for (const CalDavCalendarRecord &calendar : calendars)
        width = std::max(width, int(calendar.label().size()));
    for (const CalDavCalendarRecord &calendar : calendars)
        out << calendarLine(calendar, width) << "\n";
}

// Prints each outcome; the exit code (1 when one failed or waited in vain).
int report(const QList<CalDavSyncOutcome> &outcomes, QTextStream &out, QTextStream &err)
{
    int code = ExitOk;
    for (const CalDavSyncOutcome &outcome : outcomes) {
        if (outcome.kind == CalDavSyncOutcome::Kind::Synced && outcome.error.isEmpty()) {
            out << outcome.message() << Qt::endl;
        } else {
            err << "fermata caldav: " << outcome.message() << Qt::endl;
            code = ExitFailure;
        }
    }
    return code;
}

int syncAccount(CalDavSession &session, const CalDavAccount &account, QTextStream &out, QTextStream &err)
{
    return report({ session.synchronizer.sync(account.id) }, out, err);
}

int add(CalDavSession &session, const QCommandLineParser &parser, QTextStream &out, QTextStream &err)
{
    const QStringList positional = parser.positionalArguments();
    const QString user = parser.value(QStringLiteral("user"));
    if (positional.size() != 2 || user.isEmpty()) {
        err << "fermata caldav add: "
            << CliText::tr("Give the server and your user name, e.g.\n"
                           "  fermata caldav add https://cloud.example.com/remote.php/dav --user alice")
            << Qt::endl;
        return ExitUsage;
    }
    const QUrl url = QUrl::fromUserInput(positional.at(1));
    const QString password = readAppPassword(parser.isSet(QStringLiteral("password-stdin")), user, err);
    if (password.isEmpty()) {
        err << "fermata caldav add: "
            << CliText::tr("Give the app password on standard input with --password-stdin (or in "
                           "FERMATA_CALDAV_PASSWORD). Many servers make one under Settings > Security > App "
                           "passwords.")
            << Qt::endl;
        return ExitUsage;
    }
    const CalDavResult<CalDavAccount> added = session.accounts.add(
        CalDavAccounts::NewAccount { url, user, password, parser.value(QStringLiteral("name")) });
    if (!added) {
        err << "fermata caldav add: " << added.error().message << Qt::endl;
        return ExitFailure;
    }
    warnAboutSecrets(*session.secrets, err);
    CalDavAccountRepository repository(session.core->database());
    auto calendars = repository.calendars(added->id);
    if (!calendars) {
        err << "fermata caldav add: " << calendars.error().message << Qt::endl;
        return ExitFailure;
    }
    // --read names the calendars to read; without it every calendar is.
    const QStringList reads = parser.values(QStringLiteral("read"));
    if (!reads.isEmpty()) {
        for (const CalDavCalendarRecord &calendar : *calendars) {
            if (Status s = session.accounts.setRead(calendar, false); !s) {
                err << "fermata caldav add: " << s.error().message << Qt::endl;
                return ExitFailure;
            }
        }
        for (const QString &name : reads) {
            const Result<CalDavCalendarRecord> calendar = session.accounts.findCalendar(*added, name);
            if (!calendar || !session.accounts.setRead(*calendar, true)) {
                err << "fermata caldav add: "
                    << (calendar ? CliText::tr("could not save the choice") : calendar.error().message)
                    << Qt::endl;
                return ExitFailure;
            }
        }
    }
    if (parser.isSet(QStringLiteral("blocks"))) {
        const Result<CalDavCalendarRecord> calendar
            = session.accounts.findCalendar(*added, parser.value(QStringLiteral("blocks")));
        const Status chosen = calendar ? session.accounts.setBlocksCalendar(*added, *calendar) : Status(calendar.error());
        if (!chosen) {
            err << "fermata caldav add: " << chosen.error().message << Qt::endl;
            return ExitFailure;
        }
    }
    if (parser.isSet(QStringLiteral("title")) || parser.isSet(QStringLiteral("task-titles"))) {
        (void)session.accounts.setBlockTitle(*added,
            parser.isSet(QStringLiteral("task-titles")) ? QString() : parser.value(QStringLiteral("title")));
    }
    // The first sync before the list, so it shows how many events each calendar brought.
    const CalDavSyncOutcome first = session.synchronizer.sync(added->id);
    calendars = repository.calendars(added->id);
    out << (calendars->size() == 1
            ? CliText::tr("Added %1 (1 calendar):").arg(added->name)
            : CliText::tr("Added %1 (%2 calendars):").arg(added->name, QString::number(calendars->size())))
        << "\n";
    printCalendars(*calendars, out);
    if (std::none_of(calendars->cbegin(), calendars->cend(), [](const auto &c) { return c.receivesBlocks; }))
        out << CliText::tr("Focus blocks are not written anywhere yet; choose a calendar with: "
                           "fermata caldav use CALENDAR --blocks")
            << "\n";
    out.flush();
    return report({ first }, out, err);
}

QJsonObject accountJson(CalDavSession &session, const CalDavAccount &account)
{
    QJsonArray calendars;
    const auto list = CalDavAccountRepository(session.core->database()).calendars(account.id);
    for (const CalDavCalendarRecord &c : list ? *list : QList<CalDavCalendarRecord>()) {
        calendars.append(QJsonObject {
            { QStringLiteral("name"), c.label() },
            { QStringLiteral("href"), c.href },
            { QStringLiteral("color"), c.color },
            { QStringLiteral("read"), c.isRead },
            { QStringLiteral("blocks"), c.receivesBlocks },
            { QStringLiteral("writable"), c.isWritable },
            { QStringLiteral("on_server"), c.isOnServer },
            { QStringLiteral("source"), c.source },
            { QStringLiteral("events"), c.eventCount },
            { QStringLiteral("last_sync"), timeText(c.lastSync) },
        });
    }
    const Result<int> pending = session.synchronizer.pendingWrites(account.id);
    return QJsonObject {
        { QStringLiteral("name"), account.name },
        { QStringLiteral("url"), account.url.toString(QUrl::RemoveUserInfo) },
        { QStringLiteral("user"), account.user },
        { QStringLiteral("calendar_home"), account.homeUrl.toString(QUrl::RemoveUserInfo) },
        { QStringLiteral("block_title"), account.blockTitle },
        { QStringLiteral("task_titles"), account.usesTaskTitles() },
        { QStringLiteral("last_attempt"), timeText(account.lastAttempt) },
        { QStringLiteral("last_sync"), timeText(account.lastSuccess) },
        { QStringLiteral("last_error"), account.lastError },
        { QStringLiteral("pending_changes"), pending ? *pending : 0 },
        { QStringLiteral("calendars"), calendars },
    };
}

int list(CalDavSession &session, bool json, QTextStream &out, QTextStream &err)
{
    const auto accounts = session.accounts.accounts();
    if (!accounts) {
        err << "fermata caldav list: " << accounts.error().message << Qt::endl;
        return ExitFailure;
    }
    if (json) {
        QJsonArray array;
        for (const CalDavAccount &account : *accounts)
            array.append(accountJson(session, account));
        out << QJsonDocument(array).toJson(QJsonDocument::Indented);
        return ExitOk;
    }
    if (accounts->isEmpty()) {
        out << CliText::tr(
            "No CalDAV account. Add one with: fermata caldav add https://cloud.example.com/remote.php/dav "
            "--user alice")
            << Qt::endl;
        return ExitOk;
    }
    for (const CalDavAccount &account : *accounts) {
        out << account.name << "  " << account.url.toString(QUrl::RemoveUserInfo) << "\n    ";
        out << (account.lastSuccess.isValid() ? CliText::tr("last sync %1").arg(timeText(account.lastSuccess))
                                              : CliText::tr("never synced"));
        if (!account.lastError.isEmpty())
            out << "; "
                << CliText::tr("last attempt %1: %2").arg(timeText(account.lastAttempt), account.lastError);
        out << "\n    "
            << (account.usesTaskTitles() ? CliText::tr("focus blocks titled with the task's title")
                                         : CliText::tr("focus blocks titled \"%1\"").arg(account.blockTitle));
        if (const Result<int> pending = session.synchronizer.pendingWrites(account.id); pending && *pending > 0)
            out << "; "
                << (*pending == 1 ? CliText::tr("1 change waits to go out")
                                  : CliText::tr("%1 changes wait to go out").arg(*pending));
        out << "\n";
        const auto calendars = CalDavAccountRepository(session.core->database()).calendars(account.id);
        if (calendars)
            printCalendars(*calendars, out);
    }
    out.flush();
    return ExitOk;
}

int use(CalDavSession &session, const QCommandLineParser &parser, QTextStream &out, QTextStream &err)
{
    const QString name = parser.positionalArguments().value(1);
    const bool read = parser.isSet(QStringLiteral("read"));
    const bool noRead = parser.isSet(QStringLiteral("no-read"));
    const bool blocks = parser.isSet(QStringLiteral("blocks"));
    const bool noBlocks = parser.isSet(QStringLiteral("no-blocks"));
    if (name.isEmpty() || (!read && !noRead && !blocks && !noBlocks) || (read && noRead) || (blocks && noBlocks)) {
        err << "fermata caldav use: "
            << CliText::tr("Name a calendar and say what to do with it, e.g.\n"
                           "  fermata caldav use Work --read --blocks    (read its meetings, write focus "
                           "blocks to it)\n"
                           "  fermata caldav use Holidays --no-read")
            << Qt::endl;
        return ExitUsage;
    }
    const Result<CalDavAccount> account = session.accounts.find(parser.value(QStringLiteral("account")));
    const Result<CalDavCalendarRecord> calendar
        = account ? session.accounts.findCalendar(*account, name) : Result<CalDavCalendarRecord>(account.error());
    if (!calendar) {
        err << "fermata caldav use: " << calendar.error().message << Qt::endl;
        return ExitFailure;
    }
    Status saved;
    if (read || noRead)
        saved = session.accounts.setRead(*calendar, read);
    if (saved && blocks)
        saved = session.accounts.setBlocksCalendar(*account, *calendar);
    if (saved && noBlocks && calendar->receivesBlocks)
        saved = session.accounts.setBlocksCalendar(*account, std::nullopt);
    if (!saved) {
        err << "fermata caldav use: " << saved.error().message << Qt::endl;
        return ExitFailure;
    }
    const auto updated = CalDavAccountRepository(session.core->database()).calendar(calendar->id);
    if (updated && updated->has_value())
        printCalendars({ **updated }, out);
    out.flush();
    if (parser.isSet(QStringLiteral("no-sync")))
        return ExitOk;
    return syncAccount(session, *account, out, err);
}

int title(CalDavSession &session, const QCommandLineParser &parser, QTextStream &out, QTextStream &err)
{
    const QString text = parser.positionalArguments().mid(1).join(u' ').trimmed();
    const bool taskTitles = parser.isSet(QStringLiteral("task-titles"));
    if (text.isEmpty() == !taskTitles) {
        err << "fermata caldav title: "
            << CliText::tr("Give the title colleagues see (e.g. fermata caldav title \"Focus time\"), "
                           "or --task-titles to show each block's task.")
            << Qt::endl;
        return ExitUsage;
    }
    const Result<CalDavAccount> account = session.accounts.find(parser.value(QStringLiteral("account")));
    const Status saved = account ? session.accounts.setBlockTitle(*account, taskTitles ? QString() : text) : Status(account.error());
    if (!saved) {
        err << "fermata caldav title: " << saved.error().message << Qt::endl;
        return ExitFailure;
    }
    out << (taskTitles
            ? CliText::tr("Focus blocks of %1 are titled with their task's title.").arg(account->name)
            : CliText::tr("Focus blocks of %1 are titled \"%2\".").arg(account->name, text))
        << Qt::endl;
    if (parser.isSet(QStringLiteral("no-sync")))
        return ExitOk;
    return syncAccount(session, *account, out, err);
}

int sync(CalDavSession &session, const QCommandLineParser &parser, QTextStream &out, QTextStream &err)
{
    const QString name = parser.value(QStringLiteral("account"));
    if (!name.isEmpty()) {
        const Result<CalDavAccount> account = session.accounts.find(name);
        if (!account) {
            err << "fermata caldav sync: " << account.error().message << Qt::endl;
            return ExitFailure;
        }
        return syncAccount(session, *account, out, err);
    }
    const auto accounts = session.accounts.accounts();
    if (accounts && accounts->isEmpty()) {
        out << CliText::tr("No CalDAV account to sync. Add one with: fermata caldav add URL --user USER")
            << Qt::endl;
        return ExitOk;
    }
    return report(session.synchronizer.syncAll(), out, err);
}

int remove(CalDavSession &session, const QCommandLineParser &parser, QTextStream &out, QTextStream &err)
{
    QString name = parser.positionalArguments().value(1);
    if (name.isEmpty())
        name = parser.value(QStringLiteral("account"));
    const Result<CalDavAccount> account = session.accounts.find(name);
    if (!account) {
        err << "fermata caldav remove: " << account.error().message << Qt::endl;
        return ExitFailure;
    }
    const bool keep = parser.isSet(QStringLiteral("keep-events"));
    if (const CalDavStatus removed = session.accounts.remove(*account, keep); !removed) {
        err << "fermata caldav remove: " << removed.error().message << Qt::endl
            << CliText::tr("Nothing was removed. With --keep-events the account goes without deleting its "
                           "focus block events from the server.")
            << Qt::endl;
        return ExitFailure;
    }
    out << (keep
            ? CliText::tr(
                "Removed %1; its meetings left the planner, and the focus block events stay on the server.")
            : CliText::tr("Removed %1; its meetings left the planner and its focus block events the server."))
               .arg(account->name)
        << Qt::endl;
    return ExitOk;
}

} // namespace

QString calDavSecretsPath(const AppPaths &paths)
{
    return QDir(paths.dataDir()).filePath(QStringLiteral("caldav-secrets.json"));
}

int runCalDavCommand(const QStringList &arguments, const AppPaths &paths)
{
    const QString action = arguments.value(1);
    QCommandLineParser parser;
    parser.setApplicationDescription(CliText::tr(
        "Two-way CalDAV (Nextcloud, Fastmail, iCloud, Radicale...): meetings in the calendars you\n"
        "choose are read for planning, and focus blocks are written to one calendar as busy events,\n"
        "so colleagues see them. The app password is kept in the system keychain.\n\n"
        "  fermata caldav add URL --user USER [--password-stdin] [--name NAME] [--read CALENDAR]...\n"
        "                 [--blocks CALENDAR] [--title TEXT | --task-titles]\n"
        "  fermata caldav list [--json]\n"
        "  fermata caldav use CALENDAR [--read | --no-read] [--blocks | --no-blocks] [--account NAME]\n"
        "  fermata caldav title TEXT | --task-titles [--account NAME]\n"
        "  fermata caldav sync [--account NAME]\n"
        "  fermata caldav remove [NAME] [--keep-events]\n\n"
        "'fermata caldav ACTION --help' lists the options of one action."));
    parser.addHelpOption();
    // The options depend on the action: `add --read CALENDAR` names calendars, `use X --read` is a switch.
    if (action == u"add") {
        parser.addOptions({
            { QStringLiteral("user"), CliText::tr("Your user name on the server."), QStringLiteral("user") },
            { QStringLiteral("password-stdin"), CliText::tr("Read the app password from standard input.") },
            { QStringLiteral("name"), CliText::tr("The account's name (default USER@HOST)."),
                QStringLiteral("name") },
            { QStringLiteral("read"),
                CliText::tr("Read only this calendar's meetings (repeat for more; default: all)."),
                QStringLiteral("calendar") },
            { QStringLiteral("blocks"), CliText::tr("Write focus blocks to this calendar."),
                QStringLiteral("calendar") },
            { QStringLiteral("title"), CliText::tr("The focus blocks' title (default Focus)."),
                QStringLiteral("text") },
            { QStringLiteral("task-titles"), CliText::tr("Title each focus block with its task.") },
        });
    } else if (action == u"use") {
        parser.addOptions({
            { QStringLiteral("read"), CliText::tr("Read its meetings.") },
            { QStringLiteral("no-read"), CliText::tr("Stop reading its meetings (they leave the planner).") },
            { QStringLiteral("blocks"),
                CliText::tr("Write focus blocks to it (instead of any other calendar).") },
            { QStringLiteral("no-blocks"),
                CliText::tr("Stop writing focus blocks to it (those written are deleted).") },
            { QStringLiteral("no-sync"), CliText::tr("Save the choice without syncing now.") },
        });
    } else if (action == u"title") {
        parser.addOptions({
            { QStringLiteral("task-titles"), CliText::tr("Title each focus block with its task.") },
            { QStringLiteral("no-sync"), CliText::tr("Save the choice without syncing now.") },
        });
    } else if (action == u"list") {
        parser.addOption({ QStringLiteral("json"), CliText::tr("Print JSON.") });
    } else if (action == u"remove") {
        parser.addOption(
            { QStringLiteral("keep-events"), CliText::tr("Leave the focus block events on the server.") });
    }
    if (action == u"use" || action == u"title" || action == u"sync" || action == u"remove")
        parser.addOption({ QStringLiteral("account"), CliText::tr("The account, when there are several."),
            QStringLiteral("name") });
    parser.addPositionalArgument(
        QStringLiteral("action"), CliText::tr("add, list, use, title, sync, remove"));
    parser.process(arguments);

    QTextStream out(stdout);
    QTextStream err(stderr);
    static const QStringList actions = { QStringLiteral("add"), QStringLiteral("list"), QStringLiteral("use"),
        QStringLiteral("title"), QStringLiteral("sync"), QStringLiteral("remove") };
    if (!actions.contains(action)) {
        err << "fermata caldav: "
            << CliText::tr("Say what to do: %1. 'fermata caldav --help' explains each.")
                   .arg(actions.join(QStringLiteral(", ")))
            << Qt::endl;
        return ExitUsage;
    }
    std::unique_ptr<AppCore> core = openCore(paths, err);
    if (!core)
        return ExitFailure;
    CalDavSession session(std::move(core), paths);
    if (action == u"add")
        return add(session, parser, out, err);
    if (action == u"list")
        return list(session, parser.isSet(QStringLiteral("json")), out, err);
    if (action == u"use")
        return use(session, parser, out, err);
    if (action == u"title")
        return title(session, parser, out, err);
    if (action == u"sync")
        return sync(session, parser, out, err);
    return remove(session, parser, out, err);
}

} // namespace fermata
