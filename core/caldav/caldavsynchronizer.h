#pragma once

#include "caldav/caldavblockwriter.h"
#include "caldav/caldavreader.h"
#include "calendar/caldavclient.h"

#include <QList>
#include <QMetaType>
#include <QString>

#include <atomic>
#include <memory>

namespace fermata {

class CalendarInteropService;
class Clock;
class Database;
class CalDavSyncLease;
class SecretStore;

// How one account's sync went, for the command line, the Calendars page and the log.
struct CalDavSyncOutcome
{
    enum class Kind { Synced, Failed, Busy };
    Kind kind = Kind::Failed;
    qint64 accountId = 0;
    QString accountName;
    CalDavFailure failure = CalDavFailure::None; // Failed: why, for callers that retry
    QString error; // Failed: a sentence for people
    bool hasBlocksCalendar = false;
    CalDavReader::Report read;
    CalDavBlockWriter::Report written;

    // e.g. "alice@cloud.example.com: 2 calendars checked, 3 events changed; focus blocks: 2 new,
    // 1 moved, 1 removed."
    QString message() const;
};

// One sync of an account: claims the account's lease (another process syncing it is waited
// for, up to leaseWaitMs, else Busy), connects with the stored password, lists the calendars,
// pulls the read ones (CalDavReader) and pushes the focus blocks (CalDavBlockWriter), then
// records the result on the account. Blocks on the network: for a worker thread or a command.
class CalDavSynchronizer final
{
public:
    CalDavSynchronizer(Database &db, SecretStore &secrets, CalendarInteropService &interop, const Clock &clock);

    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    // How long to wait for another process's sync of the same account before giving up (Busy).
    void setLeaseWaitMs(int ms) { m_leaseWaitMs = ms; }
    // Set from another thread to stop a sync between requests (the app is quitting): what was
    // confirmed is kept, nothing more is sent, and the account's last result is left as it was.
    void setCancelFlag(std::shared_ptr<std::atomic_bool> cancel) { m_cancel = std::move(cancel); }

    CalDavSyncOutcome sync(qint64 accountId);
    QList<CalDavSyncOutcome> syncAll();
    // Changes to focus blocks not yet on the server (no network).
    Result<int> pendingWrites(qint64 accountId);

private:
    CalDavSyncOutcome run(const CalDavAccount &account, CalDavSyncLease &lease);

    Database &m_db;
    SecretStore &m_secrets;
    CalendarInteropService &m_interop;
    const Clock &m_clock;
    int m_timeoutMs = CalDavClient::defaultTimeoutMs;
    int m_leaseWaitMs = 0;
    std::shared_ptr<std::atomic_bool> m_cancel;
};

} // namespace fermata

Q_DECLARE_METATYPE(fermata::CalDavSyncOutcome)
