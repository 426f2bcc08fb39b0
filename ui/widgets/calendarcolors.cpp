#include "widgets/calendarcolors.h"

#include "widgets/palettecolors.h"

#include <iterator>

namespace fermata::CalendarColors {

namespace {

// Mid-tones, none of them the usual blue highlight (focus blocks) nor the teal of the
// check-in band.
constexpr QRgb s_hues[] = {
    0xd95f02, // orange
    0x7570b3, // violet
    0xc2378a, // magenta
    0x66a61e, // green
    0xc9a000, // ochre
    0x8c6d4f, // brown
    0xc0504d, // brick
};

// FNV-1a over the name: stable across runs and platforms (qHash is seeded per process).
quint32 stableHash(const QString &text)
{
    quint32 hash = 2166136261u;
    for (const QChar c : text) {
        hash ^= c.unicode();
        hash *= 16777619u;
    }
    return hash;
}

} // namespace

QColor forSource(const QString &source)
{
    if (source.isEmpty() || source == u"local")
        return {};
    return QColor(s_hues[stableHash(source) % std::size(s_hues)]);
}

QColor fill(const QColor &calendarColor, const QPalette &palette)
{
    const QColor neutral = PaletteColors::neutralFill(palette);
    if (!calendarColor.isValid())
        return neutral;
    const bool dark = palette.color(QPalette::Base).lightness() < 128;
    return PaletteColors::mix(neutral, calendarColor, dark ? 0.38 : 0.24);
}

} // namespace fermata::CalendarColors
