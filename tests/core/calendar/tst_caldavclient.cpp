// CalDAV: caldavxml on hand-written answers in the shapes Radicale, Nextcloud (SabreDAV) and
// Google send (relative and absolute hrefs, percent-encoding, missing ETags), and CalDavClient
// against a real Radicale (tests/support/radicaleserver.h): discovery, calendars, writes with
// ETag preconditions, time-range queries, sync-collection, and each failure a caller acts on.
#include "calendar/caldavclient.h"
#include "calendar/caldavxml.h"
#include "radicaleserver.h"
#include "testsupport.h"

#include <QElapsedTimer>
#include <QMap>
#include <QTest>
#include <QTimeZone>
#include <QXmlStreamReader>

#include <memory>

using namespace fermata;
using namespace fermata::caldavxml;

namespace {

const QString alice = QStringLiteral("alice");
const QString alicePassword = QStringLiteral("alice-app-password");

QDateTime utc(int day, int hour, int minute = 0)
{
    return QDateTime(QDate(2024, 1, day), QTime(hour, minute), QTimeZone::utc());
}

QByteArray icsEvent(const QString &uid, int day, int hour, const QString &summary = QStringLiteral("Meeting"))
{
    return test::RadicaleServer::icsEvent(uid, utc(day, hour), utc(day, hour + 1), summary);
}

QStringList hrefsOf(const QList<CalDavResource> &resources)
{
    QStringList hrefs;
    for (const CalDavResource &resource : resources)
        hrefs.append(resource.href);
    hrefs.sort();
    return hrefs;
}

// The failure's message for QVERIFY2 (error() may only be read on a failure).
template<typename R> const char *why(const R &result)
{
    static QByteArray text;
    text = result.isOk() ? QByteArray() : result.error().message.toUtf8();
    return text.constData();
}

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

// Nextcloud's answer to PROPFIND Depth 1 on a calendar home: the home, two calendars (one with
// an unencoded '@' in its href, one relative), a task list, a read-only shared calendar, the
// scheduling inbox and the trash bin.
const QByteArray nextcloudHome = R"(<?xml version="1.0"?>
<d:multistatus xmlns:d="DAV:" xmlns:s="http://sabredav.org/ns" xmlns:cal="urn:ietf:params:xml:ns:caldav" xmlns:cs="http://calendarserver.org/ns/" xmlns:oc="http://owncloud.org/ns" xmlns:nc="http://nextcloud.org/ns">
 <d:response>
  <d:href>/remote.php/dav/calendars/jane%40example.com/</d:href>
  <d:propstat><d:prop><d:resourcetype><d:collection/></d:resourcetype></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat>
  <d:propstat><d:prop><d:displayname/><x1:calendar-color xmlns:x1="http://apple.com/ns/ical/"/><cs:getctag/></d:prop><d:status>HTTP/1.1 404 Not Found</d:status></d:propstat>
 </d:response>
 <d:response>
  <d:href>/remote.php/dav/calendars/jane@example.com/personal/</d:href>
  <d:propstat>
   <d:prop>
    <d:resourcetype><d:collection/><cal:calendar/></d:resourcetype>
    <d:displayname>Personal</d:displayname>
    <x1:calendar-color xmlns:x1="http://apple.com/ns/ical/">#0082C9FF</x1:calendar-color>
    <cal:supported-calendar-component-set><cal:comp name="VEVENT"/><cal:comp name="VTODO"/></cal:supported-calendar-component-set>
    <cs:getctag>http://sabre.io/ns/sync/42</cs:getctag>
    <d:sync-token>http://sabre.io/ns/sync/42</d:sync-token>
    <d:current-user-privilege-set>
     <d:privilege><d:write/></d:privilege><d:privilege><d:write-properties/></d:privilege>
     <d:privilege><d:write-content/></d:privilege><d:privilege><d:bind/></d:privilege>
     <d:privilege><d:unbind/></d:privilege><d:privilege><d:read/></d:privilege>
     <d:privilege><cal:read-free-busy/></d:privilege>
    </d:current-user-privilege-set>
   </d:prop>
   <d:status>HTTP/1.1 200 OK</d:status>
  </d:propstat>
 </d:response>
 <d:response>
  <d:href>tasks/</d:href>
  <d:propstat><d:prop>
    <d:resourcetype><d:collection/><cal:calendar/></d:resourcetype><d:displayname>Tasks</d:displayname>
    <cal:supported-calendar-component-set><cal:comp name="VTODO"/></cal:supported-calendar-component-set>
  </d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat>
 </d:response>
 <d:response>
  <d:href>team%20meetings_shared_by_bob/</d:href>
  <d:propstat><d:prop>
    <d:resourcetype><d:collection/><cal:calendar/><cs:shared/></d:resourcetype>
    <d:displayname>Team meetings (Bob)</d:displayname>
    <x1:calendar-color xmlns:x1="http://apple.com/ns/ical/">#E9D</x1:calendar-color>
    <cal:supported-calendar-component-set><cal:comp name="VEVENT"/></cal:supported-calendar-component-set>
    <d:sync-token>http://sabre.io/ns/sync/7</d:sync-token>
    <d:current-user-privilege-set><d:privilege><d:read/></d:privilege><d:privilege><cal:read-free-busy/></d:privilege></d:current-user-privilege-set>
  </d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat>
 </d:response>
 <d:response>
  <d:href>/remote.php/dav/calendars/jane%40example.com/inbox/</d:href>
  <d:propstat><d:prop><d:resourcetype><d:collection/><cal:schedule-inbox/></d:resourcetype></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat>
 </d:response>
 <d:response>
  <d:href>/remote.php/dav/calendars/jane%40example.com/trashbin/</d:href>
  <d:propstat><d:prop><d:resourcetype><d:collection/><nc:trash-bin/></d:resourcetype></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat>
 </d:response>
</d:multistatus>
)";

const QUrl nextcloudHomeUrl(
    QStringLiteral("https://cloud.example.com/remote.php/dav/calendars/jane%40example.com/"));

// Google's answer to a calendar-query: upper-case D: prefix, status before prop, LF line ends,
// one absolute href and CDATA data without an ETag (its getetag in a 404 propstat).
const QByteArray googleQuery = R"(<?xml version="1.0" encoding="UTF-8"?>
<D:multistatus xmlns:D="DAV:" xmlns:caldav="urn:ietf:params:xml:ns:caldav" xmlns:cs="http://calendarserver.org/ns/" xmlns:ical="http://apple.com/ns/ical/">
<D:response>
<D:href>/caldav/v2/jane%40gmail.com/events/7kfq2b6s0j3n%40google.com.ics</D:href>
<D:propstat>
<D:status>HTTP/1.1 200 OK</D:status>
<D:prop>
<D:getetag>"63843290123"</D:getetag>
<caldav:calendar-data>BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Google Inc//Google Calendar 70.9054//EN
BEGIN:VEVENT
DTSTART:20240110T100000Z
DTEND:20240110T110000Z
UID:7kfq2b6s0j3n@google.com
SUMMARY:Design review &amp; lunch
END:VEVENT
END:VCALENDAR
</caldav:calendar-data>
</D:prop>
</D:propstat>
</D:response>
<D:response>
<D:href>https://apidata.googleusercontent.com/caldav/v2/jane%40gmail.com/events/second%7e1.ics</D:href>
<D:propstat>
<D:status>HTTP/1.1 200 OK</D:status>
<D:prop><caldav:calendar-data><![CDATA[BEGIN:VCALENDAR
BEGIN:VEVENT
UID:second
END:VEVENT
END:VCALENDAR]]></caldav:calendar-data></D:prop>
</D:propstat>
<D:propstat><D:status>HTTP/1.1 404 Not Found</D:status><D:prop><D:getetag/></D:prop></D:propstat>
</D:response>
</D:multistatus>
)";

const QUrl googleEventsUrl(
    QStringLiteral("https://apidata.googleusercontent.com/caldav/v2/jane%40gmail.com/events/"));

// SabreDAV's sync-collection answer: a change, a removal as a response status, a removal in a
// 404 propstat with a relative href, and the new token after the responses.
const QByteArray sabreSync = R"(<?xml version="1.0"?>
<d:multistatus xmlns:d="DAV:" xmlns:s="http://sabredav.org/ns" xmlns:cal="urn:ietf:params:xml:ns:caldav">
 <d:response>
  <d:href>/remote.php/dav/calendars/jane%40example.com/personal/new%20event.ics</d:href>
  <d:propstat><d:prop><d:getetag>&quot;3f2a&quot;</d:getetag></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat>
 </d:response>
 <d:response>
  <d:href>/remote.php/dav/calendars/jane%40example.com/personal/gone.ics</d:href>
  <d:status>HTTP/1.1 404 Not Found</d:status>
 </d:response>
 <d:response>
  <d:href>gone%20too.ics</d:href>
  <d:propstat><d:prop><d:getetag/></d:prop><d:status>HTTP/1.1 404 Not Found</d:status></d:propstat>
 </d:response>
 <d:sync-token>http://sabre.io/ns/sync/43</d:sync-token>
</d:multistatus>
)";

const QUrl sabrePersonalUrl(
    QStringLiteral("https://cloud.example.com/remote.php/dav/calendars/jane%40example.com/personal/"));
const QString sabrePersonal = QStringLiteral("/remote.php/dav/calendars/jane%40example.com/personal/");

} // namespace

class TestCalDavClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        test::pinEnvironment();
        // Unit tests run even without Radicale; the server tests then fail with its reason.
        m_serverStarted = m_server.start();
        if (!m_serverStarted)
            return;
        m_server.addUser(alice, alicePassword);
        m_work = m_server.createCalendar(
            alice, QStringLiteral("work"), QStringLiteral("Work"), QStringLiteral("#3366FF"));
        m_server.createCalendar(
            alice, QStringLiteral("tasks"), QStringLiteral("Tasks"), {}, { QStringLiteral("VTODO") });
        m_readOnly
            = m_server.createCalendar(alice, QStringLiteral("readonly-holidays"), QStringLiteral("Holidays"));
        m_serverStarted = !m_work.isEmpty() && !m_readOnly.isEmpty();
    }

    // --- caldavxml ---------------------------------------------------------------------

    void resolvesHrefs_data()
    {
        QTest::addColumn<QString>("base");
        QTest::addColumn<QString>("href");
        QTest::addColumn<QString>("expected");
        const QString base = QStringLiteral("https://dav.example.com/cal/jane/work/");
        QTest::newRow("absolute path") << base << "/cal/jane/work/a.ics"
                                       << "/cal/jane/work/a.ics";
        QTest::newRow("relative") << base << "a.ics"
                                  << "/cal/jane/work/a.ics";
        QTest::newRow("dot segments") << base << "../home/./b.ics"
                                      << "/cal/jane/home/b.ics";
        QTest::newRow("full url, same server") << base << "https://dav.example.com:443/cal/x.ics"
                                               << "/cal/x.ics";
        QTest::newRow("full url, elsewhere") << base << "https://other.example.com/cal/x%40y.ics"
                                             << "https://other.example.com/cal/x%40y.ics";
        QTest::newRow("@ encoded or not") << base << "/cal/jane@example.com/"
                                          << "/cal/jane%40example.com/";
        QTest::newRow("lower-case hex") << base << "/cal/%c3%a9t%c3%a9.ics"
                                        << "/cal/%C3%A9t%C3%A9.ics";
        QTest::newRow("unreserved decoded") << base << "/cal/%7Ejane/%41.ics"
                                            << "/cal/~jane/A.ics";
        QTest::newRow("raw space and UTF-8") << base << "/cal/team meetings/été.ics"
                                             << "/cal/team%20meetings/%C3%A9t%C3%A9.ics";
        QTest::newRow("encoded slash kept") << base << "/cal/a%2Fb.ics"
                                            << "/cal/a%2Fb.ics";
        QTest::newRow("whitespace around") << base << "\n  /cal/a.ics\n "
                                           << "/cal/a.ics";
    }

    void resolvesHrefs()
    {
        QFETCH(QString, base);
        QFETCH(QString, href);
        QFETCH(QString, expected);
        QCOMPARE(resolveHref(QUrl(base), href), expected);
    }

    void buildsMemberHrefs()
    {
        QCOMPARE(memberHref(QStringLiteral("/alice/work/"), QStringLiteral("uid@host.ics")),
            QStringLiteral("/alice/work/uid%40host.ics"));
        QCOMPARE(memberHref(QStringLiteral("/alice/work"), QStringLiteral("a b/é.ics")),
            QStringLiteral("/alice/work/a%20b%2F%C3%A9.ics"));
        // What a server reports for that resource names it the same way.
        QCOMPARE(
            resolveHref(QUrl(QStringLiteral("http://h/alice/work/")), QStringLiteral("a%20b%2f%c3%a9.ics")),
            QStringLiteral("/alice/work/a%20b%2F%C3%A9.ics"));
    }

    void readsNextcloudCalendarHome()
    {
        const Result<Multistatus> answer = parseMultistatus(nextcloudHome, nextcloudHomeUrl);
        QVERIFY2(answer.isOk(), why(answer));
        const QList<CalDavCalendar> found = calendars(*answer);
        QCOMPARE(found.size(), 2); // not the home, the task list, the inbox or the trash bin

        const CalDavCalendar &personal = found.at(0);
        QCOMPARE(personal.href, QStringLiteral("/remote.php/dav/calendars/jane%40example.com/personal/"));
        QCOMPARE(personal.displayName, QStringLiteral("Personal"));
        QCOMPARE(personal.color, QStringLiteral("#0082c9"));
        QCOMPARE(personal.components, (QStringList { QStringLiteral("VEVENT"), QStringLiteral("VTODO") }));
        QCOMPARE(personal.ctag, QStringLiteral("http://sabre.io/ns/sync/42"));
        QCOMPARE(personal.syncToken, QStringLiteral("http://sabre.io/ns/sync/42"));
        QVERIFY(personal.isWritable);

        const CalDavCalendar &shared = found.at(1);
        QCOMPARE(shared.href,
            QStringLiteral("/remote.php/dav/calendars/jane%40example.com/team%20meetings_shared_by_bob/"));
        QCOMPARE(shared.color, QStringLiteral("#ee99dd"));
        QVERIFY(shared.ctag.isEmpty());
        QVERIFY(!shared.isWritable);
    }

    void readsPrincipalAndHome()
    {
        const QByteArray principal
            = R"(<d:multistatus xmlns:d="DAV:" xmlns:cal="urn:ietf:params:xml:ns:caldav">
<d:response><d:href>/remote.php/dav/</d:href>
<d:propstat><d:prop><d:current-user-principal><d:href>/remote.php/dav/principals/users/jane@example.com/</d:href></d:current-user-principal></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat>
<d:propstat><d:prop><cal:calendar-home-set/></d:prop><d:status>HTTP/1.1 404 Not Found</d:status></d:propstat>
</d:response></d:multistatus>)";
        const QUrl url(QStringLiteral("https://cloud.example.com/remote.php/dav"));
        const Result<Multistatus> answer = parseMultistatus(principal, url);
        QVERIFY(answer.isOk());
        // The server names the resource "/remote.php/dav/", the request had no slash: still found.
        QCOMPARE(
            hrefProperty(*answer, QStringLiteral("/remote.php/dav"), clark(davNs, u"current-user-principal")),
            QStringLiteral("/remote.php/dav/principals/users/jane%40example.com/"));
        QVERIFY(
            hrefProperty(*answer, QStringLiteral("/remote.php/dav"), clark(caldavNs, u"calendar-home-set"))
                .isEmpty());
        QCOMPARE(
            answer->responses.first().failedProperties.value(clark(caldavNs, u"calendar-home-set")), 404);
    }

    void readsGoogleEvents()
    {
        const Result<Multistatus> answer = parseMultistatus(googleQuery, googleEventsUrl);
        QVERIFY2(answer.isOk(), why(answer));
        const QList<CalDavResource> found
            = resources(*answer, QStringLiteral("/caldav/v2/jane%40gmail.com/events/"));
        QCOMPARE(found.size(), 2);
        QCOMPARE(found.at(0).href,
            QStringLiteral("/caldav/v2/jane%40gmail.com/events/7kfq2b6s0j3n%40google.com.ics"));
        QCOMPARE(found.at(0).etag, QStringLiteral("\"63843290123\""));
        // XML turned CRLF into LF; iCalendar wants CRLF back, and entities decoded.
        QVERIFY(found.at(0).data.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
        QVERIFY(found.at(0).data.contains("SUMMARY:Design review & lunch\r\n"));
        QVERIFY(found.at(0).data.endsWith("END:VCALENDAR\r\n"));
        QVERIFY(!found.at(0).data.contains("\n\n"));
        QCOMPARE(found.at(1).href, QStringLiteral("/caldav/v2/jane%40gmail.com/events/second~1.ics"));
        QVERIFY(found.at(1).etag.isEmpty());
        QCOMPARE(found.at(1).data,
            QByteArray("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:second\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"));
    }

    void readsSabreSyncCollection()
    {
        const Result<Multistatus> answer = parseMultistatus(sabreSync, sabrePersonalUrl);
        QVERIFY(answer.isOk());
        const CalDavChanges delta = changes(*answer, sabrePersonal);
        QCOMPARE(delta.syncToken, QStringLiteral("http://sabre.io/ns/sync/43"));
        QCOMPARE(delta.changed.size(), 1);
        QCOMPARE(delta.changed.first(),
            (CalDavResource {
                sabrePersonal + QStringLiteral("new%20event.ics"), QStringLiteral("\"3f2a\""), {} }));
        QCOMPARE(delta.removed,
            (QStringList { sabrePersonal + QStringLiteral("gone.ics"),
                sabrePersonal + QStringLiteral("gone%20too.ics") }));
        QVERIFY(!delta.isTruncated);
    }

    void readsTruncatedSync()
    {
        const QByteArray truncated = R"(<multistatus xmlns="DAV:">
<response><href>a.ics</href><propstat><prop><getetag>"1"</getetag></prop><status>HTTP/1.1 200 OK</status></propstat></response>
<response><href>/remote.php/dav/calendars/jane%40example.com/personal</href><status>HTTP/1.1 507 Insufficient Storage</status></response>
<sync-token>t2</sync-token></multistatus>)";
        const Result<Multistatus> answer = parseMultistatus(truncated, sabrePersonalUrl);
        QVERIFY(answer.isOk());
        const CalDavChanges delta = changes(*answer, sabrePersonal);
        QVERIFY(delta.isTruncated);
        QCOMPARE(hrefsOf(delta.changed), QStringList { sabrePersonal + QStringLiteral("a.ics") });
        QVERIFY(delta.removed.isEmpty());
    }

    void refusesWhatIsNotAMultistatus_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("html") << QByteArray("<html><body>Login</body></html>");
        QTest::newRow("broken") << QByteArray("<d:multistatus xmlns:d=\"DAV:\"><d:response>");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("wrong namespace") << QByteArray("<multistatus xmlns=\"urn:other\"/>");
    }

    void refusesWhatIsNotAMultistatus()
    {
        QFETCH(QByteArray, body);
        const Result<Multistatus> answer = parseMultistatus(body, sabrePersonalUrl);
        QVERIFY(!answer.isOk());
        QCOMPARE(answer.error().code, Error::Code::Invalid);
    }

    void readsErrorConditions()
    {
        QCOMPARE(errorConditions("<?xml version='1.0'?>\n<error xmlns=\"DAV:\"><valid-sync-token /></error>"),
            QStringList { QStringLiteral("{DAV:}valid-sync-token") });
        QCOMPARE(
            errorConditions("<d:error xmlns:d=\"DAV:\" xmlns:c=\"urn:ietf:params:xml:ns:caldav\">"
                            "<c:no-uid-conflict><d:href>/a/b.ics</d:href></c:no-uid-conflict></d:error>"),
            QStringList { QStringLiteral("{urn:ietf:params:xml:ns:caldav}no-uid-conflict") });
        QVERIFY(errorConditions("Forbidden").isEmpty());
    }

    void writesCalendarQuery()
    {
        const QByteArray body
            = calendarQuery(Interval::fromDateTimes(utc(10, 8), utc(11, 8)), Content::WithData);
        QXmlStreamReader xml(body);
        QStringList seen;
        QString start, end;
        while (!xml.atEnd()) {
            if (xml.readNext() != QXmlStreamReader::StartElement)
                continue;
            seen.append(clark(xml.namespaceUri(), xml.name()));
            if (xml.name() == u"time-range") {
                start = xml.attributes().value(QLatin1StringView("start")).toString();
                end = xml.attributes().value(QLatin1StringView("end")).toString();
            }
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QCOMPARE(seen.first(), QStringLiteral("{urn:ietf:params:xml:ns:caldav}calendar-query"));
        QVERIFY(seen.contains(QStringLiteral("{urn:ietf:params:xml:ns:caldav}calendar-data")));
        QVERIFY(seen.contains(QStringLiteral("{DAV:}getetag")));
        QCOMPARE(start, QStringLiteral("20240110T080000Z"));
        QCOMPARE(end, QStringLiteral("20240111T080000Z"));
        QVERIFY(!calendarQuery(Interval(), Content::EtagsOnly).contains("time-range"));
        QVERIFY(!calendarQuery(Interval(), Content::EtagsOnly).contains("calendar-data"));
    }

    void escapesTokensAndHrefsInBodies()
    {
        const QString token = QStringLiteral("http://x/sync?a=1&b=<2>");
        QXmlStreamReader sync(syncCollection(token));
        QString readToken;
        while (!sync.atEnd()) {
            if (sync.readNext() == QXmlStreamReader::StartElement && sync.name() == u"sync-token")
                readToken = sync.readElementText();
        }
        QVERIFY(!sync.hasError());
        QCOMPARE(readToken, token);

        const QStringList hrefs { QStringLiteral("/a/b%20c.ics"), QStringLiteral("/a/d&e.ics") };
        QXmlStreamReader multiget(calendarMultiget(hrefs));
        QStringList readHrefs;
        while (!multiget.atEnd()) {
            if (multiget.readNext() == QXmlStreamReader::StartElement && multiget.namespaceUri() == davNs
                && multiget.name() == u"href")
                readHrefs.append(multiget.readElementText());
        }
        QVERIFY(!multiget.hasError());
        QCOMPARE(readHrefs, hrefs);
    }

    // --- CalDavClient against Radicale -------------------------------------------------

    void discoversFromTheBareServerUrl()
    {
        QVERIFY2(m_serverStarted, qPrintable(m_server.errorString()));
        CalDavClient client(alice, alicePassword);
        // Radicale answers /.well-known/caldav with 301 to "/", which names the principal.
        const CalDavResult<CalDavDiscovery> found = client.discover(m_server.url());
        QVERIFY2(found.isOk(), why(found));
        QCOMPARE(found->principalUrl, m_server.url(QStringLiteral("/alice/")));
        QCOMPARE(found->calendarHomeUrl, m_server.url(QStringLiteral("/alice/")));
        QCOMPARE(client.calendarHome(), m_server.url(QStringLiteral("/alice/")));
    }

    void discoversFromThePrincipalAndWellKnownUrls_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("principal") << "/alice/";
        QTest::newRow("principal without slash") << "/alice";
        QTest::newRow("well-known") << "/.well-known/caldav";
        QTest::newRow("a calendar") << "/alice/work/";
    }

    void discoversFromThePrincipalAndWellKnownUrls()
    {
        QVERIFY2(m_serverStarted, qPrintable(m_server.errorString()));
        QFETCH(QString, path);
        CalDavClient client(alice, alicePassword);
        const CalDavResult<CalDavDiscovery> found = client.discover(m_server.url(path));
        QVERIFY2(found.isOk(), why(found));
        QCOMPARE(found->calendarHomeUrl, m_server.url(QStringLiteral("/alice/")));
    }

    void refusesAddressesThatAreNotHttp()
    {
        CalDavClient client(alice, alicePassword);
        const CalDavResult<CalDavDiscovery> found
            = client.discover(QUrl(QStringLiteral("ftp://example.com/")));
        QCOMPARE(found.failureKind(), CalDavFailure::InvalidRequest);
        const CalDavResult<QList<CalDavCalendar>> listed = client.listCalendars();
        QCOMPARE(listed.failureKind(), CalDavFailure::InvalidRequest);
        QCOMPARE(client.getEvent(QStringLiteral("/alice/work/x.ics")).failureKind(),
            CalDavFailure::InvalidRequest);
    }

    void listsCalendarsWithColour()
    {
        QVERIFY2(m_serverStarted, qPrintable(m_server.errorString()));
        const std::unique_ptr<CalDavClient> owned = makeAliceClient();
        CalDavClient &client = *owned;
        const CalDavResult<QList<CalDavCalendar>> listed = client.listCalendars();
        QVERIFY2(listed.isOk(), why(listed));
        QMap<QString, CalDavCalendar> byHref;
        for (const CalDavCalendar &calendar : *listed)
            byHref.insert(calendar.href, calendar);
        QVERIFY2(!byHref.contains(QStringLiteral("/alice/tasks/")), "a VTODO-only list is not a calendar");
        QVERIFY(byHref.contains(m_work));
        const CalDavCalendar work = byHref.value(m_work);
        QCOMPARE(work.displayName, QStringLiteral("Work"));
        QCOMPARE(work.color, QStringLiteral("#3366ff"));
        QCOMPARE(work.components, QStringList { QStringLiteral("VEVENT") });
        QVERIFY(work.isWritable);
        QVERIFY(work.syncToken.startsWith(u"http://radicale.org/ns/sync/"));
        QVERIFY(!work.ctag.isEmpty());
        QVERIFY(byHref.contains(m_readOnly));
        QVERIFY(!byHref.value(m_readOnly).isWritable);
        QVERIFY(byHref.value(m_readOnly).color.isEmpty());
    }

    void createsAndRefusesADuplicate()
    {
        QVERIFY2(m_serverStarted, qPrintable(m_server.errorString()));
        const std::unique_ptr<CalDavClient> owned = makeAliceClient();
        CalDavClient &client = *owned;
        const QByteArray ics = icsEvent(QStringLiteral("create-1@fermata"), 10, 9);
        const CalDavResult<CalDavResource> created
            = client.putEvent(m_work, QStringLiteral("create-1@fermata.ics"), ics);
        QVERIFY2(created.isOk(), why(created));
        QCOMPARE(created->href, m_work + QStringLiteral("create-1%40fermata.ics"));
        QVERIFY(created->etag.startsWith(u'"'));
        // The ETag is the one the server now has.
        QCOMPARE(m_server.request("GET", created->href).etag, created->etag.toUtf8());

        const CalDavResult<CalDavResource> again
            = client.putEvent(m_work, QStringLiteral("create-1@fermata.ics"),
                icsEvent(QStringLiteral("create-1@fermata"), 11, 9, QStringLiteral("Other")));
        QCOMPARE(again.failureKind(), CalDavFailure::PreconditionFailed);
        QCOMPARE(again.httpStatus(), 412);
        QVERIFY2(again.error().message.contains(u"already has one"), qPrintable(again.error().message));
        const CalDavResult<CalDavResource> stored = client.getEvent(created->href);
        QVERIFY(stored.isOk());
        QCOMPARE(stored->etag, created->etag);
        QVERIFY(stored->data.contains("SUMMARY:Meeting"));
    }

    void updatesWithTheRightEtagOnly()
    {
        QVERIFY2(m_serverStarted, qPrintable(m_server.errorString()));
        const std::unique_ptr<CalDavClient> owned = makeAliceClient();
        CalDavClient &client = *owned;
        const QString uid = QStringLiteral("update-1");
        const CalDavResult<CalDavResource> created
            = client.putEvent(m_work, uid + QStringLiteral(".ics"), icsEvent(uid, 12, 9));
        QVERIFY2(created.isOk(), why(created));

        // By href this time, with the ETag just read.
        const CalDavResult<CalDavResource> updated = client.putEvent(
            m_work, created->href, icsEvent(uid, 12, 10, QStringLiteral("Moved")), created->etag);
        QVERIFY2(updated.isOk(), why(updated));
        QCOMPARE(updated->href, created->href);
        QVERIFY(updated->etag != created->etag);

        // Someone else's view: the ETag from before the update.
        const CalDavResult<CalDavResource> stale = client.putEvent(
            m_work, created->href, icsEvent(uid, 12, 11, QStringLiteral("Stale")), created->etag);
        QCOMPARE(stale.failureKind(), CalDavFailure::PreconditionFailed);
        QCOMPARE(stale.error().message,
            QStringLiteral(
                "Could not save the event: someone changed it on the server since it was last read."));
        const CalDavResult<CalDavResource> stored = client.getEvent(created->href);
        QVERIFY(stored.isOk());
        QCOMPARE(stored->etag, updated->etag);
        QVERIFY(stored->data.contains("SUMMARY:Moved"));
        QCOMPARE(client.etag(created->href).value(), updated->etag);
    }

    void deletesWithTheRightEtagOnly()
    {
        QVERIFY2(m_serverStarted, qPrintable(m_server.errorString()));
        const std::unique_ptr<CalDavClient> owned = makeAliceClient();
        CalDavClient &client = *owned;
        const CalDavResult<CalDavResource> created = client.putEvent(
            m_work, QStringLiteral("delete-1.ics"), icsEvent(QStringLiteral("delete-1"), 13, 9));
        QVERIFY(created.isOk());
        const CalDavStatus stale = client.deleteEvent(created->href, QStringLiteral("\"not-the-etag\""));
        QCOMPARE(stale.failureKind(), CalDavFailure::PreconditionFailed);
        QVERIFY(client.getEvent(created->href).isOk());

        const CalDavStatus deleted = client.deleteEvent(created->href, created->etag);
        QVERIFY2(deleted.isOk(), why(deleted));
        const CalDavResult<CalDavResource> gone = client.getEvent(created->href);
        QCOMPARE(gone.failureKind(), CalDavFailure::NotFound);
        QCOMPARE(gone.error().code, Error::Code::NotFound);
        QCOMPARE(client.deleteEvent(created->href, {}).failureKind(), CalDavFailure::NotFound);
    }

    void refusesWritesToAReadOnlyCalendar()
    {
        QVERIFY2(m_serverStarted, qPrintable(m_server.errorString()));
        const std::unique_ptr<CalDavClient> owned = makeAliceClient();
        CalDavClient &client = *owned;
        const CalDavResult<CalDavResource> written
            = client.putEvent(m_readOnly, QStringLiteral("x.ics"), icsEvent(QStringLiteral("x"), 14, 9));
        QCOMPARE(written.failureKind(), CalDavFailure::Forbidden);
        QCOMPARE(written.error().code, Error::Code::Denied);
    }

    void reportsADuplicateUidAsConflict()
    {
        QVERIFY2(m_serverStarted, qPrintable(m_server.errorString()));
        const std::unique_ptr<CalDavClient> owned = makeAliceClient();
        CalDavClient &client = *owned;
        QVERIFY(
            client.putEvent(m_work, QStringLiteral("uid-a.ics"), icsEvent(QStringLiteral("same-uid"), 14, 9))
                .isOk());
        const CalDavResult<CalDavResource> second = client.putEvent(
            m_work, QStringLiteral("uid-b.ics"), icsEvent(QStringLiteral("same-uid"), 14, 10));
        QCOMPARE(second.failureKind(), CalDavFailure::Conflict);
        QVERIFY2(second.error().message.contains(u"same UID"), qPrintable(second.error().message));
    }

    void queriesOnlyEventsInRange()
    {
        QVERIFY2(m_serverStarted, qPrintable(m_server.errorString()));
        const QString calendar
            = m_server.createCalendar(alice, QStringLiteral("range"), QStringLiteral("Range"));
        QVERIFY2(!calendar.isEmpty(), qPrintable(m_server.errorString()));
        const std::unique_ptr<CalDavClient> owned = makeAliceClient();
        CalDavClient &client = *owned;
        // The range is Jan 20 08:00 - 18:00 UTC.
        const auto put = [&](const QString &uid, const QDateTime &start, const QDateTime &end) {
            return !m_server
                        .putEvent(calendar + uid + QStringLiteral(".ics"),
                            test::RadicaleServer::icsEvent(uid, start, end, uid))
                        .isEmpty();
        };
        QVERIFY(put(QStringLiteral("before"), utc(20, 6), utc(20, 8))); // ends as the range starts
        QVERIFY(put(QStringLiteral("overlap"), utc(20, 7), utc(20, 9)));
        QVERIFY(put(QStringLiteral("inside"), utc(20, 12), utc(20, 13)));
        QVERIFY(put(QStringLiteral("after"), utc(20, 18), utc(20, 19))); // starts as it ends
        QVERIFY(put(QStringLiteral("next-day"), utc(21, 12), utc(21, 13)));

        const Interval range = Interval::fromDateTimes(utc(20, 8), utc(20, 18));
        const CalDavResult<QList<CalDavResource>> found = client.queryEvents(calendar, range);
        QVERIFY2(found.isOk(), why(found));
        QCOMPARE(hrefsOf(*found),
            (QStringList {
                calendar + QStringLiteral("inside.ics"), calendar + QStringLiteral("overlap.ics") }));
        for (const CalDavResource &resource : *found) {
            QVERIFY(!resource.etag.isEmpty());
            QVERIFY(resource.data.startsWith("BEGIN:VCALENDAR\r\n"));
            QCOMPARE(resource.data.count("\r\n"), resource.data.count('\n'));
        }
        const CalDavResult<QList<CalDavResource>> etagsOnly
            = client.queryEvents(calendar, range, Content::EtagsOnly);
        QVERIFY(etagsOnly.isOk());
        QCOMPARE(hrefsOf(*etagsOnly), hrefsOf(*found));
        QVERIFY(etagsOnly->first().data.isEmpty());
        const CalDavResult<QList<CalDavResource>> everything = client.queryEvents(calendar, Interval());
        QVERIFY(everything.isOk());
        QCOMPARE(everything->size(), 5);
    }

    void syncsOnlyWhatChanged()
    {
        QVERIFY2(m_serverStarted, qPrintable(m_server.errorString()));
        const QString calendar
            = m_server.createCalendar(alice, QStringLiteral("sync"), QStringLiteral("Sync"));
        QVERIFY2(!calendar.isEmpty(), qPrintable(m_server.errorString()));
        const std::unique_ptr<CalDavClient> owned = makeAliceClient();
        CalDavClient &client = *owned;
        const CalDavResult<CalDavResource> a
            = client.putEvent(calendar, QStringLiteral("a.ics"), icsEvent(QStringLiteral("a"), 22, 9));
        // A name that needs encoding: the href sync reports must be the one the PUT returned.
        const CalDavResult<CalDavResource> b
            = client.putEvent(calendar, QStringLiteral("b b@é.ics"), icsEvent(QStringLiteral("b"), 22, 10));
        QVERIFY(a.isOk() && b.isOk());

        const CalDavResult<CalDavChanges> first = client.syncCollection(calendar, {});
        QVERIFY2(first.isOk(), why(first));
        QCOMPARE(hrefsOf(first->changed), sorted({ a->href, b->href }));
        QVERIFY(first->changed.contains(*b));
        QVERIFY(first->removed.isEmpty());
        QVERIFY(!first->syncToken.isEmpty());

        // Another client adds c, changes a and deletes b.
        const QString c = calendar + QStringLiteral("c.ics");
        const QByteArray cEtag = m_server.putEvent(c, icsEvent(QStringLiteral("c"), 22, 11));
        const QByteArray aEtag
            = m_server.putEvent(a->href, icsEvent(QStringLiteral("a"), 22, 9, QStringLiteral("Changed")));
        QVERIFY(!cEtag.isEmpty() && !aEtag.isEmpty());
        QVERIFY(m_server.deleteEvent(b->href));

        const CalDavResult<CalDavChanges> second = client.syncCollection(calendar, first->syncToken);
        QVERIFY2(second.isOk(), why(second));
        QCOMPARE(hrefsOf(second->changed), sorted({ a->href, c }));
        for (const CalDavResource &changed : second->changed)
            QCOMPARE(changed.etag.toUtf8(), changed.href == c ? cEtag : aEtag);
        QCOMPARE(second->removed, QStringList { b->href });
        QVERIFY(second->syncToken != first->syncToken);

        // The changed events' data, and nothing for an href that is gone meanwhile.
        const CalDavResult<QList<CalDavResource>> fetched
            = client.multiget(calendar, { a->href, c, calendar + QStringLiteral("never-there.ics") });
        QVERIFY2(fetched.isOk(), why(fetched));
        QCOMPARE(hrefsOf(*fetched), sorted({ a->href, c }));
        for (const CalDavResource &resource : *fetched) {
            QCOMPARE(resource.data.contains("SUMMARY:Changed"), resource.href == a->href);
            QCOMPARE(resource.etag.toUtf8(), resource.href == c ? cEtag : aEtag);
        }

        const CalDavResult<CalDavChanges> third = client.syncCollection(calendar, second->syncToken);
        QVERIFY(third.isOk());
        QVERIFY(third->changed.isEmpty());
        QVERIFY(third->removed.isEmpty());
    }

    void reportsAnInvalidSyncToken()
    {
        QVERIFY2(m_serverStarted, qPrintable(m_server.errorString()));
        const std::unique_ptr<CalDavClient> owned = makeAliceClient();
        CalDavClient &client = *owned;
        const CalDavResult<CalDavChanges> synced
            = client.syncCollection(m_work, QStringLiteral("http://radicale.org/ns/sync/0000000000000000"));
        QCOMPARE(synced.failureKind(), CalDavFailure::InvalidSyncToken);
        QCOMPARE(synced.httpStatus(), 403);
    }

    void reportsAWrongPassword()
    {
        QVERIFY2(m_serverStarted, qPrintable(m_server.errorString()));
        CalDavClient client(alice, QStringLiteral("not-the-password"));
        const CalDavResult<CalDavDiscovery> found = client.discover(m_server.url());
        QCOMPARE(found.failureKind(), CalDavFailure::Authentication);
        QCOMPARE(found.httpStatus(), 401);
        QCOMPARE(found.error().message,
            QStringLiteral("The server refused user 'alice': check the user name and app password."));
        QCOMPARE(found.error().code, Error::Code::Denied);
        client.setCalendarHome(m_server.url(QStringLiteral("/alice/")));
        QCOMPARE(client.listCalendars().failureKind(), CalDavFailure::Authentication);
    }

    void reportsAStoppedServerThenWorksAgain()
    {
        QVERIFY2(m_serverStarted, qPrintable(m_server.errorString()));
        const std::unique_ptr<CalDavClient> owned = makeAliceClient();
        CalDavClient &client = *owned;
        client.setTimeoutMs(5000);
        QVERIFY(m_server.stop());
        QElapsedTimer elapsed;
        elapsed.start();
        const CalDavResult<QList<CalDavCalendar>> down = client.listCalendars();
        QCOMPARE(down.failureKind(), CalDavFailure::Network);
        QCOMPARE(down.error().code, Error::Code::Io);
        QVERIFY(elapsed.elapsed() < client.timeoutMs());
        QVERIFY2(down.error().message.startsWith(u"Could not list the calendars: 127.0.0.1:"),
            qPrintable(down.error().message));

        QVERIFY2(m_server.restart(), qPrintable(m_server.errorString()));
        const CalDavResult<QList<CalDavCalendar>> up = client.listCalendars();
        QVERIFY2(up.isOk(), why(up));
        QVERIFY(!up->isEmpty());
    }

    void reportsOtherServerErrorsWithTheirStatus()
    {
        QVERIFY2(m_serverStarted, qPrintable(m_server.errorString()));
        const std::unique_ptr<CalDavClient> owned = makeAliceClient();
        CalDavClient &client = *owned;
        const CalDavResult<CalDavResource> garbage = client.putEvent(
            m_work, QStringLiteral("garbage.ics"), QByteArrayLiteral("this is not iCalendar"));
        QCOMPARE(garbage.failureKind(), CalDavFailure::Server);
        QCOMPARE(garbage.httpStatus(), 400);
        QCOMPARE(garbage.error().message,
            QStringLiteral("Could not create the event: the server answered 400 Bad Request."));
        const CalDavResult<QList<CalDavResource>> missing
            = client.queryEvents(QStringLiteral("/alice/no-such-calendar/"), Interval());
        QCOMPARE(missing.failureKind(), CalDavFailure::NotFound);
    }

    void reportsAMissingRadicale()
    {
        const QByteArray saved = qgetenv("FERMATA_RADICALE");
        qputenv("FERMATA_RADICALE", "/nonexistent/radicale");
        test::RadicaleServer server;
        const bool started = server.start();
        if (saved.isEmpty())
            qunsetenv("FERMATA_RADICALE");
        else
            qputenv("FERMATA_RADICALE", saved);
        QVERIFY(!started);
        QCOMPARE(server.errorString(),
            QStringLiteral("Radicale was not found: FERMATA_RADICALE=/nonexistent/radicale "
                           "is not an executable program"));
    }

    void timesOutOnAHungServer()
    {
        QVERIFY2(m_serverStarted, qPrintable(m_server.errorString()));
        const std::unique_ptr<CalDavClient> owned = makeAliceClient();
        CalDavClient &client = *owned;
        client.setTimeoutMs(1000);
        QVERIFY(m_server.freeze());
        QElapsedTimer elapsed;
        elapsed.start();
        const CalDavResult<CalDavResource> hung = client.getEvent(m_work + QStringLiteral("anything.ics"));
        const qint64 took = elapsed.elapsed();
        QVERIFY(m_server.thaw());
        QCOMPARE(hung.failureKind(), CalDavFailure::Network);
        QVERIFY2(took >= 900 && took < 5000, qPrintable(QString::number(took)));
        QVERIFY2(hung.error().message.contains(u"within 1 s"), qPrintable(hung.error().message));
        client.setTimeoutMs(CalDavClient::defaultTimeoutMs);
        QVERIFY(client.listCalendars().isOk());
    }

private:
    // A client that knows the calendar home (as after a stored discovery).
    std::unique_ptr<CalDavClient> makeAliceClient() const
    {
        auto client = std::make_unique<CalDavClient>(alice, alicePassword);
        client->setCalendarHome(m_server.url(QStringLiteral("/alice/")));
        return client;
    }

    test::RadicaleServer m_server;
    bool m_serverStarted = false;
    QString m_work;
    QString m_readOnly;
};

QTEST_GUILESS_MAIN(TestCalDavClient)
#include "tst_caldavclient.moc"
