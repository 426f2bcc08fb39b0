#include "planning/plancheck.h"

#include <algorithm>

namespace fermata::planning {

namespace {

constexpr int noOwner = -1;
constexpr int fixedOwner = -2;

QString name(const Problem &p, int task) { return p.tasks[size_t(task)].key; }

// Per slot: the task whose new block holds it, fixedOwner, or noOwner.
std::vector<int> owners(const Problem &p, const std::vector<Block> &blocks, QStringList &out)
{
    std::vector<int> owner(size_t(p.slotCount), noOwner);
    for (const Block &b : p.fixed) {
        for (int s = std::max(b.start, 0); s < std::min(b.end, p.slotCount); ++s)
            owner[size_t(s)] = fixedOwner;
    }
    for (const Block &b : blocks) {
        for (int s = b.start; s < b.end; ++s) {
            if (!p.free[size_t(s)] || owner[size_t(s)] == fixedOwner)
                out << QStringLiteral("%1 uses unavailable slot %2").arg(name(p, b.task)).arg(s);
            else if (owner[size_t(s)] != noOwner)
                out << QStringLiteral("slot %1 used twice").arg(s);
            owner[size_t(s)] = b.task;
        }
    }
    return owner;
}

void checkDayCaps(const Problem &p, const std::vector<int> &owner, QStringList &out)
{
    if (p.dayCap.empty())
        return;
    std::vector<int> used(p.dayCap.size(), 0);
    for (int s = 0; s < p.slotCount; ++s) {
        // Like the Schedule: fixed focus counts where it covers working time.
        const bool counts = owner[size_t(s)] >= 0 || (owner[size_t(s)] == fixedOwner && p.free[size_t(s)]);
        if (counts)
            ++used[size_t(p.day[size_t(s)])];
    }
    for (size_t d = 0; d < used.size(); ++d) {
        if (used[d] > p.dayCap[d])
            out << QStringLiteral("day %1 over its cap").arg(d);
    }
}

void checkBreaks(const Problem &p, const std::vector<int> &owner, QStringList &out)
{
    if (p.maxRun <= 0)
        return;
    // A stretch: focus slots whose gaps are shorter than a break.
    int left = -1;
    int last = -1;
    for (int s = 0; s < p.slotCount; ++s) {
        if (owner[size_t(s)] == noOwner)
            continue;
        if (left < 0 || s - last - 1 >= p.breakSlots)
            left = s;
        last = s;
        if (s + 1 - left > p.maxRun) {
            out << QStringLiteral("no break before slot %1").arg(s);
            left = s; // report each stretch once
        }
    }
}

} // namespace

std::vector<Block> mergedBlocks(std::vector<Block> blocks)
{
    std::sort(blocks.begin(), blocks.end(), [](const Block &a, const Block &b) {
        return a.task != b.task ? a.task < b.task : a.start < b.start;
    });
    std::vector<Block> merged;
    for (const Block &b : blocks) {
        if (!merged.empty() && merged.back().task == b.task && merged.back().end == b.start)
            merged.back().end = b.end;
        else
            merged.push_back(b);
    }
    return merged;
}

QStringList planBreaches(const Problem &p, const std::vector<Block> &blocks)
{
    QStringList out;
    for (const Block &b : blocks) {
        if (b.task < 0 || size_t(b.task) >= p.tasks.size() || b.start < 0 || b.end > p.slotCount || b.end <= b.start)
            return {QStringLiteral("malformed block")};
        if (p.tasks[size_t(b.task)].invalid)
            out << QStringLiteral("%1 is invalid but planned").arg(name(p, b.task));
    }
    const std::vector<int> owner = owners(p, blocks, out);
    checkDayCaps(p, owner, out);
    checkBreaks(p, owner, out);

    const size_t n = p.tasks.size();
    std::vector<int> planned(n, 0);
    std::vector<int> finish(n, -1);
    std::vector<int> firstStart(n, INT_MAX);
    for (const Block &b : mergedBlocks(blocks)) {
        const SlotTask &t = p.tasks[size_t(b.task)];
        const int len = b.end - b.start;
        const int minLen = t.splittable ? std::min(t.minChunk, t.length) : t.length;
        if (len < minLen || (t.splittable && len > t.maxChunk))
            out << QStringLiteral("%1 block of %2 slots outside its chunk limits").arg(t.key).arg(len);
        if (b.start < t.release)
            out << QStringLiteral("%1 starts before its release").arg(t.key);
        planned[size_t(b.task)] += len;
        finish[size_t(b.task)] = std::max(finish[size_t(b.task)], b.end);
        firstStart[size_t(b.task)] = std::min(firstStart[size_t(b.task)], b.start);
    }
    for (size_t q = 0; q < n; ++q) {
        const SlotTask &t = p.tasks[q];
        if (planned[q] > t.length)
            out << QStringLiteral("%1 planned %2 of %3 slots").arg(t.key).arg(planned[q]).arg(t.length);
        if (firstStart[q] == INT_MAX)
            continue;
        for (int d : t.deps) {
            const SlotTask &pred = p.tasks[size_t(d)];
            const bool complete = planned[size_t(d)] >= pred.length;
            const int done = std::max(finish[size_t(d)], pred.fixedEnd);
            if (!complete || done > firstStart[q])
                out << QStringLiteral("%1 starts before its predecessor %2 is done").arg(t.key, pred.key);
        }
    }
    return out;
}

} // namespace fermata::planning
