#include "attention/httpintake.h"

#include "attention/notificationrequest.h"

#include <QHostAddress>
#include <QJsonObject>

namespace fermata {

namespace {

QHttpServerResponse error(QHttpServerResponse::StatusCode status, const QString &message)
{
    return QHttpServerResponse(QJsonObject{{QStringLiteral("error"), message}}, status);
}

// Compares without stopping at the first difference, so timing says nothing about the token.
bool constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= uchar(a[i]) ^ uchar(b[i]);
    return diff == 0;
}

} // namespace

HttpIntake::HttpIntake(LocalIntakeServer::Sink sink, QByteArray token, QObject *parent)
    : QObject(parent), m_sink(std::move(sink)), m_token(std::move(token))
{
    m_server.route(QStringLiteral("/v1/notifications"), QHttpServerRequest::Method::Post,
                   [this](const QHttpServerRequest &request) { return handle(request); });
}

quint16 HttpIntake::listen(quint16 port)
{
    m_port = m_server.listen(QHostAddress::LocalHost, port);
    return m_port;
}

bool HttpIntake::isAuthorized(const QHttpServerRequest &request) const
{
    if (m_token.isEmpty())
        return false;
    const QByteArray header = request.value(QByteArrayLiteral("Authorization")).trimmed();
    const QByteArray prefix = QByteArrayLiteral("Bearer ");
    if (!header.startsWith(prefix))
        return false;
    return constantTimeEquals(header.mid(prefix.size()).trimmed(), m_token);
}

QHttpServerResponse HttpIntake::handle(const QHttpServerRequest &request)
{
    using Code = QHttpServerResponse::StatusCode;
    if (!isAuthorized(request))
        return error(Code::Unauthorized,
                     QStringLiteral("Send the token from Fermata's Preferences as "
                                    "\"Authorization: Bearer TOKEN\"."));
    if (request.body().size() > m_maxBodyBytes)
        return error(Code::PayloadTooLarge,
                     QStringLiteral("The body is %1 bytes; the limit is %2.")
                         .arg(request.body().size())
                         .arg(m_maxBodyBytes));
    auto item = notificationrequest::parse(request.body(), QString::fromLatin1(DefaultSource));
    if (!item)
        return error(Code::BadRequest, item.error().message);
    auto ids = m_sink({item.value()});
    if (!ids)
        return error(Code::InternalServerError, ids.error().message);
    Q_EMIT notificationAccepted(ids->constFirst());
    return QHttpServerResponse(QJsonObject{{QStringLiteral("id"), ids->constFirst()}}, Code::Accepted);
}

} // namespace fermata
