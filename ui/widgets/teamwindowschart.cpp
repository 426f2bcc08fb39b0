#include "widgets/teamwindowschart.h"

#include "widgets/palettecolors.h"

#include <QEvent>
#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>

namespace fermata {

namespace {
constexpr int labelWidth = 240;
constexpr int axisHeight = 26;
constexpr int bandRowHeight = 52;
constexpr int margin = 12;
} // namespace

TeamWindowsChart::TeamWindowsChart(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("teamWindowsChart"));
    setAccessibleName(tr("Teammates' check-in windows"));
    setFocusPolicy(Qt::StrongFocus); // reachable by keyboard, so screen readers can read it
    setMouseTracking(true);
}

void TeamWindowsChart::setDay(const Interval &day, const QList<QPair<qint64, int>> &hourMarks)
{
    m_day = day;
    m_hourMarks = hourMarks;
    update();
}

void TeamWindowsChart::setRows(const QList<TeamChartRow> &rows)
{
    m_rows = rows;
    updateAccessibleText();
    updateGeometry();
    update();
}

void TeamWindowsChart::setNow(qint64 nowMs)
{
    m_nowMs = nowMs;
    update();
}

QSize TeamWindowsChart::sizeHint() const
{
    return {labelWidth + 24 * 28 + 2 * margin, axisHeight + int(qMax<qsizetype>(m_rows.size(), 1)) * rowHeight() + 2 * margin};
}

QSize TeamWindowsChart::minimumSizeHint() const
{
    return {labelWidth + 24 * 12 + 2 * margin, sizeHint().height()};
}

QRect TeamWindowsChart::chartArea() const
{
    return QRect(margin + labelWidth, margin + axisHeight, width() - 2 * margin - labelWidth,
                 int(m_rows.size()) * rowHeight());
}

int TeamWindowsChart::rowHeight() const
{
    const bool anyCommitments = std::any_of(m_rows.cbegin(), m_rows.cend(),
                                            [](const TeamChartRow &row) { return !row.commitmentsText.isEmpty(); });
    return anyCommitments ? bandRowHeight + fontMetrics().lineSpacing() + 6 : bandRowHeight;
}

int TeamWindowsChart::xFor(qint64 ms, const QRect &area) const
{
    if (m_day.isEmpty())
        return area.left();
    const double f = double(ms - m_day.startMs()) / double(m_day.durationMs());
    return area.left() + int(qBound(0.0, f, 1.0) * area.width());
}

int TeamWindowsChart::rowAt(const QPoint &pos) const
{
    const int y = pos.y() - margin - axisHeight;
    if (y < 0)
        return -1;
    const int row = y / rowHeight();
    return row < m_rows.size() ? row : -1;
}

void TeamWindowsChart::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRect area = chartArea();
    paintAxis(painter, area);
    for (int i = 0; i < m_rows.size(); ++i)
        paintRow(painter, area, i);
    if (m_day.contains(m_nowMs)) {
        const int x = xFor(m_nowMs, area);
        painter.setPen(QPen(PaletteColors::accent(palette()), 2));
        painter.drawLine(x, area.top() - 4, x, area.bottom());
    }
    for (int i = 0; i < m_rows.size(); ++i)
        paintCommitments(painter, area, i);
    if (hasFocus()) {
        // An outline only: the rows left their fill brush set, which would cover the chart.
        painter.setBrush(Qt::NoBrush);
        painter.setPen(QPen(PaletteColors::accent(palette()), 1, Qt::DotLine));
        painter.drawRect(rect().adjusted(1, 1, -2, -2));
    }
}

void TeamWindowsChart::paintAxis(QPainter &painter, const QRect &area)
{
    const QColor grid = PaletteColors::neutralOutline(palette());
    const QColor muted = PaletteColors::mutedText(palette());
    const QFontMetrics metrics = fontMetrics();
    const int step = area.width() / 24 < metrics.horizontalAdvance(QStringLiteral("00 ")) ? 3 : 2;
    for (const auto &[ms, hour] : m_hourMarks) {
        const int x = xFor(ms, area);
        painter.setPen(QPen(grid, hour % 6 == 0 ? 1.0 : 0.5));
        painter.drawLine(x, area.top(), x, area.bottom());
        if (hour % step == 0) {
            painter.setPen(muted);
            const QString label = QStringLiteral("%1").arg(hour, 2, 10, QLatin1Char('0'));
            painter.drawText(QRect(x - 20, margin, 40, axisHeight - 4), Qt::AlignCenter, label);
        }
    }
}

void TeamWindowsChart::paintRow(QPainter &painter, const QRect &area, int index)
{
    const TeamChartRow &row = m_rows.at(index);
    const int top = area.top() + index * rowHeight();
    const QRect band(area.left(), top + 10, area.width(), bandRowHeight - 20);
    painter.setPen(Qt::NoPen);
    painter.setBrush(PaletteColors::mix(palette().color(QPalette::Base), palette().color(QPalette::Window), 0.5));
    painter.drawRoundedRect(band, 4, 4);

    const QColor fill = PaletteColors::accentTint(palette(), 0.45);
    const QColor outline = PaletteColors::accent(palette());
    for (const Interval &w : row.windows) {
        const int x1 = xFor(w.startMs(), area);
        const int x2 = qMax(x1 + 3, xFor(w.endMs(), area));
        painter.setBrush(fill);
        painter.setPen(QPen(outline, 1));
        painter.drawRoundedRect(QRect(x1, band.top(), x2 - x1, band.height()), 3, 3);
    }

    const QRect label(margin, top + 6, labelWidth - 12, bandRowHeight - 12);
    QFont bold = font();
    bold.setBold(true);
    painter.setFont(bold);
    painter.setPen(palette().color(QPalette::Text));
    const QFontMetrics boldMetrics(bold);
    painter.drawText(label.adjusted(0, 0, 0, -label.height() / 2), Qt::AlignLeft | Qt::AlignVCenter,
                     boldMetrics.elidedText(row.name, Qt::ElideRight, label.width()));
    painter.setFont(font());
    painter.setPen(PaletteColors::mutedText(palette()));
    painter.drawText(label.adjusted(0, label.height() / 2, 0, 0), Qt::AlignLeft | Qt::AlignVCenter,
                     fontMetrics().elidedText(row.detail, Qt::ElideRight, label.width()));
}

void TeamWindowsChart::paintCommitments(QPainter &painter, const QRect &area, int index)
{
    const QString &text = m_rows.at(index).commitmentsText;
    if (text.isEmpty())
        return;
    // Under the band, aligned with the hours; on the window's colour, so neither the hour lines
    // nor the current time run through the words.
    const int top = area.top() + index * rowHeight() + bandRowHeight - 6;
    const QRect line(area.left(), top, area.width(), fontMetrics().lineSpacing() + 4);
    const QString shown = fontMetrics().elidedText(text, Qt::ElideRight, line.width() - 8);
    const QRect behind(line.left(), line.top(), fontMetrics().horizontalAdvance(shown) + 8, line.height());
    painter.setPen(Qt::NoPen);
    painter.setBrush(palette().color(QPalette::Window));
    painter.drawRect(behind);
    painter.setPen(palette().color(QPalette::Text));
    painter.drawText(line.adjusted(4, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter, shown);
}

bool TeamWindowsChart::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int row = rowAt(help->pos());
        if (row >= 0) {
            const TeamChartRow &r = m_rows.at(row);
            QString tip = r.name + QLatin1Char('\n') + r.windowsText;
            if (!r.commitmentsText.isEmpty())
                tip += QLatin1Char('\n') + r.commitmentsText;
            QToolTip::showText(help->globalPos(), tip, this);
        } else {
            QToolTip::hideText();
        }
        return true;
    }
    if (event->type() == QEvent::PaletteChange)
        update();
    return QWidget::event(event);
}

void TeamWindowsChart::updateAccessibleText()
{
    QStringList lines;
    for (const TeamChartRow &row : m_rows) {
        lines.append(row.commitmentsText.isEmpty()
                         ? tr("%1, %2: %3").arg(row.name, row.detail, row.windowsText)
                         : tr("%1, %2: %3. %4").arg(row.name, row.detail, row.windowsText, row.commitmentsText));
    }
    setAccessibleDescription(lines.join(QLatin1Char('\n')));
}

} // namespace fermata
