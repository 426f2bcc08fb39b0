#include "storage/subscriptionrepository.h"

#include "storage/database.h"
#include "storage/sqlhelpers.h"

#include <QCoreApplication>

namespace {

// Messages people read, filed under the storage context of the core's translations.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(fermata::Storage)
};

} // namespace

namespace fermata {

namespace {

const QString s_select = QStringLiteral(
    "SELECT id, name, url, refresh_minutes, etag, last_modified, last_attempt_ms,"
    " last_success_ms, last_error, event_count FROM calendar_subscriptions");

// The values of every column but id, in the order of s_select.
QVariantList fields(const CalendarSubscription &s)
{
    return {sql::text(s.name), sql::text(s.url), s.refreshMinutes, sql::text(s.etag),
            sql::text(s.lastModified), sql::fromDateTime(s.lastAttempt), sql::fromDateTime(s.lastSuccess),
            sql::text(s.lastError), s.eventCount};
}

CalendarSubscription readSubscription(const QSqlQuery &query)
{
    CalendarSubscription s;
    s.id = query.value(0).toLongLong();
    s.name = query.value(1).toString();
    s.url = query.value(2).toString();
    s.refreshMinutes = query.value(3).toInt();
    s.etag = query.value(4).toString();
    s.lastModified = query.value(5).toString();
    s.lastAttempt = sql::toDateTime(query.value(6));
    s.lastSuccess = sql::toDateTime(query.value(7));
    s.lastError = query.value(8).toString();
    s.eventCount = query.value(9).toLongLong();
    return s;
}

Result<QList<CalendarSubscription>> select(const Database &db, const QString &tail,
                                           const QVariantList &values)
{
    return sql::readAll(sql::on(db), s_select + QLatin1Char(' ') + tail, values,
                        Text::tr("read calendar subscriptions"), readSubscription);
}

QString saveWhat(const CalendarSubscription &subscription)
{
    return Text::tr("save the calendar \"%1\"").arg(subscription.name);
}

Result<std::optional<CalendarSubscription>> first(Result<QList<CalendarSubscription>> list)
{
    if (!list)
        return list.error();
    if (list->isEmpty())
        return std::optional<CalendarSubscription>();
    return std::optional<CalendarSubscription>(list->constFirst());
}

} // namespace

Result<qint64> SubscriptionRepository::add(const CalendarSubscription &subscription)
{
    if (auto existing = findByName(subscription.name); existing && existing->has_value())
        return Result<qint64>::failure(
            Error::Code::Invalid,
            Text::tr("A calendar named \"%1\" already exists.").arg(subscription.name));
    return sql::insert(sql::on(m_db),
                       QStringLiteral("INSERT INTO calendar_subscriptions (name, url, refresh_minutes, "
                                      "etag, last_modified, last_attempt_ms, last_success_ms, "
                                      "last_error, event_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                       fields(subscription), saveWhat(subscription));
}

Status SubscriptionRepository::update(const CalendarSubscription &subscription)
{
    return sql::changeRow(sql::on(m_db),
                          QStringLiteral("UPDATE calendar_subscriptions SET name = ?, url = ?, "
                                         "refresh_minutes = ?, etag = ?, last_modified = ?, "
                                         "last_attempt_ms = ?, last_success_ms = ?, last_error = ?, "
                                         "event_count = ? WHERE id = ?"),
                          fields(subscription) << subscription.id, saveWhat(subscription),
                          Text::tr("The calendar \"%1\" no longer exists.").arg(subscription.name));
}

Status SubscriptionRepository::remove(qint64 id)
{
    const auto found = find(id);
    if (!found)
        return found.error();
    if (!found->has_value())
        return Status::failure(Error::Code::NotFound, Text::tr("The calendar no longer exists."));
    const QString source = (*found)->name;
    return m_db.inTransaction([&]() -> Status {
        const sql::Target target = sql::on(m_db);
        const QString what = Text::tr("remove the calendar \"%1\"").arg(source);
        if (Status ok = sql::exec(target, QStringLiteral("DELETE FROM calendar_events WHERE source = ?"),
                                  {source}, what); !ok)
            return ok;
        return sql::exec(target, QStringLiteral("DELETE FROM calendar_subscriptions WHERE id = ?"), {id},
                         what);
    });
}

Result<std::optional<CalendarSubscription>> SubscriptionRepository::find(qint64 id) const
{
    return first(select(m_db, QStringLiteral("WHERE id = ?"), {id}));
}

Result<std::optional<CalendarSubscription>> SubscriptionRepository::findByName(const QString &name) const
{
    return first(select(m_db, QStringLiteral("WHERE name = ?"), {name}));
}

Result<QList<CalendarSubscription>> SubscriptionRepository::all() const
{
    return select(m_db, QStringLiteral("ORDER BY name, id"), {});
}

} // namespace fermata
