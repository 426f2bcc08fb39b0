#include "attention/localintakeserver.h"

#include "attention/notificationrequest.h"
#include "attention/privatesocket.h"

#include <QCoreApplication>
#include <QLocalServer>
#include <QLocalSocket>
#include <QTimer>

namespace {

// Messages people read, filed under the attention context of the core's translations.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(fermata::Attention)
};

} // namespace

namespace fermata {

LocalIntakeServer::LocalIntakeServer(Sink sink, QObject *parent)
    : QObject(parent), m_sink(std::move(sink))
{
}

LocalIntakeServer::~LocalIntakeServer() = default;

QString LocalIntakeServer::socketName(const QString &instanceKey)
{
    return instanceKey + QStringLiteral("-notify");
}

bool LocalIntakeServer::listen(const QString &name)
{
    const QString path = PrivateSocket::path(name);
    if (Status folder = PrivateSocket::checkFolder(path); !folder && folder.error().code != Error::Code::NotFound) {
        m_error = folder.error().message;
        return false;
    }
    {
        // Someone answering means another Fermata serves this profile: never steal its socket.
        QLocalSocket probe;
        probe.connectToServer(path);
        if (probe.waitForConnected(200)) {
            const Status peer = PrivateSocket::checkPeer(probe, path);
            m_error = peer ? Text::tr("another Fermata already takes notifications for this profile")
                           : peer.error().message;
            return false;
        }
    }
    m_server = new QLocalServer(this);
    if (Status s = PrivateSocket::listen(*m_server, path); !s) {
        m_error = s.error().message;
        return false;
    }
    connect(m_server, &QLocalServer::newConnection, this, &LocalIntakeServer::handleConnection);
    return true;
}

void LocalIntakeServer::handleConnection()
{
    while (QLocalSocket *socket = m_server->nextPendingConnection()) {
        // Only this user's processes may hand us notifications, whatever the folder allows.
        if (!PrivateSocket::checkPeer(*socket, m_server->fullServerName())) {
            socket->abort();
            socket->deleteLater();
            continue;
        }
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] { readLines(socket); });
        readLines(socket);
    }
}

void LocalIntakeServer::readLines(QLocalSocket *socket)
{
    while (socket->canReadLine()) {
        QByteArray line = socket->readLine(MaxLineBytes + 1);
        if (!line.endsWith('\n')) {
            m_pending.append({socket, std::nullopt, QByteArrayLiteral("error line too long\n")});
            socket->readAll();
            break;
        }
        line.chop(1);
        auto item = notificationrequest::parse(line, QString());
        if (!item) {
            QByteArray reply = "error " + item.error().message.toUtf8() + '\n';
            m_pending.append({socket, std::nullopt, reply});
        } else {
            m_pending.append({socket, std::move(item).value(), {}});
        }
    }
    if (!socket->canReadLine() && socket->bytesAvailable() > MaxLineBytes) {
        socket->write("error line too long\n");
        socket->disconnectFromServer();
    }
    if (m_pending.size() >= s_maxBatch)
        flush();
    else
        scheduleFlush();
}

void LocalIntakeServer::scheduleFlush()
{
    if (m_flushScheduled || m_pending.isEmpty())
        return;
    m_flushScheduled = true;
    // A zero timer runs after the sockets that are ready in this turn were read: one batch.
    QTimer::singleShot(0, this, &LocalIntakeServer::flush);
}

void LocalIntakeServer::flush()
{
    m_flushScheduled = false;
    if (m_pending.isEmpty())
        return;
    QList<Pending> batch;
    batch.swap(m_pending);
    QList<InboxItem> items;
    for (const Pending &p : std::as_const(batch)) {
        if (p.item)
            items.append(*p.item);
    }
    Result<QList<qint64>> ids = items.isEmpty() ? Result<QList<qint64>>(QList<qint64>())
                                                : m_sink(items);
    const QByteArray failure = ids ? QByteArray()
                                   : "error " + ids.error().message.toUtf8().replace('\n', ' ') + '\n';
    qsizetype next = 0;
    QList<QLocalSocket *> touched;
    for (const Pending &p : std::as_const(batch)) {
        QByteArray reply = p.reply;
        if (p.item)
            reply = ids ? "ok " + QByteArray::number(ids->at(next++)) + '\n' : failure;
        if (p.socket && p.socket->state() == QLocalSocket::ConnectedState) {
            p.socket->write(reply);
            if (!touched.contains(p.socket.data()))
                touched.append(p.socket.data());
        }
    }
    for (QLocalSocket *socket : std::as_const(touched))
        socket->flush();
}

} // namespace fermata
