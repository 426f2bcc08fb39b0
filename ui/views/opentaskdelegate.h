#pragma once

#include <QStyledItemDelegate>

namespace fermata {

// Draws an open task in the Today list as its title over a quiet detail line
// ("P1 · 3 h · due Thu 16 May 15:00"), read from the TaskTableModel row.
class OpenTaskDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    static QString detailText(const QModelIndex &index);
};

} // namespace fermata
