#include "storage/database.h"
#include "storage/repositories.h"
#include "storage/sqlhelpers.h"

#include <QCoreApplication>
#include <QHash>
#include <QSqlQuery>

namespace {

// Messages people read, filed under the storage context of the core's translations.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(fermata::Storage)
};

} // namespace

namespace fermata {

namespace {

const QString s_columns = QStringLiteral(
    "title, notes, estimate_minutes, remaining_minutes, deadline_ms, priority,"
    " earliest_start_ms, min_chunk_minutes, max_chunk_minutes, splittable,"
    " preferred_day_part, done, after_commitment");

// The values of s_columns, in order.
QVariantList fields(const Task &task)
{
    return {sql::text(task.title), sql::text(task.notes), task.estimateMinutes, task.remainingMinutes,
            sql::fromDateTime(task.deadline), int(task.priority), sql::fromDateTime(task.earliestStart),
            task.minChunkMinutes, task.maxChunkMinutes, task.splittable,
            dayPartKey(task.preferredDayPart), task.done,
            task.afterCommitment.isNull() ? QVariant(QMetaType::fromType<QString>())
                                          : QVariant(task.afterCommitment.toString(QUuid::WithoutBraces))};
}

QString saveWhat(const Task &task)
{
    return Text::tr("save the task \"%1\"").arg(task.title);
}

// Reads the columns "id, <s_columns>" of the current row.
Task readTask(const QSqlQuery &query)
{
    Task task;
    task.id = query.value(0).toLongLong();
    task.title = query.value(1).toString();
    task.notes = query.value(2).toString();
    task.estimateMinutes = query.value(3).toInt();
    task.remainingMinutes = query.value(4).toInt();
    task.deadline = sql::toDateTime(query.value(5));
    task.priority = Priority(qBound(1, query.value(6).toInt(), 4));
    task.earliestStart = sql::toDateTime(query.value(7));
    task.minChunkMinutes = query.value(8).toInt();
    task.maxChunkMinutes = query.value(9).toInt();
    task.splittable = query.value(10).toBool();
    task.preferredDayPart = dayPartFromKey(query.value(11).toString());
    task.done = query.value(12).toBool();
    task.afterCommitment = QUuid::fromString(query.value(13).toString());
    return task;
}

// Replaces the dependency and tag rows of `task.id` (inside the caller's transaction).
Status writeChildren(const Database &db, const Task &task)
{
    const QString what = saveWhat(task);
    const sql::Target target = sql::on(db);
    for (const auto *statement : {"DELETE FROM task_dependencies WHERE task_id = ?",
                                  "DELETE FROM task_tags WHERE task_id = ?"}) {
        if (Status ok = sql::exec(target, QString::fromLatin1(statement), {task.id}, what); !ok)
            return ok;
    }
    QSqlQuery query(db.connection());
    if (!task.dependsOn.isEmpty()) {
        if (Status ok = sql::prepare(query, QStringLiteral("INSERT INTO task_dependencies (task_id, "
                                                           "position, depends_on) VALUES (?, ?, ?)"),
                                     target, what); !ok)
            return ok;
        for (qsizetype i = 0; i < task.dependsOn.size(); ++i) {
            if (Status ok = sql::exec(query, {task.id, qlonglong(i), task.dependsOn.at(i)}, target, what); !ok)
                return ok;
        }
    }
    if (!task.tags.isEmpty()) {
        if (Status ok = sql::prepare(query, QStringLiteral("INSERT INTO task_tags (task_id, position, "
                                                           "tag) VALUES (?, ?, ?)"),
                                     target, what); !ok)
            return ok;
        for (qsizetype i = 0; i < task.tags.size(); ++i) {
            if (Status ok = sql::exec(query, {task.id, qlonglong(i), sql::text(task.tags.at(i))}, target, what); !ok)
                return ok;
        }
    }
    return {};
}

// Fills dependsOn and tags of `tasks` from one query each; `where` restricts to some ids.
Status readChildren(const Database &db, QList<Task> &tasks, const QString &where,
                    const QVariantList &values)
{
    QHash<qint64, qsizetype> index;
    index.reserve(tasks.size());
    for (qsizetype i = 0; i < tasks.size(); ++i)
        index.insert(tasks.at(i).id, i);
    for (const auto *table : {"task_dependencies", "task_tags"}) {
        const bool tags = qstrcmp(table, "task_tags") == 0;
        const QString statement = QStringLiteral("SELECT task_id, %1 FROM %2 %3 ORDER BY task_id, position")
                                      .arg(tags ? QLatin1String("tag") : QLatin1String("depends_on"),
                                           QLatin1String(table), where);
        Result<QSqlQuery> query = sql::run(sql::on(db), statement, values, Text::tr("read tasks"));
        if (!query)
            return query.error();
        QSqlQuery &rows = query.value();
        while (rows.next()) {
            const auto it = index.constFind(rows.value(0).toLongLong());
            if (it == index.constEnd())
                continue;
            Task &task = tasks[*it];
            if (tags)
                task.tags.append(rows.value(1).toString());
            else
                task.dependsOn.append(rows.value(1).toLongLong());
        }
    }
    return {};
}

} // namespace

Result<qint64> TaskRepository::add(const Task &task)
{
    qint64 id = 0;
    const Status status = m_db.inTransaction([&]() -> Status {
        const Result<qint64> added = sql::insert(
            sql::on(m_db),
            QStringLiteral("INSERT INTO tasks (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)").arg(s_columns),
            fields(task), saveWhat(task));
        if (!added)
            return added.error();
        id = *added;
        Task stored = task;
        stored.id = id;
        return writeChildren(m_db, stored);
    });
    if (!status)
        return status.error();
    return id;
}

Status TaskRepository::update(const Task &task)
{
    return m_db.inTransaction([&]() -> Status {
        if (Status ok = sql::changeRow(sql::on(m_db),
                                       QStringLiteral("UPDATE tasks SET title = ?, notes = ?, "
                                                      "estimate_minutes = ?, remaining_minutes = ?, "
                                                      "deadline_ms = ?, priority = ?, "
                                                      "earliest_start_ms = ?, min_chunk_minutes = ?, "
                                                      "max_chunk_minutes = ?, splittable = ?, "
                                                      "preferred_day_part = ?, done = ?, "
                                                      "after_commitment = ? WHERE id = ?"),
                                       fields(task) << task.id, saveWhat(task),
                                       Text::tr("The task \"%1\" no longer exists.").arg(task.title));
            !ok)
            return ok;
        return writeChildren(m_db, task);
    });
}

Status TaskRepository::remove(qint64 id)
{
    return sql::changeRow(sql::on(m_db), QStringLiteral("DELETE FROM tasks WHERE id = ?"), {id},
                          Text::tr("delete a task"), Text::tr("The task no longer exists."));
}

Result<std::optional<Task>> TaskRepository::find(qint64 id) const
{
    QList<Task> tasks;
    const Status status = m_db.inTransaction([&]() -> Status {
        const auto found = sql::readOne(sql::on(m_db),
                                        QStringLiteral("SELECT id, %1 FROM tasks WHERE id = ?").arg(s_columns),
                                        {id}, Text::tr("read a task"), readTask);
        if (!found)
            return found.error();
        if (!found->has_value())
            return {};
        tasks.append(**found);
        return readChildren(m_db, tasks, QStringLiteral("WHERE task_id = ?"), {id});
    });
    if (!status)
        return status.error();
    if (tasks.isEmpty())
        return std::optional<Task>();
    return std::optional<Task>(tasks.constFirst());
}

Result<QList<Task>> TaskRepository::all() const
{
    // Three queries in all, whatever the number of tasks: tasks, dependencies, tags.
    QList<Task> tasks;
    const Status status = m_db.inTransaction([&]() -> Status {
        auto read = sql::readAll(sql::on(m_db), QStringLiteral("SELECT id, %1 FROM tasks ORDER BY id").arg(s_columns),
                                 {}, Text::tr("read tasks"), readTask);
        if (!read)
            return read.error();
        tasks = std::move(read).value();
        return readChildren(m_db, tasks, QString(), {});
    });
    if (!status)
        return status.error();
    return tasks;
}

} // namespace fermata
