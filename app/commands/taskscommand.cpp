#include "commands/taskscommand.h"

#include "appcore.h"
#include "commands/commands.h"
#include "planning/quickadd.h"
#include "time/weeklyrule.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QRegularExpression>
#include <QTextStream>

namespace fermata {

namespace {

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
    parts << QStringLiteral("%1 min").arg(task.estimateMinutes) << priorityName(task.priority);
    if (task.deadline.isValid())
        parts << QStringLiteral("due ") + QLocale::c().toString(task.deadline.toTimeZone(zone), format);
    if (task.earliestStart.isValid())
        parts << QStringLiteral("from ") + QLocale::c().toString(task.earliestStart.toTimeZone(zone), format);
    return QStringLiteral(" (") + parts.join(QStringLiteral(", ")) + QLatin1Char(')');
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
        out << "No tasks yet. Add one with: fermata tasks add \"Write report\" --estimate 2h" << Qt::endl;
        return ExitOk;
    }
    const QTimeZone zone = core.preferences().timeZone();
    for (const Task &task : tasks) {
        const QString deadline = task.hasDeadline()
            ? QStringLiteral(" by ") + task.deadline.toTimeZone(zone).toString(QStringLiteral("ddd yyyy-MM-dd HH:mm"))
            : QString();
        out << (task.done ? "[x] " : "[ ] ") << task.id << "  " << task.title << "  ("
            << priorityName(task.priority) << ", " << task.remainingMinutes << " of "
            << task.estimateMinutes << " min left" << deadline << ")\n";
    }
    out.flush();
    return ExitOk;
}

// The title words are read as a quick-add line ("Write report 2h by fri p1"); options win
// over what the line says. Words the line did not understand are named on stderr.
std::optional<Task> taskFromWords(AppCore &core, const QCommandLineParser &parser, QTextStream &err, int &exitCode)
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
        err << "fermata tasks add: Not understood, kept in the title: \"" << phrase << "\"" << Qt::endl;
    Task task = parsed->toTask();
    if (!parsed->afterTitle.isEmpty()) {
        const qint64 after = core.tasks().idByTitle(parsed->afterTitle);
        if (after == 0) {
            err << "fermata tasks add: No task called \"" << parsed->afterTitle << "\"; check the title." << Qt::endl;
            exitCode = ExitFailure;
            return std::nullopt;
        }
        task.dependsOn.append(after);
    }
    return task;
}

int addTask(AppCore &core, const QCommandLineParser &parser, QTextStream &out, QTextStream &err)
{
    int exitCode = ExitOk;
    std::optional<Task> task = taskFromWords(core, parser, err, exitCode);
    if (!task)
        return exitCode;
    if (parser.isSet(QStringLiteral("estimate"))) {
        const auto minutes = parseMinutes(parser.value(QStringLiteral("estimate")));
        if (!minutes) {
            err << "fermata tasks add: Cannot read the estimate '" << parser.value(QStringLiteral("estimate"))
                << "'. Write it like 45m, 2h or 1h30m." << Qt::endl;
            return ExitUsage;
        }
        task->estimateMinutes = task->remainingMinutes = *minutes;
    }
    if (parser.isSet(QStringLiteral("priority"))) {
        const QString p = parser.value(QStringLiteral("priority")).toUpper().remove(QLatin1Char('P'));
        const int level = p.toInt();
        if (level < 1 || level > 4) {
            err << "fermata tasks add: Priority must be P1, P2, P3 or P4." << Qt::endl;
            return ExitUsage;
        }
        task->priority = Priority(level);
    }
    const QTimeZone zone = core.preferences().timeZone();
    if (parser.isSet(QStringLiteral("deadline"))) {
        task->deadline = parseLocalDateTime(parser.value(QStringLiteral("deadline")), zone);
        if (!task->deadline.isValid()) {
            err << "fermata tasks add: Cannot read the deadline '" << parser.value(QStringLiteral("deadline"))
                << "'. Write it like 2026-12-01 or 2026-12-01T15:30 (your time zone; add Z or +01:00 for another)." << Qt::endl;
            return ExitUsage;
        }
    }
    const Result<Task> added = core.tasks().add(*task);
    if (!added) {
        err << "fermata tasks add: " << added.error().message << Qt::endl;
        return ExitFailure;
    }
    out << "Added task " << added->id << ": " << added->title << understoodSummary(*added, zone) << Qt::endl;
    return ExitOk;
}

int completeTask(AppCore &core, const QCommandLineParser &parser, QTextStream &out, QTextStream &err)
{
    bool ok = false;
    const qint64 id = parser.positionalArguments().value(1).toLongLong(&ok);
    if (!ok) {
        err << "fermata tasks done: Give the task's number, as 'fermata tasks' lists it." << Qt::endl;
        return ExitUsage;
    }
    if (Status status = core.tasks().setDone(id, true); !status) {
        err << "fermata tasks done: " << status.error().message << Qt::endl;
        return ExitFailure;
    }
    out << "Task " << id << " is done." << Qt::endl;
    return ExitOk;
}

} // namespace

int runTasksCommand(const QStringList &arguments, const AppPaths &paths)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Lists, adds and completes tasks.\n\n"
        "  fermata tasks [list] [--json]\n"
        "  fermata tasks add TITLE [--estimate 2h] [--deadline 2026-12-01] [--priority P1]\n"
        "  fermata tasks add Write report 2h by next wed p1 after \"Draft\"\n"
        "  fermata tasks done ID"));
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("json"), QStringLiteral("List as JSON.")},
        {QStringLiteral("estimate"), QStringLiteral("How long the work takes: 45m, 2h, 1h30m."), QStringLiteral("duration")},
        {QStringLiteral("deadline"), QStringLiteral("Due date (17:00) or date and time (2026-12-01T15:30), in your time zone unless it ends in Z or +01:00."), QStringLiteral("when")},
        {QStringLiteral("priority"), QStringLiteral("P1 (most important) to P4."), QStringLiteral("P1-P4")},
    });
    parser.addPositionalArgument(QStringLiteral("action"), QStringLiteral("list (default), add or done"));
    parser.process(arguments);

    QTextStream out(stdout);
    QTextStream err(stderr);
    const QString action = parser.positionalArguments().value(0, QStringLiteral("list"));
    if (action != u"list" && action != u"add" && action != u"done") {
        err << "fermata tasks: Unknown action '" << action << "'. Use list, add or done." << Qt::endl;
        return ExitUsage;
    }
    const std::unique_ptr<AppCore> core = openCore(paths, err);
    if (!core)
        return ExitFailure;
    if (action == u"add")
        return addTask(*core, parser, out, err);
    if (action == u"done")
        return completeTask(*core, parser, out, err);
    return listTasks(*core, parser.isSet(QStringLiteral("json")), out);
}

} // namespace fermata
