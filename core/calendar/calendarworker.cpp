#include "calendar/calendarworker.h"

#include "calendar/calendarinteropservice.h"
#include "calendar/importedfilecache.h"
#include "storage/database.h"
#include "time/clock.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace {

// Messages people read, filed under the calendar context of the core's translations.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(fermata::Calendar)
};

} // namespace

namespace fermata {

CalendarWorker::CalendarWorker(Setup setup, const Clock &clock, std::shared_ptr<std::atomic_bool> cancel)
    : m_setup(std::move(setup)), m_clock(clock), m_cancel(std::move(cancel))
{
    qRegisterMetaType<CalendarImportOutcome>();
    qRegisterMetaType<RefreshOutcome>();
}

// Destroyed on the worker thread (QThread::finished -> deleteLater), like the connection.
CalendarWorker::~CalendarWorker() = default;

bool CalendarWorker::open()
{
    if (m_db)
        return true;
    auto opened = Database::open(m_setup.databasePath);
    if (!opened) {
        Q_EMIT openFailed(opened.error().message);
        return false;
    }
    m_db = std::move(opened).value();
    m_interop = std::make_unique<CalendarInteropService>(*m_db, m_clock);
    m_interop->setFloatingZone(m_setup.floatingZone);
    m_interop->setUserAddresses(m_setup.userAddresses);
    m_subscriptions = std::make_unique<SubscriptionService>(*m_db, *m_interop, m_clock,
                                                            m_setup.cacheDirectory);
    m_files = std::make_unique<ImportedFileCache>(m_setup.cacheDirectory);
    connect(m_subscriptions.get(), &SubscriptionService::refreshFinished, this,
            &CalendarWorker::refreshFinished);
    connect(m_subscriptions.get(), &SubscriptionService::allRefreshed, this,
            &CalendarWorker::allRefreshed);
    return true;
}

void CalendarWorker::importFile(const QString &path, const QString &source)
{
    if (!open()) {
        CalendarImportOutcome outcome;
        outcome.path = path;
        outcome.source = source;
        outcome.error = Text::tr("Fermata could not open its data on the import thread.");
        Q_EMIT importFinished(outcome);
        return;
    }
    Q_EMIT importFinished(runImport(path, source, false));
}

void CalendarWorker::reimportStaleFiles()
{
    if (!open())
        return;
    for (const ImportedFileCache::Entry &entry : m_files->stale(m_clock.now()))
        Q_EMIT importFinished(runImport(entry.copyPath, entry.source, true));
}

CalendarImportOutcome CalendarWorker::runImport(const QString &path, const QString &source,
                                                bool background)
{
    int lastPermille = -1;
    const IcalProgress progress = [this, &lastPermille](qint64 done, qint64 total) {
        // One signal per 0.1 %: enough for a smooth bar, few enough for the event queue.
        const int permille = total > 0 ? int(done * 1000 / total) : 1000;
        if (permille != lastPermille) {
            lastPermille = permille;
            Q_EMIT importProgressed(done, total);
        }
        return !m_cancel->load();
    };
    CalendarImportOutcome outcome;
    outcome.path = path;
    outcome.source = source;
    outcome.background = background;
    const auto report = m_interop->importFile(path, source, progress);
    if (!report) {
        outcome.error = report.error().message;
        return outcome;
    }
    outcome.ok = true;
    outcome.report = *report;
    if (report->cancelled)
        return outcome;
    // Keep the file, so a later start can import it again without the person's copy.
    const Status kept = background ? m_files->touch(source, m_clock.now())
                                   : m_files->remember(source, path, m_clock.now());
    if (!kept)
        qWarning("Fermata could not keep a copy of the imported calendar: %s",
                 qPrintable(kept.error().message));
    return outcome;
}

void CalendarWorker::refresh(qint64 subscriptionId)
{
    if (open())
        m_subscriptions->refresh(subscriptionId);
}

void CalendarWorker::refreshAll()
{
    if (open())
        m_subscriptions->refreshAll();
}

void CalendarWorker::refreshDue()
{
    if (open())
        m_subscriptions->refreshDue();
}

void CalendarWorker::startAutoRefresh(int checkMs)
{
    if (open())
        m_subscriptions->startAutoRefresh(checkMs);
}

} // namespace fermata
