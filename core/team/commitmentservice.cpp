#include "team/commitmentservice.h"

#include "storage/database.h"
#include "storage/repositories.h"
#include "storage/sqlhelpers.h"
#include "team/commitmentnotices.h"
#include "team/hubclient.h"
#include "team/hubsql.h"
#include "time/clock.h"

#include <QCoreApplication>

namespace {

// Messages people read, filed under the team context of the core's translations.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(fermata::Team)
};

} // namespace

namespace fermata {

namespace {

// The hub schema that holds commitments (sql/hub_v6.sql), and who waits for them (hub_v7.sql).
constexpr int s_commitmentSchema = 6;
constexpr int s_waitsSchema = 7;
// Commitments per call: one round trip and one transaction each.
constexpr int s_pushBatch = 200;

QString key(const QUuid &uuid)
{
    return uuid.toString(QUuid::WithoutBraces);
}

QVariant dayValue(const QDate &day)
{
    return day.isValid() ? QVariant(day.toString(Qt::ISODate)) : QVariant(QMetaType::fromType<QString>());
}

QDate dayFrom(const QVariant &value)
{
    return value.isNull() ? QDate() : QDate::fromString(value.toString(), Qt::ISODate);
}

// A task's title as the hub can store it: no NUL characters or unpaired surrogates, at most
// the hub's length (cut on a character boundary). The title is the task's, not typed for the
// team, so it is fitted rather than refused: one long title must not hold back the others.
QString hubTitle(const QString &title)
{
    QString fitted;
    qsizetype characters = 0;
    for (qsizetype i = 0; i < title.size() && characters < hubsql::maxCommitmentCharacters; ++i, ++characters) {
        const QChar c = title.at(i);
        if (c.isHighSurrogate() && i + 1 < title.size() && title.at(i + 1).isLowSurrogate()) {
            fitted.append(c).append(title.at(++i));
            continue;
        }
        if (c.unicode() == 0 || c.isSurrogate())
            fitted.append(QChar::ReplacementCharacter);
        else
            fitted.append(c);
    }
    fitted = fitted.trimmed();
    return fitted.isEmpty() ? QStringLiteral("(untitled)") : fitted;
}

const QString s_columns = QStringLiteral(
    "SELECT task_id, uuid, shared, revision, pushed_revision, title, estimate_minutes, due_ms, status, "
    "finish_day, public_note FROM my_commitments ");

} // namespace

void CommitmentService::setMe(qint64 memberId, const QString &role)
{
    m_memberId = memberId;
    m_role = role;
}

bool CommitmentService::hubHasCommitments() const
{
    return m_client.schemaVersion() >= s_commitmentSchema;
}

Result<QList<CommitmentService::Row>> CommitmentService::rows(const QString &where, const QVariantList &values) const
{
    return sql::readAll(sql::on(m_db), s_columns + where + QStringLiteral(" ORDER BY task_id"), values,
                        Text::tr("read your shared tasks"), [this](const QSqlQuery &q) {
                            Row row;
                            row.taskId = q.value(0).toLongLong();
                            row.uuid = QUuid::fromString(q.value(1).toString());
                            row.shared = q.value(2).toBool();
                            row.revision = q.value(3).toLongLong();
                            row.pushedRevision = q.value(4).toLongLong();
                            Commitment &c = row.commitment;
                            c.uuid = row.uuid;
                            c.ownerId = m_memberId;
                            c.ownerRole = m_role;
                            c.title = q.value(5).toString();
                            c.estimateMinutes = q.value(6).toInt();
                            c.due = sql::toDateTime(q.value(7));
                            c.status = commitmentStatusFromKey(q.value(8).toString()).value_or(Commitment::Status::Planned);
                            c.finishDay = dayFrom(q.value(9));
                            c.publicNote = q.value(10).toString();
                            return row;
                        });
}

Result<Commitment> CommitmentService::compute(const Row &row) const
{
    Commitment c = row.commitment;
    const Result<std::optional<Task>> found = TaskRepository(m_db).find(row.taskId);
    if (!found)
        return found.error();
    if (!found->has_value()) { // deleted: the team keeps the last state, as dropped
        c.status = Commitment::Status::Dropped;
        c.finishDay = QDate();
        return c;
    }
    const Task &task = found->value();
    const QString what = Text::tr("read the plan of a shared task");
    const Result<QVariant> started = sql::scalar(
        sql::on(m_db), QStringLiteral("SELECT EXISTS (SELECT 1 FROM focus_sessions WHERE task_id = ?)"),
        {row.taskId}, what);
    if (!started)
        return started.error();
    const Result<QVariant> lastEnd = sql::scalar(
        sql::on(m_db), QStringLiteral("SELECT max(end_ms) FROM focus_blocks WHERE task_id = ?"), {row.taskId}, what);
    if (!lastEnd)
        return lastEnd.error();
    c.title = hubTitle(task.title);
    c.estimateMinutes = qBound(0, task.estimateMinutes, 1000000);
    c.due = task.deadline.isValid() ? task.deadline.toUTC() : QDateTime();
    c.status = task.done ? Commitment::Status::Done
        : started->toBool() ? Commitment::Status::InProgress
                            : Commitment::Status::Planned;
    // The date of the last focus block's end in my zone (an end at midnight belongs to the day
    // before): which day, never when.
    const QDateTime end = sql::toDateTime(*lastEnd);
    c.finishDay = !task.done && end.isValid() ? end.addMSecs(-1).toTimeZone(m_zone).date() : QDate();
    return c;
}

Status CommitmentService::store(qint64 taskId, const Commitment &c, bool raiseRevision)
{
    return sql::exec(sql::on(m_db),
                     QStringLiteral("UPDATE my_commitments SET title = ?, estimate_minutes = ?, due_ms = ?, "
                                    "status = ?, finish_day = ?, revision = revision + ? WHERE task_id = ?"),
                     {sql::text(c.title), c.estimateMinutes, sql::fromDateTime(c.due), commitmentStatusKey(c.status),
                      dayValue(c.finishDay), raiseRevision ? 1 : 0, taskId},
                     Text::tr("remember what your team sees of a task"));
}

Result<CommitmentService::Mine> CommitmentService::share(qint64 taskId, const std::optional<QString> &note)
{
    if (note) {
        if (Status ok = hubsql::checkText(Text::tr("note"), *note, hubsql::maxCommitmentCharacters); !ok)
            return ok.error();
    }
    const Result<std::optional<Task>> task = TaskRepository(m_db).find(taskId);
    if (!task)
        return task.error();
    if (!task->has_value())
        return Error{Error::Code::NotFound,
                     Text::tr("Task %1 does not exist; 'fermata tasks' lists your tasks.").arg(taskId)};
    const QString what = Text::tr("share task %1 with your team").arg(taskId);
    const Status shared = m_db.inTransaction([&]() -> Status {
        const Result<QList<Row>> existing = rows(QStringLiteral("WHERE task_id = ?"), {taskId});
        if (!existing)
            return existing.error();
        const QVariant noteValue = note ? sql::text(note->trimmed()) : QVariant(QMetaType::fromType<QString>());
        if (existing->isEmpty()) {
            if (Status ok = sql::exec(sql::on(m_db),
                                      QStringLiteral("INSERT INTO my_commitments (task_id, uuid, public_note) "
                                                     "VALUES (?, ?, coalesce(?, ''))"),
                                      {taskId, key(QUuid::createUuid()), noteValue}, what); !ok)
                return ok;
        } else if (!existing->constFirst().shared || note) {
            if (Status ok = sql::exec(sql::on(m_db),
                                      QStringLiteral("UPDATE my_commitments SET shared = 1, revision = revision + 1, "
                                                     "public_note = coalesce(?, public_note) WHERE task_id = ?"),
                                      {noteValue, taskId}, what); !ok)
                return ok;
        }
        const Result<QList<Row>> now = rows(QStringLiteral("WHERE task_id = ?"), {taskId});
        if (!now)
            return now.error();
        const Result<Commitment> content = compute(now->constFirst());
        if (!content)
            return content.error();
        return store(taskId, *content, *content != now->constFirst().commitment);
    });
    if (!shared)
        return shared.error();
    const Result<std::optional<Mine>> found = find(taskId);
    if (!found)
        return found.error();
    if (!found->has_value())
        return Error{Error::Code::Database, Text::tr("Task %1 was shared, then unshared at once.").arg(taskId)};
    return found->value();
}

Status CommitmentService::unshare(qint64 taskId)
{
    return sql::changeRow(sql::on(m_db), QStringLiteral("UPDATE my_commitments SET shared = 0 WHERE task_id = ? AND shared = 1"),
                          {taskId}, Text::tr("stop sharing task %1").arg(taskId),
                          Text::tr("Task %1 is not shared with your team.").arg(taskId));
}

Result<std::optional<CommitmentService::Mine>> CommitmentService::find(qint64 taskId) const
{
    const Result<QList<Row>> found = rows(QStringLiteral("WHERE task_id = ? AND shared = 1"), {taskId});
    if (!found)
        return found.error();
    if (found->isEmpty())
        return std::optional<Mine>();
    return std::optional<Mine>(current(found->constFirst()));
}

Result<QList<CommitmentService::Mine>> CommitmentService::mine() const
{
    const Result<QList<Row>> found = rows(QStringLiteral("WHERE shared = 1"));
    if (!found)
        return found.error();
    QList<Mine> list;
    for (const Row &row : *found)
        list.append(current(row));
    return list;
}

CommitmentService::Mine CommitmentService::current(const Row &row) const
{
    // As the team will see it: the task as it is now, also offline (done since the last push,
    // say); the state last computed if it cannot be read.
    const Result<Commitment> now = compute(row);
    const Commitment &c = now ? *now : row.commitment;
    return Mine{row.taskId, c, row.pushedRevision >= row.revision && c == row.commitment};
}

Result<QList<Commitment>> CommitmentService::teammates() const
{
    const Result<QList<TeammateCommitment>> all = TeamCommitmentRepository(m_db).all();
    if (!all)
        return all.error();
    QList<Commitment> list;
    list.reserve(all->size());
    for (const TeammateCommitment &t : *all)
        list.append(t.commitment);
    return list;
}

Result<int> CommitmentService::waitingCount() const
{
    const Result<QVariant> count = sql::scalar(
        sql::on(m_db), QStringLiteral("SELECT count(*) FROM my_commitments WHERE shared = 0 OR revision > pushed_revision"),
        {}, Text::tr("count the shared tasks waiting for the hub"));
    if (!count)
        return count.error();
    // Waits count once the hub is known to take them (or while it is not reached yet).
    const bool waitsTaken = m_client.schemaVersion() == 0 || m_client.schemaVersion() >= s_waitsSchema;
    const Result<bool> waits = waitsTaken ? waitsChanged() : Result<bool>(false);
    if (!waits)
        return waits.error();
    return count->toInt() + (*waits ? 1 : 0);
}

Result<QList<QUuid>> CommitmentService::myWaits() const
{
    return sql::readAll(sql::on(m_db),
                        QStringLiteral("SELECT DISTINCT after_commitment FROM tasks "
                                       "WHERE after_commitment IS NOT NULL AND done = 0 ORDER BY after_commitment"),
                        {}, Text::tr("read which teammates' tasks you wait for"),
                        [](const QSqlQuery &q) { return QUuid::fromString(q.value(0).toString()); });
}

Result<bool> CommitmentService::waitsChanged() const
{
    const Result<QVariant> differ = sql::scalar(
        sql::on(m_db),
        QStringLiteral("SELECT EXISTS (SELECT after_commitment FROM tasks WHERE after_commitment IS NOT NULL AND done = 0 "
                       "EXCEPT SELECT uuid FROM my_waits_pushed) "
                       "OR EXISTS (SELECT uuid FROM my_waits_pushed EXCEPT "
                       "SELECT after_commitment FROM tasks WHERE after_commitment IS NOT NULL AND done = 0)"),
        {}, Text::tr("compare your waits with the team hub's"));
    if (!differ)
        return differ.error();
    return differ->toBool();
}

Status CommitmentService::pushWaits()
{
    if (m_client.schemaVersion() < s_waitsSchema)
        return {};
    const Result<bool> changed = waitsChanged();
    if (!changed || !*changed)
        return changed ? Status() : Status(changed.error());
    const Result<QList<QUuid>> waits = myWaits();
    if (!waits)
        return waits.error();
    if (Status told = m_client.setMyWaits(*waits); !told)
        return told;
    // What the hub took: the set read before the call (a task changed since is pushed next time).
    return m_db.inTransaction([&]() -> Status {
        const QString what = Text::tr("remember which waits reached the team hub");
        if (Status ok = sql::exec(sql::on(m_db), QStringLiteral("DELETE FROM my_waits_pushed"), {}, what); !ok)
            return ok;
        for (const QUuid &uuid : *waits) {
            if (Status ok = sql::exec(sql::on(m_db), QStringLiteral("INSERT INTO my_waits_pushed (uuid) VALUES (?)"),
                                      {key(uuid)}, what); !ok)
                return ok;
        }
        return {};
    });
}

Status CommitmentService::push()
{
    m_lastError.clear();
    if (!hubHasCommitments()) {
        const Result<int> waiting = waitingCount();
        if (waiting && *waiting > 0)
            m_lastError = Text::tr("The team hub does not take shared tasks yet (hub schema %1; Fermata needs %2): "
                                   "ask its administrator to run 'fermata hub init' once. Your shared tasks "
                                   "wait here until then.").arg(m_client.schemaVersion()).arg(s_commitmentSchema);
        return {};
    }
    if (Status ok = withdrawUnshared(); !ok)
        return ok;
    if (Status ok = pushShared(); !ok)
        return ok;
    return pushWaits();
}

Status CommitmentService::withdrawUnshared()
{
    const Result<QList<Row>> unshared = rows(QStringLiteral("WHERE shared = 0"));
    if (!unshared || unshared->isEmpty())
        return unshared ? Status() : Status(unshared.error());
    QList<QUuid> uuids;
    for (const Row &row : *unshared)
        uuids.append(row.uuid);
    // The hub keeps a tombstone even for a uuid it never had: a push of it still on its way
    // from another process cannot make it appear after this.
    for (qsizetype from = 0; from < uuids.size(); from += s_pushBatch) {
        if (Status withdrawn = m_client.withdrawCommitments(uuids.mid(from, s_pushBatch)); !withdrawn)
            return withdrawn;
    }
    return m_db.inTransaction([&]() -> Status {
        for (const Row &row : *unshared) {
            // Shared again meanwhile: the next push tells the hub (with a new uuid).
            if (Status ok = sql::exec(sql::on(m_db),
                                      QStringLiteral("DELETE FROM my_commitments WHERE task_id = ? AND uuid = ? AND shared = 0"),
                                      {row.taskId, key(row.uuid)}, Text::tr("forget an unshared task")); !ok)
                return ok;
        }
        return {};
    });
}

Status CommitmentService::pushShared()
{
    const Result<QList<Row>> shared = rows(QStringLiteral("WHERE shared = 1"));
    if (!shared)
        return shared.error();
    // What the team should see now: a change the storage triggers did not see (my zone moved,
    // say) is a change too.
    for (const Row &row : *shared) {
        const Result<Commitment> now = compute(row);
        if (!now)
            return now.error();
        if (*now != row.commitment) {
            if (Status ok = store(row.taskId, *now, true); !ok)
                return ok;
        }
    }
    for (int pass = 0; pass < 2; ++pass) { // a second pass for uuids the hub refused
        const Result<QList<Row>> pending = rows(QStringLiteral("WHERE shared = 1 AND revision > pushed_revision"));
        if (!pending)
            return pending.error();
        bool refused = false;
        for (qsizetype from = 0; from < pending->size(); from += s_pushBatch) {
            const QList<Row> chunk = pending->mid(from, s_pushBatch);
            QList<HubClient::OutgoingCommitment> batch;
            for (const Row &row : chunk)
                batch.append({row.commitment, row.revision});
            const Result<QHash<QUuid, bool>> accepted = m_client.shareCommitments(batch);
            if (!accepted)
                return accepted.error();
            const Status saved = m_db.inTransaction([&]() -> Status {
                const QString what = Text::tr("remember what reached the team hub");
                for (const Row &row : chunk) {
                    const bool ok = accepted->value(row.uuid, false);
                    // Only this row's state: a process that changed or unshared it meanwhile wins.
                    const Status done = ok
                        ? sql::exec(sql::on(m_db), QStringLiteral("UPDATE my_commitments SET pushed_revision = "
                                                                  "max(pushed_revision, ?) WHERE task_id = ? AND uuid = ?"),
                                    {row.revision, row.taskId, key(row.uuid)}, what)
                        : sql::exec(sql::on(m_db), QStringLiteral("UPDATE my_commitments SET uuid = ?, pushed_revision = 0 "
                                                                  "WHERE task_id = ? AND uuid = ? AND shared = 1"),
                                    {key(QUuid::createUuid()), row.taskId, key(row.uuid)}, what);
                    if (!done)
                        return done;
                    refused = refused || !ok;
                }
                return {};
            });
            if (!saved)
                return saved;
        }
        if (!refused)
            break;
    }
    return {};
}

Status CommitmentService::refresh(const QList<QUuid> &changed)
{
    if (changed.isEmpty() || !hubHasCommitments())
        return {};
    const Result<QList<Commitment>> found = m_client.teamCommitments(changed);
    if (!found)
        return found.error();
    return saveTeammates(*found, changed, false, waitersOf(changed));
}

Status CommitmentService::refreshAll()
{
    if (!hubHasCommitments())
        return {};
    const Result<QList<Commitment>> found = m_client.teamCommitments();
    if (!found)
        return found.error();
    return saveTeammates(*found, {}, true, waitersOf(std::nullopt));
}

Result<QList<HubClient::Waiter>> CommitmentService::waitersOf(const std::optional<QList<QUuid>> &only)
{
    if (m_client.schemaVersion() < s_waitsSchema)
        return QList<HubClient::Waiter>();
    return m_client.commitmentWaiters(only);
}

Status CommitmentService::saveTeammates(const QList<Commitment> &list, const QList<QUuid> &replace, bool all,
                                       const Result<QList<HubClient::Waiter>> &waiters)
{
    if (!waiters)
        return waiters.error();
    const QString what = Text::tr("keep a copy of your team's commitments");
    return m_db.inTransaction([&]() -> Status {
        // Who waits: for every commitment re-read, mine included (the team's feed says when
        // someone starts or stops waiting for my work).
        const QString clear = all ? QStringLiteral("DELETE FROM commitment_waiters")
                                  : QStringLiteral("DELETE FROM commitment_waiters WHERE uuid = ?");
        for (qsizetype i = 0; i < (all ? 1 : replace.size()); ++i) {
            if (Status ok = sql::exec(sql::on(m_db), clear, all ? QVariantList() : QVariantList{key(replace.at(i))}, what); !ok)
                return ok;
        }
        for (const HubClient::Waiter &w : *waiters) {
            if (Status ok = sql::exec(sql::on(m_db), QStringLiteral("INSERT OR IGNORE INTO commitment_waiters (uuid, member_id) "
                                                                    "VALUES (?, ?)"),
                                      {key(w.commitment), w.memberId}, what); !ok)
                return ok;
        }
        commitmentnotices::Recorder notices(m_db, m_zone.id(), m_clock.now());
        if (Status read = notices.before(); !read)
            return read;
        if (all) {
            if (Status ok = sql::exec(sql::on(m_db), QStringLiteral("DELETE FROM team_commitments"), {}, what); !ok)
                return ok;
        }
        for (const QUuid &uuid : replace) {
            if (Status ok = sql::exec(sql::on(m_db), QStringLiteral("DELETE FROM team_commitments WHERE uuid = ?"),
                                      {key(uuid)}, what); !ok)
                return ok;
        }
        for (const Commitment &c : list) {
            if (c.ownerId == m_memberId)
                continue; // mine are in my_commitments, with what has not reached the hub yet
            if (Status ok = sql::exec(sql::on(m_db), QStringLiteral(
                    "INSERT OR REPLACE INTO team_commitments (uuid, owner_id, owner_role, title, estimate_minutes, "
                    "due_ms, status, finish_day, public_note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                    {key(c.uuid), c.ownerId, sql::text(c.ownerRole), sql::text(c.title), c.estimateMinutes,
                     sql::fromDateTime(c.due), commitmentStatusKey(c.status), dayValue(c.finishDay),
                     sql::text(c.publicNote)}, what); !ok)
                return ok;
        }
        return notices.after();
    });
}

Status CommitmentService::forget()
{
    const QString what = Text::tr("forget the shared tasks of the team hub");
    return m_db.inTransaction([&]() -> Status {
        for (const char *table : {"my_commitments", "team_commitments", "commitment_waiters", "my_waits_pushed"}) {
            if (Status ok = sql::exec(sql::on(m_db), QStringLiteral("DELETE FROM ") + QLatin1String(table), {}, what); !ok)
                return ok;
        }
        return {};
    });
}

} // namespace fermata
