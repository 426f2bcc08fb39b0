#pragma once

#include "calendar/caldavxml.h"
#include "result.h"
#include "time/interval.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <memory>
#include <utility>
#include <variant>

class QNetworkAccessManager;

namespace fermata {

// Why a CalDAV request failed, for callers that act differently on each.
enum class CalDavFailure {
    None,
    Network, // no connection, refused, TLS failed, or no answer in time: try later
    Authentication, // 401: wrong user name or (app) password: ask the person
    Forbidden, // 403: this user may not do that (a read-only calendar)
    NotFound, // 404 / 410: the resource or collection is not there
    PreconditionFailed, // 412: If-Match / If-None-Match refused: someone changed it, or it exists
    Conflict, // 409: e.g. another resource in the calendar has the same UID
    InvalidSyncToken, // the server no longer knows the sync token: do a full query instead
    Server, // any other HTTP status (see httpStatus)
    BadResponse, // the answer is not the WebDAV/CalDAV it should be
    InvalidRequest, // not an http(s) address, or no calendar home known yet
};

// One failed request: its kind, the HTTP status (0 when no answer came) and a sentence for
// people, already naming what was being done.
struct CalDavError
{
    CalDavFailure kind = CalDavFailure::Server;
    int httpStatus = 0;
    QString message;

    // For code that only knows Error: Io for Network and Server, Denied for Authentication and
    // Forbidden, NotFound, and Invalid for the rest. `kind` stays precise.
    Error toError() const;
    bool operator==(const CalDavError &) const = default;
};

// The project's Result<T> (so it passes wherever one is expected) plus the CalDAV failure kind
// and HTTP status, which Error::Code cannot express.
template<typename T> class [[nodiscard]] CalDavResult : public Result<T>
{
public:
    CalDavResult(T value)
        : Result<T>(std::move(value))
    { }
    CalDavResult(CalDavError error)
        : Result<T>(error.toError())
        , m_failure(std::move(error))
    { }

    CalDavFailure failureKind() const { return this->isOk() ? CalDavFailure::None : m_failure.kind; }
    int httpStatus() const { return m_failure.httpStatus; }
    // The failure as it came (only meaningful when !isOk()), to pass on to another CalDavResult.
    const CalDavError &caldavError() const { return m_failure; }

private:
    CalDavError m_failure;
};

using CalDavStatus = CalDavResult<std::monostate>;

// Where discovery found the user's calendars (full URLs: redirects may lead to another host).
struct CalDavDiscovery
{
    QUrl principalUrl; // empty when the server has no current-user-principal
    QUrl calendarHomeUrl; // calendar-home-set, or the address given when it is a plain collection

    bool operator==(const CalDavDiscovery &) const = default;
};

// A blocking CalDAV client (RFC 4791, RFC 6764 discovery, RFC 6578 sync) for a worker thread
// or a command-line process: each call runs its own local event loop until the answer or the
// timeout. HTTP Basic authentication with a user and an (app) password given by the caller.
//
// Hrefs are canonical strings (see caldavxml.h) relative to the calendar home's server, which
// discover() or setCalendarHome() sets. ETags are passed back exactly as the server sent them.
// Not thread-safe: use a client on one thread only (its network manager is made on the thread of
// the first request). Credentials go with every request, also to where discovery redirects.
class CalDavClient final
{
public:
    static constexpr int defaultTimeoutMs = 20000;

    CalDavClient(QString user, QString password);
    ~CalDavClient();
    Q_DISABLE_COPY_MOVE(CalDavClient)

    // No complete answer within this long fails the request as Network.
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    int timeoutMs() const { return m_timeoutMs; }
    const QString &user() const { return m_user; }

    // The home stored from an earlier discover(), to skip discovery on the next run.
    void setCalendarHome(const QUrl &home);
    QUrl calendarHome() const { return m_home; }
    // The full URL of an href on the calendar home's server.
    QUrl urlFor(const QString &href) const;

    // Finds the calendar home from a server address (tries /.well-known/caldav first when the
    // address has no path), a principal URL or a calendar home, following redirects; remembers it.
    CalDavResult<CalDavDiscovery> discover(const QUrl &url);
    // The VEVENT-capable calendars in the calendar home (PROPFIND Depth 1).
    CalDavResult<QList<CalDavCalendar>> listCalendars();

    // VEVENT resources overlapping `range` (an empty range: all of them), calendar-query.
    CalDavResult<QList<CalDavResource>> queryEvents(const QString &calendarHref, const Interval &range,
        caldavxml::Content content = caldavxml::Content::WithData);
    // What changed since `syncToken` (empty: everything, as the first sync). A token the server
    // no longer accepts fails as InvalidSyncToken: fall back to queryEvents().
    CalDavResult<CalDavChanges> syncCollection(const QString &calendarHref, const QString &syncToken);
    // The data and ETags of `hrefs` (calendar-multiget, in batches). Hrefs the server no longer
    // has are left out: the caller treats them as removed.
    CalDavResult<QList<CalDavResource>> multiget(const QString &calendarHref, const QStringList &hrefs);

    // Writes one event. `nameOrHref`: a new resource name in the calendar ("<uid>.ics", not
    // encoded) or an existing href. With `ifMatchEtag` the write happens only if the resource
    // still has that ETag; without, only if nothing exists there yet (If-None-Match: *). Either
    // refusal fails as PreconditionFailed. Returns the href and the new ETag (asked for
    // separately when the PUT answer carries none or a weak one); data stays empty.
    CalDavResult<CalDavResource> putEvent(const QString &calendarHref, const QString &nameOrHref,
        const QByteArray &ics, const QString &ifMatchEtag = {});
    // Deletes an event if it still has `ifMatchEtag` (empty: whatever is there).
    CalDavStatus deleteEvent(const QString &href, const QString &ifMatchEtag);
    // One event's bytes (as stored) and ETag.
    CalDavResult<CalDavResource> getEvent(const QString &href);
    // One resource's current ETag (PROPFIND getetag).
    CalDavResult<QString> etag(const QString &href);

private:
    struct Request;
    struct Reply;
    Reply send(const Request &request);
    // send(), following up to a few redirects (discovery only: RFC 6764 says so).
    Reply sendFollowingRedirects(Request request);
    // Sends a request whose answer must be a 207 multistatus, and parses it.
    CalDavResult<caldavxml::Multistatus> multistatus(const Request &request, const QString &what);
    CalDavResult<CalDavDiscovery> discoverAt(const QUrl &url);
    CalDavError failure(const Reply &reply, const QString &what) const;
    CalDavError invalid(const QString &message) const;
    CalDavError badResponse(const QString &what, const QString &detail) const;
    QNetworkAccessManager &network();

    QString m_user;
    QString m_password;
    QUrl m_home;
    int m_timeoutMs = defaultTimeoutMs;
    std::unique_ptr<QNetworkAccessManager> m_network;
};

} // namespace fermata
