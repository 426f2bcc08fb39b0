#pragma once

#include "planning/problem.h"

#include <vector>

namespace fermata::planning {

// The candidate blocks of the exact mode's block model (exactmodel.h), and what they imply
// about one task alone. `usable`: per slot, free and not taken by a fixed block.

// Shortest and longest block of a task (before the break rule's limit).
int minBlockLength(const SlotTask &task);
int maxBlockLength(const SlotTask &task);

// Every candidate block (task, start, end), sorted by task, then start, then end: in free
// slots, from the task's release, by its deadline (past it for late work, see the .cpp),
// legal chunk lengths, and no earlier than every predecessor can be complete.
std::vector<Block> candidateBlocks(const Problem &problem, const std::vector<quint8> &usable);

// The number of candidate blocks, without the predecessor reasoning (so at least as many as
// candidateBlocks() gives, at a fraction of the cost); stops counting past `limit`.
int countCandidateBlocks(const Problem &problem, const std::vector<quint8> &usable, int limit);

// Most work one task can hold in its own blocks (no overlap, touching allowed, at most
// `length` slots), per slot t: in the blocks starting at or before t. `blocks` are the task's,
// sorted by start. Entry slotCount is the most it can hold at all.
std::vector<int> workByStart(const std::vector<Block> &blocks, int length, int slotCount);

} // namespace fermata::planning
