#include "attention/intakewriter.h"

#include "storage/attentionrepository.h"
#include "storage/database.h"

namespace fermata {

IntakeWriter::IntakeWriter(QString databasePath, QObject *parent)
    : QObject(parent), m_path(std::move(databasePath))
{
}

IntakeWriter::~IntakeWriter()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_one();
    if (m_thread.joinable())
        m_thread.join();
}

Status IntakeWriter::start()
{
    if (m_started)
        return {};
    if (m_failure)
        return *m_failure; // tried once; the caller stores on its own thread instead
    if (m_path.isEmpty() || m_path == u":memory:") {
        m_failure = Error{Error::Code::Invalid,
                          QStringLiteral("A second connection needs a database file.")};
        return *m_failure;
    }
    std::promise<Status> opened;
    std::future<Status> result = opened.get_future();
    m_thread = std::thread(&IntakeWriter::run, this, std::move(opened));
    Status status = result.get();
    if (!status) {
        m_thread.join();
        m_failure = status.error();
        return status;
    }
    m_started = true;
    return {};
}

void IntakeWriter::submit(QList<InboxItem> items, Done done)
{
    if (!m_started) {
        done(Result<QList<qint64>>::failure(Error::Code::Io,
                                            QStringLiteral("The notification store is not open.")));
        return;
    }
    {
        const std::lock_guard lock(m_mutex);
        m_jobs.push_back(Job{std::move(items), std::move(done)});
    }
    m_wake.notify_one();
}

std::vector<IntakeWriter::Job> IntakeWriter::takeJobs()
{
    std::unique_lock lock(m_mutex);
    m_wake.wait(lock, [this] { return m_stopping || !m_jobs.empty(); });
    // Whole jobs, at least one, until the bound: a job's replies go out together.
    std::vector<Job> jobs;
    qsizetype items = 0;
    while (!m_jobs.empty() && (jobs.empty() || items + m_jobs.front().items.size() <= m_maxItems)) {
        items += m_jobs.front().items.size();
        jobs.push_back(std::move(m_jobs.front()));
        m_jobs.pop_front();
    }
    return jobs;
}

void IntakeWriter::run(std::promise<Status> opened)
{
    // The connection belongs to this thread: opened, used and closed here.
    auto db = Database::open(m_path);
    if (!db) {
        opened.set_value(Status(db.error()));
        return;
    }
    AttentionRepository repo(*db.value());
    opened.set_value(Status());
    for (;;) {
        std::vector<Job> jobs = takeJobs();
        if (jobs.empty())
            return; // stopping, and nothing left to store
        QList<InboxItem> items;
        for (const Job &job : jobs)
            items.append(job.items);
        QList<qint64> ids;
        const Status stored = db.value()->inTransaction([&]() -> Status {
            auto added = repo.add(items);
            if (!added)
                return added.error();
            ids = std::move(added).value();
            return {};
        });
        qsizetype next = 0;
        for (Job &job : jobs) {
            Result<QList<qint64>> result = stored ? Result<QList<qint64>>(ids.mid(next, job.items.size()))
                                                  : Result<QList<qint64>>(stored.error());
            next += job.items.size();
            // Back on the submitting thread; dropped if the writer is gone by then.
            QMetaObject::invokeMethod(
                this, [done = std::move(job.done), result = std::move(result)]() mutable { done(std::move(result)); },
                Qt::QueuedConnection);
        }
    }
}

} // namespace fermata
