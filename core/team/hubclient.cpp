#include "team/hubclient.h"

#include "storage/messagerow.h"
#include "team/hubschema.h"
#include "team/hubsql.h"

#include <QAtomicInt>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <tuple>
#include <QRandomGenerator>
#include <QSqlDriver>
#include <QSqlQuery>

#include <libpq-fe.h>

namespace {

// Messages people read, filed under the team context of the core's translations.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(fermata::Team)
};

} // namespace

namespace fermata {

namespace {

QAtomicInt s_connectionCounter;
// Members reach the hub only through the functions of this schema version.
constexpr int s_memberSchema = 4;

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
    "SELECT id, role_name, display_name, email, time_zone, is_admin, active FROM fermata.team_members() ");

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

bool HubClient::connectionBroken() const
{
    if (m_lost)
        return true;
    if (!QSqlDatabase::contains(m_connectionName))
        return false;
    const QSqlDatabase db = connection();
    if (!db.driver())
        return false;
    if (!db.isOpen()) // QPSQL's isOpen() is PQstatus() == CONNECTION_OK: opened here, so it broke
        return true;
    const QVariant handle = db.driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "PGconn*") != 0)
        return false;
    PGconn *const *pg = static_cast<PGconn *const *>(handle.constData());
    return pg && *pg && PQstatus(*pg) == CONNECTION_BAD;
}

Status HubClient::open(const HubConfig &config, const QString &password)
{
    close();
    m_config = config;
    QSqlError error;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_connectionName);
        if (!db.isValid()) {
            db = QSqlDatabase();
            close();
            return Status::failure(Error::Code::Io,
                                   Text::tr("The PostgreSQL driver for Qt (QPSQL) is not installed; "
                                            "install libqt6sql6-psql to use a team hub."));
        }
        // libpq takes every server in one connection string and, with target_session_attrs,
        // keeps the first that accepts writes: after a failover it finds the new primary.
        db.setHostName(config.libpqHosts());
        db.setDatabaseName(config.database);
        db.setUserName(config.user);
        db.setPassword(password);
        QString options = QStringLiteral("port=%1;sslmode=%2;connect_timeout=5;application_name=fermata;"
                                         // A server that vanished without closing the connection
                                         // is noticed within about 20 s even while idle.
                                         "keepalives=1;keepalives_idle=10;keepalives_interval=3;"
                                         "keepalives_count=3")
                              .arg(config.libpqPorts(), config.sslMode);
        if (const QString attrs = config.effectiveTargetSessionAttrs(); !attrs.isEmpty())
            options += QStringLiteral(";target_session_attrs=") + attrs;
        db.setConnectOptions(options);
        if (!db.open())
            error = db.lastError();
    }
    if (error.isValid()) {
        close();
        const QString text = error.databaseText() + error.driverText();
        if (text.contains(QLatin1String("password authentication failed"))
            || text.contains(QLatin1String("no password supplied")))
            return Status::failure(Error::Code::Database,
                                   Text::tr("The team hub refused the password for %1. Ask "
                                            "the hub's administrator for a new one.")
                                       .arg(config.user));
        return Status::failure(Error::Code::Io,
                               Text::tr("The team hub at %1 is unreachable (%2).")
                                   .arg(config.serversText(), error.databaseText().trimmed()));
    }
    // Instants travel as ms since the epoch; the session zone only matters for logs. A hub
    // call never waits longer than these, whatever another member does to the hub: the window
    // and the commands report "unreachable" and retry instead of hanging.
    for (const auto *setting : {"SET TIME ZONE 'UTC'", "SET statement_timeout = '30s'", "SET lock_timeout = '10s'"}) {
        if (Status set = sql::exec(target(), QString::fromLatin1(setting), {}, Text::tr("set up the session")); !set)
            return set;
    }
    return checkMemberSchema();
}

Status HubClient::checkMemberSchema()
{
    // Members reach the hub through the functions of schema 4 only. The administrator may
    // open an older hub (or an empty database) to upgrade it.
    const auto found = sql::readOne(
        target(),
        QStringLiteral("SELECT h.schema_version, fermata.my_member_id() IS NOT NULL FROM fermata.hub h "
                       "WHERE pg_catalog.has_schema_privilege('fermata', 'USAGE')"),
        {}, Text::tr("read the hub's schema version"),
        [](const QSqlQuery &q) { return std::pair{q.value(0).toInt(), q.value(1).toBool()}; });
    if (!found || !found->has_value())
        return {};
    const auto [version, member] = **found;
    m_schemaVersion = version;
    if (member && version < s_memberSchema) {
        const HubConfig config = m_config;
        close();
        return Status::failure(Error::Code::Database,
                               Text::tr("The team hub at %1 still runs hub schema %2; this Fermata needs "
                                        "%3. Ask the hub's administrator to run 'fermata hub init' once "
                                        "to upgrade it. Nothing is lost meanwhile: messages wait here.")
                                   .arg(config.serversText()).arg(version).arg(s_memberSchema));
    }
    return {};
}

void HubClient::close()
{
    m_lost = false;
    m_schemaVersion = 0;
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
        return Status::failure(Error::Code::Io, Text::tr("Not connected to the team hub."));
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
    for (const auto &[field, value, limit] : {std::tuple{Text::tr("team name"), team, hubsql::maxNameCharacters},
                                             std::tuple{Text::tr("name"), name, hubsql::maxNameCharacters},
                                             std::tuple{Text::tr("email"), email, hubsql::maxEmailCharacters}}) {
        if (Status ok = hubsql::checkText(field, value, limit); !ok)
            return ok.error();
    }
    const QString password = generatePassword();
    const auto added = sql::readOne(
        target(), QStringLiteral("SELECT member_id, role_name FROM fermata.admin_add_member(?, ?, ?, ?, ?, ?)"),
        {sql::text(team), sql::text(name), sql::text(email), QString::fromUtf8(zoneId), sql::text(password),
         teamAdmin},
        Text::tr("add the member %1").arg(email),
        [&](const QSqlQuery &query) { return NewMember{query.value(0).toLongLong(), query.value(1).toString(), password}; });
    if (!added)
        return added.error();
    if (!added->has_value())
        return Error{Error::Code::Database, Text::tr("The team hub did not return the new member.")};
    return **added;
}

Result<QString> HubClient::removeMember(const QString &who)
{
    const Result<QVariant> role = sql::scalar(target(), QStringLiteral("SELECT fermata.admin_remove_member(?)"),
                                              {sql::text(who)}, Text::tr("remove the member %1").arg(who));
    if (!role)
        return role.error();
    return role->toString();
}

Result<HubMember> HubClient::me()
{
    const auto found = sql::readOne(target(), s_memberColumns + QStringLiteral("WHERE id = fermata.my_member_id()"),
                                    {}, Text::tr("find your membership"), hubsql::memberFromRow);
    if (!found)
        return found.error();
    if (!found->has_value())
        return Error{Error::Code::NotFound,
                     Text::tr("%1 is not an active member of this team hub.").arg(m_config.user)};
    return **found;
}

Result<qint64> HubClient::myTeamId()
{
    const Result<QVariant> id = sql::scalar(target(), QStringLiteral("SELECT fermata.my_team_id()"), {},
                                            Text::tr("find your team"));
    if (!id)
        return id.error();
    if (id->isNull())
        return Error{Error::Code::NotFound,
                     Text::tr("%1 is not an active member of this team hub.").arg(m_config.user)};
    return id->toLongLong();
}

Status HubClient::changePassword(const QString &newPassword)
{
    return sql::exec(target(), QStringLiteral("SELECT fermata.change_my_password(?)"), {sql::text(newPassword)},
                     Text::tr("change your password"));
}

Result<QList<HubMember>> HubClient::teammates()
{
    return sql::readAll(target(), s_memberColumns, {},
                        Text::tr("read your team"), hubsql::memberFromRow);
}

Result<QList<HubWindow>> HubClient::windows()
{
    return sql::readAll(target(),
                        QStringLiteral("SELECT id, member_id, day_mask, start_minute, end_minute, time_zone, "
                                       "label FROM fermata.team_windows()"),
                        {}, Text::tr("read your team's check-in windows"), hubsql::windowFromRow);
}

Status HubClient::replaceWindows(const QList<HubWindow> &windows, bool team)
{
    const QString what = team ? Text::tr("publish the team's check-in windows")
                              : Text::tr("publish your check-in windows");
    for (const HubWindow &w : windows) {
        if (!w.rule.isValid())
            return Status::failure(Error::Code::Invalid,
                                   Text::tr("A check-in window needs days, a start, an end "
                                            "and a known time zone."));
        if (Status ok = hubsql::checkText(Text::tr("window label"), w.label, hubsql::maxLabelCharacters); !ok)
            return ok;
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
        return Error{Error::Code::Invalid, Text::tr("A message needs an identifier before it is sent.")};
    if (Status ok = hubsql::checkText(Text::tr("subject"), m.subject, hubsql::maxSubjectCharacters); !ok)
        return ok.error();
    if (Status ok = hubsql::checkText(Text::tr("message"), m.body, hubsql::maxBodyCharacters); !ok)
        return ok.error();
    const QString what = QStringLiteral("send \"%1\"").arg(m.subject);
    Status status;
    // The hub's send_message() is idempotent: a retry after a lost reply (or a failover)
    // inserts nothing and returns the first release time.
    QSqlQuery *query = cached(QStringLiteral("SELECT fermata.send_message(CAST(? AS uuid), ?, ?, ?, ?)"), what,
                              status);
    if (!query)
        return status.error();
    if (Status ok = sql::exec(*query, {uuidText(m.uuid), sql::text(m.subject), sql::text(m.body), urgent,
                                       sql::text(m.to)}, target(), what); !ok)
        return ok.error();
    const QVariant release = query->next() ? query->value(0) : QVariant();
    query->finish();
    if (release.isNull())
        return Error{Error::Code::NotFound,
                     Text::tr("\"%1\" is not an active member of your team.").arg(m.to)};
    return sql::toDateTime(release);
}

Result<QList<std::optional<QDateTime>>> HubClient::pushAll(const QList<Outgoing> &messages)
{
    QList<std::optional<QDateTime>> releases;
    if (messages.isEmpty())
        return releases;
    QJsonArray list;
    for (const Outgoing &o : messages) {
        list.append(QJsonObject{{QStringLiteral("uuid"), uuidText(o.message.uuid)},
                                {QStringLiteral("to"), o.message.to},
                                {QStringLiteral("subject"), o.message.subject},
                                {QStringLiteral("body"), o.message.body},
                                {QStringLiteral("urgent"), o.urgent}});
    }
    const QString what = Text::tr("send %1 messages").arg(messages.size());
    Status prepared;
    QSqlQuery *query = cached(QStringLiteral("SELECT uuid, release_ms FROM fermata.send_messages(CAST(? AS jsonb))"),
                              what, prepared);
    if (!query)
        return prepared.error();
    if (Status ok = sql::exec(*query, {QString::fromUtf8(QJsonDocument(list).toJson(QJsonDocument::Compact))},
                              target(), what); !ok)
        return ok.error();
    QHash<QUuid, std::optional<QDateTime>> byUuid;
    while (query->next()) {
        const QVariant release = query->value(1);
        byUuid.insert(QUuid::fromString(query->value(0).toString()),
                      release.isNull() ? std::nullopt : std::optional<QDateTime>(sql::toDateTime(release)));
    }
    query->finish();
    for (const Outgoing &o : messages)
        releases.append(byUuid.value(o.message.uuid));
    return releases;
}

Result<QDateTime> HubClient::previewRelease(const QString &recipientRole)
{
    const Result<QVariant> release = sql::scalar(
        target(), QStringLiteral("SELECT fermata.preview_release_for(?)"),
        {sql::text(recipientRole)}, Text::tr("compute when %1 will read it").arg(recipientRole));
    if (!release)
        return release.error();
    if (release->isNull())
        return Error{Error::Code::NotFound,
                     Text::tr("\"%1\" is not an active member of your team.").arg(recipientRole)};
    return sql::toDateTime(*release);
}

Status HubClient::edit(const QUuid &uuid, const QString &subject, const QString &body)
{
    if (Status ok = hubsql::checkText(Text::tr("subject"), subject, hubsql::maxSubjectCharacters); !ok)
        return ok;
    if (Status ok = hubsql::checkText(Text::tr("message"), body, hubsql::maxBodyCharacters); !ok)
        return ok;
    const Result<QVariant> edited = sql::scalar(target(), QStringLiteral("SELECT fermata.edit_message(CAST(? AS uuid), ?, ?)"),
                                                {uuidText(uuid), sql::text(subject), sql::text(body)},
                                                Text::tr("edit the message"));
    if (!edited)
        return edited.error();
    if (!edited->toBool())
        return Status::failure(Error::Code::NotFound, Text::tr("The message was already released (or "
                                                               "withdrawn); it can no longer be edited."));
    return {};
}

Status HubClient::withdraw(const QUuid &uuid)
{
    const Result<QVariant> withdrawn = sql::scalar(target(), QStringLiteral("SELECT fermata.withdraw_message(CAST(? AS uuid))"),
                                                   {uuidText(uuid)}, Text::tr("withdraw the message"));
    if (!withdrawn)
        return withdrawn.error();
    if (!withdrawn->toBool())
        return Status::failure(Error::Code::NotFound,
                               Text::tr("The message was already released; it can no longer be withdrawn."));
    return {};
}

Result<QList<SentStatus>> HubClient::sentStatus(const QList<QUuid> &uuids)
{
    const QString what = Text::tr("read the state of sent messages");
    Status prepared;
    QSqlQuery *query = cached(QStringLiteral(
            "SELECT uuid, subject, body, release_ms, delivered_ms, acknowledged_ms, withdrawn, urgent "
            "FROM fermata.sent_status(CAST(? AS uuid[]))"), what, prepared);
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

Result<QList<Message>> HubClient::fetchReleased(int limit)
{
    const QString what = Text::tr("fetch your messages");
    Status prepared;
    // The columns of sql::messageFromRow(), then urgent.
    QSqlQuery *query = cached(QStringLiteral("SELECT uuid, sender, recipient, subject, body, created_ms, "
                                             "release_ms, urgent FROM fermata.released_messages(?)"),
                              what, prepared);
    if (!query)
        return prepared.error();
    if (Status ok = sql::exec(*query, {limit}, target(), what); !ok)
        return ok.error();
    QList<Message> list;
    while (query->next()) {
        Message m = sql::messageFromRow(*query);
        m.state = Message::State::Delivered;
        m.urgent = query->value(7).toBool();
        list.append(m);
    }
    return list;
}

Status HubClient::markDelivered(const QList<QUuid> &uuids)
{
    if (uuids.isEmpty())
        return {};
    const QString what = Text::tr("confirm delivery");
    Status prepared;
    QSqlQuery *query = cached(QStringLiteral("SELECT fermata.mark_delivered(CAST(? AS uuid[]))"), what, prepared);
    if (!query)
        return prepared;
    return sql::exec(*query, {uuidArray(uuids)}, target(), what);
}

Status HubClient::acknowledge(const QUuid &uuid)
{
    return sql::exec(target(), QStringLiteral("SELECT fermata.acknowledge(CAST(? AS uuid[]))"),
                     {uuidArray({uuid})}, Text::tr("mark the message read"));
}

Result<std::optional<QDateTime>> HubClient::nextRelease()
{
    const Result<QVariant> next = sql::scalar(target(), QStringLiteral("SELECT fermata.my_next_release()"), {},
                                              Text::tr("ask when your next message arrives"));
    if (!next)
        return next.error();
    if (next->isNull())
        return std::optional<QDateTime>();
    return std::optional<QDateTime>(sql::toDateTime(*next));
}

Result<ChangeBatch> HubClient::pullChanges(const QString &cursor, int limit)
{
    const QStringList parts = cursor.split(QLatin1Char(':'));
    // "ordinal:seq" (schema 4; older cursors were "xid:seq", and the ordinals of old rows
    // are their xids, so they carry over). See my_changes() in sql/hub_v4.sql.
    const qint64 ordinal = parts.size() == 2 ? parts.at(0).toLongLong() : 0;
    const qint64 seq = parts.size() == 2 ? parts.at(1).toLongLong() : 0;
    Result<QSqlQuery> found = sql::run(target(), QStringLiteral(
            "SELECT ordinal, seq, kind, coalesce(member_id, 0), message_uuid::text "
            "FROM fermata.my_changes(?, ?, ?)"),
            {ordinal, seq, limit}, Text::tr("read what changed"));
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

Result<QHash<QUuid, bool>> HubClient::shareCommitments(const QList<OutgoingCommitment> &commitments)
{
    QHash<QUuid, bool> accepted;
    if (commitments.isEmpty())
        return accepted;
    QJsonArray list;
    for (const OutgoingCommitment &o : commitments) {
        const Commitment &c = o.commitment;
        list.append(QJsonObject{
            {QStringLiteral("uuid"), uuidText(c.uuid)},
            {QStringLiteral("title"), c.title},
            {QStringLiteral("estimate"), c.estimateMinutes},
            {QStringLiteral("due_ms"), c.due.isValid() ? QJsonValue(c.due.toMSecsSinceEpoch()) : QJsonValue()},
            {QStringLiteral("status"), commitmentStatusKey(c.status)},
            {QStringLiteral("finish_day"), c.finishDay.isValid() ? QJsonValue(c.finishDay.toString(Qt::ISODate)) : QJsonValue()},
            {QStringLiteral("note"), c.publicNote.isEmpty() ? QJsonValue() : QJsonValue(c.publicNote)},
            {QStringLiteral("revision"), o.revision},
        });
    }
    const QString what = commitments.size() == 1 ? Text::tr("share \"%1\" with your team").arg(commitments.constFirst().commitment.title)
                                                 : Text::tr("share %1 commitments with your team").arg(commitments.size());
    Result<QSqlQuery> found = sql::run(target(), QStringLiteral(
            "SELECT commitment, accepted FROM fermata.share_commitments(CAST(? AS jsonb))"),
            {QString::fromUtf8(QJsonDocument(list).toJson(QJsonDocument::Compact))}, what);
    if (!found)
        return found.error();
    QSqlQuery &query = found.value();
    while (query.next())
        accepted.insert(QUuid::fromString(query.value(0).toString()), query.value(1).toBool());
    return accepted;
}

Status HubClient::withdrawCommitments(const QList<QUuid> &uuids)
{
    if (uuids.isEmpty())
        return {};
    return sql::exec(target(), QStringLiteral("SELECT fermata.withdraw_commitments(CAST(? AS uuid[]))"),
                     {uuidArray(uuids)}, Text::tr("stop sharing with your team"));
}

Result<QList<Commitment>> HubClient::teamCommitments(const std::optional<QList<QUuid>> &only)
{
    return sql::readAll(
        target(),
        QStringLiteral("SELECT commitment, owner_id, owner_role, title, estimate_minutes, due_ms, status, "
                       "finish_day, public_note FROM fermata.team_commitments(CAST(? AS uuid[]))"),
        {only ? QVariant(uuidArray(*only)) : QVariant(QMetaType::fromType<QString>())},
        Text::tr("read your team's commitments"), [](const QSqlQuery &q) {
            Commitment c;
            c.uuid = QUuid::fromString(q.value(0).toString());
            c.ownerId = q.value(1).toLongLong();
            c.ownerRole = q.value(2).toString();
            c.title = q.value(3).toString();
            c.estimateMinutes = q.value(4).toInt();
            c.due = sql::toDateTime(q.value(5));
            c.status = commitmentStatusFromKey(q.value(6).toString()).value_or(Commitment::Status::Planned);
            c.finishDay = q.value(7).isNull() ? QDate() : QDate::fromString(q.value(7).toString(), Qt::ISODate);
            c.publicNote = q.value(8).toString();
            return c;
        });
}

Result<bool> HubClient::feedHeldBack(const QString &cursor)
{
    const QStringList parts = cursor.split(QLatin1Char(':'));
    const qint64 ordinal = parts.size() == 2 ? parts.at(0).toLongLong() : 0;
    const qint64 seq = parts.size() == 2 ? parts.at(1).toLongLong() : 0;
    const Result<QVariant> held = sql::scalar(target(), QStringLiteral("SELECT fermata.my_feed_held_back(?, ?)"),
                                              {ordinal, seq}, QStringLiteral("read what changed"));
    if (!held) {
        // A hub before schema 8 has no such check: nothing more to learn there.
        if (held.error().code == Error::Code::Io)
            return held.error();
        return false;
    }
    return held->toBool();
}

Status HubClient::setMyWaits(const QList<QUuid> &uuids)
{
    return sql::exec(target(), QStringLiteral("SELECT fermata.set_my_waits(CAST(? AS uuid[]))"), {uuidArray(uuids)},
                     Text::tr("tell your team which of their tasks you wait for"));
}

Result<QList<HubClient::Waiter>> HubClient::commitmentWaiters(const std::optional<QList<QUuid>> &only)
{
    return sql::readAll(target(),
                        QStringLiteral("SELECT commitment, member_id FROM fermata.commitment_waiters(CAST(? AS uuid[]))"),
                        {only ? QVariant(uuidArray(*only)) : QVariant(QMetaType::fromType<QString>())},
                        Text::tr("read who waits for your team's commitments"), [](const QSqlQuery &q) {
                            return Waiter{QUuid::fromString(q.value(0).toString()), q.value(1).toLongLong()};
                        });
}

bool HubClient::isListening() const
{
    const QSqlDatabase db = connection();
    return db.isOpen() && db.driver() && !db.driver()->subscribedToNotifications().isEmpty();
}

bool HubClient::subscribe(qint64 teamId)
{
    QSqlDatabase db = connection();
    if (!db.isOpen() || !db.driver())
        return false;
    // The team's channel has a name only its members can read (hub schema 3).
    Q_UNUSED(teamId)
    const Result<QVariant> named = sql::scalar(target(), QStringLiteral("SELECT fermata.my_channel()"), {},
                                               Text::tr("listen for your team's changes"));
    if (!named || named->toString().isEmpty())
        return false;
    const QString channel = named->toString();
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
