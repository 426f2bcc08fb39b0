#pragma once

#include "attention/localintakeserver.h"

#include <QObject>
#include <QTcpServer>

#include <memory>

namespace fermata {

class HttpConnection;

// The opt-in loopback HTTP source: POST /v1/notifications with a JSON body (see
// notificationrequest.h) and "Authorization: Bearer TOKEN". Listens on 127.0.0.1 only.
//   202 {"id": N} once committed; 401 missing/wrong token; 411 no Content-Length; 413 body over
//   the cap; 400 malformed request, malformed JSON or no title (the message says what is wrong);
//   404/405 another path or method; 408 the request was not complete in time; 431 headers too
//   large; 503 too many connections at once. Nothing is stored unless the answer is 202.
// It decides from the headers before it reads a body: a request without the token or over the
// cap is answered and closed unread, so no client makes it hold more than the cap per
// connection. One request per connection (Connection: close).
class HttpIntake final : public QObject
{
    Q_OBJECT
public:
    HttpIntake(LocalIntakeServer::Sink sink, QByteArray token, QObject *parent = nullptr);
    ~HttpIntake() override;

    // Listens on 127.0.0.1:`port` (0 picks a free one); returns the port, 0 on failure.
    quint16 listen(quint16 port);
    quint16 port() const { return m_port; }
    void setMaxBodyBytes(qsizetype bytes) { m_maxBodyBytes = bytes; }
    // How long a client has to send its headers and body, from connecting.
    void setRequestTimeout(int ms) { m_requestTimeoutMs = ms; }
    // Connections served at once; one more is answered 503 and closed.
    void setMaxConnections(int connections) { m_maxConnections = qMax(1, connections); }

    static constexpr qsizetype DefaultMaxBodyBytes = 64 * 1024;
    static constexpr qsizetype MaxHeaderBytes = 16 * 1024;
    static constexpr int DefaultRequestTimeoutMs = 5000;
    static constexpr int DefaultMaxConnections = 64;
    // Room for a burst of a thousand clients connecting before the event loop accepts them.
    static constexpr int ListenBacklog = 1024;
    static constexpr auto DefaultSource = "http";

private:
    friend class HttpConnection;
    void acceptConnections();

    LocalIntakeServer::Sink m_sink;
    QByteArray m_token;
    QTcpServer m_server;
    quint16 m_port = 0;
    qsizetype m_maxBodyBytes = DefaultMaxBodyBytes;
    int m_requestTimeoutMs = DefaultRequestTimeoutMs;
    int m_maxConnections = DefaultMaxConnections;
    // Shared with the connections, which may outlive this object's members while it is destroyed.
    std::shared_ptr<int> m_liveConnections = std::make_shared<int>(0);
};

} // namespace fermata
