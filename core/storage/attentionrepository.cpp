#include "storage/attentionrepository.h"

#include "storage/database.h"
#include "storage/notificationrow.h"
#include "storage/sqlhelpers.h"

#include <QCoreApplication>

namespace {

// Messages people read, filed under the storage context of the core's translations.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(fermata::Storage)
};

} // namespace

namespace fermata {

namespace {

const QString s_itemColumns =
    QStringLiteral("SELECT ") + sql::notificationColumns()
    + QStringLiteral(", uuid, state, verdict, reason, reason_detail FROM notifications ");

// Stores an item unless its uuid is stored already; the values are itemFields().
const QString s_insertItem =
    QStringLiteral("INSERT OR IGNORE INTO notifications (source, sender, title, body, urgency, "
                   "received_ms, released_ms, uuid, state, verdict, reason, reason_detail) "
                   "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)");

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

// The values of a new notifications row, in the order add() inserts them.
QVariantList itemFields(const InboxItem &item)
{
    const Notification &n = item.notification;
    return {sql::text(n.source), sql::text(n.sender), sql::text(n.title), sql::text(n.body),
            urgencyKey(n.urgency), sql::fromDateTime(n.receivedAt), sql::fromDateTime(n.releasedAt),
            item.uuid.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(item.uuid),
            itemStateKey(item.state), verdictKey(item.decision.verdict), reasonKey(item.decision.reason),
            sql::text(item.decision.detail)};
}

// The values of a focus_sessions row but its id, in the order of its columns.
QVariantList sessionFields(const FocusSessionRecord &s)
{
    return {taskIdValue(s.taskId), sql::fromDateTime(s.start), sql::fromDateTime(s.plannedEnd),
            sql::fromDateTime(s.end), sql::text(s.outcome)};
}

// The count a SELECT COUNT(*) gives back.
Result<int> count(const Database &db, const QString &statement, const QVariantList &values,
                  const QString &what)
{
    const Result<QVariant> counted = sql::scalar(sql::on(db), statement, values, what);
    if (!counted)
        return counted.error();
    return counted->toInt();
}

} // namespace

Result<QList<AddedItem>> AttentionRepository::add(const QList<InboxItem> &items)
{
    const QString what = Text::tr("hold notifications");
    const sql::Target target = sql::on(m_db);
    QSqlQuery insert(m_db.connection());
    if (Status ok = sql::prepare(insert, s_insertItem, target, what); !ok)
        return ok.error();
    std::optional<QSqlQuery> lookup;
    QList<AddedItem> ids;
    ids.reserve(items.size());
    for (const InboxItem &item : items) {
        if (Status ok = sql::exec(insert, itemFields(item), target, what); !ok)
            return ok.error();
        if (insert.numRowsAffected() > 0) {
            ids.append({insert.lastInsertId().toLongLong(), true});
            continue;
        }
        // Ignored: the same uuid was stored by an earlier attempt.
        if (!lookup) {
            lookup.emplace(m_db.connection());
            if (Status ok = sql::prepare(*lookup, QStringLiteral("SELECT id FROM notifications WHERE uuid = ?"),
                                         target, what); !ok)
                return ok.error();
        }
        if (Status ok = sql::exec(*lookup, {item.uuid}, target, what); !ok)
            return ok.error();
        if (!lookup->next())
            return Result<QList<AddedItem>>::failure(
                Error::Code::Database,
                Text::tr("Fermata could not hold the notification \"%1\" in %2.")
                    .arg(item.notification.title, m_db.path()));
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
            QVariantList(part.cbegin(), part.cend()), Text::tr("look up notifications"));
        if (!query)
            return query.error();
        while (query.value().next())
            ids.insert(query.value().value(0).toString(), query.value().value(1).toLongLong());
    }
    return ids;
}

Result<std::optional<qint64>> AttentionRepository::heldWithUuidPrefix(const QString &prefix) const
{
    Result<QSqlQuery> query = sql::run(sql::on(m_db),
                                       QStringLiteral("SELECT id FROM notifications WHERE state = 'held' "
                                                      "AND substr(uuid, 1, ?) = ? ORDER BY id DESC LIMIT 1"),
                                       {prefix.size(), prefix}, Text::tr("look up a held notification"));
    if (!query)
        return query.error();
    if (!query.value().next())
        return std::optional<qint64>();
    return std::optional<qint64>(query.value().value(0).toLongLong());
}

Status AttentionRepository::rewordHeld(qint64 id, const QString &sender, const QString &title, const QString &body)
{
    return sql::changeRow(sql::on(m_db),
                          QStringLiteral("UPDATE notifications SET sender = ?, title = ?, body = ? "
                                         "WHERE id = ? AND state = 'held'"),
                          {sender, title, body, id}, Text::tr("update a held notification"),
                          Text::tr("Notification %1 is no longer held.").arg(id));
}

Status AttentionRepository::release(const QList<qint64> &ids, const QDateTime &at)
{
    const QString what = Text::tr("release held notifications");
    const sql::Target target = sql::on(m_db);
    QSqlQuery query(m_db.connection());
    if (Status ok = sql::prepare(query,
                                 QStringLiteral("UPDATE notifications SET state = 'released', "
                                                "released_ms = ? WHERE id = ? AND state = 'held'"),
                                 target, what); !ok)
        return ok;
    for (qint64 id : ids) {
        if (Status ok = sql::exec(query, {sql::fromDateTime(at), id}, target, what); !ok)
            return ok;
    }
    return {};
}

Status AttentionRepository::setState(qint64 id, ItemState state)
{
    return sql::changeRow(sql::on(m_db), QStringLiteral("UPDATE notifications SET state = ? WHERE id = ?"),
                          {itemStateKey(state), id}, Text::tr("update a notification"),
                          Text::tr("The notification no longer exists."));
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
    return sql::readAll(sql::on(m_db), s_itemColumns + tail, values, Text::tr("read notifications"),
                        readItem);
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
                                       {}, Text::tr("count held notifications"));
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
    return count(m_db,
                 QStringLiteral("SELECT COUNT(*) FROM notifications WHERE "
                                "received_ms >= ? AND verdict = 'deliver' AND "
                                "reason IN ('critical', 'vip', 'keyword')"),
                 {sql::fromDateTime(since)}, Text::tr("count break-throughs"));
}

Result<int> AttentionRepository::removeOlderThan(const QDateTime &cutoff)
{
    const Result<QSqlQuery> query = sql::run(sql::on(m_db),
                                             QStringLiteral("DELETE FROM notifications WHERE received_ms < ? "
                                                            "AND state <> 'held'"),
                                             {sql::fromDateTime(cutoff)}, Text::tr("remove old notifications"));
    if (!query)
        return query.error();
    return query->numRowsAffected();
}

Result<std::optional<QString>> AttentionRepository::value(const QString &key) const
{
    return sql::readOne(sql::on(m_db), QStringLiteral("SELECT value FROM attention_state WHERE key = ?"), {key},
                        Text::tr("read the setting %1").arg(key),
                        [](const QSqlQuery &query) { return query.value(0).toString(); });
}

Status AttentionRepository::setValue(const QString &key, const QString &value)
{
    return sql::exec(sql::on(m_db),
                     QStringLiteral("INSERT INTO attention_state (key, value) VALUES (?, ?) "
                                    "ON CONFLICT(key) DO UPDATE SET value = excluded.value"),
                     {key, sql::text(value)}, Text::tr("save the setting %1").arg(key));
}

Status AttentionRepository::removeValue(const QString &key)
{
    return sql::exec(sql::on(m_db), QStringLiteral("DELETE FROM attention_state WHERE key = ?"), {key},
                     Text::tr("remove the setting %1").arg(key));
}

Status AttentionRepository::recordEvent(const QString &kind, const QDateTime &at)
{
    return sql::exec(sql::on(m_db), QStringLiteral("INSERT INTO attention_events (kind, at_ms) VALUES (?, ?)"),
                     {kind, sql::fromDateTime(at)}, Text::tr("count an event"));
}

Result<int> AttentionRepository::countEvents(const QString &kind, const Interval &range) const
{
    return count(m_db,
                 QStringLiteral("SELECT COUNT(*) FROM attention_events WHERE kind = ? "
                                "AND at_ms >= ? AND at_ms < ?"),
                 {kind, range.startMs(), range.endMs()}, Text::tr("count events"));
}

Result<qint64> AttentionRepository::startFocusSession(const FocusSessionRecord &s)
{
    return sql::insert(sql::on(m_db),
                       QStringLiteral("INSERT INTO focus_sessions (task_id, started_ms, "
                                      "planned_end_ms, ended_ms, outcome) VALUES (?,?,?,?,?)"),
                       sessionFields(s), Text::tr("record a focus session"));
}

Status AttentionRepository::updateFocusSession(const FocusSessionRecord &s)
{
    return sql::changeRow(sql::on(m_db),
                          QStringLiteral("UPDATE focus_sessions SET task_id = ?, started_ms = ?, "
                                         "planned_end_ms = ?, ended_ms = ?, outcome = ? WHERE id = ?"),
                          sessionFields(s) << s.id, Text::tr("record a focus session"),
                          Text::tr("The focus session no longer exists."));
}

Result<QList<FocusSessionRecord>> AttentionRepository::focusSessions(const Interval &range) const
{
    return sql::readAll(sql::on(m_db),
                        QStringLiteral("SELECT id, task_id, started_ms, planned_end_ms, ended_ms, "
                                       "outcome FROM focus_sessions WHERE started_ms < ? AND "
                                       "COALESCE(ended_ms, planned_end_ms) > ? ORDER BY started_ms"),
                        {range.endMs(), range.startMs()}, Text::tr("read focus sessions"), readSession);
}

Result<std::optional<FocusSessionRecord>> AttentionRepository::runningFocusSession() const
{
    return sql::readOne(sql::on(m_db),
                        QStringLiteral("SELECT id, task_id, started_ms, planned_end_ms, ended_ms, outcome "
                                       "FROM focus_sessions WHERE ended_ms IS NULL ORDER BY id DESC LIMIT 1"),
                        {}, Text::tr("read focus sessions"), readSession);
}

Result<QHash<qint64, qint64>> AttentionRepository::focusMinutesByTask() const
{
    Result<QSqlQuery> query = sql::run(sql::on(m_db),
                                       QStringLiteral("SELECT COALESCE(task_id, 0), SUM(ended_ms - started_ms) "
                                                      "FROM focus_sessions WHERE ended_ms IS NOT NULL GROUP BY 1"),
                                       {}, Text::tr("sum focus minutes"));
    if (!query)
        return query.error();
    QHash<qint64, qint64> minutes;
    while (query.value().next())
        minutes.insert(query.value().value(0).toLongLong(), query.value().value(1).toLongLong() / 60000);
    return minutes;
}

} // namespace fermata
