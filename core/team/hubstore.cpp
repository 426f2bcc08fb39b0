#include "team/hubstore.h"

#include "storage/database.h"
#include "storage/sqlhelpers.h"

#include <QSqlQuery>

namespace fermata {

namespace {

QString key(const QUuid &uuid)
{
    return uuid.toString(QUuid::WithoutBraces);
}

int toInt(HubStore::Pending p)
{
    return int(p);
}

} // namespace

Status HubStore::track(const Entry &e)
{
    const QString what = QStringLiteral("remember a message for the team hub");
    QSqlQuery query(m_db.connection());
    if (auto error = sql::prepare(query, QStringLiteral(
            "INSERT INTO hub_sync (uuid, outgoing, urgent, pending) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(uuid) DO UPDATE SET outgoing = excluded.outgoing, urgent = excluded.urgent, "
            "pending = excluded.pending"), m_db.path(), what))
        return *error;
    query.addBindValue(key(e.uuid));
    query.addBindValue(e.outgoing ? 1 : 0);
    query.addBindValue(e.urgent ? 1 : 0);
    query.addBindValue(toInt(e.pending));
    if (auto error = sql::exec(query, m_db.path(), what))
        return *error;
    return {};
}

Status HubStore::setPending(const QUuid &uuid, Pending pending)
{
    const QString what = QStringLiteral("update a message's sync state");
    QSqlQuery query(m_db.connection());
    if (auto error = sql::prepare(query, QStringLiteral("UPDATE hub_sync SET pending = ? WHERE uuid = ?"),
                                  m_db.path(), what))
        return *error;
    query.addBindValue(toInt(pending));
    query.addBindValue(key(uuid));
    if (auto error = sql::exec(query, m_db.path(), what))
        return *error;
    return {};
}

Result<std::optional<HubStore::Entry>> HubStore::find(const QUuid &uuid) const
{
    const QString what = QStringLiteral("read a message's sync state");
    QSqlQuery query(m_db.connection());
    if (auto error = sql::prepare(query, QStringLiteral(
            "SELECT outgoing, urgent, pending FROM hub_sync WHERE uuid = ?"), m_db.path(), what))
        return *error;
    query.addBindValue(key(uuid));
    if (auto error = sql::exec(query, m_db.path(), what))
        return *error;
    if (!query.next())
        return std::optional<Entry>();
    return std::optional<Entry>(Entry{uuid, query.value(0).toBool(), query.value(1).toBool(),
                                      Pending(query.value(2).toInt())});
}

Result<QList<HubStore::Entry>> HubStore::pending() const
{
    QSqlQuery query(m_db.connection());
    // Pushes first, in the order they were written (rowid), so edits follow their message.
    if (!query.exec(QStringLiteral("SELECT uuid, outgoing, urgent, pending FROM hub_sync "
                                   "WHERE pending <> 0 ORDER BY pending = 1 DESC, rowid")))
        return sql::databaseError(m_db.path(), QStringLiteral("read the messages waiting for the hub"),
                                  query.lastError());
    QList<Entry> entries;
    while (query.next())
        entries.append(Entry{QUuid::fromString(query.value(0).toString()), query.value(1).toBool(),
                             query.value(2).toBool(), Pending(query.value(3).toInt())});
    return entries;
}

Result<int> HubStore::waitingCount() const
{
    QSqlQuery query(m_db.connection());
    if (!query.exec(QStringLiteral("SELECT count(*) FROM hub_sync WHERE outgoing = 1 AND pending <> 0"))
        || !query.next())
        return sql::databaseError(m_db.path(), QStringLiteral("count the messages waiting for the hub"),
                                  query.lastError());
    return query.value(0).toInt();
}

Result<int> HubStore::urgentSentSince(const QDateTime &since) const
{
    const QString what = QStringLiteral("count urgent messages");
    QSqlQuery query(m_db.connection());
    if (auto error = sql::prepare(query, QStringLiteral(
            "SELECT count(*) FROM hub_sync s JOIN messages m ON m.uuid = s.uuid "
            "WHERE s.outgoing = 1 AND s.urgent = 1 AND m.created_ms >= ?"), m_db.path(), what))
        return *error;
    query.addBindValue(sql::fromDateTime(since));
    if (auto error = sql::exec(query, m_db.path(), what))
        return *error;
    query.next();
    return query.value(0).toInt();
}

Status HubStore::replaceDirectory(const QList<HubMember> &members, const QList<HubWindow> &windows)
{
    const QString what = QStringLiteral("keep a copy of the team directory");
    return m_db.inTransaction([&]() -> Status {
        QSqlQuery query(m_db.connection());
        if (auto error = sql::execDirect(m_db.connection(), QStringLiteral("DELETE FROM hub_members"), m_db.path(), what))
            return *error;
        if (auto error = sql::execDirect(m_db.connection(), QStringLiteral("DELETE FROM hub_windows"), m_db.path(), what))
            return *error;
        if (auto error = sql::prepare(query, QStringLiteral(
                "INSERT INTO hub_members (id, role, name, email, time_zone_id, is_admin, active) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)"), m_db.path(), what))
            return *error;
        for (const HubMember &m : members) {
            query.addBindValue(m.id);
            query.addBindValue(m.role);
            query.addBindValue(sql::text(m.name));
            query.addBindValue(sql::text(m.email));
            query.addBindValue(QString::fromUtf8(m.timeZoneId));
            query.addBindValue(m.isAdmin ? 1 : 0);
            query.addBindValue(m.isActive ? 1 : 0);
            if (auto error = sql::exec(query, m_db.path(), what))
                return *error;
        }
        if (auto error = sql::prepare(query, QStringLiteral(
                "INSERT INTO hub_windows (id, member_id, day_mask, start_minute, end_minute, zone_id, label) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)"), m_db.path(), what))
            return *error;
        for (const HubWindow &w : windows) {
            query.addBindValue(w.id);
            query.addBindValue(w.memberId);
            query.addBindValue(int(w.rule.dayMask()));
            query.addBindValue(w.rule.start().msecsSinceStartOfDay() / 60000);
            query.addBindValue(w.rule.end().msecsSinceStartOfDay() / 60000);
            query.addBindValue(QString::fromUtf8(w.rule.zoneId()));
            query.addBindValue(sql::text(w.label));
            if (auto error = sql::exec(query, m_db.path(), what))
                return *error;
        }
        return {};
    });
}

Result<QList<HubMember>> HubStore::members() const
{
    QSqlQuery query(m_db.connection());
    if (!query.exec(QStringLiteral("SELECT id, role, name, email, time_zone_id, is_admin, active "
                                   "FROM hub_members ORDER BY name, id")))
        return sql::databaseError(m_db.path(), QStringLiteral("read the team directory"), query.lastError());
    QList<HubMember> members;
    while (query.next())
        members.append(HubMember{query.value(0).toLongLong(), query.value(1).toString(),
                                 query.value(2).toString(), query.value(3).toString(),
                                 query.value(4).toString().toUtf8(), query.value(5).toBool(),
                                 query.value(6).toBool()});
    return members;
}

Result<QList<HubWindow>> HubStore::windows() const
{
    QSqlQuery query(m_db.connection());
    if (!query.exec(QStringLiteral("SELECT id, member_id, day_mask, start_minute, end_minute, zone_id, "
                                   "label FROM hub_windows ORDER BY id")))
        return sql::databaseError(m_db.path(), QStringLiteral("read the team's windows"), query.lastError());
    QList<HubWindow> windows;
    while (query.next()) {
        HubWindow w;
        w.id = query.value(0).toLongLong();
        w.memberId = query.value(1).toLongLong();
        w.rule = WeeklyRule(quint8(query.value(2).toInt()), QTime(0, 0).addSecs(query.value(3).toInt() * 60),
                            QTime(0, 0).addSecs(query.value(4).toInt() * 60), query.value(5).toString().toUtf8());
        w.label = query.value(6).toString();
        windows.append(w);
    }
    return windows;
}

Result<QString> HubStore::state(const QString &name) const
{
    const QString what = QStringLiteral("read the team hub settings");
    QSqlQuery query(m_db.connection());
    if (auto error = sql::prepare(query, QStringLiteral("SELECT value FROM hub_state WHERE key = ?"),
                                  m_db.path(), what))
        return *error;
    query.addBindValue(name);
    if (auto error = sql::exec(query, m_db.path(), what))
        return *error;
    return query.next() ? query.value(0).toString() : QString();
}

Status HubStore::setState(const QString &name, const QString &value)
{
    const QString what = QStringLiteral("save the team hub settings");
    QSqlQuery query(m_db.connection());
    if (auto error = sql::prepare(query, QStringLiteral(
            "INSERT INTO hub_state (key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value"), m_db.path(), what))
        return *error;
    query.addBindValue(name);
    query.addBindValue(sql::text(value));
    if (auto error = sql::exec(query, m_db.path(), what))
        return *error;
    return {};
}

Status HubStore::clearAccount()
{
    const QString what = QStringLiteral("forget the team hub account");
    return m_db.inTransaction([&]() -> Status {
        for (const char *table : {"hub_members", "hub_windows", "hub_state"}) {
            if (auto error = sql::execDirect(m_db.connection(),
                                             QStringLiteral("DELETE FROM ") + QLatin1String(table),
                                             m_db.path(), what))
                return *error;
        }
        return {};
    });
}

} // namespace fermata
