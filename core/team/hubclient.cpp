#include "team/hubclient.h"

#include "storage/messagerow.h"
#include "team/hubschema.h"
#include "team/hubsql.h"

#include <QAtomicInt>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <tuple>
#include <QRandomGenerator>
#include <QSqlDriver>
#include <QSqlQuery>

namespace fermata {

namespace {

QAtomicInt s_connectionCounter;

QString uuidText(const QUuid &uuid)
{
    return uuid.toString(QUuid::WithoutBraces);
}

QString uuidArray(const QList<QUuid> &uuids)
{
    QStringList items;
    items.reserve(uuids.size());
    for (const QUuid &uuid : uuids)
        items.append(uuidText(uuid));
    return QLatin1Char('{') + items.join(QLatin1Char(',')) + QLatin1Char('}');
}


// The columns hubsql::memberFromRow() reads.
const QString s_memberColumns = QStringLiteral(
    "SELECT id, role_name, display_name, email, time_zone, is_admin, active FROM fermata.members ");

} // namespace

HubClient::HubClient(QObject *parent)
    : QObject(parent)
    , m_connectionName(QStringLiteral("fermata-hub-%1").arg(s_connectionCounter.fetchAndAddRelaxed(1)))
{
}

HubClient::~HubClient()
{
    close();
}

QSqlDatabase HubClient::connection() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

bool HubClient::isOpen() const
{
    return !m_lost && QSqlDatabase::contains(m_connectionName) && connection().isOpen();
}

Status HubClient::open(const HubConfig &config, const QString &password)
{
    close();
    m_config = config;
    m_schemaVersion = -1;
    QSqlError error;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_connectionName);
        if (!db.isValid()) {
            db = QSqlDatabase();
            close();
            return Status::failure(Error::Code::Io,
                                   QStringLiteral("The PostgreSQL driver for Qt (QPSQL) is not installed; "
                                                  "install libqt6sql6-psql to use a team hub."));
        }
        db.setHostName(config.host);
        db.setPort(config.port);
        db.setDatabaseName(config.database);
        db.setUserName(config.user);
        db.setPassword(password);
        db.setConnectOptions(QStringLiteral("sslmode=%1;connect_timeout=5;application_name=fermata")
                                 .arg(config.sslMode));
        if (!db.open())
            error = db.lastError();
    }
    if (error.isValid()) {
        close();
        const QString text = error.databaseText() + error.driverText();
        if (text.contains(QLatin1String("password authentication failed"))
            || text.contains(QLatin1String("no password supplied")))
            return Status::failure(Error::Code::Database,
                                   QStringLiteral("The team hub refused the password for %1. Ask "
                                                  "the hub's administrator for a new one.")
                                       .arg(config.user));
        return Status::failure(Error::Code::Io,
                               QStringLiteral("The team hub at %1:%2 is unreachable (%3).")
                                   .arg(config.host).arg(config.port)
                                   .arg(error.databaseText().trimmed()));
    }
    // Instants travel as ms since the epoch; the session zone only matters for logs. A hub
    // call never waits longer than these, whatever another member does to the hub: the window
    // and the commands report "unreachable" and retry instead of hanging.
    for (const auto *setting : {"SET TIME ZONE 'UTC'", "SET statement_timeout = '30s'", "SET lock_timeout = '10s'"}) {
        if (Status set = sql::exec(target(), QString::fromLatin1(setting), {}, QStringLiteral("set up the session")); !set)
            return set;
    }
    return {};
}

void HubClient::close()
{
    m_lost = false;
    m_cache.clear();
    if (!QSqlDatabase::contains(m_connectionName))
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen() && db.driver())
            disconnect(db.driver(), nullptr, this, nullptr);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

Error HubClient::fail(const QString &what, const QSqlError &error)
{
    const Error result = hubsql::error(what, error);
    if (result.code == Error::Code::Io)
        m_lost = true; // closed on the next open(): queries of the caller may still be alive now
    return result;
}

sql::Target HubClient::target()
{
    return sql::Target(connection(), [this](const QString &what, const QSqlError &error) {
        return fail(what, error);
    });
}


QSqlQuery *HubClient::cached(const QString &statement, const QString &what, Status &status)
{
    auto found = m_cache.find(statement);
    if (found != m_cache.end())
        return found->second.get();
    auto query = std::make_unique<QSqlQuery>(connection());
    if (status = sql::prepare(*query, statement, target(), what); !status)
        return nullptr;
    return m_cache.emplace(statement, std::move(query)).first->second.get();
}


Status HubClient::initSchema()
{
    if (!isOpen())
        return Status::failure(Error::Code::Io, QStringLiteral("Not connected to the team hub."));
    return hubschema::migrate(connection());
}

QString HubClient::generatePassword()
{
    static const char alphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    QString password;
    for (int i = 0; i < 24; ++i)
        password.append(QLatin1Char(alphabet[QRandomGenerator::system()->bounded(int(sizeof alphabet) - 1)]));
    return password;
}

Result<NewMember> HubClient::addMember(const QString &team, const QString &name,
                                       const QString &email, const QByteArray &zoneId,
                                       bool teamAdmin)
{
    for (const auto &[field, value, limit] : {std::tuple{QStringLiteral("team name"), team, hubsql::maxNameCharacters},
                                             std::tuple{QStringLiteral("name"), name, hubsql::maxNameCharacters},
                                             std::tuple{QStringLiteral("email"), email, hubsql::maxEmailCharacters}}) {
        if (Status ok = hubsql::checkText(field, value, limit); !ok)
            return ok.error();
    }
    const QString password = generatePassword();
    const auto added = sql::readOne(
        target(), QStringLiteral("SELECT member_id, role_name FROM fermata.admin_add_member(?, ?, ?, ?, ?, ?)"),
        {sql::text(team), sql::text(name), sql::text(email), QString::fromUtf8(zoneId), sql::text(password),
         teamAdmin},
        QStringLiteral("add the member %1").arg(email),
        [&](const QSqlQuery &query) { return NewMember{query.value(0).toLongLong(), query.value(1).toString(), password}; });
    if (!added)
        return added.error();
    if (!added->has_value())
        return Error{Error::Code::Database, QStringLiteral("The team hub did not return the new member.")};
    return **added;
}

Result<QString> HubClient::removeMember(const QString &who)
{
    const Result<QVariant> role = sql::scalar(target(), QStringLiteral("SELECT fermata.admin_remove_member(?)"),
                                              {sql::text(who)}, QStringLiteral("remove the member %1").arg(who));
    if (!role)
        return role.error();
    return role->toString();
}

Result<HubMember> HubClient::me()
{
    const auto found = sql::readOne(target(), s_memberColumns + QStringLiteral("WHERE id = fermata.my_member_id()"),
                                    {}, QStringLiteral("find your membership"), hubsql::memberFromRow);
    if (!found)
        return found.error();
    if (!found->has_value())
        return Error{Error::Code::NotFound,
                     QStringLiteral("%1 is not an active member of this team hub.").arg(m_config.user)};
    return **found;
}

Result<qint64> HubClient::myTeamId()
{
    const Result<QVariant> id = sql::scalar(target(), QStringLiteral("SELECT fermata.my_team_id()"), {},
                                            QStringLiteral("find your team"));
    if (!id)
        return id.error();
    if (id->isNull())
        return Error{Error::Code::NotFound,
                     QStringLiteral("%1 is not an active member of this team hub.").arg(m_config.user)};
    return id->toLongLong();
}

Status HubClient::changePassword(const QString &newPassword)
{
    return sql::exec(target(), QStringLiteral("SELECT fermata.change_my_password(?)"), {sql::text(newPassword)},
                     QStringLiteral("change your password"));
}

Result<QList<HubMember>> HubClient::teammates()
{
    return sql::readAll(target(), s_memberColumns + QStringLiteral("ORDER BY display_name, id"), {},
                        QStringLiteral("read your team"), hubsql::memberFromRow);
}

Result<QList<HubWindow>> HubClient::windows()
{
    return sql::readAll(target(),
                        QStringLiteral("SELECT id, coalesce(member_id, 0), day_mask, start_minute, "
                                       "end_minute, time_zone, label FROM fermata.windows ORDER BY id"),
                        {}, QStringLiteral("read your team's check-in windows"), hubsql::windowFromRow);
}

Status HubClient::replaceWindows(const QList<HubWindow> &windows, bool team)
{
    const QString what = team ? QStringLiteral("publish the team's check-in windows")
                              : QStringLiteral("publish your check-in windows");
    for (const HubWindow &w : windows) {
        if (!w.rule.isValid())
            return Status::failure(Error::Code::Invalid,
                                   QStringLiteral("A check-in window needs days, a start, an end "
                                                  "and a known time zone."));
        if (Status ok = hubsql::checkText(QStringLiteral("window label"), w.label, hubsql::maxLabelCharacters); !ok)
            return ok;
    }
    if (schemaVersion() < 3) {
        const Status written = replaceWindowsDirectly(windows, team, what);
        if (!written)
            m_schemaVersion = -1; // the administrator may have upgraded the hub meanwhile
        return written;
    }
    // One call: members hold no table rights on windows (hub schema 3), so none can lock the
    // table; the hub replaces the rows and re-times held messages at commit.
    QJsonArray list;
    for (const HubWindow &w : windows) {
        const QVariantList v = hubsql::windowValues(w); // days, start, end, zone, label
        list.append(QJsonObject{{QStringLiteral("days"), v.at(0).toInt()},
                                {QStringLiteral("start"), v.at(1).toInt()},
                                {QStringLiteral("end"), v.at(2).toInt()},
                                {QStringLiteral("zone"), v.at(3).toString()},
                                {QStringLiteral("label"), v.at(4).toString()}});
    }
    const QString json = QString::fromUtf8(QJsonDocument(list).toJson(QJsonDocument::Compact));
    return sql::exec(target(), QStringLiteral("SELECT fermata.replace_windows(?, ?::jsonb)"), {team, json}, what);
}

Status HubClient::replaceWindowsDirectly(const QList<HubWindow> &windows, bool team, const QString &what)
{
    const sql::Target hub = target();
    QSqlDatabase db = connection();
    if (!db.transaction())
        return fail(what, db.lastError());
    auto rollback = [&](Status status) {
        db.rollback();
        return status;
    };
    const QString owner = team ? QStringLiteral("member_id IS NULL AND team_id = fermata.my_team_id()")
                               : QStringLiteral("member_id = fermata.my_member_id()");
    if (Status ok = sql::exec(hub, QStringLiteral("DELETE FROM fermata.windows WHERE ") + owner, {}, what); !ok)
        return rollback(ok);
    QSqlQuery query(db);
    if (Status ok = sql::prepare(query, QStringLiteral(
            "INSERT INTO fermata.windows (team_id, member_id, day_mask, start_minute, end_minute, "
            "time_zone, label) VALUES (fermata.my_team_id(), %1, ?, ?, ?, ?, ?)")
            .arg(team ? QStringLiteral("NULL") : QStringLiteral("fermata.my_member_id()")), hub, what); !ok)
        return rollback(ok);
    for (const HubWindow &w : windows) {
        if (Status ok = sql::exec(query, hubsql::windowValues(w), hub, what); !ok)
            return rollback(ok);
    }
    if (!db.commit())
        return rollback(fail(what, db.lastError()));
    return {};
}

int HubClient::schemaVersion()
{
    if (m_schemaVersion < 0) {
        const Result<QVariant> version = sql::scalar(target(), QStringLiteral("SELECT schema_version FROM fermata.hub"),
                                                     {}, QStringLiteral("read the hub's schema version"));
        if (!version)
            return 0; // not cached: asked again once the hub answers
        m_schemaVersion = version->toInt();
    }
    return m_schemaVersion;
}

Status HubClient::setMyWindows(const QList<HubWindow> &windows)
{
    return replaceWindows(windows, false);
}

Status HubClient::setTeamWindows(const QList<HubWindow> &windows)
{
    return replaceWindows(windows, true);
}

Result<QDateTime> HubClient::push(const Message &m, bool urgent)
{
    if (m.uuid.isNull())
        return Error{Error::Code::Invalid, QStringLiteral("A message needs an identifier before it is sent.")};
    if (Status ok = hubsql::checkText(QStringLiteral("subject"), m.subject, hubsql::maxSubjectCharacters); !ok)
        return ok.error();
    if (Status ok = hubsql::checkText(QStringLiteral("message"), m.body, hubsql::maxBodyCharacters); !ok)
        return ok.error();
    const QString what = QStringLiteral("send \"%1\"").arg(m.subject);
    Status status;
    // ON CONFLICT: a retry after a lost reply inserts nothing and reads the first insert back.
    QSqlQuery *query = cached(QStringLiteral(
        "INSERT INTO fermata.messages (uuid, sender_id, recipient_id, subject, body, urgent) "
        "SELECT CAST(? AS uuid), fermata.my_member_id(), r.id, ?, ?, ? FROM fermata.members r "
        "WHERE r.role_name = ? AND r.active ON CONFLICT (uuid) DO NOTHING "
        "RETURNING (extract(epoch FROM release_at) * 1000)::bigint"), what, status);
    if (!query)
        return status.error();
    if (Status ok = sql::exec(*query, {uuidText(m.uuid), sql::text(m.subject), sql::text(m.body), urgent,
                                       sql::text(m.to)}, target(), what); !ok)
        return ok.error();
    if (query->next()) {
        const QDateTime release = sql::toDateTime(query->value(0));
        query->finish();
        return release;
    }
    query->finish();
    const Result<QList<SentStatus>> sent = sentStatus({m.uuid});
    if (!sent)
        return sent.error();
    if (sent->isEmpty())
        return Error{Error::Code::NotFound,
                     QStringLiteral("\"%1\" is not an active member of your team.").arg(m.to)};
    return sent->constFirst().releaseAt;
}

Result<QDateTime> HubClient::previewRelease(const QString &recipientRole)
{
    const Result<QVariant> release = sql::scalar(
        target(), QStringLiteral("SELECT fermata.preview_release(id) FROM fermata.members WHERE role_name = ? AND active"),
        {sql::text(recipientRole)}, QStringLiteral("compute when %1 will read it").arg(recipientRole));
    if (!release)
        return release.error();
    if (release->isNull())
        return Error{Error::Code::NotFound,
                     QStringLiteral("\"%1\" is not an active member of your team.").arg(recipientRole)};
    return sql::toDateTime(*release);
}

Status HubClient::edit(const QUuid &uuid, const QString &subject, const QString &body)
{
    if (Status ok = hubsql::checkText(QStringLiteral("subject"), subject, hubsql::maxSubjectCharacters); !ok)
        return ok;
    if (Status ok = hubsql::checkText(QStringLiteral("message"), body, hubsql::maxBodyCharacters); !ok)
        return ok;
    return sql::changeRow(target(),
                          QStringLiteral("UPDATE fermata.messages SET subject = ?, body = ? WHERE uuid = CAST(? AS uuid)"),
                          {sql::text(subject), sql::text(body), uuidText(uuid)}, QStringLiteral("edit the message"),
                          QStringLiteral("The message was already released (or withdrawn); it can no "
                                         "longer be edited."));
}

Status HubClient::withdraw(const QUuid &uuid)
{
    return sql::changeRow(target(),
                          QStringLiteral("UPDATE fermata.messages SET withdrawn_at = now() WHERE uuid = CAST(? AS uuid)"),
                          {uuidText(uuid)}, QStringLiteral("withdraw the message"),
                          QStringLiteral("The message was already released; it can no longer be withdrawn."));
}

Result<QList<SentStatus>> HubClient::sentStatus(const QList<QUuid> &uuids)
{
    const QString what = QStringLiteral("read the state of sent messages");
    Status prepared;
    QSqlQuery *query = cached(QStringLiteral(
            "SELECT uuid::text, subject, body, (extract(epoch FROM release_at) * 1000)::bigint, "
            "(extract(epoch FROM delivered_at) * 1000)::bigint, "
            "(extract(epoch FROM acknowledged_at) * 1000)::bigint, withdrawn_at IS NOT NULL, urgent "
            "FROM fermata.messages WHERE sender_id = fermata.my_member_id() "
            "AND uuid = ANY (CAST(? AS uuid[]))"), what, prepared);
    if (!query)
        return prepared.error();
    if (Status ok = sql::exec(*query, {uuidArray(uuids)}, target(), what); !ok)
        return ok.error();
    QList<SentStatus> list;
    while (query->next()) {
        SentStatus s;
        s.uuid = QUuid::fromString(query->value(0).toString());
        s.subject = query->value(1).toString();
        s.body = query->value(2).toString();
        s.releaseAt = sql::toDateTime(query->value(3));
        s.deliveredAt = sql::toDateTime(query->value(4));
        s.acknowledgedAt = sql::toDateTime(query->value(5));
        s.withdrawn = query->value(6).toBool();
        s.urgent = query->value(7).toBool();
        list.append(s);
    }
    return list;
}

QString HubClient::releasedMessagesSql()
{
    // Names by primary key, not a join over the team: 200 recipients fetching at a window's
    // start made that join the release lag. The columns are those of sql::messageFromRow().
    return QStringLiteral(
        "SELECT m.uuid::text, "
        "(SELECT s.role_name FROM fermata.members s WHERE s.id = m.sender_id), "
        "(SELECT r.role_name FROM fermata.members r WHERE r.id = m.recipient_id), "
        "m.subject, m.body, "
        "(extract(epoch FROM m.created_at) * 1000)::bigint, "
        "(extract(epoch FROM m.release_at) * 1000)::bigint "
        "FROM fermata.messages m "
        "WHERE m.recipient_id = fermata.my_member_id() AND m.delivered_at IS NULL "
        "AND m.withdrawn_at IS NULL AND m.release_at <= now() "
        "ORDER BY m.release_at, m.uuid");
}

Result<QList<Message>> HubClient::fetchReleased(int limit)
{
    const QString what = QStringLiteral("fetch your messages");
    Status prepared;
    QSqlQuery *query = cached(releasedMessagesSql() + QStringLiteral(" LIMIT ?"), what, prepared);
    if (!query)
        return prepared.error();
    if (Status ok = sql::exec(*query, {limit}, target(), what); !ok)
        return ok.error();
    QList<Message> list;
    while (query->next()) {
        Message m = sql::messageFromRow(*query);
        m.state = Message::State::Delivered;
        list.append(m);
    }
    return list;
}

Status HubClient::markDelivered(const QList<QUuid> &uuids)
{
    if (uuids.isEmpty())
        return {};
    const QString what = QStringLiteral("confirm delivery");
    Status prepared;
    QSqlQuery *query = cached(QStringLiteral("SELECT fermata.mark_delivered(CAST(? AS uuid[]))"), what, prepared);
    if (!query)
        return prepared;
    return sql::exec(*query, {uuidArray(uuids)}, target(), what);
}

Status HubClient::acknowledge(const QUuid &uuid)
{
    return sql::exec(target(),
                     QStringLiteral("UPDATE fermata.messages SET acknowledged_at = now() WHERE uuid = "
                                    "CAST(? AS uuid) AND acknowledged_at IS NULL"),
                     {uuidText(uuid)}, QStringLiteral("mark the message read"));
}

Result<std::optional<QDateTime>> HubClient::nextRelease()
{
    const Result<QVariant> next = sql::scalar(target(), QStringLiteral("SELECT fermata.my_next_release()"), {},
                                              QStringLiteral("ask when your next message arrives"));
    if (!next)
        return next.error();
    if (next->isNull())
        return std::optional<QDateTime>();
    return std::optional<QDateTime>(sql::toDateTime(*next));
}

Result<ChangeBatch> HubClient::pullChanges(const QString &cursor, int limit)
{
    const QStringList parts = cursor.split(QLatin1Char(':'));
    const QString xid = parts.size() == 2 ? parts.at(0) : QStringLiteral("0");
    const qint64 seq = parts.size() == 2 ? parts.at(1).toLongLong() : 0;
    Result<QSqlQuery> found = sql::run(target(), QStringLiteral(
            "SELECT xid::text, seq, kind, coalesce(member_id, 0), message_uuid::text "
            "FROM fermata.changes WHERE (xid, seq) > (CAST(? AS xid8), CAST(? AS bigint)) "
            "AND xid < pg_snapshot_xmin(pg_current_snapshot()) ORDER BY xid, seq LIMIT ?"),
            {xid, seq, limit}, QStringLiteral("read what changed"));
    if (!found)
        return found.error();
    QSqlQuery &query = found.value();
    ChangeBatch batch;
    batch.cursor = cursor;
    while (query.next()) {
        HubChange change;
        change.kind = query.value(2).toString();
        change.memberId = query.value(3).toLongLong();
        if (!query.value(4).isNull())
            change.message = QUuid::fromString(query.value(4).toString());
        batch.changes.append(change);
        batch.cursor = query.value(0).toString() + QLatin1Char(':') + query.value(1).toString();
    }
    return batch;
}

bool HubClient::subscribe(qint64 teamId)
{
    QSqlDatabase db = connection();
    if (!db.isOpen() || !db.driver())
        return false;
    // Schema 3: the team's channel has a name only its members can read.
    QString channel = QStringLiteral("fermata_team_%1").arg(teamId);
    if (schemaVersion() >= 3) {
        const Result<QVariant> named = sql::scalar(target(), QStringLiteral("SELECT channel FROM fermata.teams WHERE id = ?"),
                                                   {teamId}, QStringLiteral("listen for your team's changes"));
        if (!named || named->toString().isEmpty())
            return false;
        channel = named->toString();
    }
    if (db.driver()->subscribedToNotifications().contains(channel))
        return true;
    if (db.driver()->subscribedToNotifications().isEmpty()) {
        connect(db.driver(), &QSqlDriver::notification, this, [this](const QString &name) {
            const QSqlDatabase current = connection();
            if (current.driver() && current.driver()->subscribedToNotifications().contains(name))
                Q_EMIT nudged();
        });
    }
    return db.driver()->subscribeToNotification(channel);
}

} // namespace fermata
