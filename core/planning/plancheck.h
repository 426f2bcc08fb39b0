#pragma once

#include "planning/problem.h"

#include <QStringList>

#include <vector>

namespace fermata::planning {

// Every hard rule of a plan on the slot model, checked on the blocks alone (no Schedule): free
// slots, no slot twice, release, merged chunk length, total work, dependencies, day caps and
// breaks. The exact solver's plan is taken only if this finds nothing, so a modelling slip
// can never reach the person. Returns one line per breach; empty means valid.
QStringList planBreaches(const Problem &problem, const std::vector<Block> &blocks);

// Back-to-back blocks of one task as one block, sorted by task, then start.
std::vector<Block> mergedBlocks(std::vector<Block> blocks);

} // namespace fermata::planning
