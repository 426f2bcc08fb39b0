#include "views/opentaskdelegate.h"

#include "models/tasktablemodel.h"
#include "widgets/palettecolors.h"

#include <QApplication>
#include <QPainter>

namespace fermata {

namespace {
constexpr int padding = 6;
}

QString OpenTaskDelegate::detailText(const QModelIndex &index)
{
    const auto column = [&index](int c) { return index.siblingAtColumn(c).data().toString(); };
    QString text = column(TaskTableModel::Priority) + QStringLiteral(" · ")
        + column(TaskTableModel::Estimate);
    if (const QString deadline = column(TaskTableModel::Deadline); !deadline.isEmpty())
        text += QStringLiteral(" · ") + tr("due %1").arg(deadline);
    return text;
}

void OpenTaskDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                             const QModelIndex &index) const
{
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    background.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &background, painter, widget);

    const bool selected = option.state & QStyle::State_Selected;
    const QPalette &palette = option.palette;
    const QColor ink = palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
    const QRect area = option.rect.adjusted(padding + 2, padding, -padding, -padding);
    QFont titleFont = option.font;
    titleFont.setWeight(QFont::DemiBold);
    const QFontMetrics titleMetrics(titleFont);

    painter->save();
    painter->setFont(titleFont);
    painter->setPen(ink);
    painter->drawText(area, Qt::AlignLeft | Qt::AlignTop,
                      titleMetrics.elidedText(index.data().toString(), Qt::ElideRight, area.width()));
    painter->setFont(option.font);
    painter->setPen(selected ? ink : PaletteColors::mutedText(palette));
    painter->drawText(area.adjusted(0, titleMetrics.height() + 1, 0, 0), Qt::AlignLeft | Qt::AlignTop,
                      option.fontMetrics.elidedText(detailText(index), Qt::ElideRight, area.width()));
    painter->restore();
}

QSize OpenTaskDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    QFont titleFont = option.font;
    titleFont.setWeight(QFont::DemiBold);
    const int height = QFontMetrics(titleFont).height() + option.fontMetrics.height() + 2 * padding + 1;
    // A small width: the list elides to its column instead of scrolling sideways.
    return {120, height};
}

} // namespace fermata
