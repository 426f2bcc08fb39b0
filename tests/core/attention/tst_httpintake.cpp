// The loopback HTTP source against the real AttentionService and database, over real HTTP on
// 127.0.0.1: refusals store nothing; a valid request is held and released at the window.
#include "attention/attentionservice.h"
#include "attention/httpintake.h"
#include "storage/database.h"
#include "testsupport.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

#include <sys/resource.h>

using namespace fermata;

namespace {

struct Answer
{
    int status = 0;
    QJsonObject json;
};

// A client that writes raw bytes and records what comes back, for what QNetworkAccessManager
// will not send: a body announced and never sent, headers that never end, idle connections.
class RawClient
{
public:
    explicit RawClient(quint16 port, const QByteArray &bytes = {})
    {
        QObject::connect(&m_socket, &QTcpSocket::readyRead, [this] { received += m_socket.readAll(); });
        QObject::connect(&m_socket, &QTcpSocket::disconnected, [this] { closed = true; });
        m_socket.connectToHost(QHostAddress::LocalHost, port);
        if (!bytes.isEmpty())
            m_socket.write(bytes);
    }
    QTcpSocket &socket() { return m_socket; }
    bool hasAnswer() const { return received.contains("\r\n\r\n"); }
    int status() const { return received.startsWith("HTTP/1.1 ") ? received.mid(9, 3).toInt() : 0; }

    QByteArray received;
    bool closed = false;

private:
    QTcpSocket m_socket;
};

QByteArray head(const QByteArray &lines)
{
    return "POST /v1/notifications HTTP/1.1\r\nHost: 127.0.0.1\r\n" + lines + "\r\n";
}

} // namespace

class TestHttpIntake : public QObject
{
    Q_OBJECT
    test::TempDataDir m_dir;
    std::unique_ptr<Database> m_db;
    FakeClock m_clock{QDateTime(QDate(2026, 3, 2), QTime(7, 0), Qt::UTC)};
    std::unique_ptr<AttentionService> m_service;
    std::unique_ptr<HttpIntake> m_http;
    QNetworkAccessManager m_network;
    QByteArray m_token;

    Answer post(const QByteArray &body, const QByteArray &authorization,
                const QString &path = QStringLiteral("/v1/notifications"))
    {
        QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_http->port()).arg(path)));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        if (!authorization.isEmpty())
            request.setRawHeader("Authorization", authorization);
        QNetworkReply *reply = m_network.post(request, body);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        if (!finished.wait(10000))
            return {};
        Answer answer{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                      QJsonDocument::fromJson(reply->readAll()).object()};
        reply->deleteLater();
        return answer;
    }

    int storedCount() { return int(m_service->recentItems(1000).value().size()); }

private Q_SLOTS:
    void initTestCase()
    {
        test::pinEnvironment();
        m_db = std::move(Database::open(m_dir.databasePath())).value();
        m_service = std::make_unique<AttentionService>(*m_db, m_clock);
        QVERIFY(m_service->load(QByteArrayLiteral("UTC")));
        QVERIFY(!m_service->isHttpEnabled());
        QVERIFY(m_service->enableHttp(0));
        m_token = m_service->httpToken();
        QVERIFY(m_token.size() >= 40);
        QVERIFY(m_service->enableHttp(0));
        QCOMPARE(m_service->httpToken(), m_token); // made once, kept
        m_http = std::make_unique<HttpIntake>(
            [this](QList<InboxItem> items) { return m_service->ingest(std::move(items)); }, m_token);
        m_http->setMaxBodyBytes(1024);
        m_network.setProxy(QNetworkProxy::NoProxy);
        QVERIFY(m_http->listen(0) != 0);
    }

    void refusalsStoreNothing_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("authorization");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("messagePart");
        const QByteArray ok = QByteArrayLiteral(R"({"title": "hi"})");
        QTest::newRow("no token") << ok << QByteArray() << 401 << QStringLiteral("Bearer");
        QTest::newRow("wrong token") << ok << QByteArray("Bearer nope") << 401 << QStringLiteral("Bearer");
        QTest::newRow("not bearer") << ok << QByteArray("Basic abc") << 401 << QStringLiteral("Bearer");
        QTest::newRow("malformed json") << QByteArray("{\"title\": ") << QByteArray() << 400 << QStringLiteral("not valid JSON");
        QTest::newRow("not an object") << QByteArray("[1]") << QByteArray() << 400 << QStringLiteral("JSON object");
        QTest::newRow("missing title") << QByteArray(R"({"body": "x"})") << QByteArray() << 400 << "\"title\" is missing";
        QTest::newRow("empty title") << QByteArray(R"({"title": "  "})") << QByteArray() << 400 << "\"title\" is empty";
        QTest::newRow("title not a string") << QByteArray(R"({"title": 5})") << QByteArray() << 400 << QStringLiteral("must be a string");
        QTest::newRow("bad urgency") << QByteArray(R"({"title": "x", "urgency": "panic"})") << QByteArray() << 400 << QStringLiteral("low, normal or critical");
        QTest::newRow("too large") << (QByteArray(R"({"title": "x", "body": ")") + QByteArray(2000, 'a') + "\"}")
                                   << QByteArray() << 413 << QStringLiteral("limit is 1024");
    }

    void refusalsStoreNothing()
    {
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, authorization);
        QFETCH(int, status);
        QFETCH(QString, messagePart);
        const Answer answer = post(body, authorization.isEmpty() && status != 401 ? "Bearer " + m_token : authorization);
        QCOMPARE(answer.status, status);
        const QString message = answer.json.value(QStringLiteral("error")).toString();
        QVERIFY2(message.contains(messagePart), qPrintable(message));
        QCOMPARE(storedCount(), 0);
    }

    void otherPathsAreNotFound()
    {
        QCOMPARE(post(R"({"title": "x"})", "Bearer " + m_token, QStringLiteral("/v1/other")).status, 404);
        QCOMPARE(storedCount(), 0);
    }

    // The decision comes from the headers: the body announced is never waited for.
    void refusedFromTheHeadersWhileTheBodyIsStillComing_data()
    {
        QTest::addColumn<QByteArray>("headers");
        QTest::addColumn<int>("status");
        QTest::newRow("no token") << QByteArray("Content-Length: 314572800\r\n") << 401;
        QTest::newRow("wrong token") << QByteArray("Authorization: Bearer nope\r\nContent-Length: 1000\r\n") << 401;
        QTest::newRow("over the cap") << QByteArray("Content-Length: 314572800\r\n") << 413;
        QTest::newRow("no length") << QByteArray() << 411;
        QTest::newRow("chunked") << QByteArray("Transfer-Encoding: chunked\r\n") << 411;
        QTest::newRow("bad length") << QByteArray("Content-Length: -5\r\n") << 400;
    }

    void refusedFromTheHeadersWhileTheBodyIsStillComing()
    {
        QFETCH(QByteArray, headers);
        QFETCH(int, status);
        const QByteArray token = status == 401 ? QByteArray() : "Authorization: Bearer " + m_token + "\r\n";
        RawClient client(m_http->port(), head(token + headers) + QByteArray("{\"title\": \"par"));
        // Well before the request timeout: the answer does not wait for the rest of the body.
        QTRY_VERIFY_WITH_TIMEOUT(client.hasAnswer(), 3000);
        QCOMPARE(client.status(), status);
        QTRY_VERIFY_WITH_TIMEOUT(client.closed, 3000);
        QCOMPARE(storedCount(), 0);
    }

    void headersThatNeverEndAreCutOff()
    {
        HttpIntake http([](QList<InboxItem>) { return Result<QList<qint64>>(QList<qint64>{}); }, m_token);
        http.setRequestTimeout(300);
        QVERIFY(http.listen(0) != 0);
        RawClient slow(http.port(), "POST /v1/notif");
        QTRY_VERIFY_WITH_TIMEOUT(slow.closed, 5000);
        QCOMPARE(slow.status(), 408);

        RawClient huge(http.port(), head("X-Filler: " + QByteArray(HttpIntake::MaxHeaderBytes, 'x') + "\r\n"));
        QTRY_VERIFY_WITH_TIMEOUT(huge.closed, 5000);
        QCOMPARE(huge.status(), 431);
    }

    void connectionsAreCapped()
    {
        HttpIntake http([](QList<InboxItem>) { return Result<QList<qint64>>(QList<qint64>{}); }, m_token);
        http.setMaxConnections(4);
        http.setRequestTimeout(30000);
        QVERIFY(http.listen(0) != 0);
        std::vector<std::unique_ptr<RawClient>> idle;
        for (int i = 0; i < 4; ++i)
            idle.push_back(std::make_unique<RawClient>(http.port(), QByteArray("POST /v1/notifications HTTP/1.1\r\n")));
        RawClient fifth(http.port(), head("Content-Length: 2\r\n") + "{}");
        QTRY_VERIFY_WITH_TIMEOUT(fifth.closed, 5000);
        QCOMPARE(fifth.status(), 503);
        for (const auto &c : idle)
            QVERIFY(!c->closed && !c->hasAnswer());

        idle.front()->socket().abort(); // a slot comes free once the intake sees the close
        QTRY_VERIFY_WITH_TIMEOUT(([&http] {
            RawClient next(http.port(), head("Content-Length: 2\r\n") + "{}");
            return QTest::qWaitFor([&next] { return next.hasAnswer(); }, 2000) && next.status() == 401;
        })(), 10000);
    }

    // A thousand clients connecting at once all get in (none waits for a SYN retry) even while
    // the event loop is busy; past the connection cap they are answered 503.
    void aBurstOfAThousandClientsFitsTheBacklog()
    {
        constexpr int clients = 1000;
        rlimit files = {};
        QVERIFY(getrlimit(RLIMIT_NOFILE, &files) == 0);
        if (files.rlim_cur < 3 * clients) {
            files.rlim_cur = qMin<rlim_t>(files.rlim_max, 4 * clients);
            QVERIFY2(setrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur >= 3 * clients,
                     "this test needs 3000 open files (ulimit -n)");
        }
        HttpIntake http([](QList<InboxItem>) { return Result<QList<qint64>>(QList<qint64>{}); }, m_token);
        QVERIFY(http.listen(0) != 0);
        std::vector<std::unique_ptr<QTcpSocket>> sockets;
        for (int i = 0; i < clients; ++i) {
            // waitForConnected runs no event loop: the intake accepts nothing meanwhile.
            auto socket = std::make_unique<QTcpSocket>();
            socket->connectToHost(QHostAddress::LocalHost, http.port());
            QVERIFY2(socket->waitForConnected(2000), qPrintable(QStringLiteral("client %1 of %2 did not get in: %3")
                                                                  .arg(i + 1)
                                                                  .arg(clients)
                                                                  .arg(socket->errorString())));
            sockets.push_back(std::move(socket));
        }
        int refused = 0;
        QTRY_VERIFY_WITH_TIMEOUT(([&] {
            refused = 0;
            for (const auto &socket : sockets)
                refused += socket->state() != QAbstractSocket::ConnectedState || socket->bytesAvailable() > 0;
            return refused >= clients - HttpIntake::DefaultMaxConnections;
        })(), 20000);
        QCOMPARE(refused, clients - HttpIntake::DefaultMaxConnections);
    }

    void validRequestIsHeldAndReleasedAtTheWindow()
    {
        QSignalSpy digests(m_service.get(), &AttentionService::digestReady);
        const Answer answer = post(R"({"title": "Deploy done", "source": "ci", "sender": "jenkins", "urgency": "low"})",
                                   "Bearer " + m_token);
        QCOMPARE(answer.status, 202);
        const qint64 id = answer.json.value(QStringLiteral("id")).toInteger();
        QVERIFY(id > 0);
        auto item = m_service->repository().find(id).value();
        QVERIFY(item.has_value());
        QCOMPARE(item->state, ItemState::Held);
        QCOMPARE(item->notification.source, QStringLiteral("ci"));
        QCOMPARE(item->notification.sender, QStringLiteral("jenkins"));
        QCOMPARE(item->notification.urgency, Urgency::Low);

        const Answer defaulted = post(R"({"title": "no source"})", "Bearer " + m_token);
        QCOMPARE(defaulted.status, 202);
        QCOMPARE(m_service->repository().find(defaulted.json.value(QStringLiteral("id")).toInteger()).value()->notification.source,
                 QStringLiteral("http"));

        m_clock.setNow(QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC));
        m_service->tick();
        QCOMPARE(digests.size(), 1);
        item = m_service->repository().find(id).value();
        QCOMPARE(item->state, ItemState::Released);
        QCOMPARE(item->notification.releasedAt, m_clock.now());
    }
};

QTEST_GUILESS_MAIN(TestHttpIntake)
#include "tst_httpintake.moc"
