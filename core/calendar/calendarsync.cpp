#include "calendar/calendarsync.h"

#include "settings/preferences.h"
#include "storage/database.h"
#include "time/clock.h"

#include <QSettings>

namespace fermata {

namespace {

const QString s_exportPathKey = QStringLiteral("calendar/exportPath");
const QString s_addressesKey = QStringLiteral("calendar/myAddresses");

} // namespace

CalendarSync::CalendarSync(Database &db, const Clock &clock, Preferences &preferences,
                           QString cacheDirectory, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_clock(clock)
    , m_preferences(preferences)
    , m_cacheDirectory(std::move(cacheDirectory))
    , m_interop(db, clock)
    , m_subscriptions(std::make_unique<SubscriptionService>(db, m_interop, clock, m_cacheDirectory))
{
    qRegisterMetaType<CalendarImportOutcome>();
    qRegisterMetaType<RefreshOutcome>();
    const QSettings settings(preferences.fileName(), QSettings::IniFormat);
    m_interop.setFloatingZone(preferences.timeZone());
    m_interop.setUserAddresses(settings.value(s_addressesKey).toStringList());
    m_interop.setAutoExportPath(settings.value(s_exportPathKey).toString());
    m_thread.setObjectName(QStringLiteral("calendar-worker"));
    m_exportTimer.setSingleShot(true);
    m_exportTimer.setInterval(500);
    connect(&m_exportTimer, &QTimer::timeout, this, &CalendarSync::exportNow);
    connect(&m_fileCheck, &QTimer::timeout, this, &CalendarSync::refreshDue);
}

CalendarSync::~CalendarSync()
{
    stop();
}

void CalendarSync::stop()
{
    m_fileCheck.stop();
    if (!m_thread.isRunning())
        return;
    m_cancel->store(true); // a running import rolls back rather than hold the exit
    m_thread.quit();
    m_thread.wait();
    m_worker = nullptr; // deleted on its thread when it finished
}

void CalendarSync::startWorker()
{
    if (m_worker)
        return;
    CalendarWorker::Setup setup;
    setup.databasePath = m_db.path();
    setup.cacheDirectory = m_cacheDirectory;
    setup.floatingZone = m_interop.readOptions(QString()).floatingZone;
    setup.userAddresses = m_interop.readOptions(QString()).userAddresses;
    m_worker = new CalendarWorker(setup, m_clock, m_cancel);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &CalendarWorker::importProgressed, this, &CalendarSync::importProgressed);
    connect(m_worker, &CalendarWorker::importFinished, this, &CalendarSync::onImportFinished);
    connect(m_worker, &CalendarWorker::refreshFinished, this, &CalendarSync::onRefreshFinished);
    connect(m_worker, &CalendarWorker::allRefreshed, this, &CalendarSync::allRefreshed);
    m_thread.start(QThread::LowPriority);
}

template <typename Work>
void CalendarSync::onWorker(Work work)
{
    startWorker();
    CalendarWorker *worker = m_worker;
    QMetaObject::invokeMethod(worker, [worker, work] { work(*worker); }, Qt::QueuedConnection);
}

void CalendarSync::start(int checkMs)
{
    onWorker([checkMs](CalendarWorker &worker) { worker.startAutoRefresh(checkMs); });
    // Subscriptions re-expand on refresh; kept file calendars need their own check.
    m_fileCheck.start(checkMs);
    m_cancel->store(false);
    onWorker([](CalendarWorker &worker) { worker.reimportStaleFiles(); });
}

bool CalendarSync::importFile(const QString &path, const QString &source)
{
    if (m_importing)
        return false;
    m_importing = true;
    m_cancel->store(false);
    onWorker([path, source](CalendarWorker &worker) { worker.importFile(path, source); });
    return true;
}

void CalendarSync::cancelImport()
{
    if (m_importing)
        m_cancel->store(true);
}

void CalendarSync::refresh(qint64 subscriptionId)
{
    onWorker([subscriptionId](CalendarWorker &worker) { worker.refresh(subscriptionId); });
}

void CalendarSync::refreshAll()
{
    onWorker([](CalendarWorker &worker) { worker.refreshAll(); });
}

void CalendarSync::refreshDue()
{
    onWorker([](CalendarWorker &worker) { worker.refreshDue(); });
    if (!m_importing) {
        m_cancel->store(false);
        onWorker([](CalendarWorker &worker) { worker.reimportStaleFiles(); });
    }
}

void CalendarSync::onImportFinished(const CalendarImportOutcome &outcome)
{
    if (!outcome.background)
        m_importing = false;
    if (outcome.ok && !outcome.report.cancelled)
        Q_EMIT eventsImported();
    Q_EMIT importFinished(outcome);
}

void CalendarSync::onRefreshFinished(const RefreshOutcome &outcome)
{
    if (outcome.kind != RefreshOutcome::Kind::Failed)
        Q_EMIT eventsImported();
    Q_EMIT refreshFinished(outcome);
}

Status CalendarSync::unsubscribe(const QString &name)
{
    const Status removed = m_subscriptions->unsubscribe(name);
    if (removed)
        Q_EMIT eventsImported();
    return removed;
}

Status CalendarSync::setAutoExportPath(const QString &path)
{
    const QString previous = m_interop.autoExportPath();
    m_interop.setAutoExportPath(path);
    if (Status written = m_interop.exportIfConfigured(); !written) {
        m_interop.setAutoExportPath(previous);
        return written;
    }
    QSettings settings(m_preferences.fileName(), QSettings::IniFormat);
    if (path.isEmpty())
        settings.remove(s_exportPathKey);
    else
        settings.setValue(s_exportPathKey, path);
    settings.sync();
    return {};
}

void CalendarSync::scheduleAutoExport()
{
    if (!m_interop.autoExportPath().isEmpty())
        m_exportTimer.start();
}

void CalendarSync::exportNow()
{
    if (Status written = m_interop.exportIfConfigured(); !written)
        Q_EMIT autoExportFailed(written.error().message);
}

} // namespace fermata
