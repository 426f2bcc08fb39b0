// The loopback HTTP intake of a real `fermata serve` decides from the headers: a client that
// announces a 300 MiB body (without the token, or over the size cap with it) is answered at
// once, and serve's peak memory (VmHWM) stays within a few MiB of what it was at idle.
#include "attention/attentionservice.h"
#include "storage/database.h"
#include "testsupport.h"

#include <QFile>
#include <QProcess>
#include <QScopeGuard>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

namespace {

const QString s_fermata = QStringLiteral(FERMATA_EXECUTABLE);
constexpr qint64 s_announcedBytes = 300 * 1024 * 1024; // Content-Length: 314572800
constexpr qint64 s_allowedGrowth = 8 * 1024 * 1024;

// A field of /proc/PID/status in bytes (the kernel reports kB), -1 when missing.
qint64 procStatusBytes(qint64 pid, const QByteArray &field)
{
    QFile file(QStringLiteral("/proc/%1/status").arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (line.startsWith(QByteArray(field + ':')))
            return line.mid(field.size() + 1).trimmed().split(' ').value(0).toLongLong() * 1024;
    }
    return -1;
}

quint16 freePort()
{
    QTcpServer probe;
    return probe.listen(QHostAddress::LocalHost, 0) ? probe.serverPort() : 0;
}

// Streams the announced body in 1 MiB chunks until the server answers or closes; returns what
// it answered. `sentBeforeAnswer` is how much of the body had been handed to the socket.
QByteArray streamHugeBody(quint16 port, const QByteArray &authorization, qint64 *sentBeforeAnswer)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(5000))
        return {};
    QByteArray head = "POST /v1/notifications HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                      "Content-Type: application/json\r\nContent-Length: "
        + QByteArray::number(s_announcedBytes) + "\r\n";
    if (!authorization.isEmpty())
        head += "Authorization: " + authorization + "\r\n";
    socket.write(head + "\r\n");
    const QByteArray chunk(1024 * 1024, 'a');
    QByteArray answer;
    qint64 sent = 0;
    while (sent < s_announcedBytes && socket.state() == QAbstractSocket::ConnectedState
        && !answer.contains("\r\n\r\n")) {
        if (socket.bytesToWrite() < 4 * chunk.size()) {
            socket.write(chunk);
            sent += chunk.size();
        }
        socket.waitForBytesWritten(100);
        answer += socket.readAll();
    }
    *sentBeforeAnswer = sent;
    while (!answer.contains("\r\n\r\n") && socket.state() == QAbstractSocket::ConnectedState
        && socket.waitForReadyRead(30000))
        answer += socket.readAll();
    return answer + socket.readAll();
}

} // namespace

class TestHttpIntakeMemory : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { fermata::test::pinEnvironment(); }

    void hugeBodyIsRefusedFromTheHeaders_data()
    {
        QTest::addColumn<bool>("withToken");
        QTest::addColumn<QByteArray>("status");
        QTest::newRow("no token") << false << QByteArray("401");
        QTest::newRow("over the cap") << true << QByteArray("413");
    }

    void hugeBodyIsRefusedFromTheHeaders()
    {
        QFETCH(bool, withToken);
        QFETCH(QByteArray, status);
        fermata::test::TempDataDir dir;
        const quint16 port = freePort();
        QVERIFY(port != 0);
        QByteArray token;
        {
            auto db = fermata::Database::open(dir.databasePath());
            QVERIFY2(db, qPrintable(db ? QString() : db.error().message));
            fermata::SystemClock clock;
            fermata::AttentionService attention(*db.value(), clock);
            QVERIFY(attention.load(QByteArrayLiteral("UTC")));
            QVERIFY(attention.enableHttp(port));
            token = attention.httpToken();
        }

        QProcess serve;
        const auto stopServe = qScopeGuard([&serve] { // also when a check fails
            serve.kill();
            serve.waitForFinished();
        });
        serve.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        serve.start(s_fermata, { QStringLiteral("--data-dir"), dir.path(), QStringLiteral("serve") });
        QVERIFY(serve.waitForStarted());
        QByteArray output;
        QTRY_VERIFY_WITH_TIMEOUT(
            (output += serve.readAllStandardOutput()).contains("ready") || serve.state() != QProcess::Running,
            30000);
        QCOMPARE(serve.state(), QProcess::Running);
        const qint64 pid = serve.processId();
        const qint64 idleRss = procStatusBytes(pid, "VmRSS");
        const qint64 idlePeak = procStatusBytes(pid, "VmHWM");
        QVERIFY(idlePeak > 0);

        qint64 sent = 0;
        const QByteArray answer = streamHugeBody(port, withToken ? "Bearer " + token : QByteArray(), &sent);
        const qint64 peak = procStatusBytes(pid, "VmHWM");
        qInfo("serve idle: VmRSS %lld KiB, VmHWM %lld KiB; after a %lld-byte announced body "
              "(%lld bytes sent before the answer): VmHWM %lld KiB (+%lld KiB)",
            idleRss / 1024, idlePeak / 1024, s_announcedBytes, sent, peak / 1024, (peak - idlePeak) / 1024);
        QVERIFY2(answer.startsWith(QByteArray("HTTP/1.1 " + status)), answer.left(200).constData());
        QVERIFY2(peak - idlePeak < s_allowedGrowth,
            qPrintable(QStringLiteral("serve's peak memory grew by %1 KiB").arg((peak - idlePeak) / 1024)));

        serve.terminate();
        QVERIFY(serve.waitForFinished(30000));
        QCOMPARE(serve.exitCode(), 0);
    }
};

QTEST_GUILESS_MAIN(TestHttpIntakeMemory)
#include "tst_httpintake_memory.moc"
