#include "attention/heldtally.h"

#include "attention/inboxgrouping.h"

#include <algorithm>

namespace fermata {

HeldTally::HeldTally(const QHash<QString, int> &bySource)
{
    for (auto it = bySource.cbegin(); it != bySource.cend(); ++it)
        add(it.key(), it.value());
}

void HeldTally::add(const QString &source, int count)
{
    if (count <= 0)
        return;
    m_bySource[source] += count;
    m_total += count;
}

QList<std::pair<QString, int>> HeldTally::sources() const
{
    QList<std::pair<QString, int>> list;
    list.reserve(m_bySource.size());
    for (auto it = m_bySource.cbegin(); it != m_bySource.cend(); ++it)
        list.append({it.key(), it.value()});
    std::sort(list.begin(), list.end(), [](const auto &a, const auto &b) {
        return inboxgrouping::listedBefore({a.first, {}}, a.second, {b.first, {}}, b.second);
    });
    return list;
}

} // namespace fermata
