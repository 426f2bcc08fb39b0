// The window read its tasks on a worker thread started before the QApplication existed; the
// worker's SQL driver lookup then raced the application's constructor over Qt's plugin paths,
// and between one cold start in twenty and one in a hundred crashed before printing anything.
// Two hundred cold starts in a row must each paint their first frame and exit cleanly.
#include "testsupport.h"

#include <QProcess>
#include <QTest>

class TestColdStarts : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { fermata::test::pinEnvironment(); }

    void everyColdStartPaintsItsFirstFrame()
    {
        fermata::test::TempDataDir dir;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        // Tasks to read, so the worker has work while the window builds itself.
        for (int i = 0; i < 20; ++i) {
            QProcess add;
            add.setProcessEnvironment(env);
            add.start(QStringLiteral(FERMATA_EXECUTABLE),
                { QStringLiteral("--data-dir"), dir.path(), QStringLiteral("tasks"), QStringLiteral("add"),
                    QStringLiteral("Task %1").arg(i) });
            QVERIFY(add.waitForFinished(20000));
            QVERIFY2(add.exitCode() == 0, add.readAllStandardError().constData());
        }
        env.insert(QStringLiteral("FERMATA_STARTUP_PROBE"), QStringLiteral("1"));
        constexpr int starts = 200;
        for (int i = 0; i < starts; ++i) {
            QProcess app;
            app.setProcessEnvironment(env);
            app.start(QStringLiteral(FERMATA_EXECUTABLE), { QStringLiteral("--data-dir"), dir.path() });
            const bool finished = app.waitForFinished(20000);
            if (!finished) {
                app.kill();
                app.waitForFinished();
            }
            const QByteArray err = app.readAllStandardError();
            QVERIFY2(finished, qPrintable(QStringLiteral("start %1 never painted").arg(i + 1)));
            QVERIFY2(app.exitStatus() == QProcess::NormalExit,
                qPrintable(QStringLiteral("start %1 of %2 crashed (signal %3): %4")
                               .arg(i + 1)
                               .arg(starts)
                               .arg(app.exitCode())
                               .arg(QString::fromLocal8Bit(err))));
            QCOMPARE(app.exitCode(), 0);
            QVERIFY(app.readAllStandardOutput().startsWith("first-frame"));
        }
    }
};

QTEST_GUILESS_MAIN(TestColdStarts)
#include "tst_coldstarts.moc"
