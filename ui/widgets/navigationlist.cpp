#include "widgets/navigationlist.h"

#include <QKeySequence>

namespace fermata {

namespace {
constexpr int rowHeight = 38;
}

NavigationList::NavigationList(QWidget *parent) : QListWidget(parent)
{
    setObjectName(QStringLiteral("navigation"));
    setAccessibleName(tr("Views"));
    setFrameShape(QFrame::NoFrame);
    setIconSize(QSize(20, 20));
    setSpacing(2);
    setUniformItemSizes(true);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setSelectionMode(QAbstractItemView::SingleSelection);
    // Blend into the window chrome rather than looking like a data list.
    viewport()->setBackgroundRole(QPalette::Window);
    setBackgroundRole(QPalette::Window);
}

void NavigationList::addEntry(const QIcon &icon, const QString &text, const QKeySequence &shortcut)
{
    auto *item = new QListWidgetItem(icon, text, this);
    item->setSizeHint(QSize(0, rowHeight));
    item->setToolTip(tr("%1 (%2)").arg(text, shortcut.toString(QKeySequence::NativeText)));
}

QSize NavigationList::sizeHint() const
{
    int widest = 0;
    for (int row = 0; row < count(); ++row)
        widest = qMax(widest, fontMetrics().horizontalAdvance(item(row)->text()));
    return {widest + iconSize().width() + 48, rowHeight * count()};
}

} // namespace fermata
