#include "attention/localintakeclient.h"

#include "attention/notificationrequest.h"

#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QLocalSocket>

namespace fermata {

Result<QList<qint64>> LocalIntakeClient::send(const QString &socketName, const QList<InboxItem> &items,
                                              int timeoutMs)
{
    using R = Result<QList<qint64>>;
    QDeadlineTimer deadline(timeoutMs);
    QLocalSocket socket;
    socket.connectToServer(socketName);
    if (!socket.waitForConnected(int(qMax<qint64>(1, deadline.remainingTime()))))
        return R::failure(Error::Code::NotFound, QStringLiteral("Fermata is not running (%1).")
                                                      .arg(socket.errorString()));
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
                                  QStringLiteral("Fermata did not acknowledge every notification (%1 of %2).")
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
