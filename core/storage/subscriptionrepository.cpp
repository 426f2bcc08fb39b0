#include "storage/subscriptionrepository.h"

#include "storage/database.h"
#include "storage/sqlhelpers.h"

namespace fermata {

namespace {

const QString s_select = QStringLiteral(
    "SELECT id, name, url, refresh_minutes, etag, last_modified, last_attempt_ms,"
    " last_success_ms, last_error, event_count FROM calendar_subscriptions");

void bindFields(QSqlQuery &query, const CalendarSubscription &s)
{
    query.bindValue(0, sql::text(s.name));
    query.bindValue(1, sql::text(s.url));
    query.bindValue(2, s.refreshMinutes);
    query.bindValue(3, sql::text(s.etag));
    query.bindValue(4, sql::text(s.lastModified));
    query.bindValue(5, sql::fromDateTime(s.lastAttempt));
    query.bindValue(6, sql::fromDateTime(s.lastSuccess));
    query.bindValue(7, sql::text(s.lastError));
    query.bindValue(8, s.eventCount);
}

Result<QList<CalendarSubscription>> select(const Database &db, const QString &tail,
                                           const QVariantList &values)
{
    const QString what = QStringLiteral("read calendar subscriptions");
    QSqlQuery query(db.connection());
    query.setForwardOnly(true);
    if (auto error = sql::prepare(query, s_select + QLatin1Char(' ') + tail, db.path(), what))
        return *error;
    for (qsizetype i = 0; i < values.size(); ++i)
        query.bindValue(int(i), values.at(i));
    if (auto error = sql::exec(query, db.path(), what))
        return *error;
    QList<CalendarSubscription> list;
    while (query.next()) {
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
        list.append(s);
    }
    return list;
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
            QStringLiteral("A calendar named \"%1\" already exists.").arg(subscription.name));
    const QString what = QStringLiteral("save the calendar \"%1\"").arg(subscription.name);
    QSqlQuery query(m_db.connection());
    if (auto error = sql::prepare(query,
                                  QStringLiteral("INSERT INTO calendar_subscriptions (name, url, "
                                                 "refresh_minutes, etag, last_modified, "
                                                 "last_attempt_ms, last_success_ms, last_error, "
                                                 "event_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                                  m_db.path(), what))
        return *error;
    bindFields(query, subscription);
    if (auto error = sql::exec(query, m_db.path(), what))
        return *error;
    return query.lastInsertId().toLongLong();
}

Status SubscriptionRepository::update(const CalendarSubscription &subscription)
{
    const QString what = QStringLiteral("save the calendar \"%1\"").arg(subscription.name);
    QSqlQuery query(m_db.connection());
    if (auto error = sql::prepare(query,
                                  QStringLiteral("UPDATE calendar_subscriptions SET name = ?, "
                                                 "url = ?, refresh_minutes = ?, etag = ?, "
                                                 "last_modified = ?, last_attempt_ms = ?, "
                                                 "last_success_ms = ?, last_error = ?, "
                                                 "event_count = ? WHERE id = ?"),
                                  m_db.path(), what))
        return *error;
    bindFields(query, subscription);
    query.bindValue(9, subscription.id);
    if (auto error = sql::exec(query, m_db.path(), what))
        return *error;
    if (query.numRowsAffected() == 0)
        return Status::failure(Error::Code::NotFound,
                               QStringLiteral("The calendar \"%1\" no longer exists.")
                                   .arg(subscription.name));
    return {};
}

Status SubscriptionRepository::remove(qint64 id)
{
    const auto found = find(id);
    if (!found)
        return found.error();
    if (!found->has_value())
        return Status::failure(Error::Code::NotFound, QStringLiteral("The calendar no longer exists."));
    const QString source = (*found)->name;
    return m_db.inTransaction([&]() -> Status {
        const QString what = QStringLiteral("remove the calendar \"%1\"").arg(source);
        QSqlQuery events(m_db.connection());
        if (auto error = sql::prepare(events,
                                      QStringLiteral("DELETE FROM calendar_events WHERE source = ?"),
                                      m_db.path(), what))
            return *error;
        events.bindValue(0, source);
        if (auto error = sql::exec(events, m_db.path(), what))
            return *error;
        QSqlQuery query(m_db.connection());
        if (auto error = sql::prepare(query,
                                      QStringLiteral("DELETE FROM calendar_subscriptions WHERE id = ?"),
                                      m_db.path(), what))
            return *error;
        query.bindValue(0, id);
        if (auto error = sql::exec(query, m_db.path(), what))
            return *error;
        return {};
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

CalendarSourceWriter::CalendarSourceWriter(Database &db, QString source)
    : m_db(db), m_source(std::move(source))
{
}

Status CalendarSourceWriter::begin()
{
    const QString what = QStringLiteral("read the events of \"%1\"").arg(m_source);
    QSqlQuery query(m_db.connection());
    query.setForwardOnly(true);
    if (auto error = sql::prepare(query,
                                  QStringLiteral("SELECT id, uid, title, start_ms, end_ms, all_day, "
                                                 "busy FROM calendar_events WHERE source = ? ORDER BY id"),
                                  m_db.path(), what))
        return *error;
    query.bindValue(0, m_source);
    if (auto error = sql::exec(query, m_db.path(), what))
        return *error;
    m_existing.clear();
    m_duplicates.clear();
    m_written.clear();
    while (query.next()) {
        const qint64 id = query.value(0).toLongLong();
        const QString uid = query.value(1).toString();
        if (m_existing.contains(uid)) {
            m_duplicates.append(id);
            continue;
        }
        m_existing.insert(uid, Stored{id, query.value(2).toString(), query.value(3).toLongLong(),
                                      query.value(4).toLongLong(), query.value(5).toBool(),
                                      query.value(6).toBool()});
    }
    // A large calendar touches many pages of calendar_events and its three indexes; SQLite's
    // default 2 MB page cache would re-read them from the WAL over and over. Widen it for the
    // import (finish() puts it back).
    {
        QSqlQuery pragma(m_db.connection());
        if (pragma.exec(QStringLiteral("PRAGMA cache_size")) && pragma.next())
            m_previousCacheSize = pragma.value(0).toLongLong();
        (void)pragma.exec(QStringLiteral("PRAGMA cache_size = -65536"));
    }
    const QString save = QStringLiteral("save the events of \"%1\"").arg(m_source);
    m_insert = QSqlQuery(m_db.connection());
    m_update = QSqlQuery(m_db.connection());
    m_delete = QSqlQuery(m_db.connection());
    if (auto error = sql::prepare(m_insert,
                                  QStringLiteral("INSERT INTO calendar_events (source, uid, title, "
                                                 "start_ms, end_ms, all_day, busy, "
                                                 "buffer_before_minutes, buffer_after_minutes) "
                                                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                                  m_db.path(), save))
        return *error;
    // Buffers are the person's own setting on a meeting: an update keeps them.
    if (auto error = sql::prepare(m_update,
                                  QStringLiteral("UPDATE calendar_events SET title = ?, start_ms = ?, "
                                                 "end_ms = ?, all_day = ?, busy = ? WHERE id = ?"),
                                  m_db.path(), save))
        return *error;
    if (auto error = sql::prepare(m_delete, QStringLiteral("DELETE FROM calendar_events WHERE id = ?"),
                                  m_db.path(), save))
        return *error;
    return {};
}

Status CalendarSourceWriter::upsert(const CalendarEvent &event)
{
    const QString what = QStringLiteral("save the event \"%1\"").arg(event.title);
    qint64 id = m_written.value(event.uid, 0);
    if (id == 0) {
        if (auto it = m_existing.find(event.uid); it != m_existing.end()) {
            const Stored stored = it.value();
            m_existing.erase(it);
            id = stored.id;
            if (stored.title == event.title && stored.startMs == event.start.toMSecsSinceEpoch()
                && stored.endMs == event.end.toMSecsSinceEpoch() && stored.allDay == event.allDay
                && stored.busy == event.busy) {
                m_written.insert(event.uid, id); // unchanged: a refresh writes nothing
                ++m_unchanged;
                return {};
            }
        }
    }
    if (id != 0) {
        m_update.bindValue(0, sql::text(event.title));
        m_update.bindValue(1, sql::fromDateTime(event.start));
        m_update.bindValue(2, sql::fromDateTime(event.end));
        m_update.bindValue(3, event.allDay);
        m_update.bindValue(4, event.busy);
        m_update.bindValue(5, id);
        if (auto error = sql::exec(m_update, m_db.path(), what))
            return *error;
        m_written.insert(event.uid, id);
        ++m_updated;
        return {};
    }
    m_insert.bindValue(0, sql::text(m_source));
    m_insert.bindValue(1, sql::text(event.uid));
    m_insert.bindValue(2, sql::text(event.title));
    m_insert.bindValue(3, sql::fromDateTime(event.start));
    m_insert.bindValue(4, sql::fromDateTime(event.end));
    m_insert.bindValue(5, event.allDay);
    m_insert.bindValue(6, event.busy);
    m_insert.bindValue(7, event.bufferBeforeMinutes);
    m_insert.bindValue(8, event.bufferAfterMinutes);
    if (auto error = sql::exec(m_insert, m_db.path(), what))
        return *error;
    m_written.insert(event.uid, m_insert.lastInsertId().toLongLong());
    ++m_inserted;
    return {};
}

Status CalendarSourceWriter::deleteId(qint64 id)
{
    m_delete.bindValue(0, id);
    if (auto error = sql::exec(m_delete, m_db.path(),
                               QStringLiteral("delete an event of \"%1\"").arg(m_source)))
        return *error;
    ++m_deleted;
    return {};
}

Status CalendarSourceWriter::remove(const QString &uid)
{
    const qint64 id = m_written.take(uid);
    return id != 0 ? deleteId(id) : Status();
}

Status CalendarSourceWriter::finish()
{
    for (auto it = m_existing.cbegin(); it != m_existing.cend(); ++it) {
        if (Status status = deleteId(it.value().id); !status)
            return status;
    }
    for (qint64 id : std::as_const(m_duplicates)) {
        if (Status status = deleteId(id); !status)
            return status;
    }
    m_existing.clear();
    m_duplicates.clear();
    restoreCacheSize();
    return {};
}

CalendarSourceWriter::~CalendarSourceWriter()
{
    restoreCacheSize();
}

void CalendarSourceWriter::restoreCacheSize()
{
    if (m_previousCacheSize == 0)
        return;
    QSqlQuery pragma(m_db.connection());
    (void)pragma.exec(QStringLiteral("PRAGMA cache_size = %1").arg(m_previousCacheSize));
    m_previousCacheSize = 0;
}

} // namespace fermata
