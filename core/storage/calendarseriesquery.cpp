#include "storage/calendarseriesquery.h"

#include "storage/calendarseries.h"
#include "storage/database.h"
#include "storage/seriesexpander.h"
#include "storage/sqlhelpers.h"

#include <QCoreApplication>
#include <QHash>

#include <algorithm>
#include <memory>
#include <vector>

namespace {

// Messages people read, filed under the storage context of the core's translations.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(fermata::Storage)
};

} // namespace

namespace fermata {

namespace {

constexpr qint64 s_msPerDay = 86400000;

// A series is known by its calendar and UID.
using SeriesKey = std::pair<QString, QString>;

QString filtered(const QString &statement, const QString &source)
{
    return source.isEmpty() ? statement : statement + QStringLiteral(" AND source = ?");
}

QVariantList withSource(QVariantList values, const QString &source)
{
    if (!source.isEmpty())
        values.append(source);
    return values;
}

} // namespace

struct CalendarSeriesQuery::Loaded
{
    std::vector<CalendarSeries> series;
    QHash<SeriesKey, SeriesChanges> changes;
    QHash<SeriesKey, std::pair<int, int>> buffers; // occurrence (source, uid) -> before, after
    std::unique_ptr<SeriesZones> zones;
};

// Everything a range needs, read in four short queries: THISANDFUTURE overrides (few; they can
// move occurrences from anywhere), the series that can reach the range widened by how far those
// move them, the overrides and buffers of occurrences whose original start lies near the range.
Result<std::unique_ptr<CalendarSeriesQuery::Loaded>>
CalendarSeriesQuery::load(const Interval &range, const QString &source, bool withEdits, Scope scope) const
{
    const sql::Target target = sql::on(m_db);
    const QString what = Text::tr("read recurring events");
    auto loaded = std::make_unique<Loaded>();

    Result<QSqlQuery> ranges = sql::run(
        target, filtered(QStringLiteral("SELECT source, uid, recurrence_ms, range_change, title FROM calendar_events "
                                        "WHERE range_change IS NOT NULL"), source),
        withSource({}, source), what);
    if (!ranges)
        return ranges.error();
    qint64 reach = 0;
    while (ranges.value().next()) {
        const QSqlQuery &q = ranges.value();
        const QString uid = q.value(1).toString();
        const auto key = splitOccurrenceUid(uid);
        const auto change = SeriesRangeChange::decode(q.value(3).toString(), q.value(4).toString());
        if (!key || !change)
            continue;
        SeriesChanges &changes = loaded->changes[SeriesKey(q.value(0).toString(), key->first)];
        changes.overridden.insert(uid);
        changes.ranges.insert_or_assign(q.value(2).toLongLong(), *change);
        reach = qMax(reach, SeriesExpander::reachMs(changes));
    }

    // Calendar by calendar, so each row is one value: QtSql's cost is per column.
    QStringList sources;
    if (source.isEmpty()) {
        Result<QSqlQuery> names = sql::run(target, QStringLiteral("SELECT DISTINCT source FROM calendar_series"), {},
                                           what);
        if (!names)
            return names.error();
        while (names.value().next())
            sources.append(names.value().value(0).toString());
    } else {
        sources.append(source);
    }
    qint64 longest = 0; // how far before the range an original start can lie
    bool embeddedZones = false;
    for (const QString &name : std::as_const(sources)) {
        Result<QSqlQuery> rows = sql::run(
            target,
            QStringLiteral("SELECT rule FROM calendar_series WHERE source = ? AND first_ms < ? "
                           "AND (last_ms IS NULL OR last_ms >= ?)")
                + (scope == Scope::Finite ? QStringLiteral(" AND last_ms IS NOT NULL") : QString()),
            {name, qlonglong(range.endMs() + reach), qlonglong(range.startMs() - reach)}, what);
        if (!rows)
            return rows.error();
        while (rows.value().next()) {
            CalendarSeries series;
            if (!series.decode(rows.value().value(0).toByteArray()))
                continue;
            series.source = name;
            embeddedZones = embeddedZones || series.zone.startsWith("vtimezone:");
            longest = qMax(longest, series.spanDays * s_msPerDay + series.spanMs);
            for (const SeriesDate &d : series.dates)
                longest = qMax(longest, d.endMs.value_or(d.startMs) - d.startMs);
            loaded->series.push_back(std::move(series));
        }
    }
    const qint64 margin = longest + reach + 3 * s_msPerDay;
    loaded->zones = std::make_unique<SeriesZones>(range.startMs() - margin - 30 * s_msPerDay,
                                                  range.endMs() + margin + 30 * s_msPerDay);
    if (loaded->series.empty())
        return loaded;
    if (embeddedZones) {
        Result<QSqlQuery> zones = sql::run(target, QStringLiteral("SELECT name, definition FROM calendar_zones"), {},
                                           what);
        if (!zones)
            return zones.error();
        while (zones.value().next())
            loaded->zones->addDefinition(zones.value().value(0).toByteArray(), zones.value().value(1).toByteArray());
    }

    const QVariantList window = withSource({qlonglong(range.startMs() - margin), qlonglong(range.endMs() + margin)},
                                           source);
    Result<QSqlQuery> overrides = sql::run(
        target, filtered(QStringLiteral("SELECT source, uid FROM calendar_events "
                                        "WHERE recurrence_ms >= ? AND recurrence_ms < ?"), source),
        window, what);
    if (!overrides)
        return overrides.error();
    while (overrides.value().next()) {
        const QString uid = overrides.value().value(1).toString();
        if (const auto key = splitOccurrenceUid(uid))
            loaded->changes[SeriesKey(overrides.value().value(0).toString(), key->first)].overridden.insert(uid);
    }
    if (!withEdits)
        return loaded;
    Result<QSqlQuery> edits = sql::run(
        target, filtered(QStringLiteral("SELECT source, uid, buffer_before_minutes, buffer_after_minutes "
                                        "FROM calendar_occurrence_edits WHERE recurrence_ms >= ? AND recurrence_ms < ?"),
                         source),
        window, what);
    if (!edits)
        return edits.error();
    while (edits.value().next()) {
        const QSqlQuery &q = edits.value();
        loaded->buffers.insert(SeriesKey(q.value(0).toString(), q.value(1).toString()),
                               {q.value(2).toInt(), q.value(3).toInt()});
    }
    return loaded;
}

Result<QList<CalendarEvent>> CalendarSeriesQuery::events(const Interval &range, QList<CalendarEvent> rows) const
{
    return expand(range, Scope::Range, std::move(rows));
}

Result<QList<CalendarEvent>> CalendarSeriesQuery::allFinite(QList<CalendarEvent> rows) const
{
    const QString what = Text::tr("read recurring events");
    const Result<QVariant> first = sql::scalar(
        sql::on(m_db), QStringLiteral("SELECT MIN(first_ms) FROM calendar_series WHERE last_ms IS NOT NULL"), {}, what);
    if (!first)
        return first.error();
    const Result<QVariant> last = sql::scalar(sql::on(m_db), QStringLiteral("SELECT MAX(last_ms) FROM calendar_series"),
                                              {}, what);
    if (!last)
        return last.error();
    if (first->isNull() || last->isNull())
        return rows;
    return expand(Interval(first->toLongLong(), last->toLongLong() + 1), Scope::Finite, std::move(rows));
}

// Occurrences are collected small (no CalendarEvent yet), put in order, and made events once,
// in their place in the result: a month of a big calendar has tens of thousands.
Result<QList<CalendarEvent>> CalendarSeriesQuery::expand(const Interval &range, Scope scope,
                                                         QList<CalendarEvent> rows) const
{
    if (range.isEmpty())
        return rows;
    auto loaded = load(range, QString(), true, scope);
    if (!loaded)
        return loaded.error();
    Loaded &data = *loaded.value();
    // An occurrence, small: its uid (an allocation) is made once it has its place.
    struct Found
    {
        qint64 startMs;
        qint64 id;
        qint64 endMs;
        const QString *title;
        const CalendarSeries *series;
        RecurrenceKeyText key;
        bool busy;
    };
    std::vector<Found> found;
    const qint64 days = qMax<qint64>(1, range.durationMs() / s_msPerDay);
    found.reserve(size_t(qMin<qint64>(qint64(data.series.size()) * qMax<qint64>(1, days / 3), 250000)));
    SeriesExpander expander(*data.zones);
    const SeriesChanges none;
    for (const CalendarSeries &series : data.series) {
        const auto changes = data.changes.constFind(SeriesKey(series.source, series.uid));
        const OccurrenceIds ids(series.source, series.uid);
        expander.expand(
            series, changes == data.changes.constEnd() ? none : *changes, range,
            [&](const SeriesOccurrence &o) {
                const RecurrenceKeyText key(series.allDay, o.originalDate, o.originalMs);
                found.push_back(Found{o.startMs, ids.id(key), o.endMs, o.title, &series, key, o.busy});
            },
            false);
    }
    if (found.empty())
        return rows;
    // Ordered by start, then id, merged with the rows (already in that order).
    std::vector<std::pair<std::pair<qint64, qint64>, size_t>> order;
    order.reserve(found.size());
    for (size_t i = 0; i < found.size(); ++i)
        order.push_back({{found[i].startMs, found[i].id}, i});
    std::sort(order.begin(), order.end());
    QList<CalendarEvent> result;
    result.reserve(rows.size() + qsizetype(found.size()));
    qsizetype row = 0;
    for (const auto &[key, index] : order) {
        for (; row < rows.size(); ++row) {
            const std::pair<qint64, qint64> rowKey(rows[row].start.toMSecsSinceEpoch(), rows[row].id);
            if (key < rowKey)
                break;
            result.append(std::move(rows[row]));
        }
        const Found &o = found[index];
        CalendarEvent &event = result.emplace_back();
        event.id = o.id;
        event.source = o.series->source;
        event.uid = occurrenceUid(o.series->uid, o.key);
        event.title = *o.title;
        event.start = QDateTime::fromMSecsSinceEpoch(o.startMs, Qt::UTC);
        event.end = QDateTime::fromMSecsSinceEpoch(o.endMs, Qt::UTC);
        event.allDay = o.series->allDay;
        event.busy = o.busy;
        if (!data.buffers.isEmpty()) {
            const auto buffers = data.buffers.constFind(SeriesKey(event.source, event.uid));
            if (buffers != data.buffers.constEnd()) {
                event.bufferBeforeMinutes = buffers->first;
                event.bufferAfterMinutes = buffers->second;
            }
        }
    }
    for (; row < rows.size(); ++row)
        result.append(std::move(rows[row]));
    return result;
}

Result<qint64> CalendarSeriesQuery::count(const Interval &range, const QString &source) const
{
    if (range.isEmpty())
        return qint64(0);
    auto loaded = load(range, source, false);
    if (!loaded)
        return loaded.error();
    Loaded &data = *loaded.value();
    SeriesExpander expander(*data.zones);
    const SeriesChanges none;
    qint64 total = 0;
    for (const CalendarSeries &series : data.series) {
        const auto changes = data.changes.constFind(SeriesKey(series.source, series.uid));
        total += expander.expand(series, changes == data.changes.constEnd() ? none : *changes, range,
                                 [](const SeriesOccurrence &) {}, false);
    }
    return total;
}

} // namespace fermata
