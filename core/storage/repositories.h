#pragma once

// One repository per aggregate. Each returns model values (never a QSqlQuery); writes are
// committed before they return success.

#include "model/calendarevent.h"
#include "model/checkinwindow.h"
#include "model/commitment.h"
#include "model/focusblock.h"
#include "model/task.h"
#include "result.h"
#include "time/interval.h"

#include <QHash>
#include <QList>

#include <optional>

namespace fermata {

class Database;

class TaskRepository final
{
public:
    explicit TaskRepository(Database &db) : m_db(db) {}
    Result<qint64> add(const Task &task);       // returns the new id; task.id is ignored
    Status update(const Task &task);            // NotFound when the id does not exist
    Status remove(qint64 id);
    Result<std::optional<Task>> find(qint64 id) const;
    Result<QList<Task>> all() const;            // ordered by id

private:
    Database &m_db;
};

// Calendar events for the planner, the views and `fermata events`: rows of their own (events
// made in Fermata, imported single events and overrides) and the occurrences of imported
// recurring events, which are stored as rules and expanded on demand for any range
// (CalendarSeriesQuery). An occurrence has a negative id (occurrenceId(): stable across
// re-imports) and uid UID/RECURRENCE-ID; the buffers a person sets on one are kept apart
// (calendar_occurrence_edits) and survive re-imports.
class CalendarEventRepository final
{
public:
    explicit CalendarEventRepository(Database &db) : m_db(db) {}
    Result<qint64> add(const CalendarEvent &event);
    // A row by its id; an occurrence of a series (negative id) by source and uid, of which
    // only the buffers are the person's to change.
    Status update(const CalendarEvent &event);
    // A row; an occurrence of a series cannot be removed on its own (Invalid).
    Status remove(qint64 id);
    // Events whose [start, end) overlaps `range` (a moment: lying in it), ordered by start,
    // then id; rows and occurrences read in one snapshot, so a concurrent import is seen
    // whole or not at all.
    Result<QList<CalendarEvent>> overlapping(const Interval &range) const;
    // Every row and every occurrence of the series that end; series without an end (no COUNT
    // or UNTIL) are left out: ask overlapping() for a range.
    Result<QList<CalendarEvent>> all() const;

private:
    Database &m_db;
};

// My last copy of my teammates' commitments (team_commitments), read-only here: the hub sync
// (CommitmentService) writes it. Tasks and the planner read it for "after Ada's 'API spec'".
class TeamCommitmentRepository final
{
public:
    explicit TeamCommitmentRepository(Database &db) : m_db(db) {}
    Result<QList<TeammateCommitment>> all() const; // by owner, then due, title, uuid
    // Just these (the ones some of my tasks wait for); those not in the copy are left out.
    Result<QList<TeammateCommitment>> withUuids(const QList<QUuid> &uuids) const;
    // The one commitment whose uuid is `id` or starts with it (any case, braces optional):
    // NotFound when none or more than one match, with words saying which.
    Result<TeammateCommitment> find(const QString &id) const;
    // Who of my team waits for which commitment (mine too), as the hub last said: member ids
    // in ascending order (the team directory names them).
    Result<QHash<QUuid, QList<qint64>>> waiters() const;

private:
    Database &m_db;
};

class FocusBlockRepository final
{
public:
    explicit FocusBlockRepository(Database &db) : m_db(db) {}
    Result<qint64> add(const FocusBlock &block);
    Status update(const FocusBlock &block);
    Status remove(qint64 id);
    Result<QList<FocusBlock>> overlapping(const Interval &range) const;
    Result<QList<FocusBlock>> all() const;

private:
    Database &m_db;
};

class CheckInWindowRepository final
{
public:
    explicit CheckInWindowRepository(Database &db) : m_db(db) {}
    Result<qint64> add(const CheckInWindow &window);
    Status update(const CheckInWindow &window);
    Status remove(qint64 id);
    Result<QList<CheckInWindow>> all() const;

private:
    Database &m_db;
};

} // namespace fermata
