#pragma once

// One repository per aggregate. Each returns model values (never a QSqlQuery); writes are
// committed before they return success.

#include "model/calendarevent.h"
#include "model/checkinwindow.h"
#include "model/focusblock.h"
#include "model/task.h"
#include "result.h"
#include "time/interval.h"

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

class CalendarEventRepository final
{
public:
    explicit CalendarEventRepository(Database &db) : m_db(db) {}
    Result<qint64> add(const CalendarEvent &event);
    Status update(const CalendarEvent &event);
    Status remove(qint64 id);
    // Events whose [start, end) overlaps `range`, ordered by start.
    Result<QList<CalendarEvent>> overlapping(const Interval &range) const;
    Result<QList<CalendarEvent>> all() const;

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
