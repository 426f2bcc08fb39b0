#pragma once

#include <QColor>
#include <QFont>
#include <QRect>
#include <QString>

class QPainter;

namespace fermata {

// The words inside a timeline block: the title (on two lines when the block is tall enough,
// elided after that) and the times under it. Kept apart from DayTimeline's geometry.
namespace EntryText {

struct Style
{
    QFont titleFont;
    QFont timesFont;
    QColor ink;
    QColor timesInk;
};

// Paints into `textBox` (already inset); the title wraps onto a second line only when the
// times still fit below it.
void paint(QPainter &painter, const QRect &textBox, const QString &title, const QString &times,
           const Style &style);
// The title's lines as painted in `width` with at most `maxLines` lines, the last elided.
QStringList titleLines(const QString &title, const QFont &font, int width, int maxLines);

} // namespace EntryText

} // namespace fermata
