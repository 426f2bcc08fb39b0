#pragma once

#include "insights/insightsreport.h"
#include "result.h"
#include "settings/preferences.h"

#include <QObject>
#include <QThread>
#include <QTimeZone>

namespace fermata {

class Clock;
class InsightsWorker;

// Runs InsightsQuery on its own thread and database connection, so a quarter or a year of
// figures never holds the window. Answers arrive as reportReady with the request's number;
// a newer request makes older answers stale (the view drops them).
class InsightsSource final : public QObject
{
    Q_OBJECT
public:
    InsightsSource(const QString &databasePath, const Clock &clock, QObject *parent = nullptr);
    ~InsightsSource() override;
    Q_DISABLE_COPY_MOVE(InsightsSource)

    // Queues a report of days first..last; returns the request's number.
    quint64 request(QDate first, QDate last, const QTimeZone &zone, const WorkingHours &hours);

Q_SIGNALS:
    void reportReady(quint64 request, const fermata::InsightsReport &report);
    void reportFailed(quint64 request, const QString &message);

private:
    QString m_databasePath;
    const Clock &m_clock;
    QThread m_thread;
    InsightsWorker *m_worker = nullptr; // lives on m_thread, deleted there when it finishes
    quint64 m_lastRequest = 0;
};

} // namespace fermata
