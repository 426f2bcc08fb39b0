#pragma once

#include "planning/problem.h"

#include <QString>

namespace fermata::planning {

// Why a task is not (fully) planned, in words a person can act on, and per-day load.
class Explainer final
{
public:
    Explainer(const Problem &problem, const Solution &solution);

    TaskOutcome outcome(int task) const;
    QString reason(int task) const; // empty when complete

    struct Day
    {
        int day = 0;
        int availableSlots = 0;
        int plannedSlots = 0;
        bool overloaded = false;
        QString blockedBy; // a busy all-day event takes this day's working time
    };
    std::vector<Day> days() const;

private:
    QString name(int task) const;
    QString shortage(int task) const;
    // "Fri is blocked by 'Company offsite' (all day)" for the days in [from, to) such events take.
    QString blockedDays(int from, int to) const;
    QString blockedBy(int day) const;
    int freeSlots(int from, int to) const;

    const Problem &m_problem;
    const Solution &m_solution;
};

} // namespace fermata::planning
