#pragma once

#include "attention/localintakeserver.h"

#include <QHttpServer>
#include <QObject>

namespace fermata {

// The opt-in loopback HTTP source: POST /v1/notifications with a JSON body (see
// notificationrequest.h) and "Authorization: Bearer TOKEN". Listens on 127.0.0.1 only.
//   202 {"id": N, "state": "..."} once committed; 401 missing/wrong token; 400 malformed JSON
//   or no title (the message says what is wrong); 413 body over the cap. Nothing is stored
//   unless the answer is 202.
// Lives in its own small library (Fermata::HttpIntake) so fermata_core links no QtHttpServer.
// Qt 6.4's QHttpServer reads a whole request before routing it, so the cap bounds what is
// stored, not what is read; the endpoint is loopback-only and token-protected.
class HttpIntake final : public QObject
{
    Q_OBJECT
public:
    HttpIntake(LocalIntakeServer::Sink sink, QByteArray token, QObject *parent = nullptr);

    // Listens on 127.0.0.1:`port` (0 picks a free one); returns the port, 0 on failure.
    quint16 listen(quint16 port);
    quint16 port() const { return m_port; }
    void setMaxBodyBytes(qsizetype bytes) { m_maxBodyBytes = bytes; }

    static constexpr qsizetype DefaultMaxBodyBytes = 64 * 1024;
    static constexpr auto DefaultSource = "http";

Q_SIGNALS:
    void notificationAccepted(qint64 id);

private:
    QHttpServerResponse handle(const QHttpServerRequest &request);
    bool isAuthorized(const QHttpServerRequest &request) const;

    LocalIntakeServer::Sink m_sink;
    QByteArray m_token;
    QHttpServer m_server;
    quint16 m_port = 0;
    qsizetype m_maxBodyBytes = DefaultMaxBodyBytes;
};

} // namespace fermata
