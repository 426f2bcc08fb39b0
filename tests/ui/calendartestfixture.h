#pragma once

#include "calendar/calendarsync.h"
#include "uitestfixture.h"

#include <QFile>

#include <memory>

namespace fermata::test {

// UiServices plus the running app's calendar interop (CalendarSync and its worker thread on
// the same SQLite file), wired as app/calendarhost.cpp wires it.
struct CalendarServices
{
    CalendarServices(const TempDataDir &dir, const QDateTime &now)
        : ui(dir, now)
        , sync(*ui.database, ui.clock, ui.preferences, dir.filePath(QStringLiteral("calendars")))
    {
        ui.context.calendarSync = &sync;
        QObject::connect(&sync, &CalendarSync::eventsImported, &ui.calendar, &CalendarService::eventsChanged);
    }

    UiServices ui;
    CalendarSync sync;
};

inline QByteArray icsCalendar(const QList<QByteArray> &events, const QByteArray &name = {})
{
    QByteArray text = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//fermata test//EN\r\n";
    if (!name.isEmpty())
        text += "X-WR-CALNAME:" + name + "\r\n";
    for (const QByteArray &e : events)
        text += e;
    return text + "END:VCALENDAR\r\n";
}

inline QByteArray icsEvent(const QByteArray &uid, const QByteArray &start, const QByteArray &title,
                           const QByteArray &extra = {})
{
    return "BEGIN:VEVENT\r\nUID:" + uid + "\r\nDTSTAMP:20260201T000000Z\r\nDTSTART:" + start
        + "\r\nDURATION:PT1H\r\nSUMMARY:" + title + "\r\n" + extra + "END:VEVENT\r\n";
}

inline bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

} // namespace fermata::test
