#pragma once

#include "planning/problem.h"

#include <vector>

namespace fermata::planning {

// A mixed-integer program in plain arrays, independent of any solver library.
struct MipModel
{
    std::vector<double> objective;   // per column, maximised
    std::vector<double> upper;       // per column (lower bounds are all 0; all are integer)
    std::vector<int> rowStart;       // row i: entries rowStart[i] .. rowStart[i + 1]
    std::vector<int> index;
    std::vector<double> coefficient;
    std::vector<double> rowLower;
    std::vector<double> rowUpper;
    int columns() const { return int(objective.size()); }
    int rows() const { return int(rowLower.size()); }
};

// The block formulation of a Problem: one binary per candidate block (task, start, length)
// that lies in free slots, starts at or after the task's release and when its predecessors
// can be complete at the earliest, and is a legal chunk (exactcandidates.h). Rows: a slot
// holds one block; a task gets at most its remaining work (or what its blocks can hold) in
// no more blocks than fit in it; blocks of a task never touch (a merged block stays within
// max chunk); day caps; the break rule; dependencies (a dependent starts only after its
// predecessor is complete and its last block has ended).
//
// Objective, lexicographic through integer scales: on-time value (weight x slots) first, then
// blocks kept unchanged from the previous plan (stability), then fewer blocks (best effort).
// Any gain of one slot at weight 1 outweighs every keep and block-count term together.
class BlockModel final
{
public:
    // `kept`: blocks kept from the previous plan. Those that are no candidate (late work of a
    // task nothing waits for, which the model otherwise leaves out) become columns too, worth
    // their keep and no value: a plan that moves them must gain value by it.
    explicit BlockModel(const Problem &problem, const std::vector<Block> &kept = {});

    // Candidate blocks of a problem, counted without building the model; stops past `limit`.
    static int countCandidates(const Problem &problem, int limit);

    int candidateCount() const { return int(m_candidates.size()); }
    const MipModel &mip() const { return m_mip; }

    // Re-planning keeps still-valid blocks as they are, as the heuristic does: every block
    // given (after merging) that is a candidate must be chosen. Used with the blocks the
    // heuristic kept from the previous plan, so the start plan still satisfies the model.
    // Kept late work given to the constructor stays optional.
    void requireBlocks(const std::vector<Block> &blocks);
    // Column values for a plan (the heuristic's, as a MIP start); empty if some block of it
    // is not a candidate.
    std::vector<double> columnValues(const std::vector<Block> &blocks) const;
    // The blocks chosen by a column vector, sorted by start.
    std::vector<Block> blocksOf(const double *values) const;
    // Upper bound on the on-time value (weight x minutes, new blocks only) implied by an
    // upper bound on the objective.
    qint64 valueBound(double objectiveBound) const;
    // Objective gap at which value and keeps are proven optimal (only the block count is not).
    double provingGap() const { return double(m_blockSlack) + 0.5; }

private:
    struct Candidate
    {
        Block block;
        qint64 onTimeWeightedSlots = 0;
        bool keptFromPrevious = false;
    };
    struct Linear
    {
        std::vector<std::pair<int, double>> terms;
        double lower = 0;
        double upper = 0;
    };

    void addCandidate(int task, int start, int end);
    void addSlotRows();
    void addTaskRows();
    void addBlockCountRow(int task, int most);
    void addDayCapRows();
    void addBreakRows();
    void addDependencyRows();
    void addRow(const Linear &row);
    int addColumn(double objective);
    // The column of a candidate block, -1 when the block is not a candidate.
    int columnOf(const Block &block) const;
    bool usable(int slot) const { return m_usable[size_t(slot)] != 0; }

    const Problem &m_problem;
    std::vector<quint8> m_usable;            // free and not fixed
    std::vector<quint8> m_fixedFocus;        // a pinned or past block holds it
    std::vector<Block> m_optional;           // kept late work: columns that need not be chosen
    std::vector<Candidate> m_candidates;     // columns 0 .. candidateCount - 1
    std::vector<std::vector<int>> m_byTask;  // candidate indices per task
    std::vector<std::vector<int>> m_covering; // candidate indices per slot
    std::vector<std::vector<int>> m_workBy;   // per task: workByStart() of its candidates
    // Auxiliary columns, for the MIP start: "started by slot" per dependent (one per slot one
    // of its blocks starts in), "break here".
    struct StartedColumns { int task = -1; int column = 0; std::vector<int> starts; };
    std::vector<StartedColumns> m_started;
    int m_breakColumn = -1;                  // column of "a break starts at slot 0"
    int m_breakCount = 0;
    qint64 m_blockSlack = 0;                 // usable slots: most blocks a plan can have
    qint64 m_valueScale = 1;
    qint64 m_keepScale = 1;
    MipModel m_mip;
};

} // namespace fermata::planning
