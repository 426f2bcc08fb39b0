#pragma once

#include "planning/planner.h"
#include "result.h"

#include <QByteArray>

namespace fermata::interop {

// The app's own JSON for a PlanRequest and a Plan (instants as ISO 8601 with an offset or Z,
// wall-clock times "HH:mm", days 1 = Monday ... 7 = Sunday). Errors name the bad field.
// Teammates' commitments: top-level "commitments" [{"uuid", "owner", "ownerName", "ownerZone",
// "title", "status", "finishDay" ("2024-03-04", the owner's zone), "due"}], and a task's
// "afterCommitment": "<uuid>"; a plan's task says "waitsFor" in words when it waits for one.
Result<PlanRequest> readPlanRequest(const QByteArray &json);
QByteArray writePlan(const Plan &plan, const PlanRequest &request);

} // namespace fermata::interop
