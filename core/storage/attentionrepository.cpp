#include "storage/attentionrepository.h"

#include "storage/database.h"
#include "storage/notificationrow.h"
#include "storage/sqlhelpers.h"

namespace fermata {

namespace {

const QString s_itemColumns =
    QStringLiteral("SELECT ") + sql::notificationColumns()
    + QStringLiteral(", uuid, state, verdict, reason, reason_detail FROM notifications ");

InboxItem readItem(const QSqlQuery &query)
{
    InboxItem item;
    item.notification = sql::notificationFromRow(query);
    item.uuid = query.value(8).toString();
    item.state = itemStateFromKey(query.value(9).toString());
    item.decision.verdict = verdictFromKey(query.value(10).toString());
    item.decision.reason = reasonFromKey(query.value(11).toString());
    item.decision.detail = query.value(12).toString();
    return item;
}

FocusSessionRecord readSession(const QSqlQuery &query)
{
    FocusSessionRecord s;
    s.id = query.value(0).toLongLong();
    s.taskId = query.value(1).isNull() ? 0 : query.value(1).toLongLong();
    s.start = sql::toDateTime(query.value(2));
    s.plannedEnd = sql::toDateTime(query.value(3));
    s.end = sql::toDateTime(query.value(4));
    s.outcome = query.value(5).toString();
    return s;
}

QVariant taskIdValue(qint64 taskId)
{
    return taskId > 0 ? QVariant(taskId) : QVariant(QMetaType::fromType<qlonglong>());
}

} // namespace

Result<QList<AddedItem>> AttentionRepository::add(const QList<InboxItem> &items)
{
    const QString what = QStringLiteral("hold notifications");
    QSqlQuery insert(m_db.connection());
    if (auto error = sql::prepare(insert,
                                  QStringLiteral("INSERT OR IGNORE INTO notifications (source, "
                                                 "sender, title, body, urgency, received_ms, "
                                                 "released_ms, uuid, state, verdict, reason, "
                                                 "reason_detail) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)"),
                                  m_db.path(), what))
        return *error;
    std::optional<QSqlQuery> lookup;
    QList<AddedItem> ids;
    ids.reserve(items.size());
    for (const InboxItem &item : items) {
        const Notification &n = item.notification;
        insert.bindValue(0, sql::text(n.source));
        insert.bindValue(1, sql::text(n.sender));
        insert.bindValue(2, sql::text(n.title));
        insert.bindValue(3, sql::text(n.body));
        insert.bindValue(4, urgencyKey(n.urgency));
        insert.bindValue(5, sql::fromDateTime(n.receivedAt));
        insert.bindValue(6, sql::fromDateTime(n.releasedAt));
        insert.bindValue(7, item.uuid.isEmpty() ? QVariant(QMetaType::fromType<QString>())
                                                : QVariant(item.uuid));
        insert.bindValue(8, itemStateKey(item.state));
        insert.bindValue(9, verdictKey(item.decision.verdict));
        insert.bindValue(10, reasonKey(item.decision.reason));
        insert.bindValue(11, sql::text(item.decision.detail));
        if (auto error = sql::exec(insert, m_db.path(), what))
            return *error;
        if (insert.numRowsAffected() > 0) {
            ids.append({insert.lastInsertId().toLongLong(), true});
            continue;
        }
        // Ignored: the same uuid was stored by an earlier attempt.
        if (!lookup) {
            lookup.emplace(m_db.connection());
            if (auto error = sql::prepare(*lookup,
                                          QStringLiteral("SELECT id FROM notifications WHERE uuid = ?"),
                                          m_db.path(), what))
                return *error;
        }
        lookup->bindValue(0, item.uuid);
        if (auto error = sql::exec(*lookup, m_db.path(), what))
            return *error;
        if (!lookup->next())
            return Result<QList<AddedItem>>::failure(
                Error::Code::Database,
                QStringLiteral("Fermata could not hold the notification \"%1\" in %2.")
                    .arg(n.title, m_db.path()));
        ids.append({lookup->value(0).toLongLong(), false});
        lookup->finish();
    }
    return ids;
}

Result<QHash<QString, qint64>> AttentionRepository::idsByUuid(const QStringList &uuids) const
{
    QHash<QString, qint64> ids;
    constexpr qsizetype chunk = 500; // well under SQLite's limit on bound values
    for (qsizetype start = 0; start < uuids.size(); start += chunk) {
        const QStringList part = uuids.mid(start, chunk);
        const QStringList marks(part.size(), QStringLiteral("?"));
        Result<QSqlQuery> query = sql::run(
            sql::on(m_db),
            QStringLiteral("SELECT uuid, id FROM notifications WHERE uuid IN (%1)").arg(marks.join(QLatin1Char(','))),
            QVariantList(part.cbegin(), part.cend()), QStringLiteral("look up notifications"));
        if (!query)
            return query.error();
        while (query.value().next())
            ids.insert(query.value().value(0).toString(), query.value().value(1).toLongLong());
    }
    return ids;
}

Status AttentionRepository::release(const QList<qint64> &ids, const QDateTime &at)
{
    const QString what = QStringLiteral("release held notifications");
    QSqlQuery query(m_db.connection());
    if (auto error = sql::prepare(query,
                                  QStringLiteral("UPDATE notifications SET state = 'released', "
                                                 "released_ms = ? WHERE id = ? AND state = 'held'"),
                                  m_db.path(), what))
        return *error;
    for (qint64 id : ids) {
        query.bindValue(0, sql::fromDateTime(at));
        query.bindValue(1, id);
        if (auto error = sql::exec(query, m_db.path(), what))
            return *error;
    }
    return {};
}

Status AttentionRepository::setState(qint64 id, ItemState state)
{
    const QString what = QStringLiteral("update a notification");
    QSqlQuery query(m_db.connection());
    if (auto error = sql::prepare(query, QStringLiteral("UPDATE notifications SET state = ? WHERE id = ?"),
                                  m_db.path(), what))
        return *error;
    query.bindValue(0, itemStateKey(state));
    query.bindValue(1, id);
    if (auto error = sql::exec(query, m_db.path(), what))
        return *error;
    if (query.numRowsAffected() == 0)
        return Status::failure(Error::Code::NotFound,
                               QStringLiteral("The notification no longer exists."));
    return {};
}

Status AttentionRepository::setState(const QList<qint64> &ids, ItemState state)
{
    return m_db.inTransaction([&]() -> Status {
        for (qint64 id : ids) {
            if (Status s = setState(id, state); !s)
                return s;
        }
        return {};
    });
}

Result<QList<InboxItem>> AttentionRepository::selectItems(const QString &tail,
                                                          const QVariantList &values) const
{
    const QString what = QStringLiteral("read notifications");
    QSqlQuery query(m_db.connection());
    query.setForwardOnly(true);
    if (auto error = sql::prepare(query, s_itemColumns + tail, m_db.path(), what))
        return *error;
    for (int i = 0; i < values.size(); ++i)
        query.bindValue(i, values[i]);
    if (auto error = sql::exec(query, m_db.path(), what))
        return *error;
    QList<InboxItem> items;
    while (query.next())
        items.append(readItem(query));
    return items;
}

Result<std::optional<InboxItem>> AttentionRepository::find(qint64 id) const
{
    auto items = selectItems(QStringLiteral("WHERE id = ?"), {id});
    if (!items)
        return items.error();
    if (items->isEmpty())
        return std::optional<InboxItem>();
    return std::optional<InboxItem>(items->constFirst());
}

Result<QList<InboxItem>> AttentionRepository::held() const
{
    return selectItems(QStringLiteral("WHERE released_ms IS NULL AND state = 'held' "
                                      "ORDER BY received_ms, id"),
                       {});
}

Result<QHash<QString, int>> AttentionRepository::heldCountBySource() const
{
    Result<QSqlQuery> query = sql::run(sql::on(m_db),
                                       QStringLiteral("SELECT source, COUNT(*) FROM notifications "
                                                      "WHERE released_ms IS NULL AND state = 'held' "
                                                      "GROUP BY source"),
                                       {}, QStringLiteral("count held notifications"));
    if (!query)
        return query.error();
    QHash<QString, int> counts;
    while (query.value().next())
        counts.insert(query.value().value(0).toString(), query.value().value(1).toInt());
    return counts;
}

Result<QList<InboxItem>> AttentionRepository::recent(int limit, int offset, bool withMuted) const
{
    return selectItems(QStringLiteral("%1 ORDER BY received_ms DESC, id DESC LIMIT ? OFFSET ?")
                           .arg(withMuted ? QString() : QStringLiteral("WHERE state <> 'muted'")),
                       {limit, offset});
}

Result<int> AttentionRepository::breakThroughsSince(const QDateTime &since) const
{
    const QString what = QStringLiteral("count break-throughs");
    QSqlQuery query(m_db.connection());
    if (auto error = sql::prepare(query,
                                  QStringLiteral("SELECT COUNT(*) FROM notifications WHERE "
                                                 "received_ms >= ? AND verdict = 'deliver' AND "
                                                 "reason IN ('critical', 'vip', 'keyword')"),
                                  m_db.path(), what))
        return *error;
    query.bindValue(0, sql::fromDateTime(since));
    if (auto error = sql::exec(query, m_db.path(), what))
        return *error;
    return query.next() ? query.value(0).toInt() : 0;
}

Result<int> AttentionRepository::removeOlderThan(const QDateTime &cutoff)
{
    const QString what = QStringLiteral("remove old notifications");
    QSqlQuery query(m_db.connection());
    if (auto error = sql::prepare(query,
                                  QStringLiteral("DELETE FROM notifications WHERE received_ms < ? "
                                                 "AND state <> 'held'"),
                                  m_db.path(), what))
        return *error;
    query.bindValue(0, sql::fromDateTime(cutoff));
    if (auto error = sql::exec(query, m_db.path(), what))
        return *error;
    return query.numRowsAffected();
}

Result<std::optional<QString>> AttentionRepository::value(const QString &key) const
{
    const QString what = QStringLiteral("read the setting %1").arg(key);
    QSqlQuery query(m_db.connection());
    if (auto error = sql::prepare(query, QStringLiteral("SELECT value FROM attention_state WHERE key = ?"),
                                  m_db.path(), what))
        return *error;
    query.bindValue(0, key);
    if (auto error = sql::exec(query, m_db.path(), what))
        return *error;
    if (!query.next())
        return std::optional<QString>();
    return std::optional<QString>(query.value(0).toString());
}

Status AttentionRepository::setValue(const QString &key, const QString &value)
{
    const QString what = QStringLiteral("save the setting %1").arg(key);
    QSqlQuery query(m_db.connection());
    if (auto error = sql::prepare(query,
                                  QStringLiteral("INSERT INTO attention_state (key, value) VALUES (?, ?) "
                                                 "ON CONFLICT(key) DO UPDATE SET value = excluded.value"),
                                  m_db.path(), what))
        return *error;
    query.bindValue(0, key);
    query.bindValue(1, sql::text(value));
    if (auto error = sql::exec(query, m_db.path(), what))
        return *error;
    return {};
}

Status AttentionRepository::removeValue(const QString &key)
{
    const QString what = QStringLiteral("remove the setting %1").arg(key);
    QSqlQuery query(m_db.connection());
    if (auto error = sql::prepare(query, QStringLiteral("DELETE FROM attention_state WHERE key = ?"),
                                  m_db.path(), what))
        return *error;
    query.bindValue(0, key);
    if (auto error = sql::exec(query, m_db.path(), what))
        return *error;
    return {};
}

Status AttentionRepository::recordEvent(const QString &kind, const QDateTime &at)
{
    const QString what = QStringLiteral("count an event");
    QSqlQuery query(m_db.connection());
    if (auto error = sql::prepare(query, QStringLiteral("INSERT INTO attention_events (kind, at_ms) VALUES (?, ?)"),
                                  m_db.path(), what))
        return *error;
    query.bindValue(0, kind);
    query.bindValue(1, sql::fromDateTime(at));
    if (auto error = sql::exec(query, m_db.path(), what))
        return *error;
    return {};
}

Result<int> AttentionRepository::countEvents(const QString &kind, const Interval &range) const
{
    const QString what = QStringLiteral("count events");
    QSqlQuery query(m_db.connection());
    if (auto error = sql::prepare(query,
                                  QStringLiteral("SELECT COUNT(*) FROM attention_events WHERE kind = ? "
                                                 "AND at_ms >= ? AND at_ms < ?"),
                                  m_db.path(), what))
        return *error;
    query.bindValue(0, kind);
    query.bindValue(1, range.startMs());
    query.bindValue(2, range.endMs());
    if (auto error = sql::exec(query, m_db.path(), what))
        return *error;
    return query.next() ? query.value(0).toInt() : 0;
}

Result<qint64> AttentionRepository::startFocusSession(const FocusSessionRecord &s)
{
    const QString what = QStringLiteral("record a focus session");
    QSqlQuery query(m_db.connection());
    if (auto error = sql::prepare(query,
                                  QStringLiteral("INSERT INTO focus_sessions (task_id, started_ms, "
                                                 "planned_end_ms, ended_ms, outcome) VALUES (?,?,?,?,?)"),
                                  m_db.path(), what))
        return *error;
    query.bindValue(0, taskIdValue(s.taskId));
    query.bindValue(1, sql::fromDateTime(s.start));
    query.bindValue(2, sql::fromDateTime(s.plannedEnd));
    query.bindValue(3, sql::fromDateTime(s.end));
    query.bindValue(4, sql::text(s.outcome));
    if (auto error = sql::exec(query, m_db.path(), what))
        return *error;
    return query.lastInsertId().toLongLong();
}

Status AttentionRepository::updateFocusSession(const FocusSessionRecord &s)
{
    const QString what = QStringLiteral("record a focus session");
    QSqlQuery query(m_db.connection());
    if (auto error = sql::prepare(query,
                                  QStringLiteral("UPDATE focus_sessions SET task_id = ?, started_ms = ?, "
                                                 "planned_end_ms = ?, ended_ms = ?, outcome = ? WHERE id = ?"),
                                  m_db.path(), what))
        return *error;
    query.bindValue(0, taskIdValue(s.taskId));
    query.bindValue(1, sql::fromDateTime(s.start));
    query.bindValue(2, sql::fromDateTime(s.plannedEnd));
    query.bindValue(3, sql::fromDateTime(s.end));
    query.bindValue(4, sql::text(s.outcome));
    query.bindValue(5, s.id);
    if (auto error = sql::exec(query, m_db.path(), what))
        return *error;
    if (query.numRowsAffected() == 0)
        return Status::failure(Error::Code::NotFound, QStringLiteral("The focus session no longer exists."));
    return {};
}

Result<QList<FocusSessionRecord>> AttentionRepository::focusSessions(const Interval &range) const
{
    const QString what = QStringLiteral("read focus sessions");
    QSqlQuery query(m_db.connection());
    query.setForwardOnly(true);
    if (auto error = sql::prepare(query,
                                  QStringLiteral("SELECT id, task_id, started_ms, planned_end_ms, ended_ms, "
                                                 "outcome FROM focus_sessions WHERE started_ms < ? AND "
                                                 "COALESCE(ended_ms, planned_end_ms) > ? ORDER BY started_ms"),
                                  m_db.path(), what))
        return *error;
    query.bindValue(0, range.endMs());
    query.bindValue(1, range.startMs());
    if (auto error = sql::exec(query, m_db.path(), what))
        return *error;
    QList<FocusSessionRecord> sessions;
    while (query.next())
        sessions.append(readSession(query));
    return sessions;
}

Result<std::optional<FocusSessionRecord>> AttentionRepository::runningFocusSession() const
{
    QSqlQuery query(m_db.connection());
    if (!query.exec(QStringLiteral("SELECT id, task_id, started_ms, planned_end_ms, ended_ms, outcome "
                                   "FROM focus_sessions WHERE ended_ms IS NULL ORDER BY id DESC LIMIT 1")))
        return sql::databaseError(m_db.path(), QStringLiteral("read focus sessions"), query.lastError());
    if (!query.next())
        return std::optional<FocusSessionRecord>();
    return std::optional<FocusSessionRecord>(readSession(query));
}

Result<QHash<qint64, qint64>> AttentionRepository::focusMinutesByTask() const
{
    QSqlQuery query(m_db.connection());
    if (!query.exec(QStringLiteral("SELECT COALESCE(task_id, 0), SUM(ended_ms - started_ms) "
                                   "FROM focus_sessions WHERE ended_ms IS NOT NULL GROUP BY 1")))
        return sql::databaseError(m_db.path(), QStringLiteral("sum focus minutes"), query.lastError());
    QHash<qint64, qint64> minutes;
    while (query.next())
        minutes.insert(query.value(0).toLongLong(), query.value(1).toLongLong() / 60000);
    return minutes;
}

} // namespace fermata
