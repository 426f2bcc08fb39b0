#include "team/hubconfig.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <optional>
#include <QUrl>
#include <QUrlQuery>

namespace {

// Messages people read, filed under the team context of the core's translations.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(fermata::Team)
};

} // namespace

namespace fermata {

namespace {

// "host", "host:port", "[::1]:port"; empty host means localhost.
std::optional<HubConfig::Server> parseServer(const QString &text)
{
    HubConfig::Server server;
    QString rest = text;
    if (rest.startsWith(QLatin1Char('['))) {
        const qsizetype close = rest.indexOf(QLatin1Char(']'));
        if (close < 0)
            return std::nullopt;
        server.host = rest.mid(1, close - 1);
        rest = rest.mid(close + 1);
        if (!rest.isEmpty() && !rest.startsWith(QLatin1Char(':')))
            return std::nullopt;
    } else {
        const qsizetype colon = rest.lastIndexOf(QLatin1Char(':'));
        server.host = colon < 0 ? rest : rest.left(colon);
        rest = colon < 0 ? QString() : rest.mid(colon);
        if (server.host.contains(QLatin1Char(':')))
            return std::nullopt;
    }
    server.host = QUrl::fromPercentEncoding(server.host.toUtf8());
    if (server.host.isEmpty())
        server.host = QStringLiteral("localhost");
    if (!rest.isEmpty()) {
        // Digits only: toInt() would also take "+5432" and " 5432", and "h:" is a typo.
        static const QRegularExpression digits(QStringLiteral("^:[0-9]{1,5}$"));
        if (!digits.match(rest).hasMatch())
            return std::nullopt;
        server.port = rest.mid(1).toInt();
        if (server.port <= 0 || server.port > 65535)
            return std::nullopt;
    }
    static const QRegularExpression allowed(QStringLiteral("^[A-Za-z0-9._:%-]+$"));
    if (!allowed.match(server.host).hasMatch())
        return std::nullopt;
    return server;
}

QString serverText(const HubConfig::Server &server)
{
    const QString host = server.host.contains(QLatin1Char(':')) ? QLatin1Char('[') + server.host + QLatin1Char(']')
                                                                : server.host;
    return host + QLatin1Char(':') + QString::number(server.port);
}

} // namespace

Result<HubConfig> HubConfig::fromUrl(const QString &input)
{
    const QString text = input.trimmed();
    auto invalid = [&](const QString &why) {
        return Result<HubConfig>::failure(
            Error::Code::Invalid,
            Text::tr("The hub address \"%1\" %2. Write it like "
                     "postgresql://alice@db.example.com:5432/fermata (or, with a standby, "
                     "postgresql://alice@db1:5432,db2:5432/fermata).")
                .arg(text, why));
    };
    // QUrl cannot read libpq's host list, so the authority is split here and QUrl reads the rest.
    static const QRegularExpression shape(
        QStringLiteral("^(postgres(?:ql)?)://(?:([^@/?#]*)@)?([^/?#]*)(/[^?#]*)?(\\?[^#]*)?$"));
    const QRegularExpressionMatch match = shape.match(text);
    if (!match.hasMatch())
        return invalid(Text::tr("is not a postgresql:// address"));
    HubConfig config;
    const QString userInfo = match.captured(2);
    const qsizetype colon = userInfo.indexOf(QLatin1Char(':'));
    config.user = QUrl::fromPercentEncoding((colon < 0 ? userInfo : userInfo.left(colon)).toUtf8());
    config.passwordInUrl = colon < 0 ? QString() : QUrl::fromPercentEncoding(userInfo.mid(colon + 1).toUtf8());
    QList<Server> servers;
    const QString authority = match.captured(3);
    for (const QString &part : authority.split(QLatin1Char(','))) {
        if (authority.isEmpty())
            break;
        // An empty entry in a list ("h1,,h2", "h1,") is a typo, not localhost.
        const std::optional<Server> server = part.isEmpty() ? std::nullopt : parseServer(part);
        if (!server)
            return invalid(Text::tr("has a server \"%1\" that is not HOST or HOST:PORT").arg(part));
        servers.append(*server);
    }
    if (!servers.isEmpty()) {
        config.host = servers.takeFirst().host;
        config.port = parseServer(authority.split(QLatin1Char(',')).constFirst())->port;
        config.standbys = servers;
    }
    config.database = QUrl::fromPercentEncoding(match.captured(4).mid(1).toUtf8());
    if (config.database.isEmpty())
        return invalid(Text::tr("names no database"));
    const QUrlQuery query(match.captured(5).mid(1));
    if (query.hasQueryItem(QStringLiteral("sslmode"))) {
        config.sslMode = query.queryItemValue(QStringLiteral("sslmode"));
        static const QStringList modes = {QStringLiteral("disable"), QStringLiteral("allow"),
                                          QStringLiteral("prefer"), QStringLiteral("require"),
                                          QStringLiteral("verify-ca"), QStringLiteral("verify-full")};
        if (!modes.contains(config.sslMode))
            return invalid(Text::tr("has an unknown sslmode"));
    }
    if (query.hasQueryItem(QStringLiteral("target_session_attrs"))) {
        config.targetSessionAttrs = query.queryItemValue(QStringLiteral("target_session_attrs"));
        static const QStringList attrs = {QStringLiteral("any"), QStringLiteral("read-write"),
                                          QStringLiteral("primary")};
        if (!attrs.contains(config.targetSessionAttrs))
            return invalid(Text::tr("asks for target_session_attrs=%1; a hub needs read-write, primary or any")
                               .arg(config.targetSessionAttrs));
    }
    return config;
}

QString HubConfig::toUrl() const
{
    QStringList hosts;
    for (const Server &server : servers())
        hosts.append(serverText(server));
    QString url = QStringLiteral("postgresql://");
    if (!user.isEmpty())
        url += QString::fromUtf8(QUrl::toPercentEncoding(user)) + QLatin1Char('@');
    url += hosts.join(QLatin1Char(',')) + QLatin1Char('/') + QString::fromUtf8(QUrl::toPercentEncoding(database));
    QStringList query;
    if (sslMode != u"prefer")
        query.append(QStringLiteral("sslmode=") + sslMode);
    if (!targetSessionAttrs.isEmpty())
        query.append(QStringLiteral("target_session_attrs=") + targetSessionAttrs);
    if (!query.isEmpty())
        url += QLatin1Char('?') + query.join(QLatin1Char('&'));
    return url;
}

QString HubConfig::accountKey() const
{
    return QStringLiteral("%1@%2:%3/%4").arg(user, host).arg(port).arg(database);
}

QList<HubConfig::Server> HubConfig::servers() const
{
    return QList<Server>{Server{host, port}} + standbys;
}

QString HubConfig::serversText() const
{
    QStringList list;
    for (const Server &server : servers())
        list.append(serverText(server));
    return list.join(QStringLiteral(", "));
}

QString HubConfig::libpqHosts() const
{
    QStringList list;
    for (const Server &server : servers())
        list.append(server.host);
    return list.join(QLatin1Char(','));
}

QString HubConfig::libpqPorts() const
{
    QStringList list;
    for (const Server &server : servers())
        list.append(QString::number(server.port));
    return list.join(QLatin1Char(','));
}

QString HubConfig::effectiveTargetSessionAttrs() const
{
    if (!targetSessionAttrs.isEmpty())
        return targetSessionAttrs;
    return standbys.isEmpty() ? QString() : QStringLiteral("read-write");
}

} // namespace fermata
