#pragma once

#include "caldav/caldavsynchronizer.h"

#include <QObject>
#include <QStringList>
#include <QTimeZone>
#include <QUrl>

#include <atomic>
#include <memory>

namespace fermata {

class CalDavAccounts;
class CalendarInteropService;
class Clock;
class Database;
class SecretStore;

// The CalDAV work that waits on the network: syncs, adding and removing accounts. Lives on
// CalDavSync's thread with its own database connection and secret store, so every member
// function runs there: call them through QMetaObject::invokeMethod.
class CalDavWorker final : public QObject
{
    Q_OBJECT
public:
    struct Setup
    {
        QString databasePath;
        QString secretsPath; // the password file when there is no keychain
        QTimeZone floatingZone = QTimeZone("UTC");
        QStringList userAddresses;
        int timeoutMs = CalDavClient::defaultTimeoutMs;
    };

    // `cancel` is shared with the GUI thread: set it to stop a running sync between requests.
    CalDavWorker(Setup setup, const Clock &clock, std::shared_ptr<std::atomic_bool> cancel);
    ~CalDavWorker() override;
    Q_DISABLE_COPY_MOVE(CalDavWorker)

    // Opens the database on this thread; false (and openFailed) when it cannot.
    bool open();
    void syncAll();
    // Adds (or updates) the account, then syncs it.
    void addAccount(const QUrl &url, const QString &user, const QString &password);
    void removeAccount(qint64 accountId, bool keepEvents);

Q_SIGNALS:
    void openFailed(const QString &message);
    void syncFinished(const QList<fermata::CalDavSyncOutcome> &outcomes);
    void accountAdded(bool ok, const QString &message);
    void accountRemoved(bool ok, const QString &message);

private:
    Setup m_setup;
    const Clock &m_clock;
    std::shared_ptr<std::atomic_bool> m_cancel;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<SecretStore> m_secrets;
    std::unique_ptr<CalendarInteropService> m_interop;
    std::unique_ptr<CalDavAccounts> m_accounts;
    std::unique_ptr<CalDavSynchronizer> m_synchronizer;
};

} // namespace fermata
