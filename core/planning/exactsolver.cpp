#include "planning/exactsolver.h"

#include "planning/exactmodel.h"

#include <Cbc_C_Interface.h>

#include <algorithm>
#include <memory>
#include <numeric>

namespace fermata::planning {

namespace {

struct CbcDeleter
{
    void operator()(Cbc_Model *model) const { Cbc_deleteModel(model); }
};
using CbcModel = std::unique_ptr<Cbc_Model, CbcDeleter>;

// CBC loads column-wise; the model is built row-wise.
CbcModel load(const MipModel &mip)
{
    const int columns = mip.columns();
    std::vector<int> start(size_t(columns) + 1, 0);
    for (int column : mip.index)
        ++start[size_t(column) + 1];
    std::partial_sum(start.begin(), start.end(), start.begin());
    std::vector<int> next(start.begin(), start.end() - 1);
    std::vector<int> rowIndex(mip.index.size());
    std::vector<double> value(mip.index.size());
    for (int row = 0; row < mip.rows(); ++row) {
        for (int k = mip.rowStart[size_t(row)]; k < mip.rowStart[size_t(row) + 1]; ++k) {
            const int at = next[size_t(mip.index[size_t(k)])]++;
            rowIndex[size_t(at)] = row;
            value[size_t(at)] = mip.coefficient[size_t(k)];
        }
    }
    const std::vector<double> lower(size_t(columns), 0);
    CbcModel model(Cbc_newModel());
    Cbc_loadProblem(model.get(), columns, mip.rows(), start.data(), rowIndex.data(), value.data(),
                    lower.data(), mip.upper.data(), mip.objective.data(), mip.rowLower.data(), mip.rowUpper.data());
    for (int c = 0; c < columns; ++c)
        Cbc_setInteger(model.get(), c);
    Cbc_setObjSense(model.get(), -1); // maximise
    return model;
}

} // namespace

bool ExactSolver::qualifies(const Problem &problem)
{
    if (problem.tasks.size() > size_t(maxTasks))
        return false;
    return BlockModel::countCandidates(problem, maxCandidates) <= maxCandidates;
}

ExactResult ExactSolver::solve(const Problem &problem, const std::vector<Block> &start, int budgetMs)
{
    ExactResult result;
    // The blocks the heuristic kept from the previous plan stay: stability as the heuristic
    // has it (>= 95% after an inserted meeting), and the start plan remains feasible. Kept
    // late work (no candidate otherwise) is in the model too, so a plan moves it only for
    // value, and as little of it as that needs (d5_n12_m8_sp2_s7029: 1 of 15 blocks moves to
    // let displaced on-time work in; with late work left out of the model, 2 moved).
    std::vector<Block> kept;
    for (const Block &b : start) {
        if (std::find(problem.previous.begin(), problem.previous.end(), b) != problem.previous.end())
            kept.push_back(b);
    }
    BlockModel blocks(problem, kept);
    blocks.requireBlocks(kept);
    if (blocks.candidateCount() == 0) {
        // Nothing can be planned: the empty plan is optimal.
        result.found = start.empty();
        result.provenOptimal = true;
        result.bound = 0;
        return result;
    }
    CbcModel model = load(blocks.mip());
    Cbc_Model *m = model.get();
    Cbc_setLogLevel(m, 0);
    // Deterministic: one thread and a fixed seed. The search stops once value and keeps are
    // proven; the fewest-blocks tie-break alone is not worth proving.
    Cbc_setParameter(m, "threads", "0");
    Cbc_setParameter(m, "randomCbcSeed", "1");
    // The budget counts processor time, not wall-clock time: on a busy machine (measured at a
    // load average of 10 to 90 on 2 cores) 500 ms of wall-clock time left CBC ~100 ms of
    // work, so the same week was proven optimal or not depending on the load. With CPU time
    // the proof depends on the problem only (nearly: CBC still checks the clock); a loaded
    // machine makes the plan later, not worse.
    Cbc_setParameter(m, "timeMode", "cpu");
    // CBC's preprocessing costs more than it saves on these models (measured: d5_n12_m8_s3
    // 480 ms with it, 300 ms without).
    Cbc_setParameter(m, "preprocess", "off");
    Cbc_setAllowableGap(m, blocks.provingGap());
    Cbc_setMaximumSeconds(m, std::max(budgetMs, 1) / 1000.0);

    const std::vector<double> startValues = blocks.columnValues(start);
    if (!startValues.empty()) {
        std::vector<int> all(startValues.size());
        std::iota(all.begin(), all.end(), 0);
        Cbc_setMIPStartI(m, int(all.size()), all.data(), startValues.data());
    }
    Cbc_solve(m);

    const double *best = Cbc_bestSolution(m);
    result.found = best != nullptr;
    if (best)
        result.blocks = blocks.blocksOf(best);
    // "Optimal" within the allowable gap: value and keeps are proven.
    result.provenOptimal = best && Cbc_isProvenOptimal(m);
    result.bound = blocks.valueBound(Cbc_getBestPossibleObjValue(m));
    return result;
}

} // namespace fermata::planning
