#include "tasks/worklog.h"

#include "storage/attentionrepository.h"
#include "storage/database.h"
#include "storage/repositories.h"

#include <QCoreApplication>

namespace {

// Messages people read, filed under the tasks context of the core's translations.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(fermata::Tasks)
};

} // namespace

namespace fermata::worklog {

Result<int> record(Database &db, qint64 taskId, int minutes, const QDateTime &endedAt, const QDateTime &now)
{
    if (minutes < 1 || minutes > maxMinutes)
        return Error{Error::Code::Invalid,
                     Text::tr("Record between 1 minute and 24 hours at a time (not %1 min).").arg(minutes)};
    if (!endedAt.isValid() || endedAt > now)
        return Error{Error::Code::Invalid, Text::tr("Recorded work has to have ended already; give a time "
                                                    "before now.")};
    int remaining = 0;
    const Status stored = db.inTransaction([&]() -> Status {
        TaskRepository tasks(db);
        const Result<std::optional<Task>> found = tasks.find(taskId);
        if (!found)
            return found.error();
        if (!found->has_value())
            return Error{Error::Code::NotFound,
                         Text::tr("Task %1 does not exist; 'fermata tasks' lists your tasks.").arg(taskId)};
        Task task = **found;
        const QDateTime start = endedAt.addSecs(-qint64(minutes) * 60);
        const Result<qint64> session = AttentionRepository(db).startFocusSession(
            FocusSessionRecord{0, taskId, start, endedAt, endedAt, QLatin1String(recordedOutcome)});
        if (!session)
            return session.error();
        task.remainingMinutes = qMax(0, task.remainingMinutes - minutes);
        remaining = task.remainingMinutes;
        return tasks.update(task);
    });
    if (!stored)
        return stored.error();
    return remaining;
}

} // namespace fermata::worklog
