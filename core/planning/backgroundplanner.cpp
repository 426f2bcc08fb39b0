#include "planning/backgroundplanner.h"

#include <QThread>

namespace fermata {

BackgroundPlanner::BackgroundPlanner(QObject *parent) : QObject(parent) {}

BackgroundPlanner::~BackgroundPlanner()
{
    if (m_thread) {
        m_thread->disconnect(this);
        m_thread->wait();
        delete m_thread;
    }
}

bool BackgroundPlanner::start(PlanRequest request)
{
    if (m_thread)
        return false;
    // The worker writes the plan here; the owner's thread reads it only after finished.
    auto result = std::make_shared<Plan>();
    m_thread = QThread::create([result, request = std::move(request)] { *result = Planner::plan(request); });
    m_thread->setObjectName(QStringLiteral("planner"));
    connect(m_thread, &QThread::finished, this, [this, result] {
        m_thread->deleteLater();
        m_thread = nullptr;
        Q_EMIT finished(*result);
    });
    m_thread->start();
    return true;
}

} // namespace fermata
