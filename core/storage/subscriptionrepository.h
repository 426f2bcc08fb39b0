#pragma once

// Calendar subscriptions and the writer that replaces one calendar source's events.

#include "model/calendarevent.h"
#include "result.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QSqlQuery>
#include <QString>

#include <optional>

namespace fermata {

class Database;

// A calendar the person subscribed to by its http(s) ICS address. The URL may carry a
// password or a secret token: show redactedUrl() from interop/subscriptionservice.h, never
// the URL itself, in logs and messages.
struct CalendarSubscription
{
    qint64 id = 0;
    QString name;              // unique; also the CalendarEvent::source of its events
    QString url;
    int refreshMinutes = 60;
    QString etag;              // validators of the cached copy, for a conditional GET
    QString lastModified;
    QDateTime lastAttempt;     // the last refresh tried
    QDateTime lastSuccess;     // the last time the server confirmed or replaced the copy
    QString lastError;         // empty when the last refresh worked
    qint64 eventCount = 0;     // instances from the last import

    bool operator==(const CalendarSubscription &) const = default;
};

class SubscriptionRepository final
{
public:
    explicit SubscriptionRepository(Database &db) : m_db(db) {}
    Result<qint64> add(const CalendarSubscription &subscription); // Invalid when the name is taken
    Status update(const CalendarSubscription &subscription);
    Status remove(qint64 id); // also deletes the subscription's events
    Result<std::optional<CalendarSubscription>> find(qint64 id) const;
    Result<std::optional<CalendarSubscription>> findByName(const QString &name) const;
    Result<QList<CalendarSubscription>> all() const; // ordered by name

private:
    Database &m_db;
};

// Replaces the events of one source (an imported file or a subscription) in place, inside a
// transaction the caller holds: rows whose uid (UID or UID/RECURRENCE-ID) is known are
// updated (only when they changed) and keep their id and buffers, new ones are inserted, and finish() deletes the
// rows the source no longer has. Memory: one uid -> id entry per instance of the source.
class CalendarSourceWriter final
{
public:
    CalendarSourceWriter(Database &db, QString source);
    ~CalendarSourceWriter();
    Q_DISABLE_COPY_MOVE(CalendarSourceWriter)
    Status begin();
    Status upsert(const CalendarEvent &event);
    Status remove(const QString &uid);
    Status finish();

    qint64 size() const { return m_written.size(); }
    qint64 inserted() const { return m_inserted; }
    qint64 updated() const { return m_updated; }
    qint64 unchanged() const { return m_unchanged; }
    qint64 deleted() const { return m_deleted; }

private:
    Status deleteId(qint64 id);
    void restoreCacheSize();

    Database &m_db;
    QString m_source;
    struct Stored
    {
        qint64 id = 0;
        QString title;
        qint64 startMs = 0;
        qint64 endMs = 0;
        bool allDay = false;
        bool busy = true;
    };
    QHash<QString, Stored> m_existing; // uid -> row before this import
    QList<qint64> m_duplicates;        // extra rows that shared a uid before
    QHash<QString, qint64> m_written;  // uid -> id written by this import
    QSqlQuery m_insert;
    QSqlQuery m_update;
    QSqlQuery m_delete;
    qint64 m_inserted = 0;
    qint64 m_updated = 0;
    qint64 m_unchanged = 0;
    qint64 m_previousCacheSize = 0; // 0: not changed
    qint64 m_deleted = 0;
};

} // namespace fermata
