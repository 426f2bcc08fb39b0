#pragma once

#include "model/inboxitem.h"
#include "result.h"

#include <QObject>
#include <QPointer>

#include <functional>

class QLocalServer;
class QLocalSocket;

namespace fermata {

// Takes notifications from `fermata notify` (and any local program) over a local socket.
// Protocol, one line each way per notification, answered in order:
//   -> {"title": "...", "source": "...", ...}\n        (see notificationrequest.h)
//   <- ok ID\n   once the notification is committed    |   error MESSAGE\n
// Group commit: everything that arrived in one event-loop turn is stored in one transaction
// before any of it is acknowledged, so many senders share one fsync.
class LocalIntakeServer final : public QObject
{
    Q_OBJECT
public:
    using Sink = std::function<Result<QList<qint64>>(QList<InboxItem> items)>;

    explicit LocalIntakeServer(Sink sink, QObject *parent = nullptr);
    ~LocalIntakeServer() override;

    // The socket name for a profile's instance key (next to the single-instance socket).
    static QString socketName(const QString &instanceKey);

    // Listens on `name`, a name in PrivateSocket::folder() or an absolute path in a folder only
    // this user can open. Connections from other users' processes are dropped unread.
    bool listen(const QString &name);
    QString errorString() const { return m_error; }

    static constexpr qsizetype MaxLineBytes = 256 * 1024;

private:
    struct Pending
    {
        QPointer<QLocalSocket> socket;
        std::optional<InboxItem> item; // empty: `reply` is an error already known
        QByteArray reply;
    };
    void handleConnection();
    void readLines(QLocalSocket *socket);
    void scheduleFlush();
    void flush();

    Sink m_sink;
    QLocalServer *m_server = nullptr;
    QList<Pending> m_pending;
    bool m_flushScheduled = false;
    static constexpr qsizetype s_maxBatch = 4096; // items stored in one transaction at most
    QString m_error;
};

} // namespace fermata
