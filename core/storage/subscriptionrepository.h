#pragma once

// Calendar subscriptions (their events are written by CalendarSourceWriter).

#include "model/calendarevent.h"
#include "result.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace fermata {

class Database;

// A calendar the person subscribed to by its http(s) ICS address. The URL may carry a
// password or a secret token: show redactedUrl() from calendar/subscriptionservice.h, never
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

} // namespace fermata
