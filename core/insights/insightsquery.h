#pragma once

#include "insights/insightsreport.h"
#include "result.h"

#include <QTimeZone>

namespace fermata {

class Clock;
class Database;
struct WorkingHours;

// Reads what a range of days added up to (InsightsReport) with aggregate SQL over indexed
// tables; only the range's meetings and interruption instants are read row by row, to cut
// the days into unbroken stretches. Read-only; "now" (for running sessions and blocks not yet
// over) comes from the injected clock.
class InsightsQuery final
{
public:
    InsightsQuery(Database &db, const Clock &clock)
        : m_db(db)
        , m_clock(clock)
    { }

    // Days first..last (inclusive) in `zone`. Invalid: last before first, more than ~3 years,
    // or an invalid zone.
    Result<InsightsReport> report(
        QDate first, QDate last, const QTimeZone &zone, const WorkingHours &hours) const;

private:
    Database &m_db;
    const Clock &m_clock;
};

} // namespace fermata
