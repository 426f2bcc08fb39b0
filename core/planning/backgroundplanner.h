#pragma once

#include "planning/planner.h"

#include <QObject>

#include <memory>

class QThread;

namespace fermata {

// Runs Planner::plan on a worker thread, so the window stays responsive while the exact mode
// searches for its proof (up to its processor-time budget). One plan at a time; finished()
// arrives on the thread that owns this object.
class BackgroundPlanner final : public QObject
{
    Q_OBJECT
public:
    explicit BackgroundPlanner(QObject *parent = nullptr);
    // Waits for a plan still running (at most the exact mode's budget): its thread must not
    // outlive the request it reads.
    ~BackgroundPlanner() override;

    bool isRunning() const { return m_thread != nullptr; }
    // False, and nothing started, while another plan runs.
    bool start(PlanRequest request);

Q_SIGNALS:
    void finished(const fermata::Plan &plan);

private:
    QThread *m_thread = nullptr;
};

} // namespace fermata
