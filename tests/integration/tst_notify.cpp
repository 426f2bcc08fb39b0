// `fermata notify` end to end: many concurrent client processes against a running core
// (`fermata serve`, the window's attention engine without the window), and against no app at
// all (each process writes the database itself). Afterwards every acknowledged notification
// is in the database exactly once.
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

#include <memory>
#include <vector>

namespace {

const QString s_fermata = QStringLiteral(FERMATA_EXECUTABLE);

struct Client
{
    std::unique_ptr<QProcess> process;
    QString title;
};

// Starts `count` notify processes at once and waits for all; returns the titles that exited 0.
QStringList notifyConcurrently(const QString &dataDir, const QString &prefix, int count, QStringList *outputs = nullptr)
{
    std::vector<Client> clients;
    for (int i = 0; i < count; ++i) {
        Client c{std::make_unique<QProcess>(), QStringLiteral("%1-%2").arg(prefix).arg(i)};
        c.process->start(s_fermata, {QStringLiteral("--data-dir"), dataDir, QStringLiteral("notify"),
                                     QStringLiteral("--source"), QStringLiteral("test"),
                                     QStringLiteral("--sender"), QStringLiteral("client %1").arg(i % 4),
                                     QStringLiteral("--title"), c.title,
                                     QStringLiteral("--urgency"), i % 3 ? QStringLiteral("normal") : QStringLiteral("low")});
        clients.push_back(std::move(c));
    }
    QStringList acknowledged;
    for (Client &c : clients) {
        if (!c.process->waitForFinished(60000))
            c.process->kill();
        if (c.process->exitStatus() == QProcess::NormalExit && c.process->exitCode() == 0)
            acknowledged.append(c.title);
        else
            qWarning("%s failed: %s", qPrintable(c.title), c.process->readAllStandardError().constData());
        if (outputs)
            outputs->append(QString::fromUtf8(c.process->readAllStandardOutput()));
    }
    return acknowledged;
}

QJsonArray inbox(const QString &dataDir)
{
    QProcess p;
    p.start(s_fermata, {QStringLiteral("--data-dir"), dataDir, QStringLiteral("inbox"), QStringLiteral("--json"),
                        QStringLiteral("--limit"), QStringLiteral("0")});
    if (!p.waitForFinished(30000) || p.exitCode() != 0)
        return {};
    return QJsonDocument::fromJson(p.readAllStandardOutput()).array();
}

QMap<QString, int> titleCounts(const QJsonArray &items)
{
    QMap<QString, int> counts;
    for (const QJsonValue &v : items)
        ++counts[v.toObject().value(QStringLiteral("title")).toString()];
    return counts;
}

} // namespace

class TestNotify : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { fermata::test::pinEnvironment(); }

    void usageErrors()
    {
        QProcess p;
        p.start(s_fermata, {QStringLiteral("notify"), QStringLiteral("--source"), QStringLiteral("x")});
        QVERIFY(p.waitForFinished());
        QCOMPARE(p.exitCode(), 2);
        QVERIFY(p.readAllStandardError().contains("--title"));
        p.start(s_fermata, {QStringLiteral("notify"), QStringLiteral("--source"), QStringLiteral("x"), QStringLiteral("--title"),
                            QStringLiteral("t"), QStringLiteral("--urgency"), QStringLiteral("panic")});
        QVERIFY(p.waitForFinished());
        QCOMPARE(p.exitCode(), 2);
    }

    void withoutTheAppEachProcessWritesDirectly()
    {
        fermata::test::TempDataDir dir;
        QStringList outputs;
        const QStringList acknowledged = notifyConcurrently(dir.path(), QStringLiteral("direct"), 16, &outputs);
        QCOMPARE(acknowledged.size(), 16);
        for (const QString &out : std::as_const(outputs))
            QVERIFY2(out.startsWith(QStringLiteral("Held")) || out.startsWith(QStringLiteral("Delivered")), qPrintable(out));
        const QJsonArray items = inbox(dir.path());
        const QMap<QString, int> counts = titleCounts(items);
        QCOMPARE(items.size(), 16);
        for (const QString &title : acknowledged)
            QCOMPARE(counts.value(title), 1);
        const QJsonObject first = items.at(0).toObject();
        QCOMPARE(first.value(QStringLiteral("source")).toString(), QStringLiteral("test"));
        QVERIFY(first.value(QStringLiteral("received")).toString().endsWith(u'Z'));
        QVERIFY(!first.value(QStringLiteral("reason")).toString().isEmpty());
    }

    void manyClientsAgainstTheRunningCore()
    {
        fermata::test::TempDataDir dir;
        QProcess serve;
        serve.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        serve.start(s_fermata, {QStringLiteral("--data-dir"), dir.path(), QStringLiteral("serve")});
        QVERIFY(serve.waitForStarted());
        QByteArray output; // QTRY evaluates its expression again at the end: keep what was read
        QTRY_VERIFY_WITH_TIMEOUT((output += serve.readAllStandardOutput()).contains("ready")
                                     || serve.state() != QProcess::Running,
                                 30000);
        QCOMPARE(serve.state(), QProcess::Running);

        QStringList outputs;
        const QStringList acknowledged = notifyConcurrently(dir.path(), QStringLiteral("served"), 48, &outputs);
        QCOMPARE(acknowledged.size(), 48);
        for (const QString &out : std::as_const(outputs)) // taken by the running core, not directly
            QVERIFY2(out.startsWith(QStringLiteral("Fermata took notification")), qPrintable(out));

        // A second server for the same profile refuses instead of stealing the socket.
        QProcess second;
        second.start(s_fermata, {QStringLiteral("--data-dir"), dir.path(), QStringLiteral("serve")});
        QVERIFY(second.waitForFinished(30000));
        QCOMPARE(second.exitCode(), 1);

        serve.terminate(); // SIGTERM: a clean shutdown
        QVERIFY(serve.waitForFinished(30000));
        QCOMPARE(serve.exitStatus(), QProcess::NormalExit);
        QCOMPARE(serve.exitCode(), 0);

        const QMap<QString, int> counts = titleCounts(inbox(dir.path()));
        QCOMPARE(counts.size(), 48);
        for (const QString &title : acknowledged)
            QCOMPARE(counts.value(title), 1);

        // With the core gone, the same command stores directly.
        QCOMPARE(notifyConcurrently(dir.path(), QStringLiteral("after"), 1, &outputs).size(), 1);
        QCOMPARE(titleCounts(inbox(dir.path())).size(), 49);
    }

    // SIGKILL leaves the socket file behind; the next serve of the same user takes it over.
    void aKilledServeLeavesNothingInTheWay()
    {
        fermata::test::TempDataDir dir;
        for (int round = 0; round < 2; ++round) {
            QProcess serve;
            serve.setProcessChannelMode(QProcess::ForwardedErrorChannel);
            serve.start(s_fermata, {QStringLiteral("--data-dir"), dir.path(), QStringLiteral("serve")});
            QVERIFY(serve.waitForStarted());
            QByteArray output;
            QTRY_VERIFY_WITH_TIMEOUT((output += serve.readAllStandardOutput()).contains("ready")
                                         || serve.state() != QProcess::Running,
                                     30000);
            QVERIFY2(serve.state() == QProcess::Running, qPrintable(QStringLiteral("round %1").arg(round)));
            QStringList outputs;
            QCOMPARE(notifyConcurrently(dir.path(), QStringLiteral("round%1").arg(round), 1, &outputs).size(), 1);
            QVERIFY2(outputs.value(0).startsWith(QStringLiteral("Fermata took notification")), qPrintable(outputs.value(0)));
            serve.kill();
            QVERIFY(serve.waitForFinished(30000));
        }
    }
};

QTEST_GUILESS_MAIN(TestNotify)
#include "tst_notify.moc"
