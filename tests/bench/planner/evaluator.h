#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>

#include <vector>

// An independent checker for focusbench/1 plans: it reads the instance and the plan JSON
// itself and applies the README's rules on integer minutes. It shares no code with the
// planner on purpose, so a planner bug cannot hide behind a shared helper.
namespace benchcheck {

struct PlanBlock
{
    QString task;
    int start = 0;
    int end = 0;
    bool operator==(const PlanBlock &) const = default;
};

struct Evaluation
{
    long long value = 0;
    int violations = 0;
    QStringList problems;        // the first few violations, in words
    int belowMinChunk = 0;       // merged blocks shorter than min(min_chunk, duration)
    int blocks = 0;              // after merging
    int tasksPlanned = 0;
    int contextSwitches = 0;
    int withPreference = 0;      // blocks (merged) of tasks with energy am or pm
    int inPreferred = 0;         // of those, blocks wholly inside their energy window
    int extraFragments() const { return blocks - tasksPlanned; }
};

class Evaluator
{
public:
    bool load(const QByteArray &instanceJson, QString *error);
    static bool parsePlan(const QByteArray &planJson, std::vector<PlanBlock> *blocks, QString *error);

    Evaluation evaluate(std::vector<PlanBlock> blocks) const;
    // True when every slot of [start, end) is available in this instance.
    bool isAvailable(int start, int end) const;
    // The blocks of `previous` (a plan for an earlier version of this instance) that are still
    // valid here as they are: in available time, and for a dependent, after its predecessors
    // are complete in what is left of `previous` (repeated: a dependent of a dependent too).
    // What "keeps still-valid blocks" counts against.
    std::vector<PlanBlock> stillValid(std::vector<PlanBlock> previous) const;
    // True when the block ends by its task's deadline (work that is not late).
    bool onTime(const PlanBlock &block) const { return block.end <= m_tasks.value(block.task).deadline; }
    int slotMinutes() const { return m_slot; }

private:
    struct TaskInfo
    {
        int duration = 0;
        int weight = 1;
        int release = 0;
        int deadline = 0;
        int minChunk = 0;
        int maxChunk = 0;
        QStringList dependsOn;
        int energy = 0; // 0 any, 1 am, 2 pm
    };
    bool slotAvailable(int slotStart) const;

    int m_slot = 15;
    int m_start = 0;
    int m_end = 0;
    std::vector<std::pair<int, int>> m_working; // [start, end) minutes
    std::vector<std::pair<int, int>> m_busy;    // including meeting buffers
    std::vector<char> m_available;              // per slot from the horizon start
    std::pair<int, int> m_windows[3];           // minute-of-day [from, to) per energy
    QHash<QString, TaskInfo> m_tasks;
};

} // namespace benchcheck
