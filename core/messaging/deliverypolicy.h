#pragma once

#include "team/teamtypes.h"
#include "time/weeklyrule.h"

#include <QDateTime>
#include <QList>
#include <QTimeZone>

namespace fermata {

// When a message is released to its recipient: at the start of their next check-in window
// (their own and their team's, each in its zone), or at once when a window is open or they
// have none. The hub computes the same in SQL (fermata.next_release); this is the offline
// preview for the composer, and the two must agree.
namespace deliverypolicy {

// How far ahead windows are looked for; a weekly rule always occurs within it.
constexpr qint64 horizonMs = 8LL * 24 * 3600 * 1000;

QDateTime releaseTime(const QList<WeeklyRule> &rules, const QDateTime &sentAt);

// "Delivered Tue 14:00 (their 09:00)", or "Delivered now" when released at `now`, with
// the day only when it is not today in the sender's zone.
QString describe(const QDateTime &releaseAt, const QDateTime &now, const QTimeZone &senderZone,
                 const QTimeZone &recipientZone);

} // namespace deliverypolicy
} // namespace fermata
