#pragma once

#include "attention/inboxitem.h"
#include "result.h"

#include <QObject>
#include <QPointer>

#include <deque>
#include <functional>
#include <memory>

class QLocalServer;
class QLocalSocket;

namespace fermata {

// Takes notifications from `fermata notify` (and any local program) over a local socket.
// Protocol, one line each way per notification, answered in order:
//   -> {"title": "...", "source": "...", ...}\n        (see notificationrequest.h)
//   <- ok ID\n   once the notification is committed    |   error MESSAGE\n
// Group commit: everything that arrived in one event-loop turn is stored in one transaction
// before any of it is acknowledged, so many senders share one fsync. With an AsyncSink the
// store may run elsewhere while the next turn's lines are read; replies still leave in
// arrival order.
class LocalIntakeServer final : public QObject
{
    Q_OBJECT
public:
    using Sink = std::function<Result<QList<qint64>>(QList<InboxItem> items)>;
    // Stores the items and then calls `done` on this thread (later, or at once).
    using Stored = std::function<void(Result<QList<qint64>> ids)>;
    using AsyncSink = std::function<void(QList<InboxItem> items, Stored done)>;

    explicit LocalIntakeServer(Sink sink, QObject *parent = nullptr);
    explicit LocalIntakeServer(AsyncSink sink, QObject *parent = nullptr);
    ~LocalIntakeServer() override;

    // The socket name for a profile's instance key (next to the single-instance socket).
    static QString socketName(const QString &instanceKey);

    bool listen(const QString &name);
    QString errorString() const { return m_error; }
    void setMaxBatch(int items) { m_maxBatch = qMax(1, items); }

    static constexpr qsizetype MaxLineBytes = 256 * 1024;

Q_SIGNALS:
    void batchCommitted(int items);

private:
    struct Pending
    {
        QPointer<QLocalSocket> socket;
        std::optional<InboxItem> item; // empty: `reply` is an error already known
        QByteArray reply;
    };
    void handleConnection();
    void readLines(QLocalSocket *socket);
    // A flushed batch waiting for its commit; answered only after every earlier batch.
    struct InFlight
    {
        QList<Pending> lines;
        std::optional<Result<QList<qint64>>> ids; // set once stored
    };
    void scheduleFlush();
    void flush();
    void answerFinished();
    void answer(const QList<Pending> &lines, const Result<QList<qint64>> &ids);

    AsyncSink m_sink;
    QLocalServer *m_server = nullptr;
    QList<Pending> m_pending;
    std::deque<std::shared_ptr<InFlight>> m_inFlight;
    bool m_flushScheduled = false;
    int m_maxBatch = 4096;
    QString m_error;
};

} // namespace fermata
