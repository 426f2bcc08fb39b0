#include "views/insights/insightssource.h"

#include "insights/insightsquery.h"
#include "storage/database.h"

#include <memory>

namespace fermata {

// Owns the worker thread's connection: opened on first use, closed on that thread.
class InsightsWorker final : public QObject
{
public:
    InsightsWorker(QString databasePath, const Clock &clock)
        : m_databasePath(std::move(databasePath)), m_clock(clock)
    {
    }

    Result<InsightsReport> report(QDate first, QDate last, const QTimeZone &zone, const WorkingHours &hours)
    {
        if (!m_db) {
            // The window already opened and checked the file; this connection only reads.
            auto opened = Database::openCheckedElsewhere(m_databasePath);
            if (!opened)
                return opened.error();
            m_db = std::move(opened).value();
        }
        return InsightsQuery(*m_db, m_clock).report(first, last, zone, hours);
    }

private:
    QString m_databasePath;
    const Clock &m_clock;
    std::unique_ptr<Database> m_db;
};

InsightsSource::InsightsSource(const QString &databasePath, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_databasePath(databasePath)
    , m_clock(clock)
{
    m_thread.setObjectName(QStringLiteral("insights"));
    m_worker = new InsightsWorker(m_databasePath, m_clock);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start(QThread::LowPriority);
}

InsightsSource::~InsightsSource()
{
    m_thread.quit();
    m_thread.wait();
}

quint64 InsightsSource::request(QDate first, QDate last, const QTimeZone &zone, const WorkingHours &hours)
{
    const quint64 number = ++m_lastRequest;
    InsightsWorker *worker = m_worker;
    QMetaObject::invokeMethod(worker, [this, worker, number, first, last, zone, hours] {
        const Result<InsightsReport> result = worker->report(first, last, zone, hours);
        // Back on the window's thread; `this` outlives the worker (its destructor waits for it).
        QMetaObject::invokeMethod(this, [this, number, result] {
            if (result)
                Q_EMIT reportReady(number, result.value());
            else
                Q_EMIT reportFailed(number, result.error().message);
        }, Qt::QueuedConnection);
    }, Qt::QueuedConnection);
    return number;
}

} // namespace fermata
