#pragma once

class QKeyEvent;
class QPainter;

namespace fermata {

class DayTimeline;

// Keyboard use of an editable DayTimeline. With the timeline focused, Tab / Shift+Tab select
// the next / previous focus block (past the last one focus moves on), Up / Down move the
// selected block by 15 minutes, Shift+Up / Shift+Down shorten / lengthen it by 15 minutes,
// P pins (or unpins) it and Delete unpins it. Every change leaves through the timeline's own
// signals (blockResized, pinRequested, unpinRequested), the path mouse edits take.
namespace TimelineKeyboard {

constexpr int stepMinutes = 15;

// Handles the key; false when it is not a timeline key (the caller passes it on).
bool handleKey(DayTimeline &timeline, QKeyEvent *event);
// Selects the next (or previous) focus block of the day; false past the end (selection cleared).
bool selectNext(DayTimeline &timeline, bool forward);
// The 2 px accent ring drawn when the timeline has keyboard focus.
void paintFocusRing(QPainter &painter, const DayTimeline &timeline);

} // namespace TimelineKeyboard

} // namespace fermata
