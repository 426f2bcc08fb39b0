#pragma once

#include <QDate>
#include <QList>
#include <QMap>
#include <QString>

namespace fermata {

// What one day of the range added up to, in the person's zone. Minutes are whole minutes
// (rounded down) of the parts of each interval that fall on this day.
struct DayInsight
{
    QDate day;
    int deepWorkMinutes = 0; // focus sessions of any outcome (the running one up to now)
    int longestUnbrokenMinutes = 0; // longest stretch inside working hours with no meeting,
                                    // break-through or early peek
    int meetingMinutes = 0; // busy timed calendar events (overlaps counted once)
    int blocksPlanned = 0; // focus blocks starting on this day
    int blocksWorked = 0; // ... overlapped by a focus session on the block's task
    int blocksMoved = 0; // ... whose time was changed after they were planned
    int blocksDropped = 0; // ... already over and not worked (moved or not)

    bool operator==(const DayInsight &) const = default;
};

// One week (Monday..Sunday, clipped to the range).
struct WeekInsight
{
    QDate monday;
    int focusMinutes = 0;
    int meetingMinutes = 0;

    bool operator==(const WeekInsight &) const = default;
};

// What happened to one source's notifications received in the range.
struct SourceInterruptions
{
    QString source;
    int received = 0;
    int held = 0; // decided "hold" (whatever became of them later)
    int releasedInDigest = 0; // held and since released
    int letThrough = 0; // decided "deliver" on arrival, by any rule (see letThroughByRule)
    QMap<QString, int> letThroughByRule; // the stored decision reason -> count

    bool operator==(const SourceInterruptions &) const = default;
};

// An estimate-accuracy line for one tag: the done tasks with the tag that had focus in the range.
struct TagAccuracy
{
    QString tag;
    int tasks = 0;
    int estimatedMinutes = 0;
    int actualMinutes = 0; // every focus minute those tasks ever had, in the range or not

    bool operator==(const TagAccuracy &) const = default;
};

// Focus sessions that started in the range, by how they went.
struct SessionCounts
{
    int started = 0;
    int finished = 0; // outcome "done"
    int extended = 0; // ran past their planned end (any outcome)
    int stoppedEarly = 0; // outcome "stopped" before the planned end
    int running = 0; // not over yet

    bool operator==(const SessionCounts &) const = default;
};

// Everything the Insights view and `fermata insights` show for a range of days [first, last].
struct InsightsReport
{
    QDate first;
    QDate last;
    QList<DayInsight> days; // one per day, first..last
    QList<WeekInsight> weeks; // one per week touching the range, oldest first
    QList<SourceInterruptions> sources; // by source name
    int peeksEarly = 0; // early peeks at the held items (attention_events of kind "peek")
    int urgentSent = 0; // outbox messages marked urgent, created in the range
    SessionCounts sessions;
    QList<TagAccuracy> accuracy; // by tag name

    int totalHeld() const;
    int totalLetThrough() const;
    bool operator==(const InsightsReport &) const = default;
};

} // namespace fermata
