#include "calendar/caldavclient.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

namespace {

// Messages people read, filed under the calendar context of the core's translations.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(fermata::Calendar)
};

} // namespace

namespace fermata {

using namespace caldavxml;

Error CalDavError::toError() const
{
    switch (kind) {
    case CalDavFailure::Network:
    case CalDavFailure::Server:
        return Error { Error::Code::Io, message };
    case CalDavFailure::Authentication:
    case CalDavFailure::Forbidden:
        return Error { Error::Code::Denied, message };
    case CalDavFailure::NotFound:
        return Error { Error::Code::NotFound, message };
    case CalDavFailure::None:
    case CalDavFailure::PreconditionFailed:
    case CalDavFailure::Conflict:
    case CalDavFailure::InvalidSyncToken:
    case CalDavFailure::BadResponse:
    case CalDavFailure::InvalidRequest:
        break;
    }
    return Error { Error::Code::Invalid, message };
}

struct CalDavClient::Request
{
    QByteArray verb;
    QUrl url;
    QByteArray body;
    QList<std::pair<QByteArray, QByteArray>> headers; // Depth, If-Match...
    QByteArray contentType = QByteArrayLiteral("application/xml; charset=utf-8");
};

// What came back: a status of 0 means no HTTP answer (refused, timed out, broken).
struct CalDavClient::Reply
{
    QUrl url; // where the request went (after redirects, where it ended)
    int status = 0;
    QString reason;
    QByteArray body;
    QByteArray etag;
    QUrl location;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    bool timedOut = false;
    bool hasNoServer = false; // a bare href before any calendar home was known

    bool isSuccess() const { return status >= 200 && status < 300; }
};

namespace {

constexpr int maxRedirects = 5;
constexpr qsizetype multigetBatch = 100;

QString hostOf(const QUrl &url)
{
    return url.port() > 0 ? QStringLiteral("%1:%2").arg(url.host()).arg(url.port()) : url.host();
}

// A full URL for an href on the server of `base` (hrefs elsewhere are already full URLs).
QUrl hrefUrl(const QUrl &base, const QString &href)
{
    if (!href.startsWith(u'/'))
        return QUrl(href, QUrl::StrictMode);
    QUrl url = base;
    url.setPath(href, QUrl::StrictMode);
    url.setQuery(QString());
    url.setFragment(QString());
    return url;
}

// Qt's errorString() repeats the address: word the reason ourselves.
QString networkReason(const QUrl &url, QNetworkReply::NetworkError error, bool timedOut, int timeoutMs)
{
    const QString host = hostOf(url);
    if (timedOut)
        return Text::tr("no answer from %1 within %2 s").arg(host).arg(qMax(1, timeoutMs / 1000));
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
        return Text::tr("%1 refused the connection (is the server running?)").arg(host);
    case QNetworkReply::RemoteHostClosedError:
        return Text::tr("%1 closed the connection").arg(host);
    case QNetworkReply::HostNotFoundError:
        return Text::tr("the server %1 was not found").arg(host);
    case QNetworkReply::TimeoutError:
        return Text::tr("no answer from %1").arg(host);
    case QNetworkReply::SslHandshakeFailedError:
        return Text::tr("the secure connection to %1 failed").arg(host);
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::TemporaryNetworkFailureError:
        return Text::tr("the network is down");
    default:
        return Text::tr("%1 could not be reached (network error %2)").arg(host).arg(int(error));
    }
}

bool isRedirect(int status)
{
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

} // namespace

CalDavClient::CalDavClient(QString user, QString password)
    : m_user(std::move(user))
    , m_password(std::move(password))
{ }

CalDavClient::~CalDavClient() = default;

QNetworkAccessManager &CalDavClient::network()
{
    // Made on first use, so a client built on one thread may work on another.
    if (!m_network)
        m_network = std::make_unique<QNetworkAccessManager>();
    return *m_network;
}

void CalDavClient::setCalendarHome(const QUrl &home)
{
    m_home = home;
    m_home.setPath(collectionHref(canonicalPath(home.path(QUrl::FullyEncoded))), QUrl::StrictMode);
}

QUrl CalDavClient::urlFor(const QString &href) const
{
    return hrefUrl(m_home, href);
}

// --- HTTP ----------------------------------------------------------------------------------

CalDavClient::Reply CalDavClient::send(const Request &request)
{
    Reply result;
    result.url = request.url;
    if (request.url.host().isEmpty()) {
        result.hasNoServer = true;
        return result;
    }
    QNetworkRequest http(request.url);
    http.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    http.setHeader(QNetworkRequest::UserAgentHeader, QByteArrayLiteral("Fermata"));
    // Preemptive Basic: one round trip, and Qt's credential cache never answers for us.
    http.setRawHeader("Authorization", "Basic " + (m_user + u':' + m_password).toUtf8().toBase64());
    if (!request.body.isEmpty())
        http.setHeader(QNetworkRequest::ContentTypeHeader, request.contentType);
    for (const auto &[name, value] : request.headers)
        http.setRawHeader(name, value);

    std::unique_ptr<QNetworkReply> reply(network().sendCustomRequest(http, request.verb, request.body));
    bool timedOut = false;
    QEventLoop loop;
    QTimer deadline;
    deadline.setSingleShot(true);
    QObject::connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QObject::connect(&deadline, &QTimer::timeout, &loop, [&] {
        timedOut = true;
        reply->abort();
    });
    deadline.start(m_timeoutMs);
    if (!reply->isFinished())
        loop.exec(QEventLoop::ExcludeUserInputEvents);

    result.error = reply->error();
    result.timedOut = timedOut;
    // Codes below 100 are the transport's: whatever status came, the answer is incomplete.
    const bool transportFailed = timedOut || (result.error > QNetworkReply::NoError && result.error < 100);
    if (transportFailed)
        return result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.reason = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
    result.body = reply->readAll();
    result.etag = reply->rawHeader("ETag");
    result.location = reply->attribute(QNetworkRequest::RedirectionTargetAttribute).toUrl();
    return result;
}

CalDavClient::Reply CalDavClient::sendFollowingRedirects(Request request)
{
    Reply reply = send(request);
    for (int hop = 0; hop < maxRedirects && isRedirect(reply.status) && reply.location.isValid(); ++hop) {
        const QUrl target = request.url.resolved(reply.location);
        // Never from https to plain http: the password would travel in the clear.
        if (request.url.scheme() == u"https" && target.scheme() != u"https")
            break;
        request.url = target;
        reply = send(request);
    }
    return reply;
}

CalDavError CalDavClient::failure(const Reply &reply, const QString &what) const
{
    const auto error = [&](CalDavFailure kind, const QString &why) {
        return CalDavError { kind, reply.status, Text::tr("Could not %1: %2.").arg(what, why) };
    };
    if (reply.hasNoServer)
        return invalid(
            Text::tr("Could not %1: no calendar server is known yet; find the calendars first.")
                .arg(what));
    if (reply.status == 0)
        return error(
            CalDavFailure::Network, networkReason(reply.url, reply.error, reply.timedOut, m_timeoutMs));
    const QStringList conditions = errorConditions(reply.body);
    if (conditions.contains(clark(davNs, u"valid-sync-token"))) {
        // Radicale answers 403, SabreDAV 403 or 409 (RFC 6578 3.2).
        return error(CalDavFailure::InvalidSyncToken,
            Text::tr("the server no longer knows where the last sync stopped, so every "
                     "event has to be read again"));
    }
    switch (reply.status) {
    case 401:
        return CalDavError {
            CalDavFailure::Authentication, 401,
            Text::tr("The server refused user '%1': check the user name and app password.").arg(m_user)
        };
    case 403:
        return error(CalDavFailure::Forbidden,
            Text::tr("the server does not allow user '%1' to do this").arg(m_user));
    case 404:
    case 410:
        return error(
            CalDavFailure::NotFound, Text::tr("the server has nothing at %1").arg(reply.url.path()));
    case 409:
        return error(CalDavFailure::Conflict,
            conditions.contains(clark(caldavNs, u"no-uid-conflict"))
                ? Text::tr("another event in this calendar already has the same UID")
                : Text::tr("the server refused it as conflicting with what it holds"));
    case 412:
        return error(CalDavFailure::PreconditionFailed,
            Text::tr("someone changed it on the server since it was last read"));
    default:
        break;
    }
    if (isRedirect(reply.status)) {
        return error(CalDavFailure::Server,
            Text::tr("the server sent it on to %1, which was not followed")
                .arg(reply.location.toDisplayString(QUrl::RemoveUserInfo)));
    }
    return error(CalDavFailure::Server,
        Text::tr("the server answered %1 %2").arg(reply.status).arg(reply.reason).trimmed());
}

CalDavError CalDavClient::invalid(const QString &message) const
{
    return CalDavError { CalDavFailure::InvalidRequest, 0, message };
}

CalDavError CalDavClient::badResponse(const QString &what, const QString &detail) const
{
    return CalDavError { CalDavFailure::BadResponse, 0,
        Text::tr("Could not %1: the server's answer is not valid CalDAV (%2).").arg(what, detail) };
}

CalDavResult<Multistatus> CalDavClient::multistatus(const Request &request, const QString &what)
{
    const Reply reply = send(request);
    if (reply.status != 207)
        return failure(reply, what);
    Result<Multistatus> parsed = parseMultistatus(reply.body, reply.url);
    if (!parsed)
        return badResponse(what, parsed.error().message);
    return std::move(parsed).value();
}

// --- Discovery -----------------------------------------------------------------------------

CalDavResult<CalDavDiscovery> CalDavClient::discover(const QUrl &url)
{
    if (!url.isValid() || url.host().isEmpty() || (url.scheme() != u"https" && url.scheme() != u"http")) {
        return invalid(
            Text::tr("%1 is not a calendar server address: use an https:// (or http://) link.")
                .arg(url.toDisplayString(QUrl::RemoveUserInfo)));
    }
    // RFC 6764 5: a bare host is asked at /.well-known/caldav first; many servers also answer
    // on the root itself, which is the fallback.
    if (url.path().isEmpty() || url.path() == u"/") {
        QUrl wellKnown = url;
        wellKnown.setPath(QStringLiteral("/.well-known/caldav"));
        CalDavResult<CalDavDiscovery> found = discoverAt(wellKnown);
        const CalDavFailure kind = found.failureKind();
        if (kind == CalDavFailure::None || kind == CalDavFailure::Network
            || kind == CalDavFailure::Authentication) {
            if (found)
                m_home = found->calendarHomeUrl;
            return found;
        }
    }
    CalDavResult<CalDavDiscovery> found = discoverAt(url);
    if (found)
        m_home = found->calendarHomeUrl;
    return found;
}

CalDavResult<CalDavDiscovery> CalDavClient::discoverAt(const QUrl &url)
{
    const QString what = Text::tr("find the calendars");
    const Request request { "PROPFIND", url, discoveryPropfind(), { { "Depth", "0" } } };
    const Reply reply = sendFollowingRedirects(request);
    if (reply.status != 207)
        return failure(reply, what);
    Result<Multistatus> answer = parseMultistatus(reply.body, reply.url);
    if (!answer)
        return badResponse(what, answer.error().message);
    const QString self = resolveHref(reply.url, reply.url.path(QUrl::FullyEncoded));
    const QString principal = hrefProperty(*answer, self, clark(davNs, u"current-user-principal"));
    QString home = hrefProperty(*answer, self, clark(caldavNs, u"calendar-home-set"));
    CalDavDiscovery discovery;
    QUrl base = reply.url;
    if (!principal.isEmpty()) {
        discovery.principalUrl = hrefUrl(reply.url, principal);
        if (home.isEmpty()) {
            const Request ask { "PROPFIND", discovery.principalUrl, discoveryPropfind(),
                { { "Depth", "0" } } };
            const Reply principalReply = sendFollowingRedirects(ask);
            if (principalReply.status != 207)
                return failure(principalReply, what);
            Result<Multistatus> principalAnswer = parseMultistatus(principalReply.body, principalReply.url);
            if (principalAnswer)
                home = hrefProperty(*principalAnswer, principal, clark(caldavNs, u"calendar-home-set"));
            base = principalReply.url;
        }
    } else if (home.isEmpty() && hasResourceType(*answer, self, clark(davNs, u"collection"))) {
        // No principals (old or minimal servers): the address itself holds the calendars.
        home = self;
    }
    if (home.isEmpty())
        return badResponse(what, Text::tr("%1 names no calendar home").arg(hostOf(reply.url)));
    discovery.calendarHomeUrl = hrefUrl(base, collectionHref(home));
    return discovery;
}

CalDavResult<QList<CalDavCalendar>> CalDavClient::listCalendars()
{
    if (!m_home.isValid())
        return invalid(Text::tr("No calendar home is known yet: find the calendars first."));
    const Request request { "PROPFIND", m_home, calendarListPropfind(), { { "Depth", "1" } } };
    CalDavResult<Multistatus> answer = multistatus(request, Text::tr("list the calendars"));
    if (!answer)
        return answer.caldavError();
    return calendars(*answer);
}

// --- Reading events ------------------------------------------------------------------------

CalDavResult<QList<CalDavResource>> CalDavClient::queryEvents(
    const QString &calendarHref, const Interval &range, Content content)
{
    const QString calendar = collectionHref(resolveHref(m_home, calendarHref));
    const Request request { "REPORT", urlFor(calendar), calendarQuery(range, content), { { "Depth", "1" } } };
    CalDavResult<Multistatus> answer = multistatus(request, Text::tr("read the calendar's events"));
    if (!answer)
        return answer.caldavError();
    return resources(*answer, calendar);
}

CalDavResult<CalDavChanges> CalDavClient::syncCollection(
    const QString &calendarHref, const QString &syncToken)
{
    const QString calendar = collectionHref(resolveHref(m_home, calendarHref));
    // RFC 6578 3.2: no Depth header, sync-level says it.
    const Request request { "REPORT", urlFor(calendar), caldavxml::syncCollection(syncToken), {} };
    const QString what = Text::tr("sync the calendar");
    CalDavResult<Multistatus> answer = multistatus(request, what);
    if (!answer)
        return answer.caldavError();
    CalDavChanges result = changes(*answer, calendar);
    if (result.syncToken.isEmpty())
        return badResponse(what, Text::tr("it sent no new sync token"));
    return result;
}

CalDavResult<QList<CalDavResource>> CalDavClient::multiget(
    const QString &calendarHref, const QStringList &hrefs)
{
    const QString calendar = collectionHref(resolveHref(m_home, calendarHref));
    QList<CalDavResource> found;
    for (qsizetype first = 0; first < hrefs.size(); first += multigetBatch) {
        const Request request { "REPORT", urlFor(calendar), calendarMultiget(hrefs.mid(first, multigetBatch)),
            { { "Depth", "1" } } };
        CalDavResult<Multistatus> answer = multistatus(request, Text::tr("read the changed events"));
        if (!answer)
            return answer.caldavError();
        found += resources(*answer, calendar);
    }
    return found;
}

CalDavResult<CalDavResource> CalDavClient::getEvent(const QString &href)
{
    const QString canonical = resolveHref(m_home, href);
    const Reply reply = send(Request { "GET", urlFor(canonical), {}, { { "Accept", "text/calendar" } } });
    if (reply.status != 200)
        return failure(reply, Text::tr("read the event"));
    return CalDavResource { canonical, QString::fromUtf8(reply.etag), reply.body };
}

CalDavResult<QString> CalDavClient::etag(const QString &href)
{
    const QString canonical = resolveHref(m_home, href);
    const QString what = Text::tr("read the event's version");
    const Request request { "PROPFIND", urlFor(canonical), etagPropfind(), { { "Depth", "0" } } };
    CalDavResult<Multistatus> answer = multistatus(request, what);
    if (!answer)
        return answer.caldavError();
    const QString found = textProperty(*answer, canonical, clark(davNs, u"getetag"));
    if (found.isEmpty())
        return badResponse(what, Text::tr("it reported no ETag"));
    return found;
}

// --- Writing events ------------------------------------------------------------------------

CalDavResult<CalDavResource> CalDavClient::putEvent(
    const QString &calendarHref, const QString &nameOrHref, const QByteArray &ics, const QString &ifMatchEtag)
{
    // A name never holds '/': anything that does is an href.
    const QString href = nameOrHref.contains(u'/')
        ? resolveHref(m_home, nameOrHref)
        : memberHref(resolveHref(m_home, calendarHref), nameOrHref);
    const bool create = ifMatchEtag.isEmpty();
    Request request { "PUT", urlFor(href), ics, {}, QByteArrayLiteral("text/calendar; charset=utf-8") };
    request.headers.append(create ? std::pair { QByteArray("If-None-Match"), QByteArray("*") }
                                  : std::pair { QByteArray("If-Match"), ifMatchEtag.toUtf8() });
    const Reply reply = send(request);
    if (!reply.isSuccess()) {
        CalDavError error
            = failure(reply, create ? Text::tr("create the event") : Text::tr("save the event"));
        if (create && error.kind == CalDavFailure::PreconditionFailed)
            error.message
                = Text::tr("Could not create the event: the server already has one at %1.").arg(href);
        return error;
    }
    // A server that changed what it stored sends a weak ETag or none (RFC 4791 5.3.4): ask.
    QString newEtag = QString::fromUtf8(reply.etag);
    if (newEtag.isEmpty() || newEtag.startsWith(u"W/")) {
        CalDavResult<QString> fetched = etag(href);
        if (!fetched)
            return fetched.caldavError();
        newEtag = *fetched;
    }
    return CalDavResource { href, newEtag, {} };
}

CalDavStatus CalDavClient::deleteEvent(const QString &href, const QString &ifMatchEtag)
{
    Request request { "DELETE", urlFor(resolveHref(m_home, href)), {}, {} };
    if (!ifMatchEtag.isEmpty())
        request.headers.append({ QByteArray("If-Match"), ifMatchEtag.toUtf8() });
    const Reply reply = send(request);
    if (!reply.isSuccess())
        return failure(reply, Text::tr("delete the event"));
    return std::monostate {};
}

} // namespace fermata
