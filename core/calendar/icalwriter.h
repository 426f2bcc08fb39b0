#pragma once

#include "model/checkinwindow.h"
#include "model/focusblock.h"

#include <QByteArray>
#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

namespace fermata {

// What to publish: focus blocks (busy VEVENTs) and check-in windows (RFC 7953
// VAVAILABILITY/AVAILABLE, and recurring VEVENTs for calendar apps that ignore VAVAILABILITY).
struct IcalExport
{
    QList<FocusBlock> focusBlocks;
    QHash<qint64, QString> taskTitles; // task id -> title, for the blocks' summaries
    QList<CheckInWindow> windows;
    QDateTime stamp;                   // DTSTAMP: when the export was made (from a Clock)
    QDate windowsFrom;                 // window rules start on the first matching day from here
    QDate windowsUntil;                // and, when valid, end on this day
};

// Writes iCalendar 2.0 with libical. Window rules carry their IANA zone as TZID with a
// VTIMEZONE, so they keep their wall-clock times across DST in every calendar app.
class IcalWriter final
{
public:
    static QByteArray write(const IcalExport &data);

    // Stable UIDs, so a calendar that re-reads the export updates instead of duplicating.
    static QString focusBlockUid(qint64 id);
    static QString windowEventUid(qint64 id);
    static QString windowAvailableUid(qint64 id);
    // "MO,TU,WE" for a WeeklyRule day mask.
    static QString byDay(quint8 dayMask);
};

} // namespace fermata
