#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

namespace fermata::caldavics {

// The iCalendar text CalDAV sync needs beyond the reader and the file writer: the event a focus
// block becomes, the marker that tells Fermata's own events apart, and one calendar made of a
// collection's resources for CalendarInteropService::importDevice.

// The property on every event Fermata writes; its value is the writing account's instance.
inline constexpr char markerProperty[] = "X-FERMATA-BLOCK";

struct BlockEvent
{
    QString uid;
    QDateTime start;
    QDateTime end;
    QString summary;
    QString marker; // the account's instance
    QDateTime stamp; // DTSTAMP: when it was written (not part of contentHash)
};

// A busy (TRANSP:OPAQUE) VEVENT in its own VCALENDAR, UTC times, CRLF line ends, folded.
QByteArray blockEvent(const BlockEvent &event);
// Changes exactly when what the server would show changes (DTSTAMP left out).
QString contentHash(const BlockEvent &event);
// The value of the first X-FERMATA-BLOCK property, empty when there is none.
QString markerOf(const QByteArray &ics);
// One VCALENDAR holding every component of `calendars` (VTIMEZONEs once per TZID), their own
// calendar properties (VERSION, PRODID, METHOD...) dropped.
QByteArray mergeCalendars(const QList<QByteArray> &calendars);
// An empty VCALENDAR: importing it removes a source's events.
QByteArray emptyCalendar();

// TEXT value escaping (RFC 5545 3.3.11) and line folding at 75 octets (3.1).
QString escapeText(const QString &text);
QByteArray foldLine(const QByteArray &line);

} // namespace fermata::caldavics
