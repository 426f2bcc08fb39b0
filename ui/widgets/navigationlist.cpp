#include "widgets/navigationlist.h"

#include "widgets/navigationbadgedelegate.h"

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
    setItemDelegate(new NavigationBadgeDelegate(this));
}

void NavigationList::addEntry(const QIcon &icon, const QString &text, const QKeySequence &shortcut)
{
    auto *item = new QListWidgetItem(icon, text, this);
    item->setSizeHint(QSize(0, rowHeight));
    item->setToolTip(tr("%1 (%2)").arg(text, shortcut.toString(QKeySequence::NativeText)));
}

void NavigationList::setBadge(int row, int count, const QString &description)
{
    QListWidgetItem *entry = item(row);
    if (!entry)
        return;
    entry->setData(NavigationBadgeDelegate::BadgeRole, qMax(0, count));
    // The tooltip keeps the shortcut and says the count in words, for screen readers too.
    const QString base = entry->toolTip().section(QStringLiteral(" · "), 0, 0);
    const QString said = description.isEmpty() ? QString::number(count) : description;
    entry->setToolTip(count > 0 ? tr("%1 · %2").arg(base, said) : base);
    entry->setData(Qt::AccessibleDescriptionRole, count > 0 ? said : QString());
}

int NavigationList::badge(int row) const
{
    const QListWidgetItem *entry = item(row);
    return entry ? entry->data(NavigationBadgeDelegate::BadgeRole).toInt() : 0;
}

QSize NavigationList::sizeHint() const
{
    int widest = 0;
    for (int row = 0; row < count(); ++row)
        widest = qMax(widest, fontMetrics().horizontalAdvance(item(row)->text()));
    return {widest + iconSize().width() + 48 + NavigationBadgeDelegate::reservedWidth(fontMetrics()),
            rowHeight * count()};
}

} // namespace fermata
