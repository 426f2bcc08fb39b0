#include "widgets/palettecolors.h"

#include <cmath>

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

qreal contrast(const QColor &a, const QColor &b)
{
    const auto luminance = [](const QColor &color) {
        const auto linear = [](qreal c) { return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); };
        return 0.2126 * linear(color.redF()) + 0.7152 * linear(color.greenF()) + 0.0722 * linear(color.blueF());
    };
    const qreal la = luminance(a);
    const qreal lb = luminance(b);
    return (qMax(la, lb) + 0.05) / (qMin(la, lb) + 0.05);
}

QColor focusRing(const QPalette &palette)
{
    constexpr qreal enough = 3.0;
    const QColor window = palette.color(QPalette::Window);
    const QColor base = palette.color(QPalette::Base);
    const QColor text = palette.color(QPalette::Text);
    for (int step = 0; step <= 10; ++step) {
        const QColor ring = mix(accent(palette), text, step / 10.0);
        if (contrast(ring, window) >= enough && contrast(ring, base) >= enough)
            return ring;
    }
    return text;
}

} // namespace fermata::PaletteColors
