#include "widgets/statuschip.h"

#include "widgets/palettecolors.h"

#include <QPainter>

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
    setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Fixed);
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
    const QFontMetrics metrics = fontMetrics();
    const int width = 2 * horizontalPadding + dotSize + dotGap + metrics.horizontalAdvance(m_text);
    return {width, metrics.height() + 12};
}

QSize StatusChip::minimumSizeHint() const
{
    const QFontMetrics metrics = fontMetrics();
    return {2 * horizontalPadding + dotSize + dotGap + metrics.horizontalAdvance(QStringLiteral("…")) * 4,
            metrics.height() + 12};
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
