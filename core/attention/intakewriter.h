#pragma once

#include "attention/inboxitem.h"
#include "result.h"

#include <QObject>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace fermata {

// Stores decided intake batches on a thread of its own, over its own connection to the
// database file, so the next batch is read, parsed and decided while the previous one's
// fsync runs. Whatever was submitted while a commit ran goes into the next transaction
// as soon as that commit returns (group commit), up to maxItemsPerCommit() items so one
// huge batch does not make everyone wait behind it. `done` runs on the writer object's own
// (the submitting) thread, strictly in submission order, only after the commit returned.
class IntakeWriter final : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(Result<QList<qint64>> ids)>;

    explicit IntakeWriter(QString databasePath, QObject *parent = nullptr);
    ~IntakeWriter() override; // stores what was submitted, then stops (no `done` after this)
    Q_DISABLE_COPY_MOVE(IntakeWriter)

    // Opens the writer's connection; the error says why it could not.
    Status start();
    void submit(QList<InboxItem> items, Done done);

    int maxItemsPerCommit() const { return m_maxItems; }
    void setMaxItemsPerCommit(int items) { m_maxItems = qMax(1, items); }

private:
    struct Job
    {
        QList<InboxItem> items;
        Done done;
    };
    void run(std::promise<Status> opened);
    std::vector<Job> takeJobs();

    QString m_path;
    std::thread m_thread;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<Job> m_jobs;
    bool m_stopping = false;
    bool m_started = false;
    std::optional<Error> m_failure;
    std::atomic<int> m_maxItems{1024};
};

} // namespace fermata
