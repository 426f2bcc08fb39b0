#include "widgets/palettecolors.h"

namespace fermata::PaletteColors {

QColor mix(const QColor &from, const QColor &to, qreal amount)
{
    const auto channel = [amount](qreal a, qreal b) { return a + (b - a) * amount; };
    return QColor::fromRgbF(float(channel(from.redF(), to.redF())),
                            float(channel(from.greenF(), to.greenF())),
                            float(channel(from.blueF(), to.blueF())));
}

QColor accent(const QPalette &palette)
{
    return palette.color(QPalette::Highlight);
}

QColor accentTint(const QPalette &palette, qreal amount)
{
    return mix(palette.color(QPalette::Base), accent(palette), amount);
}

QColor mutedText(const QPalette &palette)
{
    return mix(palette.color(QPalette::WindowText), palette.color(QPalette::Window), 0.38);
}

QColor neutralFill(const QPalette &palette)
{
    return mix(palette.color(QPalette::Base), palette.color(QPalette::Text), 0.10);
}

QColor neutralOutline(const QPalette &palette)
{
    return mix(palette.color(QPalette::Base), palette.color(QPalette::Text), 0.28);
}

QColor warningFill(const QPalette &palette)
{
    return mix(palette.color(QPalette::Base), QColor(0xd9, 0x48, 0x2b), 0.16);
}

} // namespace fermata::PaletteColors
