#pragma once

#include <QIcon>
#include <QString>

namespace fermata {

// Icons from the bundled SVGs. Monochrome icons are drawn in the palette's text colour (the
// highlighted-text colour when selected) at the exact size asked for, so they stay crisp on
// high-DPI screens and readable in light and dark themes.
namespace ThemedIcon {

// `name` is the file name without extension under :/icons (e.g. "today").
QIcon fromResource(const QString &name);
// The full-colour Fermata sign.
QIcon appIcon();

} // namespace ThemedIcon

} // namespace fermata
