#include "planning/exactmodel.h"

#include "planning/exactcandidates.h"
#include "planning/plancheck.h"

#include <algorithm>
#include <cmath>

namespace fermata::planning {

namespace {

std::vector<quint8> fixedFocusOf(const Problem &p)
{
    std::vector<quint8> fixed(size_t(p.slotCount), 0);
    for (const Block &b : p.fixed) {
        for (int s = std::max(b.start, 0); s < std::min(b.end, p.slotCount); ++s)
            fixed[size_t(s)] = 1;
    }
    return fixed;
}

std::vector<quint8> usableOf(const Problem &p, const std::vector<quint8> &fixedFocus)
{
    std::vector<quint8> usable(size_t(p.slotCount), 0);
    for (int s = 0; s < p.slotCount; ++s)
        usable[size_t(s)] = p.free[size_t(s)] && !fixedFocus[size_t(s)];
    return usable;
}

} // namespace

BlockModel::BlockModel(const Problem &problem, const std::vector<Block> &kept)
    : m_problem(problem),
      m_usable(usableOf(problem, fixedFocusOf(problem))),
      m_fixedFocus(fixedFocusOf(problem)),
      m_byTask(problem.tasks.size()),
      m_covering(size_t(problem.slotCount))
{
    std::vector<Block> candidates = candidateBlocks(problem, m_usable);
    const auto byTaskAndStart = [](const Block &a, const Block &b) {
        return a.task != b.task ? a.task < b.task : a.start != b.start ? a.start < b.start : a.end < b.end;
    };
    const size_t generated = candidates.size();
    for (const Block &b : mergedBlocks(kept)) {
        if (!std::binary_search(candidates.begin(), candidates.begin() + qsizetype(generated), b, byTaskAndStart)) {
            candidates.push_back(b);
            m_optional.push_back(b);
        }
    }
    std::sort(candidates.begin(), candidates.end(), byTaskAndStart);
    for (const Block &b : candidates)
        addCandidate(b.task, b.start, b.end);
    for (size_t task = 0; task < m_byTask.size(); ++task) {
        std::vector<Block> own;
        for (int c : m_byTask[task])
            own.push_back(m_candidates[size_t(c)].block);
        m_workBy.push_back(workByStart(own, problem.tasks[task].length, problem.slotCount));
    }

    // Scales: blocks <= usable slots U, so the block-count term (-1 per block) spans less than
    // half a keep, and all keeps plus block counts less than one weighted slot of value. The
    // margins let a search that stops within U of the bound still prove value and keeps.
    m_blockSlack = std::count(m_usable.begin(), m_usable.end(), quint8(1));
    const qint64 keepable = std::count_if(m_candidates.begin(), m_candidates.end(),
                                          [](const Candidate &c) { return c.keptFromPrevious; });
    m_keepScale = 2 * m_blockSlack + 1;
    m_valueScale = m_keepScale * (keepable + 1);
    for (const Candidate &c : m_candidates) {
        addColumn(double(c.onTimeWeightedSlots * m_valueScale + (c.keptFromPrevious ? m_keepScale : 0) - 1));
        for (int s = c.block.start; s < c.block.end; ++s)
            m_covering[size_t(s)].push_back(int(&c - m_candidates.data()));
    }
    m_mip.rowStart.push_back(0);
    addSlotRows();
    addTaskRows();
    addDayCapRows();
    addBreakRows();
    addDependencyRows();
}

int BlockModel::countCandidates(const Problem &problem, int limit)
{
    return countCandidateBlocks(problem, usableOf(problem, fixedFocusOf(problem)), limit);
}

void BlockModel::addCandidate(int task, int start, int end)
{
    const SlotTask &t = m_problem.tasks[size_t(task)];
    Candidate c;
    c.block = {task, start, end};
    c.onTimeWeightedSlots = qint64(std::max(0, std::min(end, t.deadline) - start)) * t.weight;
    c.keptFromPrevious = std::find(m_problem.previous.begin(), m_problem.previous.end(), c.block)
        != m_problem.previous.end();
    m_byTask[size_t(task)].push_back(int(m_candidates.size()));
    m_candidates.push_back(c);
}

int BlockModel::addColumn(double objective)
{
    m_mip.objective.push_back(objective);
    m_mip.upper.push_back(1);
    return m_mip.columns() - 1;
}

void BlockModel::addRow(const Linear &row)
{
    for (const auto &[column, coefficient] : row.terms) {
        m_mip.index.push_back(column);
        m_mip.coefficient.push_back(coefficient);
    }
    m_mip.rowStart.push_back(int(m_mip.index.size()));
    m_mip.rowLower.push_back(row.lower);
    m_mip.rowUpper.push_back(row.upper);
}

void BlockModel::addSlotRows()
{
    // Where no block ends at s + 1, every block covering s covers s + 1: row s is implied
    // (row s + 1, or the one it is implied by, holds). The relaxation is the same and the
    // LPs are smaller (with the dependency rows below: d5_n12_m4_sp2_s7066 1.0 -> 0.7 s of
    // CPU to prove, d5_n20_m6_sp2_s7101 1.1 -> 0.7 s; s7081 0.28 -> 0.40 s).
    std::vector<quint8> endsAt(size_t(m_problem.slotCount) + 1, 0);
    for (const Candidate &c : m_candidates)
        endsAt[size_t(c.block.end)] = 1;
    for (size_t s = 0; s < m_covering.size(); ++s) {
        const std::vector<int> &covering = m_covering[s];
        if (covering.size() < 2 || !endsAt[s + 1])
            continue;
        Linear row{{}, -INFINITY, 1};
        for (int c : covering)
            row.terms.push_back({c, 1});
        addRow(row);
    }
}

void BlockModel::addTaskRows()
{
    for (size_t task = 0; task < m_byTask.size(); ++task) {
        const std::vector<int> &own = m_byTask[task];
        if (own.empty())
            continue;
        // At most its remaining work, or less where its own blocks cannot hold that much.
        const int most = m_workBy[task].back();
        Linear work{{}, -INFINITY, double(most)};
        for (int c : own)
            work.terms.push_back({c, double(m_candidates[size_t(c)].block.end - m_candidates[size_t(c)].block.start)});
        addRow(work);
        addBlockCountRow(int(task), most);
        // At each slot boundary: a block ending there excludes one of the task starting there.
        std::vector<Linear> touching(size_t(m_problem.slotCount) + 1, Linear{{}, -INFINITY, 1});
        std::vector<quint8> hasEnd(touching.size(), 0);
        std::vector<quint8> hasStart(touching.size(), 0);
        for (int c : own) {
            const Block &b = m_candidates[size_t(c)].block;
            touching[size_t(b.end)].terms.push_back({c, 1});
            touching[size_t(b.start)].terms.push_back({c, 1});
            hasEnd[size_t(b.end)] = 1;
            hasStart[size_t(b.start)] = 1;
        }
        for (size_t s = 0; s < touching.size(); ++s) {
            if (hasEnd[s] && hasStart[s])
                addRow(touching[s]);
        }
    }
}

void BlockModel::addBlockCountRow(int task, int most)
{
    // With work W and blocks of at least m slots, a task has at most C = floor(W / m) blocks,
    // and a block longer than W - m has no other beside it: sum (C for those, else 1) <= C.
    // The work row implies it only when m divides W and no block is that long; otherwise the
    // LP spreads work over more blocks than fit (d5_n12_m8_sp5_s7042: 4.7 s to prove, 33 ms
    // with these rows).
    const int shortest = minBlockLength(m_problem.tasks[size_t(task)]);
    if (shortest <= 0 || most < shortest)
        return;
    const int count = most / shortest;
    Linear row{{}, -INFINITY, double(count)};
    bool implied = count * shortest == most;
    for (int c : m_byTask[size_t(task)]) {
        const Block &b = m_candidates[size_t(c)].block;
        const bool alone = b.end - b.start > most - shortest;
        implied = implied && !(alone && count > 1);
        row.terms.push_back({c, alone ? double(count) : 1.0});
    }
    if (!implied)
        addRow(row);
}

void BlockModel::addDayCapRows()
{
    const Problem &p = m_problem;
    if (p.dayCap.empty())
        return;
    std::vector<Linear> perDay(p.dayCap.size());
    std::vector<int> fixedUsed(p.dayCap.size(), 0);
    for (int s = 0; s < p.slotCount; ++s) {
        if (m_fixedFocus[size_t(s)] && p.free[size_t(s)])
            ++fixedUsed[size_t(p.day[size_t(s)])];
    }
    for (size_t c = 0; c < m_candidates.size(); ++c) {
        const Block &b = m_candidates[c].block;
        for (int s = b.start; s < b.end; ++s) {
            auto &terms = perDay[size_t(p.day[size_t(s)])].terms;
            if (!terms.empty() && terms.back().first == int(c))
                terms.back().second += 1;
            else
                terms.push_back({int(c), 1});
        }
    }
    for (size_t d = 0; d < perDay.size(); ++d) {
        if (p.dayCap[d] == INT_MAX || perDay[d].terms.empty())
            continue;
        perDay[d].lower = -INFINITY;
        perDay[d].upper = std::max(0, p.dayCap[d] - fixedUsed[d]);
        addRow(perDay[d]);
    }
}

void BlockModel::addBreakRows()
{
    // Two focus slots maxRun or more apart (up to maxRun + breakSlots - 1: a longer stretch
    // always contains such a pair) need a whole break between them. z_j: slots j ..
    // j + breakSlots - 1 hold no focus work.
    const Problem &p = m_problem;
    const int bs = p.breakSlots;
    if (p.maxRun <= 0 || bs <= 0 || p.slotCount < bs)
        return;
    const int breakStarts = p.slotCount - bs + 1;
    m_breakColumn = m_mip.columns();
    m_breakCount = breakStarts;
    for (int j = 0; j < breakStarts; ++j) {
        const int column = addColumn(0);
        for (int s = j; s < j + bs; ++s) {
            if (m_fixedFocus[size_t(s)])
                m_mip.upper[size_t(column)] = 0;
            else if (!m_covering[size_t(s)].empty()) {
                Linear row{{{column, 1}}, -INFINITY, 1};
                for (int c : m_covering[size_t(s)])
                    row.terms.push_back({c, 1});
                addRow(row);
            }
        }
    }
    auto mayBeFocus = [this](int s) { return m_fixedFocus[size_t(s)] || !m_covering[size_t(s)].empty(); };
    for (int a = 0; a < p.slotCount; ++a) {
        if (!mayBeFocus(a))
            continue;
        for (int b = a + p.maxRun; b < std::min(p.slotCount, a + p.maxRun + bs); ++b) {
            if (!mayBeFocus(b) || (m_fixedFocus[size_t(a)] && m_fixedFocus[size_t(b)]))
                continue; // fixed work is what it is
            Linear row{{}, -INFINITY, 1};
            for (int s : {a, b}) {
                if (m_fixedFocus[size_t(s)])
                    row.upper -= 1;
                for (int c : m_covering[size_t(s)])
                    row.terms.push_back({c, 1});
            }
            for (int j = a + 1; j <= b - bs; ++j)
                row.terms.push_back({m_breakColumn + j, -1});
            addRow(row);
        }
    }
}

void BlockModel::addDependencyRows()
{
    // w_t ("the dependent has started by slot t") is monotone; a predecessor's block ending
    // at e forbids w_{e-1}; a started dependent needs its predecessor's whole work. Only the
    // slots where one of the dependent's blocks starts get a column: any other w_t can equal
    // w at the last such slot before it (the rows below hold then, and none constrains it
    // otherwise), so the rows at other slots are implied and the relaxation is the same.
    // d5_n12_m4_sp2_s7066: 2,395 rows and 131,799 nonzeros -> 1,435 and 34,599, same LP bound;
    // proof 1.6 s -> 1.0 s of CPU (s7095 0.97 -> 0.37 s, s7050 0.57 -> 0.15 s).
    const Problem &p = m_problem;
    for (size_t q = 0; q < p.tasks.size(); ++q) {
        const std::vector<int> &own = m_byTask[q];
        if (p.tasks[q].deps.empty() || own.empty())
            continue;
        StartedColumns started;
        started.task = int(q);
        for (int c : own) {
            const int start = m_candidates[size_t(c)].block.start;
            if (started.starts.empty() || started.starts.back() != start)
                started.starts.push_back(start); // own is sorted by start
        }
        started.column = m_mip.columns();
        for (size_t k = 0; k < started.starts.size(); ++k)
            addColumn(0);
        m_started.push_back(started);
        const std::vector<int> &starts = started.starts;
        const int count = int(starts.size());
        // Index of the last start at or before `slot`, -1 if none.
        auto at = [&starts](int slot) {
            return int(std::upper_bound(starts.begin(), starts.end(), slot) - starts.begin()) - 1;
        };
        auto w = [&started](int k) { return started.column + k; };
        for (int k = 0; k + 1 < count; ++k)
            addRow({{{w(k), 1}, {w(k + 1), -1}}, -INFINITY, 0});
        for (int c : own)
            addRow({{{c, 1}, {w(at(m_candidates[size_t(c)].block.start)), -1}}, -INFINITY, 0});
        // And in aggregate: the work of blocks starting by t is at most what fits (in its
        // blocks starting by t) times w_t. Per block alone, the LP gave a dependent all its
        // value at a small w (d5_n20_m10_sp2_s7084: relaxation 292 -> 273 weighted slots,
        // optimum 268).
        for (int k = 0; k < count; ++k) {
            const int t = starts[size_t(k)];
            Linear begun{{{w(k), -double(m_workBy[q][size_t(t)])}}, -INFINITY, 0};
            for (int c : own) {
                const Block &b = m_candidates[size_t(c)].block;
                if (b.start <= t)
                    begun.terms.push_back({c, double(b.end - b.start)});
            }
            addRow(begun);
        }
        for (int d : p.tasks[q].deps) {
            const SlotTask &pred = p.tasks[size_t(d)];
            // A started dependent needs its predecessor's whole work, in blocks whose lengths
            // add up to it exactly; a block no such set can contain (with chunks of m .. M
            // slots, the rest is not a sum of them) rules the dependent out altogether. Else
            // the LP "completed" a predecessor of 16 slots, chunks of 8 to 12, with 11-slot
            // blocks (d5_n12_m8_sp2_s7009: 2.4 s to prove, 0.15 s without).
            int longest = 0;
            for (int c : m_byTask[size_t(d)])
                longest = std::max(longest, m_candidates[size_t(c)].block.end - m_candidates[size_t(c)].block.start);
            const int shortest = std::max(minBlockLength(pred), 1);
            auto completes = [&pred, longest, shortest](const Block &b) {
                const int rest = pred.length - (b.end - b.start);
                for (int k = 0; k * shortest <= rest; ++k) {
                    if (rest <= k * longest)
                        return true;
                }
                return false;
            };
            // Started by t: the predecessor's whole work lies in blocks ending by t.
            for (int k = 0; pred.length > 0 && k < count; ++k) {
                const int t = starts[size_t(k)];
                const int next = k + 1 < count ? starts[size_t(k) + 1] : t;
                Linear complete{{{w(k), -double(pred.length)}}, 0, INFINITY};
                // With no such block ending between this start and the next, the next start's
                // row implies this one (w is monotone): same relaxation, fewer rows. Measured
                // in CPU to prove: s7066 0.7 -> 0.26 s, s7101 0.7 -> 0.47 s (s7239 0.17 -> 0.3 s).
                bool implied = next > t;
                for (int c : m_byTask[size_t(d)]) {
                    const Block &b = m_candidates[size_t(c)].block;
                    if (!completes(b))
                        continue;
                    if (b.end <= t)
                        complete.terms.push_back({c, double(b.end - b.start)});
                    else if (b.end <= next)
                        implied = false;
                }
                if (!implied)
                    addRow(complete);
            }
            for (int c : m_byTask[size_t(d)]) {
                const int k = at(m_candidates[size_t(c)].block.end - 1);
                if (!completes(m_candidates[size_t(c)].block))
                    addRow({{{c, 1}, {w(count - 1), 1}}, -INFINITY, 1});
                else if (k >= 0)
                    addRow({{{c, 1}, {w(k), 1}}, -INFINITY, 1});
            }
        }
    }
}

int BlockModel::columnOf(const Block &block) const
{
    if (block.task < 0 || size_t(block.task) >= m_byTask.size())
        return -1;
    const std::vector<int> &own = m_byTask[size_t(block.task)];
    const auto it = std::lower_bound(own.begin(), own.end(), block, [this](int c, const Block &x) {
        const Block &y = m_candidates[size_t(c)].block;
        return y.start != x.start ? y.start < x.start : y.end < x.end;
    });
    return it != own.end() && m_candidates[size_t(*it)].block == block ? *it : -1;
}

void BlockModel::requireBlocks(const std::vector<Block> &blocks)
{
    for (const Block &b : mergedBlocks(blocks)) {
        if (std::find(m_optional.begin(), m_optional.end(), b) != m_optional.end())
            continue;
        if (const int column = columnOf(b); column >= 0)
            addRow(Linear{{{column, 1.0}}, 1.0, 1.0});
    }
}

std::vector<double> BlockModel::columnValues(const std::vector<Block> &blocks) const
{
    std::vector<double> values(size_t(m_mip.columns()), 0);
    std::vector<quint8> focus = m_fixedFocus;
    std::vector<int> firstStart(m_problem.tasks.size(), INT_MAX);
    for (const Block &b : mergedBlocks(blocks)) {
        const int column = columnOf(b);
        if (column < 0)
            return {};
        values[size_t(column)] = 1;
        for (int s = b.start; s < b.end; ++s)
            focus[size_t(s)] = 1;
        firstStart[size_t(b.task)] = std::min(firstStart[size_t(b.task)], b.start);
    }
    for (const StartedColumns &started : m_started) {
        for (size_t k = 0; k < started.starts.size(); ++k)
            values[size_t(started.column) + k] = started.starts[k] >= firstStart[size_t(started.task)] ? 1 : 0;
    }
    if (m_breakColumn >= 0) {
        for (int j = 0; j < m_breakCount; ++j) {
            const auto from = focus.begin() + j;
            values[size_t(m_breakColumn + j)] = std::find(from, from + m_problem.breakSlots, quint8(1)) == from + m_problem.breakSlots;
        }
    }
    return values;
}

std::vector<Block> BlockModel::blocksOf(const double *values) const
{
    std::vector<Block> blocks;
    for (size_t c = 0; c < m_candidates.size(); ++c) {
        if (values[c] > 0.5)
            blocks.push_back(m_candidates[c].block);
    }
    std::sort(blocks.begin(), blocks.end(), [](const Block &a, const Block &b) { return a.start < b.start; });
    return blocks;
}

qint64 BlockModel::valueBound(double objectiveBound) const
{
    // objective = valueScale * value + keeps * keepScale - blocks, and blocks <= blockSlack.
    const double slots = std::floor((objectiveBound + double(m_blockSlack)) / double(m_valueScale) + 1e-9);
    return qint64(slots) * m_problem.slotMinutes;
}

} // namespace fermata::planning
