#include "widgets/focusringstyle.h"

#include "widgets/palettecolors.h"

#include <QApplication>
#include <QComboBox>
#include <QPainter>
#include <QPushButton>
#include <QStyleFactory>
#include <QStyleOption>
#include <QToolButton>

namespace fermata {

namespace {

constexpr qreal cornerRadius = 3.0;
constexpr qreal enoughContrast = 3.0;

// The ring colour, unless the ring sits on a fill it would vanish into (a selected row is
// painted in the accent): then the palette's text-on-highlight colour, made to stand on it.
QColor ringColour(const QStyleOption &option)
{
    const QColor ring = PaletteColors::focusRing(option.palette);
    const auto *focus = qstyleoption_cast<const QStyleOptionFocusRect *>(&option);
    if (!focus || !focus->backgroundColor.isValid()
        || PaletteColors::contrast(ring, focus->backgroundColor) >= enoughContrast)
        return ring;
    return option.palette.color(QPalette::HighlightedText);
}

// A control shows its ring once the keyboard moved focus there; a click needs none.
bool controlWantsRing(const QStyleOption &option)
{
    return (option.state & QStyle::State_HasFocus) && (option.state & QStyle::State_KeyboardFocusChange);
}

// Controls ringed whole by drawControl / drawComplexControl; a focus rect the base style
// asks for inside them would be a second ring.
bool ringedWhole(const QWidget *widget)
{
    return qobject_cast<const QPushButton *>(widget) || qobject_cast<const QComboBox *>(widget)
        || qobject_cast<const QToolButton *>(widget);
}

} // namespace

FocusRingStyle::FocusRingStyle(QStyle *base) : QProxyStyle(base)
{
}

void FocusRingStyle::install(QApplication &app)
{
    Q_UNUSED(app); // styles are process-wide; the argument only says the QApplication exists
    QStyle *current = QApplication::style();
    if (qobject_cast<FocusRingStyle *>(current))
        return;
    QApplication::setStyle(new FocusRingStyle(QStyleFactory::create(current->name())));
}

void FocusRingStyle::drawPrimitive(PrimitiveElement element, const QStyleOption *option,
                                   QPainter *painter, const QWidget *widget) const
{
    if (element != PE_FrameFocusRect || !option || !painter) {
        QProxyStyle::drawPrimitive(element, option, painter, widget);
        return;
    }
    // An item view asks only for its current item, and only while it has focus.
    const bool item = option->state & State_Item;
    if (item || ((option->state & State_KeyboardFocusChange) && !ringedWhole(widget)))
        drawFocusRing(*option, *painter);
}

void FocusRingStyle::drawControl(ControlElement element, const QStyleOption *option, QPainter *painter,
                                 const QWidget *widget) const
{
    QProxyStyle::drawControl(element, option, painter, widget);
    if (element == CE_PushButton && option && painter && controlWantsRing(*option))
        drawFocusRing(*option, *painter);
}

void FocusRingStyle::drawComplexControl(ComplexControl control, const QStyleOptionComplex *option,
                                        QPainter *painter, const QWidget *widget) const
{
    QProxyStyle::drawComplexControl(control, option, painter, widget);
    if (!option || !painter || !controlWantsRing(*option))
        return;
    // An editable combo box shows focus in its line edit's frame, as a line edit does.
    const auto *combo = qstyleoption_cast<const QStyleOptionComboBox *>(option);
    if ((control == CC_ComboBox && combo && !combo->editable) || control == CC_ToolButton)
        drawFocusRing(*option, *painter);
}

QRect FocusRingStyle::subElementRect(SubElement element, const QStyleOption *option,
                                     const QWidget *widget) const
{
    // The common style rings only the text of the current item; ring the whole item, which
    // also covers delegates that paint their own text over an empty CE_ItemViewItem.
    if (element == SE_ItemViewItemFocusRect && option)
        return option->rect;
    return QProxyStyle::subElementRect(element, option, widget);
}

void FocusRingStyle::drawFocusRing(const QStyleOption &option, QPainter &painter)
{
    const bool item = option.state & State_Item;
    const qreal inset = (item ? itemInset : 0) + ringWidth / 2.0; // the pen straddles its path
    const QRectF path = QRectF(option.rect).adjusted(inset, inset, -inset, -inset);
    if (path.width() <= 0 || path.height() <= 0)
        return;
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(ringColour(option), ringWidth));
    painter.setBrush(Qt::NoBrush);
    painter.drawRoundedRect(path, cornerRadius, cornerRadius);
    painter.restore();
}

} // namespace fermata
