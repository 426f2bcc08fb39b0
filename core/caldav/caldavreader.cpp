#include "caldav/caldavreader.h"

#include "caldav/caldavaccountrepository.h"
#include "caldav/caldavics.h"
#include "caldav/caldavresourcecache.h"
#include "calendar/calendarinteropservice.h"
#include "storage/database.h"
#include "time/clock.h"

#include <QBuffer>
#include <QSet>

#include <algorithm>

namespace fermata {

namespace {

// A sync-collection answer truncated again and again (a server bug): stop after this many.
constexpr int maxSyncRounds = 200;

// A failure of our own (the database), carried where a CalDAV result is expected.
CalDavError localError(const Error &error)
{
    return CalDavError { CalDavFailure::InvalidRequest, 0, error.message };
}

bool stopsEverything(CalDavFailure kind)
{
    return kind == CalDavFailure::Network || kind == CalDavFailure::Authentication;
}

} // namespace

struct CalDavReader::Delta
{
    QHash<QString, CalDavResourceCache::Version> cached; // the local copy before this pull
    QHash<QString, QString> changed; // href -> the server's ETag: to fetch
    QSet<QString> removed;
    QString syncToken; // to store once applied
    QList<CalDavResource> fetched;
};

CalDavReader::CalDavReader(Database &db, CalDavClient &client, CalendarInteropService &interop, const Clock &clock)
    : m_db(db)
    , m_client(client)
    , m_interop(interop)
    , m_clock(clock)
{ }

QHash<qint64, QString> CalDavReader::sourceNames(const CalDavAccount &account,
    const QList<CalDavCalendarRecord> &calendars)
{
    QHash<QString, int> uses;
    for (const CalDavCalendarRecord &calendar : calendars)
        ++uses[calendar.label().toCaseFolded()];
    QHash<qint64, QString> names;
    for (const CalDavCalendarRecord &calendar : calendars) {
        QString label = calendar.label();
        if (uses.value(label.toCaseFolded()) > 1)
            label += QStringLiteral(" (%1)").arg(QUrl::fromPercentEncoding(calendar.href.section(u'/', -2, -2).toUtf8()));
        names.insert(calendar.id, QStringLiteral("caldav:%1/%2").arg(account.name, label));
    }
    return names;
}

CalDavResult<CalDavReader::Report> CalDavReader::pull(const CalDavAccount &account,
    const QList<CalDavCalendarRecord> &calendars, const QList<CalDavCalendar> &listed)
{
    Report report;
    const QHash<qint64, QString> sources = sourceNames(account, calendars);
    for (const CalDavCalendarRecord &calendar : calendars) {
        const auto onServer = std::find_if(listed.cbegin(), listed.cend(),
            [&](const CalDavCalendar &c) { return c.href == calendar.href; });
        if (!calendar.isRead || onServer == listed.cend()) {
            if (Status dropped = drop(m_db, m_interop, calendar); !dropped)
                report.problems.append(dropped.error().message);
            continue;
        }
        const CalDavResult<bool> pulled = pullCalendar(account, calendar, *onServer, sources.value(calendar.id), report);
        if (!pulled) {
            if (stopsEverything(pulled.failureKind()))
                return pulled.caldavError();
            report.problems.append(QStringLiteral("%1: %2").arg(calendar.label(), pulled.error().message));
        }
    }
    return report;
}

Status CalDavReader::drop(Database &db, CalendarInteropService &interop, const CalDavCalendarRecord &calendar)
{
    if (calendar.source.isEmpty() && calendar.syncToken.isEmpty() && calendar.ctag.isEmpty())
        return {};
    return db.inTransaction([&]() -> Status {
        if (!calendar.source.isEmpty()) {
            QByteArray empty = caldavics::emptyCalendar();
            QBuffer buffer(&empty);
            buffer.open(QIODevice::ReadOnly);
            if (const auto removed = interop.importDevice(buffer, calendar.source); !removed)
                return removed.error();
        }
        if (Status cleared = CalDavResourceCache(db).clear(calendar.id); !cleared)
            return cleared;
        CalDavCalendarRecord reset = calendar;
        reset.syncToken.clear();
        reset.ctag.clear();
        reset.source.clear();
        reset.eventCount = 0;
        return CalDavAccountRepository(db).saveSyncState(reset);
    });
}

CalDavResult<bool> CalDavReader::pullCalendar(const CalDavAccount &account, CalDavCalendarRecord calendar,
    const CalDavCalendar &listed, const QString &source, Report &report)
{
    const bool imported = !calendar.source.isEmpty() && calendar.source == source;
    const bool supportsSync = !listed.syncToken.isEmpty();
    // Nothing changed since the last pull: the server's own version of the collection says so.
    if (imported && supportsSync && listed.syncToken == calendar.syncToken)
        return false;
    if (imported && !supportsSync && !listed.ctag.isEmpty() && listed.ctag == calendar.ctag)
        return false;

    ++report.calendarsRead;
    Delta delta;
    const auto cached = CalDavResourceCache(m_db).versions(calendar.id);
    if (!cached)
        return localError(cached.error());
    delta.cached = *cached;
    if (CalDavStatus collected = collectChanges(calendar, listed, delta); !collected)
        return collected.caldavError();
    if (!delta.changed.isEmpty()) {
        CalDavResult<QList<CalDavResource>> fetched = m_client.multiget(calendar.href, delta.changed.keys());
        if (!fetched)
            return fetched.caldavError();
        QSet<QString> answered;
        for (const CalDavResource &resource : std::as_const(*fetched))
            answered.insert(resource.href);
        // Left out of the answer: deleted between the listing and the multiget.
        for (auto it = delta.changed.cbegin(); it != delta.changed.cend(); ++it) {
            if (!answered.contains(it.key()))
                delta.removed.insert(it.key());
        }
        delta.fetched = *fetched;
    }
    if (Status applied = apply(account, calendar, listed, source, delta, report); !applied)
        return localError(applied.error());
    return true;
}

CalDavStatus CalDavReader::collectChanges(const CalDavCalendarRecord &calendar, const CalDavCalendar &listed,
    Delta &delta)
{
    bool needFullQuery = listed.syncToken.isEmpty();
    if (!needFullQuery) {
        QString token = calendar.syncToken;
        QSet<QString> reported; // every member a first sync (no stored token) lists
        for (int round = 0; round < maxSyncRounds; ++round) {
            CalDavResult<CalDavChanges> changes = m_client.syncCollection(calendar.href, token);
            if (changes.failureKind() == CalDavFailure::InvalidSyncToken) {
                needFullQuery = true;
                delta.changed.clear();
                delta.removed.clear();
                break;
            }
            if (!changes)
                return changes.caldavError();
            for (const CalDavResource &resource : std::as_const(changes->changed)) {
                reported.insert(resource.href);
                delta.removed.remove(resource.href);
                const auto known = delta.cached.constFind(resource.href);
                if (resource.etag.isEmpty() || known == delta.cached.cend() || known->etag != resource.etag)
                    delta.changed.insert(resource.href, resource.etag);
                else
                    delta.changed.remove(resource.href);
            }
            for (const QString &href : std::as_const(changes->removed)) {
                reported.remove(href);
                delta.changed.remove(href);
                if (delta.cached.contains(href))
                    delta.removed.insert(href);
            }
            token = changes->syncToken;
            if (!changes->isTruncated)
                break;
        }
        delta.syncToken = token;
        // A first sync lists every member: what the copy holds beyond them is gone (a copy made
        // by calendar-query before the server offered sync-collection).
        if (!needFullQuery && calendar.syncToken.isEmpty()) {
            for (auto it = delta.cached.cbegin(); it != delta.cached.cend(); ++it) {
                if (!reported.contains(it.key()))
                    delta.removed.insert(it.key());
            }
        }
    }
    if (!needFullQuery)
        return std::monostate {};
    // The token listed before this query: changes made after it show up in the next sync.
    delta.syncToken = listed.syncToken;
    CalDavResult<QList<CalDavResource>> present
        = m_client.queryEvents(calendar.href, m_interop.importHorizon(), caldavxml::Content::EtagsOnly);
    if (!present)
        return present.caldavError();
    QSet<QString> seen;
    for (const CalDavResource &resource : std::as_const(*present)) {
        seen.insert(resource.href);
        const auto known = delta.cached.constFind(resource.href);
        if (resource.etag.isEmpty() || known == delta.cached.cend() || known->etag != resource.etag)
            delta.changed.insert(resource.href, resource.etag);
    }
    for (auto it = delta.cached.cbegin(); it != delta.cached.cend(); ++it) {
        if (!seen.contains(it.key()))
            delta.removed.insert(it.key());
    }
    return std::monostate {};
}

Status CalDavReader::apply(const CalDavAccount &account, CalDavCalendarRecord &calendar,
    const CalDavCalendar &listed, const QString &source, const Delta &delta, Report &report)
{
    return m_db.inTransaction([&]() -> Status {
        CalDavResourceCache cache(m_db);
        bool meetingsChanged = false; // only Fermata's own events changed: no import needed
        for (const CalDavResource &resource : delta.fetched) {
            const bool own = !account.instance.isEmpty() && caldavics::markerOf(resource.data) == account.instance;
            const auto before = delta.cached.constFind(resource.href);
            // Fermata's own events change with every push: neither an import nor a count.
            const bool meeting = !own || (before != delta.cached.cend() && !before->isOwn);
            meetingsChanged = meetingsChanged || meeting;
            if (Status put = cache.put(calendar.id, CachedCalDavResource { resource.href, resource.etag,
                                                        resource.data, own });
                !put)
                return put;
            report.changed += meeting ? 1 : 0;
        }
        for (const QString &href : delta.removed) {
            const auto before = delta.cached.constFind(href);
            if (before == delta.cached.cend())
                continue;
            meetingsChanged = meetingsChanged || !before->isOwn;
            if (Status removed = cache.remove(calendar.id, href); !removed)
                return removed;
            report.removed += before->isOwn ? 0 : 1;
        }
        const bool renamed = calendar.source != source;
        if (meetingsChanged || renamed) {
            const auto resources = cache.resources(calendar.id);
            if (!resources)
                return resources.error();
            QList<QByteArray> meetings;
            for (const CachedCalDavResource &resource : *resources) {
                if (!resource.isOwn)
                    meetings.append(resource.data);
            }
            QByteArray merged = caldavics::mergeCalendars(meetings);
            QBuffer buffer(&merged);
            buffer.open(QIODevice::ReadOnly);
            const auto imported = m_interop.importDevice(buffer, source);
            if (!imported)
                return imported.error();
            if (renamed && !calendar.source.isEmpty()) {
                QByteArray empty = caldavics::emptyCalendar();
                QBuffer old(&empty);
                old.open(QIODevice::ReadOnly);
                if (const auto cleared = m_interop.importDevice(old, calendar.source); !cleared)
                    return cleared.error();
            }
            calendar.source = source;
            calendar.eventCount = imported->instances;
            ++report.imported;
        }
        calendar.syncToken = delta.syncToken;
        calendar.ctag = listed.ctag;
        calendar.lastSync = m_clock.now();
        return CalDavAccountRepository(m_db).saveSyncState(calendar);
    });
}

} // namespace fermata
