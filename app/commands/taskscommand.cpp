#include "commands/taskscommand.h"

#include "appcore.h"
#include "commands/commands.h"
#include "commands/hubcommand.h"
#include "planning/quickadd.h"
#include "storage/repositories.h"
#include "tasks/worklog.h"
#include "time/weeklyrule.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QRegularExpression>
#include <QTextStream>

namespace fermata {

namespace {

// The translation context of what `fermata tasks` says (issue 18).
struct CliText
{
    Q_DECLARE_TR_FUNCTIONS(fermata::cli::tasks)
};

// "90", "90m", "2h", "1h30m", "1.5h" -> minutes; nullopt when unreadable.
std::optional<int> parseMinutes(const QString &text)
{
    static const QRegularExpression pattern(
        QStringLiteral("^\\s*(?:(\\d+(?:\\.\\d+)?)\\s*h)?\\s*(?:(\\d+)\\s*m?)?\\s*$"));
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch() || text.trimmed().isEmpty())
        return std::nullopt;
    const double hours = match.captured(1).isEmpty() ? 0.0 : match.captured(1).toDouble();
    const int minutes = match.captured(2).isEmpty() ? 0 : match.captured(2).toInt();
    return int(hours * 60 + 0.5) + minutes;
}

// "2026-12-01" (end of the working day, 17:00), "2026-12-01T15:30" or "2026-12-01 15:30":
// wall-clock time in the person's zone. An explicit offset or Z ("…T15:30+01:00") is kept.
QDateTime parseLocalDateTime(const QString &text, const QTimeZone &zone)
{
    // Only a bare date is a date: QDate::fromString would read "2026-12-01T15:30" as one too.
    static const QRegularExpression dateOnly(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
    QString iso = text.trimmed();
    if (dateOnly.match(iso).hasMatch()) {
        const QDate date = QDate::fromString(iso, Qt::ISODate);
        return date.isValid() ? resolveWallClock(date, QTime(17, 0), zone).toUTC() : QDateTime();
    }
    if (iso.size() > 10 && iso.at(10) == QLatin1Char(' '))
        iso[10] = QLatin1Char('T');
    const QDateTime parsed = QDateTime::fromString(iso, Qt::ISODate);
    if (!parsed.isValid())
        return {};
    if (parsed.timeSpec() != Qt::LocalTime) // an explicit offset or Z wins
        return parsed.toUTC();
    return resolveWallClock(parsed.date(), parsed.time(), zone).toUTC();
}

// What was understood besides the title, for the confirmation: "(2 h, P1, due Thu 10 Dec 2026 17:00)".
QString understoodSummary(const Task &task, const QTimeZone &zone)
{
    const QString format = QStringLiteral("ddd d MMM yyyy HH:mm");
    QStringList parts;
    parts << CliText::tr("%1 min").arg(task.estimateMinutes) << priorityName(task.priority);
    if (task.deadline.isValid())
        parts << CliText::tr("due %1").arg(QLocale().toString(task.deadline.toTimeZone(zone), format));
    if (task.earliestStart.isValid())
        parts << CliText::tr("from %1").arg(QLocale().toString(task.earliestStart.toTimeZone(zone), format));
    return QStringLiteral(" (") + parts.join(QStringLiteral(", ")) + QLatin1Char(')');
}

// " after Ada's 'API spec'" for a task that waits for a teammate's commitment; empty otherwise.
QString afterText(AppCore &core, const Task &task)
{
    if (task.afterCommitment.isNull())
        return {};
    const QString id = task.afterCommitment.toString(QUuid::WithoutBraces);
    const Result<TeammateCommitment> found = TeamCommitmentRepository(core.database()).find(id);
    if (!found)
        return CliText::tr(" after a commitment the team no longer shares (%1)").arg(id.left(8));
    return CliText::tr(" after %1's '%2'").arg(found->displayName(), found->commitment.title);
}

QJsonObject toJson(const Task &task)
{
    auto iso = [](const QDateTime &dt) {
        return dt.isValid() ? QJsonValue(dt.toUTC().toString(Qt::ISODate)) : QJsonValue();
    };
    QJsonArray dependsOn;
    for (const qint64 id : task.dependsOn)
        dependsOn.append(id);
    return QJsonObject{
        {QStringLiteral("id"), task.id},
        {QStringLiteral("title"), task.title},
        {QStringLiteral("estimate_minutes"), task.estimateMinutes},
        {QStringLiteral("remaining_minutes"), task.remainingMinutes},
        {QStringLiteral("deadline"), iso(task.deadline)},
        {QStringLiteral("priority"), priorityName(task.priority)},
        {QStringLiteral("earliest_start"), iso(task.earliestStart)},
        {QStringLiteral("min_chunk_minutes"), task.minChunkMinutes},
        {QStringLiteral("depends_on"), dependsOn},
        {QStringLiteral("after_commitment"), task.afterCommitment.isNull()
                                                 ? QJsonValue()
                                                 : QJsonValue(task.afterCommitment.toString(QUuid::WithoutBraces))},
        {QStringLiteral("done"), task.done},
    };
}

int listTasks(AppCore &core, bool json, QTextStream &out)
{
    const QList<Task> &tasks = core.tasks().tasks();
    if (json) {
        QJsonArray array;
        for (const Task &task : tasks)
            array.append(toJson(task));
        out << QJsonDocument(array).toJson(QJsonDocument::Indented);
        return ExitOk;
    }
    if (tasks.isEmpty()) {
        out << CliText::tr("No tasks yet. Add one with: fermata tasks add \"Write report\" --estimate 2h")
            << Qt::endl;
        return ExitOk;
    }
    const QTimeZone zone = core.preferences().timeZone();
    for (const Task &task : tasks) {
        const QString deadline = task.hasDeadline() ? CliText::tr(" by %1").arg(QLocale().toString(
                                     task.deadline.toTimeZone(zone), QStringLiteral("ddd yyyy-MM-dd HH:mm")))
                                                    : QString();
        const QString left
            = CliText::tr("%1 of %2 min left")
                  .arg(QString::number(task.remainingMinutes), QString::number(task.estimateMinutes));
        out << (task.done ? "[x] " : "[ ] ") << task.id << "  " << task.title << "  ("
            << priorityName(task.priority) << ", " << left << deadline << ")" << afterText(core, task)
            << "\n";
    }
    out.flush();
    return ExitOk;
}

// The title words are read as a quick-add line ("Write report 2h by fri p1"); options win
// over what the line says. Words the line did not understand are named on stderr.
std::optional<Task> taskFromWords(AppCore &core, const QCommandLineParser &parser, QTextStream &err, int &exitCode,
                                  bool &share)
{
    const QTimeZone zone = core.preferences().timeZone();
    const QString line = parser.positionalArguments().mid(1).join(QLatin1Char(' ')).trimmed();
    const Result<ParsedTask> parsed = QuickAdd::parse(line, core.clock().now(), zone);
    if (!parsed) {
        err << "fermata tasks add: " << parsed.error().message << Qt::endl;
        exitCode = ExitUsage;
        return std::nullopt;
    }
    for (const QString &phrase : parsed->notUnderstood)
        err << "fermata tasks add: " << CliText::tr("Not understood, kept in the title: \"%1\"").arg(phrase)
            << Qt::endl;
    share = parsed->share;
    Task task = parsed->toTask();
    if (!parsed->afterOwner.isEmpty()) {
        const Result<QList<TeammateCommitment>> theirs = TeamCommitmentRepository(core.database()).all();
        const Result<TeammateCommitment> found = theirs ? QuickAdd::findCommitment(parsed->afterOwner, parsed->afterTitle, *theirs)
                                                        : Result<TeammateCommitment>(theirs.error());
        if (!found) {
            err << "fermata tasks add: " << found.error().message << Qt::endl;
            exitCode = ExitFailure;
            return std::nullopt;
        }
        task.afterCommitment = found->commitment.uuid;
    } else if (!parsed->afterTitle.isEmpty()) {
        const qint64 after = core.tasks().idByTitle(parsed->afterTitle);
        if (after == 0) {
            err << "fermata tasks add: "
                << CliText::tr("No task called \"%1\"; check the title.").arg(parsed->afterTitle) << Qt::endl;
            exitCode = ExitFailure;
            return std::nullopt;
        }
        task.dependsOn.append(after);
    }
    return task;
}

// --note: the note for the team (an empty one removes it); nullopt when not given.
std::optional<QString> noteOption(const QCommandLineParser &parser)
{
    if (!parser.isSet(QStringLiteral("note")))
        return std::nullopt;
    return parser.value(QStringLiteral("note"));
}

// Adds the task; `toShare` gets its id when the line said `share` (the caller shares it).
int addTask(AppCore &core, const QCommandLineParser &parser, QTextStream &out, QTextStream &err,
            std::optional<qint64> &toShare)
{
    int exitCode = ExitOk;
    bool share = false;
    std::optional<Task> task = taskFromWords(core, parser, err, exitCode, share);
    if (!task)
        return exitCode;
    if (const std::optional<QString> note = noteOption(parser)) { // checked before anything is stored
        if (!share) {
            err << "fermata tasks add: "
                << CliText::tr("--note is a note for your team; add the word share to share the task.")
                << Qt::endl;
            return ExitUsage;
        }
        if (!checkCommandLineText(QStringLiteral("tasks add"), CliText::tr("note"), *note, err))
            return ExitUsage;
    }
    if (parser.isSet(QStringLiteral("estimate"))) {
        const auto minutes = parseMinutes(parser.value(QStringLiteral("estimate")));
        if (!minutes) {
            err << "fermata tasks add: "
                << CliText::tr("Cannot read the estimate '%1'. Write it like 45m, 2h or 1h30m.")
                       .arg(parser.value(QStringLiteral("estimate")))
                << Qt::endl;
            return ExitUsage;
        }
        task->estimateMinutes = task->remainingMinutes = *minutes;
    }
    if (parser.isSet(QStringLiteral("priority"))) {
        const QString p = parser.value(QStringLiteral("priority")).toUpper().remove(QLatin1Char('P'));
        const int level = p.toInt();
        if (level < 1 || level > 4) {
            err << "fermata tasks add: " << CliText::tr("Priority must be P1, P2, P3 or P4.") << Qt::endl;
            return ExitUsage;
        }
        task->priority = Priority(level);
    }
    if (parser.isSet(QStringLiteral("after-commitment"))) {
        const Result<TeammateCommitment> found =
            TeamCommitmentRepository(core.database()).find(parser.value(QStringLiteral("after-commitment")));
        if (!found) {
            err << "fermata tasks add: " << found.error().message << Qt::endl;
            return ExitFailure;
        }
        task->afterCommitment = found->commitment.uuid;
    }
    const QTimeZone zone = core.preferences().timeZone();
    if (parser.isSet(QStringLiteral("deadline"))) {
        task->deadline = parseLocalDateTime(parser.value(QStringLiteral("deadline")), zone);
        if (!task->deadline.isValid()) {
            err << "fermata tasks add: "
                << CliText::tr("Cannot read the deadline '%1'. Write it like 2026-12-01 or 2026-12-01T15:30 "
                               "(your time zone; add Z or +01:00 for another).")
                       .arg(parser.value(QStringLiteral("deadline")))
                << Qt::endl;
            return ExitUsage;
        }
    }
    const Result<Task> added = core.tasks().add(*task);
    if (!added) {
        err << "fermata tasks add: " << added.error().message << Qt::endl;
        return ExitFailure;
    }
    out << CliText::tr("Added task %1: %2%3%4")
               .arg(QString::number(added->id), added->title, understoodSummary(*added, zone),
                   afterText(core, *added))
        << Qt::endl;
    if (share)
        toShare = added->id;
    return ExitOk;
}

int completeTask(AppCore &core, const QCommandLineParser &parser, QTextStream &out, QTextStream &err)
{
    bool ok = false;
    const qint64 id = parser.positionalArguments().value(1).toLongLong(&ok);
    if (!ok) {
        err << "fermata tasks done: " << CliText::tr("Give the task's number, as 'fermata tasks' lists it.")
            << Qt::endl;
        return ExitUsage;
    }
    if (Status status = core.tasks().setDone(id, true); !status) {
        err << "fermata tasks done: " << status.error().message << Qt::endl;
        return ExitFailure;
    }
    out << CliText::tr("Task %1 is done.").arg(id) << Qt::endl;
    return ExitOk;
}

// `tasks log ID DURATION [--at WHEN]`: work done without a focus session, recorded by hand.
int logWork(AppCore &core, const QCommandLineParser &parser, QTextStream &out, QTextStream &err)
{
    const QStringList args = parser.positionalArguments();
    bool ok = false;
    const qint64 id = args.value(1).toLongLong(&ok);
    if (!ok || args.size() != 3) {
        err << "fermata tasks log: "
            << CliText::tr("Give the task's number and how long you worked, e.g. fermata tasks log 3 45m.")
            << Qt::endl;
        return ExitUsage;
    }
    const std::optional<int> minutes = parseMinutes(args.at(2));
    if (!minutes) {
        err << "fermata tasks log: "
            << CliText::tr("Cannot read the time '%1'. Write it like 45m, 2h or 1h30m.").arg(args.at(2))
            << Qt::endl;
        return ExitUsage;
    }
    const QTimeZone zone = core.preferences().timeZone();
    const QDateTime now = core.clock().now();
    QDateTime ended = now;
    if (parser.isSet(QStringLiteral("at"))) {
        ended = parseLocalDateTime(parser.value(QStringLiteral("at")), zone);
        if (!ended.isValid()) {
            err << "fermata tasks log: "
                << CliText::tr("Cannot read the time '%1'. Write when you stopped like 2026-12-01T14:30.")
                       .arg(parser.value(QStringLiteral("at")))
                << Qt::endl;
            return ExitUsage;
        }
    }
    const Result<int> remaining = worklog::record(core.database(), id, *minutes, ended, now);
    if (!remaining) {
        err << "fermata tasks log: " << remaining.error().message << Qt::endl;
        return remaining.error().code == Error::Code::Invalid ? ExitUsage : ExitFailure;
    }
    out << CliText::tr("Recorded %1 min on task %2, ending %3; %4 min left.")
               .arg(QString::number(*minutes), QString::number(id),
                   QLocale().toString(ended.toTimeZone(zone), QStringLiteral("ddd d MMM HH:mm")),
                   QString::number(*remaining))
        << Qt::endl;
    return ExitOk;
}

// "Write report (120 min, due Fri 4 Dec 2026 17:00, planned, work ends Thu 3 Dec)": what the
// team sees of a shared task, in my zone.
QString describeCommitment(const Commitment &c, const QTimeZone &zone)
{
    QStringList parts { CliText::tr("%1 min").arg(c.estimateMinutes) };
    if (c.due.isValid())
        parts << CliText::tr("due %1").arg(
            QLocale().toString(c.due.toTimeZone(zone), QStringLiteral("ddd d MMM yyyy HH:mm")));
    parts << commitmentStatusText(c.status);
    if (c.finishDay.isValid())
        parts
            << CliText::tr("work ends %1").arg(QLocale().toString(c.finishDay, QStringLiteral("ddd d MMM")));
    QString text = c.title + QStringLiteral(" (") + parts.join(QStringLiteral(", ")) + QLatin1Char(')');
    if (!c.publicNote.isEmpty())
        text += QStringLiteral(" — \"") + c.publicNote + QLatin1Char('"');
    return text;
}

std::optional<qint64> taskIdArgument(const QCommandLineParser &parser, const QString &action, QTextStream &err)
{
    bool ok = false;
    const qint64 id = parser.positionalArguments().value(1).toLongLong(&ok);
    if (!ok || parser.positionalArguments().size() != 2) {
        err << "fermata tasks " << action << ": "
            << CliText::tr("Give the task's number, as 'fermata tasks' lists it.") << Qt::endl;
        return std::nullopt;
    }
    return id;
}

// Shares task `id` with the team and says so: written here first, pushed at once when the hub
// answers, otherwise on the next sync. `command` names the command in messages ("tasks share").
int shareWithTeam(HubSession &session, qint64 id, const std::optional<QString> &note, const QString &command,
                  QTextStream &out, QTextStream &err)
{
    OutboxService &service = *session.service;
    const Result<CommitmentService::Mine> shared = service.share(id, note);
    if (!shared) {
        err << "fermata " << command << ": " << shared.error().message << Qt::endl;
        return shared.error().code == Error::Code::Invalid ? ExitUsage : ExitFailure;
    }
    out << CliText::tr("Task %1 is shared with your team: %2")
               .arg(QString::number(id),
                   describeCommitment(shared->commitment, session.core->preferences().timeZone()))
        << Qt::endl;
    if (!shared->synced) {
        const OutboxService::HubStatus status = service.status();
        const QString why = !service.commitments().lastError().isEmpty() ? service.commitments().lastError()
            : !status.reachable                                          ? CliText::tr("Team hub unreachable")
                                                                         : status.lastError;
        err << CliText::tr("%1. Your team sees it after the next sync (fermata hub sync).")
                   .arg(why.isEmpty() ? CliText::tr("Not on the team hub yet") : why)
            << Qt::endl;
    }
    return ExitOk;
}

int shareTask(const QCommandLineParser &parser, const AppPaths &paths, QTextStream &out, QTextStream &err)
{
    const std::optional<qint64> id = taskIdArgument(parser, QStringLiteral("share"), err);
    if (!id)
        return ExitUsage;
    const std::optional<QString> note = noteOption(parser);
    if (note && !checkCommandLineText(QStringLiteral("tasks share"), CliText::tr("note"), *note, err))
        return ExitUsage;
    auto session = HubSession::open(paths, err);
    if (!session)
        return ExitFailure;
    return shareWithTeam(*session, *id, note, QStringLiteral("tasks share"), out, err);
}

// `tasks add … share`: the task is added whatever happens here. Without a hub it stays
// unshared and the exit code is 1, as for `tasks share`: a script learns that not all it
// asked for was done, and the output above names the task that was added.
int shareAddedTask(const QCommandLineParser &parser, const AppPaths &paths, qint64 id, QTextStream &out,
                   QTextStream &err)
{
    auto session = HubSession::open(paths, err);
    if (!session)
        return ExitFailure;
    if (!session->service->isJoined()) {
        err << "fermata tasks add: "
            << CliText::tr("Task %1 was added but not shared: sharing needs a team hub. Join one with "
                           "'fermata hub join --url URL --user USER', then run 'fermata tasks share %1'.")
                   .arg(id)
            << Qt::endl;
        return ExitFailure;
    }
    return shareWithTeam(*session, id, noteOption(parser), QStringLiteral("tasks add"), out, err);
}

int unshareTask(const QCommandLineParser &parser, const AppPaths &paths, QTextStream &out, QTextStream &err)
{
    const std::optional<qint64> id = taskIdArgument(parser, QStringLiteral("unshare"), err);
    if (!id)
        return ExitUsage;
    auto session = HubSession::open(paths, err);
    if (!session)
        return ExitFailure;
    OutboxService &service = *session->service;
    if (const Status unshared = service.unshare(*id); !unshared) {
        err << "fermata tasks unshare: " << unshared.error().message << Qt::endl;
        return ExitFailure;
    }
    out << CliText::tr("Task %1 is no longer shared with your team.").arg(*id) << Qt::endl;
    const Result<int> waiting = service.commitments().waitingCount();
    if (service.isJoined() && waiting && *waiting > 0 && !service.status().reachable)
        err << CliText::tr(
            "Team hub unreachable. Your team stops seeing it after the next sync (fermata hub sync).")
            << Qt::endl;
    return ExitOk;
}

} // namespace

int runTasksCommand(const QStringList &arguments, const AppPaths &paths)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(CliText::tr(
        "Lists, adds and completes tasks.\n\n"
        "  fermata tasks [list] [--json]\n"
        "  fermata tasks add TITLE [--estimate 2h] [--deadline 2026-12-01] [--priority P1]\n"
        "  fermata tasks add Write report 2h by next wed p1 after \"Draft\"\n"
        "  fermata tasks add Build client 3h after Ada's \"API spec\"   (or --after-commitment ID,\n"
        "                                        as 'fermata hub commitments --json' shows it)\n"
        "  fermata tasks add Write report 2h share [--note TEXT]   (adds it, then shares it as\n"
        "                                        below; without a team hub it is added unshared, exit 1)\n"
        "  fermata tasks done ID\n"
        "  fermata tasks log ID 45m [--at 2026-12-01T14:30]   (work done without a focus session;\n"
        "                                        counts as time spent and lowers what is left)\n"
        "  fermata tasks share ID [--note TEXT]   (your team sees title, estimate, due, status and\n"
        "                                        the day the planned work ends; never focus times or notes)\n"
        "  fermata tasks unshare ID"));
    parser.addHelpOption();
    parser.addOptions({
        { QStringLiteral("json"), CliText::tr("List as JSON.") },
        { QStringLiteral("estimate"), CliText::tr("How long the work takes: 45m, 2h, 1h30m."),
            QStringLiteral("duration") },
        { QStringLiteral("deadline"),
            CliText::tr("Due date (17:00) or date and time (2026-12-01T15:30), in your time zone unless it "
                        "ends in Z or +01:00."),
            QStringLiteral("when") },
        { QStringLiteral("priority"), CliText::tr("P1 (most important) to P4."), QStringLiteral("P1-P4") },
        { QStringLiteral("after-commitment"),
            CliText::tr("add: wait for a teammate's shared commitment (its id or the start of it)."),
            QStringLiteral("id") },
        { QStringLiteral("note"),
            CliText::tr("share, add … share: a note your team sees with the task (an empty one removes it)."),
            QStringLiteral("text") },
        { QStringLiteral("at"), CliText::tr("log: when you stopped (default: now), in your time zone."),
            QStringLiteral("when") },
    });
    parser.addPositionalArgument(
        QStringLiteral("action"), CliText::tr("list (default), add, done, log, share or unshare"));
    parser.process(arguments);

    QTextStream out(stdout);
    QTextStream err(stderr);
    const QString action = parser.positionalArguments().value(0, QStringLiteral("list"));
    if (action == u"share")
        return shareTask(parser, paths, out, err);
    if (action == u"unshare")
        return unshareTask(parser, paths, out, err);
    if (action != u"list" && action != u"add" && action != u"done" && action != u"log") {
        err << "fermata tasks: "
            << CliText::tr("Unknown action '%1'. Use list, add, done, log, share or unshare.").arg(action)
            << Qt::endl;
        return ExitUsage;
    }
    std::unique_ptr<AppCore> core = openCore(paths, err);
    if (!core)
        return ExitFailure;
    if (action == u"add") {
        std::optional<qint64> toShare;
        const int added = addTask(*core, parser, out, err, toShare);
        if (added != ExitOk || !toShare)
            return added;
        core.reset(); // sharing opens the profile with its hub account
        return shareAddedTask(parser, paths, *toShare, out, err);
    }
    if (action == u"done")
        return completeTask(*core, parser, out, err);
    if (action == u"log")
        return logWork(*core, parser, out, err);
    return listTasks(*core, parser.isSet(QStringLiteral("json")), out);
}

} // namespace fermata
