#pragma once

#include "model/task.h"
#include "result.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace fermata {

class Database;

// One finished task with recorded time: what it was estimated at and what its focus
// sessions took. `finishedMs` orders them (the end of its last focus session).
struct EstimateSample
{
    qint64 taskId = 0;
    QStringList tags;
    int estimateMinutes = 0;
    int actualMinutes = 0;
    qint64 finishedMs = 0;
    bool operator==(const EstimateSample &) const = default;
};

// How much longer (or shorter) than estimated a kind of task takes: the robust ratio, how
// many finished tasks it comes from, and which tag ("" = all finished tasks).
struct EstimateRatio
{
    double ratio = 1.0;
    int samples = 0;
    QString tag;
    bool operator==(const EstimateRatio &) const = default;
};

// A task's remaining time as the planner should see it once learning is on.
struct LearnedEstimate
{
    int remainingMinutes = 0; // as the person entered it
    int plannedMinutes = 0;   // remaining × ratio, rounded to 5 minutes
    EstimateRatio ratio;
    bool operator==(const LearnedEstimate &) const = default;
};

// Learns from finished tasks how far estimates run over, per tag and overall. A pure value:
// the ratio of a group is the median of actual/estimated over its last `window` finished
// tasks, pulled toward 1 while there are few (weight n / (n + pull)), clamped to
// [minRatio, maxRatio]. A task uses its tag with the most samples (ties: its first such
// tag); untagged tasks, and tasks whose tags have no history, use all finished tasks.
class EstimateLearning final
{
public:
    static constexpr int window = 20;
    static constexpr int pull = 3;
    static constexpr double minRatio = 0.5;
    static constexpr double maxRatio = 3.0;
    // Learning turns itself on (unless the person chose) once this many tasks have time.
    static constexpr int samplesToTurnOn = 5;
    static constexpr int roundingMinutes = 5;

    EstimateLearning() = default;
    // Samples without an estimate or without actual time are ignored.
    explicit EstimateLearning(QList<EstimateSample> samples);

    // Finished tasks with recorded time that the learning knows of.
    int sampleCount() const { return int(m_samples.size()); }
    // Whether learning applies: the person's choice, else on from samplesToTurnOn samples.
    static bool isOn(std::optional<bool> choice, int sampleCount);

    EstimateRatio ratioFor(const QStringList &tags) const;
    EstimateRatio ratioForTag(const QString &tag) const; // "" = all finished tasks
    // The task's remaining time scaled (a task that cannot be split no longer than its
    // longest block); nothing when there is no history or it equals the entered time.
    std::optional<LearnedEstimate> estimateFor(const Task &task) const;
    // Gives each task its scaled remaining time (what the planner is asked to place);
    // returns what changed by task id.
    QHash<qint64, LearnedEstimate> apply(QList<Task> &tasks) const;

    // remaining × ratio rounded to 5 minutes (at least 5 when remaining is positive).
    static int scaledMinutes(int remainingMinutes, double ratio);
    // "from your last 8 'writing' tasks", "from your last task".
    static QString sourceText(const EstimateRatio &ratio);
    // "planned as 2 h 40 min from your last 8 'writing' tasks" (for block reasons).
    static QString plannedText(const LearnedEstimate &estimate);

    // Reads the samples from storage with aggregate SQL: for each tag, and over all finished
    // tasks, only the last `window` done tasks with ended focus sessions (their minutes summed).
    static Result<EstimateLearning> read(const Database &db);

private:
    QList<EstimateSample> m_samples; // newest first
};

} // namespace fermata
