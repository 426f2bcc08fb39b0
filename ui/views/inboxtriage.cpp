#include "views/inboxtriage.h"

#include "model/inboxitem.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QTreeView>

#include <algorithm>
#include <utility>

namespace fermata::inboxtriage {

namespace {

// Display order in a two-level tree: a group, then its entries.
std::pair<int, int> orderKey(const QModelIndex &index)
{
    return index.parent().isValid() ? std::pair(index.parent().row(), index.row()) : std::pair(index.row(), -1);
}


} // namespace

QModelIndex nextItemAfter(const QTreeView &tree, const QModelIndexList &acted)
{
    if (acted.isEmpty())
        return {};
    const auto isActedOn = [&](const QModelIndex &index) {
        const QModelIndex row = index.siblingAtColumn(0);
        return acted.contains(row) || acted.contains(row.parent());
    };
    const auto isCandidate = [&](const QModelIndex &index) {
        return index.parent().isValid() && !isActedOn(index); // an entry, not a group header
    };
    const auto byOrder = [](const QModelIndex &a, const QModelIndex &b) { return orderKey(a) < orderKey(b); };
    const QModelIndex last = *std::max_element(acted.cbegin(), acted.cend(), byOrder);
    for (QModelIndex at = tree.indexBelow(last); at.isValid(); at = tree.indexBelow(at)) {
        if (isCandidate(at))
            return at.siblingAtColumn(0);
    }
    const QModelIndex first = *std::min_element(acted.cbegin(), acted.cend(), byOrder);
    for (QModelIndex at = tree.indexAbove(first); at.isValid(); at = tree.indexAbove(at)) {
        if (isCandidate(at))
            return at.siblingAtColumn(0);
    }
    return {};
}

Task taskFrom(const InboxItem &item)
{
    const Notification &n = item.notification;
    static const QRegularExpression link(QStringLiteral(R"((https?://[^\s<>"']+))"));
    QString url = link.match(n.body).captured(1);
    if (url.isEmpty())
        url = link.match(n.title).captured(1);

    QStringList notes;
    // The context is spelt out: lupdate would file a namespace's tr() under the namespace's name.
    notes.append(n.sender.isEmpty()
                     ? QCoreApplication::translate("fermata::InboxTriage", "From %1 (Inbox)").arg(n.source)
                     : QCoreApplication::translate("fermata::InboxTriage", "From %1 via %2 (Inbox)")
                           .arg(n.sender, n.source));
    if (!url.isEmpty())
        notes.append(QCoreApplication::translate("fermata::InboxTriage", "Link: %1").arg(url));
    if (!n.body.isEmpty())
        notes.append(QStringLiteral("\n") + n.body);

    Task task;
    task.title = n.title.simplified();
    task.notes = notes.join(QLatin1Char('\n'));
    return task;
}

} // namespace fermata::inboxtriage
