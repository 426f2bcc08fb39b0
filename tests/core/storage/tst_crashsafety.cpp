#include "storage/database.h"
#include "storage/repositories.h"
#include "testsupport.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QSet>
#include <QSqlQuery>
#include <QTest>

using namespace fermata;

// Kills a writer with SIGKILL mid-stream and checks that every task it acknowledged survived
// and the file is intact: synchronous=FULL + WAL make "returned ok" mean "on disk".
class TestCrashSafety : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        test::pinEnvironment();
        QVERIFY2(QFile::exists(QStringLiteral(FERMATA_CRASHWRITER)), FERMATA_CRASHWRITER);
    }

    void acknowledgedWritesSurviveKill_data()
    {
        QTest::addColumn<int>("acknowledgedBeforeKill");
        QTest::newRow("round 1") << 200;
        QTest::newRow("round 2") << 350;
        QTest::newRow("round 3") << 500;
    }

    void acknowledgedWritesSurviveKill()
    {
        QFETCH(int, acknowledgedBeforeKill);
        test::TempDataDir dir;
        QSet<qint64> acknowledged;
        // Two runs on the same file: the second starts from what the first left after its kill.
        for (int run = 0; run < 2; ++run) {
            QProcess writer;
            writer.setProcessChannelMode(QProcess::SeparateChannels);
            writer.start(QStringLiteral(FERMATA_CRASHWRITER), {dir.databasePath()});
            QVERIFY2(writer.waitForStarted(10000), qPrintable(writer.errorString()));

            QByteArray pending;
            QElapsedTimer timer;
            timer.start();
            while (acknowledged.size() < acknowledgedBeforeKill * (run + 1)) {
                QVERIFY2(timer.elapsed() < 60000, "the writer is too slow or stuck");
                QVERIFY2(writer.state() == QProcess::Running || writer.bytesAvailable() > 0,
                         writer.readAllStandardError().constData());
                writer.waitForReadyRead(1000);
                pending += writer.readAllStandardOutput();
                qsizetype newline;
                while ((newline = pending.indexOf('\n')) >= 0) {
                    bool isNumber = false;
                    const qint64 id = pending.left(newline).toLongLong(&isNumber);
                    QVERIFY2(isNumber, pending.left(newline).constData());
                    acknowledged.insert(id);
                    pending.remove(0, newline + 1);
                }
            }
            writer.kill(); // SIGKILL: no destructors, no checkpoint
            QVERIFY(writer.waitForFinished(10000));
            QCOMPARE(writer.exitStatus(), QProcess::CrashExit);
            // Anything it printed before dying was acknowledged too.
            pending += writer.readAllStandardOutput();
            for (const QByteArray &line : pending.split('\n')) {
                if (line.isEmpty())
                    continue;
                bool isNumber = false;
                const qint64 id = line.toLongLong(&isNumber);
                if (isNumber) // a line cut by the kill was never acknowledged
                    acknowledged.insert(id);
            }
        }

        auto db = Database::open(dir.databasePath());
        QVERIFY2(db.isOk(), qPrintable(db.isOk() ? QString() : db.error().message));
        QSqlQuery check((*db)->connection());
        QVERIFY(check.exec(QStringLiteral("PRAGMA integrity_check")));
        QVERIFY(check.next());
        QCOMPARE(check.value(0).toString(), QStringLiteral("ok"));
        check.finish();

        const auto tasks = TaskRepository(**db).all();
        QVERIFY(tasks.isOk());
        QSet<qint64> stored;
        for (const Task &task : *tasks) {
            stored.insert(task.id);
            QCOMPARE(task.tags.size(), 2); // tags were written in the same transaction
        }
        const QSet<qint64> lost = acknowledged - stored;
        QVERIFY2(lost.isEmpty(), qPrintable(QStringLiteral("%1 acknowledged tasks lost")
                                                .arg(lost.size())));
        QVERIFY(stored.size() >= acknowledged.size());
    }
};

QTEST_GUILESS_MAIN(TestCrashSafety)
#include "tst_crashsafety.moc"
