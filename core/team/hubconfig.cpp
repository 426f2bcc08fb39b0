#include "team/hubconfig.h"

#include <QUrl>
#include <QUrlQuery>

namespace fermata {

Result<HubConfig> HubConfig::fromUrl(const QString &text)
{
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    auto invalid = [&](const QString &why) {
        return Result<HubConfig>::failure(
            Error::Code::Invalid,
            QStringLiteral("The hub address \"%1\" %2. Write it like "
                           "postgresql://alice@db.example.com:5432/fermata.")
                .arg(text, why));
    };
    if (!url.isValid() || (url.scheme() != u"postgresql" && url.scheme() != u"postgres"))
        return invalid(QStringLiteral("is not a postgresql:// address"));
    HubConfig config;
    if (!url.host().isEmpty())
        config.host = url.host();
    config.port = url.port(5432);
    config.database = url.path().mid(1);
    config.user = url.userName();
    config.passwordInUrl = url.password();
    if (config.database.isEmpty())
        return invalid(QStringLiteral("names no database"));
    const QUrlQuery query(url);
    if (query.hasQueryItem(QStringLiteral("sslmode"))) {
        config.sslMode = query.queryItemValue(QStringLiteral("sslmode"));
        static const QStringList modes = {QStringLiteral("disable"), QStringLiteral("allow"),
                                          QStringLiteral("prefer"), QStringLiteral("require"),
                                          QStringLiteral("verify-ca"), QStringLiteral("verify-full")};
        if (!modes.contains(config.sslMode))
            return invalid(QStringLiteral("has an unknown sslmode"));
    }
    return config;
}

QString HubConfig::toUrl() const
{
    QUrl url;
    url.setScheme(QStringLiteral("postgresql"));
    url.setUserName(user);
    url.setHost(host);
    url.setPort(port);
    url.setPath(QLatin1Char('/') + database);
    if (sslMode != u"prefer")
        url.setQuery(QStringLiteral("sslmode=") + sslMode);
    return url.toString();
}

QString HubConfig::accountKey() const
{
    return QStringLiteral("%1@%2:%3/%4").arg(user, host).arg(port).arg(database);
}

} // namespace fermata
