#include "storage/database.h"
#include "storage/repositories.h"
#include "storage/sqlhelpers.h"

#include <QHash>
#include <QSqlQuery>

namespace fermata {

namespace {

const QString s_columns = QStringLiteral(
    "title, notes, estimate_minutes, remaining_minutes, deadline_ms, priority,"
    " earliest_start_ms, min_chunk_minutes, max_chunk_minutes, splittable,"
    " preferred_day_part, done");

void bindFields(QSqlQuery &query, const Task &task)
{
    query.bindValue(0, sql::text(task.title));
    query.bindValue(1, sql::text(task.notes));
    query.bindValue(2, task.estimateMinutes);
    query.bindValue(3, task.remainingMinutes);
    query.bindValue(4, sql::fromDateTime(task.deadline));
    query.bindValue(5, int(task.priority));
    query.bindValue(6, sql::fromDateTime(task.earliestStart));
    query.bindValue(7, task.minChunkMinutes);
    query.bindValue(8, task.maxChunkMinutes);
    query.bindValue(9, task.splittable);
    query.bindValue(10, dayPartKey(task.preferredDayPart));
    query.bindValue(11, task.done);
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
    return task;
}

// Replaces the dependency and tag rows of `task.id` (inside the caller's transaction).
Status writeChildren(const Database &db, const Task &task)
{
    const QString what = QStringLiteral("save the task \"%1\"").arg(task.title);
    QSqlQuery query(db.connection());
    for (const auto *statement : {"DELETE FROM task_dependencies WHERE task_id = ?",
                                  "DELETE FROM task_tags WHERE task_id = ?"}) {
        if (auto error = sql::prepare(query, QString::fromLatin1(statement), db.path(), what))
            return *error;
        query.bindValue(0, task.id);
        if (auto error = sql::exec(query, db.path(), what))
            return *error;
    }
    if (!task.dependsOn.isEmpty()) {
        if (auto error = sql::prepare(query,
                                      QStringLiteral("INSERT INTO task_dependencies (task_id, "
                                                     "position, depends_on) VALUES (?, ?, ?)"),
                                      db.path(), what))
            return *error;
        for (qsizetype i = 0; i < task.dependsOn.size(); ++i) {
            query.bindValue(0, task.id);
            query.bindValue(1, qlonglong(i));
            query.bindValue(2, task.dependsOn.at(i));
            if (auto error = sql::exec(query, db.path(), what))
                return *error;
        }
    }
    if (!task.tags.isEmpty()) {
        if (auto error = sql::prepare(
                query, QStringLiteral("INSERT INTO task_tags (task_id, position, tag) VALUES (?, ?, ?)"),
                db.path(), what))
            return *error;
        for (qsizetype i = 0; i < task.tags.size(); ++i) {
            query.bindValue(0, task.id);
            query.bindValue(1, qlonglong(i));
            query.bindValue(2, sql::text(task.tags.at(i)));
            if (auto error = sql::exec(query, db.path(), what))
                return *error;
        }
    }
    return {};
}

// Fills dependsOn and tags of `tasks` from one query each; `where` restricts to some ids.
Status readChildren(const Database &db, QList<Task> &tasks, const QString &where,
                    const QVariant &bound)
{
    QHash<qint64, qsizetype> index;
    index.reserve(tasks.size());
    for (qsizetype i = 0; i < tasks.size(); ++i)
        index.insert(tasks.at(i).id, i);
    const QString what = QStringLiteral("read tasks");
    QSqlQuery query(db.connection());
    query.setForwardOnly(true);
    for (const auto *table : {"task_dependencies", "task_tags"}) {
        const bool tags = qstrcmp(table, "task_tags") == 0;
        const QString statement = QStringLiteral("SELECT task_id, %1 FROM %2 %3 ORDER BY task_id, position")
                                      .arg(tags ? QLatin1String("tag") : QLatin1String("depends_on"),
                                           QLatin1String(table), where);
        if (auto error = sql::prepare(query, statement, db.path(), what))
            return *error;
        if (bound.isValid())
            query.bindValue(0, bound);
        if (auto error = sql::exec(query, db.path(), what))
            return *error;
        while (query.next()) {
            const auto it = index.constFind(query.value(0).toLongLong());
            if (it == index.constEnd())
                continue;
            Task &task = tasks[*it];
            if (tags)
                task.tags.append(query.value(1).toString());
            else
                task.dependsOn.append(query.value(1).toLongLong());
        }
    }
    return {};
}

} // namespace

Result<qint64> TaskRepository::add(const Task &task)
{
    qint64 id = 0;
    const Status status = m_db.inTransaction([&]() -> Status {
        const QString what = QStringLiteral("save the task \"%1\"").arg(task.title);
        QSqlQuery query(m_db.connection());
        if (auto error = sql::prepare(query,
                                      QStringLiteral("INSERT INTO tasks (%1) VALUES "
                                                     "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                                          .arg(s_columns),
                                      m_db.path(), what))
            return *error;
        bindFields(query, task);
        if (auto error = sql::exec(query, m_db.path(), what))
            return *error;
        id = query.lastInsertId().toLongLong();
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
        const QString what = QStringLiteral("save the task \"%1\"").arg(task.title);
        QSqlQuery query(m_db.connection());
        if (auto error = sql::prepare(query,
                                      QStringLiteral("UPDATE tasks SET title = ?, notes = ?, "
                                                     "estimate_minutes = ?, remaining_minutes = ?, "
                                                     "deadline_ms = ?, priority = ?, "
                                                     "earliest_start_ms = ?, min_chunk_minutes = ?, "
                                                     "max_chunk_minutes = ?, splittable = ?, "
                                                     "preferred_day_part = ?, done = ? WHERE id = ?"),
                                      m_db.path(), what))
            return *error;
        bindFields(query, task);
        query.bindValue(12, task.id);
        if (auto error = sql::exec(query, m_db.path(), what))
            return *error;
        if (query.numRowsAffected() == 0)
            return Status::failure(Error::Code::NotFound,
                                   QStringLiteral("The task \"%1\" no longer exists.").arg(task.title));
        return writeChildren(m_db, task);
    });
}

Status TaskRepository::remove(qint64 id)
{
    return m_db.inTransaction([&]() -> Status {
        const QString what = QStringLiteral("delete a task");
        QSqlQuery query(m_db.connection());
        if (auto error = sql::prepare(query, QStringLiteral("DELETE FROM tasks WHERE id = ?"),
                                      m_db.path(), what))
            return *error;
        query.bindValue(0, id);
        if (auto error = sql::exec(query, m_db.path(), what))
            return *error;
        if (query.numRowsAffected() == 0)
            return Status::failure(Error::Code::NotFound,
                                   QStringLiteral("The task no longer exists."));
        return {};
    });
}

Result<std::optional<Task>> TaskRepository::find(qint64 id) const
{
    QList<Task> tasks;
    const Status status = m_db.inTransaction([&]() -> Status {
        const QString what = QStringLiteral("read a task");
        QSqlQuery query(m_db.connection());
        if (auto error = sql::prepare(query,
                                      QStringLiteral("SELECT id, %1 FROM tasks WHERE id = ?").arg(s_columns),
                                      m_db.path(), what))
            return *error;
        query.bindValue(0, id);
        if (auto error = sql::exec(query, m_db.path(), what))
            return *error;
        if (query.next())
            tasks.append(readTask(query));
        query.finish();
        if (tasks.isEmpty())
            return {};
        return readChildren(m_db, tasks, QStringLiteral("WHERE task_id = ?"), id);
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
        const QString what = QStringLiteral("read tasks");
        QSqlQuery query(m_db.connection());
        query.setForwardOnly(true);
        if (!query.exec(QStringLiteral("SELECT id, %1 FROM tasks ORDER BY id").arg(s_columns)))
            return sql::databaseError(m_db.path(), what, query.lastError());
        while (query.next())
            tasks.append(readTask(query));
        query.finish();
        return readChildren(m_db, tasks, QString(), QVariant());
    });
    if (!status)
        return status.error();
    return tasks;
}

} // namespace fermata
