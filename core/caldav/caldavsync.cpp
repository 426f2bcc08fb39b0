#include "caldav/caldavsync.h"

#include "caldav/caldavaccountrepository.h"
#include "caldav/caldavaccounts.h"
#include "caldav/caldavworker.h"
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

CalDavSync::CalDavSync(Database &db, const Clock &clock, QString secretsPath, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_clock(clock)
    , m_secretsPath(std::move(secretsPath))
    // Choices made here never need the password: the worker reads it from the keychain.
    , m_secrets(std::make_unique<FileSecretStore>(m_secretsPath))
    , m_interop(std::make_unique<CalendarInteropService>(db, clock))
    , m_accounts(std::make_unique<CalDavAccounts>(db, *m_secrets, *m_interop, clock))
{
    qRegisterMetaType<CalDavSyncOutcome>();
    qRegisterMetaType<QList<CalDavSyncOutcome>>();
    m_thread.setObjectName(QStringLiteral("caldav-worker"));
    m_soon.setSingleShot(true);
    connect(&m_soon, &QTimer::timeout, this, &CalDavSync::syncNow);
    connect(&m_interval, &QTimer::timeout, this, &CalDavSync::syncNow);
}

CalDavSync::~CalDavSync()
{
    stop();
}

void CalDavSync::stop()
{
    m_interval.stop();
    m_soon.stop();
    if (!m_thread.isRunning())
        return;
    // quit() also ends the client's waiting loop: the request in flight stops at once, and the
    // cancel flag keeps the cut-short sync from being recorded as a failure. Nothing half-written
    // stays: each write is recorded once the server confirmed it, and a repeat is idempotent.
    m_cancel->store(true);
    m_thread.quit();
    m_thread.wait();
    m_worker = nullptr; // deleted on its thread when it finished
}

void CalDavSync::startWorker()
{
    if (m_worker)
        return;
    CalDavWorker::Setup setup { m_db.path(), m_secretsPath, m_floatingZone, m_addresses, m_timeoutMs };
    m_cancel->store(false);
    m_worker = new CalDavWorker(setup, m_clock, m_cancel);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &CalDavWorker::syncFinished, this, &CalDavSync::onSyncFinished);
    connect(m_worker, &CalDavWorker::accountAdded, this, [this](bool ok, const QString &message) {
        Q_EMIT accountAdded(ok, message);
        Q_EMIT accountsChanged();
    });
    connect(m_worker, &CalDavWorker::accountRemoved, this, [this](bool ok, const QString &message) {
        Q_EMIT accountRemoved(ok, message);
        Q_EMIT eventsImported(); // its meetings left the planner
        Q_EMIT accountsChanged();
    });
    m_thread.start(QThread::LowPriority);
}

template<typename Work> void CalDavSync::onWorker(Work work)
{
    startWorker();
    CalDavWorker *worker = m_worker;
    QMetaObject::invokeMethod(worker, [worker, work] { work(*worker); }, Qt::QueuedConnection);
}

void CalDavSync::start(int intervalMs)
{
    m_interval.start(intervalMs);
    syncNow();
}

void CalDavSync::syncNow()
{
    m_soon.stop();
    if (m_syncing) {
        m_again = true;
        return;
    }
    runSync();
}

void CalDavSync::scheduleSync()
{
    if (!m_soon.isActive())
        m_soon.start(changeDelayMs);
}

void CalDavSync::runSync()
{
    // No account: no thread, no second connection (most people, at every start).
    if (!m_worker) {
        const auto all = accounts();
        if (all && all->isEmpty())
            return;
    }
    m_syncing = true;
    m_again = false;
    Q_EMIT syncStarted();
    onWorker([](CalDavWorker &worker) { worker.syncAll(); });
}

void CalDavSync::onSyncFinished(const QList<CalDavSyncOutcome> &outcomes)
{
    m_syncing = false;
    m_lastOutcomes = outcomes;
    bool imported = false;
    bool busy = false;
    for (const CalDavSyncOutcome &outcome : outcomes) {
        imported = imported || outcome.read.imported > 0;
        busy = busy || outcome.kind == CalDavSyncOutcome::Kind::Busy;
    }
    if (imported)
        Q_EMIT eventsImported();
    Q_EMIT syncFinished(outcomes);
    Q_EMIT accountsChanged();
    if (m_again)
        runSync();
    else if (busy && !m_soon.isActive())
        m_soon.start(busyRetryMs);
}

Result<QList<CalDavAccount>> CalDavSync::accounts() const
{
    return CalDavAccountRepository(m_db).all();
}

Result<QList<CalDavCalendarRecord>> CalDavSync::calendars(qint64 accountId) const
{
    return CalDavAccountRepository(m_db).calendars(accountId);
}

Status CalDavSync::setRead(const CalDavCalendarRecord &calendar, bool read)
{
    const Status saved = m_accounts->setRead(calendar, read);
    if (saved) {
        if (!read)
            Q_EMIT eventsImported();
        Q_EMIT accountsChanged();
        scheduleSync();
    }
    return saved;
}

Status CalDavSync::setBlocksCalendar(qint64 accountId, std::optional<CalDavCalendarRecord> calendar)
{
    const auto account = CalDavAccountRepository(m_db).find(accountId);
    if (!account)
        return account.error();
    if (!account->has_value())
        return Status::failure(Error::Code::NotFound, Text::tr("The CalDAV account no longer exists."));
    const Status saved = m_accounts->setBlocksCalendar(**account, calendar);
    if (saved) {
        Q_EMIT accountsChanged();
        scheduleSync();
    }
    return saved;
}

Status CalDavSync::setBlockTitle(qint64 accountId, const QString &title)
{
    const Status saved = CalDavAccountRepository(m_db).setBlockTitle(accountId, title.trimmed());
    if (saved) {
        Q_EMIT accountsChanged();
        scheduleSync();
    }
    return saved;
}

void CalDavSync::addAccount(const QUrl &url, const QString &user, const QString &password)
{
    onWorker([url, user, password](CalDavWorker &worker) { worker.addAccount(url, user, password); });
}

void CalDavSync::removeAccount(qint64 accountId, bool keepEvents)
{
    onWorker([accountId, keepEvents](CalDavWorker &worker) { worker.removeAccount(accountId, keepEvents); });
}

} // namespace fermata
