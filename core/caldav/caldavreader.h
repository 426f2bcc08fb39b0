#pragma once

#include "caldav/caldavaccount.h"
#include "calendar/caldavclient.h"
#include "result.h"

#include <QHash>
#include <QList>
#include <QStringList>

namespace fermata {

class CalendarInteropService;
class Clock;
class Database;

// Pulls the calendars an account reads into calendar_events. Per calendar: nothing when the
// server's sync token (or ctag) is the one stored; else sync-collection from the stored token
// (repeated while the server truncates), or — without sync support, or when the server no
// longer knows the token — an ETag-only calendar-query over the import horizon compared with
// the local copy; then a multiget of what changed. The copy (caldav_resources) is updated and
// the whole calendar imported through CalendarInteropService::importDevice as one VCALENDAR, in
// one transaction: the same rules as a file (busy/free, declined, cancelled), and events deleted
// on the server disappear. Events this account wrote (X-FERMATA-BLOCK) are kept in the copy but
// never imported: the planner would take its own focus blocks for meetings.
class CalDavReader final
{
public:
    struct Report
    {
        int calendarsRead = 0; // calendars whose changes were asked for
        int changed = 0; // events new or modified on the server (Fermata's own not counted)
        int removed = 0; // events deleted on the server (Fermata's own not counted)
        int imported = 0; // calendars imported again
        QStringList problems; // per-calendar failures that did not stop the others
    };

    CalDavReader(Database &db, CalDavClient &client, CalendarInteropService &interop, const Clock &clock);

    // `listed`: the server's calendars as just listed (their sync tokens and ctags). Network
    // and authentication failures stop the pull; anything else about one calendar is a problem
    // in the report and the others go on.
    CalDavResult<Report> pull(const CalDavAccount &account, const QList<CalDavCalendarRecord> &calendars,
        const QList<CalDavCalendar> &listed);
    // Removes the events and the copy of a calendar that is no longer read (or no longer there);
    // no network.
    static Status drop(Database &db, CalendarInteropService &interop, const CalDavCalendarRecord &calendar);

    // "caldav:<account>/<calendar>" for each calendar, by id; a label two calendars share gets
    // the calendar's path segment added.
    static QHash<qint64, QString> sourceNames(const CalDavAccount &account,
        const QList<CalDavCalendarRecord> &calendars);

private:
    struct Delta;
    CalDavResult<bool> pullCalendar(const CalDavAccount &account, CalDavCalendarRecord calendar,
        const CalDavCalendar &listed, const QString &source, Report &report);
    CalDavStatus collectChanges(const CalDavCalendarRecord &calendar, const CalDavCalendar &listed, Delta &delta);
    Status apply(const CalDavAccount &account, CalDavCalendarRecord &calendar, const CalDavCalendar &listed,
        const QString &source, const Delta &delta, Report &report);

    Database &m_db;
    CalDavClient &m_client;
    CalendarInteropService &m_interop;
    const Clock &m_clock;
};

} // namespace fermata
