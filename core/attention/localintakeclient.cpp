#include "attention/localintakeclient.h"

#include "attention/notificationrequest.h"
#include "attention/privatesocket.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QLocalSocket>

namespace {

// Messages people read, filed under the attention context of the core's translations.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(fermata::Attention)
};

} // namespace

namespace fermata {

Result<QList<qint64>> LocalIntakeClient::send(const QString &socketName, const QList<InboxItem> &items,
                                              int timeoutMs)
{
    using R = Result<QList<qint64>>;
    QDeadlineTimer deadline(timeoutMs);
    const QString path = PrivateSocket::path(socketName);
    const auto notRunning = [](const QString &why) {
        return R::failure(Error::Code::NotFound, Text::tr("Fermata is not running (%1).").arg(why));
    };
    if (Status folder = PrivateSocket::checkFolder(path); !folder) {
        if (folder.error().code == Error::Code::NotFound)
            return notRunning(folder.error().message);
        return R::failure(folder.error().code, folder.error().message + Text::tr(" Fermata sent nothing."));
    }
    QLocalSocket socket;
    socket.connectToServer(path);
    if (!socket.waitForConnected(int(qMax<qint64>(1, deadline.remainingTime()))))
        return notRunning(socket.errorString());
    // Who answers is checked before a byte leaves: another user must not receive notifications.
    if (Status peer = PrivateSocket::checkPeer(socket, path); !peer)
        return R(peer.error());
    QByteArray request;
    for (const InboxItem &item : items)
        request += QJsonDocument(notificationrequest::toJson(item)).toJson(QJsonDocument::Compact) + '\n';
    socket.write(request);
    QList<qint64> ids;
    while (ids.size() < items.size()) {
        while (!socket.canReadLine()) {
            if (deadline.hasExpired() || socket.state() != QLocalSocket::ConnectedState
                || !socket.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime())))) {
                if (socket.canReadLine())
                    break;
                return R::failure(Error::Code::Io,
                                  Text::tr("Fermata did not acknowledge every notification (%1 of %2).")
                                      .arg(ids.size())
                                      .arg(items.size()));
            }
        }
        const QByteArray line = socket.readLine().trimmed();
        if (line.startsWith("ok ")) {
            ids.append(line.mid(3).toLongLong());
        } else {
            return R::failure(Error::Code::Invalid,
                              QString::fromUtf8(line.startsWith("error ") ? line.mid(6) : line));
        }
    }
    return ids;
}

} // namespace fermata
