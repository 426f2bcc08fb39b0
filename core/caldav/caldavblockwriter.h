#pragma once

#include "caldav/caldavaccount.h"
#include "caldav/caldavblockmap.h"
#include "calendar/caldavclient.h"
#include "model/focusblock.h"
#include "result.h"
#include "time/interval.h"

#include <QHash>
#include <QList>
#include <QStringList>

#include <functional>
#include <optional>

namespace fermata {

class Clock;
class Database;

// Pushes focus blocks to the calendar that receives them: one busy VEVENT per block in the
// range (TRANSP:OPAQUE, the account's title or the task's, X-FERMATA-BLOCK:<instance>).
//
// First, in one transaction, each block gets an event (caldav_blocks): the one it had, else one
// left by a block at the same time for the same task (a re-plan gives blocks new ids), else one
// of the same task's, else a new row whose UID and href are committed before anything is sent.
// Events whose block is gone get block 0. Then the server is brought to that state: deletes
// (If-Match), updates (If-Match) and creates (If-None-Match: *), each recorded as soon as the
// server confirms it. A 412 re-reads the server's copy: still carrying this account's marker, it
// is retried once with the new ETag; otherwise it is someone else's now and left alone. A
// network failure stops the push and leaves the rest for next time; the rows make the queue, so
// nothing waits in memory, and a repeated push after a crash lands on the same resources.
// Events whose block is past and outside the range are history: left on the server, forgotten.
class CalDavBlockWriter final
{
public:
    struct Report
    {
        int created = 0;
        int updated = 0;
        int deleted = 0;
        int unchanged = 0;
        int released = 0; // changed by someone else on the server: no longer Fermata's
        int pending = 0; // still to do when the push stopped
        QStringList problems; // events skipped this time; the others went on
        std::optional<CalDavError> stopped; // why the push ended early (the rest waits)
        int written() const { return created + updated + deleted; }
    };

    // Which event shows which block (pure: the first step of push()).
    struct Assignment
    {
        QHash<qint64, FocusBlock> shows; // event id -> the block it shows now
        QList<qint64> forget; // event ids: history, left on the server and forgotten
        QList<FocusBlock> unplaced; // blocks that need a new event
        // Events in neither list are deleted from the server.
    };
    static Assignment assign(const QList<CalDavBlockEvent> &events, const QList<FocusBlock> &desired,
        const QHash<qint64, FocusBlock> &allBlocks, const QString &calendarHref, const Interval &range);

    CalDavBlockWriter(Database &db, CalDavClient &client, const Clock &clock);

    // The blocks written: those overlapping `range` (CalendarInteropService::autoExportRange()).
    void setRange(const Interval &range) { m_range = range; }
    Interval range() const { return m_range; }

    // `calendarHref` empty: no calendar receives blocks, so every event written is deleted.
    // `keepGoing` is asked before each request (is the sync lease still ours?). Fails only when
    // the database does; a server failure is report.stopped, with what was done before it.
    Result<Report> push(const CalDavAccount &account, const QString &calendarHref,
        const std::function<bool()> &keepGoing = {});
    // How many creates, updates and deletes push() would send now (no network).
    Result<int> pendingCount(const CalDavAccount &account, const QString &calendarHref);

private:
    struct Desired;
    struct Run;
    Result<Desired> desired(const CalDavAccount &account) const;
    Status store(const CalDavAccount &account, const QString &calendarHref,
        const QList<CalDavBlockEvent> &events, const Assignment &assignment);

    Database &m_db;
    CalDavClient &m_client;
    const Clock &m_clock;
    Interval m_range;
};

} // namespace fermata
