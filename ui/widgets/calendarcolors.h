#pragma once

#include <QColor>
#include <QPalette>
#include <QString>

namespace fermata::CalendarColors {

// The colour of an imported calendar on the timeline: the same name always gets the same
// hue from a small palette of mid-tone colours that read on light and dark themes, chosen
// apart from the accent (focus blocks). Events made in Fermata ("local") get none: they stay
// neutral.
QColor forSource(const QString &source);
// The box fill for an event of that calendar: the neutral fill tinted with the colour, so
// the text keeps the palette's contrast.
QColor fill(const QColor &calendarColor, const QPalette &palette);

} // namespace fermata::CalendarColors
