#include "attention/httpintake.h"

#include "attention/notificationrequest.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>
#include <QTimer>

#ifdef Q_OS_WIN
#include <winsock2.h>
#else
#include <sys/socket.h>
#endif

namespace {

// Messages people read, filed under the attention context of the core's translations.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(fermata::Attention)
};

} // namespace

namespace fermata {

namespace {

const QByteArray s_path = QByteArrayLiteral("/v1/notifications");
// After answering early, what the client still sends is read and dropped this long, so it can
// read the answer instead of meeting a reset; then the connection is cut.
constexpr int s_lingerMs = 1000;

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

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 202:
        return "Accepted";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 408:
        return "Request Timeout";
    case 411:
        return "Length Required";
    case 413:
        return "Payload Too Large";
    case 431:
        return "Request Header Fields Too Large";
    case 503:
        return "Service Unavailable";
    default:
        return "Internal Server Error";
    }
}

QByteArray response(int status, const QJsonObject &json, const QByteArray &extraHeaders = {})
{
    const QByteArray body = QJsonDocument(json).toJson(QJsonDocument::Compact);
    return "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status)
        + "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size())
        + "\r\nConnection: close\r\n" + extraHeaders + "\r\n" + body;
}

// Sends FIN after the answer while the socket stays open for reading (Qt has no half-close).
void shutdownWrite(qintptr descriptor)
{
#ifdef Q_OS_WIN
    ::shutdown(SOCKET(descriptor), SD_SEND);
#else
    ::shutdown(int(descriptor), SHUT_WR);
#endif
}

// The request line and headers, as far as this endpoint needs them.
struct RequestHead
{
    QByteArray method;
    QByteArray path;
    QList<std::pair<QByteArray, QByteArray>> headers; // names in lower case

    QByteArrayList values(const QByteArray &name) const
    {
        QByteArrayList found;
        for (const auto &[key, value] : headers) {
            if (key == name)
                found.append(value);
        }
        return found;
    }
};

std::optional<RequestHead> parseHead(const QByteArray &text)
{
    const QByteArrayList lines = text.split('\n');
    const QByteArrayList requestLine
        = lines.value(0).chopped(lines.value(0).endsWith('\r') ? 1 : 0).split(' ');
    if (requestLine.size() != 3 || !requestLine[2].startsWith("HTTP/1."))
        return std::nullopt;
    const qsizetype query = requestLine[1].indexOf('?');
    RequestHead head { requestLine[0], query < 0 ? requestLine[1] : requestLine[1].left(query), {} };
    for (qsizetype i = 1; i < lines.size(); ++i) {
        QByteArray line = lines[i];
        if (line.endsWith('\r'))
            line.chop(1);
        const qsizetype colon = line.indexOf(':');
        // No folded lines and no blanks in names: a request that bends the grammar is refused.
        if (colon <= 0 || line.startsWith(' ') || line.startsWith('\t') || line.left(colon).contains(' '))
            return std::nullopt;
        head.headers.append({ line.left(colon).toLower(), line.mid(colon + 1).trimmed() });
    }
    return head;
}

} // namespace

// One request on one connection: headers (capped, timed), a decision from them, then at most
// the announced body, then the answer. Counted in the intake's live connections while it exists.
class HttpConnection final : public QObject
{
public:
    HttpConnection(QTcpSocket *socket, HttpIntake &intake)
        : QObject(&intake)
        , m_intake(intake)
        , m_socket(socket)
        , m_live(intake.m_liveConnections)
    {
        ++*m_live;
        m_socket->setParent(this);
        m_deadline.setSingleShot(true);
        connect(&m_deadline, &QTimer::timeout, this, &HttpConnection::timedOut);
        connect(m_socket, &QTcpSocket::readyRead, this, &HttpConnection::readAvailable);
        connect(m_socket, &QTcpSocket::bytesWritten, this, &HttpConnection::closeWhenSent);
        connect(m_socket, &QTcpSocket::disconnected, this, &QObject::deleteLater);
        m_deadline.start(intake.m_requestTimeoutMs);
        readAvailable();
    }
    ~HttpConnection() override { --*m_live; }

private:
    enum class State { Head, Body, Answered };

    void readAvailable()
    {
        if (m_state == State::Head)
            readHead();
        if (m_state == State::Body)
            readBody();
        if (m_state == State::Answered) // dropped unread
            m_socket->skip(m_socket->bytesAvailable());
    }

    void readHead()
    {
        // Never more than the header cap (and the blank line) is held before a decision.
        m_buffer += m_socket->read(HttpIntake::MaxHeaderBytes + 4 - m_buffer.size());
        const qsizetype end = m_buffer.indexOf("\r\n\r\n");
        if (end < 0) {
            if (m_buffer.size() >= HttpIntake::MaxHeaderBytes + 4)
                refuse(431,
                    Text::tr("The request headers are over %1 bytes.").arg(HttpIntake::MaxHeaderBytes));
            return;
        }
        const std::optional<RequestHead> head = parseHead(m_buffer.left(end));
        m_buffer.remove(0, end + 4);
        if (!head)
            return refuse(400, Text::tr("The request is not HTTP/1.1 that Fermata can read."));
        decide(*head);
    }

    void decide(const RequestHead &head)
    {
        if (head.path != s_path)
            return refuse(
                404, Text::tr("Fermata takes notifications at POST %1.").arg(QLatin1String(s_path)));
        if (head.method != "POST")
            return refuse(405, Text::tr("Send notifications with POST."), "Allow: POST\r\n");
        if (!isAuthorized(head.values("authorization")))
            return refuse(401,
                Text::tr("Send the token from Fermata's Preferences as "
                         "\"Authorization: Bearer TOKEN\"."),
                "WWW-Authenticate: Bearer\r\n");
        const QByteArrayList lengths = head.values("content-length");
        if (lengths.isEmpty() || !head.values("transfer-encoding").isEmpty())
            return refuse(411,
                Text::tr("Send the body with a Content-Length header (its size in "
                         "bytes); chunked bodies are not taken."));
        bool isNumber = lengths.size() == 1 && !lengths[0].isEmpty() && lengths[0].size() <= 18;
        for (char c : lengths[0])
            isNumber = isNumber && c >= '0' && c <= '9';
        if (!isNumber)
            return refuse(400, Text::tr("Content-Length must be one number of bytes."));
        m_length = lengths[0].toLongLong();
        if (m_length > m_intake.m_maxBodyBytes)
            return refuse(413,
                Text::tr("The body is %1 bytes; the limit is %2.")
                    .arg(m_length)
                    .arg(m_intake.m_maxBodyBytes));
        if (head.values("expect").value(0).toLower() == "100-continue")
            m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
        m_buffer.truncate(m_length);
        m_state = State::Body;
    }

    bool isAuthorized(const QByteArrayList &authorization) const
    {
        const QByteArray prefix = QByteArrayLiteral("Bearer ");
        if (m_intake.m_token.isEmpty() || authorization.size() != 1 || !authorization[0].startsWith(prefix))
            return false;
        return constantTimeEquals(authorization[0].mid(prefix.size()).trimmed(), m_intake.m_token);
    }

    void readBody()
    {
        m_buffer += m_socket->read(m_length - m_buffer.size());
        if (m_buffer.size() < m_length)
            return;
        auto item = notificationrequest::parse(m_buffer, QString::fromLatin1(HttpIntake::DefaultSource));
        if (!item)
            return refuse(400, item.error().message);
        auto ids = m_intake.m_sink({ item.value() });
        if (!ids)
            return refuse(500, ids.error().message);
        answer(response(202, QJsonObject { { QStringLiteral("id"), ids->constFirst() } }));
    }

    void timedOut()
    {
        if (m_state != State::Answered)
            return refuse(408,
                Text::tr("The request was not complete within %1 ms.")
                    .arg(m_intake.m_requestTimeoutMs));
        m_socket->abort(); // the lingering after an answer is over
        deleteLater();
    }

    void refuse(int status, const QString &message, const QByteArray &extraHeaders = {})
    {
        answer(response(status, QJsonObject { { QStringLiteral("error"), message } }, extraHeaders));
    }

    void answer(const QByteArray &bytes)
    {
        m_state = State::Answered;
        m_buffer.clear();
        m_buffer.squeeze();
        m_socket->write(bytes);
        m_socket->flush();
        m_deadline.start(s_lingerMs);
        closeWhenSent();
    }

    void closeWhenSent()
    {
        if (m_state != State::Answered || m_finSent || m_socket->bytesToWrite() > 0)
            return;
        m_finSent = true;
        shutdownWrite(m_socket->socketDescriptor());
    }

    HttpIntake &m_intake;
    QTcpSocket *m_socket;
    std::shared_ptr<int> m_live;
    QTimer m_deadline;
    State m_state = State::Head;
    QByteArray m_buffer;
    qint64 m_length = 0;
    bool m_finSent = false;
};

HttpIntake::HttpIntake(LocalIntakeServer::Sink sink, QByteArray token, QObject *parent)
    : QObject(parent)
    , m_sink(std::move(sink))
    , m_token(std::move(token))
{
    m_server.setListenBacklogSize(ListenBacklog);
    connect(&m_server, &QTcpServer::newConnection, this, &HttpIntake::acceptConnections);
}

HttpIntake::~HttpIntake() = default;

quint16 HttpIntake::listen(quint16 port)
{
    m_port = m_server.listen(QHostAddress::LocalHost, port) ? m_server.serverPort() : 0;
    return m_port;
}

void HttpIntake::acceptConnections()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        // Qt reads at most this much ahead of us: a fast sender waits in the kernel, not in memory.
        socket->setReadBufferSize(64 * 1024);
        if (*m_liveConnections < m_maxConnections) {
            new HttpConnection(socket, *this);
            continue;
        }
        // Over the cap: a short answer and the connection is cut, without lingering.
        socket->write(response(503,
            QJsonObject {
                { QStringLiteral("error"), Text::tr("Fermata is busy; try again in a moment.") } }));
        socket->flush();
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        socket->disconnectFromHost();
        QTimer::singleShot(s_lingerMs, socket, [socket] { socket->abort(); });
    }
}

} // namespace fermata
