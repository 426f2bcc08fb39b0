#pragma once

#include "result.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

namespace fermata {

class Database;

// One calendar object resource as last read from the server.
struct CachedCalDavResource
{
    QString href;
    QString etag;
    QByteArray data;
    bool isOwn = false; // a focus block this account wrote: never imported as a meeting

    bool operator==(const CachedCalDavResource &) const = default;
};

// The local copy of each read calendar's resources (caldav_resources): what a sync-collection
// delta is applied to, and what the calendar's import is built from.
class CalDavResourceCache final
{
public:
    explicit CalDavResourceCache(Database &db) : m_db(db) {}

    struct Version
    {
        QString etag;
        bool isOwn = false;
    };
    // href -> ETag (and whether it is Fermata's own) of every cached resource of the calendar.
    Result<QHash<QString, Version>> versions(qint64 calendarId) const;
    // With their data, ordered by href.
    Result<QList<CachedCalDavResource>> resources(qint64 calendarId) const;
    Status put(qint64 calendarId, const CachedCalDavResource &resource);
    Status remove(qint64 calendarId, const QString &href);
    Status clear(qint64 calendarId);

private:
    Database &m_db;
};

} // namespace fermata
