#pragma once

#include "result.h"

#include <QDateTime>

namespace fermata {

class Database;

// Time the person worked on a task without a focus session, recorded by hand ("I spent 45
// minutes on it this morning"). Kept as a focus session with outcome "recorded", so what a
// task really took (estimates that learn, Insights' deep work) counts it like any session; the
// task's remaining time goes down by as much (not below zero). One transaction.
namespace worklog {

constexpr auto recordedOutcome = "recorded";
constexpr int maxMinutes = 24 * 60;

// Invalid with words when `minutes` is not 1..1440 or `endedAt` is after `now`; NotFound when
// there is no such task. Returns the remaining minutes after.
Result<int> record(Database &db, qint64 taskId, int minutes, const QDateTime &endedAt, const QDateTime &now);

} // namespace worklog
} // namespace fermata
