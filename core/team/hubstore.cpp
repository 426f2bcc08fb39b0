#include "team/hubstore.h"

#include "storage/database.h"
#include "storage/sqlhelpers.h"
#include "team/hubsql.h"

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

QString key(const QUuid &uuid)
{
    return uuid.toString(QUuid::WithoutBraces);
}

// An Entry from the columns outgoing, urgent, pending.
HubStore::Entry entryFromRow(const QUuid &uuid, const QSqlQuery &query, int first)
{
    return HubStore::Entry{uuid, query.value(first).toBool(), query.value(first + 1).toBool(),
                           HubStore::Pending(query.value(first + 2).toInt())};
}

} // namespace

Status HubStore::track(const Entry &e)
{
    return sql::exec(sql::on(m_db),
                     QStringLiteral("INSERT INTO hub_sync (uuid, outgoing, urgent, pending) "
                                    "VALUES (?, ?, ?, ?) ON CONFLICT(uuid) DO UPDATE SET "
                                    "outgoing = excluded.outgoing, urgent = excluded.urgent, "
                                    "pending = excluded.pending"),
                     {key(e.uuid), e.outgoing ? 1 : 0, e.urgent ? 1 : 0, int(e.pending)},
                     Text::tr("remember a message for the team hub"));
}

Status HubStore::setPending(const QUuid &uuid, Pending pending)
{
    return sql::exec(sql::on(m_db), QStringLiteral("UPDATE hub_sync SET pending = ? WHERE uuid = ?"),
                     {int(pending), key(uuid)}, Text::tr("update a message's sync state"));
}

Result<std::optional<HubStore::Entry>> HubStore::find(const QUuid &uuid) const
{
    return sql::readOne(sql::on(m_db),
                        QStringLiteral("SELECT outgoing, urgent, pending FROM hub_sync WHERE uuid = ?"),
                        {key(uuid)}, Text::tr("read a message's sync state"),
                        [&](const QSqlQuery &query) { return entryFromRow(uuid, query, 0); });
}

Result<QList<HubStore::Entry>> HubStore::pending() const
{
    // Pushes first, in the order they were written (rowid), so edits follow their message.
    return sql::readAll(sql::on(m_db),
                        QStringLiteral("SELECT uuid, outgoing, urgent, pending FROM hub_sync "
                                       "WHERE pending <> 0 ORDER BY pending = 1 DESC, rowid"),
                        {}, Text::tr("read the messages waiting for the hub"),
                        [](const QSqlQuery &query) {
                            return entryFromRow(QUuid::fromString(query.value(0).toString()), query, 1);
                        });
}

Result<int> HubStore::waitingCount() const
{
    const Result<QVariant> count = sql::scalar(
        sql::on(m_db), QStringLiteral("SELECT count(*) FROM hub_sync WHERE outgoing = 1 AND pending <> 0"),
        {}, Text::tr("count the messages waiting for the hub"));
    if (!count)
        return count.error();
    return count->toInt();
}

Result<int> HubStore::urgentSentSince(const QDateTime &since) const
{
    const Result<QVariant> count = sql::scalar(
        sql::on(m_db),
        QStringLiteral("SELECT count(*) FROM hub_sync s JOIN messages m ON m.uuid = s.uuid "
                       "WHERE s.outgoing = 1 AND s.urgent = 1 AND m.created_ms >= ?"),
        {sql::fromDateTime(since)}, Text::tr("count urgent messages"));
    if (!count)
        return count.error();
    return count->toInt();
}

Status HubStore::replaceDirectory(const QList<HubMember> &members, const QList<HubWindow> &windows)
{
    const QString what = Text::tr("keep a copy of the team directory");
    return m_db.inTransaction([&]() -> Status {
        const sql::Target target = sql::on(m_db);
        for (const char *table : {"hub_members", "hub_windows"}) {
            if (Status ok = sql::exec(target, QStringLiteral("DELETE FROM ") + QLatin1String(table), {}, what); !ok)
                return ok;
        }
        QSqlQuery query(m_db.connection());
        if (Status ok = sql::prepare(query, QStringLiteral(
                "INSERT INTO hub_members (id, role, name, email, time_zone_id, is_admin, active) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)"), target, what); !ok)
            return ok;
        for (const HubMember &m : members) {
            if (Status ok = sql::exec(query, {m.id, m.role, sql::text(m.name), sql::text(m.email),
                                              QString::fromUtf8(m.timeZoneId), m.isAdmin ? 1 : 0,
                                              m.isActive ? 1 : 0}, target, what); !ok)
                return ok;
        }
        if (Status ok = sql::prepare(query, QStringLiteral(
                "INSERT INTO hub_windows (id, member_id, day_mask, start_minute, end_minute, zone_id, label) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)"), target, what); !ok)
            return ok;
        for (const HubWindow &w : windows) {
            if (Status ok = sql::exec(query, QVariantList{w.id, w.memberId} + hubsql::windowValues(w), target,
                                      what); !ok)
                return ok;
        }
        return {};
    });
}

Result<QList<HubMember>> HubStore::members() const
{
    return sql::readAll(sql::on(m_db),
                        QStringLiteral("SELECT id, role, name, email, time_zone_id, is_admin, active "
                                       "FROM hub_members ORDER BY name, id"),
                        {}, Text::tr("read the team directory"), hubsql::memberFromRow);
}

Result<QList<HubWindow>> HubStore::windows() const
{
    return sql::readAll(sql::on(m_db),
                        QStringLiteral("SELECT id, member_id, day_mask, start_minute, end_minute, zone_id, "
                                       "label FROM hub_windows ORDER BY id"),
                        {}, Text::tr("read the team's windows"), hubsql::windowFromRow);
}

Result<QString> HubStore::state(const QString &name) const
{
    const Result<QVariant> value = sql::scalar(sql::on(m_db),
                                               QStringLiteral("SELECT value FROM hub_state WHERE key = ?"),
                                               {name}, Text::tr("read the team hub settings"));
    if (!value)
        return value.error();
    return value->toString();
}

Status HubStore::setState(const QString &name, const QString &value)
{
    return sql::exec(sql::on(m_db),
                     QStringLiteral("INSERT INTO hub_state (key, value) VALUES (?, ?) "
                                    "ON CONFLICT(key) DO UPDATE SET value = excluded.value"),
                     {name, sql::text(value)}, Text::tr("save the team hub settings"));
}

Status HubStore::clearAccount()
{
    const QString what = Text::tr("forget the team hub account");
    return m_db.inTransaction([&]() -> Status {
        for (const char *table : {"hub_members", "hub_windows", "hub_state"}) {
            if (Status ok = sql::exec(sql::on(m_db), QStringLiteral("DELETE FROM ") + QLatin1String(table), {},
                                      what); !ok)
                return ok;
        }
        return {};
    });
}

} // namespace fermata
