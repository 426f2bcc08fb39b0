#pragma once

#include <QColor>
#include <QPalette>

namespace fermata::PaletteColors {

// Colours derived from the current palette, so every surface follows light and dark themes.

// `from` moved towards `to` by `amount` (0 = from, 1 = to).
QColor mix(const QColor &from, const QColor &to, qreal amount);
// The accent: the palette's highlight.
QColor accent(const QPalette &palette);
// A faint wash of the accent over the base colour (working-hours band, chips).
QColor accentTint(const QPalette &palette, qreal amount = 0.12);
// Secondary text: readable, but quieter than the main text.
QColor mutedText(const QPalette &palette);
// Neutral fill and outline for meetings and other non-focus items.
QColor neutralFill(const QPalette &palette);
QColor neutralOutline(const QPalette &palette);
// A warning wash and its text, derived from a fixed amber mixed into the palette.
QColor warningFill(const QPalette &palette);
// WCAG contrast ratio of two colours (1 to 21).
qreal contrast(const QColor &a, const QColor &b);
// The keyboard-focus ring: the accent, moved towards the text colour until it stands out
// (at least 3:1) against both the window and the base colour, in light and dark palettes.
QColor focusRing(const QPalette &palette);

} // namespace fermata::PaletteColors
