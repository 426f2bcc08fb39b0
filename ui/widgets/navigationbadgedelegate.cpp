#include "widgets/navigationbadgedelegate.h"

#include "widgets/palettecolors.h"

#include <QPainter>

namespace fermata {

namespace {
constexpr int badgePadding = 6;
constexpr int badgeMargin = 8;
} // namespace

QString NavigationBadgeDelegate::badgeText(int count)
{
    return count > 999 ? QStringLiteral("999+") : QString::number(count);
}

int NavigationBadgeDelegate::reservedWidth(const QFontMetrics &metrics)
{
    return metrics.horizontalAdvance(badgeText(1000)) + 2 * badgePadding + badgeMargin;
}

void NavigationBadgeDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                    const QModelIndex &index) const
{
    const int count = index.data(BadgeRole).toInt();
    if (count <= 0) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    const QString text = badgeText(count);
    const QFontMetrics metrics(option.font);
    const int width = metrics.horizontalAdvance(text) + 2 * badgePadding;
    const int height = metrics.height() + 2;
    const QRect badge(option.rect.right() - badgeMargin - width, option.rect.center().y() - height / 2 + 1,
                      width, height);

    // The list reserves room for the badge (reservedWidth), so the label never reaches it.
    QStyledItemDelegate::paint(painter, option, index);

    const bool selected = option.state & QStyle::State_Selected;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(selected ? option.palette.color(QPalette::HighlightedText)
                               : PaletteColors::accent(option.palette));
    painter->drawRoundedRect(QRectF(badge), height / 2.0, height / 2.0);
    painter->setPen(selected ? option.palette.color(QPalette::Highlight)
                             : option.palette.color(QPalette::HighlightedText));
    painter->drawText(badge, Qt::AlignCenter, text);
    painter->restore();
}

} // namespace fermata
