// `fermata --tray` (the autostart entry's Exec) keeps the window hidden only where a tray can bring
// it back. Offscreen has no tray, so here the window must open: the start-up probe reports its
// first frame. A window that stayed hidden would never paint, and the probe would never answer.
#include "testsupport.h"

#include <QProcess>
#include <QTest>

class TestStartInTray : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { fermata::test::pinEnvironment(); }

    void withoutATrayTheWindowStillOpens()
    {
        fermata::test::TempDataDir dir;
        QProcess app;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("FERMATA_STARTUP_PROBE"), QStringLiteral("1"));
        app.setProcessEnvironment(env);
        app.start(QStringLiteral(FERMATA_EXECUTABLE),
            { QStringLiteral("--data-dir"), dir.path(), QStringLiteral("--tray") });
        const bool finished = app.waitForFinished(20000);
        if (!finished) {
            app.kill();
            app.waitForFinished();
        }
        QVERIFY2(finished, "the window never painted: --tray hid it with no tray to bring it back");
        QCOMPARE(app.exitCode(), 0);
        QVERIFY(app.readAllStandardOutput().startsWith("first-frame"));
    }
};

QTEST_GUILESS_MAIN(TestStartInTray)
#include "tst_startintray.moc"
