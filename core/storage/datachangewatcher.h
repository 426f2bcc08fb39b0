#pragma once

#include <QFileSystemWatcher>
#include <QHash>
#include <QObject>
#include <QTimer>

namespace fermata {

class Database;

// Tells this process what other processes (the window, `fermata serve`, commands) and this
// process's other connections (worker threads) committed to the shared database, so each can
// reload only what changed. Every commit appends to the WAL, so a file watch on it (inotify)
// wakes the process only when something was written — an idle process is never woken. Then
// PRAGMA data_version says whether another connection committed (it ignores our own), and only
// then are the per-topic counters read that triggers keep in data_changes (data format 6).
class DataChangeWatcher final : public QObject
{
    Q_OBJECT
public:
    explicit DataChangeWatcher(Database &db, QObject *parent = nullptr);

    // Watches from now on, on this thread's event loop; the first check only takes note.
    void start();
    void stop();
    // Checks now and emits a signal per topic another connection changed since the last check.
    void check();

    // Writes come in bursts (an import, a notify flood): one check per burst, this long after
    // its first write.
    static constexpr int SettleMs = 50;

Q_SIGNALS:
    void tasksChanged();
    void calendarChanged();   // events, focus blocks, subscriptions
    void inboxChanged();      // notifications: added, released, done, archived
    void attentionChanged();  // check-in windows, rules, engine settings
    void teamChanged();       // messages, outbox, team directory
    void caldavChanged();     // CalDAV accounts and calendars: choices, sync state, errors

private:
    bool readDataVersion(qint64 &version) const;
    QHash<QString, qint64> readTopics() const;
    void emitFor(const QString &topic);
    void onWalChanged();

    Database &m_db;
    QFileSystemWatcher m_walWatch;
    QTimer m_settle;   // single shot: the check after a burst of writes
    QTimer m_rewatch;  // retries while the WAL cannot be watched (not there yet, or replaced)
    bool m_primed = false;
    qint64 m_dataVersion = 0;
    QHash<QString, qint64> m_topics;
};

} // namespace fermata
