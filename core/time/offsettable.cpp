#include "time/offsettable.h"

#include <QDateTime>

#include <algorithm>

namespace fermata {

namespace {
constexpr qint64 s_searchMs = 15 * 3600 * 1000; // as resolveWallClock: no zone is further off
} // namespace

OffsetTable::OffsetTable(const QTimeZone &zone, qint64 fromMs, qint64 toMs)
    : m_fromMs(fromMs), m_toMs(toMs)
{
    const QDateTime from = QDateTime::fromMSecsSinceEpoch(fromMs, Qt::UTC);
    m_initialOffset = zone.offsetFromUtc(from);
    for (const QTimeZone::OffsetData &t :
         zone.transitions(from, QDateTime::fromMSecsSinceEpoch(toMs, Qt::UTC)))
        m_transitions.emplace_back(t.atUtc.toMSecsSinceEpoch(), t.offsetFromUtc);
}

int OffsetTable::offsetAt(qint64 utcMs) const
{
    auto it = std::upper_bound(m_transitions.begin(), m_transitions.end(), utcMs,
                               [](qint64 ms, const std::pair<qint64, int> &t) { return ms < t.first; });
    return it == m_transitions.begin() ? m_initialOffset : std::prev(it)->second;
}

std::optional<qint64> OffsetTable::resolve(qint64 wall) const
{
    if (wall - 2 * s_searchMs < m_fromMs || wall + 2 * s_searchMs >= m_toMs)
        return std::nullopt;
    const int before = offsetAt(wall - s_searchMs);
    const int after = offsetAt(wall + s_searchMs);
    if (before == after)
        return wall - qint64(before) * 1000;
    const qint64 candidateBefore = wall - qint64(before) * 1000;
    const qint64 candidateAfter = wall - qint64(after) * 1000;
    const bool beforeValid = offsetAt(candidateBefore) == before;
    const bool afterValid = offsetAt(candidateAfter) == after;
    if (beforeValid && afterValid) // overlap: the first occurrence wins
        return qMin(candidateBefore, candidateAfter);
    if (beforeValid)
        return candidateBefore;
    if (afterValid)
        return candidateAfter;
    // A gap: the first valid instant after it is the transition.
    const qint64 latest = qMax(candidateBefore, candidateAfter);
    auto it = std::upper_bound(m_transitions.begin(), m_transitions.end(), latest,
                               [](qint64 ms, const std::pair<qint64, int> &t) { return ms < t.first; });
    if (it == m_transitions.begin())
        return std::nullopt;
    return std::prev(it)->first;
}

} // namespace fermata
