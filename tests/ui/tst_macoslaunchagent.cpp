// Start at login on macOS (built and run there only): the LaunchAgent property list, written to
// a folder of the test's own, checked by plutil, and removed again.
#include "macoslaunchagent.h"
#include "testsupport.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace fermata;

class TestMacLaunchAgent : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void enablingWritesAValidAgentAndDisablingRemovesIt()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString agents = dir.filePath(QStringLiteral("LaunchAgents"));
        const MacLaunchAgent agent(QStringLiteral("/Applications/Fermata.app/Contents/MacOS/fermata"),
                                   QStringLiteral("/Users/ada/R&D <work>"), agents);
        QVERIFY(!agent.isEnabled());
        QVERIFY(agent.setEnabled(true));
        QVERIFY(agent.isEnabled());
        QCOMPARE(agent.filePath(), agents + QStringLiteral("/io.fermata.Fermata.plist"));
        const QByteArray plist = test::fileBytes(agent.filePath());
        QVERIFY(plist.contains("<key>RunAtLoad</key>\n    <true/>"));
        // Arguments are a vector, not a shell line: only the XML escapes.
        QVERIFY(plist.contains("<string>/Users/ada/R&amp;D &lt;work&gt;</string>"));
        QVERIFY(plist.contains("<string>--tray</string>"));
        const QString plutil = QStandardPaths::findExecutable(QStringLiteral("plutil"));
        if (!plutil.isEmpty()) {
            QProcess lint;
            lint.start(plutil, {QStringLiteral("-lint"), agent.filePath()});
            QVERIFY(lint.waitForFinished());
            QVERIFY2(lint.exitCode() == 0, lint.readAllStandardOutput().constData());
        }
        QVERIFY(agent.setEnabled(false));
        QVERIFY(!agent.isEnabled());
        QVERIFY(!QFile::exists(agent.filePath()));
    }

    void aFolderThatCannotBeMadeIsReported()
    {
        QTemporaryDir dir;
        const QString blocker = dir.filePath(QStringLiteral("blocker"));
        QFile file(blocker);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        const MacLaunchAgent agent(QStringLiteral("/Applications/Fermata.app/Contents/MacOS/fermata"), {},
                                   blocker + QStringLiteral("/LaunchAgents"));
        const Status written = agent.setEnabled(true);
        QVERIFY(!written);
        QVERIFY(written.error().message.contains(QStringLiteral("could not write")));
    }
};

QTEST_GUILESS_MAIN(TestMacLaunchAgent)
#include "tst_macoslaunchagent.moc"
