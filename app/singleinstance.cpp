#include "singleinstance.h"

#include "attention/privatesocket.h"

#include <QLocalServer>
#include <QLocalSocket>

namespace fermata {

namespace {
const QByteArray activateRequest = QByteArrayLiteral("activate\n");
}

SingleInstance::SingleInstance(QString key, QObject *parent)
    : QObject(parent)
    , m_key(std::move(key))
{
}

SingleInstance::~SingleInstance() = default;

bool SingleInstance::activateRunningInstance(int timeoutMs)
{
    const QString path = PrivateSocket::path(m_key);
    if (!PrivateSocket::checkFolder(path))
        return false; // listen() says why
    QLocalSocket socket;
    socket.connectToServer(path);
    if (!socket.waitForConnected(timeoutMs))
        return false;
    // Another user's process on our name is not our window: ask it nothing.
    if (Status peer = PrivateSocket::checkPeer(socket, path); !peer) {
        m_error = peer.error().message;
        return false;
    }
    socket.write(activateRequest);
    if (!socket.waitForBytesWritten(timeoutMs))
        return false;
    // Wait for the acknowledgement so the caller only exits once the request was taken.
    return socket.waitForReadyRead(timeoutMs) && socket.readLine().startsWith("ok");
}

bool SingleInstance::listen()
{
    m_server = new QLocalServer(this);
    // A socket file of ours left by a crashed instance is taken over (nobody answered above);
    // one of another user is refused.
    if (Status s = PrivateSocket::listen(*m_server, PrivateSocket::path(m_key)); !s) {
        m_error = s.error().message;
        return false;
    }
    connect(m_server, &QLocalServer::newConnection, this, &SingleInstance::handleConnection);
    return true;
}

void SingleInstance::handleConnection()
{
    while (QLocalSocket *socket = m_server->nextPendingConnection()) {
        if (!PrivateSocket::checkPeer(*socket, m_server->fullServerName())) {
            socket->abort(); // only this user may bring our window to the front
            socket->deleteLater();
            continue;
        }
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] {
            // A request is one short line; anything longer is not ours.
            if (!socket->canReadLine()) {
                if (socket->bytesAvailable() > 256)
                    socket->abort();
                return;
            }
            const QByteArray line = socket->readLine(256);
            if (line == activateRequest) {
                socket->write("ok\n");
                Q_EMIT activationRequested();
            } else {
                socket->write("error unknown request\n");
            }
            socket->flush();
        });
    }
}

} // namespace fermata
