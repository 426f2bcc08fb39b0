#pragma once

#include "result.h"
#include "time/interval.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

class QDebug;

namespace fermata {

// Hrefs throughout CalDAV code are canonical strings: a path ("/alice/work/a%40b.ics") when the
// resource is on the server that was asked, a full URL when a server points elsewhere. Every
// path segment is percent-encoded the same way whatever the server sent ("@" or "%40", "%7e"
// or "~"), so an href from a REPORT compares equal to the one a PUT went to.

// A calendar collection in a CalDAV home (RFC 4791, with Apple's colour and CalendarServer's
// ctag). Only collections that can hold VEVENTs are listed as calendars.
struct CalDavCalendar
{
    QString href; // canonical, ends with '/'
    QString displayName; // may be empty: show the last path segment instead
    QString color; // "#rrggbb" (alpha dropped), empty when the server has none
    QStringList components; // VEVENT, VTODO...; empty: the server did not say, so all
    QString ctag; // CalendarServer getctag: changes whenever anything inside does
    QString syncToken; // RFC 6578; empty when the server does not support sync-collection
    bool isWritable = true; // current-user-privilege-set grants writing (true when not reported)

    bool supportsEvents() const;
    bool operator==(const CalDavCalendar &) const = default;
};

// One calendar object resource: where it is, its ETag, and its iCalendar bytes (with CRLF line
// ends; empty when only the ETag was asked for). The ETag is kept as the server sent it,
// quotes included, because If-Match must repeat it byte for byte.
struct CalDavResource
{
    QString href;
    QString etag; // empty when the server left it out
    QByteArray data;

    bool operator==(const CalDavResource &) const = default;
};

// What changed in a calendar since a sync token (RFC 6578 sync-collection).
struct CalDavChanges
{
    QString syncToken; // pass it to the next syncCollection()
    QList<CalDavResource> changed; // new or modified: href and ETag, no data (multiget them)
    QStringList removed; // hrefs deleted on the server
    bool isTruncated = false; // 507 on the collection: ask again with syncToken for more

    bool operator==(const CalDavChanges &) const = default;
};

QDebug operator<<(QDebug debug, const CalDavCalendar &calendar);
QDebug operator<<(QDebug debug, const CalDavResource &resource);
QDebug operator<<(QDebug debug, const CalDavChanges &changes);

// Request bodies and multistatus parsing for CalDAV, with QXmlStreamReader and
// QXmlStreamWriter. Pure functions: no network, so they are tested on hand-written answers.
namespace caldavxml {

// --- Hrefs ---------------------------------------------------------------------------------

// `href` as the server wrote it (relative, path-absolute or a full URL; encoded or not),
// resolved against the URL the request went to and made canonical (see above).
QString resolveHref(const QUrl &requestUrl, const QString &href);
// A path with every segment percent-encoded the same way; encoded slashes stay encoded.
QString canonicalPath(const QString &path);
// The href of a resource called `name` (not encoded, e.g. "uid@host.ics") in a collection.
QString memberHref(const QString &collectionHref, const QString &name);
// The collection href with exactly one trailing '/'.
QString collectionHref(const QString &href);

// --- Request bodies ------------------------------------------------------------------------

// PROPFIND Depth 0 for discovery: current-user-principal, calendar-home-set, resourcetype.
QByteArray discoveryPropfind();
// PROPFIND Depth 1 on a calendar home: what CalDavCalendar holds, plus resourcetype.
QByteArray calendarListPropfind();
// PROPFIND Depth 0 for one resource's getetag.
QByteArray etagPropfind();
// calendar-query REPORT for VEVENTs overlapping `range` (an empty range: every VEVENT).
enum class Content { EtagsOnly, WithData };
QByteArray calendarQuery(const Interval &range, Content content);
// sync-collection REPORT (RFC 6578), sync-level 1; an empty token asks for everything.
QByteArray syncCollection(const QString &syncToken);
// calendar-multiget REPORT for the ETags and data of `hrefs`.
QByteArray calendarMultiget(const QStringList &hrefs);
// "20240110T100000Z", the UTC form time-range wants.
QString utcStamp(const QDateTime &time);

// --- Responses -----------------------------------------------------------------------------

// A property as read from a successful propstat: its own text, the hrefs inside it (resolved,
// canonical), the Clark names ("{DAV:}write") of every element inside it, and the name
// attribute of each CalDAV comp element (supported-calendar-component-set).
struct DavProperty
{
    QString text;
    QStringList hrefs;
    QStringList elements;
    QStringList componentNames;
};

// One <response>: its href(s), its own status when it carries one instead of propstats (404 for
// a removed member in sync-collection), the properties found, and the status of those not.
struct DavResponse
{
    QStringList hrefs;
    int status = 0;
    QHash<QString, DavProperty> properties; // by Clark name, e.g. "{DAV:}getetag"
    QHash<QString, int> failedProperties; // Clark name -> propstat status (404, 403...)

    QString href() const { return hrefs.value(0); }
    const DavProperty *property(const QString &clarkName) const;
    bool isGone() const; // 404 or 410 as the response status, or for every property asked
};

struct Multistatus
{
    QList<DavResponse> responses;
    QString syncToken; // top-level sync-token of a sync-collection answer
};

// Reads a 207 Multi-Status body; hrefs resolve against `requestUrl`. Invalid when the body is
// not XML or not a DAV:multistatus.
Result<Multistatus> parseMultistatus(const QByteArray &xml, const QUrl &requestUrl);
// The Clark names of the conditions in a DAV:error body ("{DAV:}valid-sync-token"); empty
// when the body is not one.
QStringList errorConditions(const QByteArray &xml);

// Typed readings of a parsed multistatus.
// The first href inside property `clarkName` of the response for `href` (or of the only one).
QString hrefProperty(const Multistatus &multistatus, const QString &href, const QString &clarkName);
// The trimmed text of property `clarkName` of the response for `href` (or of the only one).
QString textProperty(const Multistatus &multistatus, const QString &href, const QString &clarkName);
// Whether the response for `href` has a resourcetype containing `clarkName`.
bool hasResourceType(const Multistatus &multistatus, const QString &href, const QString &clarkName);
// The VEVENT-capable calendar collections, the home itself left out.
QList<CalDavCalendar> calendars(const Multistatus &multistatus);
// Resources with their ETag and (if present) data; the collection itself and gone ones left out.
QList<CalDavResource> resources(const Multistatus &multistatus, const QString &collectionHref);
// Hrefs answered as gone (404/410), e.g. in a multiget.
QStringList goneHrefs(const Multistatus &multistatus);
// A sync-collection answer for `collectionHref`.
CalDavChanges changes(const Multistatus &multistatus, const QString &collectionHref);

// Clark names used by callers.
QString clark(QStringView ns, QStringView name);
inline constexpr QStringView davNs = u"DAV:";
inline constexpr QStringView caldavNs = u"urn:ietf:params:xml:ns:caldav";
inline constexpr QStringView appleIcalNs = u"http://apple.com/ns/ical/";
inline constexpr QStringView calendarServerNs = u"http://calendarserver.org/ns/";

} // namespace caldavxml
} // namespace fermata
