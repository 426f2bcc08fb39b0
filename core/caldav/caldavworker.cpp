#include "caldav/caldavworker.h"

#include "caldav/caldavaccountrepository.h"
#include "caldav/caldavaccounts.h"
#include "calendar/calendarinteropservice.h"
#include "storage/database.h"
#include "team/secretstore.h"

#include <QCoreApplication>

namespace {

// Messages people read, filed under the CalDAV context of the core's translations.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(fermata::CalDav)
};

} // namespace

namespace fermata {

CalDavWorker::CalDavWorker(Setup setup, const Clock &clock, std::shared_ptr<std::atomic_bool> cancel)
    : m_setup(std::move(setup))
    , m_clock(clock)
    , m_cancel(std::move(cancel))
{
    qRegisterMetaType<CalDavSyncOutcome>();
    qRegisterMetaType<QList<CalDavSyncOutcome>>();
}

// Destroyed on the worker thread (QThread::finished -> deleteLater), like the connection.
CalDavWorker::~CalDavWorker() = default;

bool CalDavWorker::open()
{
    if (m_db)
        return true;
    auto opened = Database::open(m_setup.databasePath);
    if (!opened) {
        Q_EMIT openFailed(opened.error().message);
        return false;
    }
    m_db = std::move(opened).value();
    m_secrets = makeSecretStore(m_setup.secretsPath);
    m_interop = std::make_unique<CalendarInteropService>(*m_db, m_clock);
    m_interop->setFloatingZone(m_setup.floatingZone);
    m_interop->setUserAddresses(m_setup.userAddresses);
    m_accounts = std::make_unique<CalDavAccounts>(*m_db, *m_secrets, *m_interop, m_clock);
    m_accounts->setTimeoutMs(m_setup.timeoutMs);
    m_synchronizer = std::make_unique<CalDavSynchronizer>(*m_db, *m_secrets, *m_interop, m_clock);
    m_synchronizer->setTimeoutMs(m_setup.timeoutMs);
    m_synchronizer->setCancelFlag(m_cancel);
    // The window never waits for `fermata caldav sync` or `serve`: Busy, and it tries later.
    m_synchronizer->setLeaseWaitMs(0);
    return true;
}

void CalDavWorker::syncAll()
{
    if (open())
        Q_EMIT syncFinished(m_synchronizer->syncAll());
}

void CalDavWorker::addAccount(const QUrl &url, const QString &user, const QString &password)
{
    if (!open()) {
        Q_EMIT accountAdded(false, Text::tr("Fermata could not open its data to add the account."));
        return;
    }
    const CalDavResult<CalDavAccount> added = m_accounts->add({ url, user, password, {} });
    if (!added) {
        Q_EMIT accountAdded(false, added.error().message);
        return;
    }
    QString message = Text::tr("Added %1.").arg(added->name);
    if (!m_secrets->warning().isEmpty())
        message += u' ' + m_secrets->warning();
    Q_EMIT accountAdded(true, message);
    Q_EMIT syncFinished({ m_synchronizer->sync(added->id) });
}

void CalDavWorker::removeAccount(qint64 accountId, bool keepEvents)
{
    if (!open()) {
        Q_EMIT accountRemoved(false, Text::tr("Fermata could not open its data to remove the account."));
        return;
    }
    const auto found = CalDavAccountRepository(*m_db).find(accountId);
    if (!found || !found->has_value()) {
        Q_EMIT accountRemoved(false, found ? Text::tr("The CalDAV account no longer exists.") : found.error().message);
        return;
    }
    const CalDavAccount &account = **found;
    const CalDavStatus removed = m_accounts->remove(account, keepEvents);
    if (!removed) {
        Q_EMIT accountRemoved(false, removed.error().message);
        return;
    }
    Q_EMIT accountRemoved(true,
        keepEvents ? Text::tr("Removed %1; its focus block events stay on the server.").arg(account.name)
                   : Text::tr("Removed %1 and its focus block events.").arg(account.name));
}

} // namespace fermata
