#pragma once

#include <QDateTime>
#include <QString>
#include <QTimeZone>

namespace fermata::WhenText {

// A near instant as a person reads it, in `zone`: "14:00" today, "tomorrow 09:00", "Tue 09:00"
// within a week, else "12 Mar 09:00". Empty for an invalid instant.
QString format(const QDateTime &instant, const QTimeZone &zone, const QDateTime &now);
// A recent instant, for "last synced" lines: "today 14:00", "Tue 09:00" within a week, else
// "Tue 12 Mar 09:00".
QString past(const QDateTime &instant, const QTimeZone &zone, const QDateTime &now);

} // namespace fermata::WhenText
