#include "widgets/statuschip.h"

#include "widgets/palettecolors.h"

#include <QPainter>

#include <cmath>

namespace fermata {

namespace {
constexpr int horizontalPadding = 12;
constexpr int dotSize = 8;
constexpr int dotGap = 8;
} // namespace

StatusChip::StatusChip(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("statusChip"));
    setAccessibleName(tr("Day status"));
    // The chip is short by design; it takes the width of its text rather than eliding it.
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
}

void StatusChip::setText(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    setAccessibleDescription(text);
    setToolTip(text);
    updateGeometry();
    update();
}

QSize StatusChip::sizeHint() const
{
    // Fractional advances, rounded up: the painter lays text out in real units and elides
    // when the rect is even a fraction of a pixel short of it.
    const QFontMetricsF metrics(font());
    const int textWidth = int(std::ceil(metrics.horizontalAdvance(m_text))) + 2;
    return {2 * horizontalPadding + dotSize + dotGap + textWidth, fontMetrics().height() + 12};
}

QSize StatusChip::minimumSizeHint() const
{
    return sizeHint();
}

void StatusChip::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF chip = QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5);
    const QColor accent = PaletteColors::accent(palette());
    painter.setPen(QPen(PaletteColors::accentTint(palette(), 0.35), 1));
    painter.setBrush(PaletteColors::accentTint(palette(), 0.12));
    painter.drawRoundedRect(chip, chip.height() / 2, chip.height() / 2);

    const QRectF dot(horizontalPadding, (height() - dotSize) / 2.0, dotSize, dotSize);
    painter.setPen(Qt::NoPen);
    painter.setBrush(accent);
    painter.drawEllipse(dot);

    const int textLeft = horizontalPadding + dotSize + dotGap;
    const QRect textRect(textLeft, 0, width() - textLeft - horizontalPadding, height());
    painter.setPen(palette().color(QPalette::Text));
    painter.drawText(textRect, Qt::AlignVCenter | Qt::AlignLeft,
                     fontMetrics().elidedText(m_text, Qt::ElideRight, textRect.width()));
}

} // namespace fermata
