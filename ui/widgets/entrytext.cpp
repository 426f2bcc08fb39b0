#include "widgets/entrytext.h"

#include <QFontMetrics>
#include <QPainter>
#include <QTextLayout>

namespace fermata::EntryText {

QStringList titleLines(const QString &title, const QFont &font, int width, int maxLines)
{
    const QFontMetrics metrics(font);
    if (maxLines <= 1 || width <= 0 || metrics.horizontalAdvance(title) <= width)
        return {metrics.elidedText(title, Qt::ElideRight, qMax(0, width))};
    QTextLayout layout(title, font);
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout.setTextOption(option);
    QStringList lines;
    layout.beginLayout();
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
        line.setLineWidth(width);
        if (lines.size() == maxLines - 1) {
            // The last line takes the rest of the title, elided.
            lines.append(metrics.elidedText(title.mid(line.textStart()), Qt::ElideRight, width));
            break;
        }
        lines.append(title.mid(line.textStart(), line.textLength()).trimmed());
    }
    layout.endLayout();
    return lines;
}

void paint(QPainter &painter, const QRect &textBox, const QString &title, const QString &times,
           const Style &style)
{
    const QFontMetrics titleMetrics(style.titleFont);
    const QFontMetrics timesMetrics(style.timesFont);
    // A second title line only where the times still fit under it.
    const int maxLines = textBox.height() >= 2 * titleMetrics.height() + timesMetrics.height() ? 2 : 1;
    const QStringList lines = titleLines(title, style.titleFont, textBox.width(), maxLines);
    painter.setFont(style.titleFont);
    painter.setPen(style.ink);
    int y = textBox.top();
    for (const QString &line : lines) {
        painter.drawText(QRect(textBox.left(), y, textBox.width(), titleMetrics.height()),
                         Qt::AlignLeft | Qt::AlignTop, line);
        y += titleMetrics.height();
    }
    painter.setFont(style.timesFont);
    painter.setPen(style.timesInk);
    painter.drawText(QRect(textBox.left(), y, textBox.width(), qMax(0, textBox.bottom() - y + 1)),
                     Qt::AlignLeft | Qt::AlignTop,
                     timesMetrics.elidedText(times, Qt::ElideRight, textBox.width()));
}

} // namespace fermata::EntryText
