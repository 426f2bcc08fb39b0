#pragma once

#include <QProxyStyle>

class QApplication;

namespace fermata {

// Wraps the application's style so keyboard focus is plain to see: PE_FrameFocusRect becomes
// a 2 px rounded ring in PaletteColors::focusRing, on controls and on the current item of
// every list, tree and table (a standard or custom delegate that draws CE_ItemViewItem gets
// it for free). Push buttons, tool buttons and combo boxes, which Fusion marks with a faint
// outline or a ring squeezed round their text, get the ring round the whole control.
// Everything else, palette included, is the wrapped style's.
class FocusRingStyle final : public QProxyStyle
{
    Q_OBJECT
public:
    // Takes ownership of `base`; nullptr wraps the platform's default style.
    explicit FocusRingStyle(QStyle *base = nullptr);

    // Wraps the style the application uses now, so -style and QT_STYLE_OVERRIDE still count.
    // Call it once the QApplication exists and before any widget is made.
    static void install(QApplication &app);

    void drawPrimitive(PrimitiveElement element, const QStyleOption *option, QPainter *painter,
                       const QWidget *widget = nullptr) const override;
    void drawControl(ControlElement element, const QStyleOption *option, QPainter *painter,
                     const QWidget *widget = nullptr) const override;
    void drawComplexControl(ComplexControl control, const QStyleOptionComplex *option,
                            QPainter *painter, const QWidget *widget = nullptr) const override;
    QRect subElementRect(SubElement element, const QStyleOption *option,
                         const QWidget *widget = nullptr) const override;

    static constexpr int ringWidth = 2;
    // Inside an item the ring keeps this far from the item's edge, so neighbouring rows,
    // which paint later, cannot cover it.
    static constexpr int itemInset = 1;

private:
    static void drawFocusRing(const QStyleOption &option, QPainter &painter);
};

} // namespace fermata
