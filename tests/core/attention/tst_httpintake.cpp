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
#include <QTest>

using namespace fermata;

namespace {

struct Answer
{
    int status = 0;
    QJsonObject json;
};

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
