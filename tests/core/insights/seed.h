#pragma once

// A month of deep work on a real SQLite file, for tst_insights and tst_insightscli: March 2026
// in Europe/Berlin (the clocks go forward on Sunday the 29th). The expected figures are worked
// out by hand in tst_insights.cpp.

#include "storage/database.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimeZone>
#include <QVariant>

namespace fermata::test {

inline QTimeZone berlin()
{
    return QTimeZone(QByteArrayLiteral("Europe/Berlin"));
}

// ms since the epoch of a wall-clock time in Berlin.
inline qlonglong at(int month, int day, int hour, int minute = 0, int year = 2026)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute), berlin()).toMSecsSinceEpoch();
}

inline bool exec(Database &db, const QString &statement, const QVariantList &values = {})
{
    QSqlQuery q(db.connection());
    if (!q.prepare(statement)) {
        qWarning() << statement << q.lastError().text();
        return false;
    }
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (!q.exec()) {
        qWarning() << statement << q.lastError().text();
        return false;
    }
    return true;
}

inline bool addTask(Database &db, int id, int estimate, bool done, const QStringList &tags)
{
    bool ok = exec(db,
        QStringLiteral("INSERT INTO tasks (id, title, estimate_minutes, remaining_minutes, priority, "
                       "min_chunk_minutes, max_chunk_minutes, splittable, preferred_day_part, done) "
                       "VALUES (?, ?, ?, ?, 2, 30, 120, 1, 'any', ?)"),
        { id, QStringLiteral("Task %1").arg(id), estimate, estimate, done ? 1 : 0 });
    for (int i = 0; ok && i < tags.size(); ++i)
        ok = exec(db, QStringLiteral("INSERT INTO task_tags (task_id, position, tag) VALUES (?, ?, ?)"),
            { id, i, tags[i] });
    return ok;
}

inline bool addSession(
    Database &db, QVariant task, qlonglong start, qlonglong plannedEnd, QVariant end, const QString &outcome)
{
    return exec(db,
        QStringLiteral("INSERT INTO focus_sessions (task_id, started_ms, planned_end_ms, ended_ms, outcome) "
                       "VALUES (?, ?, ?, ?, ?)"),
        { task, start, plannedEnd, end, outcome });
}

inline bool addBlock(Database &db, int id, int task, qlonglong start, qlonglong end)
{
    return exec(db,
        QStringLiteral("INSERT INTO focus_blocks (id, task_id, start_ms, end_ms) VALUES (?, ?, ?, ?)"),
        { id, task, start, end });
}

inline bool addEvent(Database &db, qlonglong start, qlonglong end, bool busy = true, bool allDay = false)
{
    return exec(db,
        QStringLiteral("INSERT INTO calendar_events (source, uid, title, start_ms, end_ms, all_day, busy) "
                       "VALUES ('work', lower(hex(randomblob(8))), 'Meeting', ?, ?, ?, ?)"),
        { start, end, allDay ? 1 : 0, busy ? 1 : 0 });
}

inline bool addNotification(Database &db, const QString &source, qlonglong received, const QString &verdict,
    const QString &reason, QVariant released = {})
{
    const QString state = verdict == QLatin1String("mute")      ? QStringLiteral("muted")
        : verdict == QLatin1String("hold") && released.isNull() ? QStringLiteral("held")
                                                                : QStringLiteral("released");
    return exec(db,
        QStringLiteral("INSERT INTO notifications (source, sender, title, received_ms, released_ms, state, "
                       "verdict, reason) VALUES (?, 'x', 'y', ?, ?, ?, ?, ?)"),
        { source, received, released, state, verdict, reason });
}

inline bool addMessage(Database &db, const QString &uuid, qlonglong created, bool outgoing, bool urgent)
{
    return exec(db,
               QStringLiteral("INSERT INTO messages (uuid, sender, recipient, created_ms, state) "
                              "VALUES (?, 'me', 'bob', ?, 'queued')"),
               { uuid, created })
        && exec(db, QStringLiteral("INSERT INTO hub_sync (uuid, outgoing, urgent) VALUES (?, ?, ?)"),
            { uuid, outgoing ? 1 : 0, urgent ? 1 : 0 });
}

// "Now" for the seeded month: Sunday 29 March 2026, 12:00 in Berlin (CEST).
inline QDateTime seededNow()
{
    return QDateTime::fromMSecsSinceEpoch(at(3, 29, 12), Qt::UTC);
}

inline bool seedMonth(Database &db)
{
    const QVariant none;
    bool ok = addTask(db, 1, 120, true, { QStringLiteral("writing") })
        && addTask(
            db, 2, 60, true, { QStringLiteral("writing"), QStringLiteral("writing") }) // a duplicate tag
        && addTask(db, 3, 60, true, { QStringLiteral("review") })
        && addTask(db, 4, 30, false, { QStringLiteral("writing") });
    // Focus sessions.
    ok = ok
        && addSession(
            db, none, at(3, 1, 23), at(3, 2, 1), at(3, 2, 1), QStringLiteral("done")) // before the range
        && addSession(db, 1, at(3, 2, 9), at(3, 2, 11), at(3, 2, 11), QStringLiteral("done"))
        && addSession(db, 1, at(3, 3, 9), at(3, 3, 10), at(3, 3, 10, 30), QStringLiteral("done")) // extended
        && addSession(db, 2, at(3, 4, 14), at(3, 4, 15), at(3, 4, 14, 30), QStringLiteral("stopped"))
        && addSession(db, 3, at(3, 5, 23, 30), at(3, 6, 0, 30), at(3, 6, 0, 30), QStringLiteral("ended"))
        && addSession(db, none, at(3, 9, 10), at(3, 9, 11), at(3, 9, 10, 45), QStringLiteral("done"))
        && addSession(db, 4, at(3, 10, 9), at(3, 10, 9, 30), at(3, 10, 9, 30), QStringLiteral("done"))
        // Across the spring-forward night: 60 min on Saturday, 180 on Sunday (4 real hours).
        && addSession(db, 2, at(3, 28, 23), at(3, 29, 4), at(3, 29, 4), QStringLiteral("ended"))
        && addSession(db, 3, at(2, 20, 10), at(2, 20, 10, 30), at(2, 20, 10, 30), QStringLiteral("done"));
    // Focus blocks; 3 and 4 are moved after they were placed (the trigger logs it).
    ok = ok && addBlock(db, 1, 1, at(3, 2, 9), at(3, 2, 11)) && addBlock(db, 2, 2, at(3, 2, 14), at(3, 2, 15))
        && addBlock(db, 3, 3, at(3, 3, 13), at(3, 3, 14)) && addBlock(db, 4, 1, at(3, 4, 9), at(3, 4, 10))
        && addBlock(db, 5, 4, at(3, 29, 15), at(3, 29, 16))
        && addBlock(db, 6, 2, at(3, 31, 14), at(3, 31, 15))
        && exec(db, QStringLiteral("UPDATE focus_blocks SET start_ms = ?, end_ms = ? WHERE id = 3"),
            { at(3, 5, 23), at(3, 5, 23, 45) })
        && exec(db, QStringLiteral("UPDATE focus_blocks SET start_ms = ?, end_ms = ? WHERE id = 4"),
            { at(3, 4, 10), at(3, 4, 11) })
        && exec(db, QStringLiteral("UPDATE focus_blocks SET pinned = 1 WHERE id = 2")); // not a move
    // Meetings.
    ok = ok && addEvent(db, at(3, 2, 11), at(3, 2, 12)) && addEvent(db, at(3, 2, 11, 30), at(3, 2, 12, 30))
        && addEvent(db, at(3, 2, 15), at(3, 2, 16), false) // free: not a meeting
        && addEvent(db, at(3, 3, 0), at(3, 4, 0), true, true) // all day: not a meeting
        && addEvent(db, at(3, 3, 10), at(3, 3, 11)) && addEvent(db, at(3, 3, 13), at(3, 3, 14))
        && addEvent(db, at(3, 3, 15), at(3, 3, 16)) && addEvent(db, at(3, 4, 23), at(3, 5, 1));
    // Notifications.
    ok = ok
        && addNotification(db, QStringLiteral("mail"), at(3, 2, 8), QStringLiteral("hold"),
            QStringLiteral("outside-window"), at(3, 2, 12))
        && addNotification(db, QStringLiteral("mail"), at(3, 2, 10), QStringLiteral("hold"),
            QStringLiteral("focus"), at(3, 2, 12))
        && addNotification(db, QStringLiteral("mail"), at(3, 3, 12), QStringLiteral("hold"),
            QStringLiteral("outside-window"))
        && addNotification(db, QStringLiteral("mail"), at(3, 3, 11, 30), QStringLiteral("deliver"),
            QStringLiteral("source-always-allow"))
        && addNotification(
            db, QStringLiteral("chat"), at(3, 2, 14), QStringLiteral("deliver"), QStringLiteral("vip"))
        && addNotification(
            db, QStringLiteral("chat"), at(3, 4, 9, 30), QStringLiteral("deliver"), QStringLiteral("keyword"))
        && addNotification(db, QStringLiteral("chat"), at(3, 4, 12), QStringLiteral("deliver"),
            QStringLiteral("inside-window"))
        && addNotification(
            db, QStringLiteral("chat"), at(3, 5, 10), QStringLiteral("mute"), QStringLiteral("source-muted"))
        && addNotification(db, QStringLiteral("chat"), at(2, 28, 10), QStringLiteral("hold"),
            QStringLiteral("outside-window"))
        && addNotification(
            db, QStringLiteral("pager"), at(3, 6, 3), QStringLiteral("deliver"), QStringLiteral("critical"));
    // Early peeks, and an event of another kind.
    ok = ok
        && exec(db,
            QStringLiteral("INSERT INTO attention_events (kind, at_ms) VALUES ('peek', ?), ('peek', ?), "
                           "('peek', ?), ('other', ?)"),
            { at(3, 2, 15, 30), at(3, 10, 20), at(2, 27, 9), at(3, 2, 16) });
    // Messages: one urgent sent in the range.
    ok = ok && addMessage(db, QStringLiteral("u1"), at(3, 3, 9), true, true)
        && addMessage(db, QStringLiteral("u2"), at(3, 3, 9), true, false)
        && addMessage(db, QStringLiteral("u3"), at(3, 3, 9), false, true)
        && addMessage(db, QStringLiteral("u4"), at(2, 1, 9), true, true);
    return ok;
}

} // namespace fermata::test
