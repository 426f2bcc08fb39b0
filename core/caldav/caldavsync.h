#pragma once

#include "caldav/caldavaccount.h"
#include "caldav/caldavsynchronizer.h"
#include "result.h"

#include <QList>
#include <QObject>
#include <QStringList>
#include <QThread>
#include <QTimeZone>
#include <QTimer>
#include <QUrl>

#include <atomic>
#include <memory>
#include <optional>

namespace fermata {

class CalDavAccounts;
class CalDavWorker;
class CalendarInteropService;
class Clock;
class Database;
class SecretStore;

// CalDAV in the running app, on the GUI thread: owns the worker thread (CalDavWorker, its own
// database connection) that syncs every account on a timer and shortly after focus blocks
// change, adds and removes accounts; reports back here. The accounts, calendars and choices
// (read, which calendar receives blocks) are read and written on this thread's connection:
// quick local writes, followed by a sync.
class CalDavSync final : public QObject
{
    Q_OBJECT
public:
    static constexpr int defaultIntervalMs = 5 * 60 * 1000;
    static constexpr int changeDelayMs = 2000; // a plan stores many blocks: one sync for all
    static constexpr int busyRetryMs = 30 * 1000; // another process was syncing an account

    // `secretsPath`: the password file when there is no keychain (<dataDir>/caldav-secrets.json).
    CalDavSync(Database &db, const Clock &clock, QString secretsPath, QObject *parent = nullptr);
    ~CalDavSync() override;
    Q_DISABLE_COPY_MOVE(CalDavSync)

    // Read by the import rules (set before start()).
    void setFloatingZone(const QTimeZone &zone) { m_floatingZone = zone; }
    void setUserAddresses(const QStringList &addresses) { m_addresses = addresses; }
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }

    // Syncs now and then every `intervalMs`. Call after the window's first paint.
    void start(int intervalMs = defaultIntervalMs);
    void stop();
    // A sync as soon as the worker is free (one more after the running one, if any).
    void syncNow();
    // A sync changeDelayMs from now, however many changes come in between.
    void scheduleSync();
    bool isSyncing() const { return m_syncing; }
    const QList<CalDavSyncOutcome> &lastOutcomes() const { return m_lastOutcomes; }

    Result<QList<CalDavAccount>> accounts() const;
    Result<QList<CalDavCalendarRecord>> calendars(qint64 accountId) const;
    // Choices take effect at once locally (a calendar no longer read leaves the planner) and
    // go to the server with the sync they schedule.
    Status setRead(const CalDavCalendarRecord &calendar, bool read);
    Status setBlocksCalendar(qint64 accountId, std::optional<CalDavCalendarRecord> calendar);
    Status setBlockTitle(qint64 accountId, const QString &title);
    // On the worker: discovery, calendar list, password into the keychain, first sync.
    void addAccount(const QUrl &url, const QString &user, const QString &password);
    void removeAccount(qint64 accountId, bool keepEvents);

Q_SIGNALS:
    void syncStarted();
    void syncFinished(const QList<fermata::CalDavSyncOutcome> &outcomes);
    void accountAdded(bool ok, const QString &message);
    void accountRemoved(bool ok, const QString &message);
    // Meetings from CalDAV changed in the database (the views and the plan look again).
    void eventsImported();
    // Accounts or choices changed (here, on the worker or in another process): reload.
    void accountsChanged();

private:
    void startWorker();
    template<typename Work> void onWorker(Work work);
    void runSync();
    void onSyncFinished(const QList<CalDavSyncOutcome> &outcomes);

    Database &m_db;
    const Clock &m_clock;
    QString m_secretsPath;
    QTimeZone m_floatingZone = QTimeZone("UTC");
    QStringList m_addresses;
    int m_timeoutMs = CalDavClient::defaultTimeoutMs;
    std::unique_ptr<SecretStore> m_secrets;
    std::unique_ptr<CalendarInteropService> m_interop;
    std::unique_ptr<CalDavAccounts> m_accounts;
    QThread m_thread;
    CalDavWorker *m_worker = nullptr; // lives on m_thread
    std::shared_ptr<std::atomic_bool> m_cancel = std::make_shared<std::atomic_bool>(false);
    QTimer m_interval;
    QTimer m_soon; // single shot: changes and Busy retries
    bool m_syncing = false;
    bool m_again = false; // asked for while a sync ran
    QList<CalDavSyncOutcome> m_lastOutcomes;
};

} // namespace fermata
