#pragma once

#include "result.h"

#include <QDateTime>
#include <QList>
#include <QString>

class QDebug;

namespace fermata {

class Database;

// One event Fermata writes to a CalDAV calendar for a focus block (caldav_blocks). The UID and
// href are fixed when the row is made, before the first PUT, so a write repeated after a
// crash or a lost answer lands on the same resource instead of making a second one.
struct CalDavBlockEvent
{
    qint64 id = 0;
    qint64 accountId = 0;
    QString calendarHref;
    QString uid;
    QString href;
    qint64 blockId = 0; // the focus block it shows; 0: none any more, delete it from the server
    qint64 taskId = 0;
    QString etag; // empty: not known to be on the server (never written, or the answer was lost)
    QString writtenHash; // of what was last written; empty when nothing was
    QDateTime start; // as last written
    QDateTime end;

    bool operator==(const CalDavBlockEvent &) const = default;
};

QDebug operator<<(QDebug debug, const CalDavBlockEvent &event);

// The focus block events of each account: which block each shows, and what was last written.
class CalDavBlockMap final
{
public:
    explicit CalDavBlockMap(Database &db) : m_db(db) {}

    Result<QList<CalDavBlockEvent>> events(qint64 accountId) const; // ordered by id
    // A new row for `blockId` in `calendarHref`, its UID "fermata-<instance>-<row id>" and its
    // href "<calendar><uid>.ics" derived from the row, committed (or in the caller's transaction).
    Result<CalDavBlockEvent> create(qint64 accountId, const QString &calendarHref, const QString &instance,
        qint64 blockId, qint64 taskId);
    // Which block the event shows (0: none; it is to be deleted).
    Status assign(qint64 eventId, qint64 blockId, qint64 taskId);
    Status recordWritten(const CalDavBlockEvent &event);
    // The server no longer has it (or it is unknown whether it does): write it again.
    Status forgetWrite(qint64 eventId);
    Status remove(qint64 eventId);

private:
    Database &m_db;
};

} // namespace fermata
