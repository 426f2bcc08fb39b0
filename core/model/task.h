#pragma once

#include <QDateTime>
#include <QList>
#include <QStringList>
#include <QUuid>

class QDebug;

namespace fermata {

enum class Priority { P1 = 1, P2 = 2, P3 = 3, P4 = 4 };
enum class DayPart { Any, Morning, Afternoon };

// The planner's weight per minute of work (P1 = 8 … P4 = 1).
constexpr int priorityWeight(Priority p)
{
    return 1 << (4 - int(p));
}

// A piece of work the person wants done; the planner cuts it into focus blocks.
struct Task
{
    qint64 id = 0;
    QString title;
    QString notes;
    int estimateMinutes = 60;
    int remainingMinutes = 60;
    QDateTime deadline;       // invalid: no deadline
    Priority priority = Priority::P3;
    QDateTime earliestStart;  // invalid: any time
    int minChunkMinutes = 30;
    int maxChunkMinutes = 120;
    bool splittable = true;
    QList<qint64> dependsOn;
    QUuid afterCommitment;    // a teammate's commitment this waits for; null: none
    DayPart preferredDayPart = DayPart::Any;
    QStringList tags;
    bool done = false;

    bool hasDeadline() const { return deadline.isValid(); }
    bool operator==(const Task &) const = default;
};

QDebug operator<<(QDebug debug, const Task &task);
QString priorityName(Priority priority); // "P1".."P4"
QString dayPartKey(DayPart part);        // "any", "morning", "afternoon"
DayPart dayPartFromKey(const QString &key);

} // namespace fermata
