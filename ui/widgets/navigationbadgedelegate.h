#pragma once

#include <QStyledItemDelegate>

namespace fermata {

// Draws a navigation entry as usual plus, when it carries a count (BadgeRole > 0), a small
// rounded count at the right edge: "Inbox   12".
class NavigationBadgeDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    static constexpr int BadgeRole = Qt::UserRole + 20;
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    // Room the widest badge needs ("999+"), for the list's size hint.
    static int reservedWidth(const QFontMetrics &metrics);
    static QString badgeText(int count);
};

} // namespace fermata
