#include "storage/calendarsourcewriter.h"

#include "storage/database.h"
#include "storage/seriesexpander.h"
#include "storage/serieszones.h"
#include "storage/sqlhelpers.h"

#include <QCoreApplication>
#include <QCryptographicHash>

namespace {

// Messages people read, filed under the storage context of the core's translations.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(fermata::Storage)
};

} // namespace

namespace fermata {

namespace {

// The span whose zone offsets are tabulated for series' last ends (UNTIL, COUNT); outside it
// QTimeZone answers, as exactly.
constexpr qint64 s_zonesFromMs = -2208988800000; // 1900-01-01
constexpr qint64 s_zonesToMs = 7258118400000;    // 2200-01-01

QVariant optionalMs(const std::optional<qint64> &ms)
{
    return ms ? QVariant(qlonglong(*ms)) : QVariant(QMetaType(QMetaType::LongLong));
}

QVariant optionalText(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(text);
}

} // namespace

CalendarSourceWriter::CalendarSourceWriter(Database &db, QString source)
    : m_db(db), m_source(std::move(source))
{
}

Result<std::optional<QString>> CalendarSourceWriter::unchangedSince(Database &db, const QString &source,
                                                                    const QByteArray &hash)
{
    return sql::readOne(sql::on(db),
                        QStringLiteral("SELECT report FROM calendar_sources WHERE source = ? AND content_hash = ? "
                                       "AND content_hash <> ''"),
                        {sql::text(source), QString::fromLatin1(hash)},
                        Text::tr("read the calendar \"%1\"").arg(source),
                        [](const QSqlQuery &query) { return query.value(0).toString(); });
}

Status CalendarSourceWriter::begin()
{
    const sql::Target target = sql::on(m_db);
    const QString read = Text::tr("read the events of \"%1\"").arg(m_source);
    Result<QSqlQuery> rows = sql::run(target,
                                      QStringLiteral("SELECT id, uid, title, start_ms, end_ms, all_day, busy, "
                                                     "recurrence_ms, range_change, buffer_before_minutes, "
                                                     "buffer_after_minutes FROM calendar_events WHERE source = ? "
                                                     "ORDER BY id"),
                                      {m_source}, read);
    if (!rows)
        return rows.error();
    m_existing.clear();
    m_duplicates.clear();
    m_written.clear();
    for (QSqlQuery &query = rows.value(); query.next();) {
        const qint64 id = query.value(0).toLongLong();
        const QString uid = query.value(1).toString();
        if (m_existing.contains(uid)) {
            m_duplicates.append(id);
            continue;
        }
        Stored stored{id, query.value(2).toString(), query.value(3).toLongLong(), query.value(4).toLongLong(),
                      query.value(5).toBool(), query.value(6).toBool(), std::nullopt, query.value(8).toString(),
                      query.value(9).toInt(), query.value(10).toInt()};
        if (!query.value(7).isNull())
            stored.recurrenceMs = query.value(7).toLongLong();
        m_existing.insert(uid, std::move(stored));
    }
    rows.value().finish();
    Result<QSqlQuery> series = sql::run(target, QStringLiteral("SELECT id, uid, hash FROM calendar_series WHERE source = ?"),
                                        {m_source}, read);
    if (!series)
        return series.error();
    m_existingSeries.clear();
    m_writtenSeries.clear();
    for (QSqlQuery &query = series.value(); query.next();)
        m_existingSeries.insert(query.value(1).toString(),
                                StoredSeries{query.value(0).toLongLong(), query.value(2).toByteArray()});
    series.value().finish();
    Result<QSqlQuery> edits = sql::run(target,
                                       QStringLiteral("SELECT uid, buffer_before_minutes, buffer_after_minutes "
                                                      "FROM calendar_occurrence_edits WHERE source = ?"),
                                       {m_source}, read);
    if (!edits)
        return edits.error();
    m_edits.clear();
    for (QSqlQuery &query = edits.value(); query.next();)
        m_edits.insert(query.value(0).toString(), {query.value(1).toInt(), query.value(2).toInt()});
    edits.value().finish();
    m_zones = std::make_unique<SeriesZones>(s_zonesFromMs, s_zonesToMs);
    m_expander = std::make_unique<SeriesExpander>(*m_zones);

    // A large calendar touches many pages of calendar_events and its indexes; SQLite's default
    // 2 MB page cache would re-read them from the WAL over and over. Widen it for the import
    // (finish() puts it back).
    if (m_existing.size() > 10000) {
        QSqlQuery pragma(m_db.connection());
        if (pragma.exec(QStringLiteral("PRAGMA cache_size")) && pragma.next())
            m_previousCacheSize = pragma.value(0).toLongLong();
        (void)pragma.exec(QStringLiteral("PRAGMA cache_size = -65536"));
    }
    const QString save = Text::tr("save the events of \"%1\"").arg(m_source);
    m_insert = QSqlQuery(m_db.connection());
    m_update = QSqlQuery(m_db.connection());
    m_delete = QSqlQuery(m_db.connection());
    m_insertSeries = QSqlQuery(m_db.connection());
    m_updateSeries = QSqlQuery(m_db.connection());
    m_deleteSeries = QSqlQuery(m_db.connection());
    const std::pair<QSqlQuery *, QString> statements[] = {
        {&m_insert, QStringLiteral("INSERT INTO calendar_events (source, uid, title, start_ms, end_ms, all_day, "
                                   "busy, buffer_before_minutes, buffer_after_minutes, recurrence_ms, range_change) "
                                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")},
        // Buffers are the person's own setting on a meeting: an update keeps them.
        {&m_update, QStringLiteral("UPDATE calendar_events SET title = ?, start_ms = ?, end_ms = ?, all_day = ?, "
                                   "busy = ?, recurrence_ms = ?, range_change = ? WHERE id = ?")},
        {&m_delete, QStringLiteral("DELETE FROM calendar_events WHERE id = ?")},
        {&m_insertSeries, QStringLiteral("INSERT INTO calendar_series (source, uid, title, all_day, busy, zone, "
                                         "first_ms, last_ms, rule, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")},
        {&m_updateSeries, QStringLiteral("UPDATE calendar_series SET title = ?, all_day = ?, busy = ?, zone = ?, "
                                         "first_ms = ?, last_ms = ?, rule = ?, hash = ? WHERE id = ?")},
        {&m_deleteSeries, QStringLiteral("DELETE FROM calendar_series WHERE id = ?")},
    };
    for (const auto &[query, statement] : statements) {
        if (Status ok = sql::prepare(*query, statement, target, save); !ok)
            return ok;
    }
    return {};
}

Status CalendarSourceWriter::upsert(const CalendarEvent &event)
{
    return write(event, std::nullopt, QString());
}

Status CalendarSourceWriter::upsertOverride(const CalendarEvent &instance, const SeriesOverride &what)
{
    return write(instance, what.recurrenceMs, what.range ? what.range->encode() : QString());
}

Status CalendarSourceWriter::write(const CalendarEvent &event, std::optional<qint64> recurrenceMs,
                                   const QString &rangeChange)
{
    const QString what = Text::tr("save the event \"%1\"").arg(event.title);
    qint64 id = m_written.value(event.uid, 0);
    if (id == 0) {
        if (auto it = m_existing.find(event.uid); it != m_existing.end()) {
            const Stored stored = it.value();
            m_existing.erase(it);
            id = stored.id;
            if (stored.title == event.title && stored.startMs == event.start.toMSecsSinceEpoch()
                && stored.endMs == event.end.toMSecsSinceEpoch() && stored.allDay == event.allDay
                && stored.busy == event.busy && stored.recurrenceMs == recurrenceMs
                && stored.rangeChange == rangeChange) {
                m_written.insert(event.uid, id); // unchanged: a refresh writes nothing
                ++m_unchanged;
                return {};
            }
        }
    }
    const sql::Target target = sql::on(m_db);
    if (id != 0) {
        if (Status ok = sql::exec(m_update, {sql::text(event.title), sql::fromDateTime(event.start),
                                             sql::fromDateTime(event.end), event.allDay, event.busy,
                                             optionalMs(recurrenceMs), optionalText(rangeChange), id},
                                  target, what); !ok)
            return ok;
        m_written.insert(event.uid, id);
        ++m_updated;
        return {};
    }
    // An occurrence an override now replaces keeps the buffers set on it.
    const auto edit = m_edits.value(event.uid, {event.bufferBeforeMinutes, event.bufferAfterMinutes});
    if (Status ok = sql::exec(m_insert, {sql::text(m_source), sql::text(event.uid), sql::text(event.title),
                                         sql::fromDateTime(event.start), sql::fromDateTime(event.end),
                                         event.allDay, event.busy, edit.first, edit.second,
                                         optionalMs(recurrenceMs), optionalText(rangeChange)},
                              target, what); !ok)
        return ok;
    m_written.insert(event.uid, m_insert.lastInsertId().toLongLong());
    ++m_inserted;
    return {};
}

Status CalendarSourceWriter::upsertSeries(const CalendarSeries &series)
{
    const QString what = Text::tr("save the event \"%1\"").arg(series.title);
    const QByteArray encoded = series.encode();
    const QByteArray hash = QCryptographicHash::hash(encoded, QCryptographicHash::Sha1).toHex();
    qint64 id = m_writtenSeries.value(series.uid, 0);
    if (id == 0) {
        if (auto it = m_existingSeries.find(series.uid); it != m_existingSeries.end()) {
            const StoredSeries stored = it.value();
            m_existingSeries.erase(it);
            id = stored.id;
            if (stored.hash == hash) {
                m_writtenSeries.insert(series.uid, id); // unchanged: nothing to write
                ++m_unchanged;
                return {};
            }
        }
    }
    const QVariantList values{sql::text(series.title), series.allDay, series.busy,
                              QString::fromLatin1(series.zone), qlonglong(SeriesExpander::firstStartMs(series)),
                              optionalMs(m_expander->lastEndMs(series)), encoded,
                              QString::fromLatin1(hash)};
    const sql::Target target = sql::on(m_db);
    if (id != 0) {
        if (Status ok = sql::exec(m_updateSeries, QVariantList(values) << id, target, what); !ok)
            return ok;
        m_writtenSeries.insert(series.uid, id);
        ++m_updated;
        return {};
    }
    if (Status ok = sql::exec(m_insertSeries, QVariantList{sql::text(m_source), sql::text(series.uid)} + values,
                              target, what); !ok)
        return ok;
    m_writtenSeries.insert(series.uid, m_insertSeries.lastInsertId().toLongLong());
    ++m_inserted;
    return {};
}

Status CalendarSourceWriter::addZone(const QByteArray &name, const QByteArray &definition)
{
    m_zones->addDefinition(name, definition);
    return sql::exec(sql::on(m_db),
                     QStringLiteral("INSERT OR IGNORE INTO calendar_zones (name, definition) VALUES (?, ?)"),
                     {QString::fromLatin1(name), QString::fromUtf8(definition)},
                     Text::tr("save the time zones of \"%1\"").arg(m_source));
}

Status CalendarSourceWriter::deleteId(qint64 id)
{
    if (Status ok = sql::exec(m_delete, {id}, sql::on(m_db),
                              Text::tr("delete an event of \"%1\"").arg(m_source)); !ok)
        return ok;
    ++m_deleted;
    return {};
}

Status CalendarSourceWriter::remove(const QString &uid)
{
    const QString what = Text::tr("delete an event of \"%1\"").arg(m_source);
    if (const qint64 id = m_written.take(uid); id != 0) {
        if (Status ok = deleteId(id); !ok)
            return ok;
    }
    if (const qint64 id = m_writtenSeries.take(uid); id != 0) {
        if (Status ok = sql::exec(m_deleteSeries, {id}, sql::on(m_db), what); !ok)
            return ok;
        ++m_deleted;
    }
    return {};
}

// A row that goes (an override dropped, an occurrence stored as a row before series were
// kept as rules) while its series stays: the buffers set on it stay with its occurrence.
Status CalendarSourceWriter::keepBuffers(const QString &uid, const Stored &row)
{
    if (row.bufferBefore == 0 && row.bufferAfter == 0)
        return {};
    const auto key = splitOccurrenceUid(uid);
    if (!key || !m_writtenSeries.contains(key->first))
        return {};
    return sql::exec(sql::on(m_db),
                     QStringLiteral("INSERT OR REPLACE INTO calendar_occurrence_edits (source, uid, series_uid, "
                                    "recurrence_ms, buffer_before_minutes, buffer_after_minutes) "
                                    "VALUES (?, ?, ?, ?, ?, ?)"),
                     {sql::text(m_source), sql::text(uid), sql::text(key->first), qlonglong(key->second),
                      row.bufferBefore, row.bufferAfter},
                     Text::tr("keep the buffers of an event of \"%1\"").arg(m_source));
}

Status CalendarSourceWriter::finish()
{
    const sql::Target target = sql::on(m_db);
    const QString what = Text::tr("delete an event of \"%1\"").arg(m_source);
    for (auto it = m_existing.cbegin(); it != m_existing.cend(); ++it) {
        if (Status status = keepBuffers(it.key(), it.value()); !status)
            return status;
        if (Status status = deleteId(it.value().id); !status)
            return status;
    }
    for (qint64 id : std::as_const(m_duplicates)) {
        if (Status status = deleteId(id); !status)
            return status;
    }
    const bool seriesGone = !m_existingSeries.isEmpty();
    for (auto it = m_existingSeries.cbegin(); it != m_existingSeries.cend(); ++it) {
        if (Status status = sql::exec(m_deleteSeries, {it.value().id}, target, what); !status)
            return status;
        ++m_deleted;
    }
    // Buffers of occurrences whose series is gone go with it.
    if (seriesGone && !m_edits.isEmpty()) {
        if (Status status = sql::exec(target,
                                      QStringLiteral("DELETE FROM calendar_occurrence_edits WHERE source = ? AND "
                                                     "series_uid NOT IN (SELECT uid FROM calendar_series WHERE source = ?)"),
                                      {sql::text(m_source), sql::text(m_source)}, what);
            !status)
            return status;
    }
    // Zones no series names any more.
    if (seriesGone || m_updated > 0) {
        if (Status status = sql::exec(target,
                                      QStringLiteral("DELETE FROM calendar_zones WHERE name NOT IN "
                                                     "(SELECT zone FROM calendar_series)"),
                                      {}, what);
            !status)
            return status;
    }
    m_existing.clear();
    m_duplicates.clear();
    m_existingSeries.clear();
    restoreCacheSize();
    return {};
}

Status CalendarSourceWriter::setContentHash(const QByteArray &hash, const QString &note)
{
    return sql::exec(sql::on(m_db),
                     QStringLiteral("INSERT OR REPLACE INTO calendar_sources (source, content_hash, report) "
                                    "VALUES (?, ?, ?)"),
                     {sql::text(m_source), QString::fromLatin1(hash), sql::text(note)},
                     Text::tr("save the events of \"%1\"").arg(m_source));
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
