#include "commands/taskscommand.h"

#include "appcore.h"
#include "commands/commands.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
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

// "2026-12-01" (end of the working day, 17:00) or "2026-12-01T15:30", in the person's zone.
QDateTime parseLocalDateTime(const QString &text, const QTimeZone &zone)
{
    const QDate date = QDate::fromString(text, Qt::ISODate);
    if (date.isValid())
        return QDateTime(date, QTime(17, 0), zone).toUTC();
    const QDateTime local = QDateTime::fromString(text, Qt::ISODate);
    if (!local.isValid())
        return {};
    if (local.timeSpec() != Qt::LocalTime) // an explicit offset or Z wins
        return local.toUTC();
    return QDateTime(local.date(), local.time(), zone).toUTC();
}

QJsonObject toJson(const Task &task)
{
    auto iso = [](const QDateTime &dt) {
        return dt.isValid() ? QJsonValue(dt.toUTC().toString(Qt::ISODate)) : QJsonValue();
    };
    return QJsonObject{
        {QStringLiteral("id"), task.id},
        {QStringLiteral("title"), task.title},
        {QStringLiteral("estimate_minutes"), task.estimateMinutes},
        {QStringLiteral("remaining_minutes"), task.remainingMinutes},
        {QStringLiteral("deadline"), iso(task.deadline)},
        {QStringLiteral("priority"), priorityName(task.priority)},
        {QStringLiteral("earliest_start"), iso(task.earliestStart)},
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

int addTask(AppCore &core, const QCommandLineParser &parser, QTextStream &out, QTextStream &err)
{
    const QStringList words = parser.positionalArguments().mid(1);
    Task task;
    task.title = words.join(QLatin1Char(' ')).trimmed();
    if (parser.isSet(QStringLiteral("estimate"))) {
        const auto minutes = parseMinutes(parser.value(QStringLiteral("estimate")));
        if (!minutes) {
            err << "fermata tasks add: cannot read the estimate '" << parser.value(QStringLiteral("estimate"))
                << "'. Write it like 45m, 2h or 1h30m." << Qt::endl;
            return ExitUsage;
        }
        task.estimateMinutes = task.remainingMinutes = *minutes;
    }
    if (parser.isSet(QStringLiteral("priority"))) {
        const QString p = parser.value(QStringLiteral("priority")).toUpper().remove(QLatin1Char('P'));
        const int level = p.toInt();
        if (level < 1 || level > 4) {
            err << "fermata tasks add: priority must be P1, P2, P3 or P4." << Qt::endl;
            return ExitUsage;
        }
        task.priority = Priority(level);
    }
    if (parser.isSet(QStringLiteral("deadline"))) {
        task.deadline = parseLocalDateTime(parser.value(QStringLiteral("deadline")), core.preferences().timeZone());
        if (!task.deadline.isValid()) {
            err << "fermata tasks add: cannot read the deadline '" << parser.value(QStringLiteral("deadline"))
                << "'. Write it like 2026-12-01 or 2026-12-01T15:30." << Qt::endl;
            return ExitUsage;
        }
    }
    const Result<Task> added = core.tasks().add(task);
    if (!added) {
        err << "fermata tasks add: " << added.error().message << Qt::endl;
        return ExitFailure;
    }
    out << "Added task " << added->id << ": " << added->title << Qt::endl;
    return ExitOk;
}

int completeTask(AppCore &core, const QCommandLineParser &parser, QTextStream &out, QTextStream &err)
{
    bool ok = false;
    const qint64 id = parser.positionalArguments().value(1).toLongLong(&ok);
    if (!ok) {
        err << "fermata tasks done: give the task's number, as 'fermata tasks' lists it." << Qt::endl;
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
        "  fermata tasks done ID"));
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("json"), QStringLiteral("List as JSON.")},
        {QStringLiteral("estimate"), QStringLiteral("How long the work takes: 45m, 2h, 1h30m."), QStringLiteral("duration")},
        {QStringLiteral("deadline"), QStringLiteral("Due date or date and time, in your time zone."), QStringLiteral("when")},
        {QStringLiteral("priority"), QStringLiteral("P1 (most important) to P4."), QStringLiteral("P1-P4")},
    });
    parser.addPositionalArgument(QStringLiteral("action"), QStringLiteral("list (default), add or done"));
    parser.process(arguments);

    QTextStream out(stdout);
    QTextStream err(stderr);
    const QString action = parser.positionalArguments().value(0, QStringLiteral("list"));
    if (action != u"list" && action != u"add" && action != u"done") {
        err << "fermata tasks: unknown action '" << action << "'. Use list, add or done." << Qt::endl;
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
