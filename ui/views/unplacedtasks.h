#pragma once

#include "planning/planner.h"

#include <QList>
#include <QString>

namespace fermata {

struct UiContext;

// The tasks the last plan could not place that still lack time: a task pinned since, done or
// removed drops out, so the list and the Plan message never name work that is already placed.
namespace UnplacedTasks {

QList<TaskReport> current(const UiContext &context);
// "Could not be placed: 'Write report' (needs 4 h before Thu 17:00)." and the like; empty
// when everything was placed. Names the tasks, so it reads the same where no list is shown.
QString sentence(const UiContext &context, const QList<TaskReport> &reports);

} // namespace UnplacedTasks

} // namespace fermata
