#pragma once

#include <QHash>
#include <QObject>
#include <QTimer>

namespace fermata {

class Database;

// Tells this process what other processes (the window, `fermata serve`, commands) and this
// process's other connections (worker threads) committed to the shared database, so each can
// reload only what changed. Polls PRAGMA data_version — it moves only when another connection
// commits, and reading it touches no disk — and only then reads the per-topic counters that
// triggers keep in data_changes (data format 6).
class DataChangeWatcher final : public QObject
{
    Q_OBJECT
public:
    explicit DataChangeWatcher(Database &db, QObject *parent = nullptr);

    // Checks every `intervalMs` on this thread's event loop; the first check only takes note.
    void start(int intervalMs = DefaultIntervalMs);
    void stop();
    // Checks now and emits a signal per topic another connection changed since the last check.
    void check();

    static constexpr int DefaultIntervalMs = 500;

Q_SIGNALS:
    void tasksChanged();
    void calendarChanged();   // events, focus blocks, subscriptions
    void inboxChanged();      // notifications: added, released, done, archived
    void attentionChanged();  // check-in windows, rules, engine settings
    void focusChanged();      // focus sessions
    void teamChanged();       // messages, outbox, team directory

private:
    bool readDataVersion(qint64 &version) const;
    QHash<QString, qint64> readTopics() const;
    void emitFor(const QString &topic);

    Database &m_db;
    QTimer m_timer;
    bool m_primed = false;
    qint64 m_dataVersion = 0;
    QHash<QString, qint64> m_topics;
};

} // namespace fermata
