#include "commands/hubcommand.h"

#include "apppaths.h"
#include "commands/commands.h"
#include "storage/repositories.h"
#include "team/hubclient.h"
#include "team/hubschema.h"
#include "team/hubstore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QRegularExpression>
#include <QTimer>
#include <QTimeZone>

#include <cstdio>

namespace fermata {

namespace {

// The translation context of what `fermata hub` says (issue 18).
struct CliText
{
    Q_DECLARE_TR_FUNCTIONS(fermata::cli::hub)
};

const QString s_adminUrlKey = QStringLiteral("admin_url");

QString secretsPath(const AppPaths &paths)
{
    return QDir(paths.dataDir()).filePath(QStringLiteral("hub-secrets.json"));
}

void warnAboutSecrets(const SecretStore &secrets, QTextStream &err)
{
    if (!secrets.warning().isEmpty())
        err << "fermata: " << CliText::tr("warning: %1").arg(secrets.warning()) << Qt::endl;
}

// Opens the hub as its administrator: --url (or the one `hub init` remembered), with the
// password from the URL, FERMATA_HUB_PASSWORD, the keychain (saved by init) or stdin.
bool openAdmin(HubSession &session, const QString &urlOption, HubClient &client, QTextStream &err)
{
    HubStore store(session.core->database());
    const QString url = urlOption.isEmpty() ? store.state(s_adminUrlKey).value() : urlOption;
    if (url.isEmpty()) {
        err << "fermata hub: "
            << CliText::tr("Give the hub's administrator address with --url "
                           "postgresql://ADMIN@HOST:PORT/DB (or run 'fermata hub init' first).")
            << Qt::endl;
        return false;
    }
    const Result<HubConfig> config = HubConfig::fromUrl(url);
    if (!config) {
        err << "fermata hub: " << config.error().message << Qt::endl;
        return false;
    }
    const QString key = QStringLiteral("admin:") + config->accountKey();
    QString password = config->passwordInUrl;
    if (password.isEmpty() && qEnvironmentVariableIsSet("FERMATA_HUB_PASSWORD"))
        password = qEnvironmentVariable("FERMATA_HUB_PASSWORD");
    if (password.isEmpty()) {
        const Result<QString> stored = session.secrets->read(key);
        password = stored ? *stored : readPassword();
    }
    if (const Status opened = client.open(*config, password); !opened) {
        err << "fermata hub: " << opened.error().message << Qt::endl;
        return false;
    }
    (void)session.secrets->write(key, password);
    HubConfig remembered = *config;
    remembered.passwordInUrl.clear();
    (void)store.setState(s_adminUrlKey, remembered.toUrl());
    return true;
}

int initHub(HubSession &session, const QCommandLineParser &parser, QTextStream &out, QTextStream &err)
{
    if (!parser.isSet(QStringLiteral("url"))) {
        err << "fermata hub init: "
            << CliText::tr("Give the database with --url postgresql://ADMIN@HOST:PORT/DB.") << Qt::endl;
        return ExitUsage;
    }
    HubClient client;
    if (!openAdmin(session, parser.value(QStringLiteral("url")), client, err))
        return ExitFailure;
    if (const Status migrated = client.initSchema(); !migrated) {
        err << "fermata hub init: " << migrated.error().message << Qt::endl;
        return ExitFailure;
    }
    const Result<bool> hidden = hubschema::hideServerActivity(client.connection());
    if (!hidden) {
        err << "fermata hub init: " << hidden.error().message << Qt::endl;
        return ExitFailure;
    }
    out << CliText::tr("The team hub at %1 is ready (schema version %2).")
               .arg(client.config().toUrl(), QString::number(hubschema::latestVersion()))
        << Qt::endl;
    if (const Result<bool> sees = hubschema::membersSeeSessions(client.connection()); sees && *sees)
        out << CliText::tr(
            "Members can still list which logins are connected to this server (PostgreSQL shows "
            "its sessions to every login). To hide them, run 'fermata hub init' once more as a "
            "superuser (for example postgres); on a managed service, see the README.")
            << Qt::endl;
    else if (sees)
        out << CliText::tr(
            "Members cannot see who is connected: the server's sessions and activity are hidden "
            "from them in this database.")
            << Qt::endl;
    out << CliText::tr(
        "Add people with: fermata hub add-member --team TEAM --name NAME --email EMAIL --tz ZONE")
        << Qt::endl;
    warnAboutSecrets(*session.secrets, err);
    return ExitOk;
}

int addMember(HubSession &session, const QCommandLineParser &parser, QTextStream &out, QTextStream &err)
{
    const QString team = parser.value(QStringLiteral("team"));
    const QString name = parser.value(QStringLiteral("name"));
    const QString email = parser.value(QStringLiteral("email"));
    const QString zone = parser.value(QStringLiteral("tz"));
    if (team.isEmpty() || name.isEmpty() || email.isEmpty() || zone.isEmpty()) {
        err << "fermata hub add-member: "
            << CliText::tr(
                   "--team, --name, --email and --tz are all needed, e.g.\n"
                   "  fermata hub add-member --team Design --name \"Ada Lovelace\" --email ada@example.com "
                   "--tz Europe/London")
            << Qt::endl;
        return ExitUsage;
    }
    for (const auto &[field, value] : { std::pair { CliText::tr("team"), team },
             std::pair { CliText::tr("name"), name }, std::pair { CliText::tr("email"), email } }) {
        if (!checkCommandLineText(QStringLiteral("hub add-member"), field, value, err))
            return ExitUsage;
    }
    HubClient client;
    if (!openAdmin(session, parser.value(QStringLiteral("url")), client, err))
        return ExitFailure;
    const Result<NewMember> added = client.addMember(team, name, email, zone.toUtf8(),
                                                     parser.isSet(QStringLiteral("admin")));
    if (!added) {
        err << "fermata hub add-member: " << added.error().message << Qt::endl;
        return ExitFailure;
    }
    HubConfig memberConfig = client.config();
    memberConfig.user = added->role;
    out << CliText::tr("Added %1 <%2> to team %3.").arg(name, email, team) << Qt::endl
        << CliText::tr("Login: %1").arg(added->role) << Qt::endl
        << CliText::tr("One-time password: %1").arg(added->password) << Qt::endl
        << CliText::tr("They join with: fermata hub join --url %1 --user %2")
               .arg(memberConfig.toUrl(), added->role)
        << Qt::endl
        << CliText::tr(
               "(the password is shown only now; joining replaces it with one kept in their keychain)")
        << Qt::endl;
    return ExitOk;
}

int removeMember(HubSession &session, const QCommandLineParser &parser, QTextStream &out, QTextStream &err)
{
    QString who = parser.value(QStringLiteral("email"));
    if (who.isEmpty())
        who = parser.value(QStringLiteral("user"));
    if (who.isEmpty())
        who = parser.positionalArguments().value(1);
    if (who.isEmpty()) {
        err << "fermata hub remove-member: " << CliText::tr("Say who, with --email EMAIL or --user LOGIN.")
            << Qt::endl;
        return ExitUsage;
    }
    HubClient client;
    if (!openAdmin(session, parser.value(QStringLiteral("url")), client, err))
        return ExitFailure;
    const Result<QString> removed = client.removeMember(who);
    if (!removed) {
        err << "fermata hub remove-member: " << removed.error().message << Qt::endl;
        return ExitFailure;
    }
    out << CliText::tr("Removed %1: the login %2 can no longer connect.").arg(who, *removed) << Qt::endl;
    return ExitOk;
}

int join(HubSession &session, const QCommandLineParser &parser, QTextStream &out, QTextStream &err)
{
    const Result<HubConfig> parsed = HubConfig::fromUrl(parser.value(QStringLiteral("url")));
    if (!parsed) {
        err << "fermata hub join: " << parsed.error().message << Qt::endl;
        return ExitUsage;
    }
    HubConfig config = *parsed;
    if (parser.isSet(QStringLiteral("user")))
        config.user = parser.value(QStringLiteral("user"));
    if (config.user.isEmpty()) {
        err << "fermata hub join: " << CliText::tr("Give your login with --user (add-member printed it).")
            << Qt::endl;
        return ExitUsage;
    }
    const QString password = config.passwordInUrl.isEmpty() ? readPassword() : config.passwordInUrl;
    config.passwordInUrl.clear();
    if (const Status joined = session.service->join(config, password); !joined) {
        err << "fermata hub join: " << joined.error().message << Qt::endl;
        return ExitFailure;
    }
    const auto me = session.service->directory().me();
    out << CliText::tr("Joined the team hub as %1 (%2); %n teammates.", nullptr,
        int(session.service->directory().teammates().size()))
               .arg(me ? me->name : config.user, me ? QString::fromUtf8(me->timeZoneId) : QString())
        << Qt::endl;
    warnAboutSecrets(*session.secrets, err);
    return ExitOk;
}

QJsonObject windowJson(const HubWindow &w)
{
    static const char *days[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
    QJsonArray dayList;
    for (int d = 1; d <= 7; ++d) {
        if (w.rule.appliesOn(Qt::DayOfWeek(d)))
            dayList.append(QLatin1String(days[d - 1]));
    }
    return QJsonObject{{QStringLiteral("days"), dayList},
                       {QStringLiteral("start"), w.rule.start().toString(u"HH:mm")},
                       {QStringLiteral("end"), w.rule.end().toString(u"HH:mm")},
                       {QStringLiteral("tz"), QString::fromUtf8(w.rule.zoneId())},
                       {QStringLiteral("label"), w.label},
                       {QStringLiteral("team"), w.isTeamWindow()}};
}

int showTeam(HubSession &session, bool json, QTextStream &out)
{
    const TeamDirectory &directory = session.service->directory();
    QJsonArray members;
    for (const HubMember &m : directory.members()) {
        if (!m.isActive)
            continue;
        QJsonArray windows;
        for (const HubWindow &w : directory.windowsOf(m.id))
            windows.append(windowJson(w));
        members.append(QJsonObject{{QStringLiteral("login"), m.role}, {QStringLiteral("name"), m.name},
                                   {QStringLiteral("email"), m.email},
                                   {QStringLiteral("tz"), QString::fromUtf8(m.timeZoneId)},
                                   {QStringLiteral("me"), m.id == directory.myId()},
                                   {QStringLiteral("windows"), windows}});
    }
    QJsonArray teamWindows;
    for (const HubWindow &w : directory.teamWindows())
        teamWindows.append(windowJson(w));
    if (json) {
        out << QJsonDocument(QJsonObject{{QStringLiteral("members"), members},
                                         {QStringLiteral("team_windows"), teamWindows}})
                   .toJson(QJsonDocument::Indented);
        return ExitOk;
    }
    for (const QJsonValue &value : members) {
        const QJsonObject m = value.toObject();
        out << m.value(QStringLiteral("name")).toString() << " <"
            << m.value(QStringLiteral("email")).toString() << ">  "
            << m.value(QStringLiteral("tz")).toString() << "  "
            << CliText::tr("login %1").arg(m.value(QStringLiteral("login")).toString()) << '\n';
        for (const QJsonValue &w : m.value(QStringLiteral("windows")).toArray()) {
            const QJsonObject o = w.toObject();
            QStringList days;
            for (const QJsonValue &d : o.value(QStringLiteral("days")).toArray())
                days.append(d.toString());
            out << "    "
                << CliText::tr("reads %1 %2-%3")
                       .arg(days.join(QLatin1Char(',')), o.value(QStringLiteral("start")).toString(),
                           o.value(QStringLiteral("end")).toString())
                << '\n';
        }
    }
    out.flush();
    return ExitOk;
}

// "mon-fri 09:00-09:30", "daily 14:00-14:15", "mon,wed 16:00-16:20".
std::optional<WeeklyRule> parseWindow(const QString &spec, const QByteArray &zone)
{
    static const QRegularExpression pattern(QStringLiteral(
        "^\\s*([a-z,\\-]+)\\s+(\\d{1,2}:\\d{2})\\s*-\\s*(\\d{1,2}:\\d{2})\\s*$"));
    const QRegularExpressionMatch match = pattern.match(spec.toLower());
    if (!match.hasMatch())
        return std::nullopt;
    static const QStringList names = {QStringLiteral("mon"), QStringLiteral("tue"), QStringLiteral("wed"),
                                      QStringLiteral("thu"), QStringLiteral("fri"), QStringLiteral("sat"),
                                      QStringLiteral("sun")};
    quint8 mask = 0;
    const QString days = match.captured(1);
    if (days == u"daily" || days == u"everyday")
        mask = WeeklyRule::EveryDay;
    else if (days == u"weekdays")
        mask = WeeklyRule::Weekdays;
    else {
        for (const QString &part : days.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const QStringList range = part.split(QLatin1Char('-'));
            const qsizetype from = names.indexOf(range.value(0).left(3));
            const qsizetype to = names.indexOf(range.value(range.size() - 1).left(3));
            if (from < 0 || to < 0 || range.size() > 2)
                return std::nullopt;
            for (qsizetype d = from;; d = (d + 1) % 7) {
                mask |= quint8(1u << d);
                if (d == to)
                    break;
            }
        }
    }
    const QTime start = QTime::fromString(match.captured(2), QStringLiteral("H:mm"));
    const QTime end = QTime::fromString(match.captured(3), QStringLiteral("H:mm"));
    const WeeklyRule rule(mask, start, end, zone);
    return rule.isValid() ? std::optional<WeeklyRule>(rule) : std::nullopt;
}

int setWindows(HubSession &session, const QCommandLineParser &parser, QTextStream &out, QTextStream &err)
{
    const auto me = session.service->directory().me();
    const QByteArray zone = parser.isSet(QStringLiteral("tz")) ? parser.value(QStringLiteral("tz")).toUtf8()
                                                               : (me ? me->timeZoneId : QByteArray());
    QList<WeeklyRule> rules;
    for (const QString &spec : parser.values(QStringLiteral("set"))) {
        const auto rule = parseWindow(spec, zone);
        if (!rule) {
            err << "fermata hub windows: "
                << CliText::tr("Cannot read the window '%1'. Write it like \"mon-fri 09:00-09:30\" or "
                               "\"daily 14:00-14:15\".")
                       .arg(spec)
                << Qt::endl;
            return ExitUsage;
        }
        rules.append(*rule);
    }
    if (!parser.isSet(QStringLiteral("set")) && !parser.isSet(QStringLiteral("clear")))
        return showTeam(session, parser.isSet(QStringLiteral("json")), out);
    if (const Status published = session.service->publishWindows(rules); !published) {
        err << "fermata hub windows: " << published.error().message << Qt::endl;
        return ExitFailure;
    }
    out << CliText::tr(
        "Published %n check-in window(s); messages held for you were re-timed.", nullptr, int(rules.size()))
        << Qt::endl;
    // They are your check-in windows, not only the hub's copy: the engine holds notifications
    // by the same ones, and a running window or `fermata serve` (which publish the windows
    // they hold) would otherwise put the old ones back on the hub.
    QList<CheckInWindow> mine;
    for (const WeeklyRule &rule : std::as_const(rules))
        mine.append(CheckInWindow{0, rule, CliText::tr("Check-in"), CheckInWindow::Scope::Personal});
    if (const Status kept = session.core->attention().setPersonalWindows(mine); !kept) {
        err << "fermata hub windows: "
            << CliText::tr("published, but Fermata could not keep them as your check-in windows here: %1")
                   .arg(kept.error().message)
            << Qt::endl;
        return ExitFailure;
    }
    if (mine.isEmpty() && session.service->directory().teamWindows().isEmpty())
        out << CliText::tr("Teammates' messages now reach you at once. Other notifications are held until "
                           "you set a check-in window again.")
            << Qt::endl;
    return ExitOk;
}

int syncHub(HubSession &session, const QCommandLineParser &parser, QTextStream &out, QTextStream &err)
{
    OutboxService &service = *session.service;
    QList<Message> received;
    QObject::connect(&service, &OutboxService::messageReceived, &service,
                     [&](const Message &m) { received.append(m); });
    const Status synced = service.connectToHub();
    const int waitSecs = parser.value(QStringLiteral("wait")).toInt();
    if (synced && waitSecs > 0 && received.isEmpty()) {
        // Stay connected: the hub's nudges and the next release time wake the service.
        QEventLoop loop;
        QObject::connect(&service, &OutboxService::messageReceived, &loop, &QEventLoop::quit);
        QTimer::singleShot(waitSecs * 1000, &loop, &QEventLoop::quit);
        loop.exec();
    }
    for (const Message &m : received) {
        const auto sender = service.directory().find(m.from);
        out << CliText::tr("Received from %1: %2").arg(sender ? sender->name : m.from, m.subject) << '\n'
            << m.body << '\n';
    }
    const OutboxService::HubStatus status = service.status();
    if (!synced) {
        err << "fermata hub sync: " << synced.error().message << Qt::endl;
        if (!status.text.isEmpty())
            err << status.text << Qt::endl;
        return ExitFailure;
    }
    out << (status.text.isEmpty() ? CliText::tr("In sync with the team hub.") : status.text) << Qt::endl;
    return ExitOk;
}

// The team's commitments: my shared tasks (from here, `*` when the hub does not have their
// latest state yet) and my teammates' (the copy from the last sync, fresh when reachable).
int showCommitments(HubSession &session, bool json, QTextStream &out, QTextStream &err)
{
    OutboxService &service = *session.service;
    if (!service.isJoined()) {
        err << "fermata hub commitments: "
            << CliText::tr(
                   "This Fermata has not joined a team hub yet: run fermata hub join --url URL --user USER.")
            << Qt::endl;
        return ExitFailure;
    }
    const Status synced = service.connectToHub();
    const Result<QList<CommitmentService::Mine>> mine = service.commitments().mine();
    const Result<QList<Commitment>> theirs = service.commitments().teammates();
    if (!mine || !theirs) {
        err << "fermata hub commitments: " << (mine ? theirs.error().message : mine.error().message) << Qt::endl;
        return ExitFailure;
    }
    const TeamDirectory &directory = service.directory();
    const auto nameOf = [&](const QString &role) {
        const auto member = directory.find(role);
        return member ? member->name : role;
    };
    struct Entry
    {
        Commitment commitment;
        qint64 taskId = 0;
        bool isMine = false;
        bool synced = true;
    };
    // Who waits for each (names; "you" for me), as the hub last said.
    const Result<QHash<QUuid, QList<qint64>>> waiterIds = TeamCommitmentRepository(session.core->database()).waiters();
    if (!waiterIds) {
        err << "fermata hub commitments: " << waiterIds.error().message << Qt::endl;
        return ExitFailure;
    }
    const auto waitersOf = [&](const QUuid &uuid) {
        QStringList names;
        for (qint64 id : waiterIds->value(uuid)) {
            const auto member = directory.member(id);
            names.append(id == directory.myId() ? CliText::tr("you")
                    : member                    ? member->name
                                                : QString::number(id));
        }
        return names;
    };
    QList<Entry> entries;
    for (const CommitmentService::Mine &m : *mine)
        entries.append({m.commitment, m.taskId, true, m.synced});
    for (const Commitment &c : *theirs)
        entries.append({c, 0, false, true});
    if (json) {
        QJsonArray list;
        for (const Entry &e : entries) {
            const Commitment &c = e.commitment;
            list.append(QJsonObject{
                {QStringLiteral("uuid"), c.uuid.toString(QUuid::WithoutBraces)},
                {QStringLiteral("owner"), c.ownerRole},
                {QStringLiteral("owner_name"), nameOf(c.ownerRole)},
                {QStringLiteral("me"), e.isMine},
                {QStringLiteral("task_id"), e.isMine ? QJsonValue(e.taskId) : QJsonValue()},
                {QStringLiteral("title"), c.title},
                {QStringLiteral("estimate_minutes"), c.estimateMinutes},
                {QStringLiteral("due"), c.due.isValid() ? QJsonValue(c.due.toUTC().toString(Qt::ISODate)) : QJsonValue()},
                {QStringLiteral("status"), commitmentStatusKey(c.status)},
                {QStringLiteral("finish_day"), c.finishDay.isValid() ? QJsonValue(c.finishDay.toString(Qt::ISODate)) : QJsonValue()},
                {QStringLiteral("note"), c.publicNote.isEmpty() ? QJsonValue() : QJsonValue(c.publicNote)},
                {QStringLiteral("synced"), e.synced},
                {QStringLiteral("waiting"), QJsonArray::fromStringList(waitersOf(c.uuid))},
            });
        }
        out << QJsonDocument(list).toJson(QJsonDocument::Indented);
    } else if (entries.isEmpty()) {
        out << CliText::tr(
            "Nobody in your team shares a task yet. Share one with: fermata tasks share ID [--note TEXT]")
            << Qt::endl;
    } else {
        const QTimeZone zone = session.core->preferences().timeZone();
        for (const Entry &e : entries) {
            const Commitment &c = e.commitment;
            const QString due = c.due.isValid() ? CliText::tr("due %1").arg(QLocale().toString(
                                    c.due.toTimeZone(zone), QStringLiteral("ddd d MMM HH:mm")))
                                                : CliText::tr("no due date");
            out << (e.synced ? "  " : "* ") << (e.isMine ? CliText::tr("You") : nameOf(c.ownerRole)) << "  "
                << c.title << "  (" << CliText::tr("%1 min, %2").arg(QString::number(c.estimateMinutes), due)
                << ")  " << commitmentStatusText(c.status);
            if (c.finishDay.isValid())
                out << CliText::tr(", work ends %1")
                           .arg(QLocale().toString(c.finishDay, QStringLiteral("ddd d MMM")));
            if (!c.publicNote.isEmpty())
                out << "  — \"" << c.publicNote << '"';
            if (const QStringList waiting = waitersOf(c.uuid); !waiting.isEmpty())
                out << "  " << CliText::tr("(waiting: %1)").arg(waiting.join(QStringLiteral(", ")));
            out << '\n';
        }
        out.flush();
    }
    if (!synced)
        err << "fermata hub commitments: " << synced.error().message << ' '
            << CliText::tr("Showing the copy from the last sync.") << Qt::endl;
    else if (!service.commitments().lastError().isEmpty())
        err << "fermata hub commitments: " << service.commitments().lastError() << Qt::endl;
    return ExitOk;
}

int showStatus(HubSession &session, QTextStream &out)
{
    OutboxService &service = *session.service;
    if (!service.isJoined()) {
        out << CliText::tr("Not part of a team hub. Join one with: fermata hub join --url URL --user USER")
            << Qt::endl;
        return ExitOk;
    }
    (void)service.connectToHub();
    const OutboxService::HubStatus status = service.status();
    out << CliText::tr("Team hub: %1").arg(service.account().toUrl()) << Qt::endl
        << (status.text.isEmpty() ? CliText::tr("Connected; nothing waiting to sync.") : status.text)
        << Qt::endl;
    return ExitOk;
}

} // namespace

std::unique_ptr<HubSession> HubSession::open(const AppPaths &paths, QTextStream &err)
{
    auto core = AppCore::open(paths);
    if (!core) {
        err << core.error().message << Qt::endl;
        return nullptr;
    }
    auto session = std::make_unique<HubSession>();
    session->core = std::move(core).value();
    session->secrets = makeSecretStore(secretsPath(paths));
    session->service = std::make_unique<OutboxService>(session->core->database(), *session->secrets,
                                                       session->core->clock());
    session->service->setSenderZone(session->core->preferences().timeZone());
    session->service->setReconnectInterval(0); // one-shot commands do not retry on their own
    return session;
}

bool checkCommandLineText(const QString &command, const QString &field, const QString &value, QTextStream &err)
{
    if (value.contains(QChar::ReplacementCharacter)) {
        err << "fermata " << command << ": "
            << CliText::tr(
                   "the %1 is not valid UTF-8 text; it was not stored. Check the terminal's encoding.")
                   .arg(field)
            << Qt::endl;
        return false;
    }
    return true;
}

QString readPassword()
{
    if (qEnvironmentVariableIsSet("FERMATA_HUB_PASSWORD"))
        return qEnvironmentVariable("FERMATA_HUB_PASSWORD");
    QTextStream in(stdin);
    return in.readLine().trimmed();
}

int runHubCommand(const QStringList &arguments, const AppPaths &paths)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(CliText::tr(
        "The team hub: a PostgreSQL database where teammates share check-in windows and\n"
        "messages wait for the recipient's next window.\n\n"
        "  fermata hub init --url postgresql://ADMIN@HOST:PORT/DB\n"
        "  fermata hub add-member --team TEAM --name NAME --email EMAIL --tz ZONE [--admin] [--url URL]\n"
        "  fermata hub remove-member --email EMAIL | --user LOGIN [--url URL]\n"
        "  fermata hub join --url postgresql://HOST:PORT/DB --user LOGIN   (password on stdin or "
        "FERMATA_HUB_PASSWORD)\n"
        "  With a standby, list both servers: postgresql://HOST1:PORT1,HOST2:PORT2/DB (the one that\n"
        "  takes writes is used, and found again after a failover)\n"
        "  fermata hub status | sync [--wait SECONDS] | team [--json] | leave\n"
        "  fermata hub commitments [--json]   (what your team shares: who, what, estimate, due, status,\n"
        "                                      the day the work ends, note, who waits for it; share with\n"
        "                                      'fermata tasks share ID')\n"
        "  fermata hub windows --set \"mon-fri 09:00-09:30\" [--set ...] [--tz ZONE] | --clear"));
    parser.addHelpOption();
    parser.addOptions({
        { QStringLiteral("url"),
            CliText::tr("The hub database, postgresql://USER@HOST:PORT[,HOST2:PORT2]/DB."),
            QStringLiteral("url") },
        { QStringLiteral("user"), CliText::tr("Your login (join) or the member's (remove-member)."),
            QStringLiteral("login") },
        { QStringLiteral("team"), CliText::tr("Team name."), QStringLiteral("team") },
        { QStringLiteral("name"), CliText::tr("The member's name."), QStringLiteral("name") },
        { QStringLiteral("email"), CliText::tr("The member's email."), QStringLiteral("email") },
        { QStringLiteral("tz"), CliText::tr("IANA time zone, e.g. Europe/Berlin."), QStringLiteral("zone") },
        { QStringLiteral("admin"), CliText::tr("The new member may set team windows.") },
        { QStringLiteral("wait"), CliText::tr("sync: stay up to SECONDS for a message."),
            QStringLiteral("seconds") },
        { QStringLiteral("set"), CliText::tr("windows: a window like \"mon-fri 09:00-09:30\"."),
            QStringLiteral("window") },
        { QStringLiteral("clear"), CliText::tr("windows: publish no windows.") },
        { QStringLiteral("json"), CliText::tr("team, commitments: as JSON.") },
    });
    parser.addPositionalArgument(QStringLiteral("action"),
        CliText::tr(
            "init, add-member, remove-member, join, leave, status, sync, team, windows, commitments"));
    parser.process(arguments);

    QTextStream out(stdout);
    QTextStream err(stderr);
    const QString action = parser.positionalArguments().value(0);
    static const QStringList actions = {QStringLiteral("init"), QStringLiteral("add-member"),
                                        QStringLiteral("remove-member"), QStringLiteral("join"),
                                        QStringLiteral("leave"), QStringLiteral("status"),
                                        QStringLiteral("sync"), QStringLiteral("team"),
                                        QStringLiteral("windows"), QStringLiteral("commitments")};
    if (!actions.contains(action)) {
        err << "fermata hub: "
            << CliText::tr("Say what to do: %1. 'fermata hub --help' explains each.")
                   .arg(actions.join(QStringLiteral(", ")))
            << Qt::endl;
        return ExitUsage;
    }
    auto session = HubSession::open(paths, err);
    if (!session)
        return ExitFailure;
    if (action == u"init")
        return initHub(*session, parser, out, err);
    if (action == u"add-member")
        return addMember(*session, parser, out, err);
    if (action == u"remove-member")
        return removeMember(*session, parser, out, err);
    if (action == u"join")
        return join(*session, parser, out, err);
    if (action == u"leave") {
        if (const Status left = session->service->leave(); !left) {
            err << "fermata hub leave: " << left.error().message << Qt::endl;
            return ExitFailure;
        }
        out << CliText::tr("Left the team hub; messages already here stay.") << Qt::endl;
        return ExitOk;
    }
    if (action == u"sync")
        return syncHub(*session, parser, out, err);
    if (action == u"team") {
        (void)session->service->connectToHub(); // fresh when reachable, the cached copy otherwise
        return showTeam(*session, parser.isSet(QStringLiteral("json")), out);
    }
    if (action == u"windows")
        return setWindows(*session, parser, out, err);
    if (action == u"commitments")
        return showCommitments(*session, parser.isSet(QStringLiteral("json")), out, err);
    return showStatus(*session, out);
}

} // namespace fermata
