// Subscriptions against a small HTTP server on 127.0.0.1 run by the test itself: first fetch,
// ETag/304, update in place, 404 and refused connections keeping the cached copy, a slow
// server timing out, redirects, a body that is not a calendar, credentials never shown.
#include "calendar/subscriptionservice.h"
#include "calendar/calendarinteropservice.h"
#include "storage/database.h"
#include "storage/repositories.h"
#include "testsupport.h"
#include "time/clock.h"

#include <QFile>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace fermata;

namespace {

// Answers GETs by path; records each request's headers. /slow never answers.
class TinyHttpServer : public QObject
{
public:
    struct Request
    {
        QByteArray path;
        QHash<QByteArray, QByteArray> headers; // lower-case names
    };

    TinyHttpServer()
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                m_sockets.append(socket);
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onData(socket); });
            }
        });
    }
    bool listen() { return m_server.listen(QHostAddress::LocalHost); }
    void close() { m_server.close(); }
    QString url(const QString &path, const QString &userInfo = {}) const
    {
        return QStringLiteral("http://") + (userInfo.isEmpty() ? QString() : userInfo + QLatin1Char('@'))
            + QStringLiteral("127.0.0.1:") + QString::number(m_server.serverPort()) + path;
    }

    QByteArray calendar;
    QByteArray etag = "\"v1\"";
    QList<Request> requests;

private:
    void onData(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        const QList<QByteArray> lines = buffer.left(end).split('\n');
        buffer.clear();
        Request request;
        request.path = lines.value(0).split(' ').value(1);
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines[i].indexOf(':');
            if (colon > 0)
                request.headers.insert(lines[i].left(colon).trimmed().toLower(),
                                       lines[i].mid(colon + 1).trimmed());
        }
        requests.append(request);
        respond(socket, request);
    }

    void respond(QTcpSocket *socket, const Request &request)
    {
        const QByteArray path = request.path.split('?').value(0);
        if (path == "/slow.ics")
            return; // never answers
        QByteArray status = "200 OK";
        QByteArray headers;
        QByteArray body;
        if (path == "/cal.ics" || (path == "/auth.ics" && request.headers.value("authorization")
                                                              == "Basic " + QByteArray("user:s3cret").toBase64())) {
            if (request.headers.value("if-none-match") == etag) {
                status = "304 Not Modified";
            } else {
                body = calendar;
                headers = "Content-Type: text/calendar\r\nETag: " + etag
                    + "\r\nLast-Modified: Sun, 01 Mar 2026 08:00:00 GMT\r\n";
            }
        } else if (path == "/auth.ics") {
            status = "401 Unauthorized";
            headers = "WWW-Authenticate: Basic realm=\"cal\"\r\n";
        } else if (path == "/redirect.ics") {
            status = "302 Found";
            headers = "Location: /cal.ics\r\n";
        } else if (path == "/notcal") {
            body = "<html><body>Sign in</body></html>";
            headers = "Content-Type: text/html\r\n";
        } else {
            status = "404 Not Found";
            body = "not here";
        }
        socket->write("HTTP/1.1 " + status + "\r\n" + headers + "Content-Length: "
                      + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
        socket->disconnectFromHost();
    }

    QTcpServer m_server;
    QList<QTcpSocket *> m_sockets;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

QByteArray calendarText(const QList<QByteArray> &events)
{
    QByteArray text = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n";
    for (const QByteArray &e : events)
        text += e;
    return text + "END:VCALENDAR\r\n";
}

QByteArray vevent(const QByteArray &uid, const QByteArray &start, const QByteArray &title,
                 const QByteArray &extra = {})
{
    return "BEGIN:VEVENT\r\nUID:" + uid + "\r\nDTSTAMP:20260201T000000Z\r\nDTSTART:" + start
        + "\r\nDURATION:PT1H\r\nSUMMARY:" + title + "\r\n" + extra + "END:VEVENT\r\n";
}

} // namespace

class TestSubscriptionService : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { test::pinEnvironment(); }
    void init();
    void cleanup();
    void firstRefreshImports();
    void unchangedAnswersNotModified();
    void changesUpdateInPlace();
    void unreachableKeepsCachedCopy();
    void slowServerTimesOut();
    void redirectIsFollowed();
    void notACalendarKeepsCachedCopy();
    void credentialsAreNeverShown();
    void refreshDueFollowsTheInterval();
    void unsubscribeRemovesEvents();

private:
    RefreshOutcome refreshAndWait(qint64 id);
    QList<CalendarEvent> events() const;
    void pointAt(qint64 id, const QString &url);

    std::unique_ptr<test::TempDataDir> m_dir;
    std::unique_ptr<Database> m_db;
    FakeClock m_clock{QDateTime(QDate(2026, 3, 1), QTime(9, 0), Qt::UTC)};
    std::unique_ptr<CalendarInteropService> m_interop;
    std::unique_ptr<SubscriptionService> m_service;
    std::unique_ptr<TinyHttpServer> m_server;
};

void TestSubscriptionService::init()
{
    m_clock.setNow(QDateTime(QDate(2026, 3, 1), QTime(9, 0), Qt::UTC));
    m_dir = std::make_unique<test::TempDataDir>();
    auto db = Database::open(m_dir->databasePath());
    QVERIFY2(db.isOk(), db.isOk() ? "" : qPrintable(db.error().message));
    m_db = std::move(db).value();
    m_interop = std::make_unique<CalendarInteropService>(*m_db, m_clock);
    m_service = std::make_unique<SubscriptionService>(*m_db, *m_interop, m_clock,
                                                      m_dir->filePath(QStringLiteral("calendars")));
    m_server = std::make_unique<TinyHttpServer>();
    QVERIFY(m_server->listen());
    m_server->calendar = calendarText({vevent("a@x", "20260302T090000Z", "Alpha"),
                                       vevent("b@x", "20260303T090000Z", "Beta"),
                                       vevent("c@x", "20260304T090000Z", "Gamma", "RRULE:FREQ=DAILY;COUNT=3\r\n")});
}

void TestSubscriptionService::cleanup()
{
    m_service.reset();
    m_interop.reset();
    m_server.reset();
    m_db.reset();
    m_dir.reset();
}

RefreshOutcome TestSubscriptionService::refreshAndWait(qint64 id)
{
    QSignalSpy spy(m_service.get(), &SubscriptionService::refreshFinished);
    m_service->refresh(id);
    if (spy.isEmpty() && !spy.wait(15000))
        return RefreshOutcome{};
    return spy.constFirst().constFirst().value<RefreshOutcome>();
}

QList<CalendarEvent> TestSubscriptionService::events() const
{
    auto all = CalendarEventRepository(*m_db).all();
    return all ? *all : QList<CalendarEvent>();
}

void TestSubscriptionService::pointAt(qint64 id, const QString &url)
{
    SubscriptionRepository repository(*m_db);
    auto found = repository.find(id);
    QVERIFY(found && found->has_value());
    CalendarSubscription s = **found;
    s.url = url;
    QVERIFY(repository.update(s).isOk());
}

void TestSubscriptionService::firstRefreshImports()
{
    const auto added = m_service->subscribe(QUrl(m_server->url(QStringLiteral("/cal.ics"))),
                                            QStringLiteral("Work"));
    QVERIFY2(added.isOk(), added.isOk() ? "" : qPrintable(added.error().message));
    QVERIFY2(added.isOk(), added.isOk() ? "" : qPrintable(added.error().message));
    const RefreshOutcome outcome = refreshAndWait(added->id);
    QCOMPARE(outcome.kind, RefreshOutcome::Kind::Updated);
    QCOMPARE(outcome.report.instances, 5);
    const QList<CalendarEvent> list = events();
    QCOMPARE(list.size(), 5);
    for (const CalendarEvent &e : list)
        QCOMPARE(e.source, QStringLiteral("Work"));
    const auto stored = SubscriptionRepository(*m_db).find(added->id);
    QCOMPARE((*stored)->etag, QStringLiteral("\"v1\""));
    QCOMPARE((*stored)->lastSuccess, m_clock.now());
    QCOMPARE((*stored)->eventCount, 5);
    QVERIFY((*stored)->lastError.isEmpty());
    QVERIFY(QFile::exists(m_service->cachePath(added->id)));
    QVERIFY(!m_server->requests.constFirst().headers.contains("if-none-match"));
}

void TestSubscriptionService::unchangedAnswersNotModified()
{
    const auto added = m_service->subscribe(QUrl(m_server->url(QStringLiteral("/cal.ics"))),
                                            QStringLiteral("Work"));
    QVERIFY2(added.isOk(), added.isOk() ? "" : qPrintable(added.error().message));
    QCOMPARE(refreshAndWait(added->id).kind, RefreshOutcome::Kind::Updated);
    const QList<CalendarEvent> before = events();
    m_clock.advanceSecs(3600);
    const RefreshOutcome outcome = refreshAndWait(added->id);
    QCOMPARE(outcome.kind, RefreshOutcome::Kind::NotModified);
    QCOMPARE(m_server->requests.constLast().headers.value("if-none-match"), QByteArray("\"v1\""));
    QCOMPARE(m_server->requests.constLast().headers.value("if-modified-since"),
             QByteArray("Sun, 01 Mar 2026 08:00:00 GMT"));
    QCOMPARE(events(), before); // same rows, same ids
    QCOMPARE((*SubscriptionRepository(*m_db).find(added->id))->lastSuccess, m_clock.now());
}

void TestSubscriptionService::changesUpdateInPlace()
{
    const auto added = m_service->subscribe(QUrl(m_server->url(QStringLiteral("/cal.ics"))),
                                            QStringLiteral("Work"));
    QVERIFY2(added.isOk(), added.isOk() ? "" : qPrintable(added.error().message));
    QCOMPARE(refreshAndWait(added->id).kind, RefreshOutcome::Kind::Updated);
    qint64 alphaId = 0;
    for (const CalendarEvent &e : events()) {
        if (e.uid == u"a@x")
            alphaId = e.id;
    }
    QVERIFY(alphaId != 0);
    // Alpha moves, Beta is deleted, Gamma loses an occurrence, Delta is new.
    m_server->etag = "\"v2\"";
    m_server->calendar = calendarText({vevent("a@x", "20260302T140000Z", "Alpha moved"),
                                       vevent("c@x", "20260304T090000Z", "Gamma", "RRULE:FREQ=DAILY;COUNT=2\r\n"),
                                       vevent("d@x", "20260305T090000Z", "Delta")});
    const RefreshOutcome outcome = refreshAndWait(added->id);
    QCOMPARE(outcome.kind, RefreshOutcome::Kind::Updated);
    QStringList uids;
    for (const CalendarEvent &e : events()) {
        uids << e.uid;
        if (e.uid == u"a@x") {
            QCOMPARE(e.id, alphaId); // updated in place, not re-created
            QCOMPARE(e.title, QStringLiteral("Alpha moved"));
            QCOMPARE(e.start, QDateTime(QDate(2026, 3, 2), QTime(14, 0), Qt::UTC));
        }
    }
    QCOMPARE(uids, (QStringList{QStringLiteral("a@x"), QStringLiteral("c@x/20260304T090000Z"),
                                QStringLiteral("c@x/20260305T090000Z"), QStringLiteral("d@x")}));
}

void TestSubscriptionService::unreachableKeepsCachedCopy()
{
    const auto added = m_service->subscribe(QUrl(m_server->url(QStringLiteral("/cal.ics"))),
                                            QStringLiteral("Work"));
    QVERIFY2(added.isOk(), added.isOk() ? "" : qPrintable(added.error().message));
    QCOMPARE(refreshAndWait(added->id).kind, RefreshOutcome::Kind::Updated);
    const QList<CalendarEvent> before = events();

    pointAt(added->id, m_server->url(QStringLiteral("/missing.ics")));
    RefreshOutcome outcome = refreshAndWait(added->id);
    QCOMPARE(outcome.kind, RefreshOutcome::Kind::Failed);
    QVERIFY2(outcome.error.contains(u"404"), qPrintable(outcome.error));
    QCOMPARE(outcome.cachedFrom, QDateTime(QDate(2026, 3, 1), QTime(9, 0), Qt::UTC));
    QVERIFY2(outcome.message().contains(u"still showing the copy from 2026-03-01 09:00 UTC"),
             qPrintable(outcome.message()));
    QCOMPARE(events(), before);
    QVERIFY(!(*SubscriptionRepository(*m_db).find(added->id))->lastError.isEmpty());

    // The server is gone altogether.
    pointAt(added->id, m_server->url(QStringLiteral("/cal.ics")));
    m_server->close();
    outcome = refreshAndWait(added->id);
    QCOMPARE(outcome.kind, RefreshOutcome::Kind::Failed);
    QCOMPARE(events(), before);
}

void TestSubscriptionService::slowServerTimesOut()
{
    m_service->setTimeoutMs(500);
    const auto added = m_service->subscribe(QUrl(m_server->url(QStringLiteral("/slow.ics"))),
                                            QStringLiteral("Slow"));
    QVERIFY2(added.isOk(), added.isOk() ? "" : qPrintable(added.error().message));
    QElapsedTimer timer;
    timer.start();
    const RefreshOutcome outcome = refreshAndWait(added->id);
    QCOMPARE(outcome.kind, RefreshOutcome::Kind::Failed);
    QVERIFY2(outcome.error.contains(u"no answer"), qPrintable(outcome.error));
    QVERIFY(!outcome.cachedFrom.isValid());
    QVERIFY(outcome.message().contains(u"no copy yet"));
    QVERIFY(timer.elapsed() < 10000);
}

void TestSubscriptionService::redirectIsFollowed()
{
    const auto added = m_service->subscribe(QUrl(m_server->url(QStringLiteral("/redirect.ics"))),
                                            QStringLiteral("Moved"));
    QVERIFY2(added.isOk(), added.isOk() ? "" : qPrintable(added.error().message));
    const RefreshOutcome outcome = refreshAndWait(added->id);
    QCOMPARE(outcome.kind, RefreshOutcome::Kind::Updated);
    QCOMPARE(events().size(), 5);
    QCOMPARE(m_server->requests.size(), 2);
}

void TestSubscriptionService::notACalendarKeepsCachedCopy()
{
    const auto added = m_service->subscribe(QUrl(m_server->url(QStringLiteral("/cal.ics"))),
                                            QStringLiteral("Work"));
    QVERIFY2(added.isOk(), added.isOk() ? "" : qPrintable(added.error().message));
    QCOMPARE(refreshAndWait(added->id).kind, RefreshOutcome::Kind::Updated);
    const QByteArray cached = test::fileBytes(m_service->cachePath(added->id));
    pointAt(added->id, m_server->url(QStringLiteral("/notcal")));
    const RefreshOutcome outcome = refreshAndWait(added->id);
    QCOMPARE(outcome.kind, RefreshOutcome::Kind::Failed);
    QVERIFY2(outcome.error.contains(u"not return a calendar"), qPrintable(outcome.error));
    QCOMPARE(events().size(), 5);
    QCOMPARE(test::fileBytes(m_service->cachePath(added->id)), cached);
}

void TestSubscriptionService::credentialsAreNeverShown()
{
    QCOMPARE(redactedUrl(QUrl(QStringLiteral("https://user:pw@cal.example.com/a/b.ics?token=xyz"))),
             QStringLiteral("https://cal.example.com/a/b.ics?…"));
    QCOMPARE(redactedUrl(QUrl(QStringLiteral(
                 "https://calendar.google.com/calendar/ical/me%40example.com/private-0123456789abcdef/basic.ics"))),
             QStringLiteral("https://calendar.google.com/calendar/ical/…/…/basic.ics"));

    // Basic authentication from the address works, and the password is never repeated.
    const auto withAuth = m_service->subscribe(
        QUrl(m_server->url(QStringLiteral("/auth.ics"), QStringLiteral("user:s3cret"))),
        QStringLiteral("Private"));
    QVERIFY2(withAuth.isOk(), withAuth.isOk() ? "" : qPrintable(withAuth.error().message));
    QCOMPARE(refreshAndWait(withAuth->id).kind, RefreshOutcome::Kind::Updated);

    const auto missing = m_service->subscribe(
        QUrl(m_server->url(QStringLiteral("/missing.ics?token=abcdef123"), QStringLiteral("user:s3cret"))),
        QStringLiteral("Broken"));
    QVERIFY2(missing.isOk(), missing.isOk() ? "" : qPrintable(missing.error().message));
    const RefreshOutcome outcome = refreshAndWait(missing->id);
    QCOMPARE(outcome.kind, RefreshOutcome::Kind::Failed);
    const auto stored = SubscriptionRepository(*m_db).find(missing->id);
    for (const QString &text : {outcome.message(), outcome.error, (*stored)->lastError,
                                redactedUrl(QUrl((*stored)->url))}) {
        QVERIFY2(!text.contains(u"s3cret") && !text.contains(u"abcdef123"), qPrintable(text));
    }
}

void TestSubscriptionService::refreshDueFollowsTheInterval()
{
    const auto added = m_service->subscribe(QUrl(m_server->url(QStringLiteral("/cal.ics"))),
                                            QStringLiteral("Work"), 60);
    QVERIFY2(added.isOk(), added.isOk() ? "" : qPrintable(added.error().message));
    QSignalSpy spy(m_service.get(), &SubscriptionService::refreshFinished);
    m_service->refreshDue(); // never fetched: due
    QVERIFY(spy.wait(15000));
    m_service->refreshDue(); // just fetched: not due
    QVERIFY(!m_service->isRefreshing());
    m_clock.advanceSecs(61 * 60);
    m_service->refreshDue();
    QVERIFY(m_service->isRefreshing());
    QVERIFY(spy.wait(15000));
    QCOMPARE(spy.size(), 2);
}

void TestSubscriptionService::unsubscribeRemovesEvents()
{
    const auto added = m_service->subscribe(QUrl(m_server->url(QStringLiteral("/cal.ics"))),
                                            QStringLiteral("Work"));
    QVERIFY2(added.isOk(), added.isOk() ? "" : qPrintable(added.error().message));
    QCOMPARE(refreshAndWait(added->id).kind, RefreshOutcome::Kind::Updated);
    QVERIFY(m_service->unsubscribe(QStringLiteral("Work")).isOk());
    QVERIFY(events().isEmpty());
    QVERIFY(!QFile::exists(m_service->cachePath(added->id)));
    QCOMPARE(m_service->subscriptions()->size(), 0);
    QVERIFY(!m_service->subscribe(QUrl(QStringLiteral("ftp://example.com/x.ics")), QStringLiteral("X")).isOk());
}

QTEST_GUILESS_MAIN(TestSubscriptionService)
#include "tst_subscriptionservice.moc"
